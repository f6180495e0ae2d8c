"""Tables on disk: CSV, Parquet and Excel, read and written without losing a field.

This module knows tables (pandas DataFrames of text and floats), not datasets
or series; :mod:`ktstats.data.io` explains the file layouts and turns the
tables into :class:`Dataset`, :class:`IndicatorSeries` and :class:`Panel`.
Floats are written exactly (shortest repr in CSV; Vietnamese-style text in an
Excel cell when 15 digits would lose one), Excel text is never a formula, and
every read error names the file, row and column. openpyxl and pyarrow are
imported only when such a file is touched.
"""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import KINDS
from ktstats.errors import DataError, KtstatsError
from ktstats.lang.numbers import format_number, parse_number
from ktstats.lang.units import parse_unit

__all__ = [
    "DATASET_NUMERIC",
    "SERIES_COLUMNS",
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


def _format_of(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in ("csv", "parquet", "excel"):
            raise DataError(f"unknown file format {fmt!r}; use 'csv', 'parquet' or 'excel'", file=path.name)
        return fmt
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise DataError(
            f"cannot tell the format of {path.name!r} from its extension; use .csv, .parquet or .xlsx "
            "or pass format=",
            file=path.name,
        ) from None


def _exact_repr(x: float) -> str:
    return "" if isinstance(x, float) and math.isnan(x) else repr(float(x))


# --- tables ---------------------------------------------------------------------


# --- writing --------------------------------------------------------------------


def _write_table(table: pd.DataFrame, path: Path, fmt: str, numeric: tuple[str, ...]) -> None:
    try:
        if fmt == "csv":
            text = table.copy()
            for c in numeric:
                if c in text.columns:
                    text[c] = [_exact_repr(v) for v in text[c]]
            text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
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


def _read_table(path: Path, fmt: str, sheet: str | None) -> pd.DataFrame:
    if not path.is_file():
        raise DataError(f"no such file: {path}", file=path.name)
    try:
        if fmt == "csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if fmt == "parquet":
            _need("pyarrow", "Parquet")
            return pd.read_parquet(path, engine="pyarrow")
        return _read_excel(path, sheet)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path.name} is not valid UTF-8 ({exc.reason} at byte {exc.start})", file=path.name
        ) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"cannot read {path.name} as CSV: {exc}", file=path.name) from None
    except KtstatsError:
        raise
    except Exception as exc:  # pyarrow / openpyxl raise their own types for damaged files
        raise DataError(
            f"cannot read {path.name} as {fmt}: {type(exc).__name__}: {exc}", file=path.name
        ) from None


def _excel_cell(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m") if value.day == 1 and value.hour == 0 else value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    return value


def _read_excel(path: Path, sheet: str | None) -> pd.DataFrame:
    _need("openpyxl", "Excel")
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is None:
            ws = wb[_SHEET] if _SHEET in wb.sheetnames else wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            raise DataError(
                f"no sheet {sheet!r} in {path.name} (sheets: {', '.join(wb.sheetnames)})", file=path.name
            )
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    if not rows:
        raise DataError(f"{path.name} has an empty sheet", file=path.name)
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    while header and header[-1] == "":
        header.pop()
    data = [
        [_excel_cell(v) for v in row[: len(header)]] for row in rows[1:] if any(v is not None for v in row)
    ]
    frame = pd.DataFrame(data, columns=header, dtype=object)
    return frame.where(frame.notna(), "")


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


def read_series_table(
    path: str | Path, format: str | None, number_style: NumberStyle | None, sheet: str | None
) -> tuple[pd.DataFrame, str]:
    p = Path(path)
    fmt = _format_of(p, format)
    table = _read_table(p, fmt, sheet)
    missing = [c for c in SERIES_COLUMNS if c not in table.columns]
    if missing:
        raise DataError(f"missing required column(s) {', '.join(missing)}", file=p.name)
    style = number_style or ("vi" if fmt == "excel" else "plain")
    table = _numbers_from_text(table, p.name, style, ("value",))
    if len(table) == 0:
        raise DataError("the file has no rows", file=p.name)
    for col in ("indicator", "measure", "kind", "basis", "unit", "freq"):
        cells = table[col].astype(str).str.strip()
        first = cells.iloc[0]
        bad = np.flatnonzero((cells != first).to_numpy())
        if bad.size:
            raise DataError(
                f"one {col} per file: {first!r} on row 1 but {cells.iloc[bad[0]]!r}",
                file=p.name,
                row=int(bad[0]) + 1,
                column=col,
            )
        if col == "kind" and first not in KINDS:
            raise DataError(
                f"unknown kind {first!r}; expected one of {KINDS}", file=p.name, row=1, column=col
            )
        if col == "freq" and first not in ("M", "Q", "Y"):
            raise DataError(
                f"unknown frequency {first!r}; expected M, Q or Y", file=p.name, row=1, column=col
            )
        if col == "unit":
            try:
                parse_unit(first)
            except KtstatsError as exc:
                raise DataError(str(exc), file=p.name, row=1, column=col) from None
    freq = str(table["freq"].iloc[0]).strip()
    periods = []
    for i, text in enumerate(table["period"].astype(str).tolist(), start=1):
        try:
            periods.append(pd.Period(text.strip(), freq=freq))
        except (ValueError, TypeError):
            raise DataError(
                f"cannot read {text!r} as a {freq} period", file=p.name, row=i, column="period"
            ) from None
    values = []
    for i, v in enumerate(table["value"].tolist(), start=1):
        try:
            f = float(v)
        except (TypeError, ValueError):
            raise DataError(
                f"cannot read {v!r} as a number (plain style, e.g. 1326.4; pass number_style='vi' for 1.326,4)",
                file=p.name,
                row=i,
                column="value",
            ) from None
        if not math.isfinite(f):
            raise DataError(f"missing or infinite value {v!r}", file=p.name, row=i, column="value")
        values.append(f)
    out = pd.DataFrame(
        {"region": table["region"].astype(str).str.strip(), "period": periods, "value": values}
    )
    dup = out.duplicated(["region", "period"])
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(
            f"duplicated period {out['period'].iloc[i]} for region {out['region'].iloc[i]!r}",
            file=p.name,
            row=i + 1,
            column="period",
        )
    return pd.concat(
        [
            out,
            table[["indicator", "measure", "kind", "basis", "unit", "freq"]]
            .iloc[:1]
            .reindex(out.index, method="ffill"),
        ],
        axis=1,
    ), p.name


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
) -> pd.DataFrame:
    """The dataset table of a file, numbers read in ``number_style`` (validated by :class:`Dataset`).

    ``number_style``: ``"plain"`` (1326.4; the default for CSV and Parquet) or
    ``"vi"`` (1.326,4; the default for text cells in Excel, where numbers
    typed in a Vietnamese locale arrive as text).
    """
    p = Path(path)
    fmt = _format_of(p, format)
    table = _read_table(p, fmt, sheet)
    style = number_style or ("vi" if fmt == "excel" else "plain")
    if style not in ("plain", "vi"):
        raise DataError(f"unknown number style {style!r}; use 'plain' or 'vi'", file=p.name)
    table = _numbers_from_text(table, p.name, style, _NUMERIC)
    if "document_date" in table.columns:
        table["document_date"] = table["document_date"].astype(str).replace({"NaT": "", "None": ""})
    return table


def file_format(path: Path, fmt: str | None = None) -> str:
    """'csv', 'parquet' or 'excel': ``fmt`` checked, else from the extension."""
    return _format_of(path, fmt)


def read_table(path: str | Path, *, format: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The raw table of a file (text cells as they are)."""
    p = Path(path)
    return _read_table(p, _format_of(p, format), sheet)
