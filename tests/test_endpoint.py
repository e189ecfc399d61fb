"""The SPARQL endpoint over real HTTP on loopback: named queries, result formats, refusals."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from unkg.build import build
from unkg.pipeline import BuildOptions
from unkg.sparql.query import load_data, named_queries, run_query

from .conftest import EXAMPLES
from .servers import free_port, http, running

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("served")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    return out


@pytest.fixture(scope="module")
def endpoint(built: Path):  # type: ignore[no-untyped-def]
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "unkg.cli",
        "serve",
        "--data",
        str(built),
        "--port",
        str(port),
        "--timeout",
        "3",
        "--max-rows",
        "500",
    ]
    with running(command, f"http://127.0.0.1:{port}/"):
        yield f"http://127.0.0.1:{port}"


def get(endpoint: str, query: str, accept: str = "application/sparql-results+json"):  # type: ignore[no-untyped-def]
    return http(
        f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept}
    )


@pytest.mark.parametrize("name", sorted(set(named_queries()) - {"evidence"}))
def test_named_queries_match_the_embedded_store(endpoint: str, built: Path, name: str) -> None:
    query = named_queries()[name]
    status, kind, body = get(endpoint, query)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    data = json.loads(body)
    served = [
        tuple(b.get(v, {}).get("value") for v in data["head"]["vars"])
        for b in data["results"]["bindings"]
    ]
    local = run_query(load_data(built), query)
    assert data["head"]["vars"] == list(local.variables)
    assert served == list(local.rows)


def test_the_evidence_query_is_refused_as_too_large(endpoint: str) -> None:
    status, kind, body = get(endpoint, named_queries()["evidence"])
    assert status == 413 and kind.startswith("application/json")
    assert json.loads(body)["error"] == "result too large" and "LIMIT" in json.loads(body)["detail"]


QUERY = (
    "PREFIX unkg: <https://w3id.org/unkg/ontology#> SELECT ?symbol ?n WHERE { "
    "?r unkg:symbol ?symbol ; unkg:resolutionNumber ?n } ORDER BY ?symbol"
)


def test_json_results(endpoint: str) -> None:
    status, _, body = get(endpoint, QUERY)
    rows = json.loads(body)["results"]["bindings"]
    assert status == 200 and [r["symbol"]["value"] for r in rows] == [
        "A/RES/63/72",
        "A/RES/64/50",
        "A/RES/65/64",
    ]
    assert rows[0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_xml_results(endpoint: str) -> None:
    status, kind, body = get(endpoint, QUERY, "application/sparql-results+xml")
    assert status == 200 and kind.startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(body)
    literals = [e.text for e in root.findall(".//s:binding[@name='symbol']/s:literal", ns)]
    assert literals == ["A/RES/63/72", "A/RES/64/50", "A/RES/65/64"]


def test_csv_and_tsv_results(endpoint: str) -> None:
    status, kind, body = get(endpoint, QUERY, "text/csv")
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["symbol", "n"] and rows[1] == ["A/RES/63/72", "72"]
    status, kind, body = get(endpoint, QUERY, "text/tab-separated-values")
    assert status == 200 and kind.startswith("text/tab-separated-values")
    lines = body.decode().splitlines()
    assert lines[0] == "?symbol\t?n"
    assert lines[1] == '"A/RES/63/72"\t"72"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_post_query_and_form(endpoint: str) -> None:
    status, _, body = http(
        f"{endpoint}/sparql", QUERY.encode(), {"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, _, body = http(
        f"{endpoint}/sparql",
        urllib.parse.urlencode({"query": QUERY}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3


def test_ask_query(endpoint: str) -> None:
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("request_kind", "expected_status", "expected_error"),
    [
        ("update body", 403, "updates are refused"),
        ("update form", 403, "updates are refused"),
        ("update as query", 403, "updates are refused"),
        ("service", 403, "federated queries are refused"),
        ("malformed", 400, "malformed query"),
        ("empty", 400, "empty query"),
    ],
)
def test_refusals(
    endpoint: str, request_kind: str, expected_status: int, expected_error: str
) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if request_kind == "update body":
        result = http(
            f"{endpoint}/sparql", update.encode(), {"Content-Type": "application/sparql-update"}
        )
    elif request_kind == "update form":
        result = http(
            f"{endpoint}/sparql",
            urllib.parse.urlencode({"update": update}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
    elif request_kind == "update as query":
        result = get(endpoint, "PREFIX ex: <http://ex/>\n" + update)
    elif request_kind == "service":
        result = get(
            endpoint, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
        )
    elif request_kind == "malformed":
        result = get(endpoint, "SELECT ?x WHERE { ?x ")
    else:
        result = get(endpoint, "   ")
    status, kind, body = result
    assert status == expected_status and kind.startswith("application/json")
    assert json.loads(body)["error"] == expected_error
    # nothing was written
    status, _, body = get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def test_a_word_service_in_a_string_is_not_a_refusal(endpoint: str) -> None:
    status, _, _ = get(endpoint, 'SELECT ?s WHERE { ?s ?p "SERVICE" } LIMIT 1')
    assert status == 200


def test_a_slow_query_is_stopped_and_others_are_served_meanwhile(endpoint: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    outcome: dict[str, object] = {}

    def run_slow() -> None:
        started = time.monotonic()
        outcome["result"] = get(endpoint, slow)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, _ = get(endpoint, QUERY)
    quick = time.monotonic() - started
    thread.join(timeout=30)
    assert status == 200 and quick < 2.5  # served while the slow query ran
    status, _kind, body = outcome["result"]  # type: ignore[misc]
    assert status == 503 and json.loads(body)["error"] == "query timed out"
    assert outcome["seconds"] < 10  # type: ignore[operator]


def test_the_page_lists_the_named_queries(endpoint: str) -> None:
    status, kind, body = http(f"{endpoint}/")
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    assert all(f'value="{name}"' in page for name in named_queries())
    assert not re.search(r"""(?:src|href)=["']?https?:""", page)  # nothing from elsewhere


def test_serve_binds_to_loopback_by_default() -> None:
    from unkg.cli import _parser

    args = _parser().parse_args(["serve", "--data", "out"])
    assert args.host == "127.0.0.1"


def test_a_stopped_server_removes_its_temporary_store(built: Path, tmp_path: Path) -> None:
    # serve --data loads the build into a temporary store; SIGTERM (a service manager's
    # stop) must not leave it behind in the temporary folder
    port = free_port()
    command = [sys.executable, "-m", "unkg.cli", "serve", "--data", str(built), "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/", env={**os.environ, "TMPDIR": str(tmp_path)}):
        ours = [p.name[:11] for p in tmp_path.iterdir() if not p.name.startswith("pymp-")]
        assert ours == ["unkg-serve-"]  # pymp-: the query workers' forkserver
    assert list(tmp_path.iterdir()) == []
