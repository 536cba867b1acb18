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

from composer.engine.base import Cancelled

MARKER = "COMPOSER-TRIAL:"
CACHE_NAME = "verified-models.json"
_CACHE_LIMIT = 200  # entries kept (newest)

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
    with path.open("rb") as handle:
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


def is_verified(key: str, cache: Path | None = None) -> bool:
    try:
        data = json.loads((cache or _cache_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and key in data.get("verified", {})


def remember(key: str, cache: Path | None = None) -> None:
    from composer.fileio import write_json_atomic

    cache = cache or _cache_file()
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        verified = dict(data.get("verified", {})) if isinstance(data, dict) else {}
    except (OSError, ValueError, AttributeError):
        verified = {}
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


def crash_line(stderr: str) -> str | None:
    """The last line of the child's output that says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        if any(word in line.lower() for word in _ERROR_WORDS):
            return line[:300]
    return None


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def run_trial(
    path: Path,
    llama_kwargs: dict[str, Any],
    env: dict[str, str],
    template: str | None = None,
    timeout: float = 120.0,
    cancel: threading.Event | None = None,
) -> TrialResult:
    """Load *path* in a child and write a few tokens; never raises but Cancelled."""
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
                    )
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER):
            answer = json.loads(line[len(MARKER) :])
            ok = bool(answer.get("ok"))
            return TrialResult(ok, str(answer.get("error") or ""), seconds, crashed=False)
    why = crash_line(stderr)
    status = f"it ended with {_signal_name(code)}" if code < 0 else f"it exited with code {code}"
    return TrialResult(False, f"{why} ({status})" if why else status, seconds)


# -- the child -------------------------------------------------------------
def _trial(request: dict[str, Any]) -> dict[str, Any]:
    from composer.engine.chat_template import TEST_CONVERSATION, ChatTemplate
    from composer.engine.llama_load import new_llama
    from composer.engine.llama_log import llama_log_tap, load_error

    def echo(buffer: Any) -> None:  # keep llama.cpp's lines on stderr for the parent
        sys.stderr.write(buffer.getvalue())
        sys.stderr.flush()

    with llama_log_tap() as log:
        try:
            llm = new_llama(request["path"], **request["kwargs"])
        except Exception as exc:
            echo(log)
            return {"ok": False, "error": load_error(log.getvalue()) or str(exc)}
    model = llm._model
    # Byte tokens: a vocabulary missing one aborts here, not in the user's session.
    llm.tokenize(BYTE_TEXT.encode("utf-8"), add_bos=True, special=False)
    prompt = PROMPT
    template = request.get("template")
    if template:
        try:
            eos = model.token_get_text(model.token_eos()) if model.token_eos() != -1 else ""
            bos = model.token_get_text(model.token_bos()) if model.token_bos() != -1 else ""
            prompt = ChatTemplate(template, bos, eos).render(list(TEST_CONVERSATION)).prompt
        except Exception as exc:  # an unusable template means the fallback, not a crash
            sys.stderr.write(f"template unusable: {type(exc).__name__}\n")
    tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=not template, special=bool(template))
    tokens = tokens[-min(len(tokens), max(8, llm.n_ctx() - 16)) :]
    pieces = llm.create_completion(prompt=tokens, max_tokens=8, temperature=0.0, stream=True)
    for _ in pieces:
        pass
    llm.close()
    return {"ok": True}


def main() -> int:
    request = json.loads(sys.stdin.read())
    answer = _trial(request)
    sys.stdout.write("\n" + MARKER + json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
