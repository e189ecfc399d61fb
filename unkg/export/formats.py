"""The files a build writes."""

from __future__ import annotations

from enum import Enum

__all__ = ["ALL_FORMATS", "ExportFormat", "sorted_prefixes"]


class ExportFormat(Enum):
    """The files a build writes; the string is the name ``--formats`` takes."""

    TRIG = "trig"
    TURTLE = "turtle"
    JSONLD = "jsonld"
    NQUADS = "nquads"
    NTRIPLES = "ntriples"
    GRAPHML = "graphml"

    @property
    def filename(self) -> str:
        return {
            "trig": "graph.trig",
            "turtle": "graph.ttl",
            "jsonld": "graph.jsonld",
            "nquads": "graph.nq",
            "ntriples": "graph.nt",
            "graphml": "graph.graphml",
        }[self.value]


ALL_FORMATS = tuple(ExportFormat)


def sorted_prefixes(data: bytes) -> bytes:
    """Put the @prefix lines a serializer wrote first in a fixed order, whatever its own."""
    lines = data.split(b"\n")
    count = 0
    while count < len(lines) and lines[count].startswith(b"@prefix "):
        count += 1
    return b"\n".join(sorted(lines[:count]) + lines[count:])
