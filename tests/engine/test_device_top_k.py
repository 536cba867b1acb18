"""An engine keeps llama.cpp's graph top-k attached: the GPU's on a GPU plan, the
row-split one (engine/row_top_k.py) on the CPU with two threads or more.

COMPOSER_DEVICE_TOP_K=1 turns it on whatever the machine's thread count (CI
may have one core); tests/hardware/test_hw_vulkan.py checks the GPU one on a
real Vulkan device.
"""

from __future__ import annotations

import threading

import pytest

from composer.engine.base import ChatMessage, GenerationRequest
from composer.engine.local import LocalEngine
from composer.engine.token_loop import DEVICE_TOP_K, SamplerSettings


@pytest.fixture(scope="module")
def graph_top_k_engine(starter_model_path):
    mp = pytest.MonkeyPatch()
    mp.setenv("COMPOSER_DEVICE_TOP_K", "1")
    eng = LocalEngine()
    eng.load(starter_model_path, context_size=2048)
    yield eng
    eng.close()
    mp.undo()


def _candidates(engine, sampling, prompt):
    import llama_cpp

    request = GenerationRequest(
        messages=(ChatMessage("user", prompt),), max_tokens=6, sampling=sampling
    )
    counts = []
    for _ in engine.stream(request, threading.Event()):
        counts.append(llama_cpp.llama_get_sampled_logits_count_ith(engine._llm._ctx.ctx, -1))
    assert engine.last_stats.generated_tokens >= 2
    return counts


def test_sampled_and_greedy_requests_get_k_candidates(graph_top_k_engine):
    import llama_cpp

    chain = graph_top_k_engine._device_top_k
    assert chain is not None
    assert llama_cpp.llama_sampler_chain_n(chain) == 2  # CPU plan: rows, then top-k
    assert set(_candidates(graph_top_k_engine, SamplerSettings(), "Name three teas.")) == {
        DEVICE_TOP_K
    }
    greedy = SamplerSettings(temperature=0)
    assert set(_candidates(graph_top_k_engine, greedy, "Name two coffees.")) == {DEVICE_TOP_K}


def test_a_chain_that_needs_the_whole_vocabulary_gets_it_for_that_request(graph_top_k_engine):
    wide = SamplerSettings(top_k=0)  # no top-k: every token is a candidate
    counts = _candidates(graph_top_k_engine, wide, "Name four rivers.")
    assert DEVICE_TOP_K not in counts
    # and the next ordinary request is back on the graph's top-k
    assert set(_candidates(graph_top_k_engine, SamplerSettings(), "Name a city.")) == {DEVICE_TOP_K}


def test_speed_measurement_still_works(graph_top_k_engine):
    result = graph_top_k_engine.measure_speed()
    assert result.gen_tokens_per_s > 0
