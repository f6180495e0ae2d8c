"""Regions before and after the 2025 merger, panels across regions, re-aggregation."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ktstats
from ktstats import DataError, Panel, PeriodError, UnitError


def test_counts_before_and_after_the_merger():
    assert len(ktstats.regions(on="2025-06-30")) == 63
    assert len(ktstats.regions(on="2025-07-01")) == 34
    tn = ktstats.regions(on="2024-01-01")
    assert sorted(tn[tn["region_vi"] == "Tây Nguyên"]["code"]) == [
        "dak_lak",
        "dak_nong",
        "gia_lai",
        "kon_tum",
        "lam_dong",
    ]


@pytest.mark.parametrize(
    "written",
    ["Kon Tum", "kon tum", "KON TUM", "Tỉnh Kon Tum", "tinh kon tum", "Kon\u00a0Tum", "\tKon Tum "],
)
def test_kon_tum_however_written(written):
    assert ktstats.region(written).code == "kon_tum"


def test_tone_placement_and_normal_forms():
    nfd = unicodedata.normalize("NFD", "Khánh Hòa")
    assert ktstats.region("Khánh Hoà").code == ktstats.region(nfd).code == "khanh_hoa"
    assert ktstats.region("Đắk Lắk").code == ktstats.region("Dak Lak").code == "dak_lak"


def test_unknown_region_lists_close_matches():
    with pytest.raises(DataError, match=r"unknown province or city 'Kon Tun'.*Kon Tum"):
        ktstats.region("Kon Tun")


def test_merged_region_names_its_successor():
    with pytest.raises(
        DataError, match=r"Kon Tum no longer exists on 2025-08-01.*Quảng Ngãi \(quang_ngai_2025\)"
    ):
        ktstats.region("Kon Tum", on="2025-08-01")
    assert ktstats.region("Kon Tum", on="2025-06-30").code == "kon_tum"
    assert ktstats.region("Quảng Ngãi", on="2025-08-01").code == "quang_ngai_2025"


def test_every_old_province_has_a_valid_successor():
    new = set(ktstats.regions(on="2025-07-01")["code"])
    old = ktstats.regions(on="2025-06-30")
    assert set(old["successor"]) <= new


def test_to_boundaries_sums_flows_of_the_merged_provinces():
    idx = pd.period_range("2024", periods=2, freq="Y")
    p = Panel(
        [[830.0, 5000.0, 10.0], [900.0, 5100.0, 11.0]],
        idx,
        ["kon_tum", "Quảng Ngãi", "cao_bang"],
        unit="tỷ đồng",
        kind="flow",
    )
    out = p.to_boundaries("2025-07-01").to_frame()
    assert out["quang_ngai_2025"].tolist() == [5830.0, 6000.0]
    assert out["cao_bang_2025"].tolist() == [10.0, 11.0]


def test_to_boundaries_refuses_a_partial_sum():
    idx = pd.period_range("2024", periods=1, freq="Y")
    p = Panel([[830.0]], idx, ["kon_tum"], unit="tỷ đồng", kind="flow")
    with pytest.raises(DataError, match="lacks quang_ngai"):
        p.to_boundaries()


@pytest.mark.parametrize("kind", ["rate", "growth", "index"])
def test_to_boundaries_refuses_rates_and_growth(kind):
    idx = pd.period_range("2024", periods=1, freq="Y")
    p = Panel([[6.8, 7.0]], idx, ["kon_tum", "quang_ngai"], unit="percent", kind=kind)
    with pytest.raises(UnitError, match="weights"):
        p.to_boundaries()


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=4, max_size=4))
def test_to_boundaries_preserves_the_total(values):
    idx = pd.period_range("2024", periods=1, freq="Y")
    p = Panel([values], idx, ["kon_tum", "quang_ngai", "gia_lai", "binh_dinh"], unit="tỷ đồng", kind="flow")
    out = p.to_boundaries().to_frame()
    assert out.shape[1] == 2
    assert np.isclose(out.to_numpy().sum(), sum(values))


def test_tay_nguyen_panel_of_real_figures():
    d = ktstats.load_dataset("tay_nguyen")
    p = d.panel("grdp_growth", freq="Q", basis="ytd", join="inner")
    row = p.to_frame().loc[pd.Period("2023Q2", freq="Q")]
    # "6 tháng đầu năm 2023 ... Kon Tum 6,8%, Gia Lai 5,54%, Đắk Nông 5,23%, Lâm Đồng 5,07%, Đắk Lắk 5,01%"
    assert row.to_dict() == {
        "dak_lak": 5.01,
        "dak_nong": 5.23,
        "gia_lai": 5.54,
        "kon_tum": 6.8,
        "lam_dong": 5.07,
    }
    assert "phapluatplus_2023-07" in p.documents


def test_panel_with_gaps_names_them():
    d = ktstats.load_dataset("tay_nguyen")
    with pytest.raises(PeriodError, match=r"gia_lai lacks 2023Q3"):
        d.panel("grdp_growth", freq="Q", basis="ytd")


def test_panel_converts_units_to_the_first_region():
    d = ktstats.load_dataset("tay_nguyen")
    p = d.panel("state_budget_revenue", ["kon_tum", "dak_nong"], freq="Q", basis="ytd")
    assert p.to_frame().loc[pd.Period("2023Q3", freq="Q")].tolist() == [2500.0, 2167.0]
    assert p.unit == ktstats.parse_unit("tỷ đồng")


def test_panel_refuses_mixed_frequencies():
    d = ktstats.load_dataset("tay_nguyen")
    with pytest.raises(PeriodError, match="choose freq= and basis="):
        d.panel("grdp_growth", ["dak_lak", "lam_dong"], measure="estimate")


def test_to_regions_sums_a_whole_region():
    idx = pd.period_range("2023", periods=2, freq="Y")
    cols = ["Kon Tum", "gia_lai", "dak_lak", "dak_nong", "lam_dong"]
    p = Panel([[1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 2.0, 2.0, 2.0, 2.0]], idx, cols, unit="tỷ đồng", kind="flow")
    assert p.to_regions().to_frame().to_dict("list") == {"Tây Nguyên": [15.0, 10.0]}
    with pytest.raises(
        DataError,
        match="Tây Nguyên is formed from dak_lak, dak_nong, gia_lai, kon_tum, lam_dong; the panel lacks lam_dong",
    ):
        Panel([[1.0, 2.0, 3.0, 4.0]], idx[:1], cols[:4], unit="tỷ đồng", kind="flow").to_regions()
    with pytest.raises(UnitError, match="weights"):
        Panel([[1.0] * 5], idx[:1], cols, unit="percent", kind="growth").to_regions()
    with pytest.raises(DataError, match="Quảng Ngãi does not exist on 2025-06-30"):
        Panel([[1.0]], idx[:1], ["quang_ngai_2025"], unit="tỷ đồng", kind="flow").to_regions()


def test_panel_takes_region_names_and_checks_join():
    d = ktstats.load_dataset("tay_nguyen")
    p = d.panel("state_budget_revenue", ["Kon Tum", "Đắk Nông"], freq="Q", basis="ytd")
    assert list(p.columns) == ["kon_tum", "dak_nong"]
    with pytest.raises(DataError, match="join must be"):
        d.panel("state_budget_revenue", ["kon_tum"], freq="Q", basis="ytd", join="outer")
    with pytest.raises(DataError, match="did you mean Kon Tum"):
        d.panel("state_budget_revenue", ["Kon Tun"])


def test_every_unit_is_found_by_its_own_name_on_a_day_it_existed():
    """Each of the 97 units of regions.csv, written as the table writes it, is the unit a text names on a day it
    existed ("Bà Rịa - Vũng Tàu" was found in no spelling until 0.18.0)."""
    from ktstats.catalog.bundled import data_dir
    from ktstats.catalog.regions import named_in

    table = pd.read_csv(data_dir() / "regions.csv", dtype=str, keep_default_na=False)
    wrong = {}
    for row in table.itertuples():
        if row.code == "viet_nam":
            continue
        got = named_in(f"Kinh tế tỉnh {row.name_vi} tăng trưởng khá.", on=row.valid_from or "2020-01-01")
        if not got or got[0][0] != row.code:
            wrong[row.code] = got
    assert wrong == {} and len(table) > 90
