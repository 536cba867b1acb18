"""The row-split top-k's graph pieces, with ggml's own functions (engine/row_top_k.py).

Whole answers through it are compared with the host chain's in test_token_loop.py.
"""

from __future__ import annotations

import ctypes

import pytest

from composer.engine import row_top_k
from composer.engine.row_top_k import MAX_ROWS, row_count


@pytest.mark.parametrize(
    ("n_vocab", "rows"),
    [
        (262_144, 64),  # Gemma 3
        (128_256, 64),  # Llama 3
        (151_936, 64),  # Qwen 2.5
        (32_000, 64),
        (50_257, 29),  # GPT-2: 29 x 1,733
        (49_157, 1),  # a prime: nothing to split
    ],
)
def test_rows_divide_the_vocabulary(n_vocab, rows):
    assert row_count(n_vocab, 40) == rows
    if rows > 1:
        assert n_vocab % rows == 0 and n_vocab // rows >= 40 and rows <= MAX_ROWS


def test_rows_keep_k_logits_each():
    assert row_count(64 * 30, 40) == 48  # 64 rows of 30 would hold fewer than k


class _InitParams(ctypes.Structure):
    _fields_ = [
        ("mem_size", ctypes.c_size_t),
        ("mem_buffer", ctypes.c_void_p),
        ("no_alloc", ctypes.c_bool),
    ]


@pytest.fixture
def ggml_ctx():
    g = row_top_k._ggml()
    g.ggml_init.argtypes, g.ggml_init.restype = [_InitParams], ctypes.c_void_p
    g.ggml_free.argtypes = [ctypes.c_void_p]
    g.ggml_new_tensor_2d.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
    g.ggml_new_tensor_2d.restype = ctypes.c_void_p
    g.ggml_pad.argtypes = [ctypes.c_void_p, ctypes.c_void_p] + [ctypes.c_int] * 4
    g.ggml_pad.restype = ctypes.c_void_p
    ctx = g.ggml_init(_InitParams(16 * 1024 * 1024, None, True))
    yield g, ctx
    g.ggml_free(ctx)


def _logits_as_llama_cpp_hands_them(g, ctx, n_vocab, n_outputs, row):
    """What llama.cpp's build_sampling passes a sampler: a row of the padded output."""
    output = g.ggml_new_tensor_2d(ctx, row_top_k.GGML_TYPE_F32, n_vocab, n_outputs)
    padded = g.ggml_pad(ctx, output, 0, 1, 0, 0)
    view = g.ggml_view_1d(ctx, padded, n_vocab, row * n_vocab * 4)
    return output, view


def test_an_output_row_is_read_from_the_output_not_the_pad(ggml_ctx):
    g, ctx = ggml_ctx
    output, view = _logits_as_llama_cpp_hands_them(g, ctx, 1024, 2, row=1)
    unpadded = row_top_k._Tensor.from_address(row_top_k._unpadded(ctx, view))
    assert unpadded.view_src == output  # the pad is in nobody's path
    assert unpadded.view_offs == 1024 * 4 and unpadded.ne[0] == 1024


def test_the_spare_row_stays_padded(ggml_ctx):
    """A sequence with no output in this batch gets the pad's zero row: no output row to read."""
    g, ctx = ggml_ctx
    _, view = _logits_as_llama_cpp_hands_them(g, ctx, 1024, 0, row=0)
    assert row_top_k._unpadded(ctx, view) == view


def test_logits_that_are_no_view_of_a_pad_are_left_alone(ggml_ctx):
    g, ctx = ggml_ctx
    plain = g.ggml_new_tensor_2d(ctx, row_top_k.GGML_TYPE_F32, 1024, 1)
    assert row_top_k._unpadded(ctx, plain) == plain
    view = g.ggml_view_1d(ctx, plain, 1024, 0)
    assert row_top_k._unpadded(ctx, view) == view


def test_the_engine_attaches_the_row_split_on_a_cpu_with_threads(engine, monkeypatch):
    """CPU plan: two threads or more get the row split in the graph; one thread, or a
    vocabulary with no rows to split into, the host chain."""
    import llama_cpp

    monkeypatch.delenv("COMPOSER_DEVICE_TOP_K", raising=False)
    params = engine._llm.context_params
    threads = params.n_threads
    try:
        for n, expected in ((1, None), (2, 2), (16, 2)):
            engine._drop_device_top_k()
            params.n_threads = n  # what the decision reads; the context keeps its own
            engine._attach_graph_top_k()
            chain = engine._device_top_k
            assert (None if chain is None else llama_cpp.llama_sampler_chain_n(chain)) == expected
        # A vocabulary that splits into no rows (a prime size): the host chain.
        engine._drop_device_top_k()
        monkeypatch.setattr("composer.engine.local.row_count", lambda n_vocab, k: 1)
        engine._attach_graph_top_k()
        assert engine._device_top_k is None
    finally:
        monkeypatch.undo()
        engine._drop_device_top_k()
        params.n_threads = threads
        engine._attach_graph_top_k()
