"""The `facts` command: a thin shell over the services. `facts` alone serves."""

from typing import Annotated

import typer
import uvicorn

from app.db import Database
from app.services import migrations
from app.services.seed import seed as seed_database
from app.settings import Settings

app = typer.Typer(help="Article Facts API: structured, verifiable facts from news articles.")
db_app = typer.Typer(help="Database schema commands.")
app.add_typer(db_app, name="db")


@app.callback(invoke_without_command=True)
def main(context: typer.Context) -> None:
    if context.invoked_subcommand is None:
        serve()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address [default: FACTS_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: FACTS_PORT]")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API (docs at /docs)."""
    settings = Settings()
    uvicorn.run(
        "app.asgi:app",
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        proxy_headers=False,
    )


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
