"""The assistant servers the user added: stored privately as servers.json, API keys in the keychain.

The file holds no secret: each server's API key lives in the OS keychain
under "server-api-key:<server id>" (composer.secrets). It does hold the
user's consent: whether and since when they agreed that their email text is
sent to that server. Without consent the app never sends it anything.

Consent is given to an origin (scheme, host and port), not to a host name:
the same name over plain http, or on another port, may be another program
that reads the text on its way, so it is asked for again.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path

from composer import secrets
from composer.engine.remote import ServerConfig
from composer.fileio import DamagedFile, read_json_records, write_private_json
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

FILE_NAME = "servers.json"
API_KEY_PREFIX = "server-api-key:"


def new_server_id() -> str:
    return uuid.uuid4().hex[:12]


def api_key_name(server_id: str) -> str:
    """The keychain name of this server's API key."""
    return API_KEY_PREFIX + server_id


@dataclass(frozen=True)
class Server:
    id: str
    name: str = ""  # what the user calls it; the host when left empty
    base_url: str = ""  # required in the file (see _server)
    model: str = ""  # "" = the first model the server lists
    ca_bundle: str = ""  # a certificate authority file beside the OS trust store
    consented: bool = False  # the user agreed that their text is sent there
    consented_at: str = ""  # when (ISO 8601, UTC), shown where consent can be withdrawn
    consented_origin: str = ""  # what the user agreed to ("" in files older than this field)

    @property
    def host(self) -> str:
        return ServerConfig(self.base_url).host

    @property
    def origin(self) -> str:
        """scheme://host:port, what consent is given to."""
        return ServerConfig(self.base_url).origin

    @property
    def label(self) -> str:
        return self.name.strip() or self.host

    def with_consent(self, given: bool) -> Server:
        when = datetime.now(timezone.utc).isoformat(timespec="seconds") if given else ""
        return replace(
            self, consented=given, consented_at=when, consented_origin=self.origin if given else ""
        )

    def config(self, api_key: str | None = None) -> ServerConfig:
        """The engine's view of this server (the key from the keychain when not given)."""
        key = api_key if api_key is not None else stored_api_key(self.id)
        return ServerConfig(
            self.base_url, model=self.model, api_key=key or None, ca_bundle=self.ca_bundle or None
        )


def _server(raw: object) -> Server | None:
    """A Server from decoded JSON, None when it is not one."""
    if not isinstance(raw, dict):
        return None
    values: dict[str, object] = {}
    for f in fields(Server):
        value = raw.get(f.name)
        wanted = bool if f.name == "consented" else str
        if type(value) is wanted:
            values[f.name] = value
        elif f.name in ("id", "base_url"):
            return None
    server = Server(**values)  # type: ignore[arg-type]
    if not server.id or not server.base_url.strip():
        return None
    if server.consented and server.consented_origin not in ("", server.origin):
        # Given to another origin (the address was changed outside Composer):
        # not consent to this one. A file older than the field keeps its consent.
        server = server.with_consent(False)
    return server


class ServersUnreadable(UserFacingError):
    """servers.json could not be read; it was kept aside (*kept_as*)."""

    def __init__(self, message: UserMessage, kept_as: Path | None) -> None:
        super().__init__(message)
        self.kept_as = kept_as


class ServerStore:
    """servers.json in the config folder (0700), the file 0600, written atomically."""

    def __init__(self, config_folder: Path) -> None:
        self.path = config_folder / FILE_NAME

    def load(self) -> list[Server]:
        """The servers in the order added; [] when none.

        ServersUnreadable when the file is damaged: it is set aside first, so
        a later save never overwrites what the user may still need.
        """
        try:
            servers, malformed = read_json_records(self.path, "servers", _server)
        except DamagedFile as exc:
            log.warning("Servers file unreadable; kept as %s", exc.kept_as)
            message = user_message(
                "Servers",
                "Your assistant servers could not be read (the file is damaged). "
                "Nothing was deleted: it is kept as %1. "
                "Add your servers again in Settings > Assistant.",
            ).arg(exc.kept_as if exc.kept_as is not None else self.path)
            raise ServersUnreadable(message, exc.kept_as) from exc
        if malformed:
            log.warning("Ignored %d malformed servers", malformed)
        return servers

    def save(self, servers: Iterable[Server]) -> None:
        write_private_json(self.path, {"servers": [asdict(s) for s in servers]})

    def remove(self, servers: list[Server], server_id: str) -> list[Server]:
        """Save *servers* without *server_id* and forget its API key."""
        kept = [s for s in servers if s.id != server_id]
        self.save(kept)
        forget_api_key(server_id)
        return kept


def find_server(servers: list[Server], server_id: str) -> Server | None:
    return next((s for s in servers if s.id == server_id), None)


def stored_api_key(server_id: str) -> str | None:
    """The server's API key from the keychain; None when none is stored or it cannot be read."""
    try:
        if secrets.keychain_available():
            return secrets.get_secret(api_key_name(server_id))
    except secrets.SecretStoreError:
        log.info("Keychain unusable while reading a server's API key")
    return None


def save_api_key(server_id: str, api_key: str) -> None:
    """Keep *api_key* in the keychain ("" forgets it); SecretStoreError when it refuses."""
    if api_key:
        secrets.set_secret(api_key_name(server_id), api_key)
    else:
        forget_api_key(server_id)


def forget_api_key(server_id: str) -> None:
    try:
        if secrets.keychain_available():
            secrets.delete_secret(api_key_name(server_id))
    except secrets.SecretStoreError:
        log.info("Keychain unusable while removing a server's API key")
