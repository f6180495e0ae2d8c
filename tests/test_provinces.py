"""Merger-aware arithmetic (issue 13): rates and growth aggregate with base-period weights, never partially."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ktstats import DataError, Panel, PeriodError, UnitError

Y25 = pd.period_range("2025", periods=1, freq="Y")


def growth(values, columns, index=Y25):
    return Panel(
        [values] if np.ndim(values) == 1 else values,
        index,
        columns,
        unit="%",
        kind="growth",
        indicator="grdp_growth",
    )


def test_growth_of_a_merged_unit_is_the_level_weighted_growth_of_its_parts():
    # Hải Phòng 12,5% and Hải Dương 10,2% with weights 3:1 → (3·12,5 + 1·10,2) / 4
    out = growth([12.5, 10.2], ["Hải Phòng", "Hải Dương"]).to_boundaries(
        weights={"Hải Phòng": 3.0, "hai_duong": 1.0}
    )
    assert list(out.columns) == ["hai_phong_2025"] and out.to_frame().iloc[0, 0] == pytest.approx(11.925)
    # the same with a one-period Panel of levels as weights
    levels = Panel(
        [[3.0, 1.0]],
        pd.period_range("2024", periods=1, freq="Y"),
        ["hai_phong", "hai_duong"],
        unit="nghìn tỷ đồng",
        kind="flow",
    )
    assert (
        out.to_frame().iloc[0, 0]
        == growth([12.5, 10.2], ["hai_phong", "hai_duong"])
        .to_boundaries(weights=levels)
        .to_frame()
        .iloc[0, 0]
    )


def test_per_period_weights_and_several_units():
    idx = pd.period_range("2023", periods=2, freq="Y")
    g = growth(
        [[6.0, 8.0, 5.0, 7.0], [4.0, 6.0, 5.5, 6.5]], ["kon_tum", "quang_ngai", "gia_lai", "binh_dinh"], idx
    )
    w = Panel(
        [[1.0, 3.0, 2.0, 2.0], [1.0, 1.0, 1.0, 3.0]],
        idx,
        ["kon_tum", "quang_ngai", "gia_lai", "binh_dinh"],
        unit="tỷ đồng",
        kind="flow",
    )
    out = g.to_boundaries(weights=w).to_frame()
    assert out.loc[idx[0], "quang_ngai_2025"] == pytest.approx((6 + 24) / 4)
    assert out.loc[idx[1], "gia_lai_2025"] == pytest.approx((5.5 + 19.5) / 4)


def test_rates_without_weights_are_refused():
    with pytest.raises(UnitError, match="cannot be summed"):
        growth([12.5, 10.2], ["hai_phong", "hai_duong"]).to_boundaries()


def test_a_missing_province_or_weight_is_never_a_partial_average():
    with pytest.raises(DataError, match="lacks hai_duong"):
        growth([12.5], ["hai_phong"]).to_boundaries(weights={"hai_phong": 1.0})
    with pytest.raises(DataError, match="no weight for hai_duong"):
        growth([12.5, 10.2], ["hai_phong", "hai_duong"]).to_boundaries(weights={"hai_phong": 1.0})
    with pytest.raises(DataError, match="positive"):
        growth([12.5, 10.2], ["hai_phong", "hai_duong"]).to_boundaries(
            weights={"hai_phong": 1.0, "hai_duong": 0.0}
        )


def test_weights_must_be_levels_over_the_same_periods():
    g = growth(
        [[1.0, 2.0], [3.0, 4.0]], ["hai_phong", "hai_duong"], pd.period_range("2023", periods=2, freq="Y")
    )
    other = Panel(
        [[1.0, 1.0], [1.0, 1.0]],
        pd.period_range("2021", periods=2, freq="Y"),
        ["hai_phong", "hai_duong"],
        unit="tỷ đồng",
        kind="flow",
    )
    with pytest.raises(PeriodError, match="same periods"):
        g.to_boundaries(weights=other)
    with pytest.raises(UnitError, match="levels"):
        g.to_boundaries(weights=growth([[1.0, 1.0], [1.0, 1.0]], ["hai_phong", "hai_duong"], g.index))


def test_flows_are_summed_and_ranks_do_not_aggregate():
    flows = Panel(
        [[830.0, 5000.0]],
        pd.period_range("2024", periods=1, freq="Y"),
        ["kon_tum", "quang_ngai"],
        unit="tỷ đồng",
        kind="flow",
    )
    assert flows.to_boundaries().to_frame().iloc[0, 0] == 5830.0
    with pytest.raises(DataError, match="flows are summed"):
        flows.to_boundaries(weights={"kon_tum": 1.0, "quang_ngai": 1.0})
    ranks = Panel([[19.0, 30.0]], Y25, ["kon_tum", "quang_ngai"], unit="", kind="rank")
    with pytest.raises(UnitError, match="ranks do not aggregate"):
        ranks.to_boundaries(weights={"kon_tum": 1.0, "quang_ngai": 1.0})


def test_the_2025_targets_of_resolution_25_load_with_their_sources():
    import ktstats

    ds = ktstats.load_dataset("vn_provinces")
    frame = ds.to_frame()
    res25 = frame[frame["document"] == "thuvienphapluat_2025-02-18"]
    # the first 30 rows of Appendix II, as reprinted on 18/02/2025; every value appears in its quoted row
    assert len(res25) == 30 and set(res25["measure"]) == {"target"}
    by_region = dict(zip(res25["region"], res25["value"], strict=True))
    assert by_region["ha_noi"] == 8.0 and by_region["hai_phong"] == 12.5 and by_region["hai_duong"] == 10.2
    # the merged Hải Phòng's target from its two provinces, weighted by levels a user supplies
    p = ds.panel("grdp_growth", ["Hải Phòng", "Hải Dương"], measure="target")
    merged = p.to_boundaries(weights={"hai_phong": 3.0, "hai_duong": 1.0}).to_frame()
    assert merged.iloc[0, 0] == pytest.approx(11.925)
