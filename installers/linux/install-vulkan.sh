#!/usr/bin/env bash
# Linux: rebuild llama.cpp with Vulkan (NVIDIA, AMD and Intel GPUs, discrete or integrated).
# Needs the Vulkan loader + headers, glslc, SPIRV-Headers, a C++ compiler and CMake.
# Pass --install-packages to install them with the system package manager (sudo).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/llama-build.sh"

if [ "${1:-}" = "--install-packages" ]; then
    if command -v apt-get >/dev/null; then      # Debian, Ubuntu
        sudo apt-get install -y libvulkan-dev glslc spirv-headers mesa-vulkan-drivers cmake build-essential
    elif command -v dnf >/dev/null; then        # Fedora
        sudo dnf install -y vulkan-loader-devel vulkan-headers glslc spirv-headers-devel mesa-vulkan-drivers cmake gcc-c++
    elif command -v pacman >/dev/null; then     # Arch
        sudo pacman -S --needed vulkan-icd-loader vulkan-headers shaderc spirv-headers cmake base-devel
    else
        echo "Unknown package manager: install the Vulkan headers, glslc and SPIRV-Headers yourself." >&2
        exit 1
    fi
fi

command -v glslc >/dev/null || { echo "glslc is missing (package glslc or shaderc)." >&2; exit 1; }
extra=""
# Debian 12 / Ubuntu 22.04 ship Vulkan headers too old for current llama.cpp
# ("'LayerSettingEXT' is not a member of 'vk'"). Point VULKAN_HEADERS at a
# newer include folder (e.g. unpacked from Debian 13's libvulkan-dev, as
# .ci/vulkan.sh does) to build there.
if [ -n "${VULKAN_HEADERS:-}" ]; then
    extra="-DVulkan_INCLUDE_DIR=$VULKAN_HEADERS"
fi
rebuild_llama "-DGGML_VULKAN=on -DGGML_NATIVE=off $extra"
