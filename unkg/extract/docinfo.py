"""The document itself: symbol, job number, type, date, language, title."""

from __future__ import annotations

from unkg.extract.context import Context
from unkg.extract.facts import DocumentFact, Evidence, Fact, IdentifierFact
from unkg.text.symbols import parse_symbol

KIND = "documents"
REQUIRES: tuple[str, ...] = ()

_KIND_TYPES = {
    "resolution": "resolution",
    "decision": "decision",
    "conference-room-paper": "conference-room-paper",
    "working-paper": "working-paper",
    "information": "information-document",
    "limited": "draft",
}


def extract(context: Context) -> list[Fact]:
    document = context.document
    meta = document.metadata
    evidence: list[Evidence] = []
    original = document.source.text
    headers = tuple(
        Evidence(
            context.key,
            _unit_of(context, h.start, h.end),
            h.start,
            h.end,
            original[h.start : h.end],
            page=document.source.page_at(h.start),
        )
        for h in meta.headers
        if h.kind in ("symbol", "job-number") and h.end > h.start
    )
    facts: list[Fact] = []
    if meta.symbol or meta.job_number:
        facts.append(IdentifierFact(context.key, meta.symbol, meta.job_number, evidence=headers))
    title_unit = next(iter(context.blocks("doc-title")), None)
    doc_type = None
    title = None
    date = None
    if title_unit is not None:
        title = title_unit.view.text
        opener = context.concepts("doctype").at_start(title_unit.text)
        doc_type = opener.concept if opener else None
        evidence.append(context.evidence(title_unit, 0, len(title_unit.text)))
        dated = context.patterns.dated.search(title_unit.text)
        if dated:
            found = context.dates(title_unit.text[dated.end() : dated.end() + 40])
            if found and found[0].start == 0 and found[0].has_year:
                date = found[0].first
    if doc_type is None and meta.symbol:
        doc_type = _KIND_TYPES.get(parse_symbol(meta.symbol).kind or "")
    facts.append(
        DocumentFact(
            context.key,
            meta.symbol,
            meta.job_number,
            doc_type,
            date,
            meta.language,
            title,
            document.source.sha256,
            evidence=tuple(evidence),
        )
    )
    return facts


def _unit_of(context: Context, start: int, end: int) -> str:
    """The unit a header's span lies in: a page header or footer is none of them; a
    resolution's heading, which gives its symbol, is a title block."""
    for unit in context.units:
        a, b = unit.view.span()
        if a <= start and end <= b and start in unit.view.origin:
            return unit.id
    return "page-header"
