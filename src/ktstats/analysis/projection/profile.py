"""A flow's path through the year, borrowed from a reference: how much of the year's total its past years had
reached by the end of each month.

A province often publishes only its year to date ("giải ngân 4 tháng đạt 18% kế hoạch"), with no month of its
own history. Extending that pace to the year assumes the rest of the year runs as fast as its start, which a
back-loaded flow (public investment is mostly disbursed in the last quarter and in January) never does. The
country's shares of the plan at month-ends ("10 tháng năm 2023 giải ngân đạt 56,7% kế hoạch Thủ tướng giao"),
divided by the share at the year's end, give the part of the year's total done by each month in each past year:
the province's year is projected from its year to date with those parts, as it borrows the country's quarter
weights for GRDP growth.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ktstats.lang.numbers import format_number

#: the region whose path a reference lends first (a national dataset's own)
_NATIONAL = "viet_nam"


@dataclass(frozen=True)
class Profile:
    """Cumulative parts of the year's total by month-end: one row per past year (index), columns 1–12 (the
    12th is 1), and what they were read from."""

    parts: pd.DataFrame
    region: str
    known: dict[int, list[int]]  # year -> the month-ends published, the last its end (13: the January after)

    def describe(self) -> str:
        years = list(self.parts.index)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        months = sorted({m for ms in self.known.values() for m in ms[:-1]})
        ends = sorted({"31/1 after" if ms[-1] == 13 else "31/12" for ms in self.known.values()})
        return (
            f"{self.region}'s year-to-date shares of the plan in {span}, divided by the share at the end "
            f"({' or '.join(ends)}); month-ends published: {', '.join(map(str, months)) or 'none'}, the "
            "others interpolated"
        )

    def history(self, year: int, scale: float) -> pd.Series:
        """The past years' months as a flow (each month's part of its year × ``scale``), before ``year``."""
        steps = np.diff(np.hstack([np.zeros((len(self.parts), 1)), self.parts.to_numpy()]), axis=1)
        idx = pd.PeriodIndex(
            [pd.Period(year=int(y), month=m, freq="M") for y in self.parts.index for m in range(1, 13)]
        )
        values = (steps * scale).reshape(-1)
        s = pd.Series(values, index=idx)
        return s[pd.PeriodIndex(s.index).year < year]

    def part_at(self, month: int) -> list[str]:
        """Each year's part of its total done by ``month`` (for a reason)."""
        return [f"{y} {format_number(round(100 * float(v), 1))}%" for y, v in self.parts[month].items()]


def reference_profile(dataset: Any, indicator: str, year: int, as_of: Any = None) -> Profile | None:
    """The path through the year of ``indicator`` in a reference dataset: for every year before ``year`` whose
    share of the plan at its end was published by ``as_of`` (no look-ahead: the shares a report could have
    known), its shares at month-ends divided by that final share, linearly interpolated between the months
    published (and from 0 at the start of the year). A year's end is the end of January after it when that
    was published (a year's public investment plan is disbursed until then), else December; the year's
    total is the whole, so December's part holds January's. ``None`` with fewer than two such years.

    The shares are the reference's year-to-date ratios of a plan (``form`` ``ratio``, spans from January), the
    country's (``viet_nam``) if it has them, else its only region's; a restated share counts as last published.
    A share stated as its excess over the plan ("vượt 9,79% dự toán", ``form`` ``change``) is 100 % plus it.
    """
    f = dataset.filter(indicator=indicator, as_of=as_of).to_frame()
    f = f[f["form"].isin(["ratio", "change"])]
    if f.empty:
        return None
    f = f[f["measure"].isin(["actual", "estimate"]) & f["relative_to"].isin(["plan", "budget_estimate"])]
    f = f.assign(value=f["value"].astype(float) + np.where(f["form"] == "change", 100.0, 0.0))
    regions = sorted(set(f["region"]))
    if not regions:
        return None
    region = _NATIONAL if _NATIONAL in regions else (regions[0] if len(regions) == 1 else None)
    if region is None:
        return None
    f = f[f["region"] == region]
    start = pd.PeriodIndex(f["period_start"])
    end = pd.PeriodIndex(f["period_end"])
    # month 13: the January after, when a year's plan is still disbursed (Luật Đầu tư công 2019, Điều 68)
    month = (end.year - start.year) * 12 + end.month
    keep = (start.month == 1) & (month <= 13) & (start.year < year)
    f = f[keep].assign(_year=start[keep].year, _month=month[keep])
    f = f.sort_values("document_date", kind="stable", na_position="first")
    last = f.groupby(["_year", "_month"], sort=True)["value"].last().astype(float)
    rows: dict[int, np.ndarray] = {}
    known: dict[int, list[int]] = {}
    for y, shares in last.groupby(level=0):
        by_month = {int(m): float(v) for (_, m), v in shares.items()}
        last_month = max(by_month)
        whole = by_month[last_month]
        if last_month < 12 or whole <= 0:
            continue  # the year's end was not published (by as_of)
        months = sorted(m for m in by_month if m < last_month)
        xs = [0, *months, last_month]
        ys = [0.0, *(min(by_month[m] / whole, 1.0) for m in months), 1.0]
        done = np.interp(np.arange(1, 13), xs, np.maximum.accumulate(ys))
        done[-1] = 1.0  # (December holds the January after, if any: the year is its plan's whole period)
        rows[int(y)] = done
        known[int(y)] = [*months, last_month]
    if len(rows) < 2:
        return None
    parts = pd.DataFrame.from_dict(rows, orient="index", columns=list(range(1, 13))).sort_index()
    return Profile(parts, region, known)
