"""States, organisations, places and instruments a document names (from the reference
tables), and the persons other extractors found. An instrument's short form
("برنامج العمل") counts only after its full name appeared and when no document symbol
follows it (then it is a programme of work)."""

from __future__ import annotations

import re

from unkg.extract.context import Context
from unkg.extract.facts import (
    Entity,
    EntityKind,
    Fact,
    MentionFact,
    RoleAssignmentFact,
    StatementFact,
)
from unkg.extract.gazetteer import short_instrument_names

KIND = "mentions"
REQUIRES = ("officers", "statements")

_SYMBOL_NEXT = re.compile(r"^\s*\(?\s*[A-Z]+/")
_SKIP = {"united-nations"}  # the UN itself is named in every document


def extract(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    seen_instruments: set[str] = set()
    shorts = short_instrument_names(context.language.code)
    for unit in context.units:
        for name in unit.names:
            if name.entity.key in _SKIP:
                continue
            if name.entity.kind is EntityKind.INSTRUMENT:
                seen_instruments.add(name.entity.key)
            facts.append(
                MentionFact(
                    context.key,
                    name.entity,
                    evidence=(context.evidence(unit, name.start, name.end),),
                )
            )
        for short in shorts.find_in_form(unit.text):
            if short.entity.key not in seen_instruments:
                continue
            if _SYMBOL_NEXT.match(
                unit.view.text[unit.form.source_span(short.start, short.end)[1] :]
            ):
                continue
            if any(n.start <= short.start < n.end for n in unit.names):
                continue
            facts.append(
                MentionFact(
                    context.key,
                    short.entity,
                    evidence=(context.evidence(unit, short.start, short.end),),
                )
            )
    for fact in context.facts:
        people: list[Entity] = []
        if isinstance(fact, RoleAssignmentFact):
            people.append(fact.holder)
        elif isinstance(fact, StatementFact):
            people.append(fact.speaker)
        for entity in people:
            if entity.kind is EntityKind.PERSON:
                facts.append(MentionFact(context.key, entity, evidence=fact.evidence[-1:]))
    return facts
