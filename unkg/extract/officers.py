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
import re

from unkg.data import load_table
from unkg.extract.concepts import ConceptMatch
from unkg.extract.context import Context, Unit
from unkg.extract.facts import (
    Entity,
    EntityKind,
    Evidence,
    Fact,
    MeetingFact,
    RoleAssignmentFact,
)
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


# The offices of a meeting's bureau, which the "any turn" reading below assigns.
BUREAU = ("chair", "vice-chair", "rapporteur", "bureau-member")


def extract(context: Context) -> list[Fact]:
    meeting = main_meeting(context)
    key = meeting.meeting if meeting else None
    plenaries = mentions(context)
    facts: list[Fact] = []
    for unit in context.paragraphs():
        here = [m for m in plenaries if m.unit == unit.id]
        for s0, s1 in unit.sentences():
            elected = _elections(context, unit, s0, s1, here, key)
            if not elected and meeting is not None:
                elected = _assignments(context, unit, s0, s1, meeting)
            facts.extend(elected)
            facts.extend(_posts(context, unit, s0, s1, key))
            facts.extend(_services(context, unit, s0, s1, key))
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per office and holder: two sentences may state the same election."""
    seen: set[object] = set()
    kept = []
    for fact in facts:
        if isinstance(fact, RoleAssignmentFact):
            key = (fact.meeting, fact.role, fact.holder, fact.representing)
            if key in seen:
                continue
            seen.add(key)
        kept.append(fact)
    return kept


def _assignments(
    context: Context, unit: Unit, s0: int, s1: int, meeting: MeetingFact
) -> list[Fact]:
    """The bureau as reports state it in any of the usual turns: "the representatives of
    Morocco and Yemen were appointed as Vice-Chairs, and the representative of Jordan as
    Rapporteur", "Mauritania is chair of the eighteenth session", "تولى ممثل المملكة المغربية
    وممثل الجمهورية اليمنية منصبي نائب الرئيس", "President: Mr. X, representative of Y". In a
    sentence that assigns offices, each office takes the States named since the office
    before it (or, in a list of "office: ..." headings, those after it), but not a
    predecessor ("following Saudi Arabia") nor for the office of another session."""
    p = context.patterns
    text = unit.text
    if not p.officer_cue.search(text, s0, s1):
        return []
    roles = [
        ConceptMatch(r.start + s0, r.end + s0, r.concept, r.trigger)
        for r in context.concepts("role").find(text[s0:s1])
        if r.concept in BUREAU
    ]
    listed = any(text[r.end : r.end + 3].lstrip().startswith(":") for r in roles)
    cues = [m.start() for m in p.officer_cue.finditer(text, s0, s1)]
    facts: list[Fact] = []
    reach = -1  # how far the cues and the headings read so far carry
    for i, role in enumerate(roles):
        near = any(role.start - _REACH <= c <= role.end for c in cues) or role.start <= reach
        if not near:
            continue  # an office named far from any turn that assigns one: a job title
        if _of_another_session(context, unit, role.end, meeting):
            continue
        if listed:
            a, b = role.end, roles[i + 1].start if i + 1 < len(roles) else s1
            b = _entry_end(unit, a, b)
            reach = b + _REACH  # "Office: holder" headings follow one another
        else:
            a, b = (roles[i - 1].end if i else s0), role.start
        states = [
            n
            for n in unit.names_in(a, b)
            if n.entity.kind is EntityKind.STATE
            and not p.predecessor_cue.search(text, max(a, n.start - 48), n.start)
        ]
        for k, state in enumerate(states):
            low = states[k - 1].end if k else a
            high = states[k + 1].start if k + 1 < len(states) else b
            holder = _person_near(context, unit, low, high, state.start) or state.entity
            evidence = context.evidence(unit, min(a, state.start), max(role.end, state.end))
            facts.append(
                RoleAssignmentFact(
                    meeting.meeting,
                    role.concept,
                    holder,
                    representing=state.entity,
                    document=context.key,
                    evidence=(evidence,),
                )
            )
    return facts


# how far from a turn that assigns offices ("were appointed", "as follows:") an office is read
_REACH = 200


def _entry_end(unit: Unit, start: int, end: int) -> int:
    """Where an "Office: holder" entry ends: its line's end, unless the line goes on to the
    next (a comma at its end), as a list of several holders may."""
    text = unit.text
    for at in range(start, end):
        if text[at] == " " and unit.breaks_line(at) and text[at - 1] not in ",\u060c":
            return at
    return end


def _of_another_session(context: Context, unit: Unit, at: int, meeting: MeetingFact) -> bool:
    """An office "of the seventeenth session" when the document's meeting is the eighteenth."""
    if meeting.number is None:
        return False
    window = unit.text[at : at + 40]
    kind = context.concepts("meeting-kind").first(window)
    if kind is None:
        return False
    for m in context.patterns.ordinal_word.finditer(window):
        value = m.group("w")
        number = int(value) if value.isdigit() else context.patterns.ordinals.get(value)
        if number is not None and number != meeting.number:
            return True
    return False


def _person_near(context: Context, unit: Unit, low: int, high: int, state_at: int) -> Entity | None:
    """The person a honorific names between ``low`` and ``high`` next to a State: "the
    representative of Iraq, Mr. Dahham Muhammad Dahham," or "Mr. Ali al Amiri, the
    representative of Oman"."""
    text = unit.text
    honorifics = sorted(
        context.patterns.honorific.finditer(text, low, high),
        key=lambda m: abs(m.start() - state_at),  # the nearest is the State's delegate
    )
    for m in honorifics:
        name = _NAME.match(text, m.end(), high)
        if name is None or abs(m.start() - state_at) > 80:
            continue
        # a name runs up to the State or body named after it without a comma
        end = min([n.start for n in unit.names_in(name.start(), high)] + [name.end()])
        written = text[name.start() : end].rstrip()
        if 1 <= len(written.split()) <= 5:
            stop = name.start() + len(written)
            return person(unit.reading(name.start(), stop), context.language)
    return None


# a name after a honorific: words up to a comma, bracket, colon or full stop
_NAME = re.compile(r"[^\s,،.()؛:;]+(?:\s+[^\s,،.()؛:;]+){0,4}")


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
    # "elected ... the following members of the Bureau:", "the following members of the
    # Bureau were elected by acclamation:": the list's colon comes after the verb
    listed = p.following_list.search(unit.text, s0, s1)
    if listed is not None and listed.end() > elected.end():
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
    ahead = False
    if role_match is None and state is not None:
        # the office before the person, as Spanish puts it: "eligió Presidente por
        # aclamación al Sr. X (México)"
        found = roles.first(text[at : state.start])
        if found is not None:
            role_match = ConceptMatch(
                found.start + at, found.end + at, found.concept, found.trigger
            )
            ahead = True
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
    if ahead and (honorific is None or honorific.start() < role_match.end):
        holder = state.entity  # type: ignore[union-attr]
    elif name and 1 <= len(name.split()) <= 5:
        holder = person(unit.reading(name_start, name_start + len(name)), context.language)
    elif state is not None:
        holder = state.entity
    else:
        return []
    end = max(role_match.end, state.end) if state is not None else role_match.end
    evidence = (*context_evidence, context.evidence(unit, verb_at, end))
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
