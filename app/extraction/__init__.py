"""Pure fact extraction: text in, typed facts with code-point spans out."""
from app.extraction.language import detect_language
from app.extraction.pipeline import SUPPORTED_LANGUAGES, extract
from app.extraction.types import (
    ExtractedDate,
    ExtractedEntity,
    ExtractedFacts,
    ExtractedPledge,
    ExtractedQuote,
    ExtractedSpeaker,
    Mention,
)

__all__ = [
    "SUPPORTED_LANGUAGES", "ExtractedDate", "ExtractedEntity", "ExtractedFacts", "ExtractedPledge",
    "ExtractedQuote", "ExtractedSpeaker", "Mention", "detect_language", "extract",
]
