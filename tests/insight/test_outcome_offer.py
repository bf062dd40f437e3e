"""Outcome wording gets the easy-read checks, and publishing an outcome offers to create or
update the consultation's "you said, we did" page."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import YouSaidWeDidPage
from insight.models import Outcome
from tests.cms.factories import LONG_SENTENCE

pytestmark = pytest.mark.django_db


def _outcome_form(world, *, published: bool, we_did: str = "We are making checks longer.") -> dict:
    data = {
        "consultation": world.consultation.pk,
        "title": "Longer annual health checks",
        "you_said": "Checks were rushed.",
        "action": "30-minute appointments.",
        "easy_read_title": "Longer health checks",
        "easy_read_you_said": "You told us health checks are too quick.",
        "easy_read_we_did": we_did,
        "owner": "Primary care team",
        "status": "planned",
        "pledges": [world.pledge.pk],
        "pathways": [],
        "examples": inline_formset([]),
    }
    if published:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def test_publishing_an_outcome_offers_to_create_the_missing_page(client, world):
    client.force_login(world.staff)
    YouSaidWeDidPage.objects.child_of(world.consultation).delete()
    result = client.post(
        "/admin/snippets/insight/outcome/add/", _outcome_form(world, published=True), follow=True
    )
    html = result.content.decode()
    assert (
        "no &#x27;you said, we did&#x27; page yet" in html
        or "no 'you said, we did' page yet" in html
    )
    add_url = f"/admin/pages/add/cms/yousaidwedidpage/{world.consultation.pk}/"
    assert add_url in html
    assert client.get(add_url).status_code == 200  # the offer leads somewhere that works


def test_publishing_an_outcome_offers_to_update_the_existing_page(client, world):
    page = YouSaidWeDidPage(title="What changed", slug="what-changed", intro="What changed.")
    world.consultation.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(world.staff)
    result = client.post(
        "/admin/snippets/insight/outcome/add/", _outcome_form(world, published=True), follow=True
    )
    html = result.content.decode()
    assert "This outcome now shows on" in html
    assert f"/admin/pages/{page.pk}/edit/" in html


def test_a_draft_outcome_offers_nothing(client, world):
    client.force_login(world.staff)
    result = client.post(
        "/admin/snippets/insight/outcome/add/", _outcome_form(world, published=False), follow=True
    )
    assert "yousaidwedidpage" not in result.content.decode()


def test_outcome_easy_read_wording_is_checked_beside_it(client, world):
    client.force_login(world.staff)
    client.post(
        "/admin/snippets/insight/outcome/add/",
        _outcome_form(world, published=False, we_did=LONG_SENTENCE),
    )
    outcome = Outcome.objects.get()
    html = client.get(f"/admin/snippets/insight/outcome/edit/{outcome.pk}/").content.decode()
    assert 'data-ev-checks-field="easy_read_we_did"' in html
    assert "This sentence has 22 words" in html
