"""Articles are extracted in the server's thread pool, several at once: the extractor keeps no
state between calls that one thread could spoil for another."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from app.extraction import extract
from app.extraction.bench import generated_articles


@pytest.mark.usefixtures("frequent_thread_switches")
def test_extraction_gives_the_same_facts_from_many_threads(seed_text: str) -> None:
    articles = [(seed_text, "ar"), *generated_articles(24, size=1500)]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda article: extract(article[0], language=article[1]), articles * 3))
    alone = [extract(text, language=language) for text, language in articles]
    assert together == alone * 3
