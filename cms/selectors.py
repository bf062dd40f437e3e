"""Reads for the cms app. Plain data out, so the tagger and insight need no Django models."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale

from .models import (
    ConsultationIndexPage,
    ConsultationPage,
    Pathway,
    Pledge,
    Theme,
    split_lines,
    term_label,
)


@dataclass(frozen=True)
class TaxonomyItem:
    """A pledge or pathway as plain data (what ``tasks.tagging`` labels are built from)."""

    code: str
    kind: str  # "pledge", "pathway" or "theme"
    name: str
    description: str
    easy_read: str
    keywords: tuple[str, ...]
    examples: tuple[str, ...]
    collaborative: str  # the collaborative's code, "" if none
    number: int | None = None  # pledges only

    @property
    def label(self) -> str:
        """How staff screens name it: "Pledge 9: …" tells a pledge from a like-named pathway."""
        return term_label(self.name, self.number)


_FIELDS = ("code", "name", "description", "easy_read", "keywords", "examples")


def _items(model, kind: str, extra: tuple[str, ...] = ()) -> list[TaxonomyItem]:
    # One query per kind: values() with the collaborative code joined in, no model instances.
    rows = model.objects.filter(active=True).values(*_FIELDS, *extra, "collaborative__code")
    return [
        TaxonomyItem(
            code=row["code"],
            kind=kind,
            name=row["name"],
            description=row["description"],
            easy_read=row["easy_read"],
            keywords=tuple(split_lines(row["keywords"])),
            examples=tuple(split_lines(row["examples"])),
            collaborative=row["collaborative__code"] or "",
            number=row.get("number"),
        )
        for row in rows
    ]


def active_taxonomy() -> list[TaxonomyItem]:
    """Every active pledge (in number order), pathway, then theme: three queries in all."""
    return [
        *_items(Pledge, "pledge", ("number",)),
        *_items(Pathway, "pathway"),
        *_items(Theme, "theme"),
    ]


def taxonomy_rows() -> list[dict[str, str]]:
    """Every pledge, pathway and theme, active or not, as CSV rows (see ``cms.services``)."""
    rows = []
    for model, kind in ((Pledge, "pledge"), (Pathway, "pathway"), (Theme, "theme")):
        for row in model.objects.values("code", "name", "description", "keywords"):
            rows.append(
                {
                    "code": row["code"],
                    "kind": kind,
                    "name": row["name"],
                    "description": row["description"],
                    "keywords": ";".join(split_lines(row["keywords"])),
                }
            )
    return rows


def consultations_live(locale=None):
    """Live public consultations in one language (the one being shown, by default)."""
    locale = locale or Locale.get_active()
    return ConsultationPage.objects.live().public().filter(locale=locale).order_by("-opens_at")


def consultations_open(*, now=None, locale=None) -> list[ConsultationPage]:
    now = now or timezone.now()
    return [c for c in consultations_live(locale) if c.status_at(now) == "open"]


def consultations_grouped(index: ConsultationIndexPage, *, now=None) -> list[dict]:
    """The index page's consultations: open first, then not open yet, closed, with results."""
    now = now or timezone.now()
    pages = ConsultationPage.objects.child_of(index).live().public().order_by("-opens_at")
    order = ["open", "upcoming", "closed", "results"]
    labels = {
        "open": "Open now",
        "upcoming": "Opening soon",
        "closed": "Closed",
        "results": "What changed",
    }
    groups = {status: [] for status in order}
    for page in pages:
        groups[str(page.status_at(now))].append(page)
    return [{"status": s, "heading": labels[s], "pages": groups[s]} for s in order if groups[s]]
