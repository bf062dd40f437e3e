"""Reading fast bulk entry of focus-group contributions: one contribution per line.

A line may start with who said it and whether it is their own words, in any order:

    carer: It took three months to get an appointment
    [paraphrase] lda: Felt nobody listened at the health check
    young person: [own words] I want to see the same nurse

Pure functions: no Django models, so they are easy to test and reuse (e.g. CSV import).
"""

import re
from dataclasses import dataclass

SPEAKER_PREFIXES = {
    "lda": "lda",
    "person": "lda",
    "self advocate": "lda",
    "self-advocate": "lda",
    "carer": "carer",
    "family": "carer",
    "family carer": "carer",
    "parent": "carer",
    "cyp": "young_person",
    "yp": "young_person",
    "young person": "young_person",
    "child": "young_person",
    "professional": "professional",
    "pro": "professional",
    "staff": "professional",
}
WORDS_MARKERS = {
    "paraphrase": "paraphrase",
    "para": "paraphrase",
    "p": "paraphrase",
    "own words": "own_words",
    "own": "own_words",
    "quote": "own_words",
    "q": "own_words",
}
_SPEAKER = re.compile(
    r"^\s*("
    + "|".join(sorted(map(re.escape, SPEAKER_PREFIXES), key=len, reverse=True))
    + r")\s*:\s*",
    re.IGNORECASE,
)
_WORDS = re.compile(
    r"^\s*\[\s*("
    + "|".join(sorted(map(re.escape, WORDS_MARKERS), key=len, reverse=True))
    + r")\s*\]\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedContribution:
    text: str
    speaker_group: str
    words: str


def parse_line(line: str, *, speaker_group: str = "", words: str = "own_words"):
    """One line as a contribution, or None for a blank line. Defaults apply when a line has
    no prefix of its own."""
    rest = line.strip()
    for _ in range(2):  # the two prefixes may come in either order
        if m := _SPEAKER.match(rest):
            speaker_group = SPEAKER_PREFIXES[m.group(1).lower()]
            rest = rest[m.end() :]
        if m := _WORDS.match(rest):
            words = WORDS_MARKERS[m.group(1).lower()]
            rest = rest[m.end() :]
    rest = rest.strip()
    if not rest:
        return None
    return ParsedContribution(text=rest, speaker_group=speaker_group, words=words)


# Bounds on one entry, so a paste of a whole file cannot hold a request for minutes: a long
# focus group has a few hundred contributions, and a contribution is a few sentences.
MAX_CONTRIBUTIONS = 1_000
MAX_LINE_CHARS = 5_000


def parse_lines(
    text: str, *, speaker_group: str = "", words: str = "own_words"
) -> list[ParsedContribution]:
    """Every non-blank line as a contribution. Raises ValueError naming the first line a
    person must change (too long, or one too many), so nothing is added by halves."""
    out: list[ParsedContribution] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ValueError(
                f"Line {number} has {len(line):,} characters. Split it into contributions "
                f"of {MAX_LINE_CHARS:,} characters or fewer."
            )
        parsed = parse_line(line, speaker_group=speaker_group, words=words)
        if parsed is None:
            continue
        if len(out) == MAX_CONTRIBUTIONS:
            raise ValueError(
                f"Line {number} is contribution {MAX_CONTRIBUTIONS + 1:,}. Enter at most "
                f"{MAX_CONTRIBUTIONS:,} at a time."
            )
        out.append(parsed)
    return out
