"""The hosts of a meeting: the Governments a sentence thanks for hosting a meeting it names
("expressed its gratitude to the Government of Lebanon for hosting the session"). This
component revises the meeting facts already found: it runs right after ``meetings``.
"""

from __future__ import annotations

from dataclasses import replace

from unkg.extract.context import Context
from unkg.extract.facts import EntityKind, Fact, MeetingFact
from unkg.extract.meetings import meeting_in

KIND = "hosts"
REQUIRES = ("meetings",)


def extract(context: Context) -> list[Fact]:
    """Adds each meeting's hosts to its fact in ``context.facts``; no new facts."""
    by_key = {f.meeting: f for f in context.facts if isinstance(f, MeetingFact)}
    original = dict(by_key)
    p = context.patterns
    for unit in context.units:
        for start, stop in unit.sentences():
            sentence = unit.text[start:stop]
            if p.hosting_cue not in sentence:
                continue
            government = p.hosts.search(sentence)
            if government is None:
                continue
            states = tuple(
                n.entity
                for n in unit.names_in(start + government.end(), stop)
                if n.entity.kind is EntityKind.STATE
            )
            if not states:
                continue
            target = meeting_in(unit, start, stop, by_key)
            if target is None:
                continue
            fact = by_key[target]
            by_key[target] = replace(
                fact,
                hosts=tuple(dict.fromkeys(fact.hosts + states)),
                evidence=(*fact.evidence, context.evidence(unit, start, stop)),
            )
    for key, fact in by_key.items():
        if fact is not original[key]:
            context.revise(original[key], fact)
    return []
