"""The compose window's commands as data: name, text, keys, what they do, where they show.

One table gives the QActions, the menus and Help > Keyboard shortcuts, so a
command added here is in all three (tests/gui/test_keyboard.py checks that
every key is unique and every mnemonic too). Texts keep the ComposeWindow
translation context: the French catalogue did not have to change when the
table left the window.

No Ctrl+Alt: it is AltGr on many keyboards (AltGr+E is €) and desktops use it
(Ctrl+Alt+L locks the screen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenuBar, QPlainTextEdit

from composer import APP_NAME
from composer.assist.actions import Action
from composer.i18n import filled

if TYPE_CHECKING:
    from composer.gui.compose_window import ComposeWindow

# The translation context of every text below. lupdate reads only a literal
# context, so each QT_TRANSLATE_NOOP spells it out (a name here would hide
# them all from the catalogue: tests/test_i18n.py).
CONTEXT = "ComposeWindow"
Key = str | QKeySequence.StandardKey


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks *text* for translation in *context*; translated where it is shown."""
    return text


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Command:
    key: str  # window.commands[key]; the QAction's object name is camelCase(key) + "Action"
    text: str  # untranslated (QT_TRANSLATE_NOOP), with its menu mnemonic
    handler: str  # what it does: the window's attribute path ("edit_focused": this module's)
    keys: tuple[Key, ...] = ()
    group: str = ""  # the Help > Keyboard shortcuts group
    editing: bool = False  # acts on the focused field: its keys stay within the window
    also: str = ""  # another way to run it, named in Keyboard shortcuts
    args: tuple[object, ...] = ()  # given to the handler

    @property
    def object_name(self) -> str:
        head, *rest = self.key.split("_")
        return head + "".join(part.title() for part in rest) + "Action"


FILE, EDIT = QT_TRANSLATE_NOOP("ComposeWindow", "File"), QT_TRANSLATE_NOOP("ComposeWindow", "Edit")
ASSISTANT, REVIEW = (
    QT_TRANSLATE_NOOP("ComposeWindow", "Assistant"),
    QT_TRANSLATE_NOOP("ComposeWindow", "Review"),
)
HELP = QT_TRANSLATE_NOOP("ComposeWindow", "Help")
Std = QKeySequence.StandardKey

# In the order of Help > Keyboard shortcuts.
COMMANDS: tuple[Command, ...] = (
    Command(
        "new_message",
        QT_TRANSLATE_NOOP("ComposeWindow", "&New message"),
        "sig_new_message.emit",
        (Std.New,),
        FILE,
    ),
    Command(
        "open_message",
        QT_TRANSLATE_NOOP("ComposeWindow", "Open m&essage…"),
        "choose_message_files",
        (Std.Open,),
        FILE,
    ),
    Command(
        "drafts", QT_TRANSLATE_NOOP("ComposeWindow", "D&rafts…"), "sig_show_drafts.emit", (), FILE
    ),
    Command("sent", QT_TRANSLATE_NOOP("ComposeWindow", "Sen&t…"), "sig_show_sent.emit", (), FILE),
    Command(
        "send",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Send"),
        "sending.send",
        ("Ctrl+Return",),
        FILE,
    ),
    Command(
        "attach",
        QT_TRANSLATE_NOOP("ComposeWindow", "Attach &files…"),
        "attachments.choose_files",
        ("Ctrl+Shift+A",),
        FILE,
    ),
    Command(
        "save_eml",
        QT_TRANSLATE_NOOP("ComposeWindow", "Save &as .eml…"),
        "sending.save_as_eml",
        (),
        FILE,
    ),
    Command(
        "models",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Models…"),
        "show_models",
        ("Ctrl+Shift+M",),
        FILE,
    ),
    Command(
        "open_model",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Open model file…"),
        "choose_model_file",
        ("Ctrl+Shift+O",),
        FILE,
    ),
    Command(
        "discard_message",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Discard message…"),
        "discard_message",
        ("Ctrl+Shift+Delete",),
        FILE,
    ),
    Command("quit", QT_TRANSLATE_NOOP("ComposeWindow", "&Quit"), "close", (Std.Quit,), FILE),
    Command(
        "undo",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Undo"),
        "edit_focused",
        (Std.Undo,),
        EDIT,
        editing=True,
        args=("undo",),
    ),
    Command(
        "redo",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Redo"),
        "edit_focused",
        (Std.Redo,),
        EDIT,
        editing=True,
        args=("redo",),
    ),
    Command(
        "cut",
        QT_TRANSLATE_NOOP("ComposeWindow", "Cu&t"),
        "edit_focused",
        (Std.Cut,),
        EDIT,
        editing=True,
        args=("cut",),
    ),
    Command(
        "copy",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Copy"),
        "edit_focused",
        (Std.Copy,),
        EDIT,
        editing=True,
        args=("copy",),
    ),
    Command(
        "paste",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Paste"),
        "edit_focused",
        (Std.Paste,),
        EDIT,
        editing=True,
        args=("paste",),
    ),
    Command(
        "select_all",
        QT_TRANSLATE_NOOP("ComposeWindow", "Select &All"),
        "edit_focused",
        (Std.SelectAll,),
        EDIT,
        editing=True,
        args=("selectAll",),
    ),
    # F7, as in LibreOffice and Word; the word's menu opens there, for the keyboard alone.
    Command(
        "next_misspelling",
        QT_TRANSLATE_NOOP("ComposeWindow", "Next &misspelling"),
        "spelling.next_misspelling",
        ("F7",),
        EDIT,
    ),
    # Preferences is empty on Linux: Ctrl+, there (and what macOS uses anyway).
    Command(
        "settings",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Settings…"),
        "show_settings",
        (Std.Preferences, "Ctrl+,"),
        EDIT,
    ),
    Command(
        "focus_prompt",
        QT_TRANSLATE_NOOP("ComposeWindow", "Ask the &assistant"),
        "assistant_panel.focus_prompt",
        ("Ctrl+Shift+D",),
        ASSISTANT,
    ),
    # Ctrl+Return sends, as in mail apps; Enter in the prompt still drafts.
    Command(
        "draft",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Draft from the prompt"),
        "assistant_panel.request",
        ("Ctrl+Shift+E",),
        ASSISTANT,
        also=QT_TRANSLATE_NOOP(
            "ComposeWindow", "Enter in the prompt field, when the message is empty"
        ),
        args=(Action.DRAFT,),
    ),
    Command(
        "custom",
        QT_TRANSLATE_NOOP("ComposeWindow", "Apply the prompt's &instruction"),
        "assistant_panel.request",
        ("Ctrl+Shift+I",),
        ASSISTANT,
        also=QT_TRANSLATE_NOOP(
            "ComposeWindow", "Enter in the prompt field, when the message has text"
        ),
        args=(Action.CUSTOM,),
    ),
    Command(
        "reply",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Reply to the quoted message"),
        "assistant_panel.request",
        ("Ctrl+Shift+R",),
        ASSISTANT,
        args=(Action.REPLY,),
    ),
    Command(
        "proofread",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Proofread"),
        "assistant_panel.request",
        ("Ctrl+Shift+P",),
        ASSISTANT,
        args=(Action.PROOFREAD,),
    ),
    Command(
        "shorten",
        QT_TRANSLATE_NOOP("ComposeWindow", "S&horten"),
        "assistant_panel.request",
        ("Ctrl+Shift+N",),
        ASSISTANT,
        args=(Action.SHORTEN,),
    ),
    Command(
        "expand",
        QT_TRANSLATE_NOOP("ComposeWindow", "E&xpand"),
        "assistant_panel.request",
        ("Ctrl+Shift+X",),
        ASSISTANT,
        args=(Action.EXPAND,),
    ),
    Command(
        "formal",
        QT_TRANSLATE_NOOP("ComposeWindow", "More &formal"),
        "assistant_panel.request",
        ("Ctrl+Shift+F",),
        ASSISTANT,
        args=(Action.FORMAL,),
    ),
    Command(
        "friendlier",
        QT_TRANSLATE_NOOP("ComposeWindow", "Friendli&er"),
        "assistant_panel.request",
        ("Ctrl+Shift+Y",),
        ASSISTANT,
        args=(Action.FRIENDLY,),
    ),
    Command(
        "stop",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Stop writing"),
        "assistant.stop",
        ("Esc",),
        ASSISTANT,
    ),
    Command(
        "language",
        QT_TRANSLATE_NOOP("ComposeWindow", "Choose the answer's &language"),
        "assistant_panel.language.setFocus",
        ("Ctrl+Shift+L",),
        ASSISTANT,
    ),
    Command(
        "accept",
        QT_TRANSLATE_NOOP("ComposeWindow", "A&ccept all changes"),
        "assistant_panel.review.accept_all",
        ("Ctrl+Shift+Return",),
        REVIEW,
    ),
    Command(
        "accept_ticked",
        QT_TRANSLATE_NOOP("ComposeWindow", "Accept the &ticked changes"),
        "assistant_panel.review.accept_selected",
        ("Ctrl+Shift+K",),
        REVIEW,
    ),
    Command(
        "insert",
        QT_TRANSLATE_NOOP("ComposeWindow", "Insert the suggestion at the cursor"),
        "assistant_panel.review.insert",
        ("Ctrl+Shift+Ins",),
        REVIEW,
    ),
    Command(
        "discard",
        QT_TRANSLATE_NOOP("ComposeWindow", "Discard s&uggestion"),
        "assistant_panel.review.discard",
        ("Ctrl+Shift+Backspace",),
        REVIEW,
    ),
    Command(
        "regenerate",
        QT_TRANSLATE_NOOP("ComposeWindow", "Re&generate"),
        "assistant.regenerate",
        ("Ctrl+Shift+G",),
        REVIEW,
    ),
    Command(
        "previous_version",
        QT_TRANSLATE_NOOP("ComposeWindow", "Pre&vious version"),
        "assistant_panel.review.previous_version",
        ("Alt+Shift+Left",),
        REVIEW,
    ),
    Command(
        "next_version",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Next version"),
        "assistant_panel.review.next_version",
        ("Alt+Shift+Right",),
        REVIEW,
    ),
    Command(
        "changes",
        QT_TRANSLATE_NOOP("ComposeWindow", "Go t&o the list of changes"),
        "assistant_panel.review.change_list.setFocus",
        ("Ctrl+Shift+H",),
        REVIEW,
    ),
    Command(
        "shortcuts",
        QT_TRANSLATE_NOOP("ComposeWindow", "&Keyboard shortcuts"),
        "show_shortcuts",
        (Std.HelpContents,),
        HELP,
    ),
    Command("about", QT_TRANSLATE_NOOP("ComposeWindow", "&About %1"), "show_about", (), HELP),
)

# The menus: (title, object name, command keys; "" is a separator).
MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("ComposeWindow", "&File"),
        "fileMenu",
        (
            "new_message",
            "open_message",
            "drafts",
            "sent",
            "",
            "send",
            "attach",
            "save_eml",
            "",
            "models",
            "open_model",
            "",
            "discard_message",
            "",
            "quit",
        ),
    ),  # fmt: skip
    (
        QT_TRANSLATE_NOOP("ComposeWindow", "&Edit"),
        "editMenu",
        (
            "undo",
            "redo",
            "",
            "cut",
            "copy",
            "paste",
            "",
            "select_all",
            "",
            "next_misspelling",
            "",
            "settings",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ComposeWindow", "&Assistant"),
        "assistantMenu",
        (
            "focus_prompt",
            "draft",
            "custom",
            "",
            "reply",
            "proofread",
            "shorten",
            "expand",
            "formal",
            "friendlier",
            "",
            "stop",
            "accept",
            "accept_ticked",
            "insert",
            "discard",
            "regenerate",
            "previous_version",
            "next_version",
            "changes",
            "language",
        ),
    ),  # fmt: skip
    (QT_TRANSLATE_NOOP("ComposeWindow", "&Help"), "helpMenu", ("shortcuts", "about")),
)

# Keys that are no command of their own, listed in Keyboard shortcuts all the same.
MORE_KEYS: tuple[tuple[str, str, str], ...] = (
    (
        FILE,
        QT_TRANSLATE_NOOP("ComposeWindow", "Close a dialog"),
        QT_TRANSLATE_NOOP("ComposeWindow", "Esc"),
    ),
    (
        EDIT,
        QT_TRANSLATE_NOOP("ComposeWindow", "Move to the next field"),
        QT_TRANSLATE_NOOP("ComposeWindow", "Tab"),
    ),
    (
        EDIT,
        QT_TRANSLATE_NOOP("ComposeWindow", "Move to the previous field"),
        QT_TRANSLATE_NOOP("ComposeWindow", "Shift+Tab"),
    ),
    (
        EDIT,
        QT_TRANSLATE_NOOP("ComposeWindow", "Type a tab character in the message"),
        QT_TRANSLATE_NOOP("ComposeWindow", "Ctrl+Tab"),
    ),
    (
        EDIT,
        QT_TRANSLATE_NOOP(
            "ComposeWindow", "Spelling suggestions and Proofread this paragraph at the cursor"
        ),
        QT_TRANSLATE_NOOP("ComposeWindow", "Menu key or Shift+F10"),
    ),
    (
        REVIEW,
        QT_TRANSLATE_NOOP("ComposeWindow", "Keep or reject a change"),
        QT_TRANSLATE_NOOP("ComposeWindow", "Space in the list of changes"),
    ),
)


def edit_focused(window: ComposeWindow, operation: str) -> None:
    """Undo, cut, paste… in the field that has the focus (the body when none has)."""
    widget = QApplication.focusWidget()
    target = widget if isinstance(widget, (QLineEdit, QPlainTextEdit)) else window.body
    getattr(target, operation)()


def _key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(key)  # empty where the platform has none
        else:
            sequences = [QKeySequence(key)]
        found += [s for s in sequences if not s.isEmpty() and s not in found]
    return found


def _handler(window: ComposeWindow, command: Command) -> Callable[[], object]:
    if command.handler == "edit_focused":
        return partial(edit_focused, window, str(command.args[0]))
    target: Callable[..., object] = attrgetter(command.handler)(window)
    return partial(target, *command.args)


def create_commands(window: ComposeWindow) -> dict[str, QAction]:
    """The window's QActions, by key, connected to what they do."""
    commands: dict[str, QAction] = {}
    for command in COMMANDS:
        act = QAction(filled(_t(command.text), APP_NAME), window)
        act.setObjectName(command.object_name)
        act.setShortcuts(_key_sequences(command.keys))
        if command.editing:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(_handler(window, command))
        commands[command.key] = act
    return commands


def create_menus(bar: QMenuBar, commands: dict[str, QAction]) -> None:
    for title, object_name, keys in MENUS:
        menu = bar.addMenu(_t(title))
        menu.setObjectName(object_name)
        for key in keys:
            if key:
                menu.addAction(commands[key])
            else:
                menu.addSeparator()


def shortcut_groups(commands: dict[str, QAction]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(command, keys)]) for Help > Keyboard shortcuts; each command once."""
    native = QKeySequence.SequenceFormat.NativeText
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[str] = set()

    def add(group: str, command: str, keys: list[str]) -> None:
        rows = groups.setdefault(_t(group), [])
        if keys and command not in seen:
            seen.add(command)
            rows.append((command, ", ".join(keys)))

    for command in COMMANDS:
        act = commands[command.key]
        keys = [key.toString(native) for key in act.shortcuts()]
        if command.also:
            keys.append(_t(command.also))
        add(command.group, act.text().replace("&", ""), keys)
    for group, command_text, keys_text in MORE_KEYS:
        add(group, _t(command_text), [_t(keys_text)])
    return list(groups.items())
