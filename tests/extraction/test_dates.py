"""Explicit and relative dates in Arabic and English."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from app.extraction import dates
from app.extraction.dates import find_dates
from app.extraction.normalize import fold

THURSDAY = dt.date(2025, 3, 6)


def _dates(text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str | None, str]]:
    return [(d.expression, d.value, d.grain) for d in find_dates(fold(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الاتفاق في 12 كانون الثاني 2021", [("12 كانون الثاني 2021", "2021-01-12", "day")]),
        ("منذ تشرين الأول 2019", [("تشرين الأول 2019", "2019-10", "month")]),
        ("اعتبارا من 3 أيار ٢٠٢٢", [("3 أيار ٢٠٢٢", "2022-05-03", "day")]),
        ("في شباط/فبراير 2020", [("شباط/فبراير 2020", "2020-02", "month")]),
        ("بحلول يونيو 2026", [("يونيو 2026", "2026-06", "month")]),
        ("خلال عام 2018", [("عام 2018", "2018", "year")]),
        ("On March 3, 2024 the fund opened", [("March 3, 2024", "2024-03-03", "day")]),
        ("by 14 July 2023", [("14 July 2023", "2023-07-14", "day")]),
        ("since Sept. 2015", [("Sept. 2015", "2015-09", "month")]),
    ],
)
def test_explicit_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "grain"),
    [
        ("اليوم الخميس", "2025-03-06", "day"),
        ("أمس الأربعاء", "2025-03-05", "day"),
        ("غدا", "2025-03-07", "day"),
        ("الاثنين", "2025-03-03", "day"),
        ("الاثنين المقبل", "2025-03-10", "day"),
        ("الشهر المقبل", "2025-04", "month"),
        ("العام الماضي", "2024", "year"),
        ("العام الحالي", "2025", "year"),
        ("قبل ثلاث سنوات", "2022", "year"),
        ("yesterday", "2025-03-05", "day"),
        ("on Tuesday", "2025-03-04", "day"),
        ("next month", "2025-04", "month"),
        ("two years ago", "2023", "year"),
    ],
)
def test_relative_dates(text: str, value: str, grain: str) -> None:
    ((_, got_value, got_grain),) = _dates(text)
    assert (got_value, got_grain) == (value, grain)


def test_weeks_and_periods() -> None:
    (last_week,) = find_dates(fold("الأسبوع الماضي"), THURSDAY)
    assert (last_week.grain, last_week.value, last_week.end_value) == ("week", "2025-02-24", "2025-03-02")
    (period,) = find_dates(fold("خلال السنوات الثلاث الماضية"), THURSDAY)
    assert (period.grain, period.value, period.end_value) == ("range", "2022", "2025")
    (period_en,) = find_dates(fold("over the past two years"), THURSDAY)
    assert (period_en.value, period_en.end_value) == ("2023", "2025")


def test_anchored_to_previous_date() -> None:
    got = _dates("في عام 2015 بدأ المشروع وبعد ذلك بعامين اكتمل")
    assert got == [("عام 2015", "2015", "year"), ("بعد ذلك بعامين", "2017", "year")]
    assert _dates("It opened in 2010. Three years later it closed.")[-1][1] == "2013"


def test_unresolved_without_published() -> None:
    got = find_dates(fold("وقال أمس إن الاجتماع سيعقد الأسبوع المقبل"), None)
    assert [(d.expression, d.value, d.relative) for d in got] == [("أمس", None, True), ("الأسبوع المقبل", None, True)]


def test_a_date_counted_out_of_the_calendar_stays_unresolved() -> None:
    assert _dates("وقال الوزير أمس إن الاجتماع انتهى", dt.date(1, 1, 1)) == [("أمس", None, "day")]
    assert _dates("we meet tomorrow and next week", dt.date(9999, 12, 31)) == [
        ("tomorrow", None, "day"),
        ("next week", None, "week"),
    ]
    assert _dates("وقال الوزير أمس إن الاجتماع انتهى", dt.date(1, 1, 2)) == [("أمس", "0001-01-01", "day")]


def test_durations_and_amounts_are_not_dates() -> None:
    assert _dates("مدة البرنامج ثلاثة أشهر وقيمته 2000 مليون") == []
    assert _dates("It helped 2024 people") == []


def test_month_without_year_takes_the_publication_year() -> None:
    assert _dates("Funds arrived in January, and prices may rise.") == [("January", "2025-01", "month")]
    assert _dates("وصلت الشحنة في يناير") == [("يناير", "2025-01", "month")]
    assert [(d.expression, d.value) for d in find_dates(fold("since March"), None)] == [("March", None)]


def test_starts_lists_overlapping_opener_positions() -> None:
    assert dates._starts(re.compile("aa"), "aaa baa") == [0, 1, 5]
    assert dates._starts(re.compile("x"), "abc") == []


def test_rules_tried_at_opener_starts_match_as_a_full_scan() -> None:
    text = "in march 2023, on 5 march and sunday; يوم الخميس 15 اذار 2023 و في اذار امس. may 4, 2024 mar"
    for pattern, opener, _needed, _lead, _script, _resolver in dates._RULES:
        if opener is not None:
            tried = [m.span() for m in dates._finditer(pattern, dates._starts(opener, text), text)]
            assert tried == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expression", "value", "grain"),
    [
        ("وصلت القافلة في 15 آذار/مارس 2023 إلى المدينة.", "15 آذار/مارس 2023", "2023-03-15", "day"),
        ("وعقد الاجتماع في 3 تشرين الأول (أكتوبر) 2022.", "3 تشرين الأول (أكتوبر) 2022", "2022-10-03", "day"),
        ("وتنتهي المهلة في حزيران/يونيو 2025 وفق الخطة.", "حزيران/يونيو 2025", "2025-06", "month"),
    ],
)
def test_arabic_month_written_in_both_calendars(text: str, expression: str, value: str, grain: str) -> None:
    assert _dates(text) == [(expression, value, grain)]


PUBLISHED_IN_MAY = dt.date(2024, 5, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويعقد المؤتمر في الخامس عشر من آذار المقبل.", [("الخامس عشر من آذار المقبل", "2025-03-15", "day")]),
        ("أعلنت في الأول من أيلول/سبتمبر 2023.", [("الأول من أيلول/سبتمبر 2023", "2023-09-01", "day")]),
        ("وتعهدت في ديسمبر الماضي بتقديم الدعم.", [("ديسمبر الماضي", "2023-12", "month")]),
        ("وتعهدت في مارس الماضي بتقديم الدعم.", [("مارس الماضي", "2024-03", "month")]),
        ("وتعقد القمة في يونيو المقبل.", [("يونيو المقبل", "2024-06", "month")]),
        ("وتعقد القمة في مارس المقبل.", [("مارس المقبل", "2025-03", "month")]),
        ("وكان قد زار المدينة في 20 ديسمبر الماضي.", [("20 ديسمبر الماضي", "2023-12-20", "day")]),
        ("The pause began last September.", [("September", "2023-09", "month")]),
        ("The summit will be held next March.", [("March", "2025-03", "month")]),
        ("The fund was created in March.", [("March", "2024-03", "month")]),
        ("بدأت في نيسان/أبريل من العام الماضي.", [("نيسان/أبريل من العام الماضي", "2023-04", "month")]),
        ("وأطلق النداء في شباط/فبراير الماضي.", [("شباط/فبراير الماضي", "2024-02", "month")]),
        ("زار في العاشر من أيار من العام الجاري.", [("العاشر من أيار من العام الجاري", "2024-05-10", "day")]),
    ],
)
def test_months_named_as_the_last_or_the_next(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(text, PUBLISHED_IN_MAY) == expected


def test_time_after_time_dates_nothing() -> None:
    assert _dates("وقال إن الوضع يزداد سوءا يوما بعد يوم وعاما بعد عام.") == []
    later = _dates("وسيعود الوفد بعد يومين.", PUBLISHED_IN_MAY)
    assert later == [("بعد يومين", "2024-05-16", "day")]


def test_an_uncounted_period_is_vague() -> None:
    assert _dates("Support will continue in the coming months and the coming weeks.") == []
    assert [value for _, value, _ in _dates("Aid doubled over the past two years.")] == ["2023"]


@pytest.mark.parametrize(
    ("text", "expression", "value", "end_value"),
    [
        ("Aid fell in the first quarter of 2024.", "first quarter of 2024", "2024-01", "2024-03"),
        ("Growth slowed in Q3 2023.", "Q3 2023", "2023-07", "2023-09"),
        ("Prices rose in H2 2022.", "H2 2022", "2022-07", "2022-12"),
        ("The last quarter of 2022 was hard.", "last quarter of 2022", "2022-10", "2022-12"),
        ("وتراجعت المساعدات في الربع الأول من عام 2024.", "الربع الأول من عام 2024", "2024-01", "2024-03"),
        ("ويتوقع التعافي في النصف الثاني من 2025.", "النصف الثاني من 2025", "2025-07", "2025-12"),
    ],
)
def test_a_quarter_or_half_of_a_year_is_its_months(text: str, expression: str, value: str, end_value: str) -> None:
    (date,) = find_dates(fold(text), THURSDAY)
    assert (date.expression, date.value, date.end_value, date.grain) == (expression, value, end_value, "range")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A week is not its first day.
        ("وصلت الشاحنات خلال الأسبوع الأول من فبراير", []),
        ("وقع الاتفاق في الخامس من مارس", [("الخامس من مارس", "2025-03-05", "day")]),
        # Within a span: from the publication on.
        ("وستعقد القمة في غضون ثلاثة أشهر", [("في غضون ثلاثة أشهر", "2025-03", "range")]),
        ("The review will end within six months.", [("within six months", "2025-03", "range")]),
        ("Within two years of the war, the city was rebuilt.", []),
        # A span after an event counts from the event, which the text does not date.
        ("وبعد يومين من الهجوم أعلنت الحكومة الحداد", []),
        ("وسيكتمل المشروع بعد عامين من الآن", [("بعد عامين", "2027", "year")]),
    ],
)
def test_weeks_spans_and_events(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day or month named without a year takes the one year its sentence names ...
        ("Last year, donors met in Oslo on May 27.",
         [("Last year", "2024", "year"), ("May 27", "2024-05-27", "day")]),
        ("In 2022, the talks resumed in October.",
         [("2022", "2022", "year"), ("October", "2022-10", "month")]),
        ("وكان الاجتماع قد عقد في 14 مارس 2023، ثم استؤنف في 5 يونيو.",
         [("14 مارس 2023", "2023-03-14", "day"), ("5 يونيو", "2023-06-05", "day")]),
        # ... but not a year that only bounds a span, nor one from another sentence.
        ("The plan, which runs until 2030, was announced on March 3.",
         [("2030", "2030", "year"), ("March 3", "2025-03-03", "day")]),
        ("The war began in 2015. Talks resumed on March 3.",
         [("2015", "2015", "year"), ("March 3", "2025-03-03", "day")]),
        # Two years in one sentence settle nothing.
        ("Aid fell between 2019 and 2021, and rose on March 3.",
         [("2019", "2019", "year"), ("2021", "2021", "year"), ("March 3", "2025-03-03", "day")]),
    ],
)
def test_a_date_without_a_year_takes_its_sentences_year(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _dates(text) == expected


def test_a_year_inside_a_since_clause_bounds_a_span() -> None:
    text = "وهو الخامس منذ اندلاع الحرب في عام 2015، وكان المانحون قد اجتمعوا العام الماضي في 27 مايو."
    assert _dates(text)[-1] == ("27 مايو", "2024-05-27", "day")
