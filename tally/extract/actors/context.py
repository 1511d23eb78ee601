"""Actors a sentence leaves to its context: the attacker of a war event, the giver of a
delivery, "we", an economy.

    "Russia launched 242 drones and 36 missiles overnight. The assault killed four people."
        four -> actor "Russia" (the attacker of the sentences just before)
    "Germany pledged 500 million euros. About 200 million go to air defence."
        200 million -> actor "Germany" (the giver of the sentence just before)
    "Inflation is running at 7%, economists said." (in an article about Ukraine)
        7% -> actor "Ukraine" (the country of the economy)
    "Nous avons livré 615 tonnes d'équipement", a dit Emmanuel Macron.
        615 -> actor "France" (the country of the speaker who says "nous")
    "The EU bought half of Russia's gas, but that share fell to 4%."
        4% -> actor "European Union" (the actor of the figure just before)
    "Two batteries were assigned to each battalion." (in an article naming Russia most)
        Two -> actor "Russia" (a deployment falls to the document's attacker, else to
        the country it names most)
"""
from __future__ import annotations

import re

from .. import gazetteer
from ..gazetteer import Entity
from ..mention import Mention
from .names import main_country
from .state import recent_country

# Events of a war whose performer is the attacking side.
WAR_EVENTS = {"strike", "deploy", "kill", "injure", "destroy"}
# Events whose actor is remembered as the attacker for the sentences that follow.
ATTACK_EVENTS = {"strike", "deploy"}
# Events and items whose actor is always the attacker: victims killed or wounded (a
# side's own losses of soldiers are told with the side that suffered them).
VICTIM_EVENTS = {"kill", "injure"}
VICTIMS = {"person", "civilian", "child", "woman", "man", "people"}
# Events that always have a performer: with none in view, the document's attacker, else
# its main country ("Two batteries were assigned to each battalion" in an article on
# Russian artillery).
# (Kill and injure were measured too: they lose more than they win, dev sets 2026-11.)
PERFORMED_EVENTS = {"deploy"}
# Events whose performer carries to the same event in the next sentence
# ("The EU agreed a €90bn loan. Two-thirds go to defence").
CARRIED_EVENTS = {"deliver", "produce", "spend"}
CARRY_SAME_EVENT = 1
# How many sentences back an attacker is carried (news paragraphs are one or two
# sentences long, so the carry crosses their breaks).
CARRY_SENTENCES = 2
# How many of the countries a document names most count as its sides.
PARTIES = 2
# How many times more the main country of a document must be named than the next one.
LEAD = 2
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
# Events of having: the same figure of the same thing told again has the same holder.
HELD_EVENTS = {"count"}
FIRST_PERSON = {"we", "us", "our", "nous", "notre", "nos", "on"}
# The first person of an outlet writing in French, and the country it then speaks for.
OUTLET_WE_FR = {"nous", "notre", "nos"}
OUTLET_COUNTRY_FR = "France"
# Words of a national economy: a figure near one measures the economy of a country.
ECONOMY_WORDS = {
    "gdp", "inflation", "growth", "economy", "economic", "investment", "investments",
    "unemployment", "jobless", "wages", "exports", "imports", "deficit", "debt", "recession",
    "pib", "croissance", "économie", "économique", "investissement", "investissements",
    "chômage", "chômeurs", "salaires", "exportations", "importations", "déficit", "dette",
    # stocks of gas or oil are a country's ("en France, les stocks sont remplis à 56 %")
    "stocks", "stockage", "storage",
}
# (Their ends too: a window of words may cut the phrase's start.)
ECONOMY_PHRASES = ("gross domestic product", "produit intérieur brut", "domestic product", "intérieur brut")
# Nouns a figure of the economy may count ("20% of output", "un taux de 16 %"); they
# make no figure economic alone.
ECONOMY_MEASURES = {"output", "production", "rate", "rates", "taux", "prices", "prix"}
PERCENT_WORDS = {"%", "percent", "per", "cent", "pour", "pourcent", "points", "point"}
# Nouns an economic figure may count (built once: asked for every figure).
_ECONOMY_NOUNS = frozenset(ECONOMY_WORDS | ECONOMY_MEASURES | PERCENT_WORDS)
# How many words from the figure an economy word may stand.
ECONOMY_WINDOW = 12


def remember_actor(mention: Mention, actor: str | None, stated: bool = True) -> None:
    """Keep the actor of an attack (or of the killing or wounding of victims) for the
    war events of the next sentences, and the giver a sentence states (`stated`: not one
    carried from before) for the same event in the next one."""
    fields = mention.fields
    victims = fields.get("event") in VICTIM_EVENTS and fields.get("item") in VICTIMS
    if actor is not None and (fields.get("event") in ATTACK_EVENTS or victims):
        mention.state["last_attacker"] = (mention.sentence.index, actor)
    if actor is not None and stated:
        mention.state.setdefault("figure_actors", {})[_figure_key(mention)] = actor
        mention.state["last_actor"] = (mention.sentence.index, actor)
    if actor is not None and stated and fields.get("event") in CARRIED_EVENTS:
        mention.state.setdefault("last_by_event", {})[fields["event"]] = (mention.sentence.index, actor)


def previous_actor(mention: Mention) -> str | None:
    """The actor the figure before stated, in this sentence or the one just before ("the
    EU bought half of Russia's exports, but that share fell to 4%")."""
    last = mention.state.get("last_actor")
    return last[1] if last is not None and 0 <= mention.sentence.index - last[0] <= 1 else None


def repeated_actor(mention: Mention) -> str | None:
    """For what someone has, the actor a sentence before gave the same figure of the same
    thing ("Putin owns 700 cars ... to own 700 cars on top of that"): a holding told again
    keeps its holder. (Not for actions: "Russia plans a million drones ... Ukraine aims to
    make a million too".)"""
    if mention.fields.get("event") not in HELD_EVENTS:
        return None
    return mention.state.get("figure_actors", {}).get(_figure_key(mention))


def _figure_key(mention: Mention) -> tuple:
    fields = mention.fields
    return (mention.figure.value, fields.get("unit", mention.figure.unit), fields.get("item"))


def actor_from_context(mention: Mention, speaker: Entity | None) -> str | None:
    """The attacker of the previous sentences for a war event whose sentence names no side
    ("The assault killed four people" after "Russia launched 242 drones"); the performer
    of the same delivery, production or spending in the sentence just before."""
    event = mention.fields.get("event")
    last = mention.state.get("last_by_event", {}).get(event)
    if event in CARRIED_EVENTS and last is not None and 0 < mention.sentence.index - last[0] <= CARRY_SAME_EVENT:
        return last[1]
    if _unit(mention) == "percent":
        # "The EU agreed a €90bn loan. Two-thirds are earmarked for defence": a share is
        # of the whole just told, and has its actor.
        share = previous_actor(mention)
        if share is not None:
            return share
    if mention.fields.get("event") not in WAR_EVENTS:
        return None
    attacker = recent_attacker(mention)
    if attacker is not None:
        return attacker
    if event in PERFORMED_EVENTS:
        # The document's attacker of any sentence before, else the country it names most.
        last = mention.state.get("last_attacker")
        return last[1] if last is not None else main_party(mention)
    return None


def _unit(mention: Mention) -> str:
    return mention.fields.get("unit", mention.figure.unit)


def recent_attacker(mention: Mention) -> str | None:
    """The attacker of this sentence or of the few just before, if any."""
    last = mention.state.get("last_attacker")
    if last is not None and 0 <= mention.sentence.index - last[0] <= CARRY_SENTENCES:
        return last[1]
    return None


def main_party(mention: Mention) -> str | None:
    """The country the whole document names most (its words and demonyms counted once
    per document), if it is named at least LEAD times as often as the next one."""
    ranked = document_countries(mention)
    if not ranked or len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def document_countries(mention: Mention) -> list[tuple[str, int]]:
    """The countries the document's capitalised words name ("Russia", "Russian", "russe"
    is lower case and left out), most named first; counted once and kept in the state."""
    ranked = mention.state.get("document_countries")
    if ranked is None:
        counts: dict[str, int] = {}
        for word in _CAPITALISED.findall(mention.document.text):
            name = gazetteer.demonym(word)
            if name is not None:
                counts[name] = counts.get(name, 0) + 1
        ranked = sorted(counts.items(), key=lambda pair: -pair[1])
        mention.state["document_countries"] = ranked
    return ranked


def other_party(mention: Mention, country: str) -> str | None:
    """The other of the document's two sides when `country` is one of them."""
    parties = [name for name, _ in document_countries(mention)[:PARTIES]]
    if len(parties) != PARTIES or country not in parties:
        return None
    return next(name for name in parties if name != country)


def is_party(mention: Mention, country: str) -> bool:
    """Whether `country` is one of the two countries the document names most: a side of
    the war it tells, not a supplier ("Iranian-made drones" launched by Russia)."""
    return country in [name for name, _ in document_countries(mention)[:PARTIES]]


def remember_figure(mention: Mention, actor: str | None) -> None:
    """Keep where the figure ends and its actor, for a conversion in brackets after it."""
    mention.state["last_figure"] = (mention.sentence.index, mention.figure.end, actor)


# Between a figure and its conversion in brackets: its unit words, the bracket, a hedge
# ("140 000 dollars (127 000 euros)", "$1.3bn (about £1bn)", "287,6 milliards (soit 260").
_CONVERSION_GAP = re.compile(
    r"^[^\d()«»“”.;]{0,25}\(\s*(?:(?:about|around|roughly|some|nearly|or|environ|soit|près\s+de|quelque)\s+)?$",
    re.IGNORECASE)


def converted_figure(mention: Mention) -> tuple[str | None] | None:
    """(actor,) of the figure just before this one when this one restates it in brackets,
    in another unit; None otherwise."""
    index, end, actor = mention.state.get("last_figure", (-1, 0, None))
    if index != mention.sentence.index or end > mention.figure.start:
        return None
    gap = mention.document.text[end : mention.figure.start]
    return (actor,) if _CONVERSION_GAP.match(gap) else None


def first_person_actor(subject, mention: Mention, speaker: Entity | None) -> str | None:
    """For "we"/"nous" (or "our"/"nos") as the performer: the speaker's country (a body
    speaks for itself); None when the outlet speaks."""
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return None
    if subject.lower_ == "on" and mention.lang != "fr":
        return None
    if speaker is not None and speaker.name:
        if speaker.kind in ("person", "state"):
            return speaker.country
        return speaker.name
    # The outlet's own "we" is left alone: taking the country the document names most
    # for it was wrong as often as right (dev sets, 2026-11). A French outlet writing
    # "nous avons fourni", "nos stocks" means France (the generic "on" is left out).
    if mention.lang == "fr" and subject.lower_ in OUTLET_WE_FR:
        return OUTLET_COUNTRY_FR
    return None



def is_economic(mention: Mention, noun) -> bool:
    """Whether an economy word stands near the figure ("inflation reached 7%", "le PIB
    a reculé de 2 %") and the figure counts no other thing ("31 donors" near "GDP")."""
    tokens = mention.tokens()
    if not tokens:
        return False
    if noun not in tokens and noun.pos_ == "NOUN" and noun.lower_ not in _ECONOMY_NOUNS:
        return False
    doc = tokens[0].doc
    start, end = max(tokens[0].i - ECONOMY_WINDOW, 0), min(tokens[-1].i + ECONOMY_WINDOW + 1, len(doc))
    window = doc[start:end]
    if any(t.lower_ in ECONOMY_WORDS for t in window):
        return True
    text = window.text.lower()
    return any(phrase in text for phrase in ECONOMY_PHRASES)


def economy_actor(places: list[str], mention: Mention, speaker: Entity | None) -> str | None:
    """The country of an economic figure: the one country the sentence names, places
    included ("in France, stocks are 56% full"), else the speaker's (a central bank's,
    a state bank's), else the country the sentence before names, else the country the
    document names most."""
    if len(places) == 1:
        return places[0]
    if places:
        return None
    if speaker is not None and speaker.country:
        return speaker.country
    recent = recent_country(mention)
    if recent is not None:
        return recent  # "unemployment in Germany rose. Analysts expected a fall of 5,000"
    main = main_country(mention.state)
    return main.name if main else None
