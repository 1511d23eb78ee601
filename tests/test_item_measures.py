"""Tests for the item stage on measures and changes: what a range, speed or distance belongs to,
and what a share of change changes."""
from __future__ import annotations

import pytest

from tally.extract import items

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # A measure noun is the measure of its owner: through "of"/"de", or the subject that has it.
        ("The Geran has a range of 1,800 km.", "1,800", "en", "km", "drone"),
        ("The range of the new missile is 600 km.", "600", "en", "km", "missile"),
        ("The old tank has a top speed of 60 km/h.", "60", "en", "km/h", "tank"),
        ("Le Geran a une portée de 1 800 km.", "1 800", "fr", "km", "drone"),
        ("La portée du nouveau missile est de 600 km.", "600", "fr", "km", "missile"),
        ("Ce drone a une vitesse de 150 km/h.", "150", "fr", "km/h", "drone"),
        ("The interceptor's range is 40 km.", "40", "en", "km", "missile"),
        ("The Lancet has a 40 km range.", "40", "en", "km", "drone"),
        # A measure before its noun: "a 90 kg warhead".
        ("The missile carries a 90 kg warhead.", "90", "en", "kg", "warhead"),
    ],
)
def test_items_owner_of_measure_noun(make_mention, text, quote, lang, unit, item):
    mention = make_mention(text, quote, lang=lang, unit=unit)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # "the distance between X and Y": X is what is placed.
        ("The distance between the drones and the jammers was cut to 300 m.", "300", "en", "drone"),
        ("La distance entre les éoliennes et les écoles, de 500 mètres, a été réduite.", "500", "fr",
         "wind turbine"),
    ],
)
def test_items_distance_between(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, unit="m")
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # A share that hangs on a verb through "by"/"at"/"à": what the verb changed, not its subject.
        ("Frequent blackouts can cut production volumes by 40%.", "40", "en", "production"),
        ("The regulator kept its key interest rate at 16%.", "16", "en", "interest rate"),
        ("La banque centrale a relevé son taux directeur à 16 %.", "16", "fr", "interest rate"),
        ("L'usine a réduit sa production de 40 %.", "40", "fr", "production"),
        # A forecast stands for the thing forecast.
        ("The bank lowered its growth forecast to 1.1%.", "1.1", "en", "gdp"),
        ("La banque a abaissé sa prévision de croissance à 1,1 %.", "1,1", "fr", "gdp"),
    ],
)
def test_items_share_of_changed_object(make_mention, text, quote, lang, item):
    value = float(quote.replace(",", "."))
    mention = make_mention(text, quote, lang=lang, unit="percent", value=value)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # Participles before the counted noun are skipped; a named body next to the subject is no item.
        ("The mill lost 20% of its planned cold-rolled steel output.", "20", "en", "output"),
        ("Steelmaker Metinvest (MTV) lost 15% of its finished rolled products.", "15", "en", "product"),
    ],
)
def test_items_participles_before_noun(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, unit="percent")
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # A bare count that a verb of killing or wounding names: people (or the group just counted).
        ("At least 9 were killed when the shell hit the market.", "9", "en", "person"),
        ("The blast killed 4 and wounded 17.", "17", "en", "person"),
        ("Au moins 9 ont été tués dans le bombardement.", "9", "fr", "person"),
        ("Dix-sept ont été blessés, selon la police.", "Dix-sept", "fr", "person"),
        ("Five soldiers died and 11 were wounded.", "11", "en", "soldier"),
    ],
)
def test_items_bare_count_of_casualties(make_mention, text, quote, lang, item):
    value = 17 if quote == "Dix-sept" else None
    mention = make_mention(text, quote, lang=lang, value=value)
    if quote == "11":  # the group counted before it in the sentence
        items.assign(make_mention(text, "Five", lang=lang, value=5, state=mention.state))
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # An action noun before the figure stands for the things it acts on.
        ("Deliveries of missiles reached 300 a month.", "300", "en", "count/month", "missile"),
        ("Drone exports reached 5,000 last year.", "5,000", "en", "count", "drone"),
        ("Les livraisons de chars ont atteint 40 par mois.", "40", "fr", "count/month", "tank"),
        ("Les exportations de céréales sont tombées à 3 millions de tonnes.", "3 millions", "fr", "tonne", "grain"),
        # But a count of the actions themselves stays one.
        ("Russia made 12 deliveries in March.", "12", "en", "count", "shipment"),
    ],
)
def test_items_action_noun_before_figure(make_mention, text, quote, lang, unit, item):
    value = 3e6 if quote == "3 millions" else None
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "first", "quote", "lang", "unit", "item"),
    [
        # Days and "record" are never what a figure counts: the noun given before is.
        ("Moscow sent 300 drones on Friday and 250 on Saturday.", "300", "250", "en", "count", "drone"),
        ("Moscou a envoyé 300 drones vendredi et 250 samedi.", "300", "250", "fr", "count", "drone"),
        ("Russia fired 90 missiles and a record 700 drones.", "90", "700", "en", "count", "drone"),
        # "pour" without "cent" gives a purpose, not the counted noun.
        ("Kiev a tiré 70 % de ses obus et 40 % pour les autres canons.", "70 %", "40 %", "fr", "percent", "shell"),
    ],
)
def test_items_elided_noun_from_figure_before(make_mention, text, first, quote, lang, unit, item):
    state: dict = {}
    earlier = make_mention(text, first, lang=lang, unit=unit, value=float(first.rstrip(" %")), state=state)
    items.assign(earlier)
    mention = make_mention(text, quote, lang=lang, unit=unit, value=float(quote.rstrip(" %")), state=state)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # "the share/proportion of X" before a percentage names what it is a share of.
        ("The proportion of missiles intercepted fell to 61%.", "61", "en", "missile"),
        ("Poland's share of EU gas imports rose to 30%.", "30", "en", "gas import"),
        ("La proportion de drones abattus est tombée à 81 %.", "81", "fr", "drone"),
        ("La part des soldats blessés a atteint 12 %.", "12", "fr", "soldier"),
    ],
)
def test_items_share_of_before_percentage(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, unit="percent")
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # A measure the lexicon knows, given "of" the percentage.
        ("The regulator set a key interest rate of 17% in March.", "17", "en", "percent", "interest rate"),
        ("Households face inflation of 9% this year.", "9", "en", "percent", "inflation"),
        ("La banque fixe un taux d'intérêt de 17 %.", "17", "fr", "percent", "interest rate"),
        # But a change "of" a percentage is no thing of its own.
        ("Prices saw an increase of 9% this year.", "9", "en", "percent", "price"),
        # Artillery formations by their military names.
        ("Each BrAG sits 3 km behind the line.", "3", "en", "km", "artillery"),
        ("Le groupe d'artillerie s'étend sur 4 km.", "4", "fr", "km", "artillery"),
    ],
)
def test_items_measure_named_of_percentage_and_formations(make_mention, text, quote, lang, unit, item):
    mention = make_mention(text, quote, lang=lang, unit=unit)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "item"),
    [
        # A share that sizes a change: what changed ("in"/"of"), else the figure counted before.
        ("Kyiv saw a 40% increase in missile strikes.", "40", "en", "percent", "attack"),
        ("Police counted 812 refugees, a 15% rise on May.", "15", "en", "percent", "refugee"),
        ("Spending grew, a 10% jump on last year.", "10", "en", "percent", None),
        # Losses named by the group that suffered them.
        ("Monitors recorded 1,300 civilian deaths.", "1,300", "en", "count", "civilian"),
        ("Kyiv admitted 70 soldier fatalities.", "70", "en", "count", "soldier"),
        ("L'ONU a recensé 1 300 victimes civiles.", "1 300", "fr", "count", "civilian"),
        ("Le siège a fait 8 000 morts parmi les civils.", "8 000", "fr", "count", "civilian"),
        ("The shelling caused 800 deaths among civilians.", "800", "en", "count", "civilian"),
        # A participle used as a noun ("détenus") still reaches the lexicon.
        ("Moscou a recruté 9 000 détenus.", "9 000", "fr", "count", "prisoner"),
        # A term in prison.
        ("The court gave him nine years in prison.", "nine", "en", "year", "prison sentence"),
        ("Il encourt neuf ans de prison.", "neuf", "fr", "year", "prison sentence"),
    ],
)
def test_items_changes_losses_and_prison_terms(make_mention, text, quote, lang, unit, item):
    words = {"nine": 9, "neuf": 9}
    value = words[quote] if quote in words else float(quote.replace(",", "").replace(" ", ""))
    state: dict = {}
    if quote == "15":
        items.assign(make_mention(text, "812", lang=lang, state=state))
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value, state=state)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "first", "quote", "lang", "unit", "item"),
    [
        # A bare share opening its sentence is a share of the figure of the sentence before.
        ("Kyiv got 500 shells in May. Half were defective.", "500", "Half", "en", "count", "shell"),
        ("Brussels lent €60bn. Two-thirds will go to defence.", "€60bn", "Two-thirds", "en", "EUR", "money"),
        ("Kiev a reçu 500 obus en mai. La moitié était défectueuse.", "500", "La moitié", "fr", "count",
         "shell"),
    ],
)
def test_items_opening_share_takes_figure_before(make_mention, text, first, quote, lang, unit, item):
    state: dict = {}
    values = {"500": 500, "€60bn": 6e10}
    items.assign(make_mention(text, first, lang=lang, unit=unit, value=values[first], state=state))
    value = 200 / 3 if quote == "Two-thirds" else 50
    mention = make_mention(text, quote, lang=lang, unit="percent", value=value, state=state)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # Model names map to their kind by series or family; long names of armoured vehicles too.
        ("The factory assembles 60 Geran-3s a day.", "60", "en", "drone"),
        ("Russia has lost 400 T-80s.", "400", "en", "tank"),
        ("Kyiv received 45 BMP-1s.", "45", "en", "armoured_vehicle"),
        ("Berlin sent 20 infantry fighting vehicles.", "20", "en", "armoured_vehicle"),
        ("L'armée a perdu 400 T-80.", "400", "fr", "tank"),
        ("Kiev a reçu 45 Bradley.", "45", "fr", "armoured_vehicle"),
    ],
)
def test_items_model_names(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang)
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # Trade and prices of goods keep the goods, in both languages alike.
        ("Russian oil exports fell 25%.", "25", "en", "oil export"),
        ("Les exportations russes de pétrole ont chuté de 25 %.", "25", "fr", "oil export"),
        ("Gas prices rose 80%.", "80", "en", "gas price"),
        ("Les prix du gaz ont grimpé de 80 %.", "80", "fr", "gas price"),
        # A "de" phrase naming an owner is not a kind.
        ("Le mandat de la mission a été prolongé de 10 %.", "10", "fr", "mandate"),
    ],
)
def test_items_goods_of_trade_and_prices(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang, unit="percent")
    items.assign(mention)
    assert mention.fields["item"] == item


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item"),
    [
        # What a bare count is said to be.
        ("Among the wounded, 14 were children.", "14", "en", "child"),
        ("Of the detainees, 30 were soldiers.", "30", "en", "soldier"),
        ("Parmi les blessés, 14 étaient des enfants.", "14", "fr", "child"),
    ],
)
def test_items_count_said_to_be(make_mention, text, quote, lang, item):
    mention = make_mention(text, quote, lang=lang)
    items.assign(mention)
    assert mention.fields["item"] == item
