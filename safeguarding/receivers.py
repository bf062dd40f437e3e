"""Where safeguarding plugs into the seams lower apps offer (called from ``apps.ready``)."""

from tasks.holds import HoldProvider, register_hold_provider
from tasks.retention import retention_applied
from tasks.signals import texts_to_screen
from tasks.sweep import register as register_sweeper

from . import selectors, services


def screen_texts(sender, *, kind: str, ids: list[int], **kwargs) -> None:
    """Tagging jobs send ``texts_to_screen`` first: screen before tagging, commit on its own."""
    if kind == "response":
        services.responses_screen(response_ids=ids)
    elif kind == "contribution":
        services.contributions_screen(contribution_ids=ids)


def connect() -> None:
    # Tag review and themes ask tasks.holds what is held; this is where the answer lives.
    register_hold_provider(
        HoldProvider(held_targets=selectors.held_targets, uncontained=selectors.uncontained)
    )
    texts_to_screen.connect(screen_texts, dispatch_uid="safeguarding-screen")
    retention_applied.connect(services.flag_copies_clear, dispatch_uid="safeguarding-retention")
    # Files screened from the admin are deleted when their time is up.
    retention_applied.connect(services.screen_jobs_expire, dispatch_uid="safeguarding-screens")
    # The periodic sweep also re-sends notifications that never went out, and queues again
    # the screens of uploaded files whose job was lost.
    register_sweeper(services.flags_notify_pending)
    register_sweeper(services.screen_jobs_sweep)
