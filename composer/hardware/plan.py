"""Choose device, GPU layers, context size and threads for one model.

Pure functions of a Probe and the model's header facts: no llama.cpp, no Qt,
so every rule is tested against probes recorded on other machines.

The rules, in order:
1. The user's override (CPU only, a device, a layer count) wins, but is
   still explained.
2. Only real GPUs are chosen on their own: CPU backends, accelerators
   (BLAS) and software Vulkan devices (lavapipe) are slower than the CPU path.
3. On mains power the discrete GPU goes first; on battery an integrated GPU
   that holds the whole model goes first (it draws a fraction of the power).
4. A GPU is used only when the model fits its memory budget: all layers if
   they fit, else (discrete GPUs only) as many layers as fit. An integrated
   GPU shares the system's RAM and bandwidth, so half a model on it gains
   little: it gets all layers or none.
5. Apple's unified memory keeps headroom for macOS and the apps beside us.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from composer.hardware.context import AUTOMATIC, ContextChoice, choose_context
from composer.hardware.probe import Device, Probe
from composer.messages import Number, UserMessage, user_message

if TYPE_CHECKING:
    from composer.modelfile.gguf import GGUFInfo

GIB = 1024**3
MIB = 1024**2
SMALL_CTX = 2048  # the shortest context: an email and its answer
# llama.cpp's compute buffers and scratch: a floor plus a share of the weights.
COMPUTE_FLOOR = 320 * MIB
COMPUTE_SHARE = 0.03
# Memory left free on a discrete GPU for the desktop and fragmentation.
DGPU_RESERVE = 512 * MIB
# Unified memory (Apple): macOS and the other apps keep at least this much.
UMA_RESERVE_MIN = 2 * GIB
UMA_RESERVE_SHARE = 0.25
# An integrated GPU allocates from system RAM: leave this much for everything else.
IGPU_RAM_RESERVE = 1 * GIB

# llama.cpp's enum llama_split_mode
SPLIT_MODE_NONE = 0
# The KV cache types offered: bytes per cached value as (bytes, values), since
# q8_0 stores blocks of 32 values in 34 bytes, and ggml's type id (GGML_TYPE_*,
# checked against llama_cpp's constants in tests/engine/test_llama_cpp_contract.py).
KV_CACHE_BYTES = {"f16": (2, 1), "q8_0": (34, 32)}
GGML_TYPE_IDS = {"f16": 1, "q8_0": 8}


@dataclass
class ModelFacts:
    file_size: int
    n_layers: int | None = None
    n_ctx_train: int | None = None
    n_embd: int | None = None
    n_head: int | None = None
    n_head_kv: int | None = None
    key_length: int | None = None
    value_length: int | None = None
    # The cache type a plan loads it with (a key of KV_CACHE_BYTES): not a
    # header fact, so not an __init__ argument; with_cache() sets it.
    kv_cache: str = field(default="f16", init=False)

    def with_cache(self, kv_cache: str) -> ModelFacts:
        facts = replace(self)
        facts.kv_cache = kv_cache
        return facts

    @classmethod
    def from_gguf(cls, info: GGUFInfo) -> ModelFacts:
        return cls(
            file_size=info.file_size,
            n_layers=info.block_count,
            n_ctx_train=info.context_length,
            n_embd=info.embedding_length,
            n_head=info.head_count,
            n_head_kv=info.head_count_kv,
            key_length=info.key_length,
            value_length=info.value_length,
        )

    def kv_bytes(self, n_ctx: int, layers: int | None = None) -> int:
        """K and V cache (of type kv_cache) for n_ctx tokens over `layers` layers (default all)."""
        n_layers = self.n_layers or 1
        layers = n_layers if layers is None else layers
        head_dim = (self.n_embd // self.n_head) if self.n_embd and self.n_head else None
        k_len = self.key_length or head_dim
        v_len = self.value_length or head_dim
        heads = self.n_head_kv or self.n_head
        # An unknown shape: assume plain multi-head attention, 4096 wide.
        values = heads * (k_len + v_len) if k_len and v_len and heads else 2 * (self.n_embd or 4096)
        size, per = KV_CACHE_BYTES.get(self.kv_cache, KV_CACHE_BYTES["f16"])
        return n_ctx * layers * values * size // per

    def layer_bytes(self) -> int:
        # Embeddings and the output head weigh about one layer more.
        return self.file_size // ((self.n_layers or 0) + 1)

    def need_bytes(self, n_ctx: int, layers: int | None = None) -> int:
        """Device memory for `layers` offloaded layers (default all, head included)."""
        all_layers = layers is None or layers >= (self.n_layers or 0)
        weights = self.file_size if all_layers else self.layer_bytes() * (layers or 0)
        compute = COMPUTE_FLOOR + int(self.file_size * COMPUTE_SHARE)
        return weights + self.kv_bytes(n_ctx, layers) + compute


@dataclass
class Override:
    device: str = "auto"  # "auto" | "cpu" | str(device index)
    gpu_layers: int | None = None  # None = the planner decides
    context_size: int = AUTOMATIC  # tokens; 0 = chosen from the model and the memory
    kv_cache: str = "f16"  # "f16" | "q8_0" (about half the memory: a longer automatic context)


@dataclass
class DevicePlan:
    device: Device | None  # None = CPU
    n_gpu_layers: int  # 0 = CPU only
    n_layers: int | None
    n_ctx: int
    n_threads: int
    fit: str  # "gpu" | "partial" | "cpu" | "none"
    reason: UserMessage  # str() is English (reports, logs); the GUI translates it
    env: dict[str, str] = field(default_factory=dict)
    main_gpu: int = 0  # index into llama.cpp's list of usable GPUs
    need_bytes: int = 0
    budget_bytes: int = 0
    # Why n_ctx is what it is, and the longest context the memory allows.
    context_reason: UserMessage | None = None
    context_max: int = 0
    kv_cache: str = "f16"  # the KV cache type llama.cpp is asked for

    @property
    def all_layers(self) -> bool:
        if self.n_gpu_layers <= 0:
            return False
        return self.n_layers is None or self.n_gpu_layers >= self.n_layers

    def llama_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "n_ctx": self.n_ctx,
            "n_threads": self.n_threads,
            "n_threads_batch": self.n_threads,
            # One device, never split: the plan's memory figures are for one card.
            "split_mode": SPLIT_MODE_NONE,
        }
        if self.device is None or self.n_gpu_layers <= 0:
            # main_gpu -1 with split mode NONE gives the model no GPU at all, so
            # nothing (KV cache, large matmuls) touches a GPU that just failed.
            kwargs.update(n_gpu_layers=0, main_gpu=-1, offload_kqv=False, op_offload=False)
        else:
            # -1 = every layer and the output head; a count leaves the head on the CPU.
            kwargs.update(
                n_gpu_layers=-1 if self.all_layers else self.n_gpu_layers, main_gpu=self.main_gpu
            )
        if self.kv_cache != "f16":
            # Only then: f16 is llama.cpp's default, and an f16 plan's kwargs
            # (the first-use check's cache key) stay as they were.
            type_id = GGML_TYPE_IDS[self.kv_cache]
            kwargs.update(type_k=type_id, type_v=type_id)
        return kwargs

    def cpu_fallback(self, why: str) -> DevicePlan:
        what = self.device.label if self.device else user_message("Plan", "the GPU")
        first = (why.strip().splitlines() or ["unknown error"])[0]
        # llama-cpp-python names the file; the folder may hold the user's name.
        first = re.sub(r"(from file):?\s*\S.*", r"\1", first)[:160]
        return replace(
            self,
            device=None,
            n_gpu_layers=0,
            fit="cpu",
            env={},
            main_gpu=0,
            reason=user_message("Plan", "CPU only: %1 could not load the model (%2)").arg(
                what, first
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in vars(self).items() if k != "device"}
        data["device"] = vars(self.device) if self.device else None
        data["reason"] = str(self.reason)
        data["context_reason"] = str(self.context_reason) if self.context_reason else None
        data["llama_kwargs"] = self.llama_kwargs()
        return data


def gb(n_bytes: float) -> Number:
    """5.1, 8, 0.5 (GiB, as OS dialogs say GB): one decimal, none when whole."""
    value = round(n_bytes / GIB, 1)
    return Number(value, 0 if value.is_integer() else 1)


def default_threads(probe: Probe) -> int:
    # One thread per physical (performance) core: hyper-threads and efficiency
    # cores add little to llama.cpp's matmuls. On the lent H100's host (16
    # cores, no SMT) 16 threads read 1.7x faster than 8 (docs/PERFORMANCE.md).
    if probe.cpu_cores > 0:
        return min(probe.cpu_cores, max(1, probe.cpu_count))
    count = max(1, probe.cpu_count)
    return count // 2 if count >= 4 else count


def budget(device: Device, probe: Probe) -> int:
    """Bytes this device can give the model, after headroom."""
    if device.backend == "Metal" or (device.unified_memory and probe.os.startswith("macOS")):
        reserve = max(UMA_RESERVE_MIN, int(probe.ram_total * UMA_RESERVE_SHARE))
        room = min(device.free_bytes, probe.ram_total - reserve)
    elif device.kind in ("integrated", "cpu"):
        room = min(device.free_bytes, probe.ram_available - IGPU_RAM_RESERVE)
    else:
        room = device.free_bytes - DGPU_RESERVE
    return max(0, room)


def llama_gpu_order(probe: Probe) -> list[Device]:
    """The GPUs a llama.cpp model may use by default, in main_gpu order.

    llama.cpp takes every "gpu"-type device and adds "igpu" ones only when
    there is no "gpu" (llama.cpp's llama_model_load_from_file).
    """
    gpus = [d for d in probe.devices if d.ggml_type == "gpu"]
    return gpus or [d for d in probe.devices if d.ggml_type == "igpu"]


def _placement(device: Device, probe: Probe) -> tuple[int, dict[str, str]] | None:
    """(main_gpu, env) that puts the model on `device`, or None if unreachable."""
    order = llama_gpu_order(probe)
    if device in order:
        return order.index(device), {}
    if device.backend == "Vulkan" and device.vk_index is not None:
        # Hide every other Vulkan device, so this one becomes Vulkan0.
        others = [d for d in probe.devices if d.ggml_type == "gpu" and d.backend != "Vulkan"]
        return len(others), {"GGML_VK_VISIBLE_DEVICES": str(device.vk_index)}
    return None


def _choose_ctx(facts: ModelFacts, probe: Probe, requested: int) -> ContextChoice:
    """Context for a model whose weights and cache live in system RAM."""
    ram = probe.ram_available or probe.ram_total
    room = int(ram * 0.9) - facts.file_size - COMPUTE_FLOOR if ram else 8 * GIB
    return choose_context(facts, room, requested)


def _gpu_ctx(facts: ModelFacts, room: int, requested: int) -> ContextChoice:
    """Context for a model wholly on a GPU with `room` bytes: its cache lives there too."""
    compute = COMPUTE_FLOOR + int(facts.file_size * COMPUTE_SHARE)
    return choose_context(facts, room - facts.file_size - compute, requested)


def _cpu_plan(facts: ModelFacts, probe: Probe, ctx: int, reason: UserMessage) -> DevicePlan:
    need = facts.file_size + facts.kv_bytes(ctx) + COMPUTE_FLOOR
    fit = "cpu"
    if probe.ram_total and need > probe.ram_total:
        fit = "none"
        reason = user_message(
            "Plan",
            "Too large for this computer: the model needs %1 GB and there are "
            "%2 GB of memory; it will be very slow or fail to load",
        ).arg(gb(need), gb(probe.ram_total))
    return DevicePlan(
        device=None,
        n_gpu_layers=0,
        n_layers=facts.n_layers,
        n_ctx=ctx,
        n_threads=default_threads(probe),
        fit=fit,
        reason=reason,
        need_bytes=need,
        budget_bytes=probe.ram_total,
    )


def _gpu_plan(
    device: Device,
    facts: ModelFacts,
    probe: Probe,
    ctx: int,
    layers: int | None,
    forced: bool,
    requested: int = AUTOMATIC,
) -> DevicePlan | None:
    """A plan on `device`; None if nothing fits (unless `forced` by the user)."""
    placement = _placement(device, probe)
    if placement is None:
        return None
    main_gpu, env = placement
    room = budget(device, probe)
    n_layers = facts.n_layers
    on_gpu = _gpu_ctx(facts, room, requested)
    if layers is None:
        full = on_gpu.n_ctx  # weights and cache on the GPU: RAM does not limit it
        if facts.need_bytes(full) <= room:
            layers, ctx = (n_layers if n_layers is not None else 1), full
        elif full > SMALL_CTX and facts.need_bytes(SMALL_CTX) <= room:
            # All layers with a shorter context beat half the layers.
            layers, ctx = (n_layers if n_layers is not None else 1), SMALL_CTX
        elif n_layers and device.kind == "discrete":
            per_layer = facts.layer_bytes() + facts.kv_bytes(ctx, 1)
            spare = room - COMPUTE_FLOOR - int(facts.file_size * COMPUTE_SHARE)
            layers = max(0, min(n_layers - 1, spare // per_layer))
        else:
            layers = 0
        if layers <= 0 and not forced:
            return None
    elif n_layers is not None:
        layers = max(0, min(layers, n_layers))
    # Without a layer count the model can only go whole (n_gpu_layers -1) or not at all.
    all_layers = layers > 0 and (n_layers is None or layers >= n_layers)
    need = facts.need_bytes(ctx, None if all_layers else layers)
    plan = DevicePlan(
        device=device,
        n_gpu_layers=layers,
        n_layers=n_layers,
        n_ctx=ctx,
        n_threads=default_threads(probe),
        fit="gpu" if all_layers else "partial",
        reason=user_message("Plan", "CPU only"),
        env=env,
        main_gpu=main_gpu,
        need_bytes=need,
        budget_bytes=room,
    )
    if layers <= 0:
        plan.fit, plan.device = "cpu", None
    plan.reason = _gpu_reason(plan, device)
    if all_layers and ctx == on_gpu.n_ctx:
        plan.context_reason, plan.context_max = on_gpu.reason, on_gpu.largest_fit
    return plan


def _gpu_reason(plan: DevicePlan, device: Device) -> UserMessage:
    need, total = gb(plan.need_bytes), gb(device.total_bytes)
    if plan.n_layers is None:
        return user_message("Plan", "%1, whole model, %2 of %3 GB").arg(device.label, need, total)
    if plan.fit == "gpu":
        if device.backend == "Metal":
            return user_message(
                "Plan",
                "%1, all %2 layers, %3 of %4 GB of shared memory (the rest is left to macOS)",
            ).arg(device.label, plan.n_layers, need, gb(plan.budget_bytes))
        return user_message("Plan", "%1, %2 of %3 layers, %4 of %5 GB").arg(
            device.label, plan.n_layers, plan.n_layers, need, total
        )
    if plan.fit == "partial":
        return user_message("Plan", "%1, %2 of %3 layers (the rest on the CPU), %4 of %5 GB").arg(
            device.label, plan.n_gpu_layers, plan.n_layers, need, total
        )
    return user_message("Plan", "CPU only: 0 layers on %1 as set in settings").arg(device.label)


def _too_small_reason(device: Device, facts: ModelFacts, ctx: int) -> UserMessage:
    return user_message("Plan", "CPU only: %1 reports %2 GB, the model needs %3 GB").arg(
        device.description or device.name, gb(device.free_bytes), gb(facts.need_bytes(ctx))
    )


def _auto_candidates(probe: Probe) -> list[Device]:
    gpus = [d for d in probe.devices if d.is_gpu]
    discrete = sorted((d for d in gpus if d.kind == "discrete"), key=lambda d: -d.free_bytes)
    integrated = [d for d in gpus if d.kind == "integrated"]
    if probe.on_battery:
        return integrated + discrete
    return discrete + integrated


def make_plan(probe: Probe, facts: ModelFacts, override: Override | None = None) -> DevicePlan:
    override = override or Override()
    kv_cache = override.kv_cache if override.kv_cache in KV_CACHE_BYTES else "f16"
    facts = facts.with_cache(kv_cache)  # every cache size below is of this type
    in_ram = _choose_ctx(facts, probe, override.context_size)
    plan = _make_plan(probe, facts, override, in_ram.n_ctx)
    plan.kv_cache = kv_cache
    if plan.context_reason is None:  # the cache is (partly) in system memory
        plan.context_reason, plan.context_max = in_ram.reason, in_ram.largest_fit
    return plan


def _make_plan(probe: Probe, facts: ModelFacts, override: Override, ctx: int) -> DevicePlan:
    layers = override.gpu_layers
    requested = override.context_size
    if override.device == "cpu" or layers == 0:
        why = (
            user_message("Plan", "CPU only: chosen in settings")
            if override.device == "cpu"
            else user_message("Plan", "CPU only: 0 GPU layers set in settings")
        )
        return _cpu_plan(facts, probe, ctx, why)

    prefix: UserMessage | None = None  # why the device chosen in settings is not used
    if override.device not in ("auto", ""):
        chosen = probe.device(int(override.device)) if override.device.isdigit() else None
        if chosen is not None and chosen.backend == "CPU":
            return _cpu_plan(
                facts, probe, ctx, user_message("Plan", "CPU only: chosen in settings")
            )
        if chosen is not None:
            plan = _gpu_plan(
                chosen, facts, probe, ctx, layers, forced=layers is not None, requested=requested
            )
            if plan is not None:
                plan.reason = user_message("Plan", "%1 (chosen in settings)").arg(plan.reason)
                return plan
            prefix = user_message(
                "Plan", "%1 was chosen in settings but cannot hold the model. %2"
            ).arg(chosen.label)
        else:
            prefix = user_message(
                "Plan", "The device chosen in settings (%1) is not present. %2"
            ).arg(override.device)

    candidates = _auto_candidates(probe)
    plans = [
        p
        for p in (
            _gpu_plan(d, facts, probe, ctx, layers, layers is not None, requested)
            for d in candidates
        )
        if p is not None
    ]
    full = [p for p in plans if p.fit == "gpu"]
    best = full[0] if full else max(plans, key=lambda p: p.n_gpu_layers, default=None)
    if best is not None and best.device is not None:
        if probe.on_battery and best.device.kind == "integrated" and len(candidates) > 1:
            best.reason = user_message(
                "Plan", "%1 (on battery: the integrated GPU draws less power)"
            ).arg(best.reason)
        best.reason = prefix.arg(best.reason) if prefix else best.reason
        return best
    reason = _cpu_reason(probe, facts, ctx, candidates)
    return _cpu_plan(facts, probe, ctx, prefix.arg(reason) if prefix else reason)


def _cpu_reason(probe: Probe, facts: ModelFacts, ctx: int, candidates: list[Device]) -> UserMessage:
    if candidates:
        smallest = max(candidates, key=lambda d: d.free_bytes)
        return _too_small_reason(smallest, facts, ctx)
    software = [d for d in probe.devices if d.backend not in ("CPU", "") and d.kind == "cpu"]
    if software:
        return user_message(
            "Plan", "CPU only: %1 is a software renderer, slower than running on the CPU directly"
        ).arg(software[0].description)
    if probe.note:
        return user_message("Plan", "CPU only: %1").arg(probe.note)
    unused = [
        d["name"] for d in probe.hidden_devices if d.get("type") in ("discrete", "integrated")
    ]
    gpu_backends = [b for b in probe.backends if b not in ("CPU", "BLAS", "RPC")]
    if not probe.gpu_offload and gpu_backends:
        return user_message(
            "Plan",
            "CPU only: this build supports %1, but no %1 GPU was found "
            "(is the graphics driver installed?)",
        ).arg(gpu_backends[0])
    if not probe.gpu_offload:
        if unused:
            return user_message(
                "Plan",
                "CPU only: %1 was found, but this build of llama.cpp has no GPU "
                "support; install the Vulkan build to use it (see Hardware help)",
            ).arg(unused[0])
        return user_message(
            "Plan", "CPU only: this build of llama.cpp has no GPU support and no GPU was found"
        )
    return user_message("Plan", "CPU only: no GPU found")
