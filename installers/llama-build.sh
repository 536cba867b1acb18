#!/usr/bin/env bash
# Shared by the per-platform scripts: rebuild llama-cpp-python inside the
# Python environment Composer runs from, with the CMake flags given.
#   PYTHON=/path/to/python  (default: python3; use the venv Composer is installed in)
#   LLAMA_CPP_VERSION=0.3.36 (default: the version installed now, else 0.3.36)
set -euo pipefail

rebuild_llama() {
    local cmake_args="$1"
    local py="${PYTHON:-python3}"
    local version="${LLAMA_CPP_VERSION:-$("$py" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))' 2>/dev/null || echo 0.3.36)}"
    echo "Building llama-cpp-python $version with: $cmake_args"
    echo "(this compiles llama.cpp: 5 to 20 minutes)"
    # --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS and would hand back the old build.
    CMAKE_ARGS="$cmake_args" "$py" -m pip install --no-cache-dir --force-reinstall --no-deps \
        "llama-cpp-python==$version"
    "$py" -c 'import llama_cpp; print("GPU offload:", llama_cpp.llama_supports_gpu_offload())'
    echo "Done. Check with: composer --hardware-report"
}
