"""A read-only SPARQL 1.1 Protocol endpoint over an unkg store, on Starlette and uvicorn.

* ``GET /sparql?query=...`` and ``POST /sparql`` (form field ``query`` or an
  ``application/sparql-query`` body); results as SPARQL JSON, XML, CSV or TSV by ``Accept``.
* Read-only: updates are refused, and so are federated queries (``SERVICE``): the endpoint
  never fetches anything from the network.
* Queries run in long-lived worker processes holding the store open read-only
  (``unkg.sparql.workers``): a query over the time limit is stopped (its worker replaced)
  while the others go on, and workers kept for cheap queries answer those while slow ones
  run; a result larger than the row limit is refused with a message saying to add ``LIMIT``.
* ``GET /`` is the query page and ``GET /id/...`` a node's page (``unkg.sparql.pages``).
* Only requests naming it (``Host``) and from its own pages or allowed origins are served
  (``unkg.sparql.guard``); queries are checked by ``unkg.sparql.safety`` before they run.

Errors are JSON: ``{"error": ..., "detail": ...}`` with a 4xx or 5xx status.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from unkg.sparql.safety import QueryRefused, check_query
from unkg.sparql.workers import Pool

__all__ = ["ServerOptions", "create_app", "prepare_store"]
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
    reserved: int = 2  # more workers, kept for queries that answered quickly before
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

    pool = Pool(
        str(options.store),
        options.timeout,
        options.max_rows,
        general=options.workers,
        reserved=options.reserved,
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

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
        status, content_type, body = await pool.run(query, fmt)
        return Response(body, status_code=status, media_type=content_type)

    async def queries(_: Request) -> Response:
        return JSONResponse(named_queries())

    async def update(_: Request) -> Response:
        return error(403, "updates are refused", "this endpoint is read-only")

    async def run(query: str, fmt: str) -> tuple[int, str, str]:
        """A query of the pages, run as the endpoint runs one."""
        return await pool.run(query, fmt)

    routes = [
        *page_routes(run),  # the query page, its assets, the node pages /id/...
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", queries),
        Route("/update", update, methods=["GET", "POST"]),
    ]
    from unkg.sparql.guard import Guard, host_names

    return Guard(
        Starlette(routes=routes, lifespan=lifespan),
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
