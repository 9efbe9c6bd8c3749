"""Word lists become regex alternations that prefer the fullest form and still backtrack to shorter ones."""
from __future__ import annotations

import re

from app.extraction.normalize import fold
from app.extraction.patterns import alternation


def test_longest_word_wins() -> None:
    pattern = re.compile(alternation(["قال", "قالت", "قائلا", "said"]))
    text = fold("قالت ثم قال قائلا وsaid").text  # patterns run on folded text (قائلا -> قايلا)
    assert [m.group() for m in pattern.finditer(text)] == ["قالت", "قال", "قايلا", "said"]


def test_shorter_word_is_tried_when_the_rest_of_the_pattern_needs_it() -> None:
    pattern = re.compile(rf"(?:{alternation(['bn', 'b', 'billion'])})illion")
    assert pattern.fullmatch("billion") is not None  # "b" + "illion", after "billion" and "bn" fail


def test_words_are_folded_and_spaces_match_any_whitespace() -> None:
    pattern = re.compile(alternation(["أكد", "us dollars", "us"]))
    assert pattern.fullmatch("اكد") is not None
    assert pattern.match("us \n dollars").group() == "us \n dollars"
    assert pattern.match("us pounds").group() == "us"


def test_regex_characters_in_words_are_literal() -> None:
    assert re.fullmatch(f"a(?:{alternation(['x.y'])})", "ax.y") is not None
    assert re.fullmatch(f"a(?:{alternation(['x.y'])})", "axzy") is None
