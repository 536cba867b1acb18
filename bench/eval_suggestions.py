"""How well a GGUF model does the assistant's actions: a fixed set of 30 email tasks.

    python bench/eval_suggestions.py MODEL.gguf [--max-tokens 200] [--ctx 4096]
        [--tasks bench/eval_tasks.json] [--only draft,reply] [--out results.json]

Each task (bench/eval_tasks.json: draft, reply, proofread, shorten, formal,
friendly; English and French) goes through the app's own request building
(composer.assist.actions.build_request, with the per-action sampling of
composer.assist.sampling) and the app's engine (LocalEngine, on the CPU).
Per action it reports how often:
- facts were kept (composer.assist.fact_guard): a rewrite changes or drops
  none of the original's amounts, dates, times, names, addresses; a draft
  contains every fact of the instruction; a reply invents none that is not
  in the conversation;
- the language held (composer.assist.language): the answer is detected as
  the task's language;
- no loop occurred (composer.assist.degenerate.find_loop);
and the median length ratio (words of the answer / words of the input: the
instruction for a draft, the quoted message for a reply, the text otherwise).
Sampling is random (the app's own settings), so a second run differs a little.
It is the yardstick for choosing catalog models and sampling settings.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer.assist.actions import Action, EmailContext, build_request  # noqa: E402
from composer.assist.degenerate import find_loop  # noqa: E402
from composer.assist.fact_guard import compare_facts, names_in  # noqa: E402
from composer.assist.language import detect_language  # noqa: E402
from composer.engine.local import LocalEngine  # noqa: E402

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> int:
    return len(_WORD.findall(text))


def quoted(body: str) -> str:
    return "\n".join(line[1:].strip() for line in body.splitlines() if line.startswith(">"))


def facts_kept(task: dict[str, str], answer: str) -> bool:
    action = task["action"]
    if action == "draft":
        source = task["instruction"]
        names = tuple(w for w in _WORD.findall(source) if w[:1].isupper())
        return not [c for c in compare_facts(source, answer, names) if c.old is not None]
    body = task["body"]
    names = names_in(body)
    if action == "reply":
        # Anything the answer states that the conversation does not: invented.
        return not [c for c in compare_facts(body, answer, names) if c.old is None]
    return not [c for c in compare_facts(body, answer, names) if c.old is not None]


def request_for(task: dict[str, str], max_tokens: int):  # type: ignore[no-untyped-def]
    action = Action(task["action"])
    if action is Action.DRAFT:
        context = EmailContext(subject=task.get("subject", ""))
        return build_request(
            action, instruction=task["instruction"], context=context, max_tokens=max_tokens
        )
    body = task["body"]
    text = "" if action is Action.REPLY else body
    return build_request(action, text, context=EmailContext(body=body), max_tokens=max_tokens)


def run(model: Path, tasks: list[dict[str, str]], max_tokens: int, ctx: int) -> list[dict]:  # type: ignore[type-arg]
    engine = LocalEngine()
    engine.load(model, context_size=ctx)
    results = []
    for task in tasks:
        request = request_for(task, max_tokens)
        started = time.perf_counter()
        answer = "".join(engine.stream(request, threading.Event())).strip()
        stats = engine.last_stats
        source = (
            task["instruction"]
            if task["action"] == "draft"
            else quoted(task["body"])
            if task["action"] == "reply"
            else task["body"]
        )
        result = {
            "id": task["id"],
            "action": task["action"],
            "lang": task["lang"],
            "facts_kept": facts_kept(task, answer),
            "language": detect_language(answer).code,
            "language_held": detect_language(answer).code == task["lang"],
            "loop": find_loop(answer),
            "length_ratio": round(words(answer) / max(1, words(source)), 2),
            "tokens": stats.generated_tokens if stats else 0,
            "stop": stats.stop_reason if stats else "",
            "tokens_per_s": round(stats.generation_tokens_per_second, 1) if stats else 0.0,
            "seconds": round(time.perf_counter() - started, 1),
            "answer": answer,
        }
        results.append(result)
        print(
            f"{task['id']:15} facts {'ok ' if result['facts_kept'] else 'NO '}"
            f"lang {result['language'] or '?':3} loop {'yes' if result['loop'] else 'no '} "
            f"ratio {result['length_ratio']:5} {result['tokens']:4} tokens "
            f"{result['seconds']:5}s",
            flush=True,
        )
    engine.close()
    return results


def table(results: list[dict]) -> str:  # type: ignore[type-arg]
    lines = [
        "| action | tasks | facts kept | language held | no loop | median length ratio |",
        "|---|---|---|---|---|---|",
    ]
    order = [a.value for a in Action if any(r["action"] == a.value for r in results)]
    for action in [*order, "all"]:
        rows = [r for r in results if action in ("all", r["action"])]
        n = len(rows)

        def share(key: str, rows: list[dict] = rows, n: int = n) -> str:  # type: ignore[type-arg]
            return f"{sum(1 for r in rows if r[key])}/{n}"

        ratio = statistics.median(r["length_ratio"] for r in rows)
        no_loop = f"{sum(1 for r in rows if not r['loop'])}/{n}"
        lines.append(
            f"| {action} | {n} | {share('facts_kept')} | {share('language_held')} "
            f"| {no_loop} | {ratio:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--tasks", type=Path, default=Path(__file__).with_name("eval_tasks.json"))
    parser.add_argument("--max-tokens", type=int, default=200)
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--only", default="", help="comma-separated actions")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    tasks = json.loads(args.tasks.read_text(encoding="utf-8"))["tasks"]
    if args.only:
        wanted = set(args.only.split(","))
        tasks = [t for t in tasks if t["action"] in wanted]
    started = time.perf_counter()
    results = run(args.model, tasks, args.max_tokens, args.ctx)
    print(
        f"\n{args.model.name}, {len(results)} tasks, max {args.max_tokens} tokens, "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
