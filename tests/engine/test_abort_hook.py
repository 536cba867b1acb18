"""The abort hook against real llama.cpp: attached, Stop ends a decode; detached, it does not."""

from __future__ import annotations

import threading

import pytest

from composer.engine.abort_hook import SLOW_TOKEN_S, AbortHook
from composer.engine.base import ChatMessage, GenerationRequest


def _prompt_tokens(engine, n):
    llm = engine._llm
    text = " ".join(f"Item {i}: part {i * 7} ships on Monday." for i in range(n // 8))
    tokens = llm.tokenize(text.encode())
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


def test_attached_hook_aborts_a_batch_and_detached_does_not(engine):
    tokens = _prompt_tokens(engine, 256)
    cancel = threading.Event()
    cancel.set()
    hook = AbortHook(engine._llm._ctx.ctx, cancel)
    try:
        hook.attach()
        assert hook.attached
        assert _decode(engine, tokens) == 2  # llama.cpp: aborted by the callback
        hook.detach()
        assert not hook.attached
        assert _decode(engine, tokens) == 0  # read to the end though Stop is set
    finally:
        hook.detach()


def test_hook_follows_token_time(engine):
    hook = AbortHook(engine._llm._ctx.ctx, threading.Event())
    hook.follow_token_time(SLOW_TOKEN_S * 2)
    assert hook.attached
    hook.follow_token_time(SLOW_TOKEN_S / 10)
    assert not hook.attached


@pytest.mark.parametrize(("slow_token_s", "attached_after_writing"), [(60.0, False), (0.0, True)])
def test_writing_follows_token_time_and_reading_attaches(
    engine, monkeypatch, slow_token_s, attached_after_writing
):
    """Tokens faster than the threshold leave the callback off after writing, slower
    ones keep it; the next request's prompt reading turns it on either way."""
    monkeypatch.setattr("composer.engine.abort_hook.SLOW_TOKEN_S", slow_token_s)
    request = GenerationRequest(
        messages=(ChatMessage("system", "Hook test."), ChatMessage("user", "Say hello to Anna.")),
        max_tokens=24,
        temperature=0,
    )
    list(engine.stream(request, threading.Event()))
    assert engine.last_stats.generated_tokens >= 3
    assert engine._abort.attached is attached_after_writing

    seen = []
    request2 = GenerationRequest(
        messages=(ChatMessage("system", "Hook test 2."), ChatMessage("user", "Say hi to Bo.")),
        max_tokens=2,
        temperature=0,
    )
    list(
        engine.stream(
            request2,
            threading.Event(),
            on_prompt_progress=lambda done, total: seen.append(engine._abort.attached),
        )
    )
    assert seen[-1] is True  # attached while the prompt was read
