"""The numbers a report's reading leaves unattached, each with its reason, and quotes of bounded length.

:func:`ktstats.data.extract.extract` files every number of a text as a figure or as an unattached row
(:attr:`ktstats.Dataset.unattached`): none goes without a trace, and time and memory stay linear in the
text (at most :data:`MAX_UNATTACHED` rows; a sentence longer than 2.000 characters is quoted around its
figure).

>>> kept = Unattached()
>>> kept.add(1.5, "percent", "Tỷ lệ che phủ rừng đạt 1,5%.", 23, 27, "no indicator of the catalog is named near it")
>>> kept.frame()[["value", "text", "reason"]].values.tolist()
[[1.5, '1,5%', 'no indicator of the catalog is named near it']]
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd

__all__ = ["MAX_UNATTACHED", "Unattached", "quote_around"]

_MAX_QUOTE: Final = 2000  # characters: a longer sentence is quoted around its figure (memory stays linear)
_QUOTE_AROUND: Final = 500
#: at most this many numbers are kept in ``Dataset.unattached``; one last row counts the others
MAX_UNATTACHED: Final = 10_000


def quote_around(sentence: str, start: int, end: int) -> str:
    """The sentence, or for a very long one the words around ``start:end`` (still a part of the text)."""
    if len(sentence) <= _MAX_QUOTE:
        return sentence
    lo = max(0, start - _QUOTE_AROUND)
    hi = min(len(sentence), end + _QUOTE_AROUND)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return sentence[lo:hi]


#: what makes two rows of one sentence the same figure (with the value: the same figure twice)
_KEY: Final = (
    "indicator",
    "region",
    "period_start",
    "period_end",
    "measure",
    "form",
    "relative_to",
    "document",
    "_sentence",
)


class Unattached:
    """The numbers not filed as figures, with their reasons: at most :data:`MAX_UNATTACHED`
    rows and a last one saying how many more there were (time and memory stay linear)."""

    __slots__ = ("dropped", "rows")

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.dropped = 0

    def add(self, value: float | None, unit: str, sentence: str, start: int, end: int, reason: str) -> None:
        if len(self.rows) >= MAX_UNATTACHED:
            self.dropped += 1
            return
        self.rows.append(
            {
                "value": value,
                "unit": unit,
                "text": sentence[start:end],
                "quote": quote_around(sentence, start, end),
                "reason": reason,
            }
        )

    def one_per_sentence(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` (extract's, each with a ``_sentence`` key) with one figure per indicator, span, measure and
        form in a sentence (the same sentence text repeated counts as one); the others are kept here, with the
        reason, never dropped. Plain Python: a report's few dozen rows cost less than one pandas call.

        >>> kept = Unattached()
        >>> row = dict.fromkeys(_KEY, "") | {"indicator": "grdp_growth", "value": 7.1, "unit": "percent", "quote": "…"}
        >>> [r["value"] for r in kept.one_per_sentence([row, row | {"value": 7.2}, row])]
        [7.1]
        >>> kept.frame()["reason"].tolist()
        ['a second figure for grdp_growth in the same sentence and span', \
'the same figure for grdp_growth in the same sentence and span']
        """
        first: set[tuple[Any, ...]] = set()
        valued: set[tuple[Any, ...]] = set()
        out = []
        for row in rows:
            key = tuple(row[c] for c in _KEY)
            same = (*key, row["value"])
            if key in first:
                what = "the same figure" if same in valued else "a second figure"
                reason = f"{what} for {row['indicator']} in the same sentence and span"
                self.add(row["value"], row["unit"], row["quote"], 0, 0, reason)
            else:
                first.add(key)
                out.append(row)
            valued.add(same)
        return out

    def frame(self) -> pd.DataFrame:
        rows = self.rows
        if self.dropped:
            rows = [
                *rows,
                {
                    "value": None,
                    "unit": "",
                    "text": "…",
                    "quote": "",
                    "reason": f"{self.dropped} more numbers not attached to an indicator were left out "
                    f"(at most {MAX_UNATTACHED} are kept)",
                },
            ]
        frame = pd.DataFrame(rows, columns=["value", "unit", "text", "quote", "reason"])
        return frame.astype({"value": "float64"})  # a number not read has no value (NaN)
