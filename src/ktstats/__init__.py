"""ktstats: typed, unit-aware time series from Vietnamese provincial reports.

The package is layered; each layer imports only the ones before it (checked by
``lint-imports`` in CI, see ``docs/architecture.md``):

``errors`` → ``lang`` (text, units, numbers, periods) → ``catalog`` (indicators,
regions, documents) → ``data`` (Dataset, series, IO, extraction) → ``analysis``
(growth, targets, audit, projections) → ``present`` (report, charts, accessors, CLI).

The names below are the everyday API; they load lazily (PEP 562), so
``import ktstats`` itself costs little. Everything else lives in its layer,
e.g. ``ktstats.analysis.growth.cagr`` or ``ktstats.lang.units.format_unit``.

>>> import ktstats
>>> ktstats.parse_quantity("khoảng 830 tỷ đồng").quantity.to("dong").magnitude
830000000000.0
>>> ktstats.parse_span("9 tháng đầu năm 2023").months
9
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from ktstats.errors import DataError, KtstatsError, ParseError, PeriodError, ProjectionError, UnitError
from ktstats.present import accessors as _accessors  # noqa: F401  (registers Series.kt / DataFrame.kt)

if TYPE_CHECKING:
    from ktstats.analysis.attainment import attainment
    from ktstats.analysis.audit import audit
    from ktstats.analysis.growth import compose_growth, required_growth
    from ktstats.analysis.projection import backtest, project, project_many
    from ktstats.analysis.targets import Target, parse_target
    from ktstats.catalog.indicators import indicator, indicators
    from ktstats.catalog.regions import region, regions
    from ktstats.data.dataset import Dataset, load_dataset
    from ktstats.data.extract import extract
    from ktstats.data.io import read, write
    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries
    from ktstats.lang.numbers import format_number, format_quantity, parse_number, parse_quantity
    from ktstats.lang.periods import Span, parse_span
    from ktstats.lang.text import normalize_text
    from ktstats.lang.units import Q_, parse_unit, ureg
    from ktstats.present.plotting import plot_attainment, plot_growth, plot_projection, plot_regional

__version__ = "0.20.30"

#: Where each top-level name lives (loaded on first use).
_HOME: dict[str, str] = {
    "normalize_text": "ktstats.lang.text",
    "ureg": "ktstats.lang.units",
    "Q_": "ktstats.lang.units",
    "parse_unit": "ktstats.lang.units",
    "parse_number": "ktstats.lang.numbers",
    "parse_quantity": "ktstats.lang.numbers",
    "format_number": "ktstats.lang.numbers",
    "format_quantity": "ktstats.lang.numbers",
    "Span": "ktstats.lang.periods",
    "parse_span": "ktstats.lang.periods",
    "indicator": "ktstats.catalog.indicators",
    "indicators": "ktstats.catalog.indicators",
    "region": "ktstats.catalog.regions",
    "regions": "ktstats.catalog.regions",
    "Dataset": "ktstats.data.dataset",
    "load_dataset": "ktstats.data.dataset",
    "IndicatorSeries": "ktstats.data.series",
    "Panel": "ktstats.data.panel",
    "read": "ktstats.data.io",
    "write": "ktstats.data.io",
    "extract": "ktstats.data.extract",
    "compose_growth": "ktstats.analysis.growth",
    "required_growth": "ktstats.analysis.growth",
    "Target": "ktstats.analysis.targets",
    "parse_target": "ktstats.analysis.targets",
    "attainment": "ktstats.analysis.attainment",
    "audit": "ktstats.analysis.audit",
    "project": "ktstats.analysis.projection",
    "project_many": "ktstats.analysis.projection",
    "backtest": "ktstats.analysis.projection",
    "plot_regional": "ktstats.present.plotting",
    "plot_attainment": "ktstats.present.plotting",
    "plot_growth": "ktstats.present.plotting",
    "plot_projection": "ktstats.present.plotting",
}

_LAYERS = ("lang", "catalog", "data", "analysis", "present")

#: Names that were top-level before 0.7 and now live in their layer (still served, with a warning).
_MOVED: dict[str, str] = {
    "Reading": "ktstats.lang.numbers",
    "conversion_factor": "ktstats.lang.units",
    "format_unit": "ktstats.lang.units",
    "Indicator": "ktstats.catalog.indicators",
    "Region": "ktstats.catalog.regions",
    "Observation": "ktstats.data.dataset",
    "cagr": "ktstats.analysis.growth",
    "growth_from_index": "ktstats.analysis.growth",
    "index_from_growth": "ktstats.analysis.growth",
    "pp_change": "ktstats.analysis.growth",
    "yoy": "ktstats.analysis.growth",
    "yoy_index": "ktstats.analysis.growth",
    "Attainment": "ktstats.analysis.attainment",
    "implied_base": "ktstats.analysis.audit",
    "implied_plan": "ktstats.analysis.audit",
    "Projection": "ktstats.analysis.projection",
    "estimate_weights": "ktstats.analysis.projection",
}

__all__ = [
    "Q_",
    "DataError",
    "Dataset",
    "IndicatorSeries",
    "KtstatsError",
    "Panel",
    "ParseError",
    "PeriodError",
    "ProjectionError",
    "Span",
    "Target",
    "UnitError",
    "__version__",
    "attainment",
    "audit",
    "backtest",
    "compose_growth",
    "extract",
    "format_number",
    "format_quantity",
    "indicator",
    "indicators",
    "load_dataset",
    "normalize_text",
    "parse_number",
    "parse_quantity",
    "parse_span",
    "parse_target",
    "parse_unit",
    "plot_attainment",
    "plot_growth",
    "plot_projection",
    "plot_regional",
    "project",
    "project_many",
    "read",
    "region",
    "regions",
    "required_growth",
    "ureg",
    "write",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None and name in _MOVED:
        home = _MOVED[name]
        warnings.warn(
            f"ktstats.{name} moved to {home}.{name}; the top-level alias will be removed",
            DeprecationWarning,
            stacklevel=2,
        )
    if home is None and name in _LAYERS:
        return importlib.import_module(f"ktstats.{name}")
    if home is None:
        raise AttributeError(f"module 'ktstats' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    if name in _HOME:
        globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
