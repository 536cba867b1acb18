"""The per-action sampling table: every action has values, rewrites stay near greedy."""

from __future__ import annotations

import threading

from composer.assist.actions import Action, build_request
from composer.assist.sampling import SAMPLING, sampling_for


def test_every_action_has_sampler_values():
    assert set(SAMPLING) == {a.value for a in Action}


def test_rewrites_sample_closer_to_greedy_than_new_text():
    free = [sampling_for(a) for a in (Action.DRAFT, Action.REPLY, Action.EXPAND)]
    close = [sampling_for(a) for a in (Action.PROOFREAD, Action.SHORTEN, Action.FORMAL)]
    assert max(s.temperature for s in close) < min(s.temperature for s in free)
    assert min(s.min_p for s in close) > max(s.min_p for s in free)
    # DRY against loops everywhere; a rewrite may repeat longer runs of words
    # (its answer repeats the original's phrases), and no repeat penalty
    # lowers the names and words it must keep.
    assert all(s.dry_multiplier > 0 for s in free + close)
    assert min(s.dry_allowed_length for s in close) > max(s.dry_allowed_length for s in free)
    assert all(s.repeat_penalty == 1.0 for s in free + close)


def test_the_request_carries_the_table_and_a_temperature_override():
    request = build_request(Action.DRAFT, instruction="thank Anna for Friday")
    assert request.sampling == sampling_for(Action.DRAFT)
    assert request.temperature == request.sampling.temperature
    cold = build_request(Action.DRAFT, instruction="thank Anna", temperature=0.0)
    assert cold.temperature == 0.0 and cold.sampling.dry_multiplier == 0.8


def test_every_action_s_chain_runs_on_the_real_model(engine):
    """llama.cpp builds each chain (DRY included) and writes with it."""
    body = "Hi Tom,\n\nthank you for the meeting on Tuesday. The budget is 300 €.\n\nBest,\nAnna"
    for action in Action:
        if action is Action.REPLY:
            continue  # needs a quoted message; its values equal Draft's
        request = build_request(
            action,
            "" if not action.rewrites else body,
            instruction="make it warmer" if action in (Action.DRAFT, Action.CUSTOM) else None,
            max_tokens=8,
        )
        text = "".join(engine.stream(request, threading.Event()))
        assert engine.last_stats.generated_tokens >= 1, action
        assert isinstance(text, str)
