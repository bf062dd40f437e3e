"""The involvement report: thin; access from insight.access, figures from selectors."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

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
        {
            "viewer": viewer,
            "rows": rows,
            "threshold": THRESHOLD,
            "drafts": selectors.pathway_drafts_for(viewer),
        },
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
            "drafts": selectors.pathway_drafts_for(viewer),
        },
    )


@insight_view
def pathway_insight(request, viewer, page_id: int):
    """What people said about each step of a draft pathway (easy read; counts protected)."""
    page = get_object_or_404(selectors.pathway_drafts_for(viewer), pk=page_id)
    return render(
        request,
        "involvement/pathway_insight.html",
        {
            "viewer": viewer,
            "page": page,
            "steps": selectors.pathway_step_insight(page=page, exact=viewer.exact),
            "threshold": THRESHOLD,
        },
    )
