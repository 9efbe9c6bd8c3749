"""Read queries: filters, keyset pages and the per-article bundle. Routers stay thin.

Every query runs on a Core connection and reads plain rows, which validate straight into the
response schemas: reads need neither the ORM's identity map nor its unit of work."""

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Generic, TypeAlias, TypeVar

from pydantic import BaseModel, TypeAdapter
from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    bindparam,
    extract,
    func,
    or_,
    select,
)
from sqlmodel import SQLModel

from app.db import fetch
from app.errors import NotFound
from app.models import (
    Article,
    DateMention,
    Organization,
    OrganizationMention,
    Place,
    PlaceMention,
    Pledge,
    PledgeRollup,
    Quote,
    Speaker,
    SpeakerAlias,
)
from app.schemas.article import ArticleDetail, ArticlePublic
from app.schemas.date_mention import DatePublic, TimelineEntry
from app.schemas.entity import EntityDetail, EntityPublic, MentionPublic
from app.schemas.filters import (
    ArticleFilters,
    DateFilters,
    EntityFilters,
    ListParams,
    PledgeFilters,
    PledgeSummaryFilters,
    QuoteFilters,
    SpeakerFilters,
    TimelineFilters,
)
from app.schemas.pledge import (
    DonorTotal,
    PledgePublic,
    PledgeTotal,
    StatusTotal,
    YearTotal,
)
from app.schemas.quote import QuotePublic
from app.schemas.speaker import SpeakerPublic
from app.services import json_items
from app.services.pagination import Ordering, SortKey, by, count, fetch_page, stream_rows
from app.services.search import match_value, matching_ids

T = TypeVar("T")
B = TypeVar("B", bound=BaseModel)
EXPORT_CHUNK_ROWS = 1000


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A list query: the filtered statement and the values of its parameters, its ordering, and
    how a batch of rows becomes items."""

    statement: Select[Any]
    ordering: Ordering
    present: Callable[[Connection, Sequence[Any]], list[T]]
    params: Mapping[str, Any] = field(default_factory=dict)
    # The model each row validates into as it is, for a listing `of_rows`: the database may then
    # write the items' JSON itself (app.services.json_items).
    model: type[BaseModel] | None = None
    # For a filter by any of several values, how a page reads them: see AnyOf.
    any_of: "AnyOf | None" = None

    @classmethod
    def of_rows(
        cls,
        model: type[B],
        statement: Select[Any],
        ordering: Ordering,
        params: Mapping[str, Any],
        any_of: "AnyOf | None" = None,
    ) -> "Listing[B]":
        """A listing whose items are its rows, each validated into `model` as it is."""
        return cls(
            statement, ordering, lambda _connection, rows: validated(model, rows), params, model, any_of
        )

    @property
    def page_source(self) -> tuple[Select[Any], tuple[str, Sequence[Any]] | None]:
        """The statement a page reads, and the parameter and values it is merged over (AnyOf)."""
        if self.any_of is None:
            return self.statement, None
        return self.any_of.statement, (self.any_of.name, self.any_of.values)


@dataclass(frozen=True)
class AnyOf:
    """A listing's filter by any of several values, as its pages read it: the statement for one
    value, with the value's parameter, run for each value and merged (pagination.fetch_page).
    Counts and exports read the listing's own statement, with the values as one `IN` list."""

    statement: Select[Any]
    name: str
    values: Sequence[Any]


class Where:
    """A list's statement and its filters, each a condition on the bound parameter it is named
    after. The statement for each set of filters in use is built once; a request only binds values:
    building and hashing a statement costs more than running an indexed query."""

    def __init__(self, base: Select[Any], **conditions: ColumnElement[bool]) -> None:
        self.base = base
        self.conditions = conditions
        self._built: dict[frozenset[str], Select[Any]] = {}

    def select(self, **values: Any) -> tuple[Select[Any], dict[str, Any]]:
        """The statement for the filters given a value (None is no filter), and those values."""
        params = {name: value for name, value in values.items() if value is not None}
        used = frozenset(params)
        statement = self._built.get(used)
        if statement is None:
            statement = self.base.where(*(self.conditions[name] for name in sorted(used)))
            self._built[used] = statement
        return statement, params


@dataclass(frozen=True)
class PageOf(Generic[T]):
    items: list[T]
    next_cursor: str | None
    total: int | None
    json: bool = False  # the items are their JSON, written by the database


def orderings(column: Any, *, nullable: bool = False) -> dict[str, Ordering]:
    """`name`, `-name`, `id`, `-id`: a column ascending or descending, ties broken by id."""
    table_id = column.class_.id
    name = column.key
    orders = {
        "id": by("id", SortKey(table_id)),
        "-id": by("-id", SortKey(table_id, descending=True)),
    }
    if name != "id":
        orders[name] = by(name, SortKey(column, nullable=nullable), SortKey(table_id))
        orders[f"-{name}"] = by(
            f"-{name}",
            SortKey(column, descending=True, nullable=nullable),
            SortKey(table_id, descending=True),
        )
    return orders


def page(
    connection: Connection, listing: Listing[T], params: ListParams, *, json: bool = False
) -> PageOf[Any]:
    """A page of the listing; with `json`, its items as JSON text where the database writes it."""
    model = listing.model
    as_json = model if json and model and json_items.written_alike(model) else None
    statement, any_of = listing.page_source
    rows, cursor = fetch_page(
        connection,
        statement,
        listing.ordering,
        params.cursor,
        params.page_size,
        listing.params,
        as_json,
        any_of,
    )
    total = count(connection, listing.statement, listing.params) if params.count else None
    if as_json is not None:
        return PageOf([row[0] for row in rows], cursor, total, json=True)
    return PageOf(listing.present(connection, rows), cursor, total)


def export(connection: Connection, listing: Listing[T], params: ListParams) -> Iterator[list[T]]:
    """Every item of the listing after the cursor (all of them unless `limit`), batch by batch."""
    for rows in stream_rows(
        connection,
        listing.statement,
        listing.ordering,
        params.cursor,
        params.limit,
        listing.params,
        chunk_size=EXPORT_CHUNK_ROWS,
    ):
        yield listing.present(connection, rows)

ARTICLE_FIELDS = (
    Article.id,
    Article.title,
    Article.language,
    Article.published_on,
    Article.source_name,
    Article.source_url,
    Article.content_hash,
    Article.created_at,
)
ARTICLE_COLUMNS = (*ARTICLE_FIELDS, func.length(Article.text).label("text_length"))


@lru_cache
def _list_of(model: type[B]) -> TypeAdapter[list[B]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def validated(model: type[B], rows: Sequence[Any]) -> list[B]:
    """Rows as `model`s, validated in one call, each field read off its row's attribute: faster
    than a dict per row, and much faster than reading a Row by column name."""
    return _list_of(model).validate_python(rows, from_attributes=True)


def public_columns(table: type[SQLModel], schema: type[BaseModel]) -> list[Any]:
    """The table's columns that `schema` shows, by name. Reading them as plain rows skips the
    ORM's identity map and internals such as search_text, and the rows validate straight into
    the schema."""
    return [getattr(table, name) for name in schema.model_fields if name in table.model_fields]


def get_or_404(connection: Connection, model: type[SQLModel], row_id: int, noun: str) -> Row[Any]:
    """The row of `model` with id `row_id`, every column of it; 404 when there is none."""
    table = model.__table__  # type: ignore[attr-defined]
    row = connection.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"No {noun} has id {row_id}.")
    return row


# Articles


ARTICLE_ORDERINGS = orderings(Article.published_on, nullable=True)


@cache
def _articles(dialect: str) -> Where:
    return Where(
        select(*ARTICLE_COLUMNS),
        match=matching_ids(dialect, Article),
        language=Article.language == bindparam("language"),
        published_from=Article.published_on >= bindparam("published_from"),
        published_to=Article.published_on <= bindparam("published_to"),
    )


def list_articles(connection: Connection, filters: ArticleFilters) -> Listing[ArticlePublic]:
    statement, params = _articles(connection.dialect.name).select(
        match=match_value(connection, filters.q),
        language=filters.language,
        published_from=filters.published_from,
        published_to=filters.published_to,
    )
    return Listing.of_rows(ArticlePublic, statement, ARTICLE_ORDERINGS[filters.sort], params)


# Its index terms, as long as the text, are left out. The text's length is taken from the text
# (`article_detail`): SQLite's length(text) read the text a second time, about 10 µs.
ARTICLE_BY_ID = select(*ARTICLE_FIELDS, Article.text).where(Article.id == bindparam("article_id"))


def article_detail(row: Any) -> ArticleDetail:
    """An ARTICLE_BY_ID row as its ArticleDetail."""
    return ArticleDetail.model_validate({**row._asdict(), "text_length": len(row.text)})


def get_article(connection: Connection, article_id: int) -> ArticleDetail:
    found = fetch(connection, ARTICLE_BY_ID, {"article_id": article_id})
    if not found:
        raise NotFound(f"No article has id {article_id}.")
    return article_detail(found[0])


# Speakers


SPEAKER_COLUMNS = [getattr(Speaker, name) for name in SpeakerPublic.model_fields if name != "aliases"]


def _with_aliases(condition: ColumnElement[bool]) -> Select[Any]:
    """The speakers meeting `condition`, a row for each alias (one with no alias for none), by id and
    alias: the speakers and their aliases in one query."""
    return (
        select(*SPEAKER_COLUMNS, SpeakerAlias.alias)
        .outerjoin(SpeakerAlias, SpeakerAlias.speaker_id == Speaker.id)
        .where(condition)
        .order_by(Speaker.id, SpeakerAlias.alias)
    )


SPEAKERS_BY_ID = _with_aliases(Speaker.id.in_(bindparam("ids", expanding=True)))


def _speakers_public_of(rows: Iterable[Any]) -> dict[int, SpeakerPublic]:
    """Rows of `_with_aliases` as SpeakerPublic by id, in their order."""
    aliased: dict[int, tuple[Any, list[str]]] = {}
    for row in rows:
        speaker, aliases = aliased.setdefault(row.id, (row, []))
        if row.alias is not None:
            aliases.append(row.alias)
    return {
        speaker_id: SpeakerPublic.model_validate({**speaker._asdict(), "aliases": aliases})
        for speaker_id, (speaker, aliases) in aliased.items()
    }


def _speakers_by_id(connection: Connection, ids: Iterable[int]) -> dict[int, SpeakerPublic]:
    by_ids = {"ids": list(ids)}
    if not by_ids["ids"]:
        return {}
    return _speakers_public_of(connection.execute(SPEAKERS_BY_ID, by_ids))


def _named(name: Any) -> Select[Any]:
    """The ids of speakers known by `name` (as written, in English, or by alias)."""
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias == name)
    return select(Speaker.id).where(
        or_(Speaker.name == name, Speaker.name_en == name, Speaker.id.in_(by_alias))
    )


SPEAKER_IDS_NAMED = _named(bindparam("name"))


SPEAKER_ORDERINGS = orderings(Speaker.name)


def _speakers_public(connection: Connection, rows: Sequence[Any]) -> list[SpeakerPublic]:
    shown = _speakers_by_id(connection, [s.id for s in rows])
    return [shown[s.id] for s in rows]


SPEAKERS = Where(
    select(Speaker.__table__),  # type: ignore[attr-defined]
    name=Speaker.id.in_(SPEAKER_IDS_NAMED),
    kind=Speaker.kind == bindparam("kind"),
)


def list_speakers(_connection: Connection, filters: SpeakerFilters) -> Listing[SpeakerPublic]:
    statement, params = SPEAKERS.select(name=filters.name, kind=filters.kind)
    return Listing(statement, SPEAKER_ORDERINGS[filters.sort], _speakers_public, params)


def get_speaker(connection: Connection, speaker_id: int) -> SpeakerPublic:
    found = _speakers_by_id(connection, [speaker_id])
    if speaker_id not in found:
        raise NotFound(f"No speaker has id {speaker_id}.")
    return found[speaker_id]


# Quotes


# A name shared by more speakers than this is read with one IN list: a page's statement has a part
# for each speaker.
MERGED_SPEAKERS = 32
# Each quote with its speaker's name, in one query.
QUOTE_ROWS = select(*public_columns(Quote, QuotePublic), Speaker.name.label("speaker")).outerjoin(
    Speaker, Speaker.id == Quote.speaker_id
)
# Statements run on every request are built once, with bound parameters: SQLAlchemy then neither
# rebuilds the expression nor recomputes its cache key per request.
QUOTE_BY_ID = QUOTE_ROWS.where(Quote.id == bindparam("quote_id"))
QUOTE_ORDERINGS = orderings(Quote.id)


@cache
def _quotes(dialect: str) -> Where:
    return Where(
        QUOTE_ROWS,
        match=matching_ids(dialect, Quote),
        article_id=Quote.article_id == bindparam("article_id"),
        speaker_id=Quote.speaker_id == bindparam("speaker_id"),
        named_speaker=Quote.speaker_id == bindparam("named_speaker"),
        named_speakers=Quote.speaker_id.in_(bindparam("named_speakers", expanding=True)),
        kind=Quote.kind == bindparam("kind"),
    )


def list_quotes(connection: Connection, filters: QuoteFilters) -> Listing[QuotePublic]:
    named: list[int] | None = None
    if filters.speaker is not None:
        # The name is resolved to ids first: with `speaker_id = ?` the (speaker_id, id) index
        # hands rows over in id order, where `speaker_id IN (subquery)` makes SQLite sort all of
        # a speaker's quotes for every page. A name several speakers share is read speaker by
        # speaker and merged (AnyOf): 0.5 against 57 ms for a page of 17 prolific speakers.
        named = [row.id for row in fetch(connection, SPEAKER_IDS_NAMED, {"name": filters.speaker})]
    one = named is not None and len(named) == 1
    where = _quotes(connection.dialect.name)
    filtered = {
        "match": match_value(connection, filters.q),
        "article_id": filters.article_id,
        "speaker_id": filters.speaker_id,
        "kind": filters.kind,
    }
    statement, params = where.select(
        **filtered, named_speaker=named[0] if one else None, named_speakers=None if one else named
    )
    any_of = None
    # With `q`, a page reads every match however it is merged, and a part for each speaker would
    # run the full-text match once for each: one IN list runs it once.
    if named is not None and 1 < len(named) <= MERGED_SPEAKERS and filters.q is None:
        by_one, _ = where.select(**filtered, named_speaker=named[0])
        any_of = AnyOf(by_one, "named_speaker", named)
    return Listing.of_rows(QuotePublic, statement, QUOTE_ORDERINGS[filters.sort], params, any_of)


def get_quote(connection: Connection, quote_id: int) -> QuotePublic:
    found = fetch(connection, QUOTE_BY_ID, {"quote_id": quote_id})
    if not found:
        raise NotFound(f"No quote has id {quote_id}.")
    return QuotePublic.model_validate(found[0], from_attributes=True)


# Pledges


PLEDGE_ORDERINGS = orderings(Pledge.amount)


PLEDGE_COLUMNS = public_columns(Pledge, PledgePublic)
PLEDGE_BY_ID = select(*PLEDGE_COLUMNS).where(Pledge.id == bindparam("pledge_id"))


@cache
def _pledges(dialect: str) -> Where:
    return Where(
        select(*PLEDGE_COLUMNS),
        article_id=Pledge.article_id == bindparam("article_id"),
        speaker_id=Pledge.speaker_id == bindparam("speaker_id"),
        donor=Pledge.donor == bindparam("donor"),
        currency=Pledge.currency == bindparam("currency"),
        min_amount=Pledge.amount >= bindparam("min_amount"),
        max_amount=Pledge.amount <= bindparam("max_amount"),
        status=Pledge.status == bindparam("status"),
        match=matching_ids(dialect, Pledge),
    )


def pledge_statement(
    connection: Connection, filters: PledgeFilters | PledgeSummaryFilters
) -> tuple[Select[Any], dict[str, Any]]:
    """Pledges matching the filters that the list and the summary share."""
    return _pledges(connection.dialect.name).select(
        article_id=filters.article_id,
        speaker_id=filters.speaker_id,
        donor=filters.donor,
        currency=filters.currency,
        min_amount=filters.min_amount,
        max_amount=filters.max_amount,
        status=filters.status,
        match=match_value(connection, filters.q),
    )


def list_pledges(connection: Connection, filters: PledgeFilters) -> Listing[PledgePublic]:
    statement, params = pledge_statement(connection, filters)
    return Listing.of_rows(PledgePublic, statement, PLEDGE_ORDERINGS[filters.sort], params)


# The filters that pledge_rollup can answer: it keeps totals by currency, donor, status and year.
ROLLED_UP_FILTERS = frozenset({"currency", "donor", "status"})


def rolled_up(filters: PledgeSummaryFilters) -> bool:
    """Whether pledge_rollup answers the summary for these filters."""
    return filters.model_dump(exclude_none=True).keys() <= ROLLED_UP_FILTERS


# The groupings of the summary: what each groups by beside the currency, and the model of its rows.
SUMMARY_GROUPINGS: dict[str, tuple[str | None, type[PledgeTotal]]] = {
    "by_currency": (None, PledgeTotal),
    "by_donor": ("donor", DonorTotal),
    "by_status": ("status", StatusTotal),
    "by_year": ("year", YearTotal),
}


def summarize_pledges(connection: Connection, filters: PledgeSummaryFilters) -> bytes:
    """Totals and counts by currency, donor, status and year, as the JSON of a PledgeSummary."""
    statement, params = summary_statement(connection, filters)
    row = fetch(connection, statement, params)[0]
    count = sum(total["count"] for total in json.loads(row.by_currency))
    groupings = {name: getattr(row, name) for name in SUMMARY_GROUPINGS}
    return json_items.json_object({"count": str(count), **groupings})


def summary_statement(
    connection: Connection, filters: PledgeSummaryFilters
) -> tuple[Select[Any], dict[str, Any]]:
    """Each grouping of the summary written by the database as a JSON array (json_items), all four
    in one statement; from pledge_rollup when the filters allow, otherwise aggregated from the
    matching pledges."""
    groups = [group for group, _ in SUMMARY_GROUPINGS.values()]
    if rolled_up(filters):
        params = filters.model_dump(exclude_none=True)
        groupings = tuple(_rollup_grouping(group).select(**params)[0] for group in groups)
    else:
        statement, params = pledge_statement(connection, filters)
        groupings = tuple(_live_grouping(statement, group) for group in groups)
    return _summary(groupings, connection.dialect.name), params


@lru_cache(maxsize=256)
def _summary(groupings: tuple[Select[Any], ...], dialect: str) -> Select[Any]:
    """The rows of each grouping as a JSON array, by its keys, none last."""
    columns = []
    for (name, (group, model)), rows in zip(SUMMARY_GROUPINGS.items(), groupings, strict=True):
        keys = [group, "currency"] if group else ["currency"]
        array = json_items.json_array(rows, keys, dialect, model)
        columns.append(json_items.handed_over(array, dialect).label(name))
    return select(*columns)


@cache
def _rollup_grouping(group: str | None) -> Where:
    """Sums of the rollup's rows by `group` and currency, under any of its filters; its "" and 0
    read back as none. Built once per grouping, as the summary is asked for often. Rows are grouped
    by the stored columns, whose covering indexes (migration 0006) hand them over in group order;
    grouping by the nullif() shown made SQLite sort every row first."""
    rollup = PledgeRollup.__table__.c  # type: ignore[attr-defined]
    groups = {None: [], "donor": [rollup.donor], "status": [rollup.status], "year": [rollup.year]}
    # Every grouping includes the currency: sums across currencies mean nothing.
    keys = [*groups[group], rollup.currency]
    none = {"donor": "", "currency": "", "year": 0}  # what the rollup stores for none; status has none
    shown = [func.nullif(key, none[key.name]).label(key.name) if key.name in none else key for key in keys]
    count = func.sum(rollup.pledges)
    query = select(*shown, func.sum(rollup.total).label("total"), count.label("count"))
    conditions = {name: getattr(rollup, name) == bindparam(name) for name in ROLLED_UP_FILTERS}
    return Where(query.group_by(*keys).having(count > 0), **conditions)


@lru_cache(maxsize=256)
def _live_grouping(statement: Select[Any], group: str | None) -> Select[Any]:
    """Sums of the pledges `statement` finds, by `group` and currency."""
    pledges = statement.subquery()
    groups = {
        None: [],
        "donor": [pledges.c.donor],
        "status": [pledges.c.status],
        "year": [extract("year", Article.published_on).label("year")],
    }
    keys = [*groups[group], pledges.c.currency]
    query = select(*keys, func.sum(pledges.c.amount).label("total"), func.count().label("count"))
    query = query.select_from(pledges)
    if group == "year":
        # Only the year needs the article, whose wide rows are costly to visit; every pledge has
        # its article (a foreign key), so the other groupings count the same without it.
        query = query.join(Article, Article.id == pledges.c.article_id)
    return query.group_by(*keys)


def get_pledge(connection: Connection, pledge_id: int) -> PledgePublic:
    found = fetch(connection, PLEDGE_BY_ID, {"pledge_id": pledge_id})
    if not found:
        raise NotFound(f"No pledge has id {pledge_id}.")
    return PledgePublic.model_validate(found[0], from_attributes=True)


# Dates


DATE_ORDERINGS = orderings(DateMention.starts_on, nullable=True)
DATE_COLUMNS = public_columns(DateMention, DatePublic)
DATE_CONDITIONS = {
    "article_id": DateMention.article_id == bindparam("article_id"),
    "from_": DateMention.ends_on >= bindparam("from_"),
    "to": DateMention.starts_on <= bindparam("to"),
    "grain": DateMention.grain == bindparam("grain"),
}
# starts_on too, which the cursor of the default order needs.
DATES = Where(
    select(*DATE_COLUMNS, DateMention.starts_on),
    relative=DateMention.relative == bindparam("relative"),
    **DATE_CONDITIONS,
)


def list_dates(_connection: Connection, filters: DateFilters) -> Listing[DatePublic]:
    statement, params = DATES.select(
        article_id=filters.article_id,
        from_=filters.from_,
        to=filters.to,
        grain=filters.grain,
        relative=filters.relative,
    )
    return Listing.of_rows(DatePublic, statement, DATE_ORDERINGS[filters.sort], params)


TIMELINE_ORDERING = by("starts_on", SortKey(DateMention.starts_on), SortKey(DateMention.id))
TIMELINE_COLUMNS = [
    *(getattr(DateMention, name) for name in TimelineEntry.model_fields if name != "article_title"),
    Article.title.label("article_title"),
]


TIMELINE = Where(
    select(*TIMELINE_COLUMNS)
    .join(Article, Article.id == DateMention.article_id)
    .where(DateMention.starts_on.is_not(None)),
    **DATE_CONDITIONS,
)


def timeline(_connection: Connection, filters: TimelineFilters) -> Listing[TimelineEntry]:
    """Every resolved date in chronological order (by first day covered, then id)."""
    statement, params = TIMELINE.select(
        article_id=filters.article_id, from_=filters.from_, to=filters.to, grain=filters.grain
    )
    return Listing.of_rows(TimelineEntry, statement, TIMELINE_ORDERING, params)


def get_date(connection: Connection, date_id: int) -> DatePublic:
    return DatePublic.model_validate(get_or_404(connection, DateMention, date_id, "date")._asdict())


# Organizations and places share one shape: an entity table and a mention table.

EntityModel: TypeAlias = type[Organization] | type[Place]
MentionModel: TypeAlias = type[OrganizationMention] | type[PlaceMention]


def _mention_counts(connection: Connection, fk: Any, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = select(fk, func.count()).where(fk.in_(ids)).group_by(fk)
    return dict(connection.execute(query).all())


@cache
def _entities(model: EntityModel, mention: MentionModel, fk: Any) -> tuple[Where, dict[str, Ordering]]:
    name = bindparam("name")
    where = Where(
        select(model.__table__),
        name=or_(model.name == name, model.name_ar == name),
        kind=model.kind == bindparam("kind"),
        article_id=model.id.in_(select(fk).where(mention.article_id == bindparam("article_id"))),
    )
    return where, orderings(model.name)


def list_entities(
    _connection: Connection,
    model: EntityModel, mention: MentionModel, fk: Any, filters: EntityFilters
) -> Listing[EntityPublic]:
    where, entity_orderings = _entities(model, mention, fk)
    statement, params = where.select(name=filters.name, kind=filters.kind, article_id=filters.article_id)

    def present(connection: Connection, rows: Sequence[Any]) -> list[EntityPublic]:
        counts = _mention_counts(connection, fk, [e.id for e in rows])
        return [
            EntityPublic.model_validate({**e._asdict(), "mention_count": counts.get(e.id, 0)})
            for e in rows
        ]

    return Listing(statement, entity_orderings[filters.sort], present, params)


def get_entity(
    connection: Connection, model: EntityModel, mention: MentionModel, fk: Any, entity_id: int, noun: str
) -> EntityDetail:
    entity = get_or_404(connection, model, entity_id, noun)
    mentions = connection.execute(
        select(mention.__table__).where(fk == entity_id).order_by(mention.article_id, mention.start)
    ).all()
    return EntityDetail.model_validate(
        {
            **entity._asdict(),
            "mention_count": len(mentions),
            "mentions": [MentionPublic.model_validate(m._asdict()) for m in mentions],
        }
    )
