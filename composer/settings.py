"""User settings: one dataclass, stored as JSON in the config folder.

Writes are atomic (temp file + os.replace) so a crash mid-save never leaves a
half-written settings file; an unreadable file falls back to defaults and is
kept aside rather than overwritten, so nothing the user set is silently lost.
A FIFO, a device or a huge file in its place counts as unreadable: it is
never waited on nor read whole.
"""

from __future__ import annotations

import logging
import typing
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from composer.fileio import read_json_regular, set_aside, write_json_atomic

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
# Fields with a fixed set of values: anything else in the file is ignored.
CHOICES = {"kv_cache": ("f16", "q8_0")}
# A settings file is under 1 kB; one this large is not ours.
MAX_FILE_BYTES = 1 << 20


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    model_path: str | None = None  # None = the bundled starter model
    device: str = "auto"  # "auto" | "cpu" | a llama.cpp device index
    gpu_layers: int | None = None  # None = the hardware planner decides
    context_size: int = 0  # tokens the model reads at once; 0 = from the model and memory
    max_tokens: int = 512
    temperature: float = 0.7
    # The user's choice on the welcome page (or in Settings > Assistant):
    # "" = not chosen yet (the welcome page shows), "local" = a model on this
    # computer (model_path, None = the starter), "server" = the server
    # server_id (composer.engine.servers, consented to), "off" = no assistant at all.
    assistant: str = ""
    server_id: str = ""
    language: str = ""  # the interface language ("en", "fr"); "" = the system's
    theme: str = "system"  # "system" | "light" | "dark"
    answer_language: str = ""  # the assistant's default output language; "" = same as the text
    attachment_warning_mb: int = 25  # attachments above this total get a warning before sending
    # The model's KV cache: "f16" (full precision) or "q8_0" (8-bit: about
    # half the memory, so a longer automatic context; llama.cpp turns flash
    # attention on for it).
    kv_cache: str = "f16"
    spelling: bool = True  # misspelt words underlined as the user types
    # The spelling languages, comma-separated ("en,fr"); "" = the interface
    # language's, English and French, where this computer has their dictionaries.
    spelling_languages: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = read_json_regular(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:  # also a FIFO or device, or too large
            backup = set_aside(path)
            log.warning("Settings file unreadable (%s); kept as %s, using defaults", exc, backup)
            return cls()
        hints = typing.get_type_hints(cls)
        values = {}
        for f in fields(cls):
            if not isinstance(raw, dict) or f.name not in raw:
                continue
            # A hand-edited file must not crash the app later: keep only values
            # of the declared type (bool is not accepted for an int).
            value = raw[f.name]
            allowed = typing.get_args(hints[f.name]) or (hints[f.name],)
            if any(
                value is None
                if t is type(None)
                else type(value) is t or (t is float and type(value) is int)
                for t in allowed
            ):
                if f.name in CHOICES and value not in CHOICES[f.name]:
                    log.warning("Ignoring setting %s: unexpected value", f.name)
                    continue
                values[f.name] = value
            else:
                log.warning("Ignoring setting %s: unexpected type %s", f.name, type(value).__name__)
        if isinstance(raw, dict) and "assistant" not in raw:
            # Settings from before the welcome page: that user already chose a local model.
            values["assistant"] = "local"
        values["schema_version"] = SCHEMA_VERSION
        return cls(**values)

    def save(self, path: Path) -> None:
        write_json_atomic(path, asdict(self), indent=2)
