// The relationship network of the city picked in the header (or of a city searched by any of its
// names), and the world map of the picked city's exchanges. Both follow the year: visits of other
// years are left out of the network, with whatever only they linked to, and the map counts the
// year's visits. The network is drawn a few dozen nodes at a time, nearest first; "显示更多"
// draws more. Clicking a node draws that record's own links around it too.
import { explain, HubApi } from "../api";
import { cityName, Scope, yearFilter } from "../city-picker";
import { byId, el, show } from "../dom";
import { EDGE_KIND, label, NODE_TYPE } from "../labels";
import { countryList, drawWorldMap } from "../map/world-map";
import { CityHit, searchCities } from "./city-search";
import {
  distances,
  EDGE_COLOURS,
  Layout,
  NetworkEdge,
  NetworkGraph,
  NetworkNode,
  NODE_COLOURS,
} from "./graph";

const NETWORK = `query($centerId: ID!, $depth: Int, $limit: Int) {
  network(centerId: $centerId, depth: $depth, limit: $limit) {
    nodes { id type label }
    edges { source target kind weight }
  }
}`;

const YEAR_VISITS = `query($filter: DelegationFilter) {
  delegations(filter: $filter, first: 500) { nodes { id } }
}`;

const EXCHANGES = `query($visits: DelegationFilter, $partners: PartnershipFilter) {
  delegationStats(groupBy: [COUNTRY], filter: $visits) { key batches }
  partnershipStats(groupBy: [COUNTRY], filter: $partners) { key count }
  countries(first: 500) { nodes { code nameZh } }
}`;

/** Read at once, drawn a step at a time: the year's filter needs the whole neighbourhood. */
const READ_AT_MOST = 500;
const DRAW_STEP = 40;

type Network = { nodes: NetworkNode[]; edges: NetworkEdge[] };
type Center = Pick<CityHit, "id" | "nameZh" | "nameEn"> & { country?: CityHit["country"] };

const EMPTY =
  "在上方选择一个城市，或搜索一个城市（如 鹤城、南昌、Fuqing），查看它的友好城市、来访出访团组、侨领和投资意向 · " +
  "pick or search a city to draw its sister cities, delegations, people and investments";

export class NetworkView {
  private readonly graph: NetworkGraph;
  private readonly message = byId("network-message");
  private readonly more = byId<HTMLButtonElement>("network-more");
  private scope: Scope = { year: 0, city: null };
  private center: Center | null = null;
  /** The center's neighbourhood in the year, nearest first, and how much of it is drawn. */
  private whole: Network = { nodes: [], edges: [] };
  private drawnAtMost = DRAW_STEP;
  /** The visits of the year the network may show. */
  private visits = new Set<string>();
  /** Drawing waits until the view is shown. */
  private stale = false;

  constructor(
    private readonly api: HubApi,
    /** Offers a found city to the header's picker; false when the picker has no such city. */
    private readonly pick: (city: CityHit) => boolean,
  ) {
    this.graph = new NetworkGraph(byId("graph"), (node) => void this.expand(node));
    byId("network-legend").append(
      legend(NODE_COLOURS, NODE_TYPE, "node"),
      legend(EDGE_COLOURS, EDGE_KIND, "edge"),
    );
    show(this.message, EMPTY);
    byId<HTMLFormElement>("network-search").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.search(byId<HTMLInputElement>("city-search").value.trim());
    });
    this.more.addEventListener("click", () => {
      this.drawnAtMost += DRAW_STEP;
      this.drawSome();
    });
    for (const button of document.querySelectorAll<HTMLButtonElement>("[data-zoom]")) {
      button.addEventListener("click", () => {
        if (button.dataset.zoom === "fit") this.graph.refit();
        else this.graph.zoom(button.dataset.zoom === "in" ? 1 : -1);
      });
    }
    const layout = byId<HTMLSelectElement>("network-layout");
    layout.addEventListener("change", () => this.graph.arrange(layout.value as Layout));
  }

  private get visible(): boolean {
    return !byId("view-network").hidden;
  }

  /** Call when the view is shown: what changed while it was hidden is drawn now. */
  shown(): void {
    if (this.stale) void this.redraw();
    else this.graph.refit();
  }

  /** Another year redraws the same center; another city draws that city. */
  follow(scope: Scope): void {
    if (scope.city?.id !== this.scope.city?.id || !this.center) this.center = scope.city;
    this.scope = scope;
    this.stale = true;
    if (this.visible) void this.redraw();
  }

  get drawn(): ReturnType<NetworkGraph["describe"]> & { total: number } {
    return { ...this.graph.describe(), total: this.whole.nodes.length };
  }

  /** A city the header offers is picked there; another one is drawn here alone. */
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

  /** Picking the city in the header redraws this view with the rest. */
  async open(city: CityHit): Promise<void> {
    this.center = city;
    if (!this.pick(city)) await this.redraw();
  }

  private async redraw(): Promise<void> {
    this.stale = false;
    await Promise.all([this.drawCenter(), this.drawExchanges()]);
  }

  private async drawCenter(): Promise<void> {
    const center = this.center;
    const container = byId("graph");
    if (!center) {
      this.whole = { nodes: [], edges: [] };
      this.graph.draw("", [], []);
      delete container.dataset.centerId;
      delete container.dataset.centerLabel;
      byId("network-title").textContent = "关系网络 Network";
      this.more.hidden = true;
      show(this.message, EMPTY);
      return;
    }
    show(this.message);
    const answer = await this.attempt(() =>
      Promise.all([
        this.api.query<{ network: Network }>(NETWORK, {
          centerId: center.id,
          depth: 2,
          limit: READ_AT_MOST,
        }),
        this.api.query<{ delegations: { nodes: { id: string }[] } }>(YEAR_VISITS, {
          filter: { ...yearFilter(this.scope.year), homeCityId: this.scope.city?.id },
        }),
      ]),
    );
    if (!answer || center !== this.center) return;
    const [{ network }, { delegations }] = answer;
    this.visits = new Set(delegations.nodes.map((visit) => visit.id));
    this.whole = this.ofTheYear(center.id, network);
    this.drawnAtMost = DRAW_STEP;
    this.drawSome();
    container.dataset.centerId = center.id;
    container.dataset.centerLabel = center.nameZh;
    const country = center.country ? ` · ${center.country.nameZh}` : "";
    byId("network-title").textContent =
      `${center.nameZh} ${center.nameEn}${country} · ${this.scope.year} 年`;
    if (this.whole.nodes.length <= 1) {
      show(
        this.message,
        `${center.nameZh} ${this.scope.year} 年没有可显示的关系 · no links to draw`,
      );
    }
  }

  /** The nearest nodes, as many as asked for, and the links among them. */
  private drawSome(): void {
    const nodes = this.whole.nodes.slice(0, this.drawnAtMost);
    const ids = new Set(nodes.map((node) => node.id));
    const edges = this.whole.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
    this.graph.draw(this.center?.id ?? "", nodes, edges);
    const total = this.whole.nodes.length;
    this.more.hidden = total <= nodes.length;
    this.more.textContent = `显示更多 show more (${nodes.length} / ${total})`;
    byId("network-count").textContent = total
      ? `显示 ${nodes.length} / 共 ${total} 个节点 · ${nodes.length} of ${total} nodes`
      : "";
  }

  private async expand(node: NetworkNode): Promise<void> {
    const network = await this.attempt(() =>
      this.api.query<{ network: Network }>(NETWORK, { centerId: node.id, depth: 1, limit: 150 }),
    );
    if (network) {
      const { nodes, edges } = this.ofTheYear(node.id, network.network);
      this.graph.expand(nodes, edges);
    }
  }

  /** Leaves out the visits of other years, and whatever only they linked to `from`. */
  private ofTheYear(from: string, { nodes, edges }: Network): Network {
    const kept = nodes.filter((node) => node.type !== "Delegation" || this.visits.has(node.id));
    const ids = new Set(kept.map((node) => node.id));
    const links = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
    const reached = distances(from, kept, links);
    return {
      nodes: kept.filter((node) => reached.has(node.id)),
      edges: links.filter((edge) => reached.has(edge.source) && reached.has(edge.target)),
    };
  }

  /** The picked city's (or all cities') visits of the year by country, and partners' countries. */
  private async drawExchanges(): Promise<void> {
    const { year, city } = this.scope;
    byId("world-title").textContent =
      `${cityName(this.scope)} · ${year} 年来访出访国家（橙框为友城所在国） · visits by country, partners outlined`;
    const homeCityId = city?.id;
    const answer = await this.attempt(() =>
      this.api.query<{
        delegationStats: { key: string[]; batches: number }[];
        partnershipStats: { key: string[]; count: number }[];
        countries: { nodes: { code: string; nameZh: string }[] };
      }>(EXCHANGES, { visits: { ...yearFilter(year), homeCityId }, partners: { homeCityId } }),
    );
    if (!answer) return;
    const known = (key: string[]) => key[0] !== "UNKNOWN";
    const exchanges = {
      visits: new Map(
        answer.delegationStats.filter((s) => known(s.key)).map((s) => [s.key[0], s.batches]),
      ),
      partnerships: new Map(
        answer.partnershipStats.filter((s) => known(s.key)).map((s) => [s.key[0], s.count]),
      ),
    };
    const names = new Map(answer.countries.nodes.map((country) => [country.code, country.nameZh]));
    show(byId("world"), drawWorldMap(exchanges, names), countryList(exchanges, names));
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
