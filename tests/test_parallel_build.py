"""The corpus build: workers, the cache, rebuilds, faults, Dask, and the rules across documents."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import unkg.build
import unkg.sparql.store
from unkg.build import build
from unkg.pipeline import BuildOptions, DocumentResult, Execution
from unkg.sparql.store import StoreError, open_store

from . import faults
from .conftest import EXAMPLES, FRAGMENTS, REPORT

OUTPUT_FILES = (
    "graph.trig",
    "graph.ttl",
    "graph.jsonld",
    "graph.nq",
    "graph.nt",
    "graph.graphml",
    "context.jsonld",
    "report.json",
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The samples and the fragments written in their style, as a folder."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in sorted(EXAMPLES.glob("*.txt")) + sorted(FRAGMENTS.glob("*.txt")):
        shutil.copy(source, folder / source.name)
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def _report(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_one_worker_and_two_workers_write_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    build([corpus], tmp_path / "one", execution=Execution(jobs=1))
    build([corpus], tmp_path / "two", execution=Execution(jobs=2))
    build([corpus], tmp_path / "here", execution=Execution(jobs=0))
    one = _files(tmp_path / "one")
    assert one == _files(tmp_path / "two") == _files(tmp_path / "here")
    report = _report(tmp_path / "one")
    assert report["totals"]["ok"] == 4 and report["totals"]["error"] == 0


def test_outputs_merged_in_several_rounds_are_the_same_bytes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """N-Triples and GraphML edges go through sorted runs on disk; with one graph per run
    and a merge fan-in of 2 the four graphs' runs are merged in two rounds, a line read at a
    time, and the files do not change."""
    build([corpus], tmp_path / "wide", execution=Execution(jobs=0))
    monkeypatch.setattr("unkg.export.fragments.RUN_BYTES", 1)
    monkeypatch.setattr("unkg.export.fragments.MERGE_FAN_IN", 2)
    monkeypatch.setattr("unkg.export.fragments.MERGE_BLOCK_BYTES", 1)
    build([corpus], tmp_path / "narrow", execution=Execution(jobs=0))
    for name in ("graph.nt", "graph.graphml"):
        assert (tmp_path / "wide" / name).read_bytes() == (tmp_path / "narrow" / name).read_bytes()
    graphml = (tmp_path / "wide" / "graph.graphml").read_text(encoding="utf-8")
    assert graphml.count("<edge ") == len(set(re.findall(r"<edge [^>]*>", graphml))) > 900


def test_the_dask_build_writes_the_same_bytes_as_the_local_one(
    corpus: Path, tmp_path: Path
) -> None:
    build([corpus], tmp_path / "local", execution=Execution(jobs=2))
    build([corpus], tmp_path / "dask", execution=Execution(jobs=2, executor="dask"))
    assert _files(tmp_path / "local") == _files(tmp_path / "dask")


def _graphs(store: ox.Store) -> dict[str, set[ox.Quad]]:
    graphs: dict[str, set[ox.Quad]] = {}
    for quad in store:
        graphs.setdefault(getattr(quad.graph_name, "value", ""), set()).add(quad)
    return graphs


def test_a_rebuild_after_one_change_touches_only_that_document(
    corpus: Path, tmp_path: Path
) -> None:
    out, store_path = tmp_path / "out", tmp_path / "store"
    options = BuildOptions(store=store_path)
    first = build([corpus], out, options, execution=Execution(jobs=2))
    assert first["store"] == {"replaced": 4, "kept": 0, "reference_replaced": True, "removed": 0}
    before = _graphs(open_store(store_path, read_only=True))

    changed = corpus / "report_bms5.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace(
            "وأكدت من جديد قرارها 56/24", "وأكدت من جديد قرارها 56/25"
        ),
        encoding="utf-8",
    )
    second = build([corpus], out, options, execution=Execution(jobs=2))
    assert second["totals"]["reused"] == 3
    assert second["store"] == {"replaced": 1, "kept": 3, "reference_replaced": False, "removed": 1}
    [entry] = [e for e in second["inputs"] if e["path"].endswith("report_bms5.txt")]
    assert "reused" not in entry

    after = _graphs(open_store(store_path, read_only=True))
    differing = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    meta = "https://w3id.org/unkg/graph/meta"
    new_graph = {g for g in after if g not in before}
    # the changed file has no symbol, so it is named by its content: its old graph goes, its
    # new graph comes, the meta graph records it, the union follows, and nothing else moves
    assert differing == {meta, ""} | new_graph | {g for g in before if g not in after}
    assert len(new_graph) == 1
    union = {
        (q.subject, q.predicate, q.object)
        for g, quads in after.items()
        if g not in ("", meta)
        for q in quads
    }
    assert {(q.subject, q.predicate, q.object) for q in after[""]} == union
    texts = {q.object.value for q in after[new_graph.pop()] if isinstance(q.object, ox.Literal)}
    assert any("56/25" in t for t in texts)


def test_a_killed_worker_costs_only_its_document(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(REPORT, corpus / "poison.txt")
    monkeypatch.setattr(unkg.build, "build_document", faults.die_on_poison)
    report = build([corpus], tmp_path / "out", execution=Execution(jobs=2))
    by_name = {Path(e["path"]).name: e for e in report["inputs"]}  # type: ignore[union-attr]
    assert by_name["poison.txt"]["status"] == "error"
    assert "killed by signal SIGKILL" in by_name["poison.txt"]["message"]
    assert [e["status"] for n, e in sorted(by_name.items()) if n != "poison.txt"] == ["ok"] * 4
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0


def test_a_document_that_never_finishes_is_given_up(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(REPORT, corpus / "poison.txt")
    monkeypatch.setattr(unkg.build, "build_document", faults.hang_on_poison)
    report = build([corpus], tmp_path / "out", execution=Execution(jobs=2, timeout=20))
    by_name = {Path(e["path"]).name: e for e in report["inputs"]}  # type: ignore[union-attr]
    assert by_name["poison.txt"]["status"] == "error"
    assert "gave up after 20 s" in by_name["poison.txt"]["message"]
    assert sum(e["status"] == "ok" for e in by_name.values()) == 4


def test_an_interrupted_build_leaves_the_previous_outputs_and_store(
    corpus: Path, tmp_path: Path
) -> None:
    out, store_path = tmp_path / "out", tmp_path / "store"
    options = BuildOptions(store=store_path)
    build([corpus], out, options, execution=Execution(jobs=2))
    files = _files(out)
    graphs = _graphs(open_store(store_path, read_only=True))
    (corpus / "resolution_68_48.txt").write_text("تقرير\n", encoding="utf-8")

    def interrupt(done: int, total: int, result: DocumentResult) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, options, progress=interrupt, execution=Execution(jobs=2))
    assert _files(out) == files
    assert _graphs(open_store(store_path, read_only=True)) == graphs


def test_an_interrupt_while_the_store_loads_beside_the_writes_keeps_the_previous_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, store_path = tmp_path / "out", tmp_path / "store"
    options = BuildOptions(store=store_path)
    build([corpus], out, options, execution=Execution(jobs=2))
    files = _files(out)
    graphs = _graphs(open_store(store_path, read_only=True))
    changed = corpus / "resolution_68_48.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nوقررت الجمعية العامة أن تبقي المسألة قيد نظرها.\n",
        encoding="utf-8",
    )
    real_assemble = unkg.build.assemble

    def interrupted(*args: object, **kwargs: object) -> None:
        deadline = time.monotonic() + 30  # Ctrl-C once the store's copy is being made
        while not list(tmp_path.glob(".store.updating-*")) and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyboardInterrupt

    monkeypatch.setattr(unkg.build, "assemble", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, options, execution=Execution(jobs=2))
    assert _files(out) == files
    assert _graphs(open_store(store_path, read_only=True)) == graphs
    assert not list(tmp_path.glob(".store.*")), "the abandoned copy is removed"
    monkeypatch.setattr(unkg.build, "assemble", real_assemble)
    report = build([corpus], out, options, execution=Execution(jobs=2))
    assert report["store"]["replaced"] == 1  # type: ignore[index]


def test_a_store_that_fails_beside_the_writes_fails_the_build(corpus: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not an unkg store"):
        build([corpus], tmp_path / "out", BuildOptions(store=foreign), execution=Execution(jobs=1))
    assert (foreign / "photo.jpg").read_bytes() == b"\xff\xd8"


def test_a_damaged_store_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    build([REPORT], tmp_path / "out", BuildOptions(store=store_path), execution=Execution(jobs=1))
    for table in store_path.glob("*.sst"):
        table.write_bytes(b"not a table")
    for manifest in store_path.glob("MANIFEST-*"):
        manifest.write_bytes(b"\0" * 64)
    with pytest.raises(StoreError, match="cannot be opened"):
        open_store(store_path)


def test_documents_that_disagree_are_found_by_the_corpus_rules(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (FRAGMENTS / "report_bms5.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    later = text.replace("16-20 حزيران/يونيه 2014", "17-20 حزيران/يونيه 2014").replace(
        "من 16 إلى 20", "من 17 إلى 20"
    )
    assert later != text
    (folder / "b.txt").write_text(later, encoding="utf-8")
    report = build([folder], tmp_path / "out", execution=Execution(jobs=2))
    [finding] = report["corpus"]  # type: ignore[misc]
    assert finding["rule"] == "event-dates-agree" and finding["severity"] == "Warning"
    assert finding["values"]["dates"] == "2014-06-16, 2014-06-17"
    assert "/meeting/" in finding["focus"]
    assert report["totals"]["corpus_warnings"] == 1  # type: ignore[index]


def test_a_resolution_that_adopted_an_instrument_is_one_node(tmp_path: Path) -> None:
    """The instruments table gives the symbol of the resolution that adopted an instrument;
    a document citing that resolution names the same node, and the corpus rule that a
    symbol names one node holds."""
    from unkg.data import load_table

    adopted = next(
        row["symbol"]
        for row in load_table("instruments")
        if re.fullmatch(r"A/RES/\d+/\d+", row["symbol"] or "")
    )
    session, number = adopted.split("/")[2:]
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (FRAGMENTS / "report_bms5.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text.replace("56/24", f"{session}/{number}"), encoding="utf-8")
    report = build([folder], tmp_path / "out", execution=Execution(jobs=0))
    assert report["corpus"] == []
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    [row] = store.query(
        f"""
        SELECT DISTINCT ?instrument ?resolution WHERE {{
          ?instrument a <https://w3id.org/unkg/ontology#InternationalInstrument> ;
                      <http://purl.org/dc/terms/source> ?resolution .
          ?resolution <https://w3id.org/unkg/ontology#symbol> "{adopted}" .
          ?document <https://w3id.org/unkg/ontology#reaffirms> ?resolution .
        }}""",
        use_default_graph_as_union=True,
    )  # type: ignore[misc]
    assert row["resolution"].value.endswith("/doc/" + adopted.replace("/", "-"))


def test_a_copy_left_by_a_killed_build_is_removed_by_the_next(corpus: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    orphan = tmp_path / f".store.updating-{dead}"
    orphan.mkdir()
    (orphan / "000001.sst").write_bytes(b"half a store")
    alive = tmp_path / f".store.updating-{os.getppid()}"  # a build that is still running
    alive.mkdir()
    unrelated = tmp_path / ".store.notes-1"
    unrelated.mkdir()
    build([corpus], tmp_path / "out", BuildOptions(store=store_path), execution=Execution(jobs=1))
    assert not orphan.exists()
    assert alive.exists() and unrelated.exists()
    assert _graphs(open_store(store_path, read_only=True))
