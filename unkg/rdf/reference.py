"""The reference graph: States, organisations, instruments, places and the SKOS concept
schemes (topics with their UNBIS matches, roles, document types, ...), all from the tables
in ``unkg/data``. Every document graph points into it; it is written once per build."""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from unkg.data import cells, load_table
from unkg.extract.facts import Entity, EntityKind
from unkg.ontology.ns import (
    DCTERMS,
    FOAF,
    ORG,
    RDF,
    SCHEMA,
    SKOS,
    UNKG,
    curie,
)
from unkg.rdf.iri import Minter
from unkg.rdf.mapping import sort_quads

__all__ = ["SCHEMES", "reference_quads"]

UNBIS = "http://metadata.un.org/thesaurus/"
SCHEMES = {
    "topic": ("Topics", "المواضيع"),
    "role": ("Roles", "الأدوار"),
    "doctype": ("Document types", "أنواع الوثائق"),
    "relation": ("Relations resolutions state", "العلاقات بين القرارات"),
    "meeting-kind": ("Kinds of meeting", "أنواع الاجتماعات"),
    "election-method": ("Methods of election", "طرق الانتخاب"),
    "mission-kind": ("Kinds of mission", "أنواع البعثات"),
    "request": ("Requests", "الطلبات"),
    "consideration": ("Modes of consideration", "طرق النظر في البنود"),
    "actor-group": ("Actor groups", "فئات الجهات الفاعلة"),
}


def _label(
    quads: list[ox.Quad],
    graph: ox.NamedNode,
    node: ox.NamedNode,
    predicate: ox.NamedNode,
    en: str,
    ar: str,
) -> None:
    if en:
        quads.append(ox.Quad(node, predicate, ox.Literal(en, language="en"), graph))
    if ar:
        quads.append(ox.Quad(node, predicate, ox.Literal(ar, language="ar"), graph))


@cache
def _cached(base: str) -> tuple[ox.Quad, ...]:
    minter = Minter(base)
    graph = minter.reference_graph()
    q: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        q.append(ox.Quad(s, p, o, graph))

    for row in load_table("states"):
        node = minter.entity(Entity(EntityKind.STATE, row["iso3"]))
        kind = UNKG.MemberState if row["status"] == "member" else UNKG.ObserverState
        for t in (kind, ORG.FormalOrganization, SCHEMA.Country, FOAF.Agent):
            add(node, RDF.type, t)
        _label(q, graph, node, SKOS.prefLabel, row["name_en"], row["name_ar"])
        for name in [*cells(row["variants_en"]), row["formal_en"]]:
            if name:
                add(node, SKOS.altLabel, ox.Literal(name, language="en"))
        for name in [*cells(row["variants_ar"]), row["formal_ar"]]:
            if name:
                add(node, SKOS.altLabel, ox.Literal(name, language="ar"))
        add(node, UNKG.iso3166Alpha3, ox.Literal(row["iso3"]))
        add(node, UNKG.iso3166Alpha2, ox.Literal(row["iso2"]))
        add(node, UNKG.m49, ox.Literal(row["m49"]))

    for row in load_table("organizations"):
        node = minter.entity(Entity(EntityKind.ORGANIZATION, row["id"]))
        group = row["kind"] == "group-of-states"
        for t in (
            (ORG.OrganizationalCollaboration if group else ORG.FormalOrganization),
            ORG.Organization,
            FOAF.Agent,
        ):
            add(node, RDF.type, t)
        _label(q, graph, node, SKOS.prefLabel, row["name_en"], row["name_ar"])
        for name in cells(row["variants_ar"]):
            add(node, SKOS.altLabel, ox.Literal(name, language="ar"))
        for name in cells(row["variants_en"]):
            add(node, SKOS.altLabel, ox.Literal(name, language="en"))
        if row["acronym"]:
            add(node, SKOS.notation, ox.Literal(row["acronym"]))
        if row["parent"]:
            add(
                node,
                ORG.subOrganizationOf,
                minter.entity(Entity(EntityKind.ORGANIZATION, row["parent"])),
            )
        for member in cells(row["members"]):
            add(node, ORG.hasMember, minter.entity(Entity(EntityKind.STATE, member)))

    for row in load_table("instruments"):
        node = minter.entity(Entity(EntityKind.INSTRUMENT, row["id"]))
        add(node, RDF.type, UNKG.InternationalInstrument)
        _label(q, graph, node, SKOS.prefLabel, row["name_en"], row["name_ar"])
        for name in cells(row["short_en"]):
            add(node, SKOS.altLabel, ox.Literal(name, language="en"))
        for name in cells(row["short_ar"]) + cells(row["variants_ar"]):
            add(node, SKOS.altLabel, ox.Literal(name, language="ar"))
        if row["symbol"]:
            # the symbol is the document's that adopted or sets out the instrument (the CTBT:
            # resolution A/RES/50/245), so it names that document's node, the one a
            # document citing the resolution links to; the instrument is not that document
            source = minter.document(row["symbol"])
            add(node, DCTERMS.source, source)
            add(source, UNKG.symbol, ox.Literal(row["symbol"]))

    for row in load_table("places"):
        node = minter.entity(Entity(EntityKind.PLACE, row["id"]))
        add(node, RDF.type, SCHEMA.Place)
        _label(q, graph, node, SCHEMA.name, row["name_en"], row["name_ar"])
        if row["iso3"]:
            add(node, SCHEMA.containedInPlace, minter.entity(Entity(EntityKind.STATE, row["iso3"])))

    for scheme, (en, ar) in SCHEMES.items():
        node = minter.scheme(scheme)
        add(node, RDF.type, SKOS.ConceptScheme)
        _label(q, graph, node, SKOS.prefLabel, en, ar)

    for row in load_table("topics"):
        node = minter.concept("topic", row["id"])
        add(node, RDF.type, SKOS.Concept)
        add(node, SKOS.inScheme, minter.scheme("topic"))
        _label(q, graph, node, SKOS.prefLabel, row["label_en"], row["label_ar"])
        if row["broader"]:
            add(node, SKOS.broader, minter.concept("topic", row["broader"]))
        else:
            add(node, SKOS.topConceptOf, minter.scheme("topic"))
        if row["unbis"]:
            add(node, SKOS.exactMatch, ox.NamedNode(UNBIS + row["unbis"]))

    for row in load_table("concepts"):
        node = minter.concept(row["scheme"], row["id"])
        add(node, RDF.type, SKOS.Concept)
        if row["scheme"] == "role":
            add(node, RDF.type, ORG.Role)
        if row["scheme"] == "actor-group":
            for t in (UNKG.ActorGroup, FOAF.Group, FOAF.Agent):
                add(minter.entity(Entity(EntityKind.GROUP, row["id"])), RDF.type, t)
            _label(
                q,
                graph,
                minter.entity(Entity(EntityKind.GROUP, row["id"])),
                SKOS.prefLabel,
                row["label_en"],
                row["label_ar"],
            )
        add(node, SKOS.inScheme, minter.scheme(row["scheme"]))
        _label(q, graph, node, SKOS.prefLabel, row["label_en"], row["label_ar"])
        if row["definition_en"]:
            add(node, SKOS.definition, ox.Literal(row["definition_en"], language="en"))
        if row["broader"]:
            add(node, SKOS.broader, minter.concept(row["scheme"], row["broader"]))
        else:
            add(node, SKOS.topConceptOf, minter.scheme(row["scheme"]))
        if row["scheme"] == "relation" and row["maps_to"]:
            add(node, SKOS.closeMatch, curie(row["maps_to"]))
    return tuple(sort_quads(set(q)))


def reference_quads(minter: Minter) -> list[ox.Quad]:
    """The reference graph under the minter's base IRI (cached per base)."""
    return list(_cached(minter.base))
