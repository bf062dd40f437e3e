"""Each question type: its form field, its validation, and the answer value it stores."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback import selectors
from feedback.questions import answer_display, answer_from_form, form_for, form_initial
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db

WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 100


@pytest.fixture
def questions():
    survey = survey_page()
    return {q.type: q for q in selectors.survey_questions(survey=survey)}


def submit(question, data=None, files=None):
    form = form_for(question, data=data or {}, files=files or {})
    valid = form.is_valid()
    return form, valid


def test_every_question_type_is_offered(questions):
    assert set(questions) == {
        "single_choice",
        "multiple_choice",
        "picture_choice",
        "faces",
        "yes_no",
        "short_text",
        "long_text",
        "audio",
        "fft",
    }


def test_single_choice(questions):
    q = questions["single_choice"]
    form, valid = submit(q, {"answer": "Email"})
    assert valid and answer_from_form(q, form.cleaned_data) == ({"choice": "Email"}, "")
    form, valid = submit(q, {"answer": "Carrier pigeon"})
    assert not valid and form.errors["answer"] == ["Choose one of the answers"]
    form, valid = submit(q, {})
    assert valid and answer_from_form(q, form.cleaned_data) == (None, "")  # skipped


def test_multiple_choice_and_rather_not_say_on_its_own(questions):
    q = questions["multiple_choice"]
    form, valid = submit(q, {"answer": ["Family", "Nobody"]})
    assert valid and answer_from_form(q, form.cleaned_data)[0] == {"choices": ["Family", "Nobody"]}
    form, valid = submit(q, {"answer": ["rather_not_say"]})
    assert valid and answer_from_form(q, form.cleaned_data)[0] == {"rather_not_say": True}
    form, valid = submit(q, {"answer": ["Family", "rather_not_say"]})
    assert not valid and "on its own" in form.errors["answer"][0]


def test_picture_choice_has_pictures_and_words(questions):
    q = questions["picture_choice"]
    assert all(o.picture_url.endswith(".svg") for o in q.options if o.value != "rather_not_say")
    form, valid = submit(q, {"answer": "At home"})
    assert valid and answer_from_form(q, form.cleaned_data)[0] == {"choice": "At home"}


def test_faces_scale_has_five_faces_with_words_and_dont_know(questions):
    q = questions["faces"]
    assert [o.label for o in q.options][:6] == [
        "Very unhappy",
        "Unhappy",
        "Not happy or unhappy",
        "Happy",
        "Very happy",
        "I don't know",
    ]
    assert all("face-" in o.picture_url for o in q.options[:6])
    form, valid = submit(q, {})
    assert not valid and "Choose a face" in form.errors["answer"][0]  # required here
    form, valid = submit(q, {"answer": "4"})
    assert answer_from_form(q, form.cleaned_data)[0] == {"face": 4}
    form, valid = submit(q, {"answer": "dont_know"})
    assert answer_from_form(q, form.cleaned_data)[0] == {"dont_know": True}
    form, valid = submit(q, {"answer": "6"})
    assert not valid


def test_yes_no_not_sure(questions):
    q = questions["yes_no"]
    assert [o.value for o in q.options] == ["yes", "no", "not_sure", "rather_not_say"]
    form, valid = submit(q, {"answer": "not_sure"})
    assert valid and answer_display(q, answer_from_form(q, form.cleaned_data)[0]) == "Not sure"


def test_short_text_over_the_limit_is_a_clear_error_not_a_cut(questions):
    q = questions["short_text"]  # max 50
    form, valid = submit(q, {"answer": "x" * 51})
    assert not valid
    assert form.errors["answer"] == [
        "Your answer must be 50 characters or fewer. It is 1 character too long."
    ]
    form, valid = submit(q, {"answer": "x" * 50})
    assert valid and answer_from_form(q, form.cleaned_data) == ({"text": "x" * 50}, "x" * 50)


def test_long_text_counts_a_new_line_as_one_character(questions):
    q = questions["long_text"]  # max 2000
    text = ("a" * 9 + "\r\n") * 200  # 2000 characters as the person sees them
    form, valid = submit(q, {"answer": text})
    assert valid
    assert form.cleaned_data["answer"] == ("a" * 9 + "\n") * 200
    form, valid = submit(q, {"answer": "b" * 2345})
    assert form.errors["answer"] == [
        "Your answer must be 2,000 characters or fewer. It is 345 characters too long."
    ]


def test_audio_accepts_recordings_and_refuses_other_files_and_big_ones(questions):
    q = questions["audio"]
    ok = SimpleUploadedFile("me.webm", WEBM, content_type="audio/webm")
    form, valid = submit(q, {}, {"answer": ok})
    assert valid and form.cleaned_data["answer"].sniffed.content_type == "audio/webm"

    html = SimpleUploadedFile("evil.mp3", b"<script>alert(1)</script>", content_type="audio/mpeg")
    form, valid = submit(q, {}, {"answer": html})
    assert not valid and "must be a sound recording" in form.errors["answer"][0]

    big = SimpleUploadedFile(
        "long.webm", WEBM + b"\x00" * (10 * 1024 * 1024), content_type="audio/webm"
    )
    form, valid = submit(q, {}, {"answer": big})
    assert not valid and "smaller than 10 MB" in form.errors["answer"][0]


def test_friends_and_family_test_is_ready_made(questions):
    q = questions["fft"]
    assert q.text == "Overall, how was your experience of our service?"
    assert [o.label for o in q.options] == [
        "Very good",
        "Good",
        "Neither good nor poor",
        "Poor",
        "Very poor",
        "Don't know",
    ]
    form, _ = submit(q, {"answer": "good", "why": "Kind staff"})
    value, text = answer_from_form(q, form.cleaned_data)
    assert value == {"rating": "good", "why": "Kind staff"} and text == "Kind staff"
    assert form_initial(q, value) == {"answer": "good", "why": "Kind staff"}


def test_stored_answers_come_back_into_the_form(questions):
    q = questions["multiple_choice"]
    assert form_initial(q, {"choices": ["Family"]}) == {"answer": ["Family"]}
    assert form_initial(q, {"rather_not_say": True}) == {"answer": ["rather_not_say"]}
    assert form_initial(questions["faces"], {"face": 2}) == {"answer": "2"}
    assert form_initial(questions["long_text"], None) == {}


def test_questions_are_built_once_per_version_of_the_survey(monkeypatch):
    survey = survey_page()
    selectors.survey_questions_cache_clear()
    built = []
    real = selectors.question_from_block
    monkeypatch.setattr(
        selectors, "question_from_block", lambda child, n: built.append(n) or real(child, n)
    )
    first = selectors.survey_questions(survey=survey)
    again = selectors.survey_questions(survey=type(survey).objects.get(pk=survey.pk))
    assert first == again and len(built) == len(first)  # the second request built nothing
    page = survey.get_latest_revision_as_object()
    page.questions = [*page.questions.raw_data, {"type": "yes_no", "value": {"question": "New?"}}]
    page.save_revision().publish()
    changed = selectors.survey_questions(survey=type(survey).objects.get(pk=survey.pk))
    assert [q.text for q in changed][-1] == "New?" and len(built) == 2 * len(first) + 1
