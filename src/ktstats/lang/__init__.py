"""Layer 1 — the language of the reports: text normalisation, units, Vietnamese numbers and quantities,
report periods, the quantity scanner and the vi/en labels. Depends only on :mod:`ktstats.errors`."""

from typing import Any


def __getattr__(name: str) -> Any:
    """Submodules load on first use (``ktstats.<layer>.<module>``)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
