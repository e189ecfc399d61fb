#!/usr/bin/env python3
"""unkg's reading of a folder of UN PDFs, file by file (the figures of docs/pdf.md).

usage: tools/pdf_corpus.py FOLDER [--json OUT]

Each PDF is read as ``unkg build`` reads it (text layer, language, pages, running headers and
footers, symbol block). It prints, per language of the text (not of the file name):
files read or refused (with the reasons), pages, and milliseconds per page (reading and
structure, one core); then, for the ``-AR``/``-EN`` pairs of one symbol, how often the two
versions agree on the own symbol, the symbol block's date and the page count.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from unkg.ingest.files import InputError, Source, language_of
from unkg.ingest.pdf import read_pdf
from unkg.structure.layout import parse


def read(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    start = time.process_time()
    try:
        pdf = read_pdf(path, data)
    except InputError as error:
        return {"file": path.name, "status": "refused", "reason": error.problem.split(":")[0]}
    try:
        language = language_of(pdf.text, path)
    except InputError as error:
        return {"file": path.name, "status": "refused", "reason": error.problem.split(":")[0]}
    source = Source(
        str(path), pdf.text, "pdf", "", len(data), language, "pdf", pdf.pages, pdf.lines
    )
    document = parse(source)
    seconds = time.process_time() - start
    meta = document.metadata
    return {
        "file": path.name,
        "status": "read",
        "language": language,
        "pages": len(pdf.pages),
        "printed_numbers": sum(1 for p in pdf.pages if p.number is not None),
        "seconds": seconds,
        "symbol": meta.symbol,
        "date": meta.date,
        "distribution": meta.distribution,
        "job_number": meta.job_number,
        "paragraphs": len(document.paragraphs),
        "numbered": sum(1 for p in document.paragraphs if p.number is not None),
        "headers": len(meta.headers),
        # pages after the first on which a running header or footer was recognised
        "furniture_pages": len(
            {source.page_at(h.start) for h in meta.headers if h.kind not in ("boilerplate",)}
            - {1, None}
        ),
    }


def own_symbol(stem: str) -> str:
    """The symbol a corpus file is named by: E_ESCWA_EDID_2017_IG.1_9_REPORT -> E/ESCWA/..."""
    return re.sub(r"\s+", "", stem.rsplit("-", 1)[0].replace("_", "/")).upper()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = [read(path) for path in sorted(args.folder.glob("*.pdf"))]
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    seconds: dict[str, float] = defaultdict(float)
    reasons: Counter[str] = Counter()
    for row in rows:
        if row["status"] != "read":
            reasons[str(row["reason"])] += 1
            continue
        lang = str(row["language"])
        by_lang[lang]["files"] += 1
        by_lang[lang]["pages"] += int(row["pages"])  # type: ignore[call-overload]
        by_lang[lang]["symbol"] += bool(row["symbol"])
        by_lang[lang]["date"] += bool(row["date"])
        by_lang[lang]["printed"] += int(row["printed_numbers"])  # type: ignore[call-overload]
        by_lang[lang]["furniture"] += int(row["furniture_pages"])  # type: ignore[call-overload]
        by_lang[lang]["later pages"] += int(row["pages"]) - 1  # type: ignore[call-overload]
        seconds[lang] += float(row["seconds"])  # type: ignore[arg-type]
    print(
        "| language (of the text) | files read | pages | ms per page | with symbol | with date "
        "| pages 2+ with running header/footer | pages with printed number |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for lang, c in sorted(by_lang.items()):
        ms = 1000 * seconds[lang] / max(c["pages"], 1)
        print(
            f"| {lang} | {c['files']} | {c['pages']} | {ms:.1f} | {c['symbol']} | {c['date']} "
            f"| {c['furniture']} of {c['later pages']} | {c['printed']} |"
        )
    print(f"\nrefused: {dict(reasons)}")
    pairs: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for row in rows:
        m = re.match(r"(.+)-(AR|EN)\.pdf$", str(row["file"]), re.I)
        if m:
            pairs[m.group(1)][m.group(2).upper()] = row
    agree: Counter[str] = Counter()
    detail = []
    for stem, pair in sorted(pairs.items()):
        if set(pair) != {"AR", "EN"}:
            continue
        agree["pairs"] += 1
        ar, en = pair["AR"], pair["EN"]
        if ar["status"] != "read" or en["status"] != "read":
            agree["one refused"] += 1
            continue
        agree["both read"] += 1
        own = own_symbol(stem + "-X")
        for key in ("symbol", "date", "pages"):
            a, e = ar.get(key), en.get(key)
            if key == "symbol":
                a = str(a or "").replace(" ", "").upper()
                e = str(e or "").replace(" ", "").upper()
                agree["own symbol AR"] += a == own
                agree["own symbol EN"] += e == own
            same = a == e and a not in (None, "")
            agree[key] += same
            if not same:
                detail.append((stem, key, a, e))
    print(f"\npairs: {dict(agree)}")
    for item in detail:
        print("  differs:", *item)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
