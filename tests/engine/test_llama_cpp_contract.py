"""The private parts of llama-cpp-python the engine relies on, named one by one.

pyproject.toml pins llama-cpp-python below the next release; before raising
that bound, this test must pass with the new version. A failure names what
changed.
"""

from __future__ import annotations

import inspect

import llama_cpp
import pytest

FUNCTIONS = [
    "llama_set_abort_callback",
    "ggml_abort_callback",
    "llama_perf_context",
    "llama_perf_context_reset",
    "llama_synchronize",
    "llama_log_set",
    "llama_log_callback",
    "llama_supports_gpu_offload",
]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_llama_cpp_function_exists(name):
    assert callable(getattr(llama_cpp, name, None)), f"llama_cpp.{name} is gone or renamed"


def test_logger_default_callback_exists():
    from llama_cpp import _logger

    assert hasattr(_logger, "llama_log_callback"), "llama_cpp._logger.llama_log_callback changed"


def test_llama_init_still_sets_metadata_as_an_attribute():
    # engine/llama_load.py intercepts `self.metadata = ...` to keep chat
    # templates from being compiled.
    source = inspect.getsource(llama_cpp.Llama.__init__)
    assert "self.metadata = self._model.metadata()" in source, "Llama.metadata assignment changed"
    assert "template_choices" in source


@pytest.mark.slow
def test_private_attributes_of_a_loaded_llama(engine):
    llm = engine._llm
    for name in ("_ctx", "_model", "input_ids", "n_tokens", "n_batch"):
        assert hasattr(llm, name), f"Llama.{name} is gone"
    assert hasattr(llm._ctx, "ctx"), "Llama._ctx.ctx is gone"
    for method in ("kv_cache_seq_rm", "kv_cache_clear"):
        assert callable(getattr(llm._ctx, method, None)), f"Llama._ctx.{method} is gone"
    for method in ("token_get_text", "token_eos", "token_bos"):
        assert callable(getattr(llm._model, method, None)), f"Llama._model.{method} is gone"
    assert "tokenizer.chat_template" not in llm.metadata


def test_llama_init_sets_the_tokenizer_between_model_and_context():
    # engine/llama_load.py sets flash attention to "auto" when `self.tokenizer_`
    # is assigned: after the model is read, before the context is made.
    source = inspect.getsource(llama_cpp.Llama.__init__)
    tokenizer = source.index("self.tokenizer_ =")
    assert (
        source.index("internals.LlamaModel(") < tokenizer < source.index("internals.LlamaContext(")
    )
    assert hasattr(llama_cpp, "LLAMA_FLASH_ATTN_TYPE_AUTO")


@pytest.mark.slow
def test_flash_attention_is_left_to_llama_cpp(engine):
    import llama_cpp

    assert engine._llm.context_params.flash_attn_type == llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO


def test_the_planner_names_ggml_cache_types_as_llama_cpp_does():
    from composer.hardware.plan import GGML_TYPE_IDS

    assert GGML_TYPE_IDS == {"f16": llama_cpp.GGML_TYPE_F16, "q8_0": llama_cpp.GGML_TYPE_Q8_0}
