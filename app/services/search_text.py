"""Search normalization for Arabic and English: the one place that turns text into index terms.

The same functions build the stored `search_text` of a row and the terms of a query, so both sides
always agree. Stored text and offsets are never changed: this module only derives terms from them.
"""

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import snowballstemmer

# Harakat, Quranic marks, superscript alef; tatweel is dropped with them.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_STRIP = re.compile(f"[{_MARKS}\u0640]")
# A word is letters and digits (Arabic marks inside a word do not split it); never underscores.
WORD = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
# The same words as WORD in a text without an underscore (the one character it adds), found about
# twice as fast: one character class rather than a choice made at every character.
_WORD_OR_UNDERSCORE = re.compile(f"[\\w{_MARKS}]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
    }
)

# Attached clitics, peeled in this order: conjunction, then preposition, then the article.
# "لل" is ل + ال with the alef elided (للامن = ل + الامن).
_CLITIC_STAGES: tuple[tuple[str, ...], ...] = (("و", "ف"), ("لل", "ب", "ل", "ك"), ("ال",))
_MIN_STEM = 2

# A snowball stemmer keeps the word it works on in itself: threads take turns with it.
_english = snowballstemmer.stemmer("english")
_english_lock = threading.Lock()


def fold(word: str) -> str:
    """One word without marks or tatweel, with unified alef/hamza, taa marbuta, alef maqsura and
    digits, lower-cased."""
    return _STRIP.sub("", word).translate(_FOLD).casefold()


@lru_cache(maxsize=65536)
def terms(word: str) -> tuple[str, ...]:
    """Index terms of one word: an Arabic word with every reading of its attached clitics peeled
    (والولايات -> والولايات, الولايات, ولايات), an English word stemmed (pledged -> pledg)."""
    folded = fold(word)
    if not folded:
        return ()
    if not _ARABIC_LETTER.search(folded):
        with _english_lock:
            return (_english.stemWord(folded),)
    found = [folded]
    for stage in _CLITIC_STAGES:
        found += [
            stem[len(prefix) :]
            for stem in found
            for prefix in stage
            if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM
        ]
    return tuple(dict.fromkeys(found))


def _word_pattern(text: str) -> re.Pattern[str]:
    return WORD if "_" in text else _WORD_OR_UNDERSCORE


def words(text: str) -> Iterator[re.Match[str]]:
    return _word_pattern(text).finditer(text)


def search_text(*parts: str | None) -> str:
    """The stored, space-separated index terms of a row's searchable fields."""
    found = chain.from_iterable(_word_pattern(part).findall(part) for part in parts if part)
    # map and chain step through the words without the interpreter: a long article has thousands.
    return " ".join(chain.from_iterable(map(terms, found)))


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Each query word as the set of terms any of which may match it; empty for no words."""
    found = [terms(match.group()) for match in words(query)]
    return [alternatives for alternatives in found if alternatives]


@dataclass(frozen=True)
class Snippet:
    text: str
    start: int
    end: int


def _written_as(letter: str) -> str:
    """The characters `fold` turns into `letter`, itself included, as a class of at most two runs
    of code points (letting in what lies between): Python's re compiles a class of more runs beyond
    Latin-1 into a table of 65,536 entries, a tenth of a millisecond each time."""
    codes = sorted({ord(letter), *(source for source, target in _FOLD.items() if target == letter)})
    if len(codes) == 1:
        return letter
    split = max(range(1, len(codes)), key=lambda i: codes[i] - codes[i - 1])
    return "[" + "".join(f"{chr(run[0])}-{chr(run[-1])}" for run in (codes[:split], codes[split:])) + "]"


_WRITTEN_AS = {letter: _written_as(letter) for letter in set(_FOLD.values()) if not letter.isdigit()}
_FOLDED_ARABIC = re.compile("[\u0621-\u063f\u0641-\u064a\u066e-\u06d3]+")
# What may stand between and after a term's letters in its word: marks and tatweel, which `fold`
# drops. Any other character that is not a letter or digit is let in too, for a class that
# compiles at once.
_UNREAD = "[\\W\u0640]*"


@lru_cache(maxsize=4096)
def _written(term: str) -> re.Pattern[str] | None:
    """A pattern found at the end of every word that has the Arabic term `term`: its letters, each
    as any character that folds to it, with marks or tatweel between and after them. An Arabic term
    is its folded word less the clitics peeled off its front, so the word ends with it written out.
    None for a term that is not all Arabic letters: an English stem need not be written in its word
    (happy -> happi)."""
    if not _FOLDED_ARABIC.fullmatch(term):
        return None
    letters = _UNREAD.join(_WRITTEN_AS.get(letter, letter) for letter in term)
    return re.compile(f"{letters}{_UNREAD}(?![^\\W_])")


@lru_cache(maxsize=1024)
def _patterns(accepted: frozenset[str]) -> tuple[re.Pattern[str], ...] | None:
    """The patterns of the terms `accepted`, or None when a term has none. A term that ends with
    another needs no pattern of its own: the words that end with it end with the other."""
    written = [
        _written(term)
        for term in accepted
        if not any(other != term and term.endswith(other) for other in accepted)
    ]
    patterns = [pattern for pattern in written if pattern is not None]
    return tuple(patterns) if len(patterns) == len(written) else None


def _word_start(text: str, position: int, word: re.Pattern[str]) -> int:
    """Where the word around `position` begins (`position` itself when no word runs into it)."""
    while position > 0 and word.match(text, position - 1):
        position -= 1
    return position


def _first_written(
    text: str, patterns: tuple[re.Pattern[str], ...], accepted: frozenset[str], word: re.Pattern[str]
) -> re.Match[str] | None:
    """The first word of `text` with a term in `accepted`, read only where `patterns` are found."""
    position = 0
    while True:
        # Where a pattern is first found; each pattern looks only before the earliest place so far.
        first = len(text)
        for pattern in patterns:
            if (found := pattern.search(text, position, first)) is not None:
                first = found.start()
        if first == len(text):
            return None
        candidate = word.match(text, _word_start(text, first, word))
        assert candidate is not None  # a letter of the term begins the pattern
        if not accepted.isdisjoint(terms(candidate[0])):
            return candidate
        position = candidate.end()


def snippet(text: str, wanted: Iterable[tuple[str, ...]], radius: int = 80) -> Snippet | None:
    """The passage of `text` around its first matching word, matches wrapped in <mark></mark>;
    None when no word of `text` matches."""
    accepted = frozenset(term for alternatives in wanted for term in alternatives)
    word = _word_pattern(text)

    def matching(start: int, end: int) -> Iterator[re.Match[str]]:
        return (m for m in word.finditer(text, start, end) if not accepted.isdisjoint(terms(m[0])))

    # Where the terms are Arabic, only the words that end with one written out are read.
    patterns = _patterns(accepted)
    if patterns is None:
        first = next(matching(0, len(text)), None)
    else:
        first = _first_written(text, patterns, accepted, word)
    if first is None:
        return None
    start = max(0, first.start() - radius)
    end = min(len(text), first.end() + radius)
    # Widen to whole words so the passage never starts or ends mid-word.
    start = _word_start(text, start, word)
    while end < len(text) and word.match(text, end):
        end += 1
    # Only the passage is read past the first match: a long article costs no more than a short one.
    # No word before the first match matches, so the reading goes on from it.
    pieces: list[str] = []
    cursor = start
    for hit in (first, *matching(first.end(), end)):
        pieces += [text[cursor : hit.start()], "<mark>", hit.group(), "</mark>"]
        cursor = hit.end()
    pieces.append(text[cursor:end])
    return Snippet("".join(pieces), start, end)
