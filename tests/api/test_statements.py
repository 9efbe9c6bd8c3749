"""Requests reuse the statements of their shape: new values never build, or keep, new statements."""

import httpx
import pytest

from app.services.pagination import _segments

pytestmark = pytest.mark.anyio

SHAPES = [
    "/v1/search?q={word}",
    "/v1/search?q={word}&kind=quote&article_id={number}",
    "/v1/quotes?speaker={word}",
    "/v1/quotes?q={word}&kind=direct",
    "/v1/pledges?min_amount={number}&sort=-amount",
    "/v1/pledges?donor={word}&count=true",
    "/v1/dates?grain=year&article_id={number}",
    "/v1/articles?language=ar&published_from=2020-01-0{number}",
    "/v1/organizations?name={word}",
]


async def test_new_values_reuse_the_statements_of_their_shape(client: httpx.AsyncClient, seeded: int) -> None:
    """A name resolving to one speaker, to none, a search term found or not: each is a shape of
    its own, built once; after them, other values add nothing."""

    async def ask(number: int) -> None:
        for word in ["بلينكن", "الإرهاب", "Blinken", "nowhere"]:
            for shape in SHAPES:
                response = await client.get(shape.format(word=word, number=number))
                assert response.status_code == 200, shape

    await ask(1)
    built = _segments.cache_info().currsize
    for number in (2, 3, 4):
        await ask(number)
    assert _segments.cache_info().currsize == built
