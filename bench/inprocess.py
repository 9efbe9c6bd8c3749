"""The app's own cost per request, in process: each `make bench` endpoint driven straight through
the ASGI app, with no server, sockets or load generator, so that one core measures only our code
(middleware, routing, handler, queries, serialization) and A/B runs agree to a few percent.

    .venv/bin/python -m bench.inprocess [--articles N] [--requests N] [--profile ENDPOINT [--sort KEY]]

It reads the database `make bench` built (build it first); `--profile` prints a cProfile listing
of one endpoint, by cumulative time or as `--sort` names. The access log is on, to /dev/null."""

import argparse
import asyncio
import cProfile
import logging.config
import os
import pstats
import random
import sqlite3
import time
from typing import Any
from urllib.parse import urlsplit

from app.main import create_app
from app.observability import lean_log_records, logging_config
from app.settings import Settings
from bench.run import BENCH_DIR, ENDPOINTS, _fingerprint

Message = dict[str, Any]
SLOW = ("Arabic full-text search", "pledge summary")  # a tenth of the requests


def scope(path: str) -> dict[str, Any]:
    url = urlsplit(path)
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": url.path,
        "raw_path": url.path.encode(),
        "query_string": url.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def drive(app: Any, paths: list[str], count: int) -> float:
    """Seconds per request over `count` requests, rotating over `paths`; every answer must be 200."""

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] != 200:
            raise RuntimeError(f"HTTP {message['status']}")

    started = time.perf_counter()
    for index in range(count):
        await app(scope(paths[index % len(paths)]), receive, send)
    return (time.perf_counter() - started) / count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 100_000)))
    parser.add_argument("--requests", type=int, default=2000, help="Requests per round.")
    parser.add_argument("--profile", metavar="ENDPOINT", help="Profile this endpoint instead.")
    parser.add_argument("--sort", default="cumulative", help="The profile's order: cumulative or tottime.")
    args = parser.parse_args()
    database = BENCH_DIR / f"facts-{args.articles}-{_fingerprint()}.db"
    if not database.exists():
        raise SystemExit(f"{database} is missing: run `make bench` with BENCH_ARTICLES={args.articles} first")
    config = logging_config("INFO")
    config["handlers"]["stderr"]["stream"] = open(os.devnull, "w")
    logging.config.dictConfig(config)
    lean_log_records()
    app = create_app(Settings(database_url=f"sqlite:///{database}"))
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rng = random.Random(0)
        samples = {e.name: [path for path, _ in e.paths(connection, rng)] for e in ENDPOINTS}
    loop = asyncio.new_event_loop()
    if args.profile:
        paths = samples[args.profile]
        loop.run_until_complete(drive(app, paths, 200))
        profile = cProfile.Profile()
        profile.runcall(loop.run_until_complete, drive(app, paths, args.requests))
        pstats.Stats(profile).sort_stats(args.sort).print_stats(60)
        return
    print(f"In process, {database.name}: µs per request, best of 3 rounds")
    for name, paths in samples.items():
        count = args.requests // 10 if name in SLOW else args.requests
        loop.run_until_complete(drive(app, paths, count // 10))
        best = min(loop.run_until_complete(drive(app, paths, count)) for _ in range(3))
        print(f"  {name:<32} {best * 1e6:8.1f}")


if __name__ == "__main__":
    main()
