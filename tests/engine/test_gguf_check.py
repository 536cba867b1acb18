def test_garbage_after_the_magic_is_called_damaged_not_a_strange_version(tmp_path):
    import pytest

    from composer.modelfile.gguf import GGUFError, read_gguf

    path = tmp_path / "random.gguf"
    path.write_bytes(b"GGUF" + bytes.fromhex("e3c0b1c0") + b"\x00" * 64)
    with pytest.raises(GGUFError) as raised:
        read_gguf(path)
    assert "not a GGUF model file (or it is damaged)" in str(raised.value)
    assert "version" not in str(raised.value)
