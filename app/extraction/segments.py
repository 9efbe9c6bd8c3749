"""Split folded text into sentences on Arabic and English punctuation, keeping offsets."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A period ends a sentence unless it is a decimal point or closes a short abbreviation (U.S., Dr.).
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Prof|No|Sept?|[JFMAOND][a-z]{2}))$")
_BOUNDARY = re.compile(r"\n+|[!?؟;؛]+|\.{2,}|\.(?=[\s\"”’»)]|$)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as [start, end) spans, trailing punctuation excluded, empty ones dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group() == "." and _ABBREVIATION.search(text, max(0, match.start() - 5), match.start()):
            continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end))


def sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence containing pos (sentences are sorted)."""
    i = bisect_right(sentences, pos, key=lambda s: s.start) - 1
    if i >= 0 and pos < sentences[i].end:
        return sentences[i]
    return None
