"""Topics (SKOS concepts of ``data/topics.tsv``, mapped to UNBIS) the document takes up:
found by their trigger phrases in paragraphs and agenda item titles."""

from __future__ import annotations

from unkg.extract.context import Context
from unkg.extract.facts import AgendaItemFact, Fact, TopicFact

KIND = "topics"
REQUIRES = ("agenda",)


def extract(context: Context) -> list[Fact]:
    matcher = context.topics()
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for unit in context.units:
        for match in matcher.find(unit.text):
            if (unit.id, match.concept) in seen:
                continue
            seen.add((unit.id, match.concept))
            facts.append(
                TopicFact(
                    context.key,
                    match.concept,
                    paragraph=unit.id,
                    evidence=(context.evidence(unit, match.start, match.end),),
                )
            )
    for item in context.facts:
        if not isinstance(item, AgendaItemFact):
            continue
        for match in matcher.find(context.match_form(item.title).text):
            facts.append(
                TopicFact(
                    context.key,
                    match.concept,
                    notation=item.notation,
                    meeting=item.meeting,
                    evidence=item.evidence,
                )
            )
    return facts
