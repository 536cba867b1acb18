#!/usr/bin/env bash
# macOS on Apple silicon: Metal is what a normal install already gives you.
# Run this to repair an install made by an x86_64 (Rosetta) Python, which
# builds llama.cpp without Metal and runs several times slower.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/llama-build.sh"

py="${PYTHON:-python3}"
if [ "$("$py" -c 'import platform; print(platform.machine())')" != "arm64" ]; then
    echo "This Python runs as $("$py" -c 'import platform; print(platform.machine())') (Rosetta)." >&2
    echo "Install an arm64 Python (python.org universal2 or Homebrew in /opt/homebrew) and Composer into it." >&2
    exit 1
fi
xcode-select -p >/dev/null 2>&1 || { echo "Install the Xcode command line tools: xcode-select --install" >&2; exit 1; }
rebuild_llama "-DGGML_METAL=on"
