"""Helpers of the speaker parser."""
from __future__ import annotations

import pytest

from app.extraction import speakers


@pytest.mark.parametrize("text", [
    "وقال وزير الخارجية، جان-بيير دو_بون: «نحن» 12 مرة... U.S. aid’s",
    "__a  b__c 3.5 مليون (د.ب.أ)",
    "",
])
def test_tokens_are_the_regex_matches_with_their_offsets(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            words, starts, ends = speakers._tokens(text, start, end)
            expected = [(m.group(), m.start() + start, m.end() + start) for m in speakers._TOKEN.finditer(text[start:end])]
            assert list(zip(words, starts, ends)) == expected


def test_person_in_skips_one_word_runs_but_finds_a_full_name() -> None:
    from app.extraction.normalize import fold

    f = fold("Talks opened in Geneva. Minister Jane Doe spoke.")
    subject = speakers.english_person_in(f, 0, len(f.text), [])
    assert subject is not None and subject.name == "Jane Doe"
    assert speakers.english_person_in(fold("Talks opened in Geneva."), 0, 23, []) is None
