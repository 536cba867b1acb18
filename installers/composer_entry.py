"""The frozen app's entry point (installers/composer.spec): `composer ARGS` as from pip.

The app starts helpers as ``sys.executable -m composer.engine.trial`` (a model's
first-use check) and ``-m composer.hardware.ggml_list`` (the device probe). In a
bundle sys.executable is this program, not a Python, so ``-m MODULE`` is
answered here: only for the app's own modules, run as ``__main__`` would be.
"""

import os
import runpy
import sys

if __name__ == "__main__":
    # A windowed program (Windows, macOS .app) has no console: Python gives it no
    # sys.stdout/stderr, and the first print or log line would raise. Redirected
    # output (`composer.exe --hardware-report > report.json`) still has its stream.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    if len(sys.argv) > 2 and sys.argv[1] == "-m" and sys.argv[2].startswith("composer."):
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        sys.exit(0)
    from composer.__main__ import main

    sys.exit(main())
