"""Real-time calls on flows from the development texts, scored against the year's published outcome.

Each development text is read with ``ktstats.extract`` as a user would, dated by its publication date from
``texts.csv``, and the texts of one province are combined. For every whole-year target of a flow (budget
revenue, tourists, exports, disbursement …) whose year's own figure was later published, the target is
projected **as of** each earlier text that gave a year-to-date figure of that year — from what was published
by then only — and the call (P ≥ 50 % ↔ met) is scored against that outcome. Beside the calls: what hindsight
alone would score (the share met as every probability; calling every target the way most went).

The figures are as good as the extraction of these texts, which its rules were written on (in sample for
extraction); the projection methods were not fitted on them. Run: ``python benchmarks/flow_calls.py``;
``--paths`` compares the even pace with the country's path through the year (``vn_budget_revenue``) instead.
"""

from __future__ import annotations

import sys
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

import ktstats
from ktstats.catalog.indicators import indicator as lookup

CORPUS = Path(__file__).resolve().parents[1] / "datasets" / "corpus"


def _province_datasets(part: str = "dev") -> dict[str, ktstats.Dataset]:
    texts = pd.read_csv(CORPUS / "texts.csv", dtype=str, keep_default_na=False)
    by_region: dict[str, list[ktstats.Dataset]] = defaultdict(list)
    for t in texts[texts["part"] == part].itertuples(index=False):
        date = t.date if t.date_precision == "day" else t.date[:7]  # (a month: its last day counts)
        text = (CORPUS / part / f"{t.id}.txt").read_text(encoding="utf-8")
        try:
            by_region[t.region].append(ktstats.extract(text, document=t.id, date=date))
        except ktstats.KtstatsError:
            continue  # (a text that names no province asks for region=: not guessed here)
    return {
        r: ds[0].combine(*ds[1:]) for r, ds in by_region.items() if ds
    }  # (a province all of whose texts asked)


def calls(part: str = "dev") -> pd.DataFrame:
    rows = []
    for ds in _province_datasets(part).values():
        f = ds.to_frame()
        level = f[f["form"] == "level"]
        start, end = level["period_start"], level["period_end"]
        whole = (start.dt.month == 1) & (end.dt.month == 12) & (start.dt.year == end.dt.year)
        targets = level[whole & level["measure"].isin(["target", "plan"])]
        for (code, region, year), _ in targets.groupby(
            ["indicator", "region", targets["period_end"].dt.year]
        ):
            if lookup(code).kind != "flow":
                continue
            done = level[
                (level["indicator"] == code)
                & (level["region"] == region)
                & level["measure"].isin(["actual", "estimate"])
                & (start.dt.month == 1)
                & (end.dt.year == year)
            ]
            outcome_day = done.loc[done["period_end"].dt.month == 12, "document_date"].min()
            if pd.isna(outcome_day):
                continue
            for day in sorted(set(done.loc[done["period_end"].dt.month < 12, "document_date"])):
                if not day < outcome_day:
                    continue
                try:
                    p = ds.project(
                        code, region=region, year=int(year), as_of=day, reference="vn_disbursement"
                    )
                    o = ds.project(code, p.target, region=region, year=int(year))
                except ktstats.KtstatsError:
                    continue  # (no target published yet, or a figure refused: no call)
                if p.method == "published" or o.method != "published":
                    continue
                rows.append(
                    {
                        "region": region,
                        "indicator": code,
                        "year": int(year),
                        "as_of": day,
                        "months": p.periods_done,
                        "method": p.method,
                        "probability": p.probability,
                        "point": p.point,
                        "low": p.low,
                        "high": p.high,
                        "outcome": o.point,
                        "met": o.status == "achieved",
                    }
                )
    return pd.DataFrame(rows)


def paths(indicator: str = "state_budget_revenue", reference: str = "vn_budget_revenue") -> pd.DataFrame:
    """Each province's year of ``indicator`` projected in real time (``Dataset.backtest``, cutoffs after 1 to 11
    months) at an even pace and with ``reference``'s national path, against the year's figure as first
    published: one row per province, year and months of data used (the same case met at several cutoffs once)."""
    rows = {}
    for region, ds in _province_datasets().items():
        if indicator not in ds.indicators:
            continue
        for cut in range(1, 12):
            found: dict[tuple[int, int], dict[str, tuple[float, float, float, float]]] = defaultdict(dict)
            for ref in (None, reference):
                try:
                    table = ds.backtest(indicator, cutoff_month=cut, reference=ref).to_frame()
                except ktstats.KtstatsError:
                    continue  # (no year of its own published after the cutoff)
                table = table[(table["method"] == "auto") & table["point"].notna()]
                for r in table.itertuples(index=False):
                    found[(int(r.year), int(r.quarters))][str(ref)] = (r.point, r.low, r.high, r.actual_first)
            for (year, months), d in found.items():
                if len(d) == 2:
                    (pe, le, he, actual), (pp, lp, hp, _) = d["None"], d[reference]
                    rows[(region, year, months)] = {
                        "region": region,
                        "year": year,
                        "months": months,
                        "actual": actual,
                        "even": pe,
                        "path": pp,
                        "even_covers": le <= actual <= he,
                        "path_covers": lp <= actual <= hp,
                    }
    return pd.DataFrame(list(rows.values()))


def main() -> None:
    warnings.simplefilter("ignore")
    if "--paths" in sys.argv:
        t = paths()
        e, p = t["even"] / t["actual"] - 1, t["path"] / t["actual"] - 1
        differ = e.abs() != p.abs()
        print(
            f"{len(t)} province-years and months ({t['region'].nunique()} provinces), {int(differ.sum())} differ"
        )
        print(
            f"median |point / outcome - 1|: even pace {e.abs().median():.1%}, national path {p.abs().median():.1%}"
        )
        print(f"median point / outcome - 1: even pace {e.median():+.1%}, national path {p.median():+.1%}")
        print(f"the path closer in {int((p.abs() < e.abs()).sum())} of {int(differ.sum())} that differ")
        print(
            f"80 % intervals holding the outcome: even pace {t['even_covers'].mean():.0%}, "
            f"national path {t['path_covers'].mean():.0%}"
        )
        return
    t = calls()
    if t.empty:
        print("no call")
        return
    met = t["met"].astype(bool)
    right = (t["probability"] >= 0.5) == met
    brier = float(((t["probability"] - met) ** 2).mean())
    share = float(met.mean())
    inside = (t["low"] <= t["outcome"]) & (t["outcome"] <= t["high"])
    print(
        f"{len(t)} calls ({t['region'].nunique()} provinces); methods: {t['method'].value_counts().to_dict()}"
    )
    print(
        f"calls right {int(right.sum())} of {len(t)}; calling every target the way most went: "
        f"{int(max(met.sum(), (~met).sum()))}"
    )
    print(f"Brier {brier:.3f}; the share met ({share:.0%}) as every probability: {share * (1 - share):.3f}")
    print(
        f"80 % intervals holding the outcome: {inside.mean():.0%}; "
        f"median |point / outcome - 1|: {np.median(np.abs(t['point'] / t['outcome'] - 1)):.1%}"
    )


if __name__ == "__main__":
    main()
