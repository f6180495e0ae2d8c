"""Report periods: months, quarters, year-to-date, the rest of the year, terms.

A :class:`Span` is an inclusive run of months, ``start`` to ``end``, both
monthly :class:`pandas.Period`. Every period phrase of the reports maps to
one: "tháng 9/2024" (a month), "quý I/2024" (a quarter), "9 tháng đầu năm
2023" (January–September, year-to-date), "cả năm 2024" (the whole year),
"3 tháng cuối năm" (October–December), "giai đoạn 2021-2025" (a plan period).

Arguments are read strictly: a span's ends are monthly periods or "YYYY-MM"
text (a quarter such as "2024Q1" or a bare year is refused with a pointer to
:meth:`Span.quarter` and :meth:`Span.whole_year`, never read as a month), and
years, months and quarters are whole numbers (``int``; not ``1.5``, ``"2024"``
or ``True``). :func:`parse_date` is the one reader of dates (``as_of=``,
``on=``, ``--as-of``).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from ktstats.errors import PeriodError, shown
from ktstats.lang.text import normalize_text

__all__ = ["Span", "parse_date", "parse_span", "year_outside"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MIN_YEAR, _MAX_YEAR = 1900, 2200

SpanKind = Literal["month", "quarter", "year", "ytd", "rest_of_year", "years", "other"]


_MONTH_TEXT = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})")
_QUARTER_TEXT = re.compile(
    r"(?P<y>[0-9]{4})\s*-?\s*[qQ](?P<q>[0-9])|[qQ](?P<q2>[0-9])\s*[-/ ]?\s*(?P<y2>[0-9]{4})"
)
_YEAR_TEXT = re.compile(r"(?P<y>[0-9]{4})")


def _month(value: Any, what: str) -> pd.Period:
    """A span's ``what`` ("start" or "end") month: a pandas Period (a monthly one, or a coarser one
    whose first or last month is taken) or "YYYY-MM" text; anything else is refused."""
    if isinstance(value, pd.Period):
        if value.freqstr not in ("M",):
            try:
                return value.asfreq("M", how="start" if what == "start" else "end")
            except Exception as exc:
                raise PeriodError(f"cannot use {value!r} as the {what} month") from exc
        return value
    if not isinstance(value, str):
        raise PeriodError(
            f"the {what} month must be 'YYYY-MM' text or a monthly pandas.Period, "
            f"got {type(value).__name__} {shown(value)}"
        )
    return _month_text(value, what)


@lru_cache(maxsize=4096)
def _month_text(value: str, what: str) -> pd.Period:
    """:func:`_month` of "YYYY-MM" text, read once per text (a pandas Period takes microseconds to make)."""
    m = _MONTH_TEXT.fullmatch(value.strip())
    if m is None:
        raise PeriodError(
            f"cannot read {shown(value)} as the {what} month: expected 'YYYY-MM'{_span_hint(value)}"
        )
    month = int(m["m"])
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month} in {shown(value)} does not exist (months are 01–12)")
    _check_year(int(m["y"]), f"the {what} month {shown(value)}")
    return pd.Period(year=int(m["y"]), month=month, freq="M")


def _span_hint(value: str) -> str:
    text = value.strip()
    q = _QUARTER_TEXT.fullmatch(text)
    if q is not None:
        year, quarter = q["y"] or q["y2"], q["q"] or q["q2"]
        return f"; for a quarter use Span.quarter({int(year)}, {int(quarter)})"
    if _YEAR_TEXT.fullmatch(text):
        return f"; for a whole year use Span.whole_year({int(text)})"
    return ""


def _int(value: object, argument: str) -> int:
    """``value`` as an int, or :class:`PeriodError` naming ``argument`` (floats, text and bools are refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise PeriodError(
            f"{argument} must be a whole number (int), got {type(value).__name__} {shown(value)}"
        )
    return int(value)


def year_outside(year: int) -> str | None:
    """Why ``year`` can be no span's ("year 2250 is outside 1900–2200"), ``None`` when it can: a year in text may be
    a typing slip or OCR noise ("năm 20255", "năm 2250"), which a reader files nowhere rather than raising.

    >>> year_outside(2024), year_outside(1850)
    (None, 'year 1850 is outside 1900–2200')
    """
    return None if _MIN_YEAR <= year <= _MAX_YEAR else f"year {year} is outside {_MIN_YEAR}–{_MAX_YEAR}"


def _check_year(year: int, what: str) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise PeriodError(f"{what}: year {shown(year)} is outside {_MIN_YEAR}–{_MAX_YEAR}")


def _year_arg(value: object, argument: str = "year") -> int:
    year = _int(value, argument)
    _check_year(year, argument)
    return year


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """An inclusive run of months.

    Examples
    --------
    >>> s = Span("2024-01", "2024-09")
    >>> s.months, s.is_ytd, s.label()
    (9, True, '9 tháng năm 2024')
    >>> s.same_period_last_year()
    Span('2023-01', '2023-09')
    >>> s.rest_of_year().label()
    'quý IV/2024'
    """

    start: pd.Period
    end: pd.Period

    def __init__(self, start: pd.Period | str, end: pd.Period | str) -> None:
        start = _month(start, "start")
        end = _month(end, "end")
        if not _MIN_YEAR <= start.year <= _MAX_YEAR or not _MIN_YEAR <= end.year <= _MAX_YEAR:
            raise PeriodError(f"span {start}..{end} is outside the years {_MIN_YEAR}–{_MAX_YEAR}")
        if end < start:
            raise PeriodError(f"span ends ({end}) before it starts ({start})")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    # --- constructors -----------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Span:
        """One calendar month."""
        year = _year_arg(year)
        month = _int(month, "month")
        _check_month(month, f"tháng {month}/{year}")
        p = pd.Period(year=year, month=month, freq="M")
        return cls(p, p)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Span:
        """One calendar quarter (1–4)."""
        year = _year_arg(year)
        quarter = _int(quarter, "quarter")
        if quarter not in (1, 2, 3, 4):
            raise PeriodError(f"quarter {quarter} of {year} does not exist (quarters are I–IV)")
        return cls(f"{year}-{3 * quarter - 2:02d}", f"{year}-{3 * quarter:02d}")

    @classmethod
    def year_to_date(cls, year: int, months: int) -> Span:
        """January to the end of month ``months`` of ``year``."""
        year = _year_arg(year)
        months = _int(months, "months")
        _check_month(months, f"{months} tháng năm {year}")
        return cls(f"{year}-01", f"{year}-{months:02d}")

    @classmethod
    def whole_year(cls, year: int) -> Span:
        """January to December of ``year``."""
        year = _year_arg(year)
        return cls(f"{year}-01", f"{year}-12")

    @classmethod
    def last_months(cls, year: int, months: int) -> Span:
        """The last ``months`` months of ``year`` ("3 tháng cuối năm")."""
        year = _year_arg(year)
        months = _int(months, "months")
        if not 1 <= months <= 11:
            raise PeriodError(f"'{months} tháng cuối năm' must be 1–11 months, got {months}")
        return cls(f"{year}-{13 - months:02d}", f"{year}-12")

    @classmethod
    def years(cls, first: int, last: int) -> Span:
        """Whole years ``first`` to ``last`` inclusive ("giai đoạn 2021-2025")."""
        first = _year_arg(first, "first")
        last = _year_arg(last, "last")
        if last < first:
            raise PeriodError(f"period {first}-{last} ends before it starts")
        return cls(f"{first}-01", f"{last}-12")

    # --- properties -------------------------------------------------------
    @property
    def months(self) -> int:
        """Number of months covered."""
        return int(self.end.ordinal - self.start.ordinal) + 1

    @property
    def is_ytd(self) -> bool:
        """True when the span runs from January to a month of the same year."""
        return self.start.month == 1 and self.start.year == self.end.year

    @property
    def year(self) -> int | None:
        """The calendar year, when the span lies within one."""
        return int(self.start.year) if self.start.year == self.end.year else None

    @property
    def kind(self) -> SpanKind:
        """What sort of report period this is."""
        same_year = self.start.year == self.end.year
        if self.months == 1:
            return "month"
        if same_year and self.months == 3 and self.start.month % 3 == 1:
            return "quarter"
        if same_year and self.months == 12:
            return "year"
        if self.is_ytd:
            return "ytd"
        if same_year and self.end.month == 12:
            return "rest_of_year"
        if self.start.month == 1 and self.end.month == 12:
            return "years"
        return "other"

    # --- relations ---------------------------------------------------------
    def shift_years(self, years: int) -> Span:
        """The same months ``years`` years later (earlier when negative)."""
        years = _int(years, "years")
        if self.start.year + years < _MIN_YEAR or self.end.year + years > _MAX_YEAR:
            raise PeriodError(
                f"{self} shifted by {shown(years)} years is outside the years {_MIN_YEAR}–{_MAX_YEAR}"
            )
        return Span(self.start + 12 * years, self.end + 12 * years)

    def same_period_last_year(self) -> Span:
        """The same months one year earlier ("cùng kỳ năm trước")."""
        return self.shift_years(-1)

    def rest_of_year(self) -> Span:
        """The months after this span up to December of its end year.

        >>> Span.year_to_date(2024, 9).rest_of_year()
        Span('2024-10', '2024-12')
        """
        if self.end.month == 12:
            raise PeriodError(f"{self.label()} ends in December: no months remain in the year")
        return Span(self.end + 1, pd.Period(year=self.end.year, month=12, freq="M"))

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies within this span."""
        return bool(self.start <= other.start and other.end <= self.end)

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The period as a report would write it.

        >>> Span.quarter(2024, 1).label(), Span.quarter(2024, 1).label("en")
        ('quý I/2024', 'Q1 2024')
        >>> Span.years(2021, 2025).label()
        'giai đoạn 2021-2025'
        """
        s, e = self.start, self.end
        kind = self.kind
        vi = lang == "vi"
        if kind == "month":
            return f"tháng {s.month}/{s.year}" if vi else f"{s.strftime('%b')} {s.year}"
        if kind == "quarter":
            q = (s.month + 2) // 3
            return f"quý {_ROMAN_OUT[q]}/{s.year}" if vi else f"Q{q} {s.year}"
        if kind == "year":
            return f"năm {s.year}" if vi else f"{s.year}"
        if kind == "ytd":
            return f"{self.months} tháng năm {s.year}" if vi else f"Jan–{e.strftime('%b')} {s.year}"
        if kind == "rest_of_year":
            return f"{self.months} tháng cuối năm {s.year}" if vi else f"{s.strftime('%b')}–Dec {s.year}"
        if kind == "years":
            return f"giai đoạn {s.year}-{e.year}" if vi else f"{s.year}–{e.year}"
        return f"{s.month}/{s.year}–{e.month}/{e.year}" if vi else f"{s}–{e}"

    def __str__(self) -> str:
        return f"{self.start}..{self.end}"

    def __repr__(self) -> str:
        return f"Span('{self.start}', '{self.end}')"


_ISO_DATE = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2})"
    r"(?:[T ](?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?)(?P<tz>Z|[+-][0-9]{2}:?[0-9]{2})?)?)?"
)
_VI_DATE = re.compile(r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})")


def parse_date(value: object, *, argument: str) -> pd.Timestamp:
    """Read a date argument (``as_of=``, ``on=``, ``--as-of``, ``--date``) into a naive day.

    Accepts a :class:`datetime.date`, :class:`datetime.datetime`,
    :class:`pandas.Timestamp`, :class:`numpy.datetime64` or text: ISO
    "YYYY-MM-DD" (optionally with a time), "YYYY-MM" (the first day of that
    month) or the Vietnamese "D/M/YYYY" (day first: "31/3/2024"). The time of
    day, if any, is dropped: the library's dates are days.

    Refused with :class:`~ktstats.errors.PeriodError` naming ``argument`` and the
    value: text in any other form (a bare year, "03/31/2024"), days that do not
    exist ("2024-02-30"), missing dates (``None``, ``NaT``), years outside
    1900–2200, other types (numbers are not dates), and **timezone-aware**
    values: a time zone would move the day, so the caller decides, e.g.
    ``ts.tz_convert("Asia/Ho_Chi_Minh").tz_localize(None)``.

    >>> parse_date("2024-03-31", argument="as_of")
    Timestamp('2024-03-31 00:00:00')
    >>> parse_date("31/3/2024", argument="on")
    Timestamp('2024-03-31 00:00:00')
    >>> parse_date("2024-13-01", argument="as_of")
    Traceback (most recent call last):
    ...
    ktstats.errors.PeriodError: as_of: '2024-13-01' is not a date (month 13 out of range)
    """
    where = f"{argument}: {shown(value)}"
    if value is None or value is pd.NaT or (isinstance(value, np.datetime64) and np.isnat(value)):
        raise PeriodError(f"{where} is not a date (a date is missing); expected e.g. '2024-03-31'")
    if isinstance(value, str):
        ts = _date_from_text(value, where)
    elif isinstance(value, (dt.date, np.datetime64)):  # datetime and pandas.Timestamp are dates too
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            raise PeriodError(
                f"{where} has a time zone; pass a naive date (e.g. "
                "value.tz_convert('Asia/Ho_Chi_Minh').tz_localize(None)) so that the day is the one you mean"
            )
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError) as exc:  # a numpy date beyond pandas' range
            raise PeriodError(f"{where} is not a date pandas can hold ({exc})") from None
    else:
        raise PeriodError(
            f"{where} is not a date: expected 'YYYY-MM-DD' text, a datetime.date or a pandas.Timestamp, "
            f"got {type(value).__name__}"
        )
    if not _MIN_YEAR <= ts.year <= _MAX_YEAR:
        raise PeriodError(f"{where} is outside the years {_MIN_YEAR}–{_MAX_YEAR}")
    return ts.normalize()


def publication_day(value: object, *, argument: str = "date") -> pd.Timestamp:
    """The day a document counts as published from a ``date=`` that may name only its month: the day given
    ("2024-07-05", "5/7/2024", a date), else the month's last day ("2024-07", a monthly :class:`pandas.Period`)
    — so that a projection as of a day never sees a document before it may have been published.

    >>> publication_day("2024-07-05"), publication_day("2024-07")
    (Timestamp('2024-07-05 00:00:00'), Timestamp('2024-07-31 00:00:00'))
    """
    if isinstance(value, pd.Period):
        if value.freqstr != "M":
            raise PeriodError(f"{argument}: {shown(value)} is not a month or a day")
        return value.end_time.normalize()
    day = parse_date(value, argument=argument)
    iso = _ISO_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    return day.to_period("M").end_time.normalize() if iso is not None and not iso["d"] else day


def _date_from_text(value: str, where: str) -> pd.Timestamp:
    text = value.strip()
    iso = _ISO_DATE.fullmatch(text)
    vi = None if iso else _VI_DATE.fullmatch(text)
    m = iso or vi
    if m is None:
        raise PeriodError(
            f"{where} is not a date: expected 'YYYY-MM-DD' (or 'YYYY-MM' for the first day of a month, "
            "or the Vietnamese 'D/M/YYYY')"
        )
    if iso is not None and iso["tz"]:
        raise PeriodError(
            f"{where} has a time zone ({iso['tz']}); pass a naive date so that the day is the one you mean"
        )
    year, month = int(m["y"]), int(m["m"])
    day = int(m["d"]) if m["d"] else 1
    if not 1 <= month <= 12:
        raise PeriodError(f"{where} is not a date (month {month} out of range)")
    if iso is not None and iso["time"]:
        hms = [float(x) for x in iso["time"].split(":")]
        if hms[0] >= 24 or any(x >= 60 for x in hms[1:]):
            raise PeriodError(f"{where} is not a date (time {iso['time']} out of range)")
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        raise PeriodError(f"{where} is not a date (day {day} does not exist in {year}-{month:02d})") from None


def _check_month(month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month} does not exist in {shown(text)} (months are 1–12)")


_YEAR = r"(?:\s*(?:/|-|năm)\s*(?P<year>[0-9]{4}))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("month", re.compile(rf"tháng\s+(?P<m>[0-9]{{1,2}}){_YEAR}")),
    ("quarter", re.compile(rf"quý\s+(?P<q>[ivx]+|[0-9]+){_YEAR}")),
    (
        "quarter",
        re.compile(r"q\s*(?P<q>[0-9]+)(?:(?:\s*[/-]\s*|\s+)(?P<year>[0-9]{4}))?"),
    ),  # "Q3/2024", "Q3 2024"
    ("quarter", re.compile(r"(?P<year>[0-9]{4})\s*-?\s*q(?P<q>[0-9]+)")),  # "2024Q3", "2024-Q3"
    ("ytd", re.compile(rf"(?P<n>[0-9]{{1,2}})\s*t{_YEAR}")),  # "9T/2024": 9 tháng (year to date)
    ("last", re.compile(r"(?P<n>[0-9]{1,2})\s+tháng\s+cuối\s+năm(?:\s+(?P<year>[0-9]{4}))?")),
    (
        "ytd",
        re.compile(
            r"(?P<n>[0-9]{1,2})\s+tháng(?:\s+đầu)?(?:\s+(?:của\s+)?năm)?(?:\s+đầu\s+năm)?"
            r"(?:(?:\s+|\s*/\s*)(?P<year>[0-9]{4}))?"  # "9 tháng năm 2024", "9 tháng/2024"
        ),
    ),
    ("year", re.compile(r"(?:cả\s+)?năm(?:\s+(?P<year>[0-9]{4}))?")),
    (
        "years",
        re.compile(
            r"(?:(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|kế\s+hoạch)\s+)?"
            r"(?P<first>[0-9]{4})\s*[-–—]\s*(?P<last>[0-9]{4})"
        ),
    ),
    ("term_to_date", re.compile(r"(?:từ\s+)?đầu\s+nhiệm\s+kỳ\s+(?:đến|tới)\s+nay")),
]
_LEAD = re.compile(r"^(?:trong|của|tính đến|đến)\s+")


def parse_span(
    text: str,
    year: int | None = None,
    *,
    term_start: str | pd.Period | None = None,
    as_of: str | pd.Period | None = None,
) -> Span:
    """Read a Vietnamese period phrase into a :class:`Span`.

    Parameters
    ----------
    text:
        "tháng 9/2024", "quý I/2024", "6 tháng đầu năm 2023", "9 tháng năm
        2024", "cả năm 2024", "năm 2024", "3 tháng cuối năm",
        "giai đoạn 2021-2025", "nhiệm kỳ 2020-2025", "từ đầu nhiệm kỳ đến nay"; and the short
        forms of tables: "Q3/2024", "2024Q3" (a quarter), "9T/2024", "9 tháng/2024" (January to
        September).
    year:
        The year for phrases that do not name one ("3 tháng cuối năm", "quý I").
        A year written in the text takes precedence.
    term_start, as_of:
        First and last month of "từ đầu nhiệm kỳ đến nay" (from the start of the
        term until now), which the phrase itself does not say.

    Examples
    --------
    >>> parse_span("quý I/2024")
    Span('2024-01', '2024-03')
    >>> parse_span("9 tháng đầu năm 2023")
    Span('2023-01', '2023-09')
    >>> parse_span("3 tháng cuối năm", year=2024)
    Span('2024-10', '2024-12')
    >>> parse_span("quý V/2024")
    Traceback (most recent call last):
    ...
    ktstats.errors.PeriodError: quarter V in 'quý V/2024' does not exist (quarters are I–IV)
    """
    if not isinstance(text, str):
        raise PeriodError(f"expected a period phrase, got {type(text).__name__} {shown(text)}")
    if year is not None:
        year = _year_arg(year)
    norm = " ".join(normalize_text(text).casefold().split())
    norm = _LEAD.sub("", norm).rstrip(" .,;:")
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(norm)
        if m is None:
            continue
        if kind == "years":
            return Span.years(_year(m["first"], text), _year(m["last"], text))
        if kind == "term_to_date":
            if term_start is None or as_of is None:
                raise PeriodError(
                    f"{shown(text)} (from the start of the term until now) needs term_start= "
                    "and as_of= months, e.g. term_start='2020-10', as_of='2024-03'"
                )
            return Span(term_start, as_of)
        y = _year(m["year"], text) if m["year"] else year
        if y is None:
            raise PeriodError(
                f"{shown(text)} names no year; pass year=, e.g. parse_span({shown(text)}, year=2024)"
            )
        if kind == "month":
            month = int(m["m"])
            if not 1 <= month <= 12:
                raise PeriodError(f"month {month} in {shown(text)} does not exist (months are 1–12)")
            return Span.month(y, month)
        if kind == "quarter":
            q = _ROMAN.get(m["q"])
            if q is None:
                raise PeriodError(
                    f"quarter {m['q'].upper()} in {shown(text)} does not exist (quarters are I–IV)"
                )
            return Span.quarter(y, q)
        if kind == "last":
            return Span.last_months(y, int(m["n"]))
        if kind == "ytd":
            n = int(m["n"])
            if not 1 <= n <= 12:
                raise PeriodError(f"{shown(text)}: a year has 12 months, not {n}")
            return Span.year_to_date(y, n)
        return Span.whole_year(y)
    raise PeriodError(
        f"cannot read {shown(text)} as a period; expected e.g. 'tháng 9/2024', 'quý I/2024', "
        "'9 tháng năm 2024', 'cả năm 2024', '3 tháng cuối năm', 'giai đoạn 2021-2025', "
        "'Q3/2024', '9T/2024'"
    )


def _year(token: str, text: str) -> int:
    y = int(token)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        raise PeriodError(f"year {y} in {shown(text)} is outside {_MIN_YEAR}–{_MAX_YEAR}")
    return y
