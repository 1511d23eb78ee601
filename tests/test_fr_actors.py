"""French actor rules on real parses: the outlet's own "nous"."""
from __future__ import annotations

import pytest

from tally.extract import actors
from tally.extract.actors import context

pytestmark = pytest.mark.slow


def _actor(make_mention, text, quote, lang, event, item, value=None):
    """The actor the pipeline's actor stage gives the figure `quote` of `text`."""
    mention = make_mention(text, quote, lang=lang, value=value)
    mention.fields.update({"event": event, "item": item})
    actors.assign(mention)
    return mention.fields["actor"]


@pytest.mark.parametrize(
    "text, quote, lang, actor",
    [
        # A French outlet's "nous" as performer is France ...
        ("Nous avons expédié 300 tonnes de vivres vers la Moldavie.", "300", "fr", "France"),
        # ... even when an adverb the parser takes for a subject comes first, and a helper is named.
        ("Jusque-là nous avons livré à la Moldavie 90 tonnes de matériel acheminé avec l'aide de l'OTAN.",
         "90", "fr", "France"),
        # ... also for a figure listed under a participle of its clause ...
        ("Nous avons envoyé 90 tonnes d'aide, comprenant des tentes et 30 tonnes de farine.", "30", "fr",
         "France"),
        # ... and "pour nous" right after the figure is France's share, whoever the subject is.
        ("La Pologne reçoit 20 cargaisons par an, contre seulement 4 pour nous.", "4", "fr", "France"),
        ("Un choc pour la Pologne, qui reçoit 20 cargaisons par an, contre seulement 4 pour nous.", "4", "fr",
         "France"),
        ("« La Pologne reçoit 20 cargaisons, contre 4 pour nous », a déclaré Olaf Scholz.", "4", "fr",
         "Germany"),
        ("Poland gets 20 cargoes a year, against only 4 for us, Olaf Scholz said.", "4", "en", "Germany"),
        # Near misses: the English outlet's "we" names no country; the generic "on" names none.
        ("We have shipped 300 tonnes of food to Moldova.", "300", "en", None),
        ("On a expédié 300 tonnes de vivres.", "300", "fr", None),
        # A speaker's "nous" stays the speaker's country.
        ("« Nous avons expédié 300 tonnes de vivres », a déclaré Olaf Scholz.", "300", "fr", "Germany"),
    ],
)
def test_fr_actors_outlet_first_person_is_france(make_mention, text, quote, lang, actor):
    assert _actor(make_mention, text, quote, lang, "deliver", "food") == actor


@pytest.mark.parametrize(
    "text, quote, lang, event, item, actor",
    [
        # The agent of a past participle on the counted noun acts on the things.
        ("Le pays compte 40 usines financées par l'Union européenne.", "40", "fr", "count", "factory",
         "European Union"),
        ("Sur les 9 000 dossiers traités par le HCR, peu ont abouti.", "9 000", "fr",
         "count", "application", "United Nations High Commissioner for Refugees"),
        ("The 40 applications received by the World Bank were processed.", "40", "en", "count", "application",
         "World Bank"),
        # Near miss: a participle with no agent leaves the sentence's subject.
        ("La Pologne a livré 40 chars modernisés l'an dernier.", "40", "fr", "deliver", "tank", "Poland"),
    ],
)
def test_fr_actors_participle_agent_acts(make_mention, text, quote, lang, event, item, actor):
    value = float(quote.replace(" ", ""))
    assert _actor(make_mention, text, quote, lang, event, item, value=value) == actor


def _actors_in_order(make_mention, text, figures, lang):
    """The actors of `figures` ((quote, value, event, item), in text order), each assigned in
    turn on one document state as the pipeline does."""
    state: dict = {}
    found = []
    for quote, value, event, item in figures:
        mention = make_mention(text, quote, lang=lang, value=value, state=state)
        mention.fields.update({"event": event, "item": item})
        actors.assign(mention)
        found.append(mention.fields["actor"])
    return found


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        # A sum restated in brackets in another currency is the same sum: the same actor.
        ("L'Allemagne a versé 2 milliards d'euros (environ 2,2 milliards de dollars) à l'Ukraine.",
         [("2 milliards", 2e9), ("2,2 milliards", 2.2e9)], "fr", "Germany"),
        ("Poland sent $1.3 billion (£1 billion) to Ukraine last year.", [("1.3 billion", 1.3e9), ("1 billion", 1e9)],
         "en", "Poland"),
    ],
)
def test_fr_actors_conversion_in_brackets_keeps_the_actor(make_mention, text, figures, lang, actor):
    found = _actors_in_order(make_mention, text, [(q, v, "deliver", "money") for q, v in figures], lang)
    assert found == [actor, actor]


@pytest.mark.parametrize(
    "text, first, second, lang",
    [
        # Near misses: brackets that list a part, or a figure further on, are not a conversion.
        ("L'Allemagne a livré 30 chars (dont 10 venus de Pologne).", "30", "10", "fr"),
        ("Germany sent 30 tanks, and Poland sent 10 more (a record).", "30", "10", "en"),
        ("Germany sent 30 tanks (and Poland 10).", "30", "10", "en"),
    ],
)
def test_fr_actors_conversion_near_misses(make_mention, text, first, second, lang):
    state: dict = {}
    mention = make_mention(text, first, lang=lang, state=state)
    mention.fields.update({"event": "deliver", "item": "tank"})
    actors.assign(mention)
    later = make_mention(text, second, lang=lang, state=state)
    assert context.converted_figure(later) is None


@pytest.mark.parametrize(
    "text, quote, lang, actor",
    [
        # A country adjective or name inside a place phrase locates, it does not perform.
        ("Il y a 40 usines dans deux régions ukrainiennes.", "40", "fr", None),
        ("There are 40 plants in two Ukrainian regions.", "40", "en", None),
        ("Two more plants were hit at the Russian port on the Gulf of Finland.", "Two", "en", None),
        # Near miss: the performer is still named outside the place phrase.
        ("La Russie a construit 40 usines dans deux régions ukrainiennes.", "40", "fr", "Russia"),
        ("Poland built 40 plants in two Ukrainian regions.", "40", "en", "Poland"),
    ],
)
def test_fr_actors_country_in_a_place_phrase_locates(make_mention, text, quote, lang, actor):
    value = 2 if quote == "Two" else None
    assert _actor(make_mention, text, quote, lang, "count", "factory", value=value) == actor
