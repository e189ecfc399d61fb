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
    "name_fr",
    "formal_fr",
    "variants_fr",
    "name_es",
    "formal_es",
    "variants_es",
]
LATIN_LANGUAGES = ("en", "fr", "es")
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
        for lang in LATIN_LANGUAGES:
            assert r[f"name_{lang}"] and r[f"formal_{lang}"], (r["iso3"], lang)
            for form in (r[f"name_{lang}"], r[f"formal_{lang}"], *_cells(r[f"variants_{lang}"])):
                assert not ARABIC_LETTER.search(form), (r["iso3"], lang, form)
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
        for col in COLUMNS:
            if col.startswith("variants_"):
                assert all(v.strip() == v and v for v in _cells(r[col])), (r["iso3"], col)


def test_no_arabic_form_shared_by_two_states(rows):
    owner: dict[str, str] = {}
    for r in rows:
        for form in {r["name_ar"], r["formal_ar"], *_cells(r["variants_ar"])}:
            assert owner.setdefault(form, r["iso3"]) == r["iso3"], (
                f"{form!r} is listed for {owner[form]} and {r['iso3']}"
            )


@pytest.mark.parametrize("lang", LATIN_LANGUAGES)
def test_no_latin_form_shared_by_two_states(rows, lang):
    owner: dict[str, str] = {}
    for r in rows:
        for form in {r[f"name_{lang}"], r[f"formal_{lang}"], *_cells(r[f"variants_{lang}"])}:
            key = form.casefold()
            assert owner.setdefault(key, r["iso3"]) == r["iso3"], (
                f"{form!r} is listed for {owner[key]} and {r['iso3']}"
            )


@pytest.mark.parametrize("lang", ("fr", "es"))
def test_forms_without_leading_article(rows, lang):
    # UNTERM writes "Afghanistan (l')" and "la République islamique d'Afghanistan"; the
    # table keeps the base form, as running text contracts the article (du, au, del, al).
    article = re.compile(r"^(?:(?:le|la|les|el|los|las) |l')|\((?:l'|le|la|les|el|los|las)\)$")
    for r in rows:
        for form in (r[f"name_{lang}"], r[f"formal_{lang}"], *_cells(r[f"variants_{lang}"])):
            assert not article.search(form) or form == "El Salvador", (r["iso3"], form)
            assert "’" not in form and "*" not in form, (r["iso3"], form)


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
        # UNTERM French and Spanish short and formal names, article dropped
        ("AFG", "name_fr", "Afghanistan"),
        ("AFG", "formal_fr", "République islamique d'Afghanistan"),
        ("AFG", "name_es", "Afganistán"),
        ("AFG", "formal_es", "República Islámica del Afganistán"),
        ("BOL", "name_fr", "Bolivie (État plurinational de)"),
        ("BOL", "name_es", "Bolivia (Estado Plurinacional de)"),
        ("IRN", "name_fr", "Iran (République islamique d')"),
        ("IRN", "formal_es", "República Islámica del Irán"),
        ("VEN", "name_fr", "Venezuela (République bolivarienne du)"),
        ("VEN", "formal_es", "República Bolivariana de Venezuela"),
        ("SYR", "name_fr", "République arabe syrienne"),
        ("SYR", "name_es", "República Árabe Siria"),
        ("GBR", "name_fr", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"),
        ("USA", "name_es", "Estados Unidos de América"),
        ("CIV", "name_fr", "Côte d'Ivoire"),
        ("CIV", "formal_es", "República de Côte d'Ivoire"),
        ("NLD", "name_fr", "Pays-Bas (Royaume des)"),
        ("NLD", "name_es", "Países Bajos (Reino de los)"),
        ("TUR", "name_fr", "Türkiye"),
        ("TUR", "name_es", "Türkiye"),
        ("CZE", "name_fr", "Tchéquie"),
        ("CZE", "name_es", "Chequia"),
        ("PSE", "name_fr", "État de Palestine"),
        ("VAT", "name_es", "Santa Sede"),
        ("SLV", "name_es", "El Salvador"),
    ],
)
def test_un_names_fr_es(by_iso3, iso3, column, value):
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
        ("TUR", "variants_fr", "Turquie"),
        ("TUR", "variants_es", "Turquía"),
        ("MKD", "variants_fr", "ex-République yougoslave de Macédoine"),
        ("MKD", "variants_es", "ex República Yugoslava de Macedonia"),
        ("SWZ", "variants_fr", "Swaziland"),
        ("SWZ", "variants_es", "Swazilandia"),
        ("LBY", "variants_fr", "Jamahiriya arabe libyenne"),
        ("LBY", "variants_es", "Jamahiriya Árabe Libia"),
        ("SYR", "variants_fr", "Syrie"),
        ("SYR", "variants_es", "Siria"),
        ("IRN", "variants_fr", "Iran"),
        ("BOL", "variants_es", "Bolivia"),
        ("PSE", "variants_fr", "Palestine"),
        ("NLD", "variants_es", "Países Bajos"),
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


@pytest.mark.parametrize("lang", ("ar", "en", "fr", "es"))
def test_every_cldr_name_listed_or_reviewed(lang):
    pytest.importorskip("babel")
    refdata = _load_refdata()
    table_rows, errors = refdata.load_states(TABLE)
    assert not errors
    todo, reviewed = refdata._split_reviewed(refdata.babel_missing(table_rows, lang), lang)
    assert todo == []
    # every reviewed exclusion is still a CLDR name Babel gives (no stale entry)
    assert {iso2 for _, iso2, _, _ in reviewed} == set(refdata.REVIEWED_EXCLUSIONS[lang])


def _broken_copy(tmp_path, iso3, column, value):
    refdata = _load_refdata()
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if cells[0] == iso3:
            cells[refdata.COLUMNS.index(column)] = value
            line = "\t".join(cells) + "\n"
        out.append(line)
    (tmp_path / "states.tsv").write_text("".join(out), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(REFDATA), "check", "--table", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "iso3, column, value, message",
    [
        # a French form that is another State's: the matcher could not tell them apart
        ("FRA", "variants_fr", "Guinée", "fr form 'Guinée' of GIN is also 'Guinée' of FRA"),
        # accents folded: ETATS-UNIS in capitals must still be one State
        ("CAN", "variants_fr", "Etats-Unis", "also 'Etats-Unis' of CAN"),
        ("AFG", "name_fr", "l'Afghanistan", "starts with an article"),
        ("ARG", "variants_es", "la Argentina", "starts with an article"),
        ("ESP", "formal_es", "", "formal_es is empty"),
        ("MAR", "name_es", "المغرب", "is not Latin script"),
    ],
)
def test_check_command_fails_on_bad_fr_es_cell(tmp_path, iso3, column, value, message):
    pytest.importorskip("pycountry")
    proc = _broken_copy(tmp_path, iso3, column, value)
    assert proc.returncode == 1
    assert message in proc.stdout, proc.stdout


def test_suggest_lists_a_missing_cldr_name(tmp_path):
    pytest.importorskip("babel")
    proc = _broken_copy(tmp_path, "SYR", "variants_fr", "")
    assert proc.returncode == 0  # a missing CLDR name is reported, not an error
    assert "SYR SY Syrie" in proc.stdout
    suggest = subprocess.run(
        [sys.executable, str(REFDATA), "suggest", "--lang", "fr", "--table", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert suggest.returncode == 0
    assert suggest.stdout.splitlines()[1] == "SYR\tSyrie\tRépublique arabe syrienne\t"


# --------------------------------------------------------------------------- former Members

FORMER = ROOT / "unkg" / "data" / "former_states.tsv"


def test_former_states_table(by_iso3):
    refdata = _load_refdata()
    former, errors = refdata.load_states(FORMER, refdata.FORMER_COLUMNS)
    assert errors == []
    states, _ = refdata.load_states(TABLE)
    assert refdata.former_errors(former, states) == []
    rows = {r["iso3"]: r for r in former}
    assert set(rows) == {"SUN", "YUG", "CSK", "DDR", "YMD"}
    # the names Security Council resolutions of 1946-1994 use
    assert rows["SUN"]["name_en"] == "Union of Soviet Socialist Republics"
    assert rows["SUN"]["continued_by"] == "RUS"
    assert rows["CSK"]["successors"] == "CZE | SVK"
    assert rows["DDR"]["successors"] == "DEU"
    assert rows["YMD"]["name_en"] == "Democratic Yemen"
    assert rows["YUG"]["name_en"] == "Yugoslavia"
    # renamed Members stay one row of states.tsv
    for iso3, name in [
        ("COD", "Zaire"),
        ("BFA", "Upper Volta"),
        ("BEN", "Dahomey"),
        ("KHM", "Democratic Kampuchea"),
        ("LKA", "Ceylon"),
        ("BLR", "Byelorussian Soviet Socialist Republic"),
        ("UKR", "Ukrainian Soviet Socialist Republic"),
        ("YEM", "Yemen Arab Republic"),
        ("EGY", "United Arab Republic"),
        ("COD", "Congo (Leopoldville)"),
        ("MKD", "former Yugoslav Republic of Macedonia"),
    ]:
        assert name in _cells(by_iso3[iso3]["variants_en"]), (iso3, name)
    assert by_iso3["DEU"]["formal_en"] == "Federal Republic of Germany"


def test_former_states_codes():
    pytest.importorskip("pycountry")
    refdata = _load_refdata()
    former, _ = refdata.load_states(FORMER, refdata.FORMER_COLUMNS)
    assert refdata.historic_code_errors(former) == []


def test_former_state_form_shared_with_a_state_fails(tmp_path):
    pytest.importorskip("pycountry")
    (tmp_path / "states.tsv").write_text(TABLE.read_text(encoding="utf-8"), encoding="utf-8")
    text = FORMER.read_text(encoding="utf-8").replace("USSR | Soviet Union", "USSR | Russia")
    (tmp_path / "former_states.tsv").write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(REFDATA), "check", "--table", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "former_states.tsv SUN: en form 'Russia' is also a form of RUS" in proc.stdout
