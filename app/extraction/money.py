"""Find money expressions (number, scale, currency) and read their integer amount."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction import lexicon as lx
from app.extraction.normalize import Folded
from app.extraction.patterns import WORD_END, alternation, folded

# The pattern opens with a digit and only then looks behind it (no digit, point or comma before), so the
# regex engine jumps from digit to digit instead of trying every position of the text.
_DIGITS = r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_AR_WORD = alternation(lx.ARABIC_NUMBER_WORDS)
_EN_WORD = alternation(w for w in lx.ENGLISH_NUMBER_WORDS if w not in ("a", "an"))
_AR_WORDS = rf"(?:{_AR_WORD})(?:\s+و?(?:{_AR_WORD}))*"
_EN_WORDS = rf"(?:a|an|{_EN_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_WORD}))*"
_SCALE = alternation(lx.SCALES)
_DUAL = alternation(lx.DUAL_SCALES)
_CUR_WORD = alternation(lx.CURRENCY_WORDS)
_CUR_PREFIX = "|".join(re.escape(p) for p in sorted(lx.CURRENCY_PREFIXES, key=len, reverse=True))

# "... and a half": 3 مليارات ونصف المليار, 5 ونصف مليون, مليار ونصف المليار.
_TAIL = rf"""
    (?:[\s-]?(?P<scale>{_SCALE}){WORD_END})?
    (?:\s+(?P<half>و?نصف)(?:\s+(?:ال)?(?P<hscale>{_SCALE}))?{WORD_END})?
    (?:\s+(?:of\s+)?(?P<cur>{_CUR_WORD}){WORD_END})?
"""
# A scale word alone is one of it, in Arabic, when a currency follows: مليار دولار is a billion dollars.
_ONE_OF = frozenset(folded(w) for w in ("ألف", "مليون", "مليار", "بليون"))
# Amounts in digits are found directly; amounts in words are found from the scale or currency word that
# must follow them, reading the number words leftwards, so no slow pattern scans the whole text.
_DIGIT_RE = re.compile(rf"(?P<digits>{_DIGITS})(?!\d){_TAIL}", re.VERBOSE)
_TAIL_RE = re.compile(_TAIL, re.VERBOSE)
_LEFT_WORDS_RE = re.compile(rf"(?<![^\W\d_])(?:[وب](?=[^\W\d_]))?(?P<words>{_AR_WORDS}|{_EN_WORDS})[\s-]+$")
_DUAL_RE = re.compile(rf"(?P<dual>{_DUAL}){WORD_END}(?:\s+(?P<dcur>{_CUR_WORD}){WORD_END})?")
_VAGUE_RE = re.compile(
    rf"(?P<vague>{alternation(lx.PLURAL_SCALES)}){WORD_END}(?:\s+(?:of\s+)?(?P<vcur>{_CUR_WORD}){WORD_END})?"
)
_LEFT_REACH = 60
# What an amount in words ends with (the last word of a number word), to skip the left search cheaply.
_NUMBER_WORD_ENDS = tuple({
    re.split(r"[\s-]+", folded(w))[-1] for w in ("a", "an", *lx.ARABIC_NUMBER_WORDS, *lx.ENGLISH_NUMBER_WORDS)
})
# Every amount written in words needs a scale or currency word after it; finding those first lets the
# slower number-word pattern run only on short windows.
# A currency named by an adjective first (Canadian dollars) anchors at its scale (30 million Canadian
# dollars): every word that starts like an adjective would otherwise be tried as one.
_ANCHOR_WORDS = (*lx.SCALES, *lx.DUAL_SCALES, *lx.PLURAL_SCALES, *lx.CURRENCY_WORDS)
_ANCHOR_RE = re.compile(alternation(
    w for w in _ANCHOR_WORDS if len(w) > 2 and not w.isupper() and w.split()[0] in _ANCHOR_WORDS
))
_PREFIX_RE = re.compile(rf"(?:^|(?<=[^\w$€£¥]))(?P<prefix>{_CUR_PREFIX.lower()})\s?$")
_PREFIXES = {k.lower(): v for k, v in lx.CURRENCY_PREFIXES.items()}
_CASE_SENSITIVE_PREFIXES = frozenset(k for k in lx.CURRENCY_PREFIXES if k.isalpha())
_PREFIX_LAST_CHARS = frozenset(k[-1].lower() for k in lx.CURRENCY_PREFIXES)


_SCALES = {folded(k).lower(): v for k, v in lx.SCALES.items()}
_DUALS = {folded(k): v for k, v in lx.DUAL_SCALES.items()}
_CURRENCIES = {re.sub(r"\s+", " ", folded(k).lower()): v for k, v in lx.CURRENCY_WORDS.items()}
_NUMBER_WORDS = {folded(k).lower(): v for k, v in {**lx.ARABIC_NUMBER_WORDS, **lx.ENGLISH_NUMBER_WORDS}.items()}


@dataclass(frozen=True, slots=True)
class Money:
    """A money expression in folded-text coordinates; amount None when vague (مليارات, billions)."""

    start: int
    end: int
    amount: int | None
    currency: str | None
    has_scale: bool


def names_a_currency(phrase: str) -> bool:
    """Whether a money expression (folded text) ends in a currency word, one that names no single
    currency included (دينار, kroner)."""
    words = phrase.lower().split()
    return any(" ".join(words[-n:]) in _CURRENCIES for n in range(1, min(3, len(words)) + 1))


def words_value(phrase: str) -> float | None:
    """Read a number written in words (مئة وثمانية وستين, two hundred fifty)."""
    total = 0.0
    for raw in re.split(r"[\s-]+", phrase.lower()):
        if raw in ("and",):
            continue
        word = raw[1:] if raw.startswith("و") and raw not in _NUMBER_WORDS else raw
        value = _NUMBER_WORDS.get(word)
        if value is None:
            return None
        total = total * 100 if value == 100 and total else total + value
    return total or None


def _currency(groups: dict[str, str | None], prefix: str | None) -> str | None:
    if prefix:
        return _PREFIXES.get(prefix.lower())
    word = groups.get("cur") or groups.get("dcur") or groups.get("vcur")
    if word:
        return _CURRENCIES.get(re.sub(r"\s+", " ", word.lower()))
    return None


def _prefix(text: str, low: str, start: int) -> tuple[str | None, int]:
    """A currency sign or code right before the number ($, US$, USD), and where it starts."""
    # Most numbers have none: the last character before them (past a space or two) ends no sign or code.
    if low[max(0, start - 3) : start].rstrip()[-1:] not in _PREFIX_LAST_CHARS:
        return None, start
    m = _PREFIX_RE.search(low, max(0, start - 6), start)
    if m is None:
        return None, start
    surface = text[m.start("prefix") : m.end("prefix")]
    # Codes count only in upper case: "eur" or "sar" ending some word is not money.
    if surface.isalpha() and surface not in _CASE_SENSITIVE_PREFIXES:
        return None, start
    return surface, m.start("prefix")


def _number_word_before(low: str, a: int) -> bool:
    """Whether a number word ends right before the spaces or hyphens before a: what `_LEFT_WORDS_RE` needs."""
    end = a
    while end > 0 and (low[end - 1].isspace() or low[end - 1] == "-"):
        end -= 1
    return end < a and low.endswith(_NUMBER_WORD_ENDS, max(0, a - _LEFT_REACH), end)


def _matches(text: str, low: str) -> list[tuple[int, int, dict[str, str | None], str | None]]:
    """Raw candidate matches in text order, with the currency prefix found before each (if any)."""
    found = []
    for m in _DIGIT_RE.finditer(low):
        prefix, start = _prefix(text, low, m.start())
        found.append((start, m.end(), m.groupdict(), prefix))
    for anchor in _ANCHOR_RE.finditer(low):
        a = anchor.start()
        if a and low[a - 1].isalpha() and not (low[a - 1] in "وب" and (a == 1 or not low[a - 2].isalpha())):
            continue  # inside a longer word
        if low[max(0, a - 2) : a].rstrip()[-1:].isdigit():
            continue  # "148 مليون": the digit pattern reads it
        left = _LEFT_WORDS_RE.search(low, max(0, a - _LEFT_REACH), a) if _number_word_before(low, a) else None
        if left is not None:
            tail = _TAIL_RE.match(low, a)
            end = tail.end() if tail else a
            groups = {"words": left.group("words"), **(tail.groupdict() if tail else {})}
            prefix, start = _prefix(text, low, left.start("words"))
            found.append((start, end, groups, prefix))
            continue
        tail = _TAIL_RE.match(low, a) if anchor.group() in _ONE_OF else None
        if tail is not None and tail.group("scale") in _ONE_OF and tail.group("cur"):
            found.append((a, tail.end(), {**tail.groupdict(), "one": "1"}, None))
            continue
        for pattern in (_DUAL_RE, _VAGUE_RE):
            hit = pattern.match(low, a)
            if hit is not None:
                found.append((a, hit.end(), hit.groupdict(), None))
                break
    found.sort(key=lambda f: f[0])
    return found


def find_money(folded_text: Folded) -> list[Money]:
    """Every money-like expression; callers decide which are commitments."""
    text = folded_text.text
    low = text.lower() if len(text.lower()) == len(text) else text
    found: list[Money] = []
    last_end = -1
    for start, end, groups, prefix in _matches(text, low):
        if start < last_end:
            continue
        currency = _currency(groups, prefix)
        has_currency = bool(prefix or groups.get("cur") or groups.get("dcur") or groups.get("vcur"))
        if groups.get("vague"):
            if has_currency:
                found.append(Money(start, end, None, currency, True))
                last_end = end
            continue
        scale = 1
        if groups.get("dual"):
            amount: float | None = _DUALS[groups["dual"]]  # type: ignore[index]
        else:
            scale_word = groups.get("scale")
            scale = _SCALES.get(scale_word.lower(), 1) if scale_word else 1
            if scale_word and scale_word.lower() in ("m", "b", "k") and not prefix:
                continue  # a bare "5 m" is metres, not millions; only "$5m" is money
            digits = groups.get("digits")
            words = groups.get("words")
            if digits:
                amount = float(digits.replace(",", ""))
            else:
                amount = 1.0 if groups.get("one") else words_value(words or "")
            if words and not has_currency and words.lower() in ("a", "an"):
                continue
            if amount is not None and groups.get("half"):
                amount += 0.5
                if not scale_word and groups.get("hscale"):
                    scale = _SCALES[groups["hscale"].lower()]  # type: ignore[union-attr]
        if amount is None:
            continue
        if not has_currency and scale < 1_000_000:
            continue  # bare numbers are money only with a currency or a million-plus scale
        found.append(Money(start, end, round(amount * scale), currency, scale > 1 or bool(groups.get("dual"))))
        last_end = end
    return found
