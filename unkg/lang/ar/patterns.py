"""The Arabic sentence frames of UN documents, as named regular expressions.

All patterns run on match form (no diacritics, bare alef, ta marbuta as ha, alef maqsura as
ya), so they are written in that form too. Word lists (ordinals, cardinals, stop words,
honorifics, concept triggers) come from the data files and the reference tables; the
frames around them are UN drafting conventions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unkg.data import cells, load_table
from unkg.lang.ar.data import load
from unkg.lang.ar.script import match_form
from unkg.lang.frames import Patterns
from unkg.text.matching import trie_pattern

if TYPE_CHECKING:
    from unkg.lang.base import LanguagePack

__all__ = ["build_patterns"]


def _form(text: str) -> str:
    return match_form(text).text


def _concept_triggers(pack: LanguagePack, scheme: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in load_table("concepts"):
        if row["scheme"] == scheme:
            for trigger in [row[pack.column("label")], *cells(row[pack.column("triggers")])]:
                found.setdefault(_form(trigger), row["id"])
    return found


def build_patterns(pack: LanguagePack) -> Patterns:
    numbers = load("numbers")
    ordinals = {_form(k): v for k, v in numbers["ordinals"].items()}
    cardinals = {_form(k): v for k, v in numbers["cardinals"].items()}
    ordinal = trie_pattern(ordinals)
    cardinal = trie_pattern(cardinals)
    ordinal_list = rf"(?:{ordinal}|\d{{1,3}})(?:\s*(?:،\s*)?و\s*(?:{ordinal}|\d{{1,3}}))*"
    kinds = trie_pattern(_concept_triggers(pack, "meeting-kind"))
    honorifics = trie_pattern(_form(w) for w in load("words")["honorifics"])
    return Patterns(
        sentence_end=re.compile(r"(?<=[.؟!؛])\s+(?=\S)"),
        # في الجلسة الأولى / وفي الجلستين الثانية والثالثة / في جلستها العامة 12
        plenary=re.compile(
            rf"(?<!\w)(?:و?في\s+)?(?P<noun>ال?جلس(?:ه|تين|تان|ات)|جلستها|جلسته|جلستيها)"
            rf"(?:\s+العامه)?\s+(?P<ords>{ordinal_list})(?!\w)"
        ),
        plenary_same=re.compile(
            r"(?<!\w)(?:و?في\s+)?ال?جلس(?:ه|تين)\s+(?:نفسها|ذاتها|نفسيهما)(?!\w)"
        ),
        held_on=re.compile(
            r"^\s*(?:،\s*)?(?:ايضا\s+)?(?:المعقود(?:ه|تين|تان|ات)?|التي\s+عقدت)(?:\s+ايضا)?\s+في\s+"
        ),
        respectively=re.compile(r"(?<!\w)علي\s+التوالي(?!\w)"),
        stated_count=re.compile(
            rf"(?<!\w)(?P<count>{cardinal}|\d{{1,3}})\s+جلس(?:ات|ه|تين|تان)\s+عامه(?!\w)"
        ),
        # في قرارها 68/48 ; وفقا للقرار 66/47 ; قرارات الجمعية العامة 66/47 و 68/48
        resolution=re.compile(
            r"(?<!\w)(?P<kw>[وفبل]?(?:ال|لل)?قرار(?:(?P<own>ها|يها|اتها)|ه|ات|ين|ي)?)"
            r"(?:\s+(?P<organ>الجمعيه\s+العامه|مجلس\s+الامن))?"
            r"\s+(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        # the next of a list of resolutions: "قراراتها 56/24 المؤرخ ... 2001 و 66/47"
        resolution_next=re.compile(
            r"(?:\s+[A-Z]{1,2})?(?:\s*،?\s*(?:المؤرخ\w*|المعتمد\w*)[^،؛.]{0,45}?)?"
            r"\s*(?:،\s*)?و\s*(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        sc_resolution=re.compile(
            r"(?<!\w)(?:[وفبل]?(?:ال|لل)?قرار(?:ه|ات)?\s+)?(?:مجلس\s+الامن\s+)?"
            r"(?P<number>\d{2,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # the next of a list: "القرارات 1540 (2004) و 1673 (2006) و 1810 (2008)"
        sc_resolution_next=re.compile(
            r"(?:\s*،?\s*(?:المؤرخ\w*|المعتمد\w*)[^،؛.]{0,45}?)?\s*(?:،\s*)?و\s*"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        item_reference=re.compile(r"(?<!\w)(?:[وفبل]?ال)?(?:بند(?:ين|ان)?|بنود)(?!\w)"),
        item_notation=re.compile(
            r"\s*(?:(?:،\s*)?و\s*)?(?P<n>\d{1,2})(?:\s*\((?P<letter>[^\s()]{1,2})\))?"
        ),
        list_and=re.compile(r"\s*(?:،\s*)?و"),
        elected=re.compile(r"(?<!\w)و?انتخب(?:ت|وا|ا)?(?!\w)"),
        statement=re.compile(
            r"(?<!\w)و?(?:ادلي|ادلت|ادلوا|ادليا)(?P<between>(?:\s+\S+){0,6}?)\s+ب?بيان(?:ات|ين)?(?!\w)"
        ),
        capacity=re.compile(r"(?<!\w)بصفت(?:ه|ها|هما|هم|هن)\s+"),
        on_behalf=re.compile(r"(?<!\w)\(?باسم\s+"),
        honorific=re.compile(rf"(?<!\w)(?:{honorifics})\s+"),
        dated=re.compile(r"(?<!\w)مؤرخ(?:ه|ين|تين|تان)?\s+(?:في\s+)?"),
        addressed_to=re.compile(r"(?<!\w)موجه(?:ه|تان|تين)?\s+(?:الي|لي)\s+"),
        convene=re.compile(rf"(?<!\w)(?:عقد|انعقاد|يعقد|تعقد|بعقد|لعقد)\s+(?P<kind>{kinds})(?!\w)"),
        recalled_decision=re.compile(r"(?<!\w)ما\s+(?:قررته|قرره|قررت)(?!\w)"),
        hosts=re.compile(r"(?<!\w)(?:[لو]?حكوم(?:ه|تي|ات))\s+"),
        meeting_name=re.compile(rf"(?<!\w)(?:[وفبل]|لل)?(?P<kind>{kinds})(?!\w)"),
        subject_end=re.compile(
            r"\s*(?:،|\.|;|؛|:|\(|\)|”|“|\"|(?<!\w)(?:المعقود|المنعقد|الذي|التي|في\s+موعد|"
            r"في\s+مقر|في\s+\d|في\s+عام|خلال|يومي|يوم|من\s+\d|وتتشرف|وتتشرفان|ويتشرف)\w*)"
        ),
        following_list=re.compile(r"(?<!\w)(?:التاليه|التالي|التالين)\s*:"),
        subject_intro=re.compile(r"(?<!\w)(?:المعنيه?|بشان|للنظر\s+في|حول)\s+"),
        year_phrase=re.compile(r"(?<!\w)(?:في\s+)?عام\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
        place_before=re.compile(r"في\s+$"),
        officer_cue=re.compile(
            r"(?<!\w)(?:[وف]?(?:انتخب|تول|تتول|عين|اختير|ترا?س|يترا?س)\w*|[وب]?رئاسه|منصب\w*"
            r"|كما\s+يلي|اعضاء\s+المكتب)(?!\w)"
        ),
        predecessor_cue=re.compile(r"(?<!\w)(?:خلفا|المنتهيه\s+ولايت\w*)\W*\w{0,3}$"),
        next_speaker=re.compile(r"(?:،\s*)?و(?=ممثل)"),
        capacity_end=re.compile(r"(?:،\s*)?(?:و(?=ممثل)|علي\s+التوالي)|$"),
        apposed_name=re.compile(r"\s*،\s*(?P<name>(?:[^\s،,.()؛:]+\s+){0,3}[^\s،,.()؛:]+)\s*[،,(]"),
        ordinal_word=re.compile(rf"(?<!\w)(?:و)?(?P<w>{ordinal}|\d{{1,3}})(?!\w)"),
        ordinal_at=re.compile(rf"\s*(?P<o>{ordinal})(?!\w)"),
        ordinal_before=re.compile(r"(?!)"),  # Arabic puts the ordinal after the kind
        session_before=re.compile(
            rf"(?<!\w)(?:[وفبل]|لل)?(?:ال)?دوره\s+(?P<o>{ordinal})\s+[وفبلك]{{0,2}}$"
        ),
        session_after=re.compile(
            rf"\s*(?:،\s*)?(?:(?:عن|في|خلال)\s+(?:ال)?دورت(?:ها|ه)|(?:ال)?دوره)\s+(?P<o>{ordinal})(?!\w)"
        ),
        adopted=re.compile(
            r"(?<!\w)[و]?(?:اتخذ|اعتمد)\w*\s+(?:(?P<how>بالاجماع|(?:ب)?دون\s+تصويت|بتوافق\s+الاراء)"
            # "اتخذه مجلس الأمن في جلسته 3119": the organ may stand before its meeting
            r"\s+)?(?:مجلس\s+الامن\s+)?"
            r"(?:(?:في|خلال)\s+(?P<meeting_name>(?:ال)?جلس(?:ه|ته|تها)\s+(?P<meeting>\d{1,5})))?"
        ),
        vote_count=re.compile(
            r"\s*،?\s*(?:(?P<how>بالاجماع|(?:ب)?دون\s+تصويت|بتوافق\s+الاراء)"
            r"|ب(?:اغلبيه\s+)?(?P<yes>\d{1,2})\s+صوتا(?:\s+مقابل\s+(?P<no>\d{1,2}|لا\s+شيء)"
            r"(?P<no_list>\s*\([^)]*\))?)?(?:\s*(?:،\s*)?(?:و|مع\s+)?امتناع\s+"
            # "امتناع 3 أعضاء", "امتناع عضو واحد": the count before or after the noun
            rf"(?:عضو\s+|اعضاء\s+)?(?P<abstain>\d{{1,2}}|{cardinal})"
            r"\s+(?:اعضاء\s+|عضو\s+)?عن\s+التصويت(?P<abstain_list>\s*\([^)]*\))?)?)"
        ),
        not_voting=re.compile(r"(?<!\w)لم\s+(?:ي|ت)شارك\w*\s+في\s+التصويت"),
        nil_words=frozenset({"لا شيء"}),
        ordinals=ordinals,
        cardinals=cardinals,
        stop_words=frozenset(_form(w) for w in load("words")["stop_words"]),
        resolution_cue="قرار",
        hosting_cue="استضاف",
        clause_comma="،",
    )
