"""AttributeRules: the attribute ruler's token attributes, found by lookup."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tally.extract.attributes import NAME, AttributeRules, use_attribute_rules

# Patterns of the kinds the models' rulers hold: a tag map, words under a tag, IN / NOT_IN /
# REGEX tests, two-token patterns pointing at either token, and a later pattern overriding
# an earlier one on the same token.
PATTERNS = [
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "CD"}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "was"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"LOWER": {"IN": ["drones", "missiles"]}, "DEP": {"NOT_IN": [""]}}]],
     "attrs": {"LEMMA": "weapon"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}},  # reads the pre-rule POS
]


def _doc(nlp, words, tags, deps=None, spaces=None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps or [""] * len(words),
               heads=list(range(len(words))) if deps else None, spaces=spaces)


def _attributes(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize(
    ("words", "tags", "deps"),
    [
        (["Russia", "launched", "44", "drones"], ["NNP", "VBD", "CD", "NNS"], None),
        (["It", "was", "44", "drones"], ["PRP", "VBD", "CD", "NNS"], ["nsubj", "ROOT", "nummod", "attr"]),
        (["y'", "all", "gon", "na", "count", "missiles"], ["PRP", "DT", "VBG", "TO", "VB", "NNS"], None),
        (["let", "'s", "count", "\n\n", "drones"], ["VB", "PRP", "VB", "_SP", "NNS"], None),
        (["Trente", "drones", "abattus"], ["", "", ""], None),
    ],
)
def test_attributes_match_the_attribute_ruler(words, tags, deps):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    rules = AttributeRules.of(ruler)
    expected = ruler(_doc(nlp, words, tags, deps))
    got = rules(_doc(nlp, words, tags, deps))
    assert _attributes(got) == _attributes(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "+"}],  # operators are the Matcher's
        [{"SHAPE": "dddd"}],  # an attribute the rules do not read
        [{"LOWER": {">=": 3}}],
    ],
)
def test_attributes_refuse_patterns_they_cannot_reproduce(pattern):
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "NOUN"})
    with pytest.raises(ValueError):
        AttributeRules.of(ruler)
    use_attribute_rules(nlp)  # the ruler stays where the rules cannot stand in for it
    assert nlp.pipe_names == ["attribute_ruler"]


def test_attributes_take_the_rulers_place():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    nlp.add_pipe("sentencizer")
    use_attribute_rules(nlp)
    assert nlp.pipe_names == [NAME, "sentencizer"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text", "word", "pos"),
    [
        ("en", "Russia launched 44 drones overnight, the army said.", "drones", "NOUN"),
        ("en", "Russia launched 44 drones overnight, the army said.", "said", "VERB"),
        ("fr", "La Russie a lancé 44 drones dans la nuit, selon l'armée.", "drones", "NOUN"),
        ("fr", "La Russie a lancé 44 drones dans la nuit, selon l'armée.", "lancé", "VERB"),
    ],
)
def test_attributes_in_the_extractors_pipelines(extractor, lang, text, word, pos):
    nlp = extractor.nlp(lang)
    assert NAME in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    token = next(t for t in nlp(text) if t.text == word)
    assert token.pos_ == pos
    if lang == "fr":
        assert token.tag_ == pos  # the French ruler copies POS into TAG
