"""Charts a report can use: regional comparison, attainment, projection, growth.

matplotlib is imported when a chart is drawn, not when ktstats is imported.
Every function takes ``ax=`` (a new figure when omitted) and returns the Axes;
labels are Vietnamese by default (``lang="en"`` for English), numbers are
written in Vietnamese style, and a source line sits under every chart, inside
the figure's layout (so ``savefig(bbox_inches="tight")`` and Jupyter's inline
display keep it). The font is DejaVu Sans, which matplotlib ships and which has
every Vietnamese diacritic.

Inputs are checked before anything is drawn: mixed units or periods raise
:class:`UnitError` / :class:`PeriodError`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np
import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.data.schema import TARGET_LIKE
from ktstats.errors import DataError, PeriodError, UnitError
from ktstats.lang.numbers import format_number
from ktstats.lang.periods import Span, parse_span
from ktstats.lang.units import conversion_factor, format_unit, parse_unit, unit_to_str
from ktstats.present.chart_style import BASE as _BASE
from ktstats.present.chart_style import HIGHLIGHT as _HIGHLIGHT
from ktstats.present.chart_style import new_axes as _axes
from ktstats.present.chart_style import region_name as _region_name
from ktstats.present.chart_style import source_line as _source_line
from ktstats.present.chart_style import styled as _styled
from ktstats.present.chart_style import vn_formatter as _vn_formatter
from ktstats.present.regional_rows import dataset_rows, frame_rows, panel_row, region_code

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ktstats.analysis.projection import Projection
    from ktstats.data.dataset import Dataset
    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries

__all__ = ["plot_attainment", "plot_growth", "plot_projection", "plot_regional"]

Lang = Literal["vi", "en"]
_WORDS = {
    "vi": {
        "source": "Nguồn",
        "target": "mục tiêu",
        "actual": "thực hiện",
        "projection": "dự báo",
        "interval": "khoảng dự báo",
        "attained": "% mục tiêu",
        "ytd": "lũy kế từ đầu năm",
        "growth": "tăng so với cùng kỳ (%)",
        "others": "mục tiêu khác chưa có số thực hiện",
        "each_period": "tăng trưởng từng kỳ",
        "ytd_growth": "tăng trưởng lũy kế",
        "needed": "nhịp độ cần đạt",
        "yoy": "tăng so với cùng kỳ",
        "have_data": "có số liệu",
        "missing": "thiếu",
        "provinces": "tỉnh",
        "regions": "địa phương",
    },
    "en": {
        "source": "Source",
        "target": "target",
        "actual": "actual",
        "projection": "projection",
        "interval": "projection interval",
        "attained": "% of target",
        "ytd": "year to date",
        "growth": "growth vs same period last year (%)",
        "others": "other targets without an actual",
        "each_period": "growth of each period",
        "ytd_growth": "year-to-date growth",
        "needed": "pace needed",
        "yoy": "growth vs same period last year",
        "have_data": "have data",
        "missing": "missing",
        "provinces": "provinces",
        "regions": "regions",
    },
}


def _period_label(p: pd.Period, lang: Lang = "vi") -> str:
    if p.freqstr.startswith("Q"):
        return (
            f"{['I', 'II', 'III', 'IV'][p.quarter - 1]}/{p.year}"
            if lang == "vi"
            else f"Q{p.quarter} {p.year}"
        )
    if p.freqstr.startswith("M"):
        return f"{p.month:02d}/{p.year}" if lang == "vi" else f"{p.year}-{p.month:02d}"
    return str(p.year)


def _keep_labels_inside(ax: Axes, labels: list[Any], values: np.ndarray) -> None:
    """Widen the x range until every value label (measured after the layout has run) ends inside the frame."""
    root: Any = ax.figure.get_figure(root=True) if hasattr(ax.figure, "get_figure") else ax.figure
    lo, hi = min(0.0, float(np.min(values))), max(0.0, float(np.max(values)))
    lo, hi = (lo, hi) if hi > lo else (lo, lo + 1.0)
    for _ in range(3):  # the layout may move a little once the range changes
        ax.set_xlim(lo, hi)
        root.draw_without_rendering()
        renderer = (
            root.canvas.get_renderer() if hasattr(root.canvas, "get_renderer") else root._get_renderer()
        )
        width = ax.get_window_extent(renderer).width
        new_lo, new_hi = lo, hi
        for label, v in zip(labels, values, strict=True):
            # the share of the axes' width left for the bar once its label (and a small gap) is placed
            room = max(0.2, 1.0 - (label.get_window_extent(renderer).width + 12.0) / max(width, 1.0))
            if v >= 0:
                new_hi = max(new_hi, lo + (float(v) - lo) / room)
            else:
                new_lo = min(new_lo, hi - (hi - float(v)) / room)
        if (new_lo, new_hi) == (lo, hi):
            return
        lo, hi = new_lo, new_hi
    ax.set_xlim(lo, hi)


def _missing_note(asked: list[str], missing: list[str], lang: Lang) -> str:
    """ "2/5 tỉnh có số liệu; thiếu: …" / "2 of 5 provinces have data; missing: …"."""
    words = _WORDS[lang]
    what = (
        words["provinces"] if all(region_code(r, "kind") == "province" for r in asked) else words["regions"]
    )
    have = len(asked) - len(missing)
    count = f"{have}/{len(asked)} {what}" if lang == "vi" else f"{have} of {len(asked)} {what}"
    note = f"{count} {words['have_data']}; {words['missing']}: {', '.join(_region_name(r, lang) for r in missing)}"
    return textwrap.shorten(note, 110, placeholder="…")


@_styled
def plot_regional(
    data: Dataset | Panel | pd.DataFrame | pd.Series,
    indicator: str | None = None,
    period: str | Span | None = None,
    *,
    ax: Axes | None = None,
    highlight: str | None = None,
    measure: str | None = None,
    lang: Lang = "vi",
    regions: Sequence[str] | None = None,
    unit: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Axes:
    """Ranked bars of one indicator across regions for one period.

    From a Dataset, each region's actual is drawn where it has one and its estimate otherwise (labelled
    "ước" / "est."); ``measure=`` picks one measure strictly. A Panel is drawn as it is, in its own unit (a
    growth panel computed from levels is drawn as growth). A user's own figures: a Series indexed by region,
    or a DataFrame — long with ``region`` and ``value`` columns (optional ``unit``, ``qualifier``), one row
    with a column per region, regions as the index with one value column, or a PeriodIndex with a column
    per region (the row of ``period`` is drawn); their unit is ``unit=`` (or the ``unit`` column, or the
    catalog's), the indicator any label. ``regions=`` (names or codes; for a Dataset, every region it
    holds by default) are the regions asked for: those without a figure are named under the title.
    ``title=`` and ``source=`` replace the title and the source line.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import ktstats
    >>> ax = plot_regional(ktstats.load_dataset("tay_nguyen"), "grdp_growth", "6 tháng đầu năm 2023")
    >>> ax.get_yticklabels()[0].get_text(), ax.get_yticklabels()[1].get_text()
    ('Kon Tum', 'Gia Lai')
    >>> df = pd.DataFrame({"region": ["Kon Tum", "Gia Lai"], "value": [830.0, 2100.0]})
    >>> ax = plot_regional(df, "Thu ngân sách", "năm 2023", unit="tỷ đồng", source="Cục Thống kê")
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('Thu ngân sách — năm 2023', ['Gia Lai', 'Kon Tum'])
    """
    from ktstats.catalog.regions import region
    from ktstats.data.dataset import Dataset
    from ktstats.data.panel import Panel
    from ktstats.lang.numbers import format_quantity

    if not isinstance(data, (Dataset, Panel, pd.DataFrame, pd.Series)):
        raise DataError(
            f"plot_regional needs a Dataset, a Panel, a DataFrame or a Series, got {type(data).__name__}"
        )
    indicator = data.indicator if isinstance(data, Panel) and indicator is None else indicator
    if isinstance(data, (Dataset, Panel)) and (indicator is None or period is None):
        raise DataError("plot_regional needs the indicator and the period, e.g. 'grdp_growth', 'năm 2023'")
    span = period if isinstance(period, Span) or period is None else parse_span(period)
    ind = by_code().get(indicator) if indicator is not None else None
    if isinstance(data, Dataset):
        f = dataset_rows(data, cast(str, indicator), cast(Span, span), measure)
    elif isinstance(data, Panel):
        f = panel_row(data, indicator, cast(Span, span))
    else:
        f = frame_rows(data, span)
    # the unit: unit=, else the catalog's (a level indicator's growth panel is growth), else the data's
    as_growth = ind is not None and isinstance(data, Panel) and data.kind == "growth" and ind.kind != "growth"
    if unit is None and (ind is None or as_growth) and not ("unit" in f and str(f["unit"].iloc[0]).strip()):
        raise DataError(
            f"the figures of {indicator or 'the chart'} have no unit: pass unit= (e.g. 'tỷ đồng', '%')"
        )
    target = parse_unit(
        unit if unit is not None else ind.unit if ind and not as_growth else str(f["unit"].iloc[0])
    )
    f = f if "unit" in f else f.assign(unit=unit_to_str(target))
    try:
        values = np.array(
            [v * conversion_factor(u, target) for v, u in zip(f["value"], f["unit"], strict=True)]
        )
    except UnitError as exc:
        raise UnitError(f"cannot draw {indicator or 'the figures'}: {exc}") from None
    f = f.assign(value=values, region=[region_code(str(r)) for r in f["region"]])
    if regions is not None:  # the regions asked for: those without a figure are named in a note
        asked = list(
            dict.fromkeys(region(str(r)).code for r in ([regions] if isinstance(regions, str) else regions))
        )
        f = f[f["region"].isin(asked)]
    else:
        asked = sorted(set(data.to_frame()["region"])) if isinstance(data, Dataset) else list(f["region"])
    f = f[np.isfinite(f["value"].to_numpy(dtype="float64"))]
    if f.empty:
        raise DataError(f"nothing to draw: no figure for {', '.join(_region_name(r, lang) for r in asked)}")
    missing = [r for r in asked if r not in set(f["region"])]
    values = f["value"].to_numpy(dtype="float64")
    lower = ind is not None and not as_growth and ind.better == "lower"
    order = np.argsort(values if lower else -values, kind="stable")
    regions_, values, qualifiers = (
        f["region"].to_numpy()[order],
        values[order],
        f["qualifier"].to_numpy()[order],
    )
    estimated = (
        (f["measure"] == "estimate").to_numpy()[order] if "measure" in f else np.zeros(len(order), bool)
    )
    if highlight is not None and highlight not in set(regions_):
        highlight = region(highlight).code  # a name as written, or a DataError with close matches
    ax = _axes(ax)
    y = np.arange(len(values))[::-1]
    ax.barh(y, values, color=[_HIGHLIGHT if r == highlight else _BASE for r in regions_])
    ax.set_yticks(y, [_region_name(str(r), lang) for r in regions_])
    est_word = "ước" if lang == "vi" else "est."
    labels = []
    for yi, v, q, est in zip(y, values, qualifiers, estimated, strict=True):
        text = format_quantity(round(float(v), 4), target, str(q), lang=lang)
        labels.append(
            ax.annotate(
                f"{text} ({est_word})" if est else text,
                (v, yi),
                xytext=(3 if v >= 0 else -3, 0),
                textcoords="offset points",
                ha="left" if v >= 0 else "right",
                va="center",
                fontsize=8,
            )
        )
    ax.xaxis.set_major_formatter(_vn_formatter(lang))
    if title is None:
        name = ind.name(lang) if ind is not None else (indicator or "")
        name = f"{name}: {_WORDS[lang]['yoy']}" if as_growth else name
        title = " — ".join(t for t in (name, span.label(lang) if span is not None else "") if t)
    if missing:
        title = "\n".join(t for t in (title, _missing_note(asked, missing, lang)) if t)
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(format_unit(target, lang=lang))
    docs = list(data.documents) if isinstance(data, Panel) else [str(d) for d in f.get("document", [])]
    _source_line(ax, [d for d in docs if d and d != "nan"], lang, source=source)
    _keep_labels_inside(ax, labels, values)
    return ax


def _reported_ratios(data: Dataset, lang: Lang) -> pd.DataFrame:
    """Shares of a plan or congress target as the documents state them ("đạt 18,04% dự toán")."""
    from ktstats.lang.labels import word

    f = data.filter(form="ratio").latest().to_frame()  # (a level two documents disagree on is not drawn here)
    f = f[f["relative_to"].isin(sorted(TARGET_LIKE)) & f["measure"].isin(["actual", "estimate"])]
    catalog = by_code()
    labels = [
        f"{catalog[str(ind)].name(lang)}: {Span(str(a), str(b)).label(lang)} / {word('reference', str(rel), lang)}"
        for ind, a, b, rel in zip(
            f["indicator"], f["period_start"], f["period_end"], f["relative_to"], strict=True
        )
    ]
    ratio = f["value"].to_numpy(dtype="float64") / 100.0
    return pd.DataFrame(
        {
            "label": labels,
            "ratio": ratio,
            "status": np.where(ratio >= 1.0, "met", "in progress"),
            "document": f["document"].to_numpy(),
        }
    )


@_styled
def plot_attainment(
    data: Dataset | pd.DataFrame, *, ax: Axes | None = None, lang: Lang = "vi", reported: bool = True
) -> Axes:
    """Bullet chart: each target's actual as a share of it, the 100% line drawn.

    Accepts a Dataset (its :meth:`~ktstats.Dataset.attainment`) or that table.
    With a Dataset and ``reported=True`` the shares the documents state
    themselves ("đạt 18,04% dự toán", "đạt 77,54% chỉ tiêu Nghị quyết Đại
    hội") are drawn too, below the computed ones. Bars are green at or above
    100%, orange while a target is in progress, red when missed; targets
    without a comparable actual are counted in the title.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import ktstats
    >>> ax = plot_attainment(ktstats.load_dataset("kon_tum"), lang="en")
    >>> ax.get_title().splitlines()[0]
    'Attainment of targets'
    """
    from ktstats.data.dataset import Dataset

    if not isinstance(data, (pd.DataFrame, Dataset)):
        raise DataError(
            f"plot_attainment needs a Dataset or its attainment table (Dataset.attainment()), got {type(data).__name__}"
        )
    table = data if isinstance(data, pd.DataFrame) else data.attainment()
    needed = {"indicator", "target", "ratio", "status"}
    if isinstance(data, Dataset) and table.empty:  # (no target of its own: the shares it reports are drawn)
        table = pd.DataFrame(columns=sorted(needed))
    if not needed <= set(table.columns):
        raise DataError(f"plot_attainment needs an attainment table with {sorted(needed)}")
    drawn = table[table["ratio"].notna()]
    others = len(table) - len(drawn)
    catalog = by_code()
    rows = pd.DataFrame(
        {
            "label": [
                f"{catalog[str(ind)].name(lang)}: {tgt}"
                for ind, tgt in zip(drawn["indicator"], drawn["target"], strict=True)
            ],
            "ratio": drawn["ratio"].to_numpy(dtype="float64"),
            "status": drawn["status"].to_numpy(),
            "document": list(drawn.get("actual_document", pd.Series([""] * len(drawn)))),
        }
    )
    if reported and not isinstance(data, pd.DataFrame):
        rows = pd.concat([rows, _reported_ratios(data, lang)], ignore_index=True)
    if rows.empty:
        raise DataError(
            "nothing to draw: no target has a comparable actual and no share of a plan is reported"
        )
    ax = _axes(ax, (10.0, 1.4 + 0.42 * len(rows)))
    pct = 100 * rows["ratio"].to_numpy(dtype="float64")
    y = np.arange(len(pct))[::-1]
    colors = [
        "#27ae60" if s in ("met", "exceeded") else "#e67e22" if s == "in progress" else _HIGHLIGHT
        for s in rows["status"]
    ]
    ax.barh(y, np.full(len(pct), 100.0), color="#ecf0f1", height=0.8)
    ax.barh(y, pct, color=colors, height=0.4)
    ax.axvline(100, color="#2c3e50", lw=1.5)
    for yi, p in zip(y, pct, strict=True):
        ax.annotate(
            f"{format_number(round(float(p), 2))}%",
            (p, yi),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(y, [textwrap.shorten(t, 95, placeholder="…") for t in rows["label"]], fontsize=7.5)
    ax.xaxis.set_major_formatter(_vn_formatter(lang))
    ax.set_xlabel(_WORDS[lang]["attained"])
    ax.set_xlim(0, max(115.0, float(np.nanmax(pct)) * 1.15))
    title = "Mức độ hoàn thành mục tiêu" if lang == "vi" else "Attainment of targets"
    if others:
        title += f"\n({others} {_WORDS[lang]['others']})"
    ax.set_title(title, fontsize=10)
    _source_line(ax, [d for d in rows["document"] if isinstance(d, str) and d], lang)
    return ax


@_styled
def plot_projection(
    series: IndicatorSeries, projection: Projection, *, ax: Axes | None = None, lang: Lang = "vi"
) -> Axes:
    """The year so far, the target line, and the projection fan to the year end.

    For a flow the line is the year-to-date total; for a growth target it is
    the growth of each period, with the year-to-date growth marked where the
    fan starts. A dotted line shows the pace the rest of the year needs.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import ktstats
    >>> gdp = ktstats.load_dataset("vn_gdp")
    >>> p = gdp.project("gdp_growth", year=2023, as_of="2023-10-15")
    >>> q = gdp.series("gdp_growth", "viet_nam", freq="Q", basis="period", as_of="2023-10-15")
    >>> plot_projection(q, p, lang="en").get_title()
    'National GDP growth rate, vs the same period of the previous year 2023: off track — 0,7%'
    """
    if projection.freq != series.freq:
        raise PeriodError(
            f"the series is {series.freq}-periodic but the projection was made on {projection.freq}"
        )
    try:
        factor = conversion_factor(series.unit, projection.unit)
    except UnitError as exc:
        raise UnitError(f"the series and the projection are in different units: {exc}") from None
    s = series.to_pandas() * factor
    in_year = pd.PeriodIndex(s.index).year == projection.year
    s = s[in_year]
    if s.empty:
        raise PeriodError(f"the series has no values in {projection.year}")
    from ktstats.lang.labels import word

    words = _WORDS[lang]
    n = projection.periods_in_year
    growth = projection.target.kind == "growth"
    ax = _axes(ax)
    x = np.arange(1, len(s) + 1)
    if growth:
        ax.plot(x, s.to_numpy(), marker="o", color="#95a5a6", label=words["each_period"])
        last = float(projection.ytd) if projection.ytd is not None else float(s.iloc[-1])
        ax.plot([len(s)], [last], marker="s", color="#2c3e50", ls="", label=words["ytd_growth"])
    else:
        path = s.to_numpy() if series.basis == "ytd" else np.cumsum(s.to_numpy())
        ax.plot(x, path, marker="o", color="#2c3e50", label=words["ytd"])
        last = float(path[-1])
    ax.axhline(
        projection.target.value,
        color="#27ae60",
        ls="--",
        label=f"{words['target']} {projection.target.label(lang)}",
    )
    if len(s) < n:
        ax.plot([len(s), n], [last, projection.target.value], color="#27ae60", ls=":", label=words["needed"])
    if projection.point is not None:
        ax.plot([n], [projection.point], marker="D", color=_HIGHLIGHT, ls="", label=words["projection"])
        if projection.low is not None and projection.high is not None:
            ax.fill_between(
                [len(s), n],
                [last, projection.low],
                [last, projection.high],
                color=_HIGHLIGHT,
                alpha=0.15,
                label=f"{words['interval']} {format_number(round(100 * projection.level))}%",
            )
    ax.set_xlim(0.5, n + 0.5)
    ax.set_xticks(range(1, n + 1))
    ax.yaxis.set_major_formatter(_vn_formatter(lang))
    freq_word = {"vi": {"Q": "quý", "M": "tháng"}, "en": {"Q": "quarter", "M": "month"}}[lang].get(
        projection.freq, ""
    )
    ax.set_xlabel(f"{freq_word} {projection.year}")
    ax.set_ylabel(format_unit(projection.unit, lang=lang))
    name = (
        by_code()[series.indicator].name(lang) if series.indicator in by_code() else (series.indicator or "")
    )
    prob = ""
    if projection.probability is not None:
        pct = 100 * projection.probability
        prob = f" — {format_number(round(pct, 1) if 0 < pct < 1 or 99 < pct < 100 else round(pct))}%"
    status = word("projection", projection.status, lang)
    ax.set_title(f"{name} {projection.year}: {status}{prob}", fontsize=10)
    ax.legend(fontsize=7, loc="best")
    docs = list(series.provenance["document"][in_year]) if series.provenance is not None else []
    _source_line(ax, docs, lang)
    return ax


@_styled
def plot_growth(data: Panel | IndicatorSeries, *, ax: Axes | None = None, lang: Lang = "vi") -> Axes:
    """Growth against the same period a year earlier, one line per region.

    Takes levels (growth is computed) or growth rates (drawn as they are).
    """
    from ktstats.data.panel import Panel
    from ktstats.data.series import IndicatorSeries

    if isinstance(data, IndicatorSeries):
        docs = list(data.provenance["document"]) if data.provenance is not None else []
        frame = data.to_pandas().to_frame(data.region or data.indicator or "")
        kind, unit = data.kind, data.unit
        growth = (
            data.yoy().to_pandas().to_frame(frame.columns[0]) if kind in ("flow", "stock", "count") else frame
        )
    elif isinstance(data, Panel):
        docs = list(data.documents)
        kind, unit = data.kind, data.unit
        growth = data.yoy().to_frame() if kind in ("flow", "stock", "count") else data.to_frame()
    else:
        raise DataError(f"plot_growth needs an IndicatorSeries or a Panel, got {type(data).__name__}")
    if len(data) == 0:
        raise DataError(f"{data._label()} is empty: there is no growth to draw")
    if kind in ("rate", "index", "rank"):
        raise UnitError(f"plot_growth draws growth; a {kind} has no growth to draw (use pp_change for rates)")
    if kind == "growth" and str(unit) != "percent":
        raise UnitError(f"growth rates must be in percent, not {unit}")
    ax = _axes(ax)
    # one position per period of the whole range, labelled with the period itself (a year's growth sits on
    # that year); periods without a figure leave a gap in the line rather than being bridged
    index = pd.PeriodIndex(growth.index)
    full = pd.period_range(index.min(), index.max(), freq=index.freq)
    drawn = growth.reindex(full)
    x = np.arange(len(full))
    for col in drawn.columns:
        ax.plot(x, drawn[col].to_numpy(), marker="o", ms=3, label=_region_name(str(col), lang))
    per_year = {"Y": 1, "Q": 4, "M": 12}.get(str(full.freqstr)[0], 1)
    step = per_year * max(1, int(np.ceil(len(full) / per_year / 12))) if len(full) > 12 else 1
    start = (
        int(np.argmax([p == p.asfreq("Y").asfreq(full.freqstr, how="start") for p in full]))
        if per_year > 1
        else 0
    )
    ticks = x[start::step]
    ax.set_xticks(ticks, [_period_label(full[int(i)], lang) for i in ticks])
    ax.axhline(0, color="#999999", lw=0.8)
    ax.yaxis.set_major_formatter(_vn_formatter(lang))
    ax.set_ylabel(_WORDS[lang]["growth"])
    if growth.shape[1] > 1:
        ax.legend(fontsize=7)
    ind = getattr(data, "indicator", None)
    if ind in by_code():
        ax.set_title(by_code()[ind].name(lang), fontsize=10)
    _source_line(ax, docs, lang)
    return ax
