"""Read articles from files: plain UTF-8 text, or JSON objects carrying the text and metadata."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from app.services.ingest import ArticleIn, resolve_language

ARTICLE_SUFFIXES = (".txt", ".json")


def article_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and every .txt and .json file under the folders named, in order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())
        else:
            yield path


def read_article(path: Path, language: str | None = None, published: date | None = None) -> ArticleIn:
    """An article from a file; metadata in a JSON file wins over the defaults given."""
    raw = path.read_bytes().decode("utf-8")
    if path.suffix != ".json":
        text = raw
        meta: dict[str, object] = {}
    else:
        meta = json.loads(raw)
        if not isinstance(meta, dict) or not isinstance(meta.get("text"), str):
            raise ValueError("a JSON article is an object with a string `text`")
        text = meta["text"]  # type: ignore[assignment]
    if not text.strip():
        raise ValueError("the text is empty")
    stated = meta.get("published_on") or meta.get("published")
    return ArticleIn(
        text=text,
        language=resolve_language(text, _str(meta.get("language")) or language),
        title=_str(meta.get("title")),
        published_on=date.fromisoformat(stated) if isinstance(stated, str) else published,
        source_name=_str(meta.get("source_name")),
        source_url=_str(meta.get("source_url")),
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
