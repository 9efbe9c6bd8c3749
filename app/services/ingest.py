"""Store an article and its facts in one transaction; the same text is stored once."""

import calendar
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import Unprocessable
from app.extraction import SUPPORTED_LANGUAGES, detect_language, extract
from app.metrics import FACTS_EXTRACTED
from app.models import (
    Article,
    DateMention,
    Organization,
    OrganizationMention,
    Place,
    PlaceMention,
    Pledge,
    Quote,
    Speaker,
    SpeakerAlias,
)
from app.schemas.facts import DateIn, EntityIn, FactsIn, SpeakerIn


@dataclass(frozen=True)
class ArticleIn:
    text: str
    language: str
    title: str | None = None
    published_on: date | None = None
    source_name: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class Stored:
    article: Article
    created: bool


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, text: str) -> Article | None:
    return session.execute(
        select(Article).where(Article.content_hash == content_hash(text))
    ).scalar_one_or_none()


def store_article(session: Session, article_in: ArticleIn, facts: FactsIn) -> Stored:
    """Add the article and its facts to the session's transaction; the caller commits.

    An article whose text is already stored is returned as it is, with created=False."""
    existing = find_article(session, article_in.text)
    if existing is not None:
        return Stored(existing, created=False)
    check_spans(article_in.text, facts)
    article = Article(
        title=article_in.title,
        language=article_in.language,
        published_on=article_in.published_on,
        source_name=article_in.source_name,
        source_url=article_in.source_url,
        text=article_in.text,
        content_hash=content_hash(article_in.text),
    )
    session.add(article)
    session.flush()
    add_facts(session, article, facts)
    session.flush()
    count_facts(facts)
    return Stored(article, created=True)


def store_or_get(session: Session, article_in: ArticleIn, facts: FactsIn) -> Stored:
    """store_article, answering with the winner when a concurrent writer stored the same text."""
    try:
        return store_article(session, article_in, facts)
    except IntegrityError:
        session.rollback()
        existing = find_article(session, article_in.text)
        if existing is None:
            raise
        return Stored(existing, created=False)


def count_facts(facts: FactsIn) -> None:
    counts = {
        "speaker": len(facts.speakers),
        "quote": len(facts.quotes),
        "pledge": len(facts.pledges),
        "date": len(facts.dates),
        "organization": sum(len(entity.mentions) for entity in facts.organizations),
        "place": sum(len(entity.mentions) for entity in facts.places),
    }
    for kind, count in counts.items():
        if count:
            FACTS_EXTRACTED.labels(kind=kind).inc(count)


def check_spans(text: str, facts: FactsIn) -> None:
    """Every fact's evidence must be exactly text[start:end]."""
    spans: list[tuple[str, int, int, str | None]] = [
        *(("quote", q.start, q.end, q.text) for q in facts.quotes),
        *(("pledge", p.start, p.end, None) for p in facts.pledges),
        *(("date", d.start, d.end, d.expression) for d in facts.dates),
        *(
            ("mention", m.start, m.end, m.text)
            for entity in (*facts.organizations, *facts.places)
            for m in entity.mentions
        ),
    ]
    errors = [
        {"kind": kind, "start": start, "end": end}
        for kind, start, end, evidence in spans
        if not (0 <= start < end <= len(text)) or (evidence is not None and text[start:end] != evidence)
    ]
    if errors:
        raise Unprocessable("Some facts do not match the text at their offsets.", errors=errors)


def add_facts(session: Session, article: Article, facts: FactsIn) -> None:
    assert article.id is not None
    text = article.text
    speakers = {s.name: resolve_speaker(session, s) for s in facts.speakers}

    def speaker_id(name: str | None) -> int | None:
        if name is None:
            return None
        if name not in speakers:
            speakers[name] = resolve_speaker(session, SpeakerIn(name=name))
        return speakers[name]

    session.add_all(
        Quote(
            article_id=article.id,
            speaker_id=speaker_id(q.speaker),
            kind=q.kind,
            verb=q.verb,
            text=q.text,
            gloss_en=q.gloss_en,
            start=q.start,
            end=q.end,
        )
        for q in facts.quotes
    )
    session.add_all(
        Pledge(
            article_id=article.id,
            speaker_id=speaker_id(p.speaker),
            donor=p.donor,
            amount=p.amount,
            currency=p.currency,
            purpose=p.purpose,
            recipient=p.recipient,
            status=p.status,
            evidence=text[p.start : p.end],
            start=p.start,
            end=p.end,
        )
        for p in facts.pledges
    )
    session.add_all(date_mention(article.id, d) for d in facts.dates)
    for entity in facts.organizations:
        organization_id = _entity_id(session, Organization, entity)
        session.add_all(
            OrganizationMention(
                article_id=article.id, organization_id=organization_id, **m.model_dump()
            )
            for m in entity.mentions
        )
    for entity in facts.places:
        place_id = _entity_id(session, Place, entity)
        session.add_all(
            PlaceMention(article_id=article.id, place_id=place_id, **m.model_dump())
            for m in entity.mentions
        )


def date_mention(article_id: int, d: DateIn) -> DateMention:
    starts_on, _ = period(d.value)
    _, ends_on = period(d.end_value or d.value)
    return DateMention(
        article_id=article_id, starts_on=starts_on, ends_on=ends_on, **d.model_dump()
    )


def period(value: str | None) -> tuple[date | None, date | None]:
    """First and last day that an ISO value at its grain (YYYY, YYYY-MM, YYYY-MM-DD) covers."""
    if value is None:
        return None, None
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(*parts)
    return day, day


def _insert_ignoring_conflicts(session: Session, model: Any, values: dict[str, Any], key: list[str]) -> None:
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing(index_elements=key))


def _entity_id(session: Session, model: type[Organization] | type[Place], entity: EntityIn) -> int:
    values = {"name": entity.name, "name_ar": entity.name_ar, "kind": entity.kind}
    _insert_ignoring_conflicts(session, model, values, ["name"])
    return session.execute(select(model.id).where(model.name == entity.name)).scalar_one()


def find_speaker(session: Session, name: str, name_en: str | None = None) -> Speaker | None:
    """The speaker known by this name: exact name first, then English name, then alias."""
    exact = session.execute(select(Speaker).where(Speaker.name == name)).scalar_one_or_none()
    if exact is not None:
        return exact
    names = [name] if name_en is None else [name, name_en]
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias.in_(names))
    return session.execute(
        select(Speaker)
        .where(or_(Speaker.name_en.in_(names), Speaker.id.in_(by_alias)))
        .order_by(Speaker.id)
        .limit(1)
    ).scalar_one_or_none()


def resolve_speaker(session: Session, speaker_in: SpeakerIn) -> int:
    speaker = find_speaker(session, speaker_in.name, speaker_in.name_en)
    if speaker is None:
        values = speaker_in.model_dump(exclude={"aliases"})
        _insert_ignoring_conflicts(session, Speaker, values, ["name"])
        speaker = session.execute(
            select(Speaker).where(Speaker.name == speaker_in.name)
        ).scalar_one()
    else:
        for field in ("name_en", "title", "organization"):
            if getattr(speaker, field) is None and getattr(speaker_in, field) is not None:
                setattr(speaker, field, getattr(speaker_in, field))
    assert speaker.id is not None
    aliases = {speaker_in.name, *speaker_in.aliases} - {speaker.name}
    for alias in sorted(aliases):
        _insert_ignoring_conflicts(
            session, SpeakerAlias, {"speaker_id": speaker.id, "alias": alias}, ["speaker_id", "alias"]
        )
    return speaker.id


def extracted_facts(text: str, language: str, published: date | None) -> FactsIn:
    """The extractor's facts of a text, as the store takes them."""
    return FactsIn.model_validate(extract(text, language=language, published=published).model_dump())


def extract_and_store(session: Session, article_in: ArticleIn) -> Stored:
    """Extract the article's facts and store both; the same text again returns the stored one."""
    existing = find_article(session, article_in.text)
    if existing is not None:
        return Stored(existing, created=False)
    facts = extracted_facts(article_in.text, article_in.language, article_in.published_on)
    return store_or_get(session, article_in, facts)


def resolve_language(text: str, language: str | None) -> str:
    """The given language, or the detected one; Unprocessable when neither is supported."""
    if language is not None:
        return language
    detected = detect_language(text)
    if detected is None:
        raise Unprocessable(
            "The language could not be detected as one of: "
            + ", ".join(SUPPORTED_LANGUAGES)
            + ". Pass `language` if the text is in one of them."
        )
    return detected
