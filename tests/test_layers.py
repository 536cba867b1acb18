"""The layers of docs/ARCHITECTURE.md, checked over the real imports of every module.

An arrow points at what a layer may import. Only gui/ (and app.py, which
builds the QApplication) import QtWidgets or QtGui; workers/ and i18n.py
import QtCore only; every other layer imports no Qt at all, so it is tested
without an event loop. A new import that breaks a rule fails here, with
the module and the line, and the picture in ARCHITECTURE.md stays true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "composer"

# layer -> the layers of ours it may import ("composer" is the package's own
# __init__: its name and version, importable by every layer).
ALLOWED: dict[str, set[str]] = {
    "messages": set(),
    "fileio": set(),
    "secrets": set(),
    "paths": {"fileio"},
    "settings": {"fileio"},
    "modelfile": {"fileio", "messages"},
    "hardware": {"fileio", "messages", "modelfile", "paths"},
    "models": {"fileio", "hardware", "messages", "modelfile", "paths", "secrets"},
    "engine": {"fileio", "hardware", "messages", "modelfile", "models", "paths", "secrets"},
    "assist": {"engine", "messages"},
    "mail": {"fileio", "messages", "paths", "secrets"},
    "spelling": {"assist", "fileio", "mail", "messages"},
    "privacy": {"engine", "fileio", "mail", "messages", "models", "paths", "secrets", "settings"},
    "i18n": {"messages", "paths", "settings"},
    "workers": {
        "assist", "engine", "fileio", "hardware", "i18n", "messages", "modelfile", "models",
        "paths", "settings",
    },
    "gui": {
        "assist", "engine", "fileio", "hardware", "i18n", "mail", "messages", "modelfile",
        "models", "paths", "privacy", "secrets", "settings", "spelling", "workers",
    },
    "app": {"gui", "i18n", "paths", "settings"},
    "__main__": {
        "app", "engine", "hardware", "i18n", "modelfile", "models", "paths", "settings", "spelling",
    },
}  # fmt: skip
QT_ALLOWED: dict[str, set[str]] = {
    # "PySide6" itself: its version, for Help > About.
    "gui": {"PySide6", "QtCore", "QtGui", "QtWidgets", "QtNetwork"},
    "app": {"PySide6", "QtCore", "QtGui", "QtWidgets", "QtNetwork"},
    "workers": {"QtCore"},
    "i18n": {"QtCore"},
}


def layer_of(module: str) -> str | None:
    """ "composer.gui.widgets.x" -> "gui"; "composer.paths" -> "paths"; not ours -> None."""
    parts = module.split(".")
    if parts[0] != "composer":
        return None
    return "composer" if len(parts) == 1 else parts[1]


def imports() -> list[tuple[str, str, int, str]]:
    """(layer, file, line, imported module) for every absolute import in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        layer = layer_of(module)
        assert layer is not None
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                found.append((layer, str(path.relative_to(PACKAGE.parent)), node.lineno, name))
    return found


ALL = imports()


def test_every_layer_is_named():
    assert {layer for layer, *_ in ALL} - {"composer"} <= set(ALLOWED)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_what_its_arrows_allow(layer):
    wrong = [
        f"{where}:{line} imports {name}"
        for source, where, line, name in ALL
        if source == layer
        and (target := layer_of(name)) not in (None, "composer", layer)
        and target not in ALLOWED[layer]
    ]
    assert wrong == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_qt_only_where_the_layer_may_have_it(layer):
    wrong = [
        f"{where}:{line} imports {name}"
        for source, where, line, name in ALL
        if source == layer
        and name.split(".")[0] == "PySide6"
        and (name.split(".")[1] if "." in name else "PySide6") not in QT_ALLOWED.get(layer, set())
    ]
    assert wrong == []


def test_the_check_sees_a_forbidden_import():
    """The rules are not vacuous: an arrow up (workers -> gui) and Qt in mail/ are caught."""
    assert "gui" not in ALLOWED["workers"] and "workers" not in ALLOWED["mail"]
    assert "QtWidgets" not in QT_ALLOWED["workers"] and "mail" not in QT_ALLOWED
    assert any(name.startswith("PySide6.QtWidgets") for layer, _, _, name in ALL if layer == "gui")
