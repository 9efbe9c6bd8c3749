"""Article contracts."""

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

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


def _plain_text(value: str | None) -> str | None:
    """Text must survive any backend: no NUL bytes, no unpaired surrogates."""
    if value is None:
        return value
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode (no unpaired surrogates)") from exc
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]


class ArticleCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "قال وزير الخارجية إن بلاده ستقدم 20 مليون دولار لدعم اللاجئين.",
                    "language": "ar",
                    "published_on": "2024-09-30",
                    "source_name": "Example News",
                }
            ]
        },
    )

    text: PlainText = Field(min_length=1, description="The article, verbatim (UTF-8).")
    title: PlainText | None = None
    language: Literal["ar", "en"] | None = Field(
        None, description="ISO 639-1; detected from the text when omitted."
    )
    published_on: date | None = Field(
        None, description="Publication date; anchors relative dates such as 'yesterday'."
    )
    source_name: PlainText | None = None
    source_url: PlainText | None = Field(None, max_length=2048)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty or whitespace only")
        return value

    @field_validator("published_on", mode="before")
    @classmethod
    def _written_as_a_date(cls, value: object) -> object:
        # pydantic would read a number as Unix time: 0 would be 1970-01-01.
        if isinstance(value, int | float):
            raise ValueError("write the date as YYYY-MM-DD")
        return value
