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

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import pint

from ktstats.errors import UnitError, shown
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

_SCALE_NAMES = ("trillion", "billion", "million", "thousand")
_MAX_UNIT_LENGTH = 80
# what a unit expression of the registry can look like ("billion dong", "percentage_point", "m ** 2")
_PINT_EXPRESSION = re.compile(r"[a-z_%²][a-z0-9_%² */^().-]*")


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
_EXAMPLES = ", ".join(sorted({*UNIT_PHRASES, *SCALE_WORDS})[:12])


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> pint.Unit:
    """Read a unit written in Vietnamese or as a pint expression.

    Accepts a lexicon phrase with an optional scale word ("tỷ đồng",
    "nghìn tỷ đồng", "triệu lượt khách", "ha", "%") or any expression of
    ktstats' registry ("billion dong", "percentage_point"). An empty string is
    dimensionless.

    Examples
    --------
    >>> parse_unit("tỷ đồng")
    <Unit('billion * dong')>
    >>> parse_unit("Tỉ  đồng") == parse_unit("billion dong")
    True
    >>> parse_unit("điểm phần trăm")
    <Unit('percentage_point')>
    """
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
    if not _PINT_EXPRESSION.fullmatch(key):
        # Vietnamese words that are not in the lexicon (pint's parser is slow on prose)
        raise UnitError(
            f"unknown unit {shown(text)}: not in the Vietnamese unit lexicon (e.g. {_EXAMPLES}, …)"
        )
    try:
        return ureg.Unit(normalize_text(text).strip())
    except Exception as exc:  # pint's parser raises many types (even AssertionError)
        raise UnitError(
            f"unknown unit {shown(text)}: not in the Vietnamese unit lexicon (e.g. {_EXAMPLES}, …) "
            "nor a unit of ktstats.ureg"
        ) from exc


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


@lru_cache(maxsize=4096)
def unit_to_str(unit: pint.Unit | str) -> str:
    """The canonical text of a unit, as stored in ktstats' CSV files.

    Scale words come first, so that ``billion * dong`` reads "billion dong".

    >>> unit_to_str(parse_unit("tỷ đồng"))
    'billion dong'
    >>> unit_to_str("percent")
    'percent'
    """
    if isinstance(unit, str):
        unit = parse_unit(unit)
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
        raise UnitError(f"unknown language {lang!r} for unit labels; use 'vi' or 'en'")
    if isinstance(unit, str):
        unit = parse_unit(unit)
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
    src = parse_unit(from_unit) if isinstance(from_unit, str) else from_unit
    dst = parse_unit(to_unit) if isinstance(to_unit, str) else to_unit
    if src == dst:
        return 1.0
    f_src, r_src = _root(src)
    f_dst, r_dst = _root(dst)
    if r_src != r_dst:
        raise UnitError(
            f"cannot convert from {unit_to_str(src) or 'dimensionless'!r} to "
            f"{unit_to_str(dst) or 'dimensionless'!r}: different dimensions "
            f"({src.dimensionality} vs {dst.dimensionality})"
        )
    return f_src / f_dst


def apply_factor(values: Any, factor: float) -> Any:
    """Multiply ``values`` by a conversion ``factor``, dividing instead when the
    factor is the reciprocal of a whole number, so that 830 tỷ đồng becomes
    exactly 0,83 nghìn tỷ đồng rather than 0,8300000000000001.

    >>> apply_factor(830.0, 0.001)
    0.83
    """
    if factor == 1.0:
        return values
    if 0.0 < factor < 1.0:
        inverse = 1.0 / factor
        if inverse == round(inverse) and inverse < 2**53:
            return values / round(inverse)
    return values * factor
