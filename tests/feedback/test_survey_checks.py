"""Survey questions and answer options get the same easy-read checks as easy-read pages."""

import pytest

from easyread.findings import easyread_findings_for_page
from tests.cms.factories import LONG_SENTENCE, staff_user
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db


def _questions():
    return [
        (
            "single_choice",
            {
                "question": "How did you hear about this?",
                "easy_read": LONG_SENTENCE,
                "options": ["Post", "It was communicated to me by the organisation"],
                "required": False,
                "rather_not_say": True,
            },
        ),
    ]


def test_question_wording_and_options_are_checked():
    survey = survey_page(questions=_questions())
    findings = easyread_findings_for_page(survey)
    block = next(b for b in findings.blocks if b.findings)
    messages = " ".join(f.message for f in block.findings)
    assert "22 words" in messages
    excerpts = " ".join(f.excerpt for f in block.findings)
    assert "communicated" in excerpts  # the option's passive voice / hard word


def test_editor_sees_the_checks_beside_the_questions(client):
    survey = survey_page(questions=_questions())
    client.force_login(staff_user())
    html = client.get(f"/admin/pages/{survey.pk}/edit/").content.decode()
    assert "This sentence has 22 words" in html
    assert f'data-ev-checks-block="{survey.questions[0].id}"' in html
