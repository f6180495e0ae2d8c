"""The layout is the architecture: layers, delegations, a light top level, the graph in the docs."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import ktstats

SRC = Path(ktstats.__file__).resolve().parent
DOCS = Path(__file__).resolve().parents[1] / "docs"
LAYERS = ("errors", "lang", "catalog", "data", "analysis", "present")


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path) -> list[tuple[str, ast.AST, list[ast.AST]]]:
    """(module imported, the import node, its enclosing function/class chain) for every ktstats import
    that runs (imports under ``if TYPE_CHECKING:`` are for annotations and never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, ast.AST, list[ast.AST]]] = []

    def visit(node: ast.AST, chain: list[ast.AST]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and getattr(child.test, "id", None) == "TYPE_CHECKING":
                continue  # annotations only: no import at run time
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("ktstats"):
                found.append((child.module, child, chain))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child, chain) for a in child.names if a.name.startswith("ktstats"))
            nested = [*chain, child] if isinstance(child, (ast.FunctionDef, ast.ClassDef)) else chain
            visit(child, nested)

    visit(tree, [])
    return found


def test_no_layer_imports_a_later_one_except_the_listed_delegations():
    order = {name: i for i, name in enumerate(LAYERS)}
    delegations = []
    for module, path in _modules().items():
        mine = _layer(module)
        if mine is None:
            continue
        for imported, _node, chain in _imports(path):
            theirs = _layer(imported)
            if theirs is None or order[theirs] <= order[mine]:
                continue
            assert chain and isinstance(chain[-1], ast.FunctionDef), (
                f"{module} imports {imported} at module level: a layer may not import a later one"
            )
            func = chain[-1]
            body = [
                s for s in func.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
            ]
            # a delegation: the import(s), then one return of the analysis function's result
            assert all(isinstance(s, ast.ImportFrom) for s in body[:-1]) and isinstance(
                body[-1], ast.Return
            ), f"{module}.{func.name} imports {imported} but is more than a delegation"
            delegations.append((module, imported, func.name))
    # the pairs are exactly the ignore_imports of the import-linter contract (pyproject.toml)
    assert sorted({(m, i) for m, i, _ in delegations}) == [
        ("ktstats.data.dataset", "ktstats.analysis.attainment"),
        ("ktstats.data.dataset", "ktstats.analysis.audit"),
        ("ktstats.data.dataset", "ktstats.analysis.projection"),
        ("ktstats.data.typed", "ktstats.analysis.growth"),
    ]
    assert sorted(f for _, _, f in delegations) == [
        "attainment",
        "audit",
        "backtest",
        "cagr",
        "pp_change",
        "project",
        "projections",
        "unit_targets",
        "yoy",
        "yoy_index",
    ]


def test_no_private_name_is_imported_from_another_module():
    crossing = []
    for module, path in _modules().items():
        for imported, node, _ in _imports(path):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")]
                if private and imported != module:
                    crossing.append(f"{module}: {imported}.{','.join(private)}")
    assert crossing == []


def test_importing_the_data_layer_loads_no_analysis_or_presentation():
    code = (
        "import sys, ktstats.data.dataset, ktstats.data.series, ktstats.data.io;"
        "bad = sorted(m for m in sys.modules if m.startswith(('ktstats.analysis', 'ktstats.present.plotting',"
        " 'ktstats.present.report', 'ktstats.present.cli')));"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_the_top_level_is_small_and_lazy():
    assert len([n for n in ktstats.__all__ if n != "__version__"]) <= 40
    assert sorted(dir(ktstats)) == sorted(ktstats.__all__)
    code = "import sys, ktstats; print(sorted(m for m in sys.modules if m.startswith('ktstats')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert eval(out) == ["ktstats", "ktstats.errors", "ktstats.present", "ktstats.present.accessors"]
    for name in ktstats.__all__:
        assert getattr(ktstats, name) is not None
    # every file is at most 700 lines
    long = {
        p.name: n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700
    }
    assert long == {}


def test_moved_names_still_resolve_with_a_warning():
    with pytest.warns(DeprecationWarning, match=r"ktstats.cagr moved to ktstats.analysis.growth.cagr"):
        cagr = ktstats.cagr  # type: ignore[attr-defined]
    assert round(cagr(100.0, 121.0, 2), 6) == 10.0
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        ktstats.nonsense  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.skipif(importlib.util.find_spec("grimp") is None, reason="grimp comes with import-linter")
def test_the_architecture_page_shows_the_real_import_graph():
    sys.path.insert(0, str(DOCS))
    try:
        import make_architecture
    finally:
        sys.path.remove(str(DOCS))
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    assert make_architecture.page_with_graph(page) == page, "run: python docs/make_architecture.py"
    assert "| `ktstats.data.dataset` |" in page and "`analysis.attainment`" in page
