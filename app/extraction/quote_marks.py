"""Pair quotation marks (“ ” « » and ASCII quotes), including nested and never-closed quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction import lexicon as lx
from app.extraction.patterns import WORD_END, alternation

OPENERS = "“«„"
CLOSERS = "”»‟"
QUOTE_MARKS = OPENERS + CLOSERS + '"'
_MARK_RE = re.compile(f"[{QUOTE_MARKS}]")
_PARTICIPLE_RE = re.compile(rf"\s(?:{alternation(lx.PARTICIPLES_AR)}){WORD_END}")


@dataclass(slots=True)
class QuotePair:
    """Indexes of an opening mark and of its closing mark."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the end of the content when never closed


def pair_quote_marks(text: str) -> list[QuotePair]:
    """Outermost quote pairs; a nested quote opens only when two closing marks follow it."""
    pairs: list[QuotePair] = []
    stack: list[int] = []
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    for n, i in enumerate(marks):
        ch = text[i]
        if stack and "\n" in text[stack[-1] : i]:
            pairs.extend(_unclosed(text, stack[0]))
            stack.clear()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        openish = (before.isspace() or before in "(:[«“\"—-–،,") and not after.isspace()
        closeish = not before.isspace() and (after.isspace() or not after.isalnum())
        if not stack:
            if ch in CLOSERS and closeish and not openish:
                continue
            stack.append(i)
            continue
        nested = openish and not closeish and ch not in CLOSERS and len(stack) < 2 and _two_closers_follow(text, marks[n + 1 :])
        if nested:
            stack.append(i)
            continue
        opened = stack.pop()
        if not stack:
            pairs.append(QuotePair(opened, i))
    if stack:
        pairs.extend(_unclosed(text, stack[0]))
    return pairs


def _two_closers_follow(text: str, rest: list[int]) -> bool:
    if len(rest) < 2:
        return False
    for i in rest[:2]:
        before, after = text[i - 1], text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() or (after.isalnum() and text[i] not in CLOSERS):
            return False
    return True


def _unclosed(text: str, opened: int) -> list[QuotePair]:
    """A quote never closed runs to the paragraph end, or to a participle that resumes reporting."""
    end = text.find("\n", opened)
    end = len(text) if end < 0 else end
    cut = _PARTICIPLE_RE.search(text, opened, end)
    if cut:
        end = cut.start()
    return [QuotePair(opened, end)]
