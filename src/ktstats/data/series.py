"""Typed series: float64 values on a PeriodIndex with one unit and a basis.

An :class:`IndicatorSeries` is *key + index + interval* (which indicator,
region and measure; which periods; monthly, quarterly or yearly) plus a
**unit** held once for the whole series and a **basis**:

- ``period``: each value covers its own period (a quarter's revenue);
- ``ytd``: each value covers January to the end of its period (the
  "9 tháng" figure of the reports).

A :class:`Panel` is the same with many columns (regions or series) side by
side. Every operation checks units, frequency, basis and alignment before it
computes; missing periods are explicit (never filled, never NaN).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast

import numpy as np
import pandas as pd

from ktstats.errors import DataError, PeriodError, UnitError
from ktstats.catalog.indicators import ADDITIVE_KINDS, KINDS, _catalog
from ktstats.lang.units import apply_factor, conversion_factor, format_unit, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

__all__ = ["BASES", "IndicatorSeries", "Panel"]

Basis = Literal["period", "ytd"]
BASES: Final = ("period", "ytd")
_PER_YEAR: Final = {"M": 12, "Q": 4, "Y": 1}
_NON_SUMMING: Final = ("rate", "growth", "index", "rank")

T = TypeVar("T", bound="_Typed")


def _freq_of(index: pd.PeriodIndex, where: str) -> str:
    name = index.freqstr
    for code in ("M", "Q", "Y"):
        if (
            name == code
            or name.startswith(code + "-DEC")
            or (code == "Y" and name in ("A-DEC", "Y-DEC", "A"))
        ):
            return code
    raise PeriodError(
        f"{where}: frequency {name!r} is not supported; use monthly ('M'), calendar-quarterly "
        "('Q') or calendar-yearly ('Y') periods"
    )


def _as_period_index(index: Any, where: str) -> pd.PeriodIndex:
    if isinstance(index, pd.PeriodIndex):
        return index
    if isinstance(index, pd.DatetimeIndex):
        raise PeriodError(
            f"{where}: the index holds timestamps, not periods; convert with "
            "index.to_period('M') or to_period('Q') so each value covers a whole period"
        )
    try:
        return pd.PeriodIndex(list(index))
    except (ValueError, TypeError) as exc:
        raise PeriodError(f"{where}: cannot read the index as periods ({exc})") from exc


def _float_array(values: Any, where: str, ndim: int) -> np.ndarray:
    """``values`` as a float64 array of ``ndim`` dimensions (a copy: series own their data)."""
    try:
        if isinstance(values, (pd.Series, pd.DataFrame)):
            arr = values.to_numpy(dtype="float64", na_value=np.nan, copy=True)
        else:
            arr = np.array(values, dtype="float64")
    except (TypeError, ValueError) as exc:
        raise DataError(f"{where}: values are not numbers ({exc})") from exc
    if arr.ndim != ndim:
        shape = "one-dimensional" if ndim == 1 else "two-dimensional (periods × columns)"
        raise DataError(f"{where}: values must be {shape}, got shape {arr.shape}")
    return arr


def _missing_message(index: pd.PeriodIndex, positions: np.ndarray, what: str) -> str:
    shown = ", ".join(str(index[i]) for i in positions[:5])
    more = f" and {len(positions) - 5} more" if len(positions) > 5 else ""
    return f"{what} {shown}{more}"


class _Typed:
    """What series and panels share: values, index, unit, basis, kind."""

    __slots__ = ("_freq", "_index", "_values", "basis", "indicator", "kind", "measure", "unit")

    _values: np.ndarray
    _index: pd.PeriodIndex
    _freq: str
    unit: pint.Unit
    basis: Basis
    kind: str
    indicator: str | None
    measure: str

    def _init_common(
        self,
        values: np.ndarray,
        index: Any,
        unit: Any,
        basis: str,
        kind: str,
        indicator: str | None,
        measure: str,
        where: str,
    ) -> None:
        index = _as_period_index(index, where)
        freq = _freq_of(index, where)
        if len(index) != values.shape[0]:
            raise DataError(f"{where}: {values.shape[0]} values for {len(index)} periods")
        if basis not in BASES:
            raise DataError(f"{where}: unknown basis {basis!r}; expected 'period' or 'ytd'")
        if kind not in KINDS:
            raise DataError(f"{where}: unknown kind {kind!r}; expected one of {KINDS}")
        if basis == "ytd" and kind not in ADDITIVE_KINDS and kind not in ("growth", "index", "rank", "rate"):
            raise DataError(f"{where}: a {kind} has no year-to-date basis")
        if index.hasnans:
            raise PeriodError(f"{where}: the index has missing periods (NaT)")
        if not index.is_unique:
            dup = index[index.duplicated()]
            raise DataError(f"{where}: duplicated periods {', '.join(map(str, dup[:5]))}")
        if not index.is_monotonic_increasing:
            order = np.argsort(index.asi8, kind="stable")
            index = index[order]
            values = values[order]
        bad = ~np.isfinite(values)
        if bad.any():
            rows = np.flatnonzero(bad.any(axis=1) if values.ndim == 2 else bad)
            raise DataError(_missing_message(index, rows, f"{where}: missing or infinite values at"))
        values.setflags(write=False)
        self._values = values
        self._index = index
        self._freq = freq
        self.unit = parse_unit(unit) if isinstance(unit, str) else unit
        self.basis = basis  # type: ignore[assignment]
        self.kind = kind
        self.indicator = indicator
        self.measure = measure

    # --- basic properties ---------------------------------------------------
    @property
    def index(self) -> pd.PeriodIndex:
        """The periods (monthly, quarterly or yearly)."""
        return self._index

    @property
    def values(self) -> np.ndarray:
        """The magnitudes (read-only float64) in :attr:`unit`."""
        return self._values

    @property
    def freq(self) -> str:
        """'M', 'Q' or 'Y'."""
        return self._freq

    def __len__(self) -> int:
        return len(self._index)

    def _label(self) -> str:
        return self.indicator or "series"

    # --- derived copies -----------------------------------------------------
    def _replace(self: T, values: np.ndarray, **changes: Any) -> T:
        new = object.__new__(type(self))
        for slot in _all_slots(type(self)):
            object.__setattr__(new, slot, changes.get(slot, getattr(self, slot)))
        values.setflags(write=False)
        new._values = values
        if "provenance" in _all_slots(type(self)) and "provenance" not in changes:
            object.__setattr__(new, "provenance", None)
        return new

    def to(self: T, unit: str | pint.Unit) -> T:
        """The same figures in another unit (one multiplication per value).

        >>> s = IndicatorSeries.from_pandas(
        ...     pd.Series([1.5], index=pd.PeriodIndex(["2024Q1"], freq="Q")),
        ...     unit="nghìn tỷ đồng", kind="flow")
        >>> s.to("tỷ đồng").values.tolist()
        [1500.0]
        """
        target = parse_unit(unit) if isinstance(unit, str) else unit
        try:
            factor = conversion_factor(self.unit, target)
        except UnitError as exc:
            raise UnitError(f"{self._label()}: {exc}") from None
        keep = {"provenance": getattr(self, "provenance", None)} if hasattr(self, "provenance") else {}
        return self._replace(apply_factor(self._values, factor), unit=target, **keep)

    # --- year-to-date <-> period ----------------------------------------------
    def _year_positions(self) -> tuple[np.ndarray, np.ndarray]:
        n = _PER_YEAR[self._freq]
        ords = self._index.asi8
        # Period ordinals count from 1970 for M and Q, from 1970 for Y too.
        return ords // n, ords % n

    def _check_flow(self, action: str) -> None:
        if self.kind not in ADDITIVE_KINDS:
            raise DataError(
                f"{self._label()} is a {self.kind}: {action} only applies to flows, whose values "
                "add up over time (a rate, growth rate, index, stock or count does not)"
            )

    def _check_runs(self, action: str) -> tuple[np.ndarray, np.ndarray]:
        """Every period after the first of its year must follow its predecessor."""
        years, pos = self._year_positions()
        ords = self._index.asi8
        prev_ok = np.zeros(len(ords), dtype=bool)
        prev_ok[1:] = ords[1:] - ords[:-1] == 1
        bad = np.flatnonzero((pos > 0) & ~prev_ok)
        if bad.size:
            first = bad[0]
            missing = pd.Period(ordinal=int(ords[first]) - 1, freq=self._index.freqstr)
            raise DataError(
                _missing_message(
                    self._index, bad, f"{self._label()}: cannot {action}; a period is missing before"
                )
                + f" (e.g. {missing} is not in the series)"
            )
        return years, pos

    def to_period_basis(self: T) -> T:
        """Year-to-date values to per-period values (flows only).

        >>> ytd = IndicatorSeries.from_pandas(
        ...     pd.Series([830.0, 1900.0], index=pd.PeriodIndex(["2024Q1", "2024Q2"], freq="Q")),
        ...     unit="tỷ đồng", kind="flow", basis="ytd")
        >>> ytd.to_period_basis().values.tolist()
        [830.0, 1070.0]
        """
        self._check_flow("conversion from year-to-date to periods")
        if self.basis == "period":
            return self
        _, pos = self._check_runs("convert year-to-date to periods")
        v = self._values
        out = np.empty_like(v)
        out[0] = v[0]
        np.subtract(v[1:], v[:-1], out=out[1:])
        firsts = np.flatnonzero(pos == 0)
        out[firsts] = v[firsts]  # the first period of a year is its own year-to-date
        return self._replace(out, basis="period")

    def to_ytd(self: T) -> T:
        """Per-period values to year-to-date values (flows only)."""
        self._check_flow("conversion from periods to year-to-date")
        if self.basis == "ytd":
            return self
        years, pos = self._check_runs("accumulate to year-to-date")
        n = _PER_YEAR[self._freq]
        v = self._values
        if len(v) % n == 0 and len(v) and (pos.reshape(-1, n) == np.arange(n)).all():
            # complete calendar years: one cumulative sum per year, exactly
            shaped = v.reshape((-1, n, *v.shape[1:]))
            out = np.cumsum(shaped, axis=1).reshape(v.shape)
        else:
            frame = pd.DataFrame(v.reshape(len(v), -1))
            out = frame.groupby(years).cumsum().to_numpy().reshape(v.shape)
        return self._replace(np.ascontiguousarray(out, dtype="float64"), basis="ytd")

    # --- arithmetic -----------------------------------------------------------
    def _check_compatible(self, other: _Typed, op: str) -> float:
        if self._freq != other._freq:
            raise PeriodError(
                f"cannot {op} {self._label()} ({self._freq}) and {other._label()} ({other._freq}): "
                "frequencies differ; convert one first"
            )
        if self.basis != other.basis:
            raise PeriodError(
                f"cannot {op} {self._label()} ({self.basis} basis) and {other._label()} "
                f"({other.basis} basis); use to_ytd() or to_period_basis() first"
            )
        if not (self._index is other._index or self._index.equals(other._index)):
            only_a = self._index.difference(other._index)
            only_b = other._index.difference(self._index)
            raise PeriodError(
                f"cannot {op} {self._label()} and {other._label()}: periods differ "
                f"(only in the first: {', '.join(map(str, only_a[:4])) or '—'}; only in the second: "
                f"{', '.join(map(str, only_b[:4])) or '—'}); use a.align(b) to keep the common periods"
            )
        if self.kind != other.kind:
            raise UnitError(
                f"cannot {op} a {self.kind} ({self._label()}) and a {other.kind} ({other._label()})"
            )
        try:
            return conversion_factor(other.unit, self.unit)
        except UnitError as exc:
            raise UnitError(f"cannot {op} {self._label()} and {other._label()}: {exc}") from None

    def _addsub(self: T, other: Any, sign: float, op: str) -> T:
        if isinstance(other, _Typed):
            if type(other) is not type(self) and not (
                isinstance(self, Panel) and isinstance(other, IndicatorSeries)
            ):
                raise DataError(f"cannot {op} a {type(self).__name__} and a {type(other).__name__}")
            if op == "add" and self.kind in _NON_SUMMING:
                raise UnitError(
                    f"cannot add {self._label()}: a {self.kind} never sums (combine rates or growth "
                    "with weights instead)"
                )
            factor = self._check_compatible(other, op)
            ov = apply_factor(other._values, factor)
            if isinstance(self, Panel) and ov.ndim == 1:
                ov = ov[:, None]
            values = self._values + ov if sign > 0 else self._values - ov
            if op == "subtract" and self.kind in ("rate", "growth", "index"):
                return self._replace(values, unit=ureg.percentage_point, kind="rate")
            return self._replace(values)
        if isinstance(other, ureg.Quantity):
            if op == "add" and self.kind in _NON_SUMMING:
                raise UnitError(f"cannot add to {self._label()}: a {self.kind} never sums")
            try:
                factor = conversion_factor(cast("pint.Unit", other.units), self.unit)
            except UnitError as exc:
                raise UnitError(f"cannot {op} {other} and {self._label()}: {exc}") from None
            return self._replace(self._values + sign * apply_factor(float(other.magnitude), factor))
        raise UnitError(
            f"cannot {op} {other!r} and {self._label()}: give a quantity with a unit, e.g. "
            f"ktstats.Q_(5, {unit_to_str(self.unit)!r})"
        )

    def __add__(self: T, other: Any) -> T:
        return self._addsub(other, 1.0, "add")

    def __sub__(self: T, other: Any) -> T:
        return self._addsub(other, -1.0, "subtract")

    def __radd__(self: T, other: Any) -> T:
        return self._addsub(other, 1.0, "add")

    def __neg__(self: T) -> T:
        return self._replace(-self._values)

    def __mul__(self: T, other: Any) -> T:
        if isinstance(other, (int, float, np.integer, np.floating)) and not isinstance(other, bool):
            return self._replace(self._values * float(other))
        raise UnitError(
            f"{self._label()} can be multiplied by plain numbers only; for products or ratios of "
            "series use to_pandas() and state the unit of the result"
        )

    __rmul__ = __mul__

    def __truediv__(self: T, other: Any) -> T:
        if isinstance(other, (int, float, np.integer, np.floating)) and not isinstance(other, bool):
            if other == 0:
                raise DataError(f"cannot divide {self._label()} by zero")
            return self._replace(self._values / float(other))
        raise UnitError(
            f"{self._label()} can be divided by plain numbers only; for ratios of series use "
            "to_pandas() and state the unit of the result"
        )

    # --- growth (see ktstats.analysis.growth) --------------------------------------------
    def yoy(self: T) -> T:
        """Growth in percent vs the same period a year earlier (kind ``growth``)."""
        from ktstats.analysis.growth import yoy

        return yoy(self)

    def yoy_index(self: T) -> T:
        """Index in percent of the same period a year earlier (kind ``index``)."""
        from ktstats.analysis.growth import yoy_index

        return yoy_index(self)

    def pp_change(self: T, lag: int | None = None) -> T:
        """Change of a rate in percentage points (default: vs the same period last year)."""
        from ktstats.analysis.growth import pp_change

        return pp_change(self, lag)

    def cagr(self, start: Any = None, end: Any = None) -> Any:
        """Compound annual growth in percent between two periods (default: first and last).

        Returns a float for a series, an array (one per column) for a panel.
        """
        from ktstats.analysis.growth import _check_levels, cagr

        _check_levels(self, "compound growth")
        i = 0 if start is None else self._position(start)
        j = len(self) - 1 if end is None else self._position(end)
        years = (self._index.asi8[j] - self._index.asi8[i]) / _PER_YEAR[self._freq]
        if years <= 0:
            raise PeriodError(
                f"{self._label()}: CAGR needs end after start ({self._index[i]} → {self._index[j]})"
            )
        return cagr(self._values[i], self._values[j], years)

    def _position(self, period: Any) -> int:
        try:
            p = pd.Period(period, freq=self._index.freqstr)
        except (ValueError, TypeError) as exc:
            raise PeriodError(f"{self._label()}: cannot read {period!r} as a period ({exc})") from None
        pos = self._index.get_indexer(pd.PeriodIndex([p]))[0]
        if pos < 0:
            raise PeriodError(f"{self._label()}: no value for {p}")
        return int(pos)

    def align(self: T, other: T) -> tuple[T, T]:
        """Both restricted to the periods they share (an inner join, stated).

        The two results share one index object, so arithmetic between them
        skips the alignment check.
        """
        if self._freq != other._freq:
            raise PeriodError(
                f"cannot align {self._label()} ({self._freq}) and {other._label()} ({other._freq}): "
                "frequencies differ"
            )
        joined, left, right = self._index.join(other._index, how="inner", return_indexers=True)
        joined = pd.PeriodIndex(joined)
        return self._take(joined, left), other._take(joined, right)

    def _derive(self: T, values: np.ndarray, index: pd.PeriodIndex, **changes: Any) -> T:
        """A derived series on ``index`` (no provenance: the values are computed)."""
        new = self._replace(values, **changes)
        new._index = index
        return new

    def _take(self: T, index: pd.PeriodIndex, positions: np.ndarray | None) -> T:
        values = self._values if positions is None else self._values[positions]
        new = self._replace(values)
        new._index = index
        prov = getattr(self, "provenance", None)
        if prov is not None:
            object.__setattr__(new, "provenance", prov if positions is None else prov.iloc[positions])
        return new

    # --- files (see ktstats.data.io) ---------------------------------------------------
    def to_csv(self, path: Any) -> None:
        """Write as a long CSV table (one row per region and period; metadata on every row)."""
        from ktstats.data.io import write_series

        write_series(self, path, format="csv")

    def to_parquet(self, path: Any) -> None:
        """Write as a long Parquet table (needs pyarrow)."""
        from ktstats.data.io import write_series

        write_series(self, path, format="parquet")

    def to_excel(self, path: Any) -> None:
        """Write as a long Excel table (needs openpyxl)."""
        from ktstats.data.io import write_series

        write_series(self, path, format="excel")

    def _header(self) -> str:
        parts = [
            f"kind {self.kind}",
            f"basis {self.basis}",
            f"freq {self._freq}",
            f"unit {unit_to_str(self.unit) or 'dimensionless'}",
        ]
        return " · ".join(parts)


def _all_slots(cls: type) -> list[str]:
    out: list[str] = []
    for klass in cls.__mro__:
        out.extend(getattr(klass, "__slots__", ()))
    return out


class IndicatorSeries(_Typed):
    """One indicator, one region, one measure, over time.

    Build one with :meth:`from_pandas` or :meth:`Dataset.series`.

    Examples
    --------
    >>> s = IndicatorSeries.from_pandas(
    ...     pd.Series([830.0, 1070.0], index=pd.PeriodIndex(["2024Q1", "2024Q2"], freq="Q")),
    ...     unit="tỷ đồng", kind="flow", indicator="state_budget_revenue")
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
        arr = _float_array(values, where, 1)
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
        basis: str = "period",
        indicator: str | None = None,
        region: str | None = None,
        measure: str = "actual",
    ) -> IndicatorSeries:
        """Wrap a pandas Series with a PeriodIndex (missing values raise)."""
        if not isinstance(s, pd.Series):
            raise DataError(f"expected a pandas Series, got {type(s).__name__}")
        return cls(
            s,  # type: ignore[arg-type]
            s.index,
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
        ind = _catalog()[indicator]
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

    @classmethod
    def read_csv(cls, path: Any, **kw: Any) -> IndicatorSeries:
        """Read a series written by :meth:`to_csv`."""
        from ktstats.data.io import read_series

        return read_series(path, format="csv", **kw)

    @classmethod
    def read_parquet(cls, path: Any) -> IndicatorSeries:
        """Read a series written by :meth:`to_parquet`."""
        from ktstats.data.io import read_series

        return read_series(path, format="parquet")

    @classmethod
    def read_excel(cls, path: Any, **kw: Any) -> IndicatorSeries:
        """Read a series written by :meth:`to_excel`."""
        from ktstats.data.io import read_series

        return read_series(path, format="excel", **kw)

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


class Panel(_Typed):
    """Many series of one indicator side by side (columns: regions or keys).

    >>> idx = pd.period_range("2024Q1", "2024Q4", freq="Q")
    >>> p = Panel(np.ones((4, 2)), idx, ["kon_tum", "gia_lai"], unit="tỷ đồng", kind="flow")
    >>> p.to_ytd().to_frame()["gia_lai"].tolist()
    [1.0, 2.0, 3.0, 4.0]
    """

    __slots__ = ("columns", "documents")

    columns: pd.Index
    documents: tuple[str, ...]

    def __init__(
        self,
        values: np.ndarray,
        index: pd.Index | Sequence[Any],
        columns: Sequence[str] | pd.Index,
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str = "period",
        indicator: str | None = None,
        measure: str = "actual",
        documents: Sequence[str] = (),
    ) -> None:
        where = f"panel {indicator or ''}".strip()
        arr = _float_array(values, where, 2)
        cols = pd.Index(columns)
        if len(cols) != arr.shape[1]:
            raise DataError(f"{where}: {arr.shape[1]} columns of values for {len(cols)} names")
        if not cols.is_unique:
            raise DataError(f"{where}: duplicated column names {list(cols[cols.duplicated()][:5])}")
        self._init_common(arr, index, unit, basis, kind, indicator, measure, where)
        self.columns = cols
        self.documents = tuple(dict.fromkeys(documents))

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str = "period",
        indicator: str | None = None,
        measure: str = "actual",
    ) -> Panel:
        """Wrap a wide DataFrame (PeriodIndex rows, one column per region)."""
        return cls(
            frame,  # type: ignore[arg-type]
            frame.index,
            frame.columns,
            unit=unit,
            kind=kind,
            basis=basis,
            indicator=indicator,
            measure=measure,
        )

    @classmethod
    def read_csv(cls, path: Any, **kw: Any) -> Panel:
        """Read a panel written by :meth:`to_csv`."""
        from ktstats.data.io import read_panel

        return read_panel(path, format="csv", **kw)

    @classmethod
    def read_parquet(cls, path: Any) -> Panel:
        """Read a panel written by :meth:`to_parquet`."""
        from ktstats.data.io import read_panel

        return read_panel(path, format="parquet")

    @classmethod
    def read_excel(cls, path: Any, **kw: Any) -> Panel:
        """Read a panel written by :meth:`to_excel`."""
        from ktstats.data.io import read_panel

        return read_panel(path, format="excel", **kw)

    def to_frame(self) -> pd.DataFrame:
        """The panel as a wide float64 DataFrame."""
        f = pd.DataFrame(self._values.copy(), index=self._index.copy(), columns=self.columns.copy())
        f.attrs.update({"unit": unit_to_str(self.unit), "basis": self.basis, "kind": self.kind})
        return f

    def __getitem__(self, column: str) -> IndicatorSeries:
        try:
            j = self.columns.get_loc(column)
        except KeyError:
            raise DataError(f"panel has no column {column!r}") from None
        return IndicatorSeries(
            self._values[:, j],
            self._index,
            unit=self.unit,
            kind=self.kind,
            basis=self.basis,
            indicator=self.indicator,
            region=str(column),
            measure=self.measure,
        )

    def to_regions(self) -> Panel:
        """Sum flows of the 63 pre-2025 provinces into their socio-economic regions (Tây Nguyên, …).

        Every province of a region must be in the panel (a partial total is refused,
        naming the missing ones); rates, growth rates and indexes refuse, as in
        :meth:`to_boundaries`.

        >>> idx = pd.period_range("2023", periods=1, freq="Y")
        >>> p = Panel([[1.0, 2.0, 3.0, 4.0, 5.0]], idx, ["kon_tum", "gia_lai", "dak_lak", "dak_nong", "lam_dong"],
        ...           unit="tỷ đồng", kind="flow")
        >>> p.to_regions().to_frame().to_dict("list")
        {'Tây Nguyên': [15.0]}
        """
        from ktstats.catalog.regions import region, regions

        self._refuse_sums()
        table = regions(on="2025-06-30")
        members: dict[str, list[str]] = {}
        for code, reg in zip(table["code"], table["region_vi"], strict=True):
            members.setdefault(str(reg), []).append(str(code))
        mapping = {}
        for col in self.columns:
            r = region(str(col), on="2025-06-30")
            if not r.region_vi:
                raise DataError(f"{self._label()}: {r.name_vi} has no socio-economic region")
            mapping[str(col)] = r.region_vi
        present = {region(str(c), on="2025-06-30").code for c in self.columns}
        return self._sum_into(mapping, members, present)

    def _refuse_sums(self) -> None:
        if self.kind != "flow":
            raise UnitError(
                f"{self._label()} is a {self.kind}: it cannot be summed over provinces; combine rates or "
                "growth rates with weights (e.g. compose_growth with each province's base level)"
            )

    def to_boundaries(self, on: str = "2025-07-01") -> Panel:
        """Re-aggregate a panel of flows from the 63 old provinces to the units valid on ``on``.

        Columns are region codes or names; each is mapped to the unit it belongs
        to on that date (Resolution 202/2025/QH15) and flows are summed. Rates,
        growth rates and indexes refuse: they need weights, not sums.

        >>> idx = pd.period_range("2024", periods=1, freq="Y")
        >>> p = Panel([[830.0, 5000.0]], idx, ["kon_tum", "quang_ngai"], unit="tỷ đồng", kind="flow")
        >>> p.to_boundaries().to_frame().to_dict("list")
        {'quang_ngai_2025': [5830.0]}
        """
        from ktstats.catalog.regions import region, successor_map

        self._refuse_sums()
        mapping = {}
        for col in self.columns:
            old = region(str(col))
            target = old
            date = pd.Timestamp(on)
            while not target.valid_on(date) and target.successor:
                target = region(target.successor)
            if not target.valid_on(date):
                raise DataError(f"{old.name_vi} has no successor valid on {on}")
            mapping[str(col)] = target.code
        predecessors: dict[str, list[str]] = {}
        for old_code, new_code in successor_map().items():
            predecessors.setdefault(new_code, []).append(old_code)
        present = {region(str(c)).code for c in self.columns}
        return self._sum_into(mapping, predecessors, present)

    def _sum_into(self, mapping: dict[str, str], members: dict[str, list[str]], present: set[str]) -> Panel:
        """Sum columns into ``mapping``'s targets; a target whose ``members`` are not all ``present`` refuses."""
        from ktstats.catalog.regions import aggregate_to

        for target in dict.fromkeys(mapping.values()):
            missing = sorted(c for c in members.get(target, []) if c not in present)
            if missing:
                raise DataError(
                    f"{self._label()}: {target} is formed from {', '.join(sorted(members[target]))}; "
                    f"the panel lacks {', '.join(missing)}, so its sum would be partial"
                )
        values, cols = aggregate_to(np.asarray(self._values), [str(c) for c in self.columns], mapping)
        return Panel(
            values,
            self._index,
            cols,
            unit=self.unit,
            kind=self.kind,
            basis=self.basis,
            indicator=self.indicator,
            measure=self.measure,
            documents=self.documents,
        )

    def _label(self) -> str:
        return self.indicator or "panel"

    @property
    def shape(self) -> tuple[int, int]:
        """(periods, columns)."""
        return (int(self._values.shape[0]), int(self._values.shape[1]))

    def __repr__(self) -> str:
        return f"<Panel {self.indicator or ''} {self.shape[0]} periods × {self.shape[1]} columns · {self._header()}>"
