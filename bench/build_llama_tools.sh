#!/usr/bin/env bash
# Builds llama.cpp's own tools (llama-bench, llama-completion, llama-simple)
# from the llama.cpp that llama-cpp-python vendors, with the same portable CPU
# flags as installers/install.sh, and caches them. Prints the bin folder.
#
#   bench/build_llama_tools.sh            -> prints the folder holding the tools
#
# Cache: ${XDG_CACHE_HOME:-~/.cache}/composer-private-mail/llama-tools/<version>-cpu/
# A second run only prints the folder. The binaries are linked statically
# (no libllama.so beside them), so the folder can be carried to another
# x86-64 Linux machine as is (the lent device machine, for one).
#
# llama-bench: llama.cpp's physical limit (no sampling).
# llama-completion: llama.cpp's own generation loop with the common sampler
#   chain (the fair ceiling for an app that samples); prints its timings.
# llama-simple: the smallest greedy loop.
set -euo pipefail

VERSION="${LLAMA_CPP_VERSION:-0.3.36}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/composer-private-mail/llama-tools/$VERSION-cpu"
BIN="$CACHE/bin"
TOOLS=(llama-bench llama-completion llama-simple)
PY="${PYTHON:-python3}"
# Same as installers/install.sh's "cpu" backend on x86-64.
FLAGS=(-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON)
case "$(uname -m)" in x86_64 | amd64) ;; *) FLAGS=(-DGGML_NATIVE=ON) ;; esac

log() { echo "[build_llama_tools] $*" >&2; }

ready() {
    for t in "${TOOLS[@]}"; do [ -x "$BIN/$t" ] || return 1; done
}

if ready; then
    echo "$BIN"
    exit 0
fi

mkdir -p "$CACHE"
src="$CACHE/src"
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
log "building ${TOOLS[*]} (about 6 minutes on 2 cores)"
cmake -S "$src/vendor/llama.cpp" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "${FLAGS[@]}" -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_SERVER=OFF \
    -DLLAMA_BUILD_APP=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF >&2
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${TOOLS[@]}" >&2
mkdir -p "$BIN"
for t in "${TOOLS[@]}"; do cp "$build/bin/$t" "$BIN/$t.new" && mv "$BIN/$t.new" "$BIN/$t"; done
printf 'llama-cpp-python==%s %s\n' "$VERSION" "${FLAGS[*]}" >"$BIN/BUILD"
ready || { log "build finished without all tools"; exit 1; }
echo "$BIN"
