"""The embedded store: build into it, query it, rebuild one document in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.cli import main
from unkg.sparql.store import StoreError, open_store

from .conftest import NOTE_VERBALE, REPORT, UNSC


def _graph_content(store: ox.Store, needle: str) -> set[ox.Quad]:
    graph = next(g for g in store.named_graphs() if needle in g.value)
    return set(store.quads_for_pattern(None, None, None, graph))


def _two_documents(tmp_path: Path) -> Path:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(REPORT, corpus / "report.txt")
    shutil.copy(NOTE_VERBALE, corpus / "note.txt")
    return corpus


def _name_another_state(note: Path) -> None:
    """Change the note verbale: it names one more State (Armenia)."""
    note.write_text(
        note.read_text(encoding="utf-8").replace("مولدوفا وجورجيا", "مولدوفا وجورجيا وأرمينيا"),
        encoding="utf-8",
    )


def test_build_into_a_store_and_query_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = tmp_path / "store"
    assert (
        main(
            [
                "build",
                str(REPORT),
                str(NOTE_VERBALE),
                "--out",
                str(tmp_path / "out"),
                "--store",
                str(store_dir),
                "-q",
                "--no-validate",
                "--formats",
                "trig",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["query", "mandates", "--store", str(store_dir), "-f", "csv"]) == 0
    assert "A/RES/65/64,decides" in capsys.readouterr().out
    store = open_store(store_dir, read_only=True)
    names = {g.value.rsplit("/", 1)[-1] for g in store.named_graphs()}
    assert {"reference", "meta", "A-CONF.192-MGE-2011-1"} <= names


def test_rebuilding_a_changed_document_replaces_only_its_graph(tmp_path: Path) -> None:
    corpus = _two_documents(tmp_path)
    store_dir = tmp_path / "store"
    args = ["--store", str(store_dir), "-q", "--no-validate", "--formats", "trig"]
    main(["build", str(corpus), "--out", str(tmp_path / "o1"), *args])
    store = open_store(store_dir)
    report_before = _graph_content(store, "A-CONF.192-MGE-2011-1")
    del store
    # the note verbale changes (a new State named); only its graph may change
    note = corpus / "note.txt"
    _name_another_state(note)
    main(["build", str(note), "--out", str(tmp_path / "o2"), *args])
    store = open_store(store_dir)
    assert _graph_content(store, "A-CONF.192-MGE-2011-1") == report_before
    mentions = {
        q.object.value
        for q in store.quads_for_pattern(
            None, ox.NamedNode("https://w3id.org/unkg/ontology#mentions"), None
        )
    }
    assert "https://w3id.org/unkg/id/state/ARM" in mentions
    # the note has no symbol, so its graph is named by its content: the old one is gone
    graphs = [g for g in store.named_graphs() if "/graph/doc/sha256-" in g.value]
    assert len(graphs) == 1


def test_a_foreign_or_missing_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not an unkg store"):
        open_store(foreign)
    assert main(["query", "meetings", "--store", str(foreign)]) == 2
    assert "not an unkg store" in capsys.readouterr().err
    assert main(["query", "meetings", "--store", str(tmp_path / "none")]) == 2
    assert "no store here" in capsys.readouterr().err


def test_load_a_build_into_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "build",
            str(REPORT),
            "--out",
            str(tmp_path / "out"),
            "-q",
            "--no-validate",
            "--formats",
            "trig",
        ]
    )
    assert main(["load", "--store", str(tmp_path / "s"), "--data", str(tmp_path / "out")]) == 0
    assert main(["load", "--store", str(tmp_path / "s"), "--data", str(tmp_path / "out")]) == 0
    store = open_store(tmp_path / "s", read_only=True)
    quads = list(store.quads_for_pattern(None, None, None, None))
    named = [q for q in quads if isinstance(q.graph_name, ox.NamedNode)]
    trig = list(ox.parse(path=str(tmp_path / "out" / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert len(named) == len(trig)  # loading twice replaced, it did not duplicate
    # the default graph is their union, each triple once
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in named}
    assert {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in quads
        if isinstance(q.graph_name, ox.DefaultGraph)
    } == union


def _plan_nodes(plan: dict[str, object]) -> list[str]:
    children = plan.get("children", [])
    assert isinstance(children, list)
    return [str(plan["name"]), *(name for child in children for name in _plan_nodes(child))]


def test_bound_named_queries_look_their_optional_parts_up_row_by_row(tmp_path: Path) -> None:
    """A named query bound to one value (``unkg query NAME --bind``) must not read a whole
    predicate of the store: Oxigraph answers an OPTIONAL it cannot look up per row by
    hashing every triple of its pattern, a cost that grows with the corpus (evidence for one
    subject took 466 ms on a 10,000-document store, most of it reading every symbol). The
    plans come from the shape of the queries, not the data, so a small store shows them."""
    import json
    import re
    import subprocess

    from unkg.sparql.query import bind, named_queries, run_query, starts_from

    from .servers import oxigraph_binary

    store_dir = tmp_path / "store"
    assert (
        main(
            [
                "build",
                str(REPORT),
                str(NOTE_VERBALE),
                str(UNSC / "S_RES_0334_1973_EN_GOLD.txt"),  # votes
                "--out",
                str(tmp_path / "out"),
                "--store",
                str(store_dir),
                "-q",
                "--no-validate",
                "--formats",
                "nquads",
            ]
        )
        == 0
    )
    store = open_store(store_dir, read_only=True)
    bound: dict[str, str] = {}
    for name, text in named_queries().items():
        result = run_query(
            store, re.sub(r"\bORDER\s+BY\b[^}]*$", "", text.rstrip()) + "\nLIMIT 50\n"
        )
        for column, variable in enumerate(result.variables):
            value = next((row[column] for row in result.rows if row[column]), None)
            if value is not None and starts_from(text, variable):
                bound[f"{name} --bind {variable}"] = bind(text, {variable: value})
    del store  # the Oxigraph command opens the store itself
    assert {key.split()[0] for key in bound} == set(named_queries())
    hashed = {}
    for key, sparql in bound.items():
        query, explanation = tmp_path / "query.rq", tmp_path / "plan.json"
        query.write_text(sparql, encoding="utf-8")
        subprocess.run(
            [
                oxigraph_binary(),
                "query",
                "--location",
                str(store_dir),
                "--query-file",
                str(query),
                "--results-format",
                "tsv",
                "--explain-file",
                str(explanation),
            ],
            check=True,
            capture_output=True,
        )
        nodes = _plan_nodes(json.loads(explanation.read_text(encoding="utf-8"))["plan"])
        assert any(n.startswith("QuadPattern") for n in nodes), (key, nodes)  # a real plan
        joins = [n for n in nodes if "Join(" in n and "HashBuild" in n]
        if joins:
            hashed[key] = joins
    assert not hashed


def test_graphs_stream_into_their_named_graphs_and_the_union_and_an_abandoned_load_leaves_nothing(
    tmp_path: Path,
) -> None:
    import threading

    from unkg.export.fragments import Fragments
    from unkg.sparql.store import StoreAbandoned, _bulk_load

    loads = []
    for name, value in (("g1", "o"), ("g2", "o"), ("g3", "last")):  # g1, g2: the same triple
        folder = tmp_path / name
        folder.mkdir()
        line = f'<https://e.org/s> <https://e.org/p> "{value}" <https://e.org/{name}> .'
        # a fragment without a closing line break: the next one's line must stay apart
        (folder / "graph.nq").write_text(line + ("" if name == "g2" else "\n"), encoding="utf-8")
        loads.append(Fragments(f"https://e.org/{name}", folder))
    store = ox.Store()
    loaded = _bulk_load(store, loads, threading.Event())
    assert loaded == sum(len(f.read_bytes()) for f in tmp_path.glob("*/graph.nq"))
    assert {(q.graph_name, q.object.value) for q in store} == {  # type: ignore[union-attr]
        (ox.NamedNode("https://e.org/g1"), "o"),
        (ox.NamedNode("https://e.org/g2"), "o"),
        (ox.NamedNode("https://e.org/g3"), "last"),
        (ox.DefaultGraph(), "o"),
        (ox.DefaultGraph(), "last"),
    }

    class AbandonedAfterTwo(threading.Event):  # set once two graphs have been read
        calls = 0

        def is_set(self) -> bool:
            self.calls += 1
            return self.calls > 2

    fresh = ox.Store()
    with pytest.raises(StoreAbandoned):
        _bulk_load(fresh, loads, AbandonedAfterTwo())
    assert len(fresh) == 0  # the load that was cut short left none of its quads


def _order_columns(sparql: str) -> list[str]:
    import re

    clause = re.search(r"\bORDER\s+BY\b(.*)$", sparql.strip(), flags=re.DOTALL | re.IGNORECASE)
    assert clause is not None
    return re.findall(r"[?$](\w+)", clause.group(1))


def test_named_queries_sorted_here_come_in_oxigraphs_order(tmp_path: Path) -> None:
    """run_query sorts a closing ORDER BY itself; every named query, unbound and bound to a
    value of each column it starts from, gives the rows Oxigraph's ORDER BY gives, in its
    order (rows the ORDER BY ties may come in either order: SPARQL leaves it free)."""
    import re
    from collections import Counter

    from unkg.sparql.query import _run_in_oxigraph, bind, named_queries, run_query, starts_from

    store_dir = tmp_path / "store"
    assert (
        main(
            [
                "build",
                str(REPORT),
                str(NOTE_VERBALE),
                "--out",
                str(tmp_path / "out"),
                "--store",
                str(store_dir),
                "-q",
                "--no-validate",
                "--formats",
                "nquads",
            ]
        )
        == 0
    )
    store = open_store(store_dir, read_only=True)
    checked = 0
    for name, text in named_queries().items():
        every = _run_in_oxigraph(store, text)
        variants = [text] + [
            bind(text, {v: row[i]})
            for i, v in enumerate(every.variables)
            if starts_from(text, v)
            for row in every.rows[:1]
            if row[i]
        ]
        for sparql in variants:
            ours, theirs = run_query(store, sparql), _run_in_oxigraph(store, sparql)
            assert Counter(ours.rows) == Counter(theirs.rows), name
            keys = [every.variables.index(v) for v in _order_columns(text)]
            assert [[r[k] for k in keys] for r in ours.rows] == [
                [r[k] for k in keys] for r in theirs.rows
            ], name
            checked += len(ours.rows)
        assert re.search(r"ORDER\s+BY", text)
    assert checked > 1000


def test_rows_are_sorted_as_sparql_says_or_left_to_oxigraph() -> None:
    from unkg.sparql.query import _run_in_oxigraph, run_query

    store = ox.Store()
    store.load(
        b"""
        @prefix e: <https://example.org/> .
        e:a e:n 10 ; e:s "b" ; e:l "zeta"@en ; e:m 2 .
        e:b e:n 9.5 ; e:s "a" ; e:l "alpha"@en ; e:m "two" .
        e:c e:n 100 ; e:l "beta"@fr ; e:m 1 .
        _:d e:n -1 ; e:s "\xc3\xa9" ; e:l "mid"@en .
    """,
        format=ox.RdfFormat.TURTLE,
    )
    base = (
        "PREFIX e: <https://example.org/>\nSELECT ?x ?n ?s ?l ?m WHERE { ?x e:n ?n "
        "OPTIONAL { ?x e:s ?s } OPTIONAL { ?x e:l ?l } OPTIONAL { ?x e:m ?m } }\n"
    )
    for order in (
        "ORDER BY ?n",
        "ORDER BY DESC(?n)",
        "ORDER BY ?s",
        "ORDER BY DESC(?s) ?x",
        "ORDER BY ?x",
        "ORDER BY DESC(?x)",
        "ORDER BY ?l",  # two languages: Oxigraph's rules
        "ORDER BY ?m ?x",
    ):  # numbers and a string: Oxigraph's rules
        ours, theirs = run_query(store, base + order), _run_in_oxigraph(store, base + order)
        assert ours == theirs, order
    numbers = run_query(store, base + "ORDER BY ?n").rows
    assert [r[1] for r in numbers] == ["-1", "9.5", "10", "100"]  # by value, not text
    texts = run_query(store, base + "ORDER BY DESC(?s)").rows
    assert [r[2] for r in texts] == ["é", "b", "a", None]  # unbound sorts first, so last here


def test_a_large_load_compacts_the_store_and_a_small_update_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import unkg.sparql.store as store_module

    compacted: list[int] = []
    loaded: list[int] = []
    real_compact, real_load = store_module._compact, store_module._bulk_load
    monkeypatch.setattr(
        store_module, "_compact", lambda s: (compacted.append(len(s)), real_compact(s))
    )
    monkeypatch.setattr(
        store_module, "_bulk_load", lambda *a: loaded.append(real_load(*a)) or loaded[-1]
    )
    monkeypatch.setattr(store_module, "COMPACT_AFTER_BYTES", 1)
    corpus = _two_documents(tmp_path)
    store_dir = tmp_path / "store"
    args = ["--store", str(store_dir), "-q", "--no-validate", "--formats", "nquads"]
    assert main(["build", str(corpus), "--out", str(tmp_path / "o1"), *args]) == 0
    assert len(compacted) == 1
    before = set(open_store(store_dir, read_only=True))
    assert len(before) == compacted[0]  # compacting changes no quad
    # two documents and the reference data are a large load, one changed document is not
    monkeypatch.setattr(store_module, "COMPACT_AFTER_BYTES", loaded[0] - 1)
    _name_another_state(corpus / "note.txt")
    assert main(["build", str(corpus), "--out", str(tmp_path / "o1"), *args]) == 0
    assert len(loaded) == 2 and loaded[1] < loaded[0]
    assert len(compacted) == 1  # left to RocksDB
