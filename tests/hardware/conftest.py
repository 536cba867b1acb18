"""pytest fixtures for the hardware tests (helpers live in tests/helpers/hardware.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers.hardware import VULKAN_SITE


@pytest.fixture
def vulkan_build() -> Path:
    """The Vulkan llama-cpp-python built by .ci/vulkan.sh.

    Missing: a skip on a developer machine, a failure where CI sets
    COMPOSER_REQUIRE_VULKAN=1 (a Vulkan test that silently never runs proves nothing).
    """
    if not (VULKAN_SITE / "llama_cpp").is_dir():
        message = f"no Vulkan build at {VULKAN_SITE}; run: bash .ci/vulkan.sh"
        if os.environ.get("COMPOSER_REQUIRE_VULKAN") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return VULKAN_SITE
