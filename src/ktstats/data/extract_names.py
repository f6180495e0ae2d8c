"""Which indicator and which province a number belongs to: the catalog's names and aliases as written in a
sentence, and the one nearest the number whose unit fits (used by :func:`ktstats.data.extract.extract`).

>>> from ktstats.lang.numbers import parse_quantity
>>> ind, _ = indicator_near("Thu ngân sách nhà nước khoảng 830 tỷ đồng", 0, 28, parse_quantity("830 tỷ đồng").unit, None)
>>> ind.code
'state_budget_revenue'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from ktstats.catalog.indicators import Indicator, by_code
from ktstats.errors import KtstatsError
from ktstats.lang.phrases import casefolded
from ktstats.lang.text import longest_first, normalize_text
from ktstats.lang.units import conversion_factor, parse_unit, ureg

__all__ = [
    "AT_CURRENT",
    "BARE_TRADE",
    "SHARE_OF",
    "alias_matches",
    "aliases",
    "fits",
    "fits_unit",
    "grdp_at_prices",
    "indicator_near",
    "is_money",
    "name_after_ends",
    "named_by_what_it_counts",
    "names_a_rank",
    "names_between",
    "near_names",
    "revenue_from_trade",
]

_PERCENT = ureg.percent
_SHARES: Final = (ureg.percent, ureg.percentage_point, ureg.times)
_DIMENSIONLESS = ureg.dimensionless
_PERSON = ureg.person
_WINDOW: Final = 400  # characters around a number that can belong to its phrase (keeps time linear)
#: bare words that name an indicator only for a number right after them ("tăng trưởng 7,2%")
GENERIC_ALIASES: Final = frozenset({"tăng trưởng", "tốc độ tăng trưởng", "tăng trưởng kinh tế"})
_GENERIC_REACH: Final = 45
# what does not count in the reach of "tăng trưởng kinh tế": the province named, and the period ("Tăng trưởng kinh tế
# của tỉnh Bắc Ninh quý III và 9 tháng năm 2025 đạt 9,61%"); a bare "tăng trưởng" keeps its reach ("Công nghiệp …,
# tăng trưởng 6 tháng đầu năm cao nhất từ trước đến nay, tăng 48,7%" is industry's)
_WHOSE_WHEN = re.compile(
    r"(?:của\s+)?(?:tỉnh|thành\s+phố|TP\.?)\s+(?:[A-ZĐ][\w-]*\s*){1,3}|(?:quý|tháng)\s+[0-9IVX]+(?:\s*/\s*[0-9]{4})?"
    r"|[0-9]+\s+tháng(?:\s+đầu)?|năm\s+[0-9]{4}|\s+và\s+"
)


def _reach(text: str, start: int, end: int) -> int:
    """The characters between a generic name and its number, the province and the period named between left out."""
    gap = text[start:end]
    return len(gap) - sum(len(m.group(0)) for m in _WHOSE_WHEN.finditer(gap))


_A_REFERENCE = re.compile(r"(?:kịch bản|kế hoạch|dự toán|mục tiêu)\s+$")
# a list of items after a bare "tăng trưởng": "có mức tăng trưởng khá: sợi tăng 9,9%", "… tốt như sữa tăng 10,09%"
_LIST_OPENS = re.compile(r":|(?<![^\W\d_])như(?![^\W\d_])")
# a bare growth word names no subject of its own after a named flow in the same clause with no figure between
_BARE_GROWTH: Final = frozenset({"tăng trưởng", "tốc độ tăng trưởng"})
_CLAUSE_OR_FIGURE = re.compile(
    r"[;.:]|(?<!tháng\s)(?<!quý\s)(?<!năm\s)(?<![0-9/])[0-9]"
)  # (not "tháng 3/2025")
# … unless its items are the periods of the growth: "tăng trưởng kinh tế … (quý I tăng 8,4%, quý II tăng 13,5%, …)",
# "kinh tế tỉnh tăng trưởng liên tục: Quý I là 3,3%, Quý II là 4,02%, …"
_ITEM = r"(?:quý|tháng)\s+[0-9ivx]+(?:\s*/\s*[0-9]{4})?\s+(?:tăng|là|đạt|giảm)\s+"
_PERIOD_LIST = re.compile(rf"[:(]\s*(?:{_ITEM}[0-9.,]+\s*%\s*[,;]?\s*(?:và\s+)?)*{_ITEM}$")


_BUDGET_ITEMS: Final = (
    "state_budget_revenue",
    "domestic_revenue",
    "trade_revenue",
    "local_budget_revenue_retained",
    "local_budget_revenue_total",
    "local_budget_spending",
    "development_spending",
    "recurrent_spending",
)
#: what a bare share of an indicator is of ("đạt 117,3%"): a budget item's of its estimate (dự toán), disbursement's
#: of its plan
SHARE_OF: Final = {
    **dict.fromkeys(_BUDGET_ITEMS, "budget_estimate"),
    "public_investment_disbursement": "plan",
}
# a budget's plan is its estimate: "bằng 151,78% kế hoạch Trung ương giao" of revenue is of the centre's dự toán
_BUDGET_PLANS: Final = {"plan_central": "budget_estimate_central", "plan_local": "budget_estimate_local"}


def reference_of(ind: Indicator | None, ref: str) -> str:
    """The reference ``ref`` a share of ``ind`` names, a budget item's plan read as its budget estimate."""
    budget = ind is not None and SHARE_OF.get(ind.code) == "budget_estimate"
    return _BUDGET_PLANS.get(ref, ref) if budget else ref


def names_a_rank(phrase: str) -> bool:
    """Whether a catalog name is only a rank's ("xếp hạng", "đứng thứ"): it names no subject."""
    catalog = by_code()
    return all(catalog[c].kind == "rank" for c in aliases().by_phrase[phrase])


GRDP_LEVELS: Final = frozenset({"grdp_current", "grdp_constant"})


def grdp_at_prices(clause: str) -> Indicator:
    """GRDP at the price basis its clause names ("(giá so sánh năm 2010)", "giá hiện hành", "giá thực tế"): "quy mô (nền kinh
    tế)" is the size at current prices; a level with no basis in a periodic report is at constant 2010 prices,
    the basis of its growth rate."""
    basis = clause.casefold()
    current = AT_CURRENT.search(basis) is not None or ("giá so sánh" not in basis and "quy mô" in basis)
    return by_code()["grdp_current" if current else "grdp_constant"]


def indicator_named_in(sentence: str, unit: Any) -> Indicator | None:
    """The indicator the last name of ``sentence`` whose unit fits names, GRDP at the price basis the sentence
    names: what a breakdown by period after it ("…. Trong đó: quý I đạt 4.773.484 triệu đồng") breaks down."""
    found, _ = indicator_near(sentence, 0, len(sentence), unit, None)
    return grdp_at_prices(sentence) if found is not None and found.code in GRDP_LEVELS else found


# a percent of GRDP that is no growth rate: a sector's share of it, a yearly average over a term
_SHARE_OR_AVERAGE = re.compile(r"chiếm|tỷ trọng|tỉ trọng|cơ cấu|bình quân")
# "… bằng 57,7% tổng sản phẩm trong tỉnh", "… 10% GRDP": a share of GRDP, named right after the percent
_OF_GRDP_AFTER = re.compile(r"\s*(?:so với\s+|của\s+)?(?:tổng\s+)?(?:grdp|tổng sản phẩm)(?![^\W\d_])")
#: the whole country named right before a figure: "bình quân cả nước (tăng 5,03%)", "mức trung bình cả nước 7,52%",
#: "tốc độ tăng GRDP của cả nước năm 2020, đạt 2,91%" (not "cao nhất cả nước năm 2021, đạt 12,38%": the province's)
COUNTRY_BEFORE = re.compile(
    r"(?:cả\s+nước|toàn\s+quốc)(?:(?<!nhất\scả\snước)(?<!đầu\scả\snước)\s+năm\s+[0-9]{4}\s*,)?\s*(?:\(\s*|:\s*)?(?:(?:là|chỉ|ước|đạt|tăng|ở\s+mức)\s+)*"
    r"\+?\s*$"
)
_LEVEL_WORD = re.compile(r"(?<![^\W\d_])mức\s*$")
_COUNTRY_AFTER = re.compile(r"\s*(?:của\s+)?(?:cả\s+nước|toàn\s+quốc)(?![^\W\d_])")


def country_after(lead: str, after: str) -> bool:
    """Whether a percent is the country's level, named after it ("cao hơn nhiều so với mức 6,76% của cả nước",
    "cao hơn mức 7,52% toàn quốc"): ``lead`` (the words before it) ends with "mức", ``after`` (the words after)
    names the country; both casefolded."""
    return _LEVEL_WORD.search(lead) is not None and _COUNTRY_AFTER.match(after) is not None


_LEVEL_NAMED = re.compile(r"grdp|gdp|tổng\s+sản\s+phẩm|quy\s+mô")
#: a growth rate of more than this (in percent) read with no verb of change is no growth rate: an index or a share
INDEX_FROM: Final = 50.0


def as_level(
    ind: Indicator | None, unit: Any, value: float, verb: str, lead: str, clause: str, after: str
) -> tuple[Indicator | None, str, str, str | None]:
    """What a number read as a level of ``ind`` is: ``(indicator, form, relative_to, why not)``.

    A percent of a GRDP level is GRDP's growth ("GRDP … đạt 63.000 tỷ đồng, tăng 9,52% so với cùng kỳ năm 2021
    (kế hoạch 9% trở lên)") unless ``lead`` (the words before it, casefolded) makes it a share or an average
    ("chiếm tỷ trọng 29,05%"). A percent with GRDP named right after it ("bằng 57,7% tổng sản phẩm") is a share of
    GRDP, no figure of the catalog. A growth rate over :data:`INDEX_FROM` % stated with no verb of change ("tốc độ
    phát triển GRDP … đạt 108,84%", "chỉ số sản xuất công nghiệp ước đạt 75,53%") is an index, last year = 100 —
    a ratio to the same period of last year (of GRDP at constant prices, for GRDP) — when "đạt"/"bằng" states
    it, and no figure in a share's clause ("tỉ trọng công nghiệp, xây dựng và dịch vụ trong GRDP đạt 70,58%")
    or with no verb ("…; công nghiệp - xây dựng 70,37%"). ``clause`` is the clause up to the number, casefolded.
    """
    if ind is not None and unit == ureg.times and ind.kind in ("growth", "index", "rate"):
        # "GRDP năm 2021 tăng gấp 1,2 lần": a multiple of the level it names, no growth rate in "times"; "tăng
        # 5,87% (gấp hơn 8 lần quý I …)", "trong đó sản xuất ô tô tăng 4,2 lần": of a rate, of a product's output
        named = [m.end() for m in _LEVEL_NAMED.finditer(clause)]
        if ind.code == "grdp_growth" and named and "%" not in clause[named[-1] :]:
            return by_code()["grdp_constant"], "ratio", "same_period_last_year", None
        return None, "level", "", f"a multiple ({value:g} times) of a rate or of a part"
    if ind is None or unit != _PERCENT:
        return ind, "level", "", None
    if ind.code in ("grdp_growth", "gdp_growth") and (
        COUNTRY_BEFORE.search(lead) or country_after(lead, after.casefold())
    ):
        # "cao hơn mức tăng bình quân cả nước (tăng 5,03%)", "(cả nước +5,05%)": the country's growth, not a second
        # figure of the province's
        return by_code()["gdp_growth"], "level", "", None
    if ind.code in GRDP_LEVELS or ind.code == "grdp_growth":
        if verb in ("bằng", "chiếm", "đạt", "") and _OF_GRDP_AFTER.match(after.casefold()):
            return None, "level", "", "a share of GRDP, not its growth"
        if ind.code in GRDP_LEVELS and not _SHARE_OR_AVERAGE.search(lead[-25:]):
            ind = by_code()["grdp_growth"]
    if ind.kind != "growth" or verb in ("tăng", "giảm", "vượt") or abs(value) <= INDEX_FROM:
        return ind, "level", "", None
    if _SHARE_OR_AVERAGE.search(clause) is None and verb in ("đạt", "bằng") and value <= 5 * INDEX_FROM:
        level = by_code()["grdp_constant"] if ind.code == "grdp_growth" else ind
        return level, "ratio", "same_period_last_year", None
    return None, "level", "", f"{value:g}% is no growth rate (a share?)"


@dataclass
class _Aliases:
    pattern: re.Pattern[str]
    by_phrase: dict[str, list[str]]


_ALIASES: _Aliases | None = None


def aliases() -> _Aliases:
    global _ALIASES
    if _ALIASES is None:
        by_phrase: dict[str, list[str]] = {}
        for ind in by_code().values():
            for phrase in (ind.name_vi, *ind.aliases_vi):
                key = _canonical(normalize_text(phrase).casefold())
                if key and ind.code not in by_phrase.setdefault(key, []):
                    by_phrase[key].append(ind.code)
        # a space of a name may be written as a dash: "thu từ hoạt động xuất – nhập khẩu", "nông-lâm"
        alternation = longest_first(by_phrase, r"(?:\s*[-–]\s*|\s)")
        # "xã đạt chuẩn nông thôn mới nâng cao", "… kiểu mẫu": an advanced grade of the thing, another indicator
        _ALIASES = _Aliases(
            re.compile(
                rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])(?!\s+(?:nâng\s+cao|kiểu\s+mẫu)(?![^\W\d_]))"
            ),
            by_phrase,
        )
    return _ALIASES


_DASH = re.compile(r"\s*[-–]\s*")


def _canonical(name: str) -> str:
    """A name as the catalog keys it: words joined by single spaces, a dash between words a space."""
    return " ".join(_DASH.sub(" ", name).split())


def _as_catalog_spells(m: re.Match[str]) -> re.Match[str] | NearName:
    """A name found written with a dash, as the catalog spells it (``group(0)`` is a key of ``by_phrase``)."""
    text = m.group(0)
    return NearName(m.start(), m.end(), _canonical(text)) if "-" in text or "–" in text else m


@lru_cache(maxsize=4096)
def fits_unit(code: str, unit: Any) -> bool:
    ind = by_code()[code]
    if unit == _DIMENSIONLESS and ind.unit != "":
        return False  # a bare number is not a percent, a sum of money or a count of anything
    if ind.kind == "rank" and unit != _DIMENSIONLESS:
        return False  # "(kế hoạch 12,85%) … xếp thứ 3": a percent is no rank
    try:
        conversion_factor(per_head(code, unit), parse_unit(ind.unit))
        return True
    except KtstatsError:
        # a percent of a rate, a growth or an index; a multiple of an amount ("doanh thu du lịch gấp 2,8 lần")
        return (unit == _PERCENT and ind.kind in ("rate", "growth", "index")) or (
            unit == ureg.times and ind.kind in ("flow", "count", "stock")
        )


def per_head(code: str, unit: Any) -> Any:
    """``unit`` for indicator ``code`` with what its text leaves to the indicator: a per-capita indicator's
    "per person" ("127,8 triệu đồng/người" of GRDP per head is 127,8 million dong of the indicator's unit), and
    the currency of an amount of money after a bare scale word ("Tổng thu du lịch khoảng 4.500 tỷ": billion
    dong; "tỷ", "triệu" and "nghìn tỷ" only — a bare "nghìn" is more often a count)."""
    if "_per_capita" in code and unit.dimensionality.get("[person]", 0) == -1:
        return unit * _PERSON
    if unit.dimensionless and unit != _DIMENSIONLESS and unit not in _SHARES:
        currency = _currency(by_code()[code].unit)
        if currency is not None and ureg.Quantity(1, unit).to(_DIMENSIONLESS).magnitude >= 1e6:
            return unit * currency
    return unit


@lru_cache(maxsize=256)
def _currency(unit_text: str) -> Any:
    """The currency an indicator's unit is an amount of ("billion dong" → dong), else ``None``."""
    unit = parse_unit(unit_text)
    dims = dict(unit.dimensionality)
    if len(dims) != 1 or not next(iter(dims)).startswith("[currency") or next(iter(dims.values())) != 1:
        return None
    return ureg.Quantity(1, unit).to_base_units().units


def is_money(unit: Any) -> bool:
    return any(str(dim).startswith("[currency") for dim in getattr(unit, "dimensionality", {}))


def fits(ind: Indicator, unit: Any) -> bool:
    return fits_unit(ind.code, unit)


@lru_cache(maxsize=8)
def alias_matches(low: str) -> tuple[list[int], list[re.Match[str] | NearName]]:
    """The catalog names in a (casefolded) sentence, found once, with where each starts."""
    matches = [_as_catalog_spells(m) for m in aliases().pattern.finditer(low)]
    return [m.start() for m in matches], matches


_LETTER = re.compile(r"[^\W\d_]")


def names_between(low: str, lo: int, hi: int) -> list[re.Match[str] | NearName]:
    """The catalog names a scan of ``low[lo:hi]`` alone finds (``low`` casefolded): taken from the
    sentence's names, found once (:func:`alias_matches`), unless a name there runs across ``lo`` or
    ``hi``, or ``hi`` cuts a word — then that stretch is scanned on its own. Linear in numbers."""
    starts, matches = alias_matches(low)
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    if (
        (i > 0 and matches[i - 1].end() > lo)
        or (j > 0 and matches[j - 1].end() > hi)
        or (hi < len(low) and _LETTER.match(low, hi) is not None)
    ):
        return [_as_catalog_spells(m) for m in aliases().pattern.finditer(low, lo, hi)]
    return matches[i:j]


_SYLLABLE = re.compile(r"[^\W\d_]+")
#: words that, slipped into a name, make it another thing ("thu ngoài quốc doanh", "không tính")
_NEGATING: Final = frozenset({"ngoài", "không", "phi", "chưa", "trừ"})
_NEAR_SHORTEST: Final = 3  # syllables of the shortest catalog name written with a word more
_DROP_SHORTEST: Final = 5  # … and with a word less ("chỉ số tiêu dùng" for "chỉ số giá tiêu dùng")


@dataclass(frozen=True)
class NearName:
    """A catalog name written with one word more or one less than the catalog has it ("thu từ nội địa" for
    "thu nội địa"): where it is in the sentence, and the catalog's spelling (``group(0)``, as a match has)."""

    begin: int
    finish: int
    phrase: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.phrase


_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,15}")


@lru_cache(maxsize=1)
def _by_first_syllable() -> tuple[dict[str, list[tuple[str, tuple[str, ...]]]], re.Pattern[str]]:
    """The catalog names of three words or more by their first word, and an expression that finds those words."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in aliases().by_phrase:
        syllables = tuple(_SYLLABLE.findall(phrase))
        if len(syllables) >= _NEAR_SHORTEST and " ".join(syllables) == phrase:
            index.setdefault(syllables[0], []).append((phrase, syllables))
    for names in index.values():
        names.sort(
            key=lambda item: -len(item[1])
        )  # the longest name that fits first, as exact names are found
    return index, re.compile(rf"(?<![^\W\d_])(?:{longest_first(index, ' ')})(?![^\W\d_])")


@lru_cache(maxsize=8)
def near_names(low: str) -> tuple[list[int], list[NearName]]:
    """The catalog names of three words or more in a (casefolded) sentence written with one word more between
    their first and last ("tổng thu từ du lịch" for "tổng thu du lịch"), or, of five words
    or more, with one of the words between their two first and two last left out ("chỉ số tiêu dùng",
    "tổng mức bán hàng hóa", "tổng thu từ du lịch" for "tổng thu từ khách du lịch"): the first and last words as the catalog has them, the words written one after another, none of them a word
    that negates ("ngoài", "không"), and no name of the catalog written exactly there. One clear tolerance
    instead of an alias per spelling; used only for a number no name is written exactly near.

    >>> [m.group(0) for m in near_names("trong đó tổng thu từ du lịch đạt 3.722,9 tỷ đồng")[1]]
    ['tổng thu từ khách du lịch']
    """
    index, firsts = _by_first_syllable()
    exact: set[int] | None = None
    found: list[NearName] = []
    for first in firsts.finditer(low):
        begin = first.start()
        if exact is None:
            exact = {m.start() for m in alias_matches(low)[1]}
        if begin in exact:
            continue
        run = _RUN.match(low, begin)  # the words written one after another from there (only spaces between)
        words = run.group(0).split() if run is not None else []
        count = len(words)
        for phrase, syllables in index[first.group(0)]:
            n = len(syllables)
            # a quick look first: the name's last word where a word more, or a word less, puts it
            if not (
                (n < count and words[n] == syllables[-1])
                or (n >= _DROP_SHORTEST and n - 2 < count and words[n - 2] == syllables[-1])
            ):
                continue
            span = _near_span(syllables, words[: n + 1])
            if span is not None:
                last = list(_SYLLABLE.finditer(low, begin, run.end() if run is not None else begin))[span - 1]
                found.append(NearName(begin, last.end(), phrase))
                break
    return [m.start() for m in found], found


def _near_span(name: tuple[str, ...], words: list[str]) -> int | None:
    """How many of ``words`` spell ``name`` with one word more between its first and last, or (five words or
    more) one less between its two first and two last; ``None`` when they do not."""
    n = len(name)
    more = words[: n + 1]
    if len(more) == n + 1 and more[-1] == name[-1]:
        for k in range(1, n):
            if more[k] not in _NEGATING and more[:k] + more[k + 1 :] == list(name):
                return n + 1
    less = words[: n - 1]
    if n >= _DROP_SHORTEST and len(less) == n - 1 and less[-1] == name[-1]:
        # the two first and two last words kept: "vốn đầu tư nước (ngoài)" is not "vốn đầu tư trong nước"
        for k in range(2, n - 2):  # (never a negating word left out: "vốn khu vực (ngoài) nhà nước")
            if name[k] not in _NEGATING and list(name[:k] + name[k + 1 :]) == less:
                return n - 1
    return None


def indicator_near(
    text: str, start: int, end: int, unit: Any, after: tuple[int, int] | None
) -> tuple[Indicator | None, int]:
    """The indicator named nearest before the number (between ``start`` and ``end``) whose unit
    fits; else the first named after it (within ``after``). Also returns where the name ends when
    it was found after the number (so the next figure does not take it again), else -1."""
    names = aliases()
    low = casefolded(text)
    catalog = by_code()

    def pick(m: re.Match[str] | NearName) -> Indicator | None:
        codes = names.by_phrase[m.group(0)]
        fitting = [catalog[c] for c in codes if fits(catalog[c], unit)]
        if fitting:
            return fitting[0]
        # a percent next to a level indicator is a stated ratio or change of it (never a rank)
        first = catalog[codes[0]]
        if first.code == "grdp_growth" and is_money(unit) and not unit.dimensionality.get("[person]", 0):
            return catalog["grdp_constant"]  # "Tăng trưởng GRDP đạt 48.212 tỉ đồng, tăng 7,97%": GRDP's level
        return first if unit == _PERCENT and first.kind != "rank" else None

    def nearest(found_names: list[Any]) -> Indicator | None:
        best, best_end = None, -1
        for m in found_names:
            if (
                m.group(0) in GENERIC_ALIASES
                and (
                    (_reach(text, m.end(), end) if m.group(0) == "tăng trưởng kinh tế" else end - m.end())
                    > _GENERIC_REACH
                    or _LIST_OPENS.search(low, m.end(), end)
                )
                and not _PERIOD_LIST.search(low, m.end(), end)
            ):
                continue  # "mức tăng trưởng khá so với cùng kỳ: sợi các loại tăng 9,9%": not its figure
            if (
                m.group(0) in _BARE_GROWTH
                and best is not None
                and best.kind
                in ("flow", "stock", "growth", "index")  # ("chỉ số sản xuất công nghiệp … tăng trưởng")
                and not best.code.startswith("grdp")
                and not _CLAUSE_OR_FIGURE.search(low, best_end, m.start())
            ):
                continue  # "Tổng mức bán lẻ … cũng đạt mức tăng trưởng mạnh mẽ, tăng 22,8%": the subject's growth
            opened, closed = low.rfind("(", 0, m.start()), low.find(")", m.end(), end)
            if (
                opened > low.rfind(")", 0, m.start())
                and closed != -1
                and low[opened + 1 : closed].strip() != m.group(0)
            ):
                continue  # "thu ngân sách (bao gồm thu nội địa và …) tháng 5 đạt": an aside names the parts, "(IIP)" the whole
            found = pick(m)
            if found is not None:
                best, best_end = found, m.end()
        return best

    # from just before ``start``: a name may begin with the previous figure's unit ("16.000 hộ nghèo, giảm 4,5%")
    lo = max(max(0, start - 12), end - _WINDOW)
    best = nearest(names_between(low, lo, end))
    if best is None:
        # a name written with a word more or less than the catalog's ("thu từ nội địa đạt …")
        starts, near = near_names(low)
        best = nearest(
            [m for m in near[bisect_left(starts, lo) : bisect_left(starts, end)] if m.end() <= end]
        )
    if best is not None or after is None:
        return _or_trade(best, low, start, end, unit), -1
    for m in names_between(low, after[0], min(after[1], after[0] + _WINDOW)):
        if _A_REFERENCE.search(low, max(0, m.start() - 14), m.start()):
            continue  # "bằng 82,15% kịch bản tăng trưởng năm": the reference's name, not the figure's
        found = pick(m)
        if found is not None:
            return found, m.end()
    # earlier in the sentence: "đánh giá, xếp loại 14/14 đảng bộ …, 29.397/31.905 đảng viên"; "…; lũy kế 9 tháng
    # … ước đạt 48.197,4 tỷ đồng" — but not past a clause that has figures of its own: "thu ngân sách … 420 tỷ
    # đồng; … đón 318.000 lượt khách du lịch, doanh thu ước đạt 367 tỷ đồng"
    if unit != _PERCENT:
        starts, matches = alias_matches(low)  # found once per sentence: linear in numbers
        semi = low.rfind(";", 0, start)
        own = semi != -1 and any(c.isdigit() for c in low[semi:start])
        lo = bisect_left(starts, max(0, start - _WINDOW, semi + 1 if own else 0))
        for m in matches[lo : bisect_left(starts, start)]:
            if m.end() > start:
                continue
            codes = names.by_phrase[m.group(0)]
            fitting = [catalog[c] for c in codes if fits(catalog[c], unit)]
            if fitting:
                best = fitting[0]
    return _or_trade(best, low, start, end, unit), -1


_REVENUE_ITEMS: Final = frozenset({"state_budget_revenue", "domestic_revenue", "local_budget_revenue_total"})
#: total trade, "xuất nhập khẩu" not after "thu (từ hoạt động / lĩnh vực)": a part of a figure (see
#: ``extract_parts.PARTS``), or the revenue from it when an amount in đồng follows budget revenue
BARE_TRADE = re.compile(r"(?<!từ\s)(?<!động\s)(?<!vực\s)(?<!thu\s)xuất\s*(?:,|-|–)?\s*nhập\s+khẩu")
#: a GRDP named at current prices
AT_CURRENT = re.compile(r"giá\s+(?:hiện\s+hành|thực\s+tế)", re.IGNORECASE)


def revenue_from_trade(low: str, lo: int, trade: re.Match[str], unit: Any) -> bool:
    """Whether a bare "xuất nhập khẩu" (``trade``, a match in ``low``) names the revenue from imports and exports:
    an amount in đồng after budget revenue is named in the same stretch ("Tổng thu ngân sách …; trong đó, thu nội
    địa đạt 21.100 tỷ đồng, xuất nhập khẩu đạt gần 9.000 tỷ đồng") — trade itself is counted in dollars."""
    if (
        not trade.group(0).startswith("xuất")
        or low.endswith("ngạch ", 0, trade.start())  # "kim ngạch xuất nhập khẩu": the trade itself
        or unit is None
        or dict(unit.dimensionality) != {"[currency_vnd]": 1}
    ):
        return False
    return _REVENUE_NAMED.search(low, max(0, lo - _WINDOW), trade.start()) is not None


_REVENUE_NAMED = re.compile(r"thu\s+(?:nội\s+địa|ngân\s+sách)")


def _or_trade(best: Indicator | None, low: str, lo: int, end: int, unit: Any) -> Indicator | None:
    """``best``, or the revenue from imports and exports when a bare "xuất nhập khẩu" in đồng follows the budget
    revenue ``best`` names, between ``lo`` and the number at ``end`` (:func:`_revenue_from_trade`)."""
    if best is None or best.code not in _REVENUE_ITEMS:
        return best
    trade = list(BARE_TRADE.finditer(low, max(0, lo - 12), end))
    return by_code()["trade_revenue"] if trade and revenue_from_trade(low, lo, trade[-1], unit) else best


_PARTS_OPEN: Final = re.compile(r"(?<![^\W\d_])trong\s+(?:số\s+)?đó(?![^\W\d_])", re.IGNORECASE)


def name_after_ends(sentence: str, end: int, next_start: int, reach: int) -> int:
    """Where a name written after the figure ending at ``end`` may end: at the next figure (``next_start``), the
    end of the clause (";" within ``reach``) or a "trong đó" — "…, tăng 22,5% so với cùng kỳ, trong đó, thu nội
    địa …": a part named after it names no figure before it."""
    stops = [next_start, len(sentence)]
    # a name after a comma before the next figure of the clause is that figure's ("vốn huy động 87.300 tỷ đồng, dư nợ
    # tín dụng 89.400 tỷ đồng": the deposits are no credit); with no figure before the clause ends, a name may go on
    # past a comma ("25 thôn, làng vùng đồng bào dân tộc thiểu số đạt chuẩn …; khoảng 98,14% …")
    comma = sentence.find(",", end, next_start) if next_start < len(sentence) else -1
    if comma != -1 and ";" not in sentence[comma:next_start]:
        stops.append(comma)
    semi = sentence.find(";", end, end + reach)
    parts = _PARTS_OPEN.search(sentence, end, min(next_start, end + reach))
    # "… trong quý IV (tăng 11,66%) nhờ hoạt động sản xuất, … giải ngân vốn đầu tư công": the causes named after it
    because = _BECAUSE.search(sentence, end, min(next_start, end + reach))
    stops += [because.start()] if because is not None else []
    stops += [semi] if semi != -1 else []
    stops += [parts.start()] if parts is not None else []
    return min(stops)


_BECAUSE = re.compile(r"\s(?:nhờ|bởi|vì)\s", re.IGNORECASE)
# "lượt khách", "lượt du khách", and with no "lượt": "thu hút được 5,51 triệu du khách", "3,9 triệu khách"
_VISITORS = re.compile(r"(?:lượt\s+)?(?:du\s+)?khách(?![^\W\d_])")
# GRDP named before an amount per person: "GRDP bình quân đạt 45,2 triệu đồng/người/năm"
_GRDP_NAMED = re.compile(r"(?<![^\W\d_])(?:grdp|tổng sản phẩm)(?![^\W\d_])")
# "1.476 doanh nghiệp thành lập mới", "477 DN thành lập mới", "gần 5.500 doanh nghiệp mới"
_NEW_ENTERPRISES = re.compile(
    r"(?:doanh\s+nghiệp|dn)\s+(?:(?:đăng\s+ký\s+)?thành\s+lập(?:\s+mới)?|mới(?:\s+thành\s+lập)?)(?![^\W\d_])"
)
# … or founded, then counted: "Hà Tĩnh thành lập 449 doanh nghiệp"
_FOUNDED = re.compile(r"thành\s+lập(?:\s+mới)?(?:\s+(?:được|thêm|hơn|gần|trên|khoảng))*\s*$")
# what a sum of money after a count of visitors is: what they brought ("doanh thu", "tổng thu", "thu về", "thu",
# "mang lại"), not the sales of shops or transport ("doanh thu bán lẻ", "doanh thu vận tải")
_REVENUE_WORD = re.compile(
    r"(?<![^\W\d_])(?:doanh\s+thu(?!\s+(?:bán|vận|dịch))|(?:tổng\s+)?thu(?:\s+về)?|mang\s+lại|đem\s+lại)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


# a sentence that opens with the revenue, bare: "…. Doanh thu ước đạt 5.800 tỷ đồng" after a count of visitors
_REVENUE_OPENS = re.compile(
    r"\W*(?:tổng\s+)?doanh\s+thu\s+(?:ước|đạt|khoảng|tăng|giảm|từ\s+du\s+lịch|du\s+lịch)"
)


def revenue_goes_on(low: str, last: Indicator | None) -> Indicator | None:
    """The figure before, for the first figure of the sentence ``low`` (casefolded), when the sentence before
    counted visitors and this one opens with their revenue, bare ("… đón 4,9 triệu lượt khách du lịch, tăng 7,5%.
    Doanh thu ước đạt 5.800 tỷ đồng"); ``None`` otherwise: each sentence names its own figures."""
    return last if last is not None and last.code == "tourist_visits" and _REVENUE_OPENS.match(low) else None


# tourism named in the clause, then a bare revenue right before the amount: "lượt khách du lịch tăng cao với doanh
# thu ước đạt 412 tỷ đồng" (not the sales of shops or transport, not a revenue of the budget's)
_TOURISM_THEN_REVENUE = re.compile(
    r"du\s+lịch[^;()]{0,80}?(?<![^\W\d_])(?:tổng\s+thu|doanh\s+thu)(?:\s+(?:ước|đạt|ước\s+đạt|khoảng|hơn|trên|gần))*\s*$"
)


# "tổng thu" right after the budget is named: "Về ngân sách, tổng thu đạt …", "Ngân sách nhà nước: tổng thu ước …"
_BUDGET_TOTAL = re.compile(
    r"ngân\s+sách(?:\s+nhà\s+nước)?\s*[,:]\s*tổng\s+thu(?:\s+(?:ước|thực\s+hiện|đạt|được|là))*"
    r"(?:\s+(?:khoảng|hơn|gần|trên))?\s*$"
)


# "thu hút 43 dự án đầu tư ngoài ngân sách, với tổng vốn đăng ký đầu tư là 14.351 tỷ đồng": the capital registered
# by the projects (not projects of the state budget's public investment)
_PROJECTS_CAPITAL = re.compile(
    r"(?:thu\s+hút|cấp\s+mới|cấp\s+phép|chấp\s+thuận|chủ\s+trương\s+đầu\s+tư|chứng\s+nhận|đăng\s+ký)[^;]{0,40}?"
    r"(?<![^\W\d_])dự\s+án(?![^;]*(?:đầu\s+tư\s+công|ngân\s+sách\s+nhà\s+nước|trọng\s+điểm|hoạt\s+động|fdi))"
    r"[^;]{0,60}?tổng\s+(?:số\s+)?vốn(?:\s+(?:đầu\s+tư|đăng\s+ký))*(?:\s+(?:là|đạt))?(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"
)
# "…, trong đó 4 dự án FDI": a total of domestic and foreign projects, neither indicator
_WITH_FOREIGN = re.compile(r"fdi|nước\s+ngoài")


def named_by_what_it_counts(
    number: str, length: int, lead: str, unit: Any, last: Indicator | None, clause: str = ""
) -> Indicator | None:
    """The indicator of a number no name is written near, from what it counts or follows: visitors ("Ninh Bình
    đón hơn 6,5 triệu lượt khách", "lượt du khách"), new enterprises ("gần 5.500 doanh nghiệp mới", "1.476
    doanh nghiệp thành lập mới"), or, after a count of visitors, their revenue ("đón hơn 2,3 triệu lượt khách
    du lịch, mang lại doanh thu 690 tỉ đồng", "…, tổng thu 40.476 tỉ đồng", "…, thu về gần 48.400 tỷ đồng");
    the capital projects registered ("thu hút 20 dự án đầu tư mới với tổng vốn 5.319 tỷ đồng": domestic, or
    foreign in dollars; a total that holds foreign projects, "…, trong đó 4 dự án FDI", is neither); ``None``
    otherwise. ``number`` is the number's text (its first ``length`` characters) and the words after it ("2,3
    triệu lượt du khách"), ``lead`` the text before it, casefolded, ``clause`` its clause up to it, casefolded,
    ``last`` the indicator of the figure before."""
    visitors = _VISITORS.search(number.casefold())
    if visitors is not None and visitors.start() < length:
        return by_code()["tourist_visits"]
    if unit.dimensionality.get("[person]", 0) == -1 and _GRDP_NAMED.search(lead):
        dollars = fits(by_code()["grdp_per_capita_usd"], unit)  # "2.620 USD/người"
        return by_code()["grdp_per_capita_usd" if dollars else "grdp_per_capita"]
    enterprises = _NEW_ENTERPRISES.search(number.casefold())
    if (enterprises is not None and enterprises.start() < length) or (
        _FOUNDED.search(lead) and fits(by_code()["new_enterprises"], unit)
    ):
        return by_code()["new_enterprises"]
    if is_money(unit) and _BUDGET_TOTAL.search(lead):
        return by_code()["state_budget_revenue"]  # "Về ngân sách, tổng thu đạt 28.969 tỷ đồng"
    if is_money(unit) and _PROJECTS_CAPITAL.search(clause[-140:]):
        foreign = by_code()["fdi_registered"]
        if fits(foreign, unit):
            return foreign
        after = number[length:].casefold().split(";")[0]  # (the clause's words after it)
        return None if _WITH_FOREIGN.search(after) else by_code()["domestic_investment_registered"]
    revenue = by_code()["tourism_revenue"]
    if (
        last is not None
        and last.code == "tourist_visits"
        and _REVENUE_WORD.search(lead)
        and (fits(revenue, unit) or unit == _PERCENT)
    ):
        return revenue
    if fits(revenue, unit) and _TOURISM_THEN_REVENUE.search(clause[-140:]):
        return revenue  # "hoạt động du lịch ghi nhận khởi sắc mạnh, với tổng thu đạt 208.066 tỷ đồng"
    # (not visitors' spending: "đón 1,6 triệu lượt khách du lịch, thu khoảng 900 tỷ đồng", "thu 900 tỷ đồng từ du lịch")
    tourism = "khách" in clause[-140:] or "du lịch" in number.casefold()
    money = is_money(unit) and fits(by_code()["state_budget_revenue"], unit) and not tourism
    verb = _BUDGET_VERB.search(lead) if money else None
    if unit == _PERCENT and _BUDGET_SHARE.match(number, length):
        verb = _BUDGET_VERB_SHARE.search(lead)  # "Năm 2018, thu vượt 17,5% dự toán Bộ Tài chính giao"
    # "6 tháng đầu năm tỉnh Trà Vinh thu hơn 11.200 tỷ đồng", "tỉnh Tiền Giang đã chi 10.362 tỷ đồng"
    if verb is not None:
        return by_code()["state_budget_revenue" if verb.group(1) == "thu" else "local_budget_spending"]
    return None


# the province collecting or spending, the verb right before the amount (not "doanh thu", "tổng thu", "thu hút", nor
# what one tax office collects: "Trong đó, tỉnh quản lý thu là 19.098,658 tỷ đồng", "thuế cơ sở quản lý thu")
_BUDGET_VERB_WORD = r"(?<![^\W\d_])(?<!doanh\s)(?<!tổng\s)(?<!số\s)(?<!nguồn\s)(?<!khoản\s)(?<!lý\s)(thu|chi)"
_BUDGET_VERB = re.compile(_BUDGET_VERB_WORD + r"(?:\s+(?:được|đạt|là))?(?:\s+(?:khoảng|hơn|gần|trên))?\s*$")
# … and before a share of the budget estimate: "thu vượt 17,5% dự toán"
_BUDGET_VERB_SHARE = re.compile(
    _BUDGET_VERB_WORD + r"\s+(?:vượt|đạt|bằng)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$"
)
_BUDGET_SHARE = re.compile(r"\s*%?\s*(?:so\s+(?:với\s+)?)?dự\s+toán", re.IGNORECASE)
