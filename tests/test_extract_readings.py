"""Readings of report prose added in 0.20.0 (issue 14), each on a sentence of a development text of the corpus
(`datasets/corpus/dev/`), and each failing without its rule."""

from __future__ import annotations

import warnings

import pandas as pd

import ktstats


def _extract(text: str, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ktstats.extract(text, **kw).to_frame()


def _at(frame: pd.DataFrame, value: float, *columns: str) -> list[list]:
    """The ``columns`` of the rows of ``frame`` whose value is ``value``."""
    return frame.loc[frame["value"] == value, list(columns)].values.tolist()


def _measures(frame: pd.DataFrame) -> dict[float, str]:
    return {float(r.value): str(r.measure) for r in frame.itertuples()}


def test_the_sum_so_far_after_a_months_estimate_is_an_estimate():
    # dev gia_lai_2025_2025-09-09_thang8 and binh_duong_2025-06-01_ngansach: "ước đạt …; lũy kế 5 tháng đạt …"
    # — the clause of the year so far has no subject of its own, and its sum holds the month's estimate
    f = _extract(
        "Tháng 5/2025, kim ngạch xuất khẩu ước đạt gần 3,4 tỷ USD, tăng 23,3% so với cùng kỳ; lũy kế 5 tháng đạt "
        "14,8 tỷ USD, tăng 9,9% so với cùng kỳ.",
        region="Bình Dương",
    )
    assert _measures(f) == {3.4: "estimate", 23.3: "estimate", 14.8: "estimate", 9.9: "estimate"}
    # a clause with a subject of its own after the ";" is that subject's result
    f = _extract(
        "Tháng 5/2025, kim ngạch xuất khẩu ước đạt 3,4 tỷ USD; kim ngạch nhập khẩu đạt 2,5 tỷ USD.",
        region="Bình Dương",
    )
    assert _measures(f) == {3.4: "estimate", 2.5: "actual"}


def test_a_line_setting_goals_heads_the_bulleted_lines_after_it():
    # dev phu_yen_2019-01-02_chitieu: the bullets under "… đưa ra 5 chỉ tiêu kinh tế chủ yếu, trong đó:" are goals
    text = (
        "Năm 2019, Phú Yên đưa ra 5 chỉ tiêu kinh tế chủ yếu, trong đó:\n- Tốc độ tăng GRDP:  8,3%.\n"
        "- Tổng thu ngân sách trên địa bàn: 5.500 tỷ đồng.\n"
        "- Tổng vốn đầu tư phát triển toàn xã hội: 18.500 tỷ đồng.\n\n"
        "Tuy nhiên, nhìn lại năm 2018, tốc độ tăng trưởng kinh tế đạt 8,21%."
    )
    f = _extract(text)
    assert _measures(f) == {8.3: "target", 5500.0: "target", 18500.0: "target", 8.21: "actual"}
    # dev ben_tre_2024-01-04_nam2023: a line over results heads nothing
    text = (
        "Một số chỉ tiêu kinh tế – xã hội chủ yếu của tỉnh năm 2023 như sau:\n"
        "- Thu ngân sách trên địa bàn tỉnh: 4.856 tỷ đồng, + 10,70%\n"
    )
    assert set(_measures(_extract(text, region="Bến Tre")).values()) == {"actual"}
    # and a line setting goals heads only the bullets right after it
    sents = ktstats.lang.sentences.sentences(
        text.replace("Một số", "Tỉnh đề ra một số") + "Thu nội địa 4.000 tỷ."
    )
    assert [bool(h) for _, h in sents] == [False, True, False]


def test_import_and_export_duties_are_revenue_from_trade():
    # dev hung_yen_2025_2025-11-17_ngansach: "thuế xuất nhập khẩu" beside "thu nội địa"
    f = _extract(
        "Tháng 10/2025, thu ngân sách đạt 2.864 tỷ đồng. Trong đó, thu nội địa đạt 2.324 tỷ đồng, thuế xuất nhập "
        "khẩu đạt 540 tỷ đồng, tăng 4,43%.",
        region="Hưng Yên",
    )
    filed = {float(r.value): str(r.indicator) for r in f.itertuples()}
    assert filed[540.0] == filed[4.43] == "trade_revenue" and filed[2324.0] == "domestic_revenue"


def test_a_sentence_opening_on_a_month_carries_it():
    # dev thua_thien_hue_2023-02-03_thang1: "Trong tháng 1 năm 2023, …" opens the report of January; the figures
    # after it with no period of their own are January's, not the year's
    f = _extract(
        "Trong tháng 1 năm 2023, khách du lịch đến Huế ước đạt 240.000 lượt, gấp 9 lần so với cùng kỳ. Doanh thu "
        "từ du lịch ước đạt 639 tỷ đồng, tăng hơn 11 lần so với cùng kỳ. Tổng mức bán lẻ hàng hóa, dịch vụ tiêu "
        "dùng xã hội đạt 4.697 tỷ đồng.",
        region="Thừa Thiên Huế",
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2023-01", "2023-01")}


def test_a_share_of_the_estimate_then_the_change_of_the_same_revenue():
    # dev da_nang_2025_2025-12-31_ngansach: "TP." ends no sentence; "vượt hơn 20%" is more than 20 %; "so với
    # cùng thời điểm năm 2024" is the same period of last year; and the revenue named before "vượt … dự toán"
    # is still the subject of the change after it
    f = _extract(
        "TPO - Năm 2025, tổng thu ngân sách nhà nước trên địa bàn TP. Đà Nẵng vượt hơn 20% dự toán được giao, tăng "
        "16,4% so với cùng thời điểm năm 2024."
    )
    got = {(float(r.value), r.indicator, r.form, r.relative_to, r.qualifier) for r in f.itertuples()}
    assert got == {
        (20.0, "state_budget_revenue", "change", "budget_estimate", "over"),
        (16.4, "state_budget_revenue", "change", "same_period_last_year", "exact"),
    }
    assert ktstats.lang.sentences.sentences("Tại TP. Đà Nẵng, thu 100 tỷ. Tiếp theo.")[0][0].endswith(
        "100 tỷ."
    )
    # dev phu_yen_2021-12-08_ngansach (shape): a share of the estimate, then the change, of the revenue named
    f = _extract(
        "Năm 2021, tổng thu ngân sách nhà nước đạt 120% dự toán, tăng 16,4% so với cùng kỳ.", region="Phú Yên"
    )
    assert set(f["indicator"]) == {"state_budget_revenue"} and len(f) == 2


def test_the_months_a_price_index_is_averaged_over_do_not_carry():
    # dev thua_thien_hue_2022-12-07_ngansach: "CPI bình quân 10 tháng" is the index's window, not the period the
    # year's report goes on speaking of
    f = _extract(
        "Năm 2022, tổng sản phẩm trong tỉnh (GRDP) ước đạt 65.700 tỷ đồng. Chỉ số giá tiêu dùng (CPI) bình quân 10 "
        "tháng ước tăng 3,63% so với cùng kỳ. Thu ngân sách nhà nước của tỉnh ước đạt 12.701 tỷ đồng.",
        region="Thừa Thiên Huế",
    )
    spans = {float(r.value): (str(r.period_start), str(r.period_end)) for r in f.itertuples()}
    assert spans[3.63] == ("2022-01", "2022-10") and spans[12701.0] == ("2022-01", "2022-12")


def test_the_month_of_a_meeting_dates_no_figure_of_the_year_before():
    # dev dong_thap_2025_2026-01-23_giaoban: "tại cuộc họp giao ban báo chí tháng 1-2026, … trong năm 2025, … đạt
    # mức 8%": the figure is the year 2025's, and the meeting's month is no period the text goes on speaking of
    f = _extract(
        "Chiều 23-1, tại cuộc họp giao ban báo chí tháng 1-2026, ông Văn Công Minh - Phó Chánh Văn phòng UBND tỉnh "
        "Đồng Tháp - cho biết trong năm 2025, tốc độ tăng trưởng kinh tế của tỉnh đạt mức 8%. Tổng vốn đầu tư toàn "
        "xã hội của tỉnh đạt hơn 85.500 tỉ đồng."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2025-01", "2025-12")}
    assert len(f) == 2


def test_con_so_is_a_figure_not_a_document_number():
    # dev dong_thap_2025_2026-01-23_giaoban: "con số 2.730 doanh nghiệp thành lập mới" (the figure of), not "số
    # 2.730" (document number 2.730)
    f = _extract(
        "Năm 2025, nền kinh tế tỉnh Đồng Tháp còn thể hiện qua con số 2.730 doanh nghiệp thành lập mới, vượt xa kế "
        "hoạch đề ra. Theo Nghị quyết số 12/NQ-TU, tỉnh phấn đấu."
    )
    assert f[["indicator", "value"]].values.tolist() == [["new_enterprises", 2730.0]]


def test_the_months_so_far_not_the_year_they_head_for_carry():
    # dev thai_nguyen_2025_2025-11-06_xuatkhau: "trong 10 tháng qua, … ước tính cả năm 2025 đạt 30 tỷ USD" — the
    # revenue of the next paragraph is of the 10 months, as the sentence's results are
    f = _extract(
        "Theo ông Lê Kim Phúc, trong 10 tháng qua, giá trị xuất khẩu của tỉnh Thái Nguyên đạt hơn 25,5 tỷ USD, "
        "bằng 85,1% so với kế hoạch năm, ước tính cả năm 2025 đạt 30 tỷ USD.\n\nThu ngân sách nhà nước trên địa "
        "bàn tỉnh đạt hơn 19.700 tỷ đồng."
    )
    spans = {float(r.value): (str(r.period_start), str(r.period_end)) for r in f.itertuples()}
    assert spans[25.5] == spans[19700.0] == ("2025-01", "2025-10") and spans[30.0] == ("2025-01", "2025-12")


def test_in_the_month_before_a_figure_is_the_months():
    # dev khanh_hoa_2025_2025-10-27_dulich: "Tổng doanh thu du lịch trong tháng ước đạt 4.157,5 tỷ đồng" in a
    # report of October that also gives the ten months; "… trong tháng và lũy kế đạt …" stays the sum so far
    f = _extract(
        "Tính chung 10 tháng năm 2025, tổng lượt khách ước đạt hơn 14,8 triệu lượt. Tổng doanh thu du lịch trong "
        "tháng ước đạt 4.157,5 tỷ đồng, tăng 52,9% so với cùng kỳ năm trước. Tổng mức bán lẻ đã đạt 3.470 tỷ đồng "
        "trong tháng và lũy kế đạt 36.920 tỷ đồng.",
        region="Khánh Hòa",
    )
    spans = {float(r.value): (str(r.period_start), str(r.period_end)) for r in f.itertuples()}
    month, so_far = ("2025-10", "2025-10"), ("2025-01", "2025-10")
    assert [spans[v] for v in (4157.5, 52.9, 3470.0)] == [month] * 3
    assert [spans[v] for v in (14.8, 36920.0)] == [so_far] * 2


def test_the_highest_but_n_in_the_country_is_a_national_rank():
    # dev ninh_thuan_2024-09-19_grdp: "là mức tăng trưởng cao thứ 8 so với cả nước"
    f = _extract(
        "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng năm 2023 của Ninh Thuận tăng 7,95%, là mức tăng trưởng cao thứ 8 "
        "so với cả nước và cao nhất khu vực miền Trung."
    )
    assert f[["indicator", "value"]].values.tolist() == [
        ["grdp_growth", 7.95],
        ["grdp_growth_rank_national", 8.0],
    ]


def test_a_colon_or_a_slash_glued_to_a_number_separates_it():
    # dev phu_yen_2019-01-02_chitieu: "xuất khẩu:165 triệu USD" was passed over as a code ("COVID-19");
    # dev nghe_an_2025_2025-10-17_9thang: "đạt 45,27%/tổng kế hoạch" was refused as no number
    scan = ktstats.lang.scan.numbers_in
    ((reading, start, _),) = scan("Tổng kim ngạch xuất khẩu:165 triệu USD.")
    assert (reading.value, start) == (165.0, 25)
    read = [
        w.value for w, _, _ in scan("giải ngân 4.624,269 tỷ đồng, đạt 45,27%/tổng kế hoạch") if w is not None
    ]
    assert read == [4624.269, 45.27]
    assert [w for w, _, _ in scan("lúc 18:21")] == [None]  # a time stays no figure


def test_visitors_of_a_kind_are_no_part_of_an_amount_of_money():
    # dev quang_ninh_2025_2025-10-02_tangtruong: "… đã đón 17,11 triệu lượt khách, trong đó khách quốc tế tăng
    # 25%, mang về tổng doanh thu ấn tượng 44.250 tỷ đồng": the revenue is the whole's; the 25 % is the part's
    f = _extract(
        "Đặc biệt, 9 tháng năm 2025, du lịch tiếp tục là điểm sáng khi tỉnh đã đón 17,11 triệu lượt khách, trong đó "
        "khách quốc tế tăng 25%, mang về tổng doanh thu ấn tượng 44.250 tỷ đồng.",
        region="Quảng Ninh",
    )
    assert f[["indicator", "value"]].values.tolist() == [
        ["tourist_visits", 17.11],
        ["tourism_revenue", 44250.0],
    ]


def test_a_bare_share_is_of_the_budget_a_share_before_it_names():
    # dev hai_phong_2025_2025-08-06_tkktxh: "… bằng 85,5% dự toán Trung ương …; thu từ hoạt động xuất nhập khẩu
    # đạt 47.575,9 tỷ đồng, bằng 71,44% và tăng 24,08%": of the centre's estimate too
    f = _extract(
        "Ước tính 7 tháng/2025, thu nội địa đạt 63.848,4 tỷ đồng, bằng 85,5% dự toán Trung ương và tăng 34,65%; thu "
        "từ hoạt động xuất nhập khẩu đạt 47.575,9 tỷ đồng, bằng 71,44% và tăng 24,08%.",
        region="Hải Phòng",
    )
    refs = {float(r.value): r.relative_to for r in f.itertuples() if r.form == "ratio"}
    assert refs == {85.5: "budget_estimate_central", 71.44: "budget_estimate_central"}
    # a plan named for another figure is no budget estimate (dev kon_tum_2022-10-31_phienhop9t)
    f = _extract(
        "9 tháng năm 2022, tổng vốn đầu tư toàn xã hội đạt trên 16.000 tỷ đồng, đạt hơn 73% kế hoạch năm; thu ngân "
        "sách nhà nước đạt 2.900 tỷ đồng, đạt trên 70%.",
        region="Kon Tum",
    )
    assert {float(r.value): r.relative_to for r in f.itertuples() if r.form == "ratio"}[
        70.0
    ] == "budget_estimate"


def test_a_december_figure_stays_the_month_and_a_word_of_a_qualifier_qualifies_nothing():
    # dev kien_giang_2018-01-18_xuatkhau: "Tháng 12 dự tính đạt 41,68 triệu USD, tăng 8,64% so với tháng trước":
    # "tính" (a word of "ước tính") refused the number; the change of December is December's, not the year's
    f = _extract(
        "Năm 2017, kim ngạch hàng hóa xuất khẩu: Tháng 12 dự tính đạt 41,68 triệu USD, tăng  8,64% so với tháng "
        "trước. Thực hiện nhập khẩu hàng hóa tháng 12/2017 ước đạt 4,16 triệu USD, tăng 18,91% so với tháng trước.",
        region="Kiên Giang",
    )
    got = {float(r.value): (str(r.period_start), str(r.period_end), r.measure) for r in f.itertuples()}
    december = ("2017-12", "2017-12", "estimate")
    assert got == {41.68: december, 8.64: december, 4.16: december, 18.91: december}
    # a qualifier that cannot apply still refuses the reading
    assert isinstance(ktstats.lang.scan.numbers_in("tăng trên 7-8%")[0][0], str)


def test_after_n_months_right_after_a_figure_is_its_span():
    # dev thanh_hoa_2025_2025-08-26_ngansach: "thu ngân sách 38.907 tỷ đồng sau 8 tháng" is January–August
    f = _extract(
        "Tháng 8/2025, Thanh Hóa đạt kết quả nổi bật: thu ngân sách 38.907 tỷ đồng sau 8 tháng, vốn FDI đăng ký "
        "vượt 400 triệu USD."
    )
    assert (str(f.iloc[0]["period_start"]), str(f.iloc[0]["period_end"])) == ("2025-01", "2025-08")


def test_since_the_start_of_the_year_runs_to_when_the_text_was_written():
    # dev ca_mau_2025_2025-11-26_dulich: "Ngày 26.11, …, từ đầu năm 2025 đến nay, tỉnh đón hơn 7,4 triệu lượt khách"
    # is January–November, and the figures after it are too; "26.11" is a date, "cùng kỳ 2024" a year compared with
    text = (
        "Ngày 26.11, tin từ Sở VH-TT-DL tỉnh Cà Mau cho biết, từ đầu năm 2025 đến nay, tỉnh đón hơn 7,4 triệu "
        "lượt khách, tăng 13,26% so với cùng kỳ 2024 và đạt 93,57% kế hoạch năm. Doanh thu du lịch đạt 7.700 tỉ "
        "đồng, tăng 16,57% và hoàn thành 90,52% kế hoạch."
    )
    ds = ktstats.extract(text)
    f = ds.to_frame()
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2025-01", "2025-11")}
    assert len(f) == 6 and not len(ds.unattached)
    # a report of the months so far runs "đến nay" to its months, not to the day it was published
    # (dev tay_ninh_2025_2025-10-07_quy3)
    f = _extract(
        "Trong 9 tháng năm 2025, tốc độ tăng trưởng GRDP đạt 9,52%.\n\nChiều 7-10, UBND tỉnh Tây Ninh tổ chức họp "
        "báo. Từ đầu năm đến nay, tỉnh thành lập mới hơn 3.200 doanh nghiệp."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2025-01", "2025-09")}


def test_domestic_revenue_under_other_names():
    # dev dong_nai_2021-04-01_ngansach ("thu ngân sách nội địa"), dong_nai_2025_2026-01-01_ngansach ("thu từ lĩnh
    # vực nội địa")
    for name in ("thu ngân sách nội địa", "thu từ lĩnh vực nội địa", "thu từ nội địa"):
        f = _extract(f"Năm 2021, trong đó, {name} ước đạt 21,5 ngàn tỷ đồng.", region="Đồng Nai")
        assert f["indicator"].tolist() == ["domestic_revenue"], name


def test_passing_a_mark_is_more_than_it():
    # dev ha_noi_2025_2025-12-02_hdnd: "thu ngân sách lần đầu tiên vượt mốc 600.000 tỷ đồng"
    f = _extract("Năm 2025, thu ngân sách lần đầu tiên vượt mốc 600.000 tỷ đồng.", region="Hà Nội")
    assert f[["value", "qualifier"]].values.tolist() == [[600000.0, "over"]]


def test_an_estimate_does_not_reach_another_subjects_rise():
    # dev kon_tum_2020-12-07_kyhop11: "tổng sản phẩm … ước tăng 9,39% …, GRDP bình quân đầu người tăng từ 41,27
    # triệu đồng (năm 2019) lên …": the per-head figure of 2019 is a result
    f = _extract(
        "Năm 2020, tổng sản phẩm trên địa bàn ước tăng 9,39% so với năm trước, GRDP bình quân đầu người tăng từ "
        "41,27 triệu đồng (năm 2019) lên 46,58 triệu đồng (năm 2020).",
        region="Kon Tum",
    )
    assert _measures(f)[9.39] == "estimate" and _measures(f)[41.27] == "actual"


def _regions(frame: pd.DataFrame) -> dict[float, str]:
    return {float(r.value): str(r.region) for r in frame.itertuples()}


def test_a_merged_units_report_files_a_province_it_was_formed_of_under_that_province():
    # dev hai_phong_2025_2025-07-01_6thang: results of the first half of 2025, published in July, given for
    # "thành phố Hải Phòng (cũ)" and "Hải Dương" one after the other; the sentences after each speak of it
    text = (
        "Cụ thể, theo thông tin từ UBND thành phố Hải Phòng (cũ), trong 6 tháng đầu năm 2025, thu ngân sách nhà "
        "nước trên địa bàn ước đạt hơn 77.319 tỷ đồng, tăng 27,1% so với cùng kỳ. Trong đó, thu nội địa ước đạt "
        "hơn 38.647 tỷ đồng.\n\nTại Hải Dương, theo báo cáo của Sở Tài chính tỉnh, tổng thu ngân sách nhà nước "
        "trên địa bàn 6 tháng đầu năm 2025 ước đạt trên 19.500 tỷ đồng. Trong đó, thu nội địa ước đạt 17.313 tỷ "
        "đồng."
    )
    got = _regions(_extract(text, region="hai_phong_2025"))
    assert got == {
        77319.0: "hai_phong",
        27.1: "hai_phong",
        38647.0: "hai_phong",
        19500.0: "hai_duong",
        17313.0: "hai_duong",
    }
    # dev da_nang_2025_2025-07-05_6thang: the merged city's own figure, then its parts, then the city again
    text = (
        "Theo báo cáo mới nhất từ Sở Tài chính TP Đà Nẵng, tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2025 "
        "của thành phố mới – sau khi sáp nhập với tỉnh Quảng Nam – ước tăng 9,4% so với cùng kỳ. Trong đó, GRDP "
        "khu vực Đà Nẵng cũ tăng 11,03% và Quảng Nam tăng 7,42%. Trong 6 tháng, thành phố đã cấp mới 47 dự án FDI "
        "với tổng vốn 122,11 triệu USD."
    )
    got = _regions(_extract(text, region="da_nang_2025"))
    assert got == {9.4: "da_nang_2025", 11.03: "da_nang", 7.42: "quang_nam", 122.11: "da_nang_2025"}


def test_a_figure_named_for_another_province_is_that_provinces():
    # dev lam_dong_2024-06-01_6thang: a report of Lâm Đồng lists the ranks of its neighbours; Kon Tum's 30/63 was
    # filed as a second rank of Lâm Đồng's (a wrong number, silently)
    f = _extract(
        "Tốc độ tăng GRDP 6 tháng đầu năm 2024 của Lâm Đồng xếp thứ 58/63 cả nước. Theo Cục Thống kê tỉnh Lâm "
        "Đồng, các tỉnh trong khu vực Tây Nguyên có mức xếp hạng lần lượt là: Kon Tum 30/63, Đắk Nông 48/63, Đắk "
        "Lắk 55/63 và Gia Lai 57/63."
    )
    assert _regions(f) == {
        58.0: "lam_dong",
        30.0: "kon_tum",
        48.0: "dak_nong",
        55.0: "dak_lak",
        57.0: "gia_lai",
    }
    # dev thanh_hoa_2024-12-14_nam2024: "… đứng thứ 2 cả nước (sau tỉnh Bắc Giang tăng trưởng 13,85%)"
    f = _extract(
        "Năm 2024, tốc độ tăng trưởng tổng sản phẩm của Thanh Hóa ước đạt 12,16%, đứng thứ 2 cả nước (sau tỉnh Bắc "
        "Giang tăng trưởng 13,85%)."
    )
    assert _regions(f)[12.16] == "thanh_hoa" and _regions(f)[13.85] == "bac_giang"
    # "Huế" in a report of 2023 is Thừa Thiên Huế, the report's own (dev thua_thien_hue_2023-02-03_thang1)
    f = _extract(
        "Trong tháng 1 năm 2023, khách du lịch đến Huế ước đạt 240.000 lượt.", region="Thừa Thiên Huế"
    )
    assert _regions(f) == {240000.0: "thua_thien_hue"}


def test_prices_of_the_day_the_government_s_estimate_and_trade_revenue_with_a_comma():
    # dev ha_giang_2019-07-01_6thang: "theo giá thực tế" is at current prices
    f = _extract(
        "6 tháng đầu năm 2019, tổng sản phẩm theo giá thực tế ước đạt 10.412,7 tỷ đồng.", region="Hà Giang"
    )
    assert f["indicator"].tolist() == ["grdp_current"]
    # dev thai_nguyen_2025_2025-07-01_ngansach: "dự toán Chính phủ giao" is the centre's
    assert (
        ktstats.lang.relations.reference_after(" so với dự toán Chính phủ giao") == "budget_estimate_central"
    )
    # dev hai_phong_2025_2025-07-01_6thang: "thu từ xuất, nhập khẩu"
    f = _extract("6 tháng đầu năm 2025, thu từ xuất, nhập khẩu ước đạt 2.205 tỷ đồng.", region="Hải Dương")
    assert f["indicator"].tolist() == ["trade_revenue"]


def test_the_year_so_far_opening_a_clause_goes_on_with_its_subject():
    # dev hue_2025_2025-08-01_7thang: "…; tính chung 7 tháng, ước tăng 17,7%" is the IIP's too
    f = _extract(
        "Chỉ số sản xuất công nghiệp (IIP) tháng 7/2025 ước tăng 1,7% so với tháng trước, tăng 21,9% so với cùng kỳ; "
        "tính chung 7 tháng, ước tăng 17,7%.",
        region="Huế",
    )
    got = {float(r.value): (r.indicator, str(r.period_start), str(r.period_end)) for r in f.itertuples()}
    assert got[17.7] == ("iip_growth", "2025-01", "2025-07")


def test_this_result_is_the_figure_before():
    # dev lao_cai_2025_2025-10-01_thungansach9thang: "…. Kết quả này bằng 100% dự toán Trung ương giao, …"
    f = _extract(
        "Tổng thu ngân sách nhà nước trên địa bàn tỉnh lũy kế 9 tháng năm 2025 đạt 13.547 tỷ đồng. Kết quả này bằng "
        "100% dự toán Trung ương giao, đạt 65% dự toán HĐND tỉnh giao.",
        region="Lào Cai",
    )
    assert set(f["indicator"]) == {"state_budget_revenue"} and len(f) == 3


def test_months_counted_in_words_and_a_report_dated_after_the_merger():
    # dev vinh_long_2025-03-01_2thang: "Hai tháng đầu năm 2025" was the whole year (and so the merged unit's)
    f = _extract(
        "Hai tháng đầu năm 2025, tổng kim ngạch xuất khẩu của tỉnh Vĩnh Long đạt 186,3 triệu USD, tăng 16,66% so "
        "với cùng kỳ năm 2024."
    )
    assert {(str(r.period_start), str(r.period_end), r.region) for r in f.itertuples()} == {
        ("2025-01", "2025-02", "vinh_long")
    }
    # dev hue_2025_2025-07-01_6thang: "Ngày 10/7, …" dates the report after 1 July 2025: the city's first half is
    # filed under the unit as it stands since then, as a merged unit's is
    f = _extract(
        "Ngày 10/7, UBND TP.Huế tổ chức họp báo thường kỳ quý II/2025. Theo báo cáo, trong 6 tháng đầu năm 2025, "
        "tốc độ tăng trưởng kinh tế (GRDP) của thành phố ước đạt 9,39%."
    )
    assert f["region"].tolist() == ["hue_2025"]


def test_an_i_a_legacy_font_conversion_left_as_a_bare_accent():
    # dev vinh_phuc_2019-06-01_niengiam2018: "ước đạt 32,93 ngh\u0301n tỷ" ("nghìn" after a TCVN3 → Unicode
    # conversion) was no number
    f = _extract(
        "Tổng thu ngân sách Nhà nước năm 2018 ước đạt 32,93 ngh\u0301n tỷ, tăng 13,75% so với thực hiện năm 2017.",
        region="Vĩnh Phúc",
    )
    assert f[["indicator", "value", "unit"]].values.tolist()[0] == [
        "state_budget_revenue",
        32.93,
        "trillion dong",
    ]


def test_a_bare_growth_word_after_a_named_flow_is_its_growth_and_a_month_compared_with_the_one_before():
    # dev quang_ninh_2025_2025-12-01_11thang: "Tổng mức bán lẻ … cũng đạt mức tăng trưởng mạnh mẽ, tăng 22,8% so
    # với tháng 10/2025" was filed as GRDP growth (a wrong indicator) over the eleven months
    text = (
        "11 tháng năm 2025, kinh tế tỉnh Quảng Ninh tiếp tục tăng trưởng. Tổng mức bán lẻ hàng hóa và doanh thu "
        "dịch vụ tiêu dùng cũng đạt mức tăng trưởng mạnh mẽ, tăng 22,8% so với tháng 10/2025."
    )
    f = _extract(text)
    assert [(r.indicator, str(r.period_start), str(r.period_end), r.relative_to) for r in f.itertuples()] == [
        ("retail_sales", "2025-11", "2025-11", "previous_period")
    ]
    # a named month with no month after it spoken of is the same month a year before (dev soc_trang_2024-06-01_thang5)
    f = _extract(
        "Tháng 5 năm 2024, tổng mức bán lẻ hàng hóa của tỉnh Sóc Trăng ước 8.515 tỷ đồng, tăng 13,94% so với "
        "tháng 5/2023."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2024-05", "2024-05")}


def test_to_the_middle_of_a_month_is_the_year_so_far():
    # dev thanh_hoa_2025_2025-10-01_10thang: "đến giữa tháng 10" was October alone
    f = _extract(
        "Giải ngân vốn đầu tư công của tỉnh Thanh Hóa đến giữa tháng 10/2025 đạt 14.692,7 tỷ đồng, tương đương 58,7% "
        "kế hoạch năm 2025."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2025-01", "2025-10")}


def test_tourism_revenue_in_other_words_and_its_kinds_as_parts():
    # dev phu_yen_2017-12-01_dulich: "Tổng doanh thu trong hoạt động du lịch" named nothing, and the lodging
    # revenue after "trong đó" would then have been the whole
    f = _extract(
        "Năm 2017, tổng doanh thu trong hoạt động du lịch của tỉnh Phú Yên đạt khoảng 1.245 tỉ đồng, đạt 101% kế "
        "hoạch, tăng 25% so cùng kỳ; trong đó doanh thu dịch vụ lưu trú ước đạt 218,9 tỉ đồng, tăng 10,8% so cùng "
        "kỳ năm 2016."
    )
    assert sorted(f["value"]) == [25.0, 101.0, 1245.0]
    assert set(f["indicator"]) == {"tourism_revenue"}
    # visitors after a kind of revenue are no part of it (dev ha_tinh_2025_2025-11-26_ktxh)
    f = _extract(
        "Năm 2025, doanh thu dịch vụ lưu trú, ăn uống và du lịch lữ hành của Hà Tĩnh đạt khoảng 9.760 tỷ đồng, "
        "trong khi du lịch đón 6,5 triệu lượt khách."
    )
    assert f.loc[f["value"] == 6.5, "indicator"].tolist() == ["tourist_visits"]


def test_a_list_of_shares_goes_on_with_its_verb_and_tuong_duong_is_a_share():
    # dev ha_tinh_2020-07-01_ngansach: "…, 46,1% … và 92,6% so với cùng kỳ năm 2019" had no verb of a share
    f = _extract(
        "6 tháng đầu năm 2020, thu ngân sách tỉnh Hà Tĩnh được 6.481 tỷ đồng, đạt 51,2% dự toán Bộ Tài chính giao, "
        "46,1% dự toán HĐND tỉnh giao và 92,6% so với cùng kỳ năm 2019."
    )
    assert _at(f, 92.6, "form", "relative_to") == [["ratio", "same_period_last_year"]]
    # dev hai_phong_2023-10-04_9thang: "tương đương 84,74% so với cùng kỳ năm trước"
    f = _extract(
        "Tổng thu ngân sách nhà nước trên địa bàn thành phố Hải Phòng trong 9 tháng đầu năm 2023 ước đạt 66.713,1 tỷ "
        "đồng, đạt 57,29% dự toán, đồng thời tương đương 84,74% so với cùng kỳ năm trước."
    )
    assert _at(f, 84.74, "form", "relative_to") == [["ratio", "same_period_last_year"]]


def test_a_bare_vuot_is_over_the_estimate_named_before_it():
    # dev ha_noi_2025_2025-11-06_thungansach10thang: "vượt 9,8% dự toán …. Trong đó, thu nội địa …, vượt 10,2%"
    f = _extract(
        "Tổng thu ngân sách nhà nước trên địa bàn thành phố Hà Nội 10 tháng năm 2025 ước thực hiện 564,2 nghìn tỷ "
        "đồng, vượt 9,8% dự toán và tăng 35,8% so với cùng kỳ năm 2024. Trong đó, thu nội địa 531,4 nghìn tỷ đồng, "
        "vượt 10,2% và tăng 36,5%."
    )
    assert _at(f, 10.2, "indicator", "form", "relative_to") == [
        ["domestic_revenue", "change", "budget_estimate"]
    ]
    # dev ha_noi_2025_2025-12-03_ngansach: within a sentence, after ";"
    f = _extract(
        "11 tháng năm 2025, thu nội địa của Hà Nội đạt 587.700 tỷ đồng, vượt 21,8% dự toán và tăng 40,8%; thu từ "
        "hoạt động xuất nhập khẩu đạt 34.700 tỷ đồng, vượt 26,9% và tăng 31,1%."
    )
    assert _at(f, 26.9, "indicator", "form", "relative_to") == [
        ["trade_revenue", "change", "budget_estimate"]
    ]


def test_a_signed_percent_after_an_amount_is_its_change():
    # dev ben_tre_2024-01-04_nam2023: "19.394,07 tỷ đồng, -13,78%" (the sign after a comma was not read as a change)
    f = _extract("Năm 2023, vốn đầu tư toàn xã hội tỉnh Bến Tre thực hiện: 19.394,07 tỷ đồng, -13,78%.")
    assert _at(f, -13.78, "indicator", "form") == [["total_investment", "change"]]


def test_a_percent_of_a_grdp_level_is_its_growth():
    # dev thai_binh_2023-02-13_grdp: "(kế hoạch 9% trở lên)" after GRDP's level and growth was unattached
    f = _extract(
        "Năm 2022, GRDP trên địa bàn tỉnh Thái Bình (giá so sánh 2010) đạt 63.000 tỷ đồng, tăng 9,52% so với cùng kỳ "
        "năm 2021 (kế hoạch 9% trở lên)."
    )
    assert _at(f, 9.0, "indicator", "measure", "qualifier") == [["grdp_growth", "target", "at_least"]]
    # a sector's share of GRDP is none (dev ca_mau_2018-07-06_grdp)
    f = _extract(
        "Tổng sản phẩm trong tỉnh Cà Mau (GRDP) 6 tháng đầu năm 2018 (theo giá hiện hành) ước đạt 24.042,68 tỷ đồng; "
        "trong đó: khu vực ngư, nông, lâm nghiệp ước đạt 6.983,36 tỷ đồng, chiếm tỷ trọng 29,05%."
    )
    assert 29.05 not in f["value"].tolist()


def test_tourism_income_and_a_total_after_the_budget_is_named():
    # dev da_nang_2017-03-01_quy1: "tổng thu nhập xã hội từ hoạt động du lịch" named nothing
    f = _extract(
        "Quý I năm 2017, khách du lịch đến Đà Nẵng đạt 1,33 triệu lượt người, tăng 29,4%; tổng thu nhập xã hội từ "
        "hoạt động du lịch đạt 3.901,8 tỷ đồng, tăng 31,2%."
    )
    assert f.loc[f["value"] == 3901.8, "indicator"].tolist() == ["tourism_revenue"]
    # dev da_nang_2025_2025-07-05_6thang: "Về ngân sách, tổng thu đạt 28.969 tỷ đồng"
    f = _extract(
        "6 tháng đầu năm 2025, kinh tế Đà Nẵng tăng trưởng khá. Về ngân sách, tổng thu đạt 28.969 tỷ đồng, bằng "
        "57,2% dự toán cả năm và tăng 16,2% so với cùng kỳ."
    )
    assert set(f["indicator"]) == {"state_budget_revenue"} and len(f) == 3


def test_a_period_the_clause_names_after_the_figure():
    # dev lao_cai_2019-08-05_dulich: "… đến Lào Cai trong tháng 7 vừa qua" was the whole year
    f = _extract(
        "Laocaitv.vn - Trên 422.000 lượt là tổng lượng khách du lịch trong và ngoài nước đến Lào Cai trong tháng 7 "
        "vừa qua.",
        date="2019-08",
    )
    assert [(str(r.period_start), str(r.period_end)) for r in f.itertuples()] == [("2019-07", "2019-07")]
    # not past the clause: "…; trong tháng 7, …" is another clause's
    f = _extract(
        "Năm 2019, Lào Cai đón 4,2 triệu lượt khách; trong tháng 7, ngành du lịch tổ chức nhiều sự kiện."
    )
    assert [(str(r.period_start), str(r.period_end)) for r in f.itertuples()] == [("2019-01", "2019-12")]


def test_a_rank_of_grdps_size_or_of_another_indicator_is_no_growth_rank():
    # dev quang_ninh_2025_2025-12-15_kyhophdnd, hai_phong_2022-02-14_kinhte, bac_ninh_2025_2025-12-31_ktxh: the ranks
    # of GRDP's size, of GRDP per head and of FDI were filed as the rank of GRDP growth (wrong numbers)
    for text in (
        "Năm 2025, quy mô nền kinh tế của Quảng Ninh ước đạt 368.445 tỉ đồng, đứng thứ 7/34 tỉnh, thành phố.",
        "Năm 2021, về GRDP đầu người, Hải Phòng đứng thứ 5 cả nước, với 152,3 triệu đồng/người.",
        "Năm 2025, riêng thu hút FDI, Bắc Ninh hiện đứng thứ 3 cả nước.",
        "Năm 2022, GRDP tỉnh Phú Thọ theo giá hiện hành đứng thứ 34/63 tỉnh, thành phố trực thuộc Trung ương.",
    ):
        f = _extract(text)
        assert "grdp_growth_rank_national" not in set(f["indicator"]), text
    # the rank of a growth rate stays one
    f = _extract("Năm 2025, GRDP của Bắc Ninh ước tăng 9,61%, đứng thứ 5 cả nước.")
    assert f.loc[f["indicator"] == "grdp_growth_rank_national", "value"].tolist() == [5.0]


def test_the_sources_of_domestic_revenue_are_parts_of_it():
    # dev hung_yen_2025_2025-10-07_ngansach: each source was filed as domestic revenue itself (wrong numbers)
    f = _extract(
        "9 tháng năm 2025, thu nội địa tỉnh Hưng Yên đạt 66.046 tỷ đồng. Điểm sáng nổi bật từ thu nội địa chủ yếu "
        "như: các khoản thu về đất 40.982 tỷ đồng, tăng 190,29%; thu từ doanh nghiệp nhà nước (DNNN) 1.014 tỷ đồng, "
        "tăng 19,83%; thu từ khu vực có vốn đầu tư nước ngoài 3.049 tỷ đồng, tăng 21,37%; thuế thu nhập cá nhân "
        "2.889 tỷ đồng, tăng 59,32%."
    )
    assert f["value"].tolist() == [66046.0]


def test_visitors_of_a_kind_written_after_their_number_are_a_part():
    # dev khanh_hoa_2024-09-26_dulich: "3,6 triệu lượt khách quốc tế" was filed as all the visitors (a wrong number)
    f = _extract(
        "9 tháng năm 2024, Khánh Hòa đón 9 triệu lượt khách. Trong đó, có 3,6 triệu lượt khách quốc tế, tăng 147,9% "
        "so với cùng kỳ; 5,4 triệu lượt khách nội địa, tăng 27,2% so với cùng kỳ."
    )
    assert f["value"].tolist() == [9.0]


def test_a_sector_by_ownership_and_a_branchs_growth_are_parts():
    # dev thai_binh_2022-01-21_ktxh: the exports of the foreign-invested sector were filed as FDI (a wrong number)
    f = _extract(
        "Năm 2021, kim ngạch xuất khẩu của tỉnh Thái Bình đạt 2.076 triệu USD. Kinh tế tư nhân đạt 1.149 triệu USD, "
        "tăng 22,4%; kinh tế có vốn đầu tư nước ngoài đạt 927 triệu USD, tăng 25,8% so với cùng kỳ."
    )
    assert "fdi_registered" not in set(f["indicator"])
    # dev vinh_long_2020-07-22_hopbao: a branch's growth was GRDP's
    f = _extract("Lĩnh vực nông nghiệp tỉnh Vĩnh Long 6 tháng đầu năm 2020 tăng trưởng 0,83%.")
    assert f.empty


def test_an_economy_that_grew_by_an_amount():
    # dev da_nang_2024-10-01_9thang: "mở rộng hơn 11.726 tỷ đồng so với cùng kỳ" is a difference
    f = _extract(
        "Quy mô nền kinh tế thành phố Đà Nẵng trong 9 tháng năm 2024 theo giá hiện hành ước đạt hơn 111.589 tỷ đồng, "
        "mở rộng hơn 11.726 tỷ đồng so với cùng kỳ năm 2023."
    )
    assert _at(f, 11726.0, "form", "relative_to") == [["difference", "same_period_last_year"]]


def test_a_branch_opening_its_clause_is_a_part():
    # dev hue_2025_2025-10-03_ngansach: "Công nghiệp tăng trưởng 17,5%" was filed as GRDP growth (a wrong number)
    f = _extract(
        "9 tháng năm 2025, tăng trưởng kinh tế của Huế đạt 8,3%. Công nghiệp tăng trưởng 17,5%, với nhiều sản phẩm "
        "đạt mức tăng cao."
    )
    assert f["value"].tolist() == [8.3]
    # a branch inside a name is not (dev lai_chau_2024-06-13_ktxh)
    f = _extract(
        "6 tháng đầu năm 2024, tỉnh Lai Châu: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng 18,7%; chỉ số sản "
        "xuất ngành công nghiệp tăng 10%."
    )
    assert sorted(f["value"]) == [10.0, 18.7]


def test_the_balance_of_trade_and_passengers_are_parts():
    # dev dong_nai_2025-09-30_9thang: the surplus was filed as imports (a wrong number)
    f = _extract(
        "9 tháng năm 2025, kim ngạch xuất khẩu của Đồng Nai đạt hơn 22,5 tỷ USD; kim ngạch nhập khẩu ước đạt 16 tỷ "
        "USD; cán cân mậu dịch xuất siêu đạt khoảng 6,5 tỷ USD."
    )
    assert 6.5 not in f["value"].tolist() and sorted(f["value"]) == [16.0, 22.5]
    # nor are passengers visitors (dev lam_dong_2024-06-01_6thang)
    f = _extract(
        "6 tháng đầu năm 2024, doanh thu vận tải hành khách của Lâm Đồng đạt 1.156,8 tỷ đồng, khối lượng khách vận "
        "chuyển đạt 7,1 triệu lượt."
    )
    assert "tourist_visits" not in set(f["indicator"])
    # nor is the centre's share of the revenue the revenue (dev da_nang_2025_2025-10-05_ktxh)
    f = _extract(
        "9 tháng năm 2025, tổng thu ngân sách trên địa bàn Đà Nẵng đạt 40.237 tỷ đồng. Trong đó, thu ngân sách Trung "
        "ương đạt 8.696,2 tỷ đồng."
    )
    assert f["value"].tolist() == [40237.0]


def test_a_goal_in_parentheses_and_growth_named_before_an_amount():
    # dev lang_son_2018-01-02_chitieu: "(mục tiêu 8 - 9%)" was a second result
    f = _extract(
        "Năm 2017, kinh tế của tỉnh Lạng Sơn đạt mức tăng trưởng khá, tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) "
        "ước đạt 8,02% (mục tiêu 8 - 9%)."
    )
    assert _at(f, 8.5, "measure", "qualifier") == [["target", "range"]]
    # dev phu_tho_2023-01-04_grdp: "Tăng trưởng GRDP đạt 48.212 tỉ đồng" named no indicator for the amount
    f = _extract("Tăng trưởng GRDP tỉnh Phú Thọ năm 2022 đạt 48.212 tỉ đồng, tăng 7,97% so với năm 2021.")
    assert f[["indicator", "value"]].values.tolist() == [["grdp_constant", 48212.0], ["grdp_growth", 7.97]]


def test_customs_revenue_and_a_change_of_the_visitors_revenue():
    # dev vinh_phuc_2022-06-28_thongke: "thu hải quan" (customs) is the revenue from imports and exports
    f = _extract(
        "Tổng thu ngân sách tỉnh Vĩnh Phúc đến 15/6/2022 đạt 19.018 tỷ đồng, tăng 10,7%, trong đó thu nội địa đạt "
        "16.019 tỷ đồng, thu hải quan đạt gần 2.980 tỷ đồng."
    )
    assert f.loc[f["value"] == 2980.0, "indicator"].tolist() == ["trade_revenue"]
    # dev ben_tre_2024-04-17_quy1: "khách du lịch tăng 23,24%, doanh thu tăng 28,37%"
    f = _extract("Quý I năm 2024, khách du lịch đến Bến Tre tăng 23,24%, doanh thu tăng 28,37% so cùng kỳ.")
    assert _at(f, 28.37, "indicator", "form") == [["tourism_revenue", "change"]]


def test_grdp_in_us_dollars_is_kept_apart_from_grdp_in_dong():
    # dev long_an, hau_giang_2020-07-20_tongquan, ha_noi_2025_2025-12-02_hdnd: GRDP per head and GRDP's size in USD
    # were unattached ("unit USD does not fit grdp_per_capita"); no exchange rate is assumed, so they are
    # indicators of their own, and a change after an equivalent in dollars is the figure in đồng's
    f = _extract("Năm 2024, GRDP bình quân đầu người tỉnh Long An ước đạt 4.528 USD, tăng 11,8%.")
    assert f[["indicator", "unit"]].values.tolist()[0] == ["grdp_per_capita_usd", "USD"]
    f = _extract(
        "Năm 2022, GRDP bình quân đầu người tỉnh Thừa Thiên Huế ước đạt 56,4 triệu đồng, tương đương 2.405 USD, tăng "
        "10% so cùng kỳ."
    )
    assert f[["indicator", "value"]].values.tolist() == [
        ["grdp_per_capita", 56.4],
        ["grdp_per_capita_usd", 2405.0],
        ["grdp_per_capita", 10.0],
    ]
    f = _extract("GRDP cả năm 2025 của Hà Nội ước tăng 8,5%, quy mô nền kinh tế khoảng 63,5 tỷ USD.")
    assert _at(f, 63.5, "indicator", "unit") == [["grdp_current_usd", "billion USD"]]
    f = _extract("Năm 2019, GRDP bình quân đầu người tỉnh Bến Tre đạt 2.620 USD/người.")
    assert f[["indicator", "value", "unit"]].values.tolist() == [["grdp_per_capita_usd", 2620.0, "USD"]]


def test_a_rank_out_of_34_units_dates_a_report_after_the_merger():
    # dev tay_ninh_2025_2025-07-01_6thang: "xếp thứ 7/34 tỉnh, thành phố" — only the 34 units of July 2025 are
    # ranked out of 34, so the text is the merged unit's report (its first half was filed as the old province's)
    f = _extract(
        "Theo báo cáo từ UBND tỉnh Tây Ninh, trong 6 tháng đầu năm 2025, tổng sản phẩm trên địa bàn (GRDP) của tỉnh "
        "đạt mức 9,63%, đứng đầu khu vực phía Nam và xếp thứ 7/34 tỉnh, thành phố trực thuộc Trung ương."
    )
    assert set(f["region"]) == {"tay_ninh_2025"}
    # out of 63, the old province's
    f = _extract(
        "Trong 6 tháng đầu năm 2024, GRDP của tỉnh Tây Ninh đạt mức 7,5%, xếp thứ 20/63 tỉnh, thành phố."
    )
    assert set(f["region"]) == {"tay_ninh"}


def test_a_scenario_in_parentheses_is_a_goal():
    # dev dak_lak_2025_2025-11-10_ktxh: "(kịch bản tăng trưởng (KBTT): 7,87%)" was a second result
    f = _extract(
        "Tăng trưởng GRDP 9 tháng năm 2025 của tỉnh Đắk Lắk ước đạt 6,9% (kịch bản tăng trưởng (KBTT): 7,87%)."
    )
    assert [(r.value, r.measure, str(r.period_end)) for r in f.itertuples()] == [
        (6.9, "estimate", "2025-09"),
        (7.87, "target", "2025-09"),
    ]


def test_a_fraction_with_a_percent_and_abbreviated_sectors_are_no_figures():
    # dev bac_lieu_2024-10-01_grdp: "ở mức 6/32%" (a mistyped "6,32%") was GRDP growth of 6 % (a wrong number)
    f = ktstats.extract(
        "9 tháng đầu năm 2024, tỉnh Bạc Liêu vẫn đạt tăng trưởng kinh tế ở mức 6/32%, đứng 8/13 khu vực ĐBSCL."
    )
    assert f.to_frame().empty
    assert "a fraction is no percent" in " ".join(f.unattached["reason"])
    # dev bac_ninh_2018-09-29_ktxh: "khu vực CN-XD tăng 15,9%" was GRDP's growth
    f = _extract(
        "9 tháng năm 2018, GRDP tỉnh Bắc Ninh ước tăng 9,5%. Trong đó, khu vực NLTS giảm 0,2%; khu vực CN-XD tăng "
        "15,9%; khu vực dịch vụ tăng 8,2%."
    )
    assert f["value"].tolist() == [9.5]
    # dev quang_ninh_2025_2025-12-15_kyhophdnd: labour productivity was GRDP per head
    f = _extract(
        "Năm 2025, GRDP bình quân đầu người của Quảng Ninh ước đạt 10.402 USD; năng suất lao động xã hội đạt 539 "
        "triệu đồng/người, tăng 11,9% so với năm trước."
    )
    assert f["value"].tolist() == [10402.0]


def test_a_comparison_with_the_whole_country_is_no_figure_of_the_province():
    # dev bac_ninh_2025_2025-12-31_nam2025: "gấp 1,16 lần bình quân cả nước" was a ratio to last year (a wrong number)
    f = ktstats.extract(
        "Năm 2025, GRDP bình quân đầu người của Bắc Ninh ước đạt 5.852 USD, gấp 1,16 lần bình quân cả nước."
    )
    assert f.to_frame()["value"].tolist() == [5852.0]
    assert "a comparison with the whole country" in f.unattached["reason"].tolist()
    # a national rank stays one ("đứng thứ 19 cả nước")
    f = _extract("Quý I năm 2024, GRDP của Kon Tum tăng 6,5%, đứng thứ 19 cả nước.")
    assert f.loc[f["indicator"] == "grdp_growth_rank_national", "value"].tolist() == [19.0]


def test_customs_tax_retained_revenue_and_grdp_at_current_prices():
    # dev lam_dong_2018-09-01_9thang: "thu thuế qua hải quan", "thu điều tiết" named nothing
    f = _extract(
        "9 tháng năm 2018, thu ngân sách tỉnh Lâm Đồng đạt 7.882,1 tỷ đồng. Thu thuế qua hải quan đạt 377,4 tỷ đồng. "
        "Trong đó, thu điều tiết đạt 4.585,7 tỷ đồng, tăng 11,56%."
    )
    assert f.loc[f["value"] == 377.4, "indicator"].tolist() == ["trade_revenue"]
    assert f.loc[f["value"] == 4585.7, "indicator"].tolist() == ["local_budget_revenue_retained"]
    # dev ha_giang_2020-07-01_6thang: GRDP at current prices "tăng 3,4%" is its change, not the growth rate
    f = _extract(
        "6 tháng đầu năm 2020, tổng sản phẩm trên địa bàn tỉnh Hà Giang theo giá thực tế ước đạt 10.707 tỷ đồng, tăng "
        "3,4% so với cùng kỳ năm trước."
    )
    assert f[["indicator", "form"]].values.tolist() == [["grdp_current", "level"], ["grdp_current", "change"]]


def test_a_near_name_never_leaves_out_a_negating_word():
    from ktstats.data.extract_names import near_names

    # the catalog's "Vốn đầu tư trực tiếp nước ngoài đăng ký" with "ngoài" left out is no foreign investment
    low = "vốn đầu tư trực tiếp nước đăng ký đạt 5 tỷ đồng"
    assert not [m for m in near_names(low)[1] if "ngoài" in m.group(0)]


def test_a_bare_trade_in_dong_after_budget_revenue_is_the_revenue_from_it():
    # dev quang_ninh_2025_2025-07-01_6thang: "…, thu nội địa đạt 21.100 tỷ đồng, xuất nhập khẩu đạt gần 9.000 tỷ đồng"
    f = _extract(
        "Tổng thu ngân sách 6 tháng năm 2025 của Quảng Ninh đạt hơn 30.000 tỷ đồng, bằng 54% dự toán năm; trong đó, "
        "thu nội địa đạt 21.100 tỷ đồng, xuất nhập khẩu đạt gần 9.000 tỷ đồng."
    )
    assert f.loc[f["value"] == 9000.0, "indicator"].tolist() == ["trade_revenue"]
    # trade itself, in dollars or as "kim ngạch", stays a part (dev cao_bang_2024-01-14_ngansach)
    f = _extract(
        "Năm 2023, thu ngân sách của tỉnh Cao Bằng đạt thấp do kim ngạch xuất nhập khẩu giảm sâu (là 2.630 tỷ đồng); "
        "tổng kim ngạch xuất nhập khẩu đạt 5 tỷ USD."
    )
    assert f.empty


# --- 0.20.7: read off batch 24 once it was a development text ---------------------------------------------------


def _unattached(text: str, **kw) -> dict[float, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kept = ktstats.extract(text, **kw).unattached
    return {float(r.value): str(r.reason) for r in kept.itertuples() if pd.notna(r.value)}


def test_an_index_stated_as_a_percent_is_a_ratio_to_last_year_not_a_growth_rate():
    # dev tuyen_quang_2024-07-01_xephang9: "tốc độ phát triển GRDP … đạt 108,84%" had been a growth of 108,84 %
    f = _extract(
        "Theo công bố của Tổng Cục thống kê, 6 tháng đầu năm 2024, tốc độ phát triển GRDP của tỉnh Tuyên Quang đạt "
        "108,84%, xếp thứ 9 trong các tỉnh, thành phố trực thuộc Trung ương."
    )
    assert _at(f, 108.84, "indicator", "form", "relative_to") == [
        ["grdp_constant", "ratio", "same_period_last_year"]
    ]
    # dev son_la_2020-06-29_thongke: the industrial production index "ước đạt 75,53%", then its fall
    f = _extract(
        "6 tháng đầu năm 2020, tổng sản phẩm trên địa bàn tỉnh Sơn La tăng 0,03%; chỉ số sản xuất công nghiệp ước đạt "
        "75,53%, giảm 24,47% so với cùng kỳ năm trước."
    )
    assert _at(f, 75.53, "indicator", "form") == [["iip_growth", "ratio"]]
    assert _at(f, -24.47, "indicator", "form") == [["iip_growth", "level"]]
    # dev ha_nam_2020-12-31_ngansach: a share of GRDP, no growth of it
    text = (
        "Ước tính năm 2020, vốn đầu tư toàn xã hội tỉnh Hà Nam thực hiện đạt 34.619,1 tỷ đồng, tăng 6,8% so với năm "
        "2019 và bằng 57,7% tổng sản phẩm trong tỉnh."
    )
    assert 57.7 not in _extract(text)["value"].tolist()
    assert _unattached(text)[57.7] == "a share of GRDP, not its growth"
    # dev ba_ria_vung_tau_2024-01-10_grdp2023: a sector's share in a list with no verb
    text = (
        "Năm 2023, phân theo cơ cấu kinh tế tỉnh Bà Rịa - Vũng Tàu: Khu vực nông nghiệp, lâm nghiệp và thủy sản chiếm "
        "tỷ trọng 6,46% tổng GRDP; công nghiệp - xây dựng 66,6%."
    )
    assert 66.6 not in _extract(text)["value"].tolist()


def test_the_production_index_of_the_whole_branch_is_the_iip():
    # dev phu_tho_2025-06-01_hopubnd: "chỉ số sản xuất toàn ngành tăng 46,7%" had been GRDP's growth
    f = _extract(
        "6 tháng đầu năm 2025, sản xuất công nghiệp tỉnh Phú Thọ phục hồi và tăng trưởng mạnh, với chỉ số sản xuất "
        "toàn ngành tăng 46,7%, riêng công nghiệp chế biến, chế tạo tăng tới 48,1%.",
        date="2025-06",
    )
    assert _at(f, 46.7, "indicator") == [["iip_growth"]]


def test_a_multiple_of_an_amount_named_before_it():
    # dev thanh_hoa_2022-10-13_9thang: "tổng lượng khách du lịch gấp 3,3 lần" named nothing
    f = _extract(
        "9 tháng năm 2022, tổng mức bán lẻ của Thanh Hóa ước đạt 127.805 tỉ đồng, tăng 24,7% so với cùng kỳ; tổng "
        "lượng khách du lịch gấp 3,3 lần, doanh thu du lịch gấp 2,8 lần."
    )
    assert _at(f, 3.3, "indicator", "unit", "form", "relative_to") == [
        ["tourist_visits", "times", "ratio", "same_period_last_year"]
    ]
    assert _at(f, 2.8, "indicator") == [["tourism_revenue"]]


def test_a_multiple_over_several_years_is_no_ratio_to_last_year():
    # dev kon_tum_2022-06-12_grdp and ha_nam_2020-09-01_nhiemky: filed as ratios to the year before
    text = (
        "Quy mô của nền kinh tế tỉnh Kon Tum năm 2020 tăng gấp 21 lần so với năm 2002. Năm 2020, thu ngân sách gấp "
        "2,8 lần so với đầu nhiệm kỳ; thu ngân sách năm 2020 tăng 12% so với năm 2019."
    )
    f = _extract(text)
    assert f["value"].tolist() == [12.0]
    kept = _unattached(text)
    assert kept[21.0] == "compared with 2002, not with last year"
    assert kept[2.8] == "compared with the start of the term, not with last year"
    # dev quang_tri_2018-08-09_tangtruong: "so với" left out before the year
    text = "GRDP bình quân đầu người của Quảng Trị năm 2018 đạt 42,6 triệu đồng, gấp 2 lần năm 2015."
    assert _unattached(text)[2.0] == "compared with 2015, not with last year"


def test_a_percent_glued_to_the_next_word_and_a_change_right_after_a_count():
    # dev cao_bang_2023-07-01_hdnd: "tăng 32,8%so với cùng kỳ" was no number
    f = _extract(
        "6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và dịch vụ tỉnh Cao Bằng đạt 56,3% kế hoạch (KH), tăng "
        "32,8%so với cùng kỳ năm trước."
    )
    assert _at(f, 32.8, "indicator", "form", "relative_to") == [
        ["retail_sales", "change", "same_period_last_year"]
    ]
    # dev kien_giang_2022-10-01_dulich: "vượt trên 9% kế hoạch" right after the visitors is theirs, not the revenue's
    f = _extract(
        "Thống kê từ đầu năm đến nay, Kiên Giang đã đón hơn 6,1 triệu lượt khách du lịch, vượt trên 9% kế hoạch năm, "
        "tổng doanh thu từ du lịch đạt hơn 7.700 tỉ đồng.",
        date="2022-09",
    )
    assert _at(f, 9.0, "indicator", "form", "relative_to") == [["tourist_visits", "change", "plan"]]


def test_visitors_of_a_kind_stay_a_part_after_their_count():
    # dev da_nang_2023-06-01_thongke: the "lượt khách" a count of foreign visitors is in named all visitors again
    text = (
        "6 tháng đầu năm 2023, lượng khách đến Đà Nẵng ước đạt 3 triệu 508 nghìn lượt khách, tăng 116,6% với cùng kỳ "
        "năm 2022. Trong đó, khách quốc tế ước đạt 930 nghìn lượt khách, tăng 11,3 lần so với cùng kỳ."
    )
    assert 11.3 not in _extract(text)["value"].tolist()
    assert _unattached(text)[11.3].startswith("a figure for a part (khách quốc tế)")


def test_a_goal_named_before_its_parenthesis():
    # dev hai_phong_2019-12-29_nam2019: "vượt kế hoạch năm (tăng 15,5%)" is the year's goal, not a second result
    f = _extract(
        "Tổng sản phẩm trên địa bàn (GRDP) thành phố Hải Phòng theo giá so sánh 2010, ước tính cả năm 2019 tăng 16,68% "
        "so cùng kỳ năm trước, vượt kế hoạch năm (tăng 15,5%)."
    )
    assert _measures(f) == {16.68: "estimate", 15.5: "target"}
    # dev bac_lieu_2022-12-01_dulich: a change compared in the parenthesis is the result's
    f = _extract(
        "Năm 2022, Bạc Liêu đã đón tiếp gần 3,67 triệu lượt khách, đạt 111% kế hoạch năm (tăng 53% so cùng kỳ năm "
        "2021)."
    )
    assert _measures(f)[53.0] == "actual"


def test_a_goal_set_and_a_result_of_an_earlier_year_in_parentheses():
    # dev thai_nguyen_2021-12-01_ktxh: both had been "a second figure" of the year's growth
    f = _extract(
        "Năm 2021, tốc độ tăng trưởng kinh tế tỉnh Thái Nguyên đạt 6,51%, tuy thấp hơn kế hoạch (KH) đề ra là 7% "
        "nhưng cao hơn nhiều so với năm 2020 (đạt 4,24%)."
    )
    assert _at(f, 7.0, "measure", "period_end") == [["target", pd.Period("2021-12", "M")]]
    assert _at(f, 4.24, "measure", "period_end") == [["actual", pd.Period("2020-12", "M")]]
    # dev khanh_hoa_2024-09-26_dulich: a share of this year's plan in parentheses after "năm 2023" stays this year's
    f = _extract(
        "9 tháng đầu năm 2024, toàn tỉnh Khánh Hòa đón khoảng 9 triệu lượt khách lưu trú, tăng 57,9% so với cùng kỳ "
        "năm 2023 (đạt 100% kế hoạch năm 2024)."
    )
    assert _at(f, 100.0, "period_end", "form") == [[pd.Period("2024-09", "M"), "ratio"]]


def test_passing_a_level_is_more_than_it():
    # dev nghe_an_2024-01-04_nam2023: "vượt mức 20.000 tỉ đồng" had been exactly 20.000 billion
    f = _extract(
        "Đáng chú ý, thu ngân sách nhà nước của Nghệ An năm 2023 tính đến ngày 4/1/2024 vượt mức 20.000 tỉ đồng.",
        date="2024-01",
    )
    assert _at(f, 20000.0, "qualifier") == [["over"]]


def test_the_capital_registered_by_the_projects_attracted():
    # dev ca_mau_2021-07-01_dautu, lam_dong_2025-10-30_phienhop: "N dự án … với tổng vốn …" named nothing
    f = _extract(
        "6 tháng đầu năm 2021, Cà Mau thu hút 20 dự án đầu tư mới với tổng vốn 5.319 tỷ đồng; 3 dự án FDI được cấp "
        "mới với tổng vốn đăng ký 12 triệu USD."
    )
    assert _at(f, 5319.0, "indicator") == [["domestic_investment_registered"]]
    assert _at(f, 12.0, "indicator") == [["fdi_registered"]]
    # a total that holds foreign projects is neither (dev hue_2025-09-26_phienhop); nor projects of public investment
    text = (
        "9 tháng năm 2025, thành phố Huế đã cấp mới 40 dự án với tổng vốn đăng ký hơn 30.000 tỷ đồng, trong đó có 9 "
        "dự án FDI. Tỉnh triển khai 50 dự án đầu tư công với tổng vốn 2.000 tỷ đồng."
    )
    assert _extract(text, region="Huế").empty


def test_a_multiple_of_grdp_is_no_growth_rate_in_times_and_its_size_changes_at_current_prices():
    # dev kon_tum_2022-06-12_grdp, ho_chi_minh_2023-06-30_6thang: "tăng gấp 16 lần" had been GRDP's growth rate
    text = (
        "Tổng sản phẩm trên địa bàn tỉnh Kon Tum năm 2020 đạt 15.076 tỷ đồng, tăng gấp 16 lần so với năm 2002. Năm "
        "2021, GRDP tăng gấp 1,2 lần so với năm 2020. Tổng sản phẩm trên địa bàn (GRDP) quý II/2023 tăng 5,87% (gấp "
        "hơn 8 lần quý I, quý I tăng trưởng 0,7%)."
    )
    f = _extract(text)
    assert "times" not in f.loc[f["indicator"] == "grdp_growth", "unit"].tolist()
    assert _at(f, 1.2, "indicator", "form", "relative_to") == [
        ["grdp_constant", "ratio", "same_period_last_year"]
    ]
    kept = _unattached(text)
    assert kept[16.0] == "compared with 2002, not with last year"
    assert kept[8.0].startswith("a multiple (8 times) of a rate")
    # dev bac_giang_2020-01-08_thanhtuu: the size of GRDP (at current prices) "tăng 19%" is its change
    f = _extract("Năm 2019, quy mô GRDP của tỉnh Bắc Giang tăng 19% đạt 108.915 tỷ đồng.")
    assert _at(f, 19.0, "indicator", "form") == [["grdp_current", "change"]]


def test_a_clause_that_goes_on_after_an_estimate_keeps_it():
    # dev dak_lak_2018-12-01_ngansach: the changes after ";" of an estimated amount had been actual
    f = _extract(
        "Trong khi đó, tổng chi ngân sách địa phương tỉnh Đắk Lắk của năm 2018 lại ước tính lên tới gần 15 nghìn tỷ "
        "đồng; tăng 3,42% so với dự toán Trung ương, tăng 1,38% so với dự toán HĐND tỉnh và tăng 14,2% so với năm 2017."
    )
    assert set(_measures(f).values()) == {"estimate"}


def test_a_result_compared_with_and_months_of_a_year_after_a_slash():
    # dev vinh_phuc_2019-06-01_niengiam2018: "so với thực hiện năm 2017" dated the part after it to 2017
    f = _extract(
        "Tổng thu ngân sách Nhà nước tỉnh Vĩnh Phúc năm 2018 ước đạt 32,93 nghìn tỷ, tăng 13,75% so với thực hiện năm "
        "2017 (riêng thu nội địa đạt 28,07 nghìn tỷ đồng, tăng 13,04%)."
    )
    assert _at(f, 28.07, "indicator", "period_end") == [["domestic_revenue", pd.Period("2018-12", "M")]]
    # dev nghe_an_2019-06-28_ktxh: "6 tháng/2017" is January to June 2017
    f = _extract(
        "Tốc độ tăng trưởng kinh tế tỉnh Nghệ An 6 tháng năm 2019 đạt 7,07%, thấp hơn tốc độ tăng của 6 tháng những "
        "năm gần đây (6 tháng/2017 tăng 7,27%, 6 tháng/2018 tăng 7,39%)."
    )
    assert _at(f, 7.27, "period_start", "period_end") == [
        [pd.Period("2017-01", "M"), pd.Period("2017-06", "M")]
    ]


def test_a_growth_goal_in_parentheses_is_the_years():
    # dev hai_phong_2023-10-04_9thang: "(kế hoạch tăng 12,7%-13%)" beside a 9-month result had been a 9-month goal
    f = _extract(
        "Theo Cục Thống kê Hải Phòng, tổng sản phẩm trên địa bàn 9 tháng đầu năm năm 2023 ước tăng 10,08% so với cùng "
        "kỳ năm trước (kế hoạch tăng 12,7%-13%), đứng thứ 3 cả nước."
    )
    assert f.loc[f["measure"] == "target", ["period_start", "period_end"]].values.tolist() == [
        [pd.Period("2023-01", "M"), pd.Period("2023-12", "M")]
    ]


# --- 0.20.8: read off batch 25 once it was a development text ---------------------------------------------------


def test_the_namesake_beside_the_other_province_it_merged_with_is_the_old_one():
    # dev tay_ninh_2025_2025-08-22_saphop: 0.20.6's "x/34" rule had filed old Tây Ninh's first half under the unit
    text = (
        "Sau khi hoàn tất đề án sắp xếp đơn vị hành chính, hai tỉnh Tây Ninh và Long An bước vào giai đoạn hợp nhất. "
        "Trong nửa đầu năm 2025, tốc độ tăng trưởng GRDP của tỉnh Tây Ninh đạt 9,63%, đứng đầu khu vực phía Nam và xếp "
        "thứ 7/34 tỉnh, thành trên cả nước. Tương ứng, Long An đạt mức tăng 9,49%."
    )
    f = _extract(text)
    assert _at(f, 9.63, "region") == [["tay_ninh"]]
    # marked as the new unit, the namesake is the unit (dev khanh_hoa_2025_2025-07-01_6thang)
    text = (
        "Sau sáp nhập, Khánh Hòa tăng bật chỉ số kinh tế. Theo báo cáo 6 tháng đầu năm 2025 (gộp giữa hai tỉnh Ninh "
        "Thuận và Khánh Hòa), tổng sản phẩm trên địa bàn tỉnh tăng 7,33% so với cùng kỳ."
    )
    assert _at(_extract(text), 7.33, "region") == [["khanh_hoa_2025"]]


def test_a_list_of_provinces_figures_and_the_bars_of_the_counts():
    # dev gia_lai_2025_2025-10-06_grdp9thang: a list of other provinces' growth, after "; " and in parentheses
    text = (
        "Tính chung 9 tháng năm 2025, có 16/34 địa phương tăng trưởng GRDP đạt từ 8% trở lên; trong đó, 6 địa phương "
        "tăng trưởng trên 10% gồm: Quảng Ninh (11,67%), Hải Phòng (11,59%). Gia Lai cùng với 7 địa phương khác có mức "
        "tăng trưởng GRDP 9 tháng chưa đạt kỳ vọng. Cụ thể, Cao Bằng tăng trưởng 6,52%; Điện Biên 6,76%; Gia Lai 7,31%."
    )
    f = _extract(text, date="2025-10")
    assert dict(f[["value", "region"]].values.tolist()) == {
        11.67: "quang_ninh_2025",
        11.59: "hai_phong_2025",
        6.52: "cao_bang_2025",
        6.76: "dien_bien_2025",
        7.31: "gia_lai_2025",
    }
    kept = _unattached(text, date="2025-10")
    assert kept[8.0] == kept[10.0] == "a threshold the provinces counted pass"
    # the province's own bar stays its figure (dev quang_ngai_2025_2026-01-15_grdp2025)
    f = _extract("Năm 2025, Quảng Ngãi là một trong 6 tỉnh, thành phố tăng GRDP trên 10%.")
    assert _at(f, 10.0, "region", "qualifier") == [["quang_ngai_2025", "over"]]


def test_a_bare_growth_after_a_named_index_and_aliases_of_investment_and_tourism_revenue():
    # dev bac_giang_2025-04-10_quy1: "chỉ số sản xuất công nghiệp (IIP) tháng 3 … ghi nhận tăng trưởng …, đạt 29,29%"
    # had been GRDP's growth ("tháng 3" is no figure between the two names)
    f = _extract(
        "Chỉ số sản xuất công nghiệp (IIP) tháng 3/2025 của Bắc Giang ghi nhận tăng trưởng cao so với cùng kỳ năm "
        "trước, đạt 29,29% và tăng 7,54% so với tháng trước."
    )
    assert set(f["indicator"]) == {"iip_growth"}
    # dev binh_dinh_2023-06-30_6thang, lai_chau_2025_2025-09-01_dulich9thang
    f = _extract(
        "Trong 6 tháng đầu năm 2023, tổng mức thực hiện vốn đầu tư tỉnh Bình Định ước đạt 17.499,8 tỷ đồng; doanh thu "
        "các hoạt động dịch vụ du lịch đạt 1.085 tỷ đồng."
    )
    assert f["indicator"].tolist() == ["total_investment", "tourism_revenue"]


def test_a_result_of_the_whole_year_2025_dates_a_report_after_the_merger():
    # dev dong_nai_2025_2026-01-01_ngansach: the year's goal, set before the merger, is the unit's in its report
    f = _extract(
        "Tính đến ngày 31-12-2025, tổng thu ngân sách nhà nước năm 2025 của tỉnh Đồng Nai đạt 101.400 tỉ đồng, vượt "
        "mục tiêu phấn đấu thu 100.000 tỉ đồng."
    )
    assert set(f["region"]) == {"dong_nai_2025"}
    # an estimate of the whole year can be made before it: the goal in a report of May 2025 stays the province's
    f = _extract(
        "Tháng 5/2025, tỉnh Đồng Nai ước cả năm 2025 thu ngân sách đạt 60.000 tỉ đồng, mục tiêu 62.000 tỉ đồng."
    )
    assert _at(f, 62000.0, "region") == [["dong_nai"]]


def test_a_unit_glued_to_its_number_is_read():
    # dev soc_trang_2025-06-01_hdnd: "331.000ha" was no number
    from ktstats.lang.scan import numbers_in

    sentence = "với diện tích gieo sạ lúa đạt hơn 331.000ha, tăng hơn 4% so với cùng kỳ"
    readings = [r for r, _, _ in numbers_in(sentence) if not isinstance(r, (str, type(None)))]
    assert (readings[0].value, str(readings[0].unit)) == (331000.0, "hectare")
    f = _extract("Năm 2024, tổng diện tích gieo trồng cây hàng năm của tỉnh Gia Lai đạt 331.000ha, tăng 2%.")
    assert _at(f, 331000.0, "indicator", "unit") == [["planted_area", "hectare"]]


def test_investment_so_far_or_of_both_sources_is_no_registration_of_the_period():
    # dev tay_ninh_2025_2025-10-07_quy3, long_an_2018-01-01_ngansach, bac_ninh_2025_2025-12-31_ktxh: wrong numbers
    text = (
        "Lũy kế đến nay, Tây Ninh có gần 32.000 doanh nghiệp và 1.928 dự án FDI với tổng vốn trên 24,3 tỷ USD. Cả năm "
        "2025, tỉnh thu hút được khoảng 18,6 tỷ USD vốn đầu tư trong nước và vốn đầu tư trực tiếp nước ngoài. Từ đầu "
        "năm đến nay, tỉnh thu hút 12 dự án FDI với tổng vốn 300 triệu USD."
    )
    f = _extract(text, date="2025-10")
    assert f["value"].tolist() == [300.0]
    kept = _unattached(text, date="2025-10")
    assert kept[24.3] == "the capital of the projects so far, not the period's"
    assert kept[18.6] == "domestic and foreign investment together"


# --- 0.20.9: read off batch 26 once it was a development text --------------------------------------------------


def test_million_billion_is_the_second_chain_of_scale_words():
    # dev ho_chi_minh_2025_2025-10-31_10thang, ho_chi_minh_2025_2025-12-09_hdnd: "triệu tỷ đồng" (10^15 đồng) had
    # been refused as two scale words, and the city's retail sales and GRDP left unread
    from ktstats.lang.units import conversion_factor, format_unit

    q = ktstats.parse_quantity("hơn 1,74 triệu tỷ đồng")
    assert (q.value, q.qualifier) == (1.74, "over")
    assert conversion_factor(q.unit, "tỷ đồng") == 1e6
    f = _extract(
        "Cụ thể, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 10 tháng năm 2025 của Thành phố Hồ Chí "
        "Minh đạt hơn 1,74 triệu tỷ đồng, tăng 15% so với cùng kỳ."
    )
    assert _at(f, 1.74, "indicator", "unit") == [["retail_sales", "quadrillion dong"]]
    assert format_unit("quadrillion dong") == "triệu tỷ đồng"


def test_a_sentence_that_opens_with_the_revenue_after_a_count_of_visitors_is_theirs():
    # dev son_la_2025-01-04_dulich: the bare "Doanh thu" of the next sentence had no indicator near it
    text = (
        "Năm 2024, ngành du lịch của tỉnh Sơn La ghi nhận 4,9 triệu lượt khách du lịch, tăng 7,5% so với năm 2023. "
        "Doanh thu ước đạt 5.800 tỷ đồng, tăng 22,1% so với năm trước."
    )
    f = _extract(text)
    assert _at(f, 5800.0, "indicator", "measure") == [["tourism_revenue", "estimate"]]
    assert _at(f, 22.1, "indicator", "form") == [["tourism_revenue", "change"]]
    # dev ninh_binh_2024-07-01_6thang (batch 27): "Doanh thu tăng …" too
    f = _extract(
        "6 tháng đầu năm 2024 tỉnh Ninh Bình đón 6,28 triệu lượt khách, tăng 38,5% so với cùng kỳ. Doanh thu tăng "
        "54,2% so với cùng kỳ năm trước và đạt 72% kế hoạch năm."
    )
    assert _at(f, 54.2, "indicator", "form") == [["tourism_revenue", "change"]]
    assert _at(f, 72.0, "indicator", "form", "relative_to") == [["tourism_revenue", "ratio", "plan"]]
    # after a sentence of another indicator, a bare "Doanh thu" is nobody's
    f = _extract("Năm 2024, tỉnh Sơn La thu ngân sách 5.000 tỷ đồng. Doanh thu ước đạt 5.800 tỷ đồng.")
    assert 5800.0 not in f["value"].tolist()


def test_a_bare_revenue_after_tourism_is_named_in_its_clause_is_tourism_revenue():
    # dev lai_chau_2024-06-13_ktxh, ho_chi_minh_2025_2025-10-31_10thang: no visitors were counted before it
    f = _extract(
        "6 tháng đầu năm 2024, kinh tế - xã hội tỉnh Lai Châu tiếp tục phát triển: giá trị xuất khẩu hàng địa phương "
        "tăng 4%, tổng lượt khách du lịch tăng cao với doanh thu ước đạt 412 tỷ đồng (tăng 20,0%)."
    )
    assert _at(f, 412.0, "indicator", "measure") == [["tourism_revenue", "estimate"]]
    assert _at(f, 20.0, "indicator", "form") == [["tourism_revenue", "change"]]
    # the budget's revenue, named, stays the budget's; a number after the shops' revenue is no tourism's
    f = _extract("Năm 2024, tỉnh Lai Châu phát triển du lịch, tổng thu ngân sách đạt 3.000 tỷ đồng.")
    assert _at(f, 3000.0, "indicator") == [["state_budget_revenue"]]
    f = _extract("Năm 2024, du lịch tỉnh Lai Châu phát triển, doanh thu bán lẻ đạt 3.000 tỷ đồng.")
    assert "tourism_revenue" not in set(f["indicator"])


def test_the_lunar_new_year_of_a_year_is_the_month_it_falls_in():
    # dev tuyen_quang_2025_2026-02-01_tet: the figures of "Tết Bính Ngọ 2026" had been the whole year 2026
    f = _extract(
        "Trong dịp Tết Nguyên đán Bính Ngọ 2026, Tuyên Quang đón khoảng 252.090 lượt khách du lịch, tổng chi tiêu của "
        "du khách ước đạt 650,2 tỷ đồng.",
        date="2026-02",
    )
    assert f[["indicator", "period_start", "period_end"]].astype(str).values.tolist() == [
        ["tourist_visits", "2026-02", "2026-02"],
        ["tourism_revenue", "2026-02", "2026-02"],
    ]
    # Tết 2025 fell on 29 January; the months named before "… sau Tết" stay the figure's
    f = _extract("Dịp Tết Nguyên đán 2025, tỉnh Lâm Đồng đón 500.000 lượt khách.", date="2025-02")
    assert _at(f, 500000.0, "period_start", "period_end") == [[pd.Period("2025-01", "M")] * 2]
    f = _extract(
        "Do tháng 1 và tháng 2/2022 nằm trong thời gian trước, trong và sau Tết Nguyên đán 2022, lượng du khách đến "
        "Lâm Đồng tăng cao, đạt 1.170.000 lượt khách, tăng 42,7% so với cùng kỳ."
    )
    assert _at(f, 1170000.0, "period_start", "period_end") == [
        [pd.Period("2022-01", "M"), pd.Period("2022-02", "M")]
    ]


def test_what_is_estimated_to_be_reached_is_an_estimate_not_a_goal():
    # dev thai_nguyen_2025_2025-11-01_cuoinam: "sẽ" after "dự ước" is what the estimate says, not a goal
    f = _extract(
        "Theo Ủy ban nhân dân tỉnh Thái Nguyên, dự ước năm 2025 này, tốc độ tăng trưởng kinh tế của tỉnh vẫn sẽ đạt "
        "8%. Dự ước này được đưa ra trên cơ sở đánh giá xuất khẩu tăng 9%; tổng mức bán lẻ hàng hóa và doanh thu "
        "dịch vụ tăng gần 14% so với năm 2024.",
        date="2025-11",
    )
    assert _measures(f) == {8.0: "estimate", 9.0: "estimate", 14.0: "estimate"}
    # "sẽ" with no estimate before it stays a goal
    f = _extract("Năm 2025, tốc độ tăng trưởng kinh tế của tỉnh Thái Nguyên sẽ đạt 8%.", date="2025-03")
    assert _measures(f) == {8.0: "target"}


def test_the_whole_countrys_growth_is_the_countrys_and_a_difference_from_it_no_figure():
    # dev vinh_phuc_2022-03-31_quy1, ben_tre_2024-01-04_nam2023, ha_noi_2025_2025-07-08_6thang: the country's growth
    # had been "a second figure" of the province's; binh_dinh_2023-10-01_9thang: a wrong number, a difference from
    # the country's growth filed as the province's change of growth
    f = _extract(
        "Theo báo cáo, tốc độ tăng trưởng kinh tế của tỉnh Vĩnh Phúc 3 tháng đầu năm 2022 tăng 7,89% so với cùng kỳ "
        "năm trước, đứng thứ 13/63 tỉnh, thành phố, cao hơn mức tăng bình quân cả nước (tăng 5,03%)."
    )
    assert _at(f, 5.03, "indicator", "region") == [["gdp_growth", "viet_nam"]]
    assert _at(f, 7.89, "indicator", "region") == [["grdp_growth", "vinh_phuc"]]
    f = _extract("Tổng sản phẩm trong tỉnh Bến Tre năm 2023 (GRDP): + 5,16% (cả nước +5,05%)")
    assert _at(f, 5.05, "indicator", "region") == [["gdp_growth", "viet_nam"]]
    text = (
        "Giá trị tổng sản phẩm địa phương (GRDP) Bình Định 9 tháng năm 2023 tăng 6,92% so với cùng kỳ, cao hơn tăng "
        "trưởng bình quân cả nước 2,68 điểm phần trăm."
    )
    assert _extract(text)["value"].tolist() == [6.92]
    assert _unattached(text)[2.68] == "a comparison with the whole country"
    # GDP named as the country's, in any report, is filed under the country
    f = _extract(
        "Như vậy, tăng trưởng GRDP của Tây Ninh năm 2023 cao hơn mức tăng trưởng GDP của cả nước, ước đạt 5,05%."
    )
    assert _at(f, 5.05, "indicator", "region") == [["gdp_growth", "viet_nam"]]


def test_a_sentence_about_this_rate_of_growth_goes_on_with_the_indicator_before():
    # dev an_giang_2020-04-01_grdp: "Đây là mức tăng …" speaks of the growth the sentence before gave
    f = _extract(
        "Tổng sản phẩm trên địa bàn tỉnh An Giang (GRDP) quý I năm 2020 ước tăng 4,75% so với cùng kỳ. Đây là mức "
        "tăng thấp hơn mức tăng cùng kỳ (quý I-2019 tăng 6,1%) và thấp hơn kế hoạch năm 2020 (tăng 7-8%)."
    )
    assert _at(f, 6.1, "indicator", "period_start", "measure") == [
        ["grdp_growth", pd.Period("2019-01", "M"), "actual"]
    ]
    assert _at(f, 7.5, "indicator", "measure") == [["grdp_growth", "target"]]


# --- 0.20.10: read off batch 27 once it was a development text -------------------------------------------------


def test_the_whole_year_named_after_a_quarters_figure_is_the_next_figures_period():
    # dev long_an_2024-01-19_ktxh: "tính chung năm 2023" had been taken for a year that dates the quarter, and its
    # figure dropped as a second figure of the quarter
    f = _extract(
        "Tỉnh Long An: GRDP quý IV/2023 tăng 8,22% so với cùng kỳ năm trước; tính chung năm 2023 tăng 5,77%.",
        date="2024-01",
    )
    assert _at(f, 5.77, "period_start", "period_end") == [
        [pd.Period("2023-01", "M"), pd.Period("2023-12", "M")]
    ]
    assert _at(f, 8.22, "period_start", "period_end") == [
        [pd.Period("2023-10", "M"), pd.Period("2023-12", "M")]
    ]


def test_the_countrys_level_named_after_the_percent_is_the_countrys_growth():
    # dev phu_yen_2019-07-01_6thang (batch 27), quang_ngai_2025_2025-07-28_grdp6thang: "mức 6,76% của cả nước" had
    # been a comparison with the country, no figure
    f = _extract(
        "Trong đó tăng trưởng tổng sản phẩm GRDP của Phú Yên 6 tháng đầu năm 2019 tăng 9,2%, cao hơn nhiều so với mức "
        "6,76% của cả nước."
    )
    assert _at(f, 6.76, "indicator", "region") == [["gdp_growth", "viet_nam"]]
    f = _extract("GRDP Quảng Ngãi 6 tháng đầu năm 2025 tăng 11,51%, cao hơn mức 7,52% toàn quốc.")
    assert _at(f, 7.52, "indicator", "region") == [["gdp_growth", "viet_nam"]]
    # a multiple of the country's average stays a comparison, no figure
    text = "GRDP bình quân đầu người của tỉnh Phú Yên năm 2019 ước đạt 5.852 USD, gấp 1,16 lần bình quân cả nước."
    assert _unattached(text)[1.16] == "a comparison with the whole country"


def test_a_scenario_named_before_the_figure_is_a_goal_not_one_a_result_beats():
    # dev can_tho_2025_2025-11-11_tangtruong: the scenario's growth had been a result
    f = _extract(
        "Thành phố Cần Thơ: với kịch bản quý IV/2025 tăng trưởng 12,7% để cả năm đạt 8,8% đã khó hoàn thành.",
        date="2025-11",
    )
    assert _measures(f) == {12.7: "target", 8.8: "target"}
    # a result that beats its scenario stays a result
    f = _extract(
        "Hết tháng 10/2025, Hải Phòng có 7 chỉ tiêu đạt và vượt kịch bản tăng trưởng, trong đó thu ngân sách đạt hơn "
        "162.875 tỷ đồng."
    )
    assert _measures(f) == {162875.0: "actual"}


def test_goals_after_goals_of_a_later_year_are_of_that_year():
    # dev tuyen_quang_2025_2025-12-01_muctieu: a congress's goals for 2030, one sentence each; "tối thiểu 20% GRDP"
    # had been a GRDP growth of 20 % (a wrong number) and broke the list
    text = (
        "Đại hội Đại biểu Đảng bộ tỉnh Tuyên Quang lần thứ I, nhiệm kỳ 2025-2030 đã thông qua Nghị quyết Đại hội. "
        "Phấn đấu tốc độ tăng tổng sản phẩm trên địa bàn bình quân giai đoạn 2026-2030 đạt 10,5%/năm. Tổng sản phẩm "
        "trên địa bàn bình quân đầu người đến năm 2030 đạt 95 triệu đồng/người. Tỷ trọng kinh tế số đạt tối thiểu 20% "
        "GRDP. Thu ngân sách nhà nước trên địa bàn phấn đấu đạt 12.000 tỷ đồng."
    )
    f = _extract(text, date="2025-12")
    assert _at(f, 12000.0, "measure", "period_start", "period_end") == [
        ["target", pd.Period("2030-01", "M"), pd.Period("2030-12", "M")]
    ]
    assert 20.0 not in f["value"].tolist()
    assert _unattached(text, date="2025-12")[20.0] == "a share of GRDP, not its growth"
    # a result between them ends the list: a goal after it is of the report's year
    f = _extract(
        "Tổng sản phẩm trên địa bàn tỉnh Tuyên Quang bình quân đầu người đến năm 2030 đạt 95 triệu đồng/người. Năm "
        "2025, thu ngân sách đạt 5.000 tỷ đồng. Vốn đầu tư toàn xã hội phấn đấu đạt 30.000 tỷ đồng.",
        date="2025-12",
    )
    assert _at(f, 30000.0, "period_end") == [[pd.Period("2025-12", "M")]]


# --- 0.20.11: read off batch 28 once it was a development text --------------------------------------------------


def test_the_capital_of_the_old_provinces_together_is_no_bar_of_provinces_counted():
    # dev ho_chi_minh_2025_2025-07-01_6thang: the one figure 0.20.8 lost on batch 28 ("3 địa phương (cũ)" had been
    # read as a count of provinces passing a bar, "hơn 5,2 tỷ USD")
    f = _extract(
        "Về thu hút đầu tư nước ngoài (FDI), tổng thu hút vốn FDI 3 địa phương (cũ) 6 tháng đầu năm đạt hơn 5,2 tỷ "
        "USD.",
        date="2025-07",
        region="ho_chi_minh_2025",
    )
    assert _at(f, 5.2, "indicator", "qualifier") == [["fdi_registered", "over"]]
    # a count of provinces passing a bar is still no figure
    text = "Cả nước có 16/34 địa phương tăng trưởng GRDP 6 tháng đầu năm 2025 đạt từ 8% trở lên."
    assert _unattached(text, region="kon_tum")[8.0] == "a threshold the provinces counted pass"


def test_the_economys_growth_in_a_list_of_results_is_no_item_of_it():
    # dev dien_bien_2025_2026-03-09_thutuong: "như:" opens a list of results, and the economy's growth is its first
    text = (
        "Trong năm 2025 vừa qua, kinh tế tỉnh Điện Biên đã ghi nhận nhiều kết quả tích cực như: tăng trưởng kinh tế cả "
        "năm đạt 7,34%, xếp thứ 24/34 tỉnh, thành phố trên cả nước; quy mô tổng sản phẩm trên địa bàn (GRDP) đạt "
        "35.657 tỷ đồng. Năm 2026, tỉnh phấn đấu tăng trưởng 11%."
    )
    f = _extract(text, date="2026-03")
    # and "cả năm" is the year the sentence opens with, not the report's
    assert _at(f, 7.34, "indicator", "period_end") == [["grdp_growth", pd.Period("2025-12", "M")]]
    assert _at(f, 24.0, "indicator") == [["grdp_growth_rank_national"]]
    # an item of a list of sectors stays a part
    text = "Một số ngành có mức tăng khá như: công nghiệp chế biến tăng 12,5%; GRDP tỉnh Điện Biên năm 2025 tăng 7,34%."
    assert _unattached(text)[12.5].startswith("a figure for a part")


def test_the_year_summed_up_is_the_reports_not_the_year_whose_tasks_are_set():
    # dev ca_mau_2025_2026-01-05_tongket: every result had been filed under 2026
    f = _extract(
        "Ngày 5/1, UBND tỉnh Cà Mau tổ chức tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026. Báo cáo cho "
        "thấy, tốc độ tăng trưởng kinh tế năm qua ước đạt 8%; tổng thu ngân sách nhà nước ước đạt 11.580 tỷ đồng, "
        "tăng 9,5%. Trong năm 2026, mục tiêu của tỉnh Cà Mau phấn đấu tăng trưởng kinh tế 10%. Năm 2026 được dự báo có "
        "nhiều thách thức."
    )
    assert _at(f, 11580.0, "measure", "period_end") == [["estimate", pd.Period("2025-12", "M")]]
    assert _at(f, 10.0, "measure", "period_end") == [["target", pd.Period("2026-12", "M")]]
    # the tasks of the rest of the report's year are of that year ("6 tháng cuối năm 2024")
    f = _extract(
        "Kỳ họp đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2024 "
        "của tỉnh Kon Tum. Thu ngân sách nhà nước 6 tháng đầu năm đạt 1.500 tỷ đồng."
    )
    assert _at(f, 1500.0, "period_start", "period_end") == [
        [pd.Period("2024-01", "M"), pd.Period("2024-06", "M")]
    ]


def test_a_scale_word_glued_to_its_number_is_read():
    # dev thai_nguyen_2022-09-01_9thang: "đạt trên 25tỷ USD" had been refused as no Vietnamese number
    f = _extract(
        "9 tháng năm 2022, giá trị xuất khẩu hàng hoá trên địa bàn tỉnh Thái Nguyên đạt trên 25tỷ USD, bằng 78,3% kế "
        "hoạch năm. Toàn tỉnh đã cấp mới đăng ký kinh doanh cho 670 doanh nghiệp, tăng 15,5% so với cùng kỳ."
    )
    assert _at(f, 25.0, "indicator", "unit", "qualifier") == [["exports", "billion USD", "over"]]
    assert _at(f, 670.0, "indicator") == [["new_enterprises"]]


def test_a_percent_in_a_parenthesis_right_after_a_figure_is_that_figures():
    # dev tien_giang_2024-09-01_8thang: the share of the plan had gone to the item named after the parenthesis
    f = _extract(
        "Tám tháng năm 2024, tỉnh Tiền Giang chi đầu tư phát triển 3.953 tỷ đồng (80,9% dự toán), chi hành chính sự "
        "nghiệp 4.899 tỷ đồng, bằng 58,7% dự toán."
    )
    assert _at(f, 80.9, "indicator", "form") == [["development_spending", "ratio"]]
    assert _at(f, 58.7, "indicator", "form") == [["recurrent_spending", "ratio"]]
    # an amount in another currency in the parenthesis is its own indicator's
    f = _extract(
        "Năm 2023, GRDP bình quân đầu người tỉnh Thừa Thiên Huế ước đạt 62,6 triệu đồng (2.665 USD/người), tăng 9,5%."
    )
    assert _at(f, 2665.0, "indicator") == [["grdp_per_capita_usd"]]


def test_years_in_a_parenthesis_after_a_count_of_years_are_their_span():
    # dev tien_giang_2024-09-01_8thang: "Trong 3 năm (2021 - 2023)" had named no period
    f = _extract(
        "Trong 3 năm (2021 - 2023) GRDP tỉnh Tiền Giang tăng bình quân 3,9%/năm, GRDP bình quân đầu người năm 2023 "
        "đạt 69 triệu đồng.",
        date="2024-09",
    )
    assert _at(f, 3.9, "period_start", "period_end") == [
        [pd.Period("2021-01", "M"), pd.Period("2023-12", "M")]
    ]
    assert _at(f, 69.0, "period_end") == [[pd.Period("2023-12", "M")]]
    f = _extract(
        "Liên tục trong 3 năm 2019-2021, tăng trưởng GRDP tỉnh Ninh Thuận bình quân 8,5%/năm.", date="2022-04"
    )
    assert _at(f, 8.5, "period_start", "period_end") == [
        [pd.Period("2019-01", "M"), pd.Period("2021-12", "M")]
    ]


def test_retail_sales_and_the_revenue_of_the_service_branches_are_one_indicator():
    # dev tay_ninh_2025-06-27_6thang: "doanh thu các ngành dịch vụ" had made the figure a branch's
    f = _extract(
        "6 tháng đầu năm 2025, tổng mức bán lẻ hàng hoá và doanh thu các ngành dịch vụ tỉnh Tây Ninh ước đạt trên "
        "66.000 tỷ đồng, tăng 12,6% so với cùng kỳ."
    )
    assert _at(f, 66000.0, "indicator", "measure") == [["retail_sales", "estimate"]]


def test_results_against_the_plan_set_are_no_list_of_goals():
    # dev bac_kan_2018-06-01_6thang: "kế hoạch đề ra cụ thể:" had opened a list of goals
    f = _extract(
        "Về sản xuất nông, lâm nghiệp tỉnh Bắc Kạn 6 tháng đầu năm 2018 nhiều chỉ tiêu đạt và vượt kế hoạch đề ra cụ "
        "thể: Tổng sản lượng lương thực có hạt vụ đông xuân ước đạt 80.081 tấn, đạt 101% kế hoạch."
    )
    assert _measures(f) == {80081.0: "estimate", 101.0: "estimate"}
    # a province that sets goals still lists goals
    f = _extract(
        "Năm 2018, tỉnh Bắc Kạn đề ra một số mục tiêu chủ yếu: tổng sản lượng lương thực có hạt đạt 170.000 tấn."
    )
    assert _measures(f) == {170000.0: "target"}


def test_a_sentence_that_opens_with_a_goal_or_a_plan_is_one_throughout():
    # dev ninh_binh_2023-09-01_dulich9thang: "Phấn đấu … ước đạt" had been an estimate of the report's year, and the
    # revenue after ";" in a sentence opening "Dự kiến" a result
    f = _extract(
        "Dự kiến trong năm 2023, các khu du lịch của tỉnh Ninh Bình dự kiến sẽ đón khoảng 6,5 đến 6,8 triệu lượt "
        "khách, tăng 83% so với năm 2022; doanh thu đạt 6.850 tỷ đồng, tăng 114% so với năm 2022. Phấn đấu đến năm "
        "2025, tổng lượng khách tham quan, du lịch Ninh Bình ước đạt trên 8 triệu lượt khách.",
        date="2023-09",
    )
    assert _at(f, 6850.0, "indicator", "measure") == [["tourism_revenue", "plan"]]
    assert _at(f, 8.0, "measure", "period_end") == [["target", pd.Period("2025-12", "M")]]


def test_the_revenue_of_travel_agencies_and_other_services_is_a_part_of_retail_sales():
    # dev ha_noi_2022-09-01_banle: each had been filed as the city's tourism revenue
    text = (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 8/2022 của Hà Nội ước tính đạt 58,5 nghìn tỷ "
        "đồng, trong đó doanh thu du lịch lữ hành đạt 2,1 nghìn tỷ đồng, tăng 1,6% so tháng trước; doanh thu dịch "
        "vụ khác đạt 11,6 nghìn tỷ đồng, tăng 1,4%."
    )
    f = _extract(text)
    assert f["value"].tolist() == [58.5]
    assert _unattached(text)[2.1].startswith("a figure for a part")


def test_the_years_budget_estimate_named_as_subject_is_a_plan_of_the_year():
    # dev quang_binh_2023-07-12_hdnd: "(dự toán cả năm là 7.000 tỉ đồng)" had been a second figure of the half-year
    f = _extract(
        "Tổng thu ngân sách tỉnh Quảng Bình 6 tháng năm 2023 ước thực hiện được 2.580 tỉ đồng, chỉ đạt 36,8% dự toán "
        "địa phương (trong khi dự toán cả năm là 7.000 tỉ đồng)."
    )
    assert _at(f, 7000.0, "measure", "period_start", "period_end") == [
        ["plan", pd.Period("2023-01", "M"), pd.Period("2023-12", "M")]
    ]
    assert _at(f, 2580.0, "measure", "period_end") == [["estimate", pd.Period("2023-06", "M")]]


def test_items_after_a_breakdown_are_parts_of_the_same_estimate():
    # dev thanh_hoa_2025_2025-10-03_thungansach: the second item had been a result, not part of the estimate
    f = _extract(
        "Tính đến hết ngày 30/9/2025, thu ngân sách của tỉnh Thanh Hóa ước đạt 44.067 tỷ đồng, bằng 97% dự toán. "
        "Trong đó, thu nội địa 28.661 tỷ đồng, bằng 104,3% dự toán. Thu xuất nhập khẩu 15.406 tỷ đồng, bằng 85,6% dự "
        "toán. Thu ngân sách tháng 9/2025 đạt 4.000 tỷ đồng."
    )
    assert _measures(f) == {
        44067.0: "estimate",
        97.0: "estimate",
        28661.0: "estimate",
        104.3: "estimate",
        15406.0: "estimate",
        85.6: "estimate",
        4000.0: "actual",
    }


def test_an_earlier_quarter_beside_an_estimate_is_known_its_last_estimated():
    # dev nghe_an_2023-10-31_quy3, hung_yen_2024-07-10_ngansach: the first quarter had been an estimate
    f = _extract(
        "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh Nghệ An (GRDP) 9 tháng đầu năm 2023 ước đạt 6,27% (quý I "
        "tăng 7,63%; quý II tăng 4,94%, quý III tăng 6,51%)."
    )
    assert _measures(f) == {6.27: "estimate", 7.63: "actual", 4.94: "actual", 6.51: "estimate"}
    f = _extract(
        "GRDP tỉnh Hưng Yên 6 tháng đầu năm 2024 ước tăng 6,81% so với cùng kỳ năm 2023 (quý I sơ bộ tăng 6,31%, quý "
        "II ước tăng 7,27%)."
    )
    assert _measures(f) == {6.81: "estimate", 6.31: "actual", 7.27: "estimate"}


def test_a_year_after_the_amount_a_change_starts_from_dates_only_that_amount():
    # dev kon_tum_2023-01-31_gapmat: "năm 2021" had dated the 2022 income and the revenue after it
    f = _extract(
        "Năm 2022, tỉnh Kon Tum có thu nhập bình quân đầu người tăng từ gần 47 triệu đồng năm 2021 lên trên 52 triệu "
        "đồng; thu ngân sách nhà nước khoảng 4.000 tỷ đồng."
    )
    assert _at(f, 52.0, "period_end") == [[pd.Period("2022-12", "M")]]
    assert _at(f, 4000.0, "period_end") == [[pd.Period("2022-12", "M")]]


def test_the_province_collecting_or_spending_names_its_budget():
    # dev tra_vinh_2024-07-13_6thang, tien_giang_2024-09-01_8thang: a bare "thu"/"chi" before the amount had named
    # no indicator
    f = _extract(
        "Cụ thể, 6 tháng đầu năm 2024 tỉnh Trà Vinh thu hơn 11.200 tỷ đồng, tăng 20,17% so với cùng kỳ. Tám tháng năm "
        "2024, tỉnh Trà Vinh đã chi 10.362 tỷ đồng, bằng 70,1% dự toán."
    )
    assert _at(f, 11200.0, "indicator", "qualifier") == [["state_budget_revenue", "over"]]
    assert _at(f, 20.17, "indicator", "form") == [["state_budget_revenue", "change"]]
    assert _at(f, 10362.0, "indicator") == [["local_budget_spending"]]
    assert _at(f, 70.1, "indicator", "form") == [["local_budget_spending", "ratio"]]
    # what visitors bring is no budget revenue
    f = _extract("Cao Bằng đặt mục tiêu thu 900 tỷ đồng từ du lịch vào năm 2020.", date="2019-11")
    assert "state_budget_revenue" not in f["indicator"].tolist()


def test_the_province_collecting_past_its_budget_estimate_names_its_revenue():
    # dev hung_yen_2022-01-01_ngansach: "thu vượt 17,5% dự toán" had named no indicator (noted and left in 0.20.9)
    f = _extract(
        "Năm 2018, tỉnh Hưng Yên thu vượt 17,5% dự toán Bộ Tài chính giao, tăng 14,4% so với năm 2017."
    )
    assert _at(f, 17.5, "indicator", "form", "relative_to") == [
        ["state_budget_revenue", "change", "budget_estimate_central"]
    ]
    assert _at(f, 14.4, "indicator", "relative_to") == [["state_budget_revenue", "same_period_last_year"]]
    # a share of something else's estimate is not read as revenue ("chi" is spending)
    f = _extract("Năm 2018, tỉnh Hưng Yên chi đạt 95% dự toán.")
    assert _at(f, 95.0, "indicator") == [["local_budget_spending"]]


def test_more_names_of_investment_and_planted_area():
    # dev kien_giang_2022-12-29_sukien2022, quang_ninh_2025_2025-10-02_grdp, ha_tinh_2025_2025-11-26_ktxh
    f = _extract(
        "Năm 2022, tổng vốn huy động đầu tư toàn xã hội tỉnh Kiên Giang gần 41.200 tỷ đồng, đạt 110,14% kế hoạch; "
        "tổng diện tích gieo cấy cả năm đạt 104.789 ha. Thu hút đầu tư vốn ngoài ngân sách trong nước đạt hơn 194.000 "
        "tỷ đồng."
    )
    assert _at(f, 41200.0, "indicator", "qualifier") == [["total_investment", "nearly"]]
    assert _at(f, 104789.0, "indicator") == [["planted_area"]]
    assert _at(f, 194000.0, "indicator") == [["domestic_investment_registered"]]


def test_what_one_tax_office_collects_is_no_budget_revenue():
    # dev tay_ninh_2025_2025-07-01_thuengansach (batch 31: 0.20.11's "the province collecting" rule had filed these
    # parts as the province's revenue, 7 rows the readers do not have — the precision 0.20.11 lost on batch 31)
    f = _extract(
        "Theo Thuế tỉnh Tây Ninh, tổng thu ngân sách nhà nước 6 tháng đầu năm 2025 trên địa bàn là 24.840,556 tỷ đồng. "
        "Trong đó, tỉnh quản lý thu là 19.098,658 tỷ đồng, đạt 81,4% so với dự toán địa phương, bằng 142,3% so với "
        "cùng kỳ năm 2024. Tổng thuế cơ sở quản lý thu là 5.741,898 tỷ đồng, đạt 68,6% so với dự toán địa phương."
    )
    assert _at(f, 24840.556, "indicator") == [["state_budget_revenue"]]
    for part in (19098.658, 81.4, 142.3, 5741.898, 68.6):
        assert _at(f, part, "indicator") == []
