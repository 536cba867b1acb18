"""Reading llama.cpp's load log: lines recorded from real runs (lavapipe here, the lent H100)."""

from __future__ import annotations

from composer.engine.llama_log import load_error
from composer.hardware.offload import layer_devices, offloaded_layers

# This machine, Vulkan build, GGML_VK_FORCE_MAX_BUFFER_SIZE=65536 (tests/hardware/test_hw_vulkan.py).
LAVAPIPE_FAILED_LOAD = """\
load_tensors: layer   0 assigned to device Vulkan0, is_swa = 1
load_tensors: layer  18 assigned to device Vulkan0, is_swa = 0
alloc_tensor_range: failed to allocate Vulkan0 buffer of size 223744
llama_model_load: error loading model: unable to allocate Vulkan0 buffer
llama_model_load_from_file_impl: failed to load model
"""

# The lent H100, a 163,840-token context (about 86 GB of KV cache) on the 80 GB card.
H100_KV_TOO_BIG = """\
load_tensors: offloaded 33/33 layers to GPU
alloc_tensor_range: failed to allocate Vulkan0 buffer of size 1342177280
llama_init_from_model: failed to initialize the context: failed to allocate buffer for kv cache
"""

# This machine, the same model with every layer on lavapipe.
LAVAPIPE_OK = """\
load_tensors: layer   0 assigned to device Vulkan0, is_swa = 1
load_tensors: layer  18 assigned to device Vulkan0, is_swa = 0
load_tensors: offloading output layer to GPU
load_tensors: offloading 17 repeating layers to GPU
load_tensors: offloaded 19/19 layers to GPU
"""


def test_load_error_names_the_cause() -> None:
    assert load_error(LAVAPIPE_FAILED_LOAD) == "unable to allocate Vulkan0 buffer"
    assert load_error(H100_KV_TOO_BIG) == "failed to allocate buffer for kv cache"
    assert load_error("alloc_tensor_range: failed to allocate Vulkan0 buffer of size 5\n") == (
        "failed to allocate Vulkan0 buffer"
    )
    assert load_error(LAVAPIPE_OK) is None


def test_offloaded_layers_and_devices() -> None:
    assert offloaded_layers(LAVAPIPE_OK) == (19, 19)
    assert offloaded_layers(LAVAPIPE_FAILED_LOAD) is None
    assert layer_devices(LAVAPIPE_OK) == {"Vulkan0"}
