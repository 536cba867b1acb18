#!/usr/bin/env bash
# Linux and macOS: a CPU-only llama.cpp that runs on any x86-64 with AVX2 (or any arm64).
# Useful when a GPU driver misbehaves, and for machines whose CPU reports
# features the OS does not enable (an AMX-capable Xeon in a VM died with
# "Illegal instruction" under the default -march=native build).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/llama-build.sh"
rebuild_llama "-DGGML_NATIVE=off -DGGML_VULKAN=off -DGGML_METAL=off"
