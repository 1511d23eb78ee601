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
"""
from __future__ import annotations

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
# Events whose performer carries to the same event in the next sentence
# ("The EU agreed a €90bn loan. Two-thirds go to defence").
CARRIED_EVENTS = {"deliver", "produce", "spend"}
CARRY_SAME_EVENT = 1
# How many sentences back an attacker is carried (news paragraphs are one or two
# sentences long, so the carry crosses their breaks).
CARRY_SENTENCES = 2
FIRST_PERSON = {"we", "us", "our", "nous", "notre", "nos", "on"}
# Words of a national economy: a figure near one measures the economy of a country.
ECONOMY_WORDS = {
    "gdp", "inflation", "growth", "economy", "economic", "investment", "investments",
    "unemployment", "jobless", "wages", "exports", "imports", "deficit", "debt", "recession",
    "pib", "croissance", "économie", "économique", "investissement", "investissements",
    "chômage", "chômeurs", "salaires", "exportations", "importations", "déficit", "dette",
    # stocks of gas or oil are a country's ("en France, les stocks sont remplis à 56 %")
    "stocks", "stockage", "storage",
}
ECONOMY_PHRASES = ("gross domestic product", "produit intérieur brut")
# Nouns a figure of the economy may count ("20% of output", "un taux de 16 %"); they
# make no figure economic alone.
ECONOMY_MEASURES = {"output", "production", "rate", "rates", "taux", "prices", "prix"}
PERCENT_WORDS = {"%", "percent", "per", "cent", "pour", "pourcent", "points", "point"}
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
    if actor is not None and stated and fields.get("event") in CARRIED_EVENTS:
        mention.state.setdefault("last_by_event", {})[fields["event"]] = (mention.sentence.index, actor)


def actor_from_context(mention: Mention, speaker: Entity | None) -> str | None:
    """The attacker of the previous sentences for a war event whose sentence names no side
    ("The assault killed four people" after "Russia launched 242 drones"); the performer
    of the same delivery, production or spending in the sentence just before."""
    event = mention.fields.get("event")
    last = mention.state.get("last_by_event", {}).get(event)
    if event in CARRIED_EVENTS and last is not None and 0 < mention.sentence.index - last[0] <= CARRY_SAME_EVENT:
        return last[1]
    if mention.fields.get("event") not in WAR_EVENTS:
        return None
    last = mention.state.get("last_attacker")
    if last is None:
        return None
    index, actor = last
    return actor if 0 <= mention.sentence.index - index <= CARRY_SENTENCES else None


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
    # for it was wrong as often as right (dev sets, 2026-11).
    return None



def is_economic(mention: Mention, noun) -> bool:
    """Whether an economy word stands near the figure ("inflation reached 7%", "le PIB
    a reculé de 2 %") and the figure counts no other thing ("31 donors" near "GDP")."""
    tokens = mention.tokens()
    if not tokens:
        return False
    if noun not in tokens and noun.pos_ == "NOUN" and noun.lower_ not in ECONOMY_WORDS | ECONOMY_MEASURES | PERCENT_WORDS:
        return False
    doc = tokens[0].doc
    start, end = max(tokens[0].i - ECONOMY_WINDOW, 0), min(tokens[-1].i + ECONOMY_WINDOW + 1, len(doc))
    window = doc[start:end]
    return any(t.lower_ in ECONOMY_WORDS for t in window) or any(
        phrase in window.text.lower() for phrase in ECONOMY_PHRASES)


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
