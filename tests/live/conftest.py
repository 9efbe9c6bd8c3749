"""A real server for clients outside the process: uvicorn on a free port, over a seeded database."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from app.db import Database
from app.services import migrations
from app.services.keys import create_key
from app.services.seed import seed
from app.settings import PROJECT_DIR

STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _seeded(database_url: str) -> None:
    migrations.upgrade(database_url)
    database = Database(database_url)
    with database.session(write=True) as session:
        seed(session)
        session.commit()
    database.dispose()


@pytest.fixture(scope="session")
def live_database_url(make_database: Callable[[], str]) -> str:
    return make_database()


@pytest.fixture(scope="session")
def live_key(live_server: str, live_database_url: str) -> str:
    """An API key for writes to the live server."""
    database = Database(live_database_url)
    with database.session(write=True) as session:
        _, key = create_key(session, "live tests")
        session.commit()
    database.dispose()
    return key


@pytest.fixture(scope="session")
def live_server(live_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `uvicorn app.asgi:app` serving its own migrated, seeded database."""
    database_url = live_database_url
    log_path = tmp_path_factory.mktemp("server") / "uvicorn.log"
    _seeded(database_url)
    port = _free_port()
    env = {**os.environ, "FACTS_DATABASE_URL": database_url}
    log = log_path.open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.asgi:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited: {log_path.read_text(errors='replace')}")
            try:
                if httpx.get(f"{base_url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {STARTUP_SECONDS} s")
            time.sleep(0.1)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
