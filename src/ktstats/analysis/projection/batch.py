"""Thousands of series at once: :func:`project_many`."""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.analysis.projection._methods import ets_flow_paths
from ktstats.analysis.projection.result import (
    AT_RISK,
    ON_TRACK,
    P_FLOOR,
    PER_YEAR,
    PRIOR_PSEUDO_YEARS,
    flow_prior,
)
from ktstats.analysis.targets import (
    as_target,
    bound_interval,
    probability_between,
    within,
)
from ktstats.errors import DataError, PeriodError, ProjectionError
from ktstats.lang.units import apply_factor, conversion_factor

if TYPE_CHECKING:
    from ktstats.data.panel import Panel


def project_many(
    current: Panel | pd.DataFrame,
    targets: Any,
    *,
    unit: str | None = None,
    basis: str | None = None,
    method: str = "run_rate",
    history: Panel | pd.DataFrame | None = None,
    level: float = 0.8,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Project many flow series at once (one column each), without a Python loop per value.

    ``current``: the year to date, one column per series — a Panel, or a wide DataFrame (periods ×
    series) with ``unit=`` and ``basis=`` ("period" or "ytd", never guessed); ``history`` may then
    be a DataFrame too.
    ``targets``: one target for all (Target, phrase, number) or one number per
    column (a sequence or a Series keyed by column; "at least" each).
    ``method``: ``run_rate`` or ``seasonal_share`` (vectorised), or ``ets``
    (one fit per series, with a progress bar on a terminal).
    ``history``: past full years of the same columns (needed for
    ``seasonal_share`` and ``ets``).
    """
    from ktstats.data.panel import Panel

    if isinstance(current, pd.DataFrame):
        if unit is None or basis is None:
            raise DataError(
                "a DataFrame needs unit= and basis= ('period' or 'ytd'): "
                "project_many(df, targets, unit='tỷ đồng', basis='period')"
            )
        current = Panel.from_frame(current, unit=unit, kind="flow", basis=basis)
    if not isinstance(current, Panel):
        raise DataError(f"project_many() needs a Panel, got {type(current).__name__}")
    if current.kind != "flow":
        raise DataError("project_many() projects flows; use project() for growth rates")
    if current.freq not in PER_YEAR:
        raise PeriodError(f"projections need monthly or quarterly data, not {current.freq!r}")
    n = PER_YEAR[current.freq]
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
    df = float(PRIOR_PSEUDO_YEARS)
    if method == "run_rate":
        point = ytd * n / k
        if k < 2:
            raise ProjectionError("run_rate over a panel needs at least two periods for an uncertainty")
        s = values.std(axis=0, ddof=1)
        # as project(): the prior on the projected rest of the year or the spread so far, whichever is wider
        sd = np.maximum(
            flow_prior(k * 12 / n) * np.abs(point - ytd), s * math.sqrt((n - k) + (n - k) ** 2 / k)
        )
    elif method == "seasonal_share":
        hist = _panel_history(history, current, n)
        totals = hist.sum(axis=1)  # years × m
        if (totals <= 0).any():
            raise DataError("a past year has a zero or negative total in some column")
        shares = hist[:, :k, :].sum(axis=1) / totals  # years × m
        point = ytd / shares.mean(axis=0)
        # as project(): each past year projected from the years before it, pooled with the prior
        errs = [
            (hist[i, :k, :].sum(axis=0) / shares[:i].mean(axis=0) - totals[i]) / totals[i]
            for i in range(1, hist.shape[0])
        ]
        sq = np.sum(np.square(np.asarray(errs) * np.abs(point)), axis=0) if errs else np.zeros(m)
        prior = flow_prior(k * 12 / n) * np.abs(point - ytd)
        sd = np.sqrt((sq + PRIOR_PSEUDO_YEARS * prior**2) / (len(errs) + PRIOR_PSEUDO_YEARS))
        df = float(len(errs) + PRIOR_PSEUDO_YEARS)
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
            paths = ets_flow_paths(values[:, j], hist[:, :, j], n, 500, j)
            point[j] = float(np.median(paths))
            low[j], high[j] = np.quantile(paths, [a, 1 - a])
            prob[j] = float(np.mean(within(paths, paths, (lo[j], hi[j], lo_open, hi_open))))
    else:
        raise DataError(f"project_many supports run_rate, seasonal_share and ets, not {method!r}")
    if method != "ets":
        from scipy.special import stdtrit

        half = float(stdtrit(df, 0.5 + level / 2)) * sd
        low, high = point - half, point + half
        prob = probability_between(point, sd, lo, hi, exact=within(point, point, interval), df=df)
    prob = np.clip(np.asarray(prob, dtype="float64"), P_FLOOR, 1 - P_FLOOR)
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


def _panel_history(history: Panel | pd.DataFrame | None, current: Panel, n: int) -> np.ndarray:
    """Past full years as an array years × n × columns."""
    if isinstance(history, pd.DataFrame):
        from ktstats.data.panel import Panel

        history = Panel.from_frame(history, unit=current.unit, kind="flow", basis=current.basis)
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
