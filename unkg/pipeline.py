"""The per-document pipeline and the build of a whole run.

``process(path)`` takes one file through every stage (ingest, repair, structure, extract,
RDF) and returns a :class:`DocumentResult`; it never raises for bad input, it reports it.
``build(paths, out)`` runs it over every input and writes the graph files and the report,
which accounts for every input whatever happened to it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from unkg import __version__
from unkg.extract import extract_facts
from unkg.extract.document import Document
from unkg.extract.facts import (
    DocumentFact,
    Fact,
    MeetingFact,
    MentionFact,
    ResolutionFact,
)
from unkg.extract.ingest import DEFAULT_MAX_BYTES, InputError, discover, read_source
from unkg.extract.repair import repair
from unkg.extract.structure import structure
from unkg.output.iri import DEFAULT_BASE, Minter
from unkg.output.rdf import document_quads

__all__ = ["BuildOptions", "DocumentResult", "build", "process"]


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
    facts: dict[str, int] = field(default_factory=dict)
    quads: list[ox.Quad] = field(default_factory=list, repr=False)
    validation: dict[str, object] | None = None

    def report(self) -> dict[str, object]:
        entry: dict[str, object] = {"path": self.path, "status": self.status}
        if self.message:
            entry["message"] = self.message
        if self.status == "ok":
            entry.update({
                "document": self.document,
                "symbol": self.symbol,
                "type": self.doc_type,
                "sha256": self.sha256,
                "encoding": self.encoding,
                "paragraphs": self.paragraphs,
                "copies": self.copies,
                "facts": dict(sorted(self.facts.items())),
                "triples": len(self.quads),
            })
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
        from unkg.output.export import ExportFormat

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
    bodies = {f.entity.key for f in facts if isinstance(f, MentionFact)
              and f.entity.key.startswith(("un-", "unoda", "dgacm"))}
    return len(bodies) >= 1


def process(path: Path | str, options: BuildOptions = BuildOptions()) -> DocumentResult:
    """One file through every stage; bad input becomes an error result, never an exception."""
    path = Path(path)
    try:
        source = read_source(path, max_bytes=options.max_bytes)
    except InputError as error:
        return DocumentResult(str(path), "error", error.problem)
    document = structure(source, repair(source.text))
    facts = extract_facts(document)
    if not _is_un_document(document, facts):
        return DocumentResult(
            str(path), "error",
            "not recognised as a UN document: no UN symbol, meeting, resolution, document "
            "title or UN body found", sha256=source.sha256,
        )
    minter = Minter(options.base)
    quads = document_quads(facts, document.id, minter)
    doc_fact = next((f for f in facts if isinstance(f, DocumentFact)), None)
    result = DocumentResult(
        str(path), "ok", document=document.id, symbol=document.metadata.symbol,
        doc_type=doc_fact.doc_type if doc_fact else None, sha256=source.sha256,
        encoding=source.encoding, paragraphs=len(document.paragraphs), copies=document.copies,
        facts=dict(Counter(type(f).__name__ for f in facts)), quads=quads,
    )
    if options.validate:
        result.validation = check_document(quads, minter)
    return result


def check_document(quads: list[ox.Quad], minter: Minter) -> dict[str, object]:
    """SHACL-validate one document's graph with the reference data it points to."""
    from unkg.output.reference import reference_quads
    from unkg.output.validation import reference_subset, validate_quads

    data = quads + reference_subset(quads, reference_quads(minter))
    return validate_quads(data, minter.base, shapes=_shapes(minter.base)).summary(limit=10)


_SHAPES: dict[str, object] = {}


def _shapes(base: str):  # type: ignore[no-untyped-def]
    """The shapes graph, parsed once per process and base."""
    if base not in _SHAPES:
        from unkg.output.validation import _shapes_graph

        _SHAPES[base] = _shapes_graph(base)
    return _SHAPES[base]


Progress = Callable[[int, int, DocumentResult], None]


def run(paths: Iterable[Path | str], options: BuildOptions = BuildOptions(),
        progress: Progress | None = None) -> list[DocumentResult]:
    """Process every input (in a stable order); skipped files get a result too."""
    found = list(discover(paths))
    results: list[DocumentResult] = []
    for index, (path, problem) in enumerate(found, start=1):
        if problem is not None:
            status = "skipped" if problem.problem.startswith("skipped") else "error"
            result = DocumentResult(str(path), status, problem.problem)
        else:
            result = process(path, options)
        results.append(result)
        if progress is not None:
            progress(index, len(found), result)
    _mark_duplicates(results)
    return results


def _mark_duplicates(results: list[DocumentResult]) -> None:
    seen: dict[str, str] = {}
    for result in results:
        if result.status != "ok" or result.document is None:
            continue
        if result.document in seen:
            result.message = (f"same document as {seen[result.document]}: its facts are merged "
                              "into one named graph")
        else:
            seen[result.document] = result.path


def write_report(results: Sequence[DocumentResult], out: Path, options: BuildOptions,
                 outputs: dict[str, str]) -> dict[str, object]:
    counts = Counter(r.status for r in results)
    checked = [r.validation for r in results if r.validation is not None]
    report: dict[str, object] = {
        "unkg": __version__,
        "base": options.base,
        "inputs": [r.report() for r in results],
        "totals": {
            "inputs": len(results),
            "ok": counts.get("ok", 0),
            "error": counts.get("error", 0),
            "skipped": counts.get("skipped", 0),
            "triples": sum(len(r.quads) for r in results),
            "validated": len(checked),
            "conforming": sum(1 for v in checked if v["conforms"]),
            "violations": sum(int(v["violations"]) for v in checked),  # type: ignore[call-overload]
            "warnings": sum(int(v["warnings"]) for v in checked),  # type: ignore[call-overload]
        },
        "outputs": outputs,
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    return report


def build(paths: Iterable[Path | str], out: Path | str, options: BuildOptions = BuildOptions(),
          progress: Progress | None = None) -> dict[str, object]:
    """Process every input and write the graph files and ``report.json`` into ``out``."""
    from unkg.output.export import dataset_quads, write_rdf

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    from unkg.output.export import ExportFormat

    results = run(paths, options, progress)
    minter = Minter(options.base)
    quads = dataset_quads([r.quads for r in results if r.status == "ok"], minter)
    outputs = write_rdf(quads, out, options.base, [ExportFormat(f) for f in options.formats])
    if options.store is not None:
        outputs["store"] = str(options.store)
        _fill_store(options, minter, results)
    return write_report(results, out, options, outputs)


def _fill_store(options: BuildOptions, minter: Minter, results: Sequence[DocumentResult]) -> None:
    """Replace, in the store, the reference graph and the graph of each document built."""
    from unkg.output.reference import reference_quads
    from unkg.output.store import load_quads_into, open_store

    assert options.store is not None
    store = open_store(options.store, create=True)
    quads = list(reference_quads(minter))
    hashes = {}
    sources = {}
    for result in results:
        if result.status == "ok" and result.document and result.sha256:
            quads.extend(result.quads)
            graph = minter.graph(result.document).value
            hashes[graph] = result.sha256
            sources[graph] = str(Path(result.path).resolve())
    load_quads_into(store, quads, ox.NamedNode(options.base + "graph/meta"), hashes, __version__,
                    sources)
