"""Finding models on disk: our folder, imports, the HF cache, LM Studio, GPT4All, Ollama.

The other apps' folders are built here with their real layouts (files and
symlinks as those apps write them) under a temporary home.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from gguf_tools import write_tiny_model
from hub_server import sha256_of, write_gguf_like

from composer.modelfile.gguf import GGUFError
from composer.models.library import ExternalFolders, LibraryError, ModelLibrary
from composer.models.pull import PullRequest, pull
from composer.paths import app_paths

SIZE = 64 << 10


def _gguf(path: Path, seed: int = 0) -> Path:
    return write_gguf_like(path, SIZE, seed=seed)


def _model(path: Path, seed: int = 0) -> Path:
    """A small model that passes the full header check (import reads it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_tiny_model(path, seed=seed)


@pytest.fixture
def other_apps(tmp_path) -> ExternalFolders:
    """A home where the HF cache, LM Studio, GPT4All and Ollama each hold a model."""
    user = tmp_path / "user"
    folders = ExternalFolders.discover(env={}, home=user)
    # Hugging Face cache: snapshots/<commit>/<file> -> ../../blobs/<sha256>
    repo = folders.hf_cache[0] / "models--acme--Writer-GGUF"
    blob_src = _gguf(tmp_path / "hf.gguf", seed=11)
    sha = sha256_of(blob_src)
    (repo / "blobs").mkdir(parents=True)
    shutil.move(blob_src, repo / "blobs" / sha)
    snap = repo / "snapshots" / ("c" * 40)
    snap.mkdir(parents=True)
    os.symlink(f"../../blobs/{sha}", snap / "writer-Q4_K_M.gguf")
    # LM Studio: models/<publisher>/<repo>/<file>, with a vision projector beside it
    lms = folders.lm_studio[0] / "lmstudio-community" / "Helper-GGUF"
    _gguf(lms / "Helper-Q4_K_M.gguf", seed=12)
    _gguf(lms / "mmproj-Helper-f16.gguf", seed=13)
    # GPT4All: flat folder, plus a file that only pretends to be a model
    _gguf(folders.gpt4all[0] / "Nous-Hermes-Q4_0.gguf", seed=14)
    (folders.gpt4all[0] / "broken.gguf").write_bytes(b"not a model")
    # Ollama: manifests/<registry>/library/<model>/<tag> -> blobs/sha256-<hex>
    ollama = folders.ollama[0]
    blob = _gguf(tmp_path / "ollama.gguf", seed=15)
    digest = sha256_of(blob)
    (ollama / "blobs").mkdir(parents=True)
    shutil.move(blob, ollama / "blobs" / f"sha256-{digest}")
    manifest = ollama / "manifests" / "registry.ollama.ai" / "library" / "llama3.2" / "3b"
    manifest.parent.mkdir(parents=True)
    manifest.write_text(
        json.dumps(
            {
                "layers": [
                    {
                        "mediaType": "application/vnd.ollama.image.template",
                        "digest": "sha256:" + "0" * 64,
                    },
                    {
                        "mediaType": "application/vnd.ollama.image.model",
                        "digest": f"sha256:{digest}",
                    },
                ]
            }
        )
    )
    folders.hf_sha = sha  # type: ignore[attr-defined]
    return folders


def test_finds_models_of_every_source_without_copying(home, other_apps):
    library = ModelLibrary(app_paths(), other_apps)
    own = _gguf(library.folder / "mine.gguf", seed=1)
    models = {m.source: m for m in library.installed()}
    assert set(models) == {"composer", "hf-cache", "lm-studio", "gpt4all", "ollama"}
    assert models["composer"].path == own and models["composer"].owned
    assert models["hf-cache"].name == "acme/Writer-GGUF/writer-Q4_K_M.gguf"
    assert models["hf-cache"].sha256 == other_apps.hf_sha
    assert models["lm-studio"].repo_id == "lmstudio-community/Helper-GGUF"
    assert models["ollama"].name == "ollama llama3.2:3b"
    names = [m.path.name for m in library.installed()]
    assert "mmproj-Helper-f16.gguf" not in names and "broken.gguf" not in names
    assert not any(m.owned for m in library.installed() if m.source != "composer")


def test_split_models_are_listed_once_with_their_total_size(home):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    for part in (1, 2, 3):
        _gguf(library.folder / f"big-0000{part}-of-00003.gguf", seed=part)
    (model,) = library.installed()
    assert model.path.name == "big-00001-of-00003.gguf" and model.size == 3 * SIZE


def test_import_checks_the_header_and_keeps_the_file_in_place(home, tmp_path):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    outside = _model(tmp_path / "elsewhere" / "found.gguf")
    model = library.import_file(outside)
    assert model.source == "imported" and model.path == outside.resolve()
    assert [m.path for m in ModelLibrary(app_paths(), ExternalFolders.none()).installed()] == [
        outside.resolve()
    ]
    assert library.import_file(outside).path == model.path  # importing twice changes nothing
    assert len(library.installed()) == 1

    bogus = tmp_path / "notes.gguf"
    bogus.write_text("hello")
    with pytest.raises(GGUFError, match="not a GGUF"):
        library.import_file(bogus)
    truncated = tmp_path / "cut.gguf"
    truncated.write_bytes(b"GGUF\x03\x00")
    with pytest.raises(GGUFError, match="truncated|damaged"):
        library.import_file(truncated)
    assert len(library.installed()) == 1


def test_remove_deletes_own_forgets_imported_and_refuses_others(home, tmp_path, other_apps):
    library = ModelLibrary(app_paths(), other_apps)
    own = _gguf(library.folder / "mine.gguf")
    library.record_origin(own, {"sha256": "x"})
    imported = library.import_file(_model(tmp_path / "keep" / "theirs.gguf", seed=3))
    assert "Deleted" in str(library.remove(library.find("mine")))
    assert not own.exists() and not (library.folder / "mine.gguf.origin.json").exists()
    assert "left in place" in str(library.remove(library.find(str(imported.path))))
    assert imported.path.exists() and library.find(str(imported.path)) is None
    lm = next(m for m in library.installed() if m.source == "lm-studio")
    with pytest.raises(LibraryError, match="belongs to LM Studio"):
        library.remove(lm)
    assert lm.path.exists()


def test_ambiguous_name_is_refused(home, tmp_path):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    _gguf(library.folder / "same.gguf")
    library.import_file(_model(tmp_path / "b" / "same.gguf", seed=2))
    with pytest.raises(LibraryError, match="several"):
        library.find("same")


def test_pull_reuses_an_identical_file_from_the_hf_cache(home, hub, other_apps):
    library = ModelLibrary(app_paths(), other_apps)
    cached = next(m for m in library.installed() if m.source == "hf-cache")
    hub.add_file("acme/Writer-GGUF", "writer-Q4_K_M.gguf", cached.path.resolve())
    result = pull(library, PullRequest("acme/Writer-GGUF", "writer-Q4_K_M.gguf"), endpoint=hub.url)
    assert result.reused == cached and result.path == cached.path
    assert [r.method for r in hub.requests] == ["HEAD"]  # nothing downloaded


def test_pull_downloads_then_finds_it_next_time(home, hub, sample_gguf):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    hub.add_file("acme/Writer-GGUF", "w.gguf", sample_gguf)
    first = pull(library, PullRequest("acme/Writer-GGUF", "w.gguf"), endpoint=hub.url)
    assert first.reused is None and sha256_of(first.path) == first.remote.sha256
    (model,) = library.installed()
    assert model.sha256 == first.remote.sha256 and model.repo_id == "acme/Writer-GGUF"
    again = pull(library, PullRequest("acme/Writer-GGUF", "w.gguf"), endpoint=hub.url)
    assert again.reused == model
    assert [r.method for r in hub.requests].count("GET") == 1


def test_a_new_version_gets_its_own_name(home, hub, sample_gguf, other_gguf):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    hub.add_file("acme/Writer-GGUF", "w.gguf", sample_gguf, commit="a" * 40)
    old = pull(library, PullRequest("acme/Writer-GGUF", "w.gguf"), endpoint=hub.url)
    hub.add_file("acme/Writer-GGUF", "w.gguf", other_gguf, commit="b" * 40)
    new = pull(library, PullRequest("acme/Writer-GGUF", "w.gguf"), endpoint=hub.url)
    assert old.path.name == "w.gguf" and new.path.name == "w-bbbbbbbb.gguf"
    assert sha256_of(old.path) != sha256_of(new.path)


def test_only_gguf_files_are_pulled(home, hub):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    with pytest.raises(LibraryError, match="not a GGUF"):
        pull(library, PullRequest("acme/Writer", "model.safetensors"), endpoint=hub.url)


def test_a_file_that_cannot_be_deleted_is_a_clear_error(home):
    library = ModelLibrary(app_paths(), ExternalFolders.none())
    own = _gguf(library.folder / "busy.gguf")
    folder = library.folder
    # A folder that refuses changes, as Windows refuses to delete an open file.
    # Root ignores permissions, so as root the folder becomes a read-only bind mount.
    as_root = os.geteuid() == 0
    if as_root:
        assert os.system(f"mount --bind {folder} {folder}") == 0
        assert os.system(f"mount -o remount,ro,bind {folder}") == 0
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(LibraryError, match="could not be deleted"):
            library.remove(library.find("busy"))
    finally:
        if as_root:
            os.system(f"umount {folder}")
        else:
            folder.chmod(0o700)
    assert own.exists()


def test_a_resume_finishes_the_version_it_started(home, hub, sample_gguf, other_gguf):
    from hub_server import Fault

    from composer.models.download import DownloadError, DownloadOptions

    library = ModelLibrary(app_paths(), ExternalFolders.none())
    request = PullRequest("acme/Writer-GGUF", "w.gguf")
    hub.add_file("acme/Writer-GGUF", "w.gguf", sample_gguf, commit="a" * 40)
    hub.inject(Fault("truncate", at=1 << 20), Fault("status", status=500, times=100, skip=1))
    fast = DownloadOptions(backoff_base=0.01, backoff_max=0.02, max_retries=2)
    with pytest.raises(DownloadError):
        pull(library, request, endpoint=hub.url, options=fast)
    hub.clear_faults()
    # Meanwhile the branch moved on to another file.
    hub.add_file("acme/Writer-GGUF", "w.gguf", other_gguf, commit="b" * 40)
    heads = sum(r.method == "HEAD" for r in hub.requests)
    first = pull(library, request, endpoint=hub.url)
    assert sha256_of(first.path) == sha256_of(sample_gguf) and first.remote.commit == "a" * 40
    assert sum(r.method == "HEAD" for r in hub.requests) == heads  # no new lookup needed
    assert hub.requests[-1].range == f"bytes={1 << 20}-"
    # The next pull sees the new version and keeps both.
    second = pull(library, request, endpoint=hub.url)
    assert sha256_of(second.path) == sha256_of(other_gguf)
    assert second.path.name == "w-bbbbbbbb.gguf"


def test_a_broken_folder_setting_is_skipped_not_fatal(home, tmp_path, other_apps):
    library = ModelLibrary(app_paths(), other_apps)
    _gguf(library.folder / "mine.gguf")
    # OLLAMA_MODELS naming an impossible path: stat() fails with ENAMETOOLONG,
    # a real OSError like the ones another user's folder would give.
    other_apps.ollama = ExternalFolders.discover(env={"OLLAMA_MODELS": "/" + "x" * 5000}).ollama
    sources = {m.source for m in library.installed()}
    assert sources == {"composer", "hf-cache", "lm-studio", "gpt4all"}
