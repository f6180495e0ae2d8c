"""Draw the charts shown in docs/plots.md from the bundled data.

Run ``python docs/make_images.py`` after changing plotting.py; the test suite
checks that every image the docs reference exists.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ktstats

OUT = Path(__file__).resolve().parent / "images"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    tn = ktstats.load_dataset("tay_nguyen")
    kt = ktstats.load_dataset("kon_tum")
    gdp = ktstats.load_dataset("vn_gdp")
    charts = {
        "regional_grdp_2023h1.png": lambda: ktstats.plot_regional(tn, "grdp_growth", "6 tháng đầu năm 2023", highlight="Kon Tum"),
        "regional_grdp_2023h1_en.png": lambda: ktstats.plot_regional(
            tn, "grdp_growth", "6 tháng đầu năm 2023", lang="en"
        ),
        "attainment_kon_tum.png": lambda: ktstats.plot_attainment(kt),
        "projection_gdp_2023.png": lambda: ktstats.plot_projection(
            gdp.series("gdp_growth", "viet_nam", freq="Q", basis="period", as_of="2023-10-15"),
            gdp.project("gdp_growth", year=2023, as_of="2023-10-15"),
        ),
        "growth_gdp.png": lambda: ktstats.plot_growth(gdp.series("gdp_growth", "viet_nam", freq="Y")),
    }
    for name, draw in charts.items():
        ax = draw()
        ax.figure.savefig(OUT / name, dpi=110)
        print(OUT / name)


if __name__ == "__main__":
    main()
