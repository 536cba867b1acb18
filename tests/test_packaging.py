"""What an install prints and records about the package itself."""

from __future__ import annotations

import importlib.metadata


def test_the_licence_is_an_spdx_expression():
    # The old table form (license = { text = ... }) made setuptools print its
    # deprecation block on every install: a newcomer's first command looked broken.
    metadata = importlib.metadata.metadata("composer-private-mail")
    assert metadata.get("License-Expression") == "Apache-2.0"
    assert metadata.get("License") is None


def test_every_shipped_resource_folder_is_a_package_of_its_own():
    # A folder inside a listed package but not listed itself makes setuptools print
    # its "Package would be ignored" block on every install (a newcomer's first command).
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    text = (root / "pyproject.toml").read_text(encoding="utf-8")  # tomllib: 3.11+ only
    listed = re.search(r"^packages = \[(.*?)\]", text, re.M | re.S)
    assert listed is not None
    packages = set(re.findall(r'"([\w.]+)"', listed.group(1)))
    assert "composer.gui" in packages  # the list was read
    folders = [p for p in (root / "resources").rglob("*") if p.is_dir() and any(p.iterdir())]
    for folder in folders:
        name = "composer.resources." + ".".join(folder.relative_to(root / "resources").parts)
        assert name in packages, name


def test_every_python_package_of_the_app_is_listed():
    # An unlisted package is missing from a regular (non-editable) install: the
    # README's first command would start an app that fails at its first import.
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"^packages = \[(.*?)\]", text, re.M | re.S)
    assert listed is not None
    packages = set(re.findall(r'"([\w.]+)"', listed.group(1)))
    for init in (root / "composer").rglob("__init__.py"):
        name = ".".join(init.parent.relative_to(root).parts)
        assert name in packages, name
