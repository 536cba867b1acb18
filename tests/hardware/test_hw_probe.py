"""The probe's note (why the device list is incomplete) stays translatable through the cache."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from composer.hardware.probe import Probe
from composer.messages import UserMessage, user_message

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "h100_vulkan.json"


def _probe(note: str | UserMessage) -> Probe:
    return replace(Probe.from_dict(json.loads(RECORDED.read_text())), note=note)


def test_a_note_survives_the_json_round_trip_as_a_message() -> None:
    note = user_message("Probe", "The device check failed (%1); using the CPU.").arg("boom")
    probe = _probe(note)
    data = json.loads(json.dumps(probe.to_dict()))
    assert data["note"] == "The device check failed (boom); using the CPU."  # reports read this
    back = Probe.from_dict(data)
    assert isinstance(back.note, UserMessage) and back.note == note


def test_a_plain_note_stays_plain() -> None:
    probe = _probe("")
    back = Probe.from_dict(json.loads(json.dumps(probe.to_dict())))
    assert back.note == "" and "note_message" not in probe.to_dict()
