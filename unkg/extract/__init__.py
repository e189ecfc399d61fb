"""Extraction: from a structured document to typed facts with evidence.

The pipeline is one explicit tuple of small components, each a module with ``KIND`` (what it
produces), ``REQUIRES`` (the kinds it reads, which must come earlier in the tuple) and
``extract(context) -> list[Fact]``. They run in order over one
:class:`~unkg.extract.context.Context`; each reads the document, its language pack's frames
and the facts of the components before it, and none writes RDF or imports a language pack.
"""

from __future__ import annotations

from types import ModuleType

from unkg.extract import (
    adoption,
    agenda,
    docinfo,
    hosts,
    meetings,
    mentions,
    noteverbale,
    officers,
    plenary,
    references,
    resolutions,
    statements,
    topics,
)
from unkg.extract.context import Context
from unkg.extract.facts import Fact
from unkg.structure.document import Document

__all__ = ["EXTRACTORS", "extract_facts"]

EXTRACTORS: tuple[ModuleType, ...] = (
    docinfo,
    references,
    meetings,
    hosts,
    plenary,
    agenda,
    resolutions,
    adoption,
    officers,
    statements,
    noteverbale,
    topics,
    mentions,
)


def extract_facts(document: Document) -> list[Fact]:
    """Run every extractor over a document, in order, and return all their facts."""
    context = Context.of(document)
    for component in EXTRACTORS:
        context.facts.extend(component.extract(context))
    return context.facts
