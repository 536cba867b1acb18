"""Create a llama_cpp.Llama without letting it compile the model's chat templates.

llama-cpp-python compiles every ``tokenizer.chat_template*`` key it finds
while the Llama is constructed, before any chat format we pass is looked at
(a template holding ``'x' * N`` cost 4.9 GB and 26 s there). Composer renders
templates itself (engine/chat_template.py), so the Llama made here never
sees those keys: its ``metadata`` attribute drops them as it is set.

Flash attention is left to llama.cpp ("auto", the default of its own tools):
it turns it on where the device running the attention supports it and off
where it would push that work to another device. llama-cpp-python only
offers on/off, so the Llama made here sets "auto" in its context parameters
after the model is read and before the context is made (the one assignment
in between is ``self.tokenizer_``). Measured in docs/PERFORMANCE.md: on is
7-13% faster writing on the CPU and 15-19% on Vulkan (NVIDIA).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from composer.engine.lookup import MAX_DRAFT

_TEMPLATE_PREFIX = "tokenizer.chat_template"
# A writing step's token and the guesses checked with it (engine/lookup.py).
OUTPUTS_PER_STEP = MAX_DRAFT + 1
_llama_class: Any = None


def _without_templates(metadata: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in metadata.items() if not k.startswith(_TEMPLATE_PREFIX)}


def _class() -> Any:
    global _llama_class
    if _llama_class is None:
        import llama_cpp

        class TemplateFreeLlama(llama_cpp.Llama):
            """A Llama whose metadata never carries a chat template; flash attention on auto."""

            @property
            def tokenizer_(self) -> Any:
                return self.__dict__.get("_composer_tokenizer")

            @tokenizer_.setter
            def tokenizer_(self, value: Any) -> None:
                # Set between the model's load and the context's creation.
                self.__dict__["_composer_tokenizer"] = value
                if self.__dict__.get("_composer_fa_auto"):
                    self.context_params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO
                # Checking guessed tokens asks for the logits after each of
                # them; with the graph's top-k sampler (token_loop.offload_top_k)
                # llama.cpp allows only this many outputs of one sequence per batch.
                self.context_params.n_outputs_max_per_seq = OUTPUTS_PER_STEP

            @property
            def metadata(self) -> dict[str, str]:
                found: dict[str, str] = self.__dict__.get("_composer_metadata", {})
                return found

            @metadata.setter
            def metadata(self, value: dict[str, str]) -> None:
                self.__dict__["_composer_metadata"] = _without_templates(value)

        _llama_class = TemplateFreeLlama
    return _llama_class


def new_llama(path: str | Path, *, flash_attn: bool | None = None, **kwargs: Any) -> Any:
    """A loaded Llama for *path* (raises what llama-cpp-python raises on failure).

    *flash_attn* None leaves flash attention to llama.cpp (auto); True or
    False forces it (benchmarks compare both).
    """
    cls = _class()
    llm = cls.__new__(cls)
    llm.__dict__["_composer_fa_auto"] = flash_attn is None
    # chat_format names a built-in format so nothing is guessed from the
    # metadata; Composer never calls create_chat_completion.
    llm.__init__(
        model_path=str(path),
        verbose=kwargs.pop("verbose", False),
        chat_format="llama-2",
        flash_attn=bool(flash_attn),
        **kwargs,
    )
    return llm
