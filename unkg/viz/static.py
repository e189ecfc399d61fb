"""The picture as SVG or PNG, for papers: the page's view and layout drawn with matplotlib,
with the legend, the time axis and the band names.

One unit of the layout is one pixel at 100 dots per inch and labels are 8 points (11
pixels), the size the layout left room for, so labels do not overlap. Arabic labels are
shaped and ordered by matplotlib's text layout (libraqm, matplotlib 3.11 and later) in
DejaVu Sans, which matplotlib ships and which has the Arabic letters.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from unkg.viz.layout import MARKER, Axis
from unkg.viz.page import AXIS_NOTE, legend_relations
from unkg.viz.style import style
from unkg.viz.view import View

__all__ = ["draw_static"]

DPI = 100
FONT_POINTS = 8.0
MARGIN = 40.0  # pixels around the drawing
TOP = 56.0  # room for the title and the years
LEGEND_ROW = 18.0
# matplotlib's markers for the shapes of style.json
MARKERS = {
    "diamond": "D",
    "square": "s",
    "triangle": "^",
    "circle": "o",
    "hexagon": "h",
    "star": "*",
}
MAX_PIXELS = 12000  # the longest side of a PNG (a larger picture is drawn smaller)


def draw_static(view: View, axis: Axis, path: Path, title: str) -> None:
    """Write ``path`` (.svg or .png) with the same bytes for the same view."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    kinds = [k for k in style()["kinds"] if any(n.kind == k["key"] for n in view.nodes.values())]
    relations = legend_relations(view)
    legend_items = len(kinds) + len(relations)
    width_px = max(axis.width, 200.0) + 2 * MARGIN + 120
    legend_columns = max(1, int(width_px // 230))
    legend_px = (math.ceil(legend_items / legend_columns) + 2) * LEGEND_ROW + 2 * FONT_POINTS
    height_px = axis.height + TOP + MARGIN + legend_px
    scale = min(1.0, MAX_PIXELS / max(width_px, height_px)) if path.suffix == ".png" else 1.0
    with matplotlib.rc_context(
        {"svg.hashsalt": "unkg", "svg.fonttype": "path", "font.family": "DejaVu Sans"}
    ):
        figure = plt.figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI * scale)
        # one axes over the whole figure, in layout pixels, y downwards
        ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        left = axis.left - MARGIN - 120
        ax.set_xlim(left, left + width_px)
        ax.set_ylim(axis.height + MARGIN + legend_px, -TOP)
        ax.set_axis_off()
        # bands, the undated column, the years
        for number, band in enumerate(axis.bands):
            if number % 2 == 0:
                ax.add_patch(
                    Rectangle(
                        (left, band.top - 6),
                        width_px,
                        band.bottom - band.top + 12,
                        color="#f3f4f7",
                        zorder=0,
                        linewidth=0,
                    )
                )
            ax.text(left + 8, band.top - 12, band.label, fontsize=FONT_POINTS, weight="bold")
        if axis.undated:
            ax.add_patch(
                Rectangle(
                    (axis.undated[0], -20),
                    axis.undated[1] - axis.undated[0],
                    axis.height + 26,
                    color="#e9e9e9",
                    zorder=0.5,
                    linewidth=0,
                )
            )
            ax.text(axis.undated[0] + 3, -26, "undated", fontsize=FONT_POINTS, color="#555")
        last = -math.inf
        for year, x in axis.years:
            if x - last < 40:
                continue
            last = x
            ax.plot([x, x], [-20, axis.height + 6], color="#e0e0e0", linewidth=0.6, zorder=0.6)
            ax.text(x + 3, -26, str(year), fontsize=FONT_POINTS, color="#555")
        ax.text(left + 8, -TOP + 18, title, fontsize=FONT_POINTS + 3, weight="bold")
        # links, one collection per relation, with arrow heads at their targets
        by_relation: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = defaultdict(
            list
        )
        for edge in view.edges:
            a, b = view.nodes[edge.source], view.nodes[edge.target]
            by_relation[edge.relation].append(((a.x, a.y), (b.x, b.y)))
        alpha = min(0.7, max(0.12, 12 / math.sqrt(max(1, len(view.edges)))))
        for relation in relations:
            segments = by_relation.get(relation["key"], [])
            if not segments:
                continue
            ax.add_collection(
                LineCollection(
                    segments, colors=relation["colour"], linewidths=0.7, alpha=alpha, zorder=1
                )
            )
            heads = [h for h in (_head(s, t) for s, t in segments) if h]
            ax.add_collection(
                PolyCollection(
                    heads, facecolors=relation["colour"], edgecolors="none", alpha=0.8, zorder=1.5
                )
            )
        # nodes and their labels
        for kind in kinds:
            members = [n for n in view.nodes.values() if n.kind == kind["key"]]
            ax.scatter(
                [n.x for n in members],
                [n.y for n in members],
                s=(MARKER * 1.2) ** 2,
                marker=MARKERS.get(kind["shape"], "o"),
                c=kind["colour"],
                linewidths=0,
                zorder=2,
            )
        for node in sorted(view.nodes.values(), key=lambda n: n.id):
            ax.text(
                node.x + MARKER + 2,
                node.y,
                node.label,
                fontsize=FONT_POINTS,
                va="center",
                ha="left",
                color="#222",
                zorder=3,
            )
        # the legend, under the drawing
        handles = [
            Line2D(
                [],
                [],
                linestyle="none",
                marker=MARKERS.get(k["shape"], "o"),
                markersize=7,
                color=k["colour"],
                label=k["label"],
            )
            for k in kinds
        ] + [Line2D([], [], color=r["colour"], linewidth=2, label=r["label"]) for r in relations]
        legend = ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(MARGIN / width_px, 0.2 * legend_px / height_px),
            ncol=legend_columns,
            fontsize=FONT_POINTS,
            frameon=False,
            title="x: " + AXIS_NOTE.replace("; ", ";\n"),
            title_fontsize=FONT_POINTS,
            alignment="left",
        )
        legend.set_zorder(4)
        metadata = {"Date": None} if path.suffix == ".svg" else {"Software": None}
        figure.savefig(path, metadata=metadata)
        plt.close(figure)


def _head(
    source: tuple[float, float], target: tuple[float, float]
) -> list[tuple[float, float]] | None:
    (x1, y1), (x2, y2) = source, target
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 3 * MARKER:
        return None
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * (MARKER + 1), y2 - uy * (MARKER + 1)
    size = 5.0
    return [
        (bx, by),
        (bx - ux * size - uy * size * 0.5, by - uy * size + ux * size * 0.5),
        (bx - ux * size + uy * size * 0.5, by - uy * size - ux * size * 0.5),
    ]
