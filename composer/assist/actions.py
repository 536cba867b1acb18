"""Writing actions turned into chat requests for the engine.

Pure functions: no Qt, no engine. The user's text goes into the request and
nowhere else (never into logs).

Layout of every request, stable parts first:

    system:  SYSTEM_PROMPT                       (identical for every action)
    user:    the email (body, subject, recipients)  (identical while the email is)
             ---- everything below varies ----
             the part to work on, the conversation summary, the task, the language

llama.cpp keeps the KV cache of the longest token prefix shared with the
previous request, so a second action on the same email only reads the short
tail. Anything that differs between actions must therefore stay below the
email block.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from composer.assist.language import detect_language, language_instruction, language_name
from composer.assist.quoting import describe_thread, parse_thread
from composer.assist.review import fit_whitespace
from composer.assist.sampling import sampling_for
from composer.assist.target import Target
from composer.engine.base import ChatMessage, Engine, EngineError, GenerationRequest, ModelInfo
from composer.messages import UserFacingError, UserMessage, user_message

SYSTEM_PROMPT = (
    "You are a writing assistant inside an email app. You help the user write "
    "the body of their email: plain text, no subject line, no commentary before "
    "or after, no placeholders in square brackets unless a name is unknown. "
    "Never invent facts, dates, prices or promises the user did not give. "
    "When asked to change existing text, answer with the changed text only."
)


class Action(str, enum.Enum):
    DRAFT = "draft"
    REPLY = "reply"
    PROOFREAD = "proofread"
    SHORTEN = "shorten"
    EXPAND = "expand"
    FORMAL = "formal"
    FRIENDLY = "friendly"
    CUSTOM = "custom"

    @property
    def rewrites(self) -> bool:
        """True for actions that change existing text (and need some)."""
        return self not in (Action.DRAFT, Action.REPLY)


_TASKS: dict[Action, str] = {
    Action.PROOFREAD: (
        "Correct the spelling, grammar, punctuation and capitalisation of {part}. "
        "Change nothing else: keep the words, the meaning, the tone and the line breaks."
    ),
    Action.SHORTEN: (
        "Make {part} shorter. Keep every fact, question, request, name and date; "
        "drop repetition and filler."
    ),
    Action.EXPAND: (
        "Make {part} longer and more complete: clearer sentences and smoother "
        "transitions, without adding facts, names, dates or promises."
    ),
    Action.FORMAL: (
        "Rewrite {part} in a more formal, professional tone. Keep the meaning and every fact."
    ),
    Action.FRIENDLY: (
        "Rewrite {part} in a warmer, friendlier tone. Keep the meaning and every fact."
    ),
    Action.CUSTOM: "Change {part} as follows: {instruction}",
}


@dataclass(frozen=True)
class EmailContext:
    """The email the action runs in: the whole body even when a selection is edited.

    *focus* is the selection's range in *body* when the action works on a
    part: a long email is then cut down to the text around that part.
    """

    body: str = ""
    subject: str = ""
    recipients: str = ""
    focus: tuple[int, int] | None = None


# Around a selection, this much of the email is context enough (about 2,000
# tokens): a 500-character selection of a 300,000-character email must not be
# refused as too long, nor cost the model minutes of reading.
CONTEXT_CHARS = 7000
ELLIPSIS = "[…]"


def email_excerpt(body: str, start: int, end: int, budget: int = CONTEXT_CHARS) -> str:
    """*body* cut down to about *budget* characters around body[start:end].

    The selection itself is always whole; the cuts fall on line breaks where
    one is near, and are marked with "[…]" so the model knows text is missing.
    A body within the budget comes back unchanged (the prefix cache keeps
    working across actions on the same email).
    """
    if len(body) <= budget + (end - start):
        return body
    room = max(0, budget - (end - start))
    before_room = room * 2 // 3  # what leads up to a part matters more than what follows
    lo = max(0, start - before_room)
    hi = min(len(body), end + (room - (start - lo)))
    if lo > 0:
        cut = body.find("\n", lo, start)
        lo = cut + 1 if cut != -1 and cut - lo < 400 else lo
    if hi < len(body):
        cut = body.rfind("\n", end, hi)
        hi = cut if cut != -1 and hi - cut < 400 else hi
    return (
        (ELLIPSIS + "\n" if lo > 0 else "")
        + body[lo:hi]
        + ("\n" + ELLIPSIS if hi < len(body) else "")
    )


class RequestError(ValueError):
    """The request cannot be built; str() is a sentence for the user."""


def email_block(context: EmailContext) -> str:
    """The stable part of every request about this email."""
    lines = []
    if context.recipients.strip():
        lines.append(f"To: {context.recipients.strip()}")
    if context.subject.strip():
        lines.append(f"Subject: {context.subject.strip()}")
    body = context.body.strip("\n")
    if body.strip():
        lines.append("The email so far:\n<<<\n" + body + "\n>>>")
    else:
        lines.append("The email is empty so far.")
    return "\n".join(lines)


def _estimate_tokens(text: str) -> int:
    # About 3.5 characters a token for English and French with common
    # vocabularies; only used to size the answer, never to check the context
    # (that is measured with the model's own tokenizer).
    return int(len(text) / 3.5) + 1


def default_max_tokens(action: Action, text: str) -> int:
    """Room for the answer: a rewrite needs about as much as its input."""
    if not action.rewrites:
        return 512
    size = _estimate_tokens(text)
    if action is Action.SHORTEN:
        wanted = size + 32
    elif action is Action.EXPAND:
        wanted = 2 * size + 128
    else:
        wanted = int(size * 1.3) + 64
    return max(64, min(wanted, 4096))


def build_request(
    action: Action,
    text: str = "",
    *,
    instruction: str | None = None,
    language: str | None = None,
    context: EmailContext | None = None,
    max_tokens: int | None = None,
    temperature: float | None = None,
) -> GenerationRequest:
    """The chat request for *action* on *text* (the selection, or the whole body).

    *language* is the output language the user picked (a code such as "fr" or
    a name); None keeps the input's language. Raises RequestError with a
    sentence for the user when something needed is missing.
    """
    action = Action(action)
    instruction = (instruction or "").strip()
    context = context or EmailContext(body=text)
    body = context.body
    whole = not text.strip() or text.strip() == body.strip()
    if context.focus is not None and not whole and action is not Action.REPLY:
        # Only the text around the part is sent (a reply needs the whole thread).
        body = email_excerpt(body, *context.focus)
        context = replace(context, body=body)

    tail: list[str] = []
    if action is Action.DRAFT:
        if not instruction:
            raise RequestError("Type what the email should say first.")
        tail.append(f"Write the email. What it should say: {instruction}")
        tail.append(_answer_in(action, language, answer_language(action, instruction, body)))
    elif action is Action.REPLY:
        thread = parse_thread(body)
        if not thread.is_reply:
            raise RequestError(
                "There is no quoted message to reply to in the body. Open or paste the "
                "message you are answering (quoted with “>”), or use Draft instead."
            )
        tail.append("Who wrote what:\n" + describe_thread(thread))
        latest = thread.replying_to
        to = str(latest.author) if latest is not None and latest.author else "the sender"
        task = f"Write my reply to {to}. Answer their questions; use my notes if there are any."
        if instruction:
            task += f" Also: {instruction}"
        tail.append(task)
        tail.append(_answer_in(action, language, answer_language(action, instruction, body)))
    else:
        if not text.strip():
            raise RequestError("There is no text to work on yet. Write or select some text first.")
        if action is Action.CUSTOM and not instruction:
            raise RequestError("Type what the assistant should do with the text.")
        if whole:
            part = "the whole email"
        else:
            tail.append("The part to work on:\n<<<\n" + text.strip("\n") + "\n>>>")
            part = "that part only"
        tail.append(_TASKS[action].format(part=part, instruction=instruction))
        tail.append(language_instruction(text, language))
        if action in (Action.FORMAL, Action.FRIENDLY):
            writes_in = language or detect_language(text).code
            if writes_in in ("fr", "French"):
                tail.append(_FRENCH_ADDRESS[action is Action.FORMAL or not _uses_tu(body)])
        tail.append("Answer with the new text only.")

    user = email_block(context) + "\n\n" + "\n\n".join(tail)
    sampling = sampling_for(action, temperature)
    return GenerationRequest(
        messages=(ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", user)),
        max_tokens=max_tokens if max_tokens is not None else default_max_tokens(action, text),
        temperature=sampling.temperature,
        sampling=sampling,
    )


def answer_language(action: Action, instruction: str, body: str) -> str | None:
    """The language a Draft or a Reply should be written in when the user chose none.

    A Draft: its instruction's (one word in a short line is enough), else the
    body's. A Reply: the language of the message being answered (someone
    writing in French expects French back, whatever the UI), else the user's
    notes, else the body's. None when nothing says.
    """
    if action is Action.DRAFT:
        return detect_language(instruction, min_hits=1).code or detect_language(body).code
    thread = parse_thread(body)
    latest = thread.replying_to
    for text in (latest.text if latest else "", thread.own_text, body):
        code = detect_language(text).code
        if code:
            return code
    return None


def _answer_in(action: Action, chosen: str | None, detected: str | None) -> str:
    if chosen:
        return f"Write the result in {language_name(chosen)}."
    if detected is None:
        return "Write the result in the same language as the text."
    source = "my request" if action is Action.DRAFT else "the message being answered"
    return f"Write the result in {language_name(detected)}, the language of {source}."


# French has two ways to say "you": a formal rewrite says vous; a friendlier
# one may say tu only when the email already does (tutoyer a client uninvited
# is a faux pas no tone slider should make).
_FRENCH_ADDRESS = {
    True: "In French, address the reader as « vous ».",
    False: "In French, the email already says « tu »: keep « tu ».",
}
_TU = re.compile(r"\b(?:tu|toi|ton|ta|tes|t'|t’)(?=\W)", re.IGNORECASE)


def _uses_tu(body: str) -> bool:
    """Whether the user's own French text says tu (quoted messages do not count)."""
    own = parse_thread(body).own_text or body
    return _TU.search(own + " ") is not None


def draft_request(
    instruction: str,
    subject: str = "",
    recipients: str = "",
    max_tokens: int = 512,
    temperature: float = 0.7,
) -> GenerationRequest:
    """A new email body written from the user's short instruction."""
    if not instruction.strip():
        raise ValueError("Type what the email should say first.")
    return build_request(
        Action.DRAFT,
        instruction=instruction,
        context=EmailContext(subject=subject, recipients=recipients),
        max_tokens=max_tokens,
        temperature=temperature,
    )


def target_for(
    action: Action, body: str, selection_start: int = 0, selection_end: int = 0
) -> Target:
    """The range an action's suggestion will replace.

    REPLY writes over the user's own text above the quote (or inserts before
    the quote) and never touches the quoted conversation; the others use the
    selection, or the whole body when nothing is selected.
    """
    if Action(action) is Action.REPLY:
        start, end = parse_thread(body).own_span
        return Target.span(body, start, end)
    return Target.selection(body, selection_start, selection_end)


def prepare_suggestion(target: Target, output: str) -> str:
    """The model's answer made ready to replace *target*.

    Strips what models wrap answers in (code fences, quotes around the whole
    answer), keeps the target's surrounding white space, and keeps a blank
    line between a reply written above a quote and the quote.
    """
    text = output.strip()
    if text.startswith("```") and text.endswith("```") and len(text) > 6:
        text = text[3:-3].strip()
        first, _, rest = text.partition("\n")
        if first.isalpha() and rest:  # a language tag such as ```text
            text = rest.strip()
    for opening, closing in (('"', '"'), ("“", "”"), ("«", "»")):
        if text.startswith(opening) and text.endswith(closing) and len(text) > 1:
            inner = text[1:-1]
            if opening not in inner and closing not in inner:
                text = inner.strip()
    if target.original:
        return fit_whitespace(target.original, text)
    after = target.document[target.end :]
    if after.strip() and text:
        return text + ("\n\n" if not after.startswith("\n\n") else "")
    return text


@dataclass(frozen=True)
class InputUsage:
    """The request's size against the model's context (the W3C "input quota")."""

    input_tokens: int
    quota: int  # tokens the model reads at most (its context size)
    reserved_output: int  # room kept for the answer
    largest_fit: int = 0  # the longest context this computer's memory holds (0 = unknown)
    trained: int | None = None  # the model's trained context (GGUF header)

    @property
    def fits(self) -> bool:
        return self.input_tokens + self.reserved_output <= self.quota

    @property
    def user_text(self) -> UserMessage | None:
        """A sentence for the user (any language); None when the request fits."""
        if self.fits:
            return None
        return too_long_message(
            self.input_tokens + self.reserved_output, self.quota, self.largest_fit, self.trained
        )

    @property
    def message(self) -> str:
        """The English sentence; empty when the request fits."""
        return str(self.user_text or "")


def too_long_message(
    needed: int, window: int, largest_fit: int = 0, trained: int | None = None
) -> UserMessage:
    """Too long, with the numbers and the way out that really exists here.

    *needed*: tokens the email and its answer take at least; *window*: the
    model's context as loaded; *largest_fit*: the longest context the memory
    holds for this model; *trained*: the model's own limit.
    """
    model_limit = trained or window
    roomier = min(largest_fit, model_limit)
    if roomier >= needed and roomier > window:
        return user_message(
            "TooLong",
            "This email and its answer need at least %1 tokens; the model's window here is "
            "%2 tokens. Select a part of the email and run the action on that, or raise the "
            "context length in Edit > Settings > Assistant (up to %3 tokens fit in this "
            "computer's memory).",
        ).arg(f"{needed:,}", f"{window:,}", f"{roomier:,}")
    if model_limit > window and not largest_fit:  # the memory was not judged
        return user_message(
            "TooLong",
            "This email and its answer need at least %1 tokens; the model's window here is "
            "%2 tokens. Select a part of the email and run the action on that, or raise the "
            "context length in Edit > Settings > Assistant if this computer's memory allows.",
        ).arg(f"{needed:,}", f"{window:,}")
    if model_limit > window:
        return user_message(
            "TooLong",
            "This email and its answer need at least %1 tokens; the model's window here is "
            "%2 tokens, the most this computer's memory holds for this model. Select a part "
            "of the email and run the action on that.",
        ).arg(f"{needed:,}", f"{window:,}")
    return user_message(
        "TooLong",
        "This email and its answer need at least %1 tokens; the model's window is %2 tokens, "
        "all it was trained for. Select a part of the email and run the action on that, or "
        "use a model with a longer context (File > Models).",
    ).arg(f"{needed:,}", f"{window:,}")


# No tokenizer packs more than this many characters into a token on average
# over real text, so characters / 6 is a floor on the token count.
_MAX_CHARS_PER_TOKEN = 6


def surely_too_long(request: GenerationRequest, info: ModelInfo) -> UserMessage | None:
    """A sentence for the user when *request* cannot fit *info*'s model, known without tokenizing.

    Lets the window refuse a huge email at once, before it draws a review or
    the engine spends seconds tokenizing it; the exact check (check_fits)
    still runs on the engine thread for everything else.
    """
    chars = sum(len(m.content) for m in request.messages)
    floor = chars // _MAX_CHARS_PER_TOKEN
    usage = _usage(floor, info, request)
    return usage.user_text


def _usage(tokens: int, info: ModelInfo, request: GenerationRequest) -> InputUsage:
    plan = info.plan
    return InputUsage(
        tokens,
        int(info.context_size),
        # The engine refuses to start with fewer than 16 tokens of room anyway.
        max(16, request.max_tokens),
        largest_fit=plan.context_max if plan is not None else 0,
        trained=info.trained_context,
    )


class InputTooLong(EngineError, UserFacingError):
    """The request does not fit the model's context; str() says so plainly."""

    def __init__(self, usage: InputUsage) -> None:
        Exception.__init__(self, usage.message)
        self.message = usage.user_text or user_message("TooLong", "The email is too long.")
        self.usage = usage


def measure_usage(engine: Engine, request: GenerationRequest) -> InputUsage:
    """Measure *request* with the engine's tokenizer against its context size.

    *engine* is anything with measure_input_usage() and info.context_size
    (the Engine protocol). Call it before stream() so an email that is too
    long is reported before any work starts.
    """
    info = engine.info
    if info is None:
        raise EngineError(user_message("Engine", "No model is loaded yet."))
    return _usage(engine.measure_input_usage(request), info, request)


def check_fits(engine: Engine, request: GenerationRequest) -> InputUsage:
    """measure_usage(), raising InputTooLong when the request does not fit."""
    usage = measure_usage(engine, request)
    if not usage.fits:
        raise InputTooLong(usage)
    return usage
