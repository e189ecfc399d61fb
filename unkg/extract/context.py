"""What every extractor reads: the document's language pack, its text units in match form,
the reference-table names found in them, and a way to turn a span into evidence.

A *unit* is a title block or a paragraph. Extractors search its match form (the language
pack's :meth:`~unkg.lang.base.LanguagePack.match_form`) with the pack's frames
(``context.patterns``) and concept triggers (``context.concepts(scheme)``); offsets are in
that form until they become :class:`~unkg.extract.facts.Evidence`, which holds original-file
offsets and the exact quote. Extractors never import a language pack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from unkg import lang
from unkg.extract.concepts import ConceptMatcher, concepts, topics
from unkg.extract.facts import Entity, EntityKind, Evidence, Fact
from unkg.extract.gazetteer import Match, default_gazetteer
from unkg.lang.base import LanguagePack
from unkg.lang.frames import Patterns
from unkg.structure.document import Block, Document, Paragraph, TextView
from unkg.text.dates import DateMention, find_dates
from unkg.text.matching import MatchForm

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
    language: LanguagePack
    form: MatchForm = field(init=False)
    names: list[Match] = field(init=False)
    cache: dict[str, object] = field(init=False)

    def __post_init__(self) -> None:
        self.form = self.language.match_form(self.view.text)
        text = self.form.text
        honorific = self.language.patterns().honorific
        # a State's name right after an honorific is a person's ("Mr. Jordan Smith")
        self.names = [
            m
            for m in default_gazetteer(self.language.code).find_in_form(text)
            if m.entity.kind is not EntityKind.STATE
            or not any(
                h.end() == m.start for h in honorific.finditer(text, max(0, m.start - 12), m.start)
            )
        ]
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
        spans = []
        start = 0
        for m in self.language.patterns().sentence_end.finditer(self.text):
            spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    def names_in(self, start: int, end: int) -> list[Match]:
        return [m for m in self.names if start <= m.start and m.end <= end]

    def form_offset(self, text_offset: int) -> int:
        """The match-form offset of an offset in the unit's repaired text."""
        return self.form.form_offset(text_offset)

    def breaks_line(self, at: int) -> bool:
        """Whether the space at match-form offset ``at`` stands for a line break of the
        source (structure joins a paragraph's lines with a space taking the next line's
        origin)."""
        a, _ = self.form.source_span(at, at + 1)
        origin = self.view.origin
        return self.view.text[a : a + 1] == " " and origin[a] == origin[a + 1]

    def reading(self, start: int, end: int) -> str:
        """The repaired text behind a match-form span (with its diacritics, original alef)."""
        a, b = self.form.source_span(start, end)
        return self.view.text[a:b]


@dataclass(slots=True)
class Context:
    document: Document
    key: str
    language: LanguagePack
    units: list[Unit]
    facts: list[Fact] = field(default_factory=list)
    # answers several extractors share (plenary mentions, ...), computed once per document
    cache: dict[str, object] = field(default_factory=dict)

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per document."""
        return _remember(self.cache, key, compute)

    @property
    def patterns(self) -> Patterns:
        """The sentence frames of the document's language."""
        return self.language.patterns()

    def concepts(self, scheme: str) -> ConceptMatcher:
        """The trigger matcher of a concept scheme in the document's language."""
        return concepts(scheme, self.language.code)

    def topics(self) -> ConceptMatcher:
        return topics(self.language.code)

    def match_form(self, text: str) -> MatchForm:
        return self.language.match_form(text)

    def dates(self, text: str, default_year: int | None = None) -> list[DateMention]:
        """The dates ``text`` states, in the document's language."""
        return find_dates(text, self.language, default_year)

    @classmethod
    def of(cls, document: Document) -> Context:
        language = lang.get(document.metadata.language)
        units: list[Unit] = []
        counts: dict[str, int] = {}
        for block in document.blocks:
            block_id = _block_id(block, counts)
            units.append(Unit(block_id, block.view, block.kind.value, None, block.annex, language))
        for paragraph in document.paragraphs:
            units.append(
                Unit(
                    paragraph.id, paragraph.view, "paragraph", paragraph, paragraph.annex, language
                )
            )
        return cls(document, document.id, language, units)

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
        source = self.document.source
        quote = source.text[first:last]
        page = source.page_at(first)
        return Evidence(self.key, unit.id, first, last, quote, unit.view.text[a:b], page)

    def revise(self, old: Fact, new: Fact) -> None:
        """Put ``new`` in the place of ``old`` among the facts found so far (a component
        that completes another's facts, such as the hosts of a meeting)."""
        at = next(i for i, fact in enumerate(self.facts) if fact is old)
        self.facts[at] = new

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
