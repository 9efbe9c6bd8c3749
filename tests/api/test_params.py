"""Query models read by `app.api.params.query`: documented exactly as FastAPI documents its own
query models, and validated with FastAPI's error locations."""

from typing import Annotated, Any

import httpx
import pytest
from fastapi import FastAPI, Query
from fastapi.routing import APIRoute
from pydantic import BaseModel

from app.api.params import QUERY_MODELS, query_parameters
from app.main import create_app


def fastapi_parameters(model: Any) -> list[dict[str, Any]]:
    reference = FastAPI()

    @reference.get("/")
    def listing(filters: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
        pass

    return reference.openapi()["paths"]["/"]["get"]["parameters"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("model", sorted(set(QUERY_MODELS.values()), key=lambda m: m.__name__))
def test_documented_as_fastapi_documents_query_models(model: Any) -> None:
    assert query_parameters(model) == fastapi_parameters(model)


def test_no_route_leaves_a_query_model_to_fastapi() -> None:
    for route in create_app().routes:
        if isinstance(route, APIRoute):
            for parameter in route.dependant.query_params:
                annotation = parameter.field_info.annotation
                assert not (isinstance(annotation, type) and issubclass(annotation, BaseModel)), route.path


@pytest.mark.anyio
async def test_errors_name_the_query_parameter(client: httpx.AsyncClient, seeded: int) -> None:
    unknown = await client.get("/v1/pledges?curency=USD")
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["loc"] == ["query", "curency"]
    crossed = await client.get("/v1/pledges?min_amount=5&max_amount=1")
    assert crossed.status_code == 422 and crossed.json()["errors"][0]["loc"] == ["query"]
    missing = await client.get("/v1/search")
    assert missing.status_code == 422 and missing.json()["errors"][0]["loc"] == ["query", "q"]


@pytest.mark.anyio
async def test_a_repeated_parameter_takes_its_last_value(client: httpx.AsyncClient, seeded: int) -> None:
    kinds = {q["kind"] for q in (await client.get("/v1/quotes?kind=direct&kind=indirect")).json()["items"]}
    assert kinds == {"indirect"}
