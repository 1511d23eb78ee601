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
