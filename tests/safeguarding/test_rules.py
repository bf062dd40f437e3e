"""Safeguarding phrase rules: every category, misspellings, benign look-alikes, severity,
negation, long carer texts and hostile input.

**Regression tables, not estimates.** ``REGRESSION_EXAMPLES`` (``data/rules_regression.jsonl``,
the screen's first training texts) and ``REGRESSION_PHRASINGS`` were written alongside the
rules, and the rules were tuned until they passed: "68/68" on them is an in-sample figure.
(``REGRESSION_PHRASINGS`` used to be called "held out"; it was not.) They stay to catch a rule
change that breaks what used to work. Accuracy on wording nobody here wrote is measured on the
lead's unseen set (see the README, "Safeguarding screen accuracy"). Pure Python: runs without
Django (``pytest -p no:django``).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest

from safeguarding.screen import CATEGORIES, CONCERN, URGENT, Concern, normalise, screen

REGRESSION_EXAMPLES: list[tuple[str, str]] = [
    (row["text"], row["category"])
    for line in (Path(__file__).parent / "data" / "rules_regression.jsonl").open(encoding="utf-8")
    if line.strip()
    for row in [json.loads(line)]
]


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Overrides any cache-clearing autouse fixture: these tests need no Django, so they also
    run with ``-p no:django``."""


def categories(text: str) -> set[str]:
    return {c.category for c in screen(text)}


def severity(text: str, category: str) -> str | None:
    return next((c.severity for c in screen(text) if c.category == category), None)


DISCLOSURES = [(t, c) for t, c in REGRESSION_EXAMPLES if c != "none"]
BENIGN = [t for t, c in REGRESSION_EXAMPLES if c == "none"]

REGRESSION_PHRASINGS = [
    # Once caught by the model alone, lost when its threshold rose (2026-12-04): now a rule.
    ("i get hurt", "physical-abuse"),
    ("i keep getting hurt at home", "physical-abuse"),
    ("we get hurt by the big boys", "physical-abuse"),
    ("i feel like ending it", "suicide"),
    ("whats the point of living", "suicide"),
    ("i might as well be dead", "suicide"),
    ("i am going to jump of the bridge", "suicide"),
    ("nobody would miss me if i was gone", "suicide"),
    ("i keep thinking about suicide", "suicide"),
    ("i tried to hang myself last week", "suicide"),
    ("i want to kill my self", "suicide"),
    ("I feel like giving up on everything", "suicide"),
    ("i am so tired of living like this", "suicide"),
    ("i cut myself agen last nite", "self-harm"),
    ("i scratch my arms till they bleed", "self-harm"),
    ("she has been pulling her hair out and picking her skin", "self-harm"),
    ("when i am angry i punch walls and hurt my hands", "self-harm"),
    ("i hurt my self on purpose", "self-harm"),
    ("my dad beats me", "physical-abuse"),
    ("she smacks me round the head", "physical-abuse"),
    ("the staff was rough and twisted my arm", "physical-abuse"),
    ("i got punched by my carer", "physical-abuse"),
    ("he throws things at me", "physical-abuse"),
    ("a man keeps hurting me", "physical-abuse"),
    ("somone keeps hiting me", "physical-abuse"),
    ("they pull my hair", "physical-abuse"),
    ("my uncle touches me at night", "sexual-abuse"),
    ("he put his hand down my trousers", "sexual-abuse"),
    ("a boy at college keeps trying to kiss me and i said no", "sexual-abuse"),
    ("he wanted me to do sex with him", "sexual-abuse"),
    ("my step dad comes in my room at night and does things to me", "sexual-abuse"),
    ("they tell me i am useless", "emotional-abuse"),
    ("the manager makes me cry every day", "emotional-abuse"),
    ("staff are nasty to me", "emotional-abuse"),
    ("they say they will put me in a home if i am bad", "emotional-abuse"),
    ("my carer is always angry and shouting at me", "emotional-abuse"),
    ("i havent had anything to eat since yesterday", "neglect"),
    ("my bed is wet and nobody changes it", "neglect"),
    ("they dont give me my medicine", "neglect"),
    ("im always cold and hungry at the house", "neglect"),
    ("my mum was left on the floor for hours after she fell", "neglect"),
    ("the carers dont turn up so dad goes without food", "neglect"),
    ("my brother takes my pip money", "financial-abuse"),
    ("they spend my money on themselves", "financial-abuse"),
    ("my card keeps going missing and money is gone", "financial-abuse"),
    ("my landlord takes more money than he should and keeps my bank card", "financial-abuse"),
    ("people come to my house and wont go", "exploitation"),
    ("my friend makes me steal from shops", "exploitation"),
    ("someone on facebook wanted photos of me", "exploitation"),
    ("older lads give me free stuff and then say i owe them", "exploitation"),
    ("they keep me in my room", "restrictive-practice"),
    ("staff sat on me", "restrictive-practice"),
    ("they put me in a room on my own and lock it", "restrictive-practice"),
    ("i get a jab when i get upset", "restrictive-practice"),
    ("i am not allowed to see my mum", "restrictive-practice"),
    ("my husband controls all the money and wont let me go out", "domestic-abuse"),
    ("my dad hits my mum", "domestic-abuse"),
    ("my partner pushed me down the stairs", "domestic-abuse"),
    ("i want to punch him", "harm-to-others"),
    ("sometimes i want to hurt people", "harm-to-others"),
    ("my son bit a member of staff", "harm-to-others"),
    ("i dont feel safe at home", "abuse"),
    ("somebody does bad things to me", "abuse"),
    ("i dont want to live no more", "suicide"),
    ("i am going to end my life", "suicide"),
    ("i wish i could go to sleep forever", "suicide"),
    ("i want to be with my nan in heaven", "suicide"),
    ("life is not worth it", "suicide"),
    ("sometimes i think everyone would be happier if i was not here", "suicide"),
    ("i have been cutting again", "self-harm"),
    ("i make myself sick after i eat", "self-harm"),
    ("i bite myself when i am stressed", "self-harm"),
    ("my son has been hitting himself in the face a lot more since the move", "self-harm"),
    ("i burn my arms", "self-harm"),
    ("my brother hits me with his belt", "physical-abuse"),
    ("the night staff are rough with me and it hurts", "physical-abuse"),
    ("she pulled me by my hair", "physical-abuse"),
    ("staff slapt him in the face", "physical-abuse"),
    ("someone beat me up at the bus stop", "physical-abuse"),
    ("my carer pinches me when no one is looking", "physical-abuse"),
    ("he forced me to have sex", "sexual-abuse"),
    ("a man showed me his willy", "sexual-abuse"),
    ("my boss keeps touching my leg and i dont like it", "sexual-abuse"),
    ("he sends me pictures of his private parts", "sexual-abuse"),
    ("staff make fun of the way i talk", "emotional-abuse"),
    ("they treat me like a dog", "emotional-abuse"),
    ("my support worker says i am too stupid to live on my own", "emotional-abuse"),
    ("they ignore me all day and wont talk to me", "neglect"),
    ("i have to sit in my own wee for ages", "neglect"),
    ("mum has lost loads of weight because the carers dont make her dinner", "neglect"),
    ("my medication ran out two weeks ago and nobody sorted it", "neglect"),
    ("they never give me a drink", "neglect"),
    ("my sister took out a loan in my name", "financial-abuse"),
    ("they said i have to pay for there food with my money", "financial-abuse"),
    ("my benefits go to my brother and he gives me nothing", "financial-abuse"),
    ("a man i met online wants me to give him my bank details", "exploitation"),
    ("they use me to take stuff to people", "exploitation"),
    ("my boyfriend makes me sleep with his friends for money", "exploitation"),
    ("the staff take my duvet away when im naughty", "restrictive-practice"),
    ("they lock the fridge so i cant get food", "restrictive-practice"),
    ("i have to stay in the quiet room for hours", "restrictive-practice"),
    ("they put mittens on him so he cant scratch", "restrictive-practice"),
    ("my wife screams at me and throws things", "domestic-abuse"),
    ("my dad wont let my mum have any money", "domestic-abuse"),
    ("i want to smash his face in", "harm-to-others"),
    ("i hurt the cat", "harm-to-others"),
    ("my daughter attacked her carer and broke her nose", "harm-to-others"),
    ("i am frightened all the time in this house", "abuse"),
    ("please help me", "abuse"),
    ("i dont want to wake up tomorrow", "suicide"),
    ("i have a plan to kill myself on my birthday", "suicide"),
    ("my daughter keeps saying she wants to die", "suicide"),
    ("i am going to throw myself in the river", "suicide"),
    ("theres no point me being alive", "suicide"),
    ("i have started hurting myself again", "self-harm"),
    ("she has been head banging and bruising her face", "self-harm"),
    ("i stick pins in my legs", "self-harm"),
    ("i stop eating so i get thin and it hurts", "self-harm"),
    ("my key worker hits me", "physical-abuse"),
    ("staff grabed my arm really hard and left a mark", "physical-abuse"),
    ("i was kicked by a staff", "physical-abuse"),
    ("someone at the home smacked my son", "physical-abuse"),
    ("my foster mum punches me", "physical-abuse"),
    ("a man at the bus station touched my bum", "sexual-abuse"),
    ("he made me touch him", "sexual-abuse"),
    ("my cousin does rude things to me", "sexual-abuse"),
    ("he took pictures of me in the shower", "sexual-abuse"),
    ("the staff are always mean to me", "emotional-abuse"),
    ("they make me feel like rubbish", "emotional-abuse"),
    ("they scream in my face", "emotional-abuse"),
    ("everyone at the centre calls me a freak", "emotional-abuse"),
    ("i only get one meal a day", "neglect"),
    ("no one has given him a bath for a week", "neglect"),
    ("the carer leaves me in bed all day", "neglect"),
    ("i have no clean clothes and the house smells", "neglect"),
    ("they took all my savings", "financial-abuse"),
    ("my son takes my pension every week", "financial-abuse"),
    ("my mates only like me when i buy them stuff and they make me pay", "financial-abuse"),
    ("a lady on the phone said i won money and i had to pay her first", "exploitation"),
    ("some men gave me drugs and now i have to work for them", "exploitation"),
    ("my friend lets his mates sleep in my flat and they wont go", "exploitation"),
    ("they strap me in my chair all day", "restrictive-practice"),
    ("they wont let me go to the toilet when i need", "restrictive-practice"),
    ("staff restrained me and it hurt", "restrictive-practice"),
    ("my husband takes my phone and wont let me out", "domestic-abuse"),
    ("my dad gets drunk and hits my mum and me", "domestic-abuse"),
    ("i am going to stab him", "harm-to-others"),
    ("i want to set fire to the house", "harm-to-others"),
    ("i get so angry i hit other people", "harm-to-others"),
    ("i dont want to go back there they are bad to me", "abuse"),
    # sg-fa2: shaking someone, as a carer may confess it
    ("I screamed at him and shook him by the shoulders", "physical-abuse"),
    ("she shakes my son so hard his head goes back", "physical-abuse"),
]

REGRESSION_BENIGN = [
    "the nurse took my blood and it didn't hurt",
    "I killed it at the quiz night",
    "my dog died last year and I was sad",
    "the music was too loud and hurt my ears",
    "he smashed it at the talent show",
    "I cut my hair short",
    "we cut the cake for my birthday",
    "staff take me to the shops to spend my money",
    "I manage my own money now with help",
    "I love my support worker she is kind",
    "my mum helps me with my tablets",
    "Please can we have more staff at weekends",
    "the fire alarm was very loud and scared me",
    "I hate waiting for the bus",
    "I kicked the ball into the goal",
    "I was dead tired after the trip",
    "the film was about a murder mystery",
    "the carers shout hello when they come in",
    "our carer parks badly outside",
    "the doors are locked at night for fire safety",
    "I am happy and safe where I live now",
    "we talked about keeping safe online at college",
    "the food was lovely and I had seconds",
    "I want to learn to cook my own dinner",
    "my brother and I play fight and laugh",
    "the GP checked my chest and listened with a stethoscope",
    "I sometimes forget my tablets so I use an alarm",
    "the session on abuse awareness was helpful",
    "my phone was taken in for repair",
    "i hit my head on the cupboard door",
    "i love my new flat and my neighbours are friendly",
    "the bus driver shouted to say have a nice day",
    "staff locked up the building at 6",
    "we watched a film about a man who killed a dragon",
    "my mum hits the roof when I leave my room messy",
    "the physio pushed me to walk further and I did it",
    "I was hungry so I made a sandwich",
    "the nurse said the injection might hurt but it didn't",
    "I cut my toenails myself now",
    "he was touched by the kind words at the meeting",
    "The council restraint on spending means fewer day services",
    "I am scared of spiders",
    "the food bank helped us this month",
    "my dad gives me pocket money every week",
    "I burnt the toast again",
    "we had a fight with water pistols in the garden",
    "I could murder a curry",
    "the safeguarding training was long but useful",
    "my brother beat me at snooker",
    "the new medication made me sleepy so the doctor changed it",
    "I want to stay in my room and watch telly",
    "I shout at the telly when the football is on",
    "I get anxious when people shout",
    "she died peacefully in the hospice and the staff were wonderful",
    "Please stop sending me letters I can't read",
    "my phone broke so staff helped me get a new one",
    "my carer takes me to see my mum every sunday",
    "I like to be left alone sometimes to relax",
    "money is tight this month because of the gas bill",
    "my sister is a nurse and she looks after people",
    "the dentist was nice and it didn't hurt at all",
    "I hurt my back lifting boxes at work",
    "I love bingo on Thursdays",
    "we need a ramp at the front door",
    "the staff knock before they come in my room",
    "the hospital food made me feel sick",
    "my support worker is teaching me to use my bank card",
    "I get my money on a Monday and I save some",
    "the doctor gave me an injection for my flu jab",
    "my brother punched the air when his team scored",
    "I was dying of laughter at the panto",
    "I cut the grass for my neighbour",
    "staff help me have a shower every morning",
    "he pushed the wheelchair up the hill for me",
    "the ward was locked because of covid",
    "I got a new phone for my birthday",
    "I hit my target at slimming world",
    "we lost our cat last week and my son is upset",
    "The carers are great, they always turn up on time",
    "she beat me at connect four",
    "please can you send the letter in easy read",
    "the noise at the disco was too much for me",
    "I want to go to college and learn about computers",
    "the restraint policy review meeting is on Tuesday",
    "I don't want to move house",
    "the news really shook me up",
]


# ---------------------------------------------------------------- the regression examples


def test_regression_examples_shape() -> None:
    counts = Counter(c for _, c in REGRESSION_EXAMPLES)
    assert 55 <= len(DISCLOSURES) <= 80
    assert 25 <= counts["none"] <= 40
    assert set(counts) <= {*CATEGORIES, "none"}
    assert len({t for t, _ in REGRESSION_EXAMPLES}) == len(REGRESSION_EXAMPLES)


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_regression_disclosures_flagged_in_their_category(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize("text", BENIGN + REGRESSION_BENIGN)
def test_benign_not_flagged(text: str) -> None:
    assert screen(text) == []


@pytest.mark.parametrize(("text", "category"), REGRESSION_PHRASINGS)
def test_regression_phrasings_flagged(text: str, category: str) -> None:
    assert screen(text), f"{category} missed"


# ------------------------------------------------------------- misspellings and word forms


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i wanna kil myself", "suicide"),
        ("i want 2 die", "suicide"),
        ("i wanna dieeee", "suicide"),
        ("I WANT TO DIE", "suicide"),
        ("k1ll myself", "suicide"),
        ("im gonna end it all", "suicide"),
        ("i keep hurtin my self", "self-harm"),
        ("he is hurtin me", "physical-abuse"),
        ("she slaped me", "physical-abuse"),
        ("they kik me", "physical-abuse"),
        ("hurrrrtin me", "physical-abuse"),
        ("he hiiiits me", "physical-abuse"),
        ("he keeps hitting me", "physical-abuse"),
        ("sum1 hit me", "physical-abuse"),
        ("he tuched me", "sexual-abuse"),
        ("a man touchd my privates", "sexual-abuse"),
        ("they shoutin at me", "emotional-abuse"),
        ("i dont get food", "neglect"),
        ("i am always hungary", "neglect"),
        ("they tak my munny", "financial-abuse"),
        ("thay stole my mony", "financial-abuse"),
        ("staff lok my door", "restrictive-practice"),
        ("i am scard of my husband", "domestic-abuse"),
        ("i wanna stab him", "harm-to-others"),
    ],
)
def test_misspellings_and_word_forms(text: str, category: str) -> None:
    assert category in categories(text)


def test_normalise_squeezes_and_corrects() -> None:
    assert normalise("I\u2019m  gonna\u200b KIIIILL myslef!!!") == "i'm going to kill myself!!!"
    assert normalise("para one\n\npara two\nsame para") == "para one\npara two same para"


# ----------------------------------------------------------------------- severity


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("i want to die", "suicide", URGENT),
        ("my son says he wants to end his life", "suicide", URGENT),
        ("my brother died by suicide", "suicide", CONCERN),
        ("i cut myself last night", "self-harm", URGENT),
        ("she bangs her head on the wall", "self-harm", CONCERN),
        ("someone hurts me", "physical-abuse", URGENT),
        ("staff hit him", "physical-abuse", CONCERN),
        ("he touched me", "sexual-abuse", URGENT),
        ("my partner said he will kill me", "physical-abuse", URGENT),
        ("my partner said he will kill me", "domestic-abuse", URGENT),
        ("i will kill him", "harm-to-others", URGENT),
        ("i want to hit him", "harm-to-others", CONCERN),
        ("they take my money", "financial-abuse", CONCERN),
        ("they lock my door", "restrictive-practice", CONCERN),
        # negation and past markers only count in the phrase's own clause
        ("i dont know, i want to die", "suicide", URGENT),
        ("last year was fine but now i want to die", "suicide", URGENT),
    ],
)
def test_severity(text: str, category: str, expected: str) -> None:
    assert severity(text, category) == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("nobody hurts me", "physical-abuse"),
        ("I don't want to die", "suicide"),
        ("I'm not suicidal", "suicide"),
        ("he never touched me", "sexual-abuse"),
        ("i used to cut myself years ago", "self-harm"),
        ("when i was a kid my dad hit me", "physical-abuse"),
    ],
)
def test_negation_or_past_downgrades_but_never_hides(text: str, category: str) -> None:
    """False negatives matter more: a denial or an old event is still flagged, as a concern."""
    assert severity(text, category) == CONCERN


def test_one_concern_per_category_urgent_first() -> None:
    found = screen("staff hit him. my dad hits me. i dont get food.")
    assert [c.category for c in found] == [
        "physical-abuse", "domestic-abuse", "organisational-abuse", "neglect",
    ]  # fmt: skip
    assert found[0] == Concern("physical-abuse", "hits me", URGENT)
    assert found[2] == Concern("organisational-abuse", "hit him", CONCERN)  # by paid staff
    assert [c.severity for c in found] == [URGENT, URGENT, CONCERN, CONCERN]


# ------------------------------------------------------------------------ long texts

CARER_PARAGRAPH = (
    "Thank you for asking about our experience. My son is 24 and has a severe learning "
    "disability and autism. He moved to supported living two years ago after a long wait and, "
    "on the whole, the team are caring. The transition was hard and communication with the "
    "council has been poor. We have had three social workers in a year and the annual health "
    "check was only done because I pushed for it.\n\n"
)


@pytest.mark.parametrize(
    ("buried", "category"),
    [
        (
            "Last month a new member of staff slapped him when he would not get into the car, "
            "and the manager said it was a misunderstanding.",
            "physical-abuse",
        ),
        (
            "He came home with a split lip and nobody would tell me what happened.",
            "physical-abuse",
        ),
        (
            "They have started locking him in his room at night to stop him wandering.",
            "restrictive-practice",
        ),
        (
            "His savings have gone down by two thousand pounds and staff use his bank card.",
            "financial-abuse",
        ),
        ("He told me he wants to die and he has been hitting himself.", "suicide"),
    ],
)
def test_disclosure_buried_in_long_carer_text(buried: str, category: str) -> None:
    text = CARER_PARAGRAPH * 10 + buried + " " + CARER_PARAGRAPH * 10
    assert category in categories(text)
    assert categories(CARER_PARAGRAPH * 20) == set()


def test_carer_story_with_injury() -> None:
    text = (
        "We have had a difficult year. The new house is nice and the garden is big, and Tom "
        "loves the trampoline. The transport to college is unreliable. He came home on Friday "
        "with a split lip and the staff would not tell me what happened. The annual review is "
        "next month and I hope we can talk about more hours."
    )
    assert "physical-abuse" in categories(text)


# ----------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "he hits\x00 me",
        "he hits\u200b me",
        "\u202ehe hits me\u202c",
        "هو يضربني he hits me",
        "he hits me 😢😢😢",
        "\uff28\uff25 \uff28\uff29\uff34\uff33 \uff2d\uff25",  # full-width
        "he\nhits me",
    ],
)
def test_hostile_characters_still_flagged(text: str) -> None:
    assert "physical-abuse" in categories(text)


@pytest.mark.parametrize("text", ["", "   ", "\x00\x00", "😀" * 100, "!!!???", "1234567890"])
def test_empty_and_noise(text: str) -> None:
    assert screen(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "i want" + " " * 1_000_000 + "to die",
        "a " * 500_000,
        "hits me " * 125_000,
        "1" * 1_000_000,
        "-" * 1_000_000,
        "😀" * 250_000,
        "hurrrrrrrrrrrrrrrrrrrrrr" * 40_000,
        "\n" * 1_000_000,
    ],
    ids=[
        "spaces",
        "short-words",
        "repeated-phrase",
        "digits",
        "dashes",
        "emoji",
        "stretched",
        "newlines",
    ],
)
def test_hostile_megabyte_is_linear(text: str) -> None:
    """Generous sanity bound only (shared CI boxes are slow): catches catastrophic backtracking."""
    started = time.process_time()
    screen(text)
    assert time.process_time() - started < 15


@pytest.mark.parametrize(
    "text",
    [
        "my staff hit me and i am scared to go home",
        "the carer slapped me",
        "my support worker takes my money",
        "the night staff forget my tablets",
    ],
)
def test_harm_by_paid_staff_is_organisational_abuse_too(text: str) -> None:
    """Issue #11: harm by paid staff had no category of its own."""
    assert "organisational-abuse" in categories(text)


def test_harm_by_someone_else_is_not_called_organisational() -> None:
    assert "organisational-abuse" not in categories("my brother hits me")


@pytest.mark.parametrize(
    "text",
    [
        "i dont see the point in living anymore",
        "i just want to disappear forever",
        "this is my last message thank you for being nice to me",
        "i have been saving my tablets in a sock for when i am ready",
        "I gave my games and my cat to my cousin because I will not need them after Sunday.",
        "looked up how many paracetamol it takes",
        "she has been googling ways to kill herself",
        # sg-recall round: tablets kept back, methods and doses looked up, goodbyes, high
        # places, passive wishes (look-alikes in the test below)
        "been saving my sertraline for weeks. got like 40 now",
        "she has been stockpiling her zopiclone",
        "i have enough tablets put away to not wake up",
        "I looked up the lethal dose of my tablets",
        "searched painless ways to go",
        "how long does it take to drown",
        "I wrote letters to my family for when they find me",
        "told my sister to remember me",
        "not gonna be around much longer",
        "i wont be needing my games after christmas",
        "going to the cliffs at the weekend and not coming back",
        "he was standing on the ledge of the car park roof",
        "i wish i could just stop existing",
        "I would prefer to not exist",
        "every night i pray i don't wake up",
        "i wish god would take me in my sleep",
        "it would be easier for everyone if i wasn't here",
        "i went on google to see how you can hang and not feel it",
        "i want to go to sleep forevr",
        "already sorted who gets my stuff",
        "he can sort my things out after",
        "I cancelled my phone contract so nobody has to do it afterwards",
    ],
)
def test_indirect_suicidal_planning_is_urgent(text: str) -> None:
    """Issue #11: planning put indirectly (methods, belongings, last messages) was missed."""
    assert severity(text, "suicide") == URGENT


@pytest.mark.parametrize(
    "text",
    [
        "i gave my old clothes to charity",
        "my teacher is leaving so we said goodbye",
        "i am saving my money for a holiday",
        "i looked up how to cook pasta",
        "I want to disappear into my book when it is noisy.",
        "i put all my tablets in the dosette box on sunday",
        "no stockpiling found at the room check",
        "she asked how many paracetamol she can take in a day",
        "I looked up how long it takes to learn to swim",
        "i wrote a note for my mum to say i went to the shop",
        "I won't be here any more after June as I'm moving to Leeds",
        "i wont be needing my coat today it is sunny",
        "we walked along the cliffs and came back for tea",
        "i sat on the edge of the bed to put my socks on",
        "i hope it is sunny when i wake up",
        "Pt gave away some furniture before moving to her own flat",
        "I want to learn how you can hang wallpaper",
    ],
)
def test_harmless_versions_of_warning_signs_are_not_suicide(text: str) -> None:
    assert "suicide" not in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # discriminatory abuse had no rule (sg-recall round)
        ("people at the bus stop call me a spastic", "discriminatory-abuse"),
        ("the man in the shop wont serve me because of my wheelchair", "discriminatory-abuse"),
        ("they said they would do me in for being gay", "discriminatory-abuse"),
        ("Hate incident reported: eggs thrown at his window", "discriminatory-abuse"),
        ("she keeps deadnaming me at the unit", "discriminatory-abuse"),
        ("a neighbour said people like me should be locked away", "discriminatory-abuse"),
        (
            "Resident reports racist comments from another resident at meals",
            "discriminatory-abuse",
        ),
        ("DNACPR put on her notes because of her learning disability", "discriminatory-abuse"),
        ("suspected mate crime: his friends take his money on payday", "discriminatory-abuse"),
        ("the receptionist said people like him cause trouble", "discriminatory-abuse"),
        ("people at my school say autistic people should be locked away", "discriminatory-abuse"),
        # organisational: one regime for everyone, sanctions, bare rooms, routine sedation
        (
            "we all have to go to bed at 9 even if we want to watch the football",
            "organisational-abuse",
        ),
        ("all the residents are in their pyjamas by 6pm", "organisational-abuse"),
        ("Blanket ban on residents having phones at night", "organisational-abuse"),
        ("if you argue you lose your family visits for a week", "organisational-abuse"),
        ("they put me in an empty room with a lock", "organisational-abuse"),
        ("PRN lorazepam given most evenings to settle the ward", "organisational-abuse"),
        ("residents woken at 5am to suit the night staff", "organisational-abuse"),
        ("the manager reads our letters before we get them", "organisational-abuse"),
        ("phone confiscated as a sanction for swearing", "organisational-abuse"),
        # clinical records showing care not given
        ("turning chart shows gaps of 6-8 hrs", "neglect"),
        ("MAR chart not signed for two nights", "neglect"),
        ("new grade 2 pressure ulcer to the heel", "neglect"),
        ("Fluid balance chart: 200ml in 24 hours; no escalation made", "neglect"),
        ("remained nil by mouth for 3 days after the procedure was cancelled", "neglect"),
    ],
)
def test_recall_round_kinds_flag(text: str, category: str) -> None:
    """Issue #11 (sg-recall round): wording of these kinds was missed on the unseen sets."""
    assert category in categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "we did a lesson on hate crime in pshe, it was good",
        "Hate crime awareness session delivered with the local PCSO",
        "I get extra time in exams because I am autistic",
        "people like me should have easy read letters",
        "everyone has to hand in their homework by friday",
        "we have to hand our phones in during lessons at school",
        "Restrictive practice review: all blanket restrictions removed",
        "MAR reviewed: all doses signed and stock reconciles",
        "Skin check: no pressure damage, heels intact",
        "Repositioned 2-hourly overnight; skin intact",
        "Obs stable, no escalation needed",
        "NBM from midnight for endoscopy at 09:00",
    ],
)
def test_recall_round_look_alikes_do_not_flag(text: str) -> None:
    assert not screen(text), text


# ------------------------------------------------- recall round after set G (sg3, issue #11)
# Each new rule: harm it must raise at its severity, and an ordinary text in the same words
# that no rule may flag. Written for these tests (not dev set 8's texts, not set G's).
RECALL_G_CASES: list[tuple[str, str, str, str]] = [
    (
        "Nice trip to the zoo. My stepdad whipped me with the phone charger cable last night.",
        "physical-abuse",
        URGENT,
        "My PE teacher whipped us at football today, we lost nine nil haha.",
    ),
    (
        "I saw welts on my nephew's legs after his weekend at his dad's.",
        "physical-abuse",
        URGENT,
        "I have lines on my legs from the sun where my shorts were, what a holiday.",
    ),
    (
        "The night carer got into the bath with my sister and she told him to stop.",
        "sexual-abuse",
        URGENT,
        "My carer helps me into the bath and waits outside the door until I call her.",
    ),
    (
        "My tutor says I am mature for my age and wants me to come to his flat alone.",
        "sexual-abuse",
        URGENT,
        "My tutor wrote in my report that I am mature for my age and help the younger ones.",
    ),
    (
        "The dance teacher said he had to check under her leotard before the show.",
        "sexual-abuse",
        URGENT,
        "The dance teacher checked her leotard fitted before the show, with me there.",
    ),
    (
        "I googled how many of my dad's blood pressure pills to not wake up.",
        "suicide",
        URGENT,
        "I asked the pharmacist how many of my blood pressure pills I take each morning.",
    ),
    (
        "I've worked out how many sleeping pills it takes for my body weight.",
        "suicide",
        URGENT,
        "The nurse worked out how many ml of paracetamol my son can have for his weight.",
    ),
    (
        "He has been buying paracetamol from different chemists every day this week.",
        "suicide",
        URGENT,
        "I tried different shops for the big boxes of tissues, everywhere had sold out.",
    ),
    (
        "Some nights I think about ending it for both of us, me and my wife.",
        "suicide",
        URGENT,
        "Some nights I think about taking us both to the seaside for a break.",
    ),
    (
        "She rehomed her cat with a friend and left a note saying it is not our fault.",
        "suicide",
        URGENT,
        "She rehomed her cat with a friend because the new flat does not allow pets.",
    ),
    (
        "The house will be empty on Friday so I have it all ready. I am sorry everyone.",
        "suicide",
        URGENT,
        "The house will be empty on Friday so I have it all ready for the painters. "
        "Sorry for the late reply.",
    ),
    (
        "The cut on my leg is oozing and smells but I won't go to hospital, it is too loud.",
        "self-harm",
        URGENT,
        "I cut my leg on the garden fence. The nurse cleaned it and it is healing.",
    ),
    (
        "Dad keeps passing out and he has stopped eating since the funeral.",
        "self-neglect",
        URGENT,
        "Dad felt a bit faint in the heat at the fete so we sat in the shade with an ice lolly.",
    ),
    (
        "Her son stopped paying the rent months ago and the landlord has served notice.",
        "financial-abuse",
        URGENT,
        "The rent is paid by direct debit and the landlord sent a notice about the boiler check.",
    ),
    (
        "His nephew takes money out of his account daily and now there is no electric.",
        "financial-abuse",
        URGENT,
        "The electric went off for an hour on our street while they fixed a cable.",
    ),
    (
        "They ran out of thickener so Mum had plain water and now she has a chesty cough.",
        "neglect",
        URGENT,
        "Mum has thickener in all her drinks and the home always has plenty in stock.",
    ),
    (
        "Her brother texted that he will track her down and sort her out.",
        "emotional-abuse",
        URGENT,
        "My brother is coming round to sort out the leaking tap.",
    ),
    (
        "He has been gone since six and his phone is switched off, it is nearly midnight.",
        "missing-unsafe",
        URGENT,
        "He was back by ten like he said, his phone had died but his mate's mum rang us.",
    ),
    (
        "Two blokes in a van keep asking me to get in and they will drive me home.",
        "missing-unsafe",
        URGENT,
        "My friend's dad gave me a lift home after the party.",
    ),
    (
        "PRN diazepam is being given every evening at the same time whether he is upset or not.",
        "restrictive-practice",
        URGENT,
        "PRN diazepam given once at his request after a seizure warning, recorded on MAR.",
    ),
    (
        "My dad used the dog lead on me again and my back is covered in lines.",
        "physical-abuse",
        URGENT,
        "My dad used the dog lead on the walk and the puppy was good as gold.",
    ),
    (
        "I checked how much of her tramadol would do it for me.",
        "suicide",
        URGENT,
        "I checked how much of her tramadol she can have a day with the pharmacist.",
    ),
    (
        "Mum's savings are down to almost nothing and the power has been cut off.",
        "financial-abuse",
        URGENT,
        "Mum's savings went on the new roof, it was worth it.",
    ),
    (
        "Night agency staff use sanctions and raise their voices at residents.",
        "organisational-abuse",
        CONCERN,
        "Night agency staff read the behaviour plan and kept calm all shift.",
    ),
    (
        "Her son calls her a useless burden whenever he visits.",
        "emotional-abuse",
        CONCERN,
        "Her son calls her every Sunday and they do the crossword.",
    ),
    (
        "A stack of unopened final demands is piled behind his door.",
        "self-neglect",
        CONCERN,
        "We opened the post together and paid the gas bill online.",
    ),
    (
        "The home says Dad's fees haven't been paid by my sister and they want him out by March.",
        "financial-abuse",
        URGENT,
        "The home says Dad's fees went up in March and they sent the new rate.",
    ),
    (
        "Some older men offered my son a lift at 2am when he was stuck in town.",
        "missing-unsafe",
        URGENT,
        "Our neighbour offered my son a lift to his exam because the buses were on strike.",
    ),
    (
        "Her son shouts that she's a worthless old cow when he wants money.",
        "emotional-abuse",
        CONCERN,
        "Her son shouts that she's useless at bowling whenever she loses.",
    ),
    (
        "The twins are home alone until 11pm most nights.",
        "neglect",
        CONCERN,
        "The twins are home alone for an hour after school now they are sixteen.",
    ),
    (
        "The man at the counter mimicked my stammer in front of the queue.",
        "discriminatory-abuse",
        CONCERN,
        "The speech therapist copied the sounds I made so I could hear them back.",
    ),
    (
        "Bed rails go up on every bed at night because it is home policy.",
        "restrictive-practice",
        CONCERN,
        "Bed rails were fitted for Gran after her own falls assessment and she agreed.",
    ),
    (
        "His hoarding is now blocking the front door and the stairs.",
        "self-neglect",
        CONCERN,
        "He keeps a lot of books but the hall and the stairs are clear.",
    ),
]


@pytest.mark.parametrize(("harm", "category", "expected", "ordinary"), RECALL_G_CASES)
def test_recall_g_rules_raise_harm_and_leave_the_ordinary_text(
    harm: str, category: str, expected: str, ordinary: str
) -> None:
    assert severity(harm, category) == expected
    assert screen(ordinary) == []


# False-alarm round after set H (sg4): "someone to take me" followed by where to is a lift, not a
# wish to die; the same words with nowhere to go, "in my sleep", or God, still flag urgent.
FA_H_CASES: list[tuple[str, str, str, str]] = [
    ("i wish someone would just take me, i'm so tired of being alive", "suicide", URGENT,
     "The lift at the clinic was broken so I had to wait for someone to take me round the "
     "back way."),
    ("I wish something would take me in my sleep.", "suicide", URGENT,
     "i need someone to take me to my appointment on tuesday"),
    ("i want god to take me to be with dad", "suicide", URGENT,
     "Can someone take me home after the disco? The bus stops at ten."),
    ("someone to take me into the woods and leave me there, that's all i want", "suicide",
     URGENT, "I'm waiting for someone to take me shopping on Saturday."),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "category", "expected", "ordinary"), FA_H_CASES)
def test_fa_h_a_lift_is_not_a_wish_to_die(
    harm: str, category: str, expected: str, ordinary: str
) -> None:
    assert severity(harm, category) == expected
    assert screen(ordinary) == []


# A single bruise shaped like a hand or fingers (sg4, dev set 9: "bruise on my son's arm shaped
# like a handprint ... they said he fell"); handprint paintings and cards stay ordinary.
HANDPRINT_CASES: list[tuple[str, str, str, str]] = [
    ("There's a bruise on my son's arm shaped like a handprint after respite. They said he fell.",
     "physical-abuse", CONCERN, "We did handprint painting at nursery and she came home covered "
     "in paint."),
    ("she had a hand shaped bruise on her cheek when i picked her up", "physical-abuse", CONCERN,
     "The kids made handprint cards for Mother's Day."),
    ("there was a red mark like a hand on his leg after swimming", "physical-abuse", CONCERN,
     "I bruised my knee on the table."),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "category", "expected", "ordinary"), HANDPRINT_CASES)
def test_a_bruise_shaped_like_a_hand_flags(
    harm: str, category: str, expected: str, ordinary: str
) -> None:
    assert severity(harm, category) == expected
    assert screen(ordinary) == []


# sgfa (dev 7): a pencil-sharpener blade is a young person's self-harm tool; the model alone
# had caught "did it with the blade from my sharpener again" at 0.49, one point over its bar.
SHARPENER_CASES: list[tuple[str, str]] = [
    ("did it with the blade from my sharpener again, deeper this time, theres blood all over "
     "my duvet", "my pencil sharpener broke and the blade fell out"),
    ("I took the blade out of my pencil sharpener and cut along my arm",
     "Dad shaved his beard off and did it with the razor his mum gave him"),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "ordinary"), SHARPENER_CASES)
def test_a_blade_from_a_sharpener_is_self_harm(harm: str, ordinary: str) -> None:
    assert severity(harm, "self-harm") == URGENT
    assert screen(ordinary) == []


# sgfa (dev 10): a high place named with no coming back; a walk or a lift stays ordinary.
CLIFF_CASES: list[tuple[str, str]] = [
    ("I have given my cat to my neighbour and I am going to the cliffs this weekend so that is "
     "the end of it.",
     "We are going to the cliffs this weekend for a walk with the dog, that's the end of the "
     "holiday."),
    ("I'm going to the bridge tonight and I won't be coming back.",
     "Dad is driving to the bridge to pick us up, then that is the end of the trip."),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "ordinary"), CLIFF_CASES)
def test_a_high_place_with_no_coming_back_is_suicidal(harm: str, ordinary: str) -> None:
    assert severity(harm, "suicide") == URGENT
    assert screen(ordinary) == []


# sgk (dev 11): someone with no road sense or sense of danger gone out alone is urgent; going
# out with someone, or a walk together, stays ordinary.
ROAD_SENSE_CASES: list[tuple[str, str]] = [
    ("My son with autism went out the back gate an hour ago. He has no road sense and no phone "
     "and it's getting dark.",
     "He went out with his support worker this afternoon. He has no road sense so she holds his "
     "hand."),
    ("She slipped out of the front door on her own while I was in the shower. She has no sense "
     "of danger.",
     "We went out for a walk to the park this morning. He has no road sense so I hold his hand."),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "ordinary"), ROAD_SENSE_CASES)
def test_no_road_sense_and_gone_out_alone_is_urgent(harm: str, ordinary: str) -> None:
    assert severity(harm, "missing-unsafe") == URGENT
    assert screen(ordinary) == []


# sgk: worry that someone the writer knows is caught up in exploitation flags even after a
# course about it (the teaching exclusion silenced the topic words); ordinary involvement stays.
EXPLOITATION_WORRY_CASES: list[tuple[str, str]] = [
    ("I am doing a course on county lines. I am scared my son is involved.",
     "I am worried my son is involved in too many clubs and never rests."),
    ("We had the exploitation talk at the parents' evening. I think my daughter is being used "
     "to carry for them.",
     "I think my daughter is involved in the school play this year."),
    ("I'm worried my son is involved with a gang.",
     "My daughter is involved in the youth club and loves it."),
]  # fmt: skip


@pytest.mark.parametrize(("harm", "ordinary"), EXPLOITATION_WORRY_CASES)
def test_worry_that_someone_is_caught_up_in_exploitation_flags(harm: str, ordinary: str) -> None:
    assert "exploitation" in {c.category for c in screen(harm)}
    assert screen(ordinary) == []


# Recall round after set M (sg-m): plain-word planning, a door held shut, a throat threat, a
# scam's "safe account", and concerns put plainly. Each family has look-alikes below.
@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("i wrote my brother a note, it is under my pillow for when i'm gone", "suicide", URGENT),
        ("left a video on my phone for after im gone", "suicide", URGENT),
        ("honestly im just done with living", "suicide", URGENT),
        ("Saturday is the day I end it.", "suicide", URGENT),
        ("the quarry near us is deep enough for what I have planned", "suicide", URGENT),
        ("bought co-codamol at four different chemists on the way home", "suicide", URGENT),
        (
            "staff stand against his bedroom door so he cannot get out",
            "restrictive-practice",
            URGENT,
        ),
        ("her ex said he'll slit her throat if she goes to the police", "emotional-abuse", URGENT),
        (
            "a man on the phone got mum to transfer her savings to a safe account",
            "financial-abuse",
            CONCERN,
        ),
        ("the night carer yanks at her hair when she will not settle", "physical-abuse", CONCERN),
        ("the driver keeps telling me i have a sexy figure, i am 15", "sexual-abuse", CONCERN),
        ("she does his shopping but he never gets any change back", "financial-abuse", CONCERN),
        (
            "his PAs take him bowling and he buys their drinks and pays for their petrol",
            "financial-abuse",
            CONCERN,
        ),
        ("my boyfriend decides what i wear and checks all my receipts", "domestic-abuse", CONCERN),
        ("i am just a burden on my parents", "suicide", CONCERN),
        ("he has been pulling out his eyelashes since the move", "self-harm", CONCERN),
        ("the taxi firm said they won't take his sort", "discriminatory-abuse", CONCERN),
    ],
)
def test_plain_word_disclosures_from_the_round_after_set_m(
    text: str, category: str, expected: str
) -> None:
    assert severity(text, category) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I have written a letter of wishes for when I am gone so his care carries on",
        "who will look after him when im gone",
        "I left a note for when I get back from the shop",
        "im done with life admin this week",
        "I'm done living in this flat, moving out next week",
        "Friday is the day I stop work for Christmas",
        "the tower is high enough for a good view",
        "I hold the door so he cant get out onto the road, he has no road sense",
        "In the film he slit her throat",
        "my mum yanked her hair into a ponytail",
        "the coach says i have a good body for rowing",
        "the PE teacher commented on my body language",
        "the vending machine never gives change back",
        "support workers pay for their own lunch",
        "I feel like a burden sometimes when my legs are bad",
        "she pulled out her eyebrow pencil",
        "they dont do his size in that shop",
        "Mum says the fish shop doesn't do her kind of batter",
    ],
)
def test_plain_word_look_alikes_from_the_round_after_set_m(text: str) -> None:
    assert not screen(text), screen(text)
