"""Read queries: filters, keyset pages and the per-article bundle. Routers stay thin."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from app.errors import NotFound
from app.models import (
    Article,
    DateMention,
    Organization,
    OrganizationMention,
    Place,
    PlaceMention,
    Pledge,
    Quote,
    Speaker,
    SpeakerAlias,
)
from app.schemas.article import ArticleDetail, ArticlePublic
from app.schemas.bundle import ArticleFacts
from app.schemas.date_mention import DatePublic
from app.schemas.entity import EntityDetail, EntityPublic, MentionPublic
from app.schemas.filters import (
    ArticleFilters,
    DateFilters,
    EntityFilters,
    PledgeFilters,
    QuoteFilters,
    SpeakerFilters,
)
from app.schemas.pledge import PledgePublic
from app.schemas.quote import QuotePublic
from app.schemas.speaker import SpeakerPublic
from app.services.pagination import SortKey, next_cursor, page_query

T = TypeVar("T")
M = TypeVar("M", bound=SQLModel)
PageOf: TypeAlias = tuple[list[T], str | None]

ARTICLE_COLUMNS = (
    Article.id,
    Article.title,
    Article.language,
    Article.published_on,
    Article.source_name,
    Article.source_url,
    Article.content_hash,
    Article.created_at,
    func.length(Article.text).label("text_length"),
)


def get_or_404(session: Session, model: type[M], row_id: int, noun: str) -> M:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"No {noun} has id {row_id}.")
    return row


# Articles


def list_articles(session: Session, filters: ArticleFilters) -> PageOf[ArticlePublic]:
    keys = [SortKey(Article.id)]
    statement = select(*ARTICLE_COLUMNS)
    if filters.language is not None:
        statement = statement.where(Article.language == filters.language)
    if filters.published_from is not None:
        statement = statement.where(Article.published_on >= filters.published_from)
    if filters.published_to is not None:
        statement = statement.where(Article.published_on <= filters.published_to)
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).all()
    items = [ArticlePublic.model_validate(row._mapping) for row in rows[: filters.limit]]
    return items, next_cursor(rows, keys, filters.limit)


def article_detail(article: Article) -> ArticleDetail:
    return ArticleDetail.model_validate(
        {**article.model_dump(), "text_length": len(article.text)}
    )


def article_facts(session: Session, article: Article) -> ArticleFacts:
    article_id = article.id
    quotes = session.execute(
        select(Quote).where(Quote.article_id == article_id).order_by(Quote.start, Quote.id)
    ).scalars().all()
    pledges = session.execute(
        select(Pledge).where(Pledge.article_id == article_id).order_by(Pledge.start, Pledge.id)
    ).scalars().all()
    dates = session.execute(
        select(DateMention)
        .where(DateMention.article_id == article_id)
        .order_by(DateMention.start, DateMention.id)
    ).scalars().all()
    speaker_ids = {q.speaker_id for q in quotes} | {p.speaker_id for p in pledges}
    speakers = _speakers_by_id(session, {i for i in speaker_ids if i is not None})
    return ArticleFacts(
        article=article_detail(article),
        speakers=sorted(speakers.values(), key=lambda s: s.id),
        quotes=[_quote_public(q, speakers) for q in quotes],
        pledges=[PledgePublic.model_validate(p.model_dump()) for p in pledges],
        dates=[DatePublic.model_validate(d.model_dump()) for d in dates],
        organizations=_entities_in_article(
            session, Organization, OrganizationMention, OrganizationMention.organization_id, article_id
        ),
        places=_entities_in_article(session, Place, PlaceMention, PlaceMention.place_id, article_id),
    )


# Speakers


def _speakers_by_id(session: Session, ids: Iterable[int]) -> dict[int, SpeakerPublic]:
    ids = list(ids)
    if not ids:
        return {}
    speakers = session.execute(select(Speaker).where(Speaker.id.in_(ids))).scalars().all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for speaker_id, alias in session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id.in_(ids))
        .order_by(SpeakerAlias.alias)
    ):
        aliases[speaker_id].append(alias)
    return {
        s.id: SpeakerPublic.model_validate({**s.model_dump(), "aliases": aliases[s.id]})
        for s in speakers
    }


def speaker_ids_named(name: str) -> Any:
    """A subquery of the ids of speakers known by `name` (as written, in English, or by alias)."""
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias == name)
    return select(Speaker.id).where(
        or_(Speaker.name == name, Speaker.name_en == name, Speaker.id.in_(by_alias))
    )


def list_speakers(session: Session, filters: SpeakerFilters) -> PageOf[SpeakerPublic]:
    keys = [SortKey(Speaker.id)]
    statement = select(Speaker)
    if filters.name is not None:
        statement = statement.where(Speaker.id.in_(speaker_ids_named(filters.name)))
    if filters.kind is not None:
        statement = statement.where(Speaker.kind == filters.kind)
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).scalars().all()
    shown = _speakers_by_id(session, [s.id for s in rows[: filters.limit]])
    return [shown[s.id] for s in rows[: filters.limit]], next_cursor(rows, keys, filters.limit)


def get_speaker(session: Session, speaker_id: int) -> SpeakerPublic:
    get_or_404(session, Speaker, speaker_id, "speaker")
    return _speakers_by_id(session, [speaker_id])[speaker_id]


# Quotes


def _quote_public(quote: Quote, speakers: dict[int, SpeakerPublic]) -> QuotePublic:
    speaker = speakers.get(quote.speaker_id) if quote.speaker_id is not None else None
    return QuotePublic.model_validate(
        {**quote.model_dump(), "speaker": speaker.name if speaker else None}
    )


def _quotes_public(session: Session, quotes: Sequence[Quote]) -> list[QuotePublic]:
    ids = {q.speaker_id for q in quotes if q.speaker_id is not None}
    names: dict[int, str] = {}
    if ids:
        query = select(Speaker.id, Speaker.name).where(Speaker.id.in_(ids))
        names = dict(session.execute(query).all())
    return [
        QuotePublic.model_validate({**q.model_dump(), "speaker": names.get(q.speaker_id)})
        for q in quotes
    ]


def list_quotes(session: Session, filters: QuoteFilters) -> PageOf[QuotePublic]:
    keys = [SortKey(Quote.id)]
    statement = select(Quote)
    if filters.article_id is not None:
        statement = statement.where(Quote.article_id == filters.article_id)
    if filters.speaker_id is not None:
        statement = statement.where(Quote.speaker_id == filters.speaker_id)
    if filters.speaker is not None:
        statement = statement.where(Quote.speaker_id.in_(speaker_ids_named(filters.speaker)))
    if filters.kind is not None:
        statement = statement.where(Quote.kind == filters.kind)
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).scalars().all()
    return _quotes_public(session, rows[: filters.limit]), next_cursor(rows, keys, filters.limit)


def get_quote(session: Session, quote_id: int) -> QuotePublic:
    return _quotes_public(session, [get_or_404(session, Quote, quote_id, "quote")])[0]


# Pledges


def list_pledges(session: Session, filters: PledgeFilters) -> PageOf[PledgePublic]:
    keys = [SortKey(Pledge.id)]
    statement = select(Pledge)
    if filters.article_id is not None:
        statement = statement.where(Pledge.article_id == filters.article_id)
    if filters.speaker_id is not None:
        statement = statement.where(Pledge.speaker_id == filters.speaker_id)
    if filters.donor is not None:
        statement = statement.where(Pledge.donor == filters.donor)
    if filters.currency is not None:
        statement = statement.where(Pledge.currency == filters.currency)
    if filters.min_amount is not None:
        statement = statement.where(Pledge.amount >= filters.min_amount)
    if filters.max_amount is not None:
        statement = statement.where(Pledge.amount <= filters.max_amount)
    if filters.status is not None:
        statement = statement.where(Pledge.status == filters.status)
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).scalars().all()
    items = [PledgePublic.model_validate(p.model_dump()) for p in rows[: filters.limit]]
    return items, next_cursor(rows, keys, filters.limit)


def get_pledge(session: Session, pledge_id: int) -> PledgePublic:
    return PledgePublic.model_validate(get_or_404(session, Pledge, pledge_id, "pledge").model_dump())


# Dates


def list_dates(session: Session, filters: DateFilters) -> PageOf[DatePublic]:
    keys = [SortKey(DateMention.id)]
    statement = select(DateMention)
    if filters.article_id is not None:
        statement = statement.where(DateMention.article_id == filters.article_id)
    if filters.from_ is not None:
        statement = statement.where(DateMention.ends_on >= filters.from_)
    if filters.to is not None:
        statement = statement.where(DateMention.starts_on <= filters.to)
    if filters.grain is not None:
        statement = statement.where(DateMention.grain == filters.grain)
    if filters.relative is not None:
        statement = statement.where(DateMention.relative == filters.relative)
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).scalars().all()
    items = [DatePublic.model_validate(d.model_dump()) for d in rows[: filters.limit]]
    return items, next_cursor(rows, keys, filters.limit)


def get_date(session: Session, date_id: int) -> DatePublic:
    return DatePublic.model_validate(get_or_404(session, DateMention, date_id, "date").model_dump())


# Organizations and places share one shape: an entity table and a mention table.

EntityModel: TypeAlias = type[Organization] | type[Place]
MentionModel: TypeAlias = type[OrganizationMention] | type[PlaceMention]


def _mention_counts(session: Session, fk: Any, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = select(fk, func.count()).where(fk.in_(ids)).group_by(fk)
    return dict(session.execute(query).all())


def list_entities(
    session: Session, model: EntityModel, mention: MentionModel, fk: Any, filters: EntityFilters
) -> PageOf[EntityPublic]:
    keys = [SortKey(model.id)]
    statement = select(model)
    if filters.name is not None:
        statement = statement.where(or_(model.name == filters.name, model.name_ar == filters.name))
    if filters.kind is not None:
        statement = statement.where(model.kind == filters.kind)
    if filters.article_id is not None:
        statement = statement.where(
            model.id.in_(select(fk).where(mention.article_id == filters.article_id))
        )
    rows = session.execute(page_query(statement, keys, filters.cursor, filters.limit)).scalars().all()
    shown = rows[: filters.limit]
    counts = _mention_counts(session, fk, [e.id for e in shown])
    items = [
        EntityPublic.model_validate({**e.model_dump(), "mention_count": counts.get(e.id, 0)})
        for e in shown
    ]
    return items, next_cursor(rows, keys, filters.limit)


def get_entity(
    session: Session, model: EntityModel, mention: MentionModel, fk: Any, entity_id: int, noun: str
) -> EntityDetail:
    entity = get_or_404(session, model, entity_id, noun)
    mentions = session.execute(
        select(mention).where(fk == entity_id).order_by(mention.article_id, mention.start)
    ).scalars().all()
    return EntityDetail.model_validate(
        {
            **entity.model_dump(),
            "mention_count": len(mentions),
            "mentions": [MentionPublic.model_validate(m.model_dump()) for m in mentions],
        }
    )


def _entities_in_article(
    session: Session, model: EntityModel, mention: MentionModel, fk: Any, article_id: int
) -> list[EntityDetail]:
    rows = session.execute(
        select(model, mention)
        .join(mention, fk == model.id)
        .where(mention.article_id == article_id)
        .order_by(model.id, mention.start)
    ).all()
    grouped: dict[int, tuple[Any, list[MentionPublic]]] = {}
    for entity, found in rows:
        grouped.setdefault(entity.id, (entity, []))[1].append(
            MentionPublic.model_validate(found.model_dump())
        )
    return [
        EntityDetail.model_validate(
            {**entity.model_dump(), "mention_count": len(found), "mentions": found}
        )
        for entity, found in grouped.values()
    ]
