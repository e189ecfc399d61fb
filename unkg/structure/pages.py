"""Page furniture of paged sources (PDF, Word): running headers and footers, and the symbol
block of the first page, told apart from the body and turned into metadata.

A running header or footer is recognised by its repetition, not its words: a line among the
first or last lines printed on a page (by position on the page, not by the order the file
draws it in) that comes back, digits aside, on many pages — the symbol, the job number, a
page number counting up, a date, a running title. The symbol block is the run of lines at
the top of the first page that UN documents print in English in every language version
(``Distr.``, ``LIMITED``, the symbol, the date, ``ORIGINAL: ARABIC``).

Plain-text sources have no pages: nothing here applies to them, and their lines are judged
one by one (:func:`unkg.structure.layout._header`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from unkg.ingest.files import Source
from unkg.structure.document import Header
from unkg.text.symbols import symbol_pattern

__all__ = ["PageLine", "furniture", "original_language", "symbol_block_date"]

# how many lines at each edge of a page may be furniture
_EDGE = 3
# a line is running furniture when it comes back on this share of the pages (and on two)
_SHARE = 0.3
_LONGEST = 120
# how many of the first page's first lines the symbol block may span
_BLOCK = 16
_DIGITS = re.compile(r"\d+")
_JOB = re.compile(r"(?<![\d/-])(?P<job>\d{2}-\d{5})(?:\s*\([A-Z]\))?(?![\d-])")
_PAGE = re.compile(r"^(?:[-\u2013\u2014]\s*)?(?P<page>\d{1,4})(?:\s*[-\u2013\u2014])?$")
_ROMAN_PAGE = re.compile(r"^(?P<page>[ivxlc]{1,6})$")


@dataclass(frozen=True, slots=True)
class PageLine:
    """A line of the document as structure sees it: its index, text and original offsets."""

    index: int
    text: str
    start: int
    end: int


@cache
def _data() -> dict[str, object]:
    text = (
        resources.files("unkg.structure").joinpath("symbol_block.json").read_text(encoding="utf-8")
    )
    return json.loads(text)  # type: ignore[no-any-return]


def original_language(name: str) -> str | None:
    """The ISO 639-1 code of a language named in the symbol block (``arabic`` -> ``ar``)."""
    languages = _data()["languages"]
    assert isinstance(languages, dict)
    code = languages.get(name.lower())
    return code if isinstance(code, str) else None


@cache
def _block_patterns() -> tuple[dict[str, list[re.Pattern[str]]], re.Pattern[str], list[str]]:
    data: dict[str, Any] = _data()
    fields = {name: [re.compile(p) for p in patterns] for name, patterns in data["fields"].items()}
    months = data["months"]
    date = re.compile(
        rf"^(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(months)})\s+(?P<year>[12]\d{{3}})$"
    )
    return fields, date, months


def symbol_block_date(text: str) -> dt.date | None:
    """The date of a symbol block line (``11 January 2018``), or None.

    >>> symbol_block_date("11 January 2018")
    datetime.date(2018, 1, 11)
    """
    _, date, months = _block_patterns()
    m = date.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group("year")), months.index(m.group("month")) + 1, int(m["day"]))
    except ValueError:
        return None


def _symbol(text: str) -> str | None:
    """The symbol a header line starts with, with a part in brackets it runs into
    (``E/ESCWA/EDID/2017/IG.2/5(Part II)``)."""
    m = symbol_pattern().match(text)
    if not m:
        return None
    rest = re.match(r"\([^()]{1,20}\)(?:/[A-Za-z0-9.]+)*", text[m.end() :])
    return m.group() + (rest.group() if rest else "")


def _kinds(text: str, start: int, end: int) -> list[Header]:
    """What a furniture line says: symbol, job number, page number, date; else a running
    line (a running title)."""
    found: list[Header] = []
    symbol = _symbol(text)
    if symbol:
        found.append(Header("symbol", symbol, start, end))
    job = _JOB.search(text)
    if job:
        found.append(Header("job-number", job.group("job"), start, end))
    page = _PAGE.match(text) or _ROMAN_PAGE.match(text)
    if page:
        found.append(Header("page", page.group("page"), start, end))
    date = symbol_block_date(text)
    if date:
        found.append(Header("date", date.isoformat(), start, end))
    return found or [Header("running", text, start, end)]


def _block_line(text: str, start: int, end: int) -> list[Header]:
    """The headers of a line of the first page's symbol block, or [] if it is not one."""
    fields, _, _ = _block_patterns()
    for name, patterns in fields.items():
        for pattern in patterns:
            m = pattern.match(text)
            if m:
                value = m.groupdict().get("value") or text
                return [Header(name, value.lower() if name != "letterhead" else value, start, end)]
    if symbol_block_date(text):
        return _kinds(text, start, end)
    symbol = _symbol(text)
    if symbol and len(symbol) >= len(text) - 1:
        return [Header("symbol", symbol, start, end)]
    if _JOB.fullmatch(text):
        return _kinds(text, start, end)
    return []


def _positions(source: Source, lines: Sequence[PageLine]) -> dict[int, list[PageLine]]:
    """Each page's lines, top to bottom as printed (by the line boxes the reader kept)."""
    starts = [box.start for box in source.lines]
    pages: dict[int, list[tuple[float, int, PageLine]]] = defaultdict(list)
    for line in lines:
        k = bisect.bisect_right(starts, line.start) - 1
        if k >= 0 and source.lines[k].start <= line.start <= source.lines[k].end:
            box = source.lines[k]
            pages[box.page].append((box.top, line.index, line))
        else:
            page = source.page_at(line.start)
            if page is not None:
                pages[page].append((math.inf, line.index, line))
    return {page: [entry[2] for entry in sorted(found)] for page, found in sorted(pages.items())}


def furniture(source: Source, lines: Sequence[PageLine]) -> dict[int, list[Header]]:
    """The lines of a paged source that are page furniture, by line index, with what each
    says. ``lines`` are the document's non-blank lines.

    Running lines need pages (a PDF); the symbol block is looked for in any source that
    is not plain text (its first lines, for a Word file).
    """
    found: dict[int, list[Header]] = {}
    if source.kind == "text":
        return found
    by_page = _positions(source, lines) if source.pages else {1: list(lines)}
    first = by_page.get(min(by_page), []) if by_page else []
    for line in first[:_BLOCK]:
        headers = _block_line(line.text, line.start, line.end)
        if headers:
            found[line.index] = headers
    if len(by_page) < 2:
        return found
    edges: dict[str, set[int]] = defaultdict(set)
    edge_lines: list[tuple[str, PageLine]] = []
    for page, page_lines in by_page.items():
        chosen = {id(x): x for x in (*page_lines[:_EDGE], *page_lines[-_EDGE:])}
        for line in chosen.values():
            key = _DIGITS.sub("#", line.text)
            if len(key) <= _LONGEST:
                edges[key].add(page)
                edge_lines.append((key, line))
    needed = max(2, math.ceil(_SHARE * len(by_page)))
    for key, line in edge_lines:
        if len(edges[key]) >= needed and line.index not in found:
            found[line.index] = _kinds(line.text, line.start, line.end)
    return found
