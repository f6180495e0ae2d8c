"""Many series of one indicator side by side (columns: regions or keys), and re-aggregation
across the 2025 provincial merger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ktstats.data.series import IndicatorSeries
from ktstats.data.typed import TypedSeries, float_array
from ktstats.errors import DataError, PeriodError, UnitError
from ktstats.lang.periods import parse_date
from ktstats.lang.units import unit_to_str

if TYPE_CHECKING:
    import pint

__all__ = ["Panel"]


class Panel(TypedSeries):
    """Many series of one indicator side by side (columns: regions or keys).

    >>> idx = pd.period_range("2024Q1", "2024Q4", freq="Q")
    >>> p = Panel(np.ones((4, 2)), idx, ["kon_tum", "gia_lai"], unit="tỷ đồng", kind="flow")
    >>> p.to_ytd().to_frame()["gia_lai"].tolist()
    [1.0, 2.0, 3.0, 4.0]
    """

    __slots__ = ("columns", "documents")

    columns: pd.Index
    documents: tuple[str, ...]

    def __init__(
        self,
        values: np.ndarray,
        index: pd.Index | Sequence[Any],
        columns: Sequence[str] | pd.Index,
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str = "period",
        indicator: str | None = None,
        measure: str = "actual",
        documents: Sequence[str] = (),
    ) -> None:
        where = f"panel {indicator or ''}".strip()
        arr = float_array(values, where, 2)
        cols = pd.Index(columns)
        if len(cols) != arr.shape[1]:
            raise DataError(f"{where}: {arr.shape[1]} columns of values for {len(cols)} names")
        if not cols.is_unique:
            raise DataError(f"{where}: duplicated column names {list(cols[cols.duplicated()][:5])}")
        self._init_common(arr, index, unit, basis, kind, indicator, measure, where)
        self.columns = cols
        self.documents = tuple(dict.fromkeys(documents))

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        unit: str | pint.Unit,
        kind: str,
        basis: str = "period",
        indicator: str | None = None,
        measure: str = "actual",
    ) -> Panel:
        """Wrap a wide DataFrame (PeriodIndex rows, one column per region)."""
        return cls(
            frame,  # type: ignore[arg-type]
            frame.index,
            frame.columns,
            unit=unit,
            kind=kind,
            basis=basis,
            indicator=indicator,
            measure=measure,
        )

    def _combines_with(self, other: TypedSeries) -> bool:
        return isinstance(other, (Panel, IndicatorSeries))

    def _column_names(self) -> list[str]:
        return [str(c) for c in self.columns]

    @classmethod
    def _from_file_frame(cls, frame: pd.DataFrame, name: str) -> Panel:
        meta = frame.iloc[0]
        # pivot, not pivot_table: duplicates were rejected when reading and nothing may be aggregated
        wide = frame.pivot(index="period", columns="region", values="value")  # noqa: PD010
        mask = wide.isna().to_numpy()
        if mask.any():
            rows, cols = np.nonzero(mask)
            holes = [(wide.index[r], wide.columns[c]) for r, c in zip(rows[:5], cols[:5], strict=True)]
            raise DataError(
                f"the panel has holes: no value for {', '.join(f'{r} {p}' for p, r in holes)}; "
                "every region needs every period",
                file=name,
                column="value",
            )
        regions = list(dict.fromkeys(frame["region"]))
        wide = wide[regions].sort_index()
        return cls(
            wide.to_numpy(dtype="float64"),
            pd.PeriodIndex(wide.index, freq=str(meta["freq"])),
            regions,
            unit=str(meta["unit"]),
            kind=str(meta["kind"]),
            basis=str(meta["basis"]),
            indicator=str(meta["indicator"]) or None,
            measure=str(meta["measure"]),
        )

    def to_frame(self) -> pd.DataFrame:
        """The panel as a wide float64 DataFrame."""
        f = pd.DataFrame(self._values.copy(), index=self._index.copy(), columns=self.columns.copy())
        f.attrs.update({"unit": unit_to_str(self.unit), "basis": self.basis, "kind": self.kind})
        return f

    def __getitem__(self, column: str) -> IndicatorSeries:
        try:
            j = self.columns.get_loc(column)
        except KeyError:
            raise DataError(f"panel has no column {column!r}") from None
        return IndicatorSeries(
            self._values[:, j],
            self._index,
            unit=self.unit,
            kind=self.kind,
            basis=self.basis,
            indicator=self.indicator,
            region=str(column),
            measure=self.measure,
        )

    def to_regions(self) -> Panel:
        """Sum flows of the 63 pre-2025 provinces into their socio-economic regions (Tây Nguyên, …).

        Every province of a region must be in the panel (a partial total is refused,
        naming the missing ones); rates, growth rates and indexes refuse, as in
        :meth:`to_boundaries`.

        >>> idx = pd.period_range("2023", periods=1, freq="Y")
        >>> p = Panel([[1.0, 2.0, 3.0, 4.0, 5.0]], idx, ["kon_tum", "gia_lai", "dak_lak", "dak_nong", "lam_dong"],
        ...           unit="tỷ đồng", kind="flow")
        >>> p.to_regions().to_frame().to_dict("list")
        {'Tây Nguyên': [15.0]}
        """
        from ktstats.catalog.regions import region, regions

        self._refuse_sums()
        table = regions(on="2025-06-30")
        members: dict[str, list[str]] = {}
        for code, reg in zip(table["code"], table["region_vi"], strict=True):
            members.setdefault(str(reg), []).append(str(code))
        mapping = {}
        for col in self.columns:
            r = region(str(col), on="2025-06-30")
            if not r.region_vi:
                raise DataError(f"{self._label()}: {r.name_vi} has no socio-economic region")
            mapping[str(col)] = r.region_vi
        present = {region(str(c), on="2025-06-30").code for c in self.columns}
        return self._sum_into(mapping, members, present)

    def _refuse_sums(self) -> None:
        if self.kind != "flow":
            raise UnitError(
                f"{self._label()} is a {self.kind}: it cannot be summed over provinces; combine rates or "
                "growth rates with weights (e.g. compose_growth with each province's base level)"
            )

    def to_boundaries(self, on: str = "2025-07-01", *, weights: Any = None) -> Panel:
        """Re-aggregate a panel from the 63 old provinces to the units valid on ``on``.

        Columns are region codes or names; each is mapped to the unit it belongs to on that date
        (Resolution 202/2025/QH15). Flows are summed. Rates, growth rates and indexes need
        ``weights`` — the parts' levels in the base period (for growth: a year earlier, at constant
        prices if there are any; for a target: the base year's GRDP) — as a Panel of levels with the
        same columns (one period, or the panel's periods) or a mapping region → weight: the unit's
        value is ``Σ wᵢ·vᵢ / Σ wᵢ``, because the growth of a sum is the level-weighted growth of its
        parts. A unit whose provinces or weights are not all present refuses, naming them: a partial
        total or a partial average is a wrong number.

        >>> idx = pd.period_range("2024", periods=1, freq="Y")
        >>> p = Panel([[830.0, 5000.0]], idx, ["kon_tum", "quang_ngai"], unit="tỷ đồng", kind="flow")
        >>> p.to_boundaries().to_frame().to_dict("list")
        {'quang_ngai_2025': [5830.0]}
        >>> g = Panel([[12.5, 10.2]], pd.period_range("2025", periods=1, freq="Y"), ["hai_phong", "hai_duong"],
        ...           unit="%", kind="growth")
        >>> round(float(g.to_boundaries(weights={"hai_phong": 3.0, "hai_duong": 1.0}).to_frame().iloc[0, 0]), 3)
        11.925
        """
        from ktstats.catalog.regions import region, successor_map

        date = parse_date(on, argument="on")
        if self.kind == "flow" and weights is not None:
            raise DataError(f"{self._label()} is a flow: flows are summed, weights apply to rates and growth")
        if self.kind == "rank":
            raise UnitError(f"{self._label()} is a rank: ranks do not aggregate over provinces")
        if self.kind != "flow" and weights is None:
            self._refuse_sums()
        mapping = {}
        for col in self.columns:
            old = region(str(col))
            target = old
            while not target.valid_on(date) and target.successor:
                target = region(target.successor)
            if not target.valid_on(date):
                raise DataError(f"{old.name_vi} has no successor valid on {on}")
            mapping[str(col)] = target.code
        predecessors: dict[str, list[str]] = {}
        for old_code, new_code in successor_map().items():
            predecessors.setdefault(new_code, []).append(old_code)
        present = {region(str(c)).code for c in self.columns}
        if weights is None:
            return self._sum_into(mapping, predecessors, present)
        self._check_members(mapping, predecessors, present)
        return self._weighted_into(mapping, self._weights(weights))

    def _weights(self, weights: Any) -> np.ndarray:
        """The weights as an array periods × columns (positive, finite, one per column)."""
        from collections.abc import Mapping

        from ktstats.catalog.regions import region

        cols = [str(c) for c in self.columns]
        if isinstance(weights, Panel):
            have = {region(str(c)).code: j for j, c in enumerate(weights.columns)}
            missing = [c for c in cols if region(c).code not in have]
            if missing:
                raise DataError(f"{self._label()}: no weight for {', '.join(missing)}")
            if weights.kind in ("rate", "growth", "index", "rank"):
                raise UnitError(f"weights are levels (GRDP, population), not a {weights.kind}")
            w = np.asarray(weights.values)[:, [have[region(c).code] for c in cols]]
            if w.shape[0] == 1:
                w = np.repeat(w, len(self), axis=0)
            elif not weights.index.equals(self._index):
                raise PeriodError(
                    f"{self._label()}: the weights cover {weights.index[0]}…{weights.index[-1]}, the panel "
                    f"{self._index[0]}…{self._index[-1]}; give one period of weights or the same periods"
                )
        elif isinstance(weights, Mapping):
            by_code = {region(str(k)).code: v for k, v in weights.items()}
            missing = [c for c in cols if region(c).code not in by_code]
            if missing:
                raise DataError(f"{self._label()}: no weight for {', '.join(missing)}")
            row = np.array([float(by_code[region(c).code]) for c in cols])
            w = np.repeat(row[None, :], len(self), axis=0)
        else:
            raise DataError(
                f"weights are a Panel of levels or a mapping region → level, not {type(weights).__name__}"
            )
        if not np.isfinite(w).all() or (w <= 0).any():
            raise DataError(f"{self._label()}: weights must be positive finite levels")
        return w

    def _check_members(
        self, mapping: dict[str, str], members: dict[str, list[str]], present: set[str]
    ) -> None:
        for target in dict.fromkeys(mapping.values()):
            missing = sorted(c for c in members.get(target, []) if c not in present)
            if missing:
                raise DataError(
                    f"{self._label()}: {target} is formed from {', '.join(sorted(members[target]))}; "
                    f"the panel lacks {', '.join(missing)}, so its value would be partial"
                )

    def _weighted_into(self, mapping: dict[str, str], w: np.ndarray) -> Panel:
        from ktstats.catalog.regions import aggregate_to

        cols = [str(c) for c in self.columns]
        num, targets = aggregate_to(np.asarray(self._values) * w, cols, mapping)
        den, _ = aggregate_to(w, cols, mapping)
        return self._regrouped(num / den, targets)

    def _regrouped(self, values: np.ndarray, columns: list[str]) -> Panel:
        """The same indicator, unit, kind and sources on new columns (after re-aggregation)."""
        return Panel(
            values,
            self._index,
            columns,
            unit=self.unit,
            kind=self.kind,
            basis=self.basis,
            indicator=self.indicator,
            measure=self.measure,
            documents=self.documents,
        )

    def _sum_into(self, mapping: dict[str, str], members: dict[str, list[str]], present: set[str]) -> Panel:
        """Sum columns into ``mapping``'s targets; a target whose ``members`` are not all ``present`` refuses."""
        from ktstats.catalog.regions import aggregate_to

        self._check_members(mapping, members, present)
        values, cols = aggregate_to(np.asarray(self._values), [str(c) for c in self.columns], mapping)
        return self._regrouped(values, cols)

    def _label(self) -> str:
        return self.indicator or "panel"

    @property
    def shape(self) -> tuple[int, int]:
        """(periods, columns)."""
        return (int(self._values.shape[0]), int(self._values.shape[1]))

    def __repr__(self) -> str:
        return f"<Panel {self.indicator or ''} {self.shape[0]} periods × {self.shape[1]} columns · {self._header()}>"
