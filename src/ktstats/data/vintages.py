"""Which statement of a figure stands: the latest document's, and a refusal where no date can say which.

A figure restated by a later report (a 9-month estimate, then the year-end report's final) is read as of
the latest document. Documents of the same day, or without a date (what ``ktstats extract`` writes of
files that never say when they were published), cannot be ordered: where two of them give a figure
different values, the choice would fall to the order of the rows (of the files on the command line) —
a silent wrong number. An exact statement ("đạt 9,5%") stands before a bound or an approximation of the
same day ("trên 10%"): it says more.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ktstats.errors import DataError


def latest_rows(frame: pd.DataFrame, key: Sequence[str], first: str | None = None) -> pd.DataFrame:
    """One row of ``frame`` per ``key``: the row of the latest ``document_date``, an exact one (``qualifier``)
    before a bound or an approximation of the same day; within one document the last row, or, with ``first``
    (a boolean column), a row where it is true. Raises :class:`DataError` where documents that no date orders
    (the same day, or no date at all) state a key's value differently, equally precisely.

    >>> f = pd.DataFrame({"period_end": ["2024-06", "2024-06"], "value": [2000.0, 2100.0],
    ...                   "unit": ["billion dong"] * 2, "document": ["a.txt", "b.txt"],
    ...                   "document_date": pd.to_datetime(["2024-07-05", "2024-08-05"])})
    >>> latest_rows(f, ["period_end"])["value"].tolist()
    [2100.0]
    """
    key = list(key)
    exact = frame["qualifier"].eq("exact") if "qualifier" in frame else pd.Series(True, index=frame.index)
    order = frame.assign(_date=frame["document_date"], _exact=exact.to_numpy())
    by = ["_date", "_exact"] if first is None else ["_date", "_exact", first]
    kept = order.sort_values(by, kind="stable", na_position="first").drop_duplicates(key, keep="last")
    if len(kept) < len(frame):  # (a figure stated once needs no order)
        _unordered_conflict(order, key)
    return frame.loc[kept.index].sort_index()


def _unordered_conflict(frame: pd.DataFrame, key: list[str]) -> None:
    """Raise where the statements a key's latest date leaves (every one, if any is undated), the most
    precise of them, disagree between documents."""
    named = [c for c in ("indicator", "region") if c in frame and c not in key]
    statements = frame[[*named, *key, "value", "unit", "document", "_date", "_exact"]]
    # (the same quantity in two units is one statement: "3,67 triệu lượt" and "3.670.000 lượt")
    statements = statements.assign(_same=_in_base_units(statements["value"], statements["unit"]))
    statements = statements.drop_duplicates([*key, "_same", "document"])
    groups = statements.groupby(key, sort=False, dropna=False, observed=True)
    when = statements["_date"]
    undated = when.isna().groupby(groups.ngroup()).transform("any")
    left = statements[(undated | (when == groups["_date"].transform("max"))).to_numpy()]
    best = left.groupby(key, sort=False, dropna=False, observed=True)["_exact"].transform("max")
    left = left[(left["_exact"] == best).to_numpy()]
    by_key = left.groupby(key, sort=False, dropna=False, observed=True)
    # (one document's two values of a key are its own: its later row stands, as before)
    clash = np.asarray(
        (by_key["_same"].transform("nunique") > 1) & (by_key["document"].transform("nunique") > 1)
    )
    if not clash.any():
        return
    codes = by_key.ngroup().to_numpy()
    rows = left[codes == codes[np.argmax(clash)]]
    told = "; ".join(
        f"{d} ({'no date' if pd.isna(w) else f'{w:%d/%m/%Y}'}): {v:g} {u}".rstrip()
        for d, w, v, u in zip(rows["document"], rows["_date"], rows["value"], rows["unit"], strict=True)
    )
    what = " ".join(str(rows.iloc[0][c]) for c in [*named, *key] if str(rows.iloc[0][c]))
    raise DataError(
        f"{what}: the documents disagree ({told}) and their dates cannot say which is later; give each "
        "document its date (a document_date column; extract(date=…), ktstats extract --date)"
    )


def _in_base_units(values: pd.Series, units: pd.Series) -> np.ndarray:
    """Each value in its unit's base unit, to 10 significant digits (a conversion's last bits aside)."""
    from ktstats.lang.units import parse_unit

    factor = {u: float((1 * parse_unit(u)).to_base_units().magnitude) if u else 1.0 for u in set(units)}
    scaled = values.to_numpy(dtype="float64") * np.array([factor[u] for u in units])
    return np.array([float(f"{x:.10g}") for x in scaled])
