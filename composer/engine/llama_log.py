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
_tap_callback: Any = None  # the installed ctypes callback (kept alive while installed)


@contextlib.contextmanager
def llama_log_tap() -> Iterator[io.StringIO]:
    """Collect llama.cpp's whole log, whatever `verbose` the Llama was made with.

    Installs a log callback for the duration and then gives llama-cpp-python
    its own back. Taps nest: the engine taps every load, and a caller around
    it (a test, a report) still sees the same lines. Keep this around loading
    only: the text may include the model's metadata, never the user's text
    (prompts are not logged by llama.cpp).
    """
    import ctypes

    import llama_cpp
    from llama_cpp import _logger

    global _tap_callback
    buffer = io.StringIO()
    if not _taps:

        @llama_cpp.llama_log_callback
        def on_log(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
            line = text.decode("utf-8", "replace")
            for tap in _taps:
                tap.write(line)

        _tap_callback = on_log
        llama_cpp.llama_log_set(on_log, ctypes.c_void_p(0))
    _taps.append(buffer)
    try:
        yield buffer
    finally:
        _taps.remove(buffer)
        if not _taps:
            llama_cpp.llama_log_set(_logger.llama_log_callback, ctypes.c_void_p(0))
            _tap_callback = None
