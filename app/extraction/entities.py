"""Find organizations and places from the curated gazetteers in data/gazetteers/."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.extraction.normalize import Folded, fold_key
from app.extraction.types import ExtractedEntity, Mention

GAZETTEER_DIR = Path(__file__).resolve().parents[2] / "data" / "gazetteers"
PLACE_KINDS = frozenset({"country", "city", "region"})
# Words joined by . - ' (U.N., Al-Aqsa, O'Brien), but not the possessive 's: Germany's names Germany.
_TOKEN = re.compile(r"[^\W_]+(?:(?:[.\-]|['’](?![sS](?![^\W_])))[^\W_]+)*\.?")
# Attached Arabic proclitics: conjunction, then preposition; لل is ل + ال with the alef dropped.
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    name_ar: str | None
    kind: str
    capital_of: str | None = None  # a capital city's country, which the city may stand for

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit in folded-text coordinates."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Gazetteer:
    # first token key -> [(all token keys, case-sensitive surface or None, entry)], longest first
    index: dict[str, list[tuple[tuple[str, ...], str | None, Entry]]]
    adjectives: dict[str, Entry]  # nationality adjective (الأمريكي, French) -> country
    canonical: dict[str, str]  # an entry's Arabic or English name -> its English name
    currencies: dict[str, str]  # a country's English name -> the code of its currency, where a word
    # several countries' currencies share (kroner, dinars, pounds) may mean it
    kingdoms: dict[str, Entry]  # countries with a name as a kingdom (المملكة العربية السعودية), by name

    def canonical_name(self, name: str | None) -> str | None:
        """The gazetteer's English name for a name it knows; other names as they are."""
        return None if name is None else self.canonical.get(name, name)


_KINGDOM_KEYS = frozenset({fold_key("المملكة"), fold_key("مملكة"), "kingdom"})
# "The Kingdom" alone, as a country's own press names it: المملكة, للمملكة, بالمملكة, "the Kingdom".
# (found by the word, which the regex engine scans for fast, then by what is attached before it)
_THE_KINGDOM = {"مملكة": re.compile(r"مملكة(?![^\W\d_])"), "Kingdom": re.compile(r"(?<=\b[Tt]he )Kingdom\b")}
_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])(?P<conj>[وف]?)(?:ال|لل|بال)$")
# ... unless a word after it makes it a name the gazetteer does not hold (المملكة المغربية).
_NAMED_ON = re.compile(r"\s+(?:ال[^\W\d_]+(?:ية|يه)|of)(?![^\W\d_])")


def _keys(alias: str) -> tuple[str, ...]:
    return tuple(fold_key(t.rstrip(".")) for t in _TOKEN.findall(alias))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer files once per process."""
    index: dict[str, list[tuple[tuple[str, ...], str | None, Entry]]] = {}
    adjectives: dict[str, Entry] = {}
    canonical: dict[str, str] = {}
    currencies: dict[str, str] = {}
    kingdoms: dict[str, Entry] = {}
    for path in sorted(GAZETTEER_DIR.glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            entry = Entry(row["name"], row.get("name_ar"), row["kind"], row.get("capital_of"))
            canonical[entry.name] = entry.name
            if "currency" in row:
                currencies[entry.name] = row["currency"]
            if entry.name_ar:
                canonical[entry.name_ar] = entry.name
            aliases = [row["name"], *row.get("aliases_en", []), *([row["name_ar"]] if row.get("name_ar") else []),
                       *row.get("aliases_ar", [])]
            for alias in aliases:
                keys = _keys(alias)
                if not keys:
                    continue
                # Short upper-case acronyms (US, WHO, AP) match only as written.
                exact = alias.rstrip(".") if alias.replace(".", "").isupper() and len(alias) <= 5 else None
                index.setdefault(keys[0], []).append((keys, exact, entry))
                if entry.kind == "country" and _KINGDOM_KEYS.intersection(keys):
                    kingdoms[entry.name] = entry
            for adjective in (*row.get("adjectives_ar", []), *row.get("adjectives_en", [])):
                adjectives[fold_key(adjective)] = entry
    for bucket in index.values():
        bucket.sort(key=lambda item: -len(item[0]))
    return Gazetteer(index, adjectives, canonical, currencies, kingdoms)


# An alias as a token opens it: the keys of its other tokens, how many tokens it has, the surface
# it must have as written (or None), and its entry.
Opened = tuple[tuple[str, ...], int, str | None, Entry]


@lru_cache(maxsize=65536)
def _candidates(key: str) -> tuple[tuple[int, tuple[Opened, ...]], ...]:
    """Gazetteer buckets this token can open, with how many proclitic letters to cut."""
    index = load_gazetteer().index
    return tuple(
        (cut, tuple((keys[1:], len(keys), exact, entry) for keys, exact, entry in index[form]))
        for form, cut in _first_token_forms(key)
        if form in index
    )


def _first_token_forms(key: str) -> list[tuple[str, int]]:
    """The token and its forms without an attached proclitic, with how many letters were cut."""
    forms = [(key, 0)]
    for clitic in _PROCLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= 2:
            rest = key[len(clitic):]
            forms.append(("ال" + rest if clitic.endswith("ال") else rest, len(clitic) - (2 if clitic.endswith("ال") else 0)))
    if key.startswith("لل") and len(key) > 3:
        forms.append(("ال" + key[2:], 0))
    if key.startswith(("ولل", "فلل")) and len(key) > 4:
        forms.append(("ال" + key[3:], 1))
    return forms


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A token's gazetteer key."""
    return fold_key(word.rstrip("."))


def find_entities(folded: Folded) -> list[Match]:
    """Longest gazetteer matches, left to right, without overlaps."""
    # Match objects come from the regex engine in C; offsets are read only where an entity is found.
    tokens = list(_TOKEN.finditer(folded.text))
    keys = tuple(map(_key, map(re.Match.group, tokens)))
    matches: list[Match] = []
    # Most tokens open no gazetteer entry; jump between those that do.
    openers = [i for i, key in enumerate(keys) if _candidates(key)]
    i = 0
    for i_next in openers:
        if i_next < i:
            continue
        i = i_next
        best: tuple[int, int, Entry] | None = None
        for cut, bucket in _candidates(keys[i]):
            for rest, n, exact, entry in bucket:
                if keys[i + 1 : i + n] != rest:  # fewer than n tokens left: shorter, so unequal
                    continue
                surface = folded.text[tokens[i].start() : tokens[i + n - 1].end()].rstrip(".")
                if exact is not None and surface != exact:
                    continue
                if best is None or n > best[0]:
                    best = (n, cut, entry)
                break
        if best is None:
            continue
        n, cut, entry = best
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        if folded.text[end - 1] == "." and not re.search(r"\.\w", folded.text[start:end]):
            end -= 1  # a sentence-final period is not part of the name
        matches.append(Match(start + cut, end, entry))
        i += n
    return _with_the_kingdom(folded.text, matches)


def _with_the_kingdom(text: str, matches: list[Match]) -> list[Match]:
    """`matches` and the mentions of "the Kingdom" alone, each naming the kingdom named last before it
    (المملكة العربية السعودية ... المملكة), or the kingdom whose capital was (الرياض - واس ... المملكة)."""
    kingdoms = load_gazetteer().kingdoms
    found: list[Match] = []
    named: Entry | None = None
    position = 0
    # (one pattern per language, run only where its word is: a search for a word is far cheaper)
    mentions = [m for word, pattern in _THE_KINGDOM.items() if word in text for m in pattern.finditer(text)]
    for mention in sorted(mentions, key=re.Match.start):
        if mention.group() != "Kingdom":
            article = _ARTICLE_BEFORE.search(text, max(0, mention.start() - 4), mention.start())
            if article is None:
                continue  # مملكة البحرين, not "the Kingdom"
            start = article.start() + len(article.group("conj"))
        else:
            start = mention.start()
        while position < len(matches) and matches[position].start < start:
            entry = matches[position].entry
            named = kingdoms.get(entry.capital_of or entry.name, named)
            position += 1
        inside = any(m.start <= start < m.end for m in matches[max(0, position - 1) : position + 1])
        if named is None or inside or _NAMED_ON.match(text, mention.end()):
            continue
        found.append(Match(start, mention.end(), named))
    return sorted([*matches, *found], key=lambda match: match.start) if found else matches


def group_entities(folded: Folded, matches: list[Match]) -> tuple[list[ExtractedEntity], list[ExtractedEntity]]:
    """Organizations and places, one entity per gazetteer entry with all its mentions."""
    grouped: dict[Entry, list[Mention]] = {}
    for match in matches:
        start, end = folded.span(match.start, match.end)
        grouped.setdefault(match.entry, []).append(Mention(text=folded.original[start:end], start=start, end=end))
    organizations: list[ExtractedEntity] = []
    places: list[ExtractedEntity] = []
    for entry, mentions in grouped.items():
        entity = ExtractedEntity(name=entry.name, name_ar=entry.name_ar, kind=entry.kind, mentions=mentions)
        (places if entry.is_place else organizations).append(entity)
    return organizations, places
