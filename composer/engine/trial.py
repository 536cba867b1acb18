"""First use of a model file: load it and write a few tokens in a child process.

llama.cpp answers some damaged or hostile files with an abort (GGML_ASSERT,
an uncaught C++ exception), and some GPU drivers crash on load: in-process,
that would take the whole app with it. So the first time a file is used with
this llama.cpp build and this device plan, a child process (the same
interpreter, ``python -m composer.engine.trial``) loads it, tokenizes text
that needs byte tokens, reads a prompt, writes a few tokens and renders the
chat template. Only a file that survives is loaded in-process; the success is
remembered (a small JSON file keyed by the file's size, mtime, a hash of its
header, the build and the plan), so later loads skip the child.

The parent never logs the child's text beyond llama.cpp's own error lines,
and the child is given no user text.

How the child ended says whose fault it was. A signal (a negative return
code: SIGABRT from GGML_ASSERT, SIGSEGV) is llama.cpp crashing on the file.
A Python exception raised by llama-cpp-python itself (RuntimeError,
ValueError) is llama.cpp refusing the file cleanly. Any other Python
exception (an ImportError of a broken installation, a bug of ours) is
Composer's own fault: the child reports it as a structured line with its own
exit code, or Python prints a traceback before the child could, and
run_trial raises TrialError with a sentence that says so instead of blaming
the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.engine.base import Cancelled, EngineError
from composer.fileio import open_regular, read_json_regular
from composer.messages import user_message
from composer.modelfile.printable import LINE_CHARS, TITLE_CHARS, printable

MARKER = "COMPOSER-TRIAL:"
CACHE_NAME = "verified-models.json"
_CACHE_LIMIT = 200  # entries kept (newest)
_CACHE_BYTES = 1 << 20  # 200 entries take ~20 kB; anything far larger is not ours
# The child's exit status after reporting a Python error of its own (EX_SOFTWARE
# in sysexits.h): not 1 (any uncaught exception) nor 3 (abort() on Windows).
PYTHON_ERROR_EXIT = 70

# Every byte a UTF-8 text can hold: ASCII controls and letters, one character
# per lead byte (2-, 3- and 4-byte forms) and every continuation byte. A
# SentencePiece vocabulary spells what it lacks with <0xNN> byte tokens.
BYTE_TEXT = (
    "".join(chr(c) for c in range(1, 128))
    + "".join(chr(0x80 + i) for i in range(64))  # C2 80 .. C2 BF: every continuation byte
    + "".join(chr((lead - 0xC0) << 6) for lead in range(0xC3, 0xE0))
    + "".join(chr(max(0x800, (lead - 0xE0) << 12)) for lead in range(0xE0, 0xF0))
    + "".join(chr(max(0x10000, (lead - 0xF0) << 18)) for lead in range(0xF0, 0xF5))
)
PROMPT = "Dear Zoë, thanks for the café visit — 日本語 ✉ 🙂. Best,"


@dataclass(frozen=True)
class TrialResult:
    ok: bool
    message: str = ""  # why not (a sentence part naming llama.cpp's error or the signal)
    seconds: float = 0.0
    crashed: bool = True  # False: llama.cpp refused the file cleanly (no crash)
    hung: bool = False  # the check did not end within its time (stopped, not crashed)


class TrialError(EngineError):
    """The first-use check failed on an error in Composer itself, not in the model file."""


def _our_fault(path: Path, why: str) -> TrialError:
    return TrialError(
        user_message(
            "Engine",
            "The first-use check of “%1” stopped on an error in Composer itself (%2), so the "
            "model was not loaded. The file may be fine: this is a fault of Composer or of "
            "its installation.",
        ).arg(printable(path.name, TITLE_CHARS), why)
    )


def build_id() -> str:
    """The llama.cpp build in use: package version and its shared libraries."""
    import llama_cpp

    lib = Path(llama_cpp.__file__).parent / "lib"
    parts = [str(getattr(llama_cpp, "__version__", "?"))]
    try:
        for item in sorted(lib.iterdir()):
            stat = item.stat()
            parts.append(f"{item.name}:{stat.st_size}:{int(stat.st_mtime)}")
    except OSError:
        pass
    return ";".join(parts)


def header_hash(path: Path, header_bytes: int) -> str:
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as handle:  # a FIFO swapped in never blocks us
        remaining = header_bytes
        while remaining > 0:
            block = handle.read(min(remaining, 1 << 20))
            if not block:
                break
            digest.update(block)
            remaining -= len(block)
    return digest.hexdigest()


def cache_key(
    path: Path, header_bytes: int, llama_kwargs: dict[str, Any], env: dict[str, str]
) -> str:
    stat = path.stat()
    facts = {
        "size": stat.st_size,
        "mtime": stat.st_mtime_ns,
        "header": header_hash(path, header_bytes),
        "build": build_id(),
        "plan": llama_kwargs,
        "env": env,
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


def _cache_file() -> Path:
    from composer.paths import app_paths

    return app_paths().cache / CACHE_NAME


def _read_verified(cache: Path) -> dict[str, Any]:
    """The verified keys in *cache*; {} when absent or unreadable.

    Read through the regular-file guard: a FIFO or a device in its place is
    refused at once instead of blocking the engine thread for good. An
    unreadable cache is damaged in the only way that matters here (the check
    runs again); the next remember() replaces it.
    """
    try:
        data = read_json_regular(cache, _CACHE_BYTES)
    except (OSError, ValueError):  # ValueError: not JSON, not UTF-8, or too large
        return {}
    verified = data.get("verified") if isinstance(data, dict) else None
    return dict(verified) if isinstance(verified, dict) else {}


def is_verified(key: str, cache: Path | None = None) -> bool:
    return key in _read_verified(cache or _cache_file())


def remember(key: str, cache: Path | None = None) -> None:
    from composer.fileio import write_json_atomic

    cache = cache or _cache_file()
    verified = _read_verified(cache)
    verified[key] = int(time.time())
    newest = sorted(verified.items(), key=lambda kv: kv[1])[-_CACHE_LIMIT:]
    try:
        write_json_atomic(cache, {"verified": dict(newest)})
    except OSError:
        pass  # an unwritable cache only costs the check again next time


def _child_env(env: dict[str, str]) -> dict[str, str]:
    child = dict(os.environ)
    child.update(env)
    root = str(Path(__file__).resolve().parents[2])
    child["PYTHONPATH"] = os.pathsep.join(p for p in (root, child.get("PYTHONPATH", "")) if p)
    return child


_ERROR_WORDS = ("error", "failed", "assert", "terminate", "what()", "exception", "abort")
# What Python writes when it ends on an exception it could not hand to the
# child's own report (an import at start-up, `python -m` not finding the module).
_PYTHON_DIED = ("Traceback (most recent call last):", "Error while finding module specification")


def crash_line(stderr: str) -> str | None:
    """The last line of the child's output that says what went wrong (printable, cut)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        if any(word in line.lower() for word in _ERROR_WORDS):
            return printable(line, LINE_CHARS)
    return None


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def _python_died(code: int, stderr: str) -> str | None:
    """The exception line when the child ended on a Python error it did not report itself."""
    if code != 1 or not any(sign in stderr for sign in _PYTHON_DIED):
        return None
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return printable(lines[-1], LINE_CHARS) if lines else "Python error"


def _answer(stdout: str) -> dict[str, Any] | None:
    """The child's own report (the last marker line), None when it wrote none."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER):
            try:
                answer = json.loads(line[len(MARKER) :])
            except ValueError:
                return None
            return answer if isinstance(answer, dict) else None
    return None


def read_outcome(path: Path, code: int, stdout: str, stderr: str, seconds: float) -> TrialResult:
    """What the child's exit says: a result, or TrialError when Composer itself failed.

    Every text from the child is made printable and cut: llama.cpp's lines
    quote the file's tensor names and keys.
    """
    answer = _answer(stdout)
    if answer is not None and answer.get("python_error"):
        raise _our_fault(path, printable(answer["python_error"], LINE_CHARS))
    if answer is not None:
        why = printable(answer.get("error") or "", LINE_CHARS)
        return TrialResult(bool(answer.get("ok")), why, seconds, crashed=False)
    python_error = _python_died(code, stderr)
    if python_error is not None:
        raise _our_fault(path, python_error)
    line = crash_line(stderr)
    status = f"it ended with {_signal_name(code)}" if code < 0 else f"it exited with code {code}"
    return TrialResult(False, f"{line} ({status})" if line else status, seconds)


def run_trial(
    path: Path,
    llama_kwargs: dict[str, Any],
    env: dict[str, str],
    template: str | None = None,
    timeout: float = 120.0,
    cancel: threading.Event | None = None,
) -> TrialResult:
    """Load *path* in a child and write a few tokens.

    Raises only Cancelled, and TrialError when the check failed on an error in
    Composer itself (the file is then not to blame; see the module docstring).
    """
    request = {"path": str(path), "kwargs": llama_kwargs, "template": template}
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            child = subprocess.Popen(
                [sys.executable, "-m", "composer.engine.trial"],
                stdin=subprocess.PIPE,
                stdout=out,
                stderr=err,
                env=_child_env(env),
            )
        except OSError as exc:
            return TrialResult(False, f"the check could not start ({exc})")
        try:
            assert child.stdin is not None
            child.stdin.write(json.dumps(request).encode())
            child.stdin.close()
        except OSError:
            pass  # the child died at once: its exit status says why
        code = None
        while code is None:
            try:
                code = child.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                if cancel is not None and cancel.is_set():
                    child.kill()
                    child.wait()
                    raise Cancelled() from None
                if time.monotonic() - started > timeout:
                    child.kill()
                    child.wait()
                    return TrialResult(
                        False,
                        f"loading it did not finish within {timeout:.0f} seconds",
                        time.monotonic() - started,
                        crashed=False,
                        hung=True,
                    )
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return read_outcome(path, code, stdout, stderr, seconds)


# -- the child -------------------------------------------------------------
def _llama_refused(exc: Exception) -> bool:
    """Whether *exc* is llama-cpp-python reporting that llama.cpp failed on the file.

    It raises RuntimeError or ValueError from its own code for that ("Failed
    to load model from file", "llama_decode returned -1"). Anything else, or
    raised elsewhere, is an error of Composer or of the installation.
    """
    if not isinstance(exc, (RuntimeError, ValueError)):
        return False
    import llama_cpp

    package = str(Path(llama_cpp.__file__).parent)
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return frame is not None and frame.tb_frame.f_code.co_filename.startswith(package)


def _refusal(exc: Exception, log_text: str = "") -> dict[str, Any]:
    from composer.engine.llama_log import load_error

    return {"ok": False, "error": load_error(log_text) or str(exc) or type(exc).__name__}


def _trial(request: dict[str, Any]) -> dict[str, Any]:
    from composer.engine.chat_template import TEST_CONVERSATION, ChatTemplate
    from composer.engine.llama_load import new_llama
    from composer.engine.llama_log import llama_log_tap

    def echo(buffer: Any) -> None:  # keep llama.cpp's lines on stderr for the parent
        sys.stderr.write(buffer.getvalue())
        sys.stderr.flush()

    with llama_log_tap() as log:
        try:
            llm = new_llama(request["path"], **request["kwargs"])
        except Exception as exc:
            echo(log)
            if not _llama_refused(exc):
                raise  # ours: main() reports it as such
            return _refusal(exc, log.getvalue())
    template = request.get("template")
    prompt = PROMPT
    if template:
        try:
            model = llm._model
            eos = model.token_get_text(model.token_eos()) if model.token_eos() != -1 else ""
            bos = model.token_get_text(model.token_bos()) if model.token_bos() != -1 else ""
            prompt = ChatTemplate(template, bos, eos).render(list(TEST_CONVERSATION)).prompt
        except Exception as exc:  # an unusable template means the fallback, not a crash
            sys.stderr.write(f"template unusable: {type(exc).__name__}\n")
    try:
        _write_a_little(llm, prompt, bool(template))
    except Exception as exc:
        if not _llama_refused(exc):
            raise
        return _refusal(exc)
    llm.close()
    return {"ok": True}


def _write_a_little(llm: Any, prompt: str, templated: bool) -> None:
    """Tokenize every byte, read *prompt* and write a few tokens: where a bad file aborts."""
    # Byte tokens: a vocabulary missing one aborts here, not in the user's session.
    llm.tokenize(BYTE_TEXT.encode("utf-8"), add_bos=True, special=False)
    tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=not templated, special=templated)
    tokens = tokens[-min(len(tokens), max(8, llm.n_ctx() - 16)) :]
    pieces = llm.create_completion(prompt=tokens, max_tokens=8, temperature=0.0, stream=True)
    for _ in pieces:
        pass


def _report(answer: dict[str, Any]) -> None:
    sys.stdout.write("\n" + MARKER + json.dumps(answer) + "\n")
    sys.stdout.flush()


def main() -> int:
    try:
        answer = _trial(json.loads(sys.stdin.read()))
    except Exception as exc:  # Composer's own fault (or its installation's), not the file's
        import traceback

        traceback.print_exc()  # for a developer reading the child's stderr
        _report({"ok": False, "python_error": f"{type(exc).__name__}: {exc}"})
        return PYTHON_ERROR_EXIT
    _report(answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
