"""Language detection and unsupported languages."""
from __future__ import annotations

import pytest

from app.extraction import SUPPORTED_LANGUAGES, detect_language, extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.", "ar"),
        ("The government announced a new plan to support farmers in rural areas.", "en"),
        ("Le gouvernement a annoncé un nouveau plan pour soutenir les agriculteurs.", None),
        ("Правительство объявило о новом плане поддержки фермеров.", None),
        ("123 456", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_unsupported_language_yields_no_facts() -> None:
    facts = extract("Le ministre a déclaré que la France versera 10 millions d'euros.")
    assert facts.language is None and facts.quotes == [] and facts.pledges == []
    assert SUPPORTED_LANGUAGES == ("ar", "en")


def test_facts_dump_as_json() -> None:
    dumped = extract("Officials said the bank pledged $5 million in aid on Monday.", language="en").model_dump(mode="json")
    assert set(dumped) == {"language", "speakers", "quotes", "pledges", "dates", "organizations", "places"}
