"""Tables, one module per table family. Importing this package registers them all."""

from app.models.api_key import ApiKey
from app.models.article import Article
from app.models.audit import AuditEvent
from app.models.date_mention import DateMention
from app.models.entity import Organization, OrganizationMention, Place, PlaceMention
from app.models.pledge import Pledge, PledgeRollup
from app.models.quote import Quote
from app.models.rate_limit import RateLimitCounter
from app.models.search import search_text_of
from app.models.speaker import Speaker, SpeakerAlias

__all__ = [
    "ApiKey",
    "Article",
    "AuditEvent",
    "DateMention",
    "Organization",
    "OrganizationMention",
    "Place",
    "PlaceMention",
    "Pledge",
    "PledgeRollup",
    "Quote",
    "RateLimitCounter",
    "Speaker",
    "SpeakerAlias",
    "search_text_of",
]
