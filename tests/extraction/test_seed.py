"""The seed article, read by hand: 11 quotes by Blinken, 3 pledges, 8 dates."""
from __future__ import annotations

from app.extraction import ExtractedFacts


def test_seed_language_and_speaker(seed_facts: ExtractedFacts) -> None:
    assert seed_facts.language == "ar"
    assert [s.name for s in seed_facts.speakers] == ["أنتوني بلينكن"]
    speaker = seed_facts.speakers[0]
    assert speaker.title == "وزير الخارجية الأمريكي"
    assert "بلينكن" in speaker.aliases


def test_seed_quotes(seed_facts: ExtractedFacts) -> None:
    quotes = seed_facts.quotes
    assert len(quotes) == 11
    assert {q.speaker for q in quotes} == {"أنتوني بلينكن"}
    assert [q.kind for q in quotes] == [
        "indirect", "direct", "direct", "direct", "indirect", "indirect",
        "direct", "direct", "indirect", "direct", "direct",
    ]
    assert [q.verb for q in quotes] == [
        "أكد", "وقال", "وأضاف", "وتابع", "وأشار", "وأكد", "قال", "وتابع", "وأوضح", "وقال", "وأضاف",
    ]
    assert quotes[0].text.startswith("ضرورة تعزيز الأمن")
    assert quotes[1].text.startswith("إنه قبل 10 سنوات") and quotes[1].text.endswith("87 دولة")
    assert quotes[4].text.startswith("أن هذه إنجازات")
    assert "“" not in quotes[9].text and "”" not in quotes[9].text


def test_seed_pledges(seed_facts: ExtractedFacts) -> None:
    got = [(p.amount, p.currency, p.status) for p in seed_facts.pledges]
    assert got == [
        (148_000_000, "USD", "new"),
        (168_000_000, "USD", "new"),
        (535_000_000, "USD", "previously_announced"),
    ]
    assert seed_facts.pledges[0].speaker == "أنتوني بلينكن"
    assert seed_facts.pledges[2].donor == "United States"


def test_seed_vague_billions_are_not_a_pledge(seed_facts: ExtractedFacts, seed_text: str) -> None:
    vague = seed_text.index("مليارات الدولارات")
    assert all(not (p.start <= vague < p.end) for p in seed_facts.pledges)


def test_seed_dates(seed_facts: ExtractedFacts) -> None:
    got = {(d.expression, d.value, d.end_value) for d in seed_facts.dates}
    assert got == {
        ("اليوم الاثنين", "2024-09-30", None),
        ("قبل 10 سنوات", "2014", None),
        ("عام 2017", "2017", None),
        ("عقب عامين", "2019", None),
        ("السنوات الخمس الماضية", "2019", "2024"),
        ("الأسبوع الماضي", "2024-09-23", "2024-09-29"),
        ("2014", "2014", None),
        ("سبتمبر 2025", "2025-09", None),
    }


def test_seed_entities(seed_facts: ExtractedFacts) -> None:
    places = {p.name for p in seed_facts.places}
    organizations = {o.name for o in seed_facts.organizations}
    assert {"Iraq", "Syria", "United States", "Washington", "Baghdad", "Middle East"} <= places
    assert {"ISIS", "Operation Inherent Resolve"} <= organizations
