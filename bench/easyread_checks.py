"""How long the easy-read checks take on a 1,000-word page (they run as an editor types).

    .venv/bin/python bench/easyread_checks.py
prints JSON: milliseconds per 1,000-word page (best and median of 20 runs).
"""

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from easyread.checks import check_page, check_text

PARAGRAPH = (
    "You can have a health check every year at your doctor's surgery.\n"
    "It is for people aged 14 and over who have a learning disability.\n"
    "The nurse will check your weight and your blood pressure.\n"
    "You can bring someone with you to help.\n"
    "Tell the staff if you need a longer appointment or a quiet room.\n"
)


def main() -> None:
    lines = (PARAGRAPH * 20).splitlines()
    words = sum(len(line.split()) for line in lines)
    check_text("warm up the word lists")
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        for line in lines:
            check_text(line)
        check_page(lines)
        timings.append((time.perf_counter() - start) * 1000)
    per_thousand = 1000 / words
    print(
        json.dumps(
            {
                "words": words,
                "best_ms_per_1000_words": round(min(timings) * per_thousand, 2),
                "median_ms_per_1000_words": round(statistics.median(timings) * per_thousand, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
