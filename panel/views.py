"""The panel's screens: the checks waiting, and one page or snippet (an outcome, an easy-read
insight summary) to check point by point.

Thin: reads in selectors.py, writes in services.py. Panel members sign in like other staff
(with two-factor sign-in); they never need the Wagtail admin."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role, has_role
from easyread.glossary import Glossary

from . import selectors, services
from .forms import CheckForm
from .models import PanelAnswer


def _panel_member(user) -> bool:
    return has_role(user, Role.EXPERT_BY_EXPERIENCE)


@login_required
def check_list(request):
    if not _panel_member(request.user):
        raise Http404
    waiting = selectors.checks_waiting(user=request.user)
    return render(request, "panel/list.html", {"waiting": waiting, "title": "Pages to check"})


@login_required
def check_page(request, task_state_id: int):
    if not _panel_member(request.user):
        raise Http404
    task_state = selectors.check_for_member(user=request.user, task_state_id=task_state_id)
    if task_state is None:
        raise Http404
    obj, points = selectors.points_to_check(task_state)
    block_ids = [p.block_id for p in points]
    form = CheckForm(request.POST or None, request.FILES or None, block_ids=block_ids)
    if request.method == "POST" and form.is_valid():
        answers = [services.BlockAnswer(**a) for a in form.answers()]
        services.panel_check_record(
            task_state_id=task_state.pk, user=request.user, answers=answers
        )
        understood = all(a.understood for a in answers)
        return redirect(f"/check/done/?all={'yes' if understood else 'no'}")
    rows = [
        {
            "point": p,
            "number": n,
            "answer": form[f"answer-{p.block_id}"],
            "reason": form[f"reason-{p.block_id}"],
            "audio": form[f"audio-{p.block_id}"],
        }
        for n, p in enumerate(points, start=1)
    ]
    return render(
        request,
        "panel/check.html",
        {
            "name": selectors.object_name(obj),
            "name_language": selectors.object_language(obj),
            "form": form,
            "rows": rows,
            "error_links": [
                {"href": f"#{form[name].auto_id}", "text": f"Point {n}: {errors[0]}"}
                for n, p in enumerate(points, start=1)
                for name in (f"answer-{p.block_id}", f"reason-{p.block_id}", f"audio-{p.block_id}")
                if (errors := form.errors.get(name))
            ],
            "glossary": Glossary.from_database(),
            "title": f"Check: {selectors.object_name(obj)}",
        },
        status=400 if form.errors else 200,
    )


@login_required
def check_done(request):
    if not _panel_member(request.user):
        raise Http404
    everyone = request.GET.get("all") == "yes"
    return render(request, "panel/done.html", {"all_understood": everyone, "title": "Thank you"})


@login_required
def answer_audio(request, answer_id: int):
    """A spoken reason, for the editors (and the member who recorded it). Every playing by
    someone else is audited, like participants' audio answers."""
    answer = get_object_or_404(PanelAnswer, pk=answer_id)
    if not answer.audio:
        raise Http404
    may_listen = has_role(request.user, Role.EDITOR, Role.ENGAGEMENT, Role.ADMINISTRATOR) or (
        answer.checked_by_id == request.user.pk
    )
    if not may_listen:
        raise Http404
    if answer.checked_by_id != request.user.pk:
        audit_record(
            user=request.user,
            action=AuditAction.DOWNLOAD_AUDIO,
            target=f"panel-answer:{answer.pk}",
        )
    response = FileResponse(answer.audio.open("rb"), content_type=answer.audio_content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
