"""Files generated from a single source are up to date (edit the source, then regenerate)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_context_and_schemes_are_regenerated() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_arabic_number_words_are_regenerated() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_ar_numbers.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    shipped = json.loads(
        (ROOT / "unkg" / "lang" / "ar" / "numbers.json").read_text(encoding="utf-8")
    )
    assert json.loads(done.stdout) == shipped
