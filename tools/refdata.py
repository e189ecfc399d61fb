#!/usr/bin/env python3
"""Check the reference table of States (unkg/data/states.tsv).

    python tools/refdata.py check [--table DIR]
        Structural checks (fail), ISO 3166-1 / M49 codes against pycountry (fail),
        Babel's CLDR territory names (Arabic, English, French, Spanish) that the table does
        not list (report only).
    python tools/refdata.py suggest [--table DIR] [--lang ar|en|fr|es]
        Print the Babel CLDR names of one language missing from the table, for a human to
        review.

pycountry and babel are development-only dependencies: they are imported inside the
functions that need them. Exit status: 0 when the table passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

DEFAULT_TABLE_DIR = Path(__file__).resolve().parent.parent / "unkg" / "data"
STATES_FILE = "states.tsv"

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
LANGUAGES = ("ar", "en", "fr", "es")
LATIN_LANGUAGES = ("en", "fr", "es")
SEP = " | "
EXPECTED = {"member": 193, "observer": 2}

ISO3_RE = re.compile(r"^[A-Z]{3}$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
M49_RE = re.compile(r"^\d{3}$")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
# Latin letters with the accents of French and Spanish names (Côte d'Ivoire, Türkiye, Perú).
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")

# A leading article ("the Sudan", "l'Afghanistan", "el Pakistán") is not part of a form: the
# table lists base forms and UN running text adds the article, contracted in French and
# Spanish (du, au, des, d', del, al). Forms where the article belongs to the name are kept.
ARTICLE_RE = re.compile(r"^(?:(?:the|le|la|les|el|los|las)\s|l')", re.I)
ARTICLE_KEPT = {
    "The Gambia",  # UNTERM: "Gambia (Republic of The)"
    "The former Yugoslav Republic of Macedonia",  # UN name 1993-2019
    "El Salvador",
}

TATWEEL = "\u0640"
SHADDA = "\u0651"
# Arabic harakat, tanwin, shadda, sukun, superscript alef.
DIACRITICS_RE = re.compile(r"[\u064B-\u0652\u0670]")

# Babel CLDR names that were reviewed and deliberately left out of the table, by language
# and ISO alpha-2: UN documents do not use them for the State itself.
NOT_UN_USAGE = "CLDR form, not UN usage"
REVIEWED_EXCLUSIONS: dict[str, dict[str, tuple[str, str]]] = {
    "ar": {
        "KR": ("كوريا الجنوبية", "not UN usage; UN documents say جمهورية كوريا"),
        "KP": (
            "كوريا الشمالية",
            "not UN usage; UN documents say جمهورية كوريا الشعبية الديمقراطية",
        ),
        "PS": ("الأراضي الفلسطينية", "names the territory, not the State of Palestine"),
    },
    "en": {
        "AG": ("Antigua & Barbuda", NOT_UN_USAGE),
        "BA": ("Bosnia & Herzegovina", NOT_UN_USAGE),
        "CD": ("Congo - Kinshasa", NOT_UN_USAGE),
        "CG": ("Congo - Brazzaville", NOT_UN_USAGE),
        "KN": ("St. Kitts & Nevis", NOT_UN_USAGE),
        "KR": ("South Korea", "not UN usage; UN documents say Republic of Korea"),
        "KP": (
            "North Korea",
            "not UN usage; UN documents say Democratic People's Republic of Korea",
        ),
        "LC": ("St. Lucia", NOT_UN_USAGE),
        "MM": ("Myanmar (Burma)", NOT_UN_USAGE),
        "PS": ("Palestinian Territories", "names the territory, not the State of Palestine"),
        "ST": ("São Tomé & Príncipe", NOT_UN_USAGE),
        "TT": ("Trinidad & Tobago", NOT_UN_USAGE),
        "VC": ("St. Vincent & Grenadines", NOT_UN_USAGE),
    },
    "fr": {
        "KR": ("Corée du Sud", "not UN usage; UN documents say République de Corée"),
        "KP": (
            "Corée du Nord",
            "not UN usage; UN documents say République populaire démocratique de Corée",
        ),
        "PS": ("Territoires palestiniens", "names the territory, not the State of Palestine"),
        "CD": ("Congo-Kinshasa", NOT_UN_USAGE),
        "CG": ("Congo-Brazzaville", NOT_UN_USAGE),
        "MM": ("Myanmar (Birmanie)", NOT_UN_USAGE),
        "VA": ("État de la Cité du Vatican", "names Vatican City State, not the Holy See"),
        "SV": ("Salvador", "UN documents say El Salvador; Salvador is also a city and a name"),
        "KN": ("Saint-Christophe-et-Niévès", "not UN usage; UN documents say Saint-Kitts-et-Nevis"),
    },
    "es": {
        "KR": ("Corea del Sur", "not UN usage; UN documents say República de Corea"),
        "KP": (
            "Corea del Norte",
            "not UN usage; UN documents say República Popular Democrática de Corea",
        ),
        "PS": ("Territorios Palestinos", "names the territory, not the State of Palestine"),
        "MM": ("Myanmar (Birmania)", NOT_UN_USAGE),
        "VA": ("Ciudad del Vaticano", "names Vatican City State, not the Holy See"),
    },
}


class MissingDependency(Exception):
    """A development-only dependency (pycountry, babel) is not installed."""


# --------------------------------------------------------------------------- loading


def split_cell(cell: str) -> list[str]:
    return cell.split(SEP) if cell else []


def load_states(
    path: Path, columns: list[str] | None = None
) -> tuple[list[dict[str, str]], list[str]]:
    """Read states.tsv (or former_states.tsv with its ``columns``); return (rows, errors).
    Rows keep their line number as '_line'."""
    columns = COLUMNS if columns is None else columns
    errors: list[str] = []
    rows: list[dict[str, str]] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                errors.append(f"line {lineno}: CRLF line ending")
                line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen = True
                if cells != columns:
                    errors.append(f"line {lineno}: header is {cells!r}, expected {columns!r}")
                continue
            if len(cells) != len(columns):
                errors.append(f"line {lineno}: {len(cells)} columns, expected {len(columns)}")
                continue
            row = dict(zip(columns, cells, strict=True))
            row["_line"] = str(lineno)
            rows.append(row)
    if not header_seen:
        errors.append(f"{path}: no header line")
    return rows, errors


# --------------------------------------------------------------------------- normalisation


def strip_marks(text: str) -> str:
    """Drop tatweel and Arabic diacritics (as the matcher does); keep hamza forms."""
    return DIACRITICS_RE.sub("", text.replace(TATWEEL, ""))


def match_key(text: str) -> str:
    """Key under which the matcher would treat two forms as the same string."""
    t = strip_marks(unicodedata.normalize("NFC", text))
    t = re.sub("[أإآٱ]", "ا", t).replace("ة", "ه").replace("ى", "ي")
    t = t.replace("’", "'")
    return " ".join(t.casefold().split())


def forms(row: dict[str, str], lang: str) -> list[str]:
    """Name, formal name and variants of a row in one language."""
    return [row[f"name_{lang}"], row[f"formal_{lang}"], *split_cell(row[f"variants_{lang}"])]


def arabic_forms(row: dict[str, str]) -> list[str]:
    return forms(row, "ar")


def english_forms(row: dict[str, str]) -> list[str]:
    return forms(row, "en")


def latin_key(text: str) -> str:
    """match_key without accents: a matcher that folds accents (text in capitals often drops
    them: ETATS-UNIS) must still find one State per form."""
    decomposed = unicodedata.normalize("NFD", match_key(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def form_key(text: str, lang: str) -> str:
    return match_key(text) if lang == "ar" else latin_key(text)


# --------------------------------------------------------------------------- checks


def structural_errors(
    rows: list[dict[str, str]], expected: dict[str, int] | None = None
) -> list[str]:
    """Errors that make the table unusable: codes, counts, duplicates, cell form."""
    expected = EXPECTED if expected is None else expected
    errors: list[str] = []
    seen: dict[str, dict[str, str]] = {"iso3": {}, "iso2": {}, "m49": {}}
    status_count = {k: 0 for k in expected}
    patterns = {"iso3": ISO3_RE, "iso2": ISO2_RE, "m49": M49_RE}

    for row in rows:
        where = f"line {row['_line']} ({row['iso3']})"
        for col, rx in patterns.items():
            if not rx.match(row[col]):
                errors.append(f"{where}: {col} {row[col]!r} does not match {rx.pattern}")
            elif row[col] in seen[col]:
                errors.append(f"{where}: duplicate {col} {row[col]!r} (also {seen[col][row[col]]})")
            else:
                seen[col][row[col]] = row["iso3"]
        if row["status"] in status_count:
            status_count[row["status"]] += 1
        else:
            errors.append(f"{where}: status {row['status']!r} is not one of {', '.join(expected)}")

        for col in (c for c in row if c != "_line"):
            cell = row[col]
            if cell != cell.strip() or "  " in cell:
                errors.append(f"{where}: {col} has stray whitespace: {cell!r}")
            if TATWEEL in cell:
                errors.append(f"{where}: {col} contains tatweel")
            if SHADDA in cell:
                errors.append(f"{where}: {col} contains shadda (drop it)")
            if "|" in cell.replace(SEP, ""):
                errors.append(f"{where}: {col} has a '|' not written as ' | '")
            if unicodedata.normalize("NFC", cell) != cell:
                errors.append(f"{where}: {col} is not in Unicode NFC")
        for lang in LANGUAGES:
            for col in (f"name_{lang}", f"formal_{lang}"):
                if not row[col]:
                    errors.append(f"{where}: {col} is empty")
            values = split_cell(row[f"variants_{lang}"])
            if any(not v.strip() for v in values):
                errors.append(f"{where}: variants_{lang} has an empty value")
            if len(set(values)) != len(values):
                errors.append(f"{where}: variants_{lang} repeats a value")
        for form in arabic_forms(row):
            if form and (not ARABIC_LETTER_RE.search(form) or LATIN_LETTER_RE.search(form)):
                errors.append(f"{where}: Arabic form {form!r} is not Arabic script")
        for lang in LATIN_LANGUAGES:
            for form in forms(row, lang):
                if form and (ARABIC_LETTER_RE.search(form) or not LATIN_WORD_RE.search(form)):
                    errors.append(f"{where}: {lang} form {form!r} is not Latin script")
                if form and ARTICLE_RE.match(form) and form not in ARTICLE_KEPT:
                    errors.append(
                        f"{where}: {lang} form {form!r} starts with an article "
                        "(list base forms without it)"
                    )

    iso3s = [r["iso3"] for r in rows]
    if iso3s != sorted(iso3s):
        errors.append("rows are not sorted by iso3")
    if len(rows) != sum(expected.values()):
        errors.append(f"{len(rows)} rows, expected {sum(expected.values())}")
    for status, n in expected.items():
        if status_count[status] != n:
            errors.append(f"{status_count[status]} rows with status {status}, expected {n}")

    # A form (name, formal name or variant) must point at one State only.
    for lang in LANGUAGES:
        owner: dict[str, tuple[str, str]] = {}
        for row in rows:
            for form in set(forms(row, lang)):
                if not form:
                    continue
                key = form_key(form, lang)
                if key in owner and owner[key][0] != row["iso3"]:
                    errors.append(
                        f"{lang} form {form!r} of {row['iso3']} is also "
                        f"{owner[key][1]!r} of {owner[key][0]}"
                    )
                owner.setdefault(key, (row["iso3"], form))
    return errors


def pycountry_errors(rows: list[dict[str, str]]) -> list[str]:
    """iso3 <-> iso2 <-> M49 agreement with ISO 3166-1 (pycountry's numeric is the M49 code)."""
    try:
        import pycountry
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            "pycountry is not installed (dev dependency: pip install pycountry)"
        ) from exc
    errors = []
    for row in rows:
        country = pycountry.countries.get(alpha_3=row["iso3"])
        if country is None:
            errors.append(f"{row['iso3']}: not an ISO 3166-1 alpha-3 code")
            continue
        if country.alpha_2 != row["iso2"]:
            errors.append(f"{row['iso3']}: iso2 {row['iso2']}, ISO 3166-1 says {country.alpha_2}")
        if country.numeric != row["m49"]:
            errors.append(
                f"{row['iso3']}: m49 {row['m49']}, ISO 3166-1 numeric says {country.numeric}"
            )
        by_num = pycountry.countries.get(numeric=row["m49"])
        if by_num is not None and by_num.alpha_3 != row["iso3"]:
            errors.append(f"{row['iso3']}: m49 {row['m49']} belongs to {by_num.alpha_3}")
    return errors


def babel_missing(rows: list[dict[str, str]], lang: str = "ar") -> list[tuple[str, str, str]]:
    """Babel CLDR names of one language that are not among a row's forms in that language.

    Returns (iso3, iso2, babel_name) for every row whose CLDR name is neither its name,
    formal name nor one of its variants (compared as the matcher compares them: without
    tatweel and diacritics in Arabic, without case and accents otherwise), including the
    names listed in REVIEWED_EXCLUSIONS.
    """
    try:
        import babel
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            "babel is not installed (dev dependency: pip install babel)"
        ) from exc
    territories = babel.Locale(lang).territories
    missing = []
    for row in rows:
        name = territories.get(row["iso2"])
        if not name:
            missing.append((row["iso3"], row["iso2"], ""))
            continue
        known = {form_key(f, lang) for f in forms(row, lang)}
        if form_key(name, lang) not in known:
            missing.append((row["iso3"], row["iso2"], name))
    return missing


def _split_reviewed(
    missing: list[tuple[str, str, str]], lang: str = "ar"
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    todo, reviewed = [], []
    for iso3, iso2, name in missing:
        excl = REVIEWED_EXCLUSIONS.get(lang, {}).get(iso2)
        if excl and form_key(excl[0], lang) == form_key(name, lang):
            reviewed.append((iso3, iso2, name, excl[1]))
        else:
            todo.append((iso3, iso2, name))
    return todo, reviewed


# --------------------------------------------------------------------------- former Members

FORMER_FILE = "former_states.tsv"
FORMER_COLUMNS = [*COLUMNS, "member_from", "member_until", "continued_by", "successors"]
FORMER_EXPECTED = {"former-member": 5}
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
# UNSD M49 keeps 890 for the Socialist Federal Republic of Yugoslavia; ISO 3166-3 gives YUG
# the 891 of the Federal Republic of Yugoslavia (1992-2003, states.tsv SRB).
M49_NOT_ISO = {"YUG": "890"}


def former_errors(former: list[dict[str, str]], states: list[dict[str, str]]) -> list[str]:
    """former_states.tsv: its own structure, ISO 3166-3 codes, dates, links to states.tsv, and
    no form (in any language) that is also a form of a State of today."""
    errors = structural_errors(former, FORMER_EXPECTED)
    iso3s = {r["iso3"] for r in states}
    for row in former:
        where = f"{FORMER_FILE} {row['iso3']}"
        if row["iso3"] in iso3s:
            errors.append(f"{where}: also a row of {STATES_FILE}")
        for col in ("member_from", "member_until"):
            if not DATE_RE.match(row[col]):
                errors.append(f"{where}: {col} {row[col]!r} is not a year or ISO date")
        if row["member_from"] >= row["member_until"]:
            errors.append(f"{where}: member_from is not before member_until")
        links = [*split_cell(row["successors"]), *split_cell(row["continued_by"])]
        for iso3 in links:
            if iso3 not in iso3s:
                errors.append(f"{where}: {iso3} is not a State of {STATES_FILE}")
        if row["continued_by"] and row["continued_by"] not in split_cell(row["successors"]):
            errors.append(f"{where}: continued_by is not among its successors")
    for lang in LANGUAGES:
        today = {form_key(f, lang): r["iso3"] for r in states for f in forms(r, lang) if f}
        for row in former:
            for form in forms(row, lang):
                if form and form_key(form, lang) in today:
                    errors.append(
                        f"{FORMER_FILE} {row['iso3']}: {lang} form {form!r} is also a form "
                        f"of {today[form_key(form, lang)]}"
                    )
    return errors


def historic_code_errors(former: list[dict[str, str]]) -> list[str]:
    """iso3, iso2 and M49 of former Members against ISO 3166-3 (pycountry historic_countries)."""
    try:
        import pycountry
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            "pycountry is not installed (dev dependency: pip install pycountry)"
        ) from exc
    errors = []
    for row in former:
        country = pycountry.historic_countries.get(alpha_3=row["iso3"])
        if country is None:
            errors.append(f"{row['iso3']}: not an ISO 3166-3 alpha-3 code")
            continue
        if country.alpha_2 != row["iso2"]:
            errors.append(f"{row['iso3']}: iso2 {row['iso2']}, ISO 3166-3 says {country.alpha_2}")
        m49 = M49_NOT_ISO.get(row["iso3"], getattr(country, "numeric", ""))
        if m49 != row["m49"]:
            errors.append(f"{row['iso3']}: m49 {row['m49']}, expected {m49}")
    return errors


LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French", "es": "Spanish"}


# --------------------------------------------------------------------------- commands


def cmd_check(table_dir: Path) -> int:
    path = table_dir / STATES_FILE
    if not path.is_file():
        print(f"refdata: {path} not found")
        return 1
    rows, errors = load_states(path)
    errors += structural_errors(rows)
    try:
        errors += pycountry_errors(rows)
    except MissingDependency as exc:
        print(f"refdata: {exc}")
        return 1
    counts = ", ".join(f"{sum(r['status'] == s for r in rows)} {s}" for s in EXPECTED)
    print(f"{path}: {len(rows)} rows ({counts})")
    former_path = table_dir / FORMER_FILE
    if former_path.is_file():
        former, former_load_errors = load_states(former_path, FORMER_COLUMNS)
        errors += former_load_errors + former_errors(former, rows)
        try:
            errors += historic_code_errors(former)
        except MissingDependency as exc:
            print(f"refdata: {exc}")
            return 1
        print(f"{former_path}: {len(former)} rows (former Members)")

    for lang in LANGUAGES:
        language = LANGUAGE_NAMES[lang]
        try:
            todo, reviewed = _split_reviewed(babel_missing(rows, lang), lang)
        except MissingDependency as exc:
            print(f"refdata: {exc}; CLDR comparison skipped")
            break
        if todo:
            print(
                f"report: {len(todo)} Babel CLDR {language} names not in the table "
                f"(run 'suggest --lang {lang}' to review):"
            )
            for iso3, iso2, name in todo:
                print(f"  {iso3} {iso2} {name or '(no CLDR name)'}")
        else:
            print(f"report: every Babel CLDR {language} name is in the table")
        if reviewed:
            print(
                f"report: {len(reviewed)} Babel CLDR {language} names reviewed and left out: "
                + "; ".join(f"{iso3} {name}" for iso3, _, name, _ in reviewed)
            )

    if errors:
        for err in errors:
            print(f"error: {err}")
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


def cmd_suggest(table_dir: Path, show_all: bool, lang: str = "ar") -> int:
    path = table_dir / STATES_FILE
    if not path.is_file():
        print(f"refdata: {path} not found")
        return 1
    rows, errors = load_states(path)
    if errors:
        for err in errors:
            print(f"error: {err}")
        return 1
    by_iso3 = {r["iso3"]: r for r in rows}
    try:
        todo, reviewed = _split_reviewed(babel_missing(rows, lang), lang)
    except MissingDependency as exc:
        print(f"refdata: {exc}")
        return 1
    if not todo:
        print(f"# every Babel CLDR {LANGUAGE_NAMES[lang]} name is already in states.tsv")
    else:
        print(
            f"# iso3\tbabel_{lang}\tname_{lang}\tvariants_{lang}  "
            f"(add the good ones to variants_{lang})"
        )
    for iso3, _, name in todo:
        row = by_iso3[iso3]
        print(
            f"{iso3}\t{name or '(no CLDR name)'}\t{row[f'name_{lang}']}\t{row[f'variants_{lang}']}"
        )
    if show_all:
        for iso3, _, name, why in reviewed:
            print(f"# reviewed, left out: {iso3}\t{name}\t{why}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="refdata", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("check", "check states.tsv (structure, pycountry codes; report Babel names)"),
        ("suggest", "print Babel CLDR names of one language missing from states.tsv"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(
            "--table",
            type=Path,
            default=DEFAULT_TABLE_DIR,
            metavar="DIR",
            help=f"directory holding {STATES_FILE} (default: %(default)s)",
        )
        if name == "suggest":
            p.add_argument(
                "--lang",
                choices=LANGUAGES,
                default="ar",
                help="language of the CLDR names (default: %(default)s)",
            )
            p.add_argument(
                "--all",
                action="store_true",
                help="also list the names reviewed and deliberately left out",
            )
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check(args.table)
    return cmd_suggest(args.table, args.all, args.lang)


if __name__ == "__main__":
    sys.exit(main())
