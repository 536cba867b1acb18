"""Hostile model files get a clear message (or load); llama.cpp aborts stay in a child."""

from __future__ import annotations

import threading

import pytest
from gguf_tools import tiny_vocab, write_tiny_model
from hostile_gguf import crash_classes, mutations

from composer.engine import trial
from composer.engine.base import Cancelled
from composer.engine.chat_template import ChatTemplate, TemplateError
from composer.modelfile.gguf import MAX_ARRAY, GGUFError, read_gguf

CPU = {"n_gpu_layers": 0, "n_ctx": 128, "n_threads": 1}


def test_a_valid_tiny_model_passes_the_check(tmp_path):
    info = read_gguf(write_tiny_model(tmp_path / "ok.gguf"))
    assert (
        info.block_count == 2 and info.tokens is not None and len(info.tokens) == len(tiny_vocab())
    )
    assert info.tensors["token_embd.weight"][0] == (64, len(tiny_vocab()))


@pytest.mark.parametrize("case", crash_classes(), ids=lambda c: c[0])
def test_each_crash_class_is_refused_with_a_message(case, tmp_path):
    name, message, write = case
    path = write(tmp_path / f"{name}.gguf")
    with pytest.raises(GGUFError, match=message.replace("(", r"\(")):
        read_gguf(path)


def test_a_huge_array_is_refused_before_it_is_parsed(tmp_path):
    import struct

    path = tmp_path / "huge.gguf"
    head = b"GGUF" + struct.pack("<IQQ", 3, 0, 1)
    key = b"tokenizer.ggml.tokens"
    entry = struct.pack("<Q", len(key)) + key + struct.pack("<IIQ", 9, 8, MAX_ARRAY + 1)
    path.write_bytes(head + entry + b"\0" * (8 * 1024))
    with pytest.raises(GGUFError, match="entries"):
        read_gguf(path)


def test_a_vocabulary_of_empty_strings_is_parsed_in_bulk(tmp_path):
    import struct

    count = 1_000_000
    path = tmp_path / "empty-vocab.gguf"
    key = b"tokenizer.ggml.tokens"
    with path.open("wb") as out:
        out.write(b"GGUF" + struct.pack("<IQQ", 3, 0, 2))
        arch, value = b"general.architecture", b"llama"
        out.write(struct.pack("<Q", len(arch)) + arch + struct.pack("<IQ", 8, len(value)) + value)
        out.write(struct.pack("<Q", len(key)) + key + struct.pack("<IIQ", 9, 8, count))
        out.write(b"\0" * (8 * count + 64))
    info = read_gguf(path, strict=False)
    assert info.tokens is not None and len(info.tokens) == count
    with pytest.raises(GGUFError, match="more than once"):
        read_gguf(path)


@pytest.mark.slow
def test_random_mutations_get_a_message_or_load(tmp_path):
    valid = write_tiny_model(tmp_path / "valid.gguf")
    outcomes = {"refused": 0, "loaded": 0, "failed in the child": 0}
    for path in mutations(valid, tmp_path, count=40):
        try:
            read_gguf(path)
        except GGUFError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            outcomes["refused"] += 1
            continue
        result = trial.run_trial(path, CPU, {}, timeout=60)
        if result.ok:
            outcomes["loaded"] += 1
        else:
            assert result.message
            outcomes["failed in the child"] += 1
    assert sum(outcomes.values()) == 40
    assert outcomes["refused"] > 0


@pytest.mark.slow
def test_the_tiny_model_survives_the_child_check(tmp_path):
    result = trial.run_trial(write_tiny_model(tmp_path / "ok.gguf"), CPU, {}, timeout=60)
    assert result.ok, result.message


@pytest.mark.slow
def test_the_child_check_turns_a_llama_cpp_abort_into_a_message(tmp_path):
    # Duplicate tokens pass the reader without the strict check and abort
    # llama.cpp (GGML_ASSERT in its vocabulary loader): the child dies, not us.
    vocab = tiny_vocab()
    path = write_tiny_model(tmp_path / "dup.gguf", tokens=[*vocab[:-1], vocab[-2]])
    read_gguf(path, strict=False)
    result = trial.run_trial(path, CPU, {}, timeout=60)
    assert not result.ok
    assert "SIGABRT" in result.message or "GGML_ASSERT" in result.message, result.message


@pytest.mark.slow
def test_a_file_that_crashes_the_child_is_refused_and_the_loaded_model_stays(
    engine, tmp_path, composer_home
):
    from composer.engine.base import EngineError

    vocab = tiny_vocab()
    path = write_tiny_model(tmp_path / "dup.gguf", tokens=[*vocab[:-1], vocab[-2]])
    before = engine.info
    with pytest.raises(EngineError, match="This model file crashes llama.cpp"):
        engine.load(path, gguf=read_gguf(path, strict=False), check=False)
    assert engine.info is before


HANGS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}x"


def test_a_hanging_template_is_stopped_within_its_budget():
    template = ChatTemplate(HANGS, "<s>", "</s>")
    with pytest.raises(TemplateError, match="too long"):
        template.render([{"role": "user", "content": "hi"}], seconds=0.3)


def test_stop_ends_a_hanging_template():
    template = ChatTemplate(HANGS, "<s>", "</s>")
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(Cancelled):
        template.render([{"role": "user", "content": "hi"}], cancel=cancel, seconds=600)


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 1000000000 }}",
        "{{ 'x' | center(1000000000) }}",
        "{{ '%0999999999d' % 1 }}",
        "{{ 7 ** 100000000 }}",
    ],
)
def test_templates_that_balloon_are_refused_without_allocating(source):
    with pytest.raises(TemplateError):
        ChatTemplate(source, "", "").render([{"role": "user", "content": "hi"}])


def test_a_plain_template_renders_like_jinja():
    source = "{{ bos_token }}{% for m in messages %}<{{ m.role }}>{{ m.content }}\n{% endfor %}<assistant>"
    rendered = ChatTemplate(source, "<s>", "</s>").render([{"role": "user", "content": "Grüße"}])
    assert rendered.prompt == "<s><user>Grüße\n<assistant>"
    assert rendered.stop == ["</s>"]
