import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ktstats import DataError, IndicatorSeries, Panel, compose_growth, required_growth, ureg
from ktstats.analysis.audit import implied_base
from ktstats.analysis.growth import cagr, growth_from_index, index_from_growth, pp_change, yoy, yoy_index


def quarterly(values, start="2023Q1", kind="flow", unit="tỷ đồng", basis="period"):
    return IndicatorSeries(
        values,
        pd.period_range(start, periods=len(values), freq="Q"),
        unit=unit,
        kind=kind,
        basis=basis,
        indicator="x",
    )


def test_yoy_against_the_same_quarter():
    # total investment Q1/2024 "ước khoảng 5.712 tỷ đồng ... tăng 11,8% so với cùng kỳ"
    base = implied_base(5712, growth_percent=11.8)
    assert base == pytest.approx(5109.12, abs=0.01)  # 5.712 / 1,118
    s = quarterly([base, 1.0, 1.0, 1.0, 5712.0])
    g = s.yoy()
    assert [str(p) for p in g.index] == ["2024Q1"]
    assert g.values[0] == pytest.approx(11.8)
    assert g.kind == "growth" and g.unit == ureg.percent and g.basis == "period"
    assert yoy(s).values.tolist() == g.values.tolist()


def test_index_form():
    # local spending "ước khoảng 3.207 tỷ đồng ... bằng 111,7% so cùng kỳ"
    base = implied_base(3207, index_percent=111.7)
    assert base == pytest.approx(2871.08, abs=0.01)  # 3.207 / 1,117
    s = quarterly([base, 1, 1, 1, 3207.0])
    idx = yoy_index(s)
    assert idx.values[0] == pytest.approx(111.7)
    assert idx.kind == "index"
    assert growth_from_index(111.7) == pytest.approx(11.7)
    assert index_from_growth(11.8) == pytest.approx(111.8)


def test_yoy_keeps_the_year_to_date_basis():
    s = quarterly([10.0, 30.0, 60.0, 100.0, 11.0, 33.0, 66.0, 110.0], basis="ytd")
    g = s.yoy()
    assert g.basis == "ytd"
    np.testing.assert_allclose(g.values, [10.0] * 4)


def test_growth_needs_a_positive_base():
    with pytest.raises(DataError, match="zero or negative"):
        quarterly([0.0, 1, 1, 1, 5.0]).yoy()
    with pytest.raises(DataError, match="zero or negative"):
        quarterly([-2.0, 1, 1, 1, 5.0]).yoy()
    with pytest.raises(DataError, match="no period has a value"):
        quarterly([1.0, 2.0]).yoy()


def test_growth_of_a_rate_is_refused():
    r = IndicatorSeries(
        [8.5, 5.5],
        pd.PeriodIndex(["2023-12", "2024-12"], freq="M"),
        unit="%",
        kind="rate",
        indicator="poverty_rate",
    )
    with pytest.raises(DataError, match="pp_change"):
        r.yoy()
    d = r.pp_change()
    assert d.values.tolist() == [-3.0] and d.unit == ureg.percentage_point
    assert pp_change(r, lag=12).values.tolist() == [-3.0]
    with pytest.raises(DataError, match="percentage-point"):
        quarterly([1.0, 2, 3, 4, 5]).pp_change()


def test_cagr():
    assert cagr(100.0, 161.051, 5) == pytest.approx(10.0)
    yearly = IndicatorSeries(
        [100.0, 110.0, 121.0], pd.period_range("2020", periods=3, freq="Y"), unit="tỷ đồng", kind="flow"
    )
    assert yearly.cagr() == pytest.approx(10.0)
    assert yearly.cagr("2020", "2021") == pytest.approx(10.0)
    with pytest.raises(DataError):
        cagr(0.0, 1.0, 2)
    with pytest.raises(DataError):
        cagr(1.0, 2.0, 0)


def test_panel_yoy_matches_numpy():
    idx = pd.period_range("2020-01", periods=36, freq="M")
    data = np.random.default_rng(5).uniform(1, 100, (36, 4))
    p = Panel(data, idx, list("abcd"), unit="tỷ đồng", kind="flow")
    np.testing.assert_allclose(p.yoy().values, (data[12:] / data[:-12] - 1) * 100)
    np.testing.assert_allclose(p.yoy_index().values, data[12:] / data[:-12] * 100)


def test_compose_growth_needs_weights():
    with pytest.raises(DataError, match="weights"):
        compose_growth([6.0, 7.0], None)
    with pytest.raises(DataError, match="one weight per growth"):
        compose_growth([6.0, 7.0], [1.0])
    with pytest.raises(DataError, match="non-negative"):
        compose_growth([6.0, 7.0], [1.0, -1.0])


def test_required_growth_example_from_the_issue():
    # target 8,2%, 9 months at 7,5%, weight 0,65 ⇒ the last quarter needs 9,5%
    assert required_growth(8.2, 7.5, 0.65) == pytest.approx(9.5)
    with pytest.raises(DataError):
        required_growth(8.2, 7.5, 1.0)
    with pytest.raises(DataError):
        required_growth(8.2, 7.5, None)


growth = st.floats(-50, 50, allow_nan=False)
weight = st.floats(0.01, 1e6, allow_nan=False)


@given(growth, st.lists(weight, min_size=1, max_size=12))
def test_equal_growths_compose_to_that_growth(g, weights):
    assert compose_growth([g] * len(weights), weights) == pytest.approx(g, abs=1e-9)


@given(st.lists(growth, min_size=1, max_size=12), st.lists(weight, min_size=12, max_size=12))
def test_composed_growth_lies_between_the_parts(gs, ws):
    c = compose_growth(gs, ws[: len(gs)])
    assert min(gs) - 1e-9 <= c <= max(gs) + 1e-9


@given(growth, growth, st.floats(0.01, 0.99))
def test_required_growth_inverts_compose_growth(g_ytd, g_rest, w):
    annual = compose_growth([g_ytd, g_rest], [w, 1 - w])
    assert required_growth(annual, g_ytd, w) == pytest.approx(g_rest, abs=1e-6)


@given(st.lists(st.floats(1, 1e6), min_size=5, max_size=30))
def test_yoy_and_index_agree(values):
    s = IndicatorSeries(
        values, pd.period_range("2020Q1", periods=len(values), freq="Q"), unit="tỷ đồng", kind="flow"
    )
    np.testing.assert_allclose(s.yoy().values + 100.0, s.yoy_index().values, rtol=1e-9, atol=1e-9)


@given(st.floats(1, 1e6), st.floats(-90, 500))
def test_implied_base_round_trip(base, g):
    value = base * (1 + g / 100)
    assume(value > 0)
    assert implied_base(value, growth_percent=g) == pytest.approx(base, rel=1e-9)
