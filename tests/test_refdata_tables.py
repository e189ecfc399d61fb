"""Checks for the reference tables organizations.tsv, instruments.tsv and topics.tsv.

Format rules come from unkg/data/README.md: UTF-8, tab-separated, one header line, multi-valued
cells separated by " | ", rows sorted by their first column, lines starting with "#" are comments.
Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "unkg" / "data"
SEP = " | "

HEADERS = {
    "organizations.tsv": [
        "id", "kind", "name_en", "name_ar", "acronym",
        "variants_en", "variants_ar", "parent", "members", "unbis",
        "name_fr", "variants_fr", "name_es", "variants_es",
    ],
    "instruments.tsv": [
        "id", "kind", "name_en", "name_ar", "short_en", "short_ar",
        "variants_en", "variants_ar", "symbol", "adopted", "unbis",
        "name_fr", "short_fr", "variants_fr", "name_es", "short_es", "variants_es",
    ],
    "topics.tsv": [
        "id", "label_en", "label_ar", "triggers_en", "triggers_ar",
        "broader", "unbis", "unbis_label_en",
        "label_fr", "triggers_fr", "label_es", "triggers_es",
    ],
}  # fmt: skip

# Columns holding Arabic text, and which of them count as "names/variants" that must not be
# shared between two rows of the same table (a shared form could not be resolved to one row).
ARABIC_COLUMNS = {
    "organizations.tsv": ("name_ar", "variants_ar"),
    "instruments.tsv": ("name_ar", "short_ar", "variants_ar"),
    "topics.tsv": ("label_ar", "triggers_ar"),
}
# Columns holding English, French and Spanish names, by language: a form must not belong to
# two rows of one table (compared without case, as a Latin-script matcher would).
LATIN_COLUMNS = {
    "organizations.tsv": {
        "en": ("name_en", "variants_en"),
        "fr": ("name_fr", "variants_fr"),
        "es": ("name_es", "variants_es"),
    },
    "instruments.tsv": {
        "en": ("name_en", "short_en", "variants_en"),
        "fr": ("name_fr", "short_fr", "variants_fr"),
        "es": ("name_es", "short_es", "variants_es"),
    },
    "topics.tsv": {
        "en": ("label_en", "triggers_en"),
        "fr": ("label_fr", "triggers_fr"),
        "es": ("label_es", "triggers_es"),
    },
}
MULTI_VALUED = {
    "organizations.tsv": {
        "variants_en",
        "variants_ar",
        "members",
        "variants_fr",
        "variants_es",
    },
    "instruments.tsv": {
        "short_en",
        "short_ar",
        "variants_en",
        "variants_ar",
        "short_fr",
        "variants_fr",
        "short_es",
        "variants_es",
    },
    "topics.tsv": {"triggers_en", "triggers_ar", "triggers_fr", "triggers_es"},
}

ORG_KINDS = {
    "un-principal-organ",
    "un-subsidiary-body",
    "un-secretariat-unit",
    "un-post",
    "intergovernmental-organization",
    "regional-organization",
    "group-of-states",
    "non-governmental-organization",
    "research-institute",
    "other",
}
INSTRUMENT_KINDS = {
    "charter",
    "treaty",
    "protocol",
    "programme-of-action",
    "political-instrument",
    "declaration",
    "agenda",
    "register",
}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
UNBIS_RE = re.compile(r"^[0-9]{6,7}$")
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
TATWEEL = "\u0640"
SHADDA = "\u0651"


def load(name: str) -> tuple[list[str], list[dict[str, str]], list[list[str]]]:
    """Return (header, rows as dicts, raw split lines) of a table, skipping comment lines."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", f"{name}: file must end with a newline"
    lines = [line for line in lines[:-1] if not line.startswith("#")]
    header = lines[0].split("\t")
    raw = [line.split("\t") for line in lines[1:]]
    rows = [dict(zip(header, cells, strict=False)) for cells in raw]
    return header, rows, raw


def values(row: dict[str, str], col: str) -> list[str]:
    cell = row[col]
    return [v for v in cell.split(SEP)] if cell else []


@pytest.fixture(scope="module", params=sorted(HEADERS))
def table(request):
    name = request.param
    header, rows, raw = load(name)
    return name, header, rows, raw


def by_id(name: str) -> dict[str, dict[str, str]]:
    _, rows, _ = load(name)
    return {r["id"]: r for r in rows}


# --------------------------------------------------------------------------- generic format


def test_header(table):
    name, header, _, _ = table
    assert header == HEADERS[name]


def test_column_count(table):
    name, header, _, raw = table
    for cells in raw:
        assert len(cells) == len(header), f"{name}: {cells[0]!r} has {len(cells)} cells"


def test_not_empty(table):
    name, _, rows, _ = table
    assert len(rows) >= 20, name


def test_no_blank_lines_or_stray_whitespace(table):
    name, _, _, raw = table
    for cells in raw:
        assert any(cells), f"{name}: blank line"
        for c in cells:
            assert c == c.strip(), f"{name}: {cells[0]}: untrimmed cell {c!r}"
            assert "\r" not in c and "  " not in c, f"{name}: {cells[0]}: bad spacing in {c!r}"


def test_multi_value_separator(table):
    name, header, rows, _ = table
    for r in rows:
        for col in header:
            cell = r[col]
            if not cell:
                continue
            if col not in MULTI_VALUED[name]:
                assert SEP not in cell, f"{name}: {r['id']}.{col} is single-valued: {cell!r}"
                continue
            parts = cell.split(SEP)
            assert all(p and p == p.strip() and "|" not in p for p in parts), (
                f"{name}: {r['id']}.{col}: malformed list {cell!r}"
            )
            assert len(parts) == len(set(parts)), f"{name}: {r['id']}.{col}: repeated value"


def test_ids_unique_and_slugs(table):
    name, _, rows, _ = table
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    for i in ids:
        assert ID_RE.match(i), f"{name}: bad id {i!r}"


def test_sorted_by_first_column(table):
    name, _, rows, _ = table
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids), f"{name}: rows not sorted by id"


def test_required_cells(table):
    name, _, rows, _ = table
    label_en = "label_en" if name == "topics.tsv" else "name_en"
    for r in rows:
        assert r[label_en], f"{name}: {r['id']} has no {label_en}"
        if name != "organizations.tsv":
            ar = "label_ar" if name == "topics.tsv" else "name_ar"
            assert r[ar], f"{name}: {r['id']} has no {ar}"


def test_unbis_numeric(table):
    name, _, rows, _ = table
    for r in rows:
        if r["unbis"]:
            assert UNBIS_RE.match(r["unbis"]), f"{name}: {r['id']}: unbis {r['unbis']!r}"


# --------------------------------------------------------------------------- Arabic text


def test_arabic_cells_are_arabic_and_clean(table):
    name, _, rows, _ = table
    for r in rows:
        for col in ARABIC_COLUMNS[name]:
            for v in values(r, col):
                where = f"{name}: {r['id']}.{col}: {v!r}"
                assert ARABIC_LETTER_RE.search(v), f"{where} has no Arabic letter"
                assert TATWEEL not in v, f"{where} contains tatweel"
                assert SHADDA not in v, f"{where} contains shadda"
                assert not LATIN_LETTER_RE.search(v), f"{where} contains Latin letters"
                assert unicodedata.normalize("NFC", v) == v, f"{where} is not NFC"
                # no attached clitics on the first word (و/ب/ل/ف/ك + article)
                assert not re.match(r"^(و|ف|ب|ك)ال|^لل", v), f"{where} starts with a clitic"


def test_english_cells_have_no_arabic(table):
    name, header, rows, _ = table
    for r in rows:
        for col in header:
            if col in ARABIC_COLUMNS[name]:
                continue
            assert not ARABIC_LETTER_RE.search(r[col]), f"{name}: {r['id']}.{col} has Arabic"


def test_arabic_forms_not_shared_between_rows(table):
    name, _, rows, _ = table
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for col in ARABIC_COLUMNS[name]:
            for v in values(r, col):
                owners[v].add(r["id"])
    shared = {v: sorted(o) for v, o in owners.items() if len(o) > 1}
    assert not shared, f"{name}: Arabic forms used by several rows: {shared}"


def test_latin_forms_not_shared_between_rows(table):
    name, _, rows, _ = table
    for lang, columns in LATIN_COLUMNS[name].items():
        owners: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            for col in columns:
                for v in values(r, col):
                    owners[v.casefold()].add(r["id"])
        shared = {v: sorted(o) for v, o in owners.items() if len(o) > 1}
        assert not shared, f"{name}: {lang} forms used by several rows: {shared}"


def test_latin_cells_are_clean(table):
    name, _, rows, _ = table
    for columns in LATIN_COLUMNS[name].values():
        for r in rows:
            for col in columns:
                for v in values(r, col):
                    where = f"{name}: {r['id']}.{col}: {v!r}"
                    assert LATIN_LETTER_RE.search(v) or re.search("[\u00c0-\u024f]", v), where
                    assert unicodedata.normalize("NFC", v) == v, f"{where} is not NFC"
                    assert "’" not in v, f"{where}: write the apostrophe as '"


# --------------------------------------------------------------------------- organizations


def test_org_names_in_every_language():
    # ESCWA works in Arabic and English; its committees and divisions have no French or
    # Spanish name in a UN source at hand (documented in the table's comments)
    orgs = by_id("organizations.tsv")
    for r in orgs.values():
        escwa_body = r["id"].startswith("escwa-") and r["id"] != "escwa-executive-committee"
        for col in ("name_fr", "name_es"):
            assert bool(r[col]) != escwa_body, f"{r['id']}: {col} {r[col]!r}"
        if escwa_body:
            assert not r["variants_fr"] and not r["variants_es"], r["id"]


def test_org_escwa_bodies():
    orgs = by_id("organizations.tsv")
    escwa = orgs["escwa"]
    assert escwa["name_ar"] == "اللجنة الاقتصادية والاجتماعية لغربي آسيا"
    assert escwa["acronym"] == "ESCWA" and "الإسكوا" in values(escwa, "variants_ar")
    assert escwa["parent"] == "un-ecosoc"
    assert escwa["name_fr"] == "Commission économique et sociale pour l'Asie occidentale"
    assert escwa["name_es"] == "Comisión Económica y Social para Asia Occidental"
    committees = {
        "escwa-committee-transport-logistics": (
            "Committee on Transport and Logistics",
            "لجنة النقل واللوجستيات",
        ),
        "escwa-committee-energy": ("Committee on Energy", "لجنة الطاقة"),
        "escwa-committee-water-resources": ("Committee on Water Resources", "لجنة الموارد المائية"),
        "escwa-statistical-committee": ("Statistical Committee", "اللجنة الإحصائية"),
        "escwa-committee-social-development": (
            "Committee on Social Development",
            "لجنة التنمية الاجتماعية",
        ),
        "escwa-committee-women": ("Committee on Women", "لجنة المرأة"),
        "escwa-committee-technology-for-development": (
            "Committee on Technology for Development",
            "لجنة التكنولوجيا من أجل التنمية",
        ),
        "escwa-committee-trade-financing-for-development": (
            "Committee on Liberalization of Foreign Trade, Economic Globalization and Financing"
            " for Development",
            "اللجنة المعنية بتحرير التجارة الخارجية والعولمة الاقتصادية وتمويل التنمية",
        ),
        "escwa-executive-committee": ("Executive Committee", "اللجنة التنفيذية"),
    }
    for org, (en, ar) in committees.items():
        assert (orgs[org]["name_en"], orgs[org]["name_ar"]) == (en, ar), org
        assert orgs[org]["parent"] == "escwa" and orgs[org]["kind"] == "un-subsidiary-body"
    # no Arabic form keeps the PDF text layer's swapped lam-alef (االقتصادية, اإلسكوا, لإلحصاءات)
    for r in orgs.values():
        for v in [r["name_ar"], *values(r, "variants_ar")]:
            assert not re.search("(?:^| )ا(?:ال|إل|أل)|لإل", v), (r["id"], v)


def test_org_kinds():
    for r in by_id("organizations.tsv").values():
        assert r["kind"] in ORG_KINDS, f"{r['id']}: kind {r['kind']!r}"


def test_org_parents_exist_and_are_acyclic():
    orgs = by_id("organizations.tsv")
    for r in orgs.values():
        if r["parent"]:
            assert r["parent"] in orgs, f"{r['id']}: unknown parent {r['parent']!r}"
            assert r["parent"] != r["id"]
    for start in orgs:
        seen, cur = set(), start
        while orgs[cur]["parent"]:
            assert cur not in seen, f"parent cycle through {start}"
            seen.add(cur)
            cur = orgs[cur]["parent"]


def test_org_members_iso3():
    for r in by_id("organizations.tsv").values():
        for m in values(r, "members"):
            assert ISO3_RE.match(m), f"{r['id']}: member {m!r}"


def test_org_members_known_states_if_states_table_present():
    states = DATA / "states.tsv"
    if not states.exists():
        pytest.skip("states.tsv not present")
    _, rows, _ = load("states.tsv")
    iso3 = {r["iso3"] for r in rows}
    for r in by_id("organizations.tsv").values():
        unknown = [m for m in values(r, "members") if m not in iso3]
        assert not unknown, f"{r['id']}: members not in states.tsv: {unknown}"


def test_org_group_sizes():
    orgs = by_id("organizations.tsv")
    assert values(orgs["andean-community"], "members") == ["BOL", "COL", "ECU", "PER"]
    assert len(values(orgs["eu"], "members")) == 27
    assert len(values(orgs["african-group"], "members")) == 54
    assert len(values(orgs["celac"], "members")) == 33


def test_org_no_generic_ngo_row():
    for r in by_id("organizations.tsv").values():
        forms = [r["name_ar"], *values(r, "variants_ar")]
        assert "المنظمات غير الحكومية" not in forms
        assert r["name_en"].lower() not in {"non-governmental organizations", "ngos"}


def test_org_spot_checks():
    orgs = by_id("organizations.tsv")

    def ar(i):
        return {orgs[i]["name_ar"], *values(orgs[i], "variants_ar")}

    assert orgs["osce"]["name_ar"] == "منظمة الأمن والتعاون في أوروبا"
    assert orgs["osce"]["acronym"] == "OSCE"
    assert orgs["eapc"]["name_ar"] == "مجلس الشراكة الأوروبية الأطلسية"
    assert orgs["eapc"]["name_en"] == "Euro-Atlantic Partnership Council"
    assert "جماعة دول الأنديز" in ar("andean-community")
    assert "جماعة الأنديز" in ar("andean-community")
    assert {"الدراسة الاستقصائية للأسلحة الصغيرة", "هيئة الاستقصاء عن الأسلحة الصغيرة"} <= ar(
        "small-arms-survey"
    )
    assert orgs["unoda"]["name_ar"] == "مكتب شؤون نزع السلاح"
    assert "إدارة شؤون نزع السلاح" in ar("unoda")
    assert orgs["unoda"]["parent"] == "un-secretariat"
    assert orgs["dgacm"]["name_ar"] == "إدارة شؤون الجمعية العامة والمؤتمرات"
    assert orgs["un-general-assembly"]["name_ar"] == "الجمعية العامة"
    assert orgs["un-security-council"]["name_ar"] == "مجلس الأمن"
    assert orgs["un-secretariat"]["name_ar"] == "الأمانة العامة"
    assert orgs["un-secretary-general"]["kind"] == "un-post"
    assert orgs["high-representative-disarmament"]["kind"] == "un-post"
    assert orgs["high-representative-disarmament"]["name_ar"] == "الممثل السامي لشؤون نزع السلاح"
    assert orgs["eu"]["name_ar"] == "الاتحاد الأوروبي"
    assert orgs["las"]["name_ar"] == "جامعة الدول العربية"
    assert orgs["ga-first-committee"]["name_ar"] == "اللجنة الأولى"


def test_org_spot_checks_fr_es():
    orgs = by_id("organizations.tsv")

    def forms(i, lang):
        return {orgs[i][f"name_{lang}"], *values(orgs[i], f"variants_{lang}")}

    assert orgs["un-general-assembly"]["name_fr"] == "Assemblée générale"
    assert orgs["un-security-council"]["name_es"] == "Consejo de Seguridad"
    assert orgs["united-nations"]["name_fr"] == "Organisation des Nations Unies"
    assert "Nations Unies" in forms("united-nations", "fr")
    assert orgs["united-nations"]["name_es"] == "Naciones Unidas"
    assert orgs["un-ecosoc"]["name_fr"] == "Conseil économique et social"
    assert orgs["ga-first-committee"]["name_fr"] == "Première Commission"
    assert orgs["ga-first-committee"]["name_es"] == "Primera Comisión"
    assert {"PNUD"} <= forms("undp", "fr") & forms("undp", "es")
    assert "ONUDC" in forms("unodc", "fr")
    assert "ACNUR" in forms("unhcr", "es")
    assert "OIEA" in forms("iaea", "es") and "AIEA" in forms("iaea", "fr")
    assert orgs["g77"]["name_fr"] == "Groupe des 77 et de la Chine"
    assert orgs["g77"]["name_es"] == "Grupo de los 77 y China"
    assert orgs["nam"]["name_es"] == "Movimiento de los Países No Alineados"
    assert "Presidenta del Consejo de Seguridad" in forms("president-security-council", "es")


# --------------------------------------------------------------------------- instruments


def test_instrument_kinds_and_dates():
    for r in by_id("instruments.tsv").values():
        assert r["kind"] in INSTRUMENT_KINDS, f"{r['id']}: kind {r['kind']!r}"
        if r["adopted"]:
            assert DATE_RE.match(r["adopted"]), f"{r['id']}: adopted {r['adopted']!r}"
        if r["symbol"]:
            assert re.match(r"^[A-Z]+/[A-Za-z0-9./() -]+$", r["symbol"]), f"{r['id']}: symbol"


def test_instrument_names_fr_es():
    ins = by_id("instruments.tsv")
    for r in ins.values():
        assert r["name_fr"] and r["name_es"], r["id"]
    assert ins["npt"]["name_fr"] == "Traité sur la non-prolifération des armes nucléaires"
    assert ins["npt"]["name_es"] == "Tratado sobre la No Proliferación de las Armas Nucleares"
    assert values(ins["poa-salw"], "short_fr") == ["Programme d'action"]
    assert values(ins["poa-salw"], "short_es") == ["Programa de Acción"]
    assert "Carta" not in values(ins["un-charter"], "short_es")  # also "letter"
    assert "TICE" in values(ins["ctbt"], "short_fr")


def test_instrument_spot_checks():
    ins = by_id("instruments.tsv")
    poa = ins["poa-salw"]
    assert poa["name_ar"] == (
        "برنامج العمل لمنع الاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة "
        "من جميع جوانبه ومكافحته والقضاء عليه"
    )
    assert values(poa, "short_ar") == ["برنامج العمل"]
    assert "برنامج العمل" not in values(poa, "variants_ar")  # only safe after the full name
    assert poa["symbol"] == "A/CONF.192/15"
    assert poa["adopted"] == "2001-07-20"
    iti = ins["iti"]
    assert "الصك الدولي للتعقب" in values(iti, "variants_ar")
    assert iti["name_ar"].startswith("الصك الدولي لتمكين الدول من الكشف عن الأسلحة الصغيرة")
    assert iti["symbol"] == "A/60/88"
    assert iti["adopted"] == "2005-12-08"
    assert ins["un-charter"]["name_ar"] == "ميثاق الأمم المتحدة"
    assert "بروتوكول الأسلحة النارية" in values(ins["firearms-protocol"], "variants_ar")
    assert ins["arms-trade-treaty"]["name_ar"] == "معاهدة تجارة الأسلحة"
    osce = ins["osce-salw-document"]
    assert "وثيقة منظمة الأمن والتعاون في أوروبا" in values(osce, "variants_ar")
    assert "وثيقة فيينا" in values(ins["vienna-document"], "variants_ar")


# --------------------------------------------------------------------------- topics


def test_topic_broader_exists_and_acyclic():
    topics = by_id("topics.tsv")
    for t in topics.values():
        if t["broader"]:
            assert t["broader"] in topics, f"{t['id']}: unknown broader {t['broader']!r}"
    for start in topics:
        seen, cur = set(), start
        while topics[cur]["broader"]:
            assert cur not in seen, f"broader cycle through {start}"
            seen.add(cur)
            cur = topics[cur]["broader"]


def test_topic_unbis_label_paired():
    for t in by_id("topics.tsv").values():
        assert bool(t["unbis"]) == bool(t["unbis_label_en"]), t["id"]
        if t["unbis_label_en"]:
            assert t["unbis_label_en"] == t["unbis_label_en"].upper(), t["id"]


def test_topic_has_triggers_or_narrower():
    topics = by_id("topics.tsv")
    parents = {t["broader"] for t in topics.values() if t["broader"]}
    for t in topics.values():
        assert t["triggers_ar"] or t["triggers_en"] or t["id"] in parents, t["id"]


def test_topic_labels_fr_es():
    for t in by_id("topics.tsv").values():
        for col in ("label_fr", "label_es", "triggers_fr", "triggers_es"):
            assert t[col], f"{t['id']} has no {col}"
    topics = by_id("topics.tsv")
    assert topics["small-arms-light-weapons"]["label_fr"] == "armes légères et de petit calibre"
    assert topics["small-arms-light-weapons"]["label_es"] == "armas pequeñas y armas ligeras"
    assert "courtage" in values(topics["brokering"], "triggers_fr")
    assert "intermediación" in values(topics["brokering"], "triggers_es")
    assert "renforcement des capacités" in values(topics["capacity-building"], "triggers_fr")
    assert "desarrollo sostenible" in values(topics["sustainable-development"], "triggers_es")


def test_topic_spot_checks():
    topics = by_id("topics.tsv")
    assert "الوسم" in values(topics["marking"], "triggers_ar")
    assert {"حفظ السجلات", "مسك السجلات"} <= set(values(topics["record-keeping"], "triggers_ar"))
    assert {"التعقب", "اقتفاء الأثر"} <= set(values(topics["tracing"], "triggers_ar"))
    assert "السمسرة" in values(topics["brokering"], "triggers_ar")
    assert "التعاون الإقليمي" in values(topics["regional-cooperation"], "triggers_ar")
    assert "بناء القدرات" in values(topics["capacity-building"], "triggers_ar")
    assert "حيازة المدنيين" in values(topics["civilian-possession"], "triggers_ar")
    assert topics["small-arms-light-weapons"]["unbis"] == "1005937"
    assert topics["small-arms-light-weapons"]["unbis_label_en"] == "SMALL ARMS"
    for sib in ("marking", "record-keeping", "tracing"):
        assert topics[sib]["broader"] == "weapons-identification-tracing"


# --------------------------------------------------------------------------- concepts

CONCEPT_HEADER = [
    "scheme", "id", "label_en", "label_ar", "triggers_ar", "triggers_en", "broader",
    "maps_to", "definition_en", "label_fr", "triggers_fr", "label_es", "triggers_es",
]  # fmt: skip
CONCEPT_LANGUAGES = ("ar", "en", "fr", "es")


@pytest.fixture(scope="module")
def concept_rows() -> list[dict[str, str]]:
    header, rows, raw = load("concepts.tsv")
    assert header == CONCEPT_HEADER
    for cells in raw:
        assert len(cells) == len(header), cells[:2]
    return rows


def test_concept_schemes_and_order(concept_rows):
    _, schemes, _ = load("schemes.tsv")
    keys = [(r["scheme"], r["id"]) for r in concept_rows]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert {r["scheme"] for r in concept_rows} <= {s["id"] for s in schemes} - {"topic"}
    for r in concept_rows:
        assert ID_RE.match(r["id"]), r["id"]
        if r["broader"]:
            assert (r["scheme"], r["broader"]) in set(keys), (r["id"], r["broader"])


# concepts no phrase names: a citation no verb qualifies is "cites" (extract/resolutions.py)
UNTRIGGERED = {("relation", "cites")}


def test_concept_labels_in_every_language(concept_rows):
    for r in concept_rows:
        for lang in CONCEPT_LANGUAGES:
            assert r[f"label_{lang}"], (r["id"], lang)
        for lang in ("fr", "es"):
            assert r[f"triggers_{lang}"] or (r["scheme"], r["id"]) in UNTRIGGERED, (r["id"], lang)


def test_concept_cells_clean(concept_rows):
    for r in concept_rows:
        for lang in CONCEPT_LANGUAGES:
            for v in [r[f"label_{lang}"], *values(r, f"triggers_{lang}")]:
                where = f"concepts.tsv: {r['scheme']}/{r['id']} {lang}: {v!r}"
                assert v and v == v.strip() and "  " not in v and "|" not in v, where
                assert unicodedata.normalize("NFC", v) == v, where
                if lang == "ar":
                    assert ARABIC_LETTER_RE.search(v) and not LATIN_LETTER_RE.search(v), where
                else:
                    assert not ARABIC_LETTER_RE.search(v) and "’" not in v, where
            triggers = [t.casefold() for t in values(r, f"triggers_{lang}")]
            assert len(triggers) == len(set(triggers)), f"{r['id']}: repeated {lang} trigger"


@pytest.mark.parametrize("lang", CONCEPT_LANGUAGES)
def test_concept_triggers_not_shared_within_a_scheme(concept_rows, lang):
    # a trigger names one concept of its scheme (the matcher keeps the first it meets)
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in concept_rows:
        for v in [r[f"label_{lang}"], *values(r, f"triggers_{lang}")]:
            owners[r["scheme"], v.casefold()].add(r["id"])
    shared = {k: sorted(o) for k, o in owners.items() if len(o) > 1}
    assert not shared, f"{lang} triggers naming two concepts of one scheme: {shared}"


def test_concept_spot_checks_fr_es(concept_rows):
    rows = {(r["scheme"], r["id"]): r for r in concept_rows}

    def triggers(scheme, concept, lang):
        row = rows[scheme, concept]
        return {row[f"label_{lang}"], *values(row, f"triggers_{lang}")}

    assert {"rappelant", "rappelle"} <= triggers("relation", "recalls", "fr")
    assert {"recordando", "recuerda"} <= triggers("relation", "recalls", "es")
    assert "réaffirmant" in triggers("relation", "reaffirms", "fr")
    assert "reafirmando" in triggers("relation", "reaffirms", "es")
    assert "prenant note" in triggers("relation", "takes-note-of", "fr")
    assert "tomando nota" in triggers("relation", "takes-note-of", "es")
    assert "décide" in triggers("relation", "decides", "fr")
    assert "decide" in triggers("relation", "decides", "es")
    assert "conformément à" in triggers("relation", "in-accordance-with", "fr")
    assert "de conformidad con" in triggers("relation", "in-accordance-with", "es")
    assert {"Président", "Présidente"} <= triggers("role", "chair", "fr")
    assert {"Presidente", "Presidenta"} <= triggers("role", "chair", "es")
    assert {"Vice-Président", "Vice-Présidente"} <= triggers("role", "vice-chair", "fr")
    assert "Relator" in triggers("role", "rapporteur", "es")
    assert "período de sesiones" in triggers("meeting-kind", "session", "es")
    assert "réunion" in triggers("meeting-kind", "meeting", "fr")
    assert "conferencia" in triggers("meeting-kind", "conference", "es")
    assert "note verbale" in triggers("doctype", "note-verbale", "fr")
    assert "carta de fecha" in triggers("doctype", "letter", "es")
    assert "lettre datée" in triggers("doctype", "letter", "fr")
    assert "ordre du jour provisoire" in triggers("doctype", "provisional-agenda", "fr")
    assert "programa provisional" in triggers("doctype", "provisional-agenda", "es")
    assert "informe" in triggers("doctype", "report", "es")
    assert "par acclamation" in triggers("election-method", "acclamation", "fr")


# --------------------------------------------------------------------------- symbol series


def test_symbol_series_table():
    header, rows, raw = load("symbol_series.tsv")
    assert header == ["prefix", "organ", "description"]
    orgs = by_id("organizations.tsv")
    prefixes = [r["prefix"] for r in rows]
    assert len(prefixes) == len(set(prefixes))
    assert prefixes == sorted(prefixes)
    for cells, r in zip(raw, rows, strict=True):
        assert len(cells) == 3, cells
        assert re.match(r"^[A-Z]+(?:/[A-Za-z0-9.]+)*$", r["prefix"]), r["prefix"]
        assert not r["organ"] or r["organ"] in orgs, (r["prefix"], r["organ"])
        assert r["description"], r["prefix"]


@pytest.mark.parametrize(
    "symbol, organ",
    [
        # the body of an ESCWA meeting comes from its division, year and IG number
        ("E/ESCWA/EDID/2017/IG.1/9/Report", "escwa-committee-transport-logistics"),
        ("E/ESCWA/EDID/2016/IG.1/L.1", "escwa-committee-transport-logistics"),
        ("E/ESCWA/EDID/2017/IG.2/L.1", "escwa-committee-trade-financing-for-development"),
        ("E/ESCWA/EDID/2017/IG.3/11/Report", "escwa-committee-trade-financing-for-development"),
        ("E/ESCWA/SDPD/2017/IG.1/L.1", "escwa-committee-water-resources"),
        ("E/ESCWA/SDPD/2017/IG.2/8/Report", "escwa-committee-energy"),
        ("E/ESCWA/SD/2017/IG.1/7/Report", "escwa-statistical-committee"),
        ("E/ESCWA/SDD/2017/IG.1/L.2", "escwa-committee-social-development"),
        ("E/ESCWA/ECW/2017/IG.1/INF.2", "escwa-committee-women"),
        ("E/ESCWA/TDD/2017/IG.1/L.1", "escwa-committee-technology-for-development"),
        ("E/ESCWA/2017/EC.4/L.1", "escwa-executive-committee"),
        ("E/ESCWA/29/L.1", "escwa"),
        # a division's own series, an IG number not listed, other series
        ("E/ESCWA/SDPD/2017/Technical Paper.8", "escwa-sdpd"),
        ("E/ESCWA/EDID/2017/IG.10/1", "escwa-edid"),
        ("E/ESCWA/SDD/2017/2", "escwa-sdd"),
        ("E/ESCWA/RFSD/2018/6/Report", "escwa-arab-forum-sustainable-development"),
        ("E/CN.6/2015/1", "un-ecosoc"),
    ],
)
def test_symbol_series_organs(symbol, organ):
    from unkg.text.symbols import parse_symbol

    assert parse_symbol(symbol).organ == organ


def test_concept_triggers_en(concept_rows):
    rows = {(r["scheme"], r["id"]): r for r in concept_rows}
    for r in concept_rows:
        assert r["triggers_en"] or (r["scheme"], r["id"]) in UNTRIGGERED, (r["scheme"], r["id"])

    def triggers(scheme, concept):
        return {t.casefold() for t in values(rows[scheme, concept], "triggers_en")}

    # the turns of English UN documents (UNv1.0 devset, ESCWA reports)
    assert {"recalling", "recalls"} <= triggers("relation", "recalls")
    assert "reaffirming" in triggers("relation", "reaffirms")
    assert "welcoming" in triggers("relation", "welcomes")
    assert {"decides", "requests", "urges"} <= (
        triggers("relation", "decides")
        | triggers("relation", "requests")
        | triggers("relation", "urges")
    )
    assert "pursuant to" in triggers("relation", "pursuant-to")
    assert "in accordance with" in triggers("relation", "in-accordance-with")
    assert {"chair", "chairmanship", "president"} <= triggers("role", "chair")
    assert {"vice-chair", "vice-chairs", "vice-president"} <= triggers("role", "vice-chair")
    assert "rapporteur" in triggers("role", "rapporteur")
    assert "elected by acclamation" in triggers("election-method", "acclamation")
    assert "organization of work" in triggers("doctype", "programme-of-work")
    assert "letter dated" in triggers("doctype", "letter")
    assert "ministerial session" in triggers("meeting-kind", "session")


def test_org_security_council_bodies():
    orgs = by_id("organizations.tsv")
    for org, acronym, parent in [
        ("unficyp", "UNFICYP", "un-security-council"),
        ("unifil", "UNIFIL", "un-security-council"),
        ("undof", "UNDOF", "un-security-council"),
        ("unprofor", "UNPROFOR", "un-security-council"),
        ("untso", "UNTSO", "un-security-council"),
        ("unef", "UNEF", "un-general-assembly"),
    ]:
        assert orgs[org]["acronym"] == acronym and orgs[org]["parent"] == parent, org
        assert orgs[org]["kind"] == "un-subsidiary-body"
    # the resolutions' spelling is kept as a variant
    assert "United Nations Peace-keeping Force in Cyprus" in values(orgs["unficyp"], "variants_en")
    assert "FINUL" in values(orgs["unifil"], "variants_fr")
    assert "FNUOS" in values(orgs["undof"], "variants_es")
    assert "Committee established by resolution 661 (1990)" in values(
        orgs["sc-committee-661"], "variants_en"
    )
