"""Who may see which insight, and how (one place for every view, export and API call).

- Engagement team (and superusers): every pledge and pathway, exact numbers, raw responses
  and tags.
- Collaborative members and experts by experience: only the pledges and pathways their
  collaborative(s) are accountable for, aggregated and suppressed (``insight.suppression``),
  never raw responses. Experts by experience get the easy-read view first.
- Anyone else: nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.models import TERM_MODELS
from cms.roles import Role, has_role


@dataclass(frozen=True)
class Viewer:
    user: object
    codes: frozenset[str]  # the pledge/pathway codes this viewer may see
    exact: bool  # sees exact numbers (no suppression)
    raw: bool  # may see raw responses and tags, and export them
    easy_read_first: bool

    @property
    def can_see_insight(self) -> bool:
        return self.raw or bool(self.codes)

    def may_see(self, code: str) -> bool:
        return code in self.codes


def _all_codes() -> frozenset[str]:
    return frozenset(
        code for model in TERM_MODELS for code in model.objects.values_list("code", flat=True)
    )


def _collaborative_codes(user) -> frozenset[str]:
    """A promoted theme has no collaborative until staff give it one, so until then only
    the engagement team sees it."""
    return frozenset(
        code
        for model in TERM_MODELS
        for code in model.objects.filter(collaborative__members=user).values_list(
            "code", flat=True
        )
    )


def viewer_for(user) -> Viewer:
    if not getattr(user, "is_authenticated", False):
        return Viewer(user, frozenset(), exact=False, raw=False, easy_read_first=False)
    if has_role(user, Role.ENGAGEMENT):
        return Viewer(user, _all_codes(), exact=True, raw=True, easy_read_first=False)
    if has_role(user, Role.COLLABORATIVE_MEMBER, Role.EXPERT_BY_EXPERIENCE):
        expert_only = has_role(user, Role.EXPERT_BY_EXPERIENCE) and not has_role(
            user, Role.COLLABORATIVE_MEMBER
        )
        return Viewer(
            user, _collaborative_codes(user), exact=False, raw=False, easy_read_first=expert_only
        )
    return Viewer(user, frozenset(), exact=False, raw=False, easy_read_first=False)
