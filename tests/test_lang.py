"""Language detection per document, and what the extractor does with the result."""
from __future__ import annotations

import pytest

from tally.extract import Extractor, Settings
from tally.lang import detect
from tally.models import Document
from tally.report import Report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon le Kremlin, l'armée a reçu 140 000 drones l'année dernière.", "fr"),
        ("date: 2024-09-15\ntitle: Nuit d'attaques\n\nLa défense aérienne a abattu trente-six drones.", "fr"),
        ("Russia launched 44 Shahed drones overnight, Ukraine's air force said.", "en"),
        ("date: 2024-04\nSome 200 companies now build drones in the country.", "en"),
        ("Russland hat in der Nacht 44 Drohnen gestartet, teilte die ukrainische Luftwaffe mit.", "de"),
        ("Rusia lanzó 44 drones durante la noche, según la fuerza aérea ucraniana.", "es"),
        # short texts give unsure guesses: French or English wins
        ("Huit pays.", "fr"),
        ("Kyiv says 36 drones were shot down.", "en"),
        # nothing to read
        ("", "und"),
        ("140 000 — 1,4 — 2030", "und"),
    ],
)
def test_lang_detect(text, expected):
    assert detect(text) == expected


def test_lang_detect_reads_only_the_head_of_a_large_text():
    text = "Le Kremlin a livré des drones à l'armée russe. " * 20 + "The rest is English. " * 500_000
    assert detect(text) == "fr"


@pytest.mark.parametrize(
    ("document", "forced", "expected"),
    [
        (Document(id="a", text="Russia launched 44 drones overnight, the air force said."), None, "en"),
        (Document(id="b", text="La Russie a lancé 44 drones cette nuit, selon l'armée de l'air."), None, "fr"),
        # a record's own lang wins over detection, and --lang over both
        (Document(id="c", text="Russia launched 44 drones overnight.", lang="fr"), None, "fr"),
        (Document(id="d", text="Russia launched 44 drones overnight.", lang="fr"), "en", "en"),
    ],
)
def test_lang_extractor_language_per_document(document, forced, expected):
    # language() loads no model, so a fresh Extractor costs nothing here
    chooser = Extractor(Settings(lang=forced))
    report = Report()
    assert chooser.language(document, report) == expected
    assert not report.warnings


@pytest.mark.parametrize(
    ("text", "lang", "quotes"),
    [
        ("Russland hat in der Nacht 44 Drohnen gestartet, sagte die Luftwaffe am Sonntag. "
         "Mehr als 1 000 Drohnen wurden seit Anfang September gezählt.", "de", ["44", "1 000"]),
        ("Rusia lanzó 44 drones durante la noche, según la fuerza aérea ucraniana. "
         "Kiev dice que derribó 36 de ellos.", "es", ["44", "36"]),
    ],
)
def test_lang_unknown_language_uses_rules_with_a_warning(extractor, text, lang, quotes):
    document = Document(id="x", text=text, published="2024-09-22", source="x.txt")
    report = Report()
    claims = extractor.extract(document, report)
    (where, message), = report.warnings
    assert where == "x.txt" and f"'{lang}'" in message and "rules only" in message
    assert report.ok
    found = [claim.quote for claim in claims]
    for quote in quotes:
        assert quote in found
    for claim in claims:
        assert text[claim.offset : claim.offset + len(claim.quote)] == claim.quote
