"""Liveness."""

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


@router.get("/health", summary="Liveness check")
def get_health() -> Health:
    """Answers while the process serves requests."""
    return Health(status="ok")
