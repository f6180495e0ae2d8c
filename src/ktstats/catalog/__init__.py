"""Layer 2 — what the figures are about: the indicator catalog, the regions before and after the 2025
merger, and the source documents. Depends on :mod:`ktstats.lang`."""

from typing import Any


def __getattr__(name: str) -> Any:
    """Submodules load on first use (``ktstats.<layer>.<module>``)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
