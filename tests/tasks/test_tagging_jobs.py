"""Tagging feedback in the background: tags with evidence, idempotent, people's decisions kept."""

import json
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from feedback import services as feedback_services
from feedback.models import Contribution, Response, ResponseStatus, Voice
from tasks import services
from tasks.models import Tag, TaggerVersion, TagMethod, TagStatus
from tasks.tasks import sweep_lost_jobs, tag_contribution, tag_response
from tests.feedback.factories import FocusGroupSessionFactory, ResponseFactory, survey_page

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
TEXT_QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "long_text", "value": {"question": "What could be better?", "max_length": 5000}},
]


def submitted_response(*texts: str) -> Response:
    survey = survey_page(questions=TEXT_QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    for block, text in zip(survey.questions, texts, strict=False):
        response.answers.create(
            question_id=block.id, question_type="long_text", value=text, text=text
        )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    return Response.objects.get(pk=response.pk)


def codes(**filters) -> set[str]:
    return set(Tag.objects.filter(**filters).values_list("code", flat=True))


def test_a_response_is_tagged_per_answer_with_confidence_evidence_method_and_version():
    response = submitted_response(
        "i never had my helth chek this year",
        "My son is 17 and nobody has talked to us about moving to adult services.",
    )
    tag_response(response.id)
    first, second = response.answers.order_by("id")
    assert {"annual-health-checks", "pledge-9"} <= codes(answer=first)
    assert "transitions" in codes(answer=second)
    tag = Tag.objects.filter(answer=first).first()
    assert 0 < tag.confidence <= 1
    assert tag.evidence
    assert tag.method in {TagMethod.RULES, TagMethod.MODEL}
    assert tag.tagger_version == TaggerVersion.objects.get(is_current=True).version
    assert tag.response_id == response.id and tag.status == TagStatus.SUGGESTED
    response.refresh_from_db()
    assert response.tagged_at is not None


def test_tagging_twice_writes_the_same_tags_once():
    response = submitted_response("We waited two years for an autism assessment.")
    tag_response(response.id)
    before = sorted(Tag.objects.values_list("target", "code", "confidence"))
    tag_response(response.id)
    assert sorted(Tag.objects.values_list("target", "code", "confidence")) == before
    assert before


def test_a_later_run_never_overwrites_a_persons_decision(django_user_model):
    reviewer = django_user_model.objects.create_user(username="r", password="x" * 12)
    response = submitted_response("i never had my helth chek")
    tag_response(response.id)
    tag = Tag.objects.filter(response=response).first()
    services.tags_review(tag_ids=[tag.id], decision=TagStatus.REJECTED, user=reviewer)
    services.tag_add(target=tag.target, code="leder", user=reviewer)

    tag_response(response.id)

    tag.refresh_from_db()
    assert tag.status == TagStatus.REJECTED and tag.reviewed_by == reviewer
    added = Tag.objects.get(target=tag.target, code="leder")
    assert (added.method, added.status) == (TagMethod.HUMAN, TagStatus.CONFIRMED)


def test_focus_group_contributions_are_tagged():
    session = FocusGroupSessionFactory()
    contribution = Contribution.objects.create(
        session=session, text="Carers need more short breaks and respite at weekends."
    )
    tag_contribution(contribution.id)
    assert "respite-and-carers" in codes(contribution=contribution)
    contribution.refresh_from_db()
    assert contribution.tagged_at is not None


def test_drafts_and_empty_answers_are_not_tagged():
    response = submitted_response("i never had my helth chek")
    Response.objects.filter(pk=response.pk).update(status=ResponseStatus.DRAFT)
    tag_response(response.id)
    assert not Tag.objects.exists()


def test_submitting_queues_tagging_only_after_commit(django_capture_on_commit_callbacks):
    survey = survey_page(questions=TEXT_QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value="Our short breaks were cut.",
        text="Our short breaks were cut.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.response_submit(response=response)
        assert not Tag.objects.exists()  # nothing tagged before the commit
    assert "respite-and-carers" in codes(response=response)


@override_settings(EVERYVOICE_SWEEP_AFTER_SECONDS=0)
def test_the_sweep_tags_responses_whose_job_was_lost():
    lost = [submitted_response("We need help in a crisis at night.") for _ in range(3)]
    assert Response.objects.filter(tagged_at__isnull=True).count() == 3
    queued = sweep_lost_jobs()
    assert queued == 3
    assert (
        Response.objects.filter(id__in=[r.id for r in lost], tagged_at__isnull=True).count() == 0
    )
    assert sweep_lost_jobs() == 0  # nothing left to do


def test_recent_untagged_work_is_left_to_its_own_job():
    submitted_response("We need help in a crisis at night.")
    assert sweep_lost_jobs() == 0


def test_reviews_teach_the_tagger_a_new_phrase(django_user_model):
    reviewer = django_user_model.objects.create_user(username="r", password="x" * 12)
    # A local nickname for the forensic service, never seen in the taxonomy's examples.
    phrases = [
        "The Glenfield outreach lads came round again",
        "glenfield outreach lads were kind to my brother",
        "I talk to the Glenfield outreach lads every week",
        "without the glenfield outreach lads he would be back inside",
    ]
    for text in phrases:
        response = submitted_response(text)
        tag_response(response.id)
        answer = response.answers.get()
        Tag.objects.filter(answer=answer).update(status=TagStatus.REJECTED, reviewed_by=reviewer)
        services.tag_add(target=f"a:{answer.id}", code="forensic", user=reviewer)
    new_text = submitted_response("the glenfield outreach lads helped me")
    tag_response(new_text.id)
    assert "forensic" not in codes(response=new_text)

    services.tagger_train(reason="test")
    tag_response(new_text.id)
    assert "forensic" in codes(response=new_text)


def test_retrain_if_due_waits_for_enough_new_reviews(django_user_model):
    services.tagger_train(reason="baseline")
    assert services.retrain_if_due() is None
    reviewer = django_user_model.objects.create_user(username="r", password="x" * 12)
    for i in range(services.RETRAIN_AFTER_REVIEWS):
        response = submitted_response(f"I waited {i + 2} years for my autism diagnosis")
        answer = response.answers.get()
        services.tag_add(target=f"a:{answer.id}", code="autism-assessment", user=reviewer)
    version = services.retrain_if_due()
    assert version is not None and version.is_current
    assert version.reviewed_examples == services.RETRAIN_AFTER_REVIEWS
    assert version.metrics["per_label"]["autism-assessment"]["support"] > 0


def test_evaluate_tagger_prints_the_contract_json_and_changes_nothing():
    versions = TaggerVersion.objects.count()
    out = StringIO()
    call_command(
        "evaluate_tagger",
        "--test",
        str(DATA / "llr_labelled_test.csv"),
        "--taxonomy",
        str(DATA / "llr_taxonomy.csv"),
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert set(result) >= {
        "micro_f1",
        "macro_f1",
        "micro_precision",
        "micro_recall",
        "n_test",
        "seconds",
        "per_label",
    }
    assert result["n_test"] >= 150
    assert set(result["per_label"]["pledge-9"]) == {"precision", "recall", "f1", "support"}
    assert result["macro_f1"] > 0.5
    assert TaggerVersion.objects.count() == versions and not Tag.objects.exists()


def test_evaluate_tagger_uses_the_live_taxonomy_and_extra_training(tmp_path):
    test_csv = tmp_path / "test.csv"
    test_csv.write_text("text,codes\nthe glenfield outreach lads came,forensic\n", "utf-8")
    train_csv = tmp_path / "train.csv"
    train_csv.write_text(
        "text,codes\n"
        + "".join(f"glenfield outreach lads visit {i},forensic\n" for i in range(6)),
        "utf-8",
    )
    out = StringIO()
    call_command("evaluate_tagger", "--test", str(test_csv), "--json", stdout=out)
    without = json.loads(out.getvalue())
    out = StringIO()
    call_command(
        "evaluate_tagger", "--test", str(test_csv), "--train", str(train_csv), "--json", stdout=out
    )
    with_train = json.loads(out.getvalue())
    assert (
        with_train["per_label"]["forensic"]["recall"] >= without["per_label"]["forensic"]["recall"]
    )
    assert with_train["per_label"]["forensic"]["recall"] == 1.0


def test_evaluate_tagger_reports_a_bad_csv_clearly(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("words,labels\nhello,x\n", "utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="text"):
        call_command("evaluate_tagger", "--test", str(bad), "--json", stdout=StringIO())


def test_a_real_worker_tags_a_new_answer_within_seconds(postgres, celery_worker):
    survey = survey_page(questions=TEXT_QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value="My daughter has no key worker and she is 12",
        text="My daughter has no key worker and she is 12",
    )
    feedback_services.response_submit(response=response)  # commits: a transactional test
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Response.objects.get(pk=response.pk).tagged_at:
        time.sleep(0.2)
    assert "cyp-keyworker" in codes(response=response)
    assert Tag.objects.filter(response=response).exclude(evidence="").exists()


def test_the_decision_that_makes_retraining_due_queues_it(django_user_model, monkeypatch):
    """'Retrains by itself after 20 decisions' must not wait for the 15-minute beat."""
    services.tagger_train(reason="baseline")
    queued: list[str] = []
    monkeypatch.setattr(services, "enqueue_on_commit", lambda name, *a: queued.append(name))
    reviewer = django_user_model.objects.create_user(username="r2", password="x" * 12)
    for i in range(services.RETRAIN_AFTER_REVIEWS - 1):
        answer = submitted_response(f"I waited {i + 2} years for a diagnosis").answers.get()
        services.tag_add(target=f"a:{answer.id}", code="autism-assessment", user=reviewer)
    truth = services.next_retrain()
    assert not queued and truth["remaining"] == 1 and not truth["due"]
    answer = submitted_response("nobody came when he was in crisis").answers.get()
    services.tag_add(target=f"a:{answer.id}", code="crisis-support", user=reviewer)
    assert queued == ["everyvoice.retrain_tagger"]
    assert services.next_retrain()["due"]
    services.retrain_if_due()
    assert services.next_retrain() == {
        "reviews_since": 0,
        "due_after": services.RETRAIN_AFTER_REVIEWS,
        "remaining": services.RETRAIN_AFTER_REVIEWS,
        "due": False,
    }
    # Undoing decisions the version learnt from never shows a negative count.
    for tag in Tag.objects.filter(method="human")[:3]:
        services.tag_undo(tag_id=tag.pk, user=reviewer)
    assert services.next_retrain()["reviews_since"] == 0
    assert services.next_retrain()["remaining"] == services.RETRAIN_AFTER_REVIEWS
