"""Create a llama_cpp.Llama without letting it compile the model's chat templates.

llama-cpp-python compiles every ``tokenizer.chat_template*`` key it finds
while the Llama is constructed, before any chat format we pass is looked at
(a template holding ``'x' * N`` cost 4.9 GB and 26 s there). Composer renders
templates itself (engine/chat_template.py), so the Llama made here never
sees those keys: its ``metadata`` attribute drops them as it is set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_TEMPLATE_PREFIX = "tokenizer.chat_template"
_llama_class: Any = None


def _without_templates(metadata: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in metadata.items() if not k.startswith(_TEMPLATE_PREFIX)}


def _class() -> Any:
    global _llama_class
    if _llama_class is None:
        import llama_cpp

        class TemplateFreeLlama(llama_cpp.Llama):
            """A Llama whose metadata never carries a chat template."""

            @property
            def metadata(self) -> dict[str, str]:
                found: dict[str, str] = self.__dict__.get("_composer_metadata", {})
                return found

            @metadata.setter
            def metadata(self, value: dict[str, str]) -> None:
                self.__dict__["_composer_metadata"] = _without_templates(value)

        _llama_class = TemplateFreeLlama
    return _llama_class


def new_llama(path: str | Path, **kwargs: Any) -> Any:
    """A loaded Llama for *path* (raises what llama-cpp-python raises on failure)."""
    # chat_format names a built-in format so nothing is guessed from the
    # metadata; Composer never calls create_chat_completion.
    return _class()(model_path=str(path), verbose=False, chat_format="llama-2", **kwargs)
