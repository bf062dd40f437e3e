"""Reads for insight, one module per concern (the app's ``services.py`` does the writes):

- ``cells``: counted tags and the pre-aggregated / live cells every figure adds up from;
- ``figures``: the overview and one pledge or pathway's figures, through disclosure control;
- ``quotes``: people's words as evidence, only from groups big enough;
- ``themes``: the pledges and pathways by code;
- ``raw``: the tagged words themselves (engagement team);
- ``representation``: who has answered so far, against targets (engagement team);
- ``outcomes``: you said, we did; who to tell;
- ``follow``: follow your words.

The filter is ``insight.filters.Filters``; the disclosure rule ``insight.suppression``.
"""

from .cells import (
    CELL_SUMS,
    COUNT_FLOOR,
    QUOTE_FLOOR,
    SENTIMENT,
    SENTIMENT_EASY,
    SENTIMENT_TYPES,
    contribution_tags,
    in_months,
    live_cells,
    response_cells,
    response_tags,
)
from .figures import (
    CompareRow,
    Comparison,
    MonthCount,
    Row,
    ThemeCount,
    ThemeInsight,
    overview,
    shown,
    theme_insight,
)
from .follow import FollowedResponse, follow_response
from .outcomes import (
    OutcomeView,
    outcome_in_language,
    outcome_tells_people,
    outcome_translations,
    outcomes_in_language,
    outcomes_published,
    page_in_language,
    responses_to_notify,
    you_said_we_did_page,
)
from .quotes import Quote
from .raw import tagged_items
from .representation import (
    Representation,
    RepresentationRow,
    RepresentationTable,
    consultations_for_filter,
    representation,
)
from .summaries import SummaryView, summary_published
from .themes import Theme, theme_get, themes

__all__ = [
    "CELL_SUMS",
    "COUNT_FLOOR",
    "QUOTE_FLOOR",
    "SENTIMENT",
    "SENTIMENT_EASY",
    "SENTIMENT_TYPES",
    "CompareRow",
    "Comparison",
    "FollowedResponse",
    "MonthCount",
    "OutcomeView",
    "Quote",
    "Representation",
    "RepresentationRow",
    "RepresentationTable",
    "Row",
    "SummaryView",
    "Theme",
    "ThemeCount",
    "ThemeInsight",
    "consultations_for_filter",
    "contribution_tags",
    "follow_response",
    "in_months",
    "live_cells",
    "outcome_in_language",
    "outcome_tells_people",
    "outcome_translations",
    "outcomes_in_language",
    "outcomes_published",
    "overview",
    "page_in_language",
    "representation",
    "response_cells",
    "response_tags",
    "responses_to_notify",
    "shown",
    "summary_published",
    "tagged_items",
    "theme_get",
    "theme_insight",
    "themes",
    "you_said_we_did_page",
]
