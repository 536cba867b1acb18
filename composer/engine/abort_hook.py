"""llama.cpp's abort callback, attached only where it pays for itself.

The callback lets Stop end llama.cpp in the middle of a graph computation.
Its price: ggml's CPU backend calls it after *every* graph node (about 450
per token for the starter model) on its first thread while the others wait
at a barrier, and ours is a Python function, so every call takes the GIL.
On a 16-thread CPU writing the starter model's ~3 ms tokens, that serial
Python work was the engine's largest loss against llama.cpp's own tools.

So the hook is attached while a prompt is read (one batch can take seconds,
and a few hundred calls are nothing against it) and, while writing, only
when tokens are slow (SLOW_TOKEN_S or more each: a big model on a weak
computer). For fast tokens the token loop's own check between tokens stops
within one token, which is then well under the 100 ms Stop target.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

# A token at least this slow keeps the callback: the ~450 Python calls cost
# under 2% of it, and without it Stop would wait for the token to finish.
SLOW_TOKEN_S = 0.05


class AbortHook:
    """Attaches and detaches one llama context's abort callback."""

    def __init__(self, ctx: Any, cancel: threading.Event | None = None) -> None:
        import llama_cpp

        self._ctx = ctx
        self.cancel = cancel
        self._attached = False
        # Kept on the object: llama.cpp holds only the raw function pointer.
        self._callback = llama_cpp.ggml_abort_callback(self._should_abort)
        self._none = llama_cpp.ggml_abort_callback()

    @property
    def attached(self) -> bool:
        return self._attached

    def _should_abort(self, _data: ctypes.c_void_p) -> bool:
        cancel = self.cancel
        return bool(cancel is not None and cancel.is_set())

    def attach(self) -> None:
        if not self._attached:
            self._set(self._callback)
            self._attached = True

    def detach(self) -> None:
        if self._attached:
            self._set(self._none)
            self._attached = False

    def follow_token_time(self, seconds: float) -> None:
        """While writing: keep the callback only for slow tokens."""
        if seconds >= SLOW_TOKEN_S:
            self.attach()
        else:
            self.detach()

    def _set(self, callback: Any) -> None:
        import llama_cpp

        llama_cpp.llama_set_abort_callback(self._ctx, callback, None)


__all__ = ["SLOW_TOKEN_S", "AbortHook"]
