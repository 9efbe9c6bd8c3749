"""API keys: create, list, revoke, and authenticate a presented key."""

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import ApiKey
from app.models.article import utc_now

KEY_PREFIX = "facts_"


@dataclass(frozen=True)
class Caller:
    """Who is making a request: the key's id, or None for an anonymous reader."""

    key_id: int | None


def hash_key(key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(session: Session, name: str) -> tuple[ApiKey, str]:
    """A new key; the plain key is returned once and only its hash is stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey(name=name, prefix=key[: len(KEY_PREFIX) + 6], key_hash=hash_key(key))
    session.add(api_key)
    session.flush()
    return api_key, key


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.execute(select(ApiKey).order_by(ApiKey.id)).scalars())


def revoke_key(session: Session, key_id: int) -> ApiKey:
    api_key = session.get(ApiKey, key_id)
    if api_key is None:
        raise NotFound(f"No API key has id {key_id}.")
    if api_key.revoked_at is None:
        api_key.revoked_at = utc_now()
    return api_key


def active_key_id(session: Session, key: str) -> int | None:
    """The id of the unrevoked key matching `key`, or None."""
    return session.execute(
        select(ApiKey.id).where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
    ).scalar_one_or_none()
