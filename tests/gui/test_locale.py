"""Numbers, sizes and the changes list follow the interface's language, everywhere."""

from __future__ import annotations

import pytest
from helpers.fake_engine import Reply
from PySide6.QtCore import QLocale

from composer import i18n
from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState
from composer.i18n import data_size, memory_size, number

WAIT_MS = 5000
GIB = 1024**3


@pytest.fixture
def interface(qapp):
    default = QLocale()

    def switch(code: str) -> None:
        assert i18n.install_translators(code) == code

    yield switch
    i18n.remove_translators()
    QLocale.setDefault(default)


def plain(text: str) -> str:
    """The text with its no-break spaces (French separators) as plain ones, to compare."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_french_writes_french_numbers_and_units(interface):
    interface("fr")
    assert plain(number(32768)) == "32 768"
    assert plain(number(12.34, 1)) == "12,3"
    assert plain(data_size(936_000_000)) == "936 Mo"
    assert plain(data_size(2_500_000_000)) == "2,5 Go"
    assert plain(memory_size(int(23.5 * GIB))) == "23,5 Go"


def test_english_writes_english_numbers_and_units(interface):
    interface("en")
    assert number(32768) == "32,768" and number(12.34, 1) == "12.3"
    assert data_size(2_500_000_000) == "2.5 GB"


def test_the_context_choices_are_counted_in_french(qtbot, no_model_window, interface):
    interface("fr")
    window = no_model_window()
    window.show_settings()
    combo = window.settings_dialog.assistant.context_size
    texts = [plain(combo.itemText(i)) for i in range(combo.count())]
    assert not any("," in text for text in texts)  # no English thousands separator
    assert any("jetons" in text for text in texts), texts


def test_the_writing_speed_is_a_french_decimal(qtbot, fake_window, fake_engine, interface):
    interface("fr")
    window = fake_window()
    window.assistant_panel.show_writing(12.34)
    assert "12,3" in window.assistant_panel.phase.text()


def test_a_french_email_reviewed_in_the_english_interface_is_explained_in_english(
    qtbot, fake_window, fake_engine, interface
):
    interface("en")
    fake_engine.script(Reply.text("Je suis allé à Paris."))
    window = fake_window()
    window.body.setPlainText("je suis alle a paris.")
    window.assistant_panel.request(Action.PROOFREAD)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=WAIT_MS)
    rows = window.assistant_panel.review.session.descriptions()
    assert rows and all(" : " not in row and "«" not in row for row in rows), rows
    assert any(row.startswith(("Spelling", "Capitalisation", "Grammar")) for row in rows), rows


def test_numbers_inside_sentences_of_the_qt_free_modules_follow_the_language(interface):
    from composer.hardware.plan import GIB, gb
    from composer.messages import DataSize, Number, user_message

    message = user_message("Plan", "%1, whole model, %2 of %3 GB").arg(
        "GPU", gb(2.5 * GIB), gb(8 * GIB)
    )
    assert str(message) == "GPU, whole model, 2.5 of 8 GB"  # the log's English
    interface("fr")
    assert "2,5" in plain(i18n.translated(message)) and "2.5" not in i18n.translated(message)
    assert plain(i18n.translated(Number(32768))) == "32 768"
    assert plain(i18n.translated(DataSize(2_500_000_000))) == "2,5 Go"
    assert str(DataSize(2_500_000_000)) == "2.5 GB"
