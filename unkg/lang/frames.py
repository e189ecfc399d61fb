"""The records a language pack fills: its sentence frames, its layout words, its date words.

Every pack builds the same records with the same names and the same named groups, so an
extractor written against them reads any language with a pack. All frames run on the
pack's match form (:meth:`unkg.lang.base.LanguagePack.match_form`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

__all__ = ["DateWords", "Heading", "Layout", "Patterns"]


@dataclass(frozen=True, slots=True)
class Patterns:
    """Named sentence frames of UN drafting in one language. The groups each must have are
    given beside it; a frame a language does not use is a pattern that never matches."""

    sentence_end: re.Pattern[str]  # the space after a sentence's closing mark
    plenary: re.Pattern[str]  # "at its 3rd plenary meeting": noun, ords
    plenary_same: re.Pattern[str]  # "at the same meeting"
    held_on: re.Pattern[str]  # anchored: "held on" before a date
    respectively: re.Pattern[str]
    stated_count: re.Pattern[str]  # "held nine plenary meetings": count
    # "its resolution 63/72": kw, own (the acting organ's own: "its"), session, number
    resolution: re.Pattern[str]
    resolution_next: re.Pattern[str]  # anchored: the next of a list: session, number
    sc_resolution: re.Pattern[str]  # "resolution 1540 (2004)": number, year
    sc_resolution_next: re.Pattern[str]  # anchored: the next of a list: number, year
    item_reference: re.Pattern[str]  # "agenda item"
    item_notation: re.Pattern[str]  # anchored: n, letter
    list_and: re.Pattern[str]  # anchored: what joins the members of a list ("and", ", and")
    elected: re.Pattern[str]
    statement: re.Pattern[str]  # "statements were made by": between (the speakers, when inside)
    capacity: re.Pattern[str]  # "in his capacity as"
    on_behalf: re.Pattern[str]  # "on behalf of"
    honorific: re.Pattern[str]
    dated: re.Pattern[str]  # "dated" before a date
    addressed_to: re.Pattern[str]
    convene: re.Pattern[str]  # "to convene a meeting": kind
    recalled_decision: re.Pattern[str]  # "what it had decided"
    hosts: re.Pattern[str]  # "the Government of" before the host State
    meeting_name: re.Pattern[str]  # a meeting's kind word opening its name: kind
    subject_end: re.Pattern[str]  # where the subject of a meeting's name ends
    subject_intro: re.Pattern[str]  # what introduces that subject ("on", "concerning")
    year_phrase: re.Pattern[str]  # "in 2001": year
    place_before: re.Pattern[str]  # what ends right before a meeting's city ("held in ")
    following_list: re.Pattern[str]  # "the following:"
    officer_cue: re.Pattern[str]  # a sentence that assigns offices: elected, appointed, تولى
    predecessor_cue: re.Pattern[str]  # ends right before a predecessor: "following", "خلفا ل"
    next_speaker: re.Pattern[str]  # between two speakers of one statement sentence
    capacity_end: re.Pattern[str]  # where a capacity phrase ends
    apposed_name: re.Pattern[str]  # anchored after a post: ", NAME," -> name
    ordinal_word: re.Pattern[str]  # an ordinal word or number: w
    ordinal_at: re.Pattern[str]  # anchored: an ordinal word right after a name's kind: o
    ordinal_before: re.Pattern[str]  # an ordinal word ending right before a kind: o
    # a body's numbered session: before the body's name ("the eighteenth session of the"),
    # after it ("... at its eighteenth session", "عن دورتها الثامنة عشرة"): o
    session_before: re.Pattern[str]
    session_after: re.Pattern[str]
    # "adopted unanimously at the 2963rd meeting": how (unanimously, without a vote, by
    # consensus), meeting_name ("2963rd meeting"), meeting (its number)
    adopted: re.Pattern[str]
    # anchored after "adopted": "by 13 votes to 1 (Cuba), with 2 abstentions (China and
    # Yemen)": how, yes, no, no_list, abstain, abstain_list
    vote_count: re.Pattern[str]
    not_voting: re.Pattern[str]  # "one member (China) did not participate in the voting"
    nil_words: frozenset[str]  # "none", "no": a count of nought
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    stop_words: frozenset[str]
    resolution_cue: str  # a word every resolution frame needs: units without it are skipped
    hosting_cue: str  # a word every sentence thanking a host holds
    clause_comma: str  # the comma that separates clauses

    # continuations: tried with re.match at the one position where another pattern's hit
    # ends ("and 66/47" after "resolutions 56/24"), never scanned over a text (see the
    # bench's regex floor, which runs only the patterns the extractors scan with)
    ANCHORED: ClassVar[frozenset[str]] = frozenset(
        {
            "held_on",
            "respectively",
            "resolution_next",
            "sc_resolution_next",
            "vote_count",
            "item_notation",
            "list_and",
            "apposed_name",
            "ordinal_at",
            "session_after",
        }
    )


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading found on a line: its level (1 section, 2 sub-section), its number,
    and where its title starts (the label is what comes before)."""

    level: int
    number: int
    title_at: int


@dataclass(frozen=True, slots=True)
class Layout:
    """How this language's documents lay out their text."""

    paragraph: re.Pattern[str]  # a numbered paragraph's first line: n, rest
    item: re.Pattern[str]  # a lettered or numbered item: label, rest
    list_letters: dict[str, int]  # an item's letter -> its rank
    heading: Callable[[str], Heading | None]  # a section heading line
    annex: Callable[[str], bool]  # an annex heading line
    boilerplate: frozenset[str]  # first-page lines taken out like page headers
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    title_openers: tuple[str, ...]  # words a document's title opens with (word keys)
    ends_sentence: re.Pattern[str]  # a line that ends a sentence
    damage: Callable[[str], float]  # signs of extraction damage in a raw line
    # the heading of a Security Council resolution, in match form: "resolution 780 (1992)",
    # "68 (1949). resolution of 10 february 1949": number, year
    resolution_heading: re.Pattern[str]
    security_council: re.Pattern[str]  # the Council's name, in match form


@dataclass(frozen=True, slots=True, eq=False)  # one per pack: hashed by identity
class DateWords:
    """The words of dates: month names, and what joins days, months and years."""

    months: dict[str, int]  # every form of every month (match form)
    range_separator: str  # regex between the two days of a range: "-", "to", "إلى"
    pair_separator: str  # regex between the two days of a pair: "and", "و"
    day: str  # regex of a day of the month ("1er" in French)
    day_month: str  # regex between a day and its month
    month_year: str  # regex between a month and its year
