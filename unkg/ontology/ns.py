"""Namespaces of the vocabularies unkg writes, as objects that refuse unknown terms.

``UNKG.recalls`` gives the IRI of ``unkg:recalls``; ``UNKG.recals`` raises AttributeError,
because the terms of our namespace are read from ``unkg.ttl`` (the single source) and the
terms of the standard vocabularies are the ones listed here.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from unkg.ontology import ontology_path

__all__ = [
    "ALLOT",
    "CITO",
    "DCTERMS",
    "ELI",
    "FOAF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "UNDO",
    "UNKG",
    "XSD",
    "Vocabulary",
]

UNKG_IRI = "https://w3id.org/unkg/ontology#"


class Vocabulary:
    """A namespace whose attribute access mints IRIs of known terms only."""

    def __init__(self, prefix: str, iri: str, terms: frozenset[str] | None = None) -> None:
        self.prefix = prefix
        self.iri = iri
        self._terms = terms

    def terms(self) -> frozenset[str]:
        if self._terms is None:
            self._terms = _ontology_terms()
        return self._terms

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)  # later lookups are plain attribute reads
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        if name not in self.terms():
            raise AttributeError(f"{self.prefix}:{name} is not a term unkg uses")
        return _node(self.iri + name)


@cache
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@cache
def _ontology_terms() -> frozenset[str]:
    names = set()
    for quad in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
        subject = quad.subject
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(UNKG_IRI):
            names.add(subject.value[len(UNKG_IRI) :])
    return frozenset(names)


def _terms(text: str) -> frozenset[str]:
    return frozenset(text.split())


UNKG = Vocabulary("unkg", UNKG_IRI)
RDF = Vocabulary(
    "rdf",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    _terms("type Statement subject predicate object langString"),
)
RDFS = Vocabulary(
    "rdfs",
    "http://www.w3.org/2000/01/rdf-schema#",
    _terms("label comment seeAlso subClassOf subPropertyOf"),
)
OWL = Vocabulary("owl", "http://www.w3.org/2002/07/owl#", _terms("sameAs"))
XSD = Vocabulary(
    "xsd",
    "http://www.w3.org/2001/XMLSchema#",
    _terms("string integer nonNegativeInteger positiveInteger date gYear boolean"),
)
SKOS = Vocabulary(
    "skos",
    "http://www.w3.org/2004/02/skos/core#",
    _terms(
        "Concept ConceptScheme prefLabel altLabel hiddenLabel notation inScheme hasTopConcept "
        "topConceptOf broader narrower exactMatch closeMatch broadMatch definition"
    ),
)
DCTERMS = Vocabulary(
    "dcterms",
    "http://purl.org/dc/terms/",
    _terms(
        "title date language subject isPartOf hasPart creator replaces relation references "
        "identifier issued source"
    ),
)
SCHEMA = Vocabulary(
    "schema",
    "https://schema.org/",
    _terms(
        "Event Place Country name startDate endDate location superEvent subEvent containedInPlace "
        "honorificPrefix organizer"
    ),
)
ORG = Vocabulary(
    "org",
    "http://www.w3.org/ns/org#",
    _terms(
        "Organization FormalOrganization OrganizationalCollaboration Membership Role member role "
        "hasMember memberOf subOrganizationOf"
    ),
)
FOAF = Vocabulary("foaf", "http://xmlns.com/foaf/0.1/", _terms("Person Group Agent name"))
PROV = Vocabulary(
    "prov",
    "http://www.w3.org/ns/prov#",
    _terms("Entity Activity SoftwareAgent wasGeneratedBy wasAssociatedWith"),
)
OA = Vocabulary(
    "oa",
    "http://www.w3.org/ns/oa#",
    _terms(
        "Annotation SpecificResource TextPositionSelector TextQuoteSelector hasBody hasTarget "
        "hasSource hasSelector start end exact motivatedBy describing"
    ),
)
CITO = Vocabulary("cito", "http://purl.org/spar/cito/", _terms("cites"))
ELI = Vocabulary(
    "eli", "http://data.europa.eu/eli/ontology#", _terms("number passed_by id_local date_document")
)
UNDO = Vocabulary(
    "undo",
    "https://w3id.org/un/ontology/undo/",
    _terms(
        "Document DocumentVersion MeetingReport ConferenceReport OfficialLetter Resolution "
        "Decision "
        "AgendaListing AnnotatedAgenda MeetingAgenda Paper RulesOfProcedure NormativeDocument"
    ),
)
ALLOT = Vocabulary(
    "allot", "https://w3id.org/akn/ontology/allot/", _terms("hasRealization mentions")
)

VOCABULARIES = (
    UNKG,
    RDF,
    RDFS,
    OWL,
    XSD,
    SKOS,
    DCTERMS,
    SCHEMA,
    ORG,
    FOAF,
    PROV,
    OA,
    CITO,
    ELI,
    UNDO,
    ALLOT,
)
PREFIXES = {v.prefix: v.iri for v in VOCABULARIES}


def curie(iri: str) -> ox.NamedNode:
    """``"undo:MeetingReport"`` -> the IRI, checked against the vocabulary's terms."""
    prefix, name = iri.split(":", 1)
    for vocabulary in VOCABULARIES:
        if vocabulary.prefix == prefix:
            return vocabulary[name]
    raise ValueError(f"unknown prefix in {iri!r}")
