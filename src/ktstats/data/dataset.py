"""Observations with provenance, and the validated table that holds them.

An :class:`Observation` is one figure stated in one document: which
indicator, for which region and span, whether it is an actual, an estimate, a
plan or a target, its value and unit as written, the qualifier ("khoảng",
"trên", "từ … trở lên"), and — for stated ratios such as "đạt 19% kế hoạch"
or "tăng 11,8% so với cùng kỳ" — what it is relative to. Every observation
cites its document and the exact sentence.

``form`` says how ``value`` relates to the indicator:

=============  ===============================================================
form           meaning
=============  ===============================================================
level          the indicator's own value ("830 tỷ đồng", "6,87%" growth)
ratio          100 × level / reference, in percent ("đạt 19% kế hoạch",
               "bằng 111,7% so cùng kỳ")
change         relative change vs the reference, in percent ("tăng 11,8% so
               với cùng kỳ", "giảm 5%")
difference     level − reference, in the indicator's unit; percentage points
               for rates ("có thêm 05 xã", poverty rate "giảm 3%")
=============  ===============================================================

``relative_to`` names the reference: ``plan`` (kế hoạch, dự toán, nhiệm vụ
chi), ``same_period_last_year`` (cùng kỳ), ``congress_target`` (chỉ tiêu Nghị
quyết Đại hội), ``start_of_period`` (the level when the span began).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import pandas as pd

from ktstats.catalog.bundled import bundled_dataset, bundled_datasets
from ktstats.catalog.indicators import by_code
from ktstats.data.schema import COLUMNS, file_table, is_target_like, validate
from ktstats.data.series import span_mask
from ktstats.data.tables import DATASET_NUMERIC, check_file, read_dataset_table, write_table
from ktstats.data.unattached import Unattached
from ktstats.data.vintages import latest_rows
from ktstats.errors import DataError, PeriodError, UnitError, shown
from ktstats.lang.labels import Lang, word
from ktstats.lang.numbers import format_number, format_quantity
from ktstats.lang.periods import Span, parse_date
from ktstats.lang.units import conversion_factor, parse_unit, ureg

if TYPE_CHECKING:
    import pint

    from ktstats.analysis.projection import Backtest, Projection
    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries

__all__ = ["COLUMNS", "Dataset", "Observation", "load_dataset"]


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure from one document, with its provenance."""

    indicator: str
    region: str
    span: Span
    measure: str
    value: float
    unit: str
    qualifier: str = "exact"
    form: str = "level"
    relative_to: str = ""
    low: float | None = None
    high: float | None = None
    denominator: float | None = None
    document: str = ""
    document_date: pd.Timestamp | None = None
    quote: str = ""
    note: str = ""

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The value as a pint Quantity."""
        return ureg.Quantity(self.value, parse_unit(self.unit))

    def describe(self, lang: Lang = "vi") -> str:
        """The figure as a sentence fragment, as a report writes it.

        >>> from ktstats import load_dataset
        >>> obs = next(o for o in load_dataset("kon_tum") if o.relative_to == "plan")
        >>> obs.describe(), obs.describe("en")
        ('đạt 35,08% kế hoạch', '35.08% of the plan')
        """
        ref = word("reference", self.relative_to, lang)
        if self.form == "level":
            text = format_quantity(self.value, self.unit, self.qualifier, high=self.high, lang=lang)
            if self.denominator is None:
                return text
            return f"{text} ({format_number(self.value, lang=lang)}/{format_number(self.denominator, lang=lang)})"
        amount = format_quantity(abs(self.value), self.unit, self.qualifier, lang=lang)
        if self.form == "ratio":
            if self.unit == "times":  # "gấp 4,8 lần cùng kỳ năm trước": a multiple
                return f"gấp {amount} {ref}" if lang == "vi" else f"{amount} {ref}"
            verb = "đạt" if is_target_like(self.relative_to) else "bằng"
            return f"{verb} {amount} {ref}" if lang == "vi" else f"{amount} of {ref}"
        up = self.value >= 0
        if lang == "vi":
            verb = ("tăng" if up else "giảm") if self.form == "change" else ("thêm" if up else "giảm")
            tail = f" so với {ref}" if self.relative_to != "start_of_period" else ""
            return f"{verb} {amount}{tail}"
        return f"{'up' if up else 'down'} {amount} vs {ref}"


_ROW_KEY: Final = ("indicator", "region", "period_start", "period_end", "measure", "form", "relative_to")


class Dataset:
    """A validated, tidy table of observations (one row per stated figure).

    Build it from a file with :func:`load_dataset` or from a DataFrame with
    the columns in :data:`COLUMNS`. Every row is checked on construction; a
    bad row raises :class:`DataError` naming file, row and column.

    Examples
    --------
    >>> ds = load_dataset("kon_tum")
    >>> row = ds.filter(indicator="grdp_growth", measure="actual").to_frame().iloc[0]
    >>> (str(row.period_start), str(row.period_end), float(row.value), row.unit)
    ('2023-01', '2023-09', 6.87, 'percent')
    """

    __slots__ = ("__weakref__", "_frame", "_unattached", "name")

    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        name: str | None = None,
        file: str | None = None,
        check_quotes: bool = False,
        _validated: bool = False,
    ) -> None:
        self.name = name
        self._unattached: pd.DataFrame | Unattached = Unattached()
        self._frame = frame if _validated else validate(frame, file or name, check_quotes=check_quotes)

    @property
    def unattached(self) -> pd.DataFrame:
        """The numbers :func:`ktstats.extract` found but could not attach to an indicator, one row each with
        the reason (``value, unit, text, quote, reason``); empty for a dataset not read from a text."""
        if isinstance(self._unattached, Unattached):
            self._unattached = self._unattached.frame()  # built when first looked at: most callers never do
        return self._unattached

    @unattached.setter
    def unattached(self, numbers: pd.DataFrame | Unattached) -> None:
        self._unattached = numbers

    # --- access -------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """A copy of the table: one row per figure, typed columns."""
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def __iter__(self) -> Iterator[Observation]:
        return self.observations()

    def observations(self) -> Iterator[Observation]:
        """The rows as :class:`Observation` objects."""
        for rec in self._frame.to_dict("records"):
            den = rec["denominator"]
            yield Observation(
                indicator=rec["indicator"],
                region=rec["region"],
                span=Span(rec["period_start"], rec["period_end"]),
                measure=rec["measure"],
                value=rec["value"],
                unit=rec["unit"],
                qualifier=rec["qualifier"],
                form=rec["form"],
                relative_to=rec["relative_to"],
                low=rec["low"],
                high=rec["high"],
                denominator=None if den is pd.NA or pd.isna(den) else float(den),
                document=rec["document"],
                document_date=None if pd.isna(rec["document_date"]) else rec["document_date"],
                quote=rec["quote"],
                note=rec["note"],
            )

    @property
    def indicators(self) -> list[str]:
        """Indicator codes present, in catalog order."""
        present = set(self._frame["indicator"])
        return [c for c in by_code() if c in present]

    def resolve_region(
        self,
        region: str | None = None,
        *,
        indicator: str | None = None,
        measure: str = "actual",
        on: str | pd.Timestamp | None = None,
    ) -> str:
        """A region as the dataset writes it.

        A code the dataset holds is kept; a name as people write it resolves to its code ("Gia Lai", "Đắk
        Lắk", "TP HCM"), an unknown one raises naming close matches. A name that meant different units over
        time ("Quảng Ngãi" before and after 1/7/2025) is the one the dataset holds, or with both, the one that
        exists ``on`` that date; a province that no longer exists on ``on`` (and is not in the dataset) raises
        naming its successor. ``None`` is the dataset's only region for ``indicator`` (and ``measure``); with
        several, it raises and lists them — there is no default region.

        >>> ds = load_dataset("tay_nguyen")
        >>> ds.resolve_region("Gia Lai"), load_dataset("kon_tum").resolve_region(indicator="grdp_growth")
        ('gia_lai', 'kon_tum')
        """
        if region is None:
            if indicator is None:
                raise DataError("name a region, or give indicator= to use the dataset's only region for it")
            have = sorted(set(self.filter(indicator=indicator, measure=measure)._frame["region"]))
            if len(have) == 1:
                return str(have[0])
            if not have:
                raise DataError(f"no {measure} levels of {indicator!r} in this dataset")
            raise DataError(
                f"{indicator!r} has {measure} figures for {len(have)} regions ({', '.join(have[:8])}); "
                "name one with region="
            )
        if not isinstance(region, str):
            raise DataError(f"a region is a name or code, got {region!r}")
        held = set(self._frame["region"])
        if region in held:
            return region
        from ktstats.catalog.regions import matching
        from ktstats.catalog.regions import region as find_region

        candidates = [r for r in matching(region) if r.code in held]
        if len(candidates) == 1:
            return candidates[0].code
        if on is None:
            return find_region(region).code
        when = parse_date(on, argument="on")
        valid = [r for r in candidates if r.valid_on(when)]
        return valid[0].code if valid else find_region(region, on=when).code

    def filter(
        self,
        *,
        indicator: str | None = None,
        region: str | None = None,
        measure: str | None = None,
        form: str | None = None,
        relative_to: str | None = None,
        document: str | None = None,
        as_of: str | pd.Timestamp | None = None,
    ) -> Dataset:
        """Rows matching every given criterion. ``document`` keeps the figures of
        one source document; ``as_of`` keeps only figures from documents dated
        on or before that day (what was known then).

        >>> len(load_dataset("kon_tum").filter(document="004_7e9a290f5ed7f930.txt"))
        27
        """
        f = self._frame
        mask = np.ones(len(f), dtype=bool)
        if region is not None:
            region = self.resolve_region(region)
        for col, val in (
            ("indicator", indicator),
            ("region", region),
            ("measure", measure),
            ("form", form),
            ("relative_to", relative_to),
            ("document", document),
        ):
            if val is not None:
                mask &= (f[col] == val).to_numpy()
        if as_of is not None:
            mask &= (f["document_date"] <= parse_date(as_of, argument="as_of")).to_numpy()
        return Dataset(f[mask].reset_index(drop=True), name=self.name, _validated=True)

    def combine(self, *others: Dataset, name: str | None = None) -> Dataset:
        """This dataset's figures and the others' in one (each row keeps its document); a row stated in
        two of them is refused like any duplicate. ``name`` defaults to the names joined by "+".

        >>> kt = load_dataset("kon_tum").combine(load_dataset("kon_tum_history"))
        >>> kt.name, len(kt) == len(load_dataset("kon_tum")) + len(load_dataset("kon_tum_history"))
        ('kon_tum+kon_tum_history', True)
        """
        for other in others:
            if not isinstance(other, Dataset):
                raise DataError(f"combine() takes Datasets, got {type(other).__name__}")
        frames = [self._frame, *(o._frame for o in others)]
        joined = pd.concat(frames, ignore_index=True)
        key = [*_ROW_KEY, "document", "quote"]
        twice = joined[joined.duplicated(key, keep=False)]
        if len(twice):
            first = twice.iloc[0]
            raise DataError(
                f"combine(): {len(twice)} rows are stated in two of the datasets, e.g. {first['indicator']} "
                f"{first['period_start']}–{first['period_end']} of {first['document']}"
            )
        label = name or "+".join(n for n in (self.name, *(o.name for o in others)) if n)
        return Dataset(joined, name=label, _validated=True)

    def latest(self, *, as_of: str | pd.Timestamp | None = None) -> Dataset:
        """One row per figure: where a figure was restated, the latest document wins.

        ``as_of`` first drops documents published after that day.
        """
        f = self.filter(as_of=as_of)._frame if as_of is not None else self._frame
        kept = latest_rows(f, _ROW_KEY)  # (documents no date orders, disagreeing: a DataError)
        return Dataset(kept.reset_index(drop=True), name=self.name, _validated=True)

    def series(
        self,
        indicator: str,
        region: str | None = None,
        measure: str = "actual",
        *,
        as_of: str | pd.Timestamp | None = None,
        freq: str | None = None,
        basis: str | None = None,
    ) -> IndicatorSeries:
        """The levels of one indicator for one region and measure as a typed series.

        ``region`` is a code or a name as people write it; it may be left out when the
        dataset holds the indicator for one region only.

        Restated figures resolve to the latest document (``as_of`` to go back in
        time). Frequency and basis follow the spans: quarterly year-to-date for
        "quý I", "9 tháng"; monthly points for stocks and rates. Where a dataset
        holds several kinds of span (quarters, year-to-date figures and whole
        years), choose with ``freq`` ("M", "Q", "Y") and ``basis`` ("period",
        "ytd").

        >>> s = load_dataset("kon_tum").series("grdp_growth")
        >>> s.basis, s.freq, s.to_pandas().round(2).tolist()
        ('ytd', 'Q', [6.05, 6.87, 6.45])
        >>> q = load_dataset("vn_gdp").series("gdp_growth", "viet_nam", freq="Q", basis="period")
        >>> str(q.index[-1]), float(q.values[-1])
        ('2024Q4', 7.55)
        """
        from ktstats.data.series import IndicatorSeries

        region = self.resolve_region(region, indicator=indicator, measure=measure)
        sub = self.filter(indicator=indicator, region=region, measure=measure, form="level")
        if freq is not None or basis is not None:
            sub = Dataset(
                sub._frame[span_mask(sub._frame, freq, basis)].reset_index(drop=True),
                name=self.name,
                _validated=True,
            )
        if len(sub) == 0:
            have = self.filter(indicator=indicator)._frame
            detail = (
                f"; it has {sorted(set(zip(have['region'], have['measure'], strict=True)))} as (region, measure)"
                if len(have)
                else ""
            )
            raise DataError(
                f"no {measure} levels of {indicator!r} for region {region!r} in this dataset{detail}"
            )
        sub = sub.latest(as_of=as_of)
        if len(sub) == 0:
            # (the day as a report writes it, not "2022-09-30 00:00:00")
            day = f"{pd.Timestamp(as_of):%d/%m/%Y}" if as_of is not None else "now"
            raise DataError(f"no {measure} levels of {indicator!r} for {region!r} were published by {day}")
        return IndicatorSeries._from_rows(sub._frame, indicator=indicator, region=region, measure=measure)

    def panel(
        self,
        indicator: str,
        regions: Sequence[str] | None = None,
        measure: str = "actual",
        *,
        as_of: str | pd.Timestamp | None = None,
        freq: str | None = None,
        basis: str | None = None,
        join: Literal["exact", "inner"] = "exact",
    ) -> Panel:
        """One indicator for many regions side by side (periods × regions).

        Each column is :meth:`series` for that region; all must share frequency
        and basis (choose with ``freq`` / ``basis``), and units are converted to
        the first region's unit (incompatible units raise :class:`UnitError`).
        ``regions`` defaults to every region with the indicator (after the
        ``freq`` / ``basis`` choice). Regions must cover the same periods: with
        ``join="exact"`` (the default) a gap raises :class:`PeriodError` naming
        the region and the periods it lacks; ``join="inner"`` keeps the periods
        every region has.

        >>> p = load_dataset("tay_nguyen").panel("grdp_growth", freq="Q", basis="ytd", join="inner")
        >>> float(p.to_frame().loc["2023Q2", "kon_tum"]), p.shape
        (6.8, (1, 5))
        """
        from ktstats.data.panel import Panel

        if join not in ("exact", "inner"):
            raise DataError(f"join must be 'exact' or 'inner', not {join!r}")
        if regions is not None:
            # names as written ("Gia Lai", "Đắk Lắk") resolve to the dataset's codes
            regions = [self.resolve_region(r) for r in ([regions] if isinstance(regions, str) else regions)]
        else:
            have = self.filter(indicator=indicator, measure=measure, form="level")._frame
            if freq is not None or basis is not None:
                have = have[span_mask(have, freq, basis)]
            regions = sorted(set(have["region"]))
            if not regions:
                raise DataError(f"no {measure} levels of {indicator!r} in this dataset")
        columns = [self.series(indicator, r, measure, as_of=as_of, freq=freq, basis=basis) for r in regions]
        first = columns[0]
        for r, s in zip(regions, columns, strict=True):
            if (s.freq, s.basis) != (first.freq, first.basis):
                raise PeriodError(
                    f"{indicator}: {regions[0]} is {first.freq}/{first.basis} but {r} is {s.freq}/{s.basis}; "
                    "choose freq= and basis= so every region has the same kind of period"
                )
            if s.kind != first.kind:
                raise UnitError(f"{indicator}: {regions[0]} is a {first.kind} but {r} is a {s.kind}")
        frame = pd.concat(
            [s.to_pandas() * conversion_factor(s.unit, first.unit) for s in columns], axis=1, sort=True
        )
        frame.columns = pd.Index(list(regions))
        gaps = frame.isna()
        if gaps.to_numpy().any():
            if join == "exact":
                detail = "; ".join(
                    f"{r} lacks {', '.join(str(p) for p in frame.index[gaps[r]])}"
                    for r in regions
                    if gaps[r].any()
                )
                raise PeriodError(
                    f"{indicator}: the regions do not cover the same periods ({detail}); "
                    "pass join='inner' to keep the periods all have, or choose regions="
                )
            frame = frame[~gaps.any(axis=1)]
            if frame.empty:
                raise PeriodError(f"{indicator}: the regions {list(regions)} have no period in common")
        docs = [d for s in columns if s.provenance is not None for d in s.provenance["document"]]
        return Panel(
            frame.to_numpy(dtype="float64"),
            pd.PeriodIndex(frame.index),
            list(regions),
            unit=first.unit,
            kind=first.kind,
            basis=first.basis,
            indicator=indicator,
            measure=measure,
            documents=docs,
        )

    def attainment(self) -> pd.DataFrame:
        """One row per stated target or plan, with the latest comparable actual.

        ``status`` is ``met`` / ``not met`` when the actual covers the target's
        span, ``in progress`` when it covers only the start of it (a first
        quarter against an annual target: ``ratio`` is the share done,
        ``required`` what remains), and ``no comparable actual`` otherwise.

        >>> t = load_dataset("kon_tum").attainment()
        >>> row = t[(t.indicator == "state_budget_revenue") & (t.target_period == "năm 2024")].iloc[0]
        >>> row.status, round(float(row.ratio), 3), float(row.required)
        ('in progress', 0.184, 3670.0)
        """
        from ktstats.analysis.attainment import dataset_attainment

        return dataset_attainment(self._frame)

    def audit(self) -> pd.DataFrame:
        """:func:`ktstats.audit` of this dataset."""
        from ktstats.analysis.audit import audit

        return audit(self)

    def project(
        self,
        indicator: str,
        target: Any = None,
        *,
        region: str | None = None,
        year: int | None = None,
        as_of: str | pd.Timestamp | None = None,
        method: str = "auto",
        level: float = 0.8,
        reference: Dataset | str | Sequence[Dataset | str] | None = None,
    ) -> Projection:
        """Will ``indicator`` meet its target this year? (see :func:`ktstats.analysis.projection.project_indicator`).

        ``target=None`` uses the dataset's own whole-year target for the region and ``year`` (by default its
        one target year); ``as_of`` projects from what was published by that day only — figures (estimates
        until restated), weights, method choice and target. ``reference`` (a Dataset or a bundled name such
        as ``"vn_gdp"``, or several) lends the country's growth series — quarter weights, method and real-time
        errors — to a region that publishes only its year to date, and a flow known only by its year-to-date
        total its path through the year (``"vn_disbursement"``: the country's shares of the plan by month).

        >>> p = load_dataset("vn_gdp").project("gdp_growth", year=2023, as_of="2023-10-15")
        >>> p.status, p.periods_done
        ('off_track', 3)
        >>> kt = load_dataset("kon_tum").combine(load_dataset("kon_tum_history"))
        >>> p = kt.project("public_investment_disbursement", "2.434,977 tỷ đồng", year=2025,
        ...                as_of="2025-05-31", reference="vn_disbursement")
        >>> p.method, round(p.ytd, 1), p.status
        ('same_period_pace', 433.6, 'at_risk')
        """
        from ktstats.analysis.projection import project_indicator

        return project_indicator(
            self,
            indicator,
            target,
            region=region,
            year=year,
            as_of=as_of,
            method=method,
            level=level,
            reference=reference,
        )

    def projections(
        self,
        *,
        year: int | None = None,
        as_of: str | pd.Timestamp | None = None,
        regions: Sequence[str] | str | None = None,
        reference: Dataset | str | Sequence[Dataset | str] | None = None,
        document: str | None = None,
    ) -> pd.DataFrame:
        """One projection per region and whole-year target (a restated target is one row naming its
        documents): region, indicator, year, target, point, low, high, probability, status, method,
        reason. Provinces merged during the year are projected as their unit, against the unit's
        target (see :meth:`unit_targets`); ``reference`` as in :meth:`project`; ``document`` keeps the
        targets of one document.

        >>> p = load_dataset("vn_provinces").projections(year=2025, as_of="2025-10-31", reference="vn_gdp")
        >>> p.set_index("region").loc["lao_cai_2025", "target"]
        'tăng trưởng 9% (Lào Cai tăng trưởng 9,5%; Yên Bái tăng trưởng 8,2%)'
        """
        from ktstats.analysis.projection import dataset_projections

        return dataset_projections(
            self, year=year, as_of=as_of, regions=regions, reference=reference, document=document
        )

    def unit_targets(
        self,
        indicator: str = "grdp_growth",
        year: int = 2025,
        *,
        as_of: str | pd.Timestamp | None = None,
        weights: str | Mapping[str, float] = "grdp_current",
    ) -> pd.DataFrame:
        """The targets of the units valid at the end of ``year`` beside their provinces' targets: the
        unit's own, or the provinces' targets weighted by their ``weights`` (GRDP at current prices)
        of the year before; a unit lacking a province's target or weight says which.

        >>> t = load_dataset("vn_provinces").unit_targets("grdp_growth", 2025, as_of="2025-10-31").set_index("unit")
        >>> row = t.loc["lao_cai_2025"]
        >>> row["status"], float(row["target_value"]), row["constituent_targets"]
        ('weighted', 9.0, 'Lào Cai tăng trưởng 9,5%; Yên Bái tăng trưởng 8,2%')
        """
        from ktstats.analysis.projection import unit_targets

        return unit_targets(self, indicator, year, as_of=as_of, weights=weights)

    def backtest(
        self,
        indicator: str,
        *,
        region: str | None = None,
        cutoff_month: int = 9,
        methods: Sequence[str] | None = None,
        level: float = 0.8,
        reference: Dataset | str | Sequence[Dataset | str] | None = None,
    ) -> Backtest:
        """The real-time backtest of ``indicator``: every past year projected as of its cutoff date
        from what was published then; ``.to_frame()`` and ``.summary()``. ``reference`` (a flow's): the
        country's path through the year, as :meth:`project` takes it."""
        from ktstats.analysis.projection import dataset_backtest

        return dataset_backtest(
            self,
            indicator,
            region=region,
            cutoff_month=cutoff_month,
            methods=methods,
            level=level,
            reference=reference,
        )

    # --- files (see ktstats.data.io) ---------------------------------------------------
    def to_csv(self, path: str | Path) -> None:
        """Write as CSV (the table of ``datasets/``; see also :func:`ktstats.write`)."""
        write_table(file_table(self.to_frame()), path, DATASET_NUMERIC, format="csv")

    def to_parquet(self, path: str | Path) -> None:
        """Write as Parquet (needs pyarrow)."""
        write_table(file_table(self.to_frame()), path, DATASET_NUMERIC, format="parquet")

    def to_excel(self, path: str | Path) -> None:
        """Write as an Excel workbook (one sheet, text never becomes a formula)."""
        write_table(file_table(self.to_frame()), path, DATASET_NUMERIC, format="excel")

    @classmethod
    def read(
        cls,
        path: str | Path,
        *,
        format: str | None = None,
        number_style: Literal["plain", "vi"] | None = None,
        sheet: str | None = None,
        max_rows: int | None = None,
        max_cell_chars: int | None = None,
    ) -> Dataset:
        """Read a dataset file written by ktstats, a colleague or Excel (format from the extension).

        ``number_style``: ``"plain"`` (1326.4; the default for CSV and Parquet) or ``"vi"``
        (1.326,4; the default for text cells in Excel). Every row is validated; errors name
        file, row and column. ``max_rows`` and ``max_cell_chars`` cap what is read (defaults
        :data:`ktstats.data.tables.MAX_ROWS` and :data:`~ktstats.data.tables.MAX_CELL_CHARS`); a
        file past them raises :class:`DataError` before it is read whole.
        """
        p = Path(path)
        table = read_dataset_table(
            p,
            format=format,
            number_style=number_style,
            sheet=sheet,
            max_rows=max_rows,
            max_cell_chars=max_cell_chars,
        )
        return cls(table, name=p.stem, file=p.name)

    @classmethod
    def read_csv(cls, path: str | Path, *, number_style: Literal["plain", "vi"] = "plain") -> Dataset:
        """Read a CSV dataset (``number_style="vi"`` for 1.326,4)."""
        return cls.read(path, format="csv", number_style=number_style)

    @classmethod
    def read_parquet(cls, path: str | Path) -> Dataset:
        """Read a Parquet dataset."""
        return cls.read(path, format="parquet")

    @classmethod
    def read_excel(cls, path: str | Path, *, sheet: str | None = None) -> Dataset:
        """Read an Excel dataset (numbers typed as Vietnamese text are read as such)."""
        return cls.read(path, format="excel", sheet=sheet)

    # --- display ------------------------------------------------------------
    def __repr__(self) -> str:
        f = self._frame
        return (
            f"<Dataset {self.name or ''}: {len(f)} observations, {f['indicator'].nunique()} indicators, "
            f"{f['document'].nunique()} documents>"
        )

    def _repr_html_(self) -> str:
        cols = [c for c in COLUMNS if c not in ("low", "high", "denominator", "quote", "note")]
        return f"<p>{self!r}</p>" + self._frame[cols].to_html(max_rows=40)


def load_dataset(name: str | os.PathLike[str]) -> Dataset:
    """Load a bundled dataset by name ("kon_tum" or "kon-tum") or a CSV path (str or Path).

    The bundled names are the fixed list :func:`ktstats.catalog.bundled.bundled_datasets`; anything else is a
    path to a file of yours. Bundled datasets are checked in full: every quote must be found in its source
    document and every value in its quote.

    >>> len(load_dataset("kon-tum")) > 70
    True
    """
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if not isinstance(name, str):
        raise DataError(f"expected a dataset name or a path, got {type(name).__name__} {shown(name)}")
    path = bundled_dataset(name)
    if path is not None:
        table = read_dataset_table(path, format="csv")
        return Dataset(table, name=path.stem, file=path.name, check_quotes=True)
    path = Path(name)
    # os.path.lexists is False for a name too long for a file name, or with a NUL in it, too
    if not name.strip() or not os.path.lexists(name):
        raise DataError(
            f"no dataset {shown(name)}: not a bundled dataset ({', '.join(bundled_datasets())}) "
            "and no such file"
        )
    check_file(path)  # a directory, a device or a file that cannot be opened is said so
    table = read_dataset_table(path, format="csv")
    return Dataset(table, name=path.stem, file=path.name, check_quotes=False)
