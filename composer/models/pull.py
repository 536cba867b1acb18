"""Get one model file: reuse a copy already on this computer, else download it.

Shared by the command line and the download worker so both follow the same
rules: look up the file on the Hub, prefer an identical file that is already
here, continue a partial download, verify, and record where it came from.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from composer.messages import user_message
from composer.models.download import (
    DownloadControl,
    DownloadOptions,
    PartialInfo,
    Progress,
    download,
    find_partials,
)
from composer.models.hub import (
    RemoteFile,
    check_filename,
    check_repo_id,
    hub_endpoint,
    resolve_file,
    stored_token,
)
from composer.models.library import InstalledModel, LibraryError, ModelLibrary


@dataclass(frozen=True)
class PullRequest:
    repo_id: str
    filename: str
    revision: str | None = None
    force: bool = False  # download even when a same-named file of the same size is here

    @property
    def key(self) -> str:
        return f"{self.repo_id}/{self.filename}@{self.revision or 'main'}"


@dataclass(frozen=True)
class PullResult:
    path: Path
    remote: RemoteFile
    reused: InstalledModel | None  # set when nothing was downloaded


def pull(
    library: ModelLibrary,
    request: PullRequest,
    *,
    token: str | None = None,
    endpoint: str | None = None,
    control: DownloadControl | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    options: DownloadOptions | None = None,
) -> PullResult:
    """Raises HubError, DownloadError, DownloadPaused/DownloadCancelled, LibraryError."""
    # Checked before anything else: both become part of a path and a URL.
    check_repo_id(request.repo_id)
    check_filename(request.filename)
    if not request.filename.lower().endswith(".gguf"):
        raise LibraryError(
            user_message(
                "Models", "%1 is not a GGUF file; Composer can only run *.gguf models."
            ).arg(request.filename)
        )
    token = token if token is not None else stored_token()
    partial = _partial_for(library, request, hub_endpoint(endpoint))
    if partial is not None:
        # Finish what was started, at the commit it was started from, even if
        # the branch has moved on since: a resume fetches the same bytes.
        remote = partial.remote
        final = partial.final
    else:
        remote = resolve_file(
            request.repo_id, request.filename, request.revision, token=token, endpoint=endpoint
        )
        same = library.find_same(remote.sha256, remote.basename, remote.size)
        if same is not None and (same.sha256 == remote.sha256 or not request.force):
            return PullResult(path=same.path, remote=remote, reused=same)
        final = library.destination(remote.basename, remote.commit)
    path = download(
        remote, final, token=token, control=control, on_progress=on_progress, options=options
    )
    library.record_origin(
        path,
        {
            **remote.to_dict(),
            "downloaded": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    )
    return PullResult(path=path, remote=remote, reused=None)


def _partial_for(library: ModelLibrary, request: PullRequest, endpoint: str) -> PartialInfo | None:
    """An unfinished download of exactly this request from this endpoint."""
    for partial in find_partials(library.folder):
        if (
            partial.repo_id == request.repo_id
            and partial.filename == request.filename
            and partial.revision == (request.revision or "main")
            and partial.endpoint == endpoint
        ):
            return partial
    return None
