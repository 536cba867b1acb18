"""The curated catalog and its fit verdicts from the hardware planner.

Probes are the recorded ones in tests/fixtures/probes (each names its source)
plus a live probe of this machine.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from composer.hardware.probe import Probe
from composer.models.catalog import (
    FIT_LABELS,
    OPENNESS_FIELDS,
    RATINGS,
    CatalogError,
    Openness,
    Verdict,
    assess,
    default_catalog_path,
    find_entry,
    load_catalog,
    recommend,
    wanted_languages,
)
from composer.models.catalog_texts import TEXTS, catalog_text

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
GB = 1_000_000_000


def _probe(name: str) -> Probe:
    return Probe.from_dict(json.loads((PROBES / name).read_text()))


def test_catalog_covers_three_sizes_with_complete_entries():
    entries = load_catalog()
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.repo.count("/") == 1 and entry.file.endswith(".gguf")
        assert entry.licence and entry.licence_url.startswith("https://")
        assert entry.languages and "en" in entry.languages
        assert entry.min_ram_gb * GB > entry.size
        facts = entry.facts()
        assert facts.n_layers and facts.n_ctx_train and facts.n_head_kv and facts.n_embd
    sizes = [e.size for e in entries]
    for target in (1.0, 2.5, 4.5):  # the bands: about 1, 2.5 and 4.5 GB
        assert any(abs(size / GB - target) <= 0.4 for size in sizes), target


def test_find_entry_by_id_or_file():
    entries = load_catalog()
    first = entries[0]
    assert find_entry(entries, first.id) is first
    assert find_entry(entries, first.basename) is first
    assert find_entry(entries, "no-such-model") is None


def test_broken_catalog_is_a_clear_error(tmp_path):
    bad = tmp_path / "catalog.json"
    bad.write_text("{not json")
    with pytest.raises(CatalogError, match="cannot be read"):
        load_catalog(bad)


@pytest.mark.parametrize("probe_file", sorted(p.name for p in PROBES.glob("*.json")))
def test_every_recorded_machine_gets_verdicts_and_at_most_one_recommendation(probe_file):
    verdicts = assess(load_catalog(), _probe(probe_file))
    assert all(v.fit in FIT_LABELS and v.reason for v in verdicts)
    recommended = [v for v in verdicts if v.recommended]
    if any(v.fit != "none" for v in verdicts):
        assert len(recommended) == 1 and recommended[0].fit != "none"


def test_gpu_machine_recommends_the_best_model_on_the_gpu():
    verdicts = assess(load_catalog(), _probe("linux_nvidia_cuda_two_gpus.json"))
    best = next(v for v in verdicts if v.recommended)
    assert best.fit == "gpu"
    assert best.entry.quality == max(v.entry.quality for v in verdicts if v.fit == "gpu")


def test_cpu_only_machine_recommends_a_model_pleasant_on_the_cpu():
    verdicts = assess(load_catalog(), _probe("this_machine_cpu_build.json"))
    assert {v.fit for v in verdicts} == {"cpu"}
    best = next(v for v in verdicts if v.recommended)
    assert best.entry.size <= 3 * GB
    assert "CPU" in str(best.reason)


def test_too_little_memory_says_does_not_fit():
    probe = _probe("this_machine_cpu_build.json")
    probe.ram_total = probe.ram_available = 3 * 1024**3
    verdicts = assess(load_catalog(), probe)
    big = [v for v in verdicts if v.entry.min_ram_gb > 3]
    assert big and all(v.fit == "none" and "memory" in str(v.reason) for v in big)
    assert all(not v.recommended for v in big)


def test_recommend_prefers_gpu_then_comfortable_cpu():
    entries = load_catalog()
    small, large = min(entries, key=lambda e: e.size), max(entries, key=lambda e: e.size)
    assert recommend([Verdict(small, "cpu", "x"), Verdict(large, "gpu", "x")]).entry is large
    assert recommend([Verdict(small, "cpu", "x"), Verdict(large, "cpu", "x")]).entry is small
    assert recommend([Verdict(small, "none", "x")]) is None


@pytest.mark.slow
def test_this_machine_live_probe_gives_verdicts():
    from composer.hardware.probe import probe

    verdicts = assess(load_catalog(), probe(use_cache=False))
    assert len(verdicts) == len(load_catalog())
    assert sum(v.recommended for v in verdicts) <= 1
    assert all(v.label for v in verdicts)


def test_every_entry_says_how_open_it_is_and_where_that_comes_from():
    entries = load_catalog()
    for entry in entries:
        openness = entry.openness
        assert openness is not None, entry.id
        assert all(value in RATINGS for _name, value in openness.ratings())
        assert [name for name, _ in openness.ratings()] == [name for name, _ in OPENNESS_FIELDS]
        assert openness.source_name and openness.source_url.startswith("https://")
    fully_open = [e for e in entries if e.openness and e.openness.fully_open]
    # The issue: at least one fully open instruct model (weights, data, code all public).
    assert {e.id for e in fully_open} >= {"olmo-2-1b-instruct", "smollm2-1.7b-instruct"}
    assert all("instruct" in e.file.lower() for e in fully_open)


def test_openness_summary_and_fully_open():
    rated = dict.fromkeys(name for name, _ in OPENNESS_FIELDS)
    source = {"source_name": "release notes", "source_url": "https://example.org/notes"}
    everything = Openness(**dict.fromkeys(rated, "open"), **source)  # type: ignore[arg-type]
    assert everything.fully_open and str(everything.summary()) == "Open: 7 of 7 (fully open)"
    # Fully open needs weights, data, code and instruction data; a closed paper does not matter.
    no_paper = replace(everything, paper="closed")
    assert no_paper.fully_open and str(no_paper.summary()) == "Open: 6 of 7 (fully open)"
    weights_only = replace(everything, code="partial", training_data="closed")
    assert not weights_only.fully_open
    assert str(weights_only.summary()) == "Open: 5 of 7, partial: 1"
    assert weights_only.count("closed") == 1


def test_a_bad_openness_rating_or_source_is_a_clear_error(tmp_path):
    raw = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    raw["models"][0]["openness"]["weights"] = "mostly"
    bad = tmp_path / "catalog.json"
    bad.write_text(json.dumps(raw))
    with pytest.raises(CatalogError, match="weights must be one of open, partial, closed"):
        load_catalog(bad)
    raw["models"][0]["openness"]["weights"] = "open"
    raw["models"][0]["openness"]["source_url"] = "http://example.org"
    bad.write_text(json.dumps(raw))
    with pytest.raises(CatalogError, match="source"):
        load_catalog(bad)


def test_an_entry_without_openness_still_loads(tmp_path):
    raw = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    del raw["models"][0]["openness"]
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(raw))
    assert load_catalog(path)[0].openness is None


def test_between_equal_writers_the_fully_open_one_is_recommended():
    entries = load_catalog()
    open_one = next(e for e in entries if e.openness and e.openness.fully_open)
    closed_one = next(e for e in entries if e.openness and not e.openness.fully_open)
    same = replace(closed_one, quality=open_one.quality, size=open_one.size - 1)
    verdicts = [Verdict(same, "cpu", "x"), Verdict(open_one, "cpu", "x")]
    assert recommend(verdicts).entry is open_one
    better = replace(same, quality=open_one.quality + 1)
    assert recommend([Verdict(better, "cpu", "x"), Verdict(open_one, "cpu", "x")]).entry is better


def test_every_catalog_sentence_is_marked_for_translation():
    """Summaries, openness sources and notes reach French screens through catalog_texts."""
    marked = {message.text for message in TEXTS}
    assert all(message.context == "Catalog" for message in TEXTS)
    for entry in load_catalog():
        shown = [entry.summary]
        if entry.openness is not None:
            shown += [entry.openness.source_name, entry.openness.note]
        missing = [text for text in shown if text and text not in marked]
        assert missing == [], f"{entry.id}: add these to composer/models/catalog_texts.py"
    assert catalog_text(load_catalog()[0].summary) in TEXTS


# ---- languages: the recommendation writes the interface's and the user's language ----

# From the model cards: OLMo 2 and SmolLM2 are trained for English; Gemma 3,
# Qwen2.5 and Llama 3.2 name French among the languages they support.
ENGLISH_ONLY = {"olmo-2-1b-instruct", "olmo-2-7b-instruct", "smollm2-1.7b-instruct"}
WRITES_FRENCH = {"gemma-3-4b-it", "qwen2.5-1.5b-instruct", "qwen2.5-7b-instruct"}
WRITES_FRENCH |= {"llama-3.2-3b-instruct", "phi-3.5-mini-instruct", "mistral-7b-instruct-v0.3"}


def test_the_catalog_says_which_languages_each_model_writes():
    entries = {e.id: e for e in load_catalog()}
    assert {i for i, e in entries.items() if e.languages == ("en",)} == ENGLISH_ONLY
    assert all("fr" in entries[i].languages for i in WRITES_FRENCH)
    assert "nl" not in entries["llama-3.2-3b-instruct"].languages  # not among its eight


def test_wanted_languages_are_base_codes_without_repeats():
    assert wanted_languages("fr_CA", "", "fr", "nl-BE") == ("fr", "nl")
    assert wanted_languages("C", "en_US") == ("en",)
    assert wanted_languages() == ()


def _basis(bytes_per_s: float):
    from composer.hardware.speed import SpeedBasis

    return SpeedBasis(cpu_bytes_per_s=bytes_per_s, gpu={}, source="measured")


# From "every model writes below one word per second" (the busy run:
# the smallest that fits is then recommended) to a fast machine.
RATES = [100e6, 2e9, 5e9, 9.7e9, 50e9]


@pytest.mark.parametrize("probe_file", sorted(p.name for p in PROBES.glob("*.json")))
@pytest.mark.parametrize("rate", RATES)
def test_a_french_interface_never_gets_an_english_only_recommendation(probe_file, rate):
    verdicts = assess(load_catalog(), _probe(probe_file), _basis(rate), ["fr"])
    best = next((v for v in verdicts if v.recommended), None)
    assert best is None or "fr" in best.entry.languages
    if best is None:  # only when nothing that writes French fits
        assert not any(v.fit != "none" and "fr" in v.entry.languages for v in verdicts)
    for verdict in verdicts:
        if verdict.entry.id in ENGLISH_ONLY:
            assert verdict.missing_languages == ("fr",)
            assert str(verdict.language_reason) == "writes English only"
        else:
            assert verdict.language_reason is None


def test_all_too_slow_in_french_picks_the_smallest_french_writer_not_olmo():
    """The issue's case: every model under one word per second in the French interface."""
    verdicts = assess(load_catalog(), _probe("this_machine_cpu_build.json"), _basis(100e6))
    assert next(v for v in verdicts if v.recommended).entry.id == "olmo-2-1b-instruct"
    french = assess(load_catalog(), _probe("this_machine_cpu_build.json"), _basis(100e6), ["fr"])
    assert next(v for v in french if v.recommended).entry.id == "qwen2.5-1.5b-instruct"


def test_the_answer_language_counts_too_and_the_verdict_names_what_is_missing():
    probe = _probe("this_machine_cpu_build.json")
    verdicts = assess(load_catalog(), probe, _basis(9.7e9), wanted_languages("fr", "nl"))
    best = next(v for v in verdicts if v.recommended)
    assert {"fr", "nl"} <= set(best.entry.languages)
    llama = next(v for v in verdicts if v.entry.id == "llama-3.2-3b-instruct")
    assert llama.missing_languages == ("nl",) and not llama.recommended
    assert str(llama.language_reason) == "does not write Dutch"
    unknown = Verdict(llama.entry, "cpu", "x", missing_languages=("tlh",))
    assert str(unknown.language_reason) == "does not write tlh"


def test_no_recommendation_when_no_model_that_fits_writes_the_languages():
    entries = load_catalog()
    english = [Verdict(e, "cpu", "x") for e in entries if e.languages == ("en",)]
    assert recommend(english, ["fr"]) is None
    assert recommend(english, ["en"]) is not None
    assert recommend(english) is not None  # no language asked: as before
    verdicts = assess(entries, _probe("this_machine_cpu_build.json"), _basis(9.7e9), ["tlh"])
    assert not any(v.recommended for v in verdicts)
