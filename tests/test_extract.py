"""The pipeline from a Document to claims, end to end with the real models."""
import pytest

from tally.extract import Extractor, Figure, Settings, confidence
from tally.models import CLAIM_FIELDS, Document
from tally.report import Report


@pytest.mark.parametrize("kind,fields,expected", [
    ("digits", {"item": "drone", "event": "produce"}, 0.9),
    ("digits", {"item": None, "event": "produce"}, 0.7),
    ("vague", {"item": None, "event": "other"}, 0.3),
    ("word", {"item": "country", "event": "join"}, 0.8),
])
def test_extract_confidence(kind, fields, expected):
    assert confidence(Figure(0, 1, "1", 1.0, kind=kind), fields) == pytest.approx(expected)


@pytest.mark.slow
def test_extract_claims_in_text_order_with_exact_quotes(extractor):
    text = ("date: 2024-09-16\n\nL'année dernière, l'armée a reçu 140 000 drones, a déclaré "
            "Poutine. Le nombre prévu cette année est de 1,4 million.")
    document = Document(id="d1", text=text, lang="fr", published="2024-09-16")
    claims = extractor.extract(document)
    assert [c.quote for c in claims] == ["140 000", "1,4 million"]
    for claim in claims:
        assert text[claim.offset:claim.offset + len(claim.quote)] == claim.quote
        assert list(claim.to_record())[:len(CLAIM_FIELDS)] == list(CLAIM_FIELDS)


@pytest.mark.slow
def test_extract_many_keeps_document_order(extractor):
    documents = [Document(id=str(i), text=f"Russia launched {i + 10} drones.", lang="en")
                 for i in range(7)]
    out = list(extractor.extract_many(documents))
    assert [d.id for d, _ in out] == [str(i) for i in range(7)]
    assert [claims[0].value for _, claims in out] == [i + 10 for i in range(7)]


def test_extract_unknown_language_uses_rules_and_warns():
    report = Report()
    extractor = Extractor(Settings(use_models=False))
    document = Document(id="de", text="Russland hat 140 000 Drohnen im Jahr 2023 geliefert.", lang="de")
    claims = extractor.extract(document, report)
    assert [c.value for c in claims] == [140000]
    assert report.warnings and "rules only" in report.warnings[0][1]
