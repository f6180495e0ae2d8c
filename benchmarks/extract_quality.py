"""Quality of ``ktstats.extract`` on real texts, scored on everything it claims.

Three parts, reported separately, per document and overall:

- ``heldout``: ``datasets/corpus/heldout/`` — real provincial texts annotated by readers who never saw
  the extraction rules; no rule is written against them. **The figure to quote.**
- ``dev``: ``datasets/corpus/dev/`` — real texts the rules may be written against.
- ``seeds``: the five seed documents of ``datasets/sources/`` against ``kon_tum.csv`` (the rules were
  written on them).

It also reports how far two human readers agree: 8 texts (held out when they were read; development texts
since 0.10.0) were annotated a second time, blind to the first reading (``corpus/second_reading/``).

Each text is read the way the README's command reads it: ``extract(text, document=...)`` with no
``date=``, ``year=`` or ``region=`` — the period, the year and the province come from the text. A figure
matches when **indicator, region, span (start and end month), measure, value with its unit (compared
as quantities: 1.172.000 triệu đồng = 1.172 tỷ đồng), qualifier, form and reference** all agree; each
expected figure matches at most one extracted figure. A text that never names its province, or never writes
its year, gets ``region=`` or ``date=`` (its publication month, from ``texts.csv``) after extract asks for
it, as a user would; the report marks it. The held-out part is also reported by batch (``BATCHES``). Recall = matched / expected, precision =
matched / extracted (every extracted row counts, including figures of indicators the annotators did not
list). ``-v`` lists the misses and the extras, with the fields that differ from the nearest figure.

Run: ``python benchmarks/extract_quality.py [-v] [--part heldout|dev|seeds]``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pandas as pd

import ktstats
from ktstats.catalog.bundled import data_dir
from ktstats.lang.units import parse_unit, ureg

FIELDS = (
    "indicator",
    "region",
    "period_start",
    "period_end",
    "measure",
    "quantity",
    "qualifier",
    "form",
    "relative_to",
)


def corpus_dir() -> Path:
    return data_dir() / "corpus"


def _quantity(value: float, unit: str) -> tuple[float, str]:
    unit = "" if pd.isna(unit) else str(unit)
    try:
        q = ureg.Quantity(float(value), parse_unit(unit) if unit else ureg.dimensionless).to_base_units()
    except ktstats.KtstatsError:  # a unit this version does not know: compared as written
        return float(value), unit
    return float(f"{float(q.magnitude):.9g}"), str(q.units)


#: references finer than the annotation rules: the corpus was read before "kế hoạch Thủ tướng giao" and "kế hoạch
#: UBND tỉnh giao" had references of their own (0.20.18), so both are scored as the plan they were read as
_AS_ANNOTATED: Final = {"plan_central": "plan", "plan_local": "plan"}


def keys(frame: pd.DataFrame, region: str | None = None) -> list[tuple[str, ...]]:
    """One tuple per row: the fields of :data:`FIELDS`, as text."""
    out = []
    for r in frame.to_dict("records"):
        reg = str(r.get("region") or "") or (region or "")
        if reg in ("nan", ""):
            reg = region or ""
        rel = r.get("relative_to")
        rel = _AS_ANNOTATED.get(str(rel), rel)
        out.append(
            (
                str(r["indicator"]),
                reg,
                str(r["period_start"])[:7],
                str(r["period_end"])[:7],
                str(r["measure"]),
                repr(_quantity(r["value"], r["unit"])),
                str(r["qualifier"]),
                str(r["form"]),
                "" if rel is None or str(rel) == "nan" else str(rel),
            )
        )
    return out


@dataclass
class DocScore:
    document: str
    part: str
    expected: int
    found: int
    matched: int
    seconds: float
    size: int
    misses: list[tuple[str, ...]] = field(default_factory=list)
    extras: list[tuple[str, ...]] = field(default_factory=list)
    error: str = ""
    #: what became of each number missed altogether: the reason extract kept it unattached, else "not read"
    lost: Counter[str] = field(default_factory=Counter)
    #: every expected and every extracted key (for :func:`ladder`)
    want: list[tuple[str, ...]] = field(default_factory=list)
    got: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0


def match(want: list[tuple[str, ...]], got: list[tuple[str, ...]]) -> tuple[int, list, list]:
    """(matched, misses, extras): each expected key matches at most one extracted key."""
    remaining = Counter(want)
    extras = []
    matched = 0
    for k in got:
        if remaining[k] > 0:
            remaining[k] -= 1
            matched += 1
        else:
            extras.append(k)
    misses = [k for k, n in remaining.items() for _ in range(n)]
    return matched, misses, extras


def score_text(
    text: str, expected: pd.DataFrame, document: str, part: str, region: str | None, date: str | None = None
) -> DocScore:
    started = time.perf_counter()
    error = ""
    given: dict[str, str] = {}
    while True:
        try:
            ds = ktstats.extract(text, document=document, **given)
            got = ds.to_frame()
            break
        except ktstats.DataError as exc:
            # the text never names its province ("Cục Thống kê tỉnh …") or never writes its year ("6 tháng
            # đầu năm nay"): the user says which, as the error asks — marked in the report
            if "region=" in str(exc) and region and "region" not in given:
                given["region"] = region
            elif "date=" in str(exc) and date and "date" not in given:
                given["date"] = date[:7]
            else:
                raise
    error = " and ".join(f"{k}= given" for k in given)
    elapsed = time.perf_counter() - started
    want = keys(expected, region)
    found = keys(got) if len(got) else []
    matched, misses, extras = match(want, found)
    return DocScore(
        document,
        part,
        len(want),
        len(found),
        matched,
        elapsed,
        len(text.encode()),
        misses,
        extras,
        error,
        _lost(misses, extras, ds.unattached),
        want,
        found,
    )


def _lost(
    misses: list[tuple[str, ...]], extras: list[tuple[str, ...]], unattached: pd.DataFrame
) -> Counter[str]:
    """For each figure missed altogether (no row of its indicator and value was extracted): "filed under another
    indicator" when its value was extracted as another's, else the reason extract gave for an unattached number
    of the same value ("no indicator of the catalog is named near it", "unit …
    does not fit …", "a second figure for …", "a figure for a part (…)"), else "not read as a number" —
    counts only, so that the held-out part says where it fails without being read."""
    reasons: dict[float, str] = {}
    for value, reason in zip(unattached["value"], unattached["reason"], strict=True):
        if pd.notna(value):
            reasons.setdefault(abs(float(value)), _kind(str(reason)))
    out: Counter[str] = Counter()
    for k in misses:
        if any(p[0] == k[0] and p[5] == k[5] for p in extras):
            continue
        if any(p[5] == k[5] for p in extras):
            out["filed under another indicator"] += 1
            continue
        shown = abs(float(k[5].strip("()").split(",")[0]))
        # the value as written is the base value over a power of ten (830 tỷ đồng = 8,3e11 đồng; 12 % = 0,12)
        got = next(
            (reasons[v] for v in reasons if any(abs(v * f - shown) <= 1e-9 * shown for f in _SCALES)), None
        )
        out[got or "not read as a number (a word, a number in words, or no reading)"] += 1
    return out


_SCALES = (1.0, 0.01, 1e3, 1e4, 1e6, 1e9, 1e12)


def _kind(reason: str) -> str:
    for head in (
        "unit ",
        "a second figure",
        "the same figure",
        "a figure for a part",
        "no period",
        "impossible",
    ):
        if reason.startswith(head):
            return {"unit ": "unit does not fit the indicator"}.get(head, head)
    return reason.split(" (")[0]


def corpus_texts(part: str) -> list[tuple[str, str, pd.DataFrame, str]]:
    """(id, text, expected figures, region) of each text of a corpus part."""
    return [(doc, text, expected, region) for doc, text, expected, region, _ in _corpus(part)]


def _corpus(part: str) -> list[tuple[str, str, pd.DataFrame, str, str]]:
    """(id, text, expected figures, region, publication date) of each text of a corpus part."""
    if not (corpus_dir() / "texts.csv").exists():
        return []
    table = pd.read_csv(corpus_dir() / "texts.csv", dtype=str, keep_default_na=False)
    out = []
    for row in table[table["part"] == part].itertuples(index=False):
        folder = corpus_dir() / part
        text = (folder / f"{row.id}.txt").read_text(encoding="utf-8")
        expected = pd.read_csv(folder / f"{row.id}.csv", dtype={"period_start": str, "period_end": str})
        out.append((row.id, text, expected, row.region, row.date))
    return out


def speed_texts() -> list[tuple[str, str]]:
    """The texts speed is measured on: every corpus text once (no text repeated, so no cache of a
    phrase can help), and the seeds × 25 (the measure of earlier versions)."""
    once = [text for part in ("dev", "heldout") for _, text, _, _ in corpus_texts(part)]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((data_dir() / "sources").glob("*.txt"))]
    out = [("the seeds x 25", "\n".join(seeds) * 25)]
    if once:
        out.insert(0, (f"the corpus, {len(once)} texts once each", "\n".join(once)))
    return out


def _cold() -> None:
    """Empty every cache of ktstats (phrases read, units, names found), so that a repeated run reads the text
    as the first did, then warm up on another text (first imports and the catalogs do not count)."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith(
            "ktstats"
        ):
            obj.cache_clear()
    ktstats.extract("Thu ngân sách 830 tỷ đồng năm 2024.", region="Kon Tum")


def speed(text: str, runs: int = 3) -> float:
    """MB/s of one ``extract`` call on ``text``: the best of ``runs`` calls, each with ktstats' caches emptied
    and warmed up on another text (a cache of what the last run read does not count)."""
    best = float("inf")
    for _ in range(runs):
        _cold()
        started = time.perf_counter()
        ktstats.extract(text, document="speed", region="Kon Tum", year=2024)
        best = min(best, time.perf_counter() - started)
    return len(text.encode("utf-8")) / best / 1e6


def speed_per_text(runs: int = 3) -> tuple[float, int, float]:
    """MB/s of one ``extract`` call per corpus text (what a user reading reports one by one gets: the fixed
    cost of a call counts), the number of texts and their MB: the best of ``runs`` passes, caches emptied
    before each pass. A text whose figures run to the day it was written ("từ đầu năm đến nay") and never says
    when is given its month after it asks, as a user would: both calls count."""
    texts = [(text, date[:7]) for part in ("dev", "heldout") for _, text, _, _, date in _corpus(part)]
    best = float("inf")
    for _ in range(runs):
        _cold()
        started = time.perf_counter()
        for text, date in texts:
            try:
                ktstats.extract(text, document="speed", region="Kon Tum", year=2024)
            except ktstats.DataError:
                ktstats.extract(text, document="speed", region="Kon Tum", year=2024, date=date)
        best = min(best, time.perf_counter() - started)
    size = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    return size / best, len(texts), size


def score_part(part: str) -> list[DocScore]:
    if part == "seeds":
        truth = ktstats.load_dataset("kon_tum").to_frame()
        scores = []
        for path in sorted((data_dir() / "sources").glob("*.txt")):
            expected = truth[truth["document"] == path.name]
            scores.append(score_text(path.read_text(encoding="utf-8"), expected, path.name, part, None))
        return scores
    return [score_text(text, exp, doc, part, region, date) for doc, text, exp, region, date in _corpus(part)]


def _nearest(k: tuple[str, ...], pool: list[tuple[str, ...]]) -> str:
    """The fields in which ``k`` differs from the closest key of ``pool`` (same indicator or value)."""
    close = [p for p in pool if p[0] == k[0] or p[5] == k[5]]
    if not close:
        return "nothing near"
    best = min(close, key=lambda p: sum(a != b for a, b in zip(p, k, strict=True)))
    return ", ".join(f"{name}: {b!r}→{a!r}" for name, a, b in zip(FIELDS, best, k, strict=True) if a != b)


def summary(scores: list[DocScore]) -> tuple[int, int, int]:
    return (
        sum(s.expected for s in scores),
        sum(s.found for s in scores),
        sum(s.matched for s in scores),
    )


def field_errors(scores: list[DocScore]) -> Counter[str]:
    """For each missed figure whose indicator or value was found: which fields were wrong."""
    counts: Counter[str] = Counter()
    for s in scores:
        for k in s.misses:
            close = [p for p in s.extras if p[0] == k[0] and p[5] == k[5]]
            if not close:
                counts["not found at all (or wrong indicator and value)"] += 1
                continue
            best = min(close, key=lambda p: sum(a != b for a, b in zip(p, k, strict=True)))
            for name, a, b in zip(FIELDS, best, k, strict=True):
                if a != b:
                    counts[name] += 1
    return counts


#: fields added one at a time, from what extract reads most surely (the number and its unit) to what needs the
#: most of the text (the reference): how far down each figure stays right
LADDER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("quantity", ("quantity",)),
    ("+ indicator", ("quantity", "indicator")),
    ("+ form", ("quantity", "indicator", "form")),
    ("+ span", ("quantity", "indicator", "form", "period_start", "period_end")),
    ("+ measure", ("quantity", "indicator", "form", "period_start", "period_end", "measure")),
    ("+ region", ("quantity", "indicator", "form", "period_start", "period_end", "measure", "region")),
    ("+ qualifier and reference (every field)", FIELDS),
)


def ladder(scores: list[DocScore]) -> list[tuple[str, int, int, int]]:
    """(step, expected, found, matched) when a figure is matched on the fields of each step of :data:`LADDER`
    only: recall and precision per field, cumulatively — counts only, so the held-out part can say it."""
    out = []
    for label, names in LADDER:
        at = [FIELDS.index(n) for n in names]
        t = f = m = 0
        for s in scores:
            want = [tuple(k[i] for i in at) for k in s.want]
            got = [tuple(k[i] for i in at) for k in s.got]
            t, f, m = t + len(want), f + len(got), m + match(want, got)[0]
        out.append((label, t, f, m))
    return out


def agreement(part: str | None = None) -> tuple[int, int, int]:
    """(rows of the first reading, rows of the second, rows identical on every field) over the texts a
    second annotator read independently (``corpus/second_reading/``; only those of ``part`` when given): how
    far two careful readers agree, the ceiling any extractor is measured against."""
    texts = pd.read_csv(corpus_dir() / "texts.csv", dtype=str, keep_default_na=False).set_index("id")
    first = second = same = 0
    for path in sorted((corpus_dir() / "second_reading").glob("*.csv")):
        if part is not None and texts.loc[path.stem, "part"] != part:
            continue
        region = texts.loc[path.stem, "region"]
        dtypes = {"period_start": str, "period_end": str}
        a = keys(pd.read_csv(corpus_dir() / texts.loc[path.stem, "part"] / path.name, dtype=dtypes), region)
        b = keys(pd.read_csv(path, dtype=dtypes), region)
        first, second, same = first + len(a), second + len(b), same + match(a, b)[0]
    return first, second, same


#: the held-out texts by batch: annotators of a batch never saw the rules; a batch added after a version's
#: rules were written is scored once, after them (the cleanest figure of that version)
_HELD_OUT: dict[int, tuple[str, int]] = {  # batch: (when it was found, its texts)
    50: ("found blind during 0.20.24", 16),
    54: ("found blind during 0.20.25", 18),
    55: ("found blind during 0.20.25", 12),
    56: ("found blind after 0.20.25 was frozen", 11),
    57: ("found blind after 0.20.25 was frozen", 13),
    58: ("found blind during 0.20.26", 17),
    59: ("found blind during 0.20.26", 5),
    60: ("found blind after 0.20.26 was frozen", 10),
    61: ("found blind after 0.20.27 was frozen", 13),
    62: ("found blind after 0.20.28 was frozen", 7),
    63: ("found blind after 0.20.28 was frozen", 1),
    64: ("found blind after 0.20.29 was frozen", 14),
}
#: each held-out batch's annotators (``helper-h50a`` … ``c``) and how the report names it
BATCHES = {
    f"helper-h{n}{reader}": f"batch {n} ({found}): {texts} texts"
    for n, (found, texts) in _HELD_OUT.items()
    for reader in "abc"
}


def interval(
    scores: list[DocScore], level: float = 0.9, draws: int = 2000, seed: int = 0
) -> tuple[float, float, float, float]:
    """(recall low, high, precision low, high): a ``level`` interval of the pooled recall and precision when the
    texts are drawn again with replacement (a percentile bootstrap over texts, the unit a batch samples: figures
    of one text fail together). Twenty texts give an interval several points wide — what one batch can say."""
    import numpy as np

    counts = np.array([(s.expected, s.found, s.matched) for s in scores], dtype=float)
    if not len(counts):
        return (float("nan"),) * 4
    pick = np.random.default_rng(seed).integers(0, len(counts), size=(draws, len(counts)))
    t, f, m = (counts[:, i][pick].sum(axis=1) for i in range(3))
    tail = (1 - level) / 2 * 100
    recall = np.percentile(m / np.maximum(t, 1), [tail, 100 - tail])
    precision = np.percentile(m / np.maximum(f, 1), [tail, 100 - tail])
    return float(recall[0]), float(recall[1]), float(precision[0]), float(precision[1])


def held_out_batches(scores: list[DocScore]) -> list[tuple[str, list[DocScore]]]:
    """The held-out scores grouped by the batch their text came in (``texts.csv``'s annotator)."""
    texts = pd.read_csv(corpus_dir() / "texts.csv", dtype=str, keep_default_na=False).set_index("id")
    groups: dict[str, list[DocScore]] = {}
    for s in scores:
        annotator = texts.loc[s.document, "annotator"] if s.document in texts.index else ""
        groups.setdefault(BATCHES.get(annotator, annotator or "?"), []).append(s)
    return sorted(groups.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list misses and extras")
    # "reserve": a blind batch kept for the next version; score it once, then make it the held-out part
    parser.add_argument("--part", choices=("heldout", "dev", "seeds", "reserve"), action="append")
    args = parser.parse_args(argv)
    parts = args.part or ["heldout", "dev", "seeds"]
    for part in parts:
        scores = score_part(part)
        print(f"\n## {part}: {len(scores)} texts")
        print(f"{'document':44} {'true':>5} {'found':>5} {'match':>5} {'recall':>7} {'precision':>9}")
        for s in scores:
            flag = f"  ({s.error})" if s.error else ""
            print(
                f"{s.document[:44]:44} {s.expected:5} {s.found:5} {s.matched:5} {s.recall:7.1%} "
                f"{s.precision:9.1%}{flag}"
            )
            if args.v:
                for k in s.misses:
                    print("   missed:", k, "|", _nearest(k, s.extras))
                for k in s.extras:
                    print("   extra: ", k)
        t, f, m = summary(scores)
        print(f"{'all ' + part:44} {t:5} {f:5} {m:5} {m / max(t, 1):7.1%} {m / max(f, 1):9.1%}")
        r_lo, r_hi, p_lo, p_hi = interval(scores)
        print(
            f"   90 % interval over texts (bootstrap, 2.000 draws): recall {r_lo:.1%}–{r_hi:.1%}, "
            f"precision {p_lo:.1%}–{p_hi:.1%}"
        )
        if part == "heldout":
            for label, batch in held_out_batches(scores):
                t, f, m = summary(batch)
                print(f"{'  ' + label:44} {t:5} {f:5} {m:5} {m / max(t, 1):7.1%} {m / max(f, 1):9.1%}")
        errors = field_errors(scores)
        if errors:
            print("   misses by field: " + "; ".join(f"{k} {n}" for k, n in errors.most_common()))
        steps = ladder(scores)
        print(
            "   matched on fewer fields (recall / precision): "
            + "; ".join(f"{label} {m / max(t, 1):.1%} / {m / max(f, 1):.1%}" for label, t, f, m in steps)
        )
        lost = sum((s.lost for s in scores), Counter())
        if lost:
            print(
                "   not found at all, what became of the number: "
                + "; ".join(f"{k} {n}" for k, n in lost.most_common())
            )
    for part in ("dev", "heldout"):
        first, second, same = agreement(part)
        if first:
            print(
                f"\ntwo readers of the {part} texts read twice agree on {same} figures on every field: "
                f"{same / first:.1%} of the first reading, {same / second:.1%} of the second"
            )
    print()
    for label, text in speed_texts():
        print(f"speed: {speed(text):.2f} MB/s on {label} ({len(text.encode('utf-8')) / 1e6:.2f} MB)")
    per_text, count, size = speed_per_text()
    print(f"speed: {per_text:.2f} MB/s on the corpus, one call per text ({count} texts, {size:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
