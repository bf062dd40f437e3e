"""A small demo survey for the demo consultation. Idempotent: call it as often as you like."""

from django.db import transaction

from .models import SurveyPage

DEMO_SLUG = "survey"


def demo_questions() -> list[dict]:
    """One of each question type, written for people with a learning disability."""
    return [
        {
            "type": "faces",
            "value": {
                "question": "How did you feel about your last annual health check?",
                "easy_read": "Think about your last health check with your doctor or nurse.",
                "shipped_picture": "health-check",
                "rather_not_say": True,
            },
        },
        {
            "type": "yes_no",
            "value": {
                "question": "Did you get a letter inviting you to your health check?",
                "easy_read": "The letter tells you when to go to your health check.",
                "shipped_picture": "calendar",
                "rather_not_say": True,
            },
        },
        {
            "type": "single_choice",
            "value": {
                "question": "Who went with you to your health check?",
                "hint": "Choose one answer.",
                "options": ["Nobody", "Family or a friend", "A support worker", "Someone else"],
                "rather_not_say": True,
            },
        },
        {
            "type": "multiple_choice",
            "value": {
                "question": "What would make your health check better?",
                "hint": "Choose all that apply.",
                "shipped_picture": "support",
                "options": [
                    "A longer appointment",
                    "Easy-read information before I go",
                    "A quiet place to wait",
                    "Seeing the same doctor or nurse",
                ],
                "rather_not_say": True,
            },
        },
        {
            "type": "picture_choice",
            "value": {
                "question": "Where would you like to have your health check?",
                "options": [
                    {"label": "At my doctor's surgery", "shipped_picture": "hospital"},
                    {"label": "At home", "shipped_picture": "home"},
                ],
                "rather_not_say": True,
            },
        },
        {
            "type": "long_text",
            "value": {
                "question": "Is there anything else you want to tell us?",
                "easy_read": "You can write as much or as little as you like.",
                "max_length": 2000,
                "bsl_answer": True,  # Deaf people may sign their answer in BSL instead
            },
        },
        {
            "type": "audio",
            "value": {
                "question": "Would you like to tell us in your own voice?",
                "easy_read": "You can record yourself talking. You can skip this.",
            },
        },
        {"type": "fft", "value": {}},
    ]


@transaction.atomic
def demo_survey_ensure(consultation) -> tuple[SurveyPage, bool]:
    """The demo survey under ``consultation`` (a cms.ConsultationPage), made if missing."""
    existing = SurveyPage.objects.child_of(consultation).filter(slug=DEMO_SLUG).first()
    if existing is not None:
        return existing.specific, False
    survey = SurveyPage(
        title="Tell us about your annual health check",
        slug=DEMO_SLUG,
        easy_read_intro=(
            "We want to know what you think about annual health checks.\n\n"
            "Your answers help the NHS make health checks better."
        ),
        minutes_to_complete=10,
        questions=demo_questions(),
    )
    consultation.add_child(instance=survey)
    survey.save_revision().publish()
    return survey, True


def on_demo_loaded(sender, *, report, consultation, **kwargs) -> None:
    """Receiver of ``cms.demo.demo_loaded``: add the demo survey to the demo consultation."""
    _, created = demo_survey_ensure(consultation)
    if created:
        report.created.append("survey /have-your-say/annual-health-checks/survey/")
