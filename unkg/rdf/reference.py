"""The reference graph: States, organisations, instruments, places and the SKOS concept
schemes (topics with their UNBIS matches, roles, document types, ...), all from the tables
in ``unkg/data``. Every document graph points into it; it is written once per build."""

from __future__ import annotations

from collections.abc import Callable
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

__all__ = ["reference_quads"]

UNBIS = "http://metadata.un.org/thesaurus/"
Add = Callable[[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal], None]


def _in_languages(row: dict[str, str], column: str) -> list[tuple[str, str]]:
    """(language, value) of every ``column_xx`` cell of a row: one per language the table
    has, multi-valued cells split."""
    found = []
    for key in sorted(row):
        code = key[len(column) + 1 :]
        if key.startswith(column + "_") and len(code) == 2 and code.isalpha():
            found += [(code, value) for value in cells(row[key])]
    return found


def _labels(
    add: Add, node: ox.NamedNode, predicate: ox.NamedNode, row: dict[str, str], column: str
) -> None:
    for code, value in _in_languages(row, column):
        add(node, predicate, ox.Literal(value, language=code))


def _states(add: Add, minter: Minter) -> None:
    kinds = {
        "member": UNKG.MemberState,
        "former-member": UNKG.FormerMemberState,
    }
    for row in (*load_table("states"), *load_table("former_states")):
        node = minter.entity(Entity(EntityKind.STATE, row["iso3"]))
        kind = kinds.get(row["status"], UNKG.ObserverState)
        for t in (kind, ORG.FormalOrganization, SCHEMA.Country, FOAF.Agent):
            add(node, RDF.type, t)
        _labels(add, node, SKOS.prefLabel, row, "name")
        _labels(add, node, SKOS.altLabel, row, "variants")
        _labels(add, node, SKOS.altLabel, row, "formal")
        add(node, UNKG.iso3166Alpha3, ox.Literal(row["iso3"]))
        add(node, UNKG.iso3166Alpha2, ox.Literal(row["iso2"]))
        add(node, UNKG.m49, ox.Literal(row["m49"]))


def _organizations(add: Add, minter: Minter) -> None:
    for row in load_table("organizations"):
        node = minter.entity(Entity(EntityKind.ORGANIZATION, row["id"]))
        group = row["kind"] == "group-of-states"
        for t in (
            (ORG.OrganizationalCollaboration if group else ORG.FormalOrganization),
            ORG.Organization,
            FOAF.Agent,
        ):
            add(node, RDF.type, t)
        _labels(add, node, SKOS.prefLabel, row, "name")
        _labels(add, node, SKOS.altLabel, row, "variants")
        if row["acronym"]:
            add(node, SKOS.notation, ox.Literal(row["acronym"]))
        if row["parent"]:
            parent = minter.entity(Entity(EntityKind.ORGANIZATION, row["parent"]))
            add(node, ORG.subOrganizationOf, parent)
        for member in cells(row["members"]):
            add(node, ORG.hasMember, minter.entity(Entity(EntityKind.STATE, member)))


def _instruments(add: Add, minter: Minter) -> None:
    for row in load_table("instruments"):
        node = minter.entity(Entity(EntityKind.INSTRUMENT, row["id"]))
        add(node, RDF.type, UNKG.InternationalInstrument)
        _labels(add, node, SKOS.prefLabel, row, "name")
        _labels(add, node, SKOS.altLabel, row, "short")
        _labels(add, node, SKOS.altLabel, row, "variants")
        if row["symbol"]:
            # the symbol is the document's that adopted or sets out the instrument (the CTBT:
            # resolution A/RES/50/245), so it names that document's node, the one a
            # document citing the resolution links to; the instrument is not that document
            source = minter.document(row["symbol"])
            add(node, DCTERMS.source, source)
            add(source, UNKG.symbol, ox.Literal(row["symbol"]))


def _places(add: Add, minter: Minter) -> None:
    for row in load_table("places"):
        node = minter.entity(Entity(EntityKind.PLACE, row["id"]))
        add(node, RDF.type, SCHEMA.Place)
        _labels(add, node, SCHEMA.name, row, "name")
        if row["iso3"]:
            state = minter.entity(Entity(EntityKind.STATE, row["iso3"]))
            add(node, SCHEMA.containedInPlace, state)


def _schemes(add: Add, minter: Minter) -> None:
    for row in load_table("schemes"):
        node = minter.scheme(row["id"])
        add(node, RDF.type, SKOS.ConceptScheme)
        _labels(add, node, SKOS.prefLabel, row, "label")


def _topics(add: Add, minter: Minter) -> None:
    for row in load_table("topics"):
        node = minter.concept("topic", row["id"])
        add(node, RDF.type, SKOS.Concept)
        add(node, SKOS.inScheme, minter.scheme("topic"))
        _labels(add, node, SKOS.prefLabel, row, "label")
        if row["broader"]:
            add(node, SKOS.broader, minter.concept("topic", row["broader"]))
        else:
            add(node, SKOS.topConceptOf, minter.scheme("topic"))
        if row["unbis"]:
            add(node, SKOS.exactMatch, ox.NamedNode(UNBIS + row["unbis"]))


def _concepts(add: Add, minter: Minter) -> None:
    for row in load_table("concepts"):
        node = minter.concept(row["scheme"], row["id"])
        add(node, RDF.type, SKOS.Concept)
        if row["scheme"] == "role":
            add(node, RDF.type, ORG.Role)
        if row["scheme"] == "actor-group":
            group = minter.entity(Entity(EntityKind.GROUP, row["id"]))
            for t in (UNKG.ActorGroup, FOAF.Group, FOAF.Agent):
                add(group, RDF.type, t)
            _labels(add, group, SKOS.prefLabel, row, "label")
        add(node, SKOS.inScheme, minter.scheme(row["scheme"]))
        _labels(add, node, SKOS.prefLabel, row, "label")
        _labels(add, node, SKOS.definition, row, "definition")
        if row["broader"]:
            add(node, SKOS.broader, minter.concept(row["scheme"], row["broader"]))
        else:
            add(node, SKOS.topConceptOf, minter.scheme(row["scheme"]))
        if row["scheme"] == "relation" and row["maps_to"]:
            add(node, SKOS.closeMatch, curie(row["maps_to"]))


_TABLES = (_states, _organizations, _instruments, _places, _schemes, _topics, _concepts)


@cache
def _cached(base: str) -> tuple[ox.Quad, ...]:
    minter = Minter(base)
    graph = minter.reference_graph()
    quads: set[ox.Quad] = set()

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.add(ox.Quad(s, p, o, graph))

    for table in _TABLES:
        table(add, minter)
    return tuple(sort_quads(quads))


def reference_quads(minter: Minter) -> list[ox.Quad]:
    """The reference graph under the minter's base IRI (cached per base)."""
    return list(_cached(minter.base))
