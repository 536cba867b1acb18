"""Runs in a child process whose PYTHONPATH puts the Vulkan llama_cpp first.

    python vulkan_child.py probe
    python vulkan_child.py engine MODEL    LocalEngine.load with the plan for the first
                                           Vulkan device, then a short draft
    python vulkan_child.py numpy-first MODEL   the same after importing numpy.linalg

A child, because which llama_cpp is imported (and which Vulkan devices exist)
is fixed for the life of a process. Prints one line: RESULT=<json>.
"""

from __future__ import annotations

import json
import sys
import threading


def probe_mode() -> dict:
    from composer.hardware.probe import probe

    return probe(use_cache=False).to_dict()


def engine_mode(model: str) -> dict:
    import llama_cpp

    from composer.engine.base import ChatMessage, GenerationRequest
    from composer.engine.llama_log import llama_log_tap, load_error
    from composer.engine.local import LocalEngine
    from composer.hardware.offload import layer_devices, offloaded_layers
    from composer.hardware.plan import ModelFacts, Override, make_plan
    from composer.hardware.probe import probe
    from composer.hardware.speed import measure_speed
    from composer.modelfile.gguf import read_gguf

    found = probe(use_cache=False)
    vulkan = next(d for d in found.devices if d.backend == "Vulkan")
    plan = make_plan(
        found, ModelFacts.from_gguf(read_gguf(model)), Override(device=str(vulkan.index))
    )
    engine = LocalEngine()
    with llama_log_tap() as log:
        info = engine.load(model, plan=plan)
    request = GenerationRequest(
        messages=(ChatMessage("user", "Write one sentence about tea."),),
        max_tokens=6,
        temperature=0.0,
    )
    text = "".join(engine.stream(request, threading.Event()))
    stats = engine.last_stats
    result = {
        "plan_reason": str(plan.reason),
        "plan_layers": plan.n_gpu_layers,
        "kwargs": plan.llama_kwargs(),
        "device": str(info.device),
        "fallback_reason": str(info.fallback_reason) if info.fallback_reason else None,
        "text": text,
        "generated_tokens": stats.generated_tokens if stats else 0,
        "offloaded": offloaded_layers(log.getvalue()),
        "layer_devices": sorted(layer_devices(log.getvalue())),
        "load_error": load_error(log.getvalue()),
        "llama_file": llama_cpp.__file__,
    }
    if not info.fallback_reason:
        # Sampled (not greedy): the top-k candidates are picked on the device
        # (engine.token_loop.offload_top_k); count what the chain received.
        sampled = GenerationRequest(
            messages=(ChatMessage("user", "Write one long sentence about green tea."),),
            max_tokens=5,
            temperature=0.7,
        )
        counts = []
        for _ in engine.stream(sampled, threading.Event()):
            ctx = engine._llm._ctx.ctx
            counts.append(llama_cpp.llama_get_sampled_logits_count_ith(ctx, -1))
        result["candidates_per_token"] = counts
    if info.fallback_reason:
        # Quick on the CPU; on lavapipe it would mostly time shader compiles.
        result["speed"] = vars(measure_speed(engine._llm, n_prompt=32, n_gen=8))
    engine.close()
    return result


def main() -> int:
    if sys.argv[1] == "numpy-first":
        # As a process that imported numpy (and numpy.linalg's OpenBLAS) before
        # llama.cpp: the order that crashed a Vulkan load on an NVIDIA GPU (issue 27).
        import numpy.linalg  # noqa: F401

        assert "llama_cpp" not in sys.modules
    result = probe_mode() if sys.argv[1] == "probe" else engine_mode(sys.argv[2])
    print("RESULT=" + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
