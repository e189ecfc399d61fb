"""A query's answer as the SPARQL 1.1 Protocol gives it: SPARQL JSON, XML, CSV or TSV
results, Turtle or N-Triples for CONSTRUCT and DESCRIBE, with a row limit."""

from __future__ import annotations

import html
import itertools
import json
from typing import Any

from unkg.sparql.safety import QueryRefused

__all__ = ["CONTENT_TYPES", "Answer", "answer", "failure"]

Answer = tuple[int, str, str]  # HTTP status, content type, body

CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
}


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


def failure(status: int, error: str, detail: str) -> Answer:
    return (status, "application/json", json.dumps({"error": error, "detail": detail}))


def _narrow(limit: int, what: str) -> str:
    return f"more than {limit} {what}; add LIMIT or narrow the query"


def answer(store: Any, query: str, fmt: str, max_rows: int) -> Answer:
    """Run one query over a store and give the answer, or the error, as HTTP would."""
    import pyoxigraph as ox

    try:
        result = store.query(query)  # the default graph holds the union, each triple once
        if isinstance(result, ox.QuerySolutions):
            kind = fmt if fmt in ("json", "xml", "csv", "tsv") else "json"
            variables = [v.value for v in result.variables]
            rows = [[s[v] for v in variables] for s in itertools.islice(result, max_rows + 1)]
            if len(rows) > max_rows:
                raise QueryRefused(413, "result too large", _narrow(max_rows, "rows"))
            return (200, CONTENT_TYPES[kind], _select(variables, rows, kind))
        if isinstance(result, ox.QueryBoolean):
            kind = fmt if fmt in ("json", "xml", "csv", "tsv") else "json"
            return (200, CONTENT_TYPES[kind], _boolean(bool(result), kind))
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise QueryRefused(413, "result too large", _narrow(max_rows, "triples"))
        kind = fmt if fmt in ("turtle", "ntriples") else "turtle"
        rdf_format = ox.RdfFormat.TURTLE if kind == "turtle" else ox.RdfFormat.N_TRIPLES
        written = ox.serialize(triples, format=rdf_format) or b""
        return (200, CONTENT_TYPES[kind], written.decode())
    except QueryRefused as refused:
        return failure(refused.status, refused.error, refused.detail)
    except SyntaxError as error:
        return failure(400, "malformed query", str(error))
    except Exception as error:  # the store or the engine failed: say so, as JSON
        return failure(500, "query failed", f"{type(error).__name__}: {error}")
