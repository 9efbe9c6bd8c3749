"""Dependencies shared by the routers: sessions and load-or-404 lookups."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Article
from app.services.queries import get_or_404
from app.settings import Settings


def get_database(request: Request) -> Database:
    return request.app.state.database


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def read_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    with database.session() as session:
        yield session


def write_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """The handler commits before it answers, so that an acknowledged write is durable, and
    runs nothing on this session after the commit: on SQLite a new statement would take the write
    lock again and keep it until the session is closed, in another thread, after the handler."""
    with database.session(write=True) as session:
        yield session


SessionDep = Annotated[Session, Depends(read_session)]
WriteSessionDep = Annotated[Session, Depends(write_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]


def load_article(article_id: Annotated[int, Path(examples=[1])], session: SessionDep) -> Article:
    return get_or_404(session, Article, article_id, "article")


ArticleDep = Annotated[Article, Depends(load_article)]
