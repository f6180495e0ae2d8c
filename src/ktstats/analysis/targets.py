"""Targets and attainment: what a plan asks for, and whether it is met.

A :class:`Target` is a bound on a value — ``>=`` for "từ … trở lên", ``>`` for
"trên", ``<=``/``<`` for ceilings, ``~`` for "khoảng", ``range`` — with a
kind:

- ``level``: reach a value ("2.100.000 lượt khách", "tỷ lệ … đạt 58,5%");
- ``added``: an increase of a stock, count or rate during the period ("có thêm 05 xã",
  "tăng thêm 1,03%" of a rate = 1,03 points); for a flow indicator an amount added during the
  period is simply the flow's level ("kết nạp thêm 287 đảng viên" in the quarter);
- ``reduction``: a fall during the period ("tỷ lệ hộ nghèo giảm 3%" = 3 percentage points for a rate;
  a relative fall for counts such as crimes);
- ``growth``: a growth rate ("tăng trưởng từ 8,2% trở lên").

:func:`attainment` compares an actual with a target honouring both sides'
qualifiers: a target "trên 6.000" is missed at exactly 6.000, "từ 8,2% trở lên"
is met at 8,2%, an actual "gần 2.500" is below 2.500, and for lower-is-better
indicators the direction flips. A claim is *met* only when every value the
actual's wording allows meets the target.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, cast

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.errors import DataError, KtstatsError, ParseError, PeriodError, UnitError, shown
from ktstats.lang.numbers import Reading, format_number, format_quantity, parse_quantity
from ktstats.lang.periods import Span, parse_span
from ktstats.lang.scan import find_quantity
from ktstats.lang.text import normalize_text
from ktstats.lang.units import apply_factor, conversion_factor, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    import pint

    from ktstats.data.dataset import Observation

__all__ = ["BOUNDS", "Attainment", "Target", "attainment", "parse_target"]

Bound = Literal[">=", ">", "~", "<=", "<", "range"]
TargetKind = Literal["level", "added", "reduction", "growth"]
BOUNDS: Final = (">=", ">", "~", "<=", "<", "range")
TARGET_KINDS: Final = ("level", "added", "reduction", "growth")
#: relative tolerance of a "khoảng" (about) target
APPROX_TOLERANCE: Final = 0.01

_QUALIFIER_BOUND = {"at_least": ">=", "over": ">", "at_most": "<=", "under": "<", "range": "range"}


def _direction(better: str, kind: str) -> str:
    """Which way is better for the number the target constrains."""
    if kind == "reduction":
        return "lower" if better == "higher" else "higher"
    return better


@dataclass(frozen=True, slots=True)
class Target:
    """A target: a bound on a value, with its kind, unit and direction.

    ``value`` is the bound (the midpoint for ranges); for ``reduction`` targets
    it is the size of the fall (3 for "giảm 3%").
    """

    text: str
    bound: Bound
    value: float
    unit: pint.Unit
    kind: TargetKind = "level"
    better: str = "higher"
    low: float = math.nan
    high: float = math.nan
    indicator: str | None = None
    span: Span | None = None
    relative_to: str = ""
    qualifier: str = "exact"

    def __post_init__(self) -> None:
        if self.bound not in BOUNDS:
            raise ParseError(f"{shown(self.text)}: unknown bound {self.bound!r}; expected one of {BOUNDS}")
        if self.kind not in TARGET_KINDS:
            raise ParseError(
                f"{shown(self.text)}: unknown target kind {self.kind!r}; expected one of {TARGET_KINDS}"
            )
        if self.better not in ("higher", "lower", "neutral"):
            raise ParseError(
                f"{shown(self.text)}: 'better' must be higher, lower or neutral, not {self.better!r}"
            )
        if not math.isfinite(self.value):
            raise ParseError(f"{shown(self.text)}: target value {self.value!r} is not a finite number")
        if math.isnan(self.low):
            object.__setattr__(self, "low", self.value)
        if math.isnan(self.high):
            object.__setattr__(self, "high", self.value)

    @property
    def direction(self) -> str:
        """'higher' or 'lower' (or 'neutral'): which way the constrained number should go."""
        return _direction(self.better, self.kind)

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The bound as a pint Quantity."""
        return ureg.Quantity(self.value, self.unit)

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The target written out, e.g. 'từ 8,2% trở lên'."""
        body = format_quantity(
            self.low if self.bound == "range" else self.value,
            self.unit,
            self.qualifier,
            high=self.high,
            lang=lang,
        )
        if lang == "vi":
            prefix = {"added": "thêm ", "reduction": "giảm ", "growth": "tăng trưởng ", "level": ""}[
                self.kind
            ]
            suffix = {"plan": " kế hoạch", "congress_target": " chỉ tiêu Đại hội"}.get(self.relative_to, "")
        else:
            prefix = {"added": "add ", "reduction": "cut by ", "growth": "growth ", "level": ""}[self.kind]
            suffix = {"plan": " of the plan", "congress_target": " of the congress target"}.get(
                self.relative_to, ""
            )
        return prefix + body + suffix

    @classmethod
    def from_observation(cls, obs: Observation) -> Target:
        """The target stated by a dataset row (measure ``target`` or ``plan``)."""
        ind = by_code()[obs.indicator]
        unit = parse_unit(obs.unit)
        value = obs.value
        kind: TargetKind = "growth" if ind.kind == "growth" else "level"
        if obs.form == "difference":
            kind = "added" if value >= 0 else "reduction"
            value = abs(value)
        elif obs.form == "change":
            kind = "growth" if value >= 0 else "reduction"
            value = abs(value)
        better = ind.better
        direction = _direction(better, kind)
        bound = _bound_for(obs.qualifier, direction)
        return cls(
            obs.quote,
            bound,
            value,
            unit,
            kind,
            better,
            low=obs.low if obs.low is not None else math.nan,
            high=obs.high if obs.high is not None else math.nan,
            indicator=obs.indicator,
            span=obs.span,
            relative_to=obs.relative_to,
            qualifier=obs.qualifier,
        )


def _bound_for(qualifier: str, direction: str) -> Bound:
    if qualifier in _QUALIFIER_BOUND:
        return _QUALIFIER_BOUND[qualifier]  # type: ignore[return-value]
    if qualifier == "exact":
        return ">=" if direction == "higher" else "<=" if direction == "lower" else "~"
    return "~"  # approx, nearly


# --- parsing ----------------------------------------------------------------

_ADDED_RE = re.compile(r"(?<![^\W\d_])(?:tăng thêm|có thêm|thêm)(?![^\W\d_])")
_REDUCTION_RE = re.compile(r"(?<![^\W\d_])giảm(?![^\W\d_])")
_GROWTH_RE = re.compile(r"tăng trưởng|tốc độ tăng|(?<![^\W\d_])tăng(?![^\W\d_])")
_RATE_RE = re.compile(r"(?<![^\W\d_])tỷ lệ(?![^\W\d_])")
_PLAN_RE = re.compile(r"%\s*(?:so với\s+)?(?:kế hoạch|dự toán)")
_SPAN_RES = [
    re.compile(r"đầu năm [0-9]{4}"),  # "early in the year": no exact span
    re.compile(r"[0-9]{1,2} tháng cuối năm(?: [0-9]{4})?"),
    re.compile(r"quý [ivx0-9]+(?:/[0-9]{4})?"),
    re.compile(r"cả năm(?: [0-9]{4})?"),
    re.compile(r"cuối năm [0-9]{4}"),
    re.compile(r"năm [0-9]{4}"),
]
# period phrases whose numbers are not the target value
_PERIOD_NUMBERS = re.compile(
    r"(?:năm|quý\s+[ivx0-9]+\s*/|tháng\s+[0-9]{1,2}\s*/)\s*[0-9]{4}"
    r"|[0-9]{4}\s*[-–]\s*[0-9]{4}"
    r"|(?<![0-9.,])[0-9]{1,2}\s+tháng(?:\s+(?:cuối|đầu))?(?:\s+năm)?"
    r"|(?:quý|tháng)\s+[ivx0-9]+(?![0-9])"
)
_PCT_POPULATION = re.compile(r"(?<![0-9.,])([0-9][0-9.,]*+\s*+%)\s+[^0-9%]+?(?=\s+trở (?:lên|xuống)\b|$)")


def _find_span(low: str, year: int | None) -> Span | None:
    for pattern in _SPAN_RES:
        m = pattern.search(low)
        if m is None:
            continue
        phrase = m.group(0)
        if phrase.startswith("đầu năm"):
            return None
        try:
            if phrase.startswith("cuối năm"):
                return Span.month(int(phrase[-4:]), 12)
            return parse_span(phrase, year=year)
        except KtstatsError:
            return None
    return None


def parse_target(text: str, year: int | None = None, *, indicator: str | None = None) -> Target:
    """Read a target phrase from a plan or resolution.

    Parameters
    ----------
    text:
        The target as written: "từ 8,2% trở lên", "trên 6.000 tỷ đồng", "có thêm 05 xã",
        "tỷ lệ hộ nghèo giảm 3%", "cả năm từ 4.500 tỷ đồng trở lên", "đạt 100% kế hoạch".
    year:
        The year for period phrases without one ("3 tháng cuối năm").
    indicator:
        The indicator code; its catalog entry gives the direction (``better``)
        and whether the target is on a rate (changes then are percentage points).

    Examples
    --------
    >>> t = parse_target("cả năm từ 8,2% trở lên", year=2024, indicator="grdp_growth")
    >>> t.bound, t.value, t.kind, t.span
    ('>=', 8.2, 'growth', Span('2024-01', '2024-12'))
    >>> t = parse_target("Tỷ lệ hộ nghèo đến cuối năm 2024 giảm 3%")
    >>> t.kind, t.value, str(t.unit), t.better
    ('reduction', 3.0, 'percentage_point', 'lower')
    >>> parse_target("trên 6.000 tỷ đồng").bound
    '>'
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a target phrase, got {type(text).__name__} {text!r}")
    norm = " ".join(normalize_text(text).split())
    low = norm.casefold()
    ind = None
    if indicator is not None:
        from ktstats.catalog.indicators import indicator as lookup

        ind = lookup(indicator)
    masked = _PERIOD_NUMBERS.sub(lambda m: " " * len(m.group(0)), low)
    try:
        reading, start, _ = find_quantity(masked)
    except ParseError as exc:
        raise ParseError(
            f"no target value found in {shown(norm)}"
            if "no target value" in str(exc)
            else str(exc).replace(shown(masked.strip()), shown(norm)),
            text=norm,
            position=exc.position,
        ) from None
    before = low[:start]
    is_rate = (ind is not None and ind.kind == "rate") or (ind is None and bool(_RATE_RE.search(before)))
    kind: TargetKind = "level"
    if _ADDED_RE.search(before):
        kind = "added"
    elif _REDUCTION_RE.search(before):
        kind = "reduction"
    elif (ind is not None and ind.kind == "growth") or (
        _GROWTH_RE.search(before) and reading.unit == ureg.percent and not is_rate
    ):
        kind = "growth"
    if kind == "added" and ind is not None and ind.kind == "flow":
        kind = "level"  # an amount added during the period is the flow's own level ("kết nạp thêm 287")
    better = ind.better if ind is not None else ("lower" if kind == "reduction" else "higher")
    unit = reading.unit
    if kind in ("added", "reduction") and is_rate and unit == ureg.percent:
        unit = ureg.percentage_point  # a rate that rises or falls "3%" moves 3 points
    relative_to = "plan" if _PLAN_RE.search(low, start) else ""
    direction = _direction(better, kind)
    bound = _bound_for(reading.qualifier, direction)
    return Target(
        norm,
        bound,
        reading.value,
        unit,
        kind,
        better,
        low=reading.low,
        high=reading.high,
        indicator=indicator,
        span=_find_span(low, year),
        relative_to=relative_to,
        qualifier=reading.qualifier,
    )


# --- attainment ---------------------------------------------------------------

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


def _met(lowest: np.ndarray, highest: np.ndarray, target: Target, tolerance: float) -> np.ndarray:
    t, b, d = target.value, target.bound, target.direction
    if b == ">=":
        return lowest >= t
    if b == ">":
        return lowest > t
    if b == "<=":
        return highest <= t
    if b == "<":
        return highest < t
    if b == "range":
        # a range target of a higher-is-better indicator is met from its low end ("vượt chỉ tiêu"
        # above the range is exceeding it); lower-is-better up to its high end; neutral within it
        if d == "higher":
            return lowest >= target.low
        if d == "lower":
            return highest <= target.high
        return (lowest >= target.low) & (highest <= target.high)
    slack = tolerance * max(abs(t), 1e-12)
    if d == "higher":
        return lowest >= t - slack
    if d == "lower":
        return highest <= t + slack
    return (lowest >= t - slack) & (highest <= t + slack)


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


def _as_target(target: Any, unit_hint: pint.Unit | None) -> Target:
    from ktstats.data.dataset import Observation

    if isinstance(target, Target):
        return target
    if isinstance(target, Observation):
        return Target.from_observation(target)
    if isinstance(target, str):
        return parse_target(target)
    if isinstance(target, Reading):
        return Target(
            target.text,
            _bound_for(target.qualifier, "higher"),
            target.value,
            target.unit,
            low=target.low,
            high=target.high,
            qualifier=target.qualifier,
        )
    if isinstance(target, ureg.Quantity):
        return Target(str(target), ">=", float(target.magnitude), cast("pint.Unit", target.units))
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        return Target(
            str(target), ">=", float(target), unit_hint if unit_hint is not None else ureg.dimensionless
        )
    raise DataError(f"cannot use {target!r} as a target; give a Target, a phrase, a Reading or a Quantity")


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
    values, qualifiers, unit, index, scalar = _as_actual(actual)
    tgt = _as_target(target, unit)
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
    met = _met(lowest, highest, tgt, tolerance)
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
