"""Direct and reported quotes and who said them."""
from __future__ import annotations

import pytest

from app.extraction import extract
from app.extraction.entities import load_gazetteer


def test_arabic_direct_and_carried_over_speaker() -> None:
    text = ("قال وزير الصحة الأردني خالد منصور إن المستشفيات تعمل بكامل طاقتها.\n"
            "وأضاف “لن نترك أي مريض دون علاج في هذه الظروف”.\n"
            "وأشار منصور إلى أن الوزارة تحتاج إلى مزيد من الأطباء.")
    facts = extract(text)
    assert [(q.kind, q.verb, q.speaker) for q in facts.quotes] == [
        ("indirect", "قال", "خالد منصور"),
        ("direct", "وأضاف", "خالد منصور"),
        ("indirect", "وأشار", "خالد منصور"),
    ]
    assert facts.quotes[0].text == "إن المستشفيات تعمل بكامل طاقتها"
    assert facts.quotes[1].text == "لن نترك أي مريض دون علاج في هذه الظروف"
    assert facts.quotes[2].text.startswith("أن الوزارة")
    (speaker,) = facts.speakers
    assert speaker.title == "وزير الصحة الأردني" and speaker.organization == "الأردن"
    assert speaker.aliases == ["منصور"]


def test_arabic_participle_ends_the_first_clause() -> None:
    text = "وأكدت المتحدثة باسم المنظمة ليلى سعيد أن الوضع صعب للغاية، مضيفة أن الفرق تعمل ليلا ونهارا."
    facts = extract(text)
    assert [(q.verb, q.text) for q in facts.quotes] == [
        ("وأكدت", "أن الوضع صعب للغاية"),
        ("مضيفة", "أن الفرق تعمل ليلا ونهارا"),
    ]
    assert {q.speaker for q in facts.quotes} == {"ليلى سعيد"}


def test_english_split_quote_gives_two_quotes() -> None:
    text = ('"We are ready to help the families who lost everything," Mayor Tom Baker said on Friday. '
            '"Nobody will be left behind in this city."')
    facts = extract(text)
    assert [(q.kind, q.speaker) for q in facts.quotes] == [("direct", "Tom Baker"), ("direct", "Tom Baker")]
    assert facts.quotes[0].text == "We are ready to help the families who lost everything"
    assert facts.quotes[1].text == "Nobody will be left behind in this city"
    assert facts.speakers[0].title == "Mayor"


def test_english_reported_speech_and_pronoun() -> None:
    text = ("Health Minister Ana Costa said that clinics will reopen next week. "
            "She added that vaccines had arrived from Brazil.")
    facts = extract(text)
    assert [(q.kind, q.verb, q.speaker) for q in facts.quotes] == [
        ("indirect", "said", "Ana Costa"),
        ("indirect", "added", "Ana Costa"),
    ]
    assert facts.quotes[0].text == "that clinics will reopen next week"


def test_country_subject_is_not_a_speaker() -> None:
    facts = extract("Canada announced that it will send medical teams to the region next month.", language="en")
    assert facts.quotes == []


def test_short_quoted_names_are_not_quotes() -> None:
    facts = extract("وانطلقت أعمال مؤتمر “الأمل” في العاصمة بمشاركة واسعة من المنظمات الإنسانية.", language="ar")
    assert facts.quotes == []


def test_arabic_fronted_subject_with_kana() -> None:
    text = ("وقال المدير التنفيذي للصندوق فارس نجيب إن العمل مستمر.\n"
            "وكان وزير الزراعة السوداني عمر بابكر قد أكد أن الموسم سيكون صعبا.")
    facts = extract(text)
    assert [q.speaker for q in facts.quotes] == ["فارس نجيب", "عمر بابكر"]


def test_arabic_three_word_name_before_a_preposition() -> None:
    facts = extract("وقال المنسق الإقليمي ماريو دي لوكا في بيان إن القوافل وصلت إلى المدينة.")
    assert [q.speaker for q in facts.quotes] == ["ماريو دي لوكا"]
    facts = extract("وأكد الوزير سامي خليل ضرورة فتح المعابر أمام الشاحنات.")
    assert [(q.speaker, q.text) for q in facts.quotes] == [("سامي خليل", "ضرورة فتح المعابر أمام الشاحنات")]


def test_english_told_reporters_and_appositive_name() -> None:
    text = "The agency's regional director, Maria Lopez, told reporters the convoys would arrive by Friday."
    facts = extract(text, language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Maria Lopez", "the convoys would arrive by Friday")]


def test_arabic_reported_through_qawluh() -> None:
    facts = extract("ونقلت الصحيفة عن رئيس البلدية كمال ناصر قوله إن المياه عادت إلى الأحياء الشرقية.")
    assert [(q.speaker, q.verb, q.text) for q in facts.quotes] == [
        ("كمال ناصر", "قوله", "إن المياه عادت إلى الأحياء الشرقية")
    ]


def test_arabic_clause_ends_before_a_second_speaker() -> None:
    text = "وأعلنت الوكالة الأمريكية للتنمية الدولية تخصيص 8 ملايين دولار للمدارس، فيما قالت اليونيسف إنها تحتاج إلى المزيد."
    facts = extract(text)
    assert [q.text for q in facts.quotes] == ["تخصيص 8 ملايين دولار للمدارس", "إنها تحتاج إلى المزيد"]
    assert [q.speaker for q in facts.quotes] == ["الوكالة الأمريكية للتنمية الدولية", "اليونيسف"]


def test_english_report_before_its_attribution_and_according_to() -> None:
    text = ("BEIRUT — Schools will reopen in two weeks, Education Minister Rana Aziz said Monday. "
            "According to the World Bank, repairs will cost more than expected. "
            "Rana Aziz later welcomed the plan, saying it was overdue.")
    facts = extract(text, language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Rana Aziz", "Schools will reopen in two weeks"),
        ("World Bank", "repairs will cost more than expected"),
        ("Rana Aziz", "it was overdue"),
    ]


def test_embedded_post_is_a_direct_quote_by_its_signer() -> None:
    text = ("وكتب الوزير على حسابه الرسمي:\n"
            "Our teams are working around the clock to restore power in every district.\n"
            "— Minister Sam Carter (@SamCarterGov) May 2, 2024")
    facts = extract(text, language="ar")
    assert [(q.kind, q.speaker, q.text) for q in facts.quotes] == [
        ("direct", "Sam Carter", "Our teams are working around the clock to restore power in every district.")
    ]


def test_english_lead_in_adverbials_and_addressee() -> None:
    text = ("The Red Cross said Wednesday it will send 40 trucks to the north. "
            "Its spokeswoman, Nora Field, told The Daily Herald that the roads were open.")
    facts = extract(text, language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Red Cross", "it will send 40 trucks to the north"),
        ("Nora Field", "that the roads were open"),
    ]
    assert facts.speakers[0].kind == "organization"


def test_english_organization_subject_by_head_noun() -> None:
    facts = extract("The Health Ministry said 12 clinics had reopened.", language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Health Ministry", "12 clinics had reopened")]


def test_arabic_group_subject_is_not_a_person() -> None:
    facts = extract("وقالت مصادر مطلعة إن المفاوضات ستستأنف قريبا.")
    assert [(q.speaker, q.text) for q in facts.quotes] == [("مصادر مطلعة", "إن المفاوضات ستستأنف قريبا")]
    assert facts.speakers[0].kind == "group"


def test_title_takes_in_the_affairs_it_covers() -> None:
    facts = extract("وقال وزير الدولة لشؤون الهجرة أحمد سالم إن الحكومة ستقدم 5 ملايين دولار.", language="ar")
    assert [(s.name, s.title) for s in facts.speakers] == [("أحمد سالم", "وزير الدولة لشؤون الهجرة")]
    assert [q.speaker for q in facts.quotes] == ["أحمد سالم"]


def test_wire_dateline_is_not_part_of_the_quote() -> None:
    text = "PARIS, March 3 (AFP) - France will send 10 million euros to Chad, Foreign Minister Jean Dupont said."
    [quote] = extract(text, language="en").quotes
    assert quote.text == "France will send 10 million euros to Chad"
    assert quote.speaker == "Jean Dupont"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "وقال خالد الخطيب إن الحكومة ستواصل دعم المفاوضات. وأضاف وليد الخطيب إن بلاده ترفض التأجيل. "
            "وتابع الخطيب أن الاجتماع المقبل سيعقد في جنيف.",
            # The family name alone is the nearer of the two.
            ["خالد الخطيب", "وليد الخطيب", "وليد الخطيب"],
        ),
        (
            "Jane Doe said that the talks would resume. John Doe said that the border stays closed.",
            ["Jane Doe", "John Doe"],
        ),
    ],
)
def test_two_full_names_that_share_a_family_name_are_two_speakers(text: str, names: list[str]) -> None:
    facts = extract(text)
    assert [quote.speaker for quote in facts.quotes] == names
    assert sorted(speaker.name for speaker in facts.speakers) == sorted(set(names))
    for speaker in facts.speakers:
        assert not set(speaker.aliases) & set(names), speaker


def test_arabic_subject_fronted_by_kana_without_qad() -> None:
    """وكانت الوزيرة ... أعلنت: without قد, the verb follows the subject at once; a subject with
    other words between it and the verb is not the verb's."""
    facts = extract("وكانت الوزيرة ليلى حسن أعلنت أن الحكومة ستفتح المعابر.")
    assert [(q.verb, q.speaker, q.text) for q in facts.quotes] == [
        ("أعلنت", "ليلى حسن", "أن الحكومة ستفتح المعابر")
    ]
    assert extract("وكان الوزير أحمد سالم غائبا حين أعلنت أن المعابر ستفتح قريبا.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "report"),
    [
        (
            "وأعلن الوزير أحمد سالم في مؤتمر صحفي اليوم عن تقديم مساعدات جديدة للاجئين.",
            "أحمد سالم",
            "عن تقديم مساعدات جديدة للاجئين",
        ),
        (
            "وكان وزير الخارجية أعلن في وقت سابق عن تقديم دعم إضافي للمدارس.",
            "وزير الخارجية",
            "عن تقديم دعم إضافي للمدارس",
        ),
        (
            "وأشار الوزير أحمد سالم في كلمته أمام المؤتمر إلى ضرورة فتح المعابر أمام المساعدات.",
            "أحمد سالم",
            "ضرورة فتح المعابر أمام المساعدات",
        ),
    ],
    ids=["at a news conference, then عن", "earlier, then عن", "in a speech, then إلى"],
)
def test_arabic_report_after_adverbials(text: str, speaker: str, report: str) -> None:
    """Where and when something was said stands between the verb and the report: the report
    begins at the object of a transitive verb, or after the preposition another verb governs."""
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.text) == (speaker, report)


def test_english_speaker_named_by_a_possessive_role() -> None:
    facts = extract("Norway's foreign ministry said in a statement that the embassy would reopen in May.",
                    language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Norway's foreign ministry", "that the embassy would reopen in May")
    ]
    assert [(s.name, s.kind) for s in facts.speakers] == [("Norway's foreign ministry", "organization")]


def test_english_quote_attributed_to_a_role_then_a_name() -> None:
    facts = extract("“The roads are open again,” said the agency's regional director, Maria Lindqvist.",
                    language="en")
    assert [(q.kind, q.speaker, q.text) for q in facts.quotes] == [
        ("direct", "Maria Lindqvist", "The roads are open again")
    ]
    assert facts.speakers[0].title == "agency's regional director"


def test_arabic_name_with_particles_is_read_whole() -> None:
    """بن، عبد and آل join the names around them and do not count among a name's four words."""
    facts = extract("وقال وزير المالية الشيخ خالد بن عبد العزيز آل سالم إن الميزانية ستعلن قريبا.")
    assert [q.speaker for q in facts.quotes] == ["الشيخ خالد بن عبد العزيز آل سالم"]


def test_arabic_report_after_a_date_adverbial() -> None:
    facts = extract("وكانت الوزارة قد أعلنت في الأول من أيلول/سبتمبر 2023 عن خطة جديدة لإعادة الإعمار.")
    assert [q.text for q in facts.quotes] == ["عن خطة جديدة لإعادة الإعمار"]
    facts = extract("وأعلنت الحكومة مطلع العام الجاري عن خطة جديدة لإعادة الإعمار.")
    assert [q.text for q in facts.quotes] == ["عن خطة جديدة لإعادة الإعمار"]


def test_english_surname_with_the_arabic_article() -> None:
    facts = extract("Foreign Minister Khaled al-Nouri said the border crossing would reopen next week.",
                    language="en")
    assert [q.speaker for q in facts.quotes] == ["Khaled al-Nouri"]


def test_arabic_organization_subjects_named_by_their_kind() -> None:
    facts = extract("وأكد المركز في بيان له أن المساعدات ستوزع على آلاف الأسر.")
    assert [(q.speaker, q.text) for q in facts.quotes] == [("المركز", "أن المساعدات ستوزع على آلاف الأسر")]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # A fronted adverbial is no report when one follows the verb.
        ("In remarks to reporters, Minister Jane Okoro said the deployment was temporary.",
         ["the deployment was temporary"]),
        # Adverbials after the attribution leave the fronted report its own.
        ("Aid will grow next year, the minister said in a statement on Monday.", ["Aid will grow next year"]),
        # ... and so does a participle, which reports on its own.
        ("The talks will resume soon, Minister Jane Okoro said Tuesday, adding that the delegations agreed.",
         ["The talks will resume soon", "that the delegations agreed"]),
    ],
)
def test_english_report_before_or_after_its_attribution(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text, language="en").quotes] == reports


def test_arabic_chained_titles_before_a_name() -> None:
    facts = extract("وقال المستشار بالديوان الملكي المشرف العام على الهيئة الدكتور سامي بن فهد الناصر "
                    "في كلمته أمام المؤتمر إن البرنامج سيتوسع.")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("الدكتور سامي بن فهد الناصر", "إن البرنامج سيتوسع")
    ]
    assert facts.speakers[0].title == "المستشار بالديوان الملكي المشرف العام على الهيئة"


def test_an_arabic_title_as_long_as_a_line_leaves_the_name_whole() -> None:
    facts = extract("وقال المستشار بالديوان الأميري المشرف العام على الهيئة الوطنية للإغاثة "
                    "والأعمال الإنسانية والتنمية المستدامة الدكتور سامي بن عبدالرحمن العتيبي، "
                    "إن الهيئة ستواصل عملها.")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("الدكتور سامي بن عبدالرحمن العتيبي", "إن الهيئة ستواصل عملها")
    ]
    assert facts.speakers[0].title == ("المستشار بالديوان الأميري المشرف العام على الهيئة الوطنية للإغاثة "
                                       "والأعمال الإنسانية والتنمية المستدامة")


def test_arabic_speaker_named_again_by_surname() -> None:
    text = ("قال وزير الصحة سامي الناصر إن المستشفيات تعمل بكامل طاقتها.\n"
            "وقالت المتحدثة باسم المنظمة ليلى حسن إن الفرق وصلت.\n"
            "وأضاف الناصر أن الوزارة تحتاج إلى مزيد من الأطباء.")
    assert [q.speaker for q in extract(text).quotes] == ["سامي الناصر", "ليلى حسن", "سامي الناصر"]


def test_arabic_report_ends_before_its_occasion() -> None:
    facts = extract("أعلنت الهيئة اليوم عن تقديم منح دراسية للطلاب، وذلك خلال مشاركتها في المعرض الدولي.")
    assert [q.text for q in facts.quotes] == ["عن تقديم منح دراسية للطلاب"]


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        # "The agency" and "the group" name again the organization of the sentence before.
        ('UNICEF warned that schools had closed. "Children cannot wait," the agency said.', "en",
         ["UNICEF", "UNICEF"]),
        ('Hamas rejected the offer. "Nothing has changed," said the group.', "en", ["Hamas"]),
        ("حذرت منظمة الصحة العالمية من تفشي الكوليرا. وقالت المنظمة إن الحالات تضاعفت.", "ar",
         ["منظمة الصحة العالمية"]),
        # A kind that fits no organization before it stays as written.
        ('Hamas rejected the offer. "We need more time," the agency said.', "en", ["the agency"]),
        # A news agency is a source, not an agency that speaks.
        ("Reuters reported the strike. The agency said that three people died.", "en", ["The agency"]),
    ],
)
def test_an_organization_named_again_by_its_kind(text: str, language: str, speakers: list[str]) -> None:
    assert [q.speaker for q in extract(text, language=language).quotes] == speakers


def test_arabic_organization_named_by_its_kind_is_not_the_last_speaker() -> None:
    text = ("وقال وزير الخارجية سامي الناصر إن الحدود ستفتح.\n"
            "وقالت الحركة في بيان إن الاتفاق لم يعد قائما.")
    assert [q.speaker for q in extract(text).quotes] == ["سامي الناصر", "الحركة"]


def test_two_names_of_one_organization_are_one_speaker() -> None:
    text = ("The UN refugee agency said on Monday that two million people had fled. "
            "UNHCR added that funding was short.")
    facts = extract(text, language="en")
    assert len(facts.speakers) == 1 and len({q.speaker for q in facts.quotes}) == 1


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "It said" goes on from an organization that has just spoken ...
        ("UNICEF said on Monday that schools had closed. It said it needed $300 million.", ["UNICEF", "UNICEF"]),
        # ... never from a person, nor from an organization that spoke two sentences before.
        ("Minister Jane Okoro said the border would reopen. It said the plan would fail.", ["Jane Okoro"]),
        ("UNICEF said on Monday that schools had closed. A report was published. It said aid fell.", ["UNICEF"]),
    ],
)
def test_it_said_continues_an_organization(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in extract(text, language="en").quotes] == speakers


def test_arabic_indefinite_title_with_nationality_and_rank() -> None:
    (speaker,) = extract("وقال مسؤول أمريكي رفيع للصحفيين إن المحادثات ستستأنف.").speakers
    assert (speaker.name, speaker.organization) == ("مسؤول أمريكي رفيع", "الولايات المتحدة")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال وزير الصحة علي الأحمد إن المستشفيات ممتلئة.", "علي الأحمد"),
        ("وأشار علي الحسن، مدير البرنامج في المنظمة، إلى أن الفرق تعمل على مدار الساعة.", "علي الحسن"),
    ],
)
def test_arabic_name_ali_is_not_the_preposition(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract(text).quotes] == [speaker]


def test_arabic_preposition_spelled_with_dotted_yaa_is_no_name() -> None:
    text = "قال وزير الصحة سامي الناصر إن المستشفيات ممتلئة. وأكد علي ضرورة وقف إطلاق النار."
    assert {q.speaker for q in extract(text).quotes} == {"سامي الناصر"}


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # A scene-setting clause after the attribution leaves the fronted report its own.
        ("The fund will give $5 million to the camps, Minister Jane Okoro said Tuesday, as talks resumed.",
         ["The fund will give $5 million to the camps"]),
        ("Aid will resume next month, an official told reporters on condition of anonymity.",
         ["Aid will resume next month"]),
        # What the subject of a relative clause says is not reported there.
        ("The camps lack half of the $4.3 billion the UN says it needs this year.", []),
        # A year before the subject makes no relative clause.
        ("In 2023 the UN said that funding had fallen by a third.", ["that funding had fallen by a third"]),
        # A report that ends inside quotation marks keeps the closing one.
        ('Jane Okoro said the aid "reflects our commitment." Talks resume next week.',
         ['the aid "reflects our commitment."']),
    ],
)
def test_english_report_bounds(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text, language="en").quotes] == reports


@pytest.mark.parametrize(
    ("text", "speaker", "report"),
    [
        # A counted group speaks as one: after كان and after the verb.
        ("وكانت ثلاث دول مانحة أعلنت في وقت سابق اليوم في المؤتمر عن تقديم منح للمدارس.",
         "ثلاث دول مانحة", "عن تقديم منح للمدارس"),
        ("وقال 3 دبلوماسيين غربيين إن الاتفاق بات وشيكا.", "3 دبلوماسيين غربيين", "إن الاتفاق بات وشيكا"),
        # طالب (demanded) that opens a sentence is a verb; its object follows the adverbials.
        ("طالب المشاركون في الاجتماع اليوم الاثنين كل الأطراف بوقف القتال فورا.",
         "المشاركون", "كل الأطراف بوقف القتال فورا"),
    ],
)
def test_arabic_group_subjects_and_demands(text: str, speaker: str, report: str) -> None:
    assert [(q.speaker, q.text) for q in extract(text).quotes] == [(speaker, report)]


def test_arabic_talib_inside_a_sentence_is_a_noun() -> None:
    assert extract("وتحدث الوزير مع طالب سوري عن أوضاع الدراسة في المخيم الكبير.").quotes == []


def test_arabic_participle_goes_on_from_its_own_sentences_titled_subject() -> None:
    text = ("قال وزير الصحة سامي الناصر إن المستشفيات ممتلئة.\n"
            "وكانت ثلاث دول مانحة أعلنت عن تقديم منح للمدارس.\n"
            "ووجه المدير العام للمنظمة ليلى حسن نداء عاجلا، مؤكدة أن الوضع خطير.")
    assert [q.speaker for q in extract(text).quotes] == ["سامي الناصر", "ثلاث دول مانحة", "ليلى حسن"]


def test_english_participle_goes_on_from_a_role_that_opens_its_sentence() -> None:
    text = ("Jane Okoro said the talks would go on. The U.N. relief chief appealed on Wednesday for more aid, "
            "saying the country faces its worst crisis in decades.")
    assert [q.speaker for q in extract(text, language="en").quotes] == ["Jane Okoro", "The U.N. relief chief"]


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # A title's verbal noun with ل takes its object: لإدارة الأزمات.
        ('وقالت المفوضة الأوروبية لإدارة الأزمات سلمى الحسن في مؤتمر صحفي: "لن ننسى اللاجئين أبدا".',
         "سلمى الحسن", "المفوضة الأوروبية لإدارة الأزمات"),
        # ... but a name with ل after a title stays a name.
        ("وقالت المتحدثة ليلى الحسن إن الفرق وصلت إلى المخيم.", "ليلى الحسن", "المتحدثة"),
        # A name with بو, before a complementizer (the participle test below reads one before a noun).
        ("وقال وزير الخارجية عبد الله بو حبيب إن الحدود ستفتح.", "عبد الله بو حبيب", "وزير الخارجية"),
    ],
)
def test_arabic_titles_and_names(text: str, speaker: str, title: str) -> None:
    facts = extract(text)
    assert [q.speaker for q in facts.quotes] == [speaker]
    assert facts.speakers[0].title == title


def test_arabic_participle_after_a_fronted_phrase_goes_on_from_its_sentences_subject() -> None:
    text = ("قال وزير الصحة سامي الناصر إن المستشفيات ممتلئة.\n"
            'من جانبه، رحب وزير الخارجية عبد الله بو حبيب بالخطوة، معتبرا أنها "تأتي في وقتها تماما".')
    assert [q.speaker for q in extract(text).quotes] == ["سامي الناصر", "عبد الله بو حبيب"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # Whom one speaks to does not speak.
        ('Speaking to Al Jazeera, Minister Jane Okoro said hospitals were full. "We have no fuel," she said.',
         ["Jane Okoro", "Jane Okoro"]),
        # A name with its particles, after a title that holds an organization's name.
        ('The European Commission President Ursula von der Leyen wrote that Europe "stands with Sudan".',
         ["Ursula von der Leyen"]),
        ("World Food Programme Executive Director Jane Okoro said that funding had dried up.", ["Jane Okoro"]),
        # The name in an appositive after a place names the speaker.
        ("The UN's top aid official in Sudan, Jane Okoro, warned that the country faced famine.", ["Jane Okoro"]),
    ],
)
def test_english_names_in_titles_and_appositives(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in extract(text, language="en").quotes] == speakers


def test_arabic_surname_of_a_person_named_before_without_a_quote() -> None:
    text = ("ووقع الاتفاقية عن الهيئة المهندس سامي بن علي الناصر، وعن البرنامج المدير الإقليمي ليلى حسن.\n"
            "وأكد الناصر أن الاتفاقية تدعم الأسر الأشد حاجة.")
    assert [q.speaker for q in extract(text).quotes] == ["المهندس سامي بن علي الناصر"]


def test_arabic_lone_noun_after_a_verb_is_not_a_surname() -> None:
    text = "ووقع الاتفاقية المهندس سامي الناصر.\nوأكد البيان أن المساعدات ستوزع قريبا على الأسر."
    assert [q.speaker for q in extract(text).quotes] == []


def test_arabic_surname_reaches_past_a_bare_mention_to_the_titled_one() -> None:
    text = ("وحضر الاجتماع المهندس سامي الناصر.\nوغادر الناصر القاعة مبكرا.\n"
            "وأكد الناصر أن الاتفاقية تدعم الأسر الأشد حاجة.")
    assert [q.speaker for q in extract(text).quotes] == ["المهندس سامي الناصر"]


def test_english_attribution_with_an_abbreviated_title_and_the_quote_after_it() -> None:
    text = ('"The clinics are running out of fuel," U.N. aid coordinator Sara Lind told reporters after the '
            'briefing. "Without it, the generators stop within days."\n'
            '"We will be back," said Omar Haddad. He left soon after. "Nothing has changed," a guard said.')
    facts = extract(text, language="en")
    assert [(q.kind, q.speaker, q.text) for q in facts.quotes] == [
        ("direct", "Sara Lind", "The clinics are running out of fuel"),
        ("direct", "Sara Lind", "Without it, the generators stop within days"),
        ("direct", "Omar Haddad", "We will be back"),
        ("direct", "a guard", "Nothing has changed"),
    ]


def test_an_english_title_names_its_country_as_the_speakers_organization() -> None:
    facts = extract("Danish Development Minister Karen Holm said the funds would arrive soon.", language="en")
    (speaker,) = facts.speakers
    assert (speaker.name, speaker.title, speaker.organization) == (
        "Karen Holm", "Danish Development Minister", "Denmark"
    )


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # People quoted by what they are, with or without a determiner, and where they are.
        ("Two residents of the camp said the wells had run dry.", "Two residents of the camp", "group"),
        ("Witnesses said the convoy was hit twice.", "Witnesses", "group"),
        ("Western diplomats said the talks had stalled.", "Western diplomats", "group"),
        ('"There is nothing left," one resident told Reuters.', "one resident", "person"),
    ],
)
def test_english_people_named_by_what_they_are(text: str, speaker: str, kind: str) -> None:
    facts = extract(text, language="en")
    assert [q.speaker for q in facts.quotes] == [speaker]
    assert [s.kind for s in facts.speakers] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The agency warned last month that the rations would be cut by half.",
        "The minister said in a video message that the rations would be cut by half.",
        "The minister said at a news conference on Monday that the rations would be cut by half.",
    ],
)
def test_english_adverbials_between_the_verb_and_the_report(text: str) -> None:
    (quote,) = extract(text, language="en").quotes
    assert quote.text == "that the rations would be cut by half"


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        # The statement speaks for whoever issued it, when the text says who did ...
        ("وأعلنت المانحة تقديم المساعدات، بحسب بيان صادر عن برنامج الأغذية العالمي.\n"
         "وأكد البيان أن الشاحنات ستصل إلى المدينة خلال أيام.", "ar", ["برنامج الأغذية العالمي"]),
        ("The figures come from a statement issued by UNICEF on Monday. The statement said the clinics "
         "would reopen within days.", "en", ["UNICEF"]),
        ("The trucks were stopped at the border, according to a statement from UNICEF.", "en", ["UNICEF"]),
        # ... and a group of officials is not their organization.
        ("U.N. officials said the trucks were stopped at the border. The U.N. said the talks would resume "
         "within days.", "en", ["U.N. officials", "U.N."]),
    ],
)
def test_a_statement_speaks_for_its_issuer(text: str, language: str, speakers: list[str]) -> None:
    facts = extract(text, language=language)
    assert [s.name for s in facts.speakers] == speakers
    assert [q.speaker for q in facts.quotes][-1] == speakers[-1]


def test_arabic_name_stops_before_a_noun_with_its_nationality() -> None:
    text = "وثمن ممثل المنظمة في اليمن الدكتور ماركو بيرتي الدعم الياباني، مؤكدا أن التمويل سيصل قريبا."
    (speaker,) = extract(text, language="ar").speakers
    assert speaker.name == "الدكتور ماركو بيرتي"


@pytest.mark.parametrize(
    ("text", "speaker", "report"),
    [
        # A report before its attribution, which ends with where or when it was made.
        ("The new funding brings the total to more than $1 billion, Omar Haddad told reporters at the "
         "ministry.", "Omar Haddad", "The new funding brings the total to more than $1 billion"),
        ("The bloc pledged an extra 68 million euros, EU Commissioner for Crisis Management Jan Novak said "
         "in Brussels on March 3.", "Jan Novak", "The bloc pledged an extra 68 million euros"),
        # A second verb joined to the first goes on with its subject.
        ("Egypt's foreign minister, Karim Nabil, welcomed the announcement but said in a phone call with "
         "Haddad that more aid was needed.", "Karim Nabil", "that more aid was needed"),
    ],
)
def test_english_attributions_that_end_or_join_a_sentence(text: str, speaker: str, report: str) -> None:
    (quote,) = extract(text, language="en").quotes
    assert (quote.speaker, quote.text) == (speaker, report)


def test_an_english_portfolio_in_a_title_is_not_part_of_the_name() -> None:
    text = "EU Commissioner for Crisis Management Jan Novak said the aid would arrive within days."
    (speaker,) = extract(text, language="en").speakers
    assert (speaker.name, speaker.title) == ("Jan Novak", "EU Commissioner for Crisis Management")


def test_arabic_titles_with_joined_complements_and_a_counterpart() -> None:
    text = ("أكد وزير الخارجية والهجرة المصري الدكتور سامي فؤاد، خلال مؤتمر صحفي مع نظيره الأردني "
            "خالد النمري، ضرورة زيادة المساعدات.\n"
            "من جهته، أعلن النمري أن الأردن سيرسل شاحنات إضافية خلال الأسبوع المقبل.\n"
            "وقالت المفوضة الأوروبية لشؤون المساواة والتأهب وإدارة الأزمات ليلى حداد "
            "إن الاتحاد سيواصل الدعم.")
    facts = extract(text, language="ar")
    assert [(s.name, s.title) for s in facts.speakers] == [
        ("الدكتور سامي فؤاد", "وزير الخارجية والهجرة المصري"),
        ("خالد النمري", "نظيره الأردني"),
        ("ليلى حداد", "المفوضة الأوروبية لشؤون المساواة والتأهب وإدارة الأزمات"),
    ]
    assert [q.speaker for q in facts.quotes] == ["الدكتور سامي فؤاد", "خالد النمري", "ليلى حداد"]


def test_arabic_part_of_a_period_is_not_a_speaker() -> None:
    text = "وكانت الهيئة قد أعلنت مطلع الشهر الجاري أنها ستفتح ثلاثة مراكز جديدة للإيواء."
    facts = extract(text, language="ar")
    assert "مطلع الشهر الجاري" not in [s.name for s in facts.speakers]


@pytest.mark.parametrize(
    ("text", "name", "title", "organization"),
    [
        ("U.N. humanitarian chief Omar Haddad said that the appeal was the largest ever.",
         "Omar Haddad", "U.N. humanitarian chief", "United Nations"),
        ("Sudanese army spokesman Nabil Karim said that the city was calm on Tuesday.",
         "Nabil Karim", "Sudanese army spokesman", "Sudan"),
        # The "al" that ends "official" is not a particle of the name after it.
        ("Hamas official Sami Nasser told reporters that the group had accepted the proposal.",
         "Sami Nasser", "Hamas official", "Hamas"),
        ("Germany's development minister, Lena Vogel, told reporters that Berlin would give more.",
         "Lena Vogel", "Germany's development minister", "Germany"),
    ],
)
def test_an_english_title_in_lower_case_before_a_name(
    text: str, name: str, title: str, organization: str
) -> None:
    (speaker,) = extract(text, language="en").speakers
    assert (speaker.name, speaker.title, speaker.organization) == (name, title, organization)


@pytest.mark.parametrize(
    ("text", "name", "title", "organization"),
    [
        ("وقال أحمد الخطيب، وزير الخارجية، إن البلاد ستواصل دعمها.", "أحمد الخطيب", "وزير الخارجية", None),
        ("وقال سامي الناصر، المتحدث باسم الأمم المتحدة، إن القوافل وصلت.",
         "سامي الناصر", "المتحدث باسم الأمم المتحدة", "الأمم المتحدة"),
        ("وقالت ريم الهاشمي، وزيرة دولة لشؤون التعاون الدولي، إن البلاد ستواصل دعمها.",
         "ريم الهاشمي", "وزيرة دولة لشؤون التعاون الدولي", None),
        # With no comma, and after two honorifics.
        ("وقال سعادة السيد خالد بن سالم العلي المدير العام للصندوق إن المساهمة مهمة.",
         "سعادة السيد خالد بن سالم العلي", "المدير العام للصندوق", None),
    ],
)
def test_an_arabic_title_after_the_name(text: str, name: str, title: str, organization: str | None) -> None:
    (speaker,) = extract(text, language="ar").speakers
    assert (speaker.name, speaker.title, speaker.organization) == (name, title, organization)


def test_an_english_role_with_three_words_before_it_speaks_for_the_report_before_it() -> None:
    facts = extract("The bloc will provide an additional 120 million euros in aid to the region this year, "
                    "the bloc's crisis management commissioner said on Monday.", language="en")
    role = "the bloc's crisis management commissioner"
    assert [(q.speaker, q.kind) for q in facts.quotes] == [(role, "indirect")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Jordanian government on Monday said that the crossing would reopen next week for aid convoys.",
         "The Jordanian government"),
        ("Foreign Minister Omar Haddad on Sunday evening said that the crossing would reopen.",
         "Omar Haddad"),
        ("The agency earlier this week said that it would need more money to keep the convoys going.",
         "The agency"),
    ],
)
def test_an_english_time_between_the_subject_and_its_verb_is_not_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract(text, language="en").quotes] == [speaker]


def test_an_arabic_relative_clause_speaks_for_whom_it_follows() -> None:
    text = ("وأكد وزير الخارجية سامي الناصر أن بلاده ستواصل دعمها، خلال لقائه مع المبعوث الأمريكي الخاص "
            "للسودان جون سميث، الذي أعلن بدوره أن بلاده ستقدم 200 مليون دولار.")
    facts = extract(text, language="ar")
    assert [q.speaker for q in facts.quotes] == ["سامي الناصر", "جون سميث"]
    assert [(p.donor, p.speaker) for p in facts.pledges] == [("United States", "جون سميث")]


def test_an_arabic_title_alone_names_the_person_titled_so_before() -> None:
    text = ("والتقى الوزير مع المبعوث الأمريكي الخاص للسودان جون سميث.\n"
            "وأوضح المبعوث الأمريكي أن المساعدات ستصل قريبا.\n"
            "وقال الوزير إن اللقاء كان مثمرا.")
    # The minister was never named: his title stays his name.
    assert [q.speaker for q in extract(text, language="ar").quotes] == ["جون سميث", "الوزير"]


def test_an_arabic_report_ends_where_the_speakers_own_occasion_is_told() -> None:
    facts = extract("وأكد الوزير سامي الناصر أن بلاده ستواصل دعمها للاجئين، لدى استقباله اليوم وفدا "
                    "من المنظمة.", language="ar")
    assert [q.text for q in facts.quotes] == ["أن بلاده ستواصل دعمها للاجئين"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقالت المفوضة الأوروبية لإدارة الأزمات ليلى حسن إن الاتحاد لن يتخلى عن اللاجئين.", "ar"),
        ("European Commissioner for Crisis Management Leila Hassan said that the bloc would help.", "en"),
    ],
)
def test_a_european_title_speaks_for_the_european_union(text: str, language: str) -> None:
    (speaker,) = extract(text, language=language).speakers
    assert load_gazetteer().canonical_name(speaker.organization) == "European Union"


def test_a_report_before_an_organization_named_again_by_its_kind() -> None:
    text = ("The World Food Programme cut rations for refugees on Friday. "
            "Aid deliveries will resume next week, the agency said.")
    facts = extract(text, language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("World Food Programme", "Aid deliveries will resume next week")
    ]


def test_an_english_report_before_its_attribution_and_the_writers_clause_after_it() -> None:
    facts = extract("The government on Thursday announced $30 million in new aid for the region, "
                    "Foreign Minister Omar Haddad said, bringing its total aid to more than $100 million.",
                    language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Omar Haddad", "The government on Thursday announced $30 million in new aid for the region")
    ]


def test_an_arabic_surname_alone_names_the_person_named_in_full_before() -> None:
    text = ("ووقع الاتفاقية عن الصندوق السيد خالد العلي المدير العام، فيما وقعها عن البرنامج السيدة "
            "ليلى حسن المديرة التنفيذية.\n"
            "من جهتها، أعربت حسن عن شكرها، وقالت: «إن هذه المساهمة ستساعدنا كثيرا».")
    facts = extract(text, language="ar")
    assert [q.speaker for q in facts.quotes] == ["السيدة ليلى حسن"]
    assert [(s.name, s.title) for s in facts.speakers] == [("السيدة ليلى حسن", "المديرة التنفيذية")]


def test_an_english_surname_alone_names_the_person_named_in_full_before() -> None:
    text = ("Haddad and Italian Prime Minister Lucia Ferri met President Omar Khalil in the capital. "
            '"We will stand with you," Ferri told a news conference.\n'
            "Khalil thanked the leaders and said the country needed more air defence.")
    facts = extract(text, language="en")
    assert [q.speaker for q in facts.quotes] == ["Lucia Ferri", "Omar Khalil"]
    assert [(s.name, s.title, s.organization) for s in facts.speakers] == [
        ("Lucia Ferri", "Italian Prime Minister", "Italy"), ("Omar Khalil", "President", None)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "title", "report"),
    [
        ("Minister of Planning and International Cooperation Omar Haddad said that aid would come soon.",
         "Omar Haddad", "Minister of Planning and International Cooperation", "that aid would come soon"),
        ("The foreign ministry's spokesman Omar Haddad said separately that it would send more aid.",
         "Omar Haddad", None, "that it would send more aid"),
    ],
)
def test_english_portfolios_and_adverbs_before_a_report(
    text: str, speaker: str, title: str | None, report: str
) -> None:
    facts = extract(text, language="en")
    assert [(q.speaker, q.text) for q in facts.quotes] == [(speaker, report)]
    if title is not None:
        assert facts.speakers[0].title == title


@pytest.mark.parametrize(
    ("text", "speaker", "report"),
    [
        ("The bloc itself committed 2 billion euros for next year, EU aid chief Omar Haddad told reporters.",
         "Omar Haddad", "The bloc itself committed 2 billion euros for next year"),
        ("Donors pledged 7 billion euros for the region on Monday, the United Nations said, down from 2023.",
         "the United Nations", "Donors pledged 7 billion euros for the region on Monday"),
    ],
)
def test_an_english_report_before_a_lower_case_title_or_a_writers_comparison(
    text: str, speaker: str, report: str
) -> None:
    assert [(q.speaker, q.text) for q in extract(text, language="en").quotes] == [(speaker, report)]
