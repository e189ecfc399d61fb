"""Graphs broken one rule at a time, for the shape tests (and for comparing validators).

Each mutation takes the report's document graph (quads) and returns a copy that breaks one
rule; ``EXPECTED`` says which path or message the violation must name.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

SCHEMA = "https://schema.org/"
UNKG = "https://w3id.org/unkg/ontology#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

Quads = list[ox.Quad]


def _find(
    quads: Quads, predicate: str, test: Callable[[ox.Quad], bool] = lambda q: True
) -> ox.Quad:
    return next(q for q in quads if q.predicate.value == predicate and test(q))


def _replace(quads: Quads, old: ox.Quad, new: ox.Quad | None) -> Quads:
    kept = [q for q in quads if q != old]
    return kept + ([new] if new is not None else [])


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def missing_election_date(quads: Quads) -> Quads:
    old = _find(quads, UNKG + "electedOn")
    return _replace(quads, old, None)


def end_before_start(quads: Quads) -> Quads:
    old = _find(quads, SCHEMA + "endDate", lambda q: "/meeting/" in q.subject.value)
    return _replace(
        quads, old, ox.Quad(old.subject, old.predicate, _date("2011-05-01"), old.graph_name)
    )


def bad_symbol(quads: Quads) -> Quads:
    old = _find(quads, UNKG + "symbol", lambda q: q.object.value.endswith("CRP.1"))  # type: ignore[union-attr]
    return _replace(
        quads, old, ox.Quad(old.subject, old.predicate, ox.Literal("CRP 1 of 2011"), old.graph_name)
    )


def resolution_numbers_disagree(quads: Quads) -> Quads:
    old = _find(quads, UNKG + "sessionNumber")
    return _replace(
        quads,
        old,
        ox.Quad(
            old.subject,
            old.predicate,
            ox.Literal("99", datatype=ox.NamedNode(XSD + "integer")),
            old.graph_name,
        ),
    )


def plenary_date_outside_meeting(quads: Quads) -> Quads:
    old = _find(quads, SCHEMA + "startDate", lambda q: q.subject.value.endswith("/plenary/3"))
    return _replace(
        quads, old, ox.Quad(old.subject, old.predicate, _date("2011-06-01"), old.graph_name)
    )


def duplicate_ordinal(quads: Quads) -> Quads:
    plenary = _find(quads, UNKG + "ordinal", lambda q: q.subject.value.endswith("/plenary/3"))
    meeting = _find(quads, SCHEMA + "superEvent", lambda q: q.subject == plenary.subject).object
    twin = ox.NamedNode(plenary.subject.value + "-again")
    graph = plenary.graph_name
    return [
        *quads,
        ox.Quad(twin, ox.NamedNode(RDF_TYPE), ox.NamedNode(UNKG + "PlenaryMeeting"), graph),
        ox.Quad(twin, ox.NamedNode(SCHEMA + "superEvent"), meeting, graph),
        ox.Quad(twin, ox.NamedNode(UNKG + "ordinal"), plenary.object, graph),
    ]


def offsets_out_of_order(quads: Quads) -> Quads:
    start = _find(quads, OA + "start")
    end = _find(quads, OA + "end", lambda q: q.subject == start.subject)
    swapped = _replace(
        quads, start, ox.Quad(start.subject, start.predicate, end.object, start.graph_name)
    )
    return _replace(swapped, end, ox.Quad(end.subject, end.predicate, start.object, end.graph_name))


def empty_quote(quads: Quads) -> Quads:
    old = _find(quads, OA + "exact")
    return _replace(quads, old, ox.Quad(old.subject, old.predicate, ox.Literal(""), old.graph_name))


def ordinal_zero(quads: Quads) -> Quads:
    old = _find(quads, UNKG + "ordinal")
    return _replace(
        quads,
        old,
        ox.Quad(
            old.subject,
            old.predicate,
            ox.Literal("0", datatype=ox.NamedNode(XSD + "integer")),
            old.graph_name,
        ),
    )


def bad_agenda_notation(quads: Quads) -> Quads:
    old = _find(quads, SKOS + "notation", lambda q: q.object.value == "6(a)")  # type: ignore[union-attr]
    return _replace(
        quads, old, ox.Quad(old.subject, old.predicate, ox.Literal("six a"), old.graph_name)
    )


def statement_without_plenary(quads: Quads) -> Quads:
    old = _find(quads, UNKG + "deliveredAt")
    return _replace(quads, old, None)


def role_outside_the_scheme(quads: Quads) -> Quads:
    old = _find(quads, "http://www.w3.org/ns/org#role")
    topic = ox.NamedNode(
        old.object.value.replace("/role/", "/topic/").rsplit("/", 1)[0] + "/marking"
    )  # type: ignore[union-attr]
    return _replace(quads, old, ox.Quad(old.subject, old.predicate, topic, old.graph_name))


MUTATIONS: dict[str, Callable[[Quads], Quads]] = {
    "missing election date": missing_election_date,
    "end before start": end_before_start,
    "bad symbol": bad_symbol,
    "resolution numbers disagree with the symbol": resolution_numbers_disagree,
    "plenary date outside its meeting": plenary_date_outside_meeting,
    "duplicate ordinal": duplicate_ordinal,
    "offsets out of order": offsets_out_of_order,
    "empty quote": empty_quote,
    "ordinal zero": ordinal_zero,
    "bad agenda notation": bad_agenda_notation,
    "statement without plenary": statement_without_plenary,
    "role outside the role scheme": role_outside_the_scheme,
}

# what the violation must mention (path IRI or message text)
EXPECTED = {
    "missing election date": UNKG + "electedOn",
    "end before start": SCHEMA + "startDate",
    "bad symbol": UNKG + "symbol",
    "resolution numbers disagree with the symbol": "agree with the symbol",
    "plenary date outside its meeting": "outside its meeting",
    "duplicate ordinal": "numbered more than once",
    "offsets out of order": OA + "start",
    "empty quote": OA + "exact",
    "ordinal zero": UNKG + "ordinal",
    "bad agenda notation": SKOS + "notation",
    "statement without plenary": UNKG + "deliveredAt",
    "role outside the role scheme": "http://www.w3.org/ns/org#role",
}
