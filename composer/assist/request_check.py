"""Whether a drafted email says what the user asked for, and nothing made up.

A Draft or a Reply has no original text to compare with, so the fact guard's
diff check does not apply. Instead its facts (names, numbers, amounts,
dates, times, addresses, links… found by composer.assist.fact_finder) are
compared with the user's request and with what the model was shown:

- *missing*: a fact of the request the suggestion does not contain
  ("10:00 from your request is missing");
- *new*: a fact of the suggestion found in neither the request, the quoted
  thread nor the email ("13 employees: not in your request or the thread").

Facts match on their normalised keys, so "450 EUR" is "€450", "10:00" is
"10am" and "thirteen" is "13". Qt-free; the GUI passes translated Phrases.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from composer.assist.fact_finder import Fact, find_facts, is_length_instruction, same_fact
from composer.assist.fact_names import fold, name_candidates, names_in
from composer.assist.quoting import parse_thread
from composer.messages import fill

# Negations are the meaning of a sentence, not a fact one can find or miss.
_CHECKED = frozenset(
    {
        "name", "amount", "number", "date", "day", "time", "phone", "iban", "reference",
        "address", "email", "link",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Phrases:
    """Sentence templates for the findings; the GUI passes translated ones (%1: the fact)."""

    missing: str = "%1 from your request is missing"
    new: str = "%1: not in your request or the thread"


class Status(str, enum.Enum):
    MISSING = "missing"  # in the request, not in the suggestion
    NEW = "new"  # in the suggestion, in neither the request, the thread nor the email


@dataclass(frozen=True)
class Finding:
    kind: str  # a fact_finder kind: name, number, amount, date, day, time, address, link…
    text: str  # the fact as written (in the request when missing, in the suggestion when new)
    status: Status
    shown: str = ""  # how the sentence names it ("13 employees"); the text when empty

    def sentence(self, phrases: Phrases = Phrases()) -> str:
        template = phrases.missing if self.status is Status.MISSING else phrases.new
        return fill(template, [self.shown or self.text])


def check_request(
    prompt: str, thread: str, email: str, suggestion: str, names: Iterable[str] = ()
) -> list[Finding]:
    """What *suggestion* misses of *prompt*, then what it states that nobody gave it.

    *thread* is the message replied to (may be empty), *email* the text
    already in the composer, *names* people's names known from the headers
    (To, From): greeting or signing with them is not making anything up.
    """
    names = tuple(names)
    vocabulary = set(names)
    for text in (prompt, thread, email, suggestion):
        vocabulary |= name_candidates(text)
    vocab = tuple(vocabulary)

    def facts(text: str) -> list[Fact]:
        return [f for f in find_facts(text, vocab) if f.kind in _CHECKED]

    asked = [f for f in facts(prompt) if not is_length_instruction(f, prompt)]
    written = facts(suggestion)
    known = asked + facts(thread) + facts(email)
    known_names = {"name:" + fold(n) for n in names}

    findings: list[Finding] = []
    for fact in _distinct(asked):
        if not any(_matches(fact, w) for w in written):
            findings.append(Finding(fact.kind, fact.text, Status.MISSING, fact.label))
    for fact in _distinct(written):
        if fact.key not in known_names and not any(_matches(fact, k) for k in known):
            findings.append(Finding(fact.kind, fact.text, Status.NEW, fact.label))
    return findings


def _matches(a: Fact, b: Fact) -> bool:
    """The same fact, or the same amount with and without its currency.

    "450" in a request is met by "450 €" in the draft (and the other way round).
    """
    return same_fact(a, b) or bool(set(_loose_keys(a)) & set(_loose_keys(b)))


def _loose_keys(fact: Fact) -> set[str]:
    """An amount's bare number ("amt:450:EUR" → "n:450"), a number's own key."""
    if fact.kind == "amount":
        return {f"n:{k.split(':')[1]}" for k in fact.keys if k.startswith("amt:")}
    return {fact.key} if fact.kind in ("number", "reference") else set()


def _distinct(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    kept = []
    for fact in facts:
        if fact.key not in seen:
            seen.add(fact.key)
            kept.append(fact)
    return kept


def check_new_text(
    prompt: str, body: str, suggestion: str, *, subject: str = "", people: str = ""
) -> list[Finding]:
    """check_request() for a Draft or Reply written into *body* (the compose window's text).

    The quoted messages of *body* are the thread, the user's own text above
    them the email; *people* are the To and From lines, whose names a
    greeting or a sign-off may use.
    """
    thread = parse_thread(body)
    quoted = "\n\n".join(message.text for message in thread.messages)
    names = names_in(body, people)
    return check_request(prompt, quoted + "\n\n" + subject, thread.own_text, suggestion, names)
