"""Input shaping: the current year and past years of a series or panel as arrays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ktstats.analysis.projection.result import PER_YEAR
from ktstats.errors import DataError, KtstatsError, PeriodError

if TYPE_CHECKING:
    from ktstats.data.series import IndicatorSeries

# --- input handling ------------------------------------------------------------------


def period_values(series: IndicatorSeries, year: int | None) -> tuple[int, np.ndarray, np.ndarray, str]:
    """(year, current-year per-period values, past full years as a years × n array, freq)."""
    if series.freq not in PER_YEAR:
        raise PeriodError(
            f"{series._label()}: projections need monthly or quarterly data, not {series.freq!r}"
        )
    n = PER_YEAR[series.freq]
    s = _usable_period_basis(series, n) if series.basis == "ytd" and series.kind == "flow" else series
    ords = s.index.asi8
    years = ords // n + 1970
    pos = ords % n
    if year is None:
        year = int(years[-1])
    if (years > year).any():
        raise PeriodError(
            f"{series._label()}: values after {year} were given; cut the series at the projection date"
        )
    cur_mask = years == year
    cur_pos = pos[cur_mask]
    if cur_pos.size and not (cur_pos == np.arange(cur_pos.size)).all():
        missing = sorted(set(range(int(cur_pos.max()) + 1)) - set(cur_pos.tolist()))
        named = ", ".join(f"{year}Q{m + 1}" if n == 4 else f"{year}-{m + 1:02d}" for m in missing)
        raise DataError(f"{series._label()}: {year} has gaps ({named} missing); fill them or cut the series")
    cur = np.asarray(s.values[cur_mask], dtype="float64")
    past_years = sorted(set(years[~cur_mask].tolist()))
    hist_rows = []
    for y in past_years:
        mask = years == y
        if mask.sum() == n:
            hist_rows.append(np.asarray(s.values[mask], dtype="float64")[np.argsort(pos[mask])])
    hist = np.array(hist_rows, dtype="float64").reshape(len(hist_rows), n)
    return int(year), cur, hist, s.freq


def _usable_period_basis(series: IndicatorSeries, n: int) -> IndicatorSeries:
    """Per-period values from year-to-date ones, year by year: past years with gaps are left out
    (they cannot be split); the last year must start in January without gaps."""
    ords = series.index.asi8
    years = ords // n + 1970
    keep = np.ones(len(ords), dtype=bool)
    for y in np.unique(years[:-1]):
        mask = years == y
        pos = ords[mask] % n
        if y != years[-1] and not (pos == np.arange(pos.size)).all():
            keep &= ~mask
    return series._take(series.index[keep], np.flatnonzero(keep)).to_period_basis()


def history_values(history: IndicatorSeries | None, freq: str, year: int, unit: Any) -> np.ndarray:
    """Full years of ``history`` (all before ``year``) as a years × n array in ``unit``."""
    n = PER_YEAR[freq]
    if history is None or len(history) == 0:
        return np.empty((0, n))
    if history.freq != freq:
        raise PeriodError(
            f"history is {history.freq}-periodic but the series is {freq}; give both at one frequency"
        )
    try:
        h = history.to(unit)
    except KtstatsError as exc:
        raise DataError(f"history is not comparable with the target: {exc}") from None
    last_year, last, earlier, _ = period_values(h, None)
    if last_year >= year:
        raise PeriodError(f"history reaches {last_year}; it must end before the projected year {year}")
    rows = [*earlier, last] if last.size == n else list(earlier)
    return np.array(rows, dtype="float64").reshape(len(rows), n)
