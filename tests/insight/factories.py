"""Factories for insight tests: tagged responses and contributions, panel members."""

from datetime import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from cms.models import Collaborative, Pledge
from cms.roles import Role
from feedback.models import Answer, Contribution, ResponseStatus
from tasks.models import Tag, TagMethod, TagStatus
from tests.feedback.factories import FocusGroupSessionFactory, ResponseFactory, staff_user

__all__ = [
    "FocusGroupSessionFactory",
    "member",
    "pledge_for",
    "tag_answer",
    "tagged_contribution",
    "tagged_response",
]


def member(django_user_model, collaborative, *, username, role=Role.COLLABORATIVE_MEMBER):
    user = staff_user(django_user_model, role=role, username=username)
    collaborative.members.add(user)
    return user


def pledge_for(collaborative: Collaborative, *, number: int, code: str | None = None) -> Pledge:
    return Pledge.objects.create(
        number=number,
        code=code or f"pledge-t{number}",
        name=f"Test pledge {number}",
        description="A pledge for tests.",
        easy_read="You can have a health check.",
        picture="health-check",
        collaborative=collaborative,
    )


def tag_answer(answer, code, *, kind="pledge", confidence=0.9, status=TagStatus.SUGGESTED):
    return Tag.objects.create(
        target=f"a:{answer.pk}",
        response_id=answer.response_id,
        answer=answer,
        code=code,
        kind=kind,
        confidence=confidence,
        method=TagMethod.HUMAN if status == TagStatus.CONFIRMED else TagMethod.MODEL,
        status=status,
    )


def tagged_response(
    survey,
    code,
    *,
    text="The health check was far too quick for me.",
    voice="self",
    area="leicester",
    channel="online",
    age_band="26_64",
    submitted_at: datetime | None = None,
    confidence=0.9,
    status=TagStatus.SUGGESTED,
    face=None,
    kind="pledge",
    **extra,
):
    response = ResponseFactory(
        survey=survey,
        status=ResponseStatus.SUBMITTED,
        voice=voice,
        area=area,
        channel=channel,
        age_band=age_band,
        submitted_at=submitted_at or timezone.now(),
        **extra,
    )
    answer = Answer.objects.create(
        response=response,
        question_id="q-words",
        question_type="long_text",
        value={"text": text},
        text=text,
    )
    if face is not None:
        Answer.objects.create(
            response=response, question_id="q-face", question_type="faces", value=face
        )
    tag_answer(answer, code, kind=kind, confidence=confidence, status=status)
    return response


def tagged_contribution(session, code, *, text="We want longer appointments please.", group="lda"):
    contribution = Contribution.objects.create(session=session, text=text, speaker_group=group)
    Tag.objects.create(
        target=f"c:{contribution.pk}",
        contribution=contribution,
        code=code,
        kind="pledge",
        confidence=0.95,
        method=TagMethod.MODEL,
        status=TagStatus.SUGGESTED,
    )
    return contribution


def as_members_see(responses=(), contributions=()):
    """What the disclosure rule shows members for exactly these records (the rule is keyed
    by the records, so tests say which records a figure covers instead of a number)."""
    from insight.selectors import shown
    from insight.suppression import Records

    r = [x.pk for x in responses]
    c = [x.pk for x in contributions]
    return shown(Records(len(r) + len(c), min(r, default=None), min(c, default=None)), exact=False)


def engagement(django_user_model, username="erin"):
    return staff_user(django_user_model, role=Role.ENGAGEMENT, username=username)


def group(role: Role) -> Group:
    return Group.objects.get(name=role)
