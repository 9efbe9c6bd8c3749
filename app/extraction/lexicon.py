"""Reviewed word lists (verbs, titles, currencies, scales, number words, months, cues), in plain form.

Entries are written as they are spelled; modules fold them with `normalize.fold_key`/`fold_pattern`
before matching, so hamza and alef-maqsura variants need not be listed twice.
"""
from __future__ import annotations

# Attribution verbs. Arabic forms take an optional و/ف prefix in the matcher.
SAY_VERBS_AR: tuple[str, ...] = (
    "قال", "قالت", "يقول", "تقول", "قائلا", "قائلة",
    "أضاف", "أضافت", "يضيف", "تضيف", "مضيفا", "مضيفة",
    "تابع", "تابعت", "يتابع", "تتابع", "متابعا",
    "أكد", "أكدت", "يؤكد", "تؤكد", "مؤكدا", "مؤكدة",
    "أوضح", "أوضحت", "يوضح", "توضح", "موضحا", "موضحة",
    "أشار", "أشارت", "يشير", "تشير", "مشيرا", "مشيرة",
    "لفت", "لفتت", "يلفت", "تلفت", "لافتا", "لافتة",
    "شدد", "شددت", "يشدد", "تشدد", "مشددا", "مشددة",
    "نوه", "نوهت", "ينوه", "منوها",
    "ذكر", "ذكرت", "يذكر", "تذكر",
    "كشف", "كشفت", "يكشف", "تكشف", "كاشفا",
    "أعلن", "أعلنت", "يعلن", "تعلن", "معلنا", "معلنة",
    "دعا", "دعت", "يدعو", "تدعو", "داعيا",
    "صرح", "صرحت", "يصرح", "تصرح", "مصرحا",
    "اعتبر", "اعتبرت", "يعتبر", "معتبرا", "معتبرة",
    "طالب", "طالبت", "يطالب", "مطالبا",
    "أفاد", "أفادت", "يفيد",
    "أعرب", "أعربت", "معربا",
    "حذر", "حذرت", "يحذر", "محذرا",
    "بينت", "قوله", "قولها", "قولهم",
)
# Participles continue the current speaker's sentence (مضيفا أن ...) and never take a new subject.
PARTICIPLES_AR: tuple[str, ...] = (
    "قائلا", "قائلة", "مضيفا", "مضيفة", "متابعا", "مؤكدا", "مؤكدة", "موضحا", "موضحة", "مشيرا", "مشيرة",
    "لافتا", "لافتة", "مشددا", "مشددة", "منوها", "كاشفا", "معلنا", "معلنة", "داعيا", "مصرحا", "معتبرا",
    "معتبرة", "مطالبا", "معربا", "محذرا",
)
SAY_VERBS_EN: tuple[str, ...] = (
    "said", "says", "added", "adds", "noted", "notes", "stressed", "stresses", "told", "announced",
    "announces", "urged", "urges", "warned", "warns", "explained", "insisted", "affirmed", "reaffirmed",
    "stated", "declared", "emphasized", "emphasised", "confirmed", "asserted", "argued", "remarked",
    "saying", "adding", "noting", "stressing", "warning", "tweeted", "wrote", "pointed out",
)
PARTICIPLES_EN: tuple[str, ...] = ("saying", "adding", "noting", "stressing", "warning")
ACCORDING_AR: tuple[str, ...] = ("وفقا ل", "وفقا لـ", "بحسب", "حسب", "حسبما")
COMPLEMENTIZERS_AR: tuple[str, ...] = ("أن", "إن", "ان", "أنه", "إنه", "انه", "أنها", "إنها", "أننا", "إننا")
# Prepositions an attribution verb governs; the reported clause starts after them (أشار إلى ...).
VERB_PREPOSITIONS_AR: tuple[str, ...] = ("إلى", "على", "عن", "من")
PRONOUNS_EN: tuple[str, ...] = ("he", "she", "they", "we", "it")

# Person titles: a head word, then its complements (nationality, organization) are read by rule.
TITLE_HEADS_AR: tuple[str, ...] = (
    "وزير", "وزيرة", "الوزير", "الوزيرة", "الرئيس", "الرئيسة", "رئيس", "رئيسة", "الأمين العام", "أمين عام",
    "نائب", "نائبة", "المتحدث", "المتحدثة", "متحدث", "الناطق", "الناطقة", "السفير", "السفيرة", "سفير", "سفيرة",
    "مبعوث", "المبعوث", "المبعوثة", "مفوض", "المفوض", "المفوضة", "مفوضة", "أمير", "الأمير", "الملك", "الملكة",
    "الشيخ", "ولي العهد", "مدير", "مديرة", "المدير", "المديرة", "منسق", "المنسق", "منسقة", "ممثل", "الممثل",
    "ممثلة", "المستشار", "المستشارة", "قائد", "القائد", "الجنرال", "العميد", "اللواء", "السيناتور", "محافظ",
    "حاكم", "عمدة", "المسؤول", "مسؤول", "الدكتور", "الدكتورة", "مساعد", "وكيل", "المندوب", "مندوب",
    "المشرف العام على", "المشرف العام", "المشرف", "القائم بأعمال", "نظيره", "نظيرها", "نظيرته",
    "وزير دولة", "وزيرة دولة",
)
# Head nouns that make a capitalized run an organization, not a person (U.S. Embassy, Health Ministry).
ORG_NOUNS_EN: tuple[str, ...] = (
    "Embassy", "Ministry", "Department", "Agency", "Office", "Council", "Commission", "Fund", "Programme",
    "Program", "Bank", "Government", "Army", "Police", "Committee", "Organization", "Organisation", "Mission",
    "Secretariat", "Coalition", "Union", "Authority", "Institute", "Foundation", "Red Cross", "Crescent",
)
HONORIFICS_EN: tuple[str, ...] = ("Dr.", "Mr.", "Mrs.", "Ms.", "Sir", "Sheikh", "Prof.", "Dr", "Mr", "Mrs", "Ms")
TITLE_WORDS_EN: tuple[str, ...] = (
    "Secretary", "Secretary-General", "General", "State", "President", "Vice", "Prime", "Minister", "Foreign",
    "Ambassador", "Administrator", "Commissioner", "High", "Envoy", "Special", "Spokesman", "Spokeswoman",
    "Spokesperson", "Director", "Director-General", "Executive", "Chief", "Chairman", "Chair", "Head", "King",
    "Queen", "Prince", "Emir", "Crown", "Deputy", "Undersecretary", "Under-Secretary", "Coordinator", "Senator",
    "Governor", "Mayor", "Representative", "Chancellor", "Defense", "Defence", "Finance", "Interior", "UN",
    "U.N.", "US", "U.S.", "EU", "UK", "Humanitarian", "Affairs", "Refugees", "for", "of", "the", "Leader",
    "Minority", "Majority", "Congressman", "Congresswoman", "House", "Representatives", "Relief", "Emergency",
    # portfolios: "Minister of Planning and International Cooperation"
    "International", "Cooperation", "Development", "Trade", "Health", "Education", "Justice", "Energy",
    "Agriculture", "Economy", "Planning", "Labour", "Labor", "Environment", "Industry", "Commerce",
    "Transport", "Information", "Culture", "Tourism", "Housing", "Migration", "Expatriates", "Solidarity",
    "Relations", "Security", "Crisis", "Management",
)
# Roles that wire style writes in lower case before a name: "U.N. spokesman Stephane Dujarric".
LOWER_CASE_TITLES_EN: tuple[str, ...] = (
    "spokesman", "spokeswoman", "spokesperson", "chief", "envoy", "official", "minister", "ambassador",
    "coordinator", "commissioner", "head", "director", "adviser", "advisor", "negotiator", "commander",
    "leader", "secretary", "president", "representative", "lawmaker", "senator", "governor", "mayor",
    "administrator", "undersecretary", "deputy", "aide", "chairman", "chairwoman",
)
GROUP_SUBJECTS_AR: tuple[str, ...] = ("المشاركون", "المشاركين", "المانحون", "المانحين", "الدول المانحة")
# Donors named together, who give as no one country: "donors pledged", تعهد المانحون.
DONOR_GROUPS: tuple[str, ...] = (
    "donors", "donor countries", "donor nations", "participants", "participating countries", "المانحون",
    "المانحين", "الدول المانحة", "دول مانحة", "المشاركون", "المشاركين", "الدول المشاركة",
)
# The speaker's own country as the one who gives: "his country will give", تبرع بلاده.
OWN_COUNTRY: tuple[str, ...] = (
    "بلاده", "بلادها", "بلادنا", "بلده", "بلدها", "بلدنا", "his country", "her country", "our country",
)
# What makes a sum several donors' together (status aggregate): a word for doing it together
# ("participating countries collectively pledged"), total pledges, or a conference that raised it
# (المؤتمر جمع, "the conference raised").
COLLECTIVE_CUES: tuple[str, ...] = ("collectively", "combined", "together", "jointly", "مجتمعة", "مجتمعين")
PLEDGE_NOUNS: tuple[str, ...] = ("pledges", "commitments", "تعهدات", "التعهدات", "بتعهدات")
MEETING_WORDS: tuple[str, ...] = (
    "conference", "summit", "meeting", "مؤتمر", "المؤتمر", "القمة", "الاجتماع",
)
RAISE_VERBS: tuple[str, ...] = (
    "raised", "secured", "mobilized", "mobilised", "collected", "drew", "جمع", "حشد", "أسفر",
)
# What makes a sum one part of a commitment (status component): a word of including after the sum
# or the package it belongs to.
PART_CUES: tuple[str, ...] = (
    "including", "includes", "include", "included", "of which", "among them", "منها", "من بينها", "بينها",
    "تشمل", "يشمل", "تتضمن", "يتضمن", "شملت", "تضمنت",
)
PACKAGE_WORDS: tuple[str, ...] = ("package", "الحزمة", "حزمة", "بحزمة")
# What makes a donor's sum its running total (status cumulative): "so far", حتى الآن; or a word
# for a total with a word for reaching it ("bringing its total to", وصل إجمالي).
SO_FAR_CUES: tuple[str, ...] = (
    "to date", "so far", "thus far", "until now", "up to now",
    "حتى الآن", "لحد الآن", "لغاية الآن", "إلى الآن",
)
TOTAL_WORDS: tuple[str, ...] = ("total", "overall", "cumulative", "إجمالي", "مجموع", "مجمل")
# Verbs that bring a total to a sum: "bringing its aid to $1 billion", ليرتفع حجم الدعم إلى.
BRINGING_VERBS: tuple[str, ...] = (
    "bring", "brings", "bringing", "brought", "taking", "takes", "took", "ليصل", "لتصل", "ليرتفع", "لترتفع",
    "يرفع", "ترفع", "ليبلغ", "لتبلغ",
)
# ... and the words that, beside a word for a total, say where it stands: "the total now stands at".
TOTAL_REACHED: tuple[str, ...] = (
    *BRINGING_VERBS, "now", "reached", "reaches", "stands", "وصل", "يصل", "تصل", "بلغ", "يبلغ", "ارتفع",
)
# What comes after "since"/منذ when it starts a span (not منذ قليل, "a while ago").
SPAN_STARTS: tuple[str, ...] = (
    "start", "beginning", "outbreak", "onset", "بداية", "بدء", "اندلاع", "انطلاق", "مطلع", "نشوب",
)
# Plural or vague subjects that are never a personal name (مصادر مطلعة، مسؤولون أمريكيون).
GROUP_HEADS_AR: tuple[str, ...] = (
    "مصادر", "مصدر", "مسؤولون", "مسؤولين", "شهود", "سكان", "ناشطون", "نشطاء", "خبراء", "دبلوماسيون",
    "تقارير", "وسائل", "متحدثون", "قادة", "زعماء",
)

# An organization named again by its kind alone ("the agency said", وقالت الوكالة) refers back to one
# named before it; each head word lists the gazetteer kinds it can refer to. A head word that is
# also a word of the organization's English name (programme: World Food Programme) matches it too.
ORG_ANAPHORS: dict[str, tuple[str, ...]] = {
    "agency": ("UN agency", "government agency", "UN fund"),
    "organization": ("UN agency", "international organization", "humanitarian organization",
                     "human rights organization", "UN fund"),
    "group": ("armed group", "humanitarian organization", "human rights organization"),
    "movement": ("armed group",),
    "militia": ("armed group",),
    "fund": ("UN fund", "development fund"),
    "programme": (),
    "alliance": ("military alliance", "coalition"),
    "coalition": ("coalition",),
    "bloc": ("international organization",),
    "body": ("international organization", "international forum", "legislature"),
    "court": ("international court",),
    "charity": ("humanitarian organization",),
    "army": ("military",),
}
ORG_ANAPHORS_EN: dict[str, str] = {
    **{head: head for head in ORG_ANAPHORS}, "organisation": "organization", "program": "programme",
}
ORG_ANAPHORS_AR: dict[str, str] = {
    "الوكالة": "agency", "المفوضية": "agency", "المنظمة": "organization", "الجماعة": "group",
    "الحركة": "movement", "الميليشيا": "militia", "الصندوق": "fund", "البرنامج": "programme",
    "التحالف": "coalition", "الحلف": "alliance", "الهيئة": "body", "المحكمة": "court", "الجيش": "army",
}

# Money.
SCALES: dict[str, int] = {
    "ألف": 1_000, "الف": 1_000, "ألفا": 1_000, "آلاف": 1_000, "الاف": 1_000,
    "مليون": 1_000_000, "مليونا": 1_000_000, "ملايين": 1_000_000,
    "مليار": 1_000_000_000, "مليارا": 1_000_000_000, "مليارات": 1_000_000_000,
    "بليون": 1_000_000_000, "بليونا": 1_000_000_000, "بلايين": 1_000_000_000,
    "تريليون": 1_000_000_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
}
# Dual forms carry their own number (ملياري يورو = two billion euros).
DUAL_SCALES: dict[str, int] = {
    "ألفين": 2_000, "ألفان": 2_000, "ألفي": 2_000,
    "مليونين": 2_000_000, "مليونان": 2_000_000, "مليوني": 2_000_000,
    "مليارين": 2_000_000_000, "ملياران": 2_000_000_000, "ملياري": 2_000_000_000,
    "بليونين": 2_000_000_000, "بليوني": 2_000_000_000,
}
# Plural scales with no number before them are vague amounts (مليارات الدولارات, billions).
PLURAL_SCALES: tuple[str, ...] = ("آلاف", "ملايين", "مليارات", "بلايين", "thousands", "millions", "billions")

CURRENCY_WORDS: dict[str, str | None] = {  # None: the word names no single currency (دينار alone)
    "دولار أمريكي": "USD", "دولار أميركي": "USD", "دولار": "USD", "دولارا": "USD", "دولارات": "USD",
    "الدولارات": "USD", "دولار كندي": "CAD", "دولار أسترالي": "AUD", "يورو": "EUR",
    "جنيه إسترليني": "GBP", "جنيه استرليني": "GBP", "جنيها إسترلينيا": "GBP", "جنيه مصري": "EGP",
    "جنيه": "EGP", "جنيها": "EGP", "ريال سعودي": "SAR", "ريالا سعوديا": "SAR", "ريال قطري": "QAR",
    "ريال عماني": "OMR", "ريال يمني": "YER", "ريال": "SAR", "ريالا": "SAR", "درهم إماراتي": "AED",
    "درهم مغربي": "MAD", "درهم": "AED", "درهما": "AED", "دينار كويتي": "KWD", "دينار أردني": "JOD",
    "دينار بحريني": "BHD", "دينار عراقي": "IQD", "دينار ليبي": "LYD", "دينار تونسي": "TND",
    "دينار جزائري": "DZD", "دينار": None, "دينارا": None, "ليرة تركية": "TRY", "ليرة سورية": "SYP",
    "ليرة لبنانية": "LBP", "ين": "JPY", "ين ياباني": "JPY", "يوان": "CNY", "روبل": "RUB",
    "فرنك سويسري": "CHF",
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "riyals": "SAR", "dirhams": "AED", "swiss francs": "CHF",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "sar": "SAR", "aed": "AED",
    "kwd": "KWD", "qar": "QAR", "cad": "CAD", "aud": "AUD", "cny": "CNY",
    "canadian dollars": "CAD", "australian dollars": "AUD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "swedish kronor": "SEK", "kronor": "SEK", "kroner": None, "nok": "NOK", "sek": "SEK", "dkk": "DKK",
    "indian rupees": "INR", "pakistani rupees": "PKR", "rupees": None, "south african rand": "ZAR",
    "turkish lira": "TRY", "roubles": "RUB", "rubles": "RUB", "renminbi": "CNY", "south korean won": "KRW",
    "كرونة نرويجية": "NOK", "كرونة سويدية": "SEK", "كرونة دنماركية": "DKK", "كرونة": None,
    "روبية هندية": "INR", "روبية باكستانية": "PKR", "راند": "ZAR",
    "kuwaiti dinars": "KWD", "jordanian dinars": "JOD", "iraqi dinars": "IQD", "bahraini dinars": "BHD",
    "dinars": None, "saudi riyals": "SAR", "qatari riyals": "QAR", "emirati dirhams": "AED",
    "uae dirhams": "AED", "moroccan dirhams": "MAD", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
    "syrian pounds": "SYP", "sudanese pounds": "SDG", "جنيه سوداني": "SDG",
    "crowns": None, "swedish crowns": "SEK", "norwegian crowns": "NOK", "danish crowns": "DKK",
    "czech crowns": "CZK", "shekels": "ILS", "new shekels": "ILS", "شيكل": "ILS", "rials": None,
    "iranian rials": "IRR", "zlotys": "PLN", "zloty": "PLN", "forints": "HUF", "kenyan shillings": "KES",
    "shillings": None, "naira": "NGN", "birr": "ETB", "taka": "BDT", "baht": "THB", "ringgit": "MYR",
    "pesos": None, "mexican pesos": "MXN", "reais": "BRL",
}
# Currency words several countries' currencies share: the donor's own is meant when it is one of them
# ("Norway pledged 200 million kroner", تبرعت الكويت بمليون دينار, تعهدت بريطانيا بخمسين مليون جنيه). English
# "pounds" alone stays sterling: English copy names other pounds (Egyptian pounds).
CURRENCY_FAMILIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("kroner", "kronor", "crowns", "كرونة"), frozenset({"SEK", "NOK", "DKK", "CZK"})),
    **dict.fromkeys(
        ("dinars", "دينار", "دينارا"), frozenset({"KWD", "JOD", "BHD", "IQD", "LYD", "TND", "DZD"})
    ),
    **dict.fromkeys(("riyals", "rials", "ريال", "ريالا"), frozenset({"SAR", "QAR", "OMR", "YER", "IRR"})),
    **dict.fromkeys(("جنيه", "جنيها"), frozenset({"GBP", "EGP", "LBP", "SDG", "SYP", "SSP"})),
    **dict.fromkeys(("rupees",), frozenset({"INR", "PKR", "LKR", "NPR"})),
    **dict.fromkeys(("shillings",), frozenset({"KES", "UGX", "TZS", "SOS"})),
}
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "A$": "AUD", "C$": "CAD",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "SAR": "SAR", "AED": "AED",
    "KWD": "KWD", "QAR": "QAR", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "CAD": "CAD", "AUD": "AUD",
    "NOK": "NOK", "SEK": "SEK", "DKK": "DKK",
}
# Qualifiers (أكثر من، نحو، nearly, more than) need no list: the amount is read as written and the
# qualifier is left in the text around the evidence span.
# Clause words that make an amount a commitment.
PLEDGE_CUES: tuple[str, ...] = (
    "تعهد", "تعهدت", "تعهدوا", "تعهدات", "التعهدات", "بتعهدات", "تبرع", "تبرعت", "تبرعات", "خصص", "خصصت",
    "ستخصص", "تخصيص", "قدم", "قدمت", "قدمته", "تقديم", "بتقديم", "ستقدم", "سيقدم", "نقدم", "سنقدم", "يقدم",
    "منح", "منحة", "منحت", "مساعدات", "المساعدات", "مساعدة", "مساعداتنا", "إعانات", "دعم", "الدعم", "تمويل",
    "التمويل", "بتمويل", "سنساهم", "ساهم", "ساهمت", "مساهمة", "بمبلغ", "مبلغ", "أعلن", "أعلنت", "جمع",
    "رصد", "رصدت", "إغاثة", "لإغاثة", "الإغاثة", "قرض", "قروض", "التزام", "الالتزامات",
    "pledge", "pledged", "pledges", "pledging", "provide", "provided", "providing", "provides", "committed",
    "commit", "commitment", "announced", "announce", "announcement", "aid", "assistance", "funding", "funds",
    "donated", "donate", "donation", "contributed", "contribute", "contribution", "allocated", "allocate",
    "grant", "grants", "raised", "loan", "loans", "support", "relief", "give", "gave", "given", "gives",
    "giving", "earmarked", "disbursed", "delivered", "mobilised", "mobilized", "released", "finance",
    "financing", "received", "receive",
    "تلقت", "تلقى", "تسلمت",
    # A funding agreement signed with an agency commits its sum (وقع المركز اتفاقية بقيمة ...).
    "اتفاقية", "الاتفاقية", "اتفاقيات", "الاتفاقيات", "اتفاقيتين", "agreement", "agreements",
    # ... and so does a package of them.
    "package", "الحزمة", "حزمة", "بحزمة",
)
# Words near an amount that make it a target, an appeal, a need, a price or a budget: never a pledge.
NON_PLEDGE_CUES: tuple[str, ...] = (
    "المأمول", "لجمع", "هدف", "الهدف", "يهدف", "تهدف", "نداء", "مناشدة", "يناشد", "تحتاج", "يحتاج", "بحاجة",
    "تحتاجها", "يحتاجها", "تحتاجه", "يحتاجه", "نحتاجها",
    "احتياجات", "الاحتياجات", "عجز", "فجوة", "نقص", "ميزانية", "الميزانية", "موازنة", "الموازنة", "سعر",
    "بسعر", "أسعار", "تكلفة", "كلفة", "تكاليف", "خسائر", "الخسائر", "أضرار", "ديون", "الديون", "إيرادات",
    "صادرات", "واردات", "الناتج", "يطلب", "تطلب", "طلب", "يسعى", "تسعى", "السعي", "قيمتها السوقية",
    "target", "goal", "aims", "aim", "appeal", "appealed", "seeks", "seeking", "seek", "needs", "needed",
    "shortfall", "gap", "budget", "price", "priced", "cost", "costs", "losses", "damage", "damages", "debt",
    "revenue", "revenues", "exports", "imports", "gdp", "worth", "requested", "request", "requires",
    "required", "salary", "fine", "fined", "sought", "short", "sold", "bought", "purchase", "valued",
    "profit", "profits", "المطلوب", "المطلوبة", "طلبت", "أرباح", "بيع", "باع", "اشترى",
    "التجاري", "التجارة", "التبادل", "صفقة", "صفقات", "trade", "deal",
)
PRIOR_CUES: tuple[str, ...] = (
    "الأسبوع الماضي", "الشهر الماضي", "العام الماضي", "الماضي", "الماضية", "في وقت سابق من", "سابقا", "سبق أن", "سبق وأن",
    "أعلنت سابقا", "previously", "earlier this", "last week", "last month", "last year", "ago",
    "already announced", "builds on",
)

ARABIC_NUMBER_WORDS: dict[str, float] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8,
    "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20,
    "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60,
    "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "مئتي": 200,
    "مائتي": 200, "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500,
    "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800,
    "ثمانمائة": 800, "تسعمئة": 900, "تسعمائة": 900, "نصف": 0.5, "ربع": 0.25,
}
ENGLISH_NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5, "a": 1, "an": 1,
}

# Dates.
MONTHS_AR: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
# Days of the month as ordinals: في الخامس عشر من آذار.
ORDINAL_DAYS_AR: dict[str, int] = {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
    "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14,
    "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
    "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
    "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
    "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
}
MONTHS_EN: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS_AR: dict[str, int] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
}
WEEKDAYS_EN: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
