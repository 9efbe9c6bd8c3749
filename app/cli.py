"""The `facts` command: a thin shell over the services. `facts` alone serves."""

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from app import server
from app.db import Database
from app.errors import AppError, NotFound
from app.extraction import extract as extract_facts
from app.extraction.evaluation import evaluate
from app.observability import logging_config
from app.services import keys, migrations
from app.services.bulk import IngestReport, ingest_articles
from app.services.files import article_files, read_article
from app.services.ingest import ArticleIn, extracted_facts, resolve_language
from app.services.seed import seed as seed_database
from app.settings import Settings

app = typer.Typer(help="Article Facts API: structured, verifiable facts from news articles.")
db_app = typer.Typer(help="Database schema commands.")
app.add_typer(db_app, name="db")
keys_app = typer.Typer(help="API keys for writes (and for reads when FACTS_READ_REQUIRES_KEY is set).")
app.add_typer(keys_app, name="keys")


@app.callback(invoke_without_command=True)
def main(context: typer.Context) -> None:
    if context.invoked_subcommand is None:
        serve()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address [default: FACTS_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: FACTS_PORT]")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes [default: FACTS_WORKERS]")
    ] = None,
) -> None:
    """Serve the API (docs at /docs)."""
    settings = Settings()
    workers = workers or settings.workers
    metrics_dir = None
    if workers > 1 and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        # Workers inherit the environment: each writes its metrics here and /metrics sums them.
        metrics_dir = tempfile.mkdtemp(prefix="facts-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        server.run(
            "app.asgi:app",
            host=host or settings.host,
            port=port or settings.port,
            workers=workers,
            proxy_headers=False,
            # asyncio by default: under uvloop some connections wait while others are served (at 32
            # connections the summary's p99 was 105-153 ms against 40 on asyncio), for no more
            # requests answered.
            loop=settings.event_loop,
            http=server.PROTOCOL,
            # Our own access log replaces uvicorn's, which would print query strings.
            access_log=False,
            log_config=logging_config(settings.log_level),
        )
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    migrations.upgrade(Settings().database_url, revision)
    typer.echo(f"database at {revision}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument()]) -> None:
    """Migrate the database down to REVISION (`base` empties it)."""
    migrations.downgrade(Settings().database_url, revision)
    typer.echo(f"database at {revision}")


@app.command()
def seed() -> None:
    """Load the seed article and its hand-checked facts; running it again changes nothing."""
    database = Database.configured(Settings())
    try:
        with database.session(write=True) as session:
            stored = seed_database(session)
            session.commit()
    finally:
        database.dispose()
    verb = "loaded" if stored.created else "already loaded"
    typer.echo(f"seed article {verb} (id {stored.article.id})")


class Language(StrEnum):
    ar = "ar"
    en = "en"


LanguageOption = Annotated[
    Language | None, typer.Option(help="Language of the text [default: detected].")
]
PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date, YYYY-MM-DD; anchors relative dates.", metavar="DATE"),
]
# Articles per transaction for `facts ingest`: a batch's rows go in a few statements, and a
# failure loses no more than one batch.
INGEST_BATCH = 500


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint="--published") from exc


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="UTF-8 text file, or - for standard input.", allow_dash=True)],
    language: LanguageOption = None,
    published: PublishedOption = None,
) -> None:
    """Print the facts of an article as JSON; touches no database."""
    published_on = _published(published)
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(str(exc), param_hint="FILE") from exc
    if not text.strip():
        raise typer.BadParameter("the text is empty", param_hint="FILE")
    try:
        chosen = resolve_language(text, language.value if language else None)
    except AppError as exc:
        raise typer.BadParameter(exc.detail, param_hint="--language") from exc
    facts = extract_facts(text, language=chosen, published=published_on)
    typer.echo(json.dumps(facts.model_dump(mode="json"), ensure_ascii=False, indent=2))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt or .json) or folders.", exists=True)],
    language: LanguageOption = None,
    published: PublishedOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles stored per transaction.")] = INGEST_BATCH,
) -> None:
    """Store articles and their extracted facts, many to a transaction (the bulk path), beside a
    running server; a text already stored is skipped."""
    files = list(article_files(paths))
    published_on = _published(published)
    failures: list[str] = []
    # Each article's file by the article's id(), to name a rejected one: the report keeps a rejected
    # article alive, so no later article takes its id.
    read_from: dict[int, Path] = {}

    def articles() -> Iterator[ArticleIn]:
        for path in files:
            try:
                article = read_article(path, language.value if language else None, published_on)
            except (OSError, UnicodeDecodeError, ValueError, AppError) as exc:
                failures.append(f"{path}: {getattr(exc, 'detail', exc)}")
                continue
            read_from[id(article)] = path
            yield article

    database = Database.configured(Settings())
    try:
        with Progress(transient=True) as progress:
            task = progress.add_task("ingesting", total=len(files))

            def advance(report: IngestReport) -> None:
                progress.update(task, completed=report.handled + len(failures))

            report = ingest_articles(
                database, articles(), extracted_facts, batch_size=batch_size, progress=advance
            )
    finally:
        database.dispose()
    failures += [f"{read_from[id(article)]}: {error.detail}" for article, error in report.rejections]
    for failure in failures:
        typer.echo(f"failed: {failure}", err=True)
    typer.echo(f"{report.stored} stored, {report.duplicates} already present, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold files or folders.", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score the extractor against gold annotations: precision, recall and F1 per fact kind."""
    report = evaluate(gold)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.to_table())


def _keys_session() -> Database:
    return Database.configured(Settings())


@keys_app.command("create")
def keys_create(name: Annotated[str, typer.Argument(help="Who or what the key is for.")]) -> None:
    """Create a key and print it once; only its hash is stored."""
    database = _keys_session()
    try:
        with database.session(write=True) as session:
            api_key, key = keys.create_key(session, name)
            session.commit()
    finally:
        database.dispose()
    typer.echo(f"key {api_key.id} ({name}): {key}")
    typer.echo("Store it now: it cannot be shown again.", err=True)


@keys_app.command("list")
def keys_list() -> None:
    """List keys: id, prefix, name, created, revoked."""
    database = _keys_session()
    try:
        with database.session() as session:
            rows = keys.list_keys(session)
    finally:
        database.dispose()
    for api_key in rows:
        revoked = api_key.revoked_at.isoformat() if api_key.revoked_at else "active"
        typer.echo(
            f"{api_key.id}\t{api_key.prefix}…\t{api_key.name}\t{api_key.created_at.isoformat()}\t{revoked}"
        )


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="The key's id, from `facts keys list`.")]) -> None:
    """Revoke a key: requests with it are refused (403) from now on."""
    database = _keys_session()
    try:
        with database.session(write=True) as session:
            keys.revoke_key(session, key_id)
            session.commit()
    except NotFound as exc:
        typer.echo(exc.detail, err=True)
        raise typer.Exit(1) from exc
    finally:
        database.dispose()
    typer.echo(f"key {key_id} revoked")
