"""Everything known about one article, in one response."""

from pydantic import BaseModel

from app.schemas.article import ArticleDetail
from app.schemas.date_mention import DatePublic
from app.schemas.entity import EntityDetail
from app.schemas.pledge import PledgePublic
from app.schemas.quote import QuotePublic
from app.schemas.speaker import SpeakerPublic


class ArticleFacts(BaseModel):
    article: ArticleDetail
    speakers: list[SpeakerPublic]
    quotes: list[QuotePublic]
    pledges: list[PledgePublic]
    dates: list[DatePublic]
    organizations: list[EntityDetail]
    places: list[EntityDetail]
