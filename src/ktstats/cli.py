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

from . import __version__
from .errors import DataError, KtstatsError


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
    aud = sub.add_parser("audit", help="check the stated figures of a dataset against each other")
    aud.add_argument("dataset", help="bundled dataset name (kon-tum) or a CSV file")
    aud.add_argument("--csv", metavar="FILE", help="also write the full audit table to FILE")
    ind = sub.add_parser("indicators", help="list the indicator catalog")
    ind.add_argument("--lang", choices=("vi", "en"), default="vi")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "report":
            from .observations import load_dataset
            from .report import render_report

            ds = load_dataset(args.dataset)
            if args.indicator:
                from .indicators import indicator

                for code in args.indicator:
                    indicator(code)
            text = render_report(ds, lang=args.lang, indicators=args.indicator, quotes=args.quotes)
        elif args.command == "audit":
            from .audit import audit, format_audit
            from .observations import load_dataset

            table = audit(load_dataset(args.dataset))
            if args.csv:
                try:
                    table.to_csv(args.csv, index=False, encoding="utf-8")
                except OSError as exc:
                    raise DataError(f"cannot write {args.csv}: {exc}") from exc
            text = format_audit(table)
        else:
            from .indicators import indicators

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
