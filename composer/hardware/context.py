"""How many tokens the model may read at once: its context length, chosen per model and memory.

Pure functions of the model's header facts and the memory left once the
weights are placed: no llama.cpp, no Qt. The KV cache llama.cpp allocates
for n tokens is n x layers x KV heads x (key + value head size) x 2 bytes
(f16; 34 bytes per 32 values with the 8-bit q8_0 cache, so about twice the
context fits), whatever the email's length, so a longer context costs memory
from the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.messages import Number, UserMessage, user_message

if TYPE_CHECKING:
    from composer.hardware.plan import ModelFacts

# The steps offered in Settings > Assistant and tried by the automatic choice.
CONTEXT_STEPS = (2048, 4096, 8192, 16384, 32768, 65536, 131072)
# The automatic choice stops here: a long thread fits in 32k tokens, and a
# longer window costs memory (and reading time) for every email.
AUTO_MAX = 32768
# Below this the assistant cannot hold an email and its answer.
MIN_CONTEXT = 2048
# Of the memory left after the weights, the cache may take this share: the
# rest is for llama.cpp's buffers and the other programs.
CACHE_SHARE = 0.25
AUTOMATIC = 0
GIB = 1024**3


@dataclass(frozen=True)
class ContextChoice:
    n_ctx: int
    largest_fit: int  # the longest step that fits the memory (what Settings may offer)
    reason: UserMessage


def _gb(n_bytes: float) -> Number:
    value = round(n_bytes / GIB, 1)
    return Number(value, 0 if value.is_integer() else 1)


def trained(facts: ModelFacts) -> int:
    """The model's trained context (GGUF header), or 4096 when the header does not say."""
    return facts.n_ctx_train or 4096


def largest_fit(facts: ModelFacts, room: int) -> int:
    """The longest step (up to the trained context) whose KV cache fits in CACHE_SHARE of *room*."""
    limit = trained(facts)
    fitting = [
        n for n in CONTEXT_STEPS if n <= limit and facts.kv_bytes(n) <= max(0, room) * CACHE_SHARE
    ]
    return max(fitting, default=min(MIN_CONTEXT, limit))


def choose_context(facts: ModelFacts, room: int, requested: int = AUTOMATIC) -> ContextChoice:
    """The context length for *facts* with *room* bytes free beside its weights.

    *requested* is the user's setting (0 = automatic). Automatic takes the
    longest step up to AUTO_MAX and the trained context that fits; a setting
    is honoured up to the trained context and what fits.
    """
    limit = trained(facts)
    fit = largest_fit(facts, room)
    cache = facts.kv_bytes
    if requested <= AUTOMATIC:
        n_ctx = min(fit, AUTO_MAX, limit)
        if n_ctx >= min(AUTO_MAX, limit):
            reason = user_message(
                "ContextChoice",
                "%1 tokens, chosen automatically: the model was trained on %2 and the "
                "cache for %1 tokens takes %3 GB of memory",
            ).arg(Number(n_ctx), Number(limit), _gb(cache(n_ctx)))
        else:
            reason = user_message(
                "ContextChoice",
                "%1 tokens, chosen automatically: a longer window needs more memory than is "
                "free (%2 tokens would take %3 GB for the cache)",
            ).arg(Number(n_ctx), Number(2 * n_ctx), _gb(cache(2 * n_ctx)))
        return ContextChoice(n_ctx, fit, reason)
    n_ctx = min(requested, limit)
    if n_ctx < requested:
        reason = user_message(
            "ContextChoice", "%1 tokens: the setting asks for %2, the model was trained on %1"
        ).arg(Number(n_ctx), Number(requested))
    elif n_ctx > fit:
        n_ctx = fit
        reason = user_message(
            "ContextChoice",
            "%1 tokens: the setting asks for %2, but its cache would take %3 GB and only %1 "
            "fit in the free memory",
        ).arg(Number(n_ctx), Number(requested), _gb(cache(requested)))
    else:
        reason = user_message(
            "ContextChoice", "%1 tokens, as set in Settings > Assistant (the cache takes %2 GB)"
        ).arg(Number(n_ctx), _gb(cache(n_ctx)))
    return ContextChoice(n_ctx, fit, reason)
