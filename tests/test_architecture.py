"""Dependencies between the apps point one way (README, "Dependencies point one way").

Every ``.py`` file of the app packages (migrations and tests aside) is parsed with ``ast``, and
every import, at the top of a module or inside a function, that names another app must go to a
lower layer. A lower app that needs something from a higher one offers a seam (a signal, a
Wagtail hook, a registry) instead. Static parsing, not ``sys.modules``, so a function-level
import hidden in a rarely used path is caught too.

``KNOWN_DEBT`` lists the violations not yet fixed. It may only shrink: an entry that no longer
matches an import fails the test, so fixing one means deleting its line here.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. An app may import apps in lower layers only; apps in one layer never import
# each other (the panel and insight say what they need through hooks, see the README).
LAYERS: list[set[str]] = [
    {"easyread"},
    {"cms"},
    {"feedback"},
    {"languages"},
    {"tasks"},
    {"safeguarding"},
    {"insight", "panel"},
    {"involvement"},
]
RANK: dict[str, int] = {app: i for i, layer in enumerate(LAYERS) for app in layer}
APPS = set(RANK)

# Modules that any app may import: pure, with no app imports of their own (checked below).
BASE_MODULES: dict[str, str] = {
    "languages.catalogue": "the list of languages is data, read by settings, middleware and forms",
}

# Files allowed to import upwards, each with why. Project wiring, not domain code.
WIRING: dict[str, str] = {
    "cms/urls.py": "the root URLconf mounts every app's URLs (insight's API, tasks' ops)",
    "cms/settings/base.py": "settings list every app; LANGUAGES comes from the catalogue",
}

# (file, imported module) pairs that break the order and are still to be fixed.
KNOWN_DEBT: set[tuple[str, str]] = set()  # all fixed; never add to it without a plan


def _sources() -> list[Path]:
    """Every app module, migrations and tests excluded."""
    files = []
    for app in sorted(APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts or parts[-1].startswith("test_"):
                continue
            files.append(path)
    return files


def _imports(path: Path) -> set[str]:
    """Absolute module names imported anywhere in the file (functions included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            # ``from feedback import selectors`` imports feedback.selectors.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _upward_imports() -> set[tuple[str, str]]:
    """(file, module) for each import of a higher or same-layer app."""
    bad = set()
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        if rel in WIRING:
            continue
        app = rel.split("/")[0]
        for module in _imports(path):
            other = module.split(".")[0]
            if other not in APPS or other == app:
                continue
            if any(module == b or module.startswith(b + ".") for b in BASE_MODULES):
                continue
            if RANK[other] >= RANK[app]:
                bad.add((rel, _owner(module)))
    return bad


def _owner(module: str) -> str:
    """The imported module, without a trailing imported name (``a.b.func`` -> ``a.b``)."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ROOT.joinpath(*parts[:n])
        if candidate.with_suffix(".py").exists() or (candidate / "__init__.py").exists():
            return ".".join(parts[:n])
    return module


def test_every_app_is_placed_in_a_layer():
    packages = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert packages <= APPS, f"place these apps in LAYERS: {sorted(packages - APPS)}"


def test_imports_point_down():
    new = _upward_imports() - KNOWN_DEBT
    assert not new, (
        "these imports go up (or across) the app layers; offer a seam in the lower app "
        f"instead (README, 'Dependencies point one way'): {sorted(new)}"
    )


def test_known_debt_only_shrinks():
    fixed = KNOWN_DEBT - _upward_imports()
    assert not fixed, f"fixed, so remove these from KNOWN_DEBT: {sorted(fixed)}"


def test_base_modules_import_no_app():
    for module, why in BASE_MODULES.items():
        assert why
        path = ROOT / (module.replace(".", "/") + ".py")
        apps = {m.split(".")[0] for m in _imports(path)} & APPS
        assert not apps, f"{module} must stay pure, imports {apps}"


def test_wiring_exceptions_exist_and_say_why():
    for rel, why in WIRING.items():
        assert (ROOT / rel).exists(), rel
        assert why
