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
from ktstats.errors import DataError, KtstatsError, PeriodError, UnitError
from ktstats.lang.checks import finite
from ktstats.lang.labels import words
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


#: the Vietnamese word of a status the label table does not hold yet
_STATUS_VI = {"met": "đạt", "exceeded": "vượt", "not met": "chưa đạt", "in progress": "đang thực hiện"}


@dataclass(frozen=True, slots=True)
class Attainment:
    """How an actual compares with a target.

    Attributes are floats for one actual and arrays for a series.

    ``ratio``: actual / target (``None`` for growth-rate targets, where a ratio of rates means nothing).
    ``met``: whether every value the actual's wording allows satisfies the bound. For an actual
    *in progress* (see ``in_progress``) it is ``True`` only when the outcome is already settled: a
    non-negative flow that has reached an "at least" target cannot fall back below it.
    ``gap``: actual − target, in ``gap_unit`` (percentage points for rates and growth); for a range
    target the distance to the nearest end (0 within the range).
    ``required``: what is still needed to meet the target (0 when met); for a growth target
    with ``ytd_weight``, the growth needed in the rest of the year.
    ``exceeded``: met and beyond the far end of a range target ("vượt" rather than "đạt").
    ``in_progress``: the actual covers only part of the target's span (a year-to-date figure
    against an annual target, or a growth actual given with ``ytd_weight``).
    ``status``: ``"exceeded"``, ``"met"``, ``"in progress"`` (not settled yet) or ``"not met"``.
    """

    target: Target
    actual: Any
    actual_qualifier: Any
    ratio: Any
    met: Any
    gap: Any
    gap_unit: pint.Unit
    required: Any
    index: pd.Index | None = None
    exceeded: Any = False
    in_progress: Any = False

    @property
    def status(self) -> Any:
        """``"exceeded"``, ``"met"``, ``"in progress"`` or ``"not met"`` (an array for a series)."""
        met, exceeded, progress = (
            np.asarray(x, dtype=bool) for x in (self.met, self.exceeded, self.in_progress)
        )
        out = np.where(
            exceeded, "exceeded", np.where(met, "met", np.where(progress, "in progress", "not met"))
        )
        return str(out) if out.ndim == 0 else out.astype(object)

    def _length(self) -> int:
        if self.index is not None:
            return len(self.index)
        return int(np.size(self.actual))

    def to_frame(self) -> pd.DataFrame:
        """A tidy table, one row per actual."""
        n = self._length()

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
                "exceeded": col(self.exceeded),
                "in_progress": col(self.in_progress),
                "status": col(self.status),
                "gap": col(self.gap),
                "gap_unit": unit_to_str(self.gap_unit),
                "required": col(self.required),
            },
            index=self.index,
        )
        for c in ("met", "exceeded", "in_progress"):
            frame[c] = frame[c].astype(bool)
        for c in ("actual", "ratio", "gap", "required", "target_value"):
            frame[c] = frame[c].astype("float64")
        return frame

    def __str__(self) -> str:
        if self.index is not None or np.ndim(self.actual) > 0:
            return str(self.to_frame())
        status = str(self.status)
        verdict = words("attainment", "vi").get(status, _STATUS_VI[status])
        ratio = f", {format_number(100 * self.ratio, 2)}% mục tiêu" if self.ratio is not None else ""
        return (
            f"{format_number(self.actual)} so với mục tiêu {self.target.label()}: {verdict}{ratio}; "
            f"chênh lệch {format_number(round(self.gap, 6))} {unit_to_str(self.gap_unit)}"
        )

    def _repr_html_(self) -> str:
        return self.to_frame().to_html()


@dataclass(frozen=True, slots=True)
class _Actual:
    """An actual as arrays, with the months each element covers (when known)."""

    values: np.ndarray
    qualifiers: np.ndarray | None
    unit: pint.Unit | None
    index: pd.Index | None
    scalar: bool
    starts: pd.PeriodIndex | None = None  # first month of each element
    ends: pd.PeriodIndex | None = None  # last month of each element
    flow: bool | None = None  # a flow indicator (None: not known)


_SERIES_META = ("unit", "kind", "basis", "indicator", "region", "measure")
_FROM_PANDAS = (
    "pass a number, a list of numbers, or a Series of numbers in the target's unit; for figures with "
    "their own unit use IndicatorSeries.from_pandas(series, unit=, kind=, basis=)"
)


def _float_values(actual: Any) -> np.ndarray:
    try:
        arr = np.asarray(actual, dtype="float64")
    except (TypeError, ValueError):
        raise DataError(
            f"the actual values are not all numbers ({_shown_values(actual)}); {_FROM_PANDAS}"
        ) from None
    if arr.ndim != 1:
        raise DataError(f"the actual values must be one-dimensional, got shape {arr.shape}; {_FROM_PANDAS}")
    return arr


def _shown_values(actual: Any) -> str:
    items = list(actual)[:3]
    return ", ".join(repr(x) for x in items) + (", …" if len(actual) > 3 else "")


def _period_ends(index: pd.PeriodIndex, ytd: bool) -> tuple[pd.PeriodIndex, pd.PeriodIndex]:
    ends = index.asfreq("M", how="E")
    if ytd:
        starts = pd.PeriodIndex([pd.Period(year=int(y), month=1, freq="M") for y in ends.year], freq="M")
    else:
        starts = index.asfreq("M", how="S")
    return starts, ends


def _plain_series(actual: pd.Series) -> _Actual:
    """A plain pandas Series: numbers in the target's unit, periods from its index when it has them."""
    from ktstats.data.typed import as_period_index

    values = _float_values(actual)
    index: pd.Index = actual.index
    if not isinstance(index, pd.PeriodIndex) and (
        isinstance(index, pd.DatetimeIndex) or all(isinstance(x, str) for x in index)
    ):
        try:
            index = as_period_index(index, f"series {actual.name!r}")
        except KtstatsError:
            if isinstance(index, pd.DatetimeIndex):
                raise
    if isinstance(index, pd.PeriodIndex):
        starts, ends = _period_ends(index, ytd=False)
        return _Actual(values, None, None, index, False, starts, ends)
    return _Actual(values, None, None, None if isinstance(index, pd.RangeIndex) else index, False)


def _as_actual(actual: Any) -> _Actual:
    from ktstats.data.dataset import Observation
    from ktstats.data.series import IndicatorSeries

    if isinstance(actual, pd.Series):
        meta = {k: v for k, v in actual.attrs.items() if k in _SERIES_META and v is not None}
        if "unit" in meta and "kind" in meta:  # made by IndicatorSeries.to_pandas: it says what it is
            actual = IndicatorSeries.from_pandas(actual, **meta)
    if isinstance(actual, IndicatorSeries):
        q = actual.provenance["qualifier"].to_numpy(dtype=object) if actual.provenance is not None else None
        starts, ends = _period_ends(actual.index, ytd=actual.basis == "ytd")
        return _Actual(
            np.asarray(actual.values, dtype="float64"),
            q,
            actual.unit,
            actual.index,
            False,
            starts,
            ends,
            actual.kind == "flow",
        )
    if isinstance(actual, Observation):
        return _Actual(
            np.array([actual.value]),
            np.array([actual.qualifier], dtype=object),
            parse_unit(actual.unit),
            None,
            True,
            pd.PeriodIndex([actual.span.start], freq="M"),
            pd.PeriodIndex([actual.span.end], freq="M"),
            by_code()[actual.indicator].kind == "flow" if actual.indicator in by_code() else None,
        )
    if isinstance(actual, Reading):
        return _Actual(
            np.array([actual.value]), np.array([actual.qualifier], dtype=object), actual.unit, None, True
        )
    if isinstance(actual, str):
        return _as_actual(parse_quantity(actual))
    if isinstance(actual, ureg.Quantity):
        return _Actual(
            np.array([float(actual.magnitude)]),
            np.array(["exact"], dtype=object),
            cast("pint.Unit", actual.units),
            None,
            True,
        )
    if isinstance(actual, (int, float, np.integer, np.floating)) and not isinstance(actual, bool):
        return _Actual(np.array([float(actual)]), np.array(["exact"], dtype=object), None, None, True)
    if isinstance(actual, pd.Series):
        return _plain_series(actual)
    if isinstance(actual, (np.ndarray, list, tuple)):
        return _Actual(_float_values(actual), None, None, None, False)
    if isinstance(actual, pd.DataFrame):
        raise DataError(
            "attainment() compares one series with one target, got a DataFrame; pass one column "
            "(df['kon_tum']) or build a Panel with df.kt.panel(unit=, kind=)"
        )
    raise DataError(f"cannot use {actual!r} as an actual value; {_FROM_PANDAS}")


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
    act = _as_actual(actual)
    values, qualifiers, unit, index, scalar = act.values, act.qualifiers, act.unit, act.index, act.scalar
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
    in_progress = _in_progress(act, tgt)
    if ytd_weight is not None and ytd_weight < 1:
        in_progress = np.ones(len(values), dtype=bool)  # a year-to-date growth against the year's
    lowest, highest = _actual_bounds(values, qualifiers)
    met = np.asarray(tgt.met(lowest, highest, tolerance=tolerance), dtype=bool)
    # a part of the span settles the target only when what is still to come cannot undo it
    flow = act.flow
    if flow is None and tgt.indicator is not None:
        flow = by_code()[tgt.indicator].kind == "flow"
    met = np.where(in_progress, met & _settled_once_met(tgt, flow, values, tolerance), met)
    exceeded = met & _beyond_range(tgt, lowest, highest)
    gap = _gap(values, tgt)
    percentish = tgt.unit == ureg.percent and (
        tgt.kind == "growth" or (tgt.relative_to == "" and _is_rate(tgt))
    )
    gap_unit = ureg.percentage_point if percentish else tgt.unit
    ratio: Any = None
    if tgt.kind != "growth" and tgt.value != 0:
        ratio = values / tgt.value
    reference = _nearest_acceptable(tgt)
    if tgt.kind == "growth" and ytd_weight is not None:
        from ktstats.analysis.growth import required_growth

        required: Any = required_growth(tgt.value, values, ytd_weight)
    elif tgt.direction == "lower":
        required = np.maximum(values - reference, 0.0)
    elif tgt.kind == "growth":
        required = None
    else:
        required = np.maximum(reference - values, 0.0)
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
        out(exceeded),
        out(in_progress),
    )


def _nearest_acceptable(tgt: Target) -> float:
    """The end of the target the required amount is measured to (a range's near end)."""
    if tgt.bound != "range":
        return tgt.value
    return tgt.high if tgt.direction == "lower" else tgt.low


def _gap(values: np.ndarray, tgt: Target) -> np.ndarray:
    """actual − target; for a range, the distance to its nearest end (0 within it)."""
    if tgt.bound != "range":
        return values - tgt.value
    return np.where(values > tgt.high, values - tgt.high, np.where(values < tgt.low, values - tgt.low, 0.0))


def _beyond_range(tgt: Target, lowest: np.ndarray, highest: np.ndarray) -> np.ndarray:
    """Whether every value the actual allows lies beyond the far end of a range target ("vượt")."""
    if tgt.bound != "range" or tgt.direction not in ("higher", "lower"):
        return np.zeros(len(lowest), dtype=bool)
    eps = 1e-12 * max(abs(tgt.high), abs(tgt.low), 1.0)
    if tgt.direction == "higher":
        return np.asarray(lowest > tgt.high + eps)
    return np.asarray(highest < tgt.low - eps)


def _in_progress(act: _Actual, tgt: Target) -> np.ndarray:
    """Elements whose period ends before the target's span ends (all ``False`` when either is unknown).
    An element outside the target's span cannot be compared with it (:class:`PeriodError`)."""
    n = len(act.values)
    if tgt.span is None or act.ends is None or act.starts is None:
        return np.zeros(n, dtype=bool)
    span = tgt.span
    ends = np.asarray(act.ends.asi8)
    starts = np.asarray(act.starts.asi8)
    outside = (ends > span.end.ordinal) | (ends < span.start.ordinal) | (starts < span.start.ordinal)
    if outside.any():
        labels: list[Any] = list(act.index[outside][:5]) if act.index is not None else []
        shown_labels = ", ".join(str(x) for x in labels)
        raise PeriodError(
            f"the actual covers {shown_labels or 'periods'} outside the target's {span.label()} ({span}); "
            "select the periods within it (e.g. s.loc[str(year)]), or compare with the target of their own year"
        )
    return np.asarray(ends < span.end.ordinal)


def _settled_once_met(tgt: Target, flow: bool | None, values: np.ndarray, tolerance: float) -> np.ndarray:
    """Whether reaching the target part way through its span settles it: only for an "at least"
    target on a flow whose figures are non-negative (the rest of the span can only add)."""
    unbounded_above = math.isinf(tgt.acceptable(tolerance)[1])
    ok = flow is True and tgt.kind == "level" and tgt.direction == "higher" and unbounded_above
    return np.asarray(values >= 0) & ok


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
    (a year-to-date figure against an annual target is *in progress*, unless a non-negative flow
    has already reached an "at least" target: then it is met).

    ``status`` is ``exceeded`` (beyond the far end of a range target, "vượt"), ``met`` ("đạt"),
    ``not met``, ``in progress`` or ``no comparable actual``; ``gap`` of a range target is the
    distance to its nearest end (0 within the range).
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
            met: Any = bool(att.met)
            if not complete:  # settled early only by a non-negative flow past an "at least" target
                settled = att.met and bool(
                    _settled_once_met(tgt, kind == "flow", np.array([value]), APPROX_TOLERANCE)[0]
                )
                met = True if settled else pd.NA
            status = (
                "exceeded"
                if att.exceeded and met is True
                else "met"
                if met is True
                else ("not met" if complete else "in progress")
            )
            record.update(
                {
                    "actual_period": best.span.label(),
                    "actual": float(att.actual),
                    "actual_qualifier": best.qualifier,
                    "actual_document": best.document,
                    "ratio": math.nan if att.ratio is None else float(att.ratio),
                    "met": met,
                    "gap": float(att.gap),
                    "gap_unit": unit_to_str(att.gap_unit),
                    "required": math.nan if att.required is None else float(att.required),
                    "status": status,
                }
            )
        rows.append(record)
    out = pd.DataFrame(rows)
    if len(out):
        out["met"] = out["met"].astype("boolean")
    return out
