"""The user's own word list: a private file, read as untrusted input, never a reason to hang."""

from __future__ import annotations

import itertools
import os
import stat
import threading

import pytest

from composer.spelling.personal_words import (
    MAX_FILE_BYTES,
    MAX_WORD_CHARS,
    MAX_WORDS,
    PersonalWords,
    plausible,
)

LOGGER = "composer.spelling.personal_words"
LONG = "x" * MAX_WORD_CHARS  # the longest plausible word


def load_within(path, seconds: float = 10.0) -> PersonalWords:
    """PersonalWords(path), failing (not hanging) if loading blocks."""
    result: list[PersonalWords] = []
    thread = threading.Thread(target=lambda: result.append(PersonalWords(path)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"loading {path} blocked"
    assert result, "loading raised"
    return result[0]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_no_file_means_no_words(tmp_path):
    words = PersonalWords(tmp_path / "words.txt")
    assert len(words) == 0
    assert "anything" not in words
    assert not (tmp_path / "words.txt").exists()


def test_one_word_per_line_is_read(tmp_path):
    (tmp_path / "words.txt").write_bytes("kubectl\nOluwaseun\nŁódź\n".encode())
    words = PersonalWords(tmp_path / "words.txt")
    assert len(words) == 3
    assert "kubectl" in words and "Oluwaseun" in words and "Łódź" in words


def test_windows_line_ends_and_edge_blanks_are_tolerated(tmp_path):
    (tmp_path / "words.txt").write_bytes(b"kubectl\r\n  Oluwaseun \t\r\n\r\n")
    words = PersonalWords(tmp_path / "words.txt")
    assert len(words) == 2 and "kubectl" in words and "Oluwaseun" in words


def test_a_lowercase_entry_accepts_the_capitalised_word_but_not_the_reverse(tmp_path):
    (tmp_path / "words.txt").write_text("kubectl\nOluwaseun\n", encoding="utf-8")
    words = PersonalWords(tmp_path / "words.txt")
    assert "Kubectl" in words
    assert "oluwaseun" not in words


@pytest.mark.parametrize(
    "bad_line",
    [
        b"two words",
        b"tab\tinside",
        b"nul\x00inside",
        b"bell\x07inside",
        b"esc\x1b[31minside",
        b"del\x7finside",
        b"bad\xffutf8",
        b"\xc3",  # a UTF-8 sequence cut short
        b"zero\xe2\x80\x8bwidth",  # U+200B, not printable
        b"y" * (MAX_WORD_CHARS + 1),
    ],
)
def test_an_implausible_line_is_skipped_and_the_rest_kept(tmp_path, bad_line):
    (tmp_path / "words.txt").write_bytes(b"before\n" + bad_line + b"\nafter\n")
    words = PersonalWords(tmp_path / "words.txt")
    assert len(words) == 2
    assert "before" in words and "after" in words


def test_a_line_with_a_form_feed_inside_is_skipped_not_split(tmp_path):
    (tmp_path / "words.txt").write_bytes(b"before\nform\x0cfeed\nafter\n")
    words = PersonalWords(tmp_path / "words.txt")
    assert "form" not in words and "feed" not in words


def test_a_binary_file_loads_without_error(tmp_path):
    (tmp_path / "words.txt").write_bytes(bytes(range(256)) * 64 + b"\nkept\n")
    words = PersonalWords(tmp_path / "words.txt")
    assert "kept" in words


@pytest.mark.allow_log(LOGGER, "WARNING", match="unreadable")
def test_a_fifo_at_the_path_neither_blocks_nor_crashes(tmp_path):
    os.mkfifo(tmp_path / "words.txt")
    words = load_within(tmp_path / "words.txt")
    assert len(words) == 0


@pytest.mark.allow_log(LOGGER, "WARNING", match="unreadable")
def test_a_link_to_an_endless_device_is_not_read(tmp_path):
    (tmp_path / "words.txt").symlink_to("/dev/zero")
    words = load_within(tmp_path / "words.txt")
    assert len(words) == 0


@pytest.mark.allow_log(LOGGER, "WARNING", match="unreadable")
def test_a_folder_at_the_path_is_not_read(tmp_path):
    (tmp_path / "words.txt").mkdir()
    words = load_within(tmp_path / "words.txt")
    assert len(words) == 0


@pytest.mark.allow_log(LOGGER, "WARNING", match="unreadable")
def test_adding_over_a_folder_raises_oserror_and_changes_nothing(tmp_path):
    (tmp_path / "words.txt").mkdir()
    words = PersonalWords(tmp_path / "words.txt")
    with pytest.raises(OSError):
        words.add("kubectl")
    assert "kubectl" not in words
    assert (tmp_path / "words.txt").is_dir()
    assert os.listdir(tmp_path) == ["words.txt"]  # no temporary file left behind


def _huge_file(path, after: bytes) -> None:
    """'first', then maximal lines past MAX_FILE_BYTES, then *after*."""
    line = LONG.encode() + b"\n"
    count = MAX_FILE_BYTES // len(line) + 1000
    path.write_bytes(b"first\n" + line * count + after)


@pytest.mark.allow_log(LOGGER, "WARNING", match="read in part")
def test_a_huge_file_is_read_only_up_to_its_limit(tmp_path):
    _huge_file(tmp_path / "words.txt", b"afterlimit\n" + b"z" * (4 * MAX_FILE_BYTES))
    words = PersonalWords(tmp_path / "words.txt")
    assert "first" in words and LONG in words
    assert "afterlimit" not in words


@pytest.mark.allow_log(LOGGER, "WARNING", match="read in part")
def test_adding_to_a_file_over_the_limit_keeps_the_words_past_it(tmp_path):
    """A list read in part is never rewritten from that part: add() refuses (OSError)."""
    _huge_file(tmp_path / "words.txt", b"afterlimit\n")
    before = (tmp_path / "words.txt").read_bytes()
    words = PersonalWords(tmp_path / "words.txt")
    with pytest.raises(OSError):
        words.add("newword")
    assert (tmp_path / "words.txt").read_bytes() == before
    assert "newword" not in words


@pytest.mark.allow_log(LOGGER, "WARNING", match="read in part")
def test_the_line_cut_at_the_limit_is_not_kept(tmp_path):
    size = MAX_FILE_BYTES - len("frag")
    head = (b"q" * 99 + b"\n") * (size // 100)
    head += b"r" * (size - len(head) - 1) + b"\n"
    assert len(head) == size
    (tmp_path / "words.txt").write_bytes(head + b"fragmentary\n")
    words = PersonalWords(tmp_path / "words.txt")
    assert "frag" not in words


def test_at_most_max_words_lines_are_read(tmp_path):
    names = ("".join(p) for p in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=4))
    lines = list(itertools.islice(names, MAX_WORDS + 1))
    (tmp_path / "words.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = PersonalWords(tmp_path / "words.txt")
    assert len(words) == MAX_WORDS
    assert lines[-1] not in words


def test_a_full_list_takes_no_more_words_and_is_not_rewritten(tmp_path):
    names = ("".join(p) for p in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=4))
    (tmp_path / "words.txt").write_text("\n".join(itertools.islice(names, MAX_WORDS)) + "\n")
    before = (tmp_path / "words.txt").read_bytes()
    words = PersonalWords(tmp_path / "words.txt")
    words.add("kubectl")
    assert "kubectl" not in words
    assert (tmp_path / "words.txt").read_bytes() == before


def test_an_added_word_is_kept_for_good(tmp_path):
    words = PersonalWords(tmp_path / "words.txt")
    words.add("  kubectl ")
    words.add("Oluwaseun")
    assert "kubectl" in words
    again = PersonalWords(tmp_path / "words.txt")
    assert len(again) == 2 and "kubectl" in again and "Oluwaseun" in again
    assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "Oluwaseun\nkubectl\n"


def test_the_written_file_is_0600_in_a_new_0700_folder(tmp_path):
    path = tmp_path / "data" / "spelling" / "words.txt"
    PersonalWords(path).add("kubectl")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert os.listdir(path.parent) == ["words.txt"]  # no temporary file left behind


def test_an_existing_open_folder_is_made_private(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    PersonalWords(folder / "words.txt").add("kubectl")
    assert mode(folder) == 0o700
    assert mode(folder / "words.txt") == 0o600


def test_an_existing_readable_file_becomes_0600_once_rewritten(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("kubectl\n")
    os.chmod(path, 0o644)
    PersonalWords(path).add("Oluwaseun")
    assert mode(path) == 0o600


@pytest.mark.parametrize(
    "word",
    ["", "   ", "two words", "tab\tword", "line\nbreak", "nul\x00", "bell\x07", "x" * 101],
)
def test_adding_an_implausible_word_does_nothing(tmp_path, word):
    words = PersonalWords(tmp_path / "words.txt")
    words.add(word)
    assert len(words) == 0
    assert not (tmp_path / "words.txt").exists()


def test_adding_a_word_already_there_does_not_rewrite_the_file(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("kubectl\n")
    os.chmod(path, 0o644)  # a rewrite would make it 0600
    PersonalWords(path).add("kubectl")
    assert mode(path) == 0o644


def test_plausible_words():
    assert plausible("kubectl") and plausible("l'équipe") and plausible(LONG)
    assert not plausible("") and not plausible("a b") and not plausible(LONG + "x")
    assert not plausible("a\u2028b") and not plausible("a\x00b")
