"""Officers and other roles: who was elected to which office, for which State, when, at
which plenary meeting and how; who held a post or serviced the meeting.

* "انتُخب بالتزكية السيد خورخي لوميلي (المكسيك) رئيسا للاجتماع": person, State, role;
* "انتُخب بالتزكية أعضاء المكتب من البلدان التالية: نواب الرئيس: الفلبين وبلغاريا ...": the
  States listed under each role heading;
* "الممثلة السامية لشؤون نزع السلاح، أنجيلا كين،": a post and the person holding it;
* "قدّمت إدارة شؤون الجمعية العامة والمؤتمرات خدمات السكرتارية للاجتماع": a body serving
  the meeting in a role.
"""

from __future__ import annotations

import datetime as dt

from unkg.data import load_table
from unkg.extract.concepts import ConceptMatch
from unkg.extract.context import Context, Unit
from unkg.extract.facts import Entity, EntityKind, Evidence, Fact, RoleAssignmentFact
from unkg.extract.plenary import PlenaryMention, main_meeting, mentions
from unkg.lang.base import LanguagePack

KIND = "officers"
REQUIRES = ("meetings", "plenary")

# Roles that name one office a person holds (found by apposition: "role، NAME،").
POSTS = (
    "high-representative-disarmament",
    "secretary-general",
    "secretary-general-of-conference",
    "secretary",
)
# Roles a Secretariat body plays for a meeting.
SERVICES = ("secretariat-services", "substantive-support")


def person(name: str, language: LanguagePack) -> Entity:
    """A person named in the text: keyed by the name's match form, labelled as written."""
    return Entity(EntityKind.PERSON, language.match_form(name).text, name)


def extract(context: Context) -> list[Fact]:
    meeting = main_meeting(context)
    key = meeting.meeting if meeting else None
    plenaries = mentions(context)
    facts: list[Fact] = []
    for unit in context.paragraphs():
        here = [m for m in plenaries if m.unit == unit.id]
        for s0, s1 in unit.sentences():
            facts.extend(_elections(context, unit, s0, s1, here, key))
            facts.extend(_posts(context, unit, s0, s1, key))
            facts.extend(_services(context, unit, s0, s1, key))
    return facts


def _plenary_before(here: list[PlenaryMention], at: int) -> PlenaryMention | None:
    before = [m for m in here if m.start < at]
    return before[-1] if before else None


def _elections(
    context: Context, unit: Unit, s0: int, s1: int, here: list[PlenaryMention], meeting: str | None
) -> list[Fact]:
    p = context.patterns
    elected = p.elected.search(unit.text, s0, s1)
    if elected is None:
        return []
    plenary = _plenary_before(here, elected.start())
    ordinal = plenary.ordinals[0] if plenary else None
    date = plenary.dates[0] if plenary else None
    method_match = context.concepts("election-method").first(unit.text[elected.end() : s1])
    method = method_match.concept if method_match else None
    context_evidence: tuple[Evidence, ...] = (plenary.evidence,) if plenary else ()
    listed = p.following_list.search(unit.text, elected.end(), s1)
    if listed is not None:
        # the list runs to the end of the paragraph, over the full stops of its entries
        return _listed(
            context,
            unit,
            listed.end(),
            len(unit.text),
            meeting,
            date,
            ordinal,
            method,
            (*context_evidence, context.evidence(unit, elected.start(), listed.end())),
        )
    return _single(
        context,
        unit,
        elected.end(),
        s1,
        meeting,
        date,
        ordinal,
        method,
        context_evidence,
        elected.start(),
    )


def _single(
    context: Context,
    unit: Unit,
    at: int,
    s1: int,
    meeting: str | None,
    date: dt.date | None,
    ordinal: int | None,
    method: str | None,
    context_evidence: tuple[Evidence, ...],
    verb_at: int,
) -> list[Fact]:
    text = unit.text
    state = next(
        (
            n
            for n in unit.names_in(at, s1)
            if n.entity.kind is EntityKind.STATE
            and text[max(0, n.start - 2) : n.start].strip().endswith("(")
        ),
        None,
    )
    roles = context.concepts("role")
    role_match = None
    if state is not None:
        role_match = roles.first(text[state.end : min(s1, state.end + 40)])
        if role_match is not None:
            role_match = ConceptMatch(
                role_match.start + state.end,
                role_match.end + state.end,
                role_match.concept,
                role_match.trigger,
            )
    if role_match is None:
        return []
    name_end = state.start - 1 if state is not None else role_match.start
    name_start = at
    honorific = context.patterns.honorific.search(text, at, name_end)
    if honorific:
        name_start = honorific.end()
    else:
        method_match = context.concepts("election-method").first(text[at:name_end])
        if method_match:
            name_start = at + method_match.end
    name = text[name_start:name_end].strip(" (")
    holder: Entity
    if name and 1 <= len(name.split()) <= 5:
        holder = person(unit.reading(name_start, name_start + len(name)), context.language)
    elif state is not None:
        holder = state.entity
    else:
        return []
    evidence = (*context_evidence, context.evidence(unit, verb_at, role_match.end))
    return [
        RoleAssignmentFact(
            meeting,
            role_match.concept,
            holder,
            representing=state.entity if state else None,
            date=date,
            ordinal=ordinal,
            method=method,
            document=context.key,
            evidence=evidence,
        )
    ]


def _listed(
    context: Context,
    unit: Unit,
    at: int,
    s1: int,
    meeting: str | None,
    date: dt.date | None,
    ordinal: int | None,
    method: str | None,
    context_evidence: tuple[Evidence, ...],
) -> list[Fact]:
    """Role headings (``نواب الرئيس:``) each followed by the States that fill them."""
    text = unit.text
    headings = [
        m
        for m in context.concepts("role").find(text[at:s1])
        if text[at + m.end : at + m.end + 2].strip().startswith(":")
    ]
    facts: list[Fact] = []
    for i, heading in enumerate(headings):
        start = at + heading.end
        stop = at + headings[i + 1].start if i + 1 < len(headings) else s1
        for name in unit.names_in(start, stop):
            if name.entity.kind is not EntityKind.STATE:
                continue
            evidence = (*context_evidence, context.evidence(unit, at + heading.start, name.end))
            facts.append(
                RoleAssignmentFact(
                    meeting,
                    heading.concept,
                    name.entity,
                    representing=name.entity,
                    date=date,
                    ordinal=ordinal,
                    method=method,
                    document=context.key,
                    evidence=evidence,
                )
            )
    return facts


def _posts(context: Context, unit: Unit, s0: int, s1: int, meeting: str | None) -> list[Fact]:
    facts: list[Fact] = []
    text = unit.text
    for role in context.concepts("role").find(text[s0:s1]):
        if role.concept not in POSTS:
            continue
        after = s0 + role.end
        m = context.patterns.apposed_name.match(text[after:])
        if m is None:
            continue
        start, end = after + m.start("name"), after + m.end("name")
        words = text[start:end].split()
        if any(unit.names_in(start, end)) or any(w in context.patterns.stop_words for w in words):
            continue
        holder = person(unit.reading(start, end), context.language)
        facts.append(
            RoleAssignmentFact(
                meeting,
                role.concept,
                holder,
                document=context.key,
                evidence=(context.evidence(unit, s0 + role.start, end),),
            )
        )
    return facts


def _services(context: Context, unit: Unit, s0: int, s1: int, meeting: str | None) -> list[Fact]:
    units = {
        row["id"] for row in load_table("organizations") if row["kind"] == "un-secretariat-unit"
    }
    facts: list[Fact] = []
    for role in context.concepts("role").find(unit.text[s0:s1]):
        if role.concept not in SERVICES:
            continue
        bodies = [
            n
            for n in unit.names_in(s0, s0 + role.start)
            if n.entity.kind is EntityKind.ORGANIZATION and n.entity.key in units
        ]
        if not bodies:
            continue
        body = bodies[-1]
        facts.append(
            RoleAssignmentFact(
                meeting,
                role.concept,
                body.entity,
                document=context.key,
                evidence=(context.evidence(unit, body.start, s0 + role.end),),
            )
        )
    return facts
