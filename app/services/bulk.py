"""Bulk ingest: many articles and their facts per transaction, through Core executemany."""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from sqlalchemy import Connection, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.db import Database
from app.errors import Unprocessable
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
from app.models.article import utc_now
from app.models.search import search_text_of
from app.schemas.facts import EntityIn, FactsIn, PledgeIn, QuoteIn, SpeakerIn
from app.services.ingest import ArticleIn, check_spans, content_hash, period
from app.services.search import merge_index_segments

Extract = Callable[[str, str, date | None], FactsIn]

SPEAKER_FIELDS = ("name_en", "title", "organization")
# SQLite allows 32,766 bound parameters per statement; IN lists stay well below.
LOOKUP_CHUNK = 900
# The PostgreSQL advisory lock a batch holds for its transaction.
BATCH_LOCK = 0x66616374730001

ARTICLE = Article.__table__
SPEAKER = Speaker.__table__
ALIAS = SpeakerAlias.__table__


@dataclass
class BatchResult:
    stored: int = 0
    duplicates: int = 0
    rejected: list[tuple[ArticleIn, Unprocessable]] = field(default_factory=list)


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    rejections: list[tuple[ArticleIn, Unprocessable]] = field(default_factory=list)
    seconds: float = 0.0
    extract_seconds: float = 0.0  # within `seconds`: the extractor's share
    store_seconds: float = 0.0  # within `seconds`: the database's share

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def handled(self) -> int:
        return self.stored + self.duplicates + self.rejected

    @property
    def articles_per_second(self) -> float:
        return self.handled / self.seconds if self.seconds else 0.0


@dataclass
class _Speaker:
    """A speaker as the loader knows it; `key` orders like the ids the rows get."""

    key: tuple[int, int]
    id: int | None
    name: str
    name_en: str | None
    title: str | None
    organization: str | None
    kind: str
    dirty: bool = False


@dataclass
class _Resolved:
    article_id: int
    text: str
    facts: FactsIn
    quotes: list[tuple[QuoteIn, _Speaker | None]]
    pledges: list[tuple[PledgeIn, _Speaker | None]]


class SpeakerDirectory:
    """Speakers, English names and aliases by name, with the lookup rules of ingest.find_speaker, for
    one batch: loaded from the database on first sight of a name and kept current with the batch's
    writes."""

    def __init__(self) -> None:
        self.by_name: dict[str, _Speaker] = {}
        self.by_name_en: dict[str, list[_Speaker]] = {}
        self.by_alias: dict[str, list[_Speaker]] = {}
        self.aliases: set[tuple[int, str]] = set()  # (id(_Speaker), alias) already stored or pending
        self.looked_up: set[str] = set()
        self.pending: list[_Speaker] = []
        self.pending_aliases: list[tuple[_Speaker, str]] = []
        self.dirty: list[_Speaker] = []
        self._sequence = 0

    def load(self, connection: Connection, names: Iterable[str]) -> None:
        """Read every stored speaker that any of these names can find, with all its aliases."""
        fresh = sorted(set(names) - self.looked_up)
        for chunk in batched(fresh, LOOKUP_CHUNK):
            by_alias = select(ALIAS.c.speaker_id).where(ALIAS.c.alias.in_(chunk))
            rows = connection.execute(
                select(SPEAKER).where(
                    or_(SPEAKER.c.name.in_(chunk), SPEAKER.c.name_en.in_(chunk), SPEAKER.c.id.in_(by_alias))
                )
            ).all()
            new_ids = [row.id for row in rows if row.name not in self.by_name]
            for row in rows:
                if row.name not in self.by_name:
                    self._remember(
                        _Speaker(
                            (0, row.id), row.id, row.name, row.name_en, row.title, row.organization, row.kind
                        )
                    )
            if new_ids:
                known = {s.id: s for s in self.by_name.values() if s.id is not None}
                for speaker_id, alias in connection.execute(
                    select(ALIAS.c.speaker_id, ALIAS.c.alias).where(ALIAS.c.speaker_id.in_(new_ids))
                ):
                    self._index_alias(known[speaker_id], alias)
        self.looked_up.update(fresh)

    def _remember(self, speaker: _Speaker) -> None:
        self.by_name[speaker.name] = speaker
        if speaker.name_en is not None:
            self.by_name_en.setdefault(speaker.name_en, []).append(speaker)

    def _index_alias(self, speaker: _Speaker, alias: str) -> None:
        if (id(speaker), alias) not in self.aliases:
            self.aliases.add((id(speaker), alias))
            self.by_alias.setdefault(alias, []).append(speaker)

    def find(self, name: str, name_en: str | None) -> _Speaker | None:
        exact = self.by_name.get(name)
        if exact is not None:
            return exact
        candidates = [
            speaker
            for key in ([name] if name_en is None else [name, name_en])
            for speaker in (*self.by_name_en.get(key, ()), *self.by_alias.get(key, ()))
        ]
        return min(candidates, key=lambda s: s.key) if candidates else None

    def resolve(self, speaker_in: SpeakerIn) -> _Speaker:
        """ingest.resolve_speaker, in memory: find or create, fill missing fields, add aliases."""
        speaker = self.find(speaker_in.name, speaker_in.name_en)
        if speaker is None:
            self._sequence += 1
            speaker = _Speaker(
                (1, self._sequence),
                None,
                speaker_in.name,
                speaker_in.name_en,
                speaker_in.title,
                speaker_in.organization,
                speaker_in.kind,
            )
            self._remember(speaker)
            self.pending.append(speaker)
        else:
            for name in SPEAKER_FIELDS:
                if getattr(speaker, name) is None and getattr(speaker_in, name) is not None:
                    value = getattr(speaker_in, name)
                    setattr(speaker, name, value)
                    if name == "name_en":
                        self.by_name_en.setdefault(value, []).append(speaker)
                    if speaker.id is not None and not speaker.dirty:
                        speaker.dirty = True
                        self.dirty.append(speaker)
        for alias in sorted({speaker_in.name, *speaker_in.aliases} - {speaker.name}):
            if (id(speaker), alias) not in self.aliases:
                self._index_alias(speaker, alias)
                self.pending_aliases.append((speaker, alias))
        return speaker

    def flush(self, connection: Connection) -> None:
        """Write the speakers, field updates and aliases this batch made."""
        if self.pending:
            rows = [
                {
                    "name": s.name,
                    "name_en": s.name_en,
                    "title": s.title,
                    "organization": s.organization,
                    "kind": s.kind,
                }
                for s in self.pending
            ]
            ids = _insert_named(connection, SPEAKER, rows)
            for speaker in self.pending:
                speaker.id = ids[speaker.name]
                speaker.key = (0, speaker.id)
            self.pending = []
        if self.dirty:
            # Fields are filled, never replaced: another writer may have set one since they were read.
            filled = {
                name: func.coalesce(SPEAKER.c[name], bindparam(f"new_{name}")) for name in SPEAKER_FIELDS
            }
            connection.execute(
                update(SPEAKER).where(SPEAKER.c.id == bindparam("speaker_id")).values(filled),
                [
                    {"speaker_id": s.id, **{f"new_{name}": getattr(s, name) for name in SPEAKER_FIELDS}}
                    for s in self.dirty
                ],
            )
            for speaker in self.dirty:
                speaker.dirty = False
            self.dirty = []
        if self.pending_aliases:
            rows = [{"speaker_id": s.id, "alias": alias} for s, alias in self.pending_aliases]
            connection.execute(_insert(connection, ALIAS).on_conflict_do_nothing(), rows)
            self.pending_aliases = []


class EntityDirectory:
    """Organization or place ids by name; a name seen first is stored as given."""

    def __init__(self, model: type[Organization] | type[Place]) -> None:
        self.table = model.__table__
        self.ids: dict[str, int] = {}
        self.pending: dict[str, EntityIn] = {}
        self.looked_up: set[str] = set()

    def load(self, connection: Connection, names: Iterable[str]) -> None:
        fresh = sorted(set(names) - self.ids.keys() - self.looked_up)
        self.ids.update(_ids_by_name(connection, self.table, fresh))
        self.looked_up.update(fresh)

    def add(self, entity: EntityIn) -> None:
        # The first spelling of a name wins, as with ingest's insert-or-ignore.
        if entity.name not in self.ids and entity.name not in self.pending:
            self.pending[entity.name] = entity

    def flush(self, connection: Connection) -> None:
        if not self.pending:
            return
        rows = [{"name": e.name, "name_ar": e.name_ar, "kind": e.kind} for e in self.pending.values()]
        self.ids.update(_insert_named(connection, self.table, rows))
        self.pending = {}


def _insert(connection: Connection, table: Any) -> Any:
    return (sqlite_insert if connection.dialect.name == "sqlite" else postgresql_insert)(table)


def _stored_texts(connection: Connection, digests: list[str]) -> set[str]:
    """Which of these content hashes the database holds."""
    stored: set[str] = set()
    for chunk in batched(digests, LOOKUP_CHUNK):
        query = select(ARTICLE.c.content_hash).where(ARTICLE.c.content_hash.in_(chunk))
        stored.update(connection.execute(query).scalars())
    return stored


def unstored(database: Database, articles: list[ArticleIn]) -> list[ArticleIn]:
    """The articles whose text is neither stored nor earlier in the list: the ones worth extracting."""
    digests = [content_hash(article.text) for article in articles]
    with database.reading() as connection:
        seen = _stored_texts(connection, digests)
    fresh = []
    for article, digest in zip(articles, digests, strict=True):
        if digest not in seen:
            seen.add(digest)
            fresh.append(article)
    return fresh


def _insert_named(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert rows of a table whose names are unique; the ids by name of these rows, or of the rows
    another writer stored under the same names first (as ingest's insert-or-ignore)."""
    statement = (
        _insert(connection, table)
        .on_conflict_do_nothing(index_elements=["name"])
        .returning(table.c.name, table.c.id)
    )
    ids: dict[str, int] = dict(connection.execute(statement, rows).all())
    ids.update(_ids_by_name(connection, table, [row["name"] for row in rows if row["name"] not in ids]))
    return ids


def _ids_by_name(connection: Connection, table: Any, names: list[str]) -> dict[str, int]:
    """The ids of the stored rows of a table with unique names, by name, for these names."""
    ids: dict[str, int] = {}
    for chunk in batched(names, LOOKUP_CHUNK):
        ids.update(connection.execute(select(table.c.name, table.c.id).where(table.c.name.in_(chunk))).all())
    return ids


class BulkLoader:
    """Stores batches of articles with their facts, one transaction per batch, with the same rows
    and spans as ingest.store_article, beside any other writer: each batch reads the speakers,
    organizations and places it names within its own transaction, and takes a name or a text that
    another writer stored first as store_article does."""

    # The names of the batch being stored.
    speakers: SpeakerDirectory
    organizations: EntityDirectory
    places: EntityDirectory

    def __init__(self, database: Database) -> None:
        self.database = database

    def store_batch(self, batch: Iterable[tuple[ArticleIn, FactsIn]]) -> BatchResult:
        result = BatchResult()
        with self.database.writer.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Two batches inserting the same texts or names in different orders would each wait
                # for the other; they take turns, as every writer does on SQLite.
                connection.execute(select(func.pg_advisory_xact_lock(BATCH_LOCK)))
            self.speakers = SpeakerDirectory()
            self.organizations = EntityDirectory(Organization)
            self.places = EntityDirectory(Place)
            accepted = self._new_and_valid(connection, list(batch), result)
            if not accepted:
                return result
            self._load_names(connection, [facts for _, facts, _ in accepted])
            now = utc_now()
            rows = [
                searchable(
                    Article,
                    {
                        "title": a.title,
                        "language": a.language,
                        "published_on": a.published_on,
                        "source_name": a.source_name,
                        "source_url": a.source_url,
                        "text": a.text,
                        "content_hash": digest,
                        "created_at": now,
                    },
                )
                for a, _, digest in accepted
            ]
            statement = (
                _insert(connection, ARTICLE)
                .on_conflict_do_nothing(index_elements=["content_hash"])
                .returning(ARTICLE.c.content_hash, ARTICLE.c.id)
            )
            article_ids = dict(connection.execute(statement, rows).all())
            # A text another writer stored since the batch looked is a duplicate.
            accepted = [item for item in accepted if item[2] in article_ids]
            result.duplicates += len(rows) - len(accepted)
            resolved = self._resolve([(article_ids[digest], a.text, facts) for a, facts, digest in accepted])
            self.speakers.flush(connection)
            self.organizations.flush(connection)
            self.places.flush(connection)
            for table, rows in self._rows(resolved).items():
                if rows:
                    # Asked for their ids, SQLAlchemy inserts the rows many to a statement (VALUES
                    # (...), (...)) rather than one statement a row. On SQLite a statement that
                    # writes through a full-text trigger opens a savepoint, at which FTS5 writes out
                    # the terms it holds: a quote cost 68-82 µs at one row a statement, 13-19 µs at
                    # 500 (on the driver).
                    connection.execute(table.insert().returning(table.c.id), rows)
            result.stored = len(accepted)
        return result

    def _new_and_valid(
        self, connection: Connection, batch: list[tuple[ArticleIn, FactsIn]], result: BatchResult
    ) -> list[tuple[ArticleIn, FactsIn, str]]:
        hashed = [(article, facts, content_hash(article.text)) for article, facts in batch]
        stored = _stored_texts(connection, [digest for _, _, digest in hashed])
        accepted = []
        for article, facts, digest in hashed:
            if digest in stored:
                result.duplicates += 1
                continue
            try:
                check_spans(article.text, facts)
            except Unprocessable as error:
                result.rejected.append((article, error))
                continue
            stored.add(digest)
            accepted.append((article, facts, digest))
        return accepted

    def _load_names(self, connection: Connection, batch: list[FactsIn]) -> None:
        names: set[str] = set()
        for facts in batch:
            for s in facts.speakers:
                names.add(s.name)
                if s.name_en is not None:
                    names.add(s.name_en)
            names.update(q.speaker for q in facts.quotes if q.speaker is not None)
            names.update(p.speaker for p in facts.pledges if p.speaker is not None)
        self.speakers.load(connection, names)
        self.organizations.load(connection, (e.name for f in batch for e in f.organizations))
        self.places.load(connection, (e.name for f in batch for e in f.places))

    def _resolve(self, articles: list[tuple[int, str, FactsIn]]) -> list[_Resolved]:
        """Resolve names in the order store_article does, before the new names have ids."""
        resolved = []
        for article_id, text, facts in articles:
            speakers = {s.name: self.speakers.resolve(s) for s in facts.speakers}

            def speaker_of(name: str | None, speakers: dict[str, _Speaker] = speakers) -> _Speaker | None:
                if name is None:
                    return None
                if name not in speakers:
                    speakers[name] = self.speakers.resolve(SpeakerIn(name=name))
                return speakers[name]

            quotes = [(q, speaker_of(q.speaker)) for q in facts.quotes]
            pledges = [(p, speaker_of(p.speaker)) for p in facts.pledges]
            for entity in facts.organizations:
                self.organizations.add(entity)
            for entity in facts.places:
                self.places.add(entity)
            resolved.append(_Resolved(article_id, text, facts, quotes, pledges))
        return resolved

    def _rows(self, resolved: list[_Resolved]) -> dict[Any, list[dict[str, Any]]]:
        """The fact rows of a batch, once every speaker, organization and place has an id."""
        quotes: list[dict[str, Any]] = []
        pledges: list[dict[str, Any]] = []
        dates: list[dict[str, Any]] = []
        organizations: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        for item in resolved:
            article_id = item.article_id
            quotes.extend(
                searchable(
                    Quote,
                    {
                        "article_id": article_id,
                        "speaker_id": speaker.id if speaker else None,
                        "kind": q.kind,
                        "verb": q.verb,
                        "text": q.text,
                        "gloss_en": q.gloss_en,
                        "start": q.start,
                        "end": q.end,
                    },
                )
                for q, speaker in item.quotes
            )
            pledges.extend(
                searchable(
                    Pledge,
                    {
                        "article_id": article_id,
                        "speaker_id": speaker.id if speaker else None,
                        "donor": p.donor,
                        "amount": p.amount,
                        "currency": p.currency,
                        "purpose": p.purpose,
                        "recipient": p.recipient,
                        "status": p.status,
                        "evidence": item.text[p.start : p.end],
                        "start": p.start,
                        "end": p.end,
                    },
                )
                for p, speaker in item.pledges
            )
            for d in item.facts.dates:
                starts_on, _ = period(d.value)
                _, ends_on = period(d.end_value or d.value)
                dates.append(
                    {"article_id": article_id, "starts_on": starts_on, "ends_on": ends_on, **d.model_dump()}
                )
            for entity in item.facts.organizations:
                organization_id = self.organizations.ids[entity.name]
                organizations.extend(
                    {"article_id": article_id, "organization_id": organization_id, **m.model_dump()}
                    for m in entity.mentions
                )
            for entity in item.facts.places:
                place_id = self.places.ids[entity.name]
                places.extend(
                    {"article_id": article_id, "place_id": place_id, **m.model_dump()}
                    for m in entity.mentions
                )
        return {
            Quote.__table__: quotes,
            Pledge.__table__: pledges,
            DateMention.__table__: dates,
            OrganizationMention.__table__: organizations,
            PlaceMention.__table__: places,
        }


def searchable(model: Any, row: dict[str, Any]) -> dict[str, Any]:
    """The row with its full-text `search_text`, which the ORM would have set (app.models.search)."""
    return {**row, "search_text": search_text_of(model, row)}


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest_articles(
    database: Database,
    articles: Iterable[ArticleIn],
    extract: Extract,
    *,
    batch_size: int = 1000,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract the facts of each article and store them in batches; reports articles per second.
    Articles already stored (same text) are counted as duplicates, and not extracted; those whose
    facts do not match their text are rejected and skipped. Each search index is merged at the end."""
    loader = BulkLoader(database)
    report = IngestReport()
    started = time.perf_counter()
    for batch in batched(articles, batch_size):
        checking = time.perf_counter()
        fresh = unstored(database, batch)
        extracting = time.perf_counter()
        pairs = [(a, extract(a.text, a.language, a.published_on)) for a in fresh]
        storing = time.perf_counter()
        result = loader.store_batch(pairs)
        report.extract_seconds += storing - extracting
        report.store_seconds += time.perf_counter() - storing + extracting - checking
        report.stored += result.stored
        report.duplicates += len(batch) - len(fresh) + result.duplicates
        report.rejections.extend(result.rejected)
        report.seconds = time.perf_counter() - started
        if progress is not None:
            progress(report)
    if report.stored:
        with database.writer.begin() as connection:
            merge_index_segments(connection)
    report.seconds = time.perf_counter() - started
    return report
