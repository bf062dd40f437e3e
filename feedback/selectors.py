"""Reads for surveys, responses and focus groups."""

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from cms.models import ConsultationPage

from .consent import CONSENT_POINTS, CONSENT_VERSION
from .models import (
    Answer,
    Contribution,
    FocusGroupSession,
    Response,
    ResponseStatus,
    SpeakerGroup,
    SurveyPage,
    Voice,
)
from .questions import Question, question_from_block
from .reference import reference_normalise

SESSION_KEY = "everyvoice.responses"


# Questions built from a survey's StreamField (blocks, image renditions, static URLs: ~3 ms a
# time), kept per process and keyed by a digest of the stored question data, so publishing new
# questions, or any other change to them, is a new key: nothing to invalidate, never stale.
# In-process rather than Django's cache: the key already names the content, building is
# cheaper than the round trip to Redis once per request would be, and each process builds a
# survey once per change. The time limit only bounds how long an old picture rendition's URL
# can be reused if an editor replaces the image file itself (same image, same question data).
QUESTIONS_CACHE_SIZE = 128
QUESTIONS_CACHE_SECONDS = 10 * 60
_questions_built: OrderedDict[tuple, tuple[float, tuple[Question, ...]]] = OrderedDict()
_questions_lock = threading.Lock()


def _questions_key(survey: SurveyPage) -> tuple:
    raw = json.dumps(list(survey.questions.raw_data), sort_keys=True, default=str)
    return survey.pk, hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def survey_questions(*, survey: SurveyPage) -> list[Question]:
    """The survey's questions in order, built once per change of its questions (see above)."""
    key = _questions_key(survey)
    now = time.monotonic()
    with _questions_lock:
        hit = _questions_built.get(key)
        if hit is not None and now - hit[0] < QUESTIONS_CACHE_SECONDS:
            _questions_built.move_to_end(key)
            return list(hit[1])
    built = tuple(
        question_from_block(child, n) for n, child in enumerate(survey.questions, start=1)
    )
    with _questions_lock:
        _questions_built[key] = (now, built)
        while len(_questions_built) > QUESTIONS_CACHE_SIZE:
            _questions_built.popitem(last=False)
    return list(built)


def survey_questions_cache_clear() -> None:
    """Forget every built question list in this process (tests, and measuring a cold start)."""
    with _questions_lock:
        _questions_built.clear()


def survey_question(
    *, survey: SurveyPage, question_id: str, questions: list[Question] | None = None
) -> Question | None:
    """One question by id; pass ``questions`` when the caller already has them."""
    if questions is None:
        questions = survey_questions(survey=survey)
    return next((q for q in questions if q.id == question_id), None)


def survey_get(*, survey_id: int) -> SurveyPage | None:
    return SurveyPage.objects.live().filter(pk=survey_id).first()


def surveys_for_staff() -> QuerySet[SurveyPage]:
    return SurveyPage.objects.all().order_by("-latest_revision_created_at")


def survey_ids(consultation_id: int) -> QuerySet:
    """The surveys of one consultation in every language, as a subquery: a survey's
    translations (Gujarati, Urdu...) share its ``translation_key`` and its question ids.
    Here, below both, so theme runs (tasks) and insight's filters share the one list."""
    page = ConsultationPage.objects.filter(pk=consultation_id).only("path", "depth").first()
    if page is None:
        return SurveyPage.objects.none().values("pk")
    keys = SurveyPage.objects.child_of(page).values("translation_key")
    return SurveyPage.objects.filter(translation_key__in=keys).values("pk")


def response_for_session(*, session, survey: SurveyPage) -> Response | None:
    """The response this browser is working on for ``survey`` (the session holds only ids)."""
    response_id = (session.get(SESSION_KEY) or {}).get(str(survey.pk))
    if response_id is None:
        return None
    return Response.objects.filter(pk=response_id, survey=survey).first()


def session_response_ids(*, session) -> list[int]:
    """Every response this browser has started, on any survey."""
    return [int(i) for i in (session.get(SESSION_KEY) or {}).values()]


def response_for_session_with_survey(*, session, survey_id: int) -> Response | None:
    """The response this browser is working on for a live survey, with its survey, in one
    query (every survey step reads both)."""
    response_id = (session.get(SESSION_KEY) or {}).get(str(survey_id))
    if response_id is None:
        return None
    return (
        Response.objects.select_related("survey")
        .filter(pk=response_id, survey_id=survey_id, survey__live=True)
        .first()
    )


def response_by_reference(*, typed: str) -> Response | None:
    code = reference_normalise(typed)
    if code is None:
        return None
    return Response.objects.select_related("survey").filter(reference=code).first()


CODE_NOT_FOUND = (
    "We cannot find that reference code. Check it and try again. "
    "It has 10 letters and numbers, like K7QH-M3XW-9C"
)


@dataclass(frozen=True)
class CodeLookUp:
    """What a reference-code look-up found: the response, or why there is none."""

    response: Response | None = None
    spam: bool = False
    rate_limited: bool = False

    def refusal(self, request, *, again: str):
        """The HTTP answer to send at once for a refused look-up, else None: a bot that
        filled the honeypot is sent back to ``again``; past the rate limit, a 429 page."""
        from django.shortcuts import redirect, render

        if self.spam:
            return redirect(again)
        if self.rate_limited:
            return render(request, "feedback/rate_limited.html", status=429)
        return None


def response_look_up(*, request, form) -> CodeLookUp:
    """The one reference-code look-up, shared by resume, withdraw and follow: honeypot, then
    the per-address rate limit (``ratelimit.LOOKUP``), then the code. A code that is unknown
    or withdrawn puts the same error on the form's ``code`` field, so no page can test codes
    faster than another or tell the two apart."""
    from . import ratelimit

    if form.is_spam:
        return CodeLookUp(spam=True)
    if not ratelimit.hit(request, ratelimit.LOOKUP):
        return CodeLookUp(rate_limited=True)
    if not form.is_valid():
        return CodeLookUp()
    response = response_by_reference(typed=form.cleaned_data["code"])
    if response is None or response.status == ResponseStatus.WITHDRAWN:
        form.add_error("code", CODE_NOT_FOUND)
        return CodeLookUp()
    return CodeLookUp(response=response)


def response_answers(*, response: Response) -> dict[str, Answer]:
    return {a.question_id: a for a in response.answers.all()}


def response_missing_required(*, response: Response) -> list[Question]:
    answers = response_answers(response=response)
    missing = []
    for q in survey_questions(survey=response.survey.specific):
        if not q.required:
            continue
        answer = answers.get(q.id)
        if answer is None or answer.value is None:
            missing.append(q)
    return missing


def responses_for_participant(*, user) -> QuerySet[Response]:
    """A signed-in participant's own responses (drafts and sent), newest first."""
    return (
        Response.objects.filter(participant=user)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .select_related("survey")
        .order_by("-created_at")
    )


def responses_for_survey(*, survey: SurveyPage) -> QuerySet[Response]:
    return (
        Response.objects.filter(survey=survey)
        .select_related("entered_by")
        .order_by("-submitted_at", "-created_at")
    )


def responses_awaiting_tagging(*, older_than_seconds: int = 0) -> QuerySet[Response]:
    """Submitted responses whose tagging job has not finished (for the sweep)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return Response.objects.filter(
        status=ResponseStatus.SUBMITTED, tagged_at__isnull=True, submitted_at__lte=cutoff
    )


def contributions_awaiting_tagging(*, older_than_seconds: int = 0) -> QuerySet[Contribution]:
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return Contribution.objects.filter(tagged_at__isnull=True, created_at__lte=cutoff)


def focus_group_session_get(*, session_id: int) -> FocusGroupSession | None:
    return FocusGroupSession.objects.filter(pk=session_id).first()


def survey_start_context(*, survey: SurveyPage, session) -> dict:
    """What the survey's start page needs: is it open, and is there a draft to carry on."""
    consultation = survey.consultation
    response = response_for_session(session=session, survey=survey)
    return {
        "consultation": consultation,
        "survey_open": consultation.is_open,
        "consultation_status": consultation.status,
        "draft": response if response is not None and response.is_draft else None,
        "question_count": len(survey.questions),
        "consent_points": CONSENT_POINTS,
        "consent_version": CONSENT_VERSION,
    }


def contribution_texts(*, session) -> dict[int, str]:
    """The text of each of a focus-group session's contributions now, to compare after an
    edit (``services.contributions_queue_changed``)."""
    return dict(session.contributions.values_list("id", "text"))


# --- One name and link for every text ----------------------------------------------------------

# A focus-group speaker as the voice it stands for, so answers and contributions split alike.
SPEAKER_VOICE = {
    SpeakerGroup.LDA: Voice.SELF,
    SpeakerGroup.CARER: Voice.CARER,
    SpeakerGroup.YOUNG_PERSON: Voice.YOUNG_PERSON,
    SpeakerGroup.PROFESSIONAL: "professional",
}


@dataclass(frozen=True)
class TextRef:
    """How staff screens name one text (``a:<answer id>`` or ``c:<contribution id>``).

    The name comes from the id alone, so it never changes with filters, order or paging, and
    the same text is called the same thing in review, responses, focus groups and outcomes.
    """

    target: str
    name: str  # "Answer 123" / "Contribution 45"
    context: str  # "Response K7QH-M3XW-9C, Health survey" / "Focus group Loughborough, 3 May"
    url: str  # the response or focus-group page, at this text
    text: str
    voice: str  # Voice value ("self", "carer", …) or "professional"; "" when not recorded
    channel: str
    at: object  # when it was given (datetime), for sorting by date


def text_name(target: str) -> str:
    """The stable name of a text from its target alone (``a:12`` -> ``Answer 12``)."""
    kind, _, pk = target.partition(":")
    return f"{'Answer' if kind == 'a' else 'Contribution'} {pk}"


def text_refs(targets: Iterable[str]) -> dict[str, TextRef]:
    """Name, context, link and text of each target that still exists (two queries)."""
    from django.urls import reverse

    answer_ids, contribution_ids = [], []
    for target in targets:
        kind, _, pk = target.partition(":")
        if pk.isdigit():
            if kind == "a":
                answer_ids.append(int(pk))
            elif kind == "c":
                contribution_ids.append(int(pk))
    refs: dict[str, TextRef] = {}
    answers = Answer.objects.filter(id__in=answer_ids).select_related("response__survey")
    for a in answers.only(
        "id",
        "text",
        "response__id",
        "response__reference",
        "response__voice",
        "response__channel",
        "response__submitted_at",
        "response__created_at",
        "response__survey__title",
    ):
        r = a.response
        target = f"a:{a.pk}"
        refs[target] = TextRef(
            target=target,
            name=text_name(target),
            context=f"Response {r.reference_display}, {r.survey.title}",
            url=reverse("feedback_admin:response_detail", args=[r.pk]) + f"#answer-{a.pk}",
            text=a.text,
            voice=r.voice,
            channel=r.channel,
            at=r.submitted_at or r.created_at,
        )
    contributions = Contribution.objects.filter(id__in=contribution_ids).select_related("session")
    for c in contributions:
        target = f"c:{c.pk}"
        refs[target] = TextRef(
            target=target,
            name=text_name(target),
            context=f"Focus group {c.session}",
            url=reverse("feedback_admin:focus_group_bulk", args=[c.session_id])
            + f"#contribution-{c.pk}",
            text=c.text,
            voice=SPEAKER_VOICE.get(c.speaker_group, ""),
            channel=c.channel,
            at=c.created_at,
        )
    return refs


def text_search(*, query: str = "", limit: int = 20) -> list[TextRef]:
    """Answers and contributions whose words (or name, "Answer 12") match, newest first: the
    searchable list outcomes pick their example texts from."""
    query = (query or "").strip()
    answers = Answer.objects.exclude(text="").filter(response__status=ResponseStatus.SUBMITTED)
    contributions = Contribution.objects.all()
    kind, _, pk = query.lower().replace(" ", ":", 1).partition(":")
    if pk.isdigit() and kind in ("a", "answer", "c", "contribution"):
        answers = answers.filter(pk=int(pk)) if kind[0] == "a" else answers.none()
        contributions = (
            contributions.filter(pk=int(pk)) if kind[0] == "c" else contributions.none()
        )
    elif query:
        answers = answers.filter(text__icontains=query)
        contributions = contributions.filter(text__icontains=query)
    targets = [f"a:{i}" for i in answers.order_by("-id").values_list("id", flat=True)[:limit]]
    targets += [
        f"c:{i}" for i in contributions.order_by("-id").values_list("id", flat=True)[:limit]
    ]
    refs = text_refs(targets)
    found = sorted(refs.values(), key=lambda r: r.at, reverse=True)
    return found[:limit]


# Tags live in ``tasks``, which feedback must not import: the tagging app registers a function
# under this Wagtail hook, ``fn(targets) -> {target: [TextTag, …]}``, and the response and
# focus-group pages show what it returns beside each text (nothing when no hook is registered).
TEXT_TAGS_HOOK = "feedback_text_tags"


@dataclass(frozen=True)
class TextTag:
    name: str
    status: str  # "suggested", "confirmed", "rejected"
    status_label: str


def text_tags(targets: Iterable[str]) -> dict[str, list[TextTag]]:
    from wagtail import hooks

    targets = list(targets)
    found: dict[str, list[TextTag]] = {}
    for fn in hooks.get_hooks(TEXT_TAGS_HOOK):
        for target, tags in fn(targets).items():
            found.setdefault(target, []).extend(tags)
    return found


def bsl_answers_to_summarise() -> QuerySet[Answer]:
    """Sent answers signed in BSL that nobody has summarised yet, oldest first: until then
    they have no words to tag or screen."""
    return (
        Answer.objects.filter(response__status=ResponseStatus.SUBMITTED, text="")
        .exclude(video="")
        .select_related("response__survey")
        .order_by("response__submitted_at", "pk")
    )


def bsl_answers_summarised(*, limit: int = 20) -> QuerySet[Answer]:
    """The latest summarised BSL answers (to check or correct a summary)."""
    return (
        Answer.objects.filter(response__status=ResponseStatus.SUBMITTED)
        .exclude(video="")
        .exclude(text="")
        .select_related("response__survey", "summarised_by")
        .order_by("-summarised_at", "-pk")[:limit]
    )
