"""Tests for the period stage: named periods, "as of", a bare "since", "that period", standing facts."""
from __future__ import annotations

import pytest

from tally.extract import periods

WAR = periods.WAR_START
PUB = "2024-09-15"


def _run(make_mention, text, quote, lang, value=None, unit="count", status=None, published=PUB):
    mention = make_mention(text, quote, lang=lang, published=published, value=value, unit=unit)
    if status is not None:
        mention.fields["status"] = status
    periods.assign(mention)
    return mention.fields["period_start"], mention.fields["period_end"]


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # wars every reader can date
    ("During the Second World War, the town lost 40,000 residents.", "40,000", "en", "1939", "1945"),
    ("The First World War killed 9 million soldiers.", "9 million", "en", "1914", "1918"),
    ("La Première Guerre mondiale a fait 10 millions de morts.", "10 millions", "fr", "1914", "1918"),
    ("Pendant la Seconde Guerre mondiale, 600 000 habitants ont péri.", "600 000", "fr", "1939", "1945"),
    # near misses: the war is only a reference point
    ("It is the worst crisis since World War II, with 3 shelters open.", "3", "en", None, None),
    ("Analysts warn of a new Cold War as Russia deployed 40 missiles.", "40", "en", None, None),
    ("Pour sa première guerre, l'armée a perdu 40 chars.", "40", "fr", None, None),
    ("Après la Seconde Guerre mondiale, le pays comptait 40 millions d'habitants.", "40 millions", "fr",
     None, None),
    # moments every reader can date open a span
    ("Since the collapse of the Soviet Union, the country has lost 5 million people.", "5 million", "en",
     "1991", PUB),
    ("Depuis la chute de l'URSS, le pays a perdu 5 millions d'habitants.", "5 millions", "fr", "1991", PUB),
])
def test_period_cases_named_periods(make_mention, text, quote, lang, start, end):
    value = float(quote.split()[0].replace(",", "").replace(" ", "")) if quote[-1].isdigit() else \
        float(quote.split()[0]) * 1e6
    assert _run(make_mention, text, quote, lang, value) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a total reached by then: no stated start
    ("As of March 2024, 75 percent of the shells had arrived by rail.", "75", "en", None, "2024-03"),
    ("À la date du 1er mars 2024, 4 000 obus avaient été livrés.", "4 000", "fr", None, "2024-03-01"),
    # a state at that time: that time
    ("As of March 2024, 300 people were displaced.", "300", "en", "2024-03", "2024-03"),
    ("À la date du 1er mars 2024, 3 000 personnes étaient déplacées.", "3 000", "fr", "2024-03-01",
     "2024-03-01"),
])
def test_period_cases_as_of(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a bare "since" runs from the time named before it in the sentence
    ("A truce was signed in May 2024, and 300 soldiers have died since.", "300", "en", "2024-05", PUB),
    ("Une trêve a été signée en mai 2024 et 300 soldats sont morts depuis.", "300", "fr", "2024-05", PUB),
])
def test_period_cases_bare_since(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "during that period" takes the last period named before it
    ("Russia fired 900 drones between January and March. Ukraine downed 700 of them during that period.",
     "700", "en", "2024-01", "2024-03"),
    ("Entre janvier et mars, la Russie a tiré 900 drones. Au cours de la même période, l'Ukraine en a "
     "abattu 700.", "700", "fr", "2024-01", "2024-03"),
    # nothing named before: no period
    ("Ukraine downed 700 drones during that period.", "700", "en", None, None),
])
def test_period_cases_that_period(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,unit,start,end", [
    # "now" between an earlier date and the figure: a state at the time of writing
    ("The army had one prototype at the start of the war, and it now builds 40 a month.", "40", "en",
     "count/month", None, None),
    ("L'armée n'avait qu'un prototype au début de la guerre, mais elle en produit désormais 40 par mois.",
     "40", "fr", "count/month", None, None),
    # "now" before the date: the date still frames the figure
    ("Russia has now launched 500 drones since February.", "500", "en", "count", "2024-02", PUB),
])
def test_period_cases_now_between(make_mention, text, quote, lang, unit, start, end):
    assert _run(make_mention, text, quote, lang, unit=unit) == (start, end)


@pytest.mark.parametrize("text,quote,lang,value,start,end", [
    # standing facts take no period, even in a dated sentence
    ("On Monday, drones hit Kharkiv, a city of 1.4 million.", "1.4 million", "en", 1.4e6, None, None),
    ("Jeudi, ils ont visité Toula, une ville de 500 000 habitants.", "500 000", "fr", None, None, None),
    ("Lundi, des drones ont frappé Toula, ville située à 170 kilomètres de Moscou.", "170", "fr", None,
     None, None),
    ("On Monday, a drone hit a 16-storey building in Kyiv.", "16", "en", None, None, None),
    ("On Monday, two officials said the plant had been hit.", "two", "en", 2, None, None),
    ("Lundi, trois experts ont déclaré que l'usine était touchée.", "trois", "fr", 3, None, None),
    # near misses: a distance of an event, a plan's points, a count told as an event
    ("On Monday, drones hit targets located 70 km from the front.", "70", "en", None, "2024-09-09",
     "2024-09-09"),
    ("In 2023 China put forward a 12-point peace plan.", "12", "en", None, "2023", "2023"),
    ("On Monday, two officials were killed in the strike.", "two", "en", 2, "2024-09-09", "2024-09-09"),
])
def test_period_cases_standing_facts(make_mention, text, quote, lang, value, start, end):
    assert _run(make_mention, text, quote, lang, value) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # weather has no "since" total
    ("Since January, temperatures have dropped below minus 15 degrees.", "15", "en", None, None),
    ("Depuis janvier, la température est tombée à moins 15 degrés.", "15", "fr", None, None),
])
def test_period_cases_weather(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, unit="celsius") == (start, end)


@pytest.mark.parametrize("text,quote,lang,value,start,end", [
    # the amount so far next to a pledge is a total to date
    ("Paris will raise its aid to Ukraine to 2 billion, against 1.7 billion so far.", "1.7 billion", "en", 1.7e9,
     WAR, PUB),
    ("La France portera son aide à l'Ukraine à 2 milliards d'euros, contre 1,7 milliard jusqu'à présent.",
     "1,7 milliard",
     "fr", 1.7e9, WAR, PUB),
    # the pledge itself is not
    ("Paris will raise its aid to 2 billion, against 1.7 billion so far.", "2 billion", "en", 2e9, None, None),
])
def test_period_cases_so_far_beside_a_pledge(make_mention, text, quote, lang, value, start, end):
    assert _run(make_mention, text, quote, lang, value, status="target") == (start, end)


@pytest.mark.parametrize("text,quote,lang,value,start,end", [
    # "already" tells a state by now, not an event of the day before
    ("On Monday, 12 ministers met in Paris. Eight countries have already joined the plan.", "Eight", "en", 8,
     None, None),
    ("Lundi, 12 ministres se sont réunis à Paris. Huit pays ont déjà rejoint le plan.", "Huit", "fr", 8,
     None, None),
    # without it, a run of events takes the period of the sentence before
    ("On Monday, 12 ministers met in Paris. Eight countries joined the plan.", "Eight", "en", 8,
     "2024-09-09", "2024-09-09"),
])
def test_period_cases_already(make_mention, text, quote, lang, value, start, end):
    assert _run(make_mention, text, quote, lang, value) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a "since" span does not date a present-tense state in another clause
    ("Russia has invaded no country since 1991, and the US keeps 800 bases abroad.", "800", "en", None, None),
    ("La Russie n'a envahi aucun pays depuis 1991, et les États-Unis maintiennent 800 bases.", "800", "fr",
     None, None),
    # it does date a count in its own clause
    ("Since 1991, the US has opened 800 bases abroad.", "800", "en", "1991", PUB),
])
def test_period_cases_since_and_present_state(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "the following N years" counts from the time named before it
    ("Une guerre a éclaté en 1914, qui, au cours des quatre années suivantes, a fait 9 millions de morts.",
     "9 millions", "fr", "1914", "1918"),
    ("The famine began in 1932 and over the following two years killed 4 million people.", "4 million", "en",
     "1932", "1934"),
])
def test_period_cases_following_years(make_mention, text, quote, lang, start, end):
    value = float(quote.split()[0]) * 1e6
    assert _run(make_mention, text, quote, lang, value) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a nominal predicate in the present ("sont à 100 %") is a state, even with "actuellement"
    ("Les réserves de gaz, même si elles sont à 100 % actuellement, seront vite épuisées.", "100", "fr", None, None),
    ("The gas reserves are at 100 percent now.", "100", "en", None, None),
    # a deadline in the main clause does not date a present state in a relative clause
    ("The country, which has 3 plants, wants to open 10 more by 2030.", "3", "en", None, None),
    ("The country, which has 3 plants, wants to open 10 more by 2030.", "10", "en", None, "2030"),
])
def test_period_cases_present_state(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,unit,start,end", [
    # a group's members and a built line's length are standing facts
    ("Les sept puissances du G7 se sont réunies lundi.", "sept", "fr", "count", None, None),
    ("On Monday, the 27 members of the EU agreed on new sanctions.", "27", "en", "count", None, None),
    ("Jeudi, le ministre a inauguré un mur d'acier de 300 km.", "300", "fr", "km", None, None),
    ("On Thursday, the minister opened a wall of 300 km.", "300", "en", "km", None, None),
    # near misses: an advance of some km, a count with "the" that names no group
    ("Lundi, les troupes ont avancé de 3 km.", "3", "fr", "km", "2024-09-09", "2024-09-09"),
    ("On Monday, the 300 soldiers of the Azov brigade were killed.", "300", "en", "count", "2024-09-09",
     "2024-09-09"),
])
def test_period_cases_members_and_lengths(make_mention, text, quote, lang, unit, start, end):
    value = {"sept": 7}.get(quote)
    assert _run(make_mention, text, quote, lang, value, unit=unit) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a state in the simple present, said on a day: the time of writing
    ("Zelensky said on Sunday that the text is 90% ready.", "90", "en", None, None),
    ("Le ministre a déclaré lundi que le texte est prêt à 90 %.", "90", "fr", None, None),
    # told in the past, it takes the day it was said
    ("The minister said on Monday that demand stood at 16 gigawatts.", "16", "en", "2024-09-09", "2024-09-09"),
])
def test_period_cases_present_state_said_on_a_day(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("pattern,expected", [
    (r"\bsince (?P<year>\d{4})", ("since ",)),
    (r"\b(?:today|now|currently)\b", ("today", "now", "currently")),
    (r"\b(?:ever )?since\b", ()),
    (r"\bovernight\b|\blast night\b", ()),
    (r"\b(?:au cours|lors) des 24 heures\b|\bcette nuit\b", ()),
    (r"\bcette année\b", ("cette année",)),
    (r"\bsince(?=\s*[.,;:)]|\s*$)", ("since",)),
    (r"\bdays?\b", ("day",)),
])
def test_period_cases_pattern_hints(pattern, expected):
    from tally.extract.periods.timex import hints

    assert hints(pattern) == expected


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # the day a named speaker spoke is the day of the statement, not of the figure
    ("On January 22, Mayor Vitali Klitschko said 600,000 people had already left the city.", "600,000", "en",
     None, "2026-01-22"),
    ("Le 22 janvier, Vitali Klitschko a déclaré que 600 000 personnes avaient déjà quitté la ville.", "600 000",
     "fr", None, "2026-01-22"),
    # near miss: the day of an event
    ("On January 22, Russian drones killed 12 people in Kyiv.", "12", "en", "2026-01-22", "2026-01-22"),
])
def test_period_cases_named_speaker_day(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, published="2026-02-10") == (start, end)
