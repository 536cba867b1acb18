"""Secrets (Hugging Face token, SMTP password) live only in the OS keychain.

There is deliberately no plaintext fallback: when no keychain backend exists
the caller gets a SecretStoreError whose text tells the user what to install
or unlock, and nothing is written anywhere else.
"""

from __future__ import annotations

import logging
from types import ModuleType

from composer import APP_ID

log = logging.getLogger(__name__)

SERVICE = APP_ID

# Well-known secret names, so callers do not scatter string literals.
HF_TOKEN = "huggingface-token"


class SecretStoreError(Exception):
    """The keychain cannot be used; str(error) is a sentence for the user."""


def _keyring() -> tuple[ModuleType, ModuleType]:
    # Imported lazily: keyring probes its backends on import, which can talk to
    # D-Bus; code that never touches a secret should not pay for that.
    import keyring
    import keyring.errors

    return keyring, keyring.errors


_NO_BACKEND = (
    "No system keychain is available, so Composer cannot store secrets. "
    "On Linux, install and unlock a Secret Service keyring (GNOME Keyring or KWallet); "
    "Composer never stores secrets in plain files."
)


def _fail(action: str, exc: Exception, errors: ModuleType) -> SecretStoreError:
    if isinstance(exc, errors.NoKeyringError):
        return SecretStoreError(_NO_BACKEND)
    if isinstance(exc, errors.KeyringLocked):
        return SecretStoreError(
            f"The system keychain is locked, so Composer could not {action}. "
            "Unlock it and try again."
        )
    # The backend's own text may name the item but never holds the secret value.
    return SecretStoreError(f"The system keychain refused to {action}: {exc}")


def get_secret(name: str) -> str | None:
    """The stored secret, or None when none is stored under *name*."""
    keyring, errors = _keyring()
    try:
        value = keyring.get_password(SERVICE, name)
    except errors.KeyringError as exc:
        raise _fail("read a saved secret", exc, errors) from None
    return value if isinstance(value, str) else None


def set_secret(name: str, value: str) -> None:
    if not value:
        raise ValueError("An empty secret cannot be stored; use delete_secret to forget one.")
    if not keychain_available():
        raise SecretStoreError(_NO_BACKEND)
    keyring, errors = _keyring()
    try:
        keyring.set_password(SERVICE, name, value)
    except errors.KeyringError as exc:
        raise _fail("save the secret", exc, errors) from None
    log.info("Saved secret %s in the system keychain", name)


def delete_secret(name: str) -> bool:
    """Forget *name*; False when nothing was stored.

    Asked first rather than inferred from delete_password(): not every
    backend raises when there is nothing to delete.
    """
    if get_secret(name) is None:
        return False
    keyring, errors = _keyring()
    try:
        keyring.delete_password(SERVICE, name)
    except errors.PasswordDeleteError:
        return False
    except errors.KeyringError as exc:
        raise _fail("remove the secret", exc, errors) from None
    return True


def keychain_available() -> bool:
    """True when a real (non-fail, non-plaintext) backend is active."""
    keyring, _ = _keyring()
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    module = type(backend).__module__
    # keyrings.alt's plaintext/encrypted-file backends have low priority but
    # are "working"; refuse them as a matter of policy.
    return bool(priority > 0) and "keyrings.alt" not in module and "fail" not in module
