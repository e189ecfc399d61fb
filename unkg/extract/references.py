"""Documents a text refers to by symbol, what each one is, and revision chains.

What a cited document is comes from the words that introduce it in the same sentence
("جدول الأعمال المؤقت (…/L.1)", "قائمة بأسماء المشاركين … في الوثيقة …/INF/1/Rev.1"), and
otherwise from its symbol (``CRP.n`` conference room paper, ``L.n`` draft, ``INF`` information).
``…/Rev.1`` revises, ``…/Corr.1`` corrects and ``…/Add.1`` adds to the symbol before it.
"""

from __future__ import annotations

from unkg.extract.context import Context, Unit
from unkg.extract.facts import DocumentReferenceFact, Fact
from unkg.text.symbols import Symbol, find_symbols

KIND = "references"
REQUIRES: tuple[str, ...] = ()

_SYMBOL_KIND_TYPE = {
    "conference-room-paper": "conference-room-paper",
    "limited": "draft",
    "information": "information-document",
    "working-paper": "working-paper",
    "resolution": "resolution",
    "decision": "decision",
}
# what only a symbol can make a document: a resolution has RES in it, a decision DEC
_SYMBOLIC = {"resolution", "decision"}
_RELATION = {"Rev": "revision", "Corr": "corrigendum", "Add": "addendum", "Amend": "revision"}


def _sentence_start(unit: Unit, at: int) -> int:
    start = 0
    for a, b in unit.sentences():
        if a <= at <= b:
            return a
        start = b
    return start


def extract(context: Context) -> list[Fact]:
    own = context.document.metadata.symbol
    facts: list[Fact] = []
    doctypes = context.concepts("doctype")
    for unit in context.units:
        previous_end = 0
        for start, end, symbol in find_symbols(unit.view.text):
            if symbol.text == own:
                continue
            form_start = unit.form_offset(start)
            window_start = max(_sentence_start(unit, form_start), previous_end)
            context_types = doctypes.find(unit.text[window_start:form_start])
            doc_type = context_types[-1].concept if context_types else _from_symbol(symbol)
            if doc_type in _SYMBOLIC and _from_symbol(symbol) != doc_type:
                # "resolution ... [S/1252]": the draft's symbol, not a resolution's
                doc_type = _from_symbol(symbol)
            evidence = [context.evidence_text(unit, start, end)]
            if context_types:
                trigger = context_types[-1]
                evidence.append(
                    context.evidence(unit, window_start + trigger.start, window_start + trigger.end)
                )
            relation = _RELATION.get(symbol.modifier[0]) if symbol.modifier else None
            facts.append(
                DocumentReferenceFact(
                    context.key,
                    symbol.text,
                    doc_type,
                    revision_of=symbol.base,
                    relation=relation,
                    evidence=tuple(evidence),
                )
            )
            previous_end = unit.form_offset(end)
    return facts


def _from_symbol(symbol: Symbol) -> str | None:
    return _SYMBOL_KIND_TYPE.get(symbol.kind or "")
