"""Period phrases of report prose and the span each names.

"9 tháng đầu năm 2023", "quý III/2024", "6 tháng cuối năm", "đến hết tháng 7", "tính đến ngày 31/7/2017":
:data:`PERIOD_PHRASES` finds them, :func:`phrase_span` reads one into a :class:`~ktstats.lang.periods.Span`
(or the reason it names no possible period), and :func:`span_before` finds the phrase that names the
period of a figure — the nearest before it that does not date a plan or a reference ("kế hoạch năm 2024",
"giá so sánh năm 2010", "so với cùng kỳ năm 2023").

>>> phrase_span("đến hết tháng 7", 2017)
Span('2017-01', '2017-07')
>>> span_before("Đến cuối tháng 7, tỉnh đã giải ngân được 1.200 tỷ đồng vốn đầu tư công năm 2017, đạt 40%", 86, None)
Span('2017-01', '2017-07')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise
from typing import Final

import pandas as pd

from ktstats.errors import KtstatsError
from ktstats.lang.periods import Span, parse_span, year_outside
from ktstats.lang.relations import BARE_YEAR, dates_from
from ktstats.lang.scan import fold_case

__all__ = [
    "COMPARED_MONTH",
    "COMPARED_YEAR",
    "PERIOD_PHRASES",
    "PERIOD_WORDS",
    "REFERENCE_BEFORE",
    "SPELLED_COUNTS",
    "TERM",
    "YEAR",
    "casefolded",
    "goal_of_the_year",
    "horizon_before",
    "matches",
    "month_or_year_so_far",
    "names_now",
    "names_reference",
    "period_spoken_of",
    "phrase_span",
    "quoted",
    "span_after",
    "span_before",
    "tasks_of",
    "within",
    "year_so_far_after",
]

_WINDOW: Final = 400  # characters around a number that can belong to its phrase (keeps time linear)

#: a word every period phrase contains: a quick look before :data:`PERIOD_PHRASES`
PERIOD_WORDS: Final = ("năm", "tháng", "quý", "đến", "đoạn", "kỳ", "tết")
#: months counted in words before "tháng" ("Hai tháng đầu năm 2025", "mười một tháng"; "năm" is the year's word)
SPELLED_COUNTS: Final = r"mười\s+một|mười\s+hai|mười|hai|ba|bốn|sáu|bảy|tám|chín"
PERIOD_PHRASES = re.compile(  # (?<!\w): a phrase starts a word, other positions are skipped fast
    # (and starts with one of these: a digit or the first letter of a word below — a quick look first)
    r"(?=[0-9mhbsctlđqngMHBSCTLĐQNG])(?<!\w)(?P<p>(?<![0-9.,])(?:[0-9]{1,2}|"
    + SPELLED_COUNTS
    + r")\s+tháng\s+cuối\s+năm(?:\s+[0-9]{4,}|\s+(?:nay|ngoái)(?![^\W\d_]))?"
    r"|(?<![0-9.,])(?:[0-9]{1,2}|"
    + SPELLED_COUNTS
    + r")\s+tháng(?:\s+đầu)?(?:\s+(?:của\s+)?năm(?:\s+(?:nay|ngoái)(?![^\W\d_]))?)?(?:\s+[0-9]{4,}|\s*/\s*(?:19|20)[0-9]{2}(?![0-9]))?"
    r"|(?:(?:lũy\s+kế\s+(?:từ\s+đầu\s+năm\s+)?|(?:tính\s+)?(?:từ\s+đầu\s+năm\s+)?)đến\s+(?:hết\s+|cuối\s+|đầu\s+|giữa\s+)?|hết\s+(?=tháng))"
    r"(?:tháng\s+[0-9]{1,2}(?:\s*/\s*[0-9]{4,}|\s+năm\s+[0-9]{4,})?|(?:ngày\s+)?[0-9]{1,2}\s*/\s*[0-9]{1,2}(?:\s*/\s*[0-9]{4,})?"
    r"|ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}(?:\s+năm\s+[0-9]{4,})?|ngày\s+[0-9]{1,2}-[0-9]{1,2}(?:-[0-9]{4,})?)"
    # "đến hết quý II", "đến cuối quý III/2024": the year so far to the end of that quarter
    r"|(?:lũy\s+kế\s+)?đến\s+(?:hết|cuối)\s+quý\s+(?:[IVX]+|[0-9]+)(?![^\W\d_])"
    r"(?:\s*/\s*[0-9]{4,}|\s*[-–]\s*(?:19|20)[0-9]{2}(?![0-9])|\s+năm\s+[0-9]{4,})?"
    r"|quý\s+(?:[IVX]+|[0-9]+)(?![^\W\d_])(?:\s*/\s*[0-9]{4,}|\s*[-–]\s*(?:19|20)[0-9]{2}(?![0-9])"
    r"|\s+năm\s+(?:[0-9]{4,}|(?:nay|ngoái)(?![^\W\d_])))?"
    r"|tháng\s+[0-9]+\s*/\s*[0-9]{4,}"
    r"|tháng\s+[0-9]{1,2}\s*[-–]\s*(?:19|20)[0-9]{2}(?![0-9])"  # "quý I-2020", "tháng 4-2021": a year after a dash
    # "tháng 1 và tháng 2/2022", "tháng 7-8/2023": the months together
    r"|tháng\s+[0-9]{1,2}\s*(?:[-–]|và|đến)\s*(?:tháng\s+)?[0-9]{1,2}(?![0-9])(?!\s*tháng)"  # ("tháng 8 và 8 tháng": two)
    r"(?:\s*/\s*[0-9]{4,}|\s+năm\s+[0-9]{4,})?"
    r"|tháng\s+[0-9]{1,2}(?![0-9/])(?:\s+năm\s+(?:[0-9]{4,}|(?:nay|ngoái)(?![^\W\d_])))?"
    # "trong tháng đầu năm 2026": January (not "những tháng đầu năm", some months)
    r"|(?<!những\s)(?<!các\s)(?<!mấy\s)tháng\s+đầu\s+(?:tiên\s+(?:của\s+)?)?năm(?:\s+[0-9]{4,}|\s+nay(?![^\W\d_]))?"
    r"|cả\s+năm(?:\s+[0-9]{4,})?"
    r"|nửa\s+(?:đầu|cuối)\s+năm(?:\s+[0-9]{4,}|\s+(?:nay|ngoái)(?![^\W\d_]))?"
    r"|(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+[0-9]{4}\s*[-–]\s*[0-9]{4}(?![0-9])"
    r"|(?<=[0-9]\s)năm\s+\(?[0-9]{4}\s*[-–]\s*[0-9]{4}(?![0-9])"  # "Trong 3 năm (2021 - 2023)", "3 năm 2019-2021"
    r"|(?:đến\s+)?cuối\s+năm\s+[0-9]{4,}"
    r"|đầu\s+năm\s+[0-9]{4,}"
    r"|năm\s+[0-9]{4,}"
    r"|năm\s+(?:nay|ngoái)(?![^\W\d_])"
    # "dịp Tết Nguyên đán Bính Ngọ 2026": the month of the lunar new year (a year of the cycle may be named)
    r"|(?<!sau\s)(?<!trước\s)tết\s+(?:nguyên\s+đán\s+)?(?:[^\W\d_]+\s+[^\W\d_]+\s+)?(?:19|20)[0-9]{2}(?![0-9]))",
    re.IGNORECASE,
)
#: the month of the first day of the lunar new year (mùng 1 Tết) in Việt Nam
_TET_MONTH: Final = dict(
    zip(range(2010, 2031), (2, 2, 1, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1, 2, 2), strict=True)
)


# what SPELLED_COUNTS matches, as digits
_SPELLED_WORDS: Final = ("mười một", "mười hai", "mười", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín")
_SPELLED: Final = dict(
    zip(_SPELLED_WORDS, ("11", "12", "10", "2", "3", "4", "6", "7", "8", "9"), strict=True)
)
_RELATIVE_YEAR = re.compile(r"năm\s+(nay|ngoái)")


@lru_cache(maxsize=64)
def casefolded(text: str) -> str:
    return fold_case(text)


REFERENCE_BEFORE = re.compile(
    r"(?:kế hoạch|dự toán|pháp lệnh|tài sản, thu nhập|thu nhập|nhiệm kỳ|chỉ tiêu|so sánh|cố định|so với|so|gốc|mức tăng|cùng kỳ"
    # a horizon, not the report's period: "tầm nhìn đến năm 2050", "(phấn đấu) đến năm 2030"
    r"|tầm nhìn|(?<![^\W\d_])đến"
    # "cao nhất (kể) từ năm 2014 đến nay": since, not the report's period
    r"|(?<![^\W\d_])từ"
    # "cao hơn mức tăng 3,59% của 6 tháng đầu năm 2021": a figure quoted for comparison dates only itself (not a
    # year: "GRDP theo giá so sánh năm 2010 của quý III ước đạt …")
    r"|(?<!(?:19|20)[0-9])[0-9]%?\s*của"
    # "Nếu như 8 tháng năm 2019, … chỉ đạt 560 triệu USD, thì năm nay …": the period compared with
    r"|(?<![^\W\d_])nếu\s+như"
    # "gấp 1,6 lần năm 2023": the year of the figure it is a multiple of
    r"|[0-9]\s*lần"
    # "vụ đông xuân năm 2024": a crop season named by its year, not a span of months
    r"|vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|mùa|chiêm(?:\s+xuân)?)"
    # "so với cuối năm ngoái", "so với đầu năm 2023": a moment compared with; "so với (ước) thực hiện năm 2017": a
    # result
    r"|so\s+(?:với\s+)?(?:(?:thời\s+điểm\s+)?(?:cuối|đầu)|(?:ước\s+)?thực\s+hiện|kết\s+quả(?:\s+thực\s+hiện)?)"
    # "đạt 10,10%, cao nhất giai đoạn 2017-2020": the span it is the highest of, not the figure's
    r"|(?:cao|thấp)\s+nhất(?:\s+(?:trong|của))?)\s*(?:của\s*)?$",
    re.I,
)
# "dự toán Trung ương giao thu ngân sách cả năm 2025", "kế hoạch vốn đầu tư công năm 2022": the plan's year
_PLAN_OF = re.compile(r"(?<![^\W\d_])(?:dự\s+toán|kế\s+hoạch)(?:\s+[^\s,;.()0-9]+){1,7}\s+$", re.IGNORECASE)


def names_reference(text: str, start: int, *, plans: bool = False, points: bool = False) -> bool:
    """Whether the period phrase starting at ``start`` dates a reference or a horizon, not the figures ("so với
    cùng kỳ năm 2022", "tầm nhìn đến năm 2050"); with ``plans``, a plan too ("kế hoạch vốn đầu tư công năm
    2022", "dự toán Trung ương giao thu ngân sách cả năm 2025": the plan's figure has it, the next sentences
    do not speak of it); with ``points``, a moment too ("dự kiến vận hành … cuối năm nay": not a span the
    next sentences speak of)."""
    # (a plan's words are looked for first: "dự toán", "kế hoạch")
    before = text[max(0, start - 70) : start] if plans else ""
    return (
        _reference_before(text, start)
        or (("toán" in before.lower() or "hoạch" in before.lower()) and _PLAN_OF.search(before) is not None)
        or (points and _MOMENT_OF.search(text, max(0, start - 6), start) is not None)
    )


@lru_cache(maxsize=1024)
def _reference_before(text: str, start: int) -> bool:  # (asked again by every number after the phrase)
    return REFERENCE_BEFORE.search(text[max(0, start - 30) : start]) is not None


_MOMENT_OF = re.compile(r"(?<![^\W\d_])(?:cuối|đầu)\s+$", re.IGNORECASE)


# "so với cùng kỳ năm 2022": the year before the report's
COMPARED_YEAR = re.compile(r"(?:cùng\s+kỳ|so\s+với)\s+(?:năm\s+)?((?:19|20)[0-9]{2})(?![0-9])", re.I)
# "tăng 14,63% so với tháng 9/2024": the same month a year before the report's
COMPARED_MONTH = re.compile(
    r"so\s+(?:với\s+)?(?:tháng|quý)\s+[0-9IVX]{1,4}\s*(?:/\s*|năm\s+)((?:19|20)[0-9]{2})(?![0-9])", re.I
)


def quoted(sentence: str, pos: int) -> bool:
    """Whether ``pos`` is inside a “quoted title”."""
    lo = max(0, pos - _WINDOW)
    return sentence.count("“", lo, pos) > sentence.count("”", lo, pos)


def span_before(sentence: str, pos: int, year: int | None) -> Span | str | None:
    """The nearest period phrase before ``pos`` that names the figure's period: not one inside a
    closed parenthesis, nor one that dates a plan or a reference ("kế hoạch năm 2024"). A phrase
    that names no possible period gives the reason (see :func:`_phrase_span`)."""
    lo = max(0, pos - _WINDOW)
    low = casefolded(sentence)
    if all(low.find(w, lo, pos) == -1 for w in PERIOD_WORDS):
        return None  # no period phrase can be here (a quick look before the regular expression)
    best, named = None, None
    for m in PERIOD_PHRASES.finditer(sentence, lo, pos):
        opened = sentence.rfind("(", max(0, m.start() - _WINDOW), m.start())
        if (
            opened != -1
            and sentence.find(")", opened, m.start()) == -1
            and sentence.find(")", m.end(), pos) != -1
        ):
            continue  # "(cả năm từ 8,2% trở lên)" speaks for the parenthesis only
        # a plan opening its clause ("…; kế hoạch năm 2019 đạt 7,5 triệu lượt khách") or a horizon ("dự kiến đến năm
        # 2020 đạt 8 triệu lượt khách") dates the figure right after it; not "báo cáo … năm 2024, kế hoạch năm 2025,
        # trong đó, …" (a title's plan, no figure of its own)
        own = (
            _OWN_PLAN.search(low, max(0, m.start() - 12), m.start())
            or _UP_TO.search(low, max(0, m.start() - 4), m.start())
        ) and _PLAN_FIGURE.fullmatch(low, m.end(), pos)
        if (
            (names_reference(sentence, m.start()) and not own)
            or quoted(sentence, m.start())
            or dates_from(low, m, pos)
        ):
            continue
        if _CARRIED.match(low, m.end()):
            continue  # "kế hoạch năm 2025 và năm 2024 kéo dài sang năm 2025": a plan's year, carried over
        if best is not None and (
            tasks_of(sentence, m)
            # "tình hình … 6 tháng đầu năm 2022 và Kế hoạch phát triển … 6 tháng cuối năm 2022": the plan's period
            or (
                YEAR.search(best.group("p")) and _AND_PLAN.search(sentence, max(0, m.start() - 60), m.start())
            )
        ):
            # "báo cáo đánh giá … năm 2017 và phương hướng, nhiệm vụ năm 2018 … ước đạt 35.635 tỷ đồng": a title's
            # year of tasks, after the year it reports on
            continue
        if best is not None and BARE_YEAR.fullmatch(best.group("p")):
            later = phrase_span(m.group("p"), year)
            if isinstance(later, Span) and (later.end.year, later.end.month) == (
                int(best.group("p")[-4:]) + 1,
                1,
            ):
                continue  # "năm 2023 tính đến ngày 4/1/2024": the year's total, counted in early January
        if (
            best is not None
            and BARE_YEAR.fullmatch(m.group("p"))
            # (not "…; tính chung năm 2023 tăng 5,77%": the whole year, named for the figure after a quarter's)
            and not _WHOLE_YEAR_BEFORE.search(low, max(best.end(), m.start() - 20), m.start())
        ):
            # "đến cuối tháng 7, … vốn đầu tư công năm 2017": a bare year after a part of the year
            # dates the thing, not the figure; the part of that year stays the period
            # (not a month of another year: "giao ban báo chí tháng 1-2026, … trong năm 2025, … đạt 8%")
            earlier = phrase_span(best.group("p"), int(m.group("p")[-4:]))
            if (
                isinstance(earlier, Span)
                and earlier.months < 12
                and earlier.end.year == int(m.group("p")[-4:])
            ):
                return earlier
        best = m
        opens = BARE_YEAR.fullmatch(m.group("p")) and _OPENER.fullmatch(sentence, 0, m.start())
        named = int(m.group("p")[-4:]) if opens else named
    if best is None:
        return None
    # "Trong năm 2025 vừa qua, … tăng trưởng kinh tế cả năm đạt 7,34%": a phrase with no year of its own is of the
    # year the sentence named before it
    return phrase_span(best.group("p"), named if named and not YEAR.search(best.group("p")) else year)


# the plan after the report in a title: "tình hình kinh tế - xã hội 6 tháng đầu năm 2022 và Kế hoạch phát triển kinh
# tế - xã hội 6 tháng cuối năm 2022"
_AND_PLAN = re.compile(r"(?<![^\W\d_])và\s+kế\s+hoạch[^.;\n0-9]{0,45}$", re.IGNORECASE)
# a plan that opens its clause, and its own figure right after: "…; kế hoạch năm 2019 đạt 7,5 triệu lượt khách"
_OWN_PLAN = re.compile(r"(?:^|[;,:]\s)kế\s+hoạch\s+$")
_UP_TO = re.compile(r"(?<![^\W\d_])đến\s+$")
_PLAN_FIGURE = re.compile(r"\s*(?:đạt|là|:)\s*(?:hơn\s+|trên\s+|khoảng\s+)?")
# a plan's year carried into the next: "năm 2024 kéo dài sang năm 2025", "… chuyển sang …"
_CARRIED = re.compile(r"\s+(?:được\s+)?(?:kéo\s+dài|chuyển)\s+sang\b")
# a year opening its sentence: "Trong năm 2025 vừa qua, …"
_OPENER = re.compile(r"\W*(?:trong\s+)?", re.IGNORECASE)
_WHOLE_YEAR_BEFORE = re.compile(r"(?:tính\s+chung|cả|lũy\s+kế|luỹ\s+kế)\s*$")
TERM = re.compile(r"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s|năm\s+\(?[0-9]{4}\s*[-–]", re.IGNORECASE)
_BARE_MONTHS = re.compile(r"[0-9]+\s+tháng", re.IGNORECASE)
_TO_MONTH = re.compile(
    r"(?:đến\s+(?:hết\s+|cuối\s+|đầu\s+|giữa\s+)?|hết\s+)(?:tháng\s+([0-9]{1,2})"
    r"|(?:ngày\s+)?(?P<day>[0-9]{1,2})\s*/\s*([0-9]{1,2})"
    r"|ngày\s+(?P<day2>[0-9]{1,2})(?:\s+tháng\s+|-)([0-9]{1,2}))"  # "đến ngày 27-11"
)


_MONTHS_TOGETHER = re.compile(
    r"tháng\s+([0-9]{1,2})\s*(?:[-–]|và|đến)\s*(?:tháng\s+)?([0-9]{1,2})(?![0-9])(?!\s*tháng)"
)
_TO_QUARTER = re.compile(r"đến\s+(?:hết|cuối)\s+quý\s+([ivx]+|[0-9]+)")
_QUARTERS: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_IN = re.compile(r"(?<![^\W\d_])trong\s+", re.IGNORECASE)


def span_after(sentence: str, end: int, stop: int, year: int | None) -> Span | None:
    """The period a figure's clause names after it with "trong" ("Trên 422.000 lượt là tổng lượng khách … đến Lào
    Cai trong tháng 7 vừa qua"), between ``end`` (the number's end) and ``stop`` (the next figure), in its
    clause; ``None`` when it names none.

    >>> s = "Trên 422.000 lượt là tổng lượng khách du lịch đến Lào Cai trong tháng 7 vừa qua."
    >>> span_after(s, s.index("lượt"), len(s), 2023)
    Span('2023-07', '2023-07')
    """
    semi = sentence.find(";", end, stop)
    stop = stop if semi == -1 else semi
    for m in _IN.finditer(sentence, end, stop):
        phrase = PERIOD_PHRASES.match(sentence, m.end())
        if phrase is not None and phrase.end() <= stop:
            span = phrase_span(phrase.group("p"), year)
            return span if isinstance(span, Span) else None
    return None


_FIRST_MONTH = re.compile(r"tháng\s+đầu\s+(?:tiên\s+(?:của\s+)?)?năm(?:\s+([0-9]{4,}))?$")


@lru_cache(maxsize=4096)
def phrase_span(phrase: str, year: int | None) -> Span | str | None:
    """The span a period phrase names; ``None`` when it names none exactly ("đầu năm 2025", a
    "quý I" without a year known); the reason as text when it names an impossible period
    ("quý V/2024", "tháng 13/2024", "năm 20245"), so that no figure is filed under another."""
    low = phrase.casefold()
    if _RELATIVE_YEAR.search(
        low
    ):  # "năm nay" (this year), "quý I năm ngoái" (last year): from the report's year
        if not year:
            return None
        low = _RELATIVE_YEAR.sub(lambda m: f"năm {year - (m.group(1) == 'ngoái')}", low)
    low = " ".join(low.split()) if low.startswith("mười") else low
    if (january := _FIRST_MONTH.match(low)) is not None:  # "tháng đầu năm 2026": January 2026
        low = f"tháng 1 năm {january.group(1)}" if january.group(1) else "tháng 1"
    for word, number in _SPELLED.items():  # "chín tháng đầu năm" is "9 tháng đầu năm"
        if low.startswith(word + " "):
            low = number + low[len(word) :]
    low = low.replace("nửa đầu năm", "6 tháng đầu năm").replace("nửa cuối năm", "6 tháng cuối năm")  # halves
    digits = re.findall(r"[0-9]{4,}", low)
    for token in digits:
        if len(token) != 4:
            return f"impossible period {phrase!r}: {token} is not a year"
    # ("năm 2250", OCR's "năm 1025"): no period of a report
    for named in (*map(int, digits), *([year] if year and not digits else [])):
        if (outside := year_outside(named)) is not None:
            return f"impossible period {phrase!r}: {outside}"
    if len(digits) == 2 and TERM.match(
        low
    ):  # "giai đoạn 2021-2025", "nhiệm kỳ 2020 - 2025": the years of a term
        first, last = int(digits[0]), int(digits[1])
        return Span(f"{first}-01", f"{last}-12") if first < last else f"impossible period {phrase!r}"
    y = int(digits[-1]) if digits else year
    months = _MONTHS_TOGETHER.match(low)
    if months is not None:  # "tháng 1 và tháng 2/2022": January and February
        first, last = int(months.group(1)), int(months.group(2))
        if not 1 <= first < last <= 12:
            return f"impossible period {phrase!r}: months {first} to {last}"
        return Span(f"{y}-{first:02d}", f"{y}-{last:02d}") if y else None
    to_quarter = _TO_QUARTER.search(low)
    if to_quarter is not None:  # "đến hết quý II": January to the quarter's last month
        quarter = _QUARTERS.get(to_quarter.group(1))
        if quarter is None:
            return f"impossible period {phrase!r}: there is no quarter {to_quarter.group(1)}"
        return Span(f"{y}-01", f"{y}-{3 * quarter:02d}") if y else None
    to_month = _TO_MONTH.search(low)
    if to_month is not None:  # "đến hết tháng 7", "tính đến ngày 31/7/2017": January to that month
        month = int(to_month.group(1) or to_month.group(3) or to_month.group(5))
        if not 1 <= month <= 12:
            return f"impossible period {phrase!r}: there is no month {month}"
        if month > 1 and (to_month.group("day") or to_month.group("day2")) in ("1", "01"):
            month -= 1  # "đến ngày 1/10": to the end of September
        return Span(f"{y}-01", f"{y}-{month:02d}") if y else None
    if low.startswith("tết"):  # "Tết Nguyên đán 2026": the month it falls in, where the table knows it
        return Span.month(y, _TET_MONTH[y]) if y in _TET_MONTH else None
    try:
        if "cuối năm" in low and "tháng" not in low:
            return Span.month(y, 12) if y else None
        if low.startswith("đầu năm"):
            if y is not None:
                Span.whole_year(y)  # the year must exist, though no exact span is named
            return None
        if y is None:
            parse_span(low, year=2000)  # no year to file it under, but it must be a period
            return None
        return parse_span(low, year=y)
    except KtstatsError as exc:
        if _BARE_MONTHS.fullmatch(low):
            return None  # "15 tháng": a duration, not a period of the year
        return f"impossible period {phrase!r}: {exc}"


YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# the year whose tasks are set: "tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026" (a goal's year; but
# "phương hướng, nhiệm vụ 6 tháng cuối năm 2024" is the rest of the report's year)
_TASKS_OF = re.compile(r"(?:nhiệm\s+vụ|phương\s+hướng)[^.;\n0-9]{0,25}$", re.IGNORECASE)


# tasks to be carried out: "triển khai một số nhiệm vụ trọng tâm tháng 1 và quý 1/2020" (any period after it)
_DEPLOYS = re.compile(r"triển\s+khai\s+(?:[^\W\d_]+\s+){0,3}nhiệm\s+vụ[^.;\n]{0,40}$", re.IGNORECASE)


def tasks_of(text: str, m: re.Match[str]) -> bool:
    """Whether the period phrase ``m`` of ``text`` names the period whose tasks are set ("phương hướng, nhiệm vụ
    năm 2018", "triển khai … nhiệm vụ trọng tâm tháng 1 và quý 1/2020"), not one the text reports on."""
    return (
        m.group("p")[:3].casefold() == "năm"
        and _TASKS_OF.search(text, max(0, m.start() - 40), m.start()) is not None
    ) or _DEPLOYS.search(text, max(0, m.start() - 70), m.start()) is not None


@lru_cache(maxsize=16)
def matches(pattern: re.Pattern[str], sentence: str) -> tuple[list[int], list[int]]:
    """Where ``pattern`` matches in a sentence (starts, ends), found once per sentence: a check per
    number is then a bisection, so a sentence of many numbers stays linear."""
    found = [(m.start(), m.end()) for m in pattern.finditer(sentence)]
    return [a for a, _ in found], [b for _, b in found]


def within(found: tuple[list[int], list[int]], lo: int, hi: int) -> bool:
    """Whether a match of :func:`matches` lies wholly between ``lo`` and ``hi``."""
    starts, ends = found
    i = bisect_left(starts, lo)
    return i < len(starts) and ends[i] <= hi


# "ước đạt 2,533 tỷ USD, tăng 7,1% so với tháng trước": the clause speaks of one month
_ON_PREVIOUS_MONTH = re.compile(r"so\s+(?:với\s+)?tháng\s+trước", re.IGNORECASE)
# "lũy kế ước đạt 321.887 tỉ đồng": the year so far, to the month the report speaks of
_SO_FAR = re.compile(rf"(?<![^\W\d_])lũy\s+kế(?!\s+(?:từ|đến|[0-9]|{SPELLED_COUNTS}))", re.IGNORECASE)
# (and naming no year: "lũy kế năm 2025", "lũy kế cả năm" date themselves)
_BARE_SO_FAR = re.compile(
    rf"(?<![^\W\d_])lũy\s+kế(?!\s+(?:từ|đến|năm|cả|[0-9]|{SPELLED_COUNTS}))", re.IGNORECASE
)


# "… tỷ đồng trong tháng", "… tỷ đồng của tháng này": right after a figure, the month the report speaks of
_IN_THE_MONTH = re.compile(r"\s*(?:trong|của)\s+tháng(?:\s+này)?(?![^\W\d_]|\s*[0-9])", re.IGNORECASE)
# (before it: "Tổng doanh thu du lịch trong tháng ước đạt …", "Tháng này, tỉnh thu …")
_IN_THE_MONTH_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:trong\s+tháng(?:\s+này)?|tháng\s+này)(?![^\W\d_]|\s*[0-9])", re.IGNORECASE
)


def month_or_year_so_far(
    sentence: str,
    clause_start: int,
    digit: int,
    end: int,
    span: Span,
    own: object,
    now: pd.Period | None = None,
) -> Span:
    """The span of a flow's figure when its clause says more than its period phrase: one month when the
    clause compares with the month before or the figure is "trong tháng"; the year so far after a bare "lũy kế";
    January to ``now`` (when the text was written) after "từ đầu năm đến nay", also for a figure of that whole year."""
    so_far = since_january(sentence, clause_start, digit, now)
    if so_far is not None and (
        own is None or (isinstance(own, Span) and own == Span.whole_year(so_far.end.year))
    ):
        # ("Đến nay, … đã giải ngân 1.200 tỷ đồng vốn … năm 2024, đạt 40% kế hoạch": both to now)
        return so_far
    stop = sentence.find(";", end)
    clause_end = len(sentence) if stop == -1 else stop
    # the month of writing when it lies in the span ("Ngày 6/7, … trong tháng" of a year: July), else its last
    month = Span(now, now) if now is not None and span.start <= now <= span.end else Span(span.end, span.end)
    if span.months > 1 and _IN_THE_MONTH.match(sentence, end):
        # "đã đạt 3.470 tỷ đồng trong tháng và lũy kế đạt 6.920 tỷ đồng": the month's
        return month
    if _SO_FAR.search(sentence, max(clause_start, digit - 60), digit):
        # "đạt 85 triệu USD gấp đôi so với tháng trước, lũy kế 180,8 triệu USD": the month's comparison is not this one's
        if span.months == 1:
            return Span(f"{span.end.year}-01", span.end)
        whole = span.months == 12 and own is None and month.end != span.end  # ("lũy kế cả năm": the year's)
        return Span(f"{month.end.year}-01", month.end) if whole else span
    if (
        span.months > 1
        and not (isinstance(own, Span) and own.months > 1)
        and _IN_THE_MONTH_BEFORE.search(sentence, max(clause_start, digit - 60), digit)
    ):
        return month  # "Tổng doanh thu du lịch trong tháng ước đạt 4.157,5 tỷ đồng"
    if (
        span.months > 1
        and not (isinstance(own, Span) and own.months > 1)
        and _ON_PREVIOUS_MONTH.search(sentence, clause_start, clause_end)
    ):
        return Span(span.end, span.end)
    return span


# the year so far opening a clause of its own figure: ", lũy kế 8 tháng tăng 9%", "; 8 tháng đạt 132.000 tỷ"
_SO_FAR_FIGURE = re.compile(r"\s*(?:(?:tính\s+chung|lũy\s+kế|luỹ\s+kế|cộng\s+dồn)\s+)?$", re.IGNORECASE)


_CUMULATIVE_NEXT = re.compile(
    r"[^,;0-9]{0,12}[,;]\s*(?:lũy|luỹ)\s+kế(?:\s+(?:được|đạt|là))?\s*(?=[0-9])", re.I
)


def year_so_far_after(sentence: str, end: int, span: Span) -> int:
    """Where the sentence, after ``end``, opens a clause with a figure of ``span`` (the year so far: "…, tăng
    23,3%; 8 tháng đạt 132.000 tỷ đồng"); -1 when it does not. A figure before it with no period of its own is
    then the month's."""
    if span.months < 2 or span.start.month != 1:
        return -1
    # "Thu nội địa: 500 tỷ đồng, luỹ kế được 1.489,51 tỷ đồng": the sum so far comes next
    cumulative = _CUMULATIVE_NEXT.match(sentence, end)
    if cumulative is not None:
        return cumulative.end()
    if "tháng" not in sentence[end:]:
        return -1
    for m in PERIOD_PHRASES.finditer(sentence, end):
        mark = max(sentence.rfind(",", end, m.start()), sentence.rfind(";", end, m.start()))
        if (
            mark != -1
            and _SO_FAR_FIGURE.match(sentence, mark + 1, m.start())
            and any(c.isdigit() for c in sentence[m.end() : m.end() + 25])
            and phrase_span(m.group("p"), span.end.year) == span
            and not names_reference(sentence, m.start())
        ):
            return m.start()
    return -1


_OF_THE_YEAR_GOAL = re.compile(
    r"(?:kế\s+hoạch|kh|mục\s+tiêu|chỉ\s+tiêu)\s+(?:cả\s+)?năm(?!\s+[0-9])[^()]*$", re.IGNORECASE
)


def goal_of_the_year(lead: str) -> bool:
    """Whether the goal right after ``lead`` says it is the year's ("(kế hoạch năm 7,3-7,5%)", "KH năm tăng 8%
    trở lên"), though the clause names a shorter period before it.

    >>> goal_of_the_year("sáu tháng đầu năm, GRDP ước tăng 7,54% (kế hoạch năm "), goal_of_the_year("(kế hoạch ")
    (True, False)
    """
    return _OF_THE_YEAR_GOAL.search(lead) is not None


_HORIZON = re.compile(r"(?:đến|tới)\s+năm\s+([0-9]{4})(?![0-9])", re.IGNORECASE)


def horizon_before(sentence: str, low: str, digit: int) -> tuple[int | None, bool]:
    """The last year a figure at ``digit`` is set for ("đặt mục tiêu đến năm 2025 đón …"), ``None`` when no
    "đến/tới năm YYYY" comes before it, and whether one is close by (60 characters). ``low`` is the sentence,
    casefolded (a quick look first).

    >>> s = "Mục tiêu đến năm 2030, GRDP bình quân đầu người đạt 95 triệu đồng"
    >>> horizon_before(s, s.casefold(), s.index("95"))
    (2030, True)
    """
    if "năm" not in low or ("đến" not in low and "tới" not in low):
        return None, False
    years = [int(m.group(1)) for m in _HORIZON.finditer(sentence, max(0, digit - _WINDOW), digit)]
    if not years:
        return None, False
    return years[-1], _HORIZON.search(sentence, max(0, digit - 60), digit) is not None


# a goal before a period phrase in its clause: "đặt mục tiêu … đạt 10% trở lên trong năm 2025" (not "thực
# hiện kế hoạch 6 tháng đầu năm", which reports results)
_GOAL_BEFORE = re.compile(r"(?:phấn đấu|mục tiêu)[^;]*$", re.IGNORECASE)


#: "(kể) từ đầu năm (2025) đến nay", "đầu năm đến nay": the year so far, to the day the text was written; and a
#: clause that opens on "(tính) đến nay" ("Đến nay, tỉnh đã giải ngân …"), not "từ năm 2014 đến nay" (since then)
_SINCE_JANUARY = re.compile(
    r"(?:(?<![^\W\d_])đầu\s+năm(?:\s+(?:nay|([0-9]{4})))?\s+(?:cho\s+)?|(?<![^\W\d_])(?:tính\s+)?)(?:đến|tới)\s+"
    r"(?:nay|thời\s+điểm\s+(?:này|hiện\s+tại)|hiện\s+(?:nay|tại))(?![^\W\d_])",
    re.IGNORECASE,
)


def _since_january(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first "từ đầu năm … đến nay" between ``lo`` and ``hi``, or a "đến nay" that opens a clause there."""
    for m in _SINCE_JANUARY.finditer(text, lo, hi):
        if m.group(0).casefold().startswith("đầu"):
            return m  # ("từ đầu năm đến nay", "đầu năm đến nay")
        before = text[max(0, m.start() - 40) : m.start()].rstrip()
        if not before or before[-1] in ",;:(\n":
            return m  # ("Đến nay, …", ", tính đến nay …")
    return None


def since_january(text: str, lo: int, hi: int, now: pd.Period | None) -> Span | None:
    """The span "từ đầu năm (2025) đến nay" names between ``lo`` and ``hi`` (or a "đến nay" opening a clause):
    January to ``now``, the month the text was written (:func:`opening_month`); ``None`` when it names none or
    ``now`` is unknown or of another year.

    >>> since_january("Ngày 26.11, …, từ đầu năm 2025 đến nay, tỉnh đón hơn 7,4 triệu lượt khách", 0, 70,
    ...               pd.Period("2025-11", "M"))
    Span('2025-01', '2025-11')
    >>> since_january("Đến nay, tỉnh đã giải ngân 1.200 tỷ đồng", 0, 30, pd.Period("2024-06", "M"))
    Span('2024-01', '2024-06')
    >>> since_january("cao nhất từ năm 2014 đến nay, tăng 9%", 0, 30, pd.Period("2024-06", "M")) is None
    True
    """
    m = _since_january(text, lo, hi) if now is not None else None
    if m is None or now is None or (m.group(1) and int(m.group(1)) != now.year):
        return None
    return Span(f"{now.year}-01", now)


def names_now(text: str, lo: int, hi: int, end: int, *, month: bool = False) -> bool:
    """Whether the figure whose number runs from ``hi`` to ``end`` is dated by the day the text was written: "từ đầu
    năm (2025) đến nay" (the year so far) or a clause opening on "đến nay" between ``lo`` and ``hi``; with ``month``
    (a flow's figure) also "trong tháng (này)" right before or after it (the month of writing) and a bare "lũy kế"
    before it (the year so far). Such a figure has no period until the text says, or is told, when it was written.

    >>> names_now("Từ đầu năm 2024 đến nay, tỉnh thu ngân sách 830 tỷ đồng", 0, 45, 48)
    True
    >>> names_now("Tỉnh thu ngân sách 300 tỷ đồng trong tháng", 0, 19, 30, month=True)
    True
    """
    if _since_january(text, lo, hi) is not None:
        return True
    return month and (
        _IN_THE_MONTH.match(text, end) is not None
        or _IN_THE_MONTH_BEFORE.search(text, max(lo, hi - 60), hi) is not None
        # ("lũy kế đạt 1.800 tỷ đồng": to which month?)
        or _BARE_SO_FAR.search(text, max(lo, hi - 60), hi) is not None
    )


def period_spoken_of(sentence: str, low: str, year: int | None, now: pd.Period | None = None) -> Span | None:
    """The period a sentence speaks of, which carries to the sentences after it until another is named: the
    last one it names that runs from January ("6 tháng đầu năm … và phương hướng 6 tháng cuối năm 2024": the
    first half), else the last one it names — of the latest year it names; not one that dates a reference ("so với cùng kỳ năm 2023"), a
    quoted title, a plan ("bằng 110,5% dự toán … cả năm 2025") or a goal named as such ("đặt mục tiêu …
    trong năm 2025"), nor one inside parentheses, nor a term ("giai đoạn 2021-2025"). ``low`` is the sentence
    casefolded; ``None`` when it names none.

    >>> s = "6 tháng đầu năm 2024, thu ngân sách đạt 900 tỷ đồng; phương hướng 6 tháng cuối năm 2024: tăng thu."
    >>> period_spoken_of(s, s.casefold(), 2024)
    Span('2024-01', '2024-06')
    """
    if not any(w in low for w in PERIOD_WORDS):
        return None
    if (so_far := since_january(sentence, 0, len(sentence), now)) is not None:
        return so_far  # "Ngày 26.11, …, từ đầu năm 2025 đến nay, tỉnh đón …"
    named = [
        m
        for m in PERIOD_PHRASES.finditer(sentence)
        if not names_reference(sentence, m.start(), points=True)
        and not quoted(sentence, m.start())
        and not _GOAL_BEFORE.search(sentence, max(0, m.start() - 150), m.start())
        and not sentence.endswith("bình quân ", 0, m.start())  # "CPI bình quân 10 tháng": the CPI's window
    ]
    named = [
        m for m in named if not names_reference(sentence, m.start(), plans=True) and not dates_from(low, m)
    ]
    # "tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026": the year summed up, not the one whose tasks are set
    named = [m for m in named if not tasks_of(sentence, m)] or named
    outside = [m for m in named if sentence.count("(", 0, m.start()) <= sentence.count(")", 0, m.start())]
    spans = [x for x in (phrase_span(m.group("p"), year) for m in outside) if isinstance(x, Span)]
    parts = sorted(set(spans), key=lambda x: x.start)
    if len(parts) >= 3 and all(a.end < b.start for a, b in pairwise(parts)):
        # "quý I … đạt 8,3%, quý II tăng 10,7%, quý III …, quý IV …": the year's parts, one by one
        return None
    if not _MONTH_IN_FOCUS.match(low):
        # ("tại cuộc họp giao ban báo chí tháng 1-2026, … trong năm 2025, …": the meeting's month speaks of nothing)
        spans = [x for x in spans if x.months > 1] or spans
    from_january = [x for x in spans if x.start.month == 1]
    # the last of the latest year ("… năm 2021; công bố kết quả điều tra nông thôn … năm 2020": 2021)
    pool = from_january or spans
    chosen = max(reversed(pool), key=lambda x: x.end.year) if pool else None
    if chosen is not None and chosen.months == 12:
        # "trong 10 tháng qua, … đạt hơn 25,5 tỷ USD, …, ước tính cả năm 2025 đạt 30 tỷ USD": the months so
        # far are what the text goes on with; the whole year is what they are heading for
        chosen = next(
            (x for x in reversed(from_january) if x.end.year == chosen.end.year and x.months < 12), chosen
        )
    if chosen is not None and chosen.months == 1 and _MONTH_IN_FOCUS.match(low):
        return chosen  # "Riêng trong tháng 7, …", "Tính trong tháng 5/2024, …": the month, to what follows
    return chosen if chosen is not None and 1 < chosen.months <= 12 else None


#: a sentence that opens on one month ("Riêng trong tháng 7, …", "Tính trong tháng 5/2024, …", "Trong tháng 1 năm
#: 2023, …"), not on a bare "Tháng 10/2024, …" (−2 on the development texts)
_MONTH_IN_FOCUS = re.compile(r"\W*(?:(?:riêng|tính)\s+(?:trong\s+)?|trong\s+)tháng\s+[0-9]", re.IGNORECASE)
