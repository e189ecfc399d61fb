"""How a resolution was adopted: at which meeting of its organ, on what day, and how —
unanimously, without a vote, by consensus, or by a vote with its counts and the States in
each position, as the adoption line states it.

"Adopted at the 2943rd meeting by 14 votes to 1 (Cuba).", "Adopted unanimously at the 2963rd
meeting", "13 votes to none, with 2 abstentions (Cuba and Yemen)", "One member (China) did
not participate in the voting": the language's ``adopted`` and ``vote_count`` frames.
Modelled on the UN Digital Library's voting records: counts of yes, no, abstentions and
non-voting, and each State's position.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from unkg.extract.context import Context, Unit
from unkg.extract.facts import AdoptionFact, DocumentFact, Entity, EntityKind, Evidence, Fact
from unkg.text.symbols import parse_symbol

KIND = "adoption"
REQUIRES = ("documents",)

# OCR slips of compilations print the vote "I" or "l" for 1
_ONE = {"i", "l"}


@dataclass(slots=True)
class _Read:
    """What the adoption lines of one resolution state, gathered line by line."""

    meeting: int | None = None
    meeting_name: str | None = None
    date: dt.date | None = None
    method: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    against: tuple[Entity, ...] = ()
    abstaining: tuple[Entity, ...] = ()
    not_voting: tuple[Entity, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)


def extract(context: Context) -> list[Fact]:
    document = next((f for f in context.facts if isinstance(f, DocumentFact)), None)
    if document is None or document.doc_type != "resolution" or not document.symbol:
        return []
    p = context.patterns
    read = _Read()
    for unit in context.units:
        for m in p.adopted.finditer(unit.text):
            at = m.end()
            counted = p.vote_count.match(unit.text, at)
            if counted is not None and not (counted.group("yes") or counted.group("how")):
                counted = None
            if counted is None and not (m.group("meeting") or m.group("how")):
                continue  # "the resolutions adopted by ...": no adoption line
            if read.meeting is None and m.group("meeting"):
                read.meeting = int(m.group("meeting"))
                read.meeting_name = unit.reading(m.start("meeting_name"), m.end("meeting_name"))
            if counted is not None:
                _counts(context, unit, counted, read)
                at = counted.end()
            if m.group("how") and read.method is None:
                read.method = _method(context, m.group("how"))
            # "at its 3119th meeting, held on 6 October", "في جلسته 3119 المعقودة في ..."
            held = p.held_on.match(unit.text[at:])
            dated_at = at + held.end() if held else at
            dates = context.dates(unit.text[dated_at : dated_at + 40])
            if read.date is None and dates and dates[0].start <= 12 and dates[0].has_year:
                read.date = dates[0].first
            read.evidence.append(context.evidence(unit, m.start(), max(at, m.end())))
        for m in p.not_voting.finditer(unit.text):
            states = _states(unit, m.start(), m.end())
            if states:
                read.not_voting = tuple(dict.fromkeys((*read.not_voting, *states)))
                read.evidence.append(context.evidence(unit, m.start(), m.end()))
    if not read.evidence:
        return []
    if read.method is None and read.yes is not None:
        read.method = "vote"
    return [
        AdoptionFact(
            document.symbol,
            parse_symbol(document.symbol).organ,
            read.meeting,
            read.date,
            read.method,
            read.yes,
            read.no,
            read.abstain,
            len(read.not_voting) if read.not_voting else None,
            against=read.against,
            abstaining=read.abstaining,
            not_voting=read.not_voting,
            meeting_name=read.meeting_name,
            evidence=tuple(read.evidence),
        )
    ]


def _counts(context: Context, unit: Unit, m: re.Match[str], read: _Read) -> None:
    if m.group("how"):
        read.method = read.method or _method(context, m.group("how"))
        return
    yes, no, abstain = (_number(context, m.group(g)) for g in ("yes", "no", "abstain"))
    if yes is None:
        return
    read.yes, read.no, read.abstain = yes, no or 0, abstain or 0
    if m.group("no_list"):
        read.against = _states(unit, m.start("no_list"), m.end("no_list"))
    if m.group("abstain_list"):
        read.abstaining = _states(unit, m.start("abstain_list"), m.end("abstain_list"))


def _states(unit: Unit, start: int, end: int) -> tuple[Entity, ...]:
    return tuple(
        dict.fromkeys(
            n.entity for n in unit.names_in(start, end) if n.entity.kind is EntityKind.STATE
        )
    )


def _number(context: Context, word: str | None) -> int | None:
    if word is None:
        return None
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in _ONE:
        return 1
    if word in context.patterns.nil_words:
        return 0
    return context.patterns.cardinals.get(word)


def _method(context: Context, how: str) -> str | None:
    found = context.concepts("adoption-method").first(how)
    return found.concept if found else None
