"""Every fact of one article, read and written as JSON in one statement.

The bundle's lists (speakers with their aliases, quotes, pledges, dates, organizations and places with
their mentions) are each written by the database as the text of a JSON array beside the article's row
(app.services.json_items): one statement where there were six, and no models made in Python but the
article's, whose datetime the database writes otherwise than pydantic."""

from functools import cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Select, and_, bindparam, func, select, union

from app.db import fetch
from app.errors import NotFound
from app.models import (
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
from app.schemas.bundle import ArticleFacts
from app.schemas.date_mention import DatePublic
from app.schemas.entity import EntityDetail, MentionPublic
from app.schemas.pledge import PledgePublic
from app.schemas.quote import QuotePublic
from app.schemas.speaker import SpeakerPublic
from app.services.json_items import handed_over, json_array, json_object
from app.services.queries import (
    ARTICLE_BY_ID,
    DATE_COLUMNS,
    PLEDGE_COLUMNS,
    QUOTE_ROWS,
    SPEAKER_COLUMNS,
    EntityModel,
    MentionModel,
    article_detail,
)

ARTICLE_ID = bindparam("article_id")
# The bundle's fields after the article, each a list.
LISTS = [name for name in ArticleFacts.model_fields if name != "article"]
# Facts in the order they appear in the text.
IN_TEXT = ["start", "id"]


def _speakers(dialect: str) -> Any:
    """The speakers of the article's quotes and pledges, by id, each with its aliases."""
    aliases = select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == Speaker.id).correlate(Speaker)
    speaking = union(
        select(Quote.speaker_id).where(Quote.article_id == ARTICLE_ID),
        select(Pledge.speaker_id).where(Pledge.article_id == ARTICLE_ID),
    )
    rows = select(*SPEAKER_COLUMNS, json_array(aliases, ["alias"], dialect).label("aliases"))
    return json_array(rows.where(Speaker.id.in_(speaking)), ["id"], dialect, SpeakerPublic)


def _entities(model: EntityModel, mention: MentionModel, fk: Any, dialect: str) -> Any:
    """The entities the article mentions, by id, each with its mentions in the article."""
    in_article = and_(fk == model.id, mention.article_id == ARTICLE_ID)
    mentions = select(*(getattr(mention, name) for name in MentionPublic.model_fields)).where(in_article)
    count = select(func.count()).select_from(mention).where(in_article).correlate(model)
    rows = select(
        model.id,
        model.name,
        model.name_ar,
        model.kind,
        count.scalar_subquery().label("mention_count"),
        json_array(mentions.correlate(model), ["start", "end"], dialect, MentionPublic).label("mentions"),
    ).where(model.id.in_(select(fk).where(mention.article_id == ARTICLE_ID)))
    return json_array(rows, ["id"], dialect, EntityDetail)


def _of_article(rows: Select[Any], table: Any, model: type[BaseModel], dialect: str) -> Any:
    """The article's facts of one kind, in text order."""
    return json_array(rows.where(table.article_id == ARTICLE_ID), IN_TEXT, dialect, model)


@cache
def _bundle(dialect: str) -> Select[Any]:
    """The article's row, with each list of the bundle beside it as JSON, in the bundle's order."""
    lists = {
        "speakers": _speakers(dialect),
        "quotes": _of_article(QUOTE_ROWS, Quote, QuotePublic, dialect),
        "pledges": _of_article(select(*PLEDGE_COLUMNS), Pledge, PledgePublic, dialect),
        "dates": _of_article(select(*DATE_COLUMNS), DateMention, DatePublic, dialect),
        "organizations": _entities(
            Organization, OrganizationMention, OrganizationMention.organization_id, dialect
        ),
        "places": _entities(Place, PlaceMention, PlaceMention.place_id, dialect),
    }
    assert list(lists) == LISTS, "the bundle's lists, in its order"
    columns = (handed_over(value, dialect).label(name) for name, value in lists.items())
    return ARTICLE_BY_ID.add_columns(*columns)


def article_facts(connection: Connection, article_id: int) -> bytes:
    """The JSON of the article's ArticleFacts, byte for byte as pydantic writes it."""
    found = fetch(connection, _bundle(connection.dialect.name), {"article_id": article_id})
    if not found:
        raise NotFound(f"No article has id {article_id}.")
    row = found[0]
    article = article_detail(row).model_dump_json()
    return json_object({"article": article, **{name: getattr(row, name) for name in LISTS}})
