"""The app's engine against llama.cpp's own tools, same model, same threads, one run.

    python bench/engine_ratio.py --model M.gguf [--model M2.gguf] --threads 4,16 [--ngl 99]
        [--fa 0] [--tools DIR] [--loops native,llama-cpp-python] [--out results.json]

Ceilings, both from the llama.cpp that llama-cpp-python vendors, built with the
same portable flags by bench/build_llama_tools.sh (run here when --tools is not
given; cached):
- llama-bench: pp512 (reading) and tg128 at depth 512 (writing); no sampling:
  llama.cpp's physical limit;
- llama-completion: llama.cpp's own generation loop with the same sampler
  chain as the engine (top-k 40, top-p 0.95, min-p 0.05, temperature 0.7),
  a ~512-token prompt and 128 tokens written (EOS ignored); its own timings,
  writing = tokens over its eval time plus its sampling time.
Engine: LocalEngine (each --loops value in its own child process), the same
prompt through the engine's prompt layout, 128 tokens at temperature 0.7;
GenerationStats' tokens/s. One warm-up request, then the median of --runs.
--loops values: "native" (the app's token loop), "native-hook-always" (with
llama.cpp's abort callback on every token, as before engine/abort_hook.py),
"native-draft" (the Draft action's sampler chain, DRY on), "native-host-top-k"
(the top-k in the host chain, as before engine/row_top_k.py: no graph top-k),
"native-one-batch" (the prompt read in n_batch batches, without the small first
batches that move the progress bar early),
"llama-cpp-python" (its create_completion stream: bench/legacy_loop.py), "gui" (the whole app
path: a compose window's Draft through the engine thread, tokens as the
window received them; see gui_child), "gui-100ms" (the same, tokens sent to
the window and drawn every 100 ms instead of 30), "window-requests" (the requests the
last "gui" loop of the same row sent, replayed by the plain engine in a
process of its own: the window's prompt depth and sampler chain without the
window; name it after "gui").
Prints a table of tokens/s and the ratios engine/llama-bench and
engine/llama-completion, reading and writing.

ENGINE_RATIO_KV=q8_0 loads the engine paths with the compact (q8_0) KV cache.

A synthetic 7B for the second model: ../shared/tools/synth_llama.py (run it by
path; needs the gguf package).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.engine.token_loop import SamplerSettings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# About 512 tokens with either tokenizer (Gemma's 262k vocabulary or Llama's).
SENTENCE = "The shipment of part {i} is delayed by a week because the supplier moved. "


PROMPT_CHARS = int(os.environ.get("ENGINE_RATIO_PROMPT_CHARS", "0"))
# Where a "gui" loop leaves the window's requests for "window-requests" (set by main).
REQUESTS_FILE = "ENGINE_RATIO_REQUESTS"


def prompt_text(words: int = 40) -> str:
    """The email body. ENGINE_RATIO_PROMPT_CHARS cuts it to that many characters
    (synthetic models' vocabularies read most text byte by byte)."""
    text = "".join(SENTENCE.format(i=i * 7) for i in range(words))
    return text[:PROMPT_CHARS] if PROMPT_CHARS else text


def tools_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    out = subprocess.run(
        ["bash", str(ROOT / "bench" / "build_llama_tools.sh")],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def llama_bench(
    tools: Path,
    model: str,
    threads: int,
    ngl: int,
    fa: int,
    runs: int,
    n_read: int = 512,
    depth: int = 512,
) -> dict:
    def one(extra: list[str]) -> float:
        cmd = [str(tools / "llama-bench"), "-m", model, "-t", str(threads), "-ngl", str(ngl)]
        cmd += ["-fa", str(fa), "-r", str(runs), "-o", "json", *extra]
        done = subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=True)
        return float(json.loads(done.stdout)[0]["avg_ts"])

    return {
        # In batches of 512 (the engine's n_batch): a longer prompt is read as it is.
        "reading": one(["-p", str(n_read), "-n", "0", "-b", "512", "-ub", "512"]),
        "writing": one(["-p", "0", "-n", "128", "-d", str(depth)]),
    }


PERF = re.compile(r"(prompt eval|\beval) time\s*=\s*([\d.]+) ms\s*/\s*(\d+)")
SAMPLING_TIME = re.compile(r"sampling time\s*=\s*([\d.]+) ms")


def llama_completion(
    tools: Path, model: str, threads: int, ngl: int, fa: int, runs: int, n_prompt: int
) -> dict:
    reading, writing = [], []
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(prompt_text(n_prompt // 17))
    for i in range(runs):
        cmd = [str(tools / "llama-completion"), "-m", model, "-t", str(threads), "-tb"]
        cmd += [str(threads), "-ngl", str(ngl), "-fa", ["off", "on", "auto"][fa if fa >= 0 else 2]]
        cmd += ["-c", "2048", "-f", f.name, "-n", "128", "--ignore-eos", "-no-cnv"]
        cmd += ["--temp", "0.7", "--top-k", "40", "--top-p", "0.95", "--min-p", "0.05"]
        cmd += ["-s", str(i + 1), "--no-display-prompt"]
        done = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            errors="replace",
            check=True,
            stdin=subprocess.DEVNULL,
            timeout=600,
        )
        found = {name: (float(ms), int(n)) for name, ms, n in PERF.findall(done.stderr)}
        sampled = SAMPLING_TIME.search(done.stderr)
        if "eval" not in found or sampled is None:
            raise RuntimeError(f"no timings from llama-completion:\n{done.stderr[-2000:]}")
        ms, n = found["prompt eval"]
        reading.append(1000 * n / ms)
        # Its "eval time" is llama_decode alone; an app that samples also waits
        # for the sampler chain, which it reports apart ("sampling time").
        ms, n = found["eval"]
        writing.append(1000 * n / (ms + float(sampled.group(1))))
    os.unlink(f.name)
    return {"reading": statistics.median(reading), "writing": statistics.median(writing)}


def _patch_loader(ngl: int, fa: int, threads: int) -> None:
    """The bench's device, flash-attention and thread choice, whoever loads the model."""
    import composer.engine.local as local

    real_new_llama = local.new_llama

    def new_llama(path, **kwargs):
        kwargs["n_gpu_layers"] = ngl
        kwargs["flash_attn"] = None if fa < 0 else bool(fa == 1)  # -1: the app's auto
        kwargs["n_threads"] = kwargs["n_threads_batch"] = threads
        if os.environ.get("ENGINE_RATIO_KV") == "q8_0":  # the compact cache option
            kwargs["type_k"] = kwargs["type_v"] = 8  # GGML_TYPE_Q8_0
        return real_new_llama(path, **kwargs)

    local.new_llama = new_llama


class TokenSplit:
    """Where a written token's time goes: inside llama_decode, and between two decodes
    (sampling, our loop, and any wait for the GIL or a core the GUI thread holds)."""

    def __init__(self) -> None:
        import llama_cpp

        self.spans: list[tuple[float, float]] = []
        self.between: list[float] = []
        real = llama_cpp.llama_decode
        previous: list[float] = []  # end of the last one-token decode, if it was the last decode

        def decode(ctx, batch):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            rc = real(ctx, batch)
            ended = time.perf_counter()
            if batch.n_tokens == 1:  # a written token, not a prompt batch
                self.spans.append((started, ended))
                if previous:
                    self.between.append(started - previous[0])
                previous[:] = [ended]
            else:
                previous.clear()
            return rc

        llama_cpp.llama_decode = decode  # the token loop looks it up per request

    def summary(self, prefix: str = "") -> dict:
        inside = sorted(b - a for a, b in self.spans)
        between = [gap for gap in self.between if gap < 0.5]  # not across requests
        self.spans, self.between = [], []
        if not inside or not between:
            return {}
        summary = {
            "decode_ms_median": 1000 * statistics.median(inside),
            # A tail of slow decodes (a thread preempted) shows in these, not in the median.
            "decode_ms_mean": 1000 * statistics.fmean(inside),
            "decode_ms_p90": 1000 * inside[int(0.9 * len(inside))],
            "between_ms_mean": 1000 * statistics.fmean(between),
            "between_ms_p90": 1000 * sorted(between)[int(0.9 * len(between))],
        }
        return {prefix + key: value for key, value in summary.items()}


def _apply_variant(variant: str) -> SamplerSettings | None:
    """Child side of --loops: the token loop and sampler chain to run."""
    import composer.engine.abort_hook as abort_hook
    from composer.assist.sampling import SAMPLING

    if variant == "native-hook-always":  # the abort callback on every token (before)
        abort_hook.SLOW_TOKEN_S = 0.0
    if variant == "native-draft":  # the Draft action's chain (DRY on)
        return SAMPLING["draft"]
    if variant == "native-one-batch":  # the prompt in n_batch batches, no progress ramp
        import composer.engine.local as local

        local.FIRST_BATCH = 1 << 30
    return None


def engine_child(
    model: str, variant: str, threads: int, ngl: int, fa: int, runs: int, n_prompt: int
) -> dict:
    """Runs in a child process: LocalEngine with the loop named by *variant*."""
    from bench.legacy_loop import engine_class
    from composer.engine.base import ChatMessage, GenerationRequest

    _patch_loader(ngl, fa, threads)
    split = TokenSplit()
    sampling = _apply_variant(variant)
    engine = engine_class(variant)()  # "llama-cpp-python": the earlier loop
    engine.load(model, context_size=2048)
    body = prompt_text(n_prompt // 17)
    requests = [
        GenerationRequest(
            # A different first word each run: nothing of the prompt is reused.
            messages=(ChatMessage("system", f"{i} Summarise."), ChatMessage("user", body)),
            max_tokens=128,
            temperature=0.7,
            sampling=sampling,
        )
        for i in range(runs + 1)
    ]
    if variant == "window-requests":
        requests = pickle.loads(Path(os.environ[REQUESTS_FILE]).read_bytes())
    reading, writing, prompt_tokens, written = [], [], 0, []
    for i, request in enumerate(requests):
        # As the window's runs: the whole prompt read each time.
        engine._llm.reset()
        engine._llm._ctx.kv_cache_clear()
        for _ in engine.stream(request, threading.Event()):
            pass
        s = engine.last_stats
        prompt_tokens = s.prompt_tokens
        if i == 0:
            continue  # warm-up
        reading.append(s.prompt_tokens_per_second)
        writing.append(s.generation_tokens_per_second)
        written.append(s.generated_tokens)
    engine.close()
    return {
        "reading": statistics.median(reading),
        "writing": statistics.median(writing),
        "prompt_tokens": prompt_tokens,
        "written": written,
        **split.summary(),
    }


def gui_child(model: str, threads: int, ngl: int, fa: int, runs: int, n_prompt: int) -> dict:
    """Runs in a child process: the whole app path. A compose window (offscreen Qt)
    asks the shared engine thread for a Draft; tokens reach the window in the
    worker's batches and stream into the review, whose output checks run on the
    GUI thread. "writing" is what the window saw: tokens written over the time
    from the worker's first "writing" signal to its "finished" signal, both as
    received on the GUI thread; "engine_writing" is the engine's own figure in
    the same runs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COMPOSER_HOME"] = tempfile.mkdtemp(prefix="engine-ratio-gui-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from composer.assist.actions import Action
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.paths import app_paths
    from composer.settings import Settings

    _patch_loader(ngl, fa, threads)
    split = TokenSplit()
    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive)
    settings = Settings(
        max_tokens=128,
        context_size=2048,
        device="auto" if ngl else "cpu",
        assistant="local",
        model_path=model,
    )
    window = ComposeWindow(settings, app_paths().ensure(), model_override=model)
    window.show()
    controller = window.assistant

    def wait(done, timeout: float = 600.0) -> None:
        # The app's own event loop, woken every 20 ms to look: a busy
        # processEvents() loop here would hold the GIL and a core that the
        # real app leaves to llama.cpp.
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start()
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        if not done():
            loop.exec()
        check.stop()
        if not done():
            raise RuntimeError("the window did not get there in time")

    wait(lambda: controller.state is AssistantState.READY)
    worker = window.engine.worker
    marks: dict[str, float] = {}
    ended: list = []
    worker.sig_phase.connect(
        lambda _rid, phase, done, _total: (
            marks.setdefault("writing", time.perf_counter())
            if phase == "writing" and done == 0
            else None
        )
    )
    worker.sig_finished.connect(lambda _rid, stats: ended.append((time.perf_counter(), stats)))
    # The window's own guard stops an answer that loops ("the model kept
    # repeating …"): that run ends too, with what was written until then.
    worker.sig_stopped.connect(lambda _rid, stats: ended.append((time.perf_counter(), stats)))
    engine = worker._local
    requests: list = []
    window_stream = engine.stream

    def recording_stream(request, *args, **kwargs):  # type: ignore[no-untyped-def]
        requests.append(request)
        return window_stream(request, *args, **kwargs)

    engine.stream = recording_stream
    body = prompt_text(n_prompt // 17)
    reading, writing, engine_writing, written, gui_busy = [], [], [], [], []
    prompt_tokens = 0
    for i in range(runs + 1):
        gui_cpu, wall = time.thread_time(), time.perf_counter()
        marks.clear()
        ended.clear()
        window.body.setPlainText(f"{i} {body}")
        # Read the whole prompt each run, as the other paths do: the app keeps
        # the shared start (its instructions) in the KV cache from run to run.
        llm = worker._local._llm
        llm.reset()
        llm._ctx.kv_cache_clear()
        window.run_action(Action.DRAFT, f"Run {i}: summarise this email.")
        wait(lambda: bool(ended))
        finished_at, stats = ended[0]
        wait(lambda: controller.state is not AssistantState.GENERATING)
        controller.discard()
        prompt_tokens = stats.prompt_tokens
        if i == 0:
            continue  # warm-up
        reading.append(stats.prompt_tokens_per_second)
        writing.append(stats.generated_tokens / (finished_at - marks["writing"]))
        engine_writing.append(stats.generation_tokens_per_second)
        written.append(stats.generated_tokens)
        # The GUI thread's own CPU time over the run: a busy GUI thread takes a
        # core from llama.cpp's threads.
        gui_busy.append((time.thread_time() - gui_cpu) / (time.perf_counter() - wall))
    # For "window-requests": the same requests (warm-up included) without the
    # window, in a process of its own. Replayed here on the main thread they
    # would run beside the engine thread's OpenMP team (two teams of n threads:
    # 12-16 ms a token at 16 threads, seen in session 5).
    Path(os.environ[REQUESTS_FILE]).write_bytes(pickle.dumps(requests))
    window.close()
    # As the app's WindowManager does when its last window closes: a QThread
    # still running at exit aborts the process ("Destroyed while thread is
    # still running", SIGABRT, seen once here).
    window.engine.shutdown()
    return {
        "reading": statistics.median(reading),
        "writing": statistics.median(writing),
        "engine_writing": statistics.median(engine_writing),
        "gui_thread_busy": statistics.median(gui_busy),
        "prompt_tokens": prompt_tokens,
        "written": written,
        **split.summary(),
    }


def engine(
    model: str, loop: str, threads: int, ngl: int, fa: int, runs: int, n_prompt: int, requests: Path
):
    env = dict(os.environ, **{REQUESTS_FILE: str(requests)})
    if loop == "window-requests" and not requests.exists():
        raise SystemExit('--loops: "window-requests" replays a "gui" loop: name "gui" first')
    if loop == "native-host-top-k":
        env["COMPOSER_DEVICE_TOP_K"] = "0"
    args = [sys.executable, __file__, "--child", model, "--variant", loop]
    args += ["--threads", str(threads), "--ngl", str(ngl), "--fa", str(fa)]
    args += ["--runs", str(runs), "--n-prompt", str(n_prompt)]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT=")), None)
    if line is None:
        raise RuntimeError(f"engine child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(line[len("RESULT=") :])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", action="append", default=[])
    ap.add_argument("--threads", default="4,16")
    ap.add_argument("--ngl", type=int, default=0, help="layers on the GPU (0 = CPU only)")
    ap.add_argument("--fa", type=int, default=0, help="flash attention 0 | 1 | -1 (auto)")
    ap.add_argument("--tools", help="folder with llama-bench and llama-completion")
    ap.add_argument("--loops", default="native,llama-cpp-python")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n-prompt", type=int, default=512)
    ap.add_argument("--skip-tools", action="store_true", help="engine only")
    ap.add_argument(
        "--bench-read",
        type=int,
        default=512,
        help="llama-bench prompt: 512 (pp512), or the engine prompt length (like for like)",
    )
    ap.add_argument(
        "--bench-depth",
        type=int,
        default=512,
        help="llama-bench writes at this depth: 512 (tg128 @ d512), or the window's prompt",
    )
    ap.add_argument("--out")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--variant", default="native", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        if a.variant.startswith("gui"):
            if a.variant == "gui-100ms":  # the window fed and redrawn 10 times a second
                import composer.gui.widgets.review_view as review_view
                import composer.workers.engine_worker as engine_worker

                engine_worker.FLUSH_INTERVAL_S = review_view.FLUSH_INTERVAL_S = 0.1
            result = gui_child(a.child, int(a.threads), a.ngl, a.fa, a.runs, a.n_prompt)
        else:
            args = (a.child, a.variant, int(a.threads), a.ngl, a.fa, a.runs, a.n_prompt)
            result = engine_child(*args)
        print("RESULT=" + json.dumps(result))
        return 0

    tools = None if a.skip_tools else tools_dir(a.tools)
    rows = []
    scratch = Path(tempfile.mkdtemp(prefix="engine-ratio-"))
    for model in a.model:
        for threads in [int(t) for t in a.threads.split(",")]:
            requests = scratch / f"requests-{len(rows)}.pickle"  # this row's window requests
            row: dict = {"model": Path(model).name, "threads": threads, "ngl": a.ngl, "fa": a.fa}
            if tools:
                row["llama-bench"] = llama_bench(
                    tools, model, threads, a.ngl, a.fa, a.runs, a.bench_read, a.bench_depth
                )
                row["llama-completion"] = llama_completion(
                    tools, model, threads, a.ngl, a.fa, a.runs, a.n_prompt
                )
            for loop in a.loops.split(","):  # a loop named twice runs twice (A/B/A/B)
                key, n = loop, 2
                while key in row:
                    key, n = f"{loop} #{n}", n + 1
                row[key] = engine(model, loop, threads, a.ngl, a.fa, a.runs, a.n_prompt, requests)
            rows.append(row)
            print(json.dumps(row), flush=True)
    shutil.rmtree(scratch, ignore_errors=True)

    print(
        "\n| model | threads | ngl | fa | path | reading tok/s | writing tok/s | "
        "reading ÷ bench | writing ÷ bench | reading ÷ completion | writing ÷ completion |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        bench, comp = r.get("llama-bench"), r.get("llama-completion")
        for path, v in r.items():
            if not isinstance(v, dict):
                continue
            if "engine_writing" in v:
                path = (
                    f"{path} (engine inside: {v['engine_writing']:,.1f}; GUI thread busy "
                    f"{v['gui_thread_busy']:.0%})"
                )

            def ratio(ref: dict | None, key: str, v: dict = v) -> str:
                return f"{v[key] / ref[key]:.2f}" if ref else "–"

            print(
                f"| {r['model']} | {r['threads']} | {r['ngl']} | {r['fa']} | {path} | "
                f"{v['reading']:,.0f} | {v['writing']:,.1f} | {ratio(bench, 'reading')} | "
                f"{ratio(bench, 'writing')} | {ratio(comp, 'reading')} | {ratio(comp, 'writing')} |"
            )
    print(
        "\n| model | threads | path | llama_decode ms (median) | mean | p90 "
        "| between decodes ms (mean) | p90 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        for path, v in r.items():
            if isinstance(v, dict) and "decode_ms_median" in v:
                print(
                    f"| {r['model']} | {r['threads']} | {path} | {v['decode_ms_median']:.2f} | "
                    f"{v['decode_ms_mean']:.2f} | {v['decode_ms_p90']:.2f} | "
                    f"{v['between_ms_mean']:.3f} | {v['between_ms_p90']:.3f} |"
                )
    if a.out:
        Path(a.out).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
