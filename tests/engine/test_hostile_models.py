"""Hostile model files get a clear message (or load); llama.cpp aborts stay in a child."""

from __future__ import annotations

import struct
import subprocess
import sys
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


@pytest.mark.slow
def test_a_first_check_out_of_time_is_said_as_such_and_the_loaded_model_stays(
    engine, tmp_path, composer_home, monkeypatch
):
    from composer.engine.base import EngineError

    real = trial.run_trial
    # The real child, given no time at all: what a very slow disk or driver looks like.
    monkeypatch.setattr(trial, "run_trial", lambda *a, **k: real(*a, **{**k, "timeout": 0.0}))
    path = write_tiny_model(tmp_path / "slow.gguf")
    before = engine.info
    with pytest.raises(EngineError, match="its first check did not finish within 0 seconds"):
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


# -- text from the file, quoted in a sentence: printable and short ----------------------------
HOSTILE_NAME = "blk.0.attn_q.weight" + ("\x00" * 600 + "\n") * 6 + "\u202egpj.exe" + "x" * 500


def _gguf_string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("<Q", len(raw)) + raw


def _raw_gguf(path, kvs=(), tensors=(), tail=b"\0" * 64):
    """A GGUF written byte by byte: (key, type, value bytes) and (name, dims) as given."""
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kvs))
    for key, value_type, value in kvs:
        out += _gguf_string(key) + struct.pack("<I", value_type) + value
    for name, dims in tensors:
        out += _gguf_string(name) + struct.pack("<I", len(dims))
        out += b"".join(struct.pack("<Q", d) for d in dims) + struct.pack("<IQ", 0, 0)
    path.write_bytes(out + tail)
    return path


def _cut(path, count):
    path.write_bytes(path.read_bytes()[:-count])
    return path


def _assert_quoted_safely(message: str) -> None:
    assert "\x00" not in message and "\n" not in message and "\u202e" not in message
    assert message.isprintable() or "\ufffd" in message
    assert "\ufffd" in message and "…" in message
    assert len(message) < 600, len(message)


@pytest.mark.parametrize(
    "case",
    [
        ("has 5 dimensions", lambda p: _raw_gguf(p, tensors=[(HOSTILE_NAME, (1, 1, 1, 1, 1))])),
        (
            "twice",
            lambda p: _raw_gguf(p, tensors=[(HOSTILE_NAME, (32,)), (HOSTILE_NAME, (32,))]),
        ),
        ("unknown value type", lambda p: _raw_gguf(p, kvs=[(HOSTILE_NAME, 99, b"")])),
        (
            "runs past the end",  # the tensor table is cut inside the shape
            lambda p: _cut(_raw_gguf(p, tensors=[(HOSTILE_NAME, (32,))], tail=b""), 14),
        ),
    ],
    ids=lambda c: c[0],
)
def test_names_from_the_file_are_quoted_printable_and_cut(case, tmp_path):
    expected, write = case
    with pytest.raises(GGUFError) as raised:
        read_gguf(write(tmp_path / "names.gguf"))
    message = str(raised.value)
    assert expected in message
    _assert_quoted_safely(message)


def test_the_architecture_is_quoted_printable_and_cut(tmp_path):
    arch = "llama\x00\n\u202eevil" + "x" * 300
    path = write_tiny_model(tmp_path / "arch.gguf", arch=arch, tokenizer_model="bert")
    with pytest.raises(GGUFError, match="belongs to another kind") as raised:
        read_gguf(path)
    _assert_quoted_safely(str(raised.value))
    info = read_gguf(path, strict=False)
    info.metadata["general.name"] = "Writer\n\x1b[31m" + "y" * 300
    assert info.name.isprintable() or "\ufffd" in info.name
    assert "\n" not in info.name and "\x1b" not in info.name and len(info.name) <= 101


# -- the first-use child: a Python error is not a crash of llama.cpp --------------------------
def _child(code: str) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def test_a_broken_installation_in_the_child_is_not_blamed_on_the_file(tmp_path):
    # A llama_cpp that cannot be imported, ahead of the real one on the child's path.
    fake = tmp_path / "site" / "llama_cpp"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('libllama.so: cannot open')\n")
    model = write_tiny_model(tmp_path / "ok.gguf")
    with pytest.raises(trial.TrialError) as raised:
        trial.run_trial(model, CPU, {"PYTHONPATH": str(fake.parent)}, timeout=60)
    message = str(raised.value)
    assert "ImportError: libllama.so: cannot open" in message
    assert "error in Composer itself" in message and "ok.gguf" in message
    assert "crash" not in message


def test_a_traceback_without_the_childs_report_is_a_python_error(tmp_path):
    code, out, err = _child("import composer_no_such_module")
    with pytest.raises(trial.TrialError, match="ModuleNotFoundError"):
        trial.read_outcome(tmp_path / "m.gguf", code, out, err, 0.1)


def test_a_signal_is_a_crash_and_its_line_is_quoted_safely(tmp_path):
    line = "GGML_ASSERT failed: tensor '" + "\x00" * 4000 + "\u202e' has wrong shape"
    code, out, err = _child(
        f"import os, sys; sys.stderr.write({line!r} + '\\n'); sys.stderr.flush(); os.abort()"
    )
    result = trial.read_outcome(tmp_path / "m.gguf", code, out, err, 0.1)
    assert not result.ok and result.crashed
    assert "SIGABRT" in result.message and "GGML_ASSERT" in result.message
    assert "\x00" not in result.message and "\u202e" not in result.message
    assert len(result.message) < 400


@pytest.mark.slow
def test_a_first_check_that_runs_out_of_time_is_a_hang_not_a_crash(tmp_path):
    """A check stopped at its time limit (a slow disk, a driver compiling shaders) is said
    as such: the file did not crash llama.cpp and may load on another try."""
    result = trial.run_trial(write_tiny_model(tmp_path / "ok.gguf"), CPU, {}, timeout=0.0)
    assert not result.ok and result.hung and not result.crashed
    assert "did not finish within 0 seconds" in result.message
