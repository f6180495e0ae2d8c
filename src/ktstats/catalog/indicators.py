"""The indicator catalog: what each indicator is and what may be done with it.

``datasets/indicators.csv`` lists every indicator with its Vietnamese and
English name, its unit, its **kind** and which direction is **better**:

==========  ==================================================  =================
kind        meaning                                             over time
==========  ==================================================  =================
flow        an amount during a period (revenue, visits, ha)     sums
stock       a level at a point in time (an amount)              last value
count       how many distinct things exist at a point           last value
rate        a share in percent (poverty rate)                   never sums
growth      percent change vs the same period a year earlier    never sums
index       percent of a base (bằng 111,7%)                     never sums
rank        a position in a ranking (1 = first)                 never sums
==========  ==================================================  =================

``better`` is ``higher``, ``lower`` (poverty rate, crimes) or ``neutral``
(figures that describe work done rather than a goal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import pandas as pd

from ktstats.catalog.bundled import data_dir
from ktstats.errors import DataError, UnitError
from ktstats.lang.text import did_you_mean
from ktstats.lang.units import parse_unit

__all__ = ["KINDS", "Indicator", "indicator", "indicators"]

KINDS: Final = ("flow", "stock", "count", "rate", "growth", "index", "rank")
BETTER: Final = ("higher", "lower", "neutral")
PRICE_BASES: Final = ("current", "constant_2010", "")
#: kinds whose values may be added over time (and converted ytd <-> period)
ADDITIVE_KINDS: Final = ("flow",)
#: kinds whose values are levels at a point in time (one month)
POINT_KINDS: Final = ("stock", "count", "rate")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One row of the catalog."""

    code: str
    name_vi: str
    name_en: str
    unit: str
    kind: str
    better: str
    price_basis: str
    aliases_vi: tuple[str, ...] = ()

    @property
    def additive(self) -> bool:
        """True when values of this indicator may be summed over time."""
        return self.kind in ADDITIVE_KINDS

    def name(self, lang: str = "vi") -> str:
        """The indicator's name in Vietnamese (default) or English."""
        return self.name_vi if lang == "vi" else self.name_en


@lru_cache(maxsize=1)
def by_code() -> dict[str, Indicator]:
    path = data_dir() / "indicators.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    required = ["code", "name_vi", "name_en", "unit", "kind", "better", "price_basis"]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(f"indicator catalog lacks columns {missing}", file=path.name)
    out: dict[str, Indicator] = {}
    for i, row in enumerate(frame.to_dict("records"), start=1):
        code = row["code"].strip()
        if not code or code in out:
            raise DataError(
                f"empty or duplicated indicator code {code!r}", file=path.name, row=i, column="code"
            )
        if row["kind"] not in KINDS:
            raise DataError(
                f"unknown kind {row['kind']!r}; expected one of {KINDS}", file=path.name, row=i, column="kind"
            )
        if row["better"] not in BETTER:
            raise DataError(
                f"unknown direction {row['better']!r}; expected one of {BETTER}",
                file=path.name,
                row=i,
                column="better",
            )
        if row["price_basis"] not in PRICE_BASES:
            raise DataError(
                f"unknown price basis {row['price_basis']!r}", file=path.name, row=i, column="price_basis"
            )
        try:
            parse_unit(row["unit"])
        except UnitError as exc:
            raise DataError(str(exc), file=path.name, row=i, column="unit") from exc
        aliases = tuple(a.strip() for a in row.get("aliases_vi", "").split("|") if a.strip())
        out[code] = Indicator(
            code,
            row["name_vi"],
            row["name_en"],
            row["unit"],
            row["kind"],
            row["better"],
            row["price_basis"],
            aliases,
        )
    return out


def indicators() -> pd.DataFrame:
    """The indicator catalog as a DataFrame, one row per indicator.

    >>> cat = indicators()
    >>> cat.loc["poverty_rate", ["kind", "better", "unit"]].tolist()
    ['rate', 'lower', 'percent']
    """
    rows = [
        {
            "code": i.code,
            "name_vi": i.name_vi,
            "name_en": i.name_en,
            "unit": i.unit,
            "kind": i.kind,
            "better": i.better,
            "price_basis": i.price_basis,
            "aliases_vi": "|".join(i.aliases_vi),
        }
        for i in by_code().values()
    ]
    return pd.DataFrame(rows).set_index("code", drop=False)


def indicator(code: str) -> Indicator:
    """Look up one indicator by code; unknown codes raise :class:`DataError`
    listing close matches.

    >>> indicator("grdp_growth").kind
    'growth'
    """
    cat = by_code()
    if code in cat:
        return cat[code]
    raise DataError(f"unknown indicator {code!r}{did_you_mean(str(code), cat, cutoff=0.5)}")
