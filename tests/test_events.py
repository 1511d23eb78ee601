"""Tests for the event and status stage: the word that governs a figure, and its modality."""
from __future__ import annotations

import pytest

from tally.extract import events, items

pytestmark = pytest.mark.slow


def _run(make_mention, text, quote, lang, unit="count", value=None, published="2024-09-15"):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value, published=published)
    items.assign(mention)
    events.assign(mention)
    return mention.fields


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "event"),
    [
        # The verb that governs the counted noun.
        ("Russia launched 242 drones at Kyiv overnight.", "242", "en", "count", None, "deploy"),
        ("La Russie a lancé 120 drones sur Odessa.", "120", "fr", "count", None, "deploy"),
        ("The factory produced 5,000 shells in May.", "5,000", "en", "count", 5000, "produce"),
        ("L'usine fabrique 300 drones par mois.", "300", "fr", "count", None, "produce"),
        ("Berlin delivered 18 howitzers to Kyiv.", "18", "en", "count", None, "deliver"),
        ("Les troupes ont reçu 140 000 drones l'an dernier.", "140 000", "fr", "count", 140000, "deliver"),
        ("Air defences shot down 38 drones over Belgorod.", "38", "en", "count", None, "shoot_down"),
        ("La défense antiaérienne a abattu 25 drones ukrainiens.", "25", "fr", "count", None, "shoot_down"),
        ("Ukraine intercepted 31 missiles.", "31", "en", "count", None, "shoot_down"),
        ("The blast killed four civilians.", "four", "en", "count", 4, "kill"),
        ("Deux Palestiniens ont été tués à Naplouse.", "Deux", "fr", "count", 2, "kill"),
        ("The attack wounded 27 people.", "27", "en", "count", None, "injure"),
        ("Dix-neuf personnes ont été blessées.", "Dix-neuf", "fr", "count", 19, "injure"),
        ("Drones hit two refineries in Samara.", "two", "en", "count", 2, "strike"),
        ("Russia has lost 300 tanks since June.", "300", "en", "count", None, "destroy"),
        ("Eight countries have joined the coalition.", "Eight", "en", "count", 8, "join"),
        ("Huit pays ont rejoint la coalition.", "Huit", "fr", "count", 8, "join"),
        ("Over 200 firms began to develop drones.", "200", "en", "count", None, "develop"),
        ("Plus de 200 entreprises ont commencé à développer des drones.", "200", "fr", "count", None, "develop"),
        ("Moscow plans to open 48 new plants.", "48", "en", "count", None, "build"),
        ("About 600,000 people fled the city.", "600,000", "en", "count", 600000, "displace"),
        # A participle on the noun ("drones abattus") and an adjusted verb (drones destroyed: shot down).
        ("Le ministère évalue à 38 le nombre de drones abattus.", "38", "fr", "count", None, "shoot_down"),
        ("The air force destroyed 67 drones overnight.", "67", "en", "count", None, "shoot_down"),
        ("Les forces perdaient 200 personnes par jour.", "200", "fr", "count/day", None, "kill"),
        ("Russia attacked the city with 400 drones.", "400", "en", "count", None, "deploy"),
        # Attacks launched or fired strike.
        ("Russia launched 40 attacks on the town.", "40", "en", "count", None, "strike"),
        ("L'armée a effectué 30 tirs sur la ville.", "30", "fr", "count", None, "strike"),
        # A state: how many there are.
        ("North Korea has 73 freight wagons at the station.", "73", "en", "count", None, "count"),
        ("La France dispose de 110 000 places d'hébergement.", "110 000", "fr", "count", 110000, "count"),
        # Money: aid is delivered, purchases are spent.
        ("Slovakia's military aid totalled €670m.", "€670m", "en", "EUR", 6.7e8, "deliver"),
        ("The Danes paid €50m for the guns.", "€50m", "en", "EUR", 5e7, "spend"),
        ("Les États-Unis ont dépensé 200 millions de dollars.", "200 millions", "fr", "USD", 2e8, "spend"),
        # Near misses: measures, ages and changes carry no event.
        ("A 41-year-old man died of the cold.", "41-year-old", "en", "year", 41, "other"),
        ("The missile flies at 13,000 km/h.", "13,000", "en", "km/h", 13000, "other"),
        ("Inflation fell to 7% in March.", "7", "en", "percent", None, "other"),
        ("Le nombre de chômeurs a bondi de 133 000.", "133 000", "fr", "count", 133000, "other"),
        ("The talks lasted six hours.", "six", "en", "hour", 6, "other"),
    ],
)
def test_events_governing_word(make_mention, text, quote, lang, unit, value, event):
    assert _run(make_mention, text, quote, lang, unit, value)["event"] == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "status"),
    [
        ("Russia launched 242 drones last night.", "242", "en", "count", None, "reported"),
        ("Les troupes ont reçu 140 000 drones.", "140 000", "fr", "count", 140000, "reported"),
        ("Kyiv will produce 4.5 million drones next year.", "4.5 million", "en", "count", 4.5e6, "target"),
        ("Moscow plans to build 48 new factories.", "48", "en", "count", None, "target"),
        ("L'Ukraine produira un million de drones.", "un million", "fr", "count", 1e6, "target"),
        ("Il a pour objectif de produire un million de drones.", "un million", "fr", "count", 1e6, "target"),
        ("Jusqu'à 10 000 soldats vont arriver au Royaume-Uni.", "10 000", "fr", "count", 10000, "target"),
        ("D'ici 2030, 48 nouvelles usines seront construites.", "48", "fr", "count", None, "target"),
        ("Le nombre prévu pour cette année est de 1,4 million.", "1,4 million", "fr", "count", 1.4e6, "target"),
        ("The think tank estimated 600,000 casualties.", "600,000", "en", "count", 600000, "estimate"),
        ("Production may reach 4.5 million drones.", "4.5 million", "en", "count", 4.5e6, "estimate"),
        ("Analysts expect growth of 1% this year.", "1", "en", "percent", None, "estimate"),
        ("Son patrimoine est estimé à 200 milliards de dollars.", "200 milliards", "fr", "USD", 2e11, "estimate"),
        # Near misses: a target word that is not the figure's own modality.
        ("Drones targeted 11 oil depots last week.", "11", "en", "count", None, "reported"),
        ("Les sept pays du G7 se sont engagés à aider Kiev.", "sept", "fr", "count", 7, "reported"),
        ("By 2023, 80 plants were working for the army.", "80", "en", "count", None, "reported"),
    ],
)
def test_events_status(make_mention, text, quote, lang, unit, value, status):
    assert _run(make_mention, text, quote, lang, unit, value)["status"] == status


@pytest.mark.parametrize(
    ("word", "lang", "event"),
    [("abattus", "fr", "shoot_down"), ("livré", "fr", "deliver"), ("fabriqués", "fr", "produce"),
     ("launched", "en", "deploy"), ("manufactured", "en", "produce"), ("wounded", "en", "injure"),
     ("stadium", "en", None), ("ministre", "fr", None)],
)
def test_events_event_of_word(word, lang, event):
    assert events.event_of_word(word, lang) == event


def test_events_list_continues_earlier_event(make_mention):
    text = "Russia has lost about 900 tanks, 120 aircraft and 29 ships."
    state: dict = {}
    fields = []
    for quote in ("900", "120", "29"):
        mention = make_mention(text, quote, lang="en", state=state)
        items.assign(mention)
        events.assign(mention)
        fields.append(mention.fields["event"])
    assert fields == ["destroy", "destroy", "destroy"]


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "event"),
    [
        # A participle right after the figure names the event.
        ("Casualties reached 600,000, with 140,000 killed.", "140,000", "en", "count", 140000, "kill"),
        # A verb of totalling takes the event its subject names.
        ("Ukraine's losses have totaled 11,300 vehicles.", "11,300", "en", "count", 11300, "destroy"),
        ("Les pertes russes s'élèvent à 600 000 soldats.", "600 000", "fr", "count", 600000, "destroy"),
        # Shares of things outside the vocabulary carry no event; shares of drones do.
        ("Factories lost 70% of their output.", "70", "en", "percent", None, "other"),
        ("Ukraine shot down 90% of the drones.", "90", "en", "percent", None, "shoot_down"),
    ],
)
def test_events_construction(make_mention, text, quote, lang, unit, value, event):
    assert _run(make_mention, text, quote, lang, unit, value)["event"] == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "event"),
    [
        # Places are struck, whatever the verb says happened in them.
        ("The raid wounded 20 people in six regions.", "six", "en", "strike"),
        ("Des destructions ont été signalées dans huit régions.", "huit", "fr", "strike"),
        # A participle that only describes the noun ("missiles used to ...") does not name the event.
        ("The air force destroyed 3,855 missiles used against cities.", "3,855", "en", "shoot_down"),
    ],
)
def test_events_places_and_descriptions(make_mention, text, quote, lang, event):
    value = float(quote.replace(",", "")) if quote[0].isdigit() else {"six": 6, "huit": 8}[quote]
    assert _run(make_mention, text, quote, lang, "count", value)["event"] == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "event"),
    [
        ("Russia launched 242 drones overnight.", "242", "en", "deploy"),
        ("La défense a abattu 25 drones.", "25", "fr", "shoot_down"),
        ("The report lists 25 drones.", "25", "en", "other"),
    ],
)
def test_events_without_parser(text, quote, lang, event):
    """With a blank pipeline the words just before the figure still name the event."""
    import spacy

    from tally.extract.mention import Figure, Mention, Sentence
    from tally.models import Document

    start = text.index(quote)
    sentence = Sentence(0, len(text), text, 0, doc=spacy.blank(lang)(text))
    mention = Mention(Document(id="t", text=text, lang=lang), sentence,
                      Figure(start, start + len(quote), quote, float(quote)), lang)
    items.assign(mention)
    events.assign(mention)
    assert mention.fields["event"] == event
    assert mention.fields["status"] == "reported"


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "status"),
    [
        # An infinitive clause carries the plan of the noun it completes.
        ("Le président dévoile un plan pour multiplier la production de drones par dix.", "dix", "fr", "ratio", 10,
         "target"),
        ("Kyiv unveiled a plan to build 30 new plants.", "30", "en", "count", None, "target"),
        # Near miss: a relative clause under a planning verb is a report of its own.
        ("He planned the trip after the strike that killed 12 people.", "12", "en", "count", None, "reported"),
    ],
)
def test_events_status_infinitive_clause(make_mention, text, quote, lang, unit, value, status):
    assert _run(make_mention, text, quote, lang, unit, value)["status"] == status


@pytest.mark.parametrize(
    ("text", "quote", "event"),
    [
        ("Les 4 000 drones produits chaque mois partent au front.", "4 000", "produce"),
        ("Plus de 23 000 tonnes de produits attendent au port.", "23 000", "other"),
    ],
)
def test_events_produits_participle_not_goods(make_mention, text, quote, event):
    value = float(quote.replace(" ", ""))
    assert _run(make_mention, text, quote, "fr", "count", value)["event"] == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "event"),
    [
        # A count that is the subject or attribute of "be" states how many there are.
        ("The pre-war population of the region was 2.1 million.", "2.1 million", "en", "count"),
        ("More than 10 million people are in need of aid.", "10 million", "en", "count"),
        ("La population active n'est que de 30 millions de personnes.", "30 millions", "fr", "count"),
        # The size of a place.
        ("Some 600,000 people left the city of 3 million.", "3 million", "en", "count"),
        ("Il a quitté une ville de 3 millions.", "3 millions", "fr", "count"),
        # A definite group named by its body.
        ("Les sept puissances du G7 ont exhorté les pays à agir.", "sept", "fr", "count"),
        ("The 27 states of the EU urged restraint.", "27", "en", "count"),
        # Near misses: a group without its body, a count beside "be" but not its subject.
        ("Seven powers urged restraint.", "Seven", "en", "other"),
        ("Il a dit qu'il serait là avec 300 soldats.", "300", "fr", "other"),
    ],
)
def test_events_states_count(make_mention, text, quote, lang, event):
    assert _run(make_mention, text, quote, lang, value=1.0)["event"] == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "event"),
    [
        # A sum with no word of its own is most often aid or a transfer.
        ("Berlin a débloqué 2 milliards d'euros pour l'Ukraine.", "2 milliards", "fr", "EUR", "deliver"),
        ("Tokyo unveiled $300 million for Kyiv's grid.", "$300 million", "en", "USD", "deliver"),
        ("The crisis cost the budget $280 million.", "$280 million", "en", "USD", "spend"),
        # "worth", "d'une valeur de" only price: the verb or the thing priced names the event.
        ("Nous avons fourni du matériel pour une valeur de 100 millions d'euros.", "100 millions", "fr", "EUR",
         "deliver"),
        ("Ils ont signé un contrat d'une valeur de 100 millions d'euros.", "100 millions", "fr", "EUR", "spend"),
        ("Britain sent weapons worth £50m to Kyiv.", "£50m", "en", "GBP", "deliver"),
        ("They signed a contract worth £50m.", "£50m", "en", "GBP", "spend"),
        # A sum lent through a programme named by its compound.
        ("The IMF approved a new $8.1 billion lending programme.", "$8.1 billion", "en", "USD", "deliver"),
    ],
)
def test_events_money_default(make_mention, text, quote, lang, unit, event):
    assert _run(make_mention, text, quote, lang, unit=unit, value=1.0)["event"] == event


def test_events_list_of_sums_does_not_pass_to_counts(make_mention):
    """The spending of a price does not pass to the houses listed after it."""
    text = "Il possède un palais de 1,4 milliard de dollars, 19 maisons et 700 voitures."
    state: dict = {}
    first = make_mention(text, "1,4 milliard", lang="fr", unit="USD", value=1.4e9, state=state)
    items.assign(first)
    events.assign(first)
    second = make_mention(text, "19", lang="fr", state=state)
    items.assign(second)
    events.assign(second)
    assert first.fields["event"] == "spend"
    assert second.fields["event"] != "spend"


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "status"),
    [
        # A sentence that credits its figures to estimates.
        ("Russia controls roughly a fifth of the land, according to estimates from a think tank.", "a fifth",
         "en", "percent", "estimate"),
        ("Selon les estimations de l'institut, 5 000 soldats ont été tués.", "5 000", "fr", "count", "estimate"),
        ("Russia controls a fifth of the land, according to the ministry.", "a fifth", "en", "percent", "reported"),
        # An estimate framed by an adverbial clause of method.
        ("By modelling crate sizes, analysts arrived at 5.8 million shells.", "5.8 million", "en", "count",
         "estimate"),
        ("En extrapolant ces chiffres, l'institut arrive à 5 000 morts.", "5 000", "fr", "count", "estimate"),
        # A future auxiliary right after the counted words, even when the parse loses the verb.
        ("Jusqu'à 10 000 soldats ukrainiens vont arriver au Royaume-Uni.", "10 000", "fr", "count", "target"),
        ("Up to 10,000 soldiers will arrive in Britain.", "10,000", "en", "count", "target"),
        # Near miss: a measure followed by "will" describes, it does not plan.
        ("A shell fired to 25 km will take 75 seconds to land.", "25", "en", "km", "reported"),
    ],
)
def test_events_status_cues(make_mention, text, quote, lang, unit, status):
    assert _run(make_mention, text, quote, lang, unit=unit, value=1.0)["status"] == status
