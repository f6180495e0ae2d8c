"""Consistency of stated figures.

Reports state the same thing several ways: a value and its share of the plan,
a value and its growth on last year, a fraction and its percentage, a target
for the year and one for the last quarter. :func:`audit` derives what each
pair implies and checks it against every other figure of the dataset, with
tolerances taken from the stated rounding: a share written with two
decimals is exact to ±0,005 points; a value written "khoảng"/"gần" carries
±1%.

Columns of the result: ``check, indicator, region, period, document, stated,
derived, low, high, unit, consistent, detail, quote``. ``consistent`` is
``True``/``False`` where the derivation could be compared with another stated
figure and ``<NA>`` where nothing in the dataset states it (``detail`` says
so).
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.data.schema import is_plan_like, is_target_like
from ktstats.errors import DataError
from ktstats.lang.checks import finite_result
from ktstats.lang.numbers import APPROX_TOLERANCE, format_number, format_quantity
from ktstats.lang.periods import Span
from ktstats.lang.units import conversion_factor, format_unit, parse_unit

if TYPE_CHECKING:
    from ktstats.data.dataset import Dataset, Observation

__all__ = ["audit", "implied_base", "implied_plan", "stated_tolerance"]

#: what a share of each reference is checked against besides the year's stated plans: the province's own goal
#: too, except for a share of the central government's estimate ("đạt 131,8% dự toán Trung ương giao" is checked
#: against a stated plan, never against "mục tiêu 3.500 tỷ")
_COMPARED_WITH: dict[str, tuple[str, ...]] = {"budget_estimate_central": ("plan",), "plan_central": ("plan",)}


def implied_plan(value: Any, share_percent: Any) -> Any:
    """The plan implied by a value and its stated share of the plan.

    >>> round(implied_plan(1326.4, 35.08), 1)   # giải ngân 1.326,4 tỷ, đạt 35,08% kế hoạch
    3781.1
    """
    share = np.asarray(share_percent, dtype="float64")
    if np.any(share <= 0) or not np.all(np.isfinite(share)):
        raise DataError(f"a share of the plan must be a positive number of percent, got {share_percent}")
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        out = np.asarray(value, dtype="float64") * 100.0 / share
    finite_result(out, f"the plan implied by {value!r} at {share_percent!r}%")
    return float(out) if out.ndim == 0 else out


def implied_base(value: Any, growth_percent: Any = None, index_percent: Any = None) -> Any:
    """Last year's value implied by this year's value and its growth or index.

    Give exactly one of ``growth_percent`` ("tăng 11,8%") or ``index_percent``
    ("bằng 111,7%").

    >>> round(implied_base(5712, growth_percent=11.8))
    5109
    >>> round(implied_base(3207, index_percent=111.7))
    2871
    """
    if (growth_percent is None) == (index_percent is None):
        raise DataError("implied_base needs exactly one of growth_percent= or index_percent=")
    index = (
        np.asarray(index_percent, dtype="float64")
        if index_percent is not None
        else 100.0 + np.asarray(growth_percent, dtype="float64")
    )
    if np.any(index <= 0) or not np.all(np.isfinite(index)):
        raise DataError(
            f"growth of {growth_percent}% / index {index_percent}% leaves no positive base: "
            "the base is undefined"
        )
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        out = np.asarray(value, dtype="float64") * 100.0 / index
    finite_result(out, f"the base implied by {value!r}")
    return float(out) if out.ndim == 0 else out


def stated_tolerance(value: float, qualifier: str = "exact") -> float:
    """Half a unit of the last digit written (0,005 for 35,08), or ±1% of an approximate value.

    >>> stated_tolerance(35.08), stated_tolerance(19.0), stated_tolerance(830, "approx")
    (0.005, 0.5, 8.3)
    """
    text = repr(abs(float(value)))
    if "e" in text:
        half = 0.5 * 10**-12
    elif text.endswith(".0"):
        half = 0.5
    else:
        half = 0.5 * 10 ** -len(text.split(".")[1])
    if qualifier in ("approx", "nearly"):
        half = max(half, APPROX_TOLERANCE * abs(value))
    return half


def _roundest(low: float, high: float) -> float | None:
    """The roundest number in [low, high] (fewest significant digits), if the interval is narrow."""
    if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 or high < low:
        return None
    for exp in range(int(math.log10(high)) + 1, -4, -1):
        step = 10.0**exp
        for mult in (1.0, 0.5):
            s = step * mult
            candidate = math.ceil(low / s) * s
            if candidate <= high:
                return candidate
    return None


def _factor(unit: str, to: str | None) -> float:
    """What a value in ``unit`` is multiplied by to be in ``to`` (1 for the same unit or no ``to``)."""
    return 1.0 if to is None or unit == to else conversion_factor(parse_unit(unit), parse_unit(to))


def _value(o: Observation, unit: str | None) -> float:
    """``o``'s value in ``unit``: "1.172.000 triệu đồng" is 1.172 of an indicator kept in tỷ đồng."""
    return o.value * _factor(o.unit, unit)


def _interval(o: Observation, unit: str | None = None) -> tuple[float, float]:
    """Values the wording of ``o`` allows (rounding included), in ``unit`` (default: its own). The rounding is
    that of the digits as written, in the unit they are written in, before any conversion."""
    lo, hi = _own_interval(o)
    factor = _factor(o.unit, unit)
    return lo * factor, hi * factor


def _percent(o: Observation) -> tuple[float, float]:
    """A stated ratio or change in percent, with its rounding: "gấp 4,8 lần" is 480 % (± 5), "đạt 16,7%" 16,7 %."""
    factor = _factor(o.unit or "times", "percent")  # (a bare multiple is a number of times)
    return o.value * factor, stated_tolerance(o.value, o.qualifier) * factor


def _own_interval(o: Observation) -> tuple[float, float]:
    h = stated_tolerance(o.value, o.qualifier)
    lo, hi = (o.low if o.low is not None else o.value) - h, (o.high if o.high is not None else o.value) + h
    if o.qualifier in ("nearly", "under", "at_most"):
        hi = o.value  # a bound is exact: "gần 2.500" is below 2.500, "không quá 5%" at most 5%
    if o.qualifier in ("over", "at_least"):
        lo = o.value
    if o.qualifier in ("over", "at_least"):
        hi = math.inf
    if o.qualifier in ("under", "at_most"):
        lo = -math.inf
    return lo, hi


def _whole_interval(part: Observation, percent: float, tolerance: float, unit: str) -> tuple[float, float]:
    """The whole a part is ``percent`` of (a plan from "đạt X%", a base from "bằng X%"), as the
    interval both figures' rounding allows, in ``unit``."""
    v_lo, v_hi = _interval(part, unit)
    low = v_lo * 100 / (percent + tolerance)
    high = v_hi * 100 / (percent - tolerance) if percent > tolerance else math.inf
    return low, high


def _as_dataset(data: Any) -> Dataset:
    """A Dataset, or a DataFrame in the dataset's long format (validated row by row)."""
    from ktstats.data.dataset import Dataset

    if isinstance(data, Dataset):
        return data
    if isinstance(data, pd.DataFrame):
        from ktstats.data.schema import REQUIRED_COLUMNS

        required = list(REQUIRED_COLUMNS)
        present = [c for c in required if c in data.columns]
        if not present:  # not the long format at all: a wide table of values, say
            raise DataError(
                f"audit() checks stated figures against each other and needs the dataset's long format "
                f"(one row per figure, columns {', '.join(required)}, …); this DataFrame has columns "
                f"{', '.join(map(str, list(data.columns)[:6]))}. Load a dataset with ktstats.load_dataset, "
                "or extract figures from text with ktstats.extract"
            )
        return Dataset(data, name=data.attrs.get("dataset"))  # a bad row raises DataError naming it
    raise DataError(
        f"audit() needs a Dataset or a DataFrame in its long format, got {type(data).__name__}; load one "
        "with ktstats.load_dataset or build it with Dataset(frame) / DataFrame.kt.dataset()"
    )


def audit(dataset: Dataset | pd.DataFrame) -> pd.DataFrame:
    """Check every stated figure of ``dataset`` against what the others imply.

    ``dataset`` is a :class:`Dataset` or a DataFrame in its long format (one row per figure,
    the columns of :data:`ktstats.data.schema.COLUMNS`), validated as :class:`Dataset` does.

    >>> from ktstats import load_dataset
    >>> table = audit(load_dataset("kon_tum"))
    >>> row = table[(table.check == "implied_plan") & (table.indicator == "party_members_admitted")
    ...             & (table.period == "10/2020–3/2024")].iloc[0]
    >>> round(row.derived), row.detail.startswith("the interval contains 5.000")
    (5000, True)
    """
    from ktstats.analysis.targets import Target

    dataset = _as_dataset(dataset)
    obs = list(dataset.observations())
    catalog = by_code()
    rows: list[dict[str, Any]] = []

    def add(
        check: str,
        o: Observation,
        derived: float,
        lo: float,
        hi: float,
        unit: str,
        consistent: bool | None,
        detail: str,
    ) -> None:
        rows.append(
            {
                "check": check,
                "indicator": o.indicator,
                "region": o.region,
                "period": o.span.label(),
                "document": o.document,
                "stated": o.describe(),
                "derived": derived,
                "low": lo,
                "high": hi,
                "unit": unit,
                "consistent": pd.NA if consistent is None else consistent,
                "detail": detail,
                "quote": o.quote,
            }
        )

    levels: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    for o in obs:
        if o.form == "level":
            levels[(o.indicator, o.region, o.span)].append(o)

    def level_for(
        o: Observation,
        span: Span | None = None,
        *,
        same_doc: bool = True,
        measures: tuple[str, ...] | None = None,
    ) -> Observation | None:
        for cand in levels.get((o.indicator, o.region, span or o.span), []):
            if same_doc and cand.document != o.document:
                continue
            if measures is not None and cand.measure not in measures:
                continue
            if not same_doc or cand.measure == o.measure:
                return cand
        return None

    for o in obs:
        unit_label = catalog[o.indicator].unit
        # 1. value + share of the plan => the plan
        if o.form == "ratio" and is_target_like(o.relative_to):
            lvl = level_for(o)
            if lvl is None:
                continue
            if not o.value > 0:
                # "đạt 0% dự toán" is a fact (nothing yet); only the plan it would imply is undefined
                add(
                    "implied_plan",
                    o,
                    math.nan,
                    -math.inf,
                    math.inf,
                    unit_label,
                    None,
                    f"a share of {format_number(o.value)}% implies no plan (a plan is undefined from a zero share)",
                )
                continue
            # (in the catalog's unit, whatever unit the amount was written in: "366.945 triệu đồng, đạt 16,7%")
            share, tolerance = _percent(o)
            derived = implied_plan(_value(lvl, unit_label), share)
            lo, hi = _whole_interval(lvl, share, tolerance, unit_label)
            consistent: bool | None = None
            detail_parts = []
            round_plan = _roundest(lo, hi)
            if round_plan is not None:
                detail_parts.append(f"the interval contains {format_number(round_plan)}")
            if is_plan_like(o.relative_to) and o.span.year is not None:
                year = Span.whole_year(o.span.year)
                stated = [
                    c
                    for c in levels.get((o.indicator, o.region, year), [])
                    if c.relative_to == ""
                    and c.measure in _COMPARED_WITH.get(o.relative_to, ("plan", "target"))
                ]
                fits = []
                for st in stated:
                    t = Target.from_observation(st)
                    if (
                        o.document_date is not None
                        and st.document_date is not None
                        and st.document_date > o.document_date
                    ):
                        # the plan in force when the share was published was another: "6 tháng 2024 … đạt 85% kế
                        # hoạch" (July) is not of the target Resolution 26 set in October
                        detail_parts.append(
                            f"the {st.measure} {t.label()} was stated later ({st.document}, "
                            f"{st.document_date:%d/%m/%Y}): not the one this share is of"
                        )
                        continue
                    ok = t.could_meet(lo * _factor(unit_label, st.unit), hi * _factor(unit_label, st.unit))
                    fits.append(ok)
                    detail_parts.append(
                        f"{'meets' if ok else 'does not meet'} the {st.measure} {t.label()} stated in {st.document}"
                    )
                if fits:
                    # a share names one plan: a budget has several ("Trung ương giao", "HĐND tỉnh giao"), so the
                    # share holds when it fits one of those stated, and is wrong only when it fits none
                    consistent = any(fits)
            if consistent is None:
                detail_parts.append(
                    "no plan for this period stated by then is in the dataset"
                    if any("stated later" in d for d in detail_parts)
                    else "no plan for this period is stated in the dataset"
                )
            add("implied_plan", o, derived, lo, hi, unit_label, consistent, "; ".join(detail_parts))
        # 2. value + growth/index vs the same period last year => last year's value
        if o.relative_to == "same_period_last_year" and o.form in ("ratio", "change"):
            lvl = level_for(o)
            if lvl is None:
                continue
            share, tolerance = _percent(o)  # ("gấp 4,8 lần": 480 %)
            index = share if o.form == "ratio" else 100 + share
            derived = implied_base(_value(lvl, unit_label), index_percent=index)
            lo, hi = _whole_interval(lvl, index, tolerance, unit_label)
            last = o.span.same_period_last_year()
            prior = sorted(
                (
                    c
                    for c in levels.get((o.indicator, o.region, last), [])
                    if c.measure in ("actual", "estimate")
                ),
                key=lambda c: (c.measure == "actual", c.document_date or pd.Timestamp(0)),
            )
            if prior:
                base = prior[-1]  # the final figure if one is stated, else the latest estimate
                p_lo, p_hi = _interval(base, unit_label)
                ok = p_hi >= lo and p_lo <= hi
                detail = f"{'agrees' if ok else 'disagrees'} with {base.describe()} for {last.label()} in {base.document}"
                holds: bool | None = ok
                if not ok and base.measure == "estimate":
                    # a growth rate is on last year's final figure; an estimate of it published before it was
                    # final is revised, not contradicted: "6 tháng 2019 tăng 14,7%" on "6 tháng 2018 ước 1.172"
                    holds = None
                    off = (derived - _value(base, unit_label)) / _value(base, unit_label) * 100
                    detail = (
                        f"implies {format_quantity(derived, unit_label, decimals=1)} for {last.label()}, "
                        f"{'+' if off >= 0 else '−'}{format_number(round(abs(off), 1))}% from the estimate "
                        f"{base.describe()} in {base.document}: an estimate is revised once the figure is final"
                    )
                add("implied_base", o, derived, lo, hi, unit_label, holds, detail)
            else:
                add(
                    "implied_base",
                    o,
                    derived,
                    lo,
                    hi,
                    unit_label,
                    None,
                    f"no figure for {last.label()} is stated in the dataset",
                )
        # 3. a fraction and its stated share
        if o.form == "level" and o.denominator is not None:
            share_code = f"{o.indicator}_share"
            shares = [c for c in levels.get((share_code, o.region, o.span), []) if c.document == o.document]
            for sh in shares:
                computed = 100.0 * o.value / o.denominator
                tol = stated_tolerance(sh.value, sh.qualifier)
                ok = abs(computed - sh.value) <= tol + 1e-9
                add(
                    "fraction_share",
                    sh,
                    computed,
                    computed,
                    computed,
                    "percent",
                    ok,
                    f"{format_number(o.value)}/{format_number(o.denominator)} = {format_number(round(computed, 4))}%; "
                    f"stated {format_number(sh.value)}% (±{format_number(tol)})",
                )
    # 4. the same figure stated more than once: at the same date it must agree; a later
    #    document that states it differently is a revision (the later figure is used)
    groups: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    for o in obs:
        groups[(o.indicator, o.region, o.span, o.measure, o.form, o.relative_to)].append(o)
    for (_, _, _, measure, _, _), group in groups.items():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda o: o.document_date or pd.Timestamp(0))
        for prev, other in pairwise(group):
            # (compared in the earlier figure's unit: "1.172.000 triệu đồng" and "1.172 tỷ đồng" are one figure)
            p_lo, p_hi = _interval(prev)
            o_lo, o_hi = _interval(other, prev.unit)
            ok = p_hi >= o_lo and p_lo <= o_hi
            o_lo, o_hi = _interval(other)
            same = other.qualifier == prev.qualifier and math.isclose(
                _value(other, prev.unit), prev.value, rel_tol=1e-12
            )
            if (
                prev.document_date is not None
                and other.document_date is not None
                and (other.document_date > prev.document_date)
                and not same
            ):
                change = _value(other, prev.unit) - prev.value
                unit = "điểm phần trăm" if prev.unit == "percent" else format_unit(prev.unit)
                add(
                    "figure_revised" if measure not in ("plan", "target") else "target_revised",
                    other,
                    other.value,
                    o_lo,
                    o_hi,
                    other.unit,
                    None,
                    f"revised from {prev.describe()} ({prev.document}, {prev.document_date:%d/%m/%Y}) "
                    + (
                        f"by {'+' if change >= 0 else '−'}{format_number(round(abs(change), 6))} {unit}"
                        if round(change, 6)
                        else "in its wording only (the same value)"  # "1.426.000 triệu đồng", then "khoảng 1.426 tỷ"
                    )
                    + "; the later figure is used",
                )
                continue
            check = "target_restated" if measure in ("plan", "target") else "figure_restated"
            where = "the same document" if other.document == prev.document else prev.document
            differently = "" if same else (f"; stated differently: {prev.describe()} vs {other.describe()}")
            verdict = f"the two {'can both hold' if ok else 'contradict each other'}"
            restated: bool | None = ok
            if measure == "plan" and not ok:
                # two plans for one year are two bodies' ("Trung ương giao 2.434,977 tỷ", "tỉnh giao 3.956,954
                # tỷ"), not one plan stated twice
                restated, verdict = None, "two plans (each body assigns its own), not a contradiction"
            add(
                check,
                other,
                other.value,
                o_lo,
                o_hi,
                other.unit,
                restated,
                f"also stated in {where}{differently}; {verdict}",
            )
    # 5. a year's target = year to date + the rest of the year (flows)
    for o in obs:
        if o.measure not in ("target", "plan") or o.form != "level" or catalog[o.indicator].kind != "flow":
            continue
        if o.span.kind != "year":
            continue
        for rest in obs:
            if (
                (rest.indicator, rest.region, rest.measure, rest.form, rest.document)
                != (o.indicator, o.region, o.measure, o.form, o.document)
                or rest.span.kind not in ("rest_of_year", "quarter")
                or rest.span.end != o.span.end
            ):
                continue
            ytd = Span(o.span.start, rest.span.start - 1)
            y_lo, y_hi = _interval(o)
            r_lo, r_hi = _interval(rest, o.unit)
            lo = y_lo - r_hi if math.isfinite(y_lo) and math.isfinite(r_hi) else -math.inf
            hi = y_hi - r_lo if math.isfinite(y_hi) and math.isfinite(r_lo) else math.inf
            derived = o.value - _value(rest, o.unit)
            actual = [
                c for c in levels.get((o.indicator, o.region, ytd), []) if c.measure in ("actual", "estimate")
            ]
            implied = (
                f"implies {ytd.label()} of {format_quantity(derived, o.unit)}"
                f"{' or more' if not math.isfinite(hi) else ''} ({o.describe()} minus "
                f"{rest.describe()} for {rest.span.label()})"
            )
            agrees: bool | None = None
            verdict = f"no figure for {ytd.label()} is stated in the dataset"
            if actual:
                a_lo, a_hi = _interval(actual[-1], o.unit)
                agrees = a_hi >= lo and a_lo <= hi
                verdict = f"{'agrees' if agrees else 'disagrees'} with {actual[-1].describe()}"
            add("year_split", o, derived, lo, hi, o.unit, agrees, f"{implied}; {verdict}")
    out = pd.DataFrame(
        rows,
        columns=[
            "check",
            "indicator",
            "region",
            "period",
            "document",
            "stated",
            "derived",
            "low",
            "high",
            "unit",
            "consistent",
            "detail",
            "quote",
        ],
    )
    out["consistent"] = out["consistent"].astype("boolean")
    for c in ("derived", "low", "high"):
        out[c] = out[c].astype("float64")
    return out
