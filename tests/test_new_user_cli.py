"""What a new user trips over in the command line and the report (issue 15, "CLI and report")."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ktstats import load_dataset
from ktstats.analysis.audit import audit
from ktstats.data.dataset import Dataset
from ktstats.errors import DataError
from ktstats.present.cli import main
from ktstats.present.report import format_audit, render_report

SUBCOMMANDS = ("report", "audit", "project", "backtest", "extract", "indicators")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_help_exits_zero(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "usage: ktstats" in capsys.readouterr().out


def test_report_cites_issuer_and_date_and_names_the_region(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "report", "kon-tum")
    head = out.splitlines()[0]
    assert head.startswith("Số liệu: Kon Tum")
    assert "kon_tum" in head  # the dataset's name stays, beside the region's
    assert "Báo Kon Tum 20/04/2024" in out
    assert "Tỉnh ủy Kon Tum 22/10/2024" in out
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", out)


def test_vietnamese_report_has_no_codes_or_english_units(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "report", "kon-tum")
    for code in ("off_track", "on_track", "at_risk", "insufficient_data", "billion", "dong"):
        assert code not in out
    # reasons built in English by the projection methods are labelled as such
    reasons = [line for line in out.splitlines() if line.startswith("  – ")]
    assert reasons
    assert all("Lý do (tiếng Anh): " in line for line in reasons)
    # each names its target: the two 2025 disbursement plans (the centre's, the province's) are told apart
    plans = [line for line in reasons if line.startswith("  – Giải ngân vốn đầu tư công 2025 (")]
    assert len(plans) == 2 and len(set(plans)) == 2
    assert any("(2.434,977 tỷ đồng)" in line for line in plans)
    assert any("(3.956,954 tỷ đồng)" in line for line in plans)


def test_english_report_has_no_vietnamese_periods_or_targets(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "report", "kon-tum", "--lang", "en")
    assert "quý" not in out
    assert "từ 4.500 tỷ đồng trở lên" not in out.split("Will the year's targets be met?")[1]
    assert "15.5%" in out  # English decimals in the projection table


def test_project_is_vietnamese_rounded_and_with_units(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "project", "vn-gdp", "gdp_growth", "--year", "2023", "--as-of", "2023-10-15")
    assert "off_track" not in out and "khó đạt" in out
    assert "dự báo 4,83%" in out  # target 6,5: one decimal more
    assert "4,825" not in out
    assert "quý IV cần tăng 12,22%" in out  # one quarter left: named, not "các quý còn lại"
    assert "Lý do (tiếng Anh): " in out
    # (as of the resolution: with the province's history read, the year-end estimate settles the year since)
    flow = run(
        capsys, "project", "kon-tum", "state_budget_revenue", "--year", "2024", "--as-of", "2024-10-22"
    )
    assert re.search(r"dự báo 3\.320 tỷ đồng \(80%: [\d.]+,\d–[\d.]+,\d tỷ đồng\)", flow)
    assert re.search(r"cần [\d.]+(,\d)? tỷ đồng mỗi quý còn lại", flow)


def test_project_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(
        capsys, "project", "vn-gdp", "gdp_growth", "--year", "2023", "--as-of", "2023-10-15", "--lang", "en"
    )
    assert "off track" in out and "Q4 need growth of 12.22%" in out
    assert "quý" not in out and "xác suất" not in out


def test_finished_year_is_met_or_not_met(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "project", "vn-gdp", "gdp_growth", "--year", "2023")
    assert "— không đạt" in out
    assert "khó đạt" not in out and "0%" not in out.split(".")[0]
    assert "thực hiện 5,05%" in out


def test_backtest_speaks_the_output_language(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "backtest", "vn-gdp", "gdp_growth")
    assert out.splitlines()[0].split()[:2] == ["năm", "phương"]
    assert "5,35" in out and "5.35" not in out
    assert "real-time" not in out and "coverage" not in out
    en = run(capsys, "backtest", "vn-gdp", "gdp_growth", "--lang", "en")
    assert "5.35" in en and "coverage" in en


def test_quotes_are_wrapped_under_their_row(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    plain = run(capsys, "report", "kon-tum", "--indicator", "grdp_growth")
    quoted = run(capsys, "report", "kon-tum", "--indicator", "grdp_growth", "--quotes")
    quote_lines = [line for line in quoted.splitlines() if line.startswith("      ")]
    assert quote_lines and quote_lines[0].lstrip().startswith("“")
    assert all(len(line) <= 100 for line in quote_lines)
    # the table keeps the width it has without quotes
    assert quoted.splitlines()[3] == plain.splitlines()[3]


def test_audit_marks_nothing_to_compare_neutrally() -> None:
    table = audit(load_dataset("kon_tum"))
    text = format_audit(table)
    lines = text.splitlines()
    bad = int((table["consistent"] == False).sum())  # noqa: E712 - nullable boolean
    ok = int((table["consistent"] == True).sum())  # noqa: E712
    none = len(table) - ok - bad
    assert sum(line.startswith("✗ ") for line in lines) == bad
    assert sum(line.startswith("✓ ") for line in lines) == ok
    assert sum(line.startswith("· ") for line in lines) == none > 0
    assert f"{ok} khớp (✓), {bad} không khớp (✗), {none} không có số để đối chiếu (·)" in lines[-1]


def test_restated_target_is_one_projection_row_with_both_sources() -> None:
    ds = load_dataset("kon_tum")
    frame = ds.to_frame()
    target = frame[
        (frame["indicator"] == "state_budget_revenue")
        & (frame["measure"] == "target")
        & (frame["period_start"].astype(str).str.startswith("2024-01"))
        & (frame["period_end"].astype(str).str.startswith("2024-12"))
    ]
    assert len(target) == 1
    again = target.assign(document="000_bc4f183873acb3e9.txt")
    restated = Dataset(pd.concat([frame, again], ignore_index=True), name="kon_tum_restated")
    out = render_report(restated, indicators=["state_budget_revenue"])
    projection = out.split("Dự báo khả năng đạt mục tiêu năm")[1]
    rows = [line for line in projection.splitlines() if "từ 4.500 tỷ đồng trở lên  2024" in line]
    assert len(rows) == 1
    assert "Tỉnh ủy Kon Tum 22/10/2024" in rows[0] and "TTXVN 29/09/2023" in rows[0]


# --- a report's own year to date, as extract reads it: "ước" figures and no publication date ----------------

_NINH_BINH = "datasets/corpus/dev/ninh_binh_2023-09-01_dulich9thang.txt"


def _ninh_binh() -> Dataset:
    """A development text's figures as ``ktstats extract`` gives them: every year-to-date figure an estimate
    ("… ước đạt 5.521,6 nghìn lượt khách", "Doanh thu du lịch ước thực hiện trên 5.060,7 tỷ đồng"), the year's
    plans of the same text ("doanh thu đạt 6.850 tỷ đồng"), and no document date."""
    from pathlib import Path

    from ktstats import extract

    root = Path(__file__).resolve().parents[1]
    return extract((root / _NINH_BINH).read_text(encoding="utf-8"), document="ninh_binh.txt")


def test_a_year_to_date_known_only_as_an_estimate_is_projected() -> None:
    """A 9-month report's figures are "ước" (estimates); the flow path read actuals only and answered "chưa đủ
    số liệu" (no actual levels), where growth rates already count estimates until an actual replaces them."""
    p = _ninh_binh().project("tourism_revenue")  # (the year of the text's one plan: 2023)
    assert (p.year, p.periods_done, p.ytd) == (2023, 9, pytest.approx(5060.7))
    assert p.status != "insufficient_data" and 0 < p.probability < 1
    assert p.reason.startswith("the year to date includes estimates (theo số ước)")
    # (an even pace, said as such: tourism revenue has no bundled path through the year to borrow)
    assert p.reason.endswith(
        "ignores the shape of the year (no bundled reference gives this indicator a path through the year)"
    )


def test_project_from_an_extracted_csv_needs_no_year(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    """`ktstats project figures.csv tourism_revenue` on extract's output (no document date, estimates only):
    the region was resolved among actuals only, the year was asked for although the file states one plan, and
    the target of an undated document crashed (IndexError)."""
    path = tmp_path / "ninh_binh.csv"
    _ninh_binh().to_csv(path)
    out = run(capsys, "project", str(path), "tourism_revenue")
    assert out.startswith("tourism_revenue 2023: mục tiêu 6.850 tỷ đồng")
    assert "theo số ước" in out and "chưa đủ số liệu" not in out


def test_project_with_targets_in_several_years_asks_which() -> None:
    ds = _ninh_binh()  # tourist visits: 6,5–6,8 million in 2023, over 8 million by 2025
    with pytest.raises(DataError, match=r"targets of tourist_visits for 2023, 2025: say which year"):
        ds.project("tourist_visits")
    assert ds.project("tourist_visits", year=2023).target.label().startswith("6,5")


def test_an_estimate_stands_until_a_later_document_restates_its_span() -> None:
    """The vintage rule growth rates follow, for flows: the latest document's figure of a span, an actual of
    the same document before its estimate. (The later statements are constructed beside the real ones.)"""
    frame = _ninh_binh().to_frame().assign(document_date="2023-09-01")
    nine = frame[(frame["indicator"] == "tourism_revenue") & (frame["form"] == "level")].iloc[[0]]
    assert (nine["measure"].iloc[0], nine["value"].iloc[0]) == ("estimate", 5060.7)
    final = nine.assign(measure="actual", value=5100.0, low=5100.0, high=5100.0, document="later.txt")
    final = final.assign(document_date="2023-11-15")
    ds = Dataset(pd.concat([frame, final], ignore_index=True))
    before, after = (ds.project("tourism_revenue", as_of=d) for d in ("2023-10-01", None))
    assert (before.ytd, after.ytd) == (pytest.approx(5060.7), pytest.approx(5100.0))
    assert "theo số ước" in before.reason and "theo số ước" not in after.reason
    same = nine.assign(measure="actual", value=5000.0, low=5000.0, high=5000.0, quote=nine["quote"] + " …")
    both = Dataset(pd.concat([frame, same], ignore_index=True)).project("tourism_revenue")
    assert both.ytd == pytest.approx(5000.0) and "theo số ước" not in both.reason


def test_a_monthly_report_s_own_month_does_not_break_its_year_to_date() -> None:
    """A Hải Phòng monthly report gives July ("tháng 7 … 11.753,9 tỷ đồng") beside January–July ("112.748 tỷ
    đồng, đạt 76,47% dự toán"): the projection raised "the spans … mix period and year-to-date figures; filter
    the dataset", which the command line cannot do. A year to date that ends no quarter is read as one."""
    from pathlib import Path

    from ktstats import extract

    text = Path(__file__).resolve().parents[1] / "datasets/corpus/dev/hai_phong_2025_2025-08-06_tkktxh.txt"
    ds = extract(text.read_text(encoding="utf-8"), document="hai_phong.txt")
    # (the year's estimate the text implies: 112.748 tỷ đồng is 76,47 % of it)
    p = ds.project("state_budget_revenue", "147.441 tỷ đồng", year=2025)
    assert (p.periods_done, p.ytd) == (7, pytest.approx(112748.0))
    assert p.status == "on_track" and "theo số ước" in p.reason


def test_a_quarter_beside_the_nine_months_does_not_break_the_year_to_date() -> None:
    """Bắc Ninh, October 2019: "Tính chung quý III, tổng thu ngân sách ước đạt 6.869,6 tỷ đồng" beside "Sau 9
    tháng, tổng thu ngân sách Nhà nước ước 22.158,5 tỷ đồng": quarterly spans of both kinds raised "mix period
    and year-to-date figures". The year's target is the text's own "27.397 tỷ đồng"."""
    from pathlib import Path

    from ktstats import extract

    text = Path(__file__).resolve().parents[1] / "datasets/corpus/dev/bac_ninh_2019-10-10_quy3.txt"
    ds = extract(text.read_text(encoding="utf-8"), document="bac_ninh.txt")
    p = ds.project("state_budget_revenue", "27.397 tỷ đồng", year=2019)
    assert (p.periods_done / p.periods_in_year, p.ytd) == (0.75, pytest.approx(22158.5))
    assert 0 < p.probability < 1 and "theo số ước" in p.reason
    with pytest.raises(DataError, match=r"no figure of state_budget_revenue for 2020: nothing to project"):
        ds.project("state_budget_revenue", "30.000 tỷ đồng", year=2020)
