"""The attachments bar: add, remove, sizes, the warning limit, drops on the window, the draft."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QToolButton

MB = 1_000_000


def names(bar) -> list[str]:
    return [
        label.text()
        for label in bar.findChildren(QLabel, "attachmentName")
        if label.isVisibleTo(bar)
    ]


def drop_event(paths: list[Path], kind=QDropEvent) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = kind(
        QPoint(10, 10) if kind is QDragEnterEvent else QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event._mime = mime  # the event holds a pointer only: keep the data alive
    return event


def test_add_remove_sizes_and_warning(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "no-model.gguf", attachment_warning_mb=1)
    bar = window.attachments
    small = tmp_path / "notes.txt"
    small.write_bytes(b"x" * 1500)
    big = tmp_path / "photo.jpg"
    big.write_bytes(b"\xff" * (MB + 234_567))
    bar.add_files([small])
    qtbot.waitUntil(lambda: len(names(bar)) == 1)
    assert names(bar) == ["notes.txt (1.5 kB)"]
    assert not bar.warning.isVisibleTo(window)
    bar.add_files([big, small])  # the same file twice is attached once
    qtbot.waitUntil(lambda: len(names(bar)) == 2)
    assert bar.paths() == [small, big]
    assert bar.warning.isVisibleTo(window)
    assert QLocale().toString(1_236_067) in bar.warning.text() and "1 MB" in bar.warning.text()
    tooltips = [label.toolTip() for label in bar.findChildren(QLabel, "attachmentName")]
    assert any(mimetypes.guess_type("x.jpg")[0] in tip for tip in tooltips)
    assert window.current_draft().attachments == (str(small), str(big))

    remove = [b for b in bar.findChildren(QToolButton, "removeAttachment") if b.isVisibleTo(bar)]
    assert remove[1].accessibleName() == "Remove the attachment photo.jpg"
    remove[1].click()
    qtbot.waitUntil(lambda: len(names(bar)) == 1)
    assert bar.paths() == [small] and not bar.warning.isVisibleTo(window)
    bar.set_warning_limit(25)
    assert bar.warning_mb == 25


def test_dropped_files_attach_and_eml_files_open(no_model_window, tmp_path, qtbot):
    window = no_model_window()
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(b"%PDF")
    mail = tmp_path / "question.eml"
    mail.write_bytes(b"Subject: hi\n\nbody\n")
    opened = []
    window.sig_open_message_files.connect(opened.append)
    # Qt delivers a drop only during a real drag (none offscreen): the window's
    # handlers get the events directly.
    enter = drop_event([doc, mail], QDragEnterEvent)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(drop_event([doc, mail]))
    assert window.attachments.paths() == [doc]
    assert opened == [[mail]]
    # Dropped on the text itself: attached too, no path typed into the message.
    other = tmp_path / "other.bin"
    other.write_bytes(b"\0")
    assert window.eventFilter(window.body.viewport(), drop_event([other]))
    assert window.attachments.paths() == [doc, other]
    assert window.body.toPlainText() == ""


def test_attachments_and_account_come_back_with_the_draft(open_window, no_model_window, tmp_path):
    from composer.mail.drafts import Draft

    doc = tmp_path / "doc.pdf"
    doc.write_bytes(b"%PDF")
    window = no_model_window()
    window.fill(Draft(to="a@example.com", attachments=(str(doc),)))
    assert window.attachments.paths() == [doc]
    assert window.current_draft().attachments == (str(doc),)
    window.discard_message(confirm=False)
    assert window.attachments.paths() == [] and window.current_draft().is_empty()
