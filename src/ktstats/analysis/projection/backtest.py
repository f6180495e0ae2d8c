"""How each method would have done in past years."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.analysis.growth import compose_growth
from ktstats.analysis.projection.result import PER_YEAR, NotApplicable
from ktstats.analysis.projection.single import project
from ktstats.analysis.projection.weights import by_period, weights_excluding
from ktstats.analysis.targets import (
    Target,
    as_target,
)
from ktstats.errors import DataError, KtstatsError, PeriodError
from ktstats.lang.checks import fraction, integer

if TYPE_CHECKING:
    from ktstats.data.series import IndicatorSeries


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
    cutoff_month = integer(cutoff_month, "cutoff_month")
    level = fraction(level, "level")
    if not 1 <= cutoff_month <= 11:
        raise PeriodError(
            f"cutoff_month must be 1–11 (a cutoff at or after the year end has nothing to project), "
            f"got {cutoff_month}"
        )
    if history.freq not in PER_YEAR:
        raise PeriodError(f"backtests need monthly or quarterly data, not {history.freq!r}")
    n = PER_YEAR[history.freq]
    step = 12 // n
    if cutoff_month % step:
        raise PeriodError(f"a cutoff of {cutoff_month} months does not fall on a quarter end")
    k = cutoff_month // step
    growth = history.kind == "growth"
    s = history.to_period_basis() if history.basis == "ytd" and not growth else history
    pdser = s.to_pandas()
    years = sorted({p.year for p in pdser.index})
    annual_map = by_period(annual) if annual is not None else None
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
            year_weights = weights_excluding({p: float(pdser[p]) for p in others}, annual_map, n)
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
            except (KtstatsError, NotApplicable) as exc:
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
