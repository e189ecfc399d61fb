"""Tests of the places reference table (unkg/data/places.tsv): capitals, UN duty stations,
venues."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "unkg" / "data"
TABLE = DATA / "places.tsv"
STATES = DATA / "states.tsv"

COLUMNS = [
    "id",
    "kind",
    "name_en",
    "name_ar",
    "variants_en",
    "variants_ar",
    "iso3",
    "name_fr",
    "variants_fr",
    "name_es",
    "variants_es",
]
KINDS = {"capital", "un-duty-station", "city"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
TATWEEL = "\u0640"
# harakat, tanwin, shadda, sukun, superscript alef
DIACRITICS = re.compile(r"[\u064B-\u0652\u0670]")

# States for which the table deliberately has no capital row (documented in the table's comments):
# the UN names no capital for either while the status of Jerusalem is unresolved.
NO_CAPITAL = {"ISR", "PSE"}
# Rows deliberately without a State (documented in the table's comments).
NO_ISO3 = {"jerusalem"}
# Places whose Arabic form is also a State's Arabic form in states.tsv (documented in the comments).
SHARED_WITH_STATES = {"amman", "singapore", "monaco"}


def _cells(value: str) -> list[str]:
    return value.split(" | ") if value else []


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if line and not line.startswith("#")]
    header = data[0].split("\t")
    rows = []
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        rows.append(dict(zip(header, cells, strict=True)))
    return lines, rows


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    return _read(TABLE)


@pytest.fixture(scope="module")
def rows(table) -> list[dict[str, str]]:
    return table[1]


@pytest.fixture(scope="module")
def states() -> dict[str, dict[str, str]]:
    return {row["iso3"]: row for row in _read(STATES)[1]}


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows}


def _arabic_forms(row: dict[str, str]) -> list[str]:
    return [row["name_ar"], *_cells(row["variants_ar"])]


def test_header_and_comments(table):
    lines, _ = table
    comments = [line for line in lines if line.startswith("#")]
    assert any(line.startswith("# origin:") for line in comments)
    first_data = next(line for line in lines if not line.startswith("#"))
    assert first_data.split("\t") == COLUMNS
    # comments only at the top
    index = lines.index(first_data)
    assert all(not line.startswith("#") for line in lines[index:])


def test_cells_are_clean(rows):
    for row in rows:
        for column, value in row.items():
            assert value == value.strip(), (row["id"], column)
            assert "  " not in value, (row["id"], column)
            for part in _cells(value):
                assert part and part == part.strip(), (row["id"], column, value)


def test_ids_unique_slugs_sorted(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]
    assert ids == sorted(ids)


def test_kinds(rows):
    assert {row["kind"] for row in rows} <= KINDS
    assert {row["kind"] for row in rows} == KINDS


def test_iso3_exists(rows, states):
    for row in rows:
        if row["id"] in NO_ISO3:
            assert row["iso3"] == "", row["id"]
            assert row["kind"] != "capital"
        else:
            assert row["iso3"] in states, (row["id"], row["iso3"])


def test_one_capital_per_state(rows, states):
    capitals = Counter(row["iso3"] for row in rows if row["kind"] == "capital")
    assert len(states) == 195
    assert set(states) >= NO_CAPITAL
    for iso3 in states:
        expected = 0 if iso3 in NO_CAPITAL else 1
        assert capitals[iso3] == expected, (iso3, capitals[iso3])
    assert sum(capitals.values()) == 195 - len(NO_CAPITAL)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_latin_names(rows, lang):
    for row in rows:
        assert row[f"name_{lang}"], (row["id"], lang)
        for name in [row[f"name_{lang}"], *_cells(row[f"variants_{lang}"])]:
            assert LATIN_LETTER.search(name), (row["id"], name)
            assert not ARABIC_LETTER.search(name), (row["id"], name)
            if lang != "en":
                assert "’" not in name, (row["id"], name)  # written '
        assert row[f"name_{lang}"] not in _cells(row[f"variants_{lang}"]), row["id"]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_latin_forms_not_shared(rows, lang):
    seen: dict[str, str] = {}
    for row in rows:
        for name in {row[f"name_{lang}"], *_cells(row[f"variants_{lang}"])}:
            key = name.casefold()
            assert key not in seen, (name, seen.get(key), row["id"])
            seen[key] = row["id"]


def test_arabic_forms(rows):
    for row in rows:
        assert row["name_ar"], row["id"]
        for form in _arabic_forms(row):
            assert ARABIC_LETTER.search(form), (row["id"], form)
            assert not LATIN_LETTER.search(form), (row["id"], form)
            assert TATWEEL not in form, (row["id"], form)
            assert not DIACRITICS.search(form), (row["id"], form)
        assert row["name_ar"] not in _cells(row["variants_ar"]), row["id"]


def test_arabic_forms_not_shared(rows):
    seen: dict[str, str] = {}
    for row in rows:
        for form in set(_arabic_forms(row)):
            assert form not in seen, (form, seen.get(form), row["id"])
            seen[form] = row["id"]


def test_arabic_forms_apart_from_states(rows, states):
    state_forms = set()
    for state in states.values():
        state_forms.update([state["name_ar"], state["formal_ar"], *_cells(state["variants_ar"])])
    shared = {row["id"] for row in rows if state_forms & set(_arabic_forms(row))}
    assert shared == SHARED_WITH_STATES


@pytest.mark.parametrize(
    ("place", "kind", "name_en", "name_ar", "iso3"),
    [
        ("baku", "capital", "Baku", "باكو", "AZE"),
        ("bern", "capital", "Bern", "برن", "CHE"),
        ("washington-dc", "capital", "Washington, D.C.", "واشنطن العاصمة", "USA"),
        ("vienna", "capital", "Vienna", "فيينا", "AUT"),
        ("addis-ababa", "capital", "Addis Ababa", "أديس أبابا", "ETH"),
        ("vatican-city", "capital", "Vatican City", "مدينة الفاتيكان", "VAT"),
        ("new-york", "un-duty-station", "New York", "نيويورك", "USA"),
        ("geneva", "un-duty-station", "Geneva", "جنيف", "CHE"),
        ("the-hague", "un-duty-station", "The Hague", "لاهاي", "NLD"),
        ("durban", "city", "Durban", "ديربان", "ZAF"),
    ],
)
def test_spot_checks(by_id, place, kind, name_en, name_ar, iso3):
    row = by_id[place]
    assert (row["kind"], row["name_en"], row["name_ar"], row["iso3"]) == (
        kind,
        name_en,
        name_ar,
        iso3,
    )


def test_spot_check_variants(by_id):
    assert "واشنطن" in _cells(by_id["washington-dc"]["variants_ar"])
    assert "كوالا لمبور" in _cells(by_id["kuala-lumpur"]["variants_ar"])
    assert "تيبليسي" in _cells(by_id["tbilisi"]["variants_ar"])
    assert "كيشينيف" in _cells(by_id["chisinau"]["variants_ar"])
    assert "سانتياجو" in _cells(by_id["santiago"]["variants_ar"])
    assert "Kiev" in _cells(by_id["kyiv"]["variants_en"])
    assert by_id["kyiv"]["name_ar"] == "كييف"


@pytest.mark.parametrize(
    ("place", "name_fr", "name_es"),
    [
        # CLDR exemplar cities (Babel fr, es)
        ("cairo", "Le Caire", "El Cairo"),
        ("beirut", "Beyrouth", "Beirut"),
        ("algiers", "Alger", "Argel"),
        ("khartoum", "Khartoum", "Jartum"),
        ("muscat", "Mascate", "Mascate"),
        ("riyadh", "Riyad", "Riad"),
        ("vienna", "Vienne", "Viena"),
        ("new-york", "New York", "Nueva York"),
        ("addis-ababa", "Addis-Abeba", "Adís Abeba"),
        ("port-of-spain", "Port-d'Espagne", "Puerto España"),
        # UN usage where CLDR differs or has no entry
        ("almaty", "Almaty", "Almaty"),
        ("santiago", "Santiago", "Santiago"),
        ("geneva", "Genève", "Ginebra"),
        ("the-hague", "La Haye", "La Haya"),
        ("beijing", "Beijing", "Beijing"),
        ("new-delhi", "New Delhi", "Nueva Delhi"),
        ("doha", "Doha", "Doha"),
        ("jeddah", "Djedda", "Jeddah"),
        ("alexandria", "Alexandrie", "Alejandría"),
    ],
)
def test_spot_checks_fr_es(by_id, place, name_fr, name_es):
    assert (by_id[place]["name_fr"], by_id[place]["name_es"]) == (name_fr, name_es)


def test_spot_check_variants_fr_es(by_id):
    assert "Alma-Ata" in _cells(by_id["almaty"]["variants_fr"])
    assert "Santiago de Chile" in _cells(by_id["santiago"]["variants_es"])
    assert "Pékin" in _cells(by_id["beijing"]["variants_fr"])
    assert "Rangún" in _cells(by_id["yangon"]["variants_es"])


def test_escwa_venues_present(by_id):
    # meeting places of the ESCWA documents (E/ESCWA/DOC/36 lists the 2016-2017 sessions)
    for place in ("beirut", "amman", "cairo", "tunis", "rabat", "muscat", "doha", "dubai"):
        assert place in by_id
    for place in ("khartoum", "kuwait-city", "manama", "abu-dhabi", "alexandria", "jeddah"):
        assert place in by_id
