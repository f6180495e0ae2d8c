"""Where the bundled data files live, and which datasets ship with the package.

The CSV files are kept at the top of the repository in ``datasets/`` (human
diffable, reviewed like code). A wheel ships them inside the package as
``ktstats/datasets``; an editable install reads them from the checkout.

A bundled dataset is one of the names :func:`bundled_datasets` lists; a name
is only ever looked up in that list, never joined into a path, so nothing a
caller writes ("../../x") reaches outside ``datasets/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from ktstats.errors import DataError

__all__ = ["bundled_dataset", "bundled_datasets", "data_dir"]

#: the catalog tables in ``datasets/``: CSV files, but not datasets
CATALOG_TABLES: Final = ("documents", "indicators", "regions")
_NAME_RE: Final = re.compile(r"[a-z][a-z0-9_]*")


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


@lru_cache(maxsize=4)
def _shipped(folder: Path) -> tuple[str, ...]:
    return tuple(
        sorted(
            p.stem
            for p in folder.glob("*.csv")
            if p.stem not in CATALOG_TABLES and _NAME_RE.fullmatch(p.stem) and p.is_file()
        )
    )


def bundled_datasets() -> tuple[str, ...]:
    """The names of the bundled datasets: the CSV files shipped in ``datasets/``, catalog tables aside.

    >>> bundled_datasets()
    ('kon_tum', 'kon_tum_history', 'tay_nguyen', 'vn_budget_revenue', 'vn_disbursement', 'vn_gdp', 'vn_provinces')
    """
    return _shipped(data_dir())


def bundled_dataset(name: str) -> Path | None:
    """The file of the bundled dataset ``name`` ("kon_tum", "Kon-Tum"), or ``None`` if no such one ships."""
    key = name.strip().lower().replace("-", "_")
    if key not in bundled_datasets():
        return None
    return data_dir() / f"{key}.csv"
