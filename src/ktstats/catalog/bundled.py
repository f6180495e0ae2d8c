"""Where the bundled data files live.

The CSV files are kept at the top of the repository in ``datasets/`` (human
diffable, reviewed like code). A wheel ships them inside the package as
``ktstats/datasets``; an editable install reads them from the checkout.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ktstats.errors import DataError


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """The folder holding ``indicators.csv``, the datasets and ``sources/``."""
    packaged = Path(str(resources.files("ktstats"))) / "datasets"
    if (packaged / "indicators.csv").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "datasets"
    if (checkout / "indicators.csv").is_file():
        return checkout
    raise DataError(
        f"ktstats' bundled data was not found (looked in {packaged} and {checkout}); reinstall the package"
    )
