"""Units: one pint registry for the whole library, and the Vietnamese lexicon.

The registry is built from the plain-text definitions file ``units.txt``
beside this module: đồng and USD as separate currencies (no implicit exchange
rate), scale words (nghìn, triệu, tỷ, nghìn tỷ) as dimensionless multipliers
that combine with any unit, hectares, percent, **percentage points as their
own dimension** and one dimension per kind of counted thing (persons, visits,
communes, villages, …), so a commune can never be added to a person.

The Vietnamese phrases that name units ("tỷ đồng", "lượt khách", "héc-ta")
live in ``lexicons/units.csv`` and ``lexicons/scales.csv``; adding a synonym
is a data change.

Why pint: it already does dimensional analysis, unit algebra and conversion,
with a definitions-file format a reader can check. ktstats keeps magnitudes
as plain float64 arrays and uses pint only for unit objects and conversion
factors (computed once per series, not once per value).
"""

from __future__ import annotations

import copyreg
import csv
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import numpy as np
import pint

from ktstats.errors import DataError, UnitError, shown
from ktstats.lang.text import normalize_text

__all__ = [
    "Q_",
    "apply_factor",
    "conversion_factor",
    "format_unit",
    "parse_unit",
    "unit_to_str",
    "ureg",
]

ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, on_redefinition="raise", cache_folder=None)
ureg.load_definitions(str(resources.files("ktstats.lang") / "units.txt"))
Q_ = ureg.Quantity

_SCALE_NAMES = ("quadrillion", "trillion", "billion", "million", "thousand")
_MAX_UNIT_LENGTH = 80
#: The largest power a unit may be raised to in a unit expression ("m ** 2", "km^3", "person ** -1").
MAX_EXPONENT = 3
# What a unit expression of the registry may look like: names joined by spaces, '*' or '/', each
# with at most one small integer power ("billion dong", "percentage_point", "m ** 2", "dong / person").
# No parentheses and no power of a power: pint evaluates "m**9**9**9" as a 387-million-digit
# exponent and never returns. Linear: names, separators and exponents use disjoint characters.
_TERM = r"[a-z_%][a-z0-9_%]*(?:[²³]|\s*(?:\*\*|\^)\s*[+-]?[0-9]{1,2}(?![0-9]))?"
_PINT_EXPRESSION = re.compile(rf"(?:1\s*/\s*)?{_TERM}(?:(?:\s*[*/]\s*|\s+){_TERM})*")  # "1 / person" too
_PINT_TERM = re.compile(
    r"(?P<name>[a-z_%][a-z0-9_%]*)(?:(?P<sup>[²³])|\s*(?:\*\*|\^)\s*(?P<exp>[+-]?[0-9]+))?"
)
_POWER = re.compile(r"\*\*|\^|[²³]")
_POWER_OF_POWER = re.compile(r"(?:\*\*|\^)\s*[+-]?[0-9.]*\s*(?:\*\*|\^)")


class RepeatedUnitWordsError(UnitError):
    """A unit that says a scale or unit word twice ("tỷ tỷ đồng", "ha ha"): the words would
    multiply (billion² đồng, hectare²), which no report means."""


def read_lexicon(name: str) -> list[dict[str, str]]:
    with (resources.files("ktstats.lang") / "lexicons" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def lexicon_key(phrase: str) -> str:
    return " ".join(normalize_text(phrase).casefold().split())


# phrase (normalised, casefolded) -> pint unit name
UNIT_PHRASES: dict[str, str] = {lexicon_key(row["phrase"]): row["unit"] for row in read_lexicon("units.csv")}
# scale word -> pint unit name of the multiplier
SCALE_WORDS: dict[str, str] = {lexicon_key(row["word"]): row["unit"] for row in read_lexicon("scales.csv")}
_LABELS: dict[str, dict[str, str]] = {
    row["unit"]: {"vi": row["vi"], "en": row["en"]} for row in read_lexicon("labels.csv")
}


def _check_lexicon() -> None:
    for table in (UNIT_PHRASES, SCALE_WORDS):
        for phrase, name in table.items():
            try:
                ureg.Unit(name)
            except pint.errors.UndefinedUnitError as exc:  # pragma: no cover - data bug
                raise UnitError(f"lexicon maps {phrase!r} to undefined unit {name!r}") from exc


_check_lexicon()
_LONGEST_PHRASE = max(len(p.split(" ")) for p in (*UNIT_PHRASES, *SCALE_WORDS))
_EXAMPLES = ", ".join(sorted({*UNIT_PHRASES, *SCALE_WORDS})[:12])


def parse_unit(text: str) -> pint.Unit:
    """Read a unit written in Vietnamese or as a pint expression.

    Accepts a lexicon phrase with an optional scale word ("tỷ đồng",
    "nghìn tỷ đồng", "triệu lượt khách", "ha", "%") or an expression of
    ktstats' registry ("billion dong", "percentage_point", "dong / person",
    "m ** 2"). An empty string is dimensionless.

    Refused with :class:`UnitError`: text that is not a string, unknown words,
    a power other than a single small integer (at most :data:`MAX_EXPONENT`;
    "m**9**9**9" is refused at once instead of hanging pint), and a scale or
    unit word said twice ("tỷ tỷ đồng", "tỷ triệu", "ha ha", "dong dong",
    :class:`RepeatedUnitWordsError`): only the chains "nghìn tỷ" (trillion,
    10^12) and "triệu tỷ" (quadrillion, 10^15: "1,74 triệu tỷ đồng" of a city's
    retail sales) are Vietnamese.

    Examples
    --------
    >>> parse_unit("tỷ đồng")
    <Unit('billion * dong')>
    >>> parse_unit("Tỉ  đồng") == parse_unit("billion dong")
    True
    >>> parse_unit("điểm phần trăm")
    <Unit('percentage_point')>
    >>> parse_unit("tỷ tỷ đồng")
    Traceback (most recent call last):
    ...
    ktstats.lang.units.RepeatedUnitWordsError: unit 'tỷ tỷ đồng' says 'tỷ', 'tỷ', 'đồng' one after another: the words would multiply; a unit takes one unit word with at most one scale word before it ('nghìn tỷ' and 'triệu tỷ' are the chains of scale words)
    """
    if not isinstance(text, str):
        raise UnitError(f"a unit must be text, got {type(text).__name__} {shown(text)}")
    return _parse_unit(text)


@lru_cache(maxsize=4096)
def _parse_unit(text: str) -> pint.Unit:
    key = lexicon_key(text)
    if key == "":
        return ureg.dimensionless
    if key in UNIT_PHRASES:
        return ureg.Unit(UNIT_PHRASES[key])
    for word, scale in SCALE_WORDS.items():
        if key == word:
            return ureg.Unit(scale)
        if key.startswith(word + " ") and key[len(word) + 1 :] in UNIT_PHRASES:
            return cast("pint.Unit", ureg.Unit(scale) * ureg.Unit(UNIT_PHRASES[key[len(word) + 1 :]]))
    if len(key) > _MAX_UNIT_LENGTH:  # no unit is this long; do not hand pint a novel
        raise UnitError(f"unknown unit {shown(text)}: longer than any unit")
    words = _lexicon_words(key)
    if words is not None:  # known words, but more than one scale + one unit: "tỷ tỷ đồng", "ha ha"
        raise RepeatedUnitWordsError(
            f"unit {shown(text)} says {', '.join(repr(w) for w in words)} one after another: the words "
            "would multiply; a unit takes one unit word with at most one scale word before it "
            "('nghìn tỷ' and 'triệu tỷ' are the chains of scale words)"
        )
    if not _PINT_EXPRESSION.fullmatch(key):
        if _POWER.search(key):
            raise UnitError(
                f"unknown unit {shown(text)}: a power must be a single whole number from "
                f"-{MAX_EXPONENT} to {MAX_EXPONENT} on one unit name, e.g. 'm ** 2' or 'km^2'"
                + ("; a power of a power is not a unit" if _POWER_OF_POWER.search(key) else "")
            )
        # Vietnamese words that are not in the lexicon (pint's parser is slow on prose)
        raise UnitError(
            f"unknown unit {shown(text)}: not in the Vietnamese unit lexicon (e.g. {_EXAMPLES}, …)"
        )
    _check_terms(text, key)
    try:
        unit = ureg.Unit(normalize_text(text).strip())
    except Exception as exc:  # pint's parser raises many types (even AssertionError)
        raise UnitError(
            f"unknown unit {shown(text)}: not in the Vietnamese unit lexicon (e.g. {_EXAMPLES}, …) "
            "nor a unit of ktstats.ureg"
        ) from exc
    terms = dict(unit._units)
    if (
        len(terms) != len(_PINT_TERM.findall(key)) and key != "dimensionless"
    ):  # "ha hectare", "dong / dong": one unit twice
        raise RepeatedUnitWordsError(
            f"unit {shown(text)} names the same unit more than once; write it once with a power (e.g. 'm ** 2')"
        )
    _check_scales(text, terms)
    return unit


def _lexicon_words(key: str) -> list[str] | None:
    """``key`` cut into lexicon phrases (unit phrases and scale words, longest first), or ``None``
    when some word is not in the lexicon or ``key`` is one phrase."""
    words = key.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in UNIT_PHRASES or phrase in SCALE_WORDS:
                out.append(phrase)
                i += n
                break
        else:
            return None
    return out if len(out) > 1 else None


def _check_terms(text: str, key: str) -> None:
    """Each name of a unit expression once, each power a whole number within ±MAX_EXPONENT."""
    names: set[str] = set()
    for m in _PINT_TERM.finditer(key):
        name = m["name"]
        if name in names:
            raise RepeatedUnitWordsError(
                f"unit {shown(text)} says {name!r} twice: a unit names each unit once "
                "(with a power, e.g. 'm ** 2', if that is meant)"
            )
        names.add(name)
        power = 2 if m["sup"] == "²" else 3 if m["sup"] == "³" else int(m["exp"]) if m["exp"] else 1
        if not 1 <= abs(power) <= MAX_EXPONENT:
            raise UnitError(
                f"unknown unit {shown(text)}: the power {power} of {name!r} is not allowed "
                f"(a power is a whole number from -{MAX_EXPONENT} to {MAX_EXPONENT}, not 0)"
            )


def _check_scales(text: str, terms: dict[str, Any]) -> None:
    """At most one scale, to the first power: "thousand billion" and "billion ** 2" are refused."""
    scales = [name for name in _SCALE_NAMES if name in terms]
    if len(scales) > 1 or (scales and terms[scales[0]] != 1):
        raise RepeatedUnitWordsError(
            f"unit {shown(text)} multiplies scales ({', '.join(f'{n} ** {terms[n]}' for n in scales)}): "
            "a unit takes at most one scale word ('trillion' for 'nghìn tỷ', 'quadrillion' for 'triệu tỷ')"
        )


def scale_of(unit: pint.Unit) -> str | None:
    """The scale name in ``unit`` ("billion" in billion dong), or ``None``.

    >>> scale_of(parse_unit("tỷ đồng")), scale_of(parse_unit("ha"))
    ('billion', None)
    """
    terms = unit._units
    for name in _SCALE_NAMES:
        if name in terms:
            return name
    return None


@lru_cache(maxsize=4096)
def base_factor(unit: pint.Unit) -> float:
    """The factor from ``unit`` to its root units (1e12 for trillion dong, 1e4 for hectare);
    ``inf`` when it does not fit a float."""
    try:
        return abs(_root(unit)[0])
    except (OverflowError, ArithmeticError):
        return math.inf


def _split_scale(unit: pint.Unit) -> tuple[str | None, dict[str, Any]]:
    """Split ``unit`` into its leading scale word and the remaining unit terms."""
    terms = dict(unit._units)
    scale = None
    for name in _SCALE_NAMES:
        if terms.get(name) == 1:
            scale = name
            del terms[name]
            break
    return scale, terms


def unit_to_str(unit: pint.Unit | str) -> str:
    """The canonical text of a unit, as stored in ktstats' CSV files.

    Scale words come first, so that ``billion * dong`` reads "billion dong".

    >>> unit_to_str(parse_unit("tỷ đồng"))
    'billion dong'
    >>> unit_to_str("percent")
    'percent'
    """
    return _unit_to_str(_unit_argument(unit, "unit"))


@lru_cache(maxsize=4096)
def _unit_to_str(unit: pint.Unit) -> str:
    if unit == ureg.dimensionless:
        return ""
    scale, terms = _split_scale(unit)
    rest = str(ureg.Unit(ureg.UnitsContainer(terms))) if terms else ""
    if scale and rest:
        return f"{scale} {rest}" if " " not in rest else f"{scale} * {rest}"
    return scale or rest


def format_unit(unit: pint.Unit | str, lang: str = "vi") -> str:
    """A human label for ``unit`` in Vietnamese (default) or English.

    >>> format_unit("billion dong")
    'tỷ đồng'
    >>> format_unit("billion dong", lang="en")
    'billion VND'
    >>> format_unit("percentage_point", lang="en")
    'percentage points'
    """
    if lang not in ("vi", "en"):
        raise UnitError(f"unknown language {shown(lang)} for unit labels; use 'vi' or 'en'")
    unit = _unit_argument(unit, "unit")
    if unit == ureg.dimensionless:
        return ""
    scale, terms = _split_scale(unit)
    parts = [_LABELS[scale][lang]] if scale else []
    if len(terms) == 1 and next(iter(terms.values())) == 1:
        name = next(iter(terms))
        parts.append(_LABELS.get(name, {}).get(lang, name))
    elif terms:
        parts.append(str(ureg.Unit(ureg.UnitsContainer(terms))))
    return " ".join(parts)


@lru_cache(maxsize=4096)
def _root(unit: pint.Unit) -> tuple[float, pint.Unit]:
    factor, root = ureg.get_root_units(unit)
    return float(factor), root  # type: ignore[arg-type]


def conversion_factor(from_unit: pint.Unit | str, to_unit: pint.Unit | str) -> float:
    """The number to multiply magnitudes in ``from_unit`` by to get ``to_unit``.

    Computed once from the root factors (so ``trillion → billion`` is exactly
    1000); raises :class:`UnitError` when the dimensions differ.

    >>> conversion_factor("nghìn tỷ đồng", "tỷ đồng")
    1000.0
    >>> conversion_factor("xã", "người")
    Traceback (most recent call last):
    ...
    ktstats.errors.UnitError: cannot convert from 'commune' to 'person': different dimensions ([commune] vs [person])
    """
    src = _unit_argument(from_unit, "from_unit")
    dst = _unit_argument(to_unit, "to_unit")
    if src == dst:
        return 1.0
    try:
        f_src, r_src = _root(src)
        f_dst, r_dst = _root(dst)
    except (OverflowError, ArithmeticError) as exc:  # e.g. trillion ** 30
        raise UnitError(
            f"cannot convert from {src!s} to {dst!s}: the factor does not fit a float ({exc})"
        ) from None
    if r_src != r_dst:
        raise UnitError(
            f"cannot convert from {unit_to_str(src) or 'dimensionless'!r} to "
            f"{unit_to_str(dst) or 'dimensionless'!r}: different dimensions "
            f"({src.dimensionality} vs {dst.dimensionality})"
        )
    factor = f_src / f_dst if math.isfinite(f_src) and math.isfinite(f_dst) else math.nan
    if not math.isfinite(factor) or factor == 0.0:
        raise UnitError(
            f"cannot convert from {src!s} to {dst!s}: the factor ({f_src!r} / {f_dst!r}) does not fit a float"
        )
    return factor


def _unit_argument(unit: object, argument: str) -> pint.Unit:
    if isinstance(unit, str):
        return parse_unit(unit)
    if isinstance(unit, pint.Unit):
        return unit
    raise UnitError(f"{argument} must be a unit or its name, got {type(unit).__name__} {shown(unit)}")


def apply_factor(values: Any, factor: float, *, checked: bool = True) -> Any:
    """Multiply ``values`` by a conversion ``factor``, dividing instead when the
    factor is the reciprocal of a whole number, so that 830 tỷ đồng becomes
    exactly 0,83 nghìn tỷ đồng rather than 0,8300000000000001.

    A finite value that would become ±inf, or a non-zero one that would become
    0, raises :class:`~ktstats.errors.DataError` (the data do not fit a float in
    the new unit); missing values (NaN) stay missing. ``checked=False`` skips that scan for a caller
    that proves the result finite itself (a series knows a bound of its values, so its conversions stay
    one multiplication per value).

    >>> apply_factor(830.0, 0.001)
    0.83
    """
    if factor == 1.0:
        return values
    try:
        with np.errstate(over="ignore", under="ignore"):  # checked below: a typed error, not a warning
            if 0.0 < factor < 1.0:
                inverse = 1.0 / factor
                if inverse == round(inverse) and inverse < 2**53:
                    out = values / round(inverse)
                    return _checked(values, out, factor) if checked else out
            out = values * factor
            return _checked(values, out, factor) if checked else out
    except OverflowError:  # an int such as 10**400
        raise DataError(f"cannot convert {shown(values)} (× {factor!r}): too large for a float") from None


def _checked(values: Any, out: Any, factor: float) -> Any:
    """``out`` (``values`` converted), refusing a finite value that became ±inf or a non-zero one that became 0."""
    if isinstance(out, float):
        if math.isfinite(out) and (out != 0.0 or values == 0.0):
            return out
        bad = (not math.isfinite(out) and math.isfinite(values)) or (out == 0.0 and values != 0.0)
    else:
        try:
            with np.errstate(over="ignore", under="ignore", invalid="ignore"):
                arr_in = np.asarray(values, dtype=float)
                arr_out = np.asarray(out, dtype=float)
                bad = bool(
                    np.any(np.isinf(arr_out) & np.isfinite(arr_in))
                    | np.any((arr_out == 0.0) & (arr_in != 0.0) & np.isfinite(arr_in))
                )
        except (TypeError, ValueError):  # not numbers: leave them to the caller's checks
            return out
    if bad:
        raise DataError(
            f"converting {shown(values)} by the factor {factor!r} gives a value that is not a finite number "
            "(it overflows) or a non-zero value that underflows to 0"
        )
    return out


# --- pickling -----------------------------------------------------------------------------------------
# pint unpickles a unit in its *application* registry, which knows no "tỷ" or "lượt"; every object that
# holds one of ktstats' units (series, panels, readings, targets, projections) then failed to unpickle or,
# for "%", came back in pint's default registry and broke in arithmetic. The units are pickled as their
# text and parsed back in this registry; nothing global in pint is changed.


def _unit_from_text(text: str) -> pint.Unit:
    return parse_unit(text) if text else ureg.dimensionless


def _quantity_from_text(magnitude: Any, text: str) -> pint.Quantity[Any]:
    return ureg.Quantity(magnitude, _unit_from_text(text))


def _reduce_unit(unit: pint.Unit) -> tuple[Any, tuple[str]]:
    return _unit_from_text, (unit_to_str(unit),)


def _reduce_quantity(q: pint.Quantity[Any]) -> tuple[Any, tuple[Any, str]]:
    return _quantity_from_text, (q.magnitude, unit_to_str(cast("pint.Unit", q.units)))


copyreg.pickle(ureg.Unit, _reduce_unit)
copyreg.pickle(ureg.Quantity, _reduce_quantity)
