"""Quotes: people's own words as evidence, redacted, from several voices, and never from a
group small enough to point at someone.

A quote is eligible only when the *finest* group its author belongs to, the one every filter
combination narrows towards (the same survey, month, voice, area and language; for focus
groups the same consultation, month and speaker group), shows at least ``QUOTE_GROUP_SHOWN``
through the disclosure rule (so has 6 or more people). Whatever filters someone switches on
and off, the group they can pin a quote to is never smaller than that.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import Length, RowNumber

from feedback.labels import SPEAKER_TO_VOICE, VOICE_EASY_ONE, VOICE_LABELS
from feedback.models import WordsKind
from feedback.redaction import redact
from safeguarding.selectors import uncontained
from tasks.models import QUOTE_ORDER as TAG_QUOTE_ORDER
from tasks.models import Tag

from ..filters import Filters, month_of
from ..suppression import Records, may_quote
from .cells import QUOTE_FLOOR, contribution_tags, response_tags

QUOTE_MIN_CHARS = 15
QUOTE_MAX_CHARS = 240
QUOTES_PER_VOICE = 2
QUOTES_MAX = 6
QUOTE_CANDIDATES = 300
# Ranked per voice before eligibility is known, so a few spare in case the best are not.
_RANKED_PER_VOICE = 3 * QUOTES_PER_VOICE

# Confirmed by a person first, then the tagger's most confident (tasks' quote indexes).
QUOTE_ORDER = list(TAG_QUOTE_ORDER)


@dataclass(frozen=True)
class Quote:
    text: str
    voice: str  # a key of VOICE_LABELS, "" when not shown
    voice_label: str
    voice_easy: str
    redacted: tuple[str, ...] = ()


def finest_response_group(survey_id: int, month, voice: str, area: str, language: str) -> tuple:
    return ("r", survey_id, month, voice or "", area or "", language or "")


def finest_contribution_group(consultation_id: int, month, speaker: str) -> tuple:
    return ("c", consultation_id, month, speaker or "")


def _quote_rows(filters: Filters, code: str) -> list[dict]:
    """At most ``_RANKED_PER_VOICE`` short, eligible quotes per voice, each with its finest
    group: one query each for answers and contributions. The best ``QUOTE_CANDIDATES`` tags
    are picked first (a top-N sort on tag columns, no text read), then ranked per voice with
    a window function over those alone; ranking every tag of a common pledge read all its
    text (193 ms of a 1 s page at 100,000 responses, see bench/insight.py)."""
    # A text held by a safeguarding flag is never quoted until the lead releases it. An answer
    # signed in BSL is counted through its staff summary but never quoted: the summary is
    # staff's words, like a focus-group paraphrase.
    answer_pool = (
        uncontained(response_tags(filters, floor=QUOTE_FLOOR), via="target")
        .filter(code=code, answer__isnull=False, answer__video="")
        .order_by(*QUOTE_ORDER)
        .values("pk")[:QUOTE_CANDIDATES]
    )
    answers = (
        Tag.objects.filter(pk__in=answer_pool)
        .annotate(chars=Length("answer__text"))
        .filter(chars__gte=QUOTE_MIN_CHARS, chars__lte=QUOTE_MAX_CHARS)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("response__voice")], order_by=QUOTE_ORDER)
        )
        .filter(rank__lte=_RANKED_PER_VOICE)
        .values(
            "rank",
            "confidence",
            text=F("answer__text"),
            voice=F("response__voice"),
            survey=F("response__survey_id"),
            area=F("response__area"),
            language=F("response__language"),
            at=F("response__submitted_at"),
        )
    )
    contribution_pool = (
        uncontained(contribution_tags(filters, floor=QUOTE_FLOOR), via="target")
        .filter(code=code, contribution__words=WordsKind.OWN_WORDS)
        .order_by(*QUOTE_ORDER)
        .values("pk")[:QUOTE_CANDIDATES]
    )
    contributions = (
        Tag.objects.filter(pk__in=contribution_pool)
        .annotate(chars=Length("contribution__text"))
        .filter(chars__gte=QUOTE_MIN_CHARS, chars__lte=QUOTE_MAX_CHARS)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("contribution__speaker_group")],
                order_by=QUOTE_ORDER,
            )
        )
        .filter(rank__lte=_RANKED_PER_VOICE)
        .values(
            "rank",
            "confidence",
            text=F("contribution__text"),
            speaker=F("contribution__speaker_group"),
            consultation=F("contribution__session__consultation_id"),
            held=F("contribution__session__held_on"),
        )
    )
    rows = [
        {
            **r,
            "voice": r["voice"] or "",
            "group": finest_response_group(
                r["survey"], month_of(r["at"]), r["voice"], r["area"], r["language"]
            ),
        }
        for r in answers
    ]
    rows += [
        {
            **r,
            "voice": SPEAKER_TO_VOICE.get(r["speaker"] or "", ""),
            "group": finest_contribution_group(
                r["consultation"], r["held"].replace(day=1), r["speaker"]
            ),
        }
        for r in contributions
    ]
    return rows


def quotes(
    filters: Filters, code: str, groups: dict[tuple, Records], shown, *, exact: bool
) -> list[Quote]:
    """Up to ``QUOTES_MAX`` redacted quotes, everyone's best first, then everyone's second
    best; only from finest groups that ``may_quote`` (``shown`` is the disclosure rule).
    Queried even when nothing will be shown, so a page makes the same queries at any size."""
    rows = sorted(_quote_rows(filters, code), key=lambda r: (r["rank"], -r["confidence"]))
    out, seen, per_voice = [], set(), {}
    for row in rows:
        if not may_quote(shown(groups.get(row["group"], Records())), exact=exact):
            continue
        if per_voice.get(row["voice"], 0) >= QUOTES_PER_VOICE:
            continue
        result = redact(row["text"])
        text = " ".join(result.text.split())
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        per_voice[row["voice"]] = per_voice.get(row["voice"], 0) + 1
        voice = row["voice"]
        out.append(
            Quote(
                text=text,
                voice=voice,
                voice_label=VOICE_LABELS.get(voice, "Someone") if voice else "Someone",
                voice_easy=VOICE_EASY_ONE.get(voice, ""),
                redacted=tuple(result.kinds),
            )
        )
        if len(out) == QUOTES_MAX:
            break
    return out
