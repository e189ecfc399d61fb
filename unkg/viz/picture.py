"""A picture of resolutions, meetings, plenary meetings, documents and States.

``links_html`` writes one self-contained HTML file: the vis-network library is read from the
installed ``pyvis`` package and inlined (no CDN, nothing copied into this repository), and
the graph is data in the page. Nodes are coloured by type; edges carry the relation's name
(mandates, recalls, in accordance with, reports on, revision of, chaired by, ...); hovering a
node shows its Arabic and English labels, clicking it lists its facts and their evidence,
and check boxes filter the node types. ``static_picture`` draws the same graph with
matplotlib as SVG or PNG for reports.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

__all__ = ["VizGraph", "links_html", "static_picture", "viz_graph"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
UNKG = "https://w3id.org/unkg/ontology#"
UNDO = "https://w3id.org/un/ontology/undo/"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"

# node type -> (colour, shape); the first matching rdf:type decides
TYPES = (
    ("Resolution", UNDO + "Resolution", "#d62728", "diamond"),
    ("Meeting", UNKG + "Meeting", "#1f77b4", "star"),
    ("PlenaryMeeting", UNKG + "PlenaryMeeting", "#17becf", "dot"),
    ("State", UNKG + "MemberState", "#2ca02c", "square"),
    ("State", UNKG + "ObserverState", "#2ca02c", "square"),
    ("Person", "http://xmlns.com/foaf/0.1/Person", "#9467bd", "dot"),
    ("Organization", ORG + "FormalOrganization", "#8c564b", "triangle"),
    ("Organization", ORG + "OrganizationalCollaboration", "#8c564b", "triangle"),
    ("Document", UNDO + "Document", "#ff7f0e", "box"),
)
# property -> edge label
EDGES = {
    UNKG + "decides": "decides (mandates)",
    UNKG + "recalls": "recalls",
    UNKG + "reaffirms": "reaffirms",
    UNKG + "inAccordanceWith": "in accordance with",
    UNKG + "pursuantTo": "pursuant to",
    UNKG + "welcomes": "welcomes",
    UNKG + "takesNoteOf": "takes note of",
    UNKG + "reportOf": "reports on",
    UNKG + "addressedToMeeting": "addressed to",
    UNKG + "revisionOf": "revision of",
    UNKG + "corrigendumOf": "corrigendum of",
    SCHEMA + "superEvent": "part of",
    UNKG + "hostedBy": "hosted by",
    "http://purl.org/spar/cito/cites": "cites",
    UNKG + "mentions": "mentions",
    "http://data.europa.eu/eli/ontology#passed_by": "adopted by",
}
LABELS = (
    SKOS + "prefLabel",
    SCHEMA + "name",
    "http://xmlns.com/foaf/0.1/name",
    UNKG + "symbol",
    SKOS + "notation",
)


@dataclass(slots=True)
class VizGraph:
    nodes: dict[str, dict[str, object]] = field(default_factory=dict)
    edges: list[dict[str, str]] = field(default_factory=list)


def _value(term: object) -> str:
    return str(getattr(term, "value", ""))


def viz_graph(triples: Iterable[ox.Triple]) -> VizGraph:
    """The typed, labelled entity graph to draw, with each node's facts and evidence."""
    triples = [t for t in triples if isinstance(t.subject, ox.NamedNode)]
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    out: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for t in triples:
        s, p = str(getattr(t.subject, "value", "")), t.predicate.value
        if p == RDF + "type":
            types[s].add(str(getattr(t.object, "value", "")))
        elif p in LABELS and isinstance(t.object, ox.Literal):
            key = t.object.language or "xx"
            rank = LABELS.index(p)
            if key not in labels[s] or rank < int(labels[s].get(key + "#", "9")):
                labels[s][key] = t.object.value
                labels[s][key + "#"] = str(rank)
        out[s].append((p, t.object))
    kinds: dict[str, tuple[str, str, str]] = {}
    for node, node_types in types.items():
        for name, iri, colour, shape in TYPES:
            if iri in node_types:
                kinds[node] = (name, colour, shape)
                break
    graph = VizGraph()
    evidence = _evidence(triples, out)
    for t in triples:
        s, p = str(getattr(t.subject, "value", "")), t.predicate.value
        if p not in EDGES or not isinstance(t.object, ox.NamedNode):
            continue
        o = t.object.value
        if s not in kinds or o not in kinds:
            continue
        if p == UNKG + "mentions" and kinds[o][0] != "State":
            continue
        graph.edges.append({"from": s, "to": o, "label": EDGES[p]})
    _offices(triples, out, kinds, graph)
    used = {e["from"] for e in graph.edges} | {e["to"] for e in graph.edges}
    for node in sorted(used):
        name, colour, shape = kinds[node]
        ar = labels[node].get("ar", "")
        en = labels[node].get("en", "") or labels[node].get("xx", "")
        label = en or ar or _describe(node, name, out, labels)
        graph.nodes[node] = {
            "id": node,
            "label": label if len(label) <= 40 else label[:38] + "…",
            "title": "\n".join(x for x in (en, ar) if x) or node,
            "group": name,
            "color": colour,
            "shape": shape,
            "facts": [
                [p.rsplit("/", 1)[-1].rsplit("#", 1)[-1], _short(labels, o)]
                for p, o in sorted(out[node], key=lambda x: (x[0], str(x[1])))
                if p != RDF + "type"
            ][:40],
            "evidence": evidence.get(node, [])[:12],
        }
    graph.edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    return graph


def _describe(
    node: str,
    kind: str,
    out: dict[str, list[tuple[str, object]]],
    labels: dict[str, dict[str, str]],
) -> str:
    """A label for a node without one: "plenary 3", "note verbale 2001-07-06"."""
    facts = {p: o for p, o in out.get(node, [])}
    if kind == "PlenaryMeeting":
        ordinal = facts.get(UNKG + "ordinal")
        return f"plenary {getattr(ordinal, 'value', '?')}"
    if kind == "Document":
        kind_node = facts.get(UNKG + "documentType")
        date = facts.get("http://purl.org/dc/terms/date")
        kind_label = _short(labels, kind_node) if kind_node is not None else "document"
        return f"{kind_label} {getattr(date, 'value', '')}".strip()
    return node.rsplit("/", 1)[-1]


def _short(labels: dict[str, dict[str, str]], term: object) -> str:
    if isinstance(term, ox.NamedNode):
        found = labels.get(term.value, {})
        return found.get("en") or found.get("ar") or found.get("xx") or term.value
    return str(getattr(term, "value", term))


def _evidence(
    triples: list[ox.Triple], out: dict[str, list[tuple[str, object]]]
) -> dict[str, list[list[object]]]:
    """For each subject: (property, quote, start, end) of the evidence of its facts."""

    def one(node: str, predicate: str) -> object | None:
        return next((o for p, o in out.get(node, []) if p == predicate), None)

    owners = []  # (reified triple, annotation): a triple read from several spans has several
    for node, values in out.items():
        for p, o in values:
            if p == OA + "hasBody" and isinstance(o, ox.NamedNode):
                owners.append((o.value, node))
    found: dict[str, list[list[object]]] = defaultdict(list)
    for body, annotation in sorted(owners):
        subject = one(body, RDF + "subject")
        predicate = one(body, RDF + "predicate")
        obj = one(body, RDF + "object")
        if not isinstance(subject, ox.NamedNode) or not isinstance(predicate, ox.NamedNode):
            continue
        # a node's evidence: the facts it is the subject of, and those that point at it
        nodes = [subject.value] + ([obj.value] if isinstance(obj, ox.NamedNode) else [])
        for p, target in out.get(annotation, []):
            if p != OA + "hasTarget" or not isinstance(target, ox.NamedNode):
                continue
            start = end = quote = None
            for q, selector in out.get(target.value, []):
                if q == OA + "hasSelector" and isinstance(selector, ox.NamedNode):
                    start = start or one(selector.value, OA + "start")
                    end = end or one(selector.value, OA + "end")
                    quote = quote or one(selector.value, OA + "exact")
            if quote is not None:
                entry: list[object] = [
                    predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                    _value(quote),
                    int(str(_value(start))) if start is not None else None,
                    int(str(_value(end))) if end is not None else None,
                ]
                for node in nodes:
                    if entry not in found[node]:
                        found[node].append(entry)
    for entries in found.values():
        entries.sort(key=lambda v: (str(v[0]), v[2] if isinstance(v[2], int) else 0))
    return found


def _offices(
    triples: list[ox.Triple],
    out: dict[str, list[tuple[str, object]]],
    kinds: dict[str, tuple[str, str, str]],
    graph: VizGraph,
) -> None:
    """Role assignments become edges: meeting -chaired by-> person, person -for-> State."""
    for values in out.values():
        if not any(
            p == RDF + "type" and getattr(o, "value", "") == UNKG + "RoleAssignment"
            for p, o in values
        ):
            continue
        facts = {p: o for p, o in values}
        meeting, holder, role = (
            facts.get(UNKG + "inMeeting"),
            facts.get(ORG + "member"),
            facts.get(ORG + "role"),
        )
        if not isinstance(meeting, ox.NamedNode) or not isinstance(holder, ox.NamedNode):
            continue
        role_name = (
            role.value.rsplit("/", 1)[-1].replace("-", " ")
            if isinstance(role, ox.NamedNode)
            else "office"
        )
        if meeting.value in kinds and holder.value in kinds:
            label = "chaired by" if role_name == "chair" else role_name
            graph.edges.append({"from": meeting.value, "to": holder.value, "label": label})
        state = facts.get(UNKG + "representing")
        if (
            isinstance(state, ox.NamedNode)
            and state.value != holder.value
            and holder.value in kinds
            and state.value in kinds
        ):
            graph.edges.append({"from": holder.value, "to": state.value, "label": "for"})


def _vis_network() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the installed pyvis package."""
    try:
        folder = resources.files("pyvis").joinpath("lib")
    except ModuleNotFoundError:
        raise RuntimeError("the HTML picture needs pyvis (pip install 'unkg[viz]')") from None
    versions = sorted(p.name for p in folder.iterdir() if p.name.startswith("vis-"))
    chosen = folder.joinpath(versions[-1])
    return (
        chosen.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
        chosen.joinpath("vis-network.css").read_text(encoding="utf-8"),
    )


def links_html(triples: Iterable[ox.Triple], title: str = "unkg: resolutions and meetings") -> str:
    graph = viz_graph(triples)
    script, style = _vis_network()
    data = json.dumps(
        {"nodes": list(graph.nodes.values()), "edges": graph.edges}, ensure_ascii=False
    ).replace("</", "<\\/")
    groups = sorted({str(n["group"]) for n in graph.nodes.values()})
    boxes = "".join(
        f'<label><input type="checkbox" class="kind" value="{html.escape(g)}" checked> '
        f"{html.escape(g)}</label> "
        for g in groups
    )
    return (
        _template()
        .replace("{title}", html.escape(title))
        .replace("{style}", style)
        .replace("{boxes}", boxes)
        .replace("{data}", data)
        .replace("{script}", script)
    )


def _template() -> str:
    return (resources.files("unkg.viz") / "page.html").read_text(encoding="utf-8")


def static_picture(triples: Iterable[ox.Triple], path: Path) -> None:
    """The graph as a PNG or SVG (by the file's extension), laid out the same way each time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    graph = viz_graph(triples)
    g: nx.DiGraph[str] = nx.DiGraph()
    for node, data in graph.nodes.items():
        g.add_node(node, **{k: v for k, v in data.items() if k in ("label", "color", "group")})
    for edge in graph.edges:
        g.add_edge(edge["from"], edge["to"], label=edge["label"])
    layout = nx.spring_layout(g, seed=7, k=1.2 / max(1, len(g)) ** 0.5)
    figure, axes = plt.subplots(figsize=(16, 11))
    colours = [g.nodes[n]["color"] for n in g.nodes]
    nx.draw_networkx_edges(g, layout, ax=axes, alpha=0.35, arrows=True, arrowsize=8)
    nx.draw_networkx_nodes(g, layout, ax=axes, node_color=colours, node_size=90)
    # matplotlib does not shape Arabic, so meetings are named by kind and year here
    names = {
        n: (
            n.rsplit("/", 1)[-1].rsplit("-", 1)[0].replace("-", " ")
            if g.nodes[n]["group"] == "Meeting"
            else g.nodes[n]["label"]
        )
        for n in g.nodes
        if g.nodes[n]["group"] in ("Resolution", "Meeting", "State")
    }
    nx.draw_networkx_labels(g, layout, labels=names, font_size=7, ax=axes)
    for name, colour in dict((name, colour) for name, _, colour, _ in TYPES).items():
        axes.scatter([], [], c=colour, label=name)
    axes.legend(loc="lower left", fontsize=8)
    axes.set_axis_off()
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else {"Software": None})
    plt.close(figure)
