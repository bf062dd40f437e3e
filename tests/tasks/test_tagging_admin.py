"""The review queue and the tagger health page, as the engagement team uses them."""

import pytest
from django.utils import timezone

from feedback.models import Response, ResponseStatus
from tasks import services
from tasks.models import Tag, TaggerVersion, TagMethod, TagStatus
from tasks.tasks import tag_response
from tests.feedback.factories import ResponseFactory, staff_user, survey_page

pytestmark = pytest.mark.django_db

QUESTIONS = [{"type": "long_text", "value": {"question": "Tell us more", "max_length": 5000}}]


def tagged(text: str) -> Response:
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey)
    response.answers.create(
        question_id=survey.questions[0].id, question_type="long_text", value=text, text=text
    )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    tag_response(response.pk)
    return response


@pytest.fixture
def reviewer(client, django_user_model):
    user = staff_user(django_user_model)
    client.force_login(user)
    return user


def test_queue_shows_the_text_its_suggested_tags_and_their_evidence(client, reviewer):
    tagged("i never had my helth chek")
    html = client.get("/admin/tagging/review/").content.decode()
    assert "i never had my helth chek" in html
    assert "Annual health checks" in html
    # Evidence is the answer's own words, marked: never a training sentence.
    assert "Words in this text that drove it" in html
    assert "<mark>helth</mark>" in html or "<mark>chek</mark>" in html


def test_queue_puts_the_least_certain_text_first(client, reviewer):
    sure = tagged("i never had my helth chek")
    unsure = tagged("the nurse was nice")
    Tag.objects.filter(response=sure).update(confidence=0.99)
    Tag.objects.filter(response=unsure).delete()
    answer = unsure.answers.get()
    Tag.objects.create(
        target=f"a:{answer.id}",
        response=unsure,
        answer=answer,
        code="annual-health-checks",
        kind="pathway",
        confidence=0.52,
        evidence="nurse",
        method=TagMethod.MODEL,
    )
    html = client.get("/admin/tagging/review/").content.decode()
    assert html.index("the nurse was nice") < html.index("i never had my helth chek")


def test_bulk_confirm_reject_and_add_from_the_queue(client, reviewer):
    response = tagged("i never had my helth chek")
    tags = list(Tag.objects.filter(response=response).order_by("code"))
    answer = response.answers.get()
    client.post("/admin/tagging/review/", {"decision": "confirmed", "tag": [tags[0].pk]})
    client.post("/admin/tagging/review/", {"decision": "rejected", "tag": [tags[1].pk]})
    client.post("/admin/tagging/review/", {"decision": "add", f"add-a:{answer.id}": "leder"})
    statuses = dict(Tag.objects.filter(response=response).values_list("code", "status"))
    assert statuses[tags[0].code] == TagStatus.CONFIRMED
    assert statuses[tags[1].code] == TagStatus.REJECTED
    assert statuses["leder"] == TagStatus.CONFIRMED
    assert Tag.objects.get(code="leder").reviewed_by == reviewer
    # Nothing left to review for this text.
    assert "i never had my helth chek" not in client.get("/admin/tagging/review/").content.decode()


def test_only_engagement_and_administrators_may_review(client, django_user_model):
    from cms.roles import Role

    editor = staff_user(django_user_model, role=Role.EDITOR, username="ed")
    client.force_login(editor)
    for url in ("/admin/tagging/review/", "/admin/tagging/health/"):
        response = client.get(url)
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.post("/admin/tagging/review/", {"decision": "confirmed"}).status_code == 302
    assert not Tag.objects.filter(status=TagStatus.CONFIRMED).exists()


def test_health_page_shows_figures_that_rise_after_reviews_and_retraining(
    client, reviewer, django_user_model
):
    # People keep calling the forensic service by a local nickname the seed never mentions.
    texts = [f"the glenfield outreach clinic appointment was on day {i}" for i in range(12)]
    texts += [f"the glenfield outreach clinic was late on day {i}" for i in range(12)]
    for text in texts[:12]:
        answer = tagged(text).answers.get()
        services.tag_add(target=f"a:{answer.id}", code="forensic", user=reviewer)
    client.post("/admin/tagging/health/", {"action": "retrain"})
    first = TaggerVersion.objects.get(is_current=True)

    for text in texts[12:]:
        answer = tagged(text).answers.get()
        services.tag_add(target=f"a:{answer.id}", code="forensic", user=reviewer)
    client.post("/admin/tagging/health/", {"action": "retrain"})
    second = TaggerVersion.objects.get(is_current=True)

    assert second.reviewed_examples > first.reviewed_examples
    forensic = ("per_label", "forensic", "recall")
    first_recall = first.metrics[forensic[0]][forensic[1]][forensic[2]]
    second_recall = second.metrics[forensic[0]][forensic[1]][forensic[2]]
    assert second_recall >= first_recall
    assert second.metrics["micro_f1"] >= first.metrics["micro_f1"]
    html = client.get("/admin/tagging/health/").content.decode()
    assert second.version in html and "Cross-validated on reviewed texts" in html
    assert "Forensic" in html or "forensic" in html


def test_retag_everything_reports_progress(client, reviewer):
    for text in ("We need help in a crisis at night.", "Short breaks were cut."):
        tagged(text)
    client.post("/admin/tagging/health/", {"action": "retag"})
    from tasks.models import RetagRun

    run = RetagRun.objects.get()
    assert (run.total, run.done, run.percent) == (2, 2, 100)
    assert run.finished_at is not None
    assert "2 of 2 (100%)" in client.get("/admin/tagging/health/").content.decode()
