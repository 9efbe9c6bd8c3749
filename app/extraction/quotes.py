"""Find direct and reported quotes and attribute each to a speaker."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

from app.extraction import lexicon as lx
from app.extraction.entities import Gazetteer, Match
from app.extraction.normalize import Folded
from app.extraction.patterns import WORD_END, alternation, folded
from app.extraction.quote_marks import QUOTE_MARKS, QuotePair, pair_quote_marks
from app.extraction.segments import Sentence, sentence_at, sentence_end
from app.extraction.speakers import (
    LOWER_ROLE_EN,
    SpeakerBook,
    Subject,
    arabic_named_before,
    arabic_relative_subject,
    arabic_subject_after,
    arabic_subject_before,
    arabic_titled_again,
    english_named_before,
    english_person_in,
    english_role_opening,
    english_subject_after,
    english_subject_before,
    organization_antecedent,
    statement_issuer,
)
from app.extraction.types import ExtractedQuote, ExtractedSpeaker

_BY_START = attrgetter("start")  # bisect key: C-level, unlike a lambda

_MARKS = QUOTE_MARKS
_MARK_RE = re.compile(f"[{_MARKS}]")
# Verb patterns open with the verb itself (fast scanning); the word start and an attached و/ف are
# checked in `_verbs`. English runs on lower-cased text for the same reason.
_VERB_AR = re.compile(rf"(?:{alternation(lx.SAY_VERBS_AR)}){WORD_END}")
_VERB_EN = re.compile(rf"(?:{alternation((*lx.SAY_VERBS_EN, 'according to', 'according'))}){WORD_END}")
_PARTICIPLES = frozenset(folded(p) for p in lx.PARTICIPLES_AR) | frozenset(lx.PARTICIPLES_EN)
_COMPLEMENTIZER_AR = re.compile(rf"(?<![^\W\d_])(?:و|ب)?(?:{alternation(lx.COMPLEMENTIZERS_AR)}){WORD_END}")
_SOURCE_THEN_SPEECH = re.compile(rf"\s*[،,]?\s*(?:{_COMPLEMENTIZER_AR.pattern})\s*[{_MARKS}]")
_VERB_PREP_AR = re.compile(rf"\s*(?:{alternation(lx.VERB_PREPOSITIONS_AR)})(?![^\W\d_])")
_PRONOUN_END = re.compile(rf"\b(?:{'|'.join(lx.PRONOUNS_EN)})\s*$", re.IGNORECASE)
_IT_END = re.compile(r"\bit\s*$", re.IGNORECASE)
_OWN_OCCASIONS_AR = [
    occasion + suffix
    for occasion in ("لقائ", "استقبال", "اجتماع", "كلمت", "زيارت", "مشاركت", "حديث", "مقابلت", "تصريحات",
                     "اتصال", "ترؤس", "جولت")
    for suffix in ("ه", "ها", "هم")
]
_CLAUSE_CUT = re.compile(
    rf"[،,]\s*(?:(?:فيما|بينما|while)\s+)?(?:(?:و|ف)?(?:{alternation(lx.SAY_VERBS_AR)}){WORD_END}|(?:{alternation(lx.ACCORDING_AR)})|"
    rf"(?:according|he said|she said|he added|she added|adding|noting|saying)\b"
    # "، وذلك خلال ...": what follows tells the occasion, not what was said; so does the speaker's own
    # occasion, "، خلال لقائه ...", "، لدى استقباله ...".
    rf"|وذلك{WORD_END}|(?:{alternation(('خلال', 'أثناء', 'لدى', 'في', 'عقب', 'على هامش'))})\s+"
    rf"(?:{alternation(_OWN_OCCASIONS_AR)}){WORD_END})",
    re.IGNORECASE,
)
_TALIB = folded("طالب")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?؟:\n])\s*$")
# The word that opens a sentence, most often its verb (ووجه، فأكد), after a short fronted phrase
# (من جانبه، بدوره،) if there is one.
_OPENING_VERB_AR = re.compile(
    r"\s*(?:[^،,.\n]{1,20}[،,]\s*)?[وف]?(?!(?:في|من|على|علي|عن|الى|إلى|بعد|قبل|خلال|منذ|حتى|لكن|اذا|إذا)\s)"
    r"[^\W\d_]{2,}\s+"
)
# The one word after a verb, which may be a known speaker's surname: وأضاف الربيعة.
_SURNAME_AR = re.compile(r"\s+([^\W\d_]+)")
_WORD_AR = re.compile(r"[^\W\d_]+")
_QAWLUH = frozenset(folded(w) for w in ("قوله", "قولها", "قولهم"))
_AN_RE = re.compile(r"(?<![^\W\d_])عن\s+")
_SOURCE_EN = re.compile(r"\s+(?:to\s+)?(?P<np>(?:the\s+|a\s+)?[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|of|for|the|and))*)")
# (a title in lower case too: "..., EU foreign policy chief Josep Borrell told reporters")
_TRAILING_TITLE = re.compile(rf"(?:(?:[A-Z][\w.'’\-]*|of|for|the)\s+)*(?:{LOWER_ROLE_EN},?\s+)?$")
_DATELINE = re.compile(r"[A-Z][A-Z .,'’]+(?:\([^)]*\))?\s*[—–-]+\s*")
_SIGNATURE = re.compile(r"[—–-](?<=\n[—–-])\s*(?P<who>[^\n(@]{3,80}?)\s*\(@\w+\)")
_TRANSITIVE_AR = frozenset(folded(v) for v in (
    "أكد", "أكدت", "أعلن", "أعلنت", "كشف", "كشفت", "شدد", "شددت", "أوضح", "أوضحت", "يؤكد", "تؤكد",
    "جدد", "جددت", "طالب", "طالبت",
))
# Adverbials between a verb (and its subject) and what was said: "في بيان، ..." and "في مؤتمر صحفي
# اليوم عن ..." (up to a comma or the verb's preposition), "في وقت سابق", days and dates.
# With an attached pronoun, taa marbuta is written ت: كلمته، تدوينتها.
_OCCASIONS_AR = alternation(
    ("بيان", "كلمة", "كلمت", "تصريح", "تدوينة", "تدوينت", "مؤتمر", "لقاء", "مقابلة", "مقابلت", "اجتماع",
     "قمة", "جلسة", "المؤتمر", "اللقاء", "الاجتماع", "القمة", "الجلسة")
)
# An occasion ends before the verb's preposition; not before من, which also begins adverbials
# (في مؤتمر صحفي من مقر الوزارة).
_OCCASION_END_AR = alternation(p for p in lx.VERB_PREPOSITIONS_AR if p != "من")
# مطلع العام الجاري, أواخر الأسبوع الماضي.
_PART_OF_AR = alternation(("مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية"))
_UNIT_AR = alternation(("العام", "الشهر", "الأسبوع"))
_WHICH_AR = alternation(("الجاري", "الحالي", "الماضي", "المقبل"))
_SKIPPABLE_AR = re.compile(
    rf"\s*(?:[،,]|\([^()]{{0,60}}\)|(?:في|خلال)\s+(?:{_OCCASIONS_AR})\S*(?:\s+\S+){{0,4}}?"
    rf"(?=[،,]|\s+(?:{_OCCASION_END_AR}|اليوم|امس|{alternation(lx.WEEKDAYS_AR)}){WORD_END})"
    rf"|في\s+وقت\s+(?:سابق|لاحق)"
    rf"|اليوم|امس|مساء|صباح|(?:يوم\s+)?(?:{alternation(lx.WEEKDAYS_AR)})"
    rf"|في\s+(?:\d{{1,2}}\s+|(?:{alternation(lx.ORDINAL_DAYS_AR)})\s+من\s+)\S+(?:\s*/\s*\S+)?"
    rf"(?:\s+(?:الماضي|المقبل|\d{{4}}))?"
    rf"|(?:في\s+)?(?:{_PART_OF_AR})\s+(?:{_UNIT_AR})\s+(?:{_WHICH_AR}))"
)
# Whom an English verb addresses is not what was said: "told reporters (that) ...".
_ADDRESSEE_EN = re.compile(
    r"(?:reporters|journalists|the\s+press|lawmakers|delegates|parliament|(?:[\w.’'\-]+\s+){0,5}?(?=that\b))\s*"
)
_LEAD_IN_EN = re.compile(
    rf"(?:on\s+)?(?:{alternation(lx.WEEKDAYS_EN)}|today|yesterday|tonight|earlier|later|separately)\b,?\s*"
    r"|(?:last|this|next)\s+(?:week|weekend|month|year)\b,?\s*"
    r"|(?:in|during|at)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+)?(?:statement|interview|speech"
    r"|news\s+conference|press\s+conference|briefing|message|letter|post|remarks|address|call)\b"
    r"(?:\s+with\s+(?:[A-Z][\w.\-]*\s+){0,3}?[A-Z][\w.\-]*)?,?\s*"
    r"|(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity\b,?\s*",
    re.IGNORECASE,
)
# Words that make the subject's clause a relative one: "the $4.3 billion (that) the UN says it needs",
# "what the minister called ...".
_RELATIVE_EN = re.compile(
    r"\b(?:which|what|whom|million|billion|trillion|bn|dollars|euros|pounds)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLOSING_MARK = re.compile(r"[.,!?]?\s*[\"”»]")
# A clause that only sets the scene after an attribution: "..., the minister said Tuesday, as talks resumed."
# Where or when the attribution was made, with no report of its own: "..., X told reporters at the
# State Department", "..., X said in Brussels on March 3" (but "said in Brussels that ...").
_WHERE_OR_WHEN_EN = re.compile(
    r"\s*,?\s*(?:in|at|on|during|after|before|following|from|outside|near|aboard)\b(?![^.]*\bthat\b)",
    re.IGNORECASE,
)
_JOINED_EN = re.compile(r"\s(?:and|but)\s+$")
_STATEMENT_AR = re.compile(r"\s+(?:ال)?بيان(?:\s+(?:ال)?(?:مشترك|رسمي|ختامي))?(?![^\W\d_])")
_STATEMENT_EN = re.compile(r"the\s+(?:joint\s+|official\s+)?statement", re.IGNORECASE)
_SCENE_EN = re.compile(
    r"\s*,?\s*(?:as|while|when|after|before|amid|despite|since|following|ahead\s+of|(?:down|up)\s+from)\b"
    # ... or goes on with the writer's own clause: "..., X said, bringing total aid to $1 billion".
    r"|\s*,\s*(?-i:[a-z]+ing)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Direct:
    start: int  # content span, folded coordinates
    end: int
    pair: QuotePair
    verb: str | None = None
    speaker: ExtractedSpeaker | None = None
    dropped: bool = False


def _content(text: str, pair: QuotePair) -> tuple[int, int]:
    start, end = pair.open + 1, pair.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,،؛:;"):
        end -= 1
    return start, end


def find_quotes(
    f: Folded, sentences: list[Sentence], entities: list[Match], gazetteer: Gazetteer, language: str
) -> tuple[list[ExtractedQuote], list[ExtractedSpeaker]]:
    """Quotes in text order and the speakers they name."""
    text = f.text
    book = SpeakerBook()
    directs: list[_Direct] = []
    for pair in pair_quote_marks(text):
        start, end = _content(text, pair)
        if len(text[start:end].split()) >= 3:
            directs.append(_Direct(start, end, pair))
    quotes: list[tuple[int, int, str, str | None, ExtractedSpeaker | None]] = []  # start, end, kind, verb, speaker
    last: ExtractedSpeaker | None = None
    last_sentence = -1  # where the last speaker spoke
    people: dict[int, Subject | None] = {}  # sentence start -> person it introduces (for "he said")
    inside = [(d.pair.open, d.pair.close) for d in directs]
    for v_start, v_end in _verbs(text, language):
        if any(o < v_start < c for o, c in inside):
            continue
        sentence = sentence_at(sentences, v_start) or Sentence(v_start, len(text))
        surface = text[v_start:v_end]
        bare = (surface[1:] if surface[0] in "وف" else surface) if language == "ar" else surface.lower()
        participle = bare in _PARTICIPLES or (language == "ar" and surface in _PARTICIPLES)
        subject: Subject | None = None
        known: ExtractedSpeaker | None = None  # a speaker named again by surname alone
        np_end = v_end
        if language == "ar":
            if bare in _QAWLUH:
                # "نقلت الوكالة عن الوزير قوله إن ...": the speaker follows عن, before the noun قوله.
                source = list(_AN_RE.finditer(text, sentence.start, v_start))
                if source:
                    subject, _ = arabic_subject_after(f, source[-1].end(), v_start, entities, gazetteer)
            elif not participle:
                subject, np_end = arabic_subject_after(f, v_end, sentence.end, entities, gazetteer)
                if subject is None and (statement := _STATEMENT_AR.match(text, v_end, sentence.end)):
                    # وأكد البيان: whoever issued the statement named before, if it was named.
                    subject = _issuer_before(f, sentences, sentence, v_start, entities)
                    np_end = statement.end() if subject is not None else np_end
                if subject is not None and subject.kind == "person" and subject.name == subject.title \
                        and not book.titled(subject.name):
                    subject = arabic_titled_again(f, subject, entities, gazetteer)
                elif subject is not None and subject.kind == "person" and subject.title is None \
                        and " " not in subject.name and book.by_surname(subject.name) is None:
                    # A surname alone (أعربت ماكين) names the person named in full before.
                    named = arabic_named_before(f, subject.start, subject.end, entities, gazetteer)
                    subject = named or subject
                if subject is None:
                    subject = arabic_subject_before(f, sentence.start, v_start, entities, gazetteer) \
                        or arabic_relative_subject(f, sentence.start, v_start, entities, gazetteer)
                if subject is None and (surname := _SURNAME_AR.match(text, v_end, sentence.end)):
                    known = book.by_surname(surname.group(1))
                    if known is None:  # named before with a title, in a sentence that reported nothing
                        subject = arabic_named_before(
                            f, surname.start(1), surname.end(1), entities, gazetteer
                        )
                    np_end = surname.end() if known or subject else np_end
            else:
                subject = _titled_subject_ar(f, sentence, v_start, entities, gazetteer)
        else:
            clause_start = max([sentence.start, *(c + 1 for o, c in inside if c < v_start)])
            # ", adding that ..." continues the sentence's speaker; "its envoy saying ..." names its own.
            # So does a verb joined to the subject's first one: "X welcomed the aid but said ...".
            glued = not (participle and re.search(r",\s*$", text[clause_start:v_start])) \
                and not _JOINED_EN.search(text, clause_start, v_start)
            if bare.startswith("according"):
                subject, np_end = _according_source(f, v_end, sentence, entities)
            elif glued:
                subject = english_subject_before(f, clause_start, v_start, entities)
                if subject is not None and " " not in subject.name and book.by_surname(subject.name) is None:
                    subject = english_named_before(f, subject, entities)
                if subject is not None and _STATEMENT_EN.fullmatch(text, subject.start, subject.end):
                    subject = _issuer_before(f, sentences, sentence, v_start, entities) or subject
                if subject is not None and \
                        _RELATIVE_EN.search(text, max(clause_start, subject.start - 30), subject.start):
                    continue  # "the $4.3 billion the UN says it needs": what it says is not reported here
            else:  # the sentence's own subject speaks on: "Mikati welcomed it, saying ..."
                subject = english_person_in(f, sentence.start, v_start, entities) or \
                    english_role_opening(f, sentence.start, v_start, entities)
            if subject is None and not participle and not bare.startswith("according") and \
                    not _PRONOUN_END.search(text, clause_start, v_start):
                after = english_subject_after(f, v_end, entities)
                if after is not None:
                    subject, np_end = after, after.end
        mention = subject  # where the speaker is named here: "the agency" for the agency named before
        if subject is not None and subject.kind == "organization" and subject.organization is None:
            index = bisect_left(sentences, sentence.start, key=_BY_START)
            before = sentences[max(0, index - 2) : index]
            subject = organization_antecedent(f, before, subject, entities) or subject
        if subject is not None and subject.is_country:
            continue  # a country announcing something is not a speaker (annotation convention)
        right_of = _right_attribution(text, directs, v_start)
        if subject is None and not participle and language == "en" and right_of is None and \
                not _PRONOUN_END.search(text, max(sentence.start, v_start - 12), v_start):
            continue
        if subject is None and language == "en" and not participle:
            if _IT_END.search(text, max(sentence.start, v_start - 4), v_start):
                # "It said" goes on from an organization that spoke in this sentence or the one before;
                # after anything else "it" is more likely a report or a plan than a speaker.
                index = bisect_left(sentences, sentence.start, key=_BY_START)
                previous_start = sentences[index - 1].start if index > 0 else sentence.start
                if last is None or last.kind != "organization" or last_sentence < previous_start:
                    continue
            else:
                subject = _person_in_previous_sentence(f, sentences, sentence, entities, last, people)
        speaker = book.resolve(subject, f) if subject is not None else known or last
        if speaker is None:
            continue
        verb_text = _orig(f, v_start, v_end)
        # 1) "...", said X  -> the verb attributes the quote before it.
        if right_of is not None:
            right_of.verb, right_of.speaker = verb_text, speaker
            last, last_sentence = speaker, sentence.start
            following = _following_direct(text, directs, np_end)
            if following is not None and following.speaker is None:
                following.verb, following.speaker = verb_text, speaker
            continue
        # 2) X said: "..."  -> the next quote in the sentence, unless a reported clause comes first.
        following = _following_direct(text, directs, np_end)
        if following is not None:
            between = text[np_end : following.pair.open]
            comp = _COMPLEMENTIZER_AR.search(between) if language == "ar" else re.search(r"\bthat\b", between)
            mixed = comp is not None and between[comp.end() :].strip(" ،,:") != ""
            if not mixed and (language == "ar" or re.fullmatch(r"[\s,:—–-]*(?:that)?[\s,:]*", between)):
                if following.speaker is None:
                    following.verb, following.speaker = verb_text, speaker
                    last, last_sentence = speaker, sentence.start
                continue
        # 3) Reported speech: from the complementizer (or the object) to the clause end; in English the
        # report may also come first ("Aid will grow, the minister said Monday." / "..., according to X").
        span = _fronted_report(text, language, sentence, mention, v_start, v_end, np_end, bare)
        if span is None:
            span = _reported_clause(f, language, np_end, sentence, subject is not None, bare)
        if span is None:
            continue
        c_start, c_end = span
        for d in directs:
            if c_start <= d.pair.open and d.pair.close <= c_end + 1:
                d.dropped = True  # a partial quote inside a reported clause is part of it
        quotes.append((c_start, c_end, "indirect", verb_text, speaker))
        last, last_sentence = speaker, sentence.start
    _carry_over(text, directs)
    for post_start, post_end, author in _signed_posts(f, entities):
        quotes.append((post_start, post_end, "direct", None, book.resolve(author, f)))
    for d in directs:
        if d.speaker is not None and not d.dropped:
            quotes.append((d.start, d.end, "direct", d.verb, d.speaker))
    quotes.sort(key=lambda q: q[0])
    results: list[ExtractedQuote] = []
    for start, end, kind, verb, speaker in quotes:
        if results and _overlap(results[-1], f.span(start, end)):
            continue
        s, e = f.span(start, end)
        results.append(ExtractedQuote(speaker=speaker.name if speaker else None, kind=kind, verb=verb,  # type: ignore[arg-type]
                                      text=f.original[s:e], start=s, end=e))
    used = {q.speaker for q in results}
    return results, [s for s in book.speakers if s.name in used]


def _person_in_previous_sentence(
    f: Folded, sentences: list[Sentence], sentence: Sentence, entities: list[Match], last: ExtractedSpeaker | None,
    people: dict[int, Subject | None],
) -> Subject | None:
    """'He said' right after a sentence that introduces someone new refers to that person."""
    index = bisect_left(sentences, sentence.start, key=_BY_START)
    if index <= 0 or index > len(sentences) or sentences[index - 1].end > sentence.start:
        return None
    previous = sentences[index - 1]
    if previous.start not in people:
        people[previous.start] = english_person_in(f, previous.start, previous.end, entities)
    subject = people[previous.start]
    if subject is None or (last is not None and subject.name.split()[-1] in last.name.split()):
        return None
    return subject


def _titled_subject_ar(
    f: Folded, sentence: Sentence, v_start: int, entities: list[Match], gazetteer: Gazetteer
) -> Subject | None:
    """A participle goes on from its own sentence's titled subject, after the verb that opens it:
    ووجه الأمين العام ... بان كي مون نداء ...، مؤكدا أن ..."""
    opener = _OPENING_VERB_AR.match(f.text, sentence.start, v_start)
    if opener is None:
        return None
    subject, _ = arabic_subject_after(f, opener.end(), v_start, entities, gazetteer)
    if subject is None and (surname := _WORD_AR.match(f.text, opener.end(), v_start)):
        return arabic_named_before(f, surname.start(), surname.end(), entities, gazetteer)
    if subject is None or subject.title is None or subject.name == subject.title:
        return None
    return subject


def _issuer_before(
    f: Folded, sentences: list[Sentence], sentence: Sentence, pos: int, entities: list[Match]
) -> Subject | None:
    """Who issued the statement named last before `pos`, in this sentence or the two before it."""
    index = bisect_left(sentences, sentence.start, key=_BY_START)
    return statement_issuer(f, sentences[max(0, index - 2)].start, pos, entities, last=True)


def _according_source(f: Folded, pos: int, sentence: Sentence, entities: list[Match]) -> tuple[Subject | None, int]:
    """The source after "according to": an organization, a person, or a named document (and who
    issued it: "according to a statement from the U.N. office")."""
    m = _SOURCE_EN.match(f.text, pos, sentence.end)
    if m is None:
        issuer = statement_issuer(f, pos, min(sentence.end, pos + 40), entities, last=False)
        return (issuer, issuer.end) if issuer is not None else (None, pos)
    start, end = m.start("np"), m.end("np")
    entity = next((e for e in entities if start <= e.start < end), None)
    if entity is not None and not entity.entry.is_place:
        return Subject(_orig(f, entity.start, entity.end), None, entity.entry.name, "organization", entity.start, entity.end), end
    subject = english_subject_before(f, start, end, entities)
    return subject, end


def _fronted_report(
    text: str, language: str, sentence: Sentence, subject: Subject | None, v_start: int, v_end: int, np_end: int, bare: str
) -> tuple[int, int] | None:
    """English reports placed before their attribution, which closes the sentence."""
    if language != "en" or subject is None:
        return None
    if bare.startswith("according"):
        if not text[sentence.start : v_start].strip():  # "According to X, <report>."
            comma = text.find(",", np_end, sentence.end)
            return (_skip_space(text, comma + 1), sentence.end) if comma >= 0 else None
        head = text[sentence.start : v_start].rstrip()
    else:
        # What follows the attribution is no report of its own: "said Monday", "said in a statement.",
        # "said, adding that ..." (the participle reports on its own).
        pos = _skip_space(text, max(v_end, np_end))
        if bare == "told" and (addressee := _ADDRESSEE_EN.match(text, pos, sentence.end)):
            pos = addressee.end()
        while (lead_in := _LEAD_IN_EN.match(text, pos, sentence.end)) and lead_in.end() > pos:
            pos = lead_in.end()
        rest = text[pos : sentence.end].lstrip(" ,").split()
        if (len(rest) > 2 and rest[0] not in _PARTICIPLES and not _SCENE_EN.match(text, pos, sentence.end)
                and not _WHERE_OR_WHEN_EN.match(text, pos, sentence.end)) \
                or subject.start < sentence.start:
            return None
        # The title before the name belongs to the attribution ("..., Secretary of State Jane Doe said").
        head = _TRAILING_TITLE.sub("", text[sentence.start : subject.start]).rstrip()
    if not head.endswith(",") or len(head.split()) < 3 or any(ch in head for ch in _MARKS):
        return None
    dateline = _DATELINE.match(text, sentence.start)
    start = dateline.end() if dateline else sentence.start
    return start, sentence.start + len(head) - 1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _verbs(text: str, language: str) -> list[tuple[int, int]]:
    """Attribution verbs as [start, end) spans, an attached و/ف included (وقال), glued words excluded."""
    found = []
    if language == "ar":
        for m in _VERB_AR.finditer(text):
            start = m.start()
            if start and text[start - 1] in "وف" and (start == 1 or not text[start - 2].isalpha()):
                start -= 1
            elif start and text[start - 1].isalpha():
                continue
            elif m.group() == _TALIB and not _OPENS_SENTENCE.search(text, max(0, start - 8), start):
                continue  # طالب (demanded) opens its clause; elsewhere it is the noun (a student)
            found.append((start, m.end()))
    else:
        low = text.lower() if len(text.lower()) == len(text) else text
        for m in _VERB_EN.finditer(low):
            if m.start() and (low[m.start() - 1].isalnum()):
                continue
            found.append((m.start(), m.end()))
    return found


def _overlap(prev: ExtractedQuote, span: tuple[int, int]) -> bool:
    return span[0] < prev.end and prev.start < span[1]


def _right_attribution(text: str, directs: list[_Direct], v_start: int) -> _Direct | None:
    """The quote that ends just before this verb, with at most a short subject between ('," he noted')."""
    for d in directs:
        if d.pair.close < v_start and v_start - d.pair.close <= 60 and d.speaker is None:
            between = text[d.pair.close + 1 : v_start]
            if sentence_end(text, d.pair.close + 1, v_start) is not None:
                continue
            comma = between.lstrip()[:1] in ",،" or text[d.end : d.pair.close].strip()[:1] in ",،"
            if re.fullmatch(r"\s*[,،]?\s*(?:[\w.'’\-]+\s+){0,6}", between) and (between.strip() == "" or comma):
                return d
    return None


def _following_direct(text: str, directs: list[_Direct], pos: int) -> _Direct | None:
    for d in directs:
        if d.pair.open >= pos:
            gap = text[pos : d.pair.open]
            if "\n" in gap or len(gap.split()) > 25 or re.search(r"[.!?؟](?:\s|$)", gap):
                return None
            # "وتابعتها "اسم الوسيلة"، إن "..." : the speech is the quote after the complementizer.
            if _SOURCE_THEN_SPEECH.match(text, d.pair.close + 1):
                continue
            return d
    return None


def _past_adverbials(text: str, pos: int, end: int) -> int:
    """Where the words after `pos` stop being adverbials (_SKIPPABLE_AR)."""
    while (skipped := _SKIPPABLE_AR.match(text, pos, end)) and skipped.end() > pos:
        pos = skipped.end()
    return pos


def _reported_clause(f: Folded, language: str, pos: int, sentence: Sentence, explicit: bool, bare: str) -> tuple[int, int] | None:
    text = f.text
    end_limit = sentence.end
    window = text[pos:end_limit]
    if language == "ar":
        prep = _VERB_PREP_AR.match(window)
        own = _CLAUSE_CUT.search(window)  # a complementizer past the next speaker's verb is not ours
        comp = _COMPLEMENTIZER_AR.search(window[: min(120, own.start() if own else 120)])
        if comp and not _MARK_RE.search(window, 0, comp.start()) and len(window[: comp.start()].split()) <= 12:
            start = pos + comp.start()
            if text[start] in "وب" and text[start + 1 : start + 2] in "اأإ":
                start += 1
        elif prep:
            start = pos + prep.end()
        elif explicit and bare in _TRANSITIVE_AR:
            # The object, with the preposition a transitive verb may take (أعلن عن ...).
            start = _past_adverbials(text, pos, end_limit)
        elif (skip := _past_adverbials(text, pos, end_limit)) > pos and (
            later := _VERB_PREP_AR.match(text, skip, end_limit)
        ):
            start = later.end()  # أشار في كلمته أمام المؤتمر إلى ...
        else:
            return None
    else:
        lead = re.match(r"\s*(?:,\s*)?", window)
        start = pos + (lead.end() if lead else 0)
        # Adverbials between the verb and the report: "said Wednesday", "said in a statement,".
        while (lead_in := _LEAD_IN_EN.match(text, start, end_limit)) and lead_in.end() > start:
            start = lead_in.end()
        if bare == "told":
            # "told reporters ..." / "told The Associated Press that ...": the report follows the addressee.
            addressee = _ADDRESSEE_EN.match(text, start, end_limit)
            if addressee:
                start = addressee.end()
        if start >= end_limit or text[start] in _MARKS + ",:":
            return None
    while start < end_limit and text[start].isspace():
        start += 1
    cut = _CLAUSE_CUT.search(text, start, end_limit)
    end = cut.start() if cut else end_limit
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,،؛:;"):
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return start, _through_closing_mark(text, start, end)


def _through_closing_mark(text: str, start: int, end: int) -> int:
    """A report that ends inside quotation marks (said the aid "reflects our commitment.") keeps the
    closing mark, past the sentence's own end."""
    closing = _CLOSING_MARK.match(text, end)
    if closing is None:
        return end
    span = text[start:end]
    if span.count('"') % 2 or span.count("“") > span.count("”") or span.count("«") > span.count("»"):
        return closing.end()
    return end


def _signed_posts(f: Folded, entities: list[Match]) -> list[tuple[int, int, Subject]]:
    """An embedded post: a paragraph followed by its signature line "— Name (@handle) date"."""
    posts = []
    for sign in _SIGNATURE.finditer(f.text):
        author = english_subject_before(f, sign.start("who"), sign.end("who"), entities)
        if author is None or author.is_country:
            continue
        body_end = sign.start() - 1
        body_start = f.text.rfind("\n", 0, body_end) + 1
        if len(f.text[body_start:body_end].split()) >= 3:
            posts.append((body_start, body_end, author))
    return posts


def _carry_over(text: str, directs: list[_Direct]) -> None:
    """A quote that resumes right after an attributed one ("...," he said. "...") keeps its speaker:
    one that opens the sentence after the attribution, or follows within a few words."""
    for prev, cur in zip(directs, directs[1:], strict=False):
        if cur.speaker is None and prev.speaker is not None:
            gap = text[prev.pair.close : cur.pair.open]
            if "\n" in gap:
                continue
            end = sentence_end(text, prev.pair.close + 1, cur.pair.open)
            if len(gap) <= 60 or (end is not None and text[end : cur.pair.open].isspace()):
                cur.speaker, cur.verb = prev.speaker, None


def _orig(f: Folded, start: int, end: int) -> str:
    s, e = f.span(start, end)
    return f.original[s:e]
