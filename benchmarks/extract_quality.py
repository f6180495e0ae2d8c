"""Quality of ``ktstats.extract`` against the hand-curated Kon Tum dataset, per document.

A figure is matched when indicator, span, value, unit and measure agree. Seed 002 was held out while the
rules were written; its figures are reported separately. Run: ``python benchmarks/extract_quality.py``.
"""

from __future__ import annotations

import sys
import time

import ktstats
from ktstats.catalog.bundled import data_dir

HELD_OUT = "002_98453eef47a50471.txt"
KEY = ["indicator", "period_start", "period_end", "value", "unit", "measure"]


def keys(frame):
    out = []
    for r in frame[KEY].itertuples(index=False):
        out.append(
            (r.indicator, str(r.period_start), str(r.period_end), round(float(r.value), 6), r.unit, r.measure)
        )
    return out


def main() -> int:
    truth = ktstats.load_dataset("kon_tum").to_frame()
    total_tp = total_ext = total_true = 0
    print(f"{'document':28} {'true':>5} {'found':>5} {'match':>5} {'recall':>7} {'precision':>9}")
    for path in sorted((data_dir() / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        from ktstats.catalog.documents import documents_table

        date = documents_table().loc[path.name, "date"]
        got = ktstats.extract(text, document=path.name, date=str(date)[:7])
        elapsed = time.perf_counter() - started
        want = keys(truth[truth["document"] == path.name])
        found = keys(got.to_frame())
        remaining = list(want)
        tp = 0
        for k in found:
            if k in remaining:
                remaining.remove(k)
                tp += 1
        total_tp += tp
        total_ext += len(found)
        total_true += len(want)
        recall = tp / len(want) if want else 1.0
        precision = tp / len(found) if found else 1.0
        mark = " (held out)" if path.name == HELD_OUT else ""
        print(
            f"{path.name:28} {len(want):5} {len(found):5} {tp:5} {recall:7.1%} {precision:9.1%}{mark}"
            f"  {len(text) / elapsed / 1e6:.2f} MB/s"
        )
        if "-v" in sys.argv:
            for k in remaining:
                print("   missed:", k)
            for k in found:
                if k not in want:
                    print("   extra: ", k)
    print(
        f"{'all':28} {total_true:5} {total_ext:5} {total_tp:5} {total_tp / total_true:7.1%} "
        f"{total_tp / max(total_ext, 1):9.1%}"
    )
    big = (
        "\n".join(p.read_text(encoding="utf-8") for p in sorted((data_dir() / "sources").glob("*.txt"))) * 25
    )
    started = time.perf_counter()
    ktstats.extract(big, document="all seeds x25", year=2024)
    elapsed = time.perf_counter() - started
    print(
        f"speed: {len(big.encode('utf-8')) / elapsed / 1e6:.2f} MB/s on {len(big.encode('utf-8')) / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
