"""`composer models …`: list, pull, import, rm, login, logout.

run(argv) gets everything after `models` and returns the exit status:
0 done, 1 failed (a sentence on stderr says why), 2 bad usage,
130 interrupted (a pull is paused and continues on the next run).
"""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from composer.models.download import (
    DownloadCancelled,
    DownloadControl,
    DownloadError,
    DownloadPaused,
    Progress,
    find_partials,
    human_duration,
    human_size,
)
from composer.models.hub import HubError
from composer.models.library import LibraryError, ModelLibrary

if TYPE_CHECKING:
    from composer.models.catalog import CatalogEntry, Verdict


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="composer models", description="Manage the models Composer writes with."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = sub.add_parser("list", help="installed models and the catalog, with what fits here")
    show.add_argument(
        "--no-fit", action="store_true", help="skip the hardware check (faster; no fit verdicts)"
    )
    get = sub.add_parser("pull", help="download a GGUF file from Hugging Face (resumes)")
    get.add_argument("repo", help="repository (owner/name), or a catalog id")
    get.add_argument("file", nargs="?", help="file in the repository (omit for a catalog id)")
    get.add_argument("--revision", help="branch, tag or commit (default: main)")
    get.add_argument(
        "--force",
        action="store_true",
        help="download even if a file with the same name and size is already here",
    )
    take = sub.add_parser("import", help="use a GGUF file from disk where it lies")
    take.add_argument("path")
    drop = sub.add_parser("rm", help="delete a downloaded model, or forget an imported one")
    drop.add_argument("name", help="name or path as shown by “composer models list”")
    sub.add_parser("login", help="save a Hugging Face token in the system keychain")
    sub.add_parser("logout", help="remove the saved Hugging Face token")
    return parser


def run(argv: Sequence[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code or 0)
    library = ModelLibrary()
    try:
        if args.command == "list":
            return _list(library, out, fit=not args.no_fit)
        if args.command == "pull":
            return _pull(library, args, out, err)
        if args.command == "import":
            model = library.import_file(args.path)
            print(
                f"Imported {model.name} ({human_size(model.size)}) from {model.path}; "
                "it stays where it is.",
                file=out,
            )
            return 0
        if args.command == "rm":
            found = library.find(args.name)
            if found is None:
                shown = args.name.encode("unicode_escape").decode("ascii")
                print(f"No model called “{shown}”. See “composer models list”.", file=err)
                return 1
            print(library.remove(found), file=out)
            return 0
        if args.command == "login":
            return _login(out, err)
        if args.command == "logout":
            return _logout(out, err)
    except (LibraryError, HubError, DownloadError) as exc:
        print(f"Error: {exc}", file=err)
        return 1
    except Exception as exc:  # GGUFError, SecretStoreError: all carry a sentence
        from composer.modelfile.gguf import GGUFError
        from composer.secrets import SecretStoreError

        if isinstance(exc, (GGUFError, SecretStoreError)):
            print(f"Error: {exc}", file=err)
            return 1
        if isinstance(exc, OSError):  # the disk or a folder, not a bug: say which file
            where = f" ({exc.filename})" if exc.filename else ""
            print(f"Error: {exc.strerror or exc}{where}.", file=err)
            return 1
        raise
    return 2


# ---------------------------------------------------------------- commands


def _list(library: ModelLibrary, out: TextIO, fit: bool) -> int:
    from composer.models.catalog import load_catalog

    installed = library.installed()
    print("Installed models:", file=out)
    if not installed:
        print("  (none yet: pull one from the catalog below, or import a GGUF file)", file=out)
    for model in installed:
        print(
            f"  {model.name:<40} {human_size(model.size):>9}  {model.source_label:<18} "
            f"{model.path}",
            file=out,
        )
    for partial in find_partials(library.folder):
        print(
            f"  {partial.final.name:<40} {partial.done / partial.size:>8.0%}  paused download "
            f"({partial.repo_id}); “composer models pull {partial.repo_id} "
            f"{partial.filename}” continues it",
            file=out,
        )

    entries = load_catalog()
    verdicts = _verdicts(entries) if fit else None
    print("\nCatalog (composer models pull ID):", file=out)
    have = {m.path.name for m in installed}
    shown_reason = None
    for index, entry in enumerate(entries):
        verdict = verdicts[index] if verdicts else None
        mark = "*" if verdict and verdict.recommended else " "
        state = "installed" if entry.basename in have else (verdict.label if verdict else "")
        print(
            f" {mark}{entry.id:<26} {human_size(entry.size):>9}  {entry.licence:<28} {state}",
            file=out,
        )
        if verdict is not None and verdict.reason and verdict.reason != shown_reason:
            print(f"    {verdict.reason}", file=out)  # once per run of equal reasons
            shown_reason = verdict.reason
    if verdicts and any(v.recommended for v in verdicts):
        print("\n* recommended for this computer", file=out)
    return 0


def _verdicts(entries: list[CatalogEntry]) -> list[Verdict] | None:
    from composer.hardware.probe import probe
    from composer.models.catalog import assess

    try:
        return assess(entries, probe())
    except Exception as exc:  # a failed hardware check must not hide the list
        print(f"(Could not check this computer's hardware: {exc})", file=sys.stderr)
        return None


def _pull(library: ModelLibrary, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from composer.models.catalog import find_entry, load_catalog
    from composer.models.pull import PullRequest, pull

    repo, filename = args.repo, args.file
    if filename is None:
        entry = find_entry(load_catalog(), repo)
        if entry is None:
            print(
                f"“{repo}” is not in the catalog; give a repository and a file name, e.g. "
                "composer models pull bartowski/Qwen2.5-7B-Instruct-GGUF "
                "Qwen2.5-7B-Instruct-Q4_K_M.gguf",
                file=err,
            )
            return 2
        repo, filename = entry.repo, entry.file
    control = DownloadControl()
    printer = _ProgressPrinter(err)

    def stop(signum: int, frame: FrameType | None) -> None:
        control.pause()  # Ctrl-C / SIGTERM: keep what arrived, resume next time

    old: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        old = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        result = pull(
            library,
            PullRequest(repo, filename, args.revision, args.force),
            control=control,
            on_progress=printer,
        )
    except DownloadPaused:
        printer.end()
        print("Paused. Run the same command again to continue where it stopped.", file=err)
        return 130
    except DownloadCancelled:
        printer.end()
        return 130
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
    printer.end()
    if result.reused is not None:
        print(f"Already on this computer ({result.reused.source_label}): {result.path}", file=out)
    else:
        print(
            f"Downloaded and verified (sha256 {result.remote.sha256[:12]}…): {result.path}",
            file=out,
        )
    return 0


def _login(out: TextIO, err: TextIO) -> int:
    from composer import secrets

    prompt = "Hugging Face token (input hidden): "
    token = (getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()).strip()
    if not token:
        print("No token given; nothing was saved.", file=err)
        return 1
    secrets.set_secret(secrets.HF_TOKEN, token)
    print("Token saved in the system keychain.", file=out)
    return 0


def _logout(out: TextIO, err: TextIO) -> int:
    from composer import secrets

    if secrets.delete_secret(secrets.HF_TOKEN):
        print("Token removed from the system keychain.", file=out)
    else:
        print("No token was stored; nothing was removed.", file=out)
    return 0


class _ProgressPrinter:
    """One updating line on a terminal; a line every few seconds in a log."""

    LOG_EVERY = 5.0

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._last = 0.0
        self._shown = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self._tty and now - self._last < self.LOG_EVERY and progress.state != "verifying":
            return
        self._last = now
        eta = f", {human_duration(progress.eta)} left" if progress.eta is not None else ""
        line = (
            f"{progress.state:<11} {progress.fraction:6.1%}  {human_size(progress.done)} of "
            f"{human_size(progress.total)}  {human_size(progress.speed)}/s{eta}"
        )
        if self._tty:
            self._stream.write("\r" + line.ljust(78))
        else:
            self._stream.write(line + "\n")
        self._stream.flush()
        self._shown = True

    def end(self) -> None:
        if self._tty and self._shown:
            self._stream.write("\n")
            self._stream.flush()
        self._shown = False


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
