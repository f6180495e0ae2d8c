"""Reading figures out of Vietnamese report prose.

:func:`extract` turns a report's text into observations with provenance: each figure gets its indicator
(from the catalog's Vietnamese names and aliases), its span (the nearest period phrase, else the section's
heading, else the document's year), its measure (actual, estimate "ước", plan "dự kiến", target "phấn đấu",
"chỉ tiêu"), its value, unit and qualifier, the reference of a stated ratio ("đạt 35,08% kế hoạch", "bằng
111,7% so cùng kỳ", "tăng 11,8% so với cùng kỳ") and the exact sentence as its quote.

The rules are plain and local: a figure belongs to the indicator named nearest before it in its clause (or
to the subject of the clause for "đạt …% kế hoạch", "chiếm …%"); words next to the number decide the form.
Numbers that are dates, document numbers, years, ordinals or codes are not figures. A figure that cannot be
attached to an indicator is kept in ``Dataset.unattached`` with the reason — never dropped, never guessed.

Every other number of the text is accounted for (see :func:`ktstats.lang.scan.numbers_in`):
it is a figure, or it is kept in ``unattached`` with the reason — a number that cannot be read
whole (digits grouped by spaces "1 326", foreign style "1,326.4", digits other than 0–9, a
number of more than 64 characters) with no value, never a part of it; a figure whose period
cannot exist ("quý V/2024", "tháng 13/2024", "năm 20245"), never filed under another period; a
second or repeated figure for the same indicator and span in a sentence. ``unattached`` keeps at
most :data:`MAX_UNATTACHED` numbers and one last row counting the others, and a sentence longer
than 2.000 characters is quoted around each figure, so time and memory stay linear in the text.
"""

from __future__ import annotations

import math
import re
import warnings
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from ktstats.catalog.indicators import Indicator, by_code
from ktstats.data.extract_names import (
    AT_CURRENT,
    GRDP_LEVELS,
    SHARE_OF,
    as_level,
    grdp_at_prices,
    indicator_named_in,
    name_after_ends,
    named_by_what_it_counts,
    names_between,
    per_head,
    reference_of,
    revenue_goes_on,
)
from ktstats.data.extract_names import fits as _fits
from ktstats.data.extract_names import indicator_near as _indicator_near
from ktstats.data.extract_parts import (
    first_in_country,
    follows_figure,
    goal_year,
    goals_carry,
    not_a_figure,
    overnight_guests,
    own_period,
    part_before,
    range_bounds,
    restated,
    sentence_rows,
)
from ktstats.data.extract_regions import file_regions, report_region
from ktstats.data.schema import expected_unit, validate_columns
from ktstats.data.unattached import MAX_UNATTACHED, Unattached, quote_around
from ktstats.errors import DataError, KtstatsError
from ktstats.lang.measures import EstimateScope, lists_goals, measure_of, qualifier_of
from ktstats.lang.numbers import Reading
from ktstats.lang.periods import Span, publication_day, year_outside
from ktstats.lang.phrases import PERIOD_PHRASES as _PERIOD_PHRASES
from ktstats.lang.phrases import casefolded as _casefolded
from ktstats.lang.phrases import (
    goal_of_the_year,
    horizon_before,
    month_or_year_so_far,
    names_now,
    period_spoken_of,
    year_so_far_after,
)
from ktstats.lang.phrases import phrase_span as _phrase_span
from ktstats.lang.phrases import span_before as _span_before
from ktstats.lang.relations import (
    CHANGE_VERBS,
    OF_THE_YEAR,
    SHARE_VERBS,
    compared_month,
    month_after_compared,
    over_years,
    points_reference,
    quoted_year,
    reference_after,
    same_change_in_amount,
    to_fiscal_close,
    verb_of,
)
from ktstats.lang.report_periods import default_year, opening_month, report_span
from ktstats.lang.scan import numbers_in
from ktstats.lang.sentences import sentences, split_sentences
from ktstats.lang.text import damaged, normalize_text
from ktstats.lang.units import conversion_factor, unit_to_str, ureg

if TYPE_CHECKING:
    from ktstats.data.dataset import Dataset

__all__ = ["MAX_UNATTACHED", "extract", "sentences"]

_ANY_DIGIT = re.compile(r"\d")
# words that open a clause of the year so far with no subject of its own: "; tính chung 7 tháng, ước tăng 17,7%"
_SO_FAR_WORDS = frozenset({",", "tính", "chung", "lũy", "luỹ", "kế", "cộng", "dồn"})

# "tăng trưởng 12%" right after another indicator's figure: that indicator's growth
_GENERIC_GROWTH = re.compile(
    r"(?<![^\W\d_])(?:tốc độ\s+)?tăng trưởng(?:\s+(?:đạt|ước|khoảng|hơn|trên|gần))*\s*$"
)
# "GRDP bình quân đầu người tăng cao (tăng 8,95 triệu đồng)": the verb right before the amount
_BY_AMOUNT = re.compile(r"(?<![^\W\d_])(?:tăng|giảm|mở\s+rộng)\s+(?:thêm\s+|hơn\s+|gần\s+|khoảng\s+)?$")
_GOALS: Final = ("target", "plan")  # the measures of what is still to be reached
# the kinds a figure of one month or of the year so far can be of ("trong tháng", "lũy kế", "từ đầu năm đến nay")
_SO_FAR_KINDS: Final = ("flow", "growth", "index")


_QUOTED = re.compile(r"(?:hơn|so\s+với)\s+(?:mức|tốc\s+độ)\s+tăng(?:\s+trưởng)?\s*$")
# "Trong đó, thu nội địa …": the parts of the figure of the sentence before
# "Tính chung 9 tháng …", "Lũy kế 4 tháng, con số này đạt …": the figure of the indicator just named
_OVERALL = re.compile(
    r"(?:(?P<total>tính\s+chung|lũy\s+kế|luỹ\s+kế)|kết\s+quả\s+này|số\s+thu\s+này)\b"
    r"|[^.;]{0,60}?\b(?:con\s+số|chỉ\s+số|mức\s+tăng(?:\s+trưởng)?)\s+này\b|(?:[^.;,]{0,12}\s)?(?:đây|đó)\s+là\s+mức\s+tăng",
    re.IGNORECASE,
)
_REFERENCE_THEN_VERB = re.compile(
    r"(so\s+(?:với\s+)?(?:(?!\bvà\b)[^,;0-9]){2,40}?)\s+(?:tăng|giảm)(?:\s+(?:hơn|gần|khoảng))?\s*$"
)
_BREAKDOWN = re.compile(r"(?:trong\s+(?:số\s+)?đó|cụ\s+thể)\b", re.IGNORECASE)
_ITEM = re.compile(r"\W*(?:trong\s+)?(?:thu|chi)\s+(?!ngân\s+sách|cân\s+đối|nsnn|nsđp)", re.IGNORECASE)
# "…. Trong đó: quý I đạt 4.773.484 triệu đồng": a breakdown by period, of what the sentence before named
# a sentence with no figure that estimates a period: what it details next ("Cụ thể, …") is estimated
_ESTIMATE_OF = re.compile(r"(?<![^\W\d_])ước\s+(?:tính\s+)?(?:[0-9]{1,2}\s+tháng|quý|năm|cả\s+năm)")
_BY_PERIOD = re.compile(r"\W*(?:trong\s+(?:số\s+)?đó|cụ\s+thể)\W*(?:quý|tháng)\b", re.IGNORECASE)

_PERCENT, _POINT = ureg.percent, ureg.percentage_point
_TIMES, _DIMENSIONLESS = ureg.times, ureg.dimensionless
_WINDOW: Final = 400  # characters around a number that can belong to its phrase (keeps time linear)
_PART_REACH: Final = 130  # characters before a number in which a sector or item names what it is of

_NEGATIVE = re.compile(r"(?<![^\W\d_])âm\s*$", re.IGNORECASE)  # "âm 10,5%": negative
_PART_OF_ESTIMATE = re.compile(r"(?<![^\W\d_])ước(?![^\W\d_]).*?trong\s+(?:số\s+)?đó")


def extract(
    text: str,
    *,
    document: str | None = None,
    region: str | None = None,
    year: int | None = None,
    date: str | pd.Period | None = None,
) -> Dataset:
    """Find the figures of a report and return them as a :class:`Dataset`.

    Parameters
    ----------
    text:
        The report (UTF-8 text; any Unicode form, old or new tone placement).
    document:
        Its name, recorded on every row (default "text").
    region:
        The province or city the report is about, as a code or a name ("Kon Tum", "Gia Lai").
        By default the one the text names most often ("tỉnh Kon Tum" counts before a bare
        "Kon Tum"); a text that names none raises :class:`DataError` asking for ``region=``.
    year:
        The year for period phrases that do not name one ("3 tháng cuối năm"); by default the year
        the text's own period phrases name.
    date:
        When the document was published ("2025-03", or a day "2025-03-14"): a level stated in it cannot
        be of a later month, and a text that never writes its year ("6 tháng đầu năm nay", "năm ngoái")
        is read in that year. The day, or the month's last day, dates the figures (``document_date``:
        nothing is seen before it may have been published), which orders restated figures of several
        reports. A text that writes no year, given neither ``date`` nor ``year``, raises
        :class:`DataError` asking for one rather than filing its figures under no period.

    Examples
    --------
    >>> ds = extract("Thu ngân sách nhà nước khoảng 830 tỷ đồng, đạt 18,04% dự toán địa phương giao, "
    ...              "bằng 100% so với cùng kỳ năm trước.", year=2024, region="Kon Tum")
    >>> ds.to_frame()[["indicator", "value", "unit", "qualifier", "form", "relative_to"]].values.tolist()
    [['state_budget_revenue', 830.0, 'billion dong', 'approx', 'level', ''], ['state_budget_revenue', 18.04, 'percent', 'exact', 'ratio', 'budget_estimate_local'], ['state_budget_revenue', 100.0, 'percent', 'exact', 'ratio', 'same_period_last_year']]
    """
    from ktstats.data.dataset import COLUMNS, Dataset

    if not isinstance(text, str):
        raise DataError(f"extract() needs text, got {type(text).__name__}")
    document = document or "text"
    published = None if date is None else publication_day(date)  # (the month's last day if no day is given)
    date = None if published is None else published.to_period("M")
    code = report_region(text, region, date) if region is not None else None
    rows: list[dict[str, Any]] = []
    kept = Unattached()
    normalized = normalize_text(text)
    parts = split_sentences(normalized)
    lost = damaged(p[0] for p in parts)  # a text that lost its accented vowels: one lost syllable is enough
    if year is None:
        year = default_year(normalized)  # the year the text's own periods name
    year_unknown = year is None and date is None
    if year is None and date is not None:  # a text that never writes its year ("6 tháng đầu năm nay")
        year = date.year  # the year it was published
    whole_year = Span.whole_year(year) if year else None  # also checks that the year exists
    covered = report_span(normalized, year)  # "9 tháng năm 2019": the report's part of the year
    stated = date or opening_month(normalized, year)  # when it was written: "Ngày 6/3, …"
    now = covered.end if covered is not None else stated  # what "từ đầu năm đến nay" runs to
    if now is not None and year is not None and now.year > year:  # (a review of 2017 written in January 2018)
        now = pd.Period(f"{year}-12", "M")
    context: Span | None = None
    sentence_ids: dict[str, int] = {}
    heading_of: tuple[str, Span | str | None] = ("", None)
    undated = to_now = 0  # figures undated only because the text writes no year (or not when it was written)
    before_measure: str | None = None  # the measure of the last amount of the sentence before
    before_span: Span | None = None  # and its span
    before_ref: str | None = None  # and what its last share was of
    growth_measure = "actual"  # of the last GRDP growth rate: a rank ranks it
    last_subject: Indicator | None = None
    # the subject before a breakdown ("Trong đó, …"), whether the sentence before was one, and a bare "Trong đó:"
    whole: tuple[Indicator | None, bool] = (None, False)
    introduced = False
    listing = False  # in a list of goals that goes on after "; " into this sentence
    goes_on: tuple[Indicator | None, str | None] = (None, None)
    goal_span: Span | None = None  # the span of the goals the sentences before set, for goals that name none
    for i, (sentence, heading) in enumerate(parts):
        if heading != heading_of[0]:
            spans = list(_PERIOD_PHRASES.finditer(heading))
            heading_of = (heading, _phrase_span(spans[-1].group("p"), year) if spans else None)
        section_span = heading_of[1]
        sid = sentence_ids.setdefault(sentence, len(sentence_ids))
        low = _casefolded(sentence)  # for quick looks before the expressions below
        # "…(GRDP) quý III ước tăng 8,62%. Tính chung 9 tháng ước đạt 8,61%", "…. Kết quả này bằng 100% dự toán": the same
        # ("…. Trong đó, thu nội địa …. Lũy kế 11 tháng … là 6.932 tỷ đồng": the whole's, not the part's)
        overall = _OVERALL.match(sentence)  # (anchored, and bounded to the sentence's first words)
        subject: Indicator | None = (whole[0] if whole[1] else last_subject) if overall else None
        # (and after one, a sentence that opens with another item: "Trong đó, thu nội địa …. Thu thuế qua hải quan …";
        # any after a bare "Trong đó:", or marked "+": "Ước tổng thu …. Trong đó:", "Thu NSNN trên địa bàn …")
        breakdown = _BREAKDOWN.match(sentence) is not None or (
            whole[1] and (_ITEM.match(sentence) is not None or introduced or sentence[:2] == "+ ")
        )
        introduced = breakdown and not _ANY_DIGIT.search(sentence)
        whole = ((whole[0] if whole[1] else last_subject), breakdown)
        last_subject = revenue_goes_on(low, last_subject)
        share_subject: Indicator | None = None
        subject_measure: str | None = None
        prev_end = 0
        clause_start = 0
        # (a sentence ended at "; " before a capital goes on: "Cao Bằng tăng trưởng 6,52%; Điện Biên 6,76%")
        carried_subject, carried_measure = goes_on if i and parts[i - 1][0].endswith(";") else (None, None)
        # every number but dates, years, document numbers, codes: a figure, or unattached with the reason
        found = numbers_in(sentence, lost) if _ANY_DIGIT.search(sentence) else []
        by_period = parts[i - 1][0] if i and breakdown and _BY_PERIOD.match(sentence) else ""
        compared = month_after_compared(sentence, context or covered)  # "…, tăng 4,72% so với tháng 12/2024"
        inherited, inherited_span = (before_measure, before_span) if breakdown else (None, None)
        inherited_ref = before_ref if breakdown else None
        if not introduced:  # (a bare "Trong đó:" hands the whole's on)
            before_measure, before_span, before_ref = None, None, None
        listed, listing = listing, False
        last_verb, scope = "", EstimateScope()  # (the reach of an "ước" in the sentence)
        estimated_end: pd.Period | None = None  # where the last estimate of the sentence ends
        parts_from = (
            (m.end() if (m := _PART_OF_ESTIMATE.search(low)) else len(low)) if "trong" in low else len(low)
        )
        figure_starts = [s for r, s, _ in found if isinstance(r, Reading)]
        n, reading_end = -1, 0  # (where the previous number read ends)
        change_before: tuple[Indicator, str, float, int] | None = None  # the last change stated, and its end
        for reading, start, end in found:
            last_end = reading_end
            if isinstance(reading, Reading):
                reading_end = end
            if not isinstance(reading, Reading):
                if reading is not None:  # a number that is not read ("1,326.4", "1 326"): why
                    kept.add(None, "", sentence, start, end, reading)
                continue
            n += 1
            semi = sentence.rfind(";", max(0, start - _WINDOW), start)
            if semi >= clause_start:
                clause_start = semi + 1
                carried_subject, subject = subject, None  # "…4.135 tỷ đồng; bằng 62,7% dự toán": see below
                share_subject = None
                carried_measure, subject_measure = subject_measure, None
            digit = start + next((i for i, c in enumerate(sentence[start:end]) if c.isdigit()), 0)
            lead = sentence[max(clause_start, digit - 40) : digit].casefold()
            lead_words = lead.split()
            last_word = lead_words[-1] if lead_words else ""
            two_words = " ".join(lead_words[-2:])
            after = sentence[end : end + 80]
            next_start = figure_starts[n + 1] if n + 1 < len(figure_starts) else len(sentence)
            window_after = (digit, name_after_ends(sentence, end, next_start, _WINDOW))
            unit, value = reading.unit, reading.value
            if _NEGATIVE.search(sentence, max(0, digit - 6), digit) and unit in (_PERCENT, _POINT):
                value = -value  # "mức tăng trưởng GRDP âm 10,5%": a fall
            # "thu hơn 11.200 tỷ đồng, tăng 20,17% …, GRDP tăng đều": a change right after a figure is that figure's
            follows = n > 0 and follows_figure(sentence, last_end, digit, unit)
            # (after "với", the clause's subject's, if any: "khởi sắc với 1.476 doanh nghiệp thành lập mới" names its own)
            near_after = None if follows or (lead.endswith(" với ") and subject is not None) else window_after
            ind, name_end = _indicator_near(sentence, max(prev_end, clause_start), digit, unit, near_after)
            if ind is None:  # "đón hơn 6,5 triệu lượt khách", "…, mang lại doanh thu 690 tỉ đồng"
                ind = named_by_what_it_counts(
                    sentence[start : end + 60],
                    end - start,
                    lead,
                    unit,
                    last_subject,
                    low[max(clause_start, digit - 140) : digit],
                )
            if ind is None and subject is None and by_period:
                ind = indicator_named_in(by_period, unit)
            part = part_before(sentence, max(clause_start, digit - _PART_REACH), digit, unit, end)
            if part is not None:
                # "GRDP tăng 7,2%, trong đó khu vực dịch vụ tăng 12,51%": the sector's growth, not GRDP's
                reason = f"a figure for a part ({part}), not the whole"
                kept.add(value, unit_to_str(unit), sentence, start, end, reason)
                prev_end = max(end, name_end)
                continue
            verb = verb_of(lead, sentence[max(0, start - 2) : digit], last_verb, last_end > clause_start)
            last_verb = verb
            ref = reference_after(after)
            if ref is None and "so" in lead and (before := _REFERENCE_THEN_VERB.search(lead)) is not None:
                ref = reference_after(" " + before.group(1))  # "so với tháng trước tăng 1,78%": named first
            if ref is None and unit == _PERCENT and verb in ("đạt", "bằng", "vượt"):
                # "… đạt 70,7% dự toán. Trong đó, thu nội địa … đạt 70,9%": of the same estimate; "vượt 9,8% dự toán
                # …. Trong đó, thu nội địa …, vượt 10,2%", "vượt 21,8% dự toán …; thu từ … vượt 26,9%": over it
                ref = (before_ref if verb == "vượt" else None) or inherited_ref
            if ref == "previous_period" and (month_year := compared_month(after)) is not None:
                here = _span_before(sentence, digit, year)
                if isinstance(here, Span) and (here.end.month, here.end.year - 1) == month_year:
                    ref = "same_period_last_year"  # "CPI tháng 6 … tăng 3,67% so với tháng 6/2023"
            if (
                ind is not None
                and ind.code == "grdp_growth"
                and subject is not None
                and subject.kind in ("flow", "stock")
                and not subject.code.startswith("grdp")
                and _GENERIC_GROWTH.search(lead)
            ):
                ind = None  # "xuất khẩu đạt 80 triệu USD, tăng trưởng 12%": the growth of the subject
                verb, ref = "tăng", ref if ref is not None else "same_period_last_year"
            if (
                ind is not None
                and ind.kind != "rank"
                and (subject is None or ind.code != f"{subject.code}_usd")  # nor "tương đương 2.077 USD"
                and (  # a rank is no subject for the figures after it
                    unit != _PERCENT
                    or ind.unit == "percent"
                    or ind.kind in ("rate", "growth")
                    or verb not in ("đạt", "bằng", "tăng", "giảm", "chiếm", "vượt", "hoàn", "thành")
                    or (ref is not None and name_end <= start)  # "thu … đạt 120% dự toán, tăng 16,4%"
                )
            ):
                subject, share_subject = ind, None
            if ind is not None and ind.code in GRDP_LEVELS:  # the price basis the clause names
                ind = grdp_at_prices(sentence[max(clause_start, digit - _WINDOW) : end + 40])
                subject = ind if subject is not None and subject.code in GRDP_LEVELS else subject
            # (a period phrase opening the clause does not count: "; 9 tháng năm 2018 tăng 7,17%")
            words = _PERIOD_PHRASES.sub(" ", lead).split() if carried_subject is not None else []
            opening = sum(w not in _SO_FAR_WORDS for w in words) if carried_subject is not None else 99
            if ind is None and subject is None and carried_subject is not None and opening <= 4:
                # a clause that starts with the figure ("; bằng 62,7% dự toán") goes on, an estimate's an estimate
                subject, subject_measure = carried_subject, carried_measure
            why = not_a_figure(sentence, (clause_start, start, end), ind, subject, reading.denominator)
            if why is not None:  # ("…, đứng thứ 2 tiểu vùng), cao hơn mức tăng 8,49%": the subject goes on)
                kept.add(value, unit_to_str(unit), sentence, start, end, why)
                prev_end = max(end, name_end)
                continue
            target_ind = ind or subject
            form, relative_to = "level", ""
            alias_rate = "tỷ lệ giải ngân" in sentence[max(clause_start, digit - 90) : digit].casefold()
            growth_kind = target_ind is not None and target_ind.kind in ("growth", "index")
            if (
                unit == _PERCENT
                and ref not in (None, "", "same_period_last_year", "start_of_period")
                and (verb not in CHANGE_VERBS)
            ):
                target_ind = share_subject or subject or target_ind
                form, relative_to = "ratio", reference_of(target_ind, str(ref))  # "đạt 55% dự toán TW giao"
            elif unit == _POINT and target_ind is not None and target_ind.kind in ("growth", "rate", "index"):
                # "cao hơn 0,24 điểm % so với tốc độ tăng cùng kỳ": a difference in points, from what it names
                default = "same_period_last_year" if target_ind.kind == "growth" else "start_of_period"
                form, relative_to = "difference", ref or points_reference(after) or default
                value = -value if verb == "giảm" or "thấp" in lead[-25:] else value
            elif unit == _PERCENT and (
                alias_rate
                or (
                    ref is None
                    and verb in ("đạt", "bằng")
                    and target_ind is not None
                    and target_ind.code in SHARE_OF
                )
            ):
                # "giải ngân vốn đầu tư công đạt 11,75%", "thu ngân sách nhà nước đạt 117,3%": of the plan, the budget,
                # the budget a share before it in the sentence names ("bằng 85,5% dự toán Trung ương …; … 71,44%")
                form, relative_to = "ratio", SHARE_OF.get(target_ind.code if target_ind else "", "plan")
                relative_to = before_ref if before_ref and before_ref.startswith(relative_to) else relative_to
            elif (
                (verb in SHARE_VERBS and unit in (_PERCENT, _TIMES) and ref == "same_period_last_year")
                # "tăng gấp 1,2 lần", "tăng gần 1,13 lần so với năm 2023": a multiple of last year's
                or (verb in ("tăng", "gấp") and unit == _TIMES and ref in (None, "same_period_last_year"))
            ) and not growth_kind:
                form, relative_to, target_ind = "ratio", "same_period_last_year", subject
            elif verb in CHANGE_VERBS and unit == _PERCENT and (ref is not None or verb != "vượt"):
                sign = -1.0 if verb == "giảm" else 1.0
                target_ind = subject if target_ind is None else target_ind
                if (
                    target_ind is not None
                    and target_ind.code == "grdp_constant"  # ("Quy mô GRDP … tăng 19%": of the current one)
                    and ref in (None, "same_period_last_year")
                    and not AT_CURRENT.search(sentence, max(clause_start, digit - _WINDOW), digit)
                ):
                    # "GRDP (giá so sánh) ước đạt 53.500 tỷ đồng, tăng 6%": the growth rate of the year
                    target_ind, growth_kind = by_code()["grdp_growth"], True
                if growth_kind and ref in (None, "same_period_last_year"):
                    value = sign * value  # "IIP tăng 8,5% so cùng kỳ", "CPI giảm 0,2%": the growth itself
                elif target_ind is not None and target_ind.kind == "rate" and verb != "vượt":
                    form, relative_to, unit, value = "difference", "start_of_period", _POINT, sign * value
                elif target_ind is not None and (ref is not None or target_ind.kind in ("flow", "stock")):
                    # "tăng hơn 12% so cùng kỳ", "vượt 1,3% so với dự toán"; a bare "tăng 17,4%" of a
                    # flow is on the same period of last year, as these reports mean it
                    form, relative_to = "change", ref if ref is not None else "same_period_last_year"
                    value = sign * value
            elif (
                change_before is not None
                and change_before[0] is target_ind
                and change_before[3] == last_end
                and unit != _PERCENT
                and same_change_in_amount(sentence, last_end, digit)
            ):
                # "vượt 15,6% dự toán (tương đương vượt 3.730 tỷ đồng)", "giảm 1,1% (-366 ha)": that change, in amount
                form, relative_to = "difference", change_before[1]
                value = math.copysign(value, change_before[2])
            elif (
                verb in ("tăng", "giảm")
                and target_ind is not None
                and target_ind.kind in ("flow", "count", "stock")
                and unit != _PERCENT
                and _fits(target_ind, unit)
                and target_ind is subject
                and (ind is None or target_ind.kind != "flow" or _BY_AMOUNT.search(lead) is not None)
            ):
                # "đạt 128.134 ha, giảm 461 ha so với năm trước": an absolute change of the flow;
                # "số xã đạt chuẩn tăng 1 xã": of a count since the period began
                default = "same_period_last_year" if target_ind.kind == "flow" else "start_of_period"
                form, relative_to = "difference", ref or default
                value = -value if verb == "giảm" else value
            elif verb == "chiếm" and subject is not None:
                share = by_code().get(f"{subject.code}_share")
                if share is not None:
                    target_ind = share_subject = share
                elif target_ind is not None and target_ind.kind in ("growth", "rate", "index"):
                    target_ind = None  # "chiếm 55,2% trong GRDP": a share of the indicator, not its rate
            elif (
                target_ind is not None
                and target_ind.kind in ("count", "stock", "rate")
                and (
                    last_word == "thêm"
                    or two_words == "tăng thêm"
                    or (
                        target_ind.kind != "rate"
                        and "dự kiến" in sentence[digit : min(window_after[1], digit + _WINDOW)].casefold()
                    )
                )
            ):
                form, relative_to = "difference", "start_of_period"
                if target_ind.kind == "rate" and unit == _PERCENT:
                    unit = _POINT
            why_not = None  # "GRDP … đạt 63.000 tỷ đồng, tăng 9,52% …": its growth; "đạt 108,8%": an index
            if form == "level":
                clause = low[max(clause_start, digit - _WINDOW) : digit]  # (bounded: time stays linear)
                target_ind, form, relative_to, why_not = as_level(
                    target_ind, unit, value, verb, lead, clause, after
                )
            prev_end = max(end, name_end)
            if target_ind is None:
                reason = why_not or "no indicator of the catalog is named near it"
                kept.add(value, unit_to_str(unit), sentence, start, end, reason)
                continue
            if now is None:  # "Từ đầu năm 2024 đến nay, … thu 830 tỷ đồng", "Đến nay, … có 45 xã": when?
                to_now += names_now(
                    sentence, clause_start, digit, end, month=target_ind.kind in _SO_FAR_KINDS
                )
            own, of = own_period(sentence, (digit, end, next_start), year, unit == _TIMES)
            # a figure quoted for comparison: "mức tăng 4,03% của 6 tháng …", "cao hơn mức tăng 8,49% cùng kỳ"
            quoted_for = of is not None and (
                of.group(1).casefold() == "của" or _QUOTED.search(lead) is not None
            )
            back = quoted_year(sentence, digit)
            # its own period, else its section's, else one carried, else the year's (an impossible one is no fallback)
            # (a breakdown's parts are of the whole's span: "… tháng 9/2025 ước đạt …. Trong đó: thu nội địa …")
            # (a part of the report's period spoken of before — "quý II" in a half-year report — does not carry)
            # (a month a sentence opened on does: "Riêng trong tháng 7, …. Trong đó, …")
            carried = (
                covered
                if context and covered and context.months > 1 and covered.contains(context)
                else context
            )
            chain = (own, compared, inherited_span, section_span, carried, covered, whole_year)
            span = next((x for x in chain if x is not None), None)
            if isinstance(span, Span) and target_ind is not None and target_ind.kind in _SO_FAR_KINDS:
                span = month_or_year_so_far(sentence, clause_start, digit, end, span, own, now)
                later = year_so_far_after(sentence, end, span) if own is None else -1
                if later != -1 and not names_between(low, end, later):
                    # "ước đạt 18.200 tỷ đồng; 8 tháng đạt 132.000 tỷ": the month's
                    span = Span(span.end, span.end)
                if form == "ratio" and relative_to in OF_THE_YEAR and span.months == 1:
                    # "tháng 4 … giải ngân đạt 19% kế hoạch": a share of the year's plan is of the year so far
                    span = Span(f"{span.end.year}-01", span.end)
            measure = measure_of(sentence, clause_start, digit, end, heading, lead, level=form == "level")
            measure = scope.measure(measure, lead, target_ind.code if target_ind else None)
            span = goal_span if measure in _GOALS and own is None and goal_year(span, goal_span) else span
            inside = sentence.count("(", 0, start) > sentence.count(")", 0, start)
            if listed and measure in ("actual", "estimate"):
                # "…mục tiêu chủ yếu: …; GRDP đầu người ước đạt 59,8 triệu đồng; kim ngạch …"
                measure = "target"
            elif measure == "estimate" and (
                quoted_for or (inside and isinstance(span, Span) and span.end.year < (year or 0))
            ):
                # "ước tăng 5,16%, … cao hơn 0,84% của năm 2020", "(4 tháng đầu năm 2020 … giảm 11,5%)": known
                measure = "actual"
            elif measure == "actual" and (
                # "Trong đó, thu nội địa 28.661 tỷ đồng", "…ước đạt 23,9 tỷ USD, trong đó …; nhập khẩu đạt 11,3 tỷ USD":
                # a part of an estimate (or of a plan) is one; a rank ranks an estimate
                (part_of := inherited in ("estimate", "plan") or parts_from <= digit)
                or (target_ind is not None and target_ind.kind == "rank")
            ):
                measure = ("plan" if inherited == "plan" else "estimate") if part_of else growth_measure
            horizon, close_by = horizon_before(sentence, low, digit)
            past = year_outside(horizon) if horizon is not None else None  # ("đến năm 2250": OCR noise)
            later = horizon is not None and (past or (year or 9999) < horizon) and not isinstance(own, Span)
            if horizon is not None and later and (measure == "target" or close_by):
                # "đặt mục tiêu đến năm 2025 đón trên 7 triệu lượt khách"; "… đến năm 2030 đạt 95 triệu đồng/người":
                # a year still to come is a goal's (a year no goal can have, no period)
                span, measure = f"impossible period: {past}" if past else Span.whole_year(horizon), "target"
            elif year is not None and isinstance(span, Span) and span.start.year > year and measure != "plan":
                measure = "target"  # "năm 2026, tăng trưởng từ 10,7% trở lên" in a report of 2025: a goal
            if form == "level" and target_ind is subject and not inside:
                subject_measure = measure  # (not an amount in an aside: "(Trung ương giao: 13.398 tỷ đồng)")
            elif form in ("ratio", "change") and subject_measure is not None and measure == "actual":
                # "ước khoảng 5.712 tỷ đồng, … tăng 11,8%": the ratio is an estimate too
                measure = subject_measure
            if (
                of is not None
                and span is not None
                and quoted_for
                and sentence[of.end() : of.end() + 7].casefold() == "cùng kỳ"
            ):
                # "ước tăng 6,47%, cao hơn mức tăng 3,94% của cùng kỳ năm 2023": the same months a year before
                span = span if isinstance(span, str) else Span(span.start - 12, span.end - 12)
            elif back is not None and isinstance(span, Span) and (span.end.year != back or not back):
                # "cao hơn mức tăng của cùng kỳ năm trước (4,9%)", "so với năm 2023 (5,11%)": that year's, known
                shift = 12 * (span.end.year - back if back else 1)
                span, measure = Span(span.start - shift, span.end - shift), "actual"
            if span is None or isinstance(span, str):
                why = f"no period for {target_ind.code}" if span is None else span
                undated += span is None and year_unknown
                kept.add(value, unit_to_str(unit), sentence, start, end, why)
                continue
            own_month = isinstance(own, Span) and own.months == 1
            december = (
                own_month
                and span.end.month == 12
                and "tháng 12" not in low[max(clause_start, digit - 90) : digit]
            )
            goal = measure == "target" and target_ind.kind == "growth" and "kịch bản" not in lead
            # a growth goal is the year's ("GRDP ước tăng 7,54% (kế hoạch năm 7,3-7,5%)"), a scenario its period's
            yearly = goal and span.start.month == 1 and (own is None or inside or goal_of_the_year(lead))
            if target_ind.kind in ("flow", "growth") and (
                (span.months == 1 and (goal or december)) or yearly
            ):
                span = Span.whole_year(span.end.year)  # "tỷ lệ giải ngân cuối năm 2024": the year's figure
            if target_ind.code == "public_investment_disbursement":
                span = to_fiscal_close(sentence[max(clause_start, digit - _WINDOW) : digit], span)
            if form == "difference" and span.months == 1:
                span = Span(f"{span.end.year}-01", span.end)  # "đến cuối năm 2024 giảm 3%": over the year
            elif measure == "plan" and form == "level" and target_ind.kind == "flow":
                # "kế hoạch vốn … năm 2022 … 3.336 tỷ đồng": the year's plan
                span = Span.whole_year(span.end.year)
            if (
                target_ind.code == "credit_outstanding"
                and form == "change"
                and relative_to == "start_of_period"
            ):
                # "dư nợ … tăng 3,6% so với tháng 12 năm 2023": credit growth since the year began
                target_ind, form, relative_to = by_code()["credit_growth"], "level", ""
            elif form in ("level", "ratio", "change") and target_ind.kind in ("stock", "count", "rate"):
                end_month = span.end
                if stated is not None and measure == "actual" and end_month > stated:
                    end_month = stated  # a level stated now cannot be of a later month
                span = Span(end_month, end_month)
            unit = per_head(target_ind.code, unit)  # "127,8 triệu đồng/người" of GRDP per head
            expected = expected_unit(target_ind.code, form)
            try:
                if (
                    unit.dimensionless
                    and unit not in (_PERCENT, _POINT, _TIMES)
                    and expected != _DIMENSIONLESS
                ):
                    # a bare number ("2023", "41.200 tỷ") is no percent, amount or count, though pint would convert it
                    raise KtstatsError("a bare number")
                conversion_factor(unit, expected)
            except KtstatsError:
                shown = unit_to_str(unit)
                reason = f"unit {shown or '-'} does not fit {target_ind.code} ({target_ind.unit or '-'}) as a {form}"
                kept.add(value, shown, sentence, start, end, reason)
                # ("Tính chung quý 1/2025, vốn đầu tư … 683,5 tỷ đồng, giảm 33,9%": not GRDP's; "Đây là mức tăng …")
                if overall and overall["total"] and target_ind is subject and ind is None:
                    subject = None
                continue
            if (why := over_years(relative_to, after, span.end.year)) is not None:
                kept.add(value, unit_to_str(unit), sentence, start, end, why)  # "gấp 21 lần so với năm 2002"
                continue
            if inside and estimated_end is not None and measure in ("actual", "estimate"):
                # "ước đạt 6,27% (quý I tăng 7,63%; … quý III tăng 6,51%)": its last quarter is estimated too, an
                # earlier one known (unless the parenthesis estimates it: "(…, quý II ước tăng 7,27%)")
                own_estimate = "ước" in low[low.rfind("(", 0, start) : start]
                measure = "estimate" if estimated_end == span.end or own_estimate else "actual"
            estimated_end = span.end if measure == "estimate" and not inside else estimated_end
            bounds = range_bounds(reading.qualifier, reading.low, reading.high, value == -reading.value != 0)
            rows.append(
                {
                    "indicator": target_ind.code,
                    "region": "",
                    "period_start": str(span.start),
                    "period_end": str(span.end),
                    "measure": measure,
                    "value": value,
                    "unit": unit_to_str(unit),
                    "qualifier": qualifier_of(reading.qualifier, sentence[start:digit], verb, form, lead),
                    "low": bounds[0],
                    "high": bounds[1],
                    "denominator": reading.denominator if reading.denominator is not None else "",
                    "form": form,
                    "relative_to": relative_to,
                    "document": document,
                    "quote": quote_around(sentence, start, end),
                    "note": "",
                    "_sentence": sid,
                    "_at": digit,
                }
            )
            last_subject = target_ind if target_ind.kind != "rank" else last_subject
            change_before = (target_ind, relative_to, value, end) if form == "change" else None
            shared = form == "ratio" or (form == "change" and relative_to in OF_THE_YEAR)
            before_ref = relative_to if shared else before_ref
            if form == "level":
                before_measure, before_span = measure, span
                ranked_growth = target_ind.code == "grdp_growth" and measure in ("actual", "estimate")
                growth_measure = measure if ranked_growth else growth_measure  # a rank ranks a result
        # "Theo báo cáo …, ước 9 tháng năm 2020, …. Cụ thể, …": the details of an estimate with no figure of its own
        if not figure_starts and _ESTIMATE_OF.search(low):
            before_measure = "estimate"
        growth = [r for r in rows[-6:] if r["_sentence"] == sid and r["indicator"] == "grdp_growth"]
        first = first_in_country(sentence, low, growth, (section_span, context, covered, whole_year), year)
        if first is not None:  # "tăng trưởng … đạt hơn 14,5%, đứng đầu cả nước"
            rows.append(
                dict.fromkeys(COLUMNS, "") | {"measure": growth_measure} | first | {"document": document}
            )
            rows[-1]["_sentence"] = sid
        listing = sentence.endswith(";") and (listed or lists_goals(sentence))
        goal_span = goals_carry(rows, sid, goal_span, year)
        goes_on = (subject, subject_measure)  # (the subject of its last clause, for the next after a ";")
        # the period a sentence speaks of carries to the next ones (until another is named), not a goal's
        spoken = period_spoken_of(sentence, low, year, now)
        if spoken is not None and context is not None and spoken.end.year == context.end.year:
            # a goal's span with no results of it ("… tăng trưởng từ 10% trở lên trong năm 2025"), or one no figure of the
            # sentence is of ("đạt 83% so với Nghị quyết của Tỉnh ủy năm 2024") does not replace the period spoken of
            mine = sentence_rows(rows, sid)
            dated = [
                r["measure"]
                for r in mine
                if (r["period_start"], r["period_end"]) == (str(spoken.start), str(spoken.end))
            ]
            spoken = None if (dated and all(m in _GOALS for m in dated)) or (mine and not dated) else spoken
        context = spoken if spoken is not None else context
    if undated or to_now:
        what = f"the text never writes the year of its figures ({undated} figures, e.g. '6 tháng đầu năm', 'năm nay')"
        if not undated:  # ("từ đầu năm 2024 đến nay": the year is known, not the month)
            what = f"{to_now} figures run to the day of writing ('đến nay', 'trong tháng', 'lũy kế')"
        raise DataError(
            f"{what}; say when it was published with date= (e.g. date='2023-06'; --date on the command line)"
            + (" or give year=" if undated else "")
        )
    if rows:  # the region is looked for in the text only when there are figures to file
        code = code or report_region(text, None, stated, year)  # ("Ngày 10/7, …" of 2025: the unit's report)
        file_regions(rows, code, inferred=date is None, sentences=list(sentence_ids))
    rows = kept.one_per_sentence(overnight_guests(restated(rows, said := list(sentence_ids)), said, kept))
    table = validate_columns({c: [r[c] for r in rows] for c in COLUMNS}, document)
    if published is not None:  # (the figures of a dated text, unless it is a known document)
        table["document_date"] = table["document_date"].fillna(published)
    ds = Dataset(table, _validated=True)
    ds.name = document
    ds.unattached = kept  # made a table when first looked at
    if not len(ds) and not (kept.rows or kept.dropped):
        warnings.warn(f"no figures found in {document}", stacklevel=2)
    return ds
