"""Queries cannot leave the store: SERVICE smuggled every way we know is refused by the
endpoint and by ``unkg query`` while a listener on 127.0.0.1 counts the connections made to
it; and the endpoint answers only requests for its own names, from its own pages or the
origins a user allows."""

from __future__ import annotations

import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.build import build
from unkg.cli import main
from unkg.pipeline import BuildOptions
from unkg.sparql.query import named_queries
from unkg.sparql.safety import QueryRefused, check_query, tokens

from .conftest import EXAMPLES
from .servers import free_port, http, running

pytestmark = pytest.mark.integration


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            connection.close()  # the engine's request fails at once

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def smuggled(url: str) -> list[str]:
    """Queries that would make the engine connect to ``url``, written to slip past a check."""
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    pattern = "?s ?p ?o"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
        f"select * where {{ service <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ SeRvIcE <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ service silent <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{SERVICE<{url}>{{{pattern}}}}}",
        f"SELECT * WHERE {{ SERVICE\t<{url}>\n{{ {pattern} }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ SERVICE #\n#\n<{url}> #\n{{ {pattern} }} }}",
        # codepoint escapes are read before the grammar
        f"SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ \\U00000053\\U00000045RVICE <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ \\u0073\\u0065\\u0072\\u0076\\u0069\\u0063\\u0065 <{url}> "
        f"{{ {pattern} }} }}",
        f"SELECT * WHERE {{ SERVICE <\\u0068ttp://{host}:{port}/> {{ {pattern} }} }}",
        # nested at any depth
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}> {{ {pattern} }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ {pattern} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ {pattern} }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ {pattern} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o BIND(EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} AS ?x) }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ {pattern} }} }} }} }}",
        f"SELECT * WHERE {{ {{ {{ {{ SERVICE <{url}> {{ {pattern} }} }} }} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ {pattern} }} }} }}",
        f"SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{url}> {{ {pattern} }} }} GROUP BY ?s",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }}) }}",
        # the other query forms
        f"ASK {{ SERVICE <{url}> {{ {pattern} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
        f"CONSTRUCT WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
        # the endpoint's IRI from a prefix, a base, a variable, a string
        f"PREFIX r: <http://{host}:{port}/> SELECT * WHERE {{ SERVICE r:sparql {{ {pattern} }} }}",
        f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE : {{ {pattern} }} }}",
        f"BASE <{url}> SELECT * WHERE {{ SERVICE <> {{ {pattern} }} }}",
        f"BASE <http://{host}:{port}/> SELECT * WHERE {{ SERVICE <sparql> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ {pattern} }} }}",
        f"SELECT * WHERE {{ BIND(IRI('{url}') AS ?e) SERVICE ?e {{ {pattern} }} }}",
        f'SELECT * WHERE {{ BIND(URI(CONCAT("http://{host}:", "{port}/")) AS ?e) '
        f"SERVICE ?e {{ {pattern} }} }}",
        "SELECT * WHERE { ?x ?y ?z BIND(IRI(STR(?x)) AS ?e) SERVICE SILENT ?e { ?a ?b ?c } }",
        # a keyword the other reading would take for part of a string, a name or a comment
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ {{ ex:a\\' ?p 'x' }} UNION "
        f"{{ SERVICE <{url}> {{ {pattern} }} }} }} #'",
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ {{ ?s ex:b\\# ?o }} UNION "
        f"{{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p 'a\\\\' }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }} #'",
        f'SELECT * WHERE {{ {{ ?s ?p "a\\\\" }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }} #"',
        f'SELECT * WHERE {{ {{ ?s ?p """a"" """ }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}',
        f"SELECT * WHERE {{ {{ ?s ?p '''a'' ''' }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ # '\n SERVICE <{url}> {{ {pattern} }} }}",
        f'SELECT * WHERE {{ # """\n SERVICE <{url}> {{ {pattern} }} }} # """',
        f"SELECT * WHERE {{ {{ ?s <http://e/#> ?o }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o FILTER(?o < 3) }} UNION "
        f"{{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o FILTER(?s<?o) }} UNION{{SERVICE<{url}>{{?a ?b ?c}}}} }}",
        f"SELECT * WHERE {{ {{ ?s ?p 'x'@en-GB }} UNION {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p '1'^^<http://www.w3.org/2001/XMLSchema#int> }} UNION "
        f"{{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        # updates that fetch, or mixed in
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <http://g/>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }} ; LOAD <{url}>",
        f"CLEAR ALL ; LOAD <{url}>",
        f"WITH <http://g/> DELETE {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ {pattern} }} }}",
    ]


HARMLESS = [
    "SELECT ?s WHERE { ?s ?p 'service <http://127.0.0.1/> { }' } LIMIT 1",
    "PREFIX service: <http://example.org/service/> SELECT ?s WHERE { ?s service:of ?o } LIMIT 1",
    "SELECT ?s WHERE { ?s ?p <http://example.org/service/load> } LIMIT 1",
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "SELECT ?s WHERE { ?s ?p ?o # SERVICE <http://127.0.0.1/> { }\n } LIMIT 1",
    "SELECT ?s WHERE { ?s ?p ?o FILTER(?o < 3 || ?o >= 5) } LIMIT 1",
]


def test_unchecked_the_engine_fetches_for_most_of_them(listener: Listener) -> None:
    # the smuggling corpus means something only if the engine, unchecked, does connect
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b"), ox.Literal("c")))
    connected = 0
    for query in smuggled(f"http://127.0.0.1:{listener.port}/sparql"):
        before = listener.count
        try:
            result = store.query(query)
            list(result) if not isinstance(result, ox.QueryBoolean) else bool(result)
        except (SyntaxError, OSError, RuntimeError):
            pass
        deadline = time.monotonic() + 0.3
        while listener.count == before and time.monotonic() < deadline:
            time.sleep(0.01)
        connected += listener.count > before
    assert connected >= 40


def test_every_smuggled_service_is_refused_before_it_runs(listener: Listener) -> None:
    queries = smuggled(f"http://127.0.0.1:{listener.port}/sparql")
    assert len(queries) >= 50
    for query in queries:
        with pytest.raises(QueryRefused) as refused:
            check_query(query)
        assert refused.value.status in (400, 403), query


@pytest.mark.parametrize("query", HARMLESS)
def test_the_word_service_elsewhere_is_not_a_refusal(query: str) -> None:
    check_query(query)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_passes_the_check(name: str) -> None:
    check_query(named_queries()[name])


def test_the_tokens_of_a_prefixed_name_with_escapes() -> None:
    words = tokens("PREFIX ex: <http://e/> SELECT * { ex:a\\' ?p 'x' } #'")
    assert ("pname", "ex:a\\'") in words and ("string1", "'x'") in words
    with pytest.raises(QueryRefused):
        tokens("SELECT * { ?s ?p ?o } \\")


# --- the endpoint and unkg query, with the listener counting ----------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guarded")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    return out


@pytest.fixture(scope="module")
def endpoint(built: Path) -> Iterator[str]:
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
        "--allow-origin",
        "https://app.example.org",
    ]
    with running(command, f"http://127.0.0.1:{port}/"):
        yield f"http://127.0.0.1:{port}"


def test_the_endpoint_makes_no_connection_for_any_smuggled_query(
    endpoint: str, listener: Listener
) -> None:
    before = listener.count
    for query in smuggled(f"http://127.0.0.1:{listener.port}/sparql"):
        status, _, body = http(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query}))
        assert status in (400, 403), (query, body[:200])
        status, _, _ = http(
            f"{endpoint}/sparql",
            data=query.encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
        assert status in (400, 403), query
    assert listener.count == before


def test_unkg_query_refuses_a_service_in_one_line(
    built: Path, listener: Listener, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = listener.count
    for index, query in enumerate(smuggled(f"http://127.0.0.1:{listener.port}/sparql")[::6]):
        file = tmp_path / f"q{index}.rq"
        file.write_text(query, encoding="utf-8")
        assert main(["query", str(file), "--data", str(built)]) == 2
        message = capsys.readouterr().err
        assert message.startswith(f"unkg: {file}: query refused") and message.count("\n") == 1
    assert listener.count == before


def _get(endpoint: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    return http(f"{endpoint}/sparql?{query}", headers=headers)


def test_a_host_that_is_not_the_endpoints_is_refused(endpoint: str) -> None:
    port = endpoint.rsplit(":", 1)[1]
    assert _get(endpoint, {})[0] == 200
    assert _get(endpoint, {"Host": f"localhost:{port}"})[0] == 200
    status, _, body = _get(endpoint, {"Host": f"attacker.example:{port}"})  # DNS rebinding
    assert status == 403 and b"not a name of this endpoint" in body
    assert http(f"{endpoint}/", headers={"Host": "attacker.example"})[0] == 403


def test_requests_from_other_sites_are_refused(endpoint: str) -> None:
    assert _get(endpoint, {"Origin": endpoint})[0] == 200  # its own query page
    status, _, body = _get(endpoint, {"Origin": "https://attacker.example"})
    assert status == 403 and b"--allow-origin" in body
    assert _get(endpoint, {"Origin": "null"})[0] == 403
    assert _get(endpoint, {"Sec-Fetch-Site": "cross-site"})[0] == 403
    # a cross-site form POST, as a page elsewhere would send it
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, _ = http(
        f"{endpoint}/sparql",
        data=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "https://attacker.example",
        },
    )
    assert status == 403


def test_an_allowed_origin_gets_cors_headers(endpoint: str) -> None:
    import urllib.request

    query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    request = urllib.request.Request(
        f"{endpoint}/sparql?{query}", headers={"Origin": "https://app.example.org"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        assert response.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    preflight = urllib.request.Request(
        f"{endpoint}/sparql",
        method="OPTIONS",
        headers={"Origin": "https://app.example.org", "Access-Control-Request-Method": "POST"},
    )
    with urllib.request.urlopen(preflight, timeout=30) as response:
        assert response.status == 204
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
