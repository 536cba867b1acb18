"""What the product promises about privacy, checked on the real app (issue 9).

* No network that the user did not start: the compose window runs in a child
  process where every socket connection that could leave the machine is
  recorded and refused (AF_UNIX stays allowed: D-Bus), Python children of the
  app included; the user drafts from a prompt, accepts, and proofreads with
  the local starter model. Not one attempt may be recorded.
* No log line contains the email's text or the prompt: the same run logs
  everything at DEBUG (root and every composer.* logger, Qt's messages and
  Python warnings routed there too); no record, formatted with its args and
  any traceback, may contain the recipients, the subject, the body, the
  prompt, or the model's answers, nor a distinctive piece of any of them.

One child run (a model load and two generations) serves both tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
CHILD = TESTS / "privacy_child.py"
CHILD_TIMEOUT_S = 600
WINDOW = 16  # characters: a piece of the user's text this long is distinctive


def _guarded_env(tmp: Path) -> tuple[dict[str, str], Path]:
    """An environment whose Python processes all start with the socket guard."""
    site = tmp / "site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitecustomize.py").write_text(
        "import privacy_child\nprivacy_child.install_guard()\n", encoding="utf-8"
    )
    record = tmp / "connections.jsonl"
    env = dict(os.environ)
    env.update(
        COMPOSER_HOME=str(tmp / "home"),
        QT_QPA_PLATFORM="offscreen",
        COMPOSER_PRIVACY_RECORD=str(record),
        PYTHONPATH=os.pathsep.join(
            p for p in (str(site), str(TESTS), str(ROOT), env.get("PYTHONPATH", "")) if p
        ),
    )
    return env, record


def _attempts(record: Path) -> list[dict]:
    if not record.exists():
        return []
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines() if line]


def _describe(attempts: list[dict]) -> str:
    return "\n\n".join(
        f"{a['kind']} {a['address']} (pid {a['pid']}, {a['argv']}):\n{a['stack']}" for a in attempts
    )


@pytest.fixture(scope="module")
def privacy_run(starter_model_path, tmp_path_factory):
    """The compose window drafting and proofreading under the guard; its records."""
    tmp = tmp_path_factory.mktemp("privacy")
    env, record = _guarded_env(tmp)
    out = tmp / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, str(CHILD), str(starter_model_path), str(out)],
        env=env,
        cwd=str(tmp),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, (
        f"the child failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    )
    result = json.loads(lines[-1])
    logs = [
        json.loads(line)
        for line in (out / "logs.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    texts = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    return {
        "result": result,
        "attempts": _attempts(record),
        "logs": logs,
        "texts": texts,
        "stderr": done.stderr,
    }


def test_the_guard_records_and_refuses_connections(tmp_path):
    """The guard is not vacuous: a child that tries to go out is stopped and seen."""
    env, record = _guarded_env(tmp_path)
    script = (
        "import socket, json\n"
        "outcomes = []\n"
        "for attempt in (\n"
        "    lambda: socket.create_connection(('203.0.113.7', 443), timeout=1),\n"
        "    lambda: socket.socket().connect(('127.0.0.1', 9)),\n"
        "    lambda: socket.getaddrinfo('huggingface.co', 443),\n"
        "):\n"
        "    try:\n"
        "        attempt()\n"
        "        outcomes.append('went out')\n"
        "    except OSError:\n"
        "        outcomes.append('refused')\n"
        "a, b = socket.socketpair(socket.AF_UNIX)\n"  # AF_UNIX (D-Bus) stays allowed
        "a.sendall(b'x'); outcomes.append(b.recv(1).decode())\n"
        "print(json.dumps(outcomes))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == ["refused", "refused", "refused", "x"]
    kinds = [a["kind"] for a in _attempts(record)]
    assert kinds == ["create_connection", "connect", "getaddrinfo"]


@pytest.mark.slow
def test_no_network_the_user_did_not_start(privacy_run):
    result = privacy_run["result"]
    assert "error" not in result, result
    assert result["loaded"] and result["drafted"] and result["draft_chars"] > 0, result
    assert result["accepted"], result
    assert result["state_after_proofread"] in ("REVIEW", "READY"), result
    attempts = privacy_run["attempts"]
    assert not attempts, f"{len(attempts)} network attempt(s):\n{_describe(attempts)}"


def _pieces(text: str, size: int = WINDOW) -> set[str]:
    """Every run of *size* characters of *text* that holds at least two words."""
    pieces = set()
    for start in range(max(len(text) - size + 1, 0)):
        piece = text[start : start + size]
        if len(re.findall(r"[^\W\d_]{3,}", piece)) >= 2:
            pieces.add(piece)
    return pieces


def _distinctive_words(text: str) -> set[str]:
    """Names and numbers a log line has no reason to carry."""
    return {w for w in re.findall(r"[\w@.-]{7,}", text) if not w.islower() or "@" in w}


def _needles(texts: dict) -> set[str]:
    """The user's text, the model's answers, and distinctive pieces of them."""
    mine = [texts["to"], texts["subject"], texts["body"], texts["prompt"]]
    answers = [t for t in (texts.get("draft", ""), texts.get("proofread", "")) if t]
    needles = set(mine) | {a for a in answers if len(a) >= WINDOW}
    for text in mine:
        needles |= _pieces(text) | _distinctive_words(text)
    for text in answers:
        needles |= _pieces(text, 32)  # the tiny model repeats common phrases: longer pieces
    return {n for n in needles if n.strip()}


def _leaks(logs: list[dict], texts: dict) -> list[str]:
    needles = _needles(texts)
    leaks = []
    for record in logs:
        line = "\n".join((record["message"], record["exc"], record["stack"]))
        found = sorted((n for n in needles if n in line), key=len, reverse=True)
        if found:
            leaks.append(f"{record['logger']} {record['level']}: {found[0]!r} in {line[:300]!r}")
    return leaks


def test_the_leak_check_finds_a_piece_of_the_email():
    """The check is not vacuous: a log line quoting a bit of the email is caught."""
    from privacy_child import BODY, PROMPT, SUBJECT, TO

    texts = {"to": TO, "subject": SUBJECT, "body": BODY, "prompt": PROMPT, "draft": ""}

    def record(message: str) -> dict:
        return {
            "logger": "composer.x",
            "level": "DEBUG",
            "message": message,
            "exc": "",
            "stack": "",
        }

    innocent = [record("Generation finished: 48 tokens in 1.2 s"), record("capture check: end")]
    assert _leaks(innocent, texts) == []
    for quoted in (BODY[40:60], "Iliescu-Banerjee", PROMPT[10:30], SUBJECT, TO):
        assert _leaks([record(f"request: ...{quoted}...")], texts), quoted


@pytest.mark.slow
def test_no_log_line_contains_the_email_or_the_prompt(privacy_run):
    result, texts, logs = privacy_run["result"], privacy_run["texts"], privacy_run["logs"]
    assert result["drafted"], result  # the model did write: there was text to leak
    checks = [r["message"] for r in logs if r["logger"] == "composer.privacy_check"]
    assert checks == ["capture check: start", "capture check: end"], "the DEBUG capture failed"

    leaks = _leaks(logs, texts)
    assert not leaks, "log records carry the user's text:\n" + "\n".join(leaks)

    # What the app and llama.cpp write to stderr is a log too.
    stderr = privacy_run["stderr"]
    in_stderr = sorted((n for n in _needles(texts) if n in stderr), key=len, reverse=True)
    assert not in_stderr, f"stderr carries the user's text: {in_stderr[:3]!r}"
