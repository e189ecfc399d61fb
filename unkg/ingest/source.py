"""What reading a file gives: the :class:`Source` (unkg's text of the file, with the pages and
line boxes of a PDF), and the :class:`InputError` that says why a file gives none."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["InputError", "LineBox", "Page", "Source"]


class InputError(Exception):
    """A file unkg cannot read as a document; ``str()`` is one line naming the file."""

    def __init__(self, path: Path | str, problem: str, pages: int | None = None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
        self.pages = pages  # the pages of a PDF refused once opened


@dataclass(frozen=True, slots=True)
class Page:
    """A page of a paged source (a PDF): where its text lies in ``Source.text``."""

    index: int  # from 1, in the file
    start: int
    end: int
    number: int | None = None  # the page number printed on it, when it prints one


@dataclass(frozen=True, slots=True)
class LineBox:
    """Where a line of ``Source.text`` was printed: page, box in points from the page's
    top left, font size and weight (for headings, tables and running headers)."""

    start: int
    end: int
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input file. Offsets everywhere in unkg count characters of ``text``.

    For a PDF or Word file ``text`` is the text unkg made of it (``unkg inspect FILE
    --source`` prints it); ``pages`` and ``lines`` say where each page and line came from.
    """

    path: str
    text: str
    encoding: str
    sha256: str
    size: int
    language: str  # ISO 639-1 code of the language pack that reads it
    kind: str = "text"  # "text", "pdf", "docx"
    pages: tuple[Page, ...] = field(default=(), repr=False)
    lines: tuple[LineBox, ...] = field(default=(), repr=False)

    def page_at(self, offset: int) -> int | None:
        """The page (its index in the file, from 1) holding ``text[offset]``; None for a
        source without pages.

        >>> Source("a.pdf", "ab\\f\\ncd", "pdf", "", 0, "ar", "pdf",
        ...        (Page(1, 0, 2), Page(2, 4, 6))).page_at(5)
        2
        """
        if not self.pages:
            return None
        at = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[max(at, 0)].index
