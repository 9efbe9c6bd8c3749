"""Benchmark: list pages deep into a large table cost the same as the first page; exports stream.

Usage: .venv/bin/python -m bench.paging [ROWS] [DATABASE_URL]
Builds ROWS pledges (default 500,000) in a fresh SQLite file (or the empty database at DATABASE_URL),
then prints the median time of page 1 and page 1,000 for several sorts and filters, and the
throughput of a CSV export."""

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from app.db import Database
from app.models import Article, Pledge
from app.schemas.filters import PledgeFilters
from app.services import migrations, queries
from app.services.pagination import encode_cursor, sort_values

PAGE = 50
DEEP_PAGE = 1000


def fill(database: Database, rows: int) -> None:
    with database.session(write=True) as session:
        article_id = session.execute(
            insert(Article)
            .values(language="en", text="x", content_hash="b" * 64, created_at=datetime.now(UTC))
            .returning(Article.id)
        ).scalar_one()
        for offset in range(0, rows, 50_000):
            session.execute(
                insert(Pledge),
                [
                    {
                        "article_id": article_id,
                        "donor": f"Donor {i % 97}",
                        "amount": (i * 7919) % 100_000,  # many ties
                        "currency": ("USD", "EUR", "JPY")[i % 3],
                        "status": "new",
                        "evidence": "x",
                        "start": 0,
                        "end": 1,
                    }
                    for i in range(offset, min(rows, offset + 50_000))
                ],
            )
        session.commit()


def timed_page(database: Database, filters: PledgeFilters, repeat: int = 7) -> float:
    samples = []
    for _ in range(repeat):
        with database.reader.connect() as connection:
            began = time.perf_counter()
            queries.page(connection, queries.list_pledges(connection, filters), filters)
            samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1000


def deep_cursor(database: Database, params: dict[str, object]) -> str:
    """The cursor that page DEEP_PAGE starts from, found by reading the rows before it once."""
    filters = PledgeFilters.model_validate(params)
    with database.reader.connect() as connection:
        listing = queries.list_pledges(connection, filters)
        order = [k.column.desc() if k.descending else k.column.asc() for k in listing.ordering.keys]
        row = connection.execute(
            listing.statement.order_by(*order).offset(PAGE * (DEEP_PAGE - 1) - 1).limit(1), listing.params
        ).one()
        return encode_cursor(listing.ordering, sort_values(row, listing.ordering))


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    with tempfile.TemporaryDirectory() as folder:
        url = sys.argv[2] if len(sys.argv) > 2 else f"sqlite:///{Path(folder) / 'bench.db'}"
        migrations.upgrade(url)
        database = Database(url)
        began = time.perf_counter()
        fill(database, rows)
        print(f"{database.backend}: {rows} pledges inserted in {time.perf_counter() - began:.1f} s")
        print(f"{'listing':<36} {'page 1 ms':>10} {'page 1000 ms':>13}")
        for params in (
            {"sort": "id"},
            {"sort": "-amount"},
            {"sort": "amount", "currency": "EUR"},
            {"sort": "-id", "status": "new"},
        ):
            first = timed_page(database, PledgeFilters.model_validate({**params, "limit": PAGE}))
            cursor = deep_cursor(database, params)
            deep = timed_page(
                database, PledgeFilters.model_validate({**params, "limit": PAGE, "cursor": cursor})
            )
            label = "&".join(f"{k}={v}" for k, v in params.items())
            print(f"{label:<36} {first:>10.2f} {deep:>13.2f}")
        filters = PledgeFilters.model_validate({"sort": "-amount"})
        with database.reader.connect() as connection:
            began = time.perf_counter()
            exported = sum(
                len(batch)
                for batch in queries.export(connection, queries.list_pledges(connection, filters), filters)
            )
            elapsed = time.perf_counter() - began
        print(f"export of {exported} rows (sort=-amount): {elapsed:.1f} s, {exported / elapsed:,.0f} rows/s")
        database.dispose()


if __name__ == "__main__":
    main()
