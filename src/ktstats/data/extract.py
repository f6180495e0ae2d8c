"""Reading figures out of Vietnamese report prose.

:func:`extract` turns a report's text into observations with provenance:
each figure gets its indicator (from the catalog's Vietnamese names and
aliases), its span (the nearest period phrase, else the section's heading,
else the document's year), its measure (actual, estimate "ước", plan
"dự kiến", target "phấn đấu", "chỉ tiêu"), its value, unit and qualifier, the
reference of a stated ratio ("đạt 35,08% kế hoạch", "bằng 111,7% so cùng kỳ",
"tăng 11,8% so với cùng kỳ") and the exact sentence as its quote.

The rules are plain and local: a figure belongs to the indicator named
nearest before it in its clause (or to the subject of the clause for "đạt …%
kế hoạch", "chiếm …%"); words next to the number decide the form. Numbers
that are dates, document numbers, years, ordinals or codes are not figures.
A figure that cannot be attached to an indicator is kept in
``Dataset.unattached`` with the reason — never dropped, never guessed.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from ktstats.catalog.indicators import Indicator, by_code
from ktstats.errors import DataError, KtstatsError
from ktstats.lang.numbers import Reading
from ktstats.lang.periods import Span, parse_span
from ktstats.lang.scan import find_quantity
from ktstats.lang.text import normalize_text
from ktstats.lang.units import conversion_factor, parse_unit, unit_to_str, ureg

if TYPE_CHECKING:
    from ktstats.data.dataset import Dataset

__all__ = ["extract", "sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ“\"(])|(?<=[.!?])\s+(?=\S)")
_NUMBERING = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.|[IVX]+\.)\s+")
_BULLET = re.compile(r"^(?:[-–•*]\s*|[0-9]+(?:\.[0-9]+)*\.\s+|[IVX]+\.\s+)")

# Numbers that are not figures: dates, document numbers, years and periods, ordinals, codes.
_NOT_FIGURES = re.compile(
    r"(?:ngày|hôm)\s+[0-9]{1,2}[/-][0-9]{1,2}(?:[/-][0-9]{2,4})?"
    r"|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}"
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
    r"|(?:số|Số)\s+[0-9][0-9./]*(?:-[A-ZĐ]+(?:/[A-ZĐ-]+)*)?"
    r"|[0-9]+(?:/[0-9]+)?-?(?:NQ|KL|QĐ|CT|HD|TB|UBND|HĐND|TU|TW|QH|CP|TTg)[A-ZĐ/-]*"
    r"|(?:Nghị quyết|Kết luận|Quy định|Chỉ thị|Hướng dẫn|Thông báo|Quyết định|Đoàn kiểm tra|Đoàn công tác)"
    r"(?:\s+số)?\s+[0-9]+"
    r"|(?:lần thứ|(?<!đứng )thứ)\s+(?:[0-9]+|[IVXLC]+)(?![0-9%]|[.,][0-9])"
    r"|(?:khóa|khoá)\s+[IVXLC]+"
    r"|[0-9]+G\b"
    r"|(?:quý|tháng)\s+[0-9IVX]+\s*/\s*[0-9]{4}"
    r"|(?:năm|giai đoạn|nhiệm kỳ|thời kỳ|niên độ)\s+[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?"
    r"|[0-9]{4}\s*[-–]\s*[0-9]{4}"
    r"|[0-9]{1,2}\s+tháng(?:\s+(?:đầu|cuối|của))?(?:\s+năm)?(?:\s+[0-9]{4})?"
    r"|tháng\s+[0-9]{1,2}"
    r"|[0-9]+\s+năm(?!\s+[0-9])"
    r"|[0-9]+\s+(?:địa phương|tại chỗ|tiêu chí so với|tốt)"
    r"|\(\s*[0-9]{4}\s*-\s*[0-9]{4}\s*\)"
    r"|[0-9]+\s*\[[0-9]+\]",
    re.IGNORECASE,
)
_PERIOD_PHRASES = re.compile(
    r"(?P<p>[0-9]{1,2}\s+tháng\s+cuối\s+năm(?:\s+[0-9]{4})?"
    r"|[0-9]{1,2}\s+tháng(?:\s+đầu)?(?:\s+(?:của\s+)?năm)?(?:\s+[0-9]{4})?"
    r"|quý\s+[IVX1-4]+(?:\s*/\s*[0-9]{4})?"
    r"|tháng\s+[0-9]{1,2}\s*/\s*[0-9]{4}"
    r"|cả\s+năm(?:\s+[0-9]{4})?"
    r"|(?:đến\s+)?cuối\s+năm\s+[0-9]{4}"
    r"|đầu\s+năm\s+[0-9]{4}"
    r"|năm\s+[0-9]{4})",
    re.IGNORECASE,
)
_TARGET_WORDS: Final = ("phấn đấu", "chỉ tiêu chủ yếu", "mục tiêu tăng trưởng", "mục tiêu", "cần đạt")
_PLAN_WORDS: Final = ("dự kiến",)
_ESTIMATE_WORDS: Final = ("ước",)
_REF_PLAN = re.compile(
    r"^\s*(?:so\s+với\s+)?(?:thực\s+nguồn\s+)?(?:kế\s+hoạch|dự\s+toán|nhiệm\s+vụ\s+chi)", re.I
)
_REF_CONGRESS = re.compile(r"^\s*(?:so\s+với\s+)?chỉ\s+tiêu\s+nghị\s+quyết\s+đại\s+hội", re.I)
_REF_SAME_PERIOD = re.compile(r"^\s*so\s+(?:với\s+)?cùng\s+kỳ", re.I)
_WORD = re.compile(r"\S+")


def sentences(text: str) -> list[tuple[str, str]]:
    """The sentences of ``text`` (normalised) with the heading they stand under.

    Bullets and section numbers ("- ", "1.3. ") are removed; a line that ends
    without a full stop and holds a period phrase counts as a heading.
    """
    out: list[tuple[str, str]] = []
    heading = ""
    stack: list[tuple[int, str]] = []
    for raw in normalize_text(text).splitlines():
        line = " ".join(raw.split())  # already normalised: fold whitespace only
        if not line:
            continue
        numbering = _NUMBERING.match(line)
        line = _BULLET.sub("", line)
        line = _BULLET.sub("", line)
        if not line:
            continue
        if numbering and not line.rstrip().endswith((".", ";", ")")) and len(line) < 160:
            # numbered headings ("II. …", "1. Chỉ tiêu chủ yếu 3 tháng cuối năm 2024", "1.1. Về kinh tế")
            # frame what follows; deeper ones keep their parents
            label = numbering.group(0).strip()
            depth = 0 if re.match(r"[IVX]+\.", label) else label.count(".")
            stack = [(d, h) for d, h in stack if d < depth] + [(depth, line)]
            heading = " / ".join(h for _, h in stack)
        for part in _SENTENCE_END.split(line):
            part = part.strip()
            if part:
                out.append((part, heading))
    return out


@dataclass
class _Aliases:
    pattern: re.Pattern[str]
    by_phrase: dict[str, list[str]]


_ALIASES: _Aliases | None = None


def _aliases() -> _Aliases:
    global _ALIASES
    if _ALIASES is None:
        by_phrase: dict[str, list[str]] = {}
        for ind in by_code().values():
            for phrase in (ind.name_vi, *ind.aliases_vi):
                key = " ".join(normalize_text(phrase).casefold().split())
                if key and ind.code not in by_phrase.setdefault(key, []):
                    by_phrase[key].append(ind.code)
        alternation = "|".join(re.escape(p) for p in sorted(by_phrase, key=len, reverse=True))
        _ALIASES = _Aliases(re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])"), by_phrase)
    return _ALIASES


_PERCENT = ureg.percent
_DIMENSIONLESS = ureg.dimensionless
_HIDE_DIGITS = str.maketrans("0123456789", "##########")


def _mask(text: str) -> str:
    if not any(c.isdigit() for c in text):
        return text
    return _NOT_FIGURES.sub(lambda m: m.group(0).translate(_HIDE_DIGITS), text)


def _quantities(sentence: str) -> list[tuple[Reading, int, int]]:
    """Every quantity phrase of ``sentence``, left to right, not overlapping."""
    masked = _mask(sentence)
    found = []
    pos = 0
    digits = [m.start() for m in re.finditer(r"(?<![0-9.,#])[0-9]", masked)]
    for d in digits:
        if d < pos:
            continue
        # the window of words around the number, cut at the previous figure
        start = max(pos, _word_start_before(masked, d, 3))
        end = _word_end_after(masked, d, 9)
        window = masked[start:end]
        try:
            reading, s, e = find_quantity(window.casefold())
        except KtstatsError:
            continue
        found.append((reading, start + s, start + e))
        pos = start + e
    return found


_WINDOW: Final = 400  # characters around a number that can belong to its phrase (keeps time linear)


def _word_start_before(text: str, pos: int, words: int) -> int:
    lo = max(0, pos - _WINDOW)
    starts = [m.start() for m in _WORD.finditer(text, lo, pos)]
    return starts[-words] if len(starts) >= words else lo


def _word_end_after(text: str, pos: int, words: int) -> int:
    hi = min(len(text), pos + _WINDOW)
    ends = []
    for m in _WORD.finditer(text, pos, hi):
        ends.append(m.end())
        if len(ends) == words:
            break
    if not ends:
        return hi
    clause_end = min((i for i in (text.find(";", pos, hi), text.find(" (", pos, hi)) if i != -1), default=hi)
    return min(ends[-1], clause_end)


_REFERENCE_BEFORE = re.compile(r"(?:kế hoạch|dự toán|tài sản, thu nhập|thu nhập|nhiệm kỳ|chỉ tiêu)\s*$", re.I)


def _quoted(sentence: str, pos: int) -> bool:
    """Whether ``pos`` is inside a “quoted title”."""
    lo = max(0, pos - _WINDOW)
    return sentence.count("“", lo, pos) > sentence.count("”", lo, pos)


def _span_before(sentence: str, pos: int, year: int | None) -> Span | None:
    """The nearest period phrase before ``pos`` that names the figure's period: not one inside a
    closed parenthesis, nor one that dates a plan or a reference ("kế hoạch năm 2024")."""
    best = None
    for m in _PERIOD_PHRASES.finditer(sentence, max(0, pos - _WINDOW), pos):
        opened = sentence.rfind("(", 0, m.start())
        closed = sentence.find(")", m.end(), pos)
        if opened != -1 and sentence.rfind(")", 0, m.start()) < opened and closed != -1:
            continue  # "(cả năm từ 8,2% trở lên)" speaks for the parenthesis only
        if _REFERENCE_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]) or _quoted(
            sentence, m.start()
        ):
            continue
        best = m
    if best is None:
        return None
    return _phrase_span(best.group("p"), year)


@lru_cache(maxsize=4096)
def _phrase_span(phrase: str, year: int | None) -> Span | None:
    low = phrase.casefold()
    digits = re.findall(r"[0-9]{4}", low)
    y = int(digits[-1]) if digits else year
    try:
        if "cuối năm" in low and "tháng" not in low:
            return Span.month(y, 12) if y else None
        if low.startswith("đầu năm"):
            return None
        return parse_span(phrase, year=y)
    except KtstatsError:
        return None


_ESTIMATE_RE = re.compile(r"(?<![^\W\d_])ước(?![^\W\d_])")


def _measure(clause: str, heading: str, before: str) -> str:
    low = clause.casefold()
    head = heading.casefold()
    if _ESTIMATE_RE.search(before):
        return "estimate"
    if any(w in low for w in _PLAN_WORDS):
        return "plan"
    if any(re.search(rf"(?<![^\W\d_]){w}(?![^\W\d_])", low) for w in _TARGET_WORDS) or any(
        w in head for w in ("chỉ tiêu", "mục tiêu", "phấn đấu")
    ):
        return "target"
    return "actual"


@lru_cache(maxsize=4096)
def _fits_unit(code: str, unit: Any) -> bool:
    ind = by_code()[code]
    if unit == _DIMENSIONLESS and ind.unit != "":
        return False  # a bare number is not a percent, a sum of money or a count of anything
    try:
        conversion_factor(unit, parse_unit(ind.unit))
        return True
    except KtstatsError:
        return unit == _PERCENT and ind.kind in ("rate", "growth", "index")


def _fits(ind: Indicator, unit: Any) -> bool:
    return _fits_unit(ind.code, unit)


@lru_cache(maxsize=64)
def _casefolded(text: str) -> str:
    return text.casefold()


def _indicator_near(
    text: str, start: int, end: int, unit: Any, after: tuple[int, int] | None
) -> tuple[Indicator | None, int]:
    """The indicator named nearest before the number (between ``start`` and ``end``) whose unit
    fits; else the first named after it (within ``after``). Also returns where the name ends when
    it was found after the number (so the next figure does not take it again), else -1."""
    aliases = _aliases()
    low = _casefolded(text)
    catalog = by_code()

    def pick(m: re.Match[str]) -> Indicator | None:
        codes = aliases.by_phrase[m.group(0)]
        fitting = [catalog[c] for c in codes if _fits(catalog[c], unit)]
        if fitting:
            return fitting[0]
        # a percent next to a level indicator is a stated ratio or change of it
        return catalog[codes[0]] if unit == ureg.percent else None

    best = None
    for m in aliases.pattern.finditer(low, max(start, end - _WINDOW), end):
        found = pick(m)
        if found is not None:
            best = found
    if best is not None or after is None:
        return best, -1
    for m in aliases.pattern.finditer(low, after[0], min(after[1], after[0] + _WINDOW)):
        found = pick(m)
        if found is not None:
            return found, m.end()
    # earlier in the sentence: "đánh giá, xếp loại 14/14 đảng bộ …, 29.397/31.905 đảng viên"
    if unit != ureg.percent:
        for m in aliases.pattern.finditer(low, max(0, start - _WINDOW), start):
            codes = aliases.by_phrase[m.group(0)]
            fitting = [catalog[c] for c in codes if _fits(catalog[c], unit)]
            if fitting:
                best = fitting[0]
    return best, -1


def _report_region(text: str, region: str | None, date: pd.Period | None) -> str:
    """The region code of a report: the one given (a code or a name), else the one the text names."""
    from ktstats.catalog.regions import named_in
    from ktstats.catalog.regions import region as find_region

    if region is not None:
        return region if "." in region else find_region(region).code
    on = date.to_timestamp(how="end") if date is not None else None
    named = named_in(text, on=on)
    if not named:
        raise DataError(
            "the text names no province or city; say which report this is with region= "
            "(e.g. region='Kon Tum')"
        )
    return named[0][0]


def extract(
    text: str,
    *,
    document: str | None = None,
    region: str | None = None,
    year: int | None = None,
    date: str | pd.Period | None = None,
) -> Dataset:
    """Find the figures of a report and return them as a :class:`Dataset`.

    Parameters
    ----------
    text:
        The report (UTF-8 text; any Unicode form, old or new tone placement).
    document:
        Its name, recorded on every row (default "text").
    region:
        The province or city the report is about, as a code or a name ("Kon Tum", "Gia Lai").
        By default the one the text names most often ("tỉnh Kon Tum" counts before a bare
        "Kon Tum"); a text that names none raises :class:`DataError` asking for ``region=``.
    year:
        The year for period phrases that do not name one ("3 tháng cuối năm").
    date:
        The month of the document ("2025-03"): a level stated in it cannot be of a later month.

    Examples
    --------
    >>> ds = extract("Thu ngân sách nhà nước khoảng 830 tỷ đồng, đạt 18,04% dự toán địa phương giao, "
    ...              "bằng 100% so với cùng kỳ năm trước.", year=2024, region="Kon Tum")
    >>> ds.to_frame()[["indicator", "value", "unit", "qualifier", "form", "relative_to"]].values.tolist()
    [['state_budget_revenue', 830.0, 'billion dong', 'approx', 'level', ''], ['state_budget_revenue', 18.04, 'percent', 'exact', 'ratio', 'plan'], ['state_budget_revenue', 100.0, 'percent', 'exact', 'ratio', 'same_period_last_year']]
    """
    from ktstats.data.dataset import COLUMNS, Dataset

    if not isinstance(text, str):
        raise DataError(f"extract() needs text, got {type(text).__name__}")
    document = document or "text"
    if date is not None:
        date = pd.Period(date, freq="M")
    code = _report_region(text, region, date) if region is not None else None
    rows: list[dict[str, Any]] = []
    unattached: list[dict[str, Any]] = []
    parts = sentences(text)
    if year is None:
        years = [int(y) for y in re.findall(r"(?<![0-9])(20[0-9]{2})(?![0-9])", text)]
        year = max(set(years), key=years.count) if years else None
    context: Span | None = None
    for sentence, heading in parts:
        section_span = None
        if heading:
            spans = list(_PERIOD_PHRASES.finditer(heading))
            section_span = _phrase_span(spans[-1].group("p"), year) if spans else None
        subject: Indicator | None = None
        share_subject: Indicator | None = None
        subject_measure: str | None = None
        prev_end = 0
        clause_start = 0
        found = _quantities(sentence) if any(c.isdigit() for c in sentence) else []
        for n, (reading, start, end) in enumerate(found):
            semi = sentence.rfind(";", max(0, start - _WINDOW), start)
            if semi >= clause_start:
                clause_start = semi + 1
                subject = share_subject = None
                subject_measure = None
            digit = start + next((i for i, c in enumerate(sentence[start:end]) if c.isdigit()), 0)
            lead = sentence[max(clause_start, digit - 40) : digit].casefold()
            lead_words = lead.split()
            last_word = lead_words[-1] if lead_words else ""
            two_words = " ".join(lead_words[-2:])
            after = sentence[end : end + 80]
            next_start = found[n + 1][1] if n + 1 < len(found) else len(sentence)
            clause_end = sentence.find(";", end, end + _WINDOW)
            window_after = (digit, min(next_start, clause_end if clause_end != -1 else len(sentence)))
            unit = reading.unit
            value = reading.value
            ind, name_end = _indicator_near(sentence, max(prev_end, clause_start), digit, unit, window_after)
            if ind is not None and (
                unit != ureg.percent
                or ind.unit == "percent"
                or ind.kind in ("rate", "growth")
                or last_word not in ("đạt", "bằng", "tăng", "giảm", "chiếm")
            ):
                subject, share_subject = ind, None
            target_ind = ind or subject
            form, relative_to = "level", ""
            alias_rate = "tỷ lệ giải ngân" in lead
            if _REF_CONGRESS.match(after):
                form, relative_to, target_ind = "ratio", "congress_target", share_subject or subject
            elif unit == ureg.percent and _REF_PLAN.match(after):
                form, relative_to = "ratio", "plan"
                target_ind = share_subject or subject or target_ind
            elif alias_rate and unit == ureg.percent:
                form, relative_to = "ratio", "plan"
            elif last_word == "bằng" and _REF_SAME_PERIOD.match(after):
                form, relative_to, target_ind = "ratio", "same_period_last_year", subject
            elif last_word in ("tăng", "giảm") and unit == ureg.percent and _REF_SAME_PERIOD.match(after):
                form, relative_to, target_ind = "change", "same_period_last_year", subject
                value = value if last_word == "tăng" else -value
            elif last_word == "chiếm" and subject is not None:
                share = by_code().get(f"{subject.code}_share")
                if share is not None:
                    target_ind = share_subject = share
            elif (
                target_ind is not None
                and target_ind.kind in ("count", "stock", "rate")
                and (
                    last_word == "thêm"
                    or two_words == "tăng thêm"
                    or (
                        target_ind.kind != "rate"
                        and "dự kiến" in sentence[digit : min(window_after[1], digit + _WINDOW)].casefold()
                    )
                )
            ):
                form, relative_to = "difference", "start_of_period"
                if target_ind.kind == "rate" and unit == ureg.percent:
                    unit = ureg.percentage_point
            elif last_word == "giảm" and target_ind is not None and unit == ureg.percent:
                if target_ind.kind == "rate":
                    form, relative_to, unit, value = (
                        "difference",
                        "start_of_period",
                        ureg.percentage_point,
                        -value,
                    )
                else:
                    form, relative_to, value = "change", "same_period_last_year", -value
            prev_end = max(end, name_end)
            own = _span_before(sentence, digit, year)
            span = own or section_span or context or (Span.whole_year(year) if year else None)
            clause = sentence[max(clause_start, digit - _WINDOW) : min(window_after[1], digit + _WINDOW)]
            measure = _measure(clause, heading, lead)
            if form == "level" and target_ind is not None and target_ind is subject:
                subject_measure = measure
            elif form in ("ratio", "change") and subject_measure is not None and measure == "actual":
                measure = (
                    subject_measure  # "ước khoảng 5.712 tỷ đồng, … tăng 11,8%": the ratio is an estimate too
                )
            quote = sentence
            shown_text = sentence[start:end]
            if target_ind is None:
                unattached.append(
                    {
                        "value": value,
                        "unit": unit_to_str(unit),
                        "text": shown_text,
                        "quote": quote,
                        "reason": "no indicator of the catalog is named near it",
                    }
                )
                continue
            if span is None:
                unattached.append(
                    {
                        "value": value,
                        "unit": unit_to_str(unit),
                        "text": shown_text,
                        "quote": quote,
                        "reason": f"no period for {target_ind.code}",
                    }
                )
                continue
            if (
                target_ind.kind in ("flow", "growth")
                and span.months == 1
                and span.end.month == 12
                and (own is not None and own.months == 1)
            ):
                span = Span.whole_year(span.end.year)  # "tỷ lệ giải ngân cuối năm 2024": the year's figure
            if form == "difference" and span.months == 1:
                span = Span(f"{span.end.year}-01", span.end)  # "đến cuối năm 2024 giảm 3%": over the year
            if form in ("level", "ratio") and target_ind.kind in ("stock", "count", "rate"):
                end_month = span.end
                if date is not None and measure == "actual" and end_month > date:
                    end_month = date  # a level stated now cannot be of a later month
                span = Span(end_month, end_month)
            expected = (
                ureg.percent
                if form in ("ratio", "change")
                else (
                    ureg.percentage_point
                    if form == "difference" and target_ind.kind in ("rate", "growth", "index")
                    else parse_unit(target_ind.unit)
                )
            )
            try:
                conversion_factor(unit, expected)
            except KtstatsError:
                unattached.append(
                    {
                        "value": value,
                        "unit": unit_to_str(unit),
                        "text": shown_text,
                        "quote": quote,
                        "reason": f"unit {unit_to_str(unit) or '-'} does not fit {target_ind.code} "
                        f"({target_ind.unit or '-'}) as a {form}",
                    }
                )
                continue
            rows.append(
                {
                    "indicator": target_ind.code,
                    "region": "",
                    "period_start": str(span.start),
                    "period_end": str(span.end),
                    "measure": measure,
                    "value": value,
                    "unit": unit_to_str(unit),
                    "qualifier": reading.qualifier,
                    "low": reading.low if reading.qualifier == "range" else "",
                    "high": reading.high if reading.qualifier == "range" else "",
                    "denominator": reading.denominator if reading.denominator is not None else "",
                    "form": form,
                    "relative_to": relative_to,
                    "document": document,
                    "quote": quote,
                    "note": "",
                }
            )
        # the period a sentence speaks of carries to the next ones (until another is named)
        named = [
            m
            for m in _PERIOD_PHRASES.finditer(sentence)
            if not _REFERENCE_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()])
            and not _quoted(sentence, m.start())
        ]
        if named:
            carried = _phrase_span(named[-1].group("p"), year)
            if carried is not None and carried.months > 1:
                context = carried
    if rows:  # the region is looked for in the text only when there are figures to file
        code = code or _report_region(text, None, date)
        for row in rows:
            row["region"] = code
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    key = [
        "indicator",
        "region",
        "period_start",
        "period_end",
        "measure",
        "form",
        "relative_to",
        "document",
        "quote",
    ]
    frame = frame.drop_duplicates(subset=[*key, "value"])
    dup = frame.duplicated(key, keep="first")
    for rec in frame[dup].to_dict("records"):
        unattached.append(
            {
                "value": rec["value"],
                "unit": rec["unit"],
                "text": "",
                "quote": rec["quote"],
                "reason": f"a second figure for {rec['indicator']} in the same sentence and span",
            }
        )
    frame = frame[~dup].reset_index(drop=True)
    ds = Dataset(frame, name=document)
    ds.unattached = pd.DataFrame(unattached, columns=["value", "unit", "text", "quote", "reason"])
    if not len(ds) and not len(ds.unattached):
        warnings.warn(f"no figures found in {document}", stacklevel=2)
    return ds
