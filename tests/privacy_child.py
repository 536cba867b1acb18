"""Run by tests/test_privacy.py: the real compose window, watched.

Two things are recorded while a user drafts from a prompt, accepts the draft
and proofreads it with a local model:

* every network connection attempt (``install_guard``): socket.connect,
  connect_ex, sendto, socket.create_connection and host name lookups are
  recorded and refused unless they stay on this machine (AF_UNIX: D-Bus; a
  lookup of a numeric or loopback address). The test puts a sitecustomize.py
  that calls ``install_guard`` on PYTHONPATH, so Python children of the app
  (the hardware probe, the model trial) are guarded too;
* every log record at DEBUG, root and composer.* loggers alike, Qt's own
  messages and Python warnings included (``capture_logs``).

Usage: python privacy_child.py MODEL_PATH OUT_DIR. Writes OUT_DIR/logs.jsonl
(one record a line), OUT_DIR/texts.json (what the user wrote and what the
model answered: what must not leak) and prints one JSON line of results
without any of that text. Connection attempts go to the file named by
COMPOSER_PRIVACY_RECORD.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import time
import traceback
from pathlib import Path
from typing import Any

RECORD_ENV = "COMPOSER_PRIVACY_RECORD"

# What the user writes: distinctive, so that any copy of it in a log is found.
TO = "okonkwo.valdez@zorblatt-fisheries.example"
SUBJECT = "Invoice QX-4471 for the Quixotic Heron refit"
BODY = (
    "Dear Ms Okonkwo-Valdez,\n\n"
    "thank you for the revised quote for the Quixotic Heron. The hull repaint "
    "and the new bilge pumps look right; the teak decking is more than we hoped "
    "to spend, so could we talk about a cheaper larch option on Thursday?\n\n"
    "Best regards,\nMarguerite Iliescu-Banerjee"
)
PROMPT = "Reply that Marguerite accepts the larch decking and asks for delivery by 14 November"

LOAD_TIMEOUT_S = 180
GEN_TIMEOUT_S = 240


def _record(kind: str, family: int | None, address: object) -> None:
    path = os.environ.get(RECORD_ENV)
    entry = {
        "pid": os.getpid(),
        "argv": sys.argv[:3],
        "kind": kind,
        "family": family,
        "address": repr(address)[:300],
        "stack": "".join(traceback.format_stack(limit=15))[-3000:],
    }
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")


def _local_host(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    text = str(host).strip("[]").lower()
    return text in ("localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "")


def install_guard() -> None:
    """Record and refuse every connection that could leave this machine."""
    if getattr(socket, "_composer_guarded", False):
        return
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_sendto = socket.socket.sendto
    original_getaddrinfo = socket.getaddrinfo
    original_gethostbyname = socket.gethostbyname
    original_gethostbyname_ex = socket.gethostbyname_ex
    local_unix = getattr(socket, "AF_UNIX", None)

    def refused(kind: str, family: int | None, address: object) -> OSError:
        _record(kind, family, address)
        return ConnectionRefusedError(f"network use refused by the privacy test: {address!r}")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family != local_unix:
            raise refused("connect", int(self.family), address)
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family != local_unix:
            refused("connect_ex", int(self.family), address)
            return 111  # ECONNREFUSED
        return original_connect_ex(self, address)

    def sendto(self: socket.socket, *args: Any) -> int:
        if self.family != local_unix:
            raise refused("sendto", int(self.family), args[-1])
        return original_sendto(self, *args)  # type: ignore[call-overload]

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise refused("create_connection", None, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _local_host(host):
            _record("getaddrinfo", None, host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookup refused by the privacy test")
        return original_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host: str) -> str:
        if not _local_host(host):
            _record("gethostbyname", None, host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookup refused by the privacy test")
        return original_gethostbyname(host)

    def gethostbyname_ex(host: str) -> Any:
        if not _local_host(host):
            _record("gethostbyname_ex", None, host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookup refused by the privacy test")
        return original_gethostbyname_ex(host)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign,assignment]
    socket.create_connection = create_connection  # type: ignore[assignment]
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname
    socket.gethostbyname_ex = gethostbyname_ex
    socket._composer_guarded = True  # type: ignore[attr-defined]


class _JsonLines(logging.Handler):
    def __init__(self, path: Path) -> None:
        super().__init__(logging.DEBUG)
        self._out = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()  # the format with its args: what a log file holds
        except Exception as exc:  # a broken format is itself worth seeing
            message = f"{record.msg!r} % {record.args!r} ({exc})"
        exc_text = ""
        if record.exc_info:
            exc_text = "".join(traceback.format_exception(*record.exc_info))
        line = {
            "logger": record.name,
            "level": record.levelname,
            "message": message,
            "exc": exc_text,
            "stack": record.stack_info or "",
        }
        self._out.write(json.dumps(line) + "\n")


def capture_logs(path: Path) -> None:
    """Everything at DEBUG, from every logger, into *path*."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    root.addHandler(_JsonLines(path))
    logging.captureWarnings(True)
    _all_composer_loggers_to_debug()


def _all_composer_loggers_to_debug() -> None:
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and (
            name == "composer" or name.startswith("composer.")
        ):
            logger.setLevel(logging.DEBUG)
            logger.disabled = False


def _wait(app: Any, done: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def _use_it_anyway(review: Any) -> None:
    """Take the draft even where the request check asks first (a fact of the prompt
    missing or a new one: the real model's draft may do either; not what this
    test is about)."""
    from PySide6.QtWidgets import QMessageBox

    box = review.findChild(QMessageBox, "requestCheckBox")
    if box is not None:
        role = QMessageBox.ButtonRole.AcceptRole
        [use] = [button for button in box.buttons() if box.buttonRole(button) is role]
        use.click()


def main() -> None:
    model_path, out_dir = sys.argv[1], Path(sys.argv[2])
    install_guard()  # again, in case sitecustomize was not picked up
    capture_logs(out_dir / "logs.jsonl")

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qt_log = logging.getLogger("qt")

    def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
        qt_log.log(level, "%s", message)

    qInstallMessageHandler(on_qt_message)

    from composer.assist.actions import Action
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.paths import app_paths
    from composer.settings import Settings

    app = QApplication([])
    paths = app_paths().ensure()
    settings = Settings(assistant="local", max_tokens=48, context_size=2048)
    window = ComposeWindow(settings, paths, model_override=model_path)
    window.show()
    _all_composer_loggers_to_debug()  # loggers the imports above created
    # Proof that DEBUG records of composer.* loggers reach the capture, before and after.
    check = logging.getLogger("composer.privacy_check")
    check.debug("capture check: %s", "start")

    result: dict[str, Any] = {"loaded": False, "drafted": False, "accepted": False}
    texts: dict[str, Any] = {"to": TO, "subject": SUBJECT, "body": BODY, "prompt": PROMPT}
    try:
        _wait(
            app,
            lambda: window.assistant.state is AssistantState.READY,
            LOAD_TIMEOUT_S,
            "the model to load",
        )
        result["loaded"] = True

        window.to_field.setText(TO)
        window.subject_field.setText(SUBJECT)
        window.body.setPlainText(BODY)
        window.assistant_panel.prompt.setText(PROMPT)
        window.assistant_panel.draft_button.click()
        _wait(
            app,
            lambda: window.assistant.state is not AssistantState.GENERATING,
            GEN_TIMEOUT_S,
            "the draft",
        )
        result["state_after_draft"] = window.assistant.state.name
        result["drafted"] = window.assistant.state is AssistantState.REVIEW
        session = window.assistant.review
        texts["draft"] = session.current_text() if session is not None else ""
        result["draft_chars"] = len(texts["draft"])
        review = window.assistant_panel.review
        if result["drafted"] and review.accept_all_button.isEnabled():
            review.accept_all_button.click()
            app.processEvents()
            _use_it_anyway(review)
        drafted_body = window.body.toPlainText()
        result["accepted"] = drafted_body != BODY
        texts["drafted_body"] = drafted_body

        window.run_action(Action.PROOFREAD)
        _wait(
            app,
            lambda: window.assistant.state is not AssistantState.GENERATING,
            GEN_TIMEOUT_S,
            "the proofreading",
        )
        result["state_after_proofread"] = window.assistant.state.name
        result["proofread"] = window.assistant.state is AssistantState.REVIEW
        session = window.assistant.review
        texts["proofread"] = session.current_text() if session is not None else ""
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        (out_dir / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        window.close()  # saves the draft, frees the model, joins the engine thread
        app.processEvents()
        check.debug("capture check: %s", "end")
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
