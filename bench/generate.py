"""Synthetic Arabic and English news articles that know their own facts, deterministic by seed."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from app.schemas.facts import DateIn, EntityIn, FactsIn, MentionIn, PledgeIn, QuoteIn, SpeakerIn
from app.services.ingest import ArticleIn

FIRST_NAMES = [
    ("أحمد", "Ahmed"), ("محمد", "Mohammed"), ("خالد", "Khaled"), ("سارة", "Sara"), ("ليلى", "Layla"),
    ("عمر", "Omar"), ("يوسف", "Youssef"), ("فاطمة", "Fatima"), ("مريم", "Maryam"), ("علي", "Ali"),
    ("حسن", "Hassan"), ("نادية", "Nadia"), ("سلمان", "Salman"), ("رانيا", "Rania"), ("طارق", "Tariq"),
    ("هند", "Hind"), ("كريم", "Karim"), ("ياسمين", "Yasmin"), ("فيصل", "Faisal"), ("نور", "Nour"),
    ("جون", "John"), ("ماري", "Mary"), ("ديفيد", "David"), ("إميلي", "Emily"), ("مايكل", "Michael"),
    ("آنا", "Anna"), ("بيتر", "Peter"), ("لورا", "Laura"), ("توماس", "Thomas"), ("صوفيا", "Sophia"),
    ("جيمس", "James"), ("إيلينا", "Elena"), ("روبرت", "Robert"), ("كلير", "Claire"), ("دانيال", "Daniel"),
    ("هانا", "Hannah"), ("مارك", "Mark"), ("جوليا", "Julia"), ("أندرو", "Andrew"), ("كاترين", "Catherine"),
    ("إبراهيم", "Ibrahim"), ("زينب", "Zainab"), ("مصطفى", "Mustafa"), ("سعاد", "Suad"), ("وليد", "Walid"),
    ("جمال", "Jamal"), ("أمل", "Amal"), ("ماجد", "Majid"), ("رشا", "Rasha"), ("باسم", "Bassem"),
]
LAST_NAMES = [
    ("الخطيب", "Al-Khatib"), ("المصري", "Al-Masri"), ("الحسيني", "Al-Husseini"), ("العلي", "Al-Ali"),
    ("الشامي", "Al-Shami"), ("النجار", "Al-Najjar"), ("الحداد", "Al-Haddad"), ("السعدي", "Al-Saadi"),
    ("القاسم", "Al-Qasim"), ("الزعبي", "Al-Zoubi"), ("الرفاعي", "Al-Rifai"), ("العمري", "Al-Omari"),
    ("البكري", "Al-Bakri"), ("الفارس", "Al-Fares"), ("الهاشمي", "Al-Hashemi"), ("الدوري", "Al-Douri"),
    ("الكبيسي", "Al-Kubaisi"), ("الأنصاري", "Al-Ansari"), ("التميمي", "Al-Tamimi"), ("الجبوري", "Al-Jubouri"),
    ("سميث", "Smith"), ("جونسون", "Johnson"), ("براون", "Brown"), ("ميلر", "Miller"), ("ويلسون", "Wilson"),
    ("مور", "Moore"), ("تايلور", "Taylor"), ("أندرسون", "Anderson"), ("توماس", "Thomas"), ("جاكسون", "Jackson"),
    ("وايت", "White"), ("هاريس", "Harris"), ("مارتن", "Martin"), ("طومسون", "Thompson"), ("غارسيا", "Garcia"),
    ("مارتينيز", "Martinez"), ("روبنسون", "Robinson"), ("كلارك", "Clark"), ("رودريغز", "Rodriguez"),
    ("لويس", "Lewis"), ("لي", "Lee"), ("ووكر", "Walker"), ("هول", "Hall"), ("ألين", "Allen"), ("يونغ", "Young"),
    ("كينغ", "King"), ("رايت", "Wright"), ("سكوت", "Scott"), ("غرين", "Green"), ("بيكر", "Baker"),
    ("آدامز", "Adams"), ("نيلسون", "Nelson"), ("هيل", "Hill"), ("كامبل", "Campbell"), ("ميتشل", "Mitchell"),
    ("روبرتس", "Roberts"), ("كارتر", "Carter"), ("فيليبس", "Phillips"), ("إيفانز", "Evans"), ("تورنر", "Turner"),
]
ROLES = [
    ("وزير الخارجية", "Foreign Minister"), ("وزير المالية", "Finance Minister"),
    ("المتحدث باسم الحكومة", "government spokesperson"), ("رئيس الوزراء", "Prime Minister"),
    ("وزيرة التنمية", "Development Minister"), ("المبعوث الخاص", "Special Envoy"),
    ("مدير البرنامج", "programme director"), ("السفير", "Ambassador"),
]
COUNTRIES = [
    ("الولايات المتحدة", "United States", "country"), ("المملكة المتحدة", "United Kingdom", "country"),
    ("فرنسا", "France", "country"), ("ألمانيا", "Germany", "country"), ("اليابان", "Japan", "country"),
    ("السعودية", "Saudi Arabia", "country"), ("الإمارات", "United Arab Emirates", "country"),
    ("قطر", "Qatar", "country"), ("الكويت", "Kuwait", "country"), ("مصر", "Egypt", "country"),
    ("الأردن", "Jordan", "country"), ("العراق", "Iraq", "country"), ("سوريا", "Syria", "country"),
    ("لبنان", "Lebanon", "country"), ("اليمن", "Yemen", "country"), ("السودان", "Sudan", "country"),
    ("كندا", "Canada", "country"), ("النرويج", "Norway", "country"), ("هولندا", "Netherlands", "country"),
    ("إيطاليا", "Italy", "country"),
]
CITIES = [
    ("واشنطن", "Washington", "city"), ("لندن", "London", "city"), ("باريس", "Paris", "city"),
    ("برلين", "Berlin", "city"), ("جنيف", "Geneva", "city"), ("الرياض", "Riyadh", "city"),
    ("دبي", "Dubai", "city"), ("الدوحة", "Doha", "city"), ("القاهرة", "Cairo", "city"),
    ("عمّان", "Amman", "city"), ("بغداد", "Baghdad", "city"), ("بيروت", "Beirut", "city"),
    ("نيويورك", "New York", "city"), ("بروكسل", "Brussels", "city"), ("طوكيو", "Tokyo", "city"),
]
ORGANIZATIONS = [
    ("الأمم المتحدة", "United Nations", "intergovernmental"), ("البنك الدولي", "World Bank", "bank"),
    ("صندوق النقد الدولي", "International Monetary Fund", "bank"),
    ("منظمة الصحة العالمية", "World Health Organization", "agency"),
    ("برنامج الأغذية العالمي", "World Food Programme", "agency"),
    ("الاتحاد الأوروبي", "European Union", "intergovernmental"),
    ("جامعة الدول العربية", "Arab League", "intergovernmental"),
    ("الصليب الأحمر", "Red Cross", "ngo"), ("اليونيسف", "UNICEF", "agency"),
    ("مفوضية اللاجئين", "UNHCR", "agency"), ("حلف الناتو", "NATO", "alliance"),
    ("منظمة التجارة العالمية", "World Trade Organization", "intergovernmental"),
]
CURRENCIES = [
    ("USD", "دولار", "dollars"), ("EUR", "يورو", "euros"), ("GBP", "جنيه إسترليني", "pounds"),
    ("SAR", "ريال سعودي", "Saudi riyals"), ("AED", "درهم إماراتي", "dirhams"), ("JPY", "ين", "yen"),
]
PURPOSES = [
    ("إعادة الإعمار", "reconstruction"), ("الأمن الغذائي", "food security"), ("الرعاية الصحية", "health care"),
    ("التعليم", "education"), ("مكافحة الإرهاب", "counter-terrorism"), ("المياه النظيفة", "clean water"),
    ("الطاقة المتجددة", "renewable energy"), ("دعم اللاجئين", "refugee support"),
    ("البنية التحتية", "infrastructure"), ("الإغاثة الإنسانية", "humanitarian relief"),
]
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

QUOTE_PARTS_AR = [
    ["إن الحكومة", "إن بلادنا", "إن المجتمع الدولي", "إن الشركاء", "إن الوزارة", "إن التحالف"],
    ["ستواصل دعم", "ملتزمة بتعزيز", "تعمل على توسيع", "تسعى إلى حماية", "ترفض أي مساس بـ", "تدعو إلى تسريع"],
    ["الاستقرار الإقليمي", "المفاوضات السياسية", "العمليات الإنسانية", "الإصلاحات الاقتصادية",
     "جهود السلام", "التعاون الأمني", "حقوق المدنيين", "الانتعاش الاقتصادي", "أمن الحدود", "التنمية المستدامة"],
    ["في المنطقة", "خلال المرحلة المقبلة", "رغم التحديات الكبيرة", "بالتنسيق مع الأمم المتحدة",
     "على المدى الطويل", "دون أي تأخير", "لصالح الأجيال القادمة", "في أسرع وقت ممكن"],
    ["وهذا أمر لا يقبل المساومة", "لأن الوضع لا يحتمل الانتظار", "كما اتفقنا في الاجتماع الأخير",
     "وهو ما أكده الشركاء جميعا", "رغم الصعوبات الميدانية", "وفق خطة واضحة ومحددة"],
]
QUOTE_PARTS_EN = [
    ["the government", "our country", "the international community", "our partners", "the ministry",
     "the coalition"],
    ["will keep supporting", "is committed to strengthening", "is working to expand", "seeks to protect",
     "rejects any threat to", "calls for faster progress on"],
    ["regional stability", "the political negotiations", "humanitarian operations", "economic reforms",
     "the peace effort", "security cooperation", "the rights of civilians", "the economic recovery",
     "border security", "sustainable development"],
    ["across the region", "in the coming months", "despite serious challenges", "together with the United Nations",
     "over the long term", "without any delay", "for the next generation", "as quickly as possible"],
    ["and that is not negotiable", "because the situation cannot wait", "as we agreed at the last meeting",
     "as all our partners have confirmed", "despite the difficulties on the ground", "under a clear plan"],
]
VERBS_AR = [("وقال", "direct"), ("وأضاف", "direct"), ("وتابع", "direct"), ("وأكد", "indirect"),
            ("وأوضح", "indirect"), ("وشدد", "indirect")]
VERBS_EN = [("said", "direct"), ("added", "direct"), ("told reporters", "direct"), ("stressed", "indirect"),
            ("noted", "indirect"), ("argued", "indirect")]
FILLER_AR = [
    "وتأتي هذه التصريحات في وقت تشهد فيه المنطقة توترات متصاعدة وتحديات اقتصادية غير مسبوقة.",
    "ويرى مراقبون أن الاجتماع يمثل فرصة مهمة لإعادة ترتيب الأولويات بين الدول المشاركة.",
    "وشارك في الاجتماع ممثلون عن عدد من الحكومات والمنظمات الدولية والإقليمية.",
    "وكانت الجولة السابقة من المحادثات قد انتهت دون التوصل إلى اتفاق نهائي بشأن الملفات العالقة.",
    "وتعاني المجتمعات المتضررة من نقص حاد في الخدمات الأساسية والمساعدات الإنسانية.",
    "ومن المقرر أن تعقد اللجان الفنية سلسلة من الاجتماعات لمتابعة تنفيذ ما تم الاتفاق عليه.",
]
FILLER_EN = [
    "The remarks come as the region faces rising tensions and economic challenges without precedent.",
    "Observers see the meeting as an important chance to reset priorities among the countries taking part.",
    "Representatives of several governments and of regional and international organizations attended.",
    "The previous round of talks ended without a final agreement on the outstanding files.",
    "Affected communities suffer from severe shortages of basic services and humanitarian aid.",
    "Technical committees are due to hold a series of meetings to follow up on what was agreed.",
]

HEAVY_SPEAKERS = 8
EPOCH = date(2015, 1, 1)


@dataclass(frozen=True)
class Person:
    name_ar: str
    name_en: str
    role_ar: str
    role_en: str
    country: int


@dataclass(frozen=True)
class Generated:
    article: ArticleIn
    facts: FactsIn


PEOPLE = [
    Person(f"{first_ar} {last_ar}", f"{first_en} {last_en}", role_ar, role_en, country)
    for index, ((first_ar, first_en), (last_ar, last_en)) in enumerate(
        (first, last) for last in LAST_NAMES for first in FIRST_NAMES
    )
    for role_ar, role_en in [ROLES[index % len(ROLES)]]
    for country in [index % len(COUNTRIES)]
]


class _Text:
    """An article being written; `mark` appends evidence and answers its code-point span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        self.size += len(text.encode("utf-8"))

    def mark(self, text: str) -> tuple[int, int]:
        start = self.length
        self.add(text)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def _speaker(rng: random.Random) -> int:
    # A few speakers say much (so that a page 1,000 deep exists); thousands say a little.
    return rng.randrange(HEAVY_SPEAKERS) if rng.random() < 0.8 else rng.randrange(len(PEOPLE))


def _date_phrase(rng: random.Random, arabic: bool, around: date) -> tuple[str, str, str]:
    """An expression, its ISO value and its grain."""
    day = around - timedelta(days=rng.randrange(0, 900))
    grain = rng.choice(("day", "day", "month", "year"))
    if grain == "day":
        months = MONTHS_AR if arabic else MONTHS_EN
        return f"{day.day} {months[day.month - 1]} {day.year}", day.isoformat(), "day"
    if grain == "month":
        months = MONTHS_AR if arabic else MONTHS_EN
        return f"{months[day.month - 1]} {day.year}", f"{day.year}-{day.month:02d}", "month"
    return (f"عام {day.year}" if arabic else f"{day.year}"), f"{day.year}", "year"


def generate_one(index: int, seed: int = 0) -> Generated:
    """Article number `index` of the stream `seed`: the same every time."""
    rng = random.Random(seed * 1_000_003 + index)
    arabic = rng.random() < 0.6
    language = "ar" if arabic else "en"
    published = EPOCH + timedelta(days=rng.randrange(0, 4000))
    target = rng.randrange(3000, 5000)
    people = [PEOPLE[_speaker(rng)]] + [PEOPLE[rng.randrange(len(PEOPLE))] for _ in range(rng.randint(1, 2))]
    people = list(dict.fromkeys(people))
    city = CITIES[rng.randrange(len(CITIES))]
    organization = ORGANIZATIONS[rng.randrange(len(ORGANIZATIONS))]
    text = _Text()
    speakers: list[SpeakerIn] = []
    quotes: list[QuoteIn] = []
    pledges: list[PledgeIn] = []
    dates: list[DateIn] = []
    city_mentions: list[MentionIn] = []
    organization_mentions: list[MentionIn] = []

    def name_of(person: Person) -> str:
        return person.name_ar if arabic else person.name_en

    for person in people:
        speakers.append(
            SpeakerIn(
                name=name_of(person),
                name_en=person.name_en,
                title=person.role_ar if arabic else person.role_en,
                organization=COUNTRIES[person.country][1],
                kind="person",
                aliases=[person.name_en] if arabic else [],
            )
        )

    def mention_city() -> None:
        label = city[0] if arabic else city[1]
        start, end = text.mark(label)
        city_mentions.append(MentionIn(text=label, start=start, end=end))

    def mention_organization() -> None:
        label = organization[0] if arabic else organization[1]
        start, end = text.mark(label)
        organization_mentions.append(MentionIn(text=label, start=start, end=end))

    def add_date(prefix: str, suffix: str) -> None:
        expression, value, grain = _date_phrase(rng, arabic, published)
        text.add(prefix)
        start, end = text.mark(expression)
        text.add(suffix)
        dates.append(DateIn(expression=expression, value=value, grain=grain, start=start, end=end))

    lead = people[0]
    if arabic:
        text.add(f"{lead.role_ar} ")
        text.add(f"{lead.name_ar} يلتقي شركاءه في ")
        mention_city()
        add_date(" في ", " لبحث ملفات التعاون مع ")
        mention_organization()
        text.add(".\n\n")
    else:
        text.add(f"{lead.role_en} {lead.name_en} met partners in ")
        mention_city()
        add_date(" on ", " to discuss cooperation with the ")
        mention_organization()
        text.add(".\n\n")

    quote_count = rng.randint(8, 12)
    pledge_at = set(rng.sample(range(quote_count), rng.randint(1, 3)))
    date_at = set(rng.sample(range(quote_count), rng.randint(3, 5)))
    for position in range(quote_count):
        person = lead if rng.random() < 0.6 else people[rng.randrange(len(people))]
        parts = QUOTE_PARTS_AR if arabic else QUOTE_PARTS_EN
        words = [rng.choice(slot) for slot in parts]
        if arabic:
            verb, kind = rng.choice(VERBS_AR)
            quoted = " ".join(words)
            text.add(f"{verb} {person.name_ar} ")
            text.add('"' if kind == "direct" else "")
            start, end = text.mark(quoted)
            text.add('". ' if kind == "direct" else ". ")
        else:
            verb, kind = rng.choice(VERBS_EN)
            sentence = " ".join(words)
            if kind == "direct":
                quoted = sentence[0].upper() + sentence[1:]
                text.add('"')
                start, end = text.mark(quoted)
                text.add(f'," {person.name_en} {verb}. ')
            else:
                quoted = sentence
                text.add(f"{person.name_en} {verb} that ")
                start, end = text.mark(quoted)
                text.add(". ")
        quotes.append(
            QuoteIn(speaker=name_of(person), kind=kind, verb=verb, text=quoted, start=start, end=end)
        )
        if position in pledge_at:
            donor = COUNTRIES[person.country]
            currency, word_ar, word_en = CURRENCIES[rng.randrange(len(CURRENCIES))]
            millions = rng.choice((rng.randint(1, 999), rng.randint(1, 99) * 10, rng.randint(1, 20) * 50))
            purpose = PURPOSES[rng.randrange(len(PURPOSES))]
            recipient = COUNTRIES[rng.randrange(len(COUNTRIES))]
            status = "previously_announced" if rng.random() < 0.15 else "new"
            if arabic:
                text.add(f"وأعلن {person.name_ar} أن {donor[0]} ستقدم ")
                start, end = text.mark(f"{millions} مليون {word_ar}")
                text.add(f" لدعم {purpose[0]} في {recipient[0]}. ")
            else:
                text.add(f"{person.name_en} announced that {donor[1]} would provide ")
                start, end = text.mark(f"{millions} million {word_en}")
                text.add(f" for {purpose[1]} in {recipient[1]}. ")
            pledges.append(
                PledgeIn(
                    donor=donor[1], speaker=name_of(person), amount=millions * 1_000_000, currency=currency,
                    purpose=purpose[1], recipient=recipient[1], status=status, start=start, end=end,
                )
            )
        if position in date_at:
            if arabic:
                add_date("وأشار التقرير إلى ما جرى في ", " من تطورات. ")
            else:
                add_date("The report recalled what happened in ", ". ")
        if rng.random() < 0.3:
            (mention_organization if rng.random() < 0.5 else mention_city)()
            text.add(" تتابع الملف عن كثب. " if arabic else " is following the file closely. ")
        if position % 3 == 2:
            text.add("\n\n")
    fillers = FILLER_AR if arabic else FILLER_EN
    while text.size < target:
        text.add(rng.choice(fillers) + " ")
    body = text.value().rstrip()
    if arabic:
        title = f"{lead.name_ar} في {city[0]}: {organization[0]}"
    else:
        title = f"{lead.name_en} in {city[1]}: {organization[1]}"
    facts = FactsIn(
        language=language,
        speakers=speakers,
        quotes=quotes,
        pledges=pledges,
        dates=dates,
        organizations=[
            EntityIn(
                name=organization[1], name_ar=organization[0], kind=organization[2], mentions=organization_mentions
            )
        ],
        places=[EntityIn(name=city[1], name_ar=city[0], kind=city[2], mentions=city_mentions)],
    )
    article = ArticleIn(
        text=body, language=language, title=title, published_on=published, source_name="Synthetic Wire",
        source_url=f"https://example.org/{seed}/{index}",
    )
    return Generated(article, facts)


def generate(count: int, seed: int = 0, first: int = 0) -> Iterator[Generated]:
    """`count` articles of the stream `seed`, from article number `first`."""
    for index in range(first, first + count):
        yield generate_one(index, seed)
