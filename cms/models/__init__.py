"""Models of the cms app: public pages, the LLR taxonomy and the staff audit log."""

from .audit import AuditAction, AuditEvent
from .pages import (
    ConsultationEvent,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationStatus,
    HomePage,
    PlanSummaryPage,
    RetentionAction,
    StandardPage,
    YouSaidWeDidPage,
)
from .taxonomy import (
    TERM_MODELS,
    Collaborative,
    Pathway,
    Pledge,
    Theme,
    code_in_use,
    split_lines,
    term_label,
)

__all__ = [
    "TERM_MODELS",
    "AuditAction",
    "AuditEvent",
    "Collaborative",
    "ConsultationEvent",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationStatus",
    "HomePage",
    "Pathway",
    "PlanSummaryPage",
    "Pledge",
    "RetentionAction",
    "StandardPage",
    "Theme",
    "YouSaidWeDidPage",
    "code_in_use",
    "split_lines",
    "term_label",
]
