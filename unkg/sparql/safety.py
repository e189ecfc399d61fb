"""What a query may do here: read the store, nothing else.

A query is read twice before it runs, and refused if either reading finds a way out of the
store (``SERVICE``, which makes the engine fetch from the network) or a change to it (an
update, ``LOAD``), or if either cannot read it:

* by rdflib's SPARQL 1.1 parser, whose parse tree is searched for a ``SERVICE`` pattern at
  any depth (subqueries, ``FILTER EXISTS``, ``OPTIONAL``, ``MINUS``, ``UNION``);
* by a tokenizer of the SPARQL 1.1 grammar's terminals (section 19.8), which finds every
  keyword outside strings, IRIs and comments exactly as the grammar delimits them (escapes
  in prefixed names and strings included), so that the two parsers would have to misread
  the same text in the same way for a ``SERVICE`` to pass.

Both read the text after its ``\\u``/``\\U`` escapes are replaced, as the grammar says
(section 19.2), so an escaped keyword is seen as the keyword it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["QueryRefused", "check_query", "tokens", "unescape_codepoints"]


class QueryRefused(Exception):
    """A query unkg will not run; ``status`` is the HTTP status the endpoint answers with."""

    def __init__(self, status: int, error: str, detail: str = "") -> None:
        super().__init__(f"{error}: {detail}" if detail else error)
        self.status = status
        self.error = error
        self.detail = detail


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    r"""The query text with its codepoint escapes replaced, as a SPARQL parser reads it.

    >>> unescape_codepoints(r"SERV\u0049CE")
    'SERVICE'
    """

    def char(m: re.Match[str]) -> str:
        value = int(m.group(1) or m.group(2), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise QueryRefused(400, "malformed query", f"invalid escape {m.group(0)}")
        return chr(value)

    return _CODEPOINT.sub(char, text)


# The grammar's terminals (SPARQL 1.1, 19.8), longest first where one is a prefix of another.
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (
    rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
    rf"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_ECHAR = r"\\[tbnrf\\\"']"
_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<ws>[\x20\t\r\n]+)",
            r"(?P<comment>#[^\r\n]*)",
            r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
            rf"(?P<long1>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*''')",
            rf'(?P<long2>"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*""")',
            rf"(?P<string1>'(?:[^'\\\n\r]|{_ECHAR})*')",
            rf'(?P<string2>"(?:[^"\\\n\r]|{_ECHAR})*")',
            rf"(?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)",
            rf"(?P<bnode>_:(?:[{_PN_CHARS_U}0-9])(?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)",
            rf"(?P<var>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            r"(?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)",
            r"(?P<number>[+-]?(?:[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?))",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<punct>\^\^|\|\||&&|!=|<=|>=|[{}()\[\],;.*=<>!+\-/^|?a])",
        )
    )
)

# keywords that leave the store or change it; updates cannot be mixed into a query
_OUTSIDE = frozenset({"service"})
_UPDATES = frozenset(
    {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
)


def tokens(text: str) -> list[tuple[str, str]]:
    """The query's terminals as (kind, text), whitespace and comments left out; a character
    no terminal starts with is refused.

    >>> [t for t in tokens("SELECT * { ex:a\\\\' ?p 'x' }") if t[0] != "punct"]
    [('word', 'SELECT'), ('pname', "ex:a\\\\'"), ('var', '?p'), ('string1', "'x'")]
    """
    out = []
    position = 0
    while position < len(text):
        m = _TOKEN.match(text, position)
        if m is None or m.end() == position:
            raise QueryRefused(
                400, "malformed query", f"unexpected character {text[position]!r} at {position}"
            )
        kind = m.lastgroup or ""
        if kind not in ("ws", "comment"):
            out.append((kind, m.group()))
        position = m.end()
    return out


def _service_in(tree: Any) -> bool:
    """Whether rdflib's parse tree holds a SERVICE pattern at any depth."""
    stack = [tree]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if getattr(node, "name", None) == "ServiceGraphPattern":
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
        elif hasattr(node, "asList"):  # pyparsing results
            stack.extend(node.asList())
    return False


def _parsed(text: str) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except Exception:
            raise QueryRefused(400, "malformed query", _one_line(str(error))) from None
        raise QueryRefused(403, "updates are refused", "this endpoint is read-only") from None
    except Exception as error:  # rdflib refuses what it cannot read: so does unkg
        raise QueryRefused(400, "malformed query", _one_line(str(error))) from None


def _one_line(message: str) -> str:
    return " ".join(message.split())[:300]


@lru_cache(maxsize=2048)
def check_query(text: str) -> None:
    """Refuse, with the reason, a query that would leave the store or change it.

    >>> check_query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    >>> check_query("SELECT * { SERV\\\\u0049CE <http://127.0.0.1/> { ?s ?p ?o } }")
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    unkg.sparql.safety.QueryRefused: federated queries are refused
    """
    if not text.strip():
        raise QueryRefused(400, "empty query", "send a SPARQL query in the 'query' parameter")
    plain = unescape_codepoints(text)
    words = {value.lower() for kind, value in tokens(plain) if kind == "word"}
    tree = _parsed(plain)
    if words & _OUTSIDE or _service_in(tree):
        raise QueryRefused(
            403,
            "federated queries are refused",
            "SERVICE would fetch from the network; unkg never does",
        )
    if words & _UPDATES:
        raise QueryRefused(403, "updates are refused", "this endpoint is read-only")
