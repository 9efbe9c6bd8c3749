"""Pledge donors are named by the gazetteer, whichever language the article is in."""

from datetime import date

from app.extraction import extract


def test_donor_is_the_same_name_in_both_languages() -> None:
    arabic = extract(
        "قال وزير الخارجية الإيطالي ماركو روسي إن \"بلادنا ستقدم 15 مليون يورو للاجئين\".", language="ar"
    )
    english = extract("Italy will provide 15 million euros to refugees, the minister said.", language="en")
    assert [p.donor for p in arabic.pledges] == [p.donor for p in english.pledges] == ["Italy"]


def test_a_pledge_dated_in_the_past_was_announced_before() -> None:
    facts = extract(
        "وكانت اليابان قد تعهدت في مايو الماضي بتقديم 12 مليون دولار للمنظمة.",
        language="ar",
        published=date(2024, 9, 30),
    )
    assert [(p.amount, p.status) for p in facts.pledges] == [(12_000_000, "previously_announced")]
