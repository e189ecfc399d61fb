"""The SHACL shapes of the unkg graph (``unkg-shapes.ttl``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["DEFAULT_BASE_IN_SHAPES", "shapes_path", "shapes_text"]

DEFAULT_BASE_IN_SHAPES = "https://w3id.org/unkg/id/"


def shapes_path() -> Path:
    return Path(str(resources.files(__name__).joinpath("unkg-shapes.ttl")))


def shapes_text(base: str = "https://w3id.org/unkg/") -> str:
    """The shapes, with the concept scheme IRIs under the build's base IRI."""
    text = shapes_path().read_text(encoding="utf-8")
    return text.replace(DEFAULT_BASE_IN_SHAPES, base + "id/")
