"""Speaker contracts."""

from pydantic import BaseModel, ConfigDict, Field

SPEAKER_EXAMPLE = {
    "id": 1,
    "name": "أنتوني بلينكن",
    "name_en": "Antony Blinken",
    "title": "وزير الخارجية الأمريكي",
    "organization": "U.S. Department of State",
    "kind": "person",
    "aliases": ["Antony J. Blinken", "Blinken", "بلينكن"],
    "curated": False,
}


class SpeakerPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SPEAKER_EXAMPLE]})

    id: int
    name: str
    name_en: str | None
    title: str | None
    organization: str | None
    kind: str
    aliases: list[str]
    curated: bool = Field(description="Corrected by a person through the API.")
