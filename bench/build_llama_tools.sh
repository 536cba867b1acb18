#!/usr/bin/env bash
# Builds llama.cpp's own tools (llama-bench, llama-completion, llama-simple)
# from the llama.cpp that llama-cpp-python vendors, with the same portable CPU
# flags as installers/install.sh, and caches them. Prints the bin folder.
#
#   bench/build_llama_tools.sh            -> prints the folder holding the tools
#   bench/build_llama_tools.sh vulkan     -> the same tools with the Vulkan backend
#
# Cache: ${XDG_CACHE_HOME:-~/.cache}/composer-private-mail/llama-tools/<version>-<variant>/
# (variant "cpu", the default, or "vulkan"). A second run only prints the
# folder. The binaries are linked statically (no libllama.so beside them), so
# the folder can be carried to another x86-64 Linux machine as is (the lent
# device machine, for one); the Vulkan ones need only the system's
# libvulkan.so.1 (and a Vulkan driver) there.
#
# The Vulkan variant reuses the CPU variant's unpacked source when present, and
# builds with the newer Vulkan headers and glslc that .ci/vulkan.sh prepares
# in its cache (it runs .ci/vulkan.sh first when they are missing; that also
# builds .ci/vulkan.sh's own Vulkan llama-cpp-python if it has none yet). Its
# shaders make it slow to build: 10 to 20 minutes on 2 cores.
#
# llama-bench: llama.cpp's physical limit (no sampling).
# llama-completion: llama.cpp's own generation loop with the common sampler
#   chain (the fair ceiling for an app that samples); prints its timings.
# llama-simple: the smallest greedy loop.
set -euo pipefail

VARIANT="${1:-cpu}"
case "$VARIANT" in
cpu | vulkan) ;;
*) echo "usage: $0 [cpu|vulkan]" >&2; exit 2 ;;
esac
VERSION="${LLAMA_CPP_VERSION:-0.3.36}"
TOOLS_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/composer-private-mail/llama-tools"
CACHE="$TOOLS_CACHE/$VERSION-$VARIANT"
BIN="$CACHE/bin"
TOOLS=(llama-bench llama-completion llama-simple)
PY="${PYTHON:-python3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Same as installers/install.sh's "cpu" backend on x86-64.
FLAGS=(-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON)
case "$(uname -m)" in x86_64 | amd64) ;; *) FLAGS=(-DGGML_NATIVE=ON) ;; esac

log() { echo "[build_llama_tools] $*" >&2; }

# The Debian 13 Vulkan headers and glslc wrapper from .ci/vulkan.sh's cache.
# Their versions and the cache's place are read from .ci/vulkan.sh itself
# (COMPOSER_VULKAN_CACHE, default /var/cache/composer-vulkan, or the
# checkout's .vulkan/cache where that is not writable), so the two stay alike.
# Sets VK_HEADERS and VK_GLSLC; fails if they are not there.
find_vulkan_toolchain() {
    local script="$ROOT/.ci/vulkan.sh" headers_version suite cache
    headers_version=$(sed -n 's/^HEADERS_DEB_VERSION=//p' "$script")
    suite=$(sed -n 's/^DEBIAN13_SUITE=//p' "$script")
    [ -n "$headers_version" ] && [ -n "$suite" ] || { log "cannot read the Vulkan versions from $script"; return 1; }
    for cache in "${COMPOSER_VULKAN_CACHE:-/var/cache/composer-vulkan}" "$ROOT/.vulkan/cache"; do
        VK_HEADERS="$cache/headers-$headers_version/usr/include"
        VK_GLSLC="$cache/glslc-$suite/glslc"
        [ -f "$VK_HEADERS/vulkan/vulkan_core.h" ] && [ -x "$VK_GLSLC" ] && return 0
    done
    return 1
}

ready() {
    for t in "${TOOLS[@]}"; do [ -x "$BIN/$t" ] || return 1; done
}

if ready; then
    echo "$BIN"
    exit 0
fi

if [ "$VARIANT" = vulkan ]; then
    if ! find_vulkan_toolchain; then
        log "no Vulkan headers/glslc from .ci/vulkan.sh yet: running it"
        "$ROOT/.ci/vulkan.sh" >&2
        find_vulkan_toolchain || { log ".ci/vulkan.sh left no Vulkan headers/glslc"; exit 1; }
    fi
    log "Vulkan headers: $VK_HEADERS, glslc: $VK_GLSLC"
    case "$(uname -m)" in x86_64 | amd64) ;; *) FLAGS=(-DGGML_NATIVE=OFF) ;; esac
    FLAGS=(-DGGML_VULKAN=ON "${FLAGS[@]}" "-DVulkan_INCLUDE_DIR=$VK_HEADERS" "-DVulkan_GLSLC_EXECUTABLE=$VK_GLSLC")
fi

mkdir -p "$CACHE"
src="$CACHE/src"
# Any variant's unpacked source will do (it is the same sdist).
cpu_src="$TOOLS_CACHE/$VERSION-cpu/src"
if [ "$VARIANT" != cpu ] && [ ! -f "$src/vendor/llama.cpp/CMakeLists.txt" ] \
    && [ -f "$cpu_src/vendor/llama.cpp/CMakeLists.txt" ]; then
    log "using the CPU variant's source: $cpu_src"
    src="$cpu_src"
fi
if [ ! -f "$src/vendor/llama.cpp/CMakeLists.txt" ]; then
    sdist=$(ls "$CACHE"/llama_cpp_python-"$VERSION".tar.gz 2>/dev/null || true)
    if [ -z "$sdist" ]; then
        log "fetching the llama-cpp-python $VERSION source distribution"
        "$PY" -m pip download -q --no-binary :all: --no-deps -d "$CACHE" "llama-cpp-python==$VERSION" >&2
        sdist="$CACHE/llama_cpp_python-$VERSION.tar.gz"
    fi
    rm -rf "$src" "$CACHE/unpack" && mkdir -p "$CACHE/unpack"
    tar xzf "$sdist" -C "$CACHE/unpack"
    mv "$CACHE/unpack/llama_cpp_python-$VERSION" "$src"
    rm -rf "$CACHE/unpack"
fi

build="$CACHE/build"
if [ "$VARIANT" = cpu ]; then
    log "building ${TOOLS[*]} (about 6 minutes on 2 cores)"
else
    log "building ${TOOLS[*]} with $VARIANT (10 to 20 minutes on 2 cores)"
fi
cmake -S "$src/vendor/llama.cpp" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "${FLAGS[@]}" -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_SERVER=OFF \
    -DLLAMA_BUILD_APP=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF >&2
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${TOOLS[@]}" >&2
mkdir -p "$BIN"
for t in "${TOOLS[@]}"; do cp "$build/bin/$t" "$BIN/$t.new" && mv "$BIN/$t.new" "$BIN/$t"; done
printf 'llama-cpp-python==%s %s\n' "$VERSION" "${FLAGS[*]}" >"$BIN/BUILD"
ready || { log "build finished without all tools"; exit 1; }
echo "$BIN"
