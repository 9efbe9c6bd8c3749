"""Tell Arabic from English by script and common English words; anything else is unsupported."""
from __future__ import annotations

import re

# Letters are counted run by run (one match per word, not per letter).
_ARABIC = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff]+")
_WORD = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]+")
_SAMPLE = 1000  # the opening of an article tells its language; reading all of it costs time for nothing
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as by at from it was said has have be are will this an its which "
    "their were not or but he she they we who".split()
)


def detect_language(text: str) -> str | None:
    """"ar", "en", or None when the text is neither (or too short to tell)."""
    text = text[:_SAMPLE]
    arabic = _count(_ARABIC, text)
    latin = _count(_WORD, text)
    if arabic + latin < 12:
        return None
    letters = _count(_LETTER, text)
    if arabic >= latin and arabic >= 0.5 * letters:
        return "ar"
    if latin > arabic and latin >= 0.5 * letters:
        words = _WORD.findall(text.lower())
        # Latin script alone does not make English: French or Spanish text has few of these words.
        if words and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.12:
            return "en"
    return None


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of text the pattern's runs cover."""
    return sum(map(len, runs.findall(text)))
