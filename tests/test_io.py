import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktstats import DataError, Dataset, IndicatorSeries, Panel
from ktstats.catalog.indicators import POINT_KINDS, by_code
from ktstats.data.io import read_dataset, read_panel, read_series, write_dataset
from ktstats.lang.numbers import QUALIFIERS
from ktstats.lang.text import squash_whitespace

FORMATS = ["csv", "parquet", "xlsx"]


def roundtrip_dataset(ds, tmp_path, ext):
    path = tmp_path / f"data.{ext}"
    write_dataset(ds, path)
    return read_dataset(path)


@pytest.mark.parametrize("ext", FORMATS)
def test_bundled_dataset_round_trips(kon_tum, tmp_path, ext):
    back = roundtrip_dataset(kon_tum, tmp_path, ext)
    pd.testing.assert_frame_equal(kon_tum.to_frame(), back.to_frame())


@pytest.mark.parametrize("ext", FORMATS)
def test_methods(kon_tum, tmp_path, ext):
    path = tmp_path / f"d.{ext}"
    method = {"csv": "csv", "parquet": "parquet", "xlsx": "excel"}[ext]
    getattr(kon_tum, f"to_{method}")(path)
    back = getattr(Dataset, f"read_{method}")(path)
    pd.testing.assert_frame_equal(kon_tum.to_frame(), back.to_frame())


# --- arbitrary datasets ----------------------------------------------------------

CATALOG = list(by_code().values())
text = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40)
    .map(squash_whitespace)
    .filter(bool)
)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
months = st.tuples(st.integers(1990, 2030), st.integers(1, 12))


@st.composite
def observation_rows(draw, n):
    rows = []
    for i in range(n):
        ind = draw(st.sampled_from(CATALOG))
        form = draw(st.sampled_from(["level", "level", "ratio", "change", "difference"]))
        if form == "level":
            unit, rel = ind.unit, ""
            if ind.unit == "billion dong":
                unit = draw(st.sampled_from(["billion dong", "million dong", "trillion dong", "dong"]))
        elif form == "difference":
            unit = "percentage_point" if ind.kind in ("rate", "growth", "index") else ind.unit
            rel = "start_of_period"
        else:
            unit, rel = "percent", draw(st.sampled_from(["plan", "same_period_last_year", "congress_target"]))
        y, m = draw(months)
        start = pd.Period(year=y, month=m, freq="M")
        length = 0 if (form == "level" and ind.kind in POINT_KINDS) else draw(st.integers(0, 30))
        value = draw(floats)
        qualifier = draw(st.sampled_from([q for q in QUALIFIERS if q != "range"] + ["range"]))
        low = high = ""
        if qualifier == "range":
            a, b = sorted([value, draw(floats)])
            low, high, value = a, b, draw(st.floats(a, b)) if a < b else a
        den = draw(st.one_of(st.just(""), floats.filter(lambda x: x != 0)))
        rows.append(
            {
                "indicator": ind.code,
                "region": draw(st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,5})?", fullmatch=True)),
                "period_start": str(start),
                "period_end": str(start + length),
                "measure": draw(st.sampled_from(["actual", "estimate", "plan", "target"])),
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "low": low,
                "high": high,
                "denominator": den,
                "form": form,
                "relative_to": rel,
                "document": draw(text),
                "quote": f"{draw(text)} #{i}",
                "note": draw(st.one_of(st.just(""), text)),
                "document_date": draw(
                    st.one_of(st.just(""), st.dates(dt.date(1990, 1, 1), dt.date(2035, 1, 1)).map(str))
                ),
            }
        )
    return rows


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(observation_rows(5), st.sampled_from(FORMATS))
def test_arbitrary_datasets_round_trip(tmp_path, rows, ext):
    ds = Dataset(pd.DataFrame(rows), name="generated")
    back = roundtrip_dataset(ds, tmp_path, ext)
    a, b = ds.to_frame(), back.to_frame()
    pd.testing.assert_frame_equal(a, b)
    # bit-exact floats, including the sign of zero
    assert [math.copysign(1, v) for v in a["value"]] == [math.copysign(1, v) for v in b["value"]]


# --- series and panels --------------------------------------------------------------

TRICKY = [0.1 + 0.2, -0.0, 5e-324, 1e22, 123456.78901234567, 1 / 3, -2.5e-8, 9.99e307]


@pytest.mark.parametrize("ext", FORMATS)
def test_series_round_trip(tmp_path, ext):
    s = IndicatorSeries(
        TRICKY,
        pd.period_range("2023Q1", periods=len(TRICKY), freq="Q"),
        unit="tỷ đồng",
        kind="flow",
        basis="ytd",
        indicator="state_budget_revenue",
        region="kon_tum",
        measure="estimate",
    )
    path = tmp_path / f"s.{ext}"
    {"csv": s.to_csv, "parquet": s.to_parquet, "xlsx": s.to_excel}[ext](path)
    back = read_series(path)
    assert back.values.tobytes() == s.values.tobytes()
    again = {
        "csv": IndicatorSeries.read_csv,
        "parquet": IndicatorSeries.read_parquet,
        "xlsx": IndicatorSeries.read_excel,
    }[ext](path)
    assert again.values.tobytes() == s.values.tobytes() and again.index.equals(s.index)
    assert (again.unit, again.basis, again.indicator) == (s.unit, "ytd", "state_budget_revenue")
    assert (back.unit, back.basis, back.kind, back.indicator, back.region, back.measure, back.freq) == (
        s.unit,
        s.basis,
        s.kind,
        s.indicator,
        s.region,
        s.measure,
        s.freq,
    )
    assert back.index.equals(s.index)


@pytest.mark.parametrize("ext", FORMATS)
def test_panel_round_trip(tmp_path, ext):
    idx = pd.period_range("2024-01", periods=6, freq="M")
    data = np.random.default_rng(3).normal(size=(6, 3)) * 1e6
    p = Panel(data, idx, ["kon_tum", "gia_lai", "dak_lak"], unit="%", kind="rate", indicator="poverty_rate")
    path = tmp_path / f"p.{ext}"
    {"csv": p.to_csv, "parquet": p.to_parquet, "xlsx": p.to_excel}[ext](path)
    back = read_panel(path)
    assert back.values.tobytes() == p.values.tobytes()
    assert list(back.columns) == list(p.columns) and back.index.equals(p.index)
    # the class methods read the same file to the same panel
    again = {"csv": Panel.read_csv, "parquet": Panel.read_parquet, "xlsx": Panel.read_excel}[ext](path)
    assert again.values.tobytes() == p.values.tobytes()
    assert list(again.columns) == ["kon_tum", "gia_lai", "dak_lak"] and again.index.equals(p.index)
    assert (again.unit, again.kind, again.indicator) == (p.unit, "rate", "poverty_rate")


# --- Excel as people make it -------------------------------------------------------


def test_excel_with_vietnamese_text_numbers_and_dates(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "indicator",
            "region",
            "period_start",
            "period_end",
            "measure",
            "value",
            "unit",
            "qualifier",
            "document",
            "quote",
        ]
    )
    ws.append(
        [
            "public_investment_disbursement",
            "kon_tum",
            dt.datetime(2023, 1, 1),
            dt.datetime(2023, 9, 1),
            "actual",
            "1.326,4",
            "tỷ đồng",
            "exact",
            "000.txt",
            "giải ngân được 1.326,4 tỷ đồng",
        ]
    )
    ws.append(
        [
            "state_budget_revenue",
            "kon_tum",
            "2024-01",
            "2024-03",
            "actual",
            830,
            "tỷ đồng",
            "approx",
            "003.txt",
            "=Thu ngân sách nhà nước khoảng 830 tỷ đồng",
        ]
    )
    ws["J3"].data_type = "s"  # typed as text in Excel ('=…)
    path = tmp_path / "from_excel.xlsx"
    wb.save(path)
    f = read_dataset(path).to_frame()
    assert f["value"].tolist() == [1326.4, 830.0]
    assert f["unit"].tolist() == ["billion dong", "billion dong"]
    assert str(f["period_end"].iloc[0]) == "2023-09"
    assert f["quote"].iloc[1].startswith("=Thu")  # text, never a formula


def test_excel_formulas_are_not_evaluated(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["indicator", "region", "period_start", "period_end", "measure", "value", "unit", "document", "quote"]
    )
    ws.append(
        ["grdp_growth", "kon_tum", "2024-01", "2024-03", "actual", "=6+0.45", "percent", "003.txt", "q"]
    )
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    # a formula without a stored result has no value: it is reported, not computed
    with pytest.raises(DataError, match="value is missing") as info:
        read_dataset(path)
    assert (info.value.row, info.value.column) == (1, "value")


def test_csv_with_vietnamese_numbers_needs_the_style(tmp_path):
    path = tmp_path / "vi.csv"
    path.write_text(
        "indicator,region,period_start,period_end,measure,value,unit,document,quote\n"
        'public_investment_disbursement,kon_tum,2023-01,2023-09,actual,"1.326,4",tỷ đồng,a,b\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="1.326,4") as info:
        read_dataset(path)
    assert (info.value.row, info.value.column) == (1, "value")
    assert read_dataset(path, number_style="vi").to_frame()["value"].tolist() == [1326.4]


# --- damaged and wrong files --------------------------------------------------------


def test_bad_files(tmp_path, kon_tum):
    with pytest.raises(DataError, match="no such file"):
        read_dataset(tmp_path / "missing.csv")
    with pytest.raises(DataError, match="extension"):
        read_dataset(tmp_path / "data.json")
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not a parquet file")
    with pytest.raises(DataError, match="junk.parquet"):
        read_dataset(junk)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(DataError, match="junk.xlsx"):
        read_dataset(junk)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError):
        read_dataset(empty)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("indicator,quote\nx,Tỉnh ủy\n".encode("cp1258", errors="replace"))
    with pytest.raises(DataError):
        read_dataset(latin)


def test_bad_series_files(tmp_path):
    good = (
        "indicator,region,measure,kind,basis,unit,freq,period,value\n"
        "state_budget_revenue,kon_tum,actual,flow,period,tỷ đồng,Q,2024Q1,1.5\n"
        "state_budget_revenue,kon_tum,actual,flow,period,tỷ đồng,Q,2024Q2,2.5\n"
    )
    cases = [
        (good.replace("2024Q2", "2024Q1"), "period", "duplicated"),
        (good.replace(",1.5", ",abc"), "value", "cannot read"),
        (good.replace(",1.5", ",nan"), "value", "missing"),
        (good.replace("Q,2024Q2", "Q,2024-13"), "period", "period"),
        (good.replace("tỷ đồng,Q,2024Q2", "ha,Q,2024Q2"), "unit", "one unit"),
        (
            good.replace("flow,period,tỷ đồng,Q,2024Q1", "flux,period,tỷ đồng,Q,2024Q1").replace(
                "flow,period,tỷ đồng,Q,2024Q2", "flux,period,tỷ đồng,Q,2024Q2"
            ),
            "kind",
            "unknown kind",
        ),
    ]
    for i, (content, column, message) in enumerate(cases):
        path = tmp_path / f"s{i}.csv"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(DataError, match=message) as info:
            read_series(path)
        assert info.value.column == column, content
    holes = tmp_path / "holes.csv"
    holes.write_text(
        good + "state_budget_revenue,gia_lai,actual,flow,period,tỷ đồng,Q,2024Q1,3\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="holes: no value for gia_lai 2024Q2"):
        read_panel(holes)
    with pytest.raises(DataError, match="read it as a panel"):
        read_series(holes)


def test_writing_to_a_missing_folder(tmp_path, kon_tum):
    with pytest.raises(DataError, match="cannot write"):
        kon_tum.to_csv(tmp_path / "no" / "such" / "dir.csv")


def test_files_are_never_executed(tmp_path):
    # a Parquet file is read through pyarrow (no pickle); a CSV cell is text
    path = tmp_path / "evil.csv"
    path.write_text(
        "indicator,region,period_start,period_end,measure,value,unit,document,quote\n"
        "grdp_growth,kon_tum,2024-01,2024-03,actual,6.45,percent,__import__('os'),=cmd|' /C calc'!A0\n",
        encoding="utf-8",
    )
    f = read_dataset(path).to_frame()
    assert f["quote"].iloc[0] == "=cmd|' /C calc'!A0"
    assert f["document"].iloc[0] == "__import__('os')"
    # a CSV cell "=1+1" is the text "=1+1", never 2
    plus = tmp_path / "plus.csv"
    plus.write_text(
        "indicator,region,period_start,period_end,measure,value,unit,document,quote\n"
        "grdp_growth,kon_tum,2024-01,2024-03,actual,6.45,percent,=1+1,=1+1\n",
        encoding="utf-8",
    )
    f = read_dataset(plus).to_frame()
    assert (f["document"].iloc[0], f["quote"].iloc[0]) == ("=1+1", "=1+1")

    import openpyxl

    # an xlsx formula cell =1+1 is not evaluated: the quote is missing (no cached result), not "2"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["indicator", "region", "period_start", "period_end", "measure", "value", "unit", "document", "quote"]
    )
    ws.append(["grdp_growth", "kon_tum", "2024-01", "2024-03", "actual", 6.45, "percent", "003.txt", "=1+1"])
    assert ws["I2"].data_type == "f"  # openpyxl stored a formula
    wb.save(tmp_path / "formula.xlsx")
    with pytest.raises(DataError, match="quote is missing") as info:
        read_dataset(tmp_path / "formula.xlsx")
    assert (info.value.row, info.value.column) == (1, "quote")
    # and the text "=1+1" written to Excel by ktstats is a text cell, read back as "=1+1"
    write_dataset(read_dataset(plus), tmp_path / "plus.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "plus.xlsx").worksheets[0]
    header = [c.value for c in sheet[1]]
    written = sheet.cell(row=2, column=header.index("quote") + 1)
    assert (written.value, written.data_type) == ("=1+1", "s")
    assert read_dataset(tmp_path / "plus.xlsx").to_frame()["quote"].iloc[0] == "=1+1"

    # a pickle named .parquet is refused without being unpickled
    import pickle

    marker = tmp_path / "executed"
    evil = tmp_path / "evil.parquet"
    evil.write_bytes(pickle.dumps(_Touch(str(marker))))
    with pytest.raises(DataError, match="evil.parquet"):
        read_dataset(evil)
    assert not marker.exists()


class _Touch:
    """Unpickling this creates a file: the observable sign that a pickle was loaded."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))
