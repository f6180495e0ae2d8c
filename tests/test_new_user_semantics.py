"""Issue 15: plain pandas in, and the semantics an expert reads (range targets, year to date)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ktstats
from ktstats import IndicatorSeries, attainment, load_dataset, parse_span, parse_target
from ktstats.analysis.attainment import dataset_attainment
from ktstats.analysis.audit import audit
from ktstats.errors import DataError, KtstatsError, PeriodError

# --- 1. range targets: gap from the nearest end, "vượt" above the range ----------------------------


def test_range_gap_is_measured_from_the_nearest_bound():
    t = parse_target("6,6–6,8%", indicator="grdp_growth")
    above = attainment(7.02, t)
    assert above.gap == pytest.approx(0.22)  # not 0,32 from the middle
    assert above.met is True and above.exceeded is True and above.status == "exceeded"
    assert "vượt" in str(above) and "0,22" in str(above)
    inside = attainment(6.7, t)
    assert inside.gap == 0 and inside.status == "met" and inside.exceeded is False
    below = attainment(6.5, t)
    assert below.gap == pytest.approx(-0.1) and below.status == "not met"


def test_range_of_levels_requires_the_low_end():
    t = parse_target("4.000–4.500 tỷ đồng")
    short = attainment(3900, t)
    assert short.required == pytest.approx(100.0) and short.gap == pytest.approx(-100.0)
    over = attainment(4700, t)
    assert over.status == "exceeded" and over.gap == pytest.approx(200.0) and over.required == 0


def test_dataset_attainment_says_exceeded_above_a_range():
    table = dataset_attainment(load_dataset("vn_gdp").to_frame())
    row = table[(table.target == "tăng trưởng 6,6–6,8%") & (table.actual == 7.36)].iloc[0]
    assert row.status == "exceeded" and bool(row.met) is True
    assert row.gap == pytest.approx(7.36 - 6.8)
    missed = table[(table.target == "tăng trưởng 7–7,5%")].iloc[0]
    assert missed.status == "not met" and missed.gap == pytest.approx(missed.actual - 7.0)


# --- 2. year to date against an annual target: in progress, element-wise --------------------------

_YTD_INDEX = pd.PeriodIndex(["2024-03", "2024-06", "2024-09", "2024-12"], freq="M")


def test_ytd_flow_against_an_annual_target_is_in_progress():
    ytd = pd.Series([800.0, 1600.0, 4600.0, 5000.0], index=_YTD_INDEX)
    t = parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024, indicator="state_budget_revenue")
    a = attainment(ytd, t)
    assert a.in_progress.tolist() == [True, True, True, False]
    # a non-negative flow past an "at least" target in September has met it: the rest can only add
    assert a.met.tolist() == [False, False, True, True]
    assert a.status.tolist() == ["in progress", "in progress", "met", "met"]
    frame = a.to_frame()
    assert frame["in_progress"].tolist() == [True, True, True, False]
    assert list(frame.index.astype(str)) == ["2024-03", "2024-06", "2024-09", "2024-12"]


def test_ytd_growth_is_not_settled_before_the_year_ends():
    growth = IndicatorSeries(
        [8.5, 8.3, 8.4, 8.6],
        pd.period_range("2024Q1", periods=4, freq="Q"),
        unit="%",
        kind="growth",
        basis="ytd",
    )
    a = attainment(growth, parse_target("cả năm từ 8,2% trở lên", year=2024, indicator="grdp_growth"))
    assert a.in_progress.tolist() == [True, True, True, False]
    assert a.met.tolist() == [False, False, False, True]  # a growth rate can still fall
    assert a.status.tolist() == ["in progress", "in progress", "in progress", "met"]


def test_ytd_observation_against_the_year_is_in_progress(kon_tum):
    q1 = next(
        o
        for o in kon_tum
        if o.indicator == "state_budget_revenue" and o.span.label() == "quý I/2024" and o.form == "level"
    )
    a = attainment(q1, parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024))
    assert a.in_progress is True and a.met is False and a.status == "in progress"


def test_periods_outside_the_target_span_are_refused():
    s = pd.Series([4000.0, 4600.0], index=pd.PeriodIndex(["2023", "2024"], freq="Y"))
    with pytest.raises(PeriodError, match="2023"):
        attainment(s, parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024))


# --- 3. plain pandas in ---------------------------------------------------------------------------


def test_attainment_of_a_plain_series_with_a_period_index():
    s = pd.Series([5000.0, 6000.0, 7000.0], index=pd.period_range("2022", periods=3, freq="Y"))
    a = attainment(s, parse_target("trên 6.000 tỷ đồng"))
    assert a.met.tolist() == [False, False, True]
    assert list(a.to_frame().index.astype(str)) == ["2022", "2023", "2024"]
    assert "2024" in str(a)  # printing a series' attainment works (a ValueError before)


def test_attainment_of_a_series_from_to_pandas_keeps_its_unit():
    s = IndicatorSeries(
        [4.6, 5.0], pd.PeriodIndex(["2023", "2024"], freq="Y"), unit="nghìn tỷ đồng", kind="flow"
    ).to_pandas()
    a = attainment(s, parse_target("từ 4.800 tỷ đồng trở lên"))
    assert a.actual.tolist() == [4600.0, 5000.0] and a.met.tolist() == [False, True]


@pytest.mark.parametrize(
    ("actual", "match"),
    [
        (pd.Series(["830 tỷ đồng", "900 tỷ đồng"]), "IndicatorSeries.from_pandas"),
        (pd.DataFrame({"kon_tum": [1.0]}), "one column"),
        (np.ones((2, 2)), "one-dimensional"),
        ({"a": 1}, "IndicatorSeries.from_pandas"),
    ],
)
def test_attainment_refuses_what_it_cannot_read_with_the_fix(actual, match):
    with pytest.raises(DataError, match=match):
        attainment(actual, parse_target("trên 6.000 tỷ đồng"))


def test_audit_of_a_long_dataframe_is_the_audit_of_its_dataset():
    ds = load_dataset("kon_tum")
    pd.testing.assert_frame_equal(audit(ds.to_frame()), audit(ds))


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (pd.DataFrame({"kon_tum": [1.0]}), "long format"),
        (load_dataset("kon_tum").to_frame().drop(columns="quote"), "quote"),
        ([1, 2], "load_dataset"),
    ],
)
def test_audit_refuses_other_frames_with_the_fix(data, match):
    with pytest.raises(DataError, match=match):
        audit(data)


_WIDE_INDEX = pd.PeriodIndex(["2023", "2024"], freq="Y")


def test_wide_panel_with_indicator_resolves_region_names():
    wide = pd.DataFrame({"Kon Tum": [830.0, 900.0], "Gia Lai": [5000.0, 5100.0]}, index=_WIDE_INDEX)
    p = wide.kt.panel(unit="tỷ đồng", kind="flow", indicator="state_budget_revenue")
    assert list(p.columns) == ["kon_tum", "gia_lai"] and p.indicator == "state_budget_revenue"


def test_wide_panel_checks_its_columns_against_the_regions():
    wide = pd.DataFrame({"kon_tum": [1.0, 2.0], "Gia Lay": [3.0, 4.0]}, index=_WIDE_INDEX)
    with pytest.raises(DataError, match="did you mean Gia Lai"):
        wide.kt.panel(unit="tỷ đồng", kind="flow")
    assert list(wide.kt.panel(unit="tỷ đồng", kind="flow", regions=False).columns) == ["kon_tum", "Gia Lay"]


def test_wide_panel_without_periods_says_how_to_give_them():
    wide = pd.DataFrame({"kon_tum": [1.0, 2.0]})
    with pytest.raises(PeriodError, match="PeriodIndex"):
        wide.kt.panel(unit="tỷ đồng", kind="flow")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Q3/2024", ktstats.Span.quarter(2024, 3)),
        ("Q3 2024", ktstats.Span.quarter(2024, 3)),
        ("2024Q3", ktstats.Span.quarter(2024, 3)),
        ("9T/2024", ktstats.Span.year_to_date(2024, 9)),
        ("9 tháng/2024", ktstats.Span.year_to_date(2024, 9)),
    ],
)
def test_short_period_labels(label, expected):
    assert parse_span(label) == expected


@pytest.mark.parametrize("label", ["Q5/2024", "13T/2024", "Q3"])
def test_impossible_short_labels_are_period_errors(label):
    with pytest.raises(PeriodError):
        parse_span(label)


def test_plain_pandas_never_raises_a_raw_error():
    t = parse_target("trên 6.000 tỷ đồng")
    attempts = [
        lambda: attainment(pd.Series([1.0, None]), t),
        lambda: attainment(pd.Series([1.0], index=pd.DatetimeIndex(["2024-03-17"])), t),
        lambda: audit(pd.Series([1.0])),
        lambda: pd.DataFrame({"x": [1.0]}).kt.panel(unit="tỷ đồng", kind="flow", indicator="grdp"),
        lambda: pd.DataFrame({"x": [1.0]}).kt.panel(unit="tỷ đồng", kind="flow", colour="red"),
    ]
    for attempt in attempts:
        with pytest.raises(KtstatsError):
            attempt()
