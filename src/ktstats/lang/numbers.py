"""Vietnamese numbers and quantities.

Vietnamese style writes ``.`` between groups of thousands and ``,`` before
decimals: "1.326,4" is 1326.4, "2.100.000" is 2100000. A number may carry a
scale word ("2,1 triệu" is 2.1 million), a unit ("tỷ đồng", "ha",
"lượt khách"), a qualifier ("khoảng", "gần", "trên", "từ … trở lên"), a range
("từ 7% đến 7,5%", "8–8,5%") or a denominator ("699/756").

Nothing is guessed: a number in foreign style ("1,326.4"), with broken groups
("1.32.6") or garbage raises :class:`~ktstats.errors.ParseError` naming the
text and position; an unknown unit raises :class:`~ktstats.errors.UnitError`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

from ktstats.errors import KtstatsError, ParseError, UnitError, shown
from ktstats.lang.text import normalize_text
from ktstats.lang.units import SCALE_WORDS, lexicon_key, parse_unit, read_lexicon, ureg

if TYPE_CHECKING:
    import pint

__all__ = [
    "QUALIFIERS",
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
_NUM = r"[+\-−]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
NUMBER_RE = re.compile(_NUM)
_FULL_NUMBER_RE = re.compile(rf"(?P<n>{_NUM})\s*(?P<pct>%)?")
_ENGLISH_RE = re.compile(r"[+\-−]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[+\-−]?[0-9]+\.[0-9]{1,2}(?![0-9])")

PREFIXES: dict[str, str] = {}
_SUFFIXES: dict[str, str] = {}
for _row in read_lexicon("qualifiers.csv"):
    (PREFIXES if _row["position"] == "prefix" else _SUFFIXES)[lexicon_key(_row["phrase"])] = _row["qualifier"]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PREFIX_RE = re.compile(rf"(?:{_alternation(list(PREFIXES))})(?=\s|[0-9]|[+\-−])\s*")
_FROM_RE = re.compile(r"từ\s+")
_SCALE_RE = re.compile(rf"\s*(?P<scale>{_alternation(list(SCALE_WORDS))})(?![^\W\d_])")
_RANGE_SEP_RE = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:đến|tới)\s+")
_SLASH_RE = re.compile(r"\s*/\s*")
_SUFFIX_RE = re.compile(rf"\s*(?:{_alternation(list(_SUFFIXES))})\s*$")

# How strongly a qualifier bounds the value: a bound beats an approximation
# ("khoảng trên 10%" is over 10%), which beats a neutral word.
_STRENGTH = {"exact": 0, "approx": 1, "nearly": 2, "over": 2, "at_least": 2, "under": 2, "at_most": 2}


def to_float(token: str) -> float:
    sign = -1.0 if token[0] in "-−" else 1.0
    token = token.lstrip("+-−")
    return sign * float(token.replace(".", "").replace(",", "."))


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
    value = to_float(m["n"])
    end = m.end()
    if m["pct"] is None:
        s = _SCALE_RE.match(norm.casefold(), end)
        if s is not None:
            value *= _scale_factor(s["scale"])
            end = s.end()
    if end != len(norm):
        raise _number_error(text, end, source)
    return value


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
        if self.denominator is not None and self.denominator == 0:
            raise ParseError(f"{shown(self.text)}: denominator is zero", text=self.text)

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
    value = to_float(n1.group(0))
    pos = n1.end()
    pct, pos = _percent(low, pos)
    scale1, pos = _scale(low, pos)

    value2: float | None = None
    m = _RANGE_SEP_RE.match(low, pos)
    if m is not None and NUMBER_RE.match(low, m.end()):
        n2 = NUMBER_RE.match(low, m.end())
        assert n2 is not None
        value2 = to_float(n2.group(0))
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
        denominator = to_float(d.group(0))
        pos = d.end()

    rest = low[pos:]
    if (pos < len(low) and low[pos] in "0123456789") or rest[:1] in (".", ","):
        raise _number_error(text, pos, source)
    s = _SUFFIX_RE.search(rest)
    if s is not None:
        suffix_q = _SUFFIXES[" ".join(s.group(0).split())]
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
    except UnitError as exc:
        raise UnitError(f"{exc} in {shown(text)}" + (f" (in {source})" if source else "")) from None

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


@lru_cache(maxsize=2048)
def _resolve_unit(unit_text: str, pct: bool, scale: str | None) -> pint.Unit:
    """The unit of a phrase from its unit words, '%' sign and scale word (cached:
    pint's unit algebra costs far more than the rest of a parse)."""
    try:
        unit = parse_unit(unit_text) if unit_text else ureg.dimensionless
    except UnitError:
        raise UnitError(f"unknown unit {shown(unit_text)}") from None
    if pct:
        if unit_text and unit != ureg.percent:
            raise UnitError(f"'%' together with the unit {shown(unit_text)}")
        unit = ureg.percent
    if scale:
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
        raise ParseError(f"cannot format {x!r} as a number")
    xf = float(x)
    if not math.isfinite(xf):
        raise ParseError(f"cannot format {x!r}: not a finite number")
    if decimals is not None and decimals < 0:
        raise ParseError(f"decimals must be ≥ 0, got {decimals}")
    if lang not in ("vi", "en"):
        raise ParseError(f"unknown language {lang!r}; use 'vi' or 'en'")
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
