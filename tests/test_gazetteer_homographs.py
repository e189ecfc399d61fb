"""A State's short name that is also a common word (Arabic مالي, "financial", and surnames
such as كمالي) is the State only in a list of names or in its formal name."""

from __future__ import annotations

import pytest

from unkg.extract.facts import EntityKind
from unkg.extract.gazetteer import default_gazetteer

CASES = [
    ("وقدمت الإسكوا دعما فنيا ومالي للدول الأعضاء", []),
    ("إطار مالي متوسط الأجل", []),
    ("السيد عبد القادر كمالي، مدير التعاون الدولي", []),
    ("شارك ممثلو النيجر ومالي وتشاد في الاجتماع", ["NER", "MLI", "TCD"]),
    ("مالي، والنيجر", ["MLI", "NER"]),
    ("ممثل جمهورية مالي", ["MLI"]),
]


@pytest.mark.parametrize(("text", "keys"), CASES)
def test_a_homograph_is_a_state_only_among_names(text: str, keys: list[str]) -> None:
    found = default_gazetteer("ar").find(text)
    assert [m.entity.key for m in found if m.entity.kind is EntityKind.STATE] == keys


def test_english_mali_is_always_the_state() -> None:
    found = default_gazetteer("en").find("the representative of Mali spoke")
    assert [m.entity.key for m in found] == ["MLI"]
