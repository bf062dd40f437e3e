"""British Sign Language on survey questions: the question signed in BSL (a self-hosted video
with captions and a transcript) and answers signed in BSL (a private video, summarised by
staff, then tagged and screened like written answers)."""

import re
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from cms.models import AuditAction, AuditEvent
from cms.roles import Role
from feedback import selectors, services
from feedback.blocks import BslVideoBlock
from feedback.models import Answer, Response, ResponseStatus
from insight.filters import insight_answers, insight_tags
from safeguarding.models import FlagSeverity, SafeguardingFlag
from tasks.models import Tag
from tests import hostile_files as hf
from tests.feedback.factories import staff_user, survey_page
from tests.insight.conftest import world  # noqa: F401 - the insight world fixture
from tests.insight.factories import tagged_response

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "languages" / "data" / "demo"
VIDEO = (DEMO / "bsl-intro.webm").read_bytes()  # a real browser (MediaRecorder) video
TRANSCRIPT = "What would make your health check better?"
MB = 1_000_000


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


# --- answers signed in BSL: the participant ------------------------------------------------


@pytest.fixture
def private(settings):
    """Where private uploads are (the storage is set up once per process)."""
    from feedback.storage import private_storage

    return Path(private_storage.location)


def bsl_url(survey, q) -> str:
    return f"/bsl-answer/{survey.pk}/{q.id}/"


def upload(data: bytes, name: str = "answer.webm") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="video/webm")


def test_participant_signs_their_answer_in_bsl_and_sends_it(
    private, settings, django_capture_on_commit_callbacks, queued
):
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    page = client.get(f"/survey/{survey.pk}/question/{q.id}/").content.decode()
    assert f'href="{bsl_url(survey, q)}"' in page
    assert "Sign your answer in British Sign Language (BSL) instead" in page
    form = client.get(bsl_url(survey, q)).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'name="video"' in form
    assert 'accept="video/*' in form and 'data-ev-kind="video"' in form
    assert 'data-ev-max-seconds="180"' in form and "3 minutes or shorter" in form

    got = client.post(bsl_url(survey, q), {"video": upload(VIDEO, "Jo Bloggs signing.webm")})
    assert got.status_code == 302
    assert (
        got["Location"]
        == f"/survey/{survey.pk}/question/{selectors.survey_questions(survey=survey)[1].id}/"
    )
    answer = Answer.objects.get(response=response, question_id=q.id)
    assert answer.value == {"bsl_video": True} and answer.text == ""
    assert answer.video_content_type == "video/webm"
    assert answer.video.name.startswith("video/") and "Bloggs" not in answer.video.name
    stored = Path(answer.video.path)
    assert stored.read_bytes() == VIDEO and stored.parent.parent == private
    assert Path(settings.MEDIA_ROOT) not in stored.parents  # never served as media
    with pytest.raises(ValueError):
        _ = answer.video.url  # no public URL at all

    # Back on the question: the video is kept when the box is left empty.
    page = client.get(f"/survey/{survey.pk}/question/{q.id}/").content.decode()
    assert "We have your answer in British Sign Language (BSL)" in page
    assert client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": ""}).status_code == 302
    answer.refresh_from_db()
    assert answer.video and answer.value == {"bsl_video": True}
    check = client.get(f"/survey/{survey.pk}/check/").content.decode()
    assert "A video in British Sign Language (BSL)" in check
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/survey/{survey.pk}/check/").status_code == 302
    assert queued == [("everyvoice.tag_response", (response.id,))]


def test_writing_an_answer_instead_replaces_the_video(private):
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    client.post(bsl_url(survey, q), {"video": upload(VIDEO)})
    path = Path(Answer.objects.get(response=response).video.path)
    assert path.exists()
    client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": "More time please"})
    answer = Answer.objects.get(response=response)
    assert answer.value == {"text": "More time please"} and not answer.video
    assert not path.exists()


def test_a_hostile_video_is_refused_quickly_clearly_and_the_answer_given_is_kept(private):
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": "My own words"})
    crafted = hf.webm_tiny_elements(2 * MB)  # a million 2-byte elements
    files_before = set((private / "video").glob("*"))
    started = time.process_time()
    got = client.post(bsl_url(survey, q), {"video": upload(crafted)})
    cpu = time.process_time() - started
    page = got.content.decode()
    assert got.status_code == 200
    assert cpu < 2.0, f"{cpu:.2f} s of CPU for a 2 MB crafted file"
    assert "<title>Error:" in page and "There is a problem" in page
    assert 'href="#video"' in page and 'id="video-error"' in page
    assert "We could not read this video" in page
    assert 'aria-describedby="video-hint video-error"' in page
    answer = Answer.objects.get(response=response)
    assert answer.value == {"text": "My own words"} and not answer.video  # nothing lost
    assert set((private / "video").glob("*")) == files_before  # nothing of it was stored

    for data, message in [
        (b"MZ\x90\x00 a program, not a video", "The file must be a video"),
        # Its fragments say it runs past 3 minutes: the walk stops there.
        (hf.mp4_many_fragments(2 * MB), "The video must be 3 minutes long or shorter"),
        (hf.webm_nested_unknown(2 * MB), "We could not read"),
        (b"", "Record a video of your answer"),
    ]:
        got = client.post(bsl_url(survey, q), {"video": upload(data)} if data else {})
        assert got.status_code == 200 and message in got.content.decode(), message
    assert Answer.objects.get(response=response).value == {"text": "My own words"}


def test_a_video_over_three_minutes_or_50_mb_is_refused(private, settings):
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    long = hf.webm_video_ordinary(200 * 30 * 250, frame=250)  # ~200 seconds, 1.5 MB
    page = client.post(bsl_url(survey, q), {"video": upload(long)}).content.decode()
    assert "The video must be 3 minutes long or shorter. It is 3 minutes" in page
    assert "Try a shorter video" in page
    big = upload(VIDEO + bytes(50 * 1024 * 1024))
    page = client.post(bsl_url(survey, q), {"video": big}).content.decode()
    assert "The video must be smaller than 50 MB" in page
    assert not Answer.objects.filter(response=response).exists()


SOUND_ONLY = Path(__file__).resolve().parent / "data"  # Chromium's microphone recordings


def test_a_sound_only_file_is_not_taken_as_a_bsl_video(private):
    """A WebM or MP4 with a sound track and no picture passes every other check (its type by
    its first bytes, its size, its length): it is refused as having no picture, clearly, and
    the answer given before is kept."""
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    client.post(f"/survey/{survey.pk}/question/{q.id}/", {"answer": "My own words"})
    files_before = set((private / "video").glob("*"))
    sound_only = [
        # Made here: a camera-sized WebM whose one track is sound (the microphone alone) ...
        ("generated.webm", hf.webm_video_ordinary(20 * 30 * 300, frame=300, picture=False)),
        # ... a browser-style fragmented MP4 with a sound track only ...
        ("generated.mp4", hf.mp4_ordinary(200_000)),
        # ... and real Chromium MediaRecorder microphone recordings, WebM and MP4.
        ("chromium.webm", (SOUND_ONLY / "chromium-recording.webm").read_bytes()),
        ("chromium.m4a", (SOUND_ONLY / "chromium-recording.m4a").read_bytes()),
    ]
    for name, data in sound_only:
        got = client.post(bsl_url(survey, q), {"video": upload(data, name)})
        page = got.content.decode()
        assert got.status_code == 200, name
        assert "<title>Error:" in page and "There is a problem" in page, name
        assert 'href="#video"' in page and 'id="video-error"' in page, name
        assert "This file has no picture, only sound." in page, name
        assert "Record it on this page with your camera" in page, name
        assert 'aria-describedby="video-hint video-error"' in page, name
    answer = Answer.objects.get(response=response)
    assert answer.value == {"text": "My own words"} and not answer.video  # nothing lost
    assert set((private / "video").glob("*")) == files_before  # nothing stored

    # The same containers with a picture are taken (generated here too).
    for name, data in [
        ("generated.webm", hf.webm_video_ordinary(20 * 30 * 300, frame=300)),
        ("generated.mp4", hf.mp4_ordinary(200_000, handler=b"vide")),
    ]:
        assert client.post(bsl_url(survey, q), {"video": upload(data, name)}).status_code == 302
        assert Answer.objects.get(response=response).video


def test_the_picture_check_reads_the_track_list_within_the_video_budget():
    from feedback.audio_duration import TooComplex, has_video_track

    assert has_video_track(VIDEO, "video/webm") is True  # a real camera (canvas) recording
    webm = (SOUND_ONLY / "chromium-recording.webm").read_bytes()
    assert has_video_track(webm, "video/webm") is False
    m4a = (SOUND_ONLY / "chromium-recording.m4a").read_bytes()
    assert has_video_track(m4a, "video/mp4") is False
    assert has_video_track(hf.mp4_ordinary(10_000, handler=b"vide"), "video/mp4") is True
    assert has_video_track(hf.webm_ordinary(10_000), "video/webm") is None  # no track list
    assert has_video_track(b"\x1a\x45\xdf\xa3 broken", "video/webm") is None
    for build in (hf.webm_tiny_elements, hf.webm_nested_unknown):
        # No track list before the media: no picture found, after a step or two.
        assert has_video_track(build(2 * MB), "video/webm", max_seconds=180) is None
    with pytest.raises(TooComplex):  # refused as unreadable, as the length reader does
        has_video_track(_many_tracks(), "video/mp4", max_seconds=180)


def _many_tracks() -> bytes:
    """A movie box of 100,000 empty sound tracks: more structure than the budget allows."""
    trak = hf._box(b"trak", b"")
    return hf._box(b"ftyp", b"isom" + bytes(4)) + hf._box(b"moov", trak * 100_000)


def test_only_questions_offering_it_take_a_bsl_answer(private):
    survey = bsl_survey(bsl_answer=False)
    client = Client()
    start(client, survey)
    q = first_question(survey)
    assert b"Sign your answer" not in client.get(f"/survey/{survey.pk}/question/{q.id}/").content
    assert client.get(bsl_url(survey, q)).status_code == 404
    yes_no = selectors.survey_questions(survey=survey)[1]
    assert client.get(bsl_url(survey, yes_no)).status_code == 404


def test_the_bsl_answer_page_takes_a_video_sized_request_and_no_other_page_does(settings):
    from cms.middleware import RequestSizeLimitMiddleware

    limits = RequestSizeLimitMiddleware(lambda request: None)
    assert limits.limit_for("/bsl-answer/1/abc/") == 51 * 1024 * 1024
    assert limits.limit_for("/gu/bsl-answer/1/abc/") == 51 * 1024 * 1024
    assert limits.limit_for("/survey/1/question/abc/") == 11 * 1024 * 1024


# --- staff: watch (audited) and summarise; the summary is tagged and screened --------------


def sent_bsl_answer(client, survey) -> Answer:
    response = start(client, survey)
    q = first_question(survey)
    client.post(bsl_url(survey, q), {"video": upload(VIDEO)})
    client.post(f"/survey/{survey.pk}/check/")
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    return Answer.objects.get(response=response, question_id=q.id)


def test_only_the_roles_allowed_can_fetch_the_video_and_every_fetch_is_audited(
    private, django_user_model
):
    survey = bsl_survey()
    answer = sent_bsl_answer(Client(), survey)
    url = f"/admin/feedback/answers/{answer.pk}/video/"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert Client().get(f"/media/{answer.video.name}").status_code == 404
    for role, allowed in [
        (Role.EDITOR, False),
        (Role.COLLABORATIVE_MEMBER, False),
        (Role.ENGAGEMENT, True),
        (Role.SAFEGUARDING_LEAD, True),
    ]:
        client = Client()
        client.force_login(staff_user(django_user_model, role=role, username=role.lower()[:20]))
        got = client.get(url)
        if allowed:
            assert got.status_code == 200, role
            assert b"".join(got.streaming_content) == VIDEO
            assert got["Content-Type"] == "video/webm"
            assert "no-store" in got["Cache-Control"]
        else:
            assert got.status_code in (302, 403), role
    fetched = AuditEvent.objects.filter(target=f"answer:{answer.pk}")
    assert fetched.count() == 2
    assert {e.action for e in fetched} == {AuditAction.DOWNLOAD_UPLOAD}
    assert all("BSL video" in e.detail for e in fetched)


def test_staff_summary_is_tagged_and_screened_through_the_written_answers_job(
    private, django_user_model, django_capture_on_commit_callbacks
):
    survey = bsl_survey()
    answer = sent_bsl_answer(Client(), survey)
    staff = Client()
    erin = staff_user(django_user_model, role=Role.ENGAGEMENT)
    staff.force_login(erin)
    queue = staff.get("/admin/feedback/bsl/").content.decode()
    assert f"/admin/feedback/bsl/{answer.pk}/" in queue and "Waiting for a summary (1)" in queue

    page = staff.get(f"/admin/feedback/bsl/{answer.pk}/").content.decode()
    assert f'src="/admin/feedback/answers/{answer.pk}/video/"' in page
    watched = AuditEvent.objects.get(action=AuditAction.VIEW_RESPONSE)
    assert watched.target == f"response:{answer.response_id}" and watched.user == erin
    assert watched.detail == f"BSL answer:{answer.pk}"

    # An empty summary: a clear error, nothing saved, nothing queued.
    got = staff.post(f"/admin/feedback/bsl/{answer.pk}/", {"summary": "   "})
    assert got.status_code == 200
    assert (
        "There is a problem" in got.content.decode()
        and 'href="#id_summary"' in got.content.decode()
    )

    summary = (
        "I waited months for my annual health check. The letter was hard to read, "
        "I need easy read letters and more time with the nurse."
    )
    with django_capture_on_commit_callbacks(execute=True):
        got = staff.post(f"/admin/feedback/bsl/{answer.pk}/", {"summary": summary})
    assert got.status_code == 302 and got["Location"] == "/admin/feedback/bsl/"
    answer.refresh_from_db()
    assert answer.text == summary and answer.summarised_by == erin and answer.summarised_at
    response = Response.objects.get(pk=answer.response_id)
    assert response.tagged_at is not None  # the job ran (eagerly, on commit)
    tags = Tag.objects.filter(target=f"a:{answer.pk}")
    assert tags.exists(), "the summary was tagged"
    assert not SafeguardingFlag.objects.filter(answer=answer).exists()
    assert answer.pk in set(insight_answers().values_list("pk", flat=True))
    assert "Waiting for a summary (0)" in staff.get("/admin/feedback/bsl/").content.decode()


def test_a_summary_with_a_disclosure_is_flagged_and_held_from_insight(
    private, django_user_model, django_capture_on_commit_callbacks
):
    survey = bsl_survey()
    answer = sent_bsl_answer(Client(), survey)
    staff = Client()
    staff.force_login(staff_user(django_user_model, role=Role.ENGAGEMENT))
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/admin/feedback/bsl/{answer.pk}/",
            {"summary": "My staff hit me and I am scared to go home."},
        )
    flag = SafeguardingFlag.objects.get(answer=answer)
    assert flag.severity == FlagSeverity.URGENT
    assert answer.pk not in set(insight_answers().values_list("pk", flat=True))
    assert not insight_tags().filter(target=f"a:{answer.pk}").exists()


def test_withdrawing_deletes_the_video(private):
    survey = bsl_survey()
    client = Client()
    response = start(client, survey)
    q = first_question(survey)
    client.post(bsl_url(survey, q), {"video": upload(VIDEO)})
    path = Path(Answer.objects.get(response=response).video.path)
    assert path.exists()
    services.response_withdraw(response=response)
    assert not path.exists()


def test_video_lengths_are_read_by_the_bounded_readers_with_a_video_budget():
    from feedback.audio_duration import TooComplex, duration_seconds

    assert duration_seconds(VIDEO, "video/webm", max_seconds=180) == pytest.approx(3.84, abs=0.05)
    # A real-shaped camera recording just under the limit, 30 frames a second, is measured...
    ordinary = hf.webm_video_ordinary(175 * 30 * 313, frame=300)  # ~313 bytes a block
    assert 170 < duration_seconds(ordinary, "video/webm", max_seconds=180) < 180
    # ... and crafted ones are refused before the walk gets long.
    for build in (hf.webm_tiny_elements, hf.webm_nested_unknown):
        with pytest.raises(TooComplex):
            duration_seconds(build(2 * MB), "video/webm", max_seconds=180)


def test_a_bsl_summary_is_counted_in_insight_but_never_quoted_as_the_persons_words(
    client,
    world,  # noqa: F811
):
    for _ in range(11):
        tagged_response(world.survey, "pledge-t9", text="The nurse listened to me this time.")
    summarised = tagged_response(
        world.survey, "pledge-t9", text="Staff summary: the signer wanted a longer appointment."
    )
    Answer.objects.filter(response=summarised).update(
        video="video/signed.webm", video_content_type="video/webm", value={"bsl_video": True}
    )
    client.force_login(world.member)
    insight = client.get("/insight/pledge-t9/").context["insight"]
    quotes = " ".join(q.text for q in insight.quotes)
    assert "nurse listened" in quotes  # quotes are shown for this pledge
    assert "longer appointment" not in quotes


def test_done_when_a_deaf_participant_watches_the_introduction_signs_an_answer_and_it_is_tagged(
    settings, tmp_path, django_user_model, django_capture_on_commit_callbacks
):
    """The issue's "done when", on the demo content: the BSL introduction with captions, a BSL
    video answer sent on the public survey, a staff summary, then tags on it."""
    from cms.demo import demo_load

    settings.MEDIA_ROOT = tmp_path / "media"
    demo_load()
    client = Client()
    consultation = client.get("/have-your-say/annual-health-checks/").content.decode()
    assert re.search(
        r'<video[^>]*>\s*<source src="/documents/[^"]+">\s*<track [^>]*captions', consultation
    )
    survey_html = client.get("/have-your-say/annual-health-checks/survey/").content.decode()
    survey_id = int(re.search(r'action="/survey/(\d+)/start/"', survey_html).group(1))
    survey = selectors.survey_get(survey_id=survey_id)
    response = start(client, survey)
    q = next(q for q in selectors.survey_questions(survey=survey) if q.bsl_answer)
    question = client.get(f"/survey/{survey.pk}/question/{q.id}/").content.decode()
    assert f'href="{bsl_url(survey, q)}"' in question
    assert client.post(bsl_url(survey, q), {"video": upload(VIDEO)}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/survey/{survey.pk}/check/").status_code == 302
    answer = Answer.objects.get(response=response, question_id=q.id)

    staff = Client()
    staff.force_login(staff_user(django_user_model, role=Role.ENGAGEMENT))
    assert (
        f"/admin/feedback/bsl/{answer.pk}/" in staff.get("/admin/feedback/bsl/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/admin/feedback/bsl/{answer.pk}/",
            {"summary": "My annual health check was too quick. I want a longer appointment "
             "and easy read information before I go."},
        )  # fmt: skip
    assert Tag.objects.filter(target=f"a:{answer.pk}").exists()
    assert Response.objects.get(pk=response.pk).tagged_at is not None


def test_the_page_editor_offers_a_bsl_video_on_every_question_and_a_bsl_answer_on_text(
    bsl_docs, django_user_model
):
    survey = bsl_survey(*bsl_docs)
    editor = Client()
    editor.force_login(staff_user(django_user_model, role=Role.ADMINISTRATOR, username="ada"))
    got = editor.get(f"/admin/pages/{survey.pk}/edit/")
    assert got.status_code == 200
    html = got.content.decode()
    assert "BSL video of the question" in html
    assert "Let people sign their answer in BSL" in html


def test_the_summary_page_marks_the_survey_words_with_the_language_answered_in(
    private, django_user_model
):
    """Found summarising a BSL answer sent on the Gujarati survey: the survey's title and
    question, in Gujarati, sat in the English admin unmarked (a screen reader read them with
    English rules) and nothing said which language's survey the person used."""
    survey = bsl_survey()
    answer = sent_bsl_answer(Client(), survey)
    Response.objects.filter(pk=answer.response_id).update(language="ur")
    staff = Client()
    staff.force_login(staff_user(django_user_model, role=Role.ENGAGEMENT))
    page = staff.get(f"/admin/feedback/bsl/{answer.pk}/").content.decode()
    assert f'<dd lang="ur" dir="rtl">{survey.title}</dd>' in page
    assert "<dt>Language of the survey</dt><dd>Urdu</dd>" in page
    assert '. <span lang="ur" dir="rtl">' in page  # the question's words

    Response.objects.filter(pk=answer.response_id).update(language="en-gb")
    page = staff.get(f"/admin/feedback/bsl/{answer.pk}/").content.decode()
    assert f'<dd lang="en-GB" dir="ltr">{survey.title}</dd>' in page
