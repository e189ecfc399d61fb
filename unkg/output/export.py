"""Write a build's graph: TriG with one named graph per document plus the reference graph,
and Turtle of their union. Files are written beside their final place and moved in, so an
interrupted build leaves the previous outputs whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from unkg.ontology.ns import PREFIXES
from unkg.output.iri import folder_prefixes

__all__ = [
    "ALL_FORMATS",
    "DocumentGraph",
    "ExportFormat",
    "Row",
    "TripleParts",
    "atomic_write",
    "parts_of",
    "prefixes",
    "rows",
    "rows_of_parts",
    "serialize",
    "sorted_prefixes",
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
    three as it goes (:func:`unkg.output.rdf.document_graph`); :meth:`of_quads` derives them
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


def prefixes(base: str) -> dict[str, str]:
    found = dict(PREFIXES)
    found.update(folder_prefixes(base))
    found["graph"] = f"{base}graph/"
    return found


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    triples = {q.triple for q in quads}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ExportFormat(Enum):
    """The files a build writes; the string is the name ``--formats`` takes."""

    TRIG = "trig"
    TURTLE = "turtle"
    JSONLD = "jsonld"
    NQUADS = "nquads"
    NTRIPLES = "ntriples"
    GRAPHML = "graphml"

    @property
    def filename(self) -> str:
        return {
            "trig": "graph.trig",
            "turtle": "graph.ttl",
            "jsonld": "graph.jsonld",
            "nquads": "graph.nq",
            "ntriples": "graph.nt",
            "graphml": "graph.graphml",
        }[self.value]


ALL_FORMATS = tuple(ExportFormat)


def serialize(fmt: ExportFormat, quads: Sequence[ox.Quad], base: str) -> bytes:
    """One export of a graph's quads, as bytes: the same bytes a build writes for them."""
    from unkg.output.fragments import serialize_dataset

    return serialize_dataset(fmt, quads, base)


def sorted_prefixes(data: bytes) -> bytes:
    """Put the @prefix lines a serializer wrote first in a fixed order, whatever its own."""
    lines = data.split(b"\n")
    count = 0
    while count < len(lines) and lines[count].startswith(b"@prefix "):
        count += 1
    return b"\n".join(sorted(lines[:count]) + lines[count:])
