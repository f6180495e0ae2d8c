"""Projections of the targets stated in a dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ktstats.analysis.projection.result import Projection, settled
from ktstats.analysis.projection.single import project
from ktstats.analysis.projection.weights import by_period
from ktstats.analysis.targets import (
    Target,
    as_target,
    parse_target,
)
from ktstats.errors import DataError, KtstatsError, PeriodError

if TYPE_CHECKING:
    pass

# --- datasets ---------------------------------------------------------------------------


def project_indicator(
    dataset: Any,
    indicator: str,
    target: Any,
    *,
    region: str | None = None,
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
    region = dataset.resolve_region(region, indicator=indicator)
    if ind.kind == "growth":
        q = dataset.series(indicator, region, freq="Q", basis="period", as_of=as_of)
        try:
            a = dataset.series(indicator, region, freq="Y", as_of=as_of)
        except DataError:
            a = None
        annual_by_year = {p.year: v for p, v in (by_period(a).items() if a is not None else [])}
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
            return settled(
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
