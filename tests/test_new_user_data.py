"""Issue 15, "Semantics (expert review)": the data items (estimates, references, number style, spans)."""

import pandas as pd
import pytest

import ktstats
from ktstats import DataError, extract
from ktstats.analysis.audit import audit
from ktstats.catalog.bundled import bundled_dataset
from ktstats.catalog.documents import documents_table
from ktstats.data.dataset import Dataset
from ktstats.data.schema import PLAN_LIKE, RELATIVE_TO, TARGET_LIKE, is_plan_like, is_target_like
from ktstats.data.tables import read_dataset_table


def _rows(name, **where):
    f = ktstats.load_dataset(name).to_frame()
    for col, v in where.items():
        f = f[f[col] == v]
    return f


# 1. "ước đạt 7,12%": an estimate, and exact; "ước khoảng" stays approximate
@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Tốc độ tăng trưởng GRDP ước đạt 7,12%.", 7.12, "exact"),
        ("Tổng vốn đầu tư toàn xã hội ước 5.712 tỷ đồng.", 5712.0, "exact"),
        ("Tổng vốn đầu tư phát triển toàn xã hội ước khoảng 5.712 tỷ đồng.", 5712.0, "approx"),
        ("Tổng vốn đầu tư toàn xã hội ước đạt hơn 39.883 tỷ đồng.", 39883.0, "over"),
    ],
)
def test_uoc_is_the_measure_not_the_qualifier(text, value, qualifier):
    rows = extract(text, year=2024, region="Kon Tum").to_frame()
    assert rows[["value", "qualifier", "measure"]].values.tolist() == [[value, qualifier, "estimate"]]


def test_khoang_alone_is_still_approximate_and_actual():
    rows = extract("Thu ngân sách nhà nước khoảng 830 tỷ đồng.", year=2024, region="Kon Tum").to_frame()
    assert rows[["qualifier", "measure"]].values.tolist() == [["approx", "actual"]]


# 2. the 8% of Conclusion 123 is the country's 2025 target, not Kon Tum's
def test_conclusion_123_target_is_filed_under_the_country():
    f = _rows("kon_tum", indicator="grdp_growth", measure="target")
    f = f[f["period_start"].astype(str) == "2025-01"]
    national = f[f["quote"].str.contains("Kết luận")]
    assert len(national) == 2 and set(national["region"]) == {"viet_nam"}
    assert set(national["value"]) == {8.0} and set(national["qualifier"]) == {"at_least"}
    assert (
        national["note"].str.contains("national").all()
        and national["note"].str.contains("khoảng trên 10%").all()
    )
    own = f[f["region"] == "kon_tum"]
    assert own[["value", "qualifier"]].values.tolist() == [[10.0, "over"]]


def test_audit_no_longer_calls_two_targets_restated():
    table = audit(ktstats.load_dataset("kon_tum"))
    restated = table[(table.check == "target_restated") & (table.indicator == "grdp_growth")]
    assert len(restated) == 1 and restated["consistent"].all()
    assert "stated differently" not in restated["detail"].iloc[0]
    assert restated["derived"].tolist() == [8.0]


# 3. kế hoạch, dự toán, nhiệm vụ chi and a resolution's target are different references
def test_reference_vocabulary_keeps_what_the_text_says():
    assert {"plan", "budget_estimate", "spending_task", "congress_target", "resolution_target"} <= set(
        RELATIVE_TO
    )
    assert {
        "plan",
        "plan_central",
        "plan_local",
        "budget_estimate",
        "budget_estimate_local",
        "budget_estimate_central",
        "spending_task",
    } == PLAN_LIKE
    assert PLAN_LIKE | {"congress_target", "resolution_target"} == TARGET_LIKE
    assert is_plan_like("budget_estimate") and is_plan_like("spending_task") and is_plan_like("plan")
    assert not is_plan_like("congress_target") and not is_plan_like("same_period_last_year")
    assert is_target_like("resolution_target") and not is_target_like("start_of_period")


@pytest.mark.parametrize(
    "ref", ["budget_estimate", "spending_task", "resolution_target", "plan_central", "plan_local"]
)
def test_a_dataset_row_may_name_the_new_references(ref):
    frame = pd.DataFrame(
        [
            {
                "indicator": "state_budget_revenue",
                "region": "kon_tum",
                "period_start": "2024-01",
                "period_end": "2024-03",
                "measure": "actual",
                "value": 18.04,
                "unit": "percent",
                "form": "ratio",
                "relative_to": ref,
                "document": "mine",
                "quote": "đạt 18,04% dự toán",
            }
        ]
    )
    assert Dataset(frame).to_frame()["relative_to"].tolist() == [ref]


def test_the_bundled_shares_name_their_reference_in_the_note():
    kt = ktstats.load_dataset("kon_tum").to_frame()
    revenue = kt[(kt.indicator == "state_budget_revenue") & (kt.value == 18.04)].iloc[0]
    spending = kt[(kt.indicator == "local_budget_spending") & (kt.value == 26.9)].iloc[0]
    assert "dự toán địa phương giao" in revenue.note and "nhiệm vụ chi" in spending.note
    assert is_plan_like(revenue.relative_to) and is_plan_like(spending.relative_to)
    tn = ktstats.load_dataset("tay_nguyen").to_frame()
    gia_lai = tn[(tn.indicator == "state_budget_revenue") & (tn.value == 93.6)].iloc[0]
    assert "HĐND tỉnh giao" in gia_lai.note and "Trung ương giao" in gia_lai.note


# 4. number_style per row, the document back to Vietnamese style
def test_number_style_is_per_row():
    assert documents_table().loc["danviet_2022-12-29", "number_style"] == "vi"
    path = bundled_dataset("tay_nguyen")
    table = read_dataset_table(path, format="csv")
    lam_dong = table[table["document"] == "danviet_2022-12-29"]
    assert lam_dong["number_style"].fillna("").tolist() == ["en", ""]  # 12.09% with a point; the rank 9
    assert Dataset(table, check_quotes=True).to_frame()["value"].tolist().count(12.09) == 1
    with pytest.raises(DataError, match=r"12\.09 does not appear in the quote"):
        Dataset(table.drop(columns=["number_style"]), check_quotes=True)


def test_a_bad_number_style_is_refused():
    table = read_dataset_table(bundled_dataset("tay_nguyen"), format="csv")
    table["number_style"] = table["number_style"].fillna("").astype(str)
    table.loc[0, "number_style"] = "fr"
    with pytest.raises(DataError, match="unknown number style 'fr'") as err:
        Dataset(table, check_quotes=True)
    assert err.value.row == 1 and err.value.column == "number_style"


# 5. "kết thúc niên độ năm 2021": disbursement runs to 31/01/2022
def test_disbursement_to_the_close_of_the_2021_budget_year_ends_in_january_2022():
    f = _rows("kon_tum", indicator="public_investment_disbursement", measure="target")
    row = f[f["quote"].str.contains("kết thúc niên độ năm 2021")].iloc[0]
    assert (str(row.period_start), str(row.period_end)) == ("2021-01", "2022-01")
    assert "Điều 68" in row.note and "Luật Đầu tư công 2019" in row.note
    assert row.quote in ktstats.catalog.documents.document_text(row.document)


def test_extract_reads_the_close_of_the_budget_year_as_january_next_year():
    text = "Phấn đấu kết thúc niên độ năm 2021, tỷ lệ giải ngân toàn tỉnh đạt 100%."
    rows = extract(text, year=2021, region="Kon Tum").to_frame()
    got = rows[rows.indicator == "public_investment_disbursement"]
    assert [(str(r.period_start), str(r.period_end)) for r in got.itertuples()] == [("2021-01", "2022-01")]
    plain = extract("Phấn đấu năm 2021, tỷ lệ giải ngân toàn tỉnh đạt 100%.", year=2021, region="Kon Tum")
    assert [str(p) for p in plain.to_frame()["period_end"]] == ["2021-12"]


def test_the_bundled_shares_are_filed_by_what_the_text_says():
    kt = ktstats.load_dataset("kon_tum").to_frame()
    ratios = kt[kt.form == "ratio"].set_index(["indicator", "value"])["relative_to"]
    assert ratios[("state_budget_revenue", 18.04)] == "budget_estimate_local"  # dự toán địa phương giao
    assert ratios[("local_budget_spending", 26.9)] == "spending_task"  # nhiệm vụ chi
    assert ratios[("total_investment", 19.0)] == "plan"  # kế hoạch
    assert ratios[("party_members_admitted", 77.54)] == "congress_target"
    tn = ktstats.load_dataset("tay_nguyen").to_frame()
    tn_ratios = tn[tn.form == "ratio"].set_index(["region", "indicator", "value"])["relative_to"]
    assert tn_ratios[("dak_nong", "state_budget_revenue", 59.0)] == "budget_estimate_local"
    assert tn_ratios[("gia_lai", "state_budget_revenue", 93.6)] == "budget_estimate_local"  # HĐND tỉnh giao
    assert tn_ratios[("gia_lai", "total_investment", 94.95)] == "plan"


def test_nothing_published_yet_names_the_day_as_a_report_writes_it():
    # `ktstats report kon-tum` showed "… were published by 2022-09-30 00:00:00" among its reasons
    import ktstats

    with pytest.raises(ktstats.DataError, match=r"were published by 07/12/2020$"):
        ktstats.load_dataset("kon_tum_history").series(
            "total_investment", region="kon_tum", as_of="2020-12-07"
        )
