"""The abort flag against real llama.cpp: a request's Stop ends a decode, and only its own."""

from __future__ import annotations

import threading
import time

import pytest

from composer.engine.abort_hook import AbortFlag

ABORTED = 2  # llama_decode's return code when the abort callback said stop


def _tokens(engine, n):
    text = " ".join(f"Item {i}: part {i * 7} ships on Monday." for i in range(n // 8))
    tokens = engine._llm.tokenize(text.encode())
    assert len(tokens) >= n
    return tokens[:n]


def _decode(engine, tokens):
    """Read *tokens* in one batch from an empty cache; llama.cpp's return code."""
    import llama_cpp

    llm = engine._llm
    llm.reset()
    llm._ctx.kv_cache_clear()
    array = (llama_cpp.llama_token * len(tokens))(*tokens)
    return llama_cpp.llama_decode(llm._ctx.ctx, llama_cpp.llama_batch_get_one(array, len(tokens)))


def _wait_raised(flag):
    deadline = time.monotonic() + 5
    while not flag.raised and time.monotonic() < deadline:
        time.sleep(0.001)
    return flag.raised


@pytest.fixture
def flag(engine):
    flag = AbortFlag(engine._llm._ctx.ctx)
    yield flag
    flag.end()
    engine._abort = AbortFlag(engine._llm._ctx.ctx)  # the engine's own again


def test_the_callback_is_native_here(flag):
    """libc's strlen is found on Linux: no Python runs inside llama.cpp's loop."""
    assert flag.native


def test_stop_aborts_a_batch(engine, flag):
    tokens = _tokens(engine, 256)
    cancel = threading.Event()
    flag.watch(cancel)
    cancel.set()
    assert _wait_raised(flag)
    assert _decode(engine, tokens) == ABORTED
    flag.end()
    assert not flag.raised
    assert _decode(engine, tokens) == 0  # after the request, work runs to its end


def test_a_late_stop_of_an_earlier_request_does_not_stop_the_next(engine, flag):
    tokens = _tokens(engine, 128)
    first, second = threading.Event(), threading.Event()
    flag.watch(first)
    flag.end()
    flag.watch(second)
    first.set()
    time.sleep(0.05)
    assert not flag.raised
    assert _decode(engine, tokens) == 0
    second.set()
    assert _wait_raised(flag)
    assert _decode(engine, tokens) == ABORTED


def test_python_fallback_aborts_too(engine, monkeypatch):
    monkeypatch.setattr("composer.engine.abort_hook._libc_strlen", lambda: None)
    flag = AbortFlag(engine._llm._ctx.ctx)
    try:
        assert not flag.native
        cancel = threading.Event()
        flag.watch(cancel)
        cancel.set()
        assert _wait_raised(flag)
        assert _decode(engine, _tokens(engine, 128)) == ABORTED
    finally:
        flag.end()
        engine._abort = AbortFlag(engine._llm._ctx.ctx)
