"""The ``ktstats`` command.

``ktstats report kon-tum`` prints the bundled Kon Tum figures grouped by
indicator, each with its period, measure, value in Vietnamese style with its
qualifier, its attainment against a plan or target where one is stated, and
the document it came from. ``ktstats audit kon-tum`` checks the stated figures
against each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ktstats import __version__
from ktstats.errors import DataError, KtstatsError
from ktstats.lang import labels

if TYPE_CHECKING:
    from pathlib import Path


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ktstats",
        description="Figures from Vietnamese provincial reports as typed, unit-aware data.",
    )
    parser.add_argument("--version", action="version", version=f"ktstats {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="print a dataset as a table per indicator")
    rep.add_argument("dataset", help="bundled dataset name (kon-tum) or a CSV file")
    rep.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="labels in Vietnamese (default) or English"
    )
    rep.add_argument("--indicator", action="append", help="only this indicator code (repeatable)")
    rep.add_argument("--quotes", action="store_true", help="print the source sentence under each figure")
    rep.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default, for reading); csv (one row per figure, the dataset columns); "
        "json (figures and the attainment table)",
    )
    rep.add_argument(
        "--plot", metavar="FILE", help="also write the attainment chart to FILE (.png, .svg or .pdf)"
    )
    aud = sub.add_parser("audit", help="check the stated figures of a dataset against each other")
    aud.add_argument("dataset", help="bundled dataset name (kon-tum) or a CSV file")
    aud.add_argument("--csv", metavar="FILE", help="also write the full audit table to FILE")
    aud.add_argument("--lang", choices=("vi", "en"), default="vi", help="Vietnamese (default) or English")
    proj = sub.add_parser("project", help="will the year reach its target? (one indicator)")
    proj.add_argument("dataset", help="bundled dataset name (kon-tum, vn-gdp) or a CSV file")
    proj.add_argument("indicator", help="indicator code, e.g. gdp_growth")
    proj.add_argument(
        "--target",
        default=None,
        help="the target as written, e.g. 'cả năm từ 6,5%% trở lên' (default: the dataset's own target for --year)",
    )
    proj.add_argument("--region", default=None, help="region code (default: the dataset's only region)")
    proj.add_argument("--year", type=int, default=None, help="year to project (default: from the target)")
    proj.add_argument("--as-of", default=None, help="use only documents published by this date (YYYY-MM-DD)")
    proj.add_argument(
        "--method",
        default="auto",
        help="auto; for flows run_rate, seasonal_share, same_period_pace or ets; "
        "for growth run_rate, last_quarter, seasonal or ets",
    )
    proj.add_argument("--level", type=float, default=0.8, help="interval coverage (default 0.8)")
    proj.add_argument(
        "--reference",
        action="append",
        default=None,
        help="a dataset lending its national path (repeatable): vn-gdp (quarter weights and errors of growth), "
        "vn-disbursement (shares of the plan disbursed by each month-end), vn-budget-revenue (shares of the "
        "revenue estimate; no better than an even pace for provinces, docs/projections.md)",
    )
    proj.add_argument("--lang", choices=("vi", "en"), default="vi", help="Vietnamese (default) or English")
    bt = sub.add_parser("backtest", help="how each projection method did in past years")
    bt.add_argument("dataset")
    bt.add_argument("indicator")
    bt.add_argument("--region", default=None)
    bt.add_argument("--cutoff", type=int, default=9, help="months of data before projecting (default 9)")
    bt.add_argument("--level", type=float, default=0.8, help="interval coverage (default 0.8)")
    bt.add_argument(
        "--reference",
        action="append",
        default=None,
        help="for a flow: a dataset lending the country's path through the year (repeatable), e.g. "
        "vn-disbursement or vn-budget-revenue",
    )
    bt.add_argument("--lang", choices=("vi", "en"), default="vi", help="Vietnamese (default) or English")
    ext = sub.add_parser("extract", help="find the figures in a report's text")
    ext.add_argument(
        "file", nargs="+", help="UTF-8 text files (.txt), one report each; their figures make one dataset"
    )
    ext.add_argument(
        "--csv", metavar="FILE", help="write the figures as a dataset CSV (read back with load_dataset)"
    )
    ext.add_argument(
        "--region", default=None, help="province of the reports (default: the one each text names most often)"
    )
    ext.add_argument("--year", type=int, default=None, help="year for period phrases without one")
    ext.add_argument(
        "--date",
        nargs="+",
        default=None,
        help="when the reports were published (YYYY-MM-DD, or YYYY-MM: its last day): one for every file, or one "
        "per file in the order given; dates their figures, so that a later report restates an earlier one",
    )
    ind = sub.add_parser("indicators", help="list the indicator catalog")
    ind.add_argument("--lang", choices=("vi", "en"), default="vi")
    return parser


def _extract(args: argparse.Namespace) -> str:
    """Every file given read as one report; their figures in one dataset (each row names its file) and the
    numbers not attached listed (by file when there are several). A file that cannot be read or extracted stops
    the run, named: no report's figures are left out unsaid."""
    from pathlib import Path

    from ktstats.data.extract import extract
    from ktstats.present.report import render_report

    paths = [Path(f) for f in args.file]
    names = [p.name for p in paths]
    if twice := sorted({n for n in names if names.count(n) > 1}):
        raise DataError(f"two files are named {twice[0]}: a figure's document is its file's name; rename one")
    several = len(paths) > 1
    dates = args.date or [None]
    if len(dates) not in (1, len(paths)):
        raise DataError(f"--date gives {len(dates)} dates for {len(paths)} files: give one, or one per file")
    datasets, unattached = [], []
    for path, date in zip(paths, dates * len(paths) if len(dates) == 1 else dates, strict=True):
        try:
            ds = extract(_read_text(path), document=path.name, region=args.region, year=args.year, date=date)
        except KtstatsError as exc:
            if several and path.name not in str(exc):
                raise DataError(f"{path.name}: {exc}") from exc
            raise
        datasets.append(ds)
        where = f"{path.name}: " if several else ""
        unattached += [
            f"  {where}{r['text'] or r['value']}: {r['reason']}" for r in ds.unattached.to_dict("records")
        ]
    ds = datasets[0].combine(*datasets[1:], name="extract") if several else datasets[0]
    if args.csv:
        ds.to_csv(args.csv)
    shown = f"{len(paths)} files" if several else names[0]
    lines = [render_report(ds, indicators=ds.indicators) if len(ds) else f"no figures found in {shown}\n"]
    if unattached:
        lines += [f"{len(unattached)} number(s) not attached to an indicator:", *unattached]
    return "\n".join(lines) + "\n"


def _read_text(path: Path) -> str:
    """A report file's text: UTF-8 (a byte-order mark is dropped); anything else a :class:`DataError` naming it."""
    if path.suffix.lower() == ".docx":
        raise DataError(
            f"{path.name}: .docx is not read (python-docx would bring lxml); save the report as UTF-8 text"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror}", file=path.name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path.name} is not UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 4]!r}); save it as UTF-8",
            file=path.name,
        ) from None


def _project_or_backtest(args: argparse.Namespace) -> str:
    from ktstats.data.dataset import load_dataset

    # (as the report does: a bundled province's history beside its seeds)
    ds = _with_history(load_dataset(args.dataset), args.dataset)
    if args.command == "project":
        from ktstats.analysis.projection import project_indicator

        p = project_indicator(  # (which region, and which year when no target is named, it finds)
            ds,
            args.indicator,
            args.target,
            region=args.region,
            year=args.year,
            as_of=args.as_of,
            method=args.method,
            level=args.level,
            reference=None if not args.reference else tuple(args.reference),
        )
        return p._describe(args.lang) + "\n"

    from ktstats.analysis.projection import backtest
    from ktstats.catalog.indicators import indicator

    region = ds.resolve_region(args.region, indicator=args.indicator)

    kind = indicator(args.indicator).kind
    if kind in ("growth", "flow"):
        # real time: each year projected as of its cutoff date from what was published then
        bt = ds.backtest(
            args.indicator,
            region=region,
            cutoff_month=args.cutoff,
            level=args.level,
            reference=None if not args.reference else tuple(args.reference),
        )
        cols = [
            "year",
            "method",
            "chosen",
            "quarters",
            "point",
            "low",
            "high",
            "probability",
            "target",
            "actual_first",
            "actual_latest",
            "covered",
            "call_right",
        ]
        table = bt.to_frame()
        table = table[table["method"] == "auto"][cols]
        if kind == "flow":  # (a flow's year to date is counted in months)
            table = table.rename(columns={"quarters": "months"})
        head = labels.word("text", "backtest_head", args.lang).format(
            months=bt.cutoff_month, level=round(100 * bt.level)
        )
        return f"{_frame_text(table, args.lang, 2)}\n\n{head}\n{_frame_text(bt.summary(), args.lang, 3)}\n"
    table = backtest(ds.series(args.indicator, region), cutoff_month=args.cutoff, level=args.level)
    done = table.dropna(subset=["error"]) if "error" in table else table
    cols = [
        c
        for c in (
            "year",
            "method",
            "point",
            "actual",
            "error",
            "low",
            "high",
            "covered",
            "probability",
            "call_right",
        )
        if c in done
    ]
    summary = done.groupby("method").agg(
        mae=("error", lambda e: float(e.abs().mean())), coverage=("covered", "mean"), years=("error", "size")
    )
    return f"{_frame_text(done[cols], args.lang, 3)}\n\n{_frame_text(summary.reset_index(), args.lang, 3)}\n"


def _frame_text(table: Any, lang: str, decimals: int) -> str:
    """A table for the terminal in ``lang``: its column names from the word table, numbers rounded
    to ``decimals`` in the language's style (decimal comma in Vietnamese), yes/no in words."""
    import math

    import pandas as pd

    from ktstats.lang.numbers import format_number
    from ktstats.present.report import text_table

    tongue: labels.Lang = "en" if lang == "en" else "vi"

    def cell(x: Any) -> str:
        if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
            return "—"
        if isinstance(x, bool) or type(x).__name__ == "bool_":
            return labels.word("bool", str(bool(x)), tongue)
        if isinstance(x, int) or type(x).__name__.startswith("int"):
            return str(x)
        if isinstance(x, float) or type(x).__name__.startswith("float"):
            return format_number(float(x), decimals, lang=tongue)
        return str(x)

    rows = [[labels.word("column", str(c), tongue) for c in table.columns]]
    rows += [[cell(x) for x in rec] for rec in table.itertuples(index=False)]
    return "\n".join(text_table(rows, indent=""))


def _report_data(ds: Any, fmt: str, wanted: Sequence[str] | None) -> str:
    """The figures as CSV, or figures and attainment as JSON (UTF-8, dates ISO, no NaN)."""
    import json

    frame = ds.to_frame()
    if wanted:
        frame = frame[frame["indicator"].isin(list(wanted))]
    if fmt == "csv":
        from ktstats.data.tables import DATASET_NUMERIC, csv_text

        return csv_text(frame, DATASET_NUMERIC)  # text cells a spreadsheet would run are escaped
    attainment = ds.attainment()
    if wanted:
        attainment = attainment[attainment["indicator"].isin(list(wanted))]

    def records(table: Any) -> list[dict[str, Any]]:
        return list(json.loads(table.to_json(orient="records", date_format="iso", force_ascii=False)))

    frame = frame.assign(document_date=frame["document_date"].dt.strftime("%Y-%m-%d"))
    payload = {
        "dataset": ds.name,
        "figures": records(frame.astype({"period_start": str, "period_end": str})),
        "attainment": records(attainment),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _write_plot(ds: Any, path: str, lang: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from ktstats.present.plotting import plot_attainment

    ax = plot_attainment(ds, lang="en" if lang == "en" else "vi")
    figure: Any = ax.figure
    try:
        figure.savefig(path, dpi=150)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot write the chart to {path}: {exc}") from exc
    finally:
        import matplotlib.pyplot as plt

        plt.close(figure)


def _with_history(ds: Any, asked: str) -> Any:
    """A bundled dataset with its bundled history beside it ("kon_tum" with "kon_tum_history"): the
    report of a province shows its figures through the years, and projects its targets from them."""
    from ktstats.catalog.bundled import bundled_datasets
    from ktstats.data.dataset import load_dataset

    name = asked.replace("-", "_")
    if name in bundled_datasets() and f"{name}_history" in bundled_datasets():
        return ds.combine(load_dataset(f"{name}_history"))
    return ds


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "report":
            from ktstats.data.dataset import load_dataset
            from ktstats.present.report import render_report

            ds = _with_history(load_dataset(args.dataset), args.dataset)
            if args.indicator:
                from ktstats.catalog.indicators import indicator

                for code in args.indicator:
                    indicator(code)
            if args.format == "table":
                text = render_report(ds, lang=args.lang, indicators=args.indicator, quotes=args.quotes)
            else:
                text = _report_data(ds, args.format, args.indicator)
            if args.plot:
                _write_plot(ds, args.plot, args.lang)
        elif args.command == "extract":
            text = _extract(args)
        elif args.command in ("project", "backtest"):
            text = _project_or_backtest(args)
        elif args.command == "audit":
            from ktstats.analysis.audit import audit
            from ktstats.data.dataset import load_dataset
            from ktstats.present.report import format_audit

            table = audit(_with_history(load_dataset(args.dataset), args.dataset))  # (as report does)
            if args.csv:
                from ktstats.data.tables import write_table

                write_table(table, args.csv, ("derived", "low", "high"), format="csv")
            text = format_audit(table, lang=args.lang)
        else:
            from ktstats.catalog.indicators import indicators

            cat = indicators()
            name = "name_vi" if args.lang == "vi" else "name_en"
            text = (
                "\n".join(
                    f"{r.code!s:45} {r.kind!s:7} {r.better!s:8} {r.unit or '-'!s:14} {getattr(r, name)}"
                    for r in cat.itertuples()
                )
                + "\n"
            )
    except KtstatsError as exc:
        print(f"ktstats: error: {exc}", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
