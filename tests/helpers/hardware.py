"""Helpers for the hardware tests: recorded probes and real model shapes.

Each probe in tests/fixtures/probes/ names its source inside ("_source"):
published llama.cpp logs for machines we do not have (Apple, Windows, other
Linux GPUs), or a real recording on this machine and on the lent H100.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from composer.hardware.plan import ModelFacts
from composer.hardware.probe import Probe

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
REPO = Path(__file__).resolve().parents[2]
VULKAN_SITE = REPO / ".vulkan" / "site"

GIB = 1024**3

# Shapes from the GGUF headers of widely used published files.
LLAMA2_7B_Q4_0 = ModelFacts(  # llama-2-7b.Q4_0.gguf
    file_size=3_825_065_984,
    n_layers=32,
    n_ctx_train=4096,
    n_embd=4096,
    n_head=32,
    n_head_kv=32,
)
LLAMA32_1B_Q4_K_M = ModelFacts(  # Llama-3.2-1B-Instruct-Q4_K_M.gguf
    file_size=807_694_464,
    n_layers=16,
    n_ctx_train=131072,
    n_embd=2048,
    n_head=32,
    n_head_kv=8,
    key_length=64,
    value_length=64,
)
LLAMA31_8B_Q4_K_M = ModelFacts(  # Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf
    file_size=4_920_734_016,
    n_layers=32,
    n_ctx_train=131072,
    n_embd=4096,
    n_head=32,
    n_head_kv=8,
)
LLAMA2_13B_Q4_K_M = ModelFacts(  # llama-2-13b.Q4_K_M.gguf
    file_size=7_865_956_224,
    n_layers=40,
    n_ctx_train=4096,
    n_embd=5120,
    n_head=40,
    n_head_kv=40,
)


def load_probe(name: str) -> Probe:
    data = json.loads((PROBES / f"{name}.json").read_text(encoding="utf-8"))
    assert data.get("_source"), f"{name}.json must say where it came from"
    return Probe.from_dict(data)


def all_probe_names() -> list[str]:
    return sorted(p.stem for p in PROBES.glob("*.json"))


def vulkan_env(**extra: str) -> dict[str, str]:
    """Environment for a child that imports the Vulkan build instead of the venv's."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(VULKAN_SITE), str(REPO)])
    env.update(extra)
    return env


PYTHON = sys.executable
