"""Finding the counted noun in the parse: after the figure, its head, "the number of X", the subject."""
from __future__ import annotations

import re

from ..mention import Mention
from .words import (
    DISTANCES,
    figure_tokens,
    _BROADER,
    _CHANGES,
    _DISTANCE_BETWEEN,
    _FROM,
    _GENERIC_PEOPLE,
    _IT,
    _PEOPLE_ITEMS,
    _HOW_MANY,
    _LINK_WORDS,
    _LOCATED_FR,
    _MEASURE_NOUNS,
    _MEASURE_OF,
    _MEASURE_WORDS,
    _NAMED,
    _NOT_ITEMS,
    _NUMBER_OF,
    _OF,
    _PARTITIVES,
    _SHARE_OF,
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


def _model_kind(word: str, lang: str) -> str | None:
    """The item of a model name by its series or family: _model_kind("t-72s", "en") -> "tank"
    ("t-72"), _model_kind("geran-2", "en") -> "drone" ("geran"); None when neither is known."""
    if not any(ch.isdigit() for ch in word):
        return None
    series = re.sub(r"(?<=\d)s$", "", word)  # "t-72s": a plural of a model
    family = re.sub(r"-?\d+[a-z]*\d*$", "", series)  # "geran-2", "bmp-3", "m113" -> "m"
    for key in (series, family):
        if len(key) > 1 and (found := lookup([key], lang)):
            return found
    return None


# Goods that name the kind of a trade or price ("exportations de pétrole": oil export); other
# "de" phrases name an owner ("le mandat de la mission": mandate).
_COMMODITIES = {"oil", "gas", "grain", "coal", "wheat", "electricity", "energy", "steel", "fuel", "crude"}


def _french_compound(noun, item: str) -> str:
    """A French "N de M" of goods as the English compound the English rule would give
    ("exportations de pétrole": "oil export", "prix du gaz": "gas price") when the English
    lexicon does not know the head (as "energy exports" keeps "energy"); else `item`."""
    doc = noun.doc
    k = noun.i + 1
    if k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1  # "exportations russes de pétrole"
    if k + 1 >= len(doc) or _norm(doc[k]) not in ("de", "d'", "du", "des") or lookup([item], "en"):
        return item
    k += 1
    if _norm(doc[k]) in ("la", "l'", "le", "les") and k + 1 < len(doc):
        k += 1
    modifier = lookup([_norm(doc[k])], "fr") if doc[k].pos_ == "NOUN" else None
    if modifier not in _COMMODITIES or " " in item:
        return item
    return f"{modifier} {item}"


def item_of_noun(noun, lang: str) -> str:
    """The item for a noun token: its phrase through the lexicon, else its own singular."""
    for words in _phrases(noun, lang):
        found = lookup(words, lang)
        if found:
            return _french_compound(noun, found) if lang == "fr" and len(words) == 1 else found
    if lang == "fr" and noun.i + 1 < len(noun.doc) and _norm(noun.doc[noun.i + 1]) in lexicon()["details"]["fr"]:
        return lookup([_norm(noun)], lang) or singular(_norm(noun), lang)
    model = _model_kind(_norm(noun), lang)
    if model:
        return model  # a model of a known kind: "Geran-2s", "BMP-3", "T-72s"
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
        if low == "pour" and (nxt is None or _norm(nxt) != "cent"):
            return None  # "90 % pour les autres systèmes": a purpose, not the thing counted
        if token.text in ("[", "(") and i == end + 1:
            close = _closing(doc, i)
            if close is not None:
                i = close  # an aside between the figure and its noun: "three million [first-person view] drones"
                continue
        if token.pos_ == "VERB" and token.dep_ == "amod" and (
                (nxt is not None and nxt.pos_ in ("NOUN", "ADJ")) or (token.head.i > i and token.head.pos_ == "NOUN")):
            continue  # participles before the noun: "of Ukraine's imported power", "of finished rolled products"
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
            if token.pos_ in ("ADJ", "VERB", "ADV") and _is_itemish(token, mention.lang) and (
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
    while i + 1 < len(doc) and _norm(doc[i + 1]).rstrip(".") in _MEASURE_WORDS:
        i += 1  # "300 m." at the end of a sentence: one token
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
    if (nxt.pos_ in ("NOUN", "ADJ") or _is_itemish(nxt, mention.lang)) and _ARTICLE_BEFORE.search(mention.before):
        return i  # "a 50 kg warhead": the measure qualifies the noun after it
    return None


# "a 50 kg warhead", "a further 90 km stretch": the article of the noun after the measure.
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:\S+\s+)?$", re.I)


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
    """The noun the figure modifies in the parse ("a 1,000-kilometer front line", "le mur de 300 km"),
    or for a measure noun the thing it measures ("a range of 2,500 km" on a missile)."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    for token in tokens:
        head = token.head
        if head not in tokens and head.text == "%" and head.head.i != head.i:
            head = head.head  # a quote without its sign: "40" of "40 %"
        if head not in tokens and _norm(head) in _MEASURE_WORDS and head.dep_ in ("nmod", "compound", "amod"):
            head = head.head  # "un mur de 300 km": the unit hangs on the wall
        measure = _measure_noun(head if head not in tokens else token.head.head)
        if measure is not None:
            return _owner(measure, mention.lang)
        if (head not in tokens and head.pos_ == "ADP" and _norm(head) == "of" and mention.figure.unit == "percent"
                and head.head.pos_ == "NOUN" and _phrase_item(head.head, mention.lang) not in _NOT_ITEMS | {None}):
            return head.head  # "a key interest rate of 20%", "inflation of 8%": a measure the lexicon knows
        if head not in tokens and head.pos_ in ("NOUN", "PROPN") and (
                _norm(head) not in _NOT_ITEMS or _phrase_item(head, mention.lang) not in _NOT_ITEMS | {None}):
            return head  # but "son taux directeur à 21 %": a rate its phrase names
    return None


def _phrase_item(noun, lang: str) -> str | None:
    """The item the lexicon gives the phrase around `noun` ("taux directeur": interest rate), or None."""
    return next((found for words in _phrases(noun, lang) if (found := lookup(words, lang))), None)


def _measure_noun(token):
    """The measure noun a figure's unit reaches, directly or through "of" ("a range of 2,500 km"), or None."""
    for _ in range(3):
        if _norm(token) in _MEASURE_NOUNS:
            return token
        if (_norm(token) not in _MEASURE_WORDS and _norm(token) != "of") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _owner(measure, lang: str):
    """The thing a measure noun belongs to: "the range of the missile", "la portée du missile"
    (missile), or the subject of the verb that has it ("the Shahed has a range of ..."): Shahed; or None."""
    for child in measure.children:
        if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
            return child  # "the missile's range"
        if child.dep_ == "prep" and _norm(child) == "of":
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if nouns and not nouns[0].like_num and _norm(nouns[0]) not in _MEASURE_WORDS:
                return _compound_head(nouns[0], lang)
        if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN") and child.i > measure.i and _norm(
                child) not in _MEASURE_WORDS and any(_norm(c) in _OF for c in child.children if c.dep_ == "case"):
            return child
    verb = measure.head
    if measure.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX"):
        return _known_subject(verb, lang)
    return None


def _known_subject(verb, lang: str):
    """The noun subject of `verb`, or a proper noun subject the lexicon knows ("the Shahed"), else None."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.pos_ == "NOUN" and subject.ent_type_ not in _NAMED:
        return _compound_head(subject, lang)
    if subject.pos_ == "PROPN" and subject.ent_type_ not in ("PER", "PERSON", "ORG") and lookup(
            [_norm(subject)], lang):
        return subject
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
    if mention.figure.unit in ("percent", "percentage point"):
        patterns.append(_SHARE_OF)
    return _noun_of_patterns(mention, patterns)


def _between(mention: Mention):
    """The first thing of "the distance between X and Y" in a distance's sentence, or None."""
    if mention.figure.unit.split("/")[0] not in DISTANCES:
        return None
    return _noun_of_patterns(mention, [_DISTANCE_BETWEEN])


def _noun_of_patterns(mention: Mention, patterns: list):
    """The first noun right after the earliest match of one of `patterns` in the sentence, or None."""
    doc = mention.sentence.doc
    if doc is None:
        return None
    cache = mention.state.setdefault("item_pattern_matches", {})
    key = (mention.sentence.index, tuple(patterns))
    if key not in cache:  # the figures of one sentence share its matches
        cache[key] = [m for pattern in patterns for m in pattern.finditer(mention.sentence.text)]
    matches = cache[key]
    for match in sorted(matches, key=lambda m: m.start()):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None:
            continue
        # Skip quotes and adjectives: 'the number of "white deaths"', "le nombre de nouveaux cas".
        for token in doc[span[0].i: span[0].i + 4]:
            if token.pos_ in ("NOUN", "PROPN") or _is_itemish(token, mention.lang):
                return _compound_head(token, mention.lang)  # "drones" is sometimes tagged ADV
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
        if any(c.dep_.startswith("nsubj") for c in token.children):
            return _known_subject(token, mention.lang)
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            if any(c.dep_.startswith("nsubj") for c in token.head.children):
                # "the tankers damaged or disabled may equate to 5%": the subject they share
                return _known_subject(token.head, mention.lang)
        if token.head.i == token.i:
            return None
        if token.pos_ in ("VERB", "AUX") and (token.dep_ != "xcomp" or any(
                c.dep_ in ("dobj", "obj") for c in token.children)):
            return None  # the subject of a verb higher up is not what changed
        token = token.head  # "investment is projected to decline by 0.9%": the subject of "projected"
    return None


# Prepositions that tie a change to its verb: "cut output by 50%", "kept the rate at 21%", "réduit de 30 %".
_CHANGE_PREPS = {"by", "at", "to", "de", "à", "par"}


def _changed_object(mention: Mention):
    """The direct object of the verb a share hangs on through "by"/"at"/"to"/"de"/"à" ("reduce
    production volumes by 50%": volumes; "a maintenu son taux à 21 %"), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    token = _top(tokens)
    if token.head.i != token.i and token.head.text in ("%", "percent", "cent"):
        token = token.head  # "50" of "50 %"
    prep = token.head if token.head.dep_ == "prep" else next(
        (c for c in token.children if c.dep_ == "case"), None)
    if prep is None or _norm(prep) not in _CHANGE_PREPS:
        return None
    verb = prep.head if prep.dep_ == "prep" else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c not in tokens
               and _norm(c) not in ("%", "percent")]
    if not objects or objects[0].ent_type_ in _NAMED:
        return None
    return _compound_head(objects[0], mention.lang)


# Nouns of a forecast: what changes is the thing forecast ("cut its growth forecast to 0.8%").
_FORECASTS = {"forecast", "forecasts", "estimate", "estimates", "projection", "projections", "outlook",
              "prévision", "prévisions", "estimation", "estimations", "projection", "perspective"}


def _forecast_of(noun):
    """The thing a forecast noun forecasts ("growth forecast", "prévision de croissance"), or None."""
    for child in noun.children:
        if child.pos_ == "NOUN" and (child.dep_ == "compound" or (child.dep_ in ("nmod", "pobj") and child.i > noun.i)):
            return child
        if child.dep_ == "prep" and _norm(child) == "for":
            return next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    return None


def change_noun(mention: Mention):
    """The noun of change a percentage modifies ("a 70% increase", "a 30 percent rise"), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    doc = tokens[0].doc
    i = max(t.i for t in tokens) + 1
    while i < len(doc) and doc[i].text.lower() in ("%", "percent", "per", "cent", "-", "–"):
        i += 1
    if i < len(doc) and _norm(doc[i]) in _CHANGES and doc[i].pos_ == "NOUN":
        return doc[i]
    return None


def changed_thing(change, lang: str):
    """The noun a change is "in"/"of" ("an increase in drone attacks": attacks), or None."""
    for child in change.children:
        if child.dep_ == "prep" and _norm(child) in ("in", "of"):
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return _compound_head(nouns[0], lang)
    return None


def _predicate_noun(mention: Mention):
    """The noun a count is said to be ("Of the dead, 12 were children": children), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    top = _top(tokens)
    if not top.dep_.startswith("nsubj") or _norm(top.head) not in ("is", "are", "was", "were", "be", "been"):
        return None
    return next((c for c in top.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)


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
    if noun is not None and _norm(noun) in _FORECASTS:
        noun = _forecast_of(noun)
    elif noun is not None and _norm(noun) in _MEASURE_NOUNS:
        noun = _owner(noun, lang)  # "the Shahed has a 90 km range": the Shahed
    if noun is None:
        return None, None
    item = _narrower(noun, item_of_noun(noun, lang), lang)
    if item in _NOT_ITEMS:
        return None, None
    if noun.ent_type_ in ("GPE", "LOC") and item not in lexicon()[lang if lang == "fr" else "en"].values():
        return "territory", noun  # "a fifth of Ukraine"
    return item, noun


# Nouns of people lost: the word next to them can name the group ("civilian deaths").
_LOSSES = re.compile(r"^(?:deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|victims?|morts?|victimes?|pertes?|tués?)$")


def _group_lost(noun, lang: str) -> str | None:
    """The people item that names who a loss noun counts: "civilian deaths", "victimes civiles",
    "10 000 morts parmi les civils", "deaths among soldiers"; or None."""
    siblings = [t for t in noun.head.children if t.i > noun.i] if noun.dep_ in ("obj", "dobj") else []
    for other in list(noun.children) + siblings:  # "a fait 10 000 morts parmi les civils": on the verb
        if other.dep_ in ("compound", "amod", "nmod") and abs(other.i - noun.i) == 1:
            group = lookup([_norm(other)], lang)
            if group in _PEOPLE_ITEMS:
                return group
        among = other
        if other.dep_ == "prep" and _norm(other) == "among":
            among = next((c for c in other.children if c.dep_ == "pobj"), None)
        elif not (other.dep_ in ("nmod", "obl:mod", "obl") and any(_norm(c) == "parmi" for c in other.children)):
            continue
        group = lookup([_norm(among)], lang) if among is not None else None
        if group in _PEOPLE_ITEMS:
            return group
    return None


def _narrower(noun, item: str, lang: str) -> str:
    """The item refined by its neighbours: the broader kind of a list that pairs a narrower one
    ("tanks and armoured vehicles": armoured_vehicle), a group that a participle or adjective
    names among generic people ("individus suspectés": suspect)."""
    for other in noun.children:
        if other.dep_ == "conj" and other.pos_ in ("NOUN", "PROPN"):
            broader = _BROADER.get(frozenset({item, item_of_noun(other, lang)}))
            if broader:
                return broader
    if _LOSSES.match(_norm(noun)):
        group = _group_lost(noun, lang)
        if group is not None and group != item:
            return group
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
