"""The real-time backtest of a flow: each past year projected as of its cutoff date from what was published then.

A flow's figures come as reports publish them — a year to date at irregular months ("2 tháng", "6 tháng", "9
tháng"), estimates restated later, the year's own figure in December or January — so the series of the latest
vintage cannot be cut at a month and replayed: it mixes revisions and looks ahead. Here each year whose own
figure was published is projected with :func:`~ktstats.analysis.projection.datasets.project_indicator` as of the
cutoff date (the 15th of the month after the cutoff month), with the dataset as known then — figures, target and
method choice — and scored against the year's figure as first published and as last restated. The table is the
same as the growth backtest's (:class:`~ktstats.analysis.projection.realtime.Backtest`), ``quarters`` there
being ``months`` here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ktstats.analysis.projection.realtime import Backtest, cutoff_date
from ktstats.analysis.projection.result import METHODS, Projection
from ktstats.analysis.targets import Target
from ktstats.errors import DataError, KtstatsError

__all__ = ["flow_backtest"]


def flow_backtest(
    dataset: Any,
    indicator: str,
    region: str,
    *,
    project: Callable[..., Projection],
    targets: Callable[[int, pd.Timestamp], Target | None],
    cutoff_month: int = 9,
    methods: Sequence[str] | None = None,
    level: float = 0.8,
    unit: Any,
) -> Backtest:
    """Every year of ``indicator`` in ``region`` whose own figure (an estimate too) was published after its
    cutoff date, projected as of that date with each method and ``auto`` by ``project`` (what
    :func:`~ktstats.analysis.projection.datasets.project_indicator` takes); ``targets(year, as_of)`` gives the
    target known then (or ``None``). A projection that cannot be made keeps its row with the reason."""
    if not 1 <= cutoff_month <= 11:
        raise DataError(f"a flow's backtest cuts off after 1 to 11 months, not {cutoff_month!r}")
    chosen = [*(methods if methods is not None else METHODS), "auto"]
    f = dataset.filter(indicator=indicator, region=region, form="level").to_frame()
    if f.empty:
        forms = sorted(set(dataset.filter(indicator=indicator, region=region).to_frame()["form"]))
        raise DataError(
            f"{indicator} in {region} has no amounts (form 'level'), only {' and '.join(forms) or 'no figures'}: "
            "a flow's backtest projects its amounts (a share of a plan is what reference= lends as a path)"
        )
    start, end = f["period_start"], f["period_end"]
    whole = (start.dt.month == 1) & (end.dt.month == 12) & (start.dt.year == end.dt.year)
    annual = f[whole & f["measure"].isin(["actual", "estimate"])].sort_values(
        "document_date", kind="stable", na_position="first"
    )
    rows = []
    for year, g in annual.groupby(annual["period_end"].dt.year, sort=True):
        when = cutoff_date(int(year), cutoff_month)
        first, latest = float(g["value"].iloc[0]), float(g["value"].iloc[-1])
        if not g["document_date"].iloc[0] > when:
            continue  # (the year's figure was out by the cutoff: nothing to project)
        target = targets(int(year), when)
        # (with no target known then, the point and interval are still scored, against a bound that no year to
        # date reaches, so that nothing is settled early as "already reached"; its probability is not kept)
        scoring = target if target is not None else Target("none", "<=", 0.0, unit, kind="level")
        for method in chosen:
            try:
                p = project(
                    dataset,
                    indicator,
                    scoring,
                    region=region,
                    year=int(year),
                    as_of=when,
                    method=method,
                    level=level,
                )
            except KtstatsError as exc:
                rows.append(_row(int(year), method, when, first, latest, target) | {"reason": str(exc)})
                continue
            point = p.point if p.point is not None and math.isfinite(p.point) else None
            rows.append(
                _row(int(year), method, when, first, latest, target)
                | {
                    "chosen": p.method,
                    "quarters": p.periods_done * 12 // p.periods_in_year,  # (months, as a flow counts them)
                    "point": point,
                    "low": p.low,
                    "high": p.high,
                    "probability": p.probability if target is not None else None,
                    "status": p.status if target is not None else "",
                    "error_first": None if point is None else point - first,
                    "error_latest": None if point is None else point - latest,
                    "covered": None if p.low is None or p.high is None else bool(p.low <= first <= p.high),
                    "call_right": None
                    if target is None or p.probability is None
                    else bool((p.probability >= 0.5) == bool(target.met(first))),
                    "reason": p.reason,
                }
            )
    table = pd.DataFrame(rows, columns=[*_row(0, "", pd.Timestamp(0), 0.0, 0.0, None), "reason"])
    for col in ("point", "low", "high", "probability", "error_first", "error_latest"):
        table[col] = pd.to_numeric(table[col], errors="coerce")
    return Backtest(table, cutoff_month, level)


def _row(
    year: int, method: str, when: pd.Timestamp, first: float, latest: float, target: Target | None
) -> dict[str, Any]:
    """A row with nothing projected yet (a projection that could not be made keeps it, with its reason)."""
    return {
        "year": year,
        "method": method,
        "chosen": "",
        "as_of": when,
        "quarters": None,
        "point": None,
        "low": None,
        "high": None,
        "probability": None,
        "status": "insufficient_data",
        "target": "" if target is None else target.label(),
        "actual_first": first,
        "actual_latest": latest,
        "error_first": None,
        "error_latest": None,
        "covered": None,
        "call_right": None,
    }
