"""A model file's chat template, rendered with a time and size budget.

A GGUF's ``tokenizer.chat_template`` is untrusted Jinja. Jinja's
ImmutableSandboxedEnvironment stops code execution (CVE-2024-34359) but not
a template that loops for ever or builds a gigabyte string (``'x' * N`` is
even folded at compile time). Here:

- multiplication, powers, ``%`` formatting and concatenation are checked
  before they run, and no call or filter may take an integer above
  MAX_INT_ARGUMENT (``center(10**9)``, ``range`` is already capped by Jinja);
- rendering stops at a deadline or when the caller's cancel Event is set
  (a trace function on the template's own frames checks both on every line),
  and when the text grows past MAX_PROMPT_CHARS.

The first render of a template runs in the first-use child (engine/trial.py)
with a hard timeout; every later render runs on the engine thread under the
same budget, so a template that hangs only on some input is still stopped.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import FrameType
from typing import Any

from composer.engine.base import Cancelled, EngineError
from composer.messages import user_message

MAX_TEMPLATE_CHARS = 256 * 1024  # real templates are a few kB; the largest known ~20 kB
MAX_PROMPT_CHARS = 2_000_000  # far above any context we create (tokens are >= 1 char)
MAX_INT_ARGUMENT = 100_000
MAX_VALUE_CHARS = 4_000_000
RENDER_SECONDS = 2.0
_TEMPLATE_FILE = "<template>"  # the file name Jinja gives code compiled from a string


class TemplateError(EngineError):
    """The model's chat template is unusable (broken, too slow or too big)."""


@dataclass(frozen=True)
class Rendered:
    prompt: str
    stop: list[str]


def _too_big(what: str) -> TemplateError:
    return TemplateError(
        user_message("Engine", "The model's chat template builds %1 too large to use.").arg(what)
    )


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_INT_ARGUMENT:
            raise _too_big("a value")


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE_CHARS:
        raise _too_big("a text")
    return value


def _guard_filter(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)  # keeps jinja's pass_context / pass_eval_context marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[1:], kwargs)  # the first argument is the filtered value
        return _sized(fn(*args, **kwargs))

    return guarded


def _environment() -> Any:
    import jinja2
    import jinja2.ext
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Generation(jinja2.ext.Extension):
        """HuggingFace's ``{% generation %}`` tag: pass its body through."""

        tags = {"generation"}

        def parse(self, parser: Any) -> Any:
            parser.stream.skip(1)
            return parser.parse_statements(("name:endgeneration",), drop_needle=True)

    class BudgetEnvironment(ImmutableSandboxedEnvironment):
        # Intercepted operators are also never constant-folded at compile time.
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    sized = isinstance(seq, (str, list, tuple)) and isinstance(n, int)
                    if sized and len(seq) * max(n, 0) > MAX_VALUE_CHARS:
                        raise _too_big("a text")
            elif operator == "**":
                if isinstance(right, (int, float)) and abs(right) > 64:
                    raise _too_big("a number")
            elif operator == "%" and isinstance(left, str):
                digits = "".join(c if c.isdigit() else " " for c in left).split()
                if any(len(d) > 5 for d in digits):
                    raise _too_big("a text")
            return _sized(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            _check_args(args, kwargs)
            return _sized(super().call(__context, __obj, *args, **kwargs))

    env = BudgetEnvironment(
        loader=jinja2.BaseLoader(),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[Generation, jinja2.ext.loopcontrols],
    )

    def tojson(
        x: Any,
        ensure_ascii: bool = False,
        indent: int | None = None,
        separators: tuple[str, str] | None = None,
        sort_keys: bool = False,
    ) -> str:
        import json

        return json.dumps(
            x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys
        )

    env.filters["tojson"] = tojson
    env.filters = {name: _guard_filter(fn) for name, fn in env.filters.items()}
    return env


class _Deadline:
    """A trace function that stops the template's own frames at a deadline or on cancel."""

    def __init__(self, seconds: float, cancel: threading.Event | None) -> None:
        self._until = time.monotonic() + seconds
        self._cancel = cancel
        self._previous: Any = None

    def _check(self, frame: FrameType, event: str, arg: Any) -> Any:
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled()
        if time.monotonic() > self._until:
            raise TemplateError(
                user_message("Engine", "The model's chat template took too long to render.")
            )
        return self._check

    def _on_call(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename == _TEMPLATE_FILE:
            return self._check(frame, event, arg)
        previous = self._previous
        return previous(frame, event, arg) if previous is not None else None

    def __enter__(self) -> _Deadline:
        self._previous = sys.gettrace()
        sys.settrace(self._on_call)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self._previous)


class ChatTemplate:
    """A compiled template plus the tokens it is rendered with."""

    def __init__(self, source: str, bos_token: str, eos_token: str) -> None:
        if len(source) > MAX_TEMPLATE_CHARS:
            raise TemplateError(
                user_message(
                    "Engine",
                    "The model's chat template is %1 characters long; "
                    "Composer uses templates up to %2.",
                ).arg(f"{len(source):,}", f"{MAX_TEMPLATE_CHARS:,}")
            )
        self.bos_token = bos_token
        self.eos_token = eos_token
        try:
            with _Deadline(RENDER_SECONDS, None):
                self._template = _environment().from_string(source)
        except EngineError:
            raise
        except Exception as exc:
            raise TemplateError(
                user_message("Engine", "The model's chat template cannot be read (%1).").arg(
                    type(exc).__name__
                )
            ) from exc

    def render(
        self,
        messages: list[dict[str, str]],
        cancel: threading.Event | None = None,
        seconds: float = RENDER_SECONDS,
        max_chars: int = MAX_PROMPT_CHARS,
    ) -> Rendered:
        """The prompt for *messages*; TemplateError when over budget, Cancelled on *cancel*."""

        def raise_exception(message: str) -> None:
            refused = user_message(
                "Engine", "The model's chat template refused the conversation: %1"
            )
            raise TemplateError(refused.arg(message))

        def strftime_now(fmt: str) -> str:
            return datetime.now().strftime(fmt)

        parts: list[str] = []
        size = 0
        try:
            with _Deadline(seconds, cancel):
                for piece in self._template.generate(
                    messages=messages,
                    bos_token=self.bos_token,
                    eos_token=self.eos_token,
                    raise_exception=raise_exception,
                    add_generation_prompt=True,
                    strftime_now=strftime_now,
                ):
                    size += len(piece)
                    if size > max_chars:
                        raise TemplateError(
                            user_message(
                                "Engine",
                                "The model's chat template writes a prompt longer than "
                                "%1 characters.",
                            ).arg(f"{max_chars:,}")
                        )
                    parts.append(piece)
        except EngineError:
            raise
        except RecursionError as exc:
            raise TemplateError(
                user_message("Engine", "The model's chat template recurses without end.")
            ) from exc
        except Exception as exc:
            raise TemplateError(
                user_message("Engine", "The model's chat template failed (%1).").arg(
                    type(exc).__name__
                )
            ) from exc
        return Rendered(prompt="".join(parts), stop=[self.eos_token] if self.eos_token else [])


TEST_CONVERSATION = [
    {"role": "system", "content": "You help write emails."},
    {"role": "user", "content": "Grüße an Zoë — 日本語, naïve café ✉ 🙂"},
]
