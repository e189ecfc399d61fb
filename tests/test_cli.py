"""The command line as a user meets it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from unkg.cli import main

from .conftest import NOTE_VERBALE, REPORT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "inspect" in out and "examples:" in out


def test_inspect_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "inspect", str(REPORT), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["metadata"]["symbol"] == "A/CONF.192/MGE/2011/1"
    assert data["metadata"]["job_number"] == "11-36467"
    numbers = [p["number"] for p in data["paragraphs"]]
    assert numbers == list(range(1, 40))
    original = REPORT.read_text(encoding="utf-8")
    for paragraph in data["paragraphs"]:
        assert 0 <= paragraph["start"] < paragraph["end"] <= len(original)


def test_inspect_json_note_verbale(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "inspect", str(NOTE_VERBALE))
    data = json.loads(out)
    assert [s["label"] for s in data["sections"]] == ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا"]
    assert {"first": "2001-07-09", "last": "2001-07-20"}.items() <= data["dates"][0].items()


def test_inspect_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "inspect", str(REPORT), "--text")
    assert code == 0
    assert out.splitlines()[0] == "اجتماع الخبراء الحكوميين المفتوح العضوية"
    assert "\u0640" not in out


def test_bad_input_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "inspect", str(empty))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(empty) in err


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "unkg.cli", "inspect", str(REPORT), "--json"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["metadata"]["symbol"] == "A/CONF.192/MGE/2011/1"
