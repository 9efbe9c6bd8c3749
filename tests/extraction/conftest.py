"""Shared fixtures for the extraction tests: the seed article and its extracted facts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.extraction import ExtractedFacts, extract

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "article.txt"
SEED_PUBLISHED = dt.date(2024, 9, 30)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_facts(seed_text: str) -> ExtractedFacts:
    return extract(seed_text, published=SEED_PUBLISHED)
