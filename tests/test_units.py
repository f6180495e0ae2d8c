import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ktstats
from ktstats import Q_, UnitError, parse_unit, ureg
from ktstats.lang.units import conversion_factor, format_unit, unit_to_str


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("tỷ đồng", "billion dong"),
        ("tỉ đồng", "billion dong"),
        ("nghìn tỷ đồng", "trillion dong"),
        ("ngàn tỷ đồng", "trillion dong"),
        ("triệu đồng", "million dong"),
        ("triệu USD", "million USD"),
        ("lượt khách", "visit"),
        ("triệu lượt khách", "million visit"),
        ("héc-ta", "hectare"),
        ("ha", "hectare"),
        ("%", "percent"),
        ("điểm phần trăm", "percentage_point"),
        ("xã", "commune"),
        ("thôn (làng)", "village"),
        ("đảng viên", "member"),
        ("dịch vụ công trực tuyến toàn trình", "service"),
        ("billion dong", "billion dong"),
        ("", ""),
    ],
    ids=lambda s: s or "empty",
)
def test_lexicon_phrases(phrase, expected):
    assert unit_to_str(parse_unit(phrase)) == expected


def test_scale_words_convert_exactly():
    assert conversion_factor("nghìn tỷ đồng", "tỷ đồng") == 1000.0
    assert conversion_factor("tỷ đồng", "đồng") == 1e9
    assert Q_(830, "billion dong").to("dong").magnitude == 830e9


def test_percentage_point_is_not_percent():
    with pytest.raises(UnitError, match="percentage_point"):
        conversion_factor("pp", "%")
    with pytest.raises(pint.errors.DimensionalityError):
        Q_(3, "pp") + Q_(3, "percent")


def test_counts_are_distinct_dimensions():
    with pytest.raises(UnitError, match="commune.*person"):
        conversion_factor("commune", "person")
    with pytest.raises(UnitError):
        conversion_factor("visit", "person")
    with pytest.raises(UnitError):
        conversion_factor("USD", "dong")  # no implicit exchange rate


def test_unknown_unit_is_a_unit_error():
    with pytest.raises(UnitError, match="quả táo"):
        parse_unit("quả táo")


def test_labels():
    assert format_unit("billion dong") == "tỷ đồng"
    assert format_unit("trillion dong") == "nghìn tỷ đồng"
    assert format_unit("visit", lang="en") == "visits"
    with pytest.raises(UnitError):
        format_unit("dong", lang="fr")


def test_registry_is_shared():
    assert ktstats.ureg is ureg
    assert ktstats.Q_ is ureg.Quantity


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(["thousand", "million", "billion", "trillion"]),
)
def test_conversion_round_trip(x, scale):
    there = x * conversion_factor(f"{scale} dong", "dong")
    back = there * conversion_factor("dong", f"{scale} dong")
    assert back == pytest.approx(x, rel=1e-12, abs=1e-9)
