"""Charts of many provinces at once: who will meet the year's target, and how far each moved.

:func:`plot_projections` draws the table of :meth:`ktstats.Dataset.projections` — one row per province
or unit (34 fit on one page): the projected year as a dot with its interval, the target as a tick,
the colour of the status, ranked by the projection; :func:`plot_dumbbell` draws two figures of each
province joined by a line (nine months → target, target → outcome). Both take ``highlight=`` (a
province's name or code), ``lang=``, ``title=``, ``source=`` and ``ax=`` and return the Axes, like the
other charts of :mod:`ktstats.present.plotting`; provinces without the figures are named under the
title, never dropped silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ktstats.errors import DataError
from ktstats.present.chart_style import (
    BASE,
    HIGHLIGHT,
    pyplot,
    region_name,
    source_line,
    styled,
    vn_formatter,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_dumbbell", "plot_projections"]

Lang = Literal["vi", "en"]
#: status colours, readable for the common colour-blindnesses (blue / orange / vermilion / grey)
STATUS_COLORS = {
    "achieved": "#0072B2",
    "on_track": "#0072B2",
    "at_risk": "#E69F00",
    "off_track": "#D55E00",
    "insufficient_data": "#999999",
}
_LABELS = {
    "vi": {
        "achieved": "đã đạt",
        "on_track": "khả năng đạt",
        "at_risk": "chưa chắc",
        "off_track": "khó đạt",
        "insufficient_data": "chưa đủ số liệu",
        "target": "mục tiêu",
        "interval": "khoảng dự báo",
        "growth": "tăng trưởng GRDP (%)",
        "title": "Dự báo tăng trưởng GRDP năm {year} so với mục tiêu",
        "no_figure": "Chưa đủ số liệu",
    },
    "en": {
        "achieved": "achieved",
        "on_track": "on track",
        "at_risk": "at risk",
        "off_track": "off track",
        "insufficient_data": "insufficient data",
        "target": "target",
        "interval": "projection interval",
        "growth": "GRDP growth (%)",
        "title": "Projected GRDP growth in {year} against the target",
        "no_figure": "Insufficient data",
    },
}


def _height(n: int) -> tuple[float, float]:
    return (7.5, max(3.0, 0.26 * n + 1.4))


def _missing_line(codes: list[str], lang: Lang) -> str:
    if not codes:
        return ""
    names = ", ".join(region_name(c, lang) for c in codes)
    return f"{_LABELS[lang]['no_figure']}: {names}"


def _sources(ax: Axes, f: pd.DataFrame, lang: Lang, source: str | None) -> None:
    """The source line of a table's rows: the documents named in its ``documents`` column."""
    docs: list[str] = []
    if "documents" in f:
        for d in f["documents"]:
            docs.extend(x.strip() for x in str(d).split(",") if x.strip() and x.strip() != "nan")
    source_line(ax, list(dict.fromkeys(docs))[:6], lang, source=source)


def _wrap(text: str, width: int = 95) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) if text else ""


@styled
def plot_projections(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    highlight: str | None = None,
    lang: Lang = "vi",
    title: str | None = None,
    source: str | None = None,
) -> Axes:
    """The projected year of every region against its own target, ranked.

    A region with two targets (the Government's and its own) has a row for each, labelled with the
    target; regions without a projection are named under the title. ``table`` is what :meth:`ktstats.Dataset.projections` returns (columns ``region``, ``point``,
    ``low``, ``high``, ``target_value``, ``status``; ``documents`` feeds the source line).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import ktstats
    >>> ds = ktstats.load_dataset("vn_provinces")
    >>> table = ds.projections(year=2025, as_of="2025-10-31", reference="vn_gdp")
    >>> ax = plot_projections(table, highlight="Quảng Ngãi")
    >>> len(ax.get_yticklabels()) == int(table["point"].notna().sum())
    True
    """
    need = {"region", "point", "low", "high", "target_value", "status"}
    if not isinstance(table, pd.DataFrame) or not need <= set(table.columns):
        raise DataError(
            "plot_projections needs the table of Dataset.projections() (columns "
            + ", ".join(sorted(need))
            + ")"
        )
    words = _LABELS[lang]
    f = table
    has = f["point"].notna() & np.isfinite(pd.to_numeric(f["point"], errors="coerce"))
    missing = list(dict.fromkeys(str(r) for r in f.loc[~has, "region"] if r not in set(f.loc[has, "region"])))
    f = f[has]
    if f.empty:
        raise DataError("nothing to draw: no region has a projection (" + ", ".join(missing) + ")")
    f = f.sort_values("point", ascending=True, kind="stable")
    codes = [str(r) for r in f["region"]]
    if highlight is not None and highlight not in codes:
        from ktstats.catalog.regions import region

        highlight = region(highlight, on=None).code
        if highlight not in codes:  # a pre-merger name: the unit it joined
            from ktstats.analysis.projection.units import unit_of

            year = int(table["year"].iloc[0]) if "year" in table else 2025
            highlight = unit_of(highlight, pd.Timestamp(year, 12, 31))
    plt = pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=_height(len(f)), layout="constrained")
    y = np.arange(len(f))
    point = f["point"].to_numpy(dtype="float64")
    low = pd.to_numeric(f["low"], errors="coerce").to_numpy(dtype="float64")
    high = pd.to_numeric(f["high"], errors="coerce").to_numpy(dtype="float64")
    colors = [STATUS_COLORS.get(str(s), BASE) for s in f["status"]]
    ok = np.isfinite(low) & np.isfinite(high)
    ax.hlines(
        y[ok],
        low[ok],
        high[ok],
        colors=[c for c, keep in zip(colors, ok, strict=True) if keep],
        lw=3,
        alpha=0.45,
    )
    ax.scatter(point, y, c=colors, s=28, zorder=3)
    target = pd.to_numeric(f["target_value"], errors="coerce").to_numpy(dtype="float64")
    ax.scatter(target, y, marker="|", s=160, c="#222222", zorder=4, linewidths=1.6)
    twice = {c for c in codes if codes.count(c) > 1}  # a region with two targets: both rows, named by target
    labels = [
        f"{region_name(c, lang)} ({t})" if c in twice else region_name(c, lang)
        for c, t in zip(codes, f["target"].astype(str), strict=True)
    ]
    ax.set_yticks(y, labels, fontsize=8)
    for tick, code in zip(ax.get_yticklabels(), codes, strict=True):
        if code == highlight:
            tick.set_fontweight("bold")
            tick.set_color(HIGHLIGHT)
    for i, code in enumerate(codes):
        if code == highlight:
            ax.axhspan(i - 0.5, i + 0.5, color=HIGHLIGHT, alpha=0.08)
    ax.set_ylim(-0.7, len(f) - 0.3)
    ax.xaxis.set_major_formatter(vn_formatter(lang))
    ax.set_xlabel(words["growth"])
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    from matplotlib.lines import Line2D

    present = [s for s in STATUS_COLORS if s in set(f["status"]) and s != "achieved"]
    handles = [Line2D([], [], marker="o", ls="", color=STATUS_COLORS[s], label=words[s]) for s in present]
    handles.append(Line2D([], [], marker="|", ls="", color="#222222", markersize=10, label=words["target"]))
    ax.legend(handles=handles, fontsize=7, loc="lower right", frameon=False)
    if title is None:
        title = words["title"].format(year=int(f["year"].iloc[0]) if "year" in f else "")
    note = _missing_line(missing, lang)
    ax.set_title("\n".join(t for t in (title, _wrap(note)) if t), fontsize=10)
    _sources(ax, f, lang, source)
    return ax


@styled
def plot_dumbbell(
    table: pd.DataFrame,
    start: str,
    end: str,
    *,
    labels: tuple[str, str] | None = None,
    ax: Axes | None = None,
    highlight: str | None = None,
    lang: Lang = "vi",
    title: str | None = None,
    unit: str = "%",
    source: str | None = None,
) -> Axes:
    """Two figures of each region joined by a line (e.g. ``start="ytd"``, ``end="target_value"``:
    how far the nine months are from the target), ranked by the second; a region lacking either is
    named under the title.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> t = pd.DataFrame({"region": ["kon_tum", "gia_lai"], "target": [10.0, 8.0], "outcome": [8.9, 8.4]})
    >>> ax = plot_dumbbell(t, "target", "outcome", labels=("mục tiêu", "thực hiện"))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Gia Lai', 'Kon Tum']
    """
    from ktstats.lang.units import format_unit, parse_unit

    if not isinstance(table, pd.DataFrame) or not {"region", start, end} <= set(table.columns):
        raise DataError(f"plot_dumbbell needs a DataFrame with columns region, {start} and {end}")
    f = table
    if f["region"].duplicated().any() and "target" not in f.columns:
        several = sorted(set(f.loc[f["region"].duplicated(), "region"]))
        raise DataError(
            f"plot_dumbbell: several rows for {', '.join(several)}; one row per region, or a 'target' column"
        )
    a = pd.to_numeric(f[start], errors="coerce").to_numpy(dtype="float64")
    b = pd.to_numeric(f[end], errors="coerce").to_numpy(dtype="float64")
    has = np.isfinite(a) & np.isfinite(b)
    missing = list(dict.fromkeys(str(r) for r in f.loc[~has, "region"] if r not in set(f.loc[has, "region"])))
    if not has.any():
        raise DataError(f"nothing to draw: no region has both {start} and {end}")
    f, a, b = f[has], a[has], b[has]
    order = np.argsort(b, kind="stable")
    f, a, b = f.iloc[order], a[order], b[order]
    codes = [str(r) for r in f["region"]]
    plt = pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=_height(len(f)), layout="constrained")
    y = np.arange(len(f))
    up = b >= a
    ax.hlines(y, a, b, colors=["#0072B2" if u else "#D55E00" for u in up], lw=2, alpha=0.7)
    first, second = labels or (start, end)
    ax.scatter(a, y, color="#bbbbbb", edgecolor="#555555", s=26, zorder=3, label=first)
    ax.scatter(b, y, color="#222222", s=26, zorder=3, label=second)
    twice = {c for c in codes if codes.count(c) > 1}
    targets = f["target"].astype(str) if "target" in f.columns else pd.Series([""] * len(f))
    ax.set_yticks(
        y,
        [
            f"{region_name(c, lang)} ({t})" if c in twice else region_name(c, lang)
            for c, t in zip(codes, targets, strict=True)
        ],
        fontsize=8,
    )
    if highlight is not None:
        from ktstats.catalog.regions import region

        code = highlight if highlight in codes else region(highlight).code
        for tick, c in zip(ax.get_yticklabels(), codes, strict=True):
            if c == code:
                tick.set_fontweight("bold")
                tick.set_color(HIGHLIGHT)
    ax.set_ylim(-0.7, len(f) - 0.3)
    ax.xaxis.set_major_formatter(vn_formatter(lang))
    ax.set_xlabel(format_unit(parse_unit(unit), lang=lang))
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    note = _missing_line(missing, lang)
    ax.set_title("\n".join(t for t in (title or f"{first} → {second}", _wrap(note)) if t), fontsize=10)
    _sources(ax, f, lang, source)
    return ax
