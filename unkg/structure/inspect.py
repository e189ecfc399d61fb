"""The structure of one document as plain JSON-ready data (``unkg inspect --json``)."""

from __future__ import annotations

from typing import Any

from unkg import lang
from unkg.structure.document import Document, Item, TextView
from unkg.text.dates import find_dates

__all__ = ["document_dates", "document_json"]


def _item(item: Item) -> dict[str, Any]:
    start, end = item.view.span()
    return {
        "label": item.label,
        "ordinal": item.ordinal,
        "text": item.text,
        "start": start,
        "end": end,
        "items": [_item(i) for i in item.items],
    }


def document_dates(document: Document) -> list[dict[str, Any]]:
    """Every date the document states, in reading order, with original offsets."""
    views: list[TextView] = [b.view for b in document.blocks] + [
        p.view for p in document.paragraphs
    ]
    language = lang.get(document.metadata.language)
    stated = [m.first.year for v in views for m in find_dates(v.text, language) if m.has_year]
    default_year = stated[0] if stated else None
    found = []
    for view in views:
        for m in find_dates(view.text, language, default_year):
            start, end = view.span(m.start, m.end)
            found.append(
                {
                    "text": m.text,
                    "first": m.first.isoformat(),
                    "last": m.last.isoformat(),
                    "days": [d.isoformat() for d in m.days],
                    "year_stated": m.has_year,
                    "start": start,
                    "end": end,
                }
            )
    return sorted(found, key=lambda d: (d["start"], d["end"]))


def _pages(document: Document) -> dict[str, Any]:
    """The pages of a paged source (where each lies in the text unkg made of the file, and
    the number it prints); nothing for plain text, whose output stays as it was."""
    source = document.source
    if source.kind == "text":
        return {}
    return {
        "kind": source.kind,
        "pages": [
            {"index": p.index, "number": p.number, "start": p.start, "end": p.end}
            for p in source.pages
        ],
    }


def _paged_metadata(document: Document) -> dict[str, Any]:
    meta = document.metadata
    if document.source.kind == "text":
        return {}
    return {"distribution": meta.distribution, "date": meta.date, "original": meta.original}


def document_json(document: Document) -> dict[str, Any]:
    meta = document.metadata
    return {
        "file": document.source.path,
        "encoding": document.source.encoding,
        "sha256": document.source.sha256,
        **_pages(document),
        "metadata": {
            "symbol": meta.symbol,
            "job_number": meta.job_number,
            "pages": list(meta.pages),
            "language": meta.language,
            **_paged_metadata(document),
            "headers": [
                {"kind": h.kind, "value": h.value, "start": h.start, "end": h.end}
                for h in meta.headers
            ],
        },
        "copies": document.copies,
        "chosen_copy": document.chosen_copy,
        "blocks": [
            {
                "kind": b.kind.value,
                "annex": b.annex,
                "text": b.text,
                "start": b.view.start,
                "end": b.view.end,
            }
            for b in document.blocks
        ],
        "sections": [
            {
                "id": s.id,
                "level": s.level,
                "label": s.label,
                "number": s.number,
                "title": s.title,
                "annex": s.annex,
                "start": s.start,
                "end": s.end,
            }
            for s in document.sections
        ],
        "paragraphs": [
            {
                "index": p.index,
                "id": p.id,
                "number": p.number,
                "section": p.section,
                "annex": p.annex,
                "copy": p.copy,
                **({"page": p.page} if p.page is not None else {}),
                "text": p.text,
                "start": p.span()[0],
                "end": p.span()[1],
                "items": [_item(i) for i in p.items],
            }
            for p in document.paragraphs
        ],
        "dates": document_dates(document),
    }
