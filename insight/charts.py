"""Bar-chart geometry for the trend SVG (pure; the template draws it).

Readable in greyscale and without colour: bars are solid dark shapes with the number written
above each; a suppressed month is a dashed outline labelled "<5" (a fixed height, so its
size says nothing). The chart is ``role="img"`` with a text summary beside it and the same
figures in a data table, so nobody needs to see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .suppression import THRESHOLD

WIDTH = 640
HEIGHT = 240
TOP = 24  # room for the labels above bars
BOTTOM = 40  # room for month labels
LEFT = 8
SUPPRESSED_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the value written above the bar
    month: str  # e.g. "Mar 2025"
    label_x: float
    label_y: float
    suppressed: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    bars: list[Bar]
    show_every: int  # label every nth month (long ranges)

    @property
    def empty(self) -> bool:
        return not self.bars


def trend_chart(trend) -> Chart:
    """``trend`` is a list of ``selectors.MonthCount``."""
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    peak = max([m.shown.value or 0 for m in trend] + [THRESHOLD])
    n = max(len(trend), 1)
    slot = (WIDTH - LEFT * 2) / n
    width = max(4.0, slot * 0.7)
    bars = []
    for i, m in enumerate(trend):
        x = LEFT + i * slot + (slot - width) / 2
        if m.shown.suppressed:
            h = SUPPRESSED_HEIGHT
            label = f"<{THRESHOLD}"
        else:
            h = round(plot_height * (m.shown.value or 0) / peak, 1)
            label = m.shown.text
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - h, 1),
                width=round(width, 1),
                height=h,
                label=label,
                month=m.label,
                label_x=round(x + width / 2, 1),
                label_y=round(baseline - h - 6, 1),
                suppressed=m.shown.suppressed,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        baseline=baseline,
        bars=bars,
        show_every=max(1, -(-n // 12)),
    )
