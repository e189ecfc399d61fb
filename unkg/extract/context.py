"""What every extractor reads: the document's text units in match form, the reference-table
names found in them, and a way to turn a span into evidence.

A *unit* is a title block or a paragraph. Extractors search its match form (see
:func:`unkg.extract.gazetteer.match_form`); offsets are in that form until they become
:class:`~unkg.extract.facts.Evidence`, which holds original-file offsets and the exact quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from unkg.extract.facts import Entity, Evidence, Fact
from unkg.extract.gazetteer import Match, MatchForm, default_gazetteer, match_form
from unkg.structure.document import Block, Document, Paragraph, TextView

__all__ = ["Context", "Unit"]


T = TypeVar("T")


def _remember(cache: dict[str, object], key: str, compute: Callable[[], T]) -> T:
    if key not in cache:
        cache[key] = compute()
    return cache[key]  # type: ignore[return-value]


@dataclass(slots=True)
class Unit:
    id: str  # fragment id: para_7, p_3, doc-title, dateline, annex1_title2, ...
    view: TextView
    kind: str  # "paragraph" or the block kind
    paragraph: Paragraph | None
    annex: int | None
    form: MatchForm = field(init=False)
    names: list[Match] = field(init=False)
    cache: dict[str, object] = field(init=False)

    def __post_init__(self) -> None:
        self.form = match_form(self.view.text)
        self.names = default_gazetteer().find_in_form(self.form.text)
        self.cache = {}

    @property
    def text(self) -> str:
        """The unit in match form: what patterns search."""
        return self.form.text

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per unit: several extractors ask the same thing."""
        return _remember(self.cache, key, compute)

    def sentences(self) -> list[tuple[int, int]]:
        """Spans of the unit's sentences (in match form)."""
        return self.remember("sentences", self._sentences)

    def _sentences(self) -> list[tuple[int, int]]:
        from unkg.lang.ar.patterns import patterns

        spans = []
        start = 0
        for m in patterns().sentence_end.finditer(self.text):
            spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    def names_in(self, start: int, end: int) -> list[Match]:
        return [m for m in self.names if start <= m.start and m.end <= end]

    def reading(self, start: int, end: int) -> str:
        """The repaired text behind a match-form span (with its diacritics, original alef)."""
        a, b = self.form.source_span(start, end)
        return self.view.text[a:b]


@dataclass(slots=True)
class Context:
    document: Document
    key: str
    units: list[Unit]
    facts: list[Fact] = field(default_factory=list)
    # answers several extractors share (plenary mentions, ...), computed once per document
    cache: dict[str, object] = field(default_factory=dict)

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per document."""
        return _remember(self.cache, key, compute)

    @classmethod
    def of(cls, document: Document) -> Context:
        units: list[Unit] = []
        counts: dict[str, int] = {}
        for block in document.blocks:
            units.append(
                Unit(_block_id(block, counts), block.view, block.kind.value, None, block.annex)
            )
        for paragraph in document.paragraphs:
            units.append(
                Unit(paragraph.id, paragraph.view, "paragraph", paragraph, paragraph.annex)
            )
        return cls(document, document.id, units)

    def evidence(self, unit: Unit, start: int, end: int) -> Evidence:
        """Evidence for a match-form span of a unit."""
        a, b = unit.form.source_span(start, end)
        return self.evidence_text(unit, a, b)

    def evidence_text(self, unit: Unit, a: int, b: int) -> Evidence:
        """Evidence for a span of the unit's repaired text."""
        while a < b and unit.view.text[a] == " ":
            a += 1
        while b > a and unit.view.text[b - 1] == " ":
            b -= 1
        if a == b:
            b = min(len(unit.view.text), a + 1)
        first, last = unit.view.span(a, b)
        quote = self.document.source.text[first:last]
        return Evidence(self.key, unit.id, first, last, quote, unit.view.text[a:b])

    def of_type(self, kind: type[Fact]) -> list[Fact]:
        return [f for f in self.facts if isinstance(f, kind)]

    def paragraphs(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "paragraph"]

    def blocks(self, kind: str) -> list[Unit]:
        return [u for u in self.units if u.kind == kind]


def _block_id(block: Block, counts: dict[str, int]) -> str:
    prefix = f"annex{block.annex}_" if block.annex else ""
    name = prefix + block.kind.value
    counts[name] = counts.get(name, 0) + 1
    return name if counts[name] == 1 else f"{name}{counts[name]}"


def first_entity(matches: list[Match], *kinds: object) -> Entity | None:
    for m in matches:
        if m.entity.kind in kinds:
            return m.entity
    return None
