from __future__ import annotations

import pytest

from composer.settings import Settings


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(model_path="/models/a.gguf", device="cpu", gpu_layers=12)
    settings.save(path)
    assert Settings.load(path) == settings


@pytest.mark.allow_log("composer.settings", "WARNING", match="Settings file unreadable")
def test_unreadable_file_is_kept_aside_and_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json")
    assert Settings.load(path) == Settings()
    assert [p.read_text() for p in tmp_path.glob("settings.unreadable-*.json")] == ["{ not json"]


def test_unknown_keys_from_newer_versions_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"device": "1", "future_option": true}')
    assert Settings.load(path).device == "1"


@pytest.mark.allow_log("composer.settings", "WARNING", match="unexpected type")
def test_values_of_the_wrong_type_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        '{"context_size": "4096", "gpu_layers": 12, "model_path": 5, "max_tokens": true}'
    )
    settings = Settings.load(path)
    assert settings.context_size == Settings().context_size
    assert settings.gpu_layers == 12
    assert settings.model_path is None
    assert settings.max_tokens == Settings().max_tokens


def test_kv_cache_round_trips(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings().kv_cache == "f16"
    Settings(kv_cache="q8_0").save(path)
    assert Settings.load(path).kv_cache == "q8_0"


@pytest.mark.allow_log("composer.settings", "WARNING", match="unexpected value")
def test_an_unknown_kv_cache_falls_back_to_f16(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"kv_cache": "q4_0", "device": "cpu"}')
    settings = Settings.load(path)
    assert settings.kv_cache == "f16"
    assert settings.device == "cpu"


@pytest.mark.allow_log("composer.settings", "WARNING", match="Settings file unreadable")
def test_a_fifo_in_place_of_the_settings_is_kept_aside_not_waited_on(tmp_path):
    from helpers.fifo import make_fifo, without_blocking

    path = make_fifo(tmp_path / "settings.json")
    assert without_blocking(lambda: Settings.load(path), [path]) == Settings()
    assert not path.exists()  # moved aside: the next save cannot meet it
    assert len(list(tmp_path.glob("settings.unreadable-*.json"))) == 1
    Settings(device="cpu").save(path)
    assert Settings.load(path).device == "cpu"


@pytest.mark.allow_log("composer.settings", "WARNING", match="Settings file unreadable")
def test_a_huge_settings_file_is_kept_aside_not_read_whole(tmp_path):
    from composer.settings import MAX_FILE_BYTES

    path = tmp_path / "settings.json"
    path.write_text('{"device": "cpu", "pad": "' + "x" * MAX_FILE_BYTES + '"}')
    assert Settings.load(path) == Settings()
    assert len(list(tmp_path.glob("settings.unreadable-*.json"))) == 1
