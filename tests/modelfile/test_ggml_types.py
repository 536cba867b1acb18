"""The header reader's table of ggml types (composer.modelfile.ggml_types) against ggml itself."""

from __future__ import annotations

import ctypes
import subprocess
import sys

from composer.modelfile.ggml_types import BLOCK_SIZES


def _ggml():
    import llama_cpp

    lib = ctypes.CDLL(llama_cpp.llama_cpp._lib._name)  # libllama reaches the ggml it loaded
    lib.ggml_blck_size.argtypes = lib.ggml_type_size.argtypes = [ctypes.c_int]
    lib.ggml_blck_size.restype = ctypes.c_int64
    lib.ggml_type_size.restype = ctypes.c_size_t
    lib.ggml_type_name.argtypes = [ctypes.c_int]
    lib.ggml_type_name.restype = ctypes.c_char_p
    return lib


def test_every_type_is_sized_as_the_shipped_ggml_sizes_it():
    ggml = _ggml()
    for kind in range(max(BLOCK_SIZES) + 1):
        block = ggml.ggml_blck_size(kind)
        if kind in BLOCK_SIZES:
            name = ggml.ggml_type_name(kind)
            assert BLOCK_SIZES[kind] == (block, ggml.ggml_type_size(kind)), name
        else:
            assert block == 0, kind  # a type ggml removed


def test_reading_a_model_header_imports_no_numpy(starter_model_path):
    """numpy (with numpy.linalg) imported before llama.cpp starts its GPU backend crashed a
    Vulkan load on an NVIDIA GPU (issue 27): the header is read before the model is
    loaded, so reading it must leave numpy out of the process."""
    code = (
        "import sys\n"
        "from composer.modelfile.gguf import read_gguf\n"
        f"info = read_gguf({str(starter_model_path)!r})\n"
        "assert info.tensor_count > 0\n"
        "print(sorted(m for m in sys.modules if m == 'numpy' or m.startswith('gguf')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
