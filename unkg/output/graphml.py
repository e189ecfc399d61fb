"""GraphML of the entity graph (evidence left out) for Gephi, Cytoscape or yEd, with networkx.

Nodes are the graph's resources except the evidence apparatus (annotations, statement
bodies, selectors, paragraphs, text versions); each has its type and its Arabic and English
labels. Edges are the links between them, labelled with the property's short name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from unkg.output.jsonld import PREFIXES

__all__ = ["entity_graph", "entity_parts", "merge_parts", "write_graphml"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
EVIDENCE_TYPES = {
    "http://www.w3.org/ns/oa#Annotation",
    "http://www.w3.org/ns/oa#SpecificResource", "http://www.w3.org/ns/oa#TextPositionSelector",
    "http://www.w3.org/ns/oa#TextQuoteSelector",
    "https://w3id.org/unkg/ontology#Paragraph", "https://w3id.org/un/ontology/undo/DocumentVersion",
}
LABELS = ("http://www.w3.org/2004/02/skos/core#prefLabel", "https://schema.org/name",
          "http://xmlns.com/foaf/0.1/name", "http://purl.org/dc/terms/title",
          "https://w3id.org/unkg/ontology#symbol", "http://www.w3.org/2004/02/skos/core#notation")
REIFIED = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"  # marks a reified triple
SKIPPED = {"http://www.w3.org/ns/prov#wasGeneratedBy"}


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _ranked_labels(triples: list[ox.Triple]) -> dict[str, dict[str, tuple[int, str]]]:
    """Each node's best label per language, with its rank (the first label property of
    LABELS wins, then the smallest text)."""
    best: dict[str, dict[str, tuple[int, str]]] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode) or not isinstance(t.object, ox.Literal):
            continue
        if t.predicate.value not in LABELS:
            continue
        language = t.object.language
        key = f"label_{language}" if language in ("ar", "en") else "label_other"
        rank = (LABELS.index(t.predicate.value), t.object.value)
        current = best.setdefault(t.subject.value, {})
        if key not in current or rank < current[key]:
            current[key] = rank
    return best


def entity_parts(triples: Iterable[ox.Triple]) -> dict[str, Any]:
    """One graph's share of the entity graph, as JSON-ready data: each node's types, its
    ranked labels, and the links between entities. A build computes it per document and
    merges the parts (:func:`merge_parts`), so the whole corpus is never held as triples."""
    triples = list(triples)
    types: dict[str, list[str]] = {}
    reified = set()
    for t in triples:
        if isinstance(t.subject, ox.NamedNode) and t.predicate.value == RDF_TYPE:
            types.setdefault(t.subject.value, []).append(t.object.value)  # type: ignore[union-attr]
        elif t.predicate.value == REIFIED:
            reified.add(t.subject.value)
    hidden = reified | {s for s, ts in types.items() if EVIDENCE_TYPES & set(ts)}
    edges = set()
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode) or not isinstance(t.object, ox.NamedNode):
            continue
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == RDF_TYPE or p in SKIPPED or s in hidden or o in hidden:
            continue
        edges.add((s, o, _short(p)))
    nodes = {s for s, _, _ in edges} | {o for _, o, _ in edges}
    return {
        "types": {n: sorted(set(ts)) for n, ts in sorted(types.items()) if n in nodes},
        "labels": {n: {k: list(v) for k, v in sorted(found.items())}
                   for n, found in sorted(_ranked_labels(triples).items()) if n in nodes},
        "edges": sorted(edges),
    }


def merge_parts(parts: Iterable[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """A networkx MultiDiGraph from the parts of several graphs (same as one graph's)."""
    types: dict[str, set[str]] = {}
    best: dict[str, dict[str, tuple[int, str]]] = {}
    edges: set[tuple[str, str, str]] = set()
    for part in parts:
        for node, found in part["types"].items():
            types.setdefault(node, set()).update(found)
        for node, found in part["labels"].items():
            current = best.setdefault(node, {})
            for key, (rank, text) in found.items():
                if key not in current or (rank, text) < current[key]:
                    current[key] = (rank, text)
        edges.update(tuple(e) for e in part["edges"])  # type: ignore[misc]
    return _networkx(types, {n: {k: v[1] for k, v in f.items()} for n, f in best.items()}, edges)


def entity_graph(triples: Iterable[ox.Triple]):  # type: ignore[no-untyped-def]
    """A networkx MultiDiGraph of resources and the links between them."""
    return merge_parts([entity_parts(triples)])


def _networkx(types: dict[str, set[str]], labels: dict[str, dict[str, str]],
              edges: set[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in sorted({s for s, _, _ in edges} | {o for _, o, _ in edges}):
        attributes = {"type": ", ".join(sorted(_short(t) for t in types.get(node, ())))}
        attributes.update(labels.get(node, {}))
        attributes["label"] = (attributes.get("label_en") or attributes.get("label_ar")
                               or attributes.get("label_other") or _short(node))
        graph.add_node(node, **attributes)
    for s, o, p in sorted(edges):
        graph.add_edge(s, o, key=p, label=p)
    return graph


def write_graphml(graph, stream) -> None:  # type: ignore[no-untyped-def]
    import networkx as nx

    nx.write_graphml(graph, stream, encoding="utf-8", prettyprint=True)
