"""Figures that have no period in any sentence: standing facts told beside a date.

    is_standing(mention)  # "Lundi, des drones ont frappé Toula, ville située à 170 km de Moscou" -> True
"""
from __future__ import annotations

import re

from ..mention import Mention

# A place's fixed distance or a city's population is a standing fact: "ville située à 170 km",
# "the city of 3 million".
_PLACE = re.compile(
    r"\b(?:ville|village|town|city|localité|commune|capitale|capital|port|base)\W+"
    r"(?:située?s?|localisée?s?|located|situated|lying|lies|sits)\s+"
    r"(?:à\s+|some\s+|about\s+|around\s+|roughly\s+|environ\s+)?$",
    re.IGNORECASE,
)
_POPULATION = re.compile(
    r"\b(?:city|town|capital|country|nation|ville|capitale|pays|agglomération|métropole)\s+(?:of|de)\s+"
    r"(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|plus de\s+|près de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# "a 12-storey building", "a 300-km wall": a size that describes a thing, not a count over time.
_SIZE = re.compile(
    r"^\d[\d,.]*-(?:stor(?:e)?y|floor|km|kilomet(?:re|er)|mile|met(?:re|er)|mm|cm|inch|foot|tonne|ton|"
    r"kg|lane|bed|room|seat)\b",
    re.IGNORECASE,
)
# "un mur d'acier de 300 km", "a wall of 300 km": the length of a built line.
_LENGTH_OF = re.compile(
    r"\b(?:mur|barrière|clôture|ligne|pont|route|voie|gazoduc|oléoduc|pipeline|tunnel|canal|wall|fence|"
    r"barrier|bridge|road|railway)\b[^,.;:\d]{0,20}\b(?:de|d['’]environ|of|of some)\s*$",
    re.IGNORECASE,
)
# "Les sept puissances du G7", "the 27 members of the EU": how many members a named group has.
_MEMBERS_BEFORE = re.compile(r"\b(?:les|the)\s*$", re.IGNORECASE)
_MEMBERS_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:membres?|pays|puissances|États|nations|alliés|members?|countries|states|nations|"
    r"allies|powers)\s+(?:du|de la|de l['’]|des|of the|of)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# "three economists said": the figure counts the speakers (surface forms: no lemmatizer runs).
_SAY = ("say", "says", "said", "tell", "tells", "told", "dit", "disent", "déclaré", "affirmé", "estimé",
        "indiqué", "précisé", "expliqué", "assuré", "souligné", "affirment", "estiment", "déclarent")
_LENGTHS = ("km", "m", "mile")


def is_standing(mention: Mention) -> bool:
    """True for a standing fact with no period: a place's distance ("située à 170 km"), a city's
    population ("the city of 3 million"), a size ("12-storey", "un mur de 300 km"), a group's members
    ("les sept puissances du G7"), a count of speakers ("two officials said")."""
    before = mention.before[-80:]
    if _PLACE.search(before) or _POPULATION.search(before):
        return True
    if _SIZE.match(mention.figure.quote + mention.after[:20]):
        return True
    if (mention.fields.get("unit") or mention.figure.unit) in _LENGTHS and _LENGTH_OF.search(before):
        return True
    if _MEMBERS_BEFORE.search(before) and _MEMBERS_AFTER.match(mention.after[:50]):
        return True
    return _counts_speakers(mention)


def _counts_speakers(mention: Mention) -> bool:
    """Whether the figure counts who speaks ("three economists said", "deux sources ont affirmé")."""
    tokens = mention.tokens()
    if not tokens:
        return False
    noun = tokens[-1].head
    return (noun.dep_ == "nsubj" and noun.pos_ == "NOUN" and noun.head.pos_ == "VERB"
            and noun.head.lower_ in _SAY)
