"""The facts of a text as whole entities with normalised keys (English and French).

A fact is a span of the text, a kind and one or more keys: what must stay
equal for the fact to be the same ("450 EUR", "€450" and "450 €" share
"amt:450:EUR"; "10:00", "10 h" and "10h00" share "t:10:00"). Kinds: email,
link, iban, address, date, amount, phone, time, reference, day (a weekday),
number, negation, name. Patterns run in that order and a span taken by one
kind is not read again, so "12/03/2026" is a date and not three numbers.

Rules, not lists of examples: names (composer.assist.fact_names) are words
capitalised where a sentence does not start, or known from the headers and
greeting, and then every occurrence of them in any case; negations are the words that reverse a
sentence (not, n't, never, ne … pas…), all sharing one key, so "can" →
"cannot" adds one and a reworded negative sentence keeps its count.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from composer.assist.fact_names import fold as _fold
from composer.assist.fact_names import name_spans


@dataclass(frozen=True)
class Fact:
    kind: str  # see the module's docstring
    text: str  # as written
    start: int = 0  # its range in the text
    end: int = 0
    keys: tuple[str, ...] = ()  # normalised; more than one when it reads two ways
    shown: str = ""  # how a sentence names it ("13 employees"); the text when empty

    @property
    def key(self) -> str:
        return self.keys[0] if self.keys else self.text.casefold()

    @property
    def label(self) -> str:
        return self.shown or self.text


# -- words --------------------------------------------------------------------------

_MONTHS = {
    **dict.fromkeys(["january", "jan", "janvier", "janv"], 1),
    **dict.fromkeys(["february", "feb", "février", "fevrier", "févr", "fév"], 2),
    **dict.fromkeys(["march", "mar", "mars"], 3),
    **dict.fromkeys(["april", "apr", "avril", "avr"], 4),
    **dict.fromkeys(["may", "mai"], 5),
    **dict.fromkeys(["june", "jun", "juin"], 6),
    **dict.fromkeys(["july", "jul", "juillet", "juil"], 7),
    **dict.fromkeys(["august", "aug", "août", "aout"], 8),
    **dict.fromkeys(["september", "sep", "sept", "septembre"], 9),
    **dict.fromkeys(["october", "oct", "octobre"], 10),
    **dict.fromkeys(["november", "nov", "novembre"], 11),
    **dict.fromkeys(["december", "dec", "décembre", "decembre", "déc"], 12),
}
# Month words that are also ordinary words ("you may", "we march") or too
# short to stand alone: they are a month only next to a day number, or capitalised.
_MONTH_ALONE_NEEDS_CAPITAL = frozenset({"may", "march", "mars"})
_MONTH_ALONE = frozenset(m for m in _MONTHS if len(m) > 4 or m in ("may", "mai", "mars", "juin"))
_DAYS = {
    **dict.fromkeys(["monday", "lundi"], 1),
    **dict.fromkeys(["tuesday", "mardi"], 2),
    **dict.fromkeys(["wednesday", "mercredi"], 3),
    **dict.fromkeys(["thursday", "jeudi"], 4),
    **dict.fromkeys(["friday", "vendredi"], 5),
    **dict.fromkeys(["saturday", "samedi"], 6),
    **dict.fromkeys(["sunday", "dimanche"], 7),
}
_NUMBER_WORDS = {
    # "one"/"un"/"une" are left out: they are mostly articles.
    "zero": 0, "zéro": 0, "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4,
    "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8,
    "nine": 9, "neuf": 9, "ten": 10, "dix": 10, "eleven": 11, "onze": 11, "twelve": 12,
    "douze": 12, "thirteen": 13, "treize": 13, "fourteen": 14, "quatorze": 14,
    "fifteen": 15, "quinze": 15, "sixteen": 16, "seize": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "vingt": 20, "thirty": 30,
    "trente": 30, "forty": 40, "quarante": 40, "fifty": 50, "cinquante": 50,
    "sixty": 60, "soixante": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "douzaine": 12,
}  # fmt: skip
_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "chf": "CHF", "franc": "CHF", "francs": "CHF", "¥": "JPY", "jpy": "JPY", "yen": "JPY",
}  # fmt: skip
_FUNCTION = frozenset(
    str.split(
        "a an the and or of to in on at by for with from that this these those is are was "
        "were be been our your my their his her its we you they it as than then there here "
        "which who whom what about into over under per each every all some any more most "
        "de du des la le les et ou à au aux en pour par sur avec dont qui que ces cette ce "
        "nos vos leurs mes un une"
    )
)

# -- patterns -------------------------------------------------------------------------

_W = r"[^\W\d_]"  # a letter
_NUMBER = r"\d{1,3}(?:[\u202f\u00a0 .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_CUR = r"US\$|€|\$|£|¥|\b(?:EUR|USD|GBP|CHF|JPY|euros?|dollars?|pounds?|francs?|yen)\b"
_MULT = r"k|K|M|millions?|thousand|mille"
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_STREET_EN = (
    r"street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|place|pl|square|sq|"
    r"court|ct|terrace|crescent|close|parkway|highway|hwy"
)
_STREET_FR = (
    r"rue|avenue|av|boulevard|bd|bld|place|allée|allee|chemin|impasse|quai|route|cours|"
    r"square|passage|voie|faubourg|rond-point|esplanade"
)
_STREET_WORDS = {
    "st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane",
    "blvd": "boulevard", "bd": "boulevard", "bld": "boulevard", "dr": "drive", "pl": "place",
    "sq": "square", "ct": "court", "hwy": "highway", "allee": "allée",
}  # fmt: skip
_PLAIN_STREETS = frozenset({"street", "road", "avenue", "boulevard", "lane"})
# Words that announce a code ("order 88213", "facture n° 4471").
_REF_WORDS = frozenset(
    str.split(
        "order invoice ticket case ref reference file booking reservation contract policy "
        "account tracking parcel quote commande facture dossier réf référence contrat "
        "réservation compte colis suivi devis no n° nº nr number numéro num"
    )
)
_TLDS = (
    r"com|org|net|edu|gov|io|fr|uk|de|eu|be|ch|ca|es|it|nl|info|biz|co|app|dev|ai|me|tv|us|"
    r"lu|pt|pl|se|dk|no|fi|at|ie|au|nz|jp|cn|in"
)
_I = re.IGNORECASE

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]]+", _I)
_DOMAIN = re.compile(rf"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:{_TLDS})\b(?:/[^\s<>\"'()\[\]]*)?")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
_ADDRESS_EN = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,?[ \u00a0]+((?:{_W}[\w'’.-]*[ \u00a0]+){{1,3}})"
    rf"(?i:({_STREET_EN}))\b\.?"
)
_ADDRESS_FR = re.compile(
    rf"\b\d{{1,4}}(?:[ \u00a0]?(?i:bis|ter))?,?[ \u00a0]+(?i:{_STREET_FR})\b\.?"
    r"((?:[ \u00a0]+(?:de|du|des|la|le|les|aux|sur)\b|[ \u00a0]+[dl]['’](?=[A-ZÀ-Þ])"
    r"|[ \u00a0]+[A-ZÀ-Þ][\w'’-]*|(?<=['’])[A-ZÀ-Þ][\w'’-]*)*)"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUM_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/]|[.,]\d)"
    r"|(?<![\d.,/-])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.]\d)"
)
_AMOUNT = re.compile(
    rf"(?P<c1>{_CUR})\s?(?P<n1>{_NUMBER})(?:\s?(?P<m1>{_MULT})\b)?"
    rf"|(?<![\w.,])(?P<n2>{_NUMBER})\s?(?:(?P<m2>{_MULT})\s?)?(?P<c2>{_CUR})(?![^\W\d_])",
    _I,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ \u00a0.-]?(?:\(0\)[ \u00a0.-]?)?|\(\d{1,4}\)[ \u00a0.-]?)?"
    r"\d{1,5}(?:[ \u00a0.-]\d{1,6}){1,6}(?![\w])"
    r"|(?<![\w+])(?:\+|0)\d{9,14}\b"
)
_TIMES = (
    re.compile(r"\b(\d{1,2}):(\d{2})(?:\s?([ap])(?:m\b|\.m\.))?", _I),
    re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?([ap])(?:m\b|\.m\.)", _I),
    re.compile(r"\b(\d{1,2})\s?h(?:eures?)?(?:\s?(\d{2}))?(?!\w)", _I),
    re.compile(r"\b(\d{1,2})()\s?o['’]clock\b", _I),
)
# A code: letters and digits, with dashes or slashes ("A-4471", "INV-2024-118", "88213").
_CODE = re.compile(r"(?<![\w#/-])#?[A-Za-z]{0,5}-?\d[\dA-Za-z/-]*")
_CODES = (
    re.compile(r"#\s?([A-Za-z0-9][\w-]*\d[\w-]*|\d+)"),
    re.compile(r"\b([A-Z]{1,5}-?\d[\dA-Z]*(?:-[\dA-Z]+)*)\b"),
    re.compile(r"\b(\d{2,}(?:[-/]\d{2,})+)\b"),
)
_DAY_MONTH = re.compile(
    rf"\b(?:the\s+)?(1er|\d{{1,2}})(?:st|nd|rd|th|er|e)?(?:\s+of)?\s+({_MONTH_RE})\b\.?"
    r"(?:,?\s+(\d{4})\b)?",
    _I,
)
# What may follow a month's name: its day ("March 3rd, 2026") or its year ("March 2026").
_MONTH_TAIL = re.compile(
    r"\.?(?:\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?|\s+(\d{4})\b)", _I
)
_DIGITS = re.compile(
    rf"(?<![\w/#])({_NUMBER})(?:st|nd|rd|th|er|ère|e|ème)?"
    r"(?:\s?(%|percent\b|per cent\b|pour ?cent\b))?"
    r"(?:km|kg|g|m|cm|mm|ml|l|mb|gb|tb|ko|mo|go|min|s|x)?(?!\w)",
    _I,
)
_UNITS = frozenset(
    str.split(
        "two three four five six seven eight nine un deux trois quatre cinq six sept huit neuf"
    )
)
_NUMBER_TAIL = re.compile(r"[- ](?:et[- ])?([^\W\d_]+)\b")
_TIME_WORDS = {
    "noon": "t:12:00", "midday": "t:12:00", "midi": "t:12:00",
    "midnight": "t:00:00", "minuit": "t:00:00",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_NEGATION_WORDS = frozenset(
    str.split(
        "not never cannot nobody nothing none nowhere neither nor without no non unable "
        "unavailable impossible incapable indisponible sans dont cant wont isnt arent wasnt "
        "werent doesnt didnt hasnt havent hadnt couldnt wouldnt shouldnt mustnt neednt"
    )
)
_NT = re.compile(r"n['’]t\b", _I)
_NE = re.compile(r"\b(?:ne\b|n['’](?=\w))", _I)
_NE_END = re.compile(
    r"\b(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|point|nullement)\b", _I
)
_BARE_NEGATIONS = frozenset({"pas", "jamais", "rien", "aucun", "aucune"})
_LENGTH_WORDS = re.compile(
    r"\s*(?:sentences?|words?|paragraphs?|lines?|phrases?|mots?|lignes?|paragraphes?)\b", _I
)


# -- normalising --------------------------------------------------------------------


def number_value(text: str) -> str | None:
    """A number as written ("1 200,50", "1,200.50", "0,5") in one form ("1200.5")."""
    digits = re.sub(r"[\s\u202f\u00a0]", "", text)
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        digits = digits.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        parts = digits.split(mark)
        grouped = all(len(p) == 3 for p in parts[1:]) and parts[0] not in ("0", "")
        # "1,200" and "1.200.000" group thousands; "1,5" and "3.25" are decimals.
        if grouped:
            digits = "".join(parts)
        else:
            head, _, tail = digits.rpartition(mark)
            digits = head.replace(mark, "") + "." + tail
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def _year(text: str | None) -> str:
    if not text:
        return ""
    return f"-{2000 + int(text)}" if len(text) == 2 else f"-{int(text)}"


def _date_keys(day: int, month: int, year: str) -> tuple[str, ...]:
    """Keys of a numeric date: day-month first (English and French use it).

    When both numbers could be the month ("12/03"), the two readings are
    also given as "?" keys, which only a date written with its month's name
    can settle (its "!" key): 12/03 may be "12 March" or "December 3", but
    "12/03" → "03/12" is a change.
    """
    if not (1 <= day <= 31 and 1 <= month <= 12):
        day, month = month, day  # "03/25": the American order is the only reading
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return ()
    key = f"d:{day}-{month}{year}"
    if day <= 12 and day != month:
        return (key, "?" + key, f"?d:{month}-{day}{year}")
    return (key,)


def _day_key(day: str, month: str, year: str | None) -> tuple[str, ...]:
    """Keys of a date written with its month's name ("3 March", "March 3rd, 2026")."""
    number = 1 if day.casefold() == "1er" else int(day)
    if not 1 <= number <= 31:
        return ()
    key = f"d:{number}-{_MONTHS[_fold(month).rstrip('.')]}{_year(year)}"
    return (key, "!" + key)


def _time_key(hour: int, minute: int, half: str) -> tuple[str, ...]:
    """Keys of a time on 24 hours; "3:00" may be "3pm" too ("?"), as an am/pm time says ("!")."""
    if half:
        if not 1 <= hour <= 12:
            return ()
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return ()
    key = f"t:{hour:02d}:{minute:02d}"
    if half:
        return (key, "!" + key)
    if 1 <= hour <= 11:
        return (key, "?" + key, f"?t:{hour + 12:02d}:{minute:02d}")
    return (key,)


def same_fact(a: Fact, b: Fact) -> bool:
    """*a* and *b* state the same fact: equal keys, or one reading of an ambiguous one."""
    if a.key == b.key:
        return True
    maybe_a = {k[1:] for k in a.keys if k.startswith("?")}
    maybe_b = {k[1:] for k in b.keys if k.startswith("?")}
    sure_a = {k[1:] for k in a.keys if k.startswith("!")}
    sure_b = {k[1:] for k in b.keys if k.startswith("!")}
    return bool(maybe_a & sure_b or maybe_b & sure_a)


def _address_key(text: str) -> str:
    words = re.findall(r"\w+", _fold(text).replace("’", "'"))
    return "addr:" + " ".join(_STREET_WORDS.get(w, w) for w in words)


def _end_of_word(match: re.Match[str]) -> int:
    """The match's end without the full stop after a whole word ("Street." ends a sentence)."""
    if re.search(r"\w{4,}\.$", match.group(0)):
        return match.end() - 1
    return match.end()


# -- readers ---------------------------------------------------------------------------
# Each reader yields (kind, start, end, keys) for the facts of one kind it sees;
# find_facts keeps those whose range no earlier reader took.

_Found = tuple[str, int, int, tuple[str, ...]]
_Reader = Callable[[str], Iterator[_Found]]


def _each(
    kind: str, pattern: re.Pattern[str], read: Callable[[re.Match[str]], tuple[str, ...]]
) -> _Reader:
    """A reader taking whole matches of *pattern*; *read* gives the keys (none: not a fact)."""

    def reader(text: str) -> Iterator[_Found]:
        for match in pattern.finditer(text):
            keys = read(match)
            if keys:
                yield kind, match.start(), match.end(), keys

    return reader


def _links(text: str) -> Iterator[_Found]:
    for pattern in (_LINK, _DOMAIN):
        for match in pattern.finditer(text):
            value = match.group(0).rstrip(".,;:!?")
            if "." in value:
                key = re.sub(r"^(?:https?://)?(?:www\.)?", "", _fold(value)).rstrip("/")
                yield "link", match.start(), match.start() + len(value), (f"link:{key}",)


def _addresses(text: str) -> Iterator[_Found]:
    for match in _ADDRESS_FR.finditer(text):
        # The street's name ends on its last capitalised word, not on "de".
        kept = re.match(r"^(.*[A-ZÀ-Þ][\w'’-]*)", match.group(1))
        if kept is not None:
            end = match.start(1) + len(kept.group(1))
            yield "address", match.start(), end, (_address_key(text[match.start() : end]),)
    for match in _ADDRESS_EN.finditer(text):
        words = match.group(1).split()
        if any(_fold(w).strip(".,") in _FUNCTION for w in words):
            continue  # "5 people on the street"
        # "Way", "Place", "Close"… are ordinary words too: there the name is capitalised.
        street = _STREET_WORDS.get(_fold(match[2]), _fold(match[2]))
        if street not in _PLAIN_STREETS and not all(w[0].isupper() for w in words):
            continue
        yield "address", match.start(), _end_of_word(match), (_address_key(match.group(0)),)


def _iso_date(year: int, month: int, day: int) -> tuple[str, ...]:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return ()
    return (f"d:{day}-{month}-{year}", f"!d:{day}-{month}-{year}")


def _numeric_date(match: re.Match[str]) -> tuple[str, ...]:
    if match[1]:
        return _date_keys(int(match[1]), int(match[2]), _year(match[3]))
    return _date_keys(int(match[4]), int(match[5]), _year(match[6]))


def _amount(match: re.Match[str]) -> tuple[str, ...]:
    value = number_value(match.group("n1") or match.group("n2"))
    currency = _CURRENCIES.get(_fold(match.group("c1") or match.group("c2")))
    if value is None or currency is None:
        return ()
    mult = _fold(match.group("m1") or match.group("m2") or "")
    if mult:
        factor = 1000 if mult in ("k", "thousand", "mille") else 1_000_000
        value = format((Decimal(value) * factor).normalize(), "f")
    return (f"amt:{value}:{currency}",)


def _phone(match: re.Match[str]) -> tuple[str, ...]:
    value = match.group(0)
    digits = re.sub(r"\D", "", value.replace("(0)", ""))
    groups = len(re.findall(r"\d+", value))
    # Eight digits at least, and written like a phone number: "+33 …", "(555) …",
    # "06 …", or in three groups or more ("555-123-4567").
    if not 8 <= len(digits) <= 15 or not (value[0] in "+(0" or groups >= 3):
        return ()
    return (f"p:{'+' if value.startswith('+') else ''}{digits}",)


def _times(text: str) -> Iterator[_Found]:
    for pattern in _TIMES:
        for match in pattern.finditer(text):
            # The French "10 h 30" and "10 o'clock" have no half-day group.
            half = (match.group(3) or "") if pattern.groups >= 3 else ""
            keys = _time_key(int(match.group(1)), int(match.group(2) or 0), half)
            if keys:
                yield "time", match.start(), match.end(), keys


def _code_key(code: str) -> tuple[str, ...]:
    bare = code.lstrip("#").replace(" ", "")
    if not re.search(r"\d", bare):
        return ()
    if bare.isdigit():
        # The same number a plain mention of it gives: "order 88213" = "#88213".
        return (f"n:{int(bare)}",)
    return ("ref:" + re.sub(r"[^0-9A-Z]", "", bare.upper()),)


def _references(text: str) -> Iterator[_Found]:
    # A code after a word that announces one: "order 88213", "commande n° 4471".
    for match in _CODE.finditer(text):
        if _announced(text, match.start()):
            code = match.group(0).rstrip("-/")
            keys = _code_key(code)
            if keys:
                yield "reference", match.start(), match.start() + len(code), keys
    # A code that looks like one wherever it stands: "#A-4471", "INV-2024-118".
    for pattern in _CODES:
        for match in pattern.finditer(text):
            code = match.group(1).rstrip("-/")
            keys = _code_key(code)
            if keys:
                yield "reference", match.start(1), match.start(1) + len(code), keys


def _announced(text: str, start: int) -> bool:
    """A word announcing a code ends just before *start*: "order", "facture n°", "ref.:"."""
    i = start
    while i > 0 and text[i - 1] in " \t:#.\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "°º"):
        j -= 1
    return _fold(text[j:i]) in _REF_WORDS


def _day_month(match: re.Match[str]) -> tuple[str, ...]:  # 3 March, le 3 mars, the 3rd of May
    return _day_key(match[1], match[2], match[3])


def _words(text: str) -> Iterator[_Found]:
    """The facts written in words: months (with their day), weekdays, times, numbers."""
    for match in _WORD.finditer(text):
        word = match.group(0)
        folded = _fold(word)
        start, end = match.span()
        if folded in _MONTHS:
            tail = _MONTH_TAIL.match(text, end)
            if tail and tail[1] and (keys := _day_key(tail[1], folded, tail[2])):
                yield "date", start, _trim_stop(text, start, tail.end()), keys
            elif tail and tail[3]:
                yield "date", start, tail.end(), (f"m:{_MONTHS[folded]}{_year(tail[3])}",)
            elif folded in _MONTH_ALONE and (
                word[0].isupper() or folded not in _MONTH_ALONE_NEEDS_CAPITAL
            ):
                yield "date", start, end, (f"m:{_MONTHS[folded]}",)
        elif folded in _DAYS or (folded.endswith("s") and folded[:-1] in _DAYS):
            yield (
                "day",
                start,
                end,
                (f"wd:{_DAYS[folded.removesuffix('s') if folded not in _DAYS else folded]}",),
            )
        elif folded in _TIME_WORDS:
            yield "time", start, end, (_TIME_WORDS[folded],)
        elif folded in _NUMBER_WORDS:
            value = _NUMBER_WORDS[folded]
            tail = _NUMBER_TAIL.match(text, end)
            if tail and value >= 20 and _fold(tail[1]) in _UNITS:  # twenty-five, vingt-cinq
                value += _NUMBER_WORDS.get(_fold(tail[1]), 1)
                end = tail.end()
            yield "number", start, end, (f"n:{value}",)


def _trim_stop(text: str, start: int, end: int) -> int:
    return (
        end - 1
        if text[start:end].endswith(".") and re.search(r"\w{4,}\.$", text[start:end])
        else end
    )


def _digits(text: str) -> Iterator[_Found]:
    for match in _DIGITS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].strip() and re.match(
            r"[.)]\s", text[match.end() :]
        ):
            continue  # "1. " at the start of a line numbers a list
        value = number_value(match.group(1))
        if value is not None:
            percent = "%" if match.group(2) else ""
            yield "number", match.start(), match.end(), (f"n:{value}{percent}",)


_READERS: tuple[_Reader, ...] = (
    _each("email", _EMAIL, lambda m: ("email:" + _fold(m.group(0)),)),
    _links,
    _each("iban", _IBAN, lambda m: ("iban:" + m.group(0).replace(" ", ""),)),
    _addresses,
    _each("date", _ISO_DATE, lambda m: _iso_date(int(m[1]), int(m[2]), int(m[3]))),
    _each("date", _NUM_DATE, _numeric_date),
    _each("amount", _AMOUNT, _amount),
    _each("phone", _PHONE, _phone),
    _times,
    _references,
    _each("date", _DAY_MONTH, _day_month),
    _words,
    _digits,
)


def find_facts(text: str, names: Iterable[str] = ()) -> list[Fact]:
    """The facts in *text*, in order; *names* are people's names to watch for.

    Every word of *text* spelled like one of *names*, whatever its case, is
    that name (except words like "will" that are names only capitalised).
    """
    entities, taken = _entities(text)
    found = list(entities)
    free = _Taken(taken)
    for start, end, folded in name_spans(text, names):
        if free.take(start, end):
            found.append(Fact("name", text[start:end], start, end, ("name:" + folded,)))
    found.sort(key=lambda f: f.start)
    return found


@functools.lru_cache(maxsize=64)
def _entities(text: str) -> tuple[tuple[Fact, ...], tuple[tuple[int, int], ...]]:
    """Every fact but names, and the ranges they hold.

    Cached: while a suggestion streams, the review reads the same original
    at every batch of tokens (the names known grow meanwhile, so they are
    looked up apart).
    """
    taken = _Taken()
    found: list[Fact] = []
    for reader in _READERS:
        for kind, start, end, keys in reader(text):
            if taken.take(start, end):
                found.append(Fact(kind, text[start:end], start, end, keys))
    found.extend(_negations(text, taken))
    found.sort(key=lambda f: f.start)
    facts = tuple(_with_noun(f, text) if f.kind == "number" else f for f in found)
    return facts, taken.ranges()


class _Taken:
    """The ranges of the text already read as a fact, kept sorted (they never overlap)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(ranges):
            self._starts.append(start)
            self._ends.append(end)

    def take(self, start: int, end: int) -> bool:
        """Claim [start, end) when no fact holds any of it; False when one does."""
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return False
        if i < len(self._starts) and self._starts[i] < end:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True

    def ranges(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self._starts, self._ends, strict=True))


def _negations(text: str, taken: _Taken) -> Iterator[Fact]:
    """Words that reverse a sentence; all share one key, so only their count matters."""
    spans: list[tuple[int, int]] = []
    for match in _NT.finditer(text):  # can't, won't, doesn't: the whole word
        start = match.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        spans.append((start, match.end()))
    # French: "ne … pas" is one negation, from "ne" to its second word when
    # one follows within a few words, so a change to either half is that fact's.
    halves: set[int] = set()
    for match in _NE.finditer(text):
        end = match.end()
        window = text[end : end + 60]
        second = _NE_END.search(window)
        if second and len(window[: second.start()].split()) <= 4:
            halves.add(end + second.start())
            end += second.end()
        spans.append((match.start(), end))
    for match in _WORD.finditer(text):
        folded = _fold(match.group(0))
        if folded in _NEGATION_WORDS and not re.match(r"\.?\s?\d", text[match.end() :]):
            spans.append(match.span())  # (but "no. 5" is a number)
        elif folded in _BARE_NEGATIONS and match.start() not in halves:
            spans.append(match.span())  # "pas" without its "ne" still negates
    for start, end in sorted(spans):
        if taken.take(start, end):
            yield Fact("negation", text[start:end], start, end, ("neg",))


def _with_noun(fact: Fact, text: str) -> Fact:
    """A number shown with the word it counts ("13 employees"), for sentences."""
    after = re.match(r"\s([^\W\d_][\w'’-]*)", text[fact.end :])
    if after is None or _fold(after.group(1)) in _FUNCTION:
        return fact
    return Fact(fact.kind, fact.text, fact.start, fact.end, fact.keys, fact.text + after.group(0))


def is_length_instruction(fact: Fact, text: str) -> bool:
    """A number that sets the answer's length ("in 3 sentences"), not a fact of the email."""
    return fact.kind == "number" and _LENGTH_WORDS.match(text, fact.end) is not None
