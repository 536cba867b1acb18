"""llama.cpp's own log, collected around a load: why a load failed.

llama-cpp-python's exception only says "Failed to load model from file";
llama.cpp's log says why ("failed to allocate buffer for kv cache"). The
engine taps the log around every load; the hardware report and benchmarks
read the same text for the layers llama.cpp really offloaded
(composer.hardware.offload parses that part).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from typing import Any

# The lines that say *why* a load failed; llama-cpp-python's exception only
# says "Failed to load model from file" / "Failed to create llama_context".
_LOAD_ERROR = re.compile(r"(?:error loading model|failed to initialize the context): (.+)")
_ALLOC_ERROR = re.compile(r"failed to allocate (\S+ buffer)")
# llama.cpp refusing a quantised KV cache: flash attention is off (a quantised
# V cache needs it), or the model's head size is no multiple of the cache's block.
_CACHE_REFUSED = re.compile(
    r"quantized V cache (?:requires|was requested).*"
    r"|[KV] cache type \S+ with block size \d+ does not divide \S+"
)


def load_error(log_text: str) -> str | None:
    """The most telling error line of a failed load or context.

    For example "unable to allocate Vulkan0 buffer" or "failed to allocate buffer for kv cache".

    (ggml-vulkan writes its own detail, "... ErrorOutOfDeviceMemory", straight
    to stderr, past the log callback.)
    """
    found = [m.strip() for m in _LOAD_ERROR.findall(log_text)]
    if found:
        return str(found[-1])
    refused = _CACHE_REFUSED.findall(log_text)
    if refused:
        return str(refused[-1]).strip()
    allocations = _ALLOC_ERROR.findall(log_text)
    return f"failed to allocate {allocations[-1]}" if allocations else None


def cache_refused(why: str) -> bool:
    """Whether *why* (load_error's line) is llama.cpp refusing a quantised KV cache."""
    return _CACHE_REFUSED.search(why) is not None


@contextlib.contextmanager
def captured_llama_log() -> Iterator[io.StringIO]:
    """Collect llama-cpp-python's log (Llama(..., verbose=True) writes it to sys.stderr)."""
    buffer = io.StringIO()
    with contextlib.redirect_stderr(buffer):
        yield buffer


_taps: list[io.StringIO] = []  # active llama_log_tap() buffers, innermost last
_routed: Any = None  # the installed ctypes callback (kept alive: llama.cpp holds a pointer)
_llama_logger = logging.getLogger("composer.llama")
# ggml.h: NONE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4, CONT 5 (llama-cpp-python's
# own table predates DEBUG and is off by one).
_GGML_LOG_LEVEL_ERROR = 4


def _log_level(level: int) -> int:
    """llama.cpp's level as ours: its errors are said again by the engine in a sentence.

    So an error line is INFO here (kept in the log with its context) and the
    rest DEBUG; none is a warning of ours.
    """
    return logging.INFO if level == _GGML_LOG_LEVEL_ERROR else logging.DEBUG


def route_llama_log() -> None:
    """Send llama.cpp's log lines to the `composer.llama` logger, never to the terminal.

    llama-cpp-python prints llama.cpp's error-level lines on stderr even with
    verbose=False ("decode: removing memory module entries…" after a stop),
    which a person running the app from a terminal reads as a crash. Once
    installed, the callback stays (llama.cpp keeps the pointer); taps read
    the same lines.
    """
    import ctypes

    import llama_cpp

    global _routed
    if _routed is not None:
        return

    @llama_cpp.llama_log_callback
    def on_log(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        line = text.decode("utf-8", "replace")
        for tap in _taps:
            tap.write(line)
        if line.strip() and _llama_logger.isEnabledFor(_log_level(level)):
            _llama_logger.log(_log_level(level), "%s", line.rstrip())

    _routed = on_log
    llama_cpp.llama_log_set(on_log, ctypes.c_void_p(0))


@contextlib.contextmanager
def llama_log_tap() -> Iterator[io.StringIO]:
    """Collect llama.cpp's whole log, whatever `verbose` the Llama was made with.

    Taps nest: the engine taps every load, and a caller around it (a test, a
    report) still sees the same lines. Keep this around loading only: the
    text may include the model's metadata, never the user's text (prompts are
    not logged by llama.cpp).
    """
    route_llama_log()
    buffer = io.StringIO()
    _taps.append(buffer)
    try:
        yield buffer
    finally:
        _taps.remove(buffer)
