"""Files in and out: datasets, series and panels as CSV, Parquet and Excel, without losing a field.

Datasets are written as the same table that ships in ``datasets/`` (one row
per figure: indicator, region, span, measure, value, unit, qualifier, range,
denominator, form, reference, document, date, quote, note). Series and panels
are written long: one row per (region, period) with the indicator, measure,
kind, basis, unit and frequency on every row, so a file describes itself.

Round trips are lossless: values are float64 bit for bit (CSV writes the
shortest repr; Excel, which keeps 15–16 digits, gets a Vietnamese-style text
cell when a number would not survive), text is UTF-8, spans, units,
qualifiers and quotes are kept (a CSV text cell that a spreadsheet would run,
"=1+1", is written "'=1+1" and read back as "=1+1"). Reading is capped at
``max_rows`` rows and ``max_cell_chars`` characters a cell (see
:mod:`ktstats.data.tables`). Reading validates every row and names file,
row and column on error. Files are never executed: CSV is parsed as text,
Parquet through pyarrow (no pickle), Excel through openpyxl with formulas
read as their stored values and text that looks like a formula written as
text. The tables themselves are read and written by :mod:`ktstats.data.tables`.

Why openpyxl and pyarrow: they are the readers pandas itself uses for these
formats; both are imported only when such a file is read or written.
"""

from __future__ import annotations

from pathlib import Path

from ktstats.data.dataset import Dataset
from ktstats.data.panel import Panel
from ktstats.data.series import IndicatorSeries
from ktstats.data.tables import NumberStyle, file_format, read_series_table, read_table
from ktstats.data.typed import TypedSeries
from ktstats.errors import DataError

__all__ = ["read", "read_dataset", "read_panel", "read_series", "write", "write_dataset", "write_series"]


def read_dataset(
    path: str | Path,
    *,
    format: str | None = None,
    number_style: NumberStyle | None = None,
    sheet: str | None = None,
    max_rows: int | None = None,
    max_cell_chars: int | None = None,
) -> Dataset:
    """Read a dataset file written by ktstats, a colleague or Excel (see :meth:`Dataset.read`)."""
    return Dataset.read(
        path,
        format=format,
        number_style=number_style,
        sheet=sheet,
        max_rows=max_rows,
        max_cell_chars=max_cell_chars,
    )


def read_series(
    path: str | Path,
    *,
    format: str | None = None,
    number_style: NumberStyle | None = None,
    sheet: str | None = None,
) -> IndicatorSeries:
    """Read one series (one region) from a long table file."""
    return IndicatorSeries.read(path, format=format, number_style=number_style, sheet=sheet)


def read_panel(
    path: str | Path,
    *,
    format: str | None = None,
    number_style: NumberStyle | None = None,
    sheet: str | None = None,
) -> Panel:
    """Read a panel (many regions) from a long table file; every region needs every period."""
    return Panel.read(path, format=format, number_style=number_style, sheet=sheet)


def write_dataset(ds: Dataset, path: str | Path, *, format: str | None = None) -> None:
    """Write a dataset to CSV, Parquet or Excel (chosen by extension or ``format``)."""
    write(ds, path, format=format)


def write_series(x: TypedSeries, path: str | Path, *, format: str | None = None) -> None:
    """Write an IndicatorSeries or Panel as a long table."""
    write(x, path, format=format)


def write(obj: Dataset | TypedSeries, path: str | Path, *, format: str | None = None) -> None:
    """Write a :class:`Dataset`, :class:`IndicatorSeries` or :class:`Panel` (format from the extension).

    >>> import tempfile, pathlib, ktstats
    >>> ds = ktstats.load_dataset("kon_tum")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kon_tum.csv"
    >>> ktstats.write(ds, path)
    >>> len(ktstats.read(path)) == len(ds)
    True
    """
    if not isinstance(obj, (Dataset, TypedSeries)):
        raise DataError(
            f"write() takes a Dataset, IndicatorSeries or Panel, got {type(obj).__name__}; "
            "for a plain DataFrame use DataFrame.to_csv"
        )
    writers = {"csv": obj.to_csv, "parquet": obj.to_parquet, "excel": obj.to_excel}
    writers[file_format(Path(path), format)](path)


def read(
    path: str | Path,
    *,
    format: str | None = None,
    number_style: NumberStyle | None = None,
    sheet: str | None = None,
) -> Dataset | IndicatorSeries | Panel:
    """Read a file written by :func:`write`: a dataset table, or a long series/panel table.

    The columns say which: a dataset has ``quote`` and ``period_start``; a series
    file has one region, a panel file several.
    """
    table = read_table(path, format=format, sheet=sheet)
    if "quote" in table.columns or "period_start" in table.columns:
        return read_dataset(path, format=format, number_style=number_style, sheet=sheet)
    frame, _ = read_series_table(path, format, number_style, sheet)
    if frame["region"].nunique() > 1:
        return read_panel(path, format=format, number_style=number_style, sheet=sheet)
    return read_series(path, format=format, number_style=number_style, sheet=sheet)
