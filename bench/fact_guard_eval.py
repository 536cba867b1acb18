"""How well the fact guard catches changed facts, and how often it cries wolf.

    python bench/fact_guard_eval.py [--misses]

No model: the suggestions are written by hand (bench/fact_guard_pairs.py,
English and French). Each planted edit changes one fact (a name in the body,
an amount, a date, a time, a phone, IBAN, order or address, an e-mail or a
link, a negation); each honest edit fixes spelling, grammar, punctuation or
a name's capital, reformats an amount or a time, or moves a phrase, and
keeps every fact. Every pair goes through the review exactly as in the app:
a ReviewSession (names from the email as the controller passes them), its
version streamed in and finished, once as Proofread and once as a rewrite
(More formal, Shorten… share one path). A planted edit counts as caught when
a change of the review names a fact of its kind and starts unticked; an
honest edit is a false alarm when any change names a fact.

Draft-vs-request cases (composer.assist.request_check) are reported apart:
how many of the expected "missing" and "new" findings were found, and how
many findings were not expected.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.fact_guard_pairs import BASES, DRAFT_CASES  # noqa: E402
from composer.assist.fact_guard import names_in  # noqa: E402
from composer.assist.request_check import Status, check_request  # noqa: E402
from composer.assist.review_session import ReviewedChange, ReviewSession  # noqa: E402

MODES = ("proofread", "rewrite")
# A pure-digit order number is the same fact as the number written alone.
_ALIASES = {"reference": {"reference", "number"}, "number": {"number", "reference"}}


@dataclass(frozen=True)
class Pair:
    language: str
    kind: str  # the planted fact's kind, or the honest edit's kind
    planted: bool
    original: str
    suggestion: str


def pairs() -> list[Pair]:
    """Every edit of every base as (original, suggestion)."""
    found = []
    for base in BASES:
        for planted, edits in ((True, base.planted), (False, base.honest)):
            for kind, old, new in edits:
                if old not in base.text:
                    raise ValueError(f"{old!r} is not in the base text: {base.text[:40]!r}…")
                if kind == "typo":  # the original has the typo, the suggestion fixes it
                    original, suggestion = base.text.replace(old, new, 1), base.text
                else:
                    original, suggestion = base.text, base.text.replace(old, new, 1)
                found.append(Pair(base.language, kind, planted, original, suggestion))
    return found


def review(pair: Pair, mode: str) -> list[ReviewedChange]:
    """The pair's review as the app builds it, streamed in pieces and finished."""
    session = ReviewSession(
        pair.original,
        proofreading=mode == "proofread",
        language=pair.language,
        names=names_in(pair.original),
    )
    session.add_version()
    for i in range(0, len(pair.suggestion), 40):
        session.append(pair.suggestion[i : i + 40])
    session.finish()
    return session.reviewed_changes()


def caught(pair: Pair, rows: list[ReviewedChange]) -> bool:
    kinds = _ALIASES.get(pair.kind, {pair.kind})
    return any(not r.ticked and any(f.kind in kinds for f in r.facts) for r in rows)


@dataclass
class Result:
    recall: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind: (caught, total)
    honest: tuple[int, int] = (0, 0)  # (false alarms, total)
    misses: list[str] = field(default_factory=list)
    drafts: dict[str, tuple[int, int]] = field(default_factory=dict)  # status: (found, expected)
    draft_extra: int = 0  # findings no case expected
    draft_misses: list[str] = field(default_factory=list)


def evaluate() -> Result:
    result = Result()
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    alarms = honest = 0
    for pair in pairs():
        for mode in MODES:
            rows = review(pair, mode)
            if pair.planted:
                totals[pair.kind] += 1
                if caught(pair, rows):
                    hits[pair.kind] += 1
                else:
                    result.misses.append(f"MISSED {pair.kind} ({mode}): {_diff(pair, rows)}")
            else:
                honest += 1
                flagged = [r for r in rows if r.facts]
                if flagged:
                    alarms += 1
                    result.misses.append(
                        f"FALSE ALARM {pair.kind} ({mode}): "
                        + " | ".join(r.description for r in flagged)
                    )
    result.recall = {kind: (hits[kind], totals[kind]) for kind in sorted(totals)}
    result.honest = (alarms, honest)
    _evaluate_drafts(result)
    return result


def _evaluate_drafts(result: Result) -> None:
    found = Counter[str]()
    expected = Counter[str]()
    for case in DRAFT_CASES:
        findings = check_request(case.prompt, case.thread, case.email, case.suggestion)
        for status, wanted in ((Status.MISSING, case.missing), (Status.NEW, case.new)):
            got = [f.text for f in findings if f.status is status]
            expected[status.value] += len(wanted)
            found[status.value] += sum(1 for w in wanted if w in got)
            for w in wanted:
                if w not in got:
                    result.draft_misses.append(f"DRAFT MISSED {status.value} {w!r}: {got}")
            extra = [g for g in got if g not in wanted]
            result.draft_extra += len(extra)
            for g in extra:
                result.draft_misses.append(f"DRAFT EXTRA {status.value} {g!r}")
    result.drafts = {s: (found[s], expected[s]) for s in ("missing", "new")}


def _diff(pair: Pair, rows: list[ReviewedChange]) -> str:
    return " | ".join(
        f"{r.change.old_text!r}->{r.change.new_text!r} [{r.description}]" for r in rows
    )


def table(result: Result) -> str:
    lines = ["| planted change | caught | recall |", "|---|---|---|"]
    all_hits = all_total = 0
    for kind, (hit, total) in result.recall.items():
        lines.append(f"| {kind} | {hit}/{total} | {hit / total:.2f} |")
        all_hits, all_total = all_hits + hit, all_total + total
    lines.append(f"| all kinds | {all_hits}/{all_total} | {all_hits / all_total:.3f} |")
    alarms, honest = result.honest
    lines += [
        "",
        "| honest edits | flagged | false-alarm rate |",
        "|---|---|---|",
        f"| spelling, grammar, punctuation, capitals, formats, moves | {alarms}/{honest} "
        f"| {alarms / honest:.3f} |",
        "",
        "| request check (Draft/Reply) | found | expected |",
        "|---|---|---|",
    ]
    for status, (hit, total) in result.drafts.items():
        lines.append(f"| {status} | {hit} | {total} |")
    lines.append(f"| unexpected findings | {result.draft_extra} | 0 |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args()
    result = evaluate()
    planted = sum(total for _, total in result.recall.values()) // len(MODES)
    print(
        f"{planted} planted and {result.honest[1] // len(MODES)} honest edits "
        f"({', '.join(MODES)}: each reviewed {len(MODES)} ways), {len(DRAFT_CASES)} draft cases\n"
    )
    print(table(result))
    if args.misses:
        print("\n" + "\n".join(result.misses + result.draft_misses))


if __name__ == "__main__":
    main()
