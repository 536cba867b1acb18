"""LocalEngine against real llama.cpp and the real starter model."""

from __future__ import annotations

import shutil
import threading

import pytest

from composer.assist.actions import draft_request
from composer.engine.base import (
    Availability,
    Cancelled,
    ChatMessage,
    EngineError,
    GenerationRequest,
)
from composer.engine.local import LocalEngine
from composer.modelfile.gguf import GGUFError


def _collect(engine, request, cancel=None, **kw):
    return "".join(engine.stream(request, cancel or threading.Event(), **kw))


def test_load_reports_model(engine, starter_model_path):
    info = engine.info
    assert engine.availability() is Availability.AVAILABLE
    assert info.architecture == "gemma3"
    assert info.context_size == 2048
    # The starter is a base model without a chat template: the fallback is used.
    assert info.chat_template == "fallback"


def test_stream_produces_real_text(engine):
    request = draft_request("thank Anna for Friday, propose Tuesday instead", max_tokens=24)
    pieces = list(engine.stream(request, threading.Event()))
    stats = engine.last_stats
    assert "".join(pieces).strip()
    assert len(pieces) > 1  # streamed, not delivered at once
    assert 0 < stats.generated_tokens <= 24
    assert stats.stop_reason in ("stop", "length")
    assert stats.prompt_tokens == stats.reused_tokens + stats.evaluated_tokens


def test_stop_while_writing(engine):
    cancel = threading.Event()
    request = draft_request("write a very long email about the quarterly report", max_tokens=400)
    received = []
    with pytest.raises(Cancelled):
        for piece in engine.stream(request, cancel):
            received.append(piece)
            if len(received) == 3:
                cancel.set()
    stats = engine.last_stats
    assert stats.stop_reason == "cancelled"
    assert len(received) == 3
    assert stats.generated_tokens < 20


def test_stop_while_reading_the_prompt_aborts_llama_decode(engine):
    """Cancel arrives while llama.cpp is inside one big prompt batch: the abort callback ends it."""
    long_email = " ".join(f"Item {i}: the shipment of part {i * 7} is delayed." for i in range(120))
    request = GenerationRequest(
        messages=(ChatMessage("system", "Summarise."), ChatMessage("user", long_email)),
        max_tokens=8,
    )
    cancel = threading.Event()
    timer = None

    def on_progress(done, total):
        nonlocal timer
        if timer is None:  # first call comes right before the first batch starts
            timer = threading.Timer(0.05, cancel.set)
            timer.start()

    with pytest.raises(Cancelled):
        _collect(engine, request, cancel, on_prompt_progress=on_progress)
    stats = engine.last_stats
    assert stats.prompt_tokens > 1000
    # llama.cpp's own count: the prompt was not read to the end.
    assert stats.evaluated_tokens < stats.prompt_tokens - stats.reused_tokens
    # The engine is still usable afterwards.
    _collect(engine, draft_request("say hello", max_tokens=4))
    assert engine.last_stats.generated_tokens > 0


def test_second_request_reuses_shared_prefix(engine):
    email = "Hi team, the offsite moves to March 3rd. Please confirm your travel plans by Friday."
    first = GenerationRequest(
        messages=(
            ChatMessage("system", "Rewrite the email."),
            ChatMessage("user", email + "\nMake it shorter."),
        ),
        max_tokens=4,
    )
    second = GenerationRequest(
        messages=(
            ChatMessage("system", "Rewrite the email."),
            ChatMessage("user", email + "\nMake it formal."),
        ),
        max_tokens=4,
    )
    _collect(engine, first)
    first_stats = engine.last_stats
    _collect(engine, second)
    stats = engine.last_stats
    assert stats.reused_tokens > 10
    assert stats.evaluated_tokens < first_stats.evaluated_tokens


def test_too_long_input_is_refused_before_running(engine):
    huge = "word " * 5000
    request = GenerationRequest(messages=(ChatMessage("user", huge),), max_tokens=8)
    assert engine.measure_input_usage(request) > engine.info.context_size
    with pytest.raises(EngineError, match="too long"):
        _collect(engine, request)


def test_corrupt_and_missing_models_give_clear_errors(tmp_path):
    eng = LocalEngine()
    with pytest.raises(GGUFError, match="does not exist"):
        eng.load(tmp_path / "missing.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(GGUFError, match="not a GGUF"):
        eng.load(junk)
    assert eng.availability() is Availability.UNAVAILABLE


def test_llama_cpp_refusal_becomes_engine_error(starter_model_path, tmp_path):
    """A header that names an architecture llama.cpp does not know."""
    patched = tmp_path / "alien.gguf"
    shutil.copyfile(starter_model_path, patched)
    with open(patched, "r+b") as handle:
        head = handle.read(1 << 20)
        key = head.index(b"general.architecture")
        value = head.index(b"gemma3", key)
        handle.seek(value)
        handle.write(b"zzzzz3")
    eng = LocalEngine()
    with pytest.raises(GGUFError, match="does not say its block count"):
        eng.load(patched)  # the header check knows the shape is missing
    with pytest.raises(EngineError, match="could not load"):
        eng.load(patched, check=False)  # llama.cpp refuses it cleanly in the child
    assert eng.availability() is Availability.UNAVAILABLE


GEMMA_STYLE_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}"
    "{% if m['role'] == 'assistant' %}{% set role = 'model' %}{% else %}{% set role = 'user' %}{% endif %}"
    "<start_of_turn>{{ role }}\n{{ m['content'] | trim }}<end_of_turn>\n{% endfor %}"
    "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)
# Tries to reach Python internals: the sandbox must stop it.
ESCAPING_TEMPLATE = (
    "{{ ().__class__.__base__.__subclasses__() }}{% for m in messages %}{{ m.content }}{% endfor %}"
)


def test_chat_template_from_the_gguf_is_used(starter_model_path, tmp_path):
    from gguf_tools import copy_with_string_metadata

    model = copy_with_string_metadata(
        starter_model_path, tmp_path / "chat.gguf", "tokenizer.chat_template", GEMMA_STYLE_TEMPLATE
    )
    eng = LocalEngine()
    try:
        info = eng.load(model, context_size=1024)
        assert info.chat_template == "model"
        request = draft_request("thank Anna", max_tokens=8)
        prompt = eng.render_prompt(request)
        assert "<start_of_turn>user\n" in prompt and prompt.endswith("<start_of_turn>model\n")
        assert "### Instruction" not in prompt
        _collect(eng, request)
        assert eng.last_stats.generated_tokens > 0
    finally:
        eng.close()


def test_template_that_escapes_the_sandbox_falls_back(starter_model_path, tmp_path):
    from gguf_tools import copy_with_string_metadata

    model = copy_with_string_metadata(
        starter_model_path, tmp_path / "evil.gguf", "tokenizer.chat_template", ESCAPING_TEMPLATE
    )
    eng = LocalEngine()
    try:
        assert eng.load(model, context_size=1024).chat_template == "fallback"
        assert "### Instruction" in eng.render_prompt(draft_request("hi", max_tokens=4))
    finally:
        eng.close()
