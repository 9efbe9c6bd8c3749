"""Organization and place contracts: the entity and the spans that mention it."""

from pydantic import BaseModel, ConfigDict, Field

PLACE_EXAMPLE = {
    "id": 1,
    "name": "Washington",
    "name_ar": "واشنطن",
    "kind": "city",
    "mention_count": 1,
    "mentions": [{"article_id": 1, "text": "واشنطن", "start": 222, "end": 228}],
}
ORGANIZATION_EXAMPLE = {
    "id": 2,
    "name": "Global Coalition to Defeat ISIS",
    "name_ar": "التحالف الدولي لهزيمة داعش",
    "kind": "coalition",
    "mention_count": 1,
    "mentions": [{"article_id": 1, "text": "التحالف الدولي لهزيمة تنظيم (داعش)", "start": 186, "end": 220}],
}
ENTITY_EXAMPLE = {key: value for key, value in PLACE_EXAMPLE.items() if key != "mentions"}


class MentionPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [PLACE_EXAMPLE["mentions"][0]]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [PLACE_EXAMPLE]})

    mentions: list[MentionPublic]
