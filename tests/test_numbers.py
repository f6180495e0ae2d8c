import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ktstats import ParseError, UnitError, format_number, format_quantity, parse_number, parse_quantity, ureg
from ktstats.lang.numbers import Reading

# Phrases as they appear in the seed documents (and the examples).
SEED_PHRASES = [
    # text, value, unit, qualifier
    ("khoảng 830 tỷ đồng", 830, "billion dong", "approx"),
    ("gần 2.500 tỷ đồng", 2500, "billion dong", "nearly"),
    ("gần 20.000 tỷ đồng", 20000, "billion dong", "nearly"),
    ("1.326,4 tỷ đồng", 1326.4, "billion dong", "exact"),
    ("ước khoảng 5.712 tỷ đồng", 5712, "billion dong", "approx"),
    ("ước khoảng 3.207 tỷ đồng", 3207, "billion dong", "approx"),
    ("trên 6.000 tỷ đồng", 6000, "billion dong", "over"),
    ("từ 10.000 tỷ đồng trở lên", 10000, "billion dong", "at_least"),
    ("từ 4.500 tỷ đồng trở lên", 4500, "billion dong", "at_least"),
    ("từ 8,2% trở lên", 8.2, "percent", "at_least"),
    ("từ 9,5% trở lên", 9.5, "percent", "at_least"),
    ("8% trở lên", 8, "percent", "at_least"),
    ("khoảng trên 10%", 10, "percent", "over"),
    ("6,87%", 6.87, "percent", "exact"),
    ("khoảng 98,14%", 98.14, "percent", "approx"),
    ("gần 98%", 98, "percent", "nearly"),
    ("2.100.000 lượt khách", 2_100_000, "visit", "exact"),
    ("180 ha", 180, "hectare", "exact"),
    ("1.000 ha", 1000, "hectare", "exact"),
    ("05 xã", 5, "commune", "exact"),
    ("07 xã", 7, "commune", "exact"),
    ("100 thôn (làng)", 100, "village", "exact"),
    ("287 đảng viên", 287, "member", "exact"),
    ("212 lao động trở lên", 212, "person", "at_least"),
    ("trên 81%", 81, "percent", "over"),
    ("1.585 dịch vụ công trực tuyến toàn trình", 1585, "service", "exact"),
    ("2,1 triệu lượt khách", 2.1, "million visit", "exact"),
    ("không quá 5%", 5, "percent", "at_most"),
    ("dưới 3%", 3, "percent", "under"),
    ("ít nhất 75%", 75, "percent", "at_least"),
    ("xấp xỉ 1.000 tỷ đồng", 1000, "billion dong", "approx"),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"), SEED_PHRASES, ids=[p[0] for p in SEED_PHRASES]
)
def test_seed_phrases(text, value, unit, qualifier):
    r = parse_quantity(text)
    assert r.value == pytest.approx(value)
    assert r.unit == ureg.Unit(unit)
    assert r.qualifier == qualifier
    assert r.low == r.high == r.value
    assert r.text == text


def test_quantity_in_base_units():
    assert parse_quantity("khoảng 830 tỷ đồng").quantity.to("dong").magnitude == 830e9
    assert parse_quantity("2,1 triệu lượt khách").quantity.to("visit").magnitude == pytest.approx(2.1e6)
    assert parse_quantity("2.100.000 lượt khách").quantity.to("visit").magnitude == 2.1e6


def test_fraction_keeps_denominator():
    r = parse_quantity("699/756")
    assert (r.value, r.denominator) == (699, 756)
    assert round(r.share, 2) == 92.46
    r = parse_quantity("29.397/31.905 đảng viên")
    assert (r.value, r.denominator, r.unit) == (29397, 31905, ureg.member)


@pytest.mark.parametrize("text", ["từ 7% đến 7,5%", "7-7,5%", "7–7,5%", "7 – 7,5 %", "7% - 7,5%"])
def test_ranges(text):
    r = parse_quantity(text)
    assert (r.low, r.high, r.qualifier, r.unit) == (7.0, 7.5, "range", ureg.percent)
    assert r.value == pytest.approx(7.25)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.326,4", 1326.4),
        ("2.100.000", 2_100_000),
        ("05", 5),
        ("6,87%", 6.87),
        ("2,1 triệu", 2.1e6),
        ("1,5 nghìn tỷ", 1.5e12),
        ("-3", -3),
        ("0,5", 0.5),
        ("1.000", 1000),
        ("12", 12),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_foreign_style_gets_a_hint():
    with pytest.raises(ParseError, match="did you mean '1.326,4'") as info:
        parse_number("1,326.4")
    assert info.value.text == "1,326.4"
    assert info.value.position == 5


def test_error_names_source():
    with pytest.raises(ParseError, match=r"in 003\.txt line 12"):
        parse_number("1.32.6", source="003.txt line 12")


def test_unicode_variants_parse_the_same():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "khoảng\u00a0830\ttỷ đồng")
    assert parse_quantity(nfd).quantity == parse_quantity("khoảng 830 tỷ đồng").quantity


def test_reading_validates():
    with pytest.raises(ParseError):
        Reading("x", 1.0, ureg.percent, "sort_of")  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        Reading("x", math.nan, ureg.percent)
    with pytest.raises(ParseError):
        Reading("x", 5.0, ureg.percent, "range", low=6.0, high=7.0)


def test_format_number():
    assert format_number(1326.4) == "1.326,4"
    assert format_number(2_100_000) == "2.100.000"
    assert format_number(6.8712, decimals=2) == "6,87"
    assert format_number(2.5, decimals=0) == "3"  # half away from zero, as reports round
    assert format_number(-1234.5) == "-1.234,5"
    with pytest.raises(ParseError):
        format_number(math.nan)
    with pytest.raises(ParseError):
        format_number(math.inf)


def test_format_quantity():
    assert format_quantity(2500, "billion dong", "nearly") == "gần 2.500 tỷ đồng"
    assert format_quantity(8.2, "percent", "at_least") == "từ 8,2% trở lên"
    assert format_quantity(2_100_000, "visit", lang="en") == "2,100,000 visits"


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
@example(0.1 + 0.2)
@example(1e20)
@example(-0.0)
@example(5e-324)
def test_format_parse_round_trip(x):
    assert parse_number(format_number(x)) == x


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=4))
def test_rounded_format_is_within_half_a_unit(x, decimals):
    assert abs(parse_number(format_number(x, decimals=decimals)) - x) <= 0.5 * 10**-decimals + 1e-9 * abs(x)


@given(st.text(max_size=60))
def test_parse_quantity_never_returns_nan(text):
    try:
        r = parse_quantity(text)
    except (ParseError, UnitError):
        return
    assert math.isfinite(r.value)


@given(
    st.integers(1, 999),
    st.integers(0, 999),
    st.sampled_from(["tỷ đồng", "triệu đồng", "người", "nghìn lượt"]),
)
def test_a_number_written_part_in_words(high, low, unit):
    """ "59 nghìn 642 tỷ đồng" is 59.642 tỷ đồng; "3 triệu 508 nghìn lượt" 3.508 nghìn lượt (da_nang_2023-06-01)."""
    r = parse_quantity(f"{high} nghìn {low:03d} {unit}")
    assert r.value == high * 1000 + low and r.unit == parse_quantity(f"1 {unit}").unit
    if unit == "nghìn lượt":
        r = parse_quantity(f"{high} triệu {low:03d} nghìn lượt")
        assert r.value == high * 1000 + low and r.quantity.to("visit").magnitude == (high * 1000 + low) * 1000
