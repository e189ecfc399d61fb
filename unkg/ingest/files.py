"""Read input files as users have them: find the files, detect the encoding, refuse bad input.

Every problem is an :class:`InputError` whose message is one line naming the file and what to
do, so a run over a directory can report it and go on with the other files.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from unkg import lang
from unkg.ingest.source import InputError, LineBox, Page, Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputError",
    "LineBox",
    "Page",
    "Source",
    "decode",
    "discover",
    "read_source",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".pdf", ".docx")
# formats a user can convert to one unkg reads, with how
_CONVERT = {
    ".doc": "a Word 97-2003 file",
    ".rtf": "an RTF file",
    ".odt": "an OpenDocument text file",
}

_CONTROL = re.compile("[\u0000-\u0008\u000e-\u001f\u007f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _walk(root: Path) -> tuple[list[Path], list[Path]]:
    """Files under a folder sorted by path, and the hidden folders left unwalked."""
    files: list[Path] = []
    hidden: list[Path] = []
    for dirpath, dirnames, names in os.walk(root):
        for name in [d for d in dirnames if d.startswith(".")]:
            hidden.append(Path(dirpath) / name)
            dirnames.remove(name)
        files.extend(Path(dirpath) / name for name in names)
    key = lambda child: child.relative_to(root).as_posix()  # noqa: E731
    return sorted(files, key=key), sorted(hidden, key=key)


def discover(paths: Iterable[Path | str]) -> Iterator[tuple[Path, InputError | None]]:
    """Yield the files to read, in a stable order, each with the reason it is skipped (if so).

    A directory is walked recursively and its files sorted by path; files that are not
    ``.txt`` are yielded with an error so that the run report still accounts for them.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            children, hidden = _walk(path)
            if not children and not hidden:
                yield path, InputError(path, "empty directory: no files to read")
            for folder in hidden:
                # a hidden folder (a build's .unkg-cache, .git) is named once, not walked
                yield folder, InputError(folder, "skipped: hidden folder")
            for child in children:
                if child.name.startswith("."):
                    yield child, InputError(child, "skipped: hidden file")
                elif child.suffix.lower() in _CONVERT:
                    yield child, InputError(child, _convert_problem(child))
                elif child.suffix.lower() not in SUFFIXES:
                    yield (
                        child,
                        InputError(
                            child,
                            f"skipped: not a document unkg reads ({child.suffix or 'no suffix'}); "
                            "unkg reads .pdf, .docx and .txt files of UN documents",
                        ),
                    )
                else:
                    yield child, None
        elif path.exists():
            yield path, None
        else:
            yield path, InputError(path, "no such file or directory")


def read_source(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file, or raise :class:`InputError`.

    The size is checked before reading, so a huge file is refused at once.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(path, "is a directory, not a file")
        if size > max_bytes:
            raise InputError(
                path,
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                "for one document; split it, or raise the limit with --max-size",
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in _CONVERT:
        raise InputError(path, _convert_problem(path))
    kind = "text"
    pages: tuple[Page, ...] = ()
    lines: tuple[LineBox, ...] = ()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        from unkg.ingest.pdf import read_pdf

        pdf = read_pdf(path, data)
        kind, text, encoding, pages, lines = "pdf", pdf.text, "pdf", pdf.pages, pdf.lines
    elif suffix == ".docx":
        from unkg.ingest.docx import read_docx

        kind, text, encoding = "docx", read_docx(path, data), "docx"
    else:
        text, encoding = decode(data, path)
    count = len(pages) if pages else None  # a PDF refused once read still says its pages
    if not text.strip():
        raise InputError(path, "empty: the file holds no text", count)
    try:
        language = language_of(text, path)
    except InputError as error:
        raise InputError(path, error.problem, count) from None
    return Source(str(path), text, encoding, digest, size, language, kind, pages, lines)


def language_of(text: str, path: Path | str = "<text>") -> str:
    """The code of the language a text is written in, or :class:`InputError` when unkg has
    no pack for it."""
    found = lang.detect(text)
    readable = ", ".join(p.name for p in lang.packs())
    if found is None:
        raise InputError(path, f"no letters of a language unkg reads ({readable}) found")
    if found.pack is None:
        raise InputError(
            path, f"written in {found.name}: unkg has no language pack for it (it reads {readable})"
        )
    return found.code


def _convert_problem(path: Path) -> str:
    return (
        f"{_CONVERT[path.suffix.lower()]}: unkg reads .docx, .pdf and .txt; convert it first, "
        f"e.g. libreoffice --headless --convert-to docx '{path.name}'"
    )


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or Windows-1256.

    The encoding is detected: a BOM decides; otherwise strict UTF-8 must succeed; otherwise
    Windows-1256 is accepted only if the result reads as Arabic text. Binary data is refused.

    >>> decode("\\u0645\\u0624\\u062a\\u0645\\u0631".encode("cp1256"))
    ('مؤتمر', 'cp1256')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                raise InputError(
                    path,
                    f"undecodable: starts with a {encoding} byte-order mark but byte "
                    f"{error.start} is not valid {encoding}",
                ) from None
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise InputError(path, "binary file (NUL bytes): not a text document")
        return guessed
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        fallback = _windows_1256(data)
        if fallback is None:
            raise InputError(
                path,
                f"undecodable: not UTF-8 (bad byte at offset {error.start}), UTF-16 or "
                "Windows-1256 text; convert the file to UTF-8",
            ) from None
        text = fallback
        encoding = "cp1256"
    else:
        encoding = "utf-8"
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 200):
        raise InputError(path, "binary file (control characters): not a text document")
    return text, encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM shows NUL in every other byte of ASCII and Arabic (U+06xx) text;
    read with the wrong byte order, the same bytes give letters of no script unkg reads."""
    letter = _letters_of_packs()
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = len(letter.findall(text[:4096]))
        if letters >= 0.3 * len(text[:4096].replace(" ", "")) and not _CONTROL.search(text[:4096]):
            return text, encoding
    return None


def _windows_1256(data: bytes) -> str | None:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text[:65536] if ord(c) > 127]
    if not non_ascii:
        return None
    # Windows-1256 is the Arabic code page: its text is Arabic letters and punctuation
    letter = re.compile(f"[{lang.get('ar').script.letters}\u060c\u061b\u061f\u0640]")
    arabic = sum(1 for c in non_ascii if letter.match(c))
    return text if arabic / len(non_ascii) >= 0.7 else None


@cache
def _letters_of_packs() -> re.Pattern[str]:
    return re.compile("[" + "".join(p.script.letters for p in lang.packs()) + "]")
