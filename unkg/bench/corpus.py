"""Corpora for the benchmark: documents of the samples' family with varied facts.

Each generated document is a seed document (a meeting report, a note verbale, ... as users
have them, PDF damage included) in which the facts are changed consistently: the States it
names become other States (from the States table), its years move, its resolution numbers,
conference numbers, job numbers and meeting ordinals change. So every document is new text
with new facts that the real pipeline has to find (no cache helps), and it still reads like
a UN document of its kind. The same seed number gives the same corpus.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from unkg.data import load_table

__all__ = ["generate_corpus", "vary"]

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
TO_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DIGIT = "[0-9٠-٩]"
# how far the years of a generated document move from its seed's (seeds of 2001-2011 land
# in 1956-2025: within the UN's years)
YEARS_BACK, YEARS_ON = -45, 14


@cache
def _state_names() -> tuple[str, ...]:
    """The Arabic short names of the States, longest first (so no name eats a longer one)."""
    names = {row["name_ar"] for row in load_table("states") if row["name_ar"]}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def _masculine_ordinals() -> tuple[str, ...]:
    """الأول ... العاشر: the ordinals that name meetings of a series, by value."""
    path = Path(__file__).resolve().parent.parent / "lang" / "ar" / "numbers.json"
    table = json.loads(path.read_text(encoding="utf-8"))["ordinals"]
    by_value: dict[int, str] = {}
    for word, value in table.items():
        if 1 <= value <= 10 and word.startswith("ال") and not word.endswith(("ة", "ى")):
            by_value.setdefault(value, word)
    return tuple(by_value[v] for v in range(1, 11))


def _same_digits(original: str, value: int) -> str:
    """A number written in the digits of the text it replaces."""
    text = str(value)
    return (
        text.translate(TO_ARABIC_DIGITS) if original.translate(ARABIC_DIGITS) != original else text
    )


def _consistent(rng: random.Random, make: Callable[[str], str]) -> Callable[[re.Match[str]], str]:
    """A substitution that maps each distinct match to one new value throughout a document."""
    chosen: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        key = match.group(0).translate(ARABIC_DIGITS)
        if key not in chosen:
            chosen[key] = make(key)
        if match.group(0).translate(ARABIC_DIGITS) != match.group(0):
            return chosen[key].translate(TO_ARABIC_DIGITS)
        return chosen[key]

    return replace


def vary(text: str, rng: random.Random, index: int) -> str:
    """The seed text with its facts changed consistently (see the module's docstring)."""
    # States: each named State becomes another one, the same one each time
    names = _state_names()
    present = [n for n in names if n in text]
    others = [n for n in names if n not in present]
    rng.shuffle(others)
    swap = dict(zip(present, others, strict=False))
    if swap:
        # whole words, after the clitics و ب ل (not inside an adjective such as الأذربيجاني)
        pattern = re.compile(
            r"(?<!\w)((?:و|ف)?(?:ب|ل|لل)?)(" + "|".join(re.escape(n) for n in present) + r")(?!\w)"
        )
        text = pattern.sub(lambda m: m.group(1) + swap.get(m.group(2), m.group(2)), text)
    # years move together, so dates keep their order; over six decades, so that a meeting
    # (named by its body, year and subject) is reported by a few documents of a large
    # corpus, not by every report of the seed's family (which made every query bound to a
    # meeting return thousands of rows)
    shift = rng.choice([y for y in range(YEARS_BACK, YEARS_ON + 1) if y])
    text = re.sub(
        rf"(?<!{DIGIT})(?:19|20|١٩|٢٠){DIGIT}{{2}}(?!{DIGIT})",
        lambda m: _same_digits(m.group(0), int(m.group(0).translate(ARABIC_DIGITS)) + shift),
        text,
    )
    # resolution numbers (68/48), each to a new session and number
    sessions: dict[str, str] = {}

    def resolution(match: re.Match[str]) -> str:
        key = match.group(0).translate(ARABIC_DIGITS)
        if key not in sessions:
            sessions[key] = f"{rng.randrange(40, 80)}/{rng.randrange(1, 300)}"
        session, number = sessions[key].split("/")
        left, right = match.group(1), match.group(2)
        return f"{_same_digits(left, int(session))}/{_same_digits(right, int(number))}"

    text = re.sub(rf"(?<![0-9٠-٩/.])({DIGIT}{{2}})/({DIGIT}{{1,3}})(?![0-9٠-٩/])", resolution, text)
    # the conference a document belongs to: a new one for each document of the corpus
    conference = str(100 + index % 900)
    text = re.sub(r"(?<=CONF\.)[0-9]+", conference, text)
    # job numbers
    text = re.sub(
        rf"(?<!{DIGIT}){DIGIT}{{2}}-{DIGIT}{{5}}(?!{DIGIT})",
        _consistent(rng, lambda _: f"{rng.randrange(10, 30)}-{rng.randrange(10000, 99999)}"),
        text,
    )
    # the ordinal of the meeting in its series (الاجتماع الخامس ...)
    ordinals = _masculine_ordinals()
    step = rng.randrange(1, 10)
    words = re.compile(rf"(?<!\w)({'|'.join(ordinals)})(?!\w)")
    text = words.sub(lambda m: ordinals[(ordinals.index(m.group(1)) + step) % 10], text)
    return text


def generate_corpus(seeds: Sequence[Path], count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` documents varied from the seed files into ``folder``; their paths."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    if not texts:
        raise ValueError("no seed documents to vary: give .txt files of UN documents")
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = []
    for index in range(count):
        stem, text = texts[index % len(texts)]
        path = folder / f"{index:06d}-{stem[:24]}.txt"
        path.write_text(vary(text, random.Random(rng.getrandbits(64)), index), encoding="utf-8")
        written.append(path)
    return written
