"""Arabic words of clean UN text: what the repair steps check a spelling against.

``lexicon.tsv`` beside the pack (made by ``tools/gen_ar_lexicon.py`` from the Arabic side of
the UN Parallel Corpus development set) gives each word's count. A word is *known* when the
list holds it, or holds a word with the same light stem (:func:`unkg.lang.ar.script.light_stem`):
``والاقتصادية`` is known through ``الاقتصادية``. The list is read on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from unkg.lang.ar.script import light_stem

__all__ = ["WordList", "word_list"]


@dataclass(frozen=True, slots=True)
class WordList:
    """Word counts and the light stems of the words.

    >>> words = WordList.of(["الأمم", "الأمم", "المتحدة"])
    >>> words.count("الأمم"), words.known("بالأمم"), words.known("األمم")
    (2, True, False)
    """

    counts: dict[str, int]
    stems: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        return cls.from_counts(counts)

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> WordList:
        return cls(counts, frozenset(light_stem(w) for w in counts))

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def known(self, word: str) -> bool:
        """The word, or a word of its light stem, is in the list."""
        return word in self.counts or light_stem(word) in self.stems

    def score(self, word: str) -> int:
        """How sure the list is of a spelling: 2 + count for a listed word, 1 for a word known
        by its stem, 0 for an unknown one."""
        count = self.counts.get(word, 0)
        if count:
            return 2 + count
        return 1 if light_stem(word) in self.stems else 0


def read_counts(text: str) -> dict[str, int]:
    """Parse ``word<TAB>count`` lines (``#`` starts a comment line)."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, number = line.partition("\t")
        counts[word] = int(number or 1)
    return counts


@cache
def word_list() -> WordList:
    """The pack's word list (``lexicon.tsv``), read once."""
    path = resources.files("unkg.lang.ar").joinpath("lexicon.tsv")
    return WordList.from_counts(read_counts(path.read_text(encoding="utf-8")))


@cache
def word_pairs() -> frozenset[tuple[str, str]]:
    """Pairs of words that follow each other in clean Arabic UN text (``pairs.tsv``)."""
    path = resources.files("unkg.lang.ar").joinpath("pairs.tsv")
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, second, _ = line.split("\t")
            pairs.append((first, second))
    return frozenset(pairs)
