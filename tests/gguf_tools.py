"""Test helper: copy a real GGUF with one extra string metadata entry.

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
    info = read_gguf(src)
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
