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

from ktstats.catalog.indicators import by_code
from ktstats.errors import DataError, KtstatsError, ParseError, PeriodError, shown
from ktstats.lang.numbers import APPROX_TOLERANCE, Reading, format_quantity
from ktstats.lang.periods import Span, parse_span
from ktstats.lang.scan import find_quantity
from ktstats.lang.text import normalize_text
from ktstats.lang.units import parse_unit, ureg

if TYPE_CHECKING:
    import pint

    from ktstats.data.dataset import Observation

__all__ = [
    "APPROX_TOLERANCE",
    "BOUNDS",
    "Target",
    "as_target",
    "bound_interval",
    "parse_target",
    "probability_between",
    "within",
]

Bound = Literal[">=", ">", "~", "<=", "<", "range"]
TargetKind = Literal["level", "added", "reduction", "growth"]
BOUNDS: Final = (">=", ">", "~", "<=", "<", "range")
TARGET_KINDS: Final = ("level", "added", "reduction", "growth")

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
        if self.low > self.high:
            raise ParseError(
                f"{shown(self.text)}: the range is reversed (low {self.low!r} > high {self.high!r})"
            )

    @property
    def direction(self) -> str:
        """'higher' or 'lower' (or 'neutral'): which way the constrained number should go."""
        return _direction(self.better, self.kind)

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The bound as a pint Quantity."""
        return ureg.Quantity(self.value, self.unit)

    # --- the bound rules: one implementation, used by attainment, audit and projections -------
    def acceptable(self, tolerance: float = APPROX_TOLERANCE) -> tuple[float, float, bool, bool]:
        """The values that meet the target, as ``(low, high, low_open, high_open)`` (see :func:`bound_interval`).

        >>> parse_target("trên 6.000 tỷ đồng").acceptable()
        (6000.0, inf, True, False)
        >>> parse_target("6,6–6,8%", indicator="grdp_growth").acceptable()
        (6.6, inf, False, False)
        """
        lo, hi, lo_open, hi_open = bound_interval(
            self.bound,
            self.value,
            low=self.low,
            high=self.high,
            direction=self.direction,
            tolerance=tolerance,
        )
        return float(lo), float(hi), lo_open, hi_open

    def met(self, lowest: Any, highest: Any = None, *, tolerance: float = APPROX_TOLERANCE) -> Any:
        """Whether *every* value in [lowest, highest] meets the target (element-wise).

        An actual "gần 2.500" allows values just below 2.500, so it is passed as that
        interval; an exact actual is ``met(value)``.

        >>> t = parse_target("từ 8,2% trở lên", indicator="grdp_growth")
        >>> bool(t.met(8.2)), bool(t.met(8.19))
        (True, False)
        """
        lo_v = np.asarray(lowest, dtype="float64")
        hi_v = lo_v if highest is None else np.asarray(highest, dtype="float64")
        return within(lo_v, hi_v, self.acceptable(tolerance))

    def could_meet(self, lowest: float, highest: float, *, tolerance: float = APPROX_TOLERANCE) -> bool:
        """Whether *some* value in [lowest, highest] meets the target (a figure known only to a
        rounding interval is consistent with the target)."""
        return bool(within(highest, lowest, self.acceptable(tolerance)))  # the interval overlaps

    def probability(self, point: Any, sd: Any, *, tolerance: float = APPROX_TOLERANCE) -> Any:
        """P(target met) for an outcome ~ Normal(point, sd) (element-wise); ``sd == 0`` gives 0 or 1.

        >>> t = parse_target("từ 6,5% trở lên", indicator="gdp_growth")
        >>> t.probability(6.5, 1.0), t.probability(8.0, 0.0)
        (0.5, 1.0)
        """
        lo, hi, _, _ = self.acceptable(tolerance)
        return probability_between(point, sd, lo, hi, exact=self.met(point, tolerance=tolerance))

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
            suffix = {
                "plan": " kế hoạch",
                "plan_central": " kế hoạch Trung ương giao",
                "plan_local": " kế hoạch địa phương giao",
                "budget_estimate": " dự toán",
                "budget_estimate_local": " dự toán địa phương giao",
                "budget_estimate_central": " dự toán Trung ương giao",
                "spending_task": " nhiệm vụ chi",
                "congress_target": " chỉ tiêu Đại hội",
                "resolution_target": " chỉ tiêu Nghị quyết",
            }.get(self.relative_to, "")
        else:
            prefix = {"added": "add ", "reduction": "cut by ", "growth": "growth ", "level": ""}[self.kind]
            suffix = {
                "plan": " of the plan",
                "plan_central": " of the central plan",
                "plan_local": " of the local plan",
                "budget_estimate": " of the budget estimate",
                "budget_estimate_local": " of the local budget estimate",
                "budget_estimate_central": " of the central budget estimate",
                "spending_task": " of the spending task",
                "congress_target": " of the congress target",
                "resolution_target": " of the resolution target",
            }.get(self.relative_to, "")
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
# Period phrases of a target. A year is any run of four or more digits: a typo ("năm 20245") is
# read whole and refused, never taken for the year it starts with nor for the target value. Every
# match is blanked before the value is looked for, so no number of a period is ever the value.
_Y = r"[0-9]{4,}"
_PERIODS = re.compile(
    rf"(?P<last>(?<![0-9.,])[0-9]{{1,2}} tháng cuối năm(?: {_Y})?)"
    rf"|(?P<ytd>(?<![0-9.,])[0-9]{{1,2}} tháng(?: đầu)?(?: (?:của )?năm)?(?: {_Y})?)"
    rf"|(?P<early>đầu năm {_Y})"  # "early in the year": no exact span
    rf"|(?P<quarter>quý (?:[ivx]+|[0-9]+)(?![^\W\d_])(?: ?/ ?{_Y})?)"
    rf"|(?P<month>tháng [0-9]+(?: ?/ ?| năm ){_Y})"
    rf"|(?P<month_only>tháng [0-9]+(?![0-9]))"
    rf"|(?P<whole>cả năm(?: {_Y})?)"
    rf"|(?P<end>(?:đến )?cuối năm {_Y})"
    rf"|(?P<year>năm {_Y}(?: ?[-–] ?{_Y})?)"
    rf"|(?P<years>(?<![0-9.,]){_Y} ?[-–] ?{_Y})"
)
# which phrase gives the span when several are named
_SPAN_PRIORITY: Final = ("early", "last", "ytd", "quarter", "month", "whole", "end", "year", "month_only")
_ANY_YEAR: Final = 2000  # checks a phrase that names no year when none is given
_YEAR_VALUE = re.compile(r"(?<![0-9.,])(?:19[0-9]{2}|2[01][0-9]{2}|2200)(?![0-9.,])")
_PCT_POPULATION = re.compile(r"(?<![0-9.,])([0-9][0-9.,]*+\s*+%)\s+[^0-9%]+?(?=\s+trở (?:lên|xuống)\b|$)")


def _period_of(kind: str, phrase: str, year: int | None) -> Span | None:
    """The span a target's period phrase names, ``None`` when it names none exactly ("đầu năm
    2025", "9 tháng" as a duration, a phrase without a year and no ``year``); an impossible period
    ("quý V/2024", "tháng 13/2024", "năm 20245") raises :class:`PeriodError`."""
    low = phrase.casefold()
    years = re.findall(r"[0-9]{4,}", low)
    for token in years:
        if len(token) != 4:
            raise PeriodError(f"{token} is not a year")
    if kind == "years" or len(years) == 2:
        parse_span(low.removeprefix("năm "))  # it must exist; a target over years has no one span
        return None
    if kind == "ytd" and " đầu" not in low and "năm" not in low:
        return None  # "9 tháng": a duration, not a period of the year
    y = int(years[0]) if years else year
    if kind == "early":
        Span.whole_year(int(years[0]))  # the year must exist, though no exact span is named
        return None
    if kind == "end":
        return Span.month(int(years[0]), 12)
    if y is None:
        parse_span(phrase, year=_ANY_YEAR)  # no year to place it in, but it must be a period
        return None
    return parse_span(phrase, year=y)


def _find_span(low: str, year: int | None, masked: list[str], norm: str) -> Span | None:
    """The span the target names (see :data:`_SPAN_PRIORITY`); blanks every period phrase in
    ``masked`` (the text as a list of characters) so that its numbers are not the value."""
    found: dict[str, Span | None] = {}
    for m in _PERIODS.finditer(low):
        kind = m.lastgroup or ""
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
        phrase = norm[m.start() : m.end()] if len(norm) == len(low) else m.group(0)
        try:
            span = _period_of(kind, phrase, year)
        except KtstatsError as exc:
            raise PeriodError(f"impossible period {shown(phrase)} in {shown(norm)}: {exc}") from None
        found.setdefault(kind, span)
    return next((found[k] for k in _SPAN_PRIORITY if k in found), None)


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

    The numbers of period phrases ("9 tháng đầu năm 2024", "quý II/2024") are never the value,
    nor is a bare year ("đến 2025": :class:`ParseError`). A period that cannot exist ("quý V/2024",
    "tháng 13/2024", "năm 20245") raises :class:`PeriodError` naming it; a number that cannot be
    read whole ("1 326", "1,326.4") raises :class:`ParseError`, never read in part.

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
    chars = list(low)
    span = _find_span(low, year, chars, norm)  # blanks the periods: a year is never the value
    masked = "".join(chars)
    try:
        reading, start, end = find_quantity(masked)
    except ParseError as exc:
        message = str(exc)
        nothing = f"no target value found in {shown(masked)}"
        if message.startswith(nothing):
            message = f"no target value found in {shown(norm)}{message[len(nothing) :]}"
        elif shown(norm) not in message:
            message = f"{shown(norm)}: {message}"
        raise ParseError(message, text=norm, position=exc.position) from None
    if reading.unit == ureg.dimensionless and _YEAR_VALUE.search(masked, start, end):
        # "đến 2025 đạt 5%": a bare 4-digit number of a year's size with no unit is a year
        raise ParseError(
            f"{shown(masked[start:end].strip())} in {shown(norm)} reads as a year, not a target value "
            "(write the year as 'năm …', or the value with its unit)",
            text=norm,
            position=start,
        )
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
        span=span,
        relative_to=relative_to,
        qualifier=reading.qualifier,
    )


def as_target(target: Any, unit_hint: pint.Unit | None = None) -> Target:
    """A :class:`Target` from a Target, a phrase, an Observation, a Reading, a Quantity or a number (≥)."""
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


def bound_interval(
    bound: str,
    value: Any,
    *,
    low: Any = None,
    high: Any = None,
    direction: str = "higher",
    tolerance: float = APPROX_TOLERANCE,
) -> tuple[Any, Any, bool, bool]:
    """The set of values meeting a bound, as ``(low, high, low_open, high_open)``; ``value`` may be
    an array (one target per series, as in :func:`~ktstats.analysis.projection.project_many`).

    This is the one place where the bound rules live. ``>=`` is [t, ∞), ``>`` is (t, ∞), ``<=``
    is (−∞, t], ``<`` is (−∞, t). A range of a higher-is-better indicator is met from its low end
    ("vượt chỉ tiêu" above the range is exceeding it), of a lower-is-better one up to its high
    end, of a neutral one within it. ``~`` ("khoảng") is the same with ±``tolerance`` (relative)
    around the value.

    >>> bound_interval("~", 100.0)
    (99.0, inf, False, False)
    """
    inf = np.inf
    t = np.asarray(value, dtype="float64")
    if bound in (">=", ">"):
        return _out(t), inf, bound == ">", False
    if bound in ("<=", "<"):
        return -inf, _out(t), False, bound == "<"
    if bound == "range":
        lo = np.asarray(t if low is None else low, dtype="float64")
        hi = np.asarray(t if high is None else high, dtype="float64")
    elif bound == "~":
        slack = tolerance * np.maximum(np.abs(t), 1e-12)
        lo, hi = t - slack, t + slack
    else:
        raise ParseError(f"unknown bound {bound!r}; expected one of {BOUNDS}")
    if direction == "higher":
        return _out(lo), inf, False, False
    if direction == "lower":
        return -inf, _out(hi), False, False
    return _out(lo), _out(hi), False, False


def _out(x: np.ndarray) -> Any:
    return float(x) if x.ndim == 0 else x


def within(lowest: Any, highest: Any, interval: tuple[Any, Any, bool, bool]) -> Any:
    """Whether every value in [lowest, highest] lies in ``interval`` (from :func:`bound_interval`)."""
    lo, hi, lo_open, hi_open = interval
    # One comparison in one unit with a tolerance of float noise (10⁻¹² of the bound): 12 × 0,3 nghìn tỷ
    # is 3,5999999999999996 in binary and must meet "từ 3,6 nghìn tỷ" as 3.600 tỷ meets "từ 3.600 tỷ".
    # A closed end is widened by it, an open end ("trên 6.000") narrowed, so equality stays "not above".
    lo_eps = _EPS * np.where(np.isfinite(lo), np.maximum(np.abs(lo), 1.0), 0.0)
    hi_eps = _EPS * np.where(np.isfinite(hi), np.maximum(np.abs(hi), 1.0), 0.0)
    above = np.greater(lowest, lo + lo_eps) if lo_open else np.greater_equal(lowest, lo - lo_eps)
    below = np.less(highest, hi - hi_eps) if hi_open else np.less_equal(highest, hi + hi_eps)
    return above & below


#: relative float noise tolerated when a value is compared with a bound
_EPS: Final = 1e-12  # well below the 1e-9 step that marks "gần"/"trên" actuals (attainment)


def probability_between(
    point: Any, sd: Any, low: Any, high: Any, *, exact: Any = None, df: float | None = None
) -> Any:
    """P(low ≤ X ≤ high) for X = point + sd · ε, ε standard normal (or Student-t with ``df`` degrees
    of freedom), element-wise; where ``sd == 0`` the answer is ``exact`` (whether the point itself
    meets the target: 1 or 0)."""
    from scipy.special import ndtr, stdtr  # the normal and Student-t CDFs, vectorised

    point, sd = np.asarray(point, dtype="float64"), np.asarray(sd, dtype="float64")
    cdf = ndtr if df is None else (lambda x: stdtr(df, x))
    with np.errstate(divide="ignore", invalid="ignore"):
        p = cdf((high - point) / sd) - cdf((low - point) / sd)
    if exact is not None:
        p = np.where(sd > 0, p, np.asarray(exact, dtype="float64"))
    p = np.clip(p, 0.0, 1.0)
    return float(p) if p.ndim == 0 else p
