"""`make bench`: build a large database, load-test the API with wrk, and compare with references."""

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from alembic.script import ScriptDirectory

from app.db import Database
from app.extraction.bench import generated_articles, measure
from app.services import migrations
from app.services.bulk import IngestReport, ingest_articles
from app.services.ingest import extracted_facts
from app.services.pagination import encode_cursor
from app.services.queries import QUOTE_ORDERINGS
from app.services.search import RANKED_MATCHES, SEARCHABLE, match_expression, parse_query
from app.settings import PROJECT_DIR, Settings
from bench.generate import generate

BENCH_DIR = PROJECT_DIR / ".bench"
LUA = Path(__file__).with_name("rotate.lua")
PAGE = 50
DEEP_PAGE = 1000
PAGES_PER_SPEAKER = 125
PATHS_PER_ENDPOINT = 4000
HOST = "127.0.0.1"

SPEAKER_IDS_NAMED = (
    "SELECT id FROM speaker WHERE name = :name OR name_en = :name "
    "OR id IN (SELECT speaker_id FROM speaker_alias WHERE alias = :name)"
)
QUOTE_ROW = "SELECT q.*, s.name AS speaker FROM quote q LEFT JOIN speaker s ON s.id = q.speaker_id"
BUNDLE_SQL = """
SELECT json_object(
  'article', (SELECT json_object('id', id, 'title', title, 'language', language, 'published_on', published_on,
     'text', text) FROM article WHERE id = :id),
  'quotes', (SELECT json_group_array(json_object('id', q.id, 'speaker_id', q.speaker_id, 'speaker', s.name,
     'kind', q.kind, 'verb', q.verb, 'text', q.text, 'start', q.start, 'end', q."end"))
     FROM quote q LEFT JOIN speaker s ON s.id = q.speaker_id WHERE q.article_id = :id),
  'pledges', (SELECT json_group_array(json_object('id', id, 'donor', donor, 'amount', amount,
     'currency', currency, 'evidence', evidence, 'start', start, 'end', "end"))
     FROM pledge WHERE article_id = :id),
  'dates', (SELECT json_group_array(json_object('id', id, 'expression', expression, 'value', value,
     'grain', grain, 'start', start, 'end', "end")) FROM date_mention WHERE article_id = :id),
  'organizations', (SELECT json_group_array(json_object('name', o.name, 'text', m.text, 'start', m.start,
     'end', m."end")) FROM organization_mention m JOIN organization o ON o.id = m.organization_id
     WHERE m.article_id = :id),
  'places', (SELECT json_group_array(json_object('name', p.name, 'text', m.text, 'start', m.start,
     'end', m."end")) FROM place_mention m JOIN place p ON p.id = m.place_id WHERE m.article_id = :id)
) AS facts
"""

# Datasette has no Arabic normalization of its own: it is handed the FTS5 expression the API builds
# for the same query, and ranks as the API does (bm25 over the newest matches of each kind). Its hits
# carry their row's text, where the API's carry a snippet.
_RANKED = " UNION ALL ".join(
    f"SELECT '{kind}' AS kind, id, rank FROM (SELECT rowid AS id, bm25({kind}_fts) AS rank "
    f"FROM {kind}_fts WHERE {kind}_fts MATCH :match ORDER BY rowid DESC LIMIT {RANKED_MATCHES})"
    for kind in SEARCHABLE
)
SEARCH_SQL = f"""
WITH hits AS (SELECT * FROM ({_RANKED}) ORDER BY rank, kind, id LIMIT 51)
SELECT h.kind, h.id, -h.rank AS score, coalesce(q.article_id, p.article_id, a.id) AS article_id,
  coalesce(q.text, p.evidence, a.title) AS text
FROM hits h
LEFT JOIN quote q ON h.kind = 'quote' AND q.id = h.id
LEFT JOIN pledge p ON h.kind = 'pledge' AND p.id = h.id
LEFT JOIN article a ON h.kind = 'article' AND a.id = h.id
ORDER BY h.rank, h.kind, h.id
"""


@dataclass
class Endpoint:
    """One benchmarked endpoint: API paths, and Datasette's SQL for the same answer, if any."""

    name: str
    kind: str  # "single" or "list": which share of the constant FastAPI route is the target
    paths: Callable[[sqlite3.Connection, random.Random], list[tuple[str, dict[str, Any] | None]]]
    datasette_sql: str | None = None


@dataclass
class Figures:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    cpu_ms: float | None = None  # server CPU time per request: steadier than req/s on a busy machine


def median_figures(runs: list[Figures]) -> Figures:
    """Each figure's median over the rounds; errors and requests summed."""
    cpu = [run.cpu_ms for run in runs if run.cpu_ms is not None]
    return Figures(
        requests_per_second=statistics.median(run.requests_per_second for run in runs),
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=statistics.median(run.p99_ms for run in runs),
        errors=sum(run.errors for run in runs),
        requests=sum(run.requests for run in runs),
        cpu_ms=statistics.median(cpu) if cpu else None,
    )


@dataclass
class Row:
    """One endpoint's figures: each server's over the rounds, and their medians."""

    endpoint: str
    ours: Figures | None = None
    fastapi: Figures | None = None
    asgi: Figures | None = None
    datasette: Figures | None = None
    rounds: dict[str, list[Figures]] = field(default_factory=dict)
    missing: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self, server: str, figures: Figures) -> None:
        self.rounds.setdefault(server, []).append(figures)
        setattr(self, server, median_figures(self.rounds[server]))

    def ratios(self, reference: str) -> list[float]:
        """Our throughput over the reference's, round by round: each pair was measured back to
        back, so that a slow spell of the machine falls on both sides of a ratio. A round in which
        the reference answered nothing within wrk's timeout has no ratio."""
        pairs = zip(self.rounds.get("ours", []), self.rounds.get(reference, []), strict=False)
        return [
            ours.requests_per_second / theirs.requests_per_second
            for ours, theirs in pairs
            if theirs.requests_per_second
        ]

    def ratio(self, reference: str) -> float | None:
        """The median of `ratios`: what the targets judge."""
        ratios = self.ratios(reference)
        return statistics.median(ratios) if ratios else None


# Paths: each endpoint rotates over thousands of distinct ids, speakers and terms.


def _sample(connection: sqlite3.Connection, sql: str, rng: random.Random, count: int) -> list[Any]:
    values = [row[0] for row in connection.execute(sql)]
    return rng.sample(values, min(count, len(values)))


def quote_by_id(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    (top,) = connection.execute("SELECT max(id) FROM quote").fetchone()
    ids = rng.sample(range(1, top + 1), min(PATHS_PER_ENDPOINT, top))
    return [(f"/v1/quotes/{i}", {"id": i}) for i in ids]


def _speaker_names(connection: sqlite3.Connection, rng: random.Random) -> list[str]:
    # Speakers as users name them: as written (Arabic or English) or by English name.
    names = _sample(
        connection,
        "SELECT CASE WHEN id % 2 = 0 AND name_en IS NOT NULL THEN name_en ELSE name END FROM speaker "
        "WHERE id IN (SELECT DISTINCT speaker_id FROM quote)",
        rng,
        PATHS_PER_ENDPOINT,
    )
    return names


def quotes_by_speaker(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    return [
        (f"/v1/quotes?{urlencode({'speaker': name})}", {"name": name, "after": 0})
        for name in _speaker_names(connection, rng)
    ]


def _prolific(connection: sqlite3.Connection) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            "SELECT s.name FROM quote q JOIN speaker s ON s.id = q.speaker_id "
            "GROUP BY s.id ORDER BY count(*) DESC LIMIT 8"
        )
    ]


def _speaker_pages(
    connection: sqlite3.Connection, rng: random.Random, depth: int
) -> list[tuple[str, dict[str, Any] | None]]:
    """Pages `depth` onwards (or as deep as the data goes), PAGES_PER_SPEAKER of them, for each of
    the speakers with most quotes: the same number of distinct pages at any depth, so that two
    depths differ in depth alone. (Page 1 of these few speakers alone is a handful of pages, whose
    rows stay in the CPU's caches: about a fifth cheaper to read than any thousand pages.)"""
    paths = []
    for name in _prolific(connection):
        ids = [
            row[0]
            for row in connection.execute(
                f"SELECT id FROM quote WHERE speaker_id IN ({SPEAKER_IDS_NAMED}) ORDER BY id", {"name": name}
            )
        ]
        pages = len(ids) // PAGE
        first = max(0, min(depth, pages - PAGES_PER_SPEAKER))
        for page in range(first, min(pages, first + PAGES_PER_SPEAKER)):
            query: dict[str, str] = {"speaker": name}
            after = ids[page * PAGE - 1] if page else 0
            if page:
                query["cursor"] = encode_cursor(QUOTE_ORDERINGS["id"], [after])
            paths.append((f"/v1/quotes?{urlencode(query)}", {"name": name, "after": after, "page": page}))
    rng.shuffle(paths)
    return paths


def quotes_by_prolific_speaker(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    """The first pages, from page 1, of the speakers whose deep pages are measured."""
    return _speaker_pages(connection, rng, 0)


def quotes_by_speaker_deep(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    """Pages about 1,000 deep for the speakers with most quotes."""
    return _speaker_pages(connection, rng, DEEP_PAGE)


def _amount_ranges(connection: sqlite3.Connection, rng: random.Random) -> list[tuple[int, int]]:
    amounts = sorted(row[0] for row in connection.execute("SELECT amount FROM pledge"))
    ranges = []
    for _ in range(PATHS_PER_ENDPOINT):
        # Ranges holding between a few hundred and a few thousand pledges.
        start = rng.randrange(len(amounts))
        width = rng.randint(300, 3000)
        ranges.append((amounts[start], amounts[min(len(amounts) - 1, start + width)]))
    return ranges


def pledges_in_range(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    return [
        (f"/v1/pledges?min_amount={low}&max_amount={high}", {"low": low, "high": high})
        for low, high in _amount_ranges(connection, rng)
    ]


def pledges_by_amount(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    return [
        (f"/v1/pledges?min_amount={low}&max_amount={high}&sort=amount", {"low": low, "high": high})
        for low, high in _amount_ranges(connection, rng)
    ]


def search_arabic(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    """Arabic words and two-word phrases from quotes, and Arabic speaker names."""
    words: set[str] = set()
    for (text,) in connection.execute("SELECT text FROM quote WHERE id % 97 = 0 LIMIT 20000"):
        tokens = [t for t in text.split() if any("\u0600" <= c <= "\u06ff" for c in t) and len(t) > 2]
        words.update(tokens)
        words.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    names = [n for (n,) in connection.execute("SELECT name FROM speaker") if "\u0600" <= n[0] <= "\u06ff"]
    terms = rng.sample(sorted(words), min(len(words), PATHS_PER_ENDPOINT // 2)) + rng.sample(
        names, min(len(names), PATHS_PER_ENDPOINT // 2)
    )
    rng.shuffle(terms)
    return [
        (f"/v1/search?{urlencode({'q': term})}", {"match": match_expression("sqlite", parse_query(term))})
        for term in terms
    ]


def article_facts(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    (top,) = connection.execute("SELECT max(id) FROM article").fetchone()
    ids = rng.sample(range(1, top + 1), min(PATHS_PER_ENDPOINT, top))
    return [(f"/v1/articles/{i}/facts", {"id": i}) for i in ids]


def pledge_summary(
    connection: sqlite3.Connection, rng: random.Random
) -> list[tuple[str, dict[str, Any] | None]]:
    currencies = [
        c for (c,) in connection.execute("SELECT DISTINCT currency FROM pledge WHERE currency IS NOT NULL")
    ]
    donors = [d for (d,) in connection.execute("SELECT DISTINCT donor FROM pledge WHERE donor IS NOT NULL")]
    paths = [("/v1/pledges/summary", {})]
    paths += [(f"/v1/pledges/summary?{urlencode({'currency': c})}", {"currency": c}) for c in currencies]
    paths += [(f"/v1/pledges/summary?{urlencode({'donor': d})}", {"donor": d}) for d in donors]
    return paths


QUOTES_BY_SPEAKER_SQL = (
    f"{QUOTE_ROW} WHERE q.speaker_id IN ({SPEAKER_IDS_NAMED}) AND q.id > :after ORDER BY q.id LIMIT 51"
)

ENDPOINTS = [
    Endpoint("quote by id", "single", quote_by_id, f"{QUOTE_ROW} WHERE q.id = :id"),
    Endpoint("quotes by speaker, page 1", "list", quotes_by_speaker, QUOTES_BY_SPEAKER_SQL),
    Endpoint("quotes by top speaker, first pages", "list", quotes_by_prolific_speaker, QUOTES_BY_SPEAKER_SQL),
    Endpoint("quotes by top speaker, deep", "list", quotes_by_speaker_deep, QUOTES_BY_SPEAKER_SQL),
    Endpoint(
        "pledges in amount range",
        "list",
        pledges_in_range,
        "SELECT * FROM pledge WHERE amount >= :low AND amount <= :high ORDER BY id LIMIT 51",
    ),
    Endpoint(
        "pledges by amount (sorted)",
        "list",
        pledges_by_amount,
        "SELECT * FROM pledge WHERE amount >= :low AND amount <= :high ORDER BY amount, id LIMIT 51",
    ),
    Endpoint("Arabic full-text search", "list", search_arabic, SEARCH_SQL),
    Endpoint("article facts bundle", "single", article_facts, BUNDLE_SQL),
    Endpoint(
        "pledge summary",
        "list",
        pledge_summary,
        "SELECT currency, count(*) AS pledges, sum(amount) AS total FROM pledge "
        "WHERE (:currency = '' OR currency = :currency) AND (:donor = '' OR donor = :donor) "
        "GROUP BY currency",
    ),
]


# The database: built once per size, schema, generator and extractor, then reused.

# What the stored facts depend on besides the schema: the articles, and the extractor that reads them.
CORPUS_SOURCES = [
    PROJECT_DIR / "bench" / "generate.py",
    *sorted((PROJECT_DIR / "app" / "extraction").glob("*.py")),
    *sorted((PROJECT_DIR / "data" / "gazetteers").glob("*.json")),
]


def _fingerprint() -> str:
    # The bulk path stores the same rows whatever its version (tests/services/test_bulk.py).
    digest = hashlib.sha256()
    for source in CORPUS_SOURCES:
        digest.update(source.read_bytes())
    head = ScriptDirectory.from_config(migrations.alembic_config("sqlite://")).get_current_head()
    return f"{head}-{digest.hexdigest()[:10]}"


def tidy() -> None:
    """Remove the previous run's path lists and server logs, and SQLite side files left orphaned."""
    BENCH_DIR.mkdir(exist_ok=True)
    for stale in [*BENCH_DIR.glob("paths-*.txt"), *BENCH_DIR.glob("server-*.log")]:
        stale.unlink()
    for side in [*BENCH_DIR.glob("*.db-wal"), *BENCH_DIR.glob("*.db-shm")]:
        if not side.with_name(side.name.rsplit("-", 1)[0]).exists():
            side.unlink()


class Clocked:
    """The items of an iterator, and the seconds spent making them: the generator's time, which is
    not the ingest's."""

    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items
        self.seconds = 0.0

    def __iter__(self) -> "Clocked":
        return self

    def __next__(self) -> Any:
        started = time.perf_counter()
        try:
            return next(self.items)
        finally:
            self.seconds += time.perf_counter() - started


@dataclass
class Ingest:
    report: IngestReport
    generating_seconds: float  # within report.seconds

    @property
    def articles_per_second(self) -> float:
        return self.report.stored / (self.report.seconds - self.generating_seconds)

    def describe(self) -> str:
        report = self.report
        merging = report.seconds - self.generating_seconds - report.extract_seconds - report.store_seconds
        return (
            f"{report.stored:,} articles, {self.articles_per_second:,.0f} articles/s on one core "
            f"(extracting {report.extract_seconds:.1f} s, storing {report.store_seconds:.1f} s, "
            f"merging the search index {merging:.1f} s; generating the articles, "
            f"{self.generating_seconds:.1f} s, left out)"
        )


def ingest_generated(
    path: Path, count: int, seed: int, progress: Callable[[IngestReport], None] | None = None
) -> Ingest:
    """Generated articles stored through the bulk path with their extracted facts, in a new database."""
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    database = Database(url)
    articles = Clocked(generated.article for generated in generate(count, seed=seed))
    try:
        report = ingest_articles(database, articles, extracted_facts, batch_size=500, progress=progress)
    finally:
        database.dispose()
    return Ingest(report, articles.seconds)


def build_database(articles: int, seed: int) -> tuple[Path, Ingest | None]:
    BENCH_DIR.mkdir(exist_ok=True)
    path = BENCH_DIR / f"facts-{articles}-{_fingerprint()}.db"
    if path.exists():
        return path, None
    partial = path.with_suffix(".partial")
    for stale in BENCH_DIR.glob(f"{partial.name}*"):
        stale.unlink()

    def progress(report: IngestReport) -> None:
        print(f"\r  {report.stored:,} articles, {report.articles_per_second:,.0f}/s", end="", flush=True)

    ingest = ingest_generated(partial, articles, seed, progress)
    print()
    # Fold the write-ahead log into the file, so that the file alone is the database.
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    partial.rename(path)
    return path, ingest


def measure_ingest(count: int, seed: int) -> Ingest:
    """The bulk path with the extractor on `count` more articles, on a scratch database: a figure of
    this run, whether or not the database was built in it."""
    path = BENCH_DIR / "extract-scratch.db"
    for stale in BENCH_DIR.glob(f"{path.name}*"):
        stale.unlink()
    try:
        return ingest_generated(path, count, seed + 1)
    finally:
        for stale in BENCH_DIR.glob(f"{path.name}*"):
            stale.unlink()


# Servers and the load generator.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def cpu_prefix(cores: str) -> list[str]:
    return ["taskset", "-c", cores] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []


@contextmanager
def server(
    command: list[str], port: int, env: dict[str, str], ready_path: str
) -> Iterator[subprocess.Popen[bytes]]:
    log = open(BENCH_DIR / f"server-{port}.log", "wb")
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=log, stderr=log, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {' '.join(command)} (see {log.name})")
            try:
                urllib.request.urlopen(f"http://{HOST}:{port}{ready_path}", timeout=2).read()
                break
            except urllib.error.HTTPError:
                break  # it answers
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {' '.join(command)}") from None
                time.sleep(0.2)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _tree(pid: int) -> list[int]:
    pids, found = [pid], []
    while pids:
        current = pids.pop()
        found.append(current)
        try:
            pids.extend(int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children (uvicorn's workers)."""
    ticks = 0
    for current in _tree(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Anonymous resident memory (heap and stacks) of a process and its children (uvicorn's
    workers): what a leak grows. The database's memory map is left out: its pages are the
    operating system's cache of the file, shared and given back under pressure."""
    total = 0
    for current in _tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("RssAnon"))
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total / 1024


def fetch(port: int, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(port: int, paths: list[str], seconds: float, connections: int, cores: str) -> Figures:
    paths_file = BENCH_DIR / f"paths-{port}.txt"
    paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    command = [
        *cpu_prefix(cores),
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        f"http://{HOST}:{port}",
        "--",
        str(paths_file),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return Figures(
        requests_per_second=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=figures["status_errors"] + figures["socket_errors"],
        requests=figures["requests"],
    )


@dataclass
class Target:
    """A server under load, and the paths it is driven over."""

    port: int
    pid: int
    paths: list[str]

    def measure(self, seconds: float, args: argparse.Namespace, cores: str) -> Figures:
        """wrk's figures, with the server's CPU time per request."""
        before = cpu_seconds(self.pid)
        figures = wrk(self.port, self.paths, seconds, args.connections, cores)
        if figures.requests:
            figures.cpu_ms = (cpu_seconds(self.pid) - before) * 1000 / figures.requests
        self.settle()
        return figures

    def warm(self, args: argparse.Namespace, cores: str) -> None:
        wrk(self.port, self.paths, args.warmup, args.connections, cores)
        self.settle()

    def settle(self, timeout: float = 60) -> None:
        """Wait until the server has answered what wrk left queued when it stopped: a slow server
        (Datasette aggregating every pledge for a summary takes seconds for 32 queued requests)
        would otherwise go on working on the core while the next server is measured."""
        deadline = time.monotonic() + timeout
        used = cpu_seconds(self.pid)
        while time.monotonic() < deadline:
            time.sleep(0.1)
            before, used = used, cpu_seconds(self.pid)
            if used == before:
                return


def datasette_path(database: str, sql: str, params: dict[str, Any]) -> str:
    # Only the parameters the SQL names (the summary's unset filters as ""): Datasette would take
    # any other as a filter.
    given = {"currency": "", "donor": "", **params}
    named = {name: value for name, value in given.items() if f":{name}" in sql}
    return f"/{database}.json?" + urlencode({"sql": sql, "_shape": "array", **named}, quote_via=quote)


# The run.


def fmt(figures: Figures | None) -> str:
    return "-" if figures is None else f"{figures.requests_per_second:,.0f}"


def fmt_ratio(row: Row, reference: str) -> str:
    """The median ratio to the reference and, over several rounds, its range."""
    ratios = row.ratios(reference)
    if not ratios:
        return "-"
    spread = f" ({min(ratios):.2f}-{max(ratios):.2f})" if len(ratios) > 1 else ""
    return f"{statistics.median(ratios):.2f}{spread}"


def cpu_ratio(reference: Figures | None, ours: Figures) -> str:
    """The reference's CPU per request over ours: the throughput ratio on an otherwise idle core."""
    if reference is None or not reference.cpu_ms or not ours.cpu_ms:
        return "-"
    return f"{reference.cpu_ms / ours.cpu_ms:.2f}"


def print_table(title: str, rows: list[Row], with_references: bool) -> None:
    print(f"\n{title}")
    header = f"{'endpoint':<34} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7}"
    if with_references:
        header += f" {'FastAPI c.':>10} {'vs FastAPI':>17} {'ASGI c.':>8} {'Datasette':>9} {'vs Ds.':>17}"
        header += f" {'CPU vs FastAPI':>14} {'CPU vs Ds.':>10}"
    print(header)
    print("-" * len(header))
    for row in rows:
        if row.ours is None:
            print(f"{row.endpoint:<34} not available ({row.missing})")
            continue
        line = f"{row.endpoint:<34} {fmt(row.ours):>8} {row.ours.p50_ms:>7.1f} {row.ours.p99_ms:>7.1f}"
        line += f" {row.ours.cpu_ms or 0:>7.2f}"
        if with_references:
            line += (
                f" {fmt(row.fastapi):>10} {fmt_ratio(row, 'fastapi'):>17} {fmt(row.asgi):>8}"
                f" {fmt(row.datasette):>9} {fmt_ratio(row, 'datasette'):>17}"
                f" {cpu_ratio(row.fastapi, row.ours):>14} {cpu_ratio(row.datasette, row.ours):>10}"
            )
        if row.ours.errors:
            line += f"  ({row.ours.errors} errors)"
        if row.extra:
            line += "  " + ", ".join(f"{k}: {v}" for k, v in row.extra.items())
        print(line)


def print_targets(rows: list[Row], rss: list[float], ingests: dict[str, Ingest]) -> None:
    """The issue's targets for one worker on one core, each endpoint marked as met or missed."""
    kinds = {endpoint.name: endpoint.kind for endpoint in ENDPOINTS}
    measured = [row for row in rows if row.ours is not None]

    def verdict(label: str, checks: list[tuple[str, bool, str]]) -> None:
        if not checks:
            return
        met = sum(ok for _, ok, _ in checks)
        print(f"  {label}: {met}/{len(checks)} met")
        for name, ok, figure in checks:
            if not ok:
                print(f"    missed by {name}: {figure}")

    print("\nTargets")
    verdict(
        "at least 3x Datasette's throughput",
        [
            (r.endpoint, ratio >= 3, f"{ratio:.2f}x")
            for r in measured
            if (ratio := r.ratio("datasette")) is not None
        ],
    )
    verdict(
        "single resources at 60% of the constant FastAPI route, lists at 25%",
        [
            (r.endpoint, share >= floor, f"{share:.0%} (target {floor:.0%})")
            for r in measured
            if (share := r.ratio("fastapi")) is not None
            for floor in [0.60 if kinds.get(r.endpoint) == "single" else 0.25]
        ],
    )
    verdict(
        "p99 under 50 ms",
        [(r.endpoint, r.ours.p99_ms < 50, f"{r.ours.p99_ms:.0f} ms") for r in measured if r.ours],
    )
    by_name = {r.endpoint: r.ours for r in measured}
    first, deep = (
        by_name.get("quotes by top speaker, first pages"),
        by_name.get("quotes by top speaker, deep"),
    )
    if first and deep:
        ratio = deep.requests_per_second / first.requests_per_second
        verdict(
            "a deep page as fast as the first pages (within 10%)",
            [("deep page", ratio >= 0.9, f"{ratio:.2f}x the first pages")],
        )
    if len(rss) > 2:
        # Caches (connections, statements, pages) fill during the first endpoint; after that, flat.
        growth = rss[-1] - rss[1]
        verdict(
            "server memory flat after the first endpoint (under 16 MiB of growth)",
            [("server", growth < 16, f"+{growth:.0f} MiB")],
        )
    verdict(
        "bulk ingest with extraction at 200 articles/s on one core",
        [
            (name, ingest.articles_per_second >= 200, f"{ingest.articles_per_second:.0f}/s")
            for name, ingest in ingests.items()
        ],
    )


def run_endpoints(
    args: argparse.Namespace,
    database_path: Path,
    workers: int,
    cores: str,
    samples: dict[str, list[tuple[str, dict[str, Any] | None]]],
    references: bool = False,
) -> tuple[list[Row], list[float]]:
    """Each endpoint in `--rounds` rounds; with `references`, the FastAPI and ASGI constants and
    Datasette serve beside the API (each idle while another is driven), and a round drives all four
    in turn, so that each ratio compares figures taken a few seconds apart."""
    port = free_port()
    env = {"FACTS_DATABASE_URL": f"sqlite:///{database_path}"}
    command = [*cpu_prefix(cores), str(Path(sys.executable).with_name("facts")), "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    wrk_cores = "1" if cores == "0" else "0,1"
    seconds = args.duration / args.rounds
    rows: list[Row] = []
    with ExitStack() as stack:
        process = stack.enter_context(server(command, port, env, "/health"))
        rss = [rss_mb(process.pid)]
        targets: dict[str, dict[str, Target]] = {}
        bodies: dict[str, bytes] = {}
        for endpoint in ENDPOINTS:
            row = Row(endpoint.name)
            rows.append(row)
            paths = [path for path, _ in samples[endpoint.name]]
            if not paths:
                row.missing = "no data"
                continue
            status, body = fetch(port, paths[0])
            if status != 200:
                row.missing = f"HTTP {status} on {paths[0][:60]}"
                continue
            bodies[endpoint.name] = body
            targets[endpoint.name] = {"ours": Target(port, process.pid, paths)}
            if endpoint.name.endswith("deep"):
                row.extra["pages deep"] = f"≥{min(DEEP_PAGE, _depth(samples[endpoint.name]))}"
        if references:
            start_references(stack, database_path, bodies, samples, targets)
        for row in rows:
            if row.endpoint not in targets:
                continue
            for target in targets[row.endpoint].values():
                target.warm(args, wrk_cores)
            for _ in range(args.rounds):
                for name, target in targets[row.endpoint].items():
                    row.record(name, target.measure(seconds, args, wrk_cores))
            assert row.ours is not None
            print(f"  {row.endpoint}: {row.ours.requests_per_second:,.0f} req/s", flush=True)
            rss.append(rss_mb(process.pid))
    return rows, rss


QUICK, SLOW = "quote by id", "Arabic full-text search"
SEARCHING_CONNECTIONS = 2


def run_mixed(
    args: argparse.Namespace, database_path: Path, samples: dict[str, list[tuple[str, dict[str, Any] | None]]]
) -> dict[str, Figures] | None:
    """One worker, free to use both cores: quote by id alone, then while a few connections search
    without pause. What a slow endpoint costs the quick ones beside it."""
    quick, slow = ([path for path, _ in samples.get(name, [])] for name in (QUICK, SLOW))
    if not quick or not slow:
        return None
    port = free_port()
    env = {"FACTS_DATABASE_URL": f"sqlite:///{database_path}"}
    command = [str(Path(sys.executable).with_name("facts")), "serve", "--port", str(port)]
    with server(command, port, env, "/health") as process, ThreadPoolExecutor(1) as pool:
        target = Target(port, process.pid, quick)
        target.warm(args, "1")
        alone = target.measure(args.duration, args, "1")
        searching = pool.submit(wrk, port, slow, args.duration + 2 * args.warmup, SEARCHING_CONNECTIONS, "1")
        time.sleep(args.warmup)
        beside = wrk(port, quick, args.duration, args.connections, "1")
        searches = searching.result()
    print(f"\nOne worker on both cores: {QUICK} beside {SEARCHING_CONNECTIONS} connections searching")
    rows = ((f"{QUICK} alone", alone), (f"{QUICK} beside searches", beside), ("searches", searches))
    for label, figures in rows:
        print(
            f"  {label:<30} {figures.requests_per_second:>8,.0f} req/s"
            f"  p50 {figures.p50_ms:6.1f} ms  p99 {figures.p99_ms:6.1f} ms"
        )
    return {"alone": alone, "beside_searches": beside, "searches": searches}


def print_rss(label: str, rss: list[float]) -> None:
    if len(rss) < 2:
        return
    print(
        f"{label}: {rss[0]:.0f} MiB idle, {rss[1]:.0f} MiB after the first endpoint, "
        f"{max(rss):.0f} MiB at most, {rss[-1]:.0f} MiB at the end"
    )


def _depth(sample: list[tuple[str, dict[str, Any] | None]]) -> int:
    """How many pages deep the shallowest of the sampled pages is."""
    return min((params or {}).get("page", 0) for _, params in sample) if sample else 0


def start_references(
    stack: ExitStack,
    database_path: Path,
    bodies: dict[str, bytes],
    samples: dict[str, list[tuple[str, dict[str, Any] | None]]],
    targets: dict[str, dict[str, Target]],
) -> None:
    """Start the references on the core the API runs on, and add them to each endpoint's targets:
    the constant FastAPI route and ASGI app answering the API's body for the endpoint, and Datasette
    asked the endpoint's SQL."""
    bodies_file = BENCH_DIR / "bodies.json"
    bodies_file.write_text(
        json.dumps({name: body.decode("utf-8") for name, body in bodies.items()}), encoding="utf-8"
    )
    env = {"BENCH_BODIES": str(bodies_file), "PYTHONPATH": str(PROJECT_DIR)}
    uvicorn = [
        str(Path(sys.executable).with_name("uvicorn")),
        "--host",
        HOST,
        "--workers",
        "1",
        "--no-proxy-headers",
        # The event loop `facts serve` runs on.
        "--loop",
        Settings().event_loop,
    ]
    for name, app in (("fastapi", "bench.reference:fastapi_app"), ("asgi", "bench.reference:asgi_app")):
        port = free_port()
        command = [*cpu_prefix("0"), *uvicorn, "--port", str(port), app]
        process = stack.enter_context(server(command, port, env, "/ref/none"))
        for endpoint in bodies:
            targets[endpoint][name] = Target(port, process.pid, [f"/ref/{quote(endpoint)}"])
    port = free_port()
    command = [
        *cpu_prefix("0"),
        str(Path(sys.executable).with_name("datasette")),
        "serve",
        "-i",
        str(database_path),
        "--host",
        HOST,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "20000",
    ]
    process = stack.enter_context(server(command, port, {}, "/-/versions.json"))
    for endpoint in ENDPOINTS:
        if endpoint.datasette_sql is None or endpoint.name not in bodies:
            continue
        paths = [
            datasette_path(database_path.stem, endpoint.datasette_sql, params or {})
            for _, params in samples[endpoint.name]
        ]
        status, body = fetch(port, paths[0])
        if status != 200:
            print(f"  Datasette answered {status} for {endpoint.name}: {body[:200]!r}")
            continue
        targets[endpoint.name]["datasette"] = Target(port, process.pid, paths)


def options() -> argparse.ArgumentParser:
    """`make bench`'s options, each defaulting to its BENCH_ environment variable."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 100_000)))
    parser.add_argument(
        "--duration",
        type=float,
        default=float(os.environ.get("BENCH_DURATION", 12)),
        help="Seconds each server is driven per endpoint, over all rounds.",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("BENCH_ROUNDS", 3)),
        help="Rounds per endpoint: the API and each reference driven in turn, medians reported.",
    )
    parser.add_argument("--warmup", type=float, default=float(os.environ.get("BENCH_WARMUP", 2)))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 32)))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", 0)))
    parser.add_argument(
        "--extract-sample", type=int, default=int(os.environ.get("BENCH_EXTRACT_SAMPLE", 2000))
    )
    parser.add_argument("--no-references", action="store_true", help="Skip FastAPI, ASGI and Datasette.")
    parser.add_argument("--no-scaling", action="store_true", help="Skip the two-worker run.")
    parser.add_argument(
        "--only", default=os.environ.get("BENCH_ONLY", ""), help="Endpoint names, separated by |."
    )
    return parser


def main() -> None:
    args = options().parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    if args.only:
        wanted = {name.strip() for name in args.only.split("|")}
        ENDPOINTS[:] = [e for e in ENDPOINTS if e.name in wanted]

    tidy()
    print(f"Database: {args.articles:,} synthetic articles (seed {args.seed}), through the bulk ingest path")
    database_path, built = build_database(args.articles, args.seed)
    if built is None:
        print(f"  reused {database_path.relative_to(PROJECT_DIR)}")
    else:
        print(f"  bulk ingest with extraction: {built.describe()}")
    with sqlite3.connect(f"file:{database_path}?mode=ro", uri=True) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("article", "speaker", "quote", "pledge", "date_mention")
        }
        print("  rows: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
        print(f"  file: {database_path.stat().st_size / 2**20:,.0f} MiB")
        rng = random.Random(args.seed)
        samples = {endpoint.name: endpoint.paths(connection, rng) for endpoint in ENDPOINTS}

    ingests = {} if built is None else {"the database": built}
    if args.extract_sample:
        sample = ingests["a scratch database"] = measure_ingest(args.extract_sample, args.seed)
        print(f"  bulk ingest with extraction, on a scratch database: {sample.describe()}")

    extraction = measure(generated_articles(200), date(2024, 9, 30), rounds=5)
    print(f"  extraction alone: {extraction:,.0f} articles of 4 KB per CPU-second (best of 5 rounds)")

    print(
        f"\nLoad: wrk, {args.connections} connections, {args.duration:g} s per endpoint and server "
        f"in {args.rounds} rounds, after {args.warmup:g} s warm-up; medians over the rounds"
    )
    one, rss = run_endpoints(args, database_path, 1, "0", samples, references=not args.no_references)
    print_table(
        "One uvicorn worker on one core (wrk on the other)", one, with_references=not args.no_references
    )
    print_rss("server memory (anonymous RSS)", rss)
    print_targets(one, rss, ingests)
    results: dict[str, Any] = {
        "articles": args.articles,
        "ingest_articles_per_second": {name: i.articles_per_second for name, i in ingests.items()},
        "one_worker": one,
        "rss_mb": rss,
    }
    if not args.no_scaling and (os.cpu_count() or 1) > 1:
        two, rss_two = run_endpoints(args, database_path, 2, "0,1", samples)
        print_table("Two uvicorn workers on both cores (wrk shares them)", two, with_references=False)
        print_rss("server memory (anonymous RSS, both workers and the supervisor)", rss_two)
        for row_one, row_two in zip(one, two, strict=True):
            # An endpoint that answered nothing within wrk's timeout has no ratio.
            if row_one.ours and row_two.ours and row_one.ours.requests_per_second:
                factor = row_two.ours.requests_per_second / row_one.ours.requests_per_second
                print(f"  {row_one.endpoint:<34} x{factor:.2f} the one-worker throughput")
        results["two_workers"] = two
        results["rss_mb_two_workers"] = rss_two
    if not args.no_scaling and (os.cpu_count() or 1) > 1:
        results["mixed"] = run_mixed(args, database_path, samples)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = BENCH_DIR / f"results-{stamp}.json"
    out.write_text(json.dumps(results, default=lambda o: o.__dict__, indent=1), encoding="utf-8")
    print(f"\nfigures saved to {out.relative_to(PROJECT_DIR)}")


if __name__ == "__main__":
    main()
