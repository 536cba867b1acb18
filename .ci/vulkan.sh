#!/usr/bin/env bash
# Builds llama-cpp-python with the Vulkan backend into .vulkan/site (ignored by
# git) so tests can run the real model on a Vulkan device (Mesa's lavapipe here).
# Idempotent: a finished build is recognised by its stamp and reused in seconds.
# Runs as root on Debian 12 (CI and developer machines), fresh or reused.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
VK="$ROOT/.vulkan"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=python3

# Same llama.cpp as the CPU build in the venv, so both behave alike.
VERSION="${LLAMA_CPP_VERSION:-$("$PY" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))' 2>/dev/null || echo 0.3.36)}"
HEADERS="$VK/headers"
CMAKE_ARGS_VK="-DGGML_VULKAN=on -DGGML_NATIVE=off -DVulkan_INCLUDE_DIR=$HEADERS/usr/include"
STAMP="$VK/site/.composer-vulkan-build"
WANT="llama-cpp-python==$VERSION $CMAKE_ARGS_VK"

log() { echo "[vulkan.sh] $*"; }

# 1. System packages: the Vulkan loader, Mesa's drivers (lavapipe), glslc and
#    SPIRV-Headers (ggml-vulkan finds them with find_package).
need=()
for pkg in libvulkan1 libvulkan-dev glslc spirv-headers mesa-vulkan-drivers vulkan-tools cmake build-essential; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Already built? The stamp names version and flags; the import must work.
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] \
    && [ -e "$VK/site/llama_cpp/lib/libggml-vulkan.so" ] \
    && PYTHONPATH="$VK/site" "$PY" -c 'import llama_cpp' >/dev/null 2>&1; then
    log "Vulkan build present: $VK/site (llama-cpp-python $VERSION)"
    exit 0
fi

# 3. Debian 12's Vulkan headers (1.3.239) are too old for the vendored
#    llama.cpp ("'LayerSettingEXT' is not a member of 'vk'"); Debian 13's
#    libvulkan-dev headers work. Unpack them, install nothing.
if ! grep -qs 'VK_HEADER_VERSION 3' "$HEADERS/usr/include/vulkan/vulkan_core.h"; then
    log "fetching Debian 13 Vulkan headers"
    tmp="$VK/apt"
    rm -rf "$tmp" && mkdir -p "$tmp/lists/partial" "$tmp/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$tmp/trixie.list"
    o=(-o "Dir::Etc::SourceList=$tmp/trixie.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$tmp/lists")
    apt-get "${o[@]}" update -qq
    (cd "$tmp/debs" && apt-get "${o[@]}" download libvulkan-dev 2>&1 | grep -v unsandboxed || true)
    rm -rf "$HEADERS" && mkdir -p "$HEADERS"
    dpkg -x "$tmp"/debs/libvulkan-dev_*.deb "$HEADERS"
    rm -rf "$tmp"
fi

# 4. Build. --no-cache-dir: pip's wheel cache is keyed by version only and
#    would hand back the CPU wheel built for the venv.
log "building llama-cpp-python $VERSION with Vulkan (about 5 minutes on 2 cores)"
rm -rf "$VK/site.new"
CMAKE_ARGS="$CMAKE_ARGS_VK" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$PY" -m pip install -q --no-cache-dir --no-deps --target "$VK/site.new" "llama-cpp-python==$VERSION"
echo "$WANT" >"$VK/site.new/.composer-vulkan-build"
rm -rf "$VK/site" && mv "$VK/site.new" "$VK/site"
[ -e "$VK/site/llama_cpp/lib/libggml-vulkan.so" ] || { log "built, but without the Vulkan backend"; exit 1; }
# lavapipe is a CPU-type device, which llama.cpp uses only when named.
GGML_VK_VISIBLE_DEVICES=0 PYTHONPATH="$VK/site" "$PY" -c \
    'import llama_cpp, sys; sys.exit(0 if llama_cpp.llama_supports_gpu_offload() else 1)' >/dev/null 2>&1 \
    || log "warning: the build works but sees no Vulkan device (is mesa-vulkan-drivers installed?)"
log "done: $VK/site"
