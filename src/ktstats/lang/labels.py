"""Words of the reports in Vietnamese and English, read from ``lexicons/words.csv``.

One table serves the report, the audit, the charts and the command line, so a
status or a reference is written the same way everywhere.

>>> word("projection", "off_track"), word("projection", "off_track", "en")
('khó đạt', 'off track')
>>> words("reference", "en")["plan"]
'the plan'
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Literal

from ktstats.errors import KtstatsError

__all__ = ["Lang", "word", "words"]

Lang = Literal["vi", "en"]


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {"vi": {}, "en": {}}
    with (resources.files("ktstats.lang") / "lexicons" / "words.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for lang in ("vi", "en"):
                out[lang].setdefault(row["group"], {})[row["key"]] = row[lang]
    return out


def words(group: str, lang: Lang = "vi") -> dict[str, str]:
    """All words of ``group`` (``measure``, ``reference``, ``attainment``, ``projection``) in ``lang``."""
    try:
        return _table()[lang][group]
    except KeyError:
        raise KtstatsError(f"no words for group {group!r} in language {lang!r}") from None


def word(group: str, key: str, lang: Lang = "vi") -> str:
    """One word; a key the table does not know is returned as it is (it is already text)."""
    return words(group, lang).get(key, key)
