"""Write a build's graph: TriG with one named graph per document plus the reference graph,
and Turtle of their union. Files are written beside their final place and moved in, so an
interrupted build leaves the previous outputs whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from unkg.ontology.ns import PREFIXES
from unkg.output.iri import Minter
from unkg.output.rdf import sort_quads
from unkg.output.reference import reference_quads

__all__ = ["atomic_write", "dataset_quads", "union_triples", "write_rdf"]


# Prefixes for the folders of our own IRIs, so Turtle reads "state:CHE", "doc:A-RES-63-72".
ID_FOLDERS = ("doc", "state", "org", "meeting", "person", "place", "instrument", "group",
              "mission", "evidence", "topic", "role", "doctype", "scheme", "relation",
              "meeting-kind", "election-method", "mission-kind", "request", "consideration",
              "actor-group", "run")


def prefixes(base: str) -> dict[str, str]:
    found = dict(PREFIXES)
    for folder in ID_FOLDERS:
        found[folder] = f"{base}id/{folder}/"
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


def write_rdf(quads: Sequence[ox.Quad], out: Path, base: str) -> dict[str, str]:
    """graph.trig and graph.ttl; returns the files written, by format."""
    names = prefixes(base)
    atomic_write(out / "graph.trig", ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=names))
    atomic_write(out / "graph.ttl",
                 ox.serialize(union_triples(quads), format=ox.RdfFormat.TURTLE, prefixes=names))
    return {"trig": "graph.trig", "turtle": "graph.ttl"}
