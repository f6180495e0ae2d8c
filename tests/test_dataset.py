import math
from pathlib import Path

import pandas as pd
import pytest

import ktstats
from ktstats import DataError, load_dataset
from ktstats.lang.text import squash_whitespace

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "datasets" / "sources"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_every_seed_figure_loads(kon_tum):
    frame = kon_tum.to_frame()
    assert len(frame) == 77
    assert set(frame["document"]) == {p.name for p in SOURCES.glob("*.txt")}
    required = [
        "indicator",
        "region",
        "period_start",
        "period_end",
        "measure",
        "value",
        "unit",
        "qualifier",
        "relative_to",
        "document",
        "quote",
    ]
    assert all(c in frame.columns for c in required)
    assert frame["value"].dtype == "float64"
    assert not frame["value"].isna().any()


def test_every_quote_is_in_its_source(kon_tum):
    # checked independently of the loader: normalise both sides and search
    texts = {p.name: squash_whitespace(p.read_text(encoding="utf-8")) for p in SOURCES.glob("*.txt")}
    for obs in kon_tum:
        assert squash_whitespace(obs.quote) in texts[obs.document], obs.quote


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="shared seeds not beside the checkout")
def test_bundled_sources_are_the_seeds():
    for seed in SHARED_SEEDS.glob("*.txt"):
        assert (SOURCES / seed.name).read_bytes() == seed.read_bytes()


def test_every_indicator_is_in_the_catalog(kon_tum):
    catalog = ktstats.indicators()
    assert set(kon_tum.to_frame()["indicator"]) <= set(catalog.index)
    assert set(catalog["kind"]) <= {"flow", "stock", "count", "rate", "growth", "index", "rank"}
    assert catalog.loc["poverty_rate", "better"] == "lower"
    assert catalog.loc["grdp_growth", "price_basis"] == "constant_2010"
    # the seeds' headline indicators are all there
    for code in [
        "grdp_growth",
        "state_budget_revenue",
        "local_budget_spending",
        "total_investment",
        "public_investment_disbursement",
        "communes_new_rural",
        "villages_new_rural_ethnic",
        "online_public_services_full",
        "poverty_rate",
        "trained_labour_share",
        "health_insurance_coverage",
        "tourist_visits",
        "planted_area_ngoc_linh_ginseng",
        "party_members_admitted",
    ]:
        assert code in catalog.index


def _one(ds, **kw):
    rows = ds.filter(
        **{k: v for k, v in kw.items() if k in ("indicator", "measure", "form", "relative_to", "region")}
    ).to_frame()
    if "period_start" in kw:
        rows = rows[rows["period_start"] == pd.Period(kw["period_start"], freq="M")]
    if "period_end" in kw:
        rows = rows[rows["period_end"] == pd.Period(kw["period_end"], freq="M")]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("criteria", "value", "unit", "qualifier"),
    [
        (dict(indicator="grdp_growth", measure="actual", period_end="2023-09"), 6.87, "percent", "exact"),
        (
            dict(indicator="state_budget_revenue", measure="actual", form="level", period_end="2023-09"),
            2500,
            "billion dong",
            "nearly",
        ),
        (dict(indicator="public_investment_disbursement", form="level"), 1326.4, "billion dong", "exact"),
        (
            dict(indicator="public_investment_disbursement", measure="actual", form="ratio"),
            35.08,
            "percent",
            "exact",
        ),
        (
            dict(indicator="state_budget_revenue", measure="actual", form="level", period_end="2024-03"),
            830,
            "billion dong",
            "approx",
        ),
        (
            dict(indicator="local_budget_spending", relative_to="same_period_last_year"),
            111.7,
            "percent",
            "exact",
        ),
        (dict(indicator="total_investment", form="change"), 11.8, "percent", "exact"),
        (
            dict(indicator="grdp_growth", measure="target", period_start="2024-01", period_end="2024-12"),
            8.2,
            "percent",
            "at_least",
        ),
        (
            dict(indicator="state_budget_revenue", measure="target", period_start="2024-10"),
            2100,
            "billion dong",
            "exact",
        ),
        (dict(indicator="private_investment"), 6000, "billion dong", "over"),
        (dict(indicator="tourist_visits"), 2_100_000, "visit", "exact"),
        (dict(indicator="poverty_rate", region="kon_tum"), -3, "percentage_point", "exact"),
        (dict(indicator="party_members_admitted", relative_to="congress_target"), 77.54, "percent", "exact"),
    ],
)
def test_known_figures(kon_tum, criteria, value, unit, qualifier):
    row = _one(kon_tum, **criteria)
    assert (row.value, row.unit, row.qualifier) == (value, unit, qualifier)


def test_fraction_and_share_agree(kon_tum):
    heads = _one(kon_tum, indicator="village_heads_party_members")
    share = _one(kon_tum, indicator="village_heads_party_members_share", form="level")
    assert round(100 * heads.value / heads.denominator, 2) == share.value == 92.46


def test_stated_ratio_implies_a_plan(kon_tum):
    # 3.877 members = 77,54% of the congress target ⇒ target ≈ 5.000
    level = _one(kon_tum, indicator="party_members_admitted", period_start="2020-10", form="level")
    ratio = _one(kon_tum, indicator="party_members_admitted", period_start="2020-10", form="ratio")
    assert level.value / (ratio.value / 100) == pytest.approx(5000, abs=1)


def test_as_of_and_latest(kon_tum):
    early = kon_tum.filter(as_of="2023-12-31")
    assert set(early.to_frame()["document"]) == {"000_bc4f183873acb3e9.txt", "001_df20b3de81934500.txt"}
    latest = kon_tum.filter(indicator="grdp_growth", measure="target").latest()
    # the national 2025 target of Conclusion 123 (viet_nam) is stated twice in one document: kept
    # once; Kon Tum's own "khoảng trên 10%" is a different target, not a restatement of it
    assert len(latest) == 4


def test_series_from_dataset(kon_tum):
    s = kon_tum.series("grdp_growth")
    assert (s.freq, s.basis, s.kind, ktstats.lang.units.unit_to_str(s.unit)) == (
        "Q",
        "ytd",
        "growth",
        "percent",
    )
    assert [str(p) for p in s.index] == ["2021Q3", "2023Q3", "2024Q1"]
    assert s.provenance is not None and s.provenance["document"].iloc[0] == "001_df20b3de81934500.txt"
    assert kon_tum.series("grdp_growth", as_of="2023-12-31").values.tolist() == [6.05, 6.87]
    with pytest.raises(DataError, match="no actual levels"):
        kon_tum.series("tourist_visits")
    with pytest.raises(DataError, match="published by"):
        kon_tum.series("grdp_growth", as_of="2020-01-01")


def test_observation_objects(kon_tum):
    obs = next(iter(kon_tum.filter(indicator="tourist_visits")))
    assert obs.span.label() == "năm 2024"
    assert obs.quantity.to("visit").magnitude == 2_100_000
    assert obs.document_date == pd.Timestamp("2024-10-22")
    assert obs.denominator is None and math.isfinite(obs.value)


# --- validation of bad files --------------------------------------------------

GOOD = (
    "indicator,region,period_start,period_end,measure,value,unit,qualifier,document,quote\n"
    "grdp_growth,kon_tum,2024-01,2024-03,actual,6.45,percent,exact,003_672f3fa1ac6cf720.txt,"
    '"Trong quý I/2024, kinh tế-xã hội của tỉnh tiếp tục phát triển, tốc độ tăng trưởng đạt 6,45%, '
    'đứng thứ 19 cả nước và cao nhất trong khu vực Tây Nguyên."\n'
)


def _write(tmp_path, text, name="data.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_user_file_loads(tmp_path):
    ds = load_dataset(str(_write(tmp_path, GOOD)))
    assert len(ds) == 1 and ds.to_frame().loc[0, "value"] == 6.45


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("grdp_growth,", "grdp_growht,", "indicator"),
        (",kon_tum,", ",Kon Tum,", "region"),
        (",2024-01,", ",2024-13,", "period_start"),
        (",2024-01,", ",2024/01,", "period_start"),
        (",2024-03,actual", ",2023-03,actual", "period_end"),
        (",actual,", ",actuals,", "measure"),
        (",6.45,", ',"6,45",', "value"),
        (",6.45,", ",,", "value"),
        (",6.45,", ",nan,", "value"),
        (",6.45,", ",inf,", "value"),
        (",percent,", ",tỷ đồng,", "unit"),
        (",percent,", ",quả,", "unit"),
        (",exact,", ",roughly,", "qualifier"),
    ],
)
def test_bad_rows_name_row_and_column(tmp_path, old, new, column):
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataError) as info:
        load_dataset(str(path))
    assert info.value.row == 1
    assert info.value.column == column
    assert "data.csv" in str(info.value)


def test_missing_column(tmp_path):
    bad = GOOD.replace("measure,", "", 1).replace("actual,", "", 1)
    with pytest.raises(DataError, match="missing required column"):
        load_dataset(str(_write(tmp_path, bad)))


def test_quote_not_found_in_bundled_data(monkeypatch, tmp_path):
    from ktstats.catalog import bundled as _data

    data = tmp_path / "datasets"
    (data / "sources").mkdir(parents=True)
    real = _data.data_dir()
    for name in ("indicators.csv", "documents.csv"):
        (data / name).write_bytes((real / name).read_bytes())
    for src in (real / "sources").glob("*.txt"):
        (data / "sources" / src.name).write_bytes(src.read_bytes())
    (data / "mini.csv").write_text(GOOD.replace("6,45%", "6,54%"), encoding="utf-8")
    monkeypatch.setattr(_data, "data_dir", lambda: data)
    import ktstats.catalog.documents as docs_mod

    monkeypatch.setattr(docs_mod, "data_dir", lambda: data)
    docs_mod.document_text.cache_clear()
    with pytest.raises(DataError, match="quote not found") as info:
        load_dataset("mini")
    assert info.value.column == "quote"
    (data / "mini.csv").write_text(GOOD.replace(",6.45,", ",6.54,"), encoding="utf-8")
    with pytest.raises(DataError, match="does not appear in the quote") as info:
        load_dataset("mini")
    assert info.value.column == "value"
    docs_mod.document_text.cache_clear()


def test_point_kinds_need_one_month(tmp_path):
    bad = GOOD.replace("grdp_growth,", "poverty_rate,", 1)
    with pytest.raises(DataError, match="refers to one month") as info:
        load_dataset(str(_write(tmp_path, bad)))
    assert info.value.column == "period_start"


def test_duplicate_rows(tmp_path):
    lines = GOOD.splitlines()
    with pytest.raises(DataError, match="duplicates row 1") as info:
        load_dataset(str(_write(tmp_path, "\n".join([*lines, lines[1]]) + "\n")))
    assert info.value.row == 2


def test_not_utf8_and_not_csv(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes(GOOD.encode("utf-16"))
    with pytest.raises(DataError):
        load_dataset(str(p))
    with pytest.raises(DataError, match="no dataset"):
        load_dataset("dak_lak")


def test_validating_column_by_column_gives_the_row_by_row_table(monkeypatch):
    """A valid table is checked column by column (each distinct code, span and unit once); the result is the
    table the row-by-row checks give, on every bundled dataset and on extract's output."""
    from ktstats.data import schema

    frames = [ktstats.load_dataset(n).to_frame() for n in ("kon_tum", "kon_tum_history", "vn_provinces")]
    text = (ktstats.catalog.bundled.data_dir() / "sources").glob("*.txt")
    frames += [
        ktstats.extract(p.read_text(encoding="utf-8"), region="Kon Tum", date="2025-03").to_frame()
        for p in text
    ]
    for frame in frames:
        raw = frame.drop(columns="document_date").astype({"period_start": str, "period_end": str})
        lists = {c: raw[c].tolist() for c in raw.columns}
        assert schema._by_column(lists, schema.documents_table()) is not None  # the fast path is taken
        fast = schema.validate(raw, None, check_quotes=False)
        with monkeypatch.context() as m:
            m.setattr(schema, "_by_column", lambda *_: None)
            slow = schema.validate(raw, None, check_quotes=False)
        pd.testing.assert_frame_equal(fast, slow)
