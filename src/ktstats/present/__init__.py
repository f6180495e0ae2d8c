"""Layer 5 — what a person reads: text reports, charts, the pandas accessors and the command line.
May use every layer below."""

from typing import Any


def __getattr__(name: str) -> Any:
    """Submodules load on first use (``ktstats.<layer>.<module>``)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
