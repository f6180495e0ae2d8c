"""How the calls fared: projections made during a year scored against the year's outcome.

:func:`score_calls` takes two tables of :meth:`ktstats.Dataset.projections` — the calls (e.g. as of
31 October) and the outcomes (as of a date after the year's figures were published, where each row is
settled: ``method`` ``published`` or ``complete``, ``point`` the published growth; a row still
projected, its year's figure not yet out, is no outcome) — and returns one
row per call with the outcome, whether the target was met, the gap in points (from the nearest bound
of a range, 0 inside it), whether the outcome fell inside the call's interval, whether the call was
right (probability ≥ 0,5 and met, or < 0,5 and missed) and its Brier term ``(p − met)²``. The summary
(``.attrs``): calls scored, calls right, mean Brier score and interval coverage. Calls without a
probability or targets without an outcome are kept, with the reason, and not scored.

Beside them, what a call known only in hindsight would have scored: ``met_share`` (the share of the
targets met), ``majority_right`` (calls right by calling every target the way most went),
``brier_base`` (the Brier score of that share as every call's probability, ``met_share · (1 −
met_share)``) and ``skill`` (``1 − brier / brier_base``; above 0 the calls beat it, undefined when every
target went the same way). Calls right mean little where nearly every target was met.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from ktstats.errors import DataError

__all__ = ["SCORE_COLUMNS", "score_calls"]

SCORE_COLUMNS: Final = [
    "region",
    "indicator",
    "year",
    "target",
    "probability",
    "point",
    "low",
    "high",
    "outcome",
    "met",
    "gap",
    "in_interval",
    "call_right",
    "brier",
    "note",
]
_KEY: Final = ["region", "indicator", "year", "target"]
#: the methods of a settled row: the year's figure published, or the year complete
_SETTLED: Final = ("published", "complete")


def score_calls(calls: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """Score ``calls`` against ``outcomes`` (both tables of ``Dataset.projections``), joined on region,
    indicator, year and target.

    >>> import ktstats
    >>> ds = ktstats.load_dataset("vn_provinces")
    >>> calls = ds.projections(year=2025, as_of="2025-10-31", reference="vn_gdp")
    >>> after = ds.projections(year=2025, as_of="2026-02-28", reference="vn_gdp")
    >>> s = score_calls(calls, after)
    >>> 0 <= s.attrs["brier"] <= 1 and s.attrs["scored"] == int(s["brier"].notna().sum())
    True
    >>> (s.attrs["calls_right"], s.attrs["majority_right"], round(s.attrs["skill"], 2))  # (30 % were met)
    (16, 14, 0.39)
    """
    need = set(_KEY) | {"probability", "point", "low", "high", "status", "target_low", "target_high"}
    for name, table in (("calls", calls), ("outcomes", outcomes)):
        if not isinstance(table, pd.DataFrame) or not need <= set(table.columns):
            raise DataError(f"score_calls: {name} must be a table of Dataset.projections()")
    if "method" not in outcomes.columns:
        raise DataError("score_calls: outcomes must be a table of Dataset.projections()")
    settled = outcomes[outcomes["method"].isin(_SETTLED)]
    out = settled.drop_duplicates(_KEY, keep="last").set_index(_KEY)
    rows = []
    for c in calls.to_dict("records"):
        key = tuple(c[k] for k in _KEY)
        row = {k: c[k] for k in _KEY} | {k: c[k] for k in ("probability", "point", "low", "high")}
        if key not in out.index:
            rows.append({**row, "note": "no outcome published for this target"})
            continue
        o = out.loc[key]
        value, lo, hi = float(o["point"]), float(c["target_low"]), float(c["target_high"])
        met = o["status"] == "achieved"
        gap = value - hi if value > hi else (value - lo if value < lo else 0.0)
        row |= {"outcome": value, "met": bool(met), "gap": gap}
        p = c["probability"]
        if p is None or pd.isna(p):
            rows.append({**row, "note": f"no call: {c['status']}"})
            continue
        p = float(p)
        inside = (
            bool(float(c["low"]) <= value <= float(c["high"]))
            if pd.notna(c["low"]) and pd.notna(c["high"])
            else None
        )
        rows.append(
            {
                **row,
                "in_interval": inside,
                "call_right": bool((p >= 0.5) == met),
                "brier": (p - float(met)) ** 2,
                "note": "",
            }
        )
    table = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    scored = table[table["brier"].notna()]
    met = scored["met"].astype(bool)
    share = float(met.mean()) if len(scored) else np.nan
    brier = float(scored["brier"].mean()) if len(scored) else np.nan
    base = share * (1 - share)
    table.attrs.update(
        scored=len(scored),
        calls_right=int(scored["call_right"].astype(bool).sum()),
        brier=brier,
        coverage=float(scored["in_interval"].dropna().astype(bool).mean()) if len(scored) else np.nan,
        met_share=share,
        majority_right=int(max(met.sum(), (~met).sum())),
        brier_base=base,
        skill=1 - brier / base if base > 0 else np.nan,
    )
    return table
