from __future__ import annotations

from composer.settings import Settings


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(model_path="/models/a.gguf", device="cpu", gpu_layers=12)
    settings.save(path)
    assert Settings.load(path) == settings


def test_unreadable_file_is_kept_aside_and_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json")
    assert Settings.load(path) == Settings()
    assert (tmp_path / "settings.unreadable.json").read_text() == "{ not json"


def test_unknown_keys_from_newer_versions_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"device": "1", "future_option": true}')
    assert Settings.load(path).device == "1"
