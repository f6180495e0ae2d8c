"""What a stated ratio or change is measured against, as Vietnamese reports write it.

"đạt 55% dự toán Trung ương giao", "bằng 121% cùng kỳ năm trước", "tăng hơn 12% so cùng kỳ",
"vượt 1,3% so với dự toán năm", "đạt 35,08% so với thực nguồn kế hoạch vốn": the words after the
number say what it is relative to, and the verb before it (past a qualifier such as "hơn", "khoảng")
says whether it is a share ("đạt", "bằng", "hoàn thành"), a change ("tăng", "giảm", "vượt") or a
level. The reference keeps what the text says (:data:`ktstats.data.schema.RELATIVE_TO`): a budget
estimate assigned by the centre (``budget_estimate_central``) is not the province's own
(``budget_estimate_local``), nor a plan (``plan``), nor a resolution's target.

>>> reference_after(" dự toán Trung ương giao, tăng hơn 12% so cùng kỳ")
'budget_estimate_central'
>>> reference_after(" so cùng kỳ năm trước"), reference_after(" cùng kỳ năm trước")
('same_period_last_year', 'same_period_last_year')
>>> verb_before("thu ngân sách tăng hơn"), verb_before("ước đạt khoảng")
('tăng', 'đạt')
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

from ktstats.lang.periods import Span, year_outside

__all__ = [
    "BARE_YEAR",
    "CHANGE_VERBS",
    "COMPARED_MONTHS",
    "OF_THE_YEAR",
    "SHARE_VERBS",
    "compared_month",
    "dates_from",
    "month_after_compared",
    "over_years",
    "points_reference",
    "quoted_year",
    "reference_after",
    "same_change_in_amount",
    "to_fiscal_close",
    "verb_before",
    "verb_of",
]

#: a bare year, "năm 2021" (one phrase of :data:`ktstats.lang.phrases.PERIOD_PHRASES`)
BARE_YEAR: Final = re.compile(r"năm\s+[0-9]{4}", re.IGNORECASE)

#: verbs before a percent that make it a share of the reference ("đạt 55% dự toán")
SHARE_VERBS: Final = frozenset({"đạt", "bằng", "hoàn", "thành", "được", "gấp"})
#: verbs before a percent that make it a change ("tăng 12% so cùng kỳ", "vượt 1,3% so với dự toán")
CHANGE_VERBS: Final = frozenset({"tăng", "giảm", "vượt"})
# words between the verb and the number that qualify the number, not the relation
_QUALIFYING: Final = frozenset(
    {
        "hơn",
        "trên",
        "khoảng",
        "gần",
        "xấp",
        "xỉ",
        "ước",
        "tính",
        "đạt",
        "được",
        "là",
        "lên",
        "ở",
        "mức",
        "thêm",
        "tới",  # "tăng tới 32,5%": as much as
        "tối",  # "đạt tối thiểu 20%", "tối đa": at least, at most
        "thiểu",
        "đa",
        # adverbs of degree: "tăng mạnh 70,9%", "giảm nhẹ 0,5%", "tăng khá 8%"
        "mạnh",
        "mẽ",
        "nhẹ",
        "khá",
    }
)

#: references that are an assigned amount for the period (a plan in the broad sense): kế hoạch (the centre's, the
#: province's, or no body named), dự toán (likewise), nhiệm vụ chi
PLAN_LIKE: Final = frozenset(
    {
        "plan",
        "plan_central",
        "plan_local",
        "budget_estimate",
        "budget_estimate_local",
        "budget_estimate_central",
        "spending_task",
    }
)
#: what a flow's share is of when it is the whole year's: a plan, a budget estimate, a task, a resolution's target
OF_THE_YEAR: Final = PLAN_LIKE | {"resolution_target"}
_SO = r"(?:so\s+(?:với\s+)?)?"
# ("dự toán năm 2025 …", "dự toán điều chỉnh HĐND tỉnh", "Dự toán được Hội đồng nhân dân thành phố giao")
# ("dự toán pháp lệnh Bộ Tài chính giao": the statutory estimate, set by the Ministry of Finance)
_GIVEN = r"(?:\s+pháp\s+lệnh)?(?:\s+(?:năm\s+)?(?:[0-9]{4}\s+)?)?(?:\s*(?:điều\s+chỉnh|được|đã\s+được)\s+)?"
_REFERENCES: Final = (
    # the centre's estimate: "dự toán Trung ương giao", "dự toán Thủ tướng Chính phủ giao", "dự toán TW", "dự toán
    # Chính phủ giao"
    (
        re.compile(
            rf"^\s*{_SO}dự\s+toán{_GIVEN}\s*(?:do\s+)?(?:trung\s+ương|tw|thủ\s+tướng|bộ\s+tài\s+chính|chính\s+phủ)",
            re.I,
        ),
        "budget_estimate_central",
    ),
    # the province's own: "dự toán địa phương giao", "dự toán HĐND tỉnh giao", "dự toán tỉnh giao", "dự toán UBND
    # tỉnh giao"
    (
        re.compile(
            rf"^\s*{_SO}dự\s+toán{_GIVEN}\s*(?:do\s+)?(?:địa\s+phương|hđnd|ubnd|hội\s+đồng\s+nhân\s+dân|[uủ]y\s+ban\s+nhân\s+dân"
            r"|tỉnh|thành\s+phố|tp(?![^\W\d_]))",
            re.I,
        ),
        "budget_estimate_local",
    ),
    (re.compile(rf"^\s*{_SO}dự\s+toán", re.I), "budget_estimate"),
    (re.compile(rf"^\s*{_SO}nhiệm\s+vụ\s+chi", re.I), "spending_task"),
    (re.compile(rf"^\s*{_SO}(?:chỉ\s+tiêu\s+)?nghị\s+quyết\s+đại\s+hội", re.I), "congress_target"),
    (re.compile(rf"^\s*{_SO}(?:chỉ\s+tiêu\s+(?:của\s+)?)?nghị\s+quyết", re.I), "resolution_target"),
    # a plan with the body that assigned it: "kế hoạch Thủ tướng Chính phủ giao", "kế hoạch vốn Trung ương giao"
    # (the centre's), "kế hoạch Ủy ban nhân dân tỉnh giao", "kế hoạch HĐND tỉnh giao" (the province's)
    (
        re.compile(
            rf"^\s*{_SO}(?:kế\s+hoạch|kh(?![^\W\d_]))(?:\s+vốn)?{_GIVEN}\s*(?:do\s+)?"
            r"(?:trung\s+ương|tw(?![^\W\d_])|thủ\s+tướng|chính\s+phủ)",
            re.I,
        ),
        "plan_central",
    ),
    (
        re.compile(
            rf"^\s*{_SO}(?:kế\s+hoạch|kh(?![^\W\d_]))(?:\s+vốn)?{_GIVEN}\s*(?:do\s+)?"
            r"(?:địa\s+phương|hđnd|ubnd|hội\s+đồng\s+nhân\s+dân|[uủ]y\s+ban\s+nhân\s+dân|tỉnh|thành\s+phố)"
            r"[^,;.]{0,30}?\sgiao(?![^\W\d_])",
            re.I,
        ),
        "plan_local",
    ),
    (
        re.compile(
            rf"^\s*{_SO}(?:thực\s+nguồn\s+)?(?:kế\s+hoạch|kh(?![^\W\d_])|chỉ\s+tiêu|mục\s+tiêu|kịch\s+bản)",
            re.I,
        ),
        "plan",
    ),
    (
        re.compile(
            r"^\s*(?:so\s+(?:với\s+)?)?(?:cùng\s+kỳ|cùng\s+thời\s+điểm|năm\s+trước|năm\s+ngoái)", re.I
        ),
        "same_period_last_year",
    ),
    (
        re.compile(
            r"^\s*so\s+(?:với\s+)?(?:đầu\s+năm|cuối\s+năm\s+trước|thời\s+điểm\s+đầu\s+năm|31/12|tháng\s+12\s+năm)",
            re.I,
        ),
        "start_of_period",
    ),
)
#: "so với tháng trước", "so với quý trước", "so với tháng 8/2023", "so với quý 2/2019": a change on an
#: earlier month or quarter (not "tháng 12 năm trước", the start of the year, nor "quý … cùng kỳ")
_PREVIOUS_PERIOD = re.compile(
    r"^\s*so\s+(?:với\s+)?(?:(?:tháng|quý)\s+trước|tháng\s+(?!12(?![0-9]))[0-9]{1,2}(?![0-9])"
    r"|quý\s+(?:[IVX]+|[1-4])(?![^\W\d_]))(?:\s*/\s*[0-9]{4}|\s+năm\s+[0-9]{4})?(?!\s*(?:năm\s+trước|cùng))",
    re.I,
)


_MONTH_NAMED = r"so\s+(?:với\s+)?tháng\s+([0-9]{1,2})\s*(?:/\s*|\s+năm\s+)([0-9]{4})"
_COMPARED_MONTH = re.compile(rf"^\s*{_MONTH_NAMED}", re.I)
#: "so với tháng 12/2024" anywhere in a sentence: (month, year) in its groups
COMPARED_MONTHS = re.compile(_MONTH_NAMED, re.I)


def compared_month(after: str) -> tuple[int, int] | None:
    """The month and year a figure is compared with when the words after it name both ("so với tháng
    6/2023"): (month, year), else ``None``. The same month a year earlier is the same period of last year.

    >>> compared_month(" so với tháng 6/2023."), compared_month(" so với tháng trước")
    ((6, 2023), None)
    """
    m = _COMPARED_MONTH.match(after)
    return (int(m.group(1)), int(m.group(2))) if m else None


# an aside between a figure and what it is compared with, or the end of the aside a figure stands in: "bằng
# 104,8% (vượt 231,287 tỷ đồng) so dự toán …", "(vượt 231,287 tỷ đồng) so dự toán …"
_ASIDE_FIRST = re.compile(r"^\s*(?:\([^()]{0,60}\)|\))(?=\s*so\s)")


def reference_after(after: str) -> str | None:
    """What the words right after a number say it is relative to, or ``None``.

    >>> reference_after(" (vượt 231,287 tỷ đồng) so dự toán pháp lệnh Bộ Tài chính giao"), reference_after(") so cùng kỳ")
    ('budget_estimate_central', 'same_period_last_year')
    """
    if after[:3].lstrip().startswith(("(", ")")) and (aside := _ASIDE_FIRST.match(after)) is not None:
        after = after[aside.end() :]
    if _PREVIOUS_PERIOD.match(after):
        return "previous_period"
    for pattern, name in _REFERENCES:
        if pattern.match(after):
            return name
    return None


# "so với năm 2002", "so với cùng kỳ năm 2015", "so với đầu nhiệm kỳ": an earlier point than last year
# ("gấp 2 lần năm 2015": "so với" may be left out before a year)
_AGAINST_EARLIER = re.compile(
    r"^\s*,?\s*(?:(?:so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:năm\s+)?|năm\s+)((?:19|20)[0-9]{2})(?![0-9])"
    r"|so\s+(?:với\s+)?(?:năm\s+)?đầu\s+nhiệm\s+kỳ)",
    re.I,
)


def over_years(relative_to: str, after: str, year: int) -> str | None:
    """Why a figure of ``year`` compared with ``relative_to`` is none the catalog holds: the words after it
    compare it with an earlier point than the year before ("tăng gấp 21 lần so với năm 2002", "gấp 2,8 lần so
    với đầu nhiệm kỳ") — a ratio or change over several years, to a base no reference names; else ``None``.

    >>> over_years("same_period_last_year", " so với năm 2002 (940 tỷ đồng)", 2020)
    'compared with 2002, not with last year'
    >>> over_years("same_period_last_year", " so với cùng kỳ năm 2019", 2020) is None
    True
    """
    if relative_to != "same_period_last_year" or (m := _AGAINST_EARLIER.match(after)) is None:
        return None
    if m.group(1) is None:
        return "compared with the start of the term, not with last year"
    return f"compared with {m.group(1)}, not with last year" if int(m.group(1)) < year - 1 else None


# "cùng kỳ năm trước (4,9%)", "so với năm 2023 (5,11%)", "(cùng kỳ năm 2022 đạt 19,95%)", "(cùng kỳ tăng 3,5%)":
# a figure in parentheses that a period of comparison opens, or comes right before
_QUOTED_IN = re.compile(
    r"(?:(?<![^\W\d_])cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|(?P<y1>(?:19|20)[0-9]{2})))?"
    r"|(?<![^\W\d_])năm\s+(?P<y2>(?:19|20)[0-9]{2}))\s*\(\s*(?:đạt\s+)?(?:[+\-−]\s*)?$"
    r"|\(\s*cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|(?P<y3>(?:19|20)[0-9]{2})))?\s*:?\s*"
    r"(?:(?:đã\s+|chỉ\s+)?(?:tăng|giảm|đạt|là|bằng)\s+)?(?:[+\-−]\s*)?$",
    re.IGNORECASE,
)


_OF_A_GOAL = re.compile(
    r"(?<![^\W\d_])(?:so\s+với|kế\s+hoạch|kh|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)(?![^\W\d_])", re.I
)


def quoted_year(sentence: str, digit: int) -> int | None:
    """The year of the figure at ``digit`` when it is a figure of a period of comparison in parentheses:
    "cùng kỳ năm trước (4,9%)", "(cùng kỳ tăng 3,5%)" → 0 (the same months a year before); "so với năm 2023
    (5,11%)", "(cùng kỳ năm 2022 đạt 19,95%)" → 2023, 2022; else ``None``.

    >>> s = "tăng 7,38%, cao hơn so với năm 2023 (5,11%) và cùng kỳ năm trước (4,9%)"
    >>> quoted_year(s, s.index("5,11")), quoted_year(s, s.index("4,9")), quoted_year(s, s.index("7,38"))
    (2023, 0, None)
    >>> s = "giảm 16,8% so với cùng kỳ (cùng kỳ tăng 3,5%), đạt 40,8% kế hoạch (12,1%)"
    >>> quoted_year(s, s.index("3,5")), quoted_year(s, s.index("12,1"))
    (0, None)
    """
    if sentence.count("(", 0, digit) <= sentence.count(")", 0, digit):
        return None  # not in parentheses
    m = _QUOTED_IN.search(sentence[max(0, digit - 40) : digit])
    if m is None:
        return None
    close = sentence.find(")", digit, digit + 80)
    if _OF_A_GOAL.search(sentence, digit, close if close != -1 else digit + 40):
        return None  # "tăng 57,9% so với cùng kỳ năm 2023 (đạt 100% kế hoạch năm 2024)": this year's share
    year = m.group("y1") or m.group("y2") or m.group("y3")
    return int(year) if year else 0


def verb_before(lead: str) -> str:
    """The last word before a number that is not a qualifier of the number ("tăng hơn" → "tăng"; "cao hơn",
    "thấp hơn" → "tăng", "giảm")."""
    words = [w for w in (w.strip('(),;:"“”') for w in lead.casefold().split()) if w]  # "(giảm 46%"
    more = words[-1:] == ["hơn"]
    while words and words[-1] in _QUALIFYING and words[-1] not in ("đạt",):
        words.pop()
    if more and words[-1:] in (["cao"], ["thấp"]):
        return "tăng" if words[-1] == "cao" else "giảm"  # "cao hơn 2,5% so với cùng kỳ": a change
    return words[-1] if words else ""


def verb_of(lead: str, sign: str, last_verb: str, goes_on: bool) -> str:
    """The verb of a figure (see :func:`verb_before`) from the words before it (``lead``), the characters right
    before its number (``sign``) and, when the figure ``goes_on`` a clause, the verb of the figure before it: a
    signed share is a change ("4.856 tỷ đồng, + 10,70%", "-13,78%"); the verb goes on after "và" and in a list
    of shares ("bằng 85,6% dự toán và 94,8% cùng kỳ", "đạt 51,2% dự toán …, 46,1% … và 92,6% so với cùng kỳ");
    "tương đương 84,74% so với cùng kỳ" is "bằng".

    >>> verb_of("đạt 51,2% dự toán giao, ", "", "đạt", True), verb_of("tỷ đồng, -", ", -", "", True)
    ('đạt', 'tăng')
    """
    verb = verb_before(lead)
    if verb in ("", "+", ":", "-", "−") and sign.rstrip()[-1:] in ("+", "-", "−"):
        return "tăng"
    if goes_on and (verb == "và" or (lead.rstrip().endswith(",") and last_verb in SHARE_VERBS)):
        verb = last_verb
    return {"đương": "bằng", "rộng": "tăng"}.get(verb, verb)  # "mở rộng hơn 11.726 tỷ đồng": grew by


_POINTS_SAME = re.compile(r"\s*so\s+(?:với\s+)?(?:[^\s,;.]+\s+){0,4}?cùng\s+kỳ", re.I)
_POINTS_PLAN = re.compile(
    r"\s*so\s+(?:với\s+)?(?:[^\s,;.]+\s+){0,2}?(?:kế\s+hoạch|kịch\s+bản|mục\s+tiêu|chỉ\s+tiêu)", re.I
)


def points_reference(after: str) -> str | None:
    """What a difference in points is measured from, when words stand between "so với" and the
    reference ("cao hơn 0,24 điểm % so với tốc độ tăng cùng kỳ", "… so với kịch bản tăng trưởng").

    >>> points_reference(" so với tốc độ tăng cùng kỳ"), points_reference(" so với kịch bản tăng trưởng 6 tháng")
    ('same_period_last_year', 'plan')
    """
    near = after[:60]
    if _POINTS_PLAN.match(near):
        return "plan"
    if _POINTS_SAME.match(near):
        return "same_period_last_year"
    return None


# "(tương đương vượt 3.730 tỷ đồng)", "(-366 ha)", "(+784 tấn)", ", tương đương 1,6 triệu đồng", ", bằng 2.217,2 tấn"
_SAME_IN_AMOUNT = re.compile(
    r"\s*(?:[^()\d;,.]{0,25}\(\s*(?:tương\s+đương\s+(?:với\s+)?)?|[^()\d;,.]{0,25},?\s*(?:tương\s+đương|bằng)\s+(?:với\s+)?)"
    r"(?:(?:vượt|tăng|giảm|hơn)\s+)?[+\-−]?\s*",
    re.IGNORECASE,
)


def same_change_in_amount(sentence: str, after: int, digit: int) -> bool:
    """Whether the number at ``digit`` restates, in an amount, the change that ends at ``after``: in
    parentheses right after it (or after its reference) or after "tương đương" / "bằng" ("vượt 15,6% dự toán
    năm (tương đương vượt 3.730 tỷ đồng)", "giảm 1,1% (-366 ha)", "tăng 7,7% tương đương 1,6 triệu đồng").

    >>> s = "giảm 1,1% (-366 ha) so với cùng kỳ, tăng 7,7% tương đương 1,6 triệu đồng, đạt 40% (năm 2023)"
    >>> [same_change_in_amount(s, s.index(a) + len(a), s.index(b)) for a, b in (("1,1%", "366"), ("7,7%", "1,6"))]
    [True, True]
    >>> same_change_in_amount(s, s.index("40%") + 3, s.index("2023"))
    False
    """
    return _SAME_IN_AMOUNT.fullmatch(sentence, after, digit) is not None


def month_after_compared(sentence: str, spoken_of: Span | None = None) -> Span | None:
    """The month a sentence's figures are of when it compares them with one month named, with the same period of
    last year too ("tăng 23,10% so với cùng kỳ, tăng 4,72% so với tháng 12/2024": January 2025), or alone when the
    month after is the one ``spoken_of`` ends on ("tăng 22,8% so với tháng 10/2025" in a report of 11 months; "so
    với tháng 5/2023" in one of May 2024 is the same month a year before); ``None`` otherwise.

    >>> month_after_compared("Chỉ số sản xuất công nghiệp tăng 23,10% so với cùng kỳ, tăng 4,72% so với tháng 12/2024.")
    Span('2025-01', '2025-01')
    >>> s = "Tổng mức bán lẻ tăng 22,8% so với tháng 10/2025."
    >>> month_after_compared(s, Span("2025-01", "2025-11")), month_after_compared(s, Span("2025-10", "2025-10"))
    (Span('2025-11', '2025-11'), None)
    """
    named = {m.groups() for m in COMPARED_MONTHS.finditer(sentence)}
    if len(named) != 1:
        return None
    month, year = (int(x) for x in named.pop())
    if not 1 <= month <= 12 or year_outside(year) is not None or year_outside(year + 1) is not None:
        return None  # (no month a report compares with: "so với tháng 13/2024", "… tháng 5/2250")
    after = pd.Period(year=year, month=month, freq="M") + 1
    if "cùng kỳ" not in sentence.casefold() and (spoken_of is None or spoken_of.end != after):
        return None
    return Span(after, after)


_FISCAL_CLOSE = re.compile(r"niên\s+độ\s+(?:năm\s+)?([0-9]{4})", re.IGNORECASE)


def to_fiscal_close(before: str, span: Span) -> Span:
    """The span of a year's public investment disbursement "đến hết niên độ năm 2021" (named in ``before``):
    a year's plan is disbursed until 31 January of the next year (Luật Đầu tư công 2019, Điều 68).

    >>> to_fiscal_close("giải ngân kế hoạch vốn năm 2021 kết thúc niên độ năm 2021 đạt", Span.whole_year(2021))
    Span('2021-01', '2022-01')
    """
    m = _FISCAL_CLOSE.search(before)
    if m is None or span.kind != "year" or int(m.group(1)) != span.end.year:
        return span
    return Span(span.start, f"{span.end.year + 1}-01")


_FROM, _TO_LEVEL = re.compile(r"(?<![^\W\d_])từ\s[^;]*$"), re.compile(r"^[^;]*?(?<![^\W\d_])lên\s")


def dates_from(low: str, m: re.Match[str], pos: int | None = None) -> bool:
    """Whether a year dates the amount a change starts from, not what follows ("tăng từ gần 47 triệu đồng năm 2021
    lên trên 52 triệu đồng"): a bare year after "từ" with "lên" after it (before ``pos``)."""
    before, after = (
        low[max(0, m.start() - 50) : m.start()],
        low[m.end() : pos if pos is not None else m.end() + 60],
    )
    return BARE_YEAR.fullmatch(m.group("p")) is not None and bool(
        _FROM.search(before) and _TO_LEVEL.search(after)
    )
