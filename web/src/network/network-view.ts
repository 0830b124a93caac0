// The relationship network of a city found by any of its names, and the world map of its
// partners. Clicking a node draws that record's own links around it too.
import { explain, HubApi } from "../api";
import { byId, el, show } from "../dom";
import { EDGE_KIND, label, NODE_TYPE } from "../labels";
import { countryList, drawWorldMap } from "../map/world-map";
import { CityHit, searchCities } from "./city-search";
import { EDGE_COLOURS, NetworkEdge, NetworkGraph, NetworkNode, NODE_COLOURS } from "./graph";

const NETWORK = `query($centerId: ID!, $depth: Int) {
  network(centerId: $centerId, depth: $depth, limit: 150) {
    nodes { id type label }
    edges { source target kind weight }
  }
}`;

const PARTNER_COUNTRIES = `query($filter: PartnershipFilter) {
  partnershipStats(groupBy: [COUNTRY], filter: $filter) { key count }
  countries(first: 500) { nodes { code nameZh } }
}`;

type Network = { nodes: NetworkNode[]; edges: NetworkEdge[] };

export class NetworkView {
  private readonly graph: NetworkGraph;
  private readonly message = byId("network-message");

  constructor(private readonly api: HubApi) {
    this.graph = new NetworkGraph(byId("graph"), (node) => void this.expand(node));
    byId("network-legend").append(
      legend(NODE_COLOURS, NODE_TYPE, "node"),
      legend(EDGE_COLOURS, EDGE_KIND, "edge"),
    );
    // Until a city is searched the graph is empty: say what it will show.
    show(
      this.message,
      "搜索一个城市（如 鹤城、南昌、Fuqing），查看它的友好城市、来访出访团组、侨领和投资意向 · " +
        "search a city to draw its sister cities, delegations, people and investments",
    );
    byId<HTMLFormElement>("network-search").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.search(byId<HTMLInputElement>("city-search").value.trim());
    });
  }

  /** Call when the view is shown: what was drawn while it was hidden is fitted to it. */
  shown(): void {
    this.graph.refit();
  }

  get drawn(): ReturnType<NetworkGraph["describe"]> {
    return this.graph.describe();
  }

  /** Draws the best match at once, and lists the others to pick from. */
  async search(text: string): Promise<void> {
    if (!text) return;
    const hits = await this.attempt(() => searchCities(this.api, text));
    if (!hits) return;
    show(
      byId("search-hits"),
      ...hits.map((hit) =>
        el(
          "li",
          {},
          hitButton(hit, () => void this.open(hit)),
        ),
      ),
    );
    if (hits.length) await this.open(hits[0]);
    else show(this.message, `没有找到 nothing found for “${text}”`);
  }

  async open(city: CityHit): Promise<void> {
    show(this.message);
    const container = byId("graph");
    const network = await this.attempt(() =>
      this.api.query<{ network: Network }>(NETWORK, { centerId: city.id, depth: 2 }),
    );
    if (network) {
      this.graph.draw(city.id, network.network.nodes, network.network.edges);
      container.dataset.centerId = city.id;
      container.dataset.centerLabel = city.nameZh;
      byId("network-title").textContent = `${city.nameZh} ${city.nameEn} · ${city.country.nameZh}`;
    }
    await this.drawPartners(city);
  }

  private async expand(node: NetworkNode): Promise<void> {
    const network = await this.attempt(() =>
      this.api.query<{ network: Network }>(NETWORK, { centerId: node.id, depth: 1 }),
    );
    if (network) this.graph.expand(network.network.nodes, network.network.edges);
  }

  private async drawPartners(city: CityHit): Promise<void> {
    const filter =
      city.country.code === "CN" ? { homeCityId: city.id } : { partnerCityId: city.id };
    const answer = await this.attempt(() =>
      this.api.query<{
        partnershipStats: { key: string[]; count: number }[];
        countries: { nodes: { code: string; nameZh: string }[] };
      }>(PARTNER_COUNTRIES, { filter }),
    );
    if (!answer) return;
    const counts = new Map(answer.partnershipStats.map((stat) => [stat.key[0], stat.count]));
    const names = new Map(answer.countries.nodes.map((country) => [country.code, country.nameZh]));
    show(byId("world"), drawWorldMap(counts, names), countryList(counts, names));
  }

  /** Runs a request; a refusal is said on the page rather than thrown. */
  private async attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      show(this.message, explain(error, "关系网络 the network ", "analyst"));
      return undefined;
    }
  }
}

function hitButton(hit: CityHit, open: () => void): HTMLButtonElement {
  const button = el(
    "button",
    { type: "button", "data-city": hit.id },
    `${hit.nameZh} ${hit.nameEn}`,
    hit.aliases.length ? el("small", {}, ` (${hit.aliases.join("、")})`) : null,
    el("small", {}, ` · ${hit.country.nameZh}`),
  );
  button.addEventListener("click", open);
  return button;
}

function legend(
  colours: Record<string, string>,
  words: Record<string, string>,
  kind: "node" | "edge",
): HTMLElement {
  return el(
    "ul",
    { class: `legend ${kind}` },
    ...Object.entries(colours).map(([name, colour]) =>
      el(
        "li",
        {},
        el("span", { class: "swatch", style: `background:${colour}` }),
        label(words, name),
      ),
    ),
  );
}
