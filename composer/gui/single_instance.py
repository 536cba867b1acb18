"""One running Composer per user and profile: a second start hands its items over.

Composer is the desktop's mailto: and .eml handler, so every click on a link
starts `composer ITEM`; each would load the model again. Instead the first
start listens on a local socket, and a later one sends it what to open and
exits (status 0). The running one opens the windows through the
WindowManager and brings the newest to the front.

Where: one folder of this user's only (0700, checked: owned by us, not a
link), the runtime folder (``$XDG_RUNTIME_DIR/composer-private-mail``) or
``COMPOSER_HOME/run`` when COMPOSER_HOME is set; when that path is too long
for a socket address, ``<temp>/composer-<uid>``. The socket's name hashes the
user and the profile (COMPOSER_HOME, else the config folder), so two
profiles never talk to each other; on Windows it is a named pipe of that
name. The socket file is 0700 too (UserAccessOption); no other user reaches it.

Who listens: QLocalServer with UserAccessOption replaces a socket file that is
in use instead of failing (QTBUG-48635), so the choice is made under a lock
file beside the socket: connect; nobody there (connection refused: a crashed
instance's stale file) → remove it and listen. Two starts at the same moment
therefore give one server and one hand-over.

The protocol, one JSON line each way (UTF-8, ASCII-escaped)::

    → {"protocol": 1, "items": ["mailto:…", "/abs/path.eml"], "new_window": false,
       "activation_token": ""}
    ← {"protocol": 1, "ok": true}    or    {"protocol": 1, "ok": false, "reason": "ending"}

Items are mailto: links, file: URLs or absolute paths: the sender resolves
relative paths against its own working folder. A request over
MAX_REQUEST_BYTES, not UTF-8 JSON, of another protocol version or with a
malformed item is refused and the connection closed; a peer that does not
finish its line within READ_TIMEOUT_MS is dropped; the server never waits on
a peer (it reads on readyRead). The sender blocks, but briefly: it runs
before any window exists. If the running instance is ending, answers
nothing or refuses, the sender runs as an instance of its own, so a link is
never lost. Nothing the user opens is logged.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QLockFile,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from composer import APP_ID
from composer.fileio import make_private_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.gui.windows import WindowManager

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_REQUEST_BYTES = 1 << 20  # one request line, without its newline
MAX_REPLY_BYTES = 4096
MAX_ITEM_CHARS = 1 << 16  # a mailto: link with a body can be long, a path cannot
MAX_TOKEN_CHARS = 512
MAX_CONNECTIONS = 8  # peers being read at once; more are closed at once
READ_TIMEOUT_MS = 3000  # the server drops a peer whose line is not complete by then
CONNECT_TIMEOUT_MS = 1000
WRITE_TIMEOUT_MS = 1000
# The running instance answers from its event loop: while it builds its first
# windows (a start a moment earlier) that takes a few seconds.
REPLY_TIMEOUT_MS = 5000
LOCK_TIMEOUT_MS = 10000  # longer than one sender's connect + write + reply + probe
# Files in $XDG_RUNTIME_DIR untouched for 6 hours may be cleaned away (XDG base
# directory specification): the socket's access time is refreshed well before.
TOUCH_INTERVAL_MS = 3 * 60 * 60 * 1000
# sun_path holds 108 bytes on Linux, 104 on macOS (with the final NUL).
MAX_SOCKET_PATH_BYTES = 103


# -- where -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """Where the running instance listens: *name* for QLocalServer, a lock beside it."""

    name: str  # a socket file's path (POSIX) or a pipe name (Windows)
    lock_path: Path


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no USER/LOGNAME and no passwd entry
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _profile() -> str:
    """What makes one profile's instance another's: COMPOSER_HOME, else the config folder."""
    from composer.paths import app_paths

    home = os.environ.get("COMPOSER_HOME")
    if home:
        try:
            return str(Path(home).resolve())
        except OSError:
            return home
    return str(app_paths().config)


def socket_key() -> str:
    """A short hash of the user and the profile: the socket's name in its folder."""
    raw = f"{_user()}\0{_profile()}".encode("utf-8", "surrogateescape")
    return "composer-" + hashlib.sha256(raw).hexdigest()[:16]


def _candidate_folders() -> list[Path]:
    """The socket's folder, best first: COMPOSER_HOME/run or the runtime folder, then temp."""
    folders = []
    home = os.environ.get("COMPOSER_HOME")
    if home:
        folders.append(Path(home) / "run")
    else:
        import platformdirs

        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset or unsafe, then
            # falls back to a safe folder of its own: that is what we want.
            warnings.simplefilter("ignore")
            try:
                folders.append(Path(platformdirs.user_runtime_dir(APP_ID, appauthor=False)))
            except OSError:  # its own fallback is unsafe (someone else's): ours is checked
                pass
    uid = os.getuid() if hasattr(os, "getuid") else _user()
    folders.append(Path(tempfile.gettempdir()) / f"composer-{uid}")
    return folders


def private_folder(folder: Path) -> bool:
    """Create *folder* 0700 and check that it is ours alone: a directory, not a link.

    A folder someone else made (a shared temporary folder) or left open to
    others is not used: their process could listen in our place.
    """
    try:
        make_private_dir(folder)
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False  # a symbolic link, or a file in the way
    if os.name != "posix":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077


def instance_address() -> Address | None:
    """Where this user's instance of this profile listens; None when no safe folder exists."""
    key = socket_key()
    for folder in _candidate_folders():
        socket_path = folder / key
        if os.name == "posix" and len(os.fsencode(socket_path)) > MAX_SOCKET_PATH_BYTES:
            continue
        if not private_folder(folder):
            log.info("Single instance: a socket folder is not private; trying another")
            continue
        name = str(socket_path) if os.name == "posix" else key
        return Address(name=name, lock_path=folder / f"{key}.lock")
    return None


# -- what -----------------------------------------------------------------------------


class InvalidRequest(ValueError):
    """A request line that is not one of ours; *reason* is for the log (no user data)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OtherProtocol(InvalidRequest):
    """A well-formed request of another protocol version (an older or newer Composer)."""


@dataclass(frozen=True)
class HandOver:
    """What a start asks the running instance to open."""

    items: tuple[str, ...] = ()  # mailto: links, file: URLs, absolute paths
    new_window: bool = False  # an empty message window
    activation_token: str = ""  # the desktop's token to bring a window forward (Wayland)

    @classmethod
    def from_command_line(cls, items: Sequence[str], cwd: str | None = None) -> HandOver | None:
        """The command line's items made absolute against *cwd* (default: ours).

        With no items, a new message window. None when a relative path
        cannot be resolved (our working folder is gone): this start then
        opens it itself rather than let another process guess.
        """
        if cwd is None:
            try:
                cwd = os.getcwd()
            except OSError:
                cwd = None
        absolute = []
        for item in items:
            resolved = absolute_item(item, cwd)
            if resolved is None:
                return None
            absolute.append(resolved)
        token = os.environ.get("XDG_ACTIVATION_TOKEN", "")
        if not _is_token(token):
            token = ""
        return cls(tuple(absolute), new_window=not absolute, activation_token=token)

    def encode(self) -> bytes:
        request = {
            "protocol": PROTOCOL_VERSION,
            "items": list(self.items),
            "new_window": self.new_window,
            "activation_token": self.activation_token,
        }
        # ASCII escapes keep a file name that is not UTF-8 (surrogateescape) intact.
        return json.dumps(request, ensure_ascii=True).encode("ascii") + b"\n"


def absolute_item(item: str, cwd: str | None) -> str | None:
    """A mailto: link as it is; a file or file: URL as an absolute path (None: cannot tell)."""
    if item[:7].lower() == "mailto:":
        return item
    if item[:5].lower() == "file:":
        local = QUrl(item).toLocalFile()
        if not local:
            return item  # another host's file: the running instance says it cannot open it
        item = local
    if os.path.isabs(item):
        return item
    if cwd is None:
        return None
    return os.path.join(cwd, item)


def _is_token(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) <= MAX_TOKEN_CHARS
        and all(" " < ch < "\x7f" for ch in value)
    )


def _valid_item(item: object) -> bool:
    if not isinstance(item, str) or not item or len(item) > MAX_ITEM_CHARS or "\0" in item:
        return False
    lowered = item[:7].lower()
    return lowered == "mailto:" or lowered[:5] == "file:" or os.path.isabs(item)


def parse_request(line: bytes) -> HandOver:
    """The HandOver in one request line (without its newline); InvalidRequest otherwise."""
    if len(line) > MAX_REQUEST_BYTES:
        raise InvalidRequest("too long")
    try:
        request = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidRequest("not UTF-8") from None
    except (ValueError, RecursionError):
        raise InvalidRequest("not JSON") from None
    if not isinstance(request, dict):
        raise InvalidRequest("not an object")
    version = request.get("protocol")
    if type(version) is not int:
        raise InvalidRequest("no protocol version")
    if version != PROTOCOL_VERSION:
        raise OtherProtocol(f"protocol {version}")
    items = request.get("items", [])
    if not isinstance(items, list) or not all(_valid_item(item) for item in items):
        raise InvalidRequest("malformed items")
    new_window = request.get("new_window", False)
    token = request.get("activation_token", "")
    if not isinstance(new_window, bool) or not _is_token(token):
        raise InvalidRequest("malformed fields")
    return HandOver(tuple(items), new_window=new_window or not items, activation_token=token)


def _reply(ok: bool, reason: str = "") -> bytes:
    answer: dict[str, object] = {"protocol": PROTOCOL_VERSION, "ok": ok}
    if reason:
        answer["reason"] = reason
    return json.dumps(answer).encode("ascii") + b"\n"


# -- the running instance ---------------------------------------------------------------


class _Connection(QObject):
    """One peer: one request line, read as it arrives, within READ_TIMEOUT_MS."""

    sig_line = Signal(object, bytes)  # (this connection, the request line without "\n")
    sig_closed = Signal(object)  # this connection, done with

    def __init__(self, socket: QLocalSocket, parent: QObject) -> None:
        super().__init__(parent)
        self.socket = socket
        socket.setParent(self)
        socket.setReadBufferSize(64 * 1024)  # Qt's own buffer stays small too
        self._buffer = bytearray()
        self._answered = False  # its line was read
        self._replied = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_TIMEOUT_MS)
        self._timer.timeout.connect(self._timed_out)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.close)
        self._timer.start()

    def start(self) -> None:
        """Read what came with the connection already; a peer gone at once is closed."""
        if self.socket.bytesAvailable() > 0:
            self._read()
        if self.socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self.close()

    @Slot()
    def _read(self) -> None:
        if self._closed:
            return
        if self._answered:
            self.socket.readAll()  # anything after the line is not read, only drained
            return
        while self.socket.bytesAvailable() > 0:
            room = MAX_REQUEST_BYTES + 1 - len(self._buffer)  # the line and its newline
            chunk = self.socket.read(max(room, 1)).data()
            if not chunk:
                break
            start = len(self._buffer)
            self._buffer += chunk
            end = self._buffer.find(b"\n", start)
            if end >= 0:
                self._answered = True
                self._timer.stop()
                self.sig_line.emit(self, bytes(self._buffer[:end]))
                return
            if len(self._buffer) > MAX_REQUEST_BYTES:
                log.info("Single instance: refused a request over %d bytes", MAX_REQUEST_BYTES)
                self.close()
                return

    @Slot()
    def _timed_out(self) -> None:
        log.info("Single instance: a peer sent no complete request in time; closed")
        self.close()

    def answer(self, data: bytes) -> None:
        """Write the reply, then close once it is written (a peer that left: closed now)."""
        if self._closed or self._replied:
            return
        self._replied = True
        self.socket.write(data)
        self.socket.flush()
        self.socket.disconnectFromServer()  # after the pending bytes are written
        if self.socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self.close()

    def finish(self, data: bytes) -> None:
        """Answer *data* (unless answered) and close, without an event loop.

        What the peer sent is read first (a complete line is handled), so
        that closing does not reset the connection under its answer.
        """
        for _ in range(64):  # bounded: a peer that keeps writing is not waited on
            if self._closed or not self.socket.waitForReadyRead(0):
                break
            self._read()
        self.answer(data)
        self.close()

    @Slot()
    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self.socket.abort()
        self.sig_closed.emit(self)
        self.deleteLater()


class InstanceServer(QObject):
    """The running instance's side: answers hand-overs, never waits on a peer."""

    sig_hand_over = Signal(object)  # a HandOver accepted (and answered): open its windows

    def __init__(self, address: Address, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address
        # Asked before accepting a request: False once the app is ending (its
        # windows would close with it); the sender then runs on its own.
        self.accepting: Callable[[], bool] = lambda: True
        self._server = QLocalServer(self)
        # This user only (the socket file 0700); the folder is 0700 as well.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._connections: list[_Connection] = []
        self._closing = False
        self._touch = QTimer(self)
        self._touch.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._touch.setInterval(TOUCH_INTERVAL_MS)
        self._touch.timeout.connect(self.touch)

    def listen(self) -> bool:
        """Listen on the address, replacing a stale socket file; False when that failed.

        Call under the address's lock, once nobody answered there (see claim()).
        """
        QLocalServer.removeServer(self.address.name)
        if not self._server.listen(self.address.name):
            log.warning(
                "Single instance off: cannot listen (%s); each start runs on its own",
                self._server.errorString(),
            )
            return False
        self._touch.start()
        log.info("Single instance: listening")
        return True

    def is_listening(self) -> bool:
        return self._server.isListening()

    def connection_count(self) -> int:
        return len(self._connections)

    @Slot()
    def touch(self) -> None:
        """Refresh the socket file's access time, so a runtime-folder cleaner keeps it."""
        if os.name == "posix" and self._server.isListening():
            try:
                os.utime(self._server.fullServerName())
            except OSError:
                log.info("Single instance: the socket file is gone; later starts run alone")

    def close(self) -> None:
        """Stop listening (the socket file goes); peers still waiting are told "ending".

        Called as the app ends, with no event loop left: connections queued
        meanwhile are taken now, so that every sender hears the answer after
        the socket file is gone and can listen in our place at once.
        """
        self._closing = True
        self._touch.stop()
        for _ in range(4 * MAX_CONNECTIONS):  # bounded: starts may keep coming
            if not self._server.isListening():
                break
            _available, timed_out = self._server.waitForNewConnection(0)
            if timed_out:
                break  # none left; each came through _on_new_connection
        if self._server.isListening():
            self._server.close()
        for connection in list(self._connections):
            connection.finish(_reply(False, "ending"))

    @Slot()
    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            if len(self._connections) >= MAX_CONNECTIONS:
                log.info("Single instance: too many peers at once; one closed")
                socket.abort()
                socket.deleteLater()
                continue
            connection = _Connection(socket, self)
            connection.sig_line.connect(self._on_line)
            connection.sig_closed.connect(self._on_closed)
            self._connections.append(connection)
            connection.start()

    @Slot(object)
    def _on_closed(self, connection: _Connection) -> None:
        if connection in self._connections:
            self._connections.remove(connection)

    @Slot(object, bytes)
    def _on_line(self, connection: _Connection, line: bytes) -> None:
        try:
            hand_over = parse_request(line)
        except OtherProtocol as exc:
            log.info("Single instance: refused a request of %s", exc.reason)
            connection.answer(_reply(False, "protocol"))
            return
        except InvalidRequest as exc:
            log.info("Single instance: refused a request (%s)", exc.reason)
            connection.close()
            return
        if self._closing or not self.accepting():
            # Ending: stop listening first, so the sender, told so, can take our place.
            log.info("Single instance: ending; a start runs on its own")
            self._touch.stop()
            if not self._closing:
                self._server.close()
            connection.answer(_reply(False, "ending"))
            return
        connection.answer(_reply(True))
        log.info("Single instance: %d item(s) handed over", len(hand_over.items))
        self.sig_hand_over.emit(hand_over)


# -- a later start ----------------------------------------------------------------------


class Outcome(Enum):
    ACCEPTED = "accepted"  # the running instance opens the items
    NO_SERVER = "no server"  # nobody listens (no socket file, or a stale one)
    DECLINED = "declined"  # it is ending, or speaks another protocol
    NO_ANSWER = "no answer"  # it did not answer in time, or the connection broke


def send_hand_over(address: Address, hand_over: HandOver) -> Outcome:
    """Hand *hand_over* to the instance at *address*; blocks at most a few seconds."""
    socket = QLocalSocket()
    try:
        socket.connectToServer(address.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            if socket.error() in (
                QLocalSocket.LocalSocketError.ServerNotFoundError,
                QLocalSocket.LocalSocketError.ConnectionRefusedError,
            ):
                return Outcome.NO_SERVER
            log.info("Single instance: connecting failed (%s)", socket.errorString())
            return Outcome.NO_ANSWER
        data = hand_over.encode()
        if len(data) > MAX_REQUEST_BYTES + 1:
            log.info("Single instance: the request is too large to hand over")
            return Outcome.NO_ANSWER
        socket.write(data)
        while socket.bytesToWrite() > 0:
            if not socket.waitForBytesWritten(WRITE_TIMEOUT_MS):
                log.info("Single instance: writing failed (%s)", socket.errorString())
                return Outcome.NO_ANSWER
        return _read_reply(socket)
    finally:
        socket.abort()


def _read_reply(socket: QLocalSocket) -> Outcome:
    deadline = QDeadlineTimer(REPLY_TIMEOUT_MS)
    reply = b""
    while b"\n" not in reply:
        if len(reply) > MAX_REPLY_BYTES:
            return Outcome.NO_ANSWER
        if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(
            max(1, deadline.remainingTime())
        ):
            log.info("Single instance: no answer from the running instance")
            return Outcome.NO_ANSWER
        reply += socket.read(MAX_REPLY_BYTES + 1 - len(reply)).data()
    try:
        answer = json.loads(reply.split(b"\n", 1)[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Outcome.NO_ANSWER
    if isinstance(answer, dict) and answer.get("ok") is True:
        return Outcome.ACCEPTED
    reason = answer.get("reason") if isinstance(answer, dict) else None
    log.info("Single instance: the running instance declined (%s)", reason)
    return Outcome.DECLINED


def someone_listens(address: Address) -> bool:
    """Whether a process accepts connections at *address* (connects, then hangs up)."""
    socket = QLocalSocket()
    socket.connectToServer(address.name)
    connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    refused = socket.error() in (
        QLocalSocket.LocalSocketError.ServerNotFoundError,
        QLocalSocket.LocalSocketError.ConnectionRefusedError,
    )
    socket.abort()
    return connected or not refused


@dataclass
class Claim:
    """What this start does: exit (handed over), serve the others, or run on its own."""

    handed_over: bool = False
    server: InstanceServer | None = None


def claim(hand_over: HandOver | None, address: Address | None = None) -> Claim:
    """Hand *hand_over* to the running instance, or become it (see the module docstring).

    *hand_over* None: this start opens its items itself (it only becomes the
    running instance when there is none). Needs a Q(Core)Application.
    """
    if address is None:
        address = instance_address()
    if address is None:
        log.warning("Single instance off: no private folder for its socket")
        return Claim()
    lock = QLockFile(str(address.lock_path))
    lock.setStaleLockTime(0)  # only a dead process leaves a stale lock
    locked = lock.tryLock(LOCK_TIMEOUT_MS)
    if not locked:
        log.info("Single instance: the start lock stayed taken")
    try:
        if hand_over is not None:
            outcome = send_hand_over(address, hand_over)
            if outcome is Outcome.ACCEPTED:
                return Claim(handed_over=True)
            # Ending (it stopped listening before it said so), or hung: is anyone there?
            if outcome is not Outcome.NO_SERVER and someone_listens(address):
                return Claim()
        elif someone_listens(address):
            return Claim()
        if not locked:
            return Claim()  # taking the name unlocked could orphan another start's server
        server = InstanceServer(address)
        return Claim(server=server) if server.listen() else Claim()
    finally:
        if locked:
            lock.unlock()


def keeps_model_note() -> str:
    """Said on stderr when --model or --device came with a start that was handed over."""
    return QCoreApplication.translate(
        "SingleInstance",
        "Composer is already running: it opens this in its own windows and keeps its model. "
        "--model and --device apply only when Composer starts.",
    )


# -- the running instance's windows -----------------------------------------------------


class WindowOpener(QObject):
    """Opens what was handed over in the WindowManager's windows and brings them forward."""

    def __init__(self, manager: WindowManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._manager = manager
        self._awaited: dict[str, str] = {}  # message files being read → activation token
        self._watching = False

    def accepting(self) -> bool:
        """False once the app is ending: windows opened now would go with it.

        A start that names only message files has no window while it reads
        them: it is accepting all the same.
        """
        manager = self._manager
        return not manager.ending and (bool(manager.windows) or manager.reading)

    @Slot(object)
    def open(self, hand_over: HandOver) -> None:
        manager = self._manager
        if not self._watching:
            manager.sig_message_opened.connect(self._message_opened)
            self._watching = True
        before = list(manager.windows)
        for item in hand_over.items:
            if item[:7].lower() != "mailto:":
                local = QUrl(item).toLocalFile() if item[:5].lower() == "file:" else item
                if len(self._awaited) < 64:
                    self._awaited[str(Path(local))] = hand_over.activation_token
            manager.open_item(item)
        if hand_over.new_window:
            manager.new_compose()
        shown = [w for w in manager.windows if w not in before]
        if shown:
            bring_forward(shown[-1], hand_over.activation_token)

    @Slot(object)
    def _message_opened(self, window: QWidget) -> None:
        key = str(getattr(window, "path", ""))
        if key in self._awaited:
            bring_forward(window, self._awaited.pop(key))


def bring_forward(window: QWidget, activation_token: str = "") -> None:
    """Show *window* in front and give it the keyboard (unminimised)."""
    if activation_token:
        # Qt's Wayland plugin takes the token from here when it asks to
        # activate the window (xdg-activation); the compositor may then let us.
        os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
