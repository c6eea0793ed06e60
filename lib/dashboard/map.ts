// The 34 provinces (prisma/data/vn_provinces_34.geojson) projected once into SVG paths; pages
// only colour them. Rendered on the server, no map library in the browser.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import simplify from "simplify-js";

export interface MapRegion {
  code: string;
  name: string;
  d: string;
}
export interface ProvinceMap {
  width: number;
  height: number;
  regions: MapRegion[];
}

type Feature = { type: "Feature"; properties: { code: string; name: string }; geometry: { type: "Polygon" | "MultiPolygon"; coordinates: number[][][] | number[][][][] } };

/** d3-geo wants exterior rings clockwise; GeoJSON (RFC 7946) writes them counter-clockwise. */
function rewind(f: Feature): Feature {
  if (geoArea(f as unknown as GeoPermissibleObjects) <= 2 * Math.PI) return f;
  const rev = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  const coordinates = f.geometry.type === "Polygon" ? rev(f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][]).map(rev);
  return { ...f, geometry: { ...f.geometry, coordinates } as Feature["geometry"] };
}

let cached: ProvinceMap | undefined;

export function provinceMap(): ProvinceMap {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), "prisma/data/vn_provinces_34.geojson"), "utf8")) as { features: Feature[] };
  const features = raw.features.map(rewind);
  const width = 360;
  const collection = { type: "FeatureCollection", features } as unknown as GeoPermissibleObjects;
  const projection = geoMercator().fitWidth(width, collection);
  const height = Math.ceil(geoPath(projection).bounds(collection)[1][1]) + 1;
  // project each ring, then drop points closer than half a pixel: a 160 KB map becomes ~30 KB
  const ringPath = (ring: number[][]) => {
    const pts = simplify(ring.map((p) => { const [x, y] = projection(p as [number, number])!; return { x, y }; }), 0.5, true);
    return pts.length < 3 ? "" : `M${pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join("L")}Z`;
  };
  const polygons = (f: Feature) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][]));
  cached = {
    width,
    height,
    regions: features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      d: polygons(f).flatMap((poly) => poly.map(ringPath)).join(""),
    })),
  };
  return cached;
}
