// The year's counters of visits: batches (批) and person-times (人次), inbound and outbound, as
// the hub's delegationStats counts them. They are read again after each new visit rather than
// added up on the page, so that they always agree with the records.
import { explain, HubApi } from "./api";
import { el, show } from "./dom";

const STATS = `query($filter: DelegationFilter) {
  delegationStats(groupBy: [DIRECTION], filter: $filter) { key batches personTimes }
}`;

interface Stat {
  key: string[];
  batches: number;
  personTimes: number;
}

const REFRESH_DELAY_MS = 150;

export class YearCounters {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly api: HubApi,
    private readonly box: HTMLElement,
    private year: number,
  ) {}

  setYear(year: number): void {
    this.year = year;
    void this.refresh();
  }

  /** Several visits arriving together cost one read. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const filter = { from: `${this.year}-01-01`, to: `${this.year}-12-31` };
    try {
      const { delegationStats } = await this.api.query<{ delegationStats: Stat[] }>(STATS, {
        filter,
      });
      this.render(delegationStats);
    } catch (error) {
      show(this.box, el("p", { class: "notice" }, explain(error, "统计 counters ", "token")));
    }
  }

  private render(stats: Stat[]): void {
    const of = (direction: string) =>
      stats.find((stat) => stat.key[0] === direction) ?? { batches: 0, personTimes: 0 };
    show(
      this.box,
      el("h3", {}, `${this.year} 年 · year`),
      ...(["INBOUND", "OUTBOUND"] as const).flatMap((direction) => {
        const { batches, personTimes } = of(direction);
        const word = direction === "INBOUND" ? "来访 inbound" : "出访 outbound";
        const key = direction.toLowerCase();
        return [
          counter(`${key}-batches`, `${word} · 批 batches`, batches),
          counter(`${key}-person-times`, `${word} · 人次 person-times`, personTimes),
        ];
      }),
    );
  }
}

function counter(name: string, caption: string, value: number): HTMLElement {
  return el(
    "div",
    { class: "counter", "data-counter": name },
    el("span", { class: "value" }, value),
    el("span", { class: "caption" }, caption),
  );
}
