"""Publishing results never closes a consultation on its own: closing is its own step."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.selectors import consultations_open
from tests.cms.factories import ConsultationPageFactory
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db


def test_ticking_results_published_keeps_an_open_consultation_open(client):
    consultation = ConsultationPageFactory(title="Short breaks")
    survey = survey_page(consultation=consultation)
    consultation.results_published = True
    consultation.save_revision().publish()
    consultation.refresh_from_db()
    assert consultation.is_open
    assert consultation.status == "open"
    assert consultation in consultations_open()
    content = client.get(consultation.url).content.decode()
    assert "Open now" in content
    assert "Take part" in content
    assert survey.url in content


def test_results_show_once_the_closing_date_has_passed():
    consultation = ConsultationPageFactory(results_published=True)
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    consultation.refresh_from_db()
    assert not consultation.is_open
    assert consultation.status == "results"
    later = ConsultationPageFactory()
    assert later.status_at(later.closes_at + timedelta(seconds=1)) == "closed"


def test_closing_is_its_own_explicit_step_in_the_editor(client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from tests.cms.factories import staff_user

    consultation = ConsultationPageFactory(title="Respite")
    survey = survey_page(consultation=consultation)
    client.force_login(staff_user())
    edit = client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert 'name="action-close-now"' in edit
    data = nested_form_data(
        {
            "title": consultation.title,
            "slug": consultation.slug,
            "intro": consultation.intro,
            "opens_at": consultation.opens_at.strftime("%Y-%m-%d %H:%M"),
            "closes_at": consultation.closes_at.strftime("%Y-%m-%d %H:%M"),
            "easy_read_body": streamfield([]),
            "summary": streamfield([]),
            "events": inline_formset([]),
            "retention_days": "",
            "retention_action": "anonymise",
            "action-close-now": "1",
        }
    )
    response = client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    consultation.refresh_from_db()
    assert not consultation.is_open and consultation.status == "closed"
    assert consultation not in consultations_open()
    public = client.get(consultation.url).content.decode()
    assert "Take part" not in public and survey.url not in public
