"""Find date expressions in Arabic and English and resolve them against the published date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.extraction import lexicon as lx
from app.extraction.money import words_value
from app.extraction.normalize import Folded
from app.extraction.patterns import WORD_END, alternation, folded
from app.extraction.types import ExtractedDate

_MONTH_AR = alternation(lx.MONTHS_AR)
_MONTH_EN = alternation(lx.MONTHS_EN)
_WEEKDAY_AR = alternation(lx.WEEKDAYS_AR)
_WEEKDAY_EN = alternation(lx.WEEKDAYS_EN)
_MONTHS = {folded(k).lower(): v for k, v in {**lx.MONTHS_AR, **lx.MONTHS_EN}.items()}
_WEEKDAYS = {folded(k).lower(): v for k, v in {**lx.WEEKDAYS_AR, **lx.WEEKDAYS_EN}.items()}
_YEAR = r"(?:19|20)\d\d"
_ORDINAL_DAY_AR = alternation(lx.ORDINAL_DAYS_AR)
_ORDINAL_DAYS = {folded(k).lower(): v for k, v in lx.ORDINAL_DAYS_AR.items()}
# The same month in the other calendar's name, as the Levant and Iraq write it: 15 آذار/مارس 2023,
# آذار (مارس), آذار مارس.
_SECOND_MONTH_AR = rf"(?:\s*/\s*(?:{_MONTH_AR})|\s*\(\s*(?:{_MONTH_AR})\s*\)|\s+(?:{_MONTH_AR}))"
_NUM_AR = alternation(k for k in lx.ARABIC_NUMBER_WORDS if lx.ARABIC_NUMBER_WORDS[k] >= 1)
_NUM_EN = alternation(k for k in lx.ENGLISH_NUMBER_WORDS if k != "hundred")
_COUNT = rf"(?:\d+|{_NUM_AR}|{_NUM_EN})"

# Units in the forms Arabic uses after a number, as a dual, or alone (عام = one year).
_UNIT_FORMS: dict[str, tuple[str, int]] = {
    **{w: ("year", 1) for w in ("عام", "سنة", "year", "years", "سنوات", "أعوام", "عاما", "سنين")},
    **{w: ("year", 2) for w in ("عامين", "سنتين", "عامان", "سنتان")},
    **{w: ("month", 1) for w in ("شهر", "شهرا", "أشهر", "شهور", "month", "months")},
    **{w: ("month", 2) for w in ("شهرين", "شهران")},
    **{w: ("week", 1) for w in ("أسبوع", "أسبوعا", "أسابيع", "week", "weeks")},
    **{w: ("week", 2) for w in ("أسبوعين", "أسبوعان")},
    **{w: ("day", 1) for w in ("يوم", "يوما", "أيام", "day", "days")},
    **{w: ("day", 2) for w in ("يومين", "يومان")},
}
_UNITS = {folded(k).lower(): v for k, v in _UNIT_FORMS.items()}
_UNIT = alternation(_UNIT_FORMS)
_PERIOD_NOUNS: dict[str, str] = {
    "السنوات": "year", "الأعوام": "year", "الأشهر": "month", "الشهور": "month", "الأسابيع": "week", "الأيام": "day",
}
_PERIOD_DUALS: dict[str, str] = {"العامين": "year", "السنتين": "year", "الشهرين": "month", "الأسبوعين": "week", "اليومين": "day"}
_PERIOD = {folded(k): v for k, v in {**_PERIOD_NOUNS, **_PERIOD_DUALS}.items()}
_PAST_AR = r"(?:الماضية|الماضيين|الماضيتين|الاخيرة|الاخيرين|المنصرمة)"
_NEXT_AR = r"(?:المقبلة|المقبلين|القادمة|القادمين)"
_REL_WORD_AR = {"الماضي": -1, "الماضية": -1, "المنصرم": -1, "المقبل": 1, "المقبلة": 1, "القادم": 1,
                "القادمة": 1, "الحالي": 0, "الحالية": 0, "الجاري": 0, "الجارية": 0}
_REL_WORD_EN = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}
_MONTH_DIRECTIONS = {**_REL_WORD_AR, **_REL_WORD_EN}
# The masculine relative words, which a month (شهر) and a year (عام) take.
_REL_MASCULINE_AR = {word: way for word, way in _REL_WORD_AR.items() if not word.endswith("ة")}
# A month named without its year, as the last or the next one: مارس الماضي, آذار المقبل.
_MONTH_DIR_AR = rf"(?:\s+(?P<mdir>{'|'.join(w for w, way in _REL_MASCULINE_AR.items() if way)}){WORD_END})"
# A month of the last, this or the next year: نيسان من العام الماضي.
_OF_YEAR_AR = rf"(?:\s+من\s+(?:العام|السنه)\s+(?P<ydir>{'|'.join(_REL_MASCULINE_AR)}){WORD_END})"


# What may stand before a year: عام/year, or the part of it meant: "the first quarter of 2024", "Q3 2023",
# "H1 2025", الربع الأول من عام 2024, النصف الثاني من 2025 (text lower-cased and folded).
_PARTS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": -1, "last": -1,
          "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": -1}
_YEAR_LEAD = (
    r"(?:(?P<nth>first|second|third|fourth|final|last)\s+(?P<part>quarter|half)\s+of\s+(?:the\s+year\s+)?"
    r"|(?P<qtag>q[1-4]|h[12])\s+"
    r"|(?P<part_ar>الربع|النصف)\s+(?P<nth_ar>الاول|الثاني|الثالث|الرابع|الاخير)\s+"
    r"(?:من\s+)?(?:عام\s+|العام\s+|سنة\s+)?"
    r"|(?:عام|العام|سنة|year)\s*)$"
)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: str | None
    end_value: str | None
    grain: str
    relative: bool


def _year(y: int) -> str:
    return f"{y:04d}"


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = words_value(word)
    return int(value) if value else None


def _shift(published: dt.date, unit: str, n: int) -> tuple[str, str]:
    """The date n units from published, at that unit's grain, and the grain."""
    if unit == "year":
        return _year(published.year + n), "year"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + n
        return _month(months // 12, months % 12 + 1), "month"
    days = 7 * n if unit == "week" else n
    return (published + dt.timedelta(days=days)).isoformat(), "day"


def _calendar_unit(published: dt.date, unit: str, n: int) -> _Found:
    """The calendar week/month/year n units away (الأسبوع الماضي = last Monday-to-Sunday week)."""
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
        return _Found(0, 0, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week", True)
    value, grain = _shift(published, unit, n)
    return _Found(0, 0, value, None, grain, True)


def _weekday(published: dt.date, weekday: int, direction: int) -> str:
    """News speaks of the latest such day on or before publication unless it says next (المقبل)."""
    if direction > 0:
        delta = (weekday - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=delta)).isoformat()
    return (published - dt.timedelta(days=(published.weekday() - weekday) % 7)).isoformat()


Resolver = Callable[[re.Match[str], dt.date | None, str | None], _Found | None]


def _year_of(month: int, published: dt.date | None, m: re.Match[str]) -> int | None:
    """The year of a month named without one: the publication's, or, for the last or the next such
    month (مارس الماضي, last September), the year that makes it so."""
    if published is None:
        return None
    if m.group("ydir"):
        return published.year + _REL_WORD_AR[m.group("ydir")]
    direction = _MONTH_DIRECTIONS.get(m.group("mdir") or m.group("mlead") or "", 0)
    if direction < 0 and month >= published.month:
        return published.year - 1
    if direction > 0 and month <= published.month:
        return published.year + 1
    return published.year


def _explicit_day(m: re.Match[str], published: dt.date | None, _: str | None) -> _Found | None:
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    day = int(m.group("day")) if m.group("day") else _ORDINAL_DAYS[m.group("ordinal")]
    year = int(m.group("year")) if m.group("year") else _year_of(month, published, m)
    if year is None:
        return _Found(0, 0, None, None, "day", False)
    try:
        return _Found(0, 0, dt.date(year, month, day).isoformat(), None, "day", False)
    except ValueError:
        return None


def _explicit_month(m: re.Match[str], _p: dt.date | None, _a: str | None) -> _Found | None:
    return _Found(0, 0, _month(int(m.group("year")), _MONTHS[m.group("month").lower().rstrip(".")]), None, "month", False)


def _bare_month(m: re.Match[str], published: dt.date | None, _a: str | None) -> _Found | None:
    """'in January' / 'في يناير': the month of the publication year."""
    if published is None:
        return _Found(0, 0, None, None, "month", False)
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    year = _year_of(month, published, m)
    return _Found(0, 0, _month(year, month), None, "month", False)  # type: ignore[arg-type]


def _explicit_year(m: re.Match[str], _p: dt.date | None, _a: str | None) -> _Found | None:
    year = m.group("year")
    part, tag = m.group("part") or m.group("part_ar"), m.group("qtag")
    if not (part or tag):
        return _Found(0, 0, year, None, "year", False)
    # A quarter or a half of the year: its first and last months.
    size = 3 if part in ("quarter", "الربع") or tag[:1] == "q" else 6
    nth = _PARTS[m.group("nth") or m.group("nth_ar")] if part else int(tag[1:])
    if nth == -1:
        nth = 12 // size
    if nth > 12 // size:
        return _Found(0, 0, year, None, "year", False)
    first = (nth - 1) * size + 1
    return _Found(0, 0, _month(int(year), first), _month(int(year), first + size - 1), "range", False)


def _day_word(m: re.Match[str], published: dt.date | None, _: str | None) -> _Found | None:
    word = (m.group("dayword") or "").lower()
    offset = {"اليوم": 0, "today": 0, "tonight": 0, "امس": -1, "yesterday": -1, "غدا": 1, "tomorrow": 1}.get(word)
    weekday = m.group("weekday")
    direction = _REL_WORD_AR.get(m.group("wdir") or "", _REL_WORD_EN.get((m.group("wdir") or "").lower(), -1))
    if published is None:
        return _Found(0, 0, None, None, "day", True)
    if offset is not None:
        return _Found(0, 0, (published + dt.timedelta(days=offset)).isoformat(), None, "day", True)
    if weekday:
        return _Found(0, 0, _weekday(published, _WEEKDAYS[weekday.lower()], direction), None, "day", True)
    return None


def _calendar(m: re.Match[str], published: dt.date | None, _: str | None) -> _Found | None:
    unit = _UNITS.get(folded(m.group("unit")).lower().removeprefix("ال"), ("year", 1))[0]
    rel = m.group("rel").lower()
    n = _REL_WORD_AR.get(rel, _REL_WORD_EN.get(rel, 0))
    if published is None:
        return _Found(0, 0, None, None, unit if unit != "day" else "day", True)
    return _calendar_unit(published, unit, n)


def _ago(m: re.Match[str], published: dt.date | None, _: str | None) -> _Found | None:
    unit, n = _unit_count(m)
    if unit is None or n is None:
        return None
    if published is None:
        return _Found(0, 0, None, None, unit if unit in ("year", "month") else "day", True)
    value, grain = _shift(published, unit, -n)
    return _Found(0, 0, value, None, grain, True)


def _later(m: re.Match[str], published: dt.date | None, anchor: str | None) -> _Found | None:
    unit, n = _unit_count(m)
    if unit is None or n is None:
        return None
    if anchor and unit == "year":
        return _Found(0, 0, _year(int(anchor[:4]) + n), None, "year", True)
    if published is None:
        return _Found(0, 0, None, None, "year", True)
    value, grain = _shift(published, unit, n)
    return _Found(0, 0, value, None, grain, True)


def _period(m: re.Match[str], published: dt.date | None, _: str | None) -> _Found | None:
    noun = m.groupdict().get("pnoun")
    unit: str | None
    if noun:
        unit = _PERIOD[folded(noun)]
        n = _count(m.group("pn")) if m.groupdict().get("pn") else 2
    else:
        unit = _UNITS.get(folded(m.group("unit")).lower(), (None, 1))[0]
        n = _count(m.group("n")) if m.group("n") else 1
    if unit is None or n is None:
        return None
    if published is None:
        return _Found(0, 0, None, None, "range", True)
    direction = 1 if re.search(rf"{_NEXT_AR}|next|coming|غضون|within", m.group(), re.IGNORECASE) else -1
    start, _g = _shift(published, unit, -n if direction < 0 else 0)
    end, _g = _shift(published, unit, 0 if direction < 0 else n)
    return _Found(0, 0, start, end, "range", True)


def _unit_count(m: re.Match[str]) -> tuple[str | None, int | None]:
    unit_word = folded(m.group("unit")).lower()
    unit, base = _UNITS.get(unit_word, (None, 1))
    n = _count(m.group("n")) if m.group("n") else base
    return unit, n


class _Hit:
    """A rule match widened to the left by its optional lead-in words (مساء, في وقت سابق, less than)."""

    def __init__(self, text: str, start: int, end: int, groups: dict[str, str | None]) -> None:
        self.start, self.end, self._text, self._groups = start, end, text, groups

    def group(self, name: str | None = None) -> str:
        if name is None:
            return self._text[self.start : self.end]
        return self._groups.get(name) or ""

    def groupdict(self) -> dict[str, str | None]:
        return self._groups


_WD = f"{_WEEKDAY_AR}|{_WEEKDAY_EN}"
# "الأسبوع الأول من فبراير" is a week, not the first day.
_NOT_A_DAY_AR = "".join(rf"(?<!{w}\s)" for w in ("الاسبوع", "الشهر", "العام", "الربع", "النصف", "الاسابيع"))
# "بعد يومين من الهجوم" counts from an event, not from the publication ("بعد عامين من الآن" does).
_NOT_OF_EVENT_AR = r"(?!\s+(?:من|على)\s+(?!الان|اليوم))"
_DAY_WORDS = "اليوم|امس|غدا|today|yesterday|tomorrow|tonight"
_AR, _EN, _ANY = "ar", "en", "any"
# "يوما بعد يوم" (day after day) dates nothing.
_TIME_AFTER_TIME = "".join(rf"(?<!{folded(w)}\sبعد)" for w in ("يوما", "عاما", "شهرا", "أسبوعا", "سنة", "ساعة"))
# (pattern, optional left lead-in anchored at its end, Arabic proclitics allowed before it, resolver).
# Patterns start with their mandatory word so the regex engine can skip ahead fast; they run on
# lower-cased folded text without IGNORECASE for the same reason, and word starts are checked in code.
_RULE_SPECS: tuple[tuple[str, str | None, str, Resolver], ...] = (
    (rf"(?P<day>\d\d?)\s+(?P<month>{_MONTH_AR}){_SECOND_MONTH_AR}?{WORD_END}(?:\s*[,،]?\s*(?:من\s+)?(?:عام|سنة)?\s*(?P<year>{_YEAR})|{_MONTH_DIR_AR}|{_OF_YEAR_AR})?(?!\d)", None, _AR, _explicit_day),
    (rf"{_NOT_A_DAY_AR}(?P<ordinal>{_ORDINAL_DAY_AR})\s+من\s+(?:شهر\s+)?(?P<month>{_MONTH_AR}){_SECOND_MONTH_AR}?{WORD_END}(?:\s*[,،]?\s*(?:من\s+)?(?:عام|سنة)?\s*(?P<year>{_YEAR})|{_MONTH_DIR_AR}|{_OF_YEAR_AR})?(?!\d)", None, _AR, _explicit_day),
    (rf"(?P<month>{_MONTH_EN})\.?\s+(?P<day>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>{_YEAR}))?(?!\d)", None, _EN, _explicit_day),
    (rf"(?P<day>\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_EN}){WORD_END}\.?(?:,?\s+(?P<year>{_YEAR}))?(?!\d)", None, _EN, _explicit_day),
    (rf"(?P<month>{_MONTH_AR}){_SECOND_MONTH_AR}?\s*[,،/]?\s*(?:من\s+)?(?:عام|العام|سنة)?\s*(?P<year>{_YEAR})(?!\d)", r"شهر\s+$", _AR, _explicit_month),
    (rf"(?P<month>{_MONTH_EN})\.?,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d)", None, _EN, _explicit_month),
    (rf"(?P<year>{_YEAR})(?![\d%]|[.,]\d|\s*(?:مليون|مليار|الف|ألف|دولار|million|billion|dollars|people|شخص))", _YEAR_LEAD, _ANY, _explicit_year),
    (rf"(?:(?P<dayword>{_DAY_WORDS}){WORD_END}(?!['’]s)(?:[ \t]*\(?(?:يوم\s+)?(?P<weekday>{_WD}){WORD_END})?|(?P<weekday2>{_WD}){WORD_END}(?:\s+(?P<wdir>الماضي|المقبل|القادم|المنصرم){WORD_END})?)(?:\s+(?:morning|evening|night|afternoon))?",
     r"(?:في\s+وقت\s+(?:سابق|لاحق)\s+(?:من\s+)?|(?:مساء|صباح|ظهر|ليل|فجر)\s+|(?:earlier|later)\s+|(?P<lead>يوم|on|last|next)\s+)$", _ANY, _day_word),
    (rf"(?P<unit>الاسبوع|الشهر|العام|السنة)\s+(?P<rel>الماضي|الماضية|المنصرم|المقبل|المقبلة|القادم|القادمة|الحالي|الحالية|الجاري|الجارية){WORD_END}", None, _AR, _calendar),
    (rf"(?:هذا|هذه)\s+(?P<unit>العام|السنة|الشهر|الاسبوع)(?P<rel>){WORD_END}", None, _AR, _calendar),
    (rf"(?P<rel>last|next|this|coming|current)\s+(?P<unit>week|month|year){WORD_END}", r"(?:earlier|later)\s+$", _EN, _calendar),
    (rf"(?:قبل|منذ)\s+(?:نحو\s+|حوالي\s+|اكثر\s+من\s+)?(?:(?P<n>{_COUNT})\s+)?(?P<unit>{_UNIT}){WORD_END}", None, _AR, _ago),
    (rf"(?P<month>{_MONTH_AR}){_SECOND_MONTH_AR}?{WORD_END}(?!\s*[/,،]?\s*(?:\d|{_MONTH_AR}))(?:{_MONTH_DIR_AR}|{_OF_YEAR_AR})?", r"(?:في|منذ|حتى|خلال|مطلع|منتصف|اواخر|اوايل|نهاية|بداية)\s+(?:شهر\s+)?$", _AR, _bare_month),
    (rf"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december){WORD_END}(?!\s*,?\s*\d)", r"(?:in|since|until|by|during|early|mid|late|(?P<mlead>last|next)|this)[\s-]+$", _EN, _bare_month),
    (r"ago(?![^\W\d_])", rf"(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|some\s+)?(?P<n>\d+|{_NUM_EN})\s+(?P<unit>years?|months?|weeks?|days?)\s+$", _EN, _ago),
    (rf"(?:عقب|بعد{_TIME_AFTER_TIME})\s+(?:ذلك\s+ب)?(?:(?P<n>{_COUNT})\s+)?(?P<unit>{_UNIT}){WORD_END}{_NOT_OF_EVENT_AR}", None, _AR, _later),
    (rf"في\s+غضون\s+(?P<n>{_COUNT})\s+(?P<unit>{_UNIT}){WORD_END}{_NOT_OF_EVENT_AR}", None, _AR, _period),
    (rf"within\s+(?P<n>\d+|{_NUM_EN})\s+(?P<unit>years|months|weeks|days){WORD_END}(?!\s+(?:of|after|from)\b)", None, _EN, _period),
    (r"later(?![^\W\d_])", rf"(?P<n>\d+|{_NUM_EN})\s+(?P<unit>years?|months?)\s+$", _EN, _later),
    (rf"(?P<pnoun>السنوات|الاعوام|الاشهر|الشهور|الاسابيع|الايام)\s+(?:ال)?(?P<pn>\d+|{_NUM_AR})\s+(?:{_PAST_AR}|{_NEXT_AR}){WORD_END}", None, _AR, _period),
    (rf"(?P<pnoun>العامين|السنتين|الشهرين|الاسبوعين|اليومين)\s+(?:{_PAST_AR}|{_NEXT_AR}){WORD_END}", None, _AR, _period),
    # Counted: "the past two years" is a period, "the coming months" is vague.
    (rf"(?:past|last|previous|next|coming)\s+(?P<n>\d+|{_NUM_EN})\s+(?P<unit>years|months|weeks|days){WORD_END}", r"the\s+$", _EN, _period),
)
# A rule that opens with alternative named groups hides its first letters from the regex engine, which
# then tries it at every position; such a rule is tried only where one of its opening words starts.
_DAY_OPENER = re.compile(alternation((*_DAY_WORDS.split("|"), *lx.WEEKDAYS_AR, *lx.WEEKDAYS_EN)))
# The rules that hold a month name: where month names start is found once per script and text, and the
# rules that open with one are tried only there; the others (a day number first) only when one occurs.
_MONTH_SCANS = {_AR: re.compile(_MONTH_AR), _EN: re.compile(_MONTH_EN)}
_ORDINAL_OPENER = re.compile(_ORDINAL_DAY_AR)


def _scans(pattern: str, script: str, resolver: Resolver) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(opener, needed): what every match of the rule starts with, and what must occur somewhere for it to match."""
    if resolver is _day_word:
        return _DAY_OPENER, None
    if "(?P<ordinal>" in pattern:  # after its lookbehinds
        return _ORDINAL_OPENER, _MONTH_SCANS[script]
    if "(?P<month>" in pattern:
        month = _MONTH_SCANS[script]
        return (month, None) if pattern.startswith("(?P<month>") else (None, month)
    return None, None


_Pattern = re.Pattern[str]
# (pattern, opener, needed, lead-in, script, resolver)
_RULES: tuple[tuple[_Pattern, _Pattern | None, _Pattern | None, _Pattern | None, str, Resolver], ...] = tuple(
    (re.compile(p), *_scans(p, script, r), re.compile(lead) if lead else None, script, r)
    for p, lead, script, r in _RULE_SPECS
)
_LEAD_WINDOW = 40
_NEEDS_LEAD = frozenset({_ago, _later, _bare_month})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[a-z]")


def _word_start(text: str, pos: int, arabic: bool) -> bool:
    """No letter glued before pos, except one Arabic proclitic (وعقب, بواشنطن) standing at a word start."""
    if pos == 0 or not text[pos - 1].isalpha():
        return True
    return arabic and text[pos - 1] in "وفبل" and (pos == 1 or not text[pos - 2].isalpha())


def _starts(opener: re.Pattern[str], text: str) -> list[int]:
    """Every position where opener matches, overlapping ones included, in order."""
    starts = []
    pos = 0
    while (m := opener.search(text, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1
    return starts


def _finditer(pattern: re.Pattern[str], starts: list[int] | None, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text); with starts, the only positions where a match of pattern can begin, tried only there."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # keep offsets (İ lowers to 2 chars)


def find_dates(folded_text: Folded, published: dt.date | None) -> list[ExtractedDate]:
    """Dates in text order, each distinct (expression, value) once, with original-text spans."""
    text = _lowered(folded_text.text)
    candidates: list[tuple[int, int, Resolver, _Hit]] = []
    # Rules of a script absent from the text cannot match; skipping them halves the work.
    present = {_AR: _ARABIC_LETTER.search(text) is not None, _EN: _LATIN_LETTER.search(text) is not None, _ANY: True}
    starts: dict[re.Pattern[str], list[int]] = {}  # shared by the rules that scan for the same words
    for pattern, opener, needed, lead, script, resolver in _RULES:
        if not present[script]:
            continue
        if needed is not None:
            if needed not in starts:
                starts[needed] = _starts(needed, text)
            if not starts[needed]:
                continue
        if opener is not None and opener not in starts:
            starts[opener] = _starts(opener, text)
        arabic = script != _EN
        for m in _finditer(pattern, starts[opener] if opener is not None else None, text):
            start, groups = m.start(), m.groupdict()
            if lead is not None:
                window_start = max(0, start - _LEAD_WINDOW)
                before = lead.search(text, window_start, start)
                if before is not None and _word_start(text, before.start(), arabic):
                    if resolver is not _bare_month:  # "in" is the month's cue, not part of the date
                        start = before.start()
                    groups = {**groups, **{k: v for k, v in before.groupdict().items() if v}}
                elif resolver in _NEEDS_LEAD:
                    continue  # "ago" needs its count; a bare month name needs its preposition
            if not _word_start(text, start, arabic) or not text[start : m.end()].strip():
                continue
            if resolver is _bare_month and not arabic and not folded_text.text[m.start()].isupper():
                continue  # "may" the verb; English writes month names capitalized
            if groups.get("weekday2"):
                groups["weekday"] = groups["weekday2"]
            if groups.get("lead") in ("last", "next") and not groups.get("wdir"):
                groups["wdir"] = groups["lead"]
            candidates.append((start, m.end(), resolver, _Hit(text, start, m.end(), groups)))
    # Longest match wins where candidates overlap (سبتمبر 2025 over 2025).
    chosen: list[tuple[int, int, Resolver, _Hit]] = []
    taken = bytearray(len(text))
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if taken.find(1, cand[0], cand[1]) < 0:
            taken[cand[0] : cand[1]] = b"\x01" * (cand[1] - cand[0])
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    results: list[ExtractedDate] = []
    seen: set[tuple[str, str | None]] = set()
    anchor: str | None = None
    years: dict[int, int] | None = None  # read when a date without a year needs it
    for start, end, resolver, hit in chosen:
        if resolver is _day_word and not hit.group("weekday") and _is_outlet_name(text, start, end):
            continue
        reference = published
        if published is not None and resolver in _YEARLESS and not any(
            hit.group(name) for name in ("year", "ydir", "mdir", "mlead")
        ):
            # "Last year, donors met in Brussels on May 27": the sentence's year, not the publication's.
            if years is None:
                years = _sentence_years(text, chosen, published)
            year = years.get(_sentence_start(text, start))
            reference = dt.date(year, published.month, 1) if year else published
        try:
            found = resolver(hit, reference, anchor)  # type: ignore[arg-type]
        except OverflowError:
            # Counted from the publication date, the date leaves the calendar (years 1 to 9999):
            # it stays unresolved, as without a publication date, rather than failing the article.
            found = resolver(hit, None, None)  # type: ignore[arg-type]
        if found is None:
            continue
        o_start, o_end = folded_text.span(start, end)
        expression = folded_text.original[o_start:o_end].rstrip()
        o_end = o_start + len(expression)
        if not found.relative and found.value and found.grain != "range":
            anchor = found.value
        key = (hit.group().strip(), found.value)
        if key in seen:
            continue
        seen.add(key)
        results.append(
            ExtractedDate(expression=expression, value=found.value, end_value=found.end_value,
                          grain=found.grain, relative=found.relative, start=o_start, end=o_end)  # type: ignore[arg-type]
        )
    return results


_YEARLESS = (_explicit_day, _bare_month)
_SENTENCE_END = re.compile(r"[.!?؟\n](?=\s)")


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence around `pos` begins: after the last full stop, question mark or line break."""
    found = None
    for found in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        pass
    return found.end() if found else max(0, pos - 400)


# A year that bounds a span ("since 2014", "by 2030", حتى عام 2030) is not the year of the sentence's events.
_BOUND_YEAR = re.compile(
    r"(?<![^\W\d_])(?:(?:until|till|through|by|before|after|from|to|between|and"
    r"|حتى|بحلول|قبل|بعد|من|الى|بين)\s+"
    # "since the war began in 2015", منذ اندلاع الحرب في عام 2015
    r"|(?:since|منذ)\s+(?:[^\W\d_]+\s+){0,4})(?:(?:عام|العام|سنة|year)\s+)?$"
)


def _sentence_years(
    text: str, chosen: list[tuple[int, int, Resolver, _Hit]], published: dt.date | None
) -> dict[int, int]:
    """The one year each sentence names (in 2023, last year, العام الماضي, 14 March 2023), by the
    sentence's start; none for a sentence that names several years, or only the publication's."""
    if published is None:
        return {}
    named: dict[int, set[int]] = {}
    for start, _, resolver, hit in chosen:
        dated = resolver in (_explicit_day, _explicit_month) and hit.group("year")
        if (dated or resolver in (_explicit_year, _calendar)) and \
                not _BOUND_YEAR.search(text, max(0, start - 60), start):
            try:
                found = resolver(hit, published, None)  # type: ignore[arg-type]
            except OverflowError:
                continue
            if found is not None and (dated or found.grain == "year") and found.value:
                named.setdefault(_sentence_start(text, start), set()).add(int(found.value[:4]))
    return {start: year for start, (year, *more) in ((k, sorted(v)) for k, v in named.items())
            if not more and year != published.year}


def _is_outlet_name(text: str, start: int, end: int) -> bool:
    """A date word inside a short byline line (العرب اليوم, Egypt Today) names an outlet, not a date."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.split()) <= 4 and start > line_start and not re.search(r"\d", line)
