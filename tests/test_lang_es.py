"""The Spanish pack: detection, and table tests per kind of fact on snippets in the style
of Spanish UN documents (the frames of the UNv1.0 devset's Spanish side and of the Spanish
editions of resolutions), snippets that must give nothing, and aligned Spanish and English
sentences of the UN Parallel Corpus that must give the same keys."""

from __future__ import annotations

import datetime as dt

import pytest

from unkg import lang
from unkg.extract.facts import (
    AdoptionFact,
    DocumentFact,
    DocumentReferenceFact,
    EntityKind,
    Fact,
    MandateFact,
    MeetingFact,
    MentionFact,
    NoteVerbaleFact,
    PlenaryCountFact,
    PlenaryFact,
    ResolutionFact,
    ResolutionLinkFact,
    RoleAssignmentFact,
    StatementFact,
)

from .snippets import facts_of, language

# -- detection --------------------------------------------------------------------------

SPANISH = [
    "La Asamblea General, recordando su resolución 63/72, de 2 de diciembre de 2008,",
    "Formularon declaraciones los representantes de Cuba y del Brasil.",
    "Carta de fecha 6 de marzo de 2015 dirigida al Secretario General por el Presidente "
    "del Consejo de Seguridad",
]
NOT_SPANISH = [
    ("The General Assembly, recalling its resolution 63/72 of 2 December 2008,", "en"),
    ("Statements were made by the representatives of Cuba and Brazil.", "en"),
    ("L'Assemblée générale, rappelant sa résolution 63/72 du 2 décembre 2008, et les "
     "déclarations des représentants de Cuba et du Brésil", None),
    ("إن الجمعية العامة، إذ تشير إلى قرارها 63/72 المؤرخ 2 كانون الأول/ديسمبر 2008", "ar"),
]  # fmt: skip


@pytest.mark.parametrize("text", SPANISH)
def test_spanish_is_detected_by_its_function_words(text: str) -> None:
    found = lang.detect(text)
    assert found is not None and found.code == "es" and found.pack is lang.get("es")


@pytest.mark.parametrize(("text", "code"), NOT_SPANISH)
def test_english_french_and_arabic_are_not_taken_for_spanish(text: str, code: str | None) -> None:
    found = lang.detect(text)
    assert found is not None and found.code != "es"
    if code is not None:
        assert found.code == code


def test_the_pack_is_registered_with_its_tags() -> None:
    pack = lang.get("es")
    assert (pack.code, pack.code3, pack.name) == ("es", "spa", "Spanish")
    assert pack in lang.packs()


def test_accents_and_ordinal_indicators_fold_in_match_form() -> None:
    pack = lang.get("es")
    assert pack.match_form("92ª SESIÓN PLENARIA, 58º período, 12° período").text == (
        "92a sesion plenaria, 58o periodo, 12o periodo"
    )
    ordinals = pack.patterns().ordinals
    assert ordinals["decimoctavo"] == ordinals["decimo octavo"] == 18
    assert ordinals["vigesimo primer"] == ordinals["21o"] == 21


# -- meetings: a body's numbered session, its dates and place ------------------------------

ESCWA = "escwa"
SESSIONS = [
    # a title block: body, ordinal session, place and dates on their own lines
    (
        "Comisión Económica y Social para Asia Occidental\nVigésimo noveno período de sesiones\n"
        "Doha, 13 a 15 de diciembre de 2016\n",
        (f"{ESCWA}/session/29", 29, dt.date(2016, 12, 13), dt.date(2016, 12, 15), "doha"),
    ),
    (
        "Comisión Económica y Social para Asia Occidental\n29º período de sesiones\n"
        "Beirut, 20 y 21 de diciembre de 2017\n",
        (f"{ESCWA}/session/29", 29, dt.date(2017, 12, 20), dt.date(2017, 12, 21), "beirut"),
    ),
    # the body, then "en su ... período de sesiones"
    (
        "La Comisión Económica y Social para Asia Occidental, en su vigésimo noveno período "
        "de sesiones, aprobó el informe.\n",
        (f"{ESCWA}/session/29", 29, None, None, None),
    ),
    # the session first, then the body, with place and days
    (
        "El vigésimo noveno período de sesiones de la Comisión Económica y Social para Asia "
        "Occidental se celebró en Beirut los días 20 y 21 de diciembre de 2017.\n",
        (f"{ESCWA}/session/29", 29, dt.date(2017, 12, 20), dt.date(2017, 12, 21), "beirut"),
    ),
    (
        "Aprobación del informe de la Comisión de Desarme sobre su 48º período de sesiones\n",
        ("un-disarmament-commission/session/48", 48, None, None, None),
    ),
    (
        "Le agradecería que hiciera distribuir la presente carta como documento del "
        "sexagésimo noveno período de sesiones de la Asamblea General.\n",
        ("un-general-assembly/session/69", 69, None, None, None),
    ),
    (
        "La Comisión de Desarme celebró su decimoctavo período de sesiones en Nueva York "
        "del 9 al 13 de mayo de 2011.\n",
        (
            "un-disarmament-commission/session/18",
            18,
            dt.date(2011, 5, 9),
            dt.date(2011, 5, 13),
            "new-york",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SESSIONS)
def test_a_bodys_numbered_session_is_one_meeting(
    text: str, expected: tuple[str, int, dt.date | None, dt.date | None, str | None]
) -> None:
    assert language(text) == "es"
    meetings = [m for m in facts_of(text, MeetingFact) if m.body]
    assert len(meetings) == 1
    m = meetings[0]
    place = m.place.key if m.place else None
    assert (m.meeting, m.number, m.start, m.end, place) == expected
    assert m.evidence[0].quote in text


NOT_A_SESSION = [
    "La Comisión de Desarme celebró un período de sesiones sobre las carreteras.\n",
    "La Comisión de Desarme se reunió en Beirut el 9 de mayo de 2011.\n",
    "Vigésimo noveno período de sesiones\nBeirut, 20 y 21 de diciembre de 2017\n",  # no body
    "El Consejo de Seguridad examinó la situación en Malí en su sesión.\n",
]


@pytest.mark.parametrize("text", NOT_A_SESSION)
def test_no_numbered_session_without_a_body_and_an_ordinal(text: str) -> None:
    assert [m for m in facts_of(text, MeetingFact) if m.body] == []


MEETINGS = [
    # a meeting named with its subject, place and dates (UNv1.0 devset, A/RES/69/196)
    (
        "Acoge con beneplácito la labor de la reunión del grupo de expertos sobre la "
        "protección contra el tráfico de bienes culturales celebrada en Viena del 15 al 17 "
        "de enero de 2014.\n",
        ("meeting", dt.date(2014, 1, 15), dt.date(2014, 1, 17), "vienna"),
    ),
    (
        "La Tercera Conferencia Mundial sobre la Reducción del Riesgo de Desastres se "
        "celebrará en Sendai (Japón) del 14 al 18 de marzo de 2015.\n",
        ("conference", dt.date(2015, 3, 14), dt.date(2015, 3, 18), "sendai"),
    ),
    (
        "El seminario regional sobre el comercio ilícito de armas pequeñas, celebrado en "
        "Nueva York, 28 de junio a 2 de julio de 2011, aprobó sus conclusiones.\n",
        ("seminar", dt.date(2011, 6, 28), dt.date(2011, 7, 2), "new-york"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_a_meeting_with_its_place_and_dates(
    text: str, expected: tuple[str, dt.date, dt.date, str]
) -> None:
    meetings = facts_of(text, MeetingFact)
    assert len(meetings) == 1
    m = meetings[0]
    assert (m.kind, m.start, m.end, m.place.key if m.place else None) == expected


# -- a report: plenary meetings, officers, statements -------------------------------------

REPORT = (
    "Comisión Económica y Social para Asia Occidental\n"
    "Vigésimo noveno período de sesiones\n"
    "Doha, 13 a 15 de diciembre de 2016\n"
    "1. La Comisión celebró seis sesiones plenarias.\n"
    "2. En su primera sesión plenaria, celebrada el 13 de diciembre, la Comisión eligió por "
    "aclamación al Sr. Ahmed Al-Thani (Qatar) Presidente.\n"
    "3. En la misma sesión, los representantes de Marruecos y el Yemen fueron elegidos "
    "Vicepresidentes, y el representante de Jordania, Relator.\n"
    "4. En su segunda sesión plenaria, celebrada el 14 de diciembre, formularon declaraciones "
    "los representantes de Egipto, en nombre del Grupo de los Estados Árabes, y de Túnez, y "
    "el representante de Indonesia, en su calidad de Coordinador del Movimiento de los Países "
    "No Alineados.\n"
    "5. En sus sesiones plenarias tercera y cuarta, celebradas los días 14 y 15 de diciembre, "
    "respectivamente, la Comisión examinó el tema 4 del programa.\n"
    "6. En su 92ª sesión plenaria, celebrada el 15 de diciembre, el representante de Omán "
    "formuló una declaración.\n"
)


def test_plenary_meetings_with_their_dates() -> None:
    plenaries = {(f.ordinal, f.date) for f in facts_of(REPORT, PlenaryFact)}
    assert {
        (1, dt.date(2016, 12, 13)),
        (2, dt.date(2016, 12, 14)),
        (3, dt.date(2016, 12, 14)),
        (4, dt.date(2016, 12, 15)),
        (92, dt.date(2016, 12, 15)),
    } <= plenaries
    assert {f.meeting for f in facts_of(REPORT, PlenaryFact)} == {f"{ESCWA}/session/29"}
    counts = facts_of(REPORT, PlenaryCountFact)
    assert [(c.meeting, c.count) for c in counts] == [(f"{ESCWA}/session/29", 6)]


def test_officers_elected_and_appointed() -> None:
    roles = {
        (f.role, f.holder.key, f.representing.key if f.representing else None, f.ordinal)
        for f in facts_of(REPORT, RoleAssignmentFact)
    }
    assert ("chair", "ahmed al-thani", "QAT", 1) in roles
    assert {r[:3] for r in roles} >= {
        ("vice-chair", "MAR", "MAR"),
        ("vice-chair", "YEM", "YEM"),
        ("rapporteur", "JOR", "JOR"),
    }
    chair = next(f for f in facts_of(REPORT, RoleAssignmentFact) if f.role == "chair")
    assert (chair.method, chair.date) == ("acclamation", dt.date(2016, 12, 13))


def test_statements_with_capacity_and_on_whose_behalf() -> None:
    statements = {
        (
            f.ordinal,
            f.speaker.key,
            f.on_behalf_of.key if f.on_behalf_of else None,
            f.capacity_role,
        )
        for f in facts_of(REPORT, StatementFact)
    }
    assert statements == {
        (2, "EGY", "arab-group", None),
        (2, "TUN", None, None),
        (2, "IDN", None, "coordinator"),
        (92, "OMN", None, None),
    }


OFFICERS = [
    # the office before the person, as Spanish reports put it
    (
        "En su primera sesión plenaria, celebrada el 9 de mayo, la Comisión eligió "
        "Presidente por aclamación al Sr. Jorge Lomónaco (México).\n",
        {("chair", "jorge lomonaco", "MEX", "acclamation")},
    ),
    (
        "En su primera sesión plenaria, la Comisión eligió por aclamación a la Sra. Ana "
        "Pérez (Chile) Presidenta.\n",
        {("chair", "ana perez", "CHL", "acclamation")},
    ),
    # a list of the bureau under its office headings
    (
        "En su segunda sesión plenaria, celebrada el 10 de mayo, la Comisión eligió por "
        "aclamación a los siguientes miembros de la Mesa:\nVicepresidentes: Marruecos y el "
        "Yemen\nRelator: Jordania\n",
        {
            ("vice-chair", "MAR", "MAR", "acclamation"),
            ("vice-chair", "YEM", "YEM", "acclamation"),
            ("rapporteur", "JOR", "JOR", "acclamation"),
        },
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), OFFICERS)
def test_officers_in_the_turns_of_spanish_reports(
    paragraph: str, expected: set[tuple[str, str, str, str]]
) -> None:
    text = (
        "Comisión de Desarme\nDecimoctavo período de sesiones\n"
        "Nueva York, 9 a 13 de mayo de 2011\n1. " + paragraph
    )
    roles = {
        (f.role, f.holder.key, f.representing.key if f.representing else "", f.method or "")
        for f in facts_of(text, RoleAssignmentFact)
    }
    assert roles == expected
    meetings = {f.meeting for f in facts_of(text, RoleAssignmentFact)}
    assert meetings == {"un-disarmament-commission/session/18"}


def test_no_officer_without_an_office() -> None:
    text = (
        "Comisión de Desarme\nDecimoctavo período de sesiones\n"
        "Nueva York, 9 a 13 de mayo de 2011\n1. El Consejo eligió al Sr. Chen Shiqiu (China) "
        "para llenar la vacante producida por la renuncia de la Sra. Cong Jun (China).\n"
    )
    assert facts_of(text, RoleAssignmentFact) == []


STATEMENTS = [
    (
        "En su segunda sesión plenaria, celebrada el 10 de mayo, hicieron uso de la palabra "
        "los representantes de Cuba y de Filipinas.\n",
        {(2, "CUB", None), (2, "PHL", None)},
    ),
    (
        "En su tercera sesión plenaria, el representante de Sudáfrica formuló una declaración.\n",
        {(3, "ZAF", None)},
    ),
    (
        "En la 5ª sesión plenaria, formularon declaraciones los representantes del Brasil, "
        "en nombre del Grupo de los 77 y China, y de Suecia.\n",
        {(5, "BRA", "g77"), (5, "SWE", None)},
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), STATEMENTS)
def test_statements_in_the_turns_of_spanish_reports(
    paragraph: str, expected: set[tuple[int, str, str | None]]
) -> None:
    text = (
        "Comisión de Desarme\nDecimoctavo período de sesiones\n"
        "Nueva York, 9 a 13 de mayo de 2011\n1. " + paragraph
    )
    got = {
        (f.ordinal, f.speaker.key, f.on_behalf_of.key if f.on_behalf_of else None)
        for f in facts_of(text, StatementFact)
    }
    assert got == expected


STATEMENTS_WITHOUT_A_MEETING = [
    # no plenary meeting named before the verb: nothing to date the statement by
    "Formularon declaraciones los representantes de Egipto y de Túnez.\n",
    "El representante de Omán formuló una declaración.\n",
]


@pytest.mark.parametrize("text", STATEMENTS_WITHOUT_A_MEETING)
def test_no_statement_without_its_plenary_meeting(text: str) -> None:
    assert facts_of(text, StatementFact) == []


# -- resolutions and the relations between them --------------------------------------------

RESOLUTION = (
    "Resolución 2203 (2015)\n"
    "Aprobada por el Consejo de Seguridad en su 7384ª sesión, celebrada el 18 de febrero de "
    "2015\n"
    "El Consejo de Seguridad,\n"
    "Recordando sus resoluciones 1970 (2011), 2009 (2011) y 2174 (2014),\n"
    "Reafirmando su resolución 2144 (2014),\n"
    "Tomando nota de la resolución 63/72 de la Asamblea General, de 2 de diciembre de 2008, "
    "y 60/70,\n"
    "1. Decide prorrogar el mandato, de conformidad con la resolución 2146 (2014);\n"
    "2. Pide al Secretario General que informe en cumplimiento de la resolución 1373 (2001);\n"
)

LINKS = {
    ("recalls", "S/RES/1970(2011)"),
    ("recalls", "S/RES/2009(2011)"),
    ("recalls", "S/RES/2174(2014)"),
    ("reaffirms", "S/RES/2144(2014)"),
    ("takes-note-of", "A/RES/63/72"),
    ("takes-note-of", "A/RES/60/70"),
    ("in-accordance-with", "S/RES/2146(2014)"),
    ("pursuant-to", "S/RES/1373(2001)"),
}


def test_a_resolutions_own_symbol_and_what_it_cites() -> None:
    document = facts_of(RESOLUTION, DocumentFact)[0]
    assert (document.symbol, document.doc_type, document.language) == (
        "S/RES/2203(2015)",
        "resolution",
        "es",
    )
    links = {(f.relation, f.target) for f in facts_of(RESOLUTION, ResolutionLinkFact)}
    assert links == LINKS
    assert {f.source for f in facts_of(RESOLUTION, ResolutionLinkFact)} == {"S/RES/2203(2015)"}


CITED = [
    ("Recordando su resolución 63/72,\n", ["A/RES/63/72"]),
    (
        "Recordando también sus resoluciones 56/24, de 29 de noviembre de 2001, y 63/72, "
        "de 2 de diciembre de 2008,\n",
        ["A/RES/56/24", "A/RES/63/72"],
    ),
    (
        "Recordando sus resoluciones y declaraciones anteriores sobre Sudán del Sur, en "
        "particular las resoluciones 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) y "
        "2187 (2014),\n",
        [
            "S/RES/2057(2012)",
            "S/RES/2109(2013)",
            "S/RES/2132(2013)",
            "S/RES/2155(2014)",
            "S/RES/2187(2014)",
        ],
    ),
    (
        "la Fuerza establecida en la resolución 1990 (2011) del Consejo de Seguridad, de 27 "
        "de junio de 2011, y prorrogada por la resolución 2179 (2014).\n",
        ["S/RES/1990(2011)", "S/RES/2179(2014)"],
    ),
    ("Resoluciones del Consejo de Seguridad 1267 (1999) y 1989 (2011)\n", [
        "S/RES/1267(1999)", "S/RES/1989(2011)"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "symbols"), CITED)
def test_cited_resolutions_every_member_of_a_list(text: str, symbols: list[str]) -> None:
    assert [f.symbol for f in facts_of(text, ResolutionFact)] == symbols


NO_RESOLUTION = [
    "La Comisión aprobó 12 resoluciones en 2014.\n",
    "El párrafo 63/72 del informe.\n",  # a number pair without the word for resolution
    "La resolución se aprobó en el año 2004 (véase el anexo).\n",
]


@pytest.mark.parametrize("text", NO_RESOLUTION)
def test_no_resolution_without_the_word_and_its_number(text: str) -> None:
    assert facts_of(text, ResolutionFact) == []


# -- adoption and votes ---------------------------------------------------------------------

ADOPTIONS = [
    (
        "Resolución 780 (1992)\nAprobada por 14 votos contra ninguno y 1 abstención (China) "
        "en la 3119a. sesión, celebrada el 6 de octubre de 1992\nEl Consejo de Seguridad,\n",
        ("S/RES/780(1992)", 3119, dt.date(1992, 10, 6), "vote", 14, 0, 1, ("CHN",), ()),
    ),
    (
        "Resolución 678 (1990)\nAprobada en la 2963ª sesión por 12 votos contra 2 (Cuba y "
        "Yemen) y 1 abstención (China)\nEl Consejo de Seguridad,\n",
        ("S/RES/678(1990)", 2963, None, "vote", 12, 2, 1, ("CHN",), ("CUB", "YEM")),
    ),
    (
        "Resolución 2203 (2015)\nAprobada por unanimidad por el Consejo de Seguridad en su "
        "7384ª sesión, celebrada el 18 de febrero de 2015\nEl Consejo de Seguridad,\n",
        ("S/RES/2203(2015)", 7384, dt.date(2015, 2, 18), "unanimous", None, None, None, (), ()),
    ),
    (
        "Resolución 1540 (2004)\nAprobada sin votación en la 4956ª sesión\n"
        "El Consejo de Seguridad,\n",
        ("S/RES/1540(2004)", 4956, None, "without-vote", None, None, None, (), ()),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADOPTIONS)
def test_adoption_meeting_date_method_and_votes(text: str, expected: tuple[object, ...]) -> None:
    adoptions = facts_of(text, AdoptionFact)
    assert len(adoptions) == 1
    a = adoptions[0]
    got = (
        a.resolution,
        a.meeting,
        a.date,
        a.method,
        a.yes,
        a.no,
        a.abstain,
        tuple(s.key for s in a.abstaining),
        tuple(sorted(s.key for s in a.against)),
    )
    assert got == expected


def test_no_adoption_outside_a_resolution_or_without_an_adoption_line() -> None:
    # a letter quoting an adoption is not a resolution
    letter = (
        "Carta de fecha 9 de enero de 2015 dirigida al Presidente del Consejo de Seguridad por "
        "el Secretario General\nLa resolución 2188 (2014), aprobada por 15 votos contra "
        "ninguno en la 7333ª sesión.\n"
    )
    assert facts_of(letter, AdoptionFact) == []
    resolution = (
        "Resolución 2188 (2014)\nEl Consejo de Seguridad,\n"
        "Recordando las resoluciones aprobadas por la Asamblea,\n"
    )
    assert facts_of(resolution, AdoptionFact) == []


# -- document information, letters and notes verbales, referenced documents --------------

DOCUMENTS = [
    (
        "Nota verbal de fecha 20 de enero de 2015 dirigida al Secretario General por la "
        "Misión Permanente de la Argentina ante las Naciones Unidas\n"
        "La Misión Permanente de la Argentina ante las Naciones Unidas saluda atentamente al "
        "Secretario General y tiene el honor de solicitar que la presente nota se distribuya "
        "como documento oficial de la Asamblea General.\n",
        ("note-verbale", dt.date(2015, 1, 20), "secretary-general", ("ARG",)),
    ),
    (
        "Carta de fecha 22 de enero de 2015 dirigida por el Representante Permanente de "
        "Ucrania ante las Naciones Unidas al Presidente del Consejo de Seguridad\n"
        "Tengo el honor de transmitirle la carta adjunta.\n",
        ("letter", dt.date(2015, 1, 22), "chair", ()),
    ),
    (
        "Cartas idénticas de fecha 21 de enero de 2015 dirigidas al Secretario General y al "
        "Presidente del Consejo de Seguridad por el Representante Permanente de Israel ante "
        "las Naciones Unidas\nTengo el honor de escribirle.\n",
        ("letter", dt.date(2015, 1, 21), "secretary-general", ()),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENTS)
def test_a_communications_type_date_addressee_and_senders(
    text: str, expected: tuple[str, dt.date, str, tuple[str, ...]]
) -> None:
    document = facts_of(text, DocumentFact)[0]
    note = facts_of(text, NoteVerbaleFact)[0]
    got = (
        document.doc_type,
        document.date,
        note.addressee_role,
        tuple(s.key for s in note.senders),
    )
    assert got == expected


TITLES = [
    ("Programa provisional\n1. Apertura del período de sesiones.\n", "provisional-agenda"),
    ("Informe del Secretario General sobre la situación en Malí\nResumen\n", "report"),
    (
        "Programa provisional anotado\n1. El Presidente declarará abierto el período de "
        "sesiones y formulará una declaración.\n",
        "annotated-agenda",
    ),
]


@pytest.mark.parametrize(("text", "doc_type"), TITLES)
def test_a_documents_type_from_its_title(text: str, doc_type: str) -> None:
    assert facts_of(text, DocumentFact)[0].doc_type == doc_type


def test_referenced_documents_and_their_kind() -> None:
    text = (
        "1. La Comisión tuvo ante sí el programa provisional (E/ESCWA/29/L.1) y la lista "
        "de participantes (E/ESCWA/29/INF.1/Rev.1).\n"
    )
    refs = {(f.symbol, f.doc_type, f.relation) for f in facts_of(text, DocumentReferenceFact)}
    assert ("E/ESCWA/29/L.1", "provisional-agenda", None) in refs
    assert ("E/ESCWA/29/INF.1/Rev.1", "list-of-participants", "revision") in refs


# -- aligned sentences: the Spanish and the English original give the same keys -----------
# UNv1.0 devset (UN Parallel Corpus, Ziemski et al. 2016), UNv1.0.devset.en / .es, the
# lines given; their documents per UNv1.0.devset.ids.

ALIGNED = [
    (  # line 207, S/2015/158
        "Recalling its resolution 1970 (2011) and all its subsequent resolutions on Libya,",
        "Recordando su resolución 1970 (2011) y todas sus resoluciones posteriores sobre Libia,",
    ),
    (  # line 1000, S/2015/153
        "Recalling its previous resolutions and statements on South Sudan, in particular "
        "resolutions 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) and 2187 (2014),",
        "Recordando sus resoluciones y declaraciones anteriores sobre Sudán del Sur, en "
        "particular las resoluciones 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) y "
        "2187 (2014),",
    ),
    (  # line 114, S/2015/167
        "Letter dated 6 March 2015 from the President of the Security Council addressed to "
        "the Secretary-General",
        "Carta de fecha 6 de marzo de 2015 dirigida al Secretario General por el Presidente "
        "del Consejo de Seguridad",
    ),
    (  # line 692, S/2015/49
        "Letter dated 22 January 2015 from the Permanent Representative of Ukraine to the "
        "United Nations addressed to the President of the Security Council",
        "Carta de fecha 22 de enero de 2015 dirigida por el Representante Permanente de "
        "Ucrania ante las Naciones Unidas al Presidente del Consejo de Seguridad",
    ),
    (  # line 568, A/69/769
        "I would appreciate it if you could circulate the present letter and its annex as a "
        "document of the sixty-ninth session of the General Assembly, under agenda item 19.",
        "Le agradecería que tuviera a bien hacer distribuir la presente carta y su anexo como "
        "documento del sexagésimo noveno período de sesiones de la Asamblea General, en "
        "relación con el tema 19 del programa.",
    ),
    (  # line 3105, S/2014/958
        "7. The Security Council, in its resolution 1977 (2011), encouraged States to provide "
        "on voluntary basis additional information on their implementation of resolution "
        "1540 (2004), including on their effective national practices in implementing "
        "resolution 1540 (2004).",
        "El Consejo de Seguridad, en su resolución 1977 (2011), alentó a los Estados a que "
        "proporcionaran de manera voluntaria información adicional sobre la aplicación de la "
        "resolución 1540 (2004), en particular sobre sus prácticas nacionales eficaces en la "
        "materia.",
    ),
]


def _keys(text: str) -> tuple[object, ...]:
    facts = facts_of(text + "\n", Fact)
    return (
        sorted({f.meeting for f in facts if isinstance(f, MeetingFact)}),
        sorted({f.symbol for f in facts if isinstance(f, ResolutionFact)}),
        sorted(
            {
                f.entity.key
                for f in facts
                if isinstance(f, MentionFact) and f.entity.kind is EntityKind.STATE
            }
        ),
        sorted({(f.doc_type, f.date) for f in facts if isinstance(f, DocumentFact)}, key=str),
        sorted({str(f.addressee_role) for f in facts if isinstance(f, NoteVerbaleFact)}),
    )


@pytest.mark.parametrize(("english", "spanish"), ALIGNED)
def test_a_spanish_sentence_gives_the_keys_of_its_english_original(
    english: str, spanish: str
) -> None:
    assert (language(english), language(spanish)) == ("en", "es")
    spanish_keys = _keys(spanish)
    assert spanish_keys == _keys(english)
    assert any(spanish_keys[:2]) or spanish_keys[4]  # the pair states something


def test_a_meeting_and_its_host_read_alike_in_spanish_and_english() -> None:
    spanish = (
        "La Comisión agradeció al Gobierno de Qatar por haber acogido el taller regional "
        "sobre armas pequeñas y armas ligeras celebrado en Doha en 2011.\n"
    )
    english = (
        "The Commission thanked the Government of Qatar for hosting the regional workshop on "
        "small arms and light weapons held in Doha in 2011.\n"
    )
    read = [
        [(m.meeting, m.kind, m.place.key if m.place else None, [h.key for h in m.hosts])
         for m in facts_of(text, MeetingFact)]
        for text in (spanish, english)
    ]  # fmt: skip
    assert read[0] == read[1]
    assert read[0][0][1:] == ("workshop", "doha", ["QAT"])


def test_a_resolution_that_convenes_a_meeting_reads_alike_in_spanish_and_english() -> None:
    spanish = (
        "1. La Asamblea General, en su resolución 63/72, decidió convocar una conferencia de "
        "las Naciones Unidas sobre el comercio ilícito de armas pequeñas y armas ligeras en "
        "2012.\n"
    )
    english = (
        "1. The General Assembly, in its resolution 63/72, decided to convene a United "
        "Nations conference on the illicit trade in small arms and light weapons in 2012.\n"
    )
    read = [
        [(f.resolution, f.relation, f.meeting) for f in facts_of(text, MandateFact)]
        for text in (spanish, english)
    ]
    assert read[0] == read[1]
    assert [(r, v) for r, v, _ in read[0]] == [("A/RES/63/72", "decides")]
    assert read[0][0][2].startswith("conference-2012-")
