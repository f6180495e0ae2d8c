"""A flow known only by its year to date, projected along the country's path through the year
(``datasets/vn_disbursement.csv``: shares of the Prime Minister's plan disbursed by month-ends, each quoted from
a dated page). Before, Kon Tum's 2025 disbursement (433,6 tỷ đồng in four months) was extended at its
four-month pace: 1.300,7 tỷ đồng, P = 2,8 % of reaching the 2.434,977 tỷ đồng plan, though a year's plan is
mostly disbursed in its last months."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ktstats
from ktstats.analysis.projection import project_indicator
from ktstats.analysis.projection.profile import reference_profile
from ktstats.errors import DataError

IND = "public_investment_disbursement"
PLAN = "2.434,977 tỷ đồng"  # the 2025 plan the Prime Minister assigned Kon Tum


@pytest.fixture(scope="module")
def national():
    return ktstats.load_dataset("vn_disbursement")


@pytest.fixture(scope="module")
def kon_tum():
    return ktstats.load_dataset("kon_tum").combine(ktstats.load_dataset("kon_tum_history"))


def test_the_national_shares_are_dated_ratios_of_the_plan(national):
    f = national.to_frame()
    assert len(f) == 16 and set(f["region"]) == {"viet_nam"} and set(f["form"]) == {"ratio"}
    assert f["document_date"].notna().all()
    # the 2023 plan: 93,12 % of it by 31/1/2024, published on 1/2/2024
    row = f[(f["period_start"].astype(str) == "2023-01") & (f["period_end"].astype(str) == "2024-01")]
    assert float(row["value"].iloc[0]) == 93.12 and str(row["document_date"].iloc[0])[:10] == "2024-02-01"


def test_the_path_divides_each_month_end_by_the_share_at_the_end_of_the_plan_period(national):
    path = reference_profile(national, IND, 2025, as_of="2025-05-31")
    assert path is not None and list(path.parts.index) == [2020, 2022, 2023, 2024]
    at4 = path.parts[4].to_numpy()
    # 2020 interpolated between 0 and 33,1 % at June; 2022 18,48 %, 2023 14,6 %, 2024 15,65 % — each over its
    # share at 31 January after (96,13 %, 92,97 %, 93,12 %, 93,06 %)
    np.testing.assert_allclose(
        at4, [33.1 * 4 / 6 / 96.13, 18.48 / 92.97, 14.6 / 93.12, 15.65 / 93.06], rtol=1e-9
    )
    assert (path.parts[12] == 1.0).all() and (np.diff(path.parts.to_numpy(), axis=1) >= 0).all()
    # December of 2020 (82,8 %) is a month-end published before its January
    assert path.parts.loc[2020, 12] == 1.0 and path.known[2020] == [6, 12, 13]


def test_no_year_is_used_before_its_end_was_published(national):
    # 93,12 % for the 2023 plan was published on 1/2/2024: not known on 31/1/2024
    assert list(reference_profile(national, IND, 2024, as_of="2024-01-31").parts.index) == [2020, 2022]
    assert list(reference_profile(national, IND, 2024, as_of="2024-02-01").parts.index) == [2020, 2022, 2023]
    # the 2022 plan's end (92,97 %) came out on 8/2/2023: before it, one year only, and no path
    assert reference_profile(national, IND, 2023, as_of="2023-02-07") is None
    # and a year is never its own reference
    assert 2024 not in reference_profile(national, IND, 2024, as_of="2025-12-31").parts.index


def test_kon_tum_2025_disbursement_along_the_national_path(kon_tum):
    before = project_indicator(kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31")
    assert before.method == "run_rate" and round(before.point, 1) == 1300.7 and before.probability < 0.05
    p = project_indicator(
        kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31", reference="vn_disbursement"
    )
    ytd = 433.579
    assert p.ytd == pytest.approx(ytd)
    # between the year-to-date over the largest and over the smallest part done by April in 2020–2024
    assert ytd / (33.1 * 4 / 6 / 96.13) <= p.point <= ytd / (14.6 / 93.12)
    assert p.status == "at_risk" and 0.2 < p.probability < 0.8
    assert "by month 4: 2020 23%, 2022 19,9%, 2023 15,7%, 2024 16,8%" in p.reason
    share = project_indicator(
        kon_tum,
        IND,
        PLAN,
        region="kon_tum",
        year=2025,
        as_of="2025-05-31",
        reference="vn_disbursement",
        method="seasonal_share",
    )
    parts = [33.1 * 4 / 6 / 96.13, 18.48 / 92.97, 14.6 / 93.12, 15.65 / 93.06]
    assert share.point == pytest.approx(ytd / np.mean(parts))


def test_the_report_lends_the_national_path(capsys):
    from ktstats.present.cli import main

    assert main(["report", "kon-tum"]) == 0
    line = next(
        x for x in capsys.readouterr().out.splitlines() if "Giải ngân vốn đầu tư công: 2.434,977" in x
    )
    # was "2.434,977 … 1.300,7 tỷ đồng … 2,8% khó đạt"
    assert "có nguy cơ không đạt" in line and "khó đạt" not in line and "1.300,7" not in line


def test_a_path_is_needed_for_the_methods_that_read_one(kon_tum):
    with pytest.raises(DataError, match="reference="):
        project_indicator(
            kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31", method="seasonal_share"
        )
    with pytest.raises(DataError, match="reference= takes"):
        project_indicator(
            kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31", reference=("vn_gdp", 5)
        )
    # a reference without a growth series lends no growth: said so, not a crash
    p = project_indicator(
        kon_tum,
        "grdp_growth",
        "tăng trưởng từ 8,2% trở lên",
        region="kon_tum",
        year=2024,
        as_of="2024-07-31",
        reference="vn_disbursement",
    )
    assert p.status == "insufficient_data" and "reference series" in p.reason


@settings(max_examples=50, deadline=None)
@given(scale=st.floats(min_value=1e-3, max_value=1e9, allow_nan=False), year=st.integers(2021, 2030))
def test_a_borrowed_history_keeps_each_years_total_and_never_runs_backwards(national, scale, year):
    path = reference_profile(national, IND, 2025, as_of="2025-05-31")
    h = path.history(year, scale)
    by_year = h.groupby(h.index.year).sum()
    assert (by_year.index < year).all()
    np.testing.assert_allclose(by_year.to_numpy(), scale, rtol=1e-9)
    assert (h.to_numpy() >= 0).all()


def test_without_a_reference_the_even_pace_names_the_path_it_could_borrow(kon_tum):
    # a new user's `ktstats project … public_investment_disbursement` with no --reference extends Kon Tum's four
    # months evenly (1.300,7 tỷ đồng, "khó đạt"); the reason now says which bundled path would shape the year
    p = project_indicator(kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31")
    assert p.method == "run_rate" and "reference='vn_disbursement'" in p.reason
    assert "--reference vn-disbursement" in p.reason
    with_path = project_indicator(
        kon_tum, IND, PLAN, region="kon_tum", year=2025, as_of="2025-05-31", reference="vn_disbursement"
    )
    assert "reference='vn_disbursement'" not in with_path.reason
