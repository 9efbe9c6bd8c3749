"""Pairing quotation marks: nesting, stray marks, and quotes never closed."""
from __future__ import annotations

from app.extraction.quote_marks import pair_quote_marks


def _contents(text: str) -> list[str]:
    return [text[p.open + 1 : p.close] for p in pair_quote_marks(text)]


def test_nested_ascii_quotes_stay_inside_the_outer_quote() -> None:
    text = 'He said "the programme "Safe Roads" will start soon".'
    assert _contents(text) == ['the programme "Safe Roads" will start soon']


def test_guillemets_and_curly_quotes() -> None:
    assert _contents("قال «نحن هنا» ثم “سنعود قريبا”.") == ["نحن هنا", "سنعود قريبا"]


def test_unclosed_quote_ends_at_paragraph_or_participle() -> None:
    text = "وقال “الوضع صعب جدا في المدينة مضيفا أن الفرق وصلت\nسطر جديد"
    assert _contents(text) == ["الوضع صعب جدا في المدينة"]


def test_stray_closing_mark_is_ignored() -> None:
    assert _contents("text” and then “a real quote here”") == ["a real quote here"]
