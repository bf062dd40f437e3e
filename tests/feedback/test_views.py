"""The participant journey over HTTP: nothing lost, clear errors, safe with hostile input."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from feedback import selectors
from feedback.models import Answer, Channel, Response, ResponseStatus, Voice
from tests.feedback.factories import ALL_TYPES_QUESTIONS, close, consultation_page, survey_page

pytestmark = pytest.mark.django_db

WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 200


def questions(survey):
    return {q.type: q for q in selectors.survey_questions(survey=survey)}


def start(client, survey) -> Response:
    r = client.post(f"/survey/{survey.pk}/start/")
    assert r.status_code == 302 and r["Location"] == f"/survey/{survey.pk}/who/"
    return Response.objects.filter(survey=survey).latest("pk")


def q_url(survey, question):
    return f"/survey/{survey.pk}/question/{question.id}/"


def test_start_page_explains_in_easy_read_and_asks_consent(client, survey):
    page = client.get(survey.url).content.decode()
    assert "Before you start" in page and "I agree \u2013 start now" in page
    assert "It takes about 10 minutes" in page
    assert "Who will see your answers" in page
    assert client.cookies.get("sessionid") is None  # no cookie until someone starts


def test_whole_journey_saves_every_continue_and_queues_tagging_on_commit(
    client, survey, django_capture_on_commit_callbacks, queued
):
    response = start(client, survey)
    qs = questions(survey)
    assert client.post(f"/survey/{survey.pk}/who/", {"answer": "supporter"})["Location"] == q_url(
        survey, qs["single_choice"]
    )
    steps = [
        ("single_choice", {"answer": "Email"}),
        ("multiple_choice", {"answer": ["Family", "Support worker"]}),
        ("picture_choice", {"answer": "At home"}),
        ("faces", {"answer": "5"}),
        ("yes_no", {"answer": "no"}),
        ("short_text", {"answer": "The park"}),
        ("long_text", {"answer": "More time please"}),
        ("audio", {"answer": SimpleUploadedFile("a.webm", WEBM)}),
        ("fft", {"answer": "very_good", "why": "Kind nurse"}),
    ]
    for kind, data in steps:
        r = client.post(q_url(survey, qs[kind]), data)
        assert r.status_code == 302, (kind, r.content.decode()[:500])
        # Saved on the server on every Continue.
        assert Answer.objects.filter(response=response, question_id=qs[kind].id).exists()
    assert r["Location"] == f"/survey/{survey.pk}/about-you/start/"
    for step, data in [
        ("start", {"answer": "yes"}),
        ("age", {"answer": "26_64"}),
        ("area", {"answer": "leicester"}),
        ("needs", {"answer": ["easy_read", "helper"]}),
        ("updates", {"answer": "no"}),
    ]:
        r = client.post(f"/survey/{survey.pk}/about-you/{step}/", data)
        assert r.status_code == 302, (step, r.content.decode()[:800])
    assert r["Location"] == f"/survey/{survey.pk}/check/"
    page = client.get(r["Location"]).content.decode()
    for shown in [
        "Email",
        "Family",
        "At home",
        "Very happy",
        "More time please",
        "A recording",
        "Very good",
        "Kind nurse",
        "Leicester (the city)",
        "Someone to help me",
    ]:
        assert shown in page
    assert page.count("?change=1") >= 10
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/survey/{survey.pk}/check/")
    assert r["Location"] == f"/survey/{survey.pk}/sent/"
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    assert response.voice == Voice.SUPPORTER and response.channel == Channel.ONLINE
    assert response.communication_needs == ["easy_read", "helper"]
    assert queued == [("everyvoice.tag_response", (response.id,))]
    done = client.get(r["Location"]).content.decode()
    assert response.reference_display in done and "Your answers have been sent" in done


def test_change_link_returns_to_check_your_answers(client, survey):
    start(client, survey)
    qs = questions(survey)
    r = client.post(q_url(survey, qs["yes_no"]) + "?change=1", {"answer": "yes", "change": "1"})
    assert r["Location"] == f"/survey/{survey.pk}/check/"
    page = client.get(q_url(survey, qs["yes_no"]) + "?change=1").content.decode()
    assert f'href="/survey/{survey.pk}/check/"' in page  # back goes to check too
    assert 'value="yes" checked' in page


def test_errors_use_the_nhs_summary_the_field_message_and_the_title(client, survey):
    start(client, survey)
    r = client.post(q_url(survey, questions(survey)["faces"]), {})
    page = r.content.decode()
    assert r.status_code == 200
    assert re.search(r"<title>Error: How did you feel", page)
    assert "There is a problem" in page and 'href="#answer-1"' in page
    assert 'id="answer-error"' in page and 'id="answer-1"' in page
    assert "nhsuk-form-group--error" in page


def test_resume_with_reference_code_after_the_session_is_gone(client, survey):
    response = start(client, survey)
    qs = questions(survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    client.post(q_url(survey, qs["single_choice"]), {"answer": "Post"})
    client.post(q_url(survey, qs["multiple_choice"]), {"answer": ["Nobody"]})

    fresh = Client()  # cookies cleared: a new browser, or the next day
    assert fresh.get(f"/survey/{survey.pk}/who/")["Location"] == survey.url
    typed = response.reference_display.lower().replace("-", " ")
    r = fresh.post("/survey/resume/", {"code": typed})
    assert r["Location"] == f"/survey/{survey.pk}/continue/"
    r = fresh.get(r["Location"])
    assert r["Location"] == q_url(survey, qs["picture_choice"])  # the first one not done
    page = fresh.get(q_url(survey, qs["single_choice"])).content.decode()
    assert 'value="Post" checked' in page
    page = fresh.get(q_url(survey, qs["multiple_choice"])).content.decode()
    assert 'value="Nobody" checked' in page


def test_unknown_code_gets_a_clear_error(client):
    r = client.post("/survey/resume/", {"code": "AAAA-BBBB-CC"})
    page = r.content.decode()
    assert "We cannot find that reference code" in page and "<title>Error:" in page


def test_reference_look_ups_are_rate_limited_per_address(client, survey):
    response = start(client, survey)
    for _ in range(20):
        assert client.post("/survey/resume/", {"code": "AAAA-BBBB-CC"}).status_code == 200
    r = client.post("/survey/resume/", {"code": response.reference})
    assert r.status_code == 429  # even the right code, once over the limit
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post("/survey/resume/", {"code": response.reference}).status_code == 302


def test_honeypot_filled_starts_nothing(client, survey):
    r = client.post(f"/survey/{survey.pk}/start/", {"website": "http://spam.example"})
    assert r.status_code == 302 and r["Location"] == survey.url
    assert not Response.objects.exists()


def test_a_sent_response_looked_up_by_code_shows_what_happened(
    client, survey, django_capture_on_commit_callbacks
):
    response = start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    client.post(q_url(survey, questions(survey)["faces"]), {"answer": "dont_know"})
    with django_capture_on_commit_callbacks(execute=False):
        client.post(f"/survey/{survey.pk}/check/")
    r = Client().post("/survey/resume/", {"code": response.reference})
    page = r.content.decode()
    assert r.status_code == 200 and "What happened to your answers" in page
    assert "dont_know" not in page  # the answers themselves are not shown again


def test_check_page_lists_missing_required_answers(client, survey):
    start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    r = client.post(f"/survey/{survey.pk}/check/")
    page = r.content.decode()
    assert r.status_code == 200 and "There is a problem" in page
    faces = questions(survey)["faces"]
    assert f'href="#q-{faces.id}"' in page


def test_closed_survey_says_so_and_links_to_the_consultation():
    consultation = consultation_page()
    survey = survey_page(consultation=consultation)
    close(consultation)
    client = Client()
    page = client.get(survey.url).content.decode()
    assert "This survey is closed" in page and consultation.url in page
    assert "I agree \u2013 start now" not in page
    client.post(f"/survey/{survey.pk}/start/")
    assert not Response.objects.exists()


def test_a_draft_started_before_closing_can_still_be_sent(
    client, django_capture_on_commit_callbacks
):
    consultation = consultation_page()
    survey = survey_page(consultation=consultation)
    response = start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    close(consultation)
    page = client.get(survey.url).content.decode()
    assert "you started before it closed" in page and "Carry on with your answers" in page
    client.post(q_url(survey, questions(survey)["faces"]), {"answer": "4"})
    assert (
        "This survey has now closed" in client.get(f"/survey/{survey.pk}/check/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=False):
        r = client.post(f"/survey/{survey.pk}/check/")
    assert r["Location"] == f"/survey/{survey.pk}/sent/"
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED


HOSTILE = (
    "<script>alert('x')</script><img src=x onerror=alert(1)> "
    "🙂👩‍👩‍👧 \u202e\u05e9\u05dc\u05d5\u05dd مرحبا"
)


def test_hostile_text_is_stored_exactly_and_shown_escaped(client, survey):
    response = start(client, survey)
    qs = questions(survey)
    r = client.post(q_url(survey, qs["long_text"]), {"answer": HOSTILE + "\x00"})
    assert r.status_code == 302
    answer = Answer.objects.get(response=response, question_id=qs["long_text"].id)
    assert answer.text == HOSTILE  # the null byte removed, everything else kept
    for url in (f"/survey/{survey.pk}/check/", q_url(survey, qs["long_text"])):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
        assert "🙂👩‍👩‍👧" in page and "\u05e9\u05dc\u05d5\u05dd مرحبا" in page


def test_one_megabyte_of_text_is_refused_clearly_and_nothing_is_cut(client, survey):
    response = start(client, survey)
    qs = questions(survey)
    r = client.post(q_url(survey, qs["long_text"]), {"answer": "a" * 1_000_000})
    page = r.content.decode()
    assert r.status_code == 200
    assert (
        "Your answer must be 2,000 characters or fewer. It is 998,000 characters too long." in page
    )
    assert not Answer.objects.filter(response=response, question_id=qs["long_text"].id).exists()
    assert page.count("a" * 1000) >= 1  # what they wrote is given back to them to shorten


def test_audio_upload_accepted_and_refused_by_type_and_size(client, survey):
    response = start(client, survey)
    url = q_url(survey, questions(survey)["audio"])
    r = client.post(url, {"answer": SimpleUploadedFile("x.mp3", b"MZ\x90\x00 not audio")})
    assert r.status_code == 200 and "must be a sound recording" in r.content.decode()
    big = SimpleUploadedFile("big.webm", WEBM + b"\x00" * (10 * 1024 * 1024))
    r = client.post(url, {"answer": big})
    assert r.status_code == 200 and "smaller than 10 MB" in r.content.decode()
    assert not Answer.objects.filter(response=response).exists()
    r = client.post(url, {"answer": SimpleUploadedFile("ok.ogg", b"OggS" + b"\x00" * 100)})
    assert r.status_code == 302
    answer = Answer.objects.get(response=response)
    assert answer.audio_content_type == "audio/ogg"
    assert "We have your recording" in client.get(url).content.decode()


def test_my_answers_needs_sign_in_and_shows_only_your_own(client, survey, django_user_model):
    assert client.get("/my-answers/").status_code == 302
    me = django_user_model.objects.create_user(username="p", email="p@example.org")
    client.force_login(me)
    mine = start(client, survey)
    Client().post(f"/survey/{survey.pk}/start/")  # someone else's
    page = client.get("/my-answers/").content.decode()
    assert mine.reference in page
    others = Response.objects.exclude(pk=mine.pk).get()
    assert others.reference not in page
    assert others.participant is None and mine.participant == me


def test_young_person_is_not_asked_for_email(client, survey):
    start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "young_person"})
    client.post(f"/survey/{survey.pk}/about-you/start/", {"answer": "yes"})
    r = client.post(f"/survey/{survey.pk}/about-you/needs/", {})
    assert r["Location"] == f"/survey/{survey.pk}/check/"
    assert client.get(f"/survey/{survey.pk}/about-you/updates/")["Location"].endswith("/check/")
    assert "Email me" not in client.get(f"/survey/{survey.pk}/check/").content.decode()


def test_yes_to_updates_asks_for_an_email_on_its_own_page(client, survey):
    response = start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    client.post(f"/survey/{survey.pk}/about-you/start/", {"answer": "yes"})
    r = client.post(f"/survey/{survey.pk}/about-you/updates/", {"answer": "yes"})
    assert r["Location"] == f"/survey/{survey.pk}/about-you/email/"
    r = client.post(r["Location"], {"answer": ""})
    assert (
        'href="#answer"' in r.content.decode() and "Enter your email address" in r.content.decode()
    )
    r = client.post(f"/survey/{survey.pk}/about-you/email/", {"answer": "nope"})
    assert "Enter an email address like" in r.content.decode()
    r = client.post(f"/survey/{survey.pk}/about-you/email/", {"answer": "me@example.org"})
    assert r["Location"] == f"/survey/{survey.pk}/check/"
    response.refresh_from_db()
    assert response.wants_updates and response.contact_email == "me@example.org"
    client.post(f"/survey/{survey.pk}/about-you/updates/", {"answer": "no"})
    response.refresh_from_db()
    assert response.contact_email == ""  # changed their mind: the email is not kept


# --- speed: questions built once per published version, few queries per page ----------------


def test_republishing_new_questions_shows_them_at_once(client):
    survey = survey_page(
        questions=[
            {"type": "single_choice", "value": {"question": "Old words?", "options": ["A", "B"]}},
            {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
        ]
    )
    start(client, survey)
    first = selectors.survey_questions(survey=survey)[0]
    assert "Old words?" in client.get(q_url(survey, first)).content.decode()

    # An editor changes the wording and the options of the same question (same block id).
    page = survey.get_latest_revision_as_object()
    raw = [dict(block) for block in page.questions.raw_data]
    raw[0]["value"] = {**raw[0]["value"], "question": "New words?", "options": ["A", "C"]}
    page.questions = raw
    page.save_revision().publish()

    page_text = client.get(q_url(survey, first)).content.decode()
    assert "New words?" in page_text and "Old words?" not in page_text
    assert 'value="C"' in page_text and 'value="B"' not in page_text
    refused = client.post(q_url(survey, first), {"answer": "B"})  # no longer an answer
    assert refused.status_code == 200 and "Choose one of the answers" in refused.content.decode()
    assert client.post(q_url(survey, first), {"answer": "C"}).status_code == 302
    assert Answer.objects.get(question_id=first.id).value == {"choice": "C"}


def test_unpublishing_a_survey_closes_its_question_pages(client, survey):
    start(client, survey)
    first = selectors.survey_questions(survey=survey)[0]
    assert client.get(q_url(survey, first)).status_code == 200
    survey.unpublish()
    assert client.get(q_url(survey, first)).status_code == 404


@pytest.mark.parametrize("kind", [t["type"] for t in ALL_TYPES_QUESTIONS])
def test_a_question_page_makes_at_most_10_queries(
    client, survey, kind, django_assert_max_num_queries
):
    """GET and POST of one step, with the questions not yet built in this process."""
    response = start(client, survey)
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    selectors.survey_questions_cache_clear()
    q = questions(survey)[kind]
    with django_assert_max_num_queries(10):
        assert client.get(q_url(survey, q)).status_code == 200
    data = {
        "single_choice": {"answer": "Post"},
        "multiple_choice": {"answer": ["Family"]},
        "picture_choice": {"answer": "At home"},
        "faces": {"answer": "4"},
        "yes_no": {"answer": "yes"},
        "short_text": {"answer": "The park"},
        "long_text": {"answer": "More time please"},
        "audio": {"answer": SimpleUploadedFile("a.webm", WEBM)},
        "fft": {"answer": "good", "why": "Kind nurse"},
    }[kind]
    with django_assert_max_num_queries(10):
        assert client.post(q_url(survey, q), data).status_code == 302
    assert Answer.objects.filter(response=response, question_id=q.id).exists()
