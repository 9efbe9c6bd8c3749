"""Every list query, with each filter and sort, reads through an index: never a full table scan.

SQLite: EXPLAIN QUERY PLAN must show no bare `SCAN <table>`. PostgreSQL: with sequential scans
priced out (enable_seqscan=off), EXPLAIN must show no `Seq Scan`, which it still picks when no index
can serve the query. The queries are taken mid-listing (with a cursor), the case that must stay as
fast on page 1,000 as on page 1. `count=true` is left out: counting is a scan by nature."""

import re
from collections.abc import Callable
from datetime import date
from itertools import takewhile
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, Select, text

from app.models import Organization, OrganizationMention, Place, PlaceMention
from app.schemas.filters import (
    ArticleFilters,
    DateFilters,
    EntityFilters,
    PledgeFilters,
    PledgeSummaryFilters,
    QuoteFilters,
    SpeakerFilters,
    TimelineFilters,
)
from app.services import bundle, queries
from app.services.json_items import items_as_json, written_alike
from app.services.pagination import encode_cursor, page_reads
from app.services.search import SEARCHABLE, matches
from app.services.search_text import query_terms
from tests.factories import store_speakers_sharing_a_name

SAMPLE_VALUES = {
    "id": 500,
    "amount": 1000,
    "published_on": date(2024, 1, 1),
    "starts_on": date(2020, 1, 1),
    "name": "M",
}

SORTS = {
    "articles": ("id", "-id", "published_on", "-published_on"),
    "speakers": ("id", "-id", "name", "-name"),
    "quotes": ("id", "-id"),
    "pledges": ("id", "-id", "amount", "-amount"),
    "dates": ("id", "-id", "starts_on", "-starts_on"),
    "entities": ("id", "-id", "name", "-name"),
}
FILTERS: dict[str, list[dict[str, Any]]] = {
    "articles": [
        {},
        {"language": "ar"},
        {"published_from": "2024-01-01", "published_to": "2024-12-31"},
        {"q": "الأمن"},
    ],
    "speakers": [{}, {"kind": "person"}, {"name": "بلينكن"}],
    "quotes": [
        {},
        {"article_id": 1},
        {"speaker_id": 1},
        {"speaker": "Blinken"},
        {"kind": "direct"},
        {"q": "الأمن"},
    ],
    "pledges": [
        {},
        {"article_id": 1},
        {"speaker_id": 1},
        {"donor": "Japan"},
        {"currency": "USD"},
        {"status": "new"},
        {"min_amount": 10, "max_amount": 500},
        {"q": "security"},
    ],
    "dates": [{}, {"article_id": 1}, {"from": "2019-01-01", "to": "2019-12-31"}, {"grain": "month"}],
    "entities": [{}, {"name": "Iraq"}, {"article_id": 1}],
}
ENTITIES = {
    "organizations": (Organization, OrganizationMention, OrganizationMention.organization_id),
    "places": (Place, PlaceMention, PlaceMention.place_id),
}


LISTERS: dict[str, tuple[Callable[..., queries.Listing[Any]], type[Any]]] = {
    "articles": (queries.list_articles, ArticleFilters),
    "speakers": (queries.list_speakers, SpeakerFilters),
    "quotes": (queries.list_quotes, QuoteFilters),
    "pledges": (queries.list_pledges, PledgeFilters),
    "dates": (queries.list_dates, DateFilters),
}


def listings(connection: Connection) -> list[tuple[str, queries.Listing[Any]]]:
    found: list[tuple[str, queries.Listing[Any]]] = []
    for resource, sorts in SORTS.items():
        for sort in sorts:
            for filters in FILTERS[resource]:
                params = {**filters, "sort": sort}
                if resource in LISTERS:
                    lister, schema = LISTERS[resource]
                    found.append((f"{resource} {params}", lister(connection, schema.model_validate(params))))
                    continue
                for plural, (model, mention, fk) in ENTITIES.items():
                    listing = queries.list_entities(
                        connection, model, mention, fk, EntityFilters.model_validate(params)
                    )
                    found.append((f"{plural} {params}", listing))
    for filters in [{}, {"article_id": 1}, {"from": "2019-01-01"}, {"grain": "year"}]:
        timeline = queries.timeline(connection, TimelineFilters.model_validate(filters))
        found.append((f"timeline {filters}", timeline))
    return found


def statements(connection: Connection, listing: queries.Listing[Any]) -> list[Select[Any]]:
    """The statements a page reads, as fetch_page runs them, mid-listing: after a row with a value
    and after one without; with its items read as their JSON too, where the database writes it."""
    keys = listing.ordering.keys
    values = [SAMPLE_VALUES[key.column.key] for key in keys]
    cursors = [encode_cursor(listing.ordering, values)]
    if keys[0].nullable:
        cursors.append(encode_cursor(listing.ordering, [None, *values[1:]]))
    as_json = listing.model is not None and written_alike(listing.model)
    statement, any_of = listing.page_source
    found = []
    for cursor in cursors:
        page, bound = page_reads(statement, listing.ordering, cursor, any_of)
        for read in page:
            reads = [read]
            if as_json:
                reads.append(items_as_json(read, listing.ordering, listing.model, connection.dialect.name))
            found += [each.params(**listing.params, **bound, page_limit=51) for each in reads]
    return found


def plan(connection: Connection, statement: Select[Any]) -> str:
    sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
    if connection.dialect.name == "sqlite":
        rows = connection.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
        return "\n".join(row[3] for row in rows)
    connection.execute(text("SET LOCAL enable_seqscan = off"))
    return "\n".join(row[0] for row in connection.execute(text("EXPLAIN " + sql)).all())


def full_scans(plan_text: str) -> list[str]:
    """The tables read whole. SQLite's `SCAN anon_N` reads a subquery's rows as it makes them (the
    ordered rows a JSON array aggregates), not a table: how those rows are found is planned apart."""
    sqlite = re.findall(r"^\s*SCAN (?!anon_\d+\s*$)(\w+)\s*$", plan_text, flags=re.MULTILINE)
    postgresql = re.findall(r"Seq Scan on (\w+)", plan_text)
    return sqlite + postgresql


def below_limit(text_plan: str) -> str:
    """The part of a PostgreSQL plan beneath its Limit: the nodes that choose the page's ids."""
    lines = text_plan.splitlines()
    limit = next(index for index, line in enumerate(lines) if "Limit" in line)
    depth = len(lines[limit]) - len(lines[limit].lstrip())
    below = takewhile(lambda line: len(line) - len(line.lstrip()) > depth, lines[limit + 1 :])
    return "\n".join(below)


def test_detector_sees_a_full_scan(application: FastAPI) -> None:
    """The check itself can fail: a filter on a column without an index is a full scan."""
    from sqlalchemy import select

    from app.models import Pledge

    with application.state.database.reader.connect() as connection:
        assert full_scans(plan(connection, select(Pledge).where(Pledge.purpose == "x"))) == ["pledge"]


def test_every_list_query_uses_an_index(application: FastAPI) -> None:
    with application.state.database.reader.connect() as connection:
        cases = listings(connection)
        assert len(cases) > 100
        failures = []
        for name, listing in cases:
            for statement in statements(connection, listing):
                text_plan = plan(connection, statement)
                if full_scans(text_plan):
                    failures.append(f"{name}:\n{text_plan}")
        assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("kind", list(SEARCHABLE))
def test_search_uses_the_full_text_index(application: FastAPI, kind: str) -> None:
    with application.state.database.reader.connect() as connection:
        statement = matches(connection, SEARCHABLE[kind], query_terms("الولايات المتحدة"))
        text_plan = plan(connection, statement)
        assert not full_scans(text_plan), text_plan
        assert ("VIRTUAL TABLE" in text_plan) or ("search_vector" in text_plan), text_plan


def test_a_page_reads_its_rows_by_primary_key(application: FastAPI) -> None:
    """A page finds its ids through the filters' index, then reads each row by its primary key, not
    through the filter's index a second time."""
    with application.state.database.reader.connect() as connection:
        failures = []
        for name, listing in listings(connection):
            table = listing.ordering.keys[-1].column.table.name
            # The table itself, not an alias of it in the subquery that finds the ids.
            by_key = (
                rf"^SEARCH {table} USING INTEGER PRIMARY KEY \(rowid=\?\)$"
                if connection.dialect.name == "sqlite"
                else rf"Index Scan (Backward )?using pk_{table} on {table}  \("
            )
            for statement in statements(connection, listing):
                text_plan = plan(connection, statement)
                if not re.search(by_key, text_plan, flags=re.MULTILINE):
                    failures.append(f"{name}:\n{text_plan}")
        assert not failures, "\n\n".join(failures)


def test_quotes_by_speaker_name_read_the_speaker_index_in_order(
    application: FastAPI, seeded: int
) -> None:
    """A name is resolved to its speaker first, so that a page of that speaker's quotes reads the
    (speaker_id, id) index in id order instead of sorting all of the speaker's quotes. The page's
    own rows may be put in order once read (PostgreSQL sorts the 51 rows it looked up by id)."""
    with application.state.database.reader.connect() as connection:
        listing = queries.list_quotes(connection, QuoteFilters.model_validate({"speaker": "Blinken"}))
        for statement in statements(connection, listing):
            text_plan = plan(connection, statement)
            if connection.dialect.name == "sqlite":
                assert "TEMP B-TREE" not in text_plan, text_plan
            else:
                assert "Sort" not in below_limit(text_plan), text_plan
            assert "speaker_id" in text_plan, text_plan


def test_quotes_by_a_name_speakers_share_read_each_speakers_index_in_order(application: FastAPI) -> None:
    """A name three speakers share is read as three ordered reads of the (speaker_id, id) index,
    merged, rather than as all their quotes sorted."""
    store_speakers_sharing_a_name(application)
    with application.state.database.reader.connect() as connection:
        for sort in SORTS["quotes"]:
            filters = QuoteFilters.model_validate({"speaker": "the envoy", "sort": sort})
            listing = queries.list_quotes(connection, filters)
            assert listing.any_of is not None
            for statement in statements(connection, listing):
                text_plan = plan(connection, statement)
                assert text_plan.count("ix_quote_speaker_id_id") == 3, text_plan
                assert not full_scans(text_plan), text_plan
                if connection.dialect.name == "sqlite":
                    assert "TEMP B-TREE" not in text_plan, text_plan


def test_quotes_by_a_shared_name_and_words_run_the_full_text_match_once(application: FastAPI) -> None:
    """With `q`, a name several speakers share is read with one IN list: merged, each speaker's
    part would run the full-text match again."""
    store_speakers_sharing_a_name(application)
    with application.state.database.reader.connect() as connection:
        filters = QuoteFilters.model_validate({"speaker": "the envoy", "q": "talks"})
        listing = queries.list_quotes(connection, filters)
        match = "quote_fts" if connection.dialect.name == "sqlite" else "search_vector @@"
        for statement in statements(connection, listing):
            text_plan = plan(connection, statement)
            assert text_plan.count(match) == 1, text_plan


@pytest.mark.parametrize("filters", [{}, {"currency": "USD"}, {"donor": "Japan"}, {"status": "new"}])
def test_summary_groupings_read_indexes(application: FastAPI, filters: dict[str, str]) -> None:
    """Each grouping of the pledge summary reads an index of pledge_rollup. Unfiltered, on SQLite,
    each reads a covering index in group order: no row visited in the table, no sort into groups."""
    with application.state.database.reader.connect() as connection:
        summary = PledgeSummaryFilters.model_validate(filters)
        statement, params = queries.summary_statement(connection, summary)
        text_plan = plan(connection, statement.params(**params))
        assert full_scans(text_plan) == [], text_plan
        assert text_plan.count("pledge_rollup") >= len(queries.SUMMARY_GROUPINGS), text_plan
        if connection.dialect.name == "sqlite" and not filters:
            assert text_plan.count("COVERING INDEX") == len(queries.SUMMARY_GROUPINGS), text_plan
            assert "FOR GROUP BY" not in text_plan, text_plan


def test_an_articles_facts_read_through_indexes(application: FastAPI, seeded: int) -> None:
    """Every list of the bundle reads an index; each entity's mentions in the article are read by
    entity and article, not among every mention of the entity (thousands, for a country). On
    SQLite every list is read in its order, sorting nothing: facts in text order, by article and
    position; speakers and entities by id; mentions by entity, article and position."""
    with application.state.database.reader.connect() as connection:
        text_plan = plan(connection, bundle._bundle(connection.dialect.name).params(article_id=seeded))
        assert full_scans(text_plan) == [], text_plan
        if connection.dialect.name == "sqlite":
            for entity in ("organization", "place"):
                index = f"ix_{entity}_mention_{entity}_id_article_id_start_end"
                assert text_plan.count(f"{index} ({entity}_id=? AND article_id=?)") == 2, text_plan
            for table in ("quote", "pledge", "date_mention"):
                assert f"ix_{table}_article_id_start_id (article_id=?)" in text_plan, text_plan
            assert "FOR ORDER BY" not in text_plan, text_plan
