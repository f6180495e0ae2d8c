"""The result of a projection: :class:`Projection`, its status, and how results are built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import pandas as pd

from ktstats.analysis.targets import Target, probability_between
from ktstats.lang.numbers import format_number, format_quantity
from ktstats.lang.units import unit_to_str

if TYPE_CHECKING:
    import pint


METHODS: Final = ("run_rate", "seasonal_share", "same_period_pace", "ets")
STATUSES: Final = ("achieved", "on_track", "at_risk", "off_track", "insufficient_data")
ON_TRACK: Final = 0.75
AT_RISK: Final = 0.40
GROWTH_METHODS: Final = ("run_rate", "ets")
MIN_ERRORS: Final = 3
PER_YEAR: Final = {"M": 12, "Q": 4}
#: The prior behind every interval (docs/projections.md, "Honest uncertainty"): how far the rest of
#: the year may lie from a method's projection, counted as PRIOR_PSEUDO_YEARS years of evidence beside
#: the method's own past errors, with Student-t quantiles (degrees of freedom = errors + pseudo-years).
#: Flows: a relative spread of the rest of the year of sqrt(SEASONAL² + MONTH_CV² / months known) —
#: a 20 % seasonal effect and months that vary by 50 % around their mean (0,54 after one month, 0,26
#: after nine). Growth rates: ±2 points of rest-of-year growth.
PRIOR_SEASONAL_REL: Final = 0.20
PRIOR_MONTH_CV: Final = 0.50
PRIOR_REST_SD: Final = 2.0
PRIOR_PSEUDO_YEARS: Final = 2
#: a probability stays within [P_FLOOR, 1 − P_FLOOR] unless the outcome is settled
P_FLOOR: Final = 0.001


def stated_decimals(*values: float | None) -> int:
    """The most decimals any of ``values`` is written with (6,5 → 1; 4.500 → 0), at most 4."""
    out = 0
    for v in values:
        if v is None or not np.isfinite(v):
            continue
        for d in range(5):
            if abs(round(v, d) - v) < 1e-9:
                out = max(out, d)
                break
        else:
            out = 4
    return out


class NotApplicable(Exception):
    """A method cannot run on the data given (the reason is the message)."""


def z_score(level: float) -> float:
    from scipy.special import ndtri

    return float(ndtri(0.5 + level / 2))


@dataclass(frozen=True, slots=True)
class Projection:
    """Where the year is heading.

    ``point``, ``low``, ``high``: the projected annual value (target's unit) and
    its interval at ``level`` (``None`` when no honest interval exists).
    ``probability``: chance of meeting the target (``None`` without an interval).
    ``required``: what the rest of the year needs — per period for flows, as
    growth (percent) for growth targets; ``required_growth``: for flows, the
    growth on the same months of last year that this means (when known).
    """

    target: Target
    year: int
    method: str
    point: float | None
    low: float | None
    high: float | None
    level: float
    probability: float | None
    required: float | None
    required_growth: float | None
    status: str
    reason: str
    ytd: float | None
    periods_done: int
    periods_in_year: int
    freq: str
    unit: pint.Unit
    indicator: str | None = None
    region: str | None = None

    def to_frame(self) -> pd.DataFrame:
        """One tidy row."""
        return pd.DataFrame(
            [
                {
                    "indicator": self.indicator,
                    "region": self.region,
                    "year": self.year,
                    "target": self.target.label(),
                    "bound": self.target.bound,
                    "target_value": self.target.value,
                    "unit": unit_to_str(self.unit),
                    "method": self.method,
                    "periods_done": self.periods_done,
                    "periods_in_year": self.periods_in_year,
                    "ytd": self.ytd,
                    "point": self.point,
                    "low": self.low,
                    "high": self.high,
                    "level": self.level,
                    "probability": self.probability,
                    "required": self.required,
                    "required_growth": self.required_growth,
                    "status": self.status,
                    "reason": self.reason,
                }
            ]
        )

    def __str__(self) -> str:
        return self._describe("vi")

    def _describe(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The projection as one paragraph in ``lang``: every figure rounded to one decimal more than
        the target states and written with its unit, the status in words; the reason (built in English
        by the methods) is labelled as such in Vietnamese text."""
        from ktstats.lang.labels import word

        def w(key: str) -> str:
            return word("text", key, lang)

        unit = unit_to_str(self.unit)
        stated = (self.target.low, self.target.high) if self.target.bound == "range" else (self.target.value,)
        digits = stated_decimals(*stated) + 1

        def q(x: float) -> str:
            return format_quantity(round(x, digits), unit, lang=lang)

        name = self.indicator or "series"
        head = f"{name} {self.year}: {w('target')} {self.target.label(lang)}"
        finished = (
            self.point is not None
            and self.low == self.point == self.high
            and self.probability in (0.0, 1.0)
            and self.status in ("achieved", "off_track")
        )
        if finished:  # the year's figure is known: met or not, no probability
            assert self.point is not None
            parts = [f"{head} — {word('final', self.status, lang)}", f"{w('outcome')} {q(self.point)}"]
            return "; ".join(parts) + f". {self._reason(lang)}"
        parts = [f"{head} — {word('projection', self.status, lang)}"]
        if self.point is not None:
            point = q(self.point)
            if self.low is not None and self.high is not None:
                low = format_number(round(self.low, digits), lang=lang)
                point += f" ({int(self.level * 100)}%: {low}–{q(self.high)})"
            parts.append(f"{w('forecast')} {point} [{self.method}]")
        if self.probability is not None:
            parts.append(
                f"{w('probability_met')} {format_number(round(100 * self.probability, 1), lang=lang)}%"
            )
        if self.required is not None:
            left = self.periods_in_year - self.periods_done
            freq = "Q" if self.freq.startswith("Q") else "M"
            if left == 1:  # the last period, by name
                last = (
                    ("quý IV" if lang == "vi" else "Q4")
                    if freq == "Q"
                    else ("tháng 12" if lang == "vi" else "December")
                )
                rest, per = last, ("trong " if lang == "vi" else "in ") + last
            else:
                rest, per = w(f"rest_{freq}"), w(f"per_rest_{freq}")
            if self.target.kind != "growth":
                parts.append(f"{w('needs')} {q(self.required)} {per}")
            else:
                growth = format_quantity(round(self.required, digits), "percent", lang=lang)
                parts.append(
                    f"{rest} cần tăng {growth}" if lang == "vi" else f"{rest} need growth of {growth}"
                )
        return "; ".join(parts) + f". {self._reason(lang)}"

    def _reason(self, lang: Literal["vi", "en"]) -> str:
        if not self.reason or lang == "en":
            return self.reason
        from ktstats.lang.labels import word

        return f"{word('text', 'reason_en', lang)}: {self.reason}"

    def _repr_html_(self) -> str:
        return self.to_frame().T.to_html(header=False)


# --- uncertainty and probability ------------------------------------------------------


def status_of(p: float | None) -> str:
    if p is None:
        return "insufficient_data"
    return "on_track" if p >= ON_TRACK else "at_risk" if p >= AT_RISK else "off_track"


def build(
    common: dict[str, Any],
    *,
    method: str,
    point: float | None = None,
    low: float | None = None,
    high: float | None = None,
    probability: float | None = None,
    required: float | None = None,
    required_growth: float | None = None,
    ytd: float | None = None,
    reason: str = "",
    status: str | None = None,
) -> Projection:
    """Every :class:`Projection` is made here; the status follows from the probability unless given."""
    return Projection(
        method=method,
        point=point,
        low=low,
        high=high,
        probability=probability,
        required=required,
        required_growth=required_growth,
        status=status_of(probability) if status is None else status,
        ytd=ytd,
        reason=reason,
        **common,
    )


def flow_prior(months_known: float) -> float:
    """The prior relative spread of the rest of a flow's year after ``months_known`` months."""
    return float(np.sqrt(PRIOR_SEASONAL_REL**2 + PRIOR_MONTH_CV**2 / max(months_known, 1.0)))


def pooled_sd(errors: np.ndarray, prior: float) -> tuple[float, int]:
    """(sd, degrees of freedom): past errors pooled with the prior counted as PRIOR_PSEUDO_YEARS years."""
    n = int(errors.size)
    sd = float(np.sqrt((float(np.sum(errors**2)) + PRIOR_PSEUDO_YEARS * prior**2) / (n + PRIOR_PSEUDO_YEARS)))
    return sd, n + PRIOR_PSEUDO_YEARS


def clipped(p: float) -> float:
    """A probability for an outcome that is not settled: never exactly 0 or 1."""
    return min(max(float(p), P_FLOOR), 1 - P_FLOOR)


def with_interval(
    common: dict[str, Any],
    target: Target,
    *,
    method: str,
    point: float,
    sd: float,
    reason: str,
    ytd: float,
    required: float | None,
    required_growth: float | None = None,
    df: float | None = None,
) -> Projection:
    """A projection whose outcome is ``point + sd · ε`` (ε normal, or Student-t with ``df`` degrees of
    freedom): the interval at ``common['level']`` and the probability of meeting ``target``."""
    from scipy.special import stdtrit

    level = common["level"]
    half = (z_score(level) if df is None else float(stdtrit(df, 0.5 + level / 2))) * sd
    lo, hi, _, _ = target.acceptable()
    return build(
        common,
        method=method,
        point=point,
        low=point - half,
        high=point + half,
        probability=clipped(probability_between(point, sd, lo, hi, df=df)),
        reason=reason,
        ytd=ytd,
        required=required,
        required_growth=required_growth,
    )


def from_paths(
    common: dict[str, Any],
    target: Target,
    paths: np.ndarray,
    *,
    method: str,
    reason: str,
    ytd: float,
    required: float | None,
    required_growth: float | None = None,
) -> Projection:
    """A projection from simulated outcomes: the median, the central interval at ``common['level']``
    and the share of paths that meet ``target``."""
    tail = (1 - common["level"]) / 2
    low, high = (float(x) for x in np.quantile(paths, [tail, 1 - tail]))
    return build(
        common,
        method=method,
        point=float(np.median(paths)),
        low=low,
        high=high,
        probability=clipped(float(np.mean(target.met(paths)))),
        reason=reason,
        ytd=ytd,
        required=required,
        required_growth=required_growth,
    )


def common_fields(
    tgt: Target,
    year: int,
    level: float,
    indicator: str | None,
    region: str | None,
    *,
    done: int,
    per_year: int,
    freq: str,
) -> dict[str, Any]:
    """What every projection of one target states beside its figures (``build``'s and ``settled``'s ``common``)."""
    return dict(
        target=tgt,
        year=year,
        level=level,
        periods_done=done,
        periods_in_year=per_year,
        freq=freq,
        unit=tgt.unit,
        indicator=indicator,
        region=region,
    )


def settled(value: float, ok: bool, method: str, reason: str, common: dict[str, Any]) -> Projection:
    """The outcome is known (the year is complete, or its figure published): no interval, no pace left."""
    status = "achieved" if ok else "off_track"
    return build(
        common,
        method=method,
        point=value,
        low=value,
        high=value,
        probability=float(ok),
        ytd=value,
        reason=reason,
        status=status,
    )
