"""Runs in a child process whose PYTHONPATH puts the Vulkan llama_cpp first.

    python vulkan_child.py probe
    python vulkan_child.py offload MODEL   all layers on the first Vulkan device, real tokens
    python vulkan_child.py engine MODEL    LocalEngine.load with the Vulkan plan, then a draft

A child, because which llama_cpp is imported (and which Vulkan devices exist)
is fixed for the life of a process. Prints one line: RESULT=<json>.
"""

from __future__ import annotations

import json
import sys
import threading


def _vulkan_plan(model: str):
    from composer.engine.gguf_check import read_gguf
    from composer.hardware.plan import ModelFacts, Override, make_plan
    from composer.hardware.probe import probe

    found = probe(use_cache=False)
    vulkan = next(d for d in found.devices if d.backend == "Vulkan")
    facts = ModelFacts.from_gguf(read_gguf(model))
    return found, make_plan(found, facts, Override(device=str(vulkan.index)))


def probe_mode() -> dict:
    from composer.hardware.probe import probe

    return probe(use_cache=False).to_dict()


def offload_mode(model: str) -> dict:
    import llama_cpp

    from composer.hardware.offload import captured_llama_log, layer_devices, offloaded_layers
    from composer.hardware.speed import measure_speed

    _, plan = _vulkan_plan(model)
    with captured_llama_log() as log:
        llm = llama_cpp.Llama(model_path=model, verbose=True, **plan.llama_kwargs())
    out = llm.create_completion("The capital of France is", max_tokens=8, temperature=0.0)
    speed = measure_speed(llm, n_prompt=32, n_gen=8)
    llm.close()
    text = log.getvalue()
    return {
        "reason": plan.reason, "kwargs": plan.llama_kwargs(), "offloaded": offloaded_layers(text),
        "layer_devices": sorted(layer_devices(text)), "text": out["choices"][0]["text"],
        "completion_tokens": out["usage"]["completion_tokens"], "llama_file": llama_cpp.__file__,
        "speed": vars(speed),
    }


def engine_mode(model: str) -> dict:
    from composer.engine.base import ChatMessage, GenerationRequest
    from composer.engine.local import LocalEngine

    _, plan = _vulkan_plan(model)
    engine = LocalEngine()
    info = engine.load(model, plan)
    request = GenerationRequest(messages=(ChatMessage("user", "Write one sentence about tea."),),
                                max_tokens=8, temperature=0.0)
    text = "".join(engine.stream(request, threading.Event()))
    stats = engine.last_stats
    engine.close()
    return {"plan_reason": plan.reason, "plan_layers": plan.n_gpu_layers, "device": info.device,
            "fallback_reason": info.fallback_reason, "text": text,
            "generated_tokens": stats.generated_tokens if stats else 0}


def main() -> int:
    mode = sys.argv[1]
    if mode == "probe":
        result = probe_mode()
    elif mode == "offload":
        result = offload_mode(sys.argv[2])
    else:
        result = engine_mode(sys.argv[2])
    print("RESULT=" + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
