"""Growth: against the same period a year earlier, indexes, percentage points,
compound annual growth, and how sub-period growth composes into a year.

All functions work on whole arrays: an :class:`~ktstats.IndicatorSeries` or a
:class:`~ktstats.Panel` is computed in a handful of numpy operations, whatever
its length.

- "tăng 11,8% so với cùng kỳ" is **growth**: ``(value / same period last year − 1) × 100``.
- "bằng 111,7% so cùng kỳ" is an **index**: ``value / same period last year × 100``;
  an index of 111,7% is growth of 11,7%.
- A rate (poverty rate, trained-labour share) changes in **percentage points**.
- Growth rates do not add or average: a year's growth is the combination of
  its sub-periods' growth weighted by their levels a year earlier
  (:func:`compose_growth`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

import numpy as np

from ktstats.errors import DataError, PeriodError
from ktstats.lang.checks import finite_result, integer
from ktstats.lang.units import ureg

if TYPE_CHECKING:
    from ktstats.data.typed import TypedSeries

__all__ = [
    "cagr",
    "cagr_between",
    "compose_growth",
    "growth_from_index",
    "index_from_growth",
    "pp_change",
    "required_growth",
    "yoy",
    "yoy_index",
]

T = TypeVar("T", bound="TypedSeries")
_PER_YEAR = {"M": 12, "Q": 4, "Y": 1}
_LEVEL_KINDS = ("flow", "stock", "count")


def _lag_pairs(x: TypedSeries, lag: int) -> tuple[Any, np.ndarray, np.ndarray]:
    """Periods that have a value ``lag`` periods earlier, their values and those earlier values.

    A series without gaps is handled with two slices (views, no copies).
    """
    if len(x) == 0:
        raise DataError(f"{x._label()} is empty: there is no change to compute")
    ords = x.index.asi8
    n = len(ords)
    if n > lag and ords[-1] - ords[0] == n - 1:  # contiguous: no gaps
        return x.index[lag:], x.values[lag:], x.values[: n - lag]
    want = ords - lag
    pos = np.searchsorted(ords, want)
    clipped = np.minimum(pos, n - 1)
    has = (pos < n) & (ords[clipped] == want)
    current = np.flatnonzero(has)
    if current.size == 0:
        raise DataError(
            f"{x._label()}: no period has a value {lag} period(s) earlier "
            f"(periods {x.index[0]}…{x.index[-1]}), so no change can be computed"
        )
    return x.index[current], x.values[current], x.values[pos[has]]


def _year_lag(x: TypedSeries) -> int:
    return _PER_YEAR[x.freq]


def _check_levels(x: TypedSeries, what: str) -> None:
    if x.kind not in _LEVEL_KINDS:
        hint = " use pp_change() for rates" if x.kind == "rate" else ""
        raise DataError(
            f"{x._label()} is a {x.kind}: {what} applies to levels (flows, stocks, counts);{hint}".rstrip(";")
        )


def _ratio_to_last_year(x: T, what: str) -> tuple[Any, np.ndarray, float]:
    """(periods, value / same period last year, an upper bound of that ratio's size)."""
    _check_levels(x, what)
    index, values, base = _lag_pairs(x, _year_lag(x))
    smallest = float(base.min()) if base.size else 1.0
    if base.size and not smallest > 0:  # one fast reduction; NaN never occurs (series reject it)
        bad = base <= 0
        rows = np.flatnonzero(bad.any(axis=1) if bad.ndim == 2 else bad)
        shown = ", ".join(str(p - _year_lag(x)) for p in index[rows[:5]])
        raise DataError(
            f"{x._label()}: {what} is undefined where the base is zero or negative "
            f"(base periods {shown}; values {base[rows[:5]].tolist()})"
        )
    with np.errstate(over="ignore"):  # a ratio too large for a float is caught by the bound's check
        ratio = values / base
    return index, ratio, x._abs_bound() / smallest


def yoy(x: T) -> T:
    """Growth in percent against the same period one year earlier ("so với cùng kỳ").

    Works on period and year-to-date series alike (9 months vs the same
    9 months a year before). The result covers the periods that have a value
    a year earlier; a base that is zero or negative raises :class:`DataError`.

    >>> import pandas as pd
    >>> from ktstats import IndicatorSeries
    >>> s = IndicatorSeries([5109.0, 5712.0], pd.PeriodIndex(["2023Q1", "2024Q1"], freq="Q"),
    ...                     unit="tỷ đồng", kind="flow", indicator="total_investment")
    >>> round(float(yoy(s).values[0]), 1)
    11.8
    """
    index, ratio, size = _ratio_to_last_year(x, "growth")
    ratio -= 1.0
    ratio *= 100.0
    return x._derive(ratio, index, bound=(size + 1.0) * 100.0, unit=ureg.percent, kind="growth")


def yoy_index(x: T) -> T:
    """Index in percent of the same period one year earlier ("bằng X% so cùng kỳ")."""
    index, ratio, size = _ratio_to_last_year(x, "an index")
    ratio *= 100.0
    return x._derive(ratio, index, bound=size * 100.0, unit=ureg.percent, kind="index")


def pp_change(x: T, lag: int | None = None) -> T:
    """Change of a rate in percentage points.

    ``lag`` is in periods of the series; by default one year (12 months,
    4 quarters), i.e. against the same period last year.

    >>> import pandas as pd
    >>> from ktstats import IndicatorSeries
    >>> r = IndicatorSeries([8.5, 5.5], pd.PeriodIndex(["2023-12", "2024-12"], freq="M"),
    ...                     unit="%", kind="rate", indicator="poverty_rate")
    >>> pp_change(r).values.tolist(), str(pp_change(r).unit)
    ([-3.0], 'percentage_point')
    """
    if x.kind not in ("rate", "growth", "index"):
        raise DataError(
            f"{x._label()} is a {x.kind}: percentage-point changes apply to rates and growth rates; "
            "use yoy() for the growth of a level"
        )
    if x.unit != ureg.percent:
        raise DataError(f"{x._label()}: percentage-point changes need a series in percent, not {x.unit}")
    step = _year_lag(x) if lag is None else integer(lag, "lag")
    if step <= 0:
        raise PeriodError(f"lag must be a positive number of periods, got {lag}")
    index, values, base = _lag_pairs(x, step)
    return x._derive(values - base, index, bound=2 * x._abs_bound(), unit=ureg.percentage_point, kind="rate")


@overload
def cagr(first: float, last: float, years: float) -> float: ...
@overload
def cagr(first: np.ndarray, last: np.ndarray, years: float | np.ndarray) -> np.ndarray: ...
def cagr(first: Any, last: Any, years: Any) -> Any:
    """Compound annual growth in percent from ``first`` to ``last`` over ``years``.

    >>> round(cagr(100.0, 150.0, 5), 2)   # a plan term 2021-2025 from the 2020 level
    8.45
    """
    f = np.asarray(finite_result(np.asarray(first, dtype="float64"), f"CAGR's first value {first!r}"))
    la = np.asarray(finite_result(np.asarray(last, dtype="float64"), f"CAGR's last value {last!r}"))
    y = np.asarray(finite_result(np.asarray(years, dtype="float64"), f"CAGR's number of years {years!r}"))
    if np.any(y <= 0):
        raise DataError(f"CAGR needs a positive number of years, got {years}")
    if np.any(f <= 0) or np.any(la <= 0):
        raise DataError(f"CAGR is undefined for zero or negative levels (first {first}, last {last})")
    out = (np.power(la / f, 1.0 / y) - 1.0) * 100.0
    return float(out) if out.ndim == 0 else out


def cagr_between(x: TypedSeries, start: Any = None, end: Any = None) -> Any:
    """Compound annual growth of a series or panel between two of its periods (default: first, last).

    >>> import pandas as pd
    >>> from ktstats import IndicatorSeries
    >>> s = IndicatorSeries([100.0, 121.0], pd.PeriodIndex(["2022", "2024"], freq="Y"),
    ...                     unit="tỷ đồng", kind="flow")
    >>> round(cagr_between(s), 6)
    10.0
    """
    _check_levels(x, "compound growth")
    if len(x) < 2:
        raise DataError(f"{x._label()} has {len(x)} value(s): compound growth needs two periods")
    i = 0 if start is None else x._position(start)
    j = len(x) - 1 if end is None else x._position(end)
    years = (x.index.asi8[j] - x.index.asi8[i]) / _PER_YEAR[x.freq]
    if years <= 0:
        raise PeriodError(f"{x._label()}: CAGR needs end after start ({x.index[i]} → {x.index[j]})")
    return cagr(x.values[i], x.values[j], years)


def growth_from_index(index_percent: Any) -> Any:
    """ "bằng 111,7%" ⇒ 11,7 (growth in percent).

    >>> round(growth_from_index(111.7), 1)
    11.7
    """
    out = finite_result(np.asarray(index_percent, dtype="float64"), f"the index {index_percent!r}") - 100.0
    return float(out) if out.ndim == 0 else out


def index_from_growth(growth_percent: Any) -> Any:
    """Growth of 11,8% ⇒ index 111,8 (percent of the base)."""
    out = finite_result(np.asarray(growth_percent, dtype="float64"), f"the growth {growth_percent!r}") + 100.0
    return float(out) if out.ndim == 0 else out


def compose_growth(
    growths: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None
) -> float:
    """Growth of a whole from the growth of its parts, in percent.

    The year grows by the sum of its sub-periods' base levels times their
    growth, over the sum of the base levels: ``Σ wᵢ gᵢ / Σ wᵢ`` with ``wᵢ`` the
    level of sub-period *i* a year earlier (at constant prices for GRDP).
    Growth rates are never averaged without weights: ``weights=None`` raises.

    >>> round(compose_growth([6.0, 7.0, 8.0, 10.0], [20, 20, 25, 35]), 2)   # quarters, base levels
    8.1
    """
    if weights is None:
        raise DataError(
            "compose_growth needs weights: the base-period levels (a year earlier, constant prices) "
            "of each sub-period; growth rates are not averaged without them"
        )
    g = np.asarray(growths, dtype="float64")
    w = np.asarray(weights, dtype="float64")
    if g.ndim != 1 or g.shape != w.shape or g.size == 0:
        raise DataError(
            f"compose_growth needs one weight per growth rate, got {g.shape} growths and {w.shape} weights"
        )
    if not (np.isfinite(g).all() and np.isfinite(w).all()):
        raise DataError(
            f"compose_growth got missing or infinite values: growths {g.tolist()}, weights {w.tolist()}"
        )
    if (w < 0).any() or w.sum() <= 0:
        raise DataError(f"weights must be non-negative with a positive sum, got {w.tolist()}")
    return float(np.dot(w, g) / w.sum())


def required_growth(target: Any, ytd_growth: Any, ytd_weight: Any) -> Any:
    """Growth needed in the rest of the year for the year to reach ``target``.

    All in percent; ``ytd_weight`` is the share (0–1) of last year's annual
    level that falls in the year-to-date span. Inverts :func:`compose_growth`
    for two parts.

    >>> round(required_growth(8.2, 7.5, 0.65), 2)   # 9 months at 7,5%: the last quarter needs 9,5%
    9.5
    """
    if ytd_weight is None:
        raise DataError(
            "required_growth needs ytd_weight: the share of last year's annual level that falls in the "
            "year-to-date span"
        )
    t = np.asarray(target, dtype="float64")
    g = np.asarray(ytd_growth, dtype="float64")
    w = np.asarray(ytd_weight, dtype="float64")
    if np.any(~np.isfinite(w)) or np.any((w <= 0) | (w >= 1)):
        raise DataError(f"ytd_weight must be strictly between 0 and 1, got {ytd_weight}")
    if np.any(~np.isfinite(t)) or np.any(~np.isfinite(g)):
        raise DataError(f"required_growth got missing values: target {target}, ytd_growth {ytd_growth}")
    out = (t - w * g) / (1.0 - w)
    return float(out) if out.ndim == 0 else out
