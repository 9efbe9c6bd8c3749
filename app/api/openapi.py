"""Repairs to the generated OpenAPI document, so that its examples match real responses."""

from typing import Any

REF_PREFIX = "#/components/schemas/"


def _nullable(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null" or any(
        option.get("type") == "null" for option in schema.get("anyOf", [])
    )


def _fill_nulls(example: Any, schema: dict[str, Any], components: dict[str, Any]) -> None:
    """Put back the required-but-null fields FastAPI drops from examples (fastapi#5559).

    A required field is always present in a response, so its absence from an example can only be
    FastAPI's `exclude_none` at work; optional fields are left as they are."""
    while "$ref" in schema:
        schema = components[schema["$ref"].removeprefix(REF_PREFIX)]
    if isinstance(example, list) and "items" in schema:
        for item in example:
            _fill_nulls(item, schema["items"], components)
        return
    if not isinstance(example, dict):
        return
    properties: dict[str, Any] = schema.get("properties", {})
    for name in schema.get("required", []):
        field = properties.get(name, {})
        if name not in example and _nullable(field):
            example[name] = None
    for name, value in example.items():
        if name in properties:
            field = properties[name]
            for option in [field, *field.get("anyOf", [])]:
                _fill_nulls(value, option, components)


def restore_example_nulls(document: dict[str, Any]) -> dict[str, Any]:
    components: dict[str, Any] = document.get("components", {}).get("schemas", {})
    for schema in components.values():
        for example in schema.get("examples", []):
            _fill_nulls(example, schema, components)
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    if "example" in media and "schema" in media:
                        _fill_nulls(media["example"], media["schema"], components)
    return document
