"""The quantity scanner: where in a phrase the quantity is, and what it says.

Shared by :func:`ktstats.analysis.targets.parse_target` (one target phrase) and
:func:`ktstats.data.extract.extract` (every figure in a report). Only a bounded
window of words around each number is tried, so scanning is linear in the text.

A word with digits is one of three things (:func:`number_word`):

- a Vietnamese number, alone or in a range or fraction ("1.326,4", "7-8%", "699/756"): the
  quantity phrase around it is read (:func:`quantity_at`);
- a number that cannot be read — foreign style ("1,326.4"), broken groups ("1.32.6"), digits
  other than 0–9 (full-width "１２３", Arabic-Indic "١٢٣"), more than 64 characters — or one
  whose digits are grouped by spaces ("1 326", also written with a no-break or thin space):
  it is *refused* with the reason, never read in part;
- anything else (a code such as "COVID-19", a time, a date): not a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal

from ktstats.errors import KtstatsError, ParseError, shown
from ktstats.lang.numbers import (
    NUMBER_RE,
    PREFIXES,
    SUFFIXES,
    MalformedQuantityError,
    Reading,
    parse_number,
    parse_quantity_text,
    to_float,
)
from ktstats.lang.text import letters_lost
from ktstats.lang.units import SCALE_WORDS, UNIT_PHRASES

__all__ = ["Unread", "find_quantity", "fold_case", "number_word", "numbers_in", "quantity_at"]

_STRIP = " .,;:)(\"'“”…*"  # ("7,5%*": a footnote mark)
_GLUED_PERCENT = re.compile(
    r"%(?=[^\W\d_]|\()"
)  # "tăng 32,8%so với", "4,66%(tăng": what is glued to a percent is not it
_GLUED_UNIT = re.compile(r"(?<=[0-9])(?:ha|km²|km2|km|tỷ|tỉ|triệu)$")
_WORD_RE = re.compile(r"\S+?%(?=[^\W\d_]|\()|\S+")
_QUALIFIER_WORDS: Final = frozenset(
    {w for phrase in PREFIXES for w in phrase.split()} - {"đạt", "là"} | {"từ"}
)
_QUALIFYING_PHRASES: Final = frozenset(PREFIXES) - {"đạt", "là"} | {"từ"}
# every word that can stand before a number in a quantity phrase ("ước khoảng", "từ", "đạt")
_PREFIX_WORDS: Final = frozenset({w for phrase in PREFIXES for w in phrase.split()} | {"từ"})
_NUMBER_PARTS = re.compile(r"[/\-–—%]")
_NUMBERISH = re.compile(r"[+\-−]?[0-9][0-9.,]*")  # digits, '.' and ',' only: meant as one number
_RANGE_WORDS: Final = frozenset({"-", "–", "—", "/", "đến", "tới"})
_JOINERS: Final = "-–—/"
_CLAUSE_MARKS: Final = ",;:"
# "tăng từ A (năm 2019) lên B": A is where a level started, not "from A" of a range; its "từ" is no qualifier
_FROM_UP_TO = re.compile(
    r"(?<![^\W\d_])từ(?=\s+[0-9][^;]{0,60}?\s(?:lên|xuống)\s+(?:mức\s+|còn\s+|khoảng\s+|trên\s+|gần\s+)?[0-9])",
    re.IGNORECASE,
)
_PER_YEAR = re.compile(r"(?<=[0-9])%/năm(?![^\W\d_])", re.IGNORECASE)
_SLASH_AFTER_PERCENT = re.compile(r"(?<=[0-9]%)/(?=[^\W\d_])")
_GLUED_COLON = re.compile(r"(?<=[^\W\d_]):(?=[0-9])")
_GROUP_HEAD = re.compile(r"[+\-−]?[0-9]{1,3}")  # "1" of "1 326": a word that may start a space-grouped number
_GROUP_TAIL = re.compile(r"[0-9]{3}(?![0-9])")  # "326", "326,4", "326%": a group of three after a space
_MAX_NUMBER_CHARS = 64  # "1.000.000.000.000.000" or "0,30000000000000004" are far shorter
_MAX_PHRASE_CHARS = 200
_MAX_WORDS_BEFORE = 3  # qualifier words before a number: "ước khoảng", "khoảng trên", "từ"
_MAX_WORDS_AFTER = 8  # scale, unit words (at most six) and "trở lên"

# Numbers that are not figures: dates, document numbers, years and periods, ordinals, codes.
_NOT_FIGURES = re.compile(  # every alternative starts a word: (?<!\w) and its first letters skip the others fast
    r"(?=[0-9nhsqtlgckđ(\[])(?<!\w)(?:(?:ngày|hôm)\s+[0-9]{1,2}[/-][0-9]{1,2}(?:[/-][0-9]{2,4})?"
    r"|ngày\s+[0-9]{1,2}\s+tháng\s+[0-9]{1,2}(?:\s+năm\s+[0-9]{4})?"
    # "so với cùng kỳ 2024": the year compared with
    r"|(?<=cùng )kỳ\s+(?:19|20)[0-9]{2}(?![0-9]|[.,][0-9])"
    # "Ngày 26.11, …", "Sáng nay 9.12, …": a date written with dots
    r"|(?:ngày|hôm|sáng|chiều|tối|trưa)(?:\s+nay)?\s+[0-9]{1,2}\.[0-9]{1,2}(?:\.(?:19|20)[0-9]{2})?"
    r"(?![0-9]|,[0-9]|\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn)(?![^\W\d_]))"
    r"|(?<![0-9])[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?![0-9])"
    r"|(?<![0-9])[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?![0-9])"
    # ("con số 2.730", "tổng số 236 doanh nghiệp", "Trong số 1.158 triệu USD": figures)
    r"|(?<!con )(?<!Con )(?<!tổng )(?<!Tổng )(?:số|Số)\s+[0-9][0-9./]*(?:-[A-ZĐ]+(?:/[A-ZĐ-]+)*)?(?![0-9./])"
    r"(?!\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|USD|đồng|lượt|người|doanh\s+nghiệp|dự\s+án|tấn))"
    r"|[0-9]+(?:/[0-9]+)?-?(?:NQ|KL|QĐ|CT|HD|TB|UBND|HĐND|TU|TW|QH|CP|TTg)[A-ZĐ/-]*"
    r"|(?:Nghị quyết|Kết luận|Quy định|Chỉ thị|Hướng dẫn|Thông báo|Quyết định|Đoàn kiểm tra|Đoàn công tác)"
    r"(?:\s+số)?\s+[0-9]+"
    # ("và thứ 18/63 tỉnh": a rank out of the provinces, not an ordinal)
    r"|(?:lần thứ|(?<!đứng )(?<!xếp )(?<!vị )(?<!trí )(?<!cao )thứ)\s+(?:[0-9]+|[IVXLC]+)(?![0-9%/]|[.,][0-9])"
    r"(?!\s+(?:của\s+|so\s+với\s+|trên\s+|trong\s+)?(?:cả\s+nước|toàn\s+quốc))"  # "và thứ 47 của cả nước": a rank
    r"|(?:khóa|khoá)\s+[IVXLC]+"
    r"|[0-9]+G\b"
    r"|(?:quý|tháng)\s+[0-9IVX]+\s*/\s*[0-9]{4,}"
    r"|(?:năm|giai đoạn|nhiệm kỳ|thời kỳ|niên độ)\s+[0-9]{4,}(?:\s*[-–]\s*[0-9]{4,})?"
    r"|giá\s+(?:so\s+sánh|cố\s+định)(?:\s+năm)?\s+[0-9]{4}(?![0-9])"
    r"|(?<![0-9])[0-9]{4}\s*[-–]\s*[0-9]{4}(?![0-9])"
    r"|(?<![0-9.,])[0-9]{1,2}\s+tháng(?:\s+(?:đầu|cuối|của))?(?:\s+năm)?(?:\s+[0-9]{4,})?"
    r"|tháng\s+[0-9]{1,2}(?![0-9])"
    r"|quý\s+[0-9]+(?![0-9])"
    r"|(?<![0-9.,])[0-9]+\s+năm(?!\s+[0-9])"
    r"|(?<![0-9/.,])[0-9]+\s+(?:địa phương|tại chỗ|tiêu chí so với|tốt)"
    r"|\(\s*[0-9]{4}\s*-\s*[0-9]{4}\s*\)"
    r"|[0-9]+\s*\[[0-9]+\]"
    r"|(?<=[0-9%])\(?\[[0-9]{1,2}\]\)?)",
    re.IGNORECASE,
)
_HIDE_DIGITS = str.maketrans("0123456789", "##########")
_DIGIT = re.compile(r"\d")  # any decimal digit: full-width and Arabic-Indic ones are numbers too
_TIME = re.compile(r"[0-9]{1,2}(?::[0-9]{2}|h(?:[0-9]{2})?)")
_NAME_START = re.compile(r"[\"'“(]*[^\W\d_]")  # "COVID-19", "H5N1": a word that starts with a letter
_WINDOW: Final = 400  # characters around a number that can belong to its phrase (keeps time linear)

WordKind = Literal["number", "refused", "other"]


@dataclass(frozen=True, slots=True)
class Unread:
    """A number that was not read as a quantity: where it is in the text and why.

    ``refused`` is true for a number that cannot be read (foreign style, digits other
    than 0–9, grouped by spaces, too long, a qualifier that cannot apply): it is never
    read in part nor passed over for a later number. Otherwise the number was
    read but no quantity phrase around it makes sense (a date such as "1/2/3").
    """

    start: int
    end: int
    reason: str
    refused: bool


@lru_cache(maxsize=8192)
def number_word(word: str) -> tuple[WordKind, str]:
    """What a word with digits is: ``("number", "")``, ``("refused", reason)`` or ``("other", reason)``.

    >>> number_word("1.326,4%"), number_word("7-8%")
    (('number', ''), ('number', ''))
    >>> number_word("１２３")
    ('refused', "'１２３' is written with digits other than 0–9 (as '123'); it is not read")
    >>> number_word("COVID-19")
    ('other', "'COVID-19' is not a Vietnamese number")
    """
    core = word.strip(_STRIP)
    # ("331.000ha", "25tỷ USD": a unit or a scale word glued to its number)
    body = _GLUED_UNIT.sub("", core).rstrip("%")
    opened = word.lstrip(" (\"'“”")
    if opened[:1] in (".", ",") and opened[1:2].isdigit():
        # "1 .234" (OCR noise, a group cut off): never read as 234
        return (
            "refused",
            f"{shown(word.strip())} starts with a separator: part of the number is missing; it is not read",
        )
    if any(c.isdecimal() and not "0" <= c <= "9" for c in body):
        ascii_digits = "".join(str(int(c)) if c.isdecimal() else c for c in core)
        return (
            "refused",
            f"{shown(core)} is written with digits other than 0–9 (as {ascii_digits!r}); it is not read",
        )
    numberish = _NUMBERISH.fullmatch(body) is not None
    parts = [p for p in _NUMBER_PARTS.split(body) if p] if not numberish else [body]
    composite = bool(parts) and all(NUMBER_RE.fullmatch(p) for p in parts)
    if (numberish or composite) and len(body) > _MAX_NUMBER_CHARS:
        return (
            "refused",
            f"{shown(core)} has {len(body)} characters: no figure is written so long; it is not read",
        )
    if composite:
        return "number", ""
    if numberish:
        try:
            parse_number(body)
        except KtstatsError as exc:
            return "refused", str(exc)
        return "number", ""  # pragma: no cover - NUMBER_RE and parse_number agree
    return "other", f"{shown(core)} is not a Vietnamese number"


def find_quantity(text: str) -> tuple[Reading, int, int]:
    """The longest quantity phrase around the first number that reads as one.

    A number that cannot be read (see :func:`number_word`) raises :class:`ParseError`
    naming it: the phrase is never read in part, nor from a later number. Only a bounded
    window of words around each number is tried, so the time is linear in the length of
    the text.
    """
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    why = ""
    for d, (a, b) in enumerate(words):
        if not any(c.isdecimal() for c in text[a:b]):
            continue
        found = _read_at(text, words, d)
        if isinstance(found, Unread):
            if found.refused:
                raise ParseError(found.reason, text=text, position=found.start)
            why = why or found.reason
            continue  # not a quantity (a date, a code): no phrase can start here
        return found
    raise ParseError(f"no target value found in {shown(text)}" + (f" ({why})" if why else ""), text=text)


def quantity_at(text: str, start: int) -> tuple[Reading, int, int] | Unread:
    """The quantity phrase whose number is the word of ``text`` starting at ``start``.

    Returns the reading with the phrase's start and end in ``text``, or :class:`Unread` with
    the reason. Qualifier words may stand before the number ("ước khoảng 830 tỷ đồng"); the
    phrase is the longest that reads.
    """
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    for d, (a, b) in enumerate(words):
        if a <= start < b:
            return _read_at(text, words, d)
    raise ParseError(f"no word starts at {start} in {shown(text)}", text=text, position=start)


def _core(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip(_STRIP)


def _grouped(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """Whether word ``k`` continues a number grouped by spaces: "326" after "1" ("1 326")."""
    if k == 0 or k >= len(words):
        return False
    head = text[words[k - 1][0] : words[k - 1][1]].lstrip("(\"'“")
    return _GROUP_HEAD.fullmatch(head) is not None and _GROUP_TAIL.match(text, words[k][0]) is not None


def _group_refused(text: str, words: list[tuple[int, int]], k: int, begin: int | None) -> Unread:
    """The number grouped by spaces whose second group is word ``k``, refused whole (from
    ``begin`` when the phrase starts earlier)."""
    first = k - 1
    while _grouped(text, words, k + 1) and text[words[k][0] : words[k][1]].isdigit():
        k += 1
    whole = text[words[first][0] : words[k][1]]
    at = words[first][0] + len(whole) - len(whole.lstrip(_STRIP))
    end = words[first][0] + len(whole.rstrip(_STRIP))
    number = text[at:end]
    return Unread(
        at if begin is None else begin,
        end,
        f"{shown(number)} groups its digits with spaces; Vietnamese writes "
        f"{number.replace(' ', '.')!r} (or the words may be two numbers): it is not read",
        True,
    )


def _read_at(text: str, words: list[tuple[int, int]], d: int) -> tuple[Reading, int, int] | Unread:
    a, b = words[d]
    raw = text[a:b]
    core = raw.strip(_STRIP)
    lead = a + len(raw) - len(raw.lstrip(_STRIP))
    tail = lead + len(core)
    kind, reason = number_word(core)
    if kind != "number":
        return Unread(lead, tail, reason, kind == "refused")
    if _grouped(text, words, d) or _grouped(text, words, d + 1):
        # "1 326 tỷ đồng" (a space, no-break space or thin space between groups): never "1" or "326"
        return _group_refused(text, words, d if _grouped(text, words, d) else d + 1, None)
    single = core.rstrip("%")
    if NUMBER_RE.fullmatch(single):
        try:
            to_float(single)  # the one reader of number tokens: refuses what no number is ("0.500")
        except KtstatsError as exc:
            return Unread(lead, tail, str(exc), True)
    # the phrase cannot reach past the next number that is not joined to this one by a range
    # word or a slash ("7 - 8%", "từ 7% đến 7,5%", "699 / 756"), nor end just before a group
    limit = min(len(words) - 1, d + _MAX_WORDS_AFTER)
    for k in range(d + 1, limit + 1):
        word = text[words[k][0] : words[k][1]]
        if not (word[0].isdecimal() or word[0] in "+-−–—(") or _DIGIT.search(word) is None:
            continue
        previous = text[words[k - 1][0] : words[k - 1][1]]
        grouped = _grouped(text, words, k)
        joined = word[0] in _JOINERS or previous[-1] in _JOINERS or previous.strip(_STRIP) in _RANGE_WORDS
        # "59 nghìn 642 tỷ đồng": three digits after a scale word are its lower thousands
        joined = joined or (previous in SCALE_WORDS and len(word) == 3 and word.isdigit())
        if joined and not grouped:
            continue
        if grouped:  # "từ 1 đến 1 326": the range ends in a number grouped by spaces
            return _group_refused(text, words, k, lead)
        limit = k - 1
        break
    if d + 2 < len(words) and [text[a:b].casefold() for a, b in words[d + 1 : d + 3]] == ["đồng", "bằng"]:
        limit = d  # "đứng thứ 2 đồng bằng sông Cửu Long": a delta, no đồng
    for k in range(d, limit if "%" not in core else d):
        # "830 tỷ đồng, đạt …": no unit runs past a comma, semicolon or colon (a share may:
        # "75% xã, phường, thị trấn trở lên" is at least 75%)
        if text[words[k][1] - 1] in _CLAUSE_MARKS:
            limit = k
            break
    error = reason
    first = d  # only qualifier words can stand before the number ("ước khoảng 830 tỷ đồng")
    while first > max(0, d - _MAX_WORDS_BEFORE) and _core(text, words[first - 1]) in _PREFIX_WORDS:
        first -= 1
    for i in range(first, d + 1):
        start = words[i][0]
        for j in range(limit, d - 1, -1):
            if words[j][1] - start > _MAX_PHRASE_CHARS:
                continue  # no quantity phrase is this long
            raw = text[start : words[j][1]]
            lead_i = len(raw) - len(raw.lstrip(_STRIP))
            chunk = raw.strip(_STRIP).rstrip("-–")  # "14.861 tỷ- tăng 11,06%": a dash glued to the unit
            candidates = [chunk]
            percent = chunk.rfind("%")
            if percent != -1 and percent + 1 < len(chunk) and not chunk[percent + 1].isalnum():
                # "75% xã, phường, thị trấn trở lên", "19% kế hoạch": the words after '%' name
                # what the share is of, not a unit
                cut = chunk[: percent + 1]
                # ("8,0% trở lên, thì …": right after the share, or at the end of what it is of)
                at_least = chunk.endswith("trở lên") or chunk[percent + 1 :].lstrip().startswith("trở lên")
                candidates.append(cut + " trở lên" if at_least else cut)
            for candidate in candidates:
                if j > d and candidate is chunk and not _may_end(chunk[chunk.rfind(" ") + 1 :]):
                    continue  # "830 tỷ đồng đạt": no quantity ends in "đạt" (a shorter window is tried next)
                # the phrase ends where the candidate's number ends
                stop = start + lead_i + (len(chunk) if candidate == chunk else percent + 1)
                try:
                    reading = parse_quantity_text(candidate, candidate)
                except MalformedQuantityError as exc:
                    if _DOUBLED_SCALE.search(candidate):
                        # "830 tỷ tỷ đồng": a shorter window ("830 tỷ") would be a wrong number, not a reading
                        return Unread(start + lead_i, stop, str(exc), True)
                    error = str(exc)  # "đồng đồng thời": the second word may start the next phrase
                    continue
                except KtstatsError as exc:
                    error = str(exc)
                    continue
                before = text[words[i - 1][0] : words[i - 1][1]] if i > 0 else ""
                if before in _QUALIFIER_WORDS and _qualifier_ends_at(text, words, i):
                    # "trên 7-8%": the qualifier cannot apply, and dropping it would change the meaning
                    return Unread(
                        words[i - 1][0],
                        stop,
                        f"{shown(text[words[i - 1][0] : stop])}: {before!r} cannot qualify {chunk!r}",
                        True,
                    )
                return reading, start + lead_i, stop
    return Unread(lead, tail, error or f"{shown(core)} does not read as a quantity", False)


def _qualifier_ends_at(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Whether the words right before word ``i`` end a qualifier ("trên", "xấp xỉ", "từ"), not only a word of one
    ("dự tính đạt 41,68 triệu USD": "tính" of "ước tính" qualifies nothing here)."""
    for n in range(1, min(i, _MAX_WORDS_BEFORE) + 1):
        phrase = " ".join(text[a:b] for a, b in words[i - n : i]).casefold()
        if phrase in _QUALIFYING_PHRASES:
            return True
    return False


#: two scale words in a row that are not the chains Vietnamese uses ("nghìn tỷ", "ngàn tỷ", "triệu tỷ")
_DOUBLED_SCALE = re.compile(
    r"(?<![^\W\d_])(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)(?![^\W\d_])"
    r"(?<!nghìn tỷ)(?<!ngàn tỷ)(?<!nghìn tỉ)(?<!ngàn tỉ)(?<!triệu tỷ)(?<!triệu tỉ)"
)


#: the last words a quantity phrase can end with: of a unit phrase, a scale word or a qualifier after the number
_ENDINGS: Final = frozenset(
    phrase.rsplit(" ", 1)[-1] for phrase in (*UNIT_PHRASES, *SCALE_WORDS, *SUFFIXES) if phrase
)


@lru_cache(maxsize=4096)
def _may_end(word: str) -> bool:
    """Whether a quantity phrase can end with ``word`` (casefolded): a number, '%', the last word of a
    unit, scale or qualifier phrase, or a word a unit expression may use (ASCII, symbols: "kg", "m²")."""
    return (
        word in _ENDINGS
        or word.isascii()
        or word.endswith("%")
        or any(c.isdecimal() for c in word)
        or not word.isalpha()
    )


def fold_case(text: str) -> str:
    """``text`` casefolded, every character keeping its position (a letter that casefolds to
    several, such as "ß", is kept as it is), so that positions found in one are good in the other."""
    low = text.casefold()
    if len(low) == len(text):
        return low
    return "".join(c.casefold() if len(c.casefold()) == 1 else c for c in text)


# a country-wide rank written in words: "đứng thứ hai cả nước", "xếp thứ ba toàn quốc" (regional ranks are kept apart
# as ranks with digits are)
_ORDINALS: Final = dict(
    zip(
        ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"),
        map(str, range(1, 11)),
        strict=True,
    )
)
_RANK_IN_WORDS = re.compile(
    r"((?<![^\W\d_])(?:đứng|xếp|cao|vị)\s+thứ\s+)(" + "|".join(_ORDINALS) + r")(?=\s+(?:trong\s+|trên\s+)?"
    r"(?:cả\s+nước|toàn\s+quốc)(?![^\W\d_]))",
    re.IGNORECASE,
)


def numbers_in(sentence: str, damaged: bool = False) -> list[tuple[Reading | str | None, int, int]]:
    """Every number of a sentence, left to right, with what it is and where it stands.

    Each digit of ``sentence`` (any decimal digit, "１" and "١" too) lies in one entry
    ``(what, start, end)``:

    - a :class:`Reading`: the quantity phrase read around the number ("khoảng 830 tỷ đồng");
    - a reason (text): a number that is not read — foreign style, grouped by spaces, other
      digits, too long, no phrase reads ("1,326.4", "1 326", "１２３", "10kV");
    - ``None``: not a figure, by design — a date, a year or period ("năm 2024", "quý I/2024"), a
      document number ("số 12/NQ-TU"), an ordinal ("lần thứ 17"), a code or name ("COVID-19"), a
      time ("18:21"), an address.

    Readings and reasons do not overlap. :func:`~ktstats.data.extract.extract` files every
    reading as a figure or an unattached number and keeps every reason as an unattached number.
    A sentence that lost its accented vowels is not read (two lost syllables; one in a ``damaged`` text).

    >>> [(w if isinstance(w, (str, type(None))) else w.value, a, b) for w, a, b in numbers_in("năm 2024 đạt 1,5%")]
    [(None, 0, 8), (1.5, 9, 17)]
    """
    found: list[tuple[Reading | str | None, int, int]] = []

    def hide(m: re.Match[str]) -> str:
        found.append((None, m.start(), m.end()))
        if (
            m.group(0)[0] in "[("
        ):  # a footnote mark glued to a figure ("7,60%[1]"): blank, so the figure reads
            return " " * len(m.group(0))
        return m.group(0).translate(_HIDE_DIGITS)

    masked = _NOT_FIGURES.sub(hide, sentence) if _DIGIT.search(sentence) else sentence
    if "từ" in masked:
        masked = _FROM_UP_TO.sub("  ", masked)
    if "%/" in masked:  # "10,5%/năm": an average yearly rate is a percent (positions kept)
        masked = _PER_YEAR.sub(lambda m: "%" + " " * (len(m.group(0)) - 1), masked)
        masked = _SLASH_AFTER_PERCENT.sub(" ", masked)  # "đạt 45,27%/tổng kế hoạch": of the plan
    if ":" in masked:  # "Tổng kim ngạch xuất khẩu:165 triệu USD": a colon that lost its space
        masked = _GLUED_COLON.sub(" ", masked)
    if "thứ" in masked:  # "đứng thứ hai cả nước": a rank in words, read as its digit (positions kept)
        masked = _RANK_IN_WORDS.sub(
            lambda m: m.group(1) + _ORDINALS[m.group(2).casefold()].ljust(len(m.group(2))), masked
        )
    low = fold_case(masked)
    pos = 0
    n = len(masked)
    while True:
        m = _DIGIT.search(masked, pos)
        if m is None:
            break
        d = m.start()
        ws = max(pos, masked.rfind(" ", 0, d) + 1)  # the sentence's words are split by one space
        we = masked.find(" ", d)
        we = n if we == -1 else we
        if "%" in masked[d:we] and (glued := _GLUED_PERCENT.search(masked, d, we)) is not None:
            we = glued.end()
        word = masked[ws:we]
        kind, reason = number_word(word)
        if kind == "refused" and word.lstrip(" (\"'“”")[:1] in (".", ","):
            found.append((reason, ws, we))  # "1 .234": the cut-off group is not read, nor what precedes it
            if found[-2:-1] and isinstance(found[-2][0], Reading) and found[-2][2] >= ws - 1:
                found[-2] = (
                    f"{shown(masked[found[-2][1] : we])}: a number split by OCR noise; it is not read",
                    found[-2][1],
                    found[-2][2],
                )
            pos = we
            continue
        if kind == "other":
            core = word.strip(_STRIP)
            at = ws + word.index(core[0]) if core else ws
            found.append((None if _skipped(word) else reason, at, at + len(core)))
            pos = we
            continue
        # the window of words around the number, cut at the previous phrase
        start = max(pos, _word_start_before(masked, ws, _MAX_WORDS_BEFORE))
        end = _word_end_after(masked, d, _MAX_WORDS_AFTER + 1)
        got = quantity_at(low[start:end], ws - start)
        if isinstance(got, Unread):
            found.append((got.reason, start + got.start, start + got.end))
            pos = max(we, start + got.end)
            continue
        reading, s, e = got
        if _fractional_count(reading):
            # "ước đạt 316,423 lượt": no count has a fraction; thousands written with a comma, or a slip
            found.append(
                (f"{shown(reading.text)}: a count with a fraction; it is not read", start + s, start + e)
            )
        else:
            found.append((reading, start + s, start + e))
        pos = start + e
    found.sort(key=lambda item: item[1])
    if any(isinstance(f[0], Reading) for f in found) and (
        lost := letters_lost(sentence, 1 if damaged else 2)
    ):
        # a damaged text: no word around a number can be trusted ("78.233 t đồng", "gim 2,77%")
        why = f"the sentence has lost letters ({', '.join(lost[:4])}: a damaged encoding); it is not read"
        found = [(why, a, b) if isinstance(w, Reading) else (w, a, b) for w, a, b in found]
    return found


#: dimensions that are no count of things (money, area, mass, points)
_NOT_COUNTS: Final = frozenset(
    {"[currency_vnd]", "[currency_usd]", "[length]", "[mass]", "[percentage_point]"}
)


def _fractional_count(reading: Reading) -> bool:
    """Whether ``reading`` counts things (visits, persons, enterprises …) in a number with a fraction: "316,423
    lượt", not "1,32 triệu lượt" (1.320.000) nor "2,5 triệu đồng"."""
    if float(reading.value).is_integer() or (factor := _count_factor(reading.unit)) is None:
        return False  # (most numbers: an integer, or no count)
    whole = reading.value * factor
    return abs(whole - round(whole)) > 1e-6


@lru_cache(maxsize=256)
def _count_factor(unit: Any) -> float | None:
    """How many things one ``unit`` counts (1 for "lượt", 1e6 for "triệu lượt"); ``None`` for no count."""
    dims = dict(unit.dimensionality)
    if len(dims) != 1 or next(iter(dims.values())) != 1 or next(iter(dims)) in _NOT_COUNTS:
        return None
    return float((1 * unit).to_root_units().magnitude)


def _skipped(word: str) -> bool:
    """Whether a word with digits that is no number is passed over by design: part of a date,
    year or document number (masked as ``#``), a name or code ("COVID-19"), a time, an address."""
    return (
        "#" in word
        or _NAME_START.match(word) is not None
        or _TIME.fullmatch(word.strip(".,;:)(")) is not None
        or "://" in word
        or "@" in word
        or "www." in word
    )


def _word_start_before(text: str, pos: int, words: int) -> int:
    """Where the ``words``-th word before ``pos`` starts (words are split by one space)."""
    lo = max(0, pos - _WINDOW)
    at = pos
    for _ in range(words):
        space = text.rfind(" ", lo, at - 1) if at - 1 > lo else -1
        if space == -1:
            return lo
        at = space + 1
    return at


_WORDS_AFTER: dict[int, re.Pattern[str]] = {}


def _word_end_after(text: str, pos: int, words: int) -> int:
    """Where the ``words``-th word from ``pos`` ends, or the clause (";", " (") if sooner."""
    hi = min(len(text), pos + _WINDOW)
    # (the words one after another, as _WORD_RE finds them: one match instead of one per word)
    last = _WORDS_AFTER.get(words) or _WORDS_AFTER.setdefault(
        words, re.compile(rf"(?:\s*(?:{_WORD_RE.pattern})){{1,{words}}}")
    )
    run = last.match(text, pos, hi)
    if run is None:
        return hi
    ends = [run.end()]
    clause_end = min((i for i in (text.find(";", pos, hi), text.find(" (", pos, hi)) if i != -1), default=hi)
    return min(ends[-1], clause_end)
