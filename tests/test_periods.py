import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktstats import PeriodError, Span, parse_span

CASES = [
    ("tháng 9/2024", "2024-09", "2024-09", "month"),
    ("tháng 9 năm 2024", "2024-09", "2024-09", "month"),
    ("quý I/2024", "2024-01", "2024-03", "quarter"),
    ("quý 1/2024", "2024-01", "2024-03", "quarter"),
    ("Quý IV năm 2024", "2024-10", "2024-12", "quarter"),
    ("6 tháng đầu năm 2023", "2023-01", "2023-06", "ytd"),
    ("9 tháng năm 2024", "2024-01", "2024-09", "ytd"),
    ("9 tháng đầu năm 2023", "2023-01", "2023-09", "ytd"),
    ("Trong 9 tháng của năm 2024", "2024-01", "2024-09", "ytd"),
    ("cả năm 2024", "2024-01", "2024-12", "year"),
    ("năm 2024", "2024-01", "2024-12", "year"),
    ("giai đoạn 2021-2025", "2021-01", "2025-12", "years"),
    ("giai đoạn 2021 - 2025", "2021-01", "2025-12", "years"),
    ("nhiệm kỳ 2020-2025", "2020-01", "2025-12", "years"),
    ("thời kỳ 2021–2030", "2021-01", "2030-12", "years"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), CASES, ids=[c[0] for c in CASES])
def test_parse_span(text, start, end, kind):
    s = parse_span(text)
    assert (str(s.start), str(s.end), s.kind) == (start, end, kind)


def test_phrases_that_need_a_year():
    assert parse_span("3 tháng cuối năm", year=2024) == Span("2024-10", "2024-12")
    assert parse_span("cả năm", year=2024) == Span.whole_year(2024)
    assert parse_span("quý I", year=2024) == Span.quarter(2024, 1)
    with pytest.raises(PeriodError, match="year="):
        parse_span("3 tháng cuối năm")


def test_term_to_date():
    s = parse_span("từ đầu nhiệm kỳ đến nay", term_start="2020-10", as_of="2024-03")
    assert s.months == 42
    with pytest.raises(PeriodError, match="term_start"):
        parse_span("đầu nhiệm kỳ đến nay")


@pytest.mark.parametrize(
    "text",
    [
        "quý V/2024",
        "tháng 13/2024",
        "tháng 0/2024",
        "13 tháng đầu năm 2024",
        "quý 0/2024",
        "những tháng cuối năm 2024",
        "hôm qua",
        "giai đoạn 2025-2021",
        "năm 1492",
        "12 tháng cuối năm 2024",
    ],
)
def test_impossible_periods(text):
    with pytest.raises(PeriodError):
        parse_span(text)


def test_span_properties():
    s = parse_span("9 tháng năm 2024")
    assert s.months == 9 and s.is_ytd and s.year == 2024
    assert s.same_period_last_year() == parse_span("9 tháng năm 2023")
    assert s.rest_of_year() == parse_span("3 tháng cuối năm 2024")
    assert s.rest_of_year().label() == "quý IV/2024"
    with pytest.raises(PeriodError):
        parse_span("cả năm 2024").rest_of_year()
    assert not parse_span("quý II/2024").is_ytd
    assert parse_span("giai đoạn 2021-2025").year is None


def test_labels_round_trip():
    for text, *_ in CASES:
        s = parse_span(text)
        assert parse_span(s.label()) == s


def test_span_validation():
    with pytest.raises(PeriodError):
        Span("2024-09", "2024-01")
    with pytest.raises(PeriodError):
        Span("2024-13", "2024-12")
    with pytest.raises(PeriodError):
        Span.quarter(2024, 5)


@given(st.integers(1950, 2100), st.integers(1, 11))
def test_ytd_plus_rest_is_the_whole_year(year, months):
    ytd = Span.year_to_date(year, months)
    rest = ytd.rest_of_year()
    assert ytd.months + rest.months == 12
    assert rest.start == ytd.end + 1 and rest.end == pd.Period(f"{year}-12", freq="M")


@given(st.integers(1950, 2100), st.integers(1, 12), st.integers(1, 12))
def test_same_period_last_year_keeps_length(year, a, b):
    s = Span(f"{year}-{min(a, b):02d}", f"{year}-{max(a, b):02d}")
    last = s.same_period_last_year()
    assert last.months == s.months and last.start.year == year - 1 and last.start.month == s.start.month
