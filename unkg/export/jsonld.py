"""JSON-LD 1.1, compacted with unkg's own context.

The context is generated from the ontology (``unkg.ttl``): one term per unkg class and
property, typed by the property's kind and range, plus terms for the standard vocabulary
terms the mapping writes and prefixes for the vocabularies and for the base IRI's folders.
It is embedded in the output and written beside it as ``context.jsonld``; nothing is ever
fetched. The writer groups the triples by subject and writes each value in the form the
context gives its term, or as an explicit value object when it does not fit, so the output
expands to exactly the graph it came from.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import pyoxigraph as ox

from unkg.ontology import ontology_path
from unkg.rdf.graph import Row, rows
from unkg.rdf.iri import folder_prefixes

__all__ = [
    "context",
    "jsonld_document",
    "jsonld_nodes",
    "jsonld_nodes_of",
    "node_lines",
    "write_context",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

# Standard terms the mapping writes, with the JSON-LD term that names them and the type of
# their values ("@id" for resources, a datatype, or None for strings and language strings).
STANDARD_TERMS: dict[str, tuple[str, str | None]] = {
    "name": ("https://schema.org/name", None),
    "startDate": ("https://schema.org/startDate", XSD + "date"),
    "endDate": ("https://schema.org/endDate", XSD + "date"),
    "location": ("https://schema.org/location", "@id"),
    "superEvent": ("https://schema.org/superEvent", "@id"),
    "containedInPlace": ("https://schema.org/containedInPlace", "@id"),
    "prefLabel": ("http://www.w3.org/2004/02/skos/core#prefLabel", None),
    "altLabel": ("http://www.w3.org/2004/02/skos/core#altLabel", None),
    "notation": ("http://www.w3.org/2004/02/skos/core#notation", None),
    "definition": ("http://www.w3.org/2004/02/skos/core#definition", None),
    "inScheme": ("http://www.w3.org/2004/02/skos/core#inScheme", "@id"),
    "topConceptOf": ("http://www.w3.org/2004/02/skos/core#topConceptOf", "@id"),
    "broader": ("http://www.w3.org/2004/02/skos/core#broader", "@id"),
    "exactMatch": ("http://www.w3.org/2004/02/skos/core#exactMatch", "@id"),
    "closeMatch": ("http://www.w3.org/2004/02/skos/core#closeMatch", "@id"),
    "title": ("http://purl.org/dc/terms/title", None),
    "date": ("http://purl.org/dc/terms/date", XSD + "date"),
    "language": ("http://purl.org/dc/terms/language", "@id"),
    "subject": ("http://purl.org/dc/terms/subject", "@id"),
    "isPartOf": ("http://purl.org/dc/terms/isPartOf", "@id"),
    "cites": ("http://purl.org/spar/cito/cites", "@id"),
    "member": ("http://www.w3.org/ns/org#member", "@id"),
    "role": ("http://www.w3.org/ns/org#role", "@id"),
    "hasMember": ("http://www.w3.org/ns/org#hasMember", "@id"),
    "subOrganizationOf": ("http://www.w3.org/ns/org#subOrganizationOf", "@id"),
    "personName": ("http://xmlns.com/foaf/0.1/name", None),
    "number": ("http://data.europa.eu/eli/ontology#number", None),
    "passedBy": ("http://data.europa.eu/eli/ontology#passed_by", "@id"),
    "hasRealization": ("https://w3id.org/akn/ontology/allot/hasRealization", "@id"),
    "wasGeneratedBy": ("http://www.w3.org/ns/prov#wasGeneratedBy", "@id"),
    "hasBody": ("http://www.w3.org/ns/oa#hasBody", "@id"),
    "hasTarget": ("http://www.w3.org/ns/oa#hasTarget", "@id"),
    "hasSource": ("http://www.w3.org/ns/oa#hasSource", "@id"),
    "hasSelector": ("http://www.w3.org/ns/oa#hasSelector", "@id"),
    "start": ("http://www.w3.org/ns/oa#start", XSD + "nonNegativeInteger"),
    "end": ("http://www.w3.org/ns/oa#end", XSD + "nonNegativeInteger"),
    "exact": ("http://www.w3.org/ns/oa#exact", None),
    "statementSubject": ("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", "@id"),
    "statementPredicate": ("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate", "@id"),
    "statementObject": ("http://www.w3.org/1999/02/22-rdf-syntax-ns#object", None),
}
PREFIXES = {
    "unkg": "https://w3id.org/unkg/ontology#",
    "undo": "https://w3id.org/un/ontology/undo/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "allot": "https://w3id.org/akn/ontology/allot/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": XSD,
}


@cache
def _iri(term: object) -> str:
    return str(getattr(term, "value", ""))


def _ontology_terms() -> tuple[tuple[str, str, str | None], ...]:
    """(term, IRI, value type) of every unkg class and property, from unkg.ttl."""
    kinds: dict[str, set[str]] = defaultdict(set)
    ranges: dict[str, str] = {}
    for quad in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
        subject = quad.subject
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(PREFIXES["unkg"]):
            continue
        if quad.predicate.value == RDF_TYPE:
            kinds[subject.value].add(_iri(quad.object))
        elif quad.predicate.value == "http://www.w3.org/2000/01/rdf-schema#range":
            ranges[subject.value] = _iri(quad.object)
    terms: list[tuple[str, str, str | None]] = []
    for iri, types in sorted(kinds.items()):
        local = iri[len(PREFIXES["unkg"]) :]
        if OWL + "ObjectProperty" in types:
            terms.append((local, iri, "@id"))
        elif OWL + "DatatypeProperty" in types:
            kind = ranges.get(iri)
            terms.append((local, iri, kind if kind in (XSD + "date", XSD + "integer") else None))
        else:
            terms.append((local, iri, None))
    return tuple(terms)


def _all_terms() -> dict[str, tuple[str, str | None]]:
    terms = {term: (iri, kind) for term, iri, kind in _ontology_terms()}
    for term, spec in STANDARD_TERMS.items():
        if term in terms:
            raise ValueError(f"JSON-LD term {term!r} would name two IRIs")
        terms[term] = spec
    return terms


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def context(base: str = "https://w3id.org/unkg/") -> dict[str, Any]:
    """The JSON-LD context: prefixes, the base IRI's folders, and one term per vocabulary
    term the graph uses."""
    body: dict[str, Any] = {"@version": 1.1, "id": "@id", "type": "@type"}
    body.update(PREFIXES)
    for name, namespace in folder_prefixes(base).items():
        if name in body:
            raise ValueError(f"JSON-LD prefix {name!r} would name two namespaces")
        body[name] = {"@id": namespace, "@prefix": True}
    for term, (iri, kind) in sorted(_all_terms().items()):
        if term in body:
            raise ValueError(f"JSON-LD term {term!r} clashes with a prefix")
        if kind is None:
            body[term] = _short(iri)
        else:
            body[term] = {"@id": _short(iri), "@type": _short(kind) if kind != "@id" else "@id"}
    return {"@context": body}


def write_context(base: str = "https://w3id.org/unkg/") -> str:
    return json.dumps(context(base), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


class _Compactor:
    def __init__(self, base: str) -> None:
        self.by_iri: dict[str, tuple[str, str | None]] = {}
        for term, (iri, kind) in _all_terms().items():
            self.by_iri.setdefault(iri, (term, kind))
        prefixes = [(namespace, prefix) for prefix, namespace in PREFIXES.items()]
        prefixes += [(namespace, name) for name, namespace in folder_prefixes(base).items()]
        self.prefixes = sorted(prefixes, key=lambda p: -len(p[0]))
        self.by_namespace = {namespace: prefix for namespace, prefix in prefixes}
        self.memo: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """The IRI as prefix:local with the longest namespace that fits, else as it is."""
        found = self.memo.get(iri)
        if found is not None:
            return found
        found = iri
        # namespaces end at a '/' or '#': try each such cut, longest namespace first
        cut = len(iri) - 1
        while cut > 0:
            cut = max(iri.rfind("/", 0, cut), iri.rfind("#", 0, cut))
            if cut < 0:
                break
            prefix = self.by_namespace.get(iri[: cut + 1])
            if prefix is not None and not iri[cut + 1 :].startswith("//"):
                found = f"{prefix}:{iri[cut + 1 :]}"
                break
        if len(self.memo) < 100_000:
            self.memo[iri] = found
        return found

    def term_type(self, iri: str) -> str:
        found = self.by_iri.get(iri)
        if found and found[1] is None and iri.startswith(PREFIXES["unkg"]):
            return found[0]  # a class of ours: its term
        return self.iri(iri)

    def value(self, term: str | None, kind: str | None, value: ox.NamedNode | ox.Literal) -> Any:
        if isinstance(value, ox.NamedNode):
            if kind == "@id":
                return self.iri(value.value)
            return {"@id": self.iri(value.value)}
        if value.language:
            return {"@value": value.value, "@language": value.language}
        datatype = value.datatype.value
        if kind not in (None, "@id") and datatype == kind:
            return value.value
        if datatype == XSD + "string" and kind is None:
            return value.value
        return {"@value": value.value, "@type": self.iri(datatype)}


def jsonld_document(
    triples: Iterable[ox.Triple], base: str = "https://w3id.org/unkg/"
) -> dict[str, Any]:
    """A compacted JSON-LD document of a graph (its triples grouped by subject)."""
    document: dict[str, Any] = dict(context(base))
    document["@graph"] = jsonld_nodes(triples, base)
    return document


@cache
def _compactor(base: str) -> _Compactor:
    return _Compactor(base)


def jsonld_nodes(
    triples: Iterable[ox.Triple], base: str = "https://w3id.org/unkg/"
) -> list[dict[str, Any]]:
    """The node objects of a graph, compacted with the unkg context, in IRI order.

    Node objects of several graphs may be concatenated into one ``@graph``: a node that
    appears in two of them (a State both documents name) expands to the union."""
    return jsonld_nodes_of(rows(triples), base)


def _order_key(value: Any) -> str:
    """A value's JSON text, by which several values of a key are ordered."""
    if isinstance(value, str) and '"' not in value and "\\" not in value and value.isprintable():
        return f'"{value}"'  # what json.dumps writes for it, without the call
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def jsonld_nodes_of(
    found: Iterable[Row], base: str = "https://w3id.org/unkg/"
) -> list[dict[str, Any]]:
    """:func:`jsonld_nodes` of a graph's rows."""
    compactor = _compactor(base)
    by_iri = compactor.by_iri
    compact_iri, compact_value, term_type = compactor.iri, compactor.value, compactor.term_type
    named_node = ox.NamedNode
    nodes: dict[str, dict[str, list[Any]]] = {}
    for subject, subject_iri, predicate, obj in found:
        entry = nodes.get(subject_iri)
        if entry is None:
            if not isinstance(subject, named_node):
                raise ValueError("blank nodes are not written: the unkg graph has none")
            entry = nodes[subject_iri] = {}
        if predicate == RDF_TYPE and isinstance(obj, named_node):
            key, value = "type", term_type(obj.value)
        else:
            term, kind = by_iri.get(predicate, (None, None))
            if term is not None:
                key = term
                if kind == "@id" and isinstance(obj, named_node):
                    value = compact_iri(obj.value)  # the commonest case, without a call
                else:
                    value = compact_value(term, kind, obj)  # type: ignore[arg-type]
            else:
                key = compact_iri(predicate)
                value = compact_value(None, None, obj)  # type: ignore[arg-type]
        values = entry.get(key)
        if values is None:
            entry[key] = [value]
        else:
            values.append(value)
    graph = []
    for iri in sorted(nodes):
        node: dict[str, Any] = {"id": compact_iri(iri)}
        entry = nodes[iri]
        keys = sorted(entry)
        if "type" in entry:  # "type" first, then the keys in order
            keys.remove("type")
            keys.insert(0, "type")
        for key in keys:
            values = entry[key]
            node[key] = values[0] if len(values) == 1 else sorted(values, key=_order_key)
        graph.append(node)
    return graph


def node_lines(nodes: Iterable[dict[str, Any]]) -> str:
    """Node objects as JSON, one per line (as ``json.dumps`` with ``ensure_ascii=False``
    and the separators ", " and ": " writes each), with one encoder kept for them all."""
    encode = _line_encoder()
    return "".join([encode(node) + "\n" for node in nodes])


@cache
def _line_encoder() -> Callable[[Any], str]:
    return json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
