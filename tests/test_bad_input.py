"""Malformed inputs: each raises the right typed error, and the message names the value."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ktstats
from ktstats import DataError, KtstatsError, ParseError, PeriodError, UnitError

NUMBERS = [
    "1,326.4",
    "1.32.6",
    "1.5",
    "abc",
    "",
    "   ",
    "12,",
    ",5",
    "1..000",
    "1.000.00",
    "--3",
    "6,87%%",
    "1 000",
    "khoảng 830",
    "5e3",
    "0x10",
    "١٢٣",
    "1.326,4,5",
]
QUANTITIES = [
    ("1,326.4 tỷ đồng", ParseError),
    ("830 quả táo", UnitError),
    ("khoảng", ParseError),
    ("từ 5 xã", ParseError),
    ("5% xã", UnitError),
    ("699/", ParseError),
    ("699/0", ParseError),
    ("7 triệu - 8 tỷ đồng", ParseError),
    ("trên 7-8%", ParseError),
    ("8,5-8%", ParseError),
    ("tỷ đồng", ParseError),
    ("2.100.000 lượt khách bay", UnitError),
]
SPANS = [
    "quý V/2024",
    "tháng 13/2024",
    "tháng 0/2024",
    "13 tháng đầu năm 2024",
    "quý 0/2024",
    "3 tháng cuối năm",
    "cả năm",
    "giai đoạn 2025-2021",
    "năm 1492",
    "tháng sau",
    "quý I/24",
    "đầu nhiệm kỳ đến nay",
]
UNITS = ["quả táo", "tỷ quả", "đồng/", "người + xã", "lít"]


@pytest.mark.parametrize("text", NUMBERS)
def test_bad_numbers(text):
    with pytest.raises(ParseError) as info:
        ktstats.parse_number(text)
    assert repr(text) in str(info.value)
    assert info.value.text == text
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("text", "error"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_bad_quantities(text, error):
    with pytest.raises(error) as info:
        ktstats.parse_quantity(text)
    assert repr(text) in str(info.value) or text.split()[-1] in str(info.value)


@pytest.mark.parametrize("text", SPANS)
def test_bad_spans(text):
    with pytest.raises(PeriodError) as info:
        ktstats.parse_span(text)
    assert repr(text) in str(info.value) or text.split("/")[0].split()[-1] in str(info.value)


@pytest.mark.parametrize("text", UNITS)
def test_bad_units(text):
    with pytest.raises(UnitError) as info:
        ktstats.parse_unit(text)
    assert repr(text) in str(info.value)


def test_mixed_units_in_series():
    idx = pd.PeriodIndex(["2024Q1"], freq="Q")
    a = ktstats.IndicatorSeries([1.0], idx, unit="tỷ đồng", kind="flow", indicator="revenue")
    b = ktstats.IndicatorSeries([1.0], idx, unit="USD", kind="flow", indicator="exports")
    with pytest.raises(UnitError, match="'USD'"):
        a + b


def test_non_text_inputs():
    with pytest.raises(ParseError):
        ktstats.parse_number(5)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        ktstats.parse_quantity(None)  # type: ignore[arg-type]
    with pytest.raises(PeriodError):
        ktstats.parse_span(2024)  # type: ignore[arg-type]


def test_unknown_indicator_lists_close_matches():
    with pytest.raises(DataError, match="grdp_growth"):
        ktstats.indicator("grdp_grwth")


def test_every_error_is_a_ktstats_error():
    for cls in (ParseError, UnitError, PeriodError, DataError):
        assert issubclass(cls, KtstatsError) and issubclass(cls, ValueError)


def test_count_of_bad_inputs():
    # the suite tries at least 30 malformed inputs besides the CSV rows in test_dataset.py
    assert len(NUMBERS) + len(QUANTITIES) + len(SPANS) + len(UNITS) >= 40


def test_dataset_inputs_of_the_wrong_type():
    with pytest.raises(DataError):
        ktstats.load_dataset(5)  # type: ignore[arg-type]
    with pytest.raises(DataError):
        ktstats.Dataset([1, 2, 3])  # type: ignore[arg-type]


@given(st.text(max_size=80))
def test_fuzz_parse_number_parses_or_raises_parse_error(text):
    try:
        value = ktstats.parse_number(text)
    except ParseError:
        return
    assert math.isfinite(value)


@given(st.text(max_size=80), st.one_of(st.none(), st.integers(1900, 2200)))
def test_fuzz_parse_span_parses_or_raises_period_error(text, year):
    try:
        span = ktstats.parse_span(text, year=year)
    except PeriodError:
        return
    assert span.months >= 1


@given(st.text(alphabet="0123456789.,%- /trênkhoảngtừ", max_size=40))
def test_fuzz_number_like_text(text):
    try:
        r = ktstats.parse_quantity(text)
    except (ParseError, UnitError):
        return
    assert math.isfinite(r.value) and r.low <= r.value <= r.high
