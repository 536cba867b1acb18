"""The engine's own token loop, on llama-cpp-python's low-level API.

llama-cpp-python's ``create_completion(stream=True)`` runs its generic
completion machinery once per token: it detokenises *all* tokens written so
far (one ctypes call per token, so the cost grows with the answer), scans
that whole text for every stop string, builds a dict per chunk and goes
through ``Llama.eval``/``Llama.sample``. For small models, whose tokens take
a few milliseconds, that Python work is a visible share of each token.

This loop does per token only what is needed: one ``llama_decode`` of a
one-token batch, one ``llama_sampler_sample`` on llama.cpp's native sampler
chain, one ``llama_token_to_piece``, an incremental UTF-8 decode (a partial
multi-byte character is carried to the next token) and a stop-string check
on the tail of the text only (text that could be the start of a stop string
is held back until it is clear).

The loop keeps ``Llama.input_ids``/``Llama.n_tokens`` in step with the KV
cache, so the next request's prefix reuse works as with llama-cpp-python's
own path.
"""

from __future__ import annotations

import codecs
import ctypes
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

from composer.engine.base import Cancelled, EngineError, GenerationStats
from composer.engine.lookup import MAX_DRAFT, DraftPolicy, PromptLookup, StepCosts
from composer.engine.output_batch import OutputBatch
from composer.messages import user_message


@dataclass(frozen=True)
class SamplerSettings:
    """The sampler chain, in llama.cpp's terms. temperature <= 0 is greedy.

    Defaults are llama-cpp-python's create_completion defaults (what the
    engine used before), so the app's output does not change in kind.
    """

    temperature: float = 0.7
    top_k: int = 40
    top_p: float = 0.95
    min_p: float = 0.05
    repeat_penalty: float = 1.0  # 1.0 = off
    penalty_last_n: int = 64
    dry_multiplier: float = 0.0  # 0 = off (llama-server's default too)
    dry_base: float = 1.75
    dry_allowed_length: int = 2
    dry_penalty_last_n: int = -1  # -1 = the context size
    seed: int = 0xFFFFFFFF  # LLAMA_DEFAULT_SEED: a random seed


# DRY's sequence breakers, as llama-server's defaults.
DRY_BREAKERS = (b"\n", b":", b'"', b"*")


class DrySamplers:
    """One prepared DRY sampler per setting, for one model; each request gets a copy.

    llama_sampler_init_dry looks through the whole vocabulary for the tokens
    that contain a sequence breaker: 160 ms for Gemma 3's 262,144 tokens on
    two cores, paid before the first written token of every request that
    uses DRY (the writing actions all do). A clone copies that work instead
    of redoing it (llama.cpp's own llama_sampler_dry_clone), and a copy of
    an unused sampler starts with no history, as a new one would.
    Owned by the engine for as long as its model is loaded; one thread.
    """

    def __init__(self, vocab: Any) -> None:
        self._vocab = vocab
        self._prepared: dict[tuple[float, float, int, int], Any] = {}

    def copy(self, multiplier: float, base: float, allowed_length: int, last_n: int) -> Any:
        """A new DRY sampler for a chain, which then owns (and frees) it."""
        import llama_cpp

        key = (multiplier, base, allowed_length, last_n)
        prepared = self._prepared.get(key)
        if prepared is None:
            prepared = self._prepared[key] = _init_dry(self._vocab, *key)
        return llama_cpp.llama_sampler_clone(prepared)

    def close(self) -> None:
        import llama_cpp

        for sampler in self._prepared.values():
            llama_cpp.llama_sampler_free(sampler)
        self._prepared.clear()


def _init_dry(vocab: Any, multiplier: float, base: float, allowed_length: int, last_n: int) -> Any:
    import llama_cpp

    array = (ctypes.c_char_p * len(DRY_BREAKERS))(*DRY_BREAKERS)
    return llama_cpp.llama_sampler_init_dry(
        vocab, multiplier, base, allowed_length, last_n, array, len(DRY_BREAKERS)
    )


def build_sampler(
    vocab: Any,
    n_vocab: int,
    n_ctx: int,
    settings: SamplerSettings,
    dry: DrySamplers | None = None,
) -> Any:
    """A native llama.cpp sampler chain; the caller frees it (llama_sampler_free).

    Greedy for temperature <= 0. Otherwise top-k first, as llama.cpp
    recommends: every later sampler then works on k candidates instead of
    the whole vocabulary (262,144 tokens for Gemma 3). Then the repetition
    and DRY penalties when enabled, top-p, min-p, temperature and the draw.
    *dry*: the model's prepared DRY samplers (a fresh one is prepared without).
    """
    import llama_cpp

    params = llama_cpp.llama_sampler_chain_default_params()
    chain = llama_cpp.llama_sampler_chain_init(params)
    add = llama_cpp.llama_sampler_chain_add
    if settings.temperature <= 0:
        if settings.repeat_penalty != 1.0:
            add(chain, _penalties(n_vocab, settings))
        add(chain, llama_cpp.llama_sampler_init_greedy())
        return chain
    if settings.top_k > 0:
        add(chain, llama_cpp.llama_sampler_init_top_k(settings.top_k))
    if settings.repeat_penalty != 1.0:
        add(chain, _penalties(n_vocab, settings))
    if settings.dry_multiplier > 0:
        last_n = n_ctx if settings.dry_penalty_last_n < 0 else settings.dry_penalty_last_n
        values = (settings.dry_multiplier, settings.dry_base, settings.dry_allowed_length, last_n)
        add(chain, dry.copy(*values) if dry is not None else _init_dry(vocab, *values))
    if settings.top_p < 1.0:
        add(chain, llama_cpp.llama_sampler_init_top_p(settings.top_p, 1))
    if settings.min_p > 0:
        add(chain, llama_cpp.llama_sampler_init_min_p(settings.min_p, 1))
    add(chain, llama_cpp.llama_sampler_init_temp(settings.temperature))
    add(chain, llama_cpp.llama_sampler_init_dist(settings.seed))
    return chain


# The graph keeps this many candidates when it picks them (offload_top_k):
# every action's chain asks for at most this many (assist/sampling.py).
DEVICE_TOP_K = 40


def offload_top_k(ctx: Any, k: int = DEVICE_TOP_K, *, split_rows: bool = False) -> Any | None:
    """Let llama.cpp's graph pick the top *k* candidates; returns the chain to free, or None.

    Every sampled token otherwise copies the whole vocabulary's logits into
    the host chain and sorts them there on one core: for Gemma 3's 262,144
    tokens about 1 ms, which for a small model on a GPU is as long as the
    token itself, and on a many-core CPU a sixth of it (docs/PERFORMANCE.md).
    With a top-k sampler in the graph (llama.cpp's backend sampling,
    llama_set_sampler) the host chain gets k candidates. Answers do not
    change: every chain starts with a top-k of at most k (greedy takes the
    best, always among them), so the same candidates reach the same samplers.

    *split_rows* is for a graph on the CPU, whose top-k gives each row to one
    thread: the logits are first cut into rows picked in parallel
    (engine/row_top_k.py). The chain stays attached: attaching or detaching
    it makes llama.cpp rebuild its compute graphs (measured: a few tens of ms).
    """
    import llama_cpp

    chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
    if split_rows:
        from composer.engine.row_top_k import init_row_top_k

        try:
            llama_cpp.llama_sampler_chain_add(chain, init_row_top_k(k))
        except (OSError, AttributeError):  # no libggml-base to describe the graph with
            llama_cpp.llama_sampler_free(chain)
            return None
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_k(k))
    if not llama_cpp.llama_set_sampler(ctx, 0, chain):
        llama_cpp.llama_sampler_free(chain)
        return None
    return chain


def needs_all_candidates(settings: SamplerSettings) -> bool:
    """Whether this chain must see more than the graph's DEVICE_TOP_K candidates."""
    if settings.temperature <= 0:
        return settings.repeat_penalty != 1.0  # a penalty could demote all of them
    return not 0 < settings.top_k <= DEVICE_TOP_K


def _penalties(n_vocab: int, settings: SamplerSettings) -> Any:
    import llama_cpp

    return llama_cpp.llama_sampler_init_penalties(
        n_vocab, settings.penalty_last_n, settings.repeat_penalty, 0.0, 0.0
    )


class StopScanner:
    """Finds stop strings in streamed text, looking only at its tail.

    feed() returns the text that is safe to show and whether a stop string
    was found (the text before it is returned; the rest is dropped). Text
    that could be the beginning of a stop string is held back until the
    next piece decides it.
    """

    def __init__(self, stops: list[str]) -> None:
        self._stops = [s for s in stops if s]
        self._held = ""

    def feed(self, piece: str) -> tuple[str, bool]:
        if not self._stops:
            return piece, False
        text = self._held + piece
        # A stop string can only end inside the new piece: search from the
        # first place it could start.
        first = None
        for stop in self._stops:
            at = text.find(stop)
            if at >= 0 and (first is None or at < first):
                first = at
        if first is not None:
            self._held = ""
            return text[:first], True
        hold = self._partial_suffix(text)
        self._held = text[len(text) - hold :] if hold else ""
        return text[: len(text) - hold], False

    def flush(self) -> str:
        text, self._held = self._held, ""
        return text

    def _partial_suffix(self, text: str) -> int:
        """Length of the longest end of *text* that begins some stop string."""
        best = 0
        for stop in self._stops:
            for n in range(min(len(stop) - 1, len(text)), best, -1):
                if text.endswith(stop[:n]):
                    best = n
                    break
        return best


def write_tokens(
    llm: Any,
    prompt_len: int,
    stops: list[str],
    max_tokens: int,
    settings: SamplerSettings,
    cancel: threading.Event,
    stats: GenerationStats,
    dry: DrySamplers | None = None,
    costs: StepCosts | None = None,
    max_draft: int = MAX_DRAFT,
) -> Iterator[str]:
    """Sample and evaluate up to *max_tokens* tokens after an evaluated prompt.

    The prompt's *prompt_len* tokens must already be in the KV cache, with
    fresh logits for its last token (llm.n_tokens == prompt_len). Sets
    stats.stop_reason ("stop", "length", "cancelled"),
    stats.generated_tokens (tokens sampled, the final EOS included) and the
    step counts. *dry*: the model's prepared DRY samplers (see DrySamplers).

    With *costs* (the loaded model's measured step times), tokens guessed by
    prompt lookup (engine/lookup.py) are checked several at a time: the
    sampler chain judges the model's logits after each guessed token as it
    would one token at a time (same candidates, same draws, same accepted
    history), keeps the guesses it chooses itself and adds its own choice
    after the first it does not. Every token written is the model's choice;
    only the number of llama_decode calls changes. The logits of a batch are
    llama.cpp's batch arithmetic (the one that reads prompts), which is not
    bit for bit that of a one-token step: where two candidates are within
    that noise, the choice can differ (docs/PERFORMANCE.md).
    """
    import llama_cpp

    ctx = llm._ctx.ctx
    vocab = llm._model.vocab
    n_vocab = llm.n_vocab()
    n_ctx = llm.n_ctx()
    sampler = build_sampler(vocab, n_vocab, n_ctx, settings, dry)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    scanner = StopScanner(stops)
    token_array = (llama_cpp.llama_token * 1)()
    piece_size = 64
    piece_buf = ctypes.create_string_buffer(piece_size)
    input_ids = llm.input_ids
    n_past = llm.n_tokens
    sample = llama_cpp.llama_sampler_sample
    is_eog = llama_cpp.llama_vocab_is_eog
    to_piece = llama_cpp.llama_token_to_piece
    decode = llama_cpp.llama_decode
    batch_get_one = llama_cpp.llama_batch_get_one
    clock = time.perf_counter
    lookup = PromptLookup(input_ids[:prompt_len].tolist()) if costs is not None else None
    policy = DraftPolicy(costs, max_draft) if costs is not None else None
    guesses = OutputBatch(max_draft + 1) if costs is not None else None
    memory = llama_cpp.llama_get_memory(ctx) if costs is not None else None
    generated = steps = drafted = kept = 0
    try:
        new = [sample(sampler, ctx, -1)]  # chosen, not yet shown nor evaluated
        while True:
            for token in new:
                if cancel.is_set():  # also between the tokens of one checked step
                    stats.stop_reason = "cancelled"
                    raise Cancelled()
                generated += 1
                stats.generated_tokens = generated
                if is_eog(vocab, token):
                    stats.stop_reason = "stop"
                    break
                n = to_piece(vocab, token, piece_buf, piece_size, 0, False)
                if n < 0:  # a longer piece than the buffer: grow it once
                    piece_size = -n
                    piece_buf = ctypes.create_string_buffer(piece_size)
                    n = to_piece(vocab, token, piece_buf, piece_size, 0, False)
                text, stopped = scanner.feed(decoder.decode(piece_buf.raw[:n]))
                if text:
                    yield text
                if stopped:
                    stats.stop_reason = "stop"
                    return
                if generated >= max_tokens:
                    stats.stop_reason = "length"
                    break
            if stats.stop_reason:
                break
            if cancel.is_set():
                stats.stop_reason = "cancelled"
                raise Cancelled()
            last = new[-1]
            guess: list[int] = []
            draft = None
            if lookup is not None and policy is not None:
                lookup.extend(new)
                room = min(max_draft, max_tokens - generated - 1, n_ctx - n_past - 1)
                draft = lookup.draft(room)
                if draft is not None:
                    guess = draft.tokens[: policy.length(draft.ngram, len(draft.tokens))]
            started = clock()
            if not guess:
                token_array[0] = last
                rc = decode(ctx, batch_get_one(token_array, 1))
                if rc != 0:
                    _decode_failed(rc, cancel, stats)
                input_ids[n_past] = last
                n_past += 1
                llm.n_tokens = n_past
                new = [sample(sampler, ctx, -1)]
            else:
                assert guesses is not None and policy is not None and draft is not None
                rc = decode(ctx, guesses.of([last, *guess], n_past))
                if rc != 0:
                    _decode_failed(rc, cancel, stats)
                input_ids[n_past : n_past + len(guess) + 1] = [last, *guess]
                new = []
                for i, guessed in enumerate([*guess, None]):
                    token = sample(sampler, ctx, i)
                    new.append(token)
                    if token != guessed:
                        break
                right = len(new) - 1
                n_past += 1 + right
                if right < len(guess):  # forget the wrong guesses' keys and values
                    llama_cpp.llama_memory_seq_rm(memory, -1, n_past, -1)
                llm.n_tokens = n_past
                policy.judged(draft.ngram, len(guess), right)
                drafted += len(guess)
                kept += right
                stats.drafted_tokens, stats.kept_tokens = drafted, kept
            if policy is not None:
                policy.timed(len(guess) + 1, clock() - started)
            steps += 1
            stats.write_steps = steps
        rest = scanner.feed(decoder.decode(b"", final=True))[0] + scanner.flush()
        if rest:
            yield rest
    finally:
        llama_cpp.llama_sampler_free(sampler)
        if guesses is not None:
            guesses.free()


def _decode_failed(rc: int, cancel: threading.Event, stats: GenerationStats) -> NoReturn:
    if cancel.is_set():
        stats.stop_reason = "cancelled"
        raise Cancelled()
    raise EngineError(
        user_message("Engine", "llama.cpp failed while writing (llama_decode returned %1).").arg(rc)
    )


__all__ = [
    "DEVICE_TOP_K",
    "DrySamplers",
    "SamplerSettings",
    "StopScanner",
    "build_sampler",
    "needs_all_candidates",
    "offload_top_k",
    "write_tokens",
]
