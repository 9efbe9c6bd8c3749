"""The benchmark's synthetic corpus: deterministic, realistic in size, its facts at their spans; and
the benchmark's database, built from it through the bulk path with the extractor."""

import sqlite3
from pathlib import Path

from app.services.ingest import check_spans, extracted_facts
from bench.generate import generate, generate_one
from bench.run import ingest_generated


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


def test_the_benchmark_database_holds_the_extractors_facts(tmp_path: Path) -> None:
    ingest = ingest_generated(tmp_path / "bench.db", 12, seed=2)
    assert ingest.report.stored == 12
    assert 0 < ingest.generating_seconds < ingest.report.seconds
    articles = [g.article for g in generate(12, seed=2)]
    found = [extracted_facts(a.text, a.language, a.published_on) for a in articles]
    with sqlite3.connect(tmp_path / "bench.db") as connection:
        stored = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("quote", "pledge", "date_mention")
        }
    assert stored == {
        "quote": sum(len(facts.quotes) for facts in found),
        "pledge": sum(len(facts.pledges) for facts in found),
        "date_mention": sum(len(facts.dates) for facts in found),
    }
