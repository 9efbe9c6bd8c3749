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


# No letter of either script follows: \b would also stop at digits, which may glue to Arabic words (بـ2017).
WORD_END = r"(?![^\W\d_])"
