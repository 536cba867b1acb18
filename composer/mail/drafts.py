"""The message being written survives a crash, a power cut or closing the window.

One draft file, written atomically (temporary file, fsync, rename), so what
is on disk is always either the previous complete draft or the new one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from composer.fileio import set_aside, write_json_atomic

log = logging.getLogger(__name__)

FIELDS = ("to", "cc", "bcc", "subject", "body")


@dataclass(frozen=True)
class Draft:
    to: str = ""
    cc: str = ""
    bcc: str = ""
    subject: str = ""
    body: str = ""

    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in FIELDS)


class DraftStore:
    """The draft of one running Composer; a second instance gets a file of its own."""

    def __init__(self, folder: Path, name: str = "current-draft.json") -> None:
        self.path = folder / name

    def save(self, draft: Draft) -> None:
        if draft.is_empty():
            self.clear()
            return
        write_json_atomic(self.path, asdict(draft), indent=None)

    def load(self) -> Draft | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            # Keep the bytes for the user rather than overwrite them later.
            aside = set_aside(self.path)
            log.warning("Saved draft unreadable (%s); kept as %s", type(exc).__name__, aside)
            return None
        known = {f.name for f in fields(Draft)}
        values = (
            {k: v for k, v in raw.items() if k in known and isinstance(v, str)}
            if isinstance(raw, dict)
            else {}
        )
        draft = Draft(**values)
        return None if draft.is_empty() else draft

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
