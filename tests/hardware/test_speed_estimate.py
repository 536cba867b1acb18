"""Writing-speed estimates: scaled by weights read per token, replaced by a real run.

How close an estimate comes to the real speed depends on how busy the machine
is, so it is measured by bench/speed_estimate.py, not asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

from composer.hardware.plan import ModelFacts, Override, default_threads, make_plan
from composer.hardware.probe import Probe
from composer.hardware.speed import (
    CPU_EFFICIENCY,
    SMALLEST_MODEL_BYTES,
    USEFUL_TOKENS_PER_S,
    LoadMeter,
    SpeedBasis,
    estimate,
    record_speed,
    slow_advice,
    speed_basis,
    words_per_s,
)
from composer.models.catalog import Verdict, assess, load_catalog, recommend

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
MB = 1_000_000


def _probe(name: str) -> Probe:
    return Probe.from_dict(json.loads((PROBES / name).read_text()))


def _cpu_probe() -> Probe:
    return _probe("this_machine_cpu_build.json")


def test_estimate_scales_with_the_weights_read_per_token():
    probe = _cpu_probe()
    basis = SpeedBasis(cpu_bytes_per_s=10_000 * MB, gpu={}, source="measured")
    small = make_plan(probe, ModelFacts(file_size=250 * MB, n_layers=18))
    large = make_plan(probe, ModelFacts(file_size=1000 * MB, n_layers=28))
    assert estimate(small, 250 * MB, basis) == 40.0
    assert estimate(large, 1000 * MB, basis) == 10.0
    assert words_per_s(40.0) == 30.0


def test_a_model_on_a_gpu_uses_the_gpu_rate_and_a_split_model_both():
    probe = _probe("linux_nvidia_cuda_two_gpus.json")
    gpu = next(d for d in probe.devices if d.is_gpu)
    facts = ModelFacts(file_size=4000 * MB, n_layers=32)
    plan = make_plan(probe, facts)
    assert plan.fit == "gpu"
    basis = SpeedBasis(
        cpu_bytes_per_s=10_000 * MB, gpu={gpu.description: 200_000 * MB}, source="measured"
    )
    on_gpu = estimate(plan, facts.file_size, basis)
    assert on_gpu is not None and on_gpu > 30
    from dataclasses import replace

    half = replace(plan, n_gpu_layers=16, fit="partial")
    split = estimate(half, facts.file_size, basis)
    cpu_only = 10_000 / 4000
    assert split is not None and cpu_only < split < on_gpu
    # Where the weights are mostly on the CPU, the CPU's rate dominates.
    assert split < 2.2 * cpu_only


def test_recommendation_skips_a_model_that_would_write_below_the_floor():
    entries = load_catalog()
    small = min(entries, key=lambda e: e.size)
    large = max(entries, key=lambda e: e.size)
    slow = Verdict(large, "cpu", "x", tokens_per_s=USEFUL_TOKENS_PER_S / 2)
    fast = Verdict(small, "cpu", "x", tokens_per_s=USEFUL_TOKENS_PER_S * 3)
    assert large.quality > small.quality
    assert recommend([slow, fast]) is fast
    # All too slow: the smallest, the least slow, rather than nothing.
    slower = Verdict(small, "cpu", "x", tokens_per_s=1.0)
    assert recommend([slow, slower]) is slower
    # Unknown speeds keep the size rule.
    assert recommend([Verdict(large, "gpu", "x"), Verdict(small, "cpu", "x")]).entry is large


def test_assess_on_a_two_core_machine_recommends_a_model_that_writes_usefully():
    probe = _cpu_probe()
    # 9.7 GB/s: what the starter model reached on this two-core machine.
    basis = SpeedBasis(cpu_bytes_per_s=9_700 * MB, gpu={}, source="measured")
    verdicts = assess(load_catalog(), probe, basis)
    best = next(v for v in verdicts if v.recommended)
    assert best.tokens_per_s is not None and best.tokens_per_s >= USEFUL_TOKENS_PER_S
    slow = [v for v in verdicts if v.tokens_per_s and v.tokens_per_s < USEFUL_TOKENS_PER_S]
    assert slow, "the 7B models write below the floor here"
    assert all(v.entry.size > best.entry.size for v in slow)


def test_a_measured_speed_becomes_the_basis(composer_home):
    # Taken while other programs left the processor alone (tests/hardware/
    # test_speed_history.py: what a busy run changes).
    record_speed("cpu", 250 * MB, 40.0, cpu="Test CPU", load=0.0)
    basis = speed_basis("Test CPU", 2)
    assert basis.source == "measured" and basis.cpu_bytes_per_s == 40.0 * 250 * MB
    # Another processor (a settings folder carried over): measure again.
    other = speed_basis("Other CPU", 2)
    assert other.source == "probe" and other.cpu_bytes_per_s > 0


def test_slow_advice_names_only_what_applies():
    cpu_only = _cpu_probe()
    with_gpu = _probe("linux_nvidia_cuda_two_gpus.json")
    smallest = slow_advice(SMALLEST_MODEL_BYTES, None, cpu_only)
    assert not smallest.smaller_model and not smallest.gpu and smallest.free_cpu
    large = slow_advice(4000 * MB, None, with_gpu)
    assert large.smaller_model and large.gpu and large.free_cpu
    facts = ModelFacts(file_size=4000 * MB, n_layers=32)
    on_gpu = slow_advice(4000 * MB, make_plan(with_gpu, facts), with_gpu)
    assert on_gpu.smaller_model and not on_gpu.gpu and not on_gpu.free_cpu


# No CPU reads memory faster than this (HBM server parts: about 1 TB/s; a 64 MB
# sum that fits a huge L3 cache: a few TB/s). A probe above it is a unit error.
PHYSICAL_MAX_BYTES_PER_S = 20e12


def test_the_live_estimate_stands_on_the_probe_and_a_measurement_replaces_it(
    engine, composer_home, monkeypatch
):
    """The app's estimate path on this machine, then its real writing speed replacing it.

    Only what holds however busy the machine is: other programs slow the
    bandwidth probe and the model's writing, by different and unknowable
    factors (a 2-core machine under load measured 1.1 tokens/s against an
    estimate of 46), so how close the estimate comes to the measured speed is
    a benchmark: bench/speed_estimate.py, figures in docs/PERFORMANCE.md.
    """
    from composer.hardware.probe import probe as live_probe

    size = Path(engine.info.path).stat().st_size
    found = live_probe()
    threads = default_threads(found)
    # What the Models window does (gui/verdict_job.py): no measured speed yet,
    # so the basis is the bandwidth probe, at llama.cpp's share of it.
    basis = speed_basis(found.cpu_name, threads)
    assert basis.source == "probe"
    assert 0 < basis.cpu_bytes_per_s < PHYSICAL_MAX_BYTES_PER_S * CPU_EFFICIENCY
    assert 0 < CPU_EFFICIENCY <= 1  # llama.cpp cannot read weights faster than memory
    plan = make_plan(found, ModelFacts(file_size=size, n_layers=18), Override(device="cpu"))
    guessed = estimate(plan, size, basis)
    # Every weight is read once per token written, at the basis's rate.
    assert guessed is not None and guessed > 0
    assert abs(guessed - basis.cpu_bytes_per_s / size) / guessed < 1e-9, (guessed, basis)

    # The measurement runs its whole path on the real model (load only slows it)...
    # Whether this machine is busy now is not ours to decide: the run is read as
    # calm, so that it decides alone (the engine hands the meter's reading on).
    monkeypatch.setattr(LoadMeter, "others_share", lambda _meter: 0.0)
    result = engine.measure_speed()
    print(f"estimated {guessed:.1f} tokens/s, measured {result.gen_tokens_per_s:.1f} tokens/s")
    assert (result.n_prompt, result.n_gen) == (256, 64)
    assert result.prompt_tokens_per_s > 0 and result.gen_tokens_per_s > 0
    # ... is kept, and the next estimate stands on it, to the token per second.
    after = speed_basis(found.cpu_name, threads)
    assert after.source == "measured"
    again = estimate(plan, size, after)
    assert again is not None
    assert abs(again - result.gen_tokens_per_s) / result.gen_tokens_per_s < 0.01
