"""Repairs to the generated OpenAPI document, so that its examples match real responses."""

from typing import Any

REF_PREFIX = "#/components/schemas/"


def _nullable(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null" or any(
        option.get("type") == "null" for option in schema.get("anyOf", [])
    )


def _as_response(example: Any, schema: dict[str, Any], components: dict[str, Any]) -> None:
    """Make an example look like the response it stands for, in place.

    FastAPI drops every null from examples (fastapi#5559): a required field is always present in a
    response, so a missing one that may be null is put back as null; optional fields stay absent.
    Pydantic sorts example keys; they are put back in the order responses have them."""
    while "$ref" in schema:
        schema = components[schema["$ref"].removeprefix(REF_PREFIX)]
    if isinstance(example, list) and "items" in schema:
        for item in example:
            _as_response(item, schema["items"], components)
        return
    if not isinstance(example, dict):
        return
    properties: dict[str, Any] = schema.get("properties", {})
    for name in schema.get("required", []):
        field = properties.get(name, {})
        if name not in example and _nullable(field):
            example[name] = None
    ordered = {name: example[name] for name in properties if name in example}
    ordered.update((name, value) for name, value in example.items() if name not in ordered)
    example.clear()
    example.update(ordered)
    for name, value in example.items():
        if name in properties:
            field = properties[name]
            for option in [field, *field.get("anyOf", [])]:
                _as_response(value, option, components)


def examples_as_responses(document: dict[str, Any]) -> dict[str, Any]:
    components: dict[str, Any] = document.get("components", {}).get("schemas", {})
    for schema in components.values():
        for example in schema.get("examples", []):
            _as_response(example, schema, components)
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    if "example" in media and "schema" in media:
                        _as_response(media["example"], media["schema"], components)
    return document
