"""One error hierarchy and one handler: every failure answers application/problem+json (RFC 9457)."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger("app.errors")


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


class AppError(Exception):
    status = HTTPStatus.INTERNAL_SERVER_ERROR

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers


class BadRequest(AppError):
    status = HTTPStatus.BAD_REQUEST


class Unauthorized(AppError):
    status = HTTPStatus.UNAUTHORIZED


class Forbidden(AppError):
    status = HTTPStatus.FORBIDDEN


class NotFound(AppError):
    status = HTTPStatus.NOT_FOUND


class Conflict(AppError):
    status = HTTPStatus.CONFLICT


class NotAcceptable(AppError):
    status = HTTPStatus.NOT_ACCEPTABLE


class PayloadTooLarge(AppError):
    status = HTTPStatus.REQUEST_ENTITY_TOO_LARGE


class UnsupportedMediaType(AppError):
    status = HTTPStatus.UNSUPPORTED_MEDIA_TYPE


class Unprocessable(AppError):
    status = HTTPStatus.UNPROCESSABLE_ENTITY


class TooManyRequests(AppError):
    status = HTTPStatus.TOO_MANY_REQUESTS


class ServiceUnavailable(AppError):
    status = HTTPStatus.SERVICE_UNAVAILABLE


def problem_response(
    request: Request,
    status: int,
    detail: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem_response(request, exc.status, exc.detail, exc.errors, exc.headers)


def _allowed_methods(request: Request) -> str:
    """Every method served at the request's path. Starlette's 405 names only the methods of the
    first route with that path, and a path's GET, PATCH and DELETE are routes of their own."""
    methods: set[str] = set()
    for route in request.app.routes:
        if route.matches(request.scope)[0] != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    if "GET" in methods:
        methods.add("HEAD")  # HeadAsGet
    return ", ".join(sorted(methods))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else None
    headers = exc.headers
    if exc.status_code == 405:
        headers = {**(headers or {}), "Allow": _allowed_methods(request)}
    return problem_response(request, exc.status_code, detail, headers=headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    if any(error["type"] == "json_invalid" for error in errors):
        # A body that does not parse is malformed (400), as POST /v1/articles answers it, not invalid.
        return problem_response(request, 400, "The body is not valid JSON.")
    return problem_response(request, 422, "The request is not valid; see errors.", errors)


NUMERIC_VALUE_OUT_OF_RANGE = "22003"  # SQLSTATE


async def _number_out_of_range(request: Request, exc: Exception) -> JSONResponse:
    # A number beyond what the database column holds (SQLite: 64 bits, PostgreSQL: the column's
    # type) was asked for: no row can have it, so the request is at fault, not the service.
    return problem_response(request, 422, "A number in the request is out of range.")


async def _database_data_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DataError)
    if getattr(exc.orig, "sqlstate", None) == NUMERIC_VALUE_OUT_OF_RANGE:
        return await _number_out_of_range(request, exc)
    return await _unexpected_error(request, exc)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Runs outside the request middleware, so the request id comes from the request's state.
    request_id = getattr(request.state, "request_id", None)
    logger.exception(
        "unhandled error on %s %s",
        request.method,
        request.url.path,
        exc_info=exc,
        extra={"fields": {"request_id": request_id}},
    )
    return problem_response(request, 500, "An unexpected error occurred.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OverflowError, _number_out_of_range)
    app.add_exception_handler(DataError, _database_data_error)
    app.add_exception_handler(Exception, _unexpected_error)


# What the seed-loaded server answers to GET /v1/pledges?cursor=zzz, /v1/pledges/987654, /v1/pledges?limit=0.
PROBLEM_EXAMPLES: dict[int, dict[str, Any]] = {
    400: {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "The cursor is not valid; pass back a next_cursor as given.",
        "instance": "/v1/pledges",
    },
    401: {
        "type": "about:blank",
        "title": "Unauthorized",
        "status": 401,
        "detail": "This request needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
        "instance": "/v1/articles",
    },
    403: {
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
        "detail": "The API key is not valid or has been revoked.",
        "instance": "/v1/articles",
    },
    404: {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No pledge has id 987654.",
        "instance": "/v1/pledges/987654",
    },
    406: {
        "type": "about:blank",
        "title": "Not Acceptable",
        "status": 406,
        "detail": "None of the media types in Accept is offered here; this resource answers "
        "application/json, text/csv, application/x-ndjson, application/ld+json.",
        "instance": "/v1/pledges",
    },
    413: {
        "type": "about:blank",
        "title": "Request Entity Too Large",
        "status": 413,
        "detail": "The text is 1000001 bytes; the limit is 1000000.",
        "instance": "/v1/articles",
    },
    415: {
        "type": "about:blank",
        "title": "Unsupported Media Type",
        "status": 415,
        "detail": "Send the body as application/json.",
        "instance": "/v1/articles",
    },
    429: {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "Rate limit reached; try again in 42 s.",
        "instance": "/v1/articles",
    },
    503: {
        "type": "about:blank",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The database is not reachable.",
        "instance": "/ready",
    },
    422: {
        "type": "about:blank",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "The request is not valid; see errors.",
        "instance": "/v1/pledges",
        "errors": [
            {
                "loc": ["query", "limit"],
                "msg": "Input should be greater than or equal to 1",
                "type": "greater_than_equal",
            }
        ],
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring the problem+json errors a route can answer."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        content: dict[str, Any] = {"schema": {"$ref": "#/components/schemas/Problem"}}
        if status in PROBLEM_EXAMPLES:
            content["example"] = PROBLEM_EXAMPLES[status]
        responses[status] = {
            "description": HTTPStatus(status).phrase,
            "model": Problem,
            "content": {PROBLEM_JSON: content},
        }
    return responses
