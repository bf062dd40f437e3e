"""The order of pages in a survey for one response, and where to carry on from.

who is answering -> one page per question -> about you (optional) -> check -> confirmation.
"""

from dataclasses import dataclass

from django.urls import reverse

from .models import Response, SurveyPage
from .questions import Question

ABOUT_STEPS = ("age", "area", "needs", "updates", "email")


@dataclass(frozen=True)
class Step:
    kind: str  # "who", "question", "about", one of ABOUT_STEPS, "check"
    key: str
    url: str


def journey_steps(*, survey: SurveyPage, response: Response, questions: list[Question]):
    from .services import contact_may_be_asked

    sid = survey.pk
    steps = [Step("who", "who", reverse("feedback:who", args=[sid]))]
    steps += [
        Step("question", q.id, reverse("feedback:question", args=[sid, q.id])) for q in questions
    ]
    if survey.ask_about_you:
        steps.append(Step("about", "about", reverse("feedback:about", args=[sid, "start"])))
        if response.about_you_offered:
            for key in ABOUT_STEPS:
                if key in {"updates", "email"} and not contact_may_be_asked(response):
                    continue
                if key == "email" and not response.wants_updates:
                    continue
                steps.append(Step(key, key, reverse("feedback:about", args=[sid, key])))
    steps.append(Step("check", "check", reverse("feedback:check", args=[sid])))
    return steps


def step_after(steps: list[Step], key: str) -> Step:
    for i, step in enumerate(steps):
        if step.key == key:
            return steps[min(i + 1, len(steps) - 1)]
    return steps[-1]


def step_before(steps: list[Step], key: str) -> Step | None:
    for i, step in enumerate(steps):
        if step.key == key:
            return steps[i - 1] if i > 0 else None
    return None


def step_to_resume(*, steps: list[Step], response: Response, answered: set[str]) -> Step:
    """The first page not yet done: nothing is asked twice, nothing given is lost."""
    for step in steps:
        if step.kind == "who" and not response.voice:
            return step
        if step.kind == "question" and step.key not in answered:
            return step
        if step.kind == "about" and response.about_you_offered is None:
            return step
    return steps[-1]
