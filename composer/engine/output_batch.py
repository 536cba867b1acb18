"""A llama_batch of one sequence whose every token gets its logits.

llama_batch_get_one asks for the last token's logits only; checking guessed
tokens (engine/token_loop.py) and comparing kernels (bench/batch_invariance.py)
need the model's choice after each token of the batch.
"""

from __future__ import annotations

from typing import Any


class OutputBatch:
    """Up to *size* tokens of sequence 0; free() it (llama.cpp owns the arrays)."""

    def __init__(self, size: int) -> None:
        import llama_cpp

        self.size = size
        self._batch = llama_cpp.llama_batch_init(size, 0, 1)
        batch = self._batch
        for i in range(size):
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = 0
            batch.logits[i] = 1

    def of(self, tokens: list[int], first_pos: int) -> Any:
        """The batch holding *tokens* from position *first_pos* on."""
        batch = self._batch
        for i, token in enumerate(tokens):
            batch.token[i] = token
            batch.pos[i] = first_pos + i
        batch.n_tokens = len(tokens)
        return batch

    def free(self) -> None:
        import llama_cpp

        llama_cpp.llama_batch_free(self._batch)


__all__ = ["OutputBatch"]
