"""The 8-bit (q8_0) KV cache with real llama.cpp and the real starter model."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from composer.assist.actions import draft_request
from composer.engine.llama_load import new_llama
from composer.engine.llama_log import cache_refused, llama_log_tap, load_error
from composer.engine.local import LocalEngine
from composer.hardware.plan import DevicePlan, ModelFacts, Override, make_plan
from composer.hardware.probe import Probe
from composer.modelfile.gguf import read_gguf

# Recorded on this machine (2 cores, no GPU): the plan the app makes here.
PROBE = Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "this_machine_cpu_build.json"


def _plan(model: Path, kv_cache: str) -> DevicePlan:
    probe = Probe.from_dict(json.loads(PROBE.read_text()))
    facts = ModelFacts.from_gguf(read_gguf(model))
    return make_plan(probe, facts, Override(context_size=2048, kv_cache=kv_cache))


class NoFlashAttentionPlan(DevicePlan):
    """A device where flash attention is off, so llama.cpp refuses a quantised V cache.

    Nothing here lacks flash attention (llama.cpp turns it on for a quantised
    cache, and the CPU has it), so the plan turns it off, as the benchmarks can.
    """

    def llama_kwargs(self) -> dict[str, Any]:
        return {**super().llama_kwargs(), "flash_attn": False}


def _write(eng: LocalEngine) -> str:
    request = draft_request("thank Anna for Friday", max_tokens=12)
    return "".join(eng.stream(request, threading.Event()))


def test_a_q8_0_plan_loads_an_8_bit_cache_with_flash_attention(starter_model_path):
    plan = _plan(starter_model_path, "q8_0")
    eng = LocalEngine()
    try:
        with llama_log_tap() as log:
            info = eng.load(starter_model_path, plan=plan, verify=False)
        assert "enabling flash_attn since it is required for quantized V cache" in log.getvalue()
        params = eng._llm.context_params
        assert (params.type_k, params.type_v) == (8, 8)  # GGML_TYPE_Q8_0
        assert info.plan is plan and info.device_note is None
        assert _write(eng).strip()
        assert eng.last_stats.generated_tokens > 0
    finally:
        eng.close()


def test_an_f16_plan_keeps_llama_cpp_s_default_cache(starter_model_path):
    eng = LocalEngine()
    try:
        eng.load(starter_model_path, plan=_plan(starter_model_path, "f16"), verify=False)
        assert (eng._llm.context_params.type_k, eng._llm.context_params.type_v) == (1, 1)
    finally:
        eng.close()


def test_llama_cpp_refuses_a_quantised_v_cache_without_flash_attention(starter_model_path):
    with llama_log_tap() as log, pytest.raises(ValueError):
        new_llama(starter_model_path, flash_attn=False, n_ctx=512, type_k=8, type_v=8)
    why = load_error(log.getvalue())
    assert why == "quantized V cache requires flash_attn to be enabled"
    assert cache_refused(why)
    assert not cache_refused("failed to allocate buffer for kv cache")


@pytest.mark.allow_log("composer.engine.local", "WARNING", match="refused the 8-bit KV cache")
@pytest.mark.parametrize("verify", [True, False], ids=["first-use check", "in process"])
def test_a_refused_8_bit_cache_loads_with_16_bit_and_says_why(
    starter_model_path, composer_home, verify
):
    plan = NoFlashAttentionPlan(**vars(_plan(starter_model_path, "q8_0")))
    eng = LocalEngine()
    try:
        info = eng.load(starter_model_path, plan=plan, verify=verify)
        assert info.plan is not None and info.plan.kv_cache == "f16"
        assert (eng._llm.context_params.type_k, eng._llm.context_params.type_v) == (1, 1)
        assert info.context_size == plan.n_ctx
        note = str(info.device_note)
        assert note.startswith("Full-precision memory for long emails")
        assert "quantized V cache requires flash_attn" in note
        assert eng.info is info
        assert _write(eng).strip()
    finally:
        eng.close()
