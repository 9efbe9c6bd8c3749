"""List items whose JSON the database writes are the bytes pydantic writes (app.services.json_items)."""

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field, computed_field, field_serializer
from sqlalchemy import select, text

from app.api.paging import page_json
from app.models import Quote, Speaker
from app.schemas.date_mention import DatePublic
from app.schemas.entity import EntityDetail
from app.schemas.filters import DateFilters, ListParams, PledgeFilters, QuoteFilters
from app.schemas.page import Page
from app.schemas.pledge import PledgePublic
from app.schemas.quote import QuotePublic
from app.schemas.speaker import SpeakerPublic
from app.services import queries
from app.services.json_items import json_array, written_alike
from tests.factories import AWKWARD, add_article

LISTINGS: list[tuple[Callable[..., Any], type[ListParams], type[BaseModel]]] = [
    (queries.list_quotes, QuoteFilters, QuotePublic),
    (queries.list_pledges, PledgeFilters, PledgePublic),
    (queries.list_dates, DateFilters, DatePublic),
]


def test_pages_the_database_writes_are_the_bytes_pydantic_writes(application: FastAPI, seeded: int) -> None:
    article_id = add_article(
        application,
        f"نص {AWKWARD} ومبلغ 5 ملايين دولار في {AWKWARD} يوم 3 مارس 2021.",
        quotes=[AWKWARD],
        pledges=[{"evidence": "5 ملايين دولار", "amount": 5_000_000, "currency": None, "donor": AWKWARD}],
        dates=[{"evidence": "3 مارس 2021", "value": "2021-03-03", "grain": "day", "relative": True}],
    )
    database = application.state.database
    with database.session(write=True) as session:
        for table in ("quote", "pledge", "date_mention"):
            curate = text(f"UPDATE {table} SET curated = TRUE WHERE article_id = :id")
            session.execute(curate, {"id": article_id})
        session.commit()
    compared = 0
    for listing, filters, model in LISTINGS:
        for sort in filters.model_fields["sort"].annotation.__args__:  # type: ignore[union-attr]
            cursor = None
            while True:
                params = filters.model_validate({"sort": sort, "limit": 2, "cursor": cursor, "count": True})

                def read(connection: Any, json: bool, params: ListParams = params) -> Any:
                    return queries.page(connection, listing(connection, params), params, json=json)

                written = database.read(read, True)
                validated = database.read(read, False)
                assert written.json and not validated.json
                page = Page[model](  # type: ignore[valid-type]
                    items=validated.items, next_cursor=validated.next_cursor, total=validated.total
                )
                expected = page.model_dump_json().encode()
                assert page_json(written) == expected
                assert written.next_cursor == validated.next_cursor
                compared += 1
                cursor = validated.next_cursor
                if cursor is None:
                    break
    assert compared > 20


class Amount(BaseModel):
    value: float


class Dated(BaseModel):
    on: date


class Amounts(BaseModel):
    values: list[float]


class Nested(BaseModel):
    on: list[Dated]


class Aliased(BaseModel):
    value: int = Field(serialization_alias="amount")


class Computed(BaseModel):
    value: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def double(self) -> int:
        return self.value * 2


class Serialized(BaseModel):
    value: int

    @field_serializer("value")
    def shown(self, value: int) -> str:
        return str(value)


@pytest.mark.parametrize("model", [QuotePublic, PledgePublic, DatePublic, SpeakerPublic, EntityDetail])
def test_plain_models_are_written_by_the_database(model: type[BaseModel]) -> None:
    assert written_alike(model)


@pytest.mark.parametrize("model", [Amount, Dated, Amounts, Nested, Aliased, Computed, Serialized])
def test_models_written_otherwise_keep_pydantic(model: type[BaseModel]) -> None:
    assert not written_alike(model)


def test_an_array_puts_nulls_last_across_an_outer_join(application: FastAPI, seeded: int) -> None:
    """A column NOT NULL in its table is NULL on the optional side of an outer join; there too the
    array is in ascending order with nulls last (a speaker with no quote has no quote's start)."""
    database = application.state.database
    with database.session(write=True) as session:
        session.add(Speaker(name="Nobody quoted"))
        session.commit()
    rows = select(Quote.start).select_from(Speaker).outerjoin(Quote, Quote.speaker_id == Speaker.id)

    def read(connection: Any) -> list[int | None]:
        written = connection.execute(select(json_array(rows, ["start"], connection.dialect.name))).scalar()
        return json.loads(written)

    starts = database.read(read)
    known = sorted(start for start in starts if start is not None)
    assert len(known) >= 2
    assert starts == known + [None] * (len(starts) - len(known))
