"""Offset-keeping rewrites.

Every repair step turns a text into a new text plus an *index map*: for each character of the
new text, the index of the character of the step's input it came from. Composing the maps of
all steps gives, for every repaired character, its offset in the original file. A span of the
repaired text then maps back to the smallest span of the original that holds every character
it came from (reordered lines make that span cover the whole reordered stretch).

Steps describe their changes as :class:`Edit` records; :func:`apply_edits` applies them in one
linear pass, so a step costs O(length of text) however many edits it makes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "Repaired", "apply_edits", "identity"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``.

    ``origins`` gives, for each character of ``replacement``, the index in the input it comes
    from. Without it, character ``k`` points at ``start + k``, capped at the last replaced
    character, and an insertion points at the character it stands before.
    """

    start: int
    end: int
    replacement: str
    origins: Sequence[int] | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")
        if self.origins is not None and len(self.origins) != len(self.replacement):
            raise ValueError("origins must give one index per replacement character")


def identity(length: int) -> array[int]:
    """The index map of a step that changed nothing (with the end sentinel)."""
    return array("q", range(length + 1))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, array[int]]:
    """Apply non-overlapping edits, sorted by start, and return the new text and its map.

    The map has one entry per output character plus a sentinel equal to ``len(text)``, so the
    end offset of a span at the end of the text maps too.

    >>> apply_edits("abc", [Edit(1, 2, "")])
    ('ac', array('q', [0, 2, 3]))
    """
    pieces: list[str] = []
    index = array("q")
    position = 0
    for edit in edits:
        if edit.start < position or edit.end > len(text):
            raise ValueError(f"edit {edit.start}..{edit.end} overlaps or leaves the text")
        pieces.append(text[position : edit.start])
        index.extend(range(position, edit.start))
        pieces.append(edit.replacement)
        if edit.origins is not None:
            index.extend(edit.origins)
        else:
            # a longer replacement repeats its last source index; an insertion (width 0)
            # points at the character it stands before
            last = max(edit.end - 1, edit.start)
            index.extend(min(edit.start + k, last) for k in range(len(edit.replacement)))
        position = edit.end
    pieces.append(text[position:])
    index.extend(range(position, len(text) + 1))
    return "".join(pieces), index


@dataclass(frozen=True, slots=True)
class Repaired:
    """A repaired text and, for each of its characters, the offset in the original text.

    ``origin`` has ``len(text) + 1`` entries; the last one is the original's length.
    """

    original: str
    text: str
    origin: array[int]

    @classmethod
    def unchanged(cls, original: str) -> Repaired:
        return cls(original, original, identity(len(original)))

    def apply(self, edits: list[Edit]) -> Repaired:
        """Apply a step's edits, carrying the original offsets along in one linear pass
        (unchanged stretches are copied as slices)."""
        if not edits:
            return self
        text, origin = self.text, self.origin
        pieces: list[str] = []
        out: array[int] = array("q")
        position = 0
        for edit in edits:
            if edit.start < position or edit.end > len(text):
                raise ValueError(f"edit {edit.start}..{edit.end} overlaps or leaves the text")
            pieces.append(text[position : edit.start])
            out.extend(origin[position : edit.start])
            pieces.append(edit.replacement)
            if edit.origins is not None:
                out.extend(origin[i] for i in edit.origins)
            else:
                last = max(edit.end - 1, edit.start)
                out.extend(origin[min(edit.start + k, last)] for k in range(len(edit.replacement)))
            position = edit.end
        pieces.append(text[position:])
        out.extend(origin[position:])
        return Repaired(self.original, "".join(pieces), out)

    def then(self, new_text: str, index: array[int] | None) -> Repaired:
        """Compose a step's index map (into ``self.text``) onto this text's origins; ``None``
        means the step replaced characters one for one."""
        if index is None:
            if len(new_text) != len(self.text):
                raise ValueError("a step without an index map must keep the text's length")
            return Repaired(self.original, new_text, self.origin)
        if len(index) != len(new_text) + 1:
            raise ValueError("index map must have one entry per character plus the sentinel")
        origin = self.origin
        return Repaired(self.original, new_text, array("q", map(origin.__getitem__, index)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind ``text[start:end]``.

        >>> r = Repaired.unchanged("abc")
        >>> r.span(1, 3)
        (1, 3)
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} is outside the repaired text")
        if start == end:
            at = self.origin[start]
            return at, at
        window = self.origin[start:end]
        return min(window), max(window) + 1
