"""Named SPARQL queries (plain ``.rq`` files in ``unkg/queries``) run with pyoxigraph over the
union of a build's named graphs, and their results as a table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cmp_to_key
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from unkg.ontology.ns import XSD

__all__ = ["QueryResult", "load_data", "named_queries", "query_text", "render", "run_query"]


class QueryError(Exception):
    """A query that cannot run: unknown name, unreadable file, bad SPARQL."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def named_queries() -> dict[str, str]:
    """Name -> SPARQL text of every query shipped with unkg."""
    folder = resources.files("unkg.queries")
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def query_text(name_or_file: str) -> str:
    named = named_queries()
    if name_or_file in named:
        return named[name_or_file]
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{path}: cannot read the query: {error.strerror}") from None
    raise QueryError(
        f"unknown query {name_or_file!r}: give a .rq file or one of {', '.join(named)}"
    )


def _cut(text: str, opener: str, brackets: str) -> tuple[str, list[str]]:
    """The text without the parts ``opener`` starts (to the matching closing bracket), and
    those parts' contents: ``_cut(where, r"OPTIONAL\\s*\\{", "{}")``."""
    kept, parts, position = [], [], 0
    step = {brackets[0]: 1, brackets[1]: -1}
    for match in re.finditer(rf"\b{opener}", text, flags=re.IGNORECASE):
        if match.start() < position:
            continue
        kept.append(text[position : match.start()])
        depth, index = 1, match.end()
        while index < len(text) and depth:
            depth += step.get(text[index], 0)
            index += 1
        parts.append(text[match.end() : index - 1])
        position = index
    kept.append(text[position:])
    return "".join(kept), parts


def _optional_blocks(where: str) -> tuple[str, list[str]]:
    """A WHERE clause's text without its top-level OPTIONAL { ... } blocks, and the blocks'
    contents."""
    return _cut(where, r"OPTIONAL\s*\{", "{}")


def _outside_optionals(where: str) -> str:
    """The text of a WHERE clause without its OPTIONAL { ... } blocks."""
    return _optional_blocks(where)[0]


def _variables(text: str) -> set[str]:
    return set(re.findall(r"[?$](\w+)", text))


def _without_filters(block: str) -> str:
    """A group's text without its FILTER(...) expressions."""
    return _cut(block, r"FILTER\s*\(", "()")[0]


def _required_copy(where: str, name: str) -> str | None:
    """An OPTIONAL block that fills ``?name`` and can be made required when ``?name`` is
    bound: flat (no nested groups, no BIND), using no variable the rest of the query does
    not bind, and filtering only on variables its own patterns bind (a copy is a group of
    its own, where the query's other variables are unbound); so the copy constrains nothing
    but the rows the FILTER would keep anyway."""
    required, blocks = _optional_blocks(where)
    for block in blocks:
        if (
            "{" in block
            or re.search(r"\bBIND\b", block, flags=re.IGNORECASE)
            or not re.search(rf"[?$]{name}\b", block)
        ):
            continue
        patterns = _variables(_without_filters(block))
        if _variables(block) <= patterns and patterns <= _variables(required) | {name}:
            return block.strip()
    return None


def _term(value: str) -> str:
    if (
        re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+", value, flags=re.IGNORECASE)
        and "://" in value
    ):
        return f"<{value}>"
    return _literal(value)


def _literal(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _without_comments(sparql: str) -> str:
    """The query without its comment lines."""
    return "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))


def starts_from(sparql: str, name: str) -> bool:
    """Whether binding ``?name`` lets the query start from it (see :func:`bind`)."""
    text = _without_comments(sparql)
    where = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if where is None:
        return False
    required = _outside_optionals(text[where.end() : text.rfind("}")])
    return bool(re.search(rf"[?$]{name}\b", required)) and not re.search(
        rf"\bAS\s+[?$]{name}\b", text, flags=re.IGNORECASE
    )


def _optional_start(where: str, name: str, value: str) -> str | None:
    """For ``?name`` that an OPTIONAL block fills: the block as a required part starting
    from the value (the rows the FILTER keeps are those where the block matched it), or
    None when the copy could change the rows (see :func:`_required_copy`)."""
    copy = _required_copy(where, name)
    if copy is None:
        return None
    values = " ".join(dict.fromkeys((_term(value), _literal(value))))
    return f"VALUES ?{name} {{ {values} }}\n  {{ {copy} }}"


def _coalesce_start(sparql: str, where: str, name: str, value: str) -> str | None:
    """For ``?name`` computed as ``COALESCE(?a, STR(?b))`` (``document``: the symbol, else
    the document's IRI): a start from the value, or None (the FILTER alone).

    The rows kept have ``?a`` spelling the value, or ``?b`` the IRI it spells. A value that
    is not IRI-like can only be ``?a``'s unless it has a ':' (it might then be the text of
    an IRI of another form); an IRI-like value starts from two small branches, ``?b`` that
    IRI and ``?a`` that text, the second leaving the IRI out so no row is found twice."""
    found = re.search(
        rf"\bBIND\s*\(\s*COALESCE\s*\(\s*[?$](\w+)\s*,\s*STR\s*\(\s*[?$](\w+)\s*\)\s*\)"
        rf"\s*AS\s+[?$]{name}\s*\)",
        sparql,
        flags=re.IGNORECASE,
    )
    if found is None:
        return None
    text_of, node = found.groups()
    iri = _term(value)
    if not iri.startswith("<"):
        return None if ":" in value else _optional_start(where, text_of, value)
    copy = _required_copy(where, text_of)
    if copy is None or not starts_from(sparql, node):
        return None
    return (
        f"{{ VALUES ?{node} {{ {iri} }} }}\n  UNION\n  "
        f"{{ VALUES ?{text_of} {{ {_literal(value)} }}\n    {copy}\n"
        f"    FILTER(?{node} != {iri}) }}"
    )


def bind(sparql: str, bindings: dict[str, str]) -> str:
    """The query with variables given values: ``{"meeting": "https://..."}``.

    A variable the query always binds gets a VALUES block at the start of the WHERE clause,
    so the query starts from it (fast on a large store); one bound only in OPTIONAL parts
    gets a FILTER (VALUES would keep the rows where the OPTIONAL part found nothing), and so
    does one the query computes (``BIND(... AS ?var)``); a FILTER compares the column's text.
    A variable an OPTIONAL block fills also gets that block as a required part that starts
    from the value (see :func:`_required_copy`), so the FILTER does not scan the store; so
    does the first variable of a column computed as ``COALESCE(?a, STR(?b))`` (the topics
    of one document, by its symbol); a value that is an IRI starts from ``?b`` as well. VALUES
    match the value as an IRI or a plain string, as the FILTER's text would, except for a
    language-tagged or typed literal, which VALUES do not find by its text alone.
    """
    text = _without_comments(sparql)
    where = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if where is None:
        raise QueryError("--bind needs a query with a WHERE clause")
    body_end = text.rfind("}")
    head, filters = [], []
    for name, value in bindings.items():
        if not re.fullmatch(r"\w+", name) or not re.search(rf"[?$]{name}\b", text):
            raise QueryError(f"--bind {name}=...: the query has no variable ?{name}")
        if starts_from(text, name):
            head.append(f"VALUES ?{name} {{ {_term(value)} }}")
            continue
        # compared as text: a computed column may print an IRI as a string
        # (topics.document for a document without a symbol), and an IRI the same way
        filters.append(f"FILTER(STR(?{name}) = {_literal(value)})")
        computed = re.search(rf"\bAS\s+[?$]{name}\b", text, flags=re.IGNORECASE)
        where_body = text[where.end() : body_end]
        start = (
            _coalesce_start(text, where_body, name, value)
            if computed
            else _optional_start(where_body, name, value)
        )
        if start is not None:
            head.append(start)
    return (
        text[: where.end()]
        + "\n  "
        + "\n  ".join(head)
        + text[where.end() : body_end]
        + "\n  ".join(["", *filters])
        + "\n"
        + text[body_end:]
    )


def load_data(data: Path) -> ox.Store:
    """An in-memory store holding a build's ``graph.trig`` (one named graph per document)."""
    trig = data / "graph.trig" if data.is_dir() else data
    if not trig.exists():
        raise QueryError(f"{data}: no graph.trig here; run 'unkg build ... --out {data}' first")
    store = ox.Store()
    try:
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    except SyntaxError as error:
        raise QueryError(f"{trig}: not valid TriG: {error}") from None
    from unkg.sparql.store import fill_union

    fill_union(store)  # the default graph holds the union, each triple once (as in a store)
    return store


def _value(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


# the datatypes Oxigraph orders by their decimal value
_EXACT_NUMBERS = {
    XSD.iri + name
    for name in (
        "integer",
        "decimal",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# a query's closing ORDER BY of plain variables, with nothing after it (no LIMIT, OFFSET)
_ORDER_BY = re.compile(
    r"\bORDER\s+BY((?:\s*(?:[?$]\w+|(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)))+)\s*$", re.IGNORECASE
)


def _order_key(term: object) -> tuple[Any, ...] | None:
    """A term's place in SPARQL's ORDER BY as Oxigraph sorts it: (rank: unbound, blank
    node, IRI, literal; the kind of literal; the value it compares by within its kind; what
    Oxigraph compares literals of different kinds by: text, datatype, language). None for a
    literal whose kind's order is not copied here (floats, booleans, times ...)."""
    if term is None:
        return (0, "", "", None)
    if isinstance(term, ox.BlankNode):
        return (1, "", term.value, None)
    if isinstance(term, ox.NamedNode):
        return (2, "", term.value, None)
    if not isinstance(term, ox.Literal):
        return None
    value, datatype, language = term.value, term.datatype.value, term.language or ""
    across = (value, datatype, language)
    if language:  # compared by text with literals of the same language only
        return (3, "@" + language, value, across)
    if datatype == XSD.iri + "string":
        return (3, "string", value, across)
    if datatype in _EXACT_NUMBERS and _DECIMAL.fullmatch(value):
        return (3, "number", Decimal(value), across)
    if datatype == XSD.iri + "date" and _DATE.fullmatch(value):  # no time zone: text order
        return (3, "date", value, across)
    return None


def _compare(a: tuple[Any, ...], b: tuple[Any, ...]) -> int:
    """Oxigraph's comparison of two terms' :func:`_order_key`."""
    if a[0] != b[0]:
        return -1 if a[0] < b[0] else 1
    x, y = (a[2], b[2]) if a[1] == b[1] else (a[3], b[3])
    return -1 if x < y else 1 if x > y else 0


def _sorted_here(
    variables: Sequence[str], terms: list[tuple[object, ...]], order: Sequence[tuple[str, bool]]
) -> list[tuple[object, ...]] | None:
    """The rows in the ORDER BY's order (ties in their order), or None when a key is a
    literal of a kind whose order is not copied here."""
    positions = list(range(len(terms)))
    for name, ascending in reversed(order):  # stable sorts, the last key first
        column = variables.index(name)
        found = [_order_key(row[column]) for row in terms]
        keys = [key for key in found if key is not None]
        if len(keys) < len(found):
            return None
        kinds = {key[1] for key in keys if key[0] == 3}
        if len(kinds) > 1:  # literals of several kinds: compared pair by pair, as Oxigraph does
            by = cmp_to_key(_compare)
            positions.sort(key=lambda p: by(keys[p]), reverse=not ascending)
        else:
            positions.sort(key=keys.__getitem__, reverse=not ascending)
    return [terms[p] for p in positions]


def _solutions(store: ox.Store, sparql: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """A SELECT query's variables and rows of terms."""
    try:
        solutions = store.query(sparql)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries give a table; this query is ASK or CONSTRUCT")
    variables = tuple(v.value for v in solutions.variables)
    return variables, [tuple(solution[v] for v in variables) for solution in solutions]


def _result(variables: tuple[str, ...], terms: Sequence[tuple[Any, ...]]) -> QueryResult:
    return QueryResult(variables, tuple(tuple(_value(term) for term in row) for row in terms))


def run_query(store: ox.Store, sparql: str) -> QueryResult:
    """Run a SELECT query over the default graph, which holds the union of the named graphs.

    A closing ORDER BY of plain variables is done here on the rows rather than by Oxigraph,
    whose sort was 30-60 % of a selective named query (it reads each key's text from the
    store again); the order is the same, except among rows the ORDER BY ties, which SPARQL
    leaves free.
    """
    text = _without_comments(sparql)
    found = _ORDER_BY.search(text.rstrip())
    if found is None:
        return _run_in_oxigraph(store, sparql)
    order = [
        (name, not how or how.upper() == "ASC")
        for how, name in re.findall(
            r"(?:(ASC|DESC)\s*\(\s*)?[?$](\w+)", found.group(1), flags=re.IGNORECASE
        )
    ]
    variables, terms = _solutions(store, text[: found.start()])
    ordered = (
        _sorted_here(variables, terms, order)
        if all(name in variables for name, _ in order)
        else None
    )
    if ordered is None:  # Oxigraph sorts, as the query says
        return _run_in_oxigraph(store, sparql)
    return _result(variables, ordered)


def _run_in_oxigraph(store: ox.Store, sparql: str) -> QueryResult:
    """The query's rows as Oxigraph gives them (in the order of its ORDER BY, if any)."""
    return _result(*_solutions(store, sparql))


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def render(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(result.variables, row, strict=True)) for row in result.rows],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return buffer.getvalue()
    cells: list[list[str]] = [list(result.variables)]
    cells += [["" if value is None else value for value in row] for row in result.rows]
    widths = [min(60, max(_width(row[i]) for row in cells)) for i in range(len(result.variables))]
    lines = []
    for n, cell_row in enumerate(cells):
        shown = [(v if _width(v) <= 60 else v[:57] + "...") for v in cell_row]
        lines.append(
            "  ".join(
                v + " " * (w - _width(v)) for v, w in zip(shown, widths, strict=True)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines) + "\n"
