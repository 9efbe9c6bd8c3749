"""The Dockerfile and the compose file carry the essentials (no Docker engine is needed to check)."""

import re

import yaml

from app.settings import PROJECT_DIR

DOCKERFILE = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def test_image_runs_as_a_non_root_user() -> None:
    [user] = instructions("USER")
    assert user.strip() not in {"root", "0"}
    assert f"useradd --system --uid 10001 --home-dir /srv/facts {user.strip()}" in DOCKERFILE


def test_image_checks_readiness() -> None:
    [check] = instructions("HEALTHCHECK")
    assert "/ready" in check


def test_image_migrates_then_serves() -> None:
    [command] = instructions("CMD")
    assert command.index("facts db upgrade") < command.index("exec facts serve")
    assert "&&" in command  # a failed migration stops the container instead of serving


def test_configuration_comes_from_the_environment() -> None:
    env = " ".join(instructions("ENV"))
    assert "FACTS_HOST=0.0.0.0" in env and "FACTS_PORT=8000" in env
    assert not re.search(r"--(host|port|workers)", " ".join(instructions("CMD")))


def test_compose_runs_the_api_on_postgresql() -> None:
    compose = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text(encoding="utf-8"))
    api, db = compose["services"]["api"], compose["services"]["db"]
    assert api["build"] == "."
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    url = api["environment"]["FACTS_DATABASE_URL"]
    assert url.startswith("postgresql+psycopg://") and "@db:5432/" in url
    assert "8000:8000" in api["ports"]
