"""bench/fact_guard_eval.py meets its targets: the evaluation is a test too (no model, seconds)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import fact_guard_eval  # noqa: E402


def test_the_fact_guard_catches_planted_changes_and_spares_honest_edits():
    pairs = fact_guard_eval.pairs()
    planted = sum(p.planted for p in pairs)
    honest = len(pairs) - planted
    assert planted >= 200 and honest >= planted
    assert {p.language for p in pairs} == {"en", "fr"}

    result = fact_guard_eval.evaluate()
    for kind, (caught, total) in result.recall.items():
        assert caught / total >= 0.98, (kind, caught, total, result.misses)
    alarms, total = result.honest
    assert alarms / total <= 0.05, result.misses
    for status, (found, expected) in result.drafts.items():
        assert found == expected, (status, result.draft_misses)
    assert result.draft_extra == 0, result.draft_misses
