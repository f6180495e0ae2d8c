"""Issue 16, the language layer: inputs that used to give a silently wrong number, a hang or a raw
exception now raise a typed error naming the value (root causes 1, 3, 10, 12, 13 and 17)."""

import datetime as dt
import math
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ktstats
from ktstats import DataError, KtstatsError, ParseError, PeriodError, UnitError
from ktstats.lang.numbers import (
    MAX_DECIMALS,
    MalformedQuantityError,
    Reading,
    format_number,
    format_quantity,
    parse_number,
    parse_quantity,
)
from ktstats.lang.periods import Span, parse_date, parse_span
from ktstats.lang.scan import find_quantity
from ktstats.lang.text import fold_ascii, normalize_text, squash_whitespace
from ktstats.lang.units import (
    MAX_EXPONENT,
    SCALE_WORDS,
    UNIT_PHRASES,
    RepeatedUnitWordsError,
    apply_factor,
    conversion_factor,
    format_unit,
    parse_unit,
    unit_to_str,
    ureg,
)

# --- 1. a group of thousands after a leading zero ---------------------------------------------------

LEADING_ZERO_NUMBERS = ["0.500", "0.005%", "00.500", "012.500", "-0.500", "0.500,5", "0.000.001", "000.000"]


@pytest.mark.parametrize("text", LEADING_ZERO_NUMBERS)
def test_parse_number_refuses_a_leading_zero_group(text):
    with pytest.raises(ParseError, match="group of thousands with 0") as info:
        parse_number(text)
    assert text.rstrip("%") in str(info.value)


@pytest.mark.parametrize(
    ("text", "suggestion"), [("0.500", "'0,500'"), ("00.500", "'0,500'"), ("012.500", "'12,500' or '12.500'")]
)
def test_leading_zero_error_gives_the_foreign_style_hint(text, suggestion):
    with pytest.raises(ParseError, match="did you mean") as info:
        parse_number(text)
    assert suggestion in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "0.500 tỷ đồng",
        "khoảng 0.500 tỷ đồng",
        "0.500-1.000 tỷ đồng",
        "1.000/0.500",
        "từ 0.500 ha trở lên",
        "0.005%",
    ],
)
def test_parse_quantity_refuses_a_leading_zero_group(text):
    with pytest.raises(MalformedQuantityError, match="group of thousands with 0"):
        parse_quantity(text)


@pytest.mark.parametrize(
    "text", ["Thu ngân sách đạt 0.500 tỷ đồng", "tăng 0.005%", "phấn đấu đạt khoảng 0.500 tỷ đồng"]
)
def test_scanner_and_parse_target_never_read_a_leading_zero_group(text):
    with pytest.raises(ParseError):
        find_quantity(text)
    with pytest.raises(ParseError):
        ktstats.parse_target(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,5", 0.5),
        ("0", 0.0),
        ("0,500", 0.5),
        ("1.000", 1000.0),
        ("05", 5.0),
        ("10.500", 10500.0),
        ("-0,5%", -0.5),
    ],
)
def test_decimals_and_plain_zeros_still_read(text, value):
    assert parse_number(text) == value


@st.composite
def leading_zero_numbers(draw):
    """'0.500', '00.500,25', '012.345.678%', '-0.001 tỷ đồng': a first group that starts with 0."""
    first = "0" + draw(st.text("0123456789", max_size=2))
    groups = draw(st.lists(st.text("0123456789", min_size=3, max_size=3), min_size=1, max_size=4))
    number = first + "".join("." + g for g in groups)
    number += draw(st.sampled_from(["", ",5", ",25", ",0"]))
    sign = draw(st.sampled_from(["", "-", "+"]))
    tail = draw(st.sampled_from(["", "%", " tỷ đồng", " nghìn tỷ đồng", " ha", " lượt khách"]))
    return sign + number + tail


@given(leading_zero_numbers())
def test_property_no_leading_zero_group_is_ever_read(text):
    for parse in (parse_number, parse_quantity):
        try:
            result = parse(text)
        except (ParseError, UnitError):
            continue
        raise AssertionError(f"{parse.__name__}({text!r}) returned {result!r}")


@given(st.integers(1, 999), st.lists(st.integers(0, 999), min_size=1, max_size=4))
def test_property_groups_after_a_non_zero_digit_read_exactly(first, groups):
    text = str(first) + "".join(f".{g:03d}" for g in groups)
    assert parse_number(text) == float(text.replace(".", ""))


# --- 3. doubled scale or unit words --------------------------------------------------------------------

DOUBLED = [
    "830 tỷ tỷ đồng",
    "5 nghìn nghìn đồng",
    "5 tỷ triệu đồng",
    "5 triệu tỷ tỷ đồng",
    "5 tỷ nghìn đồng",
    "5 nghìn tỷ tỷ đồng",
    "5 tỷ nghìn tỷ đồng",
    "7-8 tỷ tỷ đồng",
    "5 ha ha",
    "5 đồng đồng",
    "5 dong dong",
    "5 lượt khách người",
    "5 triệu billion dong",
    "5 billion billion dong",
    "5 thousand billion dong",
    "5% %",
    "5 % phần trăm",
]


@pytest.mark.parametrize("text", DOUBLED)
def test_doubled_scale_or_unit_words_are_a_parse_error_naming_the_phrase(text):
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["2,1 triệu triệu", "5 tỷ tỷ", "5 nghìn tỷ tỷ", "5 tỷ nghìn"])
def test_parse_number_refuses_a_second_scale_word(text):
    with pytest.raises(ParseError, match="scale word"):
        parse_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "tỷ tỷ đồng",
        "tỷ triệu",
        "triệu tỷ tỷ",
        "nghìn nghìn",
        "ha ha",
        "đồng đồng",
        "dong dong",
        "dong / dong",
        "ha hectare",
        "thousand billion dong",
        "billion ** 2 * dong",
        "% %",
    ],
)
def test_parse_unit_refuses_repeated_words(text):
    with pytest.raises(RepeatedUnitWordsError) as info:
        parse_unit(text)
    assert isinstance(info.value, UnitError)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("5 nghìn tỷ đồng", "trillion dong"),
        ("5 ngàn tỷ đồng", "trillion dong"),
        ("830 tỷ đồng", "billion dong"),
        ("2,1 triệu lượt khách", "million visit"),
        ("5 ha", "hectare"),
        ("5 phần trăm", "percent"),
        ("5 xã, phường, thị trấn", "commune"),
    ],
)
def test_the_legal_scale_chain_and_single_units_still_read(text, unit):
    assert parse_quantity(text).unit == parse_unit(unit)


def test_parse_number_reads_the_one_chain():
    assert parse_number("2,1 nghìn tỷ") == 2.1e12
    assert parse_number("2,1 triệu") == 2.1e6


_SCALES = sorted(SCALE_WORDS)
_UNITS = sorted(u for u in UNIT_PHRASES if u != "%")


@given(st.sampled_from(_SCALES), st.sampled_from(_SCALES), st.sampled_from(["", *_UNITS]))
def test_property_two_scale_words_never_multiply(first, second, unit):
    text = f"5 {first} {second} {unit}".strip()
    if f"{first} {second}" in SCALE_WORDS:  # "nghìn tỷ" itself
        return
    with pytest.raises(ParseError):
        parse_quantity(text)


@given(st.sampled_from(_UNITS), st.sampled_from(["", *_SCALES]))
def test_property_a_unit_said_twice_never_multiplies(unit, scale):
    text = f"5 {scale} {unit} {unit}".replace("  ", " ")
    with pytest.raises(ParseError):
        parse_quantity(text)


# --- 10. inf and silent zeros ---------------------------------------------------------------------------

TOO_LARGE = [
    "9" * 400,
    "-" + "9" * 400,
    "9" * 400 + "%",
    "9" * 306 + " nghìn tỷ",
    "1" + ".000" * 103,
    "9" * 100_000,
]
TOO_SMALL = ["0," + "0" * 400 + "1", "-0," + "0" * 330 + "5", "0," + "0" * 400 + "1%"]


@pytest.mark.parametrize("text", TOO_LARGE, ids=lambda t: f"{t[:6]}x{len(t)}")
def test_parse_number_refuses_numbers_too_large_for_a_float(text):
    with pytest.raises(ParseError, match="too large") as info:
        parse_number(text)
    assert len(str(info.value)) < 500  # the value is named, shortened


@pytest.mark.parametrize("text", TOO_SMALL, ids=lambda t: f"{t[:6]}x{len(t)}")
def test_parse_number_refuses_numbers_that_underflow_to_zero(text):
    with pytest.raises(ParseError, match="too small"):
        parse_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400 + " tỷ đồng",
        "9" * 300 + " nghìn tỷ đồng",  # finite as written, inf in đồng
        "1-" + "9" * 400 + " ha",
        "1/0," + "0" * 400 + "1",
        "0," + "0" * 400 + "1 tỷ đồng",
        "1" + "0" * 300 + "/0," + "0" * 300 + "1",  # a share of 10^600 %
    ],
    ids=lambda t: f"{t[:6]}x{len(t)}",
)
def test_parse_quantity_never_holds_an_inf_or_a_lost_value(text):
    with pytest.raises(ParseError):
        parse_quantity(text)


def test_zero_and_the_smallest_float_still_read():
    assert parse_number("0,000") == 0.0
    assert parse_number(format_number(5e-324)) == 5e-324
    assert parse_number(format_number(1.7e308)) == 1.7e308


_DIGITS = "0123456789"
# short digit strings, and long runs of one digit (overflow: "999…", underflow: ",000…01")
_WHOLE = st.one_of(
    st.text(_DIGITS, min_size=1, max_size=20),
    st.builds(
        lambda d, n, tail: d * n + tail,
        st.sampled_from(_DIGITS),
        st.integers(250, 700),
        st.text(_DIGITS, max_size=5),
    ),
)
_DECIMALS = st.one_of(
    st.just(""),
    st.text(_DIGITS, min_size=1, max_size=20).map(lambda d: "," + d),
    st.builds(
        lambda n, tail: "," + "0" * n + tail, st.integers(250, 700), st.text(_DIGITS, min_size=1, max_size=5)
    ),
)


@given(_WHOLE, _DECIMALS)
def test_property_long_digit_runs_read_finite_or_raise(whole, decimals):
    text = whole + decimals
    try:
        value = parse_number(text)
    except ParseError:
        assert len(text) > 300  # only numbers beyond a float's range are refused
        return
    assert math.isfinite(value)
    assert (value == 0.0) == (set(text) <= {"0", ","})  # never a silent 0


# --- 12. spans read strictly ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "hint"),
    [
        ("2024Q1", "2024Q4", "Span.quarter(2024, 1)"),
        ("2024", "2024", "Span.whole_year(2024)"),
        ("2024-1", "2024-02", "YYYY-MM"),
        ("2024-13", "2024-12", "month 13"),
        ("2024-01-15", "2024-02", "YYYY-MM"),
        (None, "2024-01", "NoneType"),
        (202401, "2024-02", "int"),
        (pd.Timestamp("2024-01-01"), "2024-02", "Timestamp"),
        ("2024-01", pd.NaT, "NaTType"),
    ],
)
def test_span_ends_are_monthly_periods_or_yyyy_mm(start, end, hint):
    with pytest.raises(PeriodError) as info:
        Span(start, end)
    assert hint in str(info.value)


@pytest.mark.parametrize(
    ("call", "argument", "value"),
    [
        (lambda: Span.month(2024, 1.5), "month", "1.5"),
        (lambda: Span.month("2024", 1), "year", "'2024'"),
        (lambda: Span.month(2024, True), "month", "True"),
        (lambda: Span.quarter(2024, True), "quarter", "True"),
        (lambda: Span.quarter(2024.0, 1), "year", "2024.0"),
        (lambda: Span.year_to_date(2024, 9.0), "months", "9.0"),
        (lambda: Span.whole_year(2024.0), "year", "2024.0"),
        (lambda: Span.last_months(2024, "3"), "months", "'3'"),
        (lambda: Span.years(2021, 2025.5), "last", "2025.5"),
        (lambda: Span.month(2024, 1).shift_years(2.5), "years", "2.5"),
        (lambda: Span.month(2024, 1).shift_years(10**400), "years", "characters"),
        (lambda: Span.month(10**400, 1), "year", "characters"),
        (lambda: parse_span("quý I", year="2024"), "year", "'2024'"),
    ],
)
def test_span_arguments_must_be_whole_numbers(call, argument, value):
    with pytest.raises(PeriodError) as info:
        call()
    assert argument in str(info.value)
    assert value in str(info.value)


def test_strict_spans_keep_what_was_right():
    assert Span("2024-01", "2024-09") == Span.year_to_date(2024, 9)
    assert Span.month(np.int64(2024), np.int32(3)) == Span("2024-03", "2024-03")
    # a coarser pandas Period is unambiguous: its first month starts, its last month ends
    assert Span(pd.Period("2024Q1"), pd.Period("2024Q4")) == Span.whole_year(2024)
    assert Span.month(2024, 1).shift_years(np.int64(-1)) == Span.month(2023, 1)
    assert parse_span("quý I", year=np.int64(2024)) == Span.quarter(2024, 1)


@st.composite
def impossible_periods(draw):
    """Period phrases and span ends that name no month: quarter V, month 13, 14 months, '2024Q1'."""
    year = draw(st.integers(1900, 2200))
    kind = draw(st.sampled_from(["month", "quarter", "ytd", "span_quarter", "span_year", "span_month"]))
    if kind == "month":
        return "phrase", f"tháng {draw(st.one_of(st.just(0), st.integers(13, 99)))}/{year}"
    if kind == "quarter":
        q = draw(st.sampled_from(["0", "5", "9", "v", "vi", "vii", "viii", "ix", "x", "iiii"]))
        return "phrase", f"quý {q}/{year}"
    if kind == "ytd":
        return "phrase", f"{draw(st.integers(13, 99))} tháng đầu năm {year}"
    if kind == "span_quarter":
        return "span", f"{year}Q{draw(st.integers(1, 4))}"
    if kind == "span_year":
        return "span", str(year)
    return "span", f"{year}-{draw(st.one_of(st.just(0), st.integers(13, 99))):02d}"


@given(impossible_periods())
def test_property_impossible_periods_are_refused(case):
    kind, text = case
    read = parse_span if kind == "phrase" else (lambda t: Span(t, t))
    with pytest.raises(PeriodError):
        read(text)


@given(
    st.integers(1900, 2200), st.one_of(st.floats(1, 12.99), st.floats(allow_nan=True, allow_infinity=True))
)
def test_property_float_months_are_refused(year, month):
    with pytest.raises(PeriodError, match="month"):
        Span.month(year, month)


# --- 13. nested and large exponents -----------------------------------------------------------------------


def test_nested_exponent_returns_at_once_in_a_fresh_process():
    """`parse_unit("m**9**9**9")` used to hang (pint evaluates a 387-million-digit power); run in a
    subprocess so that a regression fails instead of hanging the suite."""
    code = (
        "import time\nfrom ktstats.lang.units import parse_unit\nfrom ktstats import UnitError\n"
        "t = time.perf_counter()\n"
        "try:\n    parse_unit('m**9**9**9')\nexcept UnitError:\n    pass\nelse:\n    raise SystemExit(3)\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert float(out.stdout) < 0.05


BAD_POWERS = [
    "m**9**9**9",
    "m^9^9^9",
    "m ** 2 ** 2",
    "m**99",
    "m**4",
    "m**-4",
    "m**0",
    "m ** 2.5",
    "m^(2)",
    "(m**3)**3",
    "m²²",
    "km ** 9 ** 9",
]


@pytest.mark.parametrize("text", BAD_POWERS)
def test_only_a_single_small_integer_power_is_a_unit(text):
    t = time.perf_counter()
    with pytest.raises(UnitError) as info:
        parse_unit(text)
    assert time.perf_counter() - t < 0.05
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["5 m**9**9**9", "5 tỷ m^9^9^9", "khoảng 7-8 m**9**9"])
def test_quantities_with_nested_powers_are_refused_at_once(text):
    t = time.perf_counter()
    with pytest.raises(UnitError):
        parse_quantity(text)
    assert time.perf_counter() - t < 0.05


@pytest.mark.parametrize(
    "text",
    ["m ** 2", "km^2", "m²", "m ** -2", "1 / person", "dong / person", "billion * dong / person", "m^3"],
)
def test_small_powers_and_stored_units_still_read(text):
    unit = parse_unit(text)
    assert parse_unit(unit_to_str(unit)) == unit


@given(
    st.sampled_from(["m", "km", "dong", "person", "hectare"]),
    st.lists(
        st.tuples(st.sampled_from(["**", "^", " ** ", " ^ "]), st.integers(-99, 99)), min_size=2, max_size=5
    ),
)
def test_property_nested_exponents_are_refused_fast(name, powers):
    text = name + "".join(f"{op}{n}" for op, n in powers)
    t = time.perf_counter()
    with pytest.raises(UnitError):
        parse_unit(text)
    assert time.perf_counter() - t < 0.05


@given(st.sampled_from(["m", "km", "person"]), st.sampled_from(["**", "^"]), st.integers(-50, 50))
def test_property_single_exponents_within_the_limit_only(name, op, power):
    text = f"{name}{op}{power}"
    if power != 0 and abs(power) <= MAX_EXPONENT:
        assert parse_unit(text) == ureg.Unit(name) ** power
    else:
        with pytest.raises(UnitError):
            parse_unit(text)


# --- 17. raw exceptions become typed errors naming the value --------------------------------------------


@pytest.mark.parametrize("value", [None, 5, 2.5, ["tỷ đồng"], b"ha", {"unit": "ha"}])
def test_parse_unit_of_a_non_string(value):
    with pytest.raises(UnitError, match=type(value).__name__):
        parse_unit(value)


@pytest.mark.parametrize("function", [unit_to_str, format_unit])
@pytest.mark.parametrize("value", [None, 5, ["ha"]])
def test_unit_writers_of_a_non_unit(function, value):
    with pytest.raises(UnitError, match=type(value).__name__):
        function(value)


@pytest.mark.parametrize("function", [normalize_text, squash_whitespace, fold_ascii])
@pytest.mark.parametrize("value", [None, 5, b"abc", ["a"]])
def test_text_functions_of_a_non_string(function, value):
    with pytest.raises(ParseError, match=type(value).__name__):
        function(value)


@pytest.mark.parametrize("decimals", [1000, MAX_DECIMALS + 1, -1, 2.5, True, "2"])
def test_format_number_bounds_decimals(decimals):
    with pytest.raises(ParseError, match="decimals") as info:
        format_number(1.5, decimals=decimals)
    assert repr(decimals) in str(info.value)


def test_format_number_up_to_the_limit_of_decimals():
    assert format_number(1.5, decimals=MAX_DECIMALS) == "1," + "5" + "0" * (MAX_DECIMALS - 1)
    assert format_number(1.5, decimals=np.int64(1)) == "1,5"


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_number(10**400),
        lambda: format_number(-(10**400)),
        lambda: format_quantity(10**400, "tỷ đồng"),
        lambda: format_quantity(5, "tỷ đồng", "range", high=10**400),
        lambda: Reading("x", 10**400, ureg.dimensionless),
        lambda: Reading("x", 5.0, ureg.dimensionless, "range", low=0.0, high=10**400),
    ],
)
def test_huge_ints_are_a_parse_error(call):
    with pytest.raises(ParseError, match=r"40[12] characters"):
        call()


@pytest.mark.parametrize("value", ["5", None, [1.0], np.array([1.0, 2.0])])
def test_format_number_of_non_numbers(value):
    with pytest.raises(ParseError):
        format_number(value)


@pytest.mark.parametrize("to", ["dimensionless", "trillion ** 30"])
def test_a_conversion_factor_beyond_a_float_is_a_unit_error(to):
    big = ureg.Unit("trillion") ** 30
    with pytest.raises(UnitError, match="does not fit a float"):
        conversion_factor(big, to) if to == "dimensionless" else conversion_factor("dimensionless", big)


@pytest.mark.parametrize(
    "call",
    [
        lambda: apply_factor(1e300, 1e12),
        lambda: apply_factor(-1e300, 1e12),
        lambda: apply_factor(np.array([1.0, 1e300]), 1e12),
        lambda: apply_factor(10**400, 1e3),
        lambda: apply_factor(1e-320, 1e-9),  # a value that would become 0
        lambda: apply_factor(np.array([0.0, 1e-320]), 1e-9),
    ],
)
def test_converted_values_beyond_a_float_are_a_data_error(call):
    with pytest.raises(DataError):
        call()


@pytest.mark.parametrize("value", [None, 5, 2.5])
def test_conversion_factor_names_a_bad_unit_argument(value):
    with pytest.raises(UnitError, match="from_unit"):
        conversion_factor(value, "ha")
    with pytest.raises(UnitError, match="to_unit"):
        conversion_factor("ha", value)


def test_conversion_keeps_exact_results_and_missing_values():
    assert apply_factor(830.0, 0.001) == 0.83
    out = apply_factor(np.array([np.nan, 1.0, 0.0]), 1000.0)
    assert np.isnan(out[0]) and out[1:].tolist() == [1000.0, 0.0]
    assert conversion_factor("nghìn tỷ đồng", "tỷ đồng") == 1000.0


# --- 17. one date reader ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-31", "2024-03-31"),
        (" 2024-03-31 ", "2024-03-31"),
        ("2024-3-5", "2024-03-05"),
        ("2024-10", "2024-10-01"),
        ("31/3/2024", "2024-03-31"),
        ("2024-03-31T15:30:00", "2024-03-31"),
        (dt.date(2024, 3, 31), "2024-03-31"),
        (dt.datetime(2024, 3, 31, 23, 59), "2024-03-31"),
        (pd.Timestamp("2024-03-31 12:00"), "2024-03-31"),
        (np.datetime64("2024-03-31"), "2024-03-31"),
    ],
)
def test_parse_date_reads_days(value, expected):
    out = parse_date(value, argument="as_of")
    assert isinstance(out, pd.Timestamp)
    assert out == pd.Timestamp(expected)
    assert out.tzinfo is None


@pytest.mark.parametrize(
    "value",
    [
        "2024",
        "2024-13-01",
        "2024-02-30",
        "03/31/2024",
        "yesterday",
        "",
        "2024-03-31T25:00",
        "2024-03-31T10:00+07:00",
        "2024-03-31T10:00Z",
        "1800-01-01",
        "x" * 5000,
        None,
        pd.NaT,
        np.datetime64("NaT"),
        pd.Timestamp("2024-03-31", tz="Asia/Ho_Chi_Minh"),
        dt.datetime(2024, 3, 31, tzinfo=dt.UTC),
        20240331,
        2024.0,
        True,
        ["2024-03-31"],
    ],
    ids=repr,
)
def test_parse_date_refuses_with_the_argument_and_value(value):
    with pytest.raises(PeriodError) as info:
        parse_date(value, argument="on")
    message = str(info.value)
    assert message.startswith("on: ")
    assert len(message) < 400
    if isinstance(value, str) and len(value) < 50:
        assert repr(value) in message


def test_parse_date_is_exported():
    import ktstats.lang.periods as periods

    assert "parse_date" in periods.__all__


@given(st.text(max_size=40))
def test_property_parse_date_reads_or_raises_a_period_error(text):
    try:
        out = parse_date(text, argument="as_of")
    except PeriodError:
        return
    assert isinstance(out, pd.Timestamp) and out.tzinfo is None and out == out.normalize()


def test_every_new_error_is_a_ktstats_error():
    for error in (MalformedQuantityError, RepeatedUnitWordsError):
        assert issubclass(error, KtstatsError) and issubclass(error, ValueError)


@given(st.text())
def test_fold_ascii_is_anyascii_character_by_character(text):
    """fold_ascii looks each character's transliteration up once (a table str.translate reads); any text,
    Vietnamese in NFC or NFD, other scripts, surrogates of emoji, gives what anyascii gives for the whole."""
    from anyascii import anyascii

    assert fold_ascii(text) == anyascii(text)
    assert fold_ascii(text).isascii()
