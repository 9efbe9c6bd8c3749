"""Cost of the production layers: reads with and without the request middleware (in process), and
acknowledged writes per second through `facts serve --workers N` with many concurrent clients.

    .venv/bin/python -m bench.production_overhead [--database-url URL] [--workers N]

Without --database-url a throwaway SQLite file is used; a PostgreSQL URL must name an empty database."""

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from app.db import Database
from app.main import create_app
from app.services import keys, migrations
from app.services.seed import seed
from app.settings import Settings

READS = 2000
WRITERS = 16
WRITES_PER_WRITER = 40


def prepare(url: str) -> str:
    migrations.upgrade(url)
    database = Database(url)
    with database.session(write=True) as session:
        seed(session)
        _, key = keys.create_key(session, "benchmark")
        session.commit()
    database.dispose()
    return key


async def reads_per_second(settings: Settings, bare: bool, path: str) -> float:
    application = create_app(settings)
    if bare:
        application.user_middleware.clear()
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for _ in range(100):
            await client.get(path)
        started = time.perf_counter()
        for _ in range(READS):
            response = await client.get(path)
            assert response.status_code == 200
        elapsed = time.perf_counter() - started
    application.state.database.dispose()
    return READS / elapsed


def best_reads(settings: Settings, path: str) -> tuple[float, float]:
    """Best of three alternating runs each way, to damp the machine's noise."""
    bare: list[float] = []
    full: list[float] = []
    for _ in range(3):
        bare.append(asyncio.run(reads_per_second(settings, True, path)))
        full.append(asyncio.run(reads_per_second(settings, False, path)))
    return max(bare), max(full)


def writes_per_second(url: str, key: str, workers: int) -> tuple[float, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "FACTS_DATABASE_URL": url,
        "FACTS_LOG_LEVEL": "WARNING",
        # Limits high enough never to refuse, so that metering is part of what is measured.
        "FACTS_RATE_LIMIT_PER_KEY": "1000000",
        "FACTS_RATE_LIMIT_PER_ADDRESS": "1000000",
    }
    facts = Path(sys.executable).parent / "facts"
    process = subprocess.Popen(
        [str(facts), "serve", "--port", str(port), "--workers", str(workers)], env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/ready").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        failures: list[int] = []

        def writer(worker: int) -> None:
            with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=60) as client:
                for n in range(WRITES_PER_WRITER):
                    response = client.patch(f"/v1/pledges/{n % 3 + 1}", json={"amount": worker * 1000 + n})
                    if response.status_code != 200:
                        failures.append(response.status_code)

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    return WRITERS * WRITES_PER_WRITER / elapsed, len(failures)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    key = prepare(url)
    settings = Settings(database_url=url)
    print(f"in process, {READS} sequential requests, best of 3:")
    for path in ("/health", "/v1/quotes/1"):
        bare, full = best_reads(settings, path)
        overhead = (1 / full - 1 / bare) * 1e6
        print(
            f"  GET {path:14} {bare:6.0f} req/s bare, "
            f"{full:6.0f} req/s with ids, logs, metrics ({overhead:+.0f} µs)"
        )
    rate, failures = writes_per_second(url, key, args.workers)
    print(
        f"PATCH through `facts serve --workers {args.workers}`, {WRITERS} clients x {WRITES_PER_WRITER}: "
        f"{rate:.0f} acknowledged writes/s, {failures} failures"
    )


if __name__ == "__main__":
    main()
