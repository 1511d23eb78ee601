"""Groups, series, contradictions and checks over claim records written for each rule."""
from __future__ import annotations

import pytest

from tally.analyse import find_contradictions, group_claims, repeated, run_checks, select, series_rows
from tally.analyse.checks import check_multiples, check_parts, check_subsets, check_targets
from tally.analyse.records import format_period, format_value, interval, parse_date, span
from tally.analyse.series import main_unit, top_subjects
from tally.models import Document


def record(doc="d1", value=1_400_000, published="2025-01-10", **fields) -> dict:
    """A claim record: Russia produced `value` drones in 2024, said by nobody, in outlet DOC."""
    base = dict(
        doc=doc, quote=f"{value:,}", offset=0, value=value, bound="exact", unit="count",
        item="drone", event="produce", actor="Russia", speaker=None,
        period_start="2024-01-01", period_end="2024-12-31", status="reported",
        published=published, outlet=f"Outlet {doc}", lang="en", url=None, title=None,
        sentence=f"Russia produced {value:,} drones last year.",
    )
    base.update(fields)
    return base


# --- records ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, last, expected", [
    ("2024", False, "2024-01-01"),
    ("2024", True, "2024-12-31"),
    ("2024-02", True, "2024-02-29"),
    ("2024-09-22", False, "2024-09-22"),
    ("not a date", False, None),
    (None, False, None),
])
def test_records_parse_date(text, last, expected):
    day = parse_date(text, last=last)
    assert (day.isoformat() if day else None) == expected


def test_records_span_of_a_figure_without_period_is_its_publication_day():
    start, end = span(record(period_start=None, period_end=None, published="2024-09-22"))
    assert start == end == parse_date("2024-09-22")


@pytest.mark.parametrize("bound, expected_low, expected_high", [
    ("exact", 970_000, 1_030_000),
    ("at_least", 970_000, float("inf")),
    ("at_most", float("-inf"), 1_030_000),
    ("approx", 850_000, 1_150_000),
])
def test_records_interval_counts_bounds(bound, expected_low, expected_high):
    low, high = interval(record(value=1_000_000, bound=bound))
    assert low == pytest.approx(expected_low) and high == pytest.approx(expected_high)


@pytest.mark.parametrize("fields, expected", [
    ({}, "in 2024"),
    ({"period_start": None, "period_end": "2030-12-31"}, "by 2030-12-31"),
    ({"period_start": "2024-09-21", "period_end": "2024-09-22"}, "2024-09-21 to 2024-09-22"),
    ({"period_start": None, "period_end": None}, "as of 2025-01-10"),
    ({"period_start": "2024-09-22", "period_end": "2024-09-22"}, "on 2024-09-22"),
])
def test_records_format_period(fields, expected):
    assert format_period(record(**fields)) == expected


@pytest.mark.parametrize("value, unit, bound, expected", [
    (1_400_000, "count", "at_least", "at least 1,400,000"),
    (10, "ratio", "exact", "x10"),
    (30, "percent", "approx", "about 30%"),
    (1.5, "count", "exact", "1.5"),
    (2_000_000_000, "USD", "exact", "2,000,000,000 USD"),
])
def test_records_format_value(value, unit, bound, expected):
    assert format_value(value, unit, bound) == expected


# --- groups -----------------------------------------------------------------------------

def test_groups_chain_repeats_across_documents_and_languages_in_date_order():
    records = [
        record("late", published="2025-03-01", lang="fr", quote="1,4 million"),
        record("first", published="2025-01-10", speaker="Vladimir Putin"),
        record("middle", published="2025-02-01", value=1_400_000.0),
        record("other", value=900_000, published="2025-01-05"),
    ]
    group = repeated(group_claims(records))[0]
    assert group.first["doc"] == "first" and group.first["speaker"] == "Vladimir Putin"
    assert [c["doc"] for c in group.repeats] == ["middle", "late"]
    assert group.languages == ["en", "fr"]
    assert group.to_record()["documents"] == 3


@pytest.mark.parametrize("second, together", [
    ({"value": 1_400_000}, True),
    ({"value": 1_405_000}, True),  # rounding of one figure
    ({"value": 1_500_000}, False),
    ({"actor": "Ukraine"}, False),
    ({"event": "deliver"}, False),
    ({"unit": "USD"}, False),
    ({"period_start": "2023-01-01", "period_end": "2023-12-31"}, False),
    ({"actor": "russia "}, True),  # names compare without case and spaces
    ({"item": None}, False),  # figures of unknown things are not grouped
])
def test_groups_same_figure_same_thing(second, together):
    groups = group_claims([record("a"), record("b", published="2025-02-01", **second)])
    assert (len(repeated(groups)) == 1) is together


def test_groups_one_entry_per_document_but_every_mention_counted():
    records = [record("a", offset=10), record("a", offset=200), record("b", published="2025-02-01")]
    group = group_claims(records)[0]
    assert group.documents == 2 and group.mentions == 3
    assert group.first["offset"] == 10


def test_groups_tolerance_does_not_drift_along_a_chain():
    values = [1_000_000, 1_009_000, 1_018_000, 1_027_000]
    groups = group_claims([record(f"d{i}", value=v) for i, v in enumerate(values)])
    assert all(g.documents <= 2 for g in groups)


def test_groups_near_identical_sentences_flag_copies():
    sentence = "Russia produced 1.4 million drones last year, the Kremlin said on Monday."
    records = [
        record("a", sentence=sentence),
        record("b", published="2025-01-11", sentence=sentence.replace("Monday", "Tuesday")),
        record("c", published="2025-01-12", sentence="Moscow claims its plants made 1.4 million UAVs in 2024."),
    ]
    group = group_claims(records)[0]
    assert [c["doc"] for c in group.near_identical()] == ["b"]


# --- series -----------------------------------------------------------------------------

def test_series_every_figure_in_period_order_with_its_source():
    records = [
        record("a", value=1_400_000, status="target", published="2024-03-01", speaker="Vladimir Putin"),
        record("b", value=140_000, period_start="2023-01-01", period_end="2023-12-31"),
        record("c", value=4_000, unit="count/day", period_start="2024-09-01", period_end="2024-09-30"),
        record("d", value=99, actor="Ukraine"),
        record("e", value=48, item="factory"),
    ]
    rows = series_rows(records, "Drone", "produce", "russia")
    assert [r["doc"] for r in rows] == ["b", "c", "a"]
    assert rows[2]["status"] == "target" and rows[2]["speaker"] == "Vladimir Putin"
    assert rows[0]["when"] == "2023-12-31" and rows[0]["outlet"] == "Outlet b"
    assert main_unit(rows) == "count"


@pytest.mark.parametrize("filters, expected", [
    ({"item": "drone"}, 3),
    ({"item": "drone", "actor": "Ukraine"}, 1),
    ({"actor": "RUSSIA", "unit": "count"}, 1),
    ({"actor": "RUSSIA"}, 2),
    ({"event": "deliver"}, 0),
])
def test_series_select_filters_case_insensitively(filters, expected):
    records = [record("a"), record("b", unit="ratio", value=10), record("c", actor="Ukraine")]
    assert len(select(records, **filters)) == expected


def test_series_top_subjects_rank_by_dated_figures():
    records = [record(f"r{i}", value=1000 + i) for i in range(3)] + [
        record("u1", actor="Ukraine", value=5), record("u2", actor="Ukraine", value=6),
        record("x", actor="Latvia", value=7), record("ratio", unit="ratio", value=10)] + [
        record(f"n{i}", actor=None, value=i + 1) for i in range(5)]
    subjects = top_subjects(records, limit=5)
    assert [(s["actor"], s["points"]) for s in subjects] == [("Russia", 3), ("Ukraine", 2), (None, 5)]


# --- contradictions -----------------------------------------------------------------------

@pytest.mark.parametrize("first, second, flagged", [
    ({"value": 1_400_000}, {"value": 900_000, "speaker": "Ukraine"}, True),
    ({"value": 1_000_000, "bound": "at_least"}, {"value": 1_400_000}, False),  # bounds count
    ({"value": 2_000_000, "bound": "at_least"}, {"value": 1_400_000}, True),
    ({"value": 1_000_000, "bound": "at_most"}, {"value": 1_400_000}, True),
    ({"value": 1_500_000, "bound": "at_most"}, {"value": 1_400_000}, False),
    ({"value": 1_400_000}, {"value": 1_420_000}, False),  # rounding
    ({"value": 1_200_000, "bound": "approx"}, {"value": 1_400_000}, False),
    ({"value": 1_400_000, "speaker": "Putin", "doc": "a", "outlet": "TASS"},
     {"value": 900_000, "speaker": "putin", "doc": "b", "outlet": "tass"}, False),  # one source
    ({"value": 1_400_000}, {"value": 900_000, "period_start": "2023-01-01", "period_end": "2023-12-31"}, False),
    ({"value": 1_400_000}, {"value": 900_000, "actor": "Ukraine"}, False),
    ({"value": 2_000_000, "status": "target"}, {"value": 1_400_000}, False),  # a plan, not a fact
    ({"value": 1_400_000, "status": "estimate"}, {"value": 900_000}, True),
    ({"value": 1_400_000, "event": "other"}, {"value": 900_000, "event": "other"}, False),
    ({"value": 1_400_000, "actor": None}, {"value": 900_000, "actor": None}, False),  # whose?
    ({"value": 60, "speaker": "Ukraine"}, {"value": 20, "doc": "a", "speaker": "Russia"}, True),
    ({"value": 60, "speaker": "Ukraine"}, {"value": 20, "doc": "a", "speaker": None}, False),
    ({"value": 44, "period_start": None, "period_end": None, "published": "2024-09-22"},
     {"value": 20, "period_start": None, "period_end": None, "published": "2024-09-23"}, True),
    ({"value": 44, "period_start": None, "period_end": None, "published": "2024-09-22"},
     {"value": 20, "period_start": None, "period_end": None, "published": "2024-11-23"}, False),
])
def test_contradictions_flag_only_incompatible_values_from_other_sources(first, second, flagged):
    a = record(**{"doc": "a", **first})
    b = record(**{"doc": "b", "published": "2025-01-12", **second})
    found = find_contradictions([a, b])
    assert bool(found) is flagged


def test_contradictions_say_both_sources_and_quotes_once_per_pair_of_figures():
    records = [
        record("a", value=1_400_000, speaker="Ministry of Defence of Russia", outlet="TASS", quote="1.4 million"),
        record("b", value=1_400_000, published="2025-01-11", outlet="RIA", quote="1,4 million", lang="fr"),
        record("c", value=900_000, published="2025-01-12", speaker="Ukraine", outlet="Kyiv Post", quote="900,000"),
    ]
    found = find_contradictions(records)
    assert len(found) == 1
    text = found[0].sentence
    assert "Ministry of Defence of Russia in TASS" in text and "Ukraine in Kyiv Post" in text
    assert "1.4 million" in text and "900,000" in text
    assert found[0].to_record()["second"]["outlet"] == "Kyiv Post"


# --- checks: multiples ------------------------------------------------------------------------

def _multiple_case(value, bound, earlier, later, earlier_period=("2023-01-01", "2023-12-31"),
                   later_period=("2024-01-01", "2024-12-31")) -> list[dict]:
    sentence = "Output rose from the earlier figure to the later one, a multiple."
    return [
        record("m", value=earlier, period_start=earlier_period[0], period_end=earlier_period[1],
               offset=10, sentence=sentence),
        record("m", value=later, period_start=later_period[0], period_end=later_period[1],
               offset=40, sentence=sentence),
        record("m", value=value, unit="ratio", bound=bound, quote="tenfold", offset=70, sentence=sentence),
    ]


@pytest.mark.parametrize("value, bound, earlier, later, result", [
    (10, "exact", 140_000, 1_400_000, "consistent"),  # "tenfold": 140,000 then 1.4 million
    (10, "exact", 140_000, 500_000, "inconsistent"),
    (100, "exact", 10_000, 1_000_000, "consistent"),  # "a hundredfold in a year"
    (100, "exact", 10_000, 200_000, "inconsistent"),
    (100, "approx", 10_000, 900_000, "consistent"),
    (10, "at_least", 140_000, 2_000_000, "consistent"),  # "more than tenfold"
    (10, "at_least", 140_000, 700_000, "inconsistent"),
])
def test_checks_multiple_against_the_figures_it_relates(value, bound, earlier, later, result):
    checks = check_multiples(_multiple_case(value, bound, earlier, later))
    assert [c.result for c in checks] == [result]
    assert format_value(earlier, "count") in checks[0].sentence and result in checks[0].sentence


@pytest.mark.parametrize("later_bound, result", [
    ("at_least", "unclear"),  # "more than a million" after 140,000: x7 or more
    ("exact", "inconsistent"),  # exactly a million: x7.1 is not tenfold
])
def test_checks_multiple_counts_the_bounds_of_its_figures(later_bound, result):
    records = _multiple_case(10, "exact", 140_000, 1_000_000)
    records[1]["bound"] = later_bound
    assert [c.result for c in check_multiples(records)] == [result]


@pytest.mark.parametrize("records", [
    # a month against a year: not what a yearly multiple compares
    _multiple_case(10, "exact", 140_000, 1_400_000, earlier_period=("2023-12-01", "2023-12-31")),
    # one absolute figure only
    _multiple_case(10, "exact", 140_000, 1_400_000)[1:],
    # the two figures count another item
    [dict(r, item="missile") if r["unit"] != "ratio" else r
     for r in _multiple_case(10, "exact", 140_000, 1_400_000)],
])
def test_checks_multiple_near_misses_make_no_check(records):
    assert check_multiples(records) == []


def test_checks_multiple_across_documents_uses_its_period():
    records = [
        record("y23", value=10_000, period_start="2023-01-01", period_end="2023-12-31", published="2024-01-15"),
        record("y24", value=1_000_000, published="2025-01-15"),
        record("m", value=100, unit="ratio", quote="a hundredfold", period_start="2023-01-01",
               period_end="2024-12-31", published="2025-02-01", offset=5),
        record("x", value=99, unit="ratio", quote="99 times", published="2025-02-01"),  # no period: no check
        record("plan", value=5_000_000, status="target", published="2024-02-01"),  # a plan: not a result
        record("y25", value=9_000_000, period_start="2025-01-01", period_end="2025-12-31",
               published="2026-01-15"),  # after the multiple's period
    ]
    checks = check_multiples(records)
    assert len(checks) == 1 and checks[0].result == "consistent"
    assert checks[0].measured == pytest.approx(100)


# --- checks: parts and totals ---------------------------------------------------------------------

NIGHT = {"period_start": "2024-09-21", "period_end": "2024-09-22", "published": "2024-09-22"}


@pytest.mark.parametrize("shot_down, launched, result", [
    ((36, "exact"), (44, "exact"), "consistent"),
    ((44, "exact"), (44, "exact"), "consistent"),
    ((50, "exact"), (44, "exact"), "inconsistent"),
    ((50, "exact"), (44, "at_least"), "unclear"),  # "more than 44 launched"
    ((50, "at_most"), (44, "exact"), "unclear"),  # "up to 50 shot down"
    ((50, "at_least"), (44, "approx"), "inconsistent"),
])
def test_checks_shot_down_against_launched(shot_down, launched, result):
    records = [record("n", value=launched[0], bound=launched[1], event="deploy", **NIGHT, offset=10),
               record("n", value=shot_down[0], bound=shot_down[1], event="shoot_down", actor="Ukraine",
                      **NIGHT, offset=90)]
    assert [c.result for c in check_subsets(records)] == [result]


def test_checks_shot_down_near_misses_make_no_check():
    other_night = dict(NIGHT, period_start="2024-09-20", period_end="2024-09-21")
    records = [record("n", value=44, event="deploy", **NIGHT),
               record("n", value=50, event="shoot_down", **other_night),
               record("o", value=50, event="shoot_down", **NIGHT),  # another document
               record("n", value=50, event="shoot_down", item="missile", **NIGHT),
               # Russia shooting down drones is not a part of Russia's own launches
               record("n", value=50, event="shoot_down", actor="Russia", **NIGHT),
               # another side's account of the night
               record("n", value=50, event="shoot_down", actor="Ukraine", speaker="Kremlin", **NIGHT),
               # what hit its target is not what was launched
               record("n", value=10, event="strike", actor="Russia", **NIGHT)]
    assert check_subsets(records) == []


@pytest.mark.parametrize("total, parts, result, words", [
    (dict(actor="European Union", value=1000), [("Germany", 300), ("France", 400)], "consistent", "70% of the total"),
    (dict(actor="European Union", value=1000), [("Germany", 600), ("France", 500)], "inconsistent", "more than"),
    (dict(actor="European Union", value=1000, bound="at_least"), [("Germany", 600), ("France", 500)],
     "unclear", "the bounds allow it"),
    (dict(actor=None, value=700), [("Germany", 300), ("France", 400)], "consistent", "the total"),
])
def test_checks_parts_by_actor_against_a_group_total(total, parts, result, words):
    records = [record("p", event="deliver", offset=0, **total)]
    records += [record("p", event="deliver", actor=actor, value=value, offset=50 * (i + 1))
                for i, (actor, value) in enumerate(parts)]
    checks = check_parts(records)
    assert [c.result for c in checks] == [result] and words in checks[0].sentence


def test_checks_parts_by_kind_against_a_total_of_weapons():
    records = [record("w", item="weapon", event="deploy", value=48, **NIGHT),
               record("w", item="drone", event="deploy", value=44, offset=30, **NIGHT),
               record("w", item="missile", event="deploy", value=4, offset=60, **NIGHT)]
    checks = check_parts(records)
    assert [c.result for c in checks] == ["consistent"]


@pytest.mark.parametrize("records", [
    # two countries of one item, no group figure: neither is a total
    [record("p", actor="Russia", value=100), record("p", actor="Ukraine", value=20, offset=40),
     record("p", actor="Belarus", value=5, offset=80)],
    # a part in another document
    [record("p", actor="European Union", value=1000), record("p", actor="Germany", value=600, offset=40),
     record("q", actor="France", value=500, offset=80)],
    # parts too far from the total
    [record("p", actor="European Union", value=1000), record("p", actor="Germany", value=600, offset=3000),
     record("p", actor="France", value=500, offset=3100)],
])
def test_checks_parts_near_misses_make_no_check(records):
    assert check_parts(records) == []


# --- checks: targets ---------------------------------------------------------------------------

TARGET = dict(value=1_000_000, status="target", published="2024-02-01", speaker="Volodymyr Zelenskyy",
              actor="Ukraine")


@pytest.mark.parametrize("reported, result, words", [
    (dict(value=1_500_000), "met", "over by 500,000 (50%)"),
    (dict(value=800_000), "missed", "missed by 200,000 (20%)"),
    (dict(value=1_000_000), "met", "met exactly"),
    (dict(value=1_500_000, event="deliver"), "met", "over by"),  # produce goal, deliveries reported
    (dict(value=1_500_000, bound="at_least"), "met", "over by"),
    (dict(value=800_000, bound="at_least"), "unclear", "does not say"),
    (dict(value=800_000, bound="at_most"), "missed", "missed by"),
])
def test_checks_target_against_the_figure_reported_later(reported, result, words):
    records = [record("goal", **TARGET),
               record("result", actor="Ukraine", published="2025-01-20", **reported)]
    checks = check_targets(records)
    assert [c.result for c in checks] == [result] and words in checks[0].sentence


@pytest.mark.parametrize("reported", [
    dict(published="2024-06-01"),  # a count to date, months before the year ends
    dict(period_start="2023-01-01", period_end="2023-12-31"),
    dict(actor="Russia"),
    dict(status="estimate"),
    dict(published="2023-12-01", period_start="2024-01-01"),  # stated before the target
])
def test_checks_target_near_misses_make_no_check(reported):
    fields = dict(actor="Ukraine", value=800_000, published="2025-01-20")
    fields.update(reported)
    assert check_targets([record("goal", **TARGET), record("result", **fields)]) == []


def test_checks_same_comparison_in_two_documents_is_one_check():
    first = _multiple_case(10, "exact", 140_000, 1_400_000)
    again = [dict(r, doc="m2", published="2025-02-01", outlet="Other") for r in first]
    checks = run_checks(first + again)
    assert len(checks) == 1 and [c["doc"] for c in checks[0].also] == ["m2"]
    assert checks[0].to_record()["also_stated_by"][0]["outlet"] == "Other"


# --- over the extractor's own records ---------------------------------------------------------

TEXTS = [
    ("en-a", "en", "2025-01-10", "Outlet A",
     "Russia produced 1.4 million drones in 2024, the defence ministry said. "
     "That was ten times the 140,000 drones made in 2023."),
    ("fr-b", "fr", "2025-01-12", "Outlet B",
     "La Russie a produit 1,4 million de drones en 2024, selon le ministère de la Défense."),
    ("en-c", "en", "2025-01-14", "Outlet C",
     "Ukraine says Russia produced 900,000 drones in 2024."),
]


@pytest.mark.slow
def test_analyse_runs_over_extracted_claims(extractor):
    records = []
    for doc_id, lang, published, outlet, text in TEXTS:
        document = Document(id=doc_id, text=text, lang=lang, published=published, outlet=outlet)
        for claim in extractor.extract(document):
            records.append(dict(claim.to_record(), published=published, outlet=outlet, lang=lang,
                                url=None, title=None))
    assert records
    groups = group_claims(records)
    assert sum(g.mentions for g in groups) == sum(1 for r in records if r.get("item"))
    find_contradictions(records)
    for check in run_checks(records):
        assert check.sentence.endswith(".")
    rows = series_rows(records, "drone")
    assert {r["doc"] for r in rows} <= {t[0] for t in TEXTS}
