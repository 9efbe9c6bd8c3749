"""API keys and rate limits, as dependencies: every write route declares WriteAccess."""

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from app.api.deps import get_database, get_settings
from app.db import Database
from app.errors import Forbidden, TooManyRequests, Unauthorized
from app.services import keys, rate_limit
from app.services.keys import Caller
from app.settings import Settings

DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def presented_key(request: Request) -> str | None:
    """The key from `Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    authorization = request.headers.get("authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    key = request.headers.get("x-api-key", "").strip()
    return key or None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def meter(database: Database, settings: Settings, bucket: str, limit: int) -> None:
    """Count one request against `bucket`; 429 with Retry-After once the window's limit is spent."""
    if limit == 0:
        return
    with database.session(write=True) as session:
        verdict = rate_limit.hit(session, bucket, limit, settings.rate_limit_window_seconds)
        session.commit()
    if not verdict.allowed:
        raise TooManyRequests(
            f"Rate limit reached; try again in {verdict.retry_after} s.",
            headers={"Retry-After": str(verdict.retry_after)},
        )


def authenticate(request: Request, database: Database) -> int:
    """The id of the request's valid key: 401 without a key, 403 for an unknown or revoked one."""
    key = presented_key(request)
    if key is None:
        raise Unauthorized(
            "This request needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    with database.session() as session:
        key_id = keys.active_key_id(session, key)
    if key_id is None:
        raise Forbidden("The API key is not valid or has been revoked.")
    request.state.api_key_id = key_id
    return key_id


def require_write_key(request: Request, database: DatabaseDep, settings: SettingsDep) -> Caller:
    # The address is metered before the key is checked, so that guessing keys is throttled too.
    meter(database, settings, f"address:{client_address(request)}", settings.rate_limit_per_address)
    key_id = authenticate(request, database)
    meter(database, settings, f"key:{key_id}", settings.rate_limit_per_key)
    return Caller(key_id)


async def read_access(request: Request, database: DatabaseDep, settings: SettingsDep) -> None:
    """Reads are public and unmetered by default, and then cost nothing here."""
    if request.method not in READ_METHODS:
        return
    if settings.read_rate_limit_per_address:
        bucket = f"read-address:{client_address(request)}"
        await run_in_threadpool(meter, database, settings, bucket, settings.read_rate_limit_per_address)
    if settings.read_requires_key:
        await run_in_threadpool(authenticate, request, database)


WriteAccess = Annotated[Caller, Depends(require_write_key)]
