"""Agenda items (notation and title) and the plenary meetings that considered them.

The agenda is the numbered list inside the paragraph that gives "the text of the agenda"
(a list whose numbers do not continue the paragraph numbering); lettered entries under a
number are its sub-items, written ``6(a)`` with the Latin letter of the same rank.
A plenary "considered" (نظر في), "began consideration of" (باشر النظر في) or "continued
consideration of" (واصل النظر في) the items the same sentence names.
"""

from __future__ import annotations

import re
from functools import cache

from unkg.extract.context import Context, Unit
from unkg.extract.facts import (
    AgendaItemFact,
    ConsiderationFact,
    DocumentFact,
    DocumentReferenceFact,
    Fact,
)
from unkg.extract.plenary import PlenaryMention, main_meeting, mentions
from unkg.lang.base import LanguagePack
from unkg.structure.document import Item

KIND = "agenda"
REQUIRES = ("documents", "meetings", "plenary", "references")

_TRAILING = re.compile(r"[\s.:؛،;]+$")


def notation(number: int, letter_rank: int | None = None) -> str:
    """``6`` or ``6(a)``: sub-items take the Latin letter of their rank in the Arabic list.

    >>> notation(6, 1)
    '6(a)'
    """
    return f"{number}({chr(ord('a') + letter_rank - 1)})" if letter_rank else str(number)


@cache
def _letters(language: LanguagePack) -> dict[str, int]:
    return {
        language.match_form(letter).text: rank
        for letter, rank in language.layout().list_letters.items()
    }


def _letter_rank(label: str, language: LanguagePack) -> int | None:
    """The rank of an item's letter in its language's list (``(b)`` and ``(ب)`` are 2)."""
    return _letters(language).get(language.match_form(label).text)


def _agenda_unit(context: Context) -> Unit | None:
    for unit in context.paragraphs():
        paragraph = unit.paragraph
        if paragraph is None:
            continue
        numbered = [i for i in paragraph.items if i.label.isdigit()]
        if len(numbered) >= 2 and any(
            m.concept in ("agenda", "provisional-agenda")
            for m in context.concepts("doctype").find(unit.text)
        ):
            return unit
    return None


_AGENDAS = ("agenda", "provisional-agenda", "annotated-agenda")


def extract(context: Context) -> list[Fact]:
    meeting = main_meeting(context)
    if meeting is None:
        return []
    unit = _agenda_unit(context)
    if unit is None or unit.paragraph is None:
        return _own_items(context, meeting.meeting)
    agenda_symbol = _agenda_symbol(context, unit)
    facts: list[Fact] = []
    current: Item | None = None
    for item in unit.paragraph.items:
        if item.label.isdigit():
            current = item
            facts.append(
                AgendaItemFact(
                    meeting.meeting,
                    notation(int(item.label)),
                    _title(item),
                    agenda=agenda_symbol,
                    evidence=(_evidence(context, unit, item),),
                )
            )
        elif current is not None:
            rank = _letter_rank(item.label, context.language)
            if rank is None:
                continue
            facts.append(
                AgendaItemFact(
                    meeting.meeting,
                    notation(int(current.label), rank),
                    _title(item),
                    parent=notation(int(current.label)),
                    agenda=agenda_symbol,
                    evidence=(_evidence(context, unit, item),),
                )
            )
    items = [f for f in facts if isinstance(f, AgendaItemFact)]
    facts.extend(_considerations(context, meeting.meeting, items))
    return facts


def _own_items(context: Context, meeting: str) -> list[Fact]:
    """The items of a document that is an agenda ("Provisional agenda and annotations"):
    each numbered paragraph is an item, titled by its first line (the annotation follows
    on the next), its lettered entries the sub-items."""
    own = next((f for f in context.facts if isinstance(f, DocumentFact)), None)
    if own is None or own.doc_type not in _AGENDAS:
        return []
    facts: list[Fact] = []
    for unit in context.paragraphs():
        paragraph = unit.paragraph
        if paragraph is None or paragraph.number is None or paragraph.annex is not None:
            continue
        first = paragraph.items[0].offset if paragraph.items else len(unit.view.text)
        end = _line_end(unit, 0, unit.form_offset(first))
        title = _TRAILING.sub("", unit.reading(0, end))
        if not title:
            continue
        number = paragraph.number
        facts.append(
            AgendaItemFact(
                meeting,
                notation(number),
                title,
                agenda=own.symbol,
                evidence=(context.evidence(unit, 0, end),),
            )
        )
        for item in paragraph.items:
            rank = _letter_rank(item.label, context.language)
            if rank is None:
                continue
            start = unit.form_offset(item.offset)
            stop = _line_end(unit, start, unit.form_offset(item.offset + len(item.text)))
            facts.append(
                AgendaItemFact(
                    meeting,
                    notation(number, rank),
                    _TRAILING.sub("", unit.reading(start, stop)),
                    parent=notation(number),
                    agenda=own.symbol,
                    evidence=(context.evidence(unit, start, stop),),
                )
            )
    return facts


def _line_end(unit: Unit, start: int, limit: int) -> int:
    """The end of the line starting at ``start``, before ``limit``; a line that goes on in
    lower case (a title wrapped over two lines) runs on."""
    text = unit.view.text
    for at in range(start, min(limit, len(unit.text))):
        if unit.text[at] == " " and unit.breaks_line(at):
            a, _ = unit.form.source_span(at, at + 1)
            if not text[a + 1 : a + 2].islower() or text[:a].rstrip().endswith((".", ":")):
                return at
    return min(limit, len(unit.text))


def _title(item: Item) -> str:
    return _TRAILING.sub("", item.text)


def _evidence(context: Context, unit: Unit, item: Item):  # type: ignore[no-untyped-def]
    return context.evidence_text(unit, item.offset, item.offset + len(item.text))


def _agenda_symbol(context: Context, unit: Unit) -> str | None:
    """The agenda document the list reproduces: the last agenda-type reference of the
    paragraph before its list."""
    refs = [
        f
        for f in context.facts
        if isinstance(f, DocumentReferenceFact)
        and f.evidence
        and f.evidence[0].paragraph == unit.id
        and f.doc_type in ("agenda", "provisional-agenda", "annotated-agenda")
    ]
    return refs[-1].symbol if refs else None


def _item_references(unit: Unit) -> list[tuple[int, int, list[str]]]:
    """``البند 6 (أ)``, ``البندين 6 (د) و 7 (أ)``: start, end and notations."""
    return unit.remember("item-references", lambda: _find_item_references(unit))


def _find_item_references(unit: Unit) -> list[tuple[int, int, list[str]]]:
    language = unit.language
    p = language.patterns()
    found = []
    for m in p.item_reference.finditer(unit.text):
        at = m.end()
        notations: list[str] = []
        while True:
            n = p.item_notation.match(unit.text, at)
            if n is None or (notations and not p.list_and.match(unit.text, at)):
                break
            rank = _letter_rank(n.group("letter"), language) if n.group("letter") else None
            notations.append(notation(int(n.group("n")), rank))
            at = n.end()
        if notations:
            found.append((m.start(), at, notations))
    return found


def _considerations(context: Context, meeting: str, items: list[AgendaItemFact]) -> list[Fact]:
    modes = context.concepts("consideration")
    plenaries = mentions(context)
    facts: list[Fact] = []
    for unit in context.paragraphs():
        here = [m for m in plenaries if m.unit == unit.id]
        if not here:
            continue
        for start, end, notations in _item_references(unit):
            plenary = _governing(here, start)
            if plenary is None:
                continue
            # the clause runs from the item named before (or its sentence's start: the verb
            # may come before the meeting, "واصلت اللجنة في جلستها الثالثة النظر في")
            sentence = next((a for a, b in unit.sentences() if a <= start < b), plenary.end)
            clause_start = max([e for _, e, _ in _item_references(unit) if e <= start] + [sentence])
            mode_match = [c for c in modes.find(unit.text[clause_start:start])]
            mode = mode_match[-1].concept if mode_match else "considered"
            evidence = (plenary.evidence, context.evidence(unit, clause_start, end))
            for ordinal in plenary.ordinals:
                for note in notations:
                    facts.append(ConsiderationFact(meeting, ordinal, note, mode, evidence=evidence))
        facts.extend(_by_title(context, unit, here, meeting, items))
    return facts


def _outside_items(unit: Unit, phrase: str) -> int | None:
    """Where the paragraph says ``phrase`` in its own words, not in one of its list items."""
    spans = [
        (i.offset, i.offset + len(i.text)) for i in (unit.paragraph.items if unit.paragraph else ())
    ]
    at = unit.text.find(phrase)
    while at >= 0:
        a, _ = unit.form.source_span(at, at + len(phrase))
        if not any(start <= a < end for start, end in spans):
            return at
        at = unit.text.find(phrase, at + 1)
    return None


def _governing(plenaries: list[PlenaryMention], at: int) -> PlenaryMention | None:
    before = [m for m in plenaries if m.start < at]
    return before[-1] if before else None


def _by_title(
    context: Context,
    unit: Unit,
    here: list[PlenaryMention],
    meeting: str,
    items: list[AgendaItemFact],
) -> list[Fact]:
    """A top-level item whose title's first words the paragraph repeats ("إقرار جدول
    الأعمال") was considered at the plenary the paragraph names."""
    facts: list[Fact] = []
    for item in items:
        if item.parent is not None:
            continue
        words = context.match_form(item.title).text.split()[:3]
        if len(words) < 3:
            continue
        phrase = " ".join(words)
        at = _outside_items(unit, phrase)
        if at is None:
            continue
        plenary = _governing(here, at)
        if plenary is None:
            continue
        evidence = (plenary.evidence, context.evidence(unit, at, at + len(phrase)))
        for ordinal in plenary.ordinals:
            facts.append(
                ConsiderationFact(meeting, ordinal, item.notation, "considered", evidence=evidence)
            )
    return facts
