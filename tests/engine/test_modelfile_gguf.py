"""The GGUF header check on the real starter model and on broken copies of it."""

from __future__ import annotations

import struct

import pytest

from composer.modelfile.gguf import GGUFError, read_gguf


def test_real_model_header_is_read(starter_model_path):
    info = read_gguf(starter_model_path)
    assert info.version == 3
    assert info.architecture == "gemma3"
    assert info.block_count == 18
    assert info.context_length and info.context_length >= 8192
    assert info.head_count_kv and info.head_count_kv >= 1
    assert info.tensor_count > 100
    # The header describes the tensor data the file really holds.
    assert info.data_bytes <= info.file_size
    assert info.file_size - info.data_bytes < 10 * 1024 * 1024


def _head(path, size: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def test_truncated_download_is_named_truncated(starter_model_path, tmp_path):
    broken = tmp_path / "model.gguf"
    broken.write_bytes(_head(starter_model_path, 40 * 1024 * 1024))
    with pytest.raises(GGUFError, match="truncated"):
        read_gguf(broken)


def test_header_cut_inside_metadata(starter_model_path, tmp_path):
    broken = tmp_path / "model.gguf"
    broken.write_bytes(_head(starter_model_path, 2000))
    with pytest.raises(GGUFError, match="truncated or damaged"):
        read_gguf(broken)


def test_not_a_gguf_file(tmp_path):
    text = tmp_path / "notes.gguf"
    text.write_text("Dear Anna, thanks for Friday." * 100)
    with pytest.raises(GGUFError, match="not a GGUF model file"):
        read_gguf(text)


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    with pytest.raises(GGUFError, match="empty"):
        read_gguf(empty)


def test_absurd_counts_are_rejected_without_allocating(starter_model_path, tmp_path):
    head = bytearray(_head(starter_model_path, 4096))
    head[8:16] = struct.pack("<Q", 2**62)  # tensor count
    broken = tmp_path / "model.gguf"
    broken.write_bytes(bytes(head))
    with pytest.raises(GGUFError, match="damaged"):
        read_gguf(broken)


def test_unknown_version(starter_model_path, tmp_path):
    head = bytearray(_head(starter_model_path, 4096))
    head[4:8] = struct.pack("<I", 99)
    broken = tmp_path / "model.gguf"
    broken.write_bytes(bytes(head))
    with pytest.raises(GGUFError, match="version 99"):
        read_gguf(broken)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(GGUFError, match="does not exist"):
        read_gguf(tmp_path / "nope.gguf")
    with pytest.raises(GGUFError, match="folder"):
        read_gguf(tmp_path)
