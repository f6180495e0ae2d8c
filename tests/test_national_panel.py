"""Issue 13: the 34 units' 2025 targets, the October calls from what was published then, and how they fared.

Real figures of ``datasets/vn_provinces.csv`` (every row quoted from a dated page) and the national
GDP series ``vn_gdp`` as the reference a province without history borrows from.
"""

from __future__ import annotations

import pandas as pd
import pytest

import ktstats
from ktstats.analysis.projection import score_calls
from ktstats.catalog.regions import regions
from ktstats.errors import DataError

UNITS = list(regions(on="2025-07-01")["code"])


@pytest.fixture(scope="module")
def ds():
    return ktstats.load_dataset("vn_provinces")


@pytest.fixture(scope="module")
def calls(ds):
    return ds.projections(year=2025, as_of="2025-10-31", reference="vn_gdp", regions=UNITS)


@pytest.fixture(scope="module")
def after(ds):
    return ds.projections(year=2025, as_of="2026-02-28", reference="vn_gdp", regions=UNITS)


def test_every_figure_is_dated_and_the_nine_months_come_from_the_ministry_table(ds):
    frame = ds.to_frame()
    assert frame["document_date"].notna().all()
    nine = frame[
        (frame["period_end"] == pd.Period("2025-09", "M")) & (frame["document"] == "baogialai_2025-10-06")
    ]
    values = dict(zip(nine["region"], nine["value"], strict=True))
    assert values["quang_ninh_2025"] == 11.67 and values["hai_phong_2025"] == 11.59
    assert values["quang_ngai_2025"] == 10.15
    # an undated page that prints a resolution's table is dated at the resolution, and says so
    from ktstats.catalog.documents import documents_table

    docs = documents_table()
    assert docs.loc["vietnamnews_undated_1", "date_precision"] == "resolution"
    assert str(docs.loc["vietnamnews_undated_1", "date"])[:10] == "2025-08-05"


def test_unit_targets_own_weighted_equal_and_missing(ds):
    t = ds.unit_targets("grdp_growth", 2025, as_of="2025-10-31").set_index("unit")
    # Resolution 226 gave Hải Phòng its own target; the constituents' are shown beside it
    assert t.loc["hai_phong_2025", "status"] == "own" and t.loc["hai_phong_2025", "target_value"] == 12.2
    # Lào Cai + Yên Bái, weighted by their 2024 GRDP at current prices (77.223 and 48.662 tỷ đồng)
    lao_cai = t.loc["lao_cai_2025"]
    expected = (9.5 * 77223 + 8.2 * 48662) / (77223 + 48662)
    assert lao_cai["status"] == "weighted" and lao_cai["target_value"] == pytest.approx(round(expected, 2))
    assert "lao_cai 61,3%" in lao_cai["weights"] and "yen_bai 38,7%" in lao_cai["weights"]
    # equal targets need no weights; a missing weight is named, never averaged around
    assert (
        t.loc["quang_tri_2025", "target_value"] == 8.0
        and "do not matter" in t.loc["quang_tri_2025", "reason"]
    )
    assert t.loc["tuyen_quang_2025", "status"] == "insufficient_data"
    assert "Hà Giang" in t.loc["tuyen_quang_2025", "reason"]


def test_a_given_weight_mapping_and_bad_weights(ds):
    t = ds.unit_targets(
        "grdp_growth", 2025, as_of="2025-03-31", weights={"Hà Giang": 1.0, "Tuyên Quang": 1.0}
    )
    row = t.set_index("unit").loc["tuyen_quang_2025"]
    assert row["status"] == "weighted" and row["target_value"] == 8.5
    with pytest.raises(DataError, match="positive"):
        ds.unit_targets(
            "grdp_growth", 2025, as_of="2025-03-31", weights={"Hà Giang": -1.0, "Tuyên Quang": 1.0}
        )


def test_october_calls_use_only_what_was_published_by_then(ds, calls):
    assert set(UNITS) <= set(calls["region"])  # every unit asked for has a row
    by = calls.drop_duplicates("region").set_index("region")
    # the nine months as published in October, never the year's figure of January 2026
    assert by.loc["quang_ngai_2025", "ytd"] == 10.15 and by.loc["quang_ngai_2025", "method"] in (
        "seasonal",
        "run_rate",
    )
    assert not (calls["method"] == "published").any()
    # a unit without a target published by then says so
    assert by.loc["gia_lai_2025", "status"] == "insufficient_data"
    assert "no whole-year target" in by.loc["gia_lai_2025", "reason"]
    # the year's growth lies between the nine months and the interval is honest about it
    ok = calls.dropna(subset=["point"])
    assert ((ok["low"] < ok["point"]) & (ok["point"] < ok["high"])).all()
    assert ((ok["probability"] > 0) & (ok["probability"] < 1)).all()


def test_dropping_later_documents_does_not_change_the_calls(ds, calls):
    frame = ds.to_frame()
    early = ktstats.Dataset(frame[frame["document_date"] <= pd.Timestamp("2025-10-31")], name="early")
    again = early.projections(year=2025, as_of="2025-10-31", reference="vn_gdp", regions=UNITS)
    cols = ["region", "target", "point", "low", "high", "probability", "status"]
    pd.testing.assert_frame_equal(
        calls[cols].sort_values(cols[:2]).reset_index(drop=True),
        again[cols].sort_values(cols[:2]).reset_index(drop=True),
    )


def test_without_a_reference_a_province_without_history_is_insufficient(ds):
    p = ds.project("grdp_growth", region="Quảng Ngãi", year=2025, as_of="2025-10-31")
    assert p.status == "insufficient_data" and "quarter weights" in p.reason
    # and says what would answer it (a new user saw only "chưa đủ số liệu")
    assert "reference='vn_gdp' (--reference vn-gdp" in p.reason


def test_a_threshold_for_one_unit_and_the_pace_it_needs(ds):
    p = ds.project(
        "grdp_growth",
        "cả năm 2025 tăng trưởng từ 10% trở lên",
        region="Quảng Ngãi",
        year=2025,
        as_of="2025-10-31",
        reference="vn_gdp",
    )
    assert p.region == "quang_ngai_2025" and p.periods_done == 3 and p.ytd == 10.15
    assert p.status == "on_track" and 0.75 <= p.probability < 1
    assert 8 < p.required < 10  # the fourth quarter needs less than the nine months gave


def test_a_merged_province_after_the_merger_is_an_error_naming_its_unit(ds):
    with pytest.raises(
        DataError, match=r"Hải Dương \(hai_duong\) no longer exists on 31/10/2025.*hai_phong_2025"
    ):
        ds.project(
            "grdp_growth",
            "từ 10% trở lên",
            region="Hải Dương",
            year=2025,
            as_of="2025-10-31",
            reference="vn_gdp",
        )


def test_after_the_year_the_calls_are_scored(calls, after):
    settled = after[after["method"] == "published"].set_index(["region", "target"])
    assert settled.loc[("quang_ngai_2025", "tăng trưởng 10%"), "point"] == 10.02
    assert settled.loc[("quang_ngai_2025", "tăng trưởng 10%"), "status"] == "achieved"
    s = score_calls(calls, after)
    row = s.set_index(["region", "target"]).loc[("hai_phong_2025", "tăng trưởng 12,2%")]
    assert row["outcome"] == 11.81 and not row["met"] and row["gap"] == pytest.approx(-0.39)
    # a range is measured from its nearest bound
    nghe_an = s.set_index(["region", "target"]).loc[("nghe_an_2025", "tăng trưởng 9,5–10,5%")]
    assert nghe_an["gap"] == pytest.approx(8.44 - 9.5)
    a = s.attrs
    assert a["scored"] == int(s["brier"].notna().sum()) >= 15
    assert a["calls_right"] == int(s["call_right"].dropna().astype(bool).sum())
    assert 0 <= a["brier"] <= 0.25 and 0 <= a["coverage"] <= 1
    # beside what hindsight alone would score: 30 % of the 20 targets were met, so "never met" gets 14 right
    met = s["met"][s["brier"].notna()].astype(bool)
    assert a["met_share"] == pytest.approx(met.mean()) == pytest.approx(0.3)
    assert a["majority_right"] == 14 < a["calls_right"]
    assert a["brier_base"] == pytest.approx(0.21) and a["skill"] == pytest.approx(1 - a["brier"] / 0.21)
    # a unit whose year figure is not published is kept, not scored
    assert "no outcome" in s.set_index("region").loc["lai_chau_2025", "note"].iloc[0]


def test_the_34_unit_charts_draw_every_row(calls, after):
    import matplotlib

    matplotlib.use("Agg")
    from ktstats.present.provinces import plot_dumbbell, plot_projections

    ax = plot_projections(calls, highlight="Quảng Ngãi")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == int(calls["point"].notna().sum())
    assert "Quảng Ninh (tăng trưởng 12,5%)" in labels and "Quảng Ninh (tăng trưởng 14%)" in labels
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Quảng Ngãi"]
    assert "Gia Lai" in ax.get_title()  # no projection: named, not dropped
    s = score_calls(calls, after).merge(calls[["region", "target", "target_value"]], on=["region", "target"])
    ax = plot_dumbbell(s, "target_value", "outcome", labels=("mục tiêu", "thực hiện"))
    assert len(ax.get_yticklabels()) == int((s["outcome"].notna() & s["target_value"].notna()).sum())
    with pytest.raises(DataError, match="needs the table"):
        plot_projections(pd.DataFrame({"region": ["x"]}))


def test_the_34_units_have_their_region_where_their_provinces_agree():
    units = regions(on="2025-07-01").set_index("code")
    assert len(units) == 34
    assert units.loc["lao_cai_2025", "region_vi"] == "Trung du và miền núi phía Bắc"  # Lào Cai + Yên Bái
    assert units.loc["hai_phong_2025", "region_vi"] == "Đồng bằng sông Hồng"
    # Gia Lai + Bình Định straddle two regions: left empty and said why, not guessed
    assert units.loc["gia_lai_2025", "region_vi"] == ""
    assert "Tây Nguyên" in units.loc["gia_lai_2025", "note"]
    assert (units["region_vi"] != "").sum() == 27


def test_a_flow_with_only_its_year_to_date_total_is_run_to_the_year():
    kt = ktstats.load_dataset("kon_tum").combine(ktstats.load_dataset("kon_tum_history"))
    p = kt.project("tourist_visits", year=2024, as_of="2024-10-22")
    # the first half's 1,4 million visits (7/2024), the only 2024 figure by then: 2,8 million at that pace
    assert p.method == "run_rate" and p.point == pytest.approx(2_800_000)
    assert "only the year-to-date total to month 6" in p.reason and p.low < p.point < p.high


def test_before_the_merger_the_provinces_are_projected_as_they_were(ds):
    april = ds.projections(year=2025, as_of="2025-04-30", reference="vn_gdp")
    assert "hai_duong" in set(april["region"]) and "hai_phong_2025" not in set(april["region"])
    row = april.set_index("region").loc["hai_duong"]
    assert row["target"] == "tăng trưởng 10,2%"  # Resolution 25's row, projected from what April knew
