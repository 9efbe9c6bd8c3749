"""Every resource router, collected under /v1."""

from fastapi import APIRouter, Depends

from app.api.routes import (
    articles,
    curation,
    dates,
    entities,
    pledges,
    quotes,
    search,
    speakers,
    timeline,
)
from app.api.security import read_access

api_router = APIRouter(prefix="/v1", dependencies=[Depends(read_access)])
for router in (
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
):
    api_router.include_router(router)
