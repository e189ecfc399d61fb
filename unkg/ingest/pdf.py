"""Read the text layer of a PDF file with pypdfium2 (PDFium: Apache-2.0/BSD).

unkg's text of a PDF is its pages' text in order, one line per printed line, pages separated
by a form feed on a line of its own (``\\f\\n``). Every offset unkg gives for a PDF (evidence,
paragraphs, headers) counts characters of that text, which ``unkg inspect FILE --source``
prints. The pages (their offsets and printed numbers) and each line's box, font size and
weight are kept beside the text for structure to use.

PDFium gives each page's characters in the order the file draws them, with line breaks where
that order leaves a line. For the UN's Arabic and English documents the drawing order is the
reading order inside a run of text, and columns are drawn one after the other (a
participants list keeps each name under its State). What it gets wrong is a line drawn in
several pieces out of order (a justified Arabic line whose left part is drawn first): pieces
that share a baseline and follow each other in the drawing are put back into one line, right
to left for an Arabic line and left to right otherwise.

What cannot be read is said: no text layer (a scan: needs OCR), a text layer whose fonts have
no Unicode map (the letters come out as codes of no script), an encrypted or damaged file.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from unkg.ingest.source import InputError, LineBox, Page

__all__ = ["PAGE_SEPARATOR", "PdfPage", "PdfText", "read_pdf", "read_pdf_pages"]

PAGE_SEPARATOR = "\f\n"

_BREAK = re.compile(r"\r\n|\r|\n")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z]")
# a printed page number alone on a line: "7", "- 7 -", "-7-"
_PAGE_NUMBER = re.compile(r"^[-\u2013\u2014]?\s*(\d{1,4})\s*[-\u2013\u2014]?$")
# PDFium marks a hyphen it judged a soft line-end hyphen with U+FFFE; it is a soft hyphen
_PDFIUM_SOFT_HYPHEN = "\ufffe"
_BOLD_WEIGHT = 600
# a line's pieces share a baseline when their boxes overlap by this share of the lower one
_SAME_LINE = 0.5
# the share of the narrower of two pieces of one line that may lie under the other
_OVERLAP = 0.2
# pieces closer than this share of the font size hold one word cut in two
_WORD_GAP = 0.1
# the share of a page's characters without a Unicode map above which the text is unusable
_UNMAPPED = 0.2
# the share of letters in scripts a UN document uses (Arabic, Latin, Cyrillic, Chinese,
# Greek for symbols) below which a text layer is mojibake
_READABLE = 0.6


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of text PDFium kept on one line, with its box (points, from the page's top)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page: its lines (text, box, font size, weight) in reading order."""

    index: int  # from 1, in the file
    width: float
    height: float
    lines: tuple[_Piece, ...]
    unmapped: int  # characters whose font gives no Unicode value
    chars: int

    @property
    def text(self) -> str:
        return "".join(line.text + "\n" for line in self.lines)


@dataclass(frozen=True, slots=True)
class PdfText:
    """unkg's text of a PDF and what it knows of its pages and lines."""

    text: str
    pages: tuple[Page, ...]
    lines: tuple[LineBox, ...]


def read_pdf(path: Path | str, data: bytes) -> PdfText:
    """unkg's text of a PDF (given as bytes), or :class:`InputError` saying why it has none.

    >>> read_pdf("x.pdf", b"%PDF-1.4 not really")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    unkg.ingest.source.InputError: x.pdf: damaged PDF: PDFium cannot parse it (...); ...
    """
    pages = _read_pages(path, data)
    _check_readable(path, pages)
    return _assemble(pages)


def read_pdf_pages(path: Path | str) -> list[PdfPage]:
    """The pages of a PDF file as PDFium reads them, without the checks (for measuring)."""
    path = Path(path)
    return _read_pages(path, path.read_bytes())


def _read_pages(path: Path | str, data: bytes) -> list[PdfPage]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(path, _open_problem(str(error))) from None
    try:
        pages = []
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise InputError(
                    path, f"damaged PDF: page {index + 1} cannot be read ({error})"
                ) from None
            try:
                pages.append(_read_page(page, index + 1))
            finally:
                page.close()
        return pages
    finally:
        document.close()


def _open_problem(message: str) -> str:
    reason = message.split(":", 1)[-1].strip().rstrip(".)").lower() or "unknown error"
    if "password" in reason or "security" in reason:
        return (
            "encrypted PDF: it needs a password to open; save an unprotected copy "
            "(print it to a new PDF) and read that"
        )
    return (
        f"damaged PDF: PDFium cannot parse it ({reason}); get the file again or print it "
        "to a new PDF"
    )


def _read_page(page: object, index: int) -> PdfPage:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    assert isinstance(page, pdfium.PdfPage)
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = textpage.count_chars()
        text = textpage.get_text_range() if count else ""
        unmapped = sum(1 for i in range(count) if raw.FPDFText_HasUnicodeMapError(handle, i) == 1)
        pieces: list[_Piece] = []
        at = 0
        for m in [*_BREAK.finditer(text), None]:
            end = m.start() if m is not None else len(text)
            piece = _piece(handle, text, at, end, height)
            if piece is not None:
                pieces.append(piece)
            if m is not None:
                at = m.end()
        return PdfPage(index, width, height, tuple(_lines(pieces)), unmapped, count)
    finally:
        textpage.close()


def _piece(handle: object, text: str, start: int, end: int, page_height: float) -> _Piece | None:
    """The run ``text[start:end]`` of a page with its box and font, or None if blank."""
    import ctypes

    import pypdfium2.raw as raw

    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    first = raw.FPDFText_GetCharIndexFromTextIndex(handle, start)
    last = raw.FPDFText_GetCharIndexFromTextIndex(handle, end - 1)
    if first < 0 or last < first:
        first, last = start, end - 1
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for n in range(raw.FPDFText_CountRects(handle, first, last - first + 1)):
        if raw.FPDFText_GetRect(
            handle,
            n,
            ctypes.byref(left),
            ctypes.byref(top),
            ctypes.byref(right),
            ctypes.byref(bottom),
        ):
            x0, x1 = min(x0, left.value), max(x1, right.value)
            y0, y1 = min(y0, bottom.value), max(y1, top.value)
    if x0 == float("inf"):
        x0 = x1 = y0 = y1 = 0.0
    # the font of the run: that of its first letter from the middle on (a paragraph number
    # or a bracket at its start may be set apart)
    probe = next(
        (i for i in range((start + end) // 2, end) if text[i].isalpha()),
        next((i for i in range(start, end) if not text[i].isspace()), start),
    )
    char = raw.FPDFText_GetCharIndexFromTextIndex(handle, probe)
    size = float(raw.FPDFText_GetFontSize(handle, char)) if char >= 0 else 0.0
    weight = raw.FPDFText_GetFontWeight(handle, char) if char >= 0 else -1
    bold = weight >= _BOLD_WEIGHT or (weight < 0 and _font_name(handle, char).find("Bold") >= 0)
    body = text[start:end].replace(_PDFIUM_SOFT_HYPHEN, "\u00ad")
    return _Piece(
        body,
        round(x0, 1),
        round(x1, 1),
        round(page_height - y1, 1),
        round(page_height - y0, 1),
        round(size, 1),
        bold,
    )


def _font_name(handle: object, char: int) -> str:
    import ctypes

    import pypdfium2.raw as raw

    if char < 0:
        return ""
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(handle, char, buffer, 128, ctypes.byref(flags))
    return buffer.value.decode("utf-8", "replace")


def _lines(pieces: list[_Piece]) -> list[_Piece]:
    """Join the pieces PDFium drew one after the other on one baseline into one line."""
    lines: list[list[_Piece]] = []
    for piece in pieces:
        if lines and _same_line(lines[-1], piece):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [_join(line) for line in lines]


def _same_line(line: list[_Piece], piece: _Piece) -> bool:
    top = max(p.top for p in line)
    bottom = min(p.bottom for p in line)
    overlap = min(bottom, piece.bottom) - max(top, piece.top)
    if overlap < _SAME_LINE * min(piece.height, min(p.height for p in line)):
        return False
    # pieces of one line lie side by side (a mark over a letter may reach into the next
    # piece); a piece drawn over another is not the same line (text drawn twice for bold)
    return all(
        min(piece.x1, p.x1) - max(piece.x0, p.x0)
        <= _OVERLAP * min(piece.x1 - piece.x0, p.x1 - p.x0)
        for p in line
    )


def _join(line: list[_Piece]) -> _Piece:
    if len(line) == 1:
        return line[0]
    text = " ".join(p.text for p in line)
    right_to_left = len(_ARABIC.findall(text)) > len(_LATIN.findall(text))
    ordered = sorted(line, key=lambda p: -p.x1 if right_to_left else p.x0)
    main = max(line, key=lambda p: len(p.text))
    joined = [ordered[0].text]
    for before, after in itertools.pairwise(ordered):
        gap = before.x0 - after.x1 if right_to_left else after.x0 - before.x1
        joined.append(("" if gap < _WORD_GAP * main.size else " ") + after.text)
    return _Piece(
        "".join(joined),
        min(p.x0 for p in line),
        max(p.x1 for p in line),
        min(p.top for p in line),
        max(p.bottom for p in line),
        main.size,
        main.bold,
    )


def _check_readable(path: Path | str, pages: list[PdfPage]) -> None:
    if not pages:
        raise InputError(path, "empty PDF: it has no pages")
    chars = sum(p.chars for p in pages)
    if not any(p.lines for p in pages):
        return_pages = f"{len(pages)} page" + ("s" if len(pages) > 1 else "")
        raise InputError(
            path,
            f"no text layer: needs OCR (its {return_pages} are images, a scan); "
            "run it through OCR (e.g. ocrmypdf -l ara+eng) and read the result",
            len(pages),
        )
    unmapped = sum(p.unmapped for p in pages)
    letters = Counter(_script(c) for p in pages for c in p.text if c.isalpha())
    total = sum(letters.values())
    readable = letters["known"] / total if total else 0.0
    if unmapped > _UNMAPPED * chars or readable < _READABLE:
        why = (
            f"{unmapped} of {chars} characters have no Unicode value"
            if unmapped > _UNMAPPED * chars
            else f"only {readable:.0%} of its letters are in a script UN documents use"
        )
        raise InputError(
            path,
            f"text layer unreadable: fonts without a Unicode map ({why}); "
            "run it through OCR and read the result",
            len(pages),
        )


def _script(char: str) -> str:
    code = ord(char)
    if (
        (0x41 <= code <= 0x7A)
        or (0x600 <= code <= 0x6FF)
        or (0x750 <= code <= 0x77F)
        or (0xFB50 <= code <= 0xFEFF)
        or (0x370 <= code <= 0x52F)  # Greek, Cyrillic
        or (0x4E00 <= code <= 0x9FFF)  # CJK
        or (0xC0 <= code <= 0x24F and code not in _MOJIBAKE)
    ):
        return "known"
    return "other"


# Latin-1 letters that Arabic comes out as when a font maps Arabic glyphs to Windows-1256
# codes without a Unicode map (ÇáÃãã for الأمم): accented capitals and the like are counted
# as no script, since UN Arabic or English text holds them only in names.
_MOJIBAKE = frozenset(range(0xC0, 0x100))


def _assemble(pages: list[PdfPage]) -> PdfText:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    boxes: list[LineBox] = []
    at = 0
    for k, page in enumerate(pages):
        if k:
            parts.append(PAGE_SEPARATOR)
            at += len(PAGE_SEPARATOR)
        start = at
        for line in page.lines:
            boxes.append(
                LineBox(
                    at,
                    at + len(line.text),
                    page.index,
                    line.x0,
                    line.x1,
                    line.top,
                    line.bottom,
                    line.size,
                    line.bold,
                )
            )
            parts.append(line.text + "\n")
            at += len(line.text) + 1
        spans.append((start, at))
    numbers = _printed_numbers(pages)
    return PdfText(
        "".join(parts),
        tuple(
            Page(page.index, start, end, numbers.get(page.index))
            for page, (start, end) in zip(pages, spans, strict=True)
        ),
        tuple(boxes),
    )


def _printed_numbers(pages: list[PdfPage]) -> dict[int, int]:
    """Printed page numbers: a number alone on one of a page's first or last two lines that
    runs in step with the pages (the same offset from the page's place in the file on at
    least two pages)."""
    candidates: dict[int, set[int]] = {}
    for page in pages:
        lines = [line.text for line in (*page.lines[:2], *page.lines[-2:])]
        found = {int(m.group(1)) for m in map(_PAGE_NUMBER.match, lines) if m}
        candidates[page.index] = found
    offsets = Counter(n - index for index, found in candidates.items() for n in found)
    if not offsets:
        return {}
    offset, votes = offsets.most_common(1)[0]
    if votes < 2:
        return {}
    return {index: index + offset for index, found in candidates.items() if index + offset in found}
