"""Pledge donors are named by the gazetteer, whichever language the article is in."""

from app.extraction import extract


def test_donor_is_the_same_name_in_both_languages() -> None:
    arabic = extract(
        "قال وزير الخارجية الإيطالي ماركو روسي إن \"بلادنا ستقدم 15 مليون يورو للاجئين\".", language="ar"
    )
    english = extract("Italy will provide 15 million euros to refugees, the minister said.", language="en")
    assert [p.donor for p in arabic.pledges] == [p.donor for p in english.pledges] == ["Italy"]
