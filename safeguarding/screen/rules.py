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
- Some contexts make a phrase *ambiguous*, not harmless: a joke ("mum will kill me when she
  sees the mess lol"), an event long over and dealt with, an injury a GP checked, a procedure
  ("insulin withheld, BM 3.1"), money held with the person's agreement, a parent's ordinary
  discipline, a complaint in strong words. There the hit is kept as a *soft* hit
  (``screen_with_hints``): it counts only when the classifier, reading the whole text, also
  leans towards harm (``screening.py``), and never as urgent on its own. A "real" marker
  anywhere in the text (a weapon, an injury, fear, "not joking", "again now") reads the phrase
  literally again. Contexts are data: ``[[soft]]`` in ``rules.toml``.

Severity is ``urgent`` for immediate risk (suicidal intent, self-harm by the writer, someone
hurting or sexually abusing the writer, a threat to kill) and ``concern`` for everything else.
``screen`` returns one ``Concern`` per category, the most severe (then earliest) phrase first.

Cost is linear, about 1 ms per KB (a 5 KB carer answer takes ~5 ms; a hostile megabyte 1-2
s), which is fine for the background task; no pattern can backtrack catastrophically.

The phrases themselves (building blocks, rules, exclusions, spellings, what counts as
household) are data: ``safeguarding/data/rules.toml``. This module is only the engine that
reads them. Pure Python (no Django).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

URGENT = "urgent"
CONCERN = "concern"
RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "rules.toml"
_BLOCK_RE = re.compile(r"\{([A-Z][A-Z_]*)\}")


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    """Insert ``{NAME}`` blocks; an unknown name is a mistake in the data file, so it fails."""
    return _BLOCK_RE.sub(lambda m: blocks[m.group(1)], pattern)


def _load(path: Path = RULES_FILE) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    blocks: dict[str, str] = {}
    for name, pattern in data["blocks"].items():  # in file order: later blocks use earlier
        blocks[name] = _expand(pattern, blocks)
    data["blocks"] = blocks
    return data


_DATA = _load()
CATEGORIES: tuple[str, ...] = tuple(_DATA["context"]["categories"])


@dataclass(frozen=True, slots=True)
class Concern:
    """A possible disclosure: what kind, the (normalised) words that matched, how urgent."""

    category: str
    phrase: str
    severity: str


def screen(text: str) -> list[Concern]:
    """Possible disclosures in ``text``: one per category, urgent first, then by position.

    Only the rules' own verdicts: soft hits (see ``screen_with_hints``) are left out."""
    return screen_with_hints(text)[0]


def screen_with_hints(text: str) -> tuple[list[Concern], list[Concern]]:
    """``(concerns, soft)``: the rules' verdicts, and the hits an ambiguous context softened.

    A soft hit is one per category the concerns do not already hold, always ``concern``: the
    phrase is there, but a joke, a resolved past, a professional's check, a procedure, an
    agreement or a complaint's strong words make it unclear (``[[soft]]`` in rules.toml).
    """
    norm = normalise(text)
    if not norm.strip():
        return [], []
    hay = " " + norm  # every pattern starts on one non-letter: see _rule()
    bounds = [m.end() for m in _SENTENCE_END_RE.finditer(norm)]
    household = _HOUSEHOLD_RE.search(norm) is not None
    paid_staff = _STAFF_RE.search(norm) is not None
    best: dict[str, tuple[int, int, Concern]] = {}  # category -> (rank, position, concern)
    soft: dict[str, tuple[int, Concern]] = {}  # category -> (position, concern)
    literal: dict[str, bool] = {}  # soft context id -> a "real" marker is in the text

    def nothing_left_for(rule: _Rule) -> bool:
        """Nothing later in the text can change this rule's contribution: stop scanning."""
        done = rule.category in best and (best[rule.category][0] == 0 or rule.severity == CONCERN)
        if rule.category in _DOMESTIC_KINDS and household:
            done = done and "domestic-abuse" in best
        if rule.category in _STAFF_KINDS and paid_staff:
            done = done and ORGANISATIONAL in best
        return done

    def softened(rule: _Rule, start: int, phrase: str) -> bool:
        """The phrase sits in an ambiguous context and nothing in the text reads it literally."""
        contexts = _SOFT_BY_RULE.get(rule.id)
        if not contexts:
            return False
        i = bisect_right(bounds, start)
        for ctx in contexts:
            j = i + ctx.sentences_after
            window = norm[bounds[i - 2] if i > 1 else 0 : bounds[j] if j < len(bounds) else None]
            if ctx.phrase is not None and not ctx.phrase.search(phrase):
                continue
            if ctx.phrase_not is not None and ctx.phrase_not.search(phrase):
                continue
            if not all(p.search(window) for p in ctx.near):
                continue
            if ctx.id not in literal:
                literal[ctx.id] = ctx.unless.search(norm) is not None
            if not literal[ctx.id]:
                return True
        return False

    for rule in _RULES:
        if nothing_left_for(rule):
            continue
        for m in rule.pattern.finditer(hay):
            start, end = m.start("m") - 1, m.end("m") - 1
            found = _check(rule, norm, start, end, bounds)
            if found and softened(rule, start, found[0].phrase):
                for concern in found:
                    if concern.category not in soft or start < soft[concern.category][0]:
                        soft[concern.category] = (
                            start,
                            Concern(concern.category, concern.phrase, CONCERN),
                        )
                continue
            for concern in found:
                key = (0 if concern.severity == URGENT else 1, start)
                if concern.category not in best or key < best[concern.category][:2]:
                    best[concern.category] = (*key, concern)
            if nothing_left_for(rule):
                break
    concerns = [c for _, _, c in sorted(best.values(), key=lambda v: (v[0], v[1]))]
    hints = [c for cat, (_, c) in sorted(soft.items(), key=lambda kv: kv[1][0]) if cat not in best]
    return concerns, hints


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

# Misspellings and shorthands people use, rewritten so the phrase rules stay readable.
_SPELLINGS: dict[str, str] = dict(_DATA["spellings"])
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


# Only ever *downgrades* urgent to concern (see the module docstring).
_NEGATION_RE = re.compile(_DATA["context"]["negation"])
_PAST_RE = re.compile(_DATA["context"]["past"])
# Fear of a person, and who counts as household for domestic abuse.
_HOUSEHOLD_RE = re.compile(_DATA["context"]["household"])
_DOMESTIC_KINDS = frozenset(_DATA["context"]["domestic_kinds"])
# Paid staff or a service: harm by them is organisational abuse too.
_STAFF_RE = re.compile(_DATA["context"]["paid_staff"])
_STAFF_KINDS = frozenset(_DATA["context"]["staff_kinds"])
ORGANISATIONAL = "organisational-abuse"
# ----------------------------------------------------------------------------- checking

_SENTENCE_END_RE = re.compile(r"[.!?;\n]+")
_LAST_WORDS_RE = re.compile(r"(?:[^ ]+ ){0,4}$")
# Only the clause the phrase is in counts: "last year was fine but now i want to die".
_CLAUSE_BREAK_RE = re.compile(r",| but | and now | now | until | then ")


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
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
    if rule.category in _STAFF_KINDS and _STAFF_RE.search(before):
        found.append(Concern(ORGANISATIONAL, phrase, severity))
    return found


def _rule(
    rule_id: str,
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
        rule_id,
        category,
        severity,
        re.compile(rf"[^a-z'](?=[a-z])(?P<m>{body})(?![a-z])"),
        re.compile(rf"(?:{not_before})$") if not_before else None,
        re.compile(rf" ?(?:{not_after})") if not_after else None,
    )


def _rules_from(data: dict) -> tuple[_Rule, ...]:
    blocks = data["blocks"]
    rules = []
    for spec in data["rule"]:
        if spec["category"] not in CATEGORIES or spec["severity"] not in (URGENT, CONCERN):
            raise ValueError(f"rules.toml: bad category or severity in {spec!r:.80}")
        rules.append(
            _rule(
                spec["id"],
                spec["category"],
                spec["severity"],
                *(_expand(p, blocks) for p in spec["phrases"]),
                not_before=_expand(spec["not_before"], blocks) if "not_before" in spec else None,
                not_after=_expand(spec["not_after"], blocks) if "not_after" in spec else None,
            )
        )
    return tuple(rules)


_RULES: tuple[_Rule, ...] = _rules_from(_DATA)


@dataclass(frozen=True, slots=True)
class _Soft:
    """A context that makes a rule's phrase ambiguous (``[[soft]]`` in rules.toml)."""

    id: str
    rules: frozenset[str]
    near: tuple[re.Pattern[str], ...]  # each in the phrase's sentence, the one before or after
    sentences_after: int  # how many sentences after the phrase's own ``near`` may look at
    unless: re.Pattern[str]  # anywhere in the text: read the phrase literally after all
    phrase: re.Pattern[str] | None  # only phrases with these words are softened
    phrase_not: re.Pattern[str] | None  # phrases with these words never are


def _soft_from(data: dict) -> tuple[_Soft, ...]:
    blocks = data["blocks"]
    known = {spec["id"] for spec in data["rule"]}
    out = []
    for spec in data.get("soft", []):
        if not set(spec["rules"]) <= known:
            raise ValueError(f"rules.toml: soft context {spec['id']} names an unknown rule")
        out.append(
            _Soft(
                spec["id"],
                frozenset(spec["rules"]),
                tuple(re.compile(_expand(p, blocks)) for p in spec["near"]),
                int(spec.get("sentences_after", 1)),
                re.compile(_expand(spec["unless"], blocks)),
                re.compile(_expand(spec["phrase"], blocks)) if "phrase" in spec else None,
                re.compile(_expand(spec["phrase_not"], blocks)) if "phrase_not" in spec else None,
            )
        )
    return tuple(out)


SOFT_CONTEXTS: tuple[_Soft, ...] = _soft_from(_DATA)
_SOFT_BY_RULE: dict[str, tuple[_Soft, ...]] = {
    rule_id: tuple(c for c in SOFT_CONTEXTS if rule_id in c.rules)
    for rule_id in {r for c in SOFT_CONTEXTS for r in c.rules}
}
# A soft hit counts when the classifier's harm score reaches this share of its own threshold.
SOFT_MODEL_SHARE: float = float(_DATA["context"]["soft_hit_model_share"])


@dataclass(frozen=True, slots=True)
class _Settled:
    """A text-wide context in which a flag by the model alone needs a confident score
    (``[[settled]]`` in rules.toml): the writer says the arrangement was agreed or chosen, or a
    past event was dealt with, and nothing in the text says otherwise."""

    id: str
    near: tuple[re.Pattern[str], ...]  # each anywhere in the text
    unless: re.Pattern[str]  # anywhere in the text: not settled after all


def _settled_from(data: dict) -> tuple[_Settled, ...]:
    blocks = data["blocks"]
    return tuple(
        _Settled(
            spec["id"],
            tuple(re.compile(_expand(p, blocks)) for p in spec["near"]),
            re.compile(_expand(spec["unless"], blocks)),
        )
        for spec in data.get("settled", [])
    )


SETTLED_CONTEXTS: tuple[_Settled, ...] = _settled_from(_DATA)
# In a settled context a model-only flag (or a soft hit) needs this harm score (screening.py).
SETTLED_MODEL_FLOOR: float = float(_DATA["context"]["settled_model_floor"])
# A concern-level rule verdict (no urgent rule fired) needs this harm score (screening.py).
CONCERN_RULE_MODEL_FLOOR: float = float(_DATA["context"]["concern_rule_model_floor"])


def settled_context(text: str) -> str | None:
    """The id of the first ``[[settled]]`` context the whole text is in, or None."""
    found = settled_reading(text)
    return found[0] if found else None


def settled_reading(text: str) -> tuple[str, str] | None:
    """The first ``[[settled]]`` context the whole text is in, with the rest of the text: its
    sentences that carry none of the context's words (normalised; "" when every one does).

    The context settles only what it is about. An embedded disclosure beside it ("Thanks for
    the easy read about flu jabs. My friend went off with a man from the internet and is not
    back") is in the rest, so the screen reads the rest on its own (``screening.py``).
    """
    norm = normalise(text)
    for ctx in SETTLED_CONTEXTS:
        if all(p.search(norm) for p in ctx.near) and not ctx.unless.search(norm):
            rest = [
                sentence.strip()
                for sentence in _SENTENCE_END_RE.split(norm)
                if sentence.strip() and not any(p.search(sentence) for p in ctx.near)
            ]
            return ctx.id, ". ".join(rest)
    return None
