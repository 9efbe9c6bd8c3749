"""Build articles with facts through the real ingest path; offsets are found in the text."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from fastapi import FastAPI

from app.schemas.facts import FactsIn
from app.services.ingest import ArticleIn, store_article

# Every kind of character a JSON string escapes, and some it does not.
AWKWARD = 'قال "اقتباس" \\ مائل\n\tسطر \x01\x1f\x7f \u2028 é 😀'


def span(text: str, evidence: str) -> dict[str, int]:
    start = text.index(evidence)
    return {"start": start, "end": start + len(evidence)}


def add_article(
    application: FastAPI,
    text: str,
    *,
    language: str = "ar",
    title: str | None = None,
    published_on: date | None = None,
    quotes: Sequence[str] = (),
    pledges: Sequence[dict[str, Any]] = (),
    dates: Sequence[dict[str, Any]] = (),
) -> int:
    """Store the article; each quote is a substring, each pledge/date names its `evidence`."""
    facts = FactsIn.model_validate(
        {
            "quotes": [{"kind": "direct", "text": q, **span(text, q)} for q in quotes],
            "pledges": [{**p, **span(text, p["evidence"])} for p in pledges],
            "dates": [{**d, "expression": d["evidence"], **span(text, d["evidence"])} for d in dates],
        }
    )
    article = ArticleIn(text=text, language=language, title=title, published_on=published_on)
    with application.state.database.session(write=True) as session:
        stored = store_article(session, article, facts)
        session.commit()
        assert stored.article.id is not None
        return stored.article.id
