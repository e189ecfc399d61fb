"""``unkg viz``: resolutions and meetings on a time axis, as an offline HTML page or a
static SVG/PNG of the same view.

By default the picture shows resolutions, meetings and the documents that report on
meetings, linked by what the texts state (decides, recalls, reaffirms, in accordance with,
cites, reports on, ...); ``include`` adds other kinds (States, officers, plenary meetings,
topics ...). Positions are computed by :mod:`unkg.viz.layout`, so the same graph gives the
same picture, in the browser and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from unkg.viz.layout import Axis, lay_out
from unkg.viz.page import page_html
from unkg.viz.view import View, include_names, view_of

__all__ = [
    "PictureOptions",
    "include_names",
    "links_html",
    "picture",
    "static_picture",
    "store_of_quads",
]

DEFAULT_TITLE = "unkg: resolutions and meetings"


@dataclass(frozen=True, slots=True)
class PictureOptions:
    """What to draw.

    :param include: kinds drawn besides the default ones (names from ``include_names()``)
    :param everything: draw every kind
    :param years: only the nodes dated in these years (first and last, both included), and
        the undated kinds linked to them
    """

    include: tuple[str, ...] = ()
    everything: bool = False
    years: tuple[int, int] | None = None
    title: str = DEFAULT_TITLE


def store_of_quads(quads: list[ox.Quad]) -> ox.Store:
    """An in-memory store of a build's quads whose default graph is their union."""
    from unkg.sparql.store import fill_union

    store = ox.Store()
    store.bulk_extend(quads)
    fill_union(store)
    return store


def picture(store: ox.Store, options: PictureOptions | None = None) -> tuple[View, Axis]:
    """The view and its layout.

    >>> from unkg.viz.picture import picture, store_of_quads
    >>> view, axis = picture(store_of_quads([]))
    >>> len(view.nodes), axis.bands
    (0, [])
    """
    options = options or PictureOptions()
    view = view_of(store, options.include, options.everything)
    if options.years is not None:
        _keep_years(view, *options.years)
    return view, lay_out(view)


def _keep_years(view: View, first: int, last: int) -> None:
    from unkg.viz.layout import PLACED_BY_LINKS

    kept = {
        iri
        for iri, node in view.nodes.items()
        if node.date is not None and first <= int(node.date[:4]) <= last
    }
    linked = {
        other
        for e in view.edges
        for one, other in ((e.source, e.target), (e.target, e.source))
        if one in kept and view.nodes[other].kind in PLACED_BY_LINKS
    }
    kept |= linked
    view.nodes = {iri: node for iri, node in view.nodes.items() if iri in kept}
    view.edges = [e for e in view.edges if e.source in kept and e.target in kept]


def links_html(store: ox.Store, options: PictureOptions | None = None) -> str:
    """The picture as one self-contained HTML page."""
    options = options or PictureOptions()
    view, axis = picture(store, options)
    return page_html(view, axis, options.title)


def static_picture(store: ox.Store, path: Path, options: PictureOptions | None = None) -> None:
    """The same view as an SVG or PNG (by the file's extension), with its legend."""
    from unkg.viz.static import draw_static

    options = options or PictureOptions()
    view, axis = picture(store, options)
    draw_static(view, axis, path, options.title)
