"""Vietnamese numbers and quantities.

Vietnamese style writes ``.`` between groups of thousands and ``,`` before
decimals: "1.326,4" is 1326.4, "2.100.000" is 2100000. A number may carry a
scale word ("2,1 triệu" is 2.1 million), a unit ("tỷ đồng", "ha",
"lượt khách"), a qualifier ("khoảng", "gần", "trên", "từ … trở lên"), a range
("từ 7% đến 7,5%", "8–8,5%") or a denominator ("699/756").

Nothing is guessed: a number in foreign style ("1,326.4"), with broken groups
("1.32.6"), a group of thousands after a leading zero ("0.500", "012.500": no
Vietnamese number is written so; "0,500" is the decimal), a number too large
or too small for a float ("9" * 400, "0,000…0001" with 400 zeros), a scale
word said twice ("830 tỷ tỷ đồng"; "nghìn tỷ", 10^12, and "triệu tỷ", 10^15, are
the chains of scale words) or garbage raises :class:`~ktstats.errors.ParseError` naming the text
and position; an unknown unit raises :class:`~ktstats.errors.UnitError`.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

from ktstats.errors import KtstatsError, ParseError, UnitError, shown
from ktstats.lang.text import normalize_text
from ktstats.lang.units import (
    SCALE_WORDS,
    RepeatedUnitWordsError,
    base_factor,
    lexicon_key,
    parse_unit,
    read_lexicon,
    scale_of,
    ureg,
)

if TYPE_CHECKING:
    import pint

__all__ = [
    "QUALIFIERS",
    "MalformedQuantityError",
    "Qualifier",
    "Reading",
    "format_number",
    "format_quantity",
    "parse_number",
    "parse_quantity",
]

Qualifier = Literal["exact", "approx", "nearly", "over", "at_least", "under", "at_most", "range"]
QUALIFIERS: Final[tuple[str, ...]] = (
    "exact",
    "approx",
    "nearly",
    "over",
    "at_least",
    "under",
    "at_most",
    "range",
)

# A Vietnamese number: optional sign, digits with '.' between groups of three
# (or plain digits), optional ',' and decimals. Possessive-free and linear.
# The pattern also matches a first group that starts with 0 ("0.500",
# "012.500") so that such a token is read whole and refused by :func:`to_float`,
# the one reader every parser shares, rather than split into "0" and ".500".
_NUM = r"[+\-−]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
NUMBER_RE = re.compile(_NUM)
_FULL_NUMBER_RE = re.compile(rf"(?P<n>{_NUM})\s*(?P<pct>%)?")
_ENGLISH_RE = re.compile(r"[+\-−]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[+\-−]?[0-9]+\.[0-9]{1,2}(?![0-9])")

PREFIXES: dict[str, str] = {}
SUFFIXES: dict[str, str] = {}  # qualifier phrases written after the number ("trở lên")
for _row in read_lexicon("qualifiers.csv"):
    (PREFIXES if _row["position"] == "prefix" else SUFFIXES)[lexicon_key(_row["phrase"])] = _row["qualifier"]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PREFIX_RE = re.compile(rf"(?:{_alternation(list(PREFIXES))})(?=\s|[0-9]|[+\-−])\s*")
_FROM_RE = re.compile(r"từ\s+")
_THOUSANDS_AFTER = re.compile(r"\s+([0-9]{3})(?![0-9.,%/])")
_SCALE_RE = re.compile(rf"\s*(?P<scale>{_alternation(list(SCALE_WORDS))})(?![^\W\d_])")
_RANGE_SEP_RE = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:đến|tới)\s+")
_SLASH_RE = re.compile(r"\s*/\s*")
_SUFFIX_RE = re.compile(rf"\s*(?:{_alternation(list(SUFFIXES))})\s*$")
_SUFFIX_ENDS: Final = tuple(SUFFIXES)


class MalformedQuantityError(ParseError):
    """A number or quantity that is wrong as written, in a way no shorter reading of the same words
    repairs: a group of thousands after a leading zero ("0.500"), a number too large or too small for
    a float, a scale or unit word said twice ("830 tỷ tỷ đồng", "5 ha ha"). A scanner that tries
    shorter windows of a phrase ("830 tỷ" of "830 tỷ tỷ đồng") should stop here rather than accept one."""


# How strongly a qualifier bounds the value: a bound beats an approximation
# ("khoảng trên 10%" is over 10%), which beats a neutral word.
_STRENGTH = {"exact": 0, "approx": 1, "nearly": 2, "over": 2, "at_least": 2, "under": 2, "at_most": 2}


def to_float(token: str, *, text: str | None = None, position: int = 0, source: str | None = None) -> float:
    """The value of one Vietnamese number token (a match of :data:`NUMBER_RE`).

    The one reader behind :func:`parse_number`, :func:`parse_quantity`, the
    quantity scanner and :func:`~ktstats.analysis.targets.parse_target`. It
    refuses, with :class:`~ktstats.errors.ParseError` naming ``text`` (the whole
    text being parsed, default the token) and ``position``:

    * a group of thousands after a leading zero ("0.500", "00.500",
      "012.500"): Vietnamese never writes a number so; "0,500" is the decimal;
    * a number too large for a float ("9" * 400 would be ``inf``);
    * a number too small for a float ("0,000…0001" with 400 zeros would be 0;
      the smallest float, 5e-324, reads back exactly).

    >>> to_float("1.326,4"), to_float("-0,5"), to_float("05")
    (1326.4, -0.5, 5.0)
    >>> to_float("0.500")
    Traceback (most recent call last):
    ...
    ktstats.lang.numbers.MalformedQuantityError: '0.500' starts a group of thousands with 0, which no Vietnamese number does (Vietnamese style uses ',' before decimals; did you mean '0,500'?)
    """
    digits = token.lstrip("+-−")
    if digits[0] == "0" and "." in digits:
        raise _leading_zero_error(token, text, position, source)
    value = float(digits.replace(".", "").replace(",", "."))
    if value == math.inf or (value == 0.0 and digits.strip("0.,")):
        raise _range_error(token, value, text, position, source)
    return -value if token[0] in "-−" else value


def _leading_zero_error(token: str, text: str | None, position: int, source: str | None) -> ParseError:
    digits = token.lstrip("+-−")
    where = f"{shown(token)}" if text is None or text == token else f"{shown(token)} in {shown(text)}"
    hint = "Vietnamese style uses ',' before decimals"
    if digits.count(".") == 1 and "," not in digits:
        sign = token[: len(token) - len(digits)]
        whole, part = digits.split(".")
        options = [f"{sign}{whole.lstrip('0') or '0'},{part}"]  # the decimal "0,500"
        if whole.lstrip("0"):
            options.append(f"{sign}{whole.lstrip('0')}.{part}")  # "012.500": 12.500 with a padding zero
        hint += "; did you mean " + " or ".join(repr(o) for o in options) + "?"
    return MalformedQuantityError(
        f"{where} starts a group of thousands with 0, which no Vietnamese number does ({hint})",
        text=text if text is not None else token,
        position=position,
        source=source,
    )


def _range_error(token: str, value: float, text: str | None, position: int, source: str | None) -> ParseError:
    where = f"{shown(token)}" if text is None or text == token else f"{shown(token)} in {shown(text)}"
    what = "too large" if value == math.inf else "too small (too close to zero)"
    return MalformedQuantityError(
        f"{where} is {what} to be represented as a number (a float holds sizes from 5e-324 to about 1.8e308)",
        text=text if text is not None else token,
        position=position,
        source=source,
    )


def _foreign_hint(text: str) -> str:
    m = _ENGLISH_RE.fullmatch(text.strip().rstrip("%").strip())
    if not m:
        return ""
    swapped = text.strip().translate(str.maketrans(",.", ".,"))
    return (
        f" (Vietnamese style uses '.' between thousands and ',' before decimals; did you mean {swapped!r}?)"
    )


def _number_error(text: str, pos: int, source: str | None, what: str = "number") -> ParseError:
    hint = _foreign_hint(text)
    return ParseError(
        f"cannot read {shown(text)} as a Vietnamese {what} at position {pos}{hint}",
        text=text,
        position=pos,
        source=source,
    )


def parse_number(text: str, *, source: str | None = None) -> float:
    """Read one Vietnamese-style number, optionally with ``%`` or a scale word.

    Parameters
    ----------
    text:
        For example "1.326,4", "2.100.000", "05", "6,87%", "2,1 triệu".
    source:
        Where the text came from, for error messages.

    Examples
    --------
    >>> parse_number("1.326,4")
    1326.4
    >>> parse_number("2.100.000")
    2100000.0
    >>> parse_number("05")
    5.0
    >>> parse_number("6,87%")
    6.87
    >>> parse_number("2,1 triệu")
    2100000.0
    >>> parse_number("1,326.4")
    Traceback (most recent call last):
    ...
    ktstats.errors.ParseError: cannot read '1,326.4' as a Vietnamese number at position 5 (Vietnamese style uses '.' between thousands and ',' before decimals; did you mean '1.326,4'?)
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__} {shown(text)}", source=source)
    norm = normalize_text(text).strip()
    m = _FULL_NUMBER_RE.match(norm)
    if m is None:
        raise _number_error(text, 0, source)
    value = to_float(m["n"], text=text, source=source)
    end = m.end()
    if m["pct"] is None:
        low = norm.casefold()
        s = _SCALE_RE.match(low, end)
        if s is not None:
            end = s.end()
            again = _SCALE_RE.match(low, end)
            if again is not None:
                raise _repeated_scale_error(text, s["scale"], again["scale"], again.start("scale"), source)
            value *= _scale_factor(s["scale"])
            if math.isinf(value):
                raise _range_error(norm, value, text, 0, source)
    if end != len(norm):
        raise _number_error(text, end, source)
    return value


def _repeated_scale_error(text: str, first: str, second: str, pos: int, source: str | None) -> ParseError:
    return MalformedQuantityError(
        f"{shown(text)} says the scale word {second!r} after {first!r}: a number takes one scale word "
        "('nghìn tỷ' and 'triệu tỷ' are the chains), and two would multiply",
        text=text,
        position=pos,
        source=source,
    )


@lru_cache(maxsize=64)
def _scale_factor(word: str) -> float:
    return float(ureg.Quantity(1, SCALE_WORDS[word]).to("dimensionless").magnitude)


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from text, with its unit and qualifier.

    ``value`` is in the unit as written (830 for "khoảng 830 tỷ đồng", with
    ``unit`` billion dong); ``quantity`` is the same as a pint Quantity.
    ``low`` and ``high`` equal ``value`` except for ranges, where ``value`` is
    the midpoint. ``denominator`` is set for fractions such as "699/756".
    """

    text: str
    value: float
    unit: pint.Unit
    qualifier: Qualifier = "exact"
    low: float = field(default=math.nan)
    high: float = field(default=math.nan)
    denominator: float | None = None

    def __post_init__(self) -> None:
        for name in ("value", "low", "high", "denominator"):
            raw = getattr(self, name)
            if type(raw) is float or (raw is None and name == "denominator"):
                continue  # the parsers' case: nothing to check here
            if isinstance(raw, bool) or not isinstance(raw, numbers.Real):
                raise ParseError(
                    f"{shown(self.text)}: {name} must be a number, got {type(raw).__name__} {shown(raw)}",
                    text=str(self.text),
                )
            try:
                object.__setattr__(self, name, float(raw))
            except OverflowError:  # an int such as 10**400
                raise ParseError(
                    f"{shown(self.text)}: {name} {shown(raw)} is too large to be represented as a number",
                    text=str(self.text),
                ) from None
        if self.qualifier not in QUALIFIERS:
            raise ParseError(
                f"{shown(self.text)}: unknown qualifier {self.qualifier!r}; expected one of {', '.join(QUALIFIERS)}",
                text=self.text,
            )
        if not math.isfinite(self.value):
            raise ParseError(
                f"{shown(self.text)}: value {self.value!r} is not a finite number", text=self.text
            )
        if math.isnan(self.low):
            object.__setattr__(self, "low", self.value)
        if math.isnan(self.high):
            object.__setattr__(self, "high", self.value)
        if not self.low <= self.value <= self.high:
            raise ParseError(
                f"{shown(self.text)}: range is reversed (low {self.low} > high {self.high})", text=self.text
            )
        if self.qualifier != "range" and self.low != self.high:
            raise ParseError(
                f"{shown(self.text)}: low and high differ but the qualifier is not 'range'", text=self.text
            )
        if self.denominator is not None:
            if self.denominator == 0:
                raise ParseError(f"{shown(self.text)}: denominator is zero", text=self.text)
            if not math.isfinite(self.denominator) or not math.isfinite(
                self.value / self.denominator * 100.0
            ):
                raise ParseError(
                    f"{shown(self.text)}: the share {self.value!r}/{self.denominator!r} is not a finite number",
                    text=self.text,
                )

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The value as a pint Quantity of :data:`ktstats.ureg`."""
        return ureg.Quantity(self.value, self.unit)

    @property
    def share(self) -> float | None:
        """``100 * value / denominator`` for fractions, else ``None``."""
        if self.denominator is None:
            return None
        return 100.0 * self.value / self.denominator


def parse_quantity(text: str, *, source: str | None = None) -> Reading:
    """Read a Vietnamese quantity phrase.

    Grammar: ``[qualifier…] [từ] number [%] [scale] [(-|đến) number [%] [scale]]
    [/ number] [unit] [trở lên|trở xuống]``.

    Examples
    --------
    >>> r = parse_quantity("khoảng 830 tỷ đồng")
    >>> r.value, r.unit, r.qualifier
    (830.0, <Unit('billion * dong')>, 'approx')
    >>> r.quantity.to("dong").magnitude
    830000000000.0
    >>> parse_quantity("từ 8,2% trở lên").qualifier
    'at_least'
    >>> r = parse_quantity("8–8,5%")
    >>> (r.low, r.value, r.high, r.qualifier)
    (8.0, 8.25, 8.5, 'range')
    >>> parse_quantity("699/756").share
    92.46031746031746
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__} {shown(text)}", source=source)
    return parse_quantity_text(text, normalize_text(text).strip().casefold(), source)


def parse_quantity_text(text: str, low: str, source: str | None = None) -> Reading:
    """:func:`parse_quantity` on text already normalised and casefolded (``low``)."""
    pos = 0
    qualifier = "exact"

    while True:
        m = _PREFIX_RE.match(low, pos)
        if m is None:
            break
        q = PREFIXES[" ".join(m.group(0).split())]
        if _STRENGTH[q] >= _STRENGTH[qualifier]:
            qualifier = q
        pos = m.end()
    from_word = False
    m = _FROM_RE.match(low, pos)
    if m is not None:
        from_word, pos = True, m.end()

    n1 = NUMBER_RE.match(low, pos)
    if n1 is None:
        raise _number_error(text, pos, source, "quantity")
    value = to_float(n1.group(0), text=text, position=pos, source=source)
    pos = n1.end()
    pct, pos = _percent(low, pos)
    scale1, pos = _scale(low, pos)
    if scale1 is not None and not pct and (tail := _THOUSANDS_AFTER.match(low, pos)) is not None:
        # "59 nghìn 642 tỷ đồng" (59.642 tỷ), "3 triệu 508 nghìn lượt" (3.508 nghìn), "2 tỷ 500 triệu đồng":
        # a number written part in words, the three digits after a scale word its lower thousands
        scale2, end2 = _scale(low, tail.end())
        lower = _scale_factor(scale2) if scale2 is not None else 1.0
        if scale1 in ("nghìn", "ngàn") or _scale_factor(scale1) == 1000.0 * lower:
            value, scale1, pos = value * 1000.0 + float(tail.group(1)), scale2, end2

    value2: float | None = None
    m = _RANGE_SEP_RE.match(low, pos)
    if m is not None and NUMBER_RE.match(low, m.end()):
        n2 = NUMBER_RE.match(low, m.end())
        assert n2 is not None
        value2 = to_float(n2.group(0), text=text, position=n2.start(), source=source)
        pos = n2.end()
        pct2, pos = _percent(low, pos)
        scale2, pos = _scale(low, pos)
        pct = pct or pct2
        if scale1 and scale2 and scale1 != scale2:
            raise ParseError(
                f"range {shown(text)} mixes scale words {scale1!r} and {scale2!r}",
                text=text,
                position=pos,
                source=source,
            )
        scale1 = scale1 or scale2

    denominator: float | None = None
    m = _SLASH_RE.match(low, pos)
    if m is not None:
        d = NUMBER_RE.match(low, m.end())
        if d is None:
            raise _number_error(text, m.end(), source, "fraction")
        denominator = to_float(d.group(0), text=text, position=d.start(), source=source)
        pos = d.end()
        if _percent(low, pos)[0]:  # "ở mức 6/32%": a mistyped decimal comma, not a share of 32
            raise ParseError(
                f"{shown(text)}: a fraction is no percent", text=text, position=m.start(), source=source
            )

    rest = low[pos:]
    if (pos < len(low) and low[pos] in "0123456789") or rest[:1] in (".", ","):
        raise _number_error(text, pos, source)
    # (a suffix ends the phrase: looked for only when the phrase ends with one, a search from every position else)
    s = _SUFFIX_RE.search(rest) if rest.rstrip().endswith(_SUFFIX_ENDS) else None
    if s is not None:
        suffix_q = SUFFIXES[" ".join(s.group(0).split())]
        rest = rest[: s.start()]
        qualifier = suffix_q
    elif from_word and value2 is None:
        raise ParseError(
            f"{shown(text)}: 'từ' (from) needs 'trở lên' (or more) or 'đến' (to) after the number",
            text=text,
            position=pos,
            source=source,
        )
    unit_text = rest.strip()
    try:
        unit = _resolve_unit(unit_text, pct, scale1)
    except RepeatedUnitWordsError as exc:
        # "830 tỷ tỷ đồng", "5 ha ha": the words would multiply (billion² đồng, hectare²)
        raise MalformedQuantityError(
            f"{shown(text)}: {exc}", text=text, position=pos, source=source
        ) from None
    except UnitError as exc:
        raise UnitError(f"{exc} in {shown(text)}" + (f" (in {source})" if source else "")) from None
    big = max(abs(value), abs(value2) if value2 is not None else 0.0)
    if big > _HUGE and math.isinf(big * base_factor(unit)):
        # finite as written, but not once converted: 10^300 nghìn tỷ đồng is inf đồng
        raise MalformedQuantityError(
            f"{shown(text)} is too large to be represented as a number once converted "
            f"from {unit!s} to {ureg.get_base_units(unit)[1]!s}",
            text=text,
            position=0,
            source=source,
        )

    try:
        if value2 is not None:
            if qualifier not in ("exact", "approx"):
                raise ParseError(
                    f"{shown(text)} is a range and also has the qualifier {qualifier!r}",
                    text=text,
                    position=0,
                    source=source,
                )
            return Reading(
                text,
                (value + value2) / 2,
                unit,
                "range",
                low=value,
                high=value2,
                denominator=denominator,
            )
        return Reading(text, value, unit, qualifier, denominator=denominator)  # type: ignore[arg-type]
    except KtstatsError:
        raise
    except Exception as exc:  # pragma: no cover - defensive: every failure is typed
        raise ParseError(f"cannot read {shown(text)}: {exc}", text=text, source=source) from exc


_HUGE: Final = 1e250  # values above this are checked against the unit's factor to the base unit


def _resolve_unit(unit_text: str, pct: bool, scale: str | None) -> pint.Unit:
    """The unit of a phrase from its unit words, '%' sign and scale word.

    Cached, refusals too (a scanner tries "tỷ đồng, đạt", "dự toán" … around every number, and
    pint's unit algebra costs far more than the rest of a parse); a refusal is raised anew each time.
    """
    got = _resolved(unit_text, pct, scale)
    if isinstance(got, tuple):
        kind, message = got
        raise kind(message)
    return got


@lru_cache(maxsize=8192)
def _resolved(unit_text: str, pct: bool, scale: str | None) -> pint.Unit | tuple[type[UnitError], str]:
    try:
        return _unit_of(unit_text, pct, scale)
    except UnitError as exc:  # RepeatedUnitWordsError is a UnitError: the class is kept
        return type(exc), str(exc)


def _unit_of(unit_text: str, pct: bool, scale: str | None) -> pint.Unit:
    try:
        unit = parse_unit(unit_text) if unit_text else ureg.dimensionless
    except RepeatedUnitWordsError:
        raise
    except UnitError:
        raise UnitError(f"unknown unit {shown(unit_text)}") from None
    if pct:
        if unit_text and unit == ureg.percent:  # "5% %", "5% phần trăm"
            raise RepeatedUnitWordsError(f"the unit {shown(unit_text)} after '%' says percent twice")
        if unit_text:
            raise UnitError(f"'%' together with the unit {shown(unit_text)}")
        unit = ureg.percent
    if scale:
        inner = scale_of(unit)
        if inner is not None:
            raise RepeatedUnitWordsError(
                f"the scale word {scale!r} is followed by another scale word ({inner}) in {shown(unit_text)}: "
                "a number takes one scale word ('nghìn tỷ' and 'triệu tỷ' are the chains), and two would multiply"
            )
        unit = ureg.Unit(SCALE_WORDS[scale]) * unit
    return unit


def _percent(text: str, pos: int) -> tuple[bool, int]:
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    if i < len(text) and text[i] == "%":
        return True, i + 1
    return False, pos


def _scale(text: str, pos: int) -> tuple[str | None, int]:
    m = _SCALE_RE.match(text, pos)
    if m is None:
        return None, pos
    return m["scale"], m.end()


#: The most decimals :func:`format_number` writes (a float has at most 17 significant digits).
MAX_DECIMALS: Final = 20


def format_number(x: float, decimals: int | None = None, *, lang: str = "vi") -> str:
    """Write ``x`` in Vietnamese style, using babel's ``vi`` locale (``lang="en"``: English style).

    With ``decimals=None`` every significant digit is kept (the shortest text
    that reads back to the same float); otherwise ``x`` is rounded to that many
    decimals (half away from zero, as reports round).

    >>> format_number(1326.4)
    '1.326,4'
    >>> format_number(2100000)
    '2.100.000'
    >>> format_number(6.8712, decimals=2)
    '6,87'
    >>> format_number(1326.4, lang="en")
    '1,326.4'
    """
    from babel.numbers import format_decimal  # babel's locale data is only loaded when needed

    if isinstance(x, bool) or (not isinstance(x, (int, float)) and not hasattr(x, "__float__")):
        raise ParseError(f"cannot format {shown(x)} as a number")
    try:
        xf = float(x)
    except OverflowError:  # an int such as 10**400
        raise ParseError(f"cannot format {shown(x)}: too large to be represented as a number") from None
    except (TypeError, ValueError) as exc:  # e.g. an array of several values
        raise ParseError(f"cannot format {shown(x)} as a number: {exc}") from None
    if not math.isfinite(xf):
        raise ParseError(f"cannot format {shown(x)}: not a finite number")
    if decimals is not None:
        if (
            isinstance(decimals, bool)
            or not isinstance(decimals, numbers.Integral)
            or not 0 <= int(decimals) <= MAX_DECIMALS
        ):
            raise ParseError(
                f"decimals must be a whole number from 0 to {MAX_DECIMALS} (or None), got {shown(decimals)}"
            )
        decimals = int(decimals)
    if lang not in ("vi", "en"):
        raise ParseError(f"unknown language {shown(lang)}; use 'vi' or 'en'")
    # Enough precision for any float written out in full (1e308 has 309 digits).
    with localcontext() as ctx:
        ctx.prec = 800
        if decimals is None:
            dec = Decimal(repr(xf))
            return str(format_decimal(dec, locale=lang, decimal_quantization=False))
        dec = Decimal(repr(xf)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return str(format_decimal(dec, format=pattern, locale=lang, decimal_quantization=False))


#: How far a "khoảng" (about) or "gần" (nearly) figure may lie from its number, as a fraction: ±1%.
#: There is no official standard; one value serves targets, the audit and projections.
APPROX_TOLERANCE: Final = 0.01

_QUALIFIER_WORDS: Final = {
    "vi": {
        "exact": ("", ""),
        "approx": ("khoảng ", ""),
        "nearly": ("gần ", ""),
        "over": ("trên ", ""),
        "at_least": ("từ ", " trở lên"),
        "under": ("dưới ", ""),
        "at_most": ("không quá ", ""),
        "range": ("", ""),
    },
    "en": {
        "exact": ("", ""),
        "approx": ("about ", ""),
        "nearly": ("nearly ", ""),
        "over": ("over ", ""),
        "at_least": ("at least ", ""),
        "under": ("under ", ""),
        "at_most": ("at most ", ""),
        "range": ("", ""),
    },
}


def format_quantity(
    value: float,
    unit: pint.Unit | str,
    qualifier: str = "exact",
    *,
    decimals: int | None = None,
    high: float | None = None,
    lang: str = "vi",
) -> str:
    """Write a value with its unit and qualifier as a report would.

    >>> format_quantity(2500, "billion dong", "nearly")
    'gần 2.500 tỷ đồng'
    >>> format_quantity(8.2, "percent", "at_least")
    'từ 8,2% trở lên'
    >>> format_quantity(8.0, "percent", "range", high=8.5)
    '8–8,5%'
    >>> format_quantity(830, "billion dong", "approx", lang="en")
    'about 830 billion VND'
    """
    from ktstats.lang.units import format_unit

    if lang not in _QUALIFIER_WORDS:
        raise ParseError(f"unknown language {lang!r}; use 'vi' or 'en'")
    if qualifier not in QUALIFIERS:
        raise ParseError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}")
    label = format_unit(unit, lang=lang)
    number = format_number(value, decimals, lang=lang)
    if qualifier == "range" and high is not None:
        number = f"{number}–{format_number(high, decimals, lang=lang)}"
    pre, post = _QUALIFIER_WORDS[lang][qualifier]
    if label == "%":
        body = f"{number}%"
    else:
        body = f"{number} {label}".rstrip()
    return f"{pre}{body}{post}"
