"""Run by tests/gui/test_small_screens.py on a real X display with a window manager.

    python screen_child.py OUT_DIR LANGUAGE

Plays a person's first minutes on the fake engine, the real windows and the
real window manager: the welcome page, the starter chosen, a rewrite under
review, Reply/Forward-style new windows, every Settings page. After each step
it writes a screenshot of the whole screen (OUT_DIR/<step>.png) and measures
what a person would see: whether each window's frame fits the screen, whether
the review's parts overlap, how many lines of the diff and rows of changes
show, whether a row of the assistant's controls is cut by its scroll area.
The measurements go to OUT_DIR/report.json; the test judges them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: helpers

from helpers.fake_engine import FakeEngine, Reply  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QRect, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QScrollArea,
    QWidget,
)

from composer import i18n  # noqa: E402
from composer.assist.actions import Action  # noqa: E402
from composer.gui.assistant_controller import AssistantState  # noqa: E402
from composer.gui.theme import apply_theme  # noqa: E402
from composer.gui.windows import WindowManager  # noqa: E402
from composer.paths import app_paths  # noqa: E402
from composer.settings import Settings  # noqa: E402

BODY = (
    "Hi Tom,\n\nthank you for the quick answer. teh budget stays at 450 EUR, as agreed "
    "with Marc, and the room is booked for friday.\n\nCould you send me the list of "
    "guests by tomorrow? I would like to print the badges on Wednesday morning so "
    "that everything is ready.\n\nAlso, the caterer asks if we need vegetarian meals; "
    "let me know how many.\n\nBest regards,\nAnna"
)
# More formal: several changes, one fact changed (the amount), so the list has rows.
FORMAL = (
    "Dear Tom,\n\nThank you for your prompt reply. The budget remains at 540 EUR, as "
    "agreed with Marc, and the room is reserved for Friday.\n\nCould you kindly send "
    "me the guest list by tomorrow? I would like to print the badges on Wednesday "
    "morning so that everything is prepared.\n\nFurthermore, the caterer asks whether "
    "we require vegetarian meals; please let me know how many.\n\nKind regards,\nAnna"
)
SETTLE_MS = 400  # the window manager maps, frames and places a window


def wait(app: QApplication, ms: int = SETTLE_MS, until: Any = None, limit_ms: int = 10_000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < (limit_ms if until is not None else ms):
        app.processEvents()
        if until is not None and until():
            break
    if until is not None:
        clock.restart()
        while clock.elapsed() < ms:  # then let the layout settle
            app.processEvents()


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def in_window(widget: QWidget) -> QRect:
    """The widget's rectangle in its top-level window's coordinates."""
    top = widget.window()
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def shown_part(widget: QWidget) -> QRect:
    """The part of the widget not cut by the scroll areas and panels it sits in."""
    visible = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(widget.window(), visible.topLeft()), visible.size())


def window_report(window: QWidget) -> dict[str, Any]:
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else QRect()
    frame = window.frameGeometry()
    return {
        "title": window.windowTitle(),
        "frame": rect(frame),
        "client": rect(window.geometry()),
        "screen": rect(room),
        "fits": room.contains(frame),
    }


def buttons_cut(top: QWidget, scrolling: QScrollArea | None = None) -> list[str]:
    """Visible buttons of *top* drawn only in part (cut by a panel or the window's edge).

    Buttons in a scroll area may sit at its edge by design, except in
    *scrolling* (the assistant's controls promise whole rows).
    """
    cut = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not top:
            continue
        area = _scroll_area_of(button)
        if area is not None and area is not scrolling:
            continue
        shown = button.visibleRegion().boundingRect()
        if shown.isEmpty():
            continue  # scrolled away entirely: reachable, not cut
        if shown.size() != button.size():
            name = button.objectName() or button.text()
            cut.append(f"{name} {rect(shown)} of {rect(button.rect())}")
    return cut


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def review_report(window: Any) -> dict[str, Any]:
    panel = window.assistant_panel
    review = panel.review
    diff = review.diff_view
    changes = review.change_list
    line = diff.fontMetrics().lineSpacing()
    row = max(changes.sizeHintForRow(0), 1)
    parts = {
        name: widget
        for name, widget in (
            ("versions", review.previous_button),
            ("diff", diff),
            ("changes_label", review.changes_label),
            ("changes", changes),
            ("summary", review.summary),
            ("facts_note", review.facts_note),
            ("findings", review.findings),
            ("accept_all", review.accept_all_button),
            ("discard", review.discard_button),
            ("status_bar", window.statusBar()),
        )
        if widget.isVisible()
    }
    boxes = {name: in_window(widget) for name, widget in parts.items()}
    overlaps = [
        f"{a} {rect(boxes[a])} over {b} {rect(boxes[b])}"
        for i, a in enumerate(boxes)
        for b in list(boxes)[i + 1 :]
        if boxes[a].intersects(boxes[b])
    ]
    return {
        "diff_lines": diff.viewport().height() // line,
        "change_rows": changes.viewport().height() // row,
        "change_count": review.change_model.rowCount(),
        "overlaps": overlaps,
        "cut_buttons": buttons_cut(window),
        "parts": {name: rect(box) for name, box in boxes.items()},
    }


def controls_report(window: Any) -> dict[str, Any]:
    """Whether a row of the assistant's controls is cut by their scroll area."""
    panel = window.assistant_panel
    area = panel.controls_area
    viewport = area.viewport()
    cut = []
    for widget in (panel.prompt, panel.draft_button, panel.language, panel.stop_button):
        if not widget.isVisible():
            continue
        shown = widget.visibleRegion().boundingRect()
        if not shown.isEmpty() and shown.height() < widget.height():
            cut.append(f"{widget.objectName()} shows {shown.height()} of {widget.height()} px")
    return {
        "scrolls": area.verticalScrollBar().maximum() > 0,
        "viewport_height": viewport.height(),
        "content_height": panel._controls.sizeHint().height(),
        "cut_rows": cut,
        "cut_buttons": buttons_cut(window, area),
    }


def shot(app: QApplication, out: Path, name: str) -> None:
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(out / f"{name}.png"))


def dialog_report(dialog: QDialog) -> dict[str, Any]:
    report = window_report(dialog)
    report["cut_buttons"] = buttons_cut(dialog)
    return report


def main() -> int:
    out = Path(sys.argv[1])
    language = sys.argv[2]
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    i18n.install_translators(language)
    apply_theme(app, "light")
    paths = app_paths().ensure()
    fake = FakeEngine()
    settings = Settings(language=language)
    manager = WindowManager(settings, paths, engine_factory=fake.factory)
    report: dict[str, Any] = {"screen": rect(app.primaryScreen().availableGeometry())}

    # 1. The first start: the welcome page, then the starter chosen.
    manager.start([])
    first = manager.compose_windows()[0]
    wait(app, until=lambda: first.isVisible() and first.frameGeometry() != first.geometry())
    welcome = first.side.welcome
    assert welcome is not None
    # The recommendation, once the hardware check has answered: the page at its longest.
    wait(app, until=lambda: "…" not in welcome.recommendation.text(), limit_ms=60_000)
    report["welcome"] = window_report(first) | {
        "cut_buttons": buttons_cut(first),
        "scrolls": any(
            area.verticalScrollBar().maximum() > 0
            for area in first.side.welcome.findChildren(QScrollArea)
        )
        if first.side.welcome is not None
        else None,
    }
    shot(app, out, "welcome")
    assert first.side.welcome is not None
    first.side.welcome.sig_starter.emit()
    wait(app, until=lambda: first.assistant.state is AssistantState.READY)
    report["after_welcome"] = window_report(first) | controls_report(first)
    shot(app, out, "after-welcome")

    # 2. A rewrite under review.
    fake.script(Reply.text(FORMAL))
    first.body.setPlainText(BODY)
    first.assistant_panel.request(Action.FORMAL)
    wait(app, until=lambda: first.assistant.state is AssistantState.REVIEW)
    report["review"] = window_report(first) | review_report(first)
    report["review"]["cut_buttons"] = buttons_cut(first, first.assistant_panel.controls_area)
    shot(app, out, "review")
    first.assistant_panel.review.discard_button.click()

    # 3. New windows, as Reply and Forward open them: each fits the screen.
    report["new_windows"] = []
    for _ in range(4):
        window = manager.new_compose()
        wait(app, until=lambda w=window: w.isVisible() and w.frameGeometry() != w.geometry())
        report["new_windows"].append(window_report(window))
    shot(app, out, "new-windows")
    for window in manager.compose_windows()[1:]:
        window.close()
    wait(app, 100)

    # 4. Every Settings page fits the screen, its buttons whole.
    dialog = first.services.settings_link.show(first)
    wait(app, until=lambda: dialog.isVisible() and dialog.frameGeometry() != dialog.geometry())
    tabs = dialog.tabs
    report["settings"] = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        wait(app, 200)
        page = dialog_report(dialog) | {"page": tabs.tabText(index)}
        report["settings"].append(page)
        shot(app, out, f"settings-{index}")
    dialog.close()

    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    QTimer.singleShot(0, manager.close_all)
    wait(app, 300)
    os._exit(0)  # the fake engine's thread needs no orderly end here


if __name__ == "__main__":
    sys.exit(main())
