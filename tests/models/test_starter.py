"""The bundled starter model is assembled once, verified, and never left half-written."""

from __future__ import annotations

import os

import pytest

from composer.models.starter import ensure_starter_model, sha256_of

pytestmark = pytest.mark.slow  # each test assembles and hashes the real 253 MB model

EXPECTED = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"


def test_assembles_verified_model_once(tmp_path):
    models = tmp_path / "models"
    path = ensure_starter_model(models)
    assert path.parent == models
    assert sha256_of(path) == EXPECTED
    assert not [p for p in models.iterdir() if p.name.startswith(".starter-")]
    mtime = path.stat().st_mtime_ns
    assert ensure_starter_model(models) == path
    assert path.stat().st_mtime_ns == mtime  # not assembled again


def test_damaged_copy_is_replaced(tmp_path):
    models = tmp_path / "models"
    path = ensure_starter_model(models)
    with open(path, "r+b") as handle:
        handle.seek(1000)
        handle.write(b"\xff" * 16)
    os.utime(path, ns=(1, 1))  # changed since it was stamped
    repaired = ensure_starter_model(models)
    assert sha256_of(repaired) == EXPECTED
