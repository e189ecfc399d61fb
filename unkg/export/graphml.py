"""GraphML of the entity graph (evidence left out) for Gephi, Cytoscape or yEd.

Nodes are the graph's resources except the evidence apparatus (annotations, reified
triples, spans and selectors, paragraphs, text versions); each has its type and its Arabic
and English labels. Edges are the links between them, labelled with the property's short
name. A build writes the file from per-document parts (:func:`write_graphml_parts`): the
nodes' types and labels and the edges are streamed from sorted runs, each node's attributes
merged as its lines go by, so no whole graph (nor all its nodes) is ever held.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from unkg.export.jsonld import PREFIXES
from unkg.rdf.graph import Row, rows

__all__ = [
    "edge_lines",
    "entity_parts",
    "entity_parts_of",
    "merged_nodes",
    "node_lines",
    "write_graphml_parts",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
EVIDENCE_TYPES = {
    "http://www.w3.org/ns/oa#Annotation",
    "http://www.w3.org/ns/oa#SpecificResource",
    "http://www.w3.org/ns/oa#TextPositionSelector",
    "http://www.w3.org/ns/oa#TextQuoteSelector",
    "https://w3id.org/unkg/ontology#Paragraph",
    "https://w3id.org/un/ontology/undo/DocumentVersion",
}
LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
    "https://w3id.org/unkg/ontology#symbol",
    "http://www.w3.org/2004/02/skos/core#notation",
)
REIFIED = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"  # marks a reified triple
SKIPPED = {"http://www.w3.org/ns/prov#wasGeneratedBy"}


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def entity_parts(triples: Iterable[ox.Triple]) -> dict[str, Any]:
    """One graph's share of the entity graph, as JSON-ready data: each node's types, its
    ranked labels, and the links between entities. A build computes it per document and
    merges the parts (:func:`write_graphml_parts`), so the whole corpus is never held as triples."""
    return entity_parts_of(rows(triples))


def entity_parts_of(found: Iterable[Row]) -> dict[str, Any]:
    """:func:`entity_parts` of a graph's rows (one pass over them)."""
    types: dict[str, list[str]] = {}
    reified = set()
    # each node's best label per language, with its rank (the first label property of
    # LABELS wins, then the smallest text)
    best: dict[str, dict[str, tuple[int, str]]] = {}
    links = []
    for subject, s, p, o in found:
        if p == RDF_TYPE:
            if isinstance(subject, ox.NamedNode):
                types.setdefault(s, []).append(o.value)
            continue
        if p == REIFIED:
            reified.add(s)
        if not isinstance(subject, ox.NamedNode):
            continue
        if isinstance(o, ox.NamedNode):
            if p not in SKIPPED:
                links.append((s, o.value, p))
        elif isinstance(o, ox.Literal) and p in LABELS:
            language = o.language
            key = f"label_{language}" if language in ("ar", "en") else "label_other"
            rank = (LABELS.index(p), o.value)
            current = best.setdefault(s, {})
            if key not in current or rank < current[key]:
                current[key] = rank
    hidden = reified | {s for s, ts in types.items() if EVIDENCE_TYPES & set(ts)}
    edges = {(s, o, _short(p)) for s, o, p in links if s not in hidden and o not in hidden}
    nodes = {s for s, _, _ in edges} | {o for _, o, _ in edges}
    return {
        "types": {n: sorted(set(ts)) for n, ts in sorted(types.items()) if n in nodes},
        "labels": {
            n: {k: list(v) for k, v in sorted(found.items())}
            for n, found in sorted(best.items())
            if n in nodes
        },
        "edges": sorted(edges),
    }


# The GraphML keys, in the order networkx declares them for this graph's attributes.
_NODE_KEYS = ("type", "label", "label_ar", "label_en", "label_other")
_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    '<key id="d5" for="edge" attr.name="label" attr.type="string"/>\n'
    + "".join(
        f'<key id="d{i}" for="node" attr.name="{name}" attr.type="string"/>\n'
        for i, name in reversed(list(enumerate(_NODE_KEYS)))
    )
    + '<graph edgedefault="directed">'
)


def merged_nodes(parts: Iterable[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Each node of the parts (an edge's end) with its merged type and best labels."""
    types: dict[str, set[str]] = {}
    best: dict[str, dict[str, tuple[int, str]]] = {}
    for part in parts:
        for s, o, _ in part["edges"]:
            types.setdefault(s, set())
            types.setdefault(o, set())
        for node, found in part["types"].items():
            types.setdefault(node, set()).update(found)
        for node, found in part["labels"].items():
            current = best.setdefault(node, {})
            for key, (rank, text) in found.items():
                if key not in current or (rank, text) < current[key]:
                    current[key] = (rank, text)
    return {node: _node_attributes(node, types[node], best.get(node, {})) for node in types}


def _node_attributes(
    node: str, types: set[str], best: dict[str, tuple[int, str]]
) -> dict[str, str]:
    """A node's GraphML attributes: its types, its best label per language, and the label
    shown (English, else Arabic, else another, else the short IRI)."""
    attributes = {"type": ", ".join(sorted(_short(t) for t in types))}
    attributes.update({k: v[1] for k, v in sorted(best.items())})
    attributes["label"] = (
        attributes.get("label_en")
        or attributes.get("label_ar")
        or attributes.get("label_other")
        or _short(node)
    )
    return attributes


def edge_lines(part: dict[str, Any]) -> list[bytes]:
    """One part's edges as JSON lines, for merging with the other parts'."""
    return [json.dumps(edge, ensure_ascii=False).encode() + b"\n" for edge in part["edges"]]


def node_lines(part: dict[str, Any]) -> list[bytes]:
    """One part's nodes as lines ``node TAB what``, for merging with the other parts': a
    node's presence, each of its types, each of its ranked labels. A tab sorts before any
    character an IRI may hold, so merged lines come node by node in the order of the
    nodes' IRIs, and a node's lines together."""
    lines = {f"{n}\t".encode() + b"\n" for edge in part["edges"] for n in edge[:2]}
    lines.update(
        f"{node}\tt\t{kind}\n".encode() for node, kinds in part["types"].items() for kind in kinds
    )
    lines.update(
        f"{node}\tl\t{key}\t{rank}\t{json.dumps(text, ensure_ascii=False)}\n".encode()
        for node, found in part["labels"].items()
        for key, (rank, text) in found.items()
    )
    return list(lines)


def _merged_node_attributes(lines: Iterable[bytes]) -> Iterator[tuple[str, dict[str, str]]]:
    """Each node of merged :func:`node_lines`, in IRI order, with its merged type and best
    labels (as :func:`merged_nodes` gives them)."""
    current: str | None = None
    types: set[str] = set()
    best: dict[str, tuple[int, str]] = {}
    for line in lines:
        node, _, rest = line.decode().rstrip("\n").partition("\t")
        if node != current:
            if current is not None:
                yield current, _node_attributes(current, types, best)
            current, types, best = node, set(), {}
        what, _, value = rest.partition("\t")
        if what == "t":
            types.add(value)
        elif what == "l":
            key, rank, text = value.split("\t", 2)
            label = (int(rank), json.loads(text))
            if key not in best or label < best[key]:
                best[key] = label
    if current is not None:
        yield current, _node_attributes(current, types, best)


def write_graphml_parts(
    node_lines_merged: Iterable[bytes], edge_lines_merged: Iterable[bytes], out: IO[bytes]
) -> None:
    """Write GraphML from the parts of several graphs: their :func:`node_lines` and
    :func:`edge_lines`, each merged in order and unique."""
    out.write(_HEADER.encode())
    for node, attributes in _merged_node_attributes(node_lines_merged):
        data = "".join(
            f'\n  <data key="d{_NODE_KEYS.index(name)}">{escape(value)}</data>'
            for name, value in attributes.items()
        )
        out.write(f"<node id={quoteattr(node)}>{data}\n</node>\n".encode())
    for line in edge_lines_merged:
        s, o, p = json.loads(line)
        out.write(
            f"<edge source={quoteattr(s)} target={quoteattr(o)} id={quoteattr(p)}>\n"
            f'  <data key="d5">{escape(p)}</data>\n</edge>\n'.encode()
        )
    out.write(b"</graph></graphml>")
