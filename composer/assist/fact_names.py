"""People's names in an email, for the fact guard (English and French).

A name is a word capitalised where no sentence starts ("as agreed with
Marc"), a name from the headers, the greeting or the sign-off, or, at a
sentence start, a capitalised word a change swaps for another one. Once a
word is known to be a name, each of its occurrences counts whatever its case
(anna = Anna), so capitalising a name is no change of fact.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

# Capitalised words that are not names: sentence words after a colon or a
# quote, titles, greetings, interjections (English and French).
_NOT_NAMES = frozenset(
    str.split(
        "i i'm i've i'll i'd i’m i’ve i’ll i’d a an the this that these those it its we you "
        "he she they our your my his her their me us them please thanks thank dear hi hello hey "
        "best regards kind yours sincerely cheers warm warmly ps nb fyi asap ok okay yes no "
        "and but or so if when as at in on for to of with from by re fw fwd subject note "
        "attn mr mrs ms dr prof sir madam name company team mister miss "
        "je j tu il elle on nous vous ils elles le la les l un une des du de d au aux ce cet "
        "cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs merci "
        "bonjour bonsoir salut cordialement bien amitiés bises cher chère chers chères madame "
        "monsieur mademoiselle mme mlle m et ou mais donc car si quand pour par avec sans "
        "dans en sur sous objet oui non pj nom société équipe "
        # Words that often open a sentence: a changed one is a rewording, not a name.
        "about after again all also although another any anyway apologies are as attached "
        "because before below both can could did do does during each either even every "
        "finally first following further furthermore good great happy has have having here "
        "how however instead is just kindly last let looking many meanwhile more moreover "
        "most much next nor not now once one only other otherwise overall perhaps quick "
        "regarding second see should since some sorry still such sure then there therefore "
        "they though thus today tomorrow unfortunately unless until well what whatever when "
        "where whether which while who why will with would yesterday yet "
        "à ainsi alors après aujourd aussi autrement avant bien ça cela cependant certes ci "
        "comme comment concernant demain depuis désolé désolée encore enfin ensuite entre "
        "est hier ici malheureusement néanmoins par parce pendant peut pourquoi pourriez "
        "pouvez pourrais puis quand que quel quelle qui selon sinon suite tout tous toutes "
        "toutefois très voici voilà petit rappel"
    )
)
# Names that are also common lower-case words: only capitalised they are names.
_LOWER_WORDS = frozenset(
    str.split(
        "will may mark bill grant rose pat sue ray dawn hope joy faith frank guy jack art "
        "don max bob chase sterling pierre claire rené blanche"
    )
)
_TITLES = frozenset(str.split("mr mrs ms dr prof st m mme mlle me"))
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The form words are compared in: Unicode-normalised, case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def name_spans(text: str, names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded name) of each word of *text* that is one of *names*, any case.

    Names that are also common words ("will", "may") count only capitalised.
    """
    wanted = {fold(n) for n in names if n.strip()}
    if not wanted:
        return
    for match in _WORD.finditer(text):
        word = match.group(0)
        folded = fold(word)
        if folded in wanted and (word[0].isupper() or folded not in _LOWER_WORDS):
            yield match.start(), match.end(), folded


@functools.lru_cache(maxsize=64)
def name_candidates(text: str) -> frozenset[str]:
    """Words of *text* capitalised where no sentence starts: likely names (case-folded).

    Cached: a review reads the same original at every batch of tokens.
    """
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if not word[0].isupper() or len(word) < 2:
            continue
        folded = fold(word)
        if folded in _NOT_NAMES:
            continue
        if not starts_sentence(text, match.start()):
            found.add(folded)
    return frozenset(found)


def swapped_names(old: str, new: str, spans: Iterable[tuple[int, int, int, int]]) -> set[str]:
    """Names only a change shows: a capitalised word swapped for another at a sentence start.

    "Julia from legal…" → "Julie from legal…".

    name_candidates cannot tell "Julia" at a sentence start from "Delivery";
    a change swapping one such word for another that is not a common
    sentence opener is read as a name changed, unless it looks like a typo
    fixed into a word the texts also use in lower case.
    """
    found: set[str] = set()
    lower = {w.casefold() for w in _WORD.findall(old + " " + new) if w.islower()}
    for old_start, old_end, new_start, new_end in spans:
        before, after = old[old_start:old_end], new[new_start:new_end]
        a, b = before.strip(), after.strip()
        if not (_WORD.fullmatch(a) and _WORD.fullmatch(b)):
            continue
        if not (a[0].isupper() and b[0].isupper()) or fold(a) == fold(b):
            continue
        if fold(a) in _NOT_NAMES or fold(b) in _NOT_NAMES:
            continue
        if fold(b) in lower:
            continue
        at_start = old_start + len(before) - len(before.lstrip())
        if starts_sentence(old, at_start):
            found |= {fold(a), fold(b)}
    return found


def starts_sentence(text: str, index: int) -> bool:
    """A sentence starts at *index*: after . ! ? …, a line break or a bullet (not "Mr.")."""
    i = index - 1
    while i >= 0 and text[i] in " \t\"'“«‘([*•–-":
        if text[i] in "*•–-" and (i == 0 or text[i - 1] in "\n"):
            return True  # a bullet
        i -= 1
    if i < 0 or text[i] in "\n!?…":
        return True
    if text[i] in "'’" or text[i] != ".":
        return False
    # "Mr. Smith", "M. Dupont": a title's full stop ends no sentence.
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return fold(text[j:i]) not in _TITLES


_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good morning|bonjour|salut|cher|chère|coucou)\s+"
    r"([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_NAME = re.compile(r"([^,<>\"]+?)\s*<[^>]+>")


def names_in(body: str, recipients: str = "") -> tuple[str, ...]:
    """People's names the email mentions: from the To line and the greetings and sign-offs."""
    names: list[str] = []
    for match in _HEADER_NAME.finditer(recipients):
        names.extend(match.group(1).strip().strip('"').split())
    for match in _GREETING.finditer(body):
        names.extend(match.group(1).split())
    # A sign-off's last line: a single capitalised word or two ("Anna", "Tom Berg").
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if lines and re.fullmatch(r"[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?", lines[-1]):
        names.extend(lines[-1].split())
    seen: dict[str, None] = {}
    for name in names:
        if len(name) > 1 and name[0].isupper() and fold(name) not in _NOT_NAMES:
            seen.setdefault(name, None)
    return tuple(seen)
