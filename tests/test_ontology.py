"""Checks for the OWL file unkg/ontology/unkg.ttl against the spec in docs/ontology.md.

Every term of our namespace is declared once with one OWL kind, labelled in English and Arabic,
defined in English, and every class or property it builds on is declared in the same file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, VANN

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "unkg" / "ontology" / "unkg.ttl"
SPEC = ROOT / "docs" / "ontology.md"

UNKG = Namespace("https://w3id.org/unkg/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/unkg/ontology")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

# Every term of our namespace that docs/ontology.md lists, with its OWL kind.
CLASSES = [
    "ActorGroup", "AgendaItem", "Annex", "FormerMemberState", "InternationalInstrument",
    "Meeting", "MemberState", "Mission", "ObserverState", "Paragraph", "PlenaryMeeting",
    "RoleAssignment", "Statement", "Vote",
]  # fmt: skip
OBJECT_PROPERTIES = [
    "abstaining", "addendumOf", "addressedToMeeting", "addresseeRole", "adoptedAt",
    "adoptionMethod", "against", "agendaItemOf", "beganConsiderationOf", "callsUpon",
    "capacityRole", "consideredAgendaItem", "hasVote", "inFavour", "notes", "notVoting",
    "continuedConsiderationOf", "corrigendumOf", "decides", "deliveredAt", "documentType",
    "electedAt", "electionMethod", "hasAnnex", "hostedBy", "inAccordanceWith", "inAgenda",
    "inMeeting", "inParagraph", "meetingKind", "mentions", "missionKind",
    "missionOf", "onBehalfOf", "pursuantTo", "reaffirms", "recalls", "relatesTo", "reportOf",
    "representing", "requests", "requestsOf", "revisionOf", "sentBy", "speaker",
    "speakerRole", "subItemOf", "takesNoteOf", "urges", "welcomes",
]  # fmt: skip
DATATYPE_PROPERTIES = [
    "abstentionCount", "capacity", "documentSeries", "electedOn", "iso3166Alpha2",
    "iso3166Alpha3", "jobNumber", "m49", "noCount", "nonVotingCount", "onPage", "ordinal",
    "paragraphNumber", "repairedText", "resolutionNumber", "sessionNumber",
    "statedPlenaryCount", "symbol", "textSha256", "yesCount",
]  # fmt: skip
EXPECTED = (
    {name: OWL.Class for name in CLASSES}
    | {name: OWL.ObjectProperty for name in OBJECT_PROPERTIES}
    | {name: OWL.DatatypeProperty for name in DATATYPE_PROPERTIES}
)

# The verbs a resolution uses towards other resources: all under unkg:relatesTo.
RELATION_VERBS = [
    "decides", "inAccordanceWith", "pursuantTo", "reaffirms", "recalls", "requestsOf",
    "takesNoteOf", "urges", "welcomes",
]  # fmt: skip

# The standard terms docs/ontology.md uses as they are ("Standard terms used as they are"),
# declared in the file with their kind. rdf:Statement, rdf:subject, rdf:predicate and rdf:object
# are built-in vocabulary and not redeclared.
PREFIXES = {
    "cito": "http://purl.org/spar/cito/",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
STANDARD_TERMS = [
    "schema:name", "schema:startDate", "schema:endDate", "schema:location", "schema:superEvent",
    "schema:containedInPlace", "skos:prefLabel", "skos:altLabel", "skos:notation",
    "skos:inScheme", "skos:broader", "skos:exactMatch", "skos:closeMatch", "skos:definition",
    "dcterms:title", "dcterms:date", "dcterms:language", "dcterms:subject", "dcterms:isPartOf",
    "eli:number", "eli:passed_by", "eli:is_realized_by", "cito:cites", "org:member",
    "org:role", "org:hasMember", "foaf:name", "schema:honorificPrefix", "oa:hasBody",
    "oa:hasTarget", "oa:hasSource", "oa:hasSelector", "oa:TextPositionSelector",
    "oa:TextQuoteSelector", "oa:start", "oa:end", "oa:exact", "oa:SpecificResource",
    "prov:wasGeneratedBy",
]  # fmt: skip

OWL_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
# Terms every OWL tool knows without a declaration.
BUILT_IN = ("http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def kinds(graph: Graph, term: URIRef) -> set[URIRef]:
    return {kind for kind in graph.objects(term, RDF.type) if kind in OWL_KINDS}


def own_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(UNKG))}


def is_declared(graph: Graph, term: URIRef) -> bool:
    return bool(kinds(graph, term)) or str(term).startswith(BUILT_IN)


def test_parses_with_pyoxigraph() -> None:
    parsed = pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
    triples = {(str(q.subject), str(q.predicate), str(q.object)) for q in parsed}
    assert len(triples) == len(Graph().parse(ONTOLOGY, format="turtle"))


def test_ontology_header(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    titles = {t.language for t in graph.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"en", "ar"} <= titles
    assert graph.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert graph.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert graph.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix) == Literal("unkg")
    assert graph.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri) == Literal(str(UNKG))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spec_term_declared_with_its_kind(graph: Graph, name: str) -> None:
    assert kinds(graph, UNKG[name]) == {EXPECTED[name]}


def test_no_undocumented_terms(graph: Graph) -> None:
    extra = {str(t) for t in own_terms(graph)} - {str(UNKG[name]) for name in EXPECTED}
    assert not extra


def test_every_spec_term_is_in_the_test_list() -> None:
    """The list above follows docs/ontology.md: a term added there must be added here."""
    if not SPEC.exists():
        pytest.skip("docs/ontology.md not present")
    in_spec = set(re.findall(r"\bunkg:([A-Za-z][A-Za-z0-9]*)", SPEC.read_text(encoding="utf-8")))
    assert in_spec == set(EXPECTED)


def test_own_terms_have_one_kind(graph: Graph) -> None:
    for term in own_terms(graph):
        assert len(kinds(graph, term)) == 1, term


def test_external_terms_have_one_kind(graph: Graph) -> None:
    by_term: dict[URIRef, set[URIRef]] = defaultdict(set)
    for term, kind in graph.subject_objects(RDF.type):
        if kind in OWL_KINDS and isinstance(term, URIRef):
            by_term[term].add(kind)
    conflicting = {str(t): k for t, k in by_term.items() if len(k) > 1}
    assert not conflicting


def test_labels_and_definitions(graph: Graph) -> None:
    for term in own_terms(graph):
        labels = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"en", "ar"} <= labels, term
        definitions = {d.language for d in graph.objects(term, SKOS.definition)}
        assert "en" in definitions, term
        for text in [*graph.objects(term, RDFS.label), *graph.objects(term, SKOS.definition)]:
            assert isinstance(text, Literal) and text.language in {"en", "ar"}, (term, text)
        for label in graph.objects(term, RDFS.label):
            if label.language == "ar":
                assert re.search(r"[\u0600-\u06FF]", str(label)), (term, label)
        assert graph.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI, term


def test_one_label_per_language(graph: Graph) -> None:
    for term in own_terms(graph):
        languages = [label.language for label in graph.objects(term, RDFS.label)]
        assert len(languages) == len(set(languages)), term


def test_super_terms_declared(graph: Graph) -> None:
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf):
        for sub, sup in graph.subject_objects(predicate):
            assert isinstance(sup, URIRef), (sub, sup)
            assert is_declared(graph, sup), (sub, predicate, sup)


def test_super_terms_have_the_same_kind(graph: Graph) -> None:
    for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
        assert kinds(graph, sub) == kinds(graph, sup), (sub, sup)
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        assert kinds(graph, sup) == {OWL.Class}, (sub, sup)


def test_domains_and_ranges_declared(graph: Graph) -> None:
    for predicate in (RDFS.domain, RDFS.range):
        for term, value in graph.subject_objects(predicate):
            assert isinstance(value, URIRef), (term, value)
            if str(value).startswith(XSD_NS) or value == RDF.langString:
                assert kinds(graph, term) == {OWL.DatatypeProperty}, (term, value)
                continue
            assert kinds(graph, value) == {OWL.Class}, (term, predicate, value)


def test_datatype_properties_have_datatype_ranges(graph: Graph) -> None:
    for name in DATATYPE_PROPERTIES:
        value = graph.value(UNKG[name], RDFS.range)
        assert value is not None, name
        assert str(value).startswith(XSD_NS) or value == RDF.langString, name


def test_no_blank_nodes(graph: Graph) -> None:
    for triple in graph:
        assert not any(isinstance(node, BNode) for node in triple), triple


@pytest.mark.parametrize("name", RELATION_VERBS)
def test_relation_verbs_under_relates_to(graph: Graph, name: str) -> None:
    assert (UNKG[name], RDFS.subPropertyOf, UNKG.relatesTo) in graph
    assert graph.value(UNKG[name], RDFS.domain) is None
    assert graph.value(UNKG[name], RDFS.range) is None


def test_citation_verbs_under_cito(graph: Graph) -> None:
    cites = URIRef("http://purl.org/spar/cito/cites")
    for name in ("recalls", "reaffirms", "inAccordanceWith"):
        assert (UNKG[name], RDFS.subPropertyOf, cites) in graph


def test_consideration_sub_properties(graph: Graph) -> None:
    for name in ("beganConsiderationOf", "continuedConsiderationOf"):
        assert (UNKG[name], RDFS.subPropertyOf, UNKG.consideredAgendaItem) in graph


@pytest.mark.parametrize("curie", STANDARD_TERMS)
def test_standard_term_declared(graph: Graph, curie: str) -> None:
    prefix, name = curie.split(":")
    assert len(kinds(graph, URIRef(PREFIXES[prefix] + name))) == 1
