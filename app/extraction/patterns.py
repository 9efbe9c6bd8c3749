"""Helpers that turn reviewed word lists into regular expressions over folded text."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from app.extraction.normalize import fold

_Trie = dict[str, "_Trie"]  # next character -> subtree; "" marks the end of a word


@lru_cache(maxsize=4096)
def folded(word: str) -> str:
    """Fold a lexicon entry exactly as `normalize.fold` folds the text."""
    return fold(word).text


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first so the fullest form wins.

    The words are laid out as a prefix tree (قال|قالت|قائلا -> قا(?:ل(?:ت)?|يلا), as folded): the regex engine then
    tests one branch per letter instead of every word at every position. Every word that matches at
    one position is a prefix of the longer ones there, and the tree tries deeper branches first, so
    the longest match still wins and backtracking meets the words in the same order as a flat list.
    A space in a word matches any run of whitespace.
    """
    trie: _Trie = {}
    for form in {folded(w) for w in words}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _subtree(trie)


def _subtree(node: _Trie) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _subtree(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return body + "?" if "" in node else body


# No letter of either script follows: \b would also stop at digits, which may glue to Arabic words (بـ2017).
WORD_END = r"(?![^\W\d_])"
