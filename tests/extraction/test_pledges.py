"""Pledge donors are named by the gazetteer, whichever language the article is in."""

from datetime import date

import pytest

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


def test_money_given_to_an_appeal_is_pledged_but_an_appeal_is_not() -> None:
    given = extract("Britain has committed £25 million to the appeal for the flooded areas.", language="en")
    assert [(p.amount, p.currency) for p in given.pledges] == [(25_000_000, "GBP")]
    sought = extract("The agencies launched a $900 million appeal for the flooded provinces.", language="en")
    assert sought.pledges == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Sweden pledged SEK 200 million for the programme, the minister said.", 200_000_000, "SEK"),
        ("Canada will give 30 million Canadian dollars to the programme.", 30_000_000, "CAD"),
        ("Denmark will give 40 million Danish kroner to the programme this year.", 40_000_000, "DKK"),
        ("Sweden will contribute 300 million Swedish crowns to the fund.", 300_000_000, "SEK"),
        ("The donors will contribute 150 million crowns to the fund.", 150_000_000, None),
        ("Israel pledged 200 million shekels to the authority.", 200_000_000, "ILS"),
        # Kroner alone is Norway's or Denmark's: money, in a currency the text does not settle.
        ("The ministry said it would give 50 million kroner to the programme this year.", 50_000_000, None),
        ("وتعهدت الحكومة بتقديم 60 مليون كرونة نرويجية للبرنامج خلال ثلاث سنوات.", 60_000_000, "NOK"),
        ("The fund will finance the road with a loan of 70 million Kuwaiti dinars.", 70_000_000, "KWD"),
        ("The ministry released 80 million Egyptian pounds for the clinics.", 80_000_000, "EGP"),
    ],
)
def test_pledges_in_more_currencies(text: str, amount: int, currency: str | None) -> None:
    assert [(p.amount, p.currency) for p in extract(text).pledges] == [(amount, currency)]


def test_mobilised_and_released_money_is_committed() -> None:
    for verb in ("mobilised", "mobilized", "released"):
        facts = extract(f"The regional bank has {verb} €12 million for the clinics.", language="en")
        assert [(p.amount, p.currency) for p in facts.pledges] == [(12_000_000, "EUR")], verb


def test_a_possessive_names_its_country_as_donor_but_not_as_recipient() -> None:
    facts = extract("Germany's development ministry will provide 120 million euros to Jordan.", language="en")
    assert [(p.donor, p.recipient) for p in facts.pledges] == [("Germany", "Jordan")]
    facts = extract("Canada will provide $40 million to Ukraine to counter Russia's attacks.", language="en")
    assert [(p.donor, p.recipient) for p in facts.pledges] == [("Canada", "Ukraine")]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        # A capital that gives stands for its country ...
        ("Tokyo will contribute $50 million to the fund.", "Japan"),
        ("وأعلنت طوكيو تقديم 50 مليون دولار لدعم اللاجئين.", "Japan"),
        # ... but not where it is only the place ...
        ("At talks in Paris, donors pledged $2 billion for reconstruction.", None),
        ("وفي باريس، تعهد المانحون بتقديم ملياري دولار لإعادة الإعمار.", None),
        # ... or a dateline, or beside a country that is named.
        ("TOKYO (Reuters) - The fund will give $30 million for schools.", None),
        ("Tokyo hosted the meeting, where Germany pledged $10 million.", "Germany"),
    ],
)
def test_a_capital_gives_for_its_country(text: str, donor: str | None) -> None:
    (pledge,) = extract(text).pledges
    assert pledge.donor == donor


def test_arabic_money_given_to_the_appeal_is_a_pledge() -> None:
    (pledge,) = extract("وقدمت الحكومة 40 مليون جنيه إسترليني للنداء.").pledges
    assert (pledge.amount, pledge.currency) == (40_000_000, "GBP")


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        # A government or an official named by nationality gives for the country ...
        ("The German government will provide an additional 30 million euros.", "Germany"),
        ("وأعلنت الحكومة الألمانية تقديم 30 مليون يورو إضافية.", "Germany"),
        ("وتعهد وزير الخارجية البريطاني سامي الناصر بتقديم 20 مليون جنيه إسترليني.", "United Kingdom"),
        # ... but people are not a government, and an official who only reports gives nothing.
        ("Syrian refugees received $10 million in aid.", None),
        ("A French official said donors had pledged $40 million for the camps.", None),
        # Donors named together are no one speaker's country.
        ("وقال مسؤول فرنسي إن المانحين تعهدوا بتقديم 50 مليون دولار.", None),
    ],
)
def test_a_donor_named_by_nationality(text: str, donor: str | None) -> None:
    (pledge,) = extract(text).pledges
    assert pledge.donor == donor


def test_what_the_amount_goes_to_ends_with_its_clause() -> None:
    text = ("Foreign Minister Jane Okoro, who visited the camps last week, pledged £20 million, "
            "adding that Britain would double its support.")
    (pledge,) = extract(text).pledges
    # Britain is named in the next clause, and "last week" dates the visit, not the pledge.
    assert (pledge.recipient, pledge.status) == (None, "new")
    first = extract("Norway pledged $5 million to Chad, bringing its total to Sudan to $9 million.").pledges[0]
    assert (first.recipient, first.purpose) == ("Chad", "to Chad")


def test_a_source_after_the_amount_is_no_recipient() -> None:
    text = "أعلنت السعودية تقديم 100 مليون دولار لقطاع غزة، وفق ما أفادت وكالة الأنباء السعودية."
    (pledge,) = extract(text).pledges
    assert pledge.recipient == "Gaza Strip"


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        # The source named right after an amount gives it, whoever is named before.
        ("The assistance includes $190 million from USAID and $146 million from the State Department.",
         ["USAID", "U.S. Department of State"]),
        ("Germany received $12 million from the United Nations for flood relief.", ["United Nations"]),
        # What the money is for gives nothing: "for the Yemen response".
        ("This brings U.S. assistance for the Yemen response to more than $5.4 billion.", ["United States"]),
        # Donors with a verb left out: each gives the amount right after it.
        ("Qatar pledged $50 million and the United Arab Emirates $30 million.",
         ["Qatar", "United Arab Emirates"]),
        ("تعهدت الكويت بتقديم 40 مليون دولار، والسعودية 60 مليون دولار.", ["Kuwait", "Saudi Arabia"]),
        ("Norway has pledged 200 million kroner and Ireland has committed 10 million euros to the agency.",
         ["Norway", "Ireland"]),
        # The money's own noun names whose it is: "$8 million in new U.S. funding".
        ("She announced $8 million in new U.S. funding for the clinics.", ["United States"]),
        # An official's nationality names the country of "her country" (an official who only reports
        # gives nothing: test_a_donor_named_by_nationality).
        ("Danish Development Minister Karen Holm said her country would give $12 million to the agency.",
         ["Denmark"]),
    ],
)
def test_the_donor_of_each_amount(text: str, donors: list[str]) -> None:
    assert [p.donor for p in extract(text).pledges] == donors


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        # The partner of an agreement does not give.
        ("وقعت الهيئة اتفاقية مع برنامج الأغذية العالمي بقيمة 10 ملايين دولار لدعم الأسر.", None),
        # Money given لليمن is received by Yemen.
        ("وقدمت المملكة لليمن منذ عام 2015 أكثر من 21 مليار دولار.", None),
        # Donors named together give as no one else named in the sentence.
        ("وقال رئيس الوزراء البريطاني إن الدول المانحة تعهدت بتقديم ستة مليارات دولار وخمسة مليارات يورو.", None),
    ],
)
def test_who_does_not_give(text: str, donor: str | None) -> None:
    assert {p.donor for p in extract(text).pledges} == {donor}


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        # Another donor's name ends what the amount before it goes to ...
        ("Qatar pledged $50 million and the United Arab Emirates $30 million to Sudan.", [None, "Sudan"]),
        # ... and so does a place between two amounts, which each have their own.
        ("Norway pledged $5 million to Chad and $4 million to Niger.", ["Chad", "Niger"]),
        # With nothing between them, the place after both is shared.
        ("Donors pledged $6 billion this year and $5 billion by 2027 to help Syria.", ["Syria", "Syria"]),
        # A donor with its own verb ends the sum before it too.
        ("Norway pledged 200 million kroner and Ireland committed 10 million euros to Sudan.",
         [None, "Sudan"]),
        # So does the attribution after a report.
        ("Britain will give £50 million to Sudan, the minister announced during a visit to Chad.", ["Sudan"]),
        # Where the money was pledged is not where it goes.
        ("Last year donors pledged $1.1 billion at a conference held in Brussels.", [None]),
        ("وكان المانحون قد تعهدوا بتقديم 800 مليون دولار في مؤتمر عقد في بروكسل.", [None]),
        ("وتعهد المانحون بتقديم 800 مليون دولار في المؤتمر الذي انعقد في العاصمة البلجيكية بروكسل.", [None]),
        ("Donors pledged $800 million at a conference held in the Belgian capital, Brussels.", [None]),
        ("أعلنت الكويت تقديم 50 مليون دولار للسودان، وذلك خلال مؤتمر دولي في بروكسل.", ["Sudan"]),
        # A component named after "including" is not the whole's recipient.
        ("He announced $30 million, including $10 million for Somalia.", [None, "Somalia"]),
        # Nor is the country whose money it is.
        ("She announced $8 million in new U.S. funding for Kenya.", ["Kenya"]),
    ],
)
def test_what_each_amount_goes_to(text: str, recipients: list[str | None]) -> None:
    assert [p.recipient for p in extract(text).pledges] == recipients


@pytest.mark.parametrize(
    ("text", "pledges"),
    [
        # A funding agreement commits its sum; a trade deal does not.
        ("وأوضح أن الاتفاقية الأولى مع منظمة اليونيسف بقيمة 20 مليون دولار.", [(20_000_000, "new")]),
        ("ووقع البلدان اتفاقية للتبادل التجاري بقيمة 3 مليارات دولار.", []),
        # Told in the past perfect, a pledge was made before.
        ("وكانت الكويت قد قدمت لليمن مساعدات تجاوزت قيمتها 3 مليارات دولار.",
         [(3_000_000_000, "previously_announced")]),
        ("Japan had pledged $40 million to the fund.", [(40_000_000, "previously_announced")]),
        # What an organization says it needs is not given.
        ("وتعهد المانحون بتقديم مليار دولار، وهو أقل من 4 مليارات دولار تقول المنظمة إنها تحتاجها.",
         [(1_000_000_000, "aggregate")]),
    ],
)
def test_commitments_and_when_they_were_made(text: str, pledges: list[tuple[int, str]]) -> None:
    assert [(p.amount, p.status) for p in extract(text).pledges] == pledges


def test_a_clause_after_fi_hin_has_its_own_donor_and_recipient() -> None:
    text = "وأعلنت ألمانيا تقديم 120 مليون يورو، في حين قالت بريطانيا إنها ستقدم 88 مليون جنيه إسترليني."
    assert [(p.donor, p.recipient) for p in extract(text).pledges] == [
        ("Germany", None), ("United Kingdom", None)
    ]


def test_no_purpose_or_recipient_from_the_attribution_after_the_amount() -> None:
    text = ("The bloc pledged 68 million euros since the war began, the commissioner told reporters in "
            "Brussels.")
    (pledge,) = extract(text, language="en").pledges
    assert (pledge.purpose, pledge.recipient) == (None, None)


@pytest.mark.parametrize(
    ("text", "donor", "status"),
    [
        # A place where something happens gives nothing (the conference's pledges are several donors') ...
        ("وشهد مؤتمر الاستجابة الإنسانية في غزة تعهدات بقيمة مليار دولار.", None, "aggregate"),
        # ... and a past perfect reaches past a relative clause to its قد ...
        ("وكان المؤتمر الدولي، الذي عقد في الثاني من ديسمبر/كانون الأول، قد شهد تعهدات بقيمة مليار دولار.",
         None, "previously_announced"),
        # ... but قد before an imperfect is "may": the conference's pledges, not made before.
        ("وكان الوزير يتوقع أن يشهد المؤتمر تعهدات قد تبلغ مليار دولار.", None, "aggregate"),
    ],
)
def test_arabic_places_and_past_perfects(text: str, donor: str | None, status: str) -> None:
    (pledge,) = extract(text, language="ar").pledges
    assert (pledge.donor, pledge.status) == (donor, status)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # A currency word several countries share means the donor country's own ...
        ("Norway will contribute 150 million kroner to the fund this year.", "NOK"),
        ("تعهدت بريطانيا بتقديم 50 مليون جنيه للمتضررين من الفيضانات.", "GBP"),
        ("وتبرعت الكويت بمبلغ مليون دينار لصالح اللاجئين.", "KWD"),
        # ... and one that names a single currency keeps it ("pounds" in English copy is sterling).
        ("Egypt will give 50 million pounds to the relief effort.", "GBP"),
        ("Qatar will give 160 million Saudi riyals to the relief effort.", "SAR"),
        ("وتبرعت الكويت بمبلغ مليون دولار لصالح اللاجئين.", "USD"),
    ],
)
def test_a_shared_currency_word_is_the_donors_currency(text: str, currency: str) -> None:
    (pledge,) = extract(text).pledges
    assert pledge.currency == currency


@pytest.mark.parametrize(
    ("language", "text", "statuses"),
    [
        ("en", "Norway pledged 200 million kroner on Monday, bringing its total contribution this year to "
               "900 million kroner, the foreign ministry said.", ["new", "cumulative"]),
        ("en", "Canada has provided more than $85 million in humanitarian assistance to Sudan "
               "since April 2023, the minister told reporters.", ["cumulative"]),
        ("en", "So far, Denmark has given 300 million crowns to the fund, the ministry said on Monday.",
         ["cumulative"]),
        ("ar", "أعلنت الكويت تقديم 50 مليون دولار، ليصل إجمالي ما قدمته للشعب السوداني منذ بداية الأزمة إلى "
               "200 مليون دولار.", ["new", "cumulative"]),
        ("ar", "وقال الوزير إن بلاده قدمت منذ عام 2011 أكثر من 3 مليارات دولار من المساعدات للشعب السوري.",
         ["cumulative"]),
        ("ar", "وأكد أن مجموع ما قدمته الإمارات حتى الآن بلغ 600 مليون دولار لدعم اليمن.", ["cumulative"]),
        # A total brought to a sum.
        ("en", "The money brings Britain's aid to the region to 226 million pounds this financial year.",
         ["cumulative"]),
        ("en", "Norway gave 10 million crowns, taking its support for the agency to 400 million crowns.",
         ["new", "cumulative"]),
        ("ar", "وأعلنت الكويت تقديم 20 مليون دولار، ليرتفع حجم دعمها للسودان إلى 150 مليون دولار.",
         ["new", "cumulative"]),
        # A total that is one new package, and a "since" that tells of something else.
        ("en", "Japan pledged a total of $40 million for food and shelter, the embassy said on Tuesday.",
         ["new"]),
        ("en", "Britain pledged £20 million on Monday, its largest single donation since the war "
               "began in 2023, the minister said.", ["new"]),
        # منذ قليل is "a while ago", not "since".
        ("ar", "وأعلنت قطر منذ قليل عن تقديم 25 مليون دولار لدعم جهود الإغاثة في غزة.", ["new"]),
    ],
)
def test_a_donors_running_total_is_cumulative(language: str, text: str, statuses: list[str]) -> None:
    facts = extract(text, language=language, published=date(2025, 3, 10))
    assert [p.status for p in facts.pledges] == statuses


@pytest.mark.parametrize(
    ("language", "text", "donors"),
    [
        ("en", "Donors at the meeting in Geneva pledged $1.5 billion for the region, the U.N. said.",
         [None]),
        ("en", "Participating countries collectively pledged more than $900 million, organisers said.",
         [None]),
        ("ar", "وتعهد المانحون خلال المؤتمر بتقديم 4 مليارات دولار لدعم الشعب اليمني.", [None]),
        # The conference raised the money; the commissioner only told of it.
        ("ar", "وقال المفوض الأوروبي إن المؤتمر جمع أكثر من 3 مليارات يورو لصالح اللاجئين.", [None]),
        ("ar", "وأعلنت خمس دول مانحة عن تقديم دعم بقيمة 800 مليون دولار للشعب السوداني.", [None]),
    ],
)
def test_several_donors_sums_together_are_an_aggregate(
    language: str, text: str, donors: list[str | None]
) -> None:
    facts = extract(text, language=language, published=date(2025, 3, 10))
    assert [(p.status, p.donor) for p in facts.pledges] == [("aggregate", donor) for donor in donors]


def test_one_donor_at_a_conference_gives_a_new_pledge() -> None:
    english = extract(
        "At the conference, Germany pledged 100 million euros for refugees, the minister said.", language="en"
    )
    # The country that hosts the conference does not give what another announces there.
    arabic = extract(
        "وأعلنت ألمانيا خلال المؤتمر الذي استضافته الكويت تقديم 100 مليون يورو للاجئين السوريين.",
        language="ar",
    )
    # Nor is a donor's pledge "together with" another a sum of both.
    alongside = extract("Together with the EU, Germany pledged 100 million euros.", language="en")
    assert [(p.status, p.donor) for p in english.pledges] == [("new", "Germany")]
    assert [(p.status, p.donor) for p in arabic.pledges] == [("new", "Germany")]
    assert [(p.status, p.donor) for p in alongside.pledges] == [("new", "Germany")]


def test_the_speakers_own_country_gives_before_a_country_named_earlier() -> None:
    facts = extract(
        "وقال الرئيس الفرنسي إن مؤتمرا عن السودان بدأ أعماله، وأعلن عن تبرع بلاده بمبلغ 110 ملايين يورو.",
        language="ar",
    )
    assert [(p.amount, p.donor) for p in facts.pledges] == [(110_000_000, "France")]


@pytest.mark.parametrize(
    ("text", "language", "donors"),
    [
        # The kingdom named before, or whose capital opens the dateline, is "the Kingdom" alone.
        ("أعلنت المملكة العربية السعودية دعمها للاجئين. وقال الوزير إن المملكة قدمت 50 مليون دولار لليمن.",
         "ar", ["Saudi Arabia"]),
        ("الرياض - قدمت المملكة 50 مليون دولار لدعم اليمن.", "ar", ["Saudi Arabia"]),
        ("AMMAN - The Kingdom will provide $5 million to the agency, the minister said on Sunday.", "en",
         ["Jordan"]),
        # With no kingdom named, it names none; and a kingdom named in full is itself.
        ("وقال الوزير إن المملكة قدمت 50 مليون دولار لليمن.", "ar", [None]),
        ("أعلنت السعودية دعمها. وقالت المملكة المغربية إنها ستقدم 20 مليون دولار.", "ar", ["Morocco"]),
    ],
)
def test_the_kingdom_alone_names_the_kingdom_named_before(
    text: str, language: str, donors: list[str | None]
) -> None:
    assert [p.donor for p in extract(text, language=language).pledges] == donors


def test_when_a_pledge_was_made_may_be_told_after_what_it_goes_to() -> None:
    facts = extract("The cuts come despite a $30 million contribution from the United States to the "
                    "agency last month, officials said.", language="en", published=date(2025, 6, 2))
    assert [(p.amount, p.status) for p in facts.pledges] == [(30_000_000, "previously_announced")]


def test_a_sum_allocated_before_and_what_it_goes_to_up_to_the_next_verb() -> None:
    facts = extract("A spokesperson said the bloc had allocated 50 million euros to Chad in 2024 and would "
                    "announce more at a meeting in London next month.",
                    language="en", published=date(2024, 6, 11))
    assert [(p.status, p.purpose, p.recipient) for p in facts.pledges] == [
        ("previously_announced", "to Chad in 2024", "Chad")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وأضافت الوزيرة أن إجمالي المنح اليابانية للأردن منذ عام 2012 تجاوز مليار دولار.", "ar"),
        ("Total Japanese aid to the country since 2012 has exceeded $1 billion, the minister said.", "en"),
    ],
)
def test_aid_named_by_its_nationality_is_that_countrys(text: str, language: str) -> None:
    facts = extract(text, language=language)
    assert [(p.donor, p.status) for p in facts.pledges] == [("Japan", "cumulative")]


@pytest.mark.parametrize(
    ("text", "language", "statuses"),
    [
        ("He announced $30 million, including $10 million for the hospitals in the north.", "en",
         ["new", "component"]),
        ("وقال الوزير إن الحزمة الجديدة تشمل 20 مليون دولار من الوزارة، وأخرى بقيمة 15 مليون دولار "
         "من الوكالة.", "ar", ["component", "component"]),
        ("The new package includes $12 million for food and $8 million for shelter, the ministry said.", "en",
         ["component", "component"]),
        # A word of including with no commitment it belongs to, and a second pledge of its own.
        ("Japan pledged $40 million, including food and shelter, and Norway gave $5 million.", "en",
         ["new", "new"]),
    ],
)
def test_a_part_of_a_commitment_told_in_parts_is_a_component(
    text: str, language: str, statuses: list[str]
) -> None:
    assert [p.status for p in extract(text, language=language).pledges] == statuses


def test_an_organization_named_by_its_kind_and_name_speaks_and_gives() -> None:
    facts = extract("أعلنت مؤسسة سلام الخير العالمية تخصيص 100 مليون درهم لدعم مشاريع التعليم.", language="ar")
    name = "مؤسسة سلام الخير العالمية"
    assert [(s.name, s.kind) for s in facts.speakers] == [(name, "organization")]
    assert [(p.amount, p.donor) for p in facts.pledges] == [(100_000_000, name)]


def test_pledges_a_conference_drew_are_an_aggregate_whoever_is_named_around_it() -> None:
    facts = extract("وكان مؤتمر باريس الذي عقد في أبريل الماضي قد أسفر عن تعهدات بأكثر من ملياري يورو.",
                    language="ar", published=date(2024, 6, 11))
    assert [(p.donor, p.status) for p in facts.pledges] == [(None, "aggregate")]
