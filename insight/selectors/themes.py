"""The pledges, pathways and promoted themes insight is about, as the pages name them."""

from __future__ import annotations

from dataclasses import dataclass

from cms.models import Pathway, Pledge, term_label
from cms.models import Theme as ThemeTerm


@dataclass(frozen=True)
class Theme:
    code: str
    kind: str
    name: str
    easy_read: str
    picture: str
    number: int | None
    collaborative: str

    @property
    def label(self) -> str:
        return term_label(self.name, self.number)

    @property
    def easy_name(self) -> str:
        return self.name[:1].lower() + self.name[1:] if self.name else ""


def themes(codes: frozenset[str] | set[str]) -> list[Theme]:
    """The pledges (in number order), pathways then themes named by ``codes``: three queries."""
    out: list[Theme] = []
    fields = ("code", "name", "easy_read", "picture", "collaborative__name")
    for model, kind in ((Pledge, "pledge"), (Pathway, "pathway"), (ThemeTerm, "theme")):
        extra = ("number",) if model is Pledge else ()
        for row in model.objects.filter(code__in=codes).values(*fields, *extra):
            out.append(
                Theme(
                    code=row["code"],
                    kind=kind,
                    name=row["name"],
                    easy_read=row["easy_read"],
                    picture=row["picture"] or ("tick" if kind == "pledge" else "support"),
                    number=row.get("number"),
                    collaborative=row["collaborative__name"] or "",
                )
            )
    return out


def theme_get(code: str) -> Theme | None:
    found = themes({code})
    return found[0] if found else None
