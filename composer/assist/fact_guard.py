"""Facts a suggestion must not change silently: names, amounts, dates, links, negations.

A writing assistant may reword, but "300 €" becoming "250 €", a dropped date,
"Marc" turning into "the email" or "can" into "cannot" is not a rewording.
The guard lists the facts of a text as whole entities (Qt-free, rule-based,
English and French; composer.assist.fact_finder and fact_names find them) and compares the
facts of the whole original with those of the whole suggestion, as multisets
of normalised keys: "450 EUR" = "€450", "10:00" = "10 h", anna = Anna, and a
fact that only moved is not lost. What is left over on either side is then
laid on the diff's changes: each change learns which facts it drops, alters
or adds, and changes that cut one fact in pieces are reported so the review
can make them one decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from composer.assist.fact_finder import Fact, find_facts, same_fact
from composer.assist.fact_names import name_candidates, names_in, swapped_names
from composer.assist.proofread import edit_distance
from composer.assist.review import Phrases
from composer.messages import fill

__all__ = [
    "Fact",
    "FactChange",
    "FactReport",
    "Span",
    "compare_facts",
    "facts_by_change",
    "find_facts",
    "names_in",
]

# A change's ranges: (start, end) in the old text, (start, end) in the new one.
Span = tuple[int, int, int, int]
_Pred = Callable[[Fact], bool]


@dataclass(frozen=True)
class FactChange:
    kind: str
    old: str | None  # None: the fact is new
    new: str | None  # None: the fact disappeared

    def sentence(self, phrases: Phrases | None = None) -> str:
        """E.g. “250 €” instead of “300 €”, “Friday” removed, meaning reversed: “not” added."""
        phrases = phrases or Phrases()
        if self.kind == "negation":
            if self.new is not None:
                return fill(phrases.negation_added, [self.new])
            return fill(phrases.negation_removed, [self.old or ""])
        if self.old is not None and self.new is not None:
            template = phrases.link_changed if self.kind in _ADDRESSES else phrases.fact_replaced
            return fill(template, [self.new, self.old])
        if self.old is not None:
            return fill(phrases.fact_removed, [self.old])
        return fill(phrases.fact_added, [self.new or ""])


_ADDRESSES = frozenset({"email", "link"})


@dataclass(frozen=True)
class FactReport:
    """What the facts of a suggestion say about each change of its diff."""

    per_change: tuple[tuple[FactChange, ...], ...]  # in the order of the spans given
    # Runs of changes (first, last index) that each touch one changed fact:
    # ticking one of them alone would leave half a link or "ne … pas" behind.
    joins: tuple[tuple[int, int], ...]


def compare_facts(old: str, new: str, names: tuple[str, ...] = ()) -> list[FactChange]:
    """The facts of *old* that *new* changed or dropped, then the ones it added.

    The whole texts are compared: reordering, rewording, case and spacing
    are not changes; a fact replaced by another of its kind reads "X instead of Y".
    """
    report = facts_by_change(old, new, [(0, len(old), 0, len(new))], names)
    return list(report.per_change[0])


def facts_by_change(
    old: str, new: str, spans: Sequence[Span], names: tuple[str, ...] = ()
) -> FactReport:
    """The fact changes between *old* and *new*, laid on the changes at *spans*.

    A fact both texts hold is no change wherever it stands (a moved weekday);
    of a fact written several times, the occurrences a change touches are the
    ones taken as lost or new. A lost or new fact that no change touches (its
    kind came from the words around it) goes to the nearest change.
    """
    vocabulary = set(names) | name_candidates(old) | name_candidates(new)
    vocabulary |= swapped_names(old, new, spans)
    before, after = find_facts(old, tuple(vocabulary)), find_facts(new, tuple(vocabulary))
    lost, gained = _unmatched(
        before,
        after,
        lambda f: any(_touches(f, s[0], s[1]) for s in spans),
        lambda f: any(_touches(f, s[2], s[3]) for s in spans),
    )
    owners_lost = [_owners(f, [(s[0], s[1]) for s in spans]) for f in lost]
    owners_gained = [_owners(f, [(s[2], s[3]) for s in spans]) for f in gained]
    joins = sorted(
        {(min(o), max(o)) for o in owners_lost + owners_gained if len(o) > 1},
    )
    per_change: list[tuple[FactChange, ...]] = []
    for index in range(len(spans)):
        mine_lost = [f for f, o in zip(lost, owners_lost, strict=True) if index in o]
        mine_gained = [f for f, o in zip(gained, owners_gained, strict=True) if index in o]
        _drop_respelt(mine_lost, mine_gained, old[spans[index][0] : spans[index][1]])
        per_change.append(tuple(_pair(mine_lost, mine_gained)))
    return FactReport(tuple(per_change), tuple(joins))


def _drop_respelt(lost: list[Fact], gained: list[Fact], old_text: str) -> None:
    """Forget a weekday or month that was there, misspelt ("Tuesdya" → "Tuesday").

    The misspelt word was no fact, or was taken for a name (capitalised):
    that "name" goes too.
    """
    for fact in list(gained):
        if fact.kind not in ("day", "date") or " " in fact.text.strip():
            continue
        if any(f.kind == fact.kind for f in lost):
            continue  # a weekday was there: "Tuesday" → "Thursday" is a change
        word = fact.text.strip(" .").casefold()
        if not any(_close(w, word) for w in re.findall(r"[^\W\d_]+", old_text)):
            continue
        gained.remove(fact)
        lost[:] = [f for f in lost if not (f.kind == "name" and _close(f.text, word))]


def _close(a: str, b: str) -> bool:
    return 0 < edit_distance(a.casefold(), b) <= 2


def _touches(fact: Fact, start: int, end: int) -> bool:
    """The range [start, end) overlaps the fact; an insertion must fall inside it."""
    if start == end:
        return fact.start < start < fact.end
    return start < fact.end and fact.start < end


def _owners(fact: Fact, ranges: list[tuple[int, int]]) -> list[int]:
    owners = [i for i, (s, e) in enumerate(ranges) if _touches(fact, s, e)]
    if owners or not ranges:
        return owners
    # Touching none: its kind depends on the words around it ("ne" far before
    # "pas"); the closest change made the difference.
    distance = [max(s - fact.end, fact.start - e, 0) for s, e in ranges]
    return [distance.index(min(distance))]


def _unmatched(
    before: list[Fact], after: list[Fact], touched_before: _Pred, touched_after: _Pred
) -> tuple[list[Fact], list[Fact]]:
    """Facts of *before* with no equal in *after*, and the other way round.

    Equal is an equal normalised key; a fact read two ways (12/03: 12 March
    or December 3) then matches one written with its month's name on either
    reading (fact_finder.same_fact).
    """
    have = Counter(f.key for f in before)
    want = Counter(f.key for f in after)
    lost = _surplus(before, have - want, touched_before)
    gained = _surplus(after, want - have, touched_after)
    for fact in list(lost):
        twin = next((g for g in gained if same_fact(fact, g)), None)
        if twin is not None:
            lost.remove(fact)
            gained.remove(twin)
    return lost, gained


def _surplus(facts: list[Fact], extra: Counter[str], touched: _Pred) -> list[Fact]:
    """*extra[key]* occurrences of each key, those a change touches first, in text order."""
    left = Counter(extra)
    ranked = sorted(facts, key=lambda f: (not touched(f), f.start))
    picked = []
    for fact in ranked:
        if left[fact.key] > 0:
            left[fact.key] -= 1
            picked.append(fact)
    return sorted(picked, key=lambda f: f.start)


def _pair(lost: list[Fact], gained: list[Fact]) -> list[FactChange]:
    """Lost and new facts of one change as sentences: same kind first, then any two."""
    gained = list(gained)
    paired: list[tuple[Fact, Fact | None]] = []
    for fact in lost:
        twin = next((g for g in gained if g.kind == fact.kind), None)
        if twin is not None:
            gained.remove(twin)
        paired.append((fact, twin))
    changes: list[FactChange] = []
    for fact, twin in paired:
        if twin is None and fact.kind != "negation":
            twin = next((g for g in gained if g.kind != "negation"), None)
            if twin is not None:
                gained.remove(twin)
        if fact.kind == "negation" and twin is not None:
            continue  # one negation for another: the meaning stays
        changes.append(FactChange(fact.kind, fact.text, twin.text if twin else None))
    changes.extend(FactChange(g.kind, None, g.text) for g in gained)
    return changes
