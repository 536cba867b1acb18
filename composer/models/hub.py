"""What the Hugging Face Hub says about one file: URL, size, sha256, commit.

huggingface_hub does the talking (URL layout, auth headers, error codes);
this module turns its answers into a RemoteFile pinned to a commit and its
exceptions into sentences a user can act on. The endpoint is read from
HF_ENDPOINT on every call rather than from huggingface_hub.constants, which
freezes it at import time.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from composer.messages import UserFacingError, user_message
from composer.models.net_reason import network_reason

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://huggingface.co"
_SHA256 = re.compile(r"[0-9a-f]{64}")
# A git commit: SHA-1 today, SHA-256 in repositories that switch over.
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# The Hub's own rule for a repository id: owner/name (or a bare name for
# legacy models), letters, digits, "-", "_", "."; no "--" or "..", no "-" or
# "." at either end, at most 96 characters each part.
_REPO_PART = re.compile(r"[A-Za-z0-9_.\-]{1,96}")
_TOKEN_HINT = user_message(
    "Hub",
    "Create a read token at https://huggingface.co/settings/tokens and save it with "
    "“composer models login” (or in the model manager); Composer keeps it only in your "
    "system keychain.",
)


class HubError(UserFacingError):
    """The Hub could not tell us about the file; its message is a sentence for the user."""


class HubAuthError(HubError):
    """The repository is gated or private: a (better) token is needed."""


class HubNotFoundError(HubError):
    """Repository, revision or file does not exist."""


class HubNetworkError(HubError):
    """The endpoint could not be reached; trying again later may work."""


@dataclass(frozen=True)
class RemoteFile:
    repo_id: str
    filename: str
    revision: str  # what the user asked for ("main", a tag, a commit)
    commit: str  # what it resolved to: the URL below is pinned to it
    url: str
    size: int
    sha256: str
    endpoint: str

    @property
    def basename(self) -> str:
        return self.filename.rsplit("/", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready values (sidecars, origin records)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RemoteFile:
        """Read what to_dict() wrote, in this or an older version.

        Unknown keys are ignored. Older sidecars may lack ``revision`` (then
        "main") and ``endpoint`` (then taken from the URL). ValueError when a
        needed field is missing or has the wrong type.
        """
        values: dict[str, Any] = {}
        for spec in fields(cls):
            value = data.get(spec.name)
            if spec.name == "revision" and value is None:
                value = "main"
            if spec.name == "endpoint" and value is None:
                url, repo_id = data.get("url"), data.get("repo_id")
                if isinstance(url, str) and isinstance(repo_id, str) and "/resolve/" in url:
                    value = url.split(f"/{repo_id}/resolve/")[0]
            if spec.name == "size":
                if isinstance(value, bool) or not isinstance(value, (int, str)):
                    raise ValueError(f"the record has no usable {spec.name}")
                try:
                    value = int(value)
                except ValueError:
                    raise ValueError(f"the record has no usable {spec.name}") from None
            elif not isinstance(value, str):
                raise ValueError(f"the record has no usable {spec.name}")
            values[spec.name] = value
        return cls(**values)


def check_repo_id(repo_id: str) -> None:
    """HubError unless *repo_id* follows the Hub's naming rules (owner/name)."""
    parts = repo_id.split("/")
    valid = 1 <= len(parts) <= 2 and all(
        _REPO_PART.fullmatch(part)
        and ".." not in part
        and "--" not in part
        and part[0] not in ".-"
        and part[-1] not in ".-"
        for part in parts
    )
    if not valid:
        shown = repo_id.encode("unicode_escape").decode("ascii")
        raise HubError(
            user_message(
                "Hub",
                "“%1” is not a valid Hugging Face repository name. It looks like owner/name, "
                "using letters, digits, “-”, “_” and “.”, e.g. bartowski/Qwen2.5-7B-Instruct-GGUF.",
            ).arg(shown)
        )


def check_filename(filename: str) -> None:
    """HubError unless *filename* is a plain path inside a repository."""
    parts = filename.split("/")
    valid = all(part not in ("", ".", "..") for part in parts) and not any(
        ch == "\\" or ord(ch) < 32 or ord(ch) == 127 for ch in filename
    )
    if not valid:
        shown = filename.encode("unicode_escape").decode("ascii")
        raise HubError(
            user_message(
                "Hub",
                "“%1” is not a usable file name in a repository: it may not be empty, "
                "contain “..”, “\\” or control characters, or start or end with “/”.",
            ).arg(shown)
        )


def hub_endpoint(endpoint: str | None = None) -> str:
    return (endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def stored_token() -> str | None:
    """The token saved in the keychain, or None (no token, or no keychain)."""
    from composer import secrets

    try:
        return secrets.get_secret(secrets.HF_TOKEN)
    except secrets.SecretStoreError as exc:
        # No keychain means no saved token; public downloads still work.
        log.debug("No Hugging Face token available: %s", exc)
        return None


def _quiet_hub() -> None:
    """Switch off huggingface_hub's telemetry before it sends anything.

    2.4.0 builds its User-Agent with detect_agent(), which fetches
    {endpoint}/api/agent-harnesses once a day and caches it under HF_HOME
    unless telemetry is disabled. The flag is read from the constants module
    at call time, so setting it here works even after import.
    """
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    from huggingface_hub import constants

    constants.HF_HUB_DISABLE_TELEMETRY = True


def file_url(repo_id: str, filename: str, revision: str, endpoint: str | None = None) -> str:
    _quiet_hub()
    from huggingface_hub import hf_hub_url

    return hf_hub_url(repo_id, filename, revision=revision, endpoint=hub_endpoint(endpoint))


def resolve_file(
    repo_id: str,
    filename: str,
    revision: str | None = None,
    *,
    token: str | None = None,
    endpoint: str | None = None,
    timeout: float = 15.0,
) -> RemoteFile:
    """Ask the Hub for size, sha256 and commit of *filename*; raise HubError subclasses."""
    import httpx2
    from huggingface_hub import errors as hf_errors
    from huggingface_hub import get_hf_file_metadata

    check_repo_id(repo_id)
    check_filename(filename)
    _quiet_hub()
    endpoint = hub_endpoint(endpoint)
    revision = revision or "main"
    where = (
        user_message("Hub", "%1 in %2").arg(filename, repo_id)
        if revision == "main"
        else user_message("Hub", "%1 in %2 (revision %3)").arg(filename, repo_id, revision)
    )
    url = file_url(repo_id, filename, revision, endpoint)
    try:
        # token=False rather than None: never let huggingface_hub pick up a
        # token from its own config files; ours lives in the keychain only.
        meta = get_hf_file_metadata(url, token=token or False, endpoint=endpoint, timeout=timeout)
    except hf_errors.GatedRepoError:
        if token:
            raise HubAuthError(
                user_message(
                    "Hub",
                    "%1 is a gated repository and your Hugging Face account has not been "
                    "granted access yet. Open the repository page on huggingface.co, accept its "
                    "terms, then try again.",
                ).arg(repo_id)
            ) from None
        raise HubAuthError(
            user_message(
                "Hub",
                "%1 is a gated repository: downloading it needs a Hugging Face token from "
                "an account that accepted its terms. %2",
            ).arg(repo_id, _TOKEN_HINT)
        ) from None
    except hf_errors.RepositoryNotFoundError as exc:
        status = exc.response.status_code if exc.response is not None else None
        if not token and status in (401, 403):
            raise HubAuthError(
                user_message(
                    "Hub",
                    "%1 was not found, or it is private. If it is private, a Hugging Face "
                    "token is needed. %2",
                ).arg(repo_id, _TOKEN_HINT)
            ) from None
        raise HubNotFoundError(
            user_message("Hub", "The repository %1 does not exist on %2.").arg(repo_id, endpoint)
        ) from None
    except hf_errors.RevisionNotFoundError:
        raise HubNotFoundError(
            user_message("Hub", "%1 has no revision called “%2”.").arg(repo_id, revision)
        ) from None
    except hf_errors.EntryNotFoundError:
        raise HubNotFoundError(
            user_message("Hub", "There is no file %1 in %2 at %3.").arg(filename, repo_id, revision)
        ) from None
    except hf_errors.OfflineModeIsEnabled:
        raise HubNetworkError(
            user_message(
                "Hub",
                "Downloads are switched off (HF_HUB_OFFLINE is set); unset it to download models.",
            )
        ) from None
    except hf_errors.HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else None
        if status in (401, 403):
            raise HubAuthError(
                user_message("Hub", "The Hub refused access to %1 (HTTP %2). %3").arg(
                    where, status, _TOKEN_HINT
                )
            ) from None
        if status in (404, 410):
            raise HubNotFoundError(
                user_message("Hub", "%1 has no %2 (HTTP %3).").arg(endpoint, where, status)
            ) from None
        raise HubNetworkError(
            user_message("Hub", "The Hub answered HTTP %1 for %2; try again later.").arg(
                status, where
            )
        ) from None
    except hf_errors.HFValidationError:
        raise HubNotFoundError(
            user_message(
                "Hub", "“%1” is not a valid repository name; it looks like owner/name."
            ).arg(repo_id)
        ) from None
    except httpx2.HTTPError as exc:
        raise HubNetworkError(
            user_message(
                "Hub",
                "Could not reach %1 to look up %2: %3. "
                "Check your internet connection and try again.",
            ).arg(endpoint, where, network_reason(exc))
        ) from None

    if not meta.commit_hash:
        raise HubError(
            user_message("Hub", "%1 did not say which commit %2 belongs to.").arg(endpoint, where)
        )
    commit = meta.commit_hash.lower()
    if not _COMMIT.fullmatch(commit):
        # It becomes part of a file name and of the URL: never trust its shape.
        shown = meta.commit_hash[:80].encode("unicode_escape").decode("ascii")
        raise HubError(
            user_message(
                "Hub",
                "%1 answered with an invalid commit id (“%2”) for %3; a commit "
                "is 40 hexadecimal digits. Composer did not download anything. Check the "
                "HF_ENDPOINT setting if you use a mirror.",
            ).arg(endpoint, shown, where)
        )
    sha256 = (meta.etag or "").lower()
    if not _SHA256.fullmatch(sha256):
        # Model weights are always LFS/Xet files whose etag is their sha256;
        # without it we could not prove the download is intact.
        raise HubError(
            user_message(
                "Hub",
                "%1 published no sha256 checksum for %2, so Composer cannot verify "
                "the download. Only model files stored with Git LFS can be downloaded.",
            ).arg(endpoint, where)
        )
    if not meta.size:
        raise HubError(user_message("Hub", "%1 did not say how large %2 is.").arg(endpoint, where))
    return RemoteFile(
        repo_id=repo_id,
        filename=filename,
        revision=revision,
        commit=commit,
        url=file_url(repo_id, filename, commit, endpoint),
        size=int(meta.size),
        sha256=sha256,
        endpoint=endpoint,
    )
