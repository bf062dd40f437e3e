"""Writes for the panel: record one member's answers (on a page, also as Wagtail comments)
and move the workflow on (approve when every point is understood, otherwise send it back)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from wagtail.models import Comment, Page, TaskState

from feedback.uploads import audio_check

from .models import PanelAnswer
from .selectors import check_for_member, points_to_check

NOT_UNDERSTOOD = "An expert by experience did not understand this point."


@dataclass(frozen=True)
class BlockAnswer:
    block_id: str
    understood: bool
    reason: str = ""
    audio: File | None = None


def _comment_text(answer: BlockAnswer, panel_answer: PanelAnswer) -> str:
    parts = [NOT_UNDERSTOOD]
    if answer.reason:
        parts.append(f"They said: “{answer.reason}”")
    if panel_answer.audio:
        parts.append(f"They recorded a reason: listen at /check/answers/{panel_answer.pk}/audio/")
    return " ".join(parts)


def _publisher(user, obj):
    """Who publishes when the workflow finishes: the submitter if they may publish."""
    if user is None:
        return None
    if isinstance(obj, Page):
        return user if obj.permissions_for_user(user).can_publish() else None
    meta = obj._meta
    return user if user.has_perm(f"{meta.app_label}.publish_{meta.model_name}") else None


@transaction.atomic
def panel_check_record(*, task_state_id: int, user, answers: list[BlockAnswer]) -> TaskState:
    """Store ``user``'s answers for an in-progress check and approve or reject it.

    On a page, each "I don't understand this" also becomes a Wagtail comment on that block's
    text (what the editor sees beside the block); snippets have no comments, so their editor
    reads the answers themselves (``selectors.latest_not_understood``). Every point must be
    answered; audio is checked with the participants' bounded audio validation before
    anything is stored."""
    task_state = check_for_member(user=user, task_state_id=task_state_id)
    if task_state is None:
        raise PermissionDenied("This check is not waiting for you.")
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    obj, points = points_to_check(task_state)
    by_id = {p.block_id: p for p in points}
    if {a.block_id for a in answers} != set(by_id):
        raise ValueError("Every point needs an answer.")
    for answer in answers:
        if answer.audio:
            audio_check(answer.audio)
    comment_page = Page.objects.get(pk=obj.pk) if isinstance(obj, Page) else None
    live = comment_page or type(obj).objects.get(pk=obj.pk)
    for answer in answers:
        point = by_id[answer.block_id]
        sniffed = audio_check(answer.audio) if answer.audio else None
        panel_answer = PanelAnswer(
            task_state=task_state,
            revision=task_state.revision,
            field=point.field,
            block_id=answer.block_id,
            understood=answer.understood,
            reason=answer.reason.strip(),
            checked_by=user,
            audio_content_type=sniffed.content_type if sniffed else "",
        )
        if answer.audio and sniffed:
            panel_answer.audio.save(
                secrets.token_hex(16) + sniffed.extension, answer.audio, save=False
            )
        panel_answer.full_clean(exclude=["comment", "audio"])
        panel_answer.save()
        if not answer.understood and comment_page is not None:
            # On the block's words where it has them, so the comment sits on that field.
            has_text = hasattr(point.child.value, "keys") and "text" in point.child.value
            path = f"{point.field}.{answer.block_id}" + (".text" if has_text else "")
            panel_answer.comment = Comment.objects.create(
                page=comment_page,
                user=user,
                text=_comment_text(answer, panel_answer),
                contentpath=path,
                revision_created=task_state.revision,
            )
            panel_answer.save(update_fields=["comment"])
    if all(a.understood for a in answers):
        # Recorded as the panel member's approval (who checked, and when: finished_by and
        # finished_at). Panel members cannot publish, so when this is the last step Wagtail
        # publishes on behalf of the person who submitted the page for checking.
        task_state.approve(user=user, update=False, comment="Every point was understood.")
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db()
        workflow_state.update(user=_publisher(workflow_state.requested_by, live))
    else:
        missed = sum(not a.understood for a in answers)
        task_state.reject(
            user=user,
            comment=f"{missed} point(s) not understood: see "
            + ("the comments on those blocks." if comment_page else "them in the form."),
        )
    return task_state
