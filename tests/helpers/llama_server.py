"""llama-cpp-python's own OpenAI-compatible server on loopback, with the test model."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from helpers.smtp_server import free_port

API_KEY = "test-key-✓".encode().hex()  # ASCII on the wire, unguessable by accident


@pytest.fixture(scope="session")
def llama_server(starter_model_path, tmp_path_factory):
    """The base URL ("http://127.0.0.1:PORT/v1") of a running server that checks API_KEY."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(starter_model_path),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "2048",
                "--n_threads",
                "2",
                "--api_key",
                API_KEY,
                # The starter is a base model: under its own Gemma chat template it
                # ends at once; a ChatML layout makes it write.
                "--chat_format",
                "chatml",
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(
                    "llama_cpp.server stopped:\n" + log_path.read_text(errors="replace")[-3000:]
                )
            try:
                if (
                    httpx.get(
                        base + "/models", headers={"Authorization": f"Bearer {API_KEY}"}
                    ).status_code
                    == 200
                ):
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("llama_cpp.server did not start in 120 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
