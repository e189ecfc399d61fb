"""Notes verbales and letters: who sends them (which State's mission), to whom, dated when,
asking for what, and the event their annex reports on.

"مذكرة شفوية مؤرخة 6 تموز/يوليه 2001 موجهة إلى الأمين العام للمؤتمر من البعثة الدائمة
لأذربيجان وبعثة المراقب الدائم لسويسرا": a mission phrase followed by a State is a sender;
the office after "موجهة إلى" is the addressee; "... بوصفها وثيقة رسمية" is a request to
circulate it. The annex's event is the meeting whose name's subject the annex title repeats.
"""

from __future__ import annotations

from unkg.extract.context import Context, Unit
from unkg.extract.facts import (
    DocumentFact,
    Entity,
    EntityKind,
    Evidence,
    Fact,
    MeetingFact,
    NoteVerbaleFact,
)
from unkg.extract.meetings import fact_subject, subject_key

KIND = "notes-verbales"
REQUIRES = ("documents", "meetings")

COMMUNICATIONS = ("note-verbale", "letter")


def extract(context: Context) -> list[Fact]:
    document = next((f for f in context.facts if isinstance(f, DocumentFact)), None)
    if document is None or document.doc_type not in COMMUNICATIONS:
        return []
    title = next(iter(context.blocks("doc-title")), None)
    body = [u for u in context.paragraphs() if u.annex is None]
    evidence: list[Evidence] = []
    senders: list[Entity] = []
    missions: list[str] = []
    for unit in ([title] if title else []) + body[:1]:
        for entity, mission, proof in _senders(context, unit):
            if entity not in senders:
                senders.append(entity)
                missions.append(mission)
                evidence.append(proof)
    addressee_role = None
    addressee_meeting = None
    if title is not None:
        to = context.patterns.addressed_to.search(title.text)
        if to is not None:
            role = context.concepts("role").at_start(title.text[to.end() :])
            if role is not None:
                addressee_role = role.concept
                evidence.append(context.evidence(title, to.start(), to.end() + role.end))
        meeting = next(
            (
                f
                for f in context.facts
                if isinstance(f, MeetingFact) and f.relation == "addressed-to"
            ),
            None,
        )
        addressee_meeting = meeting.meeting if meeting else None
    request = None
    for unit in body:
        found = context.concepts("request").first(unit.text)
        if found is not None:
            request = found.concept
            evidence.append(context.evidence(unit, found.start, found.end))
            break
    annex_title, annex_event = _annex(context)
    return [
        NoteVerbaleFact(
            context.key,
            tuple(senders),
            tuple(missions),
            addressee_role,
            addressee_meeting,
            document.date,
            request,
            annex_title,
            annex_event,
            evidence=tuple(evidence),
        )
    ]


def _senders(context: Context, unit: Unit):  # type: ignore[no-untyped-def]
    for mission in context.concepts("mission-kind").find(unit.text):
        state = next(
            (
                n
                for n in unit.names
                if n.entity.kind is EntityKind.STATE
                and (
                    0 <= n.start - mission.end <= 3  # "of", a proclitic (لـ)
                    or _joined(context, unit.text[mission.end : n.start])
                )
            ),
            None,
        )
        if state is not None:
            yield state.entity, mission.concept, context.evidence(unit, mission.start, state.end)


def _joined(context: Context, gap: str) -> bool:
    """A mission's kind and its State joined by function words only ("de la")."""
    if len(gap) > 12 or not gap[:1].isspace():
        return False
    return all(w in context.patterns.stop_words for w in gap.split())


def _annex(context: Context) -> tuple[str | None, str | None]:
    titles = [u for u in context.units if u.annex == 1 and u.kind != "paragraph"]
    if not titles:
        return None, None
    text = " ".join(u.view.text for u in titles)
    meetings = [f for f in context.facts if isinstance(f, MeetingFact)]
    for unit in titles:
        key = subject_key(unit.text, context.language)
        for meeting in meetings:
            subject = fact_subject(meeting, context.language)
            if key and subject_key(context.match_form(subject).text, context.language) == key:
                return text, meeting.meeting
    return text, None
