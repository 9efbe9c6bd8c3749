"""Turn a page of items into the list envelope and its Link header."""

from typing import TypeVar

from fastapi import Request, Response

from app.schemas.page import Page

T = TypeVar("T")


def paged(request: Request, response: Response, page: tuple[list[T], str | None]) -> Page[T]:
    items, cursor = page
    if cursor is not None:
        next_url = request.url.include_query_params(cursor=cursor)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return Page[T](items=items, next_cursor=cursor)
