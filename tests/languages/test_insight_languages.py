"""Answers given in Gujarati count towards their consultation's insight like English ones."""

import pytest
from django.utils import timezone

from feedback import services
from feedback.models import Response, ResponseStatus
from insight.filters import Filters
from languages.services import page_translate
from tests.feedback.factories import survey_page
from tests.languages.factories import translated_home

pytestmark = pytest.mark.django_db


def test_a_consultation_filter_keeps_answers_from_its_translated_surveys():
    translated_home("gu")
    survey = survey_page()
    consultation = survey.get_parent().specific
    page_translate(page=consultation.get_parent(), language_code="gu", strings={})
    page_translate(page=consultation, language_code="gu", strings={})
    gu_survey = page_translate(page=survey, language_code="gu", strings={})
    english = services.response_start(survey=survey)
    gujarati = services.response_start(survey=gu_survey)
    Response.objects.update(status=ResponseStatus.SUBMITTED, submitted_at=timezone.now())
    assert gujarati.language == "gu" and english.language == "en-gb"
    kept = set(
        Response.objects.filter(Filters(consultation_id=consultation.pk).responses()).values_list(
            "pk", flat=True
        )
    )
    assert kept == {english.pk, gujarati.pk}
    other = survey_page()  # another consultation's answers stay out
    services.response_start(survey=other)
    assert set(
        Response.objects.filter(Filters(consultation_id=consultation.pk).responses()).values_list(
            "pk", flat=True
        )
    ) == {english.pk, gujarati.pk}
