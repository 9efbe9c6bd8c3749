"""Find money expressions (number, scale, currency) and read their integer amount."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction import lexicon as lx
from app.extraction.normalize import Folded
from app.extraction.patterns import WORD_END, WORD_START, alternation, folded

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AR_WORD = alternation(lx.ARABIC_NUMBER_WORDS)
_EN_WORD = alternation(w for w in lx.ENGLISH_NUMBER_WORDS if w not in ("a", "an"))
_AR_WORDS = rf"(?:{_AR_WORD})(?:\s+و?(?:{_AR_WORD}))*"
_EN_WORDS = rf"(?:a|an|{_EN_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_WORD}))*"
_SCALE = alternation(lx.SCALES)
_DUAL = alternation(lx.DUAL_SCALES)
_CUR_WORD = alternation(lx.CURRENCY_WORDS)
_CUR_PREFIX = "|".join(re.escape(p) for p in sorted(lx.CURRENCY_PREFIXES, key=len, reverse=True))

MONEY_RE = re.compile(
    rf"""
    (?:(?P<prefix>{_CUR_PREFIX})\s?)?
    (?:
        (?<![\d.,])(?P<digits>{_DIGITS})(?![\d])
      | {WORD_START}(?:[وب])?(?P<words>{_AR_WORDS}|{_EN_WORDS}){WORD_END}
    )
    (?:[\s-]?(?P<scale>{_SCALE}){WORD_END})?
    (?:\s+(?:of\s+)?(?P<cur>{_CUR_WORD}){WORD_END})?
    |
    {WORD_START}(?:[وب])?(?P<dual>{_DUAL}){WORD_END}(?:\s+(?P<dcur>{_CUR_WORD}){WORD_END})?
    |
    {WORD_START}(?P<vague>{alternation(lx.PLURAL_SCALES)}){WORD_END}(?:\s+(?:of\s+)?(?P<vcur>{_CUR_WORD}){WORD_END})?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SCALES = {folded(k).lower(): v for k, v in lx.SCALES.items()}
_DUALS = {folded(k): v for k, v in lx.DUAL_SCALES.items()}
_CURRENCIES = {re.sub(r"\s+", " ", folded(k).lower()): v for k, v in lx.CURRENCY_WORDS.items()}
_NUMBER_WORDS = {folded(k).lower(): v for k, v in {**lx.ARABIC_NUMBER_WORDS, **lx.ENGLISH_NUMBER_WORDS}.items()}
_CODES = frozenset(k for k in lx.CURRENCY_PREFIXES if k.isalpha())


@dataclass(frozen=True, slots=True)
class Money:
    """A money expression in folded-text coordinates; amount None when vague (مليارات, billions)."""

    start: int
    end: int
    amount: int | None
    currency: str | None
    has_scale: bool


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


def _currency(match: re.Match[str]) -> str | None:
    prefix = match.group("prefix")
    if prefix:
        return lx.CURRENCY_PREFIXES.get(prefix.upper(), lx.CURRENCY_PREFIXES.get(prefix))
    word = match.group("cur") or match.group("dcur") or match.group("vcur")
    if word:
        return _CURRENCIES.get(re.sub(r"\s+", " ", word.lower()))
    return None


def find_money(folded_text: Folded) -> list[Money]:
    """Every money-like expression; callers decide which are commitments."""
    found: list[Money] = []
    for match in MONEY_RE.finditer(folded_text.text):
        currency = _currency(match)
        has_currency = bool(match.group("prefix") or match.group("cur") or match.group("dcur") or match.group("vcur"))
        if match.group("vague"):
            if has_currency:
                found.append(Money(match.start(), match.end(), None, currency, True))
            continue
        if match.group("dual"):
            amount: float | None = _DUALS[match.group("dual")]
            scale = 1
        else:
            scale_word = match.group("scale")
            scale = _SCALES.get(scale_word.lower(), 1) if scale_word else 1
            if scale_word and scale_word.lower() in ("m", "b", "k") and not match.group("prefix"):
                scale = 1  # a bare "5 m" is metres, not millions; only "$5m" is money
                if not has_currency:
                    continue
            digits = match.group("digits")
            amount = float(digits.replace(",", "")) if digits else words_value(match.group("words") or "")
            if match.group("prefix") in _CODES and not (match.group("digits") or match.group("words")):
                continue
        if amount is None:
            continue
        if not has_currency and scale < 1_000_000:
            continue  # bare numbers are money only with a currency or a million-plus scale
        if match.group("words") and not has_currency and match.group("words").lower() in ("a", "an"):
            continue
        start = match.start("prefix") if match.group("prefix") else match.start()
        # Keep the span on the number itself, not on an attached proclitic (بـ244 مليونا).
        if match.group("digits") and not match.group("prefix"):
            start = match.start("digits")
        elif match.group("words") and not match.group("prefix"):
            start = match.start("words")
        elif match.group("dual"):
            start = match.start("dual")
        found.append(Money(start, match.end(), round(amount * scale), currency, scale > 1 or bool(match.group("dual"))))
    return found
