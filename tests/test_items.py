"""Tests for the item stage: what a figure counts, through the parse and the lexicon."""
from __future__ import annotations

import pytest

from tally.extract import items

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "item"),
    [
        # The noun the figure modifies, mapped to the vocabulary.
        ("Moscow fired 310 drones at Kharkiv on Tuesday.", "310", "en", "count", None, "drone"),
        ("The army received 45 UAVs last month.", "45", "en", "count", None, "drone"),
        ("Kyiv says it built 12 plants near Lviv.", "12", "en", "count", None, "factory"),
        ("London will send 600 troops to Estonia.", "600", "en", "count", None, "soldier"),
        ("About 75 firms now make parts for the army.", "75", "en", "count", None, "company"),
        ("The navy lost 9 vessels in the Black Sea.", "9", "en", "count", None, "ship"),
        ("Gunners fired 8,000 rounds a day.", "8,000", "en", "count", 8000, "shell"),
        ("Le régiment a reçu 140 chars neufs.", "140", "fr", "count", None, "tank"),
        ("L'usine a livré 300 obus par jour.", "300", "fr", "count", None, "shell"),
        ("Onze pays ont rejoint la coalition.", "Onze", "fr", "count", 11, "country"),
        ("La ville compte 52 usines d'armement.", "52", "fr", "count", None, "factory"),
        ("On a recensé 73 wagons de marchandises en gare.", "73", "fr", "count", None, "freight_wagon"),
        ("Plus de 40 entreprises ont signé le contrat.", "40", "fr", "count", None, "company"),
        ("Environ 1 200 soldats sont arrivés hier.", "1 200", "fr", "count", 1200, "soldier"),
        # Magnitude words and "of"/"de" between the figure and its noun.
        ("Both sides use thousands of cheap drones.", "thousands", "en", "count", 1000, "drone"),
        ("Il veut fabriquer des milliers de drones.", "milliers", "fr", "count", 1000, "drone"),
        ("Kyiv hopes to make 2 million of its own drones.", "2 million", "en", "count", 2e6, "drone"),
        ("Le pays a produit 1,4 million de drones.", "1,4 million", "fr", "count", 1.4e6, "drone"),
        ("They sent 615 tonnes of equipment.", "615", "en", "tonne", None, "weapon"),
        # People: nationality nouns, wounded, inhabitants.
        ("Au moins 52 Palestiniens ont été tués.", "52", "fr", "count", None, "person"),
        ("La région compte 800 000 habitants.", "800 000", "fr", "count", 800000, "person"),
        ("The strike killed 14 people overnight.", "14", "en", "count", None, "person"),
        ("Les secours ont soigné 19 blessés.", "19", "fr", "count", None, "person"),
        # Percentages: the noun after "of"/"des", GDP, a country's share of land.
        ("Nearly 30% of the drones were jammed.", "30", "en", "percent", None, "drone"),
        ("Près de 30 % des drones ont été brouillés.", "30", "fr", "percent", None, "drone"),
        ("Its public debt rose to 90 percent of GDP.", "90", "en", "percent", None, "debt"),
        ("Russia holds a fifth of Ukraine's territory.", "a fifth", "en", "percent", 20, "territory"),
        # Money, ages, areas, earlier clauses.
        ("Paris pledged $2 billion in aid.", "$2 billion", "en", "USD", 2e9, "money"),
        ("Il possède un palais de 1,4 milliard de dollars.", "1,4 milliard", "fr", "USD", 1.4e9, "palace"),
        ("A 56-year-old nurse was hurt.", "56-year-old", "en", "year", 56, "person"),
        ("Deux jeunes de 19 ans ont été arrêtés.", "19", "fr", "year", None, "person"),
        ("The army retook 300 square kilometres.", "300", "en", "km2", None, "territory"),
        ("Les troupes ont reçu 9 000 drones, et le nombre prévu est de 20 000.", "20 000", "fr", "count", 20000,
         "drone"),
        ("Production grew 100 times in a year.", "100", "en", "ratio", None, "production"),
        ("Selon l'état-major, le nombre de drones abattus atteint 38.", "38", "fr", "count", None, "drone"),
    ],
)
def test_items_counted_noun(make_mention, text, quote, lang, unit, value, item):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # Near misses: the word after the figure is not what it counts.
        ("The city lies 70 kilometres from the front.", "70", "en", "km", None),
        ("La ville est située à 170 kilomètres au sud de Moscou.", "170", "fr", "km", None),
        ("The new plant is 3 times larger than the old one.", "3", "en", "count", None),
    ],
)
def test_items_no_counted_noun(make_mention, text, quote, lang, unit, item):
    mention = make_mention(text, quote, lang=lang, unit=unit)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "detail"),
    [
        ("Russia launched 90 Shahed drones overnight.", "90", "en", "Shahed"),
        ("Ukraine now builds 4,000 FPV drones a day.", "4,000", "en", "FPV"),
        ("L'armée a reçu 500 drones Lancet.", "500", "fr", "Lancet"),
        ("Russia launched 90 drones overnight.", "90", "en", None),
    ],
)
def test_items_detail(make_mention, text, quote, lang, detail):
    mention = make_mention(text, quote, lang=lang, value=float(quote.replace(",", "")))
    items.assign(mention)
    assert mention.fields["item"] == "drone"
    assert mention.fields["item_detail"] == detail


@pytest.mark.parametrize(
    ("word", "lang", "singular"),
    [("usines", "fr", "usine"), ("chevaux", "fr", "cheval"), ("pays", "fr", "pays"), ("obus", "fr", "obus"),
     ("factories", "en", "factory"), ("people", "en", "person"), ("missiles", "en", "missile"), ("gas", "en", "gas")],
)
def test_items_singular(word, lang, singular):
    assert items.singular(word, lang) == singular


@pytest.mark.parametrize(
    ("words", "lang", "item"),
    [(["véhicules", "blindés"], "fr", "armoured_vehicle"), (["bases", "militaires"], "fr", "military base"),
     (["armored", "vehicles"], "en", "armoured_vehicle"), (["rounds"], "en", "shell"), (["stadium"], "en", None)],
)
def test_items_lookup(words, lang, item):
    assert items.lookup(words, lang) == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        ("Russia struck the power grid 217 times this winter.", "217", "en", "attack"),
        ("Les forces russes ont bombardé la ville 40 fois en mars.", "40", "fr", "attack"),
        ("She got stuck in the lift 3 times.", "3", "en", None),
    ],
)
def test_items_repeated_strikes_are_attacks(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        ("Russia launched 242 drones overnight.", "242", "en", "drone"),
        ("L'usine a livré 300 obus hier.", "300", "fr", "shell"),
        # A noun the lexicon does not know stays unnamed without a tagger to say it is a noun.
        ("Il y avait 300 spectateurs.", "300", "fr", None),
    ],
)
def test_items_without_parser(text, quote, lang, item):
    """With a blank pipeline (no tagger, no parser) the lexicon still names the noun after the figure."""
    import spacy

    from tally.extract.mention import Figure, Mention, Sentence
    from tally.models import Document

    start = text.index(quote)
    sentence = Sentence(0, len(text), text, 0, doc=spacy.blank(lang)(text))
    mention = Mention(Document(id="t", text=text, lang=lang), sentence,
                      Figure(start, start + len(quote), quote, float(quote)), lang)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "item"),
    [
        # A figure with no noun of its own takes the head of the noun group before it.
        ("Les tirs d'artillerie ont augmenté, environ 30 fois plus qu'avant.", "30", "fr", "ratio", None, "attack"),
        ("The battle was for a town with a population of 60,000.", "60,000", "en", "count", 60000, "person"),
    ],
)
def test_items_from_context(make_mention, text, quote, lang, unit, value, item):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "first", "second", "lang", "units", "item"),
    [
        ("Son salaire annuel est de 140 000 dollars (127 000 euros).", "140 000", "127 000", "fr",
         ("USD", "EUR"), "salary"),
        ("The missile hit a plant 1,200 km (745 miles) away.", "1,200", "745", "en", ("km", "mile"), None),
    ],
)
def test_items_bracketed_conversion_repeats_item(make_mention, text, first, second, lang, units, item):
    state: dict = {}
    for quote, unit in zip((first, second), units):
        mention = make_mention(text, quote, lang=lang, unit=unit, value=float(quote.replace(" ", "").replace(",", "")),
                               state=state)
        items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        ("Doctors say the number of “cold deaths” may be close to 200.", "200", "en", "person"),
        ("Le nombre de nouveaux soldats atteint 5 000.", "5 000", "fr", "soldier"),
    ],
)
def test_items_number_of_skips_quotes_and_adjectives(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, value=float(quote.replace(" ", "")))
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # The unit of a measure is skipped: the noun after it is what lasts or stretches.
        ("They ended almost four years of all-out war.", "four", "en", "year", "war"),
        ("Le pays sort de quatre ans de guerre.", "quatre", "fr", "year", "war"),
        ("Washington wants to end the nearly four-year war.", "four", "en", "year", "war"),
        ("Crews dug along the 1,000-kilometre front line.", "1,000", "en", "km", "front line"),
        ("Ils ont achevé un mur d'acier de 300 km le long de la frontière.", "300", "fr", "km", "wall"),
        # "La durée de X", "the length of X".
        ("La durée du mandat de la mission sera de deux ans.", "deux", "fr", "year", "mandate"),
        ("The length of the new wall is 300 km.", "300", "en", "km", "wall"),
        # Else the subject of the verb: what was placed, or what lasted.
        ("Russian artillery units were laagered up to 12 km behind the line.", "12", "en", "km", "artillery"),
        ("Les négociations ont duré six heures.", "six", "fr", "hour", "negotiation"),
        # Near misses: a distance that locates a place names no item.
        ("Missiles struck the plant, about 1,200 km from the border.", "1,200", "en", "km", None),
        ("La ville est à 15 km de la frontière.", "15", "fr", "km", None),
        ("The city lies 70 kilometres from the front.", "70", "en", "km", None),
    ],
)
def test_items_distances_and_durations(make_mention, text, quote, lang, unit, item):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # A noun joined to the count by a hyphen is what is counted, even one that alone is not an item.
        ("Her 12-storey apartment block has no heating.", "12", "en", "storey"),
        ("Beijing put forward a 12-point peace plan.", "12", "en", "point"),
        ("Ils vivent dans un immeuble de 12 étages.", "12", "fr", "storey"),
        # A hyphenated modifier does not hide the head of a compound.
        ("At least one machine-building plant was struck.", "one", "en", "factory"),
        # Near miss: in a score the word after the hyphen is no noun; the noun after it counts.
        ("They won by a 3-to-1 margin.", "3", "en", "margin"),
    ],
)
def test_items_hyphenated_counts(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # "how many X": the noun asked about.
        ("No one knows how many civilians died, but the number is well over 100,000.", "100,000", "en", "civilian"),
        ("On ignore combien de soldats sont morts, mais le chiffre dépasse 10 000.", "10 000", "fr", "soldier"),
        # A place of N: its people.
        ("Some 600,000 people left the city of 3 million.", "3 million", "en", "person"),
        ("Ils ont quitté une ville de 3 millions.", "3 millions", "fr", "person"),
    ],
)
def test_items_how_many_and_populations(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # A list that pairs a narrower item with its broader kind counts the broader one.
        ("Russia has lost about 13,800 tanks and armored vehicles.", "13,800", "en", "armoured_vehicle"),
        ("L'armée a perdu 1 200 chars et véhicules blindés.", "1 200", "fr", "armoured_vehicle"),
        ("Russia has lost about 300 tanks and 40 jets.", "300", "en", "tank"),
        # A participle or adjective can name a narrower group among generic people.
        ("Quatre individus suspectés ont été arrêtés.", "Quatre", "fr", "suspect"),
        ("Cinquante hommes mobilisés sont partis au front.", "Cinquante", "fr", "soldier"),
        ("Quatre personnes blessées ont été soignées.", "Quatre", "fr", "person"),
    ],
)
def test_items_lists_and_narrower_groups(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "item"),
    [
        # Everyday news nouns the vocabulary lacks, translated to plain English.
        ("Douze manifestants ont été arrêtés.", "Douze", "protester"),
        ("La région a reçu 300 générateurs.", "300", "generator"),
        ("Le ministère recrute 3 000 enseignants.", "3 000", "teacher"),
        ("Les députés ont adopté 40 amendements.", "40", "amendment"),
        ("L'hôpital manque de 200 lits.", "200", "bed"),
        ("Le texte distingue 12 catégories de réfugiés.", "12", "category"),
        # Near miss: "au cours de" is a span of time, not a court.
        ("Au cours des 75 dernières années, rien n'a changé.", "75", None),
    ],
)
def test_items_french_news_nouns(make_mention, text, quote, item):
    mention = make_mention(text, quote, lang="fr", value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "unit", "item"),
    [
        # A noun the lexicon lacks keeps the noun that names its kind.
        ("Insurers paid out on 40 insurance claims.", "40", "count", "insurance claim"),
        ("About half of the energy exports went to Europe.", "half", "percent", "energy export"),
        # Near misses: a known noun needs no modifier; a unit before a hyphen is no kind.
        ("The army now fields 300 combat drones.", "300", "count", "drone"),
        ("Envoys joined the 30-minute call.", "30", "minute", "call"),
    ],
)
def test_items_compound_kind(make_mention, text, quote, unit, item):
    mention = make_mention(text, quote, lang="en", unit=unit, value=1.0)
    items.assign(mention)
    assert mention.fields["item"] == item
