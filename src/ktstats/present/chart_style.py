"""What every chart of ktstats shares: the font, the colours, the number format and the source line.

Charts draw inside :func:`styled` (DejaVu Sans, which matplotlib ships and which has every Vietnamese
glyph, set with ``rc_context`` so the user's settings stay as they were); numbers on the axes are written
in the chart's language (1.500,5 / 1,500.5); :func:`source_line` puts "Nguồn: …" under the chart inside
the figure's layout, so ``savefig(bbox_inches="tight")`` and Jupyter keep it.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from ktstats.errors import DataError
from ktstats.lang.numbers import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["BASE", "HIGHLIGHT", "new_axes", "pyplot", "region_name", "source_line", "styled", "vn_formatter"]

Lang = Literal["vi", "en"]
HIGHLIGHT = "#c0392b"
BASE = "#7f8c8d"
_SOURCE = {"vi": "Nguồn", "en": "Source"}

#: the charts' style, applied with matplotlib.rc_context around each chart (never to the user's
#: global rcParams): DejaVu Sans ships with matplotlib and has every Vietnamese glyph
FONT = "DejaVu Sans"

F = TypeVar("F", bound=Callable[..., Any])


def styled(fn: F) -> F:
    """Draw inside ``matplotlib.rc_context``; the user's settings are left as they were."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import matplotlib

        with matplotlib.rc_context({"font.family": FONT}):
            return fn(*args, **kwargs)

    return cast(F, wrapper)


def pyplot() -> Any:
    import matplotlib.pyplot as plt

    return plt


def new_axes(ax: Axes | None, size: tuple[float, float] = (7.5, 4.2)) -> Axes:
    if ax is not None:
        return ax
    plt = pyplot()
    # the source line is the figure's supxlabel: the constrained layout makes room for it
    fig = plt.figure(figsize=size, layout="constrained")
    return fig.add_subplot()  # type: ignore[no-any-return]


def vn_formatter(lang: Lang = "vi") -> Any:
    """Tick labels in the chart's language: 1.500,5 in Vietnamese, 1,500.5 in English."""
    from matplotlib.ticker import FuncFormatter

    if lang == "en":
        return FuncFormatter(lambda x, _pos: f"{round(float(x), 6):,.6g}")
    return FuncFormatter(lambda x, _pos: format_number(round(float(x), 6)))


def source_line(ax: Axes, documents: list[str], lang: Lang, *, source: str | None = None) -> None:
    """ "Nguồn: …" under the chart as the figure's supxlabel, which the constrained layout makes room for and
    ``savefig(bbox_inches="tight")`` keeps; ``source`` is written as given, else the documents are named."""
    parts = [source.strip()] if source is not None and source.strip() else []
    if source is None and documents:
        from ktstats.catalog.documents import document_source

        parts = [document_source(d) for d in dict.fromkeys(documents)]
    if not parts:
        return
    figure: Any = ax.figure
    lines = textwrap.wrap(f"{_SOURCE[lang]}: " + "; ".join(parts), max(60, int(figure.get_figwidth() * 17)))
    text = "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")
    style: dict[str, Any] = {"fontsize": 7, "color": "#555555", "ha": "left", "va": "bottom"}
    own = getattr(figure, "_supxlabel", None)
    if own is None or own.get_gid() == "ktstats-source":
        figure.supxlabel(text, x=0.01, **style).set_gid("ktstats-source")
    else:  # the user's own supxlabel stays; the source line goes below the axes, still in the layout
        figure.text(0.01, 0.0, text, in_layout=True, **style)


def region_name(code: str, lang: Lang) -> str:
    from ktstats.catalog.regions import region

    try:
        r = region(code)
    except DataError:
        return code
    return r.name_vi if lang == "vi" else r.name_ascii
