"""Test fixtures: a database built by the migrations, the real app over httpx ASGITransport.

Set FACTS_TEST_DATABASE_URL to a PostgreSQL server URL to run the suite there: a fresh database
is created on that server for the run and dropped after it."""

import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.main import create_app
from app.services import migrations
from app.settings import Settings

SERVER_URL = os.environ.get("FACTS_TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def frequent_thread_switches() -> Iterator[None]:
    """The interpreter handed between threads as often as it can be, so that threads sharing
    state without care spoil it within the test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


@pytest.fixture(scope="session")
def make_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A factory of fresh, empty databases, dropped when the run ends."""
    created: list[str] = []

    def make() -> str:
        name = f"facts_test_{uuid.uuid4().hex[:12]}"
        if SERVER_URL is None:
            return f"sqlite:///{tmp_path_factory.mktemp('db') / name}.db"
        server = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        server.dispose()
        created.append(name)
        return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)

    yield make
    if created:
        server = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            for name in created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(scope="session")
def database_url(make_database) -> str:  # type: ignore[no-untyped-def]
    """The run's database, built by running the migrations."""
    url = make_database()
    migrations.upgrade(url)
    return url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)


@pytest.fixture
def application(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    _empty(application)
    application.state.database.dispose()


def _empty(application: FastAPI) -> None:
    """Each test starts from empty tables, with ids from 1 again."""
    database = application.state.database
    tables = [table.name for table in reversed(SQLModel.metadata.sorted_tables)]
    with database.writer.begin() as connection:
        if database.backend == "sqlite":
            for name in tables:
                connection.execute(text(f'DELETE FROM "{name}"'))
            connection.execute(text("DELETE FROM sqlite_sequence"))  # RESTART IDENTITY
        else:
            names = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
async def client(application: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://facts.test") as client:
        yield client


@pytest.fixture
def seeded(application: FastAPI) -> int:
    """The seed article, loaded; returns its id."""
    from app.services.seed import seed

    with application.state.database.session(write=True) as session:
        stored = seed(session)
        session.commit()
        assert stored.article.id is not None
        return stored.article.id


@pytest.fixture
def api_key(application: FastAPI) -> str:
    """A fresh, valid API key in the run's database."""
    from app.services.keys import create_key

    with application.state.database.session(write=True) as session:
        _, key = create_key(session, "tests")
        session.commit()
    return key


@pytest.fixture
def auth(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}
