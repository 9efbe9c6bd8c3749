"""Split folded text into sentences on Arabic and English punctuation, keeping offsets."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

_BY_START = attrgetter("start")  # bisect key: C-level, unlike a lambda

# A period ends a sentence unless it is a decimal point or closes a short abbreviation (U.S., Dr.).
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Prof|No|Sept?|[JFMAOND][a-z]{2}))$")
# Newlines, runs of ! ? ; marks, an ellipsis, or a period before space, a closing mark or the end. The
# pattern opens with one character class (the branches look back at it) so the regex engine can jump
# between candidate characters instead of trying every position.
_BOUNDARY = re.compile(r"[\n!?؟;؛.](?:(?<=\n)\n*|(?<=[!?؟;؛])[!?؟;؛]*|(?<=\.)(?:\.+|(?=[\s\"”’»)]|$)))")
# A wire dateline opens a line: "LONDON, Nov. 12 (Reuters) - ". Its dash ends it, as a period would.
_DATELINE = re.compile(r"^[A-Z]{2,}[A-Z .'-]*(?:,[^\n–—-]{0,40})?\s+([-–—]{1,2})\s", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as [start, end) spans, trailing punctuation excluded, empty ones dropped."""
    sentences: list[Sentence] = []
    start = 0
    boundaries = [(m.start(), m.end(), m.group()) for m in _BOUNDARY.finditer(text)]
    boundaries += [(m.start(1), m.end(1), m.group(1)) for m in _DATELINE.finditer(text)]
    for begin, end, mark in sorted(boundaries):
        if begin < start:
            continue
        if mark == "." and _ABBREVIATION.search(text, max(0, begin - 5), begin):
            continue
        _append(sentences, text, start, begin)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def sentence_end(text: str, start: int, end: int) -> int | None:
    """Where the first sentence to end between `start` and `end` ends ("U.N. aid chief" is one)."""
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group() != "." or not _ABBREVIATION.search(text, max(0, match.start() - 5), match.start()):
            return match.end()
    return None


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end))


def sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence containing pos (sentences are sorted)."""
    i = bisect_right(sentences, pos, key=_BY_START) - 1
    if i >= 0 and pos < sentences[i].end:
        return sentences[i]
    return None
