"""Meetings, conferences, workshops and the numbered sessions of bodies: name, kind, place,
dates, the number of plenary meetings the text states, and how the document relates to each.

A meeting's identity is its *key*, made only of what does not depend on the language it is
read in (see :func:`meeting_key`): the body and number of a session ("the eighteenth
session of the Committee on Transport", "الدورة الثامنة عشرة للجنة النقل"); else, for the
meeting a document belongs to, the symbol series of its documents (``A/CONF.192/BMS/2014``);
else kind, year, ordinal and the topics and instruments its name names. Within one document
the mentions of a meeting are merged by the words of its subject, so that "المؤتمر الدولي
المعني بالاتجار ..." and "مؤتمر الأمم المتحدة المعني بالاتجار ... المنعقد في عام 2001" are
one meeting. The meeting a document is about is the one its first page is headed with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from unkg.extract.concepts import concepts, topics
from unkg.extract.context import Context, Unit
from unkg.extract.facts import Entity, EntityKind, Evidence, Fact, MeetingFact, PlenaryCountFact
from unkg.lang.base import LanguagePack
from unkg.text.dates import find_dates
from unkg.text.symbols import find_symbols, meeting_series

KIND = "meetings"
REQUIRES: tuple[str, ...] = ()

SUBJECT_WORDS = 3
# What introduces the subject of a meeting's name: "المعني ب", "بشأن", "للنظر في", "حول".
_QUOTES = '”“"«»'


@dataclass(slots=True)
class Mention:
    """One place the text names a meeting."""

    unit: Unit
    start: int
    end: int
    kind: str
    subject: str
    key_words: str
    year: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    place: Entity | None = None
    series: str | None = None
    body: str | None = None  # the body whose numbered session this is (organizations.tsv id)
    number: int | None = None  # the ordinal in its name: "eighteenth session", "fifth meeting"
    subjects: tuple[str, ...] = ()  # topics and instruments its name names (table ids)
    evidence: list[Evidence] = field(default_factory=list)


def subject_key(subject: str, language: LanguagePack) -> str:
    """The first content words of a meeting's subject, reduced so wordings agree.

    >>> from unkg.lang import get
    >>> subject_key("بتنفيذ برنامج العمل المتعلق بمنع الاتجار", get("ar"))
    'تنفيذ رنامج عمل'
    """
    stop = language.patterns().stop_words
    words: list[str] = []
    for token in re.findall(r"\w+", subject):
        if token in stop:
            continue
        token = language.strip_clitics(token)
        if token in stop or len(token) < 2:
            continue
        words.append(token)
        if len(words) == SUBJECT_WORDS:
            break
    return " ".join(words)


def meeting_key(
    kind: str,
    year: int | None,
    key_words: str,
    *,
    body: str | None = None,
    number: int | None = None,
    subjects: tuple[str, ...] = (),
) -> str:
    """A meeting's key from what it is, never from the language it was read in: a body's
    numbered session; else kind, year, number and the topics and instruments of its name;
    only when its name names none of those, the words of its subject (the one part that
    depends on the language).

    >>> meeting_key("session", 2017, "", body="escwa-transport-committee", number=18)
    'escwa-transport-committee/session/18'
    >>> meeting_key("conference", 2001, "x", subjects=("small-arms", "illicit-trade"))
    'conference-2001-fd435eed74'
    """
    if body and number:
        return f"{body}/{kind}/{number}"
    named = f"{number or ''}|{'|'.join(sorted(set(subjects)))}" if subjects else key_words
    digest = hashlib.sha1(f"{kind}|{year}|{named}".encode()).hexdigest()[:10]
    return f"{kind}-{year}-{digest}"


def mention_key(mention: Mention) -> str:
    """The key of the meeting a mention names (see :func:`meeting_key`)."""
    return meeting_key(
        mention.kind,
        mention.year,
        mention.key_words,
        body=mention.body,
        number=mention.number,
        subjects=mention.subjects,
    )


def series_key(series: str) -> str:
    """The key of the meeting a symbol series belongs to (``A/CONF.192/BMS/2014``).

    >>> series_key("E/ESCWA/EDID/2017/IG.1")
    'series/E-ESCWA-EDID-2017-IG.1'
    """
    return "series/" + re.sub(r"[^A-Za-z0-9.()]+", "-", series).strip("-")


def _subject(text: str, at: int, language: LanguagePack) -> tuple[int, int] | None:
    """Where the subject of a meeting name starting at ``at`` lies."""
    p = language.patterns()
    window = text[at : at + 160]
    intro = p.subject_intro.search(window)
    if intro is None or intro.start() > 90 or p.clause_comma in window[: intro.start()]:
        return None
    if p.meeting_name.search(window, 0, intro.start()):
        return None  # the name that follows belongs to another meeting named in between
    start = at + intro.end()
    if start < len(text) and text[start] in _QUOTES:
        start += 1
        close = next(
            (i for i in range(start, min(len(text), start + 400)) if text[i] in _QUOTES), None
        )
        if close is not None:
            return start, close
    end_match = p.subject_end.search(text, start)
    end = end_match.start() if end_match else len(text)
    end = min(end, start + 260)
    return (start, end) if end > start else None


def find_mentions(unit: Unit) -> list[Mention]:
    """The meetings a unit names (computed once per unit)."""
    return unit.remember("meeting-mentions", lambda: _find_mentions(unit))


def _find_mentions(unit: Unit) -> list[Mention]:
    language = unit.language
    p = language.patterns()
    kinds = concepts("meeting-kind", language.code)
    mentions = []
    for m in p.meeting_name.finditer(unit.text):
        kind_match = kinds.at_start(m.group("kind"))
        if kind_match is None:
            continue
        span = _subject(unit.text, m.end(), language)
        if (
            span is None
            and unit.kind == "body-name"
            and m.start() == 0
            and not re.search(r"\d", unit.text)
        ):
            # a first-page heading is a meeting's name whatever introduces its subject
            span = (m.end(), len(unit.text))
        if span is None or unit.text[span[0] : span[0] + 1].isdigit():
            continue  # "meeting on 11 August": a date, not a subject
        subject = unit.text[span[0] : span[1]]
        key_words = subject_key(subject, language)
        if len(key_words.split()) < 2:
            continue
        # an ordinal in the name ("الاجتماع الخامس", "the fifth meeting") tells apart
        # meetings of one series
        ordinal = p.ordinal_at.match(unit.text, m.end()) or p.ordinal_before.search(
            unit.text, max(0, m.start("kind") - 40), m.start("kind")
        )
        number = p.ordinals[ordinal.group("o")] if ordinal else None
        if number is not None:
            key_words = f"{number} {key_words}"
        mention = Mention(unit, m.start("kind"), span[1], kind_match.concept, subject, key_words)
        mention.number = number
        mention.subjects = _subjects(unit, span[0], span[1])
        _dates_after(mention)
        mentions.append(mention)
    sessions = _sessions(unit, mentions)
    # a body's numbered session is the better name for the "session (...)" it overlaps
    mentions = [
        m
        for m in mentions
        if not (_unnamed_session(m) and any(_overlap(m, s.start, s.end) for s in sessions))
    ]
    return sorted(mentions + sessions, key=lambda m: m.start)


def _subjects(unit: Unit, start: int, end: int) -> tuple[str, ...]:
    """The topics and instruments a meeting's name names: what its identity is made of,
    the same in every language."""
    found = {t.concept for t in topics(unit.language.code).find(unit.text[start:end])}
    found |= {
        n.entity.key for n in unit.names_in(start, end) if n.entity.kind is EntityKind.INSTRUMENT
    }
    return tuple(sorted(found))


def _overlap(mention: Mention, start: int, end: int) -> bool:
    return mention.start < end and start < mention.end


def _unnamed_session(mention: Mention) -> bool:
    return mention.kind == "session" and mention.body is None


def _sessions(unit: Unit, named: list[Mention]) -> list[Mention]:
    """Numbered sessions of a body the tables name: "the eighteenth session of the Committee
    on Transport", "the Committee ... at its eighteenth session", "لجنة النقل عن دورتها
    الثامنة عشرة", "الدورة الثامنة عشرة للجنة النقل"."""
    p = unit.language.patterns()
    found = []
    for name in unit.names:
        if name.entity.kind is not EntityKind.ORGANIZATION:
            continue
        before = p.session_before.search(unit.text, max(0, name.start - 60), name.start)
        after = None if before else p.session_after.match(unit.text, name.end)
        hit = before or after
        if hit is None:
            continue
        start = hit.start() if before else name.start
        end = name.end if before else hit.end()
        if any(_overlap(m, start, end) and not _unnamed_session(m) for m in named):
            continue
        number = p.ordinals[hit.group("o")]
        body = name.entity.key
        mention = Mention(unit, start, end, "session", "", f"{body} {number}")
        mention.body, mention.number = body, number
        _dates_after(mention)
        found.append(mention)
    return found


def _sentence_end(text: str, start: int, language: LanguagePack) -> int:
    for m in language.patterns().sentence_end.finditer(text, start):
        return m.start()
    return len(text)


def _dates_after(mention: Mention) -> None:
    """Year, dates and place stated after a meeting's name, in the same sentence."""
    text = mention.unit.text
    language = mention.unit.language
    p = language.patterns()
    stop = _sentence_end(text, mention.end, language)
    # the next meeting named in the sentence takes what follows it
    following = p.meeting_name.search(text, mention.end, stop)
    if following is not None:
        stop = following.start()
    # the name itself may end on its date ("... للنظر في تنفيذ برنامج العمل في عام 2016")
    tail = text[mention.end : stop]
    if not find_dates(tail, language) and not p.year_phrase.search(tail):
        tail = text[mention.start : stop]
    dates = [d for d in find_dates(tail, language) if d.has_year]
    if dates:
        mention.year = dates[0].first.year
        mention.first, mention.last = dates[0].first, dates[0].last
    else:
        year = p.year_phrase.search(tail)
        if year:
            mention.year = int(year.group("year"))
    for start, _, symbol in find_symbols(mention.unit.view.text):
        a, _ = mention.unit.form.source_span(mention.end, stop) if stop > mention.end else (0, 0)
        if start >= a and symbol.series_root:
            mention.series = symbol.series_root
            break
    # the place: a city named after "in" in the name's sentence ("held in Vienna, Austria")
    for name in mention.unit.names:
        if (
            name.entity.kind is EntityKind.PLACE
            and mention.start < name.start < stop
            and p.place_before.search(text[max(0, name.start - 8) : name.start])
        ):
            within = _within(mention.unit, name.end)
            mention.place = replace(name.entity, within=within or name.entity.within)
            break


def _within(unit: Unit, at: int) -> str | None:
    """The State right after a place (``فيينا بالنمسا``)."""
    for name in unit.names:
        if name.start in (at + 1, at + 2) and name.entity.kind is EntityKind.STATE:
            return name.entity.key
    return None


def _dateline(
    context: Context,
) -> tuple[dt.date | None, dt.date | None, Entity | None, Unit | None]:
    for unit in context.blocks("dateline")[:1]:
        dates = [d for d in context.dates(unit.text) if d.has_year]
        place = next((n.entity for n in unit.names if n.entity.kind is EntityKind.PLACE), None)
        if place is None:
            comma = context.patterns.clause_comma
            before = unit.text.split(comma)[0].strip() if comma in unit.text else ""
            if before and not re.search(r"\d", before):
                place = Entity(EntityKind.PLACE, "", unit.reading(0, len(before)))
        if dates:
            return dates[0].first, dates[-1].last, place, unit
        return None, None, place, unit
    return None, None, None, None


def extract(context: Context) -> list[Fact]:
    """Meeting facts, one per meeting key, merged over all its mentions in the document."""
    merged: dict[str, MeetingFact] = {}
    by_subject: dict[tuple[str, str], tuple[str, int | None]] = {}  # -> key and its year
    main_key: str | None = None
    start, end, place, dateline = _dateline(context)
    for unit in context.units:
        for mention in find_mentions(unit):
            heading = unit.kind == "body-name" and main_key is None
            if heading:
                mention.year = mention.year or (start.year if start else None)
                mention.first = mention.first or start
                mention.last = mention.last or end
                mention.place = mention.place or place
                if dateline is not None:
                    mention.evidence.append(context.evidence(dateline, 0, len(dateline.text)))
            known = by_subject.get((mention.kind, mention.key_words))
            if known is not None and (mention.year is None or mention.year == known[1]):
                key = known[0]
            elif mention.year is not None or (mention.body and mention.number):
                key = mention_key(mention)
            else:
                continue
            by_subject.setdefault((mention.kind, mention.key_words), (key, mention.year))
            if heading:
                main_key = key
            evidence = (context.evidence(unit, mention.start, mention.end), *mention.evidence)
            fact = MeetingFact(
                meeting=key,
                kind=mention.kind,
                name=mention.unit.reading(mention.start, mention.end),
                place=mention.place,
                start=mention.first,
                end=mention.last,
                series=mention.series,
                body=mention.body,
                number=mention.number,
                evidence=evidence,
            )
            merged[key] = _merge(merged.get(key), fact)
    facts: list[Fact] = []
    if main_key is not None:
        main = _main_meeting(context, merged.pop(main_key))
        merged[main.meeting] = main
        facts.extend(_stated_count(context, main.meeting))
        by_subject = {
            s: ((main.meeting, y) if k == main_key else (k, y)) for s, (k, y) in by_subject.items()
        }
    context.cache[_KEYS] = by_subject
    return [merged[k] for k in merged] + facts


_KEYS = "meeting-keys"  # the keys the document's meetings got, by kind and subject words


def key_for(context: Context, mention: Mention) -> str | None:
    """The key of the meeting a mention names: the one the document's meetings already
    gave these words, else its own (None for a meeting without year or body and number)."""
    known: dict[tuple[str, str], tuple[str, int | None]] = context.cache.get(_KEYS, {})  # type: ignore[assignment]
    found = known.get((mention.kind, mention.key_words))
    if found is not None and (mention.year is None or mention.year == found[1]):
        return found[0]
    if mention.year is not None or (mention.body and mention.number):
        return mention_key(mention)
    return None


def _merge(old: MeetingFact | None, new: MeetingFact) -> MeetingFact:
    if old is None:
        return new
    return replace(
        old,
        place=old.place or new.place,
        start=old.start or new.start,
        end=old.end or new.end,
        series=old.series or new.series,
        body=old.body or new.body,
        number=old.number or new.number,
        evidence=old.evidence + new.evidence,
    )


def _main_meeting(context: Context, fact: MeetingFact) -> MeetingFact:
    """The meeting the document is headed with: how the document relates to it, how many
    plenary meetings the text says it held, its symbol series (from the report's own
    symbol), and who hosted it."""
    relation = "mentions"
    evidence = list(fact.evidence)
    title = next(iter(context.blocks("doc-title")), None)
    if title is not None:
        doctype = context.concepts("doctype").at_start(title.text)
        if doctype is not None and doctype.concept == "report":
            relation = "reports-on"
        elif context.patterns.addressed_to.search(title.text):
            relation = "addressed-to"
        evidence.append(context.evidence(title, 0, len(title.text)))
    series = fact.series
    key = fact.meeting
    symbol = context.document.metadata.symbol
    own_series = meeting_series(symbol) if symbol else None
    if own_series is not None:
        # the document is one of the meeting's: its symbol series is the meeting's, the
        # same in every language version
        series = own_series
        if not (fact.body and fact.number):
            key = series_key(own_series)
    return replace(
        fact,
        meeting=key,
        relation=relation,
        document=context.key,
        series=series,
        evidence=tuple(evidence),
    )


def _stated_count(context: Context, meeting: str) -> list[Fact]:
    p = context.patterns
    for unit in context.paragraphs():
        m = p.stated_count.search(unit.text)
        if m:
            word = m.group("count")
            count = int(word) if word.isdigit() else p.cardinals.get(word)
            if count:
                return [
                    PlenaryCountFact(
                        meeting, count, evidence=(context.evidence(unit, m.start(), m.end()),)
                    )
                ]
    return []


def meeting_in(unit: Unit, start: int, stop: int, by_key: dict[str, MeetingFact]) -> str | None:
    """The key of a meeting of ``by_key`` that the unit names between ``start`` and ``stop``."""
    language = unit.language
    for mention in find_mentions(unit):
        if start <= mention.start < stop:
            for key, fact in by_key.items():
                if fact.kind != mention.kind:
                    continue
                if fact.body and fact.number:
                    # a body's numbered session is named by body and number, not by subject
                    if (mention.body, mention.number) == (fact.body, fact.number):
                        return key
                elif subject_key(fact_subject(fact, language), language) == mention.key_words:
                    return key
    return None


def fact_subject(fact: MeetingFact, language: LanguagePack) -> str:
    """The subject of a meeting fact's name, in match form."""
    text = language.match_form(fact.name).text
    kind = language.patterns().meeting_name.match(text)
    span = _subject(text, kind.end() if kind else 0, language)
    return text[span[0] : span[1]] if span else ""
