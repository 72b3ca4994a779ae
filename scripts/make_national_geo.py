"""Build the national boundary files and the national 2009 → 2021 crosswalk in geo/.

    .venv/bin/python scripts/make_national_geo.py [--source ../shared/geo] [--check]

Reads ``latvia_municipalities_2009.geojson`` and ``latvia_municipalities_2021.geojson`` from the
project's shared geo folder (see geo/SOURCES.md for their provenance) and writes into geo/:

* ``latvia_municipalities_{2009,2021}.geojson`` — the same polygons, coordinates untouched (so the
  coverage topology is exactly the source's, and every Latgale polygon is identical to the one in
  ``latgale_municipalities_*.geojson``), one feature per line without spaces; properties completed
  to what ``latgale_di.territory.boundaries`` reads: the Latgale units take every property of the curated
  Latgale files, the others get ``name_en`` / ``name_short`` / ``name_ascii`` derived by rule
  (``X Municipality``, ``X State City``, ``X (republican city)``) and the successor or predecessor
  codes from the crosswalk;
* ``crosswalk_latvia_2009_2021.csv`` — the Latgale rows copied from the curated
  ``crosswalk_2009_2021.csv``; every other 2009 unit by polygon overlay in EPSG:3059: the share of
  its area inside each 2021 unit, pieces under 1 % dropped as slivers of the 1:1 M source, the
  rest renormalised so that each old unit's shares add up to exactly 1.

Deterministic: running it twice gives the same bytes. ``--check`` exits 1 if geo/ differs from
what it would write.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from latgale_di.territory.names import _nominative  # noqa: E402  (the project's genitive → nominative rule)

GEO = ROOT / "geo"
DEFAULT_SOURCE = ROOT.parent / "shared" / "geo"
SLIVER = 0.01  # an overlay piece under 1 % of the old unit is a drawing artefact, not a transfer
CROSSWALK_COLUMNS = ("old_atvk", "old_name", "new_atvk", "new_name", "part", "area_share", "note")
OVERLAY_NOTE = "derived by polygon overlay (scripts/make_national_geo.py)"

# Genitives the rule (-as → -a, -es → -e, -u → -i) gets wrong: masculine -s nouns.
_NOMINATIVE_EXCEPTIONS = {"Tukuma": "Tukums", "Inčukalna": "Inčukalns", "Mērsraga": "Mērsrags",
                          "Ķeguma": "Ķegums", "Saldus": "Saldus", "Jaunpils": "Jaunpils"}


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _stem(name_lv: str) -> str:
    """'Siguldas novads' → 'Siguldas'; 'Rīgas valstspilsēta' → 'Rīgas'."""
    return name_lv.rsplit(" ", 1)[0] if name_lv.endswith((" novads", " valstspilsēta")) else name_lv


def _english(props: dict) -> str:
    stem = _stem(props["name_lv"])
    if props["kind"] == "novads":
        return f"{_NOMINATIVE_EXCEPTIONS.get(stem) or _nominative(stem)} Municipality"
    if props["kind"] == "state city":
        return f"{props.get('name_short') or _nominative(stem)} State City"
    return f"{props['name_lv']} (republican city)"


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _feature_collection_text(fc: dict) -> str:
    head = {k: v for k, v in fc.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in fc["features"]]
    opening = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    return opening + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


def crosswalk_rows(source: Path) -> list[dict]:
    """The national crosswalk: curated Latgale rows, overlay rows for the rest, by old ATVK order."""
    import geopandas

    with open(GEO / "crosswalk_2009_2021.csv", encoding="utf-8", newline="") as fh:
        curated = list(csv.DictReader(fh))
    latgale_old = {r["old_atvk"] for r in curated}
    old = geopandas.read_file(source / "latvia_municipalities_2009.geojson").to_crs(3059)
    new = geopandas.read_file(source / "latvia_municipalities_2021.geojson").to_crs(3059)
    new_names = dict(zip(new["atvk"], new["name_lv"]))
    rows = list(curated)
    for o in old.itertuples():
        if o.atvk in latgale_old:
            continue
        hits = new[new.intersects(o.geometry)]
        shares = {n.atvk: o.geometry.intersection(n.geometry).area / o.geometry.area for n in hits.itertuples()}
        kept = {a: s for a, s in shares.items() if s >= SLIVER}
        if not kept:  # cannot happen with a coverage of the same country; fail loudly if it does
            raise RuntimeError(f"{o.atvk} {o.name_lv}: no 2021 unit overlaps it")
        total = sum(kept.values())
        rounded = {a: round(s / total, 3) for a, s in kept.items()}
        biggest = max(rounded, key=lambda a: (rounded[a], a))
        rounded[biggest] = round(1 - sum(v for a, v in rounded.items() if a != biggest), 3)
        for a in sorted(rounded, key=lambda a: (-rounded[a], a)):
            whole = len(rounded) == 1
            share = "1.0" if whole else f"{rounded[a]:g}"
            rows.append({"old_atvk": o.atvk, "old_name": o.name_lv, "new_atvk": a, "new_name": new_names[a],
                         "part": "whole" if whole else "area share", "area_share": share, "note": OVERLAY_NOTE})
    return rows


def _crosswalk_text(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CROSSWALK_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def national(source: Path, vintage: str, rows: list[dict]) -> dict:
    """The national FeatureCollection of ``vintage`` with completed properties."""
    fc = _read(source / f"latvia_municipalities_{vintage}.geojson")
    curated = {f["properties"]["atvk"]: f for f in _read(GEO / f"latgale_municipalities_{vintage}.geojson")["features"]}
    links: dict[str, list[str]] = {}
    for r in rows:
        a, b = (r["old_atvk"], r["new_atvk"]) if vintage == "2009" else (r["new_atvk"], r["old_atvk"])
        links.setdefault(a, []).append(b)
    link_key = "atvk_2021" if vintage == "2009" else "atvk_2009"
    features = []
    for f in fc["features"]:
        p = dict(f["properties"])
        atvk = p["atvk"]
        if atvk in curated:
            if curated[atvk]["geometry"] != f["geometry"]:
                raise RuntimeError(f"{atvk}: the national polygon differs from the curated Latgale one")
            props = {**curated[atvk]["properties"], "in_latgale_planning_region": True,
                     "area_km2_geom": p["area_km2_geom"]}
        else:
            short = p.get("name_short") or (p["name_lv"] if p["kind"] != "state city" else _stem(p["name_lv"]))
            props = {"atvk": atvk, "name_lv": p["name_lv"], "name_short": short, "name_en": _english(p),
                     "kind": p["kind"], "name_ascii": _ascii(p["name_lv"]),
                     link_key: ";".join(sorted(dict.fromkeys(links.get(atvk, [])))),
                     "in_latgale_planning_region": False, "boundary_note": p.get("boundary_note", ""),
                     "area_km2_geom": p["area_km2_geom"]}
            if "nuts3_2021" in p:
                props["nuts3_2021"] = p["nuts3_2021"]
        features.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    return {**{k: v for k, v in fc.items() if k != "features"}, "features": features}


def outputs(source: Path) -> dict[str, str]:
    """File name in geo/ → its text."""
    rows = crosswalk_rows(source)
    out = {"crosswalk_latvia_2009_2021.csv": _crosswalk_text(rows)}
    for vintage in ("2009", "2021"):
        out[f"latvia_municipalities_{vintage}.geojson"] = _feature_collection_text(national(source, vintage, rows))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder with the national GeoJSON files")
    parser.add_argument("--check", action="store_true", help="exit 1 if geo/ differs from what would be written")
    args = parser.parse_args(argv)
    differ = []
    for name, text in outputs(args.source).items():
        target = GEO / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote geo/{name} ({len(text.encode()):,} bytes)")
    if differ:
        print("differs from what the script writes: " + ", ".join(differ))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
