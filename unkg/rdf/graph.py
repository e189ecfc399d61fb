"""A document's graph as the checks and writers read it: its quads, their terms, their
N-Quads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pyoxigraph as ox

__all__ = [
    "DocumentGraph",
    "Row",
    "TripleParts",
    "parts_of",
    "rows",
    "rows_of_parts",
    "union_triples",
]

# A triple as the writers read it: the subject, its IRI (or blank node label), the predicate's
# IRI and the object. Reading a term off a pyoxigraph triple makes a new Python object each
# time, so the writers that walk a graph share one such reading of it.
Row = tuple[ox.NamedNode | ox.BlankNode, str, str, ox.NamedNode | ox.BlankNode | ox.Literal]


# A triple's three terms as a plain tuple. Reading ``.subject`` off a pyoxigraph quad costs
# as much as making the term anew (about 0.6 microseconds each), so the RDF mapping hands
# on the terms it made each quad of, and the checks and writers read those.
TripleParts = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]


def parts_of(triples: Iterable[ox.Triple | ox.Quad]) -> list[TripleParts]:
    """The terms of triples, or of quads (their graph left out)."""
    return [(t.subject, t.predicate, t.object) for t in triples]  # type: ignore[misc]


class DocumentGraph(NamedTuple):
    """One named graph as the checks and writers read it: its quads in a stable order, the
    terms of each (not read back off the quads), and its N-Quads. The RDF mapping makes all
    three as it goes (:func:`unkg.rdf.mapping.document_graph`); :meth:`of_quads` derives them
    from quads made elsewhere."""

    quads: list[ox.Quad]
    parts: list[TripleParts]
    nquads: bytes

    @classmethod
    def of_quads(cls, quads: Sequence[ox.Quad]) -> DocumentGraph:
        """The graph of quads already sorted, all of one graph."""
        # serialize gives bytes when given no output file (its stub says bytes | None)
        nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        return cls(list(quads), parts_of(quads), nquads)


def rows(triples: Iterable[ox.Triple | ox.Quad]) -> list[Row]:
    """The rows of triples, or of quads (their graph left out)."""
    return rows_of_parts(parts_of(triples))


def rows_of_parts(parts: Iterable[TripleParts]) -> list[Row]:
    """The rows of triples given as their terms."""
    return [(s, s.value, p.value, o) for s, p, o in parts]


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    triples = {q.triple for q in quads}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
