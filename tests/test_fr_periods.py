"""Tests for French (and matching English) period kinds: a war the text refers back to."""
from __future__ import annotations

import pytest

from tally.extract import periods
from tally.extract.periods.wars import named_war


def _chain(make_mention, text, quotes, lang, published=None):
    """Periods of the figures `quotes` (quote, value) of `text`, assigned in order as the pipeline does."""
    state: dict = {}
    found = []
    for quote, value in quotes:
        mention = make_mention(text, quote, lang=lang, published=published, value=value, state=state)
        periods.assign(mention)
        found.append((mention.fields["period_start"], mention.fields["period_end"]))
    return found


@pytest.mark.parametrize("text,quotes,lang,expected", [
    # "cette guerre" takes the war named a few sentences before
    ("La Première Guerre mondiale a commencé par une crise diplomatique. Les historiens en débattent encore. "
     "Cette guerre a fait 9 millions de morts parmi les soldats.",
     [("9 millions", 9e6)], "fr", [("1914", "1918")]),
    ("The Second World War began in Europe. Historians still argue about its causes. "
     "That war killed 60 million people.",
     [("60 million", 6e7)], "en", [("1939", "1945")]),
    # ... or the span of years the last figure took
    ("Le conflit a éclaté en 1914 et a tué, au cours des quatre années suivantes, 10 millions de "
     "personnes. Qui en est responsable ? "
     "Cette guerre a laissé 6 millions de mutilés.",
     [("10 millions", 1e7), ("6 millions", 6e6)], "fr", [("1914", "1918"), ("1914", "1918")]),
    # "Celle-ci" opening a sentence after one that names a war, nearer than a year further on
    ("La paix de 1919 a mené à la deuxième grande guerre. Celle-ci a fait 50 millions de morts et a "
     "laissé, en 1945, un continent en ruines.",
     [("50 millions", 5e7)], "fr", [("1939", "1945")]),
    # a run of events told right after goes on with the war's period
    ("La Seconde Guerre mondiale a fait 60 millions de morts. Des millions de familles ont aussi perdu "
     "leur maison, et 12 millions de personnes ont été déplacées.",
     [("60 millions", 6e7), ("12 millions", 1.2e7)], "fr", [("1939", "1945"), ("1939", "1945")]),
])
def test_periods_war_referred_back(make_mention, text, quotes, lang, expected):
    assert _chain(make_mention, text, quotes, lang) == expected


@pytest.mark.parametrize("text,quotes,lang,expected", [
    # a time nearer the figure than "cette guerre" still dates it
    ("La Seconde Guerre mondiale a ravagé l'Europe. Cette guerre a coûté, rien qu'en 1944, 3 millions "
     "de vies.",
     [("3 millions", 3e6)], "fr", [("1944", "1944")]),
    # "Celle-ci" after a sentence with no war is not a war
    ("La réforme a été votée en 2019. Celle-ci a coûté 3 millions d'euros.",
     [("3 millions", 3e6)], "fr", [(None, None)]),
    # a war named only as a reference point, or the war in Ukraine named nearer: not that war
    ("La guerre en Ukraine est la plus meurtrière depuis la Seconde Guerre mondiale. Les combats durent. "
     "Cette guerre a fait 300 morts.", [("300", 300)], "fr", [(None, None)]),
    ("Les historiens citent souvent la Première Guerre mondiale. L'invasion de l'Ukraine dure depuis des "
     "mois. Cette guerre a fait 300 morts.", [("300", 300)], "fr", [(None, None)]),
    ("It is the largest war in Europe since World War II. This war has killed 300 people.",
     [("300", 300)], "en", [(None, None)]),
    # no war named or dated before: nothing to refer to
    ("Les combats continuent. Cette guerre a fait 300 morts.", [("300", 300)], "fr", [(None, None)]),
])
def test_periods_war_reference_near_misses(make_mention, text, quotes, lang, expected):
    assert _chain(make_mention, text, quotes, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("la deuxième grande guerre a éclaté vingt ans plus tard", "fr", ("1939", "1945")),
    ("la deuxième Grande Guerre", "fr", ("1939", "1945")),
    ("avec la Grande Guerre", "fr", ("1914", "1918")),
    ("during the Cold War", "en", ("1947", "1991")),
    ("la guerre en Ukraine", "fr", None),
    ("la pire crise depuis la Seconde Guerre mondiale", "fr", None),
])
def test_periods_named_war(text, lang, expected):
    assert named_war(text, lang) == expected


@pytest.mark.parametrize("text,quotes,lang,expected", [
    # statistics published on a day: the figures that follow are of that month
    ("Les chiffres de l'emploi en Italie publiés jeudi ont surpris. Le nombre de chômeurs a augmenté "
     "de 40 000.", [("40 000", 4e4)], "fr", [("2024-09", "2024-09")]),
    ("Official data released on Thursday surprised economists. Unemployment rose by 40,000.",
     [("40,000", 4e4)], "en", [("2024-09", "2024-09")]),
    # a report by a person on a day is not a statistic
    ("Le ministre a parlé jeudi. Le nombre de chômeurs a augmenté de 40 000.",
     [("40 000", 4e4)], "fr", [(None, None)]),
])
def test_periods_statistics_of_the_month(make_mention, text, quotes, lang, expected):
    assert _chain(make_mention, text, quotes, lang, published="2024-09-15") == expected


@pytest.mark.parametrize("text,quotes,lang,expected", [
    # a sentence that goes on with the words of a speaker dated just before: up to that time
    ("Le banquier, qui a témoigné devant le Sénat en 2019, connaît le dossier. Il estime que "
     "l'oligarque a accumulé 30 milliards de dollars.", [("30 milliards", 3e10)], "fr", [(None, "2019")]),
    ("The banker told the BBC in 2019 about the case. He said the oligarch had amassed $30 billion.",
     [("$30 billion", 3e10)], "en", [(None, "2019")]),
    # a sentence that does not go on with the speaker keeps no time
    ("Le banquier a témoigné devant le Sénat en 2019. L'oligarque possède 30 milliards de dollars.",
     [("30 milliards", 3e10)], "fr", [(None, None)]),
])
def test_periods_statement_carried(make_mention, text, quotes, lang, expected):
    unit = "USD"
    state: dict = {}
    found = []
    for quote, value in quotes:
        mention = make_mention(text, quote, lang=lang, published="2024-09-15", value=value, unit=unit,
                               state=state)
        periods.assign(mention)
        found.append((mention.fields["period_start"], mention.fields["period_end"]))
    assert found == expected


@pytest.mark.parametrize("text,quote,lang,published,expected", [
    # seasons by their months; a winter runs into the next year
    ("Cet été, 300 drones ont été abattus.", "300", "fr", "2024-09-15", ("2024-06", "2024-08")),
    ("L'hiver dernier, 300 drones ont été abattus.", "300", "fr", "2024-09-15", ("2023-12", "2024-02")),
    ("À l'été 2023, 300 drones ont été abattus.", "300", "fr", "2024-09-15", ("2023-06", "2023-08")),
    ("L'été dernier, 300 drones ont été abattus.", "300", "fr", "2024-08-10", ("2023-06", "2023-08")),
    ("Last winter, 300 drones were shot down.", "300", "en", "2024-09-15", ("2023-12", "2024-02")),
    ("In the summer of 2023, 300 drones were shot down.", "300", "en", "2024-09-15", ("2023-06", "2023-08")),
    # a season with no year nor "this"/"last" dates nothing
    ("Pendant l'été, 300 drones ont été abattus.", "300", "fr", "2024-09-15", (None, None)),
])
def test_periods_seasons(make_mention, text, quote, lang, published, expected):
    assert _chain(make_mention, text, [(quote, 300)], lang, published=published) == [expected]


@pytest.mark.parametrize("text,quote,expected", [
    # "en l'espace de" is the window of "en un an"
    ("En l'espace d'un an, 300 drones ont été abattus.", "300", ("2023-09-15", "2024-09-15")),
    ("En l'espace de trois mois, 300 drones ont été abattus.", "300", ("2024-06", "2024-09-15")),
])
def test_periods_in_the_space_of(make_mention, text, quote, expected):
    assert _chain(make_mention, text, [(quote, 300)], "fr", published="2024-09-15") == [expected]
