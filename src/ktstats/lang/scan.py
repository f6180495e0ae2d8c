"""The quantity scanner: where in a phrase the quantity is, and what it says.

Shared by :func:`ktstats.analysis.targets.parse_target` (one target phrase) and
:func:`ktstats.data.extract.extract` (every figure in a report). Only a bounded
window of words around each number is tried, so scanning is linear in the text.
"""

from __future__ import annotations

import re
from typing import Final

from ktstats.errors import KtstatsError, ParseError, shown
from ktstats.lang.numbers import NUMBER_RE, PREFIXES, Reading, parse_quantity_text

__all__ = ["find_quantity"]

_STRIP = " .,;:)(\"'“”"
_WORD_RE = re.compile(r"\S+")
_QUALIFIER_WORDS: Final = frozenset(
    {w for phrase in PREFIXES for w in phrase.split()} - {"đạt", "là"} | {"từ"}
)
_NUMBER_PARTS = re.compile(r"[/\-–—%]")
_MAX_NUMBER_CHARS = 64  # "1.000.000.000.000.000" or "0,30000000000000004" are far shorter
_MAX_PHRASE_CHARS = 200
_MAX_WORDS_BEFORE = 3  # qualifier words before a number: "ước khoảng", "khoảng trên", "từ"
_MAX_WORDS_AFTER = 8  # scale, unit words (at most six) and "trở lên"


def find_quantity(text: str) -> tuple[Reading, int, int]:
    """The longest quantity phrase around the first number that reads as one.

    Only a bounded window of words around each number is tried, so the time
    is linear in the length of the text.
    """
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    digit_words = [k for k, (a, b) in enumerate(words) if any("0" <= c <= "9" for c in text[a:b])]
    for d in digit_words:
        word = text[words[d][0] : words[d][1]].strip(_STRIP).rstrip("%")
        if len(word) > _MAX_NUMBER_CHARS or not all(
            NUMBER_RE.fullmatch(part) for part in _NUMBER_PARTS.split(word) if part
        ):
            continue  # not a Vietnamese number (a date, a code, "1,2.3"): no phrase can start here
        for i in range(max(0, d - _MAX_WORDS_BEFORE), d + 1):
            start = words[i][0]
            for j in range(min(len(words) - 1, d + _MAX_WORDS_AFTER), d - 1, -1):
                if words[j][1] - start > _MAX_PHRASE_CHARS:
                    continue  # no quantity phrase is this long
                raw = text[start : words[j][1]]
                lead = len(raw) - len(raw.lstrip(_STRIP))
                chunk = raw.strip(_STRIP)
                candidates = [chunk]
                if "%" in chunk and not chunk.endswith("%"):
                    # "75% xã, phường, thị trấn trở lên", "19% kế hoạch": the words after '%' name
                    # what the share is of, not a unit
                    cut = chunk[: chunk.index("%") + 1]
                    candidates.append(cut + " trở lên" if chunk.endswith("trở lên") else cut)
                for candidate in candidates:
                    # the phrase ends where the candidate's number ends
                    stop = start + lead + (len(chunk) if candidate == chunk else chunk.index("%") + 1)
                    try:
                        reading = parse_quantity_text(candidate, candidate)
                    except KtstatsError:
                        continue
                    before = text[words[i - 1][0] : words[i - 1][1]] if i > 0 else ""
                    if before in _QUALIFIER_WORDS:
                        # "trên 7-8%": the qualifier cannot apply, and dropping it would change the meaning
                        raise ParseError(
                            f"{shown(text.strip())}: {before!r} cannot qualify {chunk!r}",
                            text=text,
                            position=words[i - 1][0],
                        )
                    return reading, start + lead, stop
    raise ParseError(f"no target value found in {shown(text)}", text=text)
