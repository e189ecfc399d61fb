"""The per-document pipeline and the build of a whole run.

``process(path)`` takes one file through every stage (ingest, repair, structure, extract,
RDF, checks) and returns a :class:`DocumentResult`; it never raises for bad input, it
reports it. :func:`unkg.build.build` runs it over every input of a run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from unkg import lang
from unkg.data import load_table
from unkg.extract import extract_facts
from unkg.extract.facts import (
    DocumentFact,
    Fact,
    MeetingFact,
    MentionFact,
    ResolutionFact,
)
from unkg.ingest.files import DEFAULT_MAX_BYTES, InputError, read_source
from unkg.rdf.graph import DocumentGraph, TripleParts
from unkg.rdf.iri import DEFAULT_BASE, Minter
from unkg.rdf.mapping import document_graph
from unkg.repair import repair
from unkg.structure.document import Document
from unkg.structure.layout import structure

__all__ = ["BuildOptions", "DocumentResult", "Execution", "Progress", "process"]


@dataclass(slots=True)
class DocumentResult:
    path: str
    status: str  # "ok", "error", "skipped"
    message: str | None = None
    document: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    paragraphs: int = 0
    copies: int = 0
    pages: int | None = None  # a PDF's pages
    facts: dict[str, int] = field(default_factory=dict)
    graph: DocumentGraph | None = field(default=None, repr=False)
    validation: dict[str, object] | None = None
    timings: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def quads(self) -> list[ox.Quad]:
        return self.graph.quads if self.graph is not None else []

    def report(self) -> dict[str, object]:
        entry: dict[str, object] = {"path": self.path, "status": self.status}
        if self.message:
            entry["message"] = self.message
        if self.status != "ok" and self.pages is not None:
            entry["pages"] = self.pages
        if self.status == "ok":
            entry.update(
                {
                    "document": self.document,
                    "symbol": self.symbol,
                    "type": self.doc_type,
                    "sha256": self.sha256,
                    "encoding": self.encoding,
                    **({"pages": self.pages} if self.pages is not None else {}),
                    "paragraphs": self.paragraphs,
                    "copies": self.copies,
                    "facts": dict(sorted(self.facts.items())),
                    "triples": len(self.quads),
                }
            )
            if self.validation is not None:
                entry["validation"] = self.validation
        return entry


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What a build does; checked when made (a bad base IRI fails before any work)."""

    base: str = DEFAULT_BASE
    max_bytes: int = DEFAULT_MAX_BYTES
    validate: bool = True  # check each document's graph with the SHACL shapes
    formats: tuple[str, ...] = ("trig", "turtle", "jsonld", "nquads", "ntriples", "graphml")
    store: Path | None = None  # an on-disk store to keep the graph in as well

    def __post_init__(self) -> None:
        Minter(self.base)
        from unkg.export.formats import ExportFormat

        for name in self.formats:
            ExportFormat(name)


def _is_un_document(document: Document, facts: Sequence[Fact]) -> bool:
    """A UN document has a symbol, a meeting, a resolution, a document-type title, or names
    UN bodies; Arabic text with none of these is something else."""
    if document.metadata.symbol:
        return True
    if any(isinstance(f, (MeetingFact, ResolutionFact)) for f in facts):
        return True
    if any(isinstance(f, DocumentFact) and f.doc_type for f in facts):
        return True
    bodies = {f.entity.key for f in facts if isinstance(f, MentionFact)} & _un_bodies()
    return len(bodies) >= 1


@cache
def _un_bodies() -> frozenset[str]:
    """The bodies of the UN system in the organisations table (by their kind)."""
    return frozenset(
        row["id"] for row in load_table("organizations") if row["kind"].startswith("un-")
    )


def process(path: Path | str, options: BuildOptions = BuildOptions()) -> DocumentResult:
    """One file through every stage; bad input becomes an error result, never an exception.

    The result's ``timings`` give the seconds each stage took (for the benchmark)."""
    path = Path(path)
    clock = _Clock()
    try:
        source = read_source(path, max_bytes=options.max_bytes)
    except InputError as error:
        return DocumentResult(
            str(path), "error", error.problem, pages=error.pages, timings=clock.lap("ingest")
        )
    clock.lap("ingest")
    repaired = repair(source.text, lang.get(source.language))
    clock.lap("repair")
    document = structure(source, repaired)
    clock.lap("structure")
    facts = extract_facts(document)
    clock.lap("extract")
    if not _is_un_document(document, facts):
        return DocumentResult(
            str(path),
            "error",
            "not recognised as a UN document: no UN symbol, meeting, resolution, document "
            "title or UN body found",
            sha256=source.sha256,
            pages=len(source.pages) if source.pages else None,
            timings=clock.times,
        )
    minter = Minter(options.base)
    graph = document_graph(facts, document.id, minter, lang.get(document.metadata.language))
    clock.lap("rdf")
    doc_fact = next((f for f in facts if isinstance(f, DocumentFact)), None)
    result = DocumentResult(
        str(path),
        "ok",
        document=document.id,
        symbol=document.metadata.symbol,
        doc_type=doc_fact.doc_type if doc_fact else None,
        sha256=source.sha256,
        encoding=source.encoding,
        pages=len(source.pages) if source.pages else None,
        paragraphs=len(document.paragraphs),
        copies=document.copies,
        facts=dict(Counter(type(f).__name__ for f in facts)),
        graph=graph,
        timings=clock.times,
    )
    if options.validate:
        result.validation = check_document(graph.parts, minter)
        clock.lap("checks")
    return result


class _Clock:
    """Seconds spent in each stage, lap by lap."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, stage: str) -> dict[str, float]:
        now = time.perf_counter()
        self.times[stage] = self.times.get(stage, 0.0) + now - self.last
        self.last = now
        return self.times


def check_document(parts: list[TripleParts], minter: Minter) -> dict[str, object]:
    """Check one document's graph (its triples' terms), with the reference data it points
    to, against the SHACL shapes (the fast evaluator; ``unkg validate`` runs pySHACL)."""
    from unkg.validate.shacl import check_parts, reference_parts_for

    return check_parts(parts + reference_parts_for(parts, minter.base), minter.base).summary(
        limit=10
    )


Progress = Callable[[int, int, DocumentResult], None]


@dataclass(frozen=True, slots=True)
class Execution:
    """How a build runs; it changes nothing in what the build writes."""

    jobs: int | None = None  # worker processes (None: one per core; 0: in this process)
    executor: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # a Dask scheduler address; None starts a LocalCluster
    timeout: float | None = 300.0  # seconds one document may take (local executor)
