"""Check a GGUF file's header before llama.cpp ever sees it.

llama.cpp reacts to a broken file with a C++ exception turned into a bare
"Failed to load model" or, worse, an abort. Reading the header ourselves lets
us tell the user *what* is wrong (not a model file, truncated download,
damaged header) and gives the hardware planner the model's shape (layers,
context length, KV heads) without loading anything.

Only the header and tensor table are read; tensor data is never touched, so
this is cheap even for a 5 GB file.
"""

from __future__ import annotations

import io
import os
import stat as stat_module
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from composer.fileio import open_regular
from composer.messages import UserFacingError, user_message
from composer.modelfile.ggml_types import BLOCK_SIZES
from composer.modelfile.printable import TITLE_CHARS, printable

GGUF_MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32

# GGUF metadata value types.
_UINT8, _INT8, _UINT16, _INT16, _UINT32, _INT32, _FLOAT32, _BOOL, _STRING, _ARRAY = range(10)
_UINT64, _INT64, _FLOAT64 = 10, 11, 12
_SCALAR_FORMATS = {
    _UINT8: "<B",
    _INT8: "<b",
    _UINT16: "<H",
    _INT16: "<h",
    _UINT32: "<I",
    _INT32: "<i",
    _FLOAT32: "<f",
    _BOOL: "<?",
    _UINT64: "<Q",
    _INT64: "<q",
    _FLOAT64: "<d",
}

# Sanity bounds: far above any real model, far below what a corrupt count
# would make us allocate.
_MAX_KV = 1_000_000
_MAX_TENSORS = 10_000_000
_MAX_DIMS = 4  # GGML_MAX_DIMS
# No real vocabulary comes near this (the largest are about 260k tokens); a
# bigger array is a damaged or hostile header, refused before it is parsed.
MAX_ARRAY = 4_000_000
_CHUNK = 1 << 20
_U64 = struct.Struct("<Q")


class GGUFError(UserFacingError):
    """The file cannot be used as a model; its message is a sentence for the user."""


def _damaged(label: str, detail: str) -> GGUFError:
    """A damaged header; *detail* names the part (technical, kept in English)."""
    return GGUFError(user_message("Model file", "%1 is damaged: %2.").arg(label, detail))


@dataclass(frozen=True)
class ArrayInfo:
    """A metadata array we did not keep in memory (e.g. a 256k-entry vocabulary)."""

    item_type: int
    length: int


@dataclass
class GGUFInfo:
    path: Path
    version: int
    file_size: int
    tensor_count: int
    metadata: dict[str, Any] = field(default_factory=dict)
    data_bytes: int = 0  # bytes of tensor data the header describes
    metadata_end: int = 0  # file offset where the tensor table starts
    data_start: int = 0  # file offset of the (aligned) tensor data
    types: dict[str, int] = field(default_factory=dict)  # metadata key -> GGUF value type
    # tensor name -> (shape, ggml type, offset)
    tensors: dict[str, tuple[tuple[int, ...], int, int]] = field(default_factory=dict)
    tokens: list[bytes] | None = None  # tokenizer.ggml.tokens, kept for the vocabulary check

    def _arch_key(self, suffix: str) -> Any:
        return self.metadata.get(f"{self.architecture}.{suffix}")

    def _arch_int(self, suffix: str) -> int | None:
        value = self._arch_key(suffix)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "unknown"))

    @property
    def name(self) -> str:
        """The model's name for lists and sentences: printable, cut (general.name is untrusted)."""
        return printable(self.metadata.get("general.name") or self.path.stem, TITLE_CHARS)

    @property
    def block_count(self) -> int | None:
        return self._arch_int("block_count")

    @property
    def context_length(self) -> int | None:
        return self._arch_int("context_length")

    @property
    def embedding_length(self) -> int | None:
        return self._arch_int("embedding_length")

    @property
    def head_count(self) -> int | None:
        return self._arch_int("attention.head_count")

    @property
    def head_count_kv(self) -> int | None:
        kv = self._arch_int("attention.head_count_kv")
        return kv if kv is not None else self.head_count

    @property
    def key_length(self) -> int | None:
        return self._arch_int("attention.key_length")

    @property
    def value_length(self) -> int | None:
        return self._arch_int("attention.value_length")

    @property
    def chat_template(self) -> str | None:
        template = self.metadata.get("tokenizer.chat_template")
        return template if isinstance(template, str) and template.strip() else None


class _Reader:
    """Bounded little-endian reader that turns every overrun into GGUFError."""

    def __init__(self, stream: BinaryIO, file_size: int, label: str) -> None:
        self._stream = stream
        self._file_size = file_size
        self._label = label

    @property
    def label(self) -> str:
        return self._label

    @property
    def offset(self) -> int:
        return self._stream.tell()

    def read(self, count: int, what: str) -> bytes:
        if count < 0 or self.offset + count > self._file_size:
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 is truncated or damaged: its header runs past the end of the "
                    "file while reading %2. If it was downloaded, download it again.",
                ).arg(self._label, what)
            )
        data = self._stream.read(count)
        if len(data) != count:
            raise GGUFError(
                user_message("Model file", "%1 could not be read completely (%2).").arg(
                    self._label, what
                )
            )
        return data

    def scalar(self, value_type: int, what: str) -> Any:
        fmt = _SCALAR_FORMATS[value_type]
        return struct.unpack(fmt, self.read(struct.calcsize(fmt), what))[0]

    def u32(self, what: str) -> int:
        return int(self.scalar(_UINT32, what))

    def u64(self, what: str) -> int:
        return int(self.scalar(_UINT64, what))

    def string(self, what: str) -> str:
        length = self.u64(what)
        raw = self.read(length, what)
        return raw.decode("utf-8", errors="replace")

    def strings(self, length: int, what: str, keep: bool) -> list[bytes] | None:
        """A string array read in bulk: 1 MB reads, no per-item seek (a 262k vocabulary: ~50 ms)."""
        stream = self._stream
        start = stream.tell()
        room = self._file_size - start
        if length * 8 > room:
            self.read(length * 8, what)  # raises the truncation message
        items: list[bytes] | None = [] if keep else None
        buf = b""
        pos = 0
        base = start  # file offset of buf[0]
        unpack = _U64.unpack_from
        for _ in range(length):
            if pos + 8 > len(buf):
                buf = buf[pos:] + stream.read(_CHUNK)
                base += pos
                pos = 0
                if len(buf) < 8:
                    self.read(self._file_size, what)  # raises the truncation message
            (size,) = unpack(buf, pos)
            pos += 8
            end = pos + size
            if base + end > self._file_size:
                self.read(self._file_size, what)  # raises the truncation message
            if end > len(buf):
                buf = buf[pos:] + stream.read(max(_CHUNK, size))
                base += pos
                pos, end = 0, size
            if items is not None:
                items.append(buf[pos:end])
            pos = end
        stream.seek(base + pos)
        return items

    def skip(self, count: int, what: str) -> None:
        if count < 0 or self.offset + count > self._file_size:
            self.read(count, what)  # raises the truncation message
        self._stream.seek(count, io.SEEK_CUR)


def _read_value(reader: _Reader, value_type: int, key: str, info: GGUFInfo) -> Any:
    key_shown = printable(key)  # the key as it may appear in a sentence
    if value_type == _STRING:
        return reader.string(f"the value of {key_shown}")
    if value_type in _SCALAR_FORMATS:
        return reader.scalar(value_type, f"the value of {key_shown}")
    if value_type == _ARRAY:
        item_type = reader.u32(f"the type of array {key_shown}")
        length = reader.u64(f"the length of array {key_shown}")
        if length > MAX_ARRAY:
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 is damaged or not a usable model: its metadata array %2 "
                    "has %3 entries (Composer accepts up to %4).",
                ).arg(reader.label, key_shown, f"{length:,}", f"{MAX_ARRAY:,}")
            )
        if item_type in _SCALAR_FORMATS:
            item_size = struct.calcsize(_SCALAR_FORMATS[item_type])
            if length * item_size > 16 * 1024:  # big numeric arrays: keep only their shape
                reader.skip(length * item_size, f"array {key_shown}")
                return ArrayInfo(item_type, length)
            return [reader.scalar(item_type, f"array {key_shown}") for _ in range(length)]
        if item_type == _STRING:
            if length > 64:  # vocabularies: parsed in bulk; only the token list is kept
                keep = key == "tokenizer.ggml.tokens"
                items = reader.strings(length, f"array {key_shown}", keep)
                if keep:
                    info.tokens = items
                return ArrayInfo(item_type, length)
            return [reader.string(f"array {key_shown}") for _ in range(length)]
        if item_type == _ARRAY:
            raise GGUFError(
                user_message("Model file", "Nested arrays in %1 are not supported.").arg(key_shown)
            )
        raise GGUFError(
            user_message("Model file", "Metadata array %1 has an unknown item type %2.").arg(
                key_shown, item_type
            )
        )
    raise GGUFError(
        user_message("Model file", "Metadata key %1 has an unknown value type %2.").arg(
            key_shown, value_type
        )
    )


def read_gguf(path: str | Path, strict: bool = True) -> GGUFInfo:
    """Parse the header of *path*; raise GGUFError with a human message if unusable.

    *strict* also checks the model's shape, vocabulary and tensors against
    what llama.cpp needs (composer.modelfile.check); only tests turn it off.
    """
    path = Path(path)
    label = f"“{printable(path.name, TITLE_CHARS)}”"
    try:
        stat = path.stat()
        if stat_module.S_ISDIR(stat.st_mode):
            raise IsADirectoryError
        if not stat_module.S_ISREG(stat.st_mode):
            # A FIFO or device named *.gguf would block the reader for ever.
            raise GGUFError(
                user_message(
                    "Model file", "%1 is not a regular file, so it cannot be a model file."
                ).arg(path)
            )
        # Opened through the regular-file guard too: a FIFO swapped in after the
        # stat above is refused instead of blocking (its size is the opened file's).
        stream = os.fdopen(open_regular(path), "rb", buffering=1 << 20)
        file_size = os.fstat(stream.fileno()).st_size
    except FileNotFoundError:
        raise GGUFError(
            user_message("Model file", "The model file %1 does not exist.").arg(path)
        ) from None
    except ValueError:  # a NUL in the path
        raise GGUFError(user_message("Model file", "That model path is not valid.")) from None
    except RecursionError:
        raise GGUFError(
            user_message("Model file", "%1 is a symbolic link loop.").arg(path)
        ) from None
    except IsADirectoryError:
        raise GGUFError(
            user_message("Model file", "%1 is a folder, not a model file.").arg(path)
        ) from None
    except PermissionError:
        raise GGUFError(
            user_message("Model file", "Composer is not allowed to read %1.").arg(path)
        ) from None
    except OSError as exc:
        raise GGUFError(
            user_message("Model file", "%1 cannot be opened: %2.").arg(path, exc.strerror or exc)
        ) from None

    with stream:
        if file_size == 0:
            raise GGUFError(
                user_message(
                    "Model file", "%1 is empty (0 bytes). If it was downloaded, download it again."
                ).arg(label)
            )
        reader = _Reader(stream, file_size, label)
        magic = stream.read(4)
        if magic != GGUF_MAGIC:
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 is not a GGUF model file. Composer runs models in the GGUF format "
                    "(the files llama.cpp, LM Studio and GPT4All use).",
                ).arg(label)
            )
        version = reader.u32("the format version")
        if version > 255:  # no such version will exist: the bytes after "GGUF" are garbage
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 is not a GGUF model file (or it is damaged): its header makes no "
                    "sense. If it was downloaded, download it again.",
                ).arg(label)
            )
        if version not in SUPPORTED_VERSIONS:
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 uses GGUF version %2, which this version of Composer cannot read.",
                ).arg(label, version)
            )
        tensor_count = reader.u64("the tensor count")
        kv_count = reader.u64("the metadata count")
        # Every tensor entry and every key takes at least a few bytes: counts
        # larger than the file allows mean a damaged header, not a huge model.
        for count, what, limit, min_bytes in (
            (tensor_count, "tensors", _MAX_TENSORS, 24),
            (kv_count, "metadata entries", _MAX_KV, 12),
        ):
            if count > limit:
                raise _damaged(label, f"its header claims {count:,} {what}")
            if count * min_bytes > file_size:
                raise GGUFError(
                    user_message(
                        "Model file",
                        "%1 is truncated or damaged: its header lists %2 %3, more than a file "
                        "of this size can hold. If it was downloaded, download it again.",
                    ).arg(label, f"{count:,}", what)
                )

        info = GGUFInfo(path=path, version=version, file_size=file_size, tensor_count=tensor_count)
        for _ in range(kv_count):
            key = reader.string("a metadata key")
            value_type = reader.u32(f"the type of {printable(key)}")
            info.types[key] = value_type
            info.metadata[key] = _read_value(reader, value_type, key, info)

        info.metadata_end = reader.offset
        data_end = 0
        blocks = BLOCK_SIZES
        for index in range(tensor_count):
            name = reader.string(f"the name of tensor {index}")
            shown = printable(name)  # the name as it may appear in a sentence
            n_dims = reader.u32(f"the shape of tensor {shown}")
            if n_dims == 0 or n_dims > _MAX_DIMS:
                raise _damaged(label, f"tensor {shown} has {n_dims} dimensions")
            shape = tuple(reader.u64(f"the shape of tensor {shown}") for _ in range(n_dims))
            elements = 1
            for dim in shape:
                elements *= dim
            if elements >= 2**63:
                raise _damaged(label, f"tensor {shown} has an impossible shape")
            ggml_type = reader.u32(f"the type of tensor {shown}")
            offset = reader.u64(f"the offset of tensor {shown}")
            if name in info.tensors:
                raise _damaged(label, f"it holds tensor {shown} twice")
            info.tensors[name] = (shape, ggml_type, offset)
            # A type the gguf package does not know is skipped rather than guessed.
            block = blocks.get(ggml_type)
            size = (elements // block[0]) * block[1] if block else 0
            data_end = max(data_end, offset + size)

        alignment = info.metadata.get("general.alignment", DEFAULT_ALIGNMENT)
        # llama.cpp reads it as a uint32 and aborts on any other type; its
        # tensors need at least 32-byte alignment (GGUF_DEFAULT_ALIGNMENT).
        if "general.alignment" in info.types and info.types["general.alignment"] != _UINT32:
            raise _damaged(label, "its alignment is not stored as a whole number")
        if (
            not isinstance(alignment, int)
            or alignment < DEFAULT_ALIGNMENT
            or alignment & (alignment - 1)
            or alignment > 1 << 20
        ):
            raise _damaged(
                label,
                f"its data alignment is {alignment!r} (it must be a power of two, at least 32)",
            )
        data_start = -(-reader.offset // alignment) * alignment
        info.data_bytes = data_end
        info.data_start = data_start
        if data_start + data_end > file_size:
            need_mb = (data_start + data_end) / 1e6
            have_mb = file_size / 1e6
            raise GGUFError(
                user_message(
                    "Model file",
                    "%1 is truncated: it is %2 MB but its header describes %3 MB of model "
                    "data. The download was probably interrupted; download it again.",
                ).arg(label, f"{have_mb:,.1f}", f"{need_mb:,.1f}")
            )
    if strict:
        from composer.modelfile.check import check_model

        check_model(info)
    return info
