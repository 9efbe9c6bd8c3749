"""Tables, one module per table family. Importing this package registers them all."""

from app.models.article import Article
from app.models.date_mention import DateMention
from app.models.entity import Organization, OrganizationMention, Place, PlaceMention
from app.models.pledge import Pledge
from app.models.quote import Quote
from app.models.search import search_text_of
from app.models.speaker import Speaker, SpeakerAlias

__all__ = [
    "Article",
    "DateMention",
    "Organization",
    "OrganizationMention",
    "Place",
    "PlaceMention",
    "Pledge",
    "Quote",
    "Speaker",
    "SpeakerAlias",
    "search_text_of",
]
