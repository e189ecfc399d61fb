#!/usr/bin/env python3
"""Compare PDF text extractors on a folder of UN PDFs (the figures of docs/pdf.md).

usage: tools/pdf_compare.py FOLDER [--pdfminer-limit N] [--json OUT]

For each extractor (pypdfium2's text page, pdfminer.six, poppler's pdftotext, and unkg's own
reading of pypdfium2's characters) and each language (the ``-AR``/``-EN`` suffix of the file
name) it prints pages read, pages per second on one core, and signs of reading order:

* ``article-first``: of the Arabic words that start with the article ``ال`` or end with its
  mirror ``لا``, the share that start with it (reversed words end with it);
* ``numbers-in-order``: of the printed paragraph numbers found at the start or end of a line
  (``12-``, ``-12``, ``12.``), the share in the longest increasing sequence of them;
* ``mirrored-brackets``: ``)...(`` pairs on one line (a bracket pair printed mirrored) per page;
* ``controls``: bidi control characters per page (pdftotext wraps runs in them).

pdfminer.six is slow, so it reads only the first N files of each language.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ARTICLE_FIRST = re.compile(r"(?<![\u0621-\u064a])ال[\u0621-\u064a]{2,}")
ARTICLE_LAST = re.compile(r"[\u0621-\u064a]{2,}لا(?![\u0621-\u064a])")
NUMBER = re.compile(r"^\s*(?:-\s*)?(\d{1,3})\s*[-.]?\s+\S|\S\s+(?:-\s*)?(\d{1,3})\s*-?\s*$", re.M)
MIRRORED = re.compile(r"\)[^()\n]{1,60}\(")
CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdfium_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def unkg_text(path: Path) -> list[str]:
    from unkg.ingest.pdf import read_pdf_pages

    return [page.text for page in read_pdf_pages(path)]


def pdfminer_text(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(e.get_text() for e in page if isinstance(e, LTTextContainer))
        for page in extract_pages(path)
    ]


def pdftotext_text(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


EXTRACTORS: dict[str, Callable[[Path], list[str]]] = {
    "pypdfium2": pdfium_text,
    "unkg (pypdfium2 chars)": unkg_text,
    "pdftotext": pdftotext_text,
    "pdfminer.six": pdfminer_text,
}


def longest_increasing(numbers: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for n in numbers:
        i = bisect.bisect_left(tails, n)
        tails[i : i + 1] = [n]
    return len(tails)


def signs(pages: list[str]) -> dict[str, float]:
    text = "\n".join(pages)
    numbers = [int(a or b) for a, b in NUMBER.findall(text)]
    first = len(ARTICLE_FIRST.findall(text))
    last = len(ARTICLE_LAST.findall(text))
    return {
        "first": first,
        "last": last,
        "numbers": len(numbers),
        "in_order": longest_increasing(numbers),
        "mirrored": len(MIRRORED.findall(text)),
        "controls": len(CONTROLS.findall(text)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pdfminer-limit", type=int, default=8)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.pdf"))
    rows: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name, extract in EXTRACTORS.items():
        seen: dict[str, int] = defaultdict(int)
        for path in files:
            lang = "ar" if path.stem.upper().endswith("-AR") else "en"
            if name == "pdfminer.six" and seen[lang] >= args.pdfminer_limit:
                continue
            seen[lang] += 1
            start = time.process_time()
            try:
                pages = extract(path)
            except Exception as error:  # a tool's failure is a figure here, not a stop
                rows[name, lang]["failed"] += 1
                print(f"{name}: {path.name}: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            row = rows[name, lang]
            row["seconds"] += time.process_time() - start
            row["files"] += 1
            row["pages"] += len(pages)
            for key, value in signs(pages).items():
                row[key] += value
    print(
        "| extractor | lang | files | pages | pages/s | article-first | numbers-in-order "
        "| mirrored/page | controls/page |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for (name, lang), r in rows.items():
        pages = max(r["pages"], 1)
        first = r["first"] / max(r["first"] + r["last"], 1)
        order = r["in_order"] / max(r["numbers"], 1)
        print(
            f"| {name} | {lang} | {r['files']:.0f} | {r['pages']:.0f} | "
            f"{r['pages'] / max(r['seconds'], 1e-9):.0f} | "
            f"{first:.3f} | {order:.3f} | {r['mirrored'] / pages:.2f} | "
            f"{r['controls'] / pages:.1f} |"
        )
    if args.json:
        args.json.write_text(json.dumps({f"{k[0]}|{k[1]}": v for k, v in rows.items()}, indent=1))


if __name__ == "__main__":
    main()
