"""Plain-text reports of a dataset, grouped by indicator (used by the CLI)."""

from __future__ import annotations

import math
import shutil
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from ktstats.catalog.documents import document_source
from ktstats.catalog.indicators import by_code
from ktstats.data.dataset import Dataset, Observation
from ktstats.lang import labels
from ktstats.lang.labels import Lang
from ktstats.lang.numbers import format_number, format_quantity
from ktstats.lang.units import format_unit

__all__ = ["describe_observation", "document_source", "format_audit", "render_report"]

_FORM_ORDER = {"level": 0, "ratio": 1, "change": 2, "difference": 3}
_HEAD = {
    "vi": ("kỳ", "loại", "số liệu", "đánh giá", "nguồn"),
    "en": ("period", "measure", "figure", "assessment", "source"),
}


def _region_name(code: str) -> str:
    """The region's name ("Kon Tum"); a code the catalog does not know is shown as it is."""
    from ktstats.catalog.regions import region
    from ktstats.errors import KtstatsError

    try:
        return str(region(code).name_vi)
    except (KtstatsError, KeyError, ValueError):
        return code


def _terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


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


def _translations(dataset: Dataset, lang: Literal["vi", "en"]) -> dict[str, str]:
    """The Vietnamese period and target labels of the analysis tables, in ``lang``."""
    from ktstats.analysis.targets import Target

    out: dict[str, str] = {}
    if lang == "vi":
        return out
    for o in dataset:
        out.setdefault(o.span.label(), o.span.label(lang))
        if o.measure in ("target", "plan"):
            try:
                tgt = Target.from_observation(o)
            except Exception:
                continue
            out.setdefault(tgt.label(), tgt.label(lang))
    return out


def _assessments(dataset: Dataset, lang: Literal["vi", "en"]) -> dict[tuple[str, ...], str]:
    """Text beside each figure that has a plan or target: attainment, progress, implied plan."""
    from ktstats.analysis.attainment import dataset_attainment
    from ktstats.analysis.audit import audit

    out: dict[tuple[str, ...], str] = {}
    att = dataset_attainment(dataset.to_frame())
    words = labels.words("attainment", lang)
    tr = _translations(dataset, lang)

    def w(key: str) -> str:
        return labels.word("text", key, lang)

    for rec in att.to_dict("records"):
        r = _Row(rec)
        status = words[str(r.status)]
        if r.status == "no comparable actual":
            out[("target", r.indicator, r.region, r.target_period, r.target_document, r.target)] = status
            continue
        unit = str(r.unit)
        if math.isnan(r.ratio):
            gap = format_quantity(round(r.gap, 2), str(r.gap_unit) or unit, lang=lang)
            progress = f"{w('gap')} {gap}"
        else:
            share = format_number(100 * r.ratio, 1, lang=lang)
            progress = f"{share}% {w('of_target')}"
            if r.required > 0:
                more = format_quantity(round(r.required, 1), unit, lang=lang)
                progress += f", {w('remaining')} {more}"
        actual_period = tr.get(str(r.actual_period), str(r.actual_period))
        target_period = tr.get(str(r.target_period), str(r.target_period))
        target = tr.get(str(r.target), str(r.target))
        target_side = f"{status}: {progress} ({actual_period})"
        out[("target", r.indicator, r.region, r.target_period, r.target_document, r.target)] = target_side
        key = ("actual", r.indicator, r.region, r.actual_period, r.actual_document)
        actual_side = f"{status}: {progress} — {target} ({target_period})"
        out[key] = f"{out[key]}; {actual_side}" if key in out else actual_side
    table = audit(dataset)
    for rec in table[table["check"] == "implied_plan"].to_dict("records"):
        r = _Row(rec)
        if not math.isfinite(r.derived):  # "đạt 0%": the share is a fact, the plan it implies undefined
            continue
        value = format_quantity(round(r.derived, 1 if abs(r.derived) < 10_000 else 0), str(r.unit), lang=lang)
        out[("ratio", r.indicator, r.region, r.period, r.document, r.stated)] = f"⇒ {w('plan_about')} {value}"
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


def text_table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
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
    """The dataset as a readable text report, one table per indicator.

    Sources are cited by issuer and date; with ``quotes`` each figure's sentence follows its row,
    wrapped to the terminal's width.
    """
    catalog = by_code()
    frame = dataset.to_frame()
    docs = frame.drop_duplicates("document")

    def w(key: str) -> str:
        return labels.word("text", key, lang)

    # the region most figures are about goes unsaid; the others are named on their rows
    main_region = str(frame["region"].mode().iloc[0]) if len(frame) else ""
    place = _region_name(main_region) if main_region else ""
    name = f" ({w('dataset')} {dataset.name})" if dataset.name else ""
    lines = [
        f"{w('figures')}: {place}{name} — {len(frame)} {w('figures_from')} {len(docs)} {w('documents')}",
        "",
    ]
    wanted = list(indicators) if indicators else dataset.indicators
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
        quoted: dict[int, str] = {}
        for o in obs_list:
            region = "" if o.region == main_region else f" [{_region_name(o.region)}]"
            rows.append(
                [
                    o.span.label(lang) + region,
                    labels.word("measure", o.measure, lang),
                    o.describe(lang),
                    _assessment(o, notes, lang),
                    document_source(o.document),
                ]
            )
            if quotes and o.quote:
                quoted[len(rows) - 1] = o.quote
        table = text_table(rows)
        width = _terminal_width()
        for i, line in enumerate(table):
            lines.append(line)
            if i in quoted:  # the sentence on its own lines under its row, not a table cell
                lines.extend(
                    textwrap.wrap(
                        f"“{_printable(quoted[i])}”",
                        width=max(40, width - 1),
                        initial_indent="      ",
                        subsequent_indent="       ",
                    )
                )
        lines.append("")
    lines.extend(_projection_lines(dataset, lang, wanted))
    return _printable("\n".join(lines).rstrip() + "\n")


def _projection_lines(dataset: Dataset, lang: Literal["vi", "en"], wanted: Sequence[str]) -> list[str]:
    """A projection for every whole-year target, made **as of the day the target was set** (its
    document's date: what the figures published by then said), beside the outcome where the year's
    figure is in the dataset; a target restated in several documents is one row citing them all.
    A province's growth borrows the country's quarter weights and real-time errors (``vn_gdp``)
    when it has no quarterly history of its own."""
    from ktstats.analysis.projection.datasets import NATIONAL_REFERENCES, dataset_projections
    from ktstats.analysis.projection.result import stated_decimals

    now = dataset_projections(dataset, reference=NATIONAL_REFERENCES)
    now = now[now["indicator"].isin(wanted)]
    if now.empty:
        return []
    frame = dataset.to_frame()
    dated = frame.dropna(subset=["document_date"]).drop_duplicates("document").set_index("document")
    then_rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for doc in sorted({d.strip() for ds in now["documents"] for d in str(ds).split(",") if d.strip()}):
        if doc not in dated.index:
            continue
        when = pd.Timestamp(str(dated.loc[doc, "document_date"]))
        table = dataset_projections(dataset, as_of=when, document=doc, reference=NATIONAL_REFERENCES)
        for r in table.to_dict("records"):
            key = (r["region"], r["indicator"], r["year"], r["target"])
            then_rows.setdefault(key, {**{str(k): v for k, v in r.items()}, "as_of": when})
    tr = _translations(dataset, lang)

    def w(key: str) -> str:
        return labels.word("text", key, lang)

    rows: list[list[str]] = [
        [
            w("target"),
            "năm" if lang == "vi" else "year",
            "dự báo khi đặt mục tiêu" if lang == "vi" else "projection when set",
            "xác suất" if lang == "vi" else "probability",
            "đánh giá" if lang == "vi" else "status",
            w("outcome"),
            _HEAD[lang][4],
        ]
    ]
    catalog = by_code()
    notes = []
    for r in now.to_dict("records"):
        unit = catalog[r["indicator"]].unit
        target_value = _number(r["target_value"])
        digits = stated_decimals(target_value) + 1
        if abs(target_value) >= 100:  # "2.434,977 tỷ đồng": a projection is not known to the million
            digits = min(digits, 1 if abs(target_value) < 10_000 else 0)  # nor to a tenth of a visit
        then = then_rows.get((r["region"], r["indicator"], r["year"], r["target"]), r)
        point, prob = _number(then["point"]), _number(then["probability"])
        settled = r["method"] in ("published", "complete")
        shown = "" if math.isnan(point) else format_quantity(round(point, digits), unit, lang=lang)
        if shown and not math.isnan(_number(then.get("low"))) and then is not r:
            lo, hi = (format_number(round(_number(then[k]), digits), lang=lang) for k in ("low", "high"))
            shown += f" ({lo}–{hi})"
        if "as_of" in then:
            shown = f"{then['as_of']:%d/%m/%Y}: {shown}" if shown else f"{then['as_of']:%d/%m/%Y}: —"
        outcome = ""
        if settled:
            met = labels.word("final", str(r["status"]), lang)
            # (as published: "6,47%" against "từ 10% trở lên", not rounded to the target's digits; an estimate says so)
            value = _number(r["point"])
            written = format_quantity(
                round(value, max(digits, min(stated_decimals(value), 2))), unit, lang=lang
            )
            estimated = (
                " (" + labels.word("measure", "estimate", lang) + ")"
                if "theo số ước" in str(r["reason"])
                else ""
            )
            outcome = f"{written}{estimated} — {met}"
        name = catalog[r["indicator"]].name(lang)
        sources = "; ".join(document_source(d.strip()) for d in str(r["documents"]).split(",") if d.strip())
        target = tr.get(str(r["target"]), str(r["target"]))
        rows.append(
            [
                f"{name}: {target}",
                str(r["year"]),
                shown,
                "" if math.isnan(prob) else f"{format_number(round(100 * prob, 1), lang=lang)}%",
                labels.word("projection", str(then["status"]), lang),
                outcome,
                sources,
            ]
        )
        reason = str(then["reason"])
        if lang == "vi" and reason:
            reason = f"{w('reason_en')}: {reason}"
        # (the target named: two plans of one year, "2.434,977 tỷ đồng" and "3.956,954 tỷ đồng", each have theirs)
        notes.append(f"  – {name} {r['year']} ({target}): {reason}")
    return [w("projection_head"), *text_table(rows), *notes, ""]


def _number(x: Any) -> float:
    """A cell of a table as a float; missing (None, NaN, NA) is NaN."""
    if x is None or x is pd.NA:
        return math.nan
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def format_audit(table: pd.DataFrame, *, lang: str = "vi") -> str:
    """The audit table as text for the terminal: ✓ consistent, ✗ inconsistent, · nothing to compare
    it with; the last line counts all three."""
    tongue: Literal["vi", "en"] = "en" if lang == "en" else "vi"
    stated, derived = ("đã nêu", "suy ra") if tongue == "vi" else ("stated", "derived")
    note = f"{labels.word('text', 'note_en', tongue)}: " if tongue == "vi" else ""
    lines = []
    for rec in table.to_dict("records"):
        r = _Row(rec)
        flag = rec["consistent"]
        c = "·" if flag is None or pd.isna(flag) else ("✓" if bool(flag) else "✗")
        rng = ""
        if math.isfinite(r.low) or math.isfinite(r.high):
            rng = f" [{_audit_number(r.low, r.unit, tongue)} … {_audit_number(r.high, r.unit, tongue)}]"
        lines.append(
            f"{c} {r.check:16} {r.indicator} · {r.period} · {document_source(str(r.document))}\n"
            f"    {stated}: {r.stated}\n"
            f"    {derived}: {_audit_number(r.derived, r.unit, tongue)}{rng}\n"
            f"    {note}{r.detail}"
        )
    flags = table["consistent"]
    ok = int((flags == True).sum())  # noqa: E712 - nullable boolean
    bad = int((flags == False).sum())  # noqa: E712 - nullable boolean
    summary = labels.word("text", "audit_summary", tongue)
    lines.append("\n" + summary.format(n=len(table), ok=ok, bad=bad, none=len(table) - ok - bad))
    return _printable("\n".join(lines) + "\n")


def _audit_number(x: float, unit: str, lang: Literal["vi", "en"] = "vi") -> str:
    if math.isnan(x):
        return "—"
    if not math.isfinite(x):
        return "∞" if x > 0 else "−∞"
    return format_quantity(round(x, 2 if abs(x) < 10_000 else 0), unit, lang=lang)
