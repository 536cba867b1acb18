"""One running Composer per user and profile: a second start hands its items over.

The protocol and the server are tested in this process, with plain Unix
sockets as peers (garbage, a silent peer, a stale socket file); the
hand-over itself with the real app in real processes (`python -m composer`).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from composer import __version__
from composer.gui import single_instance
from composer.gui.single_instance import (
    MAX_REQUEST_BYTES,
    PROTOCOL_VERSION,
    HandOver,
    InstanceServer,
    Outcome,
    WindowOpener,
    claim,
    instance_address,
    send_hand_over,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets as test peers")

LINK = "mailto:anna@example.com?subject=Tickets%20for%20Saturday"


@pytest.fixture
def short_home(monkeypatch):
    """A COMPOSER_HOME short enough for a socket path (sun_path: 104 bytes on macOS)."""
    home = Path(tempfile.mkdtemp(prefix="si-"))
    monkeypatch.setenv("COMPOSER_HOME", str(home))
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    yield home
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def serving(qtbot, short_home):
    """A listening InstanceServer and the hand-overs it accepted."""
    address = instance_address()
    assert address is not None
    server = InstanceServer(address)
    assert server.listen()
    accepted: list[HandOver] = []
    server.sig_hand_over.connect(accepted.append)
    yield server, accepted
    server.close()


@pytest.fixture
def pool():
    with ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


def exchange(name: str, data: bytes, timeout: float = 10.0) -> bytes:
    """Send *data* as a peer would, then read until the server hangs up."""
    with socket.socket(socket.AF_UNIX) as peer:
        peer.settimeout(timeout)
        peer.connect(name)
        try:
            peer.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server hung up while we were still writing
        answer = b""
        while True:
            try:
                chunk = peer.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                return answer
            answer += chunk
    return answer


def answered(qtbot, future: Future, timeout_ms: int = 10_000):
    """The peer's result, the event loop running meanwhile (the server lives on it)."""
    qtbot.waitUntil(future.done, timeout=timeout_ms)
    return future.result()


def request(*items: str, **fields) -> bytes:
    body = {"protocol": PROTOCOL_VERSION, "items": list(items)}
    body.update(fields)
    return json.dumps(body).encode() + b"\n"


# -- the protocol, in this process ----------------------------------------------------------


def test_a_request_is_answered_and_handed_over(qtbot, serving, pool):
    server, accepted = serving
    future = pool.submit(exchange, server.address.name, request(LINK, "/home/anna/a.eml"))
    reply = answered(qtbot, future)
    assert json.loads(reply) == {"protocol": PROTOCOL_VERSION, "ok": True}
    assert accepted == [HandOver((LINK, "/home/anna/a.eml"), new_window=False)]
    qtbot.waitUntil(lambda: server.connection_count() == 0)


GARBAGE = {
    "not JSON": b"open the pod bay doors\n",
    "not UTF-8": b'{"protocol": 1, "items": ["mailto:\xff\xfe"]}\n',
    "an empty line": b"\n",
    "a list": b"[1, 2, 3]\n",
    "no version": b'{"items": ["mailto:anna@example.com"]}\n',
    "a version that is not a number": b'{"protocol": "1", "items": []}\n',
    "a boolean version": b'{"protocol": true, "items": []}\n',
    "items not a list": b'{"protocol": 1, "items": "mailto:anna@example.com"}\n',
    "an item not a string": b'{"protocol": 1, "items": [42]}\n',
    "a relative path": b'{"protocol": 1, "items": ["notes/a.eml"]}\n',
    "a NUL in a path": b'{"protocol": 1, "items": ["/tmp/a\\u0000.eml"]}\n',
    "new_window not a boolean": b'{"protocol": 1, "items": [], "new_window": "yes"}\n',
    "a token with spaces": b'{"protocol": 1, "items": [], "activation_token": "a b"}\n',
    "deep nesting": b"[" * 200_000 + b"\n",
}


@pytest.mark.parametrize("payload", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_is_refused_the_connection_closed_and_the_server_keeps_working(
    qtbot, serving, pool, payload
):
    server, accepted = serving
    assert answered(qtbot, pool.submit(exchange, server.address.name, payload)) == b""
    assert accepted == []
    assert server.is_listening()
    reply = answered(qtbot, pool.submit(exchange, server.address.name, request(LINK)))
    assert json.loads(reply)["ok"] is True
    assert [h.items for h in accepted] == [(LINK,)]


@pytest.mark.parametrize("version", [0, PROTOCOL_VERSION + 1])
def test_another_protocol_version_is_told_so_and_nothing_opens(qtbot, serving, pool, version):
    server, accepted = serving
    payload = json.dumps({"protocol": version, "items": [LINK]}).encode() + b"\n"
    reply = answered(qtbot, pool.submit(exchange, server.address.name, payload))
    assert json.loads(reply) == {"protocol": PROTOCOL_VERSION, "ok": False, "reason": "protocol"}
    assert accepted == []


def test_a_request_of_the_largest_size_passes_one_byte_more_is_cut_off(qtbot, serving, pool):
    server, accepted = serving
    items = [f"/mail/{i:03d}/" + "x" * 58_000 for i in range(18)]
    items[-1] += "x" * (MAX_REQUEST_BYTES + 1 - len(request(*items)))  # MAX bytes + "\n"
    largest = request(*items)
    assert len(largest) == MAX_REQUEST_BYTES + 1
    assert len(items[-1]) <= single_instance.MAX_ITEM_CHARS
    reply = answered(qtbot, pool.submit(exchange, server.address.name, largest))
    assert json.loads(reply)["ok"] is True
    assert len(accepted) == 1

    items[-1] += "x"
    too_large = request(*items)
    assert answered(qtbot, pool.submit(exchange, server.address.name, too_large)) == b""
    endless = b"x" * (4 * MAX_REQUEST_BYTES)  # no newline at all: cut off, not buffered
    assert answered(qtbot, pool.submit(exchange, server.address.name, endless)) == b""
    assert len(accepted) == 1
    reply = answered(qtbot, pool.submit(exchange, server.address.name, request(LINK)))
    assert json.loads(reply)["ok"] is True


def test_a_peer_that_never_writes_blocks_nothing_and_is_dropped(qtbot, serving, pool, monkeypatch):
    monkeypatch.setattr(single_instance, "READ_TIMEOUT_MS", 800)
    server, accepted = serving
    silent = socket.socket(socket.AF_UNIX)
    half = socket.socket(socket.AF_UNIX)
    try:
        silent.connect(server.address.name)
        half.connect(server.address.name)
        half.sendall(b'{"protocol": 1, "items": [')  # and then nothing more
        qtbot.waitUntil(lambda: server.connection_count() == 2)

        started = time.monotonic()
        reply = answered(qtbot, pool.submit(exchange, server.address.name, request(LINK)))
        assert json.loads(reply)["ok"] is True
        assert time.monotonic() - started < 0.7  # answered while the others still hang
        assert server.connection_count() == 2

        # Both are hung up on once their time is out.
        qtbot.waitUntil(lambda: server.connection_count() == 0, timeout=5000)
        for peer in (silent, half):
            peer.settimeout(5)
            assert peer.recv(10) == b""
    finally:
        silent.close()
        half.close()
    assert [h.items for h in accepted] == [(LINK,)]


def test_peers_beyond_the_limit_are_closed_at_once(qtbot, serving):
    server, _accepted = serving
    peers = [socket.socket(socket.AF_UNIX) for _ in range(single_instance.MAX_CONNECTIONS + 1)]
    try:
        for peer in peers:
            peer.connect(server.address.name)
            peer.settimeout(5)
        qtbot.waitUntil(lambda: server.connection_count() == single_instance.MAX_CONNECTIONS)
        try:
            assert peers[-1].recv(10) == b""
        except ConnectionResetError:
            pass  # hung up on: as good
    finally:
        for peer in peers:
            peer.close()


def test_an_ending_instance_declines_and_gives_up_its_name(qtbot, serving, pool):
    server, accepted = serving
    server.accepting = lambda: False
    reply = answered(qtbot, pool.submit(exchange, server.address.name, request(LINK)))
    assert json.loads(reply) == {"protocol": PROTOCOL_VERSION, "ok": False, "reason": "ending"}
    assert accepted == []
    assert not server.is_listening()
    assert not os.path.exists(server.address.name)  # the next start takes its place


def test_peers_waiting_as_the_app_ends_are_told_so_after_the_socket_is_gone(serving):
    server, accepted = serving
    asking = socket.socket(socket.AF_UNIX)
    silent = socket.socket(socket.AF_UNIX)
    try:
        for peer in (asking, silent):
            peer.settimeout(5)
            peer.connect(server.address.name)  # queued: the event loop does not run
        asking.sendall(request(LINK))
        time.sleep(0.1)
        server.close()  # as run_gui does once the app's event loop has ended
        assert not os.path.exists(server.address.name)
        for peer in (asking, silent):
            reply = json.loads(peer.recv(4096))
            assert reply == {"protocol": PROTOCOL_VERSION, "ok": False, "reason": "ending"}
    finally:
        asking.close()
        silent.close()
    assert accepted == []


# -- where it listens --------------------------------------------------------------------------


def test_the_socket_folder_and_file_are_this_users_only(serving, short_home):
    server, _accepted = serving
    folder = short_home / "run"
    assert Path(server.address.name).parent == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    socket_mode = os.stat(server.address.name).st_mode
    assert stat.S_ISSOCK(socket_mode) and not socket_mode & 0o077


def test_the_socket_file_is_touched_so_a_runtime_cleaner_keeps_it(serving):
    server, _accepted = serving
    os.utime(server.address.name, (1_000_000, 1_000_000))
    server.touch()
    assert os.stat(server.address.name).st_atime > time.time() - 60


def test_an_open_folder_is_tightened(short_home):
    folder = short_home / "run"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    address = instance_address()
    assert address is not None and Path(address.name).parent == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.allow_log("composer.gui.single_instance", "WARNING", match="no private folder")
def test_a_folder_that_is_a_link_or_someone_elses_is_not_used(short_home, monkeypatch):
    real = short_home / "elsewhere"
    real.mkdir(mode=0o700)
    link = short_home / "link"
    link.symlink_to(real)
    assert not single_instance.private_folder(link)
    assert single_instance.private_folder(real)
    monkeypatch.setattr(os, "getuid", lambda: os.geteuid() + 4242)  # as if another user made it
    assert not single_instance.private_folder(real)
    monkeypatch.setattr(single_instance, "_candidate_folders", lambda: [real, link])
    assert instance_address() is None
    assert claim(HandOver((LINK,))) == single_instance.Claim()  # runs on its own


@pytest.mark.allow_log("composer.gui.single_instance", "WARNING", match="no private folder")
def test_without_a_private_folder_the_start_runs_on_its_own(short_home, monkeypatch):
    monkeypatch.setattr(single_instance, "_candidate_folders", lambda: [])
    result = claim(HandOver((LINK,)))
    assert not result.handed_over and result.server is None


def test_a_home_too_long_for_a_socket_path_uses_a_short_private_folder(short_home, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(short_home / "tmp"))
    long_home = short_home / ("h" * 120)
    monkeypatch.setenv("COMPOSER_HOME", str(long_home))
    address = instance_address()
    assert address is not None
    assert Path(address.name).parent == short_home / "tmp" / f"composer-{os.getuid()}"
    assert len(os.fsencode(address.name)) <= single_instance.MAX_SOCKET_PATH_BYTES


def test_the_name_depends_on_the_user_and_the_profile(short_home, monkeypatch):
    first = single_instance.socket_key()
    assert single_instance.socket_key() == first
    monkeypatch.setenv("COMPOSER_HOME", str(short_home / "other-profile"))
    assert single_instance.socket_key() != first
    monkeypatch.setenv("COMPOSER_HOME", str(short_home))
    monkeypatch.setattr(single_instance.getpass, "getuser", lambda: "someone-else")
    assert single_instance.socket_key() != first


# -- a later start ----------------------------------------------------------------------------


def test_a_stale_socket_file_is_replaced(qtbot, short_home, pool):
    address = instance_address()
    assert address is not None
    crashed = socket.socket(socket.AF_UNIX)
    crashed.bind(address.name)  # a crashed instance's file: nobody accepts there
    crashed.close()
    assert send_hand_over(address, HandOver((LINK,))) is Outcome.NO_SERVER

    result = claim(HandOver((LINK,)))
    assert not result.handed_over and result.server is not None
    try:
        accepted: list[HandOver] = []
        result.server.sig_hand_over.connect(accepted.append)
        reply = answered(qtbot, pool.submit(exchange, address.name, request(LINK)))
        assert json.loads(reply)["ok"] is True
        assert [h.items for h in accepted] == [(LINK,)]
    finally:
        result.server.close()
    assert not os.path.exists(address.name)


class FakeInstance:
    """A running instance in a process of its own (single_instance_peer.py): one request, *reply*."""

    def __init__(self, name: str, reply: str, record: Path) -> None:
        self.record = record
        peer = Path(__file__).with_name("single_instance_peer.py")
        self.proc = subprocess.Popen(
            [sys.executable, str(peer), name, reply, str(record)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "listening"

    def requests(self) -> list[dict]:
        return [json.loads(line) for line in self.record.read_bytes().splitlines()]

    def close(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=30)


def test_the_sender_hands_over_absolute_items_and_exits(short_home):
    address = instance_address()
    assert address is not None
    running = FakeInstance(address.name, "ok", short_home / "request")
    try:
        hand_over = HandOver.from_command_line(["inbox/a.eml", LINK], cwd="/home/anna")
        assert hand_over is not None
        assert claim(hand_over) == single_instance.Claim(handed_over=True)
    finally:
        running.close()
    assert running.requests() == [
        {
            "protocol": PROTOCOL_VERSION,
            "items": ["/home/anna/inbox/a.eml", LINK],
            "new_window": False,
            "activation_token": "",
        }
    ]


def test_a_hung_instance_delays_the_sender_briefly_and_it_runs_on_its_own(short_home, monkeypatch):
    monkeypatch.setattr(single_instance, "REPLY_TIMEOUT_MS", 600)
    address = instance_address()
    assert address is not None
    running = FakeInstance(address.name, "silent", short_home / "request")
    try:
        started = time.monotonic()
        result = claim(HandOver((LINK,)))
        elapsed = time.monotonic() - started
    finally:
        running.close()
    # Someone still holds the name: this start opens the link itself, serving nobody.
    assert result == single_instance.Claim()
    assert elapsed < 3
    assert len(running.requests()) == 1


def test_a_declining_instance_makes_the_sender_run_on_its_own(short_home):
    address = instance_address()
    assert address is not None
    running = FakeInstance(address.name, "ending", short_home / "request")
    try:
        result = claim(HandOver((LINK,)))
    finally:
        running.close()
    assert not result.handed_over and result.server is None  # the fake still listens


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["a.eml"], ["/home/anna/mail/a.eml"]),
        (["../b.eml"], ["/home/anna/mail/../b.eml"]),
        (["/srv/c.eml"], ["/srv/c.eml"]),
        (["file:///srv/d%20e.eml"], ["/srv/d e.eml"]),
        (["MAILTO:bob@example.com"], ["MAILTO:bob@example.com"]),
    ],
)
def test_the_sender_resolves_paths_against_its_own_folder(items, expected):
    hand_over = HandOver.from_command_line(items, cwd="/home/anna/mail")
    assert hand_over is not None
    assert list(hand_over.items) == expected and not hand_over.new_window


def test_no_items_asks_for_a_new_window_and_a_lost_folder_keeps_the_items_here(monkeypatch):
    assert HandOver.from_command_line([], cwd="/x") == HandOver((), new_window=True)

    def gone():
        raise FileNotFoundError("the working folder was removed")

    monkeypatch.setattr(os, "getcwd", gone)
    assert HandOver.from_command_line(["a.eml"]) is None
    assert HandOver.from_command_line([LINK]) == HandOver((LINK,))


def test_the_activation_token_travels_when_it_is_one(monkeypatch):
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "kwin-123_abc")
    assert HandOver.from_command_line([], cwd="/").activation_token == "kwin-123_abc"
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "not\na token")
    assert HandOver.from_command_line([], cwd="/").activation_token == ""


# -- the running instance's windows -------------------------------------------------------


def test_handed_over_items_open_in_the_running_apps_windows(qtbot, make_manager):
    corpus = Path(__file__).parents[1] / "fixtures" / "mail"
    message = corpus / "no_date.eml"
    manager = make_manager()
    manager.start([])
    opener = WindowOpener(manager)
    assert opener.accepting()

    with qtbot.waitSignal(manager.sig_message_opened, timeout=10_000) as opened:
        opener.open(HandOver((LINK, str(message))))
    compose = manager.compose_windows()
    assert len(compose) == 2
    assert compose[-1].to_field.text() == "anna@example.com"
    assert compose[-1].subject_field.text() == "Tickets for Saturday"
    assert opened.args[0].path == message

    opener.open(HandOver((), new_window=True))
    assert len(manager.compose_windows()) == 3

    manager.close_all()
    qtbot.waitUntil(lambda: not manager.windows)
    assert not opener.accepting()  # ending: a later start runs on its own


# -- the real app, in processes ---------------------------------------------------------------


class App:
    """`python -m composer ARGS…` with an isolated home, offscreen, assistant off (no model)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.started: list[subprocess.Popen] = []
        self.env = dict(os.environ, COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        self.env.pop("XDG_ACTIVATION_TOKEN", None)
        settings = home / "config" / "settings.json"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text('{"assistant": "off"}')  # no model is loaded, in any process

    def start(self, *args: str, cwd: Path | None = None) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "composer", *args],
            env=self.env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(proc)
        return proc

    def run(self, *args: str, cwd: Path | None = None) -> tuple[subprocess.Popen, float, str, str]:
        started = time.monotonic()
        proc = self.start(*args, cwd=cwd)
        out, err = proc.communicate(timeout=60)
        return proc, time.monotonic() - started, out, err

    def window_owners(self) -> list[int]:
        """The process of each open compose window: its draft's lock file names it."""
        owners = []
        for lock in (self.home / "data" / "drafts").glob("*.lock"):
            try:
                pid = lock.read_text().split("\n", 1)[0]
            except OSError:
                continue  # a window closing now
            owners.append(int(pid))
        return owners

    def drafts(self) -> list[dict]:
        return [json.loads(p.read_text()) for p in (self.home / "data" / "drafts").glob("*.json")]

    def wait_for(self, condition, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            for proc in self.started:
                if proc.poll() not in (None, 0):
                    pytest.fail(f"a process ended with {proc.returncode}: {proc.stderr.read()}")
            assert time.monotonic() < deadline, f"never: {what}"
            time.sleep(0.05)

    def wait_listening(self, proc: subprocess.Popen) -> None:
        """The running app listens and shows its first window."""
        address = instance_address()
        assert address is not None
        self.wait_for(
            lambda: os.path.exists(address.name) and proc.pid in self.window_owners(),
            "the app listens",
        )

    def kill(self, proc: subprocess.Popen) -> None:
        proc.kill()
        proc.communicate(timeout=30)
        self.started.remove(proc)

    def stop(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=30)


@pytest.fixture
def app(short_home):
    running = App(short_home)
    yield running
    running.stop()


def test_a_second_start_hands_its_link_to_the_running_app_and_exits(app, short_home):
    first = app.start()
    app.wait_listening(first)
    assert app.window_owners() == [first.pid]

    second, took, _out, err = app.run(LINK, "--model", str(short_home / "other.gguf"))
    assert second.returncode == 0, err
    assert took < 10  # about a second on a quiet machine; generous for a loaded one
    assert "already running" in err and "--model" in err  # the running app keeps its model

    app.wait_for(lambda: len(app.window_owners()) == 2, "the link's window")
    assert app.window_owners() == [first.pid, first.pid]  # both in the first process
    (draft,) = app.drafts()  # a link's message is saved at once
    assert (draft["to"], draft["subject"]) == ("anna@example.com", "Tickets for Saturday")

    third, _took, _out, err = app.run()  # no items: a new message window there
    assert third.returncode == 0, err
    assert err == ""
    app.wait_for(lambda: len(app.window_owners()) == 3, "a new message window")

    # Commands that are not the windows never go through the running app.
    version, _took, out, _err = app.run("--version")
    assert (version.returncode, out.strip()) == (0, f"Composer {__version__}")
    assert first.poll() is None
    assert app.window_owners() == [first.pid] * 3


def test_a_crashed_instances_socket_is_taken_over_by_the_next_start(app):
    crashed = app.start()
    app.wait_listening(crashed)
    app.kill(crashed)
    address = instance_address()
    assert address is not None and os.path.exists(address.name)  # left behind
    assert crashed.pid in app.window_owners()  # its window's lock too (a dead process's)

    (app.home / "config" / "settings.json").write_text('{"assistant": "off", "language": "fr"}')
    after = app.start()
    app.wait_listening(after)
    handed, _took, _out, err = app.run(LINK, "--device", "cpu")
    assert handed.returncode == 0, err
    assert err.startswith("Composer est déjà ouvert")  # said in the user's language
    app.wait_for(lambda: app.window_owners().count(after.pid) == 2, "the link's window")
    assert after.poll() is None


def test_two_starts_at_the_same_moment_make_one_app(app):
    links = [LINK, "mailto:bob@example.com?subject=Second"]
    procs = [app.start(link) for link in links]
    deadline = time.monotonic() + 60
    while sum(p.poll() == 0 for p in procs) < 1:
        assert all(p.poll() in (None, 0) for p in procs)
        assert time.monotonic() < deadline, "neither start handed over"
        time.sleep(0.05)
    (running,) = [p for p in procs if p.poll() is None]
    app.wait_for(lambda: len(app.window_owners()) == 2, "both links' windows")
    assert app.window_owners() == [running.pid] * 2
    assert sorted(d["subject"] for d in app.drafts()) == ["Second", "Tickets for Saturday"]
