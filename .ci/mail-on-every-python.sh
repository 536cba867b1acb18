#!/usr/bin/env bash
# The mail tests (no model; Qt only because the suite's pytest-qt settings
# load it) on every Python the project supports: the header guard must not
# depend on a Python's patch level (CVE-2024-6923 is fixed in some of them
# and not in others). One small virtual environment per Python, beside .venv.
# Usage: .ci/mail-on-every-python.sh [VERSION ...]  (default: 3.10 3.11 3.12 3.13,
# the newest of each under pyenv's root, else python3.X on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.10 3.11 3.12 3.13)
root=${PYENV_ROOT:-$HOME/.pyenv}
pythons=()
for v in "${versions[@]}"; do
    found=$(ls -d "$root"/versions/"$v".*/bin/python"$v" 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$found" ] || found=$(command -v python"$v" || true)
    [ -n "$found" ] || { echo "Python $v not found (pyenv root $root, PATH)" >&2; exit 1; }
    pythons+=("$found")
done
for python in "${pythons[@]}"; do
    version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    venv=".venv-mail-$version"
    [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        "PySide6-Essentials>=6.7,<6.12" "pytest>=8" "pytest-qt>=4.4" "aiosmtpd>=1.4" \
        "trustme>=1.1" "keyring>=24" "platformdirs>=4" "httpx>=0.27" "psutil>=5.9"
    echo "== tests/mail on Python $("$venv/bin/python" -c 'import platform; print(platform.python_version())')"
    PYTHONPATH="$PWD" "$venv/bin/python" -m pytest -p no:cacheprovider -q -m "not slow" tests/mail
done
