"""Which numbers of a sentence are no figure of the report's province although an indicator is named near them:
a part of the figure (a sector's growth, one kind of visitor, one source of revenue: :func:`part_before`), a
comparison with the whole country, and a rank of something else or in a region (:func:`not_a_figure`). Used by
:func:`ktstats.data.extract.extract`; the names themselves are found by :mod:`ktstats.data.extract_names`."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Final

from ktstats.catalog.indicators import Indicator, by_code
from ktstats.data.extract_names import (
    BARE_TRADE,
    COUNTRY_BEFORE,
    GENERIC_ALIASES,
    alias_matches,
    aliases,
    country_after,
    is_money,
    names_a_rank,
    revenue_from_trade,
)
from ktstats.data.unattached import Unattached, quote_around
from ktstats.lang.periods import Span
from ktstats.lang.phrases import PERIOD_PHRASES, casefolded, phrase_span, span_after, span_before
from ktstats.lang.relations import BARE_YEAR
from ktstats.lang.units import ureg

__all__ = [
    "PARTS",
    "first_in_country",
    "follows_figure",
    "not_a_figure",
    "part_before",
    "range_bounds",
    "ranks_another",
    "vs_country",
]

_PERCENT = ureg.percent

#: what a number may be a part of an indicator's figure for, not the figure itself: a sector's growth ("khu
#: vực dịch vụ tăng 12,51%"), a contribution ("đóng góp 4,53 điểm %"), a structure share ("cơ cấu … chiếm
#: 2,05%"), total trade ("kim ngạch xuất nhập khẩu"), one kind of visitor ("khách quốc tế"), one revenue item
#: ("thu ngoài quốc doanh", "thu về nhà đất")
PARTS = re.compile(
    r"(?<![^\W\d_])(?:khu\s+vực\s+(?:nông|công\s+nghiệp|dịch\s+vụ|thuế|i{1,3}(?![^\W\d_])|(?:cn|nlts|nlnts|nn|dv)(?![^\W\d_]))"
    # "toàn ngành công nghiệp", "sản xuất ngành công nghiệp": the industry as a whole (IIP)
    r"|(?<!toàn\s)(?<!xuất\s)(?:nhóm\s+)?ngành\s+(?:nông|lâm|thủy|công\s+nghiệp|dịch\s+vụ|xây\s+dựng|chế\s+biến"
    r"|khai|sản\s+xuất|điện)"
    r"|công\s+nghiệp\s+chế\s+biến|thuế\s+sản\s+phẩm|đóng\s+góp|cơ\s+cấu|giá\s+trị\s+sản\s+xuất"
    # the centre's transfers, a part of the local budget: "thu bổ sung có mục tiêu từ ngân sách trung ương 563 tỷ"
    r"|bổ\s+sung\s+(?:có\s+mục\s+tiêu|cân\s+đối)"
    # the foreign-invested sector's share of a whole: "Trong đó, khối FDI ước đạt 1.404 triệu USD" (of exports)
    r"|(?:khối|khu\s+vực)\s+(?:doanh\s+nghiệp\s+)?fdi(?![^\W\d_])"
    r"|(?<![^\W\d_])như\s*:"
    # total trade; but "thu từ (hoạt động) xuất nhập khẩu" is the revenue from it
    rf"|{BARE_TRADE.pattern}"
    r"|(?:khách|du\s+khách)(?:\s+du\s+lịch)?\s+(?:quốc\s+tế|nội\s+địa|nước\s+ngoài)"
    # a kind of tourism's revenue: "trong đó doanh thu dịch vụ lưu trú ước đạt 218,9 tỉ đồng", "doanh thu du lịch
    # lữ hành đạt 2,1 nghìn tỷ đồng" (travel agencies', a part of retail sales and services)
    r"|doanh\s+thu\s+(?:(?:dịch\s+vụ|từ|hoạt\s+động|du\s+lịch)\s+)?(?:lưu\s+trú|lữ\s+hành|ăn\s+uống)|doanh\s+thu\s+dịch\s+vụ\s+khác"
    r"|thu\s+(?:từ\s+)?(?:ngoài\s+quốc\s+doanh|về\s+nhà\s+đất|tiền\s+sử\s+dụng\s+đất|phí|xổ\s+số|khu\s+vực"
    # the sources of domestic revenue: "thu từ doanh nghiệp nhà nước đạt 1.118 tỷ đồng", "thu từ dầu thô", "khu vực
    # doanh nghiệp có vốn đầu tư nước ngoài 28,7 nghìn tỷ đồng", "các khoản thu về đất 40.982 tỷ đồng"
    r"|doanh\s+nghiệp|dnnn|dầu\s+thô|công\s+thương\s+nghiệp)|khu\s+vực\s+doanh\s+nghiệp|khoản\s+thu\s+về\s+đất"
    r"|thuế\s+(?:thu\s+nhập|bảo\s+vệ\s+môi\s+trường|giá\s+trị\s+gia\s+tăng|tiêu\s+thụ)|lệ\s+phí\s+trước\s+bạ"
    # a sector of the economy by ownership ("kinh tế có vốn đầu tư nước ngoài đạt 927 triệu USD": its exports, no
    # investment) and a branch's growth ("Lĩnh vực nông nghiệp 6 tháng đầu năm tăng trưởng 0,83%")
    r"|(?:khu\s+vực\s+)?kinh\s+tế\s+(?:có\s+vốn\s+đầu\s+tư\s+(?:trực\s+tiếp\s+)?nước\s+ngoài(?:\s+fdi)?|nhà\s+nước"
    r"|ngoài\s+nhà\s+nước|tư\s+nhân|trong\s+nước)|(?:sản\s+xuất|lĩnh\s+vực)\s+nông|ngành\s+hàng|năng\s+lượng"
    # the state's and the foreign-invested sector's investment ("vốn đầu tư thực hiện của khu vực nhà nước đạt
    # 1.073,0 tỷ đồng"; the non-state sector's is private_investment)
    r"|khu\s+vực\s+(?:nhà\s+nước|có\s+vốn\s+đầu\s+tư\s+nước\s+ngoài)"
    # the balance of trade: "cán cân mậu dịch xuất siêu đạt khoảng 6,5 tỷ USD" (neither exports nor imports); passengers
    r"|cán\s+cân\s+(?:thương\s+mại|mậu\s+dịch)|xuất\s+siêu|nhập\s+siêu|khách\s+vận\s+chuyển|hành\s+khách"
    # labour productivity is no GRDP per head: "năng suất lao động xã hội đạt 539 triệu đồng/người"
    r"|năng\s+suất\s+lao\s+động"
    # the centre's share of the revenue: "Trong đó, thu ngân sách Trung ương đạt 8.696,2 tỷ đồng"
    r"|thu\s+ngân\s+sách\s+(?:trung\s+ương|tw)(?![^\W\d_])"
    # a branch opening its clause: "Công nghiệp tăng trưởng 17,5%, với nhiều sản phẩm …"
    r"|(?:^|(?<=[,;:]\s))(?:nông\s+nghiệp|công\s+nghiệp|dịch\s+vụ|xây\s+dựng)(?=\s+(?:tăng|giảm))"
    # other indices whose rank is reported: administrative reform, competitiveness, satisfaction, digital
    r"|par\s+index|pci|papi|sipas|dti|chỉ\s+số\s+(?:cải\s+cách|năng\s+lực|hài\s+lòng|chuyển\s+đổi|hiệu\s+quả))"
)


# a count right before a name: the name is what it counts ("930 nghìn lượt khách")
_COUNTED = re.compile(r"[0-9]\s+(?:(?:nghìn|ngàn|triệu)\s+)?$")

_TO = re.compile(r"\s+(?:(?:chính|chủ\s+yếu|lớn(?:\s+nhất)?|nhiều(?:\s+nhất)?)\s+)?(?:vào|cho)(?![^\W\d_])")

_STRUCTURE_OF: Final = 3  # characters between "cơ cấu" and the indicator whose structure it is

# visitors of a kind written after their number: "3,6 triệu lượt khách quốc tế", "1,4 triệu lượt khách nội địa"
_KIND_AFTER = re.compile(r"\s+(?:quốc\s+tế|nội\s+địa|nước\s+ngoài)(?![^\W\d_])")


def part_before(text: str, lo: int, pos: int, unit: Any = None, end: int | None = None) -> str | None:
    """The words between ``lo`` and ``pos`` that make the number there a part of an indicator's figure
    (see :data:`PARTS`) rather than the figure: a part named after the last indicator name (or after a
    bare "tăng trưởng", which a sector's growth also uses), or a kind of visitors written after the number (ending
    at ``end``: "3,6 triệu lượt khách quốc tế"); ``None`` when the number is the figure. Visitors
    of a kind ("khách quốc tế") are no part of an amount of money (``unit``): "… trong đó có 1,46 triệu lượt
    khách quốc tế, doanh thu 46.000 tỷ đồng" is the whole revenue.

    >>> s = "GRDP tăng 7,2%, trong đó khu vực dịch vụ tăng 12,51%"
    >>> part_before(s, 0, s.index("12,51")), part_before(s, 0, s.index("7,2"))
    ('khu vực dịch vụ', None)
    """
    low = casefolded(text)
    if (
        end is not None
        and low.endswith("khách", 0, end)
        and (kind := _KIND_AFTER.match(low, end)) is not None
    ):
        return "khách" + kind.group(0)  # (``end``: where the number ends)
    last = None
    for m in PARTS.finditer(low, lo, pos):
        last = m
    if last is None:
        return None
    if unit is not None and last.group(0).startswith(("khách", "du khách")) and is_money(unit):
        return None
    if revenue_from_trade(low, lo, last, unit):
        return None  # "thu nội địa đạt 21.100 tỷ đồng, xuất nhập khẩu đạt gần 9.000 tỷ đồng": trade revenue
    if unit is not None and last.group(0).startswith("doanh") and not is_money(unit) and unit != _PERCENT:
        return None  # "Doanh thu dịch vụ lưu trú … đạt khoảng 9.760 tỷ đồng, trong khi du lịch đón 6,5 triệu lượt khách"
    if last.group(0).startswith("đóng") and _TO.match(low, last.end()):
        # "đóng góp (chính) vào tốc độ tăng trưởng GRDP toàn tỉnh 1,28%": a contribution to what it names
        return last.group(0)
    starts, matches = alias_matches(low)
    structure = last.group(0).startswith("cơ")
    revenue_source = last.group(0).startswith(("thu", "khu vực doanh"))
    visitors = last.group(0).startswith(("khách", "du khách"))  # of a kind, before their count
    # "nhiều kết quả tích cực như: tăng trưởng kinh tế cả năm đạt 7,34%": the economy's growth is no item of a list
    list_opened = last.group(0).startswith("như")
    for name in matches[bisect_left(starts, lo) : bisect_left(starts, pos)]:
        generic = name.group(0) in GENERIC_ALIASES and not (
            list_opened and name.group(0) == "tăng trưởng kinh tế"
        )
        if name.end() > pos or generic or names_a_rank(name.group(0)):
            continue  # "tăng trưởng", "xếp hạng": words that name no subject of their own
        if structure and name.start() - last.end() <= _STRUCTURE_OF:
            continue  # "cơ cấu GRDP": the structure of the indicator named, not the indicator
        if revenue_source and by_code()[aliases().by_phrase[name.group(0)][0]].code == "fdi_registered":
            continue  # "thu từ khu vực có vốn đầu tư nước ngoài 3.049 tỷ đồng": a source of revenue, no investment
        if visitors and _COUNTED.search(low, max(0, name.start() - 16), name.start()) is not None:
            continue  # "khách quốc tế ước đạt 930 nghìn lượt khách, tăng 11,3 lần": what a number counts, no name
        if (name.start() <= last.start() and name.end() >= last.end()) or name.start() >= last.end():
            # the indicator is named around the part ("thu từ hoạt động xuất nhập khẩu") or after it
            return None
    return last.group(0)


# the last amount before a rank, and words that make GRDP named before it its size, not its growth
_LAST_AMOUNT = re.compile(
    r"[0-9](?:[0-9.,]*[0-9])?\s*(%|phần\s+trăm|(?:nghìn\s+)?(?:tỷ|tỉ|triệu)(?![^\W\d_])|usd)"
)
_SIZE = re.compile(r"quy\s+mô|giá\s+hiện\s+hành|đầu\s+người")


# a level after "từ" with "lên" right after it: where a change started ("tăng từ 67,8 tỷ đồng, lên 29.920 tỷ đồng"),
# not "từ 8% trở lên" (at least)
_RISE_FROM = re.compile(r"(?<![^\W\d_])(?:tăng|giảm|nâng)?[^;.]{0,12}?(?<![^\W\d_])từ(?:\s+mức)?\s*$")
# (one with its own year is that year's figure: "tăng từ 35,28 triệu đồng/người năm 2015 lên 65 triệu đồng/người")
_RISE_TO = re.compile(
    r"(?:(?!trở\s+lên|(?:19|20)[0-9]{2})[^;.]){0,50}?(?<!trở\s)(?<![^\W\d_])(?:lên|xuống)\s+(?:mức\s+)?[0-9]"
)


def not_a_figure(
    text: str,
    where: tuple[int, int, int],
    ind: Indicator | None,
    subject: Indicator | None,
    denominator: float | None,
) -> str | None:
    """Why the number at ``where`` (its clause's start, its start and end) is no figure of the report's province,
    else ``None``: a comparison with the whole country (:func:`vs_country`), or, for a rank (``ind``), a regional
    rank or another indicator's (:func:`ranks_another`, ``subject`` the clause's)."""
    lo, start, end = where
    if ind is not None and ind.kind == "rank":
        return (
            "a regional rank, or another's"
            if ranks_another(text, lo, start, end, subject, denominator)
            else None
        )
    lo = max(lo, start - _PART_WINDOW)  # (a clause's words near the number: time stays linear)
    low = casefolded(text)
    counted = ind or subject  # (a count: "tăng 39,5% số DN và tăng 5,02 lần số vốn")
    if (
        counted is not None
        and counted.kind in ("flow", "count")
        and not any(money in counted.unit for money in ("dong", "USD"))
        and _OF_CAPITAL.match(low, end)
    ):
        return "the change of their capital, not of their number"
    if counted is not None and counted.code in _INVESTMENT_REGISTERED and _OF_PROJECTS.match(low, end):
        return "the change of the number of projects, not of their capital"  # "tăng 2,9% về số dự án"
    if ind is not None and ind.code in _INVESTMENT_REGISTERED:
        if _BOTH_SOURCES.search(low, lo, min(len(low), end + 60)):
            return "domestic and foreign investment together"  # "… 18,6 tỷ USD vốn đầu tư trong nước và … nước ngoài"
        if _SO_FAR.search(low, lo, start):
            return "the capital of the projects so far, not the period's"  # "Lũy kế đến nay, … 1.928 dự án FDI …"
    if _BAR.search(low, start, end) and _PROVINCES_COUNTED.search(low, lo, start):
        # "có 16/34 địa phương tăng trưởng GRDP đạt từ 8% trở lên", "6 địa phương tăng trưởng trên 10%": a bar
        return "a threshold the provinces counted pass"
    if (vs_country(text, end) and not country_after(low[lo:start], low[end : end + 40])) or (
        _POINTS.search(low, start, end) and COUNTRY_BEFORE.search(low, lo, start)
    ):
        return "a comparison with the whole country"  # "cao hơn tăng trưởng bình quân cả nước 2,68 điểm phần trăm"
    if (
        ind is not None
        and ind.code == "public_investment_disbursement"
        and _PRIVATE_PROJECTS.search(low, lo, min(len(low), end + 40))
        and not _PUBLIC_MONEY.search(low, lo, min(len(low), end + 40))
    ):
        # "tổng vốn đầu tư được giải ngân tại các khu công nghiệp ước đạt 1.130 tỷ đồng": firms' projects, not the state's
        return "the disbursement of firms' projects, not public investment"
    if counted is not None and counted.code not in _GROWTHS and _COUNTRY_ASIDE.search(low, lo, start):
        return "the whole country's, in an aside"  # "tăng 15,1% so với tháng 9/2020 (cả nước tăng 1,2%)"
    if _RISE_FROM.search(low, lo, start) and _RISE_TO.match(low, end):
        # "thu ngân sách tăng 130 lần, từ 33,3 tỷ đồng lên 4.343 tỷ đồng": the level it rose from, of an earlier
        # year; the figure is the one after "lên"
        return "the level it rose from ('từ … lên …'), of an earlier period"
    return None


_PART_WINDOW: Final = 400
# what a change right after it is of: "tăng 5,02 lần số vốn", "tăng 32,6% về vốn đăng ký"
_OF_CAPITAL = re.compile(r"\s*(?:số|về)\s+vốn(?![^\W\d_])")
# "… tổng vốn đăng ký mới đạt 1,8 tỷ USD, tăng 2,9% về số dự án và tăng 70,7% về tổng vốn"
_OF_PROJECTS = re.compile(r"\s*(?:về\s+)?số\s+(?:lượng\s+)?(?:dự\s+án|lượt)(?![^\W\d_])")
_INVESTMENT_REGISTERED: Final = frozenset({"fdi_registered", "domestic_investment_registered"})
_BOTH_SOURCES = re.compile(
    r"trong\s+(?:nước\s+)?và\s+(?:vốn\s+(?:đầu\s+tư\s+)?(?:trực\s+tiếp\s+)?)?(?:ngoài\s+nước|nước\s+ngoài)"
)
# all the projects registered so far (since the first), not those of the period: "lũy kế đến nay", "còn hiệu lực"
_SO_FAR = re.compile(
    r"(?:lũy|luỹ)\s+kế\s+đến\s+nay|(?<!năm\s)(?<!tháng\s)đến\s+nay|còn\s+hiệu\s+lực|đang\s+hoạt\s+động"
)

# a count of provinces before a figure in its clause (not a rank, "thứ 5/63 tỉnh", nor the province's own bar, "là
# một trong 6 tỉnh, thành phố tăng GRDP trên 10%")
_PROVINCES_COUNTED = re.compile(
    r"(?<!thứ\s)(?<!trong\s)(?<![0-9/.,])[0-9]{1,2}(?:/(?:34|63))?\s+(?:địa\s+phương|tỉnh)(?![^\W\d_])"
    r"(?!\s*\(?\s*cũ(?![^\W\d_]))"  # "tổng … vốn FDI 3 địa phương (cũ)": the old provinces merged, all of them
)
# and the figure a bar: "từ 8% trở lên", "trên 10%", "dưới 8%" (a province's own figure is written exactly)
_BAR = re.compile(r"(?<![^\W\d_])(?:từ|trên|dưới|hơn|vượt|trở\s+lên|trở\s+xuống)(?![^\W\d_])")


# the projects of firms in industrial parks, foreign or "secondary" (tenants'), and the state's money
_PRIVATE_PROJECTS = re.compile(r"khu\s+công\s+nghiệp|kcn(?![^\W\d_])|thứ\s+cấp|fdi(?![^\W\d_])|nước\s+ngoài")
_PUBLIC_MONEY = re.compile(r"đầu\s+tư\s+công|ngân\s+sách|nsnn|nsđp")
# the country's figure in an aside after the province's: "(cả nước tăng 1,2%)", "(cả nước 3,8%)" (the country's GDP
# growth is filed under the country: "(cả nước +5,05%)")
_COUNTRY_ASIDE = re.compile(r"\(\s*cả\s+nước\s+(?:[^\W\d_]+\s+){0,3}[+\-−]?\s*$")
_GROWTHS: Final = frozenset({"grdp_growth", "gdp_growth"})
# a figure compared with the whole country's: "gấp 1,16 lần bình quân cả nước", "bằng 93,5% so với cả nước"
_VS_COUNTRY = re.compile(
    r"\s*(?:so\s+(?:với\s+)?)?(?:mức\s+)?(?:bình\s+quân\s+)?(?:chung\s+)?(?:của\s+)?cả\s+nước"
)


_POINTS = re.compile(
    r"(?<![^\W\d_])(?:điểm|đpt)(?![^\W\d_])"
)  # a difference in points: "2,68 điểm phần trăm"


def vs_country(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is a comparison with the whole country ("GRDP bình quân đầu người …,
    gấp 1,16 lần bình quân cả nước"): no figure of the province's own.

    >>> s = "GRDP bình quân đầu người ước đạt 5.852 USD, gấp 1,16 lần bình quân cả nước."
    >>> vs_country(s, s.index(" lần") + 4), vs_country(s, s.index(" USD") + 4)
    (True, False)
    """
    return _VS_COUNTRY.match(casefolded(text), end) is not None


# a rank out of a number written after it: "xếp thứ 19 so với 63 tỉnh, thành phố", "đứng thứ 5 trong 63 tỉnh"
_OUT_OF_AFTER = re.compile(
    r"\s*(?:so\s+với|trong|trên)\s+(?:tổng\s+số\s+)?([0-9]{1,2})\s+(?:tỉnh|địa\s+phương)"
)
_OUT_OF_WORDS = re.compile(r"thứ\s+[0-9]{1,2}\s+(?:so\s+với|trong|trên)\s+(?:tổng\s+số\s+)?$")


def ranks_another(
    text: str, lo: int, pos: int, end: int, subject: Indicator | None = None, denominator: float | None = None
) -> bool:
    """Whether the rank at ``pos`` (its number ending at ``end``, out of ``denominator``) is no national rank of
    GRDP growth: a rank in a region ("đứng thứ 2 tiểu vùng"; a national one is out of 63 or 34 or says "cả nước",
    "toàn quốc"), or of something else, from its clause (from ``lo``) and the clause's ``subject``: a subject that
    is not GRDP ("giải ngân … xếp thứ 14/63"), the amount of money right before it ("GRDP năm 2022 là 121.300 tỉ đồng, …, đứng thứ 18/63"), GRDP's
    size or GRDP per head ("GRDP theo giá hiện hành … đứng thứ 34/63", "Về GRDP đầu người, … đứng thứ 5"), or
    another indicator named last ("Riêng thu hút FDI, Bắc Ninh hiện đứng thứ 3 cả nước").

    >>> ranks_another("Quy mô nền kinh tế ước đạt 368.445 tỉ đồng, đứng thứ 7/34", 0, 53, 57, None, 34.0)
    True
    >>> ranks_another("GRDP ước tăng 8,12%, đứng thứ 7/34", 0, 30, 34, None, 34.0)
    False
    """
    tail = text[end : end + 30].casefold()
    if _OUT_OF_WORDS.search(text[max(0, pos - 30) : pos].casefold()):
        return True  # "xếp thứ 19 so với 63 tỉnh": the 63 is how many are ranked
    if denominator is None and (out_of := _OUT_OF_AFTER.match(tail)) is not None:
        denominator = float(out_of.group(1))  # "xếp thứ 19 so với 63 tỉnh, thành phố": 19/63
    if denominator not in (63.0, 34.0) and "cả nước" not in tail and "toàn quốc" not in tail:
        return True
    if subject is not None and not subject.code.startswith("grdp"):
        return True
    low = casefolded(text)
    amounts = list(_LAST_AMOUNT.finditer(low, lo, pos))
    if amounts:
        return not amounts[-1].group(1).startswith(("%", "phần"))
    starts, matches = alias_matches(low)
    named = [
        m
        for m in matches[bisect_left(starts, lo) : bisect_left(starts, pos)]
        if m.end() <= pos and not names_a_rank(m.group(0))
    ]
    if not named:
        return False
    if _SIZE.search(low, named[-1].start(), pos):
        return True
    return by_code()[aliases().by_phrase[named[-1].group(0)][0]].kind != "growth"


def goals_carry(rows: list[dict[str, Any]], sid: int, before: Span | None, year: int | None) -> Span | None:
    """The year the goals of sentence ``sid`` are set for, for the goals of the next sentences that name none: a
    year later than the report's ("Tổng sản phẩm … bình quân đầu người đến năm 2030 đạt 95 triệu đồng/người. Thu
    ngân sách … phấn đấu đạt 12.000 tỷ đồng": 2030's too), until a sentence gives a result; ``before`` when the
    sentence has no figure (``rows`` the figures so far, newest last)."""
    mine = sentence_rows(rows, sid)
    if not mine:
        return before
    if year is None or any(r["measure"] not in ("target", "plan") for r in mine):
        return None
    (end, *others) = {int(r["period_end"][:4]) for r in mine}
    return Span(f"{end}-01", f"{end}-12") if not others and end > year else before


def goal_year(span: Span | str | None, goals: Span | None) -> bool:
    """Whether a goal of the whole year ``span`` (the report's, for want of one of its own) takes the later year the
    goals before it were set for (``goals``, :func:`goals_carry`)."""
    return (
        isinstance(span, Span) and goals is not None and span.months == 12 and goals.end.year > span.end.year
    )


def sentence_rows(rows: list[dict[str, Any]], sid: int) -> list[dict[str, Any]]:
    """The rows of sentence ``sid``: the last ones of ``rows``, which are filed sentence by sentence."""
    n = len(rows)
    while n and rows[n - 1]["_sentence"] == sid:
        n -= 1
    return rows[n:]


# the words between a figure and a change of it: "… 11.200 tỷ đồng, tăng 20,17%"
_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?(?:tăng|giảm|vượt)(?:\s+(?:hơn|trên|gần|khoảng))?\s*")
_PERCENT_IN_PARENS = re.compile(r"\s*\(\s*(?:(?:bằng|đạt|tăng|giảm)\s+)?")


def follows_figure(sentence: str, last_end: int, digit: int, unit: Any) -> bool:
    """Whether the number at ``digit`` is said of the figure ending at ``last_end``, whatever is named after it: a
    change right after it ("… 11.200 tỷ đồng, tăng 20,17%"), or a percent in a parenthesis opened right after it
    ("chi đầu tư phát triển 3.953 tỷ đồng (80,9% dự toán), chi hành chính sự nghiệp …").

    >>> s = "chi đầu tư 3.953 tỷ đồng (80,9% dự toán), chi thường xuyên 4.899 tỷ đồng"
    >>> follows_figure(s, s.index(" ("), s.index("80,9"), _PERCENT), follows_figure(s, s.index(","), s.index("4.899"), None)
    (True, False)
    """
    if _RIGHT_AFTER.fullmatch(sentence, last_end, digit) is not None:
        return True
    return unit == _PERCENT and _PERCENT_IN_PARENS.fullmatch(sentence, last_end, digit) is not None


_FIRST_IN_COUNTRY = re.compile(
    r"(?:đứng|dẫn|xếp)\s+(?:đầu|thứ\s+nhất)\s+(?:cả\s+nước|toàn\s+quốc)", re.IGNORECASE
)
_GROWTH_NAMED = re.compile(r"tăng\s+trưởng\s+(?:kinh\s+tế|grdp)|grdp", re.IGNORECASE)


def first_in_country(
    sentence: str, low: str, growth: list[dict[str, Any]], spans: tuple[object, ...], year: int | None
) -> dict[str, Any] | None:
    """The national rank 1 a sentence gives the province's growth ("tăng trưởng … đạt hơn 14,5%, đứng đầu cả
    nước", "X đứng đầu cả nước về tăng trưởng kinh tế"), as the columns of its row: of the period of the growth
    figures of the sentence (``growth``, rows), else of the period named before it, else the first of ``spans``
    (the section's, the one spoken of, the report's, the year's); ``None`` when it gives none. ``low`` is the
    sentence casefolded."""
    first = _FIRST_IN_COUNTRY.search(sentence) if "cả nước" in low or "toàn quốc" in low else None
    if first is None or not (growth or _GROWTH_NAMED.search(sentence)):
        return None
    own = span_before(sentence, first.start(), year)
    at = next((x for x in (own, *spans) if isinstance(x, Span)), None)
    if growth:
        last = growth[-1]
    elif at is not None:
        last = {"period_start": at.start, "period_end": at.end}
    else:
        return None
    return (
        {k: str(last[k]) for k in ("period_start", "period_end")}
        | ({"measure": last["measure"]} if "measure" in last else {})
        | {"indicator": "grdp_growth_rank_national", "value": 1.0, "qualifier": "exact", "form": "level"}
        | {"quote": quote_around(sentence, first.start(), first.end())}
    )


def range_bounds(qualifier: str, low: float, high: float, negated: bool) -> tuple[float | str, float | str]:
    """The ``low`` and ``high`` columns of a figure read as a range, in the sign of its value: a fall's range is
    negated as its midpoint is (``negated``: "tỷ lệ hộ nghèo giảm 1,5-2%" is −2 to −1,5 points, midpoint −1,75 — it
    had been left positive, and the row refused); empty for any other qualifier.

    >>> range_bounds("range", 1.5, 2.0, True), range_bounds("range", 1.5, 2.0, False), range_bounds("exact", 7, 7, False)
    ((-2.0, -1.5), (1.5, 2.0), ('', ''))
    """
    if qualifier != "range":
        return "", ""
    return (-high, -low) if negated else (low, high)


# guests who stayed the night, named before their number in its clause: "khách lưu trú đạt 163.315 lượt", "khách
# đến các cơ sở lưu trú ước đạt 961,0 nghìn lượt"
_OVERNIGHT = re.compile(
    r"khách\s+(?:đến\s+)?(?:các\s+)?(?:cơ\s+sở\s+(?:kinh\s+doanh\s+)?)?lưu\s+trú(?!\s+và)"
)


def overnight_guests(
    rows: list[dict[str, Any]], sentences: list[str], kept: Unattached
) -> list[dict[str, Any]]:
    """``rows`` without the guests who stayed the night when the text counts all its visitors of the same
    period too ("đón 2,5 triệu lượt khách …; khách lưu trú đạt 1,2 triệu lượt": a part, kept in ``kept`` with
    the reason); alone, they are the text's count of visitors (Khánh Hòa reports "tổng lượt khách lưu trú")."""

    def overnight(row: dict[str, Any]) -> bool:
        sentence = casefolded(sentences[row["_sentence"]])
        lo = max(0, row["_at"] - 90, sentence.rfind(";", 0, row["_at"]) + 1)
        return _OVERNIGHT.search(sentence, lo, row["_at"]) is not None

    def when(row: dict[str, Any]) -> tuple[Any, ...]:
        return row["period_start"], row["period_end"], row["form"], row["relative_to"]

    visitors = [r for r in rows if r["indicator"] == "tourist_visits"]
    stayed = {id(r) for r in visitors if overnight(r)}
    counted = {when(r) for r in visitors if id(r) not in stayed}
    parts = {id(r) for r in visitors if id(r) in stayed and when(r) in counted}
    reason = "a figure for a part (khách lưu trú), not the whole"
    for r in rows:
        if id(r) in parts:
            kept.add(r["value"], r["unit"], r["quote"], 0, 0, reason)
    return [r for r in rows if id(r) not in parts]


# "Trong mức tăng 4,75%, khu vực nông, lâm nghiệp … tăng 3,82%": the growth named before, restated to break it down
_RESTATED = re.compile(r"\W*trong\s+mức\s+tăng\s", re.IGNORECASE)


def restated(rows: list[dict[str, Any]], sentences: list[str]) -> list[dict[str, Any]]:
    """``rows`` with the measure of a growth restated ("GRDP quý I ước tăng 4,75% …. Trong mức tăng 4,75%, khu vực
    …") taken from where the text first gave it: an estimate stays one."""
    first: dict[tuple[Any, ...], str] = {}
    for row in rows:
        key = (
            row["indicator"],
            row["region"],
            row["period_start"],
            row["period_end"],
            row["form"],
            row["value"],
        )
        if key in first and _RESTATED.match(sentences[row["_sentence"]]):
            row["measure"] = first[key]
        first.setdefault(key, row["measure"])
    return rows


# "mức tăng 4,03% của 6 tháng đầu năm 2020": the period the figure is of, named after it
_OF_PERIOD = re.compile(
    r"\s+(của|trong|sau|(?=cùng\s+kỳ))\s*(?=\S+\s+tháng|quý|tháng|năm\s+[0-9]|cùng\s+kỳ)", re.IGNORECASE
)
# the aside's own figure after its year: "giá trị XK 543 triệu USD (năm 2018 440 triệu USD)"
_ASIDE_FIGURE = re.compile(r"\s*(?:là\s+|đạt\s+)?[0-9]")


def own_period(
    sentence: str, where: tuple[int, int, int], year: int | None, multiple: bool
) -> tuple[Span | str | None, re.Match[str] | None]:
    """The period a figure names for itself (its number starting at ``where[0]``, ending at ``where[1]``, the next
    figure at ``where[2]``), and the "của …" / "trong …" that names it after the figure, if any: the nearest phrase
    before it, else one after it; a year right after it ("37,35 triệu đồng năm 2018"), unless the figure is a
    ``multiple`` of that year's ("gấp 1,6 lần năm 2023") or the year opens an aside with its own figure ("543 triệu
    USD (năm 2018 440 triệu USD)": the year compared with); a period after "của" or "trong" ("cao hơn mức tăng 4,03%
    của 6 tháng đầu năm 2020", "với mức tăng 8,59% trong quý 3")."""
    digit, end, next_start = where
    own = span_before(sentence, digit, year) or span_after(sentence, end, next_start, year)
    gap = sentence[end : end + 3]
    gap = gap[: len(gap) - len(gap.lstrip(" ("))]  # spaces and an opening parenthesis
    right_after = PERIOD_PHRASES.match(sentence, end + len(gap))
    if (
        right_after is not None
        and BARE_YEAR.fullmatch(right_after.group("p"))
        and not multiple
        and ("(" not in gap or not _ASIDE_FIGURE.match(sentence, right_after.end()))
    ):
        own = phrase_span(right_after.group("p"), year)
    of = _OF_PERIOD.match(sentence, end)
    if of is not None and (right_after := PERIOD_PHRASES.match(sentence, of.end())) is not None:
        own = phrase_span(right_after.group("p"), year)
    return own, of
