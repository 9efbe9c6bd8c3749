"""Keep each searchable row's `search_text` in step with the fields it is derived from.

The ORM computes it on every insert and on every update that touches a source field, so every
write path through a Session (ingest, curation) keeps it right; the database then keeps its full-text
index in step with `search_text` by itself (FTS5 triggers on SQLite, a generated tsvector on
PostgreSQL). A bulk write that bypasses the ORM must set `search_text` itself, with
`search_text_of`."""

from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import SQLModel

from app.models.article import Article
from app.models.pledge import Pledge
from app.models.quote import Quote
from app.services.search_text import search_text

SEARCHED_FIELDS: dict[type[SQLModel], tuple[str, ...]] = {
    Article: ("title", "text"),
    Quote: ("text", "gloss_en"),
    Pledge: ("donor", "recipient", "purpose", "evidence"),
}


def search_text_of(model: type[SQLModel], values: dict[str, Any]) -> str:
    return search_text(*(values.get(field) for field in SEARCHED_FIELDS[model]))


def _refresh(target: Any) -> None:
    fields = SEARCHED_FIELDS[type(target)]
    target.search_text = search_text_of(type(target), {f: getattr(target, f) for f in fields})


def _on_insert(_mapper: Any, _connection: Any, target: Any) -> None:
    _refresh(target)


def _on_update(_mapper: Any, _connection: Any, target: Any) -> None:
    state = inspect(target)
    if any(state.attrs[field].history.has_changes() for field in SEARCHED_FIELDS[type(target)]):
        _refresh(target)


for _model in SEARCHED_FIELDS:
    event.listen(_model, "before_insert", _on_insert)
    event.listen(_model, "before_update", _on_update)
