"""Actor kinds the sentence leaves implicit: makers, occupiers, the document's main side,
counted sources, targets of strikes."""
from __future__ import annotations

import pytest
from test_actor_rules import _actor_in_order  # each figure assigned in turn, as the pipeline does

from tally.extract import actors

pytestmark = pytest.mark.slow


def _actor(make_mention, text, quote, lang, value, event, item, unit="count"):
    """The actor of one figure of `text`, its event and item given."""
    mention = make_mention(text, quote, lang=lang, value=value, unit=unit)
    mention.fields.update({"event": event, "item": item})
    actors.assign(mention)
    return mention.fields["actor"]


def _actor_of_repeated(make_mention, text, figures, lang):
    """The actor of the last of `figures` ((quote, value, event, item)) when the same quote
    is stated again: the n-th figure is the n-th occurrence of its quote."""
    state: dict = {}
    for occurrence, (quote, value, event, item) in enumerate(figures):
        mention = make_mention(text, quote, lang=lang, value=value, state=state, occurrence=occurrence)
        mention.fields.update({"event": event, "item": item})
        actors.assign(mention)
    return mention.fields["actor"]


_WAR_EN = "Russia invaded Ukraine in 2022. Ukraine has hit Russia ever since. Russia says Ukraine will lose. "
_WAR_FR = ("La Russie a envahi l'Ukraine en 2022. L'Ukraine frappe la Russie depuis. La Russie dit que l'Ukraine "
           "perdra. ")


@pytest.mark.parametrize(
    "text, quote, value, lang, actor",
    [
        (_WAR_EN + "On Friday, Ukrainian-made missiles struck a plant in Bryansk, 300 km from the border.", "300",
         300, "en", "Ukraine"),
        (_WAR_FR + "Vendredi, des missiles de fabrication ukrainienne ont frappé une usine à 300 km de la "
         "frontière.", "300", 300, "fr", "Ukraine"),
        (_WAR_FR + "Vendredi, des drones fabriqués en Ukraine ont frappé une raffinerie à 900 km de la frontière.",
         "900", 900, "fr", "Ukraine"),
        # A maker that is no side of the war the document tells is a supplier, not the attacker.
        (_WAR_EN + "On Friday, Iranian-made drones struck a depot in Lviv, 500 km from the front.", "500", 500,
         "en", None),
    ],
)
def test_actor_kinds_the_maker_of_the_weapons_strikes(make_mention, text, quote, value, lang, actor):
    assert _actor_in_order(make_mention, text, [(quote, value, "strike", None)], lang) == actor


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        ("Russia now controls 18 percent of Ukraine. In all, the occupied territories cover 110,000 square "
         "kilometres.", [("18", 18, "other", "territory"), ("110,000", 110000, "count", "territory")], "en",
         "Russia"),
        ("La Russie occupe désormais 18 % de l'Ukraine. Au total, les territoires occupés couvrent 110 000 "
         "kilomètres carrés.", [("18", 18, "other", "territory"), ("110 000", 110000, "count", "territory")], "fr",
         "Russia"),
        # Land of a country the sentence names, no one else holding it.
        ("Drones hit the three-quarters of Ukraine that remain free.", [("three", 75, "count", "territory")], "en",
         "Ukraine"),
    ],
)
def test_actor_kinds_land_goes_to_who_holds_it(make_mention, text, figures, lang, actor):
    assert _actor_in_order(make_mention, text, figures, lang) == actor


@pytest.mark.parametrize(
    "text, quote, value, lang, item, actor",
    [
        ("Russian doctrine puts artillery first. Russian brigades mass their guns. Russia trusts fire. Two "
         "batteries were assigned to each battalion.", "Two", 2, "en", "battery", "Russia"),
        ("La doctrine russe place l'artillerie en tête. La Russie concentre ses canons. La Russie croit au feu. "
         "Deux batteries sont affectées à chaque bataillon.", "Deux", 2, "fr", "battery", "Russia"),
        # No country clearly ahead in the document: no guess.
        ("Russia and Ukraine both mass guns. Russia fires more, Ukraine aims better. Two batteries were "
         "assigned to each battalion.", "Two", 2, "en", "battery", None),
        # Both sides perform: no single actor.
        ("Les deux camps utilisent des milliers de petits drones sur le champ de bataille.", "milliers", 1000,
         "fr", "drone", None),
        ("Both sides use thousands of small drones on the battlefield.", "thousands", 1000, "en", "drone", None),
    ],
)
def test_actor_kinds_a_deployment_falls_to_the_main_side(make_mention, text, quote, value, lang, item, actor):
    assert _actor_in_order(make_mention, text, [(quote, value, "deploy", item)], lang) == actor


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("Ukrainian industry is cutting output to save equipment from shutdowns, executives at eight companies "
         "said.", "eight", 8, "en"),
        ("Ukrainian steelmakers are cutting output, managers at five Ukrainian firms told Reuters.", "five", 5,
         "en"),
        ("Selon trois responsables ukrainiens, l'industrie réduit sa production.", "trois", 3, "fr"),
    ],
)
def test_actor_kinds_counted_sources_perform_nothing(make_mention, text, quote, value, lang):
    assert _actor_in_order(make_mention, text, [(quote, value, "other", "company")], lang) is None


@pytest.mark.parametrize(
    "text, quote, value, lang, actor",
    [
        ("Since May, six tankers that carried Russian oil were struck by drones.", "six", 6, "en", None),
        ("Depuis mai, six pétroliers qui transportaient du pétrole russe ont été frappés par des drones.", "six",
         6, "fr", None),
        # The owner of the weapons still strikes.
        ("On Monday, 40 Russian missiles that flew low struck Kyiv.", "40", 40, "en", "Russia"),
    ],
)
def test_actor_kinds_what_describes_a_target_is_no_attacker(make_mention, text, quote, value, lang, actor):
    item = "missile" if "missiles" in text else "tanker"
    assert _actor_in_order(make_mention, text, [(quote, value, "strike", item)], lang) == actor


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        ("The leak lists 19 houses and 700 cars attributed to Putin. Even with the fleet of the Russian state "
         "at hand, owning 700 cars on top would be odd.", [("700", 700, "count", "car")] * 2, "en",
         "Vladimir Putin"),
        ("La fuite recense 19 maisons et 700 voitures attribuées à Poutine. Disposant des avions de l'État "
         "russe, posséder en plus 700 voitures serait étrange.", [("700", 700, "count", "car")] * 2, "fr",
         "Vladimir Putin"),
    ],
)
def test_actor_kinds_a_holding_told_again_keeps_its_holder(make_mention, text, figures, lang, actor):
    assert _actor_of_repeated(make_mention, text, figures, lang) == actor


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        # An action told again may have another performer.
        ("Russia plans to make one million drones. Ukraine, too, aims to make one million drones.",
         [("one million", 1e6, "produce", "drone"), ("one million", 1e6, "produce", "drone")], "en", "Ukraine"),
    ],
)
def test_actor_kinds_an_action_told_again_is_read_anew(make_mention, text, figures, lang, actor):
    assert _actor_of_repeated(make_mention, text, figures, lang) == actor


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("The state bank of Russia expects gross domestic product to contract by 0.8% in 2026, down from 4.3% "
         "in 2024 and from 4.1% the year before.", "4.1", 4.1, "en"),
        ("La banque centrale de Russie prévoit que le produit intérieur brut recule de 0,8 % en 2026, après une "
         "hausse de 4,3 % en 2024 et de 4,1 % en 2023.", "4,1", 4.1, "fr"),
    ],
)
def test_actor_kinds_a_cut_economy_phrase_still_counts(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "other", "gdp", unit="percent") == "Russia"


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        ("Germany once bought 40% of Russian gas exports, but that share fell to 5% by 2024.",
         [("40", 40, "deliver", "gas"), ("5", 5, "deliver", "gas")], "en", "Germany"),
        ("L'Allemagne achetait 40 % du gaz russe exporté. Mais cette part est tombée à 5 % en 2024.",
         [("40", 40, "deliver", "gas"), ("5", 5, "deliver", "gas")], "fr", "Germany"),
    ],
)
def test_actor_kinds_that_share_is_the_one_before(make_mention, text, figures, lang, actor):
    assert _actor_in_order(make_mention, text, figures, lang) == actor


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("Russian officials met in Tula, a city located 170 kilometres south of Moscow.", "170", 170, "en"),
        ("Les responsables russes se sont réunis à Toula, ville située à 170 kilomètres au sud de Moscou.", "170",
         170, "fr"),
    ],
)
def test_actor_kinds_a_distance_that_places_has_no_actor(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "other", None, unit="km") is None


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("On sait désormais tout du financement, par le régime russe, de deux fondations allemandes.", "deux", 2,
         "fr"),
        ("Worse, the funding by the Russian state of two German foundations is proven.", "two", 2, "en"),
    ],
)
def test_actor_kinds_an_agent_outranks_the_owner(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "deliver", "foundation") == "Russia"


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        # "It" is the weapon just launched: its owner is the attacker.
        ("Russia launched 40 missiles overnight, including a new ballistic missile. It flies at 12,000 "
         "kilometres per hour.", [("40", 40, "deploy", "missile"), ("12,000", 12000, "other", "missile")], "en",
         "Russia"),
        ("La Russie a tiré 40 missiles dans la nuit, dont un nouveau missile balistique. Il vole à 12 000 "
         "kilomètres par heure.", [("40", 40, "deploy", "missile"), ("12 000", 12000, "other", "missile")], "fr",
         "Russia"),
        # Unnamed attacks are the attacker's of the sentences before.
        ("Russia fired 300 drones at power plants on Sunday. Dozens of such attacks have left 2 million people "
         "without heat.", [("300", 300, "deploy", "drone"), ("2 million", 2e6, "other", "person")], "en",
         "Russia"),
        ("La Russie a lancé 300 drones sur des centrales dimanche. Ces frappes ont laissé 2 millions de personnes "
         "sans chauffage.", [("300", 300, "deploy", "drone"), ("2 millions", 2e6, "other", "person")], "fr",
         "Russia"),
    ],
)
def test_actor_kinds_weapons_and_attacks_are_the_attackers(make_mention, text, figures, lang, actor):
    assert _actor_in_order(make_mention, text, figures, lang) == actor


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("Il y a déjà 300 000 Ukrainiens qui travaillent en Pologne, soit 2 % de la population active.", "2", 2,
         "fr"),
        ("Some 300,000 Ukrainians who work in Poland now make up 2% of the workforce.", "2", 2, "en"),
    ],
)
def test_actor_kinds_workers_belong_to_where_they_work(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "count", "worker", unit="percent") == "Poland"


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("Ukraine is close to a deal with the International Monetary Fund for a new $8.1 billion lending "
         "programme.", "8.1 billion", 8.1e9, "en"),
        ("L'Ukraine a conclu un accord avec le FMI pour un nouveau programme de prêts de 8,1 milliards de "
         "dollars.", "8,1 milliards", 8.1e9, "fr"),
    ],
)
def test_actor_kinds_the_lender_is_who_the_deal_is_with(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "deliver", "money", unit="USD") == "International Monetary Fund"


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        ("On Friday, there was a sharp rise in shelling from the Ukrainian side, 30 times more than before, as "
         "talk of a Russian invasion grew.", "30", 30, "en"),
        ("Vendredi, on a vu une hausse des tirs d'artillerie du côté ukrainien, 30 fois plus qu'avant, alors "
         "qu'on parlait d'une invasion russe.", "30", 30, "fr"),
    ],
)
def test_actor_kinds_the_side_of_the_fire_strikes(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "strike", "attack", unit="times") == "Ukraine"


@pytest.mark.parametrize(
    "text, whole, share, lang",
    [
        ("The EU agreed a loan of 90 billion euros. Two-thirds are earmarked for defence.",
         ("90 billion", 9e10), ("Two-thirds", 66.7), "en"),
        ("L'UE a accordé un prêt de 90 milliards d'euros. Deux tiers sont réservés à la défense.",
         ("90 milliards", 9e10), ("Deux tiers", 66.7), "fr"),
    ],
)
def test_actor_kinds_a_share_has_the_actor_of_its_whole(make_mention, text, whole, share, lang):
    state: dict = {}
    for (quote, value), event, unit in ((whole, "deliver", "EUR"), (share, "spend", "percent")):
        mention = make_mention(text, quote, lang=lang, value=value, unit=unit, state=state)
        mention.fields.update({"event": event, "item": "money", "unit": unit})
        actors.assign(mention)
    assert mention.fields["actor"] == "European Union"


@pytest.mark.parametrize(
    "text, figures, lang",
    [
        ("Russia launched 80 drones and 40 missiles overnight. Ukraine downed all but 12 drones and 9 missiles.",
         [("80", 80, "deploy", "drone"), ("9", 9, "shoot_down", "missile")], "en"),
        ("La Russie a lancé 80 drones et 40 missiles dans la nuit. L'Ukraine les a tous abattus, sauf 12 drones.",
         [("80", 80, "deploy", "drone"), ("12", 12, "shoot_down", "drone")], "fr"),
    ],
)
def test_actor_kinds_what_got_through_is_the_attackers(make_mention, text, figures, lang):
    assert _actor_in_order(make_mention, text, figures, lang) == "Russia"


@pytest.mark.parametrize(
    "text, figures, lang",
    [
        # Ukraine is named most, but the document's attacker deploys.
        ("Russia launched 100 drones at Ukraine on Monday. Ukraine's power grid is weak. Ukraine asked for help. "
         "Ukraine's allies met in Ukraine. About 60 more drones were used on Friday.",
         [("100", 100, "deploy", "drone"), ("60", 60, "deploy", "drone")], "en"),
        ("La Russie a lancé 100 drones sur l'Ukraine lundi. L'Ukraine manque de courant. L'Ukraine demande de "
         "l'aide. L'Ukraine attend. Environ 60 autres drones ont été utilisés vendredi.",
         [("100", 100, "deploy", "drone"), ("60", 60, "deploy", "drone")], "fr"),
    ],
)
def test_actor_kinds_a_deployment_falls_to_the_documents_attacker(make_mention, text, figures, lang):
    assert _actor_in_order(make_mention, text, figures, lang) == "Russia"


@pytest.mark.parametrize(
    "text, quote, value, lang",
    [
        (_WAR_EN + "The charity's site shows one message: 208 children have been killed in Ukraine.", "208", 208,
         "en"),
        (_WAR_FR + "Le site de l'association affiche un message : 208 enfants ont été tués en Ukraine.", "208", 208,
         "fr"),
    ],
)
def test_actor_kinds_victims_in_one_side_are_the_others(make_mention, text, quote, value, lang):
    assert _actor(make_mention, text, quote, lang, value, "kill", "child") == "Russia"
