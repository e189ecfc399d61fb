"""`unkg build`: every input accounted for, bad files reported in one line, output stable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.cli import main
from unkg.sparql.query import bind, named_queries, run_query

from .conftest import EXAMPLES, NOTE_VERBALE, REPORT


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(REPORT, folder / "sub" / REPORT.name)
    shutil.copy(NOTE_VERBALE, folder / NOTE_VERBALE.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "latin1.txt").write_bytes("Réunion à Genève, été".encode("latin-1"))
    (folder / "russian.txt").write_text("Доклад о работе совещания.\n", encoding="utf-8")
    (folder / "poem.txt").write_text(
        "قفا نبك من ذكرى حبيب ومنزل\nبسقط اللوى بين الدخول فحومل\n", encoding="utf-8"
    )
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")  # a PDF header and nothing else
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    return folder


def test_a_folder_with_bad_files_builds_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["build", str(_corpus(tmp_path)), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    outcome = {Path(i["path"]).name: (i["status"], i.get("message", "")) for i in report["inputs"]}
    assert outcome[REPORT.name][0] == "ok" and outcome[NOTE_VERBALE.name][0] == "ok"
    assert outcome["empty.txt"] == ("error", "empty: the file holds no text")
    assert outcome["binary.txt"][0] == "error" and "binary" in outcome["binary.txt"][1]
    assert outcome["latin1.txt"][0] == "error" and "undecodable" in outcome["latin1.txt"][1]
    assert outcome["russian.txt"][0] == "error" and "Russian" in outcome["russian.txt"][1]
    assert (
        outcome["poem.txt"][0] == "error"
        and "not recognised as a UN document" in outcome["poem.txt"][1]
    )
    assert outcome["scan.pdf"][0] == "error" and "damaged PDF" in outcome["scan.pdf"][1]
    assert outcome["photo.png"][0] == "skipped"
    totals = report["totals"]
    assert (totals["inputs"], totals["ok"], totals["error"], totals["skipped"]) == (9, 2, 6, 1)
    assert (totals["validated"], totals["conforming"], totals["violations"]) == (2, 2, 0)
    # each failure is one line on stderr naming the file
    for name in ("empty.txt", "binary.txt", "latin1.txt", "russian.txt", "poem.txt", "scan.pdf"):
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1 and lines[0].startswith("unkg: ")
    assert (out / "graph.trig").stat().st_size > 0


def test_nothing_built_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["build", str(empty), "--out", str(tmp_path / "out")]) == 1
    assert "0 built" in capsys.readouterr().err


def test_bad_base_iri_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(REPORT), "--out", str(tmp_path), "--base", "not an iri"]) == 2
    assert "base IRI" in capsys.readouterr().err


def test_base_iri_is_used(tmp_path: Path) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path), "--base", "http://example.org/un/", "-q"])
    text = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "<http://example.org/un/id/state/>" in text
    assert "w3id.org/unkg/id" not in text


def _build_in_subprocess(out: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-m", "unkg.cli", "build", str(EXAMPLES), "--out", str(out), "-q"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_two_runs_give_byte_identical_files(tmp_path: Path) -> None:
    _build_in_subprocess(tmp_path / "a", "1")
    _build_in_subprocess(tmp_path / "b", "2")
    names = sorted(p.name for p in (tmp_path / "a").iterdir() if p.is_file())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir() if p.is_file())
    assert {"graph.trig", "graph.ttl", "report.json"} <= set(names)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_document_held_twice_in_one_file_yields_each_fact_once(tmp_path: Path) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path), "-q"])
    from unkg.sparql.query import load_data, run_query

    store = load_data(tmp_path)
    rows = run_query(
        store,
        """
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?o (COUNT(?d) AS ?n) WHERE { ?p unkg:ordinal ?o ; <https://schema.org/startDate> ?d }
        GROUP BY ?o""",
    ).rows
    assert len(rows) == 10 and all(n == "1" for _, n in rows)


def test_query_cli_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["build", str(REPORT), "--out", str(tmp_path), "-q"])
    capsys.readouterr()
    assert main(["query", "mandates", "--data", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["resolution"] for r in rows} == {"A/RES/63/72", "A/RES/64/50", "A/RES/65/64"}
    assert main(["query", "mandates", "--data", str(tmp_path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "meeting,resolution,relation"
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert main(["query", str(query), "--data", str(tmp_path), "-f", "tsv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) > 1000
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT WHERE {", encoding="utf-8")
    assert main(["query", str(bad), "--data", str(tmp_path)]) == 2
    assert "syntax" in capsys.readouterr().err.lower()
    assert main(["query", "meetings", "--data", str(tmp_path / "nowhere")]) == 2
    assert "no graph.trig" in capsys.readouterr().err


def test_query_bind_gives_a_column_one_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["build", str(EXAMPLES), "--out", str(tmp_path), "-q"])
    capsys.readouterr()
    # a column the query always fills: VALUES; one filled only by OPTIONAL parts: FILTER
    assert (
        main(["query", "officers", "--data", str(tmp_path), "-f", "json", "--bind", "state=NZL"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["role"], r["state"], r["at_session"]) for r in rows] == [("Chair", "NZL", "1")]
    assert (
        main(
            [
                "query",
                "mandates",
                "--data",
                str(tmp_path),
                "-f",
                "json",
                "--bind",
                "resolution=A/RES/64/50",
            ]
        )
        == 0
    )
    assert [r["relation"] for r in json.loads(capsys.readouterr().out)] == ["recalls"]
    # a computed column that prints an IRI as text (the note verbale has no symbol)
    assert main(["query", "topics", "--data", str(tmp_path), "-f", "json"]) == 0
    unnamed = {
        r["document"]
        for r in json.loads(capsys.readouterr().out)
        if (r["document"] or "").startswith("https://")
    }
    assert len(unnamed) == 1
    assert (
        main(
            [
                "query",
                "topics",
                "--data",
                str(tmp_path),
                "-f",
                "json",
                "--bind",
                f"document={unnamed.pop()}",
            ]
        )
        == 0
    )
    assert len(json.loads(capsys.readouterr().out)) >= 2
    # a column filled by an OPTIONAL block: the block starts the query; same rows as filtering
    assert main(["query", "topics", "--data", str(tmp_path), "-f", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    concept = next(r["unbis"] for r in every if r["unbis"])
    assert (
        main(
            ["query", "topics", "--data", str(tmp_path), "-f", "json", "--bind", f"unbis={concept}"]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == [r for r in every if r["unbis"] == concept]
    assert "{ ?concept skos:exactMatch ?unbis ." in bind(
        named_queries()["topics"], {"unbis": concept}
    )
    # a computed column bound to a symbol starts from the symbol, bound to a document's IRI
    # from the document or a symbol spelling it; the same rows as filtering, either way
    for name in ("topics", "evidence", "states"):
        assert main(["query", name, "--data", str(tmp_path), "-f", "json"]) == 0
        every = json.loads(capsys.readouterr().out)
        symbol = next(r["document"] for r in every if ":" not in r["document"])
        iri = next(r["document"] for r in every if r["document"].startswith("https://"))
        for value in (symbol, iri):
            assert (
                main(
                    [
                        "query",
                        name,
                        "--data",
                        str(tmp_path),
                        "-f",
                        "json",
                        "--bind",
                        f"document={value}",
                    ]
                )
                == 0
            )
            found = json.loads(capsys.readouterr().out)
            assert found and found == [r for r in every if r["document"] == value]
        assert "{ ?doc unkg:symbol ?symbol }" in bind(named_queries()[name], {"document": symbol})
        assert f"{{ VALUES ?doc {{ <{iri}> }} }}\n  UNION" in bind(
            named_queries()[name], {"document": iri}
        )
    # text with a ':' that is not an IRI unkg writes: only the FILTER
    assert bind(named_queries()["topics"], {"document": "urn:x"}).count("?doc unkg:symbol") == 1
    assert main(["query", "officers", "--data", str(tmp_path), "--bind", "nobody=1"]) == 2
    assert "no variable ?nobody" in capsys.readouterr().err
    assert main(["query", "officers", "--data", str(tmp_path), "--bind", "state"]) == 2


def test_bind_copies_an_optional_block_only_when_the_copy_keeps_the_same_rows() -> None:
    query = (
        "SELECT ?doc ?x WHERE {\n  ?doc a <https://example.org/D> ; <https://example.org/n> ?n .\n"
        "  OPTIONAL { ?doc <https://example.org/p> ?x . FILTER(?x > 3) }\n}"
    )
    assert "{ ?doc <https://example.org/p> ?x . FILTER(?x > 3) }" in bind(query, {"x": "5"})
    # a FILTER on ?n would see ?n unbound inside a group of its own: no copy, FILTER only
    other = query.replace("FILTER(?x > 3)", "FILTER(?x > ?n)")
    assert bind(other, {"x": "5"}).count("<https://example.org/p>") == 1
    # nor for a block that binds a variable the rest of the query does not
    loose = query.replace("?doc <https://example.org/p> ?x", "?doc ?any ?x")
    assert bind(loose, {"x": "5"}).count("?any") == 1


def test_bind_on_a_computed_column_finds_each_row_once() -> None:
    # a document without a symbol, one whose symbol spells another's IRI, one whose symbol
    # spells its own IRI: binding the column gives exactly the rows filtering gives
    store = ox.Store()
    store.load(
        b"""
        @prefix e: <https://example.org/> .
        e:a a e:D ; e:t "1" .
        e:b a e:D ; e:t "2" ; e:symbol "https://example.org/a" .
        e:c a e:D ; e:t "3" ; e:symbol "https://example.org/c" .
        e:d a e:D ; e:t "4" ; e:symbol "A/1" .
    """,
        format=ox.RdfFormat.TURTLE,
    )
    query = (
        "PREFIX e: <https://example.org/>\nSELECT ?document ?t WHERE {\n  ?doc a e:D ; e:t ?t .\n"
        "  OPTIONAL { ?doc e:symbol ?symbol }\n  BIND(COALESCE(?symbol, STR(?doc)) AS ?document)\n}"
    )
    every = run_query(store, query).rows
    # the rewrites are made (a FILTER alone would give the same rows, slowly)
    assert "UNION" in bind(query, {"document": "https://example.org/a"})
    assert 'VALUES ?symbol { "A/1" }' in bind(query, {"document": "A/1"})
    for value in ("https://example.org/a", "https://example.org/c", "A/1", "https://example.org/d"):
        found = run_query(store, bind(query, {"document": value})).rows
        assert sorted(found) == sorted(r for r in every if r[0] == value), value
