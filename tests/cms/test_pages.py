"""Page types render, switch between easy read and standard, print, and show editors the
easy-read checks before they publish."""

import gzip
import json
import re
from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.demo import home_page_ensure
from cms.models import ConsultationPage, PlanSummaryPage
from easyread.findings import easyread_findings_for_page
from tests.cms.factories import (
    LONG_SENTENCE,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    GlossaryTermFactory,
    PathwayFactory,
    PlanSummaryPageFactory,
    StandardPageFactory,
    YouSaidWeDidPageFactory,
    point,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        PlanSummaryPageFactory,
        StandardPageFactory,
        ConsultationPageFactory,
        ConsultationIndexPageFactory,
        YouSaidWeDidPageFactory,
    ],
)
def test_every_page_type_renders(client, factory):
    page = factory()
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title.encode() in response.content


def test_consultation_shows_easy_read_first_and_links_to_the_standard_version(client):
    consultation = ConsultationPageFactory(title="Health checks")
    consultation.pathways.add(PathwayFactory(name="Annual checks pathway"))
    consultation.save_revision().publish()
    easy = client.get(consultation.url).content.decode()
    assert 'class="ev-easyread' in easy
    assert "You can have a health check." in easy
    assert f'href="{consultation.url}?version=standard"' in easy
    assert "data-ev-reading-help" in easy  # the reading help bar
    assert "Annual checks pathway" in easy
    assert "Open now" in easy
    standard = client.get(consultation.url + "?version=standard").content.decode()
    assert "The standard summary." in standard
    assert "You can have a health check." not in standard
    assert 'aria-current="page"' in standard


def test_glossary_word_is_explained_where_it_is_used(client):
    GlossaryTermFactory(term="health check", explanation="A visit to check you are well.")
    page = PlanSummaryPageFactory()
    content = client.get(page.url).content.decode()
    assert '<dfn class="ev-term__word">health check</dfn>' in content
    assert "(A visit to check you are well)" in content


def test_print_version_links_the_print_styles_for_screen(client):
    page = PlanSummaryPageFactory()
    normal = client.get(page.url).content.decode()
    assert f'href="{page.url}?print=1"' in normal
    printed = client.get(page.url + "?print=1").content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*print\.css">', printed)
    assert "data-ev-reading-help" not in printed


def test_consultation_lists_its_events_and_you_said_we_did_page(client):
    from datetime import timedelta

    from django.utils import timezone

    from cms.models import ConsultationEvent

    consultation = ConsultationPageFactory()
    start = timezone.now() + timedelta(days=3)
    consultation.events.add(
        ConsultationEvent(
            title="Focus group in Loughborough",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Loughborough Library",
        )
    )
    consultation.save_revision().publish()
    YouSaidWeDidPageFactory(parent=consultation, title="What changed after you told us")
    content = client.get(consultation.url).content.decode()
    assert "Focus group in Loughborough" in content
    assert "Loughborough Library" in content
    assert "What changed after you told us" in content


def test_consultation_allows_surveys_results_pages_and_draft_pathways_as_children():
    names = {m._meta.label for m in ConsultationPage.clean_subpage_models()}
    assert names == {
        "feedback.SurveyPage",
        "cms.YouSaidWeDidPage",
        "involvement.PathwayDraftPage",
    }


def test_easyread_findings_for_page_is_per_block_and_counts_words():
    page = PlanSummaryPageFactory(
        easy_read_body=[("heading", {"text": "Hi", "level": "2"}), point(LONG_SENTENCE)]
    )
    findings = easyread_findings_for_page(page)
    flagged = [b for b in findings.blocks if b.findings]
    assert [b.position for b in flagged] == [2]
    assert "22 words" in flagged[0].findings[0].message
    assert findings.words == 23


def test_easyread_audit_json_lists_live_easy_read_pages_with_findings():
    page = PlanSummaryPageFactory(title="Plan", easy_read_body=[point(LONG_SENTENCE)])
    draft = PlanSummaryPageFactory(title="Draft plan")
    draft.unpublish()
    out = StringIO()
    call_command("easyread_audit", "--json", stdout=out)
    data = json.loads(out.getvalue())
    by_title = {p["title"]: p for p in data["pages"]}
    assert "Draft plan" not in by_title
    plan = by_title["Plan"]
    assert plan["id"] == page.id
    finding = plan["blocks"][0]["findings"][0]
    assert finding["code"] == "sentence-too-long"
    assert finding["severity"] == "warning"
    assert "22 words" in finding["message"]


# --- the editor ------------------------------------------------------------------------------


def test_editor_sees_the_long_sentence_warning_in_the_edit_view(client):
    page = PlanSummaryPageFactory(easy_read_body=[point(LONG_SENTENCE)])
    client.force_login(staff_user())
    response = client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "This sentence has 22 words" in content
    assert f'data-ev-checks-block="{page.easy_read_body[0].id}"' in content
    assert "easyread-checks.js" in content  # places the warnings beside the block


def _plan_form(title: str, text: str, picture: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "a-plan",
            "intro": "",
            "source_title": "",
            "source_url": "",
            "easy_read_body": streamfield(
                [("point", {"text": text, "picture": picture, "alt_text": "", "decorative": ""})]
            ),
        }
    )


def test_editor_cannot_save_a_point_without_a_picture_but_can_save_a_long_sentence(client):
    home, _ = home_page_ensure()
    client.force_login(staff_user())
    url = f"/admin/pages/add/cms/plansummarypage/{home.id}/"
    refused = client.post(url, _plan_form("No picture", "Short words.", ""))
    assert refused.status_code == 200
    assert "Add a picture to this point" in refused.content.decode()
    assert not PlanSummaryPage.objects.filter(title="No picture").exists()

    saved = client.post(url, _plan_form("Long sentence", LONG_SENTENCE, "tick"))
    assert saved.status_code == 302
    page = PlanSummaryPage.objects.get(title="Long sentence")
    edit = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "This sentence has 22 words" in edit


def test_preview_shows_findings_beside_blocks_for_the_checks_panel(client):
    page = PlanSummaryPageFactory(easy_read_body=[point(LONG_SENTENCE)])
    client.force_login(staff_user())
    # the preview is rendered from the form data the editor posts as they type
    client.post(
        f"/admin/pages/{page.id}/edit/preview/", _plan_form(page.title, LONG_SENTENCE, "tick")
    )
    response = client.get(f"/admin/pages/{page.id}/edit/preview/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "ev-preview-findings" in content
    assert "This sentence has 22 words" in content
    public = client.get(page.url).content.decode()
    assert "ev-preview-findings" not in public


def test_editor_checks_panel_has_the_easy_read_rule(client):
    page = PlanSummaryPageFactory()
    client.force_login(staff_user())
    content = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    config = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        content,
        re.S,
    )
    assert config, "Wagtail's Checks panel is missing"
    axe = json.loads(config.group(1))
    assert "everyvoice-easy-read" in axe["options"]["runOnly"]
    assert any(r["id"] == "everyvoice-easy-read" for r in axe["spec"]["rules"])


# --- page weight -----------------------------------------------------------------------------

PAGE_WEIGHT_LIMIT = 100 * 1024  # bytes, gzip-compressed HTML + CSS + JS (images aside)


def _static_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} not found"
    with open(path, "rb") as handle:
        return handle.read()


def test_easy_read_page_weighs_at_most_100_kb_compressed(client):
    from cms.demo import demo_load

    demo_load()
    response = client.get("/our-plan/")
    html = response.content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]* src="([^"]+)"', html)
    # app.js imports the NHS.UK frontend module, so that is downloaded too.
    for url in list(assets):
        source = _static_bytes(url).decode("utf-8", "replace")
        for imported in re.findall(r"import[^'\"]*['\"]([^'\"]+\.js)['\"]", source):
            base = url.rsplit("/", 1)[0]
            while imported.startswith("../"):
                imported, base = imported[3:], base.rsplit("/", 1)[0]
            assets.append(f"{base}/{imported}")
    sizes = {"html": len(gzip.compress(response.content, 9))}
    for url in assets:
        sizes[url] = len(gzip.compress(_static_bytes(url), 9))
    total = sum(sizes.values())
    assert any(u.endswith("nhsuk-frontend.min.css") for u in sizes)
    assert total <= PAGE_WEIGHT_LIMIT, sizes
