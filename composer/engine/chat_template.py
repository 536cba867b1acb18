"""A model file's chat template, rendered with a time and size budget.

A GGUF's ``tokenizer.chat_template`` is untrusted Jinja. Jinja's
ImmutableSandboxedEnvironment stops code execution (CVE-2024-34359) but not a
template that loops for ever, builds a gigabyte string or keeps a C function
busy for seconds. A template may also behave on short input and balloon only
on long input (the first-use check renders a short conversation), so every
render is budgeted, not only the first one:

- Size. Every value the template makes is checked, before it is made where
  its size can be known (``*`` and ``+`` from their operands, ``replace`` from
  how often the text occurs, ``join`` from its items, ``%`` and ``format``
  from their fields, widths and values, ``indent`` and ``wordwrap`` from the
  lines) and otherwise as soon as it is made. No value may be longer than the
  render's value bound (lists count the text they hold), and all of them
  together may not pass the render's budget; both grow with the length of
  the conversation. Strings joined with ``~``, list and dict literals and
  every ``{{ }}`` output pass the same checks: the code generator routes
  them here.
- Time. A trace function on the template's own frames checks the deadline
  and the cancel Event on every line, and every guarded operation checks
  them too (so a filter applied to each item of a long list stops at the
  next item). One C call cannot be interrupted, so the slow ones get bounded
  inputs: sorting and comparing filters take at most MAX_SORT_ITEMS items,
  the text filters that run in Python (wordwrap, title, wordcount,
  striptags) at most MAX_SLOW_TEXT_CHARS characters, and no list holds more
  than MAX_ITEMS. Each such call then ends within tens of milliseconds.
- Filters no chat template uses that would each need bounds of their own
  (pprint, random, urlencode, urlize, xmlattr) and the ``lipsum`` global are
  removed, and so are the string methods that multiply their input
  (``translate``, ``expandtabs``, ``encode``): a template using them fails
  to compile, and the plain fallback format is used. There is no Markup: the
  escape filters return plain text.

The first render of a template runs in the first-use child (engine/trial.py)
with a hard timeout; every later render runs on the engine thread under the
same budget.
"""

from __future__ import annotations

import contextvars
import functools
import re
import sys
import threading
import time
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, ValuesView
from dataclasses import dataclass
from datetime import datetime
from types import FrameType
from typing import Any

from composer.engine.base import Cancelled, EngineError
from composer.messages import user_message
from composer.modelfile.printable import LINE_CHARS, printable

MAX_TEMPLATE_CHARS = 256 * 1024  # real templates are a few kB; the largest known ~20 kB
MAX_PROMPT_CHARS = 2_000_000  # far above any context we create (tokens are >= 1 char)
MAX_INT_ARGUMENT = 100_000  # a width, a count, a range: far above what a template needs
MAX_INT_BITS = 4096  # whole numbers: counters and lengths need 64
# One value (a text; a list counts the text it holds) may be this long, or
# VALUE_PER_INPUT times the conversation, whichever is more: a template copies
# the conversation a few times over (tojson doubles a text's quotes and breaks).
MIN_VALUE_CHARS = 1_000_000
VALUE_PER_INPUT = 8
# Everything one render makes, together, in cells: a character each, ITEM_CELLS
# per list slot. About 8-32 MB at most for a short email, more only for a long one.
MIN_RENDER_CELLS = 8_000_000
CELLS_PER_INPUT = 32
ITEM_CELLS = 8
MAX_ITEMS = 100_000  # Jinja's own range() limit; a list of pointers under 1 MB
MAX_SORT_ITEMS = 10_000  # sorting 10k items with a key (sort, groupby, min…): ~10 ms here
MAX_SLOW_TEXT_CHARS = 100_000  # wordwrap of 100k characters: ~30 ms here, title ~15 ms
MAX_FORMAT_FIELDS = 1_000  # "%s" / "{}" fields of one format string
MAX_JSON_INDENT = 16
RENDER_SECONDS = 2.0
_TEMPLATE_FILE = "<template>"  # the file name Jinja gives code compiled from a string
_REPR_GROWTH = 10  # repr() of a string: up to 10 characters each (\U0001xxxx)
_CASE_GROWTH = 3  # upper()/title(): "ΐ" becomes 3 characters
_ESCAPE_GROWTH = 6  # html escaping: '"' becomes "&#34;"; JSON: a control becomes \u00XX
_FLOAT_CHARS = 330  # "%f" % 1e308
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines() splits
# Every character str.isspace() accepts (where str.split() with no separator splits).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.S)
_DIGITS = re.compile(r"\d+")
_PULSE_STEPS = 4096  # items measured between two checks of the time and Stop

# Removed: no chat template uses them, and each would need bounds of its own.
_REMOVED_FILTERS = ("pprint", "random", "urlencode", "urlize", "xmlattr")
# str methods whose result can be many times their input for a short argument.
_REFUSED_STR_METHODS = frozenset({"translate", "maketrans", "expandtabs", "encode"})
# Filters that go through their input item by item (a string: character by character).
_ITERATING_FILTERS = frozenset(
    {"batch", "first", "groupby", "join", "last", "list", "map", "max", "min", "reject"}
    | {"rejectattr", "select", "selectattr", "slice", "sort", "sum", "unique", "dictsort"}
)
_SORTING_FILTERS = frozenset({"sort", "dictsort", "groupby", "min", "max"})
_SLOW_TEXT_FILTERS = frozenset({"wordwrap", "title", "wordcount", "striptags"})


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


def _too_slow() -> TemplateError:
    return TemplateError(
        user_message("Engine", "The model's chat template took too long to render.")
    )


def _too_many(count: int, limit: int) -> TemplateError:
    return TemplateError(
        user_message(
            "Engine",
            "The model's chat template works on a list of %1 items; Composer allows up to %2.",
        ).arg(f"{count:,}", f"{limit:,}")
    )


# -- sizes -----------------------------------------------------------------------------------
def _size(value: Any, cap: int) -> int:
    """About how many characters *value* holds (its strings, 2 more per item), once past *cap*.

    A string shared by many items counts each time: what matters is what a C
    function walking the value reads (a comparison, str(), a join). The walk
    stops as soon as the total passes *cap*, so it is cheap for what is refused.
    """
    if isinstance(value, str):
        return len(value)
    total = steps = 0
    stack = [value]
    while stack and total <= cap:
        item = stack.pop()
        steps += 1
        if steps % _PULSE_STEPS == 0:
            _pulse()
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset, KeysView, ValuesView, ItemsView)):
            total += 2 + 2 * len(item)
            stack.extend(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 2
        elif type(item).__name__ == "Namespace":  # Jinja's namespace(): repr shows its values
            stack.append(object.__getattribute__(item, "_Namespace__attrs"))
        else:
            total += 24
    return total


def _text_size(value: Any, cap: int) -> int:
    """At most how long str(value) is: a text as it is, anything else through repr()."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, float):
        return _FLOAT_CHARS
    return _REPR_GROWTH * _size(value, cap)


def _line_count(text: str) -> int:
    return sum(text.count(mark) for mark in _LINE_BREAKS) + 1


def _piece_count(text: str, sep: Any, maxsplit: Any) -> int:
    """At most how many pieces text.split(sep, maxsplit) makes, without splitting."""
    if isinstance(sep, str):
        pieces = text.count(sep) + 1 if sep else 1
    else:  # whitespace runs: never more than the whitespace characters, plus one
        pieces = sum(text.count(mark) for mark in _WHITESPACE) + 1
    if isinstance(maxsplit, int) and maxsplit >= 0:
        pieces = min(pieces, maxsplit + 1)
    return pieces


def _replace_size(text: str, old: str, new: str, count: Any) -> int:
    """How long text.replace(old, new, count) comes out, from how often *old* occurs."""
    if len(new) <= len(old):
        return len(text)
    hits = text.count(old)  # "" occurs len(text) + 1 times, as replace() sees it
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def _join_size(sep: str, items: list[Any], cap: int) -> int:
    total = max(len(items) - 1, 0) * len(sep)
    for steps, item in enumerate(items, 1):
        total += _text_size(item, cap)
        if total > cap:
            break
        if steps % _PULSE_STEPS == 0:
            _pulse()
    return total


def _number(digits: str) -> int:
    if len(digits) > 6:  # a width or precision above 999,999: never real
        raise _too_big("a text")
    return int(digits)


def _longest(values: Iterable[Any], cap: int) -> tuple[int, int, int]:
    """The longest str(), the longest repr() and the largest whole number among *values*."""
    plain = shown = widest = 0
    for value in values:
        plain = max(plain, _text_size(value, cap))
        shown = max(shown, _REPR_GROWTH * _size(value, cap) + 2)
        if isinstance(value, int) and not isinstance(value, bool):
            widest = max(widest, abs(value))
    return plain, shown, widest


def _printf_size(fmt: str, values: list[Any], cap: int) -> int:
    """At most how long ``fmt % values`` is: each field prints the longest value, padded."""
    if fmt.count("%") > MAX_FORMAT_FIELDS:
        raise _too_big("a text")
    plain, shown, widest = _longest(values, cap)
    total = len(fmt)
    for width, precision, conversion in _PRINTF_FIELD.findall(fmt):
        for number in (width, precision):
            total += widest if number == "*" else _number(number) if number else 0
        total += shown if conversion in ("r", "a") else plain
    return total


def _format_size(fmt: str, values: list[Any], cap: int) -> int:
    """At most how long ``fmt.format(*values)`` is: as _printf_size, for "{}" fields."""
    import string

    if fmt.count("{") > MAX_FORMAT_FIELDS:
        raise _too_big("a text")
    plain, shown, widest = _longest(values, cap)
    total = len(fmt)
    for _text, field, spec, conversion in string.Formatter().parse(fmt):
        if field is None:
            continue
        spec = spec or ""
        total += sum(_number(d) for d in _DIGITS.findall(spec))
        total += widest if "{" in spec else 0  # a width taken from an argument
        total += shown if conversion in ("r", "a") else plain
    return total


def _percent_values(right: Any) -> list[Any]:
    if isinstance(right, tuple):
        return list(right)
    if isinstance(right, dict):
        return list(right.values())
    return [right]


def _json_size(value: Any, indent: int, cap: int) -> int:
    """At most how long json.dumps(value, indent=indent) is (a control character: 6)."""
    total = steps = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack and total <= cap:
        item, depth = stack.pop()
        steps += 1
        if steps % _PULSE_STEPS == 0:
            _pulse()
        if isinstance(item, str):
            total += _ESCAPE_GROWTH * len(item) + 2
        elif isinstance(item, (dict, list, tuple)):
            total += 2 + len(item) * (4 + 2 + indent * depth)
            inner = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((part, depth + 1) for part in inner)
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 2
        else:
            total += 24
    return total


# -- the budget of one render ------------------------------------------------------------------
class _Budget:
    """What one render (or one compile) may still make, and until when."""

    def __init__(self, input_chars: int, seconds: float, cancel: threading.Event | None) -> None:
        self.max_value = max(MIN_VALUE_CHARS, VALUE_PER_INPUT * input_chars)
        self.cells_left = max(MIN_RENDER_CELLS, CELLS_PER_INPUT * input_chars)
        self.until = time.monotonic() + seconds
        self.cancel = cancel

    def tick(self) -> None:
        """Stop here when the user pressed Stop or the time is up."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        if time.monotonic() > self.until:
            raise _too_slow()

    def allow(self, size: int, what: str = "a text") -> None:
        """Refuse, before it is made, a value that would be *size* characters long."""
        if size > self.max_value:
            raise _too_big(what)

    def allow_items(self, count: int, limit: int = MAX_ITEMS) -> None:
        if count > limit:
            raise _too_many(count, limit)

    def spend(self, cells: int) -> None:
        self.cells_left -= cells
        if self.cells_left < 0:
            raise TemplateError(
                user_message(
                    "Engine",
                    "The model's chat template makes more text in all than Composer "
                    "allows for one prompt.",
                )
            )

    def made(self, value: Any) -> Any:
        """Check and pay for a value that was just made; returns it."""
        if isinstance(value, str):
            self.allow(len(value))
            self.spend(len(value))
        elif isinstance(value, (list, tuple, dict, set, frozenset)):
            self.allow_items(len(value))
            self.allow(_size(value, self.max_value), "a list")
            self.spend(ITEM_CELLS * len(value))
        elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            raise _too_big("a number")
        return value

    def bounded_list(self, items: Iterable[Any]) -> list[Any]:
        """*items* as a list, item by item (each may run template code), at most MAX_ITEMS."""
        found: list[Any] = []
        for item in items:
            if len(found) >= MAX_ITEMS:
                raise _too_many(len(found) + 1, MAX_ITEMS)
            if len(found) % 256 == 0:
                self.tick()
            found.append(item)
        self.spend(ITEM_CELLS * len(found))
        return found

    def ticking(self, items: Iterator[Any]) -> Iterator[Any]:
        """*items*, checking the time and Stop before each (a filter's lazy result)."""
        for count, item in enumerate(items):
            if count >= MAX_ITEMS:
                raise _too_many(count + 1, MAX_ITEMS)
            self.tick()
            yield item


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("budget", default=None)


def _pulse() -> None:
    """Check the time and Stop from inside a long measurement (if a render is running)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # only ChatTemplate compiles and renders with this environment
        raise RuntimeError("a chat template ran outside ChatTemplate")
    return budget


def _check_args(args: Iterable[Any], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if _whole(value) and abs(value) > MAX_INT_ARGUMENT:
            raise _too_big("a value")


# -- filters and tests -------------------------------------------------------------------------
def _arg(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any) -> Any:
    """A filter's parameter, given by position (after the value) or by name."""
    return args[index] if len(args) > index else kwargs.get(name, default)


def _filter_estimate(
    name: str, value: Any, args: tuple[Any, ...], kw: dict[str, Any], cap: int
) -> int:
    """At most how long the text filter *name* makes from *value*; 0 when it makes none."""
    if name in ("replace", "format", "indent", "wordwrap") and not isinstance(value, str):
        size = _text_size(value, cap)
        if size > cap:  # not even its text may be made
            return size
        value = str(value)  # as the filter itself does (indent and wordwrap then fail)
    if name == "replace":
        old, new = str(_arg(args, kw, 0, "old", "")), str(_arg(args, kw, 1, "new", ""))
        return _replace_size(str(value), old, new, _arg(args, kw, 2, "count", None))
    if name == "join":
        return _join_size(str(_arg(args, kw, 0, "d", "")), list(value), cap)
    if name == "format":
        return _printf_size(str(value), list(kw.values()) or list(args), cap)
    if name == "indent":
        width = _arg(args, kw, 0, "width", 4)
        pad = len(width) if isinstance(width, str) else max(int(width), 0)
        return len(value) + (_line_count(value) + 1) * (pad + 1)
    if name == "wordwrap":
        wrap = _arg(args, kw, 2, "wrapstring", None)
        joint = len(wrap) if isinstance(wrap, str) else 1
        return len(value) + (len(value) + _line_count(value) + 1) * joint
    if name in ("upper", "lower", "title", "capitalize"):
        return _CASE_GROWTH * _text_size(value, cap)
    if name in ("e", "escape", "forceescape"):
        return _ESCAPE_GROWTH * _text_size(value, cap)
    if name in ("string", "safe", "striptags", "center", "trim", "truncate"):
        return _text_size(value, cap)
    return 0


def _check_filter_input(name: str, value: Any, budget: _Budget) -> None:
    """Bound what one C or pure-Python call of the filter *name* may have to go through."""
    if name in _ITERATING_FILTERS and hasattr(value, "__len__"):
        budget.allow_items(len(value))
    if name in _SORTING_FILTERS and hasattr(value, "__len__"):
        budget.allow_items(len(value), MAX_SORT_ITEMS)
    if name in _SLOW_TEXT_FILTERS:
        size = _text_size(value, budget.max_value)
        if size > MAX_SLOW_TEXT_CHARS:
            raise TemplateError(
                user_message(
                    "Engine",
                    "The model's chat template applies “%1” to %2 characters; "
                    "Composer allows up to %3.",
                ).arg(name, f"{size:,}", f"{MAX_SLOW_TEXT_CHARS:,}")
            )


def _guard_filter(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)  # keeps jinja's pass_context / pass_eval_context marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.tick()
        at = 1 if getattr(fn, "jinja_pass_arg", None) is not None else 0
        value, rest = args[at], args[at + 1 :]
        _check_args(rest, kwargs)
        if isinstance(value, Iterator):  # a lazy map/select: pulled here, item by item
            value = budget.bounded_list(value)
            args = (*args[:at], value, *rest)
        _check_filter_input(name, value, budget)
        if name == "sum" and not isinstance(_arg(rest, kwargs, 1, "start", 0), (int, float)):
            # Numbers only: sum() of lists copies them quadratically, in one C call.
            raise TypeError("sum() of a template adds numbers only")
        budget.allow(_filter_estimate(name, value, rest, kwargs, budget.max_value))
        result = fn(*args, **kwargs)
        if isinstance(result, Iterator):
            return budget.ticking(result)
        return budget.made(result)

    return guarded


def _guard_test(fn: Any) -> Callable[..., Any]:
    @functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _budget().tick()  # a test runs once per item of select/reject
        _check_args(args[1:], kwargs)
        return fn(*args, **kwargs)

    return guarded


def _tojson(
    x: Any,
    ensure_ascii: bool = False,
    indent: int | None = None,
    separators: tuple[str, str] | None = None,
    sort_keys: bool = False,
) -> str:
    import json

    if indent is not None and not (isinstance(indent, int) and 0 <= indent <= MAX_JSON_INDENT):
        raise ValueError(f"tojson indent must be a whole number up to {MAX_JSON_INDENT}")
    if separators is not None and any(len(str(s)) > 4 for s in separators):
        raise ValueError("tojson separators must be short")
    budget = _budget()
    budget.allow(_json_size(x, indent or 0, budget.max_value))
    return json.dumps(
        x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys
    )


def _escaped(value: Any) -> str:
    """HTML-escaped text, as plain text (no Markup: nothing here is HTML)."""
    import markupsafe

    return str(markupsafe.escape(value))


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


# -- method calls on strings -------------------------------------------------------------------
def _str_method_args(
    name: str, text: str, args: tuple[Any, ...], kwargs: dict[str, Any], budget: _Budget
) -> tuple[Any, ...]:
    """Check a call of text.<name>(...) before it runs; the arguments to run it with."""
    cap = budget.max_value
    if name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        budget.allow(_replace_size(text, str(args[0]), str(args[1]), count))
    elif name == "join" and args:
        items = args[0]
        items = budget.bounded_list(items) if not isinstance(items, (list, tuple)) else items
        budget.allow_items(len(items))
        budget.allow(_join_size(text, list(items), cap))
        args = (items, *args[1:])
    elif name in ("upper", "lower", "title", "capitalize", "swapcase", "casefold"):
        budget.allow(_CASE_GROWTH * len(text))
    elif name in ("split", "rsplit"):
        sep = args[0] if args else kwargs.get("sep")
        maxsplit = args[1] if len(args) > 1 else kwargs.get("maxsplit", -1)
        budget.allow_items(_piece_count(text, sep, maxsplit))
    elif name == "splitlines":
        budget.allow_items(_line_count(text))
    return args


# -- the environment ---------------------------------------------------------------------------
def _environment() -> Any:
    import jinja2
    import jinja2.ext
    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Generation(jinja2.ext.Extension):
        """HuggingFace's ``{% generation %}`` tag: pass its body through."""

        tags = {"generation"}

        def parse(self, parser: Any) -> Any:
            parser.stream.skip(1)
            return parser.parse_statements(("name:endgeneration",), drop_needle=True)

    class BudgetCodeGenerator(CodeGenerator):
        """Routes ``~`` and list, tuple and dict literals through the environment's checks."""

        def visit_Concat(self, node: Any, frame: Any) -> None:
            self.write("environment.joined((")
            for part in node.nodes:
                self.visit(part, frame)
                self.write(", ")
            self.write("))")

        def _checked(self, visit: Callable[[Any, Any], None], node: Any, frame: Any) -> None:
            if getattr(node, "ctx", "load") != "load":  # an assignment target: left alone
                visit(node, frame)
                return
            self.write("environment.built(")
            visit(node, frame)
            self.write(")")

        def visit_List(self, node: Any, frame: Any) -> None:
            self._checked(super().visit_List, node, frame)

        def visit_Tuple(self, node: Any, frame: Any) -> None:
            self._checked(super().visit_Tuple, node, frame)

        def visit_Dict(self, node: Any, frame: Any) -> None:
            self._checked(super().visit_Dict, node, frame)

    class BudgetEnvironment(ImmutableSandboxedEnvironment):
        code_generator_class = BudgetCodeGenerator
        # Intercepted operators are also never constant-folded at compile time.
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            budget = _budget()
            budget.tick()
            _check_binop(budget, operator, left, right)
            return budget.made(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            budget = _budget()
            budget.tick()
            _check_args(args, kwargs)
            owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", None)
            if isinstance(owner, str) and isinstance(name, str):
                args = _str_method_args(name, owner, args, kwargs, budget)
            return budget.made(super().call(__context, __obj, *args, **kwargs))

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if isinstance(obj, str) and attr in _REFUSED_STR_METHODS:
                return False
            return bool(super().is_safe_attribute(obj, attr, value))

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            sandboxed = super().wrap_str_format(value)
            if sandboxed is None:
                return None
            fmt = value.__self__

            def checked(*args: Any, **kwargs: Any) -> str:
                # format_map's mapping counts whole: at least as long as any value in it.
                budget = _budget()
                budget.allow(_format_size(fmt, [*args, *kwargs.values()], budget.max_value))
                return str(sandboxed(*args, **kwargs))

            return checked

        def getitem(self, obj: Any, argument: Any) -> Any:
            value = super().getitem(obj, argument)
            return _budget().made(value) if isinstance(argument, slice) else value

        def joined(self, parts: tuple[Any, ...]) -> str:
            """``a ~ b``: checked from the parts' sizes before it is made."""
            budget = _budget()
            budget.tick()
            budget.allow(sum(_text_size(part, budget.max_value) for part in parts))
            return str(budget.made("".join(map(str, parts))))

        def built(self, value: Any) -> Any:
            """A list, tuple or dict literal, made from values that may be long."""
            return _budget().made(value)

    def finalize(value: Any) -> Any:
        # Every {{ }} output, before str() makes it text (a list's repr can be huge;
        # inside {% autoescape %} the text is escaped too, up to 6 times as long).
        budget = _budget()
        size = _text_size(value, budget.max_value)
        budget.allow(_ESCAPE_GROWTH * size)
        budget.spend(size)
        return value

    env = BudgetEnvironment(
        loader=jinja2.BaseLoader(),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[Generation, jinja2.ext.loopcontrols],
        finalize=finalize,
    )
    env.globals.pop("lipsum", None)  # up to 100k paragraphs of filler text per call
    filters = dict(env.filters)
    for name in _REMOVED_FILTERS:
        filters.pop(name, None)
    filters.update(tojson=_tojson, e=_escaped, escape=_escaped, forceescape=_escaped, safe=_as_text)
    env.filters = {name: _guard_filter(name, fn) for name, fn in filters.items()}
    env.tests = {name: _guard_test(test) for name, test in env.tests.items()}
    return env


def _check_binop(budget: _Budget, operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**``, ``%`` and ``+`` whose result would be too big, before computing it."""
    sequences = (str, list, tuple)
    what = "a text" if isinstance(left, str) or isinstance(right, str) else "a list"
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, sequences) and isinstance(n, int):
                times = max(n, 0)
                if not isinstance(seq, str):
                    budget.allow_items(len(seq) * times)
                budget.allow(_size(seq, budget.max_value) * times, what)
        if _whole(left) and _whole(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _too_big("a number")
    elif operator == "**":
        if (
            _whole(left)
            and _whole(right)
            and right > 0
            and left.bit_length() * right > MAX_INT_BITS
        ):
            raise _too_big("a number")
    elif operator == "%" and isinstance(left, str):
        budget.allow(_printf_size(left, _percent_values(right), budget.max_value))
    elif operator == "+" and isinstance(left, sequences) and isinstance(right, sequences):
        if not isinstance(left, str):
            budget.allow_items(len(left) + len(right))
        cap = budget.max_value
        budget.allow(_size(left, cap) + _size(right, cap), what)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Deadline:
    """Runs a compile or render under *budget*: stops the template's own frames on time or Stop."""

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget
        self._previous: Any = None
        self._token: contextvars.Token[_Budget | None] | None = None

    def _check(self, frame: FrameType, event: str, arg: Any) -> Any:
        self._budget.tick()
        return self._check

    def _on_call(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename == _TEMPLATE_FILE:
            return self._check(frame, event, arg)
        previous = self._previous
        return previous(frame, event, arg) if previous is not None else None

    def __enter__(self) -> _Deadline:
        self._token = _BUDGET.set(self._budget)
        self._previous = sys.gettrace()
        sys.settrace(self._on_call)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self._previous)
        if self._token is not None:
            _BUDGET.reset(self._token)


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
            # Jinja folds constant expressions (filters of literals) while compiling.
            with _Deadline(_Budget(0, RENDER_SECONDS, None)):
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
            raise TemplateError(refused.arg(printable(message, LINE_CHARS)))

        def strftime_now(fmt: str) -> str:
            if len(str(fmt)) > 100:  # "%c" is 2 characters for 24: a short format only
                raise _too_big("a text")
            return datetime.now().strftime(fmt)

        given = _size(messages, sys.maxsize) + len(self.bos_token) + len(self.eos_token)
        parts: list[str] = []
        size = 0
        try:
            with _Deadline(_Budget(given, seconds, cancel)):
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
