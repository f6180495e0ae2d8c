"""The country's state budget revenue through the year (``datasets/vn_budget_revenue.csv``: the Ministry of
Finance's year-to-date shares of the estimate at month-ends, 2017–2025, each quoted from a dated page), the path it
lends a province's year to date, and the real-time backtest of a flow with that path.

The path is bundled but not lent by default: on the development texts' provinces it did no better than the even
pace (``python benchmarks/flow_calls.py --paths``), so the hint offers it with that measurement."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

import ktstats
from ktstats.analysis.projection.profile import reference_profile
from ktstats.errors import DataError
from ktstats.present.cli import main

IND = "state_budget_revenue"


@pytest.fixture(scope="module")
def national():
    return ktstats.load_dataset("vn_budget_revenue")


@pytest.fixture(scope="module")
def kon_tum():
    return ktstats.load_dataset("kon_tum").combine(ktstats.load_dataset("kon_tum_history"))


def test_the_national_shares_are_dated_shares_of_the_estimate(national):
    f = national.to_frame()
    assert len(f) == 61 and set(f["region"]) == {"viet_nam"} and set(f["relative_to"]) == {"budget_estimate"}
    assert f["document_date"].notna().all() and set(f["form"]) == {"ratio", "change"}
    # every year-to-date runs from January; 2023's five months: 47,5 % of the estimate, published 9/6/2023
    assert (f["period_start"].dt.month == 1).all()
    row = f[(f["period_start"].astype(str) == "2023-01") & (f["period_end"].astype(str) == "2023-05")]
    assert float(row["value"].iloc[0]) == 47.5 and str(row["document_date"].iloc[0])[:10] == "2023-06-09"


def test_a_share_stated_as_its_excess_over_the_estimate_ends_a_year(national):
    # "9.79 percent higher than the yearly plan" (10/1/2020) is 2019's end: 109,79 % of the estimate; without it
    # 2019 had no end and no part of the path
    path = reference_profile(national, IND, 2021, as_of="2021-10-15")
    assert path is not None and list(path.parts.index) == [2017, 2019, 2020]
    np.testing.assert_allclose(path.parts.loc[2019, 6], 52.8 / 109.79, rtol=1e-9)
    # 2017's end is its settlement, 6,7 % above the estimate, dated at the end of 2019
    np.testing.assert_allclose(path.parts.loc[2017, 6], 46.5 / 106.7, rtol=1e-9)
    assert (path.parts[12] == 1.0).all() and (np.diff(path.parts.to_numpy(), axis=1) >= 0).all()


def test_no_year_is_used_before_its_end_was_published(national):
    # nothing of 2017 was settled by October 2018, and 2018's year-end estimate was not found
    assert reference_profile(national, IND, 2018, as_of="2018-10-15") is None
    # 2022's end as known in October 2023: the estimate of 3/1/2023 (127,8 %), not the settlement of June 2024
    path = reference_profile(national, IND, 2023, as_of="2023-10-15")
    assert path is not None and 2023 not in path.parts.index
    np.testing.assert_allclose(path.parts.loc[2022, 6], 66.7 / 127.8, rtol=1e-9)
    later = reference_profile(national, IND, 2025, as_of="2025-10-15")
    assert later is not None
    np.testing.assert_allclose(later.parts.loc[2022, 6], 66.7 / 128.8, rtol=1e-9)


def test_the_flow_backtest_borrows_the_path_only_when_asked(kon_tum, national):
    even = kon_tum.backtest(IND, cutoff_month=9).to_frame()
    path = kon_tum.backtest(IND, cutoff_month=9, reference=national).to_frame()
    e = even[(even["method"] == "auto") & (even["year"] == 2021)].iloc[0]
    p = path[(path["method"] == "auto") & (path["year"] == 2021)].iloc[0]
    # 2021 as of 15/10/2021: 2.000 tỷ đồng in nine months, the year's figure 3.500 tỷ
    assert e["chosen"] == "run_rate" and round(e["point"], 1) == 2666.7
    assert p["chosen"] == "seasonal_share" and 2666.7 < p["point"] < 3500.0
    assert "path through the year from the reference" in p["reason"]
    # only the years published by 15/10/2021 (2017, 2019, 2020)
    assert "2017–2020" in p["reason"]


def test_a_reference_for_a_growth_backtest_is_refused(kon_tum):
    with pytest.raises(DataError, match="replays"):
        kon_tum.backtest("grdp_growth", reference="vn_gdp")


def test_the_command_line_backtest_takes_a_reference(capsys):
    assert main(["backtest", "kon-tum", IND, "--reference", "vn-budget-revenue", "--lang", "en"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("2021  auto"))
    assert row.split()[2] == "seasonal_share" and "2,791.73" in row
    assert main(["backtest", "kon-tum", IND, "--lang", "en"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("2021  auto"))
    assert row.split()[2] == "run_rate" and "2,666.67" in row


def test_the_hint_offers_the_path_with_what_it_was_measured_to_do(kon_tum):
    p = kon_tum.project(IND, "3.500 tỷ đồng", year=2021, as_of="2021-10-15")
    assert p.method == "run_rate"
    assert "reference='vn_budget_revenue'" in p.reason and "did no better than the even pace" in p.reason
    # disbursement's path is offered plainly (the report lends it)
    d = kon_tum.project("public_investment_disbursement", "2.434,977 tỷ đồng", year=2025, as_of="2025-05-31")
    assert "reference='vn_disbursement'" in d.reason and "did no better" not in d.reason


def test_a_first_quarter_with_no_whole_past_year_is_a_total_alone(kon_tum, national):
    # Kon Tum's 2024 as known on 22/10/2024: 830 tỷ đồng in the first quarter; its earlier years lack their first
    # quarters, so no past year is whole. Before, reference= was ignored there (the pace of one quarter, silently)
    asked = kon_tum.project(IND, year=2024, as_of="2024-10-22", reference=national)
    assert asked.reason.startswith("no past year of its own; its path through the year from the reference")
    assert "by month 3: 2017 21,7%" in asked.reason and asked.ytd == 830.0
    plain = kon_tum.project(IND, year=2024, as_of="2024-10-22")
    assert plain.method == "run_rate" and "reference='vn_budget_revenue'" in plain.reason
    # the outcome, 4.425 tỷ đồng, is inside both intervals: the country's five smooth years do not make Kon Tum's
    # rest of the year more certain than the prior (±35 % of it at three months, t with 7 df); before, they made the
    # interval 2.608–4.032 tỷ đồng, and the outcome fell outside it
    assert plain.low < 4425 < plain.high and asked.low < 4425 < asked.high
    assert "the prior alone: the past years are borrowed" in asked.reason
    half = (
        0.35 * (asked.point - asked.ytd) * stats.t.ppf(0.9, 7)
    )  # (the prior, ±35 % as the reason rounds it)
    assert asked.high - asked.point == pytest.approx(half, rel=0.01)


def test_backtesting_the_shares_themselves_says_what_is_missing(capsys):
    # the national dataset holds shares of the estimate, not amounts: before, "no year … has its own figure
    # published after its cutoff date", which is not why
    assert main(["backtest", "vn-budget-revenue", IND]) == 2
    assert "has no amounts (form 'level'), only change and ratio" in capsys.readouterr().err


def test_the_country_s_revenue_is_not_named_a_province_s(capsys):
    # "trên địa bàn" is the area: the country's figures are reported under the same name
    from ktstats.catalog.indicators import indicator

    assert [indicator(c).name_en.endswith("collected in the area") for c in (IND, "domestic_revenue")] == [
        True
    ] * 2
    assert main(["report", "vn-budget-revenue", "--lang", "en"]) == 0
    assert "in the province" not in capsys.readouterr().out


def test_the_report_names_the_path_it_does_not_lend(capsys):
    # the report lends vn_gdp and vn_disbursement; Kon Tum's 2024 revenue (one quarter) is told where a path is
    assert main(["report", "kon-tum", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    line = next(
        x for x in out.splitlines() if "2024 (at least 4,500 billion VND)" in x or "2024 (từ 4.500" in x
    )
    assert "reference='vn_budget_revenue'" in line and "did no better than the even pace" in line


@pytest.mark.parametrize("command", ["project", "backtest"])
def test_the_command_line_help_names_the_revenue_path(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "vn-budget-revenue" in "".join(capsys.readouterr().out.split())  # (however argparse wraps it)
