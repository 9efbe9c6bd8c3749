"""The OpenAPI document: valid OpenAPI 3.1, every operation explained and exemplified from the seed."""

import hashlib
import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

from app.api.routes.docs import STATIC_DIR
from app.errors import PROBLEM_EXAMPLES

pytestmark = pytest.mark.anyio

REF_PREFIX = "#/components/schemas/"
# Fields whose values depend on when the seed was loaded, or on the backend's ranking.
VOLATILE = {"created_at", "score"}
NO_CONTENT = "(no content)"


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].removeprefix(REF_PREFIX)]
    return schema


def success_example(document: dict[str, Any], operation: dict[str, Any]) -> Any:
    """The example of the success response: on the response itself, else on its schema.
    A 204 answers no body, so it has none."""
    status = next(s for s in operation["responses"] if s.startswith("2"))
    if status == "204":
        return NO_CONTENT
    content = operation["responses"][status]["content"]
    media = content.get("application/json") or next(iter(content.values()))
    if "example" in media:
        return media["example"]
    examples = resolve(document, media.get("schema", {})).get("examples")
    return examples[0] if examples else None


def stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: stable(item) for key, item in value.items() if key not in VOLATILE}
    if isinstance(value, list):
        return [stable(item) for item in value]
    return value


def test_document_is_valid_openapi_3_1(application: FastAPI) -> None:
    document = application.openapi()
    assert document["openapi"].startswith("3.1")
    validate(document, cls=OpenAPIV31SpecValidator)


def test_validator_rejects_a_broken_document(application: FastAPI) -> None:
    document = application.openapi()
    document["paths"]["/v1/pledges"]["get"]["responses"] = "none"
    with pytest.raises(Exception, match="none"):
        validate(document, cls=OpenAPIV31SpecValidator)


def test_every_operation_has_summary_description_and_example(application: FastAPI) -> None:
    document = application.openapi()
    found = operations(document)
    assert len(found) >= 16
    for method, path, operation in found:
        assert operation.get("summary"), (method, path)
        assert operation.get("description"), (method, path)
        assert success_example(document, operation), (method, path)
        for status, response in operation["responses"].items():
            if status[0] in "45":
                assert response["content"]["application/problem+json"]["example"]["status"] == int(status)
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"]["examples"], (path, parameter["name"])


def test_overview_covers_paging_errors_offsets_and_keys(application: FastAPI) -> None:
    description = application.openapi()["info"]["description"]
    for topic in ("next_cursor", "problem+json", "code-point offsets", "X-API-Key", "Authorization: Bearer"):
        assert topic in description, topic


async def test_examples_are_what_the_seeded_server_answers(
    client: httpx.AsyncClient, application: FastAPI, seeded: int
) -> None:
    """Each operation, called with its own parameter examples, answers what its example shows."""
    document = application.openapi()
    for method, path, operation in operations(document):
        # Writes change the data; a seeded server has no history yet; metrics count requests.
        if method != "get" or path.endswith("/history") or path == "/metrics":
            continue
        url = path
        required: dict[str, Any] = {}
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                url = url.replace(f"{{{parameter['name']}}}", str(parameter["schema"]["examples"][0]))
            elif parameter.get("required"):
                required[parameter["name"]] = parameter["schema"]["examples"][0]
        response = await client.get(url, params=required)
        assert response.status_code == 200, (url, response.text)
        body, example = stable(response.json()), stable(success_example(document, operation))
        if "items" in example:
            for item in example["items"]:
                assert item in body["items"], (url, item)
            assert set(example) == set(body)
        elif path.endswith("/facts"):
            assert example["article"] == body["article"]
            for kind, facts in example.items():
                for fact in facts if isinstance(facts, list) else []:
                    assert fact in body[kind], (kind, fact)
        else:
            assert example == body, url


async def test_list_examples_of_query_parameters_find_something(
    client: httpx.AsyncClient, application: FastAPI, seeded: int
) -> None:
    """Each list, filtered by every example value of its query parameters at once, is not empty."""
    document = application.openapi()
    tried = 0
    for _, path, operation in operations(document):
        params = {
            parameter["name"]: example[0]
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
            and (example := resolve(document, parameter["schema"]).get("examples"))
        }
        if params:
            tried += 1
            response = await client.get(path, params=params)
            assert response.status_code == 200, (path, params, response.text)
            body = response.json()
            # A list finds items; the pledge summary counts pledges.
            assert body.get("items") or body.get("count"), (path, params)
    assert tried >= 6


@pytest.mark.parametrize(
    ("status", "url"),
    [(400, "/v1/pledges?cursor=zzz"), (404, "/v1/pledges/987654"), (422, "/v1/pledges?limit=0")],
)
async def test_problem_examples_are_real(client: httpx.AsyncClient, status: int, url: str) -> None:
    response = await client.get(url)
    assert response.status_code == status
    assert response.json() == PROBLEM_EXAMPLES[status]


async def test_openapi_document_carries_arabic_as_utf8(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert "148 مليون دولار".encode() in response.content
    assert b"\\u" not in response.content


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_only_local_assets(client: httpx.AsyncClient, page: str) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    urls = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert urls and all(url.startswith("/static/") for url in urls), urls
    for url in urls:
        asset = await client.get(url)
        assert asset.status_code == 200 and asset.content, url


def test_vendored_assets_are_the_recorded_ones() -> None:
    record = (STATIC_DIR / "VENDORED.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)`.*\| `([0-9a-f]{64})` \|$", record, re.MULTILINE)
    assert {name for name, _, _ in rows} >= {
        "swagger-ui/swagger-ui-bundle.js",
        "swagger-ui/swagger-ui.css",
        "redoc/redoc.standalone.js",
    }
    for name, _, digest in rows:
        assert hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest() == digest, name


def test_an_update_names_its_one_required_change(application: FastAPI) -> None:
    schemas = application.openapi()["components"]["schemas"]
    updates = [name for name in schemas if name.endswith("Update")]
    assert len(updates) == 4
    assert all(schemas[name]["minProperties"] == 1 for name in updates)
