"""Edit > Settings: General, Accounts, Assistant, Hardware and Privacy pages.

The pages show the settings and say what the user changed through signals;
the compose window applies and saves (a new model loads in the background,
turning the assistant off frees its memory, "Forget everything" runs only
after a confirmation here).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.assist.language import NATIVE_NAMES
from composer.gui.dialogs.accounts_page import AccountsPage
from composer.gui.dialogs.hardware_page import HardwarePage
from composer.gui.dialogs.servers_page import ServersPage
from composer.gui.dialogs.spelling_settings import SpellingSettings
from composer.gui.spelling_service import SpellingService
from composer.gui.window_placement import keep_on_screen
from composer.hardware.context import CONTEXT_STEPS
from composer.i18n import filled, number
from composer.mail.accounts import AccountStore
from composer.settings import Settings


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class GeneralPage(QWidget):
    sig_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        spelling: SpellingService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from composer.i18n import available_languages, restart_note

        self.setObjectName("generalPage")
        self.language = QComboBox()
        _named(self.language, "interfaceLanguage", self.tr("Interface language"))
        self.language.addItem(self.tr("The system's language"), "")
        for code, name in available_languages():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme = QComboBox()
        _named(self.theme, "theme", self.tr("Colour scheme"))
        for label, value in (
            (self.tr("As the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        note = QLabel(restart_note())
        note.setWordWrap(True)
        form = QFormLayout(self)
        for text, field in (
            (self.tr("&Language:"), self.language),
            (self.tr("Colo&urs:"), self.theme),
        ):
            field_label = QLabel(text)
            field_label.setBuddy(field)
            form.addRow(field_label, field)
        form.addRow(note)
        self.spelling = SpellingSettings(settings, spelling)
        form.addRow(self.spelling)
        self.language.currentIndexChanged.connect(self.sig_changed)
        self.theme.currentIndexChanged.connect(self.sig_changed)
        self.spelling.sig_changed.connect(self.sig_changed)

    def apply_to(self, settings: Settings) -> None:
        settings.language = self.language.currentData()
        settings.theme = self.theme.currentData()
        self.spelling.apply_to(settings)


class AssistantPage(QWidget):
    sig_changed = Signal()
    sig_choose_file = Signal()
    sig_open_models = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        servers_folder: Path | None = None,
    ) -> None:
        """*servers_folder*: where servers.json is kept (None: no server choice)."""
        super().__init__(parent)
        self.setObjectName("assistantPage")
        self.on = QRadioButton(self.tr("On: a model on &this computer"))
        _named(self.on, "assistantOn", self.tr("Assistant on"))
        self.off = QRadioButton(self.tr("Off: &just write, no model in memory"))
        _named(self.off, "assistantOff", self.tr("Assistant off"))
        group = QButtonGroup(self)
        group.addButton(self.on)
        group.addButton(self.off)
        # A server the user chose: its name is in server_id, consent in servers.json.
        self.server_id = settings.server_id
        self.servers: ServersPage | None = None
        self.server = QRadioButton(self.tr("On: a ser&ver I choose (your text is sent to it)"))
        _named(self.server, "assistantServer", self.tr("Assistant on a server"))
        group.addButton(self.server)
        if servers_folder is not None:
            self.servers = ServersPage(servers_folder)
            self.servers.sig_use_server.connect(self._use_server)
            self.server.clicked.connect(self._server_clicked)
        else:
            self.server.hide()
        chosen = {"off": self.off, "server": self.server}.get(settings.assistant, self.on)
        chosen.setChecked(True)
        self._checked = chosen  # the choice confirmed (a server only once agreed to)
        self.on.clicked.connect(lambda: self._confirm_choice(self.on))
        self.off.clicked.connect(lambda: self._confirm_choice(self.off))

        self.model = QLineEdit()
        _named(self.model, "assistantModel", self.tr("Model file"))
        self.model.setReadOnly(True)
        self.choose = QPushButton(self.tr("Choose &file…"))
        _named(self.choose, "chooseModelFile", self.tr("Choose a model file"))
        self.models = QPushButton(self.tr("&Models…"))
        _named(self.models, "openModels", self.tr("Open the Models window"))
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.choose)
        model_row.addWidget(self.models)

        self.max_tokens = QSpinBox()
        _named(self.max_tokens, "answerLength", self.tr("Longest answer, in tokens"))
        self.max_tokens.setRange(64, 4096)
        self.max_tokens.setSingleStep(64)
        self.max_tokens.setValue(settings.max_tokens)
        self.max_tokens.setSuffix(self.tr(" tokens"))
        self.answer_language = QComboBox()
        _named(self.answer_language, "answerLanguage", self.tr("Default language of answers"))
        self.answer_language.addItem(self.tr("Same as the text"), "")
        for code, name in NATIVE_NAMES.items():
            self.answer_language.addItem(name, code)
        self.answer_language.setCurrentIndex(
            max(0, self.answer_language.findData(settings.answer_language))
        )

        self.context_size = QComboBox()
        _named(self.context_size, "contextLength", self.tr("Context length"))
        self.context_size.addItem(self.tr("Automatic"), 0)
        for tokens in CONTEXT_STEPS:
            self.context_size.addItem(filled(self.tr("%1k tokens"), number(tokens // 1024)), tokens)
        self.context_size.setToolTip(
            self.tr(
                "How much text the model reads at once: the email, the conversation and "
                "the answer. Longer takes more memory; Automatic chooses from the model "
                "and the free memory (Edit > Settings > Hardware says what was chosen)."
            )
        )
        self._select_context(settings.context_size)

        self.kv_cache = QComboBox()
        _named(self.kv_cache, "kvCache", self.tr("Memory for long emails"))
        self.kv_cache.addItem(self.tr("Full precision (16-bit)"), "f16")
        self.kv_cache.addItem(
            self.tr("Compact (8-bit: about half the memory, longer emails)"), "q8_0"
        )
        self.kv_cache.setToolTip(
            self.tr(
                "How the model keeps what it has read. Compact takes about half the memory, "
                "so the automatic context length can be longer on a small GPU. It needs "
                "flash attention, which llama.cpp turns on for it; answers can differ "
                "slightly. Changing it reloads the model."
            )
        )
        self.kv_cache.setCurrentIndex(max(0, self.kv_cache.findData(settings.kv_cache)))

        form = QFormLayout(self)
        form.addRow(self.on)
        model_label = QLabel(self.tr("Mo&del:"))
        model_label.setBuddy(self.model)
        form.addRow(model_label, model_row)
        form.addRow(self.server)
        if self.servers is not None:
            form.addRow(self.servers)
        form.addRow(self.off)
        for text, field in (
            (self.tr("Longest ans&wer:"), self.max_tokens),
            (self.tr("Answer lang&uage:"), self.answer_language),
            (self.tr("Conte&xt length:"), self.context_size),
            (self.tr("Memory for lo&ng emails:"), self.kv_cache),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.max_tokens.valueChanged.connect(self.sig_changed)
        self.answer_language.currentIndexChanged.connect(self.sig_changed)
        self.context_size.currentIndexChanged.connect(self.sig_changed)
        self.kv_cache.currentIndexChanged.connect(self.sig_changed)
        self.choose.clicked.connect(self.sig_choose_file)
        self.models.clicked.connect(self.sig_open_models)

    @Slot()
    def _server_clicked(self) -> None:
        """Server mode only with a server the user agreed to send text to."""
        assert self.servers is not None
        if not self.servers.use_selected():
            self._checked.setChecked(True)  # refused, or no server yet: as before

    def _confirm_choice(self, button: QRadioButton) -> None:
        """A choice the user made (a server's only once agreed to): the settings follow it.

        Not on the radios' toggles: clicking the server choice with no server
        yet unchecks "on" for a moment, which would have turned the assistant
        off and unloaded the model before the click was refused.
        """
        if button is not self._checked:
            self._checked = button
            self.sig_changed.emit()

    @Slot(str)
    def _use_server(self, server_id: str) -> None:
        self.server_id = server_id
        self.server.setChecked(True)
        self._checked = self.server
        self.sig_changed.emit()  # even when a server was already the choice: another one

    def show_choice(self, assistant: str) -> None:
        """Show *assistant* ("local", "server", "off") as chosen elsewhere (a window, Models)."""
        chosen = {"off": self.off, "server": self.server}.get(assistant, self.on)
        for button in (self.on, self.off, self.server):
            button.blockSignals(True)
        chosen.setChecked(True)
        for button in (self.on, self.off, self.server):
            button.blockSignals(False)
        self._checked = chosen

    def show_model(self, text: str) -> None:
        self.model.setText(text)

    def _select_context(self, tokens: int) -> None:
        index = self.context_size.findData(tokens)
        if index < 0:  # a value set by hand in the settings file: show it as it is
            self.context_size.addItem(filled(self.tr("%1 tokens"), number(tokens)), tokens)
            index = self.context_size.count() - 1
        self.context_size.setCurrentIndex(index)

    def apply_to(self, settings: Settings) -> None:
        if self._checked is self.server and self.server_id:
            settings.assistant, settings.server_id = "server", self.server_id
        elif self._checked is not self.server:
            settings.assistant = "local" if self._checked is self.on else "off"
        settings.max_tokens = self.max_tokens.value()
        settings.answer_language = self.answer_language.currentData()
        settings.context_size = int(self.context_size.currentData())
        settings.kv_cache = str(self.kv_cache.currentData())


class PrivacyPage(QWidget):
    sig_forget_everything = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyPage")
        about = QLabel(
            self.tr(
                "Composer sends nothing anywhere unless you start it: a model download, "
                "sending mail, or asking the assistant when it runs on a server you chose "
                "and agreed to. It keeps no record of what you write besides the drafts of the "
                "messages you are writing and a copy of each message you send (its Sent "
                "folder), and never writes your text into its logs."
            )
        )
        about.setWordWrap(True)
        self.forget = QPushButton(self.tr("&Forget everything…"))
        _named(self.forget, "forgetEverything", self.tr("Forget everything"))
        self.forget.setAccessibleDescription(
            self.tr(
                "Removes saved drafts, copies of sent mail, the models Composer downloaded, "
                "stored passwords and tokens, your mail accounts and the settings. Model files "
                "you only imported are kept."
            )
        )
        self.result = QLabel()
        self.result.setObjectName("forgetResult")
        self.result.setWordWrap(True)
        what_goes = QLabel(self.forget.accessibleDescription())
        what_goes.setObjectName("forgetWhatGoes")
        what_goes.setWordWrap(True)  # one line of it made the dialog wider than a small screen
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(what_goes)
        layout.addWidget(self.forget)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.forget.clicked.connect(self._confirm)

    @Slot()
    def _confirm(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Forget everything?"),
            self.tr(
                "This removes your saved drafts (including the message open now), the copies "
                "of sent mail, the models Composer downloaded, the passwords and tokens it "
                "stored, your mail accounts and all settings. It cannot be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sig_forget_everything.emit()

    def show_result(self, text: str) -> None:
        self.result.setText(text)


class _PageArea(QScrollArea):
    """A page that scrolls up and down only: as wide as the page needs, as tall as there is room."""

    def _with_bar(self, size: QSize) -> QSize:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(size.width() + bar, size.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.widget()
        least = super().minimumSizeHint()
        if page is None:
            return least
        return QSize(self._with_bar(page.minimumSizeHint()).width(), least.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.widget()
        return super().sizeHint() if page is None else self._with_bar(page.sizeHint())


def _scrolling(page: QWidget) -> QScrollArea:
    """*page* in a frameless area that scrolls only when the dialog is short."""
    area = _PageArea()
    area.setObjectName(f"{page.objectName()}Area")
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class SettingsDialog(QDialog):
    sig_settings_changed = Signal()  # General/Assistant values changed: apply and save

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        accounts: AccountStore | None = None,
        servers_folder: Path | None = None,
        spelling: SpellingService | None = None,
    ) -> None:
        """The pages; some need where things are kept.

        *accounts*: where the mail accounts are kept (None: no Accounts page);
        *servers_folder*: where the assistant servers are (None: no server choice);
        *spelling*: the app's spell checker (None: the languages are not listed).
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.general = GeneralPage(settings, spelling)
        self.assistant = AssistantPage(settings, servers_folder=servers_folder)
        self.hardware = HardwarePage()
        self.privacy = PrivacyPage()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        # Each page scrolls on its own: the dialog fits an 800×600 screen with
        # its Close button, whatever a page holds.
        self.tabs.addTab(_scrolling(self.general), self.tr("&General"))
        self.tabs.addTab(_scrolling(self.assistant), self.tr("&Assistant"))
        self.tabs.addTab(_scrolling(self.hardware), self.tr("&Hardware"))
        self.tabs.addTab(_scrolling(self.privacy), self.tr("&Privacy"))
        self.accounts: AccountsPage | None = None
        if accounts is not None:
            self.accounts = AccountsPage(accounts, settings)
            self.tabs.insertTab(1, _scrolling(self.accounts), self.tr("A&ccounts"))
            self.accounts.sig_changed.connect(self.sig_settings_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        # Every page without scrolling where the screen allows, all of it on the screen.
        keep_on_screen(self, QSize(640, 520).expandedTo(self.sizeHint()))
        self.general.sig_changed.connect(self.sig_settings_changed)
        self.assistant.sig_changed.connect(self.sig_settings_changed)

    def show_page(self, page: QWidget) -> None:
        """Bring *page* (self.general, self.accounts…) to the front."""
        holder = page.parentWidget()
        while holder is not None and self.tabs.indexOf(holder) < 0:
            holder = holder.parentWidget()
        if holder is not None:
            self.tabs.setCurrentWidget(holder)

    def current_page(self) -> QWidget | None:
        """The page in front (self.general, self.accounts…)."""
        holder = self.tabs.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def apply_to(self, settings: Settings) -> None:
        self.general.apply_to(settings)
        self.assistant.apply_to(settings)
        if self.accounts is not None:
            self.accounts.apply_to(settings)
