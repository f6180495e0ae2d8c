"""``Series.kt`` and ``DataFrame.kt``: ktstats from plain pandas objects.

Registered when ktstats is imported. A Series made by
:meth:`IndicatorSeries.to_pandas` carries its unit, kind and basis in
``attrs``, so ``s.kt.yoy()`` needs no arguments; any other Series states them
(``s.kt.yoy(unit="tỷ đồng", kind="flow")``). The results are pandas again, with
the metadata in ``attrs``, so notebooks can stay in pandas while every
calculation goes through the checked ktstats path (missing periods, units,
year-to-date bases).

>>> import pandas as pd, ktstats
>>> s = pd.Series([100.0, 110.0], index=pd.PeriodIndex(["2023", "2024"], freq="Y"))
>>> s.kt.yoy(unit="tỷ đồng", kind="flow").round(2).tolist()
[10.0]
>>> df = ktstats.load_dataset("kon_tum").to_frame()
>>> df.kt.series("grdp_growth").to_pandas().tolist()
[6.05, 6.87, 6.45]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ktstats.errors import DataError, PeriodError

if TYPE_CHECKING:
    from ktstats.data.dataset import Dataset
    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries

__all__ = ["DataFrameAccessor", "SeriesAccessor"]

_META = ("unit", "kind", "basis", "indicator", "region", "measure")


@pd.api.extensions.register_series_accessor("kt")
class SeriesAccessor:
    """ktstats calculations on a pandas Series with a PeriodIndex."""

    def __init__(self, obj: pd.Series) -> None:
        self._obj = obj

    def series(self, **meta: Any) -> IndicatorSeries:
        """The Series as an :class:`IndicatorSeries`; ``unit``/``kind``/``basis`` from ``attrs`` unless given."""
        from ktstats.data.series import IndicatorSeries

        known = {k: v for k, v in self._obj.attrs.items() if k in _META and v is not None}
        known.update({k: v for k, v in meta.items() if v is not None})
        unknown = set(meta) - set(_META)
        if unknown:
            raise DataError(f"unknown keyword(s) {sorted(unknown)}; expected some of {list(_META)}")
        missing = [k for k in ("unit", "kind") if k not in known]
        if missing:
            raise DataError(
                f"series {self._obj.name!r} has no {' or '.join(missing)}: pass them, e.g. "
                "s.kt.yoy(unit='tỷ đồng', kind='flow'), or build it with IndicatorSeries.to_pandas()"
            )
        if not isinstance(self._obj.index, pd.PeriodIndex):
            raise DataError(
                f"series {self._obj.name!r} needs a PeriodIndex (e.g. pd.PeriodIndex(['2024Q1'], freq='Q')), "
                f"not {type(self._obj.index).__name__}"
            )
        return IndicatorSeries.from_pandas(self._obj, **known)

    def _run(self, method: str, *args: Any, **meta: Any) -> pd.Series:
        out = getattr(self.series(**meta), method)(*args)
        return out.to_pandas()  # type: ignore[no-any-return]

    def yoy(self, **meta: Any) -> pd.Series:
        """Growth against the same period a year earlier, in percent (see :meth:`IndicatorSeries.yoy`)."""
        return self._run("yoy", **meta)

    def yoy_index(self, **meta: Any) -> pd.Series:
        """The same as an index, same period last year = 100 ("bằng 111,7%")."""
        return self._run("yoy_index", **meta)

    def pp_change(self, lag: int | None = None, **meta: Any) -> pd.Series:
        """Change of a rate in percentage points."""
        return self._run("pp_change", lag, **meta)

    def to_ytd(self, **meta: Any) -> pd.Series:
        """Period figures cumulated from the start of each year."""
        return self._run("to_ytd", **meta)

    def to_period_basis(self, **meta: Any) -> pd.Series:
        """Year-to-date figures differenced back to single periods."""
        return self._run("to_period_basis", **meta)

    def to(self, target: str, /, **meta: Any) -> pd.Series:
        """The same figures in another unit ("nghìn tỷ đồng" → "tỷ đồng")."""
        return self._run("to", target, **meta)


@pd.api.extensions.register_dataframe_accessor("kt")
class DataFrameAccessor:
    """ktstats on a DataFrame: a long table of figures (the dataset columns) or a wide panel."""

    def __init__(self, obj: pd.DataFrame) -> None:
        self._obj = obj

    def dataset(self, name: str | None = None) -> Dataset:
        """Validate the long table as a :class:`Dataset` (every row checked)."""
        from ktstats.data.dataset import Dataset

        return Dataset(self._obj, name=name or self._obj.attrs.get("dataset"))

    def series(
        self, indicator: str, region: str | None = None, measure: str = "actual", **kw: Any
    ) -> IndicatorSeries:
        """:meth:`Dataset.series` on the long table."""
        return self.dataset().series(indicator, region, measure, **kw)

    def panel(self, indicator: str | None = None, **kw: Any) -> Panel:
        """A :class:`Panel`: from the long table (``indicator`` given, see :meth:`Dataset.panel`)
        or from a wide frame (PeriodIndex rows, one column per region; ``unit=``, ``kind=``, and
        optionally ``basis=``, ``indicator=``, ``measure=``).

        A wide frame's column names must be regions, by code or by name as people write them
        ("Gia Lai", "Kontum", "TPHCM"); they become region codes. An unknown name raises
        :class:`DataError` with the nearest region ("did you mean"); pass ``regions=False`` for
        columns that are not regions.

        >>> import pandas as pd, ktstats
        >>> wide = pd.DataFrame({"Kon Tum": [1.0], "Gia Lai": [2.0]}, index=pd.PeriodIndex(["2024"], freq="Y"))
        >>> list(wide.kt.panel(unit="tỷ đồng", kind="flow").columns)
        ['kon_tum', 'gia_lai']
        """
        from ktstats.data.panel import Panel

        check_regions = kw.pop("regions", True)
        if indicator is not None and _is_long(self._obj):
            return self.dataset().panel(indicator, **kw)
        meta = {k: v for k, v in self._obj.attrs.items() if k in _PANEL_META and v is not None}
        meta.update({k: v for k, v in kw.items() if v is not None})
        if indicator is not None:
            meta["indicator"] = indicator
        unknown = sorted(set(meta) - set(_PANEL_META))
        if unknown:
            raise DataError(
                f"unknown keyword(s) {unknown} for a wide frame; expected some of {list(_PANEL_META)}"
            )
        missing = [k for k in ("unit", "kind") if k not in meta]
        if missing:
            raise DataError(
                f"a wide frame (one column per region) needs {' and '.join(missing)}, e.g. "
                "df.kt.panel(unit='tỷ đồng', kind='flow', basis='period'); a long table of figures needs "
                "the dataset columns (indicator, region, period_start, …)"
            )
        index = self._obj.index
        if not isinstance(index, pd.PeriodIndex):
            from ktstats.data.typed import as_period_index

            fix = "give the frame a PeriodIndex, e.g. df.index = pd.PeriodIndex(['2023', '2024'], freq='Y')"
            if not isinstance(index, pd.DatetimeIndex) and not all(isinstance(x, str) for x in index):
                raise PeriodError(
                    f"a wide frame needs periods as its index, not {type(index).__name__}; {fix}"
                )
            try:
                index = as_period_index(index, "the wide frame's index")  # period labels or timestamps
            except PeriodError as exc:
                raise PeriodError(f"{exc}; {fix}") from None
        frame = self._obj.set_axis(index, axis=0)
        if check_regions:
            frame = frame.set_axis(_region_codes(frame.columns), axis=1)
        return Panel.from_frame(frame, **meta)


_PANEL_META = ("unit", "kind", "basis", "indicator", "measure")
_LONG = ("indicator", "region", "period_start", "period_end", "value")


def _is_long(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` is a long table of figures (the dataset columns), not a wide panel."""
    return any(c in frame.columns for c in _LONG)


def _region_codes(columns: pd.Index) -> list[str]:
    """The region code of every column name; unknown names raise one DataError naming them all."""
    from ktstats.catalog.regions import region

    codes: list[str] = []
    problems: list[str] = []
    for col in columns:
        try:
            codes.append(region(str(col)).code)
        except DataError as exc:
            problems.append(str(exc))
    if problems:
        raise DataError(
            f"the wide frame's columns must be regions (codes or names): {'; '.join(problems)}; "
            "rename the columns, or pass regions=False for columns that are not regions"
        )
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise DataError(f"several columns name the same region: {', '.join(duplicated)}")
    return codes
