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
# Debian 13 (trixie): its Vulkan headers and its glslc (cooperative matrix, integer dot).
DEBIAN13_SUITE=trixie
TOOLCHAIN="$CACHE/glslc-$DEBIAN13_SUITE"
GLSLC="$TOOLCHAIN/glslc"
BUILD="$CACHE/llama-cpp-python-$VERSION"
STAMP_NAME=.composer-vulkan-build
WANT="llama-cpp-python==$VERSION GGML_VULKAN=on GGML_NATIVE=off vulkan-headers=$HEADERS_DEB_VERSION glslc=$DEBIAN13_SUITE"
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
#    llama.cpp ("'LayerSettingEXT' is not a member of 'vk'"), and Debian 12's
#    glslc (2023.2) knows no cooperative-matrix or integer-dot extensions, so
#    the build would have no matrix-core or int-dot shaders. Take both from
#    Debian 13: the headers of its libvulkan-dev, and its glslc with the
#    libraries it needs (libshaderc1, and libc6/libstdc++6 new enough for it),
#    unpacked with dpkg -x and run through Debian 13's own loader. Nothing is
#    installed. The Debian 13 source is this machine's own Debian mirror (the
#    one apt uses for this release) with the suite renamed, so no host is
#    written here and a machine with another mirror keeps working.
debian13_source() {
    local codename uri
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || { log "no VERSION_CODENAME in /etc/os-release"; return 1; }
    # indextargets lists the sources whose package lists apt has fetched.
    find_uri() {
        apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 'Created-By: Packages' 2>/dev/null \
            | awk -v c="$codename" '$1 == c { print $2; exit }'
    }
    uri=$(find_uri)
    [ -n "$uri" ] || { apt-get update -qq >&2 && uri=$(find_uri); }
    [ -n "$uri" ] || { log "apt has no source for the suite $codename"; return 1; }
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    if [ -f "$keyring" ]; then
        echo "deb [signed-by=$keyring] $uri $DEBIAN13_SUITE main"
    else
        echo "deb $uri $DEBIAN13_SUITE main"
    fi
}

if [ ! -f "$HEADERS/usr/include/vulkan/vulkan_core.h" ] || [ ! -x "$GLSLC" ]; then
    log "fetching Debian 13 Vulkan headers and glslc"
    tmp="$CACHE/apt"
    rm -rf "$tmp" && mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/debs"
    debian13_source >"$tmp/debian13.list"
    log "Debian 13 source: $(cat "$tmp/debian13.list")"
    o=(-o "Dir::Etc::SourceList=$tmp/debian13.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache")
    apt-get "${o[@]}" update -qq
    (cd "$tmp/debs" && apt-get "${o[@]}" download libvulkan-dev glslc libshaderc1 libc6 libstdc++6 libgcc-s1 \
        2>&1 | grep -v unsandboxed || true)
    rm -rf "$HEADERS" "$TOOLCHAIN" && mkdir -p "$HEADERS" "$TOOLCHAIN"
    dpkg -x "$tmp"/debs/libvulkan-dev_*.deb "$HEADERS"
    for deb in "$tmp"/debs/{glslc,libshaderc1,libc6,libstdc++6,libgcc-s1}_*.deb; do
        dpkg -x "$deb" "$TOOLCHAIN"
    done
    # glslc wants glibc >= 2.38: run it through Debian 13's loader and libraries.
    cat >"$GLSLC" <<WRAP
#!/bin/sh
exec "$TOOLCHAIN/usr/lib64/ld-linux-x86-64.so.2" --library-path "$TOOLCHAIN/usr/lib/x86_64-linux-gnu:$TOOLCHAIN/lib/x86_64-linux-gnu" "$TOOLCHAIN/usr/bin/glslc" "\$@"
WRAP
    chmod +x "$GLSLC"
    rm -rf "$tmp"
fi
"$GLSLC" --version | sed -n "1s/^/[vulkan.sh] glslc: /p"

# 4. Build. --no-cache-dir: pip's wheel cache is keyed by version only and
#    would hand back the CPU wheel built for the venv.
log "building llama-cpp-python $VERSION with Vulkan (5 to 15 minutes on 2 cores)"
rm -rf "$BUILD.new"
CMAKE_ARGS="-DGGML_VULKAN=on -DGGML_NATIVE=off -DVulkan_INCLUDE_DIR=$HEADERS/usr/include -DVulkan_GLSLC_EXECUTABLE=$GLSLC" \
CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$PY" -m pip install -q --no-cache-dir --no-deps --target "$BUILD.new" "llama-cpp-python==$VERSION"
[ -e "$BUILD.new/llama_cpp/lib/libggml-vulkan.so" ] || { log "built, but without the Vulkan backend"; exit 1; }
echo "$WANT" >"$BUILD.new/$STAMP_NAME"
rm -rf "$BUILD" && mv "$BUILD.new" "$BUILD"
link_build
