"""The real-time backtest of a flow (`ktstats backtest kon-tum state_budget_revenue`): each past year projected
as of its cutoff date from what was published by then, scored against the year's figure as first published."""

from __future__ import annotations

import pytest

from ktstats import extract, load_dataset
from ktstats.errors import DataError
from ktstats.present.cli import main


@pytest.fixture(scope="module")
def kon_tum():
    return load_dataset("kon_tum").combine(load_dataset("kon_tum_history"))


def test_each_year_sees_only_what_was_out_by_its_cutoff(kon_tum) -> None:
    """Before, the command raised "cannot convert year-to-date to periods" on Kon Tum's real figures: the
    latest vintage's series, cut at a month, mixed the reports' irregular years to date."""
    bt = kon_tum.backtest("state_budget_revenue")
    auto = bt.to_frame().set_index(["year", "method"]).xs("auto", level="method")
    assert list(auto.index) == [2018, 2020, 2021, 2022, 2024]
    # 2022 as of 15/10/2022: the eight months' estimate (30/09) is out, the nine months (31/10) is not
    assert auto.loc[2022, "quarters"] == 8 and auto.loc[2022, "point"] == pytest.approx(2740 / 8 * 12)
    # 2024: only the first quarter (830 tỷ đồng, 20/04/2024); the year came out at 4.425 tỷ đồng
    assert auto.loc[2024, "quarters"] == 3 and auto.loc[2024, "actual_first"] == 4425.0
    # 2021: the one year whose target (3.500 tỷ đồng) was out by then, and an even pace missed it
    assert auto.loc[2021, "target"] == "3.500 tỷ đồng" and auto.loc[2021, "call_right"] == False  # noqa: E712
    assert auto["target"].tolist().count("") == 4 and auto["probability"].isna().sum() == 4
    s = bt.summary().set_index("method").loc["auto"]
    assert s["years"] == 5 and s["bias_first"] < 0  # (Kon Tum collects more late in the year)


def test_the_command_line_prints_it(capsys) -> None:
    assert main(["backtest", "kon-tum", "state_budget_revenue"]) == 0
    out = capsys.readouterr().out
    assert "số tháng" in out and "kiểm định dự báo theo thời gian thực sau 9 tháng" in out


def test_undated_figures_cannot_be_replayed() -> None:
    ds = extract(
        "Tỉnh Gia Lai: 9 tháng đầu năm 2024, thu ngân sách nhà nước đạt 2.000 tỷ đồng. "
        "Năm 2024, thu ngân sách nhà nước ước đạt 3.000 tỷ đồng.",
        document="undated.txt",
    )
    with pytest.raises(DataError, match="an undated document cannot be placed in time"):
        ds.backtest("state_budget_revenue")


def test_a_growth_rate_with_no_year_of_its_own_is_refused_not_crashed() -> None:
    """A Bắc Ninh-like monthly page gives the industrial production index for months, never a year: the growth
    backtest crashed with KeyError('point') on its empty table (339 such calls in a sweep of the development
    texts)."""
    ds = extract(
        "Tỉnh Bắc Ninh: chỉ số sản xuất công nghiệp (IIP) 9 tháng năm 2024 ước tăng 3,5% so với cùng kỳ năm trước.",
        document="iip.txt",
        date="2024-10-05",
    )
    with pytest.raises(DataError, match="nothing to replay"):
        ds.backtest("iip_growth")
