"""Redact personal identifiers from free text before it is quoted to collaboratives or insight.

Feedback here is special-category health data from people with a learning disability and/or
autism, family carers and children. A quote must never reveal who wrote it or who they talk
about, so every rule leans towards over-redaction: a lost word costs less than a leaked name.
Pure Python (no Django) so services, Celery tasks and insight share exactly one implementation.

What is replaced, in this order (each stage sees the placeholders of the ones before):

``[email]``          addresses, including odd but valid local parts.
``[handle]``         social-media handles ("@name99"): an "@" and a name with a letter in it.
``[date of birth]``  any date next to "born", "DOB", "date of birth" or "birthday", even
                     without a year ("born on 3rd March"), and a year straight after "born",
                     "born in", "DOB", "year of birth" or "b." ("(b. 1972)").
``[date]``           any *other* full date whose year is 1900..this year, or a two-digit
                     year (12/03/1985, 1985-03-12, "3rd March 1990", "March 3, 1990"): in a
                     quote a full past date is more likely identifying than useful. Plain
                     years ("in 2023"), month-only mentions and future dates are kept.
``[NHS number]``     10 digits (any spacing) passing the modulus 11 check, not starting 0.
``[phone]``          UK numbers: 0 + 9/10 digits in any grouping (07.., 0116.., 01572..,
                     "(0116) 123 4567"), +44/0044 forms, and 6-9 digit local numbers right
                     after "call", "ring", "tel", "number"... Help lines people mention
                     (999, 111, 116 123, Childline...) are kept. The letter O typed among
                     digits counts as a zero ("07O00 900123").
``[number]``         any other run of 8+ digits (a mistyped NHS number, a bank account), or
                     6+ digits with up to three letters glued on ("S1234567": hospital and
                     other reference numbers); not times or year ranges ("10.30-11.30").
``[postcode]``       full UK postcodes with real area codes, any case, odd or no spacing.
``[address]``        a house number and street ("12 Oak Road", "27 london rd"), or a street
                     after "I live at/on" or "my address is": with the postcode gone, the
                     street left would still point at a home.
``[name]``           people's names: cues ("my name is", "my son", "Dr"), a shipped list of
                     first names and surnames (data/, with markers for names that are also
                     words or places), and a capitalised surname after a name; see
                     ``_NameFinder``. Unambiguous listed names are redacted in lowercase
                     too ("i saw priya"): many people here write without capitals. Accents
                     are folded for the lists ("José"), initials join the name after them
                     ("J. Smith"), and an unlisted capitalised word is a name where only a
                     person fits ("I went with Tobiah", "Quilla said"). Places, services,
                     saints and brands are left alone.

Hostile input is normalised first (NFKC; control, zero-width and bidi-override characters
removed). Speed: each stage finds *anchors* with patterns that start on a digit, a literal or
a lowercase letter of a prepared lowercase copy (so the regex engine can skip ahead in C),
then checks the surroundings of each anchor with bounded patterns. Nothing backtracks
catastrophically: a megabyte of ordinary feedback takes about 0.2 s; the worst case found,
a megabyte of nothing but names, initials or titles ("A. Khan A. Khan..."), about
1.6 s. On 10,000 ordinary texts (bench/redaction.py) it takes about 0.8 s.

``redact`` is idempotent on the text (``redact(redact(x).text).text == redact(x).text``); the
second pass finds nothing, so its ``kinds`` is empty.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).with_name("data")


def _data_lines(name: str) -> list[str]:
    """The lines of a word list in data/, without comments ("#" to the end) or blank lines."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line for raw in text.splitlines() if (line := raw.split("#", 1)[0].strip())]


def _data_words(name: str) -> frozenset[str]:
    return frozenset(_data_lines(name))


KINDS = (
    "email",
    "handle",
    "date of birth",
    "date",
    "NHS number",
    "phone",
    "number",
    "postcode",
    "address",
    "name",
)

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Redacted:
    """Redacted text plus the kinds of identifier that were found (for audit and insight)."""

    text: str
    kinds: frozenset[str]


def redact(text: str) -> Redacted:
    """Replace identifiers in ``text`` with ``[kind]`` placeholders."""
    found: set[str] = set()
    text = _clean(text)
    for stage in _STAGES:
        spans = stage(text, _lower(text))
        if spans:
            text = _apply(text, spans, found)
    return Redacted(text=text, kinds=frozenset(found))


# --------------------------------------------------------------------------- normalising

# Controls (except tab/newline/CR), zero-width spaces, soft hyphens, BOM and bidi embedding or
# override marks: invisible characters that could hide a name from the patterns or make a
# quote display differently from what it says. ZWJ/ZWNJ stay: emoji and Indic scripts need them.
_INVISIBLE = dict.fromkeys(
    [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
    + list(range(0x7F, 0xA0))
    + [0xAD, 0x200B, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase + "\u2019", string.ascii_lowercase + "'")


def _clean(text: str) -> str:
    """NFKC folds full-width and other look-alike digits and letters onto plain ASCII."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


def _lower(text: str) -> str:
    """Lowercase copy with identical offsets (curly apostrophes straightened) for anchoring."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") grow when lowercased
        return text.translate(_ASCII_LOWER)
    return low.replace("\u2019", "'")


def _apply(text: str, spans: list[Span], found: set[str]) -> str:
    """Replace spans with placeholders; overlapping spans are swallowed, never half-kept."""
    out: list[str] = []
    pos = 0
    for start, end, kind in sorted(spans):
        if start < pos:
            pos = max(pos, end)
            continue
        out += [text[pos:start], f"[{kind}]"]
        found.add(kind)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _any_in(needles: tuple[str, ...], haystack: str) -> bool:
    """Cheap substring pre-checks let a stage skip its regexes on text that cannot match."""
    return any(n in haystack for n in needles)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not _word_char(text[i - 1])


# ------------------------------------------------------------------------------- emails

# Anchored on "@"; the local part is walked back by hand (each character at most once).
# The top-level domain must be letters ("meet @10.30" is not an email).
_EMAIL_DOMAIN_RE = re.compile(r"@(?:[\w-]{1,63}\.){1,8}[^\W\d_]{2,24}(?![\w-])")
# "sarah (at) gmail dot com", "sarah at nhs dot net": spelt-out addresses. Only well-known
# endings, so "look at google dot com" is the worst false hit. Matched on the lowercase copy.
_SPELT_AT_RE = re.compile(
    r"(?:\(at\)|\[at\]|[ \t]at[ \t])[ \t]{0,3}"
    r"(?:[\w-]{1,63}[ \t]{0,3}(?:\.|\(dot\)|\[dot\]|[ \t]dot[ \t])[ \t]{0,3}){1,4}"
    r"(?:com|net|org|uk|gov|nhs|ac|edu|info|co)\b"
)
_LOCAL_PUNCT = frozenset("._%+'-")


def _local_start(text: str, end: int) -> int | None:
    i = end
    while i > 0 and (_word_char(text[i - 1]) or text[i - 1] in _LOCAL_PUNCT):
        i -= 1
    while i < end and text[i] in _LOCAL_PUNCT:
        i += 1
    return i if i < end else None


_SPELT_HINTS = ("(at)", "[at]", " at ")
_SPELT_DOTS = (" dot ", "(dot)", "[dot]", ".com", ".net", ".org", ".uk", ".gov", ".nhs", ".edu")


def _emails(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    for m in _EMAIL_DOMAIN_RE.finditer(text):
        start = _local_start(text, m.start())
        if start is not None:
            spans.append((start, m.end(), "email"))
    if not (_any_in(_SPELT_HINTS, low) and _any_in(_SPELT_DOTS, low)):
        return spans
    for m in _SPELT_AT_RE.finditer(low):
        end = m.start()
        while end > 0 and m.start() - end < 3 and text[end - 1] in " \t":
            end -= 1
        start = _local_start(text, end)
        if start is not None:
            spans.append((start, m.end(), "email"))
    return spans


# ------------------------------------------------------------------------------ handles

# "@name99", "@sarah_j.x": an "@" not inside a word, then up to 30 name characters with at
# least one letter ("meet @10.30" and "@ the hospital" are not handles). Emails are gone by now.
_HANDLE_RE = re.compile(r"(?<![\w@.])@(?=[\w.]{0,29}[^\W\d_])\w(?:[\w.]{0,28}\w)?")


def _handles(text: str, low: str) -> list[Span]:
    if "@" not in text:
        return []
    return [(m.start(), m.end(), "handle") for m in _HANDLE_RE.finditer(text)]


# -------------------------------------------------------------------------------- dates
# All date patterns run on the lowercase copy, so month names need no IGNORECASE.

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:19|20)\d\d(?!\d)"
_SP = r"[ \t]{1,3}"
_NUM_DATE = (
    r"(?:\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})(?![\w/]|[.-]\d)"
    r"|\d{4}-\d{1,2}-\d{1,2}(?![\w/]|[.-]\d))"
)
_DMY = rf"{_DAY}{_SP}(?:of{_SP})?{_MONTH},?{_SP}{_YEAR4}"
_MDY = rf"{_MONTH}{_SP}{_DAY},?{_SP}{_YEAR4}"
_FULL_DATE = rf"(?:{_NUM_DATE}|{_DMY}|{_MDY})"
_PART_DATE = (
    rf"(?:{_DAY}{_SP}(?:of{_SP})?{_MONTH}|{_MONTH}{_SP}{_DAY}(?![\d/.a-z])"
    r"|\d{1,2}[/.]\d{1,2}(?![\d/.]))"
)

# Cue words; the word boundary before them is checked by hand (a leading lookbehind would
# stop the engine skipping ahead). "[date of birth]" placeholders are not cues.
_DOB_CUE_RE = re.compile(
    r"(?:born|dob|d\.o\.b\.?|date of birth|year of birth|birth ?year|birth ?days?|b'?days?)"
    r"(?![\w\]])"
)
_DOB_AFTER_RE = re.compile(
    r"[ \t]{0,3}[:,=\u2013-]?[ \t]{0,3}(?:(?:is|was|on|the|of|it's|its)[ \t]{1,3}){0,3}"
    rf"(?P<date>{_FULL_DATE}|{_PART_DATE}|{_YEAR4})(?![\d/-])"
)
# "(b. 1972)": the short form is only read with a year straight after it.
_B_DOT_RE = re.compile(rf"(?<![\w.])b\.[ \t]{{0,2}}(?P<date>{_YEAR4})")
_BORN_IN_RE = re.compile(rf"{_SP}in{_SP}(?P<date>{_YEAR4})")
_DOB_BEFORE_RE = re.compile(
    rf"(?<![\w/.-])(?P<date>{_FULL_DATE}|{_PART_DATE}),?{_SP}(?:(?:is|was){_SP})?"
    rf"(?:(?:my|his|her|their|our|your){_SP})?$"
)


_DOB_HINTS = ("born", "dob", "d.o.b", "birth", "bday", "b'day", "b.")


def _dates_of_birth(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    if not _any_in(_DOB_HINTS, low):
        return spans
    for m in _DOB_CUE_RE.finditer(low):
        s, e = m.span()
        if s and (_word_char(low[s - 1]) or low[s - 1] == "["):
            continue
        after = (_BORN_IN_RE if m.group() == "born" else _DOB_AFTER_RE).match(low, e)
        if after is None and m.group() == "born":
            after = _DOB_AFTER_RE.match(low, e)
        if after is not None:
            spans.append((after.start("date"), after.end("date"), "date of birth"))
        if m.group() != "born":
            before = _DOB_BEFORE_RE.search(low, max(0, s - 60), s)
            if before is not None:
                spans.append((before.start("date"), before.end("date"), "date of birth"))
    if "b." in low:
        spans += [
            (m.start("date"), m.end("date"), "date of birth") for m in _B_DOT_RE.finditer(low)
        ]
    return spans


# Numeric dates are anchored on their first separator ("/03/1985"), written dates on a year
# after a space ("... 1990"); the day, month or digits before are then checked by hand, so a
# megabyte of digits or letters gives the engine almost nothing to try.
_NUM_DATE_TAIL_RE = re.compile(
    r"(?P<sep>[/.-])(?P<mid>\d{1,2})(?P=sep)(?P<last>\d{4}|\d{1,2})(?![\w/]|[.-]\d)"
)
_YEAR_RE = re.compile(r"[ \t,](?P<year>(?:19|20)\d\d)(?!\d)")
_BEFORE_YEAR_RE = re.compile(
    rf"(?:^|[^\w])(?P<date>{_DAY}{_SP}(?:of{_SP})?{_MONTH}|{_MONTH}{_SP}{_DAY}),?{_SP}$"
)


def _is_full_past_date(found: str) -> bool:
    """Keep future dates ("appointment on 3/4/2031") and non-dates such as 31/31/85."""
    years = re.findall(r"\d{4}", found)
    if years and not 1900 <= int(years[0]) <= date.today().year:
        return False
    nums = [int(n) for n in re.findall(r"\d+", found)]
    if len(nums) == 3 and not found[:4].isdigit():  # d/m/y or m/d/y, not ISO y-m-d
        a, b = nums[0], nums[1]
        return 1 <= min(a, b) <= 12 and max(a, b) <= 31
    return True


def _dates(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    for m in _NUM_DATE_TAIL_RE.finditer(low):
        s = m.start()
        j = s
        while j > 0 and s - j < 4 and low[j - 1].isdigit():
            j -= 1
        head, last = s - j, len(m["last"])
        iso = head == 4 and m["sep"] == "-" and last <= 2
        if not (iso or (1 <= head <= 2 and last in (2, 4))):
            continue
        if j and (_word_char(low[j - 1]) or low[j - 1] in "/.-"):
            continue
        if _is_full_past_date(low[j : m.end()]):
            spans.append((j, m.end(), "date"))
    for m in _YEAR_RE.finditer(low):
        y = m.start("year")
        before = _BEFORE_YEAR_RE.search(low, max(0, y - 40), y)
        if before is not None and _is_full_past_date(m["year"]):
            spans.append((before.start("date"), m.end(), "date"))
    return spans


# ------------------------------------------------------ NHS numbers, phones, long numbers

# A run of digit groups joined by spaces, dots, dashes, slashes or brackets. Up to three
# letters glued on the front ("S1234567", "NHS9434765919": reference numbers), a "+" or a "("
# are looked for by hand.
_DIGITS_RE = re.compile(r"\d[\d \t()./\u2010-\u2015-]*")
_GROUP_RE = re.compile(r"\d+")
_TRAILING = " \t()./\u2010\u2011\u2012\u2013\u2014\u2015-"
# A short number is a phone number only straight after one of these (two words may sit
# between: "ring me on 254 1234"). "(?!\])" keeps "[phone]"/"[NHS number]" from cueing.
_PHONE_CUE_RE = re.compile(
    r"\b(?:call|ring|phone(?!\])|mobile|mob|tel|telephone|landline|number(?!\])|no|text|txt"
    r"|whatsapp|contact)\b[^\w\[\]]{0,3}(?:\w+[^\w\[\]]{1,3}){0,2}$"
)
_MAX_SPLIT_GROUPS = 12

# National help lines people quote in feedback; they identify nobody, so they stay readable.
HELP_LINES = _data_words("help_lines.txt")


def is_valid_nhs_number(digits: str) -> bool:
    """True for 10 digits (bare, or 3-3-4 with spaces or dashes) whose modulus 11 check holds."""
    digits = digits.strip()
    if not re.fullmatch(r"[0-9]{10}|[0-9]{3}([ -])[0-9]{3}\1[0-9]{4}", digits):
        return False
    digits = digits.replace(" ", "").replace("-", "")
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return check != 10 and check == int(digits[9])


def _number_kind(groups: list[str], plus: bool, cued: Callable[[], bool]) -> str | None:
    """Classify digit groups; ``None`` keeps them (help lines, ages, times, year ranges)."""
    digits = "".join(groups)
    if not digits.isascii():  # Arabic-Indic and other decimal digits count too
        digits = "".join(str(unicodedata.decimal(c)) for c in digits)
    n = len(digits)
    if digits in HELP_LINES or n < 6:
        return None
    if plus or digits.startswith("00"):
        return "phone" if n >= 8 else None
    if n == 10 and digits[0] != "0" and is_valid_nhs_number(digits):
        return "NHS number"
    if digits[0] == "0" and 9 <= n <= 11:
        return "phone"
    if n >= 10:
        return "number"
    if n >= 8 and not all(len(g) <= 2 or re.fullmatch(r"(?:19|20)\d\d", g) for g in groups):
        return "number"
    return "phone" if cued() else None


def _classify_run(
    groups: list[str], plus: bool, cued: Callable[[], bool]
) -> list[tuple[int, int, str]]:
    """(first group, end group, kind) ranges to redact in one run of digit groups.

    A run that is only a generic long number ("25 07700 900123": numbers typed side by side)
    is split so the phone or NHS number inside keeps its label and an age next to it stays.
    """
    kind = _number_kind(groups, plus, cued)
    if kind != "number" or not 2 <= len(groups) <= _MAX_SPLIT_GROUPS:
        return [] if kind is None else [(0, len(groups), kind)]
    best: tuple[int, int, str] | None = None
    for s in range(len(groups)):
        for e in range(len(groups), s, -1):
            if (s, e) == (0, len(groups)) or (best and e - s <= best[1] - best[0]):
                continue
            sub = _number_kind(groups[s:e], plus and s == 0, lambda: False)
            if sub in ("phone", "NHS number"):
                best = (s, e, sub)
    if best is None:
        return [(0, len(groups), kind)]
    s, e, sub = best
    head = _classify_run(groups[:s], plus, cued) if s else []
    tail = [(a + e, b + e, k) for a, b, k in _classify_run(groups[e:], False, lambda: False)]
    return [*head, (s, e, sub), *tail]


# A word of digits and the letter O with at least one digit: the O was meant as a zero.
_O_AS_ZERO_RE = re.compile(r"(?<![^\W\d_])[0-9Oo]*[0-9][0-9Oo]*(?![^\W\d_])")


def _o_as_zero(text: str) -> str:
    """``text`` with each O typed among digits as 0 (same length, so offsets hold)."""
    if "o" not in text and "O" not in text:
        return text
    return _O_AS_ZERO_RE.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), text)


def _numbers(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    text = _o_as_zero(text)
    for m in _DIGITS_RE.finditer(text):
        raw = m.group().rstrip(_TRAILING)
        if len(raw) < 6:
            continue  # fast path: too short to hold six digits
        start = m.start()
        prefix = start
        while prefix > 0 and start - prefix < 3 and text[prefix - 1].isalpha():
            prefix -= 1
        if prefix < start and not _starts_word(text, prefix):
            prefix = start
        texts = _GROUP_RE.findall(raw)
        plus = start > 0 and text[start - 1] == "+"
        paren = start > 0 and text[start - 1] == "("

        def cued(start: int = start) -> bool:
            return bool(_PHONE_CUE_RE.search(low, max(0, start - 40), start))

        runs = _classify_run(texts, plus, cued if prefix == start else lambda: False)
        if not runs and prefix < start and sum(map(len, texts)) >= 6:
            runs = [(0, len(texts), "number")]
        if not runs:
            continue
        whole = runs == [(0, len(texts), runs[0][2])]
        bounds = None if whole else [g.span() for g in _GROUP_RE.finditer(raw)]
        for a, b, kind in runs:
            left = start + (bounds[a][0] if bounds else 0)
            right = start + (bounds[b - 1][1] if bounds else len(raw))
            if a == 0:
                left = prefix if prefix < start else start - (plus or (paren and ")" in raw))
            if paren and a == 0 and text[right : right + 1] == ")":
                right += 1
            spans.append((left, right, kind))
    return spans


# ---------------------------------------------------------------------------- postcodes

# Real postcode areas only (plus BF forces), so "a1 2nd" or "xx9 9xx" never match.
_AREAS = frozenset(a.lower() for a in _data_words("postcode_areas.txt"))
# Anchored on the district digit; the one or two area letters before it are checked by hand.
_POSTCODE_TAIL_RE = re.compile(r"\d[a-z\d]?[ \t-]{0,3}\d[abd-hjlnp-uw-z]{2}(?![^\W_])")
_ORDINAL_RE = re.compile(r"(?:1st|2nd|3rd|[04-9]th)$")


def _postcodes(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    for m in _POSTCODE_TAIL_RE.finditer(low):
        for k in (m.start(), m.start() - 1):  # "LE1 6AB" or "LE 1 6AB"
            if k < m.start() and low[k : k + 1] not in (" ", "\t"):
                continue
            j = k
            while j > 0 and k - j < 2 and low[j - 1] in string.ascii_lowercase:
                j -= 1
            if j < k and _starts_word(low, j) and low[j:k] in _AREAS:
                # lowercase ordinals are words ("the m1 2nd exit"); "LE1 2ND" is a postcode
                if not _ORDINAL_RE.search(text[m.start() : m.end()]):
                    spans.append((j, m.end(), "postcode"))
                break
    return spans


# ----------------------------------------------------------------------------- addresses

_STREET = (
    r"(?i:road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|cres|gardens|gdns"
    r"|court|ct|place|terrace|grove|walk|rise|view|mews|square|row|parade|vale)\b"
)
_HOUSE = r"\d{1,4}[a-zA-Z]?,?[ \t]{1,3}"
# "12 Oak Road", "14a St Mary's Close": a house number and a capitalised street name ...
_HOUSE_RE = re.compile(rf"{_HOUSE}(?:[A-Z][a-zA-Z'\u2019-]*[ \t]{{1,3}}){{1,3}}{_STREET}")
# ... or any street after a cue, for people who write in lowercase ("i live at 12 oak road").
_ADDRESS_CUE_RE = re.compile(r"(?:lives?|living|stay(?:s|ing)?) (?:at|on) |address(?: is|:) ?")
_ADDRESS_AFTER_RE = re.compile(
    rf"(?:{_HOUSE}|[^\W\d_](?:[^\W\d_]|['\u2019-])*[ \t]{{1,3}}){{1,4}}{_STREET}"
)
_ADDRESS_HINTS = ("live", "living", "stay", "address")
# "27 london rd": lowercase, with no cue, but only one or two words that are not function
# words ("2 miles down the lane" is a walk, not an address).
_HOUSE_LOWER_RE = re.compile(
    rf"(?<![\w/.]){_HOUSE}(?P<street>[a-z][a-z'\u2019-]*(?:[ \t]{{1,3}}[a-z][a-z'\u2019-]*)?)"
    rf"[ \t]{{1,3}}{_STREET}"
)


def _addresses(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    for m in _HOUSE_RE.finditer(text):
        s = m.start()
        if not s or not (_word_char(text[s - 1]) or text[s - 1] in "/."):
            spans.append((s, m.end(), "address"))
    for m in _HOUSE_LOWER_RE.finditer(low):
        if not any(w in _STOPWORDS for w in m["street"].split()):
            spans.append((m.start(), m.end(), "address"))
    if not _any_in(_ADDRESS_HINTS, low):
        return spans
    for m in _ADDRESS_CUE_RE.finditer(low):
        if _starts_word(low, m.start()):
            after = _ADDRESS_AFTER_RE.match(text, m.end())
            if after is not None:
                spans.append((after.start(), after.end(), "address"))
    return spans


# -------------------------------------------------------------------------------- names


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Never a name, even capitalised after a cue: function words, time words, service and place
# words. Keeps "my son Has", "Dr Said", "Sarah Leicester" and "my carer NHS" out of [name].
_STOPWORDS = _data_words("not_names.txt")

# A capitalised word followed by one of these is a place, building or organisation.
_PLACE_NOUNS = _data_words("place_nouns.txt")
_PLACE_PATTERN = "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True))
# ... and a word after one of these is a saint, deity, royal or public figure.
_SKIP_BEFORE = r"st|saint|prophet|lord|guru|sri|shri|queen|king|prince|princess|pope"

# Places, charities, brands and characters whose words are also people's names.
_PROTECTED = tuple(_data_lines("protected_phrases.txt"))
_PROTECTED_PATTERN = "|".join(p.replace(" ", r"[ \t]+") for p in _PROTECTED)

_RELATIONS = (
    r"(?:son|daughter|child|kid|baby|boy|girl|brother|sister|twin|sibling|mum|mom|mam|mummy"
    r"|mother|dad|daddy|father|step ?(?:son|daughter|mum|dad)|husband|wife|partner|boyfriend"
    r"|girlfriend|fianc[eé]e?|ex|friend|mate|best friend|housemate|flatmate|neighbour|carer"
    r"|key ?worker|support worker|social worker|link worker|case worker|worker|nurse"
    r"|named nurse|doctor|gp|consultant|psychiatrist|psychologist|therapist|ot|salt|slt"
    r"|paediatrician|midwife|health visitor|teacher|ta|advocate|manager|boss|pa"
    r"|care coordinator|coordinator|grandson|granddaughter|grandchild|nan|nana|nanna|nanny"
    r"|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|aunt|auntie|aunty"
    r"|uncle|cousin|niece|nephew)"
)
# What may follow each kind of cue (matched on the lowercase copy):
#   any    any word that is not a stopword ("my name is abdirizak").
#   ambig  a capitalised word or any listed name, even a common-word one ("a nurse called
#          will", "Hi Grace").
#   rel    a capitalised word or an unambiguous listed name ("my son James", "my son tom"),
#          but not "my son will be 18".
_CUE_PATTERN = (
    r"(?P<any>(?:my|his|her|their|your|our)[ \t]+(?:(?:first|last|full|real|sur|nick)[ \t]?)?"
    r"name(?:'s|[ \t]+is|[ \t]+was)|s[ \t]+name(?:[ \t]+is|[ \t]+was)|name[ \t]*[:=]"
    r"|(?:i'm|im|i[ \t]+am)[ \t]+called)(?![\w'])"
    r"|(?P<ambig>called|named|known[ \t]+as|call[ \t]+(?:me|him|her|them)"
    r"|dear|hi|hiya|hello|hey|love[ \t]+from)(?![\w'])"
    rf"|(?P<rel>(?:my|our|his|her|their|your|the)[ \t]+{_RELATIONS}(?:'s)?)(?![\w'])"
)
# Abbreviated titles take a lowercase listed name too ("dr patel"); worded ones need capitals.
_ABBREV_TITLES = _words("dr mr mrs ms mx prof")
_WORD_TITLES = _words("miss doctor nurse sister professor auntie aunty uncle father rev reverend")

_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*"
_PLACEHOLDER = r"\[(?:" + "|".join(re.escape(k) for k in KINDS) + r")\]"
_CUE_GAP_RE = re.compile(rf"[ \t]{{0,3}}[,:-]?[ \t]{{0,3}}(?P<tok>{_WORD})")
_NEXT_RE = re.compile(rf"[ \t]{{1,3}}(?P<tok>{_WORD}|{_PLACEHOLDER})")
_NEXT_DOTTED_RE = re.compile(rf"[ \t.]{{1,4}}(?P<tok>{_WORD}|{_PLACEHOLDER})")
_TAIL_RE = re.compile(r"(?:['\u2019-][^\W\d_]+)+")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)[ \t,]{1,4}$")
_SENTENCE_END = frozenset(".!?\n:;\u2022*>")
_OPENERS = " \t\"'\u201c\u2018(["


# Accented Latin letters folded to their base letter for the name lists ("José" is "jose",
# "Zoë" is "zoe"), one character for one so offsets hold. Stopwords are matched unfolded, so
# "Jesús" (a name) is not taken for "jesus" (kept, as in "Jesus Christ").
_FOLD = {
    c: base
    for c in range(0xC0, 0x250)
    if (base := unicodedata.normalize("NFD", chr(c))[0]).isascii() and base.isalpha()
}

# An unlisted capitalised word is a name where only a person fits: after these words ...
_PERSON_BEFORE_RE = re.compile(
    r"(?<![\w'])(?:with|told|tell|asked|ask|saw|see|seen|met|meet|thank|thanks|said|says"
    r"|(?:spoke|speak|speaking|talked|talk|talking|listened|listen|wrote|write|complained)"
    r"[ \t]+to)[ \t]{1,3}$"
)
# ... or before these (an adverb may sit between: "Jesús always listens").
_PERSON_AFTER_RE = re.compile(
    r"[ \t]{1,3}(?:(?:always|never|really|just|also|still|then)[ \t]{1,3})?"
    r"(?:said|says|told|tells|helped|helps|listens|listened|came|comes|rang|rings|phoned"
    r"|asked|asks|explained|shouted|laughed|smiled|cried|understands|understood|knows|knew"
    r"|cares|cared|visited|visits|promised)(?![\w'])"
)
# Candidates for that: a capitalised Latin word with lowercase after its first letter.
_CAPITALISED_RE = re.compile(
    r"(?<![^\W_])[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff]+(?![^\W_])"
)
# Initials before a capitalised word: "J. Smith", "A.B. Khan".
_WORD_RE = re.compile(_WORD)
_INITIALS_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}(?=[A-Z])")


class _Tok(NamedTuple):
    start: int
    end: int  # end of the name itself: before a possessive "'s"
    word: str  # the name itself, as written
    key: str  # lowercased (stopwords are matched on this)
    possessive: bool
    placeholder: bool = False
    folded: str = ""  # lowercased with accents folded (the name lists are matched on this)


class _Lexicon(NamedTuple):
    first: dict[str, str]  # first name -> "" | "*" | "^"
    surnames: dict[str, str]  # surname -> "" | "*"
    scanner: re.Pattern[str]  # protected phrases, cues, saints and listed words in one pass


def _trie(words: set[str]) -> str:
    """A regex alternation shaped as a trie: the engine never retries a shared prefix."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(c) + build(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Read data/first_names.txt and data/surnames.txt once (markers explained there)."""

    def load(name: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, _, marker = line.partition(" ")
                out[word.lower()] = marker.strip()
        return out

    first, surnames = load("first_names.txt"), load("surnames.txt")
    words = set(first) | {w for w, m in surnames.items() if not m}
    words |= _ABBREV_TITLES | _WORD_TITLES
    # Runs on " " + the lowercase copy. Every match starts with one non-letter, so the engine
    # only tries word starts, and the first alternative that fits wins at each of them.
    scanner = re.compile(
        rf"[^a-z](?:(?P<protected>{_PROTECTED_PATTERN})(?![a-z])|{_CUE_PATTERN}"
        rf"|(?P<skip>{_SKIP_BEFORE})(?=\.?[ \t])|(?P<place>{_PLACE_PATTERN})(?![^\W\d_])"
        rf"|(?P<name>{_trie(words)})(?![^\W\d_]))"
    )
    return _Lexicon(first, surnames, scanner)


class _NameFinder:
    """Decides which words of a text are (parts of) people's names.

    - After a cue ("my name is", "called", "my son", "Dr"), the next word is a name.
    - Listed first names are names in any case, except those marked as common words or places
      (see data/first_names.txt), which need a cue, a capital mid-sentence or a surname.
    - A capitalised word, or a listed lowercase surname, right after a name is its surname; a
      distinctive capitalised surname on its own is a name too ("Patel said").
    - Places, buildings, saints, brands and stopwords are left alone.
    Only anchors (listed words and cue targets) are visited, so ordinary words cost nothing.
    """

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self.lex = _lexicon()
        self.spans: list[tuple[int, int, bool]] = []  # start, end, is an initial
        self.protected: list[tuple[int, int]] = []
        self.skip_ends: set[int] = set()  # where a word after "St", "Prophet"... starts
        self.place_starts: set[int] = set()  # where "Road", "Unit", "Hospital"... start
        self.cue_at: dict[int, str] = {}
        self.anchors: dict[int, int] = {}  # start -> end of a word worth a look
        self.toks: dict[int, _Tok] = {}
        self.next_cache: dict[tuple[int, bool], _Tok | None] = {}
        first = self.lex.first
        self.folded = low.translate(_FOLD)
        for m in self.lex.scanner.finditer(" " + self.folded):
            group = m.lastgroup
            start, end = m.start(group) - 1, m.end() - 1  # offsets in text
            if group == "name":
                key = m[group]
                if start in self.anchors or (
                    text[start].islower() and first.get(key) != "" and key not in _ABBREV_TITLES
                ):
                    continue  # lowercase "will", "nurse", "jones": only after a cue or a name
                self.anchors[start] = end
            elif group == "place":
                self.place_starts.add(start)
            elif group == "protected":
                self.protected.append((start, end))
            elif group == "skip":
                after = end + (low[end : end + 1] == ".")
                while after < len(low) and after - end < 4 and low[after] in " \t":
                    after += 1
                self.skip_ends.add(after)
            elif group:
                gap = _CUE_GAP_RE.match(text, end)
                if gap is not None:
                    tok = self.tok(gap.start("tok"), gap.end("tok"), tail=False)
                    self.cue_at[tok.start] = group
                    self.anchors[tok.start] = gap.end("tok")
        self.protected_starts = [s for s, _ in self.protected]

    def tok(self, start: int, end: int, tail: bool = True) -> _Tok:
        """The token at ``start``; ``tail`` extends an anchor over "-jane" or "'s"."""
        if start in self.toks:
            return self.toks[start]
        if tail and self.text[end : end + 1] in ("'", "\u2019", "-"):
            m = _TAIL_RE.match(self.text, end)
            end = m.end() if m else end
        word = self.text[start:end]
        if word[0] == "[":
            tok = _Tok(start, end, word, word, False, True, word)
        else:
            possessive = end - start > 2 and self.low[end - 2 : end] == "'s"
            if possessive:
                end -= 2
                word = word[:-2]
            tok = _Tok(
                start, end, word, self.low[start:end], possessive, False, self.folded[start:end]
            )
        self.toks[start] = tok
        return tok

    def next_tok(self, tok: _Tok, dotted: bool = False) -> _Tok | None:
        if tok.possessive:
            return None
        key = (tok.end, dotted)
        if key not in self.next_cache:
            nxt = tok.end + 1
            if self.text[tok.end : nxt] == " " and nxt in self.anchors:
                self.next_cache[key] = self.tok(nxt, self.anchors[nxt])
            else:
                m = (_NEXT_DOTTED_RE if dotted else _NEXT_RE).match(self.text, tok.end)
                self.next_cache[key] = self.tok(m.start("tok"), m.end("tok"), False) if m else None
        return self.next_cache[key]

    # -- token properties
    def marker(self, tok: _Tok) -> str | None:
        if tok.folded in self.lex.first:
            return self.lex.first[tok.folded]
        head = tok.folded.split("-")[0]
        return "" if head != tok.folded and self.lex.first.get(head) == "" else None

    @staticmethod
    def is_cap(tok: _Tok) -> bool:
        """Capitalised like a proper noun; ALL-CAPS words are not (shouting, acronyms)."""
        w = tok.word
        return not tok.placeholder and w[0].isupper() and (len(w) == 1 or not w.isupper())

    def is_protected(self, tok: _Tok) -> bool:
        i = bisect_right(self.protected_starts, tok.start) - 1
        return i >= 0 and self.protected[i][1] > tok.start

    def plain(self, tok: _Tok | None) -> bool:
        return (
            tok is not None
            and not tok.placeholder
            and tok.key not in _STOPWORDS
            and (not self.protected or not self.is_protected(tok))
        )

    def place_follows(self, tok: _Tok) -> bool:
        """ "Agnes Unit", "Victoria Park": the word is part of a place name."""
        p, text = tok.end, self.text
        while p < len(text) and p - tok.end < 3 and text[p] in " \t":
            p += 1
        return p > tok.end and p in self.place_starts and not tok.possessive

    def sentence_start(self, tok: _Tok) -> bool:
        before = self.text[max(0, tok.start - 40) : tok.start].rstrip(_OPENERS)
        return not before or before[-1] in _SENTENCE_END

    def surname_like(self, tok: _Tok | None) -> bool:
        if tok is None or tok.placeholder:
            return False
        marker = self.lex.first.get(tok.folded)
        if marker == "^":
            return False
        # lowercase: "sarah jones", "tom baker", but not "sarah hope you" or "tom do"
        if not self.is_cap(tok) and not (
            tok.folded in self.lex.surnames and len(tok.key) > 3 and marker != "*"
        ):
            return False
        return self.plain(tok) and not self.place_follows(tok)

    # -- decisions
    def find(self) -> list[Span]:
        self.after_initials()
        done = 0
        for start in sorted(self.anchors):
            if start < done:
                continue
            tok = self.tok(start, self.anchors[start])
            if tok.placeholder or (self.protected and self.is_protected(tok)):
                continue
            if tok.key in _ABBREV_TITLES or (tok.key in _WORD_TITLES and self.is_cap(tok)):
                done = self.after_title(tok)
            elif self.starts_name(tok):
                done = self.mark(tok)
        self.by_context()
        return self.merged()

    def after_initials(self) -> None:
        """ "J. Smith", "A. Khan": initials and the capitalised word after them."""
        if "." not in self.text:
            return
        for m in _INITIALS_RE.finditer(self.text):
            nxt = _WORD_RE.match(self.text, m.end())  # the word straight after
            if nxt is None:
                continue
            tok = self.tok(nxt.start(), nxt.end())
            if self.plain(tok) and self.is_cap(tok) and not self.place_follows(tok):
                self.spans.append((m.start(), m.end(), True))
                self.mark(tok)

    def by_context(self) -> None:
        """An unlisted capitalised word where only a person fits: "I went with Tobiah",
        "the nurse said Quilla was", "Jesús always listens". Not at a sentence start, not
        after another capitalised word ("the Autism Assessment took"), and never a listed
        word, stopword, place or protected phrase."""
        covered = sorted((s, e) for s, e, _ in self.spans)
        starts = [s for s, _ in covered]
        for m in _CAPITALISED_RE.finditer(self.text):
            s, e = m.span()
            i = bisect_right(starts, s) - 1
            if s in self.anchors or (i >= 0 and covered[i][1] > s):
                continue
            tok = self.tok(s, e, tail=False)
            if (
                not self.plain(tok)
                or tok.start in self.skip_ends
                or self.marker(tok) is not None
                or tok.folded in self.lex.surnames
                or self.place_follows(tok)
                or self.sentence_start(tok)
            ):
                continue
            prev = _PREV_WORD_RE.search(self.text, max(0, s - 40), s)
            if prev is not None and prev.group(1)[0].isupper():
                continue
            before = _PERSON_BEFORE_RE.search(self.low, max(0, s - 40), s)
            if before is not None or _PERSON_AFTER_RE.match(self.low, tok.end):
                self.spans.append((tok.start, tok.end, False))

    def mark(self, tok: _Tok) -> int:
        """Mark ``tok`` and up to two surname-like words after it; return where it ends."""
        self.spans.append((tok.start, tok.end, len(tok.word) == 1))
        for _ in range(2):
            nxt = self.next_tok(tok)
            if nxt is None or not self.surname_like(nxt):
                break
            self.spans.append((nxt.start, nxt.end, False))
            tok = nxt
        return tok.end

    def after_title(self, title: _Tok) -> int:
        """ "Dr Patel", "dr. A. Patel", "Mrs O'Brien": the initials and surname after a title."""
        initials: list[_Tok] = []
        nxt = self.next_tok(title, dotted=True)
        while nxt is not None and len(nxt.word) == 1 and nxt.word.isupper() and len(initials) < 3:
            initials.append(nxt)
            nxt = self.next_tok(nxt, dotted=True)
        if nxt is None or not self.plain(nxt) or self.place_follows(nxt):
            return title.end
        lower_ok = title.key in _ABBREV_TITLES and (
            nxt.folded in self.lex.surnames or self.marker(nxt) is not None
        )
        if not (self.is_cap(nxt) or lower_ok):
            return title.end
        self.spans += [(t.start, t.end, True) for t in initials]
        return self.mark(nxt)

    def starts_name(self, tok: _Tok) -> bool:
        if not self.plain(tok) or tok.start in self.skip_ends or self.place_follows(tok):
            return False
        marker = self.marker(tok)
        cap = self.is_cap(tok)
        cue = self.cue_at.get(tok.start)
        if cue == "any" or (cue == "ambig" and (cap or marker is not None)):
            return True
        if cue == "rel" and (cap or marker == ""):
            return True
        if marker == "":
            return True
        if marker is not None and cap:
            nxt = self.next_tok(tok)
            if (
                nxt is not None
                and self.surname_like(nxt)
                and (nxt.folded in self.lex.surnames or nxt.folded not in self.lex.first)
            ):
                return True  # "Will Smith", "May Okafor", but not "Will Sarah"
            if marker == "*" and not self.sentence_start(tok):
                prev = _PREV_WORD_RE.search(self.text, max(0, tok.start - 40), tok.start)
                return prev is not None and prev.group(1)[0].islower()  # "I told Will"
        return cap and self.lex.surnames.get(tok.folded) == ""

    def merged(self) -> list[Span]:
        """Join "Sarah Jane Smith" and "A. Patel" into one [name]."""
        out: list[Span] = []
        last_initial = False
        for start, end, initial in sorted(self.spans):
            if out:
                gap = self.text[out[-1][1] : start]
                if not gap.strip(" \t") or (last_initial and not gap.strip(" \t.")):
                    out[-1] = (out[-1][0], max(end, out[-1][1]), "name")
                    last_initial = initial
                    continue
            out.append((start, end, "name"))
            last_initial = initial
        return out


def _names(text: str, low: str) -> list[Span]:
    return _NameFinder(text, low).find()


_STAGES: tuple[Callable[[str, str], list[Span]], ...] = (
    _emails,
    _handles,
    _dates_of_birth,
    _dates,
    _numbers,
    _postcodes,
    _addresses,
    _names,
)
