"""What a figure is — a result, an estimate, a plan or a target — from the words of its clause.

"ước đạt 7,12%" is an estimate (and exact: "ước" says what the figure is, not that it is approximate);
"dự kiến", "kế hoạch vốn … được giao là …" a plan; "phấn đấu", "mục tiêu", "chỉ tiêu", "(KH cả năm 8,3%)"
a target; anything else a result. Used by :func:`ktstats.data.extract.extract` for each figure.

>>> s = "Năm 2024, thu ngân sách ước đạt 4.425 tỷ đồng; phấn đấu năm 2025 thu trên 5.000 tỷ đồng."
>>> measure_of(s, 0, s.index("4.425"), s.index("4.425") + 5, "", "thu ngân sách ước đạt ")
'estimate'
>>> measure_of(s, s.index(";") + 1, s.index("5.000"), s.index("5.000") + 5, "", "2025 thu trên ")
'target'
>>> qualifier_of("approx", "ước đạt "), qualifier_of("approx", "ước khoảng ")
('exact', 'approx')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from ktstats.lang.phrases import SPELLED_COUNTS, matches, within

__all__ = ["EstimateScope", "lists_goals", "measure_of", "qualifier_of"]

_WINDOW: Final = 400  # characters before a figure whose words can say what it is (keeps time linear)
_TARGET_WORDS: Final = (
    "phấn đấu",
    "chỉ tiêu chủ yếu",
    "mục tiêu tăng trưởng",
    "mục tiêu",
    "cần đạt",
    "phải đạt",
    "phải tăng",
    "sẽ",
)
# "dự kiến"; "HĐND tỉnh quyết nghị thông qua tổng thu ngân sách nhà nước 5.336 tỉ đồng": the budget passed
_PLAN_WORDS: Final = ("dự kiến", "quyết nghị thông qua")
# "Theo kế hoạch, thu ngân sách … năm 2025 là hơn 118.079 tỷ đồng": the amounts the plan sets
_PLAN_START = re.compile(r"\W*theo\s+kế\s+hoạch\b", re.IGNORECASE)
_PLANNED = re.compile(r"\W*dự\s+kiến(?![^\W\d_])", re.IGNORECASE)  # a sentence that opens with "Dự kiến"
_IS = re.compile(r"\slà(?:\s+(?:hơn|trên|gần|khoảng))?\s*$")
_SCENARIO = re.compile(r"(?:kịch\s+bản[^,;]*?\s(?:là|đạt|ở mức)|định\s+hướng)\s*$")  # "…, định hướng 7,5%"
# "thấp hơn kế hoạch (KH) đề ra là 7%", "mục tiêu đặt ra: 8%": the goal set, right before the figure
_GOAL_SET = re.compile(
    r"(?:kế\s+hoạch|kh|chỉ\s+tiêu|mục\s+tiêu)(?:\s*\([^()]*\))?\s+(?:tỉnh\s+|năm\s+)?(?:đề|đặt)\s+ra(?:\s+là)?\s*:?\s*$"
)
# the scenario the province set itself, named before the figure ("Với kịch bản quý IV tăng trưởng 12,7% để cả năm đạt
# 8,8%", "bám sát kịch bản tăng trưởng GRDP từ 8% trở lên"), not one a result is measured against ("vượt kịch bản")
_SCENARIO_NAMED = re.compile(
    r"(?<!vượt\s)(?<!đạt\s)(?<!so\svới\s)(?<!hơn\s)(?<!%\s)(?<!và\s)(?<![^\W\d_])kịch\s+bản(?![^\W\d_])"
)
# (not "bổ sung có mục tiêu", the centre's targeted transfer: "thu bổ sung có mục tiêu từ ngân sách trung ương 563 tỷ")
_TARGET_RE = re.compile(rf"(?<![^\W\d_])(?<!có\s)(?:{'|'.join(map(re.escape, _TARGET_WORDS))})(?![^\W\d_])")
_STRIVE = re.compile(r"\W*phấn\s+đấu(?![^\W\d_])")  # a clause that opens with "Phấn đấu"
# "ước", "dự ước", and "dự đạt", "dự tính" (projected): the figure is an estimate
_ESTIMATE_RE = re.compile(
    r"(?<![^\W\d_])(?:[ưu]ớc|dự\s+đạt|dự\s+tính)(?![^\W\d_])", re.IGNORECASE
)  # "uớc": a typo
# a clause that opens on the year so far, with no subject of its own: "; lũy kế 5 tháng đạt", "; 8 tháng đạt"
_SO_FAR_CLAUSE = re.compile(
    rf"\W*(?:(?:l(?:ũy|uỹ)\s+kế|tính\s+chung|cộng\s+dồn)\s+)?(?:[0-9]+|{SPELLED_COUNTS})\s+tháng(?:\s+đầu\s+năm)?"
    r"(?:\s+(?:năm\s+)?[0-9]{4})?\s*,?\s*(?:ước\s+)?(?:đạt|được|tăng|giảm|là)(?![^\W\d_])",
    re.IGNORECASE,
)
# a sentence that opens with "Ước tính": every figure in it is an estimate
_ESTIMATE_START = re.compile(r"\W*(?:dự\s+)?ước(?:\s+tính)?(?![^\W\d_])", re.IGNORECASE)
_APPROX_WORD_RE = re.compile(r"(?<![^\W\d_])(?:khoảng|xấp\s+xỉ)(?![^\W\d_])")
# "nhưng", "song", "tuy nhiên", "kết quả" (giải ngân): what stood before is another statement ("không đạt
# mục tiêu, nhưng … đạt 8,02%"; "Kế hoạch vốn … là 28.959 tỉ đồng, kết quả giải ngân … 11.965 tỉ đồng")
# ("đặt mục tiêu thu ngân sách trên 30 ngàn tỷ đồng, qua 2 tháng đầu năm thu gần 6,3 ngàn tỷ": a clause that opens
# on the months so far states a result)
_BUT = re.compile(
    r"(?<![^\W\d_])(?:nhưng|song|tuy nhiên|kết quả)(?![^\W\d_])|,\s*(?:qua|sau|trong)\s+[0-9]+\s+tháng",
    re.IGNORECASE,
)
# an amount that is the plan itself: "Kế hoạch vốn đầu tư công năm 2025 … là 2.434,977 tỷ đồng", "được giao",
# "Năm 2018, dự toán thu ngân sách nhà nước 12.855 tỷ đồng"
_PLAN_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:kế hoạch (?:vốn|đầu tư)|dự toán (?:thu|chi)(?![^\W\d_])|dự toán (?:cả )?năm(?: [0-9]{4})? là)",
    re.IGNORECASE,
)
# "được Thủ tướng Chính phủ giao trong năm là 6.316 tỷ đồng": the amount assigned
_GIVEN_AS = re.compile(r"(?<![^\W\d_])giao(?:\s+[^\s,;]+){0,4}?\s+là\s*$")
# "được giao", "giao là", "(Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng)": assigned
_GIVEN_END = re.compile(r"(?<![^\W\d_])giao(?:\s+là)?\s*:?\s*$")
# a goal in parentheses beside the result: "(KH cả năm 8,3%)", "(kế hoạch tăng 12,7%-13%)"
# and one named right before it: "vượt so với kế hoạch tỉnh đề ra (5,2%)", "vượt kế hoạch năm (tăng 15,5%)"
_COMPARED_AFTER = re.compile(r"\s*so\s+(?:với\s+)?(?:cùng\s+kỳ|năm|kế\s+hoạch)", re.IGNORECASE)
_PLAN_ASIDE = re.compile(
    r"\((?:KH|kế hoạch|chỉ tiêu|mục tiêu|kịch bản)(?![^\W\d_])(?:[^()]|\([^()]*\))*$"
    r"|(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)[^,;()]{0,40}\(\s*(?:tăng\s+)?$",
    re.IGNORECASE,
)
# the goals a text lists after a colon ("đề ra một số mục tiêu chủ yếu: …; …"), not a list of results
# ("các chỉ tiêu kinh tế - xã hội cơ bản: … ước đạt …")
# ("Nhiều chỉ tiêu kinh tế tăng so với cùng kỳ năm trước như: …" lists results, not goals)
# ("các chỉ tiêu kinh tế … đều có mức tăng trưởng khá so với cùng kỳ như: …" lists results too)
_LIST_OPENED_BY = (
    r"phấn đấu[^.]{{0,300}}?[;:]|(?:{})(?:(?!đạt|thực hiện|tăng(?!\s+trưởng)|giảm|cùng kỳ)[^.;:]){{0,120}}:"
)
# ("nhiều chỉ tiêu đạt và vượt kế hoạch đề ra cụ thể: …", "đều đạt hoặc vượt mục tiêu đề ra: GRDP ước tăng
# 10,05%": the plan or goal set is what the results listed are measured against)
_GOALS = "(?<!vượt )(?<!đạt )mục tiêu|(?<!hoạch )(?<!tiêu )đề ra"
_GOAL_LIST = re.compile(_LIST_OPENED_BY.format(_GOALS), re.IGNORECASE)
# a goal that opens a list of figures: "phấn đấu đưa tốc độ tăng trưởng …; thu ngân sách …; vốn đầu tư …"
_TARGET_LIST = re.compile(_LIST_OPENED_BY.format(f"{_GOALS}|chỉ tiêu|nhiệm vụ chủ yếu"), re.IGNORECASE)


# a heading over results, though it names "chỉ tiêu" (indicators): "Một số chỉ tiêu tăng trưởng nổi bật như:",
# "Kết quả thực hiện các chỉ tiêu chủ yếu", "Tình hình thực hiện …"
# ("Những chỉ tiêu dự kiến đạt và vượt kế hoạch", "Các chỉ tiêu không đạt kế hoạch": results, sorted by the plan)
_RESULTS_HEADING = re.compile(
    r"(?<![^\W\d_])(?:kết quả|thực hiện|tình hình|nổi bật|đạt được|đánh giá"
    r"|chỉ tiêu\s+(?:(?:dự kiến|ước|có khả năng)\s+)?(?:không\s+|chưa\s+)?(?:đạt|vượt))(?![^\W\d_])"
)
# a heading over estimated results: "Những chỉ tiêu dự kiến đạt và vượt kế hoạch"
_ESTIMATED_HEADING = re.compile(
    r"(?<![^\W\d_])chỉ tiêu\s+(?:dự kiến|ước)\s+(?:không\s+|chưa\s+)?(?:đạt|vượt)"
)


# "cao hơn 0,8 điểm", "nhiều hơn 1.200 tỷ đồng": by how much, not "more than"
_BY_HOW_MUCH = re.compile(r"(?:cao|thấp|nhiều|ít)\s+hơn\s*$")


def qualifier_of(qualifier: str, prefix: str, verb: str = "", form: str = "level", lead: str = "") -> str:
    """The figure's qualifier: "ước" (ước đạt, ước tính) says the figure is an estimate — its
    measure — not that it is approximate, so "ước đạt 7,12%" is exact; "ước khoảng" stays approx.
    A change "vượt 1,3% so với dự toán" is by exactly 1,3 % ("vượt hơn 20% dự toán": more than 20 %), and so is
    one "cao hơn 0,8 điểm" (``verb``, ``form`` and the words before the number, ``lead``, casefolded, say so)."""
    if (
        qualifier == "over"
        and form in ("change", "difference")
        and ((verb == "vượt" and not lead.endswith(("hơn ", "trên "))) or _BY_HOW_MUCH.search(lead))
    ):
        return "exact"
    low = prefix.casefold()
    if qualifier == "approx" and _ESTIMATE_RE.search(low) and not _APPROX_WORD_RE.search(low):
        return "exact"
    return qualifier


def _last_start(found: tuple[list[int], list[int]], lo: int, hi: int) -> int:
    """Where the last match of :func:`~ktstats.lang.phrases.matches` between ``lo`` and ``hi`` starts (else 0)."""
    starts, _ = found
    i = bisect_left(starts, hi) - 1
    return starts[i] if i >= 0 and starts[i] >= lo else 0


def _by_words(clause: str, heading: str, before: str) -> str:
    low = clause.casefold()
    head = heading.casefold()
    if _ESTIMATE_RE.search(before):
        # "Phấn đấu đến năm 2025, tổng lượng khách … ước đạt trên 8 triệu lượt": what is striven for, estimated
        return "target" if _STRIVE.match(low) else "estimate"
    if any(w in low for w in _PLAN_WORDS):
        return "plan"
    goal = _TARGET_RE.search(low)
    if goal is not None and goal.group(0) == "sẽ" and _ESTIMATE_RE.search(low, 0, goal.start()):
        return "estimate"  # "dự ước năm 2025 này, tốc độ tăng trưởng … vẫn sẽ đạt 8%": what is estimated
    if (
        goal is not None
        or _SCENARIO_NAMED.search(low)
        or (
            any(w in head for w in ("chỉ tiêu", "mục tiêu", "phấn đấu"))
            and _RESULTS_HEADING.search(head) is None
        )
    ):
        return "target"
    return "estimate" if _ESTIMATED_HEADING.search(head) else "actual"


def measure_of(
    sentence: str, clause_start: int, digit: int, end: int, heading: str, lead: str, *, level: bool = True
) -> str:
    """The measure of the figure whose number starts at ``digit`` (and ends at ``end``) in ``sentence``:
    ``actual``, ``estimate``, ``plan`` or ``target``. ``clause_start`` is where its clause starts (after
    the last ";"), ``heading`` the section it stands under, ``lead`` the words right before the number
    (casefolded) and ``level`` whether it is the amount itself (not a ratio or a change of it)."""
    lo = max(clause_start, digit - _WINDOW)
    # the words of the clause before the figure say what it is ("… đạt 6,47%, tạo đà cho mục tiêu cả năm từ
    # 10% trở lên": the 6,47% is no target; "Mặc dù không đạt được mục tiêu …, nhưng … đạt 8,02%": a result)
    but = _last_start(matches(_BUT, sentence), lo, digit)
    measure = _by_words(sentence[max(lo, but) : digit], heading, lead)
    if measure == "estimate" and within(matches(_GOAL_LIST, sentence), max(0, digit - _WINDOW), digit):
        return "target"  # "đề ra một số mục tiêu chủ yếu: …; GRDP đầu người ước đạt 59,8 triệu đồng"
    aside = _PLAN_ASIDE.search(sentence[max(0, digit - 40) : digit])
    if aside is not None and aside.group(0)[0] != "(" and _COMPARED_AFTER.match(sentence, end):
        aside = None  # "đạt 111% kế hoạch năm (tăng 53% so cùng kỳ năm 2021)": the result's change, no goal
    if measure in ("actual", "estimate") and (aside or _SCENARIO.search(lead) or _GOAL_SET.search(lead)):
        # "tiệm cận kịch bản tăng trưởng 9 tháng là 8,95%": the scenario the province set itself
        return "target"  # "tăng 9,65% (KH cả năm 8,3%)", "(kế hoạch tăng 12,7%-13%)": the year's goal
    if measure != "actual":
        return measure
    if "dự kiến" in sentence[end : end + 20].casefold() or _PLANNED.match(sentence):
        # "07 xã dự kiến đạt chuẩn nông thôn mới"; "Dự kiến trong năm 2023, … sẽ đón …; doanh thu đạt 6.850 tỷ đồng"
        return "plan"
    if level and (
        _plan_named(sentence, max(lo, but), digit)
        or _GIVEN_END.search(lead) is not None
        or _GIVEN_AS.search(lead) is not None
        or (_PLAN_START.match(sentence) is not None and _IS.search(lead) is not None)
    ):
        return "plan"  # "Kế hoạch vốn đầu tư công năm 2025 được giao là 2.434,977 tỷ đồng"
    if within(matches(_ESTIMATE_RE, sentence), lo, digit) or _ESTIMATE_START.match(sentence):
        # "Ước tính chỉ số sản xuất công nghiệp 6 tháng đầu năm 2018 tăng 14,34%" (an "ước" before the
        # figure in its clause); "Ước tính GRDP 9 tháng tăng 5,9%; riêng quý III tăng 12,7%" (the sentence)
        return "estimate"
    if within(matches(_TARGET_LIST, sentence), max(0, digit - _WINDOW), digit):
        return "target"  # "phấn đấu: tăng trưởng từ 12,5% trở lên; thu ngân sách trên 2.811 tỷ đồng"
    if clause_start > 0 and _SO_FAR_CLAUSE.match(sentence, clause_start):
        # "xuất khẩu ước đạt gần 3,4 tỷ USD, …; lũy kế 5 tháng đạt 14,8 tỷ USD": the sum so far holds the
        # month's estimate, and the clause has no subject of its own
        before = sentence.rfind(";", 0, clause_start - 1) + 1
        if within(matches(_ESTIMATE_RE, sentence), max(before, clause_start - _WINDOW), clause_start):
            return "estimate"
    return "actual"


def lists_goals(sentence: str) -> bool:
    """Whether ``sentence`` opens a list of goals ("Năm 2018, tỉnh đề ra một số mục tiêu chủ yếu: …;"): the
    items that follow it, in the next sentences cut at ";", are targets too."""
    return _GOAL_LIST.search(sentence) is not None


def _plan_named(sentence: str, lo: int, hi: int) -> bool:
    """Whether the plan itself is the subject between ``lo`` and ``hi`` ("Kế hoạch vốn … là"), not named
    in an aside ("Ước giá trị giải ngân (bao gồm các kế hoạch vốn năm trước …) hơn 5.700 tỉ đồng")."""
    if not within(matches(_PLAN_SUBJECT, sentence), lo, hi):
        return False
    for m in _PLAN_SUBJECT.finditer(sentence, lo, hi):
        opened = sentence.rfind("(", lo, m.start())
        if (
            opened == -1
            or sentence.rfind(")", lo, m.start()) > opened
            or sentence.find(")", m.end(), hi) == -1
        ):
            return True
    return False


# "…, sản xuất công nghiệp … đạt 16,8%", "…, GRDP bình quân đầu người tăng từ 41,27 triệu đồng": a clause after a
# comma whose own subject reaches ("đạt", "tăng từ", "là") a figure
_FRESH_RESULT = re.compile(
    r",\s*(?:[^\W\d_]+\s+){1,12}?(?:đạt|tăng\s+từ|là)(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"
)
_GRDP = frozenset({"grdp_constant", "grdp_current", "grdp_growth"})


class EstimateScope:
    """How far an "ước" reaches in a sentence: over the figures of what it estimates ("GRDP ước đạt 8.165 tỷ
    đồng, tốc độ tăng trưởng đạt 6,5%"), not over another subject's result after a comma ("Tăng trưởng kinh tế
    ước đạt 7,8%, sản xuất công nghiệp … đạt 16,8%, tổng sản phẩm bình quân đầu người đạt 34,3 triệu đồng").

    >>> scope = EstimateScope()
    >>> scope.measure("estimate", "tăng trưởng kinh tế ước đạt ", "grdp_growth")
    'estimate'
    >>> scope.measure("estimate", "8%, sản xuất công nghiệp tăng toàn ngành đạt ", "iip_growth")
    'actual'
    >>> scope.measure("estimate", ", tốc độ tăng trưởng đạt ", "grdp_constant")
    'estimate'
    """

    def __init__(self) -> None:
        self.of: str | None = None  # what the last "ước" estimates (GRDP's level and growth are one subject)

    def measure(self, measure: str, lead: str, code: str | None) -> str:
        """The measure of a figure of indicator ``code`` that :func:`measure_of` read as ``measure``, ``lead``
        the words right before it."""
        if measure != "estimate" or code is None:
            return measure
        subject = "grdp" if code in _GRDP else code
        if "ước" in lead[-25:]:
            self.of = subject
        elif self.of not in (None, subject) and _FRESH_RESULT.search(lead):
            return "actual"
        return measure
