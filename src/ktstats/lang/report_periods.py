"""What a whole report speaks of: the year its periods name (:func:`default_year`), the part of the year it
covers (:func:`report_span`) and the month it says it was written in (:func:`opening_month`) — for figures whose
sentence names no period or no year. Split from :mod:`ktstats.lang.phrases`, whose phrases they count.

>>> default_year("6 tháng đầu năm 2021, thu ngân sách tăng 15% so với cùng kỳ năm 2020.")
2021
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ktstats.lang.periods import Span
from ktstats.lang.phrases import (
    COMPARED_MONTH,
    COMPARED_YEAR,
    PERIOD_PHRASES,
    REFERENCE_BEFORE,
    TERM,
    YEAR,
    names_reference,
    phrase_span,
    tasks_of,
)

__all__ = ["default_year", "opening_month", "report_span"]

_RANGES = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*[-–]\s*(?:19|20)[0-9]{2}(?![0-9])")


def default_year(text: str) -> int | None:
    """The year a report speaks of, for period phrases that do not name one: the year its period
    phrases name most often ("6 tháng đầu năm 2021"; ties go to the later year), not counting the
    years of references ("so với cùng kỳ năm 2020", "giá so sánh năm 2010"); with no such phrase,
    the year written most often; ``None`` when the text writes no year. A year named in a sentence about goals
    ("Năm 2024, HĐND tỉnh quyết nghị …", "phấn đấu", "sẽ") counts after the years of results, and of years named
    as often, one a part of which is named ("Quý IV năm 2025 … năm 2026") comes first; a later year whose
    months so far the text names ("6 tháng đầu năm 2017" after two "năm 2016") is the report's: only that year
    reports them. When every year named is a goal's, the results are of the year before the goals' when the text
    compares with the year before that or writes that year outside its goals; a text that names no year but the
    one it compares with ("so với năm 2023", "cùng kỳ năm 2022", "cao hơn cùng kỳ (6 tháng đầu năm 2020 …)") is of
    the year after.

    >>> default_year("6 tháng đầu năm 2021, thu ngân sách tăng 15% so với cùng kỳ năm 2020; "
    ...              "chi tăng 9% so với cùng kỳ năm 2020.")
    2021
    >>> default_year("Trong năm nay, tỉnh đón 9,6 triệu lượt khách, tăng mạnh so với năm 2024. "
    ...              "Năm 2026, tỉnh đặt mục tiêu đón 10,5 triệu lượt khách.")
    2025
    """
    named: list[int] = []
    so_far: list[int] = []  # the years of months so far ("6 tháng đầu năm 2017"): only that year reports them
    goals: list[int] = []  # years named in a sentence about goals ("Năm 2026, tỉnh phấn đấu …")
    parts: set[int] = set()  # years a part of which the text names outside goals
    for phrase, reference, goal, _ in _periods_named(text):
        if reference or TERM.match(phrase):
            continue  # a reference's year, or a term's
        named += [int(y) for y in YEAR.findall(phrase)]
        goals += [int(y) for y in YEAR.findall(phrase)] if goal else []
        span = phrase_span(phrase, None)
        if isinstance(span, Span) and span.start.month == 1 and 1 < span.months < 12 and not goal:
            so_far.append(span.end.year)
        if isinstance(span, Span) and span.months < 12 and not goal:
            parts.add(span.end.year)  # "Quý IV năm 2025": results of a part of that year
    # "cao hơn so với cùng kỳ (6 tháng đầu năm 2020 tăng trưởng đạt 4,34%)": the year compared with, in an aside
    aside = Counter(int(y) for y in _SAME_PERIOD_ASIDE.findall(text))
    # else the years the text writes
    years = named or list((Counter(_written_years(text)) - aside).elements())
    if not years:
        # only "cùng kỳ năm 2022", "so với năm 2023" or "so với tháng 9/2024" is written: the report is of the year after
        after = COMPARED_YEAR.findall(text) + COMPARED_MONTH.findall(text)
        years = [int(y) + 1 for y in after] + [y + 1 for y in aside.elements()]
    if not years:
        return None
    if named and all(named.count(y) == goals.count(y) for y in named):
        # "Năm 2025, tỉnh … đặt mục tiêu GRDP đạt 9,01%" the only year named, after "2024 là … phát triển mạnh mẽ"
        # or "… tăng mạnh so với năm 2024": the results are of the year before the goals', when the text writes
        # that year outside its goals or compares with the year before it
        before = min(goals) - 1
        compared = {int(y) for p, reference, *_ in _periods_named(text) if reference for y in YEAR.findall(p)}
        if before - 1 in compared or (before not in compared and before in _written_years(text)):
            return before
    # the year named most often, not counting goals' years first ("Năm 2024, HĐND tỉnh quyết nghị …" in a report
    # of December 2023 that names 2023 once too), then all, then the later
    most = max(set(years), key=lambda y: (years.count(y) - goals.count(y), years.count(y), y in parts, y))
    # "Năm 2016, GRDP … đạt 9,2% … Trong 6 tháng đầu năm 2017, tăng trưởng … đạt 5,15%": a report of mid-2017
    # looking back on the year before
    return max([most, *so_far])


def _written_years(text: str) -> list[int]:
    """The years a text writes, but not a term's or a plan period's ends ("nhiệm kỳ 2020 - 2025") nor a
    reference's ("so với cùng kỳ năm 2022", "tầm nhìn đến năm 2050")."""
    plain = _RANGES.sub(" ", text)
    return [
        int(m.group(1))
        for m in YEAR.finditer(plain)
        if not REFERENCE_BEFORE.search(
            plain[max(0, m.start() - 35) : m.start()].removesuffix("năm ").rstrip() + " "
        )
        and not any(
            c.end() == m.end() for c in COMPARED_MONTH.finditer(plain, max(0, m.start() - 35), m.end())
        )
    ]


@lru_cache(maxsize=4)
def _periods_named(text: str) -> tuple[tuple[str, bool, bool, bool], ...]:
    """The period phrases of a text, each with whether it dates a reference (:func:`names_reference`, or an
    aside it opens: "tăng 5,8% (quý I-2019 tăng 8,4%)" compares with that quarter), whether its sentence
    speaks of goals (:data:`_GOAL_SENTENCE`) and whether it dates a plan ("tổng kế hoạch vốn đầu tư công năm 2025
    của tỉnh là 6.802 tỷ đồng"); found once for :func:`default_year` and :func:`report_span`."""
    return tuple(
        (
            m.group("p"),
            names_reference(text, m.start())
            or text[max(0, m.start() - 3) : m.start()].rstrip()[-1:] == "("
            or _ABOVE.search(text, max(0, m.start() - 12), m.start()) is not None,
            _GOAL_SENTENCE.search(text, _sentence_start(text, m.start()), _sentence_end(text, m.end()))
            is not None
            or tasks_of(text, m),
            names_reference(text, m.start(), plans=True),
        )
        for m in PERIOD_PHRASES.finditer(text)
    )


_SAME_PERIOD_ASIDE = re.compile(
    r"cùng\s+kỳ\s*\(\s*[^()]{0,30}?(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE
)
# "cao hơn năm 2023 khoảng 01 điểm%": a period compared with is no period the report covers (its own figure, if
# one follows, is dated by it: "cao hơn 6 tháng đầu năm 8,5%")
_ABOVE = re.compile(r"(?<![^\W\d_])(?:cao|thấp)\s+hơn\s+$", re.IGNORECASE)
# words of a sentence about what is still to come: its year is a goal's, not the report's
_GOAL_SENTENCE = re.compile(
    r"(?<![^\W\d_])(?:phấn đấu|mục tiêu|quyết nghị|dự kiến|dự báo|sẽ|đề ra|định hướng)(?![^\W\d_])",
    re.IGNORECASE,
)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in ".;\n") + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in ".;\n") if i != -1]
    return min(ends) if ends else len(text)


def report_span(text: str, year: int | None) -> Span | None:
    """The part of the year a report covers, for figures whose sentence names no period: the
    year-to-date span its own period phrases name most often ("6 tháng đầu năm 2019", "9 tháng"),
    longer ones first on a tie; with none, the one month its results name, when they name no other ("tháng 4
    năm 2021"); ``None`` otherwise (a whole-year report, or no period).

    >>> report_span("Tình hình kinh tế 9 tháng năm 2019. Trong 9 tháng, thu nội địa 13.514 tỉ đồng; quý 3 giảm.", 2019)
    Span('2019-01', '2019-09')
    """
    counts: dict[Span, int] = {}
    later: list[Span] = []  # results of the whole year, or of a part after the months so far
    months = 0  # how many of them are months written as such ("tháng 4 năm 2021")
    for phrase, reference, goal, plan in _periods_named(text):
        if reference or plan:  # ("tổng kế hoạch vốn đầu tư công năm 2025 … Đến cuối tháng 4 đã giải ngân …")
            continue
        span = phrase_span(phrase, year)
        if not isinstance(span, Span) or (year is not None and span.end.year != year):
            continue
        if span.start.month == 1 and 1 < span.months < 12:
            counts[span] = counts.get(span, 0) + 1
        elif not goal:
            later.append(span)
            months += span.months == 1 and "tháng" in phrase.casefold()  # not "đến cuối năm 2024"
    if not counts:
        # "giá trị sản xuất công nghiệp … tháng 4 năm 2021 ước đạt …. Ước tổng mức bán lẻ … đạt 4.749,1 tỷ đồng":
        # a report of one month, the only period its results name (and name as a month)
        return later[0] if len(set(later)) == 1 and months == len(later) else None
    best = max(counts, key=lambda sp: (counts[sp], sp.months))
    # "năm 2017 … quý I, quý II, quý III, quý IV … Năm 2017": a report of the year that names its quarters
    return None if sum(sp.end > best.end for sp in later) > counts[best] else best


# "Ngày 6/3, Đoàn kiểm tra …", "(PLO) - Sáng 8/10, …": the day a news report opens with, on its first lines
_OPENING_DAY = re.compile(
    r"(?:^|\n)[ \t]*(?:\([^\n()]{1,40}\)\s*[-–]\s*)?(?:ngày|chiều|sáng|tối|trưa)\s+(?:ngày\s+)?"
    r"([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})(?:\s*[/.-]\s*((?:19|20)[0-9]{2}))?(?![0-9])",
    re.IGNORECASE,
)


# a dateline: "Chủ Nhật, 06/07/2025 - 20:59", "Thứ Ba, 12/3/2024", "06/07/2025 20:59"
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)?"
    r"([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*((?:19|20)[0-9]{2})"
    r"(?=\s*(?:[-–|,]\s*)?[0-9]{1,2}:[0-9]{2}|\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
# the day of the event a report opens on, in its first sentence: "Tại phiên họp … diễn ra sáng 1/7, …" (not "ngày":
# "Nghị quyết số 115/NQ-CP ngày 31/8/2018" dates a document)
_DAY_OF_EVENT = re.compile(
    r"(?<![^\W\d_])(?:chiều|sáng|tối|trưa)\s+(?:ngày\s+)?([0-9]{1,2})\s*/\s*([0-9]{1,2})"
    r"(?:\s*/\s*((?:19|20)[0-9]{2}))?(?![0-9/])",
    re.IGNORECASE,
)


def opening_month(text: str, year: int | None) -> pd.Period | None:
    """The month a news report says it was written in, on its first lines ("Ngày 6/3, …", "Sáng 8/10, …", a
    dateline "Chủ Nhật, 06/07/2025 - 20:59") or in its first sentence ("Tại phiên họp … diễn ra sáng 1/7, …"), in
    ``year`` unless the date writes one; ``None`` when it opens otherwise. A level it states with no period of its
    own cannot be of a later month.

    >>> opening_month("Ngày 6/3, Đoàn kiểm tra … làm việc với tỉnh Kon Tum.", 2025)
    Period('2025-03', 'M')
    >>> opening_month("Cao Bằng: Lượng khách tăng\\n\\nChủ Nhật, 06/07/2025 - 20:59\\n\\nTrong 6 tháng đầu năm …", 2025)
    Period('2025-07', 'M')
    """
    m = _OPENING_DAY.search(text, 0, 400)
    if m is None:
        first = re.search(r"[.!?](?:\s|$)|\n", text[:400])
        m = _DATELINE.search(text, 0, 400) or _DAY_OF_EVENT.search(
            text, 0, first.start() if first else min(len(text), 400)
        )
        if m is not None and m.group(3) and year is not None and 1 <= int(m.group(2)) <= 12:
            # (a site's header shows the day it was read: "Thứ bảy 07/02/2026 13:28" above a report of February
            # 2025, "Thứ hai, Ngày 05/05/2025" above one of 2022): not half a year after the months it reports, nor
            # before their last but one ("7/1/2019" above a report of the first half of 2019)
            covered = report_span(text, year)
            written = pd.Period(year=int(m.group(3)), month=int(m.group(2)), freq="M")
            end = covered.end if covered is not None else Span.whole_year(year).end
            if written > end + 6 or (covered is not None and written < end - 1):
                m = None
    if m is None or not 1 <= int(m.group(2)) <= 12 or not 1 <= int(m.group(1)) <= 31:
        return None
    y = int(m.group(3)) if m.group(3) else year
    if not m.group(3) and year is not None and int(m.group(2)) < 12 and _year_reported(text, year):
        y = year + 1  # "Chiều 13/3, … GRDP … ước đến cuối năm 2023 đạt …": written after the year it reports
    return pd.Period(year=y, month=int(m.group(2)), freq="M") if y is not None else None


def _year_reported(text: str, year: int) -> bool:
    """Whether the text gives results to the end of ``year`` ("đến cuối năm 2023", "hết năm 2023": a period
    phrase that dates no reference and sets no goal)."""
    return any(
        not reference and not goal and _TO_YEAR_END.fullmatch(phrase) and phrase.endswith(str(year))
        for phrase, reference, goal, _ in _periods_named(text)
    )


_TO_YEAR_END = re.compile(
    r"(?:[^\W\d_]+\s+)*(?:cuối|hết)\s+năm\s+[0-9]{4}", re.IGNORECASE
)  # not "6 tháng cuối năm"
