"""Search normalization: Arabic spelling variants fold to the same terms, English is stemmed."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import snowballstemmer

from app.services.search_text import fold, query_terms, search_text, snippet, terms, words


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("مُحَمَّد", "محمد"),  # diacritics
        ("الإرهـــاب", "الارهاب"),  # hamza under alef, tatweel
        ("أمريكا", "امريكا"),
        ("آسيا", "اسيا"),
        ("ٱلله", "الله"),
        ("مدينة", "مدينه"),  # taa marbuta / haa
        ("مستشفى", "مستشفي"),  # alef maqsura / yaa
        ("مسؤول", "مسوول"),
        ("٢٠٢٤", "2024"),  # Arabic-Indic digits
        ("۱۴۸", "148"),  # extended Arabic-Indic digits
        ("Blinken", "blinken"),
    ],
)
def test_fold_unifies_spellings(variant: str, plain: str) -> None:
    assert fold(variant) == fold(plain)


def test_clitics_are_peeled_every_way() -> None:
    assert terms("والولايات") == ("والولايات", "الولايات", "ولايات")
    assert "امن" in terms("للأمن") and "امن" in terms("الأمن")
    assert "حكومه" in terms("بالحكومة")
    # Too short to peel: ب + one letter stays a word.
    assert terms("بل") == ("بل",)


def test_english_is_stemmed() -> None:
    assert terms("pledged") == terms("pledges") == terms("Pledging") == ("pledg",)


def test_matching_is_symmetric_for_clitics() -> None:
    """A query word and a text word match when they share a term, whichever carries the clitic."""
    for query, written in [("الوزير", "وزير"), ("وزير", "والوزير"), ("الولايات", "وبالولايات")]:
        assert set(terms(query)) & set(terms(written)), (query, written)


def test_words_with_marks_stay_whole() -> None:
    assert search_text("بَيَانٌ") == " ".join(terms("بيان"))
    assert search_text(None, "") == ""


def test_an_underscore_parts_words() -> None:
    assert search_text("donor_bank بَيَانٌ_عاجل") == search_text("donor bank بَيَانٌ عاجل")
    assert [w[0] for w in words("a_b َc")] == ["a", "b", "َc"]
    found = snippet("see snake_case pledged here", [terms("pledge")])
    assert found is not None and found.text == "see snake_case <mark>pledged</mark> here"


def test_query_without_words_has_no_terms() -> None:
    assert query_terms("!!! ،،") == []


def test_snippet_marks_matches_in_the_original_text() -> None:
    text = "قال الوزير إنّ الولاياتِ المتحدة ستقدّم ١٤٨ مليون دولار"
    found = snippet(text, query_terms("ولايات 148"))
    assert found is not None
    assert found.text == "قال الوزير إنّ <mark>الولاياتِ</mark> المتحدة ستقدّم <mark>١٤٨</mark> مليون دولار"
    assert (found.start, found.end) == (0, len(text))
    assert snippet(text, query_terms("بغداد")) is None


def first_matching_word(text: str, query: str) -> tuple[int, int] | None:
    """The span of the first word of `text` with a term of `query`, every word read in turn."""
    accepted = {term for alternatives in query_terms(query) for term in alternatives}
    found = (m for m in words(text) if not accepted.isdisjoint(terms(m[0])))
    return next(((m.start(), m.end()) for m in found), None)


def marked_first(text: str, query: str) -> tuple[int, int] | None:
    found = snippet(text, query_terms(query), radius=0)
    if found is None:
        return None
    start = found.start + found.text.index("<mark>")
    return start, start + len(found.text.split("<mark>", 1)[1].split("</mark>", 1)[0])


@pytest.mark.parametrize(
    ("text", "query"),
    [
        # Harakat, tatweel and hamza forms inside the word, which the index folds away.
        ("وقال رئيس الوزراء أحْمَـد الخطيب", "احمد"),
        ("وقال رئيس الوزراء احمد الخطيب", "أحمد"),
        # A word that holds the term's letters without having the term comes first.
        ("قالت الخطيبة إن الخطيب وصل", "خطيب"),
        ("الخطيبة وحدها", "خطيب"),
        # The query's word with its article; the text's without (its shorter reading matches).
        ("وقال خطيب الجمعة", "الخطيب"),
        # The query's second word comes first in the text.
        ("وصل الخطيب ثم أحمد", "أحمد الخطيب"),
        ("وصل أحمد ثم الخطيب", "أحمد الخطيب"),
        # A word that ends with the term, after letters that are not clitics.
        ("قال الخطيب إن الطعام طيب", "طيب"),
        # Clitics before the term, a taa marbuta folded, Indic digits, and a mixed query.
        ("ستقدم وللولايات مبلغ ١٤٨ مليون", "ولايات"),
        ("مساعدة عاجلة للمدينة", "مساعده"),
        ("قدمت ١٤٨ مليون دولار", "148"),
        ("Blinken said the pledged ١٤٨ مليون", "pledge مليون"),
        ("لا شيء هنا", "بغداد"),
    ],
)
def test_snippet_marks_the_first_word_a_scan_of_every_word_finds(text: str, query: str) -> None:
    assert marked_first(text, query) == first_matching_word(text, query)


def test_snippet_is_a_window_of_whole_words() -> None:
    text = "word " * 100 + "needle " + "word " * 100
    found = snippet(text, query_terms("needle"), radius=20)
    assert found is not None
    assert "<mark>needle</mark>" in found.text
    assert (
        text[found.start : found.end].split()
        == found.text.replace("<mark>", "").replace("</mark>", "").split()
    )
    assert found.end - found.start < 60


@pytest.mark.usefixtures("frequent_thread_switches")
def test_english_stemming_is_safe_from_many_threads() -> None:
    """Searches run in the thread pool; a stemmer shared by threads without care mixes up words."""
    stemmer = snowballstemmer.stemmer("english")
    suffixes = ("ational", "izations", "fulness", "iveness", "ically", "ements", "ousness", "ing", "ed")
    stems = ("relat", "gener", "condit", "oper", "nation")
    spelled = [f"{stem}{suffix}" for stem in stems for suffix in suffixes]
    spelled = [f"{word}{'x' * n}" for n in range(60) for word in spelled]  # each a new word to the cache
    expected = {word: (stemmer.stemWord(word),) for word in spelled}
    terms.cache_clear()
    with ThreadPoolExecutor(8) as pool:
        got = dict(zip(spelled, pool.map(terms, spelled), strict=True))
    assert got == expected
