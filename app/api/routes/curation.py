"""Curation: correct (PATCH) or delete facts, and read each one's audit trail. Writes need a key."""

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from app.api.body import require_json
from app.api.deps import DatabaseDep, WriteSessionDep
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.api.security import WriteAccess
from app.errors import problem_responses
from app.schemas.curation import AuditEventPublic, DateUpdate, PledgeUpdate, QuoteUpdate, SpeakerUpdate
from app.schemas.filters import ListParams
from app.schemas.page import Page
from app.services import curation, queries

WRITE_ERRORS = problem_responses(401, 403, 404, 413, 422, 429)
UPDATE_ERRORS = problem_responses(400, 401, 403, 404, 413, 415, 422, 429)


def history_route(router: APIRouter, resource: str, noun: str, id_name: str) -> None:
    async def get_history(
        request: Request,
        response: Response,
        row_id: Annotated[int, id_path(1, id_name)],
        params: Annotated[ListParams, query(ListParams)],
    ) -> Page[AuditEventPublic]:
        listing = partial(curation.history, resource=resource, row_id=row_id)
        return await respond(request, response, listing, params, AuditEventPublic)

    router.add_api_route(
        f"/{{{id_name}:int}}/history",
        get_history,
        methods=["GET"],
        name=f"get_{resource}_history",
        summary=f"Get the history of {noun}",
        description="Every change and deletion, oldest first: key, time, before and after. "
        "The history outlives a deletion.",
        responses={**problem_responses(400, 404, 406, 422), **export_responses()},
    )


def delete_route(router: APIRouter, resource: str, noun: str, id_name: str) -> None:
    def delete_fact(
        caller: WriteAccess,
        session: WriteSessionDep,
        row_id: Annotated[int, id_path(1, id_name)],
    ) -> Response:
        if resource == "article":
            curation.delete_article(session, row_id, caller.key_id)
        else:
            curation.delete(session, resource, row_id, caller.key_id)
        session.commit()
        return Response(status_code=204)

    router.add_api_route(
        f"/{{{id_name}:int}}",
        delete_fact,
        methods=["DELETE"],
        status_code=204,
        response_class=Response,
        name=f"delete_{resource}",
        summary=f"Delete {noun}",
        description=f"Delete {noun} (needs an API key); the deletion is kept in its history."
        + (" Its facts go with it." if resource == "article" else ""),
        responses=WRITE_ERRORS,
    )


def fact_router(
    plural: str, resource: str, noun: str, update_model: Any, get_public: Callable[[Any, int], Any]
) -> APIRouter:
    router = resource_router(f"/{plural}", plural)
    id_name = f"{resource}_id"
    public_model = get_public.__annotations__["return"]

    def update_fact(
        caller: WriteAccess,
        _json: Annotated[None, Depends(require_json)],
        session: WriteSessionDep,
        database: DatabaseDep,
        row_id: Annotated[int, id_path(1, id_name)],
        patch: update_model,  # type: ignore[valid-type]
    ) -> Any:
        curation.update(session, resource, row_id, patch, caller.key_id)
        session.commit()
        # Read back on the reader: another statement on the writer would take SQLite's write
        # lock again and hold it until the session closes, in another thread.
        return database.read(get_public, row_id)

    router.add_api_route(
        f"/{{{id_name}:int}}",
        update_fact,
        methods=["PATCH"],
        response_model=public_model,
        name=f"update_{resource}",
        summary=f"Correct {noun}",
        description=f"Change the fields sent (needs an API key); {noun} is then marked curated and "
        "the change is kept in its history. Offsets are evidence and cannot be changed.",
        responses=UPDATE_ERRORS,
    )
    if resource != "speaker":
        delete_route(router, resource, noun, id_name)
    history_route(router, resource, noun, id_name)
    return router


def article_router() -> APIRouter:
    router = resource_router("/articles", "articles")
    delete_route(router, "article", "an article", "article_id")
    history_route(router, "article", "an article", "article_id")
    return router


routers = [
    article_router(),
    fact_router("speakers", "speaker", "a speaker", SpeakerUpdate, queries.get_speaker),
    fact_router("quotes", "quote", "a quote", QuoteUpdate, queries.get_quote),
    fact_router("pledges", "pledge", "a pledge", PledgeUpdate, queries.get_pledge),
    fact_router("dates", "date", "a date", DateUpdate, queries.get_date),
]
