"""Test helpers: GGUF files for tests.

write_tiny_model() writes a small llama-shaped model with the gguf package's
GGUFWriter. copy_with_string_metadata() copies a real GGUF with one extra
string metadata entry (a raw writer: it keeps the real tensors as they are).

Used to give the (template-less) starter model a chat template, so the
template path runs against real llama.cpp. Tensor offsets are relative to the
aligned data section, so adding a key only needs the header re-padded.
"""

from __future__ import annotations

import struct
from pathlib import Path

from composer.modelfile.gguf import read_gguf

_STRING = 8


def _gguf_string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("<Q", len(raw)) + raw


def copy_with_string_metadata(src: Path, dst: Path, key: str, value: str) -> Path:
    info = read_gguf(src, strict=False)
    alignment = info.metadata.get("general.alignment", 32)
    with open(src, "rb") as handle:
        head = handle.read(info.metadata_end)
        kv_count = struct.unpack("<Q", head[16:24])[0]
        new_kv = _gguf_string(key) + struct.pack("<I", _STRING) + _gguf_string(value)
        header = head[:16] + struct.pack("<Q", kv_count + 1) + head[24:] + new_kv
        body = header + _tensor_table(src, info.metadata_end, info.tensor_count)
        padding = (-len(body)) % alignment
        with open(dst, "wb") as out:
            out.write(body + b"\x00" * padding)
            handle.seek(info.data_start)
            while block := handle.read(1 << 20):
                out.write(block)
    return dst


def _tensor_table(src: Path, start: int, count: int) -> bytes:
    with open(src, "rb") as handle:
        handle.seek(start)
        chunks = []
        for _ in range(count):
            name_len = handle.read(8)
            (n,) = struct.unpack("<Q", name_len)
            name = handle.read(n)
            dims_raw = handle.read(4)
            (n_dims,) = struct.unpack("<I", dims_raw)
            rest = handle.read(8 * n_dims + 4 + 8)
            chunks.append(name_len + name + dims_raw + rest)
        return b"".join(chunks)


# -- small models written with the gguf package's GGUFWriter ----------------

BYTE_TOKENS = [f"<0x{b:02X}>" for b in range(256)]
WORDS = ["▁the", "▁a", "▁email", "▁Dear", "▁thanks", "▁for", "▁you", "e", "t", "a", "o", "n", "s"]


def tiny_vocab() -> list[str]:
    return ["<unk>", "<s>", "</s>", *BYTE_TOKENS, *WORDS]


def write_tiny_model(
    path: Path,
    *,
    arch: str = "llama",
    block_count: object = 2,
    context_length: object = 256,
    n_embd: int = 64,
    n_head: int = 4,
    n_head_kv: int = 2,
    tokenizer_model: str = "llama",
    tokens: list[str] | None = None,
    alignment: int | None = None,
    tensor_blocks: int | None = None,
    seed: int = 0,
) -> Path:
    """A llama-shaped model with random weights that real llama.cpp loads and runs.

    Every keyword can be set to a value llama.cpp should never see (the
    hostile corpus, tests/hostile_gguf.py).
    """
    import numpy as np
    from gguf import GGUFValueType, GGUFWriter

    rng = np.random.default_rng(seed)
    vocab = tokens if tokens is not None else tiny_vocab()
    writer = GGUFWriter(str(path), arch)
    if alignment is not None:
        writer.add_custom_alignment(alignment)
    writer.add_name("tiny test model")
    for key, value in (("block_count", block_count), ("context_length", context_length)):
        full = f"{arch}.{key}"
        if isinstance(value, str):
            writer.add_key_value(full, value, GGUFValueType.STRING)
        else:
            writer.add_key_value(full, value, GGUFValueType.UINT32)
    writer.add_embedding_length(n_embd)
    writer.add_feed_forward_length(2 * n_embd)
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_head_kv)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(n_embd // n_head)
    writer.add_file_type(0)
    writer.add_tokenizer_model(tokenizer_model)
    writer.add_token_list(vocab)
    writer.add_token_scores([0.0] * len(vocab))
    writer.add_token_types([3 if t.startswith("<") and len(t) > 3 else 1 for t in vocab])
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)

    def tensor(name: str, *shape: int) -> None:
        writer.add_tensor(name, (rng.standard_normal(shape) * 0.05).astype(np.float32))

    n_kv = n_embd // n_head * n_head_kv
    tensor("token_embd.weight", len(vocab), n_embd)
    writer.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    tensor("output.weight", len(vocab), n_embd)
    layers = tensor_blocks if tensor_blocks is not None else int(block_count)  # type: ignore[call-overload]
    for i in range(layers):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        tensor(f"blk.{i}.attn_q.weight", n_embd, n_embd)
        tensor(f"blk.{i}.attn_k.weight", n_kv, n_embd)
        tensor(f"blk.{i}.attn_v.weight", n_kv, n_embd)
        tensor(f"blk.{i}.attn_output.weight", n_embd, n_embd)
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        tensor(f"blk.{i}.ffn_gate.weight", 2 * n_embd, n_embd)
        tensor(f"blk.{i}.ffn_up.weight", 2 * n_embd, n_embd)
        tensor(f"blk.{i}.ffn_down.weight", n_embd, 2 * n_embd)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
