"""The engine seam: what the rest of the app may ask of a language model.

Shaped after the W3C Writing Assistance APIs where that fits a desktop app:
an availability state, a streaming call that can be aborted, and the input's
token usage measured against the model's context (its "quota").
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from composer.messages import UserFacingError, UserMessage, user_message

if TYPE_CHECKING:
    from composer.engine.token_loop import SamplerSettings
    from composer.hardware.plan import DevicePlan
    from composer.hardware.probe import Probe


class Availability(str, enum.Enum):
    UNAVAILABLE = "unavailable"  # no model, or the model cannot be loaded
    DOWNLOADABLE = "downloadable"
    DOWNLOADING = "downloading"
    AVAILABLE = "available"


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass(frozen=True)
class GenerationRequest:
    messages: tuple[ChatMessage, ...]
    max_tokens: int = 512
    temperature: float = 0.7
    # The whole sampler chain (composer/assist/sampling.py); None: the token
    # loop's defaults at *temperature*.
    sampling: SamplerSettings | None = None


@dataclass
class GenerationStats:
    """What one request cost; counts come from llama.cpp, not from guessing."""

    prompt_tokens: int = 0  # tokens in the formatted prompt
    reused_tokens: int = 0  # of those, already in the KV cache (shared prefix)
    evaluated_tokens: int = 0  # prompt tokens llama.cpp actually processed
    generated_tokens: int = 0
    prompt_seconds: float = 0.0
    generation_seconds: float = 0.0
    stop_reason: str = ""  # "stop" | "length" | "cancelled"
    # Writing steps (one llama_decode each) and the guessed tokens they checked
    # and kept (prompt lookup, engine/lookup.py): tokens per step = generated / steps.
    write_steps: int = 0
    drafted_tokens: int = 0
    kept_tokens: int = 0

    @property
    def generation_tokens_per_second(self) -> float:
        if self.generation_seconds <= 0:
            return 0.0
        return self.generated_tokens / self.generation_seconds

    @property
    def prompt_tokens_per_second(self) -> float:
        if self.prompt_seconds <= 0:
            return 0.0
        return self.evaluated_tokens / self.prompt_seconds


@dataclass(frozen=True)
class ModelInfo:
    path: str
    name: str
    architecture: str
    context_size: int  # the context llama.cpp was created with
    trained_context: int | None
    chat_template: str  # "model" (from the GGUF, sandboxed) or "fallback"
    device: str | UserMessage  # where it runs, for the user (a server's name, a plan's reason)
    fallback_reason: UserMessage | None = None  # set when the GPU load failed and we fell back
    plan: DevicePlan | None = None  # the device plan it was loaded with (None: plain CPU)
    probe: Probe | None = None  # the hardware probe the plan came from
    device_note: UserMessage | None = None  # e.g. "Restart Composer to use …"


class EngineError(UserFacingError):
    """A failure to show to the user; its message is a sentence for them."""


class Cancelled(EngineError):
    """The user stopped the request."""

    def __init__(self) -> None:
        super().__init__(user_message("Engine", "Stopped."))


ProgressCallback = Callable[[int, int], None]  # (prompt tokens read, prompt tokens total)


class Engine(Protocol):
    def availability(self) -> Availability: ...

    @property
    def info(self) -> ModelInfo | None: ...

    def measure_input_usage(self, request: GenerationRequest) -> int:
        """Tokens the formatted request takes (compare with info.context_size)."""
        ...

    def stream(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_prompt_progress: ProgressCallback | None = None,
    ) -> Iterator[str]:
        """Yield text pieces; raise Cancelled when *cancel* is set, EngineError on failure.

        After the iterator ends, last_stats describes the run.
        """
        ...

    @property
    def last_stats(self) -> GenerationStats | None: ...

    def close(self) -> None: ...
