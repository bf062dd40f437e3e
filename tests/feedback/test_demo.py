import pytest

from feedback.demo import demo_survey_ensure
from feedback.models import SurveyPage
from tests.feedback.factories import consultation_page

pytestmark = pytest.mark.django_db


def test_demo_survey_is_idempotent_and_has_every_question_type():
    consultation = consultation_page()
    survey, created = demo_survey_ensure(consultation)
    again, created_again = demo_survey_ensure(consultation)
    assert created and not created_again and survey.pk == again.pk
    assert SurveyPage.objects.child_of(consultation).count() == 1
    kinds = {child.block_type for child in SurveyPage.objects.get(pk=survey.pk).questions}
    assert kinds == {
        "faces",
        "yes_no",
        "single_choice",
        "multiple_choice",
        "picture_choice",
        "long_text",
        "audio",
        "fft",
    }
    assert survey.live
