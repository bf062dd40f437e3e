"""The involvement report: thin; access from insight.access, figures from selectors."""

from __future__ import annotations

from django.shortcuts import redirect, render

from insight.suppression import THRESHOLD
from insight.views import insight_view

from . import selectors


@insight_view
def report(request, viewer):
    if viewer.easy_read_first and "standard" not in request.GET:
        return redirect("involvement:easy_report")
    rows = selectors.involvement_report(viewer=viewer)
    return render(
        request,
        "involvement/report.html",
        {"viewer": viewer, "rows": rows, "threshold": THRESHOLD},
    )


@insight_view
def easy_report(request, viewer):
    rows = selectors.involvement_report(viewer=viewer)
    return render(
        request,
        "involvement/easy_report.html",
        {
            "viewer": viewer,
            "rows": rows,
            "threshold": THRESHOLD,
        },
    )
