"""Tests for the item stage on shares, sums, measures and asides: what a figure counts when
the noun is not right after it."""
from __future__ import annotations

import pytest

from tally.extract import items

pytestmark = pytest.mark.slow


def _item(make_mention, text, quote, lang, unit, value=None, state=None):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value, state=state)
    items.assign(mention)
    return mention.fields["item"]


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "item"),
    [
        # An aside between the figure and its noun.
        ("The plant now makes 900 [first-person view] drones a week.", "900", "en", "count", None, "drone"),
        ("Kyiv bought 40 (mostly used) tanks from Poland.", "40", "en", "count", None, "tank"),
        # A participle before the noun.
        ("Poland supplied 45% of the country's imported electricity.", "45", "en", "percent", None,
         "electricity"),
        ("La Hongrie a fourni 30 % des drones livrés à Kyiv.", "30", "fr", "percent", None, "drone"),
        # The first end of a range reaches the noun past the second.
        ("Officials said 10-15% of the shells were duds.", "10", "en", "percent", None, "shell"),
        # Weights given to a country: "à l'Ukraine" does not locate them.
        ("La France a envoyé à l'Ukraine 200 tonnes de médicaments.", "200", "fr", "tonne", None, "medicine"),
        # A share of GDP measures what came before it, not GDP.
        ("Its public debt climbed to 95% of gross domestic product.", "95", "en", "percent", None, "debt"),
        ("La dette publique atteint 110 % du PIB.", "110", "fr", "percent", None, "debt"),
        # The subject of a verb of forecast over a change ("is projected to decline").
        ("Exports are expected to fall by 4% next year.", "4", "en", "percent", None, "export"),
        # The subject shared by coordinated verbs; a currency that changes.
        ("The ships damaged or sunk this year may amount to as much as 8%.", "8", "en", "percent", None, "ship"),
        ("Le rouble s'est effondré de 25 % en une semaine.", "25", "fr", "percent", None, "rouble"),
        # A share qualified by a participle of holding land is territory.
        ("Officials say the 18% occupied by Russia is mined.", "18", "en", "percent", None, "territory"),
        ("Les 20 % contrôlés par l'armée russe restent minés.", "20", "fr", "percent", None, "territory"),
        # A duration takes the object of its verb.
        ("Moscow agreed to halt strikes on the grid for a week.", "a week", "en", "week", 1, "attack"),
        ("He promised to end the war in 24 hours.", "24 hours", "en", "hour", 24, "war"),
        ("La durée initiale du mandat sera de deux ans.", "deux ans", "fr", "year", 2, "mandate"),
        # A generic count said to be a group ("registered as refugees").
        ("About 900,000 Ukrainians have registered as refugees in Poland.", "900,000", "en", "count", 900000,
         "refugee"),
        # A sum priced through "de"/"of" after its currency, and the first of two goods.
        ("Il aurait amassé 50 milliards de dollars (46 milliards d'euros) de gains illicites.", "50 milliards", "fr",
         "USD", 5e10, "wealth"),
        ("Chaque jour, le pays vend du pétrole et du gaz pour 300 millions d'euros.", "300 millions", "fr", "EUR",
         3e8, "oil"),
    ],
)
def test_item_shares_counted_noun(make_mention, text, quote, lang, unit, value, item):
    assert _item(make_mention, text, quote, lang, unit, value) == item


def test_item_shares_gdp_share_of_earlier_sum(make_mention):
    """A share of GDP right after a sum is a share of that sum: the sum's item."""
    text = "Its military aid reached €400m, about 0.5 percent of GDP."
    state: dict = {}
    _item(make_mention, text, "€400m", "en", "EUR", 4e8, state=state)
    assert _item(make_mention, text, "0.5", "en", "percent", 0.5, state=state) == "money"


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "item"),
    [
        # Near misses: a yacht priced on its own keeps its noun, a located distance has none.
        ("Il possède un palais, une villa et un yacht de 90 millions de dollars.", "90 millions", "fr", "USD",
         9e7, "yacht"),
        ("Le dépôt se trouve à 40 km de la frontière.", "40", "fr", "km", None, None),
    ],
)
def test_item_shares_near_misses(make_mention, text, quote, lang, unit, value, item):
    assert _item(make_mention, text, quote, lang, unit, value) == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        ("Russia unveiled a new hypersonic missile. It flies at 9,000 km per hour.", "9,000", "en", "km/h",
         "missile"),
        ("L'armée a reçu un nouveau drone. Il vole à 200 km/h.", "200", "fr", "km/h", "drone"),
    ],
)
def test_item_shares_pronoun_measure(make_mention, text, quote, lang, unit, item):
    """A measure whose subject is "it" takes the item found in the sentence before."""
    state: dict = {"items_by_sentence": {0: item}}
    assert _item(make_mention, text, quote, lang, unit, state=state) == item


def test_item_shares_pronoun_measure_needs_earlier_item(make_mention):
    assert _item(make_mention, "It flies at 9,000 km per hour.", "9,000", "en", "km/h") is None


@pytest.mark.parametrize(
    ("text", "first", "second", "lang", "item"),
    [
        ("The army has lost 9,000 soldiers, including 2,000 deaths.", "9,000", "2,000", "en", "soldier"),
        ("L'armée a perdu 500 soldats, dont 200 morts.", "500", "200", "fr", "soldier"),
    ],
)
def test_item_shares_breakdown_by_loss(make_mention, text, first, second, lang, item):
    """A breakdown by deaths keeps the group counted just before ("including 2,000 deaths")."""
    state: dict = {}
    assert _item(make_mention, text, first, lang, "count", state=state) == item
    assert _item(make_mention, text, second, lang, "count", state=state) == item


def test_item_shares_loss_without_group(make_mention):
    assert _item(make_mention, "The blast caused 14 deaths.", "14", "en", "count") == "person"
