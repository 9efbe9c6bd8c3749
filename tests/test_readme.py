"""The README stays true: every setting and endpoint is documented, and its examples work."""

import re
import shlex

import httpx
import pytest
from fastapi import FastAPI

from app.settings import PROJECT_DIR, Settings
from bench.run import options

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.anyio


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"FACTS_{name.upper()}" in README, name


def test_every_endpoint_is_documented(application: FastAPI) -> None:
    for path, operations in application.openapi()["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in README, (method, path)


def test_two_commands() -> None:
    assert "make run" in README and "make test" in README


def readme_curls(section: str) -> list[list[str]]:
    """The curl commands of a README section, as argument lists (continuation lines joined)."""
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", body, flags=re.S):
        for command in block.replace("\\\n", " ").splitlines():
            if command.strip().startswith("curl "):
                commands.append(shlex.split(command, comments=True))
    return commands


def as_request(argv: list[str], key: str) -> tuple[str, str, dict[str, str], str | None]:
    method, url, headers, data = "GET", "", {}, None
    words = iter(argv[1:])
    for word in words:
        if word == ">":  # the shell's redirection, not curl's
            break
        if word == "-X":
            method = next(words)
        elif word == "-H":
            name, value = next(words).split(":", 1)
            headers[name] = value.strip().replace("$KEY", key)
        elif word == "-d":
            data = next(words)
            method = "POST" if method == "GET" else method
        else:
            url = word
    return method, url.removeprefix("http://127.0.0.1:8000"), headers, data


async def test_readme_examples_work(client: httpx.AsyncClient, seeded: int, api_key: str) -> None:
    commands = readme_curls("Examples")
    assert len(commands) >= 10
    for argv in commands:
        method, path, headers, data = as_request(argv, api_key)
        response = await client.request(method, path, headers=headers, content=data)
        assert response.status_code in (200, 201), (argv, response.text)
        assert response.content, argv


async def test_readme_curation_examples_work(client: httpx.AsyncClient, seeded: int, api_key: str) -> None:
    commands = readme_curls("Keys and curation")
    assert len(commands) >= 5
    for argv in commands:
        method, path, headers, data = as_request(argv, api_key)
        response = await client.request(method, path, headers=headers, content=data)
        assert response.status_code in (200, 204), (argv, response.text)


def test_readme_states_how_many_matches_search_ranks() -> None:
    from app.services.search import RANKED_MATCHES

    assert f"ranks the {RANKED_MATCHES:,} most recently stored matches" in README


def test_the_benchmarks_documented_defaults_are_its_own() -> None:
    defaults = vars(options().parse_args([]))
    documented = re.findall(r"`BENCH_([A-Z_]+)`[^()`]*\(default ([\d,]+)\)", README)
    assert {name for name, _ in documented} >= {"CONNECTIONS", "DURATION", "ROUNDS"}
    for name, value in documented:
        assert defaults[name.lower()] == int(value.replace(",", "")), name
