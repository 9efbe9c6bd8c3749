"""Search contracts: a ranked hit with the passage that matched."""

from pydantic import BaseModel, ConfigDict, Field


class SnippetPublic(BaseModel):
    field: str = Field(description="The field the passage comes from, e.g. text.")
    text: str = Field(description="The passage, matched words wrapped in <mark></mark>.")
    start: int = Field(description="Code-point offset of the passage in that field.")
    end: int


SEARCH_HIT_EXAMPLE = {
    "kind": "quote",
    "id": 10,
    "article_id": 1,
    "score": 3.13,
    "snippet": {
        "field": "text",
        "text": "ستقدم 148 مليون دولار لتعزيز عمليات الأمن الحدودية التي يقودها المدنيون وفرق مكافحة "
        "<mark>الإرهاب</mark> عبر أفريقيا وآسيا الوسطى",
        "start": 20,
        "end": 136,
    },
    "url": "/v1/quotes/10",
}


class SearchHit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SEARCH_HIT_EXAMPLE]})

    kind: str = Field(description="quote, pledge or article.")
    id: int
    article_id: int
    score: float = Field(description="Relevance; higher is better. Comparable within one query.")
    snippet: SnippetPublic | None = Field(
        description="The passage around the first matched word of the first field that has one."
    )
    url: str = Field(description="Where the full record is, e.g. /v1/quotes/3.")
