"""Load a build's graph into a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per document, plus the reference graph) is sent with its own PUT, so
loading again replaces a graph instead of adding to it, and a failure leaves the graphs
already loaded intact; the summary names the graphs that failed and why.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

__all__ = ["LoadResult", "put_graphs"]


@dataclass(slots=True)
class LoadResult:
    loaded: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (graph, reason)
    triples: int = 0


def _request(url: str, data: bytes, user: str | None, password: str | None, timeout: float) -> int:
    request = urllib.request.Request(
        url, data=data, method="PUT", headers={"Content-Type": "application/n-triples"}
    )
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return int(response.status)


def put_graphs(
    quads: Sequence[ox.Quad],
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
    progress: Callable[[int, int, str], None] | None = None,
) -> LoadResult:
    """PUT every named graph of ``quads`` to a Graph Store Protocol endpoint."""
    if not endpoint.startswith(("http://", "https://")):
        raise ValueError(f"endpoint must be an http(s) URL: {endpoint!r}")
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(quad.triple)
    result = LoadResult()
    separator = "&" if "?" in endpoint else "?"
    names = sorted(graphs, key=lambda g: (not g.endswith("/graph/reference"), g))
    for index, graph in enumerate(names, start=1):
        body = ox.serialize(graphs[graph], format=ox.RdfFormat.N_TRIPLES) or b""
        url = f"{endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"
        try:
            status = _request(url, body, user, password, timeout)
            if status >= 300:
                raise urllib.error.HTTPError(url, status, "unexpected status", {}, None)  # type: ignore[arg-type]
            result.loaded.append(graph)
            result.triples += len(graphs[graph])
        except urllib.error.HTTPError as error:
            result.failed.append((graph, f"HTTP {error.code} {error.reason}"))
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            result.failed.append((graph, f"cannot reach {endpoint}: {reason}"))
        if progress is not None:
            progress(index, len(names), graph)
    return result
