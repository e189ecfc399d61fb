"""From repaired text to a structured document: pages, title blocks, sections, paragraphs,
each with its offsets in the text unkg made of the file."""

from unkg.structure.document import Document
from unkg.structure.layout import parse, structure

__all__ = ["Document", "parse", "structure"]
