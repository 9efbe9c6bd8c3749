"""Organizations and places: one router shape, with the span of every mention."""

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response

from app.api.deps import read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.errors import problem_responses
from app.models import Organization, OrganizationMention, Place, PlaceMention
from app.schemas.entity import ORGANIZATION_EXAMPLE, PLACE_EXAMPLE, EntityDetail, EntityPublic
from app.schemas.filters import EntityFilters
from app.schemas.page import Page, example_response, page_example
from app.services import queries


def entity_router(
    plural: str,
    singular: str,
    model: Any,
    mention: Any,
    fk: Any,
    example: dict[str, Any],
    article: str = "a",
) -> APIRouter:
    router = resource_router(f"/{plural}", plural)
    # Organizations and places share one schema, so each router shows an example of its own kind.
    listed = {key: value for key, value in example.items() if key != "mentions"}
    id_name = f"{singular}_id"

    async def list_entities(
        request: Request,
        response: Response,
        filters: Annotated[EntityFilters, query(EntityFilters)],
    ) -> Page[EntityPublic]:
        listing = partial(queries.list_entities, model=model, mention=mention, fk=fk, filters=filters)
        return await respond(request, response, listing, filters, EntityPublic)

    async def get_entity(
        request: Request, entity_id: Annotated[int, id_path(example["id"], id_name)]
    ) -> EntityDetail:
        return await read(request, queries.get_entity, model, mention, fk, entity_id, singular)

    router.add_api_route(
        "",
        list_entities,
        methods=["GET"],
        name=f"list_{plural}",
        summary=f"List {plural}",
        description=f"{plural.capitalize()} with their mention counts; filter by name, kind or article.",
        responses={
            **problem_responses(400, 406, 422),
            **export_responses(example=page_example(listed)),
        },
    )
    router.add_api_route(
        f"/{{{id_name}:int}}",
        get_entity,
        methods=["GET"],
        name=f"get_{singular}",
        summary=f"Get {article} {singular}",
        description=f"One {singular} with the span of every mention.",
        responses={200: example_response(example), **problem_responses(404, 422)},
    )
    return router


organizations = entity_router(
    "organizations",
    "organization",
    Organization,
    OrganizationMention,
    OrganizationMention.organization_id,
    ORGANIZATION_EXAMPLE,
    article="an",
)
places = entity_router("places", "place", Place, PlaceMention, PlaceMention.place_id, PLACE_EXAMPLE)
