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


def _assign_in_order(make_mention, text, figures, lang, event="other", item=None):
    """Assign every (quote, value) of `figures` in text order with one document state, as the
    pipeline does; (actor, speaker) of the last."""
    state: dict = {}
    for quote, value in figures:
        mention = make_mention(text, quote, lang=lang, value=value, state=state)
        mention.fields.update({"event": event, "item": item})
        actors.assign(mention)
    return mention.fields["actor"], mention.fields["speaker"]


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A credited proper name the gazetteer lacks is kept as the text writes it.
        ("The occupied share had reached 20% by spring, Brandtner said.", "20", "en", "Brandtner"),
        ("KPMB said about 15% of output depends on imported parts.", "15", "en", "KPMB"),
        ("Selon Kovalska, 30 % des usines sont à l'arrêt.", "30", "fr", "Kovalska"),
        # Near misses: a known place speaks for its country; an object after "fait" is no speaker.
        ("Kyiv said 40 drones were shot down.", "40", "en", "Ukraine"),
        ("La guerre a fait de l'Europe un champ de ruines pour 30 ans.", "30", "fr", None),
    ],
)
def test_actors_unknown_credited_names(make_mention, text, quote, lang, speaker):
    assert _assign(make_mention, text, quote, lang)[1] == speaker


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        # The owner of the downed weapons is the target; the reporting ministry's side shot.
        ("Russia's Defence Ministry said air defences downed 50 Ukrainian drones, including 12 over "
         "the Belgorod region.", [("12", 12)], "en", "Russia"),
        ("Selon le ministère russe de la Défense, la défense aérienne a intercepté 30 drones ukrainiens, "
         "dont 10 au-dessus de la Crimée.", [("10", 10)], "fr", "Russia"),
        # The launcher of the drones is not who shot them down.
        ("Russian forces launched 90 drones at Ukraine overnight, 70 of which were shot down, "
         "Ukraine's air force said.", [("70", 70)], "en", "Ukraine"),
        # Near miss: a named shooter is the actor.
        ("Ukraine shot down 30 Russian drones overnight.", [("30", 30)], "en", "Ukraine"),
    ],
)
def test_actors_shoot_down_goes_to_the_defender(make_mention, text, figures, lang, actor):
    assert _assign_in_order(make_mention, text, figures, lang, "shoot_down", "drone")[0] == actor


@pytest.mark.parametrize(
    "text, figures, lang, event, item, actor",
    [
        # A war event with no side named takes the attacker of the sentences just before.
        ("Russia launched 300 drones overnight. The attack killed five people in Odesa.",
         [("300", 300), ("five", 5)], "en", "kill", "person", "Russia"),
        ("La Russie a lancé 50 missiles dans la nuit. Les frappes ont blessé 12 personnes.",
         [("50", 50), ("12", 12)], "fr", "injure", "person", "Russia"),
        # Near misses: a figure of no war event; an attacker too many sentences back.
        ("Russia launched 300 drones overnight. The city has 40 schools.",
         [("300", 300), ("40", 40)], "en", "count", "school", None),
        ("La Russie a lancé 50 missiles. La ville dort. Le froid gagne. La neige tombe. Les frappes "
         "ont blessé 12 personnes.", [("50", 50), ("12", 12)], "fr", "injure", "person", None),
    ],
)
def test_actors_war_events_carry_the_attacker(make_mention, text, figures, lang, event, item, actor):
    state: dict = {}
    for quote, value in figures:
        mention = make_mention(text, quote, lang=lang, value=value, state=state)
        # The first figure is the launch; the last is the event under test.
        mention.fields.update({"event": "deploy", "item": "drone"} if quote == figures[0][0] else
                              {"event": event, "item": item})
        actors.assign(mention)
    assert mention.fields["actor"] == actor


@pytest.mark.parametrize(
    "text, figures, lang, actor",
    [
        # An economy figure belongs to the country of the economy: the one the document names...
        ("Ukraine's economy grew by 3% last year. Inflation is running at about 7%, economists said.",
         [("3", 3), ("7", 7)], "en", "Ukraine"),
        ("L'économie de l'Allemagne a reculé de 2 % l'an dernier. L'inflation atteint 6 %, selon des "
         "économistes.", [("2", 2), ("6", 6)], "fr", "Germany"),
        # ... the speaker's (a national bank) ...
        ("GDP will contract by 0.8% next year, the Bank of Russia said.", [("0.8", 0.8)], "en", "Russia"),
        # ... or the place the sentence names.
        ("En France, le chômage atteint 7 % de la population active.", [("7", 7)], "fr", "France"),
        # "gross domestic product" spelled out; a currency names no second country.
        ("The Bank of Russia expects gross domestic product to shrink by 0.8% next year.", [("0.8", 0.8)],
         "en", "Russia"),
        ("Russia's inflation should reach 6.2% while the ruble trades at 84 to the US dollar.",
         [("6.2", 6.2)], "en", "Russia"),
        ("L'inflation russe atteindra 9 % et le rouble perdra face au dollar américain.", [("9", 9)], "fr",
         "Russia"),
        # Near misses: a figure that counts something else near an economy word.
        ("The 31 donors hold much of the world's GDP.", [("31", 31)], "en", None),
        ("Les 27 donateurs représentent l'essentiel du PIB mondial.", [("27", 27)], "fr", None),
    ],
)
def test_actors_economy_figures_belong_to_the_economy(make_mention, text, figures, lang, actor):
    assert _assign_in_order(make_mention, text, figures, lang)[0] == actor


@pytest.mark.parametrize(
    "text, quote, lang, actor",
    [
        # "we"/"nous" of a speaker is the speaker's country, not the country the sentence names.
        ("We gave Ukraine 40 tanks last year, Scholz said.", "40", "en", "Germany"),
        ("« Nous avons donné aux Ukrainiens 40 chars », a déclaré Scholz.", "40", "fr", "Germany"),
        # Near miss: the outlet's own "we" names no country.
        ("We counted 40 tanks on the road.", "40", "en", None),
    ],
)
def test_actors_first_person_is_the_speakers_country(make_mention, text, quote, lang, actor):
    assert _assign(make_mention, text, quote, lang, event="deliver", item="tank")[0] == actor


@pytest.mark.parametrize(
    "text, quote, lang, event, actor",
    [
        # A demonym in a recipient phrase is not a performer.
        ("Après que la Norvège ait versé 2 milliards d'aide aux forces armées ukrainiennes.", "2 milliards",
         "fr", "deliver", "Norway"),
        ("Norway paid 2 billion in aid to Ukrainian forces.", "2 billion", "en", "deliver", "Norway"),
        # A giver named on the object of "received".
        ("Kiev a reçu un soutien de la Banque mondiale à hauteur de 2 milliards d'euros.", "2 milliards",
         "fr", "deliver", "World Bank"),
        ("Kyiv received support from the World Bank worth $2 billion.", "2 billion", "en", "deliver",
         "World Bank"),
        # Near miss: a demonym on the giver still names the performer.
        ("Des donateurs norvégiens ont versé 2 milliards d'euros aux forces armées.", "2 milliards", "fr",
         "deliver", "Norway"),
    ],
)
def test_actors_recipients_and_givers(make_mention, text, quote, lang, event, actor):
    value = {"2 milliards": 2e9, "2 billion": 2e9}.get(quote)
    assert _assign(make_mention, text, quote, lang, event=event, item="money", value=value)[0] == actor


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # An unknown name on a noun of sources is the source; spelled out where the text did.
        ("The KDR analysis indicates that 40 trains crossed the border.", "40", "en", "KDR"),
        ("Data came from the Baltic Rail Monitor (BRM). The BRM analysis shows 40 trains crossed.", "40",
         "en", "Baltic Rail Monitor"),
        ("L'Observatoire des prix agricoles (OPA) publie ses chiffres. L'analyse OPA montre une hausse "
         "de 12 %.", "12", "fr", "Observatoire des prix agricoles"),
        # A person after a body's name and a comma is not its spokesperson ...
        ("Selon le ministère palestinien de la Santé, Ahmad Khalil a été blessé par 3 balles.", "3", "fr",
         "Ministry of Health of Palestine"),
        # ... after a role, they are.
        ("Selon le ministre ukrainien de la Défense, Rustem Umerov, 8 pays ont adhéré.", "8", "fr",
         "Rustem Umerov"),
    ],
)
def test_actors_names_of_sources(make_mention, text, quote, lang, speaker):
    assert _assign(make_mention, text, quote, lang)[1] == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Analysis by the Open Source Centre (OSC) found more.", {"OSC": "Open Source Centre"}),
        ("Selon l'Office français de protection des réfugiés et apatrides (Ofpra), c'est faux.",
         {"Ofpra": "Office français de protection des réfugiés et apatrides"}),
        # Near misses: letters that are no initials of the name before them.
        ("A brigade artillery group (BrAG) deploys behind the line.", {}),
        ("The Army (US) said so.", {}),
    ],
)
def test_actors_acronyms_spelled_out_in_the_text(text, expected):
    from tally.extract.actors.state import acronyms

    assert acronyms(text) == expected


@pytest.mark.parametrize(
    "text, quote, lang, actor",
    [
        # Among several countries, the one an agent phrase on the figure's path names performs.
        ("Le financement par le régime russe de deux fondations allemandes, l'une à hauteur de "
         "10 millions d'euros.", "10 millions", "fr", "Russia"),
        ("The funding by the Russian state of two German foundations reached 10 million euros.",
         "10 million", "en", "Russia"),
        # Near miss: an agent phrase elsewhere in the sentence decides nothing.
        ("Le G7, auquel se sont joints cinq pays, a condamné l'invasion de l'Ukraine par la Russie.",
         "cinq", "fr", None),
    ],
)
def test_actors_agent_phrase_picks_the_performer(make_mention, text, quote, lang, actor):
    value = {"10 millions": 1e7, "10 million": 1e7, "cinq": 5}.get(quote)
    assert _assign(make_mention, text, quote, lang, event="deliver", item="money", value=value)[0] == actor


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # The author of a source told by a participle is the speaker, not another name near it.
        ("A study carried out by the Baltic Freight Watch, with help from Reuters, shows 40 trains "
         "crossed.", "40", "en", "Baltic Freight Watch"),
        ("Une étude publiée par le site spécialisé Rail Monitor révèle la présence de 73 wagons.", "73", "fr",
         "Rail Monitor"),
        # Near miss: a participle with no author leaves the source to the name in the phrase.
        ("A study of the Kiel Institute published in May shows 40 donors gave.", "40", "en",
         "Kiel Institute for the World Economy"),
    ],
)
def test_actors_source_published_by(make_mention, text, quote, lang, speaker):
    assert _assign(make_mention, text, quote, lang)[1] == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # Whoever revises its own forecast asserts the figure, before a nearer speech verb.
        ("Analysts at KBC expect 2% growth, while the IMF has cut its growth forecast to 0.8%.", "0.8", "en",
         "International Monetary Fund"),
        ("The crisis prompted the Bank of Russia to cut its forecast for growth to 1.5%.", "1.5", "en",
         "Central Bank of Russia"),
        ("La Banque mondiale a abaissé sa prévision de croissance à 0,8 %.", "0,8", "fr", "World Bank"),
        # Near miss: a figure further down the sentence is not the forecast.
        ("The IMF cut its forecast, in line with the 3% growth expected by traders.", "3", "en", None),
    ],
)
def test_actors_owner_of_a_forecast_asserts_it(make_mention, text, quote, lang, speaker):
    value = {"0,8": 0.8}.get(quote)
    assert _assign(make_mention, text, quote, lang, value=value)[1] == speaker
