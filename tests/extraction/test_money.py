"""Amounts, currencies and which amounts are commitments."""
from __future__ import annotations

import pytest

from app.extraction import extract, money
from app.extraction.money import find_money
from app.extraction.normalize import fold


def _amounts(text: str) -> list[tuple[int | None, str | None]]:
    return [(m.amount, m.currency) for m in find_money(fold(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خصصت الحكومة ١٢٫٥ مليون يورو", [(12_500_000, "EUR")]),
        ("تبرع المجلس بمبلغ ۳۰۰ ألف ريال سعودي", [(300_000, "SAR")]),
        ("منحة قدرها مئة وثمانية وستين مليون دولار", [(168_000_000, "USD")]),
        ("تعهد الصندوق بتقديم ملياري درهم", [(2_000_000_000, "AED")]),
        ("قدمت الوكالة 3.2 بليون جنيه إسترليني", [(3_200_000_000, "GBP")]),
        ("دعم بقيمة 40 مليون دينار كويتي", [(40_000_000, "KWD")]),
        ("The fund pledged two million dollars", [(2_000_000, "USD")]),
        ("Officials allocated $1,250,000 and US$3m", [(1_250_000, "USD"), (3_000_000, "USD")]),
        ("a grant of €75 million and £4.5bn", [(75_000_000, "EUR"), (4_500_000_000, "GBP")]),
        ("loans worth USD 90 million", [(90_000_000, "USD")]),
        ("twenty-five thousand euros", [(25_000, "EUR")]),
    ],
)
def test_amounts_and_currencies(text: str, expected: list[tuple[int, str]]) -> None:
    assert _amounts(text) == expected


def test_vague_amounts_have_no_number() -> None:
    assert _amounts("أنفقت الدول مليارات الدولارات") == [(None, "USD")]
    facts = extract("The allies have invested billions of dollars in reconstruction aid over many years.", language="en")
    assert facts.pledges == []


def test_counts_of_people_are_not_money() -> None:
    assert extract("وقدمت الوكالة مساعدات إلى 339 مليون شخص حول العالم.", language="ar").pledges == []


@pytest.mark.parametrize(
    "text",
    [
        "The appeal seeks $4 billion to cover needs in the region, officials said.",
        "تهدف الخطة إلى جمع 900 مليون دولار لدعم المتضررين.",
        "The agency faces a shortfall of $600 million in funding this year.",
        "بلغت ميزانية الوزارة 80 مليون دينار لتمويل المدارس.",
    ],
)
def test_targets_appeals_shortfalls_budgets_are_not_pledges(text: str) -> None:
    assert extract(text).pledges == []


def test_pledge_with_donor_recipient_and_status() -> None:
    facts = extract("Japan pledged $12 million in humanitarian assistance for Yemen.", language="en")
    (pledge,) = facts.pledges
    assert (pledge.amount, pledge.currency, pledge.status) == (12_000_000, "USD", "new")
    assert pledge.donor == "Japan"
    assert pledge.recipient == "Yemen"


def test_previously_announced() -> None:
    facts = extract("The package adds to $30 million in aid that Canada previously pledged to Haiti.", language="en")
    assert [(p.amount, p.status) for p in facts.pledges] == [(30_000_000, "previously_announced")]
    facts = extract("وكانت ألمانيا قد أعلنت الشهر الماضي عن تقديم 70 مليون يورو للسودان.", language="ar")
    assert [(p.amount, p.status) for p in facts.pledges] == [(70_000_000, "previously_announced")]


def test_currency_conversion_is_one_pledge() -> None:
    facts = extract("تعهد المانحون بتقديم 500 مليون يورو (540 مليون دولار) لدعم اللاجئين.", language="ar")
    assert [(p.amount, p.currency) for p in facts.pledges] == [(500_000_000, "EUR")]


def test_amount_without_currency_in_a_donation_list() -> None:
    facts = extract("وتبرعت هولندا بمبلغ 15 مليون يورو، والنمسا بـ9 ملايين، لإغاثة المتضررين.", language="ar")
    assert [(p.amount, p.currency) for p in facts.pledges] == [(15_000_000, "EUR"), (9_000_000, None)]


def test_donor_is_read_from_the_amount_clause() -> None:
    facts = extract("Kenya gave $3 million to the fund, while Uganda pledged $2 million for schools.", language="en")
    assert [(p.donor, p.amount) for p in facts.pledges] == [("Kenya", 3_000_000), ("Uganda", 2_000_000)]


def test_amount_sought_is_not_a_pledge() -> None:
    facts = extract("Donors pledged $1.1 billion, short of the $2 billion the agencies had sought.", language="en")
    assert [p.amount for p in facts.pledges] == [1_100_000_000]


def test_non_pledge_cue_stays_in_its_clause() -> None:
    facts = extract("The appeal seeks $4 billion, but donors gave $1 billion in aid.", language="en")
    assert [p.amount for p in facts.pledges] == [1_000_000_000]


def test_money_received_names_its_source_as_donor() -> None:
    facts = extract("The agency has received $12 million from Germany for Somalia.", language="en")
    ((donor, recipient, amount),) = [(p.donor, p.recipient, p.amount) for p in facts.pledges]
    assert (donor, recipient, amount) == ("Germany", "Somalia", 12_000_000)


def test_number_word_before_is_what_the_left_search_needs() -> None:
    for text in ("pledged two hundred million", "twenty-five - billion", "قدمت ثلاثة مليارات", "وخمسين مليون",
                 "the tree million", "a 5 million", "million", "نحو مليون", "(ثلاثة مليون"):
        a = list(money._ANCHOR_RE.finditer(text))[-1].start()
        found = money._LEFT_WORDS_RE.search(text, max(0, a - money._LEFT_REACH), a) is not None
        assert money._number_word_before(text, a) or not found
    assert money._number_word_before("two hundred million", 12)
    assert not money._number_word_before("the tree million", 9)
    assert not money._number_word_before("twomillion", 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A scale word alone is one of it when a currency follows; not when people are counted.
        ("تبرعت الشركة بمليار دولار للمنظمة", [(1_000_000_000, "USD")]),
        ("خصص الصندوق مليون يورو للمدارس", [(1_000_000, "EUR")]),
        ("يعيش في المخيمات مليون شخص", []),
        # ... and a half, with or without the scale repeated.
        ("تعهدت الحكومة بتقديم مليار ونصف المليار دولار", [(1_500_000_000, "USD")]),
        ("تعهدت الحكومة بتقديم 3 مليارات ونصف المليار دولار", [(3_500_000_000, "USD")]),
        ("تعهدت الحكومة بتقديم خمسة ملايين ونصف المليون يورو", [(5_500_000, "EUR")]),
        ("تعهدت الحكومة بتقديم 5 ونصف مليون دولار", [(5_500_000, "USD")]),
    ],
)
def test_arabic_one_scale_and_a_half(text: str, expected: list[tuple[int | None, str | None]]) -> None:
    assert _amounts(text) == expected
