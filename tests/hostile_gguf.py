"""Hostile GGUF corpus: the crash classes of issue 8 and seeded random mutations.

Each case is (name, what the refusal message says, a writer). The files are
small llama-shaped models (gguf_tools.write_tiny_model) with one thing wrong.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

from gguf_tools import BYTE_TOKENS, tiny_vocab, write_tiny_model

Case = tuple[str, str, Callable[[Path], Path]]


def crash_classes() -> list[Case]:
    vocab = tiny_vocab()
    return [
        (
            "block_count_zero",
            "block_count is 0",
            lambda p: write_tiny_model(p, block_count=0, tensor_blocks=2),
        ),
        (
            "block_count_absurd",
            "block_count is 100,000",
            lambda p: write_tiny_model(p, block_count=100_000, tensor_blocks=2),
        ),
        (
            "duplicate_tokens",
            "more than once",
            lambda p: write_tiny_model(p, tokens=[*vocab[:-1], vocab[-2]]),
        ),
        ("alignment_16", "alignment is 16", lambda p: write_tiny_model(p, alignment=16)),
        (
            "bert_tokenizer_on_llama",
            "belongs to another kind of model",
            lambda p: write_tiny_model(p, tokenizer_model="bert"),
        ),
        (
            "rwkv_tokenizer_on_llama",
            "belongs to another kind of model",
            lambda p: write_tiny_model(p, tokenizer_model="rwkv"),
        ),
        (
            "missing_byte_token",
            "lacks 1 byte token",
            lambda p: write_tiny_model(
                p, tokens=[t for t in vocab if t != BYTE_TOKENS[0xC3]] + ["▁x"]
            ),
        ),
        (
            "context_length_string",
            "not a whole number",
            lambda p: write_tiny_model(p, context_length="lots"),
        ),
        (
            "context_length_2_32",
            "context_length is 4,294,967,295",
            lambda p: write_tiny_model(p, context_length=2**32 - 1),
        ),
        (
            "heads_do_not_divide",
            "key/value heads",
            lambda p: write_tiny_model(p, n_head=4, n_head_kv=3),
        ),
    ]


def mutations(valid: Path, out_dir: Path, count: int, seed: int = 8) -> Iterator[Path]:
    """Copies of *valid* with 1-4 random bytes of the header changed (seeded)."""
    data = valid.read_bytes()
    from composer.modelfile.gguf import read_gguf

    header_end = read_gguf(valid).data_start
    rng = random.Random(seed)
    for index in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(8, header_end)
            mutated[at] = rng.choice(
                [0, 0xFF, rng.randrange(256), mutated[at] ^ (1 << rng.randrange(8))]
            )
        path = out_dir / f"mutation-{index:03d}.gguf"
        path.write_bytes(bytes(mutated))
        yield path
