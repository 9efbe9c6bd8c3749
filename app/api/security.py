"""API keys and rate limits, as dependencies: every write route declares WriteAccess."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.deps import DatabaseDep, SettingsDep
from app.api.routing import API_PREFIX
from app.db import Database
from app.errors import AppError, Forbidden, TooManyRequests, Unauthorized, problem_response
from app.services import keys, rate_limit
from app.services.keys import Caller
from app.settings import Settings

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


# Declared as security schemes so that the OpenAPI document and /docs show how to send a key;
# auto_error=False because a missing key is answered by `required` as problem+json.
bearer_scheme = HTTPBearer(auto_error=False, description="An API key from `facts keys create`.")
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The same key, in its own header."
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
ApiKeyHeaderDep = Annotated[str | None, Depends(api_key_scheme)]


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


def meter(limits: rate_limit.RateLimits, buckets: list[tuple[str, int]]) -> None:
    """Count one request against each (bucket, limit), in one transaction; 429 with Retry-After
    once a window's limit is spent. A limit of 0 is no limit."""
    metered = [(bucket, limit) for bucket, limit in buckets if limit > 0]
    if not metered:
        return
    refused = [verdict.retry_after for verdict in limits.meter(metered) if not verdict.allowed]
    if refused:
        retry_after = max(refused)
        raise TooManyRequests(
            f"Rate limit reached; try again in {retry_after} s.", headers={"Retry-After": str(retry_after)}
        )


def identify(request: Request, database: Database) -> int | None:
    """The id of the request's valid key; None when it sends no key at all; 403 for a bad key."""
    key = presented_key(request)
    if key is None:
        return None
    with database.session() as session:
        key_id = keys.active_key_id(session, key)
    if key_id is None:
        raise Forbidden("The API key is not valid or has been revoked.")
    request.state.api_key_id = key_id
    return key_id


def required(key_id: int | None) -> int:
    """401 without a key."""
    if key_id is None:
        raise Unauthorized(
            "This request needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return key_id


def require_write_key(
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    _bearer: BearerDep,
    _header: ApiKeyHeaderDep,
) -> Caller:
    """The key behind a write: 401 without one, 403 for a bad one, 429 past a rate limit."""
    address = (f"address:{client_address(request)}", settings.rate_limit_per_address)
    try:
        key_id = identify(request, database)
    except Forbidden:
        # Failed attempts count against the address too, so that guessing keys is throttled.
        meter(request.app.state.rate_limits, [address])
        raise
    buckets = [address] if key_id is None else [address, (f"key:{key_id}", settings.rate_limit_per_key)]
    meter(request.app.state.rate_limits, buckets)
    return Caller(required(key_id))


class ReadAccessMiddleware:
    """Reads of the API (`/v1/...`) when they take a key or are metered: installed only then, so
    that open reads, the default, pass no check at all. Inside CORS, so that preflights are
    answered first; an unknown path needs a key like any other read."""

    def __init__(
        self, app: ASGIApp, database: Database, settings: Settings, limits: rate_limit.RateLimits
    ) -> None:
        self.app = app
        self.database = database
        self.settings = settings
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in READ_METHODS
            or not scope["path"].startswith(API_PREFIX + "/")
        ):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            await run_in_threadpool(self.check, request)
        except AppError as error:
            response = problem_response(request, error.status, error.detail, headers=error.headers)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def check(self, request: Request) -> None:
        if self.settings.read_rate_limit_per_address:
            bucket = (f"read-address:{client_address(request)}", self.settings.read_rate_limit_per_address)
            meter(self.limits, [bucket])
        if self.settings.read_requires_key:
            required(identify(request, self.database))


def install_access(app: FastAPI, database: Database, settings: Settings) -> None:
    """Rate limits for writes (WriteAccess) and, when reads take a key or are metered, the reads'
    middleware."""
    limits = app.state.rate_limits = rate_limit.RateLimits(database, settings.rate_limit_window_seconds)
    if settings.read_requires_key or settings.read_rate_limit_per_address:
        app.add_middleware(ReadAccessMiddleware, database=database, settings=settings, limits=limits)


WriteAccess = Annotated[Caller, Depends(require_write_key)]
