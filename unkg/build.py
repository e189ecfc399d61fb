"""The build of a corpus: documents in parallel, each graph streamed to disk, outputs assembled.

Each document is one task (:func:`build_document`): a worker reads the file, takes it
through the pipeline, checks its graph, and writes the graph's fragments (one per output
format) into the build's cache, ``OUT/.unkg-cache``, under a key made of the file's content
hash and a fingerprint of the unkg code and data. It sends back only a small summary. A
document whose key is already in the cache is not processed again.

The build then writes every output file from the fragments in graph-IRI order (the same
bytes whatever the number of workers or the executor), brings the store up to date by
replacing only the graphs that changed, runs the rules that span documents once, and writes
``report.json``, which accounts for every input.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from unkg import __version__
from unkg.export.formats import ExportFormat
from unkg.export.fragments import (
    FRAGMENT_FILES,
    Fragments,
    assemble,
    document_fragments,
    needed,
    write_fragments,
)
from unkg.ingest.files import discover
from unkg.pipeline import BuildOptions, DocumentResult, Execution, Progress, process
from unkg.rdf.graph import DocumentGraph
from unkg.rdf.iri import Minter

__all__ = [
    "CACHE_FOLDER",
    "DocumentTask",
    "build",
    "build_document",
    "code_fingerprint",
    "run_build",
]

CACHE_FOLDER = ".unkg-cache"
FINGERPRINTED = {".py", ".ttl", ".tsv", ".json", ".jsonld", ".rq"}


@cache
def code_fingerprint() -> str:
    """A hash of the unkg code and data: a cached graph is reused only if they are unchanged."""
    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in FINGERPRINTED and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _options_key(options: BuildOptions) -> str:
    formats = ",".join(sorted(f.value for f in needed(ExportFormat(f) for f in options.formats)))
    return (
        f"base={options.base} validate={options.validate} max={options.max_bytes} formats={formats}"
    )


@dataclass(frozen=True, slots=True)
class DocumentTask:
    """What a worker needs to build one document (picklable, small)."""

    path: str
    options: BuildOptions
    cache: str  # the folder of cached document graphs
    fingerprint: str


def _cache_folder(task: DocumentTask, content_sha256: str) -> Path:
    key = hashlib.sha256(
        f"{task.fingerprint}\n{_options_key(task.options)}\n{content_sha256}".encode()
    ).hexdigest()
    return Path(task.cache) / key[:2] / key


def build_document(task: DocumentTask) -> dict[str, Any]:
    """Build one document's graph into the cache (or find it there); return its summary."""
    started = time.perf_counter()
    path = Path(task.path)
    folder = None
    try:
        if path.stat().st_size <= task.options.max_bytes:
            folder = _cache_folder(task, hashlib.sha256(path.read_bytes()).hexdigest())
    except OSError:
        folder = None  # process() reports what is wrong with the file
    if folder is not None and (folder / "outcome.json").exists():
        outcome = json.loads((folder / "outcome.json").read_text(encoding="utf-8"))
        outcome["entry"]["path"] = task.path
        outcome["entry"]["reused"] = True
        outcome["folder"] = str(folder)
        outcome["timings"] = {"reused": time.perf_counter() - started}
        return outcome  # type: ignore[no-any-return]
    result = process(path, task.options)
    entry = result.report()
    if result.status != "ok" or folder is None or result.document is None or result.graph is None:
        return {"entry": entry, "graph": None, "timings": result.timings}
    clock = time.perf_counter()
    fragments = document_fragments(
        result.graph, task.options.base, [ExportFormat(f) for f in task.options.formats]
    )
    graph = Minter(task.options.base).graph(result.document).value
    outcome = {"entry": entry, "graph": graph}
    fragments_json = json.dumps(outcome, ensure_ascii=False, sort_keys=True).encode()
    write_fragments(
        folder,
        {
            **{FRAGMENT_FILES[f]: data for f, data in fragments.items()},
            "outcome.json": fragments_json,
        },
    )
    timings = dict(result.timings)
    timings["fragments"] = time.perf_counter() - clock
    return {**outcome, "folder": str(folder), "timings": timings}


def _reference_fragments(cache_root: Path, options: BuildOptions, fingerprint: str) -> Fragments:
    """The reference graph's fragments (made once per code version, base and formats)."""
    from unkg.rdf.reference import reference_quads

    minter = Minter(options.base)
    key = hashlib.sha256(f"{fingerprint}\n{_options_key(options)}\nreference".encode()).hexdigest()
    folder = cache_root / "reference" / key
    if not (folder / "outcome.json").exists():
        reference = DocumentGraph.of_quads(reference_quads(minter))
        fragments = document_fragments(
            reference, options.base, [ExportFormat(f) for f in options.formats]
        )
        write_fragments(
            folder,
            {**{FRAGMENT_FILES[f]: data for f, data in fragments.items()}, "outcome.json": b"{}"},
        )
    return Fragments(minter.reference_graph().value, folder)


def _mark_duplicates(entries: Sequence[dict[str, Any]], graphs: dict[int, str]) -> None:
    seen: dict[str, str] = {}
    for index, entry in enumerate(entries):
        graph = graphs.get(index)
        if graph is None:
            continue
        if graph in seen:
            entry["message"] = (
                f"same document as {seen[graph]}: its facts are merged into one named graph"
            )
        else:
            seen[graph] = entry["path"]


def _execute(tasks: Sequence[DocumentTask], execution: Execution, done: Any) -> None:
    from unkg.parallel import default_jobs, run_dask, run_local

    jobs = execution.jobs if execution.jobs is not None else default_jobs()
    if execution.executor == "dask":
        run_dask(build_document, tasks, done, scheduler=execution.scheduler, jobs=jobs or None)
    elif execution.executor == "local":
        run_local(build_document, tasks, jobs, done, timeout=execution.timeout)
    else:
        raise ValueError(f"unknown executor {execution.executor!r}: use local or dask")


def build(
    paths: Iterable[Path | str],
    out: Path | str,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    execution: Execution | None = None,
) -> dict[str, object]:
    """Process every input and write the graph files and ``report.json`` into ``out``; the
    report accounts for every input whatever happened to it."""
    return run_build(
        paths, Path(out), options or BuildOptions(), progress, execution or Execution()
    )


def run_build(
    paths: Iterable[Path | str],
    out: Path,
    options: BuildOptions,
    progress: Progress | None,
    execution: Execution,
) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    cache_root = out / CACHE_FOLDER
    fingerprint = code_fingerprint()
    found = list(discover(paths))
    entries: list[dict[str, Any]] = [{} for _ in found]
    outcomes: dict[int, dict[str, Any]] = {}
    tasks: list[DocumentTask] = []
    positions: list[int] = []
    finished = 0

    def report_progress(index: int) -> None:
        nonlocal finished
        finished += 1
        if progress is not None:
            entry = entries[index]
            progress(
                finished,
                len(found),
                DocumentResult(entry["path"], entry["status"], entry.get("message")),
            )

    for index, (path, problem) in enumerate(found):
        if problem is not None:
            status = "skipped" if problem.problem.startswith("skipped") else "error"
            entries[index] = {"path": str(path), "status": status, "message": problem.problem}
            report_progress(index)
        else:
            tasks.append(DocumentTask(str(path), options, str(cache_root / "docs"), fingerprint))
            positions.append(index)

    def done(task_index: int, outcome: dict[str, Any] | None, error: Any) -> None:
        index = positions[task_index]
        if error is not None or outcome is None:
            entries[index] = {
                "path": tasks[task_index].path,
                "status": "error",
                "message": error.message if error else "no result",
            }
        else:
            outcomes[index] = outcome
            entries[index] = outcome["entry"]
        report_progress(index)

    started = time.perf_counter()
    _execute(tasks, execution, done)
    build_seconds = time.perf_counter() - started

    graphs = {i: o["graph"] for i, o in outcomes.items() if o.get("graph")}
    _mark_duplicates(entries, graphs)
    parts = sorted(
        (
            (graphs[i], entries[i]["path"], Fragments(graphs[i], Path(outcomes[i]["folder"])))
            for i in graphs
        ),
        key=lambda p: (p[0], p[1]),
    )
    reference = _reference_fragments(cache_root, options, fingerprint)
    ordered = sorted([(reference.graph, "", reference), *parts], key=lambda p: (p[0], p[1]))
    all_fragments = [f for _, _, f in ordered]

    stages: dict[str, float] = {"documents": build_seconds}
    spans: dict[str, tuple[float, float]] = {"documents": (0.0, build_seconds)}

    def timed(stage: str, clock: float) -> None:
        now = time.perf_counter()
        stages[stage] = now - clock
        spans[stage] = (clock - started, now - started)

    outputs: dict[str, str] = {}
    store_summary = None
    # The store loads in a thread beside the output files: pyoxigraph's bulk loader works
    # without the GIL, and the writes are mostly one core's Python merging.
    with _StoreUpdate(
        options,
        entries,
        outcomes=outcomes,
        graphs=graphs,
        reference=reference,
        fingerprint=fingerprint,
        cache_root=cache_root,
    ) as store_update:
        for name in options.formats:
            fmt = ExportFormat(name)
            clock = time.perf_counter()
            assemble(fmt, all_fragments, out / fmt.filename, options.base, cache_root)
            timed(f"write {fmt.value}", clock)
            outputs[fmt.value] = fmt.filename
        if ExportFormat.JSONLD.value in options.formats:
            from unkg.export.atomic import atomic_write
            from unkg.export.jsonld import write_context

            atomic_write(out / "context.jsonld", write_context(options.base).encode())
            outputs["context"] = "context.jsonld"
        if store_update.running:
            store_summary, (began, ended) = store_update.result()
            stages["store"] = ended - began
            spans["store"] = (began - started, ended - started)
            outputs["store"] = str(options.store)

    clock = time.perf_counter()
    corpus = _corpus_findings(options, all_fragments)
    timed("corpus rules", clock)
    _forget_unused(
        cache_root / "docs", {Path(o["folder"]) for o in outcomes.values() if "folder" in o}
    )
    _forget_unused(cache_root, {reference.folder}, buckets=("reference",))
    report = write_report(entries, out, options, outputs, corpus, store_summary)
    # where the time went, beside the report (which stays the same bytes run after run)
    timings = {
        "stages": stages,
        "spans": spans,
        "documents": [outcomes[i].get("timings", {}) for i in sorted(outcomes)],
    }
    (cache_root / "timings.json").write_text(json.dumps(timings) + "\n", encoding="utf-8")
    report["_timings"] = timings
    return report


class _StoreUpdate:
    """The build's store update (:func:`refresh_store`) in a thread of its own.

    Leaving the ``with`` block by an exception (Ctrl-C included) abandons the update: it
    stops at its next batch and the previous store stays as it was."""

    def __init__(
        self,
        options: BuildOptions,
        entries: Sequence[dict[str, Any]],
        outcomes: dict[int, dict[str, Any]],
        graphs: dict[int, str],
        reference: Fragments,
        fingerprint: str,
        cache_root: Path,
    ) -> None:
        self.abandon = threading.Event()
        self._outcome: tuple[dict[str, object], tuple[float, float]] | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        store = options.store
        if store is None:
            return
        from unkg.sparql.store import refresh_store

        documents = [
            (
                graph,
                entries[i]["sha256"],
                str(Path(entries[i]["path"]).resolve()),
                Fragments(graph, Path(outcomes[i]["folder"])),
            )
            for i, graph in graphs.items()
        ]

        def update() -> None:
            clock = time.perf_counter()
            try:
                summary = refresh_store(
                    Path(store),
                    documents,
                    reference,
                    _reference_hash(reference),
                    f"{__version__} {fingerprint[:16]}",
                    ox.NamedNode(options.base + "graph/meta"),
                    self.abandon,
                )
                self._outcome = (summary, (clock, time.perf_counter()))
            except BaseException as error:  # handed to the build's thread by result()
                self._error = error

        self._thread = threading.Thread(target=update, name="unkg-store", daemon=True)

    @property
    def running(self) -> bool:
        """Whether the build has a store to update."""
        return self._thread is not None

    def __enter__(self) -> _StoreUpdate:
        if self._thread is not None:
            self._thread.start()
        return self

    def result(self) -> tuple[dict[str, object], tuple[float, float]]:
        """The update's summary and its (start, end) clock, once it has finished."""
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._outcome is not None
        return self._outcome

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if self._thread is not None and error is not None:
            self.abandon.set()
            self._thread.join()


def _reference_hash(reference: Fragments) -> str:
    return hashlib.sha256(reference.path(ExportFormat.NQUADS).read_bytes()).hexdigest()


def _corpus_findings(
    options: BuildOptions, fragments: Sequence[Fragments]
) -> list[dict[str, object]]:
    """The rules across documents, over the store if there is one, else over the triples
    they read (taken from each graph's N-Quads)."""
    from unkg.validate.checks import corpus_lines_filter, run_corpus_rules

    if options.store is not None:
        from unkg.sparql.store import open_store

        return run_corpus_rules(open_store(Path(options.store), read_only=True))
    keep = corpus_lines_filter()
    store = ox.Store()
    for part in fragments:
        with part.path(ExportFormat.NQUADS).open("rb") as stream:
            lines = b"".join(line for line in stream if keep(line))
        if lines:
            store.load(lines, format=ox.RdfFormat.N_QUADS)
    return run_corpus_rules(store)


def _forget_unused(folder: Path, used: set[Path], buckets: Sequence[str] | None = None) -> None:
    """Drop cached graphs this build did not use, so the cache holds one build's worth."""
    if not folder.is_dir():
        return
    for bucket in folder.iterdir():
        if not bucket.is_dir() or (buckets is not None and bucket.name not in buckets):
            continue
        for entry in bucket.iterdir():
            if entry not in used and not entry.name.startswith("."):
                shutil.rmtree(entry, ignore_errors=True)


def write_report(
    entries: Sequence[dict[str, Any]],
    out: Path,
    options: BuildOptions,
    outputs: dict[str, str],
    corpus: list[dict[str, object]],
    store: dict[str, object] | None,
) -> dict[str, object]:
    counts = Counter(e["status"] for e in entries)
    checked = [e["validation"] for e in entries if e.get("validation") is not None]
    report: dict[str, object] = {
        "unkg": __version__,
        "base": options.base,
        "inputs": list(entries),
        "totals": {
            "inputs": len(entries),
            "ok": counts.get("ok", 0),
            "error": counts.get("error", 0),
            "skipped": counts.get("skipped", 0),
            "reused": sum(1 for e in entries if e.get("reused")),
            "triples": sum(int(e.get("triples", 0)) for e in entries),
            "validated": len(checked),
            "conforming": sum(1 for v in checked if v["conforms"]),
            "violations": sum(int(v["violations"]) for v in checked),
            "warnings": sum(int(v["warnings"]) for v in checked),
            "corpus_violations": sum(1 for f in corpus if f["severity"] == "Violation"),
            "corpus_warnings": sum(1 for f in corpus if f["severity"] == "Warning"),
        },
        "corpus": corpus,
        "outputs": outputs,
    }
    if store is not None:
        report["store"] = store
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    from unkg.export.atomic import atomic_write

    atomic_write(out / "report.json", text.encode("utf-8"))
    return report
