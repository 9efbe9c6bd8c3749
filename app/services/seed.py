"""The seed article and its hand-checked facts, from data/seed/."""

import json
from datetime import date

from sqlalchemy.orm import Session

from app.schemas.facts import FactsIn
from app.services.ingest import ArticleIn, Stored, store_or_get
from app.settings import DATA_DIR

SEED_DIR = DATA_DIR / "seed"


def load_seed() -> tuple[ArticleIn, FactsIn]:
    text = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    document = json.loads((SEED_DIR / "facts.json").read_text(encoding="utf-8"))
    meta = document["article"]
    published = meta.get("published_on")
    article = ArticleIn(
        text=text,
        language=meta["language"],
        title=meta.get("title"),
        published_on=date.fromisoformat(published) if published else None,
        source_name=meta.get("source_name"),
        source_url=meta.get("source_url"),
    )
    return article, FactsIn.model_validate(document["facts"])


def seed(session: Session) -> Stored:
    """Store the seed article with its curated facts; a second run changes nothing."""
    article, facts = load_seed()
    return store_or_get(session, article, facts)
