"""Which province each figure of a report is of: the report's own (:func:`report_region`), the unit a province
became once it ceased (:func:`unit_then`, :func:`file_regions`), a province a merged unit was formed of when the
text gives a figure for it (:func:`predecessors_named`), another province named right before a figure
(:func:`others_named`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.errors import DataError

__all__ = ["file_regions", "others_named", "predecessors_named", "report_region", "unit_then"]


@lru_cache(maxsize=256)
def unit_then(code: str, period_end: str) -> str:
    """The unit a province's figure belongs to: the province while it existed, the unit it became for
    a period that ends after it ceased ("Phú Thọ, 9 tháng năm 2025" is the merged Phú Thọ), the unit
    of the same name that existed then for a period of a year before the one it began in (a merged unit's
    own report of 2025 is of its territory, its months before the merger included)."""
    from ktstats.catalog.regions import region as find_region

    try:
        r = find_region(code)
    except DataError:
        return code  # not a province: the country, a district
    end = pd.Period(period_end, "M").to_timestamp(how="end").normalize()
    if r.valid_from is not None and end.year < r.valid_from.year:
        # a result of a year before the unit existed ("năm ngoái" in a report of the merged Nghệ An):
        # the unit of that name then, if there was one (a result of the year it began, "6 tháng đầu năm 2025"
        # in a report of the merged Quảng Ngãi, is of its territory: the statistics are compiled so)
        try:
            return find_region(r.name_vi, on=end).code
        except DataError:
            return r.code
    while r.valid_to is not None and r.valid_to < end and r.successor:
        r = find_region(r.successor)
    return r.code


def _name(code: str) -> str:
    from ktstats.catalog.regions import region as find_region

    try:
        return find_region(code).name_vi
    except DataError:
        return code


def file_regions(
    rows: list[dict[str, Any]], code: str, *, inferred: bool, sentences: list[str] | None = None
) -> None:
    """Set each row's ``region`` from the report's ``code``: a result for a period that ends after the
    province ceased is its unit's (:func:`unit_then`); a target it set for the year stays its own — unless
    the text gives results of months after the merger ("tháng 8", "9 tháng", "quý III" of a flow, a growth
    rate or an index; a level may be dated to the year's end for want of a month) and its date was not given
    (``inferred``): it was written then, for the unit, and its goals and plans are the unit's too. In a report of
    a merged unit, a result of months before it existed that the text gives for one of the provinces it was
    formed of is that province's (:func:`predecessors_named`; ``sentences`` by each row's ``_sentence``)."""
    catalog = by_code()
    after = inferred and any(
        r["measure"] in ("actual", "estimate")
        and catalog[r["indicator"]].kind in ("flow", "growth", "index")
        # (an estimate for the whole year can be made before the year's end: "ước cả năm 2025"; a result not)
        and (_months(r["period_start"], r["period_end"]) < 12 or r["measure"] == "actual")
        and unit_then(code, r["period_end"]) != code
        for r in rows
    )
    # written after the merger, the report is the unit's: its results of the months before are of the unit's
    # territory too ("6 tháng đầu năm 2025" in a September report of the merged Tây Ninh), as the statistics are
    # compiled then; a year before the unit began is the province of that name then (:func:`unit_then`)
    # (only a unit that kept the province's name, and only when the text gives results of months after the merger)
    unit = next(
        (
            u
            for r in rows
            if after
            and r["measure"] in ("actual", "estimate")
            and _months(r["period_start"], r["period_end"]) < 12
            and (u := unit_then(code, r["period_end"])) != code
            and _name(u) == _name(code)
        ),
        code,
    )
    for row in rows:
        # (a goal for a span that begins after the province ceased — "năm 2026" — can only be the unit's)
        measured = (
            after or row["measure"] in ("actual", "estimate") or unit_then(code, row["period_start"]) != code
        )
        row["region"] = unit_then(unit, row["period_end"]) if measured else code
        if row["indicator"] == COUNTRY:  # the country's GDP growth is the country's ("cả nước tăng 5,05%")
            row["region"] = "viet_nam"
    if sentences is not None:
        predecessors_named(rows, code, sentences)
        others_named(rows, code, sentences)


#: a name marked as the province before the merger: "Hải Phòng (cũ)", "Quảng Ngãi cũ", "… trước khi sáp nhập"
_OLD_MARK = re.compile(r"\s*\(?\s*(?:cũ(?![^\W\d_])|trước\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất))")
#: the merged unit itself: "thành phố mới", "sau khi sáp nhập"; a province named after "sáp nhập với" is merged
#: into it, not spoken of ("… của thành phố mới – sau khi sáp nhập với tỉnh Quảng Nam – ước tăng 9,4%")
_NEW_UNIT = re.compile(r"(?:thành\s+phố|tỉnh)\s+mới(?![^\W\d_])|sau\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất)")
_MERGED_WITH = re.compile(
    r"(?:sáp\s+nhập|hợp\s+nhất)(?:\s+(?:với|cùng))?\s+(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*(?:,|và|–|-)\s*)*"
    r"(?:(?:tỉnh|thành\s+phố|tp\.?)\s+)?$"
)


@lru_cache(maxsize=128)
def _formed_of(code: str) -> tuple[pd.Period | None, frozenset[str], frozenset[str]]:
    """The month the unit ``code`` began (``None`` for a province that did not begin then or was formed of
    no other), the provinces it was formed of, and the one whose name it took ("Hải Phòng" of hai_phong_2025,
    under any of its names: "TP HCM" of ho_chi_minh_2025)."""
    from ktstats.catalog.regions import region as find_region
    from ktstats.catalog.regions import regions as all_regions

    table = all_regions()
    unit = table[table["code"] == code]
    olds = frozenset(table.loc[table["successor"] == code, "code"])
    if unit.empty or pd.isna(unit["valid_from"].iloc[0]) or not olds:
        return None, frozenset(), frozenset()
    namesakes = frozenset(c for c in olds if find_region(c).name_vi == find_region(code).name_vi)
    return pd.Period(pd.Timestamp(unit["valid_from"].iloc[0]), "M"), olds, namesakes


def predecessors_named(rows: list[dict[str, Any]], code: str, sentences: list[str]) -> None:
    """In a report of a unit formed on 1 July 2025 (``code``), file a result of months before then under the
    province it was formed of that the text gives it for: the last one named before the figure in its sentence
    ("Tại Hải Dương, … thu ngân sách … ước đạt trên 19.500 tỷ đồng"; its own name only marked as the old one,
    "thành phố Hải Phòng (cũ)", "khu vực tỉnh Quảng Ngãi cũ"), else the one the sentences before spoke of alone
    ("Tại Hải Dương, …. Trong đó, thu nội địa …"); the unit when it is named last ("Quảng Ngãi thu ngân sách gần
    17.000 tỉ đồng; trong đó khu vực tỉnh Quảng Ngãi (cũ) … 15.000 tỉ đồng, Kon Tum (cũ) gần 2.000 tỉ đồng")."""
    from ktstats.catalog.regions import named_at

    begins, olds, namesakes = _formed_of(code)
    if begins is None or not any(pd.Period(r["period_end"], "M") < begins for r in rows):
        return
    spoken: str | None = None  # the old province the sentences before spoke of alone
    at_start: dict[int, str | None] = {}
    mentions: dict[int, list[tuple[int, str | None]]] = {}
    names = [
        [(start, end, old) for start, end, old in named_at(sentence) if old in olds]  # (as they stood before)
        for sentence in sentences
    ]
    lows = [sentence.casefold() for sentence in sentences]  # (the sentences of a text already normalised)
    # "tỉnh Tây Ninh đạt 9,63% …. Tương ứng, Long An đạt mức tăng 9,49%": with the other provinces it was formed of
    # beside it, and neither it marked as the old one ("(cũ)") nor the unit as the new one ("sau sáp nhập"), the
    # namesake is the old province too
    marked = any(_OLD_MARK.match(lows[i], end) for i, found in enumerate(names) for _, end, _ in found)
    marked = marked or any(_NEW_UNIT.search(low) for low in lows)
    peers = not marked and any(old not in namesakes for found in names for _, _, old in found)
    for sid, low in enumerate(lows):
        found: list[tuple[int, str | None]] = [(m.start(), None) for m in _NEW_UNIT.finditer(low)]
        for start, end, old in names[sid]:
            if _MERGED_WITH.search(low, max(0, start - 80), start):
                continue
            if old in namesakes and not peers and not _OLD_MARK.match(low, end):
                found.append((start, None))  # the unit, by its name
            else:
                found.append((start, old))
        found.sort()
        at_start[sid], mentions[sid] = spoken, found
        if found:
            alone = {c for _, c in found}
            spoken = found[-1][1] if len(alone) == 1 else None
    for row in rows:
        if row["measure"] not in ("actual", "estimate") or pd.Period(row["period_end"], "M") >= begins:
            continue
        sid = row["_sentence"]
        before = [c for pos, c in mentions.get(sid, []) if pos < row.get("_at", len(sentences[sid]))]
        province = before[-1] if before else at_start.get(sid)
        if province is not None:
            row["region"] = province


#: the indicator of the whole country, filed under ``viet_nam`` whatever report states it
COUNTRY: Final = "gdp_growth"
_CLAUSE_MARK = re.compile(r"[,;:(]")
_OTHERS_REACH: Final = 40  # characters between another province's name and its figure
_ASIDE = re.compile(r"\s*\(\s*[+\-−]?\s*")  # a figure in parentheses right after the name


@lru_cache(maxsize=512)
def _month_end(month: str) -> pd.Timestamp:
    """The last moment of a month ("2024-06"): made once per month (pandas takes some microseconds for it)."""
    return pd.Period(month, "M").to_timestamp(how="end")


def others_named(rows: list[dict[str, Any]], code: str, sentences: list[str]) -> None:
    """File a figure under the province named right before it in its clause when that is not the report's nor a
    province it was formed of or became ("các tỉnh … có mức xếp hạng lần lượt là: Kon Tum 30/63, Đắk Nông
    48/63" in a report of Lâm Đồng; "cao hơn Gia Lai (6,2%)"): another province's figure, not the report's."""
    from ktstats.catalog.regions import named_at, successor_map

    merged = successor_map()
    # the report's province, the unit it became, and (in a unit's report) the provinces it was formed of
    ours = {code, merged.get(code, code)} | {old for old, unit in merged.items() if unit == code}
    at: dict[int, list[tuple[int, int, str]]] = {}
    for row in rows:
        sid, pos = row["_sentence"], row.get("_at")
        if pos is None or row["indicator"] == COUNTRY:
            continue
        sentence = sentences[sid]
        if sid not in at:  # (names as the units stood at the end of the figure's period: "Huế" in 2023)
            at[sid] = named_at(sentence, on=_month_end(row["period_end"]))
        lo = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, pos)), default=0)  # the figure's clause
        before = [
            (end, c)
            for start, end, c in at[sid]
            if (lo <= start and end <= pos and pos - end <= _OTHERS_REACH)
            or (
                end <= pos and _ASIDE.fullmatch(sentence, end, pos)
            )  # "Quảng Ninh (11,67%), Hải Phòng (11,59%)"
        ]
        if before and before[-1][1] not in ours:
            other = unit_then(
                before[-1][1], row["period_end"]
            )  # ("Huế" in 2023: Thừa Thiên Huế, the report's)
            if other not in (code, unit_then(code, row["period_end"])):
                row["region"] = other


def _months(start: str, end: str) -> int:
    """The months from ``start`` to ``end`` ("2025-01", "2025-09": 9), both included."""
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


# words only a text written after the July 2025 merger of provinces uses
# ("sau khi hợp nhất, … tỉnh Ninh Bình hứa hẹn sẽ …" looks ahead: a text of June 2025 can say it)
_AFTER_MERGER = re.compile(
    r"\(\s*cũ\s*\)|trước\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất)"
    r"|sau\s+(?:khi\s+)?(?:sáp\s+nhập|hợp\s+nhất)(?![^.]{0,100}?(?:(?<![^\W\d_])sẽ(?![^\W\d_])|hứa\s+hẹn))"
    # 34 provinces and cities are the units since July 2025 (63 before): "xếp thứ 7/34 tỉnh, thành phố"
    r"|(?<![0-9.,])(?:/\s*)?34\s+(?:tỉnh|địa\s+phương)",
    re.IGNORECASE,
)
_MERGED_UNITS_BEGIN = pd.Timestamp("2025-07-01")
# how a report speaks of its own unit: "toàn tỉnh", "trên địa bàn tỉnh", "UBND tỉnh" (a province), or "toàn thành
# phố", "UBND thành phố" (a city); a province's report may name its city ("thành phố Kon Tum"), so only these
_SELF = {
    kind: re.compile(
        r"(?<![^\W\d_])(?:toàn|địa\s+bàn|ubnd|ủy\s+ban\s+nhân\s+dân|hđnd|hội\s+đồng\s+nhân\s+dân|của)\s+"
        + word
        + r"(?![^\W\d_])(?-i:(?!\s+[A-ZĐÂĂÊÔƠƯ]))",  # not "thành phố Kon Tum" (the city of a province)
        re.IGNORECASE,
    )
    for kind, word in (("province", "tỉnh"), ("city", r"(?:thành\s+phố|tp\.?)"))
}


def report_region(text: str, region: str | None, date: pd.Period | None, year: int | None = None) -> str:
    """The region code of a report: the one given (a code or a name), else the one the text names — as the
    units stood at ``date``, else at the end of the ``year`` the text speaks of (never after the merger of
    July 2025, which the figures' months decide: :func:`file_regions`): "Huế" in a 2018 report is the
    province of Thừa Thiên Huế, not the city it became in 2025."""
    from ktstats.catalog.regions import named_in
    from ktstats.catalog.regions import region as find_region

    if region is not None:
        return region if "." in region else find_region(region).code
    on = date.to_timestamp(how="end") if date is not None else None
    if on is None and _AFTER_MERGER.search(text):
        on = _MERGED_UNITS_BEGIN  # "khu vực tỉnh Quảng Ngãi cũ (trước sáp nhập)": written after the 2025 merger
    elif on is None and year is not None:
        on = min(pd.Timestamp(year=year, month=12, day=31), _MERGED_UNITS_BEGIN - pd.Timedelta(days=1))
    says = [kind for kind, pattern in _SELF.items() if pattern.search(text)]
    # "(sau thành phố Huế)" names another, not the report's; of names named as often, one of the kind the
    # text calls itself
    named = named_in(text, on=on, asides=False, kind=says[0] if len(says) == 1 else None)
    if not named:
        raise DataError(
            "the text names no province or city; say which report this is with region= "
            "(e.g. region='Kon Tum')"
        )
    return named[0][0]
