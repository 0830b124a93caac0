// The world map of a city's (or all cities') exchanges: countries coloured by the year's visits
// to and from them, its partners' countries outlined. The shapes are world-atlas's, bundled with
// the page; nothing is fetched to draw it.
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
const PARTNER_OUTLINE = "#d98c1f";

/** Per country (ISO alpha-2): the year's visits (批) and the partnerships there. */
export interface Exchanges {
  visits: Map<string, number>;
  partnerships: Map<string, number>;
}

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

/** Draws the map: partner countries are drawn last, so that their outline shows whole. */
export function drawWorldMap(
  { visits, partnerships }: Exchanges,
  names: Map<string, string>,
): Element {
  const largest = Math.max(1, ...visits.values());
  const map = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "world-map" });
  const shapes = countries.map((country) => {
    const code = ALPHA2_OF_NUMERIC.get(String(country.id));
    const count = (code && visits.get(code)) || 0;
    const partners = (code && partnerships.get(code)) || 0;
    const shape = svg("path", {
      d: drawPath(country) ?? "",
      fill: shade(count, largest),
      stroke: partners ? PARTNER_OUTLINE : "#fff",
      "stroke-width": partners ? "1.5" : "0.5",
      ...(code && { "data-country": code }),
      ...(count && { "data-visits": String(count) }),
      ...(partners && { "data-partnerships": String(partners) }),
    });
    const title = svg("title", {});
    title.textContent = `${(code && names.get(code)) || country.properties.name}: ${describe(count, partners)}`;
    shape.append(title);
    return shape;
  });
  map.append(...shapes.filter((shape) => !shape.dataset.partnerships));
  map.append(...shapes.filter((shape) => shape.dataset.partnerships));
  return map;
}

function describe(visits: number, partnerships: number): string {
  return (
    [visits ? `来访出访 ${visits} 批` : "", partnerships ? `友城 ${partnerships}` : ""]
      .filter(Boolean)
      .join(" · ") || "—"
  );
}

/** The countries as a list, most visits first, then most partnerships. */
export function countryList(
  { visits, partnerships }: Exchanges,
  names: Map<string, string>,
): HTMLElement {
  const codes = [...new Set([...visits.keys(), ...partnerships.keys()])];
  const rows = codes
    .map((code) => ({ code, visits: visits.get(code) ?? 0, partners: partnerships.get(code) ?? 0 }))
    .sort((a, b) => b.visits - a.visits || b.partners - a.partners);
  return el(
    "ol",
    { class: "country-list" },
    ...rows.map((row) =>
      el(
        "li",
        { "data-country": row.code },
        `${names.get(row.code) ?? row.code} · ${describe(row.visits, row.partners)}`,
      ),
    ),
  );
}
