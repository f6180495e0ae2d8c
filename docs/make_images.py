"""Draw the charts shown in docs/plots.md from the bundled data.

Run ``python docs/make_images.py`` after changing plotting.py; the test suite
checks that every image the docs reference exists.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd

import ktstats

OUT = Path(__file__).resolve().parent / "images"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    tn = ktstats.load_dataset("tay_nguyen")
    kt = ktstats.load_dataset("kon_tum")
    gdp = ktstats.load_dataset("vn_gdp")
    charts = {
        "regional_grdp_2023h1.png": lambda: ktstats.plot_regional(
            tn, "grdp_growth", "6 tháng đầu năm 2023", highlight="Kon Tum"
        ),
        "regional_grdp_2023h1_en.png": lambda: ktstats.plot_regional(
            tn, "grdp_growth", "6 tháng đầu năm 2023", lang="en"
        ),
        "regional_budget_2023m9.png": lambda: ktstats.plot_regional(
            tn, "state_budget_revenue", "9 tháng năm 2023"
        ),
        "regional_own_data.png": lambda: ktstats.plot_regional(
            pd.DataFrame({"Kontum": [12.5], "Gia Lai": [-3.2], "Đắk Lắk": [7.0]}, index=["2024"]),
            "Chỉ số sản xuất công nghiệp",
            "năm 2024",
            unit="%",
            source="Cục Thống kê các tỉnh",
            regions=["Kon Tum", "Gia Lai", "Đắk Lắk", "Lâm Đồng"],
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
        # as Jupyter shows it: bbox_inches="tight" keeps the source line, which is part of the layout
        ax.figure.savefig(OUT / name, dpi=110, bbox_inches="tight")
        print(OUT / name)


if __name__ == "__main__":
    main()
