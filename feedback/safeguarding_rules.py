"""Phrase rules that screen free text for safeguarding disclosures.

Every free-text answer and contribution is screened in the background; any hit goes to the
safeguarding queue for a person to read. People with a learning disability often write short,
plain, misspelt sentences ("he hits me", "i want to die", "they take my money"); carers write
long ones with one disclosure buried in the middle. **False negatives matter more than false
positives**, so the rules are deliberately broad and tolerant:

- Text is normalised first: NFKC, lower case, curly quotes straightened, invisible characters
  dropped, letters repeated three or more times squeezed ("hurrrts" -> "hurrts"), digits used
  as letters inside words mapped back ("k1ll" -> "kill") and common misspellings and
  shorthands rewritten ("kil", "slaped", "hurtin", "wanna", "dont", "sum1", "myslef"...).
- Each rule is a readable phrase pattern with inflections and misspellings spelt out.
- Negation never suppresses a concern. "nobody hurts me", "I don't want to die" and "I'm not
  suicidal" are still flagged, because denials are also how people test whether it is safe to
  tell, and the cost of a reviewer reading a false alarm is small. Negation (or a clear past
  marker such as "used to" or "years ago") only downgrades *urgent* to *concern*.
- Benign look-alikes are excluded narrowly, per rule, by the words around the phrase: "the
  injection didn't hurt me", "my feet are killing me", "abuse of the disabled bays",
  "suicide prevention training", "I lock my door for privacy".

Severity is ``urgent`` for immediate risk (suicidal intent, self-harm by the writer, someone
hurting or sexually abusing the writer, a threat to kill) and ``concern`` for everything else.
``screen`` returns one ``Concern`` per category, the most severe (then earliest) phrase first.

Cost is linear, about 1 ms per KB (a 5 KB carer answer takes ~5 ms; a hostile megabyte 1-2
s), which is fine for the background task; no pattern can backtrack catastrophically.

``SAFEGUARDING_TRAINING_EXAMPLES`` holds realistic labelled texts (and benign ones labelled
"none") for training the tagger's model on this screen later. Pure Python (no Django).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

URGENT = "urgent"
CONCERN = "concern"

CATEGORIES = (
    "suicide",
    "self-harm",
    "physical-abuse",
    "sexual-abuse",
    "emotional-abuse",
    "neglect",
    "financial-abuse",
    "exploitation",
    "restrictive-practice",
    "domestic-abuse",
    "harm-to-others",
    "abuse",  # unspecified abuse, or the writer says they do not feel safe
)


@dataclass(frozen=True, slots=True)
class Concern:
    """A possible disclosure: what kind, the (normalised) words that matched, how urgent."""

    category: str
    phrase: str
    severity: str


def screen(text: str) -> list[Concern]:
    """Possible disclosures in ``text``: one per category, urgent first, then by position."""
    norm = normalise(text)
    if not norm.strip():
        return []
    hay = " " + norm  # every pattern starts on one non-letter: see _rule()
    bounds = [m.end() for m in _SENTENCE_END_RE.finditer(norm)]
    household = _HOUSEHOLD_RE.search(norm) is not None
    best: dict[str, tuple[int, int, Concern]] = {}  # category -> (rank, position, concern)

    def settled(rule: _Rule) -> bool:
        """Nothing later in the text can change this rule's contribution: stop scanning."""
        done = rule.category in best and (best[rule.category][0] == 0 or rule.severity == CONCERN)
        if rule.category in _DOMESTIC_KINDS and household:
            done = done and "domestic-abuse" in best
        return done

    for rule in _RULES:
        if settled(rule):
            continue
        for m in rule.pattern.finditer(hay):
            start, end = m.start("m") - 1, m.end("m") - 1
            for concern in _check(rule, norm, start, end, bounds):
                key = (0 if concern.severity == URGENT else 1, start)
                if concern.category not in best or key < best[concern.category][:2]:
                    best[concern.category] = (*key, concern)
            if settled(rule):
                break
    return [c for _, _, c in sorted(best.values(), key=lambda v: (v[0], v[1]))]


# ------------------------------------------------------------------------- normalising

_INVISIBLE = dict.fromkeys(
    [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
    + list(range(0x7F, 0xA0))
    + [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACE_RUN_RE = re.compile(r"\s+")  # maximal runs only: linear however long the run
# Stretched letters: to two where English doubles them ("sleeeep", "killlll"), else to one
# ("hurrrrts" -> "hurts", "hiiiit" -> "hit").
_DOUBLES_RE = re.compile(r"([bdefglmnopst])\1{2,}")
_SINGLES_RE = re.compile(r"([a-z])\1{2,}")
_LEET_RE = re.compile(r"[a-z][0134](?=[a-z])")  # "k1ll", "h0me"
_LEET = str.maketrans("0134", "oiea")
_TWO_RE = re.compile(r"[^a-z](?:want|wanted|going|need|have|got|try|tried|like) 2(?![a-z0-9])")

# Misspellings and shorthands people use, rewritten so the phrase rules stay readable.
_SPELLINGS = {
    # kill / die / suicide
    "kil": "kill", "kll": "kill", "kiil": "kill", "killl": "kill", "kiled": "killed",
    "kiling": "killing", "killin": "killing", "ded": "dead", "suicde": "suicide",
    "sucide": "suicide", "suiside": "suicide", "suicid": "suicide", "sewerside": "suicide",
    "sucidal": "suicidal", "suicidle": "suicidal", "suicidel": "suicidal", "suisidal": "suicidal",
    # self
    "myslef": "myself", "mysef": "myself", "meself": "myself", "miself": "myself",
    "myselfe": "myself", "maself": "myself", "hisself": "himself", "herslef": "herself",
    # hurting
    "hurtin": "hurting", "hurtting": "hurting", "hert": "hurt", "herts": "hurts",
    "hertin": "hurting", "herting": "hurting", "hirt": "hurt", "hurted": "hurt",
    "hitted": "hit", "hitt": "hit", "hittin": "hitting", "hiting": "hitting", "hitin": "hitting",
    "slaped": "slapped", "slapt": "slapped", "slappd": "slapped", "slapd": "slapped",
    "slapin": "slapping", "slappin": "slapping", "kik": "kick", "kiks": "kicks",
    "kikd": "kicked", "kiked": "kicked", "kickd": "kicked", "kickin": "kicking",
    "punsh": "punch", "punshed": "punched", "puched": "punched", "pushd": "pushed",
    "grabed": "grabbed", "grabd": "grabbed", "pinchd": "pinched", "bitted": "bit",
    "beated": "beat", "beatin": "beating", "chokin": "choking", "cuting": "cutting",
    "cuttin": "cutting", "cutt": "cut", "burnd": "burned", "scrach": "scratch",
    "scrached": "scratched", "scratchd": "scratched", "scrachin": "scratching",
    "scratchin": "scratching", "bangin": "banging", "harmin": "harming",
    # touching
    "tuch": "touch", "tuched": "touched", "toched": "touched", "touchd": "touched",
    "tutched": "touched", "tuches": "touches", "touchs": "touches", "tutch": "touch",
    "tuching": "touching", "touchin": "touching", "raip": "rape", "raiped": "raped",
    "privates": "private parts", "privit": "private", "privat": "private",
    # shouting and bullying
    "shoutin": "shouting", "shoutted": "shouted", "screamin": "screaming", "sware": "swear",
    "swares": "swears", "bullys": "bullies", "bulling": "bullying", "bullyin": "bullying",
    "threatend": "threatened", "thretened": "threatened", "thretens": "threatens",
    "threatns": "threatens", "scard": "scared", "skared": "scared", "scaird": "scared",
    "afriad": "afraid", "frightend": "frightened", "abuze": "abuse", "abuzed": "abused",
    "abusin": "abusing", "abuseing": "abusing",
    # care and money
    "hungary": "hungry", "hungery": "hungry", "hungy": "hungry", "starvin": "starving",
    "medcation": "medication", "medicashun": "medication", "medikation": "medication",
    "tablits": "tablets", "tabs": "tablets", "pils": "pills", "munny": "money",
    "mony": "money", "tak": "take", "taks": "takes", "takin": "taking", "tuk": "took",
    "benifits": "benefits", "stold": "stole",
    "stoled": "stole", "lockd": "locked", "lokd": "locked", "lok": "lock",
    "restrane": "restrain", "restraned": "restrained",
    # shorthand
    "wanna": "want to", "wana": "want to", "wanto": "want to", "gonna": "going to",
    "gunna": "going to", "goin": "going", "dont": "don't", "doesnt": "doesn't",
    "didnt": "didn't", "cant": "can't", "wont": "won't", "isnt": "isn't", "wasnt": "wasn't",
    "aint": "ain't", "havent": "haven't", "hasnt": "hasn't", "im": "i'm", "ive": "i've",
    "sum1": "someone", "some1": "someone", "somone": "someone", "sumone": "someone",
    "som1": "someone", "sumbody": "somebody", "sombody": "somebody", "no1": "no one",
    "noone": "no one", "nobdy": "nobody", "u": "you", "ur": "your", "coz": "because",
    "cos": "because", "becos": "because", "becuase": "because", "thay": "they",
    "thier": "their", "dey": "they", "dem": "them", "hes": "he's", "shes": "she's",
    "theyre": "they're", "wiv": "with", "wif": "with", "til": "till", "untill": "until",
    "anymore": "any more", "every1": "everyone", "evry1": "everyone", "mee": "me",
    "diee": "die", "noo": "no", "hurrt": "hurt", "hurrts": "hurts",
}  # fmt: skip
_SPELLING_RE = re.compile(
    r"([^a-z0-9'])(" + "|".join(map(re.escape, _SPELLINGS)) + r")(?![a-z0-9'])"
)


def normalise(text: str) -> str:
    """The form the rules read: lower case, plain spaces, common misspellings corrected."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_QUOTES).lower()
    # A blank line ends a sentence; any other run of whitespace is one space.
    text = _SPACE_RUN_RE.sub(lambda m: "\n" if m.group().count("\n") > 1 else " ", text)
    text = _SINGLES_RE.sub(r"\1", _DOUBLES_RE.sub(r"\1\1", text))
    text = _LEET_RE.sub(lambda m: m.group().translate(_LEET), text)
    text = _SPELLING_RE.sub(lambda m: m.group(1) + _SPELLINGS[m.group(2)], " " + text)[1:]
    if " 2" in text:  # "want 2 die" -> "want to die"
        text = _TWO_RE.sub(lambda m: m.group()[:-1] + "to", " " + text)[1:]
    return text


# ----------------------------------------------------------------------------- checking

_SENTENCE_END_RE = re.compile(r"[.!?;\n]+")
# Only ever *downgrades* urgent to concern (see the module docstring).
_NEGATION_RE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno one|\bnobody|\bno-one|\bnothing|\bstopped|\bno longer)\b"
)
_PAST_RE = re.compile(
    r"\b(?:used to|years ago|a year ago|months ago|long time ago|in the past|last year"
    r"|as a (?:child|kid|teenager)|when i was (?:a |at )?(?:kid|child|little|young|younger"
    r"|small|school|teenager|a teenager))\b"
)
_LAST_WORDS_RE = re.compile(r"(?:[^ ]+ ){0,4}$")
# Only the clause the phrase is in counts: "last year was fine but now i want to die".
_CLAUSE_BREAK_RE = re.compile(r",| but | and now | now | until | then ")


@dataclass(frozen=True, slots=True)
class _Rule:
    category: str
    severity: str
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None = None  # searched in the sentence before the phrase
    not_after: re.Pattern[str] | None = None  # matched at the start of what follows it


def _check(rule: _Rule, norm: str, start: int, end: int, bounds: list[int]) -> list[Concern]:
    """The concerns one phrase match raises, judged by the words around it."""
    i = bisect_right(bounds, start)
    sent_start = bounds[i - 1] if i else 0
    sent_end = bounds[i] if i < len(bounds) else len(norm)
    before = norm[max(sent_start, start - 60) : start]
    after = norm[end : min(sent_end, end + 60)]
    if rule.not_before is not None and rule.not_before.search(before.rstrip()):
        return []
    if rule.not_after is not None and rule.not_after.match(after):
        return []
    severity = rule.severity
    if severity == URGENT:
        clause = _CLAUSE_BREAK_RE.split(before)[-1]
        last_words = _LAST_WORDS_RE.search(clause)
        negated = last_words is not None and _NEGATION_RE.search(last_words.group())
        if negated or _PAST_RE.search(clause):
            severity = CONCERN
    phrase = norm[start:end].strip()
    found = [Concern(rule.category, phrase, severity)]
    # Abuse by a partner or family member is domestic abuse too (UK definition, 16+).
    if rule.category in _DOMESTIC_KINDS and _HOUSEHOLD_RE.search(before):
        found.append(Concern("domestic-abuse", phrase, severity))
    return found


def _rule(
    category: str,
    severity: str,
    *phrases: str,
    not_before: str | None = None,
    not_after: str | None = None,
) -> _Rule:
    """Phrases are regexes over normalised text; single spaces separate words."""
    body = "|".join(phrases)
    # Run on " " + text: starting on one consumed non-letter (instead of a lookbehind) lets the
    # engine skip straight to word starts, which keeps a megabyte of text fast.
    return _Rule(
        category,
        severity,
        re.compile(rf"[^a-z'](?=[a-z])(?P<m>{body})(?![a-z])"),
        re.compile(rf"(?:{not_before})$") if not_before else None,
        re.compile(rf" ?(?:{not_after})") if not_after else None,
    )


# ------------------------------------------------------------------------------ phrases
# Building blocks. Everything is lower case; misspellings are mostly fixed by normalise().

_ME = r"(?:me|meh)"
_MYSELF = r"(?:myself|my self)"
_THEMSELF = r"(?:himself|herself|themselves|themself|theirself)"
_POSS = r"(?:my|his|her|their|our)"
_FAMILY = (
    r"(?:son|daughter|child|kids?|children|baby|brother|sister|mum|mam|mom|dad|wife|husband"
    r"|partner|friend|grandson|granddaughter|nan|gran|grandad|nephew|niece|cousin)"
)
# Someone else, as an object: "hit him", "pushed my son", "hurt the residents".
_OTHERS = rf"(?:him|her|them|us|{_POSS} {_FAMILY}|the (?:residents|patients|kids|children))"
# People, as the object of "I want to hurt ...". Things ("the ball", "the wall") are left out.
_PEOPLE = (
    r"(?:him|her|them|you|someone|somebody|some one|people|everyone|everybody"
    r"|(?:the |a |my |his |her |their |that |this |those )?(?:staff|carers?|nurses?|workers?"
    r"|m[ae]n|wom[ae]n|lads?|boys?|girls?|kids?|child|children|teachers?|managers?|doctors?"
    r"|residents?|patients?|neighbou?rs?|mum|mam|mom|dad|brother|sister|son|daughter|wife"
    r"|husband|partner|boyfriend|girlfriend|friends?|mates?|cousin|uncle|aunt|auntie|nan|gran"
    r"|grandad|baby|persons?|guys?|police|bloke|others?))"
)
# Violence verbs in every tense people use.
_VIOLENT = (
    r"(?:hit|hits|hitting|punch|punches|punched|punching|kick|kicks|kicked|kicking|slap|slaps"
    r"|slapped|slapping|smack|smacks|smacked|smacking|beat|beats|beaten|beating|batter|batters"
    r"|battered|bash|bashes|bashed|whack|whacks|whacked|thump|thumps|thumped|push|pushes"
    r"|pushed|pushing|shove|shoves|shoved|shoving|grab|grabs|grabbed|grabbing|pinch|pinches"
    r"|pinched|pinching|bite|bites|bit|biting|bitten|scratch|scratches|scratched|strangle"
    r"|strangles|strangled|strangling|choke|chokes|choked|choking|throttle|throttled|kill"
    r"|kills|killed|killing|stab|stabs|stabbed|stabbing|burn|burns|burnt|burned|attack"
    r"|attacks|attacked|attacking|assault|assaults|assaulted|drag|drags|dragged|hurt|hurts"
    r"|hurting|harm|harms|harmed|harming|spit on|spits on|spat on|headbutt|headbutted"
    r"|twist|twisted|throw things at|threw things at|bully|bullies|bullied)"
)
# Things, body parts, pain and weather: "the injection didn't hurt me", "my feet are killing
# me", "the noise hurts me", "it hit me that...", "the dog bit me".
_NOT_A_PERSON = (
    r"\b(?:it|this|that|what|which|injections?|jabs?|needles?|tests?|checks?|vaccines?|scans?"
    r"|operations?|procedures?|tooth|teeth|legs?|arms?|back|head|tummy|stomach|belly|knees?"
    r"|foot|feet|eyes?|ears?|hands?|chest|neck|shoulders?|hips?|noise|noises|lights?|sounds?"
    r"|music|shoes|reality|ball|sun|cold|heat|pain|dog|dogs|cat|cats|bee|wasp|insects?"
    r"|spider|horse|queue|weather|wind|door|car|bus)\b(?: [^ ]+){0,3}"
)
_NOT_ME_AS_OBJECT = (
    r"out\b|to\b|into\b|harder\b|forward|(?:a|an|some|one) (?:coffee|drink|tea|cup|sandwich)"
    r"|(?:at|in) (?:cards|pool|chess|darts|football|games?|bingo|a race|races|snooker|quiz"
    r"|connect four|scrabble|monopoly|tennis|badminton|swimming|running|ludo|uno|dominoes"
    r"|table tennis|ping pong|bowling|golf|fifa|xbox|playstation|the game|the quiz"
    r"|arm wrestling)"
)
_ANIMAL = (
    r"(?:dog|cat|horse|insect|mosquito|midge|bug|bee|wasp|spider|snake|rat|mouse|animal"
    r"|ball|car|bike|door)s?\b"
)
_SPORT = (
    r"playing|at (?:football|rugby|cricket|sport|the gym|boxing|judo|karate)"
    r"|in (?:a|the) (?:game|match|accident|crash)|by accident|accidentally|falling|when i fell"
)
# "hurt her leg": "her" is a possessive, not the person hurt.
_BODY_PART = (
    r"(?:legs?|arms?|backs?|heads?|knees?|foot|feet|ankles?|wrists?|hands?|necks?|shoulders?"
    r"|hips?|fingers?|toes?|eyes?|ears?|tooth|teeth|face|nose|elbows?)\b"
)
_I = r"(?:i|i'm|i've|i'll|i'd|we|we've)"
_I_BEFORE = (
    rf"\b{_I}(?: (?:have|had|just|also|then|sometimes|always|once|did|do|will|might|could"
    r"|would|can|often))*"
)
_HELPED = (
    r"\b(?:help(?:s|ed|ing)?|lets?|teach(?:es|ing)?|taught|show(?:s|ed|ing)?|learn(?:s|ing)?)"
    r"(?: (?:me|him|her|them))?(?: how)?(?: to)?"
)
_MEDS = r"(?:medication|meds|medicine|tablets|pills|insulin|inhaler|injections?|dose|doses)"
_MONEY = (
    r"(?:money|cash|benefits?|pip|dla|esa|pension|wages|pay|savings|bank ?cards?|cards?"
    r"|debit cards?|pin(?: number)?|allowance|bank account|account|universal credit|uc)"
)
_PLACE = r"(?:flat|house|place|home|room|bedroom|bungalow)"

# Fear of a person, and who counts as household for domestic abuse.
_HOUSEHOLD_RE = re.compile(
    r"\b(?:husband|wife|partner|boyfriend|girlfriend|ex|fianc[eé]e?|bf|gf|dad|father"
    r"|step ?dad|mum|mam|mom|mother|step ?mum|brother|sister|son|daughter|uncle|aunt|auntie"
    r"|cousin|nephew|niece|grandad|grandfather|nan|gran|grandma|in-laws?|family)\b"
)
_DOMESTIC_KINDS = frozenset(
    {"physical-abuse", "sexual-abuse", "emotional-abuse", "financial-abuse",
     "restrictive-practice", "abuse"}
)  # fmt: skip

_RULES: tuple[_Rule, ...] = (
    # --- suicide: intent is urgent, whoever it is about; a mention is a concern ------------
    _rule(
        "suicide",
        URGENT,
        r"(?:want|wants|wanted|wanting|going|planning|plan|plans|trying|ready|need|needs) to"
        r" (?:die|be dead|end it(?: all)?|end (?:my|his|her|their) (?:own )?life"
        rf"|kill (?:{_MYSELF}|{_THEMSELF})|take (?:my|his|her|their) (?:own )?life"
        r"|not (?:be here|wake up|be alive|exist|live))",
        rf"kill(?:ing)? {_MYSELF}|end(?:ing)? (?:it all|my (?:own )?life)|take my (?:own )?life",
        r"wish(?:ed)? (?:i|i'd) (?:was|were|had|could)?(?: never)? ?(?:be |been )?"
        r"(?:dead|never born|not born|not alive|gone)",
        r"(?:don't|do not|doesn't|does not|didn't) (?:want|wish) to (?:live|be alive|be here"
        r"|wake up|exist|go on|carry on)(?: any more)?",
        r"no (?:point|reason) (?:in |to |of )?(?:me |my )?(?:living|live|life|being alive|being"
        r" here|going on|existing)",
        r"better off (?:dead|without me)|(?:life is )?not worth living|can't go on"
        r"|cannot go on|can't carry on",
        r"(?:i'm|i am|i feel|i've been|i have been|feeling|felt) (?:so |very |really )?suicidal",
        rf"(?:hang|hanging|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning) {_MYSELF}",
        r"jump(?:ing)? (?:off|of|from|in front of) (?:a |the )?(?:bridge|building|roof|train|car"
        r"|bus|cliff|motorway)",
        r"(?:i|i'm|i've|i'll|i'd)(?: [^ ]+){0,3} (?:take|taking|took|swallow|swallowed"
        r"|swallowing) (?:all (?:of )?(?:my|the)|too many|lots of|a load of|a bottle of"
        rf"|a packet of|a box of|an overdose of) (?:{_MEDS}|paracetamol)",
        r"(?:i|i've|i have) (?:took an )?overdos(?:e|ed)",
        r"(?:feel|felt|feeling) like (?:dying|ending it(?: all)?"
        r"|ending (?:my|his|her) (?:own )?life"
        rf"|killing {_MYSELF}|i want to die)"
        r"|(?:thinking|thought|think|talks?|talking|keeps? talking|keeps? saying) (?:of|about)"
        r" (?:dying|ending it(?: all)?|ending (?:my|his|her|their) (?:own )?life|killing"
        rf" (?:{_MYSELF}|{_THEMSELF})|suicide|taking (?:my|his|her|their) (?:own )?life"
        r"|not being here|being dead)",
        r"(?:what's|whats|what is) the point (?:of |in )?(?:living|life|being alive|being here"
        r"|going on|carrying on|me being here)",
        r"(?:might|may) as well (?:be dead|die|kill myself|not be here|end it)",
        r"(?:nobody|no one|no-one) (?:would|will|'d) (?:miss|care about|notice) me"
        r"|(?:everyone|everybody|they)(?:'d| would| will) be better off without me",
        rf"unalive (?:{_MYSELF})?|sleep and (?:never|not) wake up",
        rf"(?:throw|throwing|threw|chuck|chucking) {_MYSELF} (?:in|into|off|under|in front of)",
        r"(?:sleep|go to sleep|fall asleep) (?:forever|for ever|and never wake|and not wake)",
        r"(?:want|wants|wanna|wish|going) to (?:be with|join|go to|see)(?: [^ ]+){0,3}"
        r" (?:in heaven|heaven|in the sky|up in the sky)",
        r"(?:life|living|my life) (?:is|isn't|is not|ain't)(?: really)? (?:not )?worth"
        r" (?:it|living|anything)",
        r"(?:everyone|everybody|they|my family|people) (?:would|'d|will) be (?:better|happier"
        r"|better off|fine|ok)(?: [^ ]+){0,3} (?:without me|if i (?:was|were|wasn't|was not"
        r"|weren't|am not|died|was gone|was dead))",
        not_after=r"laughing|of (?:embarrassment|shame|laughter|boredom)"
        r"|(?:my|his|her|their|your|the) hair",
    ),
    _rule(
        "suicide",
        CONCERN,
        r"suicid(?:e|al)|overdos(?:e|ed|es|ing)",
        r"(?:tried|try|tries|attempted) to (?:kill|end|take) (?:himself|herself|themselves"
        r"|myself|(?:his|her|their|my) (?:own )?life)",
        r"took (?:his|her|their) (?:own )?life",
        r"if i (?:died|was dead|were dead|wasn't here|was gone|killed myself)",
        r"can't (?:take|cope with|do) (?:it|this|life) any more|can't cope any more",
        # Hopelessness said plainly: a person must read it (false positives are cheaper).
        r"(?:giving|give|given|gave) up on (?:everything|life|living|myself)"
        r"|(?:tired|sick|fed up) of (?:living|life|being alive|being here|everything)",
        not_after=r"prevention|awareness|training|strategy|policy|week\b|day\b|helpline",
    ),
    # --- self-harm: the writer harming themselves is urgent ---------------------------------
    _rule(
        "self-harm",
        URGENT,
        r"(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burnt|burned"
        r"|burning|hit|hitting|punch|punching|bang|banging|scratch|scratching|scratched|starve"
        rf"|starving|bite|biting|bit|strangle|strangling|choke|choking) {_MYSELF}",
        r"(?:cut|cutting|slash|slashing|scratch|scratching|scratched|burn|burning|burnt) my"
        r" (?:arms?|legs?|wrists?|skin|body|face|thighs?|stomach|tummy)",
        r"(?:bang|banging|hit|hitting|punch|punching) my head",
        r"(?:i|i'm|i keep|i've been|i have been)(?: [^ ]+){0,2} pull(?:ing)? (?:my|out my) hair",
        r"(?:hurt|hurting|cut|cutting|burn|burnt|burning|scratch|scratching|hit|hitting|harm"
        r"|harming)(?: myself| my self| my [^ ]+) (?:on purpose|deliberately)",
        r"(?:i|i'm|i am|i've|i have been|i keep|i still|i started)(?: [^ ]+)? self[- ]?harm"
        r"(?:ing|ed)?",
        r"ligatures?",
        r"(?:been|started|keep|am|i'm|still|back to) cutting (?:again|myself|my)|cutting again",
        rf"(?:make|makes|made|making) {_MYSELF} (?:sick|throw up|vomit|bleed)",
        r"(?:stick|sticks|sticking|stuck|push|pushing) (?:pins|needles|things|pens|pencils"
        r"|sharp things|glass|a pin|a needle) (?:in|into) my (?:legs?|arms?|skin|hands?|body)",
        not_after=r"(?:falling|when i fell|playing|at football|on the|by accident|accidentally"
        r"|laughing)",
    ),
    _rule(
        "self-harm",
        CONCERN,
        r"(?:cuts?|cutting|hurts?|hurting|harms?|harming|bites?|biting|hits?|hitting|bangs?"
        r"|banging|scratch(?:es|ing)?|burns?|burning|punch(?:es|ing)?|starv(?:es|ing))"
        rf" {_THEMSELF}",
        r"(?:bangs?|banging|hits?|hitting|punch(?:es|ing)?) (?:his|her|their) head",
        r"head ?bang(?:ing|s)?|self[- ]?(?:harm(?:s|ed|ing)?|injur(?:y|ies|ious|ing))",
        r"(?:bites|biting|picks|picking|pulls|pulling) (?:his|her|their) (?:hands?|arms?|skin"
        r"|fingers|hair)",
        r"(?:punch|punches|punching|punched|hit|hits|hitting|kick|kicks|kicking|headbutt"
        r"|headbutts|headbutting|bang|bangs|banging) (?:the |a )?walls?",
        r"(?:stop|stopped|stopping|stops) eating(?! (?:meat|sugar|chocolate|sweets|junk|crisps"
        r"|dairy|bread|after|before|late|at night|takeaways))",
        not_after=r"(?:falling|when (?:he|she|they) fell|playing|by accident|accidentally)",
    ),
    # --- physical abuse: someone hurting the writer is urgent ------------------------------
    _rule(
        "physical-abuse",
        URGENT,
        rf"{_VIOLENT}(?: up)? {_ME}",
        r"(?:will|'ll|going to|want to|wants to|threaten(?:s|ed)? to|said (?:he|she|they)"
        r"(?:'d| would| will|'ll)|says? (?:he|she|they)(?:'ll| will)) (?:kill|hurt|stab|murder"
        r"|batter|beat) (?:me|us)",
        not_before=_NOT_A_PERSON,
        not_after=_NOT_ME_AS_OBJECT,
    ),
    _rule(
        "physical-abuse",
        CONCERN,
        rf"{_VIOLENT}(?: up)? {_OTHERS}",
        r"bruis(?:es|ing|ed)|black eye|(?:bite|burn|finger|slap) marks"
        r"|marks on (?:his|her|their|my) (?:arms?|legs?|body|face|neck|back)",
        r"physical(?:ly)? (?:abuse[ds]?|abusing|assault(?:ed)?)",
        r"(?:split|cut|bust|fat) lip|broken (?:nose|arm|wrist|ribs?|fingers?|tooth|teeth|bones?"
        r"|leg|jaw)|unexplained (?:injur(?:y|ies)|bruis(?:es|ing)|marks|cuts|burns)"
        r"|(?:cuts|scratches|burns|injuries|injury|marks) (?:on|to) (?:his|her|their|my) (?:face"
        r"|arms?|legs?|body|back|neck|head)",
        r"(?:rough|violent|heavy[- ]handed) (?:with|towards|to) (?:him|her|them|us|my [^ ]+)",
        r"(?:left|leave|leaves|leaving) (?:a |some )?(?:marks?|bruises?)",
        not_before=rf"{_NOT_A_PERSON}|{_I_BEFORE}",
        not_after=rf"{_NOT_ME_AS_OBJECT}|{_BODY_PART}",
    ),
    _rule(
        "physical-abuse",
        URGENT,
        r"(?:i|i'm|i've|i have|i am)(?: [^ ]+)? (?:was|get|got|keep getting|been|being)"
        r" (?:hit|punched|kicked|slapped|smacked|beaten"
        r"|beaten up|beat up|battered|pushed|shoved|pinched|strangled|choked|stabbed|attacked"
        r"|assaulted|thrown|headbutted|whacked|thumped|dragged|hurt by)",
        r"(?:twist|twists|twisted|twisting|pull|pulls|pulled|pulling|yank|yanks|yanked|bend|bent"
        r"|squeeze|squeezed|grab|grabs|grabbed|grabbing) my (?:arms?|wrists?|fingers?|hair|ears?"
        r"|neck|legs?|face|throat)",
        r"(?:throw|throws|threw|throwing|chuck|chucks|chucked|chucking)"
        rf"(?: [^ ]+){{0,2}} at {_ME}",
        r"(?:pull|pulls|pulled|pulling|drag|drags|dragged|dragging|grab|grabs|grabbed|yank"
        r"|yanked) me (?:by|across|along)(?: (?:my|the))? (?:hair|arms?|neck|collar|clothes|legs?"
        r"|ears?|wrists?|floor|room)",
        r"(?:rough|violent|heavy[- ]handed|physical) (?:with|towards|to) me",
        not_before=_I_BEFORE,
        not_after=rf"(?:[^ ]+ ){{0,2}}(?:by (?:a |the |my |his |her )?{_ANIMAL}|{_SPORT})",
    ),
    _rule(
        "physical-abuse",
        CONCERN,
        r"(?:was|were|been|being|gets|got|getting) (?:hit|punched|kicked|slapped|smacked|beaten"
        r"|beaten up|beat up|battered|pushed|shoved|pinched|strangled|choked|stabbed|attacked"
        r"|assaulted|headbutted|whacked|thumped|dragged)",
        not_after=rf"(?:[^ ]+ ){{0,2}}(?:by (?:a |the |my |his |her )?{_ANIMAL}|{_SPORT})",
    ),
    # --- sexual abuse -------------------------------------------------------------------
    _rule(
        "sexual-abuse",
        URGENT,
        rf"touch(?:es|ed|ing)? {_ME}",
        r"touch(?:es|ed|ing)? (?:me )?(?:on |in )?my (?:private(?: parts| bits)?|bits|bum"
        r"|bottom|backside|breasts?|boobs?|chest|willy|penis|dick|vagina|fanny|crotch|groin"
        r"|genitals|body|down there)|touch(?:es|ed|ing)? (?:me )?(?:down there|between my legs)",
        r"(?:rape[ds]?|raping|rapped|sexually (?:abused|assaulted|abusing|assaulting)|molest"
        r"(?:s|ed|ing)?|grop(?:es|ed|ing)|interfered with) me",
        r"(?:made|make|makes|making|forced|force|forces|told|tells|asked|asks|wants|wanted) me"
        r" (?:to )?(?:take (?:off )?my clothes(?: off)?|undress|get undressed|get naked"
        r"|touch (?:him|her|his|them|it)|do (?:sex|sexual|rude|things)|have sex|suck"
        r"|kiss (?:him|her)|watch (?:porn|rude|dirty|sex)|look at (?:porn|rude|his|her))",
        r"(?:show(?:s|ed|ing)?|flash(?:es|ed|ing)?) (?:me |us )?(?:his|her|their) (?:private"
        r"(?: parts| bits)?|bits|willy|penis|dick|body|bum)",
        r"(?:sex|kiss(?:ed)?|cuddl(?:e|ed)) (?:with )?me (?:when|but|and) i (?:didn't|did not"
        r"|don't|do not|said no)",
        r"(?:put|puts|putting|stuck|sticks|shoved|shoves|slid|slides) (?:his|her|their) (?:hands?"
        r"|fingers?|thing|willy|penis|tongue)(?: [^ ]+){0,2} (?:(?:down|up|in|inside|into|under)"
        r" (?:my )?(?:trousers|pants|knickers|bra|top|shirt|skirt|dress|shorts|clothes|pyjamas"
        r"|underwear|nappy|pad)|(?:on|between) my (?:legs|thighs?|bum|bottom|breasts?|boobs?"
        r"|chest|private))",
        r"(?:does|did|doing|do) (?:rude|sex|sexual|dirty|private) (?:things|stuff) (?:to|with) me",
        r"(?:gets?|got|getting|climbs?|climbed) (?:in|into) (?:my )?bed (?:with me)?",
        r"touch(?:es|ed|ing)? (?:me|my [^ ]+)(?: [^ ]+){0,4} (?:i don't like|i didn't like"
        r"|i don't want|i didn't want|i said no|i told (?:him|her|them) to stop|uncomfortable)",
        r"(?:send|sends|sent|sending|show|shows|showed|showing)(?: me)? (?:pictures|photos|pics"
        r"|videos|a picture|a photo|a video)(?: [^ ]+){0,2} (?:of )?(?:his|her|their) (?:private"
        r"(?: parts| bits)?|bits|willy|penis|dick|body|bum|boobs)",
        r"(?:pictures|photos|pics|videos?|films?|filmed|filming|photographs?) (?:of )?me"
        r"(?: [^ ]+){0,3} (?:shower|bath|toilet|naked|undressed|getting changed|underwear"
        r"|no clothes)",
        r"(?:make|makes|made|making|force|forces|forced) (?:me|him|her) (?:to )?(?:sleep with"
        r"|have sex with|do stuff with|do things with|go with)",
        not_before=r"\b(?:it|this|that|which|really|deeply|truly|so|words|story|kindness"
        r"|letter|card|gesture)(?: [^ ]+)?",
        not_after=r"deeply|so much|a lot|greatly|emotionally|to check|to examine",
    ),
    _rule(
        "sexual-abuse",
        CONCERN,
        r"touch(?:es|ed|ing)? (?:him |her |them )?(?:on |in )?(?:his|her|their) (?:private"
        r"(?: parts| bits)?|bits|bum|bottom|breasts?|boobs?|chest|willy|penis|vagina|crotch"
        r"|genitals|down there)",
        r"rape[ds]?|raping|rapist|sexual(?:ly)? (?:abuse[ds]?|abusing|assault(?:ed)?|touching)"
        r"|molest(?:s|ed|ing|er)?|grop(?:e|es|ed|ing)|indecent(?:ly)? expos(?:ed|ure)",
        r"(?:rude|naked|nude|dirty|sexy|porn) (?:pictures|photos|pics|videos|messages|texts"
        r"|selfies)|nudes|porn",
    ),
    # --- emotional abuse ----------------------------------------------------------------
    _rule(
        "emotional-abuse",
        CONCERN,
        r"(?:shout|shouts|shouted|shouting|scream|screams|screamed|screaming|yell|yells|yelled"
        r"|yelling|swear|swears|swore|swearing|snap|snaps|snapped) at (?:me|him|her|them|us"
        rf"|{_POSS} {_FAMILY})",
        r"(?:call|calls|called|calling) (?:me|him|her|them|us) (?:names|stupid|thick|retard"
        r"|retarded|idiot|fat|ugly|useless|mong|spastic|spaz|dumb|a (?:retard|idiot|freak"
        r"|nutter|baby|liar|mong|spastic|spaz|burden|waste)|horrible names)",
        r"bully|bullies|bullied|bullying|picked on|pick on me|picks on me",
        r"(?:laugh|laughs|laughed|laughing) at (?:me|him|her|us)|make(?:s)? fun of (?:me|him|her)"
        r"|make(?:s)? fun of (?:the way|my|his|her|us)"
        r"|treat(?:s|ed|ing)? (?:me|him|her|us) like (?:a |an )?(?:dog|dirt|rubbish|animal|slave"
        r"|baby|child|nothing|idiot|piece of)"
        r"|(?:mock|mocks|mocked|mocking|tease|teases|teased|teasing|humiliat(?:e|es|ed|ing)"
        r"|belittl(?:e|es|ed|ing)) (?:me|him|her|us)",
        r"(?:threaten|threatens|threatened|threatening) (?:me|him|her|us|to)",
        r"(?:no one|nobody) (?:will|would) (?:believe|listen to) (?:me|you|him|her)",
        r"(?:shout|shouts|shouted|shouting|scream|screams|screamed|screaming|yell|yells|yelled"
        r"|yelling|swear|swears|swore|swearing|spit|spits|spat) (?:in|into) (?:my|his|her) face",
        r"(?:scared|afraid|frightened|terrified|petrified) of (?:him|her|them|(?:the |my |a )?"
        r"(?:staff|carers?|(?:support |night |day )?(?:workers?|staff)|night staff|manager"
        r"|men|man|people (?:there|here)|nurses?))",
        r"(?:emotional|verbal|psychological)(?:ly)? (?:abuse[ds]?|abusing|bullying)",
        r"(?:tell|tells|told|telling|say|says|said|saying) (?:me |him |her |us )?(?:that )?"
        r"(?:i'm|i am|i was|he's|he is|she's|she is|we're|we are|i'll never be) (?:a |so |too )?"
        r"(?:useless|stupid|thick|fat|ugly|worthless|burden|pathetic|waste|retarded|retard|freak"
        r"|disgusting|nothing|mad|crazy|liar|lazy|naughty|evil|nuisance)",
        r"(?:is|are|was|were|being|been|get|gets) (?:really |very |so |always )?"
        r"(?:bad|nasty|horrible"
        r"|mean|cruel|rough|aggressive|unkind|spiteful|vile|evil|abusive|violent) (?:to|with"
        r"|towards) (?:me|him|her|us|my [^ ]+)",
        r"(?:will|'ll|would|'d|going to|gonna) (?:put|send|lock|kick|throw|take) (?:me|him|her)"
        r" (?:in|into|away|out)(?: [^ ]+){0,4} if (?:i|he|she)",
        r"(?:say|says|said|tell|tells|told) (?:me )?(?:they|he|she)(?:'ll| will| would|'d)"
        r" (?:hurt|hit|punish|lock|send me away|leave me|stop my)",
        not_before=r"\b(?:anti|anti-)",
    ),
    _rule(
        "emotional-abuse",
        CONCERN,
        r"(?:makes?|made|making) (?:me|him|her) (?:cry|scared|frightened|feel (?:stupid|small"
        r"|worthless|useless|scared|frightened|like (?:rubbish|dirt|nothing|an idiot|a child"
        r"|a baby|a burden|a nuisance)))",
        not_before=r"\b(?:film|movie|book|song|story|programme|show|news|it|this|that|onions?"
        r"|ending|music)(?: [^ ]+){0,2}",
    ),
    # --- neglect ------------------------------------------------------------------------
    _rule(
        "neglect",
        CONCERN,
        r"(?:don't|doesn't|didn't|do not|does not|did not|never|not|ain't|can't|haven't|hasn't)"
        r" (?:get|gets|got|getting|have|has|had|given|give|gave|being given|been given|been)"
        r"(?: me| him| her| them)?(?: any| enough| no| my| his| her| their| proper| hot| a)?"
        r"(?: [^ ]+)? (?:food|fed"
        rf"|meals?|dinner|tea|breakfast|lunch|drinks?|water|{_MEDS})",
        r"(?:hungry|starving|starved|thirsty) (?:all the time|all day|every day|most days"
        r"|at night|a lot|all night)|(?:always|often|very|so|really|constantly)(?: [^ ]+){0,2}"
        r" (?:hungry|starving|thirsty)|(?:cold|freezing) (?:and|&) hungry|hungry (?:and|&) cold"
        r"|not enough (?:food|to eat|to drink|drinks?)|nothing to eat",
        r"no food (?:in the (?:house|flat|fridge|home)|at home|for (?:days|ages|hours)|all day"
        r"|today)",
        r"(?:haven't|have not|hasn't|has not|didn't|did not|not) (?:eaten|had (?:any )?"
        r"(?:food|anything to eat|a meal|dinner|water|a drink))(?: for| since| all| today)",
        r"(?:leave|leaves|leaving|left) (?:me |him |her |them )?(?:in|on|alone|on (?:my|his|her"
        r"|their) own)(?: [^ ]+){0,3}"
        r" (?:all night|all day|for hours|for days|for ages|overnight)",
        r"(?:wet|dirty|soiled|soaking|soaked) (?:pads?|nappies|nappy|clothes|sheets|bed|pants)",
        r"(?:pressure|bed) ?sores|(?:has|have|got|had|with) (?:bad |open )?sores|dehydrated"
        r"|malnourished",
        r"(?:sat|sit|sits|sitting|left|lying|lay|laid) in (?:his|her|their|my) own"
        r" (?:urine|wee|poo|mess"
        r"|faeces|feces|sick)",
        r"(?:no one|nobody|no-one) (?:ever |has |have |had )?(?:given|helps?|helped|comes?|came"
        r"|changes?|changed|washes"
        r"|washed|feeds?|fed|checks? on|checked on|answers?|answered|cleans?|cleaned)",
        r"(?:my|his|her|their) (?:clothes|bed|sheets|room|flat) (?:is|are|was|were) (?:always "
        r"|so |really |very )?(?:dirty|filthy|smelly|soiled|wet)",
        r"(?:not|never|haven't|hasn't|have not|has not) (?:been )?(?:washed|bathed|showered"
        r"|changed)|(?:can't|cannot|not allowed to|never) (?:have|get) a (?:wash|shower|bath)",
        r"(?:staff|they|carers?|nurses?|workers?) (?:just |always |often )?ignor(?:e|es|ed|ing)"
        r" (?:me|him|her|us)",
        r"no (?:heating|hot water|electric|electricity)|neglect(?:ed|s|ing)?",
        r"(?:go|goes|went|going|gone) without (?:any )?(?:food|meals?|eating|a meal|dinner"
        rf"|breakfast|lunch|drinks?|water|a wash|washing|{_MEDS}|help|care)",
        r"(?:carers?|staff|agency|they) (?:don't|didn't|never|do not|did not|often don't"
        r"|sometimes don't|keep not) (?:turn up|come|show up|arrive|visit)|missed (?:calls|visits)"
        r"|no[- ]shows?",
        r"(?:don't|doesn't|didn't|never|won't) (?:make|cook|give|get|bring|do) (?:me |him |her "
        r"|them )?(?:any |my |his |her |their )?(?:dinner|tea|lunch|breakfast|meals?|food"
        r"|a drink|drinks)|lost (?:loads of|a lot of|so much|too much) weight",
        r"only (?:get|gets|got|have|has|had|given) (?:one|1|a) (?:meal|drink|sandwich)",
        r"no clean (?:clothes|sheets|bedding|pads|underwear|towels)|(?:house|flat|room|bed|home"
        r"|place) (?:smells|stinks|is filthy|is dirty|is a mess)(?! of (?:cooking|baking"
        r"|flowers|food|paint|coffee))",
        rf"{_MEDS} (?:ran|run|runs|has run|had run) out|(?:nobody|no one) (?:sorted|fixed|did"
        r" anything|does anything|came|comes|cared|cares)",
        not_after=r"(?:or drink )?before (?:the|my|his|her|an?) (?:scan|operation|op|test"
        r"|procedure|surgery|anaesthetic)",
    ),
    _rule(
        "neglect",
        CONCERN,
        r"(?:forget|forgets|forgot|forgotten|forgetting|miss|missed|misses|ran out of"
        r"|run out of) (?:to give )?(?:me |him |her |them )?(?:my|his|her|their)(?: [^ ]+)?"
        rf" {_MEDS}",
        not_before=_I_BEFORE,
    ),
    # --- financial abuse -----------------------------------------------------------------
    _rule(
        "financial-abuse",
        CONCERN,
        r"(?:take|takes|took|taken|taking|steal|steals|stole|stolen|stealing|steel|nick|nicks"
        r"|nicked|keep|keeps|kept|keeping|use|uses|used|using|have"
        r"|has|had|got|hold|holds|control|controls|controlling|withdraw|withdrew|took out)"
        rf" (?:all )?(?:of )?(?:my|his|her|their|our|mum's|dad's) {_MONEY}",
        r"(?:never|don't|do not|can't|cannot|didn't) (?:see|get|have) (?:any of )?(?:my|his|her)"
        rf" (?:own )?{_MONEY}",
        r"(?:stole|stolen|steal|steals|stealing|nicked|robbed|rob|robs|robbing|ripped (?:me|him"
        r"|her) off|scammed|conned) (?:from )?(?:me|him|her|them|us|my (?:room|flat|purse"
        r"|wallet|bag|house))",
        r"borrow(?:s|ed|ing)? (?:money|cash)(?: [^ ]+){0,3} (?:never|don't|doesn't|didn't|not)"
        r" (?:pay|give)s? (?:it |me |them )?back",
        r"(?:won't|will not|don't|do not|never) (?:let|give) me (?:have )?(?:my )?(?:own )?"
        r"(?:money|cash|card|benefits)",
        r"(?:financial(?:ly)?|money) (?:abuse[ds]?|abusing|exploit(?:ed|ation))",
        r"(?:money|cash|card|bank card|purse|wallet|benefits|savings|pip)(?: [^ ]+){0,3}"
        r" (?:keeps? going missing|goes missing|went missing|gone missing|is missing|has gone"
        r"|is gone|keeps? disappearing|disappear(?:s|ed)?)",
        r"takes? (?:more|extra|too much) (?:money|rent|cash)|(?:make|makes|made|making) me pay"
        r"(?! attention)",
        r"(?:loans?|credit cards?|phone contracts?|debts?|catalogues?|accounts?) in (?:my|his|her)"
        r" name",
        r"pay for (?:their|there|his|her|the staff's|staff|the carers') (?:[^ ]+ )?(?:food|meals?"
        r"|dinner|shopping|petrol|drinks|cigarettes|things|stuff|bills?)",
        r"(?:my|his|her) (?:money|benefits|pip|pension|wages) (?:goes|go|went|gets paid|get paid"
        r"|is paid|are paid) (?:to|into) (?:my|his|her|their) [^ ]+",
        not_before=rf"{_I_BEFORE}|{_HELPED}",
    ),
    _rule(
        "financial-abuse",
        CONCERN,
        r"(?:have to|has to|made to|make me|makes me|made me|forced to|force me) (?:give|pay"
        r"|lend|hand over|buy)(?: [^ ]+){0,3} (?:money|cash|£|pounds|cigarettes|fags|drinks"
        r"|things|stuff)",
        r"(?:give|gives|giving|lend|lending|pay|paying) (?:him|her|them|my friend|my mate"
        r"|my neighbou?r) (?:my )?money (?:every|or|all the time|each)",
    ),
    _rule(
        "financial-abuse",
        CONCERN,
        rf"(?:spend|spends|spent|spending) (?:all )?(?:of )?(?:my|his|her|their|our) {_MONEY}",
        not_before=rf"{_I_BEFORE}|{_HELPED}|\bto",
    ),
    # --- exploitation --------------------------------------------------------------------
    _rule(
        "exploitation",
        CONCERN,
        r"(?:make|makes|made|making|get|gets|got|force|forces|forced|tell|tells|told|ask|asks"
        r"|asked) (?:me|him|her|them|us) (?:to )?(?:sell|carry|deliver|hold|hide|keep|drop off"
        r"|move|take|stash|look after|mind)(?: [^ ]+)? (?:drugs|stuff|things|packages|parcels"
        r"|bags|weed|money|phones?|knives|a knife|gear|items)",
        r"(?:make|makes|made|making|force|forces|forced) (?:me|him|her|them) (?:to )?(?:steal"
        r"|shoplift|nick|rob|work|beg|do crimes?|do things for)",
        r"county lines|cuckoo(?:ing|ed)|groom(?:ed|ing)|mate crime|modern slavery"
        r"|traffick(?:ed|ing)|(?:sexual|criminal) exploitation|exploit(?:s|ed|ing)? (?:me|him"
        r"|her|them)",
        r"(?:stay|stays|staying|stayed|live|lives|living|sleep|sleeps|sleeping|hang out"
        r"|hanging out|come|comes|came|coming|turn up|turns up|turned up|party|use|uses|using"
        r"|used|moved into) (?:at |in |into |to |round to |round |over to )?"
        rf"(?:my|his|her|their) {_PLACE}(?: [^ ]+){{0,4}} (?:won't|will not|don't|do not"
        r"|refuse to|never) (?:leave|go|let me)",
        r"(?:people|friends|lads|men|boys|they|strangers|dealers|them) (?:use|uses|used|using"
        rf"|took over|take over|have taken over) (?:my|his|her|their) {_PLACE} (?:for|to|as)",
        r"(?:online|internet|facebook|snapchat|instagram|tiktok|whatsapp|on (?:the )?xbox"
        r"|on my phone)(?: [^ ]+){0,8} (?:asked|asks|wants|wanted|told|tells|makes|made) (?:me )?"
        r"(?:to send |for )?(?:[^ ]+ )?(?:pictures|photos|pics|nudes|money|videos|bank details"
        r"|card details)",
        r"(?:asked|asks|wants|wanted|told|tells|made|makes|ask) me (?:to )?send (?:him |her "
        r"|them )?(?:[^ ]+ )?(?:pictures|photos|pics|nudes|naked|money|videos|my bank|my card)",
        r"(?:don't|doesn't|never|didn't|won't|do not|does not|did not) pay (?:me|him|her|us)",
        r"(?:take|took|taken|keep|keeps|kept|have|has) (?:my|his|her) (?:passport|id|documents"
        r"|bank details)",
        r"(?:give|send|tell)(?: him| her| them)? (?:my|his|her) (?:bank details|card details|pin"
        r"|password|passport|bank card|account details)",
        r"(?:use|uses|used|using) (?:me|him|her) (?:to|for|as)",
        r"scam(?:s|med|mer|mers)?|said i (?:had |have )?won",
        r"(?:have to|made to|make me|makes me|made me|got to) (?:work|sell|deal|run|deliver)"
        r"(?: [^ ]+){0,2} for (?:them|him|her|the lads|the men|those)"
        r"|(?:gave|give|gives|giving) (?:me|him|her) (?:free )?(?:drugs|weed|gear)",
        r"(?:sleep with|have sex with|do (?:stuff|things) with)(?: [^ ]+){0,3} (?:for money"
        r"|for drugs|for (?:a )?place to stay|for cash)",
        r"(?:say|says|said|tell|tells|told) (?:me |him |her )?(?:that )?(?:i|he|she)"
        r" (?:owe|owes|owed) (?:them|him|her|money)|free (?:stuff|things|drugs|weed|phones?"
        r"|trainers|clothes|money)(?: [^ ]+){0,6} (?:owe|pay (?:it |them )?back|work it off)",
        not_before=_I_BEFORE,
    ),
    # --- restrictive practice ------------------------------------------------------------
    _rule(
        "restrictive-practice",
        CONCERN,
        r"lock(?:s|ed|ing)? (?:me|him|her|them|us) (?:in|inside|up|out|away)",
        r"(?:locked|shut) (?:in|inside|up|away)(?: in)? (?:my|his|her|their|the|a) (?:room"
        r"|bedroom|flat|house|unit|ward|cell)|(?:me|him|her|them|us|i|he|she|we) (?:was |were "
        r"|am |is |are |get |gets |got |been |being )?(?:locked|shut) (?:in|inside|up|away)",
        r"restrain(?:s|ed|ing|t|ts)?",
        r"(?:held|hold|holds|holding|pinned|pin|pins|pinning|pushed) (?:me|him|her|them|us)"
        r" (?:down|to the floor|on the floor|against the wall|face down)",
        r"(?:sat|sit|sits|sitting|knelt|kneel|kneeling|lay|lying) on (?:me|him|her|them|my (?:back"
        r"|chest|legs|arms))|(?:prone|face down) (?:restraint|hold|position)",
        r"seclu(?:sion|ded)|segregat(?:ion|ed)|time ?out room|isolation room",
        r"(?:tie|ties|tied|tying|strap|straps|strapped|strapping|handcuff(?:s|ed)?|cuff(?:s|ed)?)"
        r" (?:me|him|her|them)(?: [^ ]+)? (?:to|up|down|in)",
        r"(?:give|gives|gave|given|giving|inject|injects|injected|injecting|force|forces|forced"
        r"|jab|jabbed) (?:me|him|her|them)(?: [^ ]+){0,4} (?:to|so|when|because|till|until)"
        r" (?:[^ ]+ )?(?:calm|control|quiet|settle|shut|sleep|stop|sedate)",
        r"chemical restraint|sedated|sedating|drugged|over[- ]?medicat(?:ed|ion|ing)"
        rf"|too (?:much|many) (?:{_MEDS}|sedatives?)",
        r"(?:not allowed|n't allowed|never allowed|won't let (?:me|him|her)|will not let (?:me|him"
        r"|her)|don't let (?:me|him|her)|stops? (?:me|him|her)(?: from)?|stopped (?:me|him|her)"
        r"(?: from)?) (?:to )?(?:go(?:ing)? )?(?:out(?:side)?|leave|leaving|see (?:my|his|her)"
        r" (?:family|friends|mum|dad|mam|boyfriend|girlfriend|partner|kids|children)"
        r"|seeing (?:my|his|her) (?:family|friends|mum|dad)|use (?:my|his|her|the) phone"
        r"|have (?:my|his|her) (?:phone|tablet|ipad|money)|have (?:any )?money|spend|ring|phone"
        r"|go to the toilet|toilet|eat|have a drink|drink|sleep|wash|have a bath|have a shower"
        r"|get up|get out of bed"
        r"|call|talk to|speak to|visit)",
        r"(?:won't|will not|doesn't|does not|never) let (?:my|his|her) (?:mum|dad|wife|husband"
        r"|partner|mam|mom|son|daughter|brother|sister) (?:have|get|see|go|use|spend|keep)",
        r"(?:take|takes|took|taken|taking|confiscate(?:s|d)?) (?:away )?(?:my|his|her|their)"
        r" (?:phone|mobile|tablet|ipad|laptop|tv|telly|things|stuff|belongings)",
        r"(?:take|takes|took|taken|taking) (?:my|his|her|their) [^ ]+ away|(?:take|takes|took"
        r"|taken) away (?:my|his|her|their)",
        r"lock(?:s|ed|ing)? (?:the |my |his |her )?(?:fridge|kitchen|cupboards?|food|snacks"
        r"|drinks)",
        r"(?:stay|stays|staying|kept|keep|put|sit|sits|sat|left) (?:me |him |her |them )?in"
        r" (?:the |a )?(?:quiet room|calm room|sensory room|time ?out room|side room"
        r"|seclusion room|low stim(?:ulus)? room|my room|his room|her room|bedroom)(?: [^ ]+){0,2}"
        r" (?:for hours|all day|for (?:a )?long time|on (?:my|his|her) own|as (?:a )?punishment)",
        r"mittens|arm splints|(?:put|puts|putting) (?:a )?(?:harness|lap belt|splints|gloves) on",
        r"check(?:s|ed|ing)? (?:my|his|her) (?:phone|messages|texts)",
        r"(?:keep|keeps|kept|keeping|confine|confines|confined) (?:me|him|her|them) (?:in|inside)"
        r" (?:my|his|her|their|the|a) (?:room|bedroom|flat|bed|chair|wheelchair)",
        r"(?:put|puts|putting|shut|shuts) (?:me|him|her|them) in (?:a |the |my |his |her |their )?"
        r"(?:[^ ]+ )?(?:room|bedroom|cell|cupboard)(?: on (?:my|his|her|their) own| alone)",
        r"(?:get|gets|got|given|give|gives|gave)(?: [^ ]+){0,2} (?:a |an )?(?:jab|injection"
        r"|sedative|prn|lorazepam|diazepam|haloperidol)(?: [^ ]+){0,3} (?:when|if|because|after)"
        r" (?:i|he|she|they) (?:get|gets|got|am|is|was|are|kick|kicks|kicked|play|plays|shout"
        r"|scream|upset|angry|cross|agitated|distressed)",
        not_before=r"\b(?:reduc(?:e|es|ed|ing|tion)|less|minimi[sz](?:e|ing)|training|policy"
        r"|no|without|avoid(?:ing)?|fewer|stop using)(?: [^ ]+){0,3}",
        not_after=r"(?:reduction|training|policy|network|figures|data)\b|on (?:spending|costs"
        r"|budgets?|pay|wages|prices)|(?:[^ ]+ )?before (?:the|my|his|her|an?) (?:scan|operation"
        r"|op|test|blood test|procedure|surgery|anaesthetic)"
        r"|for (?:my |our |his |her )?(?:privacy|safety)",
    ),
    _rule(
        "restrictive-practice",
        CONCERN,
        r"lock(?:s|ed|ing)? (?:my|his|her|their|the) (?:bedroom |room |front |flat |bathroom )?"
        r"doors?",
        not_before=r"\b(?:i|we)(?: (?:can|could|always|usually|like to|sometimes|then|also"
        r"|just))*",
        not_after=r"for (?:my |our |his |her )?(?:privacy|safety)",
    ),
    # --- domestic abuse (see also _check: abuse by a partner or relative) ------------------
    _rule(
        "domestic-abuse",
        CONCERN,
        r"domestic (?:abuse|violence)"
        r"|(?:coercive|controlling) (?:behaviou?r|control|relationship)",
        r"(?:scared|afraid|frightened|terrified|petrified) (?:to go|of going) (?:back )?home",
        r"(?:scared|afraid|frightened|terrified|petrified) (?:of|to be (?:at home )?with) (?:my )?"
        r"(?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|step ?dad|mum|mam|mother"
        r"|step ?mum|brother|sister|uncle|son|daughter|family)",
    ),
    # --- harm to others ------------------------------------------------------------------
    _rule(
        "harm-to-others",
        URGENT,
        r"(?:i|i'm|i am|i'll|i will|i'd|i would|i want to|i feel like|i could|i might"
        r"|i'm going to|i am going to)(?: [^ ]+){0,2} (?:kill|killing|stab|stabbing|shoot"
        rf"|shooting|strangle|strangling|murder|murdering|burn) {_PEOPLE}",
        rf"(?:wants?|going|threaten(?:s|ed|ing)?) to (?:kill|stab|shoot) {_PEOPLE}",
        r"(?:i|i'm|i'll|i will|i want to|i'm going to|i am going to)(?: [^ ]+){0,2} (?:set fire"
        r"|burn (?:[^ ]+ ){0,2}down|set (?:[^ ]+ ){0,2}on fire)",
    ),
    _rule(
        "harm-to-others",
        CONCERN,
        r"(?:i|i'm|i am|i'll|i will|i'd|i would|i want to|i feel like|i could|i might|i've"
        r"|i have|i'm going to|i am going to)(?: [^ ]+){0,2} (?:hurt|hurting|hit|hitting|punch"
        r"|punching|attack|attacking|smash|batter|beat|beating|kick|kicking|bite|biting"
        rf"|slap|slapping|push|pushing)(?: up)? {_PEOPLE}",
        r"(?:attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|lash(?:es|ed|ing)? out at|hurt(?:s|ing)?"
        r"|hit(?:s|ting)?|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|bit(?:e|es|ing)?|headbutt"
        r"(?:s|ed|ing)?|scratch(?:es|ed|ing)?|strangl(?:e|es|ed|ing)) (?:other|another"
        r"|the other|fellow) (?:residents?|patients?|people|children|kids|pupils|service users?"
        r"|tenants?|clients?|person)",
        r"(?:carry|carries|carrying|has|had|got|keeps?|bring|brought|brings) (?:a |his |her )?"
        r"(?:knife|knives|blade|weapon|gun|machete)",
        r"(?:smash|punch|kick|bash|cave) (?:his|her|their|your|someone's) (?:face|head|teeth)",
        r"(?:i|i've|i have)(?: [^ ]+){0,2} (?:hurt|hurting|kick|kicked|kicking|hit|hitting"
        r"|strangled|squeezed|threw|throw|drowned|burnt) (?:the |my |a )?(?:cat|dog|pet|kitten"
        r"|puppy|rabbit|hamster|animals?)",
        r"(?:attack|attacks|attacked|attacking|hit|hits|hitting|punch|punches|punched|punching"
        r"|kick|kicks|kicked|kicking|bit|bites|bite|biting|headbutt|headbutts|headbutted|hurt"
        r"|hurts|hurting|assault|assaults|assaulted|scratch|scratches|scratched|slap|slaps"
        r"|slapped|push|pushes|pushed) (?:a |another |the |other )?(?:member of staff|staff"
        r"|staff members?|carers?|nurses?|teachers?|residents?|patients?|pupils?|strangers?"
        r"|(?:his|her|their) (?:sister|brother|mum|dad|carer|teacher|nan|gran))",
    ),
    # --- unspecified abuse, or not feeling safe ------------------------------------------
    _rule(
        "abuse",
        URGENT,
        r"(?:abus(?:e|es|ed|ing)|is abusing|are abusing) me",
        r"(?:does|did|doing|do) (?:[^ ]+ )?(?:things|stuff) to me",
        not_before=_I_BEFORE,
    ),
    _rule(
        "abuse",
        CONCERN,
        r"abus(?:e|es|ed|ing|ive)",
        r"(?:don't|do not|never|not|doesn't|didn't|no longer) feel safe|feel(?:s|ing)? not safe"
        r"|(?:feel|feels|feeling|felt|am|i'm|is|he's|she's) (?:so |really |very )?unsafe"
        r"|not safe (?:at|in|here|there|with)",
        r"(?:scared|afraid|frightened|terrified|petrified)(?: [^ ]+){0,2} (?:all the time|every"
        r" day|every night)|(?:scared|frightened|afraid|terrified) (?:in|at) (?:this|the|my)"
        r" (?:house|home|flat|place)",
        r"(?:please help(?: me| us)?|help me please|someone help me|i need help)"
        r"(?= ?(?:[.!?\n]|$))",
        r"(?:don't|do not|never) want to go back (?:there|to (?:the|that|my) (?:house|home|place"
        r"|centre|unit|ward|school|college|flat))",
        r"(?:won't|wouldn't|would not|will not|couldn't|could not|can't|cannot) (?:tell|explain"
        r"|say)(?: me| us)? (?:what|how) (?:happened|it happened)",
        r"keep (?:it|this|that) (?:a )?secret|our (?:little )?secret|(?:don't|do not|not to)"
        r" tell (?:anyone|anybody|no one|your (?:mum|dad|family|carer)|mum|dad|staff)",
        not_before=r"\b(?:substance|drugs?|alcohol|solvent|gas|drink|sexual|sexually|financial"
        r"|financially|domestic|emotional|verbal|psychological|physical|physically|child|elder"
        r"|racial|online|report|reporting|safeguarding)",
        not_after=r"(?:of )?(?:the )?(?:parking|disabled|blue badge|bays?|spaces?|system|rules"
        r"|process)|(?:awareness|training|policy|procedures?|course|prevention)\b",
    ),
)


# --------------------------------------------------------------------- training data
# Realistic texts for training the tagger's model on this screen; benign look-alikes are "none".
SAFEGUARDING_TRAINING_EXAMPLES: list[tuple[str, str]] = [
    # self-harm
    ("i cut my arms when i get upset", "self-harm"),
    ("I keep hurting myself and nobody knows", "self-harm"),
    ("my daughter has started self harming again since her respite was stopped", "self-harm"),
    ("he bangs his head on the wall until it bleeds when staff leave him on his own", "self-harm"),
    ("i burnt myself with a lighter last night", "self-harm"),
    ("sometimes i scrach my skin til it bleeds", "self-harm"),
    # suicide
    ("i want to die", "suicide"),
    ("i dont want to be alive anymore", "suicide"),
    ("I have been thinking about killing myself", "suicide"),
    ("i wanna kil myself", "suicide"),
    (
        "my son told me he wants to end his life and the crisis team never called us back",
        "suicide",
    ),
    ("wish i was dead", "suicide"),
    ("im going to take all my tablets tonight", "suicide"),
    # physical abuse
    ("he hits me", "physical-abuse"),
    ("staff hit me when i dont listen", "physical-abuse"),
    ("the carer slaped me", "physical-abuse"),
    ("my support worker pushed me and i fell over", "physical-abuse"),
    ("someone hurts me at the house", "physical-abuse"),
    (
        "We found bruises on his arms after he came back from the unit and nobody could "
        "explain them",
        "physical-abuse",
    ),
    ("they kick me", "physical-abuse"),
    # sexual abuse
    ("he touched me where i didnt want", "sexual-abuse"),
    ("a man at the day centre touches my private parts", "sexual-abuse"),
    ("he made me take my clothes off", "sexual-abuse"),
    (
        "My daughter told me a member of staff touched her bum and asked her to keep it a secret",
        "sexual-abuse",
    ),
    ("someone raped me", "sexual-abuse"),
    ("he makes me watch rude videos", "sexual-abuse"),
    # emotional abuse
    ("staff shout at me all the time", "emotional-abuse"),
    ("they call me stupid and laugh at me", "emotional-abuse"),
    ("my carer swears at me and says no one will believe me", "emotional-abuse"),
    ("the other people in the house bully me", "emotional-abuse"),
    ("she threatens to send me away if i tell", "emotional-abuse"),
    ("i am scared of the night staff", "emotional-abuse"),
    # neglect
    ("i dont get food", "neglect"),
    ("nobody helps me wash and my clothes are dirty", "neglect"),
    ("they forget my tablets", "neglect"),
    ("my brother was left in wet pads all night and now he has sores", "neglect"),
    ("i am hungry all the time at the home", "neglect"),
    ("no one comes when i press the buzzer", "neglect"),
    (
        "Mum has not been given her epilepsy medication for three days because the agency "
        "did not send anyone",
        "neglect",
    ),
    # financial abuse
    ("they take my money", "financial-abuse"),
    ("my nephew has my bank card and i never see my benefits", "financial-abuse"),
    ("staff use my money to buy there own things", "financial-abuse"),
    ("someone stole my money from my room", "financial-abuse"),
    ("i have to give my friend money every week or he gets angry", "financial-abuse"),
    # exploitation
    ("my new friends stay at my flat and wont leave", "exploitation"),
    ("they make me carry parcels for them", "exploitation"),
    ("a man online asked me to send pictures and money", "exploitation"),
    ("some lads make me sell stuff for them", "exploitation"),
    ("they make me work and dont pay me", "exploitation"),
    ("people use my flat for drugs", "exploitation"),
    # restrictive practice
    ("they lock my door at night", "restrictive-practice"),
    ("staff held me down on the floor", "restrictive-practice"),
    ("they give me an injection to calm me down", "restrictive-practice"),
    ("i am not allowed out of my room", "restrictive-practice"),
    ("He was restrained by four staff and then put in seclusion", "restrictive-practice"),
    ("they take my phone away so i cant ring my mum", "restrictive-practice"),
    # domestic abuse
    ("my husband hits me when he is drunk", "domestic-abuse"),
    ("my boyfriend wont let me see my friends and checks my phone", "domestic-abuse"),
    ("my partner said he will kill me if i leave", "domestic-abuse"),
    ("i am scared to go home because of my dad", "domestic-abuse"),
    ("my girlfriend takes my money and hits me", "domestic-abuse"),
    # harm to others
    ("i want to hurt the staff", "harm-to-others"),
    ("i will kill him", "harm-to-others"),
    (
        "my son has been attacking other residents and they just write it in a log",
        "harm-to-others",
    ),
    ("i feel like stabbing someone", "harm-to-others"),
    ("sometimes i hit my mum when i get angry", "harm-to-others"),
    # unspecified abuse / feeling unsafe
    ("i dont feel safe here", "abuse"),
    ("someone is abusing me", "abuse"),
    # benign: must not be flagged
    ("the health check didn't hurt", "none"),
    ("the blood test hurt a bit but the nurse was kind", "none"),
    ("I like going to the day centre", "none"),
    ("staff are kind and help me cook", "none"),
    ("we need more easy read letters", "none"),
    ("The parking at the hospital is terrible and people abuse the disabled bays", "none"),
    ("my feet are killing me after the walk", "none"),
    ("I'd kill for a cup of tea", "none"),
    ("the injection did not hurt me", "none"),
    ("I lock my door at night for privacy and staff respect that", "none"),
    ("my mum takes me shopping with my money and helps me budget", "none"),
    ("The suicide prevention training for staff was really good", "none"),
    ("I was dying to see my friends again", "none"),
    ("my carer helps me take my tablets every morning", "none"),
    ("the noise hurts my ears", "none"),
    ("we had a laugh at the disco", "none"),
    ("my brother shouted because he scored a goal", "none"),
    ("I hit the ball really far at cricket", "none"),
    ("I want to move to my own flat", "none"),
    ("the food at the hospital was cold", "none"),
    ("My son's support worker takes him swimming on Tuesdays and he loves it", "none"),
    ("we need more respite, I am a tired carer but we are coping", "none"),
    ("the doctor touched my tummy to check it and she explained first", "none"),
    ("I want to dye my hair pink", "none"),
    ("I'm not allowed to eat before my operation", "none"),
    (
        "The meeting about reducing restrictive practice was useful and they want to use "
        "less restraint",
        "none",
    ),
    ("he gets money from his benefits each week and spends it on football", "none"),
    ("I take my medication to help me sleep", "none"),
    ("my sister hurt her leg playing football", "none"),
    ("I was scared of the dentist but it was fine", "none"),
    ("The staff locked the office when they went home", "none"),
]
