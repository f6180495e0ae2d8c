"""Provinces and cities of Việt Nam, before and after the 2025 merger.

``datasets/regions.csv`` lists the 63 provinces and centrally-run cities as they
stood until 30 June 2025 and the 34 formed from 1 July 2025 by Resolution
202/2025/QH15 of the National Assembly (adopted 12 June 2025): Kon Tum and
Quảng Ngãi became the new Quảng Ngãi, and so on. Each row has a code, the
Vietnamese and ASCII name, the socio-economic region (for the 63), validity
dates, the successor and the other names people write (``aliases``: "Kontum",
"TP.HCM", "BR-VT", …). Thừa Thiên Huế province became the centrally-run city
of Huế on 1 January 2025 (Resolution 1314/NQ-UBTVQH15 of 30 November 2024).

:func:`region` resolves a name however it is written (with or without
diacritics, old or new tone placement, "tỉnh"/"thành phố" or not, or one of
its aliases);
:func:`regions` lists those valid on a date; :meth:`Panel.to_boundaries`
re-aggregates flows from the old provinces to the new ones.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from ktstats.catalog.bundled import data_dir
from ktstats.errors import DataError
from ktstats.lang.periods import parse_date
from ktstats.lang.text import did_you_mean, fold_ascii, longest_first, normalize_text

__all__ = ["Region", "named_at", "named_in", "region", "regions"]

_PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ", "province of ", "city of ")


@dataclass(frozen=True, slots=True)
class Region:
    """One province or centrally-run city."""

    code: str
    name_vi: str
    name_ascii: str
    kind: str
    region_vi: str
    valid_from: pd.Timestamp | None
    valid_to: pd.Timestamp | None
    successor: str | None
    note: str
    aliases: tuple[str, ...] = ()

    def valid_on(self, date: pd.Timestamp) -> bool:
        """Whether the unit existed on ``date``."""
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date <= self.valid_to
        )


def _key(name: str) -> str:
    text = _ascii(normalize_text(name).casefold())
    text = " ".join(_DASHES.sub(" ", text).replace("_", " ").split())
    for prefix in _PREFIXES:
        ascii_prefix = _ascii(prefix)
        if text.startswith(ascii_prefix):
            text = text[len(ascii_prefix) :]
    return text.strip()


def _ascii(text: str) -> str:
    return fold_ascii(text)


def _aligned_ascii(text: str) -> str:
    """``text`` without diacritics, a letter for a letter: a character that folds to more or fewer ("…" to "...")
    becomes a space, so that positions stay the text's and a name with diacritics is still checked against its own
    spelling ("diễn biến" in a text with a "…" is no Điện Biên)."""
    folded = _ascii(text)
    if len(folded) == len(text):
        return folded
    return "".join(f if len(f := _ascii(c)) == 1 else " " for c in text)


@lru_cache(maxsize=1)
def _table() -> tuple[Region, ...]:
    frame = pd.read_csv(data_dir() / "regions.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    out = []
    for r in frame.to_dict("records"):
        out.append(
            Region(
                r["code"],
                r["name_vi"],
                r["name_ascii"],
                r["kind"],
                r["region_vi"],
                pd.Timestamp(r["valid_from"]) if r["valid_from"] else None,
                pd.Timestamp(r["valid_to"]) if r["valid_to"] else None,
                r["successor"] or None,
                r["note"],
                tuple(a.strip() for a in r.get("aliases", "").split(";") if a.strip()),
            )
        )
    return tuple(out)


def regions(on: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """The provinces and cities valid on a date (all rows when ``on`` is None).

    >>> len(regions(on="2025-06-30")), len(regions(on="2025-07-01"))
    (63, 34)
    >>> sorted(regions(on="2024-01-01").query("region_vi == 'Tây Nguyên'")["name_vi"])
    ['Gia Lai', 'Kon Tum', 'Lâm Đồng', 'Đắk Lắk', 'Đắk Nông']
    """
    rows = _table()
    if on is not None:
        date = parse_date(on, argument="on")
        rows = tuple(r for r in rows if r.valid_on(date))
    return pd.DataFrame(
        [
            {
                "code": r.code,
                "name_vi": r.name_vi,
                "name_ascii": r.name_ascii,
                "kind": r.kind,
                "region_vi": r.region_vi,
                "valid_from": r.valid_from,
                "valid_to": r.valid_to,
                "successor": r.successor,
                "aliases": "; ".join(r.aliases),
                "note": r.note,
            }
            for r in rows
        ]
    )


def region(name: str, on: str | pd.Timestamp | None = None) -> Region:
    """Find a province or city by name or code, however it is written.

    With ``on``, the unit must exist on that date; a unit merged away raises
    :class:`DataError` naming its successor.

    >>> region("Kon Tum").code, region("kon tum").code, region("Tỉnh KON TUM").code
    ('kon_tum', 'kon_tum', 'kon_tum')
    >>> region("Khánh Hoà").code == region("Khanh Hoa").code == "khanh_hoa"
    True
    >>> region("TP.HCM").code, region("Kontum").code, region("BR-VT").code
    ('ho_chi_minh', 'kon_tum', 'ba_ria_vung_tau')
    >>> region("Huế", on="2025-03-01").kind, region("Thừa Thiên Huế", on="2024-06-01").kind
    ('city', 'province')
    >>> region("Kon Tum", on="2025-08-01")
    Traceback (most recent call last):
    ...
    ktstats.errors.DataError: Kon Tum no longer exists on 2025-08-01: from 2025-07-01 it is part of Quảng Ngãi (quang_ngai_2025), Resolution 202/2025/QH15
    """
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"expected a province name, got {name!r}")
    rows = _table()
    date = parse_date(on, argument="on") if on is not None else None
    codes, keys = _index()
    key = _key(name)
    exact = codes.get(name.strip())
    matches = [exact] if exact is not None else list(keys.get(key, ()))
    if not matches:
        by_key = {_key(r.name_vi): r.name_vi for r in rows}
        hint = did_you_mean(key, by_key, shown=lambda k: by_key[k])
        if not hint:  # "TP HCMM": close to an alias only
            by_alias = {_key(a): a for r in rows for a in r.aliases}
            hint = did_you_mean(key, by_alias, shown=lambda k: by_alias[k])
        raise DataError(f"unknown province or city {name!r}{hint}")
    if date is None:
        # the unit as it stood before the merger when the name is ambiguous (Kon Tum data are pre-2025)
        return sorted(matches, key=lambda r: r.valid_from or pd.Timestamp.min)[0]
    valid = [r for r in matches if r.valid_on(date)]
    if valid:
        return valid[0]
    gone = matches[0]
    succ = next((r for r in rows if r.code == gone.successor), None)
    succ_text = f"{succ.name_vi} ({succ.code})" if succ else str(gone.successor)
    raise DataError(
        f"{gone.name_vi} no longer exists on {date:%Y-%m-%d}: from {succ.valid_from:%Y-%m-%d} it is part of "
        f"{succ_text}, Resolution 202/2025/QH15"
        if succ and succ.valid_from is not None
        else f"{gone.name_vi} does not exist on {date:%Y-%m-%d}"
    )


def matching(name: str) -> list[Region]:
    """Every unit, of any date, that ``name`` can mean ("Quảng Ngãi": the province until 30/6/2025
    and the unit from 1/7/2025), in file order; empty when none."""
    if not isinstance(name, str) or not name.strip():
        return []
    codes, keys = _index()
    exact = codes.get(name.strip())
    return [exact] if exact is not None else list(keys.get(_key(name), ()))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Region], dict[str, tuple[Region, ...]]]:
    """Regions by code, and by every key a name can fold to (name, code, aliases), in file order."""
    by_key: dict[str, list[Region]] = {}
    for r in _table():
        for k in dict.fromkeys((_key(r.name_vi), _key(r.code), *_alias_keys(r))):
            by_key.setdefault(k, []).append(r)
    return {r.code: r for r in _table()}, {k: tuple(v) for k, v in by_key.items()}


@cache
def _alias_keys(r: Region) -> frozenset[str]:
    return frozenset(_key(a) for a in r.aliases)


def named_in(
    text: str, on: str | pd.Timestamp | None = None, *, asides: bool = True, kind: str | None = None
) -> list[tuple[str, int]]:
    """The provinces and cities a text names, most often named first: ``[(code, mentions), …]``.

    Names (and the aliases of ``regions.csv``: "TP.HCM", "BR-VT", "Kontum") are matched on whole words, with or
    without diacritics; a name written with "tỉnh"/"thành phố" counts twice (so "tư tưởng Hồ Chí Minh" does not
    outrank "tỉnh Kon Tum"), and of names named as often, the one named
    first (a report names its own province before those it compares with), and a name written only in
    parentheses (a comparison: "(sau tỉnh Hậu Giang và tỉnh Cà Mau)") after the others; ``on``
    keeps the units that existed on that date (a 2024 report's "Quảng Ngãi" is the
    old province, not the merged one). With ``asides=False``, a name written only in parentheses is left out.
    ``kind`` ("province" or "city": what the text calls itself, "toàn tỉnh") ranks, of names named as often, those
    of that kind first ("Nhà máy bia Sài Gòn - Đắk Lắk" twice in a report of "toàn tỉnh" is Đắk Lắk's). The ends of a
    range ("các tỉnh từ Thanh Hóa đến Bình Thuận"), neighbours compared with ("tỉnh lân cận như …"), provinces
    overtaken ("vượt qua TP. Hồ Chí Minh và Bắc Ninh") and a road's ("cao tốc Ninh Bình – Nam Định") count as asides.

    >>> named_in("Kinh tế tỉnh Kon Tum 9 tháng ... Kon Tum đứng thứ 19; Gia Lai ...", on="2023-10-01")
    [('kon_tum', 2), ('gia_lai', 1)]
    """
    base = " ".join(_DASHES.sub(" ", normalize_text(text).casefold()).split())  # "Bà Rịa – Vũng Tàu"
    folded = _aligned_ascii(base)
    # each letter folds to one (Vietnamese in NFC does): a name written with diacritics must be written
    # with its own ("diễn biến" folds to "dien bien" but is no Điện Biên); one written without any counts
    aligned = len(folded) == len(base)
    date = parse_date(on, argument="on") if on is not None else None
    plain: dict[str, int] = {}
    titled: dict[str, int] = {}  # "tỉnh Kon Tum", "thành phố Đà Nẵng": a province, not a person's name
    first: dict[str, int] = {}
    aside: dict[str, int] = {}  # named in parentheses: "đứng thứ 03/13 (sau tỉnh Hậu Giang và tỉnh Cà Mau)"
    pattern, by_key = _name_pattern()
    found = list(pattern.finditer(folded))
    # "So với các tỉnh từ Thanh Hóa đến Bình Thuận, Ninh Thuận …": the ends of a range of provinces are no report's
    # (not "du khách từ Hà Nội đến Kon Tum")
    ranged = {
        j
        for i, (a, b) in enumerate(itertools.pairwise(found))
        if _RANGE_TO.fullmatch(folded, a.end(), b.start())
        and _RANGE_FROM.search(folded, max(0, a.start() - 20), a.start())
        for j in (i, i + 1)
    }
    # "thấp hơn một số tỉnh lân cận như Hải Phòng, Quảng Ninh, Hà Nam, Ninh Bình": neighbours compared with
    listed: set[int] = set()
    for i, m in enumerate(found):
        if _NEIGHBOURS.search(folded, max(0, m.start() - 60), m.start()) or (
            i - 1 in listed and _LISTED.fullmatch(folded, found[i - 1].end(), m.start())
        ):
            listed.add(i)
    ranged |= listed
    # "cao tốc Ninh Bình – Nam Định – Thái Bình – Hải Phòng", "đường cao tốc Cầu Giẽ – Ninh Bình": a road's name
    for i, m in enumerate(found):
        if m.group("title") is None and (
            _ROAD.search(folded, max(0, m.start() - 40), m.start())
            or (i - 1 in ranged and not folded[found[i - 1].end() : m.start()].strip())
        ):
            ranged.add(i)
    for i, m in enumerate(found):
        if aligned:
            written = base[m.start("name") : m.end("name")]
            if not written.isascii() and written not in _written_forms(m.group("name")):
                continue
        units = by_key[m.group("name")]
        if date is not None and not any(r.valid_on(date) for r in units):
            units = _earlier_unit(units, date)  # "Huế" in 2018: the province the city was then
        for r in units:
            if (date is not None and not r.valid_on(date)) or (date is None and r.code.endswith("_2025")):
                continue  # without a date, a name means the province as it stood before the merger
            plain[r.code] = plain.get(r.code, 0) + 1
            first.setdefault(r.code, m.start())
            titled[r.code] = titled.get(r.code, 0) + (m.group("title") is not None)
            lo = max(0, m.start() - 300)
            aside[r.code] = aside.get(r.code, 0) + (
                folded.count("(", lo, m.start()) > folded.count(")", lo, m.start()) or i in ranged
            )
    # a name named only in asides ranks after one named in the text itself; a name with its title counts twice
    # ("TP Hà Nội" once does not outrank "TP HCM" four times, nor "TP. HCM" once "Bà Rịa - Vũng Tàu" five times)
    return sorted(
        ((code, n) for code, n in plain.items() if asides or aside[code] < n),
        key=lambda kv: (
            aside[kv[0]] == kv[1],
            -(2 * titled[kv[0]] + kv[1]),
            kind is not None and _index()[0][kv[0]].kind != kind,
            first[kv[0]],
        ),
    )


# (and those a province overtook: "vượt qua hai trung tâm thu hút vốn FDI lớn là TP. Hồ Chí Minh và Bắc Ninh")
_NEIGHBOURS = re.compile(
    r"(?<![a-z])(?:(?:lan\s+can|khac|ban)\s+(?:nhu|la)|vuot\s+qua(?:\s+[a-z]+){0,8}?\s+la|vuot\s+qua)\s*:?"
    r"(?:\s*(?:tinh|thanh\s+pho|tp\.?))?\s*$"
)
_LISTED = re.compile(r"\s*(?:,|va)\s*")
_ROAD = re.compile(r"(?<![a-z])(?:cao\s+toc|quoc\s+lo|duong\s+sat|duong\s+ven\s+bien)(?:\s+[a-z]+){0,3}\s+$")
_RANGE_FROM = re.compile(r"(?<![a-z])(?:tinh|thanh\s+pho|thanh|dia\s+phuong)\s+tu\s+$")
_RANGE_TO = re.compile(r"\s*(?:-|den|toi)\s*")


def named_at(sentence: str, on: str | pd.Timestamp | None = None) -> list[tuple[int, int, str]]:
    """Where a sentence (normalised, its spaces single, as :func:`~ktstats.lang.sentences.sentences` gives them)
    names a province or city: ``[(start, end, code), …]``, matched as :func:`named_in` matches (names and
    aliases, on whole words, a name with diacritics only with its own), as the units stood ``on`` that date
    ("Huế" in 2023 is Thừa Thiên Huế), else before the July 2025 merger; a name several units had is left out.

    >>> named_at("các tỉnh xếp hạng lần lượt là: Kon Tum 30/63, Đắk Nông 48/63")
    [(31, 38, 'kon_tum'), (46, 54, 'dak_nong')]
    """
    date = parse_date(on, argument="on") if on is not None else None
    base = _DASHES.sub(" ", sentence.casefold())
    folded = _aligned_ascii(base)
    if len(base) != len(sentence):
        return []  # a letter that does not casefold to one: positions would not be the sentence's
    pattern, by_key = _name_pattern()
    out = []
    for m in pattern.finditer(folded):
        written = base[m.start("name") : m.end("name")]
        if not written.isascii() and written not in _written_forms(m.group("name")):
            continue
        units = by_key[m.group("name")]
        if date is not None and not any(r.valid_on(date) for r in units):
            units = _earlier_unit(units, date)
        units = [r for r in units if (r.valid_on(date) if date is not None else not r.code.endswith("_2025"))]
        if len(units) == 1:
            out.append((m.start("name"), m.end("name"), units[0].code))
    return out


def _earlier_unit(units: list[Region], date: pd.Timestamp) -> list[Region]:
    """The one unit that existed on ``date`` and became one of ``units`` later (a name a unit took when it
    changed: the city of Huế from 1/1/2025 was the province of Thừa Thiên Huế), or none when there is not
    exactly one (a merged unit's name was its old provinces' — each of them is named on its own)."""
    codes = {r.code for r in units}
    earlier = {r.code: r for r in _table() if r.successor in codes and r.valid_on(date)}
    return list(earlier.values()) if len(earlier) == 1 else []


@cache
def _written_forms(key: str) -> frozenset[str]:
    """How the names that fold to ``key`` are written with their diacritics (casefolded)."""
    return frozenset(
        " ".join(_DASHES.sub(" ", normalize_text(name).casefold()).split())
        for r in _name_pattern()[1][key]
        for name in (r.name_vi, *r.aliases)
        if _key(name) == key
    )


#: a dash between the words of a name is a space ("Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "BR-VT")
_DASHES = re.compile(r"[-–—]")


@lru_cache(maxsize=1)
def _name_pattern() -> tuple[re.Pattern[str], dict[str, list[Region]]]:
    """One regular expression for every name (longest first), and the units each name stands for."""
    by_key: dict[str, list[Region]] = {}
    for r in _table():
        # its name and the ones it is known by ("TP.HCM", "Sài Gòn", "BR-VT", "Kontum", "Thừa Thiên Huế")
        for key in dict.fromkeys(k for k in (_key(r.name_vi), *_alias_keys(r)) if k):
            by_key.setdefault(key, []).append(r)
    names = longest_first(by_key)  # (the longest name that matches, as a longest-first alternation finds)
    pattern = re.compile(rf"(?<![a-z0-9])(?P<title>(?:tinh|thanh pho|tp\.?) )?(?P<name>{names})(?![a-z0-9])")
    return pattern, by_key


def successor_map() -> dict[str, str]:
    """Old province code → code of the unit it belongs to from 1 July 2025.

    A unit that only changed status before then (Thừa Thiên Huế → the city of Huế, 1 January 2025) maps
    straight to the final unit, and the intermediate one is left out: it is the same territory.
    """
    rows = {r.code: r for r in _table()}
    renamed_into = {r.successor for r in rows.values() if r.successor}
    out = {}
    for r in rows.values():
        if not r.successor or r.code in renamed_into:
            continue
        target = rows[r.successor]
        while target.successor and target.successor in rows:
            target = rows[target.successor]
        out[r.code] = target.code
    return out


def aggregate_to(
    values: np.ndarray, columns: list[str], mapping: dict[str, str]
) -> tuple[np.ndarray, list[str]]:
    """Sum the columns of ``values`` (periods × columns) into the units ``mapping`` sends them to."""
    targets = list(dict.fromkeys(mapping[c] for c in columns))
    index = {t: i for i, t in enumerate(targets)}
    out = np.zeros((values.shape[0], len(targets)))
    for j, c in enumerate(columns):
        out[:, index[mapping[c]]] += values[:, j]
    return out, targets
