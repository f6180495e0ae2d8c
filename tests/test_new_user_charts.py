"""What a new user trips over (issue 15): names as people write them, and charts of one's own data in Jupyter."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import ktstats
from ktstats import DataError, Panel
from ktstats.catalog.regions import successor_map


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


# --- names and regions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Kontum", "kon_tum"),
        ("KonTum", "kon_tum"),
        ("Daklak", "dak_lak"),
        ("Đắc Lắc", "dak_lak"),
        ("TPHCM", "ho_chi_minh"),
        ("HCM", "ho_chi_minh"),
        ("TP HCM", "ho_chi_minh"),
        ("TP.HCM", "ho_chi_minh"),
        ("BR-VT", "ba_ria_vung_tau"),
    ],
)
def test_region_resolves_what_people_write(written, code):
    # before: DataError "unknown province or city 'Kontum'"
    assert ktstats.region(written).code == code
    assert ktstats.region(written, on="2024-06-01").code == code


def test_aliases_keep_the_date_rule():
    with pytest.raises(
        DataError, match=r"Kon Tum no longer exists on 2025-08-01.*Quảng Ngãi \(quang_ngai_2025\)"
    ):
        ktstats.region("Kontum", on="2025-08-01")
    with pytest.raises(
        DataError, match=r"Bà Rịa - Vũng Tàu no longer exists.*Hồ Chí Minh \(ho_chi_minh_2025\)"
    ):
        ktstats.region("BR-VT", on="2025-08-01")
    assert ktstats.region("TP.HCM", on="2025-08-01").code == "ho_chi_minh_2025"
    assert ktstats.region("Đắc Lắc", on="2025-08-01").code == "dak_lak_2025"


def test_hue_is_a_centrally_run_city_from_1_january_2025():
    # Resolution 1314/NQ-UBTVQH15 of 30/11/2024; before: "Huế does not exist on 2025-03-01"
    hue = ktstats.region("Huế", on="2025-03-01")
    assert (hue.code, hue.kind, hue.region_vi) == ("hue", "city", "Bắc Trung Bộ và duyên hải miền Trung")
    assert "1314/NQ-UBTVQH15" in hue.note
    before = ktstats.region("Thừa Thiên Huế", on="2024-06-01")
    assert (before.code, before.kind) == ("thua_thien_hue", "province")
    assert "1314/NQ-UBTVQH15" in before.note
    # the same territory under its new name: the old name on a later date is the city
    assert ktstats.region("Thừa Thiên Huế", on="2025-03-01").code == "hue"
    assert ktstats.region("Thừa Thiên Huế", on="2025-08-01").code == "hue_2025"
    assert ktstats.region("Huế", on="2025-08-01").code == "hue_2025"
    on_2025 = ktstats.regions(on="2025-03-01")
    assert len(on_2025) == 63
    assert "thua_thien_hue" not in set(on_2025["code"]) and "hue" in set(on_2025["code"])
    assert len(ktstats.regions(on="2024-12-31")) == 63


def test_hue_still_re_aggregates_and_groups():
    assert successor_map()["thua_thien_hue"] == "hue_2025"
    idx = pd.period_range("2024", periods=1, freq="Y")
    p = Panel([[5.0, 7.0]], idx, ["thua_thien_hue", "da_nang"], unit="tỷ đồng", kind="flow")
    with pytest.raises(DataError, match="lacks quang_nam"):
        p.to_boundaries()
    p = Panel([[5.0]], idx, ["Thừa Thiên Huế"], unit="tỷ đồng", kind="flow")
    assert p.to_boundaries().to_frame().to_dict("list") == {"hue_2025": [5.0]}


# --- charts --------------------------------------------------------------------------------------------


def _renderer(fig):
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _source(fig):
    found = [t for t in fig.texts if t.get_text().startswith(("Nguồn: ", "Source: "))]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_source_line_is_kept_by_bbox_inches_tight(lang):
    # before: the source line was drawn with in_layout=False below the layout, and savefig(bbox_inches="tight")
    # (which Jupyter's inline display uses) cut it off
    tn = ktstats.load_dataset("tay_nguyen")
    fig = ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023", lang=lang).figure
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    renderer = _renderer(fig)
    tight = fig.get_tightbbox(renderer)  # inches: what bbox_inches="tight" saves
    text = _source(fig).get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())
    assert tight.y0 <= text.y0 + 1e-6 and text.x1 <= tight.x1 + 1e-6
    # and the axes do not overlap it
    axes = fig.axes[0].get_tightbbox(renderer).transformed(fig.dpi_scale_trans.inverted())
    assert text.y1 <= axes.y0 + 1e-6


def test_saved_tight_image_shows_the_source_line():
    # the pixels of the saved image change when the source line is blanked: it is inside what is saved
    tn = ktstats.load_dataset("tay_nguyen")
    fig = ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023").figure
    images = []
    for color in (None, "white"):
        if color:
            _source(fig).set_color(color)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight", dpi=100)
        buf.seek(0)
        images.append(plt.imread(buf))
    assert images[0].shape == images[1].shape
    assert not np.array_equal(images[0], images[1])


def test_regional_from_plain_dataframes():
    # before: TypeError: NDFrame.filter() got an unexpected keyword argument 'indicator'
    long = pd.DataFrame({"region": ["Kon Tum", "Gia Lai", "Đắk Lắk"], "value": [830.0, 2100.0, 1500.0]})
    ax = ktstats.plot_regional(
        long, "Thu ngân sách", "năm 2023", unit="tỷ đồng", title="Thu ngân sách 2023", source="Cục Thống kê"
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Gia Lai", "Đắk Lắk", "Kon Tum"]
    assert ax.get_title() == "Thu ngân sách 2023"
    assert ax.get_xlabel() == "tỷ đồng"
    assert "2.100 tỷ đồng" in [t.get_text() for t in ax.texts]
    assert _source(ax.figure).get_text() == "Nguồn: Cục Thống kê"
    # one row with a column per region (names as people write them), the unit from the catalog
    wide = pd.DataFrame({"Kontum": [6.8], "gia_lai": [5.54]}, index=["6T/2023"])
    ax = ktstats.plot_regional(wide, "grdp_growth", "6 tháng đầu năm 2023", lang="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kon Tum", "Gia Lai"]
    assert ax.get_title() == "GRDP growth rate, vs the same period of the previous year — Jan–Jun 2023"
    # regions as the index, one value column; an indicator outside the catalog
    by_region = pd.DataFrame({"iip": [12.5, -3.2]}, index=["Kon Tum", "Gia Lai"])
    ax = ktstats.plot_regional(by_region, "Chỉ số sản xuất công nghiệp", "năm 2024", unit="%")
    assert ax.get_title() == "Chỉ số sản xuất công nghiệp — năm 2024"
    assert sorted(round(p.get_width(), 1) for p in ax.patches) == [-3.2, 12.5]
    # periods as the index: the row of the period asked for
    idx = pd.period_range("2022", periods=2, freq="Y")
    panel_like = pd.DataFrame({"kon_tum": [1.0, 2.0], "gia_lai": [3.0, 4.0]}, index=idx)
    ax = ktstats.plot_regional(panel_like, "x", "năm 2023", unit="tỷ đồng")
    assert sorted(p.get_width() for p in ax.patches) == [2.0, 4.0]
    # a Series indexed by region
    ax = ktstats.plot_regional(pd.Series({"Kon Tum": 1.0, "Lâm Đồng": 2.0}), "x", unit="ha")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Lâm Đồng", "Kon Tum"]


def test_regional_of_growth_computed_from_levels():
    # before: UnitError "cannot convert from 'percent' to 'billion dong'"
    idx = pd.period_range("2022", periods=2, freq="Y")
    levels = Panel(
        [[100.0, 200.0], [110.0, 230.0]],
        idx,
        ["kon_tum", "gia_lai"],
        unit="tỷ đồng",
        kind="flow",
        indicator="state_budget_revenue",
    )
    ax = ktstats.plot_regional(levels.yoy(), "state_budget_revenue", "năm 2023")
    assert ax.get_xlabel() == "%"
    assert sorted(round(p.get_width(), 6) for p in ax.patches) == [10.0, 15.0]
    assert "tăng so với cùng kỳ" in ax.get_title()
    assert "15%" in [t.get_text() for t in ax.texts]


def test_regional_names_the_regions_without_a_figure():
    tn = ktstats.load_dataset("tay_nguyen")
    # 9 months of 2023: only Kon Tum and Đắk Nông state the budget revenue
    ax = ktstats.plot_regional(tn, "state_budget_revenue", "9 tháng năm 2023")
    note = ax.get_title().splitlines()[1]
    assert note == "2/5 tỉnh có số liệu; thiếu: Đắk Lắk, Gia Lai, Lâm Đồng"
    ax = ktstats.plot_regional(tn, "state_budget_revenue", "9 tháng năm 2023", lang="en")
    assert ax.get_title().splitlines()[1].startswith("2 of 5 provinces have data; missing: Dak Lak")
    # the regions asked for, as written
    ax = ktstats.plot_regional(tn, "state_budget_revenue", "9 tháng năm 2023", regions=["Kontum", "Gia Lai"])
    assert len(ax.patches) == 1
    assert ax.get_title().splitlines()[1] == "1/2 tỉnh có số liệu; thiếu: Gia Lai"
    # all there: no note
    ax = ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023")
    assert ax.get_title() == "Tốc độ tăng trưởng GRDP — 6 tháng năm 2023"


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        (pd.DataFrame(np.ones((3, 3)), columns=["a", "b", "c"]), {"unit": "%"}, "select one period"),
        (pd.DataFrame({"region": ["Kon Tum"], "value": ["nhiều"]}), {"unit": "%"}, "must be numbers"),
        (pd.DataFrame({"region": ["Kon Tum"], "value": [1.0]}), {}, "pass unit="),
        (
            pd.DataFrame({"region": ["Kon Tum", "Kon Tum"], "value": [1.0, 2.0]}),
            {"unit": "%"},
            "one row per region",
        ),
        ([("Kon Tum", 1.0)], {"unit": "%"}, "needs a Dataset, a Panel, a DataFrame or a Series"),
        (pd.DataFrame({"region": ["Kon Tum"], "value": [1.0]}), {"unit": "quả táo"}, "unit"),
    ],
)
def test_regional_refuses_what_it_cannot_draw_with_a_typed_error(data, kwargs, message):
    with pytest.raises(ktstats.KtstatsError, match=message) as info:
        ktstats.plot_regional(data, "my_indicator", "năm 2023", **kwargs)
    assert not isinstance(info.value, (TypeError, AttributeError))
    assert plt.get_fignums() == []


def _labels_inside(ax):
    renderer = _renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    for label in ax.texts:
        box = label.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, label.get_text()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bar_labels_stay_inside_the_frame(lang):
    # before: "gần 2.500 tỷ đồng" ran past the right edge of the frame
    tn = ktstats.load_dataset("tay_nguyen")
    ax = ktstats.plot_regional(tn, "state_budget_revenue", "9 tháng năm 2023", lang=lang)
    assert any(t.get_text() in ("gần 2.500 tỷ đồng", "nearly 2,500 billion VND") for t in ax.texts)
    _labels_inside(ax)
    # negative bars are labelled on their left, inside the frame too; in a narrow subplot as well
    _fig, (_a, b) = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
    df = pd.DataFrame({"region": ["Kon Tum", "Gia Lai"], "value": [-1234.5, 2345.6]})
    ax = ktstats.plot_regional(df, "x", "năm 2023", unit="tỷ đồng", ax=b, lang=lang)
    _labels_inside(ax)
