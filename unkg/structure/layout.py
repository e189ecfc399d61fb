"""Recover a document's structure from its repaired text.

Lines are classified (page header or footer, section heading, numbered paragraph, lettered
item, annex heading, text), then grouped into title blocks, sections and paragraphs, each
holding its text and, per character, the offset in the original file.

Rules that hold for UN documents in general:

* a page header or footer is a line holding only a document symbol, a job number
  (``14-05231``) and/or a page number; its content goes into the metadata;
* sections and sub-sections are headed as the document's language heads them (its pack's
  :class:`~unkg.lang.frames.Layout`);
* paragraphs are numbered in sequence; a numbered line that does not continue the sequence
  (the agenda's ``1 - ...`` inside paragraph 10) is a list entry of the paragraph;
* a document without numbered paragraphs is cut into paragraphs where a line ends a sentence;
* when the paragraph numbers start again from 1, the file holds the document a second time
  (a broken and a clean extraction): each copy is parsed, and the paragraphs are taken from
  the copy that shows fewer signs of damage, with any the other copy alone has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from unkg import lang
from unkg.ingest.files import Source
from unkg.lang.base import LanguagePack
from unkg.repair import Repaired, repair
from unkg.structure.document import (
    Block,
    BlockKind,
    Document,
    Header,
    Item,
    Metadata,
    Paragraph,
    Section,
    TextView,
)
from unkg.structure.pages import PageLine, furniture, original_language
from unkg.text.dates import find_dates
from unkg.text.symbols import symbol_pattern

__all__ = ["parse", "structure"]

_DASH = r"\s*[-\u2013\u2014]\s*"
_JOB = re.compile(
    r"^(?:\d{1,3}\s+)?(?P<job>\d{2}-\d{5})(?:\s*\([A-Z]\))?(?:\s+(?P<page>\d{1,3}))?$"
)
_PAGE = re.compile(r"^(?:\d{1,3}|-\s*\d{1,3}\s*-)$")
# a paragraph number as an Arabic PDF's text layer holds it, dash first ("-12 ..."): the
# label "12-" drawn left to right
_PAGED_PARA = re.compile(r"^-(?P<n>\d{1,3})\s+(?P<rest>\S.*)$")


class LineKind(Enum):
    BLANK = "blank"
    HEADER = "header"
    SECTION = "section"
    SUBSECTION = "subsection"
    ANNEX = "annex"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    TEXT = "text"


@dataclass(slots=True)
class Line:
    kind: LineKind
    view: TextView  # the whole stripped line
    number: int | None = None  # paragraph number, section number, item ordinal
    label: str = ""
    body: TextView | None = None  # the text after the marker
    headers: list[Header] = field(default_factory=list)


def _split_lines(repaired: Repaired) -> Iterator[TextView]:
    text, origin = repaired.text, repaired.origin
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        a, b = start, end
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        yield TextView(text[a:b], origin[a : b + 1])
        start = end + 1


def _classify(view: TextView, pack: LanguagePack) -> Line:
    text = view.text
    if not text:
        return Line(LineKind.BLANK, view)
    headers = _header(view, pack)
    if headers:
        return Line(LineKind.HEADER, view, headers=headers)
    return _classify_text(view, pack)


def _classify_text(view: TextView, pack: LanguagePack, paged: bool = False) -> Line:
    """A line that is not a page header or footer: paragraph, item, heading, annex, text."""
    text = view.text
    rules = pack.layout()
    m = rules.paragraph.match(text) or (_PAGED_PARA.match(text) if paged else None)
    if m:
        rest = m.start("rest") if m.group("rest") else len(text)
        return Line(
            LineKind.PARAGRAPH, view, int(m.group("n")), m.group("n"), view.slice(rest, len(text))
        )
    m = rules.item.match(text)
    if m:
        label = pack.word_key(m.group("label"))
        if label in rules.list_letters or m.group("label").isdigit():
            ordinal = int(label) if label.isdigit() else rules.list_letters[label]
            return Line(LineKind.ITEM, view, ordinal, label, view.slice(m.start("rest"), len(text)))
    heading = rules.heading(text)
    if heading is not None:
        return Line(
            LineKind.SECTION if heading.level == 1 else LineKind.SUBSECTION,
            view,
            heading.number,
            text[: heading.title_at].rstrip(" -\u2013\u2014"),
            view.slice(heading.title_at, len(text)),
        )
    if rules.annex(text):
        return Line(LineKind.ANNEX, view, 1, text)
    return Line(LineKind.TEXT, view)


def _header(view: TextView, pack: LanguagePack) -> list[Header]:
    text = view.text
    start, end = view.span()
    symbol = symbol_pattern().fullmatch(text)
    if symbol:
        return [Header("symbol", text, start, end)]
    m = _JOB.match(text)
    if m:
        found = [Header("job-number", m.group("job"), start, end)]
        first = text.split()[0]
        page = m.group("page") or (first if first != m.group("job") else None)
        if page and page.isdigit():
            found.append(Header("page", page, start, end))
        return found
    if _PAGE.match(text):
        return [Header("page", re.sub(r"\D", "", text), start, end)]
    parts = text.split()
    if (
        len(parts) == 2
        and any(symbol_pattern().fullmatch(p) for p in parts)
        and any(p.isdigit() for p in parts)
    ):
        sym = next(p for p in parts if not p.isdigit())
        page = next(p for p in parts if p.isdigit())
        return [Header("symbol", sym, start, end), Header("page", page, start, end)]
    rules = pack.layout()
    if pack.word_key(text) in rules.boilerplate or any(
        pattern.match(text) for pattern in rules.boilerplate_patterns
    ):
        return [Header("boilerplate", text, start, end)]
    return []


# ---------------------------------------------------------------------------------------------
# copies


def _copy_bounds(lines: list[Line], pack: LanguagePack) -> list[int]:
    """Line indexes where each copy of the document starts (``[0]`` for one copy).

    Paragraph numbers that start again from 1 mean a second copy, unless the old sequence
    resumes (``last + 1``) before the new one passes it (then the 1, 2, ... were a list
    inside a paragraph: an agenda), or unless the new run stays under half the old one
    after an annex heading (then they are the annex's own paragraphs).
    """
    numbers = [
        (i, line.number)
        for i, line in enumerate(lines)
        if line.kind is LineKind.PARAGRAPH and line.number is not None
    ]
    annexes = [i for i, line in enumerate(lines) if line.kind is LineKind.ANNEX]
    starts = [0]
    last = 0
    previous_at = 0
    for k, (i, number) in enumerate(numbers):
        if last < number <= last + 3:
            last, previous_at = number, i
        elif number == 1 and last >= 3 and not _resumes(numbers[k + 1 :], last):
            in_annex = any(previous_at < a < i for a in annexes)
            if in_annex and 2 * _run(numbers[k:]) < last:
                continue
            starts.append(_copy_start(lines, starts[-1], i, pack))
            last, previous_at = 1, i
    return starts


def _run(numbers: list[tuple[int, int]]) -> int:
    """How far a run of paragraph numbers starting at ``numbers[0]`` goes."""
    last = 0
    for _, number in numbers:
        if last < number <= last + 3:
            last = number
        elif number == 1 and last:
            break
    return last


def _resumes(following: list[tuple[int, int]], last: int) -> bool:
    expected = 1
    for _, number in following:
        if number == expected + 1:
            expected = number
            if expected >= last:
                return False
        elif number == last + 1:
            return True
    return False


def _copy_start(lines: list[Line], previous: int, restart: int, pack: LanguagePack) -> int:
    """Walk back from the restarted paragraph 1 over the second copy's title and headings."""
    first_para = next(
        (i for i in range(previous, restart) if lines[i].kind is LineKind.PARAGRAPH), restart
    )
    head_words = {
        word
        for line in lines[previous:first_para]
        for word in pack.word_key(line.view.text).split()
    }
    start = restart
    for i in range(restart - 1, previous, -1):
        line = lines[i]
        if line.kind in (LineKind.BLANK, LineKind.SECTION, LineKind.SUBSECTION, LineKind.HEADER):
            start = i
            continue
        words = set(pack.word_key(line.view.text).split())
        if words and len(words & head_words) / len(words) >= 0.6:
            start = i
            continue
        break
    while start < restart and lines[start].kind in (LineKind.BLANK, LineKind.HEADER):
        start += 1
    return start


def _damage(lines: list[Line], original: str, pack: LanguagePack) -> float:
    """How broken a copy looks in the original file (its language's signs of damage)."""
    chars = 0
    damage = 0.0
    for line in lines:
        if line.kind is LineKind.BLANK:
            continue
        start, end = line.view.span()
        raw = original[start:end]
        chars += max(len(raw), 1)
        damage += pack.layout().damage(raw)
    return damage / max(chars, 1)


# ---------------------------------------------------------------------------------------------
# one copy


@dataclass(slots=True)
class _Builder:
    copy: int
    pack: LanguagePack
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[tuple[int | None, list[Line], str | None, int | None]] = field(
        default_factory=list
    )
    blocks: list[Block] = field(default_factory=list)
    title_lines: list[tuple[int | None, list[Line]]] = field(default_factory=list)
    title_open: bool = False  # inside a document title that has not ended yet
    annex: int | None = None
    section: str | None = None
    level1: int | None = None
    last_number: int = 0
    numbered: bool = False
    current: list[Line] | None = None
    in_title: bool = True
    annex_numbers: bool = False  # just past an annex heading: its paragraphs may restart at 1

    def close(self) -> None:
        self.current = None

    def add_paragraph(self, number: int | None, line: Line) -> None:
        self.in_title = False
        self.current = [line]
        self.paragraphs.append((number, self.current, self.section, self.annex))


def _build_copy(lines: list[Line], copy: int, pack: LanguagePack) -> _Builder:
    b = _Builder(copy, pack)
    b.numbered = any(line.kind is LineKind.PARAGRAPH and line.number == 1 for line in lines)
    for line in lines:
        kind = line.kind
        if kind in (LineKind.HEADER, LineKind.BLANK):
            if kind is LineKind.BLANK and b.in_title and not b.title_open:
                _new_title_group(b)
            continue
        if kind is LineKind.ANNEX and b.numbered and not b.last_number:
            continue  # an annex named before paragraph 1: an entry of the contents
        if kind is LineKind.ANNEX:
            b.annex = (b.annex or 0) + 1
            b.annex_numbers = True
            b.close()
            b.in_title = True
            b.title_open = False
            _new_title_group(b)
            b.section, b.level1 = None, None
            continue
        if kind in (LineKind.SECTION, LineKind.SUBSECTION):
            _open_section(b, line)
            continue
        if kind is LineKind.PARAGRAPH and b.annex_numbers and line.number == 1:
            b.last_number = 0  # an annex numbering its paragraphs from 1
        if (
            kind is LineKind.PARAGRAPH
            and b.numbered
            and line.number is not None
            and b.last_number < line.number <= b.last_number + 3
        ):
            b.annex_numbers = False
            b.last_number = line.number
            b.add_paragraph(line.number, line)
            continue
        if b.in_title and not (b.numbered and kind is LineKind.PARAGRAPH):
            _add_title_line(b, line)
            continue
        if b.current is None:
            b.add_paragraph(None, line)
        else:
            b.current.append(line)
        if not b.numbered and kind is LineKind.TEXT and _ends_block(line, pack):
            b.close()
    return b


def _is_dateline(text: str, pack: LanguagePack) -> bool:
    dates = find_dates(text, pack, 2000)
    return bool(dates) and sum(d.end - d.start for d in dates) >= 0.4 * len(text)


def _opens_title(text: str, pack: LanguagePack) -> bool:
    key = pack.word_key(text)
    return any(key.startswith(opener + " ") for opener in pack.layout().title_openers)


def _new_title_group(b: _Builder) -> None:
    if not b.title_lines or b.title_lines[-1][1]:
        b.title_lines.append((b.annex, []))


def _add_title_line(b: _Builder, line: Line) -> None:
    """Title lines group into blocks. A document title ("Note verbale dated ...") runs until a
    line ends it with a date or a full stop; in a document without numbered paragraphs the
    body starts after it. A dateline stands alone."""
    text = line.view.text
    if b.title_open:
        b.title_lines[-1][1].append(line)
    else:
        previous = b.title_lines[-1][1] if b.title_lines else []
        if (
            not previous
            or _is_dateline(text, b.pack)
            or _is_dateline(previous[-1].view.text, b.pack)
        ):
            _new_title_group(b)
        if _opens_title(text, b.pack):
            _new_title_group(b)
            b.title_open = True
        b.title_lines[-1][1].append(line)
    if b.title_open and _ends_block(line, b.pack):
        b.title_open = False
        if not b.numbered and b.annex is None:
            b.in_title = False


def _ends_block(line: Line, pack: LanguagePack) -> bool:
    text = line.view.text
    if pack.layout().ends_sentence.search(text):
        return True
    dates = find_dates(text, pack, 2000)
    return bool(dates) and dates[-1].end >= len(text) - 1 and dates[-1].has_year


def _open_section(b: _Builder, line: Line) -> None:
    b.close()
    b.in_title = False
    prefix = f"annex{b.annex}." if b.annex else ""
    number = line.number or 0
    if line.kind is LineKind.SECTION or b.level1 is None:
        level = 1
        b.level1 = number
        section_id = f"{prefix}{number}"
    else:
        level = 2
        section_id = f"{prefix}{b.level1}.{number}"
    b.section = section_id
    title = line.body.text if line.body is not None else ""
    start, end = line.view.span()
    b.sections.append(Section(section_id, level, line.label, number, title, start, end, b.annex))


def _paragraph_view(number: int | None, lines: list[Line]) -> tuple[TextView, tuple[Item, ...]]:
    """Join a paragraph's lines; lettered items and numbered list entries become Items."""
    first = lines[0]
    parts = [first.body if (number is not None and first.body is not None) else first.view]
    for line in lines[1:]:
        parts.append(line.view)
    view = TextView.join([p for p in parts if p.text] or [first.view])
    items = _items(lines, view, number)
    return view, items


def _items(lines: list[Line], view: TextView, number: int | None) -> tuple[Item, ...]:
    """Items in a paragraph: ``(أ) ...`` lines, and ``1 - ...`` entries with their own items."""
    marks: list[tuple[int, Line]] = []
    offset = 0
    first = True
    for line in lines:
        text = line.body.text if (first and number is not None and line.body) else line.view.text
        if not first:
            offset += 1  # the joining space
        if not first and line.kind in (LineKind.ITEM, LineKind.PARAGRAPH):
            marks.append((offset, line))
        offset += len(text)
        first = False
    entries: list[Item] = []
    for k, (at, line) in enumerate(marks):
        end = marks[k + 1][0] - 1 if k + 1 < len(marks) else len(view.text)
        body_at = at + (len(line.view.text) - len(line.body.text) if line.body else 0)
        item = Item(line.label, line.number or 0, body_at, view.slice(body_at, max(body_at, end)))
        if line.kind is LineKind.PARAGRAPH:
            entries.append(item)
        elif (
            entries
            and entries[-1].view.text
            and at < entries[-1].offset + len(entries[-1].view.text) + 1
        ):
            parent = entries[-1]
            entries[-1] = Item(
                parent.label, parent.ordinal, parent.offset, parent.view, (*parent.items, item)
            )
        else:
            entries.append(item)
    # nested entries: a list entry's view ends where its first lettered item would end it
    return tuple(entries)


def _title_blocks(b: _Builder) -> list[Block]:
    blocks: list[Block] = []
    groups = [(annex, g) for annex, g in b.title_lines if g]
    seen_doc_title = False
    for annex_index, group in groups:
        view = TextView.join([line.view for line in group])
        if _opens_title(view.text, b.pack) and not seen_doc_title:
            kind = BlockKind.DOC_TITLE
            seen_doc_title = True
        elif _is_dateline(view.text, b.pack):
            kind = BlockKind.DATELINE
        elif not blocks:
            kind = BlockKind.BODY_NAME
        else:
            kind = BlockKind.TITLE
        blocks.append(Block(kind, view, annex_index))
    return blocks


def structure(source: Source, repaired: Repaired | None = None) -> Document:
    """Build the :class:`Document` of a source (repairing its text first if needed)."""
    pack = lang.get(source.language)
    repaired = repaired if repaired is not None else repair(source.text, pack)
    lines = [_classify(view, pack) for view in _split_lines(repaired)]
    _mark_furniture(source, lines, pack)
    headers = [h for line in lines for h in line.headers]
    bounds = _copy_bounds(lines, pack)
    copies = [lines[a:b] for a, b in zip(bounds, [*bounds[1:], len(lines)], strict=True)]
    builders = [_build_copy(copy_lines, n, pack) for n, copy_lines in enumerate(copies)]
    damage = [_damage(copy_lines, source.text, pack) for copy_lines in copies]
    sizes = [sum(len(line.view.text) for line in copy_lines) for copy_lines in copies]
    titled = builders[0]
    if max(sizes) > 1.5 * min(sizes):
        # not two copies of one text but a numbered list and the text that takes its
        # numbers up again (an agenda and its annotations): the fuller one is the body,
        # under the title of the first
        chosen = max(range(len(copies)), key=lambda n: (sizes[n], -n))
    else:
        chosen = min(range(len(copies)), key=lambda n: (damage[n], n))
        titled = builders[chosen]
    best = builders[chosen]

    selected = [(n, ls, s, a, chosen) for n, ls, s, a in best.paragraphs]
    numbered = {n for n, *_ in selected if n is not None}
    for other in builders:
        if other is best:
            continue
        for number, ls, s, a in other.paragraphs:
            if number is None or number in numbered:
                continue
            numbered.add(number)
            at = max(
                (k + 1 for k, p in enumerate(selected) if p[0] is not None and p[0] < number),
                default=0,
            )
            selected.insert(at, (number, ls, s, a, other.copy))
    paragraphs = []
    for index, (number, para_lines, section, annex, copy) in enumerate(selected, start=1):
        view, items = _paragraph_view(number, para_lines)
        page = source.page_at(view.start)
        paragraphs.append(Paragraph(index, number, view, section, items, annex, copy, page))
    alternates = []
    for other in builders:
        if other is best:
            continue
        for index, (number, para_lines, section, annex) in enumerate(other.paragraphs, start=1):
            view, items = _paragraph_view(number, para_lines)
            alternates.append(Paragraph(index, number, view, section, items, annex, other.copy))

    if not any(h.kind == "symbol" for h in headers):
        headers += _resolution_heading(lines, source.text, pack)
    metadata = Metadata(
        symbol=next((h.value for h in headers if h.kind == "symbol"), None),
        job_number=next((h.value for h in headers if h.kind == "job-number"), None),
        pages=tuple(
            sorted({int(h.value) for h in headers if h.kind == "page" and h.value.isdigit()})
        ),
        headers=tuple(headers),
        language=pack.code,
        distribution=next(
            (h.value for h in headers if h.kind == "distribution" and h.value in _DISTRIBUTIONS),
            None,
        ),
        date=next((h.value for h in headers if h.kind == "date"), None),
        original=next(
            (c for h in headers if h.kind == "original" for c in [original_language(h.value)] if c),
            None,
        ),
    )
    return Document(
        source=source,
        repaired=repaired,
        metadata=metadata,
        blocks=tuple(_title_blocks(titled)),
        sections=tuple(best.sections),
        paragraphs=tuple(paragraphs),
        copies=len(copies),
        chosen_copy=chosen,
        alternates=tuple(alternates),
    )


def _resolution_heading(lines: list[Line], original: str, pack: LanguagePack) -> list[Header]:
    """A Security Council resolution printed without its symbol is headed by its number
    and year ("RESOLUTION 780 (1992)", "68 (1949). Resolution of 10 February 1949"): the
    symbol the UN Digital Library gives it, with the heading as evidence."""
    rules = pack.layout()
    text = [line for line in lines if line.kind is not LineKind.BLANK][:12]
    if not rules.security_council.search(pack.match_form(original[:20000]).text):
        return []
    for line in text:
        m = rules.resolution_heading.match(pack.match_form(line.view.text).text)
        if m:
            start, end = line.view.span()
            symbol = f"S/RES/{int(m.group('number'))}({m.group('year')})"
            return [Header("symbol", symbol, start, end)]
    return []


_DISTRIBUTIONS = ("general", "limited", "restricted")


def _mark_furniture(source: Source, lines: list[Line], pack: LanguagePack) -> None:
    """Lines of a PDF or Word file that are page furniture (running headers and footers,
    the first page's symbol block) become header lines; plain text is left as it is."""
    if source.kind == "text":
        return
    found = furniture(
        source,
        [
            PageLine(i, line.view.text, *line.view.span())
            for i, line in enumerate(lines)
            if line.kind is not LineKind.BLANK
        ],
    )
    for i, line in enumerate(lines):
        if i in found:
            lines[i] = Line(LineKind.HEADER, line.view, headers=found[i])
        elif line.kind is LineKind.HEADER and source.page_at(line.view.start) not in (None, 1):
            # past the first page, furniture is what repeats: a symbol or a number alone
            # on a line of the body (a list of documents, a table) is text
            if not any(h.kind == "job-number" for h in line.headers):
                lines[i] = _classify_text(line.view, pack, paged=True)
        elif line.kind is LineKind.TEXT and source.pages:
            lines[i] = _classify_text(line.view, pack, paged=True)


def parse(source: Source) -> Document:
    """Repair and structure a source: the first two stages of the pipeline."""
    return structure(source, repair(source.text, lang.get(source.language)))
