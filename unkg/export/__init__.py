"""Serialisation: output formats, per-document fragments and their merge, JSON-LD, GraphML,
atomic writes."""
