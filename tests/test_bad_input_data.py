"""Hostile and malformed files (issue 16, the file side): every one is read whole and exactly, or refused
with a DataError naming the file (and the row and column where there is one) — never fewer rows, a
formula in a spreadsheet, an unbounded read or a raw exception."""

from __future__ import annotations

import csv
import io
import os
import re
import time
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ktstats
from ktstats import DataError, Dataset, IndicatorSeries, Panel, load_dataset
from ktstats.catalog.bundled import CATALOG_TABLES, bundled_datasets, data_dir
from ktstats.catalog.documents import document_text
from ktstats.data import tables
from ktstats.data.io import read, read_dataset, read_panel, read_series
from ktstats.data.tables import DATASET_NUMERIC, csv_text, read_table, write_table
from ktstats.present.cli import main

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- helpers ----------------------------------------------------------------------------


def _rewrite_zip(path: Path, part: str, change) -> None:
    """Rewrite one part of a zip (an .xlsx) in place."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            zout.writestr(info, change(data) if info.filename == part else data)


def _dimension(ref: str | None):
    """A change for _rewrite_zip: set (or, with None, drop) the sheet's stored size tag."""

    def change(xml: bytes) -> bytes:
        new = b"" if ref is None else f'<dimension ref="{ref}"/>'.encode()
        out, n = re.subn(rb"<dimension ref=\"[^\"]*\"\s*/>", new, xml)
        assert n == 1
        return out

    return change


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="ktstats" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _xlsx(path: Path, rows_xml, shared: list[bytes] | None = None) -> Path:
    """A hand-made .xlsx: ``rows_xml`` (bytes or an iterable of bytes) inside <sheetData>, ``shared``
    the <si> elements of the shared strings. Parts are streamed, so a part may unpack to far more
    than the file holds, as in an attack."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            for piece in [rows_xml] if isinstance(rows_xml, bytes) else rows_xml:
                f.write(piece)
            f.write(b"</sheetData></worksheet>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode())
            for si in shared or [b"<si><t>x</t></si>"]:
                f.write(si)
            f.write(b"</sst>")
    return path


def _repeat(unit: bytes, total: int, chunk: int = 1 << 20):
    """``unit`` repeated to ``total`` bytes, in chunks (never the whole in memory)."""
    block = unit * (chunk // len(unit))
    left = total
    while left > 0:
        yield block[: min(left, len(block))]
        left -= len(block)


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


HEADER_ROW = b'<row r="1">' + _inline("A1", "indicator") + _inline("B1", "quote") + b"</row>"


def _peak_mb(fn) -> tuple[float, BaseException | None]:
    tracemalloc.start()
    error = None
    try:
        fn()
    except Exception as exc:
        error = exc
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak, error


# --- 8: the stored size tag of a sheet --------------------------------------------------


@pytest.mark.parametrize("ref", ["A1:Q20", "A1:C78", "A1:A1", "B3:Q20", None])
def test_excel_rows_past_a_wrong_size_tag_are_read(kon_tum, tmp_path, ref):
    # openpyxl (read-only) stops at the stored <dimension>: "A1:Q20" returned 19 of 77 figures
    path = tmp_path / "kon_tum.xlsx"
    kon_tum.to_excel(path)
    _rewrite_zip(path, "xl/worksheets/sheet1.xml", _dimension(ref))
    back = read_dataset(path)
    assert len(back) == len(kon_tum) == 77
    pd.testing.assert_frame_equal(back.to_frame(), kon_tum.to_frame())
    assert len(read_table(path)) == 77


def test_excel_series_and_panels_past_a_wrong_size_tag(tmp_path):
    idx = pd.period_range("2020-01", periods=40, freq="M")
    p = Panel(np.arange(120.0).reshape(40, 3), idx, ["kon_tum", "gia_lai", "dak_lak"], unit="%", kind="rate")
    path = tmp_path / "p.xlsx"
    p.to_excel(path)
    _rewrite_zip(path, "xl/worksheets/sheet1.xml", _dimension("A1:B2"))
    back = read_panel(path)
    assert back.values.tobytes() == p.values.tobytes() and back.index.equals(p.index)


def test_excel_gaps_and_ragged_rows_are_padded(tmp_path):
    # rows of different widths (no size tag to pad them) and an empty row in between
    path = _xlsx(
        tmp_path / "ragged.xlsx",
        b'<row r="1">'
        + _inline("A1", "a")
        + _inline("B1", "b")
        + _inline("C1", "c")
        + b"</row>"
        + b'<row r="2">'
        + _inline("A2", "1")
        + b"</row>"
        + b'<row r="4">'
        + _inline("C4", "3")
        + b"</row>",
    )
    table = read_table(path)
    assert table.to_dict("list") == {"a": ["1", ""], "b": ["", ""], "c": ["", "3"]}


# --- 9: CSV formula injection -----------------------------------------------------------

DANGEROUS = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    '=HYPERLINK("http://x","y")',
    "'=1+1",  # really starts with an apostrophe: must survive too
    "''+x",
    "'",
    "'abc",
    "a=1",
    "-",
]


def _text_cells_of(path: Path, numeric: tuple[str, ...]) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return [cell for row in body for name, cell in zip(header, row, strict=True) if name not in numeric]


def _assert_no_formula(path: Path, numeric: tuple[str, ...]) -> None:
    cells = _text_cells_of(path, numeric)
    assert cells, "no text cells"
    bad = [c for c in cells if c.startswith(FORMULA_START)]
    assert bad == [], f"cells a spreadsheet would run: {bad[:5]}"


def _hostile_dataset(kon_tum: Dataset) -> Dataset:
    f = kon_tum.to_frame()
    n = len(DANGEROUS)
    f.loc[: n - 1, "note"] = DANGEROUS
    f.loc[: n - 1, "document"] = [f"{d} {i}" for i, d in enumerate(DANGEROUS)]
    f.loc[: n - 1, "quote"] = [f"{d} quote {i}" for i, d in enumerate(DANGEROUS)]
    f["document_date"] = f["document_date"].dt.strftime("%Y-%m-%d")
    return Dataset(f, name="hostile")


def test_dataset_csv_never_writes_a_formula_and_reads_back_exactly(kon_tum, tmp_path):
    ds = _hostile_dataset(kon_tum)
    path = tmp_path / "hostile.csv"
    ds.to_csv(path)
    _assert_no_formula(path, DATASET_NUMERIC)
    raw = path.read_text(encoding="utf-8")
    assert ",''=1+1 6," in raw and ",=1+1 0," not in raw  # "'=1+1 6" got one more apostrophe
    # numbers are not text: a negative value stays a plain number
    values = pd.read_csv(path, dtype=str, keep_default_na=False)["value"]
    assert "-3.0" in set(values) and not any(v.startswith("'") for v in values)
    for back in (read_dataset(path), load_dataset(str(path)), ktstats.read(path)):
        pd.testing.assert_frame_equal(back.to_frame(), ds.to_frame())
    assert back.to_frame()["note"].tolist()[: len(DANGEROUS)] == DANGEROUS


def test_series_and_panel_csv_never_write_a_formula(tmp_path):
    idx = pd.period_range("2024Q1", periods=3, freq="Q")
    s = IndicatorSeries([1.0, -2.0, -0.0], idx, unit="%", kind="rate", region="=cmd|' /C calc'!A0")
    path = tmp_path / "s.csv"
    s.to_csv(path)
    _assert_no_formula(path, ("value",))
    back = read_series(path)
    assert back.region == "=cmd|' /C calc'!A0" and back.values.tobytes() == s.values.tobytes()
    assert "-2.0" in path.read_text(encoding="utf-8")
    p = Panel(np.ones((3, 4)), idx, ["=a", "+b", "-c", "'@d"], unit="%", kind="rate")
    p.to_csv(path)
    _assert_no_formula(path, ("value",))
    assert list(read_panel(path).columns) == ["=a", "+b", "-c", "'@d"]


def test_a_carriage_return_inside_a_name_survives(tmp_path):
    # lines end in "\n": a lone "\r" must be quoted or a reader ends the line there
    idx = pd.period_range("2024-01", periods=2, freq="M")
    p = Panel(np.ones((2, 3)), idx, ["x\ry", "a\r\nb", "+c\r"], unit="%", kind="rate")
    path = tmp_path / "cr.csv"
    p.to_csv(path)
    _assert_no_formula(path, ("value",))
    assert list(read_panel(path).columns) == ["x\ry", "a\r\nb", "+c"]  # names are stripped, as before


def test_csv_text_is_the_writer_for_standard_output(kon_tum):
    # for `ktstats report --format csv`: the same CSV pandas writes, but no cell a spreadsheet runs
    f = kon_tum.to_frame()
    f.loc[0, "quote"] = "=1+1"
    f.loc[1, "note"] = "@SUM(A1)"
    plain = f.to_csv(index=False, lineterminator="\n")
    guarded = csv_text(f, DATASET_NUMERIC)
    assert guarded == plain.replace(",=1+1,", ",'=1+1,").replace(",@SUM(A1)\n", ",'@SUM(A1)\n")
    assert guarded != plain


def test_cli_extract_csv_never_writes_a_formula(tmp_path, capsys):
    src = tmp_path / "report.txt"
    src.write_text(
        "=Tổng thu ngân sách nhà nước 9 tháng đạt 700 tỷ đồng.\n"
        "@Thu ngân sách nhà nước năm 2024 ước đạt 830 tỷ đồng.\n",
        encoding="utf-8",
    )
    out = tmp_path / "figures.csv"
    assert main(["extract", str(src), "--csv", str(out), "--region", "kon_tum", "--year", "2024"]) == 0
    capsys.readouterr()
    _assert_no_formula(out, DATASET_NUMERIC)
    quotes = sorted(load_dataset(str(out)).to_frame()["quote"])
    assert quotes == [
        "=Tổng thu ngân sách nhà nước 9 tháng đạt 700 tỷ đồng.",
        "@Thu ngân sách nhà nước năm 2024 ước đạt 830 tỷ đồng.",
    ]


def test_a_foreign_csv_cell_is_text_as_it_stands(tmp_path):
    # a file someone else wrote: "=1+1" is the text "=1+1"; "'x" (no formula after) is kept whole
    path = tmp_path / "foreign.csv"
    path.write_text("a,b,value\n=1+1,'x,-3\n'=2,''@3,'-4\n", encoding="utf-8")
    t = read_table(path)
    assert t["a"].tolist() == ["=1+1", "=2"]
    assert t["b"].tolist() == ["'x", "'@3"]
    assert t["value"].tolist() == ["-3", "'-4"]  # number columns are never unescaped


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["", "'", "''", "\t", "="]), texts), min_size=1, max_size=6))
def test_every_text_round_trips_through_the_csv_writer(tmp_path, cells):
    column = [prefix + text for prefix, text in cells]
    table = pd.DataFrame({"text": column, "value": np.linspace(-1, 1, len(column))})
    path = tmp_path / "t.csv"
    write_table(table, path, ("value",))
    assert read_table(path)["text"].tolist() == column
    _assert_no_formula(path, ("value",))


def test_long_tables_round_trip_and_are_capped_too(tmp_path):
    # tables of a thousand rows and more are unescaped and measured column by column
    column = [DANGEROUS[i % len(DANGEROUS)] + str(i) for i in range(1500)]
    column[1199] = "=" + "x" * 2000
    path = tmp_path / "long.csv"
    write_table(pd.DataFrame({"text": column, "value": np.arange(1500.0)}), path, ("value",))
    _assert_no_formula(path, ("value",))
    assert read_table(path)["text"].tolist() == column
    with pytest.raises(DataError, match="more than 2000 characters") as info:
        read_table(path, max_cell_chars=2000)
    assert (info.value.row, info.value.column) == (1200, "text")


# --- 15: caps on rows and cell size --------------------------------------------------------


def test_a_huge_excel_cell_is_refused_while_streaming(tmp_path):
    # 20 MB of text in one inline cell zips to ~20 KB; before: read whole (the issue: 200 MB, 10 s, 1 GB)
    n = 20_000_000
    rows = [HEADER_ROW, b'<row r="2">' + _inline("A2", "grdp_growth") + b'<c r="B2" t="inlineStr"><is><t>']
    path = _xlsx(tmp_path / "bomb.xlsx", [*rows, *_repeat(b"a", n), b"</t></is></c></row>"])
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    peak, error = _peak_mb(lambda: read_table(path))
    assert isinstance(error, DataError), error
    assert "more than 100000 characters" in str(error) and error.file == "bomb.xlsx"
    assert time.perf_counter() - start < 5
    assert peak < 30, f"{peak:.0f} MB"


def test_a_huge_shared_string_is_refused_before_openpyxl_reads_it(tmp_path):
    # openpyxl reads every shared string when it opens the workbook, so the check comes first;
    # a cell split into many short rich-text runs adds up
    row = HEADER_ROW + b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
    runs = (
        b"<si>"
        + b"".join(b"<r><rPr><b/></rPr><t>" + b"b" * 50_000 + b"</t></r>" for _ in range(200))
        + b"</si>"
    )
    for shared in (
        [b"<si><t>grdp_growth</t></si>", b"<si><t>", *_repeat(b"a", 5_000_000), b"</t></si>"],
        [b"<si><t>grdp_growth</t></si>", runs],
    ):
        path = _xlsx(tmp_path / "shared.xlsx", row, [b"".join(shared)])
        peak, error = _peak_mb(lambda path=path: read_table(path))
        assert isinstance(error, DataError) and "characters" in str(error), error
        assert "sharedStrings.xml" in str(error)
        assert peak < 30, f"{peak:.0f} MB"


def test_a_huge_tag_is_refused(tmp_path):
    row = HEADER_ROW + b'<row r="2"><c r="A2" s="' + b"1" * 3_000_000 + b'"><v>1</v></c></row>'
    with pytest.raises(DataError, match="characters") as info:
        read_table(_xlsx(tmp_path / "tag.xlsx", row))
    assert info.value.file == "tag.xlsx"


def test_cells_at_the_cap_are_read_and_past_it_refused(tmp_path):
    ok = "ă" * 1000  # 2 bytes a character in UTF-8: the cap counts characters
    path = _xlsx(
        tmp_path / "cap.xlsx",
        HEADER_ROW + b'<row r="2">' + _inline("A2", "x") + _inline("B2", ok) + b"</row>",
    )
    assert read_table(path, max_cell_chars=1000)["quote"].tolist() == [ok]
    with pytest.raises(DataError, match="more than 999 characters") as info:
        read_table(path, max_cell_chars=999)
    assert info.value.file == "cap.xlsx"
    # CSV and Parquet: the same cap, naming row and column
    for ext in ("csv", "parquet"):
        p = tmp_path / f"cap.{ext}"
        write_table(pd.DataFrame({"quote": ["short", ok], "value": [1.0, 2.0]}), p, ("value",))
        assert read_table(p, max_cell_chars=1000)["quote"].tolist() == ["short", ok]
        with pytest.raises(DataError, match="more than 999 characters") as info:
            read_table(p, max_cell_chars=999)
        assert (info.value.file, info.value.row, info.value.column) == (f"cap.{ext}", 2, "quote")


def test_a_huge_cell_past_the_default_cap(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("quote,value\n" + "a" * (tables.MAX_CELL_CHARS + 1) + ",1\n", encoding="utf-8")
    with pytest.raises(DataError, match="max_cell_chars") as info:
        read_table(path)
    assert (info.value.row, info.value.column) == (1, "quote")
    assert len(read_table(path, max_cell_chars=tables.MAX_CELL_CHARS + 1)) == 1


def _rows_xlsx(path: Path, n: int) -> Path:
    def rows():
        yield HEADER_ROW
        for r in range(2, n + 2, 1000):
            yield b"".join(
                b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
                for i in range(r, min(r + 1000, n + 2))
            )

    return _xlsx(path, rows())


def test_too_many_excel_rows_are_refused_while_streaming(tmp_path):
    path = _rows_xlsx(tmp_path / "rows.xlsx", 5000)
    assert len(read_table(path, max_rows=5000)) == 5000
    start = time.perf_counter()
    with pytest.raises(DataError, match="more than 4999 rows") as info:
        read_table(path, max_rows=4999)
    assert info.value.file == "rows.xlsx"
    assert time.perf_counter() - start < 2


def test_a_far_row_number_counts_as_rows(tmp_path):
    # one <row r="1000000"> makes openpyxl yield a million empty rows: they count
    path = _xlsx(
        tmp_path / "far.xlsx", HEADER_ROW + b'<row r="200000">' + _inline("A200000", "x") + b"</row>"
    )
    with pytest.raises(DataError, match="more than 1000 rows"):
        read_table(path, max_rows=1000)
    assert read_table(path)["indicator"].tolist() == ["x"]


def test_too_many_rows_in_csv_and_parquet(tmp_path):
    table = pd.DataFrame({"quote": ["q"] * 101, "value": np.arange(101.0)})
    for ext in ("csv", "parquet"):
        path = tmp_path / f"rows.{ext}"
        write_table(table, path, ("value",))
        assert len(read_table(path, max_rows=101)) == 101
        with pytest.raises(DataError, match="more than 100 rows") as info:
            read_table(path, max_rows=100)
        assert info.value.file == f"rows.{ext}"


def test_the_caps_reach_every_reader(kon_tum, tmp_path):
    for ext in ("csv", "parquet", "xlsx"):
        path = tmp_path / f"d.{ext}"
        ktstats.write(kon_tum, path)
        for reader in (read_dataset, Dataset.read):
            with pytest.raises(DataError, match="more than 10 rows"):
                reader(path, max_rows=10)
            with pytest.raises(DataError, match="more than 10 characters"):
                reader(path, max_cell_chars=10)
            assert len(reader(path, max_rows=77)) == 77
    series = tmp_path / "s.csv"
    IndicatorSeries(
        np.arange(20.0), pd.period_range("2020", periods=20, freq="Y"), unit="%", kind="rate"
    ).to_csv(series)
    assert len(tables.read_series_table(series, None, None, None, max_rows=20)[0]) == 20
    with pytest.raises(DataError, match="more than 19 rows"):
        tables.read_series_table(series, None, None, None, max_rows=19)


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "10"])
def test_caps_must_be_positive_whole_numbers(tmp_path, bad):
    path = tmp_path / "t.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(DataError, match="positive whole number"):
        read_table(path, max_rows=bad)
    with pytest.raises(DataError, match="positive whole number"):
        read_table(path, max_cell_chars=bad)


def test_a_damaged_xlsx_is_still_a_data_error(tmp_path):
    path = _xlsx(tmp_path / "broken.xlsx", HEADER_ROW + b'<row r="2"><c r="A2"><v>1</v>' + b"x" * 200_000)
    with pytest.raises(DataError, match="broken.xlsx"):
        read_table(path)


# --- 19: bundled names and the paths users give ----------------------------------------------


def test_bundled_names_come_from_the_shipped_list():
    shipped = sorted(p.stem for p in data_dir().glob("*.csv") if p.stem not in CATALOG_TABLES)
    assert (
        list(bundled_datasets())
        == shipped
        == [
            "kon_tum",
            "kon_tum_history",
            "tay_nguyen",
            "vn_budget_revenue",
            "vn_disbursement",
            "vn_gdp",
            "vn_provinces",
        ]
    )
    for name in ("kon_tum", "Kon-Tum", " vn-gdp "):
        assert load_dataset(name).name in shipped


def test_a_name_never_escapes_the_datasets_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # before: data_dir() / "../datasets/kon_tum.csv" was read as the bundled dataset
    for name in ("../datasets/kon_tum", "../../" * 8 + str(data_dir()).lstrip("/") + "/kon_tum", "./kon_tum"):
        with pytest.raises(DataError, match="not a bundled dataset") as info:
            load_dataset(name)
        assert (
            "kon_tum, kon_tum_history, tay_nguyen, vn_budget_revenue, vn_disbursement, vn_gdp, vn_provinces"
            in str(info.value)
        )
    for name in CATALOG_TABLES:
        with pytest.raises(DataError, match="no dataset"):
            load_dataset(name)


def test_a_path_is_a_file_of_the_user(kon_tum, tmp_path):
    path = tmp_path / "ds-x.csv"
    kon_tum.to_csv(path)
    rel = os.path.relpath(tmp_path / "ds-x", data_dir())  # reached from datasets/ before
    with pytest.raises(DataError, match="no such file"):
        load_dataset(rel)
    ds = load_dataset(str(path))
    assert ds.name == "ds-x" and len(ds) == len(kon_tum)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 5000, "no dataset 'xxx"),
        ("", "no dataset ''"),
        ("a\x00b", "no dataset"),
        ("   ", "no dataset"),
    ],
)
def test_names_that_are_no_file(name, message):
    with pytest.raises(DataError, match=message) as info:
        load_dataset(name)
    assert len(str(info.value)) < 300


def test_a_directory_is_said_to_be_one(tmp_path):
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(DataError, match="is a directory"):
        load_dataset(str(folder))
    for reader in (read_dataset, read_series, read_panel, read, read_table):
        with pytest.raises(DataError, match="is a directory") as info:
            reader(folder)
        assert info.value.file == "folder.csv"


def test_a_long_path_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot open") as info:
        read_dataset(tmp_path / ("y" * 5000 + ".csv"))
    assert len(str(info.value)) < 400


def test_source_documents_are_named_not_pathed():
    name = "004_7e9a290f5ed7f930.txt"
    assert "Kon Tum" in (document_text(name) or "")
    for bad in ("../kon_tum.csv", "/etc/passwd", "sources/" + name, "..", "", "a\\b"):
        with pytest.raises(DataError, match="file name"):
            document_text(bad)


# --- 20: series and panel files -------------------------------------------------------------

SERIES = {
    "indicator": "grdp_growth",
    "region": "kon_tum",
    "measure": "actual",
    "kind": "growth",
    "basis": "ytd",
    "unit": "percent",
    "freq": "Q",
    "period": "2024Q1",
    "value": 1.5,
}


def _series_file(tmp_path: Path, changes: dict, ext: str = "csv", name: str = "s") -> Path:
    rows = [dict(SERIES), dict(SERIES, period="2024Q2", value=2.5)]
    for key, value in changes.items():
        if isinstance(value, list):
            for row, v in zip(rows, value, strict=True):
                row[key] = v
        else:
            for row in rows:
                row[key] = value
    path = tmp_path / f"{name}.{ext}"
    frame = pd.DataFrame(rows)
    if ext == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    return path


@pytest.mark.parametrize(
    ("changes", "column", "row", "message"),
    [
        ({"indicator": "$$$"}, "indicator", 1, "unknown indicator"),
        ({"indicator": "grdp_grwth"}, "indicator", 1, "did you mean 'grdp_growth'"),
        ({"measure": "bogus"}, "measure", 1, "unknown measure 'bogus'; expected one of actual"),
        ({"basis": "cumulative"}, "basis", 1, "unknown basis"),
        ({"freq": "W"}, "freq", 1, "unknown freq"),
        ({"region": ["kon_tum", " "]}, "region", 2, "region is blank"),
        ({"period": ["0001Q1", "2024Q2"]}, "period", 1, "1900"),
        ({"period": ["2024Q1", "9000Q2"]}, "period", 2, "2200"),
        ({"freq": "M", "period": ["2024-01", "2024"]}, "period", 2, "as a M period"),
        ({"freq": "M", "period": ["2024-01", "2024-1"]}, "period", 2, "YYYY-MM"),
        ({"freq": "Y", "period": ["2023", "2024-01"]}, "period", 2, "as a Y period"),
        ({"freq": "Q", "period": ["2024Q1", "2024-04"]}, "period", 2, "as a Q period"),
        ({"period": ["2024Q1", "2024Q5"]}, "period", 2, "as a Q period"),
        ({"period": ["2024Q1", ""]}, "period", 2, "missing"),
        ({"indicator": ["grdp_growth", "gdp_growth"]}, "indicator", 2, "one indicator per file"),
    ],
)
def test_bad_series_cells(tmp_path, changes, column, row, message):
    path = _series_file(tmp_path, changes)
    for reader in (read_series, read_panel, read):
        with pytest.raises(DataError, match=message) as info:
            reader(path)
        assert (info.value.file, info.value.row, info.value.column) == ("s.csv", row, column)


def test_parquet_missing_cells_name_row_and_column(tmp_path):
    cases = [
        ({"period": [None, "2024Q2"]}, 1, "period"),
        ({"region": ["kon_tum", None]}, 2, "region"),
        ({"value": [1.0, None]}, 2, "value"),
        ({"measure": ["actual", None]}, 2, "measure"),
    ]
    for i, (changes, row, column) in enumerate(cases):
        path = _series_file(tmp_path, changes, "parquet", name=f"n{i}")
        with pytest.raises(DataError) as info:
            read_series(path)
        assert (info.value.file, info.value.row, info.value.column) == (f"n{i}.parquet", row, column)
    frame = pd.DataFrame([dict(SERIES), dict(SERIES, period="2024Q2")])
    frame["period"] = [pd.NaT, pd.Timestamp("2024-04-01")]
    frame.to_parquet(tmp_path / "nat.parquet")
    with pytest.raises(DataError, match="period is missing") as info:
        read_series(tmp_path / "nat.parquet")
    assert (info.value.row, info.value.column) == (1, "period")


def test_good_edges_still_read(tmp_path):
    # an empty indicator and no region on any row: a series as written without them
    s = IndicatorSeries([1.0, 2.0], pd.period_range("1900", periods=2, freq="Y"), unit="%", kind="rate")
    path = tmp_path / "plain.csv"
    s.to_csv(path)
    back = read_series(path)
    assert (back.indicator, back.region) == (None, None) and back.index.equals(s.index)
    last = tmp_path / "last.csv"
    IndicatorSeries([1.0], pd.period_range("2200-12", periods=1, freq="M"), unit="%", kind="rate").to_csv(
        last
    )
    assert str(read_series(last).index[0]) == "2200-12"
    assert str(read_series(_series_file(tmp_path, {"period": ["2024q1", "2024Q2"]})).index[0]) == "2024Q1"


def test_thousands_of_unknown_columns_in_one_short_message(tmp_path):
    header = "indicator,region,period_start,period_end,measure,value,unit,document,quote"
    extra = [f"extra_{i}" for i in range(20_000)]
    path = tmp_path / "wide.csv"
    path.write_text(
        header + "," + ",".join(extra) + "\n"
        "grdp_growth,kon_tum,2024-01,2024-03,actual,6.45,percent,d.txt,q" + ",x" * len(extra) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="20000 unknown column") as info:
        read_dataset(path)
    message = str(info.value)
    assert "'extra_0'" in message and "and 19990 more" in message and "extra_19999" not in message
    assert len(message) < 600
    with pytest.raises(DataError, match="and 19990 more"):
        load_dataset(str(path))


def test_csv_round_trips_stay_exact_for_hostile_text_in_every_format(kon_tum, tmp_path):
    ds = _hostile_dataset(kon_tum)
    for ext in ("csv", "parquet", "xlsx"):
        path = tmp_path / f"h.{ext}"
        ktstats.write(ds, path)
        pd.testing.assert_frame_equal(ktstats.read(path).to_frame(), ds.to_frame())


def test_the_sniffing_reader_and_the_raw_reader_agree(tmp_path):
    table = pd.DataFrame({"a": ["=1", "'=1", "x"], "value": [1.0, -2.0, 3.0]})
    path = tmp_path / "t.csv"
    write_table(table, path, ("value",))
    raw = io.StringIO(path.read_text(encoding="utf-8")).read()
    assert raw == "a,value\n'=1,1.0\n''=1,-2.0\nx,3.0\n"
    assert read_table(path)["a"].tolist() == ["=1", "'=1", "x"]
