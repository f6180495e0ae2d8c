"""Will the year reach its target? Projections with an honest uncertainty.

The reports ask this every quarter: after nine months, will the annual target
be met, and what pace does the rest of the year need? :func:`project` answers
for one indicator, :func:`project_many` for thousands of series at once, and
:func:`backtest` shows how each method would have done in past years.

Two kinds of target are handled:

**Levels of flows** (budget revenue, disbursement, visits): the year is the sum
of its months or quarters.

- ``run_rate``: the pace so far extended to the year (``ytd × n / k``);
- ``seasonal_share``: the year-to-date value divided by the share of the year
  that past years had reached by the same month (for back-loaded flows such
  as disbursement);
- ``same_period_pace``: last year's total scaled by this year's growth on the
  same period;
- ``ets``: exponential smoothing (statsmodels ETS) of the per-period values,
  with simulated paths for the rest of the year.

**Growth rates** (GDP, GRDP): the year's growth is the combination of its
quarters' growth weighted by their base-period levels (:func:`compose_growth`).
The weights come from ``weights=`` or are estimated from past years whose
quarterly and annual growth were both published (:func:`estimate_weights`).

- ``run_rate``: the rest of the year grows like the year so far;
- ``ets``: the remaining quarters' growth from exponential smoothing of the
  quarterly history, composed with the weights.

Uncertainty: the errors of the same method on past years (an expanding-window
backtest) when there are at least three; otherwise the spread of the periods
of the current year (run rate) or of the past years' shares (seasonal share);
with neither, no interval is claimed and the status is ``insufficient_data``.
A province that publishes only its year to date borrows the country's weights, method and
real-time errors (``reference=``); a province merged during the year is projected as its unit
against the unit's target (:func:`unit_targets`).
The probability of meeting the target honours its bound ("từ … trở lên" ≥,
"trên" >). Status: ``achieved`` (already met, or the year is complete and met),
``on_track`` (probability ≥ 0.75), ``at_risk`` (≥ 0.40), ``off_track``.
"""

from ktstats.analysis.projection.backtest import backtest
from ktstats.analysis.projection.batch import project_many
from ktstats.analysis.projection.datasets import dataset_backtest, dataset_projections, project_indicator
from ktstats.analysis.projection.realtime import Backtest
from ktstats.analysis.projection.result import AT_RISK, METHODS, ON_TRACK, STATUSES, Projection
from ktstats.analysis.projection.scoring import score_calls
from ktstats.analysis.projection.single import project
from ktstats.analysis.projection.units import unit_targets
from ktstats.analysis.projection.weights import estimate_weights

__all__ = [
    "AT_RISK",
    "METHODS",
    "ON_TRACK",
    "STATUSES",
    "Backtest",
    "Projection",
    "backtest",
    "dataset_backtest",
    "dataset_projections",
    "estimate_weights",
    "project",
    "project_indicator",
    "project_many",
    "score_calls",
    "unit_targets",
]
