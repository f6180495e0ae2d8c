import pandas as pd
import pytest

from ktstats import DataError, audit, load_dataset
from ktstats.analysis.audit import implied_base, implied_plan
from ktstats.analysis.audit import stated_tolerance
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
    (1326.4, 3781, 35.08),  # giải ngân 1.326,4 tỷ đồng, đạt 35,08% kế hoạch
]


@pytest.mark.parametrize(("value", "base", "stated"), RATIOS)
def test_stated_ratios_reproduce(value, base, stated):
    assert abs(100 * value / base - stated) <= stated_tolerance(stated)


def test_implied_helpers():
    assert implied_plan(1326.4, 35.08) == pytest.approx(3781.07, abs=0.01)
    assert implied_base(830, index_percent=100) == 830
    with pytest.raises(DataError):
        implied_plan(1, 0)
    with pytest.raises(DataError):
        implied_base(1)
    with pytest.raises(DataError):
        implied_base(1, growth_percent=-100)


def test_audit_of_the_seeds(kon_tum):
    table = audit(kon_tum)
    assert {"check", "indicator", "document", "stated", "derived", "consistent", "quote"} <= set(
        table.columns
    )
    assert not (table["consistent"] == False).any()  # noqa: E712 - the seeds agree with each other
    shares = table[table.check == "fraction_share"]
    assert len(shares) == 2 and shares["consistent"].all()
    plan = table[
        (table.check == "implied_plan") & (table.indicator == "public_investment_disbursement")
    ].iloc[0]
    assert round(plan.derived) == 3781
    revenue = table[(table.check == "implied_plan") & (table.indicator == "state_budget_revenue")].iloc[0]
    assert revenue.consistent and "4.500" in revenue.detail  # dự toán ≈ 4.601 meets the NQ target ≥ 4.500
    split = table[table.check == "year_split"].iloc[0]
    assert split.derived == 2400 and "9 tháng năm 2024" in split.detail
    members = table[(table.check == "implied_plan") & (table.period == "10/2020–3/2024")].iloc[0]
    assert members.low <= 5000 <= members.high
    restated = table[table.check == "target_restated"]
    assert len(restated) == 2 and restated["consistent"].all()


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
    assert "fraction_share" in out and "0 inconsistent" in out
    assert len(pd.read_csv(out_csv)) == len(audit(load_dataset("kon_tum")))
    assert main(["report", "kon-tum", "--indicator", "state_budget_revenue"]) == 0
    out = capsys.readouterr().out
    assert "đang thực hiện: 18,4% mục tiêu, còn 3.670 tỷ đồng" in out
    assert "⇒ kế hoạch ≈ 4.600,89 tỷ đồng" in out


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
