"""llama.cpp's log goes to the app's log, never to the terminal the app was started from."""

from __future__ import annotations

import logging

from composer.engine.llama_log import llama_log_tap, route_llama_log


def _load(path) -> object:
    import llama_cpp

    return llama_cpp.llama_model_load_from_file(
        str(path).encode(), llama_cpp.llama_model_default_params()
    )


def test_llama_cpp_errors_reach_our_log_and_not_stderr(tmp_path, capfd, caplog):
    bad = tmp_path / "not-a-model.gguf"
    bad.write_bytes(b"not a model at all")
    route_llama_log()
    with caplog.at_level(logging.DEBUG, logger="composer.llama"):
        assert not _load(bad)
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    lines = [r.getMessage() for r in caplog.records if r.name == "composer.llama"]
    assert any("failed to load model" in line for line in lines), lines
    # An error line is kept at INFO, never as a warning of ours (the engine says it in a sentence).
    assert {r.levelno for r in caplog.records if r.name == "composer.llama"} <= {
        logging.DEBUG,
        logging.INFO,
    }


def test_a_tap_still_reads_the_lines_and_routing_stays_after_it(tmp_path, capfd, caplog):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF but no more")
    with llama_log_tap() as tap:
        _load(bad)
    assert "failed to load model" in tap.getvalue()
    _load(bad)  # after the tap: still routed, still quiet
    assert capfd.readouterr().err == ""
