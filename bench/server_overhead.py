"""Server mode: our client against curl, reading the same streamed answers.

    .venv/bin/python bench/server_overhead.py --model MODEL.gguf [--runs 5] [--max-tokens 64]
    .venv/bin/python bench/server_overhead.py --url http://host:port/v1 [--api-key KEY]

Starts llama-cpp-python's OpenAI-compatible server on loopback with MODEL
(or uses --url), then alternates two readers of the same request (same
prompt, temperature 0, so the same tokens): curl (`curl -N`, the bytes
timed as they arrive) and composer.engine.remote.RemoteEngine.stream. Per
reader: time to the first piece of text and pieces per second after it
(the server sends one token per event). Each run's prompt differs (a counter
at its start) because llama-cpp-python's server answers a prompt it has just
seen whole with nothing. Prints medians and our overhead in percent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from composer.engine.base import ChatMessage, GenerationRequest  # noqa: E402
from composer.engine.remote import RemoteEngine, ServerConfig  # noqa: E402


def start_server(model: str, port: int, threads: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            model,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--n_threads",
            str(threads),
            "--chat_format",
            "chatml",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(url: str, headers: dict[str, str]) -> None:
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/models", headers=headers).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def body_for(prompt: str, model: str, max_tokens: int) -> dict:
    return {
        "model": model,
        "messages": [{"role": "user", "content": prompt}],
        "max_tokens": max_tokens,
        "temperature": 0.0,
        "stream": True,
        "stream_options": {"include_usage": True},  # as RemoteEngine asks
    }


def with_curl(url: str, body: dict, api_key: str | None) -> tuple[float, float, int]:
    """(seconds to the first text, text pieces per second after it, pieces)."""
    command = [
        "curl",
        "-N",
        "-s",
        "-X",
        "POST",
        url + "/chat/completions",
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        "@-",
    ]
    if api_key:
        command += ["-H", f"Authorization: Bearer {api_key}"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps(body).encode())
    process.stdin.close()
    first = last = 0.0
    pieces = 0
    for line in process.stdout:  # curl -N passes each event on as it comes
        if not line.startswith(b"data:") or b"[DONE]" in line:
            continue
        delta = json.loads(line[5:])["choices"][0].get("delta", {})
        if delta.get("content"):
            now = time.perf_counter()
            first = first or now
            last = now
            pieces += 1
    process.wait()
    return first - start, (pieces - 1) / (last - first) if pieces > 1 else 0.0, pieces


def with_engine(engine: RemoteEngine, prompt: str, max_tokens: int) -> tuple[float, float, int]:
    request = GenerationRequest(
        (ChatMessage("user", prompt),), max_tokens=max_tokens, temperature=0.0
    )
    start = time.perf_counter()
    first = last = 0.0
    pieces = 0
    for _ in engine.stream(request, threading.Event()):
        now = time.perf_counter()
        first = first or now
        last = now
        pieces += 1
    return first - start, (pieces - 1) / (last - first) if pieces > 1 else 0.0, pieces


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", help="a GGUF file to serve with llama_cpp.server")
    ap.add_argument("--url", help="an existing server's /v1 address instead")
    ap.add_argument("--api-key")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--port", type=int, default=8799)
    args = ap.parse_args()
    server = None
    url = args.url
    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    if not url:
        if not args.model:
            ap.error("--model or --url")
        server = start_server(args.model, args.port, args.threads)
        url = f"http://127.0.0.1:{args.port}/v1"
    try:
        wait_ready(url, headers)
        engine = RemoteEngine(ServerConfig(url, api_key=args.api_key))
        model = engine.connect().name
        results: dict[str, list[tuple[float, float, int]]] = {"curl": [], "engine": []}
        for run in range(args.runs + 1):  # the first round warms the server up
            for reader in ("curl", "engine") if run % 2 else ("engine", "curl"):
                # Same length for both readers: only the digits differ.
                tag = f"{run}{1 if reader == 'curl' else 2}"
                prompt = f"Email {tag} to Anna: thank her for Friday and propose Tuesday."
                if reader == "curl":
                    found = with_curl(url, body_for(prompt, model, args.max_tokens), args.api_key)
                else:
                    found = with_engine(engine, prompt, args.max_tokens)
                if run:
                    results[reader].append(found)
        engine.close()
    finally:
        if server:
            server.terminate()
            server.wait()
    print("| reader | first text, ms (median) | pieces/s after it (median) | pieces (median) |")
    print("|---|---|---|---|")
    medians = {}
    for reader, rows in results.items():
        ttft = statistics.median(r[0] for r in rows) * 1000
        rate = statistics.median(r[1] for r in rows)
        medians[reader] = (ttft, rate)
        pieces = statistics.median(r[2] for r in rows)
        print(f"| {reader} | {ttft:.1f} | {rate:.1f} | {pieces:.0f} |")
    (c_ttft, c_rate), (e_ttft, e_rate) = medians["curl"], medians["engine"]
    print(
        f"\nour overhead: first text {100 * (e_ttft / c_ttft - 1):+.1f}%, "
        f"rate {100 * (1 - e_rate / c_rate):+.1f}% slower"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
