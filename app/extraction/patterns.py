"""Helpers that turn reviewed word lists into regular expressions over folded text."""
from __future__ import annotations

import re
from collections.abc import Iterable

from app.extraction.normalize import fold


def folded(word: str) -> str:
    """Fold a lexicon entry exactly as `normalize.fold` folds the text."""
    return fold(word).text


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first so the fullest form wins."""
    forms = sorted({folded(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


# Letters of either script: \w also matches digits and underscore, which must not glue to words.
WORD_START = r"(?<![^\W\d_])"
WORD_END = r"(?![^\W\d_])"
# Word start that also allows one attached conjunction or preposition (وعقب, بواشنطن), left outside the match.
AR_START = r"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[وفبل]))"
# Arabic one-letter proclitics that attach to a word (و ف ب ل ك) and their common pairs.
AR_PROCLITIC = r"(?:و|ف)?(?:ب|ل|ك)?"
