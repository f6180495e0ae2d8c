"""ktstats: typed, unit-aware time series from Vietnamese provincial reports.

>>> import ktstats
>>> ktstats.parse_quantity("khoảng 830 tỷ đồng").quantity.to("dong").magnitude
830000000000.0
>>> ktstats.parse_span("9 tháng đầu năm 2023").months
9
"""

from __future__ import annotations

from . import accessors as _accessors  # noqa: F401  (registers Series.kt / DataFrame.kt)
from .audit import audit, implied_base, implied_plan
from .errors import DataError, KtstatsError, ParseError, PeriodError, ProjectionError, UnitError
from .extract import extract
from .growth import (
    cagr,
    compose_growth,
    growth_from_index,
    index_from_growth,
    pp_change,
    required_growth,
    yoy,
    yoy_index,
)
from .indicators import Indicator, indicator, indicators
from .numbers import Reading, format_number, format_quantity, parse_number, parse_quantity
from .observations import Dataset, Observation, load_dataset
from .periods import Span, parse_span
from .plotting import plot_attainment, plot_growth, plot_projection, plot_regional
from .projection import Projection, backtest, estimate_weights, project, project_many
from .regions import Region, region, regions
from .series import IndicatorSeries, Panel
from .targets import Attainment, Target, attainment, parse_target
from .text import normalize_text
from .units import Q_, conversion_factor, format_unit, parse_unit, ureg

__version__ = "0.6.0"

__all__ = [
    "Q_",
    "Attainment",
    "DataError",
    "Dataset",
    "Indicator",
    "IndicatorSeries",
    "KtstatsError",
    "Observation",
    "Panel",
    "ParseError",
    "PeriodError",
    "Projection",
    "ProjectionError",
    "Reading",
    "Region",
    "Span",
    "Target",
    "UnitError",
    "__version__",
    "attainment",
    "audit",
    "backtest",
    "cagr",
    "compose_growth",
    "conversion_factor",
    "estimate_weights",
    "extract",
    "format_number",
    "format_quantity",
    "format_unit",
    "growth_from_index",
    "implied_base",
    "implied_plan",
    "index_from_growth",
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
    "pp_change",
    "project",
    "project_many",
    "region",
    "regions",
    "required_growth",
    "ureg",
    "yoy",
    "yoy_index",
]
