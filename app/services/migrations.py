"""Run Alembic migrations from code: the schema's only source."""

import re
from collections.abc import Mapping
from functools import cache

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from app.settings import PROJECT_DIR

# Full-text index objects that the migrations create beside the tables and that the models cannot
# describe: FTS5 tables and their shadow tables on SQLite, tsvector columns and GIN indexes on
# PostgreSQL. Autogenerate leaves them alone.
SEARCH_INDEX_OBJECTS = re.compile(r"\w+_fts(_\w+)?|search_vector|ix_\w+_search_vector")


def is_search_index(name: str | None) -> bool:
    return name is not None and SEARCH_INDEX_OBJECTS.fullmatch(name) is not None


def include_name(name: str | None, _type: str, _parents: Mapping[str, str | None]) -> bool:
    """Alembic's include_name hook: compare everything but the full-text index objects."""
    return not is_search_index(name)


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_DIR / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)


@cache
def head_revisions() -> frozenset[str]:
    """The newest revisions the code knows; read once, since the code does not change while serving."""
    return frozenset(ScriptDirectory.from_config(alembic_config("")).get_heads())


def current_revisions(connection: Connection) -> frozenset[str]:
    return frozenset(MigrationContext.configure(connection).get_current_heads())
