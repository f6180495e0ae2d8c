"""Plain-text reports of a dataset, grouped by indicator (used by the CLI)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

from .indicators import _catalog
from .numbers import format_number, format_quantity
from .observations import Dataset, Observation
from .units import format_unit

__all__ = ["describe_observation", "render_report"]

_MEASURE = {
    "vi": {"actual": "thực hiện", "estimate": "ước tính", "plan": "kế hoạch", "target": "mục tiêu"},
    "en": {"actual": "actual", "estimate": "estimate", "plan": "plan", "target": "target"},
}
_REFERENCE = {
    "vi": {
        "plan": "kế hoạch",
        "same_period_last_year": "cùng kỳ năm trước",
        "congress_target": "chỉ tiêu Nghị quyết Đại hội",
        "start_of_period": "đầu kỳ",
    },
    "en": {
        "plan": "the plan",
        "same_period_last_year": "the same period last year",
        "congress_target": "the party congress target",
        "start_of_period": "the start of the period",
    },
}
_FORM_ORDER = {"level": 0, "ratio": 1, "change": 2, "difference": 3}
_HEAD = {
    "vi": ("kỳ", "loại", "số liệu", "nguồn"),
    "en": ("period", "measure", "figure", "source"),
}


def describe_observation(obs: Observation, lang: Literal["vi", "en"] = "vi") -> str:
    """The figure as a sentence fragment, e.g. 'đạt 35,08% kế hoạch'.

    >>> from ktstats import load_dataset
    >>> obs = next(o for o in load_dataset("kon_tum") if o.relative_to == "plan")
    >>> describe_observation(obs)
    'đạt 35,08% kế hoạch'
    >>> describe_observation(obs, lang="en")
    '35.08% of the plan'
    """
    ref = _REFERENCE[lang].get(obs.relative_to, obs.relative_to)
    if obs.form == "level":
        return format_quantity(obs.value, obs.unit, obs.qualifier, high=obs.high, lang=lang) + (
            f" ({format_number(obs.value)}/{format_number(obs.denominator)})"
            if obs.denominator is not None and lang == "vi"
            else f" ({obs.value:,.0f}/{obs.denominator:,.0f})"
            if obs.denominator is not None
            else ""
        )
    amount = format_quantity(abs(obs.value), obs.unit, obs.qualifier, lang=lang)
    if obs.form == "ratio":
        verb = "đạt" if obs.relative_to in ("plan", "congress_target") else "bằng"
        return f"{verb} {amount} {ref}" if lang == "vi" else f"{amount} of {ref}"
    up = obs.value >= 0
    if lang == "vi":
        verb = ("tăng" if up else "giảm") if obs.form == "change" else ("thêm" if up else "giảm")
        tail = f" so với {ref}" if obs.relative_to != "start_of_period" else ""
        return f"{verb} {amount}{tail}"
    verb = "up" if up else "down"
    return f"{verb} {amount} vs {ref}"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
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
    catalog = _catalog()
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
    by_code = {code: [] for code in wanted}  # type: dict[str, list[Observation]]
    for obs in dataset:
        if obs.indicator in by_code:
            by_code[obs.indicator].append(obs)
    for code in wanted:
        obs_list = sorted(
            by_code[code], key=lambda o: (o.span.end, o.span.start, o.measure, _FORM_ORDER[o.form])
        )
        if not obs_list:
            continue
        ind = catalog[code]
        other = ind.name_en if lang == "vi" else ind.name_vi
        unit = format_unit(ind.unit, lang=lang) or "—"
        lines.append(f"{ind.name(lang)} ({other}) [{code}; {ind.kind}, {unit}]")
        rows: list[list[str]] = [list(_HEAD[lang])]
        for o in obs_list:
            region = "" if o.region == "kon_tum" else f" [{o.region}]"
            date = o.document_date.strftime("%d/%m/%Y") if o.document_date is not None else ""
            source = f"{o.document} ({date})"
            rows.append(
                [
                    o.span.label(lang) + region,
                    _MEASURE[lang][o.measure],
                    describe_observation(o, lang),
                    source,
                ]
            )
            if quotes:
                rows.append(["", "", f"“{o.quote}”", ""])
        lines.extend(_table(rows))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
