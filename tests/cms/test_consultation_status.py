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
