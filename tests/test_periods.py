"""Tests for the period stage: time expressions resolved against the publication date."""
from __future__ import annotations

import pytest

from tally.extract import periods
from tally.extract.periods import Anchor

WAR = periods.WAR_START

# (text, quote, value, published, start, end)
ENGLISH = [
    # calendar years, relative and absolute
    ("Last year the army received 3,000 drones.", "3,000", None, "2024-09-15", "2023", "2023"),
    ("This year the plant is due to make 500 tanks.", "500", None, "2024-09-15", "2024", "2024"),
    ("In 2022 the factory built 40 tanks.", "40", None, "2024-09-15", "2022", "2022"),
    ("By 2030 the company plans to open 12 factories.", "12", None, "2024-09-15", None, "2030"),
    ("Between 2022 and 2024, exports fell by 40 percent.", "40", None, "2024-09-15", "2022", "2024"),
    # months: the latest such month not after publication, or the year given
    ("In September Russia launched 700 drones.", "700", None, "2024-09-15", "2024-09", "2024-09"),
    ("In November Russia launched 700 drones.", "700", None, "2024-09-15", "2023-11", "2023-11"),
    ("Last month the army lost 40 armoured vehicles.", "40", None, "2024-09-15", "2024-08", "2024-08"),
    ("In March 2023 the plant shipped 90 engines.", "90", None, "2024-09-15", "2023-03", "2023-03"),
    # days and nights
    ("Russia launched 80 drones overnight, the air force said.", "80", None, "2024-09-15",
     "2024-09-14", "2024-09-15"),
    ("In the past 24 hours, air defences shot down 31 drones.", "31", None, "2024-09-15",
     "2024-09-14", "2024-09-15"),
    ("On Monday, Russia fired 12 missiles at Kharkiv.", "12", None, "2024-09-15", "2024-09-09", "2024-09-09"),
    ("On 3 February the navy sank 2 patrol boats.", "2", None, "2024-09-15", "2024-02-03", "2024-02-03"),
    # open spans up to publication
    ("Since February 2023, the ministry has recorded 900 strikes.", "900", None, "2024-09-15",
     "2023-02", "2024-09-15"),
    ("Since the start of the full-scale invasion, Ukraine has received 60 tanks.", "60", None,
     "2024-09-15", WAR, "2024-09-15"),
    ("Over the past three years, the army has trained 8,000 pilots.", "8,000", None, "2024-09-15",
     "2021-09", "2024-09-15"),
    # parts of a year, deadlines, future windows
    ("Production grew by 30 percent in the first half of 2024.", "30", None, "2024-09-15", "2024-01", "2024-06"),
    ("Exports rose 12 percent in Q3 2024.", "12", None, "2024-10-15", "2024-07", "2024-09"),
    ("Inflation is expected to reach 6 percent by the end of 2025.", "6", None, "2024-09-15",
     "2025-12", "2025-12"),
    ("The EU will send 90 billion euros over the next two years.", "90 billion", 9e10, "2026-02-27",
     "2026", "2027"),
    ("Exports rose 12 percent in Q4.", "12", None, "2026-02-15", "2025-10", "2025-12"),
    ("In 2022-23 the army lost 90 tanks.", "90", None, "2024-09-15", "2022", "2023"),
    ("A surge of 13 deliveries came between January and March 2024.", "13", None, "2025-05-06",
     "2024-01", "2024-03"),
    ("Since mid-January, Russia has struck 60 power stations.", "60", None, "2026-02-07", "2026-01-15",
     "2026-02-07"),
    ("Ships have made 64 trips since deliveries started in September 2023.", "64", None, "2025-05-06",
     "2023-09", "2025-05-06"),
    ("Three months ago the plant made 50 drones a week.", "50", None, "2024-09-15", "2024-06", "2024-06"),
    # which expression belongs to which figure
    ("Kyiv received 30 jets in 2023, while it asked for 60 in 2024.", "30", None, "2024-09-15", "2023", "2023"),
    ("Kyiv received 30 jets in 2023, while it asked for 60 in 2024.", "60", None, "2024-09-15", "2024", "2024"),
    # the day a figure was stated, when the text gives no other time
    ("The minister said on February 12 that demand stood at 16 gigawatts.", "16", None, "2026-02-23",
     "2026-02-12", "2026-02-12"),
    # war totals
    ("Ukraine has lost 5,000 tanks, according to the monitors.", "5,000", None, "2024-09-15",
     WAR, "2024-09-15"),
    ("The four-year war has displaced millions of Ukrainians.", "four-year", 4, "2026-02-23", WAR, "2026-02-23"),
    ("In the opening phases of the war, each group had 2 batteries.", "2", None, "2023-08-09", WAR, "2022"),
    ("The pre-war population of the town was 60,000.", "60,000", None, "2024-09-15", None, "2022-02-23"),
    # states at the time of writing and near misses: no period
    ("The army now fields 400 tanks.", "400", None, "2024-09-15", None, None),
    ("The alliance, founded in 1949, now has 32 members.", "32", None, "2024-09-15", None, None),
    ("The Vision 2030 plan lists 15 projects.", "15", None, "2024-09-15", None, None),
    ("Four years since the invasion, Russia holds 18 percent of Ukraine.", "18", None, "2026-02-23", None, None),
    ("The 56-year-old medic was wounded in Kyiv.", "56", None, "2024-09-15", None, None),
    ("It carries the largest warhead to date, 1,150 kg.", "1,150", None, "2024-09-15", None, None),
    # precision of the publication date, and no date at all
    ("Russia launched 300 drones overnight.", "300", None, "2024-09", "2024-09", "2024-09"),
    ("Last year 40 tanks were built.", "40", None, None, None, None),
    ("In 2021 some 40 tanks were built.", "40", None, None, "2021", "2021"),
]

FRENCH = [
    ("L'année dernière, les troupes ont reçu 140 000 drones.", "140 000", None, "2024-09", "2023", "2023"),
    ("Cette année, l'armée doit recevoir 1,4 million de drones.", "1,4 million", 1.4e6, "2024-09", "2024", "2024"),
    ("D'ici 2030, 48 usines seront construites dans le pays.", "48", None, "2024-09", None, "2030"),
    ("La production a été multipliée par cent en un an.", "cent", 100, "2023-10-08", "2022-10-08", "2023-10-08"),
    ("Au cours des dernières 24 heures, la défense a abattu 25 drones.", "25", None, "2023-10-08",
     "2023-10-07", "2023-10-08"),
    ("Le ministère compte 38 drones abattus la veille.", "38", None, "2023-10-08", "2023-10-06", "2023-10-07"),
    ("La Russie a lancé 500 drones en septembre.", "500", None, "2023-10-08", "2023-09", "2023-09"),
    ("En novembre, des centaines de migrants ont franchi la frontière.", "centaines", 100, "2022-06-30",
     "2021-11", "2021-11"),
    ("Depuis février 2022, 8 millions de personnes ont fui le pays.", "8 millions", 8e6, "2024-09-15",
     "2022-02", "2024-09-15"),
    ("Depuis le début de la guerre, l'Ukraine a perdu 300 chars.", "300", None, "2024-09-15", WAR, "2024-09-15"),
    ("Depuis 2014, la Russie aurait dépensé 300 millions de dollars.", "300 millions", 3e8, "2022-10",
     "2014", "2022-10"),
    ("En 2021, le pays comptait 45 millions d'habitants.", "45 millions", 4.5e7, "2022-03", "2021", "2021"),
    ("Au premier trimestre 2024, les exportations ont chuté de 12 %.", "12", None, "2024-09-15",
     "2024-01", "2024-03"),
    ("Le mois dernier, 30 navires ont quitté le port.", "30", None, "2024-09-15", "2024-08", "2024-08"),
    ("Jeudi, 14 missiles ont frappé Odessa.", "14", None, "2024-09-15", "2024-09-12", "2024-09-12"),
    ("Le 16 février, les tirs ont été multipliés par 30.", "30", None, "2022-04", "2022-02-16", "2022-02-16"),
    ("Deux Palestiniens ont été tués dans la nuit du 23 au 24 juillet.", "Deux", 2, "2022-07-24",
     "2022-07-23", "2022-07-24"),
    ("Au cours des cinq dernières années, le budget a augmenté de 40 %.", "40", None, "2024-09-15",
     "2019-09", "2024-09-15"),
    ("Entre 2022 et 2024, 3 000 entreprises ont fermé.", "3 000", None, "2024-09-15", "2022", "2024"),
    ("Il y a deux ans, l'usine employait 900 ouvriers.", "900", None, "2024-09-15", "2022", "2022"),
    ("Au dernier trimestre, les ventes ont chuté de 12 %.", "12", None, "2024-02-15", "2023-10", "2023-12"),
    ("Le pays veut multiplier par 3 le nombre d'éoliennes d'ici les dix prochaines années.", "3", None,
     "2024-06-24", None, "2034"),
    ("Dans les premières semaines de la guerre, l'armée a perdu 40 chars.", "40", None, "2023-08-09",
     WAR, "2022"),
    ("Jusqu'à présent, la France a livré 30 canons à l'Ukraine.", "30", None, "2022-05", WAR, "2022-05"),
    # the statement day ends an open span ("depuis ... a annoncé le 5 mai")
    ("Depuis le 2 mars, la Russie a livré 20 000 tonnes d'aide, a annoncé le ministère le 5 mai.", "20 000",
     None, "2022-05", "2022-03-02", "2022-05-05"),
    # states and near misses: no period
    ("Le pays dispose aujourd'hui de 110 000 places d'hébergement.", "110 000", None, "2022-03", None, None),
    ("Le système, lancé en 2018, est utilisé dans 36 pays.", "36", None, "2022-06", None, None),
    ("La Coupe du monde 2018 a réuni 32 équipes.", "32", None, "2022-06", None, None),
    ("Deux Palestiniens de 25 ans ont été arrêtés.", "25", None, "2022-07-24", None, None),
]


def _run(make_mention, text, quote, lang, value, published, unit="count"):
    mention = make_mention(text, quote, lang=lang, published=published, value=value, unit=unit)
    periods.assign(mention)
    return mention.fields["period_start"], mention.fields["period_end"]


@pytest.mark.parametrize("text,quote,value,published,start,end", ENGLISH)
def test_periods_english(make_mention, text, quote, value, published, start, end):
    assert _run(make_mention, text, quote, "en", value, published) == (start, end)


@pytest.mark.parametrize("text,quote,value,published,start,end", FRENCH)
def test_periods_french(make_mention, text, quote, value, published, start, end):
    assert _run(make_mention, text, quote, "fr", value, published) == (start, end)


@pytest.mark.parametrize("text,quote,lang,published,start,end", [
    # a run of reported events: the figure takes the day of the sentence before
    ("On Sunday, Russia launched 197 drones. Ukraine downed 170 of them.", "170", "en", "2024-09-17",
     "2024-09-15", "2024-09-15"),
    # "that night" refers back to the day named earlier
    ("The attack began on January 9. Residents fled. Russia launched 242 drones that night.", "242", "en",
     "2026-02-10", "2026-01-09", "2026-01-09"),
    ("Le 23 juin, une frappe a touché la ville. Le même jour, 12 drones ont été abattus.", "12", "fr",
     "2022-06-30", "2022-06-23", "2022-06-23"),
    # a state told after an event keeps no period
    ("On Sunday, Russia launched 197 drones. The country has 24 regions.", "24", "en", "2024-09-17", None, None),
])
def test_periods_previous_sentence(make_mention, text, quote, lang, published, start, end):
    assert _run(make_mention, text, quote, lang, None, published) == (start, end)


@pytest.mark.parametrize("text,quote,lang,value,unit,start,end", [
    # a rate takes only a period its own sentence gives: no statement day, no war total
    ("Russia fires 10,000 shells a day, the army said on Monday.", "10,000", "en", None, "count/day", None, None),
    ("This year Russia fires 10,000 shells a day.", "10,000", "en", None, "count/day", "2024", "2024"),
    ("Il y a un mois, l'armée perdait 200 hommes par jour.", "200", "fr", None, "count/day", "2024-08", "2024-08"),
    ("Chaque jour, la Russie vend pour 700 millions d'euros de gaz.", "700 millions", "fr", 7e8, "EUR/day",
     None, None),
])
def test_periods_rate(make_mention, text, quote, lang, value, unit, start, end):
    assert _run(make_mention, text, quote, lang, value, "2024-09-15", unit=unit) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # other languages: dates and weekdays by name only (CLDR names through babel)
    ("El 3 de marzo de 2024 Rusia lanzó 40 drones.", "40", "es", "2024-03-03", "2024-03-03"),
    ("En marzo de 2023 Rusia lanzó 500 drones.", "500", "es", "2023-03", "2023-03"),
    ("Am Montag startete Russland 40 Drohnen.", "40", "de", "2024-09-09", "2024-09-09"),
    ("Russland hat 40 Drohnen.", "40", "de", None, None),
])
def test_periods_other_languages(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, None, "2024-09-15") == (start, end)


@pytest.mark.parametrize("published,expected", [
    ("2024-09-15", Anchor(2024, 9, 15)),
    ("2024-09", Anchor(2024, 9, None)),
    (None, None),
    ("unknown", None),
    ("2024-02-30", None),
])
def test_periods_anchor_parse(published, expected):
    assert Anchor.parse(published) == expected


def test_periods_find_month_is_case_sensitive_in_english():
    # "may" the verb is no month; "May" is.
    anchor = Anchor(2024, 9, 15)
    assert periods.find("The toll may rise to 200.", "en", anchor) == []
    assert [e.start_iso for e in periods.find("In May the toll rose to 200.", "en", anchor)] == ["2024-05"]


@pytest.mark.parametrize("text,quote,lang,status,start,end", [
    # "over two years": the years past for what happened, the years to come for a plan
    ("Over two years, the plant built 300 tanks.", "300", "en", "reported", "2022-09", "2024-09-15"),
    ("The EU will lend 50 billion euros over two years.", "50 billion", "en", "target", "2024", "2025"),
    ("The deal should bring 50 billion euros over two years.", "50 billion", "en", "reported", "2024", "2025"),
    # a duration that is itself the figure, not an age
    ("Leurs intérêts se rejoignent depuis 15 ans.", "15", "fr", "reported", "2009", "2024-09-15"),
    ("Un homme de 41 ans est mort de froid.", "41", "fr", "reported", None, None),
    # a pledge is no total to date
    ("Paris will raise its aid to 2 billion, against 1.7 billion so far.", "2 billion", "en", "target", None, None),
    # "now" yields to a time expression that dates the figure
    ("Russia has now launched 500 drones since February.", "500", "en", "reported", "2024-02", "2024-09-15"),
])
def test_periods_status(make_mention, text, quote, lang, status, start, end):
    value = float(quote.split()[0].replace(",", "")) * (1e9 if "billion" in quote else 1)
    mention = make_mention(text, quote, lang=lang, published="2024-09-15", value=value)
    mention.fields["status"] = status
    periods.assign(mention)
    assert (mention.fields["period_start"], mention.fields["period_end"]) == (start, end)


def test_periods_run_takes_period_of_previous_figure(make_mention):
    # The first figure is a war total dated by its month; the next sentence goes on with it.
    text = ("In January the institute put total Russian casualties in Ukraine at 1.2 million. "
            "It noted Ukrainian casualties at around 600,000, with 140,000 killed.")
    first = make_mention(text, "1.2 million", published="2026-02-23", value=1.2e6)
    periods.assign(first)
    second = make_mention(text, "140,000", published="2026-02-23", state=first.state)
    periods.assign(second)
    assert (first.fields["period_start"], first.fields["period_end"]) == (WAR, "2026-01")
    assert (second.fields["period_start"], second.fields["period_end"]) == (WAR, "2026-01")


PUB = "2024-04-20"


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a source's cut-off stated earlier ends the "since X" spans that follow, at its month
    ("A study published on 15 March 2024 counted the strikes. Since June 2023, Russia has fired 900 missiles.",
     "900", "en", "2023-06", "2024-03"),
    ("Une étude publiée le 15 mars 2024 recense les frappes. Depuis juin 2023, la Russie a tiré 900 missiles.",
     "900", "fr", "2023-06", "2024-03"),
    ("A report released on 15 March 2024 tallied the losses. Ukraine says Russia has lost 3,000 tanks.",
     "3,000", "en", WAR, "2024-03"),
    # near misses: a date that is no source's, a statement day in the sentence itself
    ("The minister visited the plant on 15 March 2024. Since June 2023, Russia has fired 900 missiles.",
     "900", "en", "2023-06", PUB),
    ("Le ministre a visité l'usine le 15 mars 2024. Depuis juin 2023, la Russie a tiré 900 missiles.",
     "900", "fr", "2023-06", PUB),
    ("A study published on 15 March 2024 counted the strikes. Since June 2023, Russia has fired 900 missiles, "
     "the army said on 10 April.", "900", "en", "2023-06", "2024-04-10"),
])
def test_periods_source_cut_off(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, None, PUB) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a war whose start the text states: its totals count from that day
    ("The war began on 7 October 2023 with a surprise assault. In all, 18,000 people had been killed "
     "by the end of 2025.", "18,000", "en", "2023-10-07", "2025-12"),
    ("La guerre a éclaté le 7 octobre 2023. Au total, 18 000 personnes avaient été tuées à la fin 2025.",
     "18 000", "fr", "2023-10-07", "2025-12"),
    ("Since the war began on 7 October 2023, 200 journalists have been killed.", "200", "en",
     "2023-10-07", "2026-02-02"),
    ("Depuis que la guerre a éclaté le 7 octobre 2023, 200 journalistes ont été tués.", "200", "fr",
     "2023-10-07", "2026-02-02"),
    # near misses: a start stated too far back; a war named with no start
    ("The war began on 7 October 2023. Talks stalled. Aid slowed. Winter came. Prices rose. "
     "In all, 18,000 Ukrainian soldiers had been killed by the end of 2025.", "18,000", "en", WAR, "2025-12"),
    ("Since the war began, Ukraine has received 60 tanks.", "60", "en", WAR, "2026-02-02"),
    ("Depuis le début de la guerre, l'Ukraine a perdu 300 chars.", "300", "fr", WAR, "2026-02-02"),
])
def test_periods_stated_war_start(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, None, "2026-02-02") == (start, end)


@pytest.mark.parametrize("text,quote,lang,published,start,end", [
    # "the year" is the year named just before, not the year of publication
    ("2025 was a record year for exports. In the first six months of the year, the plant built 300 drones.",
     "300", "en", "2026-01-29", "2025-01", "2025-06"),
    ("2025 a été une année record. Au premier semestre de l'année, l'usine a produit 300 drones.",
     "300", "fr", "2026-01-29", "2025-01", "2025-06"),
    # near misses: two years named before; "this year" / "cette année" is the year of publication
    ("Exports fell in 2024 and rose in 2025. In the first six months of the year, the plant built 300 drones.",
     "300", "en", "2026-09-15", "2026-01", "2026-06"),
    ("2025 was a record year. This year the plant has built 300 drones.", "300", "en", "2026-09-15",
     "2026", "2026"),
    ("2025 a été une année record. Cette année, l'usine a produit 300 drones.", "300", "fr", "2026-09-15",
     "2026", "2026"),
])
def test_periods_the_year_named_before(make_mention, text, quote, lang, published, start, end):
    assert _run(make_mention, text, quote, lang, None, published) == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a count stated on a day in the pluperfect: up to that day, from no stated start
    ("The president said on Saturday that the army had regained 300 square kilometres.", "300", "en",
     None, "2026-02-21"),
    ("Le président a déclaré samedi que l'armée avait repris 300 kilomètres carrés.", "300", "fr",
     None, "2026-02-21"),
    # near misses: the simple past and the passé composé tell an event of that day
    ("The president said on Saturday that the army regained 300 square kilometres.", "300", "en",
     "2026-02-21", "2026-02-21"),
    ("Le président a déclaré samedi que l'armée a repris 300 kilomètres carrés.", "300", "fr",
     "2026-02-21", "2026-02-21"),
])
def test_periods_pluperfect_statement(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, None, "2026-02-27") == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a state going on ("were repairing", imparfait) does not continue a run of events
    ("On Sunday, Russia launched 197 drones. Crews were repairing 40 substations.", "40", "en", None, None),
    ("On Sunday, Russia launched 197 drones. Crews were working to restore power to 1,100 homes.", "1,100",
     "en", None, None),
    ("Dimanche, la Russie a lancé 197 drones. Les équipes réparaient 40 postes électriques.", "40", "fr",
     None, None),
    # near misses: events told in the past go on with the day
    ("On Sunday, Russia launched 197 drones. Crews repaired 40 substations.", "40", "en",
     "2024-09-15", "2024-09-15"),
    ("Dimanche, la Russie a lancé 197 drones. L'armée en a abattu 170.", "170", "fr", "2024-09-15", "2024-09-15"),
])
def test_periods_progressive_is_no_event(make_mention, text, quote, lang, start, end):
    assert _run(make_mention, text, quote, lang, None, "2024-09-17") == (start, end)


@pytest.mark.parametrize("text,quote,start,end", [
    # "jusque-là" is until a past moment, not a total to date; "jusqu'à présent" is
    ("En Ukraine, les règles appliquées jusque-là imposaient 800 mètres.", "800", None, None),
    ("Jusqu'à présent, la France a livré 30 canons à l'Ukraine.", "30", WAR, "2022-06-24"),
])
def test_periods_until_then(make_mention, text, quote, start, end):
    assert _run(make_mention, text, quote, "fr", None, "2022-06-24") == (start, end)


@pytest.mark.parametrize("text,quote,lang,start,end", [
    # a report of one night's raid: what it counts elsewhere in the text belongs to that night
    ("According to the ministry, two men were killed in a raid. Troops struck the town overnight.", "two", "en",
     "2022-07-23", "2022-07-24"),
    ("Selon le ministère, deux hommes ont été tués lors d'un raid. D'après les secours, 19 autres ont été "
     "blessés. Le raid a eu lieu dans la nuit du 23 au 24 juillet.", "19", "fr", "2022-07-23", "2022-07-24"),
    ("Le Croissant-Rouge faisant état de 19 blessés. Le raid a eu lieu dans la nuit du 23 au 24 juillet.",
     "19", "fr", "2022-07-23", "2022-07-24"),
    # near misses: a single day is no such sign; two nights are ambiguous; a state or an age stays
    ("According to the ministry, two men were killed in a raid. The army spoke on 23 July.", "two", "en",
     None, None),
    ("Selon le ministère, deux hommes ont été tués. Des frappes ont eu lieu dans la nuit du 20 au 21 juillet "
     "puis dans la nuit du 23 au 24 juillet.", "deux", "fr", None, None),
    ("La ville possède 19 hôpitaux. Le raid a eu lieu dans la nuit du 23 au 24 juillet.", "19", "fr",
     None, None),
    ("Deux hommes de 25 et 28 ans ont été tués. Le raid a eu lieu dans la nuit du 23 au 24 juillet.", "25",
     "fr", None, None),
])
def test_periods_night_of_the_report(make_mention, text, quote, lang, start, end):
    value = {"two": 2, "deux": 2}.get(quote)
    assert _run(make_mention, text, quote, lang, value, "2022-07-24") == (start, end)


@pytest.mark.parametrize("text,quote,start,end", [
    # "the same day" refers to the last day named, past sentences that name none
    ("On February 21, missiles struck a plant. Experts praised it. Officials spoke. Damage was unclear. "
     "Crews came. Smoke rose. On the same day, drones damaged two depots.", "two", "2026-02-21", "2026-02-21"),
    # near miss: no day named before
    ("Missiles struck a plant. Experts praised it. On the same day, drones damaged two depots.", "two",
     None, None),
])
def test_periods_same_day_looks_back(make_mention, text, quote, start, end):
    assert _run(make_mention, text, quote, "en", 2, "2026-02-27") == (start, end)
