"""Words of the item stage: the lexicon, singular forms and the word lists the finders share."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

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
    "weeks", "secondes", "heures", "semaines", "decline", "déclin", "pound", "pounds",
    "cours", "cour",  # "au cours des 75 dernières années": a span of time, not a thing
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "today", "yesterday", "tonight", "aujourd'hui",
    "hier", "week-end", "weekend", "record", "proportion", "proportions", "percentage", "pourcentage",
    "jump", "surge", "plunge", "slump", "spike", "chute", "recul", "progression", "envolée", "augmentation",
    "diminution", "reduction", "réduction", "increases", "decreases", "rises", "drops", "falls", "declines",
}

# Nouns of a change: "a 70% increase in attacks" measures the attacks, not the change.
_CHANGES = {"increase", "decrease", "rise", "drop", "fall", "decline", "jump", "surge", "plunge", "slump",
            "spike", "growth", "hausse", "baisse", "chute", "recul", "progression", "envolée", "augmentation",
            "diminution", "reduction", "réduction", "déclin", "bond"}

# Words of a measure's own unit, skipped after the figure ("four years of war", "300 km wall").
_MEASURE_WORDS = {
    "an", "ans", "année", "années", "year", "years", "mois", "month", "months", "jour", "jours", "day",
    "days", "semaine", "semaines", "week", "weeks", "heure", "heures", "hour", "hours", "minute",
    "minutes", "seconde", "secondes", "second", "seconds", "km", "kilomètre", "kilomètres", "kilometre",
    "kilometres", "kilometer", "kilometers", "mile", "miles", "mètre", "mètres", "metre", "metres",
    "meter", "meters", "m", "kg", "tonne", "tonnes", "ton", "tons", "-", "–",
}

# "à 15 km de la frontière", "à près de 100 km de Kyiv": a place located, not a thing measured.
_LOCATED_FR = re.compile(r"\bà(?:\s+\S+){0,3}\s*$", re.I)

_FROM = re.compile(r"^\W*(?:\w+\W+)?(?:from|away|off|de|d['’]|du|des|au|aux)\b", re.I)

# Nouns that state a measure of the noun after them ("la durée du mandat", "the length of the wall",
# "the range of the missile", "la vitesse du drone").
_MEASURE_OF = re.compile(r"\b(?:durée|duration|length|longueur|range|portée|speed|vitesse|weight|poids|altitude)"
                         r"(?:\s+[^\W\d]+)?\s+(?:of|de|du|d[’'])\s*(?:the\s+|its\s+|la\s+|le\s+|l[’']\s*)?",
                         re.I)

# "the distance between the turbines and the houses": the first thing named is what is placed.
_DISTANCE_BETWEEN = re.compile(r"\bdistances?\b(?:\s+[^\s.;:]+){0,4}?\s+(?:between|entre)\s+"
                               r"(?:the\s+|les\s+|la\s+|le\s+|l[’']\s*|des\s+)?", re.I)

# Nouns of a thing's measure ("a range of 2,500 km", "une portée de 300 km"): the measure of
# the thing that has it, never an item of their own.
_MEASURE_NOUNS = {"range", "ranges", "portée", "portées", "speed", "speeds", "vitesse", "vitesses", "weight",
                  "poids", "altitude", "reach", "length", "longueur", "width", "largeur", "depth",
                  "profondeur", "diameter", "diamètre", "calibre", "caliber"}

# "how many civilians ... the number is 100,000": the noun asked about is what is counted.
_HOW_MANY = re.compile(r"\b(?:how\s+many|combien\s+d[e’'])\s*", re.I)

# A list that names a narrower item with its broader kind ("tanks and armoured vehicles"): the broader one.
_BROADER = {frozenset({"tank", "armoured_vehicle"}): "armoured_vehicle",
            frozenset({"aircraft", "helicopter"}): "aircraft"}

# Places and populations "of N" people ("a city of 3 million", "une ville de 100 000").
_POPULATED = re.compile(r"^(?:city|cities|town|towns|country|countries|nation|population|region|village|"
                        r"ville|villes|pays|nation|population|région|village|agglomération|commune)$")

# Generic people: a participle or adjective next to them can name a narrower group ("individus suspectés").
_GENERIC_PEOPLE = {"person", "man", "woman"}
# Groups of people a generic count can be said to be ("registered as refugees").
_PEOPLE_ITEMS = {"refugee", "soldier", "civilian", "migrant", "prisoner", "volunteer", "worker", "child"}

# Words of a sum's currency and magnitude, between it and what it prices.
_CURRENCY_WORDS = {"dollars", "dollar", "euros", "euro", "roubles", "rubles", "hryvnias", "livres", "pounds",
                   "de", "d'", "of", "million", "millions", "milliard", "milliards", "billion", "billions",
                   "us", "$", "€", "£"}

# Currencies that can be what changes ("the rouble fell 30%").
_CURRENCY_NAMES = {"rouble", "ruble", "dollar", "euro", "hryvnia", "yuan", "pound", "livre"}

# Pronouns that stand for the thing named just before ("It flies at 13,000 km/h").
_IT = {"it", "il", "elle"}

# What a share is taken of, rather than what it counts ("0.63 percent of GDP", "100 % du PIB").
_DENOMINATORS = {"gdp", "pib", "product", "produit"}

# Units whose item never varies.
_UNIT_ITEMS = {"celsius": "temperature", "fahrenheit": "temperature", "GW": "electricity",
               "MW": "electricity", "km2": "territory", "mi2": "territory", "ha": "territory"}

# Vocabulary of CLAIMS.md: a noun just before a bare "millions" is what it counts only if it is one.
VOCABULARY = {"drone", "missile", "shell", "tank", "armoured_vehicle", "aircraft", "air_defense_system",
              "weapon", "factory", "company", "country", "person", "soldier", "civilian", "refugee",
              "freight_wagon", "attack", "sanction", "component", "money", "territory"}

_NUMBER_OF = re.compile(r"\b(?:number|numbers|nombre|total|toll|tally|bilan)\s+(?:of|de|d[’'])\s*"
                        r"(?:the\s+|des\s+|les\s+)?", re.I)

# "the share of Ukrainians who ...", "la proportion de drones abattus": what a percentage is a share of.
_SHARE_OF = re.compile(r"\b(?:share|proportion|percentage|part|pourcentage)\s+(?:of|de|des|du|d[’'])\s*"
                       r"(?:the\s+|les\s+|la\s+|le\s+|l[’']\s*)?", re.I)

_TIMES = re.compile(r"^\s*(?:times|fois)\b", re.I)

_AGE_EN = re.compile(r"^-?\s*years?[- ]old", re.I)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The item lexicon: {"en": {noun: item}, "fr": {...}, "details": {...}, "money_holders": {...}}."""
    text = resources.files("tally").joinpath("data/lexicon/items.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    both = raw.get("both", {})
    return {
        "en": {**both, **raw.get("en_news", {}), **raw.get("en", {})},
        "fr": {**both, **raw.get("fr_news", {}), **raw.get("fr", {})},
        "details": {"en": set(raw.get("en_details", [])), "fr": set(raw.get("fr_details", []))},
        "money_holders": raw.get("money_holders", {}),
    }


@lru_cache(maxsize=8192)
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
    return token.lower_.replace("’", "'")


def lookup(words: list[str], lang: str) -> str | None:
    """The item for a noun phrase given as lowercase words, trying the whole phrase, then
    singular forms: lookup(["véhicules", "blindés"], "fr") -> "armoured_vehicle"."""
    return _lookup(tuple(words), lang)


@lru_cache(maxsize=16384)
def _lookup(words: tuple[str, ...], lang: str) -> str | None:
    """lookup() on a hashable phrase: the same phrases recur across figures and documents."""
    table = lexicon()["fr" if lang == "fr" else "en"]
    phrase = " ".join(words)
    candidates = [phrase, " ".join(singular(w, lang) for w in words)]
    if lang == "fr":  # French plurals agree on every word: "bases militaires"
        candidates.append(" ".join(singular(w, lang) if i == 0 else w for i, w in enumerate(words)))
        if words[-1].endswith("us"):  # participles used as nouns: "détenus", "élus"
            candidates.append(" ".join(w[:-1] if w.endswith("us") else w for w in words))
    for candidate in candidates:
        candidate = candidate.replace(" d' ", " d'").replace(" l' ", " l'")
        if candidate in table:
            return table[candidate]
    return None


def figure_tokens(mention) -> list:
    """mention.tokens(), computed once per figure: the item and event stages ask for them often."""
    if mention._tokens is not None:  # this Mention parsed them already
        return mention._tokens
    cache = mention.state.setdefault("figure_tokens", {})
    key = (mention.sentence.index, mention.figure.start, mention.figure.end)
    if key not in cache:
        cache[key] = mention.tokens()
    return cache[key]
