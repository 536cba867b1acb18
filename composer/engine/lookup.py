"""Prompt-lookup drafts: the next tokens guessed from text the answer is copying.

Proofread, Shorten, More formal and a reply that keeps quoted lines write
mostly text that is already in the prompt. When the last few tokens written
also occur earlier (in the prompt or the answer), the tokens that followed
them there are a cheap guess at what comes next. The token loop
(engine/token_loop.py) lets the model check a guess of k tokens in one batch:
every token the model chooses itself is kept, the first one it does not is
replaced by its own choice: the same sampler and the same draws as one token
at a time, so the answer is the model's and only the time changes.

A batch of k + 1 tokens costs more than one token, a lot more on a CPU with
few cores, and a wrong guess wastes it. DraftPolicy measures both sides while
the answer is written, the time of a step for its size and how often guesses
of each kind were right, and drafts only as far as the expected tokens per
second beat one token at a time: nothing where guesses do not pay (a Draft
from a short instruction), long runs where the answer copies the email.

Qt-free, pure Python, one thread (the engine's).
"""

from __future__ import annotations

from dataclasses import dataclass

# Longest and shortest runs of tokens looked up. A longer match is a safer
# guess (bucketed separately in DraftPolicy); one token matches too often by
# chance to be worth a batch except where the answer is plainly copying.
MAX_NGRAM = 4
MIN_NGRAM = 1
# The most tokens checked in one batch: beyond this a GPU's batch stops being
# nearly free and a CPU's never is; the policy usually picks fewer.
MAX_DRAFT = 16


@dataclass(frozen=True)
class Draft:
    tokens: list[int]
    ngram: int  # how many of the last tokens matched (the guess's kind)
    at: int  # the history position its first token was copied from


class PromptLookup:
    """An index of every run of 1..MAX_NGRAM tokens seen so far, to their continuation.

    The history is the prompt, then each token the answer keeps. An entry
    maps a run to the position right after its latest occurrence that has a
    continuation, so the run at the very end of the history (the one looked
    up) never finds itself. Once a match is found the history's end stays
    aligned with that passage for as long as the answer keeps copying it: an
    answer that copies the email follows it in order, whatever the index
    would find for its last few tokens.
    """

    def __init__(self, prompt: list[int]) -> None:
        self._history: list[int] = []
        self._index: list[dict[tuple[int, ...], int]] = [{} for _ in range(MAX_NGRAM + 1)]
        self._aligned = -1  # the position the history's end is copying next, or -1
        self._run = 0  # how many tokens in a row matched that passage
        self.extend(prompt)

    def __len__(self) -> int:
        return len(self._history)

    def extend(self, tokens: list[int]) -> None:
        history, index = self._history, self._index
        for token in tokens:
            end = len(history)
            # The runs that end just before this token now have a continuation.
            for n in range(1, min(MAX_NGRAM, end) + 1):
                index[n][tuple(history[end - n : end])] = end
            if self._aligned >= 0 and history[self._aligned] == token:
                self._aligned += 1
                self._run += 1
            else:
                self._aligned, self._run = -1, 0
            history.append(token)

    def draft(self, limit: int) -> Draft | None:
        """Up to *limit* tokens that followed the longest earlier match of the history's end."""
        history = self._history
        end = len(history)
        if limit <= 0:
            return None
        if self._aligned < 0 or self._run < MIN_NGRAM:
            for n in range(min(MAX_NGRAM, end), MIN_NGRAM - 1, -1):
                at = self._index[n].get(tuple(history[end - n :]))
                if at is not None:
                    self._aligned, self._run = at, n
                    break
            else:
                return None
        at = self._aligned
        # Never past the history's end: the passage may overlap the run looked up.
        tokens = history[at : min(at + limit, end)]
        return Draft(tokens, min(self._run, MAX_NGRAM), at) if tokens else None


# Guesses by the length of their match: 1, 2, 3, MAX_NGRAM tokens or a
# continued passage. Prior acceptance per token, as if from a few drafts
# each, so a kind of guess is tried before it has a record; measured values
# soon replace it.
_PRIOR_ACCEPT = {1: 0.3, 2: 0.45, 3: 0.6, 4: 0.7}
_PRIOR_WEIGHT = 4.0
# Each new draft counts for more than an old one: the answer moves between
# copied and new text.
_DECAY = 0.85
# A kind of guess skipped for not paying slowly regains its prior, so it is
# tried again later in a long answer.
_SKIP_DECAY = 0.98
# Before the first batch is measured: an extra token of a batch is assumed to
# cost this share of a one-token step (between a GPU's ~0.02 and a two-core
# CPU's; measured per request right after).
_PRIOR_EXTRA_SHARE = 0.25
_STEP_SMOOTHING = 0.2


class StepCosts:
    """How long a writing step takes on this model and device, by its size.

    Kept by the engine for as long as its model is loaded (the next request
    starts with what the last one measured): a one-token step, and what each
    further token of a batch adds, both smoothed over recent steps.
    """

    def __init__(self) -> None:
        self.one_token_s: float | None = None
        self.extra_token_s: float | None = None

    def timed(self, batch: int, seconds: float) -> None:
        """A step of *batch* tokens (its decode and sampling) took *seconds*."""
        if batch <= 1:
            self.one_token_s = _smoothed(self.one_token_s, seconds)
            return
        if self.one_token_s is None:
            return
        per_extra = max(0.0, (seconds - self.one_token_s) / (batch - 1))
        self.extra_token_s = _smoothed(self.extra_token_s, per_extra)


class DraftPolicy:
    """How many guessed tokens to check in the next step, from what was measured so far."""

    def __init__(self, costs: StepCosts, max_draft: int = MAX_DRAFT) -> None:
        self.costs = costs
        self.max_draft = max_draft
        self._kept = {n: 0.0 for n in _PRIOR_ACCEPT}  # decayed sums: guessed tokens kept
        self._tried = {n: 0.0 for n in _PRIOR_ACCEPT}  # ... and tokens judged

    def acceptance(self, ngram: int) -> float:
        """Estimated chance that the next guessed token of this kind is kept."""
        kind = min(ngram, MAX_NGRAM)
        prior = _PRIOR_ACCEPT[kind]
        return (self._kept[kind] + prior * _PRIOR_WEIGHT) / (self._tried[kind] + _PRIOR_WEIGHT)

    def length(self, ngram: int, available: int) -> int:
        """Tokens to check: the k that maximises expected tokens per second (0 = one token)."""
        one = self.costs.one_token_s
        if one is None or available <= 0:
            return 0  # the first step measures the plain token
        extra = self.costs.extra_token_s
        if extra is None:
            extra = one * _PRIOR_EXTRA_SHARE
        p = self.acceptance(ngram)
        best_k, best_rate = 0, 1.0 / one
        expected, term = 1.0, 1.0  # tokens a step yields: its own, plus each kept guess
        for k in range(1, min(available, self.max_draft) + 1):
            term *= p
            expected += term
            rate = expected / (one + k * extra)
            if rate > best_rate:
                best_k, best_rate = k, rate
        if best_k == 0:
            self._skipped(ngram)
        return best_k

    def judged(self, ngram: int, proposed: int, kept: int) -> None:
        """A draft of *proposed* tokens was checked and its first *kept* were right."""
        kind = min(ngram, MAX_NGRAM)
        # Tokens are judged in order up to the first wrong one.
        tried = kept + (1 if kept < proposed else 0)
        self._kept[kind] = self._kept[kind] * _DECAY + kept
        self._tried[kind] = self._tried[kind] * _DECAY + tried

    def timed(self, batch: int, seconds: float) -> None:
        self.costs.timed(batch, seconds)

    def _skipped(self, ngram: int) -> None:
        kind = min(ngram, MAX_NGRAM)
        self._kept[kind] *= _SKIP_DECAY
        self._tried[kind] *= _SKIP_DECAY


def _smoothed(old: float | None, new: float) -> float:
    return new if old is None else old + _STEP_SMOOTHING * (new - old)


__all__ = ["MAX_DRAFT", "Draft", "DraftPolicy", "PromptLookup", "StepCosts"]
