"""Issue 14: the extraction corpus (real texts, a development and a held-out part), the rules it
asked for, the bad inputs it listed, and Kon Tum's history with the report's projections."""

from __future__ import annotations

import importlib.util
import math
import re
import sys
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest

import ktstats
from ktstats.catalog.bundled import data_dir
from ktstats.catalog.indicators import by_code
from ktstats.data.schema import FORMS, MEASURES, RELATIVE_TO
from ktstats.lang.numbers import QUALIFIERS
from ktstats.lang.units import parse_unit

CORPUS = data_dir() / "corpus"
BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "extract_quality.py"


def _bench():
    spec = importlib.util.spec_from_file_location("extract_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_quality"] = module  # its dataclasses need their module registered
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _extract(text: str, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ktstats.extract(text, **kw).to_frame()


# --- the corpus itself --------------------------------------------------------------------------


def test_the_corpus_lists_every_text_with_its_source_and_date():
    texts = pd.read_csv(CORPUS / "texts.csv", dtype=str, keep_default_na=False)
    assert len(texts) >= 40 and (texts["part"] == "heldout").sum() >= 15
    assert texts["id"].is_unique
    parts = ("dev", "heldout", "reserve")  # reserve: a blind batch kept for the next version's first score
    on_disk = {(p.parent.name, p.stem) for part in parts for p in (CORPUS / part).glob("*.txt")}
    assert on_disk == set(zip(texts["part"], texts["id"], strict=True))
    assert {(p.parent.name, p.stem) for part in parts for p in (CORPUS / part).glob("*.csv")} == on_disk
    # the second reading covers texts of the first held-out batches (development texts since 0.10.0), of the
    # fifth (held out in 0.11.0), the eighth (0.12.0), the ninth (0.13.0), the eleventh (0.15.0), the fifteenth
    # and sixteenth (0.18.0), the eighteenth (0.19.0) and the twenty-second (0.20.3)
    assert {p.stem for p in (CORPUS / "second_reading").glob("*.csv")} <= set(
        texts.loc[
            texts["annotator"].str.fullmatch(
                r"helper-heldout-[ab]|helper-h5[fgh]|helper-h8[opq]|helper-h9[rst]|helper-h11[xyz]|helper-h1[56][j-r]"
                r"|helper-h18[vwx]|helper-h22[abc]"
            ),
            "id",
        ]
    )
    assert texts["url"].str.startswith("http").all()
    assert pd.to_datetime(texts["date"], errors="coerce").notna().all()
    assert set(texts["date_precision"]) <= {"day", "month"}
    # several provinces and years, and the held-out texts were annotated by readers who never saw the rules
    assert texts["region"].nunique() >= 25 and texts["date"].str[:4].nunique() >= 7
    # (the first two batches became development texts in 0.10.0, after their scores had been looked at often)
    # (batches 3 and 4, held out in 0.10.0, 5, 6 and 7, each scored once in 0.11.0, 8, held out in 0.12.0, 9,
    # held out in 0.13.0, 10–14, held out in 0.14.0–0.18.0, 15–16, held out in 0.18.0, 17, held out in 0.18.1, 18,
    # held out in 0.19.0, 19, held out in 0.19.1–0.20.0, 20, held out in 0.20.0, and
    # 21, held out in 0.20.1–0.20.2, 22, held out in 0.20.3–0.20.4, 23, held out in 0.20.5, 24, held out in
    # 0.20.6, 25, held out in 0.20.7, 26, held out in 0.20.8, 27, held out in 0.20.9, 28, held out in
    # 0.20.10, 29, held out in 0.20.11, 30, held out in 0.20.12, 31, held out in 0.20.13, 32, held out in
    # 0.20.14, 33, held out in 0.20.15, 34, held out in 0.20.16, 35, held out in 0.20.17, 36, scored once
    # when 0.20.17 was frozen, 37, held out in 0.20.18–0.20.19, 38, held out in 0.20.19–0.20.20, 39, scored once
    # when 0.20.18 was frozen, 40, scored once when 0.20.19 was frozen, 41, held out in 0.20.20–0.20.21, 42, held
    # out in 0.20.21–0.20.22, 43, scored once when 0.20.20 was frozen, 44, held out in 0.20.22–0.20.23, 45,
    # scored once when 0.20.21 was frozen, 46, scored once when 0.20.22 was frozen, 47, held out in
    # 0.20.23–0.20.24, 48, held out in 0.20.24–0.20.25, 49, scored once when 0.20.23 was frozen, 51, scored once
    # when 0.20.24 was frozen, and 52 and 53, scored once when 0.20.25 was frozen, are development texts)
    # the fiftieth and fifty-fourth to sixty-fourth batches: found blind during 0.20.24 to 0.20.29, scored first
    # when each version was frozen (56 and 57 with 0.20.25 too, its second clean figure; 60 with 0.20.27, 61
    # with 0.20.28, 62 and 63 with 0.20.29, 64 with 0.20.30)
    assert set(texts.loc[texts["part"] == "heldout", "annotator"]) <= {
        f"helper-h{n}{x}" for n in (50, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64) for x in "abc"
    }
    # the next blind batch waits here, never scored, for the next version's first clean figure
    assert set(texts.loc[texts["part"] == "reserve", "annotator"]) <= {
        *(f"helper-h{n}{x}" for n in (65,) for x in "abc"),
    }


@pytest.mark.parametrize("part", ["dev", "heldout", "reserve"])
def test_every_expected_figure_is_in_its_quote_and_its_quote_in_its_text(part):
    from ktstats.data.schema import _numbers_in

    catalog = by_code()
    texts = pd.read_csv(CORPUS / "texts.csv", dtype=str, keep_default_na=False)
    rows = 0
    for doc in texts.loc[texts["part"] == part, "id"]:
        text = " ".join(
            ktstats.normalize_text((CORPUS / part / f"{doc}.txt").read_text(encoding="utf-8")).split()
        )
        assert unicodedata.is_normalized("NFC", text)
        expected = pd.read_csv(CORPUS / part / f"{doc}.csv", dtype={"period_start": str, "period_end": str})
        for r in expected.to_dict("records"):
            rows += 1
            where = f"{part}/{doc}.csv: {r['indicator']} {r['value']}"
            assert r["indicator"] in catalog, where
            assert r["measure"] in MEASURES and r["form"] in FORMS, where
            assert r["qualifier"] in QUALIFIERS, where
            assert ("" if pd.isna(r["relative_to"]) else r["relative_to"]) in RELATIVE_TO, where
            parse_unit("" if pd.isna(r["unit"]) else str(r["unit"]))
            assert pd.Period(r["period_start"], "M") <= pd.Period(r["period_end"], "M"), where
            quote = " ".join(ktstats.normalize_text(str(r["quote"])).split())
            assert quote in text, where
            numbers = _numbers_in(quote, "vi") + _numbers_in(quote, "en")
            # "10 nghìn 537 tỷ đồng": thousands in words, then the rest in digits
            numbers += [
                int(a) * 1000 + int(b) for a, b in re.findall(r"([0-9]+) nghìn ([0-9]{1,3})\b", quote)
            ]
            # "5 tỷ 508 triệu USD": billions and millions in words (5508 million)
            numbers += [
                int(a) * 1000 + int(b) for a, b in re.findall(r"([0-9]+) t[ỷỉ] ([0-9]{1,3}) triệu", quote)
            ]
            # "3 triệu 508 nghìn lượt": millions and thousands in words
            numbers += [
                int(a) * 10**6 + int(b) * 1000
                for a, b in re.findall(r"([0-9]+) triệu ([0-9]{1,3}) nghìn", quote)
            ]
            # "tăng bốn lần", "gấp đôi": a multiple in words
            words = dict(
                zip(
                    ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"),
                    range(2, 11),
                    strict=True,
                )
            )
            numbers += [words[w] for w in re.findall(r"(?<!\w)(" + "|".join(words) + r")\s+lần", quote)]
            # "đứng thứ hai cả nước": a rank in words
            numbers += [words[w] for w in re.findall(r"(?<!\w)thứ\s+(" + "|".join(words) + r")(?!\w)", quote)]
            numbers += [2] if "gấp đôi" in quote else []
            value = abs(float(r["value"])) if r["qualifier"] != "range" else abs(float(r["low"]))
            # as written, or as an annotator converted it and noted it ("5,9 triệu lượt" → 5900000 visits,
            # "3,11 tỉ USD" → 3110 million USD, "gấp 4,3 lần" → 430 %)
            scales = (1.0, 100.0, 1e3, 1e4, 1e6, 1e9)  # 1e4: "39 vạn tấn" (vạn = ten thousand)
            if (
                r["indicator"].endswith("_rank_national")
                and value == 1.0
                and re.search(r"(?:đứng|dẫn) đầu|cao nhất", quote)
            ):
                continue  # "đứng đầu cả nước", "cao nhất cả nước": first, in words
            assert any(math.isclose(value, abs(n) * k, rel_tol=1e-9) for n in numbers for k in scales), where
    # a batch of 20–42 texts holds 149–377 figures; the reserve is empty between batches
    assert rows >= {"dev": 1500, "heldout": 120, "reserve": 40 * any((CORPUS / part).glob("*.txt"))}[part]


# --- the benchmark: scored on every field, both parts -------------------------------------------


def test_the_benchmark_says_what_became_of_a_figure_missed_altogether():
    q = _bench()
    ds = ktstats.extract(
        "Năm 2024, thu ngân sách nhà nước đạt 830 tỷ đồng; tỷ lệ che phủ 41,5%. Doanh thu 12 tỷ đồng.",
        region="Kon Tum",
    )
    expected = pd.DataFrame(
        [
            ("forest_cover", 41.5, "percent"),  # kept unattached: a percent does not fit the clause's subject
            ("tourism_revenue", 12, "billion dong"),  # "Doanh thu" names none of the catalog
            ("retail_sales", 830, "billion dong"),  # its value was filed as budget revenue
            ("exports", 7, "million USD"),  # no such number in the text
        ],
        columns=["indicator", "value", "unit"],
    ).assign(region="kon_tum", period_start="2024-01", period_end="2024-12", measure="actual")
    expected = expected.assign(qualifier="exact", form="level", relative_to="")
    matched, misses, extras = q.match(q.keys(expected, "kon_tum"), q.keys(ds.to_frame()))
    lost = q._lost(misses, extras, ds.unattached)
    assert matched == 0 and sum(lost.values()) == 4
    assert lost["filed under another indicator"] == 1
    assert lost["unit does not fit the indicator"] == 1
    assert lost["no indicator of the catalog is named near it"] == 1
    assert lost["not read as a number (a word, a number in words, or no reading)"] == 1


def test_the_scorer_compares_quantities_and_every_field():
    q = _bench()
    row = {
        "indicator": "state_budget_revenue",
        "region": "kon_tum",
        "period_start": "2018-01",
        "period_end": "2018-06",
        "measure": "estimate",
        "value": 1_172_000.0,
        "unit": "million dong",
        "qualifier": "exact",
        "form": "level",
        "relative_to": "",
    }
    same = dict(row, value=1172.0, unit="billion dong")
    assert q.keys(pd.DataFrame([row])) == q.keys(pd.DataFrame([same]))
    matched, misses, extras = q.match(
        q.keys(pd.DataFrame([row])), q.keys(pd.DataFrame([dict(same, qualifier="approx")]))
    )
    assert (matched, len(misses), len(extras)) == (0, 1, 1)  # a wrong qualifier is a miss and an extra


def test_two_readers_agree_on_most_figures():
    first, second, same = _bench().agreement()
    assert first >= 50 and 0.75 <= same / first <= 1 and 0.7 <= same / second <= 1
    # and the second reader's quotes are sentences of the text too
    texts = pd.read_csv(CORPUS / "texts.csv", dtype=str, keep_default_na=False).set_index("id")
    for path in (CORPUS / "second_reading").glob("*.csv"):
        text = " ".join(
            ktstats.normalize_text(
                (CORPUS / texts.loc[path.stem, "part"] / f"{path.stem}.txt").read_text()
            ).split()
        )
        for quote in pd.read_csv(path)["quote"]:
            assert " ".join(ktstats.normalize_text(str(quote)).split()) in text, path.name


def test_a_plan_named_by_its_body_is_scored_as_the_plan_the_readers_read():
    q = _bench()
    row = dict(
        indicator="public_investment_disbursement",
        region="long_an",
        period_start="2025-01",
        period_end="2025-03",
        measure="actual",
        value=11.71,
        unit="percent",
        qualifier="exact",
        form="ratio",
    )
    central, plain = (q.keys(pd.DataFrame([row | {"relative_to": r}])) for r in ("plan_central", "plan"))
    assert central == plain and central[0][-1] == "plan"
    budget = q.keys(pd.DataFrame([row | {"relative_to": "budget_estimate_central"}]))
    assert budget[0][-1] == "budget_estimate_central"


def test_quality_on_the_dev_part_and_the_held_out_part():
    """Floors a little under what 0.20.30 measures (dev 81,8 % / 84,3 %; held-out batches 50 and 54 to 64 76,3 % /
    78,4 %): they guard against regressions; the figures to quote, and how clean each is, are in docs/extract.md."""
    q = _bench()
    for part, recall, precision in (("dev", 0.81, 0.83), ("heldout", 0.75, 0.77)):
        scores = q.score_part(part)
        t, f, m = q.summary(scores)
        assert m / t >= recall and m / f >= precision, (part, m / t, m / f)
        # matched on fewer fields, a figure can only match more often; on every field, as the summary says
        steps = q.ladder(scores)
        assert [x[3] for x in steps] == sorted((x[3] for x in steps), reverse=True)
        assert steps[-1][1:] == (t, f, m) and steps[0][3] > m


# --- the rules issue 14 asked for, on sentences of the development texts ------------------------


def _one(frame: pd.DataFrame, **kw) -> pd.Series:
    hit = frame
    for k, v in kw.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, frame[["indicator", "value", "form", "relative_to"]].values.tolist()
    return hit.iloc[0]


def _filed(frame: pd.DataFrame, value: float, *fields: str) -> tuple[str, ...]:
    """The fields, as text, of the one row of ``value``: where extract filed it ("2024-07" for a month)."""
    row = _one(frame, value=value)
    return tuple(str(row[f]) for f in fields)


def test_references_keep_what_the_text_says():
    f = _extract(
        "Tính đến ngày 31/7/2017, tổng thu ngân sách nhà nước trên địa bàn tỉnh Kon Tum ước đạt 1.250 tỷ đồng, "
        "đạt 55% dự toán Trung ương giao, tăng hơn 12% so cùng kỳ."
    )
    assert _one(f, value=55.0)["relative_to"] == "budget_estimate_central"
    r = _one(f, value=12.0)
    assert (r["form"], r["relative_to"], r["qualifier"]) == ("change", "same_period_last_year", "over")
    assert (str(r["period_start"]), str(r["period_end"])) == ("2017-01", "2017-07")
    f = _extract(
        "Tổng thu ngân sách địa phương năm 2024 của tỉnh Kon Tum ước đạt 9.500 tỷ đồng, bằng 121% cùng kỳ năm trước."
    )
    assert _one(f, value=121.0)[["indicator", "form", "relative_to"]].tolist() == [
        "local_budget_revenue_total",
        "ratio",
        "same_period_last_year",
    ]


def test_sub_indicators_and_growth_of_the_subject():
    f = _extract(
        "Năm 2022, tỉnh Kon Tum: thu nội địa đạt 1.100 tỷ đồng; thu hoạt động xuất nhập khẩu đạt 45 tỷ đồng; "
        "tăng trưởng tín dụng đạt 8,5%; kim ngạch xuất khẩu đạt 80 triệu USD, tăng trưởng 12%; "
        "vốn đầu tư thực hiện ước đạt 10.300 tỷ đồng."
    )
    assert _one(f, value=1100.0)["indicator"] == "domestic_revenue"
    assert _one(f, value=45.0)["indicator"] == "trade_revenue"
    assert _one(f, value=8.5)["indicator"] == "credit_growth"
    assert _one(f, value=12.0)[["indicator", "form"]].tolist() == ["exports", "change"]
    assert _one(f, value=10300.0)["indicator"] == "total_investment"


def test_the_year_and_the_period_come_from_the_text():
    # the year of "so với năm 2010" / "giá so sánh 2010" is a reference, not the period
    f = _extract(
        "Ước tính Tổng sản phẩm trên địa bàn (GRDP) tỉnh Kon Tum 6 tháng đầu năm 2018 theo giá so sánh 2010 "
        "tăng 7,90% so với 6 tháng đầu năm 2017."
    )
    r = _one(f, value=7.9)
    assert (r["indicator"], str(r["period_end"]), r["measure"]) == ("grdp_growth", "2018-06", "estimate")
    # "đến cuối tháng 7 … năm 2017": the year so far, not the whole year
    f = _extract(
        "Đến cuối tháng 7, tỉnh Kon Tum đã giải ngân được 1.200 tỷ đồng vốn đầu tư công năm 2017, đạt 40% kế hoạch."
    )
    assert {(str(a), str(b)) for a, b in zip(f["period_start"], f["period_end"], strict=True)} == {
        ("2017-01", "2017-07")
    }
    # spelled periods, and the year the text's own periods name (not the years it compares with)
    f = _extract(
        "Chín tháng đầu năm 2025, thu ngân sách tỉnh Nghệ An gần 20.000 tỷ đồng, tăng 30% so với cùng kỳ năm 2024."
    )
    assert str(_one(f, value=20000.0)["period_end"]) == "2025-09"


def test_a_list_of_goals_is_targets():
    text = (
        "Kỳ họp HĐND tỉnh Kon Tum tháng 7/2024. Trong 6 tháng cuối năm, tỉnh Kon Tum phấn đấu đưa tốc độ tăng "
        "trưởng GRDP tăng từ 12,5% trở lên; thu ngân sách nhà nước trên 2.811 tỷ đồng; tổng vốn đầu tư toàn xã "
        "hội đạt từ 17.000 tỷ đồng trở lên."
    )
    f = _extract(text)
    assert set(f["measure"]) == {"target"} and len(f) == 3
    assert {(str(a), str(b)) for a, b in zip(f["period_start"], f["period_end"], strict=True)} == {
        ("2024-07", "2024-12")
    }
    assert _one(f, value=2811.0)["qualifier"] == "over"


def test_ranks_are_national_and_of_growth():
    f = _extract(
        "Năm 2023, GRDP tỉnh Bình Định tăng 7,61%, xếp thứ 17/63 địa phương cả nước, thứ 06/14 địa phương vùng "
        "Bắc Trung bộ; tỷ lệ giải ngân đạt 94,25%, xếp thứ 14/63 địa phương cả nước."
    )
    ranks = f[f["indicator"] == "grdp_growth_rank_national"]
    assert ranks["value"].tolist() == [17.0]  # not the regional rank, not the disbursement's rank


# --- bad input (issue 14) -----------------------------------------------------------------------


def test_english_text_and_ocr_noise_invent_nothing():
    assert _extract("Budget revenue of Kon Tum reached 830 billion dong in 2024.", region="Kon Tum").empty
    noisy = _extract("Năm 2024, thu ngân sách tỉnh Kon Tum đạt l.234 tỷ đồng và 1 .234 tỷ đồng.")
    assert not (noisy["value"] == 1234.0).any() and not (noisy["value"] == 234.0).any()


def test_nfc_and_nfd_read_alike_and_a_flattened_table_is_no_crash():
    text = "Năm 2024, thu ngân sách nhà nước tỉnh Kon Tum ước đạt 4.425 tỷ đồng, bằng 98,3% dự toán."
    nfd = unicodedata.normalize("NFD", text)
    cols = ["indicator", "value", "unit", "form", "relative_to"]
    assert _extract(text)[cols].values.tolist() == _extract(nfd)[cols].values.tolist()
    table = "STT Chỉ tiêu Đơn vị 2023 2024 1 Thu ngân sách tỷ đồng 4.000 4.425 2 Tăng trưởng GRDP % 7,32 8,02"
    ktstats.extract(table, region="Kon Tum")  # figures only where the text supports them, never a crash


# --- Kon Tum's history and the report ------------------------------------------------------------


def test_kon_tum_history_cites_corpus_texts_with_vintages():
    h = ktstats.load_dataset("kon_tum_history").to_frame()
    assert len(h) >= 120 and set(h["region"]) == {"kon_tum"}
    dev = {p.stem for p in (CORPUS / "dev").glob("kon_tum_*.txt")}
    assert set(h["document"]) <= dev
    g = h[(h["indicator"] == "grdp_growth") & (h["form"] == "level")]
    years = {p.year for p in g["period_end"]}
    assert {2018, 2019, 2022, 2024} <= years
    h1 = g[(g["period_start"] == pd.Period("2024-01", "M")) & (g["period_end"] == pd.Period("2024-06", "M"))]
    assert 6.47 in set(h1["value"]) and h1["document_date"].max() < pd.Timestamp("2024-10-22")
    year = g[(g["period_end"] == pd.Period("2024-12", "M")) & (g["measure"] == "actual")]
    assert 8.02 in set(year["value"]) and year["document_date"].min() > pd.Timestamp("2024-12-31")


def test_report_projects_the_2024_targets_as_of_their_resolution(capsys):
    from ktstats.present.cli import main

    assert main(["report", "kon-tum", "--indicator", "grdp_growth"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "từ 8,2% trở lên" in x and "2024" in x and "22/10/2024:" in x)
    # as known on 22/10/2024 (first half 6,47%, the country's weights and errors): below 8,2; the outcome 8,02%
    assert "22/10/2024: 7,62%" in line and "khó đạt" in line and "8,02% — không đạt" in line


def test_results_after_the_merger_are_the_units_and_term_years_are_not_the_report_year():
    f = _extract(
        "Chín tháng năm 2025, tăng trưởng GRDP tỉnh Phú Thọ đạt 10,22%, xếp thứ 4/34 tỉnh, thành phố cả nước."
    )
    assert set(f["region"]) == {"phu_tho_2025"}  # the merged Phú Thọ, not the province that ceased on 30/6
    f = _extract(
        "Sáu tháng đầu năm 2025, tăng trưởng GRDP tỉnh Phú Thọ đạt 8,5%. Năm 2025 tỉnh phấn đấu tăng trưởng 9%."
    )
    assert set(f["region"]) == {"phu_tho"}  # its first half and its own target are the province's
    text = "Hội nghị Tỉnh ủy Vĩnh Phúc khóa XVII, nhiệm kỳ 2020 - 2025: 6 tháng đầu năm, thu nội địa đạt 13.000 tỷ đồng."
    # the year is not written: no figure is filed under 2025 (or 2020); extract asks when the text was published
    with pytest.raises(ktstats.DataError, match=r"never writes the year.*date="):
        ktstats.extract(text)
    r = _one(_extract(text, date="2023-06"), value=13000.0)
    assert (r["indicator"], str(r["period_start"]), str(r["period_end"])) == (
        "domestic_revenue",
        "2023-01",
        "2023-06",
    )


def test_this_year_and_last_year_are_read_from_the_publication_date():
    text = (
        "Chín tháng đầu năm nay, Tổng sản phẩm trên địa bàn (GRDP) tỉnh Nghệ An ước tăng 8,61%. Năm ngoái, GRDP "
        "tỉnh đạt 9,01%. Quý I năm nay, thu ngân sách đạt 5.000 tỷ đồng."
    )
    f = _extract(text, date="2025-10")
    spans = {r.value: (str(r.period_start), str(r.period_end), r.region) for r in f.itertuples()}
    assert spans[8.61] == ("2025-01", "2025-09", "nghe_an_2025")  # the merged unit's nine months
    assert spans[9.01] == ("2024-01", "2024-12", "nghe_an")  # last year: the province as it was then
    # "quý I năm nay", not the whole year; of the unit the report is of (its 2025 statistics cover its territory,
    # as the readers of a merged Quảng Ngãi's report read them), though it ended before the unit began
    assert spans[5000.0] == ("2025-01", "2025-03", "nghe_an_2025")


# --- rules of 0.10.0, on sentences of the dev texts ----------------------------------------------


def test_a_sector_a_contribution_and_a_structure_are_not_the_whole():
    # quang_ninh_2023-06-15_ngansach: a sector's growth, its contribution in points, its share of GRDP
    f = _extract(
        "6 tháng đầu năm 2023, tăng trưởng GRDP tỉnh Quảng Ninh ước đạt 10,05%. Tốc độ tăng trưởng khu vực công "
        "nghiệp, xây dựng ước tăng 8,63%, đóng góp 4,53 điểm % tăng trưởng GRDP, chiếm 55,2% trong GRDP."
    )
    assert f[["indicator", "value"]].values.tolist() == [["grdp_growth", 10.05]]
    # ha_noi_2025-04-08_quy1: the structure of GRDP is no growth rate
    assert _extract("Quý I/2024, cơ cấu GRDP của Hà Nội tương ứng là: 2,08%; 18,39%; 69,14% và 10,39%.").empty
    # quang_tri_2024-07-31_ngansach: revenue from trade is an indicator; total trade is not imports
    f = _extract(
        "6 tháng đầu năm 2024, tỉnh Quảng Trị thu từ hoạt động xuất, nhập khẩu 498,34 tỷ đồng, bằng 52,46% dự toán "
        "và tăng 1,17%. Giá trị kim ngạch xuất nhập khẩu 6 tháng ước đạt trên 716 triệu USD, tăng 40,4%."
    )
    assert set(f["indicator"]) == {"trade_revenue"} and sorted(f["value"]) == [1.17, 52.46, 498.34]
    # "toàn ngành công nghiệp" is the industry as a whole: its production index
    f = _extract("Năm 2021, chỉ số sản xuất toàn ngành công nghiệp tỉnh Kon Tum tăng 12,55%.")
    assert f[["indicator", "value"]].values.tolist() == [["iip_growth", 12.55]]


def test_earlier_periods_levels_from_and_to_and_dates_in_words():
    # nghe_an_2023-10-31_quy3: a change on the previous month
    f = _extract(
        "Chỉ số sản xuất công nghiệp (IIP) tỉnh Nghệ An tháng 9/2023 ước tăng 11,37% so với cùng kỳ năm 2022 và "
        "tăng 3,32% so với tháng 8/2023."
    )
    assert _one(f, value=3.32)[["form", "relative_to"]].tolist() == ["change", "previous_period"]
    assert _one(f, value=11.37)[["form", "relative_to"]].tolist() == ["level", ""]
    # kon_tum_2020-12-07_kyhop11: "tăng từ A (năm 2019) lên B (năm 2020)": two levels, each of its year
    f = _extract(
        "Năm 2020, GRDP bình quân đầu người tỉnh Kon Tum tăng từ 41,27 triệu đồng (năm 2019) lên 46,58 triệu đồng "
        "(năm 2020)."
    )
    assert {r.value: str(r.period_end) for r in f.itertuples()} == {41.27: "2019-12", 46.58: "2020-12"}
    # phu_tho_2025-11-25_ketluan: a date written in words is no figure, and "đến hết ngày …" is the year so far
    f = _extract(
        "Giải ngân vốn đầu tư công tỉnh Phú Thọ tính đến hết ngày 31 tháng 10 năm 2025 đạt 72,4% kế hoạch Thủ "
        "tướng Chính phủ giao."
    )
    r = _one(f, value=72.4)
    assert (r["indicator"], str(r["period_start"]), str(r["period_end"]), r["form"]) == (
        "public_investment_disbursement",
        "2025-01",
        "2025-10",
        "ratio",
    )
    # hau_giang_2021-07-31_6thang: "mức tăng 4,03% của 6 tháng đầu năm 2020" is of that period
    f = _extract(
        "Tổng sản phẩm trên địa bàn tỉnh Hậu Giang 6 tháng đầu năm 2021 tăng 5,99% so với cùng kỳ năm trước, cao "
        "hơn mức tăng 4,03% của 6 tháng đầu năm 2020."
    )
    assert {r.value: str(r.period_end) for r in f.itertuples()} == {5.99: "2021-06", 4.03: "2020-06"}


def test_what_the_clause_says_of_the_measure():
    # kon_tum_2025-01-05_vungvang: a missed target named before "nhưng" does not make the result a target
    f = _extract(
        "Năm 2024, mặc dù không đạt được mục tiêu như mong đợi, nhưng tốc độ tăng trưởng kinh tế tỉnh Kon Tum đạt "
        "ở mức khá cao (đạt 8,02%)."
    )
    assert _one(f, value=8.02)["measure"] == "actual"
    # quang_nam_2024-10-31_dulich: a sentence that opens with "Ước tính" estimates every figure in it
    f = _extract(
        "Ước tính tổng sản phẩm (GRDP) 9 tháng đầu năm 2024 trên địa bàn tỉnh Quảng Nam tăng 5,9% so với cùng kỳ "
        "năm 2023; riêng quý III/2024 tăng 12,7%."
    )
    assert set(f["measure"]) == {"estimate"} and len(f) == 2
    # lang_son_2025-12-11_kyhop44: an amount "được … giao … là" is the plan
    f = _extract(
        "Theo kế hoạch, vốn đầu tư công tỉnh Lạng Sơn năm 2025 được Thủ tướng Chính phủ giao trong năm là "
        "6.316 tỷ đồng."
    )
    assert _one(f, value=6316.0)["measure"] == "plan"


def test_a_change_after_a_figure_is_its_own_and_a_percent_is_no_rank():
    # tra_vinh_2024-07-13_6thang: the 20,17 % is the revenue's change ("thu" names it since 0.20.11), not the GRDP
    # named after it
    f = _extract(
        "Cụ thể, 6 tháng đầu năm 2024 tỉnh Trà Vinh thu hơn 11.200 tỷ đồng, tăng 20,17% so với cùng kỳ, GRDP tỉnh "
        "Trà Vinh tăng đều cả 3 khu vực."
    )
    assert f.loc[f["value"] == 20.17, "indicator"].tolist() == ["state_budget_revenue"]
    # binh_dinh_2023-12-31_nam2023: the plan in parentheses is no rank; the rank is the national one
    f = _extract(
        "Năm 2023, tổng sản phẩm địa phương (GRDP) tỉnh Bình Định tăng 7,61%, vượt so với kế hoạch HĐND tỉnh giao "
        "(7 - 7,5%) và xếp thứ 17/63 địa phương cả nước, thứ 06/14 địa phương vùng Bắc Trung bộ."
    )
    ranks = f[f["indicator"] == "grdp_growth_rank_national"]
    assert ranks["value"].tolist() == [17.0] and set(ranks["unit"]) == {""}


def test_a_province_is_named_with_its_own_diacritics():
    from ktstats.catalog.regions import named_in

    # "diễn biến" (course, development) folds to "dien bien" but is no Điện Biên
    text = "Diễn biến kinh tế của tỉnh Kon Tum; diễn biến thời tiết phức tạp. Dien Bien viết không dấu."
    assert named_in(text) == [("kon_tum", 1), ("dien_bien", 1)]


def test_a_goals_year_is_not_the_period_of_what_follows():
    # dong_nai_2025-09-30_9thang: "mục tiêu … trong năm 2025" does not make the next sentence's revenue the year's
    f = _extract(
        "Tốc độ tăng trưởng GRDP tỉnh Đồng Nai 9 tháng đầu năm 2025 dự đạt trên 9%. Tỉnh Đồng Nai đặt mục tiêu "
        "phấn đấu tốc độ tăng trưởng GRDP đạt 10% trở lên trong năm 2025. Tổng thu ngân sách nhà nước đạt khoảng "
        "58.486 tỷ đồng."
    )
    assert _one(f, value=9.0)["measure"] == "estimate"  # "dự đạt": projected
    assert str(_one(f, value=58486.0)["period_end"]) == "2025-09"
    # lam_dong_2020-06-01_5thang: a change in parentheses after its level
    f = _extract(
        "Trong 5 tháng đầu năm 2020, khách du lịch đến Lâm Đồng đạt khoảng 1,58 triệu lượt (giảm 46% so với cùng kỳ)."
    )
    assert _one(f, value=-46.0)[["indicator", "form"]].tolist() == ["tourist_visits", "change"]


def test_the_rank_of_another_index_and_a_change_by_an_amount():
    # kon_tum_2024-07-31_kyhop7: the administrative-reform index's rank is not GRDP growth's
    f = _extract(
        "Bên cạnh đó, chỉ số cải cách hành chính (PAR INDEX) năm 2023 của tỉnh Kon Tum xếp hạng thứ 43/63 tỉnh, "
        "thành phố cả nước."
    )
    assert f.empty
    # kon_tum_2025-01-05_vungvang: "tăng 8,95 triệu đồng" right after the verb is a change by that amount
    f = _extract("Năm 2024, GRDP bình quân đầu người tỉnh Kon Tum tăng cao (tăng 8,95 triệu đồng).")
    r = _one(f, value=8.95)
    assert (r["indicator"], r["form"], r["relative_to"]) == (
        "grdp_per_capita",
        "difference",
        "same_period_last_year",
    )


def test_the_same_month_a_year_earlier_is_the_same_period_of_last_year():
    # tra_vinh_2024-07-13_6thang
    f = _extract(
        "Chỉ số giá tiêu dùng (CPI) tháng 6/2024 của tỉnh Trà Vinh tăng 0,43% so với tháng trước và tăng 3,67% so "
        "với tháng 6/2023."
    )
    assert _one(f, value=0.43)[["form", "relative_to"]].tolist() == ["change", "previous_period"]
    assert _one(f, value=3.67)[["indicator", "form"]].tolist() == ["cpi_growth", "level"]


def test_the_reports_year_is_not_a_references_or_a_horizons():
    from ktstats.lang.phrases import names_reference
    from ktstats.lang.report_periods import default_year

    # thai_binh_2023-09-30_9thang: only "cùng kỳ năm 2022" is written, so the report is of 2023
    assert default_year("9 tháng đầu năm, thu ngân sách giảm 5,7% so với cùng kỳ năm 2022.") == 2023
    # ninh_thuan_2024-05-09_thang4: "tầm nhìn đến năm 2050" is a horizon, not the report's year
    assert (
        default_year("Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050; tháng 4 thu 5 tỷ đồng.")
        is None
    )
    # son_la_2017-07-01_ttg: a report of mid-2017 that looks back on 2016 more often than it names 2017; its
    # months so far are 2017's results, not goals of a year to come
    text = (
        "Tỷ lệ hộ nghèo năm 2016 còn tới 31,44%. Năm 2016, GRDP của Sơn La đạt 9,2%. Trong 6 tháng đầu năm "
        "2017, tăng trưởng kinh tế của tỉnh đạt 5,15%."
    )
    assert default_year(text) == 2017
    assert _filed(_extract(text), 5.15, "period_end", "measure") == ("2017-06", "actual")
    # ca_mau_2023-12-30_ngansach: a report of December 2023 names 2023 once and 2024 once, in a sentence about
    # the plan the council passed; the report's year is the one its results are of
    text = (
        "Tính đến ngày 29.12, tỉnh này thu ngân sách đạt trên 5.710 tỉ đồng, đạt 118% dự toán. Trong năm 2023, "
        "tổng chi ngân sách 11.259 tỉ đồng. Năm 2024, HĐND tỉnh quyết nghị thông qua tổng thu ngân sách nhà "
        "nước 5.336 tỉ đồng."
    )
    assert default_year(text) == 2023
    assert _filed(_extract(text, region="ca_mau"), 5710.0, "period_start", "period_end") == (
        "2023-01",
        "2023-12",
    )
    # soc_trang_2020-10-12_xuatkhau: "Nếu như 8 tháng năm 2019, …" is the period compared with; the text names its
    # own year only as "năm nay"
    text = "Nếu như 8 tháng năm 2019, kim ngạch chỉ đạt 560 triệu USD, thì năm nay đạt 684 triệu USD."
    assert names_reference(text, text.index("8 tháng"))
    # lam_dong_2025_2025-12-31_quyiv: "Quý IV năm 2025 và phương hướng … năm 2026": the year of the quarter
    text = (
        "Ngày 31/12, UBND tỉnh tổ chức họp báo về tình hình kinh tế, xã hội Quý IV năm 2025 và phương hướng, nhiệm "
        "vụ năm 2026. Trong Quý IV, chỉ số sản xuất công nghiệp tăng 4,7%."
    )
    assert default_year(text) == 2025
    # a share of the year's plan stated for a month is of the year so far (ca_mau_2021-04-09_thang3)
    f = _extract("Tháng 3/2021, kim ngạch xuất khẩu tỉnh Cà Mau đạt 16,4% kế hoạch năm.")
    r = _one(f, value=16.4)
    assert (str(r["period_start"]), str(r["period_end"])) == ("2021-01", "2021-03")


def test_multiples_seasons_and_bare_numbers():
    # hai_duong_2024-12-09_hdnd: "tăng gần 1,13 lần so với năm 2023" is a multiple of last year's
    f = _extract(
        "Năm 2024, quy mô tổng sản phẩm trên địa bàn tỉnh Hải Dương (GRDP) đạt 212.386 tỉ đồng, tăng gần 1,13 lần "
        "so với năm 2023."
    )
    r = _one(f, value=1.13)
    assert (r["indicator"], r["form"], r["relative_to"], r["unit"]) == (
        "grdp_current",
        "ratio",
        "same_period_last_year",
        "times",
    )
    # ha_nam_2021-05-01_thang4: "đã gieo trồng được" names the planted area
    f = _extract(
        "Vụ xuân 2021, tỉnh Hà Nam đã gieo trồng được 34.917,1 ha cây hàng năm, giảm 1,1% so với cùng kỳ."
    )
    assert set(f["indicator"]) == {"planted_area"} and sorted(f["value"]) == [-1.1, 34917.1]
    # a bare number is no growth rate
    assert _extract("Năm 2023, chỉ số sản xuất công nghiệp tỉnh Tây Ninh đạt 2023.").empty


# --- rules of 0.11.0, on sentences of the development texts (batches 3, 4 and 5) -------------------------


def test_a_breakdown_takes_the_measure_span_and_reference_of_what_it_breaks_down():
    # tuyen_quang_2021-10-06_ngansach: "đạt 70,9%" names no reference; it is of the year's estimate, as the whole's
    f = _extract(
        "1.1.1. Thu ngân sách nhà nước: Tổng thu ngân sách nhà nước ước thực hiện 9 tháng đầu năm 2021 đạt "
        "1.749,7 tỷ đồng, đạt 70,8% dự toán năm, tăng 16,8% so với cùng kỳ. Trong đó, thu nội địa đạt 1.694,9 tỷ "
        "đồng, đạt 70,9%, tăng 20,5%.",
        region="Tuyên Quang",
    )
    part = _one(f, value=70.9)
    assert (part["indicator"], part["form"], part["relative_to"], part["measure"]) == (
        "domestic_revenue",
        "ratio",
        "budget_estimate",
        "estimate",
    )
    assert _one(f, value=1694.9)["measure"] == "estimate"
    # hung_yen_2025_2025-10-07_ngansach: the parts of one month's revenue are of that month
    f = _extract(
        "Chỉ tính riêng trong tháng 9/2025, thu ngân sách nhà nước trên địa bàn tỉnh Hưng Yên ước đạt 3.669 tỷ "
        "đồng, tăng 51,19% so với tháng cùng kỳ năm 2024. Trong đó: thu nội địa 3.228 tỷ đồng, tăng 58,85%; "
        "thu từ hoạt động xuất nhập khẩu 441 tỷ đồng, tăng 11,77%.",
        date="2025-10",
    )
    for value in (3228.0, 441.0):
        r = _one(f, value=value)
        assert (str(r["period_start"]), str(r["period_end"]), r["measure"]) == (
            "2025-09",
            "2025-09",
            "estimate",
        )


def test_the_last_quarter_of_an_estimate_is_estimated_and_a_quoted_figure_is_known():
    # nghe_an_2023-10-31_quy3
    f = _extract(
        "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP) 9 tháng đầu năm 2023 ước đạt 6,27% (quý I "
        "tăng 7,63%; quý II tăng 4,94%, quý III tăng 6,51%).",
        region="Nghệ An",
    )
    assert _one(f, value=6.51)["measure"] == "estimate"
    assert _one(f, value=4.94)["measure"] == "actual"
    # da_nang_2024-10-01_9thang: last year's figure quoted for comparison dates only itself, and is known
    f = _extract(
        "Tính chung 9 tháng năm 2024, GRDP của thành phố ước tăng 6,47%, cao hơn mức tăng 3,94% của cùng kỳ năm "
        "2023 và xếp thứ 42/63 địa phương về tốc độ tăng trưởng GRDP.",
        region="Đà Nẵng",
    )
    last = _one(f, value=3.94)
    assert (str(last["period_start"]), str(last["period_end"]), last["measure"]) == (
        "2023-01",
        "2023-09",
        "actual",
    )
    rank = _one(f, value=42.0)
    assert (rank["indicator"], rank["measure"]) == ("grdp_growth_rank_national", "estimate")


def test_goal_lists_asides_and_plans():
    # khanh_hoa_2018-01-01_nam2017: a list of goals cut into sentences at "; GRDP"
    f = _extract(
        "Năm 2018, tỉnh đề ra một số mục tiêu chủ yếu: tốc độ tăng trưởng kinh tế tăng 3 - 3,5%; GRDP đầu người "
        "ước đạt 59,8 triệu đồng; kim ngạch xuất khẩu đạt 1,3 tỷ USD; tổng vốn đầu tư phát triển 41.200 tỷ đồng…",
        region="Khánh Hòa",
    )
    assert set(f["measure"]) == {"target"}
    assert _one(f, value=59.8)["indicator"] == "grdp_per_capita"
    assert _one(f, value=41200.0)["indicator"] == "total_investment"  # "đồng…" ends a word
    # hai_phong_2025-06-01_ngansach: "Theo kế hoạch, … là" is the plan; the parts in an aside name no figure
    f = _extract(
        "Theo kế hoạch, thu ngân sách trên địa bàn thành phố Hải Phòng năm 2025 là hơn 118.079 tỷ đồng, trong "
        "đó, thu nội địa là 51.000 tỷ đồng, thu từ hoạt động xuất nhập khẩu là 62.700 tỷ đồng.",
        region="Hải Phòng",
    )
    assert set(f["measure"]) == {"plan"}
    f = _extract(
        "Ngày 5/6, thông tin từ UBND thành phố Hải Phòng cho biết số thu ngân sách trên địa bàn thành phố (bao "
        "gồm thu từ hoạt động xuất nhập khẩu và thu nội địa) tháng 5/2025 đạt hơn 9.840 tỷ đồng.",
    )
    assert _one(f, value=9840.0)["indicator"] == "state_budget_revenue"


def test_ranks_of_other_indicators_and_first_in_the_country():
    # thanh_hoa_2025_2025-10-03_thungansach: the rank of budget revenue is no GRDP growth rank
    ds = ktstats.extract(
        "9 tháng năm 2025, Thanh Hóa thu ngân sách hơn 44 nghìn tỷ đồng, đứng thứ 9 cả nước",
        region="Thanh Hóa",
    )
    assert "grdp_growth_rank_national" not in set(ds.to_frame()["indicator"])
    assert 9.0 in set(ds.unattached["value"])
    # bac_giang_2023-10-01_quy3: "đứng đầu cả nước" about growth is rank 1, of the same quarter
    f = _extract(
        "TPO - Trong quý III, tốc độ tăng trưởng kinh tế của tỉnh Bắc Giang đạt hơn 14,5%, đứng đầu cả nước.",
        year=2023,
    )
    rank = _one(f, indicator="grdp_growth_rank_national")
    assert (rank["value"], str(rank["period_start"]), str(rank["period_end"])) == (1.0, "2023-07", "2023-09")


def test_a_text_written_after_the_merger_is_of_the_merged_unit():
    # quang_ngai_2025_2025-07-08_grdp: no date given; "(trước sáp nhập)" says when it was written
    f = _extract(
        "Theo đó, GRDP toàn tỉnh Quảng Ngãi 6 tháng đầu năm 2025 ước đạt 41.690 tỉ đồng (giá so sánh năm 2010), tăng "
        "11,51% so với cùng kỳ năm trước. Riêng khu vực tỉnh Quảng Ngãi cũ (trước sáp nhập) đạt hơn 32.900 tỉ đồng."
    )
    assert _one(f, value=41690.0)["region"] == "quang_ngai_2025"
    # nghe_an_2025_2025-10-17_9thang: results of the third quarter were written after the merger, so the
    # scenario the text names is the merged unit's too, not the province's that ceased on 30/6
    f = _extract(
        "Theo Báo cáo của Sở Tài chính Nghệ An, tốc độ tăng trưởng tổng sản phẩm (GRDP) quý III năm 2025 ước tăng "
        "8,62%. Tính chung 9 tháng ước đạt 8,61%, tiệm cận kịch bản tăng trưởng 9 tháng là 8,95%."
    )
    assert set(f["region"]) == {"nghe_an_2025"} and _one(f, value=8.95)["measure"] == "target"
    # but a goal set before the merger, in a text of the first quarter, is the province's own
    f = _extract(
        "Năm 2025, Nghệ An phấn đấu tăng trưởng GRDP từ 10,5% trở lên. Quý I năm 2025 GRDP ước tăng 7,5%."
    )
    assert set(f["region"]) == {"nghe_an"}
    # quang_nam_2023-07-17_6thang: as often named, the first named is the report's
    f = _extract(
        "Theo báo cáo, 6 tháng đầu năm 2023, Quảng Nam tốc độ tăng trưởng kinh tế (GRDP) ước giảm 9,2% so với cùng "
        "kỳ; xếp vị trí thứ 3/5 tỉnh trong khu vực kinh tế trọng điểm miền Trung (sau Đà Nẵng)."
    )
    assert set(f["region"]) == {"quang_nam"}


def test_spans_of_years_halves_and_year_end_counts():
    # tuyen_quang_2025_2025-12-01_muctieu: an average over a term
    r = _one(
        _extract(
            "Phấn đấu tốc độ tăng tổng sản phẩm trên địa bàn bình quân giai đoạn 2026-2030 đạt 10,5%/năm.",
            region="Tuyên Quang",
            date="2025-12",
        ),
        value=10.5,
    )
    assert (str(r["period_start"]), str(r["period_end"]), r["measure"]) == ("2026-01", "2030-12", "target")
    # nghe_an_2024-01-04_nam2023: the year's revenue counted on 4 January of the next
    r = _one(
        _extract(
            "Đáng chú ý, thu ngân sách nhà nước của Nghệ An năm 2023 tính đến ngày 4/1/2024 vượt mức 20.000 tỉ đồng."
        ),
        value=20000.0,
    )
    assert (str(r["period_start"]), str(r["period_end"])) == ("2023-01", "2023-12")
    # hai_duong_2024-07-04_tangtruong: "nửa đầu năm 2023" is a reference, the first half of 2023
    from ktstats.lang.phrases import phrase_span

    assert str(phrase_span("nửa đầu năm 2023", None)) == "2023-01..2023-06"


def test_visitors_and_per_head_amounts():
    # ninh_binh_2023-12-21_dulich (headline) and kon_tum_2024-12-31_tongket
    f = _extract("Ninh Bình đón hơn 6,5 triệu lượt khách trong năm 2023")
    assert _one(f, value=6.5)["indicator"] == "tourist_visits"
    f = _extract(
        "Năm 2024 tỉnh Kon Tum đón hơn 2,3 triệu lượt khách du lịch, mang lại doanh thu 690 tỉ đồng."
    )
    assert _one(f, value=690.0)["indicator"] == "tourism_revenue"
    # vinh_phuc_2022-12-06_ngansach: "đồng/người" of GRDP per head, in the catalog's unit
    r = _one(
        _extract(
            "GRDP bình quân/người năm 2022 ước đạt khoảng 127,8 triệu đồng/người/năm.", region="Vĩnh Phúc"
        ),
        value=127.8,
    )
    assert (r["indicator"], r["unit"], r["qualifier"]) == ("grdp_per_capita", "million dong", "approx")


def test_second_round_references_horizons_and_subjects():
    # dong_nai_2017-06-26_quy1: the reference named before the verb
    r = _one(
        _extract("Chỉ số giá tiêu dùng tháng 03/2017 so với tháng trước tăng 1,78%.", region="Đồng Nai"),
        value=1.78,
    )
    assert (r["indicator"], r["form"], r["relative_to"], str(r["period_start"])) == (
        "cpi_growth",
        "change",
        "previous_period",
        "2017-03",
    )
    # hai_phong_2025_2025-11-06_ngansach: "Hết tháng 10/2025" is the year so far
    r = _one(
        _extract(
            "Hết tháng 10/2025, Hải Phòng có 7 chỉ tiêu kinh tế - xã hội đạt và vượt kịch bản tăng trưởng, trong đó "
            "thu ngân sách đạt hơn 162.875 tỷ đồng, bằng hơn 110% dự toán Trung ương giao cả năm.",
            date="2025-11",
        ),
        value=162875.0,
    )
    assert (str(r["period_start"]), str(r["period_end"])) == ("2025-01", "2025-10")
    # bac_lieu_2022-12-01_dulich: a goal's horizon is its year
    f = _extract(
        "Bạc Liêu đặt mục tiêu đến năm 2025 đón trên 7 triệu lượt khách, tổng doanh thu đạt trên 10.000 tỷ đồng.",
        year=2022,
    )
    assert {(str(a), str(b), m) for a, b, m in f[["period_start", "period_end", "measure"]].values} == {
        ("2025-01", "2025-12", "target")
    }
    # hai_phong_2025_2025-11-06_ngansach: the name after "kịch bản" is the reference's, not the figure's
    r = _one(
        _extract(
            "Tổng mức bán lẻ đạt 309.633,5 tỷ đồng (tăng 15,12% so với cùng kỳ, bằng 82,15% kịch bản tăng trưởng năm).",
            region="Hải Phòng",
            year=2025,
        ),
        value=82.15,
    )
    assert (r["indicator"], r["form"], r["relative_to"]) == ("retail_sales", "ratio", "plan")
    # nghe_an_2025_2025-10-17_9thang: a regional rank does not end the clause's subject
    f = _extract(
        "Tốc độ tăng trưởng tổng sản phẩm (GRDP) quý III ước tăng 8,62%. Tính chung 9 tháng năm ước đạt 8,61% (đứng "
        "thứ 11/34 tỉnh, thành phố và đứng thứ 2 tiểu vùng Bắc Trung Bộ), cao hơn mức tăng 8,49% cùng kỳ năm 2024.",
        region="Nghệ An",
        date="2025-10",
    )
    r = _one(f, value=8.49)
    assert (r["indicator"], str(r["period_start"]), str(r["period_end"]), r["measure"]) == (
        "grdp_growth",
        "2024-01",
        "2024-09",
        "actual",
    )
    assert 2.0 not in set(f["value"])


def test_a_months_figure_before_the_year_so_far_and_the_parts_of_an_estimate():
    # gia_lai_2025_2025-09-09_thang8: a figure with no period of its own, before a clause that opens with the
    # year so far, is the month's; the year so far's is the months'
    f = _extract(
        "Theo báo cáo, tháng 8, sản xuất nông, lâm, thủy sản trên địa bàn tỉnh tiếp tục duy trì ổn định. Chỉ số "
        "sản xuất công nghiệp tăng 6,8% so với cùng kỳ, lũy kế 8 tháng tăng 9%. Doanh thu bán lẻ hàng hóa, dịch "
        "vụ tiêu dùng ước đạt 18.200 tỷ đồng, tăng 23,3%; 8 tháng đạt 132.000 tỷ đồng, tăng 12%. Thu ngân sách 8 "
        "tháng gần 18.400 tỷ đồng, đạt 76,4% dự toán.",
        region="Gia Lai",
        year=2025,
    )
    spans = {r["value"]: (str(r["period_start"]), str(r["period_end"])) for _, r in f.iterrows()}
    month, so_far = ("2025-08", "2025-08"), ("2025-01", "2025-08")
    assert [spans[v] for v in (6.8, 18200.0, 23.3)] == [month] * 3
    assert [spans[v] for v in (9.0, 132000.0, 12.0, 18400.0, 76.4)] == [so_far] * 5
    # phu_yen_2024-12-20_dulich: "gấp 1,6 lần năm 2023" is a multiple of that year's figure, and the year of
    # the figures after it stays the report's
    f = _extract(
        "Tổng thu từ khách du lịch năm 2024 đạt hơn 8.000 tỉ đồng, gấp 1,6 lần năm 2023 (4.917 tỉ đồng), đạt "
        "110,7% so với kế hoạch, tăng 63,6% so với cùng kỳ.",
        region="Phú Yên",
    )
    assert {str(p) for p in f["period_start"]} == {"2024-01", "2023-01"} and len(f) == 5
    # … and the figure in parentheses after "năm 2023" is that year's, known
    assert _one(f, value=4917.0)[["period_end", "measure"]].astype(str).tolist() == ["2023-12", "actual"]
    assert _one(f, value=1.6)[["form", "relative_to"]].tolist() == ["ratio", "same_period_last_year"]
    # bac_giang_2024-06-28_6thang: the parts of an estimate, after "trong đó", are estimates in every clause
    f = _extract(
        "6 tháng đầu năm 2024, tổng kim ngạch xuất nhập khẩu ước đạt 23,9 tỷ USD, tăng 21,3%, trong đó xuất khẩu "
        "đạt 12,6 tỷ USD, tăng 22,58%, đạt 38,2% kế hoạch; nhập khẩu đạt 11,3 tỷ USD, tăng 22,04%, đạt 41,8% kế "
        "hoạch.",
        region="Bắc Giang",
    )
    assert set(f["indicator"]) == {"exports", "imports"} and set(f["measure"]) == {"estimate"}


def test_a_bare_share_of_the_budget_or_of_disbursement_and_domestic_projects():
    # dong_thap_2021-06-01_hopthuongky: "giải ngân … đạt 11,75%" is of the plan; a budget item's bare share is of
    # its estimate (dự toán)
    f = _extract(
        "6 tháng đầu năm 2021, giải ngân vốn đầu tư công đạt 11,75%; tổng thu ngân sách nhà nước ước đạt hơn "
        "4.170 tỷ đồng, đạt 51% dự toán.",
        region="Đồng Tháp",
    )
    assert _one(f, value=11.75)[["form", "relative_to"]].tolist() == ["ratio", "plan"]
    f = _extract("Năm 2017, GRDP tăng 7,9%; thu ngân sách Nhà nước đạt 117,3%.", region="Khánh Hòa")
    assert _one(f, value=117.3)[["form", "relative_to"]].tolist() == ["ratio", "budget_estimate"]
    # ninh_binh_2025_2025-10-01_9thang: "dự án trong nước với tổng vốn đăng ký" is domestic investment
    f = _extract(
        "9 tháng năm 2025, toàn tỉnh ghi nhận 267 dự án mới, gồm 197 dự án trong nước với tổng vốn đăng ký 46.740 "
        "tỷ đồng và 70 dự án FDI với tổng vốn 924 triệu USD.",
        region="Ninh Bình",
    )
    assert _one(f, value=46740.0)["indicator"] == "domestic_investment_registered"
    assert _one(f, value=924.0)["indicator"] == "fdi_registered"


def test_a_moment_is_no_period_and_a_plan_is_the_years():
    # quang_tri_2025_2025-09-11_8thang: "dự kiến vận hành … cuối năm nay" dates an event, not the months the next
    # sentences speak of
    f = _extract(
        "Theo đó, trong 8 tháng đầu năm 2025, chỉ số sản xuất công nghiệp tăng 7,3%. Nhiệt điện Quảng Trạch I dự "
        "kiến vận hành tổ máy số 1 cuối năm nay. Về đầu tư công, giá trị giải ngân đạt gần 4.074 tỷ đồng, bằng 34% "
        "kế hoạch.",
        region="Quảng Trị",
    )
    assert {(str(r["period_start"]), str(r["period_end"])) for _, r in f.iterrows()} == {
        ("2025-01", "2025-08")
    }
    # kon_tum_2022-09-30_phienhop8t: the plan of a year is the year's, whatever months the sentence reports
    f = _extract(
        "Thu ngân sách nhà nước 8 tháng đầu năm 2022 ước đạt hơn 2.740 tỷ đồng; tổng kế hoạch vốn đầu tư công năm "
        "2022 đã được địa phương giao hơn 3.336 tỷ đồng.",
        region="Kon Tum",
    )
    plan = _one(f, value=3336.0)
    assert (plan["measure"], str(plan["period_start"]), str(plan["period_end"])) == (
        "plan",
        "2022-01",
        "2022-12",
    )


def test_trillions_spelled_ti_and_a_bare_scale_of_money():
    # quang_nam_2023-07-17_6thang: "nghìn tỉ" is "nghìn tỷ" (trillion), whichever way "tỷ" is spelled
    f = _extract(
        "6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 34,1 nghìn tỉ "
        "đồng, tăng 9,9% so với cùng kỳ.",
        region="Quảng Nam",
    )
    assert _one(f, value=34.1)[["indicator", "unit"]].tolist() == ["retail_sales", "trillion dong"]
    # ha_noi_2025_2025-09-05_banle: "khoảng 4.500 tỷ" of an amount of money is in đồng; a bare "tỷ" of no such
    # indicator is left unattached
    f = _extract(
        "Tháng 8/2025, tổng thu du lịch khoảng 4.500 tỷ, tăng khoảng 80% so với cùng kỳ.", region="Hà Nội"
    )
    assert _one(f, value=4500.0)[["indicator", "unit"]].tolist() == ["tourism_revenue", "billion dong"]
    ds = ktstats.extract("Năm 2024, tỷ lệ hộ nghèo còn 3 tỷ.", region="Hà Nội")
    assert not len(ds) and len(ds.unattached) == 1


def test_a_level_is_of_the_month_a_report_opens_with():
    # 002_98453eef47a50471.txt (seed): "Ngày 6/3, …" — the levels it states, with no period of their own, are of
    # March, not of the end of the year; and of Kon Tum, which existed then
    f = _extract(
        "Ngày 6/3, Đoàn kiểm tra làm việc với Đảng ủy UBND tỉnh Kon Tum. Năm 2025, tỉnh có 1.585 dịch vụ công "
        "trực tuyến toàn trình."
    )
    r = _one(f, indicator="online_public_services_full")
    assert (str(r["period_start"]), str(r["period_end"]), r["region"]) == ("2025-03", "2025-03", "kon_tum")


def test_a_semicolon_in_parentheses_ends_no_sentence_and_what_is_given_is_the_plan():
    # dak_lak_2025_2025-11-10_ktxh: "(Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng)" are the
    # year's plans of the revenue named before, and the change after the aside is that revenue's
    f = _extract(
        "Tổng thu ngân sách nhà nước 10 tháng năm 2025 thực hiện 13.966 tỷ đồng, đạt 104,24% dự toán Trung ương "
        "giao và 85,63% dự toán tỉnh giao (Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng), tăng "
        "24,94% so cùng kỳ.",
        region="Đắk Lắk",
    )
    assert set(f["indicator"]) == {"state_budget_revenue"} and len(f) == 5
    r = _one(f, value=13398.0)
    assert (r["measure"], str(r["period_start"]), str(r["period_end"])) == ("plan", "2025-01", "2025-12")
    r = _one(f, value=24.94)
    assert r[["measure", "form", "relative_to"]].tolist() == ["actual", "change", "same_period_last_year"]
    # (the second plan of the sentence, 16.310 tỷ, is kept unattached: one figure per indicator, span, measure
    # and form in a sentence — the two plans differ only in who gave them, which a level does not record)
    # a run of "(…; X" that never closes is still cut, so a sentence stays short
    parts = ktstats.lang.sentences.sentences("(" + "Thu 5 tỷ đồng; " * 500 + "Chi 3 tỷ đồng.")
    assert len(parts) > 1 and max(len(p) for p, _ in parts) < 2100


def test_a_full_stop_that_lost_its_space_ends_a_sentence():
    # son_la_2017-07-01_ttg, lam_dong_2025-10-30_phienhop: pages that lost the space after a full stop
    split = ktstats.lang.sentences.sentences
    parts = split("công nghiệp tăng 1,57% .Thu ngân sách trên địa bàn 1.544 tỷ đồng.")
    assert [p for p, _ in parts] == ["công nghiệp tăng 1,57% .", "Thu ngân sách trên địa bàn 1.544 tỷ đồng."]
    assert len(split("tăng 13,86% so với cùng kỳ.Kim ngạch xuất khẩu đạt 5 tỷ USD.")) == 2
    # abbreviations stay inside their sentence
    assert len(split("Thu ngân sách Tp.Hồ Chí Minh và TP.HCM đạt 5 tỷ đồng, số 1.544.")) == 1
    f = _extract(
        "Năm 2017, công nghiệp tăng 1,57% .Thu ngân sách trên địa bàn 1.544 tỷ đồng.", region="son_la"
    )
    assert list(f["value"]) == [1544.0]
    # yen_bai_2023-07-21_grdp: "…. Trong đó: quý I đạt …" breaks down by quarter what the sentence before named
    f = _extract(
        "6 tháng đầu năm 2023, tổng sản phẩm trong tỉnh (GRDP) đạt 10 nghìn 537 tỷ đồng (theo giá so sánh 2010), "
        "tăng 6,59% so cùng kỳ.Trong đó: quý I đạt 4.773.484 triệu đồng, tăng 6,32% và quý II đạt 5.764.166 "
        "triệu đồng, tăng 6,87%.",
        region="yen_bai",
    )
    assert _filed(f, 4773484.0, "indicator", "period_start", "period_end") == (
        "grdp_constant",
        "2023-01",
        "2023-03",
    )
    assert _filed(f, 6.87, "indicator", "period_start", "form") == ("grdp_growth", "2023-04", "level")


def test_a_year_report_that_names_its_quarters_is_of_the_year():
    from ktstats.lang.report_periods import report_span

    # quang_ninh_2017-12-23_tangtruong: quý I … quý IV named once each, the year twice: no part of the year is
    # the report's, so a figure with no period of its own is the year's
    text = (
        "Năm 2017, kinh tế tăng trưởng khá. Quý I tăng 8%, quý II tăng 9%, quý III tăng 10%, quý IV tăng 11%. "
        "Quy mô nền kinh tế của tỉnh ước đạt 122.576 tỷ đồng. Năm 2017 là năm thành công."
    )
    assert report_span(text, 2017) is None
    assert _filed(_extract(text, region="quang_ninh"), 122576.0, "period_start", "period_end") == (
        "2017-01",
        "2017-12",
    )
    # a half-year report that names the year's second half as a goal keeps its months so far
    text = "6 tháng đầu năm 2024, thu 5 tỷ đồng. 6 tháng đầu năm, chi 3 tỷ. 6 tháng cuối năm 2024, phấn đấu thu 9 tỷ."
    assert str(report_span(text, 2024)) == "2024-01..2024-06"


def test_a_price_basis_year_before_cua_is_no_figure_quoted_for_comparison():
    # bac_ninh_2019-10-10_quy3: "năm 2010 của quý III" — the quarter is the figure's, 2010 is the price basis
    f = _extract(
        "Tổng sản phẩm trên địa bàn tỉnh (GRDP) theo giá so sánh năm 2010 của quý III/2019 ước đạt 47.518,7 tỷ "
        "đồng, tăng tới 25,6% so với quý trước.",
        region="bac_ninh",
    )
    assert _filed(f, 47518.7, "indicator", "period_start", "period_end") == (
        "grdp_constant",
        "2019-07",
        "2019-09",
    )


def test_visitors_without_luot_and_grdp_per_person():
    # da_nang_2016-12-07_hdnd: "5,51 triệu du khách"; tay_ninh_2024-11-26_dulich: "3,9 triệu khách"
    f = _extract(
        "Năm 2016, riêng ngành du lịch tăng trưởng cao, thu hút được 5,51 triệu du khách, đạt doanh thu gần 16.000 tỷ "
        "đồng.",
        region="da_nang",
    )
    assert _filed(f, 5.51, "indicator", "unit") == ("tourist_visits", "million visit")
    assert _filed(f, 16000.0, "indicator") == ("tourism_revenue",)
    f = _extract(
        "Năm 2024, riêng du lịch Tây Ninh ước đạt 3,9 triệu khách, tăng 3,6% so cùng kỳ.", region="tay_ninh"
    )
    assert _filed(f, 3.9, "indicator", "measure") == ("tourist_visits", "estimate")
    # son_la_2022-01-08_ketqua: an amount per person beside "GRDP" is GRDP per head
    f = _extract("Năm 2021, GRDP bình quân đạt 45,2 triệu đồng/người/năm.", region="son_la")
    assert _filed(f, 45.2, "indicator", "unit") == ("grdp_per_capita", "million dong")


def test_results_listed_after_chi_tieu_a_result_clause_after_a_goal_and_a_budget_passed():
    # hau_giang_2023-04-01_quy1: "các chỉ tiêu … có mức tăng trưởng khá so với cùng kỳ như: …" lists results
    f = _extract(
        "Quý I/2023, hầu hết các chỉ tiêu kinh tế của tỉnh trong quý đều có mức tăng trưởng khá so với cùng kỳ như: "
        "Chỉ số sản xuất công nghiệp tăng 13,05%; tổng vốn đầu tư phát triển toàn xã hội tăng 7,31%.",
        region="hau_giang",
    )
    assert _filed(f, 7.31, "indicator", "measure") == ("total_investment", "actual")
    # da_nang_2025-03-01_ngansach: a clause that opens on the months so far states a result, not the goal
    f = _extract(
        "Năm 2025 Đà Nẵng đặt mục tiêu thu ngân sách trên 30 ngàn tỷ đồng, qua 2 tháng đầu năm thu gần 6,3 ngàn tỷ "
        "đồng.",
        region="da_nang",
    )
    assert _filed(f, 30.0, "measure") == ("target",)
    assert _filed(f, 6.3, "measure", "period_end") == ("actual", "2025-02")
    # ca_mau_2023-12-30_ngansach: the budget the council passed is a plan, and so are its parts
    f = _extract(
        "Năm 2023, thu ngân sách đạt 5.710 tỉ đồng. Năm 2024, HĐND tỉnh quyết nghị thông qua tổng thu ngân sách "
        "nhà nước 5.336 tỉ đồng. Trong đó, thu nội địa 5.230 tỉ đồng.",
        region="ca_mau",
    )
    assert _filed(f, 5336.0, "measure", "period_end") == ("plan", "2024-12")
    assert _filed(f, 5230.0, "indicator", "measure") == ("domestic_revenue", "plan")


def test_a_months_figure_before_its_sum_so_far():
    # hau_giang_2023-04-01_quy1: "Thu nội địa: 500 tỷ đồng, luỹ kế được 1.489,51 tỷ đồng": March, then Q1
    f = _extract(
        "Tình hình kinh tế - xã hội quý I/2023 của tỉnh. "
        "Ước tổng thu Ngân sách nhà nước tháng 3/2023 được 877,48 tỷ đồng, luỹ kế được 3.289,63 tỷ đồng, đạt 30,74% "
        "dự toán Trung ương. Thu nội địa: 500 tỷ đồng, luỹ kế được 1.489,51 tỷ đồng, đạt 27,08% dự toán Trung ương.",
        region="hau_giang",
    )
    assert _filed(f, 500.0, "period_start", "period_end") == ("2023-03", "2023-03")
    assert _filed(f, 1489.51, "indicator", "period_start", "period_end") == (
        "domestic_revenue",
        "2023-01",
        "2023-03",
    )


def test_a_plans_year_alone_is_no_period_spoken_of():
    from ktstats.lang.phrases import period_spoken_of

    # gia_lai_2021-12-01_thongke: a sentence naming two years speaks of the later ("… năm 2021; … điều tra … năm 2020")
    s = (
        "Sáng 29-12, Cục Thống kê tỉnh Gia Lai tổ chức họp báo công bố số liệu thống kê kinh tế-xã hội năm 2021; "
        "công bố kết quả điều tra nông thôn, nông nghiệp năm 2020."
    )
    assert str(period_spoken_of(s, s.casefold(), 2021)) == "2021-01..2021-12"

    # hai_phong_2025_2025-11-06_ngansach: "cả năm" dates the budget estimate the share is of, not the sentences
    # after it
    s = (
        "Trong thu nội địa, số thu tiền sử dụng đất đạt 38.252,446 tỷ đồng, bằng 145,2% dự toán kế hoạch thu ngân "
        "sách tiền sử dụng đất cả năm Trung ương giao."
    )
    assert period_spoken_of(s, s.casefold(), 2025) is None
    s = "Tổng thu ngân sách 10 tháng của năm đạt 162.875 tỷ đồng, bằng 110,5% dự toán Trung ương giao cả năm 2025."
    assert str(period_spoken_of(s, s.casefold(), 2025)) == "2025-01..2025-10"


def test_a_province_named_only_in_a_comparison_is_not_the_reports():
    # bac_lieu_2023-04-04_quyI: "(sau tỉnh Hậu Giang và tỉnh Cà Mau)" names the provinces ahead of it
    text = (
        "Theo số liệu ước tính quý I/2023, tốc độ tăng trưởng kinh tế của tỉnh tăng 7,01% so cùng kỳ, đứng thứ 03/13 "
        "tỉnh, thành vùng Đồng bằng sông Cửu Long (sau tỉnh Hậu Giang và tỉnh Cà Mau). Theo UBND tỉnh Bạc Liêu, "
        "xuất khẩu trong quý I có nhiều khởi sắc."
    )
    assert ktstats.catalog.regions.named_in(text, on="2023-04-04")[0][0] == "bac_lieu"
    assert _filed(_extract(text), 7.01, "region") == ("bac_lieu",)


def test_a_name_of_an_earlier_clause_with_figures_of_its_own_names_no_later_figure():
    # son_la_2024-10-23_thang10: the revenue after a count of visitors is theirs, not the budget's of the clause
    # before the ";"
    f = _extract(
        "Thu ngân sách trên địa bàn tháng 10 ước đạt 420 tỷ đồng; toàn tỉnh đón 318.000 lượt khách du lịch, doanh "
        "thu ước đạt 367 tỷ đồng.",
        region="son_la",
        date="2024-10",
    )
    assert _filed(f, 367.0, "indicator") == ("tourism_revenue",)
    # a clause with no figure before its own still takes the name of the one before ("; lũy kế 9 tháng …")
    f = _extract(
        "Tổng mức bán lẻ hàng hóa tháng 9/2018 ước đạt 5.588,6 tỷ đồng, tăng 14% so cùng kỳ; lũy kế 9 tháng đầu năm "
        "2018 giá trị ước đạt 48.197,4 tỷ đồng, tăng 13% so cùng kỳ;",
        region="binh_dinh",
    )
    assert _filed(f, 48197.4, "indicator", "period_end") == ("retail_sales", "2018-09")


def test_a_past_figure_quoted_in_an_aside_is_known_not_estimated():
    # ha_nam_2021-05-01_thang4: "(4 tháng đầu năm 2020 do ảnh hưởng của dịch Covid-19 nên IIP giảm 11,5%)"
    f = _extract(
        "Tính chung 4 tháng năm 2021, chỉ số sản xuất công nghiệp ước tăng 15,5% so với cùng kỳ (4 tháng đầu năm "
        "2020 do ảnh hưởng của dịch Covid-19 nên IIP giảm 11,5%).",
        region="ha_nam",
    )
    assert _filed(f, 15.5, "measure") == ("estimate",)
    assert _filed(f, -11.5, "period_end", "measure") == ("2020-04", "actual")


def test_a_rank_out_of_the_provinces_after_a_regional_one():
    # thai_binh_2023-02-13_grdp: "thứ 18/63" is the national rank, not an ordinal like "lần thứ 18"
    f = _extract(
        "Năm 2022, tốc độ tăng trưởng GRDP đứng thứ 6/11 tỉnh vùng Đồng bằng sông Hồng và thứ 18/63 tỉnh trong cả "
        "nước.",
        region="thai_binh",
    )
    assert _filed(f, 18.0, "indicator") == ("grdp_growth_rank_national",)
    assert 6.0 not in set(f["value"])


def test_who_gave_the_budget_estimate_after_dieu_chinh_duoc_or_tp():
    from ktstats.lang.relations import reference_after

    # ha_noi_2021-10-01_ktxh "dự toán TP giao", binh_phuoc_2021-12-29_grdp "dự toán điều chỉnh HĐND tỉnh",
    # hai_phong_2023-10-04_9thang "Dự toán được Hội đồng nhân dân thành phố giao"
    for text in (
        " dự toán TP giao",
        " dự toán điều chỉnh HĐND tỉnh",
        " Dự toán được Hội đồng nhân dân thành phố giao",
    ):
        assert reference_after(text) == "budget_estimate_local", text
    assert reference_after(" dự toán điều chỉnh") == "budget_estimate"
    assert reference_after(" dự toán được Thủ tướng Chính phủ giao") == "budget_estimate_central"


def test_growth_listed_quarter_by_quarter():
    # bac_giang_2023-10-04_hopbao, soc_trang_2024-01-12_ktxh: the items of the list are the growth's quarters
    f = _extract(
        "Trong 9 tháng đầu năm 2023, tăng trưởng kinh tế của Bắc Giang quý sau luôn cao hơn quý trước (quý I tăng "
        "8,4%, quý II tăng 13,5%, quý III tăng 14,59%).",
        region="bac_giang",
    )
    assert _filed(f, 14.59, "indicator", "period_start", "period_end") == (
        "grdp_growth",
        "2023-07",
        "2023-09",
    )
    f = _extract(
        "Năm 2023, kinh tế tỉnh Sóc Trăng tăng trưởng liên tục: Quý I là 3,3%, Quý II là 4,02%, Quý III là 7,74%.",
        region="soc_trang",
    )
    assert sorted(f.loc[f["indicator"] == "grdp_growth", "value"]) == [3.3, 4.02, 7.74]
    # a list of products after a bare "tăng trưởng" still names none of them (nam_dinh_2018-07-04_congnghiep)
    f = _extract(
        "Năm 2018, các sản phẩm công nghiệp chủ yếu có mức tăng trưởng khá so với cùng kỳ: sợi các loại tăng 9,9%.",
        region="nam_dinh",
    )
    assert f.empty


def test_registered_investment_is_named_by_vốn_đầu_tư_đăng_ký():
    # hoa_binh_2024-09-01_9thang: the capital of licensed projects, not the year's investment; in dong, domestic
    f = _extract(
        "Trong 9 tháng năm 2024, có 15 dự án đầu tư được cấp mới, tổng vốn đầu tư đăng ký khoảng 9.500 tỷ đồng.",
        region="hoa_binh",
    )
    assert _filed(f, 9500.0, "indicator") == ("domestic_investment_registered",)
    # thanh_hoa_2024-07-01_xuatkhau: in USD, foreign
    f = _extract(
        "6 tháng đầu năm 2024, tổng vốn đầu tư đăng ký 177,5 triệu USD, tăng 35,1% so với cùng kỳ.",
        region="thanh_hoa",
    )
    assert _filed(f, 177.5, "indicator") == ("fdi_registered",)


def test_an_estimate_does_not_reach_another_subjects_result():
    # ha_giang_2022-12-13_ktxh: the growth is estimated, the industry's and the GRDP per head's are stated
    f = _extract(
        "Năm 2022, tăng trưởng kinh tế ước đạt 7,8%, sản xuất công nghiệp phục hồi nhanh với mức tăng toàn ngành đạt "
        "16,8%, tổng sản phẩm bình quân đầu người đạt 34,3 triệu đồng/người.",
        region="ha_giang",
    )
    assert _filed(f, 7.8, "measure") == ("estimate",)
    assert _filed(f, 34.3, "indicator", "measure") == ("grdp_per_capita", "actual")
    # kon_tum_2024-07-31_kyhop7: GRDP's growth after its estimated level is of the same estimate
    f = _extract(
        "6 tháng đầu năm 2024, tổng sản phẩm trên địa bàn (GRDP) ước đạt 8.165 tỷ đồng, tốc độ tăng trưởng đạt xấp "
        "xỉ 6,5%.",
        region="kon_tum",
    )
    assert _filed(f, 6.5, "measure") == ("estimate",)


def test_a_text_names_its_province_by_its_aliases_and_not_only_in_a_comparison():
    named_in = ktstats.catalog.regions.named_in
    # ho_chi_minh_2025_2026-01-03_ngansach: "TP HCM" four times, "TP Hà Nội" once (the runner-up)
    text = (
        "Theo số liệu của Sở Tài chính TP HCM, tổng thu ngân sách nhà nước trên địa bàn năm 2025 đạt 800.043 tỷ "
        "đồng. Đứng thứ hai là TP Hà Nội, với số thu 704.579 tỷ đồng. TP HCM mới dự kiến thu 700.000 tỷ đồng; TP "
        "HCM dẫn đầu. Số thu của TP HCM tăng mạnh."
    )
    assert named_in(text, on="2026-01-03")[0][0] == "ho_chi_minh_2025"
    # ba_ria_vung_tau_2022-10-03_ngansach: "TP. HCM" once does not outrank the province named five times
    text = "Bà Rịa - Vũng Tàu thu ngân sách lớn, cùng với TP. HCM. " + "Bà Rịa - Vũng Tàu tăng thu. " * 4
    assert named_in(text, on="2022-12-31")[0][0] == "ba_ria_vung_tau"
    assert named_in("Kinh tế Kontum năm 2018 tăng 9%.", on="2018-12-31") == [("kon_tum", 1)]
    # nghe_an_2025_2025-10-07_grdp: the only province named is the one ahead of it, in parentheses
    text = "9 tháng năm 2025, GRDP ước tăng 8,61%, đứng thứ 2 tiểu vùng Bắc Trung Bộ (sau thành phố Huế)."
    assert named_in(text, on="2025-10-07") == [("hue_2025", 1)]
    assert named_in(text, on="2025-10-07", asides=False) == []
    with pytest.raises(ktstats.DataError, match="region="):
        ktstats.extract(text)


def test_higher_than_the_same_period_is_a_change():
    # thanh_hoa_2025_2025-08-26_ngansach: "cao hơn 2,5% so với cùng kỳ năm 2024" of an amount is its change
    f = _extract(
        "Lũy kế 8 tháng năm 2025, thu ngân sách đạt 38.907 tỷ đồng, bằng 85,5% dự toán năm và cao hơn 2,5% so với "
        "cùng kỳ năm 2024.",
        region="thanh_hoa",
    )
    assert _filed(f, 2.5, "form", "relative_to") == ("change", "same_period_last_year")
    f = _extract("Năm 2024, xuất khẩu đạt 900 triệu USD, thấp hơn 3% so với cùng kỳ.", region="thanh_hoa")
    assert _filed(f, -3.0, "form") == ("change",)


def test_a_merger_spoken_of_as_still_to_come_does_not_date_the_text_after_it():
    # ninh_binh_2025-06-26_dulich: "sau khi hợp nhất, … hứa hẹn sẽ …" in a text of June 2025: the old province's
    text = (
        "Trong 6 tháng năm 2025, ngành du lịch tỉnh Ninh Bình ước đón trên 7,2 triệu lượt du khách. Đáng chú ý, sau "
        "khi hợp nhất, sắp xếp các đơn vị hành chính, tỉnh Ninh Bình hứa hẹn sẽ mở ra nhiều triển vọng hơn nữa."
    )
    assert _filed(_extract(text), 7.2, "region") == ("ninh_binh",)
    # "Hồi tháng 7, sau sáp nhập …" looks back: the text was written after it (ho_chi_minh_2025_2026-01-03_ngansach)
    text = (
        "Hồi tháng 7, sau sáp nhập với Bình Dương, Bà Rịa – Vũng Tàu, TP HCM mới dự kiến thu ngân sách 2025 gần "
        "700.000 tỷ đồng. Trong 6 tháng năm 2025, TP HCM thu ngân sách 300.000 tỷ đồng."
    )
    assert _filed(_extract(text), 300000.0, "region") == ("ho_chi_minh_2025",)


def test_a_month_compared_with_beside_the_same_period_dates_the_figures():
    # bac_kan_2025-02-01_phienhop: a January report; "so với tháng 12/2024" beside "so với cùng kỳ" says January
    f = _extract(
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 1.206 tỷ đồng, tăng 5,22% so với tháng "
        "12/2024, tăng 31,4% so với cùng kỳ năm trước, đạt 9,88% kế hoạch năm 2025.",
        region="bac_kan",
    )
    assert _filed(f, 1206.0, "region", "period_start", "period_end") == ("bac_kan", "2025-01", "2025-01")
    # without "cùng kỳ", a month named could be the same month of last year: nothing is read from it
    assert ktstats.lang.relations.month_after_compared("CPI tăng 3,67% so với tháng 6/2023.") is None


def test_a_period_no_figure_of_the_sentence_is_of_does_not_carry():
    # hoa_binh_2024-09-01_9thang: "năm 2024" dates the resolution the share is of; the next sentence's figures
    # are still of the nine months
    text = (
        "Trong 9 tháng đầu năm 2024, GRDP ước tăng 7,11% so với cùng kỳ năm trước. Tổng thu ngân sách Nhà nước "
        "trên địa bàn ước đạt 4.800 tỷ đồng, đạt 83% so với Nghị quyết của Tỉnh ủy năm 2024.\n\nGiá trị xuất "
        "khẩu ước đạt 1.478 triệu USD, tăng 20,7% so với cùng kỳ, bằng 73,92% kế hoạch năm."
    )
    f = _extract(text, region="hoa_binh")
    assert _filed(f, 1478.0, "period_start", "period_end") == ("2024-01", "2024-09")
    assert _filed(f, 73.92, "period_end", "relative_to") == ("2024-09", "plan")


def test_a_heading_over_results_that_names_indicators_lists_results():
    # ha_noi_2019-06-05_giaoban: "chỉ tiêu" are indicators here, and the figures under the heading are results
    text = (
        "1. Các chỉ tiêu cân đối lớn của kinh tế Thủ đô tiếp tục phát triển. Một số chỉ tiêu tăng trưởng nổi bật "
        "như:\n- 5 tháng đầu năm 2019 có 9.420 doanh nghiệp thành lập mới."
    )
    assert _filed(_extract(text, region="ha_noi"), 9420.0, "indicator", "measure") == (
        "new_enterprises",
        "actual",
    )
    # a heading of goals still makes its figures targets
    text = "1. Các chỉ tiêu chủ yếu năm 2019\n- Có 9.420 doanh nghiệp thành lập mới."
    assert _filed(_extract(text, region="ha_noi"), 9420.0, "measure") == ("target",)


def test_indicators_that_grew_are_results_and_a_growth_goal_is_the_years():
    # lai_chau_2025_2025-08-27_phienhop: "Nhiều chỉ tiêu kinh tế tăng so với cùng kỳ năm trước như: …" lists
    # results, not goals; a growth goal named in a month's report is the year's
    f = _extract(
        "Trong tháng 8, các cấp, ngành bám sát kịch bản tăng trưởng GRDP năm 2025 của tỉnh nhằm đạt mục tiêu tăng "
        "trưởng từ 8% trở lên. Nhiều chỉ tiêu kinh tế tăng so với cùng kỳ năm trước như: Thu ngân sách Nhà nước "
        "trên địa bàn (tăng 57%); tổng mức bán lẻ hàng hóa và doanh thu dịch vụ (tăng 18,2%).",
        region="Lai Châu",
    )
    goal = _one(f, value=8.0)
    assert (goal["measure"], str(goal["period_start"]), str(goal["period_end"])) == (
        "target",
        "2025-01",
        "2025-12",
    )
    assert set(f.loc[f["value"] != 8.0, "measure"]) == {"actual"}


def test_budget_plans_future_goals_and_the_year_a_comparison_implies():
    # long_an_2018-01-01_ngansach: "dự toán thu ngân sách nhà nước 12.855 tỷ đồng" is the plan, its parts too;
    # a figure for the year after the report's is a goal
    f = _extract(
        "Năm 2017, tổng thu ngân sách nhà nước tại tỉnh Long An đạt hơn 12.100 tỷ đồng, bằng 116,6% so cùng kỳ "
        "năm 2016; GRDP năm 2017 tăng 9,4%. Năm 2018, dự toán thu ngân sách nhà nước 12.855 tỷ đồng, trong đó, "
        "thu nội địa đạt 10.925 tỷ đồng; GRDP bình quân đầu người 68 triệu đồng.",
        region="Long An",
    )
    assert _one(f, value=12855.0)["measure"] == "plan" and _one(f, value=10925.0)["measure"] == "plan"
    assert _one(f, value=68.0)["measure"] == "target" and _one(f, value=12100.0)["measure"] == "actual"
    # ca_mau_2025_2025-07-21_tangtruong: "phải tăng trưởng 8,8%" is required, a goal
    f = _extract("Cà Mau phải tăng trưởng 8,8% trong 6 tháng cuối năm 2025.")
    assert _one(f, value=8.8)["measure"] == "target"
    # bac_ninh_2025_2025-10-02_dautu: the only year written is a comparison's ("so với tháng 9/2024"): the
    # report is of the year after
    f = _extract(
        "Chỉ số sản xuất công nghiệp (IIP) tháng 9 của tỉnh Bắc Ninh tăng 14,63% so với tháng 9/2024; tính chung "
        "9 tháng chỉ số sản xuất công nghiệp tăng 15,93% so với cùng kỳ."
    )
    assert {str(p)[:4] for p in f["period_end"]} == {"2025"} and set(f["region"]) == {"bac_ninh_2025"}
    # an_giang_2025_2025-12-01_nghiquyet: a goal for 2026 cannot be the province's that ceased in 2025
    f = _extract("Năm 2026, tỉnh An Giang phấn đấu thu ngân sách nhà nước 32.362 tỷ đồng.")
    assert _one(f, value=32362.0)["region"] == "an_giang_2025"
    # tay_ninh_2019-04-13_kinhte: a dash glued to the unit ("14.861 tỷ- tăng 11,06%") ends the amount
    f = _extract(
        "Luỹ kế 3 tháng đầu năm 2019, tổng mức bán lẻ hàng hóa trên địa bàn tỉnh ước đạt 14.861 tỷ- tăng 11,06% "
        "so với cùng kỳ.",
        region="Tây Ninh",
    )
    assert _one(f, value=14861.0)[["indicator", "unit"]].tolist() == ["retail_sales", "billion dong"]


def test_a_name_written_with_a_word_more_or_less_than_the_catalogs():
    # kien_giang_2021-05-10_dulich: "tổng thu từ du lịch" is the catalog's "tổng thu du lịch" with a word more
    f = _extract(
        "Tổng thu từ du lịch đạt khoảng 474 tỷ đồng (tăng 24,4% so tháng 3), trong đó Phú Quốc đạt khoảng 354 tỷ "
        "đồng (tăng 26,7% so tháng 3).",
        region="Kiên Giang",
        year=2021,
    )
    assert _one(f, value=474.0)[["indicator", "qualifier"]].tolist() == ["tourism_revenue", "approx"]
    # tien_giang_2020-06-01_ktxh: "chỉ số tiêu dùng" is "chỉ số giá tiêu dùng" with a word less
    f = _extract(
        "Chỉ số tiêu dùng bình quân quý II/2020 trên địa bàn tỉnh Tiền Giang tăng gần 3% so với cùng kỳ năm trước.",
        region="Tiền Giang",
    )
    assert _one(f, value=3.0)[["indicator", "qualifier"]].tolist() == ["cpi_growth", "nearly"]
    # tay_ninh_2019-04-13_kinhte: but "vốn đầu tư nước ngoài" is not "vốn đầu tư trong nước" with a word less
    # (the two first and two last words are kept), and "(doanh nghiệp) tham gia thị trường" is not "gia nhập
    # thị trường"
    f = _extract(
        "Trong đó khu vực đầu tư thuộc ngân sách nước 444,6 tỷ đồng- tăng 2,9%; khu vực ngoài nhà nước 3.081 tỷ "
        "đồng- tăng 12,3%; khu vực có vốn đầu tư nước ngoài 1.980 tỷ đồng- tăng 18,82% so với cùng kỳ. Toàn tỉnh "
        "có 751 doanh nghiệp tham gia thị trường, tăng 15,5% so với cùng kỳ năm 2018.",
        region="Tây Ninh",
        year=2019,
    )
    named = dict(zip(f["value"], f["indicator"], strict=True))
    assert [named.get(v) for v in (1980.0, 18.82, 751.0, 15.5)] == [None] * 4, named


def test_a_figure_of_the_period_of_comparison_in_parentheses():
    # ho_chi_minh_2023-04-02_quy1: "(cùng kỳ tăng 3,5%)" is the same quarter a year before, known
    f = _extract(
        "Tổng kim ngạch xuất khẩu của DN TP HCM qua cửa khẩu cả nước quý I/2023 ước đạt 10,1 tỉ USD, giảm 16,8% so "
        "với cùng kỳ (cùng kỳ tăng 3,5%).",
        region="TP Hồ Chí Minh",
    )
    last_year = _one(f, value=3.5)
    assert [str(last_year[k]) for k in ("period_start", "period_end", "measure", "form")] == [
        "2022-01",
        "2022-03",
        "actual",
        "change",
    ]
    assert str(_one(f, value=-16.8)["period_start"]) == "2023-01"
    # an_giang_2023-06-28_grdp and lao_cai_2024-12-24_tongquan: "cùng kỳ năm trước (4,9%)", "năm 2023 (5,11%)"
    f = _extract(
        "Tốc độ tăng trưởng kinh tế (GRDP) 6 tháng năm 2023 của tỉnh ước tăng 6,5% so với cùng kỳ, cao hơn mức "
        "tăng của cùng kỳ năm trước (4,9%).",
        region="An Giang",
    )
    assert [str(_one(f, value=v)["period_end"]) for v in (6.5, 4.9)] == ["2023-06", "2022-06"]
    assert _one(f, value=4.9)["measure"] == "actual"
    f = _extract(
        "Tăng trưởng kinh tế GRDP năm 2024 ước đạt 7,38%, cao hơn 2,2 điểm % so với mức tăng của năm 2023 (5,11%).",
        region="Lào Cai",
    )
    assert [str(_one(f, value=v)["period_end"]) for v in (7.38, 5.11)] == ["2024-12", "2023-12"]


def test_a_change_restated_as_an_amount():
    # bac_ninh_2018-12-01_ngansach: "(tương đương vượt 3.730 tỷ đồng)" is the same change, in billion đồng,
    # on the same reference, by exactly that much
    f = _extract(
        "Kết quả năm 2018, thu NSNN trên địa bàn tỉnh ước đạt 27.591 tỷ đồng, vượt 15,6% dự toán năm (tương "
        "đương vượt 3.730 tỷ đồng), tăng 22,3% (tương đương tăng 5.031 tỷ đồng so với năm 2017).",
        region="Bắc Ninh",
    )
    row = _one(f, value=3730.0)
    assert row[["form", "relative_to", "qualifier"]].tolist() == ["difference", "budget_estimate", "exact"]
    assert _one(f, value=5031.0)["relative_to"] == "same_period_last_year"
    # ha_nam_2021-05-01_thang4: "giảm 1,1% (-366 ha)": a fall, in hectares
    f = _extract(
        "Vụ xuân 2021, toàn tỉnh đã gieo trồng được 34.917,1 ha cây hàng năm giảm 1,1% (-366 ha) so với cùng "
        "kỳ năm 2020.",
        region="Hà Nam",
    )
    assert _one(f, value=-366.0)[["indicator", "form"]].tolist() == ["planted_area", "difference"]


def test_a_growth_goal_beside_a_result_of_months_is_the_years():
    # binh_phuoc_2019-06-01_ngansach: "(kế hoạch năm 7,3-7,5%)" after the first half's growth is the year's goal
    f = _extract(
        "Theo báo cáo tại cuộc họp, sáu tháng đầu năm, kinh tế của tỉnh tiếp tục đà tăng trưởng, GRDP ước tăng "
        "7,54% (kế hoạch năm 7,3-7,5%).",
        region="Bình Phước",
        year=2019,
    )
    assert [str(_one(f, measure=m)["period_end"]) for m in ("estimate", "target")] == ["2019-06", "2019-12"]
    # hai_duong_2018-08-16_ktxh: "(KH năm tăng 8% trở lên)"
    f = _extract(
        "Tình hình kinh tế - xã hội 6 tháng đầu năm 2018 của tỉnh tiếp tục ổn định, tổng sản phẩm trên địa bàn "
        "tỉnh (GRDP) ước tăng 9,04% (KH năm tăng 8% trở lên).",
        region="Hải Dương",
    )
    assert str(_one(f, measure="target")["period_end"]) == "2018-12"
    # dak_lak_2025_2025-11-10_kinhte: a growth scenario is its period's
    f = _extract(
        "Tăng trưởng GRDP 9 tháng năm 2025 ước đạt 6,9% (kịch bản tăng trưởng: 7,87%).", region="Đắk Lắk"
    )
    assert {str(p) for p in f["period_end"]} == {"2025-09"}


def test_a_part_of_the_reports_period_spoken_of_before_does_not_carry():
    # tien_giang_2020-06-01_ktxh: after "Chỉ số tiêu dùng bình quân quý II/2020 …", the next figures are the
    # half-year's (the report's period), not the quarter's
    f = _extract(
        "Theo số liệu được Cục thống kê công bố, 6 tháng đầu năm 2020, tổng sản phẩm trên địa bàn tỉnh Tiền Giang "
        "ước đạt 28.148 tỷ đồng, giảm 0,8% so với cùng kỳ. Chỉ số tiêu dùng bình quân quý II/2020 trên địa bàn "
        "tỉnh Tiền Giang tăng gần 3% so với cùng kỳ năm trước. Giá trị kim ngạch xuất khẩu hàng hóa ước đạt "
        "1.200 triệu USD, đạt 36% kế hoạch, giảm gần 15% so với cùng kỳ. Thu ngân sách nhà nước thực hiện gần "
        "5.200 tỷ đồng, đạt 46% dự toán và giảm gần 10% so với cùng kỳ."
    )
    assert str(_one(f, indicator="cpi_growth")["period_start"]) == "2020-04"  # the quarter, as it says
    later = f[f["indicator"].isin(["exports", "state_budget_revenue"])]
    assert len(later) == 6 and {
        (str(a), str(b)) for a, b in later[["period_start", "period_end"]].values
    } == {("2020-01", "2020-06")}


def test_money_after_a_count_of_visitors_is_what_they_brought():
    # thanh_hoa_2025_2025-08-23_dulich, quang_ninh_2025_2025-10-29_ngansach: "tổng thu", "thu về" after the visitors
    f = _extract(
        "Trong 8 tháng năm 2025, du lịch Thanh Hóa tiếp tục tăng trưởng, ước đón gần 15 triệu lượt khách, tổng thu "
        "40.476 tỉ đồng, đạt 89% kế hoạch cả năm.",
        region="Thanh Hóa",
    )
    assert _one(f, value=40476.0)["indicator"] == "tourism_revenue"
    f = _extract(
        "Tính chung 10 tháng năm 2025, tỉnh đón hơn 18,4 triệu lượt khách, thu về gần 48.400 tỷ đồng, tăng 21% so "
        "với cùng kỳ năm ngoái.",
        region="Quảng Ninh",
    )
    assert _one(f, value=48400.0)[["indicator", "qualifier"]].tolist() == ["tourism_revenue", "nearly"]
    # but "doanh thu bán lẻ" after visitors is the shops' sales, not the visitors' revenue
    f = _extract(
        "Năm 2024, tỉnh đón 2 triệu lượt khách, doanh thu bán lẻ hàng hóa đạt 5.000 tỷ đồng.",
        region="Quảng Ninh",
    )
    assert "tourism_revenue" not in set(f["indicator"])


def test_a_goals_year_does_not_replace_the_period_spoken_of():
    # hue_2025-04-01_quy1: "quý I … tạo động lực cho tăng trưởng từ 10% trở lên trong năm 2025" — the next
    # sentence's figures are the first quarter's, not the year's
    f = _extract(
        "Tại buổi họp báo, Phó Giám đốc Sở Tài chính Phan Quốc Sơn thông tin tình hình phát triển kinh tế - xã hội "
        "của thành phố trong quý I-2025. Công bố của Cục Thống kê cho thấy, tốc độ tăng trưởng kinh tế GRDP quý I "
        "ước đạt 9,9%. Đây là mức "
        "tăng trưởng cao nhất từ trước đến nay, sẽ tạo nền tảng và động lực cho tăng trưởng từ 10% trở lên trong năm "
        "2025. Trong lĩnh vực dịch vụ, lượng khách đến Huế ước đạt gần 1,5 triệu lượt, tăng 62% so với cùng kỳ.",
        region="Huế",
    )
    assert str(_one(f, value=10.0)["period_end"]) == "2025-12"  # the goal is the year's
    visitors = f[f["indicator"] == "tourist_visits"]
    assert len(visitors) == 2 and set(visitors["period_end"].astype(str)) == {"2025-03"}
    assert set(visitors["region"]) == {"hue"}  # and so the city as it was then, not the unit of July 2025
    # "quý I năm 2025" is one period phrase (not "quý I", then the year)
    from ktstats.lang.phrases import period_spoken_of

    s = "Tốc độ tăng trưởng kinh tế GRDP quý I năm 2025 ước đạt 9,9%."
    assert str(period_spoken_of(s, s.casefold(), None)) == "2025-01..2025-03"


def test_what_a_count_counts_names_it():
    # can_tho_2025-04-28_quy1: "lượt du khách" are visitors
    f = _extract(
        "Cũng trong 3 tháng qua, TP.Cần Thơ đón trên 1,6 triệu lượt du khách, tăng 4% so cùng kỳ năm trước.",
        region="Cần Thơ",
        year=2025,
    )
    assert set(f["indicator"]) == {"tourist_visits"} and len(f) == 2
    # dak_lak_2025-07-12_soket, bac_ninh_2025_2025-10-01_fdi: enterprises "thành lập mới", "mới" — after "với",
    # which gives the figure to the clause's subject only when it has one
    f = _extract(
        "6 tháng đầu năm 2025, hoạt động của doanh nghiệp có nhiều khởi sắc với 1.476 doanh nghiệp thành lập mới, "
        "tăng 53,6% so với cùng kỳ; đồng thời ghi nhận gần 5.500 doanh nghiệp mới.",
        region="Đắk Lắk",
    )
    assert set(f.loc[f["value"].isin([1476.0, 5500.0]), "indicator"]) == {"new_enterprises"}
    # ha_tinh_2020-07-01_ngansach, hau_giang_2020-07-20_tongquan: "chi NSNN", "chi xây dựng cơ bản"
    f = _extract(
        "6 tháng đầu năm 2020, về chi NSNN, toàn tỉnh chi khoảng 8.183 tỷ đồng, bằng 45,5% dự toán HĐND tỉnh. "
        "Trong đó: Chi xây dựng cơ bản được 3.060.503 triệu đồng.",
        region="Hà Tĩnh",
    )
    named = dict(zip(f["value"], f["indicator"], strict=True))
    assert named[8183.0] == named[45.5] == "local_budget_spending"
    assert named[3060503.0] == "development_spending"


def test_the_year_so_far_after_a_months_comparison():
    """dev ca_mau_2021-04-09_thang3: "lũy kế" right before a figure is the year so far, even when the clause
    compares the month's figure with the month before."""
    f = _extract(
        "Quý I/2021, tỉnh Cà Mau: sản xuất công nghiệp tháng 3 tăng 9,7% so với tháng trước, lũy kế quý I tăng "
        "12,7% so cùng kỳ. Kim ngạch xuất khẩu đạt 85 triệu USD gấp đôi so với tháng trước, lũy kế 180,8 triệu "
        "USD, đạt 16,4% kế hoạch."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f[f["value"] == 180.8].itertuples()} == {
        ("2021-01", "2021-03")
    }
    assert {(str(r.period_start), str(r.period_end)) for r in f[f["value"] == 85.0].itertuples()} == {
        ("2021-03", "2021-03")
    }


def test_the_benchmark_says_how_uncertain_a_batch_is():
    """A percentile bootstrap over texts: texts that all score alike give no width; a batch whose texts differ
    gives an interval around its pooled score, wider for fewer texts."""
    q = _bench()
    same = [q.DocScore(f"t{i}", "heldout", 10, 10, 8, 0.0, 100) for i in range(20)]
    assert q.interval(same) == pytest.approx((0.8, 0.8, 0.8, 0.8))
    mixed = [q.DocScore(f"t{i}", "heldout", 10, 10, m, 0.0, 100) for i, m in enumerate([2, 10] * 10)]
    lo, hi, p_lo, p_hi = q.interval(mixed)
    assert lo < 0.6 < hi and p_lo < 0.6 < p_hi
    lo4, hi4, _, _ = q.interval(mixed[:4])
    assert hi4 - lo4 > hi - lo


def test_versions_are_compared_paired_on_the_same_texts():
    """benchmarks/compare_versions.py: the same texts are drawn for every version, so a version that finds one
    figure more in each text is better in every draw, however much the texts differ."""
    spec = importlib.util.spec_from_file_location("compare_versions", BENCH.parent / "compare_versions.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    old = {f"t{i}": (10, 10, m) for i, m in enumerate([1, 9, 3, 8, 2, 7, 5, 6] * 3)}
    new = {k: (t, f, m + 1) for k, (t, f, m) in old.items()}
    rows = {r[0]: r for r in module.compare({"old": old, "same": dict(old), "new": new})}
    assert rows["same"][3:] == (0.0, 0.0, 0.0, 0.0)
    assert rows["new"][1] == pytest.approx(rows["old"][1] + 0.1)
    assert 0.099 < rows["new"][3] <= rows["new"][4] < 0.101  # one more of ten in every text, in every draw


def test_a_year_after_a_dash_and_periods_of_asides():
    """dev an_giang_2020-04-01_grdp: "quý I-2020" names its year; the quarters in parentheses ("(quý I-2019 tăng
    8,4%)") are comparisons, so they do not make 2019 the report's year."""
    f = _extract(
        "Theo UBND tỉnh An Giang, tổng sản phẩm trên địa bàn tỉnh (GRDP) ước thực hiện quý I-2020 tăng 4,75% so "
        "cùng kỳ năm 2019. Trong mức tăng 4,75%, khu vực công nghiệp - xây dựng tăng 5,8% (quý I-2019 tăng 8,4%); "
        "khu vực dịch vụ tăng 5,3% (quý I-2019 tăng 8,08%); thuế sản phẩm tăng 5,29% (quý I-2019 tăng 21,72%)."
    )
    # (twice: "Trong mức tăng 4,75%" restates it, as the readers list it; 0.20.20)
    hits = f[f["value"] == 4.75]
    assert len(hits) == 2 and {
        (str(r.period_start), str(r.period_end), r.measure) for r in hits.itertuples()
    } == {("2020-01", "2020-03", "estimate")}
    assert ktstats.lang.phrases.phrase_span("tháng 4-2021", None) == ktstats.lang.periods.Span(
        "2021-04", "2021-04"
    )


def test_the_months_figure_and_names_of_retail_and_new_enterprises():
    """dev lao_cai_2024-03-10_ngansach and ha_nam_2024-04-06_tangtruong: "… trong tháng" is the month's figure
    (and "lũy kế" the year so far's); "tổng mức lưu chuyển bán lẻ hàng hóa" is retail sales, "doanh nghiệp
    đăng ký mới" new enterprises."""
    f = _extract(
        "2 tháng đầu năm 2024, tổng mức lưu chuyển bán lẻ hàng hóa và doanh thu dịch vụ xã hội của Lào Cai đã "
        "đạt 3.470 tỷ đồng trong tháng và lũy kế đạt 6.920 tỷ đồng."
    )
    assert {(r.indicator, r.value, str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {
        ("retail_sales", 3470.0, "2024-02", "2024-02"),
        ("retail_sales", 6920.0, "2024-01", "2024-02"),
    }
    f = _extract(
        "Quý I/2024, số lượng doanh nghiệp đăng ký mới trên toàn tỉnh Hà Nam là 172 doanh nghiệp, tăng 16,2% "
        "so với cùng kỳ năm 2023."
    )
    assert set(f["indicator"]) == {"new_enterprises"} and set(f["value"]) == {172.0, 16.2}


def test_balanced_budget_revenue_is_state_budget_revenue():
    """dev ha_nam_2020-07-10_6thang: "Tổng thu cân đối ngân sách Nhà nước giảm 1%"."""
    f = _extract(
        "6 tháng đầu năm 2020, tỉnh Hà Nam: tổng thu cân đối ngân sách Nhà nước giảm 1%, trong đó thu từ nội địa "
        "đạt 3.722,9 tỷ đồng."
    )
    assert _one(f, value=-1.0)[["indicator", "form"]].tolist() == ["state_budget_revenue", "change"]


def test_the_last_months_of_the_year_spelled():
    """ "Sáu tháng cuối năm" is July–December, as "6 tháng cuối năm" is (it was read as the whole year)."""
    for spelled, start in (("Sáu", "2024-07"), ("Ba", "2024-10"), ("6", "2024-07")):
        f = _extract(f"{spelled} tháng cuối năm 2024, tỉnh Kon Tum phấn đấu thu ngân sách đạt 1.000 tỷ đồng.")
        assert _filed(f, 1000.0, "period_start", "period_end", "measure") == (start, "2024-12", "target")


def test_a_name_written_with_a_dash_between_its_words():
    """dev gia_lai_2022-06-01_ngansach: "thu từ hoạt động xuất – nhập khẩu" is the catalog's "thu từ hoạt động
    xuất nhập khẩu" (it was read as a second figure of domestic revenue)."""
    f = _extract(
        "6 tháng đầu năm 2022, tỉnh Gia Lai: trong đó: thu nội địa là hơn 3.000 tỷ đồng, tăng 12,4% so với cùng kỳ "
        "năm 2021; thu từ hoạt động xuất – nhập khẩu là gần 22 tỷ đồng, chỉ đạt 5% dự toán Trung ương giao."
    )
    assert _one(f, value=22.0)["indicator"] == "trade_revenue"
    assert _one(f, value=5.0)[["indicator", "relative_to"]].tolist() == [
        "trade_revenue",
        "budget_estimate_central",
    ]
    for written in ("xuất-nhập khẩu", "xuất - nhập khẩu", "xuất nhập khẩu"):
        g = _extract(f"Năm 2022, tỉnh Gia Lai thu từ hoạt động {written} đạt 22 tỷ đồng.")
        assert set(g["indicator"]) == {"trade_revenue"}, written


def test_new_rural_communes_abbreviated_and_their_advanced_grades():
    """dev nghe_an_2024-01-04_nam2023, bac_ninh_2022-07-12_sxkd: "NTM" is "nông thôn mới"; communes meeting the
    advanced ("nâng cao") or model ("kiểu mẫu") standard are another count, not the catalog's."""
    f = _extract("Năm 2023, tỉnh Nghệ An có thêm 8 xã đạt chuẩn NTM.")
    assert f[["indicator", "value"]].values.tolist() == [["communes_new_rural", 8.0]]
    # (left: "8 xã đạt chuẩn NTM, 35 xã đạt chuẩn NTM nâng cao" files 35 under the name written after 8)
    f = _extract("Năm 2022, tỉnh Bắc Ninh có 12/89 xã được đánh giá cơ bản đạt chuẩn nông thôn mới nâng cao.")
    assert "communes_new_rural" not in set(f["indicator"])


def test_a_month_a_sentence_opens_on_carries():
    """dev bac_ninh_2025_2025-08-14_ktxh, khanh_hoa_2024-05-29_dulich: "Riêng trong tháng 7, … . Trong đó, …"
    and "Tính trong tháng 5/2024, … . Tổng thu …": the month carries to what follows (a month spoken of otherwise
    does not, and a part of the report's period gives way to the report's)."""
    f = _extract(
        "Theo UBND tỉnh Bắc Ninh, trong 7 tháng đầu năm 2025, tỉnh thu hút được 13,63 tỷ USD vốn đầu tư quy đổi. "
        "Riêng trong tháng 7, tỉnh thu hút được 34,2 triệu USD vốn đầu tư quy đổi. Trong đó, cấp mới 12 dự án "
        "FDI với tổng vốn đăng ký đạt 33,1 triệu USD."
    )
    assert _filed(f, 33.1, "indicator", "period_start", "period_end") == (
        "fdi_registered",
        "2025-07",
        "2025-07",
    )


def test_a_moment_compared_with_is_no_period():
    """dev lang_son_2023-12-20_xnk: "ước đến 31/10 đạt …, tăng 13,6% so với cuối năm ngoái": the end of last year
    is what the level is compared with, not its date."""
    f = _extract(
        "Tỉnh Lạng Sơn năm 2023: tổng nguồn vốn huy động của các ngân hàng trên địa bàn tỉnh ước đến 31/10 đạt "
        "42.159 tỷ đồng, tăng 13,6% so với cuối năm ngoái và tổng dư nợ tín dụng cũng tăng 3,9%, đạt 40.925 tỷ đồng."
    )
    where = ("credit_outstanding", "2023-10", "2023-10")
    assert _filed(f, 40925.0, "indicator", "period_start", "period_end") == where


def test_registering_enterprises_names_new_enterprises():
    """dev nghe_an_2018-08-01_ngansach, bac_ninh_2025_2025-08-14_ktxh, can_tho_2023-12-27_20nam."""
    f = _extract(
        "Đến ngày 16-8-2018, tỉnh Nghệ An thực hiện cấp giấy chứng nhận đăng ký kinh doanh cho 1.240 doanh nghiệp "
        "(tăng 5,17% cùng kỳ)."
    )
    assert set(f["indicator"]) == {"new_enterprises"} and set(f["value"]) == {1240.0, 5.17}
    f = _extract("Tháng 7/2025, tỉnh Bắc Ninh cấp mới đăng ký doanh nghiệp cho 318 doanh nghiệp.")
    assert f[["indicator", "value"]].values.tolist() == [["new_enterprises", 318.0]]


def test_a_part_named_after_trong_do_names_no_figure_before_it():
    """dev tuyen_quang_2021-06-25_thongke: the 22,5 % is state budget revenue's, not domestic revenue's."""
    f = _extract(
        "6 tháng đầu năm 2021, tỉnh Tuyên Quang: tổng thu ngân sách Nhà nước ước thực hiện đạt trên 1.187 tỷ đồng, "
        "đạt trên 48% dự toán năm, tăng 22,5% so với cùng kỳ, trong đó, thu nội địa đạt 1.100 tỷ đồng."
    )
    assert _one(f, value=22.5)["indicator"] == "state_budget_revenue"
    assert _one(f, value=1100.0)["indicator"] == "domestic_revenue"


def test_the_year_so_far_after_a_breakdown_is_the_wholes():
    """dev lang_son_2023-12-20_xnk: "Tổng thu ngân sách … tháng 11 là 669,5 tỷ đồng. Trong đó, thu nội địa …. Lũy
    kế thực hiện 11 tháng … là 6.932 tỷ đồng": the year so far of the whole, not of the part named last."""
    f = _extract(
        "Tổng thu ngân sách trên địa bàn tỉnh Lạng Sơn ước thực hiện tháng 11/2023 là 669,5 tỷ đồng. Trong đó, thu "
        "nội địa ước thực hiện 179,3 tỷ đồng. Lũy kế thực hiện 11 tháng của Lạng Sơn là 6.932 tỷ đồng, đạt 85,6% so "
        "với dự toán."
    )
    assert _one(f, value=6932.0)["indicator"] == "state_budget_revenue"
    assert _one(f, value=179.3)["indicator"] == "domestic_revenue"


def test_a_contribution_to_growth_is_no_growth_figure():
    """dev yen_bai_2021-12-29_thongke: "đóng góp vào tốc độ tăng trưởng GRDP toàn tỉnh 1,28%" is the sector's
    contribution, not GRDP growth (a catalog name after "đóng góp vào" names what is contributed to)."""
    f = _extract(
        "Năm 2021, tỉnh Yên Bái: khu vực nông nghiệp - thủy sản đóng góp vào tốc độ tăng trưởng GRDP toàn tỉnh 1,28%."
    )
    assert 1.28 not in set(f["value"])


def test_to_the_end_of_a_quarter_is_the_year_so_far():
    """dev hung_yen_2018-04-01_xuatkhau: "đến hết quý II" is January–June, not the second quarter."""
    f = _extract(
        "Hưng Yên năm 2018: ngành Công Thương tỉnh đề ra mục tiêu phấn đấu đến hết quý II giá trị kim ngạch xuất "
        "khẩu đạt 2.150 triệu USD, tăng trưởng 15,53% so với cùng kỳ năm 2017."
    )
    assert _filed(f, 2150.0, "period_start", "period_end", "measure") == ("2018-01", "2018-06", "target")
    assert ktstats.lang.phrases.phrase_span(
        "lũy kế đến cuối quý III/2024", None
    ) == ktstats.lang.periods.Span("2024-01", "2024-09")
    assert "impossible" in str(ktstats.lang.phrases.phrase_span("đến hết quý V/2024", None))


def test_the_span_a_figure_is_the_highest_of_is_no_period():
    """dev vinh_phuc_2022-06-28_thongke: "… 6 tháng đầu năm … đạt 10,10%, cao nhất giai đoạn 2017-2020 và đứng
    thứ 10/63": the growth and its rank are the half-year's."""
    f = _extract(
        "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2022 của Vĩnh Phúc đạt 10,10%, cao nhất giai đoạn 2017-2020 và "
        "đứng thứ 10/63 tỉnh, thành phố."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2022-01", "2022-06")}


def test_months_named_together():
    """dev lam_dong_2022-03-01_banle: "tháng 1 và tháng 2/2022" is January–February; "tháng 8 và 8 tháng năm
    2022" is still a month and the year so far."""
    span = ktstats.lang.phrases.phrase_span
    Span = ktstats.lang.periods.Span
    assert span("tháng 1 và tháng 2/2022", None) == Span("2022-01", "2022-02")
    assert span("tháng 7-8/2023", None) == Span("2023-07", "2023-08")
    assert "impossible" in str(span("tháng 9 đến tháng 8/2023", None))
    found = [
        m.group("p") for m in ktstats.lang.phrases.PERIOD_PHRASES.finditer("tháng 8 và 8 tháng năm 2022")
    ]
    assert found == ["tháng 8", "8 tháng năm 2022"]
    f = _extract(
        "Do tháng 1 và tháng 2/2022 nằm trong thời gian trước, trong và sau Tết Nguyên đán, lượng du khách đến Lâm "
        "Đồng tăng cao, đạt 1.170.000 lượt khách, tăng 42,7% so với cùng kỳ."
    )
    assert {(str(r.period_start), str(r.period_end)) for r in f.itertuples()} == {("2022-01", "2022-02")}
