"""Download benchmark: our resumable downloader against curl on one loopback server.

    .venv/bin/python bench/download_bench.py [--size-mb 1024] [--runs 3] [--drops 5]

Measures, against tests/hub_server.py serving one file over 127.0.0.1
(sendfile, no faults):
  * curl's time for the whole file (curl -s -o FILE --http1.1);
  * our time until the last byte is written ("transfer"), and until the file
    is verified and renamed ("verified": the sha256 runs on a second thread
    as the file grows, so only the tail of the hash is extra);
and with connections dropped (RST) at random offsets:
  * bytes our client received twice (written to the .part more than once);
  * bytes the server pushed into sockets beyond the file size (includes what
    the RST discarded in kernel buffers before the client could read it).
Runs alternate curl/ours so page-cache and CPU noise hit both alike; the
median of each is reported. Prints a Markdown table for docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hub_server import Fault, HubServer, write_gguf_like  # noqa: E402

from composer.models.download import DownloadOptions, download  # noqa: E402
from composer.models.hub import RemoteFile, resolve_file  # noqa: E402

REPO, NAME = "bench/Bench-GGUF", "bench.gguf"


class _CountingWrite:
    """The downloader's write seam, counting bytes and noting the last write."""

    def __init__(self) -> None:
        self.bytes = 0
        self.last = 0.0

    def __call__(self, fd: int, data) -> int:
        written = os.write(fd, data)
        self.bytes += written
        self.last = time.perf_counter()
        return written


def _curl(url: str, out: Path) -> tuple[float, float]:
    """Seconds for curl alone, and for curl followed by sha256sum (like for like)."""
    start = time.perf_counter()
    subprocess.run(["curl", "-s", "-f", "--http1.1", "-o", str(out), url], check=True)
    fetched = time.perf_counter() - start
    subprocess.run(["sha256sum", str(out)], check=True, capture_output=True)
    return fetched, time.perf_counter() - start


def _ours(remote, out: Path, options: DownloadOptions) -> tuple[float, float, _CountingWrite]:
    counter = _CountingWrite()
    options.write = counter
    start = time.perf_counter()
    download(remote, out, options=options)
    end = time.perf_counter()
    return counter.last - start, end - start, counter


def _remote(hub: HubServer) -> RemoteFile:
    try:
        return resolve_file(REPO, NAME, endpoint=hub.url)
    except ImportError:
        # A bare machine without huggingface_hub (the lent benchmark box):
        # the same facts, read from the server's own table. Only download()
        # is timed, and it does not use huggingface_hub.
        entry = hub.state.files[(REPO, NAME)]
        return RemoteFile(
            REPO,
            NAME,
            "main",
            entry.commit,
            hub.url_of(REPO, NAME, entry.commit),
            entry.size,
            entry.sha256,
            hub.url,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--drops", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    if shutil.which("curl") is None:
        print("curl is needed for the comparison", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="composer-dl-bench-", dir=args.workdir))
    size = args.size_mb << 20
    try:
        source = write_gguf_like(work / "served.gguf", size, seed=args.seed)
        with HubServer() as hub:
            hub.add_file(REPO, NAME, source)
            remote = _remote(hub)
            curl_s, curl_sum_s, transfer_s, verified_s = [], [], [], []
            for run in range(args.runs):
                out = work / f"curl-{run}.bin"
                fetched, summed = _curl(remote.url, out)
                curl_s.append(fetched)
                curl_sum_s.append(summed)
                out.unlink()
                final = work / f"ours-{run}.gguf"
                transfer, verified, _ = _ours(remote, final, DownloadOptions())
                transfer_s.append(transfer)
                verified_s.append(verified)
                final.unlink()

            rng = random.Random(args.seed)
            twice_client, extra_server = [], []
            for drop in range(args.drops):
                at = rng.randrange(1 << 20, size - (1 << 20))
                hub.inject(Fault("drop", at=at))
                before = hub.body_bytes_sent()
                final = work / f"drop-{drop}.gguf"
                _, _, counter = _ours(remote, final, DownloadOptions(backoff_base=0.05))
                twice_client.append(counter.bytes - size)
                extra_server.append(hub.body_bytes_sent() - before - size)
                final.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    mb = size / 1e6
    curl_med, curl_sum_med, transfer_med, verified_med = (
        statistics.median(v) for v in (curl_s, curl_sum_s, transfer_s, verified_s)
    )
    curl_version = subprocess.run(
        ["curl", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, curl {curl_version}"
    )
    print(f"file: {args.size_mb} MiB, {args.runs} runs each, alternating; medians\n")
    print("| client | seconds | MB/s | vs curl |")
    print("|---|---|---|---|")
    print(f"| curl | {curl_med:.2f} | {mb / curl_med:,.0f} | 100% |")
    print(
        f"| composer, last byte written | {transfer_med:.2f} | {mb / transfer_med:,.0f} | "
        f"{curl_med / transfer_med:.0%} |"
    )
    print(
        f"| composer, verified and renamed | {verified_med:.2f} | {mb / verified_med:,.0f} | "
        f"{curl_med / verified_med:.0%} |"
    )
    print(
        f"| curl, then sha256sum | {curl_sum_med:.2f} | {mb / curl_sum_med:,.0f} | "
        f"{curl_med / curl_sum_med:.0%} |"
    )
    print(f"\ncomposer verified vs curl + sha256sum: {curl_sum_med / verified_med:.0%}")
    print(
        f"\nall runs (s): curl {[round(x, 2) for x in curl_s]}, "
        f"curl+sha256sum {[round(x, 2) for x in curl_sum_s]}, "
        f"transfer {[round(x, 2) for x in transfer_s]}, "
        f"verified {[round(x, 2) for x in verified_s]}"
    )
    print(f"\ndropped connections ({args.drops}, RST at random offsets):")
    print(f"  bytes received twice by the client: max {max(twice_client):,}, all {twice_client}")
    print(
        f"  bytes sent beyond the file by the server: max {max(extra_server):,} "
        f"({max(extra_server) / 2**20:.2f} MiB), median {statistics.median(extra_server):,.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
