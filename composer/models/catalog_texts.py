"""The catalogue's sentences (model summaries, openness sources and notes), marked for translation.

resources/catalog.json keeps them in English, as data; each one is also
listed here as a user_message so that lupdate extracts it, and
``catalog_text`` gives the message the GUI translates. A test checks that
every sentence of the catalogue is listed.
"""

# Each sentence stays one literal, exactly as in catalog.json: long lines are expected.
# ruff: noqa: E501

from __future__ import annotations

from composer.messages import UserMessage, user_message

CONTEXT = "Catalog"

TEXTS: tuple[UserMessage, ...] = (
    user_message(
        "Catalog",
        "Fully open (AI2): code, data and weights all public; small and quick, English only.",
    ),
    user_message("Catalog", "AI2's OLMo 2 release notes: model card and paper (arXiv:2501.00656)"),
    user_message(
        "Catalog",
        "Training code (OLMo-core, open-instruct), pre-training data (OLMo-mix, Dolmino) and instruction data (Tülu 3) are public. The tracker rates the earlier OLMo 7B Instruct open on every count.",
    ),
    user_message(
        "Catalog", "Fully open and light: short English replies and rewrites on modest laptops."
    ),
    user_message("Catalog", "SmolLM2 release notes: model card and paper (arXiv:2502.02737)"),
    user_message(
        "Catalog",
        "Training code and configs (nanotron, huggingface/smollm), pre-training data (FineWeb-Edu, DCLM, The Stack, FineMath, Stack-Edu) and instruction data (SmolTalk) are public.",
    ),
    user_message("Catalog", "Small and quick: short replies and rewrites even on older laptops."),
    user_message(
        "Catalog",
        "Qwen2.5 release notes and technical report (rated by Composer on the tracker's criteria)",
    ),
    user_message(
        "Catalog",
        "The tracker rates Qwen 1.5 Chat: inference code only, no training or instruction data; Qwen2.5 at this size is Apache-2.0 and has a technical report (arXiv:2412.15115) without data details.",
    ),
    user_message("Catalog", "Clear, friendly English drafts; good at following tone instructions."),
    user_message(
        "Catalog",
        "Opening up ChatGPT openness tracker (Liesenfeld & Dingemanse), entry “Llama 3.1”",
    ),
    user_message(
        "Catalog",
        "Rated for Llama 3.1; Llama 3.2 ships under the same kind of community licence and gated download.",
    ),
    user_message("Catalog", "Precise and concise; strongest in English."),
    user_message(
        "Catalog",
        "Opening up ChatGPT openness tracker (Liesenfeld & Dingemanse), entry “Phi 3 Instruct”",
    ),
    user_message(
        "Catalog",
        "Rated for Phi-3 Instruct; Phi-3.5 mini is released the same way (MIT weights, no training code or data).",
    ),
    user_message(
        "Catalog",
        "Natural, well-structured mail in many languages; the best all-rounder at this size.",
    ),
    user_message(
        "Catalog",
        "Opening up ChatGPT openness tracker (Liesenfeld & Dingemanse), entry “Gemma Instruct”",
    ),
    user_message(
        "Catalog", "Rated for Gemma 7B Instruct; Gemma 3 ships under the same Gemma terms of use."
    ),
    user_message(
        "Catalog", "Fully open (AI2) and a capable English writer; needs a GPU to feel quick."
    ),
    user_message(
        "Catalog",
        "Training code (OLMo-core, open-instruct), pre-training data (OLMo-mix-1124, Dolmino-mix-1124) and instruction data (Tülu 3) are public. The tracker rates the earlier OLMo 7B Instruct open on every count.",
    ),
    user_message("Catalog", "Fluent European-language writing; needs a GPU to feel quick."),
    user_message(
        "Catalog",
        "Opening up ChatGPT openness tracker (Liesenfeld & Dingemanse), entry “Mistral 7B-Instruct”",
    ),
    user_message(
        "Catalog", "The most capable writer here: long replies, careful tone, many languages."
    ),
)


def catalog_text(text: str) -> UserMessage:
    """The catalogue sentence *text* as a message (shown in English if it has no translation)."""
    return UserMessage(CONTEXT, text)
