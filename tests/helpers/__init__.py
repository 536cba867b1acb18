"""Test-only plugins and helpers (pytest plugins are registered from tests/conftest.py)."""
