"""British Sign Language on survey questions: the question signed in BSL (a self-hosted video
with captions and a transcript) and answers signed in BSL (a private video, summarised by
staff, then tagged and screened like written answers)."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.test import Client
from wagtail.documents import get_document_model

from feedback import selectors
from feedback.blocks import BslVideoBlock
from feedback.models import Response
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "languages" / "data" / "demo"
VIDEO = (DEMO / "bsl-intro.webm").read_bytes()  # a real browser (MediaRecorder) video
TRANSCRIPT = "What would make your health check better?"


def document(title: str, name: str):
    with (DEMO / name).open("rb") as handle:
        return get_document_model().objects.create(title=title, file=File(handle, name=name))


@pytest.fixture
def bsl_docs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return document("BSL question", "bsl-intro.webm"), document("BSL captions", "bsl-intro.vtt")


def bsl_survey(video=None, captions=None, *, bsl_answer: bool = True):
    bsl = {"video": video.pk, "captions": captions.pk, "transcript": TRANSCRIPT} if video else {}
    return survey_page(
        questions=[
            {
                "type": "long_text",
                "value": {
                    "question": "What would make your health check better?",
                    "max_length": 2000,
                    "bsl": bsl,
                    "bsl_answer": bsl_answer,
                },
            },
            {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
        ]
    )


def start(client, survey) -> Response:
    client.post(f"/survey/{survey.pk}/start/")
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    return Response.objects.filter(survey=survey).latest("pk")


def first_question(survey):
    return selectors.survey_questions(survey=survey)[0]


def test_question_page_shows_the_question_signed_in_bsl_with_captions_and_transcript(bsl_docs):
    survey = bsl_survey(*bsl_docs)
    client = Client()
    start(client, survey)
    q = first_question(survey)
    html = client.get(f"/survey/{survey.pk}/question/{q.id}/").content.decode()
    video = re.search(r'<video[^>]*>\s*<source src="([^"]+)">\s*<track ([^>]+)>', html)
    assert video, "the BSL video with a captions track"
    assert video.group(1).startswith("/documents/")  # kept on this site
    assert 'kind="captions"' in video.group(2) and "default" in video.group(2)
    assert "This question in British Sign Language (BSL)" in html
    assert TRANSCRIPT in html and "<iframe" not in html
    played = client.get(video.group(1))
    assert b"".join(played.streaming_content)[:4] == b"\x1a\x45\xdf\xa3"


def test_a_question_without_a_bsl_video_shows_none():
    survey = bsl_survey()
    client = Client()
    start(client, survey)
    html = client.get(f"/survey/{survey.pk}/question/{first_question(survey).id}/").content
    assert b"<video" not in html


def test_a_bsl_video_needs_captions_and_a_transcript(bsl_docs):
    video, captions = bsl_docs
    block = BslVideoBlock()
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python({"video": video.pk, "captions": None, "transcript": ""}))
    assert set(caught.value.block_errors) == {"captions", "transcript"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"video": None, "captions": captions.pk, "transcript": ""}))
    empty = block.clean(block.to_python({}))
    assert empty.get("video") is None
