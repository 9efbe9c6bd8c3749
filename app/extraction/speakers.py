"""Read who speaks from the words around an attribution verb, and keep one record per person."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from app.extraction import lexicon as lx
from app.extraction.entities import Gazetteer, Match, load_gazetteer
from app.extraction.normalize import Folded, fold_key
from app.extraction.patterns import alternation, folded
from app.extraction.quote_marks import QUOTE_MARKS
from app.extraction.segments import Sentence, sentence_end
from app.extraction.types import ExtractedSpeaker

_BY_START = attrgetter("start")  # bisect key: C-level, unlike a lambda

# (a period ends an abbreviation, U.N., only after a Latin letter: an Arabic name may end a sentence)
_TOKEN = re.compile(r"[^\W\d_]+(?:[.\-'’][^\W\d_]+)*(?:(?<=[A-Za-z])\.)?|\d+|[^\w\s]")
_QUOTE_MARKS = QUOTE_MARKS
_AR_TITLE_HEADS: dict[str, list[list[str]]] = {}
for _head in sorted((folded(h).split() for h in lx.TITLE_HEADS_AR), key=len, reverse=True):
    _AR_TITLE_HEADS.setdefault(_head[0], []).append(_head)
_AR_ORG_HEADS = frozenset(folded(w) for w in (
    "وزارة", "الوزارة", "الحكومة", "حكومة", "الوكالة", "وكالة", "المنظمة", "منظمة", "الرئاسة", "السفارة",
    "سفارة", "المفوضية", "مفوضية", "اللجنة", "لجنة", "البعثة", "بعثة", "الجيش", "مكتب", "المكتب", "صندوق",
    "الصندوق", "برنامج", "البرنامج", "مجلس", "المجلس", "البنك", "الاتحاد", "التحالف", "الخارجية",
    "المركز", "مركز", "الهيئة", "هيئة", "المؤسسة", "مؤسسة", "الجمعية", "جمعية", "الهلال", "الصليب",
    "الحركة", "حركة", "الجماعة", "جماعة", "المحكمة", "محكمة", *lx.ORG_ANAPHORS_AR,
))
_AR_NAME_STOP = frozenset(folded(w) for w in (
    *lx.COMPLEMENTIZERS_AR, "في", "فى", "من", "على", "عن", "إلى", "الى", "خلال", "عقب", "بعد", "قبل", "أمام", "امام",
    "مع", "لدى", "حول", "اليوم", "أمس", "غدا", "يوم", "لقد", "قد", "لن", "لم", "ما", "هذا", "هذه", "الذي", "التي",
    "كما", "بأن", "بان", "وأن", "وان", "أيضا", "ايضا", "مساء", "صباح", "أول", "اول", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "بيان", "كلمة", "تصريح", "تصريحات", "حديث", "لقاء",
    "مؤتمر", "ضرورة", "أهمية", "استعداد", "رفض", "دعم", "تقديم", "عن", "إن", "ان", "و", "بلاده", "بلادها",
    "انه", "أنه", "ليس", "كل", "جميع", "تخصيص", "للصحفيين", "للصحافيين", "للصحافة", "للإعلاميين",
    # parts of a period: أعلنت مطلع الشهر الجاري
    "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "أواسط",
    # "in turn": الذي أعلن بدوره أن; "while", which opens a clause of its own
    "بدوره", "بدورها", "بدورهم", "فيما", "بينما",
))
_AR_HONORIFICS = frozenset(folded(w) for w in (
    "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "الأمير", "الأميرة", "السيد", "السيدة", "المهندس", "المهندسة",
    "الأستاذ", "الأستاذة", "معالي", "سعادة", "فخامة", "سمو",
))
# Words that end a name only when no title precedes it (a three-word name such as «عبد الله بن زايد» after a title).
_AR_WEAK_STOP = frozenset(folded(w) for w in ("بان", "بأن", "صباح", "مساء"))
_AR_RANKS = frozenset(folded(w) for w in ("رفيع", "رفيعة", "كبير", "كبيرة", "بارز", "بارزة", "سابق", "سابقة"))
_ALI = folded("علي")
_AR_COUNTS = frozenset(folded(w) for w, n in lx.ARABIC_NUMBER_WORDS.items() if 2 <= n <= 1000)
_AR_PARTICLES = frozenset(
    folded(w) for w in ("بن", "ابن", "أبو", "ابو", "بو", "عبد", "آل", "كي", "دي", "فان", "ولد", "بنت")
)
_SAY_AR = frozenset(folded(v) for v in lx.SAY_VERBS_AR) - {folded("طالب")}  # also a noun and a name
_GROUP_SUBJECTS = tuple(folded(g) for g in lx.GROUP_SUBJECTS_AR)
_GROUP_HEADS = frozenset(folded(g) for g in lx.GROUP_HEADS_AR)
# Characters after a verb that can hold a title and a name, read on to the end of the word they cut:
# المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان للإغاثة ... الدكتور عبدالله بن عبدالعزيز الربيعة
_SUBJECT_REACH = 160
_WORD_TAIL = re.compile(r"\w*")
_TITLE_WORDS_EN = frozenset(lx.TITLE_WORDS_EN)
_HONORIFICS = frozenset(lx.HONORIFICS_EN)
_ORG_NOUNS_EN = frozenset(lx.ORG_NOUNS_EN)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_PRONOUN_END = re.compile(rf"\b(?:{'|'.join(lx.PRONOUNS_EN)})\s*$", re.IGNORECASE)
_ORG_ROLES = frozenset(
    ("ministry", "agency", "government", "embassy", "mission", "organization", "organisation",
     *lx.ORG_ANAPHORS_EN)
)
# People quoted by what they are rather than by name ("a resident said", "witnesses told Reuters").
_PEOPLE_EN = (
    "resident", "witness", "doctor", "nurse", "guard", "diplomat", "analyst", "lawmaker", "activist",
    "commander", "officer", "negotiator", "mediator", "survivor", "source",
)
_PEOPLE_PLURAL_EN = frozenset((*(f"{p}s" for p in _PEOPLE_EN), "witnesses", "officials"))
_ROLES_EN = alternation((
    "representative", "delegate", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "envoy",
    "ambassador", "president", "secretary", "statement", "coordinator", "commissioner", "chief", "head",
    *_ORG_ROLES, *_PEOPLE_EN, *_PEOPLE_PLURAL_EN,
))
_EN_ROLE = re.compile(
    r"(?:(?:\b(?:the|a|an|its|his|her|their|one|two|three|four|five|several|some|many)"
    r"|(?-i:[A-Z][\w.\-]*)['’]s)"
    rf"\s+(?:[A-Za-z.\-]+(?:['’]s)?\s+){{0,3}}(?P<role>{_ROLES_EN})"
    # People named by what they are need no determiner: "Witnesses said", "Western diplomats said".
    rf"|(?<![\w.\-])(?:(?-i:[A-Z][\w.\-]*)\s+){{0,2}}(?P<people>{alternation(_PEOPLE_PLURAL_EN)}))"
    # ... and may say where they are: "two residents of the camp".
    r"(?:\s+(?:of|in|at|from)\s+(?:the\s+)?(?:[\w.'’\-]+\s+){0,2}?[\w.'’\-]+)?\s*$",
    re.IGNORECASE,
)
# A role after the verb ("..., said the agency"), or opening a sentence ("The U.N. relief chief
# appealed ...").
_ROLE_AFTER_EN = re.compile(rf"\s+(the\s+(?:[A-Za-z\-]+\s+){{0,2}}?(?:{_ROLES_EN}))(?![\w\-])", re.IGNORECASE)
_ROLE_OPENING_EN = re.compile(rf"\s*(the\s+(?:[\w.\-]+\s+){{0,3}}?(?:{_ROLES_EN}))(?![\w\-])", re.IGNORECASE)
# "the UN's relief chief, Jane Smith": a role, a comma, and a name of two to four capitalized words.
_DESCRIBED_NAME_EN = re.compile(
    r"\s+the\s+(?P<role>(?:[\w.'’\-]+\s+){0,5}[\w.'’\-]+),"
    r"\s+(?P<name>(?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)"
)
_GOVERNED_EN = re.compile(r"\b(?:to|from|in|at|on|with|by|of|told)\s+$")
# A personal name alone: two to four capitalized words.
_PLAIN_NAME = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*")
# A title in lower case before a name, as wire style writes it: "U.N. humanitarian chief", "Sudanese
# army spokesman", "Hamas official", "Germany's development minister, X": up to three capitalized words
# (an organization, a nationality), up to two lower-case ones, and the role.
LOWER_ROLE_EN = rf"(?:(?-i:[a-z][a-z\-]*)\s+){{0,2}}(?:{alternation(lx.LOWER_CASE_TITLES_EN)})"
_LOWER_TITLE_EN = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?:the\s+)?(?P<title>(?:(?-i:[A-Z][\w.'’\-]*)\s+){{0,3}}{LOWER_ROLE_EN}),?\s+$"
)
_TIME_BEFORE_VERB_EN = re.compile(
    r"(?<=\S)\s*,?\s+(?:"
    rf"(?:(?:on|early|late)\s+)?(?:{alternation(lx.WEEKDAYS_EN)})(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|earlier\s+this|later\s+this)\s+(?:week|month|year)"
    r"|earlier|later|also|again|previously|yesterday|today)$",
    re.IGNORECASE,
)
# Capitalized words (U.S. within a run), or an Arabic surname with its article (al-Sisi, el-Sisi).
_EN_ARTICLE = r"(?:(?:al|el)-)?"
_EN_CAPS_RUN = re.compile(
    # (a run starts at a word's start: the "al" of "official" is no particle)
    rf"((?<![\w'’\-])(?:(?:{_EN_ARTICLE}[A-Z][\w'’.\-]*"
    r"|of|for|the|and|de|al|bin|van|von|der|den|del|da|di|du|la|le|dos)\s+)*"
    rf"{_EN_ARTICLE}[A-Z][\w'’\-]*\.?)\s*$"
)


@dataclass(slots=True)
class Subject:
    """A speaker as found at one mention (folded coordinates for the name span)."""

    name: str
    title: str | None
    organization: str | None
    kind: str
    start: int
    end: int
    is_country: bool = False


def _tokens(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The tokens of text[start:end] as parallel lists: words, and where each starts and ends in text.

    The regex engine lists the words; each is then found from the end of the one before, since
    the characters between two tokens (spaces, "_") cannot start one.
    """
    words = _TOKEN.findall(text, start, end)
    starts, ends = [], []
    for word in words:
        start = text.find(word, start)
        starts.append(start)
        start += len(word)
        ends.append(start)
    return words, starts, ends


def _strip_clitic_entity(tok: str) -> str:
    return tok[1:] if tok[:1] in "لب" and len(tok) > 3 else tok


def arabic_subject_after(f: Folded, pos: int, limit: int, entities: list[Match], gazetteer: Gazetteer) -> tuple[Subject | None, int]:
    """Parse title + name (or an organization) right after an Arabic verb; returns it and where it ends."""
    text = f.text
    reach = min(limit, pos + _SUBJECT_REACH)
    words, starts, ends = _tokens(text, pos, min(limit, _WORD_TAIL.match(text, reach).end()))
    i = 0
    title_start = title_end = None
    organization: str | None = None
    # Title head (وزير الخارجية, الأمين العام) and its complements (nationality, organization, لدى العراق).
    for head in _AR_TITLE_HEADS.get(words[0], []) if words else []:
        if words[i : i + len(head)] == head:
            title_start, i = starts[0], len(head)
            while i < len(words):
                word = words[i]
                # Linking words take the next word into the title: لدى العراق, باسم الوزارة,
                # لشؤون اللاجئين (folded: لشوون / لشيون).
                if word in ("لدي", "باسم", "في", "فى", "لشوون", "لشيون") and i + 1 < len(words):
                    i += 2
                    continue
                # A verbal noun with ل and its object: لإدارة الأزمات, للاستجابة الإنسانية (folded لادارة).
                if word.startswith("لا") and len(word) >= 5 and i + 1 < len(words) \
                        and words[i + 1].startswith("ال"):
                    i += 2
                    continue
                if word in _AR_HONORIFICS:
                    break
                # A second title: المستشار بالديوان الملكي المشرف العام على المركز.
                chained = next((h for h in _AR_TITLE_HEADS.get(word, []) if words[i : i + len(h)] == h), None)
                if chained is not None and i + len(chained) < len(words):
                    i += len(chained)
                    continue
                entity = _entity_at(entities, starts[i], starts[i] + 2)
                if entity is not None:
                    if organization is None:
                        organization = entity.entry.name_ar or entity.entry.name
                    while i < len(words) and ends[i] <= entity.end:
                        i += 1
                    continue
                # A complement joined to the one before: وزير الخارجية والهجرة, لشؤون المساواة وإدارة الأزمات.
                joined = word.startswith("و") and len(word) >= 4 and not {word, word[1:]} & _SAY_AR
                if joined and (word.startswith("وال") or (i + 1 < len(words) and words[i + 1].startswith("ال"))):
                    i += 1 if word.startswith("وال") else 2
                    continue
                # The title's complements: الخارجية, للأمم, بالديوان (the last with its preposition).
                if word.startswith(("ال", "لل", "بال")) and word not in _AR_NAME_STOP and word not in _SAY_AR:
                    adjective = gazetteer.adjectives.get(fold_key(word))
                    if adjective is not None and organization is None:
                        organization = adjective.name_ar or adjective.name
                    i += 1
                    continue
                # An indefinite title takes an indefinite nationality and rank: مسؤول أمريكي رفيع.
                adjective = gazetteer.adjectives.get(fold_key("ال" + word))
                if adjective is not None or word in _AR_RANKS:
                    if adjective is not None and organization is None:
                        organization = adjective.name_ar or adjective.name
                    i += 1
                    continue
                break
            title_end = ends[i - 1]
            break
    # An Arabic title may be followed by a comma before the name (الأمين العام للأمم المتحدة، أنطونيو ...).
    if title_end is not None and i + 1 < len(words) and words[i] in ("،", ","):
        if _name_like(words[i + 1], 0):
            i += 1
    if title_start is None and len(words) > 1 and (words[0] in _AR_COUNTS or words[0].isdigit()) \
            and _name_like(words[1], 1):
        # A counted group: خمس دول مانحة رئيسة, ثلاثة مسؤولين.
        j = 2
        while j < min(len(words), 4) and _name_like(words[j], 1) and not words[j].startswith("ال"):
            j += 1
        g_end = ends[j - 1]
        return Subject(_original(f, starts[0], g_end), None, None, "group", starts[0], g_end), g_end
    if title_start is None and words and words[0] in _GROUP_HEADS:
        # "مصادر مطلعة" / "مسؤولون أمريكيون": a group, with at most one describing word.
        g_end = ends[1] if len(words) > 1 and _name_like(words[1], 1) else ends[0]
        return Subject(_original(f, starts[0], g_end), None, None, "group", starts[0], g_end), g_end
    if title_start is None and words and words[0] in _AR_ORG_HEADS and not words[0].startswith("ال") \
            and _entity_at(entities, starts[0]) is None:
        # An organization named by its kind and its own name (مؤسسة مبادرات محمد بن راشد آل مكتوم
        # العالمية), never a person's name.
        j = 1
        while j < min(len(words), 9) and (_name_like(words[j], 1) or words[j] in _AR_PARTICLES):
            j += 1
        start, org_end = starts[0], ends[j - 1]
        return Subject(_original(f, start, org_end), None, None, "organization", start, org_end), org_end
    name_tokens: list[int] = []  # indices into words
    honorific = 0  # honorifics before the name, one or more: سعادة السيد ...
    while i < len(words) and words[i] in _AR_HONORIFICS:
        name_tokens.append(i)
        honorific += 1
        i += 1
    # A name may sit in quotes (“سامي الخطيب”); a long quoted run is the quote itself, not a name.
    if i < len(words) and words[i] in _QUOTE_MARKS:
        closing = next((j for j in range(i + 1, min(i + 5, len(words))) if words[j] in _QUOTE_MARKS), None)
        if closing is None:
            return _title_only(f, title_start, title_end, organization, pos)
        i += 1
    quoted = i > 0 and words[i - 1] in _QUOTE_MARKS
    after_title = title_end is not None or honorific
    # At most four names; particles (بن، عبد، آل) join names without counting: محمد بن عبد الرحمن آل ثاني.
    names = 0
    while i < len(words) and (names < 4 or (name_tokens and words[name_tokens[-1]] in _AR_PARTICLES)):
        word = words[i]
        first = len(name_tokens) == honorific
        if not (_name_like(word, len(name_tokens) - honorific)
                or (after_title and first and word in _AR_WEAK_STOP)
                or (word == _ALI and _is_ali(f, words, starts, ends, i, after_title or not first))):
            break
        if word in _AR_WEAK_STOP and not (after_title and first):
            break
        if len(name_tokens) - honorific >= 2 and not (
                word.startswith("ال") or words[name_tokens[-1]] in _AR_PARTICLES or len(word) <= 3
                or _ends_name(words, i)):
            break
        # A title after the name is none of it: خليفة الكواري المدير العام.
        if len(name_tokens) > honorific and _title_head_at(words, i):
            break
        # A noun with its nationality is the verb's object, not a surname: ثمن ... بيسيغان الدعم السعودي.
        if name_tokens and word.startswith("ال") and i + 1 < len(words) \
                and gazetteer.adjectives.get(fold_key(words[i + 1])) is not None:
            break
        name_tokens.append(i)
        names += word not in _AR_PARTICLES and not (honorific and len(name_tokens) == 1)
        i += 1
    while name_tokens and words[name_tokens[-1]] in _AR_PARTICLES:
        name_tokens.pop()  # a name does not end in بن or عبد
    end = ends[name_tokens[-1]] if name_tokens else (title_end or pos)
    title = text[title_start:title_end] if title_start is not None and title_end is not None else None
    if name_tokens:
        start = starts[name_tokens[0]]
        entity = _entity_at(entities, start)
        if entity is not None and title is None:
            return _entity_subject(f, entity), entity.end
        np_end = ends[i] if quoted and i < len(words) and words[i] in _QUOTE_MARKS else end
        # A title after the name: أحمد الخطيب، وزير الخارجية، ... / خليفة الكواري المدير العام
        comma = i < len(words) and words[i] in ("،", ",")
        if title is None and i + comma < len(words) and _title_head_at(words, i + comma):
            after, _ = arabic_subject_after(f, starts[i + comma], limit, entities, gazetteer)
            if after is not None and after.kind == "person" and after.name == after.title:
                title_start, title_end, organization = after.start, after.end, after.organization
        return Subject(_original(f, start, end), _original_opt(f, title_start, title_end), organization, "person", start, end), np_end
    if title is not None:
        return _title_only(f, title_start, title_end, organization, pos)
    if words:
        entity = _entity_at(entities, starts[0])
        if words[0] in _AR_ORG_HEADS:
            j = 1
            while j < len(words) and words[j].startswith(("ال", "لل")) and words[j] not in _AR_NAME_STOP:
                j += 1
            start, org_end = starts[0], ends[j - 1]
            return Subject(_original(f, start, org_end), None, None, "organization", start, org_end), org_end
        if entity is not None:
            return _entity_subject(f, entity), entity.end
        group = next((g for g in _GROUP_SUBJECTS if text.startswith(g, starts[0])), None)
        if group is not None:
            g_end = starts[0] + len(group)
            return Subject(_original(f, starts[0], g_end), None, None, "group", starts[0], g_end), g_end
    return None, pos


_NAMED_BEFORE_TRIES = 4  # the nearest mentions of a surname that are looked at


def arabic_named_before(
    f: Folded, start: int, end: int, entities: list[Match], gazetteer: Gazetteer
) -> Subject | None:
    """The person a lone surname names again (وأكد البيز أن ...): the nearest mention before it with
    a title or an honorific (المهندس أحمد بن علي البيز) of a name ending in that word, though no
    quote was taken from where they were named."""
    surname = f.text[start:end]
    if not _name_like(surname, 1):
        return None  # وأشار إلى ...: a preposition, no surname
    pos, tries = start, _NAMED_BEFORE_TRIES
    while tries and (pos := f.text.rfind(surname, 0, pos)) >= 0:
        name_end = pos + len(surname)
        if (pos and f.text[pos - 1].isalpha()) or (name_end < len(f.text) and f.text[name_end].isalpha()):
            continue
        tries -= 1
        # (read on past the name, for a title after it: خليفة الكواري المدير العام)
        for subject in _titled_up_to(f, pos, name_end + _SUBJECT_REACH, entities, gazetteer):
            if subject.end == name_end:
                return subject
    return None


def _titled_up_to(
    f: Folded, before: int, end: int, entities: list[Match], gazetteer: Gazetteer
) -> Iterator[Subject]:
    """Titled or honored persons named up to `end`, read from each title or honorific in the reach
    before `before`, nearest first."""
    words, starts, _ = _tokens(f.text, max(0, before - _SUBJECT_REACH), before)
    for i in range(len(words) - 1, -1, -1):
        if words[i] not in _AR_TITLE_HEADS and words[i] not in _AR_HONORIFICS:
            continue
        subject, _ = arabic_subject_after(f, starts[i], end, entities, gazetteer)
        if subject is not None and subject.kind == "person" and subject.name != subject.title:
            yield subject


_RELATIVE_AR = re.compile(r"(?<=[^\s،,])[\s،,]*(?<![^\W\d_])(?:الذي|التي)\s*$")


def arabic_relative_subject(
    f: Folded, clause_start: int, verb_start: int, entities: list[Match], gazetteer: Gazetteer
) -> Subject | None:
    """Whom a relative clause tells of (... مع المبعوث الخاص توم بيرييلو، الذي أعلن أن ...): the titled
    person or the organization named right before الذي."""
    relative = _RELATIVE_AR.search(f.text, clause_start, verb_start)
    if relative is None:
        return None
    end = relative.start()
    entity = next((e for e in entities if e.end == end), None)
    if entity is not None and not entity.entry.is_place:
        return _entity_subject(f, entity)
    return next((s for s in _titled_up_to(f, end, end, entities, gazetteer) if s.end == end), None)


def arabic_titled_again(f: Folded, subject: Subject, entities: list[Match], gazetteer: Gazetteer) -> Subject:
    """The person a title alone names again (وأوضح المبعوث الأمريكي): the nearest mention before it
    of that title with a name (المبعوث الأمريكي الخاص للسودان توم بيرييلو); else the title."""
    text, title = f.text, f.text[subject.start : subject.end]
    pos, tries = subject.start, _NAMED_BEFORE_TRIES
    while tries and (pos := text.rfind(title, 0, pos)) >= 0:
        # A word of its own, but for a conjunction or a preposition before it (والمبعوث, بالوزير).
        clitic = text[pos - 1 : pos] in ("و", "ف", "ب", "ل") and not text[pos - 2 : pos - 1].isalpha()
        after = pos + len(title)
        if (text[pos - 1 : pos].isalpha() and not clitic) or text[after : after + 1].isalpha():
            continue
        tries -= 1
        earlier, _ = arabic_subject_after(f, pos, len(f.text), entities, gazetteer)
        if earlier is not None and earlier.kind == "person" and earlier.name != earlier.title:
            return earlier
    return subject


_KANA_SUBJECT = re.compile(r"(?<![^\W\d_])(?:و|ف)?(?:كان|كانت)\s+")


def arabic_subject_before(f: Folded, clause_start: int, verb_start: int, entities: list[Match], gazetteer: Gazetteer) -> Subject | None:
    """The subject fronted before a verb by كان: وكان الوزير قد أكد أن ... With قد, anything may stand
    between the subject and قد; without it (وكانت الوزيرة أعلنت أن ...), the verb must follow the
    subject at once."""
    head = f.text[clause_start:verb_start]
    kanas = list(_KANA_SUBJECT.finditer(head))
    if not kanas:
        return None
    with_qad = re.search(r"(?<![^\W\d_])قد\s*$", head) is not None
    subject, end = arabic_subject_after(f, clause_start + kanas[-1].end(), verb_start, entities, gazetteer)
    if subject is None or (not with_qad and f.text[end:verb_start].strip()):
        return None
    return subject


def _title_only(f: Folded, start: int | None, end: int | None, organization: str | None, pos: int) -> tuple[Subject | None, int]:
    """A speaker known only by title (المتحدث باسم الوزارة)."""
    if start is None or end is None:
        return None, pos
    title = _original(f, start, end)
    return Subject(title, title, organization, "person", start, end), end


def _ends_name(words: list[str], i: int) -> bool:
    """A third name word (جان كريستوف كاريه) is taken when a boundary follows it and it is no noun in ة."""
    if words[i].endswith("ة"):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else "."
    return nxt in _AR_NAME_STOP or not nxt[0].isalpha()


def _is_ali(
    f: Folded, words: list[str], starts: list[int], ends: list[int], i: int, after_title: bool
) -> bool:
    """The name علي, which folds as the preposition على does: only where it is spelled with its dotted
    yaa and stands after a title or within a name (الوزير علي ..., أحمد بن علي البيز), or before a name
    and an appositive title (علي الحسن، مدير ...)."""
    s, e = f.span(starts[i], ends[i])
    if f.original[s:e] != "علي":
        return False
    if after_title:
        return True
    j = i + 1
    while j < len(words) and j - i <= 3 and _name_like(words[j], j - i):
        j += 1
    return i + 1 < j < len(words) - 1 and words[j] in ("،", ",") and words[j + 1] in _AR_TITLE_HEADS


def _title_head_at(words: list[str], i: int) -> bool:
    return any(words[i : i + len(head)] == head for head in _AR_TITLE_HEADS.get(words[i], ()))


def _name_like(word: str, position: int) -> bool:
    if len(word) < 2 or not _ARABIC_WORD.fullmatch(word):
        return False
    if word in _AR_NAME_STOP or word in _SAY_AR:
        return False
    if (position == 0 and word.startswith("ال")) or word.startswith(("لل", "بال", "وال")):
        return False
    return True


def _entity_at(entities: list[Match], pos: int, upto: int | None = None) -> Match | None:
    """The entity covering pos (or starting before upto, for a token with an attached proclitic)."""
    i = bisect_right(entities, pos, key=_BY_START) - 1
    if i >= 0 and entities[i].start <= pos < entities[i].end:
        return entities[i]
    if upto is not None and i + 1 < len(entities) and pos <= entities[i + 1].start <= upto:
        return entities[i + 1]
    return None


def _entity_subject(f: Folded, entity: Match) -> Subject:
    name = _original(f, entity.start, entity.end)
    kind = "organization"
    return Subject(name, None, entity.entry.name, kind, entity.start, entity.end, is_country=entity.entry.is_place)


def english_subject_before(f: Folded, clause_start: int, verb_start: int, entities: list[Match]) -> Subject | None:
    """The noun phrase right before an English verb: Smith / UN Secretary-General Jane Smith / its representative."""
    text = f.text
    head = text[clause_start:verb_start].rstrip()
    # Drop an appositive between the name and the verb: "Dr. Jane Smith, the Administrator of ..., announced".
    appositive = re.search(r",[^,]{3,120},\s*$", head)
    if appositive and re.search(r"[A-Z][\w'’\-]+\s*$", head[: appositive.start()]) \
            and not _PLAIN_NAME.fullmatch(appositive.group().strip(" ,")):
        head = head[: appositive.start()]  # but "The UN's envoy in Sudan, Jane Doe, said" names Jane Doe
    head = head.rstrip(" ,")  # "The bloc's envoy, Jane Doe, told ..." keeps the name before the comma
    # A time between the subject and its verb: "The United States on Thursday announced".
    head = _TIME_BEFORE_VERB_EN.sub("", head, count=1)
    base = clause_start
    if _PRONOUN_END.search(head):
        return None
    caps = _EN_CAPS_RUN.search(head)
    if not caps or caps.group(1) in ("The", "A", "An", "It", "Its") or \
            caps.group(1).lower() in _PEOPLE_PLURAL_EN:
        role = _EN_ROLE.search(head)  # a speaker named by role: "its representative", "a Chinese delegate"
        if role is None:
            return None
        entity = _entity_at(entities, base + role.end() - 1)
        if entity is not None and not entity.entry.is_place:  # "the UN refugee agency" is a name
            return _entity_subject(f, entity)
        start = base + role.start()
        noun = (role.group("role") or role.group("people")).lower()
        kind = "organization" if noun in _ORG_ROLES else "group" if noun in _PEOPLE_PLURAL_EN else "person"
        return Subject(_original(f, start, base + role.end()), None, None, kind, start, base + role.end())
    run_start = base + caps.start(1)
    run = caps.group(1)
    # Two subjects joined: "Trudeau and Italian Prime Minister Giorgia Meloni" (but "Minister of Foreign
    # Affairs and International Cooperation" is one title): the one next to the verb.
    joined = [
        m for m in re.finditer(r"\s+and\s+", run) if run[: m.start()].split()[-1] not in _TITLE_WORDS_EN
    ]
    if joined:
        run_start += joined[-1].end()
        run = run[joined[-1].end() :]
    entity = _entity_at(entities, run_start + len(run) - 1)
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", run)]
    # Trailing words that are not title words make the name; the rest is the title.
    k = len(words)
    while k > 0 and words[k - 1][1].rstrip(",") not in _TITLE_WORDS_EN and words[k - 1][1] not in _HONORIFICS:
        if entity is not None and run_start + words[k - 1][0] >= entity.start:
            break
        k -= 1
    name_words = words[k:]
    if entity is not None and (not name_words or run_start + name_words[0][0] >= entity.start):
        if entity.end >= run_start + len(run) - 1:
            return _entity_subject(f, entity)
    # An organization's head noun among the name's words (or the title's, without a name): U.S. Embassy.
    if any(w.rstrip(",.") in _ORG_NOUNS_EN for _, w in name_words or words):
        lead = 1 if words[0][1].lower() == "the" and len(words) > 1 else 0
        org_start = run_start + words[lead][0]
        org_end = run_start + len(run)
        return Subject(_original(f, org_start, org_end), None, None, "organization", org_start, org_end)
    if not name_words:
        title_start = run_start + words[0][0]
        title_end = run_start + len(run)
        return Subject(_original(f, title_start, title_end), _original(f, title_start, title_end), None, "person", title_start, title_end)
    capitalized = [i for i, (_, w) in enumerate(name_words) if w[:1].isupper()]
    if len(capitalized) > 3:  # a name has at most three words, and its particles (von der Leyen) ...
        # ... and two after a title's portfolio: "Commissioner for Crisis Management Janez Lenarcic".
        keep = 2 if k and words[k - 1][1] in ("for", "of") else 3
        k += capitalized[-keep]
        name_words = words[k:]
    start = run_start + name_words[0][0]
    end = run_start + len(run)
    title_words = [w for _, w in words[:k] if w not in _HONORIFICS and w.lower() != "the"]
    while title_words and title_words[0] == "and":
        title_words.pop(0)  # ("and" within a title stays: "Minister of Planning and Cooperation")
    title_start = run_start
    if not title_words and (lower := _LOWER_TITLE_EN.search(head, 0, caps.start(1))) is not None:
        title_start = base + lower.start("title")
        title_words = lower.group("title").split()
    title = " ".join(title_words) or None
    org = None
    if title:
        org_entity = next((e for e in entities if title_start <= e.start < start), None)
        # Else a nationality in the title: "Swedish Foreign Minister X" speaks for Sweden.
        country = org_entity.entry if org_entity else next(
            (c for w in title_words if (c := load_gazetteer().adjectives.get(fold_key(w))) is not None), None
        )
        org = country.name if country else None
    return Subject(_original(f, start, end), title, org, "person", start, end)


_SURNAME_EN = re.compile(r"[A-Z][\w'’\-]+")
_FIRST_NAMES_EN = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*\s+$")


def english_named_before(f: Folded, subject: Subject, entities: list[Match]) -> Subject:
    """The person a lone surname names again ("Meloni told ..."): the nearest full name before it
    that ends in it, with its title ("Italian Prime Minister Giorgia Meloni"); else the surname."""
    if subject.kind != "person" or subject.title is not None or not _SURNAME_EN.fullmatch(subject.name):
        return subject
    text, surname = f.text, subject.name
    pos, tries = subject.start, _NAMED_BEFORE_TRIES
    while tries and (pos := text.rfind(surname, max(0, subject.start - 3000), pos)) >= 0:
        end = pos + len(surname)
        if text[end : end + 1].isalnum() or not _FIRST_NAMES_EN.search(text, max(0, pos - 60), pos):
            continue
        tries -= 1
        earlier = english_subject_before(f, max(0, pos - _SUBJECT_REACH), end, entities)
        if earlier is not None and earlier.kind == "person" and " " in earlier.name \
                and earlier.name.split()[-1] == surname:
            return earlier
    return subject


def english_person_in(f: Folded, start: int, end: int, entities: list[Match]) -> Subject | None:
    """The first titled or full personal name in a span, or a surname of one named before: whom a
    later "he said" refers to."""
    for run in re.finditer(r"(?:[A-Z][\w'’\-]*\.?,?\s+(?:of\s+|for\s+|the\s+)?)*[A-Z][\w'’\-]*", f.text[start:end]):
        if len(run.group().split()) < 2:
            # A person read from one word has no full name, unless one opening the span is named so
            # before: "Khalil thanked the leaders and said ...".
            if run.start() == 0 and (one := english_subject_before(f, start, start + run.end(), entities)):
                named = english_named_before(f, one, entities)
                if named is not one:
                    return named
            continue
        subject = english_subject_before(f, start + run.start(), start + run.end(), entities)
        if subject is None or subject.is_country or subject.kind != "person" or " " not in subject.name \
                or subject.name == subject.title:
            continue
        if subject.start > start + run.start() or \
                not _GOVERNED_EN.search(f.text, max(start, subject.start - 8), subject.start):
            return subject  # but not "Speaking to Al Jazeera": whom one speaks to, or where, does not speak
    return None


def english_role_opening(f: Folded, start: int, end: int, entities: list[Match]) -> Subject | None:
    """A speaker named by role at the start of a sentence: "The U.N. relief chief appealed ..., saying"."""
    role = _ROLE_OPENING_EN.match(f.text, start, end)
    if role is None:
        return None
    return english_subject_before(f, role.start(1), role.end(1), entities)


def english_subject_after(f: Folded, pos: int, entities: list[Match]) -> Subject | None:
    """The name right after an English verb: said Dr. Shah / said the minister / said the UN's
    relief chief, Jane Smith (the name, titled by what comes before it)."""
    window = f.text[pos : pos + 120]
    described = _DESCRIBED_NAME_EN.match(window)
    if described:
        name_start, name_end = pos + described.start("name"), pos + described.end("name")
        subject = english_subject_before(f, name_start, name_end, entities)
        if subject is not None and subject.kind == "person" and subject.title is None:
            subject.title = described.group("role")
            return subject
    role = _ROLE_AFTER_EN.match(window)
    if role is not None:
        return english_subject_before(f, pos + role.start(1), pos + role.end(1), entities)
    m = re.match(r"\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?:[A-Z][\w'’\-]*\.?\s+){0,4}[A-Z][\w'’\-]*)", window)
    if not m:
        return None
    end = pos + m.end(1)
    # The name ends with its sentence: "said Omar Haddad. He left" (but "said John F. Kennedy").
    stop = sentence_end(f.text, pos + m.start(1), end)
    return english_subject_before(f, pos + m.start(1), end if stop is None else stop - 1, entities)


# Who issued a statement: بيان صادر عن الوزارة, "a statement from the U.N. office", "a joint statement by".
_ISSUED_BY = re.compile(
    r"(?<![^\W\d_])(?:بيان|بيانا|البيان|statement)\s+(?:(?:صادر|صادرا|مشترك|مشتركا|رسمي|رسميا|issued|released"
    r"|joint)\s+)?(?:عن|من|by|from)\s+",
    re.IGNORECASE,
)


def statement_issuer(f: Folded, start: int, end: int, entities: list[Match], *, last: bool) -> Subject | None:
    """The organization that issued the first (or `last`) statement said to be from one between
    `start` and `end`, named within a few words of "from"."""
    issued = list(_ISSUED_BY.finditer(f.text, start, end))
    for m in reversed(issued) if last else issued:
        lo = bisect_left(entities, m.end(), key=_BY_START)
        entity = entities[lo] if lo < len(entities) and entities[lo].start < m.end() + 30 else None
        if entity is not None and len(f.text[m.end() : entity.start].split()) <= 2:
            return _entity_subject(f, entity)
    return None


_ANAPHOR_EN = re.compile(rf"the\s+({alternation(lx.ORG_ANAPHORS_EN)})", re.IGNORECASE)
_ANAPHORS_AR = {folded(word): head for word, head in lx.ORG_ANAPHORS_AR.items()}


def organization_antecedent(
    f: Folded, before: list[Sentence], subject: Subject, entities: list[Match]
) -> Subject | None:
    """The organization that "the agency" or الوكالة names again: the first one of a kind it can
    refer to, in the nearest of the sentences before (nearest last) that names one."""
    name = f.text[subject.start : subject.end]
    english = _ANAPHOR_EN.fullmatch(name)
    head = lx.ORG_ANAPHORS_EN[english.group(1).lower()] if english else _ANAPHORS_AR.get(name)
    if head is None:
        return None
    kinds = lx.ORG_ANAPHORS[head]
    for sentence in reversed(before):
        lo = bisect_left(entities, sentence.start, key=_BY_START)
        for entity in entities[lo:]:
            if entity.start >= sentence.end:
                break
            entry = entity.entry
            if entry.kind in kinds or (entry.kind != "news agency" and head in entry.name.lower().split()):
                return _entity_subject(f, entity)
    return None


def _original(f: Folded, start: int, end: int) -> str:
    s, e = f.span(start, end)
    return f.original[s:e].strip(_QUOTE_MARKS + " ")


def _original_opt(f: Folded, start: int | None, end: int | None) -> str | None:
    return _original(f, start, end) if start is not None and end is not None else None


@dataclass(slots=True)
class SpeakerBook:
    """One record per speaker: later mentions (surname, title alone) fold into the first fuller one."""

    speakers: list[ExtractedSpeaker] = field(default_factory=list)

    def by_surname(self, word: str) -> ExtractedSpeaker | None:
        """The one known person whose name ends in this word (وأضاف الربيعة ...), if only one does."""
        key = fold_key(word)
        found = [s for s in self.speakers if s.kind == "person" and fold_key(s.name).split()[-1:] == [key]]
        return found[0] if len(found) == 1 else None

    def titled(self, title: str) -> bool:
        """Whether a known speaker carries this title, whom the title alone then names."""
        key = fold_key(title)
        return any(s.title is not None and fold_key(s.title) == key for s in self.speakers)

    def resolve(self, subject: Subject, f: Folded) -> ExtractedSpeaker:
        key_tokens = fold_key(subject.name).split()
        for speaker in self.speakers:
            known = fold_key(speaker.name).split()
            same_title = subject.title is not None and subject.name == subject.title and speaker.title is not None \
                and fold_key(speaker.title) == fold_key(subject.title)
            # One name within the other (Blinken, Antony Blinken, Antony J. Blinken) is one person;
            # two full names that share only a family name (Khalid and Walid Al-Khatib) are two.
            same_organization = subject.kind == speaker.kind == "organization" \
                and subject.organization is not None and speaker.organization == subject.organization
            # A group is not the organization it belongs to (U.N. officials, the U.N.).
            if key_tokens == known or same_title or same_organization or (
                    key_tokens and known and subject.kind == speaker.kind
                    and (set(key_tokens) <= set(known) or set(known) <= set(key_tokens))):
                if len(key_tokens) > len(known) and subject.name != subject.title:
                    speaker.aliases.append(speaker.name)
                    speaker.name = subject.name
                    speaker.start, speaker.end = f.span(subject.start, subject.end)
                elif subject.name != speaker.name and subject.name not in speaker.aliases:
                    speaker.aliases.append(subject.name)
                if speaker.title is None and subject.title:
                    speaker.title = subject.title
                if speaker.organization is None and subject.organization:
                    speaker.organization = subject.organization
                return speaker
        start, end = f.span(subject.start, subject.end)
        speaker = ExtractedSpeaker(name=subject.name, title=subject.title, organization=subject.organization,
                                   kind=subject.kind, start=start, end=end,  # type: ignore[arg-type]
                                   name_en=subject.name if subject.name.isascii() else None)
        self.speakers.append(speaker)
        return speaker
