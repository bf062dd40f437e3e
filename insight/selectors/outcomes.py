"""You said, we did: published outcomes with their themes and redacted example quotes, and
who to tell when one is published.

Outcomes are translatable: each language is its own row sharing a ``translation_key``. Every
public read shows one row per key (``outcomes_in_language``): the live one in the reader's
language, else the live one in the default language (English), else the first live one. So a
list never has an outcome twice and a translation that is not live yet never shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet
from wagtail import hooks
from wagtail.models import Locale, Page

from cms.models import ConsultationPage
from cms.models.pages import EASY_READ_CHECKED, TermShown, term_names
from feedback.models import Response, ResponseStatus, SurveyPage
from feedback.redaction import redact
from feedback.targets import ANSWER, answer_target, contribution_target, target_parse
from languages.catalogue import get as language_get
from languages.detect import text_language

from ..filters import insight_answers, insight_contributions
from ..models import Outcome, OutcomeNotification
from .themes import Theme, themes


@dataclass(frozen=True)
class Quote:
    """A person's own words (redacted), in the language they wrote them: ``lang`` and
    ``dir`` for the markup ("" lang when the language cannot be told)."""

    text: str
    lang: str
    dir: str


def quote(text: str) -> Quote:
    """``text`` with the language it is written in (``languages.detect``): quotes are
    shown as written, so an English quote on a Gujarati or Urdu page is marked English."""
    found = text_language(text)
    if found.code == "other":
        return Quote(text, "", "auto")
    language = language_get(found.code)
    return Quote(text, language.html_lang, language.dir)


@dataclass(frozen=True)
class OutcomeView:
    outcome: Outcome
    themes: list[Theme]
    examples: list[Quote]  # redacted quotes, each marked with its language
    checked_on: datetime | None = None  # when experts by experience checked this version
    # The outcome's own language when it is not the page's (an English outcome on a Gujarati
    # page, a Gujarati one on the English follow page): the template marks its words up with
    # this ``lang`` and ``dir``. "" otherwise.
    lang: str = ""
    dir: str = ""
    # The themes named in the page's language (``TermName``), else in English marked so.
    theme_names: list[TermShown] = field(default_factory=list)


def _locale_for(language_code: str | None) -> Locale:
    """The Wagtail locale of a language code ('gu', 'en-gb'); the active one when None, the
    default one when unknown."""
    if language_code:
        code = language_get(language_code).code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            return locale
        return Locale.get_default()
    return Locale.get_active()


def outcomes_in_language(outcomes, locale: Locale) -> list[Outcome]:
    """One of each outcome (rows sharing a ``translation_key``): the one in ``locale``, else
    the one in the default locale, else the one made first. Keeps the order given."""
    default_id = Locale.get_default().pk
    groups: dict = {}
    for o in outcomes:
        groups.setdefault(o.translation_key, []).append(o)

    def rank(o: Outcome) -> tuple:
        return (o.locale_id != locale.pk, o.locale_id != default_id, o.pk)

    chosen = {key: min(rows, key=rank) for key, rows in groups.items()}
    return [o for o in outcomes if chosen[o.translation_key] is o]


def consultation_translation_ids(consultation_id: int) -> QuerySet:
    """The consultation and its translations (an outcome's consultation is the one it was
    written for, usually the English page; a Gujarati page lists the same outcomes)."""
    key = Page.objects.filter(pk=consultation_id).values("translation_key")
    return Page.objects.filter(translation_key__in=key).values("pk")


def outcomes_published(
    *, consultation_id: int, codes: set[str] | None = None, language_code: str | None = None
) -> list[OutcomeView]:
    """Published outcomes of a consultation, or of any of its translations (optionally only
    those linked to ``codes``), each once, in ``language_code`` where a live translation
    exists (default: the language being shown) and in English otherwise, with their themes,
    redacted example quotes (none held by a safeguarding flag) and when the experts by
    experience checked the live version: seven queries, and one an outcome."""
    locale = _locale_for(language_code)
    qs = Outcome.objects.filter(
        consultation_id__in=consultation_translation_ids(consultation_id), live=True
    )
    if codes is not None:
        qs = qs.filter(Q(pledges__code__in=codes) | Q(pathways__code__in=codes)).distinct()
    outcomes = outcomes_in_language(
        qs.select_related("locale")
        .prefetch_related("pledges", "pathways", "examples")
        .order_by("-published_at", "title", "pk"),
        locale,
    )
    # Examples held by a safeguarding flag are left out until the lead releases them: the
    # base querysets (insight_answers, insight_contributions) do not return them.
    answer_ids, contribution_ids = set(), set()
    for o in outcomes:
        for ex in o.examples.all():
            parsed = target_parse(ex.target)
            if parsed is not None:
                (answer_ids if parsed.kind == ANSWER else contribution_ids).add(parsed.pk)
    texts = {
        answer_target(pk): text
        for pk, text in insight_answers()
        .filter(pk__in=answer_ids, response__status=ResponseStatus.SUBMITTED)
        .values_list("pk", "text")
    }
    texts.update(
        {
            contribution_target(pk): text
            for pk, text in insight_contributions()
            .filter(pk__in=contribution_ids)
            .values_list("pk", "text")
        }
    )
    all_codes = {p.code for o in outcomes for p in [*o.pledges.all(), *o.pathways.all()]}
    by_code = {t.code: t for t in themes(all_codes)} if all_codes else {}
    checkers = hooks.get_hooks(EASY_READ_CHECKED)
    shown = Locale.get_active()  # the page's own language: others are marked up as such
    named = {t.code: t for t in term_names(by_code.values(), shown.language_code)}
    views = []
    for o in outcomes:
        linked = [
            by_code[p.code] for p in [*o.pledges.all(), *o.pathways.all()] if p.code in by_code
        ]
        examples = [
            quote(" ".join(redact(texts[ex.target]).text.split()))
            for ex in o.examples.all()
            if texts.get(ex.target)
        ]
        # The panel app answers (cms hook), for the live revision only: a handful a page.
        checked = next((when for fn in checkers if (when := fn(o))), None)
        lang = dir_ = ""
        if o.locale_id != shown.pk:
            language = language_get(o.locale.language_code)
            lang, dir_ = language.html_lang, language.dir
        views.append(
            OutcomeView(
                outcome=o,
                themes=linked,
                examples=examples,
                checked_on=checked,
                lang=lang,
                dir=dir_,
                theme_names=[named[t.code] for t in linked],
            )
        )
    return views


def outcome_translations(*, outcome: Outcome) -> QuerySet[Outcome]:
    """The outcome and its translations (every language, live or not)."""
    return Outcome.objects.filter(translation_key=outcome.translation_key)


def outcome_in_language(*, outcome: Outcome, language_code: str | None) -> Outcome:
    """The live translation of ``outcome`` in that language, else the live English one, else
    ``outcome`` itself (what one person is told in an email)."""
    live = list(outcome_translations(outcome=outcome).filter(live=True).order_by("pk"))
    return next(iter(outcomes_in_language(live, _locale_for(language_code))), outcome)


def outcome_tells_people(*, outcome: Outcome) -> bool:
    """People are told when the default-language (English) outcome first goes live, each in
    their own language where its translation is live by then; a translation going live does
    not tell them again. (An outcome with no English row at all: it does.)"""
    default = Locale.get_default()
    if outcome.locale_id == default.pk:
        return True
    return not outcome_translations(outcome=outcome).filter(locale=default).exists()


def page_in_language(page, language_code: str | None):
    """A page's live translation in that language, else the page itself."""
    if page is None or not language_code:
        return page
    translated = page.get_translation_or_none(_locale_for(language_code))
    return translated if translated is not None and translated.live else page


def responses_to_notify(*, outcome: Outcome) -> QuerySet[Response]:
    """Submitted responses to the outcome's consultation (in any of its languages) whose person
    asked to hear back and has not been told about this outcome yet, in any language."""
    consultations = ConsultationPage.objects.filter(
        pk__in=consultation_translation_ids(outcome.consultation_id)
    )
    surveys = Q(pk__in=[])
    for consultation in consultations:
        surveys |= Q(path__startswith=consultation.path, depth=consultation.depth + 1)
    told = OutcomeNotification.objects.filter(
        outcome__translation_key=outcome.translation_key
    ).values("response_id")
    return (
        Response.objects.filter(
            survey_id__in=SurveyPage.objects.filter(surveys).values("pk"),
            status=ResponseStatus.SUBMITTED,
            wants_updates=True,
        )
        .exclude(contact_email="")
        .exclude(pk__in=told)
        .order_by("pk")
    )


def you_said_we_did_page(*, consultation_id: int):
    """The consultation's "you said, we did" page (draft or live), or None."""
    from cms.models import YouSaidWeDidPage

    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return None
    return YouSaidWeDidPage.objects.child_of(consultation).order_by("path").first()
