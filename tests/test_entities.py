"""Names by rule: proper-noun runs typed through the gazetteer, in place of the models' NER."""
import pytest


def ents(extractor, text, lang):
    return [(e.text, e.label_) for e in extractor.nlp(lang)(text).ents]


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,expected", [
    ("Macron a promis 300 millions d'euros à l'Ukraine.", "fr", [("Macron", "PER"), ("Ukraine", "LOC")]),
    ("Selon lui, Poutine a accumulé 200 milliards de dollars.", "fr", [("Poutine", "PER")]),
    ("Russia's defence ministry said Peter Fraunholtz visited Kyiv.", "en",
     [("Russia", "GPE"), ("Peter Fraunholtz", "PERSON"), ("Kyiv", "GPE")]),
    ("The EU sent 195 billion euros on Saturday.", "en", [("EU", "ORG")]),
    ("In March, Ukraine's central bank cut its forecast.", "en", [("Ukraine", "GPE")]),
])
def test_entities_by_rule(extractor, text, lang, expected):
    assert ents(extractor, text, lang) == expected


@pytest.mark.slow
def test_entities_replace_the_models_ner(extractor):
    assert "ner" not in extractor.nlp("fr").pipe_names
    assert "tally_entities" in extractor.nlp("en").pipe_names


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,expected", [
    ("The Defense Ministry said it shot down 40 drones.", "en", [("Defense Ministry", "ORG")]),
    ("A Ukrainian drone hit 40 tanks.", "en", [("Ukrainian", "NORP")]),
])
def test_entities_bodies_and_demonyms(extractor, text, lang, expected):
    assert ents(extractor, text, lang) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,expected", [
    # A capitalised common word opening a sentence joins no name across a preposition.
    ("Military aid from Germany reached 5 billion euros.", "en", [("Germany", "GPE")]),
    ("Officials in Kyiv counted 40 drones.", "en", [("Kyiv", "GPE")]),
    ("Aide militaire de l'Allemagne : 5 milliards d'euros.", "fr", [("Allemagne", "LOC")]),
    ("Now Ukraine has 30 sea drones.", "en", [("Ukraine", "GPE")]),
    ("Recent Chinese deliveries reached 40 tanks.", "en", [("Chinese", "NORP")]),
    ("Pourquoi la Pologne a-t-elle acheté 250 chars ?", "fr", [("Pologne", "LOC")]),
    # A body's head word carries its name over "of", "for", "de".
    ("The Bank of England raised rates by 0.5 percent.", "en", [("Bank of England", "ORG")]),
    ("The University of Warsaw hosted 300 refugees.", "en", [("University of Warsaw", "ORG")]),
    ("L'Institut de Kiel a recensé 30 milliards d'aide.", "fr", [("Institut de Kiel", "ORG")]),
    ("The Ministry of Energy of Moldova cut 20 lines.", "en", [("Ministry of Energy of Moldova", "ORG")]),
    # A known name with "and" inside is one name; two people are two.
    ("The Center for Strategic and International Studies counted 30 tanks.", "en",
     [("Center for Strategic and International Studies", "ORG")]),
    ("Zelensky and Putin met 3 times.", "en", [("Zelensky", "PERSON"), ("Putin", "PERSON")]),
    # Long French names of bodies are read whole.
    ("L'Office français de protection des réfugiés et apatrides a reçu 103 000 demandes.", "fr",
     [("Office français de protection des réfugiés et apatrides", "ORG")]),
    ("Selon l'Organisation pour la sécurité et la coopération en Europe, 30 tirs.", "fr",
     [("Organisation pour la sécurité et la coopération en Europe", "ORG")]),
])
def test_entities_names_across_small_words(extractor, text, lang, expected):
    assert ents(extractor, text, lang) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,expected", [
    # Regions are places; sites and units named like people are not people.
    ("Le gouverneur de la région de Koursk a signalé 3 morts.", "fr", [("Koursk", "LOC")]),
    ("Drones hit the Novoshakhtinsk Oil Refinery 3 times.", "en", [("Novoshakhtinsk Oil Refinery", "GPE")]),
    ("The Third Assault Brigade lost 12 vehicles.", "en", [("Third Assault Brigade", "ORG")]),
    ("Voronezh officials said 12 drones fell.", "en", [("Voronezh officials", "GPE")]),
    # Events are named like people too.
    ("The Second World War killed 27 million people.", "en", [("Second World War", "MISC")]),
    ("La Seconde Guerre mondiale a fait 27 millions de morts.", "fr", [("Seconde Guerre", "MISC")]),
    # An unknown name after a preposition of place is a place, not a person.
    ("Talks in Abu Dhabi lasted 6 hours.", "en", [("Abu Dhabi", "GPE")]),
    ("Les combats à Chasiv Yar ont fait 30 morts.", "fr", [("Chasiv Yar", "LOC")]),
    ("In Peter Fraunholtz's view, 30 drones were shot down.", "en", [("Peter Fraunholtz", "PERSON")]),
])
def test_entities_places_and_units(extractor, text, lang, expected):
    assert ents(extractor, text, lang) == expected
