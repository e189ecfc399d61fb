"""A read-only SPARQL 1.1 Protocol endpoint over an unkg store, on Starlette and uvicorn.

* ``GET /sparql?query=...`` and ``POST /sparql`` (form field ``query`` or an
  ``application/sparql-query`` body); results as SPARQL JSON, XML, CSV or TSV by ``Accept``.
* Read-only: updates are refused, and so are federated queries (``SERVICE``): the endpoint
  never fetches anything from the network.
* Each query runs in its own process against the store opened read-only, so a query that
  runs too long is stopped at the time limit while the server goes on serving others; a
  result larger than the row limit is refused with a message saying to add ``LIMIT``.
* ``GET /`` is the query page and ``GET /id/...`` a node's page (``unkg.sparql.pages``).
* Only requests naming it (``Host``) and from its own pages or allowed origins are served
  (``unkg.sparql.guard``); queries are checked by ``unkg.sparql.safety`` before they run.

Errors are JSON: ``{"error": ..., "detail": ...}`` with a 4xx or 5xx status.
"""

from __future__ import annotations

import asyncio
import html
import json
import multiprocessing
import re
import shutil
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from unkg.sparql.safety import QueryRefused, check_query

__all__ = ["ServerOptions", "create_app", "prepare_store"]

CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
}
_ACCEPT = (
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
)


@dataclass(frozen=True, slots=True)
class ServerOptions:
    store: Path
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows a result may have
    workers: int = 4  # queries running at once
    host: str = "127.0.0.1"  # the address it is bound to
    allow_hosts: tuple[str, ...] = ()  # more names it may be reached by (Host header)
    allow_origins: tuple[str, ...] = ()  # web origins allowed to query it (CORS)


def negotiate(accept: str, default: str = "json") -> str:
    accept = accept.lower()
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        q = re.search(r"q=([0-9.]+)", params)
        if q:
            quality = float(q.group(1))
        for known, fmt in _ACCEPT:
            if media.strip() == known and (best is None or (quality, -position) > best[:2]):
                best = (quality, -position, fmt)
    return best[2] if best else default


# --- the worker: one process per query ---------------------------------------------------


def _term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _csv_value(term: Any, tsv: bool) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if tsv:
        return str(term)
    value = term.value if isinstance(term, ox.NamedNode | ox.Literal) else "_:" + term.value
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _select(variables: list[str], rows: list[list[Any]], fmt: str) -> str:
    if fmt == "json":
        bindings = [
            {v: _term(t) for v, t in zip(variables, row, strict=True) if t is not None}
            for row in rows
        ]
        return json.dumps(
            {"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False
        )
    if fmt in ("csv", "tsv"):
        tsv = fmt == "tsv"
        sep = "\t" if tsv else ","
        header = sep.join(("?" + v) if tsv else v for v in variables)
        lines = [header] + [sep.join(_csv_value(t, tsv) for t in row) for row in rows]
        return "\r\n".join(lines) + "\r\n"
    out = [
        '<?xml version="1.0"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>" + "".join(f'<variable name="{html.escape(v)}"/>' for v in variables) + "</head>",
        "<results>",
    ]
    for row in rows:
        out.append("<result>")
        for v, t in zip(variables, row, strict=True):
            if t is None:
                continue
            term = _term(t)
            if term["type"] == "uri":
                value = f"<uri>{html.escape(term['value'])}</uri>"
            elif term["type"] == "bnode":
                value = f"<bnode>{html.escape(term['value'])}</bnode>"
            else:
                attrs = ""
                if "xml:lang" in term:
                    attrs = f' xml:lang="{html.escape(term["xml:lang"])}"'
                elif "datatype" in term:
                    attrs = f' datatype="{html.escape(term["datatype"])}"'
                value = f"<literal{attrs}>{html.escape(term['value'])}</literal>"
            out.append(f'<binding name="{html.escape(v)}">{value}</binding>')
        out.append("</result>")
    out.append("</results></sparql>")
    return "".join(out)


def _boolean(value: bool, fmt: str) -> str:
    if fmt == "xml":
        return (
            '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{str(value).lower()}</boolean></sparql>"
        )
    if fmt in ("csv", "tsv"):
        return f"{str(value).lower()}\r\n"
    return json.dumps({"head": {}, "boolean": value})


def _work(store_path: str, query: str, fmt: str, max_rows: int, out: Connection) -> None:
    """Run one query in this process and send back (status, content type, body)."""
    import itertools

    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(store_path)
        result = store.query(query)  # the default graph holds the union, each triple once
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [[s[v] for v in variables] for s in itertools.islice(result, max_rows + 1)]
            if len(rows) > max_rows:
                raise QueryRefused(
                    413,
                    "result too large",
                    f"more than {max_rows} rows; add LIMIT or narrow the query",
                )
            body = _select(variables, rows, fmt if fmt in ("json", "xml", "csv", "tsv") else "json")
            out.send(
                (
                    200,
                    CONTENT_TYPES.get(fmt if fmt in ("json", "xml", "csv", "tsv") else "json"),
                    body,
                )
            )
        elif isinstance(result, ox.QueryBoolean):
            kind = fmt if fmt in ("json", "xml", "csv", "tsv") else "json"
            out.send((200, CONTENT_TYPES[kind], _boolean(bool(result), kind)))
        else:
            triples = list(itertools.islice(result, max_rows + 1))
            if len(triples) > max_rows:
                raise QueryRefused(
                    413,
                    "result too large",
                    f"more than {max_rows} triples; add LIMIT or narrow the query",
                )
            kind = fmt if fmt in ("turtle", "ntriples") else "turtle"
            rdf_format = ox.RdfFormat.TURTLE if kind == "turtle" else ox.RdfFormat.N_TRIPLES
            written = ox.serialize(triples, format=rdf_format) or b""
            out.send((200, CONTENT_TYPES[kind], written.decode()))
    except QueryRefused as refused:
        out.send(
            (
                refused.status,
                "application/json",
                json.dumps({"error": refused.error, "detail": refused.detail}),
            )
        )
    except SyntaxError as error:
        out.send(
            (
                400,
                "application/json",
                json.dumps({"error": "malformed query", "detail": str(error)}),
            )
        )
    except Exception as error:  # the store or the engine failed: say so, as JSON
        out.send(
            (
                500,
                "application/json",
                json.dumps({"error": "query failed", "detail": f"{type(error).__name__}: {error}"}),
            )
        )
    finally:
        out.close()


def _run_blocking(options: ServerOptions, query: str, fmt: str) -> tuple[int, str, str]:
    context = multiprocessing.get_context("forkserver")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(
        target=_work, args=(str(options.store), query, fmt, options.max_rows, child), daemon=True
    )
    process.start()
    child.close()
    try:
        if parent.poll(options.timeout):
            try:
                return parent.recv()  # type: ignore[no-any-return]
            except EOFError:
                return (
                    500,
                    "application/json",
                    json.dumps(
                        {
                            "error": "query failed",
                            "detail": "the query process ended without a result",
                        }
                    ),
                )
        return (
            503,
            "application/json",
            json.dumps(
                {
                    "error": "query timed out",
                    "detail": f"stopped after {options.timeout:g} s; narrow the query or add LIMIT",
                }
            ),
        )
    finally:
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        parent.close()


def prepare_store(
    data: Path | None, store: Path | None
) -> tuple[Path, tempfile.TemporaryDirectory[str] | None]:
    """The store to serve: the given one, or a temporary one loaded from a build's TriG."""
    from unkg.sparql.store import fill_union, open_store

    if store is not None:
        open_store(store, read_only=True)  # refuses what is not an unkg store
        return store, None
    assert data is not None
    trig = data / "graph.trig" if data.is_dir() else data
    temporary = tempfile.TemporaryDirectory(prefix="unkg-serve-")
    path = Path(temporary.name) / "store"
    created = open_store(path, create=True)
    created.bulk_load(path=str(trig), format=__import__("pyoxigraph").RdfFormat.TRIG)
    fill_union(created)
    created.flush()
    del created
    return path, temporary


def create_app(options: ServerOptions):  # type: ignore[no-untyped-def]
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from unkg.sparql.pages import page_routes
    from unkg.sparql.query import named_queries

    gate = asyncio.Semaphore(options.workers)

    def error(status: int, message: str, detail: str = "") -> Response:
        return JSONResponse({"error": message, "detail": detail}, status_code=status)

    async def sparql(request: Request) -> Response:
        query: str | None = None
        if request.method == "GET":
            if "update" in request.query_params:
                return error(403, "updates are refused", "this endpoint is read-only")
            query = request.query_params.get("query")
        else:
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                return error(403, "updates are refused", "this endpoint is read-only")
            if kind == "application/sparql-query":
                query = (await request.body()).decode("utf-8", errors="replace")
            elif kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.form()
                if "update" in form:
                    return error(403, "updates are refused", "this endpoint is read-only")
                value = form.get("query")
                query = value if isinstance(value, str) else None
            else:
                return error(
                    415,
                    "unsupported content type",
                    "POST application/sparql-query or a form with a 'query' field",
                )
        if query is None:
            return error(400, "no query", "send a SPARQL query in the 'query' parameter")
        try:
            check_query(query)
        except QueryRefused as refused:
            return error(refused.status, refused.error, refused.detail)
        fmt = negotiate(request.headers.get("accept", ""))
        async with gate:
            status, content_type, body = await asyncio.to_thread(_run_blocking, options, query, fmt)
        return Response(body, status_code=status, media_type=content_type)

    async def queries(_: Request) -> Response:
        return JSONResponse(named_queries())

    async def update(_: Request) -> Response:
        return error(403, "updates are refused", "this endpoint is read-only")

    async def run(query: str, fmt: str) -> tuple[int, str, str]:
        """A query of the pages, run as the endpoint runs one."""
        async with gate:
            return await asyncio.to_thread(_run_blocking, options, query, fmt)

    routes = [
        *page_routes(run),  # the query page, its assets, the node pages /id/...
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", queries),
        Route("/update", update, methods=["GET", "POST"]),
    ]
    from unkg.sparql.guard import Guard, host_names

    return Guard(
        Starlette(routes=routes),
        names=host_names(options.host, options.allow_hosts),
        any_address=options.host in ("0.0.0.0", "::"),
        origins=frozenset(o.rstrip("/") for o in options.allow_origins),
    )


def serve(options: ServerOptions, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(options), host=host, port=port, log_level="warning")


def cleanup(temporary: tempfile.TemporaryDirectory[str] | None) -> None:
    if temporary is not None:
        shutil.rmtree(temporary.name, ignore_errors=True)
