"""A count whose noun is left out because the sentence named it just before: "l'Allemagne a fermé
ses centrales nucléaires, sauf les trois dernières", "of its six reactors, the last two".
"""
from __future__ import annotations

import re

from ..mention import Mention
from .words import _NOT_ITEMS, _norm, figure_tokens, lookup

# "les trois dernières", "les deux premiers", "les deux autres", "the last two", "the other three".
_ADJ_AFTER = {
    "fr": re.compile(r"^\s*(?P<adj>derni(?:er|ère)s?|premi(?:er|ère)s?|autres|restante?s)"
                     r"(?=\s*(?:[,;:.)!?]|qui\b|que\b|ont\b|sont\b|doivent\b|devaient\b|$))", re.IGNORECASE),
    "en": re.compile(r"^\s*(?:remaining|others)?(?=\s*(?:[,;:.)!?]|which\b|that\b|were\b|are\b|have\b|had\b|$))",
                     re.IGNORECASE),
}
_BEFORE = {
    "fr": re.compile(r"\bles\s*$", re.IGNORECASE),
    "en": re.compile(r"\bthe\s+(?:last|first|other|remaining)\s*$", re.IGNORECASE),
}
_LOOK = 25  # tokens back the named noun may stand


def elided_noun(mention: Mention):
    """The plural noun named shortly before that a count with no noun of its own stands for
    ("ses centrales nucléaires [...] les trois dernières": centrales), or None."""
    lang = "fr" if mention.lang == "fr" else "en"
    after = _ADJ_AFTER[lang].match(mention.after)
    if after is None or not _BEFORE[lang].search(mention.before):
        return None
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    feminine = "ère" in (after.groupdict().get("adj") or "").lower()
    doc = tokens[0].doc
    start = min(t.i for t in tokens)
    for i in range(start - 2, max(-1, start - 1 - _LOOK), -1):
        token = doc[i]
        # A noun the tagger took for an adjective heads its own phrase ("ses centrales nucléaires").
        nominal = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ not in ("amod", "acl"))
        if not nominal or not token.text[:1].islower() or _norm(token) in _NOT_ITEMS:
            continue
        if "Plur" not in token.morph.get("Number") and not (lang == "en" and token.tag_ == "NNS"):
            continue
        if feminine and "Masc" in token.morph.get("Gender"):
            continue
        if lookup([_norm(token)], mention.lang):
            return token
    return None
