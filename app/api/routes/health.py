"""Liveness, readiness and Prometheus metrics."""

from fastapi import Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import SQLAlchemyError

from app.api import routing
from app.api.deps import DatabaseDep
from app.errors import ServiceUnavailable, problem_responses
from app.metrics import exposition
from app.services import migrations

router = routing.router(tags=["health"])

METRICS_EXAMPLE = """\
# HELP facts_http_requests_total HTTP requests answered.
# TYPE facts_http_requests_total counter
facts_http_requests_total{method="GET",route="/v1/pledges",status="200"} 42.0
# HELP facts_extracted_total Facts stored with newly ingested articles.
# TYPE facts_extracted_total counter
facts_extracted_total{kind="pledges"} 3.0
"""


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


class Readiness(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "revision": sorted(migrations.head_revisions())}]}
    )

    status: str
    revision: list[str]


@router.get("/health", summary="Liveness check")
def get_health() -> Health:
    """Answers while the process serves requests."""
    return Health(status="ok")


@router.get("/ready", summary="Readiness check", responses=problem_responses(503))
def get_ready(database: DatabaseDep) -> Readiness:
    """Ready when the database answers and its schema is at the newest migration; 503 otherwise."""
    try:
        with database.reading() as connection:
            current = migrations.current_revisions(connection)
    except SQLAlchemyError as exc:
        raise ServiceUnavailable("The database is not reachable.") from exc
    if current != migrations.head_revisions():
        raise ServiceUnavailable(
            f"The database schema is at {sorted(current) or 'no revision'}, "
            f"not {sorted(migrations.head_revisions())}; run `facts db upgrade`."
        )
    return Readiness(status="ready", revision=sorted(current))


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {
            "content": {CONTENT_TYPE_LATEST: {"example": METRICS_EXAMPLE}},
            "description": "Prometheus text format.",
        }
    },
)
def get_metrics() -> Response:
    """Requests and latency by route, and facts stored by kind, in the Prometheus text format."""
    return Response(exposition(), media_type=CONTENT_TYPE_LATEST)
