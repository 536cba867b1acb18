"""Forget everything: what Composer keeps about the user, removed on request.

Settings > Privacy runs forget_everything() after a confirmation. It removes
what this app wrote: saved drafts, copies of sent mail, the words added to the
spelling dictionary, the models it downloaded or set up (the starter
included), partial downloads, the list of imported files, caches, secrets
in the OS keychain (mail account passwords included), the mail accounts and
the settings. It never touches a model file
the user only imported or that another app keeps (Hugging Face cache, LM
Studio, GPT4All, Ollama): those are the user's, where they lie.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from composer import secrets
from composer.paths import AppPaths

log = logging.getLogger(__name__)

# Every secret name the app may have stored in the keychain.
SECRET_NAMES = (secrets.HF_TOKEN,)


@dataclass
class ForgetReport:
    """What was removed, counted for a sentence to the user."""

    drafts: int = 0
    sent: int = 0  # copies of sent messages
    models: int = 0
    model_bytes: int = 0
    secrets: int = 0
    settings: bool = False
    caches: bool = False
    problems: list[str] = field(default_factory=list)  # what could not be removed, and why


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.rglob("*") if p.is_file() or p.is_symlink()]
    except OSError:
        return []


def _remove_tree(folder: Path, report: ForgetReport, what: str) -> None:
    if not folder.exists():
        return

    def failed(path: str, error: BaseException) -> None:
        report.problems.append(f"{what}: {path} ({getattr(error, 'strerror', None) or error})")

    # Python 3.12 renamed the error hook (and deprecated the old one).
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda _f, path, error: failed(path, error))
    else:
        shutil.rmtree(folder, onerror=lambda _f, path, info: failed(path, info[1]))


def _account_password_names(paths: AppPaths) -> list[str]:
    """The keychain names of the mail accounts' passwords (read before settings go)."""
    from composer.mail.accounts import AccountStore, AccountsUnreadable

    try:
        return [a.password_name for a in AccountStore(paths.config).load()]
    except AccountsUnreadable:
        return []


def _server_key_names(paths: AppPaths) -> list[str]:
    """The keychain names of the assistant servers' API keys (read before settings go)."""
    from composer.engine.servers import ServerStore, ServersUnreadable, api_key_name

    try:
        return [api_key_name(s.id) for s in ServerStore(paths.config).load()]
    except ServersUnreadable:
        return []


def forget_everything(paths: AppPaths) -> ForgetReport:
    """Remove everything this app keeps about the user; see the module's docstring."""
    report = ForgetReport()

    report.drafts = sum(1 for p in _files(paths.drafts) if p.suffix == ".json")
    _remove_tree(paths.drafts, report, "drafts")

    models = [p for p in _files(paths.models) if p.suffix == ".gguf" and not p.is_symlink()]
    report.models = len(models)
    report.model_bytes = sum(p.stat().st_size for p in models if p.exists())
    _remove_tree(paths.models, report, "models")

    imports = paths.data / "imported-models.json"  # the list only, never the files it names
    imports.unlink(missing_ok=True)

    _remove_tree(paths.personal_words.parent, report, "spelling words")

    report.sent = sum(1 for p in _files(paths.data / "sent") if p.suffix == ".eml")
    _remove_tree(paths.data / "sent", report, "sent messages")

    names = list(SECRET_NAMES) + _account_password_names(paths) + _server_key_names(paths)
    for name in names if secrets.keychain_available() else ():
        try:
            if secrets.delete_secret(name):
                report.secrets += 1
        except secrets.SecretStoreError as exc:
            report.problems.append(str(exc))

    if paths.settings_file.exists():
        report.settings = True
    _remove_tree(paths.config, report, "settings")

    report.caches = paths.cache.exists() and any(paths.cache.iterdir())
    _remove_tree(paths.cache, report, "caches")
    log.info(
        "Forgot everything: %d drafts, %d models, %d secrets, %d problems",
        report.drafts,
        report.models,
        report.secrets,
        len(report.problems),
    )
    return report
