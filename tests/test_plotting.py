"""Charts render with Agg on real figures; titles, labels, element counts and refusals are checked."""

from __future__ import annotations

import sys

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

import ktstats
from ktstats import DataError, IndicatorSeries, Panel, PeriodError, UnitError


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.figure.texts] + [t.get_text() for t in ax.texts]


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _save(ax, tmp_path, name):
    out = tmp_path / f"{name}.png"
    ax.figure.savefig(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 5_000


def test_importing_ktstats_does_not_import_matplotlib():
    import subprocess

    code = "import ktstats, sys; print('matplotlib' in sys.modules, 'statsmodels' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_regional_bars_ranked_with_kon_tum_highlighted(tmp_path):
    ax = ktstats.plot_regional(
        ktstats.load_dataset("tay_nguyen"), "grdp_growth", "6 tháng đầu năm 2023", highlight="kon_tum"
    )
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["Kon Tum", "Gia Lai", "Đắk Nông", "Lâm Đồng", "Đắk Lắk"]
    bars = _bars(ax)
    assert len(bars) == 5
    assert sorted(round(b.get_width(), 2) for b in bars) == [5.01, 5.07, 5.23, 5.54, 6.8]
    top = max(bars, key=lambda b: b.get_y())
    assert matplotlib.colors.to_hex(top.get_facecolor()) == "#c0392b"
    assert ax.get_title() == "Tốc độ tăng trưởng GRDP — 6 tháng năm 2023"  # the period asked for, not 2022
    assert "6,8%" in _texts(ax)
    assert any(t.startswith("Nguồn: ") for t in _texts(ax))
    _save(ax, tmp_path, "regional")


def test_regional_in_english_and_from_a_panel():
    p = ktstats.load_dataset("tay_nguyen").panel("grdp_growth", freq="Q", basis="ytd", join="inner")
    ax = ktstats.plot_regional(p, "grdp_growth", "6 tháng đầu năm 2023", lang="en", highlight="gia_lai")
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["Kon Tum", "Gia Lai", "Dak Nong"]
    assert any(t.startswith("Source: ") for t in _texts(ax))
    assert len(_bars(ax)) == 5


def test_regional_refuses_a_period_not_in_the_data():
    with pytest.raises(PeriodError, match="no grdp_growth for"):
        ktstats.plot_regional(ktstats.load_dataset("tay_nguyen"), "grdp_growth", "năm 2019")
    p = ktstats.load_dataset("tay_nguyen").panel("grdp_growth", freq="Q", basis="ytd", join="inner")
    with pytest.raises(PeriodError, match="not a Q/ytd period"):
        ktstats.plot_regional(p, "grdp_growth", "quý II/2022")


def test_regional_refuses_mixed_units_before_drawing():
    idx = pd.period_range("2023", periods=1, freq="Y")
    wrong = Panel(
        [[10.0, 20.0]], idx, ["kon_tum", "gia_lai"], unit="ha", kind="flow", indicator="state_budget_revenue"
    )
    with pytest.raises(UnitError, match="cannot draw state_budget_revenue"):
        ktstats.plot_regional(wrong, "state_budget_revenue", "năm 2023")
    assert plt.get_fignums() == []


def test_regional_draws_levels_only():
    ds = ktstats.load_dataset("tay_nguyen")
    # 9 months of 2023: Đắk Nông states 2.167 tỷ đồng and 59% of the plan; only the levels are drawn
    ax = ktstats.plot_regional(ds, "state_budget_revenue", "9 tháng năm 2023")
    assert sorted(round(b.get_width()) for b in _bars(ax)) == [2167, 2500]


def test_attainment_bullet_chart_on_kon_tum(tmp_path):
    ax = ktstats.plot_attainment(ktstats.load_dataset("kon_tum"))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("Thu ngân sách nhà nước" in t and "quý I/2024" in t for t in labels)
    # one background and one value bar per row
    assert len(_bars(ax)) == 2 * len(labels)
    assert "18,04%" in _texts(ax) and "102,73%" in _texts(ax)
    assert ax.get_title().startswith("Mức độ hoàn thành mục tiêu")
    assert any(line.get_xdata()[0] == 100 for line in ax.lines)
    _save(ax, tmp_path, "attainment")


def test_attainment_from_the_table_only():
    table = ktstats.load_dataset("kon_tum").attainment()
    ax = ktstats.plot_attainment(table, lang="en")
    assert len(ax.get_yticklabels()) == int(table["ratio"].notna().sum())
    with pytest.raises(DataError, match="attainment table"):
        ktstats.plot_attainment(pd.DataFrame({"x": [1]}))


def test_projection_fan(tmp_path):
    ds = ktstats.load_dataset("vn_gdp")
    p = ktstats.analysis.projection.project_indicator(
        ds,
        "gdp_growth",
        "cả năm 2023 từ 6,5% trở lên",
        region="viet_nam",
        as_of="2023-12-01",
        method="run_rate",
    )
    s = ds.series("gdp_growth", "viet_nam", freq="Q", basis="period", as_of="2023-12-01")
    ax = ktstats.plot_projection(s, p)
    assert "khó đạt" in ax.get_title()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "tăng trưởng từng kỳ",
        "tăng trưởng lũy kế",
        "mục tiêu tăng trưởng từ 6,5% trở lên",
        "nhịp độ cần đạt",
        "dự báo",
        "khoảng dự báo 80%",
    ]
    _save(ax, tmp_path, "projection")


def test_projection_refuses_other_units():
    s = IndicatorSeries(
        [300.0] * 9, pd.period_range("2024-01", periods=9, freq="M"), unit="tỷ đồng", kind="flow"
    )
    p = ktstats.project(s, "cả năm 2024 từ 3.600 tỷ đồng trở lên", method="run_rate")
    other = IndicatorSeries(
        [300.0] * 9, pd.period_range("2024-01", periods=9, freq="M"), unit="ha", kind="flow"
    )
    with pytest.raises(UnitError, match="different units"):
        ktstats.plot_projection(other, p)
    quarterly = IndicatorSeries(
        [900.0] * 3, pd.period_range("2024Q1", periods=3, freq="Q"), unit="tỷ đồng", kind="flow"
    )
    with pytest.raises(PeriodError):
        ktstats.plot_projection(quarterly, p)


def test_growth_lines_one_per_region(tmp_path):
    g = ktstats.load_dataset("vn_gdp").series("gdp_growth", "viet_nam", freq="Y")
    ax = ktstats.plot_growth(g, lang="en")
    assert len(ax.lines) == 2  # the series and the zero line
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["2011", "2013", "2015", "2017", "2019", "2021", "2023"]
    # GSO's revised 2011-2021 growth (afamily 2022-12-29), then 2022 8,02%, 2023 5,05%, 2024 7,09%
    assert ax.lines[0].get_ydata().tolist() == [
        6.41,
        5.50,
        5.55,
        6.42,
        6.99,
        6.69,
        6.94,
        7.47,
        7.36,
        2.87,
        2.56,
        8.02,
        5.05,
        7.09,
    ]
    idx = pd.period_range("2023Q1", periods=8, freq="Q")
    panel = Panel(
        [[100.0 + i, 200.0 + 2 * i] for i in range(8)],
        idx,
        ["kon_tum", "gia_lai"],
        unit="tỷ đồng",
        kind="flow",
        indicator="state_budget_revenue",
    )
    ax2 = ktstats.plot_growth(panel)
    assert len(ax2.lines) == 3
    assert [t.get_text() for t in ax2.get_legend().get_texts()] == ["Kon Tum", "Gia Lai"]
    _save(ax2, tmp_path, "growth")


def test_growth_refuses_rates():
    idx = pd.period_range("2023", periods=2, freq="Y")
    p = Panel([[1.0, 2.0], [1.5, 2.5]], idx, ["kon_tum", "gia_lai"], unit="percent", kind="rate")
    with pytest.raises(UnitError, match="pp_change"):
        ktstats.plot_growth(p)


def test_axes_passed_in_is_used():
    _fig, (a, b) = plt.subplots(1, 2)
    out = ktstats.plot_regional(
        ktstats.load_dataset("tay_nguyen"), "grdp_growth", "6 tháng đầu năm 2023", ax=b
    )
    assert out is b and not a.patches


def test_regional_prefers_actuals_and_marks_estimates():
    tn = ktstats.load_dataset("tay_nguyen")
    # first half of 2023: Gia Lai has both an actual (Pháp luật Plus) and an estimate (Báo Gia Lai) of 5,54%
    ax = ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023")
    assert len(_bars(ax)) == 5
    assert "5,54%" in _texts(ax) and "5,54% (ước)" not in _texts(ax)
    # the whole of 2023: only Gia Lai's estimate (Đắk Nông's 7,5% is a plan, not drawn)
    ax = ktstats.plot_regional(tn, "grdp_growth", "năm 2023", lang="en")
    assert [round(b.get_width(), 2) for b in _bars(ax)] == [3.02]
    assert "3.02% (est.)" in _texts(ax)
    with pytest.raises(PeriodError):
        ktstats.plot_regional(tn, "grdp_growth", "năm 2023", measure="actual")


def test_regional_highlight_by_name():
    tn = ktstats.load_dataset("tay_nguyen")
    ax = ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023", highlight="Đắk Lắk")
    red = [b for b in _bars(ax) if matplotlib.colors.to_hex(b.get_facecolor()) == "#c0392b"]
    assert [round(b.get_width(), 2) for b in red] == [5.01]
    with pytest.raises(DataError, match="did you mean"):
        ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023", highlight="Dak Lakk")
    assert len(plt.get_fignums()) == 1  # only the first chart; the failed call drew nothing


def test_charts_leave_the_users_matplotlib_settings_alone():
    import matplotlib

    with matplotlib.rc_context({"font.family": "serif", "font.size": 13.0}):
        ax = ktstats.plot_regional(ktstats.load_dataset("tay_nguyen"), "grdp_growth", "6 tháng đầu năm 2023")
        # the chart's text uses the library's font (every Vietnamese glyph) ...
        assert ax.get_title(loc="left") or ax.get_title()
        title = ax.title if ax.get_title() else ax._left_title
        assert title.get_fontfamily() == ["DejaVu Sans"]
        # ... and the user's settings are as they were
        assert matplotlib.rcParams["font.family"] == ["serif"]
        assert matplotlib.rcParams["font.size"] == 13.0
    plt.close("all")
