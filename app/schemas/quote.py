"""Quote contracts."""

from pydantic import BaseModel, ConfigDict, Field

QUOTE_EXAMPLE = {
    "id": 10,
    "article_id": 1,
    "speaker_id": 1,
    "speaker": "أنتوني بلينكن",
    "kind": "direct",
    "verb": "وقال",
    "text": "إن الولايات المتحدة ستقدم 148 مليون دولار لتعزيز عمليات الأمن الحدودية التي يقودها "
    "المدنيون وفرق مكافحة الإرهاب عبر أفريقيا وآسيا الوسطى",
    "gloss_en": "The United States will provide $148 million to strengthen civilian-led border security "
    "operations and counter-terrorism teams across Africa and Central Asia.",
    "start": 2060,
    "end": 2196,
    "curated": False,
}


class QuotePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [QUOTE_EXAMPLE]})

    id: int
    article_id: int
    speaker_id: int | None
    speaker: str | None = Field(description="The speaker's name as written.")
    kind: str = Field(description="direct (inside quotation marks) or indirect (reported speech).")
    verb: str | None = Field(description="The attribution verb as written.")
    text: str
    gloss_en: str | None = Field(description="English gloss, where one was curated.")
    start: int
    end: int
    curated: bool = Field(description="Corrected by a person through the API.")
