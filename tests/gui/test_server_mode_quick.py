"""Server mode, quickly (the fake engine stands for the server's answers; no model, no network).

The real llama-cpp-python server is in test_server_mode.py; these are the
choices and sentences around it.
"""

from __future__ import annotations

import dataclasses

from helpers.fake_engine import FAKE_INFO, Load, Reply

from composer.assist.actions import Action
from composer.engine.servers import Server, ServerStore
from composer.gui.assistant_controller import AssistantState

WAIT_MS = 5000
SERVER_INFO = dataclasses.replace(
    FAKE_INFO, architecture="server", device="llm.example.org", name="/srv/models/big.gguf"
)


def test_choosing_a_server_before_there_is_one_keeps_the_model_loaded(
    qtbot, fake_window, fake_engine
):
    window = fake_window()
    window.show_settings()
    page = window.settings_dialog.assistant
    page.server.click()  # no server yet: refused
    assert page.on.isChecked()
    assert window.settings.assistant == "local"
    assert window.assistant.state is AssistantState.READY
    assert fake_engine.closed == 0 and len(fake_engine.loads) == 1  # never unloaded, reloaded


def on_a_server(qtbot, fake_window, fake_engine, app_paths_tmp):
    ServerStore(app_paths_tmp.config).save(
        [Server(id="s1", base_url="https://llm.example.org/v1", consented=True)]
    )
    fake_engine.script_loads(Load(info=SERVER_INFO))
    window = fake_window(ready=False, assistant="server", server_id="s1")
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=WAIT_MS)
    assert window.assistant.on_server(window.assistant.model_info)
    return window


def test_an_empty_answer_from_a_server_says_so_and_why(
    qtbot, fake_window, fake_engine, app_paths_tmp
):
    window = on_a_server(qtbot, fake_window, fake_engine, app_paths_tmp)
    fake_engine.script(Reply(tokens=()))
    window.body.setPlainText("hello anna")
    window.assistant_panel.request(Action.PROOFREAD)
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=WAIT_MS
    )
    phase = window.assistant_panel.phase.text()
    assert phase.startswith("The server answered nothing.") and "chat format" in phase
    assert "Done." not in phase


def test_an_empty_answer_from_the_local_model_is_not_done(qtbot, fake_window, fake_engine):
    fake_engine.script(Reply(tokens=(" ",)))
    window = fake_window()
    window.body.setPlainText("hello anna")
    window.assistant_panel.request(Action.PROOFREAD)
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=WAIT_MS
    )
    assert window.assistant_panel.phase.text().startswith("The model wrote nothing.")


def test_a_server_that_dies_mid_session_gets_the_offer_of_this_computers_model(
    qtbot, fake_window, fake_engine, app_paths_tmp
):
    window = on_a_server(qtbot, fake_window, fake_engine, app_paths_tmp)
    use_local = window.assistant_panel.use_local
    assert not use_local.isVisible()
    fake_engine.script(Reply(fail_at=0, error="The server llm.example.org did not answer."))
    window.body.setPlainText("hello anna")
    window.assistant_panel.request(Action.PROOFREAD)
    qtbot.waitUntil(use_local.isVisible, timeout=WAIT_MS)
    assert window.settings.assistant == "server"  # offered, never switched alone
    assert "big.gguf" in window.where_text_goes.text()  # the model's file name, not its path
    assert "/srv/models" not in window.where_text_goes.text()
