"""Every exclusion in the phrase rules has a test that real harm near it still flags.

An exclusion (``not_before`` / ``not_after`` in ``safeguarding/data/rules.toml``) silences a
rule for a harmless sentence ("he pushed me to try new things"). Issue #11 found one that also
silenced "he pushed me into the wall". So for each rule's each exclusion this table holds the
harmless sentence it exists for **and** a harmful one with the same words nearby, and a test
fails if a rule gains an exclusion that is not in the table. Pure Python (``-p no:django``).
"""

from __future__ import annotations

import tomllib

import pytest

from safeguarding.screen import URGENT, screen
from safeguarding.screen.rules import RULES_FILE

# (rule id, exclusion) -> (harmless text it silences, harmful text near it, category)
EXCLUSIONS: dict[tuple[str, str], list[tuple[str, str, str]]] = {
    ("suicide-intent", "not_after"): [
        ("i want to die of embarrassment",
         "i want to die of embarrassment and then i want to die for real", "suicide"),
        ("i want to die my hair pink", "i want to die my hair pink. i want to die.", "suicide"),
    ],
    ("suicide-mention", "not_after"): [
        ("the suicide prevention training was good",
         "suicide prevention training was good but i am suicidal", "suicide"),
    ],
    ("self-harm-writer", "not_after"): [
        ("i hurt myself falling off my bike",
         "i hurt myself falling off my bike and then i cut myself on purpose", "self-harm"),
    ],
    ("self-harm-other", "not_after"): [
        ("she hurt herself playing netball",
         "she hurt herself playing netball, and now she cuts herself every night", "self-harm"),
    ],
    ("physical-hurts-me", "not_before"): [
        ("the injection didn't hurt me", "the injection didn't hurt me but the nurse hit me",
         "physical-abuse"),
        ("my feet are killing me", "that man hurts me", "physical-abuse"),
        ("the dog bit me", "this lad kicks me", "physical-abuse"),
        # sg-fa2: things and ordinary strain as the subject of "killing me"; a thing named after
        # a preposition is not the subject, so the person before it still flags
        ("this website is killing me", "the man on the bus hit me", "physical-abuse"),
        ("this app is killing me", "a man i met on the app hits me", "physical-abuse"),
        ("the door hit me", "the boy with the dog kicked me", "physical-abuse"),
        ("caring for mum is killing me some days",
         "the man caring for me hits me", "physical-abuse"),
        ("looking after him is killing me",
         "looking after him is killing me and he hits me", "physical-abuse"),
        ("revising for my exams is killing me", "my husband is killing me", "physical-abuse"),
    ],
    ("physical-hurts-me", "not_after"): [
        ("he pushed me to try new things", "he pushed me into the wall", "physical-abuse"),
        ("my brother beat me at chess",
         "my brother beat me at home and hits me harder every time", "physical-abuse"),
        ("she pushed me into doing the course", "she dragged me out of bed", "physical-abuse"),
        ("my brother punched me in the arm when we were playing",
         "my brother punched me in the arm when we were playing and then held me down",
         "physical-abuse"),
        ("my brother punched me in the arm when we were playing",
         "my brother punched me in the face when mum was out", "physical-abuse"),
    ],
    ("physical-others-and-signs", "not_before"): [
        ("i hit him at tennis", "i saw the carer hit him", "physical-abuse"),
        # a clinical record of no injury (sg-recall round)
        ("Body map completed on admission: no marks or bruising noted.",
         "Body map on admission: no marks. Today new bruising to both upper arms.",
         "physical-abuse"),
        ("skin check: no new bruising",
         "no bruising on monday, but today he has bruises on both arms", "physical-abuse"),
    ],
    ("physical-others-and-signs", "not_after"): [
        ("he hurt her leg playing football", "he hurt her and pushed her into the door",
         "physical-abuse"),
        # sg-fa2: a ball named right after the sign
        ("me and my mates were play fighting and i got a black eye off a football",
         "i got a black eye off my dad", "physical-abuse"),
        ("she has a black eye from the ball at netball",
         "she has a black eye from the ball and bruises on her arms from her boyfriend",
         "physical-abuse"),
    ],
    ("physical-force-no-usual-verb", "not_before"): [
        ("my weighted blanket presses on my chest", "he presses on my chest till i cant breathe",
         "physical-abuse"),
        ("the cat sat on my face", "the man sat on me on the floor", "physical-abuse"),
    ],
    ("physical-force-no-usual-verb", "not_after"): [
        ("the nurse pressed on my chest to listen",
         "the nurse pressed on my neck to make me stop shouting", "physical-abuse"),
    ],
    ("neglect-clinical-omission", "not_after"): [
        ("medication omitted once as per gp advice",
         "insulin omitted mon to wed, not as per the plan", "neglect"),
    ],
    ("missing-unsafe", "not_after"): [
        ("he has been missing his friends", "he has been missing since friday",
         "missing-unsafe"),
    ],
    ("physical-i-was-hurt", "not_before"): [
        ("i got hit by a ball", "i got hit by my dad", "physical-abuse"),
    ],
    ("physical-i-was-hurt", "not_after"): [
        ("i got hit playing rugby", "i got hit by my support worker last night",
         "physical-abuse"),
        ("i got hit in the face by a football at the park",
         "i got hit in the face by my dad at the park", "physical-abuse"),
        ("i got hit in the head with a cricket ball", "i got hit in the head with a belt",
         "physical-abuse"),
        ("i got hit in the face by a football",
         "i got punched by my brother for playing his xbox", "physical-abuse"),
    ],
    ("physical-was-hurt", "not_after"): [
        ("he was bitten by a dog", "he was bitten by a member of staff", "physical-abuse"),
        ("got hit in the head with a cricket ball at practice",
         "he got hit in the head with a belt at home", "physical-abuse"),
    ],
    ("sexual-touching", "not_before"): [
        ("it really touched me",
         "it touched me deeply but then he touched me in my private parts", "sexual-abuse"),
    ],
    ("sexual-touching", "not_after"): [
        ("her card touched me so much", "he touched me on my bum", "sexual-abuse"),
    ],
    ("emotional-threats-and-insults", "not_before"): [
        ("we went to an anti bullying event",
         "we went to an anti bullying event and they still bully me", "emotional-abuse"),
    ],
    ("emotional-made-to-feel", "not_before"): [
        ("the film made me cry",
         "the film made me cry but the staff make me cry every day", "emotional-abuse"),
    ],
    ("neglect-not-given", "not_after"): [
        ("i don't get food before my operation", "i don't get food at the home", "neglect"),
    ],
    ("neglect-forgot-meds", "not_before"): [
        ("i forgot my tablets", "i forgot to say they forgot my tablets", "neglect"),
    ],
    ("financial-money-taken", "not_before"): [
        ("my mum helps me take my money out", "my mum helps me but my nephew takes my money",
         "financial-abuse"),
    ],
    ("financial-spent-my-money", "not_before"): [
        ("i spend my money on games", "i told staff they spend my money on themselves",
         "financial-abuse"),
    ],
    ("exploitation", "not_before"): [
        ("i make them sell cakes at the fair", "i said no but they make me sell drugs",
         "exploitation"),
        ("we learned about child exploitation and county lines in pshe",
         "we learned about grooming then realised he groomed me", "exploitation"),
        ("there was an assembly on county lines",
         "we learned about county lines and now the lads make me carry drugs for them",
         "exploitation"),
    ],
    ("restrictive-practice", "not_before"): [
        ("the training on less restraint was good", "they restrain me on the floor",
         "restrictive-practice"),
    ],
    ("restrictive-practice", "not_after"): [
        ("the restraint reduction plan is working",
         "they restrained him and locked him in his room", "restrictive-practice"),
    ],
    ("restrictive-locked-door", "not_before"): [
        ("i lock my bedroom door at night", "staff lock my bedroom door at night",
         "restrictive-practice"),
    ],
    ("restrictive-locked-door", "not_after"): [
        ("staff lock the front door for our safety",
         "staff lock the front door for our safety and lock me in my room",
         "restrictive-practice"),
    ],
    ("abuse-to-me", "not_before"): [
        ("i do stuff to me like dyeing my hair", "someone at the house is abusing me", "abuse"),
    ],
    ("abuse-unsafe-or-secret", "not_before"): [
        ("substance abuse is a problem in town",
         "substance abuse is a problem and i do not feel safe at home", "abuse"),
    ],
    ("abuse-unsafe-or-secret", "not_after"): [
        ("people abuse the disabled bays",
         "people abuse the disabled bays and my carer is abusive to me", "abuse"),
    ],
    # clinical findings of none (sg-recall round): staff notes raised most false alarms on set C
    ("suicide-mention", "not_before"): [
        ("Mental state: mood euthymic, no thoughts of self-harm or suicide",
         "no thoughts of suicide last week, but today he is suicidal and has a plan", "suicide"),
    ],
    ("self-harm-other", "not_before"): [
        ("No thoughts of self-harm expressed; positive about her new job",
         "no history of self-harm, but now she is cutting herself every night", "self-harm"),
    ],
    ("neglect-not-given", "not_before"): [
        ("No missed calls this week; carers arrived on time",
         "no missed calls last month, but this week missed visits every day", "neglect"),
        ("no signs of neglect at the review",
         "no signs of neglect at the last visit, now he is dehydrated", "neglect"),
    ],
    ("discriminatory", "not_before"): [
        ("we did a lesson on hate crime in pshe",
         "we did a lesson on hate crime in pshe and after it they called me a spastic",
         "discriminatory-abuse"),
        ("discussed hate crime with the self-advocacy group",
         "discussed hate crime with the group. a hate incident happened at his door last night",
         "discriminatory-abuse"),
    ],
    ("discriminatory", "not_after"): [
        ("hate crime awareness session for tenants",
         "hate crime awareness session for tenants; afterwards he told us about racist abuse "
         "from his neighbour", "discriminatory-abuse"),
    ],
    ("organisational-regime", "not_before"): [
        ("no blanket restrictions are in place",
         "no blanket restrictions on paper, but all the residents have to go to bed at 7",
         "organisational-abuse"),
    ],
    ("organisational-regime", "not_after"): [
        ("all blanket restrictions removed after the review",
         "blanket restrictions removed last year, now there is a blanket ban on visitors",
         "organisational-abuse"),
    ],
    ("neglect-clinical-records", "not_before"): [
        ("skin check: no pressure damage, heels intact",
         "no pressure damage last week, now a grade 3 pressure ulcer to the sacrum",
         "neglect"),
    ],
}  # fmt: skip

CASES = [(key, *case) for key, cases in EXCLUSIONS.items() for case in cases]


def _rules() -> list[dict]:
    return tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))["rule"]


def test_every_exclusion_in_the_rules_has_a_harm_near_it_test() -> None:
    declared = {
        (rule["id"], side) for rule in _rules() for side in ("not_before", "not_after")
        if side in rule
    }  # fmt: skip
    assert declared == set(EXCLUSIONS), "add a harmless and a harmful example for each"


def test_rule_ids_are_unique() -> None:
    ids = [rule["id"] for rule in _rules()]
    assert len(ids) == len(set(ids))


def _severity_in(text: str, category: str) -> str | None:
    return next((c.severity for c in screen(text) if c.category == category), None)


def _rule_severity(rule_id: str) -> str:
    return next(rule["severity"] for rule in _rules() if rule["id"] == rule_id)


@pytest.mark.parametrize(("key", "harmless", "harmful", "category"), CASES)
def test_the_exclusion_silences_its_harmless_sentence(key, harmless, harmful, category) -> None:
    got = _severity_in(harmless, category)
    # Another (milder) rule in the category may still fire; this rule's own severity must not.
    if _rule_severity(key[0]) == URGENT:
        assert got != URGENT, harmless
    else:
        assert got is None, harmless


@pytest.mark.parametrize(("key", "harmless", "harmful", "category"), CASES)
def test_real_harm_near_the_exclusion_still_flags(key, harmless, harmful, category) -> None:
    assert _severity_in(harmful, category) is not None, harmful


@pytest.mark.parametrize(
    "text",
    [
        "he pushed me into the wall",
        "my support worker pushed me into the wall and i banged my head",
        "that man hit me",
        "he hits me harder every time",
        "she shoved me into the door frame",
        "she hit me to make me stop",
        "he slapped me to shut me up",
        "he pushed me to the floor",
        "john who works there squeezes my neck hard when nobody is looking",
        "he knelt on my chest",
        "she put a pillow over my face",
        "he bends my fingers back till i say sorry",
    ],
)
def test_issue_11_silenced_harm_is_urgent_again(text: str) -> None:
    assert _severity_in(text, "physical-abuse") == URGENT
