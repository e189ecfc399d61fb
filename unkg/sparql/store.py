"""The embedded store: an on-disk pyoxigraph database, one named graph per document.

Loading a document replaces its named graph (and only it), so rebuilding a changed document
updates the store in place. A small *meta* graph records, for each document graph, the hash
of the file it was built from and the unkg version that built it, so a later build can skip
what has not changed. Nothing has to be installed or started.

The store's default graph holds the union of the document graphs and the reference graph,
each triple once: queries run over it directly. (Oxigraph's own union-default-graph mode
counts a triple once per graph that holds it, which inflates counts and makes joins over
shared nodes, a State that a thousand documents name, grow with the corpus.) Replacing a
graph keeps the union exact: the old graph's triples leave the union only when no other
graph still holds them.
"""

from __future__ import annotations

import glob
import io
import os
import shutil
import threading
import traceback
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = [
    "StoreAbandoned",
    "StoreError",
    "fill_union",
    "graph_hashes",
    "load_quads_into",
    "open_store",
    "refresh_store",
    "replace_graphs",
]

UNKG = "https://w3id.org/unkg/ontology#"
MARKER = ".unkg-store"


class StoreError(Exception):
    """A store directory unkg cannot use; the message names it and says why."""


class StoreAbandoned(Exception):
    """The build gave up the store update (it was interrupted or failed elsewhere); the
    previous store is left as it was."""


def open_store(path: Path, *, create: bool = False, read_only: bool = False) -> ox.Store:
    """Open (or create) an unkg store directory.

    A folder that holds something else is refused rather than written into.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a directory, so not a store")
    exists = path.is_dir() and any(path.iterdir())
    if not exists and not create:
        raise StoreError(
            f"{path}: no store here; create one with 'unkg build ... --store {path}'"
            f" or 'unkg load --store {path} --data OUT'"
        )
    if exists and not (path / MARKER).exists():
        raise StoreError(
            f"{path}: this folder is not an unkg store (no {MARKER}); give an empty or new folder"
        )
    try:
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise StoreError(
            f"{path}: the store cannot be opened (corrupted or in use): {reason}; "
            "rebuild it into a new folder with 'unkg build ... --store DIR'"
        ) from None
    if not exists:
        (path / MARKER).write_text("unkg store (pyoxigraph)\n", encoding="utf-8")
    return store


def _value(term: object) -> str:
    return str(getattr(term, "value", ""))


def _by_graph(quads: Iterable[ox.Quad]) -> dict[ox.NamedNode, list[ox.Quad]]:
    graphs: dict[ox.NamedNode, list[ox.Quad]] = defaultdict(list)
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name].append(quad)
    return graphs


def fill_union(store: ox.Store, meta_graph: ox.NamedNode | None = None) -> None:
    """Put into the default graph the union of the named graphs (for a store just loaded
    from a TriG file)."""
    store.bulk_extend(
        [
            ox.Quad(q.subject, q.predicate, q.object)
            for q in store
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != meta_graph
        ]
    )


def _retire_from_union(
    store: ox.Store, graphs: Sequence[ox.NamedNode], meta_graph: ox.NamedNode | None
) -> None:
    """Take out of the union (default graph) the triples only these graphs hold; call it
    before removing the graphs."""
    leaving = set(graphs)
    for graph in graphs:
        if not store.contains_named_graph(graph):
            continue
        for quad in list(store.quads_for_pattern(None, None, None, graph)):
            kept = any(
                other.graph_name not in leaving
                and other.graph_name != meta_graph
                and not isinstance(other.graph_name, ox.DefaultGraph)
                for other in store.quads_for_pattern(
                    quad.subject, quad.predicate, quad.object, None
                )
            )
            if not kept:
                store.remove(ox.Quad(quad.subject, quad.predicate, quad.object))


def replace_graphs(
    store: ox.Store, quads: Sequence[ox.Quad], meta_graph: ox.NamedNode | None = None
) -> list[str]:
    """Replace each named graph the quads belong to by exactly these quads (the union in
    the default graph follows)."""
    graphs = _by_graph(quads)
    _retire_from_union(store, list(graphs), meta_graph)
    for graph, graph_quads in graphs.items():
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
        store.extend(graph_quads)
        store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in graph_quads)
    store.flush()
    return sorted(g.value for g in graphs)


SOURCE = "http://purl.org/dc/terms/source"


def load_quads_into(
    store: ox.Store,
    quads: Sequence[ox.Quad],
    meta_graph: ox.NamedNode,
    hashes: dict[str, str],
    version: str,
    sources: dict[str, str] | None = None,
) -> list[str]:
    """Replace the quads' graphs and record each document graph's source hash and file.

    A file built before under another graph (a document without a symbol is named by its
    content, so changing it changes its graph) has its old graph removed.
    """
    sources = sources or {}
    for graph, path in sources.items():
        for quad in list(
            store.quads_for_pattern(None, ox.NamedNode(SOURCE), ox.Literal(path), meta_graph)
        ):
            old = quad.subject
            if isinstance(old, ox.NamedNode) and old.value != graph:
                if store.contains_named_graph(old):
                    store.remove_graph(old)
                for stale in list(store.quads_for_pattern(old, None, None, meta_graph)):
                    store.remove(stale)
    replaced = replace_graphs(store, quads, meta_graph)
    for graph, sha in hashes.items():
        node = ox.NamedNode(graph)
        for quad in list(store.quads_for_pattern(node, None, None, meta_graph)):
            store.remove(quad)
        store.add(ox.Quad(node, ox.NamedNode(UNKG + "textSha256"), ox.Literal(sha), meta_graph))
        store.add(
            ox.Quad(
                node,
                ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo"),
                ox.Literal(version),
                meta_graph,
            )
        )
        if graph in sources:
            store.add(ox.Quad(node, ox.NamedNode(SOURCE), ox.Literal(sources[graph]), meta_graph))
    store.flush()
    return replaced


def graph_hashes(store: ox.Store, meta_graph: ox.NamedNode) -> dict[str, tuple[str, str]]:
    """Document graph -> (source hash, version) as recorded in the meta graph."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for quad in store.quads_for_pattern(None, None, None, meta_graph):
        found[quad.subject.value][quad.predicate.value] = quad.object.value  # type: ignore[union-attr]
    return {
        graph: (
            values.get(UNKG + "textSha256", ""),
            values.get("http://www.w3.org/2002/07/owl#versionInfo", ""),
        )
        for graph, values in found.items()
    }


def store_size(path: Path) -> int:
    return (
        sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())
        if os.path.isdir(path)
        else 0
    )


VERSION_INFO = "http://www.w3.org/2002/07/owl#versionInfo"


def _record(
    quads: list[ox.Quad],
    graph: str,
    sha: str,
    version: str,
    source: str | None,
    meta_graph: ox.NamedNode,
) -> None:
    node = ox.NamedNode(graph)
    quads.append(ox.Quad(node, ox.NamedNode(UNKG + "textSha256"), ox.Literal(sha), meta_graph))
    quads.append(ox.Quad(node, ox.NamedNode(VERSION_INFO), ox.Literal(version), meta_graph))
    if source is not None:
        quads.append(ox.Quad(node, ox.NamedNode(SOURCE), ox.Literal(source), meta_graph))


# An update that loaded more than this many bytes of N-Quads compacts the store (see
# _compact). The bulk loader writes a set of files per index for each million quads it takes
# in (about 230 MB of unkg's N-Quads); a few such sets RocksDB merges in time, and
# compacting a large store for a small update would take minutes.
COMPACT_AFTER_BYTES = 512 * 2**20


class _GraphStream(io.RawIOBase):
    """Graphs' N-Quads fragments read one after the other as one stream, or their triples
    (``union``: the graph names taken off), for one bulk load.

    Once ``abandon`` is set, the next file raises :class:`StoreAbandoned` out of the read;
    pyoxigraph's loader then ends with nothing of that load in the store."""

    def __init__(self, loads: Sequence[Any], abandon: threading.Event, union: bool) -> None:
        super().__init__()
        self._loads = iter(loads)
        self._abandon = abandon
        self._union = union
        self._pending = memoryview(b"")
        self.size = 0  # N-Quads bytes read from the fragment files

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        from unkg.export.formats import ExportFormat
        from unkg.export.fragments import triples_text

        while not self._pending:
            if self._abandon.is_set():
                raise StoreAbandoned("the store update was abandoned")
            fragments = next(self._loads, None)
            if fragments is None:
                return 0
            data = fragments.read(ExportFormat.NQUADS)
            self.size += len(data)
            if data and not data.endswith(b"\n"):
                data += b"\n"  # the next graph's first line must not join its last one
            self._pending = memoryview(triples_text(data, fragments.graph) if self._union else data)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _bulk_load(store: ox.Store, loads: Sequence[Any], abandon: threading.Event) -> int:
    """Load graphs' N-Quads fragments into their named graphs, then their triples into the
    union; the N-Quads bytes loaded.

    Each is one streamed bulk load. pyoxigraph's loader parses in this thread while its own
    threads (one per core) write the indexes of the million quads before, so the load keeps
    the cores busy, its memory is bounded by the loader whatever the corpus (1.7-1.9 GB
    measured at 1,000 and 10,000 documents), and each index gets one large file set per
    million quads. Measured on 10,000
    documents (33 million quads and as many union triples), then compacted:

    * streamed: loads 626 s (quads 345, union 281), compaction 66 s, peak 1.9 GB;
    * a call per 16 MB of fragments, quads and union side by side: peak 250 MB, but each call
      left small files for RocksDB to merge while loading, and the store stage took about
      1,200 s (in the benchmark, beside the output writes).

    On 1,000 documents: 65 s and 6 s, against 69 s and 15 s.
    """
    # lenient: these lines were written by unkg's own serialiser, so IRIs and language
    # tags are not validated a second time (about a tenth of the load)
    quads = _GraphStream(loads, abandon, union=False)
    store.bulk_load(io.BufferedReader(quads, 2**20), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.bulk_load(
        io.BufferedReader(_GraphStream(loads, abandon, union=True), 2**20),
        format=ox.RdfFormat.N_TRIPLES,
        lenient=True,
    )
    return quads.size


def refresh_store(
    path: Path,
    documents: Sequence[tuple[str, str, str, Any]],
    reference: Any,
    reference_hash: str,
    version: str,
    meta_graph: ox.NamedNode,
    abandon: threading.Event | None = None,
) -> dict[str, object]:
    """Bring a store up to date with a build: the graphs whose source file or unkg version
    changed are replaced (bulk-loaded from their N-Quads fragments); the others are left as
    they are. ``documents`` holds (graph, source SHA-256, source path, fragments).

    The changes are made in a copy of the store (hard links: cheap) that takes the store's
    place only when complete, so an interrupted build leaves the previous store whole. The
    build runs this beside its other writes; setting ``abandon`` makes it stop before the
    next graph it reads, drop the copy and raise :class:`StoreAbandoned`.
    """

    path = Path(path)
    store = open_store(path, create=True)
    recorded = graph_hashes(store, meta_graph)
    by_graph: dict[str, list[tuple[str, str, Any]]] = defaultdict(list)
    for graph, sha, source, fragments in documents:
        by_graph[graph].append((sha, source, fragments))
    wanted = {
        graph: "+".join(sorted(sha for sha, _, _ in found)) for graph, found in by_graph.items()
    }
    changed = sorted(g for g, sha in wanted.items() if recorded.get(g) != (sha, version))
    reference_changed = recorded.get(reference.graph) != (reference_hash, version)
    sources = {source: graph for graph, found in by_graph.items() for _, source, _ in found}
    moved = sorted(
        {
            subject
            for subject, source in (
                (_value(quad.subject), _value(quad.object))
                for quad in store.quads_for_pattern(None, ox.NamedNode(SOURCE), None, meta_graph)
            )
            if source in sources and subject != sources[source]
        }
    )
    summary: dict[str, object] = {
        "replaced": len(changed),
        "kept": len(wanted) - len(changed),
        "reference_replaced": reference_changed,
        "removed": len(moved),
    }
    if not changed and not reference_changed and not moved:
        return summary
    fresh = not any(p.name != MARKER for p in path.iterdir())
    _remove_orphans(path)
    work = path.with_name(f".{path.name}.updating-{os.getpid()}")
    if work.exists():
        shutil.rmtree(work)
    try:
        if fresh:
            work.mkdir()
        else:
            store.backup(str(work))
        del store  # closed before the copy takes its place
        _update_copy(
            work,
            changed,
            moved,
            by_graph,
            wanted,
            reference,
            reference_changed,
            reference_hash,
            version,
            meta_graph,
            abandon or threading.Event(),
        )
    except BaseException as error:
        # the traceback's frames hold the copy's store open: close it before removing it
        traceback.clear_frames(error.__traceback__)
        shutil.rmtree(work, ignore_errors=True)
        raise
    retired = path.with_name(f".{path.name}.retired-{os.getpid()}")
    if path.exists():
        os.replace(path, retired)
    os.replace(work, path)
    shutil.rmtree(retired, ignore_errors=True)
    return summary


def _compact(store: ox.Store) -> None:
    """Merge the files of each index of the store into as few as possible.

    Each batch the bulk loader writes leaves its own files in every index, and a lookup
    visits each of them. On 1,000 documents loaded streamed, the bound named queries ran
    1.3-1.8x slower before this (with 16 MB batches, 2-4x). It took 66 s on 10,000 documents
    (301 files -> 215) and 6-8 s on 1,000; a Ctrl-C during it waits for it to end."""
    store.optimize()


def _remove_orphans(path: Path) -> None:
    """Remove the copies and retired stores that builds killed mid-update left beside the
    store (a copy of a large store is as large as it): those of processes no longer running."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*-*"):
        kind, _, pid = leftover.name[len(path.name) + 2 :].rpartition("-")
        if kind not in ("updating", "retired") or not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # that build is still running
        except ProcessLookupError:
            shutil.rmtree(leftover, ignore_errors=True)
        except PermissionError:
            continue  # a running process of another user


def _update_copy(
    work: Path,
    changed: list[str],
    moved: list[str],
    by_graph: dict[str, list[tuple[str, str, Any]]],
    wanted: dict[str, str],
    reference: Any,
    reference_changed: bool,
    reference_hash: str,
    version: str,
    meta_graph: ox.NamedNode,
    abandon: threading.Event,
) -> None:
    """Make the changes of :func:`refresh_store` in ``work`` (empty, or a backup of the store)."""
    target = ox.Store(str(work))
    leaving = [
        ox.NamedNode(g) for g in changed + moved + ([reference.graph] if reference_changed else [])
    ]
    every = {g.value for g in target.named_graphs() if g != meta_graph}
    if every <= {g.value for g in leaving}:
        target.clear_graph(ox.DefaultGraph())  # everything is replaced: start the union afresh
    else:
        _retire_from_union(target, leaving, meta_graph)
    for node in leaving:
        if target.contains_named_graph(node):
            target.remove_graph(node)
        for quad in list(target.quads_for_pattern(node, None, None, meta_graph)):
            target.remove(quad)
    loads = [fragments for g in changed for _, _, fragments in by_graph[g]]
    if reference_changed:
        loads.append(reference)
    loaded = _bulk_load(target, loads, abandon)
    meta: list[ox.Quad] = []
    for graph in changed:
        found = by_graph[graph]
        _record(
            meta,
            graph,
            wanted[graph],
            version,
            found[0][1] if len(found) == 1 else None,
            meta_graph,
        )
    if reference_changed:
        _record(meta, reference.graph, reference_hash, version, None, meta_graph)
    target.extend(meta)
    target.flush()
    if loaded > COMPACT_AFTER_BYTES and not abandon.is_set():
        _compact(target)
    del target
    if abandon.is_set():
        raise StoreAbandoned("the store update was abandoned")
    (work / MARKER).write_text("unkg store (pyoxigraph)\n", encoding="utf-8")
