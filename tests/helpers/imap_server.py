"""A real IMAP server for the tests: Dovecot from Debian's packages, run unprivileged on loopback.

dovecot_server(layout) starts one `dovecot -F` with its whole configuration
in a temporary folder: IMAPS and STARTTLS on free 127.0.0.1 ports with a
trustme certificate, a passwd-file of users (server.user() adds a fresh one,
so tests never share a mailbox), maildir mailboxes. Run as root (CI), the
server runs as the unprivileged user "nobody" and its folder belongs to it;
otherwise as the current user. Layouts:

- "special-use": Sent and Drafts created at login, marked \\Sent and \\Drafts;
- "plain-names": no folder marked or created; a test creates "Sent Items"
  or "Drafts" itself (server.create) when it wants one.

Without dovecot the tests skip, unless COMPOSER_REQUIRE_DOVECOT=1 (CI)
makes that a failure. A system Dovecot started by the package's install
never clashes: it listens on 143/993, these on free ports.

call(recent_messages, account, password, timeout=1) runs a one-shot
function of composer.mail.imap_mailbox with the ImapAccess the options make.
server.peek(user, folder) reads a folder with plain imaplib, independently
of the code under test: each message's UID, flags and exact bytes.
"""

from __future__ import annotations

import grp
import imaplib
import itertools
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import trustme

from composer.mail.accounts import Account
from composer.mail.imap_client import ImapAccess
from helpers.x_display import stop_process

HOST = "127.0.0.1"
PASSWORD = "correct horse ✓"  # non-ASCII: the login must carry UTF-8
START_TIMEOUT_S = 30.0
USERS = 200  # each test takes a fresh one
_RUN_AS = "nobody"  # when the tests run as root


ACCESS_KEYS = ("cancel", "timeout", "ssl_context")


def call(function, account, password, *args, **kwargs):
    """*function* (a one-shot of imap_mailbox) run on an ImapAccess made of the options among
    *kwargs* that are the connection's (cancel, timeout, ssl_context)."""
    access = {key: kwargs.pop(key) for key in ACCESS_KEYS if key in kwargs}
    return function(ImapAccess(account, password, **access), *args, **kwargs)


def dovecot_binary() -> str:
    """The dovecot program; a skip (or, with COMPOSER_REQUIRE_DOVECOT=1, a failure) without it."""
    found = shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)), None
    )
    if found:
        return found
    why = "no dovecot (apt-get install dovecot-imapd)"
    if os.environ.get("COMPOSER_REQUIRE_DOVECOT") == "1":
        pytest.fail(why)
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


_MAILBOXES = {
    "special-use": """
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }""",
    "plain-names": "",
}

_CONFIG = """
protocols = imap
listen = {host}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
first_valid_uid = {uid}
first_valid_gid = {gid}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
auth_mechanisms = plain
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /{mailboxes}
}}
# No chroot: an unprivileged master cannot make one.
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = {imaps_port}
    ssl = yes
  }}
}}
"""


@dataclass
class Peeked:
    uid: int
    flags: set[str]
    data: bytes


@dataclass
class Dovecot:
    root: Path
    imap_port: int
    imaps_port: int
    client_context: ssl.SSLContext
    process: subprocess.Popen[bytes] | None = None
    _users: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def user(self) -> str:
        """A fresh user with PASSWORD and an empty mailbox."""
        number = next(self._users)
        assert number <= USERS, "more users than the passwd file holds"
        return f"user{number}"

    def account(self, user: str, security: str = "tls", **changes: object) -> Account:
        port = self.imaps_port if security == "tls" else self.imap_port
        values: dict[str, object] = {
            "id": "acc1",
            "name": "Anna Müller",
            "address": f"{user}@example.org",
            "host": "smtp.example.org",
            "imap_host": HOST,
            "imap_port": port,
            "imap_security": security,
            "imap_user": user,
        }
        values.update(changes)
        return Account(**values)  # type: ignore[arg-type]

    def log(self) -> str:
        try:
            return (self.root / "dovecot.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    # -- an independent client: plain imaplib ------------------------------------------
    def login(self, user: str) -> imaplib.IMAP4_SSL:
        imap = imaplib.IMAP4_SSL(HOST, self.imaps_port, ssl_context=self.client_context)
        imap.authenticate("PLAIN", lambda _: f"\0{user}\0{PASSWORD}".encode())
        return imap

    def create(self, user: str, folder: str) -> None:
        with self.login(user) as imap:
            typ, data = imap.create(f'"{folder}"')
            assert typ == "OK", data

    def fill(self, user: str, folder: str, messages: list[bytes], flags: str = "") -> None:
        with self.login(user) as imap:
            for message in messages:
                typ, data = imap.append(f'"{folder}"', flags or None, None, message)
                assert typ == "OK", data

    def peek(self, user: str, folder: str) -> list[Peeked]:
        """Every message of *folder*: UID, flags (but \\Recent, a session's), exact bytes.

        Nothing is marked read.
        """
        with self.login(user) as imap:
            typ, data = imap.select(f'"{folder}"', readonly=True)
            assert typ == "OK", data
            typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
            assert typ == "OK", data
            found = []
            for item in data:
                if isinstance(item, tuple):
                    head = item[0].decode()
                    uid = int(head.split("UID ", 1)[1].split()[0])
                    flags = set(head.split("FLAGS (", 1)[1].split(")", 1)[0].split())
                    found.append(Peeked(uid, flags - {"\\Recent"}, item[1]))
            return found

    def flags(self, user: str, folder: str) -> dict[int, set[str]]:
        with self.login(user) as imap:
            imap.select(f'"{folder}"', readonly=True)
            typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS)")
            found = {}
            for line in data:
                if isinstance(line, bytes):
                    text = line.decode()
                    uid = int(text.split("UID ", 1)[1].split()[0].rstrip(")"))
                    flags = set(text.split("FLAGS (", 1)[1].split(")", 1)[0].split())
                    found[uid] = flags - {"\\Recent"}
            return found


def _running_as() -> tuple[str, str, int, int]:
    entry = pwd.getpwnam(_RUN_AS) if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
    return entry.pw_name, grp.getgrgid(entry.pw_gid).gr_name, entry.pw_uid, entry.pw_gid


def _wait_listening(server: Dovecot) -> bool:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.process is not None
        if server.process.poll() is not None:
            return False
        try:
            for port in (server.imap_port, server.imaps_port):
                socket.create_connection((HOST, port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def start_dovecot(ca: trustme.CA, layout: str, cert_names: tuple[str, ...] = (HOST,)) -> Dovecot:
    binary = dovecot_binary()
    user, group, uid, gid = _running_as()
    # Not pytest's tmp_path: under root that folder is closed to "nobody".
    root = Path(tempfile.mkdtemp(prefix="composer-dovecot-"))
    cert = ca.issue_cert(*cert_names)
    cert.private_key_pem.write_to_path(str(root / "key.pem"))
    cert.cert_chain_pems[0].write_to_path(str(root / "cert.pem"))
    # Every user at once: Dovecot may not notice a passwd-file changed within a second.
    users = "".join(f"user{n}:{{PLAIN}}{PASSWORD}\n" for n in range(1, USERS + 1))
    (root / "passwd").write_text(users, encoding="utf-8")
    client = ssl.create_default_context()
    ca.configure_trust(client)
    for _attempt in range(3):  # a free port may be taken between the probe and the bind
        server = Dovecot(root, _free_port(), _free_port(), client)
        config = root / "dovecot.conf"
        config.write_text(
            _CONFIG.format(
                host=HOST, root=root, user=user, group=group, uid=uid, gid=gid,
                mailboxes=_MAILBOXES[layout], imap_port=server.imap_port,
                imaps_port=server.imaps_port,
            ),
            encoding="utf-8",
        )  # fmt: skip
        if os.geteuid() == 0:
            for path in [root, *root.rglob("*")]:
                os.chown(path, uid, gid)
        options: dict[str, object] = {}
        if os.geteuid() == 0:
            options = {"user": uid, "group": gid, "extra_groups": []}
        with open(root / "stdout.log", "ab") as out:
            server.process = subprocess.Popen(  # type: ignore[call-overload]
                [binary, "-F", "-c", str(config)],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, **options,
            )  # fmt: skip
        if _wait_listening(server):
            return server
        stop_process(server.process)
    log = server.log() + (root / "stdout.log").read_text(errors="replace")
    shutil.rmtree(root, ignore_errors=True)
    pytest.fail(f"dovecot did not start:\n{log}")


@pytest.fixture(scope="session")
def imap_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def dovecot(imap_ca) -> Iterator[Dovecot]:
    """Dovecot with Sent and Drafts marked by SPECIAL-USE (one per test module)."""
    server = start_dovecot(imap_ca, "special-use")
    yield server
    _stop_and_clean(server)


@pytest.fixture(scope="module")
def dovecot_plain_names(imap_ca) -> Iterator[Dovecot]:
    """Dovecot whose folders carry no SPECIAL-USE mark (one per test module)."""
    server = start_dovecot(imap_ca, "plain-names")
    yield server
    _stop_and_clean(server)


@pytest.fixture
def dovecot_factory(imap_ca) -> Iterator:
    """dovecot_factory(layout="special-use", cert_names=(HOST,)) -> a Dovecot of this test's own.

    For a test that would disturb others: after a refused password Dovecot
    slows every later login from 127.0.0.1 for seconds (its auth penalty).
    """
    started: list[Dovecot] = []

    def start(layout: str = "special-use", cert_names: tuple[str, ...] = (HOST,)) -> Dovecot:
        started.append(start_dovecot(imap_ca, layout, cert_names))
        return started[-1]

    yield start
    for server in started:
        _stop_and_clean(server)


def _stop_and_clean(server: Dovecot) -> None:
    if server.process is not None:
        stop_process(server.process)
    shutil.rmtree(server.root, ignore_errors=True)
