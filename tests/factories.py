"""Build articles with facts through the real ingest path; offsets are found in the text."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text as sql

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


def store_speakers_sharing_a_name(application: FastAPI) -> dict[str, list[int]]:
    """Three speakers known as "the envoy", each with quotes of both kinds spread over articles
    stored in turn, and one speaker with another name: the quote ids of each speaker."""
    people = ["Amal Hill", "Omar Hill", "Sara Hill", "Jane Doe"]
    for round_ in range(4):
        for person in people:
            body = f"{person} said: talks go on, round {round_}. {person} added: we stay, round {round_}."
            first, second = f"talks go on, round {round_}", f"we stay, round {round_}"
            aliases = [] if person == "Jane Doe" else ["the envoy"]
            facts = FactsIn.model_validate(
                {
                    "speakers": [{"name": person, "aliases": aliases}],
                    "quotes": [
                        {"speaker": person, "kind": "direct", "text": first, **span(body, first)},
                        {"speaker": person, "kind": "indirect", "text": second, **span(body, second)},
                    ],
                }
            )
            with application.state.database.session(write=True) as session:
                store_article(session, ArticleIn(text=body, language="en"), facts)
                session.commit()
    with application.state.database.reader.connect() as connection:
        rows = connection.execute(
            sql("SELECT s.name, q.id FROM quote q JOIN speaker s ON s.id = q.speaker_id ORDER BY q.id")
        )
        quotes: dict[str, list[int]] = {}
        for name, quote_id in rows:
            quotes.setdefault(name, []).append(quote_id)
    return quotes
