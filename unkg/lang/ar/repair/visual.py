"""Put lines that a PDF extractor emitted in visual order back into reading order.

Arabic PDFs are often extracted run by run in left-to-right *display* order: each run (a text
object of the PDF: a few words, a number, a piece of a word cut at a kashida) is in logical
order inside, but the runs of a line come out right-to-left reversed, and sometimes shuffled.
Numbers, Latin symbols and brackets form runs of their own, as the Unicode bidi algorithm
makes them.

So a line is cut into *runs* at the places a run can end (runs of spaces, tatweel at a cut,
numbers, brackets, glued fragments), and the order of the runs that reads best is searched for.
"Reads best" is scored by local cues that hold for any Arabic text:

* a fragment ending in tatweel continues in a fragment starting with tatweel;
* a lone alef is the start of an article split from its lam (``ا`` + ``لتي``);
* a lam-alef split from its word (``لا``) sits between that alef and the rest of the word;
* a paragraph number or list marker starts a line;
* a Levantine month name comes before its Western name (``أيار/مايو``);
* a range of numbers ascends (``9 - 13``);
* a run that starts with a word ending (``ات``) continues the word that ends the run before;
* two words that clean Arabic UN text (``pairs.tsv``) or the document puts side by side
  belong together, and a join of two pieces is good when it makes a word either knows;
* the run that stood on the left in display order is the likeliest next one.

The line is rewritten only when some order scores clearly better than the order it has, so
a clean line is left alone and a repaired line is not touched again (the repair is
idempotent). Each output character keeps the offset of the input character it came from.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from operator import itemgetter
from typing import Any

from unkg.lang.ar import data as ar
from unkg.lang.ar.repair.lexicon import word_list, word_pairs
from unkg.lang.ar.repair.ligatures import document_swaps
from unkg.lang.ar.script import ARABIC, DIGITS, DUAL_JOINING, INDIC_DIGITS, LETTERS, TATWEEL
from unkg.lang.ar.script import word_key as word_key
from unkg.repair.offsets import Edit

__all__ = ["Lexicon", "reorder_visual_lines", "word_key"]

_LETTERS = LETTERS
_ARABIC = ARABIC
_DIGIT = DIGITS
# Only text as PDF extraction leaves it is reordered: a line must show tatweel, Arabic-Indic
# digits or wide gaps. Repaired text shows none of them, so repair never reorders its own
# output and is idempotent.
_RAW = re.compile(f"{TATWEEL}|[{INDIC_DIGITS}]|\\S[ \t]{{2,}}\\S|\t")
_DUAL_JOINING = DUAL_JOINING
_ARTICLE_FRAGMENTS = {"ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل"}
# word endings that are no word of their own: a run that starts with one continues the word
# that ends another run (``ببيان`` + ``ات``)
_SUFFIX_FRAGMENTS = {"ات", "ية", "ين", "ون"}
_FUNCTION_WORDS = {"في", "من", "إلى", "على", "عن", "و"}
_BEAM = 32
_BEAM_RUNS = 12  # longer lines are ordered by hill climbing
_MAX_RUNS = 28
_MARGIN = 2.0
# runs that stood side by side in display order, the right one first: how visual order
# lines come out, so the reversed neighbour is the likeliest next run
_REVERSED_NEIGHBOUR = 2.0

_TIE = 1e-3

_TOKEN = re.compile(
    rf"(?P<ws>\s+)"
    rf"|(?P<latin>[A-Za-z](?:[A-Za-z0-9]|[./\-](?=[A-Za-z0-9]))*)"
    rf"|(?P<num>[{_DIGIT}]+(?:[./,:\-][{_DIGIT}]+)*)"
    rf"|(?P<word>[{_ARABIC}]+)"
    rf"|(?P<open>[(\[{{])|(?P<close>[)\]}}])"
    rf"|(?P<dash>[-\u2013\u2014])|(?P<slash>/)"
    rf"|(?P<punct>[.\u060c\u061b:!\u061f?,;\u2026])"
    rf"|(?P<other>\S)"
)
_WORDS = re.compile(f"[{_ARABIC}]+")

# Lines whose only sign of visual order is wide gaps between runs are only tried reversed;
# the others get the full search.
_GAPS_ONLY = re.compile(r"\S {2,}\S")
# Cheap test: does the line show any sign of visual order at all?
_SUSPECT = re.compile(
    rf"(?:^|\s){TATWEEL}|(?:^|\s)ا(?:\s|$)|لاا|-\s*[{_DIGIT}]+\s*$|\)[^\s()]{{1,3}}\("
    rf"|[{_LETTERS}][{_DIGIT}]|[{_DIGIT}][{_LETTERS}]|^\s*[.:\u060c\u061b]\S"
    rf"|[-\u2013][^\s{_DIGIT}]+\s*$"
)


class Kind(Enum):
    WORD = "word"
    NUM = "num"
    LATIN = "latin"
    OPEN = "open"
    CLOSE = "close"
    DASH = "dash"
    SLASH = "slash"
    PUNCT = "punct"
    OTHER = "other"
    LAMALEF = "lamalef"


# Reading ``Kind.WORD`` calls a descriptor on Python 3.11 (about 0.1 microseconds, 15 times a
# module name); the scoring loops read each kind millions of times per corpus, so they use
# these names.
WORD = Kind.WORD
NUM = Kind.NUM
LATIN = Kind.LATIN
OPEN = Kind.OPEN
CLOSE = Kind.CLOSE
DASH = Kind.DASH
SLASH = Kind.SLASH
PUNCT = Kind.PUNCT
OTHER = Kind.OTHER
LAMALEF = Kind.LAMALEF
_KIND_OF_GROUP = {kind.value: kind for kind in Kind}  # the tokenizer's group names


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    text: str
    kind: Kind
    glued: bool  # no space between this atom and the previous one
    spaces: int  # how many spaces stood before it
    key: str = ""

    def __post_init__(self) -> None:
        self.key = word_key(self.text)


@dataclass(slots=True)
class Run:
    """A stretch of a line that reads in logical order; its cues are computed once."""

    position: int
    atoms: list[Atom]
    # (char, line offset) of a merged marker; other runs read their atoms (made only for the
    # few lines that are rewritten)
    display: list[tuple[str, int]] = field(default_factory=list)
    starts_line: bool = False  # paragraph number, list marker or heading
    first: Atom = field(init=False)
    last: Atom = field(init=False)
    starts_tatweel: bool = field(init=False)
    ends_tatweel: bool = field(init=False)
    ends_alef: bool = field(init=False)
    ends_article: bool = field(init=False)
    starts_lam: bool = field(init=False)
    starts_suffix: bool = field(init=False)  # ``ات``: the end of the word before the run
    ends_joining: bool = field(init=False)
    connector: bool = field(init=False)  # "/", "-", "و", "إلى": the middle of a pair

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        first, last = self.atoms[0], self.atoms[-1]
        self.first, self.last = first, last
        word_first, word_last = first.kind is WORD, last.kind is WORD
        self.starts_tatweel = word_first and first.text[0] == TATWEEL
        self.ends_tatweel = word_last and last.text[-1] == TATWEEL
        self.ends_alef = word_last and last.key == "ا"
        self.ends_article = word_last and last.key in _ARTICLE_FRAGMENTS
        self.starts_lam = first.kind in (WORD, LAMALEF) and first.key.startswith("ل")
        self.starts_suffix = first.kind is WORD and first.key in _SUFFIX_FRAGMENTS
        self.ends_joining = word_last and last.text[-1] in _DUAL_JOINING
        self.connector = len(self.atoms) == 1 and (
            first.kind in (SLASH, DASH) or first.key in ("و", "إلى")
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word and word-pair counts of one document: what "reads well" means for its lines.

    Read them with ``.get(key, 0)``: a missing key through ``[]`` costs a call of
    ``Counter.__missing__``, and most keys looked up are missing.

    UN documents repeat their phrases (names of meetings, instruments, bodies), so a pair of
    words seen twice or more elsewhere in the same document is good evidence that two runs
    belong next to each other.
    """

    words: Counter[str]
    pairs: Counter[tuple[str, str]]

    @classmethod
    def of(cls, text: str) -> Lexicon:
        words: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for line in text.split("\n"):
            keys = [word_key(w) for w in _WORDS.findall(line)]
            words.update(keys)
            pairs.update(itertools.pairwise(keys))
        return cls(words, pairs)


@cache
def _months() -> dict[str, tuple[int, str]]:
    return ar.month_names()


@cache
def _heading_words() -> frozenset[str]:
    numbers = ar.load("numbers")
    return frozenset(numbers["section_adverbs"]) | frozenset(numbers["letter_names"])


def _atoms(line: str, lexicon: Lexicon) -> list[Atom]:
    atoms: list[Atom] = []
    spaces = 0
    for m in _TOKEN.finditer(line):
        kind = m.lastgroup
        if kind == "ws":
            spaces = len(m.group())
            continue
        glued = bool(atoms) and spaces == 0
        text = m.group()
        if kind == "word":
            for i, (a, b, piece) in enumerate(_split_word(text, m.start(), lexicon)):
                piece_kind = LAMALEF if piece == "لا" and b - a == 2 and len(text) > 2 else (WORD)
                atoms.append(
                    Atom(
                        a, b, piece, piece_kind, glued if i == 0 else True, spaces if i == 0 else 0
                    )
                )
        else:
            atoms.append(Atom(m.start(), m.end(), text, _KIND_OF_GROUP[kind or ""], glued, spaces))
        spaces = 0
    if any(a.key == "ا" for a in atoms) and not any(a.kind is LAMALEF for a in atoms):
        atoms = _split_lam_alef_prefix(atoms, lexicon)
    return atoms


def _split_lam_alef_prefix(atoms: list[Atom], lexicon: Lexicon) -> list[Atom]:
    """With a lone alef in the line, a token ``لا`` + known word (``لابتنفيذ``) is the
    lam-alef of that alef's word, pulled out of place."""
    for i, atom in enumerate(atoms):
        if atom.kind is WORD and atom.text.startswith("لا") and len(atom.key) > 3:
            rest = atom.text[2:]
            if lexicon.words.get(word_key(rest), 0) >= 2 and lexicon.words.get(atom.key, 0) < 2:
                lam = Atom(atom.start, atom.start + 2, "لا", LAMALEF, atom.glued, atom.spaces)
                tail = Atom(atom.start + 2, atom.end, rest, WORD, True, 0)
                return [*atoms[:i], lam, tail, *atoms[i + 1 :]]
    return atoms


def _known(fragment: str, lexicon: Lexicon) -> bool:
    key = word_key(fragment)
    words = lexicon.words
    return len(key) >= 2 and (
        words.get(key, 0) >= 2
        or (key[0] == "ل" and words.get("ا" + key, 0) >= 2)
        or word_list().count(key) > 0
    )


_PULLED_LAM_ALEF = re.compile("لا(?=ا)")


def _split_word(text: str, offset: int, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Cut a token where a lam-alef ligature was pulled out of its word (``تجارلاالمعني``)
    or where two known words were glued together (``واعتمادهأي``)."""
    if "لاا" in text:  # most words hold no pulled-out lam-alef: no pattern run for them
        pieces: list[tuple[int, int, str]] = []
        start = 0
        for m in _PULLED_LAM_ALEF.finditer(text):
            if m.start() > start:
                pieces.append((start, m.start(), text[start : m.start()]))
            pieces.append((m.start(), m.end(), "لا"))
            start = m.end()
        pieces.append((start, len(text), text[start:]))
        pieces = [p for p in pieces if p[2]]
    else:
        pieces = [(0, len(text), text)]
    out: list[tuple[int, int, str]] = []
    for a, b, piece in pieces:
        key = word_key(piece)
        if (
            piece != "لا"
            and len(key) >= 5
            and not _known(piece, lexicon)
            and not word_list().known(key)
        ):
            cut = _best_cut(piece, lexicon)
            if cut:
                out.append((offset + a, offset + a + cut, piece[:cut]))
                out.append((offset + a + cut, offset + b, piece[cut:]))
                continue
        out.append((offset + a, offset + b, piece))
    return out


def _best_cut(piece: str, lexicon: Lexicon) -> int:
    """Where to cut a glued token into two known words; an article may end the token
    (``واعتمادهال``: the article of the next word) but is never cut off a word's start."""
    best, best_size = 0, 0
    for cut in range(3, len(piece) - 1):
        left, right = piece[:cut], piece[cut:]
        if TATWEEL in (left[-1], right[0]):
            continue
        right_ok = _known(right, lexicon) or word_key(right) in _ARTICLE_FRAGMENTS
        if _known(left, lexicon) and right_ok:
            size = min(len(word_key(left)), len(word_key(right)))
            if size > best_size:
                best, best_size = cut, size
    return best


_OWN_RUN = {NUM, LATIN, DASH, SLASH, LAMALEF, OPEN, CLOSE}


def _runs(atoms: list[Atom], lexicon: Lexicon) -> list[Run]:
    cuts = _partner_cuts(atoms, lexicon)
    groups: list[list[Atom]] = []  # each run's atoms; the runs are made once they are whole
    previous: Atom | None = None
    for index, atom in enumerate(atoms):
        if previous is None:
            boundary = True
        elif atom.kind in (PUNCT, OTHER) and atom.glued and previous.kind not in _OWN_RUN:
            boundary = False  # trailing punctuation stays with the word it follows
        else:
            free_punct = previous.kind is PUNCT and not previous.glued
            boundary = (
                atom.spaces >= 2
                or index in cuts
                or atom.kind in _OWN_RUN
                or previous.kind in _OWN_RUN
                or free_punct
                or (atom.kind is PUNCT and not atom.glued)
                or (atom.kind is WORD and atom.text[0] == TATWEEL)
                or (previous.kind is WORD and previous.text[-1] == TATWEEL)
                or previous.key == "ا"
                or (atom.glued and atom.kind is WORD and previous.kind is not OTHER)
                or (atom.key == previous.key and atom.key in _FUNCTION_WORDS)
            )
        if boundary:
            groups.append([atom])
        else:
            groups[-1].append(atom)
        previous = atom
    runs = [Run(position, group) for position, group in enumerate(groups)]
    _merge_markers(runs)
    return runs


def _partner_cuts(atoms: list[Atom], lexicon: Lexicon) -> set[int]:
    """Atoms that must start a run because they complete a cut word.

    A fragment ending in tatweel (``بمـ``) or a lone alef continues in another run of the
    line. When no run starts with tatweel (or lam) to take it, the continuation is the atom
    that makes a word the document knows (``بم`` + ``سائل``), and a run must start there.
    """
    cuts: set[int] = set()
    has_tatweel_start = any(a.kind is WORD and a.text[0] == TATWEEL for a in atoms)
    for i, atom in enumerate(atoms):
        if atom.kind is WORD and atom.text[0] == TATWEEL and atom.key:
            # a word's tail (``ـة``): its head is the atom that makes a known word with it
            heads = [
                (lexicon.words.get(other.key + atom.key, 0), j)
                for j, other in enumerate(atoms)
                if j != i
                and other.kind is WORD
                and other.text[0] != TATWEEL
                and other.text[-1] != TATWEEL
                and other.text[-1] in _DUAL_JOINING
            ]
            count, j = max(heads, default=(0, -1))
            # cut before the head unless the word before it belongs with the whole word
            if (
                count >= 2
                and j > 0
                and atoms[j].spaces == 1
                and atoms[j - 1].kind is WORD
                and lexicon.pairs.get((atoms[j - 1].key, atoms[j].key + atom.key), 0) < 2
            ):
                cuts.add(j)
            continue
        if atom.kind is not WORD:
            continue
        open_tatweel = atom.text[-1] == TATWEEL and not has_tatweel_start
        if not (open_tatweel or atom.key == "ا"):
            continue
        head = atom.key
        for j, other in enumerate(atoms):
            if j in (i, i + 1) or other.kind is not WORD or other.text[0] == TATWEEL:
                continue
            if lexicon.words.get(head + other.key, 0) >= 2:
                cuts.add(j)
                if j < i:
                    # partner and fragment in one stretch of single spaces: the fragment's
                    # run starts at the least familiar word pair between them
                    gap = _weakest_pair(atoms, j + 1, i, lexicon)
                    if gap is not None:
                        cuts.add(gap)
                break
    return cuts


def _weakest_pair(atoms: list[Atom], low: int, high: int, lexicon: Lexicon) -> int | None:
    best: tuple[int, int] | None = None
    for k in range(low, high + 1):
        a, b = atoms[k - 1], atoms[k]
        if a.kind is not WORD or b.kind is not WORD or b.spaces == 0:
            continue
        count = lexicon.pairs.get((a.key, b.key), 0)
        if best is None or count < best[0]:
            best = (count, k)
    return best[1] if best is not None and best[0] < 2 else None


def _display(atoms: list[Atom]) -> list[tuple[str, int]]:
    chars: list[tuple[str, int]] = []
    for i, atom in enumerate(atoms):
        if i and not atom.glued:
            chars.append((" ", atom.start))
        chars.extend((c, atom.start + k) for k, c in enumerate(atom.text))
    return chars


def _single(run: Run, *kinds: Kind) -> Atom | None:
    if len(run.atoms) == 1 and run.first.kind in kinds:
        return run.first
    return None


def _merge_markers(runs: list[Run]) -> None:
    """Fuse what always starts a line into one run that reads in logical order: a paragraph
    number (``- 12`` / ``12 -``), a list marker (``)أ(`` / ``(أ)``) or a heading
    (``-ثانيا`` / ``ألف -``)."""
    headings = _heading_words()
    i = 0
    while i < len(runs):
        if len(runs[i].atoms) != 1 or i + 1 == len(runs) or len(runs[i + 1].atoms) != 1:
            i += 1  # every marker below is made of single-atom runs
            continue
        merged: list[tuple[str, int]] | None = None
        width = 0
        nxt = runs[i + 1]
        prior = runs[i - 1].last.kind if i else None
        after = runs[i + 2] if i + 2 < len(runs) else None
        dash_a, num_b = _single(runs[i], DASH), _single(nxt, NUM)
        num_a, dash_b = _single(runs[i], NUM), _single(nxt, DASH)
        word_a, word_b = _single(runs[i], WORD), _single(nxt, WORD)
        if dash_a and num_b and prior is not NUM and not (after and after.first.glued):
            merged, width = _marker(num_b, dash_a), 2
        elif num_a and dash_b and i == 0 and not (after and after.first.kind is NUM):
            merged, width = _marker(num_a, dash_b), 2
        elif dash_a and word_b and word_b.key in headings:
            merged, width = _marker(word_b, dash_a), 2
        elif word_a and dash_b and word_a.key in headings and i == 0:
            merged, width = _marker(word_a, dash_b), 2
        if merged is None and after is not None:
            x = _single(runs[i], OPEN, CLOSE)
            y = _single(nxt, WORD, NUM)
            z = _single(after, OPEN, CLOSE)
            if x and y and z and y.glued and z.glued and len(y.key) <= 3 and x.kind is not z.kind:
                inner = [(c, y.start + k) for k, c in enumerate(y.text)]
                merged = [("(", min(x.start, z.start)), *inner, (")", max(x.start, z.start))]
                width = 3
        if merged is not None:
            atoms = [atom for run in runs[i : i + width] for atom in run.atoms]
            runs[i : i + width] = [Run(i, atoms, merged, starts_line=True)]
        i += 1
    for position, run in enumerate(runs):
        run.position = position


def _marker(head: Atom, dash: Atom) -> list[tuple[str, int]]:
    return [
        *((c, head.start + k) for k, c in enumerate(head.text)),
        (" ", dash.start),
        ("-", dash.start),
    ]


def _month(run: Run, at_end: bool) -> tuple[int, str] | None:
    """The month named at the end (or start) of a run: ``أيار``, ``تشرين الأول``."""
    words = [a.key for a in run.atoms if a.kind is WORD]
    if not words:
        return None
    months = _months()
    if at_end:
        return months.get(" ".join(words[-2:])) or months.get(words[-1])
    return months.get(" ".join(words[:2])) or months.get(words[0])


def _number(run: Run) -> int | None:
    atom = _single(run, NUM)
    return int(atom.text) if atom is not None and atom.text.isdigit() else None


class _Scorer:
    """How well an order of runs reads: a sum of start, transition and end scores."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = word_list()
        self.pairs = word_pairs()

    def word(self, key: str) -> bool:
        """A word the document uses or clean Arabic text knows."""
        return self.lexicon.words.get(key, 0) >= 2 or self.words.known(key)

    def start(self, run: Run) -> float:
        if run.starts_line:
            return 4.0
        if run.starts_tatweel:
            return -4.0
        if run.starts_suffix:
            return -3.0
        if run.first.kind in (PUNCT, LAMALEF):
            return -3.0
        if run.first.kind is CLOSE:
            return -2.0
        return 0.0

    def end(self, run: Run) -> float:
        if run.ends_tatweel or run.ends_alef or run.ends_article:
            return -3.0
        if run.last.kind in (LAMALEF, OPEN):
            return -2.0
        if run.starts_line:
            return -2.0
        if run.last.kind is PUNCT and run.last.text in ".:":
            return 1.0
        return 0.0

    def transition(self, before: Run | None, previous: Run, run: Run) -> float:
        # the terms read more than once are read into names first: this runs for every
        # pair of runs of every line searched
        score = 0.0
        glue = False
        first, last = run.first, previous.last
        first_kind, last_kind = first.kind, last.kind
        if previous.ends_tatweel:
            glue = run.starts_tatweel
            score += 4.0 if glue else -3.0
        elif run.starts_tatweel:
            glue = previous.ends_joining
            score += 1.0 if glue else -3.0
        if run.starts_suffix and last_kind is WORD and not glue:
            glue = self.word(last.key + first.key)
            score += 3.0 if glue else -1.0
        if previous.ends_alef:
            glue = run.starts_lam
            score += 4.0 if glue else -3.0
        elif first_kind is LAMALEF:
            score -= 1.0
        if last_kind is LAMALEF:
            score += 1.0 if first_kind is WORD else -1.0
        if previous.ends_article:
            score += 3.0 if first_kind is WORD else -2.0
        if run.starts_line:
            score -= 3.0
        step = run.position - previous.position
        if step == -1:
            score += _REVERSED_NEIGHBOUR
        if step == -1 and previous.first.glued and previous.first.kind is not run.last.kind:
            score += 1.5  # ``2011عام``: glued in display order, so the word reads first
        if last_kind is WORD and first_kind is WORD:
            left, right = last.key, first.key
            if left == right and left in _FUNCTION_WORDS:
                score -= 2.0
            elif glue:
                score += 1.5 if self.word(left + right) else 0.0
            elif self.lexicon.pairs.get((left, right), 0) >= 2 or (left, right) in self.pairs:
                score += 1.5
        if before is not None:
            score += self._triple(before, previous, run)
        return score

    @staticmethod
    def _triple(before: Run, middle: Run, after: Run) -> float:
        if middle.first.kind is SLASH:
            a, b = _month(before, at_end=True), _month(after, at_end=False)
            if a and b and a[0] == b[0] and a[1] != b[1]:
                return 3.0 if a[1] == "levantine" else -3.0
        if middle.first.kind is DASH or middle.first.key in ("و", "إلى"):
            x, y = _number(before), _number(after)
            if x is not None and y is not None and x != y:
                return 2.0 if x < y else -2.0
        return 0.0

    def total(self, order: list[Run]) -> float:
        score = self.start(order[0]) + self.end(order[-1])
        for i in range(1, len(order)):
            score += self.transition(order[i - 2] if i >= 2 else None, order[i - 1], order[i])
        return score

    def best_order(self, runs: list[Run]) -> list[Run]:
        """The best-reading order found: a beam search for short lines, hill climbing from
        the reversed order for long ones (whose cost would grow with the cube of their runs).

        Pair scores are computed once per pair; the three-run cues (months, ranges) only
        where the middle run is a connector.
        """
        n = len(runs)
        # a hair of preference for display order reversed breaks ties the way PDFs break lines
        pair = [
            [
                0.0
                if i == j
                else self.transition(None, runs[i], runs[j]) + (_TIE if j == i - 1 else 0.0)
                for j in range(n)
            ]
            for i in range(n)
        ]
        start = [self.start(r) for r in runs]
        end = [self.end(r) for r in runs]
        if n > _BEAM_RUNS:
            climbed = _climb(list(range(n - 1, -1, -1)), pair, start, end)
            return [runs[p] for p in climbed]
        triples: dict[tuple[int, int, int], float] = {}  # the beam meets each many times
        beam: list[tuple[float, tuple[int, ...], int]] = [
            (start[r.position], (r.position,), 1 << r.position) for r in runs
        ]
        for _ in range(n - 1):
            # a state per (runs used, last run): its best score and the beam entry it grew
            # from; orders are only spelt out for the states kept
            grown: dict[int, list[Any]] = {}
            for index, (score, order, used) in enumerate(beam):
                last = order[-1]
                row = pair[last]
                middle = runs[last] if len(order) > 1 and runs[last].connector else None
                for j in range(n):
                    if used >> j & 1:
                        continue
                    value = score + row[j]
                    if middle is not None:
                        three = (order[-2], last, j)
                        cue = triples.get(three)
                        if cue is None:
                            cue = triples[three] = self._triple(runs[order[-2]], middle, runs[j])
                        value += cue
                    key = (used | 1 << j) << 5 | j
                    known = grown.get(key)
                    if known is None:
                        grown[key] = [value, index, j]
                    elif known[0] < value:
                        known[0], known[1] = value, index
            kept = heapq.nlargest(_BEAM, grown.values(), key=itemgetter(0))
            beam = [
                (value, (*beam[index][1], j), beam[index][2] | 1 << j) for value, index, j in kept
            ]
        best = max(beam, key=lambda state: state[0] + end[state[1][-1]])
        return [runs[p] for p in best[1]]


def _climb(
    order: list[int], pair: list[list[float]], start: list[float], end: list[float]
) -> list[int]:
    """Move single runs to better places until no move helps (each move scored in O(1))."""
    n = len(order)
    # ``link[a][b]``: the score of ``b`` right after ``a``; index ``n`` stands for the line's
    # edge, so ``link[n][b]`` is ``b``'s start score and ``link[a][n]`` ``a``'s end score
    link = [[*row, end[a]] for a, row in enumerate(pair)]
    link.append([*start, 0.0])
    for _ in range(4 * n):
        improved = False
        for i in range(n):
            x = order[i]
            before = order[i - 1] if i else n
            after = order[i + 1] if i + 1 < n else n
            removal = link[before][after] - link[before][x] - link[x][after]
            rest = order[:i] + order[i + 1 :]
            edges = [n, *rest, n]
            to_x, from_x = [row[x] for row in link], link[x]
            best_gain, best_at = 1e-9, -1
            for at in range(n):
                if at == i:
                    continue
                left, right = edges[at], edges[at + 1]
                gain = removal + to_x[left] + from_x[right] - link[left][right]
                if gain > best_gain:
                    best_gain, best_at = gain, at
            if best_at >= 0:
                rest.insert(best_at, x)
                order = rest
                improved = True
        if not improved:
            break
    return order


def _joiner(previous: Run, run: Run, scorer: _Scorer) -> str:
    if previous.starts_line:
        return " "
    if previous.ends_tatweel or run.starts_tatweel:
        return ""
    if previous.ends_alef and run.starts_lam:
        return ""
    if run.starts_suffix and not run.first.glued and previous.last.kind is WORD:
        return "" if scorer.word(previous.last.key + run.first.key) else " "
    if previous.last.kind is LAMALEF or previous.ends_article:
        return ""
    if run.first.kind in (PUNCT, CLOSE) or previous.last.kind is OPEN:
        return ""
    return " "


def _reorder_line(line: str, lexicon: Lexicon, search: bool = True) -> list[tuple[str, int]] | None:
    runs = _runs(_atoms(line, lexicon), lexicon)
    if len(runs) < 2 or len(runs) > _MAX_RUNS:
        return None
    scorer = _Scorer(lexicon)
    best = scorer.best_order(runs) if search else runs[::-1]
    if [r.position for r in best] == list(range(len(runs))):
        return None
    if scorer.total(best) < scorer.total(runs) + _MARGIN:
        return None
    chars: list[tuple[str, int]] = []
    for i, run in enumerate(best):
        if i:
            chars.extend((c, run.first.start) for c in _joiner(best[i - 1], run, scorer))
        chars.extend(run.display or _display(run.atoms))
    return chars


def reorder_visual_lines(text: str, lexicon: Lexicon | None = None) -> list[Edit]:
    """Rewrite the lines that read better in another run order (see the module docstring).

    A text layer that swaps lam-alef throughout (:func:`document_swaps`) has put each line's
    letters in reading order itself; its lines are left to the steps that follow.
    """
    if document_swaps(text):
        return []
    if lexicon is None:
        lexicon = Lexicon.of(text)
    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        raw = _RAW.search(line) is not None  # the cheap test first: most lines fail it
        strong = raw and _SUSPECT.search(line) is not None
        if raw and (strong or _GAPS_ONLY.search(line)):
            chars = _reorder_line(line, lexicon, search=strong)
            if chars is not None:
                edits.append(
                    Edit(
                        offset,
                        offset + len(line),
                        "".join(c for c, _ in chars),
                        [offset + at for _, at in chars],
                    )
                )
        offset += len(line) + 1
    return edits
