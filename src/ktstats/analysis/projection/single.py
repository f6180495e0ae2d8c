"""One projection: :func:`project` and the choice of method on past years."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.analysis.growth import compose_growth, required_growth
from ktstats.analysis.projection._inputs import history_values, period_values
from ktstats.analysis.projection._methods import (
    ets_flow_paths,
    ets_growth_paths,
    flow_point,
    growth_point,
    safe_point,
)
from ktstats.analysis.projection.result import (
    GROWTH_METHODS,
    METHODS,
    MIN_ERRORS,
    PER_YEAR,
    NotApplicable,
    Projection,
    build,
    common_fields,
    flow_prior,
    from_paths,
    pooled_sd,
    settled,
    with_interval,
)
from ktstats.analysis.projection.weights import by_period, estimate_weights
from ktstats.analysis.targets import (
    Target,
    as_target,
)
from ktstats.errors import DataError, KtstatsError, PeriodError, ProjectionError
from ktstats.lang.checks import fraction, integer
from ktstats.lang.numbers import format_number
from ktstats.lang.units import apply_factor, conversion_factor, ureg

if TYPE_CHECKING:
    from ktstats.data.series import IndicatorSeries


@dataclass(frozen=True)
class _Past:
    """Past full years (years × periods), what is known of the current one, and for growth the
    quarter weights and the published annual figures."""

    hist: np.ndarray
    k: int
    n: int
    growth: bool = False
    w: np.ndarray | None = None
    annual: np.ndarray | None = None


def _backtest_errors(method: str, past: _Past) -> np.ndarray:
    """Errors of ``method`` on past years, each projected from the years before it."""
    hist, k, n, growth, w, annual = past.hist, past.k, past.n, past.growth, past.w, past.annual
    errs = []
    for i in range(hist.shape[0]):
        try:
            if growth:
                assert w is not None
                point = growth_point(method, hist[i, :k], hist[:i], w)
                truth = annual[i] if annual is not None else compose_growth(hist[i], w)
                errs.append(point - truth)
            else:
                point = flow_point(method, hist[i, :k], hist[:i], n)
                truth = float(hist[i].sum())
                if truth <= 0:
                    continue
                errs.append((point - truth) / truth)
        except NotApplicable:
            continue
    return np.array(errs, dtype="float64")


# --- the public functions ---------------------------------------------------------------


def project(
    series: IndicatorSeries | pd.Series,
    target: Any,
    *,
    unit: str | None = None,
    kind: str = "flow",
    basis: str | None = None,
    year: int | None = None,
    method: str = "auto",
    history: IndicatorSeries | None = None,
    level: float = 0.8,
    weights: Sequence[float] | np.ndarray | None = None,
    annual_history: IndicatorSeries | None = None,
    simulations: int = 2000,
    seed: int = 0,
    borrowed: bool = False,
) -> Projection:
    """Project the year and judge the target.

    Parameters
    ----------
    series:
        The year to date, monthly or quarterly, period or year-to-date basis. It
        may also hold earlier years, which then serve as history. A plain pandas
        Series works too (PeriodIndex, timestamps or labels such as "tháng 1/2024",
        "quý I/2024") with ``unit=``, ``kind=`` and, for a flow, ``basis=``
        ("period" or "ytd": never guessed).
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
    borrowed:
        For flows: ``history`` is another region's path (a reference's). Its
        errors say how well a method fits that region's years, not this one's:
        they may widen the interval, never narrow it below the prior.

    Examples
    --------
    >>> import pandas as pd
    >>> from ktstats import IndicatorSeries
    >>> s = IndicatorSeries([300.0] * 9, pd.period_range("2024-01", periods=9, freq="M"),
    ...                     unit="tỷ đồng", kind="flow", indicator="state_budget_revenue")
    >>> p = project(s, "cả năm từ 3.600 tỷ đồng trở lên", method="run_rate")
    >>> p.point, p.probability, p.status   # exactly on the pace the target needs: an even chance
    (3600.0, 0.5, 'at_risk')
    """
    from ktstats.data.series import IndicatorSeries

    if isinstance(series, pd.Series):
        if unit is None:
            raise DataError(
                "a pandas Series needs its unit: project(s, target, unit='tỷ đồng', basis='period'), "
                "or build it with IndicatorSeries.from_pandas(s, unit=, kind=, basis=)"
            )
        series = IndicatorSeries.from_pandas(series, unit=unit, kind=kind, basis=basis)
    if not isinstance(series, IndicatorSeries):
        raise DataError(f"project() needs an IndicatorSeries or a pandas Series, got {type(series).__name__}")
    if len(series) == 0:
        raise DataError("the series is empty: there is nothing to project from")
    level = fraction(level, "level")
    year = None if year is None else integer(year, "year", low=1900, high=2100)
    simulations = integer(simulations, "simulations", low=1, high=1_000_000)
    seed = integer(seed, "seed", low=0)
    if method != "auto" and method not in METHODS:
        raise DataError(f"unknown method {method!r}; use 'auto' or one of {METHODS}")
    tgt = as_target(target, series.unit)
    if tgt.kind == "growth" and series.kind == "flow":
        return _growth_through_levels(series, tgt, year=year, method=method, history=history, level=level)
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
    yr, cur, hist, freq = period_values(series, year)
    cur = apply_factor(cur, factor)
    hist = apply_factor(hist, factor) if hist.size else hist
    n = PER_YEAR[freq]
    extra = history_values(history, freq, yr, tgt.unit)
    if extra.size:
        hist = np.vstack([extra, hist]) if hist.size else extra
    k = cur.size
    common = common_fields(tgt, yr, level, series.indicator, series.region, done=k, per_year=n, freq=freq)
    if k == 0:
        return build(
            common,
            method=method,
            status="insufficient_data",
            reason=f"no figures for {yr} yet: nothing to project from",
        )
    if growth:
        return _project_growth(
            cur, hist, tgt, method, level, weights, annual_history, yr, simulations, seed, common
        )
    return _project_flow(cur, hist, tgt, method, level, n, simulations, seed, common, borrowed)


def _growth_through_levels(
    series: IndicatorSeries,
    tgt: Target,
    *,
    year: int | None,
    method: str,
    history: IndicatorSeries | None,
    level: float,
) -> Projection:
    """A growth target ("tăng trưởng từ 8,2% trở lên") judged on a flow: the year's level is projected
    and compared with last year's total, which the series (or ``history``) must hold in full."""
    import dataclasses

    if tgt.unit != ureg.percent:
        raise DataError(f"a growth target is in percent, not {tgt.unit}")
    yr, cur, hist, freq = period_values(series, year)
    extra = history_values(history, freq, yr, series.unit)
    if extra.size:
        hist = np.vstack([extra, hist]) if hist.size else extra
    if not hist.shape[0]:
        raise DataError(
            f"{series._label()}: a growth target on levels needs last year's full figures (all "
            f"{PER_YEAR[freq]} periods of {yr - 1}) in the series or history="
        )
    base = float(hist[-1].sum())
    if base <= 0:
        raise DataError(f"{series._label()}: last year's total is {base}, so growth is undefined")

    def level_of(g: float) -> float:
        return base * (1 + g / 100)

    def growth_of(x: float | None) -> float | None:
        return None if x is None else (x / base - 1) * 100

    as_level = Target(
        tgt.text,
        tgt.bound,
        level_of(tgt.value),
        series.unit,
        "level",
        tgt.better,
        low=level_of(tgt.low),
        high=level_of(tgt.high),
        indicator=tgt.indicator,
        span=tgt.span,
        qualifier=tgt.qualifier,
    )
    p = project(series, as_level, year=yr, method=method, history=history, level=level)
    k = cur.size
    same_months = float(hist[-1, :k].sum())
    return dataclasses.replace(
        p,
        target=tgt,
        unit=ureg.percent,
        point=growth_of(p.point),
        low=growth_of(p.low),
        high=growth_of(p.high),
        ytd=None if p.ytd is None or same_months <= 0 else (p.ytd / same_months - 1) * 100,
        required=p.required_growth,
        required_growth=None,
        reason=f"{p.reason}; growth against {yr - 1}'s total of {format_number(round(base, 6))}",
    )


def _choose(methods: Sequence[str], past: _Past) -> tuple[str, str]:
    hist, growth = past.hist, past.growth
    if hist.shape[0] < MIN_ERRORS + 1:
        return "run_rate", (
            f"history has {hist.shape[0]} full year(s), too few to compare methods by backtest; run rate used"
        )
    scores = {}
    for m in methods:
        errs = _backtest_errors(m, past)
        if errs.size >= MIN_ERRORS:
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
    borrowed: bool = False,
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
        if hist.shape[0] > MIN_ERRORS:
            method, reason = _choose(("run_rate", "seasonal_share", "same_period_pace"), _Past(hist, k, n))
        elif hist.shape[0]:
            method = "seasonal_share"
            reason = (
                f"{hist.shape[0]} past year(s): too few to compare methods, so the seasonal share of past "
                "years by this period (a flow's pace changes within the year)"
            )
        else:
            method, reason = "run_rate", "no past year: the pace so far, extended to the year"
    if k == n:
        return settled(ytd, bool(tgt.met(ytd)), "complete", "the year is complete", common)
    if tgt.bound in (">=", ">") and (cur >= 0).all() and bool(tgt.met(ytd)):
        return build(
            common,
            method=method,
            point=max(ytd, safe_point(method, cur, hist, n)),
            probability=1.0,
            required=0.0,
            status="achieved",
            ytd=ytd,
            reason="the target is already reached by the figures to date",
        )
    try:
        if method == "ets":
            paths = ets_flow_paths(cur, hist, n, simulations, seed)
            why = f"ETS on {hist.shape[0]} past years and {k} period(s) of {common['year']}, {simulations} simulated paths"
            return from_paths(
                common,
                tgt,
                paths,
                method="ets",
                reason=reason or why,
                ytd=ytd,
                required=required,
                required_growth=req_growth,
            )
        point = flow_point(method, cur, hist, n)
    except NotApplicable as exc:
        raise ProjectionError(f"{method} cannot be used here: {exc}") from None
    errs = _backtest_errors(method, _Past(hist, k, n)) * abs(point)  # relative errors, in the target's unit
    rest = abs(point - ytd)
    prior_rel = flow_prior(k * 12 / n)
    prior = prior_rel * rest
    spread = ""
    if k >= 2 and method == "run_rate":
        s = float(np.std(cur, ddof=1))
        within = s * math.sqrt(remaining_periods + remaining_periods**2 / k)
        if within > prior:
            prior, spread = within, f", or the spread of the {k} periods so far, whichever is wider"
    sd, df = pooled_sd(errs, prior)
    if borrowed and sd < prior:  # (the errors of another region's years cannot make this one more certain)
        sd, spread = prior, spread + ", the prior alone: the past years are borrowed"
    why = (
        f"{method}; uncertainty from {errs.size} past year(s) of its errors and a prior of "
        f"±{format_number(round(100 * prior_rel))}% of the projected rest of the year{spread} (t, {df} df)"
    )
    return with_interval(
        common,
        tgt,
        method=method,
        point=point,
        sd=sd,
        df=df,
        reason=(reason + "; " if reason else "") + why,
        ytd=ytd,
        required=required,
        required_growth=req_growth,
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
        a = by_period(annual_history)
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
        method, reason = _choose(GROWTH_METHODS, _Past(hist, k, n, True, w, annual))
    if method not in GROWTH_METHODS:
        raise ProjectionError(f"{method} does not apply to growth rates; use run_rate or ets")
    if k == n:
        ok = bool(tgt.met(ytd))
        return settled(ytd, ok, "complete", f"the year is complete; {why_w}", common)
    hist_clean = hist
    if annual is not None:
        ok_rows = ~np.isnan(annual)
        hist_clean, annual = hist[ok_rows], annual[ok_rows]
    if method == "ets":
        try:
            paths = ets_growth_paths(cur, hist, w, simulations, seed)
        except NotApplicable as exc:
            raise ProjectionError(f"ets cannot be used here: {exc}") from None
        why = f"ETS on {hist.shape[0]} past years of quarterly growth, {simulations} simulated paths; {why_w}"
        return from_paths(
            common,
            tgt,
            paths,
            method="ets",
            reason=(reason + "; " if reason else "") + why,
            ytd=ytd,
            required=required,
        )
    point = ytd
    errs = _backtest_errors("run_rate", _Past(hist_clean, k, n, True, w, annual))
    if errs.size >= MIN_ERRORS:
        sd = float(np.sqrt(np.mean(errs**2)))
        why = f"run rate; uncertainty from its errors on {errs.size} past years; {why_w}"
    elif k >= 2:
        s = float(np.std(cur, ddof=1))
        sd = (1 - w_ytd) * s * math.sqrt(1 / (n - k) + 1 / k)
        why = f"run rate; uncertainty from the spread of the {k} quarters so far; {why_w}"
    else:
        return build(
            common,
            method="run_rate",
            point=point,
            required=required,
            status="insufficient_data",
            ytd=ytd,
            reason=(reason + "; " if reason else "") + f"one quarter and no backtest history: no "
            f"honest uncertainty; {why_w}",
        )
    return with_interval(
        common,
        tgt,
        method="run_rate",
        point=point,
        sd=sd,
        reason=(reason + "; " if reason else "") + why,
        ytd=ytd,
        required=required,
    )
