"""Finding the counted noun in the parse: after the figure, its head, "the number of X", the subject."""
from __future__ import annotations

import re

from ..mention import Mention
from .words import (
    DISTANCES,
    figure_tokens,
    _BROADER,
    _FROM,
    _GENERIC_PEOPLE,
    _IT,
    _PEOPLE_ITEMS,
    _HOW_MANY,
    _LINK_WORDS,
    _LOCATED_FR,
    _MEASURE_OF,
    _MEASURE_WORDS,
    _NAMED,
    _NOT_ITEMS,
    _NUMBER_OF,
    _OF,
    _PARTITIVES,
    _STOP_POS,
    _UNIT_WORDS,
    _norm,
    lexicon,
    lookup,
    singular,
)


def _phrases(noun, lang: str) -> list[list[str]]:
    """Word lists for the noun phrase around `noun`, longest first: modifiers before it
    (English compounds), "de X" and an adjective after it (French)."""
    doc = noun.doc
    out = []
    if lang == "fr":
        if noun.i + 2 < len(doc) and _norm(doc[noun.i + 1]) in ("de", "d'", "des"):
            out.append([_norm(noun), _norm(doc[noun.i + 1]), _norm(doc[noun.i + 2])])
            if noun.i + 4 < len(doc) and _norm(doc[noun.i + 3]) in ("de", "d'"):
                out.insert(0, [_norm(doc[k]) for k in range(noun.i, noun.i + 5)])
        if noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ in ("ADJ", "NOUN"):
            out.append([_norm(noun), _norm(doc[noun.i + 1])])
    else:
        if noun.i + 2 < len(doc) and _norm(doc[noun.i + 1]) == "of":
            out.append([_norm(noun), "of", _norm(doc[noun.i + 2])])
        for width in (3, 2, 1):
            start = noun.i - width
            if start >= 0 and all(doc[k].pos_ in ("ADJ", "NOUN", "PROPN") for k in range(start, noun.i)):
                out.append([_norm(doc[k]) for k in range(start, noun.i + 1)])
    out.append([_norm(noun)])
    return out


def item_of_noun(noun, lang: str) -> str:
    """The item for a noun token: its phrase through the lexicon, else its own singular."""
    for words in _phrases(noun, lang):
        found = lookup(words, lang)
        if found:
            return found
    if lang == "fr" and noun.i + 1 < len(noun.doc) and _norm(noun.doc[noun.i + 1]) in lexicon()["details"]["fr"]:
        return lookup([_norm(noun)], lang) or singular(_norm(noun), lang)
    own = singular(_norm(noun), lang)
    modifier = noun.doc[noun.i - 1] if noun.i > 0 else None
    if (lang == "en" and modifier is not None and modifier.dep_ == "compound" and modifier.head.i == noun.i
            and modifier.pos_ == "NOUN" and modifier.is_alpha and not lookup([_norm(modifier)], lang)
            and _norm(modifier) not in _MEASURE_WORDS and _norm(modifier) not in _NOT_ITEMS
            and not (modifier.i > 0 and modifier.doc[modifier.i - 1].text in ("-", "–"))):
        return f"{_norm(modifier)} {own}"  # a noun the lexicon lacks keeps its kind: "energy exports"
    return own


def detail_of(noun, lang: str) -> str | None:
    """The narrower kind written next to the counted noun ("FPV", "Shahed"), or None."""
    details = lexicon()["details"]["fr" if lang == "fr" else "en"]
    doc = noun.doc
    window = [doc[k] for k in range(max(0, noun.i - 3), min(len(doc), noun.i + 3))]
    for token in window:
        if _norm(token) in details and token.i != noun.i:
            return token.text
    if _norm(noun) in details or singular(_norm(noun), lang) in details:
        return noun.text
    return None


def _is_itemish(token, lang: str) -> bool:
    """Whether a non-noun token can still name what is counted ("19 blessés", "52 Palestiniens")."""
    low = _norm(token)
    return lookup([low], lang) is not None and low not in _NOT_ITEMS


def noun_after(mention: Mention):
    """The noun the figure counts, found to its right over magnitude and link words
    ("1,4 million de drones" -> drones), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    doc = tokens[0].doc
    end = max(t.i for t in tokens)
    if mention.figure.unit != "count":
        end = _past_unit(mention, doc, end)
        if end is None:
            return None
    i = end
    while i + 1 < min(len(doc), end + 10):
        i += 1
        token = doc[i]
        low = _norm(token)
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        followed_by_of = nxt is not None and _norm(nxt) in _OF
        if (low in _PARTITIVES or low in _UNIT_WORDS) and followed_by_of:
            continue
        if token.text in ("[", "(") and i == end + 1:
            close = _closing(doc, i)
            if close is not None:
                i = close  # an aside between the figure and its noun: "three million [first-person view] drones"
                continue
        if token.pos_ == "VERB" and token.dep_ == "amod" and nxt is not None and nxt.pos_ in ("NOUN", "ADJ"):
            continue  # a participle before the noun: "of Ukraine's imported power"
        if not token.pos_:  # no tagger (rules only): the first word the lexicon knows
            if _is_itemish(token, mention.lang):
                return token
            if low in _LINK_WORDS or token.like_num:
                continue
            return None
        if token.pos_ in ("NOUN", "PROPN") and low not in _LINK_WORDS:
            if low in _NOT_ITEMS or token.like_num:
                return None
            head = _compound_head(token, mention.lang)
            if head.i + 1 < len(doc) and _norm(doc[head.i + 1]) == "'s":
                i = head.i + 1  # a possessor: "of Western Europe's military aid"
                continue
            return head
        if low in _LINK_WORDS or token.like_num or token.pos_ in ("ADJ", "NUM", "DET", "ADV"):
            if token.pos_ in ("ADJ", "VERB") and _is_itemish(token, mention.lang) and (
                    nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")):
                return token
            continue
        if token.pos_ == "VERB" and _is_itemish(token, mention.lang):
            return token  # "19 blessés" tagged as a participle
        if token.pos_ in _STOP_POS:
            return None
    return None


def _closing(doc, i: int, limit: int = 6) -> int | None:
    """Index of the bracket that closes the one at `i` within `limit` words, or None."""
    pair = {"[": "]", "(": ")"}[doc[i].text]
    for k in range(i + 1, min(len(doc), i + limit + 2)):
        if doc[k].text == pair:
            return k
    return None


def _hyphen_noun(mention: Mention, doc, end: int):
    """The noun joined to a counted figure by a hyphen ("a 12-storey building": storey), or None."""
    if mention.figure.unit != "count" or end + 2 >= len(doc) or doc[end + 1].text not in ("-", "–"):
        return None
    joined = doc[end + 2]
    if doc[end + 1].whitespace_ or joined.pos_ not in ("NOUN", "PROPN") or not joined.is_alpha:
        return None
    return joined


def _past_unit(mention: Mention, doc, end: int) -> int | None:
    """Index of the last word of a measure's unit after the figure ("four years", "1,000-kilometer"),
    or None when what follows locates a place rather than names a thing ("à 15 km de la frontière")."""
    i = end
    if i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and doc[i + 2].like_num:
        i += 2  # the first end of a range: "20-25% of economic output"
        if i + 1 < len(doc) and doc[i + 1].text == "%":
            return i + 1
    while i + 1 < len(doc) and _norm(doc[i + 1]) in _MEASURE_WORDS:
        i += 1
    if i == end:
        return end
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None:
        return None
    if mention.lang == "fr":
        located = mention.figure.unit in DISTANCES and _LOCATED_FR.search(mention.before)
        if located or _norm(nxt) not in _OF:
            return None  # "à 15 km de la frontière"; but "fourni à l'Ukraine 615 tonnes d'équipement"
        return i
    hyphened = any(doc[k].text in ("-", "–") for k in range(end + 1, i + 1))
    if _norm(nxt) == "of" or (hyphened and nxt.pos_ in ("NOUN", "ADJ", "PROPN")):
        return i
    return None


def _locates(mention: Mention) -> bool:
    """Whether a distance places something rather than measures it ("70 km from the front",
    "à 170 km au sud de Moscou"); a speed never does ("il vole à 200 km/h")."""
    if "/" in mention.figure.unit:
        return False
    if mention.lang == "fr" and _LOCATED_FR.search(mention.before):
        return True
    after = mention.after
    unit = re.match(r"^[\s\-–]*([^\W\d]+)", after)
    if unit and unit.group(1).lower() in _MEASURE_WORDS:
        after = after[unit.end():]
    after = re.sub(r"^\s*\([^)]*\)", "", after)  # past a conversion: "1,200km (745 miles) from"
    return bool(_FROM.match(after))


def _compound_head(token, lang: str):
    """The head of an English compound ("crude oil tankers": tankers), else the token itself."""
    if lang == "fr":
        return token
    doc = token.doc
    while True:
        k = token.i + 1
        while k + 1 < len(doc) and doc[k].text in ("-", "–"):
            k += 2  # "machine-building plant": past the hyphenated word
        if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and token.head.i >= min(k, token.i + 1):
            token = doc[k]
            continue
        return token


def _head_noun(mention: Mention):
    """The noun the figure modifies in the parse ("a 1,000-kilometer front line", "le mur de 300 km")."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    for token in tokens:
        head = token.head
        if head not in tokens and _norm(head) in _MEASURE_WORDS and head.dep_ in ("nmod", "compound", "amod"):
            head = head.head  # "un mur de 300 km": the unit hangs on the wall
        if head not in tokens and head.pos_ in ("NOUN", "PROPN") and _norm(head) not in _NOT_ITEMS:
            return head
    return None


def _noun_left(mention: Mention, limit: int = 8, known_only: bool = True):
    """The nearest noun before the figure in its sentence that the lexicon knows (or any)."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    doc = tokens[0].doc
    start = min(t.i for t in tokens)
    for i in range(start - 1, max(-1, start - 1 - limit), -1):
        token = doc[i]
        if token.text in (".", ";", ":", "!", "?"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and _norm(token) not in _NOT_ITEMS:
            if not known_only or lookup([_norm(token)], mention.lang):
                return _group_head(token, mention.lang)
    return None


def _group_head(token, lang: str):
    """The head noun of "X de Y" / "X of Y" when `token` is Y and X is known ("tirs d'artillerie": tirs)."""
    head = token.head
    if head.pos_ == "ADP" and token.dep_ == "pobj":
        if _norm(head) not in _OF:
            return token  # "a town with a population of 60,000": population
        head = head.head
    if token.dep_ in ("nmod", "pobj") and head.pos_ == "NOUN" and head.i < token.i and lookup([_norm(head)], lang):
        return head
    return token


def _number_of(mention: Mention):
    """The noun of "the number of X" / "le nombre de X" in the figure's sentence, or None."""
    doc = mention.sentence.doc
    if doc is None:
        return None
    patterns = [_NUMBER_OF, _HOW_MANY] + ([_MEASURE_OF] if mention.figure.unit != "count" else [])
    matches = [m for pattern in patterns for m in pattern.finditer(mention.sentence.text)]
    for match in sorted(matches, key=lambda m: m.start()):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None:
            continue
        # Skip quotes and adjectives: 'the number of "white deaths"', "le nombre de nouveaux cas".
        for token in doc[span[0].i: span[0].i + 4]:
            if token.pos_ in ("NOUN", "PROPN"):
                return _compound_head(token, mention.lang)
            if token.pos_ not in ("PUNCT", "ADJ", "DET"):
                break
    return None


def _subject(mention: Mention):
    """The noun subject of the nearest word above the figure that has one
    ("le rouble s'est effondré de 30 %": rouble); names of bodies and people are not items."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    token = tokens[0]
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
        if subjects:
            subject = subjects[0]
            if subject.pos_ == "NOUN" and subject.ent_type_ not in _NAMED:
                return _compound_head(subject, mention.lang)
            return None
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            shared = [c for c in token.head.children if c.dep_.startswith("nsubj")]
            if shared:  # "the tankers damaged or disabled may equate to 5%": the subject they share
                subject = shared[0]
                return _compound_head(subject, mention.lang) if subject.pos_ == "NOUN" else None
        if token.head.i == token.i:
            return None
        if token.pos_ in ("VERB", "AUX") and (token.dep_ != "xcomp" or any(
                c.dep_ in ("dobj", "obj") for c in token.children)):
            return None  # the subject of a verb higher up is not what changed
        token = token.head  # "investment is projected to decline by 0.9%": the subject of "projected"
    return None


def _object(mention: Mention):
    """The direct object of the verb a duration hangs on ("halt strikes for a week": strikes), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    token = _top(tokens)
    for _ in range(3):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
            return _compound_head(objects[0], mention.lang) if objects and objects[0].ent_type_ not in _NAMED else None
    return None


def _top(tokens):
    """The figure token whose head lies outside the figure."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])


def _from_noun(noun, lang: str):
    """(item, noun) for a noun token, or (None, None) when it names no countable thing."""
    if noun is None:
        return None, None
    item = _narrower(noun, item_of_noun(noun, lang), lang)
    if item in _NOT_ITEMS:
        return None, None
    if noun.ent_type_ in ("GPE", "LOC") and item not in lexicon()[lang if lang == "fr" else "en"].values():
        return "territory", noun  # "a fifth of Ukraine"
    return item, noun


def _narrower(noun, item: str, lang: str) -> str:
    """The item refined by its neighbours: the broader kind of a list that pairs a narrower one
    ("tanks and armoured vehicles": armoured_vehicle), a group that a participle or adjective
    names among generic people ("individus suspectés": suspect)."""
    for other in noun.children:
        if other.dep_ == "conj" and other.pos_ in ("NOUN", "PROPN"):
            broader = _BROADER.get(frozenset({item, item_of_noun(other, lang)}))
            if broader:
                return broader
    if item in _GENERIC_PEOPLE:
        as_what = _predicate_as(noun, lang)
        if as_what is not None:
            return as_what
        doc = noun.doc
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("ADJ", "VERB") and nxt.head.i == noun.i:
            narrower = lookup([_norm(nxt)], lang)
            if narrower and narrower not in _GENERIC_PEOPLE:
                return narrower
    return item


def _predicate_as(noun, lang: str) -> str | None:
    """The people item a verb gives its subject through "as" ("5 million Ukrainians registered
    as refugees": refugee), or None."""
    verb = noun.head
    if not noun.dep_.startswith("nsubj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and _norm(prep) in ("as", "comme"):
            for obj in prep.children:
                found = lookup([_norm(obj)], lang) if obj.pos_ == "NOUN" else None
                if found and found not in _GENERIC_PEOPLE and found in _PEOPLE_ITEMS:
                    return found
    return None


def _pronoun_subject(mention: Mention) -> bool:
    """Whether the verb the figure hangs on has a personal pronoun as subject ("It flies at 13,000 km/h")."""
    tokens = figure_tokens(mention)
    if not tokens:
        return False
    token = tokens[0]
    for _ in range(4):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_.startswith("nsubj") and _norm(c) in _IT for c in token.children)
    return False
