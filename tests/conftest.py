from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def kon_tum():
    import ktstats

    return ktstats.load_dataset("kon_tum")
