"""The unkg ontology (OWL, ``unkg.ttl``), the SKOS schemes generated from the reference tables
(``schemes.ttl``), the JSON-LD context (``context.jsonld``) and the namespaces used to write
RDF (:mod:`unkg.ontology.ns`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["ontology_path", "resource_path"]


def resource_path(name: str) -> Path:
    """Path of a file shipped in this package (``unkg.ttl``, ``context.jsonld``, ...)."""
    return Path(str(resources.files(__name__).joinpath(name)))


def ontology_path() -> Path:
    return resource_path("unkg.ttl")
