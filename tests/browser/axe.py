"""axe-core in a real browser: the accessibility check every page test reuses."""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# No CSS transition still running (a fade ends within a second; keyframe animations such as
# Wagtail's 25-second "ping" badges or a spinner are left out).
SETTLED = """() => document.getAnimations().every(a => !(a instanceof CSSTransition)
    || a.playState !== 'running')"""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def run_axe(page, within: str | None = None) -> list[dict]:
    """Return axe violations for the page as it is now (an empty list is a pass); only
    inside the element ``within`` selects, when given (our own part of a Wagtail screen)."""
    # Colour contrast is only true once fades have ended: Wagtail's messages fade in over
    # 0.5 s (no reduced-motion rule), and axe read white text on a half-faded green as 1.33:1.
    page.wait_for_function(SETTLED, timeout=5000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the site's strict CSP (no inline
        # script) stays on for the page under test.
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async ([tags, within]) => await axe.run(within ? document.querySelector(within) "
        ": document, {runOnly: {type: 'tag', values: tags}})",
        [WCAG_TAGS, within],
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """A readable failure message: rule, impact and the offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node['target']}: {node['failureSummary']}" for node in v["nodes"][:5])
    return "\n".join(lines)
