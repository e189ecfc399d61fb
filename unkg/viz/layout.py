"""Where each node goes: time from left to right (a resolution's adoption date, a meeting's
first day, a document's date), one band per kind of node from top to bottom, and inside a
band the nodes stacked in rows so that no two labels overlap. Undated nodes get a column of
their own left of the axis; nodes that have no date of their kind (States, persons,
topics) sit at the median date of the drawn nodes they are linked to.

A year is as wide as the number of nodes dated in it asks for (and never narrower than
its label), so the 84 Security Council resolutions of 1993 get room while the empty years
before 2002 take little: time runs left to right in order, with every year labelled.

The layout is computed here, not in the browser: the same graph gives the same positions,
in the page and in the static pictures, and the page has no layout to run before it is
usable.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from unkg.viz.style import style
from unkg.viz.view import Node, View

__all__ = ["PLACED_BY_LINKS", "Axis", "Band", "label_width", "lay_out"]

# the width a year gets for each node dated in it, in pixels: the candidates lay_out picks from
PER_NODE = (1.0, 1.4, 2.0, 2.8, 4.0, 5.6, 8.0, 11.0, 16.0, 22.0, 32.0, 45.0)
MIN_YEAR = 12.0  # the narrowest a year gets (the page labels as many years as fit)
ROW = 18.0  # height of a row of labels
BAND_GAP = 36.0  # between two bands, where the band's name is written
MARKER = 7.0  # a marker's radius
UNDATED_GAP = 60.0  # between the undated column and the axis
# kinds that have no date of their own: they sit at the median date of their neighbours
PLACED_BY_LINKS = frozenset(
    {"state", "person", "organization", "topic", "agenda-item", "statement"}
)


def label_width(text: str) -> float:
    """About how wide a label is at the page's 11 px font (a fixed estimate, so the layout
    does not depend on the fonts of the machine that draws it)."""
    return 6.2 * len(text) + 4


@dataclass(frozen=True, slots=True)
class Band:
    kind: str
    label: str
    top: float
    bottom: float


@dataclass(slots=True)
class Axis:
    """The time axis (x of 1 January of each year shown), the undated column, the bands."""

    years: list[tuple[int, float]] = field(default_factory=list)
    undated: tuple[float, float] | None = None  # left and right of the undated column
    bands: list[Band] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0
    width: float = 0.0
    height: float = 0.0


def _year_fraction(date: str) -> float:
    day = dt.date.fromisoformat(date)
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _groups(nodes: list[Node]) -> list[tuple[str, str, list[Node]]]:
    """The bands, top to bottom: (kind, band label, nodes). Resolutions get one band per
    adopting body when there are several."""
    config = style()["kinds"]
    labels = {k["key"]: k["label"] for k in config}
    groups = []
    for kind in (k["key"] for k in config):
        members = [n for n in nodes if n.kind == kind]
        if not members:
            continue
        bodies = sorted({n.body or "" for n in members})
        if kind == "resolution" and len(bodies) > 1:
            for body in sorted(bodies, key=lambda b: (b == "", b)):
                label = f"{labels[kind]} · {body or 'body not stated'}"
                groups.append((kind, label, [n for n in members if (n.body or "") == body]))
        else:
            groups.append((kind, labels[kind], members))
    return groups


def lay_out(view: View, aspect: float = 1.3) -> Axis:
    """Give each node of ``view`` its x and y (pixels at zoom 1) and return the axis.

    Of a few widths per node (``PER_NODE``), the one that makes the picture closest to
    ``aspect`` (width to height) is taken, so a thousand resolutions fill a screen rather
    than a strip."""
    nodes = list(view.nodes.values())
    when = {n.id: _year_fraction(n.date) for n in nodes if n.date}
    neighbours: dict[str, list[float]] = defaultdict(list)
    for edge in view.edges:
        for one, other in ((edge.source, edge.target), (edge.target, edge.source)):
            if other in when and view.nodes[one].kind in PLACED_BY_LINKS:
                neighbours[one].append(when[other])
    for node in nodes:
        if node.id not in when and node.id in neighbours:
            when[node.id] = median(neighbours[node.id])
    links: dict[str, list[str]] = defaultdict(list)
    for edge in view.edges:
        links[edge.source].append(edge.target)
        links[edge.target].append(edge.source)
    best: tuple[float, float] | None = None
    for per_node in PER_NODE:
        axis = _arrange(nodes, when, per_node, links)
        score = abs(math.log(max(axis.width, 1.0) / max(axis.height, 1.0) / aspect))
        if best is None or score < best[0] - 1e-9:
            best = (score, per_node)
    assert best is not None
    return _arrange(nodes, when, best[1], links)


def _time_scale(when: dict[str, float], per_node: float) -> tuple[list[tuple[int, float]], float]:
    """x of 1 January of each year from the first to the one after the last, and the x
    of the end: each year as wide as its nodes ask, at least ``MIN_YEAR``."""
    if not when:
        return [], 0.0
    counts = Counter(int(t) for t in when.values())
    first, last = min(counts), max(counts)
    starts, x = [], 0.0
    for year in range(first, last + 2):
        starts.append((year, round(x, 1)))
        x += max(MIN_YEAR, per_node * counts.get(year, 0))
    return starts, starts[-1][1]


def _arrange(
    nodes: list[Node], when: dict[str, float], per_node: float, links: dict[str, list[str]]
) -> Axis:
    axis = Axis()
    axis.years, end = _time_scale(when, per_node)
    start_of = dict(axis.years)
    x_of = {}
    for iri, t in when.items():
        year = int(t)
        x_of[iri] = start_of[year] + (t - year) * (start_of[year + 1] - start_of[year])
    undated = sorted((n for n in nodes if n.id not in x_of), key=lambda n: (n.label, n.id))
    column = max((label_width(n.label) for n in undated), default=0.0) + 3 * MARKER
    columns = max(1, min(6, round(len(undated) ** 0.5 / 3))) if undated else 0
    undated_left = -UNDATED_GAP - columns * column
    if undated:
        axis.undated = (undated_left, -UNDATED_GAP / 2)
    axis.left = undated_left if undated else -MARKER
    top = 0.0
    for kind, label, members in _groups(nodes):
        rows = _pack([n for n in members if n.id in x_of], x_of, links)
        ids = {n.id for n in members}
        undated_rows = _grid([n for n in undated if n.id in ids], undated_left, column, columns)
        height = max(rows, undated_rows, 1) * ROW
        for node in members:
            node.y = round(node.y + top + ROW / 2, 1)
            if node.id in x_of:
                node.x = round(x_of[node.id], 1)
        axis.bands.append(Band(kind, label, top, top + height))
        top += height + BAND_GAP
    axis.right = max(
        [end] + [n.x + 2 * MARKER + label_width(n.label) for n in nodes if n.id in x_of]
    )
    axis.width = axis.right - axis.left
    axis.height = max(top - BAND_GAP, ROW)
    return axis


def _pack(nodes: list[Node], x_of: dict[str, float], links: dict[str, list[str]]) -> int:
    """Stack nodes in rows, each at its x with its label to its right, so that no two
    overlap; returns the number of rows.

    Nodes are taken in time order and a new row is opened only when no row is free, which
    gives the fewest rows there can be; of the free rows a node takes the one nearest to
    the rows of the nodes it is linked to that are already placed, so that a chain of
    resolutions (each recalling the one before) runs along a row instead of across them.
    """
    ends: list[float] = []
    row_of: dict[str, int] = {}
    for node in sorted(nodes, key=lambda n: (x_of[n.id], n.label, n.id)):
        x = x_of[node.id]
        left, right = x - MARKER, x + MARKER + label_width(node.label)
        free = [row for row, end in enumerate(ends) if end <= left]
        placed = sorted(row_of[other] for other in links.get(node.id, ()) if other in row_of)
        if not free:
            row = len(ends)
            ends.append(right)
        else:
            wanted = placed[len(placed) // 2] if placed else free[0]
            row = min(free, key=lambda r: (abs(r - wanted), r))
            ends[row] = right
        row_of[node.id] = row
        node.y = row * ROW
    return len(ends)


def _grid(nodes: list[Node], left: float, column: float, columns: int) -> int:
    """The undated nodes of a band in reading order, ``columns`` to a row."""
    for index, node in enumerate(nodes):
        node.x = round(left + MARKER + (index % columns) * column, 1)
        node.y = (index // columns) * ROW
    return (len(nodes) + columns - 1) // columns if nodes else 0
