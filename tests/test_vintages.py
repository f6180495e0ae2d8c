"""Which statement of a restated figure stands (``Dataset.latest``, and so ``series`` and projections): the
latest document's; never the order of the rows where no date says which is later."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktstats import extract, load_dataset
from ktstats.data.dataset import Dataset
from ktstats.errors import DataError

ROOT = Path(__file__).resolve().parents[1]
SIX = "Tỉnh Gia Lai: 6 tháng đầu năm 2024, thu ngân sách nhà nước đạt {} tỷ đồng."


def _two(first: str | None, second: str | None) -> tuple[Dataset, Dataset]:
    return (
        extract(SIX.format("2.000"), document="july.txt", date=first),
        extract(SIX.format("2.100"), document="august.txt", date=second),
    )


def test_undated_reports_that_disagree_are_refused_in_either_order() -> None:
    """Two reports read by `ktstats extract a.txt b.txt` have no date: the figure of the file named last
    stood (2.000 or 2.100 tỷ đồng by the order of the command line), silently."""
    a, b = _two(None, None)
    for ds in (a.combine(b), b.combine(a)):
        with pytest.raises(DataError, match=r"disagree \(.*july.txt \(no date\): 2000 billion dong"):
            ds.series("state_budget_revenue")
        with pytest.raises(DataError, match="cannot say which is later"):
            ds.project("state_budget_revenue", "6.000 tỷ đồng", year=2024)


def test_a_dated_report_restates_an_earlier_one() -> None:
    a, b = _two("2024-07", "2024-08")
    assert a.to_frame()["document_date"].tolist() == [pd.Timestamp("2024-07-31")]  # (its month's last day)
    for ds in (a.combine(b), b.combine(a)):
        assert ds.series("state_budget_revenue").to_pandas().tolist() == [2100.0]
        # as of mid-August only July's report was out (August's may come on the 31st)
        assert ds.series("state_budget_revenue", as_of="2024-08-15").to_pandas().tolist() == [2000.0]
    same = extract(SIX.format("2.000"), document="again.txt", date="2024-07")
    assert a.combine(same).series("state_budget_revenue").to_pandas().tolist() == [2000.0]  # (agreeing)
    a, b = _two("2024-08", "2024-08")
    with pytest.raises(DataError, match="cannot say which is later"):
        a.combine(b).series("state_budget_revenue")
    a, b = _two("2024-08-05", "5/8/2024")  # (a day is kept as given: the same day)
    with pytest.raises(DataError, match=r"july.txt \(05/08/2024\)"):
        a.combine(b).series("state_budget_revenue")
    a, b = _two("2024-08-05", "2024-08-20")
    assert b.combine(a).series("state_budget_revenue", as_of="2024-08-19").to_pandas().tolist() == [2000.0]


def _kon_tum() -> Dataset:
    return load_dataset("kon_tum").combine(load_dataset("kon_tum_history"))


def test_an_exact_figure_stands_before_a_bound_of_the_same_day() -> None:
    """Two Kon Tum pages of 31/01/2023 give 2022's growth as "đạt 9,5%" and "trên 10%" (over 10 %): the
    series read 10,00 — the bound as the value — because its row came later in the file."""
    frame = _kon_tum().to_frame()
    for order in (frame, frame.iloc[::-1]):
        s = Dataset(order.reset_index(drop=True)).series("grdp_growth", freq="Y").to_pandas()
        assert s.loc["2022"] == 9.5


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_order_reports_are_combined_in_changes_no_figure(rnd) -> None:
    """Kon Tum's 32 documents (229 figures) shuffled (each keeping its rows' order): every figure ``latest`` keeps is the
    same."""
    frame = _kon_tum().to_frame()
    docs = list(dict.fromkeys(frame["document"]))
    rnd.shuffle(docs)
    shuffled = pd.concat([frame[frame["document"] == d] for d in docs], ignore_index=True)
    key = ["indicator", "region", "period_start", "period_end", "measure", "form", "relative_to"]

    def kept(f: pd.DataFrame) -> pd.DataFrame:
        out = Dataset(f).latest().to_frame()[[*key, "value", "document"]]
        return out.astype(str).sort_values(key).reset_index(drop=True)

    pd.testing.assert_frame_equal(kept(frame), kept(shuffled))


def test_the_command_line_dates_each_report(tmp_path, capsys) -> None:
    """`ktstats extract july.txt august.txt --date 2024-07-05 2024-08-20`: one date per file, in order, so the
    August report restates July's; one date for both leaves them unordered, and the projection says so."""
    from ktstats.present.cli import main

    files = []
    for name, value in (("july.txt", "2.000"), ("august.txt", "2.100")):
        (tmp_path / name).write_text(SIX.format(value), encoding="utf-8")
        files.append(str(tmp_path / name))
    out = tmp_path / "both.csv"
    assert main(["extract", *files, "--csv", str(out), "--date", "2024-07-05", "2024-08-20"]) == 0
    capsys.readouterr()
    project = ["project", str(out), "state_budget_revenue", "--target", "6.000 tỷ đồng", "--year", "2024"]
    assert main(project) == 0
    assert capsys.readouterr().out.startswith("state_budget_revenue 2024: mục tiêu 6.000 tỷ đồng")
    back = load_dataset(str(out))
    assert back.project("state_budget_revenue", "6.000 tỷ đồng", year=2024).ytd == pytest.approx(2100.0)
    assert main(["extract", *files, "--csv", str(out), "--date", "2024-08"]) == 0
    capsys.readouterr()
    assert main(project) == 2
    assert "cannot say which is later" in capsys.readouterr().err
    assert main(["extract", *files, "--date", "2024-07-05", "2024-08-20", "2024-09-01"]) == 2
    assert "3 dates for 2 files" in capsys.readouterr().err


def test_a_chart_of_shares_is_not_refused_for_a_level_it_does_not_draw() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from ktstats.present.plotting import plot_attainment

    a, b = _two(
        None, None
    )  # (they disagree on the level of revenue, which the chart of shares does not draw)
    share = extract(
        "Tỉnh Gia Lai: 6 tháng đầu năm 2024, giải ngân vốn đầu tư công đạt 45% kế hoạch.", document="c"
    )
    ax = plot_attainment(a.combine(b, share))
    assert any("45" in t.get_text() for t in ax.texts)
    with pytest.raises(DataError, match="cannot say which is later"):
        a.combine(b, share).series("state_budget_revenue")
