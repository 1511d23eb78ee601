"""Names in unparsed text: who "selon"/"according to" credits."""
import pytest

from tally.extract.actors.names import capitalised_runs, credited_unparsed


@pytest.mark.parametrize("text, lang, expected", [
    ("Selon le ministère russe de la Défense, 30 drones ont été abattus.", "fr", "Ministry of Defence of Russia"),
    ("According to the Kyiv School of Economics, 40 plants closed.", "en", "Kyiv School of Economics"),
    ("D'après Zelensky, 12 villages ont été repris.", "fr", "Volodymyr Zelenskyy"),
    # The credited phrase ends at its comma: a name past it is the subject, not the source.
    ("Selon lui, Poutine a accumulé 200 milliards de dollars.", "fr", None),
    ("According to her, Zelensky asked for 30 more jets.", "en", None),
    ("Selon un sondage, la Russie a perdu 14 points.", "fr", None),
])
def test_names_credited_unparsed(text, lang, expected):
    found = credited_unparsed(text, lang)
    assert (found.name if found else None) == expected


def test_names_capitalised_runs_keep_small_words():
    assert capitalised_runs("the Institute for the Study of War said") == ["Institute for the Study of War"]
