"""Every span points at its evidence in the text exactly as given."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from app.extraction import ExtractedFacts, extract

MADE_UP = [
    ("ar", "وقالت وزيرةُ التعاون الدولي سلمى حدّاد اليوم الخميس إن بلادها ستقدم ٢٥٠ مليـــون دولار لدعم اللاجئين في الأردن.\n"
           "وأضافت “سنواصل العمل مع شركائنا في بيروت وعمان”."),
    ("en", 'Foreign Minister Jane Doe said on Tuesday that Norway will provide $40 million in aid to Sudan.\n'
           '"We will not look away," she told reporters in Geneva. "Help must arrive before the rains."'),
]


def _check(text: str, facts: ExtractedFacts) -> None:
    for s in facts.speakers:
        assert text[s.start : s.end] == s.name
    for q in facts.quotes:
        assert text[q.start : q.end] == q.text
    for d in facts.dates:
        assert text[d.start : d.end] == d.expression
    for p in facts.pledges:
        assert p.start < p.end and text[p.start : p.end].strip() == text[p.start : p.end]
    for entity in (*facts.organizations, *facts.places):
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


def test_seed_offsets_round_trip(seed_text: str, seed_facts: ExtractedFacts) -> None:
    _check(seed_text, seed_facts)
    assert [seed_text[p.start : p.end] for p in seed_facts.pledges] == [
        "148 مليون دولار", "168 مليون دولار", "535 مليون دولار"
    ]


@pytest.mark.parametrize(("language", "text"), MADE_UP)
def test_made_up_offsets_round_trip(language: str, text: str) -> None:
    facts = extract(text, published=dt.date(2025, 3, 6))
    assert facts.language == language
    assert facts.quotes and facts.pledges and facts.dates
    _check(text, facts)


def test_tatweel_and_diacritics_keep_original_offsets() -> None:
    text = MADE_UP[0][1]
    facts = extract(text, published=dt.date(2025, 3, 6))
    pledge = facts.pledges[0]
    assert (pledge.amount, pledge.currency) == (250_000_000, "USD")
    assert text[pledge.start : pledge.end] == "٢٥٠ مليـــون دولار"
    assert facts.quotes[0].speaker == "سلمى حدّاد"


def test_random_text_never_breaks_offsets() -> None:
    rng = random.Random(20240930)
    alphabet = "اأإآبتجدرسعفقكلمنهويىةء ًٌَُّـ٠١٢٣٤٥0123456789 .,،؛:؟\"“”«»()\n$€£abcdeKLMNOP"
    for _ in range(150):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        for language in ("ar", "en"):
            _check(text, extract(text, language=language, published=dt.date(2024, 1, 1)))
