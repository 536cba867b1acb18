"""Stop inside llama.cpp's graph computation, without Python in llama.cpp's loop.

llama.cpp polls an abort callback so that Stop can end a long prompt batch
(seconds on a weak computer) or a slow token. ggml's CPU backend calls it
after *every* graph node (about 450 per token for the starter model) on its
first thread while the other threads wait at a barrier. A Python callback
there takes the GIL each time: when the GUI thread is busy drawing the
streamed answer, every call waits for it, and all of llama.cpp's threads
with it (measured: the app read 2.5 times slower with the window open than
the engine alone, docs/PERFORMANCE.md).

So the callback llama.cpp gets is a C function over a C flag: libc's
``strlen`` on a two-byte buffer, which returns 0 (go on) while the first byte
is NUL and 1 (stop) once it is set. A small watcher thread per request waits
on the request's cancel Event and sets the byte. Each request gets a fresh
buffer, so a late Stop of an earlier request cannot stop the next one. Where
libc's ``strlen`` cannot be found, a Python callback does the same, slower.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
from typing import Any

# How often a watcher looks whether its request ended (a Stop is seen at once).
WATCH_POLL_S = 0.25


def _libc_strlen() -> Any:
    """The C library's strlen as a foreign function, or None."""
    try:
        if sys.platform == "win32":
            return ctypes.cdll.msvcrt.strlen
        name = ctypes.util.find_library("c")
        return ctypes.CDLL(name).strlen
    except (OSError, AttributeError):
        return None


class AbortFlag:
    """The abort callback of one llama context, driven by each request's cancel Event."""

    def __init__(self, ctx: Any) -> None:
        import llama_cpp

        self._ctx = ctx
        strlen = _libc_strlen()
        self.native = strlen is not None
        if strlen is not None:
            # No Python runs when llama.cpp calls it: a plain C function pointer.
            self._callback = ctypes.cast(strlen, llama_cpp.ggml_abort_callback)
        else:
            self._callback = llama_cpp.ggml_abort_callback(self._python_poll)
        self._buffer = ctypes.create_string_buffer(2)
        self._done = threading.Event()
        self._install(self._buffer)

    @staticmethod
    def _python_poll(data: ctypes.c_void_p) -> bool:
        return bool(data) and ctypes.string_at(data, 1) != b"\0"

    @property
    def raised(self) -> bool:
        """Whether llama.cpp is being told to stop now."""
        return self._buffer.raw[0] != 0

    def watch(self, cancel: threading.Event) -> None:
        """From now until end(), llama.cpp stops as soon as *cancel* is set."""
        self.end()
        buffer = ctypes.create_string_buffer(2)
        done = threading.Event()
        self._install(buffer)
        self._buffer, self._done = buffer, done
        threading.Thread(
            target=_mirror, args=(cancel, done, buffer), name="llama-stop", daemon=True
        ).start()

    def end(self) -> None:
        """The request is over: its watcher ends and its Stop no longer reaches llama.cpp.

        Work outside a request (a speed measurement, say) then runs to its end.
        """
        self._done.set()
        if self.raised:
            buffer = ctypes.create_string_buffer(2)
            self._install(buffer)
            self._buffer = buffer

    def _install(self, buffer: ctypes.Array[ctypes.c_char]) -> None:
        import llama_cpp

        # The buffer object stays referenced by self until the next one replaces it.
        data = ctypes.cast(buffer, ctypes.c_void_p)
        llama_cpp.llama_set_abort_callback(self._ctx, self._callback, data)


def _mirror(
    cancel: threading.Event, done: threading.Event, buffer: ctypes.Array[ctypes.c_char]
) -> None:
    while not done.is_set():
        if cancel.wait(WATCH_POLL_S):
            if not done.is_set():
                buffer[0] = b"\x01"
            return


__all__ = ["WATCH_POLL_S", "AbortFlag"]
