import pandas as pd
import pytest

from ktstats import DataError, audit, load_dataset
from ktstats.analysis.audit import implied_base, implied_plan, stated_tolerance
from ktstats.present.cli import main

# Every stated ratio of the seeds reproduces within its rounding from a round plan or the stated fraction.
RATIOS = [
    # value, base, stated percent
    (3877, 5000, 77.54),  # đảng viên kết nạp từ đầu nhiệm kỳ, 77,54% chỉ tiêu Đại hội
    (178, 900, 19.78),  # 178 đảng viên, 19,78% kế hoạch năm 2024
    (699, 756, 92.46),  # 699/756, chiếm 92,46%
    (402, 756, 53.17),  # 402/756, chiếm 53,17%
    (100 * 699 / 756, 94, 98.36),  # 92,46% = 98,36% of a 94% plan
    (100 * 699 / 756, 90, 102.73),  # and 102,73% of a 90% congress target
    (100 * 402 / 756, 57, 93.29),  # 53,17% = 93,29% of a 57% plan
    (100 * 402 / 756, 67.5, 78.8),  # and 78,8% of a 67,5% congress target
    # (giải ngân 1.326,4 tỷ đồng, đạt 35,08% kế hoạch has no round plan: its implied plan 3.781,07
    # is checked in test_implied_helpers, not here against itself)
]


@pytest.mark.parametrize(("value", "base", "stated"), RATIOS)
def test_stated_ratios_reproduce(value, base, stated):
    assert abs(100 * value / base - stated) <= stated_tolerance(stated)


def test_implied_helpers():
    assert implied_plan(1326.4, 35.08) == pytest.approx(3781.07, abs=0.01)
    assert implied_plan(3877, 77.54) == pytest.approx(5000, abs=1e-9)  # 3.877 đảng viên = 77,54%
    assert implied_plan(830, 18.04) == pytest.approx(4600.89, abs=0.01)  # 830 tỷ = 18,04% dự toán
    assert implied_base(5712, growth_percent=11.8) == pytest.approx(5109.12, abs=0.01)  # tăng 11,8%
    assert implied_base(3207, index_percent=111.7) == pytest.approx(2871.08, abs=0.01)  # bằng 111,7%
    assert implied_base(830, index_percent=100) == 830
    # half a unit of the last digit written; ±1% for "khoảng"
    assert (stated_tolerance(35.08), stated_tolerance(78.8), stated_tolerance(19.0)) == (0.005, 0.05, 0.5)
    assert stated_tolerance(830, "approx") == pytest.approx(8.3)
    with pytest.raises(DataError):
        implied_plan(1, 0)
    with pytest.raises(DataError):
        implied_base(1)
    with pytest.raises(DataError):
        implied_base(1, growth_percent=-100)


# every check of the seeds: what it derives (worked by hand from the quotes) and whether another
# stated figure confirms it (None: nothing in the dataset states it)
SEED_AUDIT = [
    ("implied_plan", "public_investment_disbursement", "9 tháng năm 2023", 3781.07, None),  # 1326,4/0,3508
    ("implied_plan", "total_investment", "quý I/2024", 30063.16, None),  # 5712/0,19
    ("implied_base", "total_investment", "quý I/2024", 5109.12, None),  # 5712/1,118
    # 830/0,1804: the estimate of Dec 2023, not the "từ 4.500 tỷ trở lên" Resolution 26 set in Oct 2024
    ("implied_plan", "state_budget_revenue", "quý I/2024", 4600.89, None),
    ("implied_base", "state_budget_revenue", "quý I/2024", 830.0, None),  # bằng 100%
    ("implied_plan", "local_budget_spending", "quý I/2024", 11921.93, None),  # 3207/0,269
    ("implied_base", "local_budget_spending", "quý I/2024", 2871.08, None),  # 3207/1,117
    ("implied_plan", "party_members_admitted", "quý I/2024", 899.9, None),  # 178/0,1978
    ("implied_plan", "party_members_admitted", "10/2020–3/2024", 5000.0, None),  # 3877/0,7754
    ("fraction_share", "village_heads_party_members_share", "tháng 3/2024", 92.46, True),  # 699/756
    ("implied_plan", "village_heads_party_members_share", "tháng 3/2024", 94.0, None),  # 92,46/0,9836
    ("implied_plan", "village_heads_party_members_share", "tháng 3/2024", 90.0, None),  # 92,46/1,0273
    ("fraction_share", "party_secretaries_village_heads_share", "tháng 3/2024", 53.17, True),  # 402/756
    ("implied_plan", "party_secretaries_village_heads_share", "tháng 3/2024", 56.99, None),  # 53,17/0,9329
    ("implied_plan", "party_secretaries_village_heads_share", "tháng 3/2024", 67.47, None),  # 53,17/0,788
    ("target_restated", "grdp_growth", "năm 2025", 8.0, True),  # the national "8% trở lên", twice (viet_nam)
    ("year_split", "state_budget_revenue", "năm 2024", 2400.0, None),  # 4.500 − 2.100
]


def test_audit_of_the_seeds(kon_tum):
    table = audit(kon_tum)
    assert {"check", "indicator", "document", "stated", "derived", "consistent", "quote"} <= set(
        table.columns
    )
    got = [
        (r.check, r.indicator, r.period, round(r.derived, 2), None if pd.isna(r.consistent) else r.consistent)
        for r in table.itertuples()
    ]
    assert got == SEED_AUDIT
    assert not (table["consistent"] == False).any()  # noqa: E712 - the seeds agree with each other
    shares = table[table.check == "fraction_share"]
    assert len(shares) == 2 and shares["consistent"].all()
    plan = table[
        (table.check == "implied_plan") & (table.indicator == "public_investment_disbursement")
    ].iloc[0]
    assert plan.derived == pytest.approx(3781.07, abs=0.01)
    revenue = table[(table.check == "implied_plan") & (table.indicator == "state_budget_revenue")].iloc[0]
    # dự toán ≈ 4.601, of December 2023: the resolution's target ≥ 4.500 (October 2024) is named, not checked
    assert pd.isna(revenue.consistent) and "4.500 tỷ đồng trở lên was stated later" in revenue.detail
    split = table[table.check == "year_split"].iloc[0]
    assert split.derived == 2400 and "9 tháng năm 2024" in split.detail
    members = table[(table.check == "implied_plan") & (table.period == "10/2020–3/2024")].iloc[0]
    assert members.derived == pytest.approx(5000) and members.low <= 5000 <= members.high
    restated = table[table.check == "target_restated"]
    assert len(restated) == 1 and restated["consistent"].all()


def test_audit_catches_an_inconsistent_share(tmp_path):
    frame = load_dataset("kon_tum").to_frame()
    frame = frame[frame.indicator.str.startswith("village_heads")].copy()
    frame.loc[frame.indicator == "village_heads_party_members_share", "value"] = frame.loc[
        frame.indicator == "village_heads_party_members_share", "value"
    ].where(frame.loc[frame.indicator == "village_heads_party_members_share", "form"] != "level", 92.64)
    typo = (frame.indicator == "village_heads_party_members_share") & (frame.form == "level")
    frame.loc[typo, ["low", "high"]] = 92.64
    frame["period_start"] = frame["period_start"].astype(str)
    frame["period_end"] = frame["period_end"].astype(str)
    frame["denominator"] = frame["denominator"].astype("float64")
    path = tmp_path / "typo.csv"
    frame.drop(columns=["document_date"]).to_csv(path, index=False)
    table = audit(load_dataset(str(path)))
    row = table[table.check == "fraction_share"].iloc[0]
    assert row.consistent == False  # noqa: E712
    assert "92,64" in row.detail


def test_cli_audit_and_report(capsys, tmp_path):
    out_csv = tmp_path / "audit.csv"
    assert main(["audit", "kon-tum", "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "fraction_share" in out and "2 không khớp (✗)" in out  # Vietnamese by default (issue 15)
    written = pd.read_csv(out_csv)
    assert len(written) == 96  # (the province's history beside its seeds, as the report reads them)
    written = written[written["document"].isin(set(load_dataset("kon_tum").to_frame()["document"]))]
    # (one check spans both: the seeds' 2024 growth target, "8,2%", revises July 2024's "từ 10% trở lên")
    assert (
        "revised from từ 10% trở lên" in written.loc[written["check"] == "target_revised", "detail"].iloc[0]
    )
    written = written[written["check"] != "target_revised"]
    assert len(written) == 17 and written["check"].value_counts().to_dict() == {
        "implied_plan": 10,
        "implied_base": 3,
        "fraction_share": 2,
        "target_restated": 1,
        "year_split": 1,
    }
    assert written["derived"].round(2).tolist() == [row[3] for row in SEED_AUDIT]
    assert main(["report", "kon-tum", "--indicator", "state_budget_revenue"]) == 0
    out = capsys.readouterr().out
    # with the province's history beside the seeds, the year's December estimate is judged (issue 14)
    assert "không đạt: 98,3% mục tiêu, còn 75 tỷ đồng" in out
    assert "⇒ kế hoạch ≈ 4.600,9 tỷ đồng" in out  # rounded to one decimal more than the share (issue 15)


def test_national_gdp_history_loads_with_its_revisions():
    ds = load_dataset("vn_gdp")
    q = ds.series("gdp_growth", "viet_nam", freq="Q", basis="period")
    assert str(q.index[0]) == "2011Q1" and str(q.index[-1]) == "2024Q4"
    # the GSO re-estimated 2011-2021 in 2022: as of 2021 the 2019 growth was 7,02%, later 7,36%
    before = ds.series("gdp_growth", "viet_nam", freq="Y", as_of="2021-12-31").to_pandas()
    after = ds.series("gdp_growth", "viet_nam", freq="Y").to_pandas()
    assert before[pd.Period("2019", freq="Y")] == 7.02 and after[pd.Period("2019", freq="Y")] == 7.36


def test_audit_finds_the_misprinted_quarter():
    # Tiền Phong printed 5,51% for Q1/2017; every other source says 5,15%
    table = audit(load_dataset("vn_gdp"))
    bad = table[table["consistent"] == False]  # noqa: E712
    assert bad["stated"].tolist() == ["5,51%"]
    revised = table[table.check == "figure_revised"]
    assert len(revised) >= 20 and revised["consistent"].isna().all()


def test_audit_works_in_the_catalogs_unit_whatever_unit_a_figure_is_written_in():
    # Cục Thống kê Kon Tum wrote "366.945 triệu đồng, đạt 16,7% dự toán" (2 tháng 2018) and "1.172.000 triệu đồng"
    # (6 tháng 2018) where the party's report wrote "1.172 tỷ đồng": the plan a share implies, the base a growth
    # implies and a figure stated twice had been computed from the amount in triệu đồng and labelled tỷ đồng
    # ("⇒ kế hoạch ≈ 2.197.275 tỷ đồng"; "revised … by −1.170.828 tỷ đồng")
    t = audit(load_dataset("kon_tum_history"))
    budget = t[t["indicator"] == "state_budget_revenue"]
    plan = budget[(budget["check"] == "implied_plan") & (budget["period"] == "2 tháng năm 2018")].iloc[0]
    assert plan["unit"] == "billion dong" and plan["derived"] == pytest.approx(366.945 / 0.167, rel=1e-9)
    assert 2190 < plan["low"] < plan["derived"] < plan["high"] < 2205
    base = budget[(budget["check"] == "implied_base") & (budget["period"] == "6 tháng năm 2018")]
    assert all(1000 < v < 10_000 for v in base["derived"])  # (tỷ đồng, not millions of them)
    twice = budget[(budget["period"] == "6 tháng năm 2018") & (budget["stated"] == "1.172 tỷ đồng")]
    assert list(twice["check"]) == ["figure_restated"] and bool(twice["consistent"].iloc[0])
    assert "also stated in kon_tum_2018-07-05_thongke6t" in twice["detail"].iloc[0]
    assert not budget["detail"].str.contains("1.170.828").any()
    # "1.426.000 triệu đồng" (statistics office), then "khoảng 1.426 tỷ đồng" (a newspaper): the same value, reworded
    reworded = budget[(budget["check"] == "figure_revised") & (budget["period"] == "6 tháng năm 2019")]
    assert "in its wording only" in reworded["detail"].iloc[0]


def test_a_multiple_is_a_ratio_in_times():
    # "khoảng 982.000 lượt khách …, tăng gấp 4,8 lần so với cùng kỳ năm trước" (10 tháng 2022): last year's ten
    # months were about 204.583 visits; the multiple had been read as 4,8 % (an implied base of 20,5 million)
    ds = load_dataset("kon_tum_history")
    times = next(o for o in ds if o.indicator == "tourist_visits" and o.form == "ratio" and o.unit == "times")
    assert times.describe() == "gấp 4,8 lần cùng kỳ năm trước"
    assert times.describe("en") == "4.8 times the same period last year"
    t = audit(ds)
    base = t[(t["indicator"] == "tourist_visits") & (t["check"] == "implied_base")].iloc[0]
    assert base["derived"] == pytest.approx(982_000 / 4.8)
    assert base["low"] < 982_000 / 4.8 < base["high"] < 210_000


def test_a_share_of_the_central_estimate_is_not_checked_against_the_provinces_goal():
    # "thu ngân sách … ước đạt 3.500 tỷ đồng, đạt 131,8% dự toán Trung ương giao, 100% dự toán địa phương giao" (2021):
    # the central estimate it implies (about 2.655 tỷ) had been flagged as missing the province's goal of 3.500
    t = audit(load_dataset("kon_tum_history"))
    central = t[
        (t["check"] == "implied_plan") & t["stated"].str.contains("Trung ương") & (t["period"] == "năm 2021")
    ]
    assert len(central) == 1 and pd.isna(central["consistent"].iloc[0])
    local = t[
        (t["check"] == "implied_plan")
        & t["stated"].str.contains("100% dự toán địa phương")
        & (t["period"] == "năm 2021")
    ]
    assert bool(local["consistent"].iloc[0])  # the local one is the province's 3.500, and meets it


def test_a_share_fits_one_of_several_plans_and_two_plans_are_no_contradiction():
    # Kon Tum 2025 (Thời báo Tài chính, 05/2025): "Kế hoạch … Trung ương giao … là 2.434,977 tỷ đồng" and "tỉnh Kon
    # Tum đã giao Kế hoạch … là 3.956,954 tỷ đồng"; "giải ngân … khoảng 433,579 tỷ đồng, đạt khoảng 18% so với kế
    # hoạch vốn trung ương giao". The share fits the central plan; it had been ✗ for missing the province's, and
    # the two plans "contradicted each other"
    t = audit(load_dataset("kon_tum_history"))
    disb = t[(t["indicator"] == "public_investment_disbursement") & (t["period"].str.endswith("2025"))]
    shares = disb[disb["check"] == "implied_plan"]
    assert len(shares) == 2 and shares["consistent"].all()
    assert all(
        "meets the plan 2.434,977" in d and "does not meet the plan 3.956,954" in d for d in shares["detail"]
    )
    plans = disb[disb["check"] == "target_restated"]
    assert len(plans) == 1 and pd.isna(plans["consistent"].iloc[0]) and "two plans" in plans["detail"].iloc[0]


def test_a_growth_rate_revises_an_estimate_of_last_year_and_agrees_with_a_final_figure(tmp_path):
    # "6 tháng đầu năm 2019 … thu ngân sách … tăng 14,7% so với cùng kỳ" implies 1.243,2 tỷ for the first half of
    # 2018, which had been estimated at 1.172 tỷ in July 2018: an estimate revised once final, not a contradiction
    t = audit(load_dataset("kon_tum_history"))
    base = t[
        (t["check"] == "implied_base")
        & (t["indicator"] == "state_budget_revenue")
        & (t["period"] == "6 tháng năm 2019")
    ]
    assert len(base) == 2 and base["consistent"].isna().all()
    assert all(
        "1.243,2 tỷ đồng for 6 tháng năm 2018, +6,1% from the estimate 1.172" in d for d in base["detail"]
    )
    # a final figure of that half, published later, is what the growth is checked against (not the estimate)
    frame = load_dataset("kon_tum_history").to_frame()
    half = frame[
        (frame["indicator"] == "state_budget_revenue") & (frame["period_start"] == pd.Period("2019-01"))
    ]
    half = half[half["period_end"] == pd.Period("2019-06")]
    est = frame[
        (frame["indicator"] == "state_budget_revenue")
        & (frame["period_start"] == pd.Period("2018-01"))
        & (frame["period_end"] == pd.Period("2018-06"))
    ]
    final = est.iloc[[0]].assign(measure="actual", value=1243.0, low=1243.0, high=1243.0, unit="billion dong")
    final["document"] = half["document"].iloc[0]  # (stated beside the growth, a year later)
    table = pd.concat(
        [final, est, half]
    )  # (the final first: it is chosen for being final, not for its place)
    for c in ("period_start", "period_end"):
        table[c] = table[c].astype(str)
    path = tmp_path / "final.csv"
    table.drop(columns=["document_date"]).to_csv(path, index=False)
    got = audit(load_dataset(str(path)))
    checked = got[(got["check"] == "implied_base") & (got["period"] == "6 tháng năm 2019")]
    assert len(checked) == 2 and checked["consistent"].all()
    assert all("agrees with 1.243 tỷ đồng" in d for d in checked["detail"])


def test_a_share_is_not_checked_against_a_plan_stated_after_it(capsys):
    # "6 tháng đầu năm 2024 … 1,4 triệu lượt khách, đạt 85% kế hoạch" (July 2024) implies a plan of about 1,65
    # million; the 2,1 million of Resolution 26 was set on 22/10/2024 — not the plan that share is of, so no ✗
    # (nor the ✓ Q1 2024's "18,04% dự toán" had for meeting October's "từ 4.500 tỷ đồng trở lên")
    assert main(["audit", "kon-tum", "--lang", "en", "--csv", "/dev/null"]) == 0
    t = audit(load_dataset("kon_tum").combine(load_dataset("kon_tum_history")))
    later = t[t["detail"].str.contains("stated later")]
    assert set(zip(later["indicator"], later["period"], strict=True)) == {
        ("tourist_visits", "6 tháng năm 2024"),
        ("state_budget_revenue", "quý I/2024"),
    }
    assert later["consistent"].isna().all()
    assert all(
        "22/10/2024" in d and d.endswith("no plan for this period stated by then is in the dataset")
        for d in later["detail"]
    )
    # `ktstats audit kon-tum` reads the province's history beside the seeds, as `report` does
    out = capsys.readouterr().out
    assert out.rstrip().endswith(
        "96 checks: 14 consistent (✓), 2 inconsistent (✗), 80 with nothing to compare (·)"
    )
