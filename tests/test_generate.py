"""The benchmark's synthetic corpus: deterministic, realistic in size, its facts at their spans."""

from app.services.ingest import check_spans
from bench.generate import generate, generate_one


def test_same_seed_same_articles() -> None:
    assert generate_one(17, seed=3) == generate_one(17, seed=3)
    assert generate_one(17, seed=3).article.text != generate_one(17, seed=4).article.text


def test_articles_are_arabic_and_english_with_exact_spans() -> None:
    corpus = list(generate(200, seed=1))
    assert {g.article.language for g in corpus} == {"ar", "en"}
    for g in corpus:
        check_spans(g.article.text, g.facts)
        assert 3000 <= len(g.article.text.encode("utf-8")) <= 5600
        assert 8 <= len(g.facts.quotes) <= 12 and 1 <= len(g.facts.pledges) <= 3
        for pledge in g.facts.pledges:
            assert g.article.text[pledge.start : pledge.end].split()[0] == str(pledge.amount // 1_000_000)
    speakers = {q.speaker for g in corpus for q in g.facts.quotes}
    assert len(speakers) > 100
