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
from .taxonomy import Collaborative, Pathway, Pledge, split_lines

__all__ = [
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
    "YouSaidWeDidPage",
    "split_lines",
]
