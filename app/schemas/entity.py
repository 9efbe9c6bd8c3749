"""Organization and place contracts: the entity and the spans that mention it."""

from pydantic import BaseModel, ConfigDict, Field

ENTITY_EXAMPLE = {
    "id": 1,
    "name": "Iraq",
    "name_ar": "العراق",
    "kind": "country",
    "mention_count": 9,
}


class MentionPublic(BaseModel):
    article_id: int
    text: str
    start: int
    end: int


class EntityPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ENTITY_EXAMPLE]})

    id: int
    name: str = Field(description="Canonical English name.")
    name_ar: str | None = Field(description="Canonical Arabic name.")
    kind: str | None
    mention_count: int


class EntityDetail(EntityPublic):
    mentions: list[MentionPublic]
