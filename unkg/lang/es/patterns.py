"""The Spanish sentence frames of UN documents, as named regular expressions.

They run on the Spanish match form (lower case, no accents, ª and º as a and o), so they
are written in lower case without accents: "periodo de sesiones", "92a sesion plenaria".
Word lists (ordinals, cardinals, stop words, honorifics) come from the pack's data files
and concept triggers from the reference tables. The frames follow the Spanish side of the
UN Parallel Corpus (UNv1.0 devset) and the Spanish editions of UN resolutions.
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

# the abbreviations a full stop follows inside a sentence ("Sr. Lomónaco", "párr. 5")
_ABBREVIATIONS = (
    "sr", "sra", "sres", "sras", "srta", "dr", "dra", "excmo", "excma", "no", "num", "nos",
    "parr", "parrs", "art", "arts", "vol", "cf", "rev", "corr", "add", "ej", "p", "pags",
    "pag", "prof", "emb", "ee.uu", "ud", "uds", "lic", "ing", "sto", "gral",
)  # fmt: skip
_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)"
)
_DATE = rf"\d{{1,2}}\s+de\s+{_MONTH}(?:\s+de\s+\d{{4}})?"
_HOW = (
    r"por\s+unanimidad|sin\s+(?:(?:someterl[ao]s?|ser\s+sometid[ao]s?)\s+a\s+)?votacion"
    r"|por\s+consenso|por\s+aclamacion"
)
# a numbered sitting: "sesion", "sesiones", with "plenaria(s)"
_SESSION_WORD = r"sesion(?:es)?(?:\s+plenarias?)?"
# a numbered sitting after its number: "2963a sesion", "2943a. sesion plenaria"
_SITTING = r"\.?[ao]?[_.]?\s+sesion(?:\s+plenaria)?"
# the article or possessive before an organ's numbered sitting or session
_ITS = r"(?:su|sus|la|las|el|los)"
_ORGAN_AFTER = (
    r"(?:\s+(?:de\s+la\s+asamblea(?:\s+general)?|del\s+consejo(?:\s+de\s+seguridad"
    r"|\s+economico\s+y\s+social)?))"
)


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
    # a single initial ("J. Pérez") does not end a sentence, nor "2943a." of a sitting
    return re.compile(rf"(?<=[.?!;]){not_after}(?<!\b[a-z]\.)(?<!\d[ao]\.)\s+(?=\S)")


def build_patterns(pack: LanguagePack) -> Patterns:
    numbers = pack.data("numbers")
    words = pack.data("words")
    ordinals: dict[str, int] = {k: v for k, v in numbers["ordinals"].items() if k == _form(k)}
    cardinals: dict[str, int] = dict(numbers["cardinals"])
    ordinal = trie_pattern(ordinals)
    cardinal = trie_pattern(cardinals)
    # "92a", "2963a", "2943a." (older compilations put a full stop after the indicator)
    number = rf"(?:{ordinal}|\d{{1,4}}\.?[ao](?!\w))"
    ordinal_list = rf"{number}(?:\s*,\s*(?:y\s+)?{number}|\s+y\s+{number})*"
    kinds = trie_pattern(_triggers(pack, "meeting-kind"))
    count = rf"(?:\d{{1,2}}|[il]|ninguno|ninguna|{cardinal})"
    honorifics = trie_pattern(_form(w) for w in words["honorifics"])
    return Patterns(
        sentence_end=_sentence_end(),
        # en su primera sesion plenaria / en su 92a sesion plenaria / en las sesiones 276a
        # y 277a / en sus sesiones plenarias primera y segunda / en la 7378a sesion
        plenary=re.compile(
            rf"(?<!\w)(?:en\s+)?(?P<noun>su|sus|la|las)\s+"
            rf"(?:(?P<pre>{_SESSION_WORD})\s+)?(?P<ords>{ordinal_list})"
            rf"(?(pre)(?!\w)|\s+{_SESSION_WORD}(?!\w))"
        ),
        plenary_same=re.compile(
            r"(?<!\w)(?:en\s+)?(?:la\s+misma|esa(?:\s+misma)?|dicha)\s+sesion(?:es)?(?!\w)"
        ),
        held_on=re.compile(
            r"^\s*,?\s*(?:tambien\s+)?(?:(?:celebrad[ao]s?|convocad[ao]s?|que\s+tuvo\s+lugar"
            r"|que\s+se\s+celebro)\s+)?(?:el|los)\s+(?:dias?\s+)?"
        ),
        respectively=re.compile(r"(?<!\w)respectivamente(?!\w)"),
        stated_count=re.compile(
            rf"(?<!\w)(?:celebro|celebraron|en|durante|a\s+lo\s+largo\s+de)\s+"
            rf"(?P<count>{cardinal}|\d{{1,3}})\s+sesiones(?:\s+plenarias)?(?!\w)"
        ),
        # su resolucion 63/72 ; las resoluciones de la Asamblea General 56/24 y 63/72
        resolution=re.compile(
            rf"(?<!\w)(?P<kw>(?P<own>sus?\s+)?resolucion(?:es)?{_ORGAN_AFTER}?)"
            r"\s+(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        # "56/24, de 29 de noviembre de 2001, y 63/72"; "56/24 B y 63/72"
        resolution_next=re.compile(
            rf"(?:\s+(?!y\b)[a-z](?![\w/]))?{_ORGAN_AFTER}?"
            rf"(?:\s*,?\s*(?:de|aprobada\s+el)\s+{_DATE})?"
            r"(?:\s*,\s*(?:y\s+)?|\s+y\s+)(?P<session>\d{1,3})/(?P<number>\d{1,4})(?![\d/])"
        ),
        sc_resolution=re.compile(
            r"(?<!\w)(?:resolucion(?:es)?\s+)?(?:del\s+consejo\s+de\s+seguridad\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # "2057 (2012), 2109 (2013) ... y 2187 (2014)"; "1990 (2011) del Consejo de
        # Seguridad, de 27 de junio de 2011, y 2179 (2014)"
        sc_resolution_next=re.compile(
            rf"{_ORGAN_AFTER}?(?:\s*,?\s*(?:de|aprobada\s+el)\s+{_DATE})?"
            r"(?:\s*,\s*(?:y\s+)?|\s+y\s+)(?:(?:la\s+|las\s+)?resolucion(?:es)?\s+)?"
            r"(?P<number>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)"
        ),
        # "el tema 19 del programa", "los temas 3 y 4 del programa"
        item_reference=re.compile(r"(?<!\w)temas?(?=\s+\d)"),
        # "19 f)", "6 (a)"
        item_notation=re.compile(
            r"\s*(?:(?:,\s*(?:y\s+)?|\s+y\s+))?(?P<n>\d{1,2})(?![\d/])"
            r"(?:\s*\(?(?P<letter>[a-z])\))?"
        ),
        list_and=re.compile(r"\s*(?:,\s*(?:y\s+)?|y\s+)"),
        # "fue elegido por aclamacion", "eligio", "quedaron elegidos", "reelegida"
        elected=re.compile(r"(?<!\w)(?:re)?(?:elegid[oa]s?|elect[oa]s?|eligio|eligieron)(?!\w)"),
        # "Formularon declaraciones los representantes de ...": speakers after the verb;
        # "El representante de Mexico formulo una declaracion": speakers before it
        statement=re.compile(
            r"(?<!\w)(?:(?:formularon|formulo|hicieron|hizo|pronunciaron|pronuncio)\s+"
            r"(?:uso\s+de\s+la\s+palabra|(?:una\s+|sendas\s+)?(?:declaraci\w+|exposici\w+))"
            r"(?:\s+(?:introductorias?|de\s+apertura|inaugural(?:es)?))?"
            r"(?=\s+(?:tambien\s+)?(?:el|la|los|las)\s+(?:representantes?|observador\w*"
            r"|president\w*|vicepresident\w*|delegad\w*|secretari\w*|director\w*|relator\w*)"
            r"(?!\w))(?P<between>)"
            r"|(?:formularon|formulo|hicieron|hizo|pronunciaron|pronuncio)\s+"
            r"(?:una\s+|sendas\s+)?(?:declaraci\w+|exposici\w+)"
            r"(?:\s+(?:introductorias?|de\s+apertura|inaugural(?:es)?))?(?P<before>))(?!\w)"
        ),
        capacity=re.compile(r"(?<!\w)en\s+(?:su\s+)?calidad\s+de\s+"),
        on_behalf=re.compile(r"(?<!\w)\(?en\s+nombre\s+(?:del\s+|de\s+(?:la\s+|los\s+|las\s+)?)"),
        honorific=re.compile(rf"(?<!\w)(?:{honorifics})\.?\s+"),
        dated=re.compile(r"(?<!\w)de\s+fecha\s+"),
        # "dirigida al Secretario General", "dirigidas a la Presidenta", and with the sender
        # first: "dirigida por el Representante Permanente de ... al Presidente"
        addressed_to=re.compile(
            r"(?<!\w)dirigidas?\s+(?:por\s+(?:[^\s.]+\s+){1,15}?)?"
            r"(?:al\s+|a\s+(?:la\s+|los\s+|las\s+)?)"
        ),
        # "Decide convocar una reunion ...", "celebrar una conferencia"
        convene=re.compile(
            rf"(?<!\w)(?:convocar|convoque|convocara|convocando|celebrar|celebre|celebrara"
            rf"|celebrando)\s+(?:una?\s+|el\s+|la\s+|su\s+)?(?:\w+\s+){{0,3}}?(?P<kind>{kinds})"
            r"(?!\w)"
        ),
        # "como habia decidido", "lo que habia decidido"
        recalled_decision=re.compile(
            r"(?<!\w)(?:como\s+|segun\s+|lo\s+que\s+)?habia\s+decidido(?!\w)"
        ),
        hosts=re.compile(
            r"(?<!\w)(?:el\s+|al\s+)?gobiernos?\s+(?:del\s+|de\s+(?:la\s+|los\s+|las\s+|el\s+)?)"
        ),
        meeting_name=re.compile(rf"(?<!\w)(?P<kind>{kinds})(?!\w)"),
        subject_end=re.compile(
            r"\s*(?:,|\.|;|:|\(|\)|\"|(?<!\w)(?:celebrad[ao]s?|convocad[ao]s?|que|la\s+cual"
            r"|el\s+cual|prevista|previsto|en\s+\d|en\s+(?:nueva\s+york|ginebra|viena)|del?\s+\d"
            r"|el\s+\d|los\s+dias|en\s+(?:su|la|el)\s|durante)(?!\w))"
        ),
        subject_intro=re.compile(
            r"(?<!\w)(?:sobre|de|del|relativ[ao]s?\s+a(?:l)?|acerca\s+de|para\s+examinar"
            r"|dedicad[ao]\s+a(?:l)?|para|encargad[ao]\s+de)\s+(?:(?:el|la|los|las)\s+)?"
        ),
        year_phrase=re.compile(r"(?<!\w)en\s+(?P<year>(?:19|20)\d\d)(?![\d-])"),
        place_before=re.compile(r"(?:en)\s+$"),
        officer_cue=re.compile(
            r"(?<!\w)(?:(?:re)?(?:elegid[oa]s?|elect[oa]s?|eligio|eligieron)|nombrad[oa]s?"
            r"|designad[oa]s?|nombro|designo|presidi\w+|ocup\w+\s+(?:el|los)\s+cargos?"
            r"|desempen\w+|actu[oa]\s+como|como\s+sigue|integrad[ao]s?\s+por|mesa)(?!\w)"
        ),
        predecessor_cue=re.compile(
            r"(?<!\w)(?:tras|despues\s+de|sucediendo\s+a|en\s+sustitucion\s+de|saliente"
            r"|anterior|precedente|sustituid[oa]\s+por)(?:\s+(?:el|la|al|a\s+la))?\W*$"
        ),
        following_list=re.compile(
            r"(?<!\w)(?:(?:el|la|los|las)\s+)?(?:siguientes?(?:\s+\w+){0,4}|(?:\w+\s+){1,3}"
            r"siguientes?)\s*:"
        ),
        next_speaker=re.compile(
            r"(?:\s*,\s*(?:y\s+)?|\s+y\s+)(?=(?:el|la|los|las)\s+representantes?)"
        ),
        capacity_end=re.compile(r"(?:\s*,\s*)(?:y\s+)?(?=(?:el|la|los|las)\s+representantes?)|$"),
        apposed_name=re.compile(r"\s*,\s*(?P<name>(?:[^\s,.();:]+\s+){0,3}[^\s,.();:]+)\s*[,(]"),
        ordinal_word=re.compile(rf"(?<!\w)(?P<w>{ordinal}|\d{{1,4}}(?:\.?[ao])?)(?!\w)"),
        ordinal_at=re.compile(rf"\s*(?P<o>{ordinal})(?!\w)"),
        ordinal_before=re.compile(rf"(?<!\w)(?P<o>{ordinal})\s+$"),
        # "el decimoctavo periodo de sesiones del Comite ...", "58o periodo de sesiones de la"
        session_before=re.compile(
            rf"(?<!\w)(?P<o>{ordinal})\s+periodo\s+(?:(?:extraordinario|ordinario)\s+)?"
            r"de\s+sesiones(?:\s+(?:extraordinario|ordinario))?\s+(?:del\s+|de\s+(?:la\s+|los\s+)?)$"
        ),
        # "el Comite ..., en su decimoctavo periodo de sesiones", "informe de la Comision
        # sobre su 48o periodo de sesiones", "celebro su 53o periodo"; a title block's
        # "Decimoctavo periodo de sesiones" on the line after the body's name
        session_after=re.compile(
            rf"\s*,?\s*(?:(?:en|durante|para|sobre|celebro)\s+(?:su|sus)\s+)?(?P<o>{ordinal})\s+periodo\s+"
            r"(?:(?:extraordinario|ordinario)\s+)?de\s+sesiones(?!\w)"
        ),
        # "Aprobada por unanimidad en la 2963a sesion"; "aprobada por el Consejo de
        # Seguridad en su 7378a sesion"
        # the sitting may come after the vote ("Aprobada por 14 votos contra ninguno y 1
        # abstencion en la 3119a. sesion"): a look ahead reads it there
        adopted=re.compile(
            rf"(?<!\w)aprobad[ao]s?\s+(?:(?P<how>{_HOW})\s+)?"
            r"(?:por\s+el\s+consejo(?:\s+de\s+seguridad)?\s+)?"
            rf"(?:(?=(?:por\s+\w+\s+votos?[^.;]{{0,160}}?\s)?en\s+(?:la|su)\s+"
            rf"(?P<meeting_name>(?P<meeting>\d{{1,5}}){_SITTING}))"
            rf"(?:en\s+(?:la|su)\s+\d{{1,5}}{_SITTING}(?:\s*,\s*celebrada(?=\s+el\s+\d))?)?)?"
        ),
        # "por 14 votos contra ninguno y 1 abstencion"; "por 13 votos contra 2 (Cuba y el
        # Yemen) y 1 abstencion (China)"
        vote_count=re.compile(
            rf"\s*,?\s*(?:(?:celebrada\s+)?el\s+{_DATE}\s*,?\s*)?(?:(?P<how>{_HOW})"
            rf"|por\s+(?P<yes>{count})\s+votos?(?:\s+(?:a\s+favor\s+)?contra\s+(?P<no>{count})"
            rf"(?P<no_list>\s*\([^)]*\))?)?"
            rf"(?:\s*,?\s*(?:y|con)\s+(?P<abstain>{count})\s+abstenci(?:on|ones)"
            r"(?P<abstain_list>\s*\([^)]*\))?)?)"
            rf"(?:\s*,?\s*en\s+(?:la|su)\s+\d{{1,5}}{_SITTING}(?:\s*,\s*celebrada(?=\s+el\s+\d))?)?"
        ),
        # "un miembro (China) no participo en la votacion"
        not_voting=re.compile(
            rf"(?<!\w)(?:{cardinal}|un|\d{{1,2}})\s+miembros?\s*\([^)]*\)\s+no\s+"
            r"(?:participo|participaron|tomo\s+parte|tomaron\s+parte)\s+en\s+la\s+votacion"
        ),
        nil_words=frozenset({"ninguno", "ninguna", "cero"}),
        ordinals=ordinals,
        cardinals=cardinals,
        stop_words=frozenset(_form(w) for w in words["stop_words"]),
        resolution_cue="resolucion",
        hosting_cue="acogid",
        clause_comma=",",
    )
