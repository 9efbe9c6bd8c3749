"""Everything known about one article, in one response."""

from pydantic import BaseModel, ConfigDict

from app.schemas.article import SEED_ARTICLE_DETAIL_EXAMPLE, ArticleDetail
from app.schemas.date_mention import DATE_EXAMPLE, DatePublic
from app.schemas.entity import ORGANIZATION_EXAMPLE, PLACE_EXAMPLE, EntityDetail
from app.schemas.pledge import PLEDGE_EXAMPLE, PledgePublic
from app.schemas.quote import QUOTE_EXAMPLE, QuotePublic
from app.schemas.speaker import SPEAKER_EXAMPLE, SpeakerPublic

# The seed article's bundle, one fact of each kind shown of the many it has.
FACTS_EXAMPLE = {
    "article": SEED_ARTICLE_DETAIL_EXAMPLE,
    "speakers": [SPEAKER_EXAMPLE],
    "quotes": [QUOTE_EXAMPLE],
    "pledges": [PLEDGE_EXAMPLE],
    "dates": [DATE_EXAMPLE],
    "organizations": [ORGANIZATION_EXAMPLE],
    "places": [PLACE_EXAMPLE],
}


class ArticleFacts(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [FACTS_EXAMPLE]})

    article: ArticleDetail
    speakers: list[SpeakerPublic]
    quotes: list[QuotePublic]
    pledges: list[PledgePublic]
    dates: list[DatePublic]
    organizations: list[EntityDetail]
    places: list[EntityDetail]
