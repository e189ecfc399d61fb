"""Statements made at plenary meetings: speaker, capacity, on whose behalf.

"وأدلى ببيانات ممثل سويسرا بصفته رئيس ...، وممثلا مصر والولايات المتحدة الأمريكية بصفتهما
منسقي ...": after "أدلى ... ببيان(ات)" come the speakers, each group of them "ممثل(و|ا) X و Y",
with its capacity (بصفته ...) and the group it speaks for ((باسم ...)). A speaker named by
office ("أدلى رئيس الاجتماع ببيان") is the person the document says holds that office.
A statement is dated by the plenary meeting its sentence or paragraph names.
"""

from __future__ import annotations

from unkg.extract.context import Context, Unit
from unkg.extract.facts import Entity, EntityKind, Fact, RoleAssignmentFact, StatementFact
from unkg.extract.gazetteer import Match
from unkg.extract.plenary import PlenaryMention, main_meeting, mentions

KIND = "statements"
REQUIRES = ("meetings", "plenary", "officers")

_SPEAKER_KINDS = (EntityKind.STATE, EntityKind.ORGANIZATION)


def extract(context: Context) -> list[Fact]:
    meeting = main_meeting(context)
    key = meeting.meeting if meeting else None
    plenaries = mentions(context)
    holders = {
        f.role: f.holder
        for f in context.facts
        if isinstance(f, RoleAssignmentFact) and f.holder.kind is EntityKind.PERSON
    }
    facts: list[Fact] = []
    for unit in context.paragraphs():
        here = [m for m in plenaries if m.unit == unit.id]
        for s0, s1 in unit.sentences():
            previous_end = s0
            for verb in context.patterns.statement.finditer(unit.text, s0, s1):
                plenary = _before(here, verb.start())
                if plenary is None:
                    continue
                between = (verb.group("between") or "").strip()
                if verb.groupdict().get("before") is not None:
                    # "the representative of Mexico made a statement": speakers come first,
                    # after the meeting the sentence opens with ("At the same meeting, ...")
                    opening = plenary.end if previous_end <= plenary.start < verb.start() else 0
                    segment = (max(previous_end, opening), verb.start())
                elif between:
                    segment = (verb.start("between"), verb.end("between"))
                else:
                    following = context.patterns.statement.search(unit.text, verb.end(), s1)
                    segment = (verb.end(), following.start() if following else s1)
                previous_end = verb.end()
                facts.extend(_speakers(context, unit, segment, plenary, key, holders))
    return facts


def _before(here: list[PlenaryMention], at: int) -> PlenaryMention | None:
    earlier = [m for m in here if m.start < at]
    return earlier[-1] if earlier else None


def _speakers(
    context: Context,
    unit: Unit,
    segment: tuple[int, int],
    plenary: PlenaryMention,
    meeting: str | None,
    holders: dict[str, Entity],
) -> list[Fact]:
    start, stop = segment
    chunks = []
    at = start
    for m in unit.language.patterns().next_speaker.finditer(unit.text, start, stop):
        chunks.append((at, m.start()))
        at = m.end()
    chunks.append((at, stop))
    facts: list[Fact] = []
    for a, b in chunks:
        facts.extend(_chunk(context, unit, a, b, plenary, meeting, holders))
    return facts


def _chunk(
    context: Context,
    unit: Unit,
    a: int,
    b: int,
    plenary: PlenaryMention,
    meeting: str | None,
    holders: dict[str, Entity],
) -> list[Fact]:
    p = context.patterns
    text = unit.text
    capacity = p.capacity.search(text, a, b)
    speakers_end = capacity.start() if capacity else b
    capacity_text = None
    capacity_role = None
    if capacity is not None:
        end = p.capacity_end.search(text, capacity.end(), b)
        capacity_end = end.start() if end else b
        capacity_text = unit.reading(capacity.end(), capacity_end).strip(" ،.؛:")
        capacity_match = context.concepts("role").first(text[capacity.end() : capacity_end])
        capacity_role = capacity_match.concept if capacity_match else None
    behalf_spans: list[tuple[int, int, Entity]] = []
    for m in p.on_behalf.finditer(text, a, speakers_end):
        named = next((n for n in unit.names_in(m.end(), speakers_end) if n.start == m.end()), None)
        if named is not None:
            behalf_spans.append((m.start(), named.end, named.entity))
    speakers: list[tuple[Match | None, Entity, str | None]] = []
    for name in unit.names_in(a, speakers_end):
        if name.entity.kind not in _SPEAKER_KINDS:
            continue
        if any(s <= name.start < e for s, e, _ in behalf_spans):
            continue
        if name.entity.key in holders:
            # an office named like a body ("الممثل السامي"): its holder speaks
            speakers.append((name, holders[name.entity.key], name.entity.key))
        else:
            speakers.append((name, name.entity, None))
    if not speakers:
        # the office that speaks, past its article: "the Chair made a statement"
        words = text[a:speakers_end].strip(" " + p.clause_comma).split()
        while words and words[0] in p.stop_words:
            words.pop(0)
        role = context.concepts("role").at_start(" ".join(words))
        group = context.concepts("actor-group").first(text[a:speakers_end])
        if role is not None and role.concept in holders:
            speakers.append((None, holders[role.concept], role.concept))
        elif group is not None:
            speakers.append((None, Entity(EntityKind.GROUP, group.concept), None))
    facts: list[Fact] = []
    for named_by, speaker, speaker_role in speakers:
        behalf = next(
            (
                entity
                for s, _, entity in behalf_spans
                if named_by is not None and s >= named_by.end and s - named_by.end <= 3
            ),
            None,
        )
        evidence = (plenary.evidence, context.evidence(unit, a, b))
        facts.append(
            StatementFact(
                meeting,
                plenary.ordinals[0] if len(plenary.ordinals) == 1 else None,
                speaker,
                capacity=capacity_text,
                capacity_role=capacity_role,
                on_behalf_of=behalf,
                speaker_role=speaker_role,
                evidence=evidence,
            )
        )
    return [f for f in facts if isinstance(f, StatementFact) and f.ordinal is not None]
