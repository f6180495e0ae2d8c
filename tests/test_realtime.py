"""Real-time projections on Việt Nam's GDP: only what was published by the date, scored honestly."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ktstats
from ktstats import DataError

GDP = ktstats.load_dataset("vn_gdp")


@pytest.mark.parametrize(
    ("year", "target", "status", "point", "outcome"),
    [
        # as of 15 October each year, against the National Assembly target in force then
        (2020, "tăng trưởng khoảng 6,8%", "off_track", 2.26, 2.91),
        (2021, "tăng trưởng khoảng 6%", "off_track", 1.74, 2.58),
        (2022, "tăng trưởng 6–6,5%", "on_track", 9.19, 8.02),
        (2023, "tăng trưởng khoảng 6,5%", "off_track", 4.83, 5.05),
        (2024, "tăng trưởng 6–6,5%", "on_track", 7.46, 7.09),
    ],
)
def test_the_october_calls_2020_2024(year, target, status, point, outcome):
    p = GDP.project("gdp_growth", year=year, as_of=f"{year}-10-15")
    assert p.target.label() == target and p.status == status and p.periods_done == 3
    assert round(p.point, 2) == point
    # every call is right against the year as first published
    assert (p.probability >= 0.5) == bool(p.target.met(outcome))
    assert 0 < p.probability < 1  # not settled: never exactly 0 or 1


def test_the_published_year_to_date_is_used_and_the_pace_needed_is_right():
    p = GDP.project("gdp_growth", year=2023, as_of="2023-10-15")
    # nine months at 4,24% as published on 29/9/2023 (not recomposed from the quarters)
    assert p.ytd == 4.24 and "4,24% (published)" in p.reason
    # with the year-to-date weight of 0,717, reaching 6,5% needed about 12,2% in the fourth quarter
    assert round(p.required, 1) == 12.2


def test_a_published_year_is_settled_and_estimates_are_said():
    p = GDP.project("gdp_growth", year=2023, as_of="2024-01-31")
    assert (p.status, p.point, p.probability, p.method) == ("off_track", 5.05, 0.0, "published")
    p = GDP.project("gdp_growth", year=2024, as_of="2024-10-15")
    assert "theo số ước" in p.reason  # the nine months of 2024 were an estimate ("ước tính")


def test_the_target_in_force_is_the_latest_revision():
    before = GDP.project("gdp_growth", year=2025, as_of="2025-01-15")
    after = GDP.project("gdp_growth", year=2025, as_of="2025-03-01")
    assert before.target.label() == "tăng trưởng 6,5–7%"  # Resolution 158/2024/QH15
    assert after.target.label() == "tăng trưởng từ 8% trở lên"  # raised in February 2025
    assert before.status == after.status == "insufficient_data"  # no 2025 figure in the data


def _no_later_documents(as_of: str) -> ktstats.Dataset:
    return GDP.filter(as_of=as_of)


@settings(max_examples=12, deadline=None)
@given(st.integers(2013, 2024), st.sampled_from([3, 6, 9]), st.sampled_from(["auto", "run_rate", "seasonal"]))
def test_no_look_ahead(year, cutoff, method):
    """Dropping every document published after the date changes nothing."""
    from ktstats.analysis.projection.realtime import cutoff_date

    when = cutoff_date(year, cutoff)
    target = "tăng trưởng từ 6% trở lên"
    full = GDP.project("gdp_growth", target, year=year, as_of=when, method=method)
    known = _no_later_documents(str(when.date())).project(
        "gdp_growth", target, year=year, as_of=when, method=method
    )
    assert full == known


def test_the_realtime_backtest_is_calibrated_and_calls_right():
    rows = {}
    for cutoff in (3, 6, 9):
        bt = GDP.backtest("gdp_growth", cutoff_month=cutoff)
        s = bt.summary().set_index("method").loc["auto"]
        rows[cutoff] = s
        # 80% intervals cover the first published figure 65–95% of the years
        assert 0.65 <= s["coverage"] <= 0.95, (cutoff, s["coverage"])
    assert rows[9]["years"] == 12 and rows[9]["calls_right"] == rows[9]["calls"] == 12
    assert rows[9]["mae_first"] < rows[6]["mae_first"] < rows[3]["mae_first"]  # more months, closer
    table = GDP.backtest("gdp_growth", cutoff_month=9).to_frame()
    assert list(table.columns[:4]) == ["year", "method", "chosen", "as_of"]
    assert {"actual_first", "actual_latest", "covered", "call_right", "probability"} <= set(table.columns)
    # no probability is 0 or 1 unless the year was over
    p = table["probability"].dropna()
    assert ((p > 0) & (p < 1)).all()
    # years without two consistent past releases to weight the quarters say so instead of guessing
    early = table[(table.year == 2011) & (table.method == "auto")].iloc[0]
    assert math.isnan(early.point) and "quarter weights need two past years" in early.reason


def test_bad_input():
    with pytest.raises(DataError, match="3, 6 or 9"):
        GDP.backtest("gdp_growth", cutoff_month=7)
    # validated before anything, a published year included (the answer would be settled)
    with pytest.raises(DataError, match="unknown method 'nonsense'"):
        GDP.project("gdp_growth", year=2023, as_of="2024-02-01", method="nonsense")
    with pytest.raises(DataError, match="between 0 and 1"):
        GDP.project("gdp_growth", year=2023, as_of="2024-02-01", level=7)
    with pytest.raises(DataError, match="is in USD"):
        GDP.project("gdp_growth", "từ 5 triệu USD trở lên", year=2023, as_of="2024-02-01")
    before_any = GDP.project("gdp_growth", "tăng trưởng từ 6% trở lên", year=2023, as_of="2000-01-01")
    assert before_any.status == "insufficient_data" and "published by 01/01/2000" in before_any.reason
    early = GDP.project("gdp_growth", "tăng trưởng từ 6% trở lên", year=2023, as_of="2023-02-01")
    assert early.status == "insufficient_data" and "no growth figure for 2023" in early.reason
    with pytest.raises(DataError, match="no target"):
        GDP.project("gdp_growth", year=2010)
    with pytest.raises(DataError, match="covers growth rates and flows"):
        ktstats.load_dataset("kon_tum").backtest("poverty_rate")
    # (a flow is replayed too: tests/test_flow_backtest.py; the seeds alone publish no year's own figure)
    with pytest.raises(DataError, match="nothing to replay"):
        ktstats.load_dataset("kon_tum").backtest("state_budget_revenue")


def test_projections_table_one_row_per_distinct_target():
    t = GDP.projections(year=2025)
    assert t["target"].tolist() == ["tăng trưởng 6,5–7%", "tăng trưởng từ 8% trở lên"]
    kt = ktstats.load_dataset("kon_tum").projections(year=2025)
    # "từ 8% trở lên" is stated twice in the same document: one row
    assert kt["target"].tolist().count("tăng trưởng từ 8% trở lên") == 1
    assert list(kt.columns[:8]) == [
        "region",
        "indicator",
        "year",
        "target",
        "target_value",
        "target_low",
        "target_high",
        "documents",
    ]
    # no 2025 growth figure for Kon Tum: every row kept, with the reason
    assert set(kt["status"]) == {"insufficient_data"} and kt["reason"].str.contains("no growth figure").all()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(10, 1000), min_size=2, max_size=11),
    st.floats(100, 20_000),
    st.sampled_from(["run_rate", "auto"]),
)
def test_flows_never_claim_certainty_they_do_not_have(values, target, method):
    s = ktstats.IndicatorSeries(
        values, pd.period_range("2024-01", periods=len(values), freq="M"), unit="tỷ đồng", kind="flow"
    )
    p = ktstats.project(
        s, f"cả năm 2024 từ {ktstats.format_number(round(target))} tỷ đồng trở lên", method=method
    )
    if sum(values) >= round(target):  # settled: non-negative months already reached it
        assert (p.status, p.probability) == ("achieved", 1.0)
    else:
        assert 0 < p.probability < 1 and p.low < p.point < p.high
