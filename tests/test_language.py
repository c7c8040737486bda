"""The shared language tables (extractor.language, data/language.json) and the user
lexicon (--lexicon). Like dateparser's language-data tests: the data files are checked
for shape and agreement with one another, so an edit that breaks one fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor import language
from extractor.charts import TYPE_COLOURS
from extractor.cli import cli
from extractor.claims import claims_from_text
from extractor.language import (
    EVENT_TYPES,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TITLE_WORDS,
    TITLES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YEARS,
    LexiconError,
    UserLexicon,
    active_lexicon,
    load_lexicon,
    singular,
    using_lexicon,
)
from extractor.language.lexicon import known_currencies
from extractor.pipeline import cache_key
from extractor.tables import read_table

DATA = Path(language.__file__).resolve().parent.parent / "data"
EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "lexicon-example.yaml"
ISO_CODE = re.compile(r"[A-Z]{3}")


def _data(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# -- the data files ---------------------------------------------------------------

def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _value in pairs]
    duplicated = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicated, f"duplicate keys {duplicated}"
    return dict(pairs)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_data_files_parse_without_duplicate_keys(path: Path) -> None:
    json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)


WORD_TABLES = {"months": MONTHS, "weekdays": WEEKDAYS, "weekday_abbreviations": WEEKDAY_ABBREVIATIONS,
               "number_words": NUMBER_WORDS, "ordinal_words": ORDINAL_WORDS, "scale_words": SCALE_WORDS}


@pytest.mark.parametrize("name", sorted(WORD_TABLES) + ["title_words"])
def test_keys_are_lower_case(name: str) -> None:
    words = WORD_TABLES.get(name, TITLE_WORDS)
    assert [w for w in words if w != w.lower() or w != w.strip() or not w] == []


def test_no_word_is_in_two_tables() -> None:
    seen: dict[str, str] = {}
    for name, table in WORD_TABLES.items():
        for word in table:
            assert word not in seen, f"{word!r} is in {seen.get(word)} and {name}"
            seen[word] = name


def test_months_cover_the_year_and_abbreviate_their_names() -> None:
    full = {number: word for word, number in MONTHS.items() if len(word) > 4 or word in ("may", "june", "july")}
    assert sorted(full) == list(range(1, 13))
    assert all(full[number].startswith(word) for word, number in MONTHS.items())


def test_weekdays_cover_the_week_and_abbreviate_their_names() -> None:
    assert sorted(WEEKDAYS.values()) == list(range(1, 8))
    names = {number: word for word, number in WEEKDAYS.items()}
    assert all(names[number].startswith(word) for word, number in WEEKDAY_ABBREVIATIONS.items())


def test_numbers_in_range() -> None:
    assert set(NUMBER_WORDS.values()) <= set(range(0, 20)) | set(range(20, 100, 10))
    assert sorted({n for n in ORDINAL_WORDS.values() if n <= 31}) == list(range(1, 32))  # every day of a month
    assert all(value == 12 or str(value).rstrip("0") == "1" for value in SCALE_WORDS.values())
    assert {"thousand", "million", "billion"} <= set(SCALE_WORDS)


def test_scale_words_agree_with_the_unit_table() -> None:
    """A scale word after digits ("3 million") is one after a number word ("three
    million"), with the same value ("hundred" and "dozen" follow number words only)."""
    scales = _data("units.json")["scales"]
    assert {w: float(v) for w, v in SCALE_WORDS.items() if w not in ("hundred", "dozen")} \
        == {w: scales[w] for w in SCALE_WORDS if w in scales}


@pytest.mark.parametrize("text, value", [
    ("The state spent two crore rupees on the program.", 20_000_000),
    ("They seized two lakh tablets.", 200_000),
    ("Police seized three dozen rifles.", 36),
])
def test_spelled_scale_words(text: str, value: float) -> None:
    assert [c.value for c in claims_from_text(text, country="india")] == [value]


def test_year_ranges_nest() -> None:
    assert YEARS["numeric"].start in YEARS["bare"] and YEARS["numeric"][-1] in YEARS["bare"]
    assert YEARS["bare"].start in YEARS["calendar"] and YEARS["bare"][-1] in YEARS["calendar"]
    assert 2008 in YEARS["cables"] and 1850 not in YEARS["numeric"]


def test_titles_are_listed_once() -> None:
    assert len(TITLES) == len(set(TITLES))
    assert len(_data("language.json")["title_words"]) == len(TITLE_WORDS)


def test_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        MONTHS["jan"] = 2  # type: ignore[index]


def test_stage_files_do_not_redefine_the_language_tables() -> None:
    shared = {"months", "weekdays", "number_words", "ordinal_words", "multiplier_words", "scale_words", "titles",
              "title_words"}
    for name in ("claims.json", "timex.json", "events.json", "units.json"):
        assert shared.isdisjoint(_data(name)), name


def test_the_time_grammar_reads_words_of_the_shared_tables() -> None:
    timex = _data("timex.json")
    assert set(timex["weekday_abbreviations"]) <= set(WEEKDAY_ABBREVIATIONS)
    assert set(timex["ambiguous_months"]) <= set(MONTHS)
    assert set(timex["quantity_phrases"]).isdisjoint(NUMBER_WORDS)


def test_every_event_type_has_triggers() -> None:
    events = _data("events.json")
    for kind in EVENT_TYPES:
        entry = events["triggers"][kind]
        assert entry.get("verbs") or entry.get("nouns"), kind
    for section in ("sense_exclusions", "candidate_triggers"):
        assert {k for k in events[section] if not k.startswith("_")} <= set(EVENT_TYPES), section


def test_every_event_type_has_a_colour_and_a_description() -> None:
    assert len(TYPE_COLOURS) >= len(EVENT_TYPES)
    description = _data("site.json")["tables"]["events"]["columns"]["type"][1]
    assert all(kind in description for kind in EVENT_TYPES)


def test_every_currency_alias_maps_to_a_known_code() -> None:
    units = _data("units.json")
    locals_ = set(units["local_currency_default"])
    for table in ("currency_prefixes", "currency_words"):
        for alias, code in units[table].items():
            ok = ISO_CODE.fullmatch(code) or code.startswith("LOCAL:") and code[6:] in locals_
            assert ok, f"{table}: {alias!r} -> {code!r}"
    assert all(ISO_CODE.fullmatch(code) for code in known_currencies())
    assert set(units["currency_families"]) <= locals_


# -- singular ---------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("police", "police"),  # was "policie"
    ("news", "news"),  # was "new"
    ("cases", "case"),
    ("SIAs", "SIA"),
    ("pesos", "peso"),
    ("policies", "policy"),
    ("boxes", "box"),
    ("Americans", "American"),
    ("US", "US"),  # inflect reads "us" as a pronoun: "ME"
    ("glass", "glass"),
    ("crisis", "crisis"),
    ("gas", "gas"),
    ("men", "man"),
    ("", ""),
])
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


# -- the user lexicon ---------------------------------------------------------------

CABLE = """UNCLAS TEGUCIGALPA 000001

SUBJECT: PROTESTS IN TEGUCIGALPA

1. On March 3, 2010, some 2,000 teachers marched to the Presidential Palace in Tegucigalpa to demand back pay.

2. Farmers lost 5,000 quintales of coffee and the government owes Lps 40 million. A donor gave 300 quid.
"""


@pytest.fixture()
def cables(tmp_path: Path) -> Path:
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / "10TEGUCIGALPA1.txt").write_text(CABLE, encoding="utf-8")
    return folder


def test_the_example_lexicon_loads() -> None:
    lexicon = load_lexicon(EXAMPLE)
    assert "protest" in lexicon.event_types() and lexicon.event_types()[:len(EVENT_TYPES)] == EVENT_TYPES
    assert ("quid", "GBP") in lexicon.currency_words
    assert lexicon.digest and UserLexicon().digest == ""


def test_a_month_name_trigger_keeps_the_trigger_index() -> None:
    """"march" is matched in lower case by a check behind it, so the lexicon still
    indexes it by its first letters (a form without them is tried at every word)."""
    from extractor.events_lexicon import lexicon

    with using_lexicon(load_lexicon(EXAMPLE)):
        assert lexicon().trigger_starts is not None
        assert lexicon().triggers_anywhere == ()


def test_a_user_currency_alias_gives_that_currency() -> None:
    with using_lexicon(load_lexicon(EXAMPLE)):
        found = [(c.unit, c.value) for c in claims_from_text("A donor gave 300 quid and Lps 40 million.")]
    assert found == [("GBP", 300), ("HNL", 40_000_000)]
    assert active_lexicon() == UserLexicon()  # the block restored the built-in tables
    assert [c.unit for c in claims_from_text("A donor gave 300 quid.")] != ["GBP"]


def test_extract_with_a_lexicon_in_two_workers(tmp_path: Path, cables: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(cables), "--out", str(out), "--no-cache", "--jobs", "2",
                                      "--lexicon", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    events = read_table(out / "events.csv")
    assert [(e["type"], e["trigger"]) for e in events] == [("protest", "marched")]  # not "March 3"
    claims = {(c["unit"], c["dimension"], c["text"]) for c in read_table(out / "claims.csv")}
    assert {("quintal", "mass", "5,000 quintales"), ("HNL", "currency", "Lps 40 million"),
            ("GBP", "currency", "300 quid")} <= claims
    assert active_lexicon() == UserLexicon()


def test_a_json_lexicon_adds_triggers_to_a_built_in_type(tmp_path: Path, cables: Path) -> None:
    words = tmp_path / "words.json"
    words.write_text(json.dumps({"events": {"operation": {"verbs": ["marched"]}}}), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(cables), "-o", str(out), "--no-cache", "--lexicon", str(words)])
    assert result.exit_code == 0, result.output
    assert [e["type"] for e in read_table(out / "events.csv")] == ["operation"]


def test_the_lexicon_is_part_of_the_cache_key(tmp_path: Path, cables: Path) -> None:
    cable = next(cables.iterdir())
    with using_lexicon(load_lexicon(EXAMPLE)):
        with_lexicon = cache_key(cable, cables)
    assert with_lexicon != cache_key(cable, cables)
    cache, out = tmp_path / "cache", tmp_path / "out"
    run = ["extract", str(cables), "-o", str(out), "--cache", str(cache)]
    assert CliRunner().invoke(cli, [*run, "--lexicon", str(EXAMPLE)]).exit_code == 0
    again = CliRunner().invoke(cli, run)
    assert "(0 cached)" in again.output  # the entry extracted with the lexicon is not reused
    assert read_table(out / "events.csv") == []


BAD = [
    ("verbs.yaml", "events:\n  protest:\n    verbs: 3\n", "events.protest.verbs: expected a list of words"),
    ("type.yaml", "events:\n  Protest Marches: {nouns: [march]}\n", "events.Protest Marches: expected an event type"),
    ("empty-type.yaml", "events:\n  protest: {}\n", "events.protest: expected at least one verb or noun"),
    ("pos.yaml", "events:\n  protest: {adjectives: [angry]}\n", "events.protest.adjectives: expected one of the keys"),
    ("code.yaml", "currencies:\n  words: {quid: GPB}\n", "currencies.words.quid: expected an ISO 4217 code"),
    ("kind.yaml", "currencies:\n  after: {quid: GBP}\n", "currencies.after: expected one of the keys words, symbols"),
    ("dimension.yaml", "units:\n  kg: {dimension: length, surfaces: [kilo]}\n", "units.kg.dimension: expected 'mass'"),
    ("new-unit.yaml", "units:\n  arroba: {surfaces: [arrobas]}\n", "units.arroba.dimension: expected one of area"),
    ("surfaces.yaml", "units:\n  quintal: {dimension: mass}\n", "units.quintal.surfaces: expected a list"),
    ("section.yaml", "event:\n  protest: {nouns: [march]}\n", "event: expected one of the keys events, units"),
    ("empty.yaml", "", "top level: expected a mapping"),
    ("broken.yaml", "events: [", "not valid YAML"),
    ("broken.json", '{"events": ', "not valid JSON"),
    ("words.txt", "events: {}", "expected a .yaml, .yml or .json file"),
]


@pytest.mark.parametrize("name, text, message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_lexicon_is_a_clear_error(tmp_path: Path, cables: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon(path)
    result = CliRunner().invoke(cli, ["extract", str(cables), "-o", str(tmp_path / "o"), "--lexicon", str(path)])
    assert result.exit_code == 2
    assert "Invalid value for '--lexicon'" in result.output and f"{path}: " in result.output and message in result.output
