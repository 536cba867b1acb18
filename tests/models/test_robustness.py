"""Hostile paths and answers: FIFOs, devices, loops, NULs, bad repo ids, a forged commit.

Every case must end with a sentence for the user, never a traceback and
never a hang. Code that could block on a FIFO runs in a thread; if the
thread has not finished when joined, the test fails (and opens the FIFOs
for writing, which releases a reader stuck in open(), so no thread is left
behind).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from helpers.fifo import without_blocking
from hub_server import write_gguf_like

from composer.fileio import (
    NotRegularFileError,
    open_regular,
    read_json_regular,
    write_json_atomic,
)
from composer.models.cli import run
from composer.models.download import DownloadError, download, sidecar_path
from composer.models.hub import HubError, RemoteFile, check_repo_id, resolve_file
from composer.models.library import ExternalFolders, LibraryError, ModelLibrary, is_gguf
from composer.models.partial_files import find_partials, part_path, read_partial
from composer.models.pull import PullRequest, pull
from composer.paths import app_paths

REPO, NAME = "acme/Writer-GGUF", "writer-Q4_K_M.gguf"


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _library() -> ModelLibrary:
    return ModelLibrary(app_paths(), ExternalFolders.none())


# ------------------------------------------------------------ FIFO and devices


def test_open_regular_refuses_fifos_devices_and_folders(tmp_path):
    fifo = _fifo(tmp_path / "pipe.gguf")
    for path, kind in ((fifo, "named pipe"), (Path("/dev/zero"), "device"), (tmp_path, "folder")):
        with pytest.raises(NotRegularFileError, match=kind):
            without_blocking(lambda p=path: open_regular(p), [fifo])
    assert not is_gguf(fifo) and not is_gguf(Path("/dev/zero"))
    with pytest.raises(OSError):
        without_blocking(lambda: read_json_regular(fifo), [fifo])
    regular = tmp_path / "ok.json"
    regular.write_text('{"a": 1}')
    assert read_json_regular(regular) == {"a": 1}


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_import_refuses_what_is_not_a_regular_file(home, tmp_path, kind):
    path = tmp_path / f"{kind}.gguf"
    if kind == "fifo":
        _fifo(path)
        expected = "named pipe"
    elif kind == "device":
        path.symlink_to("/dev/zero")  # a device file under a model's name
        expected = "device"
    else:
        path.mkdir()
        expected = "folder"
    library = _library()
    fifos = [path] if kind == "fifo" else []
    with pytest.raises(LibraryError, match=expected):
        without_blocking(lambda: library.import_file(path), fifos)
    assert library.installed() == []

    err = io.StringIO()
    code = without_blocking(lambda: run(["import", str(path)], io.StringIO(), err), fifos)
    assert code == 1 and expected in err.getvalue() and "Traceback" not in err.getvalue()


def test_listing_never_opens_a_fifo(home, tmp_path):
    """FIFOs where models, origin records, the import list, Ollama blobs and sidecars go."""
    paths = app_paths()
    models = paths.models
    fifos = [_fifo(models / "pipe.gguf")]
    real = write_gguf_like(models / "real.gguf", 1 << 16, seed=3)
    fifos.append(_fifo(models / "real.gguf.origin.json"))
    fifos.append(_fifo(models / "half.gguf.part.json"))
    (models / "half.gguf.part").write_bytes(b"GGUF")
    # An imported file that was later replaced by a FIFO.
    imported = tmp_path / "mine" / "imported.gguf"
    record = {"version": 1, "models": [{"path": str(imported), "name": "imported"}]}
    write_json_atomic(paths.data / "imported-models.json", record)
    fifos.append(_fifo(imported))
    # Ollama: a manifest whose model blob is a FIFO.
    ollama = tmp_path / "ollama"
    digest = "ab" * 32
    fifos.append(_fifo(ollama / "blobs" / f"sha256-{digest}"))
    manifest = ollama / "manifests" / "registry.ollama.ai" / "library" / "m" / "latest"
    manifest.parent.mkdir(parents=True)
    layer = {"mediaType": "application/vnd.ollama.image.model", "digest": f"sha256:{digest}"}
    manifest.write_text(json.dumps({"layers": [layer]}))
    library = ModelLibrary(paths, ExternalFolders(ollama=[ollama]))

    found = without_blocking(library.installed, fifos)
    assert [m.path for m in found] == [real]
    assert without_blocking(lambda: find_partials(models), fifos) == []

    # The import list itself replaced by a FIFO: no imports, no hang.
    imports = paths.data / "imported-models.json"
    imports.unlink()
    fifos.append(_fifo(imports))
    assert [m.path for m in without_blocking(library.installed, fifos)] == [real]


def test_a_fifo_in_place_of_a_partial_download_is_refused(home, hub, sample_gguf, fast):
    hub.add_file(REPO, NAME, sample_gguf)
    remote = resolve_file(REPO, NAME, endpoint=hub.url)
    final = app_paths().models / NAME
    final.parent.mkdir(parents=True)
    sidecar_path(final).write_text(json.dumps({"version": 1, **remote.to_dict(), "durable": 0}))
    fifo = _fifo(part_path(final))
    assert read_partial(final) is None  # never offered as a paused download
    with pytest.raises(DownloadError, match="named pipe"):
        without_blocking(lambda: download(remote, final, options=fast), [fifo])
    assert not final.exists()


def test_starter_hash_refuses_a_fifo(tmp_path):
    from composer.models.starter import sha256_of

    fifo = _fifo(tmp_path / "starter.gguf")
    with pytest.raises(NotRegularFileError):
        without_blocking(lambda: sha256_of(fifo), [fifo])


# ------------------------------------------------------------ a forged commit


@pytest.mark.parametrize("commit", ["/../../x", "../" * 8 + "escaped", "main", "A" * 39])
def test_a_commit_that_is_not_hex_is_refused(home, hub, sample_gguf, tmp_path, commit):
    hub.add_file(REPO, NAME, sample_gguf, commit=commit)
    with pytest.raises(HubError, match="invalid commit id"):
        pull(_library(), PullRequest(REPO, NAME), endpoint=hub.url)
    assert [r.method for r in hub.requests] == ["HEAD"]  # nothing was downloaded
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != sample_gguf]
    assert written == [], written


def test_a_sha256_commit_is_accepted(home, hub, sample_gguf):
    commit = "0123456789abcdef" * 4
    hub.add_file(REPO, NAME, sample_gguf, commit=commit)
    result = pull(_library(), PullRequest(REPO, NAME), endpoint=hub.url)
    assert result.remote.commit == commit and result.path == app_paths().models / NAME
    origin = json.loads((result.path.parent / f"{NAME}.origin.json").read_text())
    assert origin["commit"] == commit and origin["sha256"] == result.remote.sha256


def test_the_cli_says_what_is_wrong_with_a_forged_commit(home, hub, sample_gguf, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    hub.add_file(REPO, NAME, sample_gguf, commit="/../../x")
    err = io.StringIO()
    assert run(["pull", REPO, NAME], io.StringIO(), err) == 1
    assert "invalid commit id" in err.getvalue() and "Traceback" not in err.getvalue()


# ------------------------------------------------------- names and paths


@pytest.mark.parametrize(
    "repo",
    ["../../etc", "..", "acme/..", "acme/../x", "/acme/x", "acme/x/y", "acme/-x", ".acme/x", "acme/x.",
     "acme/a..b", "acme/a--b", "", "acme/", "acme/x y", "acme/x\x00"],
)  # fmt: skip
def test_invalid_repo_ids_get_a_sentence(home, hub, repo, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    err = io.StringIO()
    assert run(["pull", repo, NAME], io.StringIO(), err) == 1
    assert "not a valid Hugging Face repository name" in err.getvalue()
    assert "Traceback" not in err.getvalue() and "\x00" not in err.getvalue()
    assert hub.requests == []  # refused before asking anyone


@pytest.mark.parametrize("repo", ["gpt2", "bartowski/Qwen2.5-7B-Instruct-GGUF", "a_b/c.d-e"])
def test_valid_repo_ids_pass(repo):
    check_repo_id(repo)


@pytest.mark.parametrize("filename", ["../../x.gguf", "a//b.gguf", "/x.gguf", "a\\b.gguf"])
def test_invalid_file_names_get_a_sentence(home, hub, filename, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    err = io.StringIO()
    assert run(["pull", REPO, filename], io.StringIO(), err) == 1
    assert "not a usable file name" in err.getvalue() and "Traceback" not in err.getvalue()
    assert hub.requests == []


def test_symlink_loops_and_nul_characters_get_a_sentence(home, tmp_path):
    loop = tmp_path / "loop.gguf"
    loop.symlink_to(tmp_path / "other.gguf")
    (tmp_path / "other.gguf").symlink_to(loop)
    library = _library()
    with pytest.raises(LibraryError, match="loop"):
        library.import_file(loop)
    with pytest.raises(LibraryError, match="NUL"):
        library.import_file(str(tmp_path / "a\x00b.gguf"))
    with pytest.raises(LibraryError, match="does not exist"):
        library.import_file(tmp_path / "missing.gguf")
    for argv, expected in (
        (["import", str(loop)], "loop"),
        (["import", "a\x00b.gguf"], "NUL"),
        (["rm", str(loop)], "No model called"),
        (["rm", "a\x00b"], "No model called"),
    ):
        err = io.StringIO()
        assert run(argv, io.StringIO(), err) == 1, argv
        assert expected in err.getvalue(), (argv, err.getvalue())
        assert "Traceback" not in err.getvalue() and "\x00" not in err.getvalue()


def test_a_crafted_ollama_digest_cannot_name_a_path_outside_blobs(home, tmp_path):
    outside = write_gguf_like(tmp_path / "secret.gguf", 1 << 16)
    ollama = tmp_path / "ollama"
    (ollama / "blobs" / "sha256-x").mkdir(parents=True)
    manifest = ollama / "manifests" / "registry.ollama.ai" / "library" / "m" / "latest"
    manifest.parent.mkdir(parents=True)
    digest = "sha256:x/../../../secret.gguf"
    layer = {"mediaType": "application/vnd.ollama.image.model", "digest": digest}
    manifest.write_text(json.dumps({"layers": [layer]}))
    assert (ollama / "blobs" / "sha256-x/../../../secret.gguf").resolve() == outside
    assert ModelLibrary(app_paths(), ExternalFolders(ollama=[ollama])).installed() == []


# ------------------------------------------------------ RemoteFile records


def _remote() -> RemoteFile:
    return RemoteFile(
        repo_id=REPO,
        filename=NAME,
        revision="v2",
        commit="c" * 40,
        url=f"http://127.0.0.1:1/{REPO}/resolve/{'c' * 40}/{NAME}",
        size=123,
        sha256="a" * 64,
        endpoint="http://127.0.0.1:1",
    )


def test_remote_file_round_trips_and_reads_older_records():
    remote = _remote()
    assert RemoteFile.from_dict(json.loads(json.dumps(remote.to_dict()))) == remote
    newer = {**remote.to_dict(), "added_later": [1, 2], "durable": 5}
    assert RemoteFile.from_dict(newer) == remote
    older = remote.to_dict()
    del older["revision"], older["endpoint"]
    old = RemoteFile.from_dict(older)
    assert old.revision == "main" and old.endpoint == "http://127.0.0.1:1"
    assert RemoteFile.from_dict({**remote.to_dict(), "size": "123"}).size == 123
    for broken in ({k: v for k, v in remote.to_dict().items() if k != "sha256"},
                   {**remote.to_dict(), "size": "lots"},
                   {**remote.to_dict(), "commit": None}):  # fmt: skip
        with pytest.raises(ValueError):
            RemoteFile.from_dict(broken)


def test_a_paused_download_keeps_its_record(home, hub, sample_gguf, fast):
    """The sidecar written by download() reads back as the same RemoteFile."""
    from composer.models.download import DownloadControl, DownloadPaused

    hub.add_file(REPO, NAME, sample_gguf)
    hub.set_rate(2 << 20)
    remote = resolve_file(REPO, NAME, endpoint=hub.url)
    final = app_paths().models / NAME
    control = DownloadControl()

    def pause_when_started(progress):
        if progress.done > 0:
            control.pause()

    with pytest.raises(DownloadPaused):
        download(remote, final, control=control, on_progress=pause_when_started, options=fast)
    partial = read_partial(final)
    assert partial is not None and partial.remote == remote and partial.done > 0
