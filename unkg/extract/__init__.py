"""Extraction: from a structured document to typed facts with evidence.

The pipeline is one explicit tuple of small components, each a module with ``KIND`` (what it
produces), ``REQUIRES`` (the kinds it reads) and ``extract(context) -> list[Fact]``. They run
in order over one :class:`~unkg.extract.context.Context`; each reads the document and the
facts of the components before it, and none writes RDF.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from unkg.extract import (
    agenda,
    docinfo,
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
    plenary,
    agenda,
    resolutions,
    officers,
    statements,
    noteverbale,
    topics,
    mentions,
)

Hook = Callable[[Context], None]


def extract_facts(document: Document) -> list[Fact]:
    """Run every extractor over a document, in order, and return all their facts."""
    context = Context.of(document)
    for component in EXTRACTORS:
        found = component.extract(context)
        if component is meetings:
            found = meetings.hosts(context, found)
        context.facts.extend(found)
    return context.facts
