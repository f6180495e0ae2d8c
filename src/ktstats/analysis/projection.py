"""Will the year reach its target? Projections with an honest uncertainty.

The reports ask this every quarter: after nine months, will the annual target
be met, and what pace does the rest of the year need? :func:`project` answers
for one indicator, :func:`project_many` for thousands of series at once, and
:func:`backtest` shows how each method would have done in past years.

Two kinds of target are handled:

**Levels of flows** (budget revenue, disbursement, visits): the year is the sum
of its months or quarters.

- ``run_rate``: the pace so far extended to the year (``ytd × n / k``);
- ``seasonal_share``: the year-to-date value divided by the share of the year
  that past years had reached by the same month (for back-loaded flows such
  as disbursement);
- ``same_period_pace``: last year's total scaled by this year's growth on the
  same period;
- ``ets``: exponential smoothing (statsmodels ETS) of the per-period values,
  with simulated paths for the rest of the year.

**Growth rates** (GDP, GRDP): the year's growth is the combination of its
quarters' growth weighted by their base-period levels (:func:`compose_growth`).
The weights come from ``weights=`` or are estimated from past years whose
quarterly and annual growth were both published (:func:`estimate_weights`).

- ``run_rate``: the rest of the year grows like the year so far;
- ``ets``: the remaining quarters' growth from exponential smoothing of the
  quarterly history, composed with the weights.

Uncertainty: the errors of the same method on past years (an expanding-window
backtest) when there are at least three; otherwise the spread of the periods
of the current year (run rate) or of the past years' shares (seasonal share);
with neither, no interval is claimed and the status is ``insufficient_data``.
The probability of meeting the target honours its bound ("từ … trở lên" ≥,
"trên" >). Status: ``achieved`` (already met, or the year is complete and met),
``on_track`` (probability ≥ 0.75), ``at_risk`` (≥ 0.40), ``off_track``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from ktstats.analysis.growth import compose_growth, required_growth
from ktstats.analysis.targets import (
    Target,
    as_target,
    bound_interval,
    parse_target,
    probability_between,
    within,
)
from ktstats.errors import DataError, KtstatsError, PeriodError, ProjectionError
from ktstats.lang.numbers import format_number, format_quantity
from ktstats.lang.units import apply_factor, conversion_factor, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries

__all__ = [
    "METHODS",
    "STATUSES",
    "Projection",
    "backtest",
    "dataset_projections",
    "estimate_weights",
    "project",
    "project_indicator",
    "project_many",
]

METHODS: Final = ("run_rate", "seasonal_share", "same_period_pace", "ets")
STATUSES: Final = ("achieved", "on_track", "at_risk", "off_track", "insufficient_data")
ON_TRACK: Final = 0.75
AT_RISK: Final = 0.40
_GROWTH_METHODS: Final = ("run_rate", "ets")
_MIN_ERRORS: Final = 3
_PER_YEAR: Final = {"M": 12, "Q": 4}


class _NotApplicable(Exception):
    """A method cannot run on the data given (the reason is the message)."""


def _z(level: float) -> float:
    from scipy.special import ndtri

    return float(ndtri(0.5 + level / 2))


@dataclass(frozen=True, slots=True)
class Projection:
    """Where the year is heading.

    ``point``, ``low``, ``high``: the projected annual value (target's unit) and
    its interval at ``level`` (``None`` when no honest interval exists).
    ``probability``: chance of meeting the target (``None`` without an interval).
    ``required``: what the rest of the year needs — per period for flows, as
    growth (percent) for growth targets; ``required_growth``: for flows, the
    growth on the same months of last year that this means (when known).
    """

    target: Target
    year: int
    method: str
    point: float | None
    low: float | None
    high: float | None
    level: float
    probability: float | None
    required: float | None
    required_growth: float | None
    status: str
    reason: str
    ytd: float | None
    periods_done: int
    periods_in_year: int
    freq: str
    unit: pint.Unit
    indicator: str | None = None
    region: str | None = None

    def to_frame(self) -> pd.DataFrame:
        """One tidy row."""
        return pd.DataFrame(
            [
                {
                    "indicator": self.indicator,
                    "region": self.region,
                    "year": self.year,
                    "target": self.target.label(),
                    "bound": self.target.bound,
                    "target_value": self.target.value,
                    "unit": unit_to_str(self.unit),
                    "method": self.method,
                    "periods_done": self.periods_done,
                    "periods_in_year": self.periods_in_year,
                    "ytd": self.ytd,
                    "point": self.point,
                    "low": self.low,
                    "high": self.high,
                    "level": self.level,
                    "probability": self.probability,
                    "required": self.required,
                    "required_growth": self.required_growth,
                    "status": self.status,
                    "reason": self.reason,
                }
            ]
        )

    def __str__(self) -> str:
        unit = unit_to_str(self.unit)
        parts = [f"{self.indicator or 'series'} {self.year}: mục tiêu {self.target.label()} — {self.status}"]
        if self.point is not None:
            point = format_quantity(round(self.point, 4), unit)
            if self.low is not None and self.high is not None:
                point += (
                    f" ({int(self.level * 100)}%: {format_number(round(self.low, 2))}"
                    f"–{format_number(round(self.high, 2))})"
                )
            parts.append(f"dự báo {point} [{self.method}]")
        if self.probability is not None:
            parts.append(f"xác suất đạt {format_number(round(100 * self.probability, 1))}%")
        if self.required is not None:
            parts.append(
                f"cần {format_number(round(self.required, 2))} mỗi kỳ còn lại"
                if self.target.kind != "growth"
                else f"các quý còn lại cần tăng {format_number(round(self.required, 2))}%"
            )
        return "; ".join(parts) + f". {self.reason}"

    def _repr_html_(self) -> str:
        return self.to_frame().T.to_html(header=False)


# --- input handling ------------------------------------------------------------------


def _period_values(series: IndicatorSeries, year: int | None) -> tuple[int, np.ndarray, np.ndarray, str]:
    """(year, current-year per-period values, past full years as a years × n array, freq)."""
    if series.freq not in _PER_YEAR:
        raise PeriodError(
            f"{series._label()}: projections need monthly or quarterly data, not {series.freq!r}"
        )
    n = _PER_YEAR[series.freq]
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
        raise DataError(
            f"{series._label()}: {year} has gaps (periods {missing} missing); fill them or cut the series"
        )
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


def _history_values(history: IndicatorSeries | None, freq: str, year: int, unit: Any) -> np.ndarray:
    """Full years of ``history`` (all before ``year``) as a years × n array in ``unit``."""
    n = _PER_YEAR[freq]
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
    last_year, last, earlier, _ = _period_values(h, None)
    if last_year >= year:
        raise PeriodError(f"history reaches {last_year}; it must end before the projected year {year}")
    rows = [*earlier, last] if last.size == n else list(earlier)
    return np.array(rows, dtype="float64").reshape(len(rows), n)


# --- point forecasts (pure, no uncertainty) -------------------------------------------


def _flow_point(method: str, cur: np.ndarray, hist: np.ndarray, n: int) -> float:
    k = cur.size
    ytd = float(cur.sum())
    if method == "run_rate":
        return ytd * n / k
    if method == "seasonal_share":
        if hist.shape[0] < 2:
            raise _NotApplicable("seasonal share needs at least two full past years")
        totals = hist.sum(axis=1)
        if (totals <= 0).any():
            raise _NotApplicable("a past year has a zero or negative total")
        share = float(np.mean(hist[:, :k].sum(axis=1) / totals))
        if share <= 0:
            raise _NotApplicable("past years reached nothing by this point of the year")
        return ytd / share
    if method == "same_period_pace":
        if hist.shape[0] < 1:
            raise _NotApplicable("same-period pace needs last year")
        base = float(hist[-1, :k].sum())
        if base <= 0:
            raise _NotApplicable("last year's same period is zero or negative")
        return float(hist[-1].sum()) * ytd / base
    if method == "ets":
        return float(np.median(_ets_flow_paths(cur, hist, n, 500, 0)))
    raise _NotApplicable(f"unknown method {method!r}")


def _ets_fit(values: np.ndarray, n: int, seasonal: bool) -> Any:
    import warnings

    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ETSModel(
            values,
            error="add",
            trend=None,
            seasonal="add" if seasonal else None,
            seasonal_periods=n if seasonal else None,
        )
        return model.fit(disp=False)


def _ets_flow_paths(cur: np.ndarray, hist: np.ndarray, n: int, reps: int, seed: int) -> np.ndarray:
    if hist.shape[0] < 2:
        raise _NotApplicable("ETS needs at least two full past years")
    k = cur.size
    values = np.concatenate([hist.reshape(-1), cur])
    fit = _ets_fit(values, n, seasonal=True)
    if k == n:
        return np.full(reps, float(cur.sum()))
    sims = np.asarray(fit.simulate(n - k, repetitions=reps, anchor="end", rng=np.random.default_rng(seed)))
    sims = sims.reshape(n - k, reps)
    return np.asarray(float(cur.sum()) + sims.sum(axis=0), dtype="float64")


def _growth_point(method: str, cur: np.ndarray, hist: np.ndarray, w: np.ndarray) -> float:
    k = cur.size
    ytd = compose_growth(cur, w[:k])
    if method == "run_rate":
        return ytd
    if method == "ets":
        return float(np.median(_ets_growth_paths(cur, hist, w, 500, 0)))
    raise _NotApplicable(f"{method} does not apply to growth rates (use run_rate or ets)")


def _ets_growth_paths(cur: np.ndarray, hist: np.ndarray, w: np.ndarray, reps: int, seed: int) -> np.ndarray:
    if hist.shape[0] < 2:
        raise _NotApplicable("ETS needs at least two full past years of quarterly growth")
    k, n = cur.size, w.size
    if k == n:
        return np.full(reps, compose_growth(cur, w))
    values = np.concatenate([hist.reshape(-1), cur])
    fit = _ets_fit(values, n, seasonal=False)
    sims = np.asarray(
        fit.simulate(n - k, repetitions=reps, anchor="end", rng=np.random.default_rng(seed))
    ).reshape(n - k, reps)
    paths = np.vstack([np.repeat(cur[:, None], reps, axis=1), sims])
    return np.asarray((w[:, None] * paths).sum(axis=0) / w.sum())


# --- weights ---------------------------------------------------------------------------


def _by_period(series: IndicatorSeries) -> dict[pd.Period, float]:
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
        q = _by_period(quarterly)
        a = _by_period(annual)
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


# --- uncertainty and probability ------------------------------------------------------


def _status(p: float | None) -> str:
    if p is None:
        return "insufficient_data"
    return "on_track" if p >= ON_TRACK else "at_risk" if p >= AT_RISK else "off_track"


def _backtest_errors(
    method: str,
    hist: np.ndarray,
    k: int,
    n: int,
    growth: bool,
    w: np.ndarray | None,
    annual: np.ndarray | None,
) -> np.ndarray:
    """Errors of ``method`` on past years, each projected from the years before it."""
    errs = []
    for i in range(hist.shape[0]):
        try:
            if growth:
                assert w is not None
                point = _growth_point(method, hist[i, :k], hist[:i], w)
                truth = annual[i] if annual is not None else compose_growth(hist[i], w)
                errs.append(point - truth)
            else:
                point = _flow_point(method, hist[i, :k], hist[:i], n)
                truth = float(hist[i].sum())
                if truth <= 0:
                    continue
                errs.append((point - truth) / truth)
        except _NotApplicable:
            continue
    return np.array(errs, dtype="float64")


# --- the public functions ---------------------------------------------------------------


def project(
    series: IndicatorSeries,
    target: Any,
    *,
    year: int | None = None,
    method: str = "auto",
    history: IndicatorSeries | None = None,
    level: float = 0.8,
    weights: Sequence[float] | np.ndarray | None = None,
    annual_history: IndicatorSeries | None = None,
    simulations: int = 2000,
    seed: int = 0,
) -> Projection:
    """Project the year and judge the target.

    Parameters
    ----------
    series:
        The year to date, monthly or quarterly, period or year-to-date basis. It
        may also hold earlier years, which then serve as history.
    target:
        A :class:`~ktstats.Target`, a target phrase ("cả năm từ 4.500 tỷ đồng trở
        lên") or a number (then "at least").
    year:
        The year to project (default: the last year in ``series``).
    method:
        ``"auto"`` (best backtest error on the history; ``run_rate`` with the
        reason when history is too short), or one of :data:`METHODS`.
    history:
        Earlier years of the same indicator, same frequency.
    level:
        Coverage of the interval (0.8 = 80%).
    weights:
        For growth targets: the base-period share of each period of the year.
    annual_history:
        For growth targets without ``weights``: published annual growth of past
        years, to estimate the weights (:func:`estimate_weights`) and the errors.

    Examples
    --------
    >>> import pandas as pd
    >>> from ktstats import IndicatorSeries
    >>> s = IndicatorSeries([300.0] * 9, pd.period_range("2024-01", periods=9, freq="M"),
    ...                     unit="tỷ đồng", kind="flow", indicator="state_budget_revenue")
    >>> p = project(s, "cả năm từ 3.600 tỷ đồng trở lên", method="run_rate")
    >>> p.point, p.probability, p.status
    (3600.0, 1.0, 'on_track')
    """
    from ktstats.data.series import IndicatorSeries

    if not isinstance(series, IndicatorSeries):
        raise DataError(f"project() needs an IndicatorSeries, got {type(series).__name__}")
    if len(series) == 0:
        raise DataError("the series is empty: there is nothing to project from")
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1, got {level}")
    if method != "auto" and method not in METHODS:
        raise DataError(f"unknown method {method!r}; use 'auto' or one of {METHODS}")
    tgt = as_target(target, series.unit)
    try:
        factor = conversion_factor(series.unit, tgt.unit)
    except KtstatsError as exc:
        raise DataError(
            f"the target ({tgt.label()}) and the series ({series._label()}) are not comparable: {exc}"
        ) from None
    growth = tgt.kind == "growth" or series.kind == "growth"
    if growth and not (series.kind == "growth" and tgt.unit == ureg.percent):
        raise DataError(
            f"a growth target needs a growth series in percent; {series._label()} is a {series.kind}"
        )
    if not growth and series.kind != "flow":
        raise DataError(
            f"{series._label()} is a {series.kind}: projections of the year apply to flows and growth rates"
        )
    if growth and series.basis == "ytd":
        raise DataError(
            f"{series._label()} is year-to-date growth; give the growth of each quarter (period basis), "
            "since year-to-date growth cannot be split without weights"
        )
    if tgt.span is not None and year is not None and tgt.span.year not in (None, year):
        raise PeriodError(f"the target is for {tgt.span.label()} but the projection is for {year}")
    year = year if year is not None else (tgt.span.year if tgt.span is not None and tgt.span.year else None)
    yr, cur, hist, freq = _period_values(series, year)
    cur = apply_factor(cur, factor)
    hist = apply_factor(hist, factor) if hist.size else hist
    n = _PER_YEAR[freq]
    extra = _history_values(history, freq, yr, tgt.unit)
    if extra.size:
        hist = np.vstack([extra, hist]) if hist.size else extra
    k = cur.size
    common = dict(
        target=tgt,
        year=yr,
        level=level,
        periods_done=k,
        periods_in_year=n,
        freq=freq,
        unit=tgt.unit,
        indicator=series.indicator,
        region=series.region,
    )
    if k == 0:
        return Projection(
            method=method,
            point=None,
            low=None,
            high=None,
            probability=None,
            required=None,
            required_growth=None,
            status="insufficient_data",
            ytd=None,
            reason=f"no figures for {yr} yet: nothing to project from",
            **common,
        )
    if growth:
        return _project_growth(
            cur, hist, tgt, method, level, weights, annual_history, yr, simulations, seed, common
        )
    return _project_flow(cur, hist, tgt, method, level, n, simulations, seed, common)


def _choose(
    methods: Sequence[str],
    hist: np.ndarray,
    k: int,
    n: int,
    growth: bool,
    w: np.ndarray | None,
    annual: np.ndarray | None,
) -> tuple[str, str]:
    if hist.shape[0] < _MIN_ERRORS + 1:
        return "run_rate", (
            f"history has {hist.shape[0]} full year(s), too few to compare methods by backtest; run rate used"
        )
    scores = {}
    for m in methods:
        errs = _backtest_errors(m, hist, k, n, growth, w, annual)
        if errs.size >= _MIN_ERRORS:
            scores[m] = float(np.mean(np.abs(errs)))
    if not scores:
        return "run_rate", "no method could be backtested on the history; run rate used"
    best = min(scores, key=lambda m: scores[m])
    unit = " points" if growth else "%"
    shown = ", ".join(
        f"{m} {format_number(round(v * (1 if growth else 100), 2))}{unit}" for m, v in scores.items()
    )
    return best, f"chosen by mean absolute backtest error over {hist.shape[0]} past years ({shown})"


def _project_flow(
    cur: np.ndarray,
    hist: np.ndarray,
    tgt: Target,
    method: str,
    level: float,
    n: int,
    simulations: int,
    seed: int,
    common: dict[str, Any],
) -> Projection:
    k = cur.size
    ytd = float(cur.sum())
    remaining_periods = n - k
    remaining = tgt.value - ytd
    required = remaining / remaining_periods if remaining_periods else None
    req_growth = None
    if remaining_periods and hist.shape[0] and tgt.bound in (">=", ">", "~", "range"):
        last_rest = float(hist[-1, k:].sum())
        if last_rest > 0:
            req_growth = (remaining / last_rest - 1) * 100
    reason = ""
    if method == "auto":
        method, reason = _choose(
            ("run_rate", "seasonal_share", "same_period_pace"), hist, k, n, False, None, None
        )
    if k == n:
        return _settled(ytd, bool(tgt.met(ytd)), "complete", "the year is complete", common)
    if tgt.bound in (">=", ">") and (cur >= 0).all() and bool(tgt.met(ytd)):
        return Projection(
            method=method,
            point=max(ytd, _safe_point(method, cur, hist, n)),
            low=None,
            high=None,
            probability=1.0,
            required=0.0,
            required_growth=None,
            status="achieved",
            ytd=ytd,
            reason="the target is already reached by the figures to date",
            **common,
        )
    try:
        if method == "ets":
            paths = _ets_flow_paths(cur, hist, n, simulations, seed)
            point = float(np.median(paths))
            a = (1 - level) / 2
            low, high = (float(x) for x in np.quantile(paths, [a, 1 - a]))
            prob = float(np.mean(tgt.met(paths)))
            why = f"ETS on {hist.shape[0]} past years and {k} period(s) of {common['year']}, {simulations} simulated paths"
            return _finish(point, low, high, prob, "ets", reason or why, ytd, required, req_growth, common)
        point = _flow_point(method, cur, hist, n)
    except _NotApplicable as exc:
        raise ProjectionError(f"{method} cannot be used here: {exc}") from None
    z = _z(level)
    errs = _backtest_errors(method, hist, k, n, False, None, None)
    if errs.size >= _MIN_ERRORS:
        sd = float(np.sqrt(np.mean(errs**2))) * abs(point)
        why = f"{method}; uncertainty from its errors on {errs.size} past years"
    elif method == "seasonal_share":
        totals = hist.sum(axis=1)
        shares = hist[:, :k].sum(axis=1) / totals
        s_mean, s_sd = float(shares.mean()), float(shares.std(ddof=1))
        low = ytd / (s_mean + z * s_sd)
        high = ytd / (s_mean - z * s_sd) if s_mean > z * s_sd else math.inf
        prob = _share_probability(ytd, s_mean, s_sd, tgt)
        why = f"seasonal share {format_number(round(100 * s_mean, 1))}% of the year by period {k} in {hist.shape[0]} past years"
        return _finish(point, low, high, prob, method, reason or why, ytd, required, req_growth, common)
    elif method == "run_rate" and k >= 2:
        s = float(np.std(cur, ddof=1))
        sd = s * math.sqrt(remaining_periods + remaining_periods**2 / k)
        why = f"run rate; uncertainty from the spread of the {k} periods so far (no backtest history)"
    else:
        why = f"{method} from {k} period(s) and {hist.shape[0]} past year(s): too little to state an uncertainty"
        return Projection(
            method=method,
            point=point,
            low=None,
            high=None,
            probability=None,
            required=required,
            required_growth=req_growth,
            status="insufficient_data",
            ytd=ytd,
            reason=(reason + "; " if reason else "") + why,
            **common,
        )
    prob = float(tgt.probability(point, sd))
    return _finish(
        point,
        point - z * sd,
        point + z * sd,
        prob,
        method,
        (reason + "; " if reason else "") + why,
        ytd,
        required,
        req_growth,
        common,
    )


def _safe_point(method: str, cur: np.ndarray, hist: np.ndarray, n: int) -> float:
    try:
        return _flow_point(method if method != "ets" else "run_rate", cur, hist, n)
    except _NotApplicable:
        return _flow_point("run_rate", cur, hist, n)


def _share_interval(ytd: Any, low: Any, high: Any) -> tuple[Any, Any]:
    """annual = ytd / share with share > 0 and ytd > 0: annual in [low, high] ⇔ share in [ytd/high, ytd/low]."""
    with np.errstate(divide="ignore", invalid="ignore"):
        share_low = np.where(np.isinf(high), 0.0, ytd / high)
        share_high = np.where(np.asarray(low) > 0, ytd / np.where(np.asarray(low) > 0, low, 1.0), np.inf)
    return share_low, share_high


def _share_probability(ytd: float, s_mean: float, s_sd: float, tgt: Target) -> float:
    """P(target met) when annual = ytd / share and share ~ Normal(s_mean, s_sd)."""
    if s_sd <= 0:
        return float(bool(tgt.met(ytd / s_mean)))
    lo, hi, _, _ = tgt.acceptable()
    if ytd > 0:
        share_low, share_high = _share_interval(ytd, lo, hi)
        return float(probability_between(s_mean, s_sd, share_low, share_high))
    draws = np.random.default_rng(0).normal(s_mean, s_sd, 20_000)
    draws = draws[draws > 0]
    return float(np.mean(tgt.met(ytd / draws)))


def _settled(value: float, ok: bool, method: str, reason: str, common: dict[str, Any]) -> Projection:
    """The outcome is known (the year is complete, or its figure published): no interval, no pace left."""
    return Projection(
        method=method,
        point=value,
        low=value,
        high=value,
        probability=1.0 if ok else 0.0,
        required=None,
        required_growth=None,
        status="achieved" if ok else "off_track",
        ytd=value,
        reason=reason,
        **common,
    )


def _finish(
    point: float,
    low: float,
    high: float,
    prob: float,
    method: str,
    reason: str,
    ytd: float,
    required: float | None,
    req_growth: float | None,
    common: dict[str, Any],
) -> Projection:
    return Projection(
        method=method,
        point=point,
        low=low,
        high=high,
        probability=prob,
        required=required,
        required_growth=req_growth,
        status=_status(prob),
        ytd=ytd,
        reason=reason,
        **common,
    )


def _project_growth(
    cur: np.ndarray,
    hist: np.ndarray,
    tgt: Target,
    method: str,
    level: float,
    weights: Sequence[float] | np.ndarray | None,
    annual_history: IndicatorSeries | None,
    yr: int,
    simulations: int,
    seed: int,
    common: dict[str, Any],
) -> Projection:
    n = common["periods_in_year"]
    k = cur.size
    annual = None
    why_w = ""
    if weights is not None:
        w = np.asarray(weights, dtype="float64")
        if w.shape != (n,) or (w < 0).any() or w.sum() <= 0:
            raise DataError(f"weights must be {n} non-negative base-period shares, got {list(np.ravel(w))}")
        why_w = "weights given"
    elif annual_history is not None and hist.shape[0] >= 2:
        a = _by_period(annual_history)
        annual_list = []
        keep = []
        first_year = yr - hist.shape[0]
        for i in range(hist.shape[0]):
            p = pd.Period(year=first_year + i, month=12, freq="M").asfreq("Y")
            if p in a:
                annual_list.append(a[p])
                keep.append(i)
        if len(keep) < 2:
            raise DataError("estimating quarter weights needs at least two past years with annual growth")
        w = estimate_weights(hist[keep], np.array(annual_list))
        annual = np.full(hist.shape[0], np.nan)
        annual[keep] = annual_list
        why_w = f"quarter weights {', '.join(format_number(round(x, 3)) for x in w)} estimated from {len(keep)} past years"
    else:
        raise DataError(
            "a growth target needs the base-period weights of the quarters: pass weights=[…] or "
            "annual_history= (past annual growth) with a history of quarterly growth to estimate them; "
            "growth rates are never averaged without weights"
        )
    w_ytd = float(w[:k].sum() / w.sum())
    ytd = compose_growth(cur, w[:k])
    required = required_growth(tgt.value, ytd, w_ytd) if k < n else None
    reason = ""
    if method == "auto":
        method, reason = _choose(_GROWTH_METHODS, hist, k, n, True, w, annual)
    if method not in _GROWTH_METHODS:
        raise ProjectionError(f"{method} does not apply to growth rates; use run_rate or ets")
    if k == n:
        ok = bool(tgt.met(ytd))
        return _settled(ytd, ok, "complete", f"the year is complete; {why_w}", common)
    z = _z(level)
    hist_clean = hist
    if annual is not None:
        ok_rows = ~np.isnan(annual)
        hist_clean, annual = hist[ok_rows], annual[ok_rows]
    if method == "ets":
        try:
            paths = _ets_growth_paths(cur, hist, w, simulations, seed)
        except _NotApplicable as exc:
            raise ProjectionError(f"ets cannot be used here: {exc}") from None
        tail = (1 - level) / 2
        low, high = (float(x) for x in np.quantile(paths, [tail, 1 - tail]))
        prob = float(np.mean(tgt.met(paths)))
        why = f"ETS on {hist.shape[0]} past years of quarterly growth, {simulations} simulated paths; {why_w}"
        return _finish(
            float(np.median(paths)),
            low,
            high,
            prob,
            "ets",
            (reason + "; " if reason else "") + why,
            ytd,
            required,
            None,
            common,
        )
    point = ytd
    errs = _backtest_errors("run_rate", hist_clean, k, n, True, w, annual)
    if errs.size >= _MIN_ERRORS:
        sd = float(np.sqrt(np.mean(errs**2)))
        why = f"run rate; uncertainty from its errors on {errs.size} past years; {why_w}"
    elif k >= 2:
        s = float(np.std(cur, ddof=1))
        sd = (1 - w_ytd) * s * math.sqrt(1 / (n - k) + 1 / k)
        why = f"run rate; uncertainty from the spread of the {k} quarters so far; {why_w}"
    else:
        return Projection(
            method="run_rate",
            point=point,
            low=None,
            high=None,
            probability=None,
            required=required,
            required_growth=None,
            status="insufficient_data",
            ytd=ytd,
            reason=(reason + "; " if reason else "") + f"one quarter and no backtest history: no "
            f"honest uncertainty; {why_w}",
            **common,
        )
    prob = float(tgt.probability(point, sd))
    return _finish(
        point,
        point - z * sd,
        point + z * sd,
        prob,
        "run_rate",
        (reason + "; " if reason else "") + why,
        ytd,
        required,
        None,
        common,
    )


def backtest(
    history: IndicatorSeries,
    *,
    cutoff_month: int = 9,
    methods: Sequence[str] = ("run_rate", "seasonal_share", "same_period_pace", "ets"),
    targets: Mapping[int, Any] | Any | None = None,
    annual: IndicatorSeries | None = None,
    weights: Sequence[float] | np.ndarray | None = None,
    level: float = 0.8,
) -> pd.DataFrame:
    """How each method would have projected past years from their first ``cutoff_month`` months.

    For every full year of ``history`` (beyond the first two, which serve as
    history), project from the data up to the cutoff and the years before, and
    compare with the actual year: ``error`` (point − actual; relative for flows),
    whether the interval covered the actual, and — where a target for the year
    is given — whether the met / not-met call was right.
    """
    from ktstats.data.series import IndicatorSeries

    if not isinstance(history, IndicatorSeries):
        raise DataError(f"backtest() needs an IndicatorSeries, got {type(history).__name__}")
    if not 1 <= cutoff_month <= 11:
        raise PeriodError(
            f"cutoff_month must be 1–11 (a cutoff at or after the year end has nothing to project), "
            f"got {cutoff_month}"
        )
    if history.freq not in _PER_YEAR:
        raise PeriodError(f"backtests need monthly or quarterly data, not {history.freq!r}")
    n = _PER_YEAR[history.freq]
    step = 12 // n
    if cutoff_month % step:
        raise PeriodError(f"a cutoff of {cutoff_month} months does not fall on a quarter end")
    k = cutoff_month // step
    growth = history.kind == "growth"
    s = history.to_period_basis() if history.basis == "ytd" and not growth else history
    pdser = s.to_pandas()
    years = sorted({p.year for p in pdser.index})
    annual_map = _by_period(annual) if annual is not None else None
    rows = []
    for y in years:
        periods = [p for p in pdser.index if p.year == y]
        if len(periods) != n:
            continue
        prior = pdser[[p for p in pdser.index if p.year < y]]
        current = pdser[[p for p in pdser.index if p.year == y][:k]]
        series = IndicatorSeries(
            np.concatenate([prior.to_numpy(), current.to_numpy()]),
            prior.index.append(current.index),
            unit=history.unit,
            kind=history.kind,
            basis="period",
            indicator=history.indicator,
            region=history.region,
        )
        if growth:
            truth = None
            if annual_map is not None:
                key = pd.Period(year=y, month=12, freq="M").asfreq("Y")
                truth = annual_map.get(key)
            if truth is None and weights is not None:
                truth = compose_growth(pdser[periods].to_numpy(), weights)  # no published annual figure
            if truth is None:
                continue
        else:
            truth = float(pdser[periods].sum())
        year_weights = weights
        if growth and weights is None and annual is not None:
            # weights from every other year with published annual growth (leave this year out)
            others = [p for p in pdser.index if p.year != y]
            year_weights = _weights_excluding({p: float(pdser[p]) for p in others}, annual_map, n)
        tgt = targets.get(y) if isinstance(targets, Mapping) else targets
        tgt_obj = (
            as_target(tgt, history.unit)
            if tgt is not None
            else Target("backtest", ">=", truth, history.unit, kind="growth" if growth else "level")
        )
        for m in methods:
            try:
                ann_hist = None
                if growth and annual is not None:
                    ann_hist = annual
                proj = project(
                    series,
                    tgt_obj,
                    year=y,
                    method=m,
                    level=level,
                    weights=year_weights,
                    annual_history=ann_hist if year_weights is None else None,
                )
            except (KtstatsError, _NotApplicable) as exc:
                rows.append({"year": y, "method": m, "status": "not applicable", "reason": str(exc)})
                continue
            if proj.point is None:
                continue
            err = proj.point - truth
            rel = err / truth if not growth and truth else None
            covered = None if proj.low is None or proj.high is None else bool(proj.low <= truth <= proj.high)
            actual_met = bool(tgt_obj.met(truth)) if tgt is not None else None
            predicted_met = None if proj.probability is None or tgt is None else bool(proj.probability >= 0.5)
            rows.append(
                {
                    "year": y,
                    "method": m,
                    "point": proj.point,
                    "actual": truth,
                    "error": err,
                    "relative_error": rel,
                    "low": proj.low,
                    "high": proj.high,
                    "covered": covered,
                    "probability": proj.probability,
                    "predicted_met": predicted_met,
                    "actual_met": actual_met,
                    "call_right": None
                    if predicted_met is None or actual_met is None
                    else predicted_met == actual_met,
                    "status": proj.status,
                    "reason": proj.reason,
                }
            )
    if not rows:
        raise DataError(f"{history._label()}: no full year with enough history before it to backtest")
    return pd.DataFrame(rows)


def _weights_excluding(
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


def project_many(
    current: Panel,
    targets: Any,
    *,
    method: str = "run_rate",
    history: Panel | None = None,
    level: float = 0.8,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Project many flow series at once (one column each), without a Python loop per value.

    ``current``: the year to date (period basis), one column per series.
    ``targets``: one target for all (Target, phrase, number) or one number per
    column (a sequence or a Series keyed by column; "at least" each).
    ``method``: ``run_rate`` or ``seasonal_share`` (vectorised), or ``ets``
    (one fit per series, with a progress bar on a terminal).
    ``history``: past full years of the same columns (needed for
    ``seasonal_share`` and ``ets``).
    """
    from ktstats.data.panel import Panel

    if not isinstance(current, Panel):
        raise DataError(f"project_many() needs a Panel, got {type(current).__name__}")
    if current.kind != "flow":
        raise DataError("project_many() projects flows; use project() for growth rates")
    if current.freq not in _PER_YEAR:
        raise PeriodError(f"projections need monthly or quarterly data, not {current.freq!r}")
    n = _PER_YEAR[current.freq]
    cur_panel = current.to_period_basis() if current.basis == "ytd" else current
    ords = cur_panel.index.asi8
    years = ords // n + 1970
    if len(set(years.tolist())) != 1:
        raise PeriodError("the current panel must hold one year only; pass earlier years as history=")
    k = len(ords)
    if not (ords % n == np.arange(k)).all():
        raise PeriodError("the current panel must start in January (or the first quarter) without gaps")
    values = np.asarray(cur_panel.values, dtype="float64")  # k × m
    m = values.shape[1]
    tgt_values, bound = _target_vector(targets, current, m)
    interval = bound_interval(bound, tgt_values)
    lo, hi = (np.broadcast_to(np.asarray(x, dtype="float64"), (m,)) for x in interval[:2])
    lo_open, hi_open = interval[2], interval[3]
    ytd = values.sum(axis=0)
    z = _z(level)
    if method == "run_rate":
        point = ytd * n / k
        if k < 2:
            raise ProjectionError("run_rate over a panel needs at least two periods for an uncertainty")
        s = values.std(axis=0, ddof=1)
        sd = s * math.sqrt((n - k) + (n - k) ** 2 / k)
        low, high = point - z * sd, point + z * sd
        prob = probability_between(point, sd, lo, hi, exact=within(point, point, interval))
    elif method == "seasonal_share":
        hist = _panel_history(history, current, n)
        totals = hist.sum(axis=1)  # years × m
        if (totals <= 0).any():
            raise DataError("a past year has a zero or negative total in some column")
        shares = hist[:, :k, :].sum(axis=1) / totals
        s_mean, s_sd = shares.mean(axis=0), shares.std(axis=0, ddof=1)
        point = ytd / s_mean
        low = ytd / (s_mean + z * s_sd)
        high = np.where(s_mean > z * s_sd, ytd / np.maximum(s_mean - z * s_sd, 1e-300), np.inf)
        share_low, share_high = _share_interval(ytd, lo, hi)
        prob = probability_between(s_mean, s_sd, share_low, share_high)
    elif method == "ets":
        hist = _panel_history(history, current, n)
        from tqdm.auto import tqdm

        show = sys.stderr.isatty() if progress is None else progress
        point = np.empty(m)
        low = np.empty(m)
        high = np.empty(m)
        prob = np.empty(m)
        a = (1 - level) / 2
        for j in tqdm(range(m), disable=not show, desc="ETS", unit="series"):
            paths = _ets_flow_paths(values[:, j], hist[:, :, j], n, 500, j)
            point[j] = float(np.median(paths))
            low[j], high[j] = np.quantile(paths, [a, 1 - a])
            prob[j] = float(np.mean(within(paths, paths, (lo[j], hi[j], lo_open, hi_open))))
    else:
        raise DataError(f"project_many supports run_rate, seasonal_share and ets, not {method!r}")
    prob = np.asarray(prob, dtype="float64")
    status = np.where(prob >= ON_TRACK, "on_track", np.where(prob >= AT_RISK, "at_risk", "off_track"))
    achieved = (bound in (">=", ">")) & within(ytd, ytd, interval) & (values >= 0).all(axis=0)
    status = np.where(achieved, "achieved", status)
    remaining = n - k
    return pd.DataFrame(
        {
            "series": current.columns,
            "method": method,
            "ytd": ytd,
            "point": point,
            "low": low,
            "high": high,
            "target": tgt_values,
            "bound": bound,
            "probability": prob,
            "required": (tgt_values - ytd) / remaining if remaining else np.nan,
            "status": status,
        }
    )


def _target_vector(targets: Any, current: Panel, m: int) -> tuple[np.ndarray, str]:
    if isinstance(targets, (pd.Series, Sequence, np.ndarray)) and not isinstance(targets, str):
        if isinstance(targets, pd.Series):
            missing = [c for c in current.columns if c not in targets.index]
            if missing:
                raise DataError(f"no target for column(s) {missing[:5]}")
            vals = targets.reindex(current.columns).to_numpy(dtype="float64")
        else:
            vals = np.asarray(targets, dtype="float64")
        if vals.shape != (m,):
            raise DataError(f"{vals.size} targets for {m} series")
        if not np.isfinite(vals).all():
            raise DataError("some targets are missing or infinite")
        return vals, ">="
    tgt = as_target(targets, current.unit)
    factor = conversion_factor(tgt.unit, current.unit)
    if tgt.bound not in (">=", ">", "<=", "<"):
        raise DataError(f"project_many supports bounds ≥ > ≤ <, not {tgt.bound!r}")
    return np.full(m, apply_factor(tgt.value, factor)), tgt.bound


def _panel_history(history: Panel | None, current: Panel, n: int) -> np.ndarray:
    """Past full years as an array years × n × columns."""
    if history is None:
        raise DataError("this method needs history= (past full years of the same columns)")
    if history.freq != current.freq:
        raise PeriodError("history and the current panel have different frequencies")
    if list(history.columns) != list(current.columns):
        raise DataError("history and the current panel must have the same columns in the same order")
    h = history.to_period_basis() if history.basis == "ytd" else history
    h = h.to(current.unit)
    ords = h.index.asi8
    if (
        ords.size % n
        or not (ords % n == np.tile(np.arange(n), ords.size // n)).all()
        or (ords.size and ords[-1] - ords[0] != ords.size - 1)
    ):
        raise PeriodError("history must be whole years without gaps")
    if ords.size // n < 2:
        raise DataError("this method needs at least two full past years")
    return np.asarray(h.values, dtype="float64").reshape(ords.size // n, n, -1)


# --- datasets ---------------------------------------------------------------------------


def project_indicator(
    dataset: Any,
    indicator: str,
    target: Any,
    *,
    region: str = "kon_tum",
    year: int | None = None,
    as_of: str | pd.Timestamp | None = None,
    method: str = "auto",
    level: float = 0.8,
) -> Projection:
    """Project one indicator of a dataset against a target (what ``ktstats project`` runs).

    The year to date and the history come from the dataset (as known on
    ``as_of``); for growth indicators the quarterly growth and the published
    annual growth of past years are used, the latter to estimate the quarter
    weights.
    """
    from ktstats.catalog.indicators import indicator as lookup
    from ktstats.data.series import IndicatorSeries
    from ktstats.lang.periods import Span

    ind = lookup(indicator)
    tgt = (
        target
        if isinstance(target, Target)
        else (
            parse_target(target, year=year, indicator=indicator)
            if isinstance(target, str)
            else as_target(target, None)
        )
    )
    if year is None:
        year = tgt.span.year if tgt.span is not None and tgt.span.year else None
    if year is None:
        raise DataError(
            "say which year to project: year=… or a target phrase with its year ('cả năm 2024 …')"
        )
    if tgt.span is not None and tgt.span != Span.whole_year(year):
        raise PeriodError(f"projections judge whole-year targets; this one is for {tgt.span.label()}")
    if ind.kind == "growth":
        q = dataset.series(indicator, region, freq="Q", basis="period", as_of=as_of)
        try:
            a = dataset.series(indicator, region, freq="Y", as_of=as_of)
        except DataError:
            a = None
        annual_by_year = {p.year: v for p, v in (_by_period(a).items() if a is not None else [])}
        if year in annual_by_year:
            # the year is over and its growth was published: judge the target on that figure
            value = annual_by_year[year]
            ok = bool(tgt.met(value))
            common = dict(
                target=tgt,
                year=year,
                level=level,
                periods_done=4,
                periods_in_year=4,
                freq="Q",
                unit=tgt.unit,
                indicator=indicator,
                region=region,
            )
            return _settled(
                value, ok, "published", "the year is over: its published annual growth is used", common
            )
        qp = q.to_pandas()
        qp = qp[qp.index.year <= year]
        series = IndicatorSeries.from_pandas(
            qp, unit=q.unit, kind="growth", indicator=indicator, region=region
        )
        annual = None
        if a is not None:
            ap = a.to_pandas()
            ap = ap[ap.index.year < year]
            if len(ap):
                annual = IndicatorSeries.from_pandas(
                    ap, unit=a.unit, kind="growth", indicator=indicator, region=region
                )
        return project(series, tgt, year=year, method=method, level=level, annual_history=annual)
    s = dataset.series(indicator, region, as_of=as_of)
    sp = s.to_pandas()
    sp = sp[sp.index.year <= year]
    series = IndicatorSeries.from_pandas(
        sp, unit=s.unit, kind=s.kind, basis=s.basis, indicator=indicator, region=region
    )
    return project(series, tgt, year=year, method=method, level=level)


def dataset_projections(
    dataset: Any, *, document: str | None = None, as_of: str | None = None
) -> pd.DataFrame:
    """A projection for every whole-year target of ``dataset`` (of one ``document`` if given).

    Targets that cannot be projected keep their row with ``status`` =
    ``insufficient_data`` and the reason, never dropped.
    """
    rows = []
    for o in dataset.observations():
        if o.measure not in ("target", "plan") or o.span.kind != "year" or o.form != "level":
            continue
        if document is not None and o.document != document:
            continue
        tgt = Target.from_observation(o)
        base = {
            "indicator": o.indicator,
            "region": o.region,
            "year": o.span.year,
            "target": tgt.label(),
            "document": o.document,
        }
        try:
            p = project_indicator(dataset, o.indicator, tgt, region=o.region, year=o.span.year, as_of=as_of)
            rows.append(
                {
                    **base,
                    "method": p.method,
                    "ytd": p.ytd,
                    "point": p.point,
                    "low": p.low,
                    "high": p.high,
                    "probability": p.probability,
                    "required": p.required,
                    "status": p.status,
                    "reason": p.reason,
                }
            )
        except KtstatsError as exc:
            rows.append(
                {
                    **base,
                    "method": "",
                    "ytd": None,
                    "point": None,
                    "low": None,
                    "high": None,
                    "probability": None,
                    "required": None,
                    "status": "insufficient_data",
                    "reason": str(exc),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "indicator",
            "region",
            "year",
            "target",
            "document",
            "method",
            "ytd",
            "point",
            "low",
            "high",
            "probability",
            "required",
            "status",
            "reason",
        ],
    )
