// The world map of a city's partners: countries coloured by how many of its partnerships are
// there. The shapes are world-atlas's, bundled with the page; nothing is fetched to draw it.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { el } from "../dom";
import { ALPHA2_OF_NUMERIC } from "./iso-numeric";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 760;
const HEIGHT = 400;
const NONE = "#e4e8ec";

type Country = Feature<Geometry, { name: string }>;

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = (
  feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
).features as Country[];
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], {
  type: "FeatureCollection",
  features: countries,
});
const drawPath = geoPath(projection);

/** Light to deep blue as the count grows towards the largest one. */
function shade(count: number, largest: number): string {
  if (!count) return NONE;
  const t = 0.25 + (0.75 * count) / largest;
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(205, 16)}, ${mix(225, 70)}, ${mix(244, 140)})`;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Draws the map; `counts` maps ISO alpha-2 codes to numbers of partnerships. */
export function drawWorldMap(counts: Map<string, number>, names: Map<string, string>): Element {
  const largest = Math.max(1, ...counts.values());
  const map = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "world-map" });
  for (const country of countries) {
    const code = ALPHA2_OF_NUMERIC.get(String(country.id));
    const count = (code && counts.get(code)) || 0;
    const shape = svg("path", {
      d: drawPath(country) ?? "",
      fill: shade(count, largest),
      stroke: "#fff",
      "stroke-width": "0.5",
      ...(code && { "data-country": code }),
      ...(count && { "data-partnerships": String(count) }),
    });
    const title = svg("title", {});
    title.textContent = `${(code && names.get(code)) || country.properties.name}: ${count}`;
    shape.append(title);
    map.append(shape);
  }
  return map;
}

/** The partner countries as a list, most partnerships first. */
export function countryList(counts: Map<string, number>, names: Map<string, string>): HTMLElement {
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return el(
    "ol",
    { class: "country-list" },
    ...rows.map(([code, count]) =>
      el("li", { "data-country": code }, `${names.get(code) ?? code} · ${count}`),
    ),
  );
}
