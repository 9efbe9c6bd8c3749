"""Liveness."""

from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


@router.get("/health", summary="Liveness check")
def get_health() -> Health:
    """Answers while the process serves requests."""
    return Health(status="ok")
