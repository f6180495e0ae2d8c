"""One typed series: float64 values on a PeriodIndex with one unit and a basis.

An :class:`IndicatorSeries` is *key + index + interval* (which indicator,
region and measure; which periods; monthly, quarterly or yearly) plus a
**unit** held once for the whole series and a **basis**:

- ``period``: each value covers its own period (a quarter's revenue);
- ``ytd``: each value covers January to the end of its period (the
  "9 tháng" figure of the reports).

Many series side by side are a :class:`~ktstats.data.panel.Panel`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.data.typed import TypedSeries, as_period_index, float_array
from ktstats.errors import DataError
from ktstats.lang.units import apply_factor, conversion_factor, format_unit, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

__all__ = ["IndicatorSeries"]


class IndicatorSeries(TypedSeries):
    """One indicator, one region, one measure, over time.

    Build one with :meth:`from_pandas` or :meth:`Dataset.series`.

    Examples
    --------
    >>> s = IndicatorSeries.from_pandas(
    ...     pd.Series([830.0, 1070.0], index=pd.PeriodIndex(["2024Q1", "2024Q2"], freq="Q")),
    ...     unit="tỷ đồng", kind="flow", basis="period", indicator="state_budget_revenue")
    >>> s.to_ytd().values.tolist()
    [830.0, 1900.0]
    >>> (s + s).values.tolist()
    [1660.0, 2140.0]
    """

    __slots__ = ("provenance", "region")

    region: str | None
    provenance: pd.DataFrame | None

    def __init__(
        self,
        values: Sequence[float] | np.ndarray,
        index: pd.Index | Sequence[Any],
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str = "period",
        indicator: str | None = None,
        region: str | None = None,
        measure: str = "actual",
        provenance: pd.DataFrame | None = None,
    ) -> None:
        where = f"series {indicator or ''}".strip()
        arr = float_array(values, where, 1)
        self._init_common(arr, index, unit, basis, kind, indicator, measure, where)
        self.region = region
        if provenance is not None and len(provenance) != len(arr):
            raise DataError(f"{where}: provenance has {len(provenance)} rows for {len(arr)} values")
        self.provenance = provenance

    @classmethod
    def from_pandas(
        cls,
        s: pd.Series,
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str | None = None,
        indicator: str | None = None,
        region: str | None = None,
        measure: str = "actual",
    ) -> IndicatorSeries:
        """Wrap a pandas Series (missing values raise).

        The index may be a PeriodIndex, regular timestamps or report labels ("tháng 1/2024",
        "quý I/2024"). A flow needs ``basis``: ``"period"`` (each value is its own month or
        quarter) or ``"ytd"`` (cumulative from January, "lũy kế") — there is no default, because
        the two give different years; a "period" flow that never falls and ends above three times
        its first value draws a warning that it looks cumulative.
        """
        if not isinstance(s, pd.Series):
            raise DataError(f"expected a pandas Series, got {type(s).__name__}")
        index = as_period_index(s.index, f"series {s.name!r}")
        if basis is None:
            if kind == "flow" and index.freqstr[0] != "Y":  # whole years: period and year to date agree
                raise DataError(
                    f"series {s.name!r}: say whether the flow is per period or cumulative — "
                    "basis='period' (each value is its own month or quarter) or basis='ytd' "
                    "(from January, lũy kế)"
                )
            basis = "period"
        if kind == "flow" and basis == "period" and len(s) >= 3:
            v = pd.to_numeric(s, errors="coerce").to_numpy(dtype="float64")
            if np.isfinite(v).all() and v[0] > 0 and (np.diff(v) >= 0).all() and v[-1] > 3 * v[0]:
                warnings.warn(
                    f"series {s.name!r} never falls and ends at {v[-1] / v[0]:.1f}× its first value: it looks "
                    "cumulative (lũy kế); if so, pass basis='ytd'",
                    UserWarning,
                    stacklevel=2,
                )
        return cls(
            s,  # type: ignore[arg-type]
            index,
            unit=unit,
            kind=kind,
            basis=basis,
            indicator=indicator if indicator is not None else (str(s.name) if s.name is not None else None),
            region=region,
            measure=measure,
        )

    @classmethod
    def _from_rows(cls, rows: pd.DataFrame, *, indicator: str, region: str, measure: str) -> IndicatorSeries:
        """Build from dataset rows of one indicator/region/measure (levels only)."""
        ind = by_code()[indicator]
        starts = pd.PeriodIndex(rows["period_start"], freq="M")
        ends = pd.PeriodIndex(rows["period_end"], freq="M")
        months = (ends.asi8 - starts.asi8) + 1
        s_month = np.asarray(starts.month)
        e_month = np.asarray(ends.month)
        same_year = np.asarray(starts.year) == np.asarray(ends.year)
        spans = ", ".join(f"{a}..{b}" for a, b in zip(starts, ends, strict=True))
        if (months == 1).all():
            freq, basis, periods = "M", "period", ends
        elif (same_year & (e_month % 3 == 0)).all() and ((months == 3) & (s_month % 3 == 1)).all():
            freq, basis, periods = "Q", "period", ends.asfreq("Q")
        elif (same_year & (s_month == 1) & (e_month == 12)).all():
            freq, basis, periods = "Y", "period", ends.asfreq("Y")
        elif (same_year & (s_month == 1) & (e_month % 3 == 0)).all():
            freq, basis, periods = "Q", "ytd", ends.asfreq("Q")
        elif (same_year & (s_month == 1)).all():
            freq, basis, periods = "M", "ytd", ends
        else:
            raise DataError(
                f"{indicator} ({region}, {measure}): the spans {spans} mix period and year-to-date "
                "figures or span several years; filter the dataset to one kind of span"
            )
        if basis == "ytd" and ind.kind not in ("flow", "growth", "index", "rank", "rate"):
            basis = "period"
        target = parse_unit(ind.unit)
        factors = np.array([conversion_factor(u, target) for u in rows["unit"]])
        values = np.array(
            [
                apply_factor(v, f)
                for v, f in zip(rows["value"].to_numpy(dtype="float64"), factors, strict=True)
            ],
            dtype="float64",
        )
        prov = pd.DataFrame(
            {
                "period_start": starts,
                "period_end": ends,
                "qualifier": rows["qualifier"].to_numpy(),
                "document": rows["document"].to_numpy(),
                "document_date": rows["document_date"].to_numpy(),
                "quote": rows["quote"].to_numpy(),
                "note": rows["note"].to_numpy(),
            },
            index=pd.PeriodIndex(periods, freq=freq),
        )
        order = np.argsort(pd.PeriodIndex(prov.index).asi8, kind="stable")
        prov = prov.iloc[order]
        return cls(
            values[order],
            prov.index,
            unit=target,
            kind=ind.kind,
            basis=basis,
            indicator=indicator,
            region=region,
            measure=measure,
            provenance=prov,
        )

    def _column_names(self) -> list[str]:
        return [self.region or ""]

    @classmethod
    def _from_file_frame(cls, frame: pd.DataFrame, name: str) -> IndicatorSeries:
        regions = frame["region"].unique()
        if len(regions) != 1:
            raise DataError(
                f"{len(regions)} regions in the file ({', '.join(map(str, regions[:5]))}); read it as a panel (ktstats.read or Panel.read_csv)",
                file=name,
                column="region",
            )
        meta = frame.iloc[0]
        return cls(
            frame["value"].to_numpy(),
            pd.PeriodIndex(frame["period"].tolist(), freq=str(meta["freq"])),
            unit=str(meta["unit"]),
            kind=str(meta["kind"]),
            basis=str(meta["basis"]),
            indicator=str(meta["indicator"]) or None,
            region=str(regions[0]) or None,
            measure=str(meta["measure"]),
        )

    def to_pandas(self) -> pd.Series:
        """A float64 pandas Series on the PeriodIndex; unit, basis and kind in ``attrs``."""
        s = pd.Series(self._values.copy(), index=self._index.copy(), name=self.indicator, dtype="float64")
        s.attrs.update(
            {
                "unit": unit_to_str(self.unit),
                "basis": self.basis,
                "kind": self.kind,
                "region": self.region,
                "measure": self.measure,
            }
        )
        return s

    def to_pint(self) -> pd.Series:
        """A pint-pandas Series (needs the ``bench`` extra: ``pip install pint-pandas``)."""
        try:
            import pint_pandas
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise DataError("to_pint() needs pint-pandas: pip install 'ktstats[bench]'") from exc
        pint_pandas.PintType.ureg = ureg
        pint_array: Any = pint_pandas.PintArray  # typed or not, depending on the installed version
        return pd.Series(
            pint_array(self._values.copy(), dtype=f"pint[{unit_to_str(self.unit) or 'dimensionless'}]"),
            index=self._index.copy(),
            name=self.indicator,
        )

    def __repr__(self) -> str:
        from ktstats.lang.numbers import format_quantity

        head = f"IndicatorSeries {self.indicator or ''} · {self.region or ''} · {self.measure}".rstrip(" ·")
        lines = [head, self._header()]
        shown = (
            list(range(len(self))) if len(self) <= 12 else [*range(6), -1, *range(len(self) - 5, len(self))]
        )
        for i in shown:
            if i == -1:
                lines.append("…")
                continue
            qualifier = "exact"
            if self.provenance is not None:
                qualifier = str(self.provenance["qualifier"].iloc[i])
            text = format_quantity(round(float(self._values[i]), 6), self.unit, qualifier)
            lines.append(f"{self._index[i]!s:>8}  {text}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        from ktstats.lang.numbers import format_number

        rows = []
        for i in range(min(len(self), 60)):
            src = ""
            if self.provenance is not None:
                src = escape(
                    f"{self.provenance['document'].iloc[i]}: {self.provenance['quote'].iloc[i][:90]}…"
                )
            rows.append(
                f"<tr><td>{self._index[i]}</td><td style='text-align:right'>"
                f"{format_number(round(float(self._values[i]), 6))}</td><td>{src}</td></tr>"
            )
        return (
            f"<b>{escape(self.indicator or 'IndicatorSeries')}</b> · {escape(self.region or '')} · "
            f"{escape(self.measure)}<br><small>{escape(self._header())}</small>"
            f"<table><tr><th>period</th><th>{escape(format_unit(self.unit))}</th><th>source</th></tr>"
            + "".join(rows)
            + "</table>"
        )


def span_mask(frame: pd.DataFrame, freq: str | None, basis: str | None) -> np.ndarray:
    """Rows whose span is one period of ``freq`` (basis "period") or runs from January (basis "ytd")."""
    if freq not in (None, "M", "Q", "Y") or basis not in (None, "period", "ytd"):
        raise DataError(f"freq must be 'M', 'Q' or 'Y' and basis 'period' or 'ytd'; got {freq!r}, {basis!r}")
    start = pd.PeriodIndex(frame["period_start"], freq="M")
    end = pd.PeriodIndex(frame["period_end"], freq="M")
    months = (end.asi8 - start.asi8) + 1
    s_month, e_month = np.asarray(start.month), np.asarray(end.month)
    same_year = np.asarray(start.year) == np.asarray(end.year)
    step = {"M": 1, "Q": 3, "Y": 12, None: 0}[freq]
    ends_ok = (e_month % step == 0) if step else np.ones(len(frame), dtype=bool)
    single = same_year & ends_ok & ((months == step) if step else np.ones(len(frame), dtype=bool))
    ytd = same_year & ends_ok & (s_month == 1)
    if basis == "period":
        return np.asarray(single & ((s_month - 1) % max(step, 1) == 0))
    if basis == "ytd":
        return np.asarray(ytd)
    return np.asarray(single | ytd)
