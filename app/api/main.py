"""Every resource router, collected under /v1."""

from fastapi import APIRouter

from app.api.routes import articles, dates, entities, pledges, quotes, search, speakers, timeline

api_router = APIRouter(prefix="/v1")
for router in (
    articles.router,
    speakers.router,
    quotes.router,
    pledges.router,
    dates.router,
    entities.organizations,
    entities.places,
    timeline.router,
    search.router,
):
    api_router.include_router(router)
