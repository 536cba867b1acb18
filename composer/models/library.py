"""Which models are on this computer: ours, imported ones, and other apps'.

A 2–5 GB download is best avoided altogether, so besides Composer's own
models folder we look (read-only) where the Hugging Face cache, LM Studio,
GPT4All and Ollama keep GGUF files, and offer those in place. Nothing is
copied: an imported or found model is used from where it lies, and removing
it from Composer never deletes another app's file.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.fileio import NotRegularFileError, open_regular, read_json_regular, write_json_atomic
from composer.messages import UserFacingError, UserMessage, user_message
from composer.paths import AppPaths, app_paths

log = logging.getLogger(__name__)

SOURCE_LABELS = {
    "composer": "Composer",
    "imported": "Imported",
    "hf-cache": "Hugging Face cache",
    "lm-studio": "LM Studio",
    "gpt4all": "GPT4All",
    "ollama": "Ollama",
}
_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)
_OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model"
_OLLAMA_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


class LibraryError(UserFacingError):
    """A library action cannot be done; its message is a sentence for the user."""


@dataclass(frozen=True)
class InstalledModel:
    path: Path
    name: str
    size: int
    source: str  # one of SOURCE_LABELS
    sha256: str | None = None  # when known without hashing (origin record, blob name)
    repo_id: str | None = None

    @property
    def owned(self) -> bool:
        """True when the file lives in Composer's own folder (removing deletes it)."""
        return self.source == "composer"

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)


@dataclass
class ExternalFolders:
    """Where other apps keep models; each list may name folders that do not exist."""

    hf_cache: list[Path] = field(default_factory=list)
    lm_studio: list[Path] = field(default_factory=list)
    gpt4all: list[Path] = field(default_factory=list)
    ollama: list[Path] = field(default_factory=list)

    @classmethod
    def none(cls) -> ExternalFolders:
        return cls()

    @classmethod
    def discover(
        cls, env: dict[str, str] | None = None, home: Path | None = None
    ) -> ExternalFolders:
        env = dict(os.environ if env is None else env)
        home = home or Path.home()
        return cls(
            hf_cache=[_hf_cache_dir(env, home)],
            lm_studio=[home / ".lmstudio" / "models", home / ".cache" / "lm-studio" / "models"],
            gpt4all=[_gpt4all_dir(env, home)],
            ollama=[Path(env["OLLAMA_MODELS"])]
            if env.get("OLLAMA_MODELS")
            else [
                home / ".ollama" / "models",
                Path("/usr/share/ollama/.ollama/models"),
            ],
        )


def _hf_cache_dir(env: dict[str, str], home: Path) -> Path:
    # The same precedence huggingface_hub applies, read now rather than at import.
    if env.get("HF_HUB_CACHE"):
        return Path(env["HF_HUB_CACHE"])
    if env.get("HF_HOME"):
        return Path(env["HF_HOME"]) / "hub"
    cache = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else home / ".cache"
    return cache / "huggingface" / "hub"


def _gpt4all_dir(env: dict[str, str], home: Path) -> Path:
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else home / ".local" / "share"
    return base / "nomic.ai" / "GPT4All"


def is_gguf(path: Path) -> bool:
    """True for a regular file that starts like a GGUF; a FIFO or device is never opened."""
    try:
        fd = open_regular(path)
    except (OSError, ValueError):
        return False
    try:
        return os.read(fd, 4) == b"GGUF"
    except OSError:
        return False
    finally:
        os.close(fd)


def _usable_gguf_files(folder: Path, max_depth: int) -> Iterator[tuple[Path, int]]:
    """(first file, total size) of each model below *folder*; split models once."""
    if not folder.is_dir():
        return
    for path in sorted(_walk(folder, max_depth)):
        name = path.name.lower()
        if not name.endswith(".gguf") or name.startswith("mmproj") or "-mmproj" in name:
            continue  # vision projectors are not chat models
        split = _SPLIT.search(path.name)
        if split and split[1] != "00001":
            continue
        try:
            size = path.stat().st_size
            if split:
                stem = path.name[: split.start()]
                size = sum(
                    p.stat().st_size for p in path.parent.glob(f"{stem}-*-of-{split[2]}.gguf")
                )
        except OSError:
            continue
        if is_gguf(path):
            yield path, size


def _walk(folder: Path, max_depth: int) -> Iterator[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if max_depth > 0 and not entry.name.startswith("."):
                    yield from _walk(Path(entry.path), max_depth - 1)
            elif entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue


class ModelLibrary:
    def __init__(
        self, paths: AppPaths | None = None, external: ExternalFolders | None = None
    ) -> None:
        self.paths = paths or app_paths()
        self.external = ExternalFolders.discover() if external is None else external

    @property
    def folder(self) -> Path:
        return self.paths.models

    @property
    def _imports_file(self) -> Path:
        return self.paths.data / "imported-models.json"

    # ---- listing

    def installed(self) -> list[InstalledModel]:
        """Every usable model, Composer's own first; the same file is listed once."""
        seen: set[Path] = set()
        found: list[InstalledModel] = []
        sources = (
            self._own,
            self._imported,
            self._hf_cache,
            self._lm_studio,
            self._gpt4all,
            self._ollama,
        )
        for source in sources:
            try:
                models = list(source())
            except OSError as exc:
                # Another user's folder, a drive that went away: skip that
                # source, never the whole list.
                log.info("Skipping %s while listing models: %s", source.__name__, exc)
                continue
            for model in models:
                key = _real(model.path)
                if key not in seen:
                    seen.add(key)
                    found.append(model)
        return found

    def find(self, key: str) -> InstalledModel | None:
        """By name, file name or path; LibraryError when the name is ambiguous."""
        models = self.installed()
        as_path = _real(Path(key).expanduser())
        for model in models:
            if _real(model.path) == as_path:
                return model
        matches = [m for m in models if key in (m.name, m.path.name)]
        if len(matches) > 1:
            listed = ", ".join(str(m.path) for m in matches)
            raise LibraryError(
                user_message("Models", "“%1” names several models (%2); give the full path.").arg(
                    key, listed
                )
            )
        return matches[0] if matches else None

    def find_same(self, sha256: str, basename: str, size: int) -> InstalledModel | None:
        """A copy of that exact file already here (by hash, else by name and size)."""
        models = self.installed()
        by_hash = next((m for m in models if m.sha256 == sha256), None)
        if by_hash is not None:
            return by_hash
        return next(
            (m for m in models if m.path.name == basename and m.size == size and m.sha256 is None),
            None,
        )

    def _own(self) -> Iterator[InstalledModel]:
        for path, size in _usable_gguf_files(self.folder, max_depth=0):
            origin = _read_json(origin_path(path))
            yield InstalledModel(
                path=path,
                name=path.stem,
                size=size,
                source="composer",
                sha256=origin.get("sha256"),
                repo_id=origin.get("repo_id"),
            )

    def _imported(self) -> Iterator[InstalledModel]:
        for entry in self._read_imports():
            path = Path(entry["path"])
            try:
                info = path.stat()
            except (OSError, ValueError):
                continue  # the file moved or its drive is not mounted: skip, keep the record
            if not stat.S_ISREG(info.st_mode):
                continue  # replaced by a FIFO or device since: never offer it
            size = info.st_size
            yield InstalledModel(
                path=path, name=entry.get("name") or path.stem, size=size, source="imported"
            )

    def _hf_cache(self) -> Iterator[InstalledModel]:
        for cache in self.external.hf_cache:
            if not cache.is_dir():
                continue
            for repo_dir in sorted(cache.glob("models--*")):
                repo_id = repo_dir.name[len("models--") :].replace("--", "/", 1)
                snapshots = repo_dir / "snapshots"
                for path, size in _usable_gguf_files(snapshots, max_depth=4):
                    blob = _real(path)
                    # LFS blobs are named by their sha256: identity without hashing.
                    sha = blob.name if re.fullmatch(r"[0-9a-f]{64}", blob.name) else None
                    yield InstalledModel(
                        path=path,
                        name=f"{repo_id}/{path.name}",
                        size=size,
                        source="hf-cache",
                        sha256=sha,
                        repo_id=repo_id,
                    )

    def _lm_studio(self) -> Iterator[InstalledModel]:
        for folder in self.external.lm_studio:
            for path, size in _usable_gguf_files(folder, max_depth=3):
                parts = path.relative_to(folder).parts
                repo_id = "/".join(parts[:2]) if len(parts) >= 3 else None
                yield InstalledModel(
                    path=path, name=path.stem, size=size, source="lm-studio", repo_id=repo_id
                )

    def _gpt4all(self) -> Iterator[InstalledModel]:
        for folder in self.external.gpt4all:
            for path, size in _usable_gguf_files(folder, max_depth=0):
                yield InstalledModel(path=path, name=path.stem, size=size, source="gpt4all")

    def _ollama(self) -> Iterator[InstalledModel]:
        for root in self.external.ollama:
            manifests = root / "manifests"
            if not manifests.is_dir():
                continue
            for manifest in sorted(p for p in manifests.rglob("*") if p.is_file()):
                model = _ollama_model(root, manifest)
                if model is not None:
                    yield model

    # ---- changes

    def import_file(self, path: str | Path) -> InstalledModel:
        """Offer a GGUF file from anywhere, in place, after checking its header."""
        from composer.modelfile.gguf import read_gguf

        path = checked_model_path(path)
        info = read_gguf(path)  # GGUFError: a sentence saying what is wrong
        existing = next((m for m in self.installed() if _real(m.path) == path), None)
        if existing is not None:
            return existing
        entries = self._read_imports()
        entries.append({"path": str(path), "name": path.stem, "title": info.name})
        self._write_imports(entries)
        return InstalledModel(path=path, name=path.stem, size=info.file_size, source="imported")

    def remove(self, model: InstalledModel) -> UserMessage:
        """Delete our own file or forget an imported one; returns what was done."""
        if model.source == "composer":
            try:
                model.path.unlink(missing_ok=True)
            except OSError as exc:  # e.g. Windows: the engine still has it open
                raise LibraryError(
                    user_message(
                        "Models",
                        "%1 could not be deleted (%2). If it is the model in use, "
                        "choose another model first.",
                    ).arg(model.path, exc.strerror or exc)
                ) from None
            for path in (
                origin_path(model.path),
                model.path.with_name(model.path.name + ".verified"),
            ):
                path.unlink(missing_ok=True)
            return user_message("Models", "Deleted %1.").arg(model.path)
        if model.source == "imported":
            entries = [
                e for e in self._read_imports() if _real(Path(e["path"])) != _real(model.path)
            ]
            self._write_imports(entries)
            return user_message(
                "Models", "Composer no longer lists %1; the file itself was left in place."
            ).arg(model.path)
        raise LibraryError(
            user_message(
                "Models",
                "%1 belongs to %2; Composer only uses it and will not delete it. "
                "Remove it in %2 if you no longer need it.",
            ).arg(model.path, model.source_label)
        )

    def destination(self, basename: str, commit: str) -> Path:
        """Where a download of *basename* goes; another version gets its own name."""
        plain = self.folder / basename
        origin = _read_json(origin_path(plain))
        if not plain.exists() or origin.get("commit") in (None, commit):
            return plain
        stem = basename[: -len(".gguf")] if basename.lower().endswith(".gguf") else basename
        return self.folder / f"{stem}-{commit[:8]}.gguf"

    def record_origin(self, path: Path, origin: dict[str, object]) -> None:
        write_json_atomic(origin_path(path), origin)

    def _read_imports(self) -> list[dict[str, str]]:
        data = _read_json(self._imports_file)
        entries = data.get("models", [])
        return [e for e in entries if isinstance(e, dict) and isinstance(e.get("path"), str)]

    def _write_imports(self, entries: list[dict[str, str]]) -> None:
        write_json_atomic(self._imports_file, {"version": 1, "models": entries})


def origin_path(model: Path) -> Path:
    return model.with_name(model.name + ".origin.json")


def _ollama_model(root: Path, manifest: Path) -> InstalledModel | None:
    data = _read_json(manifest)
    layer = next(
        (
            layer
            for layer in data.get("layers", [])
            if isinstance(layer, dict) and layer.get("mediaType") == _OLLAMA_MODEL_LAYER
        ),
        None,
    )
    digest = str(layer.get("digest", "")) if layer else ""
    if not _OLLAMA_DIGEST.fullmatch(digest):
        return None  # also keeps a crafted digest from naming a path outside blobs/
    blob = root / "blobs" / digest.replace(":", "-")
    if not is_gguf(blob):
        return None
    # manifests/<registry>/<namespace>/<model>/<tag>; "library" is the default namespace.
    parts = manifest.relative_to(root / "manifests").parts
    model, tag = (parts[-2], parts[-1]) if len(parts) >= 2 else (manifest.name, "latest")
    namespace = parts[-3] if len(parts) >= 3 else "library"
    name = f"{model}:{tag}" if namespace == "library" else f"{namespace}/{model}:{tag}"
    try:
        size = blob.stat().st_size
    except (OSError, ValueError):
        return None
    return InstalledModel(
        path=blob, name=f"ollama {name}", size=size, source="ollama", sha256=digest.split(":", 1)[1]
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = read_json_regular(path)  # a FIFO or device is refused, never waited on
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.absolute()


def _shown(path: str | Path) -> str:
    """A path as text that is safe to print (control characters escaped)."""
    text = str(path)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return text.encode("unicode_escape").decode("ascii")
    return text


def _link_loop(path: Path) -> UserMessage:
    return user_message(
        "Models",
        "%1 is a symbolic link that leads back to itself (a loop), so there is no file to open.",
    ).arg(_shown(path))


def _cannot_open(path: Path, exc: OSError) -> UserMessage:
    return user_message("Models", "%1 cannot be opened: %2.").arg(_shown(path), exc.strerror or exc)


def checked_model_path(raw: str | Path) -> Path:
    """The absolute, resolved path of a model file; LibraryError with a sentence if unusable.

    Refused: a NUL in the name, a symbolic link loop, a missing file, a folder,
    and anything that is not a regular file (a FIFO or a device would block
    or never end when read).
    """
    if "\x00" in str(raw):
        raise LibraryError(
            user_message(
                "Models", "“%1” is not a usable file name: it contains a NUL character."
            ).arg(_shown(raw))
        )
    path = Path(raw).expanduser()
    try:
        path = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        raise LibraryError(_link_loop(path)) from None
    except FileNotFoundError:
        raise LibraryError(user_message("Models", "%1 does not exist.").arg(_shown(path))) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LibraryError(_link_loop(path)) from None
        raise LibraryError(_cannot_open(path, exc)) from None
    try:
        fd = open_regular(path)
    except NotRegularFileError as exc:
        raise LibraryError(
            user_message(
                "Models", "%1 is %2: Composer only opens model files. Choose the GGUF file itself."
            ).arg(_shown(path), exc.strerror)
        ) from None
    except PermissionError:
        raise LibraryError(
            user_message("Models", "Composer is not allowed to read %1.").arg(_shown(path))
        ) from None
    except OSError as exc:
        raise LibraryError(_cannot_open(path, exc)) from None
    os.close(fd)
    return path
