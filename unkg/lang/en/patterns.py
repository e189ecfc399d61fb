"""The English sentence frames of UN documents, as named regular expressions.

They run on the English match form (lower case, no accents, plain apostrophes and dashes),
so they are written in lower case. Word lists (ordinals, cardinals, stop words, honorifics)
come from the pack's data files and concept triggers from the reference tables.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unkg.data import cells, load_table
from unkg.lang.frames import Patterns
from unkg.lang.latin import latin_match_form
from unkg.text.matching import trie_pattern

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack

__all__ = ["build_patterns"]

# the abbreviations a full stop follows inside a sentence ("Mr. Lomónaco", "No. 5")
_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "no", "nos", "para", "paras", "art", "arts", "vol", "st", "cf",
    "op", "rev", "corr", "add", "e.g", "i.e", "h.e", "jr", "sr", "messrs", "prof", "amb",
)  # fmt: skip
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
_DATE = rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_HOW = r"unanimously|without\s+(?:a\s+)?vote|by\s+consensus|by\s+acclamation"


def _form(text: str) -> str:
    return latin_match_form(text).text


def _triggers(pack: LanguagePack, scheme: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in load_table("concepts"):
        if row["scheme"] == scheme:
            for trigger in [row[pack.column("label")], *cells(row[pack.column("triggers")])]:
                if trigger:
                    found.setdefault(_form(trigger), row["id"])
    return found


def _sentence_end() -> re.Pattern[str]:
    not_after = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS)
    # a single initial ("J. Smith") does not end a sentence either
    return re.compile(rf"(?<=[.?!;]){not_after}(?<!\b[a-z]\.)\s+(?=\S)")


def build_patterns(pack: LanguagePack) -> Patterns:
    numbers = pack.data("numbers")
    words = pack.data("words")
    ordinals: dict[str, int] = dict(numbers["ordinals"])
    cardinals: dict[str, int] = dict(numbers["cardinals"])
    ordinal = trie_pattern(ordinals)
    cardinal = trie_pattern(cardinals)
    number = rf"(?:{ordinal}|\d{{1,4}}(?:st|nd|rd|th))"
    ordinal_list = rf"{number}(?:\s*,\s*(?:and\s+)?{number}|\s+and\s+{number})*"
    kinds = trie_pattern(_triggers(pack, "meeting-kind"))
    count = rf"(?:\d{{1,2}}|[il]|none|no|{cardinal})"
    honorifics = trie_pattern(_form(w) for w in words["honorifics"])
    return Patterns(
        sentence_end=_sentence_end(),
        # at its 1st plenary meeting / at the 3rd and 4th meetings / at its 3119th meeting
        plenary=re.compile(
            rf"(?<!\w)(?:at\s+)?(?P<noun>its|the|their)\s+(?P<ords>{ordinal_list})"
            rf"\s+(?:plenary\s+)?meetings?(?!\w)"
        ),
        plenary_same=re.compile(r"(?<!\w)(?:at\s+)?(?:the\s+same|that)\s+meetings?(?!\w)"),
        held_on=re.compile(r"^\s*,?\s*(?:also\s+)?(?:(?:held|convened)\s+)?on\s+"),
        respectively=re.compile(r"(?<!\w)respectively(?!\w)"),
        stated_count=re.compile(
            rf"(?<!\w)(?:held|over|in|during)\s+(?P<count>{cardinal}|\d{{1,3}})"
            rf"\s+(?:plenary\s+)?meetings(?!\w)"
        ),
        # its resolution 63/72 ; General Assembly resolutions 56/24 and 63/72
        resolution=re.compile(
            r"(?<!\w)(?P<kw>(?P<own>its\s+)?(?:(?P<organ>general\s+assembly|security\s+council)"
            r"\s+)?resolutions?)\s+(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        resolution_next=re.compile(
            rf"(?:\s+[a-z]{{1,2}}(?![\w/]))?(?:\s*,?\s*(?:of|adopted\s+on)\s+{_DATE})?"
            r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        sc_resolution=re.compile(
            r"(?<!\w)(?:resolutions?\s+)?(?:security\s+council\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # the next of a list: "186 (1964) of 4 March, 187 (1964) of 13 March ... and 198 (1964)"
        sc_resolution_next=re.compile(
            rf"(?:\s*,?\s*(?:of|adopted\s+on)\s+\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)?"
            r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:resolutions?\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        item_reference=re.compile(r"(?<!\w)(?:agenda\s+)?items?(?!\w)"),
        item_notation=re.compile(
            r"\s*(?:(?:,\s*(?:and\s+)?|\s+and\s+))?(?P<n>\d{1,2})(?:\s*\((?P<letter>[a-z]{1,2})\))?"
        ),
        list_and=re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)"),
        elected=re.compile(r"(?<!\w)(?:re-?)?elected(?!\w)"),
        # statements were made by ... / ... made statements / ... made a statement
        statement=re.compile(
            r"(?<!\w)(?:statements?\s+(?:was|were)\s+(?:also\s+)?(?:made|delivered)\s+by"
            r"(?P<between>)|made\s+(?:an?\s+|opening\s+|introductory\s+)*statements?(?P<before>))(?!\w)"
        ),
        capacity=re.compile(r"(?<!\w)in\s+(?:his|her|their|its)\s+capacity\s+as\s+"),
        on_behalf=re.compile(r"(?<!\w)\(?on\s+behalf\s+of\s+(?:the\s+)?"),
        honorific=re.compile(rf"(?<!\w)(?:{honorifics})\.?\s+"),
        dated=re.compile(r"(?<!\w)dated\s+(?:on\s+)?"),
        addressed_to=re.compile(r"(?<!\w)addressed\s+to\s+(?:the\s+)?"),
        convene=re.compile(
            rf"(?<!\w)(?:convene|convened|convening|hold|holding|to\s+be\s+held)\s+"
            rf"(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<kind>{kinds})(?!\w)"
        ),
        recalled_decision=re.compile(r"(?<!\w)(?:as\s+)?(?:it\s+)?had\s+decided(?!\w)"),
        hosts=re.compile(r"(?<!\w)(?:the\s+)?governments?\s+of\s+"),
        meeting_name=re.compile(rf"(?<!\w)(?P<kind>{kinds})(?!\w)"),
        subject_end=re.compile(
            r"\s*(?:,|\.|;|:|\(|\)|\"|(?<!\w)(?:held|convened|which|that|to\s+be|scheduled"
            r"|in\s+\d|in\s+(?:new\s+york|geneva|vienna)|from\s+\d|on\s+\d|at\s+(?:the|its)"
            r"|during)(?!\w))"
        ),
        subject_intro=re.compile(
            r"(?<!\w)(?:on|of|concerning|regarding|relating\s+to|to\s+consider|for)\s+(?:the\s+)?"
        ),
        year_phrase=re.compile(r"(?<!\w)in\s+(?P<year>(?:19|20)\d\d)(?![\d-])"),
        place_before=re.compile(r"(?:in|at)\s+$"),
        officer_cue=re.compile(
            r"(?<!\w)(?:(?:re-?)?elected|appointed|designated|nominated|chair(?:ed|s|ing)?|presided"
            r"|assumed|served\s+as|serve\s+as|as\s+follows|bureau)(?!\w)"
        ),
        predecessor_cue=re.compile(
            r"(?<!\w)(?:following|succeeding|after|outgoing|former|preceding)(?:\s+the)?"
            r"(?:\s+representatives?\s+of(?:\s+the)?)?\W*$"
        ),
        following_list=re.compile(
            r"(?<!\w)(?:the\s+)?following(?:\s+\w+){0,4}"
            r"(?:\s+(?:was|were)\s+(?:re-?)?elected(?:\s+by\s+\w+)?)?\s*:"
        ),
        next_speaker=re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?representatives?)"),
        capacity_end=re.compile(r"(?:\s*,\s*)(?:and\s+)?(?=(?:the\s+)?representatives?)|$"),
        apposed_name=re.compile(r"\s*,\s*(?P<name>(?:[^\s,.();:]+\s+){0,3}[^\s,.();:]+)\s*[,(]"),
        ordinal_word=re.compile(rf"(?<!\w)(?P<w>{ordinal}|\d{{1,4}}(?:st|nd|rd|th)?)(?!\w)"),
        ordinal_at=re.compile(rf"\s*(?P<o>{ordinal})(?!\w)"),
        ordinal_before=re.compile(rf"(?<!\w)(?P<o>{ordinal})\s+$"),
        session_before=re.compile(
            rf"(?<!\w)(?P<o>{ordinal})\s+(?:regular\s+|special\s+|ordinary\s+)?session"
            r"\s+of\s+(?:the\s+)?$"
        ),
        session_after=re.compile(
            rf"\s*,?\s*(?:(?:at|during|for)\s+(?:its|their)\s+)?(?P<o>{ordinal})\s+session(?!\w)"
        ),
        adopted=re.compile(
            rf"(?<!\w)adopted\s+(?:(?P<how>{_HOW})\s+)?(?:by\s+the\s+security(?:\s+council)?\s+)?"
            r"(?:at\s+(?:the|its)\s+(?:resumed\s+)?(?P<meeting_name>(?P<meeting>\d{1,5})(?:st|nd|rd|th)?[_.]?\s+"
            r"(?:plenary\s+)?meeting))?"
        ),
        vote_count=re.compile(
            rf"\s*,?\s*(?:(?:held\s+)?on\s+{_DATE}\s*,?\s*)?(?:(?P<how>{_HOW})"
            rf"|by\s+(?P<yes>{count})\s+votes?(?:\s+to\s+(?P<no>{count})(?P<no_list>\s*\([^)]*\))?)?"
            rf"(?:\s*,?\s*with\s+(?P<abstain>{count})\s+abstentions?(?P<abstain_list>\s*\([^)]*\))?)?)"
        ),
        not_voting=re.compile(
            rf"(?<!\w)(?:{cardinal}|\d{{1,2}})\s+members?\s*\([^)]*\)\s+did\s+not\s+"
            r"(?:participate|take\s+part)\s+in\s+the\s+vot(?:e|ing)"
        ),
        nil_words=frozenset({"none", "no", "nil"}),
        ordinals=ordinals,
        cardinals=cardinals,
        stop_words=frozenset(_form(w) for w in words["stop_words"]),
        resolution_cue="resolution",
        hosting_cue="host",
        clause_comma=",",
    )
