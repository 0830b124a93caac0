// The header's city, which the counters, the feed, the network, the map and the plan all show,
// with the year beside it. It opens on the city the address names, else the one last picked in
// this browser, else the token's city, else the city with most delegations; or on all cities.
import { HubApi } from "./api";
import { byId, el, show } from "./dom";
import { CityHit, searchCities } from "./network/city-search";

const CITIES = `{
  cities(filter: { chinese: true }, first: 500) { nodes { id nameZh nameEn } }
  delegationStats(groupBy: [HOME_CITY]) { key batches }
}`;

export interface City {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** What the views show: the year's records of one city, or of all cities when `city` is null. */
export interface Scope {
  year: number;
  city: City | null;
}

/** The delegations filter's words for the visits of a year. */
export function yearFilter(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function cityName({ city }: Scope): string {
  return city ? `${city.nameZh} ${city.nameEn}` : "全部城市 all cities";
}

const STORED = "hub.city";
/** The option, the stored choice and the address's word for all cities. */
const ALL = "all";

export class CityPicker {
  private readonly select = byId<HTMLSelectElement>("city");
  private cities: City[] = [];
  private busiest?: string;

  constructor(
    private readonly api: HubApi,
    onPick: () => void,
  ) {
    this.select.addEventListener("change", () => {
      this.remember();
      onPick();
    });
  }

  /** The city picked by hand is the one this browser opens on next time. */
  remember(): void {
    localStorage.setItem(STORED, this.select.value);
  }

  get city(): City | null {
    return this.cities.find((city) => city.id === this.select.value) ?? null;
  }

  /** The address's word for the city picked. */
  get named(): string {
    return this.city?.nameZh ?? ALL;
  }

  /** Reads the cities; without them (a refused token) only all cities are offered. */
  async load(): Promise<void> {
    try {
      const { cities, delegationStats } = await this.api.query<{
        cities: { nodes: City[] };
        delegationStats: { key: string[]; batches: number }[];
      }>(CITIES);
      this.cities = cities.nodes;
      const offered = new Set(this.cities.map((city) => city.id));
      this.busiest = [...delegationStats]
        .filter((stat) => offered.has(stat.key[0]))
        .sort((a, b) => b.batches - a.batches)[0]?.key[0];
    } catch {
      this.cities = [];
      this.busiest = undefined;
    }
    show(
      this.select,
      el("option", { value: ALL }, "全部城市 all cities"),
      ...this.cities.map((city) =>
        el("option", { value: city.id }, `${city.nameZh} ${city.nameEn}`),
      ),
    );
  }

  /** The token's city, else the city with most delegations, else all cities. */
  pickDefault(): void {
    const mine = new Set((this.api.claims().cities ?? []).map((id) => id.toLowerCase()));
    const own = this.cities.find((city) => mine.has(city.id.toLowerCase()));
    this.select.value = own?.id ?? this.busiest ?? ALL;
    localStorage.removeItem(STORED);
  }

  /**
   * Picks the city the address names (by id, name or, through the hub's search, an alias), else
   * the one stored, else the default. A city found that the picker does not offer (a partner
   * city abroad) is returned, for the network to draw.
   */
  async pickNamed(asked: string | null): Promise<CityHit | undefined> {
    if (asked && this.choose(asked)) return undefined;
    let found: CityHit | undefined;
    if (asked) {
      found = (await searchCities(this.api, asked).catch(() => []))[0];
      if (found && this.choose(found.id)) return undefined;
    }
    if (!this.choose(localStorage.getItem(STORED))) this.pickDefault();
    return found;
  }

  /** Picks a city by id, Chinese or English name, or ALL; false when none is offered. */
  choose(wanted: string | null): boolean {
    if (wanted === null) return false;
    const word = wanted.toLowerCase();
    const city = this.cities.find((c) =>
      [c.id.toLowerCase(), c.nameZh, c.nameEn.toLowerCase()].includes(word),
    );
    if (!city && word !== ALL) return false;
    this.select.value = city?.id ?? ALL;
    return true;
  }
}
