import pytest

from cms.models import Collaborative
from tests.feedback.factories import consultation_page, survey_page

from .factories import engagement, member, pledge_for


@pytest.fixture
def world(db, django_user_model):
    """Two collaboratives, a pledge each, a survey, a member of the first and the engagement
    team."""
    lda = Collaborative.objects.create(code="t-lda", name="Test LDA Collaborative")
    other = Collaborative.objects.create(code="t-other", name="Test other partnership")
    consultation = consultation_page()
    survey = survey_page(consultation=consultation)

    class World:
        pass

    w = World()
    w.lda, w.other = lda, other
    w.pledge = pledge_for(lda, number=209, code="pledge-t9")
    w.other_pledge = pledge_for(other, number=210, code="pledge-t10")
    w.consultation, w.survey = consultation, survey
    w.member = member(django_user_model, lda, username="maya")
    w.staff = engagement(django_user_model)
    return w
