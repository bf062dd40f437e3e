"""Writes for surveys, responses and focus groups (HackSoft style: keyword-only, type-hinted,
``full_clean()`` then ``save()``, atomic).

Tagging is queued by task name, only after the transaction commits:

* ``everyvoice.tag_response`` with the response id, when a response is submitted;
* ``everyvoice.tag_contribution`` with the contribution id, for each new contribution.
"""

import logging
import uuid
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.jobs import enqueue_on_commit
from cms.roles import is_staff_member

from . import bulk, selectors
from .consent import CONSENT_VERSION
from .models import (
    AgeBand,
    Answer,
    Channel,
    CommunicationNeed,
    Contribution,
    FocusGroupSession,
    Response,
    ResponseStatus,
    SurveyPage,
    Voice,
    WordsKind,
)
from .questions import BSL_VIDEO, Question
from .reference import reference_generate
from .signals import responses_changed
from .uploads import audio_check, video_check

logger = logging.getLogger(__name__)

TAG_RESPONSE_TASK = "everyvoice.tag_response"
TAG_CONTRIBUTION_TASK = "everyvoice.tag_contribution"
_REFERENCE_ATTEMPTS = 8


def _draft_required(response: Response) -> None:
    """Check against the database, not the (possibly stale) instance: another tab may have
    sent these answers already. Locks the row for the rest of the transaction."""
    status = (
        Response.objects.select_for_update()
        .filter(pk=response.pk)
        .values_list("status", flat=True)
        .first()
    )
    if status != ResponseStatus.DRAFT:
        raise ValidationError("These answers have already been sent.", code="not_draft")


@transaction.atomic
def response_start(
    *,
    survey: SurveyPage,
    channel: str = Channel.ONLINE,
    entered_by=None,
    participant=None,
    consent_version: str = CONSENT_VERSION,
) -> Response:
    """Create the draft response (and its reference code) when someone agrees and starts.

    A closed survey takes no new online responses; staff may still enter paper or phone
    responses that arrived before it closed.
    """
    if entered_by is None and not survey.consultation.is_open:
        raise ValidationError("This survey is not open.", code="closed")
    if channel != Channel.ONLINE and entered_by is None:
        raise ValidationError("Only staff can enter paper, phone or interview responses.")
    for _attempt in range(_REFERENCE_ATTEMPTS):
        response = Response(
            survey=survey,
            reference=reference_generate(),
            channel=channel,
            consent_version=consent_version,
            consented_at=timezone.now(),
            entered_by=entered_by,
            participant=participant if entered_by is None else None,
            voice=Voice.STAFF_RECORDED if channel != Channel.ONLINE else "",
            # The survey page's own language: a Gujarati translation records "gu".
            language=survey.locale.language_code,
        )
        response.full_clean(validate_unique=False)
        try:
            # A clash is 1 in 2^50 per existing code; the savepoint keeps the transaction usable.
            with transaction.atomic():
                response.save()
        except IntegrityError:
            continue
        logger.info("response %s started on survey %s", response.pk, survey.pk)
        return response
    raise RuntimeError("could not make a unique reference code")  # pragma: no cover


@transaction.atomic
def response_voice_set(*, response: Response, voice: str) -> Response:
    _draft_required(response)
    response.voice = voice
    response.full_clean()
    response.save(update_fields=["voice", "updated_at"])
    return response


@transaction.atomic
def answer_save(
    *,
    response: Response,
    question: Question,
    value: dict | None,
    text: str = "",
    audio: UploadedFile | None = None,
) -> Answer:
    """Save (or replace) the answer to one question: called on every Continue.

    ``value`` None records that the question was seen and skipped. An audio question with no
    new file keeps the recording already given.
    """
    _draft_required(response)
    answer = Answer.objects.filter(response=response, question_id=question.id).first()
    if answer is None:
        answer = Answer(response=response, question_id=question.id)
    answer.response = response  # the same row, already locked: no second look-up of it
    answer.question_type = question.type
    if question.type == "audio":
        if audio is not None:
            sniffed = audio_check(audio)
            if answer.audio:
                answer.audio.delete(save=False)
            answer.audio.save(f"{uuid.uuid4().hex}{sniffed.extension}", audio, save=False)
            answer.audio_content_type = sniffed.content_type
        if answer.audio:
            value = {"audio": True}
    if answer.video:
        if value is None:
            # Continue with the box left empty keeps the answer signed in BSL (and its
            # summary, if staff wrote one already).
            value, text = answer.value, answer.text
        else:
            _video_drop(answer)  # words written instead replace the video
    answer.value = value
    answer.text = text
    # The response row is locked above, so it exists: no need to query it again to check.
    answer.full_clean(exclude=["response"], validate_unique=False, validate_constraints=False)
    answer.save()
    response.save(update_fields=["updated_at"])
    return answer


def _video_drop(answer: Answer) -> None:
    answer.video.delete(save=False)
    answer.video = ""
    answer.video_content_type = ""
    answer.summarised_by = None
    answer.summarised_at = None


@transaction.atomic
def answer_video_save(*, response: Response, question: Question, video: UploadedFile) -> Answer:
    """Save (or replace) an answer signed in BSL: the video, checked by its content (type,
    size, length; ``uploads.video_check``), kept in private storage under a random name.

    It replaces any written answer to the question: the words to tag come later, from the
    staff member who watches it (``answer_summary_save``)."""
    if not question.bsl_answer:
        raise ValidationError("This question does not take an answer in BSL.", code="no_bsl")
    sniffed = video_check(video)
    _draft_required(response)
    answer = Answer.objects.filter(response=response, question_id=question.id).first()
    if answer is None:
        answer = Answer(response=response, question_id=question.id)
    answer.response = response
    answer.question_type = question.type
    if answer.video:
        _video_drop(answer)
    answer.video.save(f"{uuid.uuid4().hex}{sniffed.extension}", video, save=False)
    answer.video_content_type = sniffed.content_type
    answer.value = {BSL_VIDEO: True}
    answer.text = ""
    answer.full_clean(exclude=["response"], validate_unique=False, validate_constraints=False)
    answer.save()
    response.save(update_fields=["updated_at"])
    logger.info("BSL video answer %s saved for response %s", answer.pk, response.pk)
    return answer


@transaction.atomic
def answer_summary_save(*, answer: Answer, summary: str, user) -> Answer:
    """A staff member's written summary of an answer signed in BSL. It becomes the answer's
    text, so it is tagged and screened exactly as written answers are: the same job
    (``everyvoice.tag_response``, on commit) re-tags and re-screens the whole response. The
    response's ``tagged_at`` is cleared first so the sweep re-queues it if the job is lost."""
    answer = Answer.objects.select_for_update().select_related("response").get(pk=answer.pk)
    if not answer.video:
        raise ValidationError("This answer has no BSL video to summarise.", code="no_video")
    if answer.response.status != ResponseStatus.SUBMITTED:
        raise ValidationError("Only sent answers are summarised.", code="not_submitted")
    summary = summary.strip()
    if not summary:
        raise ValidationError("Write a summary of what the person signed.", code="empty")
    answer.text = summary
    answer.summarised_by = user
    answer.summarised_at = timezone.now()
    answer.full_clean(exclude=["response"], validate_unique=False, validate_constraints=False)
    answer.save(update_fields=["text", "summarised_by", "summarised_at", "updated_at"])
    Response.objects.filter(pk=answer.response_id).update(tagged_at=None)
    enqueue_on_commit(TAG_RESPONSE_TASK, answer.response_id)
    logger.info("BSL answer %s summarised; response %s queued", answer.pk, answer.response_id)
    return answer


def contact_may_be_asked(response: Response) -> bool:
    """Under-16s are never asked for an email by default; nor is a young person who has not
    told us they are 16 or older."""
    if response.age_band == AgeBand.UNDER_16:
        return False
    if response.voice == Voice.YOUNG_PERSON:
        return response.age_band in {
            AgeBand.AGE_16_17,
            AgeBand.AGE_18_25,
            AgeBand.AGE_26_64,
            AgeBand.AGE_65_PLUS,
        }
    return True


ABOUT_YOU_FIELDS = frozenset(
    {
        "about_you_offered",
        "age_band",
        "area",
        "communication_needs",
        "wants_updates",
        "contact_email",
    }
)


@transaction.atomic
def response_about_you_update(*, response: Response, **fields) -> Response:
    """Save part of the optional 'about you' section."""
    _draft_required(response)
    unknown = set(fields) - ABOUT_YOU_FIELDS
    if unknown:
        raise TypeError(f"not about-you fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(response, name, value)
    needs = [n for n in response.communication_needs if n in CommunicationNeed.values]
    response.communication_needs = needs
    if response.wants_updates is False:
        response.contact_email = ""
    if not contact_may_be_asked(response):
        response.wants_updates = None
        response.contact_email = ""
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def response_submit(*, response: Response) -> Response:
    """Send the answers: check they are complete, mark submitted, then (on commit) queue
    tagging. Works after the consultation has closed for a draft started before it closed."""
    _draft_required(response)
    missing = selectors.response_missing_required(response=response)
    if missing or not response.voice:
        raise ValidationError("Some questions still need an answer.", code="incomplete")
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.full_clean()
    response.save(update_fields=["status", "submitted_at", "updated_at"])
    enqueue_on_commit(TAG_RESPONSE_TASK, response.id)
    logger.info("response %s submitted", response.pk)
    return response


# What 'about you' and contact details are cleared to. voice, channel, survey, status and the
# dates stay: they are what counts and insight need, and say nothing about who answered.
_ABOUT_YOU_CLEARED = {
    "about_you_offered": None,
    "age_band": "",
    "area": "",
    "communication_needs": [],
    "wants_updates": None,
    "contact_email": "",
    "participant": None,
}


def _files_delete(answers: Iterable[Answer]) -> int:
    return sum(answer.files_delete() for answer in answers)


def _text_removed(value: dict | None) -> dict | None:
    """An answer's value without the person's words: choices, faces and ratings are kept."""
    if not isinstance(value, dict):
        return value
    cleared = dict(value)
    for key in ("text", "why"):
        if key in cleared:
            cleared[key] = ""
    return cleared


@transaction.atomic
def response_anonymise(*, response: Response) -> bool:
    """Remove everything that could say who answered or what they wrote in their own words:
    free text, recordings and BSL videos, 'about you' and contact details. Choices, faces and
    ratings stay (they only count). Tags stay (they are codes) but lose their evidence, which
    quotes the text. Idempotent: returns False when there was nothing left to remove."""
    changed = False
    answers = list(response.answers.all())
    for answer in answers:
        has_files = bool(answer.audio or answer.video)
        if answer.text or has_files or _text_removed(answer.value) != answer.value:
            answer.files_delete()
            Answer.objects.filter(pk=answer.pk).update(
                text="",
                audio="",
                audio_content_type="",
                video="",
                video_content_type="",
                value=_text_removed(answer.value),
            )
            changed = True
    for name, cleared in _ABOUT_YOU_CLEARED.items():
        current = getattr(response, "participant_id" if name == "participant" else name)
        if current != cleared:
            changed = True
    if changed:
        Response.objects.filter(pk=response.pk).update(**_ABOUT_YOU_CLEARED)
        responses_changed.send(Response, response_ids=[response.pk])
        response.tags.exclude(evidence="").update(evidence="")
        logger.info("response %s anonymised", response.pk)
    return changed


@transaction.atomic
def response_withdraw(*, response: Response) -> Response:
    """The person takes their answers back (with their reference code, or staff for them).

    Their answers are deleted (recordings too) and their 'about you' and contact details
    cleared; the tags on them go, so nothing of theirs reaches insight; the response row stays
    as ``withdrawn`` (no text, no details) so the reference code says it was withdrawn and
    counts exclude it. A safeguarding flag already raised keeps its own record for the lead
    (the privacy notice says so). Idempotent.
    """
    response = Response.objects.select_for_update().get(pk=response.pk)
    answers = list(response.answers.all())
    _files_delete(answers)
    response.tags.all().delete()  # answer tags go with their answers (cascade)
    response.answers.all().delete()
    for name, cleared in _ABOUT_YOU_CLEARED.items():
        setattr(response, name, cleared)
    if response.status != ResponseStatus.WITHDRAWN:
        response.status = ResponseStatus.WITHDRAWN
        response.withdrawn_at = timezone.now()
    response.full_clean()
    response.save(update_fields=["status", "withdrawn_at", "updated_at", *_ABOUT_YOU_CLEARED])
    logger.info("response %s withdrawn (%d answers removed)", response.pk, len(answers))
    return response


@transaction.atomic
def response_withdraw_by_reference(*, typed: str) -> Response | None:
    """Withdraw the response with this reference code; None when there is no such code."""
    response = selectors.response_by_reference(typed=typed)
    if response is None:
        return None
    return response_withdraw(response=response)


@transaction.atomic
def contribution_create(
    *,
    session: FocusGroupSession,
    text: str,
    speaker_group: str = "",
    words: str = WordsKind.OWN_WORDS,
    entered_by=None,
    sort_order: int | None = None,
) -> Contribution:
    if sort_order is None:
        sort_order = session.contributions.count()
    contribution = Contribution(
        session=session,
        text=text,
        speaker_group=speaker_group,
        words=words,
        channel=Channel.FOCUS_GROUP,
        entered_by=entered_by,
        sort_order=sort_order,
    )
    contribution.full_clean()
    contribution.save()
    enqueue_on_commit(TAG_CONTRIBUTION_TASK, contribution.id)
    return contribution


@transaction.atomic
def contributions_bulk_create(
    *,
    session: FocusGroupSession,
    text: str,
    entered_by=None,
    speaker_group: str = "",
    words: str = WordsKind.OWN_WORDS,
) -> list[Contribution]:
    """One contribution per non-empty line; each line may set its speaker group and whether
    it is the person's own words (see ``bulk.py``). All or nothing."""
    try:
        parsed = bulk.parse_lines(text, speaker_group=speaker_group, words=words)
    except ValueError as exc:
        raise ValidationError(f"{exc} Nothing was added.", code="too_much") from exc
    if not parsed:
        raise ValidationError("Write at least one contribution, one on each line.")
    start = session.contributions.count()
    return [
        contribution_create(
            session=session,
            text=p.text,
            speaker_group=p.speaker_group,
            words=p.words,
            entered_by=entered_by,
            sort_order=start + i,
        )
        for i, p in enumerate(parsed)
    ]


def responses_claim(*, user, response_ids: Iterable[int]) -> int:
    """A participant who signs in after answering keeps those answers with their account (for
    /my-answers/). Only this browser's own responses, only unclaimed ones, never ones staff
    entered for someone, and never onto a staff account (staff do not answer as themselves)."""
    if is_staff_member(user):
        return 0
    claimed = Response.objects.filter(
        id__in=list(response_ids), participant__isnull=True, entered_by__isnull=True
    ).update(participant=user)
    if claimed:
        logger.info("%d responses kept with user %s after sign-in", claimed, user.pk)
    return claimed


@transaction.atomic
def contributions_queue_changed(
    *, contributions: Iterable[Contribution], texts_before: Mapping[int, str]
) -> int:
    """Queue tagging and safeguarding screening again (on commit, ids only) for contributions
    that are new, not yet tagged, or whose text changed since ``texts_before``.

    ``tagged_at`` is cleared first so the sweep re-queues them if the job is lost. The job is
    idempotent and re-tagging replaces only the machine's suggestions: a person's decision
    on a tag stays as they made it (``tasks.models.HUMAN_DECISION``).
    """
    changed = [
        c.id for c in contributions if c.tagged_at is None or texts_before.get(c.id) != c.text
    ]
    if not changed:
        return 0
    Contribution.objects.filter(id__in=changed, tagged_at__isnull=False).update(tagged_at=None)
    for contribution_id in changed:
        enqueue_on_commit(TAG_CONTRIBUTION_TASK, contribution_id)
    logger.info("contributions %s queued for tagging", changed)
    return len(changed)
