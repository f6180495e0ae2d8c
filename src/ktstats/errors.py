"""The exceptions ktstats raises.

Every failure of the public API is a :class:`KtstatsError`. The children are
also :class:`ValueError` so that code written for the standard library's
conventions (``except ValueError``) keeps working.

Messages name the offending value and, where known, where it came from
(file, row, column, or the text and position being parsed).
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "KtstatsError",
    "ParseError",
    "PeriodError",
    "ProjectionError",
    "UnitError",
]


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut in the middle when long, for error messages."""
    text = repr(value)
    if len(text) <= limit:
        return text
    half = (limit - 5) // 2
    return f"{text[:half]} … {text[-half:]} ({len(str(value))} characters)"


class KtstatsError(Exception):
    """Base class of every error ktstats raises on purpose."""


class ParseError(KtstatsError, ValueError):
    """Text that cannot be read as a Vietnamese number, quantity or phrase.

    Attributes
    ----------
    text:
        The whole text that was being parsed.
    position:
        Character offset in ``text`` where reading failed (``None`` if the
        text as a whole was rejected).
    source:
        Where the text came from (file and line, a dataset row), if known.
    """

    def __init__(
        self,
        message: str,
        *,
        text: str | None = None,
        position: int | None = None,
        source: str | None = None,
    ) -> None:
        self.text = text
        self.position = position
        self.source = source
        full = message
        if source:
            full = f"{full} (in {source})"
        super().__init__(full)


class UnitError(KtstatsError, ValueError):
    """An unknown unit, or units that cannot be combined or converted."""


class PeriodError(KtstatsError, ValueError):
    """An impossible or ambiguous period, or periods that do not align."""


class DataError(KtstatsError, ValueError):
    """Invalid data: a bad row in a file, missing values, unknown codes.

    Attributes
    ----------
    file, row, column:
        Where the problem is, when it comes from a table (row numbers are
        1-based data rows, the header not counted).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = []
        if file:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column {column!r}")
        full = f"{message} ({', '.join(where)})" if where else message
        super().__init__(full)


class ProjectionError(KtstatsError, ValueError):
    """A projection method that cannot run on the data given (the message says why)."""
