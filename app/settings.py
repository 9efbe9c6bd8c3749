"""Service configuration, read from FACTS_* environment variables."""

import ipaddress
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.db import SQLITE_MMAP_BYTES

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTS_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{DATA_DIR / 'facts.db'}",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db.",
    )
    host: str = Field(default="127.0.0.1", description="Address `facts serve` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `facts serve` listens on.")
    max_body_bytes: int = Field(
        default=1_000_000, ge=1, description="Largest article text accepted, in bytes (413 beyond)."
    )
    max_request_bytes: int = Field(
        default=5_000_000,
        ge=1,
        description="Largest request body accepted, in bytes (413 beyond); JSON escapes make a body "
        "several times larger than its text.",
    )
    workers: int = Field(default=1, ge=1, description="Worker processes `facts serve` starts.")
    event_loop: Literal["asyncio", "uvloop"] = Field(
        default="asyncio",
        description="Event loop of `facts serve`: asyncio serves connections in turn (steady latency); "
        "uvloop has a longer latency tail, for no more requests answered in `make bench`.",
    )
    db_pool_size: int = Field(default=10, ge=1, description="PostgreSQL connections kept per worker.")
    db_max_overflow: int = Field(
        default=20, ge=0, description="PostgreSQL connections a worker may open beyond the pool."
    )
    sqlite_mmap_bytes: int = Field(
        default=SQLITE_MMAP_BYTES,
        ge=0,
        description="How much of a SQLite database is read through a memory map (0: none).",
    )
    read_requires_key: bool = Field(default=False, description="Whether reads need an API key too.")
    rate_limit_window_seconds: int = Field(default=60, ge=1, description="Rate-limit window length.")
    rate_limit_per_key: int = Field(
        default=600, ge=0, description="Writes per window per API key; 0 turns the limit off."
    )
    rate_limit_per_address: int = Field(
        default=1200,
        ge=0,
        description="Write attempts per window per client address, keyed or not; 0 turns it off.",
    )
    read_rate_limit_per_address: int = Field(
        default=0,
        ge=0,
        description="Reads per window per client address; 0 (the default) keeps reads unmetered.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed by CORS, comma-separated; empty (the default) allows none.",
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses"
        " or networks, comma-separated, or `*`; empty (the default) believes none.",
    )
    log_level: str = Field(default="INFO", pattern="^(DEBUG|INFO|WARNING|ERROR)$", description="Log level.")
    opentelemetry: bool = Field(
        default=False,
        description="FastAPI's own OpenTelemetry traces, metrics and logs, for a deployment that installs "
        "and configures the OpenTelemetry SDK. Off, FastAPI does not look for a configured provider on "
        "every request.",
    )

    @field_validator("cors_origins", "trusted_proxies", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_addresses(cls, value: list[str]) -> list[str]:
        for item in value:
            if item != "*":
                # The forms uvicorn's ProxyHeadersMiddleware reads as addresses: it would compare any
                # other string literally, and never match a client.
                parse = ipaddress.ip_network if "/" in item else ipaddress.ip_address
                parse(item)
        return value
    cache_max_age: int = Field(
        default=60, ge=0, description="Seconds clients and proxies may reuse a GET answer (Cache-Control)."
    )
