"""Resolutions, the meetings they mandate, and the relations between them the text states.

"قرارها 68/48" is General Assembly resolution A/RES/68/48 (session/number is the Assembly's
numbering); "القرار 1540 (2004)" is Security Council resolution S/RES/1540 (2004). In each
sentence the resolution the Assembly acts in ("قرّرت الجمعية العامة، في قرارها 68/48 ...")
is the subject; the verb before it (قررت, أشارت, أكدت من جديد ...) is what it does to the
meeting the sentence convenes ("عقد اجتماع ..."); a relation word right before another
resolution ("وفقا للقرار 66/47") links the subject to that one. "ما قررته" (what it had
decided) recalls the resolution that decided to convene the same meeting. In a resolution,
the document itself is the subject of every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unkg.extract.context import Context, Unit
from unkg.extract.facts import (
    DocumentFact,
    Fact,
    MandateFact,
    MeetingFact,
    ResolutionFact,
    ResolutionLinkFact,
)
from unkg.extract.meetings import find_mentions, key_for, subject_key
from unkg.extract.plenary import main_meeting
from unkg.lang.frames import Patterns
from unkg.text.symbols import find_symbols, parse_symbol

KIND = "resolutions"
REQUIRES = ("documents", "meetings")

GENERAL_ASSEMBLY = "un-general-assembly"
CITES = "cites"  # the relation of a citation no verb qualifies (concepts.tsv)
SECURITY_COUNCIL = "un-security-council"
_LINK_REACH = 30  # how far (characters) a relation word may stand before the resolution it governs


@dataclass(frozen=True, slots=True)
class Reference:
    start: int  # match-form offsets in the unit
    end: int
    symbol: str
    own: bool  # "قرارها": the acting organ's own resolution


def references(unit: Unit) -> list[Reference]:
    # both resolution frames find a resolution only by the language's word for it (the
    # second looks for it before the number): a unit without it, most of them, is not
    # scanned position by position
    p = unit.language.patterns()
    found = _worded_references(unit.text, p) if p.resolution_cue in unit.text else []
    for start, end, symbol in find_symbols(unit.view.text):
        if symbol.kind == "resolution":
            a = unit.form_offset(start)
            found.append(Reference(a, a + (end - start), symbol.text, False))
    return sorted(found, key=lambda r: r.start)


def _worded_references(text: str, p: Patterns) -> list[Reference]:
    """General Assembly and Security Council resolutions named with the word for resolution."""
    found = []
    for m in p.resolution.finditer(text):
        own = m.group("own") is not None
        symbol = f"A/RES/{int(m.group('session'))}/{int(m.group('number'))}"
        found.append(Reference(m.start(), m.end(), symbol, own))
        at = m.end()
        while (more := p.resolution_next.match(text, at)) is not None:
            symbol = f"A/RES/{int(more.group('session'))}/{int(more.group('number'))}"
            found.append(Reference(more.start("session"), more.end(), symbol, own))
            at = more.end()
    at = 0
    for m in p.sc_resolution.finditer(text):
        if m.start() < at:
            continue  # a member of a list already taken
        if p.resolution_cue not in text[max(0, m.start() - 25) : m.start() + 12]:
            continue
        found.append(
            Reference(m.start(), m.end(), sc_symbol(m.group("number"), m.group("year")), False)
        )
        at = m.end()
        # "resolutions 186 (1964) of 4 March, 187 (1964) of 13 March ... and 198 (1964)"
        while (more := p.sc_resolution_next.match(text, at)) is not None:
            symbol = sc_symbol(more.group("number"), more.group("year"))
            found.append(Reference(more.start("number"), more.end(), symbol, False))
            at = more.end()
    return found


def sc_symbol(number: str, year: str) -> str:
    """A Security Council resolution's symbol as the UN Digital Library writes it.

    >>> sc_symbol("0670", "1990")
    'S/RES/670(1990)'
    """
    return f"S/RES/{int(number)}({year})"


def resolution_fact(symbol: str, evidence):  # type: ignore[no-untyped-def]
    parsed = parse_symbol(symbol)
    numbers = [c for c in parsed.components[2:] if re.fullmatch(r"\d+(?: \(\d{4}\))?", c)]
    if symbol.startswith("A/RES/") and len(numbers) == 2:
        return ResolutionFact(
            symbol, GENERAL_ASSEMBLY, int(numbers[0]), int(numbers[1]), evidence=evidence
        )
    sc = re.fullmatch(r"S/RES/(\d+) ?\((\d{4})\)", symbol)
    if sc:
        return ResolutionFact(
            symbol,
            SECURITY_COUNCIL,
            None,
            int(sc.group(1)),
            year=int(sc.group(2)),
            evidence=evidence,
        )
    return ResolutionFact(symbol, parsed.organ, None, None, evidence=evidence)


def extract(context: Context) -> list[Fact]:
    p = context.patterns
    relations = context.concepts("relation")
    meeting = main_meeting(context)
    own_symbol = _own_resolution(context)
    facts: list[Fact] = []
    deciders: dict[str, str] = {}  # meeting key -> resolution that decided to convene it
    for unit in context.units:
        for s0, s1 in unit.sentences():
            refs = [r for r in _dedupe(references(unit)) if s0 <= r.start < s1]
            for ref in refs:
                facts.append(
                    resolution_fact(ref.symbol, (context.evidence(unit, ref.start, ref.end),))
                )
            if not refs and own_symbol is None:
                continue
            verbs = [v for v in relations.find(unit.text[s0:s1])]
            verbs = [type(v)(v.start + s0, v.end + s0, v.concept, v.trigger) for v in verbs]
            subject = own_symbol or next((r.symbol for r in refs if r.own), refs[0].symbol)
            subject_at = next((r.start for r in refs if r.symbol == subject), s0)
            action = next((v for v in verbs if v.end <= subject_at), None) or next(
                (v for v in verbs if v.start >= subject_at), None
            )
            for ref in refs:
                if ref.symbol == subject:
                    continue
                before = [
                    v
                    for v in verbs
                    if v.end <= ref.start
                    and ref.start - v.end <= _LINK_REACH
                    and not any(r.start < ref.start and r.start > v.end for r in refs)
                ]
                relation = before[-1].concept if before else None
                if relation is None and own_symbol is not None:
                    # in a resolution, a clause's opening verb governs what it cites
                    # ("Reaffirming its resolutions 186 (1964) ..., 187 (1964) ..."); a
                    # citation no verb governs is still one
                    opening = [v for v in verbs if v.end <= ref.start]
                    relation = opening[-1].concept if opening else CITES
                if relation is None:
                    continue
                evidence = (
                    context.evidence(unit, (before[-1].start if before else ref.start), ref.end),
                )
                facts.append(ResolutionLinkFact(subject, relation, ref.symbol, evidence=evidence))
            convened = _convened(context, unit, s0, s1, meeting)
            if convened is None or action is None:
                continue
            evidence = (context.evidence(unit, s0, s1),)
            facts.append(MandateFact(subject, action.concept, convened, evidence=evidence))
            recalled = p.recalled_decision.search(unit.text, s0, s1)
            if recalled and convened in deciders and deciders[convened] != subject:
                facts.append(
                    ResolutionLinkFact(subject, "recalls", deciders[convened], evidence=evidence)
                )
            if action.concept == "decides":
                deciders.setdefault(convened, subject)
    return facts


def _dedupe(refs: list[Reference]) -> list[Reference]:
    seen: set[tuple[int, str]] = set()
    kept = []
    for ref in refs:
        if (ref.start, ref.symbol) not in seen:
            seen.add((ref.start, ref.symbol))
            kept.append(ref)
    return kept


def _own_resolution(context: Context) -> str | None:
    """In a resolution, the document itself acts in every sentence."""
    for fact in context.facts:
        if isinstance(fact, DocumentFact) and fact.doc_type == "resolution" and fact.symbol:
            return fact.symbol
    return None


def _convened(
    context: Context, unit: Unit, s0: int, s1: int, meeting: MeetingFact | None
) -> str | None:
    """The meeting a sentence convenes: one it names, or the document's own meeting when
    the sentence convenes a meeting of that kind described in words of its name."""
    language = context.language
    m = context.patterns.convene.search(unit.text, s0, s1)
    if m is None:
        return None
    for mention in find_mentions(unit):
        if m.start() <= mention.start < s1:
            if meeting is not None and mention.key_words == subject_key(
                language.match_form(meeting.name).text, language
            ):
                return meeting.meeting
            key = key_for(context, mention)
            if key is not None:
                return key
    if meeting is None:
        return None
    kind = context.concepts("meeting-kind").at_start(m.group("kind"))
    if kind is None or kind.concept != meeting.kind:
        return None
    described = set(re.findall(r"\w{4,}", unit.text[m.end() : m.end() + 80]))
    named = set(re.findall(r"\w{4,}", language.match_form(meeting.name).text))
    stems = {language.strip_clitics(w) for w in described}
    name_stems = {language.strip_clitics(w) for w in named}
    return meeting.meeting if len(stems & name_stems) >= 2 else None
