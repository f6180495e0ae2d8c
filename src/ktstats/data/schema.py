"""The dataset schema: columns, vocabularies and the validation of every row.

A dataset file is one row per figure. :func:`validate` checks each cell
(indicator in the catalog, region code, span, measure, number, unit that fits
the indicator, qualifier, range, form and reference, document and its date)
and, for bundled data, that the quote is in the source text and states the
value. Every error is a :class:`~ktstats.errors.DataError` naming the file,
row and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Final

import numpy as np
import pandas as pd
import pint

from ktstats.catalog.documents import document_text, documents_table
from ktstats.catalog.indicators import POINT_KINDS, by_code
from ktstats.errors import DataError, KtstatsError, shown
from ktstats.lang.numbers import NUMBER_RE, QUALIFIERS, to_float
from ktstats.lang.periods import Span
from ktstats.lang.relations import PLAN_LIKE
from ktstats.lang.text import did_you_mean, squash_whitespace
from ktstats.lang.units import conversion_factor, parse_unit, unit_to_str, ureg

__all__ = [
    "COLUMNS",
    "FORMS",
    "MEASURES",
    "NUMBER_STYLES",
    "OPTIONAL_COLUMNS",
    "PLAN_LIKE",
    "RELATIVE_TO",
    "REQUIRED_COLUMNS",
    "TARGET_LIKE",
    "expected_unit",
    "file_table",
    "is_plan_like",
    "is_target_like",
    "validate",
]

MEASURES: Final = ("actual", "estimate", "plan", "target")
FORMS: Final = ("level", "ratio", "change", "difference")
#: what a ratio, change or difference is relative to, as the text says it:
#: ``plan`` (kế hoạch), ``plan_central`` (kế hoạch Thủ tướng / Trung ương giao), ``plan_local`` (kế hoạch
#: UBND / HĐND tỉnh giao), ``budget_estimate`` (dự toán, no body named), ``budget_estimate_local``
#: (dự toán địa phương / HĐND tỉnh giao), ``budget_estimate_central`` (dự toán Trung ương /
#: Thủ tướng giao), ``spending_task`` (nhiệm vụ chi),
#: ``congress_target`` (chỉ tiêu Nghị quyết Đại hội), ``resolution_target`` (the target of another
#: resolution), ``same_period_last_year`` (cùng kỳ), ``start_of_period`` (the level when the span began),
#: ``previous_period`` (so với tháng trước, quý trước)
RELATIVE_TO: Final = (
    "",
    *sorted(PLAN_LIKE),
    "same_period_last_year",
    "congress_target",
    "resolution_target",
    "start_of_period",
    "previous_period",
)
# PLAN_LIKE (from ktstats.lang.relations): references that are an assigned amount for the period (a plan in the
# broad sense): a share of one ("đạt 18,04% dự toán") implies that amount, as a share of a ``plan`` does
#: references a share of which is attainment ("đạt …"): the plan-like ones and the targets of resolutions
TARGET_LIKE: Final = PLAN_LIKE | {"congress_target", "resolution_target"}
#: how the numbers of a quote are written: Vietnamese (1.326,4) or English (1,326.4)
NUMBER_STYLES: Final = ("vi", "en")


def is_plan_like(relative_to: str) -> bool:
    """Whether ``relative_to`` is a plan in the broad sense: kế hoạch, dự toán or nhiệm vụ chi.

    Code that treated ``relative_to == "plan"`` as "a share of the plan" should ask this instead.

    >>> is_plan_like("plan"), is_plan_like("budget_estimate"), is_plan_like("congress_target")
    (True, True, False)
    """
    return relative_to in PLAN_LIKE


def is_target_like(relative_to: str) -> bool:
    """Whether a share of ``relative_to`` is attainment ("đạt x% …"): a plan-like reference or a target.

    Code that tested ``relative_to in ("plan", "congress_target")`` should ask this instead.

    >>> is_target_like("spending_task"), is_target_like("congress_target"), is_target_like("same_period_last_year")
    (True, True, False)
    """
    return relative_to in TARGET_LIKE


#: columns of a dataset file, in order
COLUMNS: Final = (
    "indicator",
    "region",
    "period_start",
    "period_end",
    "measure",
    "value",
    "unit",
    "qualifier",
    "low",
    "high",
    "denominator",
    "form",
    "relative_to",
    "document",
    "quote",
    "note",
)
_OPTIONAL_DEFAULTS: Final = {
    "qualifier": "exact",
    "low": "",
    "high": "",
    "denominator": "",
    "form": "level",
    "relative_to": "",
    "note": "",
}
#: columns a dataset file may add: ``document_date`` (for documents not in documents.csv) and
#: ``number_style`` (``vi`` or ``en``: how this row's quote writes its numbers, when it differs
#: from its document's ``number_style`` in documents.csv; empty for the document's)
OPTIONAL_COLUMNS: Final = ("document_date", "number_style")
#: columns every row must fill (the others have the defaults above)
REQUIRED_COLUMNS: Final = tuple(c for c in COLUMNS if c not in _OPTIONAL_DEFAULTS)
#: the columns of a validated table: the file's, with the document's date before the quote
_TYPED_COLUMNS: Final = [*COLUMNS[:14], "document_date", "quote", "note"]
_REGION_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
_MONTH_RE = re.compile(r"\d{4}-\d{2}")


def listed(names: Any, limit: int = 10) -> str:
    """Names for a message: the first ``limit`` (each cut when long) and how many more.

    >>> listed([f"c{i}" for i in range(20000)], 3)
    "'c0', 'c1', 'c2' and 19997 more"
    """
    names = list(names)
    head = ", ".join(shown(str(n), 40) for n in names[:limit])
    return head if len(names) <= limit else f"{head} and {len(names) - limit} more"


def _fail(msg: str, file: str | None, row: int, column: str) -> DataError:
    return DataError(msg, file=file, row=row, column=column)


_EN_NUMBER_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def _numbers_in(text: str, style: str = "vi") -> list[float]:
    """Every number written in ``text`` (Vietnamese style, or English for English sources)."""
    if style == "en":
        return [float(m.group(0).replace(",", "")) for m in _EN_NUMBER_RE.finditer(text)]
    out = []
    for m in NUMBER_RE.finditer(text):
        try:
            out.append(to_float(m.group(0)))
        except KtstatsError:  # "0.500", a 400-digit run: not a figure the row could be stating
            continue
    return out


def _float_cell(raw: Any, file: str | None, row: int, column: str, *, required: bool) -> float:
    if isinstance(raw, (int, float, np.floating, np.integer)) and not isinstance(raw, bool):
        value = float(raw)
    else:
        text = "" if raw is None or raw is pd.NA else str(raw).strip()
        if text == "":
            if required:
                raise _fail(f"{column} is missing", file, row, column)
            return math.nan
        try:
            value = float(text)
        except ValueError:
            raise _fail(
                f"cannot read {text!r} as a number (data files use '.' as the decimal mark "
                "and no thousands separator, e.g. 1326.4)",
                file,
                row,
                column,
            ) from None
    if math.isnan(value) and required:
        raise _fail(f"{column} is missing (NaN)", file, row, column)
    if math.isinf(value):
        raise _fail(f"{column} is infinite ({raw!r})", file, row, column)
    return value


def _cell(rec: Mapping[Any, Any], col: str) -> str:
    v = rec[col]
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return _squashed(v if isinstance(v, str) else str(v))


@lru_cache(maxsize=1024)
def expected_unit(code: str, form: str) -> pint.Unit:
    """The unit a figure of indicator ``code`` takes in ``form``: percent for a ratio or change,
    percentage points for a difference of a rate, growth or index, else the indicator's own unit.

    >>> expected_unit("poverty_rate", "difference"), expected_unit("state_budget_revenue", "ratio")
    (<Unit('percentage_point')>, <Unit('percent')>)
    """
    ind = by_code()[code]
    if form in ("ratio", "change"):
        return ureg.percent
    if form == "difference" and ind.kind in ("rate", "growth", "index"):
        return ureg.percentage_point
    return parse_unit(ind.unit)


@lru_cache(maxsize=1024)
def _unit_fit(text: str, code: str, form: str) -> tuple[str, str]:
    """The canonical unit of a row and why it does not fit its indicator and form ("" when it
    does); once per distinct triple (pint's unit algebra is the slow part of a row)."""
    try:
        unit = parse_unit(text)
    except KtstatsError as exc:
        return "", str(exc)
    ind = by_code()[code]
    expected = expected_unit(code, form)
    try:
        conversion_factor(unit, expected)
    except KtstatsError:
        return "", (
            f"unit {unit_to_str(unit) or 'dimensionless'!r} does not fit indicator {code!r} "
            f"({ind.kind}, {ind.unit or 'dimensionless'}) as a {form}; expected "
            f"{unit_to_str(expected) or 'dimensionless'!r}"
        )
    return unit_to_str(unit), ""


@lru_cache(maxsize=4096)
def _span(start: str, end: str) -> Span:
    """A span from its months, once per distinct pair (spans are immutable)."""
    return Span(start, end)


@lru_cache(maxsize=8192)
def _squashed(text: str) -> str:
    """:func:`squash_whitespace`, once per distinct cell (codes, months, a sentence quoted by
    several figures repeat down a table)."""
    return squash_whitespace(text)


def validate(frame: pd.DataFrame, file: str | None, *, check_quotes: bool) -> pd.DataFrame:
    """Check every row and return the typed, canonical table."""
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"expected a pandas DataFrame of observations, got {type(frame).__name__}", file=file)
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(f"missing required column(s) {', '.join(missing)}", file=file)
    unknown = [c for c in frame.columns if c not in COLUMNS and c not in OPTIONAL_COLUMNS]
    if unknown:
        raise DataError(
            f"{len(unknown)} unknown column(s) {listed(unknown)}; expected {', '.join(COLUMNS)}", file=file
        )
    frame = frame.copy()
    for col, default in _OPTIONAL_DEFAULTS.items():
        if col not in frame.columns:
            frame[col] = default
    catalog = by_code()
    docs = documents_table()
    if not check_quotes and "document_date" not in frame.columns:
        fast = _by_column({c: frame[c].tolist() for c in frame.columns}, docs)
        if fast is not None:
            return fast  # every row is valid; otherwise the checks below name the first bad one
    records: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    columns = list(frame.columns)
    # column lists, not to_dict("records"): iterating pandas' Arrow-backed strings cell by cell is slow
    values = [frame[c].tolist() for c in columns]
    for i, row in enumerate(zip(*values, strict=True), start=1):
        rec = dict(zip(columns, row, strict=True))
        code = _cell(rec, "indicator")
        if code not in catalog:
            hint = did_you_mean(code, catalog, cutoff=0.5)
            raise _fail(f"unknown indicator {code!r}{hint}", file, i, "indicator")
        ind = catalog[code]
        region = _cell(rec, "region")
        if not _REGION_RE.fullmatch(region):
            raise _fail(
                f"bad region code {region!r} (lower-case ASCII words joined by '_', "
                "sub-units after '.', e.g. 'kon_tum' or 'kon_tum.dak_glei')",
                file,
                i,
                "region",
            )
        months = []
        for col in ("period_start", "period_end"):
            text = _cell(rec, col)
            if not _MONTH_RE.fullmatch(text) or not 1 <= int(text[5:]) <= 12:
                raise _fail(f"bad month {text!r} (expected 'YYYY-MM')", file, i, col)
            months.append(text)
        try:
            span = _span(months[0], months[1])
        except KtstatsError as exc:
            raise _fail(str(exc), file, i, "period_end") from exc
        measure = _cell(rec, "measure")
        if measure not in MEASURES:
            raise _fail(f"unknown measure {measure!r}; expected one of {MEASURES}", file, i, "measure")
        value = _float_cell(rec["value"], file, i, "value", required=True)
        qualifier = _cell(rec, "qualifier") or "exact"
        if qualifier not in QUALIFIERS:
            raise _fail(
                f"unknown qualifier {qualifier!r}; expected one of {QUALIFIERS}", file, i, "qualifier"
            )
        form = _cell(rec, "form") or "level"
        if form not in FORMS:
            raise _fail(f"unknown form {form!r}; expected one of {FORMS}", file, i, "form")
        relative_to = _cell(rec, "relative_to")
        if relative_to not in RELATIVE_TO:
            raise _fail(
                f"unknown reference {relative_to!r}; expected one of {RELATIVE_TO[1:]}",
                file,
                i,
                "relative_to",
            )
        if (form == "level") != (relative_to == ""):
            raise _fail(
                f"form {form!r} with relative_to {relative_to!r}: a level has no reference, "
                "a ratio, change or difference needs one",
                file,
                i,
                "relative_to",
            )
        # the unit must fit the indicator and the form
        unit, misfit = _unit_fit(_cell(rec, "unit"), code, form)
        if misfit:
            raise _fail(misfit, file, i, "unit")
        if form == "level" and ind.kind in POINT_KINDS and span.months != 1:
            raise _fail(
                f"{code!r} is a {ind.kind}: a level refers to one month, but the span is "
                f"{span} ({span.months} months); set period_start = period_end",
                file,
                i,
                "period_start",
            )
        low = _float_cell(rec["low"], file, i, "low", required=False)
        high = _float_cell(rec["high"], file, i, "high", required=False)
        if qualifier == "range":
            if math.isnan(low) or math.isnan(high):
                raise _fail("a range needs both low and high", file, i, "low")
            if not low <= value <= high:
                raise _fail(f"value {value} is outside the range {low}..{high}", file, i, "value")
        else:
            for col, bound in (("low", low), ("high", high)):
                if not math.isnan(bound) and bound != value:
                    raise _fail(
                        f"{col} {bound} differs from value {value} but the qualifier is not 'range'",
                        file,
                        i,
                        col,
                    )
            low = high = value
        denominator = _float_cell(rec["denominator"], file, i, "denominator", required=False)
        if denominator == 0:
            raise _fail("denominator is zero", file, i, "denominator")
        document = _cell(rec, "document")
        if not document:
            raise _fail("document is missing", file, i, "document")
        quote = _cell(rec, "quote")
        if not quote:
            raise _fail("quote is missing: every figure cites its sentence", file, i, "quote")
        number_style = _cell(rec, "number_style") if "number_style" in rec else ""
        if number_style not in ("", *NUMBER_STYLES):
            raise _fail(
                f"unknown number style {number_style!r}; expected one of {NUMBER_STYLES} "
                "(or empty for the document's)",
                file,
                i,
                "number_style",
            )
        doc_date: Any = pd.NaT
        if document in docs.index:
            doc_date = docs.loc[document, "date"]
        elif "document_date" in rec and _cell(rec, "document_date"):
            try:
                doc_date = pd.Timestamp(_cell(rec, "document_date"))
            except ValueError:
                raise _fail(f"bad document date {rec['document_date']!r}", file, i, "document_date") from None
        if check_quotes:
            if document not in docs.index:
                raise _fail(
                    f"unknown document {document!r}: not listed in datasets/documents.csv",
                    file,
                    i,
                    "document",
                )
            source = document_text(document)
            if source is None:
                # a public web page cited by address: its text is not bundled, so only the
                # figures-in-the-quote check applies
                if not str(docs.loc[document, "url"]).strip():
                    raise _fail(
                        f"document {document!r} has neither a bundled text nor an address",
                        file,
                        i,
                        "document",
                    )
            elif quote not in source:
                raise _fail(f"quote not found in {document}: {quote[:80]!r}…", file, i, "quote")
            numbers = _numbers_in(quote, number_style or str(docs.loc[document, "number_style"]) or "vi")
            wanted = (
                [("low", abs(low)), ("high", abs(high))] if qualifier == "range" else [("value", abs(value))]
            )
            if not math.isnan(denominator):
                wanted.append(("denominator", denominator))
            for col, v in wanted:
                if not any(math.isclose(v, abs(n), rel_tol=1e-9, abs_tol=1e-12) for n in numbers):
                    raise _fail(f"{col} {v:g} does not appear in the quote {quote[:80]!r}…", file, i, col)
        key = (code, region, str(span), measure, form, relative_to, document, quote)
        if key in seen:
            raise _fail(
                f"duplicates row {seen[key]} (same indicator, region, span, measure, form, document and quote)",
                file,
                i,
                "quote",
            )
        seen[key] = i
        records.append(
            {
                "indicator": code,
                "region": region,
                "period_start": span.start,
                "period_end": span.end,
                "measure": measure,
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "low": low,
                "high": high,
                "denominator": denominator,
                "form": form,
                "relative_to": relative_to,
                "document": document,
                "document_date": doc_date,
                "quote": quote,
                "note": _cell(rec, "note"),
            }
        )
    return _typed({c: [r[c] for r in records] for c in _TYPED_COLUMNS})


def validate_columns(columns: Mapping[str, list[Any]], file: str | None) -> pd.DataFrame:
    """:func:`validate` of a table given as lists (every column of :data:`COLUMNS`, no document date): what
    a program builds row by row (:func:`ktstats.extract`) is checked without first becoming a DataFrame,
    whose construction would cost more than the checks. A bad row raises as :func:`validate` names it."""
    fast = _by_column(columns, documents_table()) if set(columns) == set(COLUMNS) else None
    if fast is not None:
        return fast
    return validate(pd.DataFrame(dict(columns)), file, check_quotes=False)


def _typed(columns: Mapping[str, list[Any]]) -> pd.DataFrame:
    """The validated table with its canonical column types, built from typed arrays (one pass per column;
    inferring the types of a table of Python objects costs more than checking it)."""
    data: dict[str, Any] = {}
    for col in _TYPED_COLUMNS:
        cells = columns[col]
        if col in ("period_start", "period_end"):
            ordinals = np.fromiter((p.ordinal for p in cells), dtype="int64", count=len(cells))
            data[col] = pd.arrays.PeriodArray(ordinals, dtype=_month_dtype())
        elif col in ("value", "low", "high"):
            data[col] = np.array(cells, dtype="float64")
        elif col == "denominator":
            values = np.array(cells, dtype="float64")  # (a masked array made directly: no inference)
            missing = np.isnan(values)
            data[col] = pd.arrays.FloatingArray(np.where(missing, 0.0, values), missing)
        elif col == "document_date":
            # (a text that is no bundled document: no date, and nothing to parse)
            if all(c is pd.NaT for c in cells):
                data[col] = np.full(len(cells), np.datetime64("NaT"), dtype=_no_date_dtype())
            else:
                data[col] = pd.to_datetime(pd.Series(cells, dtype=object))
        else:
            data[col] = pd.array(cells, dtype=_text_dtype())
    return pd.DataFrame(data)


@lru_cache(maxsize=1)
def _month_dtype() -> Any:
    return pd.PeriodDtype("M")


@lru_cache(maxsize=1)
def _no_date_dtype() -> Any:
    """The type pandas gives a column of missing dates read with ``to_datetime``, found once."""
    return pd.to_datetime(pd.Series([pd.NaT], dtype=object)).dtype


@lru_cache(maxsize=1)
def _text_dtype() -> Any:
    """The type pandas gives a column of text (``str`` from pandas 3, ``object`` before), found once."""
    return pd.Series(["text"]).dtype


def _column(cols: Mapping[str, list[Any]], col: str) -> list[str]:
    return [_cell({col: v}, col) for v in cols[col]]


def _floats(cols: Mapping[str, list[Any]], col: str) -> list[float] | None:
    """The column as floats (NaN for an empty cell), or ``None`` when a cell is no number or infinite."""
    out = []
    for v in cols[col]:
        try:
            out.append(_float_cell(v, None, 0, col, required=False))
        except DataError:
            return None
    return out


def _by_column(frame: Mapping[str, list[Any]], docs: pd.DataFrame) -> pd.DataFrame | None:
    """What the row-by-row checks of :func:`validate` return, computed column by column (each distinct
    code, region, span and unit checked once); ``None`` when any row fails a check, so that the row-by-row
    checks name it. Quotes are not checked here."""
    if not len(frame["indicator"]):
        return None
    catalog = by_code()
    code, region, unit_text = (_column(frame, c) for c in ("indicator", "region", "unit"))
    starts, ends, measure = (_column(frame, c) for c in ("period_start", "period_end", "measure"))
    qualifier = [q or "exact" for q in _column(frame, "qualifier")]
    form = [f or "level" for f in _column(frame, "form")]
    relative_to, document, quote, note = (
        _column(frame, c) for c in ("relative_to", "document", "quote", "note")
    )
    value, low, high, denominator = (_floats(frame, c) for c in ("value", "low", "high", "denominator"))
    if value is None or low is None or high is None or denominator is None:
        return None
    if (
        not set(code) <= catalog.keys()
        or not all(_REGION_RE.fullmatch(r) for r in set(region))
        or not all(_MONTH_RE.fullmatch(m) and 1 <= int(m[5:]) <= 12 for m in {*starts, *ends})
        or not set(measure) <= set(MEASURES)
        or not set(qualifier) <= set(QUALIFIERS)
        or not set(form) <= set(FORMS)
        or not set(relative_to) <= set(RELATIVE_TO)
        or any((f == "level") != (r == "") for f, r in zip(form, relative_to, strict=True))
        or not all(document)
        or not all(quote)
        or any(math.isnan(v) for v in value)
        or 0.0 in denominator
        or ("number_style" in frame and not set(_column(frame, "number_style")) <= {"", *NUMBER_STYLES})
    ):
        return None
    try:
        spans = [_span(a, b) for a, b in zip(starts, ends, strict=True)]
    except KtstatsError:
        return None
    fits = {t: _unit_fit(*t) for t in set(zip(unit_text, code, form, strict=True))}
    if any(misfit for _, misfit in fits.values()):
        return None
    for i, (c, f, sp, q, v) in enumerate(zip(code, form, spans, qualifier, value, strict=True)):
        if f == "level" and catalog[c].kind in POINT_KINDS and sp.months != 1:
            return None
        if q == "range":
            if math.isnan(low[i]) or math.isnan(high[i]) or not low[i] <= v <= high[i]:
                return None
        elif (not math.isnan(low[i]) and low[i] != v) or (not math.isnan(high[i]) and high[i] != v):
            return None
        else:
            low[i] = high[i] = v
    keys = list(zip(code, region, map(str, spans), measure, form, relative_to, document, quote, strict=True))
    if len(set(keys)) != len(keys):
        return None
    dates = {d: docs.loc[d, "date"] if d in docs.index else pd.NaT for d in set(document)}
    columns: dict[str, list[Any]] = {
        "indicator": code,
        "region": region,
        "period_start": [sp.start for sp in spans],
        "period_end": [sp.end for sp in spans],
        "measure": measure,
        "value": value,
        "unit": [fits[t][0] for t in zip(unit_text, code, form, strict=True)],
        "qualifier": qualifier,
        "low": low,
        "high": high,
        "denominator": denominator,
        "form": form,
        "relative_to": relative_to,
        "document": document,
        "document_date": [dates[d] for d in document],
        "quote": quote,
        "note": note,
    }
    return _typed(columns)


def file_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A dataset's frame (``Dataset.to_frame()``) as the file table: strings for spans and dates, floats for
    numbers, the columns of :data:`COLUMNS` in their order."""
    out = pd.DataFrame({c: frame[c] for c in COLUMNS if c in frame.columns})
    out["period_start"] = frame["period_start"].astype(str)
    out["period_end"] = frame["period_end"].astype(str)
    out["denominator"] = frame["denominator"].astype("float64")
    out["document_date"] = [d.strftime("%Y-%m-%d") if not pd.isna(d) else "" for d in frame["document_date"]]
    return out
