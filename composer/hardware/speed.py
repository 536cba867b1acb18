"""Measure reading (prompt) and writing (generation) speed on this machine.

Runs on the thread that owns the Llama object (the engine worker): a Llama is
not thread-safe. The text read is a fixed, built-in passage, never the user's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

# Plain prose, repeated to length: close to what the assistant reads.
_PASSAGE = (
    "Dear team, thank you for the productive meeting on Tuesday. As discussed, we will "
    "move the launch to the second week of March, update the budget sheet, and share the "
    "revised schedule with our partners by Friday. Please send me your notes and any open "
    "questions so that I can prepare the summary for the board. "
)


@dataclass
class SpeedResult:
    prompt_tokens_per_s: float
    gen_tokens_per_s: float
    n_prompt: int
    n_gen: int

    def summary(self) -> str:
        return (
            f"reading {self.prompt_tokens_per_s:,.0f} tokens/s, "
            f"writing {self.gen_tokens_per_s:,.1f} tokens/s"
        )


def _prompt_tokens(llm: Any, count: int) -> list[int]:
    tokens: list[int] = llm.tokenize(_PASSAGE.encode("utf-8"), add_bos=True)
    body = tokens[1:] or tokens
    while len(tokens) < count:
        tokens.extend(body)
    return tokens[:count]


def _timed_generate(llm: Any, tokens: list[int], n_gen: int) -> tuple[float, float]:
    """Seconds to the first token (reading the prompt) and for the n_gen - 1 after it.

    Goes through Llama.generate, the path the assistant writes with: its
    sampler lives across tokens, and reading the first token's logits waits
    for the GPU, so the prompt's time is not hidden in the first step
    (Llama.eval alone returns before an asynchronous backend has finished).
    """
    llm.reset()
    start = time.perf_counter()
    stream = llm.generate(tokens, top_k=1, temp=0.0, reset=True)
    next(stream)
    first = time.perf_counter()
    for _ in range(n_gen - 1):
        next(stream)
    end = time.perf_counter()
    stream.close()
    return first - start, end - first


def measure_speed(llm: Any, n_prompt: int = 256, n_gen: int = 64) -> SpeedResult:
    """Time reading n_prompt tokens and writing n_gen tokens (greedy) on `llm`.

    Leaves the model's context empty afterwards, so the next request does not
    reuse the benchmark's tokens as a prefix.
    """
    n_ctx = int(llm.n_ctx())
    n_gen = max(2, n_gen)
    n_prompt = max(16, min(n_prompt, n_ctx - n_gen - 2))
    tokens = _prompt_tokens(llm, n_prompt)
    try:
        # The same shapes once untimed: a GPU backend builds its pipelines for
        # each batch size on first use (on the H100, 81 tok/s cold vs 2,700 warm).
        _timed_generate(llm, tokens, 2)
        prompt_s, gen_s = _timed_generate(llm, tokens, n_gen)
    finally:
        llm.reset()
    return SpeedResult(
        prompt_tokens_per_s=len(tokens) / prompt_s if prompt_s > 0 else 0.0,
        gen_tokens_per_s=(n_gen - 1) / gen_s if gen_s > 0 else 0.0,
        n_prompt=len(tokens),
        n_gen=n_gen,
    )
