import subprocess
import sys

import pytest

from ktstats.present.cli import main


def test_report_shows_figures_with_sources(capsys):
    import ktstats

    assert main(["report", "kon-tum"]) == 0
    out = capsys.readouterr().out
    # the seeds and the province's history beside them (issue 14)
    n = len(ktstats.load_dataset("kon_tum")) + len(ktstats.load_dataset("kon_tum_history"))
    assert f"(bộ số liệu kon_tum+kon_tum_history) — {n} số liệu" in out
    assert "Tốc độ tăng trưởng GRDP" in out
    assert "gần 2.500 tỷ đồng" in out
    assert "từ 8,2% trở lên" in out
    assert "đạt 35,08% kế hoạch" in out
    assert "1.326,4 tỷ đồng" in out
    assert "Tỉnh ủy Kon Tum 22/10/2024" in out  # issuer and date, not the file name (issue 15)
    assert "2.100.000 lượt" in out


def test_report_in_english_with_quotes(capsys):
    assert main(["report", "kon_tum", "--lang", "en", "--indicator", "tourist_visits", "--quotes"]) == 0
    out = capsys.readouterr().out
    assert "Tourist visits to the province" in out and "2,100,000 visits" in out
    assert "Phấn đấu cả năm 2024 có 2.100.000 lượt khách du lịch đến tỉnh." in out
    assert "GRDP" not in out


def test_errors_are_reported_not_raised(capsys):
    assert main(["report", "dak-lak"]) == 2
    assert "no dataset 'dak-lak'" in capsys.readouterr().err
    assert main(["report", "kon-tum", "--indicator", "grdp"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_indicators_listing(capsys):
    assert main(["indicators", "--lang", "en"]) == 0
    assert "poverty_rate" in capsys.readouterr().out


def test_console_entry_point_runs():
    out = subprocess.run(
        [sys.executable, "-m", "ktstats", "report", "kon-tum"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert "Thu ngân sách nhà nước" in out


def test_import_stays_light():
    # pint imports scipy by itself when scipy is installed; statsmodels, matplotlib and tqdm are ours
    code = (
        "import sys, ktstats; bad = [m for m in ('statsmodels', 'matplotlib', 'tqdm') if m in sys.modules];"
        " print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_project_and_backtest_commands(capsys):
    assert (
        main(
            [
                "project",
                "vn-gdp",
                "gdp_growth",
                "--target",
                "cả năm 2023 từ 6,5% trở lên",
                "--as-of",
                "2023-12-01",
                "--method",
                "run_rate",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    # the status in words, the last quarter by name (issue 15)
    assert "khó đạt" in out and "quý IV cần tăng" in out
    assert main(["backtest", "vn-gdp", "gdp_growth"]) == 0
    out = capsys.readouterr().out
    # the real-time backtest: each year as of 15 October, against the National Assembly target known then
    # in Vietnamese by default: headers from the word table, decimal comma (issue 15)
    assert "theo thời gian thực sau 9 tháng" in out and "sai số TB (số đầu)" in out
    assert "tỷ lệ trong khoảng" in out
    assert (
        "2023  auto         seasonal          3       4,83    4,06      5,59      0,01      tăng trưởng khoảng 6,5%"
        in out
    )
    assert main(["project", "vn-gdp", "gdp_growth", "--target", "từ 6,5% trở lên"]) == 2
    assert "which year" in capsys.readouterr().err
    # without --target: the dataset's own target in force on that day (Resolution 158/2024/QH15, 6,5–7%)
    assert main(["project", "vn-gdp", "gdp_growth", "--year", "2025", "--as-of", "2025-01-15"]) == 0
    out = capsys.readouterr().out
    assert "mục tiêu tăng trưởng 6,5–7%" in out and "chưa đủ số liệu" in out


def test_report_has_projections(capsys):
    assert main(["report", "kon-tum", "--indicator", "state_budget_revenue"]) == 0
    out = capsys.readouterr().out
    assert "Dự báo khả năng đạt mục tiêu năm" in out
    # the first quarter's "khoảng 830 tỷ" run to the year as of the resolution (22/10/2024), with the
    # stated prior: a real call, not "chưa đủ số liệu" (insufficient data)
    line = next(x for x in out.splitlines() if "từ 4.500 tỷ đồng trở lên" in x and "22/10/2024:" in x)
    assert "22/10/2024: 3.320 tỷ đồng" in line and "15,5%" in line and "khó đạt" in line
    # beside the year's outcome as the year-end report gave it (an estimate, "khoảng 4.425 tỷ đồng"); it had been
    # left out, and the projection with every figure known still ran the first quarter's pace (3.320)
    assert "4.425 tỷ đồng (ước tính) — không đạt" in line
    # 2021: "thu ngân sách … ước đạt 3.500 tỷ đồng" met "3.500 tỷ đồng" (it had read "off track, 2.666,7")
    line = next(
        x for x in out.splitlines() if x.startswith("  Thu ngân sách nhà nước trên địa bàn: 3.500 tỷ đồng")
    )
    assert "3.500 tỷ đồng (ước tính) — đạt" in line


def test_a_flows_published_year_settles_its_projection_as_of_its_publication():
    import ktstats
    from ktstats.analysis.projection import dataset_projections

    both = ktstats.load_dataset("kon_tum").combine(ktstats.load_dataset("kon_tum_history"))
    budget = dict(indicator="state_budget_revenue", year=2024)

    def row(as_of=None):
        t = dataset_projections(both, as_of=as_of)
        return t[(t["indicator"] == budget["indicator"]) & (t["year"] == budget["year"])].iloc[0]

    known = (
        row()
    )  # the year-end estimate (31/12/2024) is the outcome: no pace extended from the first quarter
    assert (known["method"], known["point"], known["status"]) == ("published", 4425.0, "off_track")
    assert "an estimate" in known["reason"]
    before = row("2024-12-30")  # a day before it was published: still a projection from what was known
    assert before["method"] != "published" and before["point"] == pytest.approx(3320.0)


def test_report_as_csv_round_trips_every_figure(capsys, tmp_path):
    import ktstats

    assert main(["report", "kon-tum", "--format", "csv"]) == 0
    out = tmp_path / "kon_tum.csv"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    again = ktstats.load_dataset(out)
    both = ktstats.load_dataset("kon_tum").combine(ktstats.load_dataset("kon_tum_history"))
    assert len(again) == len(both) > 77  # the seeds and the province's history
    assert again.to_frame()["value"].tolist() == both.to_frame()["value"].tolist()


def test_report_as_json_has_figures_and_attainment(capsys):
    import json

    assert main(["report", "kon-tum", "--format", "json", "--indicator", "state_budget_revenue"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["indicator"] for f in data["figures"]} == {"state_budget_revenue"}
    assert any(f["value"] == 830.0 and f["qualifier"] == "approx" for f in data["figures"])
    assert any(f["document_date"] == "2024-04-20" for f in data["figures"])
    # the 2024 estimate of December ("khoảng 4.425 tỷ") against "từ 4.500 tỷ đồng trở lên": not met
    assert any(a["status"] == "not met" for a in data["attainment"])
    assert "NaN" not in json.dumps(data)


def test_report_writes_the_attainment_chart(capsys, tmp_path):
    png = tmp_path / "out.png"
    assert main(["report", "kon-tum", "--plot", str(png), "--lang", "en"]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "Figures" in capsys.readouterr().out


def test_report_plot_to_a_missing_folder_is_an_error(capsys, tmp_path):
    assert main(["report", "kon-tum", "--plot", str(tmp_path / "no" / "out.png")]) == 2
    assert "cannot write the chart" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "ktstats", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("ktstats ")


def test_project_reads_the_provinces_history_as_the_report_does(capsys):
    # the year-end estimate is in kon_tum_history, not in the seeds: the command had run the first quarter to the year
    assert main(["project", "kon-tum", "state_budget_revenue", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "thực hiện 4.425 tỷ đồng" in out and "theo số ước" in out
    assert (
        main(["project", "kon-tum", "state_budget_revenue", "--year", "2024", "--as-of", "2024-10-22"]) == 0
    )
    assert "dự báo 3.320 tỷ đồng" in capsys.readouterr().out
