#!/usr/bin/env python3
"""Compare PDF text extractors on a folder of UN PDFs (the figures of docs/pdf.md).

usage: tools/pdf_compare.py FOLDER [--pdfminer-limit N] [--json OUT]

For each extractor (pypdfium2's text page, pdfminer.six, poppler's pdftotext, and unkg's own
reading of pypdfium2's characters) and each language (the ``-AR``/``-EN`` suffix of the file
name) it prints pages read, pages per second on one core (CPU time), lines per page, and signs of
reading order (the language is that of the text, Arabic or English, whatever the file name):

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
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ARTICLE_FIRST = re.compile(r"(?<![\u0621-\u064a])ال[\u0621-\u064a]{2,}")
ARTICLE_LAST = re.compile(r"[\u0621-\u064a]{2,}لا(?![\u0621-\u064a])")
# a paragraph number at the start of a line: "12- ", "-12 " (Arabic), "12. " (English), or
# alone on its line (pdftotext sets it apart)
NUMBER = re.compile(r"^(?:-(\d{1,3})(?:\s+\S|$)|(\d{1,3})(?:\s?-\s*|\.\s+)(?=\S|$))", re.M)
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


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pdftotext runs as one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def longest_increasing(numbers: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for n in numbers:
        i = bisect.bisect_left(tails, n)
        tails[i : i + 1] = [n]
    return len(tails)


def signs(pages: list[str]) -> dict[str, float]:
    controls = sum(len(CONTROLS.findall(page)) for page in pages)
    text = CONTROLS.sub("", "\n".join(pages))
    numbers = [int(a or b) for a, b in NUMBER.findall(text)]
    first = len(ARTICLE_FIRST.findall(text))
    last = len(ARTICLE_LAST.findall(text))
    return {
        "first": first,
        "last": last,
        "numbers": len(numbers),
        "in_order": longest_increasing(numbers),
        "mirrored": len(MIRRORED.findall(text)),
        "controls": controls,
        "lines": text.count("\n") + 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pdfminer-limit", type=int, default=8)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.pdf"))
    # the language of the text, not of the file name (some files hold the other version)
    languages = {}
    for path in files:
        text = "".join(pdfium_text(path))
        arabic = len(re.findall("[\u0621-\u064a]", text))
        languages[path] = "ar" if arabic > len(re.findall("[A-Za-z]", text)) else "en"
    rows: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name, extract in EXTRACTORS.items():
        seen: dict[str, int] = defaultdict(int)
        for path in files:
            lang = languages[path]
            if name == "pdfminer.six" and seen[lang] >= args.pdfminer_limit:
                continue
            seen[lang] += 1
            start = _cpu()
            try:
                pages = extract(path)
            except Exception as error:  # a tool's failure is a figure here, not a stop
                rows[name, lang]["failed"] += 1
                print(f"{name}: {path.name}: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            row = rows[name, lang]
            row["seconds"] += _cpu() - start
            row["files"] += 1
            row["pages"] += len(pages)
            for key, value in signs(pages).items():
                row[key] += value
    print(
        "| extractor | lang | files | pages | pages/s | lines/page | article-first "
        "| paragraph numbers/page | in order | mirrored/page | controls/page |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (name, lang), r in rows.items():
        pages = max(r["pages"], 1)
        articles = r["first"] + r["last"]
        first = f"{r['first'] / articles:.3f}" if articles >= 100 else "-"
        order = r["in_order"] / max(r["numbers"], 1)
        print(
            f"| {name} | {lang} | {r['files']:.0f} | {r['pages']:.0f} | "
            f"{r['pages'] / max(r['seconds'], 1e-9):.0f} | {r['lines'] / pages:.1f} | "
            f"{first} | {r['numbers'] / pages:.2f} | {order:.3f} | "
            f"{r['mirrored'] / pages:.2f} | {r['controls'] / pages:.1f} |"
        )
    if args.json:
        args.json.write_text(json.dumps({f"{k[0]}|{k[1]}": v for k, v in rows.items()}, indent=1))


if __name__ == "__main__":
    main()
