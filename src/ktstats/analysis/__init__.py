"""Layer 4 — the questions the reports exist for: growth, targets and attainment, the consistency audit
and projections. Depends on :mod:`ktstats.data`, :mod:`ktstats.catalog` and :mod:`ktstats.lang`."""

from typing import Any


def __getattr__(name: str) -> Any:
    """Submodules load on first use (``ktstats.<layer>.<module>``)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
