#!/usr/bin/env bash
# Builds llama-cpp-python with the Vulkan backend for the tests that run the
# real model on a Vulkan device (Mesa's lavapipe here), and links it at
# .vulkan/site (ignored by git).
#
# Idempotent and quick when already built: the build lives in a machine-wide
# cache (COMPOSER_VULKAN_CACHE, default /var/cache/composer-vulkan), so a
# fresh clone on a reused machine only links it (CI clones anew every run).
# Runs as root on Debian 12 (CI and developer machines), fresh or reused.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=python3

# Same llama.cpp as the CPU build in the venv, so both behave alike.
VERSION="${LLAMA_CPP_VERSION:-$("$PY" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))' 2>/dev/null || echo 0.3.36)}"
HEADERS_DEB_VERSION=1.4.309
CACHE="${COMPOSER_VULKAN_CACHE:-/var/cache/composer-vulkan}"
mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ] || CACHE="$ROOT/.vulkan/cache"
mkdir -p "$CACHE"
HEADERS="$CACHE/headers-$HEADERS_DEB_VERSION"
BUILD="$CACHE/llama-cpp-python-$VERSION"
STAMP_NAME=.composer-vulkan-build
WANT="llama-cpp-python==$VERSION GGML_VULKAN=on GGML_NATIVE=off vulkan-headers=$HEADERS_DEB_VERSION"
LINK="$ROOT/.vulkan/site"

log() { echo "[vulkan.sh] $*"; }

usable() {  # a finished build of the wanted kind, importable
    [ -f "$1/$STAMP_NAME" ] && [ "$(cat "$1/$STAMP_NAME")" = "$WANT" ] \
        && [ -e "$1/llama_cpp/lib/libggml-vulkan.so" ] \
        && PYTHONPATH="$1" "$PY" -c 'import llama_cpp' >/dev/null 2>&1
}

link_build() {
    mkdir -p "$ROOT/.vulkan"
    rm -rf "$LINK"
    ln -s "$BUILD" "$LINK"
    # lavapipe is a CPU-type device, which llama.cpp uses only when named.
    GGML_VK_VISIBLE_DEVICES=0 PYTHONPATH="$LINK" "$PY" -c \
        'import llama_cpp, sys; sys.exit(0 if llama_cpp.llama_supports_gpu_offload() else 1)' >/dev/null 2>&1 \
        || log "warning: the build works but sees no Vulkan device (is mesa-vulkan-drivers installed?)"
    log "Vulkan build ready: $LINK -> $BUILD"
}

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

# 2. Already built on this machine?
if usable "$BUILD"; then
    link_build
    exit 0
fi

# 3. Debian 12's Vulkan headers (1.3.239) are too old for the vendored
#    llama.cpp ("'LayerSettingEXT' is not a member of 'vk'"); Debian 13's
#    libvulkan-dev headers work. Unpack them, install nothing.
if [ ! -f "$HEADERS/usr/include/vulkan/vulkan_core.h" ]; then
    log "fetching Debian 13 Vulkan headers"
    tmp="$CACHE/apt"
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
log "building llama-cpp-python $VERSION with Vulkan (5 to 15 minutes on 2 cores)"
rm -rf "$BUILD.new"
CMAKE_ARGS="-DGGML_VULKAN=on -DGGML_NATIVE=off -DVulkan_INCLUDE_DIR=$HEADERS/usr/include" \
CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$PY" -m pip install -q --no-cache-dir --no-deps --target "$BUILD.new" "llama-cpp-python==$VERSION"
[ -e "$BUILD.new/llama_cpp/lib/libggml-vulkan.so" ] || { log "built, but without the Vulkan backend"; exit 1; }
echo "$WANT" >"$BUILD.new/$STAMP_NAME"
rm -rf "$BUILD" && mv "$BUILD.new" "$BUILD"
link_build
