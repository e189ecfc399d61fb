"""Reading files as users have them: encodings detected, bad input refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from unkg.ingest.files import InputError, decode, discover, read_source

from .conftest import EXAMPLES, REPORT

# Windows-1256 has no Arabic-Indic digits; files in it use ASCII ones
ARABIC = "اجتماع الخبراء الحكوميين المفتوح العضوية، نيويورك، 9 - 13 أيار/مايو 2011\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.encode("cp1256"), "cp1256"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL in every other byte
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == ARABIC
    assert found == encoding


def test_a_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert read_source(path).text == ARABIC


def _error(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert "empty" in _error(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary" in _error(path)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    # Latin-1 French: not UTF-8, and read as Windows-1256 it is not Arabic
    path.write_bytes("Réunion des États à Genève, été élevé".encode("latin-1"))
    message = _error(path)
    assert "undecodable" in message
    assert "UTF-8" in message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 300 MB on paper, nothing on disk
        handle.truncate(300 * 1024 * 1024)
    message = _error(path)
    assert "MB" in message
    assert "--max-size" in message


def test_a_language_without_a_pack_is_named(tmp_path: Path) -> None:
    path = tmp_path / "russian.txt"
    path.write_text("Доклад о работе совещания правительственных экспертов.\n", encoding="utf-8")
    message = _error(path)
    assert "written in Russian" in message and "no language pack" in message


def test_text_without_letters(tmp_path: Path) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text("12 - 14 / 2011\n", encoding="utf-8")
    assert "no letters of a language unkg reads" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "absent.txt")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARABIC, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # tests may run as root, for whom file modes do not bite
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert "permission denied" in _error(path)


def test_directories_are_walked_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a" / "notes.png").write_bytes(b"\x89PNG")
    (tmp_path / "z.txt").write_text(ARABIC, encoding="utf-8")
    found = [(p.relative_to(tmp_path).as_posix(), e is None) for p, e in discover([tmp_path])]
    assert found == [("a/1.txt", True), ("a/notes.png", False), ("b/2.txt", True), ("z.txt", True)]


def test_every_given_path_has_an_outcome(tmp_path: Path) -> None:
    outcomes = list(discover([REPORT, tmp_path / "absent.txt", EXAMPLES]))
    assert outcomes[0] == (REPORT, None)
    assert outcomes[1][1] is not None and "no such file" in str(outcomes[1][1])
    assert [p.name for p, _ in outcomes[2:]] == sorted(p.name for p in EXAMPLES.iterdir())
