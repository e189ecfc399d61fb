"""Tests of the States reference table (unkg/data/states.tsv) and of tools/refdata.py."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "unkg" / "data" / "states.tsv"
REFDATA = ROOT / "tools" / "refdata.py"

COLUMNS = [
    "iso3",
    "iso2",
    "m49",
    "status",
    "name_en",
    "name_ar",
    "formal_en",
    "formal_ar",
    "variants_en",
    "variants_ar",
]
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
TATWEEL = "\u0640"


def _load_refdata():
    spec = importlib.util.spec_from_file_location("refdata", REFDATA)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(value: str) -> list[str]:
    return value.split(" | ") if value else []


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return TABLE.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def rows(lines) -> list[dict[str, str]]:
    data = [line for line in lines if line and not line.startswith("#")]
    assert data[0].split("\t") == COLUMNS
    out = []
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), line
        out.append(dict(zip(COLUMNS, cells, strict=True)))
    return out


@pytest.fixture(scope="module")
def by_iso3(rows) -> dict[str, dict[str, str]]:
    return {r["iso3"]: r for r in rows}


def test_origin_comment(lines):
    assert lines[0].startswith("# origin:")


def test_counts(rows):
    assert len(rows) == 195
    status = Counter(r["status"] for r in rows)
    assert status == {"member": 193, "observer": 2}
    observers = {r["iso3"] for r in rows if r["status"] == "observer"}
    assert observers == {"VAT", "PSE"}


def test_codes_unique_and_well_formed(rows):
    for col, pattern in (("iso3", r"^[A-Z]{3}$"), ("iso2", r"^[A-Z]{2}$"), ("m49", r"^\d{3}$")):
        values = [r[col] for r in rows]
        assert len(set(values)) == len(values), f"duplicate {col}"
        bad = [v for v in values if not re.match(pattern, v)]
        assert not bad, f"bad {col}: {bad}"


def test_sorted_by_iso3(rows):
    iso3s = [r["iso3"] for r in rows]
    assert iso3s == sorted(iso3s)


def test_names_present(rows):
    for r in rows:
        assert r["name_en"] and r["formal_en"], r["iso3"]
        assert not ARABIC_LETTER.search(r["name_en"]), r["iso3"]
        for col in ("name_ar", "formal_ar"):
            assert ARABIC_LETTER.search(r[col]), (r["iso3"], col)
        for v in _cells(r["variants_ar"]):
            assert ARABIC_LETTER.search(v), (r["iso3"], v)


def test_no_tatweel(lines):
    assert not any(TATWEEL in line for line in lines)


def test_no_empty_or_padded_values(rows):
    for r in rows:
        for col in COLUMNS:
            assert r[col] == r[col].strip(), (r["iso3"], col)
        for col in ("variants_en", "variants_ar"):
            assert all(v.strip() == v and v for v in _cells(r[col])), (r["iso3"], col)


def test_no_arabic_form_shared_by_two_states(rows):
    owner: dict[str, str] = {}
    for r in rows:
        for form in {r["name_ar"], r["formal_ar"], *_cells(r["variants_ar"])}:
            assert owner.setdefault(form, r["iso3"]) == r["iso3"], (
                f"{form!r} is listed for {owner[form]} and {r['iso3']}"
            )


def test_no_english_form_shared_by_two_states(rows):
    owner: dict[str, str] = {}
    for r in rows:
        for form in {r["name_en"], r["formal_en"], *_cells(r["variants_en"])}:
            key = form.casefold()
            assert owner.setdefault(key, r["iso3"]) == r["iso3"], (
                f"{form!r} is listed for {owner[key]} and {r['iso3']}"
            )


@pytest.mark.parametrize(
    "iso3, column, value",
    [
        ("BOL", "name_ar", "بوليفيا (دولة - المتعددة القوميات)"),
        ("BOL", "name_en", "Bolivia (Plurinational State of)"),
        ("CHE", "name_ar", "سويسرا"),
        ("CHE", "formal_ar", "الاتحاد السويسري"),
        ("CHE", "formal_en", "Swiss Confederation"),
        ("NZL", "name_ar", "نيوزيلندا"),
        ("PHL", "name_ar", "الفلبين"),
        ("COD", "name_ar", "جمهورية الكونغو الديمقراطية"),
        ("AZE", "name_ar", "أذربيجان"),
        ("AZE", "formal_ar", "جمهورية أذربيجان"),
        ("AZE", "formal_en", "Republic of Azerbaijan"),
        ("USA", "name_ar", "الولايات المتحدة الأمريكية"),
        ("GBR", "name_ar", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"),
        ("NGA", "name_ar", "نيجيريا"),
        ("LCA", "name_ar", "سانت لوسيا"),
        ("VAT", "name_ar", "الكرسي الرسولي"),
        ("PSE", "name_ar", "دولة فلسطين"),
    ],
)
def test_un_names(by_iso3, iso3, column, value):
    assert by_iso3[iso3][column] == value


@pytest.mark.parametrize(
    "iso3, column, value",
    [
        ("MDA", "variants_ar", "مولدوفا"),
        ("USA", "variants_ar", "الولايات المتحدة"),
        ("GBR", "variants_ar", "المملكة المتحدة"),
        ("LBY", "variants_ar", "الجماهيرية العربية الليبية"),
        ("MKD", "variants_ar", "جمهورية مقدونيا اليوغوسلافية السابقة"),
        ("SWZ", "variants_ar", "سوازيلند"),
        ("CPV", "variants_ar", "الرأس الأخضر"),
        ("VEN", "variants_ar", "فنزويلا"),
        ("IRN", "variants_ar", "إيران"),
        ("MDA", "variants_en", "Moldova"),
        ("USA", "variants_en", "United States"),
        ("SWZ", "variants_en", "Swaziland"),
        ("TUR", "variants_en", "Turkey"),
        ("VNM", "variants_en", "Vietnam"),
    ],
)
def test_variants(by_iso3, iso3, column, value):
    assert value in _cells(by_iso3[iso3][column])


def test_pycountry_codes_agree(rows):
    import pycountry  # test extra

    refdata = _load_refdata()
    table_rows, errors = refdata.load_states(TABLE)
    assert not errors
    assert refdata.pycountry_errors(table_rows) == []
    assert pycountry.countries.get(alpha_3="VAT").numeric == "336"
    assert pycountry.countries.get(alpha_3="PSE").numeric == "275"


def test_check_command_passes():
    pytest.importorskip("pycountry")
    proc = subprocess.run(
        [sys.executable, str(REFDATA), "check"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "195 rows (193 member, 2 observer)" in proc.stdout


def test_check_command_fails_on_broken_table(tmp_path):
    pytest.importorskip("pycountry")
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    data_start = next(i for i, line in enumerate(lines) if line.startswith("iso3\t")) + 1
    # first data row twice, last row dropped: 195 rows with a duplicate iso3
    broken = [*lines[:data_start], lines[data_start], *lines[data_start:-1]]
    (tmp_path / "states.tsv").write_text("".join(broken), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(REFDATA), "check", "--table", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "duplicate iso3" in proc.stdout
