"""The structured document every extractor reads: plain frozen records, no behaviour beyond
mapping text positions back to the original file."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from enum import Enum

from unkg.ingest.files import Source
from unkg.repair.offsets import Repaired

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "Header",
    "Item",
    "Metadata",
    "Paragraph",
    "Section",
    "TextView",
]


@dataclass(frozen=True, slots=True)
class TextView:
    """A stretch of repaired text and, per character, its offset in the original file."""

    text: str
    origin: array[int] = field(repr=False)

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Original offsets of ``text[start:end]`` (the smallest span holding all of it)."""
        end = len(self.text) if end is None else end
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} outside text of length {len(self.text)}")
        if start == end:
            return self.origin[start], self.origin[start]
        window = self.origin[start:end]
        return min(window), max(window) + 1

    @property
    def start(self) -> int:
        return self.span()[0]

    @property
    def end(self) -> int:
        return self.span()[1]

    def slice(self, start: int, end: int) -> TextView:
        return TextView(self.text[start:end], self.origin[start : end + 1])

    @classmethod
    def join(cls, parts: list[TextView], separator: str = " ") -> TextView:
        """Concatenate views; each separator character takes the origin of what follows it."""
        texts: list[str] = []
        origin: array[int] = array("q")
        for i, part in enumerate(parts):
            if i and separator:
                texts.append(separator)
                origin.extend([part.origin[0]] * len(separator))
            texts.append(part.text)
            origin.extend(part.origin[: len(part.text)])
        origin.append(parts[-1].origin[len(parts[-1].text)] if parts else 0)
        return cls("".join(texts), origin)


class BlockKind(Enum):
    BODY_NAME = "body-name"  # name of the conference or body heading the first page
    DATELINE = "dateline"  # place and dates of the meeting
    DOC_TITLE = "doc-title"  # "Report of ...", "Note verbale dated ..."
    TITLE = "title"  # other title lines (annex titles, subtitles)
    SIGNATURE = "signature"  # closing place and date


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    view: TextView
    annex: int | None = None

    @property
    def text(self) -> str:
        return self.view.text


@dataclass(frozen=True, slots=True)
class Item:
    """A lettered sub-item ``(أ)`` or a numbered list entry nested in a paragraph."""

    label: str
    ordinal: int
    offset: int  # where the item's text starts inside its paragraph's text
    view: TextView
    items: tuple[Item, ...] = ()

    @property
    def text(self) -> str:
        return self.view.text


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # "2", "2.1"; in an annex "annex1.2"
    level: int
    label: str  # as printed: "ثانيا", "ألف"
    number: int
    title: str
    start: int
    end: int
    annex: int | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int  # position in the document, from 1
    number: int | None  # the printed paragraph number, when there is one
    view: TextView
    section: str | None
    items: tuple[Item, ...] = ()
    annex: int | None = None
    copy: int = 0  # which copy of a file holding the document twice it was taken from
    page: int | None = None  # the page it starts on (its index in the file), in a paged source

    @property
    def text(self) -> str:
        return self.view.text

    @property
    def id(self) -> str:
        """A fragment id in the AKN style: ``para_12`` for numbered paragraphs, else ``p_7``."""
        prefix = f"annex{self.annex}_" if self.annex else ""
        return (
            f"{prefix}para_{self.number}" if self.number is not None else f"{prefix}p_{self.index}"
        )

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        return self.view.span(start, end)


@dataclass(frozen=True, slots=True)
class Header:
    """A page header or footer line removed from the body."""

    # "symbol", "job-number", "page", "boilerplate"; in a PDF or Word file also "date",
    # "distribution", "original", "language", "letterhead", "running" (a running title)
    kind: str
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Metadata:
    symbol: str | None = None
    job_number: str | None = None
    pages: tuple[int, ...] = ()  # page numbers the headers and footers print
    headers: tuple[Header, ...] = ()
    language: str = "ar"
    # from the symbol block of a PDF or Word file's first page
    distribution: str | None = None  # "general", "limited", "restricted"
    date: str | None = None  # ISO date, as the symbol block prints it
    original: str | None = None  # the language the document was written in (ISO 639-1)


@dataclass(frozen=True, slots=True)
class Document:
    source: Source
    repaired: Repaired = field(repr=False)
    metadata: Metadata
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    copies: int = 1
    chosen_copy: int = 0
    # paragraphs of the other copies of a document held twice in one file (not extracted from;
    # kept so the repair of a broken copy can be measured against the clean one)
    alternates: tuple[Paragraph, ...] = ()

    @property
    def id(self) -> str:
        """The document's identity: its UN symbol, else a hash of its content."""
        return self.metadata.symbol or f"sha256:{self.source.sha256[:16]}"

    def block(self, kind: BlockKind) -> Block | None:
        return next((b for b in self.blocks if b.kind is kind), None)
