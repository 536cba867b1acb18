"""First run: the welcome page's choices; Settings > General/Assistant/Privacy."""

from __future__ import annotations

import shutil

import pytest
from helpers.compose import LOAD_TIMEOUT_MS
from hub_server import HubServer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from composer.gui.assistant_controller import AssistantState
from composer.mail.drafts import DraftStore
from composer.models.catalog import load_catalog
from composer.settings import Settings

CHOICES = (
    "Download the recommended model",
    "Use the starter model",
    "No assistant",
    "Use a model file I have…",
)


def by_name(window, name: str) -> QPushButton:
    matches = [b for b in window.findChildren(QPushButton) if b.accessibleName() == name]
    assert len(matches) == 1, name
    return matches[0]


@pytest.fixture
def first_run(open_window):
    """A window as a new user sees it: no settings file, no --model."""
    return lambda: open_window(assistant="")


def test_first_run_offers_four_choices_and_loads_nothing_before_a_click(qtbot, first_run):
    window = first_run()
    assert window.welcome is not None and window.welcome.isVisibleTo(window)
    for name in CHOICES:
        assert by_name(window, name).isVisibleTo(window)
    assert not window.assistant_panel.isVisibleTo(window)
    assert window.assistant.state is AssistantState.NO_MODEL
    assert not window.assistant.loading and window.assistant.model_info is None
    # The recommendation arrives from the hardware check, with what the user needs to decide.
    details = window.findChild(QLabel, "recommendationDetails")
    qtbot.waitUntil(lambda: by_name(window, CHOICES[0]).isEnabled(), timeout=LOAD_TIMEOUT_MS)
    text = details.text()
    assert "GB" in text or "MB" in text  # its size
    # Where it will be stored, and that it pauses: on the button (tooltip, screen readers).
    button = by_name(window, CHOICES[0])
    assert str(window.paths.models) in button.toolTip()
    assert str(window.paths.models) in button.accessibleDescription()
    assert "How open it is: " in text and "On this computer" in text
    assert "Open: " in text and " of 7" not in text  # the points named, not counted
    link = window.findChild(QLabel, "opennessLink")
    assert link.isVisibleTo(window) and 'href="https://' in link.text()  # what each point means
    assert not window.paths.models.exists() or not list(window.paths.models.glob("*.gguf"))
    # Writing works while the user has not chosen.
    qtbot.keyClicks(window.body, "Hello")
    assert window.body.toPlainText() == "Hello"


def test_no_assistant_hides_the_panel_and_is_remembered(qtbot, first_run, open_window):
    window = first_run()
    by_name(window, "No assistant").click()
    assert not window.side.isVisibleTo(window)
    assert not window.where_text_goes.isVisibleTo(window)
    assert Settings.load(window.paths.settings_file).assistant == "off"
    assert window.assistant.model_info is None and not window.assistant.loading
    again = open_window(assistant="off")
    assert again.welcome is None and not again.side.isVisibleTo(again)


def test_a_model_on_the_command_line_is_a_choice(open_window, tmp_path):
    window = open_window(tmp_path / "missing.gguf", assistant="")
    assert window.welcome is None and window.assistant_panel.isVisibleTo(window)
    assert window.settings.assistant == "local"


@pytest.mark.slow
def test_the_starter_choice_loads_it_and_shows_where_text_goes(qtbot, first_run):
    window = first_run()
    by_name(window, "Use the starter model").click()
    assert window.assistant_panel.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=LOAD_TIMEOUT_MS)
    assert window.where_text_goes.text().startswith("On this computer · Starter model")
    saved = Settings.load(window.paths.settings_file)
    assert saved.assistant == "local" and saved.model_path is None


def test_a_model_that_fails_to_load_is_not_shown_as_loading(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "no-model.gguf")
    qtbot.waitUntil(
        lambda: window.where_text_goes.text() == "On this computer · no model",
        timeout=LOAD_TIMEOUT_MS,
    )


def test_download_the_recommended_model_then_use_it(
    qtbot, first_run, monkeypatch, tmp_path, starter_model_path
):
    recommended: list = []
    with HubServer() as hub:
        # The local Hub serves a real model under every catalog name: whichever
        # one this computer gets recommended downloads and then loads.
        for entry in load_catalog():
            hub.add_file(entry.repo, entry.file, starter_model_path)
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        window = first_run()
        download = by_name(window, "Download the recommended model")
        qtbot.waitUntil(download.isEnabled, timeout=LOAD_TIMEOUT_MS)
        recommended.append(window.welcome.recommended)
        download.click()
        assert window.assistant_panel.isVisibleTo(window)
        qtbot.waitUntil(
            lambda: window.assistant.state is AssistantState.READY, timeout=LOAD_TIMEOUT_MS
        )
    loaded = window.assistant.model_info.path
    assert loaded.endswith(recommended[0].basename)
    assert loaded.startswith(str(window.paths.models))
    assert Settings.load(window.paths.settings_file).model_path == loaded


def test_settings_pages_change_and_survive_a_restart(qtbot, no_model_window, open_window):
    window = no_model_window()
    window.commands["settings"].trigger()
    dialog = window.settings_dialog
    general, assistant = dialog.general, dialog.assistant
    general.language.setCurrentIndex(general.language.findData("fr"))
    general.theme.setCurrentIndex(general.theme.findData("dark"))
    assistant.max_tokens.setValue(256)
    assistant.answer_language.setCurrentIndex(assistant.answer_language.findData("de"))
    assert window.assistant_panel.output_language() == "de"
    assistant.off.click()  # as a person does (a bare setChecked is no choice)
    assert not window.side.isVisibleTo(window)
    dialog.close()
    saved = Settings.load(window.paths.settings_file)
    assert (saved.language, saved.theme, saved.max_tokens, saved.answer_language) == (
        "fr",
        "dark",
        256,
        "de",
    )
    assert saved.assistant == "off"
    restarted = open_window(**{k: v for k, v in vars(saved).items() if k != "schema_version"})
    assert restarted.settings.max_tokens == 256 and not restarted.side.isVisibleTo(restarted)
    restarted.commands["settings"].trigger()
    page = restarted.settings_dialog.general
    assert page.language.currentData() == "fr" and page.theme.currentData() == "dark"
    restarted.settings_dialog.close()


def test_forget_everything_removes_what_the_app_kept_and_keeps_imported_files(
    qtbot, no_model_window, app_paths_tmp, tmp_path, starter_model_path, monkeypatch
):
    from composer.models.library import ModelLibrary

    downloaded = app_paths_tmp.models / "downloaded.gguf"
    shutil.copyfile(starter_model_path, downloaded)
    imported = tmp_path / "mine" / "imported.gguf"
    imported.parent.mkdir()
    shutil.copyfile(starter_model_path, imported)
    ModelLibrary(app_paths_tmp).import_file(imported)
    window = no_model_window()
    window.body.setPlainText("a private message")
    window.autosave.save()
    other = DraftStore(app_paths_tmp.drafts, "draft-4194999-1.json")
    other.path.write_text('{"body": "another"}')
    window.settings.save(app_paths_tmp.settings_file)
    (app_paths_tmp.cache / "hardware-probe.json").write_text("{}")

    window.commands["settings"].trigger()
    result = window.settings_dialog.findChild(QLabel, "forgetResult")
    window.settings_dialog.privacy.sig_forget_everything.emit()  # Yes in the confirmation
    assert not list(app_paths_tmp.drafts.glob("*.json"))
    assert not downloaded.exists()
    assert imported.exists()  # the user's own file, where it lies
    assert not app_paths_tmp.settings_file.exists()
    assert not (app_paths_tmp.cache / "hardware-probe.json").exists()
    assert window.body.toPlainText() == ""
    assert "2 saved drafts" in result.text() and "1 models" in result.text()
    assert window.welcome is not None and window.welcome.isVisibleTo(window)
    window.settings_dialog.close()
    window.close()
    assert not list(app_paths_tmp.drafts.glob("*.json"))  # closing saves nothing back


def test_every_welcome_control_is_named(first_run):
    window = first_run()
    for widget in window.welcome.findChildren(QWidget):
        if isinstance(widget, QPushButton):
            assert widget.accessibleName() and widget.objectName()


def test_an_installation_without_the_starter_does_not_offer_it(monkeypatch, first_run):
    import composer.gui.widgets.welcome_page as welcome_page

    monkeypatch.setattr(welcome_page, "starter_installed", lambda: False)
    window = first_run()
    assert not window.welcome.starter_button.isVisibleTo(window)
    assert window.welcome.download_button.isVisibleTo(window)
