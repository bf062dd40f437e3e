"""The attack suite: a collaborative member who tries to work out a hidden count, with the
three attacks issue #12 used. Each must fail to determine any true count below 5.

1. Differencing over every filter combination (consultation x period x voice x area, and
   consultation x period x voice x language) and every breakdown on each page, solved
   exactly with integer constraints (attack.py). As a control, the same solver on the rule
   we replaced recovers hidden counts, so the solver is strong enough to notice a leak.
2. Adding your own answers through the public survey one at a time, watching the figure,
   withdrawing them and adding fresh ones (hoping for a new roll of the dice).
3. Pinning a quote to a person by switching filters on and off.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, time, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from feedback import selectors as feedback_selectors
from feedback import services as feedback_services
from feedback.models import Answer, Response
from feedback.redaction import redact
from insight.filters import Filters
from insight.selectors import theme_get, theme_insight
from insight.services import api_token_create
from insight.suppression import ROUND_TO, THRESHOLD, Shown
from tests.feedback.factories import consultation_page, survey_page

from .attack import Problem, recovered
from .factories import tag_answer, tagged_response

pytestmark = pytest.mark.django_db

CODE = "pledge-t9"
VOICES = ("self", "carer", "young_person")
AREAS = ("leicester", "rutland")
LANGUAGES = ("en-gb", "gu")
# The fourth dimension of the atoms: where people live, or the language they answered in
# (each with the page's breakdown by it). Both at once would double the atoms and triple the
# pages; each against consultation, period and voice covers every filter and breakdown.
SPLITS = {"area": (AREAS, "areas"), "language": (LANGUAGES, "languages")}
SMALL_OR_NOT = (0, 0, 1, 2, 3, 4, 7, 11)


def _months() -> list[date]:
    this = timezone.localdate().replace(day=1)
    return [this, (this - timedelta(days=1)).replace(day=1)]


def _when(month: date) -> datetime:
    moment = timezone.make_aware(datetime.combine(month.replace(day=2), time(10)))
    return min(moment, timezone.now() - timedelta(minutes=5))


class World:
    """Atoms (consultation, month, voice, area or language) with known true counts, and every
    figure a member can see for them."""

    def __init__(self, world, seed: int, split: str = "area"):
        self.split = split
        values, self.breakdown = SPLITS[split]
        self.months = _months()
        second = consultation_page()
        self.consultations = [world.consultation, second]
        surveys = [world.survey, survey_page(consultation=second)]
        self.atoms = list(itertools.product((0, 1), (0, 1), VOICES, values))
        rng = random.Random(seed)
        self.truth = [rng.choice(SMALL_OR_NOT) for _ in self.atoms]
        self.quote_atom: dict[str, int] = {}
        n = 0
        for i, (c, m, voice, x) in enumerate(self.atoms):
            for _ in range(self.truth[i]):
                n += 1
                text = f"The health check was far too quick for me, answer number {n}."
                tagged_response(
                    surveys[c],
                    CODE,
                    text=text,
                    voice=voice,
                    submitted_at=_when(self.months[m]),
                    **{split: x},
                )
                self.quote_atom[" ".join(redact(text).text.split())] = i

    def filters(self):
        months = [None, 1, 0]  # None, last month, this month (older first)
        periods = [(a, b) for a in months for b in months if a is None or b is None or a >= b]
        for c, (a, b), voice, x in itertools.product(
            (None, 0, 1), periods, ("", *VOICES), ("", *SPLITS[self.split][0])
        ):
            spec = {"c": c, "from": a, "to": b, "voice": voice, "x": x}
            yield (
                spec,
                Filters(
                    consultation_id=self.consultations[c].pk if c is not None else None,
                    month_from=self.months[a] if a is not None else None,
                    month_to=self.months[b] if b is not None else None,
                    voice=voice,
                    **{self.split: x},
                ),
            )

    def atoms_of(self, spec: dict, **row) -> set[int]:
        out = set()
        for i, (c, m, voice, x) in enumerate(self.atoms):
            if spec["c"] is not None and c != spec["c"]:
                continue
            if spec["from"] is not None and m > spec["from"]:
                continue
            if spec["to"] is not None and m < spec["to"]:
                continue
            if spec["voice"] and voice != spec["voice"]:
                continue
            if spec["x"] and x != spec["x"]:
                continue
            if "voice" in row and voice != row["voice"]:
                continue
            if "x" in row and x != row["x"]:
                continue
            if "month" in row and self.months[m] != row["month"]:
                continue
            out.add(i)
        return out

    def figures(self):
        """Every (atoms, shown figure) a member can see, and the quotes on each page."""
        theme = theme_get(CODE)
        for spec, filters in self.filters():
            insight = theme_insight(theme=theme, filters=filters, exact=False)
            yield self.atoms_of(spec), insight.total, None
            for row in insight.voices:
                yield self.atoms_of(spec, voice=row.key), row.shown, None
            for row in getattr(insight, self.breakdown):
                yield self.atoms_of(spec, x=row.key), row.shown, None
            for row in insight.channels:
                if row.key == "online":
                    yield self.atoms_of(spec), row.shown, None
            for m in insight.trend:
                yield self.atoms_of(spec, month=m.month), m.shown, None
            yield self.atoms_of(spec), None, [q.text for q in insight.quotes]


def interval(shown: Shown) -> tuple[int, int]:
    """What a shown figure says about the true count under the rule (documented)."""
    if shown.value is None:
        return 0, THRESHOLD - 1
    return max(0, shown.value - (ROUND_TO - 1)), shown.value + (ROUND_TO - 1)


def old_interval(n: int) -> tuple[int, int]:
    """The rule we replaced: 0 shown, 1-4 hidden, the rest rounded to the nearest 5."""
    if n == 0:
        return 0, 0
    if n < 5:
        return 1, 4
    r = max(5, 5 * ((n + 2) // 5))
    return max(5, r - 2), r + 2


def _small(world: World) -> list[int]:
    return [i for i, n in enumerate(world.truth) if n < THRESHOLD]


@pytest.mark.parametrize(
    "seed,split", [(1, "area"), (2, "area"), (1, "language"), (2, "language")]
)
def test_differencing_every_filter_combination_recovers_no_small_count(world, seed, split):
    w = World(world, seed, split)
    now, before = Problem(len(w.atoms)), Problem(len(w.atoms))
    figures = 0
    for atoms, shown, _ in w.figures():
        if shown is None:
            continue
        figures += 1
        now.add(atoms, *interval(shown))
        truth = sum(w.truth[i] for i in atoms)
        before.add(atoms, *old_interval(truth))
    assert figures > 2000  # 216 pages, each with its breakdowns
    small = _small(w)
    assert small
    # The control: the old rule leaks under the same attack (so the solver can see leaks).
    assert any(recovered(before, i, w.truth[i]) for i in small)
    leaked = [(w.atoms[i], w.truth[i]) for i in small if recovered(now, i, w.truth[i])]
    assert leaked == []


@pytest.mark.parametrize("split", ["area", "language"])
def test_no_quote_can_be_pinned_to_a_small_group_by_switching_filters(world, split):
    w = World(world, seed=3, split=split)
    seen_in: dict[str, set[int]] = {}
    for atoms, _, quotes in w.figures():
        for text in quotes or []:
            seen_in[text] = seen_in.get(text, set(range(len(w.atoms)))) & atoms
    assert seen_in, "no quote was shown at all: the attack would prove nothing"
    for text, candidates in seen_in.items():
        assert w.quote_atom[text] in candidates
        # The smallest group the attacker can say the quote came from.
        assert sum(w.truth[i] for i in candidates) >= THRESHOLD + 1, text


# --- Adding and withdrawing your own answers through the public survey ----------------------


def _rule(n: int, offset: int) -> int | None:
    r = ROUND_TO * ((n + offset) // ROUND_TO)
    return None if r < THRESHOLD else r


def consistent_counts(observations: list[tuple[int, int | None, int | None]]) -> set[int]:
    """Every true count that fits what the attacker saw, knowing the rule: each observation
    is (own answers counted, own oldest answer, figure). With anyone else in the group the
    oldest record is theirs, so one offset covers every observation; in an empty group the
    offset follows the attacker's own oldest answer."""
    fits = set()
    for t in range(0, 40):
        if t > 0:
            if any(
                all(_rule(t + k, d) == value for k, _, value in observations)
                for d in range(ROUND_TO)
            ):
                fits.add(t)
            continue
        by_first: dict = {}
        for k, first, value in observations:
            by_first.setdefault(first, []).append((k, value))
        if all(
            any(all(_rule(k, d) == value for k, value in seen) for d in range(ROUND_TO))
            for seen in by_first.values()
        ):
            fits.add(0)
    return fits


def _submit(survey, question) -> int:
    """One answer through the services the public survey calls; the tagger tags it."""
    response = feedback_services.response_start(survey=survey)
    feedback_services.response_voice_set(response=response, voice="carer")
    feedback_services.response_about_you_update(response=response, area="rutland")
    answer = feedback_services.answer_save(
        response=response,
        question=question,
        value={"text": "x"},
        text="My health check was far too quick and nobody explained it.",
    )
    feedback_services.response_submit(response=response)
    tag_answer(Answer.objects.get(pk=answer.pk), CODE)
    return response.pk


@pytest.mark.parametrize("hidden", [1, 2, 3, 4])
def test_adding_and_withdrawing_your_own_answers_never_pins_a_hidden_count(client, world, hidden):
    survey = survey_page(
        consultation=world.consultation,
        questions=[{"type": "long_text", "value": {"question": "Tell us", "max_length": 500}}],
    )
    question = feedback_selectors.survey_questions(survey=survey)[0]
    for _ in range(hidden):
        tagged_response(world.survey, CODE, voice="carer", area="rutland")
    for _ in range(12):
        tagged_response(world.survey, CODE, voice="self", area="leicester")
    _, token = api_token_create(user=world.member, name="attack")

    def look() -> int | None:
        got = client.get(
            f"/api/v1/insight/{CODE}/?voice=carer&area=rutland",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        assert got.status_code == 200, got.content
        return got.json()["total"]["value"]

    for secret in ("first secret", "second secret", "third secret"):
        with override_settings(INSIGHT_CELL_KEY_SECRET=secret):
            seen, own = [(0, None, look())], []
            for _ in range(7):  # one at a time, watching
                own.append(_submit(survey, question))
                seen.append((len(own), min(own), look()))
            while own:  # and back out again, leaving no answers behind
                feedback_services.response_withdraw(response=Response.objects.get(pk=own.pop()))
                seen.append((len(own), min(own, default=None), look()))
            for _ in range(7):  # fresh answers, hoping for a new roll of the dice
                own.append(_submit(survey, question))
                seen.append((len(own), min(own), look()))
            fits = consistent_counts(seen)
            assert hidden in fits
            assert len(fits) >= 2, (secret, seen, fits)
            for pk in own:
                feedback_services.response_withdraw(response=Response.objects.get(pk=pk))
