"""Plain-text reports of a dataset, grouped by indicator (used by the CLI)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from ktstats.catalog.indicators import by_code
from ktstats.data.dataset import Dataset, Observation
from ktstats.lang import labels
from ktstats.lang.labels import Lang
from ktstats.lang.numbers import format_number, format_quantity
from ktstats.lang.units import format_unit

__all__ = ["describe_observation", "format_audit", "render_report"]

_FORM_ORDER = {"level": 0, "ratio": 1, "change": 2, "difference": 3}
_HEAD = {
    "vi": ("kỳ", "loại", "số liệu", "đánh giá", "nguồn"),
    "en": ("period", "measure", "figure", "assessment", "source"),
}


def describe_observation(obs: Observation, lang: Lang = "vi") -> str:
    """The figure as a sentence fragment, e.g. 'đạt 35,08% kế hoạch' (see :meth:`Observation.describe`).

    >>> from ktstats import load_dataset
    >>> obs = next(o for o in load_dataset("kon_tum") if o.relative_to == "plan")
    >>> describe_observation(obs)
    'đạt 35,08% kế hoạch'
    >>> describe_observation(obs, lang="en")
    '35.08% of the plan'
    """
    return obs.describe(lang)


class _Row:
    """Attribute access to a record (typed as Any, unlike itertuples)."""

    def __init__(self, record: dict[Any, Any]) -> None:
        self._r = record

    def __getattr__(self, name: str) -> Any:
        return self._r[name]


def _assessments(dataset: Dataset, lang: Literal["vi", "en"]) -> dict[tuple[str, ...], str]:
    """Text beside each figure that has a plan or target: attainment, progress, implied plan."""
    from ktstats.analysis.attainment import dataset_attainment
    from ktstats.analysis.audit import audit

    out: dict[tuple[str, ...], str] = {}
    att = dataset_attainment(dataset.to_frame())
    words = labels.words("attainment", lang)
    for rec in att.to_dict("records"):
        r = _Row(rec)
        status = words[str(r.status)]
        if r.status == "no comparable actual":
            out[("target", r.indicator, r.region, r.target_period, r.target_document, r.target)] = status
            continue
        unit = str(r.unit)
        if math.isnan(r.ratio):
            gap = format_quantity(round(r.gap, 6), str(r.gap_unit) or unit, lang=lang)
            progress = f"{'chênh' if lang == 'vi' else 'gap'} {gap}"
        else:
            share = format_number(100 * r.ratio, 1)
            progress = f"{share}% {'mục tiêu' if lang == 'vi' else 'of target'}"
            if r.required > 0:
                more = format_quantity(r.required, unit, lang=lang)
                progress += f", {'còn' if lang == 'vi' else 'remaining'} {more}"
        target_side = f"{status}: {progress} ({r.actual_period})"
        out[("target", r.indicator, r.region, r.target_period, r.target_document, r.target)] = target_side
        key = ("actual", r.indicator, r.region, r.actual_period, r.actual_document)
        actual_side = f"{status}: {progress} — {r.target} ({r.target_period})"
        out[key] = f"{out[key]}; {actual_side}" if key in out else actual_side
    table = audit(dataset)
    for rec in table[table["check"] == "implied_plan"].to_dict("records"):
        r = _Row(rec)
        if not math.isfinite(r.derived):  # "đạt 0%": the share is a fact, the plan it implies undefined
            continue
        label = "kế hoạch ≈" if lang == "vi" else "plan ≈"
        value = format_quantity(
            r.derived, str(r.unit), decimals=2 if abs(r.derived) < 10_000 else 0, lang=lang
        )
        out[("ratio", r.indicator, r.region, r.period, r.document, r.stated)] = f"⇒ {label} {value}"
    return out


def _assessment(o: Observation, table: dict[tuple[str, ...], str], lang: Literal["vi", "en"]) -> str:
    from ktstats.analysis.targets import Target

    period = o.span.label()
    if o.measure in ("target", "plan"):
        return table.get(
            ("target", o.indicator, o.region, period, o.document, Target.from_observation(o).label()), ""
        )
    if o.form == "ratio":
        return table.get(("ratio", o.indicator, o.region, period, o.document, o.describe()), "")
    if o.form == "level":
        return table.get(("actual", o.indicator, o.region, period, o.document), "")
    return ""


def _printable(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences from a hostile quote) are shown as
    ``\\x1b`` instead of being sent to the terminal."""
    return "".join(
        c if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf") else repr(c)[1:-1] for c in text
    )


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (combining marks take none, wide characters two)."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)  # a control character: count it as one column


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    rows = [[_printable(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [_pad(c, w) for c, w in zip(r, widths, strict=True)]
        out.append((indent + "  ".join(cells)).rstrip())
    return out


def render_report(
    dataset: Dataset,
    *,
    lang: Literal["vi", "en"] = "vi",
    indicators: Sequence[str] | None = None,
    quotes: bool = False,
) -> str:
    """The dataset as a readable text report, one table per indicator."""
    catalog = by_code()
    frame = dataset.to_frame()
    docs = frame.drop_duplicates("document")
    title = {"vi": "Số liệu", "en": "Figures"}[lang]
    lines = [
        f"{title}: {dataset.name or ''} — {len(frame)} "
        + ("số liệu từ" if lang == "vi" else "figures from")
        + f" {len(docs)} "
        + ("tài liệu" if lang == "vi" else "documents"),
        "",
    ]
    wanted = list(indicators) if indicators else dataset.indicators
    # the region most figures are about goes unsaid; the others are named on their rows
    main_region = frame["region"].mode().iloc[0] if len(frame) else ""
    notes = _assessments(dataset, lang)
    by_indicator = {code: [] for code in wanted}  # type: dict[str, list[Observation]]
    for obs in dataset:
        if obs.indicator in by_indicator:
            by_indicator[obs.indicator].append(obs)
    for code in wanted:
        obs_list = sorted(
            by_indicator[code], key=lambda o: (o.span.end, o.span.start, o.measure, _FORM_ORDER[o.form])
        )
        if not obs_list:
            continue
        ind = catalog[code]
        other = ind.name_en if lang == "vi" else ind.name_vi
        unit = format_unit(ind.unit, lang=lang) or "—"
        lines.append(f"{ind.name(lang)} ({other}) [{code}; {ind.kind}, {unit}]")
        rows: list[list[str]] = [list(_HEAD[lang])]
        for o in obs_list:
            region = "" if o.region == main_region else f" [{o.region}]"
            date = o.document_date.strftime("%d/%m/%Y") if o.document_date is not None else ""
            source = f"{o.document} ({date})"
            rows.append(
                [
                    o.span.label(lang) + region,
                    labels.word("measure", o.measure, lang),
                    o.describe(lang),
                    _assessment(o, notes, lang),
                    source,
                ]
            )
            if quotes:
                rows.append(["", "", f"“{o.quote}”", "", ""])
        lines.extend(_table(rows))
        lines.append("")
    lines.extend(_projection_lines(dataset, lang, wanted))
    return _printable("\n".join(lines).rstrip() + "\n")


def _projection_lines(dataset: Dataset, lang: Literal["vi", "en"], wanted: Sequence[str]) -> list[str]:
    """A projection for every whole-year target (status, probability, the reason)."""
    from ktstats.analysis.projection import dataset_projections

    table = dataset_projections(dataset)
    table = table[table["indicator"].isin(wanted)]
    if table.empty:
        return []
    head = "Dự báo khả năng đạt mục tiêu năm" if lang == "vi" else "Will the year's targets be met?"
    rows: list[list[str]] = [
        [
            "mục tiêu" if lang == "vi" else "target",
            "năm" if lang == "vi" else "year",
            "dự báo" if lang == "vi" else "projection",
            "xác suất" if lang == "vi" else "probability",
            "đánh giá" if lang == "vi" else "status",
        ]
    ]
    catalog = by_code()
    notes = []
    for r in table.to_dict("records"):
        unit = catalog[r["indicator"]].unit
        point = (
            ""
            if r["point"] is None or (isinstance(r["point"], float) and math.isnan(r["point"]))
            else (format_quantity(round(float(r["point"]), 2), unit, lang=lang))
        )
        prob = (
            ""
            if r["probability"] is None
            or (isinstance(r["probability"], float) and math.isnan(r["probability"]))
            else f"{format_number(round(100 * float(r['probability']), 1))}%"
        )
        name = catalog[r["indicator"]].name(lang)
        rows.append(
            [
                f"{name}: {r['target']}",
                str(r["year"]),
                point,
                prob,
                labels.word("projection", str(r["status"]), lang),
            ]
        )
        notes.append(f"  – {name} {r['year']}: {r['reason']}")
    return [head, *_table(rows), *notes, ""]


def format_audit(table: pd.DataFrame, *, lang: str = "vi") -> str:
    """The audit table as text for the terminal."""
    lines = []
    mark = {True: "✓", False: "✗"}
    for rec in table.to_dict("records"):
        r = _Row(rec)
        c = "–" if rec["consistent"] is pd.NA else mark[bool(rec["consistent"])]
        rng = ""
        if math.isfinite(r.low) or math.isfinite(r.high):
            rng = f" [{_audit_number(r.low, r.unit)} … {_audit_number(r.high, r.unit)}]"
        lines.append(
            f"{c} {r.check:16} {r.indicator} · {r.period} · {r.document}\n"
            f"    stated: {r.stated}\n"
            f"    derived: {_audit_number(r.derived, r.unit)}{rng}\n"
            f"    {r.detail}"
        )
    checked = table["consistent"].notna().sum()
    bad = (table["consistent"] == False).sum()  # noqa: E712 - nullable boolean
    lines.append(f"\n{len(table)} checks: {checked} compared with another figure, {bad} inconsistent")
    return _printable("\n".join(lines) + "\n")


def _audit_number(x: float, unit: str) -> str:
    if math.isnan(x):
        return "—"
    if not math.isfinite(x):
        return "∞" if x > 0 else "−∞"
    return format_quantity(x, unit, decimals=2 if abs(x) < 10_000 else 0)
