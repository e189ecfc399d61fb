"""The one place where facts become RDF.

Each fact type has a small function that writes its triples through an :class:`_Emitter`:
``claim`` for the triples the fact states (they get evidence), ``support`` for the types
and labels that make nodes usable. After each fact, its evidence becomes one
``oa:Annotation`` whose bodies are the reified triples it asserts and whose targets select
the quoted spans of the original file. Reified triples are named by the triple and targets by
document and offsets, so facts that share a triple or a span share its nodes; the graph, not
each annotation, says which run of unkg generated it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from functools import cache
from operator import itemgetter
from typing import Any

import pyoxigraph as ox

from unkg.data import load_table
from unkg.extract.facts import (
    AdoptionFact,
    AgendaItemFact,
    ConsiderationFact,
    DocumentFact,
    DocumentReferenceFact,
    Entity,
    EntityKind,
    Evidence,
    Fact,
    IdentifierFact,
    MandateFact,
    MeetingFact,
    MentionFact,
    NoteVerbaleFact,
    PlenaryCountFact,
    PlenaryFact,
    ResolutionFact,
    ResolutionLinkFact,
    RoleAssignmentFact,
    StatementFact,
    TopicFact,
)
from unkg.lang.base import LanguagePack
from unkg.ontology.ns import (
    ALLOT,
    CITO,
    DCTERMS,
    ELI,
    FOAF,
    OA,
    ORG,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    UNDO,
    UNKG,
    XSD,
    curie,
)
from unkg.rdf.graph import DocumentGraph, TripleParts
from unkg.rdf.iri import Minter

__all__ = ["document_graph", "document_quads", "literal_date", "literal_int"]

Term = ox.NamedNode | ox.Literal
ISO639_1 = "http://id.loc.gov/vocabulary/iso639-1/"
_CONSIDERATION = {
    "considered": "consideredAgendaItem",
    "began": "beganConsiderationOf",
    "continued": "continuedConsiderationOf",
}
_DOC_RELATION = {"revision": "revisionOf", "corrigendum": "corrigendumOf", "addendum": "addendumOf"}


def literal_date(value: dt.date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD.date)


def literal_int(value: int, datatype: ox.NamedNode | None = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype or XSD.integer)


@cache
def _concept_rows() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["scheme"], row["id"]): row for row in load_table("concepts")}


def _maps_to(scheme: str, concept: str) -> ox.NamedNode | None:
    row = _concept_rows().get((scheme, concept))
    return curie(row["maps_to"]) if row and row["maps_to"] else None


class _Emitter:
    def __init__(self, minter: Minter, graph: ox.NamedNode, language: LanguagePack) -> None:
        self.minter = minter
        self.graph = graph
        self.language = language  # of the document: its text's literals carry its tag
        # the graph's triples as their terms; quads are made once, for the distinct ones
        self.triples: set[TripleParts] = set()
        self.asserted: list[tuple[ox.NamedNode, ox.NamedNode, Term]] = []
        # reified triples and spans already written: facts share them, so each is written once
        self.written: dict[object, ox.NamedNode] = {}

    def support(self, s: ox.NamedNode, p: ox.NamedNode, o: Term) -> None:
        self.triples.add((s, p, o))

    def claim(self, s: ox.NamedNode, p: ox.NamedNode, o: Term) -> None:
        self.support(s, p, o)
        self.asserted.append((s, p, o))

    def text(self, value: str) -> ox.Literal:
        """A literal of the document's text, tagged with its language."""
        return ox.Literal(value, language=self.language.code)

    def typed(self, s: ox.NamedNode, *types: ox.NamedNode) -> ox.NamedNode:
        for t in types:
            self.support(s, RDF.type, t)
        return s

    # nodes -----------------------------------------------------------------------------------
    def document(self, key: str, symbol: str | None = None) -> ox.NamedNode:
        node = self.typed(self.minter.document(key), UNDO.Document)
        if symbol is None and not key.startswith("sha256:"):
            symbol = key
        if symbol:
            self.support(node, UNKG.symbol, ox.Literal(symbol))
        return node

    def doc_type(self, node: ox.NamedNode, doc_type: str | None) -> None:
        if doc_type is None:
            return
        self.claim(node, UNKG.documentType, self.minter.concept("doctype", doc_type))
        undo_class = _maps_to("doctype", doc_type)
        if undo_class is not None:
            self.support(node, RDF.type, undo_class)

    def entity(self, entity: Entity) -> ox.NamedNode:
        node = self.minter.entity(entity)
        kind = entity.kind
        if kind is EntityKind.PERSON:
            self.typed(node, FOAF.Person, FOAF.Agent)
            self.support(node, FOAF.name, self.text(entity.label or entity.key))
        elif kind is EntityKind.PLACE:
            self.typed(node, SCHEMA.Place)
            if not entity.key and entity.label:
                self.support(node, SCHEMA.name, self.text(entity.label))
            if entity.within:
                self.support(
                    node,
                    SCHEMA.containedInPlace,
                    self.minter.entity(Entity(EntityKind.STATE, entity.within)),
                )
        elif kind is EntityKind.GROUP:
            self.typed(node, UNKG.ActorGroup, FOAF.Group, FOAF.Agent)
        return node

    def meeting(self, key: str) -> ox.NamedNode:
        return self.typed(self.minter.meeting(key), UNKG.Meeting, SCHEMA.Event)

    def plenary(self, meeting: str, ordinal: int) -> ox.NamedNode:
        node = self.typed(self.minter.plenary(meeting, ordinal), UNKG.PlenaryMeeting, SCHEMA.Event)
        self.support(node, SCHEMA.superEvent, self.meeting(meeting))
        self.support(node, UNKG.ordinal, literal_int(ordinal))
        return node

    def agenda_item(self, meeting: str, notation: str) -> ox.NamedNode:
        node = self.typed(self.minter.agenda_item(meeting, notation), UNKG.AgendaItem)
        self.support(node, SKOS.notation, ox.Literal(notation))
        self.support(node, UNKG.agendaItemOf, self.meeting(meeting))
        return node

    def concept(self, scheme: str, concept: str) -> ox.NamedNode:
        return self.minter.concept(scheme, concept)

    # evidence --------------------------------------------------------------------------------
    def evidence(self, fact: Fact) -> None:
        asserted = sorted(set(self.asserted), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
        self.asserted = []
        if not asserted or not fact.evidence:
            return
        spans = sorted(set(fact.evidence), key=lambda e: (e.document, e.start, e.end, e.paragraph))
        digest = hashlib.sha1(
            "\n".join(
                [type(fact).__name__]
                + [f"{s} {p} {o}" for s, p, o in asserted]
                + [f"{e.document} {e.paragraph} {e.start} {e.end}" for e in spans]
            ).encode()
        ).hexdigest()[:20]
        node = self.typed(self.minter.evidence(digest), OA.Annotation)
        for s, p, o in asserted:
            self.support(node, OA.hasBody, self._statement(s, p, o))
        for span in spans:
            self.support(node, OA.hasTarget, self._span(span))

    def _statement(self, s: ox.NamedNode, p: ox.NamedNode, o: Term) -> ox.NamedNode:
        """The reified triple, named by the triple itself: every annotation (of any document)
        that backs the same triple points at the same node."""
        if (s, p, o) in self.written:
            return self.written[s, p, o]
        body = self.written[s, p, o] = self.minter.triple(f"{s} {p} {o}")
        self.support(body, RDF.subject, s)
        self.support(body, RDF.predicate, p)
        self.support(body, RDF.object, o)
        return body

    def _span(self, span: Evidence) -> ox.NamedNode:
        """The quoted span as a Web Annotation target, named by document and offsets: the
        facts read from one span share its target and selectors."""
        key = (span.document, span.start, span.end, span.paragraph)
        if key in self.written:
            return self.written[key]
        minter = self.minter
        target, position, quote = minter.span(
            span.document, span.start, span.end, self.language.code3
        )
        self.written[key] = target
        version = minter.version(span.document, self.language.code3)
        paragraph = minter.paragraph(span.document, span.paragraph, self.language.code3)
        self.typed(target, OA.SpecificResource)
        self.support(target, OA.hasSource, version)
        self.support(target, OA.hasSelector, position)
        self.support(target, OA.hasSelector, quote)
        self.support(target, UNKG.inParagraph, paragraph)
        if span.text and span.text != span.quote:
            self.support(target, UNKG.repairedText, self.text(span.text))
        if span.page is not None:
            self.support(target, UNKG.onPage, literal_int(span.page, XSD.positiveInteger))
        self.typed(position, OA.TextPositionSelector)
        self.support(position, OA.start, literal_int(span.start, XSD.nonNegativeInteger))
        self.support(position, OA.end, literal_int(span.end, XSD.nonNegativeInteger))
        self.typed(quote, OA.TextQuoteSelector)
        self.support(quote, OA.exact, ox.Literal(span.quote))
        self.typed(paragraph, UNKG.Paragraph)
        self.support(paragraph, DCTERMS.isPartOf, version)
        if span.paragraph.startswith("para_") and span.paragraph[5:].isdigit():
            self.support(paragraph, UNKG.paragraphNumber, literal_int(int(span.paragraph[5:])))
        return target


# --- one function per fact type ------------------------------------------------------------


def _document(e: _Emitter, f: DocumentFact) -> None:
    node = e.document(f.document, f.symbol)
    version = e.typed(e.minter.version(f.document, e.language.code3), UNDO.DocumentVersion)
    language = ox.NamedNode(ISO639_1 + e.language.code)
    e.support(node, ALLOT.hasRealization, version)
    e.support(version, DCTERMS.language, language)
    e.support(version, UNKG.textSha256, ox.Literal(f.file_sha256))
    e.support(node, DCTERMS.language, language)
    e.doc_type(node, f.doc_type)
    if f.date:
        e.claim(node, DCTERMS.date, literal_date(f.date))
    if f.title:
        e.claim(node, DCTERMS.title, e.text(f.title))


def _identifier(e: _Emitter, f: IdentifierFact) -> None:
    node = e.document(f.document, f.symbol)
    if f.symbol:
        e.claim(node, UNKG.symbol, ox.Literal(f.symbol))
    if f.job_number:
        e.claim(node, UNKG.jobNumber, ox.Literal(f.job_number))


def _resolution(e: _Emitter, f: ResolutionFact) -> None:
    node = e.typed(e.document(f.symbol), UNDO.Resolution)
    e.support(node, UNKG.documentType, e.concept("doctype", "resolution"))
    if f.session is not None and f.number is not None:
        e.claim(node, ELI.number, ox.Literal(f"{f.session}/{f.number}"))
        e.claim(node, UNKG.sessionNumber, literal_int(f.session))
    if f.number is not None:
        e.claim(node, UNKG.resolutionNumber, literal_int(f.number))
    if f.organ:
        e.claim(node, ELI.passed_by, e.minter.entity(Entity(EntityKind.ORGANIZATION, f.organ)))


def _resolution_link(e: _Emitter, f: ResolutionLinkFact) -> None:
    prop = _maps_to("relation", f.relation)
    if prop is not None:
        e.claim(
            e.typed(e.document(f.source), UNDO.Resolution),
            prop,
            e.typed(e.document(f.target), UNDO.Resolution),
        )


def _adoption(e: _Emitter, f: AdoptionFact) -> None:
    resolution = e.typed(e.document(f.resolution), UNDO.Resolution)
    if f.meeting is not None and f.organ:
        meeting = e.meeting(f"{f.organ}/meeting/{f.meeting}")
        e.support(meeting, UNKG.meetingKind, e.concept("meeting-kind", "meeting"))
        e.support(meeting, SCHEMA.organizer, e.entity(Entity(EntityKind.ORGANIZATION, f.organ)))
        e.support(meeting, UNKG.ordinal, literal_int(f.meeting))
        if f.meeting_name:
            e.claim(meeting, SCHEMA.name, e.text(f.meeting_name))
        e.claim(resolution, UNKG.adoptedAt, meeting)
        if f.date:
            e.claim(meeting, SCHEMA.startDate, literal_date(f.date))
    vote = e.typed(e.minter.vote(f.resolution), UNKG.Vote)
    e.claim(resolution, UNKG.hasVote, vote)
    if f.method:
        e.claim(vote, UNKG.adoptionMethod, e.concept("adoption-method", f.method))
    if f.date:
        e.claim(vote, DCTERMS.date, literal_date(f.date))
    for prop, count in (
        (UNKG.yesCount, f.yes),
        (UNKG.noCount, f.no),
        (UNKG.abstentionCount, f.abstain),
        (UNKG.nonVotingCount, f.non_voting),
    ):
        if count is not None:
            e.claim(vote, prop, literal_int(count))
    for prop, states in (
        (UNKG.inFavour, f.in_favour),
        (UNKG.against, f.against),
        (UNKG.abstaining, f.abstaining),
        (UNKG.notVoting, f.not_voting),
    ):
        for state in states:
            e.claim(vote, prop, e.entity(state))


def _mandate(e: _Emitter, f: MandateFact) -> None:
    prop = _maps_to("relation", f.relation)
    if prop is not None:
        e.claim(e.typed(e.document(f.resolution), UNDO.Resolution), prop, e.meeting(f.meeting))


def _meeting(e: _Emitter, f: MeetingFact) -> None:
    node = e.meeting(f.meeting)
    e.claim(node, UNKG.meetingKind, e.concept("meeting-kind", f.kind))
    e.claim(node, SCHEMA.name, e.text(f.name))
    if f.start:
        e.claim(node, SCHEMA.startDate, literal_date(f.start))
    if f.end:
        e.claim(node, SCHEMA.endDate, literal_date(f.end))
    if f.place:
        e.claim(node, SCHEMA.location, e.entity(f.place))
    if f.series:
        e.claim(node, UNKG.documentSeries, ox.Literal(f.series))
    if f.body:
        e.claim(node, SCHEMA.organizer, e.entity(Entity(EntityKind.ORGANIZATION, f.body)))
    if f.number:
        e.claim(node, UNKG.ordinal, literal_int(f.number))
    for host in f.hosts:
        e.claim(node, UNKG.hostedBy, e.entity(host))
    if f.document and f.relation == "reports-on":
        e.claim(e.document(f.document), UNKG.reportOf, node)
    elif f.document and f.relation == "addressed-to":
        e.claim(e.document(f.document), UNKG.addressedToMeeting, node)


def _plenary_count(e: _Emitter, f: PlenaryCountFact) -> None:
    e.claim(e.meeting(f.meeting), UNKG.statedPlenaryCount, literal_int(f.count))


def _plenary(e: _Emitter, f: PlenaryFact) -> None:
    node = e.plenary(f.meeting, f.ordinal)
    e.claim(node, SCHEMA.superEvent, e.meeting(f.meeting))
    e.claim(node, UNKG.ordinal, literal_int(f.ordinal))
    if f.date:
        e.claim(node, SCHEMA.startDate, literal_date(f.date))


def _agenda_item(e: _Emitter, f: AgendaItemFact) -> None:
    node = e.agenda_item(f.meeting, f.notation)
    e.claim(node, SKOS.notation, ox.Literal(f.notation))
    e.claim(node, DCTERMS.title, e.text(f.title))
    e.claim(node, UNKG.agendaItemOf, e.meeting(f.meeting))
    if f.parent:
        e.claim(node, UNKG.subItemOf, e.agenda_item(f.meeting, f.parent))
    if f.agenda:
        e.claim(node, UNKG.inAgenda, e.document(f.agenda))


def _consideration(e: _Emitter, f: ConsiderationFact) -> None:
    plenary = e.plenary(f.meeting, f.ordinal)
    item = e.agenda_item(f.meeting, f.notation)
    e.claim(plenary, UNKG[_CONSIDERATION[f.mode]], item)
    if f.mode != "considered":
        e.support(plenary, UNKG.consideredAgendaItem, item)  # the super-property, materialised


def _role(e: _Emitter, f: RoleAssignmentFact) -> None:
    node = e.typed(
        e.minter.office(f.meeting, f.document or "", f.role, f.holder),
        UNKG.RoleAssignment,
        ORG.Membership,
    )
    e.claim(node, ORG.member, e.entity(f.holder))
    e.claim(node, ORG.role, e.concept("role", f.role))
    if f.meeting:
        e.claim(node, UNKG.inMeeting, e.meeting(f.meeting))
    if f.representing:
        e.claim(node, UNKG.representing, e.entity(f.representing))
    if f.date:
        e.claim(node, UNKG.electedOn, literal_date(f.date))
    if f.ordinal is not None and f.meeting:
        e.claim(node, UNKG.electedAt, e.plenary(f.meeting, f.ordinal))
    if f.method:
        e.claim(node, UNKG.electionMethod, e.concept("election-method", f.method))


def _statement(e: _Emitter, f: StatementFact) -> None:
    if f.meeting is None or f.ordinal is None:
        return
    node = e.typed(
        e.minter.statement(f.meeting, f.ordinal, f.speaker, f.on_behalf_of), UNKG.Statement
    )
    e.claim(node, UNKG.speaker, e.entity(f.speaker))
    e.claim(node, UNKG.deliveredAt, e.plenary(f.meeting, f.ordinal))
    e.claim(node, UNKG.inMeeting, e.meeting(f.meeting))
    if f.capacity:
        e.claim(node, UNKG.capacity, e.text(f.capacity))
    if f.capacity_role:
        e.claim(node, UNKG.capacityRole, e.concept("role", f.capacity_role))
    if f.on_behalf_of:
        e.claim(node, UNKG.onBehalfOf, e.entity(f.on_behalf_of))
    if f.speaker_role:
        e.claim(node, UNKG.speakerRole, e.concept("role", f.speaker_role))


def _reference(e: _Emitter, f: DocumentReferenceFact) -> None:
    cited = e.document(f.symbol)
    e.claim(e.document(f.document), CITO.cites, cited)
    e.doc_type(cited, f.doc_type)
    if f.revision_of and f.relation in _DOC_RELATION:
        e.claim(cited, UNKG[_DOC_RELATION[f.relation]], e.document(f.revision_of))


def _mention(e: _Emitter, f: MentionFact) -> None:
    e.claim(e.document(f.document), UNKG.mentions, e.entity(f.entity))


def _topic(e: _Emitter, f: TopicFact) -> None:
    topic = e.concept("topic", f.topic)
    if f.notation and f.meeting:
        e.claim(e.agenda_item(f.meeting, f.notation), DCTERMS.subject, topic)
    else:
        e.claim(e.document(f.document), DCTERMS.subject, topic)


def _note_verbale(e: _Emitter, f: NoteVerbaleFact) -> None:
    document = e.document(f.document)
    for sender, kind in zip(f.senders, f.missions, strict=True):
        mission = e.typed(e.minter.mission(sender.key, kind), UNKG.Mission, ORG.FormalOrganization)
        e.claim(document, UNKG.sentBy, mission)
        e.claim(mission, UNKG.missionOf, e.entity(sender))
        e.claim(mission, UNKG.missionKind, e.concept("mission-kind", kind))
    if f.addressee_role:
        e.claim(document, UNKG.addresseeRole, e.concept("role", f.addressee_role))
    if f.addressee_meeting:
        e.claim(document, UNKG.addressedToMeeting, e.meeting(f.addressee_meeting))
    if f.request:
        e.claim(document, UNKG.requests, e.concept("request", f.request))
    if f.annex_title or f.annex_event:
        annex = e.typed(e.minter.annex(f.document), UNKG.Annex, UNDO.Document)
        e.claim(document, UNKG.hasAnnex, annex)
        if f.annex_title:
            e.claim(annex, DCTERMS.title, e.text(f.annex_title))
        if f.annex_event:
            e.claim(annex, UNKG.reportOf, e.meeting(f.annex_event))


_MAPPINGS: dict[type[Fact], Callable[[_Emitter, Any], None]] = {
    AdoptionFact: _adoption,
    DocumentFact: _document,
    IdentifierFact: _identifier,
    ResolutionFact: _resolution,
    ResolutionLinkFact: _resolution_link,
    MandateFact: _mandate,
    MeetingFact: _meeting,
    PlenaryFact: _plenary,
    PlenaryCountFact: _plenary_count,
    AgendaItemFact: _agenda_item,
    ConsiderationFact: _consideration,
    RoleAssignmentFact: _role,
    StatementFact: _statement,
    DocumentReferenceFact: _reference,
    MentionFact: _mention,
    TopicFact: _topic,
    NoteVerbaleFact: _note_verbale,
}


def document_graph(
    facts: Iterable[Fact], document: str, minter: Minter, language: LanguagePack
) -> DocumentGraph:
    """The named graph of one document's facts, read from its text in ``language``."""
    graph = minter.graph(document)
    emitter = _Emitter(minter, graph, language)
    emitter.support(graph, PROV.wasGeneratedBy, minter.run())  # provenance once per graph
    for fact in facts:
        _MAPPINGS[type(fact)](emitter, fact)
        emitter.evidence(fact)
    made = []
    for s, p, o in emitter.triples:
        quad = ox.Quad(s, p, o, graph)
        made.append((str(quad), quad, (s, p, o)))
    # one graph: sort_quads' order. A quad's text is its N-Quads line without " .", so the
    # sort keys joined are the graph's N-Quads (what ox.serialize writes, not made twice)
    made.sort(key=itemgetter(0))
    lines = [line for line, _, _ in made]
    nquads = (" .\n".join(lines) + " .\n").encode() if lines else b""
    return DocumentGraph([quad for _, quad, _ in made], [parts for _, _, parts in made], nquads)


def document_quads(
    facts: Iterable[Fact], document: str, minter: Minter, language: LanguagePack
) -> list[ox.Quad]:
    """The quads of one document's named graph, in a stable order."""
    return document_graph(facts, document, minter, language).quads


def sort_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Graph by graph, then in N-Quads line order: stable across runs, one str() per quad."""
    return sorted(quads, key=lambda q: (getattr(q.graph_name, "value", ""), str(q)))
