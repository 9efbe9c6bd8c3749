"""Service configuration, read from FACTS_* environment variables."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    cache_max_age: int = Field(
        default=60, ge=0, description="Seconds clients and proxies may reuse a GET answer (Cache-Control)."
    )
