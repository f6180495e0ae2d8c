"""Checks of function arguments, shared so that every public function refuses the same way.

A wrong argument is a :class:`~ktstats.errors.DataError` naming the argument and the value — never
a raw ``TypeError`` from deep inside numpy or pandas.

>>> integer(2024, "year")
2024
>>> integer("2024", "year")
Traceback (most recent call last):
...
ktstats.errors.DataError: year must be a whole number, got '2024' (str)
>>> fraction(0.8, "level")
0.8
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ktstats.errors import DataError, shown

__all__ = ["finite", "finite_result", "fraction", "integer"]


def _show(value: Any) -> str:
    if isinstance(value, str):
        return shown(value)
    text = repr(value)
    return text if len(text) <= 80 else shown(text)


def integer(value: Any, argument: str, *, low: int | None = None, high: int | None = None) -> int:
    """``value`` as an int (numpy integers too; not bool, float or text), within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise DataError(f"{argument} must be a whole number, got {_show(value)} ({type(value).__name__})")
    out = int(value)
    if (low is not None and out < low) or (high is not None and out > high):
        span = f"{low if low is not None else '−∞'}–{high if high is not None else '∞'}"
        raise DataError(f"{argument} must be within {span}, got {out}")
    return out


def finite(value: Any, argument: str, *, low: float | None = None) -> float:
    """``value`` as a finite float (not bool or text), at least ``low``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise DataError(f"{argument} must be a number, got {_show(value)} ({type(value).__name__})")
    try:
        out = float(value)
    except OverflowError:
        raise DataError(f"{argument} is too large for a float: {_show(value)}") from None
    if not math.isfinite(out):
        raise DataError(f"{argument} must be a finite number, got {out}")
    if low is not None and out < low:
        raise DataError(f"{argument} must be at least {low}, got {out}")
    return out


def fraction(value: Any, argument: str) -> float:
    """A number strictly between 0 and 1 (an interval's coverage: 0.8 = 80%)."""
    out = finite(value, argument)
    if not 0 < out < 1:
        raise DataError(f"{argument} must be between 0 and 1 (0.8 = 80%), got {out}")
    return out


def finite_result(values: Any, what: str) -> Any:
    """``values`` if every element is finite, else a DataError saying what could not be computed."""
    arr = np.asarray(values, dtype="float64")
    if not np.isfinite(arr).all():
        raise DataError(f"{what} is not a finite number (got {shown(str(np.ravel(arr)[:5].tolist()))})")
    return values
