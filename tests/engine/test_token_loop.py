"""The engine's own token loop (composer.engine.token_loop) against the earlier one.

The earlier loop (llama-cpp-python's create_completion stream) lives in
bench/legacy_loop.py, out of the app; it is loaded from there by path.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import pytest

from composer.assist.actions import draft_request
from composer.engine.base import Cancelled, ChatMessage, GenerationRequest, GenerationStats
from composer.engine.token_loop import SamplerSettings, StopScanner, write_tokens


def _feed_all(stops, pieces):
    scanner = StopScanner(stops)
    out, stopped = [], False
    for piece in pieces:
        text, stopped = scanner.feed(piece)
        out.append(text)
        if stopped:
            break
    if not stopped:
        out.append(scanner.flush())
    return "".join(out), stopped


def test_stop_found_across_pieces():
    assert _feed_all(["\n### "], ["Hello", "\n#", "## ", "Instruction"]) == ("Hello", True)


def test_partial_stop_is_held_then_released():
    scanner = StopScanner(["<end_of_turn>"])
    assert scanner.feed("Hi <end") == ("Hi ", False)  # could be a stop: held
    assert scanner.feed("less") == ("<endless", False)  # it was not
    assert scanner.flush() == ""


def test_no_stops_passes_text_through():
    assert _feed_all([], ["a", "b"]) == ("ab", False)


def test_earliest_stop_wins():
    assert _feed_all(["BB", "A"], ["xxBBA"]) == ("xx", True)


def _run(engine, request, cancel=None):
    pieces = list(engine.stream(request, cancel or threading.Event()))
    return "".join(pieces), pieces, engine.last_stats


LEGACY_LOOP = Path(__file__).resolve().parents[2] / "bench" / "legacy_loop.py"


@pytest.fixture(scope="module")
def legacy_engine(starter_model_path):
    """The starter model in bench/legacy_loop.py's LegacyLoopEngine (the earlier loop)."""
    spec = importlib.util.spec_from_file_location("legacy_loop", LEGACY_LOOP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    eng = module.LegacyLoopEngine()
    eng.load(starter_model_path, context_size=2048)
    yield eng
    eng.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "prompt",
    ["thank Anna for Friday, propose Tuesday instead", "write a long letter about the new office"],
)
def test_greedy_output_matches_the_earlier_loop(engine, legacy_engine, prompt):
    request = draft_request(prompt, max_tokens=80)
    request = GenerationRequest(messages=request.messages, max_tokens=80, temperature=0.0)
    old_text, _, old = _run(legacy_engine, request)
    # One token at a time, as the earlier loop: checked guesses read the
    # logits of a batch, which llama.cpp computes a little differently
    # (tests/engine/test_lookup_decoding.py compares the two).
    engine.lookup_decoding = False
    try:
        new_text, pieces, new = _run(engine, request)
    finally:
        engine.lookup_decoding = True
    assert new_text == old_text
    assert new_text.strip()
    assert len(pieces) > 1
    assert new.stop_reason == old.stop_reason
    assert new.generated_tokens == old.generated_tokens
    assert new.prompt_tokens == old.prompt_tokens


@pytest.mark.slow
def test_length_limit_and_stats(engine):
    request = GenerationRequest(
        messages=(ChatMessage("user", "Write a long story about a lighthouse keeper."),),
        max_tokens=12,
        temperature=0.0,
    )
    text, _, stats = _run(engine, request)
    assert text
    assert stats.generated_tokens <= 12
    assert stats.stop_reason in ("length", "stop")
    if stats.stop_reason == "length":
        assert stats.generated_tokens == 12
    assert stats.prompt_tokens == stats.reused_tokens + stats.evaluated_tokens


@pytest.mark.slow
def test_prefix_is_reused_after_the_native_loop(engine):
    """The loop keeps input_ids/n_tokens in step with the KV cache: the next request reuses it."""
    base = draft_request("ask Tom to move lunch to 1pm", max_tokens=10)
    first = GenerationRequest(messages=base.messages, max_tokens=10, temperature=0.0)
    _run(engine, first)
    # Same request again: everything but the last prompt token is reused.
    _, _, again = _run(engine, first)
    assert again.reused_tokens == again.prompt_tokens - 1
    assert again.evaluated_tokens == 1


@pytest.mark.slow
def test_cancel_stops_the_native_loop(engine):
    cancel = threading.Event()
    request = draft_request("write a very long email about the quarterly report", max_tokens=400)
    received = []
    with pytest.raises(Cancelled):
        for piece in engine.stream(request, cancel):
            received.append(piece)
            if len(received) == 3:
                cancel.set()
    stats: GenerationStats = engine.last_stats
    assert stats.stop_reason == "cancelled"
    assert len(received) == 3
    assert stats.generated_tokens < 20


def test_sampler_settings_default_to_the_earlier_values():
    s = SamplerSettings()
    assert (s.temperature, s.top_k, s.top_p, s.min_p, s.repeat_penalty) == (
        0.7,
        40,
        0.95,
        0.05,
        1.0,
    )


@pytest.mark.parametrize("temperature", [0.8, 0.0])
def test_top_k_picked_by_the_graph_gives_the_same_answer(engine, temperature):
    """offload_top_k (llama.cpp's backend sampling) only moves the top-k; the seeded
    answer is token for token the one the CPU chain alone writes, with llama.cpp's
    one-row top-k (the GPU's) and with the row-split one (the CPU's), and the chain
    really received k candidates instead of the whole vocabulary."""
    import llama_cpp

    from composer.engine.token_loop import DEVICE_TOP_K, offload_top_k

    llm = engine._llm
    ctx = llm._ctx.ctx
    settings = SamplerSettings(temperature=temperature, top_k=24, seed=7)
    prompt = llm.tokenize(b"Dear Anna, thank you for Friday. Could we meet on")
    answers, candidates = {}, []
    engine._drop_device_top_k()  # the one the engine attached for this machine
    for mode in ("host", "graph", "graph-rows"):
        chain = None if mode == "host" else offload_top_k(ctx, split_rows=mode == "graph-rows")
        assert (chain is None) == (mode == "host")
        try:
            llm.reset()
            llm._ctx.kv_cache_clear()
            llm.eval(prompt)
            stats = GenerationStats()
            pieces: list[str] = []
            for piece in write_tokens(llm, len(prompt), [], 24, settings, threading.Event(), stats):
                candidates.append((mode, llama_cpp.llama_get_sampled_logits_count_ith(ctx, -1)))
                pieces.append(piece)
        finally:
            if chain is not None:
                llama_cpp.llama_set_sampler(ctx, 0, None)
                llama_cpp.llama_sampler_free(chain)
        answers[mode] = "".join(pieces)
        assert stats.generated_tokens >= 8
    engine._attach_graph_top_k()
    assert answers["graph"] == answers["host"]
    assert answers["graph-rows"] == answers["host"]
    assert {n for mode, n in candidates if mode != "host"} == {DEVICE_TOP_K}
    assert {n for mode, n in candidates if mode == "host"} <= {0, llm.n_vocab()}


def _write(llm, prompt, settings, dry=None, n=48):
    llm.reset()
    llm._ctx.kv_cache_clear()
    llm.eval(prompt)
    stats = GenerationStats()
    return "".join(write_tokens(llm, len(prompt), [], n, settings, threading.Event(), stats, dry))


@pytest.mark.slow
def test_dry_copied_from_the_prepared_one_writes_what_a_new_one_writes(engine):
    """The engine prepares DRY once per setting (the vocabulary scan) and gives each
    request a copy: seeded answers are those of a DRY built for the request, request
    after request (a copy carries no history), and DRY is really at work in them."""
    from composer.engine.token_loop import DrySamplers

    llm = engine._llm
    prompt = llm.tokenize(b"Say it again and again: yes yes yes yes yes yes yes yes yes")
    settings = SamplerSettings(temperature=0.9, seed=11, dry_multiplier=3.0, dry_allowed_length=1)
    without = _write(llm, prompt, SamplerSettings(temperature=0.9, seed=11))
    fresh = _write(llm, prompt, settings)
    dry = DrySamplers(llm._model.vocab)
    try:
        copies = [_write(llm, prompt, settings, dry) for _ in range(2)]
        assert len(dry._prepared) == 1  # prepared once, copied twice
    finally:
        dry.close()
    assert fresh != without  # DRY changes this answer
    assert copies == [fresh, fresh]
