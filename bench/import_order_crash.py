"""Does loading a model on a GPU survive numpy (numpy.linalg) imported first?

    python bench/import_order_crash.py --model M.gguf [--ngl 99] [--self-test]

Each case runs in a child process (a crash is a signal, not an exception) and
the table gives its exit status: "ok", "signal 11" (SIGSEGV)... Cases: the
llama.cpp bindings imported first, numpy.linalg first, numpy.linalg first
with OpenBLAS held to one thread, the app's own GGUF reader first (it
imports the `gguf` package, which imports numpy), and with --self-test the
app's whole path (`python -m composer --self-test M`: device plan, first-use
check in a child, load, a few tokens). Issue 27 reported the second case
segfaulting with a Vulkan build on an NVIDIA H200.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LOAD = (
    "import llama_cpp\n"
    "llm = llama_cpp.Llama(model_path=MODEL, n_gpu_layers=NGL, n_ctx=512, verbose=False)\n"
    "print('offload', llama_cpp.llama_supports_gpu_offload(), 'tokens', len(llm.tokenize(b'Hi')))\n"
    "out = llm.create_completion('Hello', max_tokens=4, temperature=0)\n"
    "print('wrote', out['usage']['completion_tokens'])\n"
)
CASES = {
    "llama_cpp first": "import llama_cpp\nimport numpy.linalg\n" + LOAD,
    "numpy.linalg first": "import numpy.linalg\n" + LOAD,
    "numpy.linalg first, OPENBLAS_NUM_THREADS=1": "import numpy.linalg\n" + LOAD,
    "the app's GGUF reader first": (
        "from composer.modelfile.gguf import read_gguf\nread_gguf(MODEL)\n" + LOAD
    ),
}


def run_case(name: str, code: str, model: str, ngl: int) -> str:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    if "OPENBLAS" in name:
        env["OPENBLAS_NUM_THREADS"] = "1"
    prelude = f"MODEL = {model!r}\nNGL = {ngl}\n"
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", prelude + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return outcome(done)


def outcome(done: subprocess.CompletedProcess[str]) -> str:
    if done.returncode < 0:
        status = f"signal {-done.returncode} ({signal.Signals(-done.returncode).name})"
    else:
        status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
    tail = (done.stdout + done.stderr).strip().splitlines()[-6:]
    return status + "".join(f"\n    {line[:200]}" for line in tail)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--ngl", type=int, default=99)
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    for name, code in CASES.items():
        print(f"{name}: {run_case(name, code, a.model, a.ngl)}", flush=True)
    if a.self_test:
        env = dict(
            os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
        )
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "composer", "--self-test", a.model],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        print(f"composer --self-test: {outcome(done)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
