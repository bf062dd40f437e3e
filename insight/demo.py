"""Demo insight for `make run`: answers to the demo survey, tagged by the real tagger, a
published "you said, we did" outcome and its results page, and the demo collaborative member
and expert by experience on the LDA Collaborative. Idempotent: call it as often as you like.

Hooked to ``cms.demo.demo_loaded`` in ``InsightConfig.ready()``, like feedback's demo survey
and tasks' first tagger (which run first: INSTALLED_APPS order).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.models import Collaborative, ConsultationPage, Pathway, Pledge, YouSaidWeDidPage
from feedback.consent import CONSENT_VERSION
from feedback.demo import demo_survey_ensure
from feedback.models import Answer, Response, ResponseStatus
from feedback.reference import reference_display
from feedback.targets import answer_target
from languages.demo import DEMO_LANGUAGES, demo_strings
from languages.services import snippet_translate
from tasks import services as tag_services

from .models import Outcome, OutcomeExample, OutcomeStatus

# (voice, area, channel, days ago, face 1-5 or None, words). Written to be tagged with pledge 9
# and the annual health checks pathway, with a few other themes mixed in.
DEMO_ANSWERS = [
    (
        "self",
        "leicester",
        "online",
        3,
        2,
        "My health check was too quick. Nobody explained the results to me.",
    ),
    (
        "self",
        "leicester",
        "online",
        5,
        4,
        "The nurse at my health check was kind and gave me more time.",
    ),
    (
        "carer",
        "leicestershire",
        "online",
        8,
        2,
        "My son has not had his annual health check for two years.",
    ),
    ("self", "rutland", "paper", 12, 1, "I did not get a letter about my health check."),
    (
        "supporter",
        "leicester",
        "online",
        15,
        3,
        "We needed easy read information before the health check.",
    ),
    (
        "young_person",
        "leicestershire",
        "online",
        20,
        5,
        "I liked my health check. The doctor talked to me, not my mum.",
    ),
    (
        "carer",
        "leicester",
        "phone",
        26,
        2,
        "The health action plan was never sent to us after the check.",
    ),
    (
        "self",
        "leicestershire",
        "online",
        33,
        4,
        "A longer appointment for my health check helped me a lot.",
    ),
    (
        "staff_recorded",
        "leicester",
        "interview",
        40,
        3,
        "She said the waiting room was too noisy before her health check.",
    ),
    ("self", "leicester", "online", 47, 1, "Nobody told me I could have an annual health check."),
    (
        "carer",
        "rutland",
        "online",
        55,
        2,
        "Getting a health check appointment at our GP is very hard.",
    ),
    (
        "self",
        "leicestershire",
        "paper",
        62,
        5,
        "My health check was good and I got my plan in easy read.",
    ),
    (
        "young_person",
        "leicester",
        "online",
        70,
        3,
        "I am 15 and did not know I could have a health check.",
    ),
    (
        "supporter",
        "leicestershire",
        "online",
        80,
        4,
        "The reasonable adjustments at the health check made a big difference.",
    ),
    ("self", "leicester", "online", 95, 2, "The doctor used hard words at my health check."),
    (
        "carer",
        "leicestershire",
        "online",
        110,
        3,
        "We were not told about the health action plan.",
    ),
    (
        "self",
        "leicester",
        "online",
        125,
        4,
        "I like seeing the same nurse for my health check every year.",
    ),
    ("self", "rutland", "online", 140, 2, "The health check letter was not easy to read."),
]

OUTCOME_TITLE = "Longer annual health check appointments with results explained"


def _reference(index: int) -> str:
    # Fixed demo codes (valid alphabet, 10 characters), so loading twice finds them again.
    return f"DEMQ{index:02d}HCKS".replace("0", "Z").replace("1", "Y")


def _question_ids(survey) -> dict[str, str]:
    return {block.block_type: block.id for block in survey.questions}


def demo_responses_ensure(survey) -> tuple[list[Response], bool]:
    """The demo answers, submitted and tagged; made once."""
    refs = [_reference(i) for i in range(len(DEMO_ANSWERS))]
    existing = list(Response.objects.filter(reference__in=refs).order_by("reference"))
    if existing:
        return existing, False
    ids = _question_ids(survey)
    now = timezone.now()
    made = []
    for ref, (voice, area, channel, days, face, words) in zip(refs, DEMO_ANSWERS, strict=True):
        when = now - timedelta(days=days)
        response = Response.objects.create(
            survey=survey,
            reference=ref,
            status=ResponseStatus.SUBMITTED,
            voice=voice,
            area=area,
            channel=channel,
            consent_version=CONSENT_VERSION,
            consented_at=when,
            submitted_at=when,
        )
        Answer.objects.create(
            response=response,
            question_id=ids["long_text"],
            question_type="long_text",
            value={"text": words},
            text=words,
        )
        Answer.objects.create(
            response=response,
            question_id=ids["faces"],
            question_type="faces",
            value={"face": face},
        )
        made.append(response)
    tag_services.responses_tag(response_ids=[r.id for r in made])
    return made, True


def _confirm_examples(responses: list[Response], user) -> list[str]:
    """A person confirms the health-check tag on a few answers (as the engagement team would
    in Review tags), so they can be quoted and linked to the outcome."""
    targets = []
    for response in responses[:6]:
        answer = response.answers.filter(question_type="long_text").first()
        target = answer_target(answer.pk)
        for code in ("pledge-9", "annual-health-checks"):
            tag_services.tag_add(target=target, code=code, user=user)
        targets.append(target)
    return targets


def demo_outcome_ensure(consultation, examples: list[str]) -> tuple[Outcome, bool]:
    existing = Outcome.objects.filter(
        consultation=consultation, title=OUTCOME_TITLE, locale=Locale.get_default()
    ).first()
    if existing is not None:
        return existing, False
    outcome = Outcome(
        consultation=consultation,
        title=OUTCOME_TITLE,
        you_said="People said health checks were too short, results were not explained and "
        "the health action plan often did not arrive.",
        action="GP practices in LLR are offering 60-minute health check appointments, with "
        "results explained on the day and the health action plan given in easy read.",
        easy_read_title="Longer health checks",
        easy_read_you_said="You told us your health check was too quick. "
        "You told us nobody explained your results.",
        easy_read_we_did="Doctors will give you a longer health check. "
        "They will tell you your results. You get your plan in easy read.",
        owner="LDA Collaborative primary care group",
        status=OutcomeStatus.IN_PROGRESS,
        live=True,
    )
    outcome.pledges.set(Pledge.objects.filter(code="pledge-9"))
    outcome.pathways.set(Pathway.objects.filter(code="annual-health-checks"))
    outcome.save()  # a ClusterableModel saves its many-to-many links here
    for order, target in enumerate(examples[:2]):
        OutcomeExample.objects.create(outcome=outcome, target=target, sort_order=order)
    outcome.save_revision().publish()  # a live revision, and the emails (insight.receivers)
    return outcome, True


def demo_results_page_ensure(consultation) -> tuple[YouSaidWeDidPage, bool]:
    existing = YouSaidWeDidPage.objects.child_of(consultation).first()
    if existing is not None:
        return existing, False
    page = YouSaidWeDidPage(
        title="You said, we did: annual health checks",
        slug="you-said-we-did",
        intro="Here is what is changing because of what you told us.",
    )
    consultation.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def demo_members_ensure() -> None:
    """The demo collaborative member and expert by experience join the LDA Collaborative
    (accountable for pledge 9), so their insight pages have something in them."""
    collaborative = Collaborative.objects.filter(pledges__code="pledge-9").first()
    if collaborative is None:
        return
    users = get_user_model().objects.filter(
        email__in=["collaborative@everyvoice.test", "expert@everyvoice.test"]
    )
    collaborative.members.add(*users)


@transaction.atomic
def demo_insight_ensure(consultation: ConsultationPage, report) -> None:
    survey, _ = demo_survey_ensure(consultation)
    responses, created = demo_responses_ensure(survey)
    engagement = get_user_model().objects.filter(email="engagement@everyvoice.test").first()
    examples = _confirm_examples(responses, engagement) if created else []
    if created:
        report.created.append(f"{len(responses)} tagged demo responses")
    outcome, made = demo_outcome_ensure(consultation, examples)
    if made:
        report.created.append(f"outcome '{outcome.easy_read_title}'")
    page, made = demo_results_page_ensure(consultation)
    if made:
        report.created.append(f"'you said, we did' page {page.url}")
    demo_members_ensure()
    # The first demo response is quoted in the outcome: its code shows the whole loop.
    report.created.append(
        f"follow your words at /follow/ with reference {reference_display(_reference(0))}"
    )


def demo_outcome_translations_ensure(consultation, report) -> None:
    """The demo outcome in Gujarati and Urdu, through wagtail-localize as a translator would
    (the words are in ``languages/data/demo/<code>.json``). Drafts that no fluent speaker has
    checked: they show on the translated "you said, we did" page, which says "draft
    translation, to be checked" (``languages.DraftTranslation``)."""
    outcome = Outcome.objects.filter(
        consultation=consultation, title=OUTCOME_TITLE, locale=Locale.get_default()
    ).first()
    if outcome is None:
        return
    for code in DEMO_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if Outcome.objects.filter(translation_key=outcome.translation_key, locale=locale).exists():
            continue
        snippet_translate(obj=outcome, language_code=code, strings=demo_strings(code))
        report.created.append(f"{code} translation of outcome '{outcome.easy_read_title}'")


def on_demo_pages_ready(sender, *, report, consultation, **kwargs) -> None:
    """Receiver of ``cms.demo.demo_pages_ready`` (the translated pages exist by then)."""
    demo_outcome_translations_ensure(consultation, report)


def on_demo_loaded(sender, *, report, consultation, **kwargs) -> None:
    """Receiver of ``cms.demo.demo_loaded``."""
    demo_insight_ensure(consultation, report)
