"""Item of a figure: what is counted, in the CLAIMS.md vocabulary.

The counted noun comes from the parse and the words around the figure ("420 drones",
"des milliers de soldats", "30 % des drones", "le nombre de drones ... est de 38"), then
goes through the lexicon in data/lexicon/items.yaml (French and English nouns -> item).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .mention import Mention

CURRENCIES = {"USD", "EUR", "RUB", "UAH", "GBP", "CNY", "JPY", "CHF", "PLN"}
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
DISTANCES = {"km", "mile", "m", "mi"}

# Words between a figure and its noun: magnitudes, "de/of", fillers ("autres", "more").
_LINK_WORDS = {
    "de", "d'", "d’", "des", "du", "of", "the", "la", "le", "les", "l'", "l’", "their", "its",
    "million", "millions", "milliard", "milliards", "billion", "billions", "bn", "m",
    "thousand", "thousands", "hundred", "hundreds", "mille", "milliers", "centaines",
    "dizaines", "dozen", "dozens", "tens", "trillion", "trillions",
    "more", "plus", "other", "autres", "additional", "supplémentaires", "another",
    "total", "new", "nouveaux", "nouvelles", "mm",
    "-", "–", "percent", "per", "cent", "pour", "%", "a", "an",
}
# "pairs of socks", "pieces of equipment": the noun after "of" is what is counted.
_PARTITIVES = {"pair", "pairs", "piece", "pieces", "kind", "kinds", "type", "types", "batch",
               "batches", "lot", "lots", "group", "groups", "unit", "units", "ensemble", "total",
               "majority", "majorité", "share", "part", "moitié", "half", "tiers", "third", "quart"}
# Unit words after a figure, skipped when "de"/"of" follows ("615 tonnes d'équipement").
_UNIT_WORDS = {"tonne", "tonnes", "ton", "tons", "kg", "m3", "square", "carrés", "litres", "liters",
               "barils", "barrels", "dollars", "euros"}
_OF = {"de", "d'", "of", "des", "du"}
_NAMED = {"ORG", "PERSON", "PER", "GPE", "NORP", "LOC"}
# A bare vague magnitude ("forcing millions from their homes"): people, unless a noun says otherwise.
_VAGUE = re.compile(r"^(?:des\s+|plusieurs\s+)?(?:millions|milliers|centaines|dizaines|thousands|"
                    r"hundreds|dozens|tens)(?:\s+(?:of|de|d')\s+\w+)?$", re.I)
_STOP_POS = {"VERB", "AUX", "PRON", "SCONJ", "PUNCT", "ADP", "CCONJ"}
# Words that look like nouns after a figure but never are what it counts.
_NOT_ITEMS = {
    "fois", "times", "time", "fold", "percent", "pour", "cent", "point", "points",
    "number", "nombre", "total", "share", "part", "moitié", "half", "tiers", "third",
    "quarter", "quart", "level", "niveau", "rate", "taux", "figure", "chiffre", "amount",
    "montant", "hausse", "baisse", "increase", "decrease", "rise", "drop", "fall",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
    "an", "ans", "année", "années", "year", "years", "mois", "month", "months", "jour",
    "jours", "day", "days", "semaine", "week", "heure", "hour", "minute", "seconde",
    "km", "kilomètre", "kilomètres", "kilometre", "kilometres", "kilometer", "kilometers",
    "mile", "miles", "mètre", "mètres", "tonne", "tonnes", "ton", "tons", "kg",
    "dollar", "dollars", "euro", "euros", "livre", "livres", "hryvnias", "roubles",
    "hryvnia", "rouble", "ruble", "rubles", "sterling", "m3", "mètres cubes", "gigawatt",
    "gigawatts", "degree", "degrees", "degré", "degrés", "%", "facteur", "factor", "rate",
    "mm", "per", "ensemble", "majority", "majorité", "tier", "second", "seconds", "minutes", "hours",
    "weeks", "secondes", "heures", "semaines",
}
# Units whose item never varies.
_UNIT_ITEMS = {"celsius": "temperature", "fahrenheit": "temperature", "GW": "electricity",
               "MW": "electricity", "km2": "territory", "mi2": "territory", "ha": "territory"}
# Vocabulary of CLAIMS.md: a noun just before a bare "millions" is what it counts only if it is one.
VOCABULARY = {"drone", "missile", "shell", "tank", "armoured_vehicle", "aircraft", "air_defense_system",
              "weapon", "factory", "company", "country", "person", "soldier", "civilian", "refugee",
              "freight_wagon", "attack", "sanction", "component", "money", "territory"}
_NUMBER_OF = re.compile(r"\b(?:number|numbers|nombre|total|toll|tally|bilan)\s+(?:of|de|d[’'])\s*"
                        r"(?:the\s+|des\s+|les\s+)?", re.I)
_TIMES = re.compile(r"^\s*(?:times|fois)\b", re.I)
_AGE_EN = re.compile(r"^-?\s*years?[- ]old", re.I)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The item lexicon: {"en": {noun: item}, "fr": {...}, "details": {...}, "money_holders": {...}}."""
    text = resources.files("tally").joinpath("data/lexicon/items.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    both = raw.get("both", {})
    return {
        "en": {**both, **raw.get("en", {})},
        "fr": {**both, **raw.get("fr", {})},
        "details": {"en": set(raw.get("en_details", [])), "fr": set(raw.get("fr_details", []))},
        "money_holders": raw.get("money_holders", {}),
    }


def singular(word: str, lang: str) -> str:
    """The singular of a lowercase plural noun, by rule: singular("usines", "fr") -> "usine"."""
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child",
                 "lives": "life", "servicemen": "serviceman", "yeux": "oeil", "gas": "gas",
                 "aircraft": "aircraft", "talks": "talks", "news": "news", "series": "series"}
    if word in irregular:
        return irregular[word]
    if lang == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if re.search(r"(ches|shes|sses|xes)$", word):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and not word.endswith(("ss", "ys", "us", "os")):
        return word[:-1]
    return word


def _norm(token) -> str:
    return token.text.lower().replace("’", "'")


def lookup(words: list[str], lang: str) -> str | None:
    """The item for a noun phrase given as lowercase words, trying the whole phrase, then
    singular forms: lookup(["véhicules", "blindés"], "fr") -> "armoured_vehicle"."""
    table = lexicon()["fr" if lang == "fr" else "en"]
    phrase = " ".join(words)
    candidates = [phrase, " ".join(singular(w, lang) for w in words)]
    if lang == "fr":  # French plurals agree on every word: "bases militaires"
        candidates.append(" ".join(singular(w, lang) if i == 0 else w for i, w in enumerate(words)))
    for candidate in candidates:
        candidate = candidate.replace(" d' ", " d'").replace(" l' ", " l'")
        if candidate in table:
            return table[candidate]
    return None


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
    return singular(_norm(noun), lang)


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
    tokens = mention.tokens()
    if not tokens:
        return None
    doc = tokens[0].doc
    end = max(t.i for t in tokens)
    i = end
    while i + 1 < min(len(doc), end + 10):
        i += 1
        token = doc[i]
        low = _norm(token)
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        followed_by_of = nxt is not None and _norm(nxt) in _OF
        if (low in _PARTITIVES or low in _UNIT_WORDS) and followed_by_of:
            continue
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


def _compound_head(token, lang: str):
    """The head of an English compound ("crude oil tankers": tankers), else the token itself."""
    if lang == "fr":
        return token
    doc = token.doc
    while True:
        k = token.i + 1
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and token.head.i >= k:
            token = doc[k]
            continue
        return token


def _head_noun(mention: Mention):
    """The noun the figure modifies in the parse ("a 1,000-kilometer front line", "le mur de 300 km")."""
    tokens = mention.tokens()
    if not tokens:
        return None
    for token in tokens:
        head = token.head
        if head not in tokens and head.pos_ in ("NOUN", "PROPN") and _norm(head) not in _NOT_ITEMS:
            return head
    return None


def _noun_left(mention: Mention, limit: int = 8, known_only: bool = True):
    """The nearest noun before the figure in its sentence that the lexicon knows (or any)."""
    tokens = mention.tokens()
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
    for match in _NUMBER_OF.finditer(mention.sentence.text):
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


def _age(mention: Mention) -> bool:
    """Whether a duration is someone's age ("a 56-year-old medic", "des jeunes de 18 ans", "(25 ans)")."""
    if "year-old" in mention.figure.quote.lower() or _AGE_EN.match(mention.after):
        return True
    if mention.lang != "fr":
        return False
    before, after = mention.before.rstrip(), mention.after.lstrip()
    if not re.match(r"^(?:(?:et|à|ou|-)\s*\d+\s+)?ans\b", after):
        return False
    if before.endswith("(") or re.search(r"\bâgée?s?\s+de$", before):
        return True
    match = re.search(r"(\w+)\s+de(?:\s+\S+\s+et)?$", before)
    return bool(match and (lookup([match.group(1).lower()], "fr") in ("person", "child", "man", "woman")
                           or match.group(1).lower() in ("jeunes", "garçon", "fille", "hommes", "femmes")))


def _money_holder(mention: Mention) -> str | None:
    """A thing a money figure prices or counts ("un palais de 1,4 milliard", "salaire de ..."), or None."""
    holders = lexicon()["money_holders"].get("fr" if mention.lang == "fr" else "en", {})
    noun = _noun_left(mention, limit=5, known_only=False)
    if noun is not None:
        for words in _phrases(noun, mention.lang):
            for key in (" ".join(words), " ".join(singular(w, mention.lang) for w in words)):
                if key in holders:
                    return holders[key]
    return None


def _state_items(mention: Mention) -> dict:
    return mention.state.setdefault("items_by_sentence", {})


def _subject(mention: Mention):
    """The noun subject of the nearest word above the figure that has one
    ("le rouble s'est effondré de 30 %": rouble); names of bodies and people are not items."""
    tokens = mention.tokens()
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
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return None  # the subject of a verb higher up is not what changed
        token = token.head
    return None


def _in_brackets(mention: Mention) -> bool:
    """Whether the figure opens a bracket: a conversion of the figure before it ("1,200km (745 miles)")."""
    return mention.before.rstrip().endswith(("(", "["))


def _from_noun(noun, lang: str):
    """(item, noun) for a noun token, or (None, None) when it names no countable thing."""
    if noun is None:
        return None, None
    item = item_of_noun(noun, lang)
    if item in _NOT_ITEMS:
        return None, None
    if noun.ent_type_ in ("GPE", "LOC") and item not in lexicon()[lang if lang == "fr" else "en"].values():
        return "territory", noun  # "a fifth of Ukraine"
    return item, noun


def _repeated(mention: Mention) -> str | None:
    """The item of "struck the grid 217 times": attacks when a verb of striking governs, else None."""
    from .events import event_of_word  # events builds on this module

    tokens = mention.tokens()
    token = tokens[-1] if tokens else None
    for _ in range(3):
        if token is None or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return "attack" if event_of_word(token.text, mention.lang) == "strike" else None
    return None


def find(mention: Mention):
    """(item, noun token) for the figure; the token is None when the item comes from a rule."""
    unit = mention.figure.unit.split("/")[0]
    lang = mention.lang
    earlier = _state_items(mention).get(mention.sentence.index)
    if earlier and _in_brackets(mention):
        return earlier, None
    if unit in CURRENCIES:
        holder = _money_holder(mention)
        if holder is None:
            subject = _subject(mention)
            holders = lexicon()["money_holders"].get("fr" if lang == "fr" else "en", {})
            holder = holders.get(singular(_norm(subject), lang)) if subject is not None else None
        return holder or "money", None
    if unit in _UNIT_ITEMS:
        return _UNIT_ITEMS[unit], None
    if unit == "count" and _TIMES.match(mention.after):
        return _repeated(mention), None
    if unit in DURATIONS and _age(mention):
        return "person", None
    item, noun = _from_noun(noun_after(mention), lang)
    if item is not None:
        return item, noun
    if unit in DISTANCES or unit in DURATIONS:
        return _from_noun(_head_noun(mention), lang)
    for finder in (_number_of, _head_noun):
        item, noun = _from_noun(finder(mention), lang)
        if item is not None:
            return item, noun
    if unit == "percent":
        item, noun = _from_noun(_subject(mention), lang)
        if item is not None:
            return item, noun
    if earlier:
        return earlier, None
    item, noun = _from_noun(_noun_left(mention), lang)
    if _VAGUE.match(mention.figure.quote.strip()) and item not in VOCABULARY:
        return "person", None  # "forcing millions from their homes"
    return item, noun


def assign(mention: Mention) -> None:
    """Set fields "item" (e.g. "drone") and "item_detail" (e.g. "Shahed" or None)."""
    item, noun = find(mention)
    mention.fields["item"] = item
    mention.fields["item_detail"] = detail_of(noun, mention.lang) if noun is not None else None
    if item is not None:
        _state_items(mention)[mention.sentence.index] = item
