"""Actor and speaker assignment on real parses, in French and English."""
from __future__ import annotations

import pytest

from tally.extract import actors

pytestmark = pytest.mark.slow


def _assign(make_mention, text, quote, lang, event="other", item=None, occurrence=0, value=None,
            unit="count"):
    mention = make_mention(text, quote, lang=lang, occurrence=occurrence, value=value, unit=unit)
    # Earlier stages fill these; the actor rules read them.
    mention.fields.update({"event": event, "item": item})
    # The pipeline runs every figure of a document in order; do the same for earlier ones.
    actors.assign(mention)
    return mention.fields["actor"], mention.fields["speaker"]


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # Speech verbs, with the subject before or after the verb.
        ("Vladimir Putin said Russia would build 48 new plants.", "48", "en", "Vladimir Putin"),
        ("Russia produced 140 000 drones last year, Putin announced.", "140 000", "en", "Vladimir Putin"),
        ("Les troupes ont reçu 140 000 drones, a annoncé Poutine.", "140 000", "fr", "Vladimir Putin"),
        ("Le président Zelensky a déclaré que l'Ukraine avait produit 200 drones.", "200", "fr",
         "Volodymyr Zelenskyy"),
        # Attribution prepositions.
        ("Selon le ministère russe de la Défense, 25 drones ont été abattus.", "25", "fr",
         "Ministry of Defence of Russia"),
        ("D'après le Croissant-Rouge palestinien, 19 personnes ont été blessées.", "19", "fr",
         "Palestine Red Crescent Society"),
        ("Russia lost 300 tanks, according to the Institute for the Study of War.", "300", "en",
         "Institute for the Study of War"),
        ("Some 3 million people have fled, according to the U.N. refugee agency.", "3 million", "en",
         "United Nations High Commissioner for Refugees"),
        # A role in a body credits the body; an apposition names the person.
        ("Selon le chef de l'armée de l'air ukrainienne, la Russie a lancé 500 drones.", "500", "fr",
         "Ukrainian Air Force"),
        ("Le ministre ukrainien de la Défense, Rustem Umerov, a indiqué que 8 pays ont adhéré.", "8", "fr",
         "Rustem Umerov"),
        # Unnamed groups: tied to a government, or to none.
        ("Ukrainian officials said 217 attacks hit the region.", "217", "en", "Ukraine"),
        ("Selon les autorités russes, 12 drones ont été interceptés.", "12", "fr", "Russia"),
        ("Analysts said Russia could make 30 missiles a month.", "30", "en", None),
        ("Selon des économistes, l'inflation atteindra 9 %.", "9", "fr", None),
        ("Selon des sources russes, l'armée aurait trouvé 2 laboratoires.", "2", "fr", None),
        # A subject that names no source, only mentions countries, asserts nothing.
        ("Le rapprochement entre l'Allemagne et la Russie annonce la fin de 75 ans d'ordre mondial.", "75",
         "fr", None),
        # The cue whose clause holds the figure wins over a nearer one.
        ("Trump said Putin agreed to halt strikes for 7 days, something the Kremlin later confirmed.", "7",
         "en", "Donald Trump"),
        # The outlet on its own account.
        ("Russia launched 420 drones overnight.", "420", "en", None),
        ("La Russie a lancé 420 drones dans la nuit.", "420", "fr", None),
        # A figure that describes the speaker is not asserted by them.
        ("Oleksandr Petrenko, head of a firm with revenues of $7 billion, said output fell.",
         "7 billion", "en", None),
        # A speech verb sharing its subject with an earlier verb.
        ("Ukrainian soldiers interviewed for this study indicated that Russian guns stood 12 km back.",
         "12", "en", "Armed Forces of Ukraine"),
        # An inverted subject the parser reads as an object.
        ("« Il perçoit un salaire de 140 000 dollars », a rapporté le site Fortune.", "140 000", "fr",
         "Fortune"),
        # Unknown names are kept as the text gives them.
        ("Ukrainian industry lost 30% of output, Nataliia Kovalenko estimated.", "30", "en",
         "Nataliia Kovalenko"),
    ],
)
def test_actors_speaker_of_a_sentence(make_mention, text, quote, lang, speaker):
    value = {"3 million": 3_000_000, "7 billion": 7_000_000_000}.get(quote)
    assert _assign(make_mention, text, quote, lang, value=value)[1] == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A pronoun subject resolves to the last named person.
        ("Zelensky visited Lviv on Monday. He said 40 schools had been rebuilt.", "40", "en",
         "Volodymyr Zelenskyy"),
        ("Poutine a visité une usine à Toula. « Nous avons livré 300 chars », a-t-il souligné.", "300", "fr",
         "Vladimir Putin"),
        # "it said" goes to the body named just before.
        ("ArcelorMittal lost 10% of its output in January, it said.", "10", "en", "ArcelorMittal"),
        # A quotation carries its speaker on to the next sentences until it closes.
        ("Shmyhal a déclaré : « Nous avons triplé la production. Plus de 200 entreprises fabriquent des "
         "drones. »", "200", "fr", "Denys Shmyhal"),
        # A sentence that ends on a colon introduces the next one.
        ("Selon le cabinet de recrutement Manpower :\nPrès de 500 000 Ukrainiens travaillent en Pologne.",
         "500 000", "fr", "ManpowerGroup"),
        # "the think tank" refers back to the body named before.
        ("The Institute for the Study of War published its review. The think tank said Russia lost "
         "300 tanks.", "300", "en", "Institute for the Study of War"),
        # The attribution follows the closing quotation mark in the next sentence.
        ("« Huit pays ont rejoint la coalition. Ils viennent d'Europe », a détaillé Umerov.", "Huit", "fr",
         "Rustem Umerov"),
    ],
)
def test_actors_speaker_across_sentences(make_mention, text, quote, lang, speaker):
    value = {"Huit": 8, "4 million": 4_000_000}.get(quote)
    assert _assign(make_mention, text, quote, lang, value=value)[1] == speaker


@pytest.mark.parametrize(
    "text, quote, lang, event, item, actor",
    [
        # The subject of the governing verb.
        ("Russia launched 420 drones at Ukraine overnight.", "420", "en", "deploy", "drone", "Russia"),
        ("La Russie a lancé 500 drones en septembre.", "500", "fr", "deploy", "drone", "Russia"),
        ("La défense antiaérienne russe a abattu 25 drones ukrainiens.", "25", "fr", "shoot_down", "drone",
         "Russia"),
        ("Germany delivered 18 howitzers to Kyiv.", "18", "en", "deliver", "howitzer", "Germany"),
        # A passive agent performs the event.
        ("Some 30 drones were launched by Russia.", "30", "en", "deploy", "drone", "Russia"),
        # A state organ acts for its country.
        ("Russian forces fired 7,400 shells a day.", "7,400", "en", "deploy", "shell", "Russia"),
        # A possessive or adjective on the counted noun.
        ("Ukraine's losses reached 11,300 vehicles.", "11,300", "en", "destroy", "armoured_vehicle", "Ukraine"),
        ("Les pertes sont de 600 000 soldats russes tués.", "600 000", "fr", "kill", "soldier", "Russia"),
        ("Hundreds of Russian drones hit the city, and 40 Russian missiles too.", "40", "en", "strike",
         "missile", "Russia"),
        ("Plus de 200 entreprises ukrainiennes fabriquent des drones.", "200", "fr", "produce", "company",
         "Ukraine"),
        # Losses inflicted by a named attacker go to the attacker; victims' nationality is no actor.
        ("Russian strikes killed 12 civilians in Kharkiv.", "12", "en", "kill", "civilian", "Russia"),
        ("Deux Palestiniens ont été tués lors d'une opération de l'armée israélienne.", "Deux", "fr", "kill",
         "person", "Israel"),
        ("Some 40 Palestinians were killed overnight.", "40", "en", "kill", "person", None),
        # Who receives is not the actor of a delivery: the giver is.
        ("Le pays reçoit 500 millions d'euros de l'Union européenne.", "500 millions", "fr", "deliver",
         "money", "European Union"),
        ("L'Ukraine reçoit 500 millions d'euros du Fonds européen pour la paix.", "500 millions", "fr",
         "deliver", "money", "European Union"),
        # A person's own money: the person, not their country; a state's pledge: the state.
        ("Selon lui, Poutine a accumulé 200 milliards de dollars.", "200 milliards", "fr", "count", "money",
         "Vladimir Putin"),
        ("Macron a promis 300 millions d'euros à l'Ukraine.", "300 millions", "fr", "deliver", "money",
         "France"),
        # A relative pronoun subject stands for its antecedent.
        ("Un coup dur pour l'Allemagne, qui importe 58 millions de m3 de gaz russe.", "58 millions", "fr",
         "deliver", "gas", "Germany"),
        # An owner one "of" further down: "rounds of North Korean ammunition".
        ("The depot received millions of rounds of North Korean artillery ammunition.", "millions", "en",
         "deliver", "shell", "North Korea"),
        # The one country a sentence names as a possible performer.
        ("Last year, 140 000 drones were produced in Russian plants.", "140 000", "en", "produce", "drone",
         "Russia"),
        # Places and recipients are not performers.
        ("About 75 percent of the missiles arrived in Ukraine.", "75", "en", "deliver", "missile", None),
        # Displaced people have no actor.
        ("Some 5.9 million Ukrainians fled to Poland.", "5.9 million", "en", "displace", "refugee", None),
        # No single country named: none.
        ("Russia and Ukraine exchanged 150 prisoners.", "150", "en", "deliver", "prisoner", None),
    ],
)
def test_actors_actor_of_a_figure(make_mention, text, quote, lang, event, item, actor):
    value = {"5.9 million": 5_900_000, "Deux": 2, "500 millions": 500_000_000, "58 millions": 58_000_000,
             "millions": 1_000_000, "200 milliards": 2e11, "300 millions": 3e8}.get(quote)
    assert _assign(make_mention, text, quote, lang, event=event, item=item, value=value)[0] == actor


def test_actors_actor_falls_back_to_a_government_speaker(make_mention):
    text = "Les troupes ont reçu 140 000 drones l'an dernier, a annoncé Poutine."
    assert _assign(make_mention, text, "140 000", "fr", event="deliver", item="drone") == (
        "Russia", "Vladimir Putin")


@pytest.mark.parametrize(
    "text, quote, lang",
    [
        ("A 41-year-old man died in Kharkiv after a Russian strike.", "41", "en"),
        ("Un Ukrainien de 25 ans a été tué par une frappe russe.", "25", "fr"),
    ],
)
def test_actors_ages_have_no_actor(make_mention, text, quote, lang):
    actor, _ = _assign(make_mention, text, quote, lang, item="person", unit="year")
    assert actor is None


def test_actors_bare_ministry_belongs_to_the_country_of_the_text(make_mention):
    text = ("Russia's output fell by 3% in May. The Industry and Trade Ministry expects a shortage of "
            "4 million workers.")
    state: dict = {}
    for quote, value in (("3", 3), ("4 million", 4_000_000)):  # in text order, as the pipeline does
        mention = make_mention(text, quote, lang="en", value=value, state=state)
        mention.fields.update({"event": "other", "item": None})
        actors.assign(mention)
    assert mention.fields["speaker"] == "Ministry of Industry and Trade of Russia"


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        ("Selon le ministère russe de la Défense, 25 drones ont été abattus.", "25", "fr",
         "Ministry of Defence of Russia"),
        ("Russia launched 420 drones, Zelensky said.", "420", "en", "Volodymyr Zelenskyy"),
        ("Russia launched 420 drones overnight.", "420", "en", None),
    ],
)
def test_actors_without_a_parse_read_names_and_cues(text, quote, lang, speaker):
    # A language with no model gets a blank pipeline: no parse, no entities.
    import spacy

    from tally.extract import sentences as splitter
    from tally.extract.mention import Figure, Mention, Sentence
    from tally.models import Document

    start = text.index(quote)
    sents = [Sentence(s, e, text[s:e], i) for i, (s, e) in enumerate(splitter.split(text))]
    sent = next(s for s in sents if s.start <= start < s.end)
    sent.doc = spacy.blank(lang)(sent.text)
    document = Document(id="test", text=text, lang=lang, published="2024-09-15")
    mention = Mention(document, sent, Figure(start, start + len(quote), quote, float(quote)), lang,
                      state={"sentences": sents})
    actors.assign(mention)
    assert (mention.fields["actor"], mention.fields["speaker"]) == (None, speaker)
