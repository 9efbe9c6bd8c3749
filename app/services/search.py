"""Full-text search: FTS5 on SQLite, tsvector with GIN on PostgreSQL, over the same normalized terms."""

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    Select,
    String,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    union_all,
)

from app.errors import Unprocessable
from app.models import Article, Pledge, Quote
from app.models.search import SEARCHED_FIELDS
from app.schemas.filters import SearchFilters
from app.schemas.search import SearchHit, SnippetPublic
from app.services.pagination import Ordering, SortKey, by, fetch_page
from app.services.search_text import query_terms, snippet

SEARCHABLE: dict[str, Any] = {"quote": Quote, "pledge": Pledge, "article": Article}
# Search ranks at most this many matches of each kind, the most recently stored: the best of them
# come first. A word found in fewer rows has every match ranked.
RANKED_MATCHES = 2000


def parse_query(query: str) -> list[tuple[str, ...]]:
    terms = query_terms(query)
    if not terms:
        raise Unprocessable(
            "The search query has no words to search for.",
            errors=[{"loc": ["query", "q"], "msg": "no searchable words", "type": "value_error"}],
        )
    return terms


def match_expression(dialect: str, terms: list[tuple[str, ...]]) -> str:
    """The full-text query for `terms`: every word, in any of its forms."""
    if dialect == "sqlite":
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in alternatives) + ")" for alternatives in terms
        )
    return " & ".join("(" + " | ".join(alternatives) + ")" for alternatives in terms)


@lru_cache(maxsize=64)
def matched(dialect: str, model: Any, newest: int | None = None) -> Select[Any]:
    """SELECT id, rank of the rows of `model` matching the bound `match` expression; lower rank
    is better. With `newest`, only that many matches, the most recently stored, are ranked."""
    name = model.__tablename__
    match = bindparam("match", type_=String)
    if dialect == "sqlite":
        fts = table(f"{name}_fts", column("rowid"))
        rank = func.bm25(literal_column(fts.name))
        found = select(fts.c.rowid.label("id"), cast(rank, Float).label("rank")).where(
            literal_column(fts.name).op("MATCH")(match)
        )
        key = fts.c.rowid
    else:
        query = func.to_tsquery(literal_column("'simple'::regconfig"), match)
        vector = literal_column(f"{name}.search_vector")
        found = select(model.id.label("id"), cast(-func.ts_rank(vector, query), Float).label("rank")).where(
            vector.op("@@")(query)
        )
        key = model.id
    return found if newest is None else found.order_by(key.desc()).limit(newest)


def matches(
    connection: Connection, model: Any, terms: list[tuple[str, ...]], newest: int | None = None
) -> Select[Any]:
    """`matched` with the expression for `terms` bound in."""
    dialect = connection.dialect.name
    return matched(dialect, model, newest).params(match=match_expression(dialect, terms))


def matching_ids(dialect: str, model: Any) -> ColumnElement[bool]:
    """The list filter `q`: the row is among the matches of the bound `match` expression."""
    return model.id.in_(select(matched(dialect, model).subquery().c.id))


def merge_index_segments(connection: Connection) -> None:
    """Merge each SQLite full-text index into one segment ('optimize'). Rows stored in many
    transactions leave an FTS5 index in many segments, and every search reads each segment; after
    a bulk load one segment makes ranking a common word about a sixth cheaper. PostgreSQL's GIN
    indexes need no such step."""
    if connection.dialect.name != "sqlite":
        return
    for model in SEARCHABLE.values():
        index = f"{model.__tablename__}_fts"
        connection.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('optimize')")


def match_value(connection: Connection, query: str | None) -> str | None:
    """The value of the `match` parameter for the list filter `q`."""
    return None if query is None else match_expression(connection.dialect.name, parse_query(query))


@lru_cache(maxsize=8)
def _hit_rows(model: Any) -> Select[Any]:
    """The searched fields (and article) of the hits of one kind, by the bound list `ids`."""
    columns = [model.id, *(getattr(model, field) for field in SEARCHED_FIELDS[model])]
    if model is not Article:
        columns.append(model.article_id)
    return select(*columns).where(model.id.in_(bindparam("ids", expanding=True)))


def _hit_snippet(row: Any, model: Any, terms: list[tuple[str, ...]]) -> SnippetPublic | None:
    for field in SEARCHED_FIELDS[model]:
        value = getattr(row, field)
        if value:
            found = snippet(value, terms)
            if found is not None:
                return SnippetPublic(field=field, text=found.text, start=found.start, end=found.end)
    return None


@lru_cache(maxsize=64)
def _ranked(
    dialect: str, kinds: tuple[str, ...], newest: int | None, in_article: bool
) -> tuple[Select[Any], Ordering]:
    """The matches of every kind asked for, as (kind, id, rank), and their order: built once."""
    parts = []
    for kind in kinds:
        model = SEARCHABLE[kind]
        hits = matched(dialect, model, newest).subquery()
        part = select(literal(kind).label("kind"), hits.c.id, hits.c.rank)
        if in_article:
            article_id = model.id if model is Article else model.article_id
            part = part.join(model, model.id == hits.c.id).where(article_id == bindparam("article_id"))
        parts.append(part)
    ranked = union_all(*parts).subquery()
    ordering = by("rank", SortKey(ranked.c.rank), SortKey(ranked.c.kind), SortKey(ranked.c.id))
    return select(ranked), ordering


def search(connection: Connection, filters: SearchFilters) -> tuple[list[SearchHit], str | None]:
    """Quotes, pledges and articles matching `q`, best first, each with its matched passage."""
    terms = parse_query(filters.q)
    kinds = (filters.kind,) if filters.kind else tuple(SEARCHABLE)
    dialect = connection.dialect.name
    # Ranking costs about a microsecond per match, and a common word matches most rows; an
    # article filter leaves few matches, which are all ranked.
    newest = RANKED_MATCHES if filters.article_id is None else None
    statement, ordering = _ranked(dialect, kinds, newest, filters.article_id is not None)
    params: dict[str, Any] = {"match": match_expression(dialect, terms)}
    if filters.article_id is not None:
        params["article_id"] = filters.article_id
    rows, cursor = fetch_page(connection, statement, ordering, filters.cursor, filters.page_size, params)
    loaded: dict[tuple[str, int], Any] = {}
    for kind in {row.kind for row in rows}:
        ids = [row.id for row in rows if row.kind == kind]
        for found in connection.execute(_hit_rows(SEARCHABLE[kind]), {"ids": ids}):
            loaded[kind, found.id] = found
    items = []
    for row in rows:
        record = loaded[row.kind, row.id]
        model = SEARCHABLE[row.kind]
        items.append(
            SearchHit(
                kind=row.kind,
                id=row.id,
                article_id=record.id if model is Article else record.article_id,
                score=-row.rank,
                snippet=_hit_snippet(record, model, terms),
                url=f"/v1/{row.kind}s/{row.id}",
            )
        )
    return items, cursor
