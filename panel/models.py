"""The panel's Wagtail workflow task and what its members answered.

``ExpertCheckTask`` is a group approval task, so Wagtail's own workflow machinery does the
rest (locking, "needs changes", resubmission, publishing on approval). It checks pages and
workflow snippets (outcomes, easy-read insight summaries) alike. Panel members never use the
Wagtail admin: they answer on ``/check/`` (panel/views.py), point by point. On a page their
"I don't understand this" answers become Wagtail comments on that block; snippets have no
Wagtail comments, so the editor sees the ``PanelAnswer`` rows in the snippet's form
(``cms.panels.EasyReadPanelAnswersPanel``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from feedback.storage import get_private_storage


class ExpertCheckTask(AbstractGroupApprovalTask):
    """Experts by experience check the easy read before it is published."""

    def start(self, workflow_state, user=None):
        from .selectors import points_to_check

        task_state = super().start(workflow_state, user=user)
        latest = (
            Revision.objects.for_instance(workflow_state.content_object).order_by("-id").first()
        )
        if latest is not None and latest.pk != task_state.revision_id:
            # A snippet resubmitted after "needs changes": Wagtail resumes the workflow with
            # the object as it was loaded before the new revision was saved, so the task
            # would check (and, on approval, publish) the old wording. Check the latest.
            task_state.revision = latest
            task_state.save(update_fields=["revision"])
        if not points_to_check(task_state)[1]:
            # Nothing in easy read to check (a survey, the home page): pass straight on;
            # Wagtail moves the workflow on when a task starts already approved.
            task_state.status = TaskState.STATUS_APPROVED
            task_state.finished_at = timezone.now()
            task_state.comment = "No easy read on this page to check."
            task_state.save(update_fields=["status", "finished_at", "comment"])
        return task_state

    def user_can_access_editor(self, obj, user):
        # Panel members answer on /check/, not in the editor.
        return user.is_superuser

    def get_actions(self, obj, user):
        # Only a superuser (standing in for the panel) sees approve/reject in the admin.
        return super().get_actions(obj, user) if user.is_superuser else []

    @classmethod
    def get_description(cls):
        return (
            "Experts by experience read the page in easy read, point by point, and say if "
            "they understand it. Anything they do not understand goes back to the editor."
        )

    class Meta:
        verbose_name = "Checked by experts by experience"
        verbose_name_plural = "Checked by experts by experience"


def answer_audio_path(instance: "PanelAnswer", filename: str) -> str:
    # The name is chosen by the service (random); never the uploader's file name.
    return f"panel-audio/{filename}"


class PanelAnswer(models.Model):
    """One panel member's answer about one point (block) of one revision."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+"
    )
    field = models.CharField(max_length=64)
    block_id = models.CharField(max_length=64)
    understood = models.BooleanField()
    reason = models.TextField(blank=True, max_length=2000)
    audio = models.FileField(
        storage=get_private_storage, upload_to=answer_audio_path, blank=True, max_length=200
    )
    audio_content_type = models.CharField(max_length=64, blank=True)
    comment = models.ForeignKey(
        "wagtailcore.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["task_state", "id"]

    def __str__(self) -> str:
        return f"{self.block_id}: {'understood' if self.understood else 'not understood'}"
