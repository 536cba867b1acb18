"""Lookup decoding in the engine's token loop, on the real starter model.

Guessed tokens are checked several at a time (composer.engine.lookup,
composer.engine.token_loop). The step costs are fixed here (a GPU's: an
extra token almost free), so the loop guesses whatever this machine's
timing says; the answers are then compared with one token at a time.
"""

from __future__ import annotations

import threading

import pytest

from composer.assist.actions import Action, EmailContext, build_request
from composer.engine.base import Cancelled, GenerationStats
from composer.engine.lookup import StepCosts
from composer.engine.token_loop import SamplerSettings, write_tokens

pytestmark = pytest.mark.slow

# A text the model is asked to copy: its answer is mostly the prompt again.
COPY_PROMPT = (
    b"Copy the note exactly.\nNote: Please send the invoice for 4,500 EUR to Anna "
    b"before Friday, and book the room for Tuesday at 10am.\nCopy: Please send the invoice"
)


class GpuLikeCosts(StepCosts):
    """Extra tokens of a step nearly free, whatever this machine measures: guesses are checked."""

    def __init__(self) -> None:
        super().__init__()
        self.one_token_s, self.extra_token_s = 0.010, 0.0001

    def timed(self, batch: int, seconds: float) -> None:
        pass


def _answer(llm, prompt, settings, costs, max_draft=16, n=48, cancel=None):
    llm.reset()
    llm._ctx.kv_cache_clear()
    llm.eval(prompt)
    stats = GenerationStats()
    pieces = []
    for piece in write_tokens(
        llm,
        len(prompt),
        [],
        n,
        settings,
        cancel or threading.Event(),
        stats,
        None,
        costs,
        max_draft,
    ):
        pieces.append(piece)
        if cancel is not None and len(pieces) == 2:
            cancel.set()
    return "".join(pieces), stats


def _kv_in_step(llm) -> None:
    """What the engine believes is in the KV cache is what llama.cpp holds: prefix reuse depends on it."""
    import llama_cpp

    memory = llama_cpp.llama_get_memory(llm._ctx.ctx)
    assert llama_cpp.llama_memory_seq_pos_max(memory, 0) == llm.n_tokens - 1


@pytest.mark.parametrize(
    "settings",
    [SamplerSettings(temperature=0.0), SamplerSettings(temperature=0.8, seed=5)],
    ids=["greedy", "sampled"],
)
def test_checked_guesses_write_the_same_answer_as_one_token_at_a_time(engine, settings):
    """Greedy: the same bytes; sampled with one seed: the same draws, so the same bytes.

    Batches of up to 3 tokens at a shallow depth: there llama.cpp's CPU kernels
    give a batch's rows the very logits of one-token steps (deeper or wider, the
    repacked GEMM and split-KV attention move them, docs/PERFORMANCE.md), so any
    difference here is the loop's own fault: a wrong position, key, value or
    sampler history."""
    llm = engine._llm
    prompt = llm.tokenize(COPY_PROMPT)
    plain, plain_stats = _answer(llm, prompt, settings, None)
    guessed, stats = _answer(llm, prompt, settings, GpuLikeCosts(), max_draft=2)
    assert guessed == plain
    assert stats.generated_tokens == plain_stats.generated_tokens
    assert stats.kept_tokens > 0  # guesses were checked and kept
    assert stats.write_steps < plain_stats.write_steps
    assert stats.write_steps + stats.kept_tokens == stats.generated_tokens - 1
    _kv_in_step(llm)


def test_a_rewrite_through_the_engine_keeps_guesses_and_the_cache_in_step(engine):
    """A real action (Proofread) through LocalEngine.stream: long guesses are checked and
    kept, rejected ones leave nothing behind, and the next request reuses the prompt."""
    body = (
        "Hi Anna,\n\nThank you for the meeting on Friday. I would like to propose Tuesday "
        "instead, at 10am in the office. The invoice of 4,500 EUR is attached.\n\nBest,\nTom"
    )
    request = build_request(Action.PROOFREAD, body, context=EmailContext(body=body))
    saved = engine._step_costs
    engine._step_costs = GpuLikeCosts()
    try:
        text = "".join(engine.stream(request, threading.Event()))
        stats = engine.last_stats
        _kv_in_step(engine._llm)
        again = "".join(engine.stream(request, threading.Event()))
    finally:
        engine._step_costs = saved
    assert text.strip() and again.strip()
    assert stats.drafted_tokens > stats.kept_tokens > 0
    assert stats.write_steps < stats.generated_tokens
    assert engine.last_stats.reused_tokens == engine.last_stats.prompt_tokens - 1


def test_stop_ends_an_answer_written_in_checked_batches(engine):
    llm = engine._llm
    prompt = llm.tokenize(COPY_PROMPT)
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        _answer(llm, prompt, SamplerSettings(temperature=0.0), GpuLikeCosts(), n=200, cancel=cancel)
    _kv_in_step(llm)


def test_without_costs_no_guess_is_checked(engine):
    llm = engine._llm
    prompt = llm.tokenize(COPY_PROMPT)
    _, stats = _answer(llm, prompt, SamplerSettings(temperature=0.0), None)
    assert stats.drafted_tokens == 0
    assert stats.write_steps == stats.generated_tokens - 1
