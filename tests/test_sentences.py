"""Sentence splitting by rule."""
import pytest

from tally.extract.sentences import split


@pytest.mark.parametrize("text,expected", [
    ("Il a dit. Les drones arrivent.", ["Il a dit.", "Les drones arrivent."]),
    ("M. Dupont a parlé. Il est parti.", ["M. Dupont a parlé.", "Il est parti."]),
    ("Mr. Smith left. Then he came back!", ["Mr. Smith left.", "Then he came back!"]),
    ("Le chiffre est de 1.4 million. Fin.", ["Le chiffre est de 1.4 million.", "Fin."]),
    ("« Nous en avons 300. » Il a ajouté.", ["« Nous en avons 300. »", "Il a ajouté."]),
    ("Titre\nCorps du texte.", ["Titre", "Corps du texte."]),
    ("The U.S. sent 30 tanks. Kyiv agreed.", ["The U.S. sent 30 tanks.", "Kyiv agreed."]),
])
def test_sentences_split(text, expected):
    assert [text[s:e] for s, e in split(text)] == expected


def test_sentences_offsets_skip_spaces():
    text = "  Un.   Deux.  "
    assert list(split(text)) == [(2, 5), (8, 13)]


def test_sentences_long_runs_are_cut_at_spaces():
    text = "mot " * 5000  # 20,000 characters with no full stop
    spans = list(split(text))
    assert len(spans) > 1
    assert all(e - s <= 5000 for s, e in spans)
    assert all(text[s] != " " and text[e - 1] != " " for s, e in spans)
