"""Series charts: the Vega-Lite spec, and SVG/PNG rendered in-process by vl-convert."""
from __future__ import annotations

import pytest

from tally.analyse.charts import chart_rows, render, series_spec, uses_log_scale, write_chart
from tally.analyse.series import series_rows
from tally.errors import TallyError


def record(doc, value, period=("2024-01-01", "2024-12-31"), status="reported", unit="count", **fields):
    base = dict(doc=doc, quote=str(value), offset=0, value=value, bound="exact", unit=unit,
                item="drone", event="produce", actor="Russia", speaker=None,
                period_start=period[0], period_end=period[1], status=status,
                published="2025-01-10", outlet=f"Outlet {doc}", lang="en", url=None, title=None,
                sentence=None)
    base.update(fields)
    return base


RECORDS = [
    record("a", 140_000, ("2023-01-01", "2023-12-31")),
    record("b", 1_400_000, status="target", published="2024-03-01"),
    record("c", 4_000, ("2024-09-01", "2024-09-30"), status="estimate"),
    record("d", 10, unit="ratio"),
]


def rows():
    return series_rows(RECORDS, "drone", "produce", "Russia")


def test_charts_rows_of_the_main_unit_with_their_period():
    drawn = chart_rows(rows())
    assert [d["value"] for d in drawn] == [140_000, 4_000, 1_400_000]  # no ratio; targets drawn last
    assert drawn[0]["start"] == "2023-01-01" and drawn[0]["end"] == "2023-12-31"
    assert {d["status"] for d in drawn} == {"reported", "target", "estimate"}


@pytest.mark.parametrize("values, log", [
    ([140_000, 1_400_000], False),
    ([4_000, 1_400_000], True),
    ([1, 99], False),
    ([1, 100], True),
])
def test_charts_log_scale_when_values_span_orders_of_magnitude(values, log):
    assert uses_log_scale([{"value": v} for v in values]) is log


def test_charts_repeats_of_a_figure_make_one_larger_mark():
    repeated = RECORDS + [record("e", 140_000, ("2023-01-01", "2023-12-31"), outlet="Other")]
    drawn = chart_rows(series_rows(repeated, "drone"))
    first = next(d for d in drawn if d["value"] == 140_000)
    assert len(drawn) == 3 and first["sources"] == 2 and first["outlet"] == "Outlet a, Other"


def test_charts_spec_marks_status_and_draws_periods():
    spec = series_spec(rows(), "drone / produce / Russia")
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rule", "point"]
    assert spec["layer"][0]["encoding"]["x2"]["field"] == "end"
    assert spec["layer"][1]["encoding"]["shape"]["field"] == "status"
    assert all(layer["encoding"]["y"]["scale"]["type"] == "log" for layer in spec["layer"])


def test_charts_render_svg_and_png_without_network():
    spec = series_spec(rows(), "drone / produce / Russia")
    svg = render(spec, "svg")
    assert svg.lstrip().startswith("<svg") and svg.count("<path") >= 3
    png = render(spec, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


@pytest.mark.parametrize("name", ["chart.svg", "chart.PNG"])
def test_charts_write_chart_by_suffix(tmp_path, name):
    path = write_chart(rows(), tmp_path / name, "drones")
    assert path.stat().st_size > 1000


@pytest.mark.parametrize("records, name", [
    (RECORDS, "chart.pdf"),  # unknown format
    ([record("z", 0)], "chart.svg"),  # nothing positive to draw
    ([record("z", 5, period=(None, None), published=None)], "chart.svg"),  # no date at all
])
def test_charts_refuse_what_cannot_be_drawn(tmp_path, records, name):
    with pytest.raises(TallyError):
        write_chart(series_rows(records, "drone"), tmp_path / name, "drones")
