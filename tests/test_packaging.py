"""What an install prints and records about the package itself."""

from __future__ import annotations

import importlib.metadata


def test_the_licence_is_an_spdx_expression():
    # The old table form (license = { text = ... }) made setuptools print its
    # deprecation block on every install: a newcomer's first command looked broken.
    metadata = importlib.metadata.metadata("composer-private-mail")
    assert metadata.get("License-Expression") == "Apache-2.0"
    assert metadata.get("License") is None
