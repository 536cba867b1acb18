"""Whether a parsed GGUF header is something llama.cpp can load without crashing.

llama.cpp trusts much of a file's header: some wrong values end in an abort
(GGML_ASSERT, an uncaught C++ exception) that takes the whole process down,
not in an error it reports. The checks here refuse, with a sentence for the
user, the classes seen in an adversarial run and their kin:

- hyper-parameters out of range (block_count 0 or absurd, head counts that do
  not divide, a context length that is not a positive whole number in range);
- a vocabulary that is inconsistent (duplicate tokens, side arrays of another
  length, a token count that differs from the embedding tensor, a tokenizer
  of another model family, a SentencePiece vocabulary missing <0xNN> tokens);
- tensor shapes that do not match the hyper-parameters (embedding, output,
  per-block attention).

The reader (gguf.py) already checked the alignment, counts and sizes. This is
a fast pure function of the header: the vocabulary was parsed in bulk.
"""

from __future__ import annotations

import re

from composer.messages import user_message
from composer.modelfile.gguf import GGUFError, GGUFInfo
from composer.modelfile.printable import TITLE_CHARS, printable

MAX_LAYERS = 512  # LLAMA_MAX_LAYERS
MAX_CONTEXT = 1 << 24  # 16M tokens; the longest real models claim 10M
MAX_EMBEDDING = 1 << 17
MAX_HEADS = 1 << 12
MAX_HEAD_DIM = 1 << 12

# Tokenizer models that belong to one family of architectures only.
_TOKENIZER_FAMILIES = {"bert": ("bert",), "rwkv": ("rwkv",), "t5": ("t5",)}
_KNOWN_TOKENIZERS = {"llama", "gpt2", "bert", "t5", "rwkv", "plamo2", "none", "no_vocab"}
# Side arrays llama.cpp indexes by token id.
_PER_TOKEN_ARRAYS = ("tokenizer.ggml.scores", "tokenizer.ggml.token_type")
_BLOCK = re.compile(r"blk\.(\d+)\.")
_BYTE_TOKENS = [f"<0x{b:02X}>".encode() for b in range(256)]


def _fail(info: GGUFInfo, why: str) -> GGUFError:
    # *why* names header keys and values: technical, kept as written. Every
    # name in it taken from the file went through printable().
    return GGUFError(
        user_message(
            "Model file",
            "“%1” cannot be used: %2. The file is damaged or was not made for llama.cpp.",
        ).arg(printable(info.path.name, TITLE_CHARS), why)
    )


def _whole(info: GGUFInfo, suffix: str, low: int, high: int, required: bool) -> int | None:
    """The architecture key *suffix* as an int in [low, high]; None if absent and optional."""
    key = f"{info.architecture}.{suffix}"
    value = info.metadata.get(key)
    key = printable(key)  # from here on only for sentences
    if value is None:
        if required:
            raise _fail(info, f"it does not say its {suffix.replace('_', ' ')} ({key})")
        return None
    if isinstance(value, list):  # per-layer values (some architectures)
        for item in value:
            if not isinstance(item, int) or isinstance(item, bool) or not 0 <= item <= high:
                raise _fail(info, f"its {key} holds {printable(repr(item))}")
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        shown = (
            printable(repr(value))
            if not isinstance(value, str)
            else f"the text “{printable(value)}”"
        )
        raise _fail(info, f"its {key} is {shown}, not a whole number")
    if not low <= value <= high:
        raise _fail(info, f"its {key} is {value:,} (expected {low:,} to {high:,})")
    return value


def check_model(info: GGUFInfo) -> None:
    """Raise GGUFError when llama.cpp would refuse or crash on this header."""
    arch = info.architecture
    if arch == "unknown":
        raise _fail(info, "it does not name its model architecture (general.architecture)")
    has_blocks = any(_BLOCK.match(name) for name in info.tensors)
    layers = _whole(info, "block_count", 1, MAX_LAYERS, required=has_blocks)
    _whole(info, "context_length", 1, MAX_CONTEXT, required=False)
    n_embd = _whole(info, "embedding_length", 1, MAX_EMBEDDING, required=has_blocks)
    n_head = _whole(info, "attention.head_count", 0, MAX_HEADS, required=False)
    n_head_kv = _whole(info, "attention.head_count_kv", 0, MAX_HEADS, required=False)
    key_len = _whole(info, "attention.key_length", 1, MAX_HEAD_DIM, required=False)
    value_len = _whole(info, "attention.value_length", 1, MAX_HEAD_DIM, required=False)
    if n_head:
        kv = n_head_kv if n_head_kv is not None else n_head
        if kv == 0 or n_head % kv:
            raise _fail(info, f"it has {n_head} attention heads but {kv} key/value heads")
        if key_len is None and n_embd and n_embd % n_head:
            raise _fail(info, f"its width {n_embd} does not divide into {n_head} heads")
    if layers is not None:
        _check_blocks(info, layers)
    n_vocab = _check_vocabulary(info)
    _check_shapes(info, n_embd, n_vocab, layers, n_head, n_head_kv, key_len, value_len)


def _check_blocks(info: GGUFInfo, layers: int) -> None:
    seen = {int(m.group(1)) for name in info.tensors if (m := _BLOCK.match(name))}
    if seen and max(seen) >= layers:
        raise _fail(info, f"it holds tensors for block {max(seen)} but says it has {layers}")
    if (
        seen
        and len(seen) < layers
        and not info.metadata.get(f"{info.architecture}.nextn_predict_layers")
    ):
        missing = min(set(range(layers)) - seen)
        raise _fail(info, f"it says it has {layers} blocks but block {missing} has no tensors")


def _check_vocabulary(info: GGUFInfo) -> int | None:
    model = info.metadata.get("tokenizer.ggml.model")
    tokens_meta = info.metadata.get("tokenizer.ggml.tokens")
    if model is None and tokens_meta is None:
        return None
    if model is not None and not isinstance(model, str):
        raise _fail(info, "its tokenizer model is not a name")
    if isinstance(model, str):
        if model not in _KNOWN_TOKENIZERS:
            raise _fail(
                info, f"its tokenizer model “{printable(model)}” is not one llama.cpp knows"
            )
        family = _TOKENIZER_FAMILIES.get(model)
        if (
            family
            and not info.architecture.startswith(family)
            and not any(f in info.architecture for f in family)
        ):
            raise _fail(
                info,
                f"its tokenizer (“{printable(model)}”) belongs to another kind of model than its "
                f"architecture (“{printable(info.architecture)}”)",
            )
        if model in ("none", "no_vocab"):
            return None
    tokens = info.tokens
    if tokens is None and isinstance(tokens_meta, list):
        tokens = [
            t.encode("utf-8", "surrogatepass") if isinstance(t, str) else b"" for t in tokens_meta
        ]
    if tokens is None:
        raise _fail(
            info, "its vocabulary (tokenizer.ggml.tokens) is missing or not a list of texts"
        )
    n_vocab = len(tokens)
    if n_vocab == 0:
        raise _fail(info, "its vocabulary is empty")
    if len(set(tokens)) != n_vocab:
        seen: set[bytes] = set()
        duplicate = next(t for t in tokens if t in seen or seen.add(t))  # type: ignore[func-returns-value]
        raise _fail(info, f"its vocabulary holds the token “{printable(duplicate)}” more than once")
    for key in _PER_TOKEN_ARRAYS:
        value = info.metadata.get(key)
        length = getattr(value, "length", None) if value is not None else None
        if isinstance(value, list):
            length = len(value)
        if value is not None and length != n_vocab:
            raise _fail(info, f"its {key} has {length} entries for {n_vocab:,} tokens")
    if model == "llama":  # SentencePiece: unknown characters are spelt as byte tokens
        present = set(tokens)
        missing = [t for t in _BYTE_TOKENS if t not in present]
        if missing:
            raise _fail(
                info,
                f"its vocabulary lacks {len(missing)} byte token(s) such as "
                f"{missing[0].decode()} (typing such a character would crash llama.cpp)",
            )
    for key, value in info.metadata.items():
        is_id = key.startswith("tokenizer.ggml.") and key.endswith("_token_id")
        whole = isinstance(value, int) and not isinstance(value, bool)
        if is_id and whole and n_vocab <= value != 0xFFFFFFFF:
            raise _fail(info, f"its {printable(key)} is {value:,} but it has {n_vocab:,} tokens")
    return n_vocab


def _shape(info: GGUFInfo, name: str) -> tuple[int, ...] | None:
    entry = info.tensors.get(name)
    return entry[0] if entry else None


def _check_shapes(
    info: GGUFInfo,
    n_embd: int | None,
    n_vocab: int | None,
    layers: int | None,
    n_head: int | None,
    n_head_kv: int | None,
    key_len: int | None,
    value_len: int | None,
) -> None:
    for name in ("token_embd.weight", "output.weight"):
        shape = _shape(info, name)
        if shape is None or n_embd is None:
            continue
        if shape[0] != n_embd:
            raise _fail(info, f"its {name} is {shape[0]} wide but the model is {n_embd}")
        if n_vocab is not None and len(shape) > 1 and shape[1] != n_vocab:
            raise _fail(info, f"its {name} has {shape[1]:,} rows for {n_vocab:,} tokens")
    if not (layers and n_embd and n_head):
        return
    kv = n_head_kv if n_head_kv is not None else n_head
    k_dim = key_len or n_embd // n_head
    v_dim = value_len or n_embd // n_head
    expected = {"attn_q": n_head * k_dim, "attn_k": kv * k_dim, "attn_v": kv * v_dim}
    for block in range(layers):
        for part, rows in expected.items():
            shape = _shape(info, f"blk.{block}.{part}.weight")
            if shape is None:
                continue  # fused or absent in this architecture: llama.cpp checks names
            if shape[0] != n_embd or (len(shape) > 1 and shape[1] != rows):
                raise _fail(
                    info,
                    f"its tensor blk.{block}.{part}.weight has shape {list(shape)} "
                    f"where the header implies [{n_embd}, {rows}]",
                )
