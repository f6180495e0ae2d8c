"""What series and panels share: float64 values on a PeriodIndex, one unit, a basis.

See :mod:`ktstats.data.series` (one column) and :mod:`ktstats.data.panel` (many).
Every operation checks units, frequency, basis and alignment before it
computes; missing periods are explicit (never filled, never NaN).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import ADDITIVE_KINDS, KINDS
from ktstats.data.tables import NumberStyle, read_series_table, write_table
from ktstats.errors import DataError, KtstatsError, PeriodError, UnitError, shown
from ktstats.lang.units import apply_factor, conversion_factor, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

__all__ = ["BASES", "Basis"]

Basis = Literal["period", "ytd"]
BASES: Final = ("period", "ytd")
_PER_YEAR: Final = {"M": 12, "Q": 4, "Y": 1}
_NON_SUMMING: Final = ("rate", "growth", "index", "rank")

T = TypeVar("T", bound="TypedSeries")


_OFFSETS: Final = {
    "M": pd.offsets.MonthEnd(),
    "Q": pd.offsets.QuarterEnd(startingMonth=12),
    "Y": pd.offsets.YearEnd(month=12),
}


def _freq_of(index: pd.PeriodIndex, where: str) -> str:
    """'M', 'Q' or 'Y' for monthly, calendar-quarterly or calendar-yearly periods (pandas' offsets)."""
    for code, offset in _OFFSETS.items():
        if index.freq == offset:
            return code
    raise PeriodError(
        f"{where}: frequency {index.freqstr!r} is not supported; use monthly ('M'), calendar-quarterly "
        "('Q') or calendar-yearly ('Y') periods"
    )


_SPAN_FREQ: Final = {"month": "M", "quarter": "Q", "year": "Y"}


def as_period_index(index: Any, where: str) -> pd.PeriodIndex:
    """Periods from a PeriodIndex, regular timestamps (month, quarter or year ends or starts) or
    labels as reports write them ("tháng 1/2024", "quý I/2024", "năm 2023", "2024Q1")."""
    if isinstance(index, pd.PeriodIndex):
        return index
    if isinstance(index, pd.DatetimeIndex):
        freq = index.freqstr or (pd.infer_freq(index) if len(index) >= 3 else None)
        code = {"M": "M", "Q": "Q", "Y": "Y", "A": "Y"}.get((freq or "?")[0])
        if code is None or (code == "Q" and not str(freq).endswith(("DEC", "Q", "QE", "QS"))):
            raise PeriodError(
                f"{where}: the index holds timestamps, not periods, and their frequency "
                f"({freq or 'irregular'}) is not monthly, quarterly or yearly; convert with "
                "index.to_period('M') or to_period('Q') so each value covers a whole period"
            )
        return index.to_period(code)
    labels = list(index)
    try:
        return pd.PeriodIndex(labels)
    except (ValueError, TypeError) as exc:
        if not all(isinstance(x, str) for x in labels):
            raise PeriodError(f"{where}: cannot read the index as periods ({exc})") from exc
    from ktstats.lang.periods import parse_span

    spans = [parse_span(x) for x in labels]  # a label that is no period raises, naming it
    kinds = {s.kind for s in spans}
    if len(kinds) != 1 or next(iter(kinds)) not in _SPAN_FREQ:
        raise PeriodError(
            f"{where}: the labels are {', '.join(sorted(kinds))} periods; a series needs one kind "
            "(months, quarters or years)"
        )
    freq = _SPAN_FREQ[spans[0].kind]
    return pd.PeriodIndex([s.end.asfreq(freq) for s in spans], freq=freq)


def float_array(values: Any, where: str, ndim: int) -> np.ndarray:
    """``values`` as a float64 array of ``ndim`` dimensions (a copy: series own their data).

    Only numbers are values: dates, durations, booleans and text raise (pandas would turn a date
    into 1,7·10¹⁸ nanoseconds)."""
    kinds = []
    if isinstance(values, pd.DataFrame):
        kinds = [dt.kind for dt in values.dtypes]
    elif isinstance(values, (pd.Series, np.ndarray)):
        kinds = [values.dtype.kind]
    bad_kind = next((k for k in kinds if k not in "iuf"), None)
    if bad_kind is not None and bad_kind != "O":
        name = {"M": "dates", "m": "durations", "b": "booleans", "U": "text", "S": "bytes"}.get(
            bad_kind, "not numbers"
        )
        raise DataError(f"{where}: the values are {name}, not numbers")
    try:
        if isinstance(values, (pd.Series, pd.DataFrame)):
            arr = values.to_numpy(dtype="float64", na_value=np.nan, copy=True)
        else:
            arr = np.array(values, dtype="float64")
    except (TypeError, ValueError, OverflowError) as exc:
        raise DataError(f"{where}: values are not numbers ({shown(str(exc))})") from exc
    if arr.ndim != ndim:
        shape = "one-dimensional" if ndim == 1 else "two-dimensional (periods × columns)"
        raise DataError(f"{where}: values must be {shape}, got shape {arr.shape}")
    return arr


def _missing_message(index: pd.PeriodIndex, positions: np.ndarray, what: str) -> str:
    shown = ", ".join(str(index[i]) for i in positions[:5])
    more = f" and {len(positions) - 5} more" if len(positions) > 5 else ""
    return f"{what} {shown}{more}"


class TypedSeries:
    """What series and panels share: values, index, unit, basis, kind."""

    __slots__ = ("_bound", "_freq", "_index", "_values", "basis", "indicator", "kind", "measure", "unit")

    _values: np.ndarray
    _bound: float | None
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
        index = as_period_index(index, where)
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
        self._bound = None  # finite (checked above); its bound is computed when an operation needs it
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

    def _abs_bound(self) -> float:
        """An upper bound of ``|values|`` (computed once when unknown)."""
        bound = self._bound
        if bound is None:
            bound = float(np.abs(self._values).max()) if self._values.size else 0.0
            object.__setattr__(self, "_bound", bound)
        return bound

    def __setattr__(self, name: str, value: Any) -> None:
        # metadata is set once: relabelling a series ("s.unit = 'USD'") would silently change its meaning
        if not name.startswith("_") and hasattr(self, name):
            raise DataError(
                f"{self._label()}: {name} is read-only; use to(unit) for another unit, or build a new "
                "series with the metadata it should have"
            )
        object.__setattr__(self, name, value)

    # --- derived copies -----------------------------------------------------
    def _replace(self: T, values: np.ndarray, *, bound: float | None = None, **changes: Any) -> T:
        """A copy with new ``values``. Every series holds finite numbers only: ``bound`` is a proven
        upper bound of ``|values|`` (arithmetic carries it in O(1)); without one, or when it comes near
        the float range, the values are checked, and NaN or infinity raise ``DataError``."""
        if bound is None or not bound < _SAFE:
            finite = np.isfinite(values)
            if not finite.all():
                rows = np.flatnonzero(~finite.all(axis=1) if values.ndim == 2 else ~finite)
                raise DataError(
                    _missing_message(
                        self._index if len(self._index) == values.shape[0] else pd.PeriodIndex([], freq="M"),
                        rows,
                        f"{self._label()}: the result is not a finite number (overflow, or a missing or infinite "
                        "operand) at",
                    )
                )
            bound = None  # finite; its bound is computed when an operation needs it
        new = object.__new__(type(self))
        for slot in all_slots(type(self)):
            object.__setattr__(new, slot, changes.get(slot, getattr(self, slot)))
        values.setflags(write=False)
        new._values = values
        new._bound = bound
        if "provenance" in all_slots(type(self)) and "provenance" not in changes:
            object.__setattr__(new, "provenance", None)
        return new

    def to(self: T, unit: str | pint.Unit) -> T:
        """The same figures in another unit (one multiplication per value).

        >>> from ktstats import IndicatorSeries
        >>> s = IndicatorSeries.from_pandas(
        ...     pd.Series([1.5], index=pd.PeriodIndex(["2024Q1"], freq="Q")),
        ...     unit="nghìn tỷ đồng", kind="flow", basis="period")
        >>> s.to("tỷ đồng").values.tolist()
        [1500.0]
        """
        target = parse_unit(unit) if isinstance(unit, str) else unit
        try:
            factor = conversion_factor(self.unit, target)
        except UnitError as exc:
            raise UnitError(f"{self._label()}: {exc}") from None
        keep = {"provenance": getattr(self, "provenance", None)} if hasattr(self, "provenance") else {}
        with np.errstate(over="ignore"):  # an overflow is caught by _replace, as a DataError
            values = apply_factor(self._values, factor, checked=not 1e-200 < abs(factor) < 1e200)
        return self._replace(values, bound=self._abs_bound() * abs(factor) * 1.000001, unit=target, **keep)

    # --- year-to-date <-> period ----------------------------------------------
    def _year_positions(self) -> tuple[np.ndarray, np.ndarray]:
        years = np.asarray(self._index.year)
        # ordinals count periods from 1970, so the position within the year is what is left
        return years, self._index.asi8 - (years - 1970) * _PER_YEAR[self._freq]

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

        >>> from ktstats import IndicatorSeries
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
        return self._replace(out, bound=2 * self._abs_bound(), basis="period")

    def to_ytd(self: T) -> T:
        """Per-period values to year-to-date values (flows only)."""
        self._check_flow("conversion from periods to year-to-date")
        if self.basis == "ytd" or len(self) == 0:
            return self if self.basis == "ytd" else self._replace(self._values, bound=0.0, basis="ytd")
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
        return self._replace(
            np.ascontiguousarray(out, dtype="float64"), bound=n * self._abs_bound(), basis="ytd"
        )

    # --- arithmetic -----------------------------------------------------------
    def _check_compatible(self, other: TypedSeries, op: str) -> float:
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
        if isinstance(other, TypedSeries):
            if not self._combines_with(other):
                raise DataError(f"cannot {op} a {type(self).__name__} and a {type(other).__name__}")
            if op == "add" and self.kind in _NON_SUMMING:
                raise UnitError(
                    f"cannot add {self._label()}: a {self.kind} never sums (combine rates or growth "
                    "with weights instead)"
                )
            factor = self._check_compatible(other, op)
            ov = apply_factor(other._values, factor, checked=not 1e-200 < abs(factor) < 1e200)
            if self._values.ndim == 2 and ov.ndim == 1:  # a panel and one series: column-wise
                ov = ov[:, None]
            with np.errstate(over="ignore", invalid="ignore"):  # an overflow is caught by _replace
                values = self._values + ov if sign > 0 else self._values - ov
            bound = self._abs_bound() + other._abs_bound() * abs(factor) * 1.000001
            if op == "subtract" and self.kind in ("rate", "growth", "index"):
                return self._replace(values, bound=bound, unit=ureg.percentage_point, kind="rate")
            return self._replace(values, bound=bound)
        if isinstance(other, ureg.Quantity):
            if op == "add" and self.kind in _NON_SUMMING:
                raise UnitError(f"cannot add to {self._label()}: a {self.kind} never sums")
            try:
                factor = conversion_factor(cast("pint.Unit", other.units), self.unit)
            except UnitError as exc:
                raise UnitError(f"cannot {op} {other} and {self._label()}: {exc}") from None
            shift = _finite_scalar(sign * apply_factor(float(other.magnitude), factor), self, op)
            return self._replace(self._values + shift, bound=self._abs_bound() + abs(shift))
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
        return self._replace(-self._values, bound=self._bound)

    def __mul__(self: T, other: Any) -> T:
        if isinstance(other, (int, float, np.integer, np.floating)) and not isinstance(other, bool):
            c = _finite_scalar(other, self, "multiply")
            with np.errstate(over="ignore", invalid="ignore"):
                values = self._values * c
            return self._replace(values, bound=self._abs_bound() * abs(c))
        raise UnitError(
            f"{self._label()} can be multiplied by plain numbers only; for products or ratios of "
            "series use to_pandas() and state the unit of the result"
        )

    __rmul__ = __mul__

    def __truediv__(self: T, other: Any) -> T:
        if isinstance(other, (int, float, np.integer, np.floating)) and not isinstance(other, bool):
            c = _finite_scalar(other, self, "divide")
            if c == 0:
                raise DataError(f"cannot divide {self._label()} by zero")
            with np.errstate(over="ignore", invalid="ignore"):
                values = self._values / c
            return self._replace(values, bound=self._abs_bound() / abs(c) if abs(c) >= 1e-300 else None)
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
        from ktstats.analysis.growth import cagr_between

        return cagr_between(self, start, end)

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

    def _derive(
        self: T, values: np.ndarray, index: pd.PeriodIndex, *, bound: float | None = None, **changes: Any
    ) -> T:
        """A derived series on ``index`` (no provenance: the values are computed); ``bound`` as in
        :meth:`_replace`."""
        new = self._replace(values, bound=bound, **changes)
        new._index = index
        return new

    def _take(self: T, index: pd.PeriodIndex, positions: np.ndarray | None) -> T:
        values = self._values if positions is None else self._values[positions]
        new = self._replace(values, bound=self._bound)
        new._index = index
        prov = getattr(self, "provenance", None)
        if prov is not None:
            object.__setattr__(new, "provenance", prov if positions is None else prov.iloc[positions])
        return new

    # --- files (see ktstats.data.io) ---------------------------------------------------
    def to_csv(self, path: Any) -> None:
        """Write as a long CSV table (one row per region and period; metadata on every row)."""
        write_table(self._file_table(), path, ("value",), format="csv")

    def to_parquet(self, path: Any) -> None:
        """Write as a long Parquet table (needs pyarrow)."""
        write_table(self._file_table(), path, ("value",), format="parquet")

    def to_excel(self, path: Any) -> None:
        """Write as a long Excel table (needs openpyxl)."""
        write_table(self._file_table(), path, ("value",), format="excel")

    def _file_table(self) -> pd.DataFrame:
        """The long file table: one row per column and period, metadata on every row."""
        values = self._values if self._values.ndim == 2 else self._values[:, None]
        n_periods, n_cols = values.shape
        return pd.DataFrame(
            {
                "indicator": self.indicator or "",
                "region": np.repeat(np.asarray(self._column_names(), dtype=object), n_periods),
                "measure": self.measure,
                "kind": self.kind,
                "basis": self.basis,
                "unit": unit_to_str(self.unit),
                "freq": self.freq,
                "period": np.tile(np.asarray(self._index.astype(str)), n_cols),
                "value": values.T.reshape(-1),
            }
        )

    @classmethod
    def read(
        cls: type[T],
        path: Any,
        *,
        format: str | None = None,
        number_style: NumberStyle | None = None,
        sheet: str | None = None,
        max_rows: int | None = None,
        max_cell_chars: int | None = None,
    ) -> T:
        """Read a file written by ``to_csv`` / ``to_parquet`` / ``to_excel`` (format from the extension);
        ``max_rows`` / ``max_cell_chars`` raise the caps that refuse oversized files (see
        :mod:`ktstats.data.tables`)."""
        frame, name = read_series_table(
            path, format, number_style, sheet, max_rows=max_rows, max_cell_chars=max_cell_chars
        )
        try:
            return cls._from_file_frame(frame, name)
        except DataError as exc:
            if exc.file is None:
                raise DataError(str(exc), file=name) from None
            raise
        except KtstatsError as exc:
            raise DataError(str(exc), file=name) from None

    @classmethod
    def read_csv(cls: type[T], path: Any, **kw: Any) -> T:
        """Read a CSV file written by :meth:`to_csv`."""
        return cls.read(path, format="csv", **kw)

    @classmethod
    def read_parquet(cls: type[T], path: Any) -> T:
        """Read a Parquet file written by :meth:`to_parquet`."""
        return cls.read(path, format="parquet")

    @classmethod
    def read_excel(cls: type[T], path: Any, **kw: Any) -> T:
        """Read an Excel file written by :meth:`to_excel`."""
        return cls.read(path, format="excel", **kw)

    # --- what series and panels do differently ----------------------------------
    def _combines_with(self, other: TypedSeries) -> bool:
        """Whether ``self ± other`` is defined (same type; a panel also takes one series)."""
        return type(other) is type(self)

    def _column_names(self) -> list[str]:
        raise NotImplementedError

    @classmethod
    def _from_file_frame(cls: type[T], frame: pd.DataFrame, name: str) -> T:
        raise NotImplementedError

    def _header(self) -> str:
        parts = [
            f"kind {self.kind}",
            f"basis {self.basis}",
            f"freq {self._freq}",
            f"unit {unit_to_str(self.unit) or 'dimensionless'}",
        ]
        return " · ".join(parts)


#: below this bound no sum or product of two series' values can overflow float64
_SAFE: Final = 1e300


def _finite_scalar(x: Any, series: TypedSeries, op: str) -> float:
    try:
        c = float(x)
    except OverflowError:
        raise DataError(
            f"cannot {op} {series._label()} with {shown(str(x))}: too large for a float"
        ) from None
    if not math.isfinite(c):
        raise DataError(f"cannot {op} {series._label()} with {c}: not a finite number")
    return c


def all_slots(cls: type) -> list[str]:
    out: list[str] = []
    for klass in cls.__mro__:
        out.extend(getattr(klass, "__slots__", ()))
    return out
