"""Targets across the 1 July 2025 merger: the 63 provinces' targets combined into the 34 units.

A province that ceased on 30 June 2025 has no figure for the whole of 2025; its 2025 target lives on
in the unit it joined. The unit's target is the level-weighted mean of its provinces' targets,
``Σ wᵢ·tᵢ / Σ wᵢ`` with ``wᵢ`` the province's GRDP of the base year (by default ``grdp_current`` of
the year before), because the growth of a sum is the level-weighted growth of its parts — the same
rule as :meth:`ktstats.Panel.to_boundaries`, which does the arithmetic. A unit one of whose provinces
has no target or no weight gets no target, and says which (never a partial mean). A unit that
states a target of its own (a later resolution) keeps it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Final, cast

import numpy as np
import pandas as pd

from ktstats.analysis.targets import Target
from ktstats.errors import KtstatsError
from ktstats.lang.numbers import format_number

__all__ = ["UNIT_TARGET_COLUMNS", "targets_of", "unit_of", "unit_targets"]

UNIT_TARGET_COLUMNS: Final = [
    "unit",
    "unit_name",
    "indicator",
    "year",
    "target_value",
    "low",
    "high",
    "target",
    "constituents",
    "constituent_targets",
    "weights",
    "weight_indicator",
    "weight_year",
    "documents",
    "status",
    "reason",
]


def targets_of(observations: list[Any], year: int) -> list[tuple[Target, list[str]]]:
    """The distinct whole-year targets (and plans where no target is stated) among observations of one
    indicator and region, oldest first, each with the documents that state it
    (:func:`ktstats.analysis.projection.datasets.own_targets`)."""
    from ktstats.lang.periods import Span

    whole = Span.whole_year(year)
    obs = [
        o for o in observations if o.measure in ("target", "plan") and o.form == "level" and o.span == whole
    ]
    if any(o.measure == "target" for o in obs):
        obs = [o for o in obs if o.measure == "target"]
    obs.sort(key=lambda o: o.document_date or pd.Timestamp.min)
    found: dict[tuple[Any, ...], tuple[Target, list[str]]] = {}
    for o in obs:
        tgt = Target.from_observation(o)
        key = (round(tgt.low, 9), round(tgt.value, 9), round(tgt.high, 9), tgt.kind, str(tgt.unit))
        docs = found.setdefault(key, (tgt, []))[1]
        if o.document not in docs:
            docs.append(o.document)
    return list(found.values())


def unit_of(code: str, when: pd.Timestamp) -> str:
    """The code of the unit that ``code`` belongs to on ``when`` (itself if it still exists, or if it is
    not a province: the country ``viet_nam``, a district such as ``kon_tum.dak_glei``)."""
    from ktstats.catalog.regions import region
    from ktstats.errors import DataError

    try:
        r = region(code)
    except DataError:
        return code
    while not r.valid_on(when) and r.successor:
        r = region(r.successor)
    return r.code


def _members(year: int) -> dict[str, list[str]]:
    """Each unit valid at the end of ``year`` → the provinces of 1 January that it is made of."""
    from ktstats.catalog.regions import regions

    out: dict[str, list[str]] = {}
    for c in sorted(str(c) for c in regions(on=pd.Timestamp(year, 1, 1))["code"]):
        out.setdefault(unit_of(c, pd.Timestamp(year, 12, 31)), []).append(c)
    return out


def _weight(dataset: Any, indicator: str, code: str, year: int, as_of: Any) -> tuple[float, str] | None:
    """The latest published whole-year level of ``indicator`` for ``code`` in ``year``."""
    from ktstats.lang.periods import Span

    obs = [
        o
        for o in dataset.filter(indicator=indicator, region=code, form="level", as_of=as_of).observations()
        if o.measure in ("actual", "estimate") and o.span == Span.whole_year(year)
    ]
    if not obs:
        return None
    obs.sort(key=lambda o: o.document_date or pd.Timestamp.min)
    latest = obs[-1]
    return float(latest.quantity.to("billion dong").magnitude), latest.document


def _name(code: str) -> str:
    from ktstats.catalog.regions import region
    from ktstats.errors import DataError

    try:
        return region(code).name_vi
    except DataError:
        return code


def _given_weight(weights: Mapping[str, float], code: str) -> tuple[float, str] | None:
    from ktstats.catalog.regions import region
    from ktstats.lang.checks import finite

    for name, w in weights.items():
        if region(str(name)).code == code:
            value = finite(w, f"weights[{name!r}]")
            if value <= 0:
                from ktstats.errors import DataError

                raise DataError(f"weights[{name!r}] = {value!r}: a weight is a positive level")
            return value, ""
    return None


def unit_targets(
    dataset: Any,
    indicator: str = "grdp_growth",
    year: int = 2025,
    *,
    as_of: str | pd.Timestamp | None = None,
    weights: str | Mapping[str, float] = "grdp_current",
    weight_year: int | None = None,
) -> pd.DataFrame:
    """One row per unit valid at the end of ``year`` whose provinces had targets for ``year``: the
    unit's own target if it states one, else the weighted target of its provinces, with the
    constituents, their targets and weights side by side (``status``: ``own``, ``single``,
    ``weighted``, or ``insufficient_data`` with the reason). ``weights`` is the indicator of the
    dataset whose whole-year levels of ``weight_year`` (default: the year before) weigh the provinces,
    or a mapping province (name or code) → weight."""
    from ktstats.catalog.regions import region

    end = pd.Timestamp(year, 12, 31)
    base_year = year - 1 if weight_year is None else weight_year
    by_region: dict[str, list[Any]] = {}
    for o in dataset.filter(indicator=indicator, form="level", as_of=as_of).observations():
        by_region.setdefault(o.region, []).append(o)
    units = sorted({unit_of(c, end) for c in by_region})
    made_of = _members(year)
    rows = []

    def stated_for(code: str) -> list[tuple[Target, list[str]]]:
        return targets_of(by_region.get(code, []), year)

    for unit in units:
        members = made_of.get(unit, [unit])
        base = {
            "unit": unit,
            "unit_name": _name(unit),
            "indicator": indicator,
            "year": year,
            "constituents": ", ".join(region(m).name_vi for m in members),
            "weight_indicator": weights if isinstance(weights, str) else "given",
            "weight_year": base_year,
        }
        stated: dict[str, tuple[Target, list[str]]] = {}
        for m in members:
            found = stated_for(m)
            if found:
                stated[m] = found[-1]
        base["constituent_targets"] = "; ".join(
            f"{region(m).name_vi} {t.label()}" for m, (t, _) in stated.items()
        )
        own = stated_for(unit)
        if own:  # the unit's own target (a later resolution), its provinces' shown beside it
            tgt, docs = own[-1]
            rows.append(_row(base, tgt, docs, "own", "the unit's own target"))
            continue
        missing = [region(m).name_vi for m in members if m not in stated]
        if not stated:
            continue
        if missing:
            rows.append(
                {
                    **base,
                    "status": "insufficient_data",
                    "reason": f"no {year} target for {', '.join(missing)}",
                }
            )
            continue
        if len(members) == 1:
            tgt, docs = stated[members[0]]
            rows.append(_row(base, tgt, docs, "single", "not merged: the province's own target"))
            continue
        values = {(t.low, t.value, t.high) for t, _ in stated.values()}
        kinds = {(t.bound, t.kind, str(t.unit)) for t, _ in stated.values()}
        if len(values) == 1 and len(kinds) == 1:  # a weighted mean of equal targets is that target
            tgt, _ = stated[members[0]]
            docs = list(dict.fromkeys(d for m in members for d in stated[m][1]))
            rows.append(
                _row(base, tgt, docs, "weighted", "every province has the same target: weights do not matter")
            )
            continue
        got = (
            {m: _weight(dataset, weights, m, base_year, as_of) for m in members}
            if isinstance(weights, str)
            else {m: _given_weight(weights, m) for m in members}
        )
        lacking = [region(m).name_vi for m, w in got.items() if w is None]
        if lacking:
            rows.append(
                {
                    **base,
                    "status": "insufficient_data",
                    "reason": (
                        f"no {weights} for {base_year} (the weight) of {', '.join(lacking)}"
                        if isinstance(weights, str)
                        else f"no weight given for {', '.join(lacking)}"
                    ),
                }
            )
            continue
        try:
            rows.append(_weighted(base, unit, members, stated, got, year))
        except KtstatsError as exc:
            rows.append({**base, "status": "insufficient_data", "reason": str(exc)})
    return pd.DataFrame(rows, columns=UNIT_TARGET_COLUMNS)


def _row(base: dict[str, Any], tgt: Target, docs: list[str], status: str, reason: str) -> dict[str, Any]:
    return {
        **base,
        "target_value": float(tgt.value),
        "low": float(tgt.low),
        "high": float(tgt.high),
        "target": tgt,
        "documents": ", ".join(docs),
        "status": status,
        "reason": reason,
    }


def _weighted(
    base: dict[str, Any],
    unit: str,
    members: list[str],
    stated: dict[str, tuple[Target, list[str]]],
    got: dict[str, tuple[float, str] | None],
    year: int,
) -> dict[str, Any]:
    from ktstats.data.panel import Panel
    from ktstats.errors import DataError

    targets = [stated[m][0] for m in members]
    first = targets[0]
    if any((t.bound, t.kind, str(t.unit)) != (first.bound, first.kind, str(first.unit)) for t in targets):
        raise DataError(
            "its provinces' targets are of different kinds ("
            + "; ".join(f"{m}: {t.label()}" for m, t in zip(members, targets, strict=True))
            + "): a weighted mean of them would mean nothing"
        )
    w = {m: cast(tuple[float, str], got[m])[0] for m in members}
    idx = pd.period_range(str(year), periods=1, freq="Y")

    def combine(values: list[float]) -> float:
        p = Panel(np.array([values]), idx, members, unit=str(first.unit), kind="growth")
        return float(np.asarray(p.to_boundaries(f"{year}-12-31", weights=w).to_frame().iloc[0, 0]))

    # a target combined from stated ones: two decimals (0,01 point), as targets are written
    value = float(round(combine([t.value for t in targets]), 2))
    low, high = (
        float(round(combine([t.low for t in targets]), 2)),
        float(round(combine([t.high for t in targets]), 2)),
    )
    weight_docs = [cast(tuple[float, str], got[m])[1] for m in members]
    docs = list(dict.fromkeys(d for m in members for d in stated[m][1])) + [
        d for d in dict.fromkeys(weight_docs) if d
    ]
    shown = ", ".join(f"{format_number(round(x, 3))}%" for x in (value,))
    text = f"{shown} (bình quân gia quyền theo GRDP {year - 1} của các tỉnh hợp nhất)"
    tgt = dataclasses.replace(first, text=text, value=value, low=low, high=high, indicator=first.indicator)
    total = sum(w.values())
    return {
        **_row(
            base, tgt, docs, "weighted", f"weighted by {base['weight_indicator']} of {base['weight_year']}"
        ),
        "weights": "; ".join(f"{m} {format_number(round(100 * w[m] / total, 1))}%" for m in members),
    }
