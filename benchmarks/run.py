"""ktstats benchmarks: ratios against raw pandas/numpy and pint-pandas, measured in one run.

Run with ``python benchmarks/run.py`` (``pip install -e ".[bench]"`` for pint-pandas).
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import contextlib
import random
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import ktstats
from ktstats import IndicatorSeries, Panel


def best(fn: Callable[[], object], number: int = 5, repeat: int = 7) -> float:
    """Best per-call time in seconds."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(name: str, ours: float, ref: float, ref_name: str, target: str) -> None:
    ratio = ours / ref
    print(
        f"{name:48} {ours * 1e3:9.3f} ms  vs {ref_name:12} {ref * 1e3:9.3f} ms  ratio {ratio:6.2f}×  ({target})"
    )


def bench_series(n: int = 1_000_000) -> None:
    print(f"\n## Series arithmetic and alignment, {n:,} points")
    idx = pd.period_range("1900-01", periods=n, freq="M")
    rng = np.random.default_rng(1)
    a_np, b_np = rng.uniform(0, 1e3, n), rng.uniform(0, 1e3, n)
    pa, pb = pd.Series(a_np, index=idx), pd.Series(b_np, index=idx.copy())
    a = IndicatorSeries(a_np, idx, unit="tỷ đồng", kind="flow", indicator="a")
    b = IndicatorSeries(b_np, idx.copy(), unit="tỷ đồng", kind="flow", indicator="b")
    bm = IndicatorSeries(b_np * 1e3, idx.copy(), unit="triệu đồng", kind="flow", indicator="b")
    row("add, same unit", best(lambda: a + b), best(lambda: pa + pb), "pandas", "target ≤ 1.3×")
    row(
        "add, unit converted (triệu → tỷ)",
        best(lambda: a + bm),
        best(lambda: pa + pb / 1e3),
        "pandas",
        "target ≤ 1.3×",
    )
    row("to('đồng')", best(lambda: a.to("dong")), best(lambda: pa * 1e9), "pandas", "target ≤ 1.3×")
    half = idx[n // 2 :]
    c = IndicatorSeries(b_np[n // 2 :], half, unit="tỷ đồng", kind="flow", indicator="c")
    pc = pd.Series(b_np[n // 2 :], index=half)
    row(
        "align (inner join) + add",
        best(lambda: (lambda x, y: x + y)(*a.align(c)), number=2),
        best(lambda: (lambda x, y: x + y)(*pa.align(pc, join="inner")), number=2),
        "pandas",
        "target ≤ 1.3×",
    )
    try:
        import pint_pandas

        pint_pandas.PintType.ureg = ktstats.ureg
        qa = pd.Series(pint_pandas.PintArray(a_np, dtype="pint[billion dong]"), index=idx)
        qb = pd.Series(pint_pandas.PintArray(b_np, dtype="pint[billion dong]"), index=idx.copy())
        qm = pd.Series(pint_pandas.PintArray(b_np * 1e3, dtype="pint[million dong]"), index=idx.copy())
        ours, theirs = best(lambda: a + b), best(lambda: qa + qb)
        row("add, same unit", ours, theirs, "pint-pandas", f"{theirs / ours:.1f}× faster; target ≥ 3×")
        ours, theirs = best(lambda: a + bm), best(lambda: qa + qm)
        row("add, unit converted", ours, theirs, "pint-pandas", f"{theirs / ours:.1f}× faster; target ≥ 3×")
    except ImportError:
        print("pint-pandas not installed: pip install -e '.[bench]' to compare")


def bench_panel(regions: int = 3300, months: int = 240) -> None:
    print(f"\n## Year-to-date ↔ period on a {regions:,} × {months} monthly panel")
    idx = pd.period_range("2005-01", periods=months, freq="M")
    data = np.random.default_rng(2).uniform(0, 100, (months, regions))
    p = Panel(data, idx, [f"r{i}" for i in range(regions)], unit="tỷ đồng", kind="flow")
    ytd = p.to_ytd()

    def np_ytd() -> np.ndarray:
        return np.cumsum(data.reshape(-1, 12, regions), axis=1).reshape(months, regions)

    ytd_np = np_ytd()

    def np_period() -> np.ndarray:
        out = ytd_np.copy()
        shaped = out.reshape(-1, 12, regions)
        shaped[:, 1:, :] -= ytd_np.reshape(-1, 12, regions)[:, :-1, :]
        return out

    row("period → ytd", best(p.to_ytd), best(np_ytd), "numpy", "target ≤ 1.5×")
    row("ytd → period", best(ytd.to_period_basis), best(np_period), "numpy", "target ≤ 1.5×")
    np.testing.assert_allclose(ytd.to_period_basis().values, data, rtol=1e-9, atol=1e-9)


PHRASES = [
    "khoảng {a} tỷ đồng",
    "gần {a} tỷ đồng",
    "trên {a} tỷ đồng",
    "từ {b}% trở lên",
    "{a} lượt khách",
    "{c} ha",
    "{c}/{a} đảng viên",
    "từ {b}% đến {b2}%",
    "ước khoảng {a} tỷ đồng",
    "{b} triệu lượt khách",
    "{c} xã",
    "không quá {b}%",
]


def _phrases(n: int, seed: int = 3) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        a = ktstats.format_number(rnd.randint(1000, 99_999_999))
        b = ktstats.format_number(round(rnd.uniform(1, 50), 2))
        b2 = ktstats.format_number(round(rnd.uniform(50, 99), 2))
        c = ktstats.format_number(rnd.randint(1, 999))
        out.append(rnd.choice(PHRASES).format(a=a, b=b, b2=b2, c=c))
    return out


def bench_growth(regions: int = 3300, months: int = 240) -> None:
    print(f"\n## Growth on a {regions:,} × {months} monthly panel")
    idx = pd.period_range("2005-01", periods=months, freq="M")
    rng = np.random.default_rng(4)
    data = rng.uniform(1, 100, (months, regions))
    rates = rng.uniform(0, 50, (months, regions))
    cols = [f"r{i}" for i in range(regions)]
    p = Panel(data, idx, cols, unit="tỷ đồng", kind="flow")
    r = Panel(rates, idx, cols, unit="%", kind="rate")
    ytd = p.to_ytd()
    ytd_np = ytd.values

    row(
        "yoy (vs same month last year)",
        best(p.yoy),
        best(lambda: (data[12:] / data[:-12] - 1) * 100),
        "numpy",
        "target ≤ 1.5×",
    )
    row(
        "yoy of year-to-date values",
        best(ytd.yoy),
        best(lambda: (ytd_np[12:] / ytd_np[:-12] - 1) * 100),
        "numpy",
        "target ≤ 1.5×",
    )
    row(
        "pp change of a rate",
        best(r.pp_change),
        best(lambda: rates[12:] - rates[:-12]),
        "numpy",
        "target ≤ 1.5×",
    )
    s = pd.Series(data[:, 0], index=idx)
    row(
        f"Series.kt.yoy, {months} months (pandas in and out)",
        best(lambda: s.kt.yoy(unit="tỷ đồng", kind="flow", basis="period"), number=50),
        best(lambda: s.pct_change(12, fill_method=None).iloc[12:] * 100, number=50),
        "pandas",
        "per-call overhead of the checks",
    )


def bench_attainment(n: int = 1_000_000) -> None:
    print(f"\n## Attainment over {n:,} values")
    actual = np.random.default_rng(6).uniform(0, 10_000, n)
    target = ktstats.parse_target("trên 6.000 tỷ đồng")

    def raw() -> tuple[np.ndarray, ...]:
        met = actual > 6000.0
        ratio = actual / 6000.0
        gap = actual - 6000.0
        required = np.where(met, 0.0, np.maximum(6000.0 - actual, 0.0))
        return met, ratio, gap, required

    row(
        "met, ratio, gap, required",
        best(lambda: ktstats.attainment(actual, target)),
        best(raw),
        "numpy",
        "vectorised",
    )
    idx = pd.period_range("1900-01", periods=n, freq="M")
    s = IndicatorSeries(actual, idx, unit="tỷ đồng", kind="flow")
    row(
        "… on an IndicatorSeries",
        best(lambda: ktstats.attainment(s, target)),
        best(raw),
        "numpy",
        "vectorised",
    )


def bench_projection(series: int = 10_000) -> None:
    print(f"\n## Batch projection of {series:,} monthly series (nine months done, two past years)")
    rng = np.random.default_rng(8)
    shape = np.array([4, 5, 6, 6, 7, 7, 8, 8, 9, 10, 12, 18], dtype=float)
    cols = [f"s{i}" for i in range(series)]
    hist_values = np.vstack([shape[:, None] * rng.uniform(0.8, 1.2, (12, series)) for _ in range(2)])
    history = Panel(
        hist_values, pd.period_range("2022-01", periods=24, freq="M"), cols, unit="tỷ đồng", kind="flow"
    )
    cur_values = shape[:9, None] * rng.uniform(0.8, 1.2, (9, series))
    current = Panel(
        cur_values, pd.period_range("2024-01", periods=9, freq="M"), cols, unit="tỷ đồng", kind="flow"
    )
    target = ktstats.parse_target("từ 90 tỷ đồng trở lên")

    def raw_run_rate() -> np.ndarray:
        ytd = cur_values.sum(axis=0)
        return ytd * 12 / 9

    def raw_share() -> np.ndarray:
        h = hist_values.reshape(2, 12, series)
        share = (h[:, :9].sum(axis=1) / h.sum(axis=1)).mean(axis=0)
        return cur_values.sum(axis=0) / share

    t_rr = best(lambda: ktstats.project_many(current, target, method="run_rate"), number=1, repeat=5)
    t_ss = best(
        lambda: ktstats.project_many(current, target, method="seasonal_share", history=history),
        number=1,
        repeat=5,
    )
    print(
        f"project_many run_rate:       {t_rr * 1e3:8.1f} ms for {series:,} series (target < 1000 ms; "
        f"raw numpy point only {best(raw_run_rate) * 1e3:.2f} ms)"
    )
    print(
        f"project_many seasonal_share: {t_ss * 1e3:8.1f} ms for {series:,} series (target < 1000 ms; "
        f"raw numpy point only {best(raw_share) * 1e3:.2f} ms)"
    )


def bench_realtime() -> None:
    """The real-time backtest of Việt Nam's GDP: 14 years × 4 methods and auto × 3 cutoffs, each
    projection rebuilt from what was published by its date (weights, errors and method choice too)."""
    print("\n## Real-time backtest of vn_gdp (14 years × 4 methods + auto × cutoffs 3, 6, 9)")
    gdp = ktstats.load_dataset("vn_gdp")
    start = time.perf_counter()
    rows = sum(len(gdp.backtest("gdp_growth", cutoff_month=c).to_frame()) for c in (3, 6, 9))
    total = time.perf_counter() - start
    print(f"{rows} projections in {total:.2f} s ({total / rows * 1e3:.1f} ms each; ETS refits dominate)")
    one = best(lambda: gdp.project("gdp_growth", year=2024, as_of="2024-10-15", method="seasonal"), 1, 3)
    print(f"one projection as of a date (seasonal, with its real-time errors): {one * 1e3:.1f} ms")


def bench_provinces() -> None:
    """Issue 13: the 34 units' projections for 2025 as of 31 October 2025 (each borrowing the national
    series' weights, method and real-time errors), and the whole example notebook."""
    print("\n## 34-unit projections (vn_provinces, as of 31/10/2025, reference vn_gdp)")
    from ktstats.catalog.regions import regions

    units = list(regions(on="2025-07-01")["code"])
    ds, ref = ktstats.load_dataset("vn_provinces"), ktstats.load_dataset("vn_gdp")
    start = time.perf_counter()
    ds.projections(year=2025, as_of="2025-10-31", reference=ref, regions=units)
    cold = time.perf_counter() - start
    warm = best(lambda: ds.projections(year=2025, as_of="2025-10-31", reference=ref, regions=units), 1, 5)
    print(
        f"first call {cold:.2f} s (the national backtest, computed once per reference dataset, and "
        f"first imports); then {warm * 1e3:.0f} ms per table (target < 200 ms)"
    )
    try:
        import nbclient
        import nbformat
    except ImportError:
        print("nbclient not installed: pip install -e '.[test]' to time the notebook")
        return
    path = Path(__file__).resolve().parents[1] / "examples" / "04_provinces_2025.ipynb"
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    print(
        f"examples/04_provinces_2025.ipynb, kernel start included: {time.perf_counter() - start:.1f} s (target < 10 s)"
    )


def bench_ets(n_series: int = 10, years: int = 5) -> None:
    print(f"\n## ETS per series: {n_series} monthly series of {years} years")
    from ktstats.analysis.projection._methods import ets_fit

    rng = np.random.default_rng(9)
    shape = np.array([4, 5, 6, 6, 7, 7, 8, 8, 9, 10, 12, 18], dtype=float)
    data = [np.tile(shape, years) * rng.uniform(0.9, 1.1, 12 * years) for _ in range(n_series)]

    def ours() -> None:
        for y in data:
            fit = ets_fit(y, 12, seasonal=True)
            fit.simulate(3, repetitions=500, anchor="end", rng=np.random.default_rng(0))

    t_ours = best(ours, number=1, repeat=3) / n_series
    try:
        from statsforecast.models import AutoETS

        def peer() -> None:
            for y in data:
                AutoETS(season_length=12).fit(y).predict(3, level=[80])

        peer()  # numba compiles on the first call; not timed
        t_peer = best(peer, number=1, repeat=3) / n_series
        row("ETS fit + forecast, per series", t_ours, t_peer, "statsforecast", "AutoETS selects among models")
    except ImportError:
        print(
            f"ETS fit + 500 simulated paths: {t_ours * 1e3:.1f} ms per series "
            "(pip install statsforecast to compare with AutoETS)"
        )


def bench_parsing() -> None:
    print("\n## Parsing")
    phrases = _phrases(50_000)
    t = best(lambda: [ktstats.parse_quantity(p) for p in phrases], number=1, repeat=3)
    print(
        f"parse_quantity: {len(phrases) / t:,.0f} phrases/s over {len(phrases):,} varied phrases (target ≥ 100,000/s)"
    )
    print("linearity (time per character as the input grows; a flat column is linear):")
    for k in (10, 100, 1000, 10_000):
        text = "khoảng 1," + "5" * (4 * k) + " tỷ đồng"
        garbage = "khoảng " + "1.0" * k + " tỷ"
        t1 = best(lambda text=text: ktstats.parse_quantity(text), number=3, repeat=3)

        def bad(g: str = garbage) -> None:
            with contextlib.suppress(ktstats.KtstatsError):
                ktstats.parse_quantity(g)

        t2 = best(bad, number=3, repeat=3)
        print(
            f"  {len(text):>7} chars: valid {t1 / len(text) * 1e9:8.1f} ns/char   malformed {t2 / len(garbage) * 1e9:8.1f} ns/char"
        )


ADVERSARIAL = [
    "1.",
    "1,",
    "khoảng ",
    "từ ",
    "9",
    "1.000",
    "quý ",
    "tháng 1/",
    "%",
    "\u0300",
    "ủy ",
    "1 - ",
    "trên 1.000 tỷ ",
    "5" * 60 + "% ",
    "75% xã ",
    "1,2.3 xã ",
    "năm 2024 ",
    "1 " + "xxxxxxxxxxxxxxx " * 12,
]


def bench_adversarial(size: int = 1_000_000) -> None:
    print(f"\n## Parsers on {size / 1e6:.0f} MB of adversarial input (seconds per MB; linear means flat)")
    parsers = [ktstats.parse_number, ktstats.parse_quantity, ktstats.parse_span, ktstats.parse_target]
    worst = (0.0, "", "")
    for pattern in ADVERSARIAL:
        text = pattern * (size // len(pattern.encode("utf-8")))
        mb = len(text.encode("utf-8")) / 1e6
        times = []
        for parse in parsers:
            start = timeit.default_timer()
            with contextlib.suppress(ktstats.KtstatsError):
                parse(text)
            per_mb = (timeit.default_timer() - start) / mb
            times.append(per_mb)
            if per_mb > worst[0]:
                worst = (per_mb, parse.__name__, pattern)
        shown = " ".join(f"{t:7.3f}" for t in times)
        print(f"  {pattern[:16]!r:20} number/quantity/span/target: {shown}")
    print(f"longest: {worst[0]:.3f} s/MB ({worst[1]} on {worst[2][:16]!r}…)")


def bench_extract_dense() -> None:
    """extract on number-dense text: "Thu ngân sách " + "5 " × n (issue 16: 120 KB took 70 s and 7,9 GB).
    Linear means the time per KB stays flat as the text grows; the peak memory is tracemalloc's."""
    import tracemalloc
    import warnings

    print("\n## extract on number-dense text (a number every two characters)")
    for n in (15_000, 30_000, 60_000):
        text = "Thu ngân sách " + "5 " * n

        def run(text: str = text) -> Any:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return ktstats.extract(text, region="kon_tum", year=2024)

        start = time.perf_counter()
        ds = run()
        took = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows Python several times
        run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        kb = len(text.encode()) / 1024
        print(
            f"{kb:7.0f} KB: {took:6.2f} s ({took / kb * 1e3:6.2f} ms/KB), peak {peak / 2**20:6.1f} MB, "
            f"{len(ds)} figures, {len(ds.unattached)} unattached rows"
        )


def bench_import() -> None:
    print("\n## Import")
    code = (
        "import sys, time; t=time.perf_counter(); import ktstats; dt=time.perf_counter()-t;"
        "heavy=[m for m in ('statsmodels','matplotlib','scipy') if m in sys.modules];"
        "print(f'{dt*1e3:.0f} ms; heavy modules loaded: {heavy or \"none\"}')"
    )
    base = "import sys, time; t=time.perf_counter(); import pandas, pint; print(f'{(time.perf_counter()-t)*1e3:.0f} ms')"
    print(
        "import ktstats:",
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip(),
    )
    print(
        "import pandas, pint (floor):",
        subprocess.run([sys.executable, "-c", base], capture_output=True, text=True).stdout.strip(),
    )


if __name__ == "__main__":
    print(
        f"ktstats {ktstats.__version__}, numpy {np.__version__}, pandas {pd.__version__}, python {sys.version.split()[0]}"
    )
    bench_series()
    bench_panel()
    bench_growth()
    bench_attainment()
    bench_projection()
    bench_realtime()
    bench_provinces()
    bench_ets()
    bench_parsing()
    bench_adversarial()
    bench_extract_dense()
    bench_import()
