"""Attainment: an actual against a target, honouring both sides' wording.

:func:`attainment` compares an actual with a target: a target "trên 6.000" is
missed at exactly 6.000, "từ 8,2% trở lên" is met at 8,2%, an actual
"gần 2.500" is below 2.500, and for lower-is-better indicators the direction
flips. A claim is *met* only when every value the actual's wording allows
meets the target (:meth:`Target.met`). :func:`dataset_attainment` does it for
every stated target of a dataset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from ktstats.analysis.targets import APPROX_TOLERANCE, Target, as_target
from ktstats.catalog.indicators import by_code
from ktstats.errors import DataError, PeriodError, UnitError
from ktstats.lang.checks import finite
from ktstats.lang.numbers import Reading, format_number, parse_quantity
from ktstats.lang.units import apply_factor, conversion_factor, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

__all__ = ["Attainment", "attainment", "dataset_attainment"]


# how far below / above its number a qualified actual may lie, as a fraction
_EPS = 1e-9


def _actual_bounds(values: np.ndarray, qualifiers: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest value each actual's wording allows (``None``: all exact)."""
    if qualifiers is None:
        return values, values
    q = qualifiers
    if (q == "exact").all():
        return values, values
    step = _EPS * np.maximum(np.abs(values), 1.0)
    lowest = values.copy()
    highest = values.copy()
    below = (q == "nearly") | (q == "under")
    above = q == "over"
    lowest[below] -= step[below]
    highest[below] -= step[below]
    lowest[above] += step[above]
    highest[above | (q == "at_least")] = np.inf
    lowest[(q == "under") | (q == "at_most")] = -np.inf
    return lowest, highest


@dataclass(frozen=True, slots=True)
class Attainment:
    """How an actual compares with a target.

    Attributes are floats for one actual and arrays for a series.

    ``ratio``: actual / target (``None`` for growth-rate targets, where a ratio of rates means nothing).
    ``met``: whether every value the actual's wording allows satisfies the bound.
    ``gap``: actual − target, in ``gap_unit`` (percentage points for rates and growth).
    ``required``: what is still needed to meet the target (0 when met); for a growth target
    with ``ytd_weight``, the growth needed in the rest of the year.
    """

    target: Target
    actual: Any
    actual_qualifier: Any
    ratio: Any
    met: Any
    gap: Any
    gap_unit: pint.Unit
    required: Any
    index: pd.PeriodIndex | None = None

    def to_frame(self) -> pd.DataFrame:
        """A tidy table, one row per actual."""
        n = 1 if self.index is None else len(self.index)

        def col(x: Any) -> Any:
            return np.full(n, np.nan) if x is None else np.broadcast_to(np.asarray(x, dtype=object), (n,))

        frame = pd.DataFrame(
            {
                "actual": col(self.actual),
                "actual_qualifier": col(self.actual_qualifier),
                "target": self.target.label(),
                "bound": self.target.bound,
                "target_value": self.target.value,
                "unit": unit_to_str(self.target.unit),
                "ratio": col(self.ratio),
                "met": col(self.met),
                "gap": col(self.gap),
                "gap_unit": unit_to_str(self.gap_unit),
                "required": col(self.required),
            },
            index=self.index,
        )
        frame["met"] = frame["met"].astype(bool)
        for c in ("actual", "ratio", "gap", "required", "target_value"):
            frame[c] = frame[c].astype("float64")
        return frame

    def __str__(self) -> str:
        if self.index is not None:
            return str(self.to_frame())
        verdict = "đạt" if self.met else "chưa đạt"
        ratio = f", {format_number(100 * self.ratio, 2)}% mục tiêu" if self.ratio is not None else ""
        return (
            f"{format_number(self.actual)} so với mục tiêu {self.target.label()}: {verdict}{ratio}; "
            f"chênh lệch {format_number(round(self.gap, 6))} {unit_to_str(self.gap_unit)}"
        )

    def _repr_html_(self) -> str:
        return self.to_frame().to_html()


def _as_actual(
    actual: Any,
) -> tuple[np.ndarray, np.ndarray | None, pint.Unit | None, pd.PeriodIndex | None, bool]:
    """(values, qualifiers, unit, index, scalar)"""
    from ktstats.data.dataset import Observation
    from ktstats.data.series import IndicatorSeries

    if isinstance(actual, IndicatorSeries):
        q = actual.provenance["qualifier"].to_numpy(dtype=object) if actual.provenance is not None else None
        return np.asarray(actual.values, dtype="float64"), q, actual.unit, actual.index, False
    if isinstance(actual, Observation):
        return (
            np.array([actual.value]),
            np.array([actual.qualifier], dtype=object),
            parse_unit(actual.unit),
            None,
            True,
        )
    if isinstance(actual, Reading):
        return np.array([actual.value]), np.array([actual.qualifier], dtype=object), actual.unit, None, True
    if isinstance(actual, str):
        return _as_actual(parse_quantity(actual))
    if isinstance(actual, ureg.Quantity):
        return (
            np.array([float(actual.magnitude)]),
            np.array(["exact"], dtype=object),
            cast("pint.Unit", actual.units),
            None,
            True,
        )
    if isinstance(actual, (int, float, np.integer, np.floating)) and not isinstance(actual, bool):
        return np.array([float(actual)]), np.array(["exact"], dtype=object), None, None, True
    if isinstance(actual, (np.ndarray, list, tuple, pd.Series)):
        arr = np.asarray(actual, dtype="float64")
        return arr, None, None, None, False
    raise DataError(f"cannot use {actual!r} as an actual value")


def attainment(
    actual: Any,
    target: Any,
    *,
    ytd_weight: float | None = None,
    tolerance: float = APPROX_TOLERANCE,
) -> Attainment:
    """Compare an actual with a target.

    Parameters
    ----------
    actual:
        A number (in the target's unit), a pint Quantity, a :class:`Reading`
        ("gần 2.500 tỷ đồng" keeps its qualifier), an :class:`Observation`, or an
        :class:`IndicatorSeries` (element-wise). For ``added`` targets give the
        amount added; for ``reduction`` targets the size of the fall.
    target:
        A :class:`Target`, a target phrase, a Reading, a Quantity, an
        Observation of measure ``target``, or a number (then "at least").
    ytd_weight:
        For a growth target and a year-to-date growth actual: the share of last
        year's annual level in the year-to-date span; ``required`` is then the
        growth the rest of the year needs (:func:`ktstats.required_growth`).
    tolerance:
        Relative slack of a "khoảng" (``~``) target.

    Examples
    --------
    >>> from ktstats import parse_quantity, parse_target
    >>> attainment(6000, parse_target("trên 6.000 tỷ đồng")).met
    False
    >>> attainment(8.2, parse_target("từ 8,2% trở lên", indicator="grdp_growth")).met
    True
    >>> attainment(parse_quantity("gần 2.500 tỷ đồng"), parse_target("từ 2.500 tỷ đồng trở lên")).met
    False
    >>> a = attainment(830, parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024))
    >>> round(a.ratio, 4), a.required
    (0.1844, 3670.0)
    """
    tolerance = finite(tolerance, "tolerance", low=0.0)
    values, qualifiers, unit, index, scalar = _as_actual(actual)
    tgt = as_target(target, unit)
    _check_spans(actual, tgt)
    if unit is not None and unit != tgt.unit:
        try:
            factor = conversion_factor(unit, tgt.unit)
        except UnitError as exc:
            raise UnitError(f"actual and target are not comparable: {exc}") from None
        values = apply_factor(values, factor)
    if not np.isfinite(values).all():
        raise DataError(f"actual values are missing or infinite: {values[~np.isfinite(values)][:5].tolist()}")
    lowest, highest = _actual_bounds(values, qualifiers)
    met = tgt.met(lowest, highest, tolerance=tolerance)
    gap = values - tgt.value
    percentish = tgt.unit == ureg.percent and (
        tgt.kind == "growth" or (tgt.relative_to == "" and _is_rate(tgt))
    )
    gap_unit = ureg.percentage_point if percentish else tgt.unit
    ratio: Any = None
    if tgt.kind != "growth" and tgt.value != 0:
        ratio = values / tgt.value
    if tgt.kind == "growth" and ytd_weight is not None:
        from ktstats.analysis.growth import required_growth

        required: Any = required_growth(tgt.value, values, ytd_weight)
    elif tgt.direction == "lower":
        required = np.maximum(values - tgt.value, 0.0)
    elif tgt.kind == "growth":
        required = None
    else:
        required = np.maximum(tgt.value - values, 0.0)
        required = np.where(met, 0.0, required)

    def out(x: Any) -> Any:
        if x is None:
            return None
        x = np.asarray(x)
        return x.item() if scalar and x.size == 1 else x

    return Attainment(
        tgt,
        out(values),
        out(qualifiers) if qualifiers is not None else "exact",
        out(ratio),
        out(met),
        out(gap),
        gap_unit,
        out(required),
        index,
    )


def _check_spans(actual: Any, target: Target) -> None:
    """An actual with a span must lie within the target's span (and start with it for flows)."""
    from ktstats.data.dataset import Observation

    if not isinstance(actual, Observation) or target.span is None:
        return
    a, t = actual.span, target.span
    flow = by_code()[actual.indicator].kind == "flow"
    if not t.contains(a) or (flow and a.start != t.start):
        raise PeriodError(
            f"the actual covers {a.label()} ({a}) but the target is for {t.label()} ({t}); "
            "compare figures for the same span, or a year-to-date figure with an annual target"
        )


def _is_rate(target: Target) -> bool:
    if target.indicator is None:
        return target.unit == ureg.percent
    return by_code()[target.indicator].kind in ("rate", "growth", "index")


def dataset_attainment(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per stated target or plan of a dataset table, with the latest comparable actual.

    An actual is comparable when it has the same indicator, region, form and
    reference, and its span starts with the target's span and ends within it
    (a year-to-date figure against an annual target is *in progress*).
    """
    from ktstats.data.dataset import Dataset

    ds = Dataset(frame, _validated=True)
    rows = []
    obs = list(ds.observations())
    actuals = [o for o in obs if o.measure in ("actual", "estimate")]
    for o in obs:
        if o.measure not in ("target", "plan"):
            continue
        tgt = Target.from_observation(o)
        kind = by_code()[o.indicator].kind
        candidates = [
            a
            for a in actuals
            if a.indicator == o.indicator
            and a.region == o.region
            and a.form == o.form
            and a.relative_to == o.relative_to
            and a.span.end <= o.span.end
            and (
                a.span.start == o.span.start
                if kind not in ("stock", "count", "rate")
                else a.span.end.year == o.span.end.year
            )
        ]
        record: dict[str, Any] = {
            "indicator": o.indicator,
            "region": o.region,
            "target_period": o.span.label(),
            "target": tgt.label(),
            "bound": tgt.bound,
            "target_value": tgt.value,
            "unit": unit_to_str(tgt.unit),
            "target_kind": tgt.kind,
            "target_document": o.document,
            "actual_period": "",
            "actual": math.nan,
            "actual_qualifier": "",
            "actual_document": "",
            "ratio": math.nan,
            "met": pd.NA,
            "gap": math.nan,
            "gap_unit": "",
            "required": math.nan,
            "status": "no comparable actual",
        }
        if candidates:
            best = max(candidates, key=lambda a: (a.span.end, a.document_date or pd.Timestamp(0)))
            value = abs(best.value) if tgt.kind in ("added", "reduction") else best.value
            reading = Reading(best.quote, value, parse_unit(best.unit), best.qualifier)  # type: ignore[arg-type]
            att = attainment(reading, tgt)
            complete = best.span == o.span or (
                kind in ("stock", "count", "rate") and best.span.end == o.span.end
            )
            record.update(
                {
                    "actual_period": best.span.label(),
                    "actual": float(att.actual),
                    "actual_qualifier": best.qualifier,
                    "actual_document": best.document,
                    "ratio": math.nan if att.ratio is None else float(att.ratio),
                    "met": bool(att.met) if complete else pd.NA,
                    "gap": float(att.gap),
                    "gap_unit": unit_to_str(att.gap_unit),
                    "required": math.nan if att.required is None else float(att.required),
                    "status": ("met" if att.met else "not met") if complete else "in progress",
                }
            )
        rows.append(record)
    out = pd.DataFrame(rows)
    if len(out):
        out["met"] = out["met"].astype("boolean")
    return out
