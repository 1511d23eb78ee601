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


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "hours before" an event dated in an earlier sentence: the night before that day
    ("The envoys met in Riyadh on Thursday. Hours before the meeting, Russia fired 150 drones at Odesa.",
     "150", "en", "2024-09-11", "2024-09-12"),
    ("Les ministres se sont réunis à Rome jeudi. Quelques heures avant la réunion, la Russie a tiré "
     "150 drones sur Odessa.", "150", "fr", "2024-09-11", "2024-09-12"),
    # no day named before: nothing to count from
    ("Hours before the meeting, Russia fired 150 drones at Odesa.", "150", "en", None, None),
])
def test_period_cases_hours_before(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "two days later, X said": the statement day ends a "since" span
    ("The minister spoke on Monday. Two days later the army said it had taken 250 km² since 1 August.",
     "250", "en", "2024-08-01", "2024-09-11"),
    # "le lendemain": the day after the day named before
    ("Le 3 septembre, des drones ont frappé Kharkiv. Le lendemain, 40 missiles ont visé Kyiv.", "40", "fr",
     "2024-09-04", "2024-09-04"),
    ("On 3 September, drones struck Kharkiv. A week later, Russia launched 40 missiles at Kyiv.", "40", "en",
     "2024-09-10", "2024-09-10"),
])
def test_period_cases_days_later(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a date in a "before", "although", "alors que" clause dates that clause, not the figure
    ("Before the minister resigned in 2023, the army bought 40 howitzers.", "40", "en", None, None),
    ("Alors qu'en 2011 le pays avait renoncé au charbon, le gouvernement rouvre 12 centrales.", "12", "fr",
     None, None),
    # the figure inside that clause keeps it
    ("Although Russia fired 300 drones in 2023, the grid held.", "300", "en", "2023", "2023"),
    # a "since" joined across the clauses still runs into the figure's clause
    ("Although a truce was agreed in May 2024, 300 soldiers have died since.", "300", "en", "2024-05", PUB),
])
def test_period_cases_other_clause(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a month named alone carries the year of the story told just before
    ("Shipments began in September 2022. In October, 12 ships reached the port.", "12", "en",
     "2022-10", "2022-10"),
    ("Les livraisons ont commencé en septembre 2022. En octobre, 12 navires sont arrivés.", "12", "fr",
     "2022-10", "2022-10"),
    # a month before the one named is not in that story: the latest such month
    ("Shipments began in September 2022. In March, 12 ships reached the port.", "12", "en",
     "2024-03", "2024-03"),
    # months listed with commas make one span; "18 total" does not make a war total
    ("Shipments began in September 2022. October, November and December saw 18 total shipments.", "18",
     "en", "2022-10", "2022-12"),
])
def test_period_cases_story_year(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "the N years before X": that long up to the time named after it
    ("Some 900,000 soldiers died in the two and a half years before February 1917.", "900,000", "en",
     "1914-08", "1917-02"),
    ("Plus de 900 000 soldats sont morts au cours des deux ans et demi qui ont précédé février 1917.",
     "900 000", "fr", "1914-08", "1917-02"),
    ("Exports rose 30% in the two years before the invasion.", "30", "en", "2020-02", "2022-02-23"),
    # no time named after it: no period from it
    ("Exports rose 30% in the two years before the minister resigned.", "30", "en", None, None),
])
def test_period_cases_years_before(make_mention, text, quote, lang, start, end):
    value = float(quote.replace(",", "").replace(" ", ""))
    assert _run(make_mention, text, quote, lang, value) == (start, end)


@pytest.mark.parametrize("text,first,quote,lang,start,end", [
    # a fragment that opens with its figure goes on with the figure of the sentence before
    ("In Ukraine, 300 children have been killed. More than 500 children wounded.", "300", "500", "en",
     WAR, PUB),
    ("En Ukraine, 300 enfants ont été tués. 500 enfants blessés.", "300", "500", "fr", WAR, PUB),
    # a fragment that refers back to a part of something is no such run
    ("Au total, Kiev a reçu 3 milliards d'euros. Sur les 500 millions, 400 pour des armes.", "3",
     "500", "fr", None, None),
])
def test_period_cases_fragment_goes_on(make_mention, text, first, quote, lang, start, end):
    earlier = make_mention(text, first, lang=lang, published=PUB)
    periods.assign(earlier)
    mention = make_mention(text, quote, lang=lang, published=PUB, state=earlier.state)
    periods.assign(mention)
    assert (mention.fields["period_start"], mention.fields["period_end"]) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # an amount stated again further on takes the time given there
    ("Nearly $14 billion for food security. The leaders pledged more, bringing the effort this year to "
     "nearly $14 billion.", "$14 billion", "en", "2024", "2024"),
    ("Environ 14 milliards contre la faim. Les dirigeants portent l'effort cette année à environ "
     "14 milliards de dollars.", "14 milliards", "fr", "2024", "2024"),
    # a bare small number stated again is not the same figure
    ("Two ships sank. In March, two crews were rescued.", "Two", "en", None, None),
])
def test_period_cases_restated_amount(make_mention, text, quote, lang, start, end):
    value = 2 if quote == "Two" else 14e9
    assert _run(make_mention, text, quote, lang, value, unit="count" if value == 2 else "USD") == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a range of days in one month
    ("Between 1 and 7 September, Russia launched 400 drones.", "400", "en", "2024-09-01", "2024-09-07"),
    ("From August 3 to 9, Russia launched 400 drones.", "400", "en", "2024-08-03", "2024-08-09"),
    ("Du 1er au 7 septembre, la Russie a lancé 400 drones.", "400", "fr", "2024-09-01", "2024-09-07"),
    ("Entre le 3 et le 9 août, la Russie a lancé 400 drones.", "400", "fr", "2024-08-03", "2024-08-09"),
    # a night named by its two days, or by the day it ends on
    ("On the night of 23 to 24 July, Russia launched 40 drones.", "40", "en", "2024-07-23", "2024-07-24"),
    ("Russia launched 40 drones overnight into Tuesday.", "40", "en", "2024-09-09", "2024-09-10"),
])
def test_period_cases_day_ranges(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # the year so far: from January (or the year named) to publication
    ("Since the start of the year, Ukraine has downed 300 drones.", "300", "en", "2024", PUB),
    ("Depuis le début de l'année, l'Ukraine a abattu 300 drones.", "300", "fr", "2024", PUB),
    ("Since early 2023, Ukraine has downed 300 drones.", "300", "en", "2023", PUB),
    ("Depuis début 2023, l'Ukraine a abattu 300 drones.", "300", "fr", "2023", PUB),
    # "so far this year" is the calendar year, not a war total
    ("Ukraine has downed 300 drones so far this year.", "300", "en", "2024", "2024"),
    # the first months of the year
    ("Au cours des huit premiers mois de l'année, les exportations ont baissé de 12 %.", "12", "fr",
     "2024-01", "2024-08"),
    # the weekend: the latest Saturday and Sunday (PUB is a Sunday)
    ("Over the weekend, Russia fired 90 missiles.", "90", "en", "2024-09-14", "2024-09-15"),
    ("Ce week-end, la Russie a tiré 90 missiles.", "90", "fr", "2024-09-14", "2024-09-15"),
    ("Last weekend, Russia fired 90 missiles.", "90", "en", "2024-09-07", "2024-09-08"),
])
def test_period_cases_year_so_far_and_weekends(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a month of last year
    ("In March last year, Russia fired 300 missiles.", "300", "en", "2023-03", "2023-03"),
    ("En mars de l'année dernière, la Russie a tiré 300 missiles.", "300", "fr", "2023-03", "2023-03"),
    # next month, a decade, a part of a year at year precision
    ("Germany will deliver 12 howitzers next month.", "12", "en", "2024-10", "2024-10"),
    ("L'Allemagne livrera 12 obusiers le mois prochain.", "12", "fr", "2024-10", "2024-10"),
    ("In the 1990s, the army had 700,000 soldiers.", "700,000", "en", "1990", "1999"),
    ("Dans les années 1990, l'armée comptait 700 000 soldats.", "700 000", "fr", "1990", "1999"),
    ("In late 2023, Russia fired 300 missiles.", "300", "en", "2023", "2023"),
    ("Début 2023, la Russie a tiré 300 missiles.", "300", "fr", "2023", "2023"),
    # a deadline at the end of this year
    ("The plant aims to build 300 drones by the end of the year.", "300", "en", None, "2024"),
    ("L'usine doit construire 300 drones d'ici la fin de l'année.", "300", "fr", None, "2024"),
    # "ces 12 derniers mois" with no preposition
    ("Ces 12 derniers mois, la Russie a tiré 300 missiles.", "300", "fr", "2023-09", PUB),
])
def test_period_cases_months_years_decades(make_mention, text, quote, lang, start, end):
    value = float(quote.replace(",", "").replace(" ", ""))
    assert _run(make_mention, text, quote, lang, value) == (start, end)


def test_period_cases_day_run_goes_on_three_sentences(make_mention):
    # the day of a strike goes on through two sentences without figures to the damage it did
    text = ("On 3 September, 12 missiles struck the plant at Votkinsk. Experts called it a turning point. "
            "The plant makes ballistic missiles. At least one workshop was destroyed, satellite images showed.")
    first = make_mention(text, "12", published=PUB)
    periods.assign(first)
    later = make_mention(text, "one", published=PUB, value=1, state=first.state)
    periods.assign(later)
    assert (later.fields["period_start"], later.fields["period_end"]) == ("2024-09-03", "2024-09-03")


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # "the last 18 months" of a study whose span the text names: that span
    ("A survey of 40 ports over the last 18 months found damage. The team studied ports between "
     "January 2023 and the end of June 2024.", "40", "en", "2023-01", "2024-06"),
    ("Une étude de 40 ports au cours des 18 derniers mois a relevé des dégâts. L'équipe a étudié les ports "
     "entre janvier 2023 et juin 2024.", "40", "fr", "2023-01", "2024-06"),
    # no span of that length named: counted back from publication
    ("A survey of 40 ports over the last 18 months found damage. The team began in May 2023.", "40", "en",
     "2023-03", PUB),
])
def test_period_cases_stated_study_window(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang) == (start, end)
