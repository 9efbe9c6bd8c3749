"""The bulk path stores the same rows and spans as store_article, one article at a time."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import Unprocessable
from app.schemas.facts import EntityIn, FactsIn, QuoteIn, SpeakerIn
from app.schemas.filters import SearchFilters
from app.services import migrations
from app.services.bulk import BulkLoader, EntityDirectory, SpeakerDirectory, ingest_articles
from app.services.ingest import ArticleIn, content_hash, store_article
from app.services.search import search
from app.services.seed import load_seed
from bench.generate import generate

Pair = tuple[ArticleIn, FactsIn]

SNAPSHOT = {
    "article": "SELECT content_hash, title, language, published_on, source_name, source_url, text, "
    "search_text FROM article",
    "speaker": "SELECT name, name_en, title, organization, kind FROM speaker ORDER BY id",
    "alias": "SELECT s.name, a.alias FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id",
    "quote": 'SELECT a.content_hash, s.name, q.kind, q.verb, q.text, q.gloss_en, q.start, q."end", '
    "q.search_text FROM quote q JOIN article a ON a.id = q.article_id LEFT JOIN speaker s ON s.id = q.speaker_id",
    "pledge": "SELECT a.content_hash, s.name, p.donor, p.amount, p.currency, p.purpose, p.recipient, "
    'p.status, p.evidence, p.start, p."end", p.search_text FROM pledge p JOIN article a ON a.id = p.article_id '
    "LEFT JOIN speaker s ON s.id = p.speaker_id",
    "date": "SELECT a.content_hash, d.expression, d.value, d.end_value, d.grain, d.relative, d.event, "
    'd.starts_on, d.ends_on, d.start, d."end" FROM date_mention d JOIN article a ON a.id = d.article_id',
    "organization": "SELECT name, name_ar, kind FROM organization ORDER BY id",
    "organization_mention": 'SELECT a.content_hash, o.name, m.text, m.start, m."end" '
    "FROM organization_mention m "
    "JOIN article a ON a.id = m.article_id JOIN organization o ON o.id = m.organization_id",
    "place": "SELECT name, name_ar, kind FROM place ORDER BY id",
    "place_mention": 'SELECT a.content_hash, p.name, m.text, m.start, m."end" FROM place_mention m '
    "JOIN article a ON a.id = m.article_id JOIN place p ON p.id = m.place_id",
}


def snapshot(database: Database) -> dict[str, Any]:
    """Every row, with foreign keys as names and hashes, so that ids (and PostgreSQL's gaps) drop out."""
    with database.reader.connect() as connection:
        tables = {
            name: [tuple(row) for row in connection.execute(text(sql))] for name, sql in SNAPSHOT.items()
        }
    # Creation order is kept for the entity tables; fact rows compare as multisets.
    return {
        name: rows if "ORDER BY" in SNAPSHOT[name] else sorted(rows, key=repr)
        for name, rows in tables.items()
    }


def tricky_pairs() -> list[Pair]:
    """Cases the name resolution must get right, beyond what the generator writes."""
    first = ArticleIn(text="Amal Hill said that talks will resume. Hill added more.", language="en")
    second = ArticleIn(
        text="أمل هيل قالت إن المحادثات ستستأنف.", language="ar", published_on=date(2024, 5, 1)
    )
    third = ArticleIn(text="Minister Hill repeated: talks will resume soon.", language="en")
    return [
        (
            first,
            FactsIn(
                speakers=[SpeakerIn(name="Amal Hill", aliases=["Hill"])],
                quotes=[
                    QuoteIn(speaker="Amal Hill", kind="indirect", text="talks will resume", start=20, end=37)
                ],
            ),
        ),
        (
            # Found by English name; fills the missing title; a new alias in Arabic.
            second,
            FactsIn(
                speakers=[SpeakerIn(name="أمل هيل", name_en="Amal Hill", title="وزيرة")],
                quotes=[
                    QuoteIn(speaker="أمل هيل", kind="indirect", text="المحادثات ستستأنف", start=16, end=33)
                ],
            ),
        ),
        (
            # A quote's speaker absent from `speakers`, known only by alias.
            third,
            FactsIn(
                quotes=[
                    QuoteIn(speaker="Hill", kind="direct", text="talks will resume soon", start=24, end=46)
                ]
            ),
        ),
        (
            ArticleIn(text="A text whose facts are wrong.", language="en"),
            FactsIn(quotes=[QuoteIn(speaker="Nobody", kind="direct", text="not here", start=0, end=8)]),
        ),
    ]


def corpus() -> list[Pair]:
    generated = [(g.article, g.facts) for g in generate(40, seed=11)]
    seed_pair = load_seed()
    # Duplicates within the corpus and across batches are stored once.
    return [
        seed_pair,
        *tricky_pairs(),
        *generated[:25],
        generated[3],
        seed_pair,
        *generated[25:],
        generated[30],
    ]


@pytest.fixture
def fresh_database(make_database: Callable[[], str]) -> Callable[[], Database]:
    made: list[Database] = []

    def build() -> Database:
        url = make_database()
        migrations.upgrade(url)
        made.append(Database(url))
        return made[-1]

    yield build
    for database in made:
        database.dispose()


def store_one_by_one(database: Database, pairs: list[Pair]) -> int:
    rejected = 0
    for article, facts in pairs:
        with database.session(write=True) as session:
            try:
                store_article(session, article, facts)
            except Unprocessable:
                rejected += 1
                continue
            session.commit()
    return rejected


def test_bulk_rows_equal_store_article(fresh_database: Callable[[], Database]) -> None:
    pairs = corpus()
    one_by_one, bulk = fresh_database(), fresh_database()
    assert store_one_by_one(one_by_one, pairs) == 1

    loader = BulkLoader(bulk)
    results = [loader.store_batch(pairs[start : start + 7]) for start in range(0, len(pairs), 7)]
    assert sum(r.stored for r in results) == len(pairs) - 3 - 1
    assert sum(r.duplicates for r in results) == 3
    assert [a.text for r in results for a, _ in r.rejected] == ["A text whose facts are wrong."]

    expected, actual = snapshot(one_by_one), snapshot(bulk)
    assert len(actual["quote"]) > 400
    for table in SNAPSHOT:
        assert actual[table] == expected[table], table


def test_bulk_spans_are_the_evidence(fresh_database: Callable[[], Database]) -> None:
    database = fresh_database()
    BulkLoader(database).store_batch(corpus())
    with database.reader.connect() as connection:
        for sql in (
            'SELECT a.text, q.text, q.start, q."end" FROM quote q JOIN article a ON a.id = q.article_id',
            'SELECT a.text, p.evidence, p.start, p."end" FROM pledge p JOIN article a ON a.id = p.article_id',
            'SELECT a.text, d.expression, d.start, d."end" FROM date_mention d '
            "JOIN article a ON a.id = d.article_id",
        ):
            for article_text, evidence, start, end in connection.execute(text(sql)):
                assert article_text[start:end] == evidence


def test_ingest_articles_extracts_and_reports(fresh_database: Callable[[], Database]) -> None:
    database = fresh_database()
    known = {g.article.text: g.facts for g in generate(30, seed=5)}
    seen: list[tuple[str, date | None]] = []

    def extract(article_text: str, language: str, published: date | None) -> FactsIn:
        seen.append((language, published))
        return known[article_text]

    articles = [g.article for g in generate(30, seed=5)]
    report = ingest_articles(database, [*articles, articles[0]], extract, batch_size=8)
    assert (report.stored, report.duplicates, report.rejected) == (30, 1, 0)
    assert report.articles_per_second > 0
    assert seen[0] == (articles[0].language, articles[0].published_on)
    again = ingest_articles(database, articles[:5], extract)
    assert (again.stored, again.duplicates) == (0, 5)


def test_ingest_articles_leaves_each_sqlite_search_index_in_one_segment(tmp_path: Path) -> None:
    """FTS5 segments exist on SQLite alone, so this runs there whatever the suite's database."""
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    migrations.upgrade(url)
    database = Database(url)
    generated = list(generate(40, seed=7))
    known = {g.article.text: g.facts for g in generated}

    def segments() -> list[int]:
        with database.reader.connect() as connection:
            return [
                connection.execute(text(f"SELECT count(DISTINCT segid) FROM {name}_fts_idx")).scalar_one()
                for name in ("article", "quote", "pledge")
            ]

    try:
        loader = BulkLoader(database)
        for start in range(0, 20, 4):
            loader.store_batch([(g.article, g.facts) for g in generated[start : start + 4]])
        assert max(segments()) > 1
        rest = [g.article for g in generated[20:]]
        ingest_articles(database, rest, lambda article_text, *_: known[article_text], batch_size=4)
        assert segments() == [1, 1, 1]
        with database.reader.connect() as connection:
            filters = SearchFilters(q=generated[-1].article.title or generated[-1].article.text[:40])
            hits, _ = search(connection, filters)
        assert any(hit.kind == "article" and hit.id == 40 for hit in hits)
    finally:
        database.dispose()


def named_article(text: str, speaker: SpeakerIn) -> Pair:
    quote_start = text.index("talks")
    return (
        ArticleIn(text=text, language="en"),
        FactsIn(
            speakers=[speaker],
            quotes=[
                QuoteIn(
                    speaker=speaker.name, kind="indirect", text="talks", start=quote_start, end=quote_start + 5
                )
            ],
            organizations=[
                EntityIn(
                    name="World Food Programme",
                    kind="organization",
                    mentions=[{"text": "WFP", "start": text.index("WFP"), "end": text.index("WFP") + 3}],
                )
            ],
        ),
    )


def test_a_batch_keeps_what_another_writer_set_since_the_last(fresh_database: Callable[[], Database]) -> None:
    database = fresh_database()
    loader = BulkLoader(database)
    loader.store_batch([named_article("Amal Hill of WFP said talks resume.", SpeakerIn(name="Amal Hill"))])
    with database.session(write=True) as session:
        session.execute(text("UPDATE speaker SET title = 'Envoy' WHERE name = 'Amal Hill'"))
        session.commit()
    later = named_article("Amal Hill of WFP said talks go on.", SpeakerIn(name="Amal Hill", title="Minister"))
    assert loader.store_batch([later]).stored == 1
    with database.reader.connect() as connection:
        assert connection.execute(text("SELECT name, title FROM speaker")).all() == [("Amal Hill", "Envoy")]


def test_a_batch_takes_names_and_texts_stored_after_it_looked(
    fresh_database: Callable[[], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What another writer commits between a batch's reads and its inserts (possible on PostgreSQL,
    whose writers do not queue as SQLite's do): the batch is made not to see the stored rows."""
    database = fresh_database()
    first = named_article("Amal Hill of WFP said talks resume.", SpeakerIn(name="Amal Hill"))
    with database.session(write=True) as session:
        store_article(session, *first)
        session.commit()
    monkeypatch.setattr(SpeakerDirectory, "load", lambda *_: None)
    monkeypatch.setattr(EntityDirectory, "load", lambda *_: None)
    monkeypatch.setattr(
        BulkLoader,
        "_new_and_valid",
        lambda self, connection, batch, result: [(a, f, content_hash(a.text)) for a, f in batch],
    )
    second = named_article("Amal Hill of WFP said talks go on.", SpeakerIn(name="Amal Hill", title="Envoy"))
    result = BulkLoader(database).store_batch([first, second])
    assert (result.stored, result.duplicates) == (1, 1)
    with database.reader.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM speaker")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM organization")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM article")).scalar_one() == 2
        assert connection.execute(
            text("SELECT count(DISTINCT speaker_id), count(*) FROM quote")
        ).one() == (1, 2)
        assert connection.execute(
            text("SELECT count(DISTINCT organization_id), count(*) FROM organization_mention")
        ).one() == (1, 2)
