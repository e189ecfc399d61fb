#!/usr/bin/env python3
"""Check the reference table of States (unkg/data/states.tsv).

    python tools/refdata.py check [--table DIR]
        Structural checks (fail), ISO 3166-1 / M49 codes against pycountry (fail),
        Babel's CLDR Arabic territory names that the table does not list (report only).
    python tools/refdata.py suggest [--table DIR]
        Print the Babel CLDR Arabic names missing from the table, for a human to review.

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
]
SEP = " | "
EXPECTED = {"member": 193, "observer": 2}

ISO3_RE = re.compile(r"^[A-Z]{3}$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
M49_RE = re.compile(r"^\d{3}$")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")

TATWEEL = "\u0640"
SHADDA = "\u0651"
# Arabic harakat, tanwin, shadda, sukun, superscript alef.
DIACRITICS_RE = re.compile(r"[\u064B-\u0652\u0670]")

# Babel CLDR Arabic names that were reviewed and deliberately left out of the table,
# keyed by ISO alpha-2: UN documents do not use them for the State itself.
REVIEWED_EXCLUSIONS = {
    "KR": ("كوريا الجنوبية", "not UN usage; UN documents say جمهورية كوريا"),
    "KP": ("كوريا الشمالية", "not UN usage; UN documents say جمهورية كوريا الشعبية الديمقراطية"),
    "PS": ("الأراضي الفلسطينية", "names the territory, not the State of Palestine"),
}


class MissingDependency(Exception):
    """A development-only dependency (pycountry, babel) is not installed."""


# --------------------------------------------------------------------------- loading


def split_cell(cell: str) -> list[str]:
    return cell.split(SEP) if cell else []


def load_states(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Read states.tsv; return (rows, errors). Rows keep their line number as '_line'."""
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
                if cells != COLUMNS:
                    errors.append(f"line {lineno}: header is {cells!r}, expected {COLUMNS!r}")
                continue
            if len(cells) != len(COLUMNS):
                errors.append(f"line {lineno}: {len(cells)} columns, expected {len(COLUMNS)}")
                continue
            row = dict(zip(COLUMNS, cells, strict=True))
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


def arabic_forms(row: dict[str, str]) -> list[str]:
    return [row["name_ar"], row["formal_ar"], *split_cell(row["variants_ar"])]


def english_forms(row: dict[str, str]) -> list[str]:
    return [row["name_en"], row["formal_en"], *split_cell(row["variants_en"])]


# --------------------------------------------------------------------------- checks


def structural_errors(rows: list[dict[str, str]]) -> list[str]:
    """Errors that make the table unusable: codes, counts, duplicates, cell form."""
    errors: list[str] = []
    seen: dict[str, dict[str, str]] = {"iso3": {}, "iso2": {}, "m49": {}}
    status_count = {k: 0 for k in EXPECTED}
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
            errors.append(f"{where}: status {row['status']!r} is not member/observer")

        for col in COLUMNS:
            cell = row[col]
            if cell != cell.strip() or "  " in cell:
                errors.append(f"{where}: {col} has stray whitespace: {cell!r}")
            if TATWEEL in cell:
                errors.append(f"{where}: {col} contains tatweel")
            if SHADDA in cell:
                errors.append(f"{where}: {col} contains shadda (drop it)")
            if "|" in cell.replace(SEP, ""):
                errors.append(f"{where}: {col} has a '|' not written as ' | '")
        for col in ("name_en", "name_ar", "formal_en", "formal_ar"):
            if not row[col]:
                errors.append(f"{where}: {col} is empty")
        for col in ("variants_en", "variants_ar"):
            values = split_cell(row[col])
            if any(not v.strip() for v in values):
                errors.append(f"{where}: {col} has an empty value")
            if len(set(values)) != len(values):
                errors.append(f"{where}: {col} repeats a value")
        for form in arabic_forms(row):
            if form and (not ARABIC_LETTER_RE.search(form) or LATIN_LETTER_RE.search(form)):
                errors.append(f"{where}: Arabic form {form!r} is not Arabic script")
        for form in english_forms(row):
            if form and ARABIC_LETTER_RE.search(form):
                errors.append(f"{where}: English form {form!r} contains Arabic letters")

    iso3s = [r["iso3"] for r in rows]
    if iso3s != sorted(iso3s):
        errors.append("rows are not sorted by iso3")
    if len(rows) != sum(EXPECTED.values()):
        errors.append(f"{len(rows)} rows, expected {sum(EXPECTED.values())}")
    for status, n in EXPECTED.items():
        if status_count[status] != n:
            errors.append(f"{status_count[status]} rows with status {status}, expected {n}")

    # A form (name, formal name or variant) must point at one State only.
    for lang, forms_of in (("ar", arabic_forms), ("en", english_forms)):
        owner: dict[str, tuple[str, str]] = {}
        for row in rows:
            for form in set(forms_of(row)):
                if not form:
                    continue
                key = match_key(form)
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


def babel_missing(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """Babel CLDR Arabic names that are not among a row's Arabic forms.

    Returns (iso3, iso2, babel_name) for every row whose CLDR name is neither name_ar,
    formal_ar nor one of variants_ar (compared without tatweel and diacritics), including
    the names listed in REVIEWED_EXCLUSIONS.
    """
    try:
        import babel
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            "babel is not installed (dev dependency: pip install babel)"
        ) from exc
    territories = babel.Locale("ar").territories
    missing = []
    for row in rows:
        name = territories.get(row["iso2"])
        if not name:
            missing.append((row["iso3"], row["iso2"], ""))
            continue
        known = {strip_marks(f) for f in arabic_forms(row)}
        if strip_marks(name) not in known:
            missing.append((row["iso3"], row["iso2"], name))
    return missing


def _split_reviewed(missing):
    todo, reviewed = [], []
    for iso3, iso2, name in missing:
        excl = REVIEWED_EXCLUSIONS.get(iso2)
        if excl and strip_marks(excl[0]) == strip_marks(name):
            reviewed.append((iso3, iso2, name, excl[1]))
        else:
            todo.append((iso3, iso2, name))
    return todo, reviewed


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
    members = sum(r["status"] == "member" for r in rows)
    observers = sum(r["status"] == "observer" for r in rows)
    print(f"{path}: {len(rows)} rows ({members} member, {observers} observer)")

    try:
        todo, reviewed = _split_reviewed(babel_missing(rows))
    except MissingDependency as exc:
        print(f"refdata: {exc}; CLDR comparison skipped")
    else:
        if todo:
            print(
                f"report: {len(todo)} Babel CLDR Arabic names not in the table "
                "(run 'suggest' to review):"
            )
            for iso3, iso2, name in todo:
                print(f"  {iso3} {iso2} {name or '(no CLDR name)'}")
        else:
            print("report: every Babel CLDR Arabic name is in the table")
        if reviewed:
            print(
                f"report: {len(reviewed)} Babel CLDR Arabic names reviewed and left out: "
                + "; ".join(f"{iso3} {name}" for iso3, _, name, _ in reviewed)
            )

    if errors:
        for err in errors:
            print(f"error: {err}")
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


def cmd_suggest(table_dir: Path, show_all: bool) -> int:
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
        todo, reviewed = _split_reviewed(babel_missing(rows))
    except MissingDependency as exc:
        print(f"refdata: {exc}")
        return 1
    if not todo:
        print("# every Babel CLDR Arabic name is already in states.tsv")
    else:
        print("# iso3\tbabel_ar\tname_ar\tvariants_ar  (add the good ones to variants_ar)")
    for iso3, _, name in todo:
        row = by_iso3[iso3]
        print(f"{iso3}\t{name or '(no CLDR name)'}\t{row['name_ar']}\t{row['variants_ar']}")
    if show_all:
        for iso3, _, name, why in reviewed:
            print(f"# reviewed, left out: {iso3}\t{name}\t{why}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="refdata", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("check", "check states.tsv (structure, pycountry codes; report Babel names)"),
        ("suggest", "print Babel CLDR Arabic names missing from states.tsv"),
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
                "--all",
                action="store_true",
                help="also list the names reviewed and deliberately left out",
            )
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check(args.table)
    return cmd_suggest(args.table, args.all)


if __name__ == "__main__":
    sys.exit(main())
