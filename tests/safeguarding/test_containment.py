"""Containment: ``safeguarding.selectors.uncontained`` keeps a flagged text out of anything
built on it (quotes, insight, exports, examples, the API) until the lead releases it."""

import pytest
from django.utils import timezone

from feedback.models import Answer, Contribution
from safeguarding import services
from safeguarding.models import SafeguardingFlag
from safeguarding.selectors import held_targets, uncontained
from tasks import holds
from tasks.models import Tag
from tests.safeguarding.factories import contribution, submitted

pytestmark = pytest.mark.django_db

DISCLOSURE = "my staff hit me and I am scared to go home"
ORDINARY = "I waited a long time for my annual health check"


def _answers():
    return submitted(DISCLOSURE).answers.get(), submitted(ORDINARY).answers.get()


def test_a_flagged_answer_is_contained_by_pk_by_foreign_key_and_by_tag_target(
    django_user_model,
):
    hurt, fine = _answers()
    services.responses_screen(response_ids=[hurt.response_id, fine.response_id])
    flag = SafeguardingFlag.objects.get()
    assert flag.answer_id == hurt.pk
    assert list(uncontained(Answer.objects.all(), via="pk")) == [fine]
    for answer in (hurt, fine):
        Tag.objects.create(target=f"a:{answer.pk}", response=answer.response, answer=answer,
                           code="x", kind="pledge", confidence=1, method="rules")  # fmt: skip
    assert [t.answer for t in uncontained(Tag.objects.all(), via="target")] == [fine]
    assert [t.answer for t in uncontained(Tag.objects.all(), via="answer")] == [fine]
    assert held_targets([f"a:{hurt.pk}", f"a:{fine.pk}"]) == {f"a:{hurt.pk}"}

    # Closing the flag does not release it; the lead's release does.
    lead = django_user_model.objects.create_user("lead")
    services.flag_close(flag_id=flag.pk, user=lead, outcome="referred_la", note="Referred")
    assert uncontained(Answer.objects.all(), via="pk").count() == 1
    services.flag_release(flag_id=flag.pk, user=lead)
    assert uncontained(Answer.objects.all(), via="pk").count() == 2
    assert uncontained(Tag.objects.all(), via="target").count() == 2
    assert SafeguardingFlag.objects.get().released_at <= timezone.now()


def test_contributions_and_rows_without_a_text_are_handled():
    held = contribution(DISCLOSURE)
    other = contribution(ORDINARY)
    services.contributions_screen(contribution_ids=[held.pk, other.pk])
    assert list(uncontained(Contribution.objects.all(), via="pk")) == [other]
    # A tag on a contribution has no answer: via="answer" keeps it (NULL key).
    Tag.objects.create(target=f"c:{held.pk}", contribution=held, code="x", kind="pledge",
                       confidence=1, method="rules")  # fmt: skip
    assert uncontained(Tag.objects.all(), via="answer").count() == 1
    assert uncontained(Tag.objects.all(), via="contribution").count() == 0


def test_a_path_that_reaches_no_text_is_a_mistake():
    with pytest.raises(ValueError, match="not a text"):
        uncontained(Tag.objects.all(), via="response")


def test_tasks_asks_through_its_seam_and_gets_safeguardings_answer():
    """tasks never imports safeguarding: ``tasks.holds`` answers with what safeguarding
    registered, the same rows as the helpers above."""
    hurt, fine = _answers()
    services.responses_screen(response_ids=[hurt.response_id, fine.response_id])
    targets = (f"a:{a.pk}" for a in (hurt, fine))  # a generator, as tag review passes
    assert holds.held_targets(targets) == {f"a:{hurt.pk}"}
    assert list(holds.uncontained(Answer.objects.all(), via="pk")) == [fine]


def test_with_no_provider_tasks_refuses_rather_than_treating_texts_as_free(monkeypatch):
    monkeypatch.setattr(holds, "_PROVIDERS", [])
    with pytest.raises(RuntimeError, match="no hold provider"):
        holds.held_targets(["a:1"])
    with pytest.raises(RuntimeError, match="no hold provider"):
        holds.uncontained(Answer.objects.all(), via="pk")
