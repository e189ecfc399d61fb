"""Write a build's graph: TriG with one named graph per document plus the reference graph,
and Turtle of their union. Files are written beside their final place and moved in, so an
interrupted build leaves the previous outputs whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path

import pyoxigraph as ox

from unkg.ontology.ns import PREFIXES
from unkg.output.iri import Minter, folder_prefixes
from unkg.output.rdf import sort_quads
from unkg.output.reference import reference_quads

__all__ = ["ALL_FORMATS", "sorted_prefixes", "ExportFormat", "atomic_write", "dataset_quads", "serialize",
           "union_triples", "write_rdf"]


def prefixes(base: str) -> dict[str, str]:
    found = dict(PREFIXES)
    found.update(folder_prefixes(base))
    found["graph"] = f"{base}graph/"
    return found


def dataset_quads(documents: Sequence[Sequence[ox.Quad]], minter: Minter) -> list[ox.Quad]:
    """All quads of a build, graph by graph in IRI order (reference graph included)."""
    merged: set[ox.Quad] = set(reference_quads(minter))
    for quads in documents:
        merged.update(quads)
    return sort_quads(merged)


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
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
        return {"trig": "graph.trig", "turtle": "graph.ttl", "jsonld": "graph.jsonld",
                "nquads": "graph.nq", "ntriples": "graph.nt", "graphml": "graph.graphml"}[self.value]


ALL_FORMATS = tuple(ExportFormat)


def sorted_prefixes(data: bytes) -> bytes:
    """Put the @prefix lines a serializer wrote first in a fixed order, whatever its own."""
    lines = data.split(b"\n")
    count = 0
    while count < len(lines) and lines[count].startswith(b"@prefix "):
        count += 1
    return b"\n".join(sorted(lines[:count]) + lines[count:])


def serialize(fmt: ExportFormat, quads: Sequence[ox.Quad], base: str) -> bytes:
    """One export of a build's quads (sorted), as bytes."""
    names = prefixes(base)
    if fmt is ExportFormat.TRIG:
        return sorted_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=names))
    if fmt is ExportFormat.NQUADS:
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    triples = union_triples(quads)
    if fmt is ExportFormat.TURTLE:
        return sorted_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=names))
    if fmt is ExportFormat.NTRIPLES:
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if fmt is ExportFormat.JSONLD:
        from unkg.output.jsonld import serialize_jsonld

        return serialize_jsonld(triples, base)
    from unkg.output.graphml import serialize_graphml

    return serialize_graphml(triples)


def write_rdf(quads: Sequence[ox.Quad], out: Path, base: str,
              formats: Sequence[ExportFormat] = ALL_FORMATS) -> dict[str, str]:
    """Write each format's file (and the JSON-LD context beside JSON-LD); returns the files
    written, by format."""
    written = {}
    for fmt in formats:
        atomic_write(out / fmt.filename, serialize(fmt, quads, base))
        written[fmt.value] = fmt.filename
    if ExportFormat.JSONLD in formats:
        from unkg.output.jsonld import write_context

        atomic_write(out / "context.jsonld", write_context(base).encode())
        written["context"] = "context.jsonld"
    return written
