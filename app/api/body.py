"""Read a JSON request body with clear errors: size, media type, UTF-8, JSON, then the schema."""

import json
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from app.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType

M = TypeVar("M", bound=BaseModel)

# JSON may escape every character of the text as \uXXXX: allow for that before reading it all.
ESCAPE_ALLOWANCE = 6
ENVELOPE_BYTES = 64 * 1024


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def require_json(request: Request) -> None:
    """415 unless the body is declared JSON: as a dependency, before FastAPI validates the body
    (which would read any other body as a missing object, a 422)."""
    if not _is_json(request.headers.get("content-type", "")):
        raise UnsupportedMediaType("Send the body as application/json.")


async def read_json(request: Request, model: type[M], max_text_bytes: int) -> M:
    require_json(request)
    limit = max_text_bytes * ESCAPE_ALLOWANCE + ENVELOPE_BYTES
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The body is {declared} bytes; the limit is {limit}.")
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.")
    try:
        decoded = received.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid UTF-8 (at byte {exc.start}).") from exc
    try:
        data: Any = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise BadRequest(
            f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [
            {"loc": ["body", *error["loc"]], "msg": error["msg"], "type": error["type"]}
            for error in exc.errors()
        ]
        raise Unprocessable("The request is not valid; see errors.", errors=errors) from exc


# Models of bodies read with read_json; FastAPI does not see them, so they join the document's
# components through with_body_schemas.
BODY_MODELS: dict[str, type[BaseModel]] = {}


def request_body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI `requestBody` for a route that reads its body with read_json."""
    BODY_MODELS[model.__name__] = model
    content: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
    examples = model.model_json_schema().get("examples", [])
    if examples:
        content["example"] = examples[0]
    return {"requestBody": {"required": True, "content": {"application/json": content}}}


def with_body_schemas(document: dict[str, Any]) -> dict[str, Any]:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, model in BODY_MODELS.items():
        schemas[name] = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return document
