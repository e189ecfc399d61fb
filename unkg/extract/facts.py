"""Typed facts with evidence: what extractors produce and the RDF mapping consumes.

Facts are plain frozen records. They name things by *keys* (a UN symbol, an ISO code, a
table id, a meeting key), never by IRIs: minting IRIs is the mapping's job
(:mod:`unkg.rdf.iri`). Every fact carries the evidence it was read from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "AdoptionFact",
    "AgendaItemFact",
    "ConsiderationFact",
    "DocumentFact",
    "DocumentReferenceFact",
    "Entity",
    "EntityKind",
    "Evidence",
    "Fact",
    "IdentifierFact",
    "MandateFact",
    "MeetingFact",
    "MentionFact",
    "NoteVerbaleFact",
    "PlenaryCountFact",
    "PlenaryFact",
    "ResolutionFact",
    "ResolutionLinkFact",
    "RoleAssignmentFact",
    "StatementFact",
    "TopicFact",
]


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a fact was read: document, paragraph, original character offsets, exact quote.

    ``quote`` is ``original_text[start:end]`` (so a reordered line's quote is what the file
    holds there); ``text`` is the repaired reading of the same stretch. ``page`` is the page
    of a PDF the span starts on (its index in the file, from 1), None for plain text.
    """

    document: str
    paragraph: str
    start: int
    end: int
    quote: str
    text: str = ""
    page: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"evidence span {self.start}..{self.end} is empty or negative")
        if not self.quote:
            raise ValueError("evidence quote is empty")


class EntityKind(Enum):
    STATE = "state"
    ORGANIZATION = "organization"
    INSTRUMENT = "instrument"
    PERSON = "person"
    GROUP = "group"  # a class of actors with no single identity: "non-governmental organizations"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Entity:
    """A reference to a thing by its key: ISO alpha-3 code, table id, or a person's name."""

    kind: EntityKind
    key: str
    label: str = ""  # the name as the document writes it (persons, places, groups)
    within: str = ""  # a place's State (ISO alpha-3), when the text says it

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.kind.value, self.key, self.label)


@dataclass(frozen=True, slots=True)
class Fact:
    evidence: tuple[Evidence, ...] = field(default=(), kw_only=True, compare=False)


@dataclass(frozen=True, slots=True)
class DocumentFact(Fact):
    document: str  # the document's key: its symbol, or sha256:...
    symbol: str | None
    job_number: str | None
    doc_type: str | None  # id in doctypes.tsv
    date: dt.date | None
    language: str
    title: str | None
    file_sha256: str


@dataclass(frozen=True, slots=True)
class IdentifierFact(Fact):
    """The document's symbol and job number, read from its page headers and footers."""

    document: str
    symbol: str | None
    job_number: str | None


@dataclass(frozen=True, slots=True)
class MeetingFact(Fact):
    meeting: str  # meeting key (see unkg.extract.meetings)
    kind: str  # conference, meeting, workshop, ...
    name: str  # the name as written, in the document's language
    place: Entity | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    series: str | None = None  # UN symbol series of its documents (A/CONF.192/BMS/2014)
    # how the document relates to it: reports-on, addressed-to, mentions
    relation: str | None = None
    document: str | None = None
    hosts: tuple[Entity, ...] = ()
    body: str | None = None  # the body holding it, for a numbered session (organizations.tsv id)
    number: int | None = None  # its ordinal: "eighteenth session", "fifth biennial meeting"


@dataclass(frozen=True, slots=True)
class PlenaryCountFact(Fact):
    """How many plenary meetings the text says a meeting held ("عُقدت تسع جلسات عامة"),
    kept beside the plenary meetings it describes, which may be more or fewer."""

    meeting: str
    count: int


@dataclass(frozen=True, slots=True)
class PlenaryFact(Fact):
    meeting: str
    ordinal: int
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class AgendaItemFact(Fact):
    meeting: str
    notation: str  # "6", "6(a)"
    title: str
    parent: str | None = None  # notation of the item this is a sub-item of
    agenda: str | None = None  # symbol of the agenda document


@dataclass(frozen=True, slots=True)
class ConsiderationFact(Fact):
    meeting: str
    ordinal: int
    notation: str
    mode: str  # considered, began, continued


@dataclass(frozen=True, slots=True)
class ResolutionFact(Fact):
    symbol: str  # A/RES/68/48
    organ: str | None  # organizations.tsv id
    session: int | None
    number: int | None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class AdoptionFact(Fact):
    """How a resolution was adopted (the UN Digital Library's voting record)."""

    resolution: str  # its symbol
    organ: str | None  # the adopting organ (organizations.tsv id)
    meeting: int | None  # the organ's meeting: "at its 2963rd meeting"
    date: dt.date | None
    method: str | None  # adoption-method concept: vote, unanimous, without-vote, consensus
    yes: int | None
    no: int | None
    abstain: int | None
    non_voting: int | None = None
    in_favour: tuple[Entity, ...] = ()
    against: tuple[Entity, ...] = ()
    abstaining: tuple[Entity, ...] = ()
    not_voting: tuple[Entity, ...] = ()
    meeting_name: str | None = None  # the meeting as the text names it: "2963rd meeting"


@dataclass(frozen=True, slots=True)
class ResolutionLinkFact(Fact):
    source: str  # resolution symbol
    relation: str  # relations.tsv id
    target: str  # resolution symbol


@dataclass(frozen=True, slots=True)
class MandateFact(Fact):
    resolution: str  # symbol
    relation: str  # relations.tsv id: decides, recalls, ...
    meeting: str


@dataclass(frozen=True, slots=True)
class RoleAssignmentFact(Fact):
    meeting: str | None
    role: str  # roles.tsv id
    holder: Entity  # a person, or a State / organisation holding the office
    representing: Entity | None = None  # the State a person sits for
    date: dt.date | None = None
    ordinal: int | None = None  # plenary meeting of the election
    method: str | None = None  # acclamation, vote
    document: str | None = None


@dataclass(frozen=True, slots=True)
class StatementFact(Fact):
    meeting: str | None
    ordinal: int | None
    speaker: Entity
    capacity: str | None = None  # the capacity as written ("بصفته رئيس ...")
    capacity_role: str | None = None  # roles.tsv id of that capacity
    on_behalf_of: Entity | None = None
    speaker_role: str | None = None  # when the speaker is named by office: chair, ...


@dataclass(frozen=True, slots=True)
class DocumentReferenceFact(Fact):
    document: str  # citing document key
    symbol: str  # cited symbol
    doc_type: str | None  # what the cited document is (doctypes.tsv id)
    revision_of: str | None = None
    relation: str | None = None  # revision, corrigendum, addendum


@dataclass(frozen=True, slots=True)
class MentionFact(Fact):
    document: str
    entity: Entity


@dataclass(frozen=True, slots=True)
class TopicFact(Fact):
    document: str
    topic: str  # topics.tsv id
    paragraph: str | None = None
    notation: str | None = None  # agenda item the topic is the subject of
    meeting: str | None = None


@dataclass(frozen=True, slots=True)
class NoteVerbaleFact(Fact):
    document: str
    senders: tuple[Entity, ...]
    missions: tuple[str, ...]  # kind of each sender's mission: permanent-mission, ...
    addressee_role: str | None
    addressee_meeting: str | None
    date: dt.date | None
    request: str | None  # requests.tsv-like id: circulate-as-official-document
    annex_title: str | None = None
    annex_event: str | None = None  # meeting key of the event the annex reports on
