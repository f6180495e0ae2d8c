"""Projections of the targets stated in a dataset."""

from __future__ import annotations

import dataclasses
import functools
import weakref
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from ktstats.analysis.projection.profile import reference_profile
from ktstats.analysis.projection.realtime import Backtest
from ktstats.analysis.projection.result import Projection, common_fields, settled
from ktstats.analysis.projection.single import project
from ktstats.analysis.targets import (
    Target,
    as_target,
    parse_target,
)
from ktstats.errors import DataError, KtstatsError, PeriodError
from ktstats.lang.checks import fraction, integer
from ktstats.lang.periods import Span, parse_date
from ktstats.lang.units import conversion_factor, parse_unit, ureg

if TYPE_CHECKING:
    pass

# --- datasets ---------------------------------------------------------------------------


def own_targets(
    dataset: Any, indicator: str, region: str, year: int, as_of: str | pd.Timestamp | None = None
) -> list[tuple[Target, list[str]]]:
    """The whole-year targets a dataset states for ``indicator``, ``region`` and ``year`` (published
    by ``as_of``), oldest first: one entry per distinct target (value and range), with every document
    that states it; the entry's wording is its first statement (the resolution, not a later
    paraphrase). Plans count only where no target is stated."""
    from ktstats.analysis.projection.units import targets_of

    obs = dataset.filter(indicator=indicator, region=region, form="level", as_of=as_of).observations()
    return targets_of(obs, year)


def current_target(
    dataset: Any, indicator: str, region: str, year: int, as_of: str | pd.Timestamp | None = None
) -> Target | None:
    """The target in force on ``as_of``: the one stated last (a revision replaces the original, as
    the 2025 growth target of 6,5–7 % was raised to 8 % in February 2025); ``None`` if none is stated,
    a DataError if the latest document states several different ones."""
    stated = own_targets(dataset, indicator, region, year, as_of)
    if not stated:
        return None
    dates = {  # (a document of no known date counts as the oldest: extract's output of an undated text)
        d: dataset.filter(document=d).to_frame()["document_date"].max() for _, docs in stated for d in docs
    }
    dates = {d: pd.Timestamp.min if pd.isna(when) else when for d, when in dates.items()}
    first = [min(dates[d] for d in docs) for _, docs in stated]
    newest = max(first)
    latest = [t for (t, _), when in zip(stated, first, strict=True) if when == newest]
    if len(latest) > 1:
        listed = "; ".join(f"{t.label()} ({', '.join(d)})" for t, d in stated)
        raise DataError(
            f"{indicator} in {region}, {year}: the dataset states {len(latest)} different targets in its latest "
            f"document ({listed}); pass target="
        )
    return latest[0]


def project_indicator(
    dataset: Any,
    indicator: str,
    target: Any = None,
    *,
    region: str | None = None,
    year: int | None = None,
    as_of: str | pd.Timestamp | None = None,
    method: str = "auto",
    level: float = 0.8,
    reference: Any = None,
) -> Projection:
    """Project one indicator of a dataset against a target (what ``ktstats project`` runs).

    The year to date and the history come from the dataset (as known on
    ``as_of``: a figure published as an estimate counts until a later document
    restates it); ``target=None`` with ``year=None`` is the one year whose
    whole-year target the dataset states; for growth indicators the quarterly growth and the published
    annual growth of past years are used, the latter to estimate the quarter
    weights. ``reference`` (a Dataset or a bundled name, e.g. ``"vn_gdp"``, or several, e.g.
    ``("vn_gdp", "vn_disbursement")``) lends its growth series' weights, method and real-time errors
    to a region with a year to date but no past years of its own (a province's "9 tháng tăng
    7,2%"), and its path through the year to a flow of which only a year-to-date total is known
    ("giải ngân 4 tháng đạt 433,6 tỷ đồng": :func:`~ktstats.analysis.projection.profile.reference_profile`).
    """
    from ktstats.catalog.indicators import indicator as lookup

    ind = lookup(indicator)
    level = fraction(level, "level")
    year = None if year is None else integer(year, "year", low=1900, high=2100)
    if target is None:
        if year is None:
            year = _target_year(dataset, indicator, region, as_of)
        end = pd.Timestamp(year, 12, 31)
        on = end if as_of is None else min(parse_date(as_of, argument="as_of"), end)
        region = _region(dataset, region, indicator, on)
        target = current_target(dataset, indicator, region, year, as_of)
        if target is None:
            raise DataError(f"the dataset states no target for {indicator} in {region}, {year}; pass target=")
    tgt = (
        target
        if isinstance(target, Target)
        else (
            parse_target(target, year=year, indicator=indicator)
            if isinstance(target, str)
            else as_target(target, None)
        )
    )
    if year is None:
        year = tgt.span.year if tgt.span is not None and tgt.span.year else None
    if year is None:
        raise DataError(
            "say which year to project: year=… or a target phrase with its year ('cả năm 2024 …')"
        )
    if tgt.span is not None and tgt.span != Span.whole_year(year):
        raise PeriodError(f"projections judge whole-year targets; this one is for {tgt.span.label()}")
    # a name is the unit that exists when the projection is made (or at the year's end)
    on = (
        pd.Timestamp(year, 12, 31)
        if as_of is None
        else min(parse_date(as_of, argument="as_of"), pd.Timestamp(year, 12, 31))
    )
    region = _region(dataset, region, indicator, on)
    _not_merged_away(dataset, region, on)
    if ind.kind == "growth":
        from ktstats.analysis.projection.realtime import REALTIME_METHODS, growth_rows, project_growth_as_of

        if tgt.unit != ureg.percent:
            raise DataError(
                f"{indicator} is a growth rate in percent; the target {tgt.label()!r} is in {tgt.unit}"
            )
        if method != "auto" and method not in REALTIME_METHODS:
            raise DataError(
                f"unknown method {method!r} for a growth rate; use 'auto' or one of {', '.join(REALTIME_METHODS)}"
            )

        common = common_fields(tgt, year, level, indicator, region, done=0, per_year=4, freq="Q")
        when = pd.Timestamp.max if as_of is None else parse_date(as_of, argument="as_of")
        return project_growth_as_of(
            growth_rows(dataset, indicator, region),
            tgt,
            year=year,
            as_of=when,
            method=method,
            level=level,
            common=common,
            reference=None if reference is None else _reference(reference),
        )
    published = _year_published(dataset, indicator, region, year, as_of, tgt, level)
    if published is not None:  # the year's figure is out (a year-end report's estimate counts, as for growth)
        return published
    levels = dataset.filter(indicator=indicator, region=region, form="level", as_of=as_of).to_frame()
    levels = levels[levels["measure"].isin(["actual", "estimate"])]
    spans = _flow_spans(levels, indicator, year, as_of)  # (first: a year with no figure says so)
    known, estimated = _as_known(levels, dataset.name)
    s = known.series(indicator, region, as_of=as_of, **spans)
    sp = s.to_pandas()
    sp = sp[sp.index.year <= year]
    if not (sp.index.year == year).any():
        raise _nothing_for(indicator, year, as_of)
    p = _project_flow(s, sp, indicator, tgt, region, year, as_of, method, level, reference)
    index = pd.PeriodIndex(sp.index)
    used = {  # the spans of the year's figures the projection reads
        (pd.Period(f"{year}-01", "M") if s.basis == "ytd" else q.asfreq("M", "start"), q.asfreq("M", "end"))
        for q in index[index.year == year]
    }
    if used & estimated:  # (as for growth: a report's "ước đạt" stands until a later document restates it)
        return dataclasses.replace(p, reason="the year to date includes estimates (theo số ước): " + p.reason)
    return p


def _region(dataset: Any, region: str | None, indicator: str, on: pd.Timestamp | None) -> str:
    """The region to project: as :meth:`Dataset.resolve_region` says, where a dataset with no actual figure of
    the indicator (a report whose year to date is all "ước") has its only region of the estimates."""
    if region is None and not len(dataset.filter(indicator=indicator, measure="actual", form="level")):
        return str(dataset.resolve_region(None, indicator=indicator, measure="estimate", on=on))
    return str(dataset.resolve_region(region, indicator=indicator, on=on))


def _target_year(dataset: Any, indicator: str, region: str | None, as_of: Any) -> int:
    """The one year for which the dataset states a whole-year target (or plan) of ``indicator`` (in
    ``region``), published by ``as_of``: what a report projects when no year is named."""
    rows = dataset.filter(indicator=indicator, region=region, form="level", as_of=as_of).to_frame()
    rows = rows[rows["measure"].isin(["target", "plan"])]
    whole = (rows["period_start"].dt.month == 1) & (rows["period_end"].dt.month == 12)
    whole &= rows["period_start"].dt.year == rows["period_end"].dt.year
    years = sorted({int(y) for y in rows.loc[whole, "period_end"].dt.year})
    if len(years) == 1:
        return years[0]
    if not years:
        raise DataError(f"the dataset states no whole-year target of {indicator}: pass target= and year=")
    raise DataError(
        f"the dataset states targets of {indicator} for {', '.join(map(str, years))}: say which year with year= "
        "(--year on the command line)"
    )


def _as_known(levels: pd.DataFrame, name: str | None) -> tuple[Any, set[tuple[Any, Any]]]:
    """A flow's actual and estimated ``levels`` as known: for each span the figure of the latest document, an
    estimate too ("9 tháng ước đạt 18.500 tỷ đồng" — most year-to-date figures a report gives are estimates)
    until a later document restates it (an actual of the same document wins), every one as an actual; and the
    spans whose figure is an estimate. This is what growth rates already read (:class:`~.realtime.Vintage`)."""
    from ktstats.data.dataset import Dataset
    from ktstats.data.vintages import latest_rows

    f = latest_rows(
        levels.assign(_actual=levels["measure"] == "actual"), ["period_start", "period_end"], "_actual"
    )
    estimated = {
        (a, b)
        for a, b, m in zip(f["period_start"], f["period_end"], f["measure"], strict=True)
        if m == "estimate"
    }
    frame = f.drop(columns="_actual").assign(measure="actual").reset_index(drop=True)
    return Dataset(frame, name=name), estimated


def _nothing_for(indicator: str, year: int, as_of: Any) -> DataError:
    by = "" if as_of is None else f" published by {parse_date(as_of, argument='as_of'):%d/%m/%Y}"
    return DataError(f"no figure of {indicator} for {year}{by}: nothing to project from")


def _project_flow(
    s: Any,
    sp: pd.Series,
    indicator: str,
    tgt: Target,
    region: str,
    year: int,
    as_of: Any,
    method: str,
    level: float,
    reference: Any,
) -> Projection:
    """A flow's projection from its series ``s`` as known (:func:`_as_known`), ``sp`` its periods to ``year``."""
    from ktstats.data.series import IndicatorSeries

    series = IndicatorSeries.from_pandas(
        sp, unit=s.unit, kind=s.kind, basis=s.basis, indicator=indicator, region=region
    )
    total = _ytd_total(sp, s.basis, year)
    # a year to date with no whole past year ("quý I … 830 tỷ") is a total alone, as below: a path, or the hint
    index = pd.PeriodIndex(sp.index)
    per_year = 4 if index.freqstr.startswith("Q") else 12
    full = [y for y, n in pd.Series(index.year[index.year < year]).value_counts().items() if n == per_year]
    alone = total is not None and not full
    if alone and total is not None and reference is not None and method in ("auto", *_BY_PATH):
        along = _along_path(s, total, indicator, tgt, region, year, as_of, method, level, reference)
        if along is not None:
            return dataclasses.replace(along, reason="no past year of its own; " + along.reason)
    try:
        p = project(series, tgt, year=year, method=method, level=level)
    except (DataError, PeriodError) as exc:
        if total is None or method not in ("auto", "run_rate", *_BY_PATH):
            raise
        # only the year-to-date total is published (no month-by-month figures): the pace so far
        # extended to the year, with the stated prior as the only uncertainty — no shape is invented —
        # unless a reference lends its path through the year (the country's shares of the plan by month)
        value, months = total
        why = f"only the year-to-date total to month {months} is usable ({exc}); "
        along = _along_path(s, total, indicator, tgt, region, year, as_of, method, level, reference)
        if along is not None:
            return dataclasses.replace(along, reason=why + along.reason)
        if method != "auto" and method != "run_rate":
            raise DataError(
                f"{method} needs the path of past years; only the year-to-date total to month {months} is "
                f"usable ({exc}), and no reference= with that indicator's shares at month-ends was given"
            ) from None
        p = project(
            _evenly(s, value, months, indicator, region, year), tgt, year=year, method="run_rate", level=level
        )
        hint = _path_hint(indicator, year, as_of)  # (the report borrows the country's path; a user must ask)
        return dataclasses.replace(p, reason=why + "run_rate from that total: " + p.reason + hint)
    if alone and p.method == "run_rate":
        p = dataclasses.replace(p, reason=p.reason + _path_hint(indicator, year, as_of))
    return p


def _evenly(s: Any, value: float, months: int, indicator: str, region: str, year: int) -> Any:
    """A year-to-date total ``value`` of ``months`` months as that many equal months (no shape invented)."""
    from ktstats.data.series import IndicatorSeries

    idx = pd.period_range(f"{year}-01", periods=months, freq="M")
    return IndicatorSeries(
        [value / months] * months,
        idx,
        unit=s.unit,
        kind=s.kind,
        basis="period",
        indicator=indicator,
        region=region,
    )


def _along_path(
    s: Any,
    total: tuple[float, int],
    indicator: str,
    tgt: Target,
    region: str,
    year: int,
    as_of: Any,
    method: str,
    level: float,
    reference: Any,
) -> Projection | None:
    """A flow's year-to-date ``total`` (value, months) projected along the path through the year that
    ``reference`` lends (:func:`reference_profile`: its years published by ``as_of``); ``None`` without one."""
    from ktstats.data.series import IndicatorSeries

    ref = None if reference is None else _reference(reference)
    path = None if ref is None else reference_profile(ref.dataset, indicator, year, as_of)
    if path is None:
        return None
    value, months = total
    # the reference's past years as months of this flow, each year scaled to the same total: the methods that
    # read a path (the share done by now, last year's pace) see only its shape
    past = IndicatorSeries.from_pandas(
        path.history(year, value), unit=s.unit, kind=s.kind, basis="period", indicator=indicator
    )
    even = _evenly(s, value, months, indicator, region, year)
    p = project(even, tgt, year=year, method=method, level=level, history=past, borrowed=True)
    done = ", ".join(path.part_at(months))
    why = f"its path through the year from the reference ({path.describe()}; by month {months}: {done}): "
    return dataclasses.replace(p, reason=why + p.reason)


def _path_hint(indicator: str, year: int, as_of: Any) -> str:
    """Where a flow known only by its year to date could borrow a path through the year: a bundled national
    dataset whose shares of the plan by month-end (published by ``as_of``) :func:`reference_profile` reads."""
    from ktstats.catalog.bundled import bundled_datasets
    from ktstats.data.dataset import load_dataset

    for name in (n for n in bundled_datasets() if n.startswith("vn_")):
        if reference_profile(load_dataset(name), indicator, year, as_of) is None:
            continue
        lend = f"reference={name!r} (--reference {name.replace('_', '-')} on the command line) lends the country's path"
        if name not in NATIONAL_REFERENCES:  # (offered with what it was measured to do, not as a remedy)
            return (
                f"; the pace so far, extended evenly, ignores the shape of the year; {lend}, which did no better "
                "than the even pace on provinces' reports (docs/projections.md)"
            )
        return f"; the pace so far, extended evenly, ignores the shape of the year: {lend}"
    # (no bundled path: a flow whose last months weigh more — revenue, tourism — is projected low, so its
    # probability too; the reader is told what the figure assumes)
    return (
        "; the pace so far, extended evenly, ignores the shape of the year (no bundled reference gives this "
        "indicator a path through the year)"
    )


def _year_published(
    dataset: Any, indicator: str, region: str, year: int, as_of: Any, tgt: Target, level: float
) -> Projection | None:
    """The year's own figure of a flow when it was published by ``as_of`` — its latest statement, an estimate
    too ("Năm 2024, thu ngân sách … ước đạt khoảng 4.425 tỷ đồng", as year-end reports give it): the outcome
    is known, and no pace is extended from a part of the year. ``None`` when it was not published."""
    whole = Span.whole_year(year)
    rows = dataset.filter(indicator=indicator, region=region, form="level", as_of=as_of).to_frame()
    rows = rows[
        rows["measure"].isin(["actual", "estimate"])
        & (rows["period_start"] == whole.start)
        & (rows["period_end"] == whole.end)
    ]
    if rows.empty:
        return None
    last = rows.sort_values("document_date", kind="stable", na_position="first").iloc[-1]
    try:
        value = float(last["value"]) * conversion_factor(parse_unit(str(last["unit"])), tgt.unit)
    except KtstatsError:
        return None  # a target of another kind ("tăng trưởng từ 8%" of a level): projected through the levels
    estimated = " (theo số ước — an estimate)" if last["measure"] == "estimate" else ""
    common = common_fields(tgt, year, level, indicator, region, done=12, per_year=12, freq="M")
    reason = f"the year's figure was published{estimated} in {last['document']}"
    return settled(value, bool(tgt.met(value)), "published", reason, common)


def _ytd_total(sp: pd.Series, basis: str, year: int) -> tuple[float, int] | None:
    """(value, months) of the latest year-to-date figure of ``year`` in a year-to-date series."""
    if basis != "ytd":
        return None
    index = pd.PeriodIndex(sp.index)
    cur = sp[index.year == year]
    if cur.empty:
        return None
    last = pd.PeriodIndex(cur.index)[-1]
    months = last.month if last.freqstr.startswith("M") else 3 * last.quarter
    return float(cur.iloc[-1]), int(months)


def _flow_spans(levels: pd.DataFrame, indicator: str, year: int, as_of: Any) -> dict[str, str]:
    """The ``freq`` and ``basis`` of the series a flow is projected from: the kind of span the year's own
    figures are. Year-to-date where the year has one ("9 tháng"), quarterly when the latest ends a quarter
    (other years' months, "2 tháng đầu năm 2018", then make no gaps): a report's own month or quarter beside
    it ("tháng 7 … 11.753,9 tỷ đồng; 7 tháng … 112.748 tỷ đồng") does not make a series of mixed spans. Else
    the periods the year is reported by ("quý I", "quý II"). ``levels``: its actual and estimated levels."""
    mine = [
        (s, e) for s, e in zip(levels["period_start"], levels["period_end"], strict=True) if e.year == year
    ]
    if not mine:
        raise _nothing_for(indicator, year, as_of)
    ends = [e for s, e in mine if s.month == 1]
    if not ends:
        return {"basis": "period"}
    return {"freq": "Q", "basis": "ytd"} if max(ends).month % 3 == 0 else {"basis": "ytd"}


def _not_merged_away(dataset: Any, code: str, on: pd.Timestamp) -> None:
    """A province that no longer exists on ``on``, in a dataset that follows the unit it joined, is
    projected as that unit: asking for the old province is an error that names both."""
    from ktstats.analysis.projection.units import unit_of
    from ktstats.catalog.regions import region as find_region

    unit = unit_of(code, on)
    if unit != code and unit in set(dataset.to_frame()["region"]):
        old, new = find_region(code), find_region(unit)
        raise DataError(
            f"{old.name_vi} ({code}) no longer exists on {on:%d/%m/%Y}: from {new.valid_from:%d/%m/%Y} it is part of "
            f"{new.name_vi} ({unit}); project {unit}, whose target combines its provinces' (Dataset.unit_targets)"
        )


def _ceased(code: str) -> pd.Timestamp:
    """The last day a province existed (its ``valid_to``; the far future for one that still does)."""
    from ktstats.catalog.regions import region as find_region

    valid_to = find_region(code).valid_to
    return pd.Timestamp.max if valid_to is None else valid_to


def _reference(reference: Any) -> Any:
    from ktstats.analysis.projection.realtime import Reference, reference_rows

    if isinstance(reference, Reference):
        return reference
    from ktstats.data.dataset import load_dataset

    if isinstance(reference, str):
        reference = load_dataset(reference)
    elif isinstance(reference, (tuple, list)) and reference:  # ("vn_gdp", "vn_disbursement"): one reference
        parts = [load_dataset(r) if isinstance(r, str) else r for r in reference]
        if not all(hasattr(d, "combine") for d in parts):
            raise DataError("reference= takes a Dataset, a bundled dataset's name, or several of them")
        reference = parts[0].combine(*parts[1:])
    if not hasattr(reference, "to_frame") or not hasattr(reference, "filter"):
        raise DataError(
            f"reference= takes a Dataset or a bundled dataset's name, not {type(reference).__name__}"
        )
    found = _REFERENCES.get(reference)
    if found is None:  # one national backtest per reference dataset, kept while the dataset lives
        found = _REFERENCES[reference] = reference_rows(reference)
    return found


_REFERENCES: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
#: the national series the report lends by default: quarter weights and real-time errors of growth (vn_gdp), the
#: path of disbursement through the year (vn_disbursement). vn_budget_revenue's path is bundled but not lent by
#: default: on the development texts' provinces it did no better than the even pace (benchmarks/flow_calls.py)
NATIONAL_REFERENCES = ("vn_gdp", "vn_disbursement")
#: the methods a flow known only by its year-to-date total can use with a reference's path through the year
_BY_PATH = ("seasonal_share", "same_period_pace")

PROJECTION_COLUMNS = [
    "region",
    "indicator",
    "year",
    "target",
    "target_value",
    "target_low",
    "target_high",
    "documents",
    "method",
    "ytd",
    "point",
    "low",
    "high",
    "probability",
    "required",
    "status",
    "reason",
]


def dataset_projections(
    dataset: Any,
    *,
    year: int | None = None,
    as_of: str | pd.Timestamp | None = None,
    regions: Any = None,
    document: str | None = None,
    reference: Any = None,
) -> pd.DataFrame:
    """A projection for every whole-year target of ``dataset``: one row per region, indicator, year and
    distinct target (a target restated in several documents is one row naming them all).

    ``year`` and ``regions`` (names or codes) narrow the table; ``as_of`` projects from what was
    published by that day, targets included; ``document`` keeps the targets of one document;
    ``reference`` lends a growth series to regions without history (see :func:`project_indicator`).
    Targets that cannot be projected keep their row with ``status`` = ``insufficient_data`` and the
    reason, never dropped. A province that ceased during the year (the 1 July 2025 merger) is
    projected as part of the unit it joined, against the unit's target (its own, else its provinces'
    targets weighted by their GRDP of the year before, see :func:`ktstats.analysis.projection.units.unit_targets`);
    the ``target`` column of such a row names the provinces' targets.
    """
    from ktstats.analysis.projection.units import unit_of, unit_targets

    reference = None if reference is None else _reference(reference)  # its backtest is computed once

    wanted = None
    if regions is not None:
        wanted = {dataset.resolve_region(r) for r in ([regions] if isinstance(regions, str) else regions)}
    groups: dict[tuple[Any, ...], tuple[Target, list[str]]] = {}
    merged: set[tuple[str, int]] = set()
    present = set(dataset.to_frame()["region"])
    when = None if as_of is None else parse_date(as_of, argument="as_of")
    for o in dataset.filter(as_of=as_of).observations() if as_of is not None else dataset.observations():
        if o.measure not in ("target", "plan") or o.span.kind != "year" or o.form != "level":
            continue
        if (document is not None and o.document != document) or (year is not None and o.span.year != year):
            continue
        unit = unit_of(o.region, pd.Timestamp(o.span.year, 12, 31))
        if unit != o.region and unit in present and (when is None or when > _ceased(o.region)):
            # a province merged during the year, in a dataset that follows its unit, once it has ceased:
            # projected as the unit
            merged.add((o.indicator, o.span.year))
            continue
        if wanted is not None and o.region not in wanted:
            continue
        tgt = Target.from_observation(o)
        key = (o.region, o.indicator, o.span.year, tgt.label(), tgt.bound, tgt.low, tgt.value, tgt.high)
        docs = groups.setdefault(key, (tgt, []))[1]
        if o.document not in docs:
            docs.append(o.document)
    rows = []
    failed: list[dict[str, Any]] = []
    for indicator, yr in sorted(merged):
        units = unit_targets(dataset, indicator, yr, as_of=as_of)
        for u in units.itertuples(index=False):
            if u.status == "own" or (wanted is not None and u.unit not in wanted):
                continue  # a unit's own target is already among the groups
            if u.status == "insufficient_data":
                failed.append(
                    {
                        "region": u.unit,
                        "indicator": indicator,
                        "year": yr,
                        "target": u.constituent_targets,
                        "target_value": np.nan,
                        "documents": "",
                        "method": "",
                        "status": "insufficient_data",
                        "reason": f"no target for the unit: {u.reason}",
                    }
                )
                continue
            unit_tgt = cast(Target, u.target)
            label = (
                unit_tgt.label() if u.status == "single" else f"{unit_tgt.label()} ({u.constituent_targets})"
            )
            key = (u.unit, indicator, yr, label, unit_tgt.bound, unit_tgt.low, unit_tgt.value, unit_tgt.high)
            groups[key] = (unit_tgt, str(u.documents).split(", "))
    for key, (tgt, docs) in groups.items():
        region, indicator, yr, label = key[:4]
        base = {
            "region": region,
            "indicator": indicator,
            "year": yr,
            "target": label,
            "target_value": tgt.value,
            "target_low": tgt.low,
            "target_high": tgt.high,
            "documents": ", ".join(docs),
        }
        try:
            p = project_indicator(
                dataset, indicator, tgt, region=region, year=yr, as_of=as_of, reference=reference
            )
            rows.append(
                {
                    **base,
                    "method": p.method,
                    "ytd": p.ytd,
                    "point": p.point,
                    "low": p.low,
                    "high": p.high,
                    "probability": p.probability,
                    "required": p.required,
                    "status": p.status,
                    "reason": p.reason,
                }
            )
        except KtstatsError as exc:
            rows.append({**base, "method": "", "status": "insufficient_data", "reason": str(exc)})
    if wanted is not None and year is not None:  # a region asked for keeps its row, target or not
        have = {r["region"] for r in rows + failed}
        for code in sorted(wanted - have):
            failed.append(
                {
                    "region": code,
                    "year": year,
                    "target": "",
                    "target_value": np.nan,
                    "documents": "",
                    "method": "",
                    "status": "insufficient_data",
                    "reason": f"no whole-year target for {year} in this dataset"
                    + (f" published by {when:%d/%m/%Y}" if when is not None else ""),
                }
            )
    return pd.DataFrame(rows + failed, columns=PROJECTION_COLUMNS)


def dataset_backtest(
    dataset: Any,
    indicator: str,
    *,
    region: str | None = None,
    cutoff_month: int = 9,
    methods: Any = None,
    level: float = 0.8,
    reference: Any = None,
) -> Backtest:
    """The real-time backtest of a growth indicator or a flow of ``dataset`` (see
    :func:`ktstats.analysis.projection.realtime.realtime_backtest`,
    :func:`ktstats.analysis.projection.flow_backtest.flow_backtest`): each year projected only from
    what was published by its cutoff date, against the target known then, scored against the
    annual figure as first published and as last revised. ``reference`` lends a flow known only by its
    year to date the country's path through the year, as :func:`project_indicator` takes it (only the
    path's years published by each cutoff date); a growth rate's backtest replays its own quarters."""
    from ktstats.analysis.projection.realtime import growth_rows, realtime_backtest
    from ktstats.catalog.indicators import indicator as lookup

    ind = lookup(indicator)
    if ind.kind not in ("growth", "flow"):
        raise DataError(
            f"{indicator} is a {ind.kind}: the real-time backtest covers growth rates and flows (a year's total)"
        )
    region = _region(dataset, region, indicator, None)
    cutoff_month = integer(cutoff_month, "cutoff_month")
    level = fraction(level, "level")

    def target_then(year: int, when: pd.Timestamp) -> Target | None:
        return current_target(dataset, indicator, region, year, when)

    if ind.kind == "flow":
        from ktstats.analysis.projection.flow_backtest import flow_backtest

        ref = None if reference is None else _reference(reference)  # (its backtest computed once)
        bt = flow_backtest(
            dataset,
            indicator,
            region,
            project=functools.partial(project_indicator, reference=ref),
            targets=target_then,
            cutoff_month=cutoff_month,
            methods=methods,
            level=level,
            unit=parse_unit(ind.unit),
        )
        if bt.table.empty:
            raise DataError(
                f"no year of {indicator} in {region} has its own figure published after its cutoff date "
                f"({cutoff_month} months): nothing to replay (an undated document cannot be placed in time)"
            )
        return bt
    if reference is not None:
        raise DataError(
            f"reference= lends a path through the year to a flow's backtest; {indicator}'s backtest replays "
            f"{region}'s own quarters (project_indicator(reference=…) borrows for one projection)"
        )

    common = dict(
        target=None,
        year=0,
        level=level,
        periods_done=0,
        periods_in_year=4,
        freq="Q",
        unit=parse_unit(ind.unit),
        indicator=indicator,
        region=region,
    )
    return realtime_backtest(
        growth_rows(dataset, indicator, region),
        target_then,
        cutoff_month=cutoff_month,
        methods=methods,
        level=level,
        common=common,
    )
