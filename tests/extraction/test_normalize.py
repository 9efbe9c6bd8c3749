"""Folding for matching keeps a map back to the original offsets."""
from __future__ import annotations

from app.extraction import extract
from app.extraction.normalize import _FOLD, fold, fold_key


def test_fold_drops_diacritics_and_tatweel_and_maps_back() -> None:
    text = "قَالَ الوزيـــر إنّ ٣٥ مليونًا"
    f = fold(text)
    assert f.text == "قال الوزير ان 35 مليونا"
    start = f.text.index("الوزير")
    s, e = f.span(start, start + len("الوزير"))
    assert text[s:e] == "الوزيـــر"
    s, e = f.span(f.text.index("35"), len(f.text))
    assert text[s:e] == "٣٥ مليونًا"


def test_presentation_forms_fold_to_letters() -> None:
    text = "ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ"  # the same words in Arabic presentation forms
    f = fold(text)
    assert f.text == "قال الوزير"
    assert f.span(4, 10) == (4, 10)


def test_fold_key_is_case_and_ta_marbuta_blind() -> None:
    assert fold_key("الأمم المتحدة") == fold_key("الامم المتحده")
    assert fold_key("UNICEF") == "unicef"


def test_persian_digits_read_as_amounts() -> None:
    facts = extract("وتعهدت الحكومة بتقديم ۲۰ مليون دولار للمتضررين.", language="ar")
    assert [(p.amount, p.currency) for p in facts.pledges] == [(20_000_000, "USD")]


def test_runs_of_dropped_marks_map_kept_letters_to_their_offsets() -> None:
    text = "ـــبِّسْمِ"  # tatweel before the word, stacked and trailing diacritics
    f = fold(text)
    assert f.text == "بسم"
    assert f.index == (3, 6, 8)
    assert f.span(0, 3) == (3, 10)


def test_every_fold_is_made_as_the_table_says() -> None:
    """Each folded character, wherever it stands and however often, becomes what the table maps
    it to, as str.translate would make it."""
    text = "قال " + " و".join(chr(code) * 2 + "ب" for code in _FOLD) + " انتهى"
    assert fold(text).text == text.translate(_FOLD).replace("\x00", "")
