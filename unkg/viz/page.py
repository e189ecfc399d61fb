"""The picture as one HTML file that works offline: ``page.html`` with the drawing script
``picture.js`` and the data inlined, nothing fetched.

The data is one JSON object (``#unkg-data``):

- ``kinds``, ``relations``: the legend, in order (key, label, colour, shape);
- ``nodes``: ``[iri, kind index, label, x, y, date, end, date note, body index, names]``;
- ``edges``: ``[source index, target index, relation index]``, and the office the link is
  read through as a fourth item when there is one;
- ``bands``: ``[label, top, bottom]``; ``years``: ``[year, x]``; ``undated``: ``[left,
  right]`` or null; ``bounds``: ``[left, top, right, bottom]``;
- ``facts``: IRI -> ``[property, value, IRI of the value or null]`` for the drawn nodes and
  the things they name; ``evidence``: IRI -> ``[property, object, document, paragraph,
  start, end, quote]``; ``labels``: IRI -> label.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from unkg.viz.layout import Axis
from unkg.viz.style import style
from unkg.viz.view import View, local_name, words

__all__ = ["AXIS_NOTE", "legend_relations", "page_data", "page_html"]

AXIS_NOTE = (
    "time: the adoption date of a resolution, the first day of a meeting, the date of a "
    "document; a year is as wide as the number of things dated in it"
)


def legend_relations(view: View) -> list[dict[str, str]]:
    """The legend's relations: those of the style that occur, then the others by name."""
    used = {e.relation for e in view.edges}
    known = [dict(r) for r in style()["relations"] if r["key"] in used]
    named = {r["key"] for r in known}
    other = style()["other_relation"]["colour"]
    known += [{"key": key, "label": words(key), "colour": other} for key in sorted(used - named)]
    return known


def page_data(view: View, axis: Axis, title: str) -> dict[str, Any]:
    kinds = [
        dict(k) for k in style()["kinds"] if any(n.kind == k["key"] for n in view.nodes.values())
    ]
    kind_index = {k["key"]: i for i, k in enumerate(kinds)}
    relations = legend_relations(view)
    relation_index = {r["key"]: i for i, r in enumerate(relations)}
    bodies = sorted({n.body for n in view.nodes.values() if n.body})
    body_index = {b: i for i, b in enumerate(bodies)}
    order = sorted(view.nodes)
    node_index = {iri: i for i, iri in enumerate(order)}
    nodes = []
    for iri in order:
        n = view.nodes[iri]
        nodes.append(
            [
                iri,
                kind_index[n.kind],
                n.label,
                n.x,
                n.y,
                n.date or "",
                n.end or "",
                n.date_note,
                body_index.get(n.body, -1) if n.body else -1,
                n.names,
            ]
        )
    edges: list[list[Any]] = []
    for e in view.edges:
        edge: list[Any] = [node_index[e.source], node_index[e.target], relation_index[e.relation]]
        if e.via:
            edge.append(e.via)
        edges.append(edge)
    evidence = {
        iri: [[local_name(row[0] or ""), *row[1:]] for row in rows]
        for iri, rows in sorted(view.evidence.items())
    }
    xs = [n.x for n in view.nodes.values()] or [0.0]
    return {
        "title": title,
        "axis": AXIS_NOTE,
        "kinds": kinds,
        "relations": relations,
        "bodies": bodies,
        "nodes": nodes,
        "edges": edges,
        "bands": [[b.label, b.top, b.bottom] for b in axis.bands],
        "years": [[y, x] for y, x in axis.years],
        "undated": list(axis.undated) if axis.undated else None,
        "bounds": [min(axis.left, min(xs)), 0.0, max(axis.right, max(xs) + 120.0), axis.height],
        "facts": {iri: view.facts[iri] for iri in sorted(view.facts)},
        "evidence": evidence,
        "labels": {iri: view.labels[iri] for iri in sorted(view.labels)},
    }


def page_html(view: View, axis: Axis, title: str) -> str:
    """The page: the same view gives the same bytes."""
    folder = resources.files("unkg.viz")
    template = (folder / "page.html").read_text(encoding="utf-8")
    script = (folder / "picture.js").read_text(encoding="utf-8")
    data = json.dumps(page_data(view, axis, title), ensure_ascii=False, separators=(",", ":"))
    # inside <script> only "</" could end the element early; JSON allows "<\/"
    data = data.replace("</", "<\\/")
    parts = {"title": html.escape(title), "data": data, "script": script}
    # one pass, so that a quote holding "{script}" stays a quote
    return re.sub(r"\{(title|data|script)\}", lambda m: parts[m.group(1)], template)
