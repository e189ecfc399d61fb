"""unkg: a linked-data builder for United Nations documents.

The pipeline runs one way: file -> repaired text -> structured document -> facts with
evidence -> RDF -> validation -> exports. ``import unkg`` does no I/O and imports no RDF
library; each stage is imported on first use.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
