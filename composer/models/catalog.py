"""The curated model list (resources/catalog.json) and what fits this machine.

Each entry carries the shape of its model (layers, context, heads) so the
hardware planner can judge the fit before a single byte is downloaded, and
how open the model is (code, data, weights, documentation), with the source
of those ratings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from composer.messages import Number, UserFacingError, UserMessage, user_message

if TYPE_CHECKING:
    from composer.hardware.plan import ModelFacts
    from composer.hardware.probe import Probe
    from composer.hardware.speed import SpeedBasis

GIB = 1024**3
# On the CPU, writing speed falls with model size (every token reads all
# weights): above this the wait for a draft is no longer pleasant.
CPU_COMFORT_BYTES = 3_000_000_000

FIT_LABELS = {
    "gpu": "Fits on the GPU",
    "partial": "Partly on the GPU, slower",
    "cpu": "Fits on the CPU, slower",
    "none": "Does not fit",
}


class CatalogError(UserFacingError):
    """The catalog file is unreadable; its message is a sentence for the user."""


Rating = Literal["open", "partial", "closed"]
RATINGS: tuple[Rating, ...] = ("open", "partial", "closed")

# The rated dimensions, in the order they are shown, with their English labels
# (the GUI has its own translated labels for the same attribute names).
OPENNESS_FIELDS: tuple[tuple[str, str], ...] = (
    ("code", "Code"),
    ("training_data", "Training data"),
    ("weights", "Weights"),
    ("instruction_data", "Instruction-tuning data"),
    ("licence", "Licence"),
    ("paper", "Paper"),
    ("model_card", "Model card"),
)
# What "fully open" needs: the weights, and what it takes to rebuild them.
FULLY_OPEN_FIELDS = ("weights", "training_data", "code", "instruction_data")


@dataclass(frozen=True)
class Openness:
    """How open a model is: each dimension "open", "partial" or "closed".

    The terms are those of the openness tracker of instruction-tuned LLMs
    (Liesenfeld & Dingemanse, opening-up-chatgpt.github.io). ``weights`` are
    the instruction-tuned weights one downloads; ``paper`` is the better of a
    preprint and a peer-reviewed paper. ``source_name`` and
    ``source_url`` say where the ratings come from (the tracker, or the
    model's own release notes); ``note`` how they were carried over, if at all.
    """

    code: Rating
    training_data: Rating
    weights: Rating
    instruction_data: Rating
    licence: Rating
    paper: Rating
    model_card: Rating
    source_name: str
    source_url: str
    note: str = ""

    def __post_init__(self) -> None:
        for name, _label in OPENNESS_FIELDS:
            if getattr(self, name) not in RATINGS:
                raise ValueError(f"openness {name} must be one of {', '.join(RATINGS)}")
        if not self.source_name or not self.source_url.startswith("https://"):
            raise ValueError("openness needs a source name and an https:// source URL")

    def ratings(self) -> list[tuple[str, Rating]]:
        """(attribute name, rating) for every dimension, in display order."""
        return [(name, cast(Rating, getattr(self, name))) for name, _label in OPENNESS_FIELDS]

    def count(self, rating: Rating) -> int:
        return sum(1 for _name, value in self.ratings() if value == rating)

    @property
    def fully_open(self) -> bool:
        """Weights, training data, training code and instruction data all open."""
        return all(getattr(self, name) == "open" for name in FULLY_OPEN_FIELDS)

    def summary(self) -> UserMessage:
        """A short line, e.g. "Open: 7 of 7 (fully open)" or "Open: 2 of 7, partial: 3"."""
        text = user_message("Catalog", "Open: %1 of %2").arg(
            self.count("open"), len(OPENNESS_FIELDS)
        )
        if self.fully_open:
            return user_message("Catalog", "%1 (fully open)").arg(text)
        partial = self.count("partial")
        return user_message("Catalog", "%1, partial: %2").arg(text, partial) if partial else text

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Openness:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in dict(raw).items() if k in known})


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    repo: str
    file: str
    size: int  # approximate; the Hub gives the exact size at download time
    quant: str
    params: str
    licence: str
    licence_url: str
    languages: tuple[str, ...]
    min_ram_gb: float
    quality: int  # higher writes better; used to pick the recommendation
    summary: str
    # Header facts (n_layers, n_ctx_train, n_embd, n_head, n_head_kv, key_length,
    # value_length) so the planner can judge the fit before downloading.
    shape: dict[str, int] = field(default_factory=dict, hash=False)
    # How open the model is, with the source of the ratings; None if not rated.
    openness: Openness | None = None

    @property
    def basename(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    def facts(self) -> ModelFacts:
        from composer.hardware.plan import ModelFacts

        return ModelFacts(file_size=self.size, **self.shape)


# Names of the languages a user can choose for the interface or the answers
# (composer.assist.language), in a sentence: "does not write %1".
LANGUAGE_NAMES: dict[str, UserMessage] = {
    "en": user_message("Catalog", "English"),
    "fr": user_message("Catalog", "French"),
    "de": user_message("Catalog", "German"),
    "es": user_message("Catalog", "Spanish"),
    "it": user_message("Catalog", "Italian"),
    "pt": user_message("Catalog", "Portuguese"),
    "nl": user_message("Catalog", "Dutch"),
}


def language_code(name: str) -> str:
    """The base language of a locale name: "fr_CA", "fr-CA", "FR" -> "fr"; "C", "" -> ""."""
    code = name.strip().replace("-", "_").split("_")[0].lower()
    return "" if code in ("c", "posix") else code


def wanted_languages(*names: str) -> tuple[str, ...]:
    """The distinct language codes of *names* (the interface's, the answers'), in order."""
    codes = [language_code(name) for name in names]
    return tuple(dict.fromkeys(code for code in codes if code))


@dataclass(frozen=True)
class Verdict:
    entry: CatalogEntry
    fit: str  # "gpu" | "partial" | "cpu" | "none"
    reason: UserMessage
    recommended: bool = False
    # Estimated writing speed here (composer.hardware.speed); None = unknown.
    tokens_per_s: float | None = None
    # Wanted languages (interface, answers) this model does not write: never recommended.
    missing_languages: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return FIT_LABELS.get(self.fit, self.fit)

    @property
    def language_reason(self) -> UserMessage | None:
        """Why the languages rule this model out ("writes English only"); None when they do not."""
        if not self.missing_languages:
            return None
        if self.entry.languages == ("en",):
            return user_message("Catalog", "writes English only")
        code = self.missing_languages[0]
        return user_message("Catalog", "does not write %1").arg(LANGUAGE_NAMES.get(code, code))


def default_catalog_path() -> Path:
    try:
        from importlib.resources import files

        resource = files("composer.resources").joinpath("catalog.json")
        if resource.is_file():
            return Path(str(resource))
    except (ModuleNotFoundError, TypeError):
        pass
    # A source checkout that is not installed: resources/ beside composer/.
    return Path(__file__).resolve().parents[2] / "resources" / "catalog.json"


def load_catalog(path: Path | None = None) -> list[CatalogEntry]:
    path = path or default_catalog_path()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [_entry(raw) for raw in data["models"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CatalogError(
            user_message("Catalog", "The model catalog %1 cannot be read (%2).").arg(path, exc)
        ) from None


def _entry(raw: dict[str, Any]) -> CatalogEntry:
    values = dict(raw)
    values["languages"] = tuple(values.get("languages", ()))
    values["shape"] = {k: int(v) for k, v in dict(values.get("shape") or {}).items()}
    raw_openness = values.get("openness")
    values["openness"] = Openness.from_dict(raw_openness) if raw_openness else None
    known = CatalogEntry.__dataclass_fields__
    return CatalogEntry(**{k: v for k, v in values.items() if k in known})


def find_entry(entries: Iterable[CatalogEntry], key: str) -> CatalogEntry | None:
    """By id, or by repo + file name (how the CLI names things)."""
    for entry in entries:
        if key in (entry.id, entry.basename, f"{entry.repo}/{entry.file}"):
            return entry
    return None


def writes(entry: CatalogEntry, languages: Iterable[str]) -> bool:
    """Whether *entry* writes every one of *languages* (codes such as "fr")."""
    return all(code in entry.languages for code in languages)


def assess(
    entries: Iterable[CatalogEntry],
    probe: Probe,
    basis: SpeedBasis | None = None,
    languages: Iterable[str] = (),
) -> list[Verdict]:
    """A fit verdict for every entry on this machine, one of them recommended.

    With a speed *basis* each verdict carries its estimated writing speed,
    and the recommendation avoids models that would write too slowly.
    *languages*: codes the model must write (wanted_languages of the
    interface's and the answers' languages); a model that does not write
    one of them is never recommended, and its verdict says so.
    """
    wanted = wanted_languages(*languages)
    from composer.hardware.plan import gb, make_plan
    from composer.hardware.speed import estimate

    verdicts = []
    for entry in entries:
        plan = make_plan(probe, entry.facts())
        speed = estimate(plan, entry.size, basis) if basis is not None else None
        fit, reason = plan.fit, plan.reason
        if fit != "none" and probe.ram_total and probe.ram_total < entry.min_ram_gb * GIB * 0.95:
            fit = "none"
            reason = user_message(
                "Catalog", "needs at least %1 GB of memory; this computer has %2 GB"
            ).arg(
                Number(entry.min_ram_gb, 0 if float(entry.min_ram_gb).is_integer() else 1),
                gb(probe.ram_total),
            )
        missing = tuple(code for code in wanted if code not in entry.languages)
        verdicts.append(
            Verdict(
                entry,
                fit,
                reason,
                tokens_per_s=speed if fit != "none" else None,
                missing_languages=missing,
            )
        )
    best = recommend(verdicts, wanted)
    return [replace(v, recommended=v is best) for v in verdicts]


def recommend(verdicts: list[Verdict], languages: Iterable[str] = ()) -> Verdict | None:
    """The best writer that runs well here, among those that write every one of *languages*.

    Whole-model-on-GPU first (the best quality among those); otherwise the
    best one small enough to be pleasant on the CPU; otherwise the smallest
    that fits at all. Between equally good writers a fully open one wins,
    then the smaller. A model estimated to write slower than
    USEFUL_TOKENS_PER_S is left out while a smaller one fits. A model that
    does not write the interface's or the answers' language is never the
    recommendation: None when no model that fits writes them.
    """
    from composer.hardware.speed import USEFUL_TOKENS_PER_S

    def fully_open(verdict: Verdict) -> bool:
        return verdict.entry.openness is not None and verdict.entry.openness.fully_open

    def best(candidates: list[Verdict]) -> Verdict | None:
        return max(
            candidates,
            key=lambda v: (v.entry.quality, fully_open(v), -v.entry.size),
            default=None,
        )

    wanted = wanted_languages(*languages)
    fitting = [v for v in verdicts if v.fit != "none" and writes(v.entry, wanted)]
    useful = [v for v in fitting if v.tokens_per_s is None or v.tokens_per_s >= USEFUL_TOKENS_PER_S]
    if not useful:  # all too slow: the smallest is the least slow
        return min(fitting, key=lambda v: v.entry.size, default=None)
    verdicts = useful
    on_gpu = [v for v in verdicts if v.fit == "gpu"]
    if on_gpu:
        return best(on_gpu)
    runnable = [v for v in verdicts if v.fit in ("partial", "cpu")]
    comfortable = [v for v in runnable if v.entry.size <= CPU_COMFORT_BYTES]
    if comfortable:
        return best(comfortable)
    return min(runnable, key=lambda v: v.entry.size, default=None)
