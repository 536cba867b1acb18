"""Guards against a broken Qt binding release (seen with PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_release_none(qapp):
    # PySide6 6.12.0 dropped one reference to None per void method call; after a
    # few thousand calls Python aborts with "deallocating None".
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("a")
    assert sys.getrefcount(None) > before - 50
