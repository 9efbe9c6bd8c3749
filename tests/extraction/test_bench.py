"""The benchmark's generated articles are the promised size and extract cleanly."""
from __future__ import annotations

from app.extraction import extract
from app.extraction.bench import generated_articles


def test_generated_articles_are_about_4kb() -> None:
    articles = generated_articles(4)
    assert [language for _, language in articles] == ["ar", "en", "ar", "en"]
    assert all(4096 <= len(text) < 4096 + 200 for text, _ in articles)
    assert all(extract(text, language=language).pledges for text, language in articles)
