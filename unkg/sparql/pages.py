"""The endpoint's pages for people: the query page (YASGUI, served from the package) and a
page for each node of the graph.

* ``GET /`` — the query page: syntax highlighting, unkg's prefixes, the named queries as
  examples, results as a table whose IRIs open node pages, CONSTRUCT and DESCRIBE results
  as Turtle, downloads (CSV, the raw JSON or Turtle), a permalink of the query.
* ``GET /assets/NAME`` — YASGUI's script and stylesheet, their licences, the page script.
* ``GET /id/...`` — the node ``BASE + "id/..."``: HTML for a browser (its facts, what points
  at it, and the text each fact was read from), Turtle or JSON-LD for a client (by
  ``Accept``, or ``?format=turtle|jsonld|ntriples``).

Every query goes through the endpoint's own runner (the ``run`` given to
:func:`page_routes`), with its time limit and row limit.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import quote

__all__ = ["ASSETS", "Run", "node_format", "page_routes"]

# (query, format) -> (status, content type, body), as the endpoint runs a query
Run = Callable[[str, str], Awaitable[tuple[int, str, str]]]

ASSETS = {
    "yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui.min.css": "text/css; charset=utf-8",
    "query.js": "text/javascript; charset=utf-8",
    "LICENSES.md": "text/markdown; charset=utf-8",
}
NODE_TYPES = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
    "html": "text/html; charset=utf-8",
}
_ACCEPT = (
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/n-triples", "ntriples"),
)
# characters an IRI cannot hold in SPARQL's <...>
_UNSAFE = re.compile(r"[\s<>\"{}|\\^`]")
_LABELS = "skos:prefLabel|schema:name|foaf:name|unkg:symbol|dcterms:title"


# the reified triples of the evidence point at what their facts are about: not shown as links
def _not_evidence(variable: str) -> str:
    return (
        f"FILTER({variable} NOT IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>, "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>))"
    )


MAX_INCOMING = 500
MAX_OUTGOING = 2000
START_QUERY = """SELECT ?resolution ?symbol WHERE {
  ?resolution a undo:Resolution ; unkg:symbol ?symbol .
}
ORDER BY ?symbol
LIMIT 50
"""


def node_format(accept: str, asked: str | None = None) -> str | None:
    """What a node page answers: ``html``, ``turtle``, ``jsonld`` or ``ntriples``.

    ``asked`` (``?format=``) wins; else the ``Accept`` media type with the highest
    quality, the first of equals; HTML when nothing is said. None for a format asked by name
    that there is not.

    >>> node_format("text/turtle;q=0.9, application/ld+json")
    'jsonld'
    >>> node_format("*/*"), node_format("", "ttl")
    ('html', 'turtle')
    """
    if asked is not None:
        names = {"ttl": "turtle", "json": "jsonld", "nt": "ntriples", "json-ld": "jsonld"}
        name = names.get(asked.lower(), asked.lower())
        return name if name in NODE_TYPES else None
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.lower().split(",")):
        media, _, params = part.strip().partition(";")
        found = re.search(r"q=([0-9.]+)", params)
        quality = float(found.group(1)) if found else 1.0
        for known, fmt in _ACCEPT:
            if media.strip() == known and (best is None or (quality, -position) > best[:2]):
                best = (quality, -position, fmt)
    return best[2] if best else "html"


def _prefix_block(names: tuple[str, ...] | None = None) -> str:
    from unkg.ontology.ns import PREFIXES

    return "".join(
        f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if names is None or p in names
    )


def _curie(iri: str) -> str:
    from unkg.ontology.ns import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _asset(name: str) -> str:
    return (resources.files("unkg.sparql.assets") / name).read_text(encoding="utf-8")


def query_page(root: str, base: str) -> str:
    from unkg.ontology.ns import PREFIXES
    from unkg.sparql.query import named_queries

    queries = named_queries()
    options = "".join(
        f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in queries
    )
    config = json.dumps(
        {
            "root": root,
            "base": base,
            "prefixes": PREFIXES,
            "queries": queries,
            "start": _prefix_block(("undo", "unkg")) + "\n" + START_QUERY,
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")
    parts = {"root": html.escape(root), "options": options, "config": config}
    return re.sub(r"\{(root|options|config)\}", lambda m: parts[m.group(1)], _asset("query.html"))


def describe_query(iri: str) -> str:
    """The node's triples and up to ``MAX_INCOMING`` that point at it."""
    return (
        f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ "
        f"{{ <{iri}> ?p ?o }} UNION {{ SELECT ?s ?q WHERE {{ ?s ?q <{iri}> "
        f"{_not_evidence('?q')} }} LIMIT {MAX_INCOMING} }} }}"
    )


def _bindings(body: str) -> list[dict[str, dict[str, str]]]:
    data = json.loads(body)
    return list(data.get("results", {}).get("bindings", []))


def _preferred(labels: list[tuple[str, str]]) -> str | None:
    """English, then Arabic, then any: the label a page shows for a thing."""
    for wanted in ("en", "ar", ""):
        for language, value in labels:
            if language == wanted:
                return value
    return labels[0][1] if labels else None


def _lang(text: str) -> str:
    return ' lang="ar" dir="rtl"' if re.search(r"[\u0600-\u06ff]", text) else ' dir="auto"'


class _NodePage:
    def __init__(self, iri: str, root: str, base: str) -> None:
        self.iri, self.root, self.base = iri, root, base

    def href(self, iri: str) -> str:
        if iri.startswith(self.base + "id/"):
            return self.root + "id/" + quote(iri[len(self.base) + 3 :], safe="/()#,.;:=@!$&'*+-_~")
        return iri

    def link(self, iri: str, label: str | None) -> str:
        text = label or _curie(iri)
        return f'<a href="{html.escape(self.href(iri))}"{_lang(text)}>{html.escape(text)}</a>'

    def value(self, term: dict[str, str], label: str | None) -> str:
        if term["type"] == "uri":
            return self.link(term["value"], label)
        text = term["value"]
        note = ""
        if "xml:lang" in term:
            note = f' <span class="note">@{html.escape(term["xml:lang"])}</span>'
        elif "datatype" in term:
            note = f' <span class="note">{html.escape(_curie(term["datatype"]))}</span>'
        return f"<span{_lang(text)}>{html.escape(text)}</span>{note}"


async def node_html(run: Run, iri: str, root: str, base: str) -> tuple[int, str]:
    from unkg.sparql.query import bind, named_queries

    prefixes = _prefix_block()
    out_query = (
        f"{prefixes}SELECT ?p ?o ?label WHERE {{ <{iri}> ?p ?o "
        f"OPTIONAL {{ ?o {_LABELS} ?label }} }} LIMIT {MAX_OUTGOING}"
    )
    in_query = (
        f"{prefixes}SELECT ?s ?p ?label WHERE {{ {{ SELECT ?s ?p WHERE {{ ?s ?p <{iri}> "
        f"{_not_evidence('?p')} }} "
        f"LIMIT {MAX_INCOMING} }} OPTIONAL {{ ?s {_LABELS} ?label }} }}"
    )
    status, _, out_body = await run(out_query, "json")
    if status != 200:
        return status, out_body
    outgoing = _bindings(out_body)
    status, _, in_body = await run(in_query, "json")
    incoming = _bindings(in_body) if status == 200 else []
    if not outgoing and not incoming:
        return 404, ""
    evidence_query = bind(named_queries()["evidence"], {"subject": iri})
    status, _, evidence_body = await run(evidence_query, "json")
    evidence = _bindings(evidence_body) if status == 200 else []
    page = _NodePage(iri, root, base)

    facts: dict[tuple[str, str], dict[str, Any]] = {}
    labels_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    own: list[tuple[str, str]] = []
    for row in outgoing:
        p, o = row["p"]["value"], row["o"]
        facts.setdefault((p, json.dumps(o, sort_keys=True)), {"p": p, "o": o})
        if "label" in row and o["type"] == "uri":
            pair = (row["label"].get("xml:lang", ""), row["label"]["value"])
            if pair not in labels_of[o["value"]]:
                labels_of[o["value"]].append(pair)
        if o["type"] == "literal" and p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] in (
            "prefLabel",
            "name",
            "symbol",
        ):
            own.append((o.get("xml:lang", ""), o["value"]))
    title = _preferred(own) or _curie(iri)
    quotes: dict[tuple[str, str], list[dict[str, dict[str, str]]]] = defaultdict(list)
    for row in evidence:
        obj = row["object"]
        quotes[row["predicate"]["value"], obj["value"]].append(row)

    body = ["<h2>facts</h2><table>"]
    previous: tuple[tuple[str, str, str], ...] = ()
    for fact in sorted(facts.values(), key=lambda f: (_curie(f["p"]), f["o"]["value"])):
        p, o = fact["p"], fact["o"]
        cell = page.value(o, _preferred(labels_of.get(o["value"], [])))
        rows = quotes.get((p, o["value"]), [])
        spans = tuple(
            (r.get("document", {}).get("value", ""), r["start"]["value"], r["end"]["value"])
            for r in rows
        )
        if spans and spans == previous:  # one fact of the text states several triples
            cell += '<span class="note">read from the same text as the fact above</span>'
            rows = []
        previous = spans or previous
        for row in rows[:4]:
            where = " · ".join(
                x
                for x in (
                    row.get("document", {}).get("value", ""),
                    row.get("paragraph", {}).get("value", "").rsplit("#", 1)[-1],
                    "characters {}–{}".format(
                        row.get("start", {}).get("value", "?"), row.get("end", {}).get("value", "?")
                    ),
                )
                if x
            )
            text = row["quote"]["value"]
            cell += (
                f'<span class="quote"{_lang(text)}>{html.escape(text)}</span>'
                f'<span class="where">{html.escape(where)}</span>'
            )
        body.append(f"<tr><td>{html.escape(_curie(p))}</td><td>{cell}</td></tr>")
    body.append("</table>")
    if incoming:
        sources: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for row in incoming:
            key = (row["p"]["value"], row["s"]["value"])
            sources.setdefault(key, [])
            if "label" in row:
                sources[key].append((row["label"].get("xml:lang", ""), row["label"]["value"]))
        body.append(f"<h2>what points at it ({len(sources)})</h2><table>")
        for (p, s), names in sorted(sources.items(), key=lambda x: (_curie(x[0][0]), x[0][1])):
            body.append(
                f"<tr><td>{html.escape(_curie(p))} of</td>"
                f"<td>{page.link(s, _preferred(names))}</td></tr>"
            )
        body.append("</table>")
        if len(incoming) >= MAX_INCOMING:
            body.append(f'<p class="note">The first {MAX_INCOMING} are shown.</p>')
    parts = {
        "title": html.escape(title),
        "title_lang": _lang(title),
        "iri": html.escape(iri),
        "root": html.escape(root),
        "body": "\n".join(body),
    }
    text = re.sub(
        r"\{(title_lang|title|iri|root|body)\}", lambda m: parts[m.group(1)], _asset("node.html")
    )
    return 200, text


def page_routes(run: Run, base: str | None = None) -> list[Any]:
    """The routes of the query page, its assets and the node pages, for Starlette."""
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    from unkg.rdf.iri import DEFAULT_BASE

    base = base or DEFAULT_BASE

    def root_of(request: Request) -> str:
        return str(request.scope.get("root_path", "")).rstrip("/") + "/"

    async def home(request: Request) -> Response:
        return HTMLResponse(query_page(root_of(request), base))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return JSONResponse({"error": "not found", "detail": name}, status_code=404)
        return Response(
            _asset(name),
            media_type=ASSETS[name],
            headers={"Cache-Control": "public, max-age=3600"},
        )

    async def node(request: Request) -> Response:
        iri = base + "id/" + request.path_params["path"]
        if _UNSAFE.search(iri):
            return JSONResponse(
                {"error": "not an IRI", "detail": "the path holds characters an IRI cannot"},
                status_code=400,
            )
        fmt = node_format(request.headers.get("accept", ""), request.query_params.get("format"))
        if fmt is None:
            return JSONResponse(
                {"error": "unknown format", "detail": "format is turtle, jsonld or ntriples"},
                status_code=406,
            )
        vary = {"Vary": "Accept"}
        if fmt == "html":
            status, text = await node_html(run, iri, root_of(request), base)
            if status == 404:
                return HTMLResponse(
                    f"<!doctype html><title>not found</title><p>Nothing is known of "
                    f"{html.escape(iri)}.</p>",
                    status_code=404,
                    headers=vary,
                )
            if status != 200:
                return Response(text, status_code=status, media_type="application/json")
            return HTMLResponse(text, headers=vary)
        wanted = "turtle" if fmt == "turtle" else "ntriples"
        status, kind, text = await run(describe_query(iri), wanted)
        if status != 200:
            return Response(text, status_code=status, media_type=kind)
        if not text.strip():
            return JSONResponse({"error": "not found", "detail": iri}, status_code=404)
        if fmt == "jsonld":
            text = _jsonld(text)
        return Response(text, media_type=NODE_TYPES[fmt], headers=vary)

    return [
        Route("/", home),
        Route("/assets/{name}", asset),
        Route("/id/{path:path}", node),
    ]


def _jsonld(ntriples: str) -> str:
    import pyoxigraph as ox

    from unkg.ontology.ns import PREFIXES

    triples = list(ox.parse(ntriples.encode(), format=ox.RdfFormat.N_TRIPLES))
    written = ox.serialize(triples, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES) or b""
    return written.decode()
