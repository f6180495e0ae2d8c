"""Growth projections from what was published by a date ("real time").

A projection *as of* a date uses only the documents published by that date —
the quarterly and year-to-date growth of the year so far, past years' figures,
the quarter weights and the choice of method included — so a backtest shows
what a user would have seen then (:func:`realtime_backtest`).

The year's growth is the level-weighted combination of the year to date and
the rest of the year: ``annual = W · g_ytd + (1 − W) · g_rest``, with ``W`` the
year-to-date share of last year's level (the quarter weights, estimated from
past years whose quarterly and annual growth were both published). The
published year-to-date growth ("9 tháng tăng 4,24%") is used as it is; only
without it are the quarters composed. The methods differ in ``g_rest``:

- ``run_rate``: the rest of the year grows like the year so far;
- ``last_quarter``: like the latest quarter;
- ``seasonal``: like the year so far plus the median gap between the rest of
  the year and the year to date in past years (Q4 has usually been stronger);
- ``ets``: exponential smoothing of the quarterly growth history.

``auto`` picks, among the methods, the one with the smallest mean absolute
real-time error over the past years (each projected as of its own cutoff and
scored against what was known on the projection's date); with fewer than three
past errors it uses ``seasonal`` when a past year exists, else ``run_rate``.

Uncertainty: the real-time errors of the method in past years, pooled with a
prior of ``PRIOR_PSEUDO_YEARS`` pseudo-years at ``PRIOR_REST_SD`` points on the
rest-of-year growth, with Student-t quantiles (degrees of freedom = errors +
pseudo-years). With no past error the prior alone sets the interval. A
probability is exactly 0 or 1 only when the outcome is settled (the year's
figure is published); otherwise it stays within [0,001; 0,999].
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from ktstats.analysis.growth import compose_growth, required_growth
from ktstats.analysis.projection._methods import ets_fit
from ktstats.analysis.projection.result import (
    PRIOR_REST_SD,
    NotApplicable,
    Projection,
    build,
    pooled_sd,
    settled,
    with_interval,
)
from ktstats.analysis.projection.weights import estimate_weights
from ktstats.analysis.targets import Target
from ktstats.errors import DataError, ProjectionError
from ktstats.lang.numbers import format_number

__all__ = [
    "REALTIME_METHODS",
    "Backtest",
    "cutoff_date",
    "project_growth_as_of",
    "realtime_backtest",
]

REALTIME_METHODS: Final = ("run_rate", "last_quarter", "seasonal", "ets")
#: the day of the month after a quarter's end on which a projection is made in a backtest
CUTOFF_DAY: Final = 15


def _by(as_of: pd.Timestamp) -> str:
    return "in the data" if as_of >= pd.Timestamp.max.normalize() else f"by {as_of:%d/%m/%Y}"


def cutoff_date(year: int, cutoff_month: int) -> pd.Timestamp:
    """When a user projects after ``cutoff_month`` months: the 15th of the next month
    (the statistics office publishes a quarter at its end or within the first week after).

    >>> str(cutoff_date(2023, 9).date())
    '2023-10-15'
    """
    return pd.Timestamp(year=year + cutoff_month // 12, month=cutoff_month % 12 + 1, day=CUTOFF_DAY)


@dataclass(frozen=True)
class Vintage:
    """What was published about one growth indicator of one region by ``as_of``: the latest
    figure of each span (an estimate counts until an actual replaces it)."""

    as_of: pd.Timestamp
    quarters: dict[tuple[int, int], float]  # (year, quarter) → growth of that quarter
    ytd: dict[tuple[int, int], float]  # (year, quarters done) → growth of the year to date; 4 = the year
    estimates: frozenset[tuple[str, int, int]]  # ("q" or "ytd", year, n) published as estimates
    #: year → (four quarters, annual) from the latest single release that states all five: a
    #: consistent vintage, so that weights are not fitted to revisions
    releases: dict[int, tuple[tuple[float, float, float, float], float]]

    @classmethod
    def of(cls, frame: pd.DataFrame, as_of: pd.Timestamp) -> Vintage:
        keep = (frame["document_date"] <= as_of) & frame["measure"].isin(["actual", "estimate"])
        published = frame[keep]
        order = np.argsort(published["document_date"].to_numpy(), kind="stable")
        records = list(
            zip(
                (published["period_start"].to_numpy()[order]),
                (published["period_end"].to_numpy()[order]),
                published["value"].to_numpy(dtype="float64")[order],
                published["measure"].to_numpy()[order],
                published["document"].to_numpy()[order],
                strict=True,
            )
        )
        latest: dict[tuple[Any, Any], tuple[float, str]] = {}
        for start, end, value, measure, _ in records:  # later documents replace earlier ones
            latest[(start, end)] = (float(value), str(measure))
        quarters: dict[tuple[int, int], float] = {}
        ytd: dict[tuple[int, int], float] = {}
        estimates = set()
        for (start, end), (value, measure) in latest.items():
            if start.year != end.year or end.month % 3:
                continue
            months = end.month - start.month + 1
            if start.month == 1:
                ytd[(end.year, end.month // 3)] = value
                if measure == "estimate":
                    estimates.add(("ytd", end.year, end.month // 3))
            if months == 3:
                quarters[(end.year, end.month // 3)] = value
                if measure == "estimate":
                    estimates.add(("q", end.year, end.month // 3))
        by_doc: dict[str, dict[tuple[int, int, int, int], float]] = {}
        for start, end, value, _, doc in records:
            by_doc.setdefault(str(doc), {})[(start.year, start.month, end.year, end.month)] = float(value)
        releases: dict[int, tuple[tuple[float, float, float, float], float]] = {}
        for spans in by_doc.values():  # documents in the order of their first publication
            for y in {s[0] for s in spans}:
                qs = [spans.get((y, 3 * i - 2, y, 3 * i)) for i in range(1, 5)]
                annual = spans.get((y, 1, y, 12))
                if annual is not None and all(x is not None for x in qs):
                    releases[y] = (tuple(qs), annual)  # type: ignore[assignment]  # later documents win
        return cls(as_of, quarters, ytd, frozenset(estimates), releases)

    def done(self, year: int) -> int:
        """How many quarters of ``year`` are known (as year-to-date growth or as quarters from Q1)."""
        k = max([j for (y, j) in self.ytd if y == year] or [0])
        while (year, k + 1) in self.quarters and all((year, i) in self.quarters for i in range(1, k + 2)):
            k += 1
        return k

    def annual(self, year: int) -> float | None:
        return self.ytd.get((year, 4))

    def full_years(self, before: int) -> list[int]:
        """Past years with all four quarters and the annual growth published."""
        return [
            y
            for y in sorted({y for (y, _) in self.quarters})
            if y < before and all((y, q) in self.quarters for q in range(1, 5)) and self.annual(y) is not None
        ]

    def weights(self, before: int) -> np.ndarray:
        """Quarter weights from past years: from consistent releases (all quarters and the year in one
        document) where at least two exist, else from the latest figure of each (computed once)."""
        memo: dict[int, np.ndarray] = self.__dict__.setdefault("_weight_memo", {})
        if before not in memo:
            memo[before] = self._weights(before)
        return memo[before]

    def _weights(self, before: int) -> np.ndarray:
        consistent = sorted(y for y in self.releases if y < before)
        if len(consistent) >= 2:
            q = np.array([self.releases[y][0] for y in consistent])
            a = np.array([self.releases[y][1] for y in consistent])
            return estimate_weights(q, a)
        years = self.full_years(before)
        if len(years) < 2:
            raise NotApplicable(
                f"quarter weights need two past years with all quarters and the annual growth published "
                f"{_by(self.as_of)}; {len(years)} found"
            )
        q = np.array([[self.quarters[(y, i)] for i in range(1, 5)] for y in years])
        a = np.array([self.annual(y) for y in years], dtype="float64")
        return estimate_weights(q, a)

    def year_to_date(self, year: int, k: int, w: np.ndarray) -> float:
        """The published year-to-date growth, or the quarters composed with the weights."""
        if (year, k) in self.ytd:
            return self.ytd[(year, k)]
        if all((year, i) in self.quarters for i in range(1, k + 1)):
            return compose_growth([self.quarters[(year, i)] for i in range(1, k + 1)], w[:k])
        raise NotApplicable(f"no growth for the first {k} quarter(s) of {year}")

    def used_estimates(self, year: int, k: int) -> bool:
        return ("ytd", year, k) in self.estimates or any(
            ("q", year, i) in self.estimates for i in range(1, k + 1)
        )


def _rest_growth(method: str, v: Vintage, year: int, k: int, w: np.ndarray, g_ytd: float) -> float:
    """The growth of the rest of the year under ``method``."""
    if method == "run_rate":
        return g_ytd
    if method == "last_quarter":
        if (year, k) not in v.quarters:
            raise NotApplicable(f"quarter {k} of {year} was not published on its own")
        return v.quarters[(year, k)]
    share = float(w[:k].sum())
    if method == "seasonal":
        gaps = []
        for y in v.full_years(year):
            try:
                past_ytd = v.year_to_date(y, k, w)
            except NotApplicable:
                continue
            annual = v.annual(y)
            assert annual is not None
            gaps.append((annual - share * past_ytd) / (1 - share) - past_ytd)
        if not gaps:
            raise NotApplicable(
                "the seasonal method needs a past year with its year to date and annual growth"
            )
        return g_ytd + float(np.median(gaps))
    if method == "ets":
        years = [y for y in sorted({y for (y, _) in v.quarters}) if y < year]
        values = [v.quarters[(y, i)] for y in years for i in range(1, 5) if (y, i) in v.quarters]
        values += [v.quarters[(year, i)] for i in range(1, k + 1) if (year, i) in v.quarters]
        if len(values) < 8:
            raise NotApplicable("ETS needs at least two years of quarterly growth")
        forecast = np.asarray(ets_fit(np.asarray(values, dtype="float64"), 4, seasonal=False).forecast(4 - k))
        return float(np.dot(w[k:], forecast) / w[k:].sum())
    raise ProjectionError(f"unknown method {method!r}; use one of {', '.join(REALTIME_METHODS)} or 'auto'")


def _point(method: str, v: Vintage, year: int) -> tuple[float, float, float, int]:
    """(projected annual growth, year-to-date growth, its weight W, quarters done) as known in ``v``."""
    k = v.done(year)
    if k == 0:
        raise NotApplicable(f"no growth figure for {year} was published {_by(v.as_of)}")
    w = v.weights(year)
    g_ytd = v.year_to_date(year, k, w)
    share = float(w[:k].sum())
    if k == 4:
        return g_ytd, g_ytd, 1.0, k
    return share * g_ytd + (1 - share) * _rest_growth(method, v, year, k, w, g_ytd), g_ytd, share, k


def _choose(errors: dict[str, list[float]], fallback: str, by: str, too_few: str) -> tuple[str, str]:
    """``auto``'s choice: the method with the smallest mean absolute error among those with at least
    three past errors, and why; ``fallback`` (with ``too_few``) when none has three."""
    scored = {m: float(np.mean(np.abs(e))) for m, e in errors.items() if len(e) >= 3}
    if not scored:
        return fallback, too_few
    shown = ", ".join(f"{m} {format_number(round(x, 2))}" for m, x in scored.items())
    return min(scored, key=lambda m: scored[m]), f"chosen by {by} ({shown} points); "


def _past_errors(
    frame: pd.DataFrame,
    method: str,
    year: int,
    k: int,
    as_of: pd.Timestamp,
    vintage: Callable[[pd.Timestamp], Vintage] | None = None,
) -> list[float]:
    """Errors of ``method`` in the years before ``year``: each projected as of its own cutoff after
    ``k`` quarters, scored against its annual growth as known on ``as_of``."""
    of = vintage or (lambda when: Vintage.of(frame, when))
    known = of(as_of)
    errors = []
    for y in sorted({y for (y, j) in known.ytd if j == 4 and y < year}):
        then = of(cutoff_date(y, 3 * k))
        if then.done(y) != k:
            continue  # the cutoff of that year did not see the same quarters
        try:
            point = _point(method, then, y)[0]
        except NotApplicable:
            continue
        annual = known.annual(y)
        assert annual is not None
        errors.append(point - annual)
    return errors


def project_growth_as_of(
    frame: pd.DataFrame,
    target: Target,
    *,
    year: int,
    as_of: pd.Timestamp,
    method: str = "auto",
    level: float = 0.8,
    methods: Sequence[str] = REALTIME_METHODS,
    common: dict[str, Any],
    reference: Reference | None = None,
) -> Projection:
    """Project the year's growth from the rows of one growth indicator and region (``frame``, the
    dataset table) as published by ``as_of``. Rows published later are never read.

    ``reference`` (rows of the same shape, e.g. the country's GDP growth) serves a region without two
    past years of its own: see :func:`_borrowed`."""
    frame = frame[frame["document_date"] <= as_of]
    v = Vintage.of(frame, as_of)
    annual = v.annual(year)
    if annual is not None:
        note = " (theo số ước — an estimate)" if ("ytd", year, 4) in v.estimates else ""
        return settled(
            annual, bool(target.met(annual)), "published", f"the year's growth was published{note}", common
        )
    k = v.done(year)
    common = {**common, "periods_done": k, "periods_in_year": 4, "freq": "Q"}
    if k == 0:
        return build(
            common,
            method=method,
            status="insufficient_data",
            reason=f"no growth figure for {year} published {_by(as_of)}: nothing to project from",
        )
    if method != "auto" and method not in methods:
        raise ProjectionError(f"unknown method {method!r}; use one of {', '.join(methods)} or 'auto'")
    if reference is not None and not _has_own_history(v, year):
        return _borrowed(v, reference, target, year=year, k=k, as_of=as_of, method=method, common=common)
    errors = {m: _past_errors(frame, m, year, k, as_of) for m in (methods if method == "auto" else [method])}
    chosen, why = method, ""
    if method == "auto":
        chosen, why = _choose(
            errors,
            "seasonal" if v.full_years(year) else "run_rate",
            "mean absolute real-time error in past years",
            "fewer than three past years to compare methods; ",
        )
    try:
        point, g_ytd, share, k = _point(chosen, v, year)
    except NotApplicable as exc:
        hint = ""
        if reference is None and not _has_own_history(v, year) and common.get("indicator") in _GDP_GROWTH:
            # (what to do about it: the report borrows the country's, a user must ask for it)
            hint = (
                "; a region with no past years of its own can borrow the country's quarter weights and "
                "real-time errors: reference='vn_gdp' (--reference vn-gdp on the command line)"
            )
        return build(common, method=chosen, status="insufficient_data", reason=why + str(exc) + hint)
    past = np.asarray(errors.get(chosen) or _past_errors(frame, chosen, year, k, as_of), dtype="float64")
    sd, df = pooled_sd(past, (1 - share) * PRIOR_REST_SD)
    required = required_growth(target.value, g_ytd, share) if target.bound != "range" else None
    est = " (theo số ước — from estimates)" if v.used_estimates(year, k) else ""
    source = "published" if (year, k) in v.ytd else "composed from the quarters"
    reason = (
        f"{why}{chosen}: {k} quarter(s) at {format_number(round(g_ytd, 2))}% ({source}){est}, weight "
        f"{format_number(round(share, 3))}; uncertainty from {past.size} past year(s) of real-time errors and a prior "
        f"of ±{format_number(PRIOR_REST_SD)} points on the rest of the year (t, {df} df)"
    )
    return with_interval(
        common, target, method=chosen, point=point, sd=sd, df=df, reason=reason, ytd=g_ytd, required=required
    )


class Reference:
    """A growth series lent to regions without a history of their own (see :func:`_borrowed`): the
    rows of one series, with its vintages and real-time errors computed once and kept, so that a
    table of 34 provinces costs one national backtest, not 34."""

    def __init__(self, frame: pd.DataFrame, dataset: Any = None) -> None:
        self.frame = frame
        self.dataset = dataset  # the whole reference dataset: a flow borrows its path through the year
        self._vintages: dict[pd.Timestamp, Vintage] = {}
        self._errors: dict[tuple[str, int, int, pd.Timestamp], list[float]] = {}

    def vintage(self, as_of: pd.Timestamp) -> Vintage:
        if as_of not in self._vintages:
            self._vintages[as_of] = Vintage.of(self.frame[self.frame["document_date"] <= as_of], as_of)
        return self._vintages[as_of]

    def errors(self, method: str, year: int, k: int, as_of: pd.Timestamp) -> list[float]:
        key = (method, year, k, as_of)
        if key not in self._errors:
            self._errors[key] = _past_errors(self.frame, method, year, k, as_of, self.vintage)
        return self._errors[key]


#: methods a region can borrow from a reference series: they need only the region's year to date
BORROWABLE_METHODS: Final = ("run_rate", "seasonal")


def _has_own_history(v: Vintage, year: int) -> bool:
    try:
        v.weights(year)
    except NotApplicable:
        return False
    return True


def _borrowed(
    v: Vintage,
    reference: Reference,
    target: Target,
    *,
    year: int,
    k: int,
    as_of: pd.Timestamp,
    method: str,
    common: dict[str, Any],
) -> Projection:
    """A region with a year to date but no past years of its own (a province that publishes only
    "9 tháng tăng 7,2%"): the quarter weights, the method and the real-time errors come from the
    reference series (the country's GDP) as published by ``as_of``; the region's own year-to-date
    growth is the starting point.

    The year is ``W · g_ytd + (1 − W) · g_rest`` with ``W`` the reference's weights and ``g_rest`` by
    ``run_rate`` (the rest grows like the year so far) or ``seasonal`` (plus the reference's median
    gap between the rest of the year and the year to date). ``auto`` picks between the two by the
    reference's mean absolute real-time error. The uncertainty is the reference's real-time errors of
    that method, pooled with the prior of ±PRIOR_REST_SD points on the rest of the year, the same as
    for a series with its own history: a province's rest of the year is likely more volatile than the
    country's, which only the prior covers — the comparison of the October calls with the outcome
    (docs/regions.md) shows how far that holds.
    """
    rv = reference.vintage(as_of)
    try:
        w = rv.weights(year)
    except NotApplicable as exc:
        return build(common, method=method, status="insufficient_data", reason=f"reference series: {exc}")
    if method not in ("auto", *BORROWABLE_METHODS):
        return build(
            common,
            method=method,
            status="insufficient_data",
            reason=f"{method} needs the region's own quarterly history; with a reference series use "
            f"{' or '.join(BORROWABLE_METHODS)}",
        )
    candidates = BORROWABLE_METHODS if method == "auto" else (method,)
    errors = {m: reference.errors(m, year, k, as_of) for m in candidates}
    chosen, why = method, ""
    if method == "auto":
        chosen, why = _choose(
            errors,
            "run_rate",
            "the reference's mean absolute real-time error",
            "fewer than three past years of the reference to compare methods; ",
        )
    if (year, k) in v.ytd:
        g_ytd, source = v.ytd[(year, k)], "published"
    elif all((year, i) in v.quarters for i in range(1, k + 1)):
        g_ytd = compose_growth([v.quarters[(year, i)] for i in range(1, k + 1)], w[:k])
        source = "composed from the quarters"
    else:
        return build(
            common,
            method=chosen,
            status="insufficient_data",
            reason=f"no growth for the first {k} quarter(s) of {year}",
        )
    share = float(w[:k].sum())
    try:
        rest = _rest_growth(chosen, rv, year, k, w, g_ytd)
    except NotApplicable as exc:
        return build(common, method=chosen, status="insufficient_data", reason=why + str(exc))
    point = share * g_ytd + (1 - share) * rest
    past = np.asarray(errors[chosen], dtype="float64")
    sd, df = pooled_sd(past, (1 - share) * PRIOR_REST_SD)
    required = required_growth(target.value, g_ytd, share) if target.bound != "range" else None
    est = " (theo số ước — from estimates)" if v.used_estimates(year, k) else ""
    reason = (
        f"{why}{chosen} with the reference's quarter weights (no two past years of the region's own): "
        f"{k} quarter(s) at {format_number(round(g_ytd, 2))}% ({source}){est}, weight "
        f"{format_number(round(share, 3))}; uncertainty from {past.size} past year(s) of the reference's "
        f"real-time errors and a prior of ±{format_number(PRIOR_REST_SD)} points on the rest of the year "
        f"(t, {df} df)"
    )
    return with_interval(
        common, target, method=chosen, point=point, sd=sd, df=df, reason=reason, ytd=g_ytd, required=required
    )


#: the growth rates the country's GDP growth can lend its quarter weights to (a province's GRDP, the country's own)
_GDP_GROWTH: Final = ("grdp_growth", "gdp_growth")


def reference_rows(dataset: Any) -> Reference:
    """The growth series a reference dataset lends: the country's GDP growth (``gdp_growth`` of
    ``viet_nam``) if it has one, else its only growth series (none: it lends flows their path through the
    year only, see :mod:`ktstats.analysis.projection.profile`)."""
    from ktstats.catalog.indicators import indicator as lookup

    f = dataset.to_frame()
    f = f[f["form"] == "level"]
    pairs = sorted(
        {(i, r) for i, r in zip(f["indicator"], f["region"], strict=True) if lookup(i).kind == "growth"}
    )
    if ("gdp_growth", "viet_nam") in pairs:
        return Reference(growth_rows(dataset, "gdp_growth", "viet_nam"), dataset)
    if len(pairs) > 1:
        raise DataError(
            f"a reference dataset lends one growth series; this one has {len(pairs)} "
            f"({', '.join(f'{i}/{r}' for i, r in pairs)})"
        )
    if not pairs:
        columns = ["period_start", "period_end", "measure", "value", "document", "document_date"]
        return Reference(pd.DataFrame(columns=columns), dataset)
    return Reference(growth_rows(dataset, *pairs[0]), dataset)


#: a dataset's level rows split by (indicator, region), built once per dataset (datasets are immutable)
_ROWS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], pd.DataFrame]] = weakref.WeakKeyDictionary()


def growth_rows(dataset: Any, indicator: str, region: str) -> pd.DataFrame:
    """The level rows of one growth indicator and region, with their publication dates."""
    table = _ROWS.get(dataset)
    if table is None:
        f = dataset.to_frame()
        f = f[f["form"] == "level"]
        cols = ["period_start", "period_end", "measure", "value", "document", "document_date"]
        f = f[["indicator", "region", *cols]].copy()
        f["document_date"] = pd.to_datetime(f["document_date"]).fillna(pd.Timestamp.min)
        table = {(str(i), str(r)): g[cols] for (i, r), g in f.groupby(["indicator", "region"], sort=False)}
        _ROWS[dataset] = table
    rows = table.get((indicator, region))
    if rows is None:
        raise DataError(f"no figures of {indicator!r} for {region!r} in this dataset")
    return rows


@dataclass(frozen=True)
class Backtest:
    """A real-time backtest: one row per year and method (``auto`` included).

    ``to_frame()``: year, method, chosen (what ``auto`` picked), as_of, quarters, point, low, high, probability, status, target,
    actual_first (the annual figure as first published), actual_latest (the latest revision),
    error_first, error_latest, covered (the interval holds the first release), call_right (the
    met / not-met call, P ≥ 0,5, against the first release; empty without a target).
    ``summary()``: per method, years, MAE and bias against the first release and the latest, interval
    coverage and calls right.
    """

    table: pd.DataFrame
    cutoff_month: int
    level: float

    def to_frame(self) -> pd.DataFrame:
        out: pd.DataFrame = self.table.copy()
        return out

    def summary(self) -> pd.DataFrame:
        rows = []
        for method, g in self.table.groupby("method", sort=False):
            scored = g.dropna(subset=["point"])
            covered = scored["covered"].dropna()
            calls = scored["call_right"].dropna()
            rows.append(
                {
                    "method": method,
                    "years": len(scored),
                    "mae_first": float(scored["error_first"].abs().mean()) if len(scored) else math.nan,
                    "bias_first": float(scored["error_first"].mean()) if len(scored) else math.nan,
                    "mae_latest": float(scored["error_latest"].abs().mean()) if len(scored) else math.nan,
                    "bias_latest": float(scored["error_latest"].mean()) if len(scored) else math.nan,
                    "coverage": float(covered.astype(float).mean()) if len(covered) else math.nan,
                    "calls": len(calls),
                    "calls_right": int(calls.astype(bool).sum()),
                }
            )
        return pd.DataFrame(rows)

    def __str__(self) -> str:
        return (
            f"real-time backtest after {self.cutoff_month} months, {round(100 * self.level)}% intervals\n"
            + self.summary().round(3).to_string(index=False)
        )


def realtime_backtest(
    frame: pd.DataFrame,
    targets: Any,
    *,
    cutoff_month: int = 9,
    methods: Sequence[str] | None = None,
    level: float = 0.8,
    common: dict[str, Any],
) -> Backtest:
    """Project every year whose annual growth was published, as of its cutoff date, with each method
    and ``auto``; ``targets(year, as_of)`` gives the target known then (or ``None``)."""
    if cutoff_month not in (3, 6, 9):
        raise DataError(f"a growth backtest cuts off after 3, 6 or 9 months, not {cutoff_month!r}")
    chosen = [*(methods if methods is not None else REALTIME_METHODS), "auto"]
    dated = frame.sort_values("document_date", kind="stable")
    annual_rows = dated[
        (dated["period_start"].map(lambda p: p.month) == 1)
        & (dated["period_end"].map(lambda p: p.month) == 12)
        & (dated["period_start"].map(lambda p: p.year) == dated["period_end"].map(lambda p: p.year))
        & dated["measure"].isin(["actual", "estimate"])
    ]
    rows = []
    for year, g in annual_rows.groupby(annual_rows["period_end"].map(lambda p: p.year), sort=True):
        first, latest = float(g["value"].iloc[0]), float(g["value"].iloc[-1])
        when = cutoff_date(int(year), cutoff_month)
        target = targets(int(year), when)
        scoring = target if target is not None else Target("none", ">=", 0.0, common["unit"], kind="growth")
        for method in chosen:
            p = project_growth_as_of(
                frame,
                scoring,
                year=int(year),
                as_of=when,
                method=method,
                level=level,
                common={**common, "target": scoring, "year": int(year), "level": level},
            )
            row: dict[str, Any] = {
                "year": int(year),
                "method": method,
                "chosen": p.method,
                "as_of": when,
                "quarters": p.periods_done,
                "point": p.point,
                "low": p.low,
                "high": p.high,
                "probability": p.probability if target is not None else None,
                "status": p.status if target is not None else "",
                "target": target.label() if target is not None else "",
                "actual_first": first,
                "actual_latest": latest,
                "error_first": None if p.point is None else p.point - first,
                "error_latest": None if p.point is None else p.point - latest,
                "covered": None if p.low is None or p.high is None else bool(p.low <= first <= p.high),
                "call_right": None
                if target is None or p.probability is None
                else bool((p.probability >= 0.5) == bool(target.met(first))),
                "reason": p.reason,
            }
            rows.append(row)
    if not rows:  # (a crash on the missing columns before)
        raise DataError("no year's own growth figure (an estimate too) is in the data: nothing to replay")
    table = pd.DataFrame(rows)
    for col in ("point", "low", "high", "probability", "error_first", "error_latest"):
        table[col] = pd.to_numeric(table[col], errors="coerce")
    return Backtest(table, cutoff_month, level)
