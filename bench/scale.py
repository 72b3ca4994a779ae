"""The scale measurement's pure-Python half: indicator computation for a filter change on the
national synthetic dataset (``LATGALE_DI_EXTENT=latvia``), run in a fresh interpreter.

    LATGALE_DI_EXTENT=latvia python -m bench.scale DATA_DIR [--repeats 20]

What a filter change computes on the server, as the Map page does it: the indicator table of the
vintage is computed once per data version and cached (``components/data.indicator_table``), so a
change costs the selection of its rows and the map's content (classes, each unit's figure and
tooltip, the sites): ``latgale_di.render.map_content.build``. Timed over ``repeats`` changes that alternate
year, target group and service (median reported). The one-off costs (loading the dataset, the
privacy rule, the table) are reported beside it. Both vintages: the 119 pre-2021 units, which
the Map page shows by default, and the 43 current ones. Prints one JSON line (a list).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace

VINTAGES = ("2009", "2021")  # 119 pre-2021 units (the default boundaries), then the 43 current ones


def measure(folder: str, repeats: int = 20, vintages: tuple[str, ...] = VINTAGES) -> list[dict]:
    """One record per vintage: its units, its indicator table's rows and time, and ``repeats``
    filter changes (ms). The dataset's load and privacy rule are paid once and reported in each."""
    from latgale_di.analysis import indicators
    from latgale_di.analysis.state import ViewState
    from latgale_di.confidentiality import privacy
    from latgale_di.render import map_content
    from latgale_di.store import dataset
    from latgale_di.territory import boundaries

    started = time.perf_counter()
    data = dataset.load(folder)
    loaded = time.perf_counter()
    data = replace(data, observations=privacy.suppress(data.observations, privacy.threshold()))
    suppressed = time.perf_counter()
    years = data.years()
    out = []
    for vintage in vintages:
        t = time.perf_counter()
        table = indicators.compute(data, vintage=vintage)
        table_ms = (time.perf_counter() - t) * 1000
        views = [ViewState(indicator=ind, year=year, vintage=vintage, target_group=group, service=service)
                 for ind, year, group, service in (
                     ("places_per_10k", years[-2], "adults_grt", "group_apartments"),
                     ("places_per_10k", years[-1], "adults_grt", "group_apartments"),
                     ("occupancy_rate", years[-1], "children_ft", "day_care_centre"),
                     ("shortfall", years[-1], "all", "any"))]
        map_content.build(data, table, views[0])  # first use: imports and per-vintage geometry
        times = []
        for i in range(repeats):
            t = time.perf_counter()
            content = map_content.build(data, table, views[i % len(views)])
            times.append((time.perf_counter() - t) * 1000)
        out.append({"vintage": vintage, "units": len(boundaries.units(vintage)), "table_rows": len(table),
                    "views": len(content.views), "load_ms": round((loaded - started) * 1000, 1),
                    "suppress_ms": round((suppressed - loaded) * 1000, 1), "table_ms": round(table_ms, 1),
                    "filter_change_ms": [round(t, 2) for t in times]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(measure(args.data, args.repeats)))


if __name__ == "__main__":
    main()
