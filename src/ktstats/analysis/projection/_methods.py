"""Point forecasts (pure functions of arrays) and the seasonal-share probability."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ktstats.analysis.growth import compose_growth
from ktstats.analysis.projection.result import NotApplicable
from ktstats.analysis.targets import (
    Target,
    probability_between,
)

if TYPE_CHECKING:
    pass

# --- point forecasts (pure, no uncertainty) -------------------------------------------


def flow_point(method: str, cur: np.ndarray, hist: np.ndarray, n: int) -> float:
    k = cur.size
    ytd = float(cur.sum())
    if method == "run_rate":
        return ytd * n / k
    if method == "seasonal_share":
        if hist.shape[0] < 1:
            raise NotApplicable("seasonal share needs a full past year")
        totals = hist.sum(axis=1)
        if (totals <= 0).any():
            raise NotApplicable("a past year has a zero or negative total")
        share = float(np.mean(hist[:, :k].sum(axis=1) / totals))
        if share <= 0:
            raise NotApplicable("past years reached nothing by this point of the year")
        return ytd / share
    if method == "same_period_pace":
        if hist.shape[0] < 1:
            raise NotApplicable("same-period pace needs last year")
        base = float(hist[-1, :k].sum())
        if base <= 0:
            raise NotApplicable("last year's same period is zero or negative")
        return float(hist[-1].sum()) * ytd / base
    if method == "ets":
        return float(np.median(ets_flow_paths(cur, hist, n, 500, 0)))
    raise NotApplicable(f"unknown method {method!r}")


def ets_fit(values: np.ndarray, n: int, seasonal: bool) -> Any:
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


def ets_flow_paths(cur: np.ndarray, hist: np.ndarray, n: int, reps: int, seed: int) -> np.ndarray:
    if hist.shape[0] < 2:
        raise NotApplicable("ETS needs at least two full past years")
    k = cur.size
    values = np.concatenate([hist.reshape(-1), cur])
    fit = ets_fit(values, n, seasonal=True)
    if k == n:
        return np.full(reps, float(cur.sum()))
    sims = np.asarray(fit.simulate(n - k, repetitions=reps, anchor="end", rng=np.random.default_rng(seed)))
    sims = sims.reshape(n - k, reps)
    return np.asarray(float(cur.sum()) + sims.sum(axis=0), dtype="float64")


def growth_point(method: str, cur: np.ndarray, hist: np.ndarray, w: np.ndarray) -> float:
    k = cur.size
    ytd = compose_growth(cur, w[:k])
    if method == "run_rate":
        return ytd
    if method == "ets":
        return float(np.median(ets_growth_paths(cur, hist, w, 500, 0)))
    raise NotApplicable(f"{method} does not apply to growth rates (use run_rate or ets)")


def ets_growth_paths(cur: np.ndarray, hist: np.ndarray, w: np.ndarray, reps: int, seed: int) -> np.ndarray:
    if hist.shape[0] < 2:
        raise NotApplicable("ETS needs at least two full past years of quarterly growth")
    k, n = cur.size, w.size
    if k == n:
        return np.full(reps, compose_growth(cur, w))
    values = np.concatenate([hist.reshape(-1), cur])
    fit = ets_fit(values, n, seasonal=False)
    sims = np.asarray(
        fit.simulate(n - k, repetitions=reps, anchor="end", rng=np.random.default_rng(seed))
    ).reshape(n - k, reps)
    paths = np.vstack([np.repeat(cur[:, None], reps, axis=1), sims])
    return np.asarray((w[:, None] * paths).sum(axis=0) / w.sum())


def safe_point(method: str, cur: np.ndarray, hist: np.ndarray, n: int) -> float:
    try:
        return flow_point(method if method != "ets" else "run_rate", cur, hist, n)
    except NotApplicable:
        return flow_point("run_rate", cur, hist, n)


def share_interval(ytd: Any, low: Any, high: Any) -> tuple[Any, Any]:
    """annual = ytd / share with share > 0 and ytd > 0: annual in [low, high] ⇔ share in [ytd/high, ytd/low]."""
    with np.errstate(divide="ignore", invalid="ignore"):
        share_low = np.where(np.isinf(high), 0.0, ytd / high)
        share_high = np.where(np.asarray(low) > 0, ytd / np.where(np.asarray(low) > 0, low, 1.0), np.inf)
    return share_low, share_high


def share_probability(ytd: float, s_mean: float, s_sd: float, tgt: Target) -> float:
    """P(target met) when annual = ytd / share and share ~ Normal(s_mean, s_sd)."""
    if s_sd <= 0:
        return float(bool(tgt.met(ytd / s_mean)))
    lo, hi, _, _ = tgt.acceptable()
    if ytd > 0:
        share_low, share_high = share_interval(ytd, lo, hi)
        return float(probability_between(s_mean, s_sd, share_low, share_high))
    draws = np.random.default_rng(0).normal(s_mean, s_sd, 20_000)
    draws = draws[draws > 0]
    return float(np.mean(tgt.met(ytd / draws)))
