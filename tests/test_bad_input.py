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
# what a span's message names where it is not the whole text
SPAN_NAMED = {"giai đoạn 2025-2021": "period 2025-2021 ends before it starts"}


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
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", SPANS)
def test_bad_spans(text):
    with pytest.raises(PeriodError) as info:
        ktstats.parse_span(text)
    assert SPAN_NAMED.get(text, repr(text)) in str(info.value)


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
    # 47 different malformed texts besides the CSV rows in test_dataset.py (none repeated to pad the
    # count), and each one is refused by its parser: counted by running them, not by the lists' lengths
    tried, refused = set(), set()
    for parse, texts, errors in (
        (ktstats.parse_number, NUMBERS, ParseError),
        (ktstats.parse_quantity, [q[0] for q in QUANTITIES], (ParseError, UnitError)),
        (ktstats.parse_span, SPANS, PeriodError),
        (ktstats.parse_unit, UNITS, UnitError),
    ):
        for text in texts:
            tried.add((parse.__name__, text))
            try:
                parse(text)
            except errors:
                refused.add((parse.__name__, text))
    assert refused == tried and len(refused) == 47


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


# --- targets, series operations and files: each with the exact error and the value named ---------


def _series(
    values=(1.0, 2.0), start="2024Q1", freq="Q", unit="tỷ đồng", kind="flow", basis="period", name="revenue"
):
    return ktstats.IndicatorSeries(
        list(values),
        pd.period_range(start, periods=len(values), freq=freq),
        unit=unit,
        kind=kind,
        basis=basis,
        indicator=name,
    )


def _file(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


HEADER = "indicator,region,period_start,period_end,measure,value,unit,qualifier,document,quote\n"
ROW = 'grdp_growth,kon_tum,2024-01,2024-03,actual,6.45,percent,exact,003.txt,"tăng trưởng đạt 6,45%"\n'

OPERATIONS = [
    # id, call (tmp_path -> None), error, text that must appear in the message
    (
        "target without value",
        lambda t: ktstats.parse_target("phấn đấu hoàn thành"),
        ParseError,
        "phấn đấu hoàn thành",
    ),
    ("target of dates only", lambda t: ktstats.parse_target("năm 2024"), ParseError, "năm 2024"),
    (
        "target range with bound",
        lambda t: ktstats.parse_target("trên 7-8%"),
        ParseError,
        "'trên' cannot qualify",
    ),
    ("target unknown indicator", lambda t: ktstats.parse_target("8%", indicator="gdp"), DataError, "gdp"),
    (
        "attainment percent vs points",
        lambda t: ktstats.attainment(
            ktstats.Q_(3, "percent"), ktstats.parse_target("Tỷ lệ hộ nghèo giảm 3%")
        ),
        UnitError,
        "percent",
    ),
    (
        "attainment ha vs đồng",
        lambda t: ktstats.attainment(ktstats.Q_(3, "ha"), ktstats.parse_target("trên 6.000 tỷ đồng")),
        UnitError,
        "hectare",
    ),
    (
        "attainment of nothing",
        lambda t: ktstats.attainment(None, ktstats.parse_target("trên 6.000 tỷ đồng")),
        DataError,
        "None",
    ),
    (
        "rates summed",
        lambda t: _series(kind="rate", unit="%") + _series(kind="rate", unit="%"),
        UnitError,
        "never sums",
    ),
    (
        "percent plus points",
        lambda t: _series(kind="rate", unit="%") - _series(kind="rate", unit="pp"),
        UnitError,
        "percentage_point",
    ),
    ("frequencies differ", lambda t: _series() + _series(start="2024-01", freq="M"), PeriodError, "(M)"),
    ("periods differ", lambda t: _series() + _series(start="2024Q3"), PeriodError, "2024Q3"),
    ("basis differs", lambda t: _series() + _series(basis="ytd"), PeriodError, "ytd"),
    ("bare number added", lambda t: _series() + 5, UnitError, "5"),
    ("growth with zero base", lambda t: _series([0.0, 1, 1, 1, 2]).yoy(), DataError, "2024Q1"),
    ("growth of a rate", lambda t: _series(kind="rate", unit="%").yoy(), DataError, "rate"),
    ("ytd of a rate", lambda t: _series(kind="rate", unit="%").to_ytd(), DataError, "rate"),
    (
        "ytd with a gap",
        lambda t: ktstats.IndicatorSeries(
            [1.0, 2.0], pd.PeriodIndex(["2024Q1", "2024Q3"], freq="Q"), unit="%", kind="flow"
        ).to_ytd(),
        DataError,
        "2024Q2",
    ),
    ("missing value", lambda t: _series([1.0, float("nan")]), DataError, "2024Q2"),
    ("compose without weights", lambda t: ktstats.compose_growth([6.0, 7.0], None), DataError, "weights"),
    ("required growth weight 1", lambda t: ktstats.required_growth(8.2, 7.5, 1.0), DataError, "1.0"),
    (
        "csv missing column",
        lambda t: ktstats.load_dataset(str(_file(t, "a.csv", HEADER.replace(",measure", "") + ROW))),
        DataError,
        "measure",
    ),
    (
        "csv unknown unit",
        lambda t: ktstats.load_dataset(str(_file(t, "b.csv", HEADER + ROW.replace("percent", "quả")))),
        DataError,
        "quả",
    ),
    (
        "csv bad span",
        lambda t: ktstats.load_dataset(str(_file(t, "c.csv", HEADER + ROW.replace("2024-03", "2023-03")))),
        DataError,
        "2023-03",
    ),
    (
        "csv foreign number",
        lambda t: ktstats.load_dataset(str(_file(t, "d.csv", HEADER + ROW.replace("6.45", '"6,45"')))),
        DataError,
        "6,45",
    ),
    (
        "csv duplicated key",
        lambda t: ktstats.load_dataset(str(_file(t, "e.csv", HEADER + ROW + ROW))),
        DataError,
        "duplicates row 1",
    ),
    (
        "csv not utf-8",
        lambda t: ktstats.load_dataset(str(_file(t, "f.csv", (HEADER + ROW).encode("utf-16")))),
        DataError,
        "f.csv",
    ),
    (
        "excel damaged",
        lambda t: ktstats.Dataset.read_excel(_file(t, "g.xlsx", b"PK\x03\x04garbage")),
        DataError,
        "g.xlsx",
    ),
    (
        "excel wrong sheet",
        lambda t: ktstats.Dataset.read_excel(_excel(t), sheet="Sheet9"),
        DataError,
        "Sheet9",
    ),
    (
        "excel bad number text",
        lambda t: ktstats.Dataset.read_excel(_excel(t, value="1,326.4")),
        DataError,
        "1,326.4",
    ),
]


def _excel(tmp_path, value="6,45"):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.strip().split(","))
    ws.append([*ROW.strip().split(",")[:5], value, "percent", "exact", "003.txt", "tăng trưởng"])
    path = tmp_path / "h.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("call", "error", "named"), [o[1:] for o in OPERATIONS], ids=[o[0] for o in OPERATIONS]
)
def test_bad_operations_and_files(tmp_path, call, error, named):
    with pytest.raises(error) as info:
        call(tmp_path)
    assert named in str(info.value)


def test_the_suite_has_at_least_sixty_bad_inputs(tmp_path):
    # the 29 operations and files above are different cases, each refused with its error naming the
    # value; with the 47 malformed texts of test_count_of_bad_inputs, 76 bad inputs in all
    refused = set()
    for name, call, error, named in OPERATIONS:
        try:
            call(tmp_path)
        except error as exc:
            if named in str(exc):
                refused.add(name)
    assert refused == {o[0] for o in OPERATIONS} and len(refused) == 29


ADVERSARIAL = [
    "1." * 50_000,
    "1," * 50_000,
    "khoảng " * 20_000,
    "từ " * 20_000 + "5",
    "9" * 100_000,
    "1.000" * 20_000,
    "quý " * 20_000,
    "tháng 1/" * 20_000,
    "%" * 100_000,
    "\u0300" * 50_000,
    "ủy " * 30_000,
    "1 - " * 30_000,
    "trên 1.000 tỷ " * 10_000,
]


def _finite(result):
    """What a parser that did not raise must return: a finite number, reading or target, or a span."""
    from ktstats.lang.numbers import Reading

    if isinstance(result, ktstats.Span):
        return result.months >= 1
    if isinstance(result, (Reading, ktstats.Target)):
        return math.isfinite(result.value)
    return isinstance(result, float) and math.isfinite(result)


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[f"{t[:8]!r}x{len(t)}" for t in ADVERSARIAL])
def test_long_adversarial_strings_parse_or_raise(text):
    for parse, kind, errors in (
        (ktstats.parse_number, float, ParseError),
        (ktstats.parse_quantity, ktstats.lang.numbers.Reading, (ParseError, UnitError)),
        (ktstats.parse_span, ktstats.Span, PeriodError),
        (ktstats.parse_target, ktstats.Target, (ParseError, UnitError)),
    ):
        message = ""
        try:
            result = parse(text)
        except errors as exc:
            message = str(exc)
        else:
            assert isinstance(result, kind) and _finite(result), (parse.__name__, result)
        assert len(message) < 2_000  # long inputs are shortened in messages


@given(st.text(min_size=0, max_size=300))
def test_fuzz_parse_target(text):
    try:
        t = ktstats.parse_target(text)
    except (ParseError, UnitError):
        return
    assert math.isfinite(t.value)
