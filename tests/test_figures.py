"""Figures: numbers in every format, their unit and bound, and what is not a claim."""
import pytest

from tally.extract.figures import find, inherit_currency, parse_digits
from tally.extract.mention import Figure


def figures(text, lang):
    return [(f.quote, f.value, f.unit, f.bound) for f in find(text, lang)]


def only(text, lang):
    found = find(text, lang)
    assert len(found) == 1, [(f.quote, f.value, f.unit) for f in found]
    return found[0]


@pytest.mark.parametrize("token,lang,value", [
    ("140 000", "fr", 140000),
    ("140\u00a0000", "fr", 140000),
    ("140\u202f000", "fr", 140000),
    ("140\u2009000", "fr", 140000),
    ("1,4", "fr", 1.4),
    ("1.4", "en", 1.4),
    ("1,400,000", "en", 1400000),
    ("1,400", "en", 1400),
    ("20 437,4", "fr", 20437.4),
    ("1.400.000", "fr", 1400000),
    ("1.500", "fr", 1500),
    ("3.5", "fr", 3.5),
    ("12,345.6", "en", 12345.6),
    ("12.345,6", "fr", 12345.6),
])
def test_figures_parse_digits(token, lang, value):
    assert parse_digits(token, lang) == pytest.approx(value)


@pytest.mark.parametrize("text,lang,quote,value,unit", [
    ("Les troupes ont reçu 140 000 drones.", "fr", "140 000", 140000, "count"),
    ("Le nombre prévu est de 1,4 million.", "fr", "1,4 million", 1.4e6, "count"),
    ("The plan is for 1.4 million drones.", "en", "1.4 million", 1.4e6, "count"),
    ("Exports reached 4.5bn last year.", "en", "4.5bn", 4.5e9, "count"),
    ("Washington sent $2 billion in aid.", "en", "$2 billion", 2e9, "USD"),
    ("Une aide de 1,2 milliard d'euros a été votée.", "fr", "1,2 milliard", 1.2e9, "EUR"),
    ("Le budget atteint 30 % du total.", "fr", "30 %", 30, "percent"),
    ("Production grew 45 percent.", "en", "45", 45, "percent"),
    ("La production a été multipliée x10.", "fr", "x10", 10, "ratio"),
    ("Trente-six drones ont été abattus.", "fr", "Trente-six", 36, "count"),
    ("Huit pays l'ont rejointe.", "fr", "Huit", 8, "count"),
    ("They built two hundred launchers.", "en", "two hundred", 200, "count"),
    ("Output rose tenfold.", "en", "tenfold", 10, "ratio"),
    ("Les livraisons ont augmenté d'un facteur dix.", "fr", "dix", 10, "ratio"),
    ("La production a été multipliée cent fois.", "fr", "cent", 100, "ratio"),
    ("Kyiv made 30 times more drones than in 2022.", "en", "30", 30, "ratio"),
    ("Production doubled in a year.", "en", "doubled", 2, "ratio"),
    ("Le front s'étend sur 1 000 kilomètres.", "fr", "1 000", 1000, "km"),
    ("The drone flew 25 km.", "en", "25", 25, "km"),
    ("The zone covers 300 square kilometres.", "en", "300", 300, "km2"),
    ("The warhead weighs 1,150kg.", "en", "1,150", 1150, "kg"),
    ("Russia shipped 2,000 tons of fuel.", "en", "2,000", 2000, "tonne"),
    ("A 56-year-old man died.", "en", "56", 56, "year"),
    ("Il a été condamné à 15 ans de prison.", "fr", "15", 15, "year"),
    ("Grid capacity fell to 12.3 gigawatts.", "en", "12.3", 12.3, "GW"),
    ("The rate was 101 rubles per dollar.", "en", "101", 101, "RUB"),
    ("Une dizaine de blessés.", "fr", "dizaine", 10, "count"),
    ("Two-thirds of the aid came from Europe.", "en", "Two-thirds", 66.67, "percent"),
    ("Un tiers des usines est à l'arrêt.", "fr", "Un tiers", 33.33, "percent"),
    ("La moitié des drones sont perdus.", "fr", "La moitié", 50, "percent"),
    ("Four in five firms lost power.", "en", "Four in five", 80, "percent"),
    ("Temperatures fell to minus 10 degrees Celsius.", "en", "minus 10", -10, "celsius"),
    ("More than two dozen people were hurt.", "en", "two dozen", 24, "count"),
    ("Russia fires 7,400 shells per day.", "en", "7,400", 7400, "count/day"),
    ("Ils produisent 30 drones par jour.", "fr", "30", 30, "count/day"),
    ("Kyiv aims at three million drones a year.", "en", "three million", 3e6, "count/year"),
    ("Le salaire annuel de 140 000 dollars.", "fr", "140 000", 140000, "USD/year"),
    ("Chaque jour, la Russie vend du gaz pour 700 millions d'euros.", "fr", "700 millions", 7e8, "EUR/day"),
    ("Le soutien a chuté de 14 points, passant de 50% à 36%.", "fr", "14", 14, "percentage point"),
])
def test_figures_read_value_and_unit(text, lang, quote, value, unit):
    found = [f for f in find(text, lang) if f.quote.startswith(quote) or quote.startswith(f.quote)]
    assert found, figures(text, lang)
    assert found[0].value == pytest.approx(value, rel=1e-3)
    assert found[0].unit == unit


@pytest.mark.parametrize("text,lang,bound", [
    ("plus de 200 entreprises", "fr", "at_least"),
    ("au moins 12 drones", "fr", "at_least"),
    ("près de 500 drones", "fr", "approx"),
    ("environ 40 missiles", "fr", "approx"),
    ("jusqu'à 300 drones", "fr", "at_most"),
    ("moins de 10 avions", "fr", "at_most"),
    ("more than 1,500 drones", "en", "at_least"),
    ("nearly 600 launches", "en", "approx"),
    ("some 40 firms", "en", "approx"),
    ("up to 325,000 deaths", "en", "at_most"),
    ("over 90 missiles", "en", "at_least"),
    ("50 drones or more", "en", "at_least"),
    ("des milliers de drones", "fr", "at_least"),
    ("hundreds of drones", "en", "at_least"),
    ("une centaine de chars", "fr", "approx"),
    ("48 factories", "en", "exact"),
])
def test_figures_read_bound(text, lang, bound):
    assert only(text, lang).bound == bound


@pytest.mark.parametrize("text,lang,expected", [
    ("between 300 and 500 drones", "en", [(300, "at_least"), (500, "at_most")]),
    ("entre 300 et 500 drones", "fr", [(300, "at_least"), (500, "at_most")]),
    ("a loss of 20-25% of output", "en", [(20, "at_least"), (25, "at_most")]),
    ("de 2 à 4 km", "fr", [(2, "at_least"), (4, "at_most")]),
    ("between 4.2 and 5.8 million rounds", "en", [(4.2e6, "at_least"), (5.8e6, "at_most")]),
])
def test_figures_read_ranges_as_two_claims(text, lang, expected):
    found = find(text, lang)
    assert [(pytest.approx(f.value), f.bound) for f in found] == expected
    assert len({f.unit for f in found}) == 1


@pytest.mark.parametrize("text,lang", [
    ("Poutine s'attend à des usines d'ici 2030.", "fr"),
    ("The war began in February 2022.", "en"),
    ("Le sommet a lieu le 15 février.", "fr"),
    ("The talks opened on February 24.", "en"),
    ("Mis à jour à 19h56.", "fr"),
    ("The meeting starts at 10:30.", "en"),
    ("C'est le 1er convoi.", "fr"),
    ("It is the 5th wave.", "en"),
    ("Russia used T-90 tanks and Su-34 jets.", "en"),
    ("Des drones Shahed-136 et des MiG-29.", "fr"),
    ("They fired 155mm and 152 mm shells.", "en"),
    ("La Coupe du monde 2018 était en Russie.", "fr"),
    ("Les deux pays ont signé.", "fr"),
    ("The two sides met again.", "en"),
    ("Il l'a dit il y a trois mois.", "fr"),
    ("Four years ago the war began.", "en"),
    ("date: 2024-09-15", "en"),
    ("He said it is one of the key issues.", "en"),
    ("Un drone a été abattu.", "fr"),
    ("It entered its fifth year.", "en"),
    ("See table 1 below.", "en"),
    ("Nord Stream 2 ne sera pas lancé.", "fr"),
    ("Des deux côtés du front.", "fr"),
    ("La réunion a lieu du 28 au 30 juin.", "fr"),
    ("the second half of last year", "en"),
    ("Russia's 2014 annexation of Crimea", "en"),
])
def test_figures_leave_out_what_is_not_a_claim(text, lang):
    assert figures(text, lang) == []


@pytest.mark.parametrize("text,lang,count", [
    # A window that frames another figure is that figure's period, not a claim ...
    ("Au cours des dernières 24 heures, 40 drones ont été abattus.", "fr", 1),
    ("Over the past three years, it seized 1.5 percent of the land.", "en", 1),
    # ... but alone in its sentence, a duration is one.
    ("The ceasefire held for two months.", "en", 1),
    ("Plus de 2100 soldats ont été formés.", "fr", 1),
    ("At least one plant was struck.", "en", 1),
])
def test_figures_count_frames_and_small_numbers(text, lang, count):
    assert len(find(text, lang)) == count, figures(text, lang)


def test_figures_offsets_are_absolute():
    text = "Il a dit. Les troupes ont reçu 140 000 drones."
    found = find(text[10:], "fr", offset=10)
    assert text[found[0].start:found[0].end] == "140 000"


def test_figures_unknown_language_reads_digits():
    assert [f.value for f in find("Russland hat 140 000 Drohnen geliefert.", "de")] == [140000]


def test_figures_inherit_currency_of_the_money_before():
    text = "Paris a promis 2 milliards de dollars. Ces 2 milliards, déjà votés, arrivent."
    found = find(text, "fr")
    inherit_currency(text, found)
    assert [f.unit for f in found] == ["USD", "USD"]


def test_figures_do_not_inherit_currency_for_counted_nouns():
    text = "Kyiv got $2 billion. Some 3.7 million people fled."
    found = find(text, "en")
    inherit_currency(text, found)
    assert [f.unit for f in found] == ["USD", "count"]
    assert isinstance(found[0], Figure)


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Le plan prévoit 500 M€ pour les drones.", "fr", 5e8, "EUR"),
    ("Une enveloppe de 2,5 Md€ a été votée.", "fr", 2.5e9, "EUR"),
    ("Britain made 1.4m shells last year.", "en", 1.4e6, "count"),
    ("Un million et demi de personnes ont fui.", "fr", 1.5e6, "count"),
    ("Half a million people fled.", "en", 5e5, "count"),
    ("Un demi-million de réfugiés.", "fr", 5e5, "count"),
    ("The debt reached $1.2tn.", "en", 1.2e12, "USD"),
    ("Growth was 3 pct.", "en", 3, "percent"),
])
def test_figures_read_shorthand_amounts(text, lang, value, unit):
    found = only(text, lang)
    assert (found.value, found.unit) == (pytest.approx(value), unit)


def test_figures_metres_are_not_millions():
    assert only("The drone hit a target 800m away.", "en").value == 800


@pytest.mark.parametrize("text,lang,expected", [
    ("Kyiv aims to produce 4.5m FPV drones.", "en", [(4.5e6, "count")]),
    ("Men aged 18 to 25 were drafted.", "en", [(18, "year"), (25, "year")]),
    ("Des hommes âgés de 25 ans.", "fr", [(25, "year")]),
])
def test_figures_short_millions_and_ages(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit) for f in find(text, lang)] == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("It was −5 °C at night.", "en", [(-5, "celsius", "exact")]),
    ("The wall is 12 inches thick.", "en", [(12, "inch", "exact")]),
    ("It costs £3 or USD 4.", "en", [(3, "GBP", "exact"), (4, "USD", "exact")]),
    ("Two or three drones were seen.", "en", [(2, "count", "at_least"), (3, "count", "at_most")]),
])
def test_figures_signs_inches_and_alternatives(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit, f.bound) for f in find(text, lang)] == expected


@pytest.mark.parametrize("text,lang,bounds", [
    ("Le budget passera de 47,2 à 50,5 milliards d'euros.", "fr", ["exact", "exact"]),
    ("Growth was cut to 0.8% from 1.2%.", "en", ["exact", "exact"]),
    ("Prices rose from 2% to 3%.", "en", ["exact", "exact"]),
    ("Power returns for one to two hours a day.", "en", ["at_least", "at_most"]),
    ("Une zone de 2 à 4 km de large.", "fr", ["at_least", "at_most"]),
])
def test_figures_changes_are_not_ranges(text, lang, bounds):
    assert [f.bound for f in find(text, lang)] == bounds


def test_figures_time_of_day_in_words_is_not_a_claim():
    assert find("Vers 4 heures du matin, l'attaque a commencé.", "fr") == []


@pytest.mark.parametrize("text,lang,bounds", [
    ("The two sides agreed to hand over 157 prisoners.", "en", ["exact"]),
    ("He slept under two blankets.", "en", ["exact"]),
    ("Inflation stayed under 4%.", "en", ["at_most"]),
    ("The plant is about 1,200km (745 miles) away.", "en", ["approx", "approx"]),
    ("It spent more than $4.3bn [€3.66bn] last year.", "en", ["at_least", "at_least"]),
    ("Deux Palestiniens de 25 et 28 ans sont morts.", "fr", ["exact", "exact", "exact"]),
    ("They delivered a minimum of 15,800 containers.", "en", ["at_least"]),
])
def test_figures_bound_words_that_are_something_else(text, lang, bounds):
    assert [f.bound for f in find(text, lang)] == bounds


@pytest.mark.parametrize("text,lang,expected", [
    ("Putin agreed to halt strikes for a week.", "en", [(1, "week")]),
    ("We will produce three million [first-person view] drones a year.", "en", [(3e6, "count/year")]),
    ("Twice a week, the convoy leaves.", "en", []),
])
def test_figures_a_week_and_bracketed_insertions(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit) for f in find(text, lang)] == expected


@pytest.mark.parametrize("text,lang,expected", [
    # The second figure of a comparison takes the first one's magnitude and unit ...
    ("La Pologne importe 40 millions de m3 de gaz, contre seulement 9 pour la Hongrie.", "fr",
     [(4e7, "m3"), (9e6, "m3")]),
    ("Sur les 300 millions, environ 280 pour les munitions.", "fr", [(3e8, "count"), (2.8e8, "count")]),
    ("Repairs take four hours in one brigade, while others take 12.", "en", [(4, "hour"), (12, "hour")]),
    ("Output fell to 9,100 per day from an earlier estimate of 15,400.", "en",
     [(9100, "count/day"), (15400, "count/day")]),
    ("Inflation reached 9% in March, compared with 7 in February.", "en", [(9, "percent"), (7, "percent")]),
    # ... but not a number that counts something of its own, nor one with no comparison.
    ("It spent 5 million dollars against 30 drones.", "en", [(5e6, "USD"), (30, "count")]),
    ("The plant cost $5 million and employs 300.", "en", [(5e6, "USD"), (300, "count")]),
    ("Losses were 3% in May, compared with 2,500 in April.", "en", [(3, "percent"), (2500, "count")]),
])
def test_figures_carry_the_unit_to_a_bare_number_compared_with_it(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit) for f in find(text, lang)] == expected


def test_figures_carried_magnitude_takes_the_currency_too():
    text = "L'UE a débloqué 500 millions d'euros. Sur les 500 millions, environ 490 pour les armes."
    found = find(text, "fr")
    inherit_currency(text, found)
    assert [(f.quote, f.value, f.unit) for f in found][-1] == ("490", 4.9e8, "EUR")


@pytest.mark.parametrize("text,lang,expected", [
    ("They lost two to two-and-a-half soldiers for every one of ours.", "en",
     [(2, "ratio", "at_least"), (2.5, "ratio", "at_most")]),
    ("Trois obus pour chaque drone abattu.", "fr", [(3, "ratio", "exact")]),
    ("The war lasted two and a half years.", "en", [(2.5, "year", "exact")]),
    ("La guerre a duré deux ans et demi.", "fr", [(2.5, "year", "exact")]),
    ("One person was injured in the strike.", "en", [(1, "count", "exact")]),
    ("One day, the plant will reopen.", "en", []),
    ("One official said the plant would reopen.", "en", []),
    ("The two sides met in Geneva.", "en", []),
    ("The two-year war emptied the city.", "en", [(2, "year", "exact")]),
])
def test_figures_ratios_halves_and_a_toll_of_one(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit, f.bound) for f in find(text, lang)] == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Berlin sent 14 Leopard 2 tanks to Kyiv.", "en", [(14, "count")]),
    ("Nord Stream 2 was halted.", "en", []),
    ("Il a livré 18 chars Leopard 2.", "fr", [(18, "count")]),
    ("Russia lost 3,500 T-72s in two years.", "en", [(3500, "count")]),
    # After a conjunction or a comma, the name is who an elided figure is about.
    ("Ukraine received 14 tanks and Poland 12.", "en", [(14, "count"), (12, "count")]),
    ("La Russie a tiré 40 drones, l'Ukraine 12.", "fr", [(40, "count"), (12, "count")]),
    # German capitalises every noun: "in der Nacht 44 Drohnen" is a count.
    ("Russland hat in der Nacht 44 Drohnen gestartet.", "de", [(44, "count")]),
    ("Russland hat in der Nacht 44 Drohnen gestartet.", "fr", [(44, "count")]),
])
def test_figures_numbers_inside_model_names(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit) for f in find(text, lang)] == expected
