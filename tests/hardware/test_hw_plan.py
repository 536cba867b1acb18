"""Plan rules against probes recorded on real machines (see each fixture's _source)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers.hardware import (
    GIB,
    LLAMA2_7B_Q4_0,
    LLAMA2_13B_Q4_K_M,
    LLAMA31_8B_Q4_K_M,
    LLAMA32_1B_Q4_K_M,
    all_probe_names,
    load_probe,
)

from composer.hardware.plan import DevicePlan, ModelFacts, Override, gb, make_plan
from composer.hardware.probe import Probe


@pytest.mark.parametrize("name", all_probe_names())
def test_every_fixture_round_trips_and_plans(name: str) -> None:
    probe = load_probe(name)
    assert Probe.from_dict(probe.to_dict()) == probe
    assert any(d.backend == "CPU" for d in probe.devices), "llama.cpp always has a CPU device"
    for facts in (LLAMA32_1B_Q4_K_M, LLAMA2_7B_Q4_0, LLAMA2_13B_Q4_K_M):
        plan = make_plan(probe, facts)
        assert str(plan.reason) and "\n" not in str(plan.reason)
        assert plan.n_threads >= 1 and plan.n_ctx >= 512
        if plan.device is None:
            assert plan.n_gpu_layers == 0 and plan.fit in ("cpu", "none")
        else:
            assert plan.device.is_gpu and 0 < plan.n_gpu_layers <= facts.n_layers


def test_apple_m1_runs_a_small_model_entirely_on_metal() -> None:
    plan = make_plan(load_probe("apple_m1_8gb"), LLAMA32_1B_Q4_K_M)
    assert plan.fit == "gpu" and plan.device.backend == "Metal"
    assert str(plan.reason).startswith("Apple M1 GPU (Metal), all 16 layers")
    assert plan.llama_kwargs()["n_gpu_layers"] == -1
    # Trained on 131,072 tokens; the automatic choice stops at 32k, whose cache
    # (1 GB) is within a quarter of the shared memory the weights leave.
    assert plan.n_ctx == 32768
    assert plan.context_reason is not None and "32,768" in str(plan.context_reason)


def test_apple_8gb_keeps_headroom_by_shortening_the_context() -> None:
    # 7B at 4096 tokens would need about 6 GB of a 5.3 GB working set: all
    # layers at 2048 tokens beats a split on unified memory.
    plan = make_plan(load_probe("apple_m2_8gb"), LLAMA2_7B_Q4_0)
    assert plan.fit == "gpu" and plan.n_ctx == 2048
    assert plan.need_bytes <= plan.budget_bytes
    assert plan.budget_bytes <= load_probe("apple_m2_8gb").devices[0].total_bytes
    assert str(plan.reason).startswith("Apple M2 GPU (Metal), all 32 layers")


def test_apple_unified_memory_is_never_split() -> None:
    # 13B on an 8 GB Mac: Metal cannot take part of it usefully, and the
    # machine itself is too small: say so.
    plan = make_plan(load_probe("apple_m1_8gb"), LLAMA2_13B_Q4_K_M)
    assert plan.device is None and plan.fit == "none"
    assert "Too large for this computer" in str(plan.reason) and "8 GB of memory" in str(
        plan.reason
    )


def test_apple_16gb_holds_a_13b_model() -> None:
    plan = make_plan(load_probe("apple_m1_16gb"), LLAMA2_13B_Q4_K_M)
    assert plan.fit == "gpu" and plan.n_gpu_layers == 40


def test_windows_laptop_on_mains_prefers_the_discrete_gpu() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    probe.on_battery = False
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    assert plan.device.description == "NVIDIA GeForce RTX 3060 Laptop GPU"
    assert plan.env == {}  # llama.cpp already prefers the discrete GPU
    assert plan.main_gpu == 0
    assert str(plan.reason) == (
        f"NVIDIA GeForce RTX 3060 Laptop GPU (Vulkan), 16 of 16 layers, "
        f"{gb(plan.need_bytes)} of 5.9 GB"
    )


def test_windows_laptop_on_battery_uses_the_integrated_gpu_when_the_model_fits() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    probe.on_battery = True
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    assert plan.device.description == "AMD Radeon(TM) Graphics" and plan.fit == "gpu"
    # llama.cpp drops integrated GPUs when a discrete one exists: only hiding
    # the other Vulkan devices puts the model on the iGPU.
    assert plan.env == {"GGML_VK_VISIBLE_DEVICES": "0"}
    assert plan.llama_kwargs()["main_gpu"] == 0
    assert "on battery" in str(plan.reason)


def test_windows_laptop_on_battery_falls_back_to_the_dgpu_for_big_models() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    probe.on_battery = True
    plan = make_plan(probe, LLAMA2_7B_Q4_0)
    assert plan.device.kind == "discrete" and plan.fit == "partial"


def test_small_discrete_gpu_gets_as_many_layers_as_fit() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    plan = make_plan(probe, LLAMA31_8B_Q4_K_M)
    assert plan.fit == "partial" and 0 < plan.n_gpu_layers < 32
    assert plan.need_bytes <= plan.budget_bytes
    assert plan.llama_kwargs()["n_gpu_layers"] == plan.n_gpu_layers
    assert f"{plan.n_gpu_layers} of 32 layers (the rest on the CPU)" in str(plan.reason)
    # One more layer would not fit.
    assert LLAMA31_8B_Q4_K_M.need_bytes(plan.n_ctx, plan.n_gpu_layers + 1) > plan.budget_bytes


def test_linux_amd_discrete_gpu_takes_a_13b_model() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_13B_Q4_K_M)
    assert plan.fit == "gpu"
    assert str(plan.reason).startswith(
        "AMD Radeon RX 6700 XT (RADV NAVI22) (Vulkan), 40 of 40 layers, "
    )
    assert str(plan.reason).endswith(" of 12 GB")


def test_linux_amd_integrated_gpu_with_a_big_carve_out_is_used() -> None:
    plan = make_plan(load_probe("linux_amd_strix_halo_igpu"), LLAMA2_13B_Q4_K_M)
    assert plan.fit == "gpu" and plan.device.kind == "integrated" and plan.env == {}


def test_integrated_gpu_too_small_means_cpu_with_the_numbers() -> None:
    probe = load_probe("linux_intel_arc_mtl_igpu")
    # The same machine with the iGPU reporting only 0.5 GB (as Intel UHD 620
    # does on Windows, where it counts only its dedicated aperture).
    probe.devices[0] = replace(probe.devices[0], free_bytes=GIB // 2, total_bytes=GIB // 2)
    plan = make_plan(probe, LLAMA31_8B_Q4_K_M)
    assert plan.device is None and plan.fit == "cpu"
    need = LLAMA31_8B_Q4_K_M.need_bytes(plan.n_ctx)
    assert (
        str(plan.reason)
        == f"CPU only: Intel(R) Arc(tm) Graphics (MTL) reports 0.5 GB, the model needs {gb(need)} GB"
    )


def test_integrated_gpu_is_never_given_half_a_model() -> None:
    probe = load_probe("linux_intel_arc_mtl_igpu")
    probe.devices[0] = replace(probe.devices[0], free_bytes=3 * GIB, total_bytes=3 * GIB)
    plan = make_plan(probe, LLAMA31_8B_Q4_K_M)
    assert plan.device is None and plan.n_gpu_layers == 0


def test_linux_nvidia_two_gpus_picks_the_one_with_most_free_memory() -> None:
    plan = make_plan(load_probe("linux_nvidia_cuda_two_gpus"), LLAMA2_13B_Q4_K_M)
    assert plan.device.name == "CUDA1" and plan.main_gpu == 1
    kwargs = plan.llama_kwargs()
    assert kwargs["main_gpu"] == 1 and kwargs["split_mode"] == 0  # one card, never split


def test_cpu_only_build_says_so() -> None:
    plan = make_plan(load_probe("this_machine_cpu_build"), LLAMA32_1B_Q4_K_M)
    assert plan.device is None and plan.fit == "cpu"
    assert "no GPU support" in str(plan.reason)
    kwargs = plan.llama_kwargs()
    assert kwargs["n_gpu_layers"] == 0 and kwargs["main_gpu"] == -1 and kwargs["split_mode"] == 0


def test_cpu_only_build_next_to_a_real_gpu_points_to_the_vulkan_build() -> None:
    probe = load_probe("this_machine_cpu_build")
    probe.hidden_devices = [{"index": 0, "name": "NVIDIA GeForce RTX 4060", "type": "discrete"}]
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    assert "NVIDIA GeForce RTX 4060 was found" in str(plan.reason) and "Vulkan build" in str(
        plan.reason
    )


def test_probe_failure_note_is_the_reason() -> None:
    probe = load_probe("this_machine_cpu_build")
    probe.note = "The graphics driver did not answer within 20 seconds, so the GPU is not used."
    assert str(make_plan(probe, LLAMA32_1B_Q4_K_M).reason) == "CPU only: " + probe.note


# -- overrides -------------------------------------------------------------


def test_override_cpu() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0, Override(device="cpu"))
    assert plan.device is None and str(plan.reason) == "CPU only: chosen in settings"


def test_override_zero_layers_is_cpu() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0, Override(gpu_layers=0))
    assert plan.device is None and "0 GPU layers" in str(plan.reason)


def test_override_layer_count_is_obeyed_and_explained() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0, Override(gpu_layers=10))
    assert plan.n_gpu_layers == 10 and plan.fit == "partial"
    assert plan.llama_kwargs()["n_gpu_layers"] == 10


def test_override_layer_count_is_clamped_to_the_model() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0, Override(gpu_layers=99))
    assert plan.n_gpu_layers == 32 and plan.fit == "gpu"


def test_override_specific_device_the_planner_would_not_pick() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M, Override(device="0"))
    assert plan.device.description == "AMD Radeon(TM) Graphics"
    assert plan.env == {"GGML_VK_VISIBLE_DEVICES": "0"}
    assert str(plan.reason).endswith("(chosen in settings)")


def test_override_missing_device_falls_back_to_auto_and_says_so() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0, Override(device="7"))
    assert plan.device is not None and plan.device.name == "Vulkan0"
    assert str(plan.reason).startswith("The device chosen in settings (7) is not present. ")


def test_override_cpu_device_index_is_cpu() -> None:
    probe = load_probe("linux_amd_rx6700xt")
    cpu = next(d for d in probe.devices if d.backend == "CPU")
    plan = make_plan(probe, LLAMA2_7B_Q4_0, Override(device=str(cpu.index)))
    assert plan.device is None


# -- plan objects ----------------------------------------------------------


def test_cpu_fallback_keeps_model_settings_and_explains() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0)
    fallback = plan.cpu_fallback("vk::Device::allocateMemory: ErrorOutOfDeviceMemory\nmore detail")
    assert isinstance(fallback, DevicePlan)
    assert fallback.device is None and fallback.n_gpu_layers == 0 and fallback.env == {}
    assert fallback.n_ctx == plan.n_ctx and fallback.n_threads == plan.n_threads
    assert str(fallback.reason) == (
        "CPU only: AMD Radeon RX 6700 XT (RADV NAVI22) (Vulkan) could not load the model "
        "(vk::Device::allocateMemory: ErrorOutOfDeviceMemory)"
    )
    assert fallback.llama_kwargs()["n_gpu_layers"] == 0


def test_plan_to_dict_is_json_ready() -> None:
    import json

    plan = make_plan(load_probe("linux_nvidia_cuda_two_gpus"), LLAMA2_7B_Q4_0)
    data = json.loads(json.dumps(plan.to_dict()))
    assert data["device"]["name"] == "CUDA1" and data["llama_kwargs"]["main_gpu"] == 1


def test_unknown_model_shape_still_plans() -> None:
    facts = ModelFacts(file_size=2 * GIB)
    plan = make_plan(load_probe("linux_amd_rx6700xt"), facts)
    assert plan.fit == "gpu" and str(plan.reason).startswith("AMD Radeon RX 6700 XT")


def test_kv_cache_uses_grouped_query_heads() -> None:
    # Llama 3.1 8B: 8 KV heads of 128 -> 128 KiB per token (f16 K and V, 32 layers).
    assert LLAMA31_8B_Q4_K_M.kv_bytes(1) == 32 * 8 * 128 * 2 * 2
    # Llama 2 7B: 32 KV heads -> four times as much.
    assert LLAMA2_7B_Q4_0.kv_bytes(1) == 4 * LLAMA31_8B_Q4_K_M.kv_bytes(1)


def test_model_facts_from_the_real_starter_model(starter_model_path) -> None:
    from composer.modelfile.gguf import read_gguf

    facts = ModelFacts.from_gguf(read_gguf(starter_model_path))
    assert facts.n_layers == 18 and facts.file_size > 200_000_000
    assert facts.n_head_kv == 1 and facts.key_length == 256
    plan = make_plan(load_probe("apple_m1_8gb"), facts)
    assert str(plan.reason).startswith("Apple M1 GPU (Metal), all 18 layers")


def test_gpu_backend_without_a_device_blames_the_driver_not_the_build() -> None:
    # Recorded on the lent H100 before its Vulkan loader found the driver:
    # the Vulkan backend was compiled in but listed no device.
    probe = load_probe("this_machine_cpu_build")
    probe.backends = ["Vulkan", "CPU"]
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    assert str(plan.reason) == (
        "CPU only: this build supports Vulkan, but no Vulkan GPU was found "
        "(is the graphics driver installed?)"
    )


def test_h100_takes_everything_through_vulkan() -> None:
    # The synthetic 7B model the benchmark ran there (its GGUF header, from
    # composer --hardware-report on that machine).
    synthetic_7b = ModelFacts(
        file_size=3_791_984_960, n_layers=32, n_ctx_train=4096, n_embd=4096, n_head=32, n_head_kv=32
    )
    plan = make_plan(load_probe("h100_vulkan"), synthetic_7b)
    assert str(plan.reason) == "NVIDIA H100 80GB HBM3 (Vulkan), 32 of 32 layers, 6 of 79.6 GB"
    assert plan.n_threads == 16  # 16 physical cores, no SMT


def test_lavapipe_is_only_used_when_chosen() -> None:
    probe = load_probe("this_machine_vulkan_lavapipe")
    assert make_plan(probe, LLAMA32_1B_Q4_K_M).device is None
    vulkan = next(d for d in probe.devices if d.backend == "Vulkan")
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M, Override(device=str(vulkan.index)))
    assert plan.device == vulkan and plan.fit == "gpu" and plan.env == {}


def test_cpu_fallback_reason_never_shows_the_model_folder() -> None:
    plan = make_plan(load_probe("linux_amd_rx6700xt"), LLAMA2_7B_Q4_0)
    fallback = plan.cpu_fallback("Failed to load model from file: /home/anna/Private/model.gguf")
    assert "/home/anna" not in str(fallback.reason)
    assert str(fallback.reason).endswith(
        "could not load the model (Failed to load model from file)"
    )


def test_context_follows_the_model_and_the_memory() -> None:
    from composer.hardware.context import choose_context

    facts = LLAMA31_8B_Q4_K_M  # 128 KB of cache a token
    per_token = facts.kv_bytes(1)
    assert per_token == 32 * 8 * (128 + 128) * 2
    # Plenty of memory: the automatic choice stops at 32k.
    assert choose_context(facts, 64 * GIB).n_ctx == 32768
    # 4 GB beside the weights: a quarter holds 8k tokens of cache, not 16k.
    tight = choose_context(facts, 4 * GIB)
    assert tight.n_ctx == 8192 and tight.largest_fit == 8192
    assert "16,384" in str(tight.reason)  # says what a longer window would need
    # A setting is honoured up to what fits, and says so.
    capped = choose_context(facts, 4 * GIB, requested=32768)
    assert capped.n_ctx == 8192 and "32,768" in str(capped.reason)
    assert choose_context(facts, 4 * GIB, requested=4096).n_ctx == 4096
    # Never beyond what the model was trained on.
    short = replace(facts, n_ctx_train=4096)
    assert choose_context(short, 64 * GIB, requested=16384).n_ctx == 4096


def test_the_setting_reaches_the_plan() -> None:
    probe = load_probe("apple_m1_8gb")
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M, Override(context_size=8192))
    assert plan.n_ctx == 8192 and plan.llama_kwargs()["n_ctx"] == 8192
    assert plan.context_max == 32768
    cpu = make_plan(probe, LLAMA32_1B_Q4_K_M, Override(device="cpu", context_size=4096))
    assert cpu.n_ctx == 4096 and cpu.context_reason is not None


def test_q8_0_cache_takes_34_bytes_per_32_values() -> None:
    facts = LLAMA31_8B_Q4_K_M
    assert facts.kv_bytes(1) == 32 * 8 * 256 * 2  # the default stays f16
    compact = facts.with_cache("q8_0")
    assert compact.kv_bytes(1) == 32 * 8 * 256 * 34 // 32
    assert compact.kv_bytes(4096, layers=1) == 4096 * 8 * 256 * 34 // 32


def test_q8_0_cache_gives_a_longer_automatic_context_in_the_same_memory() -> None:
    probe = load_probe("linux_amd_rx6700xt")  # 12 GB: an 8B model leaves room for 8k of f16
    full = make_plan(probe, LLAMA31_8B_Q4_K_M)
    compact = make_plan(probe, LLAMA31_8B_Q4_K_M, Override(kv_cache="q8_0"))
    assert (full.fit, compact.fit) == ("gpu", "gpu")
    assert (full.n_ctx, compact.n_ctx) == (8192, 16384)
    assert compact.context_max > full.context_max
    assert compact.need_bytes <= compact.budget_bytes
    # On the CPU too: the cache lives in system memory.
    cpu = load_probe("this_machine_cpu_build")
    assert make_plan(cpu, LLAMA31_8B_Q4_K_M).n_ctx == 16384
    assert make_plan(cpu, LLAMA31_8B_Q4_K_M, Override(kv_cache="q8_0")).n_ctx == 32768


def test_q8_0_cache_lets_a_model_go_whole_on_a_small_gpu() -> None:
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")  # 6 GB RTX 3060 laptop GPU
    assert make_plan(probe, LLAMA2_7B_Q4_0).fit == "partial"
    assert make_plan(probe, LLAMA2_7B_Q4_0, Override(kv_cache="q8_0")).fit == "gpu"


def test_only_a_q8_0_plan_asks_llama_cpp_for_another_cache_type() -> None:
    probe = load_probe("linux_amd_rx6700xt")
    full = make_plan(probe, LLAMA32_1B_Q4_K_M)
    assert full.kv_cache == "f16"
    assert "type_k" not in full.llama_kwargs() and "type_v" not in full.llama_kwargs()
    compact = make_plan(probe, LLAMA32_1B_Q4_K_M, Override(kv_cache="q8_0"))
    kwargs = compact.llama_kwargs()
    assert compact.kv_cache == "q8_0" and (kwargs["type_k"], kwargs["type_v"]) == (8, 8)
    # A GPU that fails falls back to the CPU with the same cache.
    assert compact.cpu_fallback("no memory").llama_kwargs()["type_v"] == 8
    # An unknown type (a hand-made Override) plans as f16.
    assert make_plan(probe, LLAMA32_1B_Q4_K_M, Override(kv_cache="q4_0")).kv_cache == "f16"
