"""The user's mail accounts: stored privately as accounts.json, passwords in the keychain.

The file holds no secret: each account's password lives in the OS keychain
under "smtp-password:<account id>" (composer.secrets). Where no keychain can
be used, PasswordCache keeps a password in this process's memory only, for
this run. The first account is the default one.

An account may also name its IMAP server (the user's own mailbox: Sent
copies, drafts, replying from the inbox). It logs in with the same password:
providers give one password for both, and a second secret would be one more
thing to get wrong.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from composer import secrets
from composer.fileio import DamagedFile, read_json_records, write_private_json
from composer.messages import UserMessage, user_message

log = logging.getLogger(__name__)

SECURITY_CHOICES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
FILE_NAME = "accounts.json"
PASSWORD_PREFIX = "smtp-password:"
# "none" only after the user accepted the warning, as for SMTP (Settings > Accounts).
IMAP_SECURITY_CHOICES = ("tls", "starttls", "none")
IMAP_DEFAULT_PORTS = {"tls": 993, "starttls": 143, "none": 143}


def default_port(security: str) -> int:
    """The usual submission port for *security* (587 STARTTLS, 465 TLS, 25 none)."""
    return DEFAULT_PORTS.get(security, 587)


def default_imap_port(security: str) -> int:
    """The usual IMAP port for *security* (993 implicit TLS, 143 STARTTLS or none)."""
    return IMAP_DEFAULT_PORTS.get(security, 993)


def new_account_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Account:
    id: str
    name: str  # the sender's display name
    address: str
    host: str
    port: int = 587
    security: str = "starttls"  # "starttls" | "tls" | "none"
    username: str = ""
    signature: str = ""
    # The IMAP side; "" is no IMAP server. imap_port 0: the usual one for imap_security.
    imap_host: str = ""
    imap_port: int = 0
    imap_security: str = "tls"  # "tls" | "starttls" | "none"
    imap_user: str = ""  # "" is the SMTP user name
    save_drafts_on_server: bool = False

    @property
    def has_imap(self) -> bool:
        return bool(self.imap_host.strip())

    @property
    def imap_login(self) -> str:
        """The IMAP user name: its own, else the SMTP one, else the address."""
        return self.imap_user or self.username or self.address

    @property
    def imap_port_or_default(self) -> int:
        return self.imap_port or default_imap_port(self.imap_security)

    @property
    def password_name(self) -> str:
        """The keychain name of this account's password."""
        return password_name(self.id)

    @property
    def domain(self) -> str:
        """The address's domain (for Message-IDs); "localhost" when it has none."""
        _, _, domain = self.address.rpartition("@")
        return domain.strip() or "localhost"


def password_name(account_id: str) -> str:
    return PASSWORD_PREFIX + account_id


def _account(raw: object) -> Account | None:
    """An Account from decoded JSON, None when it is not one."""
    if not isinstance(raw, dict):
        return None
    values = {}
    for f in fields(Account):
        value = raw.get(f.name)
        if f.name == "port":
            if type(value) is not int or not 0 < value < 65536:
                return None
        elif f.name == "imap_port":
            # The IMAP side is optional: a bad value falls back to its default
            # and the account still sends (files from before IMAP have none).
            if type(value) is not int or not 0 <= value < 65536:
                continue
        elif f.name == "save_drafts_on_server":
            if type(value) is not bool:
                continue
        elif not isinstance(value, str):
            if f.name in ("id", "address", "host"):
                return None
            continue
        values[f.name] = value
    account = Account(**values)  # type: ignore[arg-type]
    if account.security not in SECURITY_CHOICES or not account.id:
        return None
    if account.imap_security not in IMAP_SECURITY_CHOICES:
        # Never a weaker choice than the user's: unknown means the default, TLS.
        account = replace(account, imap_security="tls")
    return account


class AccountsUnreadable(Exception):
    """accounts.json could not be read; it was kept aside (*kept_as*)."""

    def __init__(self, message: UserMessage, kept_as: Path | None) -> None:
        super().__init__(str(message))
        self.message = message
        self.kept_as = kept_as


class AccountStore:
    """accounts.json in the config folder (0700), the file 0600, written atomically."""

    def __init__(self, config_folder: Path) -> None:
        self.folder = config_folder
        self.path = config_folder / FILE_NAME

    def load(self) -> list[Account]:
        """The accounts, default first; [] when none.

        AccountsUnreadable when the file is damaged: it is set aside first,
        so a later save never overwrites what the user may still need.
        """
        try:
            accounts, malformed = read_json_records(self.path, "accounts", _account)
        except DamagedFile as exc:
            log.warning("Accounts file unreadable; kept as %s", exc.kept_as)
            message = user_message(
                "Accounts",
                "Your mail accounts could not be read (the file is damaged). "
                "Nothing was deleted: it is kept as %1. "
                "Add your accounts again in Settings > Accounts.",
            ).arg(exc.kept_as if exc.kept_as is not None else self.path)
            raise AccountsUnreadable(message, exc.kept_as) from exc
        if malformed:
            log.warning("Ignored %d malformed accounts", malformed)
        return accounts

    def save(self, accounts: Iterable[Account]) -> None:
        write_private_json(self.path, {"accounts": [asdict(a) for a in accounts]})

    def remove(self, accounts: list[Account], account_id: str) -> list[Account]:
        """Save *accounts* without *account_id* and forget its stored password."""
        kept = [a for a in accounts if a.id != account_id]
        self.save(kept)
        forget_password(account_id)
        return kept


def find_account(accounts: list[Account], account_id: str) -> Account | None:
    """The account *account_id*; "" (or an unknown id) gives the default one (the first)."""
    for account in accounts:
        if account.id == account_id:
            return account
    return accounts[0] if accounts else None


def with_default_port(account: Account) -> Account:
    """*account* with the usual port for its security when it has none."""
    return account if account.port else replace(account, port=default_port(account.security))


class PasswordCache:
    """Passwords typed this run when no keychain can keep them: memory only, never a file."""

    def __init__(self) -> None:
        self._passwords: dict[str, str] = {}

    def get(self, account_id: str) -> str | None:
        return self._passwords.get(account_id)

    def put(self, account_id: str, password: str) -> None:
        self._passwords[account_id] = password

    def forget(self, account_id: str) -> None:
        self._passwords.pop(account_id, None)


# One per app run: every compose window asks at most once per account.
SESSION_PASSWORDS = PasswordCache()


def stored_password(account_id: str) -> str | None:
    """The password from the keychain, else one typed this run; None when neither has it."""
    typed = SESSION_PASSWORDS.get(account_id)
    if typed is not None:
        return typed
    try:
        if secrets.keychain_available():
            return secrets.get_secret(password_name(account_id))
    except secrets.SecretStoreError:
        log.info("Keychain unusable while reading an SMTP password")
    return None


def remember_password(account_id: str, password: str, *, in_keychain: bool) -> None:
    """Keep *password* for this run, and in the keychain when asked.

    SecretStoreError when the keychain refuses it (it is still kept for this run).
    """
    SESSION_PASSWORDS.put(account_id, password)
    if in_keychain:
        secrets.set_secret(password_name(account_id), password)


def forget_password(account_id: str) -> None:
    """Remove the account's password from this run's memory and from the keychain."""
    SESSION_PASSWORDS.forget(account_id)
    try:
        if secrets.keychain_available():
            secrets.delete_secret(password_name(account_id))
    except secrets.SecretStoreError:
        log.info("Keychain unusable while removing an SMTP password")
