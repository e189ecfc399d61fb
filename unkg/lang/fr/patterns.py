"""The French sentence frames of UN documents, as named regular expressions.

They run on the Latin match form (lower case, no accents, plain apostrophes), so they are
written in that form: "seance pleniere", "a l'unanimite", "d'une". French puts the organ
after a resolution's number ("la resolution 1540 (2004) du Conseil de securite") and the
articles a name takes before it ("au nom du Groupe des 77", "de la Mission permanente de
l'Algerie"), so the frames that end right before a name end after its article. Word
lists (ordinals, cardinals, stop words, honorifics) come from the pack's data files and
concept triggers from the reference tables.
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

# the abbreviations a full stop follows inside a sentence ("M. Lomonaco", "no 5", "S. E.")
_ABBREVIATIONS = (
    "mm", "mme", "mmes", "mlle", "dr", "pr", "no", "nos", "par", "art", "vol", "cf", "p", "pp",
    "rev", "corr", "add", "s.e", "janv", "fevr", "avr", "juil", "sept", "oct", "nov", "dec",
)  # fmt: skip
_MONTH = (
    r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
    r"|decembre)"
)
_DAY = r"\d{1,2}(?:er|re)?"
_DATE = rf"{_DAY}\s+{_MONTH}(?:\s+\d{{4}})?"
# how a text was adopted, as the adoption-method triggers of concepts.tsv write it
_HOW = r"a\s+l'unanimite|sans\s+vote|par\s+consensus|par\s+acclamation"
# the article or contracted preposition before a name: "du", "de la", "de l'", "des", "d'"
_OF = r"(?:du\s+|des\s+|de\s+la\s+|de\s+l'|d'|de\s+)"
_NUMERIC_ORDINAL = r"\d{1,4}(?:eme|ere|er|re|e)"  # "1re", "2e", "85e", "2963e"


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
    # a single initial ("J. Dupont", "M. Dupont") does not end a sentence either
    return re.compile(rf"(?<=[.?!;]){not_after}(?<!\b[a-z]\.)\s+(?=\S)")


def _ordinals(numbers: dict[str, dict[str, int]]) -> dict[str, int]:
    ordinals = dict(numbers["ordinals"])
    # UN French writes "trente et unieme session" without the hyphens of the 1990 spelling
    for word, value in list(ordinals.items()):
        if "-et-" in word:
            ordinals.setdefault(word.replace("-et-", " et "), value)
    return ordinals


def build_patterns(pack: LanguagePack) -> Patterns:
    numbers = pack.data("numbers")
    words = pack.data("words")
    ordinals = _ordinals(numbers)
    # "avec une abstention": the feminine of un counts votes and members
    cardinals: dict[str, int] = {**numbers["cardinals"], "une": 1}
    ordinal = trie_pattern(ordinals)
    cardinal = trie_pattern(cardinals)
    number = rf"(?:{_NUMERIC_ORDINAL}|{ordinal})"
    ordinal_list = rf"{number}(?:\s*,\s*(?:et\s+)?{number}|\s+et\s+{number})*"
    kinds = trie_pattern(_triggers(pack, "meeting-kind"))
    count = rf"(?:\d{{1,3}}|[il]|zero|aucune?|{cardinal})"
    honorific = trie_pattern(_form(w) for w in words["honorifics"])
    # "Des declarations ont ete faites par les representants de l'Egypte et du Maroc"
    representative = r"(?:l'|les?\s+|la\s+)?representante?s?(?!\w)"
    return Patterns(
        sentence_end=_sentence_end(),
        # a sa 1re seance pleniere / a la 9e seance / aux 276e et 277e seances / a ses 3e et
        # 4e seances plenieres / lors de sa 2963e seance
        plenary=re.compile(
            rf"(?<!\w)(?:(?:a|lors\s+de|au\s+cours\s+de)\s+)?(?P<noun>sa|la|leur|ses|les|aux)"
            rf"\s+(?P<ords>{ordinal_list})\s+seances?(?:\s+plenieres?)?(?!\w)"
        ),
        plenary_same=re.compile(r"(?<!\w)(?:a\s+)?(?:la\s+meme|cette)\s+seances?(?!\w)"),
        # ", le 9 mai" / ", tenue le 5 fevrier 2015" / ", les 15 et 29 decembre"
        held_on=re.compile(
            r"^\s*,?\s*(?:(?:egalement\s+)?(?:tenues?|qui\s+s'est\s+tenue|convoquees?)\s+)?"
            r"(?:le|les)\s+(?=\d)"
        ),
        respectively=re.compile(r"(?<!\w)respectivement(?!\w)"),
        # "a tenu neuf seances plenieres" / "au cours de 12 seances"
        stated_count=re.compile(
            rf"(?<!\w)(?:tenu|au\s+cours\s+de|pendant|en)\s+(?P<count>{cardinal}|\d{{1,3}})"
            rf"\s+seances(?:\s+plenieres)?(?!\w)"
        ),
        # sa resolution 63/72 ; les resolutions 56/24 et 63/72 de l'Assemblee generale
        resolution=re.compile(
            r"(?<!\w)(?P<kw>(?P<own>(?:sa|ses)\s+)?resolutions?)"
            r"\s+(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        # the next of a list: "56/24 V du 24 decembre 2001 et 66/47 en date du 2 decembre"
        resolution_next=re.compile(
            rf"(?:\s+[a-z]{{1,2}}(?![\w/']))?(?:\s*,?\s*(?:du|en\s+date\s+du|adoptee\s+le)"
            rf"\s+{_DATE})?(?:\s*,\s*(?:et\s+)?|\s+et\s+)(?P<session>\d{{1,3}})/"
            r"(?P<number>\d{1,4})(?![\d/])"
        ),
        sc_resolution=re.compile(
            r"(?<!\w)(?:resolutions?\s+)?(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # "1325 (2000), 1820 (2008) ... et 2122 (2013)", "1990 (2011) en date du 27 juin 2011
        # et 2048 (2012)"
        sc_resolution_next=re.compile(
            rf"(?:\s*,?\s*(?:du|en\s+date\s+du|adoptee\s+le)\s+{_DATE})?"
            r"(?:\s+du\s+conseil\s+de\s+securite)?"
            r"(?:\s*,\s*(?:et\s+)?|\s+et\s+)(?:resolutions?\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # "point 3 de l'ordre du jour", "au titre des points 4 et 5"
        item_reference=re.compile(r"(?<!\w)points?(?!\w)"),
        item_notation=re.compile(
            r"\s*(?:(?:,\s*(?:et\s+)?|\s+et\s+))?(?P<n>\d{1,2})(?:\s*\((?P<letter>[a-z]{1,2})\))?"
        ),
        list_and=re.compile(r"\s*(?:,\s*(?:et\s+)?|et\s+)"),
        # "a ete elu", "ont ete elus", "a elu", "reelu"
        elected=re.compile(r"(?<!\w)(?:re)?elu(?:e|s|es)?(?!\w)"),
        # des declarations ont ete faites par ... / ... a fait une declaration / ... ont
        # pris la parole
        statement=re.compile(
            r"(?<!\w)(?:(?:des\s+|une\s+)?declarations?\s+(?:ont|a)\s+(?:egalement\s+|aussi\s+)?"
            r"ete\s+(?:faites?|prononcees?)\s+par(?P<between>)"
            r"|(?:a|ont)\s+(?:egalement\s+|aussi\s+)?(?:(?:fait|prononce)\s+(?:une|des)\s+"
            r"(?:declarations?|exposes?)(?:\s+(?:liminaires?|introductives?))?"
            r"|pris\s+la\s+parole)(?P<before>))(?!\w)"
        ),
        capacity=re.compile(
            r"(?<!\w)en\s+(?:sa|leur)\s+qualite\s+(?:de\s+(?:la\s+|l')?|d'|du\s+|des\s+)"
        ),
        on_behalf=re.compile(rf"(?<!\w)\(?au\s+nom\s+{_OF}"),
        honorific=re.compile(rf"(?<!\w)(?:(?:{honorific})\.?\s+)+"),
        dated=re.compile(r"(?<!\w)(?:datee?s?|en\s+date)\s+du\s+"),
        # "adressee au Secretaire general", "adressees a la Presidente du Conseil"
        addressed_to=re.compile(r"(?<!\w)adressee?s?\s+(?:au\s+|aux\s+|a\s+la\s+|a\s+l'|a\s+)"),
        # "Decide de convoquer une conference", "la tenue d'un atelier regional"
        convene=re.compile(
            rf"(?<!\w)(?:convoquer|convoquera|convoque|convoquee|convocation|tenir|tenue"
            rf"|organiser|se\s+tiendra)\s+(?:d'|de\s+)?(?:une?\s+|la\s+|le\s+|les\s+|l')?"
            rf"(?:[\w'-]+\s+){{0,3}}?(?P<kind>{kinds})(?!\w)"
        ),
        # "comme elle l'avait decide", "ce qu'elle avait decide"
        recalled_decision=re.compile(r"(?<!\w)(?:(?:elle|il)\s+(?:l')?)?avait\s+decide(?!\w)"),
        # "le Gouvernement du Liban", "le Gouvernement de la Republique libanaise"
        hosts=re.compile(rf"(?<!\w)(?:les?\s+)?gouvernements?\s+{_OF}"),
        meeting_name=re.compile(rf"(?<!\w)(?P<kind>{kinds})(?!\w)"),
        subject_end=re.compile(
            r"\s*(?:,|\.|;|:|\(|\)|\"|(?<!\w)(?:tenue?s?|qui|prevue?s?|convoquee?s?|organisee?s?"
            r"|a\s+\d+|a\s+(?:new\s+york|geneve|vienne|beyrouth)|en\s+\d+|du\s+\d+|le\s+\d+|les\s+\d+"
            r"|a\s+(?:sa|la|ses|leur)|lors|pendant|au\s+cours)(?!\w))"
        ),
        # "Reunion d'experts sur ...", "Conference ... relative a ...", "pour examiner ...",
        # "reunion de l'equipe speciale", "Reunion du Groupe d'experts" (English "of")
        subject_intro=re.compile(
            r"(?<!\w)(?:(?:sur|concernant|consacree?s?\s+a|relati(?:f|ve)s?\s+a|charge(?:e)?s?\s+"
            r"d'examiner|pour\s+examiner|d'examen\s+d[eu]s?|du|des|de)\s+(?:le\s+|la\s+|les\s+|l')?"
            r"|d')"
        ),
        year_phrase=re.compile(r"(?<!\w)en\s+(?P<year>(?:19|20)\d\d)(?![\d-])"),
        place_before=re.compile(r"(?:a|au)\s+$"),
        officer_cue=re.compile(
            r"(?<!\w)(?:(?:re)?elue?s?|nommee?s?|designee?s?|presidee?s?|presidait|presidera"
            r"|a\s+preside|assume|assure|exerce|comme\s+suit|bureau)(?!\w)"
        ),
        # "succedant a l'Arabie saoudite", "en remplacement de la Jordanie", "sortant"
        predecessor_cue=re.compile(
            r"(?<!\w)(?:succedant|succede|en\s+remplacement|remplacant|sortante?|ancien(?:ne)?"
            r"|precedente?|apres)(?:\s*(?:a|au|aux|de|du|des|d'|la|le|l'|les)(?!\w))*\W*$"
        ),
        # "les pays suivants :", "le Bureau ci-apres :", "comme suit :"
        following_list=re.compile(r"(?<!\w)(?:suivante?s?|ci-apres|comme\s+suit)\s*:"),
        next_speaker=re.compile(rf"(?:\s*,\s*(?:et\s+)?|\s+et\s+)(?={representative})"),
        capacity_end=re.compile(rf"(?:\s*,\s*)(?:et\s+)?(?={representative})|$"),
        apposed_name=re.compile(r"\s*,\s*(?P<name>(?:[^\s,.();:]+\s+){0,3}[^\s,.();:]+)\s*[,(]"),
        ordinal_word=re.compile(rf"(?<!\w)(?P<w>{ordinal}|\d{{1,4}}(?:eme|ere|er|re|e)?)(?!\w)"),
        ordinal_at=re.compile(rf"\s*(?P<o>{ordinal})(?!\w)"),
        ordinal_before=re.compile(rf"(?<!\w)(?P<o>{ordinal})\s+$"),
        # "la dix-huitieme session du Comite executif", "... de la Commission", "... de l'"
        session_before=re.compile(
            rf"(?<!\w)(?P<o>{ordinal})\s+session(?:\s+(?:ordinaire|extraordinaire))?\s+"
            r"(?:du\s+|des\s+|de\s+la\s+|de\s+l'|d'|de\s+)$"
        ),
        # "le Comite executif, a sa dix-huitieme session", a title block's "Dix-huitieme session"
        session_after=re.compile(
            rf"\s*,?\s*(?:(?:a|lors\s+de|pendant|au\s+cours\s+de|pour)\s+(?:sa|leur)\s+)?"
            rf"(?P<o>{ordinal})\s+session(?!\w)"
        ),
        # "Adoptee a la 2963e seance par 12 voix contre 2", "adoptee a l'unanimite a sa 85e
        # seance pleniere"
        adopted=re.compile(
            rf"(?<!\w)adoptee?s?\s+(?:(?P<how>{_HOW})\s+)?(?:par\s+le\s+conseil(?:\s+de\s+securite)?\s+)?"
            r"(?:(?:a|lors\s+de)\s+(?:la|sa)\s+(?P<meeting_name>(?P<meeting>\d{1,5})(?:eme|e)?[_.]?"
            r"\s+seance(?:\s+pleniere)?))?"
        ),
        # "par 14 voix contre zero, avec une abstention (Chine)", "par 12 voix contre 2 (Cuba
        # et Yemen), avec 1 abstention (Chine)", "a l'unanimite"
        vote_count=re.compile(
            rf"\s*,?\s*(?:(?:tenue\s+)?le\s+{_DATE}\s*,?\s*)?(?:(?P<how>{_HOW})"
            rf"|par\s+(?P<yes>{count})\s+voix(?:\s+contre\s+(?P<no>{count})(?P<no_list>\s*\([^)]*\))?)?"
            rf"(?:\s*,?\s*(?:et\s+)?avec\s+(?P<abstain>{count})\s+abstentions?"
            r"(?P<abstain_list>\s*\([^)]*\))?)?)"
        ),
        # "Un membre (Chine) n'a pas participe au vote"
        not_voting=re.compile(
            rf"(?<!\w)(?:{cardinal}|\d{{1,2}})\s+membres?\s*\([^)]*\)\s+n'(?:a|ont)\s+pas\s+"
            r"(?:participe|pris\s+part)\s+au\s+vote"
        ),
        nil_words=frozenset({"zero", "aucun", "aucune", "neant"}),
        ordinals=ordinals,
        cardinals=cardinals,
        stop_words=frozenset(_form(w) for w in words["stop_words"]),
        resolution_cue="resolution",
        hosting_cue="accueil",
        clause_comma=",",
    )
