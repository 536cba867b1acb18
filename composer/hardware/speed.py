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
WARMUP_TOKENS = 8  # the first batch builds GPU pipelines (Vulkan): never time it


@dataclass
class SpeedResult:
    prompt_tokens_per_s: float
    gen_tokens_per_s: float
    n_prompt: int
    n_gen: int

    def summary(self) -> str:
        return (f"reading {self.prompt_tokens_per_s:,.0f} tokens/s, "
                f"writing {self.gen_tokens_per_s:,.1f} tokens/s")


def _prompt_tokens(llm: Any, count: int) -> list[int]:
    tokens: list[int] = llm.tokenize(_PASSAGE.encode("utf-8"), add_bos=True)
    body = tokens[1:] or tokens
    while len(tokens) < count:
        tokens.extend(body)
    return tokens[:count]


def measure_speed(llm: Any, n_prompt: int = 256, n_gen: int = 64) -> SpeedResult:
    """Time one prompt evaluation and n_gen greedy decode steps on `llm`.

    Leaves the model's context empty afterwards, so the next request does not
    reuse the benchmark's tokens as a prefix.
    """
    n_ctx = int(llm.n_ctx())
    n_prompt = max(16, min(n_prompt, n_ctx - n_gen - WARMUP_TOKENS - 2))
    tokens = _prompt_tokens(llm, n_prompt)
    try:
        llm.reset()
        llm.eval(tokens[:WARMUP_TOKENS])
        llm.eval([llm.sample(top_k=1, temp=0.0)])
        llm.reset()

        start = time.perf_counter()
        llm.eval(tokens)
        prompt_s = time.perf_counter() - start

        start = time.perf_counter()
        for _ in range(n_gen):
            llm.eval([llm.sample(top_k=1, temp=0.0)])
        gen_s = time.perf_counter() - start
    finally:
        llm.reset()
    return SpeedResult(
        prompt_tokens_per_s=len(tokens) / prompt_s if prompt_s > 0 else 0.0,
        gen_tokens_per_s=n_gen / gen_s if gen_s > 0 else 0.0,
        n_prompt=len(tokens),
        n_gen=n_gen,
    )
