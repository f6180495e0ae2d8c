import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ktstats import Q_, DataError, IndicatorSeries, Panel, PeriodError, UnitError, ureg


def flow(values, start="2024Q1", freq="Q", unit="tỷ đồng", basis="period", name="state_budget_revenue"):
    idx = pd.period_range(start, periods=len(values), freq=freq)
    return IndicatorSeries.from_pandas(
        pd.Series(values, index=idx, dtype="float64"), unit=unit, kind="flow", basis=basis, indicator=name
    )


def test_budget_revenue_quarters_add_to_the_year():
    # Resolution 26-NQ/TU: the year needs ≥ 4.500 tỷ, the fourth quarter 2.100 tỷ
    # ⇒ the first nine months are expected near 2.400 tỷ.
    ytd = flow([830.0, 1500.0, 2400.0, 4500.0], basis="ytd")
    per = ytd.to_period_basis()
    assert per.values.tolist() == [830.0, 670.0, 900.0, 2100.0]
    assert per.to_ytd().values.tolist() == ytd.values.tolist()


def test_unit_conversion_is_one_factor():
    s = flow([1.5, 2.0], unit="nghìn tỷ đồng")
    assert s.to("tỷ đồng").values.tolist() == [1500.0, 2000.0]
    assert s.to("dong").values.tolist() == [1.5e12, 2.0e12]
    with pytest.raises(UnitError, match="commune"):
        s.to("xã")


def test_arithmetic_checks_units_frequency_basis_and_periods():
    a = flow([1.0, 2.0])
    b = flow([1000.0, 1000.0], unit="triệu đồng")
    assert (a + b).values.tolist() == [2.0, 3.0]
    assert (a - b).values.tolist() == [0.0, 1.0]
    with pytest.raises(UnitError):
        a + flow([1.0, 2.0], unit="ha")
    with pytest.raises(PeriodError, match="frequencies"):
        a + flow([1.0, 2.0], start="2024-01", freq="M")
    with pytest.raises(PeriodError, match="basis"):
        a + flow([1.0, 2.0], basis="ytd")
    with pytest.raises(PeriodError, match="only in the first: 2024Q1"):
        a + flow([1.0, 2.0], start="2024Q2")
    with pytest.raises(UnitError, match="quantity with a unit"):
        a + 5
    assert (a + Q_(500, "million dong")).values.tolist() == [1.5, 2.5]
    assert (a * 2).values.tolist() == [2.0, 4.0]
    assert (a / 2).values.tolist() == [0.5, 1.0]
    with pytest.raises(DataError):
        a / 0
    x, y = a.align(flow([5.0, 6.0], start="2024Q2"))
    assert [str(p) for p in x.index] == ["2024Q2"] and (x + y).values.tolist() == [7.0]


def test_rates_never_sum_but_subtract_to_points():
    idx = pd.period_range("2023-12", periods=2, freq="M")
    r = IndicatorSeries([10.0, 7.0], idx, unit="percent", kind="rate", indicator="poverty_rate")
    with pytest.raises(UnitError, match="never sums"):
        r + r
    diff = r - IndicatorSeries([9.0, 6.5], idx, unit="percent", kind="rate")
    assert diff.unit == ureg.percentage_point
    assert diff.values.tolist() == [1.0, 0.5]
    pp = IndicatorSeries([1.0, 1.0], idx, unit="pp", kind="rate")
    with pytest.raises(UnitError):
        r - pp


def test_only_flows_change_basis():
    g = IndicatorSeries([6.0], pd.PeriodIndex(["2024Q1"], freq="Q"), unit="%", kind="growth", basis="ytd")
    with pytest.raises(DataError, match="only applies to flows"):
        g.to_period_basis()
    with pytest.raises(DataError, match="only applies to flows"):
        g.to_ytd()


def test_gaps_are_errors_not_nan():
    s = IndicatorSeries(
        [1.0, 3.0], pd.PeriodIndex(["2024Q1", "2024Q3"], freq="Q"), unit="tỷ đồng", kind="flow", basis="ytd"
    )
    with pytest.raises(DataError, match="2024Q2 is not in the series"):
        s.to_period_basis()
    with pytest.raises(DataError, match="missing or infinite values at 2024Q2"):
        flow([1.0, np.nan, 3.0])
    with pytest.raises(DataError, match="duplicated periods"):
        IndicatorSeries([1.0, 2.0], pd.PeriodIndex(["2024Q1", "2024Q1"], freq="Q"), unit="%", kind="rate")


def test_index_checks():
    with pytest.raises(PeriodError, match="timestamps"):
        IndicatorSeries.from_pandas(
            pd.Series([1.0], index=pd.DatetimeIndex(["2024-01-31"])), unit="%", kind="rate"
        )
    with pytest.raises(PeriodError, match="not supported"):
        IndicatorSeries([1.0], pd.PeriodIndex(["2024-01-01"], freq="D"), unit="%", kind="rate")
    s = IndicatorSeries([2.0, 1.0], pd.PeriodIndex(["2024Q2", "2024Q1"], freq="Q"), unit="%", kind="rate")
    assert [str(p) for p in s.index] == ["2024Q1", "2024Q2"] and s.values.tolist() == [1.0, 2.0]


def test_to_pandas_and_repr():
    s = flow([830.0, 670.0])
    p = s.to_pandas()
    assert p.attrs["unit"] == "billion dong" and p.attrs["basis"] == "period"
    assert isinstance(p.index, pd.PeriodIndex) and p.dtype == "float64"
    assert "830 tỷ đồng" in repr(s) and "<table>" in s._repr_html_()


def test_values_are_read_only():
    s = flow([1.0, 2.0])
    with pytest.raises(ValueError, match="read-only"):
        s.values[0] = 5.0


def test_panel_matches_series():
    idx = pd.period_range("2023-01", periods=24, freq="M")
    rng = np.random.default_rng(0)
    data = rng.uniform(0, 100, size=(24, 3))
    p = Panel(data, idx, ["kon_tum", "gia_lai", "dak_lak"], unit="tỷ đồng", kind="flow")
    ytd = p.to_ytd()
    for col in p.columns:
        np.testing.assert_allclose(ytd[col].values, p[col].to_ytd().values)
    np.testing.assert_allclose(ytd.to_period_basis().to_frame().to_numpy(), data)
    assert (p + p["kon_tum"]).shape == (24, 3)


@st.composite
def flow_series(draw):
    freq = draw(st.sampled_from(["M", "Q"]))
    per_year = 12 if freq == "M" else 4
    start_pos = draw(st.integers(0, per_year - 1))
    n = draw(st.integers(1, 40))
    values = draw(hnp.arrays("float64", n, elements=st.floats(-1e6, 1e6, allow_nan=False)))
    start = pd.Period(year=2020, month=1, freq="M")
    first = (start + start_pos).asfreq(freq) if freq == "Q" else start + start_pos
    if freq == "Q":
        first = pd.Period(year=2020, quarter=start_pos + 1, freq="Q")
    idx = pd.period_range(first, periods=n, freq=freq)
    return values, idx


@given(flow_series())
def test_ytd_period_round_trip(data):
    values, idx = data
    # a year that starts mid-way cannot be accumulated: start the series in January
    s = IndicatorSeries(values, idx, unit="tỷ đồng", kind="flow")
    pos = idx.asi8 % (12 if idx.freqstr == "M" else 4)
    if pos[0] != 0:
        with pytest.raises(DataError):
            s.to_ytd()
        return
    back = s.to_ytd().to_period_basis()
    np.testing.assert_allclose(back.values, values, rtol=1e-9, atol=1e-6)
    again = s.to_ytd().to_period_basis().to_ytd()
    np.testing.assert_allclose(again.values, s.to_ytd().values, rtol=1e-9, atol=1e-6)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=12))
def test_ytd_of_a_constant_pace_is_linear(vals):
    s = flow([vals[0]] * 12, start="2024-01", freq="M")
    np.testing.assert_allclose(s.to_ytd().values, vals[0] * np.arange(1, 13), rtol=1e-12)


def test_to_pint_round_trip():
    pytest.importorskip("pint_pandas")
    s = flow([830.0, 670.0])
    q = s.to_pint()
    assert q.pint.units == ureg.Unit("billion dong")
    assert q.pint.magnitude.tolist() == [830.0, 670.0]


def test_non_numeric_values_are_data_errors():
    idx = pd.period_range("2024Q1", periods=2, freq="Q")
    with pytest.raises(DataError, match="not numbers"):
        Panel.from_frame(pd.DataFrame({"kon_tum": ["a", "b"]}, index=idx), unit="%", kind="rate")
    with pytest.raises(DataError, match="not numbers"):
        IndicatorSeries.from_pandas(pd.Series(["1,5", "2"], index=idx), unit="%", kind="rate")
    with pytest.raises(DataError, match="one-dimensional"):
        IndicatorSeries(np.ones((2, 2)), idx, unit="%", kind="rate")
