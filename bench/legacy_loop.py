"""The engine's earlier token loop, kept for comparison: llama-cpp-python's create_completion.

Before composer/engine/token_loop.py, LocalEngine wrote through
llama-cpp-python's ``create_completion(stream=True)``. The app no longer
has that path (nor the COMPOSER_TOKEN_LOOP switch that chose it); the
benches that measure the native loop against it use LegacyLoopEngine:

- bench/engine_ratio.py ``--loops llama-cpp-python``;
- bench/token_path_profile.py ``--loop old``;
- tests/engine/test_token_loop.py: greedy answers of both loops are the same.

LegacyLoopEngine is LocalEngine (the same load, prompt layout, prefix reuse
and prompt reading) with only the writing replaced. Imported as
``bench.legacy_loop`` with the repository's root on sys.path (the benches put
it there).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

from composer.engine.base import Cancelled, EngineError, GenerationStats
from composer.engine.local import LocalEngine
from composer.engine.token_loop import SamplerSettings
from composer.messages import user_message


def write_with_create_completion(
    llm: Any,  # llama_cpp.Llama, with the prompt already read into its KV cache
    tokens: list[int],
    stops: list[str],
    max_tokens: int,
    sampling: SamplerSettings,
    cancel: threading.Event,
    stats: GenerationStats,
) -> Iterator[str]:
    """The earlier loop: llama-cpp-python's create_completion stream (no DRY: it has none)."""
    started = time.perf_counter()
    chunks = llm.create_completion(
        prompt=tokens,
        max_tokens=max_tokens,
        temperature=sampling.temperature,
        top_k=sampling.top_k,
        top_p=sampling.top_p,
        min_p=sampling.min_p,
        repeat_penalty=sampling.repeat_penalty,
        stop=stops or None,
        stream=True,
    )
    try:
        for chunk in chunks:
            if cancel.is_set():
                stats.stop_reason = "cancelled"
                raise Cancelled()
            choice = chunk["choices"][0]
            text = choice.get("text") or ""
            if choice.get("finish_reason"):
                stats.stop_reason = choice["finish_reason"]
            if text:
                yield text
    except RuntimeError as exc:
        if cancel.is_set():
            stats.stop_reason = "cancelled"
            raise Cancelled() from exc
        raise EngineError(
            user_message("Engine", "llama.cpp failed while writing: %1").arg(exc)
        ) from exc
    finally:
        chunks.close()
        stats.generation_seconds = time.perf_counter() - started
        # Tokens llama.cpp appended after the prompt; the last sampled
        # token (EOS or the length limit's last) is sampled, not evaluated.
        written = llm.n_tokens - len(tokens)
        stats.generated_tokens = max(0, written + (1 if stats.stop_reason else 0))
    if cancel.is_set():
        stats.stop_reason = "cancelled"
        raise Cancelled()


class LegacyLoopEngine(LocalEngine):
    """LocalEngine writing through llama-cpp-python's create_completion stream."""

    def _write(
        self,
        tokens: list[int],
        stops: list[str],
        max_tokens: int,
        sampling: SamplerSettings,
        cancel: threading.Event,
        stats: GenerationStats,
    ) -> Iterator[str]:
        return write_with_create_completion(
            self._llm, tokens, stops, max_tokens, sampling, cancel, stats
        )


def engine_class(loop: str) -> type[LocalEngine]:
    """The engine for a bench's loop name: "llama-cpp-python" / "old", else the app's."""
    return LegacyLoopEngine if loop in ("llama-cpp-python", "old") else LocalEngine
