"""Tables on disk: CSV, Parquet and Excel, read and written without losing a field.

This module knows tables (pandas DataFrames of text and floats), not datasets
or series; :mod:`ktstats.data.io` explains the file layouts and turns the
tables into :class:`Dataset`, :class:`IndicatorSeries` and :class:`Panel`.
Floats are written exactly (shortest repr in CSV; Vietnamese-style text in an
Excel cell when 15 digits would lose one), Excel text is never a formula, and
every read error names the file, row and column. openpyxl and pyarrow are
imported only when such a file is touched.

A CSV text cell a spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab or
CR first) is written behind an apostrophe, as spreadsheets do, and the readers
take it off: texts round-trip exactly (one already led by apostrophes gets one
more); number columns are untouched ("-3.0"). Reads stop at :data:`MAX_ROWS`
rows and :data:`MAX_CELL_CHARS` characters a cell (``max_rows=``,
``max_cell_chars=``); an ``.xlsx`` (zipped XML: 200 KB may unpack to a 200 MB
cell) is checked while its parts stream, before openpyxl builds anything.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import math
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import KINDS, by_code
from ktstats.data.schema import MEASURES
from ktstats.errors import DataError, KtstatsError, shown
from ktstats.lang.numbers import format_number, parse_number
from ktstats.lang.periods import Span
from ktstats.lang.text import did_you_mean
from ktstats.lang.units import parse_unit

__all__ = [
    "DATASET_NUMERIC",
    "MAX_CELL_CHARS",
    "MAX_ROWS",
    "SERIES_COLUMNS",
    "csv_text",
    "file_format",
    "read_dataset_table",
    "read_series_table",
    "read_table",
    "write_table",
]

NumberStyle = Literal["plain", "vi"]
DATASET_NUMERIC: Final = ("value", "low", "high", "denominator")
_NUMERIC: Final = DATASET_NUMERIC
SERIES_COLUMNS: Final = ("indicator", "region", "measure", "kind", "basis", "unit", "freq", "period", "value")
_FORMATS: Final = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "excel"}
_SHEET: Final = "ktstats"
#: the most data rows a file may hold (``max_rows=`` raises it for one read)
MAX_ROWS: Final = 1_000_000
#: the most characters one cell may hold (``max_cell_chars=`` raises it for one read)
MAX_CELL_CHARS: Final = 100_000
# an Excel sheet keeps at most max_rows × this many cells (a row is padded to the header's width)
_CELLS_PER_ROW: Final = 32
_SHORT: Final = 1000  # rows: shorter tables are checked cell by cell, longer ones column by column
# a text that a spreadsheet would run as a formula, after any apostrophes already in front of it
_FORMULA_RE: Final = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED_RE: Final = re.compile(r"'+[=+\-@\t\r]")
_BASES: Final = ("period", "ytd")
_PERIOD_RE: Final = {
    "M": (re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])"), "YYYY-MM, e.g. 2024-03"),
    "Q": (re.compile(r"[0-9]{4}[Qq][1-4]"), "YYYYQn, e.g. 2024Q1"),
    "Y": (re.compile(r"[0-9]{4}"), "YYYY, e.g. 2024"),
}


def _format_of(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in ("csv", "parquet", "excel"):
            raise DataError(
                f"unknown file format {fmt!r}; use 'csv', 'parquet' or 'excel'", file=_label(path)
            )
        return fmt
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise DataError(
            f"cannot tell the format of {_label(path)!r} from its extension; use .csv, .parquet or .xlsx "
            "or pass format=",
            file=_label(path),
        ) from None


def _exact_repr(x: Any) -> str:
    return "" if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) else repr(float(x))


def _label(path: Path) -> str:
    """The file's name for messages (a 5000-character name is cut)."""
    name = path.name or str(path)
    return name if len(name) <= 80 else f"{name[:50]}…{name[-20:]} ({len(name)} characters)"


def _limits(max_rows: int | None, max_cell_chars: int | None) -> tuple[int, int]:
    rows = MAX_ROWS if max_rows is None else max_rows
    chars = MAX_CELL_CHARS if max_cell_chars is None else max_cell_chars
    for what, v in (("max_rows", rows), ("max_cell_chars", chars)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise DataError(f"{what} must be a positive whole number, got {shown(v)}")
    return rows, chars


def _too_many_rows(file: str, max_rows: int) -> DataError:
    return DataError(
        f"the file has more than {max_rows} rows; pass max_rows= to read a larger one", file=file
    )


def _too_long(
    file: str, max_cell_chars: int, where: str = "", row: int | None = None, column: str | None = None
) -> DataError:
    return DataError(
        f"a cell holds more than {max_cell_chars} characters{where}; pass max_cell_chars= to read longer cells",
        file=file,
        row=row,
        column=column,
    )


# --- CSV text cells -------------------------------------------------------------


def _escape_cells(column: pd.Series) -> pd.Series:
    """Text cells a spreadsheet would run (``=1+1``, ``-2+3``, ``@SUM``) behind one more apostrophe."""
    if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
        return column  # numbers, dates, periods: written as pandas writes them
    values = column.tolist()
    if not any(isinstance(v, str) and _FORMULA_RE.match(v) for v in values):
        return column
    escaped = ["'" + v if isinstance(v, str) and _FORMULA_RE.match(v) else v for v in values]
    return pd.Series(escaped, index=column.index, dtype=object)


def _unescape_cells(table: pd.DataFrame, numeric: tuple[str, ...]) -> pd.DataFrame:
    """Undo :func:`_escape_cells` on every text column of a CSV table (not on the number columns)."""
    cols = [j for j, c in enumerate(table.columns) if c not in numeric]
    if len(table) < _SHORT:  # a pandas call per column would cost more than the cells themselves
        for (i, j), v in np.ndenumerate(table.iloc[:, cols].to_numpy(dtype=object)):
            if isinstance(v, str) and _ESCAPED_RE.match(v):
                table.iloc[i, cols[j]] = v[1:]
        return table
    for j in cols:
        col = table.columns[j]  # unique: pandas renames a repeated CSV header
        cells = table[col]
        mask = cells.str.match(_ESCAPED_RE.pattern).fillna(False).to_numpy(dtype=bool)
        if mask.any():
            values = cells.to_numpy(dtype=object, copy=True)
            values[mask] = [v[1:] for v in values[mask]]
            table[col] = pd.Series(values, index=table.index, dtype=cells.dtype)
    return table


# --- writing --------------------------------------------------------------------


def _csv(table: pd.DataFrame, path: Path | None, numeric: tuple[str, ...]) -> str | None:
    """The CSV of ``table`` written to ``path`` (or returned): exact numbers, guarded text."""
    text = table.copy()
    carriage_return = False
    for c in text.columns:
        if c in numeric:
            text[c] = [_exact_repr(v) for v in text[c]]
        else:
            text[c] = _escape_cells(text[c])
            carriage_return = carriage_return or any(
                isinstance(v, str) and "\r" in v for v in text[c].tolist()
            )
    # lines end in "\n", so the csv module would leave a lone "\r" unquoted and a reader would end
    # the line there: a table with one is written with every cell quoted
    if carriage_return:
        return text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_ALL)
    return text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def csv_text(table: pd.DataFrame, numeric: tuple[str, ...] = ()) -> str:
    """``table`` as the CSV text :func:`write_table` writes (for standard output): the ``numeric``
    columns exactly, every text cell a spreadsheet would run (``=1+1``) behind an apostrophe."""
    return str(_csv(table, None, numeric))


def _write_table(table: pd.DataFrame, path: Path, fmt: str, numeric: tuple[str, ...]) -> None:
    try:
        if fmt == "csv":
            _csv(table, path, numeric)
        elif fmt == "parquet":
            _need("pyarrow", "Parquet")
            table.to_parquet(path, index=False, engine="pyarrow")
        else:
            _write_excel(table, path, numeric)
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc}", file=path.name) from exc


def _write_excel(table: pd.DataFrame, path: Path, numeric: tuple[str, ...]) -> None:
    _need("openpyxl", "Excel")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = _SHEET
    ws.append(list(table.columns))
    cols = list(table.columns)
    for r, rec in enumerate(table.itertuples(index=False), start=2):
        for c, value in enumerate(rec, start=1):
            name = cols[c - 1]
            if name in numeric:
                v = float(value)
                if math.isnan(v):
                    continue
                if float(f"{v:.15g}") == v and not (v == 0 and math.copysign(1.0, v) < 0):
                    ws.cell(row=r, column=c, value=v)
                else:  # Excel keeps ~15 digits: keep every digit as Vietnamese-style text
                    cell = ws.cell(row=r, column=c, value=format_number(v))
                    cell.data_type = "s"
            else:
                text = "" if value is None else str(value)
                if text == "":
                    continue
                cell = ws.cell(row=r, column=c, value=text)
                cell.data_type = "s"  # never a formula, whatever the text starts with
    wb.save(path)


# --- reading --------------------------------------------------------------------


def _need(module: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise DataError(f"reading or writing {what} files needs {module}: pip install {module}")


def check_file(path: Path) -> None:
    """Raise a :class:`DataError` unless ``path`` is a regular file that can be opened."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise DataError(f"no such file: {shown(str(path))}", file=_label(path)) from None
    except OSError as exc:  # a name too long, a loop of links, no permission
        raise DataError(f"cannot open {shown(str(path))}: {exc.strerror}", file=_label(path)) from None
    except ValueError as exc:  # a NUL character in the name
        raise DataError(f"cannot open {shown(str(path))}: {exc}", file=_label(path)) from None
    if stat.S_ISDIR(mode):
        raise DataError(f"{shown(str(path))} is a directory, not a file", file=_label(path))
    if not stat.S_ISREG(mode):
        raise DataError(f"{shown(str(path))} is not a regular file", file=_label(path))


def _read_table(
    path: Path, fmt: str, sheet: str | None, numeric: tuple[str, ...], max_rows: int, max_cell_chars: int
) -> pd.DataFrame:
    check_file(path)
    name = _label(path)
    try:
        if fmt == "csv":
            # one row more than allowed is enough to know the file is too long
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", nrows=max_rows + 1)
            if len(table) > max_rows:
                raise _too_many_rows(name, max_rows)
            table = _unescape_cells(table, numeric)
        elif fmt == "parquet":
            _need("pyarrow", "Parquet")
            import pyarrow.parquet as pq

            if pq.read_metadata(path).num_rows > max_rows:
                raise _too_many_rows(name, max_rows)
            table = pd.read_parquet(path, engine="pyarrow")
        else:
            return _read_excel(path, sheet, max_rows, max_cell_chars)
    except UnicodeDecodeError as exc:
        raise DataError(f"{name} is not valid UTF-8 ({exc.reason} at byte {exc.start})", file=name) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"cannot read {name} as CSV: {exc}", file=name) from None
    except KtstatsError:
        raise
    except Exception as exc:  # pyarrow / openpyxl raise their own types for damaged files
        raise DataError(f"cannot read {name} as {fmt}: {type(exc).__name__}: {exc}", file=name) from None
    _check_cell_sizes(table, name, max_cell_chars)
    return table


def _check_cell_sizes(table: pd.DataFrame, file: str, max_cell_chars: int) -> None:
    if len(table) < _SHORT:  # a pandas call per column would cost more than the cells themselves
        for (i, j), v in np.ndenumerate(table.to_numpy(dtype=object)):
            if isinstance(v, str) and len(v) > max_cell_chars:
                raise _too_long(file, max_cell_chars, row=i + 1, column=str(table.columns[j]))
        return
    for col in table.columns:
        cells = table[col]
        if not (pd.api.types.is_object_dtype(cells) or pd.api.types.is_string_dtype(cells)):
            continue
        try:
            lengths = cells.str.len().fillna(0).to_numpy(dtype="int64")
        except (AttributeError, TypeError):  # not text at all (Parquet lists, bytes)
            lengths = np.array([len(v) if isinstance(v, str) else 0 for v in cells.tolist()], dtype="int64")
        too_long = lengths > max_cell_chars
        if too_long.any():
            raise _too_long(file, max_cell_chars, row=int(np.argmax(too_long)) + 1, column=str(col))


def _excel_cell(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m") if value.day == 1 and value.hour == 0 else value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    return value


def _read_excel(path: Path, sheet: str | None, max_rows: int, max_cell_chars: int) -> pd.DataFrame:
    _need("openpyxl", "Excel")
    import openpyxl

    name = _label(path)
    _check_xlsx_parts(path, name, max_rows, max_cell_chars)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is None:
            ws = wb[_SHEET] if _SHEET in wb.sheetnames else wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            raise DataError(f"no sheet {sheet!r} in {name} (sheets: {', '.join(wb.sheetnames)})", file=name)
        if not hasattr(ws, "reset_dimensions"):
            raise DataError(f"sheet {ws.title!r} of {name} is not a worksheet", file=name)
        # the size tag <dimension ref="A1:Q20"> is whatever the writer stored, and read-only openpyxl
        # stops there: forget it and read every row and column the sheet holds
        ws.reset_dimensions()
        return _sheet_table(ws.iter_rows(values_only=True), name, max_rows, max_cell_chars)
    finally:
        wb.close()


def _sheet_table(
    rows: Iterator[tuple[Any, ...]], name: str, max_rows: int, max_cell_chars: int
) -> pd.DataFrame:
    """The sheet's rows as a table, stopping at the first row or cell past the caps."""
    first = next(rows, None)
    if first is None:
        raise DataError(f"{name} has an empty sheet", file=name)
    header = [str(h).strip() if h is not None else "" for h in first]
    while header and header[-1] == "":
        header.pop()
    for j, h in enumerate(header, start=1):
        if len(h) > max_cell_chars:
            raise _too_long(name, max_cell_chars, f" (the header of column {j})")
    width = len(header)
    max_cells = max_rows * _CELLS_PER_ROW
    data: list[list[Any]] = []
    for i, row in enumerate(rows, start=1):
        if i > max_rows:
            raise _too_many_rows(name, max_rows)
        if not any(v is not None for v in row):
            continue
        cells = [_excel_cell(v) for v in row[:width]]
        for j, v in enumerate(cells):
            if isinstance(v, str) and len(v) > max_cell_chars:
                raise _too_long(name, max_cell_chars, row=i, column=header[j])
        cells.extend([None] * (width - len(cells)))
        data.append(cells)
        if len(data) * width > max_cells:
            raise DataError(
                f"the sheet has more than {max_cells} cells ({width} columns); pass max_rows= to read a "
                "larger one",
                file=name,
            )
    frame = pd.DataFrame(data, columns=header, dtype=object)
    return frame.where(frame.notna(), "")


# --- xlsx parts, checked while they stream ---------------------------------------------

# elements that hold a cell's text inside a cell (<c>) or a shared string (<si>): their characters
# add up; any other element starts a new count
_INSIDE_A_CELL: Final = frozenset(
    {
        *("r", "t", "v", "f", "is", "rPr", "rPh", "phoneticPr"),
        *("rFont", "charset", "family", "b", "i", "strike", "outline", "shadow", "condense", "extend"),
        *("color", "sz", "u", "vertAlign", "scheme"),
    }
)


class _PartCounter:
    """Counts rows and the characters of one cell as an XML part streams through expat."""

    def __init__(self, file: str, part: str, max_rows: int, max_cell_chars: int) -> None:
        self.file, self.part = file, part
        self.max_rows, self.max_cell_chars = max_rows, max_cell_chars
        self.rows = 0
        self.chars = 0
        self.kinds: dict[str, int] = {}  # tag → 0 inside a cell, 1 a new count, 2 a row

    def start(self, tag: str, _attrs: Any) -> None:
        kind = self.kinds.get(tag)
        if kind is None:
            local = tag.rpartition(":")[2]
            kind = self.kinds[tag] = 2 if local == "row" else 0 if local in _INSIDE_A_CELL else 1
        if kind:
            self.chars = 0
            if kind == 2:
                self.rows += 1
                if self.rows > self.max_rows + 1:  # the header is a row too
                    raise _too_many_rows(self.file, self.max_rows)

    def data(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.max_cell_chars:
            raise _too_long(self.file, self.max_cell_chars, f" (in {shown(self.part, 60)})")


def _check_xlsx_parts(path: Path, name: str, max_rows: int, max_cell_chars: int) -> None:
    """Stream every XML part of an ``.xlsx`` once, keeping nothing, and stop past the caps.

    openpyxl reads all shared strings when it opens a workbook, and each cell whole, so a 200 MB
    cell or tag, or two million rows, must be refused first. The zip's stated sizes bound what a
    part unpacks to (zipfile stops there): small parts are skipped, the others stream through
    expat with a counter, the raw bytes between two ``<`` capped so expat never buffers more."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            # a part too small to hold a longer cell or more rows ("<row/>" is 6 bytes) is skipped
            if info.is_dir() or (info.file_size <= max_cell_chars and info.file_size <= 6 * (max_rows + 1)):
                continue
            with zf.open(info) as part:
                _stream_part(part, name, info.filename, max_rows, max_cell_chars)


def _stream_part(part: Any, name: str, part_name: str, max_rows: int, max_cell_chars: int) -> None:
    from xml.parsers import expat

    # a character takes at most 4 bytes of UTF-8 (more as an entity &#x1F600;): generous, and bounded
    max_gap = 8 * max_cell_chars + 4096
    counter = _PartCounter(name, part_name, max_rows, max_cell_chars)
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = True  # a list is cheaper than a dict, and the counter ignores them
    parser.StartElementHandler = counter.start
    parser.CharacterDataHandler = counter.data
    gap = 0  # bytes since the last "<"
    first = True
    for chunk in iter(lambda: part.read(1 << 20), b""):
        if first and not chunk.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith((b"<", b"\x00<", b"<\x00")):
            return  # not XML (an image, a binary part): openpyxl does not parse it either
        first = False
        longest, gap = _longest_run(chunk, gap)
        if longest > max_gap:
            raise _too_long(name, max_cell_chars, f" (in {shown(part_name, 60)})")
        try:
            parser.Parse(chunk, False)
        except expat.ExpatError:
            return  # damaged XML: openpyxl stops at the same place if it needs this part
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(b"", True)


def _longest_run(chunk: bytes, gap: int) -> tuple[int, int]:
    """The longest run of bytes without ``<`` in ``chunk`` (``gap`` bytes carried in), and the carry out."""
    lt = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 0x3C)
    if lt.size == 0:
        return gap + len(chunk), gap + len(chunk)
    longest = gap + int(lt[0])
    if lt.size > 1:
        longest = max(longest, int(np.diff(lt).max()) - 1)
    return longest, len(chunk) - int(lt[-1]) - 1


# --- numbers and series files ----------------------------------------------------------


def _numbers_from_text(
    frame: pd.DataFrame, file: str, style: NumberStyle, columns: tuple[str, ...]
) -> pd.DataFrame:
    """Text number cells to floats: Vietnamese style for Excel text and ``number_style='vi'``."""
    out = frame.copy()
    for col in columns:
        if col not in out.columns:
            continue
        values = []
        for i, v in enumerate(out[col].tolist(), start=1):
            if isinstance(v, str) and v.strip() != "":
                text = v.strip()
                if style == "vi":
                    try:
                        v = parse_number(text, source=f"{file} row {i} column {col!r}")
                    except KtstatsError as exc:
                        raise DataError(str(exc), file=file, row=i, column=col) from None
                else:
                    v = text
            values.append(v)
        out[col] = pd.Series(values, index=out.index, dtype=object)
    return out


def _text_cells(column: pd.Series) -> list[str]:
    """A column's cells as stripped text; empty for a missing cell (None, NaN, NaT from Parquet)."""
    out = []
    for v in column.tolist():
        if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            out.append("")
        else:
            out.append(str(v).strip())
    return out


def _one_per_file(cells: list[str], col: str, file: str) -> str:
    first = cells[0]
    for i, c in enumerate(cells, start=1):
        if c != first:
            raise DataError(
                f"one {col} per file: {shown(first)} on row 1 but {shown(c)}", file=file, row=i, column=col
            )
    return first


def _check_series_metadata(meta: dict[str, str], file: str) -> None:
    """The per-file columns of a series or panel file, each against its vocabulary (row 1)."""
    indicator = meta["indicator"]
    if indicator and indicator not in by_code():
        hint = did_you_mean(indicator, by_code(), cutoff=0.5)
        message = f"unknown indicator {shown(indicator)}{hint} (a catalog code, or empty)"
        raise DataError(message, file=file, row=1, column="indicator")
    for col, allowed in (
        ("measure", MEASURES),
        ("kind", KINDS),
        ("basis", _BASES),
        ("freq", ("M", "Q", "Y")),
    ):
        if meta[col] not in allowed:
            message = f"unknown {col} {shown(meta[col])}; expected one of {', '.join(allowed)}"
            raise DataError(message, file=file, row=1, column=col)
    try:
        parse_unit(meta["unit"])
    except KtstatsError as exc:
        raise DataError(str(exc), file=file, row=1, column="unit") from None


def _series_periods(cells: list[str], freq: str, file: str) -> pd.PeriodIndex:
    """The period cells as periods of the file's frequency: written exactly so, within the years
    the library handles (a monthly file's "2024" is refused, not read as January)."""
    pattern, form = _PERIOD_RE[freq]
    for i, text in enumerate(cells, start=1):
        if text == "":
            raise DataError("the period is missing", file=file, row=i, column="period")
        if not pattern.fullmatch(text):
            raise DataError(
                f"cannot read {shown(text)} as a {freq} period (write {form})",
                file=file,
                row=i,
                column="period",
            )
    years = np.array([int(t[:4]) for t in cells])
    for year in np.unique(years):
        try:
            Span(f"{year:04d}-01", f"{year:04d}-12")  # the years the library handles
        except KtstatsError as exc:
            i = int(np.argmax(years == year)) + 1
            raise DataError(f"period {cells[i - 1]!r}: {exc}", file=file, row=i, column="period") from None
    return pd.PeriodIndex([t.upper() for t in cells], freq=freq)


def read_series_table(
    path: str | Path,
    format: str | None,
    number_style: NumberStyle | None,
    sheet: str | None,
    *,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
) -> tuple[pd.DataFrame, str]:
    """The long table of a series or panel file, every cell checked (errors name file, row, column)."""
    p = Path(path)
    fmt = _format_of(p, format)
    rows, chars = _limits(max_rows, max_cell_chars)
    table = _read_table(p, fmt, sheet, ("value",), rows, chars)
    name = _label(p)
    missing = [c for c in SERIES_COLUMNS if c not in table.columns]
    if missing:
        raise DataError(f"missing required column(s) {', '.join(missing)}", file=name)
    style = number_style or ("vi" if fmt == "excel" else "plain")
    table = _numbers_from_text(table, name, style, ("value",))
    if len(table) == 0:
        raise DataError("the file has no rows", file=name)
    meta = {
        col: _one_per_file(_text_cells(table[col]), col, name)
        for col in ("indicator", "measure", "kind", "basis", "unit", "freq")
    }
    _check_series_metadata(meta, name)
    regions = _text_cells(table["region"])
    blank = [i for i, r in enumerate(regions, start=1) if r == ""]
    if blank and len(blank) < len(regions):
        raise DataError(
            "the region is blank (a file names the region on every row, or on none for a series without one)",
            file=name,
            row=blank[0],
            column="region",
        )
    periods = _series_periods(_text_cells(table["period"]), meta["freq"], name)
    values = []
    for i, v in enumerate(table["value"].tolist(), start=1):
        try:
            f = float(v)
        except (TypeError, ValueError, OverflowError):
            raise DataError(
                f"cannot read {shown(v)} as a number (plain style, e.g. 1326.4; pass number_style='vi' for 1.326,4)",
                file=name,
                row=i,
                column="value",
            ) from None
        if not math.isfinite(f):
            raise DataError(f"missing or infinite value {shown(v)}", file=name, row=i, column="value")
        values.append(f)
    out = pd.DataFrame({"region": regions, "period": periods, "value": values})
    dup = out.duplicated(["region", "period"])
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(
            f"duplicated period {out['period'].iloc[i]} for region {out['region'].iloc[i]!r}",
            file=name,
            row=i + 1,
            column="period",
        )
    for col, value in meta.items():
        out[col] = value
    return out, name


def write_table(
    table: pd.DataFrame, path: str | Path, numeric: tuple[str, ...], *, format: str | None = None
) -> None:
    """Write a file table (``numeric`` columns exactly, text as text) as CSV, Parquet or Excel."""
    p = Path(path)
    _write_table(table, p, _format_of(p, format), numeric)


def read_dataset_table(
    path: str | Path,
    *,
    format: str | None = None,
    number_style: NumberStyle | None = None,
    sheet: str | None = None,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
) -> pd.DataFrame:
    """The dataset table of a file, numbers read in ``number_style`` (validated by :class:`Dataset`).

    ``number_style``: ``"plain"`` (1326.4; the default for CSV and Parquet) or
    ``"vi"`` (1.326,4; the default for text cells in Excel, where numbers
    typed in a Vietnamese locale arrive as text). ``max_rows`` and
    ``max_cell_chars`` cap what is read (default :data:`MAX_ROWS`,
    :data:`MAX_CELL_CHARS`).
    """
    p = Path(path)
    fmt = _format_of(p, format)
    rows, chars = _limits(max_rows, max_cell_chars)
    table = _read_table(p, fmt, sheet, _NUMERIC, rows, chars)
    style = number_style or ("vi" if fmt == "excel" else "plain")
    if style not in ("plain", "vi"):
        raise DataError(f"unknown number style {style!r}; use 'plain' or 'vi'", file=_label(p))
    table = _numbers_from_text(table, _label(p), style, _NUMERIC)
    if "document_date" in table.columns:
        table["document_date"] = table["document_date"].astype(str).replace({"NaT": "", "None": ""})
    return table


def file_format(path: Path, fmt: str | None = None) -> str:
    """'csv', 'parquet' or 'excel': ``fmt`` checked, else from the extension."""
    return _format_of(path, fmt)


def read_table(
    path: str | Path,
    *,
    format: str | None = None,
    sheet: str | None = None,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
) -> pd.DataFrame:
    """The raw table of a file (text cells as they are, CSV formula guards taken off)."""
    p = Path(path)
    rows, chars = _limits(max_rows, max_cell_chars)
    return _read_table(p, _format_of(p, format), sheet, _NUMERIC, rows, chars)
