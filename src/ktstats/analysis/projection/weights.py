"""Quarter weights for composing growth: estimated on past years, never on the tested one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ktstats.errors import DataError, PeriodError, ProjectionError

if TYPE_CHECKING:
    from ktstats.data.series import IndicatorSeries

# --- weights ---------------------------------------------------------------------------


def by_period(series: IndicatorSeries) -> dict[pd.Period, float]:
    return dict(zip(series.index, (float(v) for v in series.values), strict=True))


def estimate_weights(
    quarterly: np.ndarray | IndicatorSeries, annual: np.ndarray | IndicatorSeries, *, shrink: float = 1.0
) -> np.ndarray:
    """Quarter weights that best turn published quarterly growth into published annual growth.

    Solves ``annual_y ≈ Σ_q w_q · growth_{y,q}`` over the years where both are
    known, with ``w ≥ 0`` and ``Σ w = 1`` (the base-period shares of the year).
    ``shrink`` pulls the weights towards equal shares (a penalty of
    ``shrink × years × Σ (w_q − 1/n)²``), so that a few years cannot produce
    extreme weights; ``shrink=0`` is plain least squares.

    >>> import numpy as np
    >>> q = np.array([[5.0, 6.0, 7.0, 8.0], [6.0, 6.0, 6.0, 9.0], [4.0, 5.0, 7.0, 7.0],
    ...               [7.0, 3.0, 6.0, 5.0], [2.0, 8.0, 5.0, 6.0]])
    >>> w = np.array([0.22, 0.24, 0.25, 0.29])
    >>> np.round(estimate_weights(q, q @ w, shrink=0), 2).tolist()
    [0.22, 0.24, 0.25, 0.29]
    """
    from scipy.optimize import minimize

    from ktstats.data.series import IndicatorSeries

    if isinstance(quarterly, IndicatorSeries) or isinstance(annual, IndicatorSeries):
        if not (isinstance(quarterly, IndicatorSeries) and isinstance(annual, IndicatorSeries)):
            raise DataError("give both quarterly and annual growth as series, or both as arrays")
        if quarterly.freq != "Q" or annual.freq != "Y":
            raise PeriodError("estimate_weights needs quarterly growth (Q) and annual growth (Y)")
        q = by_period(quarterly)
        a = by_period(annual)
        rows, targets = [], []
        for period, value in a.items():
            y = period.year
            quarters = [pd.Period(year=y, quarter=i, freq="Q") for i in range(1, 5)]
            if all(p in q for p in quarters):
                rows.append([q[p] for p in quarters])
                targets.append(value)
        x, t = np.array(rows, dtype="float64"), np.array(targets, dtype="float64")
    else:
        x, t = np.asarray(quarterly, dtype="float64"), np.asarray(annual, dtype="float64")
    if x.ndim != 2 or x.shape[0] != t.shape[0] or x.shape[0] < 2:
        raise DataError(
            f"estimate_weights needs at least two years with all quarters and the annual growth; got {x.shape[0]}"
        )
    n = x.shape[1]
    if shrink < 0:
        raise DataError(f"shrink must be ≥ 0, got {shrink}")
    penalty = shrink * x.shape[0]
    res = minimize(
        lambda w: float(np.sum((x @ w - t) ** 2) + penalty * np.sum((w - 1.0 / n) ** 2)),
        np.full(n, 1.0 / n),
        method="SLSQP",
        bounds=[(0.0, 1.0)] * n,
        constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0}],
    )
    if not res.success:  # pragma: no cover - the problem is small and convex
        raise ProjectionError(f"could not estimate quarter weights: {res.message}")
    return np.asarray(res.x, dtype="float64")


def weights_excluding(
    quarters: dict[pd.Period, float], annual_map: dict[pd.Period, float] | None, n: int
) -> np.ndarray | None:
    if annual_map is None:
        return None
    rows, targets = [], []
    for period, value in annual_map.items():
        periods = [pd.Period(year=period.year, quarter=i, freq="Q") for i in range(1, n + 1)]
        if all(p in quarters for p in periods):
            rows.append([quarters[p] for p in periods])
            targets.append(value)
    if len(rows) < 2:
        return None
    return estimate_weights(np.array(rows), np.array(targets))
