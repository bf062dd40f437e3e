"""Easy-read findings for whole StreamFields and pages: one pure function the editor panel,
the preview, ``manage.py easyread_audit`` and a publish job all call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import checks
from .blocks import EasyReadStreamBlock


@dataclass(frozen=True)
class BlockFindings:
    """The findings for one block of a StreamField, with enough to find the block again."""

    field: str
    block_id: str
    block_type: str
    position: int  # 1-based, as editors count
    label: str  # the block's first words
    findings: tuple[checks.Finding, ...] = ()

    def as_dict(self) -> dict:
        return {
            "field": self.field,
            "block_id": self.block_id,
            "block_type": self.block_type,
            "position": self.position,
            "label": self.label,
            "findings": [
                {
                    "code": f.code,
                    "severity": str(f.severity),
                    "message": f.message,
                    "excerpt": f.excerpt,
                }
                for f in self.findings
            ],
        }


@dataclass(frozen=True)
class PageFindings:
    blocks: tuple[BlockFindings, ...] = ()
    page: tuple[checks.Finding, ...] = ()  # whole-page findings, e.g. too many words
    words: int = 0

    @property
    def count(self) -> int:
        return len(self.page) + sum(len(b.findings) for b in self.blocks)

    @property
    def by_block_id(self) -> dict[str, BlockFindings]:
        return {b.block_id: b for b in self.blocks}

    def as_dict(self) -> dict:
        return {
            "words": self.words,
            "count": self.count,
            "page": [
                {"code": f.code, "severity": str(f.severity), "message": f.message}
                for f in self.page
            ],
            "blocks": [b.as_dict() for b in self.blocks if b.findings],
        }


def _label(block_type: str, value) -> str:
    text = ""
    if isinstance(value, dict) or hasattr(value, "get"):
        text = value.get("text") or value.get("title") or ""
        if not text and value.get("steps"):
            text = value["steps"][0]
        if not text and value.get("term") is not None:
            text = str(value["term"])
    words = " ".join(str(text).split()[:8])
    return words or block_type.replace("_", " ")


def block_label(child) -> str:
    """A StreamField block's first words, as editors know it (or its type when it has none)."""
    return _label(child.block_type, child.value)


def _block_text(value) -> str:
    parts: list[str] = []
    for key in ("text", "title"):
        if value.get(key):
            parts.append(value[key])
    parts.extend(value.get("steps") or [])
    return "\n".join(parts)


def stream_findings(
    stream_value, *, field_name: str = "", glossary: Iterable[str] = ()
) -> list[BlockFindings]:
    """Findings per block, in page order, for an easy-read StreamField value."""
    terms = tuple(glossary)
    result: list[BlockFindings] = []
    for position, child in enumerate(stream_value, start=1):
        check = getattr(child.block, "easyread_findings", None)
        found = tuple(check(child.value, glossary=terms)) if check else ()
        result.append(
            BlockFindings(
                field=field_name,
                block_id=str(child.id or ""),
                block_type=child.block_type,
                position=position,
                label=_label(child.block_type, child.value),
                findings=found,
            )
        )
    return result


def easy_read_fields(page) -> list[str]:
    """Names of the page's StreamFields that hold easy read."""
    names = []
    for model_field in page._meta.get_fields():
        stream_block = getattr(model_field, "stream_block", None)
        if isinstance(stream_block, EasyReadStreamBlock):
            names.append(model_field.name)
    return names


def findings_for_streams(streams: dict, *, glossary: Iterable[str] = ()) -> PageFindings:
    terms = tuple(glossary)
    blocks: list[BlockFindings] = []
    texts: list[str] = []
    for name, value in streams.items():
        blocks.extend(stream_findings(value, field_name=name, glossary=terms))
        texts.extend(_block_text(child.value) for child in value if hasattr(child.value, "get"))
    return PageFindings(
        blocks=tuple(blocks),
        page=tuple(checks.check_page(texts)),
        words=sum(checks.count_words(t) for t in texts),
    )


def checked_fields(page) -> list[str]:
    """Names of the page's StreamFields whose blocks check their own wording: easy-read
    bodies, and survey questions (``feedback.blocks.QuestionBlock``)."""
    names = []
    for model_field in page._meta.get_fields():
        stream_block = getattr(model_field, "stream_block", None)
        if stream_block is not None and any(
            hasattr(b, "easyread_findings") for b in stream_block.child_blocks.values()
        ):
            names.append(model_field.name)
    return names


def glossary_terms(locale_id: int | None = None) -> list[str]:
    """The glossary's words: of one language (its Wagtail locale id) when given, else all."""
    from .models import GlossaryTerm

    terms = GlossaryTerm.objects.all()
    if locale_id is not None:
        terms = terms.filter(locale_id=locale_id)
    return list(terms.values_list("term", flat=True))


def easyread_findings_for_page(page, *, glossary: Iterable[str] | None = None) -> PageFindings:
    """Every easy-read finding for a page (a specific Page instance or revision object).

    Reads the glossary once (one query) unless it is given; everything else is pure.
    """
    if glossary is None:  # the glossary of the page's own language
        glossary = glossary_terms(getattr(page, "locale_id", None))
    terms = tuple(glossary)
    streams = {name: getattr(page, name) for name in checked_fields(page)}
    return findings_for_streams(streams, glossary=terms)
