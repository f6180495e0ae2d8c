"""The rows a regional chart draws: one value per region for one period, from a Dataset, a Panel or
a user's own DataFrame or Series (see :func:`ktstats.present.plotting.plot_regional`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ktstats.errors import DataError, PeriodError
from ktstats.lang.periods import Span
from ktstats.lang.units import unit_to_str

if TYPE_CHECKING:
    from ktstats.data.dataset import Dataset
    from ktstats.data.panel import Panel

__all__ = ["LONG_COLUMNS", "dataset_rows", "frame_rows", "panel_row", "region_code"]


def dataset_rows(data: Dataset, indicator: str, span: Span, measure: str | None) -> pd.DataFrame:
    f = data.filter(indicator=indicator, form="level").latest().to_frame()
    if measure is not None:
        f = f[f["measure"] == measure]
    else:
        # the actual where a region has one, its estimate otherwise (marked on the chart)
        f = f[f["measure"].isin(["actual", "estimate"])]
        f = f.sort_values("measure", kind="stable").drop_duplicates(
            ["region", "period_start", "period_end"], keep="first"
        )
    f = f[(f["period_start"] == span.start) & (f["period_end"] == span.end)]
    if f.empty:
        every = data.filter(indicator=indicator).to_frame()
        have = sorted({f"{a}..{b}" for a, b in zip(every["period_start"], every["period_end"], strict=True)})
        raise PeriodError(
            f"no {indicator} for {span.label()} ({span}); the data has {', '.join(have) or 'none'}"
        )
    if f["region"].duplicated().any():
        raise DataError(f"several {indicator} figures for one region in {span.label()}; choose a measure=")
    return f


def panel_row(panel: Panel, indicator: str | None, span: Span) -> pd.DataFrame:
    if panel.indicator not in (None, indicator):
        raise DataError(f"the panel holds {panel.indicator}, not {indicator}")
    end = span.end.asfreq(panel.freq)
    if panel.basis == "ytd":
        fits = span.start.month == 1 and span.start.year == span.end.year
    else:
        fits = span.start.asfreq(panel.freq) == end
    fits = fits and span.end == end.asfreq("M", how="end")
    if not fits or end not in panel.index:
        raise PeriodError(
            f"{span.label()} ({span}) is not a {panel.freq}/{panel.basis} period of the panel "
            f"(it has {', '.join(str(p) for p in panel.index)})"
        )
    frame = panel.to_frame()
    row = frame.iloc[list(frame.index).index(end)]
    return pd.DataFrame(
        {
            "region": [str(c) for c in row.index],
            "value": row.to_numpy(dtype="float64"),
            "unit": unit_to_str(panel.unit),
            "qualifier": "exact",
        }
    )


LONG_COLUMNS = ("region", "value", "unit", "qualifier", "measure", "document")


def frame_rows(data: pd.DataFrame | pd.Series, span: Span | None) -> pd.DataFrame:
    """A user's own figures (the shapes :func:`plot_regional` lists) as rows of region and value."""
    columns = {str(c) for c in data.columns} if isinstance(data, pd.DataFrame) else set()
    if isinstance(data, pd.DataFrame) and {"region", "value"} <= columns:
        frame = data[[c for c in LONG_COLUMNS if c in columns]].astype({"region": str})
    else:
        if isinstance(data, pd.Series) or len(data) == 1 or data.shape[1] == 1:
            row = data if isinstance(data, pd.Series) else data.iloc[0] if len(data) == 1 else data.iloc[:, 0]
        elif isinstance(data.index, pd.PeriodIndex) and span is not None:
            rows = data[data.index == span.end.asfreq(data.index.freqstr)]
            if len(rows) != 1:
                raise PeriodError(f"{span.label()}: the DataFrame has {len(rows)} rows for it; keep one")
            row = rows.iloc[0]
        else:
            raise DataError(
                f"plot_regional cannot tell which figures to draw from a {data.shape[0]} × {data.shape[1]} "
                "DataFrame: pass a long DataFrame with 'region' and 'value' columns (one row per region), one "
                "row with a column per region, regions as the index with one value column, or a Panel "
                "(select one period first, e.g. df.loc[['2023']])"
            )
        frame = pd.DataFrame({"region": [str(i) for i in row.index], "value": row.to_numpy()})
    if frame.empty:
        raise DataError("the DataFrame has no figures to draw")
    try:
        frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    except (TypeError, ValueError):
        bad = next((v for v in frame["value"] if not isinstance(v, (int, float, np.number))), None)
        raise DataError(f"the values to draw must be numbers, not {bad!r}; convert them first") from None
    if frame["region"].duplicated().any():
        dup = ", ".join(sorted(set(frame["region"][frame["region"].duplicated()])))
        raise DataError(f"several figures for {dup}: keep one row per region (one period, one measure)")
    return frame if "qualifier" in frame else frame.assign(qualifier="exact")


def region_code(label: str, field: str = "code") -> str:
    """The code (or ``kind``) of a province or city written any way; a label that is not one stays as it is."""
    from ktstats.catalog.regions import region

    try:
        return str(getattr(region(label), field))
    except DataError:
        return label if field == "code" else ""
