"""With a real broker and worker: a disclosure reaches the queue and an email within a minute."""

import time

from django.core import mail
from django.test import override_settings

from feedback import services as feedback_services
from feedback.models import Voice
from safeguarding.models import SafeguardingFlag
from tests.feedback.factories import ResponseFactory, survey_page

QUESTIONS = [{"type": "long_text", "value": {"question": "Tell us more", "max_length": 5000}}]


@override_settings(SAFEGUARDING_NOTIFY_EMAILS=["safeguarding@nhs.example"])
def test_a_disclosure_reaches_the_queue_and_an_email_within_a_minute(postgres, celery_worker):
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    text = "my carer slaped me and i am skared to go home"
    response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value={"text": text},
        text=text,
    )
    started = time.monotonic()
    feedback_services.response_submit(response=response)  # commits: a transactional test
    while time.monotonic() - started < 60 and not mail.outbox:
        time.sleep(0.2)
    assert time.monotonic() - started < 60
    flag = SafeguardingFlag.objects.get(response=response)
    assert flag.notified_at is not None and flag.excerpt == text
    assert len(mail.outbox) == 1 and "slaped" not in mail.outbox[0].body
