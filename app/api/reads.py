"""Read routes answered without FastAPI's dependency solver.

For every request FastAPI walks the route's dependency tree and inspects each parameter's
annotation again: in a profile of `GET /v1/quotes/{quote_id}` that took about 50 of 160 µs, more
than the database read. `ReadRoute` keeps FastAPI for matching, the OpenAPI document and errors,
and answers a plain read itself: the path and query parameters validate in one pydantic call into
a model built once from the endpoint's signature, `query` models parse as they always do, and the
answer is serialized by FastAPI's own `serialize_response`. A route it cannot answer that way
(a body, other dependencies, a method other than GET) keeps FastAPI's handler."""

import inspect
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from fastapi import Request, Response
from fastapi.datastructures import DefaultPlaceholder
from fastapi.exceptions import RequestValidationError
from fastapi.params import Depends, Path, Query
from fastapi.routing import APIRoute, serialize_response
from pydantic import BaseModel, ValidationError, create_model
from starlette.routing import Match
from starlette.types import Scope

from app.api.params import QUERY_MODELS

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


@dataclass(frozen=True)
class Signature:
    """What a read endpoint takes: the model of its path and query parameters, where each comes
    from, and the names of its other arguments."""

    params: type[BaseModel]
    sources: dict[str, str]  # request name (alias) -> "path" or "query"
    names: dict[str, str]  # request name -> argument name
    models: dict[str, Callable[[Request], Coroutine[Any, Any, Any]]]  # argument -> query model parser
    request: str | None
    response: str | None


def _signature(route: APIRoute) -> Signature | None:
    """The endpoint's signature, if every argument is one a plain read can fill."""
    if route.methods - {"GET", "HEAD"} or route.body_field is not None or route.dependencies:
        return None
    if not inspect.iscoroutinefunction(route.endpoint):
        return None
    hints = get_type_hints(route.endpoint, include_extras=True)
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    names: dict[str, str] = {}
    models: dict[str, Callable[[Request], Coroutine[Any, Any, Any]]] = {}
    request = response = None
    for name, parameter in inspect.signature(route.endpoint).parameters.items():
        hint = hints[name]
        if hint is Request:
            request = name
            continue
        if hint is Response:
            response = name
            continue
        if get_origin(hint) is not Annotated:
            return None
        kind, *metadata = get_args(hint)
        marker = metadata[-1]
        if isinstance(marker, Depends) and marker.dependency in QUERY_MODELS:
            models[name] = marker.dependency  # type: ignore[assignment]
            continue
        if not isinstance(marker, Path | Query) or get_origin(kind) in (list, tuple, set):
            return None
        alias = marker.alias or name
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        fields[name] = (hint, default)
        sources[alias] = "path" if isinstance(marker, Path) else "query"
        names[alias] = name
    params = create_model(f"{route.name}_params", **fields)
    return Signature(params, sources, names, models, request, response)


def _located(error: Any, signature: Signature) -> dict[str, Any]:
    """A parameter's error located as FastAPI locates it: ("path", "quote_id")."""
    loc = error["loc"]
    return {**error, "loc": (signature.sources.get(loc[0], "query") if loc else "query", *loc)}


def _read_handler(route: APIRoute, signature: Signature) -> Handler:
    # As FastAPI answers: JSON bytes straight from the response model's serializer, unless the
    # route names its own response class.
    plain_json = route.response_field is not None and isinstance(route.response_class, DefaultPlaceholder)
    response_class = route.response_class
    if isinstance(response_class, DefaultPlaceholder):
        response_class = response_class.value

    async def handle(request: Request) -> Response:
        given: dict[str, Any] = {}
        path_params = request.path_params
        query_params = request.query_params
        for alias, source in signature.sources.items():
            values = path_params if source == "path" else query_params
            if alias in values:
                given[alias] = values[alias]
        try:
            parsed = signature.params.model_validate(given)
        except ValidationError as exc:
            errors = [_located(error, signature) for error in exc.errors()]
            raise RequestValidationError(errors) from exc
        arguments = {name: getattr(parsed, name) for name in signature.names.values()}
        for name, parse in signature.models.items():
            arguments[name] = await parse(request)
        if signature.request is not None:
            arguments[signature.request] = request
        # The response an endpoint may set headers or a status on, as FastAPI makes it.
        sub_response: Response | None = None
        if signature.response is not None:
            sub_response = Response()
            del sub_response.headers["content-length"]
            sub_response.status_code = None  # type: ignore[assignment]
            arguments[signature.response] = sub_response
        answer = await route.endpoint(**arguments)
        if isinstance(answer, Response):
            return answer
        content = await serialize_response(
            field=route.response_field,
            response_content=answer,
            include=route.response_model_include,
            exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias,
            exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none,
            dump_json=plain_json,
        )
        status = (sub_response and sub_response.status_code) or route.status_code or 200
        if plain_json:
            response = Response(content, status_code=status, media_type="application/json")
        else:
            response = response_class(content, status_code=status)
        if sub_response is not None:
            response.headers.raw.extend(sub_response.headers.raw)
        return response

    return handle


class PrefixRoute(APIRoute):
    """An APIRoute that turns away a path outside its literal prefix before matching it.

    The app tries its routes in turn, each match a few Python calls and a regular expression: about
    a microsecond a route, and `GET /v1/quotes/{id}` is the eleventh. Every path a route's pattern
    matches starts with the text before its first parameter (`/v1/quotes/`), so one string
    comparison rejects the others."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        self.literal_prefix = self.path_format.partition("{")[0]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http":
            # The route matches the path less the root path, when the path starts with it: whichever
            # of the two it is, it starts with the prefix.
            path, root = scope["path"], scope.get("root_path", "")
            if not (path.startswith(self.literal_prefix) or path.startswith(self.literal_prefix, len(root))):
                return Match.NONE, {}
        return super().matches(scope)


class ReadRoute(PrefixRoute):
    """A PrefixRoute whose plain reads skip FastAPI's dependency solver (see the module docstring)."""

    def get_route_handler(self) -> Handler:
        signature = _signature(self)
        if signature is None:
            return super().get_route_handler()
        return _read_handler(self, signature)
