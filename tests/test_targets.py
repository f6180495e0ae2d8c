import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktstats import (
    Q_,
    DataError,
    IndicatorSeries,
    ParseError,
    Target,
    UnitError,
    attainment,
    load_dataset,
    parse_quantity,
    parse_target,
    ureg,
)

# Every target of Resolution 26-NQ/TU (seed 004) and the 2025 targets of seed 002, as written.
SEED_TARGETS = [
    # phrase, indicator, bound, value, unit, kind
    ("Tốc độ tăng trưởng GRDP của tỉnh tăng từ 9,5% trở lên", "grdp_growth", ">=", 9.5, "percent", "growth"),
    ("cả năm từ 8,2% trở lên", "grdp_growth", ">=", 8.2, "percent", "growth"),
    (
        "thu ngân sách nhà nước trên địa bàn 2.100 tỷ đồng",
        "state_budget_revenue",
        ">=",
        2100,
        "billion dong",
        "level",
    ),
    ("cả năm từ 4.500 tỷ đồng trở lên", "state_budget_revenue", ">=", 4500, "billion dong", "level"),
    (
        "tổng vốn đầu tư phát triển trên địa bàn đạt từ 10.000 tỷ đồng trở lên",
        "total_investment",
        ">=",
        10000,
        "billion dong",
        "level",
    ),
    (
        "vốn đầu tư khu vực tư nhân trên 6.000 tỷ đồng",
        "private_investment",
        ">",
        6000,
        "billion dong",
        "level",
    ),
    (
        "Phấn đấu tỷ lệ giải ngân cuối năm 2024 đạt 100% kế hoạch",
        "public_investment_disbursement",
        ">=",
        100,
        "percent",
        "level",
    ),
    ("Cây cà phê xứ lạnh 180 ha", "planted_area_arabica_coffee", ">=", 180, "hectare", "level"),
    ("cây mía 479 ha", "planted_area_sugarcane", ">=", 479, "hectare", "level"),
    ("Sâm Ngọc Linh 476 ha", "planted_area_ngoc_linh_ginseng", ">=", 476, "hectare", "level"),
    ("cây dược liệu khác 433 ha", "planted_area_other_medicinal", ">=", 433, "hectare", "level"),
    (
        "Phấn đấu đến cuối năm 2024, cải tạo thêm 1.000 ha vườn tạp",
        "mixed_garden_renovated_area",
        ">=",
        1000,
        "hectare",
        "level",
    ),
    ("Có thêm 05 xã đạt chuẩn nông thôn mới.", "communes_new_rural", ">=", 5, "commune", "added"),
    (
        "Phấn đấu đến cuối năm 2024 có 100 thôn (làng) ở vùng đồng bào dân tộc thiểu số",
        "villages_new_rural_ethnic",
        ">=",
        100,
        "village",
        "level",
    ),
    (
        "xã Ngọc Linh, huyện Đăk Glei đạt 13 tiêu chí nông thôn mới vào đầu năm 2025",
        "new_rural_criteria_met",
        ">=",
        13,
        "criterion",
        "level",
    ),
    (
        "Phấn đấu cả năm 2024 có 2.100.000 lượt khách du lịch đến tỉnh.",
        "tourist_visits",
        ">=",
        2_100_000,
        "visit",
        "level",
    ),
    ("Tỷ lệ lao động qua đào tạo đạt 58,5%", "trained_labour_share", ">=", 58.5, "percent", "level"),
    ("giải quyết việc làm cho 212 lao động trở lên", "jobs_created", ">=", 212, "person", "level"),
    ("Tỷ lệ hộ nghèo đến cuối năm 2024 giảm 3%", "poverty_rate", ">=", 3, "percentage_point", "reduction"),
    ("riêng các huyện nghèo giảm 6%", "poverty_rate", ">=", 6, "percentage_point", "reduction"),
    (
        "Tỷ lệ dân số tham gia bảo hiểm y tế tăng thêm 1,03%",
        "health_insurance_coverage",
        ">=",
        1.03,
        "percentage_point",
        "added",
    ),
    (
        "Có từ 75% xã, phường, thị trấn trở lên mạnh về phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "communes_strong_security_movement_share",
        ">=",
        75,
        "percent",
        "level",
    ),
    (
        "85% xã, phường, thị trấn, khu dân cư, cơ quan, trường học đạt tiêu chuẩn an toàn về an ninh trật tự",
        "security_safe_units_share",
        ">=",
        85,
        "percent",
        "level",
    ),
    (
        "tỷ lệ giải quyết tố giác, tin báo về tội phạm và kiến nghị khởi tố đạt 90% trở lên",
        "crime_report_resolution_rate",
        ">=",
        90,
        "percent",
        "level",
    ),
    ("tỷ lệ tội phạm về trật tự xã hội giảm 5%", "social_order_crimes", ">=", 5, "percent", "reduction"),
    ("Kết nạp thêm 287 đảng viên", "party_members_admitted", ">=", 287, "member", "level"),
    (
        "trên 81% quần chúng được tập hợp vào các tổ chức chính trị-xã hội",
        "masses_in_organizations_share",
        ">",
        81,
        "percent",
        "level",
    ),
    ("mục tiêu tăng trưởng đạt 8% trở lên", "grdp_growth", ">=", 8, "percent", "growth"),
    (
        "phấn đấu tốc độ tăng tổng sản phẩm (GRDP) trong tỉnh năm 2025 tỉnh Kon Tum đạt khoảng trên 10%",
        "grdp_growth",
        ">",
        10,
        "percent",
        "growth",
    ),
    (
        "phấn đấu giải ngân 100% kế hoạch vốn được giao",
        "public_investment_disbursement",
        ">=",
        100,
        "percent",
        "level",
    ),
]


@pytest.mark.parametrize(
    ("phrase", "indicator", "bound", "value", "unit", "kind"),
    SEED_TARGETS,
    ids=[t[0][:40] for t in SEED_TARGETS],
)
def test_seed_targets(phrase, indicator, bound, value, unit, kind):
    t = parse_target(phrase, year=2024, indicator=indicator)
    assert (t.bound, t.value, t.unit, t.kind) == (bound, pytest.approx(value), ureg.Unit(unit), kind)


def test_every_dataset_target_is_in_the_table(kon_tum):
    targets = [o for o in kon_tum if o.measure == "target" and o.document[:3] in ("002", "004")]
    # the 8% target of Conclusion 123 is stated twice in 002
    assert len(targets) == len(SEED_TARGETS) + 1
    # each parsed phrase agrees with its dataset row (bound, value, unit, kind)
    parsed = {
        (t.indicator, round(t.value, 6), str(t.unit), t.kind, t.bound)
        for t in (parse_target(p, year=2024, indicator=i) for p, i, *_ in SEED_TARGETS)
    }
    stated = {
        (
            o.indicator,
            round(abs(o.value), 6),
            str(Target.from_observation(o).unit),
            Target.from_observation(o).kind,
            Target.from_observation(o).bound,
        )
        for o in targets
    }
    assert stated == parsed


def test_added_without_indicator_and_for_flows():
    assert parse_target("Kết nạp thêm 287 đảng viên").kind == "added"
    assert parse_target("Kết nạp thêm 287 đảng viên", indicator="party_members_admitted").kind == "level"


def test_spans_and_references():
    assert parse_target("cả năm từ 8,2% trở lên", year=2024).span.label() == "năm 2024"
    assert parse_target("3 tháng cuối năm 2.100 tỷ đồng", year=2024).span.label() == "quý IV/2024"
    assert parse_target("đạt 100% kế hoạch").relative_to == "plan"
    assert parse_target("xã Ngọc Linh đạt 13 tiêu chí vào đầu năm 2025").span is None
    assert parse_target("Tỷ lệ hộ nghèo giảm 3%").better == "lower"


@pytest.mark.parametrize("text", ["", "phấn đấu hoàn thành tốt", "tăng trưởng cao"])
def test_targets_without_a_value(text):
    with pytest.raises(ParseError):
        parse_target(text)


# --- attainment semantics ----------------------------------------------------


def test_over_is_missed_at_the_boundary():
    assert attainment(6000, parse_target("trên 6.000 tỷ đồng")).met is False
    assert attainment(6000.1, parse_target("trên 6.000 tỷ đồng")).met is True


def test_at_least_is_met_at_the_boundary():
    t = parse_target("từ 8,2% trở lên", indicator="grdp_growth")
    a = attainment(8.2, t)
    assert a.met is True and a.ratio is None  # a ratio of growth rates means nothing
    assert a.gap == 0.0 and a.gap_unit == ureg.percentage_point


def test_nearly_is_below():
    t = parse_target("từ 2.500 tỷ đồng trở lên")
    assert attainment(parse_quantity("gần 2.500 tỷ đồng"), t).met is False
    assert attainment(parse_quantity("khoảng 2.500 tỷ đồng"), t).met is True
    assert attainment(parse_quantity("trên 2.500 tỷ đồng"), parse_target("trên 2.500 tỷ đồng")).met is True
    assert attainment(parse_quantity("gần 2.600 tỷ đồng"), t).met is True


def test_lower_is_better_flips():
    t = parse_target("Tỷ lệ hộ nghèo đạt 5%", indicator="poverty_rate")
    assert t.bound == "<="
    assert attainment(4.5, t).met is True
    assert attainment(5.5, t).met is False
    assert attainment(5.5, t).required == pytest.approx(0.5)


def test_reduction_in_points():
    t = parse_target("Tỷ lệ hộ nghèo đến cuối năm 2024 giảm 3%", indicator="poverty_rate")
    assert attainment(Q_(3.2, "pp"), t).met is True
    assert attainment(Q_(2.5, "pp"), t).met is False
    with pytest.raises(UnitError, match="percent"):
        attainment(Q_(3.2, "percent"), t)  # percent is not points


def test_level_ratio_gap_and_required():
    t = parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024, indicator="state_budget_revenue")
    a = attainment(parse_quantity("khoảng 830 tỷ đồng"), t)
    assert a.ratio == pytest.approx(830 / 4500)
    assert a.gap == -3670 and a.required == 3670 and a.met is False
    assert attainment(Q_(4.6, "trillion dong"), t).met is True
    with pytest.raises(UnitError):
        attainment(Q_(5, "ha"), t)


def test_growth_required_with_weight():
    t = parse_target("cả năm từ 8,2% trở lên", indicator="grdp_growth")
    a = attainment(7.5, t, ytd_weight=0.65)
    assert a.required == pytest.approx(9.5) and a.met is False


def test_element_wise_on_a_series():
    s = IndicatorSeries(
        [5000.0, 6000.0, 7000.0], pd.period_range("2022", periods=3, freq="Y"), unit="tỷ đồng", kind="flow"
    )
    a = attainment(s, parse_target("trên 6.000 tỷ đồng"))
    assert a.met.tolist() == [False, False, True]
    frame = a.to_frame()
    assert list(frame.index.astype(str)) == ["2022", "2023", "2024"]
    assert frame["required"].tolist() == [1000.0, 0.0, 0.0]


def test_bad_attainment_inputs():
    with pytest.raises(DataError):
        attainment(object(), parse_target("trên 6.000 tỷ đồng"))
    with pytest.raises(DataError):
        attainment(float("nan"), parse_target("trên 6.000 tỷ đồng"))


bound_and_op = st.sampled_from(
    [
        ("từ {} trở lên", np.greater_equal),
        ("trên {}", np.greater),
        ("không quá {}", np.less_equal),
        ("dưới {}", np.less),
    ]
)


@given(bound_and_op, st.integers(1, 10_000), st.integers(-2, 2))
def test_met_iff_the_bound_holds(phrase_op, t, delta):
    phrase, op = phrase_op
    from ktstats import format_number

    target = parse_target(phrase.format(format_number(t)) + " tỷ đồng")
    actual = t + delta
    assert attainment(actual, target).met == bool(op(actual, t))


def test_dataset_attainment(kon_tum):
    table = kon_tum.attainment()
    assert len(table) == 33  # one row per target (32) and plan (1) of datasets/kon_tum.csv
    budget = table[(table.indicator == "state_budget_revenue") & (table.target_period == "năm 2024")].iloc[0]
    assert budget.status == "in progress" and budget.actual_period == "quý I/2024"
    assert budget.required == 3670 and pd.isna(budget.met)
    growth = table[(table.indicator == "grdp_growth") & (table.target_period == "năm 2024")].iloc[0]
    assert growth.gap == pytest.approx(6.45 - 8.2) and growth.gap_unit == "percentage_point"
    assert set(table.status) <= {"met", "not met", "in progress", "no comparable actual"}


def test_attainment_against_a_target_from_the_data():
    ds = load_dataset("kon_tum")
    target = next(o for o in ds if o.indicator == "tourist_visits")
    assert attainment(2_200_000, target).met is True
    assert attainment(Q_(2.0, "million visit"), target).met is False


def test_spans_must_match(kon_tum):
    from ktstats import PeriodError

    q1 = next(
        o
        for o in kon_tum
        if o.indicator == "state_budget_revenue" and o.span.label() == "quý I/2024" and o.form == "level"
    )
    annual = parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2024)
    assert attainment(q1, annual).ratio == pytest.approx(830 / 4500)  # year to date vs the year: fine
    q4 = parse_target("3 tháng cuối năm 2.100 tỷ đồng", year=2024)
    with pytest.raises(PeriodError, match="quý I/2024"):
        attainment(q1, q4)
    with pytest.raises(PeriodError):
        attainment(q1, parse_target("cả năm từ 4.500 tỷ đồng trở lên", year=2025))
