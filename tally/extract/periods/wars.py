"""A war the text refers back to: "Cette guerre a fait des millions de morts" takes the period of
the war named or dated shortly before ("la Première Guerre mondiale": 1914-1918; "en 1914, [...]
au cours des quatre années suivantes": 1914-1918).

The sentences whose figures took a war's period are remembered, so that a run of events told
right after ("Outre les morts, [...] des millions de mutilés") goes on with it (fallback.inherit).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..mention import Mention
from .names import NAMED_PERIODS

# "cette guerre", "ce conflit", "this war"; "Celle-ci" only as the opening subject, and only after
# a sentence that speaks of a war.
_BACK = {
    "fr": re.compile(r"\b(?:cette (?:première |seconde |deuxième |même )?guerre|ce (?:même )?conflit)\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:this|that) (?:first |second |same )?(?:war|conflict)\b", re.IGNORECASE),
}
_PRONOUN = {"fr": re.compile(r"^\W*(?:Celle-ci|Celle-là)\b"), "en": None}
_WAR_WORD = re.compile(r"\b(?:guerre|conflit|war|conflict)\b", re.IGNORECASE)
_LOOKBACK = 8  # sentences back that "this war" still finds the war in
# "since World War II", "après la Grande Guerre": a reference point, not the war spoken of.
_REFERENCE = re.compile(r"\b(?:since|after|before|depuis|après|avant|ever)\b[^,;.()]{0,30}$", re.IGNORECASE)
# The war in Ukraine named: "this war" after it is that one, which has no name here.
_UKRAINE_WAR = re.compile(
    r"\b(?:guerre|conflit|war|conflict|invasion)\b[^.;!?]{0,25}\b(?:Ukraine|ukrainien\w*|Russia|russe)"
    r"|\b(?:Ukraine|Russia)['’]?s? (?:war|invasion)\b", re.IGNORECASE)
_STATE = "period_war_sentences"


@lru_cache(maxsize=8)
def _named(lang: str) -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple((re.compile(rf"\b(?:{pattern})(?![\w-])", re.IGNORECASE), start, end)
                 for pattern, start, end in NAMED_PERIODS.get(lang, ()))


def reference(mention: Mention) -> int | None:
    """Offset in the sentence of the words that refer back to a war ("cette guerre"), or None."""
    text = mention.sentence.text
    back = _BACK.get(mention.lang)
    match = back.search(text) if back is not None else None
    if match is not None:
        return match.start()
    pronoun = _PRONOUN.get(mention.lang)
    if pronoun is not None and pronoun.match(text) and _previous_speaks_of_war(mention):
        return 0
    return None


def _previous_speaks_of_war(mention: Mention) -> bool:
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    return 0 < index <= len(sentences) and bool(_WAR_WORD.search(sentences[index - 1].text))


def named_war(text: str, lang: str) -> tuple[str, str] | None:
    """(start, end) of the last war `text` names by name, else None.

    named_war("la deuxième grande guerre a éclaté", "fr") -> ("1939", "1945");
    None for one named only as a reference point ("depuis la Seconde Guerre mondiale").
    """
    # The one that ends last; of two ending together the longer ("deuxième Grande Guerre", not "Grande Guerre").
    found = [(m.end(), m.end() - m.start(), start, end)
             for pattern, start, end in _named(lang) for m in pattern.finditer(text)
             if not _REFERENCE.search(text[max(0, m.start() - 40) : m.start()])]
    if not found:
        return None
    *_, start, end = max(found)
    return start, end


def referred_war(mention: Mention) -> tuple[str, str] | None:
    """The period of the war "cette guerre" refers to: the last war named shortly before, or the
    span of several years the last figure before it took; None when there is none."""
    sentences = mention.state.get("sentences") or []
    done = mention.state.get("periods", {})
    index = mention.sentence.index
    for back in range(1, _LOOKBACK + 1):
        if not 0 <= index - back < len(sentences):
            return None
        text = sentences[index - back].text
        named = named_war(text, mention.lang)
        if named is not None:
            return named
        if _UKRAINE_WAR.search(text):
            return None
        earlier = done.get(index - back)
        if earlier and _years(earlier) and not _UKRAINE_WAR.search(mention.document.text):
            # A span of years a figure took dates "this war" only where the war in Ukraine,
            # unnamed here, is not the one the text speaks of.
            return earlier
    return None


def _years(period: tuple) -> bool:
    """Whether `period` spans several whole years ("1914", "1918")."""
    start, end = period
    return bool(start and end and len(start) == 4 and len(end) == 4 and start < end)


def remember(mention: Mention) -> None:
    """Mark the figure's sentence as one whose figures took a war's period."""
    mention.state.setdefault(_STATE, set()).add(mention.sentence.index)


def took_war(mention: Mention, index: int) -> bool:
    """Whether the figures of sentence `index` took a war's period."""
    return index in mention.state.get(_STATE, ())
