#!/usr/bin/env bash
# Creates .venv and installs Composer with a llama.cpp build that suits this machine.
#
#   installers/install.sh                 the app + bundled starter model
#   installers/install.sh --test          the app + test dependencies (editable)
#   installers/install.sh --backend B     B = auto (default) | cpu | native | vulkan | metal
#
# llama-cpp-python ships only as source on PyPI, so llama.cpp is compiled here
# (about 4 minutes on two cores). The wheel is kept in the user's cache folder
# (~/.cache/composer-private-mail/wheels/<version>-<backend>/) so a second run,
# or a fresh clone, reuses it; pip's own cache cannot be trusted for this because
# it ignores CMAKE_ARGS and would hand back a wheel built for another backend.
#
# Default backends: macOS on Apple silicon -> Metal; everything else -> a
# portable CPU build (AVX2/FMA/F16C on x86-64). "native" tunes for this exact
# CPU (fastest, but not every virtual machine runs all the instructions its CPU
# reports: AMX tile instructions crash inside some sandboxes). "vulkan" needs the
# Vulkan headers and glslc (see installers/linux/ and docs/HARDWARE.md).
set -euo pipefail

LLAMA_VERSION=0.3.36
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

extra=starter
editable=
backend=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --test) extra=test; editable=-e ;;
    --backend) backend=$2; shift ;;
    --backend=*) backend=${1#--backend=} ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

os=$(uname -s)
arch=$(uname -m)
if [ "$backend" = auto ]; then
  if [ "$os" = Darwin ] && [ "$arch" = arm64 ]; then backend=metal; else backend=cpu; fi
fi
case "$backend" in
  cpu)
    if [ "$arch" = x86_64 ] || [ "$arch" = amd64 ]; then
      cmake_args="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
    else
      cmake_args="-DGGML_NATIVE=ON"
    fi ;;
  native) cmake_args="-DGGML_NATIVE=ON" ;;
  metal) cmake_args="-DGGML_METAL=ON" ;;
  vulkan) cmake_args="-DGGML_VULKAN=ON -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON ${VULKAN_CMAKE_ARGS:-}" ;;
  *) echo "unknown backend: $backend (auto, cpu, native, vulkan, metal)" >&2; exit 2 ;;
esac

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip

wheels="${XDG_CACHE_HOME:-$HOME/.cache}/composer-private-mail/wheels/llama-cpp-python-$LLAMA_VERSION-$backend"
if ! ls "$wheels"/llama_cpp_python-*.whl >/dev/null 2>&1; then
  echo "Building llama.cpp ($backend) — a few minutes…"
  CMAKE_ARGS="$cmake_args" .venv/bin/python -m pip wheel -q --no-deps --no-cache-dir \
    -w "$wheels" "llama-cpp-python==$LLAMA_VERSION"
fi
.venv/bin/python -m pip install -q --force-reinstall --no-deps "$wheels"/llama_cpp_python-*.whl
.venv/bin/python -m pip install -q $editable ".[$extra]"
echo "Composer is installed in .venv (llama.cpp backend: $backend). Start it with .venv/bin/composer"
