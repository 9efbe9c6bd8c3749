"""Every route of the API, as one flat list."""

from itertools import chain

from starlette.routing import BaseRoute

from app.api.routes import (
    articles,
    curation,
    dates,
    entities,
    health,
    pledges,
    quotes,
    search,
    speakers,
    timeline,
)

ROUTERS = (
    health.router,
    articles.router,
    speakers.router,
    quotes.router,
    pledges.router,
    dates.router,
    entities.organizations,
    entities.places,
    *curation.routers,
    timeline.router,
    search.router,
)


def api_routes() -> list[BaseRoute]:
    return list(chain.from_iterable(router.routes for router in ROUTERS))
