"""The `facts` command: a thin shell over the services. `facts` alone serves."""

import os
import shutil
import tempfile
from typing import Annotated

import typer
import uvicorn

from app.db import Database
from app.errors import NotFound
from app.observability import logging_config
from app.services import keys, migrations
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
        uvicorn.run(
            "app.asgi:app",
            host=host or settings.host,
            port=port or settings.port,
            workers=workers,
            proxy_headers=False,
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
    database = Database(Settings().database_url)
    try:
        with database.session(write=True) as session:
            stored = seed_database(session)
            session.commit()
    finally:
        database.dispose()
    verb = "loaded" if stored.created else "already loaded"
    typer.echo(f"seed article {verb} (id {stored.article.id})")


def _keys_session() -> Database:
    return Database(Settings().database_url)


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
