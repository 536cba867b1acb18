"""Top-k over a large vocabulary, split into rows, in llama.cpp's CPU graph.

Sampling starts with a top-k over every logit: 262,144 for Gemma 3, about
0.5-0.9 ms a token on one core, while the model's own decode is spread over
all of them (docs/PERFORMANCE.md: at 16 threads it was a sixth of a token).
llama.cpp's graph has a top-k operation, but its CPU kernel gives each row
of the tensor to one thread, and the logits are one row.

This sampler reshapes the logits into R rows before the top-k, so the R
row top-ks run on all threads, and hands on the R*k survivors with their
vocabulary ids. A plain top-k of k after it (llama.cpp's own, in the same
graph) leaves exactly the k best of the whole vocabulary: each of them is
among the k best of its own row. So the chain on the host gets the very
candidates it would have chosen itself, and answers do not change.

It only describes the graph (``backend_apply``, called when llama.cpp
builds it, not per token), through ggml's C functions from the libraries
llama-cpp-python ships. Python holds the callbacks for as long as the
process lives: the interface is one module-level table, and the sampler
keeps no state of its own (``ctx`` is NULL, so llama.cpp frees nothing).
"""

from __future__ import annotations

import ctypes
import functools
import sys
from typing import Any

# Rows to split the logits into: a divisor of the vocabulary size, at most
# this many. More rows than threads balances the work; each row keeps k.
MAX_ROWS = 64
GGML_TYPE_F32 = 0
GGML_TYPE_I32 = 26


def row_count(n_vocab: int, k: int) -> int:
    """The largest divisor of n_vocab up to MAX_ROWS whose rows still hold k logits."""
    for rows in range(MAX_ROWS, 1, -1):
        if n_vocab % rows == 0 and n_vocab // rows >= k:
            return rows
    return 1


@functools.cache
def _ggml() -> Any:
    """The graph-building functions of the ggml that llama.cpp itself loaded.

    Through libllama's own handle: a symbol lookup there reaches the
    libraries it depends on (Linux, macOS), so these are the functions of the
    very libggml-base in use. Opening a libggml-base file by another name
    could load a second copy (wheels carry libggml-base.so and .so.0 as two
    files). Windows looks only inside the DLL asked: there ggml-base.dll by
    its module name, which returns the one already loaded.
    """
    import llama_cpp

    lib = ctypes.CDLL(llama_cpp.llama_cpp._lib._name)  # the same handle, our own function table
    try:
        lib.ggml_top_k  # noqa: B018 (a lookup: is ggml reachable from here?)
    except AttributeError:
        lib = ctypes.CDLL("ggml-base.dll" if sys.platform == "win32" else "libggml-base.so.0")
    p, i64 = ctypes.c_void_p, ctypes.c_int64
    signatures: dict[str, tuple[list[Any], Any]] = {
        "ggml_nelements": ([p], i64),
        "ggml_reshape_1d": ([p, p, i64], p),
        "ggml_reshape_2d": ([p, p, i64, i64], p),
        "ggml_reshape_3d": ([p, p, i64, i64, i64], p),
        "ggml_top_k": ([p, p, ctypes.c_int], p),
        "ggml_get_rows": ([p, p, p], p),
        "ggml_arange": ([p, ctypes.c_float, ctypes.c_float, ctypes.c_float], p),
        "ggml_cast": ([p, p, ctypes.c_int], p),
        "ggml_add": ([p, p, p], p),
        "ggml_view_1d": ([p, p, i64, ctypes.c_size_t], p),
        "ggml_op_name": ([ctypes.c_int], ctypes.c_char_p),
        "ggml_tensor_overhead": ([], ctypes.c_size_t),
    }
    for name, (argtypes, restype) in signatures.items():
        function = getattr(lib, name)
        function.argtypes, function.restype = argtypes, restype
    return lib


class _Tensor(ctypes.Structure):
    """ggml.h's struct ggml_tensor (read only; its size is checked against ggml's own)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("buffer", ctypes.c_void_p),
        ("ne", ctypes.c_int64 * 4),
        ("nb", ctypes.c_size_t * 4),
        ("op", ctypes.c_int),
        ("op_params", ctypes.c_int32 * 16),
        ("flags", ctypes.c_int32),
        ("src", ctypes.c_void_p * 10),
        ("view_src", ctypes.c_void_p),
        ("view_offs", ctypes.c_size_t),
        ("data", ctypes.c_void_p),
        ("name", ctypes.c_char * 64),
        ("extra", ctypes.c_void_p),
        ("padding", ctypes.c_char * 8),
    ]


_GGML_OBJECT_SIZE = 32  # struct ggml_object, which ggml_tensor_overhead() adds


def _unpadded(ctx: int, logits: int) -> int:
    """The same logits, read from the model's output instead of llama.cpp's padded copy.

    llama.cpp hands samplers a view of ``ggml_pad(t_logits, 0, 1)`` (a spare
    row keeps the graph's shape fixed when a sequence has no output). ggml's
    CPU pad copies element by element, one thread per row: 1-2 ms a token for
    262,144 logits, more than the top-k saves. A view of t_logits at the same
    offset holds the same numbers when the row exists there, and then the pad
    is in nobody's path and leaves the graph. Anything unexpected (another
    ggml layout, no pad, the spare row): the padded view, as llama.cpp gave it.
    """
    g = _ggml()
    if ctypes.sizeof(_Tensor) != g.ggml_tensor_overhead() - _GGML_OBJECT_SIZE:
        return logits
    view = _Tensor.from_address(logits)
    if not view.view_src:
        return logits
    pad = _Tensor.from_address(view.view_src)
    if g.ggml_op_name(pad.op) != b"PAD" or not pad.src[0]:
        return logits
    source = _Tensor.from_address(pad.src[0])
    row_bytes = view.ne[0] * view.nb[0]
    if source.type != GGML_TYPE_F32 or source.nb[1] != pad.nb[1] or source.ne[0] != view.ne[0]:
        return logits
    if view.view_offs + row_bytes > source.ne[1] * source.nb[1]:
        return logits  # the spare row itself
    return int(g.ggml_view_1d(ctx, pad.src[0], view.ne[0], view.view_offs))


def _build(ctx: int, data: Any, k: int) -> None:
    """The graph: logits [n] -> rows [n/R, R] -> top-k per row -> R*k (id, logit) pairs."""
    g = _ggml()
    logits = _unpadded(ctx, data.logits)
    n = g.ggml_nelements(logits)
    rows = row_count(n, k)
    if rows < 2:
        return  # nothing to split: the plain top-k after this does the work
    width = n // rows
    table = g.ggml_reshape_2d(ctx, logits, width, rows)
    best = g.ggml_top_k(ctx, table, k)  # i32 [k, rows]: ids within each row
    # Each row's logits, gathered by its own ids: get_rows per row (batched).
    column = g.ggml_reshape_3d(ctx, logits, 1, width, rows)
    values = g.ggml_get_rows(ctx, column, best)  # f32 [1, k, rows]
    # Vocabulary id = id within the row + row * width (exact in f32 below 2^24).
    starts = g.ggml_reshape_2d(ctx, g.ggml_arange(ctx, 0.0, float(n), float(width)), 1, rows)
    ids = g.ggml_add(ctx, g.ggml_cast(ctx, best, GGML_TYPE_F32), starts)
    data.logits = g.ggml_reshape_1d(ctx, values, k * rows)
    data.candidates = g.ggml_reshape_1d(ctx, g.ggml_cast(ctx, ids, GGML_TYPE_I32), k * rows)


@functools.cache
def _interface(k: int) -> Any:
    """llama.cpp's sampler interface for the row split; kept for the process's life."""
    import llama_cpp

    def apply(smpl: Any, cur_p: Any) -> None:
        """On the host it keeps every candidate: the chain after it chooses."""

    def backend_init(smpl: Any, buft: Any, n_outputs: int) -> bool:
        return True

    def backend_apply(smpl: Any, ctx: int, gf: int, data: Any) -> None:
        contents = data.contents
        if contents.candidates:  # something chose before us: leave it alone
            return
        _build(ctx, contents, k)

    iface = llama_cpp.llama_sampler_i()
    iface.apply = llama_cpp.llama_sampler_i_apply(apply)
    iface.backend_init = llama_cpp.llama_sampler_i_backend_init(backend_init)
    iface.backend_apply = llama_cpp.llama_sampler_i_backend_apply(backend_apply)
    return iface


def init_row_top_k(k: int) -> Any:
    """A new row-split sampler for a backend chain (the chain frees it)."""
    import llama_cpp

    _ggml()  # fail here, not inside llama.cpp's graph build
    return llama_cpp.llama_sampler_init(ctypes.byref(_interface(k)), None)


__all__ = ["init_row_top_k", "row_count"]
