"""Run every finder over one text and assemble the facts."""
from __future__ import annotations

import datetime as dt

from app.extraction.dates import find_dates
from app.extraction.entities import find_entities, group_entities, load_gazetteer
from app.extraction.language import detect_language
from app.extraction.money import find_money
from app.extraction.normalize import fold
from app.extraction.pledges import find_pledges
from app.extraction.quotes import find_quotes
from app.extraction.segments import split_sentences
from app.extraction.types import ExtractedFacts

SUPPORTED_LANGUAGES = ("ar", "en")


def extract(text: str, *, language: str | None = None, published: dt.date | None = None) -> ExtractedFacts:
    """Facts of one article; an unsupported language yields no facts."""
    language = language or detect_language(text)
    if language not in SUPPORTED_LANGUAGES:
        return ExtractedFacts(language=language)
    folded = fold(text)
    sentences = split_sentences(folded.text)
    entities = find_entities(folded)
    gazetteer = load_gazetteer()
    quotes, speakers = find_quotes(folded, sentences, entities, gazetteer, language)
    money = find_money(folded)
    # A pledge's donor is named the same way whichever language the article is in. An organization the
    # gazetteer does not know gives under its own name, if it has one: not "the agency" (two words).
    speaker_orgs = {
        s.name: gazetteer.canonical_name(s.organization)
        or (s.name if s.kind == "organization" and len(s.name.split()) > 2 else None)
        for s in speakers
    }
    pledges = find_pledges(folded, money, sentences, entities, quotes, speaker_orgs)
    organizations, places = group_entities(folded, entities)
    return ExtractedFacts(
        language=language, speakers=speakers, quotes=quotes, pledges=pledges,
        dates=find_dates(folded, published), organizations=organizations, places=places,
    )
