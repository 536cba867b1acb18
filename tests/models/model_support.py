"""Assertions shared by the model tests."""

from __future__ import annotations

from pathlib import Path

from hub_server import sha256_of as sha256_file

__all__ = ["assert_only_verified", "sha256_file"]


def assert_only_verified(folder: Path, expected_sha: dict[str, str]) -> None:
    """Every *.gguf under *folder* is one we expect, with exactly the expected hash."""
    for path in folder.rglob("*.gguf"):
        assert path.name in expected_sha, f"unexpected model file {path}"
        assert sha256_file(path) == expected_sha[path.name], f"{path} is not the verified file"
    for path in folder.rglob("*"):
        assert not path.name.endswith(".tmp"), f"temporary file left behind: {path}"
