"""Table tests of the French pack: snippets in the style of French UN documents, the facts
the whole pipeline reads from them, snippets that must give none, French detected from its
function words, and French sentences giving the same keys as their English originals.

The aligned sentences of ``ALIGNED`` are copied byte for byte from the development set of
the UN Parallel Corpus v1.0 (Ziemski, Junczys-Dowmunt and Pouliquen, LREC 2016),
``UNv1.0.devset.en`` and ``UNv1.0.devset.fr``, as kept in WillSkywalker/verbos-direccionales
@ 34f2df5c3d123df84c8f7b5c858cdac3c2c7af9b, ``testsets/devset/``; each is given with its line
number and the document symbol ``UNv1.0.devset.ids`` names. The other snippets follow the
drafting of the same documents (title blocks, séances, Bureau, adoption lines).
"""

from __future__ import annotations

import datetime as dt

import pytest

from unkg import lang
from unkg.extract.facts import (
    AdoptionFact,
    DocumentFact,
    DocumentReferenceFact,
    Entity,
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

from .snippets import facts_of, language, source_of

EC = "escwa-executive-committee"
SESSION = f"{EC}/session/18"
# the title block of a report: body, ordinal session, place and dates on their own lines
HEAD = "Comité exécutif\nDix-huitième session\nBeyrouth, 20-21 décembre 2017\n\n"


def _d(month: int, day: int, year: int = 2017) -> dt.date:
    return dt.date(year, month, day)


# ----------------------------------------------------------------------------- detection

FRENCH = [
    # UNv1.0 devset fr 207 (S/2015/158)
    "Rappelant sa résolution 1970 (2011) et toutes ses résolutions ultérieures sur la Libye,",
    # UNv1.0 devset fr 2642 (A/CONF.224/L.5)
    "Au cours du débat interactif, des déclarations ont été faites par les représentants du "
    "Bangladesh, de la commune de Tevragh-Zeina (Mauritanie) et des pays suivants : Philippines,"
    " République arabe syrienne, Suède, Maldives, Royaume-Uni et Bénin.",
    "L'Assemblée générale a adopté la résolution à l'unanimité.",
]
NOT_FRENCH = [
    # UNv1.0 devset en, es 207 (S/2015/158)
    "Recalling its resolution 1970 (2011) and all its subsequent resolutions on Libya,",
    "Recordando su resolución 1970 (2011) y todas sus resoluciones posteriores sobre Libia,",
    "El Consejo de Seguridad decide seguir ocupándose activamente de la cuestión y le pide que "
    "informe sobre la situación en el país.",
    "إذ يشير إلى قراره 1970 (2011) وجميع قراراته اللاحقة بشأن ليبيا،",
    "The Committee held its session in Geneva and the Secretary-General made a statement.",
]


@pytest.mark.parametrize("text", FRENCH)
def test_french_is_told_by_its_function_words(text: str) -> None:
    found = lang.detect(text)
    assert found is not None and found.code == "fr" and found.pack is lang.get("fr")
    assert language(text) == "fr"


@pytest.mark.parametrize("text", NOT_FRENCH)
def test_english_spanish_and_arabic_are_not_taken_for_french(text: str) -> None:
    found = lang.detect(text)
    assert found is not None and found.code != "fr"


def test_the_french_pack_is_registered() -> None:
    pack = lang.get("fr")
    assert (pack.code, pack.code3, pack.name) == ("fr", "fra", "French")
    assert pack in lang.packs()
    # elisions and accents in match form: one character for one, offsets kept
    form = pack.match_form("Côte d’Ivoire À L’UNANIMITÉ")
    assert form.text == "cote d'ivoire a l'unanimite"


# ------------------------------------------------------------------------------ meetings

SESSIONS = [
    # the title block
    (
        HEAD + "1. La session a été ouverte par le Président.\n",
        (SESSION, _d(12, 20), _d(12, 21), "beirut"),
    ),
    # the body, then "à sa ... session"
    (
        "Le Comité exécutif, à sa dix-huitième session, a adopté son rapport.\n",
        (SESSION, None, None, None),
    ),
    # the session first, then the body, with place and a pair of days
    (
        "La dix-huitième session du Comité exécutif s'est tenue à Beyrouth les 20 et 21 décembre"
        " 2017.\n",
        (SESSION, _d(12, 20), _d(12, 21), "beirut"),
    ),
    # "du ... au ..."
    (
        "La trente et unième session de la Commission du désarmement s'est tenue à New York du 9"
        " au 13 mai 2011.\n",
        ("un-disarmament-commission/session/31", _d(5, 9, 2011), _d(5, 13, 2011), "new-york"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SESSIONS)
def test_a_bodys_numbered_session(
    text: str, expected: tuple[str, dt.date | None, dt.date | None, str | None]
) -> None:
    meetings = [m for m in facts_of(text, MeetingFact) if m.body]
    assert len(meetings) == 1
    m = meetings[0]
    assert (m.meeting, m.start, m.end, m.place.key if m.place else None) == expected
    assert m.evidence[0].quote in text


MEETINGS = [
    # a dateline "New York, 9-13 mai 2011" under the meeting's name
    (
        "Conférence des Nations Unies sur le commerce illicite des armes légères\n"
        "New York, 9-13 mai 2011\n",
        ("conference", _d(5, 9, 2011), _d(5, 13, 2011), "new-york"),
    ),
    # UNv1.0 devset fr 2001 (NPT/CONF.2015/WP.2): "qui s'est tenue à Vienne le 8 et le 9 ..."
    (
        "À cet égard, le Groupe a salué la tenue de la Conférence sur l'impact humanitaire des "
        "armes nucléaires qui s'est tenue à Vienne le 8 et le 9 décembre 2014.\n",
        ("conference", _d(12, 8, 2014), _d(12, 9, 2014), "vienna"),
    ),
    (
        "L'atelier régional sur la gestion des stocks, tenu à Genève le 1er juillet 2015, a "
        "réuni des experts.\n",
        ("workshop", _d(7, 1, 2015), _d(7, 1, 2015), "geneva"),
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


def test_the_host_a_sentence_thanks_and_the_same_node_as_in_english() -> None:
    french = (
        "La Conférence sur l'impact humanitaire des armes nucléaires s'est tenue à Vienne les 8 "
        "et 9 décembre 2014. Les participants ont remercié le Gouvernement de l'Autriche d'avoir "
        "accueilli la Conférence sur l'impact humanitaire des armes nucléaires.\n"
    )
    english = (
        "The Conference on the Humanitarian Impact of Nuclear Weapons was held in Vienna on 8 and "
        "9 December 2014. The participants thanked the Government of Austria for hosting the "
        "Conference on the Humanitarian Impact of Nuclear Weapons.\n"
    )
    (fr,) = facts_of(french, MeetingFact)
    (en,) = facts_of(english, MeetingFact)
    assert [h.key for h in fr.hosts] == ["AUT"]
    assert (fr.meeting, fr.start, fr.end, fr.hosts) == (en.meeting, en.start, en.end, en.hosts)


def test_no_host_without_a_government_named() -> None:
    text = (
        "La Conférence sur l'impact humanitaire des armes nucléaires s'est tenue à Vienne les 8 "
        "et 9 décembre 2014. L'Autriche a accueilli la Conférence sur l'impact humanitaire des "
        "armes nucléaires.\n"
    )
    assert [m.hosts for m in facts_of(text, MeetingFact)] == [()]


NOT_A_SESSION = [
    "Le Comité exécutif a tenu une session sur les routes.\n",
    "Le Comité exécutif s'est réuni à Beyrouth.\n",
    "Dix-huitième session\nBeyrouth, 20-21 décembre 2017\n",  # no body named
    "La session du Comité exécutif a été ouverte par le Président.\n",  # no ordinal
]


@pytest.mark.parametrize("text", NOT_A_SESSION)
def test_no_numbered_session_without_a_body_and_an_ordinal(text: str) -> None:
    assert [m for m in facts_of(text, MeetingFact) if m.body] == []


def test_the_stated_number_of_plenary_meetings() -> None:
    text = HEAD + "1. Le Comité a tenu quatre séances plénières au cours de la session.\n"
    assert [(c.meeting, c.count) for c in facts_of(text, PlenaryCountFact)] == [(SESSION, 4)]


# ------------------------------------------------------------------------------- plenary

PLENARY = [
    (
        "1. À sa 1re séance plénière, le 20 décembre, le Comité a adopté l'ordre du jour.\n",
        [(1, _d(12, 20))],
    ),
    (
        "1. À la 2e séance, tenue le 21 décembre 2017, le Comité a examiné le rapport.\n",
        [(2, _d(12, 21))],
    ),
    # two meetings and two days, "respectivement"
    (
        "1. Le Comité a examiné la question à ses 2e et 3e séances, les 20 et 21 décembre, "
        "respectivement.\n",
        [(2, _d(12, 20)), (3, _d(12, 21))],
    ),
    ("1. Aux 276e et 277e séances, le Comité a entendu des exposés.\n", [(276, None), (277, None)]),
    # "à la même séance": the meeting named last
    (
        "1. À sa 3e séance plénière, le 21 décembre, le Comité a adopté son rapport.\n\n"
        "2. À la même séance, il a clos la session.\n",
        [(3, _d(12, 21)), (3, None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), PLENARY)
def test_numbered_plenary_meetings(body: str, expected: list[tuple[int, dt.date | None]]) -> None:
    found = facts_of(HEAD + body, PlenaryFact)
    assert [(p.ordinal, p.date) for p in found] == expected
    assert {p.meeting for p in found} == {SESSION}


NO_PLENARY = [
    "1. Le Comité a tenu des séances de travail.\n",
    "1. La séance a été levée à 18 heures.\n",
    "1. Les 2e et 3e paragraphes ont été modifiés.\n",
]


@pytest.mark.parametrize("body", NO_PLENARY)
def test_no_plenary_without_an_ordinal_seance(body: str) -> None:
    assert facts_of(HEAD + body, PlenaryFact) == []


# ------------------------------------------------------------------------------ officers

OFFICERS = [
    # elected by acclamation: person, State, office
    (
        "1. À sa 1re séance plénière, le 20 décembre, le Comité a élu par acclamation M. Jorge "
        "Lomónaco (Mexique) Président.\n",
        [("chair", "jorge lomonaco", "MEX", "acclamation", 1)],
    ),
    (
        "1. Mme Amina Mohammed (Nigéria) a été élue Rapporteuse.\n",
        [("rapporteur", "amina mohammed", "NGA", None, None)],
    ),
    # the Bureau under "office :" headings
    (
        "1. À sa 1re séance, le Comité a élu les membres du Bureau suivants : Président : Maroc;"
        " Vice-Présidents : Jordanie et Yémen; Rapporteur : Oman.\n",
        [
            ("chair", "MAR", "MAR", None, 1),
            ("vice-chair", "JOR", "JOR", None, 1),
            ("vice-chair", "YEM", "YEM", None, 1),
            ("rapporteur", "OMN", "OMN", None, 1),
        ],
    ),
    # any turn: each office takes the States named since the office before it
    (
        "1. Les représentants du Koweït et de la Tunisie ont été nommés Vice-Présidents, et le "
        "représentant du Liban Rapporteur.\n",
        [
            ("vice-chair", "KWT", "KWT", None, None),
            ("vice-chair", "TUN", "TUN", None, None),
            ("rapporteur", "LBN", "LBN", None, None),
        ],
    ),
    # not a predecessor
    (
        "1. Le représentant de la Jordanie a été désigné Président, en remplacement de l'Arabie "
        "saoudite.\n",
        [("chair", "JOR", "JOR", None, None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), OFFICERS)
def test_officers(body: str, expected: list[tuple[str, str, str, str | None, int | None]]) -> None:
    found = facts_of(HEAD + body, RoleAssignmentFact)
    got = [
        (
            f.role,
            f.holder.key,
            f.representing.key if f.representing else None,
            f.method,
            f.ordinal,
        )
        for f in found
    ]
    assert got == expected
    assert {f.meeting for f in found} == {SESSION}


NO_OFFICERS = [
    "1. Le Président a ouvert la session.\n",
    "1. Le Comité a élu domicile à Beyrouth.\n",
    "1. Les représentants du Maroc et de la Jordanie ont assisté à la séance.\n",
]


@pytest.mark.parametrize("body", NO_OFFICERS)
def test_no_officers_without_an_office_given(body: str) -> None:
    assert facts_of(HEAD + body, RoleAssignmentFact) == []


# ---------------------------------------------------------------------------- statements

STATEMENTS = [
    (
        "1. À sa 1re séance, des déclarations ont été faites par les représentants de l'Égypte, "
        "au nom du Groupe des 77 et de la Chine, et du Maroc.\n",
        [("EGY", "g77", None), ("MAR", None, None)],
    ),
    (
        "1. À sa 2e séance, le représentant du Liban a fait une déclaration.\n",
        [("LBN", None, None)],
    ),
    (
        "1. À la 2e séance, une déclaration a été faite par le représentant du Maroc, en sa "
        "qualité de Président du Groupe des États arabes.\n",
        [("MAR", None, "chair")],
    ),
    (
        "1. À sa 3e séance, les représentants de la Jordanie et de l'Union européenne ont pris la "
        "parole.\n",
        [("JOR", None, None), ("eu", None, None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), STATEMENTS)
def test_statements(body: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    found = facts_of(HEAD + body, StatementFact)
    got = [
        (f.speaker.key, f.on_behalf_of.key if f.on_behalf_of else None, f.capacity_role)
        for f in found
    ]
    assert got == expected
    assert all(f.meeting == SESSION and f.ordinal is not None for f in found)


NO_STATEMENTS = [
    # no numbered séance to date it
    "1. Des déclarations ont été faites par les représentants de l'Égypte et du Maroc.\n",
    # no statement verb
    "1. À sa 1re séance, les représentants de l'Égypte et du Maroc ont été remerciés.\n",
]


@pytest.mark.parametrize("body", NO_STATEMENTS)
def test_no_statement_without_a_seance_and_a_verb(body: str) -> None:
    assert facts_of(HEAD + body, StatementFact) == []


# ---------------------------------------------------------------------- resolutions

RESOLUTION = (
    "Résolution 1540 (2004)\n\n"
    "Adoptée par le Conseil de sécurité à sa 4956e séance, le 28 avril 2004\n\n"
    "Le Conseil de sécurité,\n\n"
    "Rappelant sa résolution 1373 (2001) du 28 septembre 2001 et ses résolutions 1267 (1999) et"
    " 1333 (2000),\n\n"
    "Réaffirmant la résolution 1325 (2000) du Conseil de sécurité,\n\n"
    "Prenant note de la résolution 63/72 de l'Assemblée générale,\n\n"
    "1. Décide de convoquer la dix-neuvième session du Comité exécutif, conformément à la "
    "résolution 56/24 V du 24 décembre 2001 et en application de la résolution 66/47 de "
    "l'Assemblée générale;\n\n"
    "2. Décide de rester saisi de la question.\n"
)


def test_a_resolutions_relations() -> None:
    links = {(f.source, f.relation, f.target) for f in facts_of(RESOLUTION, ResolutionLinkFact)}
    own = "S/RES/1540(2004)"
    assert links == {
        (own, "recalls", "S/RES/1373(2001)"),
        (own, "recalls", "S/RES/1267(1999)"),
        (own, "recalls", "S/RES/1333(2000)"),
        (own, "reaffirms", "S/RES/1325(2000)"),
        (own, "takes-note-of", "A/RES/63/72"),
        (own, "in-accordance-with", "A/RES/56/24"),
        (own, "pursuant-to", "A/RES/66/47"),
    }
    symbols = [f.symbol for f in facts_of(RESOLUTION, ResolutionFact)]
    assert symbols[0] == own and "A/RES/63/72" in symbols and len(set(symbols)) == 8


def test_decide_de_convoquer_mandates_the_session() -> None:
    mandates = facts_of(RESOLUTION, MandateFact)
    assert [(m.resolution, m.relation, m.meeting) for m in mandates] == [
        ("S/RES/1540(2004)", "decides", f"{EC}/session/19")
    ]


RESOLUTION_MENTIONS = [
    # UNv1.0 devset fr 1000 (S/2015/153): a list of Council resolutions
    (
        "Rappelant ses précédentes résolutions et déclarations sur le Soudan du Sud, en "
        "particulier ses résolutions 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) et 2187 "
        "(2014),\n",
        [
            "S/RES/2057(2012)",
            "S/RES/2109(2013)",
            "S/RES/2132(2013)",
            "S/RES/2155(2014)",
            "S/RES/2187(2014)",
        ],
    ),
    # the date "en date du" between two members
    (
        "créée par la résolution 2100 (2013) du Conseil de sécurité en date du 25 avril 2013 et "
        "récemment prorogée par la résolution 2164 (2014) du 25 juin 2014.\n",
        ["S/RES/2100(2013)", "S/RES/2164(2014)"],
    ),
    # General Assembly resolutions: session/number, with a letter and a date between
    (
        "Rappelant ses résolutions 56/24 V du 24 décembre 2001 et 63/72 du 2 décembre 2008,\n",
        ["A/RES/56/24", "A/RES/63/72"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTION_MENTIONS)
def test_cited_resolutions(text: str, expected: list[str]) -> None:
    assert [f.symbol for f in facts_of(text, ResolutionFact)] == expected


NO_RESOLUTION = [
    "Le Comité a pris note de la résolution adoptée par la Commission.\n",
    "Le point 63/72 de la liste a été supprimé.\n",  # no word for resolution
    "Il a rappelé les recommandations de 2004 (voir annexe).\n",
]


@pytest.mark.parametrize("text", NO_RESOLUTION)
def test_no_resolution_without_its_number(text: str) -> None:
    assert facts_of(text, ResolutionFact) == []


# ------------------------------------------------------------------ adoption and votes

ADOPTIONS = [
    (
        "Résolution 678 (1990)\n\nAdoptée à la 2963e séance par 12 voix contre 2 (Cuba et Yémen), "
        "avec une abstention (Chine).\n\nLe Conseil de sécurité,\n",
        (2963, "vote", 12, 2, 1, ("CUB", "YEM"), ("CHN",), ()),
    ),
    (
        "Résolution 687 (1991)\n\nAdoptée à l'unanimité à la 3119e séance.\n\nLe Conseil de "
        "sécurité,\n",
        (3119, "unanimous", None, None, None, (), (), ()),
    ),
    (
        "Résolution 713 (1991)\n\nAdoptée à la 3009e séance par 14 voix contre zéro, avec une "
        "abstention (Chine). Un membre (Yémen) n'a pas participé au vote.\n\nLe Conseil de "
        "sécurité,\n",
        (3009, "vote", 14, 0, 1, (), ("CHN",), ("YEM",)),
    ),
    (
        "Résolution 690 (1991)\n\nAdoptée sans vote à la 2984e séance.\n\nLe Conseil de "
        "sécurité,\n",
        (2984, "without-vote", None, None, None, (), (), ()),
    ),
    (
        "Résolution 691 (1991)\n\nAdoptée par consensus à la 2985e séance.\n\nLe Conseil de "
        "sécurité,\n",
        (2985, "consensus", None, None, None, (), (), ()),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADOPTIONS)
def test_adoption_and_votes(text: str, expected: tuple[object, ...]) -> None:
    (fact,) = facts_of(text, AdoptionFact)
    got = (
        fact.meeting,
        fact.method,
        fact.yes,
        fact.no,
        fact.abstain,
        _entity_keys(fact.against),
        _entity_keys(fact.abstaining),
        _entity_keys(fact.not_voting),
    )
    assert got == expected
    assert fact.organ == "un-security-council"


def _entity_keys(entities: tuple[Entity, ...]) -> tuple[str, ...]:
    return tuple(e.key for e in entities)


def test_the_adoption_date_after_the_seance() -> None:
    (fact,) = facts_of(RESOLUTION, AdoptionFact)
    assert (fact.meeting, fact.date, fact.meeting_name) == (
        4956,
        dt.date(2004, 4, 28),
        "4956e séance",
    )


NO_ADOPTION = [
    # not a resolution
    "Rapport du Comité\n\n1. Le projet a été adopté à l'unanimité à la 12e séance.\n",
    # a resolution whose text says nothing of its adoption
    "Résolution 700 (1991)\n\nLe Conseil de sécurité,\n\nRappelant les résolutions adoptées par "
    "l'Assemblée,\n",
]


@pytest.mark.parametrize("text", NO_ADOPTION)
def test_no_adoption_line(text: str) -> None:
    assert facts_of(text, AdoptionFact) == []


# -------------------------------------------------------------------- document info

NOTE = (
    "Note verbale datée du 1er juillet 2011, adressée au Secrétaire général par la Mission "
    "permanente de l'Algérie auprès de l'Organisation des Nations Unies\n"
)

DOCUMENTS = [
    (NOTE, ("note-verbale", dt.date(2011, 7, 1))),
    (
        "Lettre datée du 7 janvier 2015, adressée au Président du Conseil de sécurité par le "
        "Secrétaire général\n",
        ("letter", dt.date(2015, 1, 7)),
    ),
    # a General Assembly letter: session and agenda item above the title
    (
        "Assemblée générale\nSoixante-neuvième session\nPoint 19 de l'ordre du jour\n\nLettre "
        "datée du 5 février 2015, adressée au Secrétaire général par le Représentant permanent de "
        "l'Azerbaïdjan auprès de l'Organisation des Nations Unies\n\nJ'ai l'honneur de vous faire "
        "tenir ci-joint le texte de la déclaration.\n",
        ("letter", dt.date(2015, 2, 5)),
    ),
    ("Rapport du Comité exécutif sur sa dix-huitième session\n", ("report", None)),
    ("Ordre du jour provisoire\n\n1. Ouverture de la session.\n", ("provisional-agenda", None)),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENTS)
def test_title_block_type_and_date(text: str, expected: tuple[str, dt.date | None]) -> None:
    (document,) = facts_of(text, DocumentFact)
    assert (document.doc_type, document.date) == expected
    assert document.language == "fr"


def test_a_note_verbale_is_addressed_to_the_secretary_general() -> None:
    (note,) = facts_of(NOTE, NoteVerbaleFact)
    assert (note.addressee_role, note.date) == ("secretary-general", dt.date(2011, 7, 1))


def test_a_title_without_a_document_type() -> None:
    (document,) = facts_of("Questions diverses concernant la session\n", DocumentFact)
    assert document.doc_type is None and document.date is None


# ------------------------------------------------------------------------ references


def test_referenced_documents_and_revisions() -> None:
    text = HEAD + (
        "1. Le Comité était saisi de l'ordre du jour provisoire (E/ESCWA/EC.18/L.1) et de la liste "
        "des participants (E/ESCWA/EC.18/INF.1/Rev.1).\n"
    )
    found = [
        (f.symbol, f.doc_type, f.revision_of, f.relation)
        for f in facts_of(text, DocumentReferenceFact)
    ]
    assert found == [
        ("E/ESCWA/EC.18/L.1", "provisional-agenda", None, None),
        ("E/ESCWA/EC.18/INF.1/Rev.1", "list-of-participants", "E/ESCWA/EC.18/INF.1", "revision"),
    ]


def test_no_reference_without_a_symbol() -> None:
    text = HEAD + "1. Le Comité était saisi de l'ordre du jour provisoire et du rapport.\n"
    assert facts_of(text, DocumentReferenceFact) == []


# ------------------------------------------------------- the same facts in both languages

# (line of UNv1.0.devset.en/.fr, its document, English, French)
ALIGNED = [
    (
        1000,
        "S/2015/153",
        "Recalling its previous resolutions and statements on South Sudan, in particular "
        "resolutions 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) and 2187 (2014),",
        "Rappelant ses précédentes résolutions et déclarations sur le Soudan du Sud, en particulier"
        " ses résolutions 2057 (2012), 2109 (2013), 2132 (2013), 2155 (2014) et 2187 (2014),",
    ),
    (
        2231,
        "S/2015/60",
        "6. Reaffirms all its relevant resolutions on Cyprus, in particular resolution 1251 "
        "(1999) of 29 June 1999 and subsequent resolutions;",
        "6. Réaffirme toutes ses résolutions sur Chypre, en particulier sa résolution 1251 (1999)"
        " du 29 juin 1999 et ses résolutions ultérieures;",
    ),
    (
        375,
        "S/2015/166",
        "I have the honour to refer to the United Nations Multidimensional Integrated Stabilization"
        " Mission in Mali (MINUSMA), established by Security Council resolution 2100 (2013) of 25 "
        "April 2013 and recently extended by resolution 2164 (2014) of 25 June 2014.",
        "J'ai l'honneur de me référer à la Mission multidimensionnelle intégrée des Nations Unies "
        "pour la stabilisation au Mali (MINUSMA), créée par la résolution 2100 (2013) du Conseil de"
        " sécurité en date du 25 avril 2013 et récemment prorogée par la résolution 2164 (2014) du "
        "25 juin 2014.",
    ),
    (
        568,
        "A/69/769",
        "I would appreciate it if you could circulate the present letter and its annex as a "
        "document of the sixty-ninth session of the General Assembly, under agenda item 19.",
        "Je vous serais obligé de bien vouloir faire distribuer le texte de la présente lettre et "
        "de son annexe comme document de la soixante-neuvième session de l'Assemblée générale, au "
        "titre du point 19 de l'ordre du jour.",
    ),
    (
        2001,
        "NPT/CONF.2015/WP.2",
        "In that regard, it welcomed the convening of the Vienna Conference on the Humanitarian "
        "Impact of Nuclear Weapons, held in Vienna on 8 and 9 December 2014.",
        "À cet égard, le Groupe a salué la tenue de la Conférence sur l'impact humanitaire des "
        "armes nucléaires qui s'est tenue à Vienne le 8 et le 9 décembre 2014.",
    ),
    (
        2135,
        "S/2015/67",
        "I have the honour to refer to Security Council resolution 2182 (2014), adopted on 24 "
        "October 2014, by which the Council decided to extend the mandate of the Somalia and "
        "Eritrea Monitoring Group for a period of 13 months.",
        "J'ai l'honneur de me référer à la résolution 2182 (2014) du Conseil de sécurité, en date"
        " du 24 octobre 2014, dans laquelle le Conseil a décidé de proroger de 13 mois le mandat "
        "du Groupe de contrôle pour la Somalie et l'Érythrée.",
    ),
]


def _keys(text: str) -> dict[str, set[str]]:
    from unkg.extract import extract_facts
    from unkg.structure.layout import parse

    facts: list[Fact] = extract_facts(parse(source_of(text + "\n")))
    return {
        "meetings": {f.meeting for f in facts if isinstance(f, MeetingFact)},
        "resolutions": {f.symbol for f in facts if isinstance(f, ResolutionFact)},
        "states": {
            f.entity.key
            for f in facts
            if isinstance(f, MentionFact) and f.entity.kind is EntityKind.STATE
        },
    }


@pytest.mark.parametrize(("line", "symbol", "english", "french"), ALIGNED)
def test_a_french_sentence_gives_the_keys_of_its_english_original(
    line: int, symbol: str, english: str, french: str
) -> None:
    assert (language(english), language(french)) == ("en", "fr")
    expected, found = _keys(english), _keys(french)
    assert found == expected, f"devset line {line} ({symbol})"
    assert any(found.values())


def test_the_french_and_english_title_blocks_give_one_session_node() -> None:
    english = (
        "Executive Committee\nEighteenth session\nBeirut, 20-21 December 2017\n\n"
        "1. The session was opened by the Chair.\n"
    )
    (en,) = facts_of(english, MeetingFact)
    (fr,) = facts_of(HEAD + "1. La session a été ouverte par le Président.\n", MeetingFact)
    assert (fr.meeting, fr.start, fr.end, fr.place) == (en.meeting, en.start, en.end, fr.place)
    assert fr.place is not None and en.place is not None and fr.place.key == en.place.key
