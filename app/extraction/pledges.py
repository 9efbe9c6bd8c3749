"""Decide which money expressions are commitments and read their donor, purpose and status."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from app.extraction import lexicon as lx
from app.extraction.entities import Match, load_gazetteer
from app.extraction.money import Money, names_a_currency
from app.extraction.normalize import Folded, fold_key
from app.extraction.patterns import alternation
from app.extraction.segments import Sentence, sentence_at
from app.extraction.types import ExtractedPledge, ExtractedQuote

_BY_START = attrgetter("start")  # bisect key: C-level, unlike a lambda

_WORD = re.compile(r"[^\W\d_]+")


def _cue_set(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Single-word cues, and multi-word cues as folded, space-joined phrases."""
    single = frozenset(fold_key(w) for w in words if " " not in w)
    multi = tuple(" ".join(fold_key(w).split()) for w in words if " " in w)
    return single, multi


_PLEDGE = _cue_set(lx.PLEDGE_CUES)
_NON_PLEDGE = _cue_set(lx.NON_PLEDGE_CUES)
_PRIOR = _cue_set(lx.PRIOR_CUES)
_DONOR_GROUPS = _cue_set(lx.DONOR_GROUPS)
_OWN_COUNTRY = _cue_set(lx.OWN_COUNTRY)
_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "ال", "وال", "بال", "لل", "ولل")


def _words(text: str) -> list[str]:
    return [fold_key(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and the word without one attached proclitic (وتعهدت -> تعهدت)."""
    return (word, *(word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) - len(c) >= 2))


def _has_cue(words: list[str], cues: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    single, multi = cues
    for word in words:
        if not single.isdisjoint(_stems(word)):
            return True
    joined = " ".join(words)
    return any(phrase in joined for phrase in multi)


def find_pledges(
    f: Folded, money: list[Money], sentences: list[Sentence], entities: list[Match], quotes: list[ExtractedQuote],
    speaker_orgs: dict[str, str | None],
) -> list[ExtractedPledge]:
    """Commitments among the money expressions, one per distinct amount and currency."""
    text = f.text
    pledges: list[ExtractedPledge] = []
    seen: set[tuple[int, str | None]] = set()
    previous: Money | None = None
    part_before: int | None = None  # the end of the sum before, if it was one part of a commitment
    committing: dict[int, bool] = {}  # sentence start -> has a commitment word
    givers = _givers(f, entities)
    capitals = _acting_capitals(f, entities)
    for index, item in enumerate(money):
        after_previous = previous is not None and _is_equivalent(text, previous, item)
        previous = item
        if item.amount is None or after_previous:
            continue  # vague amounts have no number; "€2bn ($2.13bn)" restates the same commitment
        key = (item.amount, item.currency)
        if key in seen:
            continue  # one pledge per amount and currency: a repeat needs no second reading
        sentence = sentence_at(sentences, item.start) or Sentence(0, len(text))
        if item.currency is None and not _bare_amount_is_money(text, item, sentence):
            continue
        clause_before = _CLAUSE_SPLIT.split(text[max(sentence.start, item.start - 80) : item.start])[-1]
        after = _CLAUSE_SPLIT.split(text[item.end : min(sentence.end, item.end + 40)], maxsplit=1)[0]
        # What the money goes to is no target: "£25m to the appeal", but "a £25m appeal".
        near = _words(clause_before)[-8:] + ([] if _DESTINATION.match(after) else _words(after)[:4])
        if _has_cue(near, _NON_PLEDGE):
            continue
        if sentence.start not in committing:
            committing[sentence.start] = _has_cue(_words(text[sentence.start : sentence.end]), _PLEDGE)
        if not committing[sentence.start]:
            continue
        seen.add(key)
        start, end = f.span(item.start, item.end)
        reach = _reach(f.text, entities, money[index + 1 :], item, sentence)
        # When it was announced may be told after the sum, within what the sum goes to: "a $30 million
        # contribution from the United States last month and 10 million pounds from Britain".
        told = min(sentence.end, max(item.end + 40, reach))
        sentence_words = _words(_RELATIVE.sub(",", text[sentence.start : told]))
        clause_start = _clause_start(text, sentence, item)
        prior = _has_cue(sentence_words, _PRIOR) or \
            _PAST_PERFECT.search(text, _own_part(text, sentence, item), item.start) is not None
        quote = next((q for q in quotes if q.start <= start < q.end), None)
        # "Norway pledged 200 million kroner and Ireland committed 10 million euros": Ireland's clause
        # begins after the sum before it.
        sums_before = [
            m.end for m in money[:index] if sentence.start <= m.end <= item.start and _is_sum(text, m)
        ]
        donor = _named_donor(f, givers, capitals, item, max([clause_start, *sums_before]))
        # Donors named together ("the donor countries pledged") give as no one named elsewhere.
        clause_words = _words(text[clause_start : item.start])
        own = speaker_orgs.get(quote.speaker) if quote and quote.speaker else None
        if donor is None and not _has_cue(clause_words, _DONOR_GROUPS):
            if own is not None and _has_cue(clause_words, _OWN_COUNTRY):
                donor = own  # "his country will give", تبرع بلاده: the speaker's
            else:
                donor = _sentence_donor(f, givers, sentence, item) or own  # "we will give ...": the speaker's
        semicolons = _SEMICOLON.finditer(text, sentence.start, item.start)
        part = max([sentence.start, *(m.end() for m in semicolons)])
        sum_before = max([sentence.start, *sums_before])
        status, donor = _status(text, item, part, sum_before, reach, donor)
        # A part of a commitment, or the next sum of a list of parts: "a package that includes $93
        # million ... and $77 million ...".
        next_part = part_before is not None and part_before >= sentence.start and item.start - part_before < 60
        if status is None and (next_part or _is_part(text, sentence, part, item, bool(sums_before))):
            status = "component"
        if status is None:
            status = "previously_announced" if prior and not _is_today(text, sentence) else "new"
        part_before = item.end if status == "component" else None
        pledges.append(ExtractedPledge(
            donor=donor, speaker=quote.speaker if quote else None, amount=item.amount,
            currency=_currency(text, item, donor), purpose=_purpose(f, item, reach),
            recipient=_recipient(f, entities, item, reach), status=status, start=start, end=end,  # type: ignore[arg-type]
        ))
    return pledges


_FAMILIES = {fold_key(word): codes for word, codes in lx.CURRENCY_FAMILIES.items()}
_FULL_NAMES = frozenset(fold_key(name) for name in lx.CURRENCY_WORDS if " " in name)


def _currency(text: str, item: Money, donor: str | None) -> str | None:
    """The amount's currency: the donor country's own where the amount's currency word is one its
    currency shares with others' (Norway's kroner, Kuwait's دينار, Egypt's pounds)."""
    own = load_gazetteer().currencies.get(donor) if donor else None
    words = _WORD.findall(text, item.start, item.end)
    if own is None or not words or own not in _FAMILIES.get(fold_key(words[-1]), ()):
        return item.currency
    # A currency named in full keeps its name: "Saudi riyals", دينار كويتي.
    return item.currency if fold_key(" ".join(words[-2:])) in _FULL_NAMES else own


def _is_equivalent(text: str, previous: Money, item: Money) -> bool:
    """A second amount right after the first, in another currency, is a conversion of it."""
    gap = text[previous.end : item.start]
    return (len(gap) <= 12 and re.fullmatch(r"[\s(\[،,]*(?:اي|أي|ما يعادل|or|about|around|nearly|roughly|approximately|\s)*", gap) is not None
            and previous.currency != item.currency and previous.amount is not None)


def _bare_amount_is_money(text: str, item: Money, sentence: Sentence) -> bool:
    """'بـ244 مليونا،' in a donation list is money; '339 مليون شخص' counts people; '300 million kroner'
    is money in a currency the word does not settle."""
    if item.amount is not None and names_a_currency(text[item.start : item.end]):
        return True
    if not item.has_scale or item.amount is None or item.amount < 1_000_000:
        return False
    following = text[item.end : item.end + 12]
    before = text[max(sentence.start, item.start - 12) : item.start]
    if re.search(r"(?:مبلغ|بقيمة|قيمتها|worth)\s*و?$", before):
        return True
    return re.match(r"\s*(?:[،,.;؛)]|$|و\s|and\s)", following) is not None


# A pledge told in the past perfect was made before: وكانت المملكة قد قدمت, "Japan had pledged".
_PAST_PERFECT = re.compile(
    # (قد before an imperfect, قد يصل, قد تبلغ, is "may"; قد تعهدت, قد تم are past)
    r"(?<![^\W\d_])و?كان(?:ت|وا)?\s[^.!?؟\n]{0,160}?(?<![^\W\d_])قد\s+"
    r"(?:تم|ت[^\W\d_]*(?:ت|وا)|[^\W\d_يتن][^\W\d_]*)(?![^\W\d_])"
    r"|\bhad\s+(?:already\s+|previously\s+)?"
    r"(?:pledged|committed|provided|announced|given|donated|contributed|allocated|earmarked|disbursed"
    r"|approved|released|delivered)\b",
    re.IGNORECASE,
)


_SEMICOLON = re.compile(r"[;؛]")
# (but "together with the EU, Germany pledged" is Germany's)
_COLLECTIVE = re.compile(
    rf"(?<![^\W\d_])(?:{alternation(lx.COLLECTIVE_CUES)})(?![^\W\d_])(?!\s+with\b)", re.IGNORECASE
)
_PLEDGE_NOUNS = _cue_set(lx.PLEDGE_NOUNS)
_SO_FAR = _cue_set(lx.SO_FAR_CUES)
_TOTAL = _cue_set(lx.TOTAL_WORDS)
_TOTAL_REACHED = _cue_set(lx.TOTAL_REACHED)
# A conference that raised the money: "the conference raised", المؤتمر جمع, مؤتمر باريس الذي عقد في
# أبريل قد أسفر عن تعهدات (no comma between: "At the conference, Germany pledged" is Germany's).
_MEETING_RAISED = re.compile(
    rf"(?<![^\W\d_])(?:{alternation(lx.MEETING_WORDS)})\s+(?:[^\W\d_]+\s+){{0,8}}?"
    rf"(?:{alternation([*lx.RAISE_VERBS, *lx.PLEDGE_NOUNS])})(?![^\W\d_])",
    re.IGNORECASE,
)
# A sum a total was brought to: "brings Britain's aid to Sudan to 226 million pounds", ليرتفع ... إلى.
_BROUGHT_TO = re.compile(
    rf"(?<![^\W\d_])(?:{alternation(lx.BRINGING_VERBS)})(?![^\W\d_])[^.;؛]*"
    r"(?<![^\W\d_])(?:to|الي)\s+(?:(?:more\s+than|nearly|almost|about|around|over|some|ما\s+يقرب\s+من"
    r"|اكثر\s+من|نحو|حوالي)\s+)?$",  # (الي: إلى as folded)
    re.IGNORECASE,
)
# "since 2017", "since the start of the war", منذ أغسطس 2017, منذ اندلاع الحرب; not منذ قليل ("a while ago").
_SINCE = re.compile(
    rf"(?<![^\W\d_])(?:since|منذ)\s+(?:[^\W\d_]+\s+){{0,4}}?"
    rf"(?:\d{{4}}|{alternation([*lx.MONTHS_EN, *lx.MONTHS_AR, *lx.SPAN_STARTS])})(?![^\W\d_])",
    re.IGNORECASE,
)


def _status(
    text: str, item: Money, part: int, sum_before: int, reach: int, donor: str | None
) -> tuple[str | None, str | None]:
    """aggregate for several donors' sums together, cumulative for a donor's running total, or
    None; and who gives, which no one does for a sum a conference raised.

    What counts is the amount's part of its sentence (from `part`, after a semicolon), and after it
    up to the next comma within what it goes to; a running total is told after the sum before it."""
    before = _RELATIVE.sub(",", text[max(part, sum_before) : item.start])
    after = re.split(r"[,،]", text[item.end : reach], maxsplit=1)[0]
    words_before, words_after = _words(before), _words(after)
    if _MEETING_RAISED.search(before) is not None:
        return "aggregate", None  # "the conference raised ...": whoever is named spoke of it
    if _COLLECTIVE.search(before) or _COLLECTIVE.search(after) or donor is None and (
        _has_cue(_words(_RELATIVE.sub(",", text[part : item.start])), _DONOR_GROUPS)
        or (_has_cue(words_before, _TOTAL) and _has_cue(words_before, _PLEDGE_NOUNS))
    ):
        return "aggregate", donor
    words = words_before + words_after
    if _SINCE.search(before) or _SINCE.search(after) or _has_cue(words, _SO_FAR) \
            or (_has_cue(words, _TOTAL) and _has_cue(words, _TOTAL_REACHED)) or _BROUGHT_TO.search(before):
        return "cumulative", donor
    return None, donor


# A sum told as one part of a commitment: "a package that includes ...", "including $10 million for
# Somalia", منها, تشمل.
_PART_CUE = re.compile(
    rf"(?<![^\W\d_])(?:{alternation(lx.PART_CUES)})(?![^\W\d_])(?:\s+[^\s.;؛]+){{0,4}}\s*$", re.IGNORECASE
)
_PACKAGE = re.compile(rf"(?<![^\W\d_])(?:{alternation(lx.PACKAGE_WORDS)})(?![^\W\d_])", re.IGNORECASE)


def _is_part(text: str, sentence: Sentence, part: int, item: Money, sum_before: bool) -> bool:
    """Whether the sum is one part of a commitment told before it in its sentence: after a word of
    including, with a sum or a package before (but "the aid includes" alone is the whole)."""
    cue = _PART_CUE.search(text, part, item.start)  # (a few words before the sum: "including nearly")
    return cue is not None and (sum_before or _PACKAGE.search(text, sentence.start, cue.start()) is not None)


def _is_today(text: str, sentence: Sentence) -> bool:
    return re.search(r"في وقت سابق (?:من )?اليوم|earlier today", text[sentence.start : sentence.end]) is not None


# An entity governed by to/for/إلى or an attached ل receives; it does not give, nor does the partner
# of an agreement (with/مع).
_RECEIVING = re.compile(
    r"(?:(?<![^\W\d_])(?:to|for|into|with|الى|إلى|مع)\s+(?:the\s+)?|(?<![^\W\d_])و?ل)(?=\S$)|(?<![^\W\d_])و?ل\S$"
)
# A place where something is ("the response in Gaza", الاستجابة في غزة) gives nothing.
_LOCATED = re.compile(r"(?<![^\W\d_])(?:in|inside|across|في|داخل)\s+(?:the\s+)?$", re.IGNORECASE)
_HOSTED_BY = re.compile(
    r"(?:(?<![^\W\d_])(?:co-)?hosted\s+by|(?<![^\W\d_])(?:ا|ت|ي)?(?:ستضاف|ستضيف)[^\W\d_]*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(r"[،,;؛]")
_POSSESSIVE = re.compile(r"['’][sS](?![^\W_])")
_DESTINATION = re.compile(r"\s*(?:(?:to|towards?|for|into|إلى|الى|لصالح)\s|لل(?=[^\W\d_]))", re.IGNORECASE)
_FROM = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}?(?:from|من)\s+")
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])(?:from|من)\s+(?:the\s+)?$")
_CLAUSE_START = re.compile(r"[،,;؛]|(?<![^\W\d_])(?:فيما|بينما|في\s+حين|while|whereas)(?![^\W\d_])")
# Where the amount's clause gives way to another: "£20 million, adding that Britain ...", "; ...",
# "..., bringing its total to ...", "... and would announce more".
_CLAUSE_ON = re.compile(
    r"\s+and\s+(?:would|will|could|can|may|has|have|had|is|are|was|were|plans?|said|says)\b|"
    rf"[;؛]|[،,]\s*(?:(?:و|ف)?(?:{alternation(lx.PARTICIPLES_AR)})|(?:{alternation(lx.PARTICIPLES_EN)})"
    rf"|bringing|taking|including|which|who|whose|while|whereas|according|as(?!\s+well)|amid|بما|منها|وذلك"
    rf"|فيما|بينما|في\s+حين|ليصل|لتصل|ليرتفع|لترتفع|وفق|وفقا|{alternation(lx.ACCORDING_AR)})(?![^\W\d_])",
    re.IGNORECASE,
)
# A relative clause tells of something else: "X, who visited the camp last week, pledged ...".
_RELATIVE = re.compile(r"[،,]\s*(?:who|whose|which|الذي|التي|الذين)\s[^،,.;؛]*[،,]", re.IGNORECASE)


def _givers(f: Folded, entities: list[Match]) -> list[Match]:
    """Entities that can give: no armed groups, cities (datelines) or news agencies, none governed by
    to/ل (لليمن, whose match holds its ل), by with/مع (the partner of an agreement) or by a verb of
    hosting (the conference "hosted by Kuwait", الذي استضافته الكويت)."""
    return [e for e in entities if not e.entry.kind.endswith("group") and e.entry.kind not in ("city", "news agency")
            and not _RECEIVING.search(f.text, max(0, e.start - 9), e.start + 1)
            and not _HOSTED_BY.search(f.text, max(0, e.start - 16), e.start)
            and not (e.entry.is_place and _LOCATED.search(f.text, max(0, e.start - 12), e.start))
            and not f.text.startswith(("لل", "ولل"), e.start)]


# A capital that acts stands for its country ("Tokyo will give", أعلنت طوكيو): not one governed by a
# preposition ("talks in Tokyo", في طوكيو, بطوكيو) or one opening a dateline ("TOKYO (Reuters) -").
_PLACED = re.compile(
    r"(?:(?<![^\W\d_])(?:in|at|from|to|for|into|near|outside|inside|across|of|on|via|between|visit|visited"
    r"|في|من|إلى|الى|على|عن|قرب|بين|حول|داخل|خارج)\s+(?:the\s+)?|(?<![^\W\d_])و?[بلك])$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\s*(?:\(|[-—–:]|,\s*[^\W\d_]+\s*\(|[^\W\d_]*-)")


# Words that make a nationality beside them a government's: the German government, British Foreign
# Secretary, وزير الخارجية البريطاني, الحكومة الألمانية.
_GOVERNMENT = frozenset(fold_key(w) for w in (
    *lx.TITLE_HEADS_AR, "government", "ministry", "minister", "official", "officials", "authorities",
    "delegation", "embassy", "president", "secretary", "ambassador", "envoy", "chancellor", "king", "prince",
    "emir", "premier", "prime", "foreign", "defense", "defence", "finance", "interior", "leader", "spokesman",
    "spokeswoman", "spokesperson",
    "الحكومة", "حكومة", "وزارة", "الوزارة", "السلطات", "الوفد", "وفد", "السفارة", "سفارة",
    # ... or the aid itself: "Japanese grants", المنح اليابانية
    "aid", "grants", "funding", "assistance", "المنح", "منح", "المساعدات", "مساعدات", "التمويل", "الدعم",
))
# The verbs of an official who reports rather than gives, with an attached و/ف in Arabic.
_SAYING = frozenset(fold_key(w) for w in (*lx.SAY_VERBS_EN, *lx.SAY_VERBS_AR))
_SAYING |= frozenset(c + w for w in _SAYING for c in ("و", "ف") if not w.isascii())


def _acting_capitals(f: Folded, entities: list[Match]) -> list[Match]:
    return [e for e in entities if e.entry.capital_of is not None
            and not _PLACED.search(f.text, max(0, e.start - 10), e.start)
            and not _DATELINE.match(f.text, e.end)]


def _in_span(entities: list[Match], start: int, end: int) -> list[Match]:
    lo = bisect_left(entities, start, key=_BY_START)
    hi = bisect_left(entities, end, key=_BY_START)
    return entities[lo:hi]


_OTHER_PART = re.compile(r"[;؛]|(?<![^\W\d_])(?:فيما|بينما|في\s+حين|while|whereas)(?![^\W\d_])")


def _own_part(text: str, sentence: Sentence, item: Money) -> int:
    """Where the part of the sentence that tells of the amount begins: after a semicolon or a
    "while" before it, past the commas of a relative clause (وكان المؤتمر، الذي عقد ...، قد شهد)."""
    start = sentence.start
    for boundary in _OTHER_PART.finditer(text, sentence.start, item.start):
        start = boundary.end()
    return start


def _clause_start(text: str, sentence: Sentence, item: Money) -> int:
    """Where the amount's clause begins: after the last comma or "while" before it in its sentence."""
    clause_start = sentence.start
    for boundary in _CLAUSE_START.finditer(text, sentence.start, item.start):
        clause_start = boundary.end()
    return clause_start


def _named_donor(
    f: Folded, givers: list[Match], capitals: list[Match], item: Money, clause_start: int
) -> str | None:
    """Who gives, as the amount's clause names them: its source, or the countries and organizations
    before it."""
    source = _FROM.match(f.text, item.end)  # "received $12 million from Germany"
    if source is not None:
        after = _in_span(givers, source.end(), source.end() + 7)  # "from (the) United Nations"
        if after:
            return after[0].entry.name
    if (funder := _funder(f.text, givers, item)) is not None:
        return funder.entry.name
    named = _in_span(givers, clause_start, item.start)
    if named and f.text[named[-1].end : item.start].isspace():
        return named[-1].entry.name  # "Saudi Arabia pledged $430 million and the UAE $230 million"
    in_clause = [e.entry.name for e in named]
    if in_clause:
        return ", ".join(dict.fromkeys(in_clause))
    # A capital gives for its country only where no country or organization is named beside it.
    acting = [e.entry.capital_of for e in _in_span(capitals, clause_start, item.start)]
    if acting:
        return ", ".join(dict.fromkeys(acting))
    return None


# "$23 million in additional U.S. funding": the money's own noun, with who gives it before it.
_IN_FUNDS = re.compile(r"\s+in\s+(?:(?:new|additional|further|extra|fresh|emergency)\s+)?", re.IGNORECASE)
_FUNDS = re.compile(
    r"\s+(?:(?:humanitarian|development|military|emergency|government)\s+)?"
    r"(?:aid|assistance|funding|funds|support|grants?|loans?)(?![^\W\d_])",
    re.IGNORECASE,
)


def _funder(text: str, entities: list[Match], item: Money) -> Match | None:
    """The entity that names whose money it is, after the amount: "$23 million in U.S. funding"."""
    lead = _IN_FUNDS.match(text, item.end)
    if lead is None:
        return None
    named = _in_span(entities, lead.end(), lead.end() + 5)
    if named and named[0].start <= lead.end() + 4 and _FUNDS.match(text, named[0].end):
        return named[0]
    return None


def _sentence_donor(f: Folded, givers: list[Match], sentence: Sentence, item: Money) -> str | None:
    """Who gives where the clause names no one: the first giver of the sentence before the amount,
    else a government named by nationality, unless the money comes from a source not known."""
    before = _in_span(givers, sentence.start, item.start)
    if before:
        return before[0].entry.name
    return _national_donor(f.text, sentence.start, item.start) if not _FROM.match(f.text, item.end) else None


def _national_donor(text: str, start: int, end: int) -> str | None:
    """The country of a government or an official named by nationality before the amount: "The German
    government will provide", "British Foreign Secretary X pledged", وزير الخارجية البريطاني."""
    adjectives = load_gazetteer().adjectives
    words = [fold_key(w) for w in _WORD.findall(text, start, end)]
    for i, word in enumerate(words):
        country = adjectives.get(word)
        # An official who only reports ("A French official said donors pledged") is no donor.
        if country is not None and not _GOVERNMENT.isdisjoint(words[max(0, i - 2) : i + 3]) \
                and _SAYING.isdisjoint(words[i + 1 :]):
            return country.name
    return None


# The attribution after a report ends what the report says: "..., Foreign Secretary X announced during
# a visit to the Chad border".
_ATTRIBUTION = re.compile(
    rf"[,،](?=[^,،;؛.]{{0,80}}?(?<![^\W\d_])(?:{alternation(lx.SAY_VERBS_EN)})(?![^\W\d_]))", re.IGNORECASE
)


def _is_sum(text: str, money: Money) -> bool:
    """Whether a number is a sum of money: it has a currency, or a word that names one."""
    return money.currency is not None or names_a_currency(text[money.start : money.end])


# What stands between a donor and its sum: nothing, or its verb ("and Ireland committed 10 million").
_GIVES = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}")


def _reach(text: str, entities: list[Match], later: list[Money], item: Money, sentence: Sentence) -> int:
    """Where what the amount goes to may be told: its sentence, up to the clause that follows it
    (_CLAUSE_ON). Another sum of money after it ends the reach at the name that gives that sum ("$430
    million and the UAE $230 million") or when a place comes between them ("$430 million to Yemen and
    $200 million to Sudan"); otherwise the place after both is shared ("$6 billion this year and $5
    billion by 2020 to help Syria")."""
    clause_on = _CLAUSE_ON.search(text, item.end, sentence.end)
    end = clause_on.start() if clause_on else sentence.end
    if (attribution := _ATTRIBUTION.search(text, item.end, end)) is not None:
        end = attribution.start()
    following = next(
        (m for m in later
         if item.end <= m.start < end and not _is_equivalent(text, item, m) and _is_sum(text, m)),
        None,
    )
    if following is None:
        return end
    funder = _funder(text, entities, item)
    between = [e for e in _in_span(entities, item.end, following.start) if e is not funder]
    donor = between[-1] if between else None
    if donor is not None and _GIVES.fullmatch(text, donor.end, following.start) \
            and not _RECEIVING.search(text, max(0, donor.start - 9), donor.start + 1):
        return donor.start
    return following.start if any(e.entry.is_place for e in between) else end


# Where the money was pledged or told of is not where it goes: "at a conference held in Brussels",
# مؤتمر عقد في, "told reporters in Brussels".
_VENUE = re.compile(
    r"(?<![^\W\d_])(?:held|hosted|convened|conference|summit|meeting|ministerial|event|talks|gathering"
    r"|said|says|told|announced|speaking|قال|قالت|اعلن|اعلنت"
    r"|عقد|عقدت|انعقد|انعقدت|المنعقد|المنعقدة|موتمر|الموتمر|اجتماع|الاجتماع|قمة|القمة)"  # folded: مؤتمر
    r"(?:\s+(?:reporters|journalists|للصحفيين))?\s+(?:in|at|في|ب)\s*(?:the\s+)?"
    # "in the French capital, Paris", في العاصمة الفرنسية باريس
    r"(?:(?:[^\W\d_]+\s+)?(?:capital|city|العاصمة|مدينة)(?:\s+[^\W\d_]+)?[\s,،]+)?$",
    re.IGNORECASE,
)


def _recipient(f: Folded, entities: list[Match], item: Money, end: int) -> str | None:
    """Places named after the amount within its reach, except the source it came from."""
    funder = _funder(f.text, entities, item)
    names = [e.entry.name for e in _in_span(entities, item.end, end)
             if e.entry.is_place and e is not funder
             and not _VENUE.search(f.text, max(0, e.start - 40), e.start) and not _FROM_BEFORE.search(f.text, max(0, e.start - 10), e.start)
             and not _POSSESSIVE.match(f.text, e.end)]  # "Russia's invasion": an agent, not a recipient
    return ", ".join(dict.fromkeys(names)) or None


def _purpose(f: Folded, item: Money, end: int) -> str | None:
    tail = f.text[item.end : end]
    m = re.search(r"(?<![^\W\d_])(?:(?:ل|لل)\s*|(?:من اجل|for|to)\s+)\S", tail[:40])
    if not m:
        return None
    start = item.end + m.start()
    stop = re.search(r"[،,;؛]|\s(?:حيث|بينما|while|which)\s", f.text[start:end])
    end = start + (stop.start() if stop else min(160, end - start))
    s, e = f.span(start, end)
    return f.original[s:e].strip(" “”«»\"") or None
