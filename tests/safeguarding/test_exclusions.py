"""Every exclusion in the phrase rules has a test that real harm near it still flags.

An exclusion (``not_before`` / ``not_after`` in ``safeguarding/data/rules.toml``) silences a
rule for a harmless sentence ("he pushed me to try new things"). Issue #11 found one that also
silenced "he pushed me into the wall". So for each rule's each exclusion this table holds the
harmless sentence it exists for **and** a harmful one with the same words nearby, and a test
fails if a rule gains an exclusion that is not in the table. The same holds for the soft
contexts (``[[soft]]``), which do not silence a phrase but make it need the classifier's
agreement (``SOFT_CASES``). Pure Python (``-p no:django``).
"""

from __future__ import annotations

import tomllib

import pytest

from safeguarding.screen import CONCERN, URGENT, screen, screen_texts
from safeguarding.screen.model import Config, Prediction
from safeguarding.screen.rules import (
    CONCERN_RULE_MODEL_FLOOR,
    RULES_FILE,
    SETTLED_MODEL_FLOOR,
    SOFT_MODEL_SHARE,
    screen_with_hints,
    settled_context,
)

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
        # sgr: a thing with a place after it, and "nearly", "literally" before the verb
        ("the new lights at the library are killing me",
         "the man at the library hits me", "physical-abuse"),
        ("the noise in the canteen hurts me so i eat in the library",
         "the boy in the canteen hurts me every day", "physical-abuse"),
        ("the fire alarm test nearly killed me", "my dad nearly killed me", "physical-abuse"),
        # sg2: "physically" between a thing and the verb
        ("loud hand dryers physically hurt me so i wait outside",
         "the staff physically hurt me so i wait outside", "physical-abuse"),
        ("the noise physically hurts me", "the man at the hostel physically hurts me",
         "physical-abuse"),
        # sgk (dev 11): a carer's guilt, stress or worry as what nearly killed them
        ("when mum moved into the home the guilt nearly killed me",
         "when mum moved into the home her husband nearly killed me", "physical-abuse"),
        ("the stress nearly killed me that year",
         "the stress nearly killed me and then he hit me", "physical-abuse"),
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
        # sgr: affection, a pat for a goal, a pillow fight
        ("my sister strangled me with a hug at the airport",
         "my sister's boyfriend strangled me with a phone cable", "physical-abuse"),
        ("my mate slapped me on the back when i scored",
         "my mate slapped me on the back of the head and kicked me", "physical-abuse"),
        ("my sister hit me with a pillow in a pillow fight",
         "my sister hit me with a hairbrush and then a pillow", "physical-abuse"),
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
        # sgr: a simile is not a report
        ("had my wisdom teeth out, i look like i got punched lol",
         "i look like this because i got punched by my stepdad", "physical-abuse"),
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
        # sgr: an animal after a possessive
        ("i got bitten by my mate's dog, only a nip", "i got bitten by my mate on purpose",
         "physical-abuse"),
    ],
    ("physical-was-hurt", "not_before"): [
        ("the lights in the office are like being stabbed in the eyes",
         "it's like being at war here, i was stabbed in the arm last night", "physical-abuse"),
        ("i feel like i've been hit by a bus after that shift",
         "i feel awful, i was hit by my husband again", "physical-abuse"),
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
        # sgk (dev 11): nobody as the taker
        ("the pads cost a fortune but nobody is stealing from us, it's the shops",
         "nobody believes me but my carer is stealing from me", "financial-abuse"),
        ("no one has stolen from him, he spent it on the holiday",
         "no one checks, and his nephew has stolen from him again", "financial-abuse"),
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
        ("Restraint not used; de-escalation successful.",
         "Restraint not recorded; SU restrained on the floor twice today.",
         "restrictive-practice"),
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
    ("self-harm-other", "not_after"): [
        ("she hurt herself playing netball",
         "she hurt herself playing netball, and now she cuts herself every night", "self-harm"),
        ("Discussed self-harm policy at team meeting.",
         "Self-harm policy followed: SU self-harmed twice overnight, cuts to L arm.",
         "self-harm"),
        # sgk (dev 11): a kitchen accident, said as such straight after the words
        ("my wife cut herself badly on a broken glass while washing up and had it glued",
         "my wife cut herself on a broken glass while washing up and then cut herself again on "
         "purpose", "self-harm"),
        ("he cut himself on the bread knife when making sandwiches",
         "he cut himself on the broken glass when he was upset", "self-harm"),
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
    ("concern-notes-recall-g", "not_after"): [
        ("she is home alone until 10 am on saturdays while her mum does the big shop",
         "she is home alone until 10 pm most school nights and she is seven", "neglect"),
    ],
    ("emotional-belittling-relative", "not_after"): [
        ("my nan calls my grandad a useless old fool but they both laugh about it",
         "my nan calls my grandad a useless old fool every day and he cries in his room",
         "emotional-abuse"),
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


# ------------------------------------------------------------------------------- soft contexts
# A [[soft]] context in rules.toml (sgr, after set E) does not silence a phrase: it makes it a
# soft hit, which flags only when the classifier also leans towards harm. Each context has here
# the ordinary text it softens and real harm near it (often in the same words) that the rules
# still flag on their own, with the severity they must give it.
# soft context id -> [(ordinary text it softens, harm near it, category, severity of the harm)]
SOFT_CASES: dict[str, list[tuple[str, str, str, str]]] = {
    "joke-or-hyperbole": [
        ("mum will actually kill me when she sees i dyed the bathroom towels pink 😂",
         "mum will kill me when she sees the towels. not joking, last time she hit me with a belt",
         "physical-abuse", URGENT),
        ("if i fail this mock my dad is going to murder me haha",
         "my dad is going to murder me when he gets home lol he's got a knife", "physical-abuse",
         URGENT),
        ("my teacher is gonna kill me, left my PE kit on the bus AGAIN",
         "he said he's gonna kill me if i tell anyone about the pe kit thing", "physical-abuse",
         URGENT),
        ("im going to kill my brother if he eats my chips again lol",
         "im going to kill my dad if he hits mum again, i've got a knife", "harm-to-others",
         URGENT),
        ('SU laughing, said "I\'ll kill you" to key worker when she won at Uno.',
         'SU said "I\'ll kill you" to key worker over Uno and punched her.', "harm-to-others",
         URGENT),
        ("my sister is going to kill me when she sees i shrunk her jumper",
         "my boyfriend is going to kill me when he sees i went out, he strangled me last time",
         "physical-abuse", URGENT),
        # a partner's threat is never read as a joke, whatever it is about
        ("my sister is gonna kill me when she sees i ate all the chocolate lol",
         "my boyfriend will kill me when he sees i spent money on chocolate", "physical-abuse",
         URGENT),
    ],
    "dying-for-something": [
        ("if i dont get tickets for the concert im literally going to die",
         "if i dont get tickets for the concert im going to die, got the pills ready tonight",
         "suicide", URGENT),
    ],
    "resolved-past": [
        ("i got bullied in year 7 but the school sorted it and we're actually mates now",
         "i got bullied in year 7 and the school sorted it but now he's started again",
         "emotional-abuse", CONCERN),
        ("Years ago a man at my old work took my wages. The police got the money back.",
         "Years ago my cousin took my money and it got sorted, but now he is asking for my card "
         "again", "financial-abuse", CONCERN),
        ("my dad hit me when i was little but he went to prison and i'm safe now",
         "my dad hit me when i was little and went to prison, now he's back living with us",
         "physical-abuse", CONCERN),
        # sgk (dev 11): "never happened again" says it was over, "two years back" says it was past
        ("My husband with dementia hit me once last year when he had delirium in hospital. Once "
         "the infection cleared it never happened again.",
         "My husband hit me once last year. It never happened again until last night.",
         "physical-abuse", URGENT),
        ("a group picked on me on the bus two years back. the head of year moved them to another "
         "bus and it never happened again",
         "a group picked on me on the bus two years back and now they are doing it again",
         "emotional-abuse", CONCERN),
        # sgk (dev 11): domestic abuse and a hate crime long past and dealt with
        ("Our family went through domestic abuse ten years ago. We left, he was convicted and "
         "we are safe.",
         "Our family went through domestic abuse ten years ago. He was convicted, but now he is "
         "out and has been sending messages.", "domestic-abuse", CONCERN),
        ("A stranger shouted at me in 2021. The police took a report and I got support from a "
         "hate crime service. It has not happened since.",
         "I was the victim of a hate crime in 2021 and the police did nothing. The same lads "
         "still wait for me outside the shop.", "discriminatory-abuse", CONCERN),
    ],
    "handled-behaviour": [
        # sgk (dev 11): a carer pinched or bitten during a care task, handled by a strategy
        ("My son pinched me hard on the arm while I was cutting his nails. We will try after his "
         "bath when they are softer, the podiatrist suggested it.",
         "My son pinches me and bites me every day and I am scared of him. His behaviour plan "
         "does nothing.", "physical-abuse", URGENT),
        ("My son bit me when I took the iPad off him. He can't tell me he's not ready, so we use "
         "a visual timer now.",
         "Dad hit me when I had a meltdown. He says it is in my behaviour plan.",
         "physical-abuse", URGENT),
        ("She kicked me while I was brushing her teeth; her sensory plan says to warn her first.",
         "He went for me again tonight and it wasn't a meltdown. He kicked me and I'm frightened "
         "of him, whatever his plan says.", "physical-abuse", URGENT),
    ],
    "checked-sign": [
        ("Dad bruises like a peach since he started on warfarin. The GP looked at the marks on "
         "his arms and said it's the tablets.",
         "Dad is on warfarin so the home says the bruises are nothing, but they're on both upper "
         "arms in the shape of fingers.", "physical-abuse", CONCERN),
        ("Bruising noted L forearm, pt on apixaban. GP reviewed, consistent with anticoagulation.",
         "Bruising both wrists in a band pattern, pt on apixaban but cannot explain.",
         "physical-abuse", CONCERN),
        ("He got a black eye at judo but the instructor phoned us and it was sorted.",
         "He got a black eye off his dad and said it was judo.", "physical-abuse", CONCERN),
    ],
    "managed-self-injury": [
        ("My daughter bites her hand when she's anxious. The OT gave us a chewy and the skin "
         "isn't broken.",
         "My son bit his arm in a meltdown and it's bleeding through the bandage; his behaviour "
         "plan hasn't helped.", "self-harm", CONCERN),
        ("SU hit herself in the face x3, settled within 10 mins per PBS plan, no injury.",
         "SU hitting herself in the face repeatedly, PBS plan not working, nose bleeding.",
         "self-harm", CONCERN),
    ],
    "illness-behaviour": [
        ("Mum shouts and swears at me most evenings. The dementia nurse says it's sundowning.",
         "Mum has dementia and the night carer shouts at her and swears at her.",
         "emotional-abuse", CONCERN),
        # sg2: a thing thrown at the writer by someone with dementia; not with a blow or injury
        ("Dad gets agitated when he's sundowning and threw a plate at me. The memory nurse is "
         "reviewing his tablets.",
         "Dad has dementia and threw a plate at me, then punched me in the face.",
         "physical-abuse", URGENT),
        ("Mum has Alzheimer's and threw her slipper at me this evening.",
         "Mum has Alzheimer's and threw a mug at me, it cut my head and it bled.",
         "physical-abuse", URGENT),
    ],
    "dementia-accusation": [
        ("Mum has Alzheimer's and accuses me of stealing her purse every week.",
         "Mum has Alzheimer's and accuses the new carer of stealing her purse; £200 is missing.",
         "financial-abuse", CONCERN),
    ],
    "procedure": [
        ("NBM from 00:00 for PEG insertion; IV fluids running as per plan. Insulin omitted as "
         "per diabetes team.",
         "NBM since Mon for PEG insertion, cancelled x3, no IV fluids. Insulin omitted, "
         "not escalated.", "neglect", CONCERN),
        ("The nurses restrained her gently for her blood test as agreed in her plan.",
         "They restrained her for her blood test, four staff held her down face down.",
         "restrictive-practice", CONCERN),
        ("I was sedated for the dentist because I can't cope with the drill.",
         "They sedated him for the dentist without asking anyone and he was drowsy for days.",
         "restrictive-practice", CONCERN),
        ("The dentist hurt me when she pulled my tooth out.",
         "The dentist hurt me on purpose when she pulled my tooth out and laughed.",
         "physical-abuse", URGENT),
    ],
    "agreed-arrangement": [
        ("My support worker keeps my money in a tin and we count it together every Monday.",
         "My support worker keeps my money in her bag and says I spent it all.",
         "financial-abuse", CONCERN),
        ("My staff lock the front door at night so nobody can come in. I have my own key.",
         "Staff lock my bedroom door at night. I have my own key but they took it and I'm scared.",
         "restrictive-practice", CONCERN),
        # sg2: the person asked staff, a signed agreement
        ("SU asked staff to hold her bank card in the office safe; signed agreement on file.",
         "SU asked staff to hold her bank card in the office safe; £200 now missing from her "
         "account.", "financial-abuse", CONCERN),
    ],
    "family-discipline": [
        ("my mum took my phone off me cos i was on it till 2am lol fair",
         "my mum took my phone off me so i can't tell anyone and she locks me in my room",
         "restrictive-practice", CONCERN),
        ("my mum shouts at me every morning to get up for school lol",
         "my mum shouts at me every day and hits me lol", "emotional-abuse", CONCERN),
    ],
    "complaint-words": [
        ("The way the consultant spoke to us was abusive, honestly. I'm making a complaint.",
         "It's abusive, honestly: the carer slapped him and left marks. I'm making a complaint.",
         "abuse", CONCERN),
        ("It's criminal neglect of family carers, frankly.",
         "It's criminal neglect, frankly: Mum was left in wet pads all day.", "neglect",
         CONCERN),
    ],
    "teaching": [
        ("We had safeguarding training at my volunteering place about spotting abuse and neglect.",
         "We had safeguarding training about abuse and I realised it's what my carer does to me.",
         "abuse", CONCERN),
        ("In PSHE we had a lesson on neglect and what it looks like.",
         "In PSHE we had a lesson on neglect and my brother and me get no food at home.",
         "neglect", CONCERN),
    ],
    # sg4 (after set H): a harm named as what a training session taught; a cost "killing us"
    "training-topic": [
        # sgk (dev 11): "groomed" in a film for an assembly, as "grooming" was
        ("we watched a film about a girl who gets groomed online for our safeguarding assembly. "
         "it made me check my privacy settings",
         "after the safeguarding assembly i think my coach groomed me, he tells me to delete our "
         "messages", "exploitation", CONCERN),
        ("Really useful training session on recognising grooming and child sexual exploitation. "
         "The case studies were realistic. More of these please.",
         "After the grooming training I realised my daughter's coach has been doing exactly "
         "that to her.", "exploitation", CONCERN),
        ("The restraint refresher training was good but the room was too small to practise the "
         "holds safely.",
         "At the restraint training they said never face down, but on nights staff restrain a "
         "resident face down every evening.", "restrictive-practice", CONCERN),
        ("In the overdose scenario at training we practised the recovery position and calling "
         "999. The trainer was excellent.",
         "The overdose scenario at training upset me because I took an overdose last week.",
         "suicide", URGENT),
        ("Domestic abuse awareness training was excellent, but please provide it in the daytime "
         "for the night team.",
         "The domestic abuse awareness training was good. My husband hits me and I was scared "
         "to say anything.", "domestic-abuse", URGENT),
        # sgfa (dev set 10): sessions, form-time videos and refreshers on more topics; a bare
        # "I feel" or "I have" no longer reads them literally, "I've been", "realised", anyone
        # the writer knows, a resident, a card or "every day" still do
        ("The school nurse did a session on self harm and how to help a friend. It was calm.",
         "The school nurse did a session on self harm. I've been cutting my arms every night "
         "since Christmas.", "self-harm", URGENT),
        ("The suicide prevention training covered asking directly about suicidal thoughts. I "
         "feel more confident now.",
         "The suicide prevention training covered suicidal thoughts and I am having them every "
         "night and have saved up my tablets.", "suicide", CONCERN),
        ("We watched a video about coercive control in form time. Some people laughed but it "
         "was good.",
         "We watched a video about coercive control in form time and it's what my stepdad does "
         "to my mum.", "domestic-abuse", CONCERN),
        ("The safeguarding training covered sexual abuse and how to respond to a disclosure. "
         "Very useful.",
         "The safeguarding training covered sexual abuse and I realised that is what my uncle "
         "does to me at night.", "sexual-abuse", CONCERN),
        ("Our church did a safeguarding session for volunteers about grooming and keeping "
         "children safe. I have to go as a new volunteer.",
         "After the safeguarding session about grooming I realised my son's youth leader is "
         "grooming him: gifts, late night messages and telling him to delete the chats.",
         "exploitation", CONCERN),
        ("The carers' group had a talk from trading standards about doorstep scams. Mum and I "
         "found it helpful.",
         "After the talk about doorstep scams I checked Mum's bank card statement: someone has "
         "taken £4,000 from her account.", "exploitation", CONCERN),
        ("PBS refresher: we went over how prone restraint can kill and why we never use it.",
         "In the PBS refresher we said never use prone restraint, but on nights staff hold a "
         "resident face down every evening.", "restrictive-practice", CONCERN),
    ],
    "service-not-answering": [
        ("I ring the office and nobody ever answers the phone. It just rings and rings.",
         "I rang the crisis line and nobody answered. I have the pills out and I am going to "
         "take them all tonight.", "neglect", CONCERN),
        ("I was told to wait by the door for my lift and nobody came for 40 minutes.",
         "Mum pressed her pendant alarm and rang the agency office but nobody answers the phone "
         "at night. She was on the floor till morning.", "neglect", CONCERN),
        ("no one answers the phone at camhs reception, i tried 5 times on monday",
         "The taxi never turned up and nobody came to get me. I was stuck outside college in the "
         "dark on my own and scared.", "neglect", CONCERN),
    ],
    "cost-idiom": [
        ("The price of the care home is killing us. We've had to remortgage, but Mum is happy.",
         "The rent is killing us and the landlord said he will kill us if we are late again.",
         "physical-abuse", URGENT),
    ],
    "story": [
        # sgfa (after set I): a school play, a novel or an essay is a story too
        ("Our drama class did a play about a girl whose stepdad hurts her. Everyone clapped at "
         "the end.",
         "Our drama class did a play about a girl whose stepdad hurts her, and that is what my "
         "stepdad does to me.", "physical-abuse", CONCERN),
        ("I read a news article about a care home where staff abused residents. I wrote to my MP.",
         "I read a news article about a care home where staff abused residents. It happened to "
         "me at my old home and nobody believed me.", "abuse", CONCERN),
        ("Someone on the news got stabbed in the town centre and it made me worried to go out.",
         "My brother got stabbed in the town centre, it was on the news.", "physical-abuse",
         CONCERN),
    ],
    "stranger-rudeness": [
        ("The bus driver was horrible to me. He shut the doors in my face.",
         "The bus driver is horrible to me every day because I'm disabled.",
         "emotional-abuse", CONCERN),
    ],
    "accident": [
        ("some lad pushed me in the dinner queue but he said sorry, it was an accident",
         "my stepdad pushed me down the stairs and says it was an accident", "physical-abuse",
         URGENT),
    ],
    "protective-hold": [
        ("my dad grabbed my arm to stop me walking into the road",
         "he grabbed my arm to stop me walking into the road and squeezed till it bruised",
         "physical-abuse", URGENT),
    ],
    "found-quickly": [
        ("He went missing for ten minutes at the shopping centre but security found him quickly.",
         "He went missing for ten minutes and was found in a car with some older men.",
         "missing-unsafe", CONCERN),
        # sgk: the urgent rule for someone with no road sense gone out alone
        ("Dad wandered off alone in the supermarket ten minutes ago but security found him "
         "quickly. He has no road sense.",
         "Dad wandered off alone ten minutes ago and we can't find him. He has no road sense and "
         "the police are looking.", "missing-unsafe", URGENT),
    ],
    "ordinary-eating": [
        ("I stopped eating in the canteen because of the smells. I take a packed lunch now.",
         "She stopped eating in the canteen because of the smells and has lost a stone.",
         "self-harm", CONCERN),
    ],
}  # fmt: skip

SOFT = [(ctx, *case) for ctx, cases in SOFT_CASES.items() for case in cases]


def test_every_soft_context_has_a_harm_near_it_test() -> None:
    declared = {spec["id"] for spec in tomllib.loads(RULES_FILE.read_text("utf-8"))["soft"]}
    assert declared == set(SOFT_CASES), "add an ordinary and a harmful example for each"


@pytest.mark.parametrize(("ctx", "ordinary", "harmful", "category", "severity"), SOFT)
def test_the_soft_context_softens_its_ordinary_text(ctx, ordinary, harmful, category, severity):
    concerns, soft = screen_with_hints(ordinary)
    assert category not in {c.category for c in concerns}, ordinary
    assert category in {c.category for c in soft}, f"{ctx} did not soften: {ordinary}"


@pytest.mark.parametrize(("ctx", "ordinary", "harmful", "category", "severity"), SOFT)
def test_real_harm_near_a_soft_context_still_flags(ctx, ordinary, harmful, category, severity):
    got = _severity_in(harmful, category)
    assert got is not None, harmful
    if severity == URGENT:
        assert got == URGENT, harmful


@pytest.mark.parametrize(
    "text",
    [
        "cut myself again last night lol its fine",
        "i want to die lol",
        "gonna kill myself haha 😂 for real tho",
        "burnt my arm with a lighter again haha dont tell anyone",
        "literally dead inside lol, i mean it, i want to die tonight",
        "he touched me down there lol",
    ],
)
def test_laughing_never_softens_self_harm_suicide_or_sexual_abuse(text: str) -> None:
    concerns, _ = screen_with_hints(text)
    assert any(c.severity == URGENT for c in concerns), text


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("lol my stepdad said he'd kill me if i dyed my hair, he's done it before",
         "physical-abuse", URGENT),
        ("dad's gonna kill me when he sees my report 😂 he locks me in the shed when i'm bad",
         "physical-abuse", URGENT),
        ("mum will kill me if i'm late again lol, she threw a plate at me last week",
         "physical-abuse", URGENT),
        ("mum says it was an accident when she burnt me with the iron", "physical-abuse", URGENT),
        ("the nurse hurt me when she took my blood, she was rough and laughed",
         "physical-abuse", URGENT),
        ("my dad took my phone away for a week cos i was rude, and hit me with it",
         "physical-abuse", URGENT),
        ("NBM for her op and the staff haven't given her a drink for two days", "neglect",
         CONCERN),
        ("my support worker keeps my bank card because I asked her to but now she won't give "
         "it back", "financial-abuse", CONCERN),
        ("a man at the bus stop shouted at me and followed me home", "emotional-abuse", CONCERN),
        ("Years ago my uncle abused me, the police dealt with it, but he's coming to stay",
         "abuse", CONCERN),
    ],
)  # fmt: skip
def test_harm_told_in_a_soft_context_s_own_words_is_read_literally(text, category, severity):
    """Written after the contexts, to probe them: each text uses a context's words (a joke, a
    trivial mishap, an agreement, a procedure, a past dealt with) and a real marker."""
    got = _severity_in(text, category)
    assert got == severity or (severity == CONCERN and got == URGENT), text


class _StubModel:
    """A classifier that gives every text the same scores (to test the combination alone), or,
    with ``only``, gives them to that text and nothing to any other (such as part of it)."""

    version = "stub"
    config = Config()

    def __init__(self, harm: float, urgent: float = 0.0, only: str | None = None) -> None:
        self.harm, self.urgent, self.only = harm, urgent, only

    def predict(self, texts: list[str]) -> list[Prediction]:
        return [
            Prediction(self.harm, self.urgent, ())
            if self.only is None or text == self.only
            else Prediction(0.0, 0.0, ())
            for text in texts
        ]


JOKE = "mum will actually kill me when she sees i dyed the bathroom towels pink 😂"


def test_a_soft_hit_alone_does_not_flag_when_the_model_sees_no_harm() -> None:
    result = screen_texts([JOKE], _StubModel(harm=0.05))[0]
    assert not result.flagged


def test_a_soft_hit_flags_as_a_concern_when_the_model_leans_towards_harm() -> None:
    floor = Config().harm_threshold * SOFT_MODEL_SHARE
    result = screen_texts([JOKE], _StubModel(harm=floor + 0.01))[0]
    assert result.flagged and result.by_rules and not result.by_model
    assert result.severity == CONCERN and "physical-abuse" in result.categories
    urgent = screen_texts([JOKE], _StubModel(harm=0.9, urgent=0.9))[0]
    assert urgent.severity == URGENT  # the model can still make it urgent


def test_a_rule_verdict_flags_whatever_the_model_says() -> None:
    real = "mum will kill me when she sees the towels, last time she hit me with a belt"
    result = screen_texts([real], _StubModel(harm=0.0))[0]
    assert result.flagged and result.severity == URGENT


# Settled contexts (``[[settled]]`` in rules.toml, sg2): read over the whole text, they make a
# flag raised by the model alone (or a soft hit) need ``SETTLED_MODEL_FLOOR`` instead of the
# model's threshold. Each has the ordinary text it holds back and harm near it, in the same
# words, that is not settled (so the model's usual threshold applies), and a rule's own verdict
# is never held back.
# settled context id -> [(ordinary text it holds back, harm near it that it must not)]
SETTLED_CASES: dict[str, list[tuple[str, str]]] = {
    # sgfa (after set I): a plain complaint about a service; not with anyone left without care,
    # food, medicines or help up, nor with any act of harm or injury
    "service-complaint": [
        ("I rang the housing office five times about the damp and they said someone would call "
         "me back. Nobody ever did.",
         "I rang the care agency five times and they said someone would call me back. Nobody "
         "has come since Monday and I am still in bed in a wet pad."),
        ("The hoist on unit 2 has been out of order for a fortnight; estates have been told.",
         "The hoist on unit 2 has been out of order for a fortnight, so residents are left in "
         "bed all day and two have pressure sores."),
        ("The IT helpdesk never got back to me about the ward printer jamming.",
         "The helpdesk never got back to us, so insulin doses were not recorded and Mrs A was "
         "given a second dose."),
        ("The school never rang back about my bus pass.",
         "The school never rang back, and my stepdad hit me again last night because of the "
         "letter."),
        ("He stood by the lift which was out of order.",
         "The lift is out of order and he stood on my hand on purpose on the stairs; my finger "
         "is broken."),
    ],
    "agreed-by-the-person": [
        ("My partner keeps my phone on the shelf after 10pm because I asked her to.",
         "My partner keeps my phone on the shelf after 10pm. I never agreed and I can't ring "
         "my mum."),
        ("I agreed with the staff that I text them if I'm back after 11 at night.",
         "I agreed to text staff if I'm back late but now they punish me by locking my room."),
        ("My mum keeps my bank card because I asked her to, I can have it whenever I want.",
         "My mum keeps my bank card because I asked her to, but now she won't give it back and "
         "my money is gone."),
        ("SU won't let anyone into her room while she's out; staff respect this.",
         "SU won't let anyone into her room; staff respect this but she is scared of the night "
         "carer."),
    ],
    "story": [
        ("My history essay is about a workhouse where children were beaten.",
         "My history essay is about a workhouse where children were beaten, like my dad beats "
         "me."),
        ("i watched squid game and now i keep thinking about it at night, too scary",
         "i watched squid game with my stepdad and then he hit me with the remote"),
        ("I play zombie games on my Xbox with my mate at weekends.",
         "My dad plays war games on his Xbox every night and then he takes it out on me."),
    ],
    "own-things": [
        ("My flatmate won't let anyone use her frying pan. It is her frying pan, so that is fair.",
         "My flatmate won't let me use the kitchen or have any food, I've lost weight."),
        ("My son won't let anyone sit in his chair at dinner.",
         "Staff won't let him sit in his chair, they make him stay in his room for meals."),
    ],
    "routine-jab": [
        ("Mum had her flu jab and said it hurt more than last year. Her arm was sore for a day.",
         "They held Mum down for her flu jab without asking her and her arm is bruised."),
    ],
    "blood-thinner-bruising": [
        ("Gran is on apixaban and bruises easily; the nurse looked at the one on her forearm.",
         "Gran is on apixaban but these bruises are the shape of fingers on her upper arms."),
        ("Pt on warfarin, old bruises to forearms consistent with anticoagulation, GP aware.",
         "Pt on warfarin, bruises to forearms; pt says the night carer grabbed her."),
    ],
    "past-dealt-with": [
        ("Years ago a carer was rough with my son. It was investigated and she was dismissed.",
         "Years ago a carer was rough with my son. It was investigated but she's back working "
         "there now."),
        ("When I was at school a boy bullied me. It stopped and I'm happy now.",
         "When I was at school a boy bullied me. It stopped but he lives next door now and I'm "
         "scared."),
    ],
}  # fmt: skip
SETTLED = [(ctx, *case) for ctx, cases in SETTLED_CASES.items() for case in cases]


def test_every_settled_context_has_a_harm_near_it_test() -> None:
    declared = {spec["id"] for spec in tomllib.loads(RULES_FILE.read_text("utf-8"))["settled"]}
    assert declared == set(SETTLED_CASES), "add an ordinary and a harmful example for each"


@pytest.mark.parametrize(("ctx", "ordinary", "harmful"), SETTLED)
def test_a_settled_text_needs_a_confident_model(ctx, ordinary, harmful) -> None:
    assert settled_context(ordinary) == ctx, ordinary
    harm = (Config().harm_threshold + SETTLED_MODEL_FLOOR) / 2  # flagged anywhere else
    model = _StubModel(harm=harm, only=ordinary)  # the rest of the text alone is unremarkable
    assert not screen_texts([ordinary], model)[0].flagged, ordinary
    confident = _StubModel(harm=SETTLED_MODEL_FLOOR, only=ordinary)
    assert screen_texts([ordinary], confident)[0].flagged, ordinary


def test_a_settled_context_does_not_hold_back_a_disclosure_in_another_sentence() -> None:
    """The context settles only its own sentences: the rest, read alone, is screened too."""
    text = (
        "Thanks for the easy read about jabs. My mate Dan went to meet a man from a game "
        "yesterday and hasn't come back."
    )
    assert settled_context(text) == "routine-jab"
    harm = (Config().harm_threshold + SETTLED_MODEL_FLOOR) / 2
    assert screen_texts([text], _StubModel(harm=harm))[0].flagged  # the rest reaches the bar
    shipped = screen_texts([text])[0]  # whole text 0.53 with the shipped model, the rest 0.75
    assert shipped.flagged and shipped.score < SETTLED_MODEL_FLOOR


def test_a_settled_text_whose_every_sentence_carries_the_context_is_settled() -> None:
    text = "My partner keeps my phone on the shelf after 10pm because I asked her to."
    harm = (Config().harm_threshold + SETTLED_MODEL_FLOOR) / 2
    assert not screen_texts([text], _StubModel(harm=harm))[0].flagged  # nothing else to read


@pytest.mark.parametrize(("ctx", "ordinary", "harmful"), SETTLED)
def test_harm_near_a_settled_context_is_not_settled(ctx, ordinary, harmful) -> None:
    assert settled_context(harmful) is None, harmful
    result = screen_texts([harmful], _StubModel(harm=Config().harm_threshold))[0]
    assert result.flagged, harmful


def test_a_rule_verdict_in_a_settled_text_flags_whatever_the_model_says() -> None:
    text = "My brother keeps my bank card because I asked him to. He hits me when I ask for it."
    result = screen_texts([text], _StubModel(harm=0.0))[0]
    assert result.flagged and result.severity == URGENT


# The concern floor (``concern_rule_model_floor`` in rules.toml, after set Q): a concern-level
# rule verdict needs the model's harm score to reach the floor; an urgent verdict never does.
# Each ordinary text is one the floor exists for (dev sets' look-alikes); beside it, harm in the
# same words that must still flag, read by the real model.
CONCERN_FLOOR_CASES: list[tuple[str, str]] = [
    (
        "the bus is always late and the driver shouts at us for being loud which is fair enough",
        "the driver shouts at us and grabbed my arm so hard it bruised, i am scared to get on the "
        "bus now",
    ),
    (
        "Please could appointments be texted as well as posted. "
        "I check my texts more than my post.",
        "My boyfriend makes me let him check my texts every night and if I don't "
        "he takes my phone and won't let me see my friends",
    ),
    (
        "I shouted at my son this morning because we were late and then felt guilty all day. "
        "Caring for him on my own is hard.",
        "My husband shouted at my son this morning and then pushed him into the door. He has a "
        "bruise on his head.",
    ),
    (
        "Attended level 3 safeguarding training today. Case studies on financial abuse by family "
        "members.",
        "I think my neighbour is a victim of financial abuse: her nephew takes her pension every "
        "week and she has no food in.",
    ),
    (
        "Students on placement had a teaching session on recognising neglect and pressure ulcers. "
        "Feedback was good.",
        "Mum has been left in the same pad all day, she has pressure ulcers and nobody turns her. "
        "This is neglect.",
    ),
    (
        "I am learning about coercive control at my volunteering training. I find it interesting.",
        "My partner uses coercive control: he decides where I go, who I see and he keeps my bank "
        "card.",
    ),
    (
        "My bus pass is running out. I do not know how to renew it. Can someone help me please.",
        "my brother hits me when mum is out and says he will do it again. can someone help me "
        "please",
    ),
    (
        "we played hide and seek in the dark at the sleepover and I got locked in the "
        "wardrobe for like 2 mins, we were crying laughing",
        "the night staff got me locked in my room again and I could not get out to the "
        "toilet all night",
    ),
]


@pytest.mark.parametrize(("ordinary", "harmful"), CONCERN_FLOOR_CASES)
def test_the_concern_floor_lets_a_look_alike_go_but_not_harm_near_it(ordinary, harmful) -> None:
    calm, harm = screen_texts([ordinary, harmful])
    assert not calm.flagged, (calm.phrases, calm.model_score)
    assert harm.flagged, (harm.phrases, harm.model_score)


def test_a_concern_verdict_needs_the_model_to_reach_the_floor() -> None:
    text = "Students had a teaching session on recognising neglect."
    assert screen_with_hints(text)[0], "a concern-level rule fires on these words"
    below = screen_texts([text], _StubModel(harm=CONCERN_RULE_MODEL_FLOOR - 0.01))[0]
    assert not below.flagged
    at = screen_texts([text], _StubModel(harm=CONCERN_RULE_MODEL_FLOOR))[0]
    assert at.flagged and at.by_rules and at.severity == CONCERN


def test_an_urgent_verdict_never_needs_the_model() -> None:
    for text in ("i want to die", "my dad hits me with his belt", "he raped me"):
        result = screen_texts([text], _StubModel(harm=0.0))[0]
        assert result.flagged and result.severity == URGENT, text
