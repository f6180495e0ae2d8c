import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import ktstats
from ktstats import ParseError, normalize_text
from ktstats.lang.text import squash_whitespace


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("uỷ ban", "ủy ban"),
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("hoà bình", "hòa bình"),
        ("văn hoá", "văn hóa"),
        ("khoẻ", "khỏe"),
        ("thuỷ lợi", "thủy lợi"),
        ("HOÀ", "HÒA"),
        ("hoạ", "họa"),
    ],
    ids=lambda s: s,
)
def test_old_tone_placement_is_canonicalised(old, new):
    assert normalize_text(old) == new
    assert normalize_text(new) == new


@pytest.mark.parametrize("word", ["quý", "quỳnh", "hoàn", "thuyền", "toán", "khuỷu", "ngoài"])
def test_words_that_must_not_change(word):
    assert normalize_text(word) == word


def test_nfd_and_nfc_compare_equal():
    text = "Thu ngân sách nhà nước khoảng 830 tỷ đồng"
    assert normalize_text(unicodedata.normalize("NFD", text)) == text


def test_spaces_tabs_and_zero_width_marks():
    assert normalize_text("830\u00a0tỷ\tđồng\u200b") == "830 tỷ đồng"
    assert normalize_text("a  \n  b") == "a\nb"
    assert squash_whitespace(" a\n\n\tb ") == "a b"


def test_icelandic_eth_becomes_vietnamese_d():
    assert normalize_text("\u00d0ảng") == "Đảng"


def test_rejects_non_text():
    with pytest.raises(ParseError, match="got int 5"):
        normalize_text(5)  # type: ignore[arg-type]


@given(st.text())
@example("uỷ\u00a0")
@example("o\u0300a")
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_the_older_spelling_qui_is_quy():
    # dev tien_giang_2024-08-22_6thang: "quí I tăng 4,47%, quí II tăng 6,63%" named no quarter
    assert ktstats.normalize_text("quí I, Quí II, quí báu") == "quý I, Quý II, quý báu"
    assert ktstats.normalize_text("quít, quính") == "quít, quính"  # other syllables stay
    f = ktstats.extract(
        "Tổng sản phẩm trên địa bàn tỉnh Tiền Giang 6 tháng đầu năm 2024 tăng 5,56%, quí I tăng 4,47%, quí II tăng 6,63%."
    ).to_frame()
    assert f.loc[f["value"] == 4.47, ["period_start", "period_end"]].astype(str).values.tolist() == [
        ["2024-01", "2024-03"]
    ]
