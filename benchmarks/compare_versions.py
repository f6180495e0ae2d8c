"""Versions of ``ktstats.extract`` compared on the same blind texts, with paired intervals.

One held-out batch of ~20 texts gives an interval 20–30 points wide (``extract_quality.py`` prints it), so
one batch cannot say whether a version's rules transfer. This pools every batch of the corpus that was found
after all the versions compared were frozen (``--batches``: the annotators' prefixes of ``texts.csv``, e.g.
``helper-h13 helper-h14``) and compares the versions **paired**: the same texts are drawn again (a percentile
bootstrap over texts) for every version at once, so the interval of a difference is much narrower than those of
the levels. Each version is a git commit, checked out in a temporary worktree and scored in a process of its
own against *this* checkout's corpus and benchmark. Only totals are printed.

Run: ``python benchmarks/compare_versions.py 00e3dc1 014ff8c HEAD --batches helper-h13 helper-h14``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: run inside each version's process: per-text counts of the chosen batches, as JSON on stdout
_SCORE = """
import json, sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
sys.path.insert(0, sys.argv[1])
import extract_quality as q
import pandas as pd
q.corpus_dir = lambda: Path(sys.argv[2])
texts = pd.read_csv(Path(sys.argv[2]) / "texts.csv", dtype=str, keep_default_na=False).set_index("id")
prefixes = tuple(sys.argv[3:])
out = {}
for part in ("dev", "heldout", "reserve"):
    for s in q.score_part(part):
        if texts.loc[s.document, "annotator"].startswith(prefixes):
            out[s.document] = (s.expected, s.found, s.matched)
print(json.dumps(out))
"""


def score(commit: str, batches: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per-text (expected, found, matched) of ``commit``'s extract on the texts of ``batches``."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), commit],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            done = subprocess.run(
                [sys.executable, "-c", _SCORE, str(HERE), str(ROOT / "datasets" / "corpus"), *batches],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    return {k: tuple(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}


def compare(
    counts: dict[str, dict[str, tuple[int, int, int]]], draws: int = 4000, seed: int = 0
) -> list[tuple[str, float, float, float, float, float, float]]:
    """For each version: (name, recall, precision, recall low/high and precision low/high of its difference
    from the first version) — 90 % paired percentile intervals over texts."""
    names = list(counts)
    docs = sorted(set.intersection(*(set(c) for c in counts.values())))
    pick = np.random.default_rng(seed).integers(0, len(docs), size=(draws, len(docs)))
    arrays = {n: np.array([counts[n][d] for d in docs], dtype=float) for n in names}

    def rates(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        t, f, m = (a[:, i][pick].sum(axis=1) for i in range(3))
        return m / np.maximum(t, 1), m / np.maximum(f, 1)

    r0, p0 = rates(arrays[names[0]])
    out = []
    for n in names:
        a = arrays[n]
        r, p = rates(a)
        out.append(
            (
                n,
                a[:, 2].sum() / a[:, 0].sum(),
                a[:, 2].sum() / a[:, 1].sum(),
                *np.percentile(r - r0, [5, 95]),
                *np.percentile(p - p0, [5, 95]),
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commits", nargs="+", help="versions to compare (the first is the baseline)")
    parser.add_argument("--batches", nargs="+", required=True, help="annotator prefixes of the blind batches")
    args = parser.parse_args(argv)
    counts = {c: score(c, args.batches) for c in args.commits}
    texts = len(next(iter(counts.values())))
    figures = sum(v[0] for v in next(iter(counts.values())).values())
    print(f"{texts} texts, {figures} figures of {', '.join(args.batches)}")
    for name, recall, precision, r_lo, r_hi, p_lo, p_hi in compare(counts):
        print(
            f"{name:>12}: recall {recall:.1%} precision {precision:.1%}; against {args.commits[0]}: "
            f"recall {100 * r_lo:+.1f}..{100 * r_hi:+.1f} points, precision {100 * p_lo:+.1f}..{100 * p_hi:+.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
