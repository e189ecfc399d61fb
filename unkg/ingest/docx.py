"""Read a Word (.docx) file with python-docx (MIT): its text as unkg reads a document.

unkg's text of a .docx file is, one line each: the distinct lines of its page headers and
footers (where Word keeps the symbol and job number), then the body's paragraphs and tables
in order. A numbered paragraph gets its number as Word prints it (``12.``, ``(a)``), worked
out from the numbering definitions, since the file stores only the definition. A table row
is one line, its cells joined by a space, so a name stays with its State.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from unkg.ingest.source import InputError

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path | str, data: bytes) -> str:
    """unkg's text of a .docx file given as bytes, or :class:`InputError`.

    >>> read_docx("x.docx", b"PK not a zip")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    unkg.ingest.source.InputError: x.docx: damaged Word file: not a .docx (zip) package; ...
    """
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(
            path,
            "damaged Word file: not a .docx (zip) package; open and save it again in Word "
            "or LibreOffice",
        ) from None
    numbering = _Numbering(document)
    lines: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for part in (section.first_page_header, section.header, section.footer):
            if part.is_linked_to_previous and lines:
                continue
            for paragraph in part.paragraphs:
                text = _clean(paragraph.text)
                if text and text not in seen:
                    seen.add(text)
                    lines.append(text)
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            text = _clean(_text(element))
            label = numbering.label(element)
            if label and text:
                text = f"{label} {text}"
            if text:
                lines.append(text)
        elif element.tag == f"{_W}tbl":
            lines.extend(_table_rows(element))
    return "".join(line + "\n" for line in lines)


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _text(paragraph: Any) -> str:
    """A paragraph's text: its runs' text, a tab or a break as a space."""
    return "".join(
        (node.text or "") if node.tag == f"{_W}t" else " "
        for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br")
    )


def _table_rows(table: Any) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            words = _clean(" ".join(_text(p) for p in cell.iter(f"{_W}p")))
            if words:
                cells.append(words)
        if cells:
            yield " ".join(cells)


class _Numbering:
    """The numbers Word prints before numbered paragraphs, counted as Word counts them."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counts: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in node.iterchildren(f"{_W}lvl"):
                ilvl = int(level.get(f"{_W}ilvl", "0"))
                fmt = _value(level, "numFmt") or "decimal"
                text = _value(level, "lvlText") or ""
                start = int(_value(level, "start") or "1")
                levels[ilvl] = (fmt, text, start)
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            ref = _value(num, "abstractNumId") or ""
            for ilvl, level in abstract.get(ref, {}).items():
                self.levels[num.get(f"{_W}numId", ""), ilvl] = level

    def label(self, paragraph: Any) -> str:
        props = paragraph.find(f"{_W}pPr/{_W}numPr")
        if props is None:
            return ""
        num = _value(props, "numId") or ""
        ilvl = int(_value(props, "ilvl") or "0")
        if (num, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[num, ilvl]
        self.counts[num, ilvl] = self.counts.get((num, ilvl), start - 1) + 1
        for deeper in [key for key in self.counts if key[0] == num and key[1] > ilvl]:
            del self.counts[deeper]
        if fmt in ("bullet", "none"):
            return ""
        label = text
        for k in range(ilvl + 1):
            level_fmt, _, level_start = self.levels.get((num, k), ("decimal", "", 1))
            count = self.counts.get((num, k), level_start)
            shown = _shown(level_fmt, count)
            label = label.replace(f"%{k + 1}", shown)
        return label.strip()


@cache
def _abjad() -> dict[int, str]:
    """The letters Arabic lists count with, in abjad order, from the Arabic pack."""
    from unkg import lang

    return {n: letter for letter, n in lang.get("ar").layout().list_letters.items()}


def _shown(fmt: str, n: int) -> str:
    """A count as a numbering format prints it (decimal for formats not known here, such
    as Word's alphabetical Arabic ``arabicAlpha``).

    >>> [_shown(f, 4) for f in ("decimal", "lowerLetter", "upperRoman", "arabicAbjad")]
    ['4', 'd', 'IV', 'د']
    """
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "arabicAbjad":
        return _abjad().get(n, str(n))
    return str(n)


def _value(node: Any, name: str) -> str | None:
    child = node.find(f"{_W}{name}")
    return None if child is None else child.get(f"{_W}val")


_NUMERALS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(n: int) -> str:
    numerals = _NUMERALS
    out = []
    for value, numeral in numerals:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
