"""Network failures said as a person would say them; the resolver's words stay in the log."""

from __future__ import annotations

import logging
import socket
import ssl

import pytest
from helpers.smtp_server import free_port

from composer.models.http_get import HttpGetError, open_get
from composer.models.hub import HubNetworkError, resolve_file
from composer.models.net_reason import network_reason

NOWHERE = "composer-test.invalid"  # RFC 6761: never resolves, offline or not


def test_a_name_that_cannot_be_looked_up_reads_as_offline_with_the_raw_text_in_the_log(caplog):
    with pytest.raises(socket.gaierror) as raised:
        socket.getaddrinfo(NOWHERE, 443)
    with caplog.at_level(logging.INFO, logger="composer.models.net_reason"):
        said = str(network_reason(raised.value))
    assert said.startswith("this computer seems to be offline")
    assert "Errno" not in said
    assert "Errno" in caplog.text or "not known" in caplog.text or "failure" in caplog.text


def test_the_download_path_says_offline_not_errno():
    with pytest.raises(HttpGetError) as raised:
        open_get(f"http://{NOWHERE}/model.gguf", {}, connect_timeout=5, read_timeout=5)
    assert str(raised.value.reason).startswith("this computer seems to be offline")


def test_the_hub_lookup_says_offline_not_errno():
    with pytest.raises(HubNetworkError) as raised:
        resolve_file("owner/model", "model.gguf", endpoint=f"http://{NOWHERE}")
    text = str(raised.value)
    assert "this computer seems to be offline" in text and "Errno" not in text


def test_a_closed_port_is_a_refusal():
    with pytest.raises(HttpGetError) as raised:
        open_get(f"http://127.0.0.1:{free_port()}/m", {}, connect_timeout=5, read_timeout=5)
    assert str(raised.value.reason) == "the server refused the connection"


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (TimeoutError("timed out"), "the server did not answer in time"),
        (ConnectionResetError(104, "Connection reset by peer"), "the connection was cut"),
        (ssl.SSLError("wrong version number"), "the secure connection could not be set up"),
        (OSError("something else"), "the connection failed (details are in the log)"),
    ],
)
def test_other_failures(error, said):
    assert str(network_reason(error)) == said


def test_a_cause_deep_in_a_chain_is_found():
    try:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except OSError as inner:
            raise RuntimeError("httpx ConnectError") from inner
    except RuntimeError as outer:
        assert str(network_reason(outer)).startswith("this computer seems to be offline")
