"""Loading into a real triple-store server (Oxigraph's server, from PyPI) with the Graph Store
Protocol, and the named queries giving there what they give in the embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.build import build
from unkg.cli import main
from unkg.pipeline import BuildOptions
from unkg.sparql import load as loader
from unkg.sparql.query import load_data, named_queries, run_query

from .conftest import EXAMPLES
from .servers import free_port, oxigraph_binary, running, sparql_rows

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("to-load")
    build([EXAMPLES], out, BuildOptions(validate=False, formats=("trig",)))
    return out


@pytest.fixture()
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    port = free_port()
    command = [
        oxigraph_binary(),
        "serve",
        "--location",
        str(tmp_path / "oxigraph"),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    with running(command, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D"):
        yield f"http://127.0.0.1:{port}"


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_load_and_compare_the_named_queries(
    server: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", "--endpoint", f"{server}/store", "--data", str(built)]) == 0
    assert "3 graphs loaded" in capsys.readouterr().err
    local = load_data(built)
    for name, query in named_queries().items():
        expected = set(run_query(local, query).rows)
        assert sparql_rows(f"{server}/query", query) == expected, name
    # loading again replaces every graph: nothing is duplicated
    before = sparql_rows(f"{server}/query", COUNT)
    assert main(["load", "--endpoint", f"{server}/store", "--data", str(built), "-q"]) == 0
    assert sparql_rows(f"{server}/query", COUNT) == before


def test_a_failed_load_keeps_earlier_graphs_and_names_the_failure(
    server: str, built: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["load", "--endpoint", f"{server}/store", "--data", str(built), "-q"]) == 0
    before = sparql_rows(f"{server}/query", COUNT)
    real = loader._request

    def flaky(url: str, data: bytes, user, password, timeout: float) -> int:  # type: ignore[no-untyped-def]
        if "A-CONF.192-MGE-2011-1" in url:
            raise loader.urllib.error.HTTPError(url, 500, "Internal Server Error", {}, None)  # type: ignore[arg-type]
        return real(url, data, user, password, timeout)

    monkeypatch.setattr(loader, "_request", flaky)
    capsys.readouterr()
    assert main(["load", "--endpoint", f"{server}/store", "--data", str(built), "-q"]) == 1
    err = capsys.readouterr().err
    assert "graph/doc/A-CONF.192-MGE-2011-1: not loaded: HTTP 500" in err
    assert "2 graphs loaded" in err and "1 failed" in err
    assert sparql_rows(f"{server}/query", COUNT) == before


def test_an_unreachable_server_is_reported(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    assert (
        main(["load", "--endpoint", f"http://127.0.0.1:{port}/store", "--data", str(built), "-q"])
        == 1
    )
    err = capsys.readouterr().err
    assert "cannot reach" in err and "0 graphs loaded" in err
