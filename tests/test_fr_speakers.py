"""Speaker cues on real parses: inverted subjects the parser takes for objects, "per" rates."""
from __future__ import annotations

import pytest

from tally.extract import actors

pytestmark = pytest.mark.slow


def _speaker(make_mention, text, quote, lang):
    mention = make_mention(text, quote, lang=lang)
    mention.fields.update({"event": "strike", "item": "drone"})
    actors.assign(mention)
    return mention.fields["speaker"]


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # An inverted subject after ", a indiqué" is the speaker, even taken for an object.
        ("La Russie tire 300 drones par nuit, a indiqué l'armée de l'air ukrainienne.", "300", "fr",
         "Ukrainian Air Force"),
        ("Moscou a lancé 120 drones, a précisé le ministère ukrainien de la Défense.", "120", "fr",
         "Ministry of Defence of Ukraine"),
        ("Russia fired 300 drones overnight, Ukraine's air force said.", "300", "en", "Ukrainian Air Force"),
        # Near miss: a speech verb with its own subject keeps it.
        ("L'armée de l'air ukrainienne a indiqué que la Russie tire 300 drones par nuit.", "300", "fr",
         "Ukrainian Air Force"),
    ],
)
def test_fr_speakers_inverted_subject_taken_for_object(make_mention, text, quote, lang, speaker):
    assert _speaker(make_mention, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang",
    [
        # "per night", "per month": a rate, no source.
        ("Russia fires 300 drones per night.", "300", "en"),
        ("Russia produces 40 missiles per month.", "40", "en"),
        ("La Russie produit 40 missiles par mois.", "40", "fr"),
    ],
)
def test_fr_speakers_a_rate_names_no_source(make_mention, text, quote, lang):
    assert _speaker(make_mention, text, quote, lang) is None


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # "per" before a name or a determined noun still credits a source.
        ("Per the Kiel Institute, Germany gave 40 tanks.", "40", "en", "Kiel Institute for the World Economy"),
        ("Per Reuters, Russia fired 300 drones.", "300", "en", "Reuters"),
    ],
)
def test_fr_speakers_per_a_name_is_a_source(make_mention, text, quote, lang, speaker):
    assert _speaker(make_mention, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # Giving details or figures reports: the subject speaks, in its sentence ...
        ("Samedi, Reuters a donné des détails : 500 soldats vont arriver.", "500", "fr", "Reuters"),
        ("On Saturday, Reuters provided figures showing that 500 soldiers will arrive.", "500", "en", "Reuters"),
        # ... and over the paragraph it introduces on a colon.
        ("Samedi, Reuters a donné des détails :\n\nJusqu'à 500 soldats vont arriver.", "500", "fr", "Reuters"),
        ("On Saturday, Reuters gave new details:\n\nUp to 500 soldiers will arrive.", "500", "en", "Reuters"),
        # Near miss: giving something else is no report.
        ("Samedi, Reuters a donné 500 livres à une école.", "500", "fr", None),
    ],
)
def test_fr_speakers_giving_details_reports(make_mention, text, quote, lang, speaker):
    assert _speaker(make_mention, text, quote, lang) == speaker


@pytest.mark.parametrize(
    "text, quote, lang, speaker",
    [
        # A statement introduced on a colon runs on over a second paragraph that credits no one ...
        ("Le ministère russe de la Défense a déclaré ceci :\n\nLes laboratoires ont travaillé pour le Pentagone."
         "\n\nSur ces laboratoires, 11 étaient à Kiev.", "11", "fr", "Ministry of Defence of Russia"),
        ("The Russian Defence Ministry said:\n\nThe laboratories worked for the Pentagon.\n\n"
         "Of these laboratories, 11 were in Kyiv.", "11", "en", "Ministry of Defence of Russia"),
        # ... but not past one that credits someone else, nor into a third paragraph.
        ("Le ministère russe de la Défense a déclaré ceci :\n\nSelon Reuters, les laboratoires ont fermé."
         "\n\nSur ces laboratoires, 11 étaient à Kiev.", "11", "fr", None),
        ("Le ministère russe de la Défense a déclaré ceci :\n\nLes laboratoires ont travaillé.\n\nIls ont fermé."
         "\n\nSur ces laboratoires, 11 étaient à Kiev.", "11", "fr", None),
    ],
)
def test_fr_speakers_colon_statement_runs_two_paragraphs(make_mention, text, quote, lang, speaker):
    assert _speaker(make_mention, text, quote, lang) == speaker
