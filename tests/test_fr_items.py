"""Tests for French (and matching English) item kinds: elided nouns, things valued in money, workers,
asylum applications."""
from __future__ import annotations

import pytest

from tally.extract import items
from tally.extract.items.elided import elided_noun


@pytest.mark.parametrize("text,quote,lang,item", [
    # the noun named just before stands for the count
    ("Le pays a fermé la plupart de ses centrales nucléaires, mais les deux dernières, qui devaient "
     "s'arrêter cet hiver, resteront ouvertes.", "deux", "fr", "nuclear power plant"),
    ("L'armée a reçu des chars modernes, et les trois premiers sont déjà au front.", "trois", "fr", "tank"),
    ("The navy retired most of its warships, but the last two are still at sea.", "two", "en", "ship"),
])
def test_items_elided_noun_named_before(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, value=float({"deux": 2, "trois": 3, "two": 2}[quote]))
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize("text,quote,lang", [
    # a feminine ordinal does not take a masculine noun
    ("Le pays a livré des chars, et les deux dernières semaines ont été calmes.", "deux", "fr"),
    # "les trois premiers mois": the noun follows, the rule does not apply
    ("Les usines ont tourné à plein pendant les trois premiers mois.", "trois", "fr"),
])
def test_items_elided_noun_near_misses(make_mention, text, quote, lang):
    mention = make_mention(text, quote, lang=lang, value=float({"deux": 2, "trois": 3}[quote]))
    assert elided_noun(mention) is None


@pytest.mark.parametrize("text,quote,lang,value,unit,item", [
    # weapons valued in money count as weapons, through "une valeur de" / "worth"
    ("Paris a livré des armes pour une valeur de 300 millions d'euros.", "300 millions", "fr", 3e8, "EUR",
     "weapon"),
    ("Le pays a cédé du matériel militaire d'une valeur de 50 millions d'euros.", "50 millions", "fr", 5e7,
     "EUR", "weapon"),
    ("The government sent weapons worth $400 million.", "$400 million", "en", 4e8, "USD", "weapon"),
    # a sum of aid stays money
    ("Paris a versé une aide d'une valeur de 300 millions d'euros.", "300 millions", "fr", 3e8, "EUR", "money"),
])
def test_items_valued_things(make_mention, text, quote, lang, value, unit, item):
    mention = make_mention(text, quote, lang=lang, value=value, unit=unit)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize("text,quote,lang,value,item", [
    # people told as working, or as the labour force, are workers
    ("On estime que 200 000 Polonais qui travaillent en Irlande sont rentrés.", "200 000", "fr", 2e5, "worker"),
    ("La population active du pays compte 4 millions de personnes.", "4 millions", "fr", 4e6, "worker"),
    ("The country has a workforce of 4 million people.", "4 million", "en", 4e6, "worker"),
    # people who only live somewhere stay persons
    ("On estime que 200 000 Polonais vivent en Irlande.", "200 000", "fr", 2e5, "person"),
])
def test_items_workers(make_mention, text, quote, lang, value, item):
    mention = make_mention(text, quote, lang=lang, value=value)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize("text,quote,lang,value,item", [
    # people counted by their asking for asylum, and requests in a sentence about asylum, are applications
    ("L'an passé, 3400 Syriens ont demandé l'asile en Belgique.", "3400", "fr", 3400, "asylum application"),
    ("Last year 3,400 Syrians applied for asylum in Belgium.", "3,400", "en", 3400, "asylum application"),
    ("Le pays a reçu 40 000 demandes, dont beaucoup d'asile politique.", "40 000", "fr", 4e4,
     "asylum application"),
    # people who only arrived stay persons
    ("L'an passé, 3400 Syriens sont arrivés en Belgique.", "3400", "fr", 3400, "person"),
])
def test_items_asylum_applications(make_mention, text, quote, lang, value, item):
    mention = make_mention(text, quote, lang=lang, value=value)
    items.assign(mention)
    assert mention.fields["item"] == item
