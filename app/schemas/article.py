"""Article contracts."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from app.settings import DATA_DIR

SEED_ARTICLE_EXAMPLE = {
    "id": 1,
    "title": "Blinken at the Global Coalition to Defeat ISIS ministerial in Washington",
    "language": "ar",
    "published_on": "2024-09-30",
    "source_name": None,
    "source_url": None,
    "content_hash": "a2cde369347e7e01b7a66410879e4b62ba3d3cec3327a32daafd071ebb7b966a",
    "created_at": "2024-09-30T12:00:00Z",
    "text_length": 2612,
}

SEED_ARTICLE_DETAIL_EXAMPLE = {
    **SEED_ARTICLE_EXAMPLE,
    "text": (DATA_DIR / "seed" / "article.txt").read_text(encoding="utf-8"),
}


class ArticlePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [SEED_ARTICLE_EXAMPLE]})

    id: int
    title: str | None
    language: str = Field(description="ISO 639-1 code: ar or en.")
    published_on: date | None
    source_name: str | None
    source_url: str | None
    content_hash: str = Field(description="SHA-256 of the text; the same text is stored once.")
    created_at: datetime
    text_length: int = Field(description="Length of the text in code points.")


class ArticleDetail(ArticlePublic):
    model_config = ConfigDict(json_schema_extra={"examples": [SEED_ARTICLE_DETAIL_EXAMPLE]})

    text: str = Field(description="The article verbatim; every fact's start/end indexes into it.")
