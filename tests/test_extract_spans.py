"""Spans read off blind batches once they became development texts (0.20.17, issue 14): each test is on
sentences of a development text of the corpus (`datasets/corpus/dev/`) and fails without its rule."""

from __future__ import annotations

import warnings

import pandas as pd

import ktstats


def _extract(text: str, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ktstats.extract(text, **kw).to_frame()


def _spans(frame: pd.DataFrame) -> dict[float, tuple[str, str]]:
    return {float(r.value): (str(r.period_start), str(r.period_end)) for r in frame.itertuples()}


def test_a_report_of_one_month_dates_the_figures_that_name_no_period():
    # dev lam_dong_2021-05-01_congnghiep (batch 34): the month named once, then figures with none of their own
    f = _extract(
        "Theo Sở Công thương tỉnh Lâm Đồng, giá trị sản xuất công nghiệp (theo giá so sánh 2010) tháng 4 năm 2021 "
        "ước đạt 1.655,3 tỷ đồng, tăng 18,17% so với cùng kỳ năm trước. Theo đó, chỉ số sản xuất toàn ngành công "
        "nghiệp trên địa bàn tỉnh dự tính tăng 16,1% so với cùng kỳ. Ước tổng mức bán lẻ hàng hóa và doanh thu dịch "
        "vụ đạt 4.749,1 tỷ đồng, tăng 66,03% so với cùng kỳ năm trước và kim ngạch xuất khẩu đạt 52,66 triệu USD, "
        "giảm 0,43% so với cùng kỳ ."
    )
    spans = _spans(f)
    assert spans[4749.1] == spans[16.1] == spans[52.66] == ("2021-04", "2021-04")
    assert set(f["region"]) == {"lam_dong"}


def test_the_end_of_the_year_is_no_month_of_its_own():
    # dev dong_thap_2024-12-16_kinhte: "tính đến cuối năm 2024" ends the year; its figures are the year's
    f = _extract(
        "Theo UBND tỉnh Đồng Tháp, tính đến cuối năm 2024, quy mô kinh tế ước đạt mốc 124.127 tỉ đồng. Tốc độ "
        "tăng trưởng kinh tế đạt 6%; GRDP bình quân đầu người đạt 77,5 triệu đồng. Tổng thu ngân sách nhà nước trên "
        "địa bàn ước đạt 9.675 tỉ đồng, tăng 16% so với năm 2023."
    )
    assert _spans(f)[9675.0] == _spans(f)[6.0] == ("2024-01", "2024-12")
