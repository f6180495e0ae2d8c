"""pandas interop: Series.kt / DataFrame.kt go through the same checked paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ktstats
from ktstats import DataError, IndicatorSeries


def test_series_from_to_pandas_needs_no_arguments():
    s = ktstats.load_dataset("vn_gdp").series("gdp_growth", "viet_nam", freq="Q", basis="period").to_pandas()
    assert s.attrs["kind"] == "growth"
    with pytest.raises(DataError, match="growth applies to levels"):
        s.kt.yoy()  # growth of a growth rate is refused, as on IndicatorSeries


def test_series_yoy_on_real_budget_figures():
    # Kon Tum state budget revenue, year to date: quý I/2024 830 tỷ đồng; 9 tháng 2023 2.500 tỷ đồng
    s = pd.Series([2500.0, 830.0], index=pd.PeriodIndex(["2023Q3", "2024Q1"], freq="Q"))
    with pytest.raises(DataError, match="no period has a value 4 period"):
        s.kt.yoy(unit="tỷ đồng", kind="flow", basis="ytd")


def test_series_needs_unit_and_kind():
    s = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2023", "2024"], freq="Y"))
    with pytest.raises(DataError, match="has no unit or kind"):
        s.kt.yoy()
    with pytest.raises(DataError, match="PeriodIndex"):
        pd.Series([1.0, 2.0]).kt.yoy(unit="ha", kind="stock")
    with pytest.raises(DataError, match="unknown keyword"):
        s.kt.yoy(unit="ha", kind="stock", colour="red")


def test_unit_conversion_keeps_the_metadata():
    s = pd.Series([1.5, 2.0], index=pd.PeriodIndex(["2023", "2024"], freq="Y"))
    out = s.kt.to("tỷ đồng", unit="nghìn tỷ đồng", kind="flow")
    assert out.tolist() == [1500.0, 2000.0]
    assert out.attrs["unit"] == ktstats.lang.units.unit_to_str(ktstats.parse_unit("tỷ đồng"))
    assert out.kt.to("nghìn tỷ đồng").tolist() == [1.5, 2.0]


@given(st.lists(st.floats(1, 1e6, allow_nan=False), min_size=8, max_size=8))
def test_ytd_round_trip_through_the_accessor(values):
    s = pd.Series(values, index=pd.period_range("2023Q1", periods=8, freq="Q"))
    ytd = s.kt.to_ytd(unit="tỷ đồng", kind="flow", basis="period")
    back = ytd.kt.to_period_basis()
    assert np.allclose(back.to_numpy(), np.array(values), rtol=1e-12)


def test_dataframe_long_table():
    df = ktstats.load_dataset("kon_tum").to_frame()
    s = df.kt.series("grdp_growth")
    assert isinstance(s, IndicatorSeries) and s.to_pandas().tolist() == [6.05, 6.87, 6.45]
    p = (
        ktstats.load_dataset("tay_nguyen")
        .to_frame()
        .kt.panel("grdp_growth", freq="Q", basis="ytd", join="inner")
    )
    assert p.shape == (1, 5)
    bad = df.copy()
    bad.loc[3, "unit"] = "furlong"
    with pytest.raises(DataError, match="furlong"):
        bad.kt.dataset()


def test_dataframe_wide_panel():
    wide = pd.DataFrame(
        {"kon_tum": [830.0, 900.0], "quang_ngai": [5000.0, 5100.0]},
        index=pd.PeriodIndex(["2023", "2024"], freq="Y"),
    )
    with pytest.raises(DataError, match="unit and kind"):
        wide.kt.panel()
    p = wide.kt.panel(unit="tỷ đồng", kind="flow")
    assert p.to_boundaries().to_frame()["quang_ngai_2025"].tolist() == [5830.0, 6000.0]


def test_to_pint_where_pint_pandas_is_installed():
    pytest.importorskip("pint_pandas")
    s = IndicatorSeries(
        [1.5, 2.0], pd.PeriodIndex(["2023", "2024"], freq="Y"), unit="nghìn tỷ đồng", kind="flow"
    )
    q = s.to_pint()
    assert str(q.dtype).startswith("pint[")
    assert np.allclose(q.pint.to("billion dong").pint.magnitude.to_numpy(), [1500.0, 2000.0], rtol=1e-15)
