"""How freely each action samples: one table of llama.cpp sampler values, with the reasons.

Actions that write new text (draft, reply, expand, friendlier, the user's own
instruction) get room to vary their wording, and DRY, llama.cpp's "don't
repeat yourself" penalty, against the loops small models fall into. Actions
that must keep the user's text (proofread, shorten, more formal) stay close
to greedy: min-p keeps only tokens nearly as likely as the best one, no
repeat penalty (their answer rightly repeats the names and phrases of the
original) and a DRY that allows longer repeats. docs/SUGGESTIONS.md records the values and how they
were measured (bench/eval_suggestions.py).
"""

from __future__ import annotations

from dataclasses import replace

from composer.engine.token_loop import SamplerSettings

# DRY as llama.cpp's author of it recommends (multiplier 0.8, base 1.75,
# allowed length 2): a repeat of 3+ tokens that already occurred in the
# answer is penalised, growing with its length. It sees only the answer's
# tokens (the token loop's sampler never accepts the prompt), so copying a
# name or a phrase from the email costs nothing.
_FREE = SamplerSettings(
    temperature=0.7, top_k=40, top_p=0.95, min_p=0.05, dry_multiplier=0.8, dry_allowed_length=2
)
# A rewrite of the user's text: less freedom, a milder DRY that allows
# longer repeats (a formal rewrite may say "the meeting" three times).
_CLOSE = SamplerSettings(
    temperature=0.4, top_k=40, top_p=0.9, min_p=0.1, dry_multiplier=0.5, dry_allowed_length=4
)

# Keyed by composer.assist.actions.Action's values (that module builds the requests).
SAMPLING: dict[str, SamplerSettings] = {
    "draft": _FREE,
    "reply": _FREE,
    "expand": SamplerSettings(
        temperature=0.6, top_k=40, top_p=0.95, min_p=0.05, dry_multiplier=0.8
    ),
    "friendly": SamplerSettings(
        temperature=0.6, top_k=40, top_p=0.95, min_p=0.05, dry_multiplier=0.8
    ),
    "custom": SamplerSettings(
        temperature=0.6, top_k=40, top_p=0.95, min_p=0.05, dry_multiplier=0.8
    ),
    "formal": _CLOSE,
    "shorten": SamplerSettings(
        temperature=0.3, top_k=40, top_p=0.9, min_p=0.1, dry_multiplier=0.5, dry_allowed_length=4
    ),
    # Corrections, not creativity: only tokens at least 30% as likely as the
    # best survive, no repeat penalty (the answer is the original again) and
    # DRY only against repeats of 9+ tokens within the answer: without it the
    # starter looped in 4 of 5 proofreads of bench/eval_suggestions.py, with
    # it in none (docs/SUGGESTIONS.md).
    "proofread": SamplerSettings(
        temperature=0.1, top_k=20, top_p=0.9, min_p=0.3, dry_multiplier=0.5, dry_allowed_length=8
    ),
}


def sampling_for(action: str, temperature: float | None = None) -> SamplerSettings:
    """The action's sampler values; *temperature* overrides the table's (tests, benches)."""
    settings = SAMPLING[str(getattr(action, "value", action))]
    return settings if temperature is None else replace(settings, temperature=temperature)
