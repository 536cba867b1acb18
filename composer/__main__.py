"""Command line: `composer [FILE.eml | mailto:…]` opens the app's windows; see --help.

Only the windows go through the running instance (composer.app): --version,
--hardware-report, --self-test and `composer models …` never do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer import APP_NAME, __version__

if TYPE_CHECKING:
    from composer.settings import Settings

SELF_TEST_TOKENS = 8


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="composer",
        description=(
            f"{APP_NAME}: a private email composer whose writing assistant runs on this computer."
        ),
        epilog="Subcommands: `composer models --help` manages model files.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--model", metavar="PATH", help="open this GGUF model file instead of the configured one"
    )
    parser.add_argument(
        "--device",
        metavar="DEVICE",
        help="where the model runs: auto (default), cpu, or a device number from --hardware-report",
    )
    parser.add_argument(
        "--hardware-report",
        action="store_true",
        help="print what this machine offers and the plan for the active model as JSON, then exit",
    )
    parser.add_argument(
        "--self-test",
        metavar="MODEL",
        help=f"load this GGUF file, write {SELF_TEST_TOKENS} tokens with it, print the numbers and "
        "exit (no window; checks an installed bundle)",
    )
    parser.add_argument(
        "items",
        nargs="*",
        metavar="FILE.eml|mailto:…",
        help="messages to open (each in its own window) and mail links to write to; "
        "when Composer is already running, they open there",
    )
    return parser


def _settings() -> Settings:
    from composer.paths import app_paths
    from composer.settings import Settings

    return Settings.load(app_paths().settings_file)


def _active_model(explicit: str | None, settings: Settings) -> str | None:
    """The model the app would open: --model, the chosen one, else the starter.

    The starter is set up (assembled from its package) if it is not yet, as
    the app itself would do; None when the assistant is off or there is none.
    """
    if explicit or settings.model_path:
        return explicit or settings.model_path
    if settings.assistant == "off":
        return None
    from composer.models.starter import StarterUnavailable, ensure_starter_model
    from composer.paths import app_paths

    try:
        return str(ensure_starter_model(app_paths().models))
    except (StarterUnavailable, OSError):
        return None


def _self_test(model: str, device: str | None) -> int:
    """Load *model* as the app would (device plan, first-use check) and write a few tokens.

    The installers' smoke test runs it from the installed bundle: it proves the
    frozen app finds llama.cpp, its child processes and the model's template.
    """
    import threading
    import time

    from composer.engine.base import ChatMessage, EngineError, GenerationRequest
    from composer.engine.local import LocalEngine
    from composer.hardware.advisor import plan_for_model
    from composer.hardware.plan import Override
    from composer.modelfile import GGUFError

    engine = LocalEngine()
    started = time.monotonic()
    try:
        _, plan = plan_for_model(model, Override(device or "auto", None, 1024))
        info = engine.load(model, plan=plan)
        loaded = time.monotonic() - started
        request = GenerationRequest(
            messages=(ChatMessage("user", "Write one short sentence thanking Anna for lunch."),),
            max_tokens=SELF_TEST_TOKENS,
            temperature=0.0,
        )
        pieces = list(engine.stream(request, threading.Event()))
    except (EngineError, GGUFError, OSError) as exc:
        print(f"self-test failed: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    stats = engine.last_stats
    written = stats.generated_tokens if stats is not None else 0
    name = info.name or Path(model).name
    print(f"model: {name} ({info.architecture}) on {info.device}, loaded in {loaded:.1f} s")
    print(f"wrote {written} tokens ({len(''.join(pieces))} characters)")
    return 0 if written > 0 else 1


def _spelling_report() -> dict[str, object]:
    """The spelling dictionaries this install finds (Enchant's), or why none."""
    from composer.spelling.dictionaries import Dictionaries, SpellingUnavailable

    try:
        found = Dictionaries().available
    except SpellingUnavailable as exc:
        return {"dictionaries": {}, "unavailable": str(exc.message)}
    return {"dictionaries": {d.language: d.tag for d in found}, "unavailable": ""}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "models":
        from composer.models.cli import run as run_models

        return run_models(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        return _self_test(args.self_test, args.device)
    if args.hardware_report:
        import json

        from composer.hardware.plan import Override
        from composer.hardware.report import hardware_report

        settings = _settings()
        override = Override(
            args.device or settings.device, settings.gpu_layers, kv_cache=settings.kv_cache
        )
        report = hardware_report(_active_model(args.model, settings), override)
        report["spelling"] = _spelling_report()
        print(json.dumps(report, indent=2))
        return 0
    from composer.app import run_gui

    return run_gui(model=args.model, device=args.device, items=args.items)


if __name__ == "__main__":
    sys.exit(main())
